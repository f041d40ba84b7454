"""Shared test set-up: GUI tests run offscreen, on a desktop-sized virtual screen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt's offscreen screen is 800x800 by default, smaller than the window's minimum size, so Qt
# would clamp restored geometry; a 1920x1080 screen behaves like a real desktop.
_SCREEN = Path(__file__).resolve().parent / "resources" / "offscreen-screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")


@pytest.fixture(autouse=True)
def _no_blocking_save_question(monkeypatch, request):
    """A window closed at a test's end with unsaved training would ask Save / Discard / Cancel
    in a modal box, which nobody answers offscreen: answer Discard. Tests of that question
    replace `_ask` on their window and check what it was asked."""
    if "ui" not in request.node.nodeid.split("/"):
        return
    from PySide6.QtWidgets import QMessageBox

    from playground.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "_ask", lambda self, box: QMessageBox.StandardButton.Discard)
