"""Shared test set-up: GUI tests run offscreen, on a desktop-sized virtual screen."""

from __future__ import annotations

import os
from pathlib import Path

# Qt's offscreen screen is 800x800 by default, smaller than the window's minimum size, so Qt
# would clamp restored geometry; a 1920x1080 screen behaves like a real desktop.
_SCREEN = Path(__file__).resolve().parent / "resources" / "offscreen-screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")
