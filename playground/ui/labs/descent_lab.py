"""The gradient descent lab: a ball rolling down a cost surface by delta v = -eta grad C."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.labs.descent import SURFACES, GradientDescent, Status, Surface
from playground.ui.labs._widgets import (
    FOREGROUND,
    GRAD_COLOR,
    STEP_COLOR,
    FloatSlider,
    fmt,
    make_plot,
)


def limit(eta: float) -> str:
    """A largest stable η, printed rounded down (0.2255 as 0.22: the η shown must work)."""
    return fmt(math.floor(eta * 100 + 1e-9) / 100, 2)


#: How often Run takes a step, and the most steps one run takes.
RUN_INTERVAL_MS = 60
MAX_RUN_STEPS = 400
#: The grad C arrow is drawn this long (in map units per unit of |grad C|, capped) so it fits.
GRAD_ARROW_FRACTION = 0.18
PATH_COLOR = "#ffffff"
BALL_COLOR = "#e6194b"
#: The readout prints ∇C with this many decimals.
GRAD_DECIMALS = 3
#: The ball is at rest, and gradient descent stops, once every component of ∇C is below half a
#: unit of the last printed digit: exactly when the readout shows ∇C = (0.000, 0.000). Then the
#: step Δv = −η∇C is nothing to see either, so the lab stops the run, hides both arrows (a zero
#: gradient has no direction) and says so. The model's own test, |∇C| < CONVERGED_GRAD (1e-4),
#: is stricter: on the bowl at η = 0.1 it fired 8 steps after the readout showed (0.000, 0.000),
#: steps in which the arrow still pointed somewhere and the text still said "Descending".
AT_REST_GRAD = 0.5 * 10.0**-GRAD_DECIMALS
#: A ball at rest this close to one of the surface's minima (as a fraction of the map's shorter
#: side) is in that minimum; farther off it sits on a flat point that is not one (a saddle).
MINIMUM_RADIUS = 0.02


class Arrow:
    """A straight arrow in data coordinates: a line plus a pyqtgraph ArrowItem head."""

    def __init__(self, plot: pg.PlotItem, color: str) -> None:
        self.line = pg.PlotDataItem(pen=pg.mkPen(color, width=3))
        self.head = pg.ArrowItem(
            headLen=14, tipAngle=35, tailLen=0, pen=pg.mkPen(color), brush=pg.mkBrush(color)
        )
        plot.addItem(self.line)
        plot.addItem(self.head)

    def set(self, start: np.ndarray, end: np.ndarray) -> None:
        """Draw from start to end; hide when the arrow has (almost) no length."""
        d = np.asarray(end) - np.asarray(start)
        visible = bool(np.all(np.isfinite(d)) and np.hypot(*d) > 1e-9)
        self.line.setVisible(visible)
        self.head.setVisible(visible)
        if not visible:
            return
        self.line.setData([start[0], end[0]], [start[1], end[1]])
        # ArrowItem angle 0 points left, turning clockwise on screen, where y points down.
        self.head.setStyle(angle=math.degrees(math.atan2(d[1], -d[0])))
        self.head.setPos(QPointF(float(end[0]), float(end[1])))

    def hide(self) -> None:
        """Hide the arrow."""
        self.line.setVisible(False)
        self.head.setVisible(False)


class DescentLab(QWidget):
    """Pick a surface and a learning rate, then step or run and watch the ball and C."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("descentLab")
        self.descent = GradientDescent(SURFACES["bowl"], eta=0.1)
        self.timer = QTimer(self)
        self.timer.setInterval(RUN_INTERVAL_MS)
        self.timer.timeout.connect(self._run_tick)
        self._run_left = 0

        self._build_map()
        controls = self._build_controls()
        self.cost_plot = make_plot(self.tr("Cost C after each step"), self.tr("step"), "C")
        self.cost_plot.setObjectName("descentCostPlot")
        self.cost_plot.setToolTip(self.tr("C should fall every step; if it rises, η is too large."))
        self.cost_curve = self.cost_plot.plot(
            pen=pg.mkPen(BALL_COLOR, width=2), symbol="o", symbolSize=4, symbolBrush=BALL_COLOR
        )
        self.cost_plot.setMinimumHeight(160)

        right = QVBoxLayout()
        right.addWidget(controls)
        right.addWidget(self.cost_plot, 1)
        right_widget = QWidget()
        right_widget.setLayout(right)
        right_widget.setMaximumWidth(390)
        layout = QHBoxLayout(self)
        layout.addWidget(self.map, 1)
        layout.addWidget(right_widget)
        self.set_surface("bowl")

    # -- building ------------------------------------------------------------------------------
    def _build_map(self) -> None:
        self.map = make_plot(self.tr("Cost surface C(v1, v2): click to place the ball"), "v1", "v2")
        self.map.setObjectName("descentMap")
        self.map.setToolTip(
            self.tr(
                "Dark is low cost, bright is high. Click anywhere to put the ball there. "
                "Orange arrow: direction of ∇C (uphill). Pink arrow: the step Δv = −η∇C."
            )
        )
        item = self.map.getPlotItem()
        item.setAspectLocked(True)
        item.showGrid(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        item.addItem(self.image)
        self.contours: list[pg.IsocurveItem] = []
        self.minima = pg.ScatterPlotItem(
            symbol="x", size=12, pen=pg.mkPen("w", width=2), brush=pg.mkBrush("w")
        )
        item.addItem(self.minima)
        self.path_curve = pg.PlotDataItem(
            pen=pg.mkPen(PATH_COLOR, width=1.5),
            symbol="o",
            symbolSize=4,
            symbolBrush=PATH_COLOR,
            symbolPen=None,
        )
        item.addItem(self.path_curve)
        self.grad_arrow = Arrow(item, GRAD_COLOR)
        self.step_arrow = Arrow(item, STEP_COLOR)
        self.ball = pg.ScatterPlotItem(
            size=16, pen=pg.mkPen("w", width=2), brush=pg.mkBrush(BALL_COLOR)
        )
        item.addItem(self.ball)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        self.map.scene().sigMouseClicked.connect(self._map_clicked)

    def _build_controls(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gradient descent"))
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.surface_box = QComboBox()
        self.surface_box.setObjectName("surfaceChoice")
        names = {
            "bowl": self.tr("Bowl"),
            "valley": self.tr("Long narrow valley"),
            "two_minima": self.tr("Two minima"),
        }
        for key in SURFACES:
            self.surface_box.addItem(names[key], key)
        self.surface_box.setToolTip(
            self.tr(
                "Bowl: the easy case. Valley: steep across, nearly flat along, so one η is "
                "too big one way and too small the other. Two minima: where you end up "
                "depends on where you start."
            )
        )
        self.surface_box.currentIndexChanged.connect(
            lambda: self.set_surface(self.surface_box.currentData())
        )
        form.addRow(self.tr("Surface"), self.surface_box)
        self.formula = QLabel()
        self.formula.setObjectName("surfaceFormula")
        form.addRow("", self.formula)
        self.eta_slider = FloatSlider(0.001, 1.5, 0.1, decimals=3, steps=600, log=True)
        self.eta_slider.setObjectName("etaSlider")
        self.eta_slider.setToolTip(
            self.tr(
                "Learning rate η: the step is Δv = −η∇C. Too small crawls; too large "
                "overshoots the minimum or diverges."
            )
        )
        self.eta_slider.value_changed.connect(self._eta_changed)
        form.addRow(self.tr("Learning rate η"), self.eta_slider)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setObjectName("descentStep")
        self.step_button.setToolTip(self.tr("Take one step Δv = −η∇C."))
        self.step_button.clicked.connect(self.step)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setObjectName("descentRun")
        self.run_button.setCheckable(True)
        self.run_button.setToolTip(
            self.tr("Keep stepping until the ball settles, runs away, or {n} steps pass.").format(
                n=MAX_RUN_STEPS
            )
        )
        self.run_button.toggled.connect(self._run_toggled)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("descentReset")
        self.reset_button.setToolTip(self.tr("Put the ball back at the start and clear the path."))
        self.reset_button.clicked.connect(lambda: self.reset())
        for b in (self.step_button, self.run_button, self.reset_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)

        self.readout = QLabel()
        self.readout.setObjectName("descentReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        layout.addWidget(self.readout)
        self.status_label = QLabel()
        self.status_label.setObjectName("descentStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setMinimumHeight(60)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status_label)
        return box

    # -- actions -------------------------------------------------------------------------------
    def set_surface(self, key: str) -> None:
        """Show surface `key` and put the ball at its start."""
        surface = SURFACES[key]
        index = self.surface_box.findData(key)
        if index != self.surface_box.currentIndex():
            self.surface_box.blockSignals(True)
            self.surface_box.setCurrentIndex(index)
            self.surface_box.blockSignals(False)
        self.descent.surface = surface
        self.formula.setText(surface.formula)
        self._draw_surface(surface)
        self.reset()

    def _draw_surface(self, surface: Surface) -> None:
        _, _, c = surface.grid(240)
        shown = np.log1p(c - c.min()).astype(np.float32)  # log keeps the floor's detail visible
        lo, hi = float(shown.min()), float(shown.max())
        self.image.setImage(np.ascontiguousarray(shown), levels=(lo, hi))
        x0, x1, y0, y1 = surface.extent
        self.image.setRect(pg.QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))
        for iso in self.contours:
            iso.setParentItem(None)
            self.map.getPlotItem().removeItem(iso)
        self.contours = []
        for level in np.linspace(lo, hi, 12)[1:-1]:
            iso = pg.IsocurveItem(
                data=shown,
                level=float(level),
                pen=pg.mkPen((255, 255, 255, 70)),
                axisOrder="row-major",
            )
            iso.setParentItem(self.image)
            self.contours.append(iso)
        self.minima.setData([m[0] for m in surface.minima], [m[1] for m in surface.minima])
        self.map.getPlotItem().vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)

    def reset(self, v: tuple[float, float] | None = None) -> None:
        """Put the ball at v (default: the surface's start) and clear the path and the plot."""
        self.stop()
        self.descent.eta = self.eta_slider.value()
        self.descent.reset(v)
        self.refresh()

    def step(self) -> None:
        """One step of gradient descent (ignored once diverged or at rest: nothing would move)."""
        if self.descent.diverged or self.at_rest():
            self.refresh()
            return
        self.descent.eta = self.eta_slider.value()
        self.descent.step()
        self.refresh()

    def run(self, steps: int = MAX_RUN_STEPS) -> None:
        """Start stepping on the timer (the Run button does this)."""
        self._run_left = steps
        if not self.run_button.isChecked():
            self.run_button.setChecked(True)
        self.timer.start()

    def stop(self) -> None:
        """Stop a run."""
        self.timer.stop()
        if self.run_button.isChecked():
            self.run_button.blockSignals(True)
            self.run_button.setChecked(False)
            self.run_button.blockSignals(False)
        self.run_button.setText(self.tr("Run"))

    def at_rest(self) -> bool:
        """True when ∇C is zero as far as the lab shows it (see AT_REST_GRAD): descent stops."""
        d = self.descent
        return not d.diverged and float(np.max(np.abs(d.gradient()))) < AT_REST_GRAD

    def at_minimum(self) -> bool:
        """True when the ball is at rest in one of the surface's minima, not on a saddle."""
        if not self.at_rest():
            return False
        d = self.descent
        x0, x1, y0, y1 = d.surface.extent
        nearest = np.array(d.surface.minima[d.nearest_minimum()])
        return float(np.hypot(*(d.v - nearest))) <= MINIMUM_RADIUS * min(x1 - x0, y1 - y0)

    def _finished(self) -> bool:
        """A run has nothing left to do: the ball ran off the map or came to rest."""
        return self.descent.diverged or self.at_rest()

    def _run_toggled(self, checked: bool) -> None:
        if checked:
            if self._finished():
                self.reset()
                self.run_button.blockSignals(True)
                self.run_button.setChecked(True)
                self.run_button.blockSignals(False)
            self.run_button.setText(self.tr("Pause"))
            self._run_left = self._run_left or MAX_RUN_STEPS
            self.timer.start()
        else:
            self._run_left = 0
            self.stop()

    def _run_tick(self) -> None:
        if self._run_left > 0 and not self._finished():
            self._run_left -= 1
            self.step()
        # Stop on the tick that finished the run, so the buttons never say Pause at a minimum.
        if self._run_left <= 0 or self._finished():
            self._run_left = 0
            self.stop()
            self.refresh()

    def _eta_changed(self, eta: float) -> None:
        self.descent.eta = eta
        self.refresh()

    def _map_clicked(self, event) -> None:
        item = self.map.getPlotItem()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if not item.sceneBoundingRect().contains(event.scenePos()):
            return
        point = item.vb.mapSceneToView(event.scenePos())
        x0, x1, y0, y1 = self.descent.surface.extent
        if x0 <= point.x() <= x1 and y0 <= point.y() <= y1:
            self.reset((point.x(), point.y()))

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw ball, path, arrows, cost plot and the sentences."""
        d = self.descent
        path = np.array(d.path)
        finite = np.all(np.isfinite(path), axis=1) & (np.abs(path).max(axis=1) < 1e3)
        shown_path = path[finite]
        self.path_curve.setData(shown_path[:, 0], shown_path[:, 1])
        costs = np.array(d.costs)
        ok = np.isfinite(costs)
        self.cost_curve.setData(np.arange(len(costs))[ok], costs[ok])
        self.cost_plot.setXRange(0, max(10, len(costs) - 1), padding=0.02)
        if d.diverged:
            self.ball.setData([], [])
        else:
            self.ball.setData([d.v[0]], [d.v[1]])
        if d.diverged or self.at_rest():
            self.grad_arrow.hide()
            self.step_arrow.hide()
        else:
            self._draw_arrows()
        self._show_readout()
        self._show_status()

    def _draw_arrows(self) -> None:
        d = self.descent
        grad = d.gradient()
        norm = float(np.hypot(*grad))
        x0, x1, y0, y1 = d.surface.extent
        span = min(x1 - x0, y1 - y0)
        if norm > 0:
            length = span * GRAD_ARROW_FRACTION * min(1.0, 0.5 + norm / 4.0)
            self.grad_arrow.set(d.v, d.v + grad / norm * length)
        else:
            self.grad_arrow.hide()
        self.step_arrow.set(d.v, d.v - d.eta * grad)

    def _show_readout(self) -> None:
        d = self.descent
        if d.diverged:
            self.readout.setText(
                self.tr("Step {n}: v = ({v1}, {v2}) has run far off the map.").format(
                    n=d.steps, v1=fmt(d.v[0], 1), v2=fmt(d.v[1], 1)
                )
            )
            return
        grad = d.gradient()
        delta_v = -d.eta * grad
        if self.at_rest():
            grad_note = self.tr(" &nbsp;(zero: no direction, so no arrow)")
        else:
            grad_note = self.tr(" &nbsp;(arrow shows its direction)")
        g1, g2 = fmt(grad[0], GRAD_DECIMALS), fmt(grad[1], GRAD_DECIMALS)
        self.readout.setText(
            self.tr("Step {n}").format(n=d.steps)
            + f"<br>v = ({fmt(d.v[0])}, {fmt(d.v[1])}) &nbsp; C = <b>{fmt(d.cost(), 4)}</b><br>"
            + f"<span style='color:{GRAD_COLOR}'>∇C = ({g1}, {g2})</span>"
            + grad_note
            + "<br>"
            + f"<span style='color:{STEP_COLOR}'>Δv = −η∇C = "
            + f"({fmt(delta_v[0])}, {fmt(delta_v[1])})</span>"
            + self.tr(" &nbsp;(arrow to scale)")
        )

    def status_text(self) -> str:
        """The sentence under the map for the current status (plain text)."""
        d = self.descent
        if self.at_minimum():
            text = self.tr(
                "At a minimum after {n} steps: ∇C is zero (to the precision shown), so the step "
                "Δv = −η∇C is zero too and gradient descent stops here."
            ).format(n=d.steps)
            if not d.in_deepest_minimum():
                text += " " + self.tr(
                    "But this is the shallower minimum: gradient descent only feels the slope "
                    "where the ball stands, so it cannot know a deeper valley lies beyond the "
                    "ridge."
                )
            return text
        if self.at_rest():
            return self.tr(
                "Stopped after {n} steps on a flat point that is not a minimum (a saddle: C "
                "rises one way and falls another). ∇C is zero (to the precision shown), so "
                "gradient descent cannot tell which way is down. Click just beside the ball to "
                "nudge it off."
            ).format(n=d.steps)
        status = d.status()
        eta = fmt(d.eta, 3)
        texts = {
            Status.READY: self.tr("Ready. Press Step or Run, or click the map to move the ball."),
            Status.DESCENDING: self.tr("Descending: C falls with each step."),
            Status.CRAWLING: self.tr(
                "Crawling: η = {eta} is so small that each step barely moves the ball, "
                "though the slope is clear. Raise η."
            ).format(eta=eta),
            Status.OVERSHOOTING: self.tr(
                "Overshooting: the last step went past the valley floor and C rose. "
                "η = {eta} is too large for this curvature."
            ).format(eta=eta),
            Status.ZIGZAG: self.tr(
                "Zig-zagging: η = {eta} is more than half the largest rate that settles in "
                "this minimum ({limit}), so each step lands past the valley floor. C still "
                "falls; above {limit} the jumps would grow instead."
            ).format(eta=eta, limit=limit(d.eta_limit())),
            Status.BOUNCING: self.tr(
                "Bouncing: the ball jumps from side to side and C no longer falls. η = {eta} "
                "is too large for the curvature here: below {limit} the jumps shrink and the "
                "ball settles."
            ).format(eta=eta, limit=limit(d.eta_limit())),
            Status.DIVERGED: self.tr(
                "Diverged after {n} steps: η = {eta} is too large. Every step overshoots "
                "further than the last, so C explodes. Lower η below {limit} and reset."
            ).format(n=d.steps, eta=eta, limit=limit(d.surface.eta_max)),
        }
        # The model's CONVERGED (|∇C| < 1e-4) implies at rest, which was answered above.
        return texts[status]

    def _show_status(self) -> None:
        status = self.descent.status()
        color = {
            Status.DIVERGED: "#c00000",
            Status.OVERSHOOTING: "#b36b00",
            Status.ZIGZAG: "#b36b00",
            Status.BOUNCING: "#b36b00",
            Status.CRAWLING: "#b36b00",
        }.get(status, FOREGROUND)
        if self.at_rest():
            color = "#007a00" if self.at_minimum() else "#b36b00"
        self.status_label.setText(f"<span style='color:{color}'>{self.status_text()}</span>")

    def hideEvent(self, event) -> None:
        """Stop running when the tab is hidden."""
        self.stop()
        super().hideEvent(event)
