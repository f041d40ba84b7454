"""Graphics items of the network canvas: a block per layer and an arrow per link.

Stock items only (no Python `paint()` overrides; see DESIGN.md, hazards): a block is a
QGraphicsWidget, which paints nothing itself, holding a rounded QGraphicsPathItem body and
QGraphicsSimpleTextItem lines; its look changes through pens and brushes. Each block carries the
text it shows as its toolTip, so screen readers and tests read what the user sees.

Zoomed out below COMPACT_BELOW, where its four small lines would be a few pixels high, a block
shows just its name, parameter count and output shape, in type three times the size (a count
that would crowd the name gets smaller type; a fault shows its reason without the name).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
    QGraphicsWidget,
)

BLOCK_WIDTH = 280.0
BLOCK_HEIGHT = 76.0
_PAD = 10.0
_RADIUS = 7.0
#: How far an arrow to the next column runs below its block and above the next one.
_WRAP = 14.0
#: Below this zoom a block shows its compact face (the normal text would be under ~8 px).
COMPACT_BELOW = 0.7
#: Pixel sizes (scene units) of the compact face's two lines.
_BIG_TITLE = 27
_BIG_LINE = 25
#: The smallest the compact face's parameter count shrinks to, to leave the name whole.
_SMALL_COUNT = 17

#: Fill and outline colours by layer type (light fill, darker outline).
TYPE_COLORS: dict[str, tuple[str, str]] = {
    "input": ("#eceff1", "#78909c"),
    "conv": ("#e3f2fd", "#1e88e5"),
    "pool": ("#e8f5e9", "#43a047"),
    "dense": ("#fff3e0", "#fb8c00"),
    "activation": ("#f3e5f5", "#8e24aa"),
}
ERROR_FILL = "#ffebee"
ERROR_LINE = "#d32f2f"
#: A block the engine accepts but the dataset does not fit (the status line's orange).
WARNING_FILL = "#fff8e1"
WARNING_LINE = "#b36b00"
SELECT_LINE = "#ff6f00"
LINK_COLOR = "#607d8b"
LINK_HOT = "#ff6f00"


def _tr(text: str) -> str:
    return QCoreApplication.translate("NetworkCanvas", text)


def type_color(kind: str) -> QColor:
    """The outline colour of a layer type (the palette uses it for its swatches)."""
    return QColor(TYPE_COLORS.get(kind, TYPE_COLORS["input"])[1])


def _without_name(message: str, name: str) -> str:
    """An engine message without its leading "name: " (or the Chinese "name："), which the
    block's title already shows."""
    for colon in (": ", "："):
        if message.startswith(name + colon):
            return message[len(name) + len(colon) :].lstrip()
    return message


class BlockItem(QGraphicsWidget):
    """One block on the canvas: title and parameter count, settings, shapes (or the fault)."""

    def __init__(self, node_id: int, kind: str) -> None:
        super().__init__()
        self.node_id = node_id
        self.kind = kind
        self.error: str | None = None
        self.warning: str | None = None
        self.resize(BLOCK_WIDTH, BLOCK_HEIGHT)
        flags = (
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        if kind != "input":
            flags |= QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        self.setFlags(flags)
        self.setCursor(
            Qt.CursorShape.OpenHandCursor if kind != "input" else Qt.CursorShape.ArrowCursor
        )
        self.setZValue(1.0)

        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, BLOCK_WIDTH, BLOCK_HEIGHT), _RADIUS, _RADIUS)
        self.body = QGraphicsPathItem(path, self)
        strip = QPainterPath()
        strip.addRoundedRect(QRectF(0, 0, 7, BLOCK_HEIGHT), 3, 3)
        self.strip = QGraphicsPathItem(strip, self)
        self.strip.setPen(QPen(Qt.PenStyle.NoPen))

        bold = QFont()
        bold.setBold(True)
        self.title_item = QGraphicsSimpleTextItem(self)
        self.title_item.setFont(bold)
        self.title_item.setPos(_PAD + 6, 7)
        self.params_item = QGraphicsSimpleTextItem(self)
        self.params_item.setFont(bold)
        self.settings_item = QGraphicsSimpleTextItem(self)
        self.settings_item.setPos(_PAD + 6, 29)
        self.shape_item = QGraphicsSimpleTextItem(self)
        self.shape_item.setPos(_PAD + 6, 50)
        # The compact face, shown instead of the four lines above when zoomed far out.
        big = QFont(bold)
        big.setPixelSize(_BIG_TITLE)
        self.big_title = QGraphicsSimpleTextItem(self)
        self.big_title.setFont(big)
        self.big_params = QGraphicsSimpleTextItem(self)
        self.big_params.setFont(big)
        line = QFont()
        line.setPixelSize(_BIG_LINE)
        self.big_line = QGraphicsSimpleTextItem(self)
        self.big_line.setFont(line)
        self.compact = False
        self._selected = False
        self._show_face()
        self._restyle()

    # ------------------------------------------------------------------------------ content
    def set_content(
        self,
        title: str,
        params: str,
        settings: str,
        shape: str,
        error: str | None,
        note: str,
        brief: str = "",
        count: str = "",
        warning: str | None = None,
    ) -> None:
        """Show a block's texts; `error` (the engine's message) marks it red, `warning` (what
        the dataset will not fit) orange, in place of the shape line; `note` teaches. The
        compact face shows `count` (the parameter count alone) and `brief` (default: `shape`)."""
        self.error = error
        self.warning = warning if not error else None
        self.title_item.setText(title)
        self.params_item.setText(params)
        width = self.params_item.boundingRect().width()
        self.params_item.setPos(BLOCK_WIDTH - _PAD - width, 7)
        self.settings_item.setText(settings)
        room = BLOCK_WIDTH - 2 * _PAD - 6
        metrics = QFontMetricsF(self.shape_item.font())
        # Under its own title, "⚠ conv2: groups=…" spent the line on the name: the reason only.
        reason = _without_name(error, title) if error else None
        shown = f"⚠ {reason}" if reason else f"⚠ {self.warning}" if self.warning else shape
        self.shape_item.setText(metrics.elidedText(shown, Qt.TextElideMode.ElideRight, room))
        self.shape_item.setBrush(QBrush(QColor(self._text_color())))
        self._set_big(title, count, f"⚠ {reason}" if reason else brief or shape)
        lines = [title + (f"  [{params}]" if params else ""), settings, shape]
        if error:
            lines.append(_tr("Error: {message}").format(message=error))
        elif self.warning:
            lines.append(f"⚠ {self.warning}")
        tip = "\n".join(line for line in lines if line)
        if note:
            tip += "\n\n" + note
        self.setToolTip(tip)
        self.setData(Qt.ItemDataRole.AccessibleTextRole, tip)
        self._restyle()

    def _text_color(self) -> str:
        """The colour of the shape line: red for a fault, orange for a warning."""
        return ERROR_LINE if self.error else WARNING_LINE if self.warning else "#263238"

    def _set_big(self, title: str, count: str, line: str) -> None:
        """Fill the compact face: name and parameter count on top, the output shape below
        ("20,040 params" in large type would crowd the name: the number alone)."""
        room = BLOCK_WIDTH - 2 * _PAD - 6
        metrics = QFontMetricsF(self.big_title.font())
        # The name comes first: "den…" beside "1,600,100" named nothing. A count that leaves
        # the name too little room gets smaller type (down to _SMALL_COUNT), on the same
        # baseline.
        font = QFont(self.big_title.font())
        gap = _PAD if count else 0.0
        fits = room - gap - metrics.horizontalAdvance(title)
        width = QFontMetricsF(font).horizontalAdvance(count)
        if count and width > fits:
            size = int(_BIG_TITLE * max(fits, 0.0) / width)
            font.setPixelSize(max(_SMALL_COUNT, min(_BIG_TITLE, size)))
        self.big_params.setFont(font)
        self.big_params.setText(count)
        count_metrics = QFontMetricsF(font)
        width = count_metrics.horizontalAdvance(count)
        baseline = 6 + metrics.ascent() - count_metrics.ascent()
        self.big_params.setPos(BLOCK_WIDTH - _PAD - width, baseline)
        title_room = room - width - gap
        self.big_title.setText(metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_room))
        self.big_title.setPos(_PAD + 6, 6)
        metrics = QFontMetricsF(self.big_line.font())
        for mark in ("→", "≠"):  # the output shape, the dataset's shape: what matters
            if metrics.horizontalAdvance(line) > room and mark in line:
                line = f"{mark} " + line.rsplit(mark, 1)[1].strip()
        self.big_line.setText(metrics.elidedText(line, Qt.TextElideMode.ElideRight, room))
        self.big_line.setBrush(QBrush(QColor(self._text_color())))
        self.big_line.setPos(_PAD + 6, BLOCK_HEIGHT - 8 - metrics.height())

    def set_compact(self, compact: bool) -> None:
        """Show the compact face (zoomed far out) or the full one."""
        if compact != self.compact:
            self.compact = compact
            self._show_face()

    def _show_face(self) -> None:
        for item in (self.title_item, self.params_item, self.settings_item, self.shape_item):
            item.setVisible(not self.compact)
        for item in (self.big_title, self.big_params, self.big_line):
            item.setVisible(self.compact)

    def shown_text(self) -> str:
        """The text lines the block shows, in order (for tests and screen readers)."""
        items = (
            (self.big_title, self.big_params, self.big_line)
            if self.compact
            else (self.title_item, self.params_item, self.settings_item, self.shape_item)
        )
        return "\n".join(t.text() for t in items if t.text())

    # ------------------------------------------------------------------------------ look
    def set_highlight(self, selected: bool) -> None:
        """Show (or hide) the selection outline."""
        self._selected = selected
        self._restyle()

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        """Restyle when the selection changes; Qt owns the rest."""
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._selected = bool(value)
            self._restyle()
        return super().itemChange(change, value)

    def _restyle(self) -> None:
        fill, line = TYPE_COLORS.get(self.kind, TYPE_COLORS["input"])
        if self.error:
            fill, line = ERROR_FILL, ERROR_LINE
        elif self.warning:
            fill, line = WARNING_FILL, WARNING_LINE
        width = 2.0
        if self._selected:
            width = 3.5
            if not self.error:
                line = SELECT_LINE
        self.body.setBrush(QBrush(QColor(fill)))
        self.body.setPen(QPen(QColor(line), width))
        strip = TYPE_COLORS.get(self.kind, TYPE_COLORS["input"])[1]
        if self.error or self.warning:
            strip = ERROR_LINE if self.error else WARNING_LINE
        self.strip.setBrush(QBrush(QColor(strip)))

    # ------------------------------------------------------------------------------ geometry
    def out_port(self) -> QPointF:
        """Where arrows leave the block (bottom centre), in scene coordinates."""
        return self.mapToScene(QPointF(BLOCK_WIDTH / 2, BLOCK_HEIGHT))

    def in_port(self) -> QPointF:
        """Where arrows enter the block (top centre), in scene coordinates."""
        return self.mapToScene(QPointF(BLOCK_WIDTH / 2, 0))

    def center(self) -> QPointF:
        """The block's centre in scene coordinates."""
        return self.mapToScene(QPointF(BLOCK_WIDTH / 2, BLOCK_HEIGHT / 2))


class LinkItem(QGraphicsPathItem):
    """An arrow from one block to the next: the data flows along it."""

    HIT_WIDTH = 26.0

    def __init__(self, source: BlockItem, sink: BlockItem) -> None:
        super().__init__()
        self.source = source
        self.sink = sink
        self.setZValue(0.0)
        self.head = QGraphicsPathItem(self)
        self.head.setPen(QPen(Qt.PenStyle.NoPen))
        # A wide invisible twin catches hovers, tooltips and drops near the thin line.
        self.hit = QGraphicsPathItem(self)
        self.hit.setPen(QPen(QColor(0, 0, 0, 0), self.HIT_WIDTH))
        self._hit_shape = QPainterPath()
        self.set_hot(False)
        self.update_path()

    def set_hot(self, hot: bool) -> None:
        """Highlight the arrow as the place where a dragged layer would go."""
        color = QColor(LINK_HOT if hot else LINK_COLOR)
        pen = QPen(color, 4.0 if hot else 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.head.setBrush(QBrush(color))
        self.hot = hot

    def set_tip(self, text: str) -> None:
        """Tooltip of the arrow (what flows along it and what a drop does)."""
        self.setToolTip(text)
        self.hit.setToolTip(text)

    def update_path(self) -> None:
        """Re-route the arrow after a block moved: a smooth curve between the ports, or, to a
        block higher up (the top of the next column), down, across the gap, up and over."""
        start, end = self.source.out_port(), self.sink.in_port()
        path = QPainterPath(start)
        if end.y() < start.y() + 20 and abs(end.x() - start.x()) > BLOCK_WIDTH / 2:
            mid = (start.x() + end.x()) / 2
            low, high = start.y() + _WRAP, end.y() - _WRAP - 10
            for x, y in ((start.x(), low), (mid, low), (mid, high), (end.x(), high)):
                path.lineTo(x, y)
            path.lineTo(end - QPointF(0, 10))
        else:
            bend = max(30.0, abs(end.y() - start.y()) / 2)
            path.cubicTo(
                start + QPointF(0, bend), end - QPointF(0, bend + 10), end - QPointF(0, 10)
            )
        self.setPath(path)
        self.hit.setPath(path)
        stroker = QPainterPathStroker()
        stroker.setWidth(self.HIT_WIDTH)
        self._hit_shape = stroker.createStroke(path)
        head = QPolygonF([QPointF(0, 0), QPointF(-12, -6), QPointF(-12, 6)])
        angle = path.angleAtPercent(1.0)
        transform = QTransform().translate(end.x(), end.y()).rotate(-angle)
        # The path stops 10 units short of the block; the head covers that gap.
        head_path = QPainterPath()
        head_path.addPolygon(transform.map(head))
        head_path.closeSubpath()
        self.head.setPath(head_path)

    def hit_test(self, point: QPointF) -> bool:
        """True when a scene point is on (or near) the arrow."""
        return self._hit_shape.contains(point)
