"""The canvas view (objectName "networkCanvas"): zoom, pan, drops from the palette, keys.

Ctrl + wheel (or Ctrl +/-) zooms around the cursor, dragging the background pans, and the view
fits the network while the user has not zoomed by hand. A layer dragged from the palette is
inserted where it is dropped (on an arrow: between its blocks). Keys: Delete removes the
selected block, Up / Down walk the chain, Alt + Up / Down move the selected block, and Ctrl+Z /
Ctrl+Shift+Z undo and redo when no window shortcut took them first.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from playground.ui.canvas.items import BLOCK_HEIGHT, BLOCK_WIDTH, COMPACT_BELOW, LinkItem
from playground.ui.canvas.model import best_columns
from playground.ui.canvas.scene import MARGIN, NetworkScene

#: The MIME type of a layer dragged from the palette: a JSON layer spec.
LAYER_MIME = "application/x-playground-layer"

MIN_ZOOM = 0.2
MAX_ZOOM = 3.0


def layer_from_mime(mime: QMimeData) -> dict[str, Any] | None:
    """The layer spec carried by a drag, or None if it carries none."""
    if not mime.hasFormat(LAYER_MIME):
        return None
    try:
        layer = json.loads(bytes(mime.data(LAYER_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return layer if isinstance(layer, dict) else None


def layer_to_mime(layer: dict[str, Any]) -> QMimeData:
    """A drag payload for a layer spec."""
    mime = QMimeData()
    mime.setData(LAYER_MIME, json.dumps(layer).encode("utf-8"))
    mime.setText(json.dumps(layer))
    return mime


class NetworkView(QGraphicsView):
    """A QGraphicsView over a NetworkScene, with zoom, pan, drops and keyboard editing."""

    #: A palette layer was dropped: (chain index, layer spec).
    layer_dropped = Signal(int, object)
    #: A key asked to delete the selection.
    delete_requested = Signal()
    #: Alt+Up / Alt+Down asked to move the selected block by -1 / +1.
    move_requested = Signal(int)
    zoom_changed = Signal(float)
    #: A right-click asked for a menu: (scene position, global screen position).
    context_menu_requested = Signal(QPointF, QPoint)

    def __init__(self, scene: NetworkScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("networkCanvas")
        self.setAccessibleName(self.tr("Network canvas"))
        self.setToolTip(
            self.tr(
                "The network, from the input (top left) down to the output; a long network "
                "goes on in the next column.\n"
                "Drag layers here from the palette; drop one on an arrow to insert it there.\n"
                "Drag a block onto another arrow to reorder; Delete removes the selected block.\n"
                "Ctrl + wheel zooms, dragging the background pans; View ▸ Maximize panel gives "
                "the canvas the whole window."
            )
        )
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(Qt.GlobalColor.white)
        self.auto_fit = True
        self._fitting = False
        scene.sceneRectChanged.connect(self._scene_grew)
        # Zoomed far out, blocks trade their small print for their name and shape, large.
        self.zoom_changed.connect(lambda zoom: scene.set_compact(zoom < COMPACT_BELOW))
        self._drop_hot: LinkItem | None = None
        self.undo: Callable[[], None] | None = None
        self.redo: Callable[[], None] | None = None

    def network_scene(self) -> NetworkScene:
        """The scene, typed."""
        scene = self.scene()
        assert isinstance(scene, NetworkScene)
        return scene

    # ------------------------------------------------------------------------------ zoom
    def zoom(self) -> float:
        """The current scale factor (1.0 = 100 %)."""
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Scale to `factor`, kept within [MIN_ZOOM, MAX_ZOOM]; stops auto-fitting."""
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        self.auto_fit = False
        self._scroll_bars(True)
        self.scale(factor / self.zoom(), factor / self.zoom())
        self.zoom_changed.emit(self.zoom())

    def zoom_by(self, step: float) -> None:
        """Zoom in (step > 1) or out (step < 1)."""
        self.set_zoom(self.zoom() * step)

    def fit(self) -> None:
        """Show the whole network, never larger than 100 %, and keep fitting on resize."""
        self.auto_fit = True
        self._fit()

    def _fit(self) -> None:
        if self._fitting:
            return
        scene = self.network_scene()
        # The room without scroll bars: fitting with them, the network fits, they go, the view
        # grows, the fit grows, they come back... (it flickered forever at some dock sizes).
        view = QRect(QPoint(0, 0), self.maximumViewportSize())
        if view.width() < 10:
            return
        self._fitting = True  # the reflow below changes the scene rect, which calls back here
        try:
            # A long chain in a wide, short view flows into columns rather than shrinking
            # below legibility (7 blocks in 440 x 260: 2 columns at 56 %, not 1 at 33 %).
            count = len(scene.model.nodes) + 1
            scene.model.set_columns(
                best_columns(
                    count, view.width(), view.height(), (BLOCK_WIDTH, BLOCK_HEIGHT), MARGIN
                )
            )
            rect = scene.sceneRect()
            if rect.isEmpty():
                return
            factor = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
            # Fitted, everything shows: no scroll bars. Below MIN_ZOOM the view scrolls.
            self._scroll_bars(factor < MIN_ZOOM)
            factor = max(MIN_ZOOM, factor)
            if factor != self.zoom():  # one step, and none when unchanged: each change of
                # scale can show or hide a scroll bar, which resizes the view and fits again
                self.setTransform(QTransform.fromScale(factor, factor))
            self.centerOn(rect.center())
        finally:
            self._fitting = False
        self.zoom_changed.emit(self.zoom())

    def _scroll_bars(self, needed: bool) -> None:
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if needed
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def _scene_grew(self, _rect: object) -> None:
        """Blocks came or went: keep the whole network in view while fitting."""
        if self.auto_fit:
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the network in view while the user has not zoomed by hand."""
        super().resizeEvent(event)
        if self.auto_fit:
            self._fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl + wheel zooms around the cursor; the plain wheel scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom_by(1.15**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------------------ drops
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept layers from the palette."""
        if layer_from_mime(event.mimeData()) is not None:
            self._accept_copy(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Light up the arrow the layer would be inserted on."""
        if layer_from_mime(event.mimeData()) is None:
            event.ignore()
            return
        self._set_drop_hot(self.network_scene().link_at(self._scene_pos(event)))
        self._accept_copy(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        """Forget the highlighted arrow."""
        self._set_drop_hot(None)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        """Insert the dropped layer where it landed."""
        self._set_drop_hot(None)
        layer = layer_from_mime(event.mimeData())
        if layer is None:
            event.ignore()
            return
        index = self.network_scene().insert_index_at(self._scene_pos(event))
        self._accept_copy(event)
        self.layer_dropped.emit(index, layer)

    @staticmethod
    def _accept_copy(event: QDropEvent) -> None:
        """Always copy: a move would make the palette delete its entry."""
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def _scene_pos(self, event: QDropEvent) -> Any:
        point = event.position().toPoint()
        return self.mapToScene(QPoint(point.x(), point.y()))

    def _set_drop_hot(self, link: LinkItem | None) -> None:
        if link is self._drop_hot:
            return
        if self._drop_hot is not None and self._drop_hot.scene() is not None:
            self._drop_hot.set_hot(False)
        self._drop_hot = link
        if link is not None:
            link.set_hot(True)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Ask the panel for the menu of what is under the cursor."""
        self.context_menu_requested.emit(self.mapToScene(event.pos()), event.globalPos())
        event.accept()

    # ------------------------------------------------------------------------------ keys
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete, walk and reorder with the keyboard; zoom with Ctrl +/-; undo fallbacks."""
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.Delete) or key == Qt.Key.Key_Backspace:
            self.delete_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Undo) and self.undo is not None:
            self.undo()
        elif event.matches(QKeySequence.StandardKey.Redo) and self.redo is not None:
            self.redo()
        elif event.matches(QKeySequence.StandardKey.ZoomIn) or (ctrl and key == Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_by(0.8)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            if mods & Qt.KeyboardModifier.AltModifier:
                self.move_requested.emit(step)
            else:
                self._walk(step)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _walk(self, step: int) -> None:
        model = self.network_scene().model
        ids = [0] + [n.id for n in model.nodes]
        current = model.selected_id
        index = ids.index(current) + step if current in ids else 0
        model.set_selection(ids[max(0, min(len(ids) - 1, index))])
        self.ensureVisible(self.network_scene().block(model.selected_id).sceneBoundingRect())
