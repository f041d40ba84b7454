"""The draw pad: the user writes a digit with the mouse or a pen, and gets an MNIST-style input.

The pad shows what the network sees: white ink on black, as in MNIST. Strokes are kept as lists
of points (so undo is exact and the drawing can be re-rendered at any size); `to_input()` renders
them into a grayscale image and hands it to `playground.data.mnist_style`, which does what MNIST's
makers did: crop to the ink, fit a 20x20 box keeping the aspect ratio, centre the centre of mass
in 28x28. A tablet pen works as a mouse: Qt turns unhandled tablet events into mouse events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.data import mnist_style

#: Side of the pad in logical pixels: ten times MNIST's 28.
PAD_SIZE = 280
#: Default brush width in pad pixels. A digit drawn about 200 px tall is scaled by 20/200 into
#: MNIST's 20x20 box, so 30 px becomes a 3 px stroke there, about as much ink as MNIST's digits.
DEFAULT_BRUSH_WIDTH = 30
MIN_BRUSH_WIDTH = 6
MAX_BRUSH_WIDTH = 64


@dataclass
class Stroke:
    """One press-drag-release of the pen: its width and the points it passed through."""

    width: float
    points: list[QPointF] = field(default_factory=list)

    def path(self) -> QPainterPath:
        """The polyline through the points."""
        path = QPainterPath(self.points[0])
        for point in self.points[1:]:
            path.lineTo(point)
        return path

    def paint(self, painter: QPainter, color: QColor) -> None:
        """Draw with a round, anti-aliased pen; a stroke that never moved is a round dot."""
        painter.setPen(_pen(self.width, color))
        if len(self.points) == 1:
            painter.drawPoint(self.points[0])
        else:
            painter.drawPath(self.path())


class _AddStrokeCommand(QUndoCommand):
    """Undo step for one finished stroke."""

    def __init__(self, pad: DrawPad, stroke: Stroke) -> None:
        super().__init__(pad.tr("stroke"))
        self._pad = pad
        self._stroke = stroke

    def redo(self) -> None:
        self._pad._set_strokes([*self._pad.strokes, self._stroke])

    def undo(self) -> None:
        self._pad._set_strokes(self._pad.strokes[:-1])


class _ClearCommand(QUndoCommand):
    """Undo step for clearing the pad, so a slip of the Clear button can be taken back."""

    def __init__(self, pad: DrawPad) -> None:
        super().__init__(pad.tr("clear"))
        self._pad = pad
        self._old = list(pad.strokes)

    def redo(self) -> None:
        self._pad._set_strokes([])

    def undo(self) -> None:
        self._pad._set_strokes(self._old)


def render_strokes(strokes: list[Stroke], size: int = PAD_SIZE, scale: float = 1.0) -> np.ndarray:
    """Render strokes as white anti-aliased ink on black: float32 (size, size) in [0, 1]."""
    image = QImage(size, size, QImage.Format.Format_Grayscale8)
    image.fill(0)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.scale(scale, scale)
        for stroke in strokes:
            stroke.paint(painter, QColor(255, 255, 255))
    finally:
        painter.end()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    pixels = buffer.reshape(size, image.bytesPerLine())[:, :size]
    return pixels.astype(np.float32) / np.float32(255.0)


def _pen(width: float, color: QColor) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class DrawPad(QWidget):
    """A 280x280 pad to write a digit on; its strokes undo one at a time.

    `drawing_changed` fires on every change, also while a stroke is being drawn, so a live
    prediction can follow the pen; `stroke_finished` fires when the pen is lifted.
    """

    drawing_changed = Signal()
    stroke_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawPad")
        self.setFixedSize(PAD_SIZE, PAD_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setToolTip(self.tr("Draw a digit here; the network reads it as you write"))
        self.setAccessibleName(self.tr("Drawing pad"))
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._brush_width = float(DEFAULT_BRUSH_WIDTH)
        #: A note over dimmed strokes while the network reads something else ("" for none).
        self.overlay = ""

    # --- public API ---------------------------------------------------------------------------
    def set_overlay(self, text: str) -> None:
        """Dim the strokes under `text` (a dataset image is being read), or "" to undim."""
        if text != self.overlay:
            self.overlay = text
            self.update()

    @property
    def strokes(self) -> list[Stroke]:
        """The finished strokes, oldest first (a copy)."""
        return list(self._strokes)

    def brush_width(self) -> float:
        """Width of the pen for the next stroke, in pad pixels."""
        return self._brush_width

    def set_brush_width(self, width: float) -> None:
        """Set the pen width for the next strokes (finished strokes keep theirs)."""
        self._brush_width = float(min(max(width, MIN_BRUSH_WIDTH), MAX_BRUSH_WIDTH))

    def is_blank(self) -> bool:
        """True when there is no ink at all on the pad."""
        return not self._strokes and self._current is None

    def clear(self) -> None:
        """Empty the pad (one undo step, so Ctrl+Z brings the drawing back)."""
        self._current = None
        if self._strokes:
            self.undo_stack.push(_ClearCommand(self))
        else:
            self.update()
            self.drawing_changed.emit()

    def undo(self) -> None:
        """Take back the last stroke (or the last clear)."""
        self.undo_stack.undo()

    def image(self) -> np.ndarray:
        """The drawing as the pad shows it: float32 (280, 280) in [0, 1], ink is 1."""
        strokes = self._strokes + ([self._current] if self._current is not None else [])
        return render_strokes(strokes)

    def to_input(self) -> np.ndarray:
        """The drawing as an MNIST digit: float32 (28, 28) in [0, 1]; zeros when blank."""
        if self.is_blank():
            return np.zeros((28, 28), dtype=np.float32)
        return np.asarray(mnist_style(self.image()), dtype=np.float32)

    # --- drawing ------------------------------------------------------------------------------
    def _set_strokes(self, strokes: list[Stroke]) -> None:
        self._strokes = list(strokes)
        self.update()
        self.drawing_changed.emit()

    def sizeHint(self) -> QSize:
        return QSize(PAD_SIZE, PAD_SIZE)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.fillRect(self.rect(), QColor(0, 0, 0))
            if self.is_blank() and not self.overlay:
                painter.setPen(QColor(120, 120, 120))
                painter.drawText(
                    QRectF(self.rect()),
                    Qt.AlignmentFlag.AlignCenter,
                    self.tr("Draw a digit here"),
                )
            strokes = self._strokes + ([self._current] if self._current is not None else [])
            ink = QColor(90, 90, 90) if self.overlay else QColor(255, 255, 255)
            for stroke in strokes:
                stroke.paint(painter, ink)
            if self.overlay:  # the network reads something else: the strokes step back
                painter.setPen(QColor(200, 200, 200))
                painter.drawText(
                    QRectF(self.rect()).adjusted(8, 8, -8, -8),
                    Qt.AlignmentFlag.AlignTop
                    | Qt.AlignmentFlag.AlignHCenter
                    | Qt.TextFlag.TextWordWrap,
                    self.overlay,
                )
            if self.hasFocus():
                painter.setPen(QPen(self.palette().highlight().color(), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        finally:
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        # A press with a stroke still open: its release never came (the mouse grab was lost,
        # another window took the focus). The stroke was thrown away; it is kept now.
        self._finish_stroke()
        self._current = Stroke(self._brush_width, [event.position()])
        event.accept()
        self.update()
        self.drawing_changed.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is None:
            super().mouseMoveEvent(event)
            return
        point = event.position()
        last = self._current.points[-1]
        if abs(point.x() - last.x()) + abs(point.y() - last.y()) < 0.5:
            return
        self._current.points.append(point)
        event.accept()
        self.update()
        self.drawing_changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._current is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        if event.position() != self._current.points[-1]:
            self._current.points.append(event.position())
        event.accept()
        self._finish_stroke()

    def _finish_stroke(self) -> None:
        """Make the open stroke, if any, one undoable step of the drawing."""
        if self._current is None:
            return
        stroke, self._current = self._current, None
        self.undo_stack.push(_AddStrokeCommand(self, stroke))  # redo() adds it and repaints
        self.stroke_finished.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
