"""Undoable edits of the canvas model: every user edit is one QUndoCommand on a QUndoStack.

Chain edits (insert, remove, reorder) also re-run the automatic layout inside the same step, so
undo puts every block back where it was. A drag is one :class:`MoveBlocksCommand`, pushed when
the mouse is released. Setting edits from the inspector merge while the same setting of the same
block is changed again and again (spin-box ticks), so one undo reverts one intention.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from playground.engine.spec import normalize
from playground.ui.canvas.labels import layer_label, setting_label
from playground.ui.canvas.model import CanvasModel, Position, Snapshot
from playground.ui.names import cost_label

_EDIT_ID = 0x5E7


def _tr(text: str) -> str:
    return QCoreApplication.translate("CanvasCommands", text)


class InsertLayerCommand(QUndoCommand):
    """Insert a layer at a chain index (0 = right after the input) and tidy the layout."""

    def __init__(self, model: CanvasModel, index: int, layer: dict[str, Any]) -> None:
        super().__init__(_tr("Add {layer}").format(layer=layer_label(layer)))
        self.model = model
        self.index = index
        # Refuse now (SpecError) rather than inside the undo stack's push.
        self.layer = model.check_insert(index, layer)
        self.node_id: int | None = None
        self._old_pos: dict[int, Position] = {}

    def redo(self) -> None:
        """Insert (with the same id every time, so later commands still find the node)."""
        self._old_pos = self.model.positions()
        node = self.model.insert_node(self.index, self.layer, node_id=self.node_id)
        self.node_id = node.id
        self.model.set_positions(self.model.auto_layout())
        self.model.set_selection(node.id)

    def undo(self) -> None:
        """Take the layer out and put the other blocks back."""
        assert self.node_id is not None
        self.model.remove_node(self.node_id)
        self.model.set_positions(self._old_pos)


class RemoveLayerCommand(QUndoCommand):
    """Remove a layer block; undo brings it back at the same place with the same id."""

    def __init__(self, model: CanvasModel, node_id: int) -> None:
        node = model.node(node_id)
        name = model.layer_names()[node_id]
        super().__init__(_tr("Delete {name}").format(name=name))
        self.model = model
        self.node_id = node_id
        self.index = model.index_of(node_id)
        self.layer = copy.deepcopy(node.layer)
        self._old_pos: dict[int, Position] = {}

    def redo(self) -> None:
        """Remove the block and close the gap."""
        self._old_pos = self.model.positions()
        self.model.remove_node(self.node_id)
        self.model.set_positions(self.model.auto_layout())

    def undo(self) -> None:
        """Put the block back where it was."""
        pos = self._old_pos[self.node_id]
        self.model.insert_node(self.index, self.layer, pos=pos, node_id=self.node_id)
        self.model.set_positions(self._old_pos)
        self.model.set_selection(self.node_id)


class ReorderLayerCommand(QUndoCommand):
    """Move a block to another place in the chain (drag onto an arrow, or Move up / down)."""

    def __init__(self, model: CanvasModel, node_id: int, new_index: int) -> None:
        name = model.layer_names()[node_id]
        super().__init__(_tr("Move {name}").format(name=name))
        self.model = model
        self.node_id = node_id
        self.old_index = model.index_of(node_id)
        if not 0 <= new_index < len(model.nodes):
            raise IndexError(f"index {new_index} outside 0..{len(model.nodes) - 1}")
        self.new_index = new_index
        self._old_pos: dict[int, Position] = {}

    def redo(self) -> None:
        """Reorder and tidy the layout."""
        self._old_pos = self.model.positions()
        self.model.move_node(self.node_id, self.new_index)
        self.model.set_positions(self.model.auto_layout())

    def undo(self) -> None:
        """Restore the order and every block's position."""
        self.model.move_node(self.node_id, self.old_index)
        self.model.set_positions(self._old_pos)


class MoveBlocksCommand(QUndoCommand):
    """Blocks moved on the canvas (a drag, or auto-layout); the chain order is unchanged."""

    def __init__(
        self,
        model: CanvasModel,
        old: dict[int, Position],
        new: dict[int, Position],
        text: str | None = None,
    ) -> None:
        super().__init__(text or _tr("Move blocks"))
        self.model = model
        self.old = dict(old)
        self.new = dict(new)

    def redo(self) -> None:
        """Put the blocks at their new places."""
        self.model.set_positions(self.new)

    def undo(self) -> None:
        """Put the blocks back."""
        self.model.set_positions(self.old)


class EditLayerCommand(QUndoCommand):
    """Change settings of one layer; repeated edits of the same setting merge into one step."""

    def __init__(
        self, model: CanvasModel, node_id: int, layer: dict[str, Any], key: str | None = None
    ) -> None:
        name = model.layer_names()[node_id]
        if key:
            text = _tr("Edit {name}: {setting}").format(name=name, setting=setting_label(key))
        else:
            text = _tr("Edit {what}").format(what=name)
        super().__init__(text)
        self.model = model
        self.node_id = node_id
        self.key = key
        self.old = copy.deepcopy(model.node(node_id).layer)
        # Refuse now (SpecError) rather than inside the undo stack's push.
        self.new = model.check_layer(node_id, layer)

    def id(self) -> int:
        """Edits share one id so Qt asks :meth:`mergeWith` whether they combine."""
        return _EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Swallow a following edit of the same setting of the same block."""
        if not isinstance(other, EditLayerCommand):
            return False
        if other.node_id != self.node_id or other.key is None or other.key != self.key:
            return False
        self.new = copy.deepcopy(other.new)
        if self.new == self.old:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        """Apply the new settings."""
        self.model.set_layer(self.node_id, self.new)

    def undo(self) -> None:
        """Bring back the old settings."""
        self.model.set_layer(self.node_id, self.old)


class SetCostCommand(QUndoCommand):
    """Choose the network's cost function."""

    def __init__(self, model: CanvasModel, cost: str) -> None:
        super().__init__(_tr("Set cost to {cost}").format(cost=cost_label(cost)))
        self.model = model
        self.old = model.cost
        self.new = cost

    def redo(self) -> None:
        """Use the new cost."""
        self.model.set_cost(self.new)

    def undo(self) -> None:
        """Use the old cost."""
        self.model.set_cost(self.old)


class SetInputShapeCommand(QUndoCommand):
    """Give the input block another shape (the dataset's), keeping the layers."""

    def __init__(self, model: CanvasModel, shape: list[int]) -> None:
        super().__init__(
            _tr("Set the input to {shape}").format(shape="x".join(str(d) for d in shape))
        )
        self.model = model
        self.old = list(model.input.shape)
        # Refuse now (SpecError): an exception cannot leave redo() through QUndoStack.push.
        self.new = model.check_input(shape)

    def redo(self) -> None:
        """Use the new shape."""
        self.model.set_input_shape(self.new)

    def undo(self) -> None:
        """Use the old shape."""
        self.model.set_input_shape(self.old)


class SetSpecCommand(QUndoCommand):
    """Replace the whole network (a preset, a file, a loaded model); undo brings the old one."""

    def __init__(self, model: CanvasModel, spec: dict[str, Any], text: str | None = None) -> None:
        super().__init__(text or _tr("Load network"))
        self.model = model
        # Refuse now (SpecError): an exception cannot leave redo() through QUndoStack.push.
        normalize(spec)
        self.spec = copy.deepcopy(spec)
        self.old: Snapshot = model.snapshot()
        self.new: Snapshot | None = None

    def redo(self) -> None:
        """First time: parse the spec (fresh ids); afterwards: restore that exact state."""
        if self.new is None:
            self.model.set_spec(self.spec)
            self.new = self.model.snapshot()
        else:
            self.model.restore(self.new)

    def undo(self) -> None:
        """Restore the network that was there before."""
        self.model.restore(self.old)
