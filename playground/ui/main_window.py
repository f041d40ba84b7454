"""The main window: dock panels, menus, toolbar, status bar, and the current network and dataset.

The window owns "the current network": `set_network` swaps it and emits `network_changed`, which
every panel (draw pad, canvas, training, views) follows. Other panels are plugged in as docks with
`add_panel`. Slow work never runs on the UI thread: the engine's kernels compile and the built-in
MNIST loads in background jobs, and the status bar says what is still warming up.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QElapsedTimer,
    QEvent,
    QObject,
    QProcess,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QIcon,
    QKeySequence,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import playground
from playground.errors import SpecError
from playground.ui.canvas import NetworkPanel
from playground.ui.dataset_browser import DatasetBrowser
from playground.ui.dialogs import ask_save_path
from playground.ui.docks import parked
from playground.ui.draw_panel import DrawPanel
from playground.ui.engine_threads import run_engine_serially_on_this_thread
from playground.ui.engine_warmup import BackgroundJob, JobWatcher, warmup_job
from playground.ui.i18n import language_menu
from playground.ui.labs import LabsPanel
from playground.ui.labs.panel import LAB_MIN_HEIGHT, LAB_MIN_WIDTH
from playground.ui.names import error_text
from playground.ui.throttle import EPOCH_DETAILS_MS, LatestOnly
from playground.ui.training import TrainingController, TrainingPanel
from playground.ui.views import ViewsPanel
from playground.ui.views.mosaic import save_widget_png

#: The model shipped with the app, trained by our own engine, loaded at start-up.
DEFAULT_MODEL = playground.RESOURCES / "models" / "default.npz"
ICONS = playground.RESOURCES / "icons"
#: How many recent model files and dataset folders the File menu remembers.
MAX_RECENT = 6
#: Below this first-start window width (90% of the screen's) Draw shares the Network tabs.
#: Beside the draw pad the canvas had 216 px at 1280x720 and 293 px at 1366x768 (1229 px
#: windows), under NARROW_CANVAS: both start compact; 1440x900 (1296 px) leaves it 360 px.
NARROW_WINDOW = 1260
#: A full-width dock's panel is this much narrower than the window (the docks' margins).
DOCK_MARGINS = 40
#: A canvas narrower than this beside the draw pad gets a hint to use the compact layout.
NARROW_CANVAS = 320

#: Engine states shown in the status bar.
ENGINE_WARMING = "warming"
ENGINE_READY = "ready"
ENGINE_FAILED = "failed"

_builtin_job: BackgroundJob | None = None


def _load_builtin() -> Any:
    from playground.data import load_mnist

    return load_mnist()


def builtin_dataset_job() -> BackgroundJob:
    """The process-wide job that loads the shipped MNIST (parsed once, shared by all windows)."""
    global _builtin_job
    if _builtin_job is None:
        _builtin_job = BackgroundJob(_load_builtin, "load-mnist").start()
    return _builtin_job


def _icon(name: str, fallback: QStyle.StandardPixmap) -> QIcon:
    path = ICONS / f"{name}.svg"
    if path.is_file():
        return QIcon(str(path))
    return QApplication.style().standardIcon(fallback)


def _can_restart() -> bool:
    """True when this process was started from a script file it can run again (python main.py,
    the playground launcher), not from `python -c` or an interactive session."""
    return bool(sys.argv) and Path(sys.argv[0]).is_file()


#: Widgets that use the Space key themselves: it presses a button, ticks a box, selects an item.
SPACE_TAKERS = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox)


class _SpaceForControls(QObject):
    """Space pauses training window-wide, but on a focused button, box or list it does what
    it does there: Space on Stop had paused the run instead of stopping it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(obj, SPACE_TAKERS)
            and self._ours(obj)
        ):
            event.accept()  # the key goes to the control, the Pause shortcut stays quiet
            return True
        return False

    def _ours(self, widget: QWidget) -> bool:
        """In the window, or in one of its floating docks (a window of its own, where the
        window's shortcuts still fire)."""
        while widget is not None:
            if widget is self.window:
                return True
            widget = widget.parentWidget()
        return False


class MainWindow(QMainWindow):
    """Docks for drawing, the dataset, the network, training, views and labs; one current model.

    Signals: `network_changed(net)` after `set_network`, `dataset_changed(dataset)` after
    `set_dataset`, `engine_state_changed(state)` with "warming", "ready" or "failed", and
    `pause_toggled(paused)` from the Pause action (Space), for the training panel.
    """

    network_changed = Signal(object)
    dataset_changed = Signal(object)
    engine_state_changed = Signal(str)
    pause_toggled = Signal(bool)

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(_icon("playground", QStyle.StandardPixmap.SP_ComputerIcon))
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.settings = settings if settings is not None else QSettings("Playground", "Playground")
        saved_canvas = self.settings.value("canvas/spec")
        #: The last session's canvas (JSON), shown once the first model is (see save_settings).
        self._saved_canvas: str | None = saved_canvas if isinstance(saved_canvas, str) else None
        #: The canvas (JSON) when start-up ended; None until then.
        self._canvas_at_start: str | None = None
        self.network: Any = None
        self.network_path: Path | None = None
        #: The current network was trained since it was loaded, built or saved: closing the
        #: window, opening a model or building another asks before that training is lost.
        self.network_modified = False
        self.dataset: Any = None
        self.dataset_path: Path | None = None
        self.engine_state = ENGINE_WARMING  # until start_engine_warmup() or set_engine_state()
        self._engine_detail = ""
        # A first run compiles for about half a minute: the status bar counts the seconds.
        self._warm_clock = QElapsedTimer()
        self._warm_ticker = QTimer(self)
        self._warm_ticker.setInterval(1000)
        self._warm_ticker.timeout.connect(self._show_engine_state)
        self.error_dialog: QMessageBox | None = None
        self.docks: dict[str, QDockWidget] = {}
        #: The dock the keyboard focus was last in: the one "Maximize panel" enlarges.
        self.current_dock = "network"
        #: While a panel is maximized: it, and the layout to go back to.
        self.maximized: QDockWidget | None = None
        self._before_maximize = QByteArray()
        self.undo_group = QUndoGroup(self)
        self._undo_owners: list[tuple[QUndoStack, QWidget]] = []
        self._watchers: list[JobWatcher] = []

        # An empty, hidden central widget: every panel is a dock the user can move or hide.
        central = QWidget(self)
        central.setObjectName("centralPlaceholder")
        self.setCentralWidget(central)
        central.hide()

        #: After a resize settles: is the canvas squeezed beside the draw pad? (said once)
        self._narrow_check = QTimer(self)
        self._narrow_check.setSingleShot(True)
        self._narrow_check.setInterval(400)
        self._narrow_check.timeout.connect(self._hint_compact_layout)
        self._narrow_hinted = False

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_panels()
        self._create_status_bar()
        self._arrange_for_screen()
        self._default_state = self.saveState()
        self._restore_settings()
        self._update_title()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_focus_changed)

    # ============================================================================ building
    def _create_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.open_model_action = QAction(
            _icon("open-model", sp.SP_DialogOpenButton), self.tr("&Open model…"), self
        )
        self.open_model_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_model_action.setStatusTip(self.tr("Load a trained network from a .npz file"))
        self.open_model_action.triggered.connect(self._choose_model_to_open)

        self.save_model_action = QAction(
            _icon("save-model", sp.SP_DialogSaveButton), self.tr("&Save model as…"), self
        )
        self.save_model_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_model_action.setStatusTip(self.tr("Save the current network to a .npz file"))
        self.save_model_action.triggered.connect(self._choose_model_to_save)

        # The canvas's architecture files, found where files are: only the canvas's own
        # toolbar had them.
        self.open_architecture_action = QAction(self.tr("Open network &architecture…"), self)
        self.open_architecture_action.setStatusTip(
            self.tr("Put a network architecture (a JSON spec) on the canvas")
        )
        self.open_architecture_action.triggered.connect(
            lambda: self._on_canvas(self.network_panel.open_dialog)
        )
        self.save_architecture_action = QAction(self.tr("Save network arc&hitecture…"), self)
        self.save_architecture_action.setStatusTip(
            self.tr("Save the canvas's network architecture as a JSON spec (no weights)")
        )
        self.save_architecture_action.triggered.connect(
            lambda: self._on_canvas(self.network_panel.save_dialog)
        )

        self.open_dataset_action = QAction(
            _icon("open-dataset", sp.SP_DirOpenIcon), self.tr("Open &dataset folder…"), self
        )
        self.open_dataset_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_dataset_action.setStatusTip(
            self.tr("Load a folder holding the four IDX files of an MNIST-like dataset")
        )
        self.open_dataset_action.triggered.connect(self._choose_dataset_folder)

        self.builtin_dataset_action = QAction(self.tr("Use the built-in &MNIST"), self)
        self.builtin_dataset_action.triggered.connect(self.load_builtin_dataset)

        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.setIcon(_icon("undo", sp.SP_ArrowBack))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(_icon("redo", sp.SP_ArrowForward))

        self.clear_action = QAction(
            _icon("clear", sp.SP_DialogResetButton), self.tr("&Clear drawing"), self
        )
        self.clear_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        # Delete means "clear" only where the drawing is; other panels may use it for themselves.
        self.clear_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear_action.setStatusTip(self.tr("Empty the draw pad (undo brings it back)"))

        self.pause_action = QAction(
            _icon("pause", sp.SP_MediaPause), self.tr("&Pause training"), self
        )
        self.pause_action.setCheckable(True)
        self.pause_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.pause_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.pause_action.setStatusTip(self.tr("Pause or resume training (Space)"))
        self.pause_action.setEnabled(False)  # until a run starts: nothing to pause
        self.pause_action.toggled.connect(self.pause_toggled)
        app = QApplication.instance()
        if app is not None:  # removed with the window (a filter dies with its object)
            app.installEventFilter(_SpaceForControls(self))

        self.reset_layout_action = QAction(self.tr("&Reset layout"), self)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.compact_layout_action = QAction(self.tr("&Compact layout"), self)
        self.compact_layout_action.setStatusTip(
            self.tr(
                "Draw, Network and Training as tabs, Dataset behind Views: each gets the "
                "window's whole width (a small window's layout)"
            )
        )
        self.compact_layout_action.triggered.connect(self.compact_layout)

        self.maximize_action = QAction(self.tr("&Maximize panel"), self)
        self.maximize_action.setCheckable(True)
        self.maximize_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.maximize_action.setStatusTip(
            self.tr(
                "Give the whole window to the panel you are working in "
                "(again: bring the other panels back)"
            )
        )
        self.maximize_action.triggered.connect(self.toggle_maximized)

        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)

        self.about_action = QAction(self.tr("&About Playground"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.open_model_action)
        self.file_menu.addAction(self.save_model_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_architecture_action)
        self.file_menu.addAction(self.save_architecture_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_dataset_action)
        self.file_menu.addAction(self.builtin_dataset_action)
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.recent_menu.triggered.connect(self._on_recent_chosen)
        self.file_menu.addSeparator()
        self.export_menu = self.file_menu.addMenu(self.tr("&Export view as PNG"))
        self.export_menu.aboutToShow.connect(self._fill_export_menu)
        self.export_menu.triggered.connect(self._on_export_chosen)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.clear_action)

        self.view_menu = bar.addMenu(self.tr("&View"))
        self._behind: set[QDockWidget] = set()
        self.view_menu.aboutToShow.connect(self._note_docks_behind)
        # Forgotten once the menu's choice has run: the same items are in the docks'
        # right-click menu, where a stale set would keep a panel the user unticked.
        self.view_menu.aboutToHide.connect(
            lambda: QTimer.singleShot(0, lambda: self._behind.clear())
        )
        self._view_docks_end = self.view_menu.addSeparator()
        self.view_menu.addAction(self.maximize_action)
        self.view_menu.addAction(self.reset_layout_action)
        self.view_menu.addAction(self.compact_layout_action)
        self.view_menu.addMenu(
            language_menu(self, self.settings, self.restart if _can_restart() else None)
        )

        self.training_menu = bar.addMenu(self.tr("&Training"))
        self.training_menu.addAction(self.pause_action)

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.book_menu = self.help_menu.addMenu(self.tr("Follow the &book"))
        self.book_menu.setObjectName("bookMenu")
        self.book_menu.setToolTipsVisible(True)
        for chapter, title, kind, target, tip in self._book_path():
            if chapter is None:
                self.book_menu.addSeparator()
                text = self.tr("Beyond the book · {0}").format(title)
            else:
                text = self.tr("Chapter {0} · {1}").format(chapter, title)
            action = self.book_menu.addAction(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setData((kind, target))
            action.triggered.connect(partial(self.follow_book, kind, target))
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _book_path(self) -> list[tuple[int | None, str, str, int | str, str]]:
        """The ideas in the order Nielsen's book meets them, each with the place in the app
        that shows it: (chapter, title, "lab" or "preset", lab tab or preset name, tooltip).
        Chapter None: an idea the book does not cover, which follows it."""
        return [
            (
                1,
                self.tr("Perceptrons and sigmoid neurons"),
                "lab",
                0,
                self.tr("A perceptron and a sigmoid neuron side by side; NAND and a half adder"),
            ),
            (
                1,
                self.tr("Gradient descent"),
                "lab",
                1,
                self.tr(
                    "A ball rolling down a cost surface, one step of the learning rate at a time"
                ),
            ),
            (
                1,
                self.tr("A network that reads digits"),
                "preset",
                "nielsen-mlp",
                self.tr("The book's [784, 30, 10] network on the canvas, ready to build and train"),
            ),
            (
                2,
                self.tr("Backpropagation"),
                "lab",
                2,
                self.tr("The four equations of backpropagation, number by number"),
            ),
            (
                3,
                self.tr("Quadratic versus cross-entropy cost"),
                "lab",
                3,
                self.tr("Why a saturated neuron learns slowly with the quadratic cost"),
            ),
            (
                3,
                self.tr("Cross-entropy and L2 regularisation"),
                "preset",
                "nielsen-mlp-ce",
                self.tr(
                    "A [784, 100, 10] network with the cross-entropy cost and L2, on the canvas"
                ),
            ),
            (
                6,
                self.tr("Convolution: local receptive fields, shared weights, pooling"),
                "preset",
                "nielsen-conv",
                self.tr("The book's first convolutional network on the canvas"),
            ),
            (
                6,
                self.tr("Two convolutional layers and rectified linear units"),
                "preset",
                "nielsen-conv2-relu",
                self.tr(
                    "The book's best network without expanded data or dropout (99.23%) on the "
                    "canvas"
                ),
            ),
            (
                None,
                self.tr('Grouped convolution (AlexNet; "Deep Roots")'),
                "preset",
                "grouped-conv",
                self.tr("The second convolution split into 2 groups: half its weights"),
            ),
        ]

    def _on_canvas(self, action: Callable[[], Any]) -> None:
        """Bring the canvas forward, then run `action` (an architecture file's dialog)."""
        self._end_maximized(restore=True)
        self.docks["network"].show()
        self.docks["network"].raise_()
        action()

    def follow_book(self, kind: str, target: int | str) -> None:
        """Open the place a step of the book path names: a lab's tab, or a preset on the canvas
        (undoable; the current network is kept until Build network)."""
        if kind == "lab":
            dock = self.docks["labs"]
            dock.show()
            dock.raise_()
            self.labs_panel.tabs.setCurrentIndex(int(target))
            # A lab needs LAB_MIN_WIDTH x LAB_MIN_HEIGHT: in the default layout its dock had
            # 672x246 px at 1280x720 and 900x381 at 1920x1080, both scroll bars and cut text.
            if dock.width() < LAB_MIN_WIDTH or dock.height() < LAB_MIN_HEIGHT:
                self.maximize(dock)
            return
        if self.maximized is self.docks["labs"]:  # the lab step before: the panels come back
            self._end_maximized(restore=True)
        # The canvas for the network, and the plots for watching it learn: a lab step before
        # this one left the Labs tab over them.
        for key in ("views", "network"):
            self.docks[key].show()
            self.docks[key].raise_()
        self.network_panel.load_preset(str(target))
        # The keys the status line names (Ctrl+B) act where the focus is: on the canvas.
        self.network_panel.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_status(
            self.tr(
                "{0} is on the canvas: Build network (Ctrl+B) makes it the current network, "
                "then Start training (F5)"
            ).format(target)
        )

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.open_model_action, self.save_model_action, self.open_dataset_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.undo_action, self.redo_action, self.clear_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.pause_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.view_menu.insertAction(self._view_docks_end, self.toolbar.toggleViewAction())

    def _create_panels(self) -> None:
        self.draw_panel = DrawPanel()
        self.draw_pad = self.draw_panel.pad
        self.prediction_view = self.draw_panel.prediction_view
        self.draw_panel.addAction(self.clear_action)
        self.clear_action.triggered.connect(self.draw_pad.clear)
        self.register_undo_stack(self.draw_pad.undo_stack, self.draw_panel)
        self.undo_group.setActiveStack(self.draw_pad.undo_stack)
        self.add_panel(
            "draw", self.tr("Draw"), self.draw_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )

        self.dataset_browser = DatasetBrowser()
        self.dataset_browser.image_selected.connect(
            lambda image, label: self.draw_panel.show_sample(
                image, label, self.dataset_browser.last_caption
            )
        )
        self.add_panel(
            "dataset",
            self.tr("Dataset"),
            self.dataset_browser,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )

        self.network_panel = NetworkPanel()
        self.network_panel.confirm_discard = self._confirm_discard_trained
        self.network_panel.network_built.connect(self._on_network_built)
        self.network_panel.status_message.connect(self._show_status)
        self.network_panel.file_failed.connect(self.show_error)
        self.register_undo_stack(self.network_panel.undo_stack, self.network_panel)
        self.add_panel(
            "network",
            self.tr("Network"),
            self.network_panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.labs_panel = LabsPanel(engine_ready=False)
        self.engine_state_changed.connect(self._on_engine_state_for_labs)
        self.add_panel(
            "labs", self.tr("Labs"), self.labs_panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )

        # Training: one controller (worker thread) shared by the controls and the live views.
        self.training_controller = TrainingController(self)
        self.training_panel = TrainingPanel(self.training_controller)
        self.views_panel = ViewsPanel(self.training_controller)
        self.add_panel(
            "training",
            self.tr("Training"),
            self.training_panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.add_panel(
            "views", self.tr("Views"), self.views_panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        for panel in (self.training_panel, self.views_panel):
            self.network_changed.connect(panel.set_network)
            self.dataset_changed.connect(panel.set_dataset)
        self.training_panel.network_trained.connect(self._on_network_trained)
        self.training_panel.model_saved.connect(self._on_model_saved)
        self.network_panel.spec_changed.connect(self._compare_canvas)
        self.network_changed.connect(self._compare_canvas)
        # One cost for one network: the Training panel's and the inspector's follow each other
        # while the canvas shows the current network.
        self.training_panel.cost_chosen.connect(self._on_training_cost)
        self.network_panel.model.cost_changed.connect(self._on_canvas_cost)
        panel = self.training_panel
        # Started from the menu or F5 with the Training panel closed or behind another tab:
        # bring it forward, so its progress is in sight.
        panel.start_action.triggered.connect(self._bring_training_forward)
        self.training_menu.insertAction(self.pause_action, panel.start_action)
        self.training_menu.addAction(panel.step_action)
        self.training_menu.addAction(panel.stop_action)
        self.draw_panel.input_changed.connect(self._probe_drawing)
        self.dataset_browser.image_selected.connect(self._probe_dataset_image)
        self.views_panel.probe_selected.connect(self.draw_panel.show_sample)
        self.draw_panel.front_width = self._draw_front_width
        self.docks["draw"].visibilityChanged.connect(lambda _shown: self.draw_panel.settle_later())
        self.pause_toggled.connect(self.training_panel.set_paused)
        self.training_controller.state_changed.connect(self._on_training_state)
        self.training_controller.epoch_finished.connect(self._on_epoch_finished)
        self._epoch_net = LatestOnly(self._show_epoch_net, EPOCH_DETAILS_MS, self)
        self.engine_state_changed.connect(self._on_engine_state_for_views)
        # Tabs keep the window small enough for a 1366x768 laptop: build, then train, in one
        # place (Build raises Training); the views and the labs share the bottom.
        self.tabifyDockWidget(self.docks["network"], self.docks["training"])
        self.tabifyDockWidget(self.docks["views"], self.docks["labs"])
        self.docks["network"].raise_()
        self.docks["views"].raise_()
        self.resize(1400, 900)
        self.resizeDocks(
            [self.docks["draw"], self.docks["network"]], [480, 900], Qt.Orientation.Horizontal
        )
        self.resizeDocks(
            [self.docks["draw"], self.docks["dataset"]], [560, 300], Qt.Orientation.Vertical
        )
        self.resizeDocks(
            [self.docks["network"], self.docks["views"]],
            [420, 420],
            Qt.Orientation.Vertical,
        )

    def _arrange_for_screen(self) -> None:
        """On a screen too narrow for the draw pad beside the network canvas (a 1024-pixel
        screen left the canvas 112 px wide), put Draw in the Network and Training tabs: each
        then gets the window's whole width. Draw stays in front."""
        screen = self.screen() or QApplication.primaryScreen()
        width = 0 if screen is None else screen.availableGeometry().width() * 9 // 10
        if width == 0 or width >= NARROW_WINDOW:
            return
        self._tab_panels(width)

    def resizeEvent(self, event) -> None:
        """Check, once the resize settles, whether the canvas got too narrow."""
        super().resizeEvent(event)
        if not self._narrow_hinted:
            self._narrow_check.start()

    def _hint_compact_layout(self) -> None:
        """A window made small on a large screen keeps Draw beside the canvas, which is then a
        sliver: say once where the layout for a small window is (it is not forced on anyone)."""
        draw, network = self.docks["draw"], self.docks["network"]
        beside = (
            draw.isVisible()
            and network.isVisible()
            and not draw.isFloating()
            and not network.isFloating()
            and network not in self.tabifiedDockWidgets(draw)
        )
        if not beside or self.network_panel.view.width() >= NARROW_CANVAS:
            return
        self._narrow_hinted = True
        self.statusBar().showMessage(
            self.tr("The canvas is narrow: View ▸ Compact layout gives it the window's width"),
            12000,
        )

    def compact_layout(self) -> None:
        """The layout a small screen starts with (see `_arrange_for_screen`), for a window made
        small on a large screen, where the canvas beside the draw pad gets too narrow."""
        self._end_maximized(restore=False)
        for key in ("draw", "network", "training", "views", "dataset"):
            self.docks[key].setFloating(False)
            self.docks[key].show()
        self._tab_panels(self.width())

    def _draw_front_width(self) -> int | None:
        """The width the draw panel gets when its tab comes forward: that of the panel in front
        of it (None when it is behind nothing)."""
        for dock in self.tabifiedDockWidgets(self.docks["draw"]):
            if dock.isVisible() and not parked(dock):
                return dock.widget().width()
        return None

    def _tab_panels(self, width: int) -> None:
        """Draw, Network and Training as tabs, Dataset behind Views, for a `width` px window."""
        self.draw_panel.arrange_for_width(width - DOCK_MARGINS)
        # Before the window shows, nothing passes the new minimum up by itself: drop the cached
        # ones.
        self.draw_panel.updateGeometry()
        self.docks["draw"].updateGeometry()
        self.tabifyDockWidget(self.docks["network"], self.docks["draw"])
        for key in ("network", "training"):  # re-tabbed after Draw, which comes first
            self.tabifyDockWidget(self.docks["draw"], self.docks[key])
        self.tabifyDockWidget(self.docks["views"], self.docks["dataset"])
        self.docks["draw"].raise_()
        self.docks["views"].raise_()
        self.resizeDocks(
            [self.docks["draw"], self.docks["views"]], [340, 400], Qt.Orientation.Vertical
        )

    def _create_status_bar(self) -> None:
        status = self.statusBar()
        self.model_label = QLabel()
        self.model_label.setObjectName("modelStatus")
        self.dataset_label = QLabel()
        self.dataset_label.setObjectName("datasetStatus")
        self.engine_label = QLabel()
        self.engine_label.setObjectName("engineStatus")
        self.engine_progress = QProgressBar()
        self.engine_progress.setObjectName("engineProgress")
        self.engine_progress.setRange(0, 0)  # busy indicator: compile time is unknown
        self.engine_progress.setMaximumWidth(120)
        self.engine_progress.setMaximumHeight(14)
        self.engine_progress.setTextVisible(False)
        for widget in (self.model_label, self.dataset_label, self.engine_label):
            widget.setContentsMargins(8, 0, 8, 0)  # air between the permanent fields
        for widget in (self.model_label, self.dataset_label):
            status.addPermanentWidget(widget)
        status.addPermanentWidget(self.engine_progress)
        status.addPermanentWidget(self.engine_label)
        self._update_model_status()
        self._update_dataset_status()
        self._show_engine_state()

    # ============================================================================ panels
    def add_panel(
        self,
        key: str,
        title: str,
        widget: QWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        """Put `widget` in the dock `key` (made on first use, listed in View); returns the dock.

        Plugging a panel into an existing key (e.g. "network") replaces the placeholder there,
        keeping the dock's place in the layout.
        """
        dock = self.docks.get(key)
        if dock is not None:
            old = dock.widget()
            dock.setWidget(widget)
            dock.setWindowTitle(title)
            if old is not None and old is not widget:
                old.deleteLater()
            return dock
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{key}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.restoreDockWidget(dock)  # where the user left it, when it is added after start-up
        self.docks[key] = dock
        self.view_menu.insertAction(self._view_docks_end, dock.toggleViewAction())
        # Showing or hiding a panel by hand while one is maximized starts a new layout.
        dock.toggleViewAction().triggered.connect(lambda: self._end_maximized(restore=False))
        dock.toggleViewAction().triggered.connect(
            lambda shown, dock=dock: self._dock_chosen(dock, shown)
        )
        return dock

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab skip the panels behind another tab: Qt keeps those "visible"
        outside the window, and Shift+Tab from the pad went into the hidden Labs panel, where
        no focus could be seen."""
        moved = super().focusNextPrevChild(next)
        for _ in range(500):  # more than the window's focusable widgets
            focus = QApplication.focusWidget()
            # The dock, not the widget: one scrolled out of view lies outside the window too.
            if not moved or focus is None or not self._in_parked_dock(focus):
                break
            moved = super().focusNextPrevChild(next)
        return moved

    def _in_parked_dock(self, widget: QWidget) -> bool:
        """True when `widget` is inside a dock that is parked behind another tab."""
        return any(dock.isAncestorOf(widget) and parked(dock) for dock in self.docks.values())

    def _note_docks_behind(self) -> None:
        """As the View menu opens: which panels are open but behind another tab."""
        self._behind = {dock for dock in self.docks.values() if parked(dock)}

    def _dock_chosen(self, dock: QDockWidget, shown: bool) -> None:
        """View ▸ a panel: an open panel behind another tab comes to the front (the checked
        item had hidden it, and a second press brought it back still behind); a panel shown
        again comes to the front too."""
        if not shown and dock in self._behind:
            dock.show()
            dock.toggleViewAction().setChecked(True)
        if dock.isVisible():
            dock.raise_()

    def register_undo_stack(self, stack: QUndoStack, owner: QWidget) -> None:
        """Route Edit ▸ Undo/Redo to `stack` whenever the keyboard focus is inside `owner`."""
        self.undo_group.addStack(stack)
        self._undo_owners.append((stack, owner))

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        for key, dock in self.docks.items():
            if dock.isAncestorOf(new):
                self.current_dock = key
                break
        for stack, owner in self._undo_owners:
            if owner is new or owner.isAncestorOf(new):
                self.undo_group.setActiveStack(stack)
                return

    def reset_layout(self) -> None:
        """Put every dock back where it was when the window opened for the first time."""
        self._end_maximized(restore=False)
        self.restoreState(self._default_state)
        for dock in self.docks.values():
            dock.show()

    def toggle_maximized(self) -> None:
        """Give the whole window to the panel the keyboard focus is in (the canvas needs room on
        a laptop screen), or bring the other panels back where they were."""
        if self.maximized is not None:
            self._end_maximized(restore=True)
            return
        self.maximize(self.docks[self.current_dock])

    def maximize(self, dock: QDockWidget) -> None:
        """Give the whole window to `dock` until Maximize panel is pressed again."""
        self._end_maximized(restore=True)
        self._before_maximize = self.saveState()
        focus = QApplication.focusWidget()
        if dock.isFloating():  # docking a docked panel again moves the focus out of it
            dock.setFloating(False)
        for other in self.docks.values():
            if other is not dock:
                other.hide()
        dock.show()
        dock.raise_()
        # Hiding the other panels hands the focus on, possibly to a hidden one's widget (the
        # canvas: Ctrl+Z and Delete would then edit a network nobody sees). Keep it here.
        if focus is not None and dock.isAncestorOf(focus):
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        elif dock.widget() is not None:
            dock.widget().setFocus(Qt.FocusReason.OtherFocusReason)
        self.maximized = dock
        dock.visibilityChanged.connect(self._maximized_closed)
        self.maximize_action.setChecked(True)
        shortcut = self.maximize_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self._show_status(
            self.tr("{0} fills the window: {1} brings the other panels back").format(
                dock.windowTitle(), shortcut
            )
        )

    def _end_maximized(self, restore: bool) -> None:
        """Leave the maximized panel: back to the layout before it (restore) or as it is."""
        if self.maximized is None:
            return
        self.maximized.visibilityChanged.disconnect(self._maximized_closed)
        self.maximized = None
        self.maximize_action.setChecked(False)
        self.statusBar().clearMessage()  # "… fills the window" no longer holds
        if restore:
            self.restoreState(self._before_maximize)

    def _maximized_closed(self, visible: bool) -> None:
        """The maximized panel was closed (its title bar's ×): the others come back, without it,
        rather than leaving an empty window."""
        dock = self.maximized
        if visible or dock is None or not self.isVisible() or dock.isVisible():
            return
        self._end_maximized(restore=True)
        dock.hide()

    # ============================================================================ the network
    def set_network(
        self,
        net: Any,
        path: str | Path | None = None,
        modified: bool = False,
        *,
        show_architecture: bool = True,
    ) -> None:
        """Make `net` the current network (None: none); every panel follows `network_changed`.
        `modified`: it holds training not saved anywhere yet. `show_architecture`: put its
        architecture on the canvas (a model opened) or leave the canvas as it is."""
        self.network = net
        self.network_path = Path(path) if path is not None else None
        self.network_modified = bool(modified and net is not None)
        self._epoch_net.cancel()  # an epoch's copy still waiting must not replace `net`
        self.draw_panel.set_network(net)
        if show_architecture:
            self._show_canvas_architecture(net)
        self._update_model_status()
        self._update_title()
        self.network_changed.emit(net)

    def _on_network_built(self, net: Any) -> None:
        """The canvas built a fresh, untrained network: it becomes the current one."""
        self.set_network(net)
        self.docks["training"].raise_()  # what comes after building: training it
        self._show_status(self.tr("Built a new network with {0:,} parameters").format(net.n_params))

    def _bring_training_forward(self) -> None:
        dock = self.docks["training"]
        dock.show()
        dock.raise_()

    def _confirm_discard_trained(self) -> bool:
        """Before a freshly built network replaces the current one: stop a run, and offer to
        save training that is not in any file yet."""
        if not self.training_panel.confirm_stop(self.tr("build the new network")):
            return False
        return self.confirm_unsaved_training(self.tr("build the new network"))

    def confirm_unsaved_training(self, action: str) -> bool:
        """If the current network holds training not saved anywhere, ask: Save (then go on if
        it was saved), Discard, or Cancel. True when `action` may go ahead."""
        if not self.network_modified or self.network is None:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Save the trained network?"),
            self.tr(
                "The current network has been trained since it was last saved. If you {0} "
                "without saving, that training is lost."
            ).format(action),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("unsavedTrainingDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = self._ask(box)
        if answer == QMessageBox.StandardButton.Save:
            return self._choose_model_to_save()
        return answer == QMessageBox.StandardButton.Discard

    def _ask(self, box: QMessageBox) -> QMessageBox.StandardButton:
        """Run a question box and return the button pressed (tests replace this)."""
        return QMessageBox.StandardButton(box.exec())

    def _on_network_trained(self, net: Any) -> None:
        """A run ended: the freshly trained network reads the drawings from now on. The canvas
        stays as it is: edits made during the run were replaced by the trained architecture."""
        self.set_network(net, self.network_path, modified=True, show_architecture=False)
        result = self.training_panel.last_result
        if result is not None and result.diverged:
            self._show_status(
                self.tr(
                    "Training diverged: the draw pad uses the last weights before the cost "
                    "became infinite"
                )
            )
        else:
            self._show_status(self.tr("Training ended: the draw pad now uses the trained network"))

    def _on_epoch_finished(self, report: Any) -> None:
        """Each epoch's weights read the drawing at once, so the guess improves while it trains
        (the network being trained, and the current one, change only when the run ends); many
        quick epochs in a row are shown at the pace the draw pad keeps up with."""
        if report.net is not None:
            self._epoch_net.push(report)

    def _show_epoch_net(self, report: Any) -> None:
        if not self.training_controller.is_running():
            return  # the run ended meanwhile: the draw pad has the trained network already
        self.draw_panel.set_network(report.net)
        self._show_status(
            self.tr("The draw pad now reads with the network after epoch {0}").format(report.epoch)
        )

    def _probe_drawing(self, image: Any) -> None:
        """The drawing becomes the probe; a dataset image the draw panel shows was made the
        probe, with its own caption, by whoever sent it (the browser, the mistakes gallery)."""
        if self.draw_panel.shows_drawing():
            self.views_panel.set_probe(image)

    def _probe_dataset_image(self, image: Any, _label: int) -> None:
        self.views_panel.set_probe(
            image, self.dataset_browser.last_caption or self.tr("dataset image")
        )

    def _on_training_state(self, state: str) -> None:
        """Keep the Pause action in step with the trainer: usable only while a run is going or
        paused, checked while paused (no feedback loop)."""
        self.pause_action.blockSignals(True)
        self.pause_action.setChecked(state == "paused")
        self.pause_action.setEnabled(state in ("running", "paused"))
        self.pause_action.blockSignals(False)

    def _on_engine_state_for_labs(self, state: str) -> None:
        self.labs_panel.set_engine_ready(state == ENGINE_READY)

    def _on_engine_state_for_views(self, state: str) -> None:
        self.views_panel.set_engine_ready(state == ENGINE_READY)

    def _canvas_shows(self, net: Any, with_cost: bool = True) -> bool:
        """True when the canvas holds exactly `net`'s network (a broken canvas never does);
        with_cost=False: its architecture, whatever the cost."""
        from playground.engine.spec import normalize

        try:
            spec = normalize(self.network_panel.spec())
        except SpecError:
            return False
        if not with_cost:
            spec = {**spec, "cost": net.spec.get("cost")}
        return bool(spec == net.spec)

    def _compare_canvas(self, *_args: object) -> None:
        """Tell the Training panel whether the canvas holds another network than the current
        one (a student who loads a preset and presses Start would train the old network). A cost
        alone does not count: Start trains with the cost both panels show."""
        net = self.network
        differs = net is not None and not self._canvas_shows(net, with_cost=False)
        self.training_panel.set_canvas_differs(differs)

    def _on_training_cost(self, cost: str) -> None:
        """The Training panel's cost chosen: the canvas's network takes it too, undoably, when
        it is the one Start trains."""
        if self.network is not None and self._canvas_shows(self.network, with_cost=False):
            self.network_panel.set_cost(cost)

    def _on_canvas_cost(self, cost: str) -> None:
        """The inspector's cost changed: training the current network uses it, when the canvas
        shows that network."""
        if self.network is not None and self._canvas_shows(self.network, with_cost=False):
            self.training_panel.set_cost(cost)

    def _show_canvas_architecture(self, net: Any) -> None:
        """A loaded model shows its architecture on the canvas (unless it is already there)."""
        if net is None or self._canvas_shows(net):
            return
        # Undoable when the user has edited the canvas (their work stays one Undo away); over
        # the start-up preset nobody touched, Undo would bring back a network never asked for.
        edited = self.network_panel.undo_stack.count() > 0
        try:
            self.network_panel.set_spec(net.spec, undoable=edited)
        except SpecError as exc:  # a model whose spec the canvas cannot show: say so, keep going
            self._show_status(
                self.tr("The canvas cannot show this model: {0}").format(error_text(exc))
            )

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def open_model(self, path: str | Path, *, show_errors: bool = True) -> bool:
        """Load a model file and make it current; on failure show why and keep the current one."""
        path = Path(path)
        if not self.training_panel.confirm_stop(self.tr("open {0}").format(path.name)):
            return False
        if not self.confirm_unsaved_training(self.tr("open {0}").format(path.name)):
            return False
        try:
            from playground.engine import Network

            net = Network.load(path)
        except Exception as exc:  # any unreadable file: report it, never crash the window
            if show_errors:
                message = self.tr("{0} could not be loaded:\n\n{1}\n\nThe current model is kept.")
                if path.suffix.lower() == ".json":  # an architecture, not a model
                    message += "\n\n" + self.tr(
                        "A .json file holds a network architecture: open it with File ▸ Open "
                        "network architecture…"
                    )
                self.show_error(
                    self.tr("Cannot open the model"), message.format(path.name, error_text(exc))
                )
            return False
        self.set_network(net, path)
        self._remember("recent/models", str(path))
        self.settings.setValue("files/last_model_dir", str(path.parent))
        return True

    def open_model_in_background(self, path: str | Path) -> None:
        """Load a model file off the UI thread (start-up: the window shows before Numba loads)."""
        path = Path(path)

        def load() -> Any:
            from playground.engine import Network

            return Network.load(path)

        self.model_label.setText(self.tr("Model: loading {0}…").format(path.name))
        self._watch(
            BackgroundJob(load, "load-model").start(), partial(self._on_model_loaded, path=path)
        )

    def _on_model_loaded(self, job: BackgroundJob, *, path: Path) -> None:
        if job.error is None:
            if self.network is None:  # the user may have opened another model meanwhile
                self.set_network(job.result, path)
            self.restore_canvas()
            return
        self._update_model_status()
        self.restore_canvas()
        self.show_error(
            self.tr("Cannot open the model"),
            self.tr("{0} could not be loaded:\n\n{1}").format(path.name, error_text(job.error)),
        )

    def save_model(self, path: str | Path) -> bool:
        """Save the current network to `path` (.npz); False (and a dialog) when it fails."""
        path = Path(path)
        if self.network is None:
            self.show_error(self.tr("Nothing to save"), self.tr("There is no model to save yet."))
            return False
        try:
            self.network.save(path)
        except Exception as exc:  # disk full, no permission, ...
            self.show_error(
                self.tr("Cannot save the model"),
                self.tr("{0} could not be written:\n\n{1}").format(path.name, error_text(exc)),
            )
            return False
        self._on_model_saved(path)
        self.statusBar().showMessage(self.tr("Saved {0}").format(path.name), 4000)
        return True

    # ============================================================================ datasets
    def set_dataset(self, dataset: Any, path: str | Path | None = None) -> None:
        """Make `dataset` current: browse it, label the bars, tell other panels."""
        self.dataset = dataset
        self.dataset_path = Path(path) if path is not None else None
        self.dataset_browser.set_dataset(dataset)
        self.draw_panel.set_class_names(list(dataset.class_names))
        self.network_panel.set_dataset_classes(dataset.n_classes)
        self.network_panel.set_dataset_input(dataset.image_shape)
        self._update_dataset_status()
        self.dataset_changed.emit(dataset)

    def open_dataset(self, folder: str | Path, *, show_errors: bool = True) -> bool:
        """Load a folder with the four IDX files; on failure show why and keep the current one."""
        folder = Path(folder)
        try:
            from playground.data import load_idx_folder

            dataset = load_idx_folder(folder)
        except Exception as exc:  # bad files: explain, keep what we have
            if show_errors:
                self.show_error(
                    self.tr("Cannot open the dataset"),
                    self.tr(
                        "{0} could not be loaded as a dataset:\n\n{1}\n\nA dataset folder holds "
                        "four IDX files: training images and labels, test images and labels "
                        "(as MNIST's train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                        "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, optionally .gz)."
                    ).format(folder.name, error_text(exc)),
                )
            return False
        self.set_dataset(dataset, folder)
        self._remember("recent/datasets", str(folder))
        self.settings.setValue("files/last_dataset_dir", str(folder.parent))
        return True

    def load_builtin_dataset(self) -> None:
        """Load the shipped MNIST in the background and browse it when it is ready."""
        job = builtin_dataset_job()
        if job.done and job.error is None:
            self.set_dataset(job.result)
            return
        self.dataset_browser.show_message(self.tr("Loading the built-in MNIST…"))
        self.dataset_label.setText(self.tr("Dataset: loading MNIST…"))
        self._watch(job, self._on_builtin_loaded)

    def _on_builtin_loaded(self, job: BackgroundJob) -> None:
        if job.error is not None:
            self.dataset_browser.show_message(
                self.tr("The built-in MNIST could not be loaded: {0}").format(job.error_text)
            )
            self._update_dataset_status()
            return
        if self.dataset is None:  # the user may have opened another dataset meanwhile
            self.set_dataset(job.result)

    # ============================================================================ engine
    def start_engine_warmup(self) -> None:
        """Compile the engine's kernels in the background; predictions wait until they are ready."""
        job = warmup_job()
        if job.done:
            self._on_warmup_finished(job)
            return
        self.set_engine_state(ENGINE_WARMING)
        self._watch(job, self._on_warmup_finished)

    def _on_warmup_finished(self, job: BackgroundJob) -> None:
        if job.error is None:
            self.set_engine_state(ENGINE_READY)
        else:
            self.set_engine_state(ENGINE_FAILED, job.error_text)

    def set_engine_state(self, state: str, detail: str = "") -> None:
        """Show the engine state ("warming", "ready", "failed") and let predictions follow."""
        self.engine_state = state
        self._engine_detail = detail
        self._show_engine_state()
        if state == ENGINE_READY:
            run_engine_serially_on_this_thread()  # before the labs and views run networks here
            self.draw_panel.set_engine_ready(True)
        elif state == ENGINE_FAILED:
            self.draw_panel.set_engine_ready(
                False, self.tr("The engine failed to start: {0}").format(detail)
            )
        else:
            self.draw_panel.set_engine_ready(
                False, self.tr("The engine is warming up; your drawing is read once it is ready")
            )
        self.engine_state_changed.emit(state)

    def is_engine_ready(self) -> bool:
        """True once the kernels are compiled (or the window was built without warm-up)."""
        return self.engine_state == ENGINE_READY

    def _show_engine_state(self) -> None:
        state = self.engine_state
        self.engine_progress.setVisible(state == ENGINE_WARMING)
        if state != ENGINE_WARMING:
            self._warm_ticker.stop()
        elif not self._warm_ticker.isActive():
            self._warm_clock.start()
            self._warm_ticker.start()
        if state == ENGINE_WARMING:
            seconds = self._warm_clock.elapsed() // 1000
            # A start with the kernels on disk takes a second or two: no count for that.
            text = (
                self.tr("Engine: warming up… {0} s").format(seconds)
                if seconds >= 2
                else self.tr("Engine: warming up…")
            )
            self.engine_label.setText(text)
            self.engine_label.setToolTip(
                self.tr(
                    "Compiling the engine's kernels: about half a minute on a first run, a "
                    "second or two later (they are kept on disk)"
                )
            )
        elif state == ENGINE_READY:
            self.engine_label.setText(self.tr("Engine: ready"))
            self.engine_label.setToolTip(self.tr("The engine's kernels are compiled"))
        else:
            self.engine_label.setText(self.tr("Engine: failed"))
            self.engine_label.setToolTip(self._engine_detail)

    def _watch(self, job: BackgroundJob, on_finished: Callable[[BackgroundJob], None]) -> None:
        """Call `on_finished(job)` on the UI thread once `job` has ended (if the window lives)."""

        def finished(done: BackgroundJob) -> None:
            self._watchers = [w for w in self._watchers if w.job is not done]
            on_finished(done)

        self._watchers.append(JobWatcher(job, finished, self))

    # ============================================================================ dialogs
    def show_error(self, title: str, text: str) -> QMessageBox:
        """Show an error without blocking (window-modal); the last one stays in `error_dialog`."""
        # One box at a time, deleted when the next comes. Not WA_DeleteOnClose: together with a
        # `destroyed` connection that crashes PySide6, and `error_dialog` must stay valid.
        if self.error_dialog is not None:
            self.error_dialog.close()
            self.error_dialog.deleteLater()
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorDialog")
        self.error_dialog = box
        box.open()
        return box

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every key the window answers, read off the live actions
        where there is one, so the list cannot drift from the keys."""

        def keys(action: QAction) -> str:
            return ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )

        def named(*combos: Any) -> str:  # keys the canvas reads itself, named as Qt names them
            return ", ".join(
                QKeySequence(c).toString(QKeySequence.SequenceFormat.NativeText) for c in combos
            )

        def what(action: QAction) -> str:  # the menu text without its accelerator mark
            text = re.sub(r"\(&[^)]\)", "", action.text())  # Chinese style: 打开模型(&O)
            return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

        panel = self.training_panel
        canvas = self.network_panel
        rows = [
            (keys(a), what(a))
            for a in (
                self.open_model_action,
                self.save_model_action,
                self.open_dataset_action,
                self.quit_action,
            )
        ]
        # Not the actions' texts: those name whatever the focused panel would undo next.
        rows.append((keys(self.undo_action), self.tr("Undo (in the panel with the focus)")))
        rows.append((keys(self.redo_action), self.tr("Redo (in the panel with the focus)")))
        rows.append((keys(self.clear_action), self.tr("Clear the drawing (on the draw pad)")))
        rows += [
            (keys(a), what(a))
            for a in (panel.start_action, self.pause_action, panel.step_action, panel.stop_action)
        ]
        rows.append(
            (keys(panel.copy_rows_action), self.tr("Copy the selected epochs (Training's table)"))
        )
        rows += [
            (keys(canvas.build_action), self.tr("Build the canvas's network (Network panel)")),
            (keys(canvas.fit_action), self.tr("Fit the network in view (Network panel)")),
            (named(Qt.Key.Key_Delete), self.tr("Remove the selected block (canvas)")),
            (
                named(Qt.Key.Key_Up, Qt.Key.Key_Down),
                self.tr("Select the previous or next block (canvas)"),
            ),
            (
                named(Qt.Modifier.ALT | Qt.Key.Key_Up, Qt.Modifier.ALT | Qt.Key.Key_Down),
                self.tr("Move the selected block along the chain"),
            ),
            (
                self.tr("Ctrl+wheel")
                + ", "
                + named(Qt.Modifier.CTRL | Qt.Key.Key_Plus)
                + ", "
                + named(Qt.Modifier.CTRL | Qt.Key.Key_Minus),
                self.tr("Zoom the canvas"),
            ),
            (keys(self.maximize_action), what(self.maximize_action)),
            (keys(self.shortcuts_action), self.tr("This list")),
        ]
        return rows

    def show_shortcuts(self) -> QDialog:
        """A window listing the keyboard shortcuts (Help > Keyboard shortcuts, F1)."""
        dialog = QDialog(self)
        dialog.setObjectName("shortcutsDialog")
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        rows = self.shortcut_rows()
        table = QTableWidget(len(rows), 2, dialog)
        table.setTabKeyNavigation(False)  # Tab reaches Close rather than cycle the cells
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        for i, (key, text) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(key))
            table.setItem(i, 1, QTableWidgetItem(text))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.close)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(560, 520)
        dialog.show()
        return dialog

    def show_about(self) -> QMessageBox:
        """The About box, with the credit for MNIST and for the book the app follows."""
        text = self.tr(
            "<h3>Playground {0}</h3>"
            "<p>Draw a digit and watch a neural network read it; build networks, train them "
            "and look inside.</p>"
            "<p>The handwritten digits are the <b>MNIST database</b> by Yann LeCun, Corinna "
            "Cortes and Christopher J. C. Burges, made from NIST's Special Databases 1 and 3.</p>"
            "<p>The networks and their notation follow Michael Nielsen's <i>Neural Networks and "
            "Deep Learning</i>.</p>"
        ).format(playground.__version__)
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            self.tr("About Playground"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("aboutDialog")
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def restart(self) -> bool:
        """Close (asking about a running or unsaved training, as closing does) and start
        Playground again with the same command line: a new language applies at start."""
        if not self.close():
            return False
        self.settings.sync()
        # PLAYGROUND_LANG overrides the saved language for one run; inherited, it would bring
        # the new window back in the language just left.
        os.environ.pop("PLAYGROUND_LANG", None)
        started = QProcess.startDetached(sys.executable, list(sys.argv), os.getcwd())
        ok = started[0] if isinstance(started, tuple) else bool(started)
        if not ok:  # the window is closed already: a box of its own says so before the app ends
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Restart"),
                self.tr(
                    "Playground could not start itself again. Please start it yourself: "
                    "the new language is saved and applies then."
                ),
                QMessageBox.StandardButton.Ok,
            )
            box.setObjectName("restartFailedDialog")
            self._ask(box)
        return ok

    def _choose_model_to_open(self) -> None:
        start = self.settings.value("files/last_model_dir", str(DEFAULT_MODEL.parent))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open model"),
            str(start),
            self.tr("Playground models (*.npz);;All files (*)"),
        )
        if path:
            self.open_model(path)

    def _on_model_saved(self, path: str | Path) -> None:
        """The current network is now in `path` (saved here or by the Training panel)."""
        path = Path(path)
        self.network_path = path
        self.network_modified = False
        self._update_model_status()
        self._update_title()
        self._remember("recent/models", str(path))
        self.settings.setValue("files/last_model_dir", str(path.parent))

    def _choose_model_to_save(self) -> bool:
        """Ask where to save the current network and save it; True when it was saved."""
        if self.network is None:
            self.show_error(self.tr("Nothing to save"), self.tr("There is no model to save yet."))
            return False
        start = self.settings.value("files/last_model_dir", str(Path.home()))
        name = self.network_path.name if self.network_path is not None else "model.npz"
        path = ask_save_path(
            self,
            self.tr("Save model"),
            str(Path(str(start)) / name),
            self.tr("Playground models (*.npz)"),
            ".npz",
        )
        if not path:
            return False
        return self.save_model(path)

    def _choose_dataset_folder(self) -> None:
        start = self.settings.value("files/last_dataset_dir", str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open dataset folder"), str(start))
        if folder:
            self.open_dataset(folder)

    # ============================================================================ export
    def export_png(self, widget: QWidget, path: str | Path) -> bool:
        """Save a picture of `widget` (a panel, or the whole window) as a PNG file."""
        ok = save_widget_png(widget, path)
        if ok:
            self.statusBar().showMessage(self.tr("Exported {0}").format(Path(path).name), 4000)
        else:
            self.show_error(
                self.tr("Cannot export"), self.tr("{0} could not be written.").format(path)
            )
        return ok

    def _fill_export_menu(self) -> None:
        self.export_menu.clear()
        for key, dock in self.docks.items():
            if dock.isVisible():
                action = self.export_menu.addAction(dock.windowTitle().replace("&", "&&"))
                action.setData(key)
        self.export_menu.addSeparator()
        self.export_menu.addAction(self.tr("Whole window")).setData("")

    def _on_export_chosen(self, action: QAction) -> None:
        key = action.data()
        if key:
            dock = self.docks[key]
            self._choose_export(dock.widget(), dock.windowTitle())
        elif key == "":
            self._choose_export(self, "window")

    def _choose_export(self, widget: QWidget, name: str) -> None:
        start = Path(str(self.settings.value("files/last_export_dir", str(Path.home()))))
        path = ask_save_path(
            self,
            self.tr("Export view as PNG"),
            str(start / f"{name.lower()}.png"),
            self.tr("PNG images (*.png)"),
            ".png",
        )
        if path:
            self.settings.setValue("files/last_export_dir", str(Path(path).parent))
            self.export_png(widget, path)

    # ============================================================================ settings
    def recent(self, key: str) -> list[str]:
        """The remembered paths under `key` ("recent/models" or "recent/datasets"), newest first."""
        value = self.settings.value(key, [])
        if isinstance(value, str):
            value = [value] if value else []
        if not isinstance(value, list | tuple):  # an int from the registry or a hand edit
            return []
        return [v for v in value if isinstance(v, str) and v]

    def _remember(self, key: str, path: str) -> None:
        paths = [path, *[p for p in self.recent(key) if p != path]][:MAX_RECENT]
        self.settings.setValue(key, paths)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for key in ("recent/models", "recent/datasets"):
            for path in self.recent(key):
                action = self.recent_menu.addAction(Path(path).name.replace("&", "&&"))
                action.setToolTip(path)
                action.setStatusTip(path)
                action.setData((key, path))
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.tr("Clear the list")).setData(("clear", ""))

    def _on_recent_chosen(self, action: QAction) -> None:
        data = action.data()
        if not data:
            return
        key, path = data
        if key == "clear":
            self._clear_recent()
            return
        opened = self.open_model(path) if key == "recent/models" else self.open_dataset(path)
        if not opened and not Path(path).exists():  # gone: it stayed listed, failing each time
            self.settings.setValue(key, [p for p in self.recent(key) if p != path])

    def _clear_recent(self) -> None:
        self.settings.remove("recent/models")
        self.settings.remove("recent/datasets")

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        # Qt refuses a geometry saved on a screen of another size: the window then kept a
        # 1400x900 size on a 1024x768 screen. Such a start sizes (and lays out) as a first one.
        restored = (
            isinstance(geometry, QByteArray)
            and not geometry.isEmpty()
            and bool(self.restoreGeometry(geometry))
        )
        if not restored:  # first start: 1400x900 or 90% of a smaller screen, centred
            screen = self.screen() or QApplication.primaryScreen()
            area = screen.availableGeometry() if screen is not None else None
            if area is not None and area.width() > 0:
                # Never below the layout's minimum (on a 1366x768 laptop 90% of the height is
                # less): centre the size the window will really have, and keep its top on screen.
                least = self.minimumSizeHint()
                self.resize(
                    max(least.width(), min(1400, area.width() * 9 // 10)),
                    max(least.height(), min(900, area.height() * 9 // 10)),
                )
                frame = self.frameGeometry()
                frame.moveCenter(area.center())
                frame.moveTop(max(frame.top(), area.top()))
                frame.moveLeft(max(frame.left(), area.left()))
                self.move(frame.topLeft())
            else:
                self.resize(1400, 900)
        state = self.settings.value("window/state")
        if restored and isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
            if self.docks["network"] in self.tabifiedDockWidgets(self.docks["draw"]):
                # The compact layout: Draw gets the window's width when in front. Arranged now,
                # before the window shows, the first size counts on the right minimum height.
                self.draw_panel.arrange_for_width(self.width() - DOCK_MARGINS)
                self.draw_panel.updateGeometry()

    def save_settings(self) -> None:
        """Remember the window's geometry and dock layout for the next start."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        # A maximized panel is a moment's view: the layout kept is the one it will go back to.
        state = self._before_maximize if self.maximized is not None else self.saveState()
        self.settings.setValue("window/state", state)
        # The canvas is the user's work too: kept when it holds another network than the
        # current one (closing, or a restart into another language, had dropped it).
        canvas = json.dumps(self.network_panel.spec())
        if self._saved_canvas is not None and not self.network_panel.undo_stack.count():
            pass  # closed before start-up ended, the canvas untouched: last session's stays
        elif canvas == self._canvas_at_start:
            pass  # not changed here: another window's canvas, kept meanwhile, stays
        elif self.network is None or not self._canvas_shows(self.network):
            self.settings.setValue("canvas/spec", canvas)
        else:
            self.settings.remove("canvas/spec")
        self.settings.sync()

    def restore_canvas(self) -> None:
        """At the end of start-up (the model loaded, or failed, or none to load): the canvas
        the last session closed with, one canvas Undo above the model's architecture. Once:
        a model opened later shows its own architecture."""
        text = self._saved_canvas
        self._saved_canvas = None
        self._restore_saved(text)
        # What closing compares with: a canvas this window never changed is not written back
        # (a second window had overwritten the first's kept canvas with a stale one).
        self._canvas_at_start = json.dumps(self.network_panel.spec())

    def _restore_saved(self, text: str | None) -> None:
        """Put the kept canvas `text` (JSON) on the canvas, unless the user has started."""
        if not text or self.network_panel.undo_stack.count():
            return  # nothing kept, or the user has started on the canvas meanwhile
        undoable = self.network is not None and self._canvas_shows(self.network)
        try:
            spec = json.loads(text)
            if undoable:
                self.network_panel.set_spec(spec, self.tr("Restore the last session's canvas"))
            else:
                self.network_panel.set_spec(spec, undoable=False)
        except (ValueError, TypeError, RecursionError, SpecError) as exc:
            # Not a canvas this version can show: the model's architecture stays, and says why
            # (it was dropped without a word).
            self._show_status(
                self.tr("Last session's canvas could not be shown: {0}").format(error_text(exc))
            )
            return
        self._show_status(
            self.tr("The canvas is as you left it; the canvas's Undo shows the model's network")
            if undoable
            else self.tr("The canvas is as you left it")
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.training_panel.confirm_stop(self.tr("close Playground")):
            event.ignore()
            return
        if not self.confirm_unsaved_training(self.tr("close Playground")):
            event.ignore()
            return
        self.training_panel.shutdown()
        self.views_panel.shutdown()
        self.save_settings()
        super().closeEvent(event)

    # ============================================================================ status
    def _update_model_status(self) -> None:
        if self.network is None:
            self.model_label.setText(self.tr("Model: none"))
            self.model_label.setToolTip(self.tr("Open a model (Ctrl+O) or train one"))
            return
        name = self.network_path.name if self.network_path is not None else self.tr("unsaved")
        self.model_label.setText(self.tr("Model: {0}").format(name + self._modified_mark()))
        n_params = getattr(self.network, "n_params", None)
        tip = str(self.network_path) if self.network_path is not None else ""
        if self.network_modified:
            tip += ("\n" if tip else "") + self.tr("Trained since it was last saved (Ctrl+S)")
        if isinstance(n_params, int):
            tip += ("\n" if tip else "") + self.tr("{0} parameters").format(f"{n_params:,}")
        self.model_label.setToolTip(tip)

    def _update_dataset_status(self) -> None:
        if self.dataset is None:
            self.dataset_label.setText(self.tr("Dataset: none"))
            self.dataset_label.setToolTip("")
            return
        self.dataset_label.setText(self.tr("Dataset: {0}").format(self.dataset.name))
        self.dataset_label.setToolTip(str(self.dataset_path) if self.dataset_path else "")

    def _update_title(self) -> None:
        if self.network is None:
            self.setWindowTitle(self.tr("Playground"))
        else:
            name = self.network_path.name if self.network_path is not None else self.tr("unsaved")
            self.setWindowTitle(self.tr("Playground — {0}").format(name + self._modified_mark()))

    def _modified_mark(self) -> str:
        """The asterisk that marks unsaved training, as editors mark unsaved text."""
        return "*" if self.network_modified else ""
