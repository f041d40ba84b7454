"""The dataset browser: pages of thumbnails with their labels; a click sends an image to the
prediction, so the user can compare the network's reading of real data and of a drawing.

A stock QListView in icon mode over a small list model: thumbnails are QPixmaps made once per
page, so nothing here paints by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.ui.draw_panel import image_to_pixmap

#: Images per page and the size of one thumbnail in screen pixels.
PAGE_SIZE = 120
THUMB_SIZE = 56

_ModelIndex = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    """One page of a split: thumbnail (decoration), label (display), details (tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._x: np.ndarray = np.zeros((0, 1, 28, 28), dtype=np.float32)
        self._y: np.ndarray = np.zeros(0, dtype=np.int64)
        self._start = 0
        self._names: list[str] = []
        self._split_title = ""
        self._pixmaps: dict[int, Any] = {}

    def set_page(
        self, x: np.ndarray, y: np.ndarray, start: int, names: list[str], split_title: str
    ) -> None:
        """Show images x[i], labels y[i] numbered from `start` (indices in the whole split)."""
        self.beginResetModel()
        self._x, self._y, self._start = x, y, start
        self._names, self._split_title = names, split_title
        self._pixmaps = {}
        self.endResetModel()

    def image(self, row: int) -> np.ndarray:
        """The image on `row` of this page, (C, H, W) float32."""
        return np.asarray(self._x[row], dtype=np.float32)

    def label(self, row: int) -> int:
        """The label on `row` of this page."""
        return int(self._y[row])

    def split_index(self, row: int) -> int:
        """The index in the whole split of the image on `row`."""
        return self._start + row

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(self._y)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._y):
            return None
        row = index.row()
        label = self.label(row)
        name = self._names[label] if 0 <= label < len(self._names) else str(label)
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.DecorationRole:
            if row not in self._pixmaps:
                self._pixmaps[row] = image_to_pixmap(self._x[row], THUMB_SIZE)
            return self._pixmaps[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0} image #{1}, label {2}").format(
                self._split_title, self.split_index(row), name
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignHCenter
        return None


class ThumbnailView(QListView):
    """A QListView that knows when the user is acting on it, and numbers those gestures.

    The browser shows the current image when the user moves the highlight (keys, mouse), not
    when Qt moves it on its own (focus-in makes the first item current); and a click, which
    both moves the highlight and clicks, shows its image once.
    """

    #: PageDown, or Right on the page's last image: +1; PageUp, or Left on its first: -1.
    page_turn_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Counts the user's key and mouse presses: one gesture shows an image at most once.
        self.gesture = 0
        #: True while a key or mouse event of the user's is being handled.
        self.in_gesture = False

    def _handle(self, handler: Callable[[Any], None], event: Any, new_gesture: bool) -> None:
        """Run Qt's own handler for a user's event, flagged as a gesture (a new one if asked)."""
        if new_gesture:
            self.gesture += 1
        self.in_gesture = True
        try:
            handler(event)
        finally:
            self.in_gesture = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The keys stopped at a page's edge: Right on the last image and PageDown did nothing.
        key, row = event.key(), self.currentIndex().row()
        last = self.model().rowCount() - 1 if self.model() is not None else -1
        if key == Qt.Key.Key_PageDown or (key == Qt.Key.Key_Right and row == last >= 0):
            self.gesture += 1
            self.page_turn_requested.emit(1)
            return
        if key == Qt.Key.Key_PageUp or (key == Qt.Key.Key_Left and row == 0):
            self.gesture += 1
            self.page_turn_requested.emit(-1)
            return
        self._handle(super().keyPressEvent, event, True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._handle(super().mousePressEvent, event, True)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._handle(super().mouseMoveEvent, event, False)


class DatasetBrowser(QWidget):
    """Pages through a dataset split; `image_selected(image, label)` fires when the user picks
    an image: a click, Enter, or moving the highlight with the arrow keys."""

    image_selected = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datasetBrowser")
        self._dataset: Any = None
        self._split = "test"
        self._page = 0
        #: Which image was picked last, in words ("test image #123"): the draw panel and the
        #: probe said only "dataset image".
        self.last_caption = ""

        self.title = QLabel(self.tr("Loading the built-in MNIST…"))
        self.title.setObjectName("datasetTitle")
        self.title.setWordWrap(True)
        self.split_box = QComboBox()
        self.split_box.setObjectName("datasetSplit")
        for key, text in (
            ("test", self.tr("Test")),
            ("val", self.tr("Validation")),
            ("train", self.tr("Training")),
        ):
            self.split_box.addItem(text, key)
        self.split_box.setToolTip(self.tr("Which part of the dataset to browse"))
        self.split_box.currentIndexChanged.connect(self._on_split_chosen)

        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous page"))
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next page"))
        self.next_button.clicked.connect(self.next_page)
        # Read aloud as "Previous page", not as the arrow glyph.
        self.prev_button.setAccessibleName(self.tr("Previous page"))
        self.next_button.setAccessibleName(self.tr("Next page"))
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(32)
        self.page_box = QSpinBox()
        self.page_box.setObjectName("datasetPage")
        self.page_box.setKeyboardTracking(False)
        self.page_box.setToolTip(self.tr("Page"))
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_box.valueChanged.connect(self._on_page_typed)
        self.page_total = QLabel()

        self.model = ThumbnailModel(self)
        self.view = ThumbnailView()
        self.view.setObjectName("datasetView")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(True)
        self.view.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.view.setGridSize(QSize(THUMB_SIZE + 12, THUMB_SIZE + 24))
        self.view.setSpacing(2)
        self.view.setWordWrap(False)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        # One row of thumbnails at the least (Qt's default 70 px put the Chinese layout, whose
        # font is taller, 4 px over what a 1366x768 laptop leaves).
        self.view.setMinimumHeight(56)
        self.view.setToolTip(self.tr("Click an image to let the network read it"))
        self.view.setAccessibleName(self.tr("Dataset images"))
        # Arrow keys move the highlight: that shows the image as a click does. A click on
        # another image moves it too, then clicks: (gesture, row) shown keeps that to one feed.
        self._shown: tuple[int, int] | None = None
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.view.clicked.connect(self._on_activated)
        self.view.activated.connect(self._on_activated)
        self.view.page_turn_requested.connect(self._turn_page)

        bar = QHBoxLayout()
        bar.addWidget(self.split_box)
        bar.addStretch(1)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._update_controls()

    # --- public API ---------------------------------------------------------------------------
    @property
    def dataset(self) -> Any:
        """The dataset shown, or None."""
        return self._dataset

    def split(self) -> str:
        """The split shown: "test", "val" or "train"."""
        return self._split

    def page(self) -> int:
        """The 0-based page shown."""
        return self._page

    def page_count(self) -> int:
        """How many pages the current split has (at least 1)."""
        if self._dataset is None:
            return 1
        n = len(self._dataset.split(self._split)[1])
        return max(1, -(-n // PAGE_SIZE))

    def set_dataset(self, dataset: Any) -> None:
        """Browse `dataset` (a playground.data.Dataset), from its test split's first page."""
        self._dataset = dataset
        self._page = 0
        self.title.setText(
            self.tr("{0}: {1} training, {2} validation, {3} test images of {4}").format(
                dataset.name,
                f"{dataset.n_train:,}",
                f"{dataset.n_val:,}",
                f"{dataset.n_test:,}",
                "×".join(str(d) for d in dataset.image_shape[1:])
                + ("" if dataset.image_shape[0] == 1 else f"×{dataset.image_shape[0]}"),
            )
        )
        self.title.setToolTip(", ".join(dataset.class_names))
        self._split = "test"
        self.split_box.blockSignals(True)
        self.split_box.setCurrentIndex(self.split_box.findData("test"))
        self.split_box.blockSignals(False)
        self._fill()

    def show_message(self, text: str) -> None:
        """Show a line of text in place of the title (loading, or why loading failed)."""
        self.title.setText(text)

    def set_split(self, split: str) -> None:
        """Browse another split ("test", "val" or "train") from its first page."""
        index = self.split_box.findData(split)
        if index < 0:
            raise ValueError(f"unknown split {split!r}; use test, val or train")
        self._split = split
        self._page = 0
        self.split_box.blockSignals(True)
        self.split_box.setCurrentIndex(index)
        self.split_box.blockSignals(False)
        self._fill()

    def set_page(self, page: int) -> None:
        """Show page `page` (0-based, clamped to the pages there are)."""
        page = min(max(page, 0), self.page_count() - 1)
        if page != self._page:
            self._page = page
            self._fill()

    def next_page(self) -> None:
        """Show the next page, if there is one."""
        self.set_page(self._page + 1)

    def previous_page(self) -> None:
        """Show the previous page, if there is one."""
        self.set_page(self._page - 1)

    def select(self, row: int) -> None:
        """Select the image on `row` of this page and send it to the prediction, like a click."""
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)  # not a gesture of the user's: shows nothing itself
        self._emit(index)

    # --- internals ----------------------------------------------------------------------------
    def _turn_page(self, step: int) -> None:
        """The next (+1) or previous (-1) page from the keyboard, its first or last image
        shown, as the arrow keys show the image they move to."""
        before = self._page
        self.set_page(self._page + step)
        if self._page != before and self.model.rowCount():
            self.select(0 if step > 0 else self.model.rowCount() - 1)

    def _fill(self) -> None:
        if self._dataset is None:
            self._update_controls()
            return
        x, y = self._dataset.split(self._split)
        start = self._page * PAGE_SIZE
        stop = min(start + PAGE_SIZE, len(y))
        self.model.set_page(
            x[start:stop],
            y[start:stop],
            start,
            list(self._dataset.class_names),
            self.split_box.currentText(),
        )
        self.view.scrollToTop()
        self._update_controls()

    def _update_controls(self) -> None:
        pages = self.page_count()
        has_data = self._dataset is not None
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, pages)
        self.page_box.setValue(self._page + 1)
        self.page_box.blockSignals(False)
        self.page_total.setText(self.tr("of {0}").format(pages))
        self.prev_button.setEnabled(has_data and self._page > 0)
        self.next_button.setEnabled(has_data and self._page < pages - 1)
        self.split_box.setEnabled(has_data)
        self.page_box.setEnabled(has_data)

    def _on_page_typed(self, value: int) -> None:
        self.set_page(value - 1)

    def _on_split_chosen(self, index: int) -> None:
        self.set_split(self.split_box.itemData(index))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.view.in_gesture:  # the user moved the highlight, not Qt (focus-in) or code
            self._on_activated(current)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid() and (self.view.gesture, index.row()) != self._shown:
            self._emit(index)

    def _emit(self, index: QModelIndex) -> None:
        if index.isValid():
            row = index.row()
            self._shown = (self.view.gesture, row)
            number = self._page * PAGE_SIZE + row
            self.last_caption = {
                "test": self.tr("test image #{0}"),
                "val": self.tr("validation image #{0}"),
                "train": self.tr("training image #{0}"),
            }[self._split].format(number)
            self.image_selected.emit(self.model.image(row), self.model.label(row))
