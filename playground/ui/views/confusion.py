"""After each epoch: the confusion matrix on the validation set and a gallery of its mistakes."""

from __future__ import annotations

import math
import os

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QIcon, QImage, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QListView,
    QListWidget,
    QListWidgetItem,
    QToolTip,
    QWidget,
)

from playground.ui.training.controller import Mistake
from playground.ui.views.mosaic import (
    BACKGROUND,
    COUNTS,
    FOREGROUND,
    FitText,
    GridPlot,
    save_widget_png,
)

COUNTS_LUT = COUNTS.getLookupTable(nPts=256)
#: How bright the worst confusion is drawn (the diagonal's perfect class is 1).
WORST_CONFUSION_SHADE = 0.8


class ConfusionView(pg.GraphicsLayoutWidget):
    """Rows are the true classes, columns the network's guesses; each cell counts images.

    The diagonal is coloured by the share of each class read correctly. Off it, the cells are
    coloured against the worst confusion (brightest), since a 2% share of the row looked the
    same as none: a bright cell off the diagonal names a confusion (a 4 read as a 9). A click
    on a cell emits `cell_clicked(true class, guess)`, so the gallery can show its images.
    """

    #: (true class, guess) of the cell the user clicked.
    cell_clicked = Signal(int, int)

    #: The outline of the chosen cell: bright against both ends of the colour scale.
    SELECTED = QColor(255, 140, 0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionView")
        self.setBackground(BACKGROUND)
        self.setMinimumSize(120, 140)
        self.grid = GridPlot(self.ci, 0, 0)
        self.grid.plot.getAxis("left").setLabel(self.tr("true class"), color=FOREGROUND.name())
        self.grid.plot.getAxis("bottom").setLabel(self.tr("guess"), color=FOREGROUND.name())
        self.grid.set_title(self.tr("Confusion matrix: after the first epoch"))
        self.grid.set_ticks([], [])  # no axes until there is a matrix
        self.class_names: list[str] = []
        self.matrix: np.ndarray | None = None
        self._texts: list[FitText] = []
        #: The outlined cell (true class, guess), or None.
        self.selected: tuple[int, int] | None = None
        self._outline = QGraphicsRectItem(0, 0, 1, 1)
        pen = QPen(self.SELECTED, 3)
        pen.setCosmetic(True)  # pixels, however large the cells
        self._outline.setPen(pen)
        self._outline.setZValue(20)  # over the image and the counts
        self._outline.hide()
        self.grid.plot.addItem(self._outline, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def set_class_names(self, names: list[str]) -> None:
        """Name the rows and columns (defaults to the class numbers)."""
        self.class_names = list(names)

    def reset(self) -> None:
        """Show nothing (another network or dataset)."""
        self.matrix = None
        self.grid.image.clear()
        self.grid.data = None
        for item in self._texts:
            self.grid.plot.removeItem(item)
        self._texts = []
        self.grid.set_ticks([], [])
        self.grid.set_title(self.tr("Confusion matrix: after the first epoch"))
        self.select_cell(None)

    def select_cell(self, cell: tuple[int, int] | None) -> None:
        """Outline cell (true class, guess) of the matrix, or none."""
        k = 0 if self.matrix is None else self.matrix.shape[0]
        if cell is not None and not (0 <= cell[0] < k and 0 <= cell[1] < k):
            cell = None
        self.selected = cell
        if cell is None:
            self._outline.hide()
            return
        i, j = cell
        self._outline.setRect(j, i, 1, 1)
        self._outline.show()

    def show_matrix(self, matrix: np.ndarray, title: str) -> None:
        """Draw a (classes, classes) count matrix with counts written in the cells."""
        matrix = np.asarray(matrix)
        self.matrix = matrix.copy()
        k = matrix.shape[0]
        totals = matrix.sum(axis=1, keepdims=True).astype(np.float64)
        share = np.divide(matrix, totals, out=np.zeros(matrix.shape), where=totals > 0)
        shade = share.copy()
        off = ~np.eye(k, dtype=bool)
        worst = float(share[off].max()) if k > 1 else 0.0
        if worst > 0:
            shade[off] = WORST_CONFUSION_SHADE * share[off] / worst
        self.grid.set_image(shade.astype(np.float32), (0.0, 1.0), COUNTS_LUT)
        names = self.class_names if len(self.class_names) == k else [str(i) for i in range(k)]
        ticks = [(i + 0.5, names[i]) for i in range(k)]
        self.grid.set_ticks(ticks, ticks)
        if len(self._texts) != k * k:
            for item in self._texts:
                self.grid.plot.removeItem(item)
            self._texts = []
            for _ in range(k * k):
                item = FitText()
                self.grid.plot.addItem(item)
                self._texts.append(item)
        small = k > 12
        for i in range(k):
            for j in range(k):
                count = int(matrix[i, j])
                # Sized in cell units: MNIST's four-digit diagonal (1026) fits its cell.
                self._texts[i * k + j].place(
                    "" if small or count == 0 else str(count),
                    j + 0.5,
                    i + 0.5,
                    0.84,
                    0.42,
                    QColor(20, 20, 20) if shade[i, j] > 0.55 else FOREGROUND,
                )
        self.grid.set_title(title)
        self.select_cell(self.selected)  # a new matrix of another size may not have it

    def cell_at(self, pos) -> tuple[int, int] | None:
        """The cell (true class, guess) under scene point `pos`, or None."""
        m = self.matrix
        if m is None or not self.grid.plot.sceneBoundingRect().contains(pos):
            return None
        p = self.grid.plot.getViewBox().mapSceneToView(pos)
        i, j = math.floor(p.y()), math.floor(p.x())
        k = m.shape[0]
        return (i, j) if 0 <= i < k and 0 <= j < k else None

    def _on_mouse_moved(self, pos) -> None:
        cell = self.cell_at(pos)
        if cell is None:
            self.unsetCursor()
            QToolTip.hideText()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        text = self.describe_cell(*cell) + "\n" + self.tr("Click to see these images.")
        QToolTip.showText(QCursor.pos(), text, self)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return  # the right button opens the plot's menu
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            event.accept()
            self.cell_clicked.emit(*cell)

    def describe_cell(self, i: int, j: int) -> str:
        """What cell (true class i, guess j) of the matrix counts, for its hover tooltip."""
        m = self.matrix
        k = m.shape[0]
        names = self.class_names if len(self.class_names) == k else [str(c) for c in range(k)]
        total = int(m[i].sum())
        share = 100.0 * m[i, j] / total if total else 0.0
        if m[i, j] == 1:
            text = (
                self.tr("1 image of {1} read correctly ({2:.1f}% of the {1}s)")
                if i == j
                else self.tr("1 image of {1} read as {3} ({2:.1f}% of the {1}s)")
            )
        else:
            text = (
                self.tr("{0} images of {1} read correctly ({2:.1f}% of the {1}s)")
                if i == j
                else self.tr("{0} images of {1} read as {3} ({2:.1f}% of the {1}s)")
            )
        return text.format(int(m[i, j]), names[i], share, names[j])

    def export_png(self, path: str | os.PathLike[str]) -> bool:
        """Save the view as PNG."""
        return save_widget_png(self, path)


class MistakesGallery(QListWidget):
    """Misclassified validation images with the network's guess; a click makes one the probe.

    It also shows the images of one confusion-matrix cell, which may be read correctly.
    """

    #: (image (C, H, W), true label, guess) of the image the user clicked.
    mistake_selected = Signal(object, int, int)

    ICON = 56

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mistakesGallery")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(self.ICON, self.ICON))
        self.setGridSize(QSize(self.ICON + 22, self.ICON + 30))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setMinimumSize(120, 100)
        self.setToolTip(
            self.tr(
                "Validation images the network got wrong, or those of the confusion-matrix "
                "cell you clicked: its guess, then the true label. Click one to make it the "
                "probe."
            )
        )
        self.mistakes: list[Mistake] = []
        self.class_names: list[str] = []
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)

    def set_class_names(self, names: list[str]) -> None:
        """Name the classes in the captions."""
        self.class_names = list(names)

    def name_of(self, label: int) -> str:
        """Class `label`'s name, or its number."""
        return self.class_names[label] if 0 <= label < len(self.class_names) else str(label)

    def show_mistakes(self, mistakes: list[Mistake]) -> None:
        """Replace the gallery with these mistakes."""
        self.setUpdatesEnabled(False)
        self.clear()
        self.mistakes = list(mistakes)
        for i, m in enumerate(self.mistakes):
            guess, label = self.name_of(m.guess), self.name_of(m.label)
            if m.guess == m.label:  # a diagonal cell's images
                caption = guess
                tip = self.tr(
                    "Validation image #{0}: the network read {1}, as its label says. "
                    "Click to make it the probe."
                ).format(m.index, guess)
            else:
                caption = self.tr("{0} (is {1})").format(guess, label)
                tip = self.tr(
                    "Validation image #{0}: the network read {1}, the label says {2}. "
                    "Click to make it the probe."
                ).format(m.index, guess, label)
            item = QListWidgetItem(QIcon(image_pixmap(m.image, self.ICON)), caption)
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        self.setUpdatesEnabled(True)

    def select_mistake(self, row: int) -> None:
        """Make mistake `row` the probe, as a click does."""
        self._on_clicked(self.item(row))

    def _on_clicked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        m = self.mistakes[int(item.data(Qt.ItemDataRole.UserRole))]
        self.mistake_selected.emit(m.image.copy(), m.label, m.guess)

    def export_png(self, path: str | os.PathLike[str]) -> bool:
        """Save the gallery as PNG."""
        return save_widget_png(self, path)


def image_pixmap(image: np.ndarray, size: int) -> QPixmap:
    """A grey-level image in [0, 1] ((C, H, W) or (H, W); the first channel) as a square pixmap."""
    a = np.asarray(image, dtype=np.float32)
    while a.ndim > 2:
        a = a[0]
    a8 = np.ascontiguousarray(np.clip(a * 255.0, 0, 255).astype(np.uint8))
    h, w = a8.shape
    qimage = QImage(a8.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage).scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
    )
