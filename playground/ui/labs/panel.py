"""LabsPanel: the four labs as tabs, for a dock of the main window."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.ui.labs.backprop_lab import BackpropLabWidget
from playground.ui.labs.cost_lab import CostLab
from playground.ui.labs.descent_lab import DescentLab
from playground.ui.labs.neuron_lab import NeuronLab

#: The smallest size a lab is laid out at; a smaller dock shows scroll bars.
LAB_MIN_WIDTH = 900
LAB_MIN_HEIGHT = 560


class _LabScrollArea(QScrollArea):
    """Gives its lab all the room there is, but never less than the lab's minimum size.

    (QScrollArea's own widgetResizable sizes a layout with word-wrapped labels by its height
    for width, which leaves a lab taller than the area even when it would fit.)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def resizeEvent(self, event) -> None:
        """Fit the lab to the new size."""
        super().resizeEvent(event)
        self.fit_widget()

    def fit_widget(self) -> None:
        """Resize the lab to the viewport, or to its minimum size where the viewport is smaller."""
        lab = self.widget()
        if lab is None:
            return
        avail = self.maximumViewportSize()
        width, height = avail.width(), avail.height()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        if lab.minimumHeight() > height:
            width -= bar  # a vertical scroll bar will take this much width
        if lab.minimumWidth() > width:
            height -= bar
            if lab.minimumHeight() > height and lab.minimumHeight() <= avail.height():
                width -= bar
        lab.resize(max(width, lab.minimumWidth()), max(height, lab.minimumHeight()))


class LabsPanel(QWidget):
    """The four labs of chapters 1-3 in a QTabWidget, in the order the book meets them.

    A lab is built the first time its tab is shown (or when asked for through `lab(i)` or the
    properties), because the labs run the engine, whose kernels compile on a machine's very
    first run: a hidden dock must not hold up the window.
    """

    def __init__(self, parent: QWidget | None = None, *, engine_ready: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("labsPanel")
        # The window passes False while the kernels compile in the background: a lab built
        # then would compile them again on the UI thread and freeze the window.
        self.engine_ready = engine_ready
        self.tabs = QTabWidget()
        self.tabs.setObjectName("labsTabs")
        self._factories: list[Callable[[], QWidget]] = [
            NeuronLab,
            DescentLab,
            BackpropLabWidget,
            CostLab,
        ]
        self._labs: list[QWidget | None] = [None] * len(self._factories)
        self._pages: list[QWidget] = []
        # Named by the book's chapter, as Help ▸ Follow the book names them: numbered 1-4, the
        # backpropagation lab read "3" where the book's chapter is 2.
        pages = (
            (
                self.tr("Ch. 1 · Neuron"),
                self.tr("Perceptron versus sigmoid neuron, NAND, half adder"),
            ),
            (self.tr("Ch. 1 · Gradient descent"), self.tr("A ball rolling down a cost surface")),
            (self.tr("Ch. 2 · Backpropagation"), self.tr("The four equations, number by number")),
            (self.tr("Ch. 3 · Cost comparison"), self.tr("Quadratic versus cross-entropy cost")),
        )
        for title, tip in pages:
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            waiting = QLabel(self.tr("Preparing the lab…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(waiting)
            index = self.tabs.addTab(page, title)
            self.tabs.setTabToolTip(index, tip)
            self._pages.append(page)
        self.tabs.currentChanged.connect(self._build_current_soon)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def lab(self, index: int) -> QWidget:
        """The lab on tab `index`, built now if it was not yet."""
        lab = self._labs[index]
        if lab is None:
            lab = self._factories[index]()
            layout = self._pages[index].layout()
            while layout.count():
                old = layout.takeAt(0).widget()
                if old is not None:
                    old.hide()
                    old.setParent(None)
                    old.deleteLater()
            # Below this size the labs' plots and numbers get too cramped to read: a small dock
            # scrolls instead (or can be floated and enlarged).
            lab.setMinimumSize(LAB_MIN_WIDTH, LAB_MIN_HEIGHT)
            scroll = _LabScrollArea()
            scroll.setWidget(lab)
            layout.addWidget(scroll)
            scroll.fit_widget()
            self._labs[index] = lab
        return lab

    def build_all(self) -> None:
        """Build every lab now (e.g. for screenshots or tests)."""
        for index in range(len(self._labs)):
            self.lab(index)

    @property
    def neuron_lab(self) -> NeuronLab:
        """Lab 1: perceptron versus sigmoid neuron, the NAND gate and the half adder."""
        return cast(NeuronLab, self.lab(0))

    @property
    def descent_lab(self) -> DescentLab:
        """Lab 2: gradient descent on a cost surface."""
        return cast(DescentLab, self.lab(1))

    @property
    def backprop_lab(self) -> BackpropLabWidget:
        """Lab 3: backpropagation, step by step, on the engine."""
        return cast(BackpropLabWidget, self.lab(2))

    @property
    def cost_lab(self) -> CostLab:
        """Lab 4: quadratic versus cross-entropy cost on a saturated neuron."""
        return cast(CostLab, self.lab(3))

    def _build_current_soon(self) -> None:
        # After this event: the tab (with its "Preparing" note) paints before the engine runs.
        QTimer.singleShot(0, self._build_current)

    def set_engine_ready(self, ready: bool) -> None:
        """Labs run the engine: build them only once its kernels are compiled."""
        self.engine_ready = ready
        if ready:
            self._build_current_soon()

    def _build_current(self) -> None:
        if self.engine_ready and self.isVisible() and self.tabs.currentIndex() >= 0:
            self.lab(self.tabs.currentIndex())

    def showEvent(self, event) -> None:
        """Build the visible lab when the panel first appears."""
        super().showEvent(event)
        self._build_current_soon()
