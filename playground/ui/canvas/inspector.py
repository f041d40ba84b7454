"""The inspector: edit the selected layer's settings and the network's cost, undoably.

Spin boxes refuse values the engine can never accept (0 filters, a negative padding); values
that only fail in context (groups that do not divide the channels, a kernel larger than its
input) are let through so the user can see the engine's message on the red block and learn
from it. Every change is a command on the undo stack; the form follows undo and redo.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.engine.spec import ACTIVATIONS, COSTS, POOL_MODES
from playground.errors import SpecError
from playground.ui.canvas.commands import EditLayerCommand, SetCostCommand
from playground.ui.canvas.labels import layer_label, setting_label
from playground.ui.canvas.model import INPUT_ID, CanvasModel
from playground.ui.canvas.teaching import block_note
from playground.ui.names import cost_label, error_text

# (key, minimum, maximum) of the whole-number settings, by layer type.
_SPINS: dict[str, list[tuple[str, int, int]]] = {
    "conv": [
        ("filters", 1, 1024),
        ("kernel", 1, 64),
        ("stride", 1, 32),
        ("padding", 0, 32),
        ("groups", 1, 1024),
    ],
    "pool": [("size", 1, 64)],
    "dense": [("units", 1, 100_000)],
    "activation": [],
}
#: The largest value a QSpinBox holds (a C int); setValue() beyond it raised OverflowError.
_SPIN_MAX = 2**31 - 1


def display_width(text: str) -> int:
    """How many cells `text` takes in a monospace font: East Asian wide and fullwidth
    characters (层, 总计) take two, so a table padded by len() went out of line in Chinese."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _padded(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def summary_lines(
    headers: tuple[str, str, str], rows: list[tuple[str, str, int]], total: tuple[str, int]
) -> list[str]:
    """A Keras-style table (layer, output shape, parameters; the total last) whose columns fit
    their longest entry in display cells: fixed 9-cell columns broke on "activation1"."""
    params = [f"{n:,}" for _, _, n in rows]
    total_text = f"{total[1]:,}"
    name_w = max(display_width(t) for t in [headers[0], total[0], *(r[0] for r in rows)])
    shape_w = max(display_width(t) for t in [headers[1], *(r[1] for r in rows)])
    params_w = max(display_width(t) for t in [headers[2], total_text, *params])
    gap = "  "
    width = name_w + shape_w + params_w + 2 * len(gap)

    def line(name: str, shape: str, count: str) -> str:
        return gap.join(
            [_padded(name, name_w), _padded(shape, shape_w, True), _padded(count, params_w, True)]
        )

    lines = [line(*headers), "-" * width]
    lines += [
        line(name, shape, count) for (name, shape, _), count in zip(rows, params, strict=True)
    ]
    lines += ["-" * width, _padded(total[0], width - display_width(total_text)) + total_text]
    return lines


class LayerInspector(QWidget):
    """A form for the selected block; pushes an EditLayerCommand per change."""

    #: A message for the status line (a refused value, with the engine's reason).
    status_message = Signal(str)

    def __init__(self, model: CanvasModel, undo_stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerInspector")
        self.model = model
        self.undo_stack = undo_stack
        self.editors: dict[str, QSpinBox | QComboBox] = {}
        #: Each spin box's own upper limit, before a loaded value widened it.
        self._limits: dict[str, int] = {}
        self._node_id: int | None = None
        self._updating = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        # No group boxes: at 1260x810 their titles and the button row left the teaching note
        # below two lines. The cost is one form row; the layer's name and its move and delete
        # buttons share one header row.
        cost_form = QFormLayout()
        cost_form.setContentsMargins(4, 4, 4, 0)
        self.cost_combo = QComboBox()
        self.cost_combo.setObjectName("inspectorCostCombo")
        for cost in COSTS:
            self.cost_combo.addItem(cost_label(cost), cost)
        self.cost_combo.setToolTip(
            self.tr(
                "The cost the network learns to reduce. log-likelihood needs a softmax output; "
                "cross-entropy needs sigmoid (or softmax) outputs; quadratic takes any."
            )
        )
        self.cost_combo.currentIndexChanged.connect(self._cost_edited)
        cost_form.addRow(self.tr("Network cost"), self.cost_combo)
        outer.addLayout(cost_form)

        self.layer_box = QFrame()
        self.layer_box.setObjectName("layerBox")
        self.layer_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self.layer_box)
        box.setContentsMargins(6, 4, 6, 6)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(self.tr("Layer"))
        self.title_label.setObjectName("layerTitle")
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        header.addWidget(self.title_label, 1)
        self.up_button = self._tool_button(
            "moveUpButton", "↑", self.tr("Move this layer one place towards the input (Alt+Up)")
        )
        self.down_button = self._tool_button(
            "moveDownButton",
            "↓",
            self.tr("Move this layer one place towards the output (Alt+Down)"),
        )
        self.delete_button = self._tool_button(
            "deleteLayerButton", "✕", self.tr("Remove this layer (Delete)")
        )
        for button in (self.up_button, self.down_button, self.delete_button):
            header.addWidget(button)
        box.addLayout(header)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.form_host)
        outer.addWidget(self.layer_box)

        self.info = QLabel()
        self.info.setObjectName("layerInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setObjectName("layerError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        info_host = QWidget()
        info_layout = QVBoxLayout(info_host)
        info_layout.setContentsMargins(4, 4, 4, 4)
        info_layout.addWidget(self.error)
        info_layout.addWidget(self.info)
        info_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(info_host)
        outer.addWidget(scroll, 1)

        model.selection_changed.connect(lambda _id: self.show_node(model.selected_id))
        model.validated.connect(self._refresh)
        model.cost_changed.connect(lambda _cost: self._refresh())
        self.show_node(model.selected_id)

    # ------------------------------------------------------------------------------ building
    def show_node(self, node_id: int | None) -> None:
        """Build the form for a block (or an empty one for nothing / the input)."""
        self._node_id = node_id
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}
        self._limits = {}
        if node_id is None:
            self.title_label.setText(self.tr("Layer"))
            hint = QLabel(self.tr("Click a block to edit it."))
            hint.setWordWrap(True)  # wraps in a narrow panel instead of widening it
            self.form.addRow(hint)
        elif node_id == INPUT_ID:
            self.title_label.setText(self.tr("Input"))
            label = QLabel(
                self.tr(
                    "One sample of the data: {shape} ({n:,} values). The MNIST digits are "
                    "1x28x28 grey images; the data decides this shape."
                ).format(
                    shape="x".join(str(d) for d in self.model.input.shape),
                    n=self.model.input_values(),
                )
            )
            label.setWordWrap(True)
            self.form.addRow(label)
        else:
            node = self.model.node(node_id)
            kind = node.type
            spins = []
            for key, low, high in _SPINS[kind]:
                spin = QSpinBox()
                spin.setObjectName(f"{key}Spin")
                spin.setRange(low, high)
                self._limits[key] = high
                spin.setToolTip(self._tip(key))
                spin.setAccelerated(True)
                spin.valueChanged.connect(lambda value, key=key: self._edited(key, value))
                self.editors[key] = spin
                spins.append((key, spin))
            # A conv's five numbers two to a row: at 1400x900 the teaching note under them had
            # about 50 px, two lines, otherwise.
            per_row = 2 if len(spins) > 2 else 1
            for i in range(0, len(spins), per_row):
                (key, spin), *rest = spins[i : i + per_row]
                if not rest:
                    self.form.addRow(self._label(key), spin)
                    continue
                ((key2, spin2),) = rest
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(spin, 1)
                label2 = QLabel(self._label(key2))
                label2.setBuddy(spin2)
                row.addWidget(label2)
                row.addWidget(spin2, 1)
                self.form.addRow(self._label(key), row)
            if kind == "pool":
                self._combo("mode", [(m, self._mode_label(m)) for m in POOL_MODES])
            if kind in ("conv", "dense", "activation"):
                self._combo("activation", [(a, a) for a in ACTIVATIONS])
        self._refresh()

    def _tool_button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def _combo(self, key: str, items: list[tuple[str, str]]) -> None:
        combo = QComboBox()
        combo.setObjectName(f"{key}Combo")
        for value, label in items:
            combo.addItem(label, value)
        combo.setToolTip(self._tip(key))
        combo.currentIndexChanged.connect(
            lambda _i, key=key, combo=combo: self._edited(key, combo.currentData())
        )
        self.editors[key] = combo
        self.form.addRow(self._label(key), combo)

    def _label(self, key: str) -> str:
        return setting_label(key)

    def _mode_label(self, mode: str) -> str:
        return {"max": self.tr("max"), "l2": self.tr("L2"), "avg": self.tr("average")}[mode]

    def _tip(self, key: str) -> str:
        return {
            "filters": self.tr("How many feature maps (filters) the layer makes"),
            "kernel": self.tr("The side of each square filter, e.g. 5 for 5x5"),
            "stride": self.tr("How far the filter moves each step"),
            "padding": self.tr("Zeros added around the input before filtering"),
            "groups": self.tr(
                "Split the channels into groups; each filter sees only its group's channels. "
                "Must divide both the input channels and the filters."
            ),
            "size": self.tr("The side of each square pooling window (its stride too)"),
            "units": self.tr("How many neurons (outputs) the layer has"),
            "mode": self.tr("max, L2 (root of the sum of squares) or average of each window"),
            "activation": self.tr("The function each neuron applies to its weighted input"),
        }[key]

    # ------------------------------------------------------------------------------ syncing
    def _update_buttons(self) -> None:
        """Enable move and delete as the right-click menu does: ↑ on the first layer stayed
        enabled and did nothing, without a word."""
        ids = [node.id for node in self.model.nodes]
        index = ids.index(self._node_id) if self._node_id in ids else None
        self.up_button.setEnabled(index is not None and index > 0)
        self.down_button.setEnabled(index is not None and index < len(ids) - 1)
        self.delete_button.setEnabled(index is not None)

    def _refresh(self) -> None:
        """Show the model's values, shapes, teaching note and fault (without pushing edits)."""
        self._update_buttons()
        self._updating = True
        try:
            index = self.cost_combo.findData(self.model.cost)
            self.cost_combo.setCurrentIndex(index)
            node_id = self._node_id
            self.info.setFont(self.font())
            if node_id is None or node_id == INPUT_ID:
                self._show_summary()
                return
            try:
                node = self.model.node(node_id)
            except KeyError:
                self.show_node(None)
                return
            name = self.model.layer_names()[node_id]
            self.title_label.setText(
                self.tr("{name} ({kind})").format(name=name, kind=layer_label(node.layer))
            )
            for key, editor in self.editors.items():
                value = node.layer.get(key)
                if isinstance(editor, QSpinBox):
                    self._show_number(key, editor, int(value))
                else:
                    editor.setCurrentIndex(editor.findData(value))
            state = self.model.state(node_id)
            info = state.info
            text = ""
            if info is not None:
                text = self.tr("{a} → {b}  ({params:,} parameters)").format(
                    a="x".join(str(d) for d in info.input_shape),
                    b=info.shape_text,
                    params=info.params,
                )
                note = block_note(info, node.layer)
                if note:
                    text += "\n\n" + note
            else:
                incoming = self.model.input_shape_of(node_id)
                text = self.tr("{a} → ? (the engine refuses this layer)").format(
                    a="x".join(str(d) for d in incoming) if incoming else "?"
                )
            self.info.setText(text)
            self.error.setText(state.error or "")
            self.error.setVisible(bool(state.error))
        finally:
            self._updating = False

    def _show_number(self, key: str, spin: QSpinBox, value: int) -> None:
        """Show the model's value even past the spin box's usual limit: a file's padding 40
        showed as 32 beside a block saying p40. The limit grows to the value; a value no spin
        box can hold is shown as text, read-only."""
        limit = self._limits.get(key, spin.maximum())
        if value > _SPIN_MAX:
            spin.setRange(spin.minimum(), spin.minimum())
            spin.setSpecialValueText(f"{value}")
            spin.setEnabled(False)
            return
        spin.setSpecialValueText("")
        spin.setEnabled(True)
        spin.setMaximum(max(limit, value))
        spin.setValue(value)

    def _show_summary(self) -> None:
        """With no layer selected: the Keras-style table of the whole network, or its fault."""
        model = self.model
        error = model.error
        self.error.setText(error_text(error) if error is not None else "")
        self.error.setVisible(error is not None)
        if error is not None:
            self.info.setText("")
            return
        rows = [model.state(n.id).info for n in model.nodes]
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.info.setFont(mono)
        lines = summary_lines(
            (self.tr("Layer"), self.tr("Output"), self.tr("Params")),
            [(row.name, row.shape_text, row.params) for row in rows if row is not None],
            (self.tr("Total"), model.total_params),
        )
        self.info.setText("\n".join(lines))

    # ------------------------------------------------------------------------------ edits
    def _edited(self, key: str, value: Any) -> None:
        if self._updating or self._node_id in (None, INPUT_ID):
            return
        node_id = self._node_id
        layer = dict(self.model.node(node_id).layer)
        if layer.get(key) == value:
            return
        layer[key] = value
        try:
            self.undo_stack.push(EditLayerCommand(self.model, node_id, layer, key))
        except SpecError as exc:
            self.status_message.emit(error_text(exc))
            self._refresh()

    def _cost_edited(self, _index: int) -> None:
        if self._updating:
            return
        cost = self.cost_combo.currentData()
        if cost and cost != self.model.cost:
            self.undo_stack.push(SetCostCommand(self.model, cost))
