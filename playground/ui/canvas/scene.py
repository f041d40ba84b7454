"""The canvas scene: observes the CanvasModel and keeps one item per block and per arrow.

Like orange-canvas-core's scene, it never edits the model directly: user gestures become
commands on the undo stack (a drag is one step, pushed on release; dropping a block onto an
arrow moves it there in the chain), and the model's signals bring the items up to date.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from playground.engine.spec import settings_text
from playground.ui.canvas.commands import MoveBlocksCommand, ReorderLayerCommand
from playground.ui.canvas.items import BlockItem, LinkItem
from playground.ui.canvas.model import INPUT_ID, CanvasModel, InputNode, LayerNode
from playground.ui.canvas.teaching import block_note

#: Room around the blocks in the scene rect (scene units).
MARGIN = 40.0


def _shape_text(shape: tuple[int, ...] | list[int]) -> str:
    return "x".join(str(d) for d in shape)


class NetworkScene(QGraphicsScene):
    """Blocks and arrows for a CanvasModel; pushes drags and reorders onto an undo stack."""

    #: A short message for the status line (e.g. what releasing a drag will do).
    status_message = Signal(str)
    #: The drag's "Release to move …" hint no longer holds (moved off the arrow, or released):
    #: the status line should show the network's state again.
    drag_hint_cleared = Signal()

    def __init__(self, model: CanvasModel, undo_stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
        self.blocks: dict[int, BlockItem] = {}
        self.links: dict[tuple[int, int], LinkItem] = {}
        self._syncing = False
        self._press: dict[int, QPointF] | None = None
        self._hot: LinkItem | None = None
        #: The input block's warning, (line, compact line), when the dataset's images do not
        #: fit it (the panel knows the dataset).
        self.input_warning: tuple[str, str] | None = None

        self.input_block = BlockItem(INPUT_ID, "input")
        self.addItem(self.input_block)
        self.blocks[INPUT_ID] = self.input_block
        self.input_block.setPos(*model.input.pos)
        self.input_block.geometryChanged.connect(lambda: self._block_moved(INPUT_ID))

        model.node_added.connect(self._on_node_added)
        model.node_removed.connect(self._on_node_removed)
        model.node_moved.connect(self._on_node_moved)
        model.link_added.connect(self._on_link_added)
        model.link_removed.connect(self._on_link_removed)
        model.selection_changed.connect(self._on_model_selection)
        model.validated.connect(self.refresh)
        self.selectionChanged.connect(self._on_scene_selection)

        for i, node in enumerate(model.nodes):
            self._on_node_added(node, i)
        for link in model.links:
            self._on_link_added(*link)
        self.refresh()

    # ------------------------------------------------------------------------------ queries
    def block(self, node_id: int) -> BlockItem:
        """The block item of a node id (INPUT_ID for the input block)."""
        return self.blocks[node_id]

    def layer_blocks(self) -> list[BlockItem]:
        """The layer blocks in chain order (the input block excluded)."""
        return [self.blocks[n.id] for n in self.model.nodes]

    def link_at(self, point: QPointF, exclude: int | None = None) -> LinkItem | None:
        """The arrow near a scene point, skipping the arrows that touch block `exclude`."""
        for (source, sink), link in self.links.items():
            if exclude is not None and exclude in (source, sink):
                continue
            if link.hit_test(point):
                return link
        return None

    def block_at(self, point: QPointF) -> BlockItem | None:
        """The block under a scene point."""
        for block in self.blocks.values():
            if block.sceneBoundingRect().contains(point):
                return block
        return None

    def insert_index_at(self, point: QPointF) -> int:
        """Where a layer dropped at a scene point joins the chain.

        On an arrow: between its two blocks. On a block: right after it. Elsewhere: next to the
        nearest block, after it when the point is below its centre (the chain reads top to
        bottom in each column), before it otherwise.
        """
        link = self.link_at(point)
        if link is not None:
            return self.model.index_of(link.sink.node_id)
        block = self.block_at(point)
        if block is not None:
            return 0 if block.node_id == INPUT_ID else self.model.index_of(block.node_id) + 1

        def distance(b: BlockItem) -> float:
            d = b.center() - point
            return d.x() ** 2 + d.y() ** 2

        nearest = min(self.blocks.values(), key=distance)
        if nearest.node_id == INPUT_ID:
            return 0
        index = self.model.index_of(nearest.node_id)
        return index + 1 if point.y() > nearest.center().y() else index

    # ------------------------------------------------------------------------------ model -> items
    def _on_node_added(self, node: LayerNode, index: int) -> None:
        block = BlockItem(node.id, node.type)
        block.set_compact(self.input_block.compact)
        self.addItem(block)
        block.setPos(*node.pos)
        self.blocks[node.id] = block
        block.geometryChanged.connect(lambda node_id=node.id: self._block_moved(node_id))

    def _on_node_removed(self, node: LayerNode, index: int) -> None:
        block = self.blocks.pop(node.id)
        if self._hot is not None and node.id in (self._hot.source.node_id, self._hot.sink.node_id):
            self._hot = None
        self.removeItem(block)
        block.deleteLater()

    def _on_node_moved(self, node: LayerNode | InputNode) -> None:
        block = self.blocks.get(node.id)
        if block is not None and (block.pos().x(), block.pos().y()) != node.pos:
            block.setPos(*node.pos)
        self._update_scene_rect()

    def _on_link_added(self, source: int, sink: int) -> None:
        link = LinkItem(self.blocks[source], self.blocks[sink])
        self.addItem(link)
        self.links[(source, sink)] = link

    def _on_link_removed(self, source: int, sink: int) -> None:
        link = self.links.pop((source, sink))
        if link is self._hot:
            self._hot = None
        self.removeItem(link)

    def _block_moved(self, node_id: int) -> None:
        for (source, sink), link in self.links.items():
            if node_id in (source, sink):
                link.update_path()

    def refresh(self) -> None:
        """Rewrite every block's texts and marks from the model's latest validation."""
        model = self.model
        shape = model.input.shape
        if len(shape) == 3 and shape[0] == 1:
            kind = self.tr("1 channel of {h}x{w} pixels").format(h=shape[1], w=shape[2])
        elif len(shape) == 3:
            kind = self.tr("{c} channels of {h}x{w} pixels").format(
                c=shape[0], h=shape[1], w=shape[2]
            )
        else:
            kind = self.tr("{n} features").format(n=shape[0])
        self.input_block.set_content(
            self.tr("input"),
            "",
            kind,
            self.tr("{shape} ({n:,} values)").format(
                shape=_shape_text(shape), n=model.input_values()
            ),
            None,
            self.tr("The data: one sample at a time flows down the arrows."),
            brief=self.input_warning[1] if self.input_warning else _shape_text(shape),
            warning=self.input_warning[0] if self.input_warning else None,
        )
        names = model.layer_names()
        flows: dict[int, str] = {INPUT_ID: _shape_text(shape)}
        for node in model.nodes:
            state = model.state(node.id)
            info = state.info
            params = self.tr("{n:,} params").format(n=info.params) if info else "?"
            incoming = model.input_shape_of(node.id)
            if info is not None:
                shapes = f"{_shape_text(info.input_shape)} → {info.shape_text}"
            elif incoming is not None:
                shapes = f"{_shape_text(incoming)} → ?"
            else:
                shapes = self.tr("shape unknown: fix the red block above")
            self.blocks[node.id].set_content(
                f"{names[node.id]}",
                params,
                settings_text(node.layer),
                shapes,
                state.error,
                block_note(info, node.layer),
                count=f"{info.params:,}" if info else "?",
            )
            flows[node.id] = info.shape_text if info else "?"
        for (source, sink), link in self.links.items():
            link.set_tip(
                self.tr(
                    "Data flows from {a} to {b}: {shape}.\n"
                    "Drop a layer (or drag a block) here to insert it between them."
                ).format(
                    a=self.tr("input") if source == INPUT_ID else names.get(source, "?"),
                    b=names.get(sink, "?"),
                    shape=flows.get(source, "?"),
                )
            )
        self._update_scene_rect()

    def set_input_warning(self, warning: tuple[str, str] | None) -> None:
        """Mark the input block orange with (line, compact line), or clear the mark (None)."""
        if warning != self.input_warning:
            self.input_warning = warning
            self.refresh()

    def set_compact(self, compact: bool) -> None:
        """Show every block's compact face (zoomed far out) or its full one."""
        for block in self.blocks.values():
            block.set_compact(compact)

    def _update_scene_rect(self) -> None:
        rect = QRectF()
        for block in self.blocks.values():
            rect = rect.united(block.sceneBoundingRect())
        self.setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    # ------------------------------------------------------------------------------ selection
    def _on_scene_selection(self) -> None:
        """Follow the user's selection, one block at a time: Ctrl+click selected two blocks
        while the inspector and Delete acted on one of them only."""
        if self._syncing:
            return
        selected = [i for i in self.selectedItems() if isinstance(i, BlockItem)]
        self._syncing = True
        try:
            if len(selected) > 1:  # the block just added to the selection wins
                current = self.model.selected_id
                keep = next((b for b in selected if b.node_id != current), selected[0])
                for block in selected:
                    if block is not keep:
                        block.setSelected(False)
                selected = [keep]
            self.model.set_selection(selected[0].node_id if selected else None)
        finally:
            self._syncing = False

    def _on_model_selection(self, node_id: int | None) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.clearSelection()
            if node_id is not None and node_id in self.blocks:
                self.blocks[node_id].setSelected(True)
        finally:
            self._syncing = False

    # ------------------------------------------------------------------------------ dragging
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Remember where every block was, so a drag can become one undo step."""
        super().mousePressEvent(event)
        self._press = {node_id: QPointF(b.pos()) for node_id, b in self.blocks.items()}

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """While one block is dragged, light up the arrow it would be moved onto."""
        super().mouseMoveEvent(event)
        dragged = self._dragged_block()
        link = self.link_at(dragged.center(), exclude=dragged.node_id) if dragged else None
        if link is not self._hot:
            was_hot = self._hot is not None
            if self._hot is not None:
                self._hot.set_hot(False)
            self._hot = link
            if link is None or dragged is None:
                # Off the arrow: "Release to move …" stayed after a release anywhere else.
                if was_hot:
                    self.drag_hint_cleared.emit()
            else:
                link.set_hot(True)
                names = self.model.layer_names()
                self.status_message.emit(
                    self.tr("Release to move {name} between {a} and {b}").format(
                        name=names[dragged.node_id],
                        a=self.tr("input")
                        if link.source.node_id == INPUT_ID
                        else names[link.source.node_id],
                        b=names[link.sink.node_id],
                    )
                )

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """End a drag: reorder if dropped on an arrow, else record the move as one step."""
        dragged = self._dragged_block()
        hot = self._hot
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if hot is not None:
            hot.set_hot(False)
            self._hot = None
            self.drag_hint_cleared.emit()
        if press is None:
            return
        moved = {
            node_id: (b.pos().x(), b.pos().y())
            for node_id, b in self.blocks.items()
            if node_id in press and b.pos() != press[node_id]
        }
        if not moved:
            return
        if dragged is not None and hot is not None:
            self.undo_stack.push(
                ReorderLayerCommand(self.model, dragged.node_id, self._index_between(dragged, hot))
            )
        else:
            old = {node_id: (press[node_id].x(), press[node_id].y()) for node_id in moved}
            self.undo_stack.push(MoveBlocksCommand(self.model, old, moved))
        self.sync_positions()

    def sync_positions(self) -> None:
        """Put every item exactly where the model says (after a drag ends)."""
        for node_id, pos in self.model.positions().items():
            block = self.blocks.get(node_id)
            if block is not None and (block.pos().x(), block.pos().y()) != pos:
                block.setPos(*pos)
        self._update_scene_rect()

    def _dragged_block(self) -> BlockItem | None:
        """The single layer block being dragged right now, if any."""
        if self._press is None:
            return None
        moving = [
            b
            for node_id, b in self.blocks.items()
            if node_id != INPUT_ID and node_id in self._press and b.pos() != self._press[node_id]
        ]
        return moving[0] if len(moving) == 1 else None

    def _index_between(self, block: BlockItem, link: LinkItem) -> int:
        """The chain index `block` takes when it moves between the two ends of `link`."""
        old = self.model.index_of(block.node_id)
        sink = self.model.index_of(link.sink.node_id)
        return sink - 1 if sink > old else sink
