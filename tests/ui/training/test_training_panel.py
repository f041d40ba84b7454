"""The training panel and its worker thread, driven like a user: press Start, Pause, Step, Stop."""

from __future__ import annotations

import dataclasses
import math
import re
import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPushButton, QSplitter

from playground.data import load_mnist
from playground.engine import Network, load_preset
from playground.engine.training import FEW_STEPS, Trainer, TrainingSettings
from playground.ui.i18n import install_translator, remove_translators
from playground.ui.training import TrainingController, TrainingPanel
from playground.ui.training.controller import MAX_MISTAKES, EpochReport
from playground.ui.views import ViewsPanel

TIMEOUT = 60_000  # ms: generous, the engine may compile or share a busy machine

SMALL_CONV = {
    "input": [1, 28, 28],
    "layers": [
        {"type": "conv", "filters": 4, "kernel": 5, "activation": "sigmoid"},
        {"type": "pool", "mode": "max", "size": 2},
        {"type": "dense", "units": 10, "activation": "softmax"},
    ],
    "cost": "log-likelihood",
    "training": {"epochs": 200, "batch_size": 10, "lr": 0.1},
}

DIVERGING = {
    "input": [1, 28, 28],
    "layers": [
        {"type": "dense", "units": 30, "activation": "relu"},
        {"type": "dense", "units": 10, "activation": "linear"},
    ],
    "cost": "quadratic",
}


@pytest.fixture(scope="module")
def data():
    """A few hundred MNIST images: enough to train for a few seconds."""
    return load_mnist().subset(300, eval_limit=100)


class Rig:
    """A controller with both panels in one shown widget, as the window will hold them."""

    def __init__(self, qtbot, data, spec, net: Network | None = None) -> None:
        self.controller = TrainingController()
        self.panel = TrainingPanel(self.controller)
        self.views = ViewsPanel(self.controller)
        self.widget = QSplitter(Qt.Orientation.Vertical)
        self.widget.addWidget(self.panel)
        self.widget.addWidget(self.views)
        self.widget.resize(1100, 800)
        qtbot.addWidget(self.widget)
        self.net = net if net is not None else Network.from_spec(spec, seed=0)
        self.trained: list[Network] = []
        self.snapshots: list = []
        self.panel.network_trained.connect(self.trained.append)
        self.panel.network_trained.connect(self.views.set_network)
        self.controller.snapshot_ready.connect(self.snapshots.append)
        self.errors: list[str] = []
        self.controller.training_failed.connect(self.errors.append)
        for target in (self.panel, self.views):
            target.set_network(self.net)
            target.set_dataset(data)
        self.views.set_engine_ready(True)
        self.widget.show()
        qtbot.waitExposed(self.widget)

    def close(self) -> None:
        self.controller.shutdown()
        self.views.shutdown()
        if self.panel.message_box is not None:
            self.panel.message_box.close()


@pytest.fixture
def rig(qtbot, data):
    r = Rig(qtbot, data, SMALL_CONV)
    yield r
    r.close()
    assert not r.controller.is_running()


def press_start(qtbot, rig: Rig) -> None:
    button = rig.panel.findChild(type(rig.panel.train_button), "trainButton")
    assert button is rig.panel.train_button and button.isEnabled()
    with qtbot.waitSignal(rig.controller.training_started, timeout=TIMEOUT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_steps(qtbot, rig: Rig, count: int) -> None:
    """Wait until `count` more snapshots arrived."""
    target = len(rig.snapshots) + count

    def arrived() -> bool:
        assert not rig.errors, rig.errors[0]  # fail at once, with the worker's error
        return len(rig.snapshots) >= target

    qtbot.waitUntil(arrived, timeout=TIMEOUT)


def test_defaults_come_from_the_preset(qtbot, data):
    r = Rig(qtbot, data, load_preset("nielsen-conv2-relu"))
    try:
        s = r.panel.settings()
        assert (s.epochs, s.batch_size, s.lr, s.l2) == (60, 10, 0.03, 0.1)
        assert r.panel.cost() == "log-likelihood"
        assert r.panel.subset_spin.maximum() == len(data.train_x)
    finally:
        r.close()


def _table_rows(panel: TrainingPanel) -> list[list[str]]:
    t = panel.epoch_table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_the_epoch_table_shows_the_history_and_the_best_epoch_in_bold(qtbot):
    """A loaded model's epochs fill the table, one row each; the best validation accuracy is
    bold (ties: the first); missing figures show a dash; another model replaces the rows."""
    panel = TrainingPanel(TrainingController())
    qtbot.addWidget(panel)
    net = Network.from_spec(SMALL_CONV, seed=0)
    net.history = [
        {"epoch": 1, "cost": 0.5, "val_accuracy": 0.9, "test_accuracy": 0.89, "seconds": 2.0},
        {"epoch": 2, "cost": 0.25, "val_accuracy": 0.95, "test_accuracy": None, "seconds": 1.5},
        {"epoch": 3, "cost": 0.125, "val_accuracy": 0.95, "train_accuracy": 0.97, "seconds": 1},
    ]
    panel.set_network(net)
    rows = [
        ["1", "0.5000", "–", "90.00%", "89.00%", "2.0"],
        ["2", "0.2500", "–", "95.00%", "–", "1.5"],
        ["3", "0.1250", "97.00%", "95.00%", "–", "1.0"],
    ]
    assert _table_rows(panel) == rows
    table = panel.epoch_table
    bold = [table.item(r, c).font().bold() for r in range(3) for c in range(6)]
    assert bold == [False] * 6 + [True] * 6 + [False] * 6
    # Ctrl+C copies the selected rows (else all) with the header, tab-separated.
    header = "Epoch\tMean cost\tTraining\tValidation\tTest\tSeconds"
    assert panel.epoch_rows_text().splitlines() == [header] + ["\t".join(r) for r in rows]
    panel.show()
    table.selectRow(1)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == header + "\n2\t0.2500\t–\t95.00%\t–\t1.5\n"
    table.clearSelection()  # the context menu's Copy rows, nothing selected: every row
    table.findChild(QAction, "copyEpochRowsAction").trigger()
    assert QApplication.clipboard().text() == panel.epoch_rows_text()
    assert len(panel.epoch_rows_text().splitlines()) == 4
    other = Network.from_spec(SMALL_CONV, seed=1)
    panel.set_network(other)
    assert table.rowCount() == 0
    panel.show_history(net.history[:1])
    assert _table_rows(panel) == [["1", "0.5000", "–", "90.00%", "89.00%", "2.0"]]
    assert table.item(0, 3).font().bold()
    # What a damaged file loads as (Network.load keeps numbers, else None): numbered by row.
    panel.show_history([{"epoch": None, "cost": None, "val_accuracy": 0.5}, {}])
    assert _table_rows(panel) == [
        ["1", "–", "–", "50.00%", "–", "–"],
        ["2", "–", "–", "–", "–", "–"],
    ]


def test_a_short_panel_keeps_two_epochs_of_the_table_in_sight(qtbot):
    """At 1024x768 the table gave way down to its header and one row; it now keeps two rows
    (this epoch beside the one before) however short the panel, and scrolls for the rest."""
    panel = TrainingPanel(TrainingController())
    qtbot.addWidget(panel)
    net = Network.from_spec(SMALL_CONV, seed=0)
    net.history = [{"epoch": e, "cost": 1 / e, "val_accuracy": 0.8} for e in range(1, 9)]
    panel.set_network(net)
    panel.show()
    panel.resize(700, 100)  # shorter than the panel can be: it stops at its minimum
    qtbot.waitExposed(panel)
    table = panel.epoch_table
    qtbot.waitUntil(lambda: table.viewport().height() < 6 * table.rowHeight(0))
    assert table.viewport().height() >= 2 * table.rowHeight(0)
    assert panel.height() == panel.minimumSizeHint().height()


def test_start_fills_the_cost_plot(qtbot, rig):
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 2)
    rig.views.refresh(force=True)
    plot = rig.views.findChild(type(rig.views.cost_plot), "costPlot")
    assert plot is rig.views.cost_plot
    assert plot.point_count() > 0
    x, y = plot.raw_curve.getData()
    assert x is not None and len(x) > 0 and np.isfinite(y).all()
    assert rig.views.findChild(type(rig.views.accuracy_plot), "accuracyPlot") is not None
    assert "images/s" in rig.panel.progress.format()


def test_the_bar_says_when_an_epochs_accuracy_is_being_measured(qtbot, rig):
    """After an epoch's last mini-batch the bar sat on "batch 100/100" for the seconds the
    accuracy checks take, as if stuck."""
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    snap = rig.snapshots[-1]
    last = dataclasses.replace(snap, batch=snap.batches, paused=False, eta=3.0)
    rig.panel._on_snapshot(last)
    text = rig.panel.progress.format()
    assert "measuring the accuracy" in text and f"batch {snap.batches}/" not in text
    rig.panel._on_snapshot(dataclasses.replace(last, batch=1))
    assert "measuring" not in rig.panel.progress.format()


class _PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_snapshot_repaints_the_progress_bar_later(qtbot, rig):
    """setValue would repaint at once, and setFormat ask for another paint: the snapshot's
    changes reach the screen in the next frame instead (the GUI thread shares the cores with
    training)."""
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    rig.controller.pause()
    bar = rig.panel.progress
    snap = rig.snapshots[-1]
    bar.setValue(round(1000 * snap.progress) + 1)  # so that the snapshot changes the value
    qtbot.wait(50)
    counter = _PaintCounter()
    bar.installEventFilter(counter)
    rig.panel._on_snapshot(snap)
    rig.panel._on_snapshot(snap)
    assert counter.count == 0  # nothing painted synchronously
    assert bar.updatesEnabled()
    assert bar.value() == round(1000 * snap.progress)
    assert "images/s" in bar.format()
    qtbot.waitUntil(lambda: counter.count >= 1, timeout=5000)
    bar.removeEventFilter(counter)


def test_a_loaded_model_continues_its_epoch_count_on_every_view(qtbot, data):
    """A model trained for 2 epochs goes on with epoch 3: the progress bar, the cost curve,
    the epoch means, the accuracies and the confusion caption all say 3, never 3 + 2.
    (50 more epochs: the run must still be going when the test pauses it.)"""
    net = Network.from_spec(SMALL_CONV, seed=0)
    for _ in Trainer(net, data, TrainingSettings(epochs=2, batch_size=10, lr=0.1)).run():
        pass
    assert [h["epoch"] for h in net.history] == [1, 2]
    r = Rig(qtbot, data, SMALL_CONV, net=net)
    try:
        reports: list = []
        r.controller.epoch_finished.connect(reports.append)
        r.panel.epochs_spin.setValue(50)
        press_start(qtbot, r)
        qtbot.waitUntil(lambda: len(reports) >= 1, timeout=TIMEOUT)
        r.controller.pause()
        qtbot.waitUntil(lambda: r.snapshots[-1].paused, timeout=TIMEOUT)  # held from here on
        qtbot.wait(50)  # its epoch report, if it paused at an epoch's end
        assert [(e.epoch, e.epochs) for e in reports] == [(3 + i, 52) for i in range(len(reports))]
        # the epoch table: the loaded model's 2 epochs, then a row as each epoch of the run ends
        rows = _table_rows(r.panel)
        assert [row[0] for row in rows] == [str(e) for e in range(1, 3 + len(reports))]
        assert rows[-1][1] == f"{reports[-1].cost:.4f}"
        snap = r.snapshots[-1]
        assert 3 <= snap.epoch <= 52 and snap.epochs == 52
        # the bar spans the 52 epochs the text counts: the 2 before this run are done
        done = (snap.epoch - 1 + snap.batch / snap.batches) / 52
        assert done > 2 / 52
        assert snap.progress == pytest.approx(done, abs=0.005), (snap.progress, done)
        assert f"Epoch {snap.epoch}/52" in r.panel.progress.format()
        r.views.refresh(force=True)
        x, _ = r.views.cost_plot.raw_curve.getData()
        assert x.min() >= 2.0 and x.max() <= snap.epoch, (x.min(), x.max())  # epochs 3 on
        ex, _ = r.views.cost_plot.epoch_curve.getData()
        assert list(ex[:3]) == [1.0, 2.0, 3.0]
        ax, _ = r.views.accuracy_plot.curves["val_accuracy"].getData()
        assert list(ax[:3]) == [1.0, 2.0, 3.0]
        # The mistakes name an epoch of this run, numbered on from the loaded history (quick
        # epochs show at the views' pace, so not necessarily the newest).
        shown = re.search(r"after epoch (\d+)", r.views.mistakes_caption.text())
        assert shown and int(shown.group(1)) in {rep.epoch for rep in reports}
        assert int(shown.group(1)) >= 3
        with qtbot.waitSignal(r.controller.training_finished, timeout=TIMEOUT):
            r.panel.stop(wait=False)
        done = r.panel.last_result.epochs_done
        assert r.panel.progress.format() == f"Stopped: {2 + done}/52 epochs done"
    finally:
        r.close()


def test_a_stopped_run_says_how_far_it_got_and_nothing_stale(qtbot, rig):
    reports: list = []
    rig.controller.epoch_finished.connect(reports.append)
    rig.panel.epochs_spin.setValue(200)
    press_start(qtbot, rig)
    qtbot.waitUntil(lambda: len(reports) >= 1, timeout=TIMEOUT)
    with qtbot.waitSignal(rig.controller.training_finished, timeout=TIMEOUT):
        rig.panel.stop(wait=False)
    done = rig.panel.last_result.epochs_done
    assert done >= 1
    assert rig.panel.progress.format() == f"Stopped: {done}/200 epochs done"
    status = rig.panel.status_label.text()
    assert status.startswith(f"Epoch {reports[-1].epoch}: cost"), status
    assert "Save model" in status and "Stopping" not in status


def test_kernel_images_change_between_snapshots(qtbot, rig):
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    view = rig.views.findChild(type(rig.views.kernel_view), "kernelView")
    rig.views.refresh(force=True)
    first = view.images()["conv1"]
    first_step = rig.snapshots[-1].step
    qtbot.waitUntil(lambda: rig.snapshots[-1].step > first_step, timeout=TIMEOUT)
    rig.views.refresh(force=True)
    second = view.images()["conv1"]
    assert first.shape == second.shape == (5, 4 * 6 - 1)  # 4 filters of 5x5 in one row
    assert not np.array_equal(first, second, equal_nan=True)


def test_feature_map_and_pooled_views_show_the_probe(qtbot, rig, data):
    rig.views.use_validation_image(3)
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    rig.views.refresh(force=True)
    maps = rig.views.findChild(type(rig.views.feature_map_view), "featureMapView").images()
    pooled = rig.views.findChild(type(rig.views.pooled_view), "pooledView").images()
    assert set(maps) == {"input", "conv1"} and set(pooled) == {"pool1"}
    np.testing.assert_allclose(maps["input"], data.val_x[3, 0])
    assert rig.snapshots[-1].probe is not None
    np.testing.assert_allclose(rig.snapshots[-1].probe[0], data.val_x[3, 0])


def test_pause_holds_the_step_counter_and_resume_continues(qtbot, rig):
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 2)
    pause = rig.panel.pause_button
    with qtbot.waitSignal(rig.controller.state_changed, timeout=TIMEOUT):
        qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    assert rig.controller.state == "paused" and pause.text() == "Resume"
    # The worker reports the mini-batch it was in when the pause came, then holds.
    qtbot.waitUntil(lambda: rig.snapshots[-1].paused, timeout=TIMEOUT)
    held = rig.controller.trainer.step_count
    qtbot.wait(400)
    assert rig.controller.trainer.step_count == held
    assert rig.snapshots[-1].step == held
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    assert rig.controller.state == "running"
    qtbot.waitUntil(lambda: rig.snapshots[-1].step > held, timeout=TIMEOUT)


def test_an_epoch_that_ends_while_paused_still_says_paused(qtbot, rig):
    """A pause that lands at an epoch's end: the epoch's figures replaced the "Paused" line,
    and nothing said why training held."""
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    rig.panel.pause()
    qtbot.waitUntil(lambda: rig.controller.state == "paused", timeout=TIMEOUT)
    entry = {"epoch": 1, "cost": 0.5, "val_accuracy": 0.8}
    rig.controller.epoch_finished.emit(
        EpochReport(1, 2, 0.5, 0.8, 0.8, None, None, 900.0, 1.0, history_entry=entry)
    )
    text = rig.panel.status_label.text()
    assert text.startswith("Epoch 1: cost 0.5000") and "Paused: Step runs one" in text, text


def test_step_runs_exactly_one_mini_batch(qtbot, rig):
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    rig.panel.pause()
    qtbot.waitUntil(lambda: rig.snapshots[-1].paused, timeout=TIMEOUT)
    held = rig.controller.trainer.step_count
    assert rig.panel.step_button.isEnabled()
    qtbot.mouseClick(rig.panel.step_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rig.snapshots[-1].step == held + 1, timeout=TIMEOUT)
    qtbot.wait(300)
    assert rig.controller.trainer.step_count == held + 1


def test_stop_ends_the_thread_and_hands_over_the_network(qtbot, rig):
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    thread = rig.controller._thread
    with qtbot.waitSignal(rig.controller.training_finished, timeout=TIMEOUT) as finished:
        qtbot.mouseClick(rig.panel.stop_button, Qt.MouseButton.LeftButton)
    result = finished.args[0]
    assert result.stopped and result.error is None
    assert thread.wait(5000) and thread.isFinished()
    assert not rig.controller.is_running() and rig.controller.state == "idle"
    assert rig.trained == [result.net]
    assert result.net is not rig.net  # a copy was trained: the draw pad's network was never touched
    assert rig.panel.train_button.isEnabled() and not rig.panel.stop_button.isEnabled()
    assert all(np.isfinite(p).all() for p in result.net.params.values())


def test_menu_actions_follow_the_buttons_and_run_from_the_keyboard(qtbot, rig):
    panel = rig.panel
    actions = (panel.start_action, panel.step_action, panel.stop_action)
    buttons = (panel.train_button, panel.step_button, panel.stop_button)
    assert [a.shortcut().toString() for a in actions] == ["F5", "F10", "Shift+F5"]
    idle = [True, False, False]  # only Start
    assert [a.isEnabled() for a in actions] == [b.isEnabled() for b in buttons] == idle
    # The actions live in the window's menu; here the panel holds them, so the keys reach them.
    rig.widget.addActions(list(actions))
    rig.widget.activateWindow()
    with qtbot.waitSignal(rig.controller.training_started, timeout=TIMEOUT):
        qtbot.keyClick(rig.widget, Qt.Key.Key_F5)
    try:
        wait_steps(qtbot, rig, 1)
        assert [a.isEnabled() for a in actions] == [b.isEnabled() for b in buttons]
        assert not panel.start_action.isEnabled() and panel.stop_action.isEnabled()
        with qtbot.waitSignal(rig.controller.training_finished, timeout=TIMEOUT) as finished:
            qtbot.keyClick(rig.widget, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
        assert finished.args[0].stopped
    finally:
        rig.controller.stop(wait=True)
    assert panel.start_action.isEnabled() and not panel.stop_action.isEnabled()


def test_learning_rate_changes_while_training(qtbot, rig):
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    rig.panel.lr_spin.setValue(0.02)
    rig.panel.momentum_spin.setValue(0.5)
    assert rig.controller.trainer.settings.lr == pytest.approx(0.02)
    assert rig.controller.trainer.settings.momentum == pytest.approx(0.5)
    assert not rig.panel.batch_spin.isEnabled()  # only lr, momentum and L2 change live


def test_a_typed_learning_rate_reaches_the_run_once_complete(qtbot, rig, monkeypatch):
    """Typing 150 used to hand the run η = 1, then 15, then 150, each for ~100 mini-batches."""
    sent: list[dict] = []
    spin = rig.panel.lr_spin
    with monkeypatch.context() as m:  # a run in progress, as far as the panel can tell
        m.setattr(rig.controller, "update_settings", lambda **kw: sent.append(kw))
        m.setattr(rig.controller, "is_running", lambda: True)
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, "150")
        assert sent == []  # nothing while typing
        qtbot.keyClick(spin, Qt.Key.Key_Return)
        assert sent == [{"lr": 150.0}]
        qtbot.keyClick(spin, Qt.Key.Key_Down)  # the arrows step at once, as before
        assert len(sent) == 2 and sent[-1]["lr"] < 150.0


def test_full_run_reports_epochs_and_saves_with_history(qtbot, data, tmp_path):
    r = Rig(qtbot, data, SMALL_CONV)
    try:
        r.panel.epochs_spin.setValue(2)
        epochs = []
        r.controller.epoch_finished.connect(epochs.append)
        with qtbot.waitSignal(r.panel.network_trained, timeout=TIMEOUT):
            press_start(qtbot, r)
        assert [e.epoch for e in epochs] == [1, 2]
        assert all(0 <= e.train_accuracy <= 1 and e.test_accuracy is not None for e in epochs)
        assert epochs[-1].confusion.sum() == len(data.val_y)
        for e in epochs:  # every mistake is counted, the gallery gets the first of them
            wrong = len(data.val_y) - int(np.trace(e.confusion))
            assert e.mistakes_total == wrong
            assert len(e.mistakes) == min(wrong, MAX_MISTAKES)
            # What a confusion-matrix cell shows: the dataset's own images, every guess.
            assert e.val_images is data.val_x and e.val_labels is data.val_y
            k = e.confusion.shape[0]
            counted = np.bincount(e.val_labels * k + e.val_guesses, minlength=k * k)
            np.testing.assert_array_equal(counted.reshape(k, k), e.confusion)
            assert e.val_accuracy == np.mean(e.val_guesses == e.val_labels)
        net = r.trained[-1]
        assert len(net.history) == 2 and "train_accuracy" in net.history[-1]
        rows = _table_rows(r.panel)  # a row for each epoch, as the reports gave them
        assert [row[0] for row in rows] == ["1", "2"]
        assert [row[3] for row in rows] == [f"{100 * e.val_accuracy:.2f}%" for e in epochs]
        assert [row[2] for row in rows] == [f"{100 * e.train_accuracy:.2f}%" for e in epochs]
        r.views.refresh(force=True)
        assert r.views.accuracy_plot.series["val_accuracy"].n == 2
        assert r.views.cost_plot.epochs.n == 2
        assert not r.panel.save_model(tmp_path / "no folder" / "trained.npz")
        message = r.panel.last_message  # the OS's words and the folder, not errno or a temp file
        assert f"No such file or directory: {tmp_path / 'no folder'}" in message
        assert "Errno" not in message and ".tmp" not in message
        path = tmp_path / "trained.npz"
        assert r.panel.save_model(path)
        loaded = Network.load(path)
        assert len(loaded.history) == 2
        np.testing.assert_array_equal(loaded.params["conv1.weight"], net.params["conv1.weight"])
        # The next Start continues from the trained weights, and the plots continue too.
        r.panel.epochs_spin.setValue(1)
        with qtbot.waitSignal(r.panel.network_trained, timeout=TIMEOUT):
            press_start(qtbot, r)
        assert len(r.trained[-1].history) == 3
        assert r.views.cost_plot.epochs.n == 3
        assert [row[0] for row in _table_rows(r.panel)] == ["1", "2", "3"]
        # Fresh weights start an empty table: the old epochs are not this network's.
        r.panel.fresh_check.setChecked(True)
        with qtbot.waitSignal(r.panel.network_trained, timeout=TIMEOUT):
            assert r.panel.start()
            assert r.panel.epoch_table.rowCount() == 0  # no event handled yet: no epoch
        assert [row[0] for row in _table_rows(r.panel)] == ["1"]
    finally:
        r.close()


def test_changed_cost_trains_a_network_with_that_cost(qtbot, data):
    r = Rig(qtbot, data, SMALL_CONV)
    try:
        r.panel.epochs_spin.setValue(1)
        r.panel.set_cost("cross-entropy")
        with qtbot.waitSignal(r.panel.network_trained, timeout=TIMEOUT):
            press_start(qtbot, r)
        assert r.trained[-1].spec["cost"] == "cross-entropy"
        assert r.net.spec["cost"] == "log-likelihood"
    finally:
        r.close()


def test_nan_run_stops_with_a_message_and_finite_weights(qtbot, data):
    r = Rig(qtbot, data, DIVERGING)
    try:
        r.panel.set_settings(TrainingSettings(epochs=20, batch_size=10, lr=50.0))
        with qtbot.waitSignal(r.controller.training_finished, timeout=TIMEOUT) as finished:
            press_start(qtbot, r)
        result = finished.args[0]
        assert result.diverged and result.stopped and result.error is None
        assert "NaN" in r.panel.last_message and "learning rate" in r.panel.last_message
        assert r.panel.message_box is not None and r.panel.message_box.isVisible()
        assert all(np.isfinite(p).all() for p in result.net.params.values())
        assert r.trained == [result.net]
        assert not r.controller.is_running()
        # One click puts η back to what the network usually trains with (here the default).
        back = r.panel.message_box.findChild(QPushButton, "usualLearningRateButton")
        usual = TrainingSettings.from_spec(DIVERGING).lr
        assert back is not None and back.text() == f"Use η = {usual:g}"
        back.click()
        assert r.panel.lr_spin.value() == pytest.approx(usual)
    finally:
        r.close()


def test_a_nan_run_is_explained_in_the_interface_language(qtbot, data):
    """The engine words the divergence as a Phrase; the dialog shows it in Chinese, with the
    learning rate that blew up filled in."""
    app = QApplication.instance()
    assert install_translator(app, "zh_CN")
    r = Rig(qtbot, data, DIVERGING)
    try:
        r.panel.set_settings(TrainingSettings(epochs=20, batch_size=10, lr=50.0))
        with qtbot.waitSignal(r.controller.training_finished, timeout=TIMEOUT) as finished:
            press_start(qtbot, r)
        assert finished.args[0].diverged
        text = r.panel.last_message
        assert text.startswith("训练发散了") and "学习率" in text and "η = 50）" in text, text
        assert "learning rate" not in text
    finally:
        r.close()
        remove_translators(app)


def test_an_epoch_at_chance_says_the_network_is_not_learning(qtbot, data):
    """An epoch left at about one digit in ten (dead ReLUs, saturated sigmoids) gets a hint
    under the figures; a learning epoch does not. The status line shows only with a text."""
    r = Rig(qtbot, data, SMALL_CONV)

    def report(epoch: int, accuracy: float) -> EpochReport:
        entry = {"epoch": epoch, "cost": 2.3, "val_accuracy": accuracy}
        return EpochReport(
            epoch=epoch,
            epochs=3,
            cost=2.3,
            train_accuracy=accuracy,
            val_accuracy=accuracy,
            test_accuracy=None,
            val_cost=None,
            images_per_s=1000.0,
            seconds=1.0,
            history_entry=entry,
        )

    try:
        assert not r.panel.status_label.isVisible()  # no empty line above the table
        r.panel.batch_spin.setValue(10)
        per_epoch = -(-len(data.train_x) // 10)
        assert per_epoch < FEW_STEPS  # the rig's small set: an epoch is few mini-batches
        r.controller.epoch_finished.emit(report(1, 0.1135))
        assert r.panel.status_label.isVisible()
        text = r.panel.status_label.text()
        assert text.startswith("Epoch 1: cost 2.3000; accuracy: training 11.35%"), text
        # Too early to tell at the network's usual η: train longer, not slower.
        assert f"still near chance (10.00%) after {per_epoch} mini-batches" in text, text
        assert "more images or for more epochs" in text and "η 10 times" not in text
        assert "50,000" not in text  # no claim about a dataset this run does not use
        assert "(1.0\u00a0s)" in text  # the unit never wraps to a line of its own
        # Many mini-batches later, or at a large η, it is stuck: a smaller η.
        late = FEW_STEPS // per_epoch + 1
        for epoch, lr in ((late, r.panel.lr_spin.value()), (1, 10 * r.panel.lr_spin.value())):
            r.panel.lr_spin.setValue(lr)
            r.controller.epoch_finished.emit(report(epoch, 0.1135))
            text = r.panel.status_label.text()
            assert "near chance (10.00%): the network is not learning" in text, text
            assert "η 10 times smaller" in text
        r.controller.epoch_finished.emit(report(2, 0.62))
        text = r.panel.status_label.text()
        assert text.startswith("Epoch 2:") and "not learning" not in text, text
        assert "near chance" not in text
    finally:
        r.close()


def test_the_status_line_is_at_most_three_lines_tall_and_scrolls_the_rest(qtbot):
    """After a run near chance it wrapped to five lines, and on a 720-pixel screen the window
    grew past the screen to make room for them."""
    panel = TrainingPanel(TrainingController())
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.show()
    qtbot.waitExposed(panel)
    status = panel.status_label
    line = status.label.fontMetrics().lineSpacing()
    status.setText("Epoch 1: cost 2.3000")
    assert status.line_height() == line
    qtbot.waitUntil(lambda: status.isVisible() and status.height() >= line)
    assert status.height() < 2 * line
    long = " ".join(["The accuracy is near chance: the network is not learning."] * 6)
    status.setText(long)
    assert status.text() == long
    qtbot.waitUntil(lambda: status.height() == status.max_lines * line)
    assert status.verticalScrollBar().maximum() > 0  # the rest is a scroll away, not lost
    panel.resize(420, 250)  # short: the line gives way, down to one
    qtbot.waitUntil(lambda: status.height() < status.max_lines * line)
    assert status.height() >= line
    status.setText("")
    assert not status.isVisible()


def test_the_notes_take_their_room_from_the_epoch_table_not_the_window(qtbot):
    """The canvas note and the status line each added a line to the panel's minimum height:
    a 1280x720 window at its minimum grew from 703 to 740 px, past the screen."""
    panel = TrainingPanel(TrainingController())
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    least = panel.minimumSizeHint().height()
    table = panel.epoch_table.minimumHeight()
    for differs, status in ((True, ""), (False, "Epoch 1: cost 2.3"), (True, "Epoch 1: cost 2.3")):
        panel.set_canvas_differs(differs)
        panel.status_label.setText(status)
        assert panel.canvas_hint.isVisibleTo(panel) == differs
        assert panel.status_label.isVisibleTo(panel) == bool(status)
        assert panel.minimumSizeHint().height() <= least
        assert panel.epoch_table.minimumHeight() < table
    panel.set_canvas_differs(False)
    panel.status_label.setText("")
    assert panel.epoch_table.minimumHeight() == table  # the rows' room back


def test_a_wide_panel_lays_its_settings_in_three_columns(qtbot):
    """Full width (the compact layout's Training tab), two columns of four settings and a row
    for the check box left the epoch table under the notes only its header at 1280x720."""
    from playground.ui.training.panel import WIDE_FORMS

    panel = TrainingPanel(TrainingController())
    qtbot.addWidget(panel)
    panel.resize(WIDE_FORMS - 200, 500)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.form_columns == 2)
    narrow = panel.minimumSizeHint().height()
    panel.resize(WIDE_FORMS + 300, 500)
    qtbot.waitUntil(lambda: panel.form_columns == 3)
    fresh, cost = panel.fresh_check, panel.cost_combo
    # the check box in the cell the eight settings leave free, on the last row
    qtbot.waitUntil(lambda: abs(fresh.geometry().center().y() - cost.geometry().center().y()) < 5)
    assert fresh.geometry().left() > cost.geometry().right()
    assert panel.minimumSizeHint().height() < narrow - 40  # two rows fewer
    panel.resize(WIDE_FORMS - 200, 500)  # and back
    qtbot.waitUntil(lambda: panel.form_columns == 2)


def test_a_chinese_status_line_is_as_tall_as_its_characters(qtbot):
    """A fallback CJK font draws taller lines than the Latin font's line spacing: the one
    line left on a short panel showed only the top of the Chinese characters."""
    from PySide6.QtGui import QFontDatabase

    if not any("CJK" in family for family in QFontDatabase.families()):
        pytest.skip("no CJK font installed")
    panel = TrainingPanel(TrainingController())
    qtbot.addWidget(panel)
    status = panel.status_label
    status.setText("训练了 200 个小批量后，准确率仍接近随机猜测")
    assert status.line_height() > status.label.fontMetrics().lineSpacing()
    assert status.minimumSizeHint().height() == status.line_height()


def test_error_inside_the_worker_is_shown(qtbot, data):
    broken = data.subset(100, eval_limit=20)
    broken.val_x = np.zeros((20, 1, 20, 20), dtype=np.float32)  # wrong size: fails at epoch end
    r = Rig(qtbot, broken, SMALL_CONV)
    try:
        r.panel.epochs_spin.setValue(1)
        with qtbot.waitSignal(r.controller.training_failed, timeout=TIMEOUT) as failed:
            press_start(qtbot, r)
        qtbot.waitUntil(lambda: not r.controller.is_running(), timeout=TIMEOUT)
        assert "DataError" in failed.args[0]
        assert "An error stopped training" in r.panel.last_message
        assert r.trained == []  # a failed run does not replace the model
    finally:
        r.close()


def test_impossible_setup_is_explained_without_starting(qtbot, data):
    spec = {
        "input": [1, 28, 28],
        "layers": [{"type": "dense", "units": 10, "activation": "step"}],
        "cost": "quadratic",
    }
    r = Rig(qtbot, data, spec)
    try:
        assert not r.panel.start()
        assert "gradient" in r.panel.last_message
        assert not r.controller.is_running()
    finally:
        r.close()


def test_loading_another_network_while_training_stops_the_run(qtbot, rig):
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    thread = rig.controller._thread
    other = Network.from_spec(SMALL_CONV, seed=1)
    rig.panel.set_network(other)
    assert not rig.controller.is_running() and thread.isFinished()
    assert rig.panel.network is other


def test_shutdown_while_paused_joins_the_thread(qtbot, rig):
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    rig.panel.pause()
    thread = rig.controller._thread
    rig.panel.shutdown()
    assert thread.isFinished() and not rig.controller.is_running()


def test_confirm_stop_asks_and_stops(qtbot, rig, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    assert rig.panel.confirm_stop()  # nothing runs: nothing to ask
    press_start(qtbot, rig)
    wait_steps(qtbot, rig, 1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not rig.panel.confirm_stop() and rig.controller.is_running()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert rig.panel.confirm_stop() and not rig.controller.is_running()


def test_event_loop_stays_responsive_while_training(qtbot, data):
    """A 10 ms QTimer probe during ~2 s of training: the 95th percentile lag stays < 50 ms."""
    r = Rig(qtbot, load_mnist().subset(3000, eval_limit=200), load_preset("nielsen-conv"))
    try:
        r.views.set_show_all(True)
        press_start(qtbot, r)
        wait_steps(qtbot, r, 2)  # compiled and running
        ticks: list[float] = []
        probe = QTimer()
        probe.setTimerType(Qt.TimerType.PreciseTimer)
        probe.setInterval(10)
        probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
        probe.start()
        qtbot.wait(2000)
        probe.stop()
        assert r.controller.is_running(), "training should still run during the probe"
        steps = len(r.snapshots)
        lags = np.diff(ticks) * 1000.0 - 10.0
        p95 = float(np.percentile(lags, 95))
        assert len(ticks) > 50 and steps > 2
        assert p95 < 50.0, f"event loop lag p95 {p95:.1f} ms"
        assert math.isfinite(p95)
    finally:
        r.close()


def test_the_time_left_leans_on_the_last_epoch_early_in_an_epoch() -> None:
    """After an epoch's end the first mini-batches run slowly (evaluation, repainting); their
    rate alone made the time left jump, e.g. from 33 s to 2 min."""
    from playground.engine.training import BatchDone
    from playground.ui.training.controller import _rate_for_eta

    early = BatchDone(step=1, epoch=2, batch=46, batches=5000, cost=0.1, images_per_s=11_500.0)
    late = BatchDone(step=2, epoch=2, batch=4_900, batches=5000, cost=0.1, images_per_s=45_000.0)
    assert _rate_for_eta(early, 47_000.0) == pytest.approx(46_673.4, rel=1e-4)
    assert _rate_for_eta(late, 47_000.0) == pytest.approx(45_040, rel=1e-4)
    assert _rate_for_eta(early, 0.0) == 11_500.0  # the first epoch has only its own rate


def test_durations_speak_the_interface_language(qtbot) -> None:
    from playground.ui.training.panel import format_duration, format_seconds

    assert [format_duration(t) for t in (42, 217, 4320, None)] == [
        "42 s",
        "3 min 37 s",
        "1 h 12 min",
        "–",
    ]
    app = QApplication.instance()
    assert install_translator(app, "zh_CN")
    try:
        assert [format_duration(t) for t in (42, 217, 4320)] == [
            "42 秒",
            "3 分 37 秒",
            "1 小时 12 分",
        ]
        assert format_seconds(0.04) == "0.0\u00a0秒"
    finally:
        remove_translators(app)
