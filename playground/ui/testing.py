"""Helpers to drive the draw pad with real mouse events, for tests and users' scripts."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

Point = tuple[float, float]


def send_mouse(
    widget: QWidget,
    kind: QEvent.Type,
    point: Point,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
) -> None:
    """Send one mouse event to `widget` at `point` (widget coordinates)."""
    local = QPointF(*point)
    event = QMouseEvent(
        kind, local, widget.mapToGlobal(local), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def draw_stroke(
    widget: QWidget, points: Sequence[Point], button: Qt.MouseButton = Qt.MouseButton.LeftButton
) -> None:
    """Press at the first point, drag through the others, release at the last (widget coords)."""
    if not points:
        raise ValueError("a stroke needs at least one point")
    none = Qt.MouseButton.NoButton
    send_mouse(widget, QEvent.Type.MouseButtonPress, points[0], button, button)
    for point in points[1:]:
        send_mouse(widget, QEvent.Type.MouseMove, point, none, button)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, points[-1], button, none)


def line_points(start: Point, end: Point, steps: int = 20) -> list[Point]:
    """Evenly spaced points from `start` to `end`, both included."""
    (x0, y0), (x1, y1) = start, end
    return [(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps) for i in range(steps + 1)]


def ellipse_points(center: Point, rx: float, ry: float, steps: int = 48) -> list[Point]:
    """A closed ellipse, starting and ending at its top, drawn counter-clockwise as people do."""
    cx, cy = center
    return [
        (cx - rx * math.sin(2 * math.pi * i / steps), cy - ry * math.cos(2 * math.pi * i / steps))
        for i in range(steps + 1)
    ]
