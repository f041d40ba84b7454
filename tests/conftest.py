"""Shared test set-up: GUI tests run offscreen, Numba uses the thread-safe layer."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
