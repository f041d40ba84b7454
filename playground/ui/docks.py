"""Docks behind another tab: Qt keeps them "visible", parked outside the window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget


def parked(widget: QWidget) -> bool:
    """True while `widget` (a dock, or the panel it holds) sits outside its window: Qt parks
    a dock that is behind another tab there, at a stale size. For a widget inside a dock ask
    about the dock: one merely scrolled out of view lies outside the window too."""
    window = widget.window()
    if window is widget:
        return False
    return not window.rect().intersects(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))
