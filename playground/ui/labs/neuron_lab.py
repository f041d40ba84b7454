"""The neuron lab: a perceptron and a sigmoid neuron side by side, NAND and a half adder."""

from __future__ import annotations

import itertools
from typing import ClassVar

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.labs.neuron import (
    HALF_ADDER_GATES,
    MAX_INPUTS,
    NAND_BIAS,
    NAND_WEIGHTS,
    HalfAdder,
    Neuron,
    Nudge,
    gate_name,
    sigmoid,
    step,
)
from playground.ui.labs._widgets import (
    FOREGROUND,
    PERCEPTRON_COLOR,
    SIGMOID_COLOR,
    FloatSlider,
    fit_table_width,
    fmt,
    make_plot,
)

WEIGHT_RANGE = 6.0
Z_RANGE = 8.0


class NeuronLab(QWidget):
    """Perceptron versus sigmoid neuron: inputs, weights, bias, outputs and the nudge test."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("neuronLab")
        self.neuron = Neuron(n_inputs=2, weights=(0.6, 0.6), bias=-1.0, inputs=(1.0, 0.0))
        self.last_nudge: Nudge | None = None
        self._updating = False

        controls = QVBoxLayout()
        controls.addWidget(self._build_inputs_box())
        controls.addWidget(self._build_nudge_box())
        controls.addStretch(1)
        left = QWidget()
        left.setLayout(controls)
        left.setMaximumWidth(400)

        right = QVBoxLayout()
        self.readout = QLabel()
        self.readout.setObjectName("neuronReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.readout)
        right.addWidget(self._build_plot(), 5)
        bottom = QHBoxLayout()
        bottom.addWidget(self._build_truth_box(), 1)
        self.half_adder = HalfAdderView()
        bottom.addWidget(self.half_adder, 1)
        right.addLayout(bottom, 4)

        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addLayout(right, 1)
        self._sync_widgets_from_model()
        self.refresh()

    # -- building ------------------------------------------------------------------------------
    def _build_inputs_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Neuron"))
        grid = QGridLayout(box)
        self.n_inputs_spin = QSpinBox()
        self.n_inputs_spin.setObjectName("nInputs")
        self.n_inputs_spin.setRange(1, MAX_INPUTS)
        self.n_inputs_spin.setToolTip(self.tr("How many inputs the neuron has (1 to 3)."))
        self.n_inputs_spin.valueChanged.connect(self._n_inputs_changed)
        self.input_mode = QComboBox()
        self.input_mode.setObjectName("inputMode")
        self.input_mode.addItem(self.tr("binary inputs (0 or 1)"), "binary")
        self.input_mode.addItem(self.tr("real inputs (0 to 1)"), "real")
        self.input_mode.setToolTip(
            self.tr(
                "A perceptron's inputs are bits; a sigmoid neuron also takes any value "
                "between 0 and 1."
            )
        )
        self.input_mode.currentIndexChanged.connect(self._input_mode_changed)
        grid.addWidget(QLabel(self.tr("Inputs")), 0, 0)
        grid.addWidget(self.n_inputs_spin, 0, 1)
        grid.addWidget(self.input_mode, 0, 2, 1, 2)

        self.input_toggles: list[QPushButton] = []
        self.input_sliders: list[FloatSlider] = []
        self.weight_sliders: list[FloatSlider] = []
        self._input_labels: list[QLabel] = []
        self._weight_labels: list[QLabel] = []
        for i in range(MAX_INPUTS):
            row = 1 + 2 * i
            x_label = QLabel(f"x<sub>{i + 1}</sub>")
            toggle = QPushButton("0")
            toggle.setCheckable(True)
            toggle.setObjectName(f"inputToggle{i + 1}")
            toggle.setToolTip(self.tr("Click to switch input x{0} between 0 and 1.").format(i + 1))
            toggle.setMaximumWidth(48)
            toggle.toggled.connect(lambda checked, i=i: self._input_toggled(i, checked))
            slider = FloatSlider(0.0, 1.0, 0.0, decimals=2, steps=100)
            slider.setObjectName(f"inputSlider{i + 1}")
            slider.setToolTip(self.tr("The value of input x{0}.").format(i + 1))
            slider.value_changed.connect(lambda v, i=i: self._input_moved(i, v))
            w_label = QLabel(f"w<sub>{i + 1}</sub>")
            weight = FloatSlider(-WEIGHT_RANGE, WEIGHT_RANGE, 0.0, decimals=2, steps=1200)
            weight.setObjectName(f"weightSlider{i + 1}")
            weight.setToolTip(
                self.tr("Weight w{0}: how much input x{0} matters, and in which direction.").format(
                    i + 1
                )
            )
            weight.value_changed.connect(lambda v, i=i: self._weight_moved(i, v))
            grid.addWidget(x_label, row, 0)
            grid.addWidget(toggle, row, 1)
            grid.addWidget(slider, row, 1, 1, 3)
            grid.addWidget(w_label, row + 1, 0)
            grid.addWidget(weight, row + 1, 1, 1, 3)
            self.input_toggles.append(toggle)
            self.input_sliders.append(slider)
            self.weight_sliders.append(weight)
            self._input_labels.append(x_label)
            self._weight_labels.append(w_label)
        row = 1 + 2 * MAX_INPUTS
        grid.addWidget(QLabel("b"), row, 0)
        self.bias_slider = FloatSlider(-WEIGHT_RANGE, WEIGHT_RANGE, 0.0, decimals=2, steps=1200)
        self.bias_slider.setObjectName("biasSlider")
        self.bias_slider.setToolTip(
            self.tr(
                "Bias b = −threshold: the perceptron's threshold moved to the other side, "
                "so it fires when w·x + b > 0. A large b makes the neuron fire easily."
            )
        )
        self.bias_slider.value_changed.connect(self._bias_moved)
        grid.addWidget(self.bias_slider, row, 1, 1, 3)
        self.nand_button = QPushButton(self.tr("NAND preset"))
        self.nand_button.setObjectName("nandPreset")
        self.nand_button.setToolTip(
            self.tr("The book's NAND gate: two inputs, weights −2 and −2, bias 3.")
        )
        self.nand_button.clicked.connect(self.load_nand)
        grid.addWidget(self.nand_button, row + 1, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        return box

    def _build_nudge_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Nudge a weight"))
        box.setToolTip(
            self.tr("Change one weight by a small amount and compare how each output responds.")
        )
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.nudge_which = QComboBox()
        self.nudge_which.setObjectName("nudgeWhich")
        self.nudge_which.setToolTip(self.tr("The weight to nudge."))
        self.nudge_size = QDoubleSpinBox()
        self.nudge_size.setObjectName("nudgeSize")
        self.nudge_size.setRange(0.01, 2.0)
        self.nudge_size.setSingleStep(0.05)
        self.nudge_size.setValue(0.1)
        self.nudge_size.setToolTip(self.tr("How much to change the weight by (Δw)."))
        form.addRow(self.tr("Weight"), self.nudge_which)
        form.addRow(self.tr("Δw"), self.nudge_size)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.nudge_up = QPushButton(self.tr("Nudge +Δw"))
        self.nudge_up.setObjectName("nudgeUp")
        self.nudge_up.setToolTip(self.tr("Add Δw to the chosen weight."))
        self.nudge_up.clicked.connect(lambda: self.nudge(+1))
        self.nudge_down = QPushButton(self.tr("Nudge −Δw"))
        self.nudge_down.setObjectName("nudgeDown")
        self.nudge_down.setToolTip(self.tr("Subtract Δw from the chosen weight."))
        self.nudge_down.clicked.connect(lambda: self.nudge(-1))
        buttons.addWidget(self.nudge_up)
        buttons.addWidget(self.nudge_down)
        layout.addLayout(buttons)
        self.nudge_result = QLabel(self._nudge_prompt())
        self.nudge_result.setObjectName("nudgeResult")
        self.nudge_result.setWordWrap(True)
        self.nudge_result.setTextFormat(Qt.TextFormat.RichText)
        self.nudge_result.setMinimumHeight(110)
        self.nudge_result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.nudge_result)
        return box

    def _nudge_prompt(self) -> str:
        return self.tr("Nudge a weight to see how each output responds to a small change.")

    def _build_plot(self) -> pg.PlotWidget:
        self.plot = make_plot(
            self.tr("Output as a function of z = w·x + b"), "z", self.tr("output")
        )
        self.plot.setObjectName("neuronPlot")
        self.plot.setToolTip(
            self.tr(
                "Red: the perceptron jumps from 0 to 1 at z = 0. "
                "Blue: the sigmoid neuron σ(z) rises smoothly."
            )
        )
        item = self.plot.getPlotItem()
        item.addLegend(offset=(10, 10), labelTextColor=FOREGROUND)
        zs = np.linspace(-Z_RANGE, Z_RANGE, 801)
        step_pen = pg.mkPen(PERCEPTRON_COLOR, width=2)
        item.plot(zs, step(zs), pen=step_pen, name=self.tr("perceptron (step)"))
        item.plot(zs, sigmoid(zs), pen=pg.mkPen(SIGMOID_COLOR, width=2), name=self.tr("σ(z)"))
        self.z_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888888", style=Qt.PenStyle.DashLine))
        item.addItem(self.z_line)
        self.ghost_points = pg.ScatterPlotItem(
            size=10, pen=pg.mkPen("#888888", width=1.5), brush=pg.mkBrush(None)
        )
        item.addItem(self.ghost_points)
        self.points = pg.ScatterPlotItem(size=12, pen=pg.mkPen("w", width=1.5))
        item.addItem(self.points)
        item.setXRange(-Z_RANGE, Z_RANGE, padding=0.02)
        item.setYRange(-0.05, 1.05, padding=0.02)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        return self.plot

    def _build_truth_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Truth table (binary inputs)"))
        layout = QVBoxLayout(box)
        self.gate_label = QLabel()
        self.gate_label.setObjectName("gateLabel")
        self.gate_label.setWordWrap(True)
        layout.addWidget(self.gate_label)
        self.truth_table = QTableWidget()
        self.truth_table.setTabKeyNavigation(False)  # Tab moves on, out of the table
        self.truth_table.setObjectName("truthTable")
        self.truth_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.truth_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.truth_table.verticalHeader().setVisible(False)
        self.truth_table.verticalHeader().setDefaultSectionSize(20)
        self.truth_table.horizontalHeader().setMinimumSectionSize(26)
        self.truth_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.truth_table.setToolTip(
            self.tr(
                "Every combination of 0/1 inputs: z, the perceptron's output step(z) and the "
                "sigmoid neuron's output σ(z)."
            )
        )
        layout.addWidget(self.truth_table)
        return box

    # -- reacting to the user ------------------------------------------------------------------
    def _n_inputs_changed(self, n: int) -> None:
        if self._updating:
            return
        self.neuron.n_inputs = n
        self.last_nudge = None
        self._show_input_rows()
        self.refresh()

    def _input_mode_changed(self) -> None:
        binary = self.input_mode.currentData() == "binary"
        if binary:  # snap real inputs to bits so the toggles tell the truth
            self.neuron.inputs[:] = np.where(self.neuron.inputs >= 0.5, 1.0, 0.0)
        self._sync_widgets_from_model()
        self.refresh()

    def _input_toggled(self, i: int, checked: bool) -> None:
        self.input_toggles[i].setText("1" if checked else "0")
        if self._updating:
            return
        self.neuron.inputs[i] = 1.0 if checked else 0.0
        self.refresh()

    def _input_moved(self, i: int, value: float) -> None:
        if self._updating:
            return
        self.neuron.inputs[i] = value
        self.refresh()

    def _weight_moved(self, i: int, value: float) -> None:
        if self._updating:
            return
        self.neuron.weights[i] = value
        self.last_nudge = None
        self.refresh()

    def _bias_moved(self, value: float) -> None:
        if self._updating:
            return
        self.neuron.bias = value
        self.last_nudge = None
        self.refresh()

    def load_nand(self) -> None:
        """The book's NAND preset: two binary inputs, weights −2, −2 and bias 3."""
        self.neuron.n_inputs = 2
        self.neuron.weights[:2] = NAND_WEIGHTS
        self.neuron.bias = NAND_BIAS
        self.neuron.inputs[:2] = (1.0, 1.0)
        self.input_mode.blockSignals(True)
        self.input_mode.setCurrentIndex(self.input_mode.findData("binary"))
        self.input_mode.blockSignals(False)
        self.last_nudge = None
        self._sync_widgets_from_model()
        self.refresh()

    def nudge(self, sign: int) -> Nudge:
        """Nudge the chosen weight by ±Δw and show what each output did."""
        index = max(0, self.nudge_which.currentIndex())
        self.last_nudge = self.neuron.nudge(index, sign * self.nudge_size.value())
        self._sync_widgets_from_model()
        self.refresh()
        return self.last_nudge

    def _sync_widgets_from_model(self) -> None:
        """Put the model's numbers into the controls without triggering their handlers."""
        self._updating = True
        self.n_inputs_spin.setValue(self.neuron.n_inputs)
        for i in range(MAX_INPUTS):
            self.input_toggles[i].setChecked(bool(self.neuron.inputs[i] >= 0.5))
            self.input_toggles[i].setText("1" if self.neuron.inputs[i] >= 0.5 else "0")
            self.input_sliders[i].setValue(float(self.neuron.inputs[i]))
            self.weight_sliders[i].setValue(float(self.neuron.weights[i]))
        self.bias_slider.setValue(self.neuron.bias)
        self._updating = False
        self._show_input_rows()

    def _show_input_rows(self) -> None:
        binary = self.input_mode.currentData() == "binary"
        n = self.neuron.n_inputs
        for i in range(MAX_INPUTS):
            active = i < n
            self._input_labels[i].setVisible(active)
            self._weight_labels[i].setVisible(active)
            self.weight_sliders[i].setVisible(active)
            self.input_toggles[i].setVisible(active and binary)
            self.input_sliders[i].setVisible(active and not binary)
        current = self.nudge_which.currentIndex()
        self.nudge_which.blockSignals(True)
        self.nudge_which.clear()
        for i in range(n):
            self.nudge_which.addItem(f"w{i + 1}")
        self.nudge_which.setCurrentIndex(min(max(current, 0), n - 1))
        self.nudge_which.blockSignals(False)

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the outputs (by the engine) and update every display."""
        out = self.neuron.evaluate()
        n = self.neuron.n_inputs
        terms = " + ".join(
            f"({fmt(self.neuron.weights[i], 2)})({fmt(self.neuron.inputs[i], 2)})" for i in range(n)
        )
        rule = (
            self.tr("fires (1) because z > 0")
            if out.perceptron
            else self.tr("stays at 0 because z ≤ 0")
        )
        self.readout.setText(
            "<p style='font-size:12pt'>"
            + self.tr("z = w·x + b = {terms} + ({b}) = <b>{z}</b>").format(
                terms=terms, b=fmt(self.neuron.bias, 2), z=fmt(out.z, 3)
            )
            + "</p><p style='font-size:12pt'>"
            + f"<span style='color:{PERCEPTRON_COLOR}'>"
            + self.tr("Perceptron: <b>{p}</b> ({rule})").format(p=out.perceptron, rule=rule)
            + "</span> &nbsp;&nbsp; "
            + f"<span style='color:{SIGMOID_COLOR}'>"
            + self.tr("Sigmoid neuron: σ(z) = <b>{s}</b>").format(s=fmt(out.sigmoid, 4))
            + "</span></p>"
        )
        z_shown = float(np.clip(out.z, -Z_RANGE, Z_RANGE))
        self.z_line.setValue(z_shown)
        self.points.setData(
            [z_shown, z_shown],
            [out.perceptron, out.sigmoid],
            brush=[pg.mkBrush(PERCEPTRON_COLOR), pg.mkBrush(SIGMOID_COLOR)],
        )
        self._show_nudge()
        self._show_truth_table()

    def _show_nudge(self) -> None:
        nudge = self.last_nudge
        if nudge is None:
            self.ghost_points.setData([], [])
            self.nudge_result.setText(self._nudge_prompt())
            return
        before, after = nudge.before, nudge.after
        z_before = float(np.clip(before.z, -Z_RANGE, Z_RANGE))
        self.ghost_points.setData([z_before, z_before], [before.perceptron, before.sigmoid])
        if nudge.d_perceptron == 0:
            verdict = self.tr("did not move at all")
        else:
            verdict = self.tr("jumped by a full step")
        text = (
            self.tr("w{i} changed by {dw}, so z changed by {dz}.").format(
                i=nudge.index + 1, dw=fmt(nudge.dw, 2), dz=fmt(nudge.dz, 3)
            )
            + "<br>"
            + f"<span style='color:{PERCEPTRON_COLOR}'>"
            + self.tr("Perceptron: {a} → {b}: it {verdict}.").format(
                a=before.perceptron, b=after.perceptron, verdict=verdict
            )
            + "</span><br>"
            + f"<span style='color:{SIGMOID_COLOR}'>"
            + self.tr(
                "Sigmoid: {a} → {b}, a smooth change of {d} (about σ′(z)·Δz = {approx})."
            ).format(
                a=fmt(before.sigmoid, 4),
                b=fmt(after.sigmoid, 4),
                d=fmt(nudge.d_sigmoid, 4),
                approx=fmt(float(sigmoid(before.z) * (1 - sigmoid(before.z))) * nudge.dz, 4),
            )
            + "</span><br><i>"
            + self.tr(
                "Small changes in weights cause small changes in a sigmoid neuron's output: "
                "that is what lets a network learn by small steps."
            )
            + "</i>"
        )
        self.nudge_result.setText(text)

    def _show_truth_table(self) -> None:
        rows = self.neuron.truth_table()
        n = self.neuron.n_inputs
        headers = [f"x{i + 1}" for i in range(n)] + ["z", "step(z)", "σ(z)"]
        self.truth_table.setColumnCount(len(headers))
        self.truth_table.setHorizontalHeaderLabels(headers)
        self.truth_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [str(v) for v in row.inputs] + [
                fmt(row.z, 2),
                str(row.perceptron),
                fmt(row.sigmoid, 3),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == n + 1:
                    item.setForeground(QBrush(QColor(PERCEPTRON_COLOR)))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.truth_table.setItem(r, c, item)
        fit_table_width(self.truth_table)
        name = gate_name(rows)
        if name is None:
            self.gate_label.setText(self.tr("This truth table is not one of the named gates."))
        else:
            self.gate_label.setText(self.tr("This perceptron computes {gate}.").format(gate=name))

    def displayed_truth_table(self) -> list[tuple[str, ...]]:
        """The truth table as the widget shows it (rows of cell texts), for checks and tests."""
        table = self.truth_table
        return [
            tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())
        ]


class HalfAdderView(QGroupBox):
    """The book's half adder of NAND perceptrons, drawn, with its inputs as toggles."""

    RADIUS = 17.0
    POSITIONS: ClassVar[dict[str, tuple[float, float]]] = {
        "x1": (0.0, 20.0),
        "x2": (0.0, 160.0),
        "n1": (100.0, 90.0),
        "n2": (200.0, 30.0),
        "n3": (200.0, 150.0),
        "sum": (300.0, 90.0),
        "carry": (300.0, 235.0),
    }
    #: Wires that bend on their way, at these points: straight, n1 -> carry ran through n3 and
    #: made carry look like n3's output.
    BENDS: ClassVar[dict[tuple[str, str], tuple[float, float]]] = {
        ("n1", "carry"): (200.0, 235.0),
    }
    WIRES = (
        ("x1", "n1"),
        ("x2", "n1"),
        ("x1", "n2"),
        ("n1", "n2"),
        ("n1", "n3"),
        ("x2", "n3"),
        ("n2", "sum"),
        ("n3", "sum"),
        ("n1", "carry"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Half adder from NAND perceptrons"))
        self.setObjectName("halfAdder")
        self.setToolTip(
            self.tr(
                "Five NAND perceptrons add two bits: x1 + x2 = sum + 2·carry. The engine runs "
                "them as a layered network of step units; wires that skip a layer pass through "
                "relay perceptrons (weight 2, bias −1) that copy a bit."
            )
        )
        self.adder = HalfAdder()
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setObjectName("halfAdderView")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._nodes: dict[str, QGraphicsEllipseItem] = {}
        self._values: dict[str, QGraphicsSimpleTextItem] = {}
        self._draw()

        self.x_toggles: list[QPushButton] = []
        toggles = QHBoxLayout()
        for i in range(2):
            button = QPushButton(f"x{i + 1} = 0")
            button.setCheckable(True)
            button.setObjectName(f"adderInput{i + 1}")
            button.setToolTip(self.tr("Switch input bit x{0}.").format(i + 1))
            button.toggled.connect(self.refresh)
            toggles.addWidget(button)
            self.x_toggles.append(button)
        self.result = QLabel()
        self.result.setObjectName("adderResult")
        self.result.setTextFormat(Qt.TextFormat.RichText)
        toggles.addWidget(self.result, 1)

        self.table = QTableWidget(4, 4)
        self.table.setTabKeyNavigation(False)  # Tab moves on, out of the table
        self.table.setObjectName("adderTable")
        self.table.setHorizontalHeaderLabels(["x1", "x2", self.tr("sum"), self.tr("carry")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(18)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setToolTip(self.tr("Every input pair through the engine's NAND network."))
        for r, row in enumerate(self.adder.truth_table()):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        fit_table_width(self.table)

        top = QHBoxLayout()
        top.addWidget(self.view, 1)
        top.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(toggles)
        self.refresh()

    def wire_route(self, a: str, b: str) -> list[tuple[float, float]]:
        """The points wire a -> b passes through, from a's centre to b's."""
        bend = self.BENDS.get((a, b))
        return [self.POSITIONS[a], *([bend] if bend else []), self.POSITIONS[b]]

    def _draw(self) -> None:
        wire_pen = QPen(QColor("#777777"), 1.5)
        for a, b in self.WIRES:
            route = self.wire_route(a, b)
            for (xa, ya), (xb, yb) in itertools.pairwise(route):
                line = QGraphicsLineItem(xa, ya, xb, yb)
                line.setPen(wire_pen)
                line.setZValue(-1)
                self.scene.addItem(line)
        # On the carry wire's last stretch, above it, where no node or caption is.
        (xa, ya), (xb, yb) = self.wire_route("n1", "carry")[-2:]
        self.weight_label = weight = QGraphicsSimpleTextItem("−4")
        weight.setBrush(QBrush(QColor("#555555")))
        rect = weight.boundingRect()
        weight.setPos((xa + xb) / 2 - rect.width() / 2, (ya + yb) / 2 - rect.height() - 1)
        weight.setToolTip(self.tr("The two −2 wires from n1 to the carry gate, merged."))
        self.scene.addItem(weight)
        font = QFont()
        font.setBold(True)
        r = self.RADIUS
        for name, (x, y) in self.POSITIONS.items():
            node = QGraphicsEllipseItem(QRectF(x - r, y - r, 2 * r, 2 * r))
            node.setPen(QPen(QColor(FOREGROUND), 1.5))
            is_gate = name in HALF_ADDER_GATES
            node.setToolTip(
                self.tr("NAND perceptron {0}: weights −2, −2, bias 3").format(name)
                if is_gate
                else self.tr("input bit {0}").format(name)
            )
            self.scene.addItem(node)
            value = QGraphicsSimpleTextItem("0", node)
            value.setFont(font)
            self._nodes[name] = node
            self._values[name] = value
            shown = {"sum": self.tr("sum"), "carry": self.tr("carry")}.get(name, name)
            caption = QGraphicsSimpleTextItem(shown)
            caption.setBrush(QBrush(QColor("#444444")))
            rect = caption.boundingRect()
            caption.setPos(x - rect.width() / 2, y + r + 1)
            self.scene.addItem(caption)
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-8, -8, 8, 8))

    def refresh(self) -> None:
        """Run the engine's NAND network on the toggled bits and colour every gate."""
        x1, x2 = (int(b.isChecked()) for b in self.x_toggles)
        for i, button in enumerate(self.x_toggles):
            button.setText(f"x{i + 1} = {int(button.isChecked())}")
        values = {"x1": x1, "x2": x2, **self.adder.gates(x1, x2)}
        for name, node in self._nodes.items():
            on = values[name] == 1
            node.setBrush(QBrush(QColor("#ffd54f" if on else "#ffffff")))
            label = self._values[name]
            label.setText(str(values[name]))
            rect = label.boundingRect()
            x, y = self.POSITIONS[name]
            label.setPos(x - rect.width() / 2, y - rect.height() / 2)
        self.result.setText(
            self.tr("{x1} + {x2} = <b>sum {s}</b>, <b>carry {c}</b> (binary {c}{s})").format(
                x1=x1, x2=x2, s=values["sum"], c=values["carry"]
            )
        )
        self.values = values

    def resizeEvent(self, event) -> None:
        """Keep the whole circuit in view."""
        super().resizeEvent(event)
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:
        """Fit the circuit once the view has its real size."""
        super().showEvent(event)
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
