"""Live curves: the cost per mini-batch (raw and smoothed) and per epoch; accuracy per epoch.

Points arrive in bursts with each snapshot and are appended to growable arrays; the curves are
redrawn from those arrays only when the panel's timer asks (`refresh`), so a long run of many
thousand mini-batches stays cheap: pyqtgraph clips to the view and downsamples by peaks.
"""

from __future__ import annotations

import html
import math
import os
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QMenu, QWidget

from playground.ui.axes import LabelledAxis
from playground.ui.views.mosaic import BACKGROUND, FOREGROUND, save_widget_png

RAW_COLOR = QColor(110, 150, 215, 90)
SMOOTH_COLOR = QColor(90, 160, 255)
EPOCH_COLOR = QColor(255, 170, 60)
TRAIN_COLOR = QColor(90, 160, 255)
VAL_COLOR = QColor(255, 170, 60)
TEST_COLOR = QColor(110, 200, 120)
DIVERGED_COLOR = QColor(230, 70, 70)


class Series:
    """A growable pair of float arrays (x, y) with amortised O(1) appends."""

    def __init__(self) -> None:
        self._x = np.zeros(256)
        self._y = np.zeros(256)
        self.n = 0

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        """Append points."""
        k = len(x)
        if self.n + k > len(self._x):
            cap = max(2 * len(self._x), self.n + k)
            self._x = np.resize(self._x, cap)
            self._y = np.resize(self._y, cap)
        self._x[self.n : self.n + k] = x
        self._y[self.n : self.n + k] = y
        self.n += k

    def truncate_after(self, x: float) -> None:
        """Forget points whose x is beyond `x` (a new run restarts from an earlier epoch)."""
        keep = int(np.searchsorted(self._x[: self.n], x, side="right"))
        self.n = min(self.n, keep)

    def clear(self) -> None:
        """Forget every point."""
        self.n = 0

    @property
    def x(self) -> np.ndarray:
        """The x values (a view)."""
        return self._x[: self.n]

    @property
    def y(self) -> np.ndarray:
        """The y values (a view)."""
        return self._y[: self.n]


class EpochAxis(pg.AxisItem):
    """An epoch axis: ticks on whole epochs only (no "2.5" under per-epoch points)."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list:
        levels = [(sp, off) for sp, off in super().tickSpacing(minVal, maxVal, size) if sp >= 1]
        return levels or [(1.0, 0.0)]


def _style(plot: pg.PlotItem, left: str, bottom: str) -> None:
    font = QFont()
    font.setPointSizeF(8)
    for name, text in (("left", left), ("bottom", bottom)):
        axis = plot.getAxis(name)
        axis.setLabel(text, color=FOREGROUND.name())
        axis.setTextPen(FOREGROUND)
        axis.setTickFont(font)
        axis.enableAutoSIPrefix(False)
    plot.showGrid(x=True, y=True, alpha=0.15)


class LegendTitle:
    """The plot's title as a one-line legend, over the axis column too: a legend inside a short
    plot covered most of its height, and the points under it. `fit` picks the widest of three
    spacings that fits the plot (a laptop's plots are about 240 px wide)."""

    VARIANTS = (("━━", 3, "8pt"), ("━", 2, "8pt"), ("━", 1, "7pt"))

    def __init__(self, plot: pg.PlotItem, lines: list[tuple[str, QColor]]) -> None:
        self.plot = plot
        self.lines = []
        for name, color in lines:
            solid = QColor(color)
            if color.alpha() < 255:  # a faint curve: its colour as it shows on the background
                a = color.alphaF()
                solid = QColor.fromRgbF(
                    *(
                        a * c + (1 - a) * b
                        for c, b in zip(color.getRgbF()[:3], BACKGROUND.getRgbF()[:3], strict=True)
                    )
                )
            self.lines.append((html.escape(name), solid.name()))
        #: Which lines are named: those with points, or all of them while none has any.
        self.shown = [True] * len(self.lines)
        self.width: float | None = None
        self.variant = -1
        self._show(0)
        plot.layout.removeItem(plot.titleLabel)
        plot.layout.addItem(plot.titleLabel, 0, 0, 1, 3)

    def _show(self, variant: int) -> None:
        swatch, gap, size = self.VARIANTS[variant]
        text = ("&nbsp;" * gap).join(
            f"<span style='color:{color}'>{swatch}</span>&nbsp;{name}"
            for (name, color), shown in zip(self.lines, self.shown, strict=True)
            if shown
        )
        self.plot.setTitle(text, color=FOREGROUND.name(), size=size)
        self.variant = variant

    def name_lines_with_points(self, counts: list[int]) -> None:
        """Name only the lines with points (counts per line, in order), all while none has any:
        a model loaded with its epochs but no mini-batch costs shows no 'mini-batch' line."""
        shown = [n > 0 for n in counts] if any(counts) else [True] * len(self.lines)
        if shown != self.shown:
            self.shown = shown
            if self.width is None:
                self._show(self.variant)
            else:
                self.fit(self.width)

    def fit(self, width: float) -> None:
        """Show the widest spacing whose text fits in `width` pixels (the tightest otherwise)."""
        self.width = width
        for variant in range(len(self.VARIANTS)):
            self._show(variant)
            if self.text_width() <= width:
                return

    def text_width(self) -> float:
        """The legend's width in pixels."""
        return self.plot.titleLabel.itemRect().width()


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten >= value."""
    if value <= 0 or not math.isfinite(value):
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if step * power >= value * (1 - 1e-9):
            return step * power
    return 10.0 * power


class LegendPlot(pg.PlotWidget):
    """A live plot over epochs whose title is its legend (a LegendTitle, `legend`, refitted on
    every resize), with a translated right-click menu in place of pyqtgraph's English one."""

    legend: LegendTitle

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            background=BACKGROUND,
            axisItems={"bottom": EpochAxis("bottom"), "left": LabelledAxis("left")},
        )
        self.setObjectName(object_name)
        self.setMinimumSize(200, 90)
        self.getPlotItem().setMenuEnabled(False)

    def show_all(self) -> None:
        """Frame every point again (after the user zoomed or panned)."""
        raise NotImplementedError

    def context_menu(self) -> QMenu:
        """The right-click menu: frame everything again, or copy the plot for a slide."""
        menu = QMenu(self)
        menu.addAction(self.tr("Show everything"), self.show_all)
        menu.addAction(self.tr("Copy as image"), self.copy_image)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click: our menu."""
        self.context_menu().exec(event.globalPos())

    def copy_image(self) -> None:
        """Put the plot, as it shows now, on the clipboard."""
        self.refresh()
        QGuiApplication.clipboard().setImage(self.grab().toImage())

    def refresh(self) -> None:
        """Redraw the curves if points arrived since the last call."""
        raise NotImplementedError

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the legend line to the new width, before the plot is laid out in it."""
        legend = self.__dict__.get("legend")  # None while PlotWidget.__init__ lays out
        if legend is not None and not self.closed:  # close() empties the scene, then resizes
            legend.fit(event.size().width() - 8)
        super().resizeEvent(event)


class CostPlot(LegendPlot):
    """The cost: every mini-batch (faint), its moving average (bold) and each epoch's mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("costPlot", parent)
        plot = self.getPlotItem()
        _style(plot, self.tr("cost"), self.tr("epoch"))
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        names = (self.tr("mini-batch"), self.tr("smoothed"), self.tr("epoch mean"))
        self.legend = LegendTitle(
            plot, list(zip(names, (RAW_COLOR, SMOOTH_COLOR, EPOCH_COLOR), strict=True))
        )
        self.raw_curve = plot.plot(pen=pg.mkPen(RAW_COLOR, width=1), name=names[0])
        self.smooth_curve = plot.plot(pen=pg.mkPen(SMOOTH_COLOR, width=2), name=names[1])
        self.epoch_curve = plot.plot(
            pen=pg.mkPen(EPOCH_COLOR, width=1.5),
            symbol="o",
            symbolSize=6,
            symbolBrush=EPOCH_COLOR,
            symbolPen=None,
            name=names[2],
        )
        self.raw = Series()
        self.smooth = Series()
        self.epochs = Series()
        self._ema: float | None = None
        self._ema_count = 0
        self.span = 50  # mini-batches in the moving average
        self._dirty = False
        # The view range is managed here, in coarse steps: every change of range makes both
        # axes lay out again, which at 10 frames a second would cost more than the curves.
        self.x_end = 1.0
        self._range: tuple[float, float, float] | None = None
        self.managed = True
        plot.getViewBox().sigRangeChangedManually.connect(self._on_user_range)
        plot.getViewBox().disableAutoRange()
        # Where a run's cost became NaN or infinite: those costs cannot be drawn, so the plot
        # showed nothing of the blow-up.
        self.divergence = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(DIVERGED_COLOR, width=1.5, style=Qt.PenStyle.DashLine),
            label=self.tr("diverged"),
            # Hung from near the top, not centred there: a short plot (720p, ~40 px) cut the
            # top half of a Chinese "发散" off.
            labelOpts={"position": 0.97, "color": DIVERGED_COLOR, "anchors": [(1, 0), (1, 0)]},
        )
        plot.addItem(self.divergence, ignoreBounds=True)
        self.divergence.hide()

    def mark_divergence(self) -> None:
        """Mark the end of the plotted costs as where the run diverged."""
        self.divergence.setPos(self.raw.x[-1] if self.raw.n else self.x_end)
        self.divergence.show()

    def clear_all(self) -> None:
        """Forget every point (another network)."""
        self.divergence.hide()
        for s in (self.raw, self.smooth, self.epochs):
            s.clear()
        self._ema = None
        self._ema_count = 0
        self.x_end = 1.0
        self.managed = True
        self._dirty = True

    def begin_run(self, offset: float, batches: int, epochs: int = 1) -> None:
        """A run of `epochs` starts at epoch `offset`: drop later points, size the average."""
        self.divergence.hide()
        for s in (self.raw, self.smooth, self.epochs):
            s.truncate_after(offset)
        self.span = int(min(200, max(5, batches // 20)))
        self.x_end = float(offset + epochs)
        self.managed = True
        self._ema = None
        self._ema_count = 0
        self._dirty = True

    def add_costs(self, x: np.ndarray, cost: np.ndarray) -> None:
        """Append mini-batch costs at fractional epochs `x`; non-finite costs are skipped."""
        ok = np.isfinite(cost)
        x, cost = x[ok], cost[ok]
        if not len(x):
            return
        alpha = 2.0 / (self.span + 1)
        smooth = np.empty_like(cost)
        ema, count = self._ema, self._ema_count
        for i, c in enumerate(cost):  # a few points per snapshot: a Python loop is fine
            count += 1
            # Until `span` costs have come, the mean of those so far: a plain average would
            # start on the first mini-batch's cost alone, one noisy batch of ten images.
            ema = c if ema is None else ema + max(alpha, 1.0 / count) * (c - ema)
            smooth[i] = ema
        self._ema, self._ema_count = ema, count
        self.raw.extend(x, cost)
        self.smooth.extend(x, smooth)
        self._dirty = True

    def add_epoch(self, x: float, cost: float | None) -> None:
        """Append an epoch's mean cost."""
        if cost is not None and math.isfinite(cost):
            self.epochs.extend(np.array([x]), np.array([cost]))
            self._dirty = True

    def refresh(self) -> None:
        """Redraw the curves if points arrived since the last call."""
        if not self._dirty:
            return
        self._dirty = False
        self.raw_curve.setData(self.raw.x, self.raw.y)
        self.smooth_curve.setData(self.smooth.x, self.smooth.y)
        self.epoch_curve.setData(self.epochs.x, self.epochs.y)
        self.legend.name_lines_with_points([s.n for s in (self.raw, self.smooth, self.epochs)])
        if self.managed:
            self._update_range()

    def _update_range(self) -> None:
        """x from 0 to the run's last epoch; y from 0 to a round number above the smoothed cost."""
        top = 0.0
        for series in (self.smooth, self.epochs):
            if series.n:
                top = max(top, float(np.nanmax(series.y)))
        top = nice_ceiling(1.08 * top) if top > 0 else 1.0
        x_end = max(
            self.x_end,
            float(self.raw.x[-1]) if self.raw.n else 0.0,
            float(self.epochs.x[-1]) if self.epochs.n else 0.0,
            1.0,
        )
        wanted = (0.0, x_end, top)
        if wanted != self._range:
            self._range = wanted
            self.getPlotItem().getViewBox().setRange(
                xRange=(0.0, x_end), yRange=(0.0, top), padding=0.02
            )

    def show_all(self) -> None:
        """Back to the managed view: the whole run, y from 0 to a round number."""
        self.managed = True
        self._range = None
        self._update_range()

    def _on_user_range(self, *_args: object) -> None:
        self.managed = False  # the user zoomed or panned: leave the view alone until next run
        self._range = None

    def point_count(self) -> int:
        """How many mini-batch costs the plot holds."""
        return self.raw.n

    def export_png(self, path: str | os.PathLike[str]) -> bool:
        """Save the plot as PNG."""
        self.refresh()
        return save_widget_png(self, path)


#: The accuracy axis spans at least this many percentage points.
MIN_ACCURACY_SPAN = 3.0


class AccuracyPlot(LegendPlot):
    """Accuracy per epoch in percent: training (a fixed sample), validation and test."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("accuracyPlot", parent)
        plot = self.getPlotItem()
        _style(plot, self.tr("accuracy (%)"), self.tr("epoch"))
        # Fitted to the points alone, a network stuck at 10.8-11.2 % filled the plot's height
        # and looked as if it were learning.
        plot.getViewBox().setLimits(minYRange=MIN_ACCURACY_SPAN)
        self._show_empty_range()
        self.curves: dict[str, Any] = {}
        self.series: dict[str, Series] = {}
        lines = (
            ("train_accuracy", self.tr("training"), TRAIN_COLOR),
            ("val_accuracy", self.tr("validation"), VAL_COLOR),
            ("test_accuracy", self.tr("test"), TEST_COLOR),
        )
        self.legend = LegendTitle(plot, [(name, color) for _key, name, color in lines])
        for key, name, color in lines:
            self.curves[key] = plot.plot(
                pen=pg.mkPen(color, width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=color,
                symbolPen=None,
                name=name,
            )
            self.series[key] = Series()
        self._dirty = False
        #: The x axis spans 0 to this epoch (the run's last) or the last point, as the cost
        #: plot's does: fitted to its points alone, the two plots' epochs did not line up.
        self.x_end = 1.0

    def clear_all(self) -> None:
        """Forget every point, and the range that fitted them (another network)."""
        for s in self.series.values():
            s.clear()
        self.x_end = 1.0
        self._show_empty_range()
        self._dirty = True

    def _show_empty_range(self) -> None:
        """Until the first epoch: accuracies 0 - 100 %, epochs 0 - 1 (add_epoch autoranges)."""
        plot = self.getPlotItem()
        plot.setYRange(0, 100, padding=0.02)
        plot.setXRange(0, 1, padding=0.02)

    def show_all(self) -> None:
        """Frame every point again."""
        self._fit()

    def _fit(self) -> None:
        """x from 0 to the run's last epoch (or the last point), y fitted to the points."""
        shown = [s for s in self.series.values() if s.n]
        if not shown:
            self._show_empty_range()
            return
        last = max(float(s.x[-1]) for s in shown)
        low = min(float(np.min(s.y)) for s in shown)
        high = max(float(np.max(s.y)) for s in shown)
        box = self.getPlotItem().getViewBox()
        box.setXRange(0.0, max(self.x_end, last, 1.0), padding=0.02)  # as the cost plot's
        box.setYRange(low, high, padding=0.05)

    def begin_run(self, offset: float, epochs: int = 1) -> None:
        """A run of `epochs` starts after epoch `offset`: drop later points."""
        for s in self.series.values():
            s.truncate_after(offset)
        self.x_end = float(offset + epochs)
        self._dirty = True

    def add_epoch(self, x: float, entry: dict[str, Any]) -> None:
        """Append the accuracies of one history entry (fractions; missing ones skipped)."""
        for key, s in self.series.items():
            value = entry.get(key)
            if value is not None and math.isfinite(value):
                s.extend(np.array([x]), np.array([100.0 * value]))
        self._dirty = True

    def refresh(self) -> None:
        """Redraw the curves if points arrived since the last call."""
        if not self._dirty:
            return
        self._dirty = False
        for key, curve in self.curves.items():
            curve.setData(self.series[key].x, self.series[key].y)
        self.legend.name_lines_with_points([s.n for s in self.series.values()])
        # Here, at the repaint's pace, not per epoch: a history or a flood of quick epochs
        # would lay the axes out again for every point.
        self._fit()

    def export_png(self, path: str | os.PathLike[str]) -> bool:
        """Save the plot as PNG."""
        self.refresh()
        return save_widget_png(self, path)
