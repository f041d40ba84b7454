"""The training panel: hyperparameters, Start / Pause / Step / Stop, progress, Save model.

It trains a copy of the current network in the controller's worker thread, so the draw pad keeps
reading the old weights undisturbed; when the run ends it hands the trained network over with
`network_trained`, and the window makes it current (the drawn digit is then read by it).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.engine import Network
from playground.engine.training import (
    TrainingSettings,
    best_epoch,
    chance_accuracy,
    near_chance,
    too_early_to_judge,
)
from playground.ui.dialogs import ask_save_path
from playground.ui.names import cost_label, error_text, percent
from playground.ui.training.controller import (
    IDLE,
    PAUSED,
    RUNNING,
    STOPPING,
    TRAIN_ACCURACY_SAMPLE,
    EpochReport,
    RunResult,
    Snapshot,
    TrainingController,
)

COSTS = ("quadratic", "cross-entropy", "log-likelihood")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingPanel", text)


def format_duration(seconds: float | None) -> str:
    """A short human duration in the interface language: "42 s", "3 min 05 s", "1 h 12 min"."""
    if seconds is None or not math.isfinite(seconds):
        return "–"
    seconds = max(0, round(seconds))
    if seconds < 60:
        return _tr("{0} s").format(seconds)
    minutes, s = divmod(seconds, 60)
    if minutes < 60:
        return _tr("{0} min {1:02d} s").format(minutes, s)
    hours, minutes = divmod(minutes, 60)
    return _tr("{0} h {1:02d} min").format(hours, minutes)


def format_seconds(seconds: float) -> str:
    """An epoch's time to a tenth of a second, "12.3 s", its unit never wrapped to a line of
    its own (a no-break space: a narrow panel showed "(0.0" and "s)" on two lines)."""
    return _tr("{0} s").format(f"{seconds:.1f}").replace(" ", "\u00a0")


def _spec_key(spec: dict[str, Any]) -> str:
    """The architecture part of a spec: a network with the same key keeps the user's settings."""
    return json.dumps({k: v for k, v in spec.items() if k != "cost"}, sort_keys=True)


#: Pixels between the notes under the progress bar.
NOTE_SPACING = 2
#: From this width on the settings take three columns (two rows fewer).
WIDE_FORMS = 900


class ShrinkingLabel(QScrollArea):
    """A wrapped note that asks for up to `max_lines` lines and gives way down to one,
    scrolling the rest, and hides while it has nothing to say. As plain labels, the status
    line after a run near chance and the canvas note made the window grow past a 720 px
    screen.
    """

    #: The label is about to appear, or has hidden: its panel gives or takes back a line.
    shown_changed = Signal()

    def __init__(self, max_lines: int) -> None:
        super().__init__()
        self.max_lines = max_lines
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()  # until it has something to say

    def text(self) -> str:
        """The whole text, shown or scrolled."""
        return self.label.text()

    def setText(self, text: str) -> None:
        was_shown, show = not self.isHidden(), bool(text)
        self.label.setText(text)
        if show and not was_shown:  # the room first, then the note: the window never grows
            self.shown_changed.emit()
        self.setVisible(show)
        self.updateGeometry()
        if was_shown and not show:
            self.shown_changed.emit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # the wrapped text's height follows the width

    def line_height(self, text: str | None = None) -> int:
        """One line of this text (or `text`) as laid out: a Chinese line, drawn in a fallback
        font, is 18 px where the Latin font's line spacing says 14; one line showed its top."""
        first = (self.label.text() if text is None else text).split("\n", 1)[0] or "M"
        layout = QTextLayout(first, self.label.font())
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e6)
        layout.endLayout()
        return max(self.label.fontMetrics().lineSpacing(), math.ceil(line.height()))

    def sizeHint(self) -> QSize:
        """As tall as the wrapped text, up to `max_lines` lines."""
        cap = self.max_lines * self.line_height()
        width = max(self.width(), 1)
        need = self.label.heightForWidth(width)
        if need > cap:  # the scroll bar then takes its width from the text
            need = self.label.heightForWidth(
                max(width - self.verticalScrollBar().sizeHint().width(), 1)
            )
        return QSize(super().sizeHint().width(), max(min(need, cap), self.line_height()))

    def minimumSizeHint(self) -> QSize:
        """One line: the rest scrolls when the panel is short."""
        return QSize(super().minimumSizeHint().width(), self.line_height())


class _EpochTable(QTableWidget):
    """The epoch table: Ctrl+C asks for whole rows (copy_requested) instead of copying the
    current cell's text, which QAbstractItemView does with the key before a shortcut sees it."""

    copy_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TrainingPanel(QWidget):
    """Controls for a training run and its progress; the Start button is `trainButton`.

    Signals: `network_trained(net)` when a run ends (stopped, finished or diverged: the weights
    are finite) with the trained Network, which the window should make current.
    Methods: `set_network`, `set_dataset`, `start`, `pause`, `resume`, `step`, `stop`,
    `set_paused(bool)` (the window's Pause action), `is_running`, `confirm_stop`, `save_model`,
    `shutdown` (call from the window's closeEvent).
    """

    network_trained = Signal(object)
    #: The current network was saved to this path (the window then drops its unsaved mark).
    model_saved = Signal(object)
    #: The user chose this cost (by its spec name) in the panel; not sent by `set_cost`.
    cost_chosen = Signal(str)

    def __init__(self, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self.controller = controller
        self.network: Network | None = None
        self.dataset: Any = None
        self.message_box: QMessageBox | None = None
        self.last_message = ""
        self.last_result: RunResult | None = None
        self._spec_key: str | None = None
        self._starting = False
        self._run_epochs = 0  # settings.epochs of the current or last run
        self._run_before = 0  # epochs its network had before it
        self._epoch_summary: str | None = None  # the status line of the run's last epoch
        self._table_history: list[dict[str, Any]] = []  # what the epoch table shows
        self._build()
        controller.state_changed.connect(self._on_state)
        controller.snapshot_ready.connect(self._on_snapshot)
        controller.epoch_finished.connect(self._on_epoch)
        controller.diverged.connect(self._on_diverged)
        controller.training_failed.connect(self._on_failed)
        controller.training_finished.connect(self._on_finished)
        self._on_state(controller.state)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        tr = self.tr
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setObjectName("epochsSpin")
        self.epochs_spin.setRange(1, 10_000)
        self.epochs_spin.setToolTip(tr("How many times to go through the training images"))

        self.batch_spin = QSpinBox()
        self.batch_spin.setObjectName("batchSizeSpin")
        self.batch_spin.setRange(1, 60_000)
        self.batch_spin.setToolTip(
            tr("Images per mini-batch: the gradient is averaged over them before each step")
        )

        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setObjectName("learningRateSpin")
        self.lr_spin.setDecimals(4)
        self.lr_spin.setRange(0.0001, 1000.0)
        self.lr_spin.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr_spin.setToolTip(
            tr(
                "Learning rate η: the size of each step down the gradient. Can change while "
                "training runs; it takes effect at the next mini-batch."
            )
        )

        self.momentum_spin = QDoubleSpinBox()
        self.momentum_spin.setObjectName("momentumSpin")
        self.momentum_spin.setDecimals(3)
        self.momentum_spin.setRange(0.0, 0.999)
        self.momentum_spin.setSingleStep(0.05)
        self.momentum_spin.setToolTip(
            tr(
                "Momentum μ: how much of the previous step carries into the next (0 = plain SGD). "
                "Can change while training runs."
            )
        )

        self.l2_spin = QDoubleSpinBox()
        self.l2_spin.setObjectName("l2Spin")
        self.l2_spin.setDecimals(3)
        self.l2_spin.setRange(0.0, 1000.0)
        self.l2_spin.setSingleStep(0.1)
        self.l2_spin.setToolTip(
            tr(
                "L2 regularisation λ: shrinks the weights a little at every step, which fights "
                "overfitting. Can change while training runs."
            )
        )

        self.cost_combo = QComboBox()
        self.cost_combo.setObjectName("costCombo")
        for key in COSTS:
            self.cost_combo.addItem(cost_label(key), key)
        self.cost_combo.activated.connect(lambda _i: self.cost_chosen.emit(self.cost()))
        self.cost_combo.setToolTip(
            tr(
                "The cost the network minimises. Cross-entropy and log-likelihood learn fast "
                "even when a sigmoid or softmax output is badly wrong; the quadratic cost slows "
                "down there."
            )
        )

        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("seedSpin")
        self.seed_spin.setRange(0, 2_147_483_647)
        self.seed_spin.setToolTip(
            tr(
                "Seed of the random order of the images (and of fresh weights): the same seed "
                "repeats a run exactly"
            )
        )

        self.subset_spin = QSpinBox()
        self.subset_spin.setObjectName("subsetSpin")
        self.subset_spin.setRange(0, 60_000)
        self.subset_spin.setSingleStep(1000)
        self.subset_spin.setSpecialValueText(tr("all"))
        self.subset_spin.setToolTip(
            tr(
                "Train on the first N training images only (all: the whole training set). "
                "A small subset runs fast but overfits."
            )
        )

        self.fresh_check = QCheckBox(tr("Start from new random weights"))
        self.fresh_check.setObjectName("freshWeightsCheck")
        self.fresh_check.setToolTip(
            tr(
                "Off: continue from the current weights. On: draw new random weights from the seed "
                "first."
            )
        )

        self.train_button = QPushButton(tr("Start"))
        self.train_button.setObjectName("trainButton")
        self.train_button.setToolTip(tr("Train the current network on the dataset"))
        self.train_button.clicked.connect(self.start)
        self.pause_button = QPushButton(tr("Pause"))
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.setToolTip(tr("Hold training between two mini-batches, or go on"))
        self.pause_button.clicked.connect(self._toggle_pause)
        self.step_button = QPushButton(tr("Step"))
        self.step_button.setObjectName("stepButton")
        self.step_button.setToolTip(tr("While paused: run exactly one more mini-batch"))
        self.step_button.clicked.connect(self.step)
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setToolTip(
            tr("End training after the current mini-batch and keep the weights learnt so far")
        )
        self.stop_button.clicked.connect(lambda: self.stop(wait=False))
        # The same commands for the window's Training menu, with keys (as a debugger's: F5 runs,
        # F10 steps, Shift+F5 stops); enabled exactly when their buttons are.
        self.start_action = QAction(tr("&Start training"), self)
        self.start_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.start_action.triggered.connect(self.train_button.click)
        self.step_action = QAction(tr("S&tep one mini-batch"), self)
        self.step_action.setShortcut(QKeySequence(Qt.Key.Key_F10))
        self.step_action.triggered.connect(self.step_button.click)
        self.stop_action = QAction(tr("St&op training"), self)
        self.stop_action.setShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F5))
        self.stop_action.triggered.connect(self.stop_button.click)
        for action, button in (
            (self.start_action, self.train_button),
            (self.step_action, self.step_button),
            (self.stop_action, self.stop_button),
        ):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setStatusTip(button.toolTip())
            button.setToolTip(
                tr("{0} ({1})").format(
                    button.toolTip(),
                    action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
        self.save_button = QPushButton(tr("Save model…"))
        self.save_button.setObjectName("saveModelButton")
        self.save_button.setToolTip(tr("Save the trained network with its training history"))
        self.save_button.clicked.connect(self._choose_save_path)

        self.progress = QProgressBar()
        self.progress.setObjectName("trainingProgress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(tr("Not training"))
        self.progress.setToolTip(tr("Epoch, speed and the time left"))
        self.status_label = ShrinkingLabel(3)
        self.status_label.setObjectName("trainingStatus")
        # Start trains the current network, not the canvas: say so when the two differ.
        self.canvas_hint = ShrinkingLabel(2)
        self._canvas_hint_text = tr(
            "ⓘ The canvas shows another network. Start trains the current one; to train "
            "the canvas's, press Build network (Ctrl+B) first."
        )
        self.canvas_hint.setObjectName("canvasDiffersHint")
        self.canvas_hint.label.setStyleSheet("color: #1565c0;")

        self.epoch_table = self._make_epoch_table()

        self._fields: list[tuple[QLabel, QWidget]] = []
        for text, field in (
            (tr("Epochs"), self.epochs_spin),
            (tr("Mini-batch"), self.batch_spin),
            (tr("Learning rate η"), self.lr_spin),
            (tr("Momentum μ"), self.momentum_spin),
            (tr("L2 λ"), self.l2_spin),
            (tr("Cost"), self.cost_combo),
            (tr("Seed"), self.seed_spin),
            (tr("Training images"), self.subset_spin),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            self._fields.append((label, field))
        self.forms = forms = QGridLayout()
        self.form_columns = 0
        self._flow_forms(2)
        buttons = QHBoxLayout()
        for b in (self.train_button, self.pause_button, self.step_button, self.stop_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(forms)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        notes = QVBoxLayout()
        notes.setSpacing(NOTE_SPACING)
        notes.addWidget(self.canvas_hint)  # under Start, not below an empty status line
        notes.addWidget(self.status_label)
        layout.addLayout(notes)
        layout.addWidget(self.epoch_table, 1)  # the room under the controls, as a run's log
        self._table_least = self.epoch_table.minimumHeight()
        for note in (self.canvas_hint, self.status_label):
            note.shown_changed.connect(self._give_notes_room)
        self._give_notes_room()

        for spin, key in (
            (self.lr_spin, "lr"),
            (self.momentum_spin, "momentum"),
            (self.l2_spin, "l2"),
        ):
            # Typed values count once complete (Enter, Tab or the arrows): keystroke by keystroke,
            # "150" trained ~100 mini-batches each at η = 1 and 15 on its way, and could diverge.
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, k=key: self._on_live_setting(k, v))
        self.set_settings(TrainingSettings())

    def _make_epoch_table(self) -> QTableWidget:
        """One row per finished epoch of the network's history, as the book prints its runs;
        the best validation accuracy in bold (the epoch the book would report)."""
        tr = self.tr
        columns = (
            (tr("Epoch"), tr("Epochs count on from a loaded model's history")),
            (tr("Mean cost"), tr("The training cost, averaged over the epoch's images")),
            (
                tr("Training"),
                tr("Accuracy on the first {0:,} training images (all of them, if fewer)").format(
                    TRAIN_ACCURACY_SAMPLE
                ),
            ),
            (tr("Validation"), tr("Accuracy on the validation images")),
            (tr("Test"), tr("Accuracy on the test images")),
            (
                tr("Seconds"),
                tr(
                    "How long the epoch's mini-batches took (the accuracy checks after them "
                    "not counted)"
                ),
            ),
        )
        table = _EpochTable(0, len(columns))
        table.setTabKeyNavigation(False)  # Tab leaves the table rather than cycle its cells
        table.setObjectName("epochTable")
        for i, (title, tip) in enumerate(columns):
            item = QTableWidgetItem(title)
            item.setToolTip(tip)
            table.setHorizontalHeaderItem(i, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        rows = table.verticalHeader()  # compact rows: more epochs in sight
        rows.setMinimumSectionSize(table.fontMetrics().height() + 4)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 6)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        # The panel may be short (a 1024x768 screen): the table gives way first, down to its
        # header and two rows (this epoch beside the one before; one row alone read as no log).
        table.setMinimumHeight(
            table.horizontalHeader().sizeHint().height()
            + 2 * rows.defaultSectionSize()
            + 2 * table.frameWidth()
        )
        keys = QKeySequence(QKeySequence.StandardKey.Copy).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        table.setToolTip(
            tr(
                "Every finished epoch; the best validation accuracy is in bold. {0} copies rows"
            ).format(keys)
        )
        copy = self.copy_rows_action = QAction(tr("Copy rows"), table)
        copy.setObjectName("copyEpochRowsAction")
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_epoch_rows)
        table.copy_requested.connect(self.copy_epoch_rows)
        table.addAction(copy)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return table

    def epoch_rows_text(self) -> str:
        """The selected rows of the epoch table (all rows if none is selected), with the
        header, as tab-separated text: pasted into a spreadsheet, each figure gets a cell."""
        table = self.epoch_table
        rows = sorted({index.row() for index in table.selectedIndexes()})
        rows = rows or list(range(table.rowCount()))
        cols = range(table.columnCount())
        lines = ["\t".join(table.horizontalHeaderItem(c).text() for c in cols)]
        lines += ["\t".join(table.item(r, c).text() for c in cols) for r in rows]
        return "\n".join(lines) + "\n"

    def copy_epoch_rows(self) -> None:
        """Put the selected epoch rows (or all) on the clipboard, tab-separated."""
        QApplication.clipboard().setText(self.epoch_rows_text())

    def show_history(self, history: list[dict[str, Any]]) -> None:
        """Fill the epoch table with `history` (the network's, as saved with the model)."""
        self._table_history = list(history)
        self.epoch_table.setRowCount(0)
        for entry in history:
            self._add_epoch_row(entry)
        self._mark_best_epoch(history)
        self._scroll_table_to_bottom()

    def _add_epoch_row(self, entry: dict[str, Any]) -> None:
        def num(key: str, fmt: str) -> str:
            v = entry.get(key)
            return "–" if v is None else format(v, fmt)

        row = self.epoch_table.rowCount()
        self.epoch_table.insertRow(row)
        epoch = entry.get("epoch")
        cells = (
            str(int(epoch)) if isinstance(epoch, (int, float)) else str(row + 1),
            num("cost", ".4f"),
            percent(entry.get("train_accuracy")),
            percent(entry.get("val_accuracy")),
            percent(entry.get("test_accuracy")),
            num("seconds", ".1f"),
        )
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            across = Qt.AlignmentFlag.AlignHCenter if col == 0 else Qt.AlignmentFlag.AlignRight
            item.setTextAlignment(across | Qt.AlignmentFlag.AlignVCenter)
            self.epoch_table.setItem(row, col, item)

    def _mark_best_epoch(self, history: list[dict[str, Any]]) -> None:
        """Bold the row of the best validation accuracy (rows are history's entries, in order)."""
        best = best_epoch(history)
        best_row = next((i for i, h in enumerate(history) if h is best), -1)
        for row in range(self.epoch_table.rowCount()):
            for col in range(self.epoch_table.columnCount()):
                item = self.epoch_table.item(row, col)
                font = item.font()
                font.setBold(row == best_row)
                item.setFont(font)

    def resizeEvent(self, event: Any) -> None:
        """Three columns of settings in a wide panel (the compact layout's full-width tab),
        two in a narrow one."""
        super().resizeEvent(event)
        self._flow_forms(3 if event.size().width() >= WIDE_FORMS else 2)

    def _flow_forms(self, columns: int) -> None:
        """Lay the eight settings out in `columns` columns, the check box in the cell that
        three leave free: at 1280x720 two columns and the box's row left the epoch table
        under the notes nothing but its header."""
        if columns == self.form_columns:
            return
        self.form_columns = columns
        grid = self.forms
        for label, field in self._fields:
            grid.removeWidget(label)
            grid.removeWidget(field)
        grid.removeWidget(self.fresh_check)
        rows = math.ceil(len(self._fields) / columns)
        for i, (label, field) in enumerate(self._fields):
            column, row = divmod(i, rows)
            grid.addWidget(label, row, 2 * column)
            grid.addWidget(field, row, 2 * column + 1)
        if columns * rows > len(self._fields):
            column, row = divmod(len(self._fields), rows)
            grid.addWidget(self.fresh_check, row, 2 * column, 1, 2)
        else:
            grid.addWidget(self.fresh_check, rows, 0, 1, 2 * columns)
        for column in range(6):
            grid.setColumnStretch(column, 1 if column % 2 and column < 2 * columns else 0)

    def _give_notes_room(self) -> None:
        """The epoch table's minimum gives a note that appears its line, down to the table's
        header, so a window at its minimum height does not grow: at 1280x720 the two notes
        grew one from 703 to 740 px, past the screen. Only then do the rows scroll away."""
        shown = [note for note in (self.canvas_hint, self.status_label) if note.text()]
        if not shown:
            self.epoch_table.setMinimumHeight(self._table_least)
            return
        line = self.canvas_hint.line_height(self._canvas_hint_text)  # in the language shown
        # The first note also brings the panel's spacing above it; the next, the notes'.
        room = len(shown) * line + self.layout().spacing() + NOTE_SPACING * (len(shown) - 1)
        header = self.epoch_table.horizontalHeader().sizeHint().height()
        floor = header + 2 * self.epoch_table.frameWidth()
        self.epoch_table.setMinimumHeight(max(floor, self._table_least - room))

    def set_canvas_differs(self, differs: bool) -> None:
        """Show (or hide) the note that the canvas holds another network than the one Start
        trains (the window compares them whenever either changes)."""
        self.canvas_hint.setText(self._canvas_hint_text if differs else "")

    # ------------------------------------------------------------------ settings
    def settings(self) -> TrainingSettings:
        """The run the controls describe."""
        limit = self.subset_spin.value()
        return TrainingSettings(
            epochs=self.epochs_spin.value(),
            batch_size=self.batch_spin.value(),
            lr=self.lr_spin.value(),
            momentum=self.momentum_spin.value(),
            l2=self.l2_spin.value(),
            seed=self.seed_spin.value(),
            limit=limit if limit > 0 else None,
            evaluate_test=True,
        )

    def set_settings(self, s: TrainingSettings) -> None:
        """Fill the controls from `s` (a preset's defaults, say)."""
        self.epochs_spin.setValue(s.epochs)
        self.batch_spin.setValue(s.batch_size)
        self.lr_spin.setValue(s.lr)
        self.momentum_spin.setValue(s.momentum)
        self.l2_spin.setValue(s.l2)
        self.seed_spin.setValue(s.seed)
        self.subset_spin.setValue(s.limit or 0)

    def cost(self) -> str:
        """The chosen cost function's spec name."""
        return str(self.cost_combo.currentData())

    def set_cost(self, cost: str) -> None:
        """Choose a cost by its spec name."""
        index = self.cost_combo.findData(cost)
        if index >= 0:
            self.cost_combo.setCurrentIndex(index)

    # ------------------------------------------------------------------ network and data
    def set_network(self, net: Network | None) -> None:
        """Train `net` from now on; a new architecture loads its preset's training defaults."""
        if net is self.network:
            return
        if self.controller.is_running() and net is not None:
            # The window asked the user (confirm_stop) before loading another model.
            self.stop(wait=True)
        self.network = net
        self.show_history([] if net is None else net.history)
        if net is None:
            self._spec_key = None
            self._update_buttons()
            return
        key = _spec_key(net.spec)
        if key != self._spec_key:
            self._spec_key = key
            self.set_settings(TrainingSettings.from_spec(net.spec))
        # The same architecture with another cost (built after a cost change on the canvas, or
        # a run with this panel's cost ended) keeps the settings but shows the network's cost.
        self.set_cost(net.spec.get("cost", "quadratic"))
        self._update_buttons()

    def set_dataset(self, dataset: Any) -> None:
        """Train on `dataset` (a playground.data.Dataset)."""
        self.dataset = dataset
        n = len(dataset.train_x) if dataset is not None else 60_000
        self.subset_spin.setMaximum(max(1, n))
        self._update_buttons()

    # ------------------------------------------------------------------ controls
    def is_running(self) -> bool:
        """True while a run goes on (paused included)."""
        return self.controller.is_running()

    def network_to_train(self) -> Network:
        """A copy of the current network to train, with the chosen cost (and fresh weights)."""
        net = self.network
        if net is None:
            raise ValueError(self.tr("There is no network to train yet."))
        spec = dict(net.spec)
        spec["cost"] = self.cost()
        if self.fresh_check.isChecked():
            return Network.from_spec(spec, seed=self.seed_spin.value())
        if spec["cost"] == net.spec.get("cost"):
            return net.copy()
        copy = Network(spec, params=net.params)
        copy.history = [dict(h) for h in net.history]
        return copy

    def start(self) -> bool:
        """Start training a copy of the network; False (and a dialog) if it cannot start."""
        if self.controller.is_running():
            return False
        if self.network is None:
            self._show_message(
                self.tr("Nothing to train"),
                self.tr("There is no network yet: open a model or build one."),
            )
            return False
        if self.dataset is None:
            self._show_message(
                self.tr("No dataset"),
                self.tr(
                    "The dataset is not loaded yet; wait a moment or open "
                    "one (File ▸ Open dataset folder)."
                ),
            )
            return False
        try:
            net = self.network_to_train()
            self.controller.start(net, self.dataset, self.settings())
        except ValueError as exc:  # SpecError, DataError: an impossible set-up, explained
            self._show_message(
                self.tr("Cannot start training"), error_text(exc), QMessageBox.Icon.Warning
            )
            return False
        self._starting = True
        self._run_epochs = self.settings().epochs
        self._run_before = len(net.history)  # epochs the network had before this run
        self._epoch_summary = None
        self.show_history(net.history)  # none with fresh weights; a continued run's so far
        self.status_label.setText(
            self.tr("Training… (the first mini-batches may wait for the engine to compile)")
        )
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Starting…"))
        return True

    def pause(self) -> None:
        """Hold training before the next mini-batch."""
        self.controller.pause()

    def resume(self) -> None:
        """Continue after a pause."""
        self.controller.resume()

    def set_paused(self, paused: bool) -> None:
        """Pause or resume (for the window's checkable Pause action)."""
        if paused:
            self.pause()
        else:
            self.resume()

    def step(self) -> None:
        """While paused, run one mini-batch."""
        self.controller.step()

    def stop(self, wait: bool = True) -> None:
        """End the run after the current mini-batch; `wait` blocks until the thread ended."""
        self.controller.stop(wait=wait)

    def shutdown(self) -> None:
        """Stop any run and wait for the worker (the window calls this from closeEvent)."""
        self.controller.shutdown()

    def confirm_stop(self, action: str | None = None) -> bool:
        """Ask before `action` ends a running training; True when none runs or it was stopped."""
        if not self.controller.is_running():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Training is running"),
            self.tr(
                "Training is still running. Stop it and {0}? The weights learnt so far are kept."
            ).format(action or self.tr("continue")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.stop(wait=True)
        return True

    def save_model(self, path: str | Path) -> bool:
        """Save the current (trained) network with its history; False (and a dialog) on failure."""
        if self.network is None:
            self._show_message(self.tr("Nothing to save"), self.tr("There is no model yet."))
            return False
        try:
            self.network.save(path)
        except Exception as exc:  # disk full, no permission, ...
            self._show_message(
                self.tr("Cannot save the model"),
                self.tr("{0} could not be written:\n\n{1}").format(path, error_text(exc)),
            )
            return False
        self.status_label.setText(self.tr("Saved {0}").format(Path(path).name))
        self.model_saved.emit(Path(path))
        return True

    def _choose_save_path(self) -> None:
        path = ask_save_path(
            self, self.tr("Save model"), "model.npz", self.tr("Playground models (*.npz)"), ".npz"
        )
        if path:
            self.save_model(path)

    def _toggle_pause(self) -> None:
        if self.controller.state == PAUSED:
            self.resume()
        else:
            self.pause()

    def _on_live_setting(self, key: str, value: float) -> None:
        if self.controller.is_running():
            self.controller.update_settings(**{key: value})
            self.status_label.setText(
                self.tr("{0} is now {1:g} from the next mini-batch").format(
                    {
                        "lr": self.tr("The learning rate"),
                        "momentum": self.tr("Momentum"),
                        "l2": self.tr("L2"),
                    }[key],
                    value,
                )
            )

    # ------------------------------------------------------------------ following the run
    def _update_buttons(self) -> None:
        state = self.controller.state
        running = self.controller.is_running()
        self.train_button.setEnabled(not running and self.network is not None)
        self.pause_button.setEnabled(state in (RUNNING, PAUSED))
        self.pause_button.setText(self.tr("Resume") if state == PAUSED else self.tr("Pause"))
        self.step_button.setEnabled(state == PAUSED)
        self.stop_button.setEnabled(state in (RUNNING, PAUSED))
        self.start_action.setEnabled(self.train_button.isEnabled())
        self.step_action.setEnabled(self.step_button.isEnabled())
        self.stop_action.setEnabled(self.stop_button.isEnabled())
        self.save_button.setEnabled(not running and self.network is not None)
        for w in (
            self.epochs_spin,
            self.batch_spin,
            self.cost_combo,
            self.seed_spin,
            self.subset_spin,
            self.fresh_check,
        ):
            w.setEnabled(not running)

    def _on_state(self, state: str) -> None:
        self._update_buttons()
        if state == PAUSED:
            self.status_label.setText(self.tr("Paused: Step runs one mini-batch, Resume goes on"))
        elif state == STOPPING:
            self.status_label.setText(self.tr("Stopping after this mini-batch…"))
        elif state == RUNNING and self.status_label.text().startswith(self.tr("Paused")):
            self.status_label.setText(self.tr("Training…"))
        elif state == IDLE:
            pass

    def _on_snapshot(self, snap: Snapshot) -> None:
        if self._starting:
            self._starting = False
            self.status_label.setText(self.tr("Training…"))
        text = self.tr("Epoch {0}/{1} · batch {2}/{3} · {4:,.0f} images/s · {5} left")
        if snap.batch == snap.batches and not snap.paused and self.controller.is_running():
            # The epoch's last mini-batch: the accuracy checks follow, seconds on a big set.
            text = self.tr("Epoch {0}/{1} · measuring the accuracy · {4:,.0f} images/s · {5} left")
        text = text.format(
            snap.epoch,
            snap.epochs,
            snap.batch,
            snap.batches,
            snap.images_per_s,
            format_duration(snap.eta),
        )
        if snap.paused:
            text = self.tr("Paused · ") + text
        # QProgressBar.setValue repaints at once, and then setFormat asks for a second paint:
        # with updates off around both there is one paint, in the next frame (a synchronous
        # repaint cost 2 ms of the GUI thread, measured, which shares the cores with training).
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(round(1000 * snap.progress))
        self.progress.setFormat(text)
        self.progress.setUpdatesEnabled(True)  # schedules the one update

    def _on_epoch(self, report: EpochReport) -> None:
        self._epoch_summary = self.tr(
            "Epoch {0}: cost {1:.4f}; accuracy: training {2}, validation {3}, test {4} ({5})"
        ).format(
            report.epoch,
            report.cost,
            percent(report.train_accuracy),
            percent(report.val_accuracy),
            percent(report.test_accuracy),
            format_seconds(report.seconds),
        )
        stuck = self._not_learning_hint(report)
        if stuck:
            self._epoch_summary += "\n" + stuck
        text = self._epoch_summary
        if self.controller.state == PAUSED:  # paused at the epoch's end: still say so
            text += "\n" + self.tr("Paused: Step runs one mini-batch, Resume goes on")
        self.status_label.setText(text)
        self._table_history.append(report.history_entry)
        self._add_epoch_row(report.history_entry)
        self._mark_best_epoch(self._table_history)
        self._scroll_table_to_bottom()

    def _scroll_table_to_bottom(self) -> None:
        """Show the newest epoch, now and once the status line above has taken its new height
        (scrolled before it grew, the last row was left half hidden)."""
        self.epoch_table.scrollToBottom()
        table = self.epoch_table
        QTimer.singleShot(0, table, table.scrollToBottom)  # dropped if the table is deleted

    def _not_learning_hint(self, report: EpochReport) -> str | None:
        """A hint when an epoch left the accuracy near chance (one class in n, a network whose
        sigmoids saturated or ReLUs died): why that happens and what to try; else None."""
        accuracy = report.val_accuracy
        if accuracy is None:
            accuracy = report.train_accuracy
        if self.network is None or not near_chance(accuracy, self.network.n_classes):
            return None
        chance = chance_accuracy(self.network.n_classes)
        steps = max(0, report.epoch - self._run_before) * self._batches_per_epoch()
        if too_early_to_judge(steps, self.lr_spin.value(), self._usual_lr()):
            # nielsen-conv at its own η on 1,000 images: still at chance after 100 mini-batches
            return self.tr(
                "The accuracy is still near chance ({0}) after {1} mini-batches: too few for "
                "this network to get going, which can take a thousand or more. Train on more "
                "images or for more epochs."
            ).format(percent(chance), f"{steps:,}")
        return self.tr(
            "The accuracy is near chance ({0}): the network is not learning. With a large η the "
            "sigmoids may have saturated or every ReLU gone silent: try η 10 times smaller, from "
            "new random weights. With a small η, give it more epochs."
        ).format(percent(chance))

    def _usual_lr(self) -> float:
        """The learning rate the current network usually trains with: its preset's, or 0.1."""
        return TrainingSettings.from_spec(self.network.spec).lr

    def _batches_per_epoch(self) -> int:
        """Mini-batches in an epoch of the current settings and dataset."""
        n = len(self.dataset.train_x) if self.dataset is not None else 0
        limit = self.subset_spin.value()
        if limit > 0:
            n = min(n, limit)
        return -(-n // max(1, self.batch_spin.value()))

    def _on_diverged(self, message: str) -> None:
        box = self._show_message(
            self.tr("Training stopped: the cost became NaN or infinite"),
            message,
            QMessageBox.Icon.Warning,
        )
        if self.network is None:
            return
        usual = self._usual_lr()
        if self.lr_spin.value() > usual:  # offer the way back in one click
            back = box.addButton(
                self.tr("Use η = {0:g}").format(usual), QMessageBox.ButtonRole.AcceptRole
            )
            back.setObjectName("usualLearningRateButton")
            back.setToolTip(self.tr("The learning rate this network usually trains with"))
            back.clicked.connect(lambda: self.lr_spin.setValue(usual))

    def _on_failed(self, text: str) -> None:
        self._show_message(
            self.tr("Training failed"),
            self.tr("An error stopped training:\n\n{0}").format(text),
            QMessageBox.Icon.Critical,
        )

    def _on_finished(self, result: RunResult) -> None:
        self.last_result = result
        self._update_buttons()
        if result.error is not None:
            self.progress.setFormat(self.tr("Training failed"))
            self.status_label.setText(self.tr("Training failed; the previous model is kept."))
            self.show_history([] if self.network is None else self.network.history)
            return
        if result.diverged:
            self.progress.setFormat(self.tr("Diverged: weights restored"))
        else:
            # Counted as the bar and the "Epoch 9/68" text count: a loaded model's epochs too.
            done = self._run_before + result.epochs_done
            last = self._run_before + self._run_epochs
            if result.stopped:
                self.progress.setFormat(self.tr("Stopped: {0}/{1} epochs done").format(done, last))
            else:
                self.progress.setValue(1000)
                self.progress.setFormat(self.tr("Done: {0}/{1} epochs").format(done, last))
        if not result.diverged:
            # The last epoch's figures stay; a "Stopping…" or "Paused" line would be stale.
            hint = self.tr(
                "The drawing is now read by the trained network. Save it with Save model."
            )
            summary = self._epoch_summary
            self.status_label.setText(hint if summary is None else summary + "\n" + hint)
        self.network = result.net
        self.show_history(result.net.history)  # the epochs as saved with the model
        self._spec_key = _spec_key(result.net.spec)
        self._update_buttons()
        self.network_trained.emit(result.net)

    def _show_message(
        self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
    ) -> QMessageBox:
        """A non-blocking message box (tests read `last_message`)."""
        self.last_message = text
        self.status_label.setText(title)
        if self.message_box is not None:
            self.message_box.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("trainingMessage")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.message_box = box
        return box
