"""The views panel: live cost and accuracy plots beside the inside of the network.

It follows a TrainingController: mini-batch costs and epoch results are recorded as they
arrive, the latest snapshot is kept, and a 10 Hz timer repaints only what changed and only the
views on screen. With no run going it draws the current network itself (weights, and the
probe's activations once the engine is ready), so a loaded model can be inspected too.
"""

from __future__ import annotations

import csv
import io
import os
import time
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.fileio import write_text_atomic
from playground.ui.dialogs import ask_save_path
from playground.ui.names import error_text, percent
from playground.ui.throttle import EPOCH_DETAILS_MS, LatestOnly
from playground.ui.training.controller import (
    MAX_MISTAKES,
    EpochReport,
    Mistake,
    RunInfo,
    RunResult,
    Snapshot,
    TrainingController,
    fit_probe,
    idle_snapshot,
)
from playground.ui.views.confusion import ConfusionView, MistakesGallery, image_pixmap
from playground.ui.views.inside import DenseWeightsView, FeatureMapView, KernelView, PooledView
from playground.ui.views.mosaic import save_widget_png
from playground.ui.views.plots import AccuracyPlot, CostPlot

#: Repaints per second while training, at most.
REFRESH_HZ = 10
#: The slowest repaint rate the governor may fall back to (milliseconds between frames).
SLOWEST_FRAME_MS = 500
#: Share of one core the UI thread may spend on the views while training: the worker needs
#: the interpreter between its kernels, so a busy UI thread would slow training down.
UI_BUDGET = 0.10
#: At most this many of the inside views are redrawn in one frame (all of them take turns).
VIEWS_PER_FRAME = 2
#: Columns of the history CSV, in order.
HISTORY_COLUMNS = (
    "epoch",
    "cost",
    "train_accuracy",
    "val_accuracy",
    "test_accuracy",
    "val_cost",
    "images_per_s",
    "seconds",
)


#: The smallest size one view gets in "Show all"; a smaller panel scrolls instead. At the
#: default 1400x900 window the grid had 140 px a cell and the pooling view no room for maps.
SHOW_ALL_CELL = (300, 240)


class ViewGrid(QScrollArea):
    """ "Show all": the views in as many columns as fit SHOW_ALL_CELL wide (one to three), the
    last one spanning the rest of its row; a panel too small for the cells scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allViews")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = QWidget()
        self.grid = QGridLayout(host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)
        self.setWidget(host)
        self.widgets: list[QWidget] = []
        self.columns = 0
        self._own_heights: dict[QWidget, int] = {}

    def place(self, widgets: list[QWidget]) -> None:
        """Lay these widgets out (an empty list takes them all out)."""
        for widget in self.widgets:
            self.grid.removeWidget(widget)
            widget.setMinimumHeight(self._own_heights.pop(widget, 0))
        self.widgets = list(widgets)
        for widget in self.widgets:
            self._own_heights[widget] = widget.minimumHeight()
            widget.setMinimumHeight(max(SHOW_ALL_CELL[1], widget.minimumHeight()))
        self.columns = 0
        self._flow()

    def column_count(self, width: int) -> int:
        """How many SHOW_ALL_CELL-wide columns fit in `width` pixels (one to three)."""
        gap = self.grid.spacing()
        return max(1, min(3, (width + gap) // (SHOW_ALL_CELL[0] + gap)))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._flow()

    def _flow(self) -> None:
        columns = self.column_count(self.viewport().width())
        if not self.widgets or columns == self.columns:
            return
        self.columns = columns
        for widget in self.widgets:
            self.grid.removeWidget(widget)
        for i, widget in enumerate(self.widgets):
            row, column = divmod(i, columns)
            span = columns - column if i == len(self.widgets) - 1 else 1
            self.grid.addWidget(widget, row, column, 1, span)
            widget.show()
        for column in range(3):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)


class ViewsPanel(QWidget):
    """costPlot, accuracyPlot, kernelView, featureMapView, pooledView, dense weights, confusion.

    Signals: `probe_selected(image, label)` when a misclassified image is clicked (connect it to
    the draw panel's `show_sample`). Methods: `set_network`, `set_dataset`, `set_probe`,
    `set_engine_ready`, `export_png(view, path)`, `export_csv(path)`, `set_show_all`.
    """

    probe_selected = Signal(object, int)

    def __init__(self, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewsPanel")
        self.controller = controller
        self.network: Any = None
        self.dataset: Any = None
        self.probe: np.ndarray | None = None
        self.probe_caption = ""
        self.engine_ready = False
        self.history: list[dict[str, Any]] = []
        self.latest: Snapshot | None = None
        self._spec: dict[str, Any] | None = None
        self._run_net: Any = None
        self._dirty_views: set[QWidget] = set()
        self._next_view = 0
        self._idle_dirty = False

        self.cost_plot = CostPlot()
        self.accuracy_plot = AccuracyPlot()
        self.kernel_view = KernelView()
        self.feature_map_view = FeatureMapView()
        self.pooled_view = PooledView()
        self.dense_view = DenseWeightsView()
        self.confusion_view = ConfusionView()
        self.confusion_view.cell_clicked.connect(self._on_cell_clicked)
        self.mistakes_gallery = MistakesGallery()
        self.mistakes_gallery.mistake_selected.connect(self._on_mistake_selected)
        #: The confusion-matrix cell (true class, guess) whose images the gallery shows; None:
        #: every mistake.
        self.cell: tuple[int, int] | None = None
        self._report: EpochReport | None = None  # the epoch the matrix and the gallery show
        self.kernel_view.setToolTip(
            self.tr(
                "Each conv layer's kernels: one row per filter, one column per input channel. "
                "Red weights are positive, blue negative, white zero (the scale is symmetric)."
            )
        )
        self.feature_map_view.setToolTip(
            self.tr("What each filter finds in the probe image: bright where its kernel matches")
        )
        self.pooled_view.setToolTip(
            self.tr("Each feature map beside what max, L2 and average pooling make of it")
        )
        self.dense_view.setToolTip(
            self.tr(
                "The first dense layer's weights, one image per unit: what each unit looks for "
                "(red positive, blue negative)"
            )
        )

        self.mistakes_box = QWidget()
        self.mistakes_caption = QLabel(
            self.tr("Misclassified validation images (after an epoch): guess, then true label")
        )
        self.mistakes_caption.setObjectName("mistakesCaption")
        self.mistakes_caption.setWordWrap(True)
        self.all_mistakes_button = QToolButton()
        self.all_mistakes_button.setObjectName("allMistakesButton")
        self.all_mistakes_button.setText(self.tr("All mistakes"))
        self.all_mistakes_button.setToolTip(
            self.tr(
                "Show every misclassified image again instead of one cell's (clicking the "
                "cell again does the same)"
            )
        )
        self.all_mistakes_button.clicked.connect(lambda: self.show_cell(None))
        self.all_mistakes_button.hide()  # until a cell is chosen
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.mistakes_caption, 1)
        caption_row.addWidget(self.all_mistakes_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self.mistakes_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(caption_row)
        box.addWidget(self.mistakes_gallery, 1)
        self.results_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.results_splitter.setObjectName("resultsSplitter")
        self.results_splitter.addWidget(self.confusion_view)
        self.results_splitter.addWidget(self.mistakes_box)
        self.results_splitter.setSizes([300, 300])

        # The inside views: tabs, or all at once ("Show all").
        self.inside = [
            (self.kernel_view, self.tr("Kernels"), "kernels"),
            (self.feature_map_view, self.tr("Feature maps"), "feature-maps"),
            (self.pooled_view, self.tr("Pooling"), "pooling"),
            (self.dense_view, self.tr("Dense weights"), "dense-weights"),
            (self.results_splitter, self.tr("Confusion && mistakes"), "confusion"),
        ]
        self.tabs = QTabWidget()
        self.tabs.setObjectName("viewTabs")
        self.tabs.setDocumentMode(True)
        self.all_views = ViewGrid()
        for widget, title, _ in self.inside:
            self.tabs.addTab(widget, title)
        self.tabs.currentChanged.connect(lambda _i: self._schedule_visible())
        self.all_views.hide()

        self.plots = QSplitter(Qt.Orientation.Vertical)
        self.plots.addWidget(self.cost_plot)
        self.plots.addWidget(self.accuracy_plot)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.tabs)
        right_layout.addWidget(self.all_views)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.plots)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        # The probe bar and the export buttons.
        self.probe_image = QLabel()
        self.probe_image.setObjectName("probeImage")
        self.probe_image.setFixedSize(32, 32)
        self.probe_image.setStyleSheet("background: black; border: 1px solid palette(mid);")
        self.probe_label = QLabel()
        self.probe_label.setObjectName("probeLabel")
        self.probe_label.setWordWrap(True)  # two lines rather than a wider window
        self.probe_label.setToolTip(
            self.tr(
                "The probe: the image whose feature maps and pooled outputs the views show. "
                "Draw a digit, pick a dataset image or click a mistake to change it."
            )
        )
        self.probe_spin = QSpinBox()
        self.probe_spin.setObjectName("probeIndex")
        self.probe_spin.setPrefix(self.tr("validation image #"))
        # -1: the probe is not a validation image picked here (a drawing, a gallery image).
        self.probe_spin.setSpecialValueText(self.tr("validation image…"))
        self.probe_spin.setRange(-1, 0)
        self.probe_spin.setToolTip(self.tr("Use this validation image as the probe"))
        self.probe_spin.setKeyboardTracking(False)
        self.probe_spin.valueChanged.connect(self.use_validation_image)

        self.show_all_button = QToolButton()
        self.show_all_button.setObjectName("showAllViewsButton")
        self.show_all_button.setText(self.tr("Show all"))
        self.show_all_button.setCheckable(True)
        self.show_all_button.setToolTip(
            self.tr(
                "Show every view in one scrolling grid instead of tabs (a bigger or undocked "
                "panel gets more columns)"
            )
        )
        self.show_all_button.toggled.connect(self.set_show_all)

        self.export_button = QToolButton()
        self.export_button.setObjectName("exportViewsButton")
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save a view as PNG, or the history as CSV"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        for key, title in self.view_titles().items():
            action = menu.addAction(self.tr("{0} as PNG…").format(title))
            action.triggered.connect(lambda _=False, k=key: self._choose_png(k))
            self.export_actions[key] = action
        menu.addSeparator()
        self.csv_action = menu.addAction(self.tr("History as CSV…"))
        self.csv_action.triggered.connect(self._choose_csv)
        self.batch_csv_action = menu.addAction(self.tr("Mini-batch costs as CSV…"))
        self.batch_csv_action.triggered.connect(self._choose_batch_csv)
        menu.aboutToShow.connect(self.update_export_actions)
        menu.setToolTipsVisible(True)
        self.export_button.setMenu(menu)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.probe_image)
        bar.addWidget(self.probe_label, 1)
        bar.addWidget(self.probe_spin)
        bar.addWidget(self.show_all_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 / REFRESH_HZ))
        self.timer.timeout.connect(self._on_tick)
        self.timer.start()
        self._frame_ms = 1000.0 / REFRESH_HZ
        self._last_tick = (time.perf_counter(), time.thread_time())

        controller.training_started.connect(self._on_started)
        controller.snapshot_ready.connect(self._on_snapshot)
        controller.epoch_finished.connect(self._on_epoch)
        controller.training_finished.connect(self._on_finished)
        self._epoch_details = LatestOnly(self._show_epoch_details, EPOCH_DETAILS_MS, self)
        self._show_probe_caption()

    # ------------------------------------------------------------------ public API
    def view_titles(self) -> dict[str, str]:
        """Export keys and the views' titles."""
        return {
            "cost": self.tr("Cost plot"),
            "accuracy": self.tr("Accuracy plot"),
            "kernels": self.tr("Kernels"),
            "feature-maps": self.tr("Feature maps"),
            "pooling": self.tr("Pooling"),
            "dense-weights": self.tr("Dense weights"),
            "confusion": self.tr("Confusion matrix"),
            "mistakes": self.tr("Misclassified images"),
            "all": self.tr("The whole panel"),
        }

    def view(self, key: str) -> QWidget:
        """The widget behind an export key of `view_titles`."""
        return {
            "cost": self.cost_plot,
            "accuracy": self.accuracy_plot,
            "kernels": self.kernel_view,
            "feature-maps": self.feature_map_view,
            "pooling": self.pooled_view,
            "dense-weights": self.dense_view,
            "confusion": self.confusion_view,
            "mistakes": self.mistakes_gallery,
            "all": self,
        }[key]

    def set_network(self, net: Any) -> None:
        """Show `net` (None: nothing); a new network clears the plots and loads its history."""
        if net is self.network or (net is not None and net is self._run_net):
            # The network just trained here (the window hands it back): keep the curves.
            self.network = net
            self._idle_dirty = True
            return
        if self.controller.is_running():
            # The panel keeps following the run; the new network shows when the run ends.
            self.network = net
            return
        self.network = net
        self._load_network(net)

    def set_dataset(self, dataset: Any) -> None:
        """Use `dataset` for class names and the validation-image probe picker."""
        self.dataset = dataset
        names = list(getattr(dataset, "class_names", []) or [])
        self.confusion_view.set_class_names(names)
        self.mistakes_gallery.set_class_names(names)
        n_val = len(dataset.val_x) if dataset is not None else 0
        self.probe_spin.blockSignals(True)
        self.probe_spin.setRange(-1, max(0, n_val - 1))
        self.probe_spin.blockSignals(False)
        self.probe_spin.setEnabled(n_val > 0)
        if self.probe is None and n_val:
            self.use_validation_image(max(self.probe_spin.value(), 0))

    def set_probe(self, image: Any, caption: str | None = None, index: int = -1) -> None:
        """Make `image` ((C, H, W) or (H, W), values in [0, 1]) the probe; None is ignored.
        `index`: the validation image it is, for the picker (-1: none picked there)."""
        img = fit_probe(image, self.network)
        if img is None:
            return
        # The picker says which validation image is the probe, or none: it kept showing #0
        # after a click in the gallery, and picking #0 again then did nothing.
        self.probe_spin.blockSignals(True)
        self.probe_spin.setValue(index)
        self.probe_spin.blockSignals(False)
        self.probe = img
        self.probe_caption = caption if caption is not None else self.tr("your drawing")
        self.controller.set_probe(img)
        self._show_probe_caption()
        self._idle_dirty = True

    def use_validation_image(self, index: int) -> None:
        """Make validation image `index` of the dataset the probe."""
        ds = self.dataset
        if ds is None or not 0 <= index < len(ds.val_x):
            return
        name = self.mistakes_gallery.name_of(int(ds.val_y[index]))  # the dataset's class names
        self.set_probe(
            ds.val_x[index], self.tr("validation image #{0} (label {1})").format(index, name), index
        )

    def set_engine_ready(self, ready: bool) -> None:
        """Let the idle panel run the probe through the network (needs compiled kernels)."""
        self.engine_ready = bool(ready)
        self._idle_dirty = True

    def set_show_all(self, show_all: bool) -> None:
        """Every inside view at once in a grid (True) or one tab at a time (False)."""
        if show_all == self.all_views.isVisible() and self.all_views.widgets:
            return
        if show_all:
            while self.tabs.count():
                self.tabs.removeTab(0)
            self.tabs.hide()
            self.all_views.show()
            self.all_views.place([widget for widget, _title, _key in self.inside])
        else:
            self.all_views.place([])
            for widget, title, _key in self.inside:
                self.tabs.addTab(widget, title)
            self.all_views.hide()
            self.tabs.show()
        self.show_all_button.blockSignals(True)
        self.show_all_button.setChecked(show_all)
        self.show_all_button.blockSignals(False)
        self._schedule_visible()

    def export_png(self, key: str, path: str | os.PathLike[str]) -> bool:
        """Save one view (a key of `view_titles`) as a PNG file; False if it failed."""
        self.refresh(force=True)
        widget = self.view(key)
        if widget is not self and hasattr(widget, "export_png"):
            return bool(widget.export_png(path))
        return save_widget_png(widget, path)

    def history_csv(self) -> str:
        """The epoch history as CSV text (one row per epoch, accuracies as fractions)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HISTORY_COLUMNS)
        for i, entry in enumerate(self.history, start=1):
            row = [i] + [entry.get(k) for k in HISTORY_COLUMNS[1:]]
            writer.writerow(["" if v is None else v for v in row])
        return out.getvalue()

    def export_csv(self, path: str | os.PathLike[str]) -> None:
        """Write the epoch history as CSV (atomically); raises OSError when it cannot."""
        write_text_atomic(path, self.history_csv())

    def export_batch_costs_csv(self, path: str | os.PathLike[str]) -> None:
        """Write every mini-batch cost (epoch as a fraction, cost, smoothed) as CSV."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("epoch", "cost", "smoothed_cost"))
        p = self.cost_plot
        for x, c, s in zip(p.raw.x, p.raw.y, p.smooth.y, strict=True):
            writer.writerow((f"{x:.6f}", repr(float(c)), repr(float(s))))
        write_text_atomic(path, out.getvalue())

    def shutdown(self) -> None:
        """Stop repainting (the window is closing)."""
        self.timer.stop()

    # ------------------------------------------------------------------ following a network
    def _load_network(self, net: Any) -> None:
        self._epoch_details.cancel()  # the last run's matrix must not come after the clear
        spec = None if net is None else net.spec
        self._set_spec(spec)
        self.cost_plot.clear_all()
        self.accuracy_plot.clear_all()
        self.confusion_view.reset()
        self._report = None
        self.show_cell(None)
        self.mistakes_gallery.show_mistakes([])
        self.history = [] if net is None else [dict(h) for h in net.history]
        self._plot_history(self.history, 0)
        self.latest = None
        self._idle_dirty = True
        if net is not None and self.probe is not None:
            self.probe = fit_probe(self.probe, net)

    def _set_spec(self, spec: dict[str, Any] | None) -> None:
        self._spec = spec
        for view in (self.kernel_view, self.feature_map_view, self.pooled_view, self.dense_view):
            view.set_spec(spec)
        conv_tabs = (self.kernel_view, self.feature_map_view, self.pooled_view)
        layers = [] if spec is None else spec.get("layers", [])
        has_conv = any(layer["type"] == "conv" for layer in layers)
        if spec is not None and not has_conv and self.tabs.currentWidget() in conv_tabs:
            # An MLP opened on the Kernels tab's "no convolutional layer": show its weights.
            self.tabs.setCurrentWidget(self.dense_view)
        self._schedule_visible()

    def _plot_history(self, history: list[dict[str, Any]], first: int) -> None:
        for i, entry in enumerate(history, start=first + 1):
            self.cost_plot.add_epoch(float(i), entry.get("cost"))
            self.accuracy_plot.add_epoch(float(i), entry)

    # ------------------------------------------------------------------ following a run
    def _on_started(self, info: RunInfo) -> None:
        self._run_net = info.net
        if info.spec != self._spec:
            self._set_spec(info.spec)
        offset = float(info.history_length)  # this run's epochs come after these
        if [dict(h) for h in info.history] != self.history:
            # A network other than the one on show: start its plots from its own history.
            self.cost_plot.clear_all()
            self.accuracy_plot.clear_all()
            self.history = [dict(h) for h in info.history]
            self._plot_history(self.history, 0)
        self.cost_plot.begin_run(offset, info.batches, info.settings.epochs)
        self.accuracy_plot.begin_run(offset, info.settings.epochs)

    def _on_snapshot(self, snap: Snapshot) -> None:
        if len(snap.costs):
            self.cost_plot.add_costs(snap.costs[:, 0], snap.costs[:, 1])  # x counts epochs
        if snap.probe is None and self.probe is not None:
            snap.probe = self.probe
        self.latest = snap
        self._schedule_visible()

    def _on_epoch(self, report: EpochReport) -> None:
        entry = dict(report.history_entry)
        self.history.append(entry)
        x = float(report.epoch)  # a loaded model's epochs already continue its history
        self.cost_plot.add_epoch(x, report.cost)
        self.accuracy_plot.add_epoch(x, entry)
        # Every epoch is a point on the curves; the matrix and the mistakes show the latest.
        self._epoch_details.push(report)

    def _show_epoch_details(self, report: EpochReport) -> None:
        """The confusion matrix and the misclassified images of an epoch."""
        self._report = report
        if report.confusion is not None:
            self.confusion_view.show_matrix(
                report.confusion,
                self.tr("Validation, epoch {0}: {1} right").format(
                    report.epoch, percent(report.val_accuracy)
                ),
            )
        self._show_gallery(report)

    def show_cell(self, cell: tuple[int, int] | None) -> None:
        """Show the images of confusion-matrix cell (true class, guess) in the gallery, or every
        mistake again (None). The choice holds for the epochs that follow."""
        self.cell = cell
        self.confusion_view.select_cell(cell)
        self.all_mistakes_button.setVisible(cell is not None)
        if self._report is not None:
            self._show_gallery(self._report)

    def _on_cell_clicked(self, i: int, j: int) -> None:
        """A click on a cell shows its images; a second click on it, every mistake again."""
        self.show_cell(None if self.cell == (i, j) else (i, j))

    def _show_gallery(self, report: EpochReport) -> None:
        """The gallery and its caption: the chosen cell's images, or else every mistake."""
        if self.cell is not None and report.val_guesses is not None:
            self._show_cell_images(report, *self.cell)
            return
        self.mistakes_gallery.show_mistakes(report.mistakes)
        shown, total = len(report.mistakes), max(report.mistakes_total, len(report.mistakes))
        if shown < total:
            caption = self.tr(
                "The first {0} of {1} misclassified validation images after epoch {2} (guess, "
                "then true label); click one to probe it"
            ).format(shown, total, report.epoch)
        elif total == 0:
            caption = self.tr("No misclassified validation images after epoch {0}").format(
                report.epoch
            )
        elif total == 1:
            caption = self.tr(
                "1 misclassified validation image after epoch {0} (guess, then true label); "
                "click it to probe it"
            ).format(report.epoch)
        else:
            caption = self.tr(
                "{0} misclassified validation images after epoch {1} (guess, then true label); "
                "click one to probe it"
            ).format(shown, report.epoch)
        self.mistakes_caption.setText(caption)

    def _on_finished(self, result: RunResult) -> None:
        self.engine_ready = True  # a run compiled the kernels
        if result.diverged:  # after the run's last costs, which come before this
            self.cost_plot.mark_divergence()
        if result.error is None:
            self.network = result.net
            self.history = [dict(h) for h in result.net.history]
        self.latest = None
        self._idle_dirty = True

    def _show_cell_images(self, report: EpochReport, i: int, j: int) -> None:
        """The validation images of true class i the network read as j (the first
        MAX_MISTAKES), with a caption that counts them."""
        labels, guesses, images = report.val_labels, report.val_guesses, report.val_images
        where = np.flatnonzero((labels == i) & (guesses == j))
        shown = where[:MAX_MISTAKES]
        self.mistakes_gallery.show_mistakes([Mistake(int(n), images[n], j, i) for n in shown])
        total = len(where)
        if i == j:
            if total == 0:
                text = self.tr("No image of {0} was read correctly after epoch {2}")
            elif total == 1:
                text = self.tr(
                    "1 image of {0} read correctly after epoch {2}; click it to probe it"
                )
            elif len(shown) < total:
                text = self.tr(
                    "The first {3} of {4} images of {0} read correctly after epoch {2}; click "
                    "one to probe it"
                )
            else:
                text = self.tr(
                    "{4} images of {0} read correctly after epoch {2}; click one to probe it"
                )
        elif total == 0:
            text = self.tr("No image of {0} was read as {1} after epoch {2}")
        elif total == 1:
            text = self.tr("1 image of {0} read as {1} after epoch {2}; click it to probe it")
        elif len(shown) < total:
            text = self.tr(
                "The first {3} of {4} images of {0} read as {1} after epoch {2}; click one to "
                "probe it"
            )
        else:
            text = self.tr("{4} images of {0} read as {1} after epoch {2}; click one to probe it")
        name_of = self.mistakes_gallery.name_of
        self.mistakes_caption.setText(
            text.format(name_of(i), name_of(j), report.epoch, len(shown), total)
        )

    def _on_mistake_selected(self, image: np.ndarray, label: int, guess: int) -> None:
        name = self.mistakes_gallery.name_of(label)  # the dataset's class names
        if guess == label:  # from a diagonal cell of the confusion matrix
            caption = self.tr("a validation image (label {0})").format(name)
        else:
            caption = self.tr("a misclassified image (label {0})").format(name)
        self.set_probe(image, caption)
        self.probe_selected.emit(image, label)

    # ------------------------------------------------------------------ painting
    def _schedule_visible(self) -> None:
        self._dirty_views = {
            self.kernel_view,
            self.feature_map_view,
            self.pooled_view,
            self.dense_view,
        }

    def _show_probe_caption(self) -> None:
        if self.probe is None:
            self.probe_label.setText(self.tr("Probe: none yet (draw a digit or pick an image)"))
            self.probe_image.clear()
            return
        self.probe_label.setText(self.tr("Probe: {0}").format(self.probe_caption))
        self.probe_image.setPixmap(image_pixmap(self.probe, 32))

    def _idle_snapshot(self) -> Snapshot | None:
        net = self.network
        if net is None:
            return None
        probe = fit_probe(self.probe, net) if self.probe is not None else None
        try:
            return idle_snapshot(net, probe, with_activations=self.engine_ready)
        except ValueError:
            return idle_snapshot(net, None, with_activations=False)

    def _on_tick(self) -> None:
        """The repaint timer: refresh, and slow the frame rate down if the UI thread is busy.

        The main thread's CPU time over the last frame (refreshing plus painting) is compared
        with UI_BUDGET; above it the interval grows (up to SLOWEST_FRAME_MS), well below it the
        interval shrinks back to 1 / REFRESH_HZ.
        """
        wall, cpu = time.perf_counter(), time.thread_time()
        last_wall, last_cpu = self._last_tick
        if self.controller.is_running() and wall > last_wall:
            busy = (cpu - last_cpu) / (wall - last_wall)
            if busy > UI_BUDGET:
                self._frame_ms = min(SLOWEST_FRAME_MS, self._frame_ms * 1.25)
            elif busy < UI_BUDGET / 2:
                self._frame_ms = max(1000.0 / REFRESH_HZ, self._frame_ms / 1.1)
        else:
            self._frame_ms = 1000.0 / REFRESH_HZ
        if round(self._frame_ms) != self.timer.interval():
            self.timer.setInterval(round(self._frame_ms))
        self.refresh()
        self._last_tick = (wall, cpu)

    def refresh(self, force: bool = False) -> None:
        """Repaint what changed (the timer calls this); `force` paints hidden views too."""
        self.cost_plot.refresh()
        self.accuracy_plot.refresh()
        if self._idle_dirty and not self.controller.is_running():
            self._idle_dirty = False
            if self.network is not None and self.network.spec != self._spec:
                self._set_spec(self.network.spec)
            self.latest = self._idle_snapshot()
            self._schedule_visible()
        snap = self.latest
        if snap is None or not self._dirty_views:
            return
        order = [self.kernel_view, self.feature_map_view, self.pooled_view, self.dense_view]
        start = self._next_view % len(order)
        painted = 0
        for view in order[start:] + order[:start]:
            if view not in self._dirty_views or (not force and not view.isVisible()):
                continue
            if not force and painted == VIEWS_PER_FRAME:
                break  # the rest next frame: short frames keep the event loop responsive
            painted += 1
            self._next_view = order.index(view) + 1
            self._dirty_views.discard(view)
            if view is self.kernel_view or view is self.dense_view:
                view.show_weights(snap.weights)
            elif snap.activations or snap.probe is not None:
                view.show_activations(snap.probe, snap.activations)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._schedule_visible()

    def update_export_actions(self) -> None:
        """Grey out the exports with nothing to show yet (they wrote blank PNGs and CSVs with
        a header alone), saying when they will have something."""
        after_epoch = self.tr("After the first epoch")
        empty = {
            "confusion": self.confusion_view.matrix is None,
            "mistakes": self._report is None,
        }
        for key, action in self.export_actions.items():
            blank = empty.get(key, False)
            action.setEnabled(not blank)
            action.setToolTip(after_epoch if blank else "")
        self.csv_action.setEnabled(bool(self.history))
        self.batch_csv_action.setEnabled(self.cost_plot.point_count() > 0)

    # ------------------------------------------------------------------ file dialogs
    def _choose_png(self, key: str) -> None:
        name = key if key != "all" else "views"
        path = ask_save_path(
            self, self.tr("Export as PNG"), f"{name}.png", self.tr("PNG images (*.png)"), ".png"
        )
        if not path:
            return
        if not self.export_png(key, path):
            QMessageBox.warning(
                self, self.tr("Cannot export"), self.tr("{0} could not be written.").format(path)
            )

    def _choose_csv(self) -> None:
        self._save_csv(self.tr("Export history as CSV"), "history.csv", self.export_csv)

    def _choose_batch_csv(self) -> None:
        self._save_csv(
            self.tr("Export mini-batch costs as CSV"),
            "batch-costs.csv",
            self.export_batch_costs_csv,
        )

    def _save_csv(self, title: str, name: str, write: Any) -> None:
        path = ask_save_path(self, title, name, self.tr("CSV files (*.csv)"), ".csv")
        if not path:
            return
        try:
            write(path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Cannot export"),
                self.tr("{0} could not be written:\n\n{1}").format(path, error_text(exc)),
            )
