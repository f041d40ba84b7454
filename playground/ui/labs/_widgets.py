"""Small widgets the labs share: a float slider with an exact spin box, and plot styling."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QSlider,
    QTableWidget,
    QWidget,
)

from playground.ui.axes import LabelledAxis

#: Colours used across the labs, so a symbol keeps its colour from lab to lab.
PERCEPTRON_COLOR = "#d62728"
SIGMOID_COLOR = "#1f77b4"
QUADRATIC_COLOR = "#d62728"
CROSS_ENTROPY_COLOR = "#2ca02c"
GRAD_COLOR = "#ff7f0e"
STEP_COLOR = "#e377c2"
FOREGROUND = "#222222"


def fit_table_width(table: QTableWidget) -> None:
    """Make a small table exactly as wide as its columns, each as wide as its header or cells.

    Columns stretched to a fixed width cut "step(z)" to "tep(z" and "carry" to "carr", and a
    stretched last column kept a stale width after the layout shrank the table. One pass after
    the cells are filled (ResizeToContents would re-measure at every cell a slider changes).
    """
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.resizeColumnsToContents()
    width = header.length() + 2 * table.frameWidth()
    if table.width() != width or table.minimumWidth() != width:
        table.setFixedWidth(width)


class FloatSlider(QWidget):
    """A slider for a float in [minimum, maximum] with a spin box that shows and takes the value.

    The slider moves in `steps` even steps, or evenly in log10 of the value when `log` is set
    (for a learning rate, whose useful values span decades).
    """

    value_changed = Signal(float)

    def __init__(
        self,
        minimum: float,
        maximum: float,
        value: float,
        decimals: int = 2,
        steps: int = 1000,
        log: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if log and minimum <= 0:
            raise ValueError(f"a log slider needs minimum > 0; got {minimum}")
        self._min, self._max, self._steps, self._log = minimum, maximum, steps, log
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, steps)
        self.slider.setPageStep(max(1, steps // 20))
        self.spin = QDoubleSpinBox()
        self.spin.setRange(minimum, maximum)
        self.spin.setDecimals(decimals)
        self.spin.setSingleStep(10.0**-decimals if log else (maximum - minimum) / 100.0)
        self.spin.setKeyboardTracking(False)
        self.spin.setMinimumWidth(72)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        self._syncing = False
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin.valueChanged.connect(self._spin_changed)
        self.setValue(value)
        self.slider.setValue(self._to_position(self.value()))  # in case value == spin's default

    def _to_position(self, value: float) -> int:
        if self._log:
            lo, hi = math.log10(self._min), math.log10(self._max)
            frac = (math.log10(max(value, self._min)) - lo) / (hi - lo)
        else:
            frac = (value - self._min) / (self._max - self._min)
        return round(min(max(frac, 0.0), 1.0) * self._steps)

    def _from_position(self, position: int) -> float:
        frac = position / self._steps
        if self._log:
            lo, hi = math.log10(self._min), math.log10(self._max)
            return 10.0 ** (lo + frac * (hi - lo))
        return self._min + frac * (self._max - self._min)

    def _slider_moved(self, position: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.spin.setValue(self._from_position(position))
        self._syncing = False
        self.value_changed.emit(self.value())

    def _spin_changed(self, value: float) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.slider.setValue(self._to_position(value))
        self._syncing = False
        self.value_changed.emit(self.value())

    def value(self) -> float:
        """The current value (as the spin box shows it)."""
        return float(self.spin.value())

    def setValue(self, value: float) -> None:
        """Set the value; emits value_changed if it changed."""
        self.spin.setValue(value)

    def setToolTip(self, text: str) -> None:
        """Give the slider and the spin box the same tooltip."""
        super().setToolTip(text)
        self.slider.setToolTip(text)
        self.spin.setToolTip(text)


def make_plot(title: str = "", x_label: str = "", y_label: str = "") -> pg.PlotWidget:
    """A white PlotWidget in the book's style: dark axes, light grid, labelled."""
    plot = pg.PlotWidget(background="w", axisItems={"left": LabelledAxis("left")})
    item = plot.getPlotItem()
    if title:
        item.setTitle(title, color=FOREGROUND, size="10pt")
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(FOREGROUND)
        axis.setTextPen(FOREGROUND)
        axis.enableAutoSIPrefix(False)
    if x_label:
        item.setLabel("bottom", x_label, color=FOREGROUND)
    if y_label:
        item.setLabel("left", y_label, color=FOREGROUND)
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setMenuEnabled(False)
    return plot


def fmt(value: float, decimals: int = 3) -> str:
    """A number as the labs print it: fixed decimals, a real minus sign, no "-0.000"."""
    text = f"{value:.{decimals}f}"
    if float(text) == 0.0:
        text = f"{0.0:.{decimals}f}"
    return text.replace("-", "−")
