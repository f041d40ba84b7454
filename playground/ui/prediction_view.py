"""The live prediction: ten probability bars and the network's best guess in large type.

`predict_probabilities` is the one place that turns an image and a network into what is shown:
it shapes the image as the network's input, runs `forward`, and normalises the outputs to sum to
one when the output layer is not a softmax (sigmoid outputs are not probabilities by themselves).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from playground.ui.axes import LabelledAxis
from playground.ui.engine_threads import run_engine_serially_on_this_thread

_BAR_COLOR = (70, 130, 180)
_TOP_COLOR = (230, 120, 30)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PredictionView", text)


class PredictionError(ValueError):
    """The network cannot read this image (wrong input shape, or its output is not finite)."""


def input_shape_of(net: Any) -> tuple[int, ...]:
    """The network's input shape (C, H, W) as its spec declares it."""
    return tuple(int(d) for d in net.spec["input"])


def predict_probabilities(net: Any, image: np.ndarray) -> np.ndarray:
    """Class probabilities (float64, sums to 1) for one image of shape (H, W) or (C, H, W)."""
    shape = input_shape_of(net)
    x = np.asarray(image, dtype=np.float32)
    if x.ndim == 2:
        x = x[None]
    if x.shape != shape and x.size == math.prod(shape):
        x = x.reshape(shape)  # a flat input, as the book's MLPs read MNIST: 784 values
    if x.shape != shape:
        image = "x".join(map(str, x.shape))
        if len(shape) == 1:
            message = _tr("this network reads {0} values; the image has {1} ({2})")
            raise PredictionError(message.format(shape[0], x.size, image))
        raise PredictionError(
            _tr("this network reads {0} images; the image is {1}").format(
                "x".join(map(str, shape)), image
            )
        )
    run_engine_serially_on_this_thread()  # one image: waking workers costs more than it saves
    out = np.asarray(net.forward(np.ascontiguousarray(x[None])), dtype=np.float64).reshape(-1)
    if not np.isfinite(out).all():
        raise PredictionError(
            _tr("the network's outputs are not finite numbers (did training diverge?)")
        )
    out = np.clip(out, 0.0, None)
    total = out.sum()
    if total <= 0.0:
        return np.zeros_like(out)
    return out / total


def outputs_are_probabilities(net: Any) -> bool:
    """True when the network ends in a softmax, whose outputs are probabilities as they are;
    other outputs are only scaled to sum to 1 for the bars."""
    return getattr(net, "output_activation", "softmax") == "softmax"


def _share(p: float) -> str:
    """A share as the screen reader hears it: "over 99%" rather than a rounded "100%"."""
    return "> 99%" if p > 0.99 else f"{p:.0%}"


class PredictionView(QWidget):
    """Bars for the class probabilities and the top guess, or a message and no guess at all."""

    prediction_changed = Signal()

    def __init__(self, parent: QWidget | None = None, n_classes: int = 10) -> None:
        super().__init__(parent)
        self.setObjectName("predictionView")
        self._probabilities = np.zeros(n_classes, dtype=np.float64)
        self._label: int | None = None
        self._class_names = [str(i) for i in range(n_classes)]
        self._softmax: bool | None = None  # what the bars show: probabilities or shares

        self._guess = QLabel("?")
        self._guess.setObjectName("predictionGuess")
        font = QFont(self.font())
        font.setPointSize(44)
        font.setBold(True)
        self._guess.setFont(font)
        self._guess.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._guess.setMinimumWidth(90)
        # A dot or a line gets "0, 96% sure": say why, where the student reads the guess.
        self._guess.setToolTip(
            self.tr(
                "The network's best guess. It always picks one of its classes: a dot, a line "
                "or a letter still gets a digit, often with a high score."
            )
        )

        self._detail = QLabel()
        self._detail.setObjectName("predictionDetail")
        self._detail.setWordWrap(True)
        self._detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._detail.setMinimumWidth(90)
        self._detail.setMaximumWidth(140)

        left = QVBoxLayout()
        left.addStretch(1)
        left.addWidget(self._guess)
        left.addWidget(self._detail)
        left.addStretch(1)

        self._plot = pg.PlotWidget(background=None, axisItems={"left": LabelledAxis("left")})
        self._plot.setObjectName("predictionPlot")
        self._plot.setAccessibleName(self.tr("Probability of each class"))
        self._plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no keys of its own: not a Tab stop
        self._plot.setMinimumSize(220, 110)
        self._plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        item = self._plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.setYRange(0.0, 1.0, padding=0.02)
        item.showGrid(y=True, alpha=0.25)
        text_color = self.palette().windowText().color()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text_color))
            axis.setTextPen(pg.mkPen(text_color))
        self._bars = pg.BarGraphItem(
            x=np.arange(n_classes), height=self._probabilities, width=0.7, brush=_BAR_COLOR
        )
        item.addItem(self._bars)
        self._set_ticks()
        self._name_outputs(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addWidget(self._plot, 1)
        self.show_message(self.tr("Draw a digit"))

    def hasHeightForWidth(self) -> bool:
        # The word-wrapped detail line would make the draw panel's grid trade the pad's
        # fixed height for width; the view's height does not depend on its width.
        return False

    # --- what is shown ------------------------------------------------------------------------
    def probabilities(self) -> np.ndarray:
        """The probabilities the bars show (a copy); all zeros when no guess is shown."""
        return self._probabilities.copy()

    def predicted_label(self) -> int | None:
        """The class shown as the top guess, or None when there is no guess (blank pad)."""
        return self._label

    def guess_text(self) -> str:
        """The text of the large guess label."""
        return self._guess.text()

    def detail_text(self) -> str:
        """The line under the guess: the confidence, or why there is no guess."""
        return self._detail.text()

    def set_class_names(self, names: list[str]) -> None:
        """Label the bars (e.g. a dataset's class names); the count must match the network's."""
        self._class_names = [str(n) for n in names]
        self._set_ticks()

    def show_probabilities(
        self, probabilities: np.ndarray, true_label: int | None = None, softmax: bool = True
    ) -> None:
        """Show new probabilities and their argmax as the guess; `true_label` adds the answer.
        `softmax` False: the outputs of another output layer, scaled to sum to 1, which are no
        probabilities and are not called so."""
        self._name_outputs(softmax)
        p = np.asarray(probabilities, dtype=np.float64).reshape(-1)
        if p.size != self._probabilities.size:
            self._resize(p.size)
        if p.sum() <= 0.0:
            self.show_message(self.tr("The network gives no answer (all outputs are zero)"))
            return
        self._probabilities = p.copy()
        self._label = int(np.argmax(p))
        brushes = [
            pg.mkBrush(_TOP_COLOR if i == self._label else _BAR_COLOR) for i in range(p.size)
        ]
        self._bars.setOpts(height=self._probabilities, brushes=brushes)
        self._guess.setText(self._name(self._label))
        self._guess.setEnabled(True)
        top = float(p[self._label])
        if top > 0.99:  # "100% sure" (rounded, or a float32 softmax saturated) it never is
            detail = self.tr("over 99% sure") if softmax else self.tr("over 99% of the outputs")
        elif softmax:
            detail = self.tr("{0:.0%} sure").format(top)
        else:
            detail = self.tr("{0:.0%} of the outputs").format(top)
        if true_label is not None:
            detail += "\n" + self.tr("label: {0}").format(self._name(true_label))
        self._detail.setText(detail)
        # The bars for a screen reader: every class with its share, largest first.
        order = np.argsort(-p)
        self._plot.setAccessibleDescription(
            ", ".join(f"{self._name(int(i))}: {_share(p[i])}" for i in order)
        )
        self.prediction_changed.emit()

    def show_message(self, text: str) -> None:
        """Show no guess, only a message (blank pad, engine warming up, no model, ...)."""
        self._probabilities = np.zeros_like(self._probabilities)
        self._label = None
        self._bars.setOpts(height=self._probabilities, brushes=None, brush=_BAR_COLOR)
        self._guess.setText("?")
        self._guess.setEnabled(False)  # greyed: there is no guess
        self._detail.setText(text)
        self._plot.setAccessibleDescription(text)  # not the last drawing's probabilities
        self.prediction_changed.emit()

    # --- helpers ------------------------------------------------------------------------------
    def _name_outputs(self, softmax: bool) -> None:
        """Call the bars probabilities (a softmax output) or shares of the outputs."""
        if softmax == self._softmax:
            return
        self._softmax = softmax
        item = self._plot.getPlotItem()
        if softmax:
            item.setLabel("left", self.tr("probability"))
            self._plot.setToolTip(
                self.tr(
                    "The softmax output layer's probability for each class. They always sum "
                    "to 100%, even for a drawing that is no digit at all."
                )
            )
        else:
            item.setLabel("left", self.tr("share of outputs"))
            self._plot.setToolTip(
                self.tr(
                    "This network's output layer is not a softmax, so its outputs are not "
                    "probabilities: the bars show each output as a share of their sum."
                )
            )

    def _name(self, label: int) -> str:
        if 0 <= label < len(self._class_names):
            return self._class_names[label]
        return str(label)

    def _resize(self, n_classes: int) -> None:
        self._probabilities = np.zeros(n_classes, dtype=np.float64)
        if len(self._class_names) != n_classes:
            self._class_names = [str(i) for i in range(n_classes)]
        self._bars.setOpts(x=np.arange(n_classes), height=self._probabilities)
        self._set_ticks()

    def _set_ticks(self) -> None:
        n = self._probabilities.size
        axis = self._plot.getPlotItem().getAxis("bottom")
        axis.setTicks([[(i, self._name(i)) for i in range(n)]])
        self._plot.getPlotItem().setXRange(-0.6, n - 0.4, padding=0)
