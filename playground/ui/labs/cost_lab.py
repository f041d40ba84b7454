"""The cost comparison lab: one saturated neuron learns to output 0 under two costs."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.labs.costs_compare import (
    BOOK_EPOCHS,
    BOOK_ETA,
    BOOK_STARTS,
    BOOK_X,
    BOOK_Y,
    History,
    compare,
    sigmoid,
    sigmoid_prime,
)
from playground.ui.labs._widgets import CROSS_ENTROPY_COLOR, QUADRATIC_COLOR, fmt, make_plot
from playground.ui.names import cost_label

#: Run shows the epochs as an animation: this many epochs per tick of this many milliseconds.
EPOCHS_PER_TICK = 4
TICK_MS = 30


class CostLab(QWidget):
    """Quadratic versus cross-entropy cost on the book's one-neuron example, side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("costLab")
        self.histories: dict[str, History] = {}
        self.shown_epochs = 0
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

        controls = self._build_controls()
        self.quad_plot = make_plot(self.tr("Quadratic cost"), self.tr("epoch"), "C")
        self.quad_plot.setObjectName("quadraticCostPlot")
        self.quad_plot.setToolTip(self.tr("C = (a − y)² / 2 after each epoch."))
        self.quad_curve = self.quad_plot.plot(pen=pg.mkPen(QUADRATIC_COLOR, width=2.5))
        self.ce_plot = make_plot(self.tr("Cross-entropy cost"), self.tr("epoch"), "C")
        self.ce_plot.setObjectName("crossEntropyCostPlot")
        self.ce_plot.setToolTip(self.tr("C = −[y ln a + (1 − y) ln(1 − a)] after each epoch."))
        self.ce_curve = self.ce_plot.plot(pen=pg.mkPen(CROSS_ENTROPY_COLOR, width=2.5))
        self.output_plot = make_plot(
            self.tr("The neuron's output a (target 0), both runs"), self.tr("epoch"), "a"
        )
        self.output_plot.setObjectName("costOutputPlot")
        self.output_plot.setToolTip(
            self.tr("Both runs on one scale: how fast each neuron's output falls towards 0.")
        )
        legend = self.output_plot.getPlotItem().addLegend(offset=(-10, 10))
        legend.setLabelTextColor("#222222")
        self.quad_output = self.output_plot.plot(
            pen=pg.mkPen(QUADRATIC_COLOR, width=2.5), name=cost_label("quadratic")
        )
        self.ce_output = self.output_plot.plot(
            pen=pg.mkPen(CROSS_ENTROPY_COLOR, width=2.5), name=cost_label("cross-entropy")
        )
        self.output_plot.setYRange(0.0, 1.0, padding=0.03)

        self.readout = QLabel()
        self.readout.setObjectName("costReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.readout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        plots = QGridLayout()
        plots.addWidget(self.quad_plot, 0, 0)
        plots.addWidget(self.ce_plot, 0, 1)
        plots.addWidget(self.output_plot, 1, 0, 1, 2)
        right = QVBoxLayout()
        right.addLayout(plots, 1)
        right.addWidget(self.readout)
        layout = QHBoxLayout(self)
        layout.addWidget(controls)
        layout.addLayout(right, 1)
        self.train()
        self.show_epochs(self.epochs_spin.value())

    def _build_controls(self) -> QWidget:
        box = QGroupBox(self.tr("One neuron, x = 1, target y = 0"))
        box.setMaximumWidth(300)
        layout = QVBoxLayout(box)
        intro = QLabel(
            self.tr(
                "The same sigmoid neuron is trained twice from the same start, once with "
                "each cost. Its output should fall from about 1 to 0."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.start_box = QComboBox()
        self.start_box.setObjectName("costStart")
        self.start_box.addItem(self.tr("saturated: w = 2, b = 2"), "saturated")
        self.start_box.addItem(self.tr("comfortable: w = 0.6, b = 0.9"), "comfortable")
        self.start_box.addItem(self.tr("your own: the w and b below"), "own")
        self.start_box.setToolTip(
            self.tr("The book's two starting points. The saturated one shows the slowdown.")
        )
        self.start_box.currentIndexChanged.connect(self._start_chosen)
        form.addRow(self.tr("Start"), self.start_box)
        self.w_spin = self._spin(BOOK_STARTS["saturated"][0], -8.0, 8.0, "costW")
        self.w_spin.setToolTip(self.tr("Starting weight w."))
        self.b_spin = self._spin(BOOK_STARTS["saturated"][1], -8.0, 8.0, "costB")
        self.b_spin.setToolTip(self.tr("Starting bias b."))
        self.eta_spin = self._spin(BOOK_ETA, 0.01, 5.0, "costEta")
        self.eta_spin.setToolTip(
            self.tr(
                "Learning rate η, the same for both neurons. The book uses 0.15 for the "
                "quadratic cost and 0.005 for cross-entropy: its point is how the speed of "
                "learning changes as the neuron learns, not the speed itself."
            )
        )
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setObjectName("costEpochs")
        self.epochs_spin.setRange(10, 2000)
        self.epochs_spin.setSingleStep(50)
        self.epochs_spin.setValue(BOOK_EPOCHS)
        self.epochs_spin.setToolTip(self.tr("How many epochs (one gradient step each)."))
        form.addRow(self.tr("Weight w"), self.w_spin)
        form.addRow(self.tr("Bias b"), self.b_spin)
        form.addRow(self.tr("Learning rate η"), self.eta_spin)
        form.addRow(self.tr("Epochs"), self.epochs_spin)
        for spin in (self.w_spin, self.b_spin, self.eta_spin, self.epochs_spin):
            spin.valueChanged.connect(self._settings_changed)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Train both"))
        self.run_button.setObjectName("costRun")
        self.run_button.setToolTip(self.tr("Train both neurons and watch the epochs go by."))
        self.run_button.clicked.connect(self.run)
        self.all_button = QPushButton(self.tr("Show result"))
        self.all_button.setObjectName("costShowAll")
        self.all_button.setToolTip(self.tr("Jump straight to the last epoch."))
        self.all_button.clicked.connect(self.show_result)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.all_button)
        layout.addLayout(buttons)
        self.start_info = QLabel()
        self.start_info.setObjectName("costStartInfo")
        self.start_info.setWordWrap(True)
        self.start_info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.start_info)
        layout.addStretch(1)
        return box

    def _spin(self, value: float, lo: float, hi: float, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(lo, hi)
        spin.setDecimals(2)
        spin.setSingleStep(0.05 if hi <= 5.0 else 0.1)
        spin.setValue(value)
        return spin

    # -- actions -------------------------------------------------------------------------------
    def _start_chosen(self) -> None:
        start = BOOK_STARTS.get(self.start_box.currentData())
        if start is None:  # "your own": the spins keep what they hold
            return
        for spin, value in zip((self.w_spin, self.b_spin), start, strict=True):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self._settings_changed()

    def _follow_start(self) -> None:
        """Name the start the spins hold: one of the book's, or the user's own."""
        here = (self.w_spin.value(), self.b_spin.value())
        key = next((k for k, wb in BOOK_STARTS.items() if np.allclose(wb, here, atol=1e-9)), "own")
        self.start_box.blockSignals(True)
        self.start_box.setCurrentIndex(self.start_box.findData(key))
        self.start_box.blockSignals(False)

    def _settings_changed(self) -> None:
        self._follow_start()
        self.timer.stop()
        self.train()
        self.show_epochs(0)

    def train(self) -> None:
        """Train both neurons with the current settings (instant; the plots reveal it)."""
        self.histories = compare(
            self.w_spin.value(),
            self.b_spin.value(),
            self.eta_spin.value(),
            self.epochs_spin.value(),
        )
        z = self.w_spin.value() * BOOK_X + self.b_spin.value()
        self.start_info.setText(
            self.tr(
                "At the start z = w + b = {z}, a = σ(z) = {a} and σ′(z) = {sp}. "
                "Quadratic cost's gradient is (a − y) σ′(z); cross-entropy's is just (a − y)."
            ).format(z=fmt(z, 2), a=fmt(float(sigmoid(z)), 3), sp=fmt(float(sigmoid_prime(z)), 4))
        )

    def run(self) -> None:
        """Replay the training epoch by epoch on a timer."""
        self.train()
        self.show_epochs(0)
        self.timer.start()

    def show_result(self) -> None:
        """Stop any replay and show every epoch."""
        self.timer.stop()
        self.show_epochs(self.epochs_spin.value())

    def _tick(self) -> None:
        total = self.epochs_spin.value()
        self.show_epochs(min(total, self.shown_epochs + EPOCHS_PER_TICK))
        if self.shown_epochs >= total:
            self.timer.stop()

    def show_epochs(self, n: int) -> None:
        """Show both runs up to epoch n."""
        self.shown_epochs = n
        quad, ce = self.histories["quadratic"], self.histories["cross-entropy"]
        epochs = np.arange(n + 1)
        self.quad_curve.setData(epochs, quad.cost[: n + 1])
        self.ce_curve.setData(epochs, ce.cost[: n + 1])
        self.quad_output.setData(epochs, quad.a[: n + 1])
        self.ce_output.setData(epochs, ce.a[: n + 1])
        total = self.epochs_spin.value()
        for plot, history in ((self.quad_plot, quad), (self.ce_plot, ce)):
            plot.setXRange(0, total, padding=0.02)
            plot.setYRange(0.0, float(history.cost.max()), padding=0.05)
        self.output_plot.setXRange(0, total, padding=0.02)
        self.readout.setText(self._summary(n, quad, ce))

    def _summary(self, n: int, quad: History, ce: History) -> str:
        text = self.tr(
            "Epoch {n}: <span style='color:{qc}'>quadratic a = {qa}, C = {qcost}</span>; "
            "<span style='color:{cc}'>cross-entropy a = {ca}, C = {ccost}</span>."
        ).format(
            n=n,
            qc=QUADRATIC_COLOR,
            qa=fmt(quad.a[n], 3),
            qcost=fmt(quad.cost[n], 4),
            cc=CROSS_ENTROPY_COLOR,
            ca=fmt(ce.a[n], 3),
            ccost=fmt(ce.cost[n], 4),
        )
        first = min(n, 50)
        fall_quad, fall_ce = quad.a[0] - quad.a[first], ce.a[0] - ce.a[first]
        if n > 0:
            text += "<br>" + self.tr(
                "In the first {k} epochs the quadratic neuron's output fell by {dq}, the "
                "cross-entropy neuron's by {dc}."
            ).format(k=first, dq=fmt(fall_quad, 3), dc=fmt(fall_ce, 3))
        # The moral, when this run shows it: a saturated start, and the quadratic neuron
        # clearly the slower (a large η can make both fast).
        slowdown = quad.a[0] > 0.9 and fall_quad < 0.5 * fall_ce
        if n == quad.epochs and slowdown and BOOK_Y == 0.0:
            text += (
                "<br><i>"
                + self.tr(
                    "The quadratic neuron starts saturated (σ′(z) small), so its gradient is small "
                    "and it learns slowly exactly when it is most wrong: the learning slowdown. "
                    "Cross-entropy's gradient has no σ′(z) factor, so the worse the output, the "
                    "faster it learns."
                )
                + "</i>"
            )
        return text

    def hideEvent(self, event) -> None:
        """Stop the replay when the tab is hidden."""
        self.timer.stop()
        super().hideEvent(event)
