"""Training across threads: a worker QThread runs the engine's Trainer and emits small snapshots.

The worker owns the network while it trains: it alone reads and writes the weights, and it copies
what the window shows (a few weight arrays, the probe's activations, the mini-batch costs since
the last snapshot) before it emits them, at most ~10 times a second. The UI thread only calls
the Trainer's thread-safe controls (stop, pause, resume, step, settings). Shutdown is the stop
event, then quit() and wait(): no orphan thread, no crash when the window closes.
"""

from __future__ import annotations

import math
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from playground.engine import Network
from playground.engine.training import (
    BatchDone,
    Diverged,
    EpochDone,
    Finished,
    Trainer,
    TrainingSettings,
)
from playground.ui.gui_gc import keep_gc_on_gui_thread
from playground.ui.names import phrase_text

#: At most this many snapshots a second reach the UI.
SNAPSHOT_RATE_HZ = 10.0
#: Training accuracy per epoch is measured on this many of the training images.
TRAIN_ACCURACY_SAMPLE = 5000
#: The misclassified gallery keeps this many validation images.
MAX_MISTAKES = 64
#: Evaluation in the worker runs in chunks this big, checking for Stop between them.
EVAL_CHUNK = 500
#: Until the first epoch's end is measured, its accuracy checks are timed at this many images
#: per training image's time: inference ran 2x (conv presets) to 5x (MLPs) the training rate.
FORWARD_SPEEDUP = 2.0

IDLE = "idle"
RUNNING = "running"
PAUSED = "paused"
STOPPING = "stopping"


# ================================================================================ payloads
@dataclass
class Snapshot:
    """What the views show at one moment of a run; every array is a copy the UI may keep."""

    step: int
    epoch: int  # counted as the network's history counts epochs (a loaded model continues)
    epochs: int  # the number of the run's last epoch
    batch: int
    batches: int
    images_per_s: float
    elapsed: float
    eta: float | None
    progress: float
    costs: np.ndarray  # (k, 2): x in epochs, fractional (epoch 9 spans 8..9), mini-batch cost
    weights: dict[str, np.ndarray]  # conv kernels and the first dense layer's weights
    activations: dict[str, np.ndarray]  # the probe's conv and pool outputs, (C, H, W)
    probe: np.ndarray | None  # the probe image (C, H, W)
    paused: bool = False


@dataclass
class Mistake:
    """A misclassified validation image: where it is, what it shows, what the network said."""

    index: int
    image: np.ndarray
    guess: int
    label: int


@dataclass
class EpochReport:
    """The end of an epoch: the engine's EpochDone plus training accuracy and the mistakes."""

    epoch: int  # as in Snapshot: a loaded model's epochs continue its history
    epochs: int  # the number of the run's last epoch
    cost: float
    train_accuracy: float | None
    val_accuracy: float | None
    test_accuracy: float | None
    val_cost: float | None
    images_per_s: float
    seconds: float
    confusion: np.ndarray | None = None  # (classes, classes): rows true labels, columns guesses
    mistakes: list[Mistake] = field(default_factory=list)  # the first MAX_MISTAKES of them
    history_entry: dict[str, Any] = field(default_factory=dict)
    #: A copy of the network as this epoch left it, for the draw pad (the run goes on with its
    #: own); None if no copy was made.
    net: Any = None
    mistakes_total: int = 0  # every misclassified validation image, shown or not
    #: The validation set's images and labels (the dataset's own arrays, not copies) and the
    #: network's guess for each, so that a confusion-matrix cell can show its images.
    val_images: np.ndarray | None = None
    val_labels: np.ndarray | None = None
    val_guesses: np.ndarray | None = None


@dataclass
class RunInfo:
    """Sent when a run starts: what is trained, how, and how much history came before it."""

    spec: dict[str, Any]
    settings: TrainingSettings
    n_train: int
    batches: int
    history_length: int
    history: list[dict[str, Any]]
    net: Network  # for identity only: the worker owns its arrays until the run ends


@dataclass
class RunResult:
    """How a run ended; `net` is the trained network (weights finite even after divergence)."""

    net: Network
    stopped: bool
    epochs_done: int
    history: list[dict[str, Any]]
    diverged: str | None = None
    error: str | None = None


@dataclass
class _Message:
    run_id: int
    kind: str
    payload: Any


# ================================================================================ helpers
def weights_to_show(net: Network) -> dict[str, np.ndarray]:
    """Copies of the weights the views draw: every conv layer's kernels, the first dense layer's."""
    out: dict[str, np.ndarray] = {}
    first_dense = True
    for layer in net.spec["layers"]:
        kind, name = layer["type"], layer["name"]
        if kind == "conv" or (kind == "dense" and first_dense):
            out[f"{name}.weight"] = np.array(net.params[f"{name}.weight"], dtype=np.float32)
        if kind == "dense":
            first_dense = False
    return out


def probe_activations(net: Network, probe: np.ndarray | None) -> dict[str, np.ndarray]:
    """The probe's spatial outputs (conv, pool, ...) as (C, H, W) copies; {} if it does not fit."""
    if probe is None or probe.size != math.prod(net.input_shape):
        return {}
    acts = net.activations(probe.reshape(1, *net.input_shape))
    return {name: np.array(a[0], dtype=np.float32) for name, a in acts.items() if a.ndim == 4}


def fit_probe(image: Any, net: Network | None = None) -> np.ndarray | None:
    """An image as a (C, H, W) float32 copy (the network's input shape when the sizes agree)."""
    if image is None:
        return None
    img = np.array(image, dtype=np.float32)
    if img.ndim == 2:
        img = img[None]
    while img.ndim > 3 and img.shape[0] == 1:
        img = img[0]
    if net is not None and img.size == math.prod(net.input_shape):
        img = img.reshape(net.input_shape)
    return np.ascontiguousarray(img)


def idle_snapshot(
    net: Network, probe: np.ndarray | None, with_activations: bool = True
) -> Snapshot:
    """A snapshot of a network at rest (no run), so the views show a loaded model too."""
    return Snapshot(
        step=0,
        epoch=0,
        epochs=0,
        batch=0,
        batches=0,
        images_per_s=0.0,
        elapsed=0.0,
        eta=None,
        progress=0.0,
        costs=np.zeros((0, 2), dtype=np.float64),
        weights=weights_to_show(net),
        activations=probe_activations(net, probe) if with_activations else {},
        probe=None if probe is None else probe.copy(),
    )


def format_error(exc: BaseException) -> str:
    """The exception and where it came from (last frames), for an error dialog."""
    tb = traceback.format_exception(type(exc), exc, exc.__traceback__)
    head = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return head + "\n\n" + "".join(tb[-4:]).strip()


# ================================================================================ the worker
def _rate_for_eta(event: BatchDone, epoch_rate: float) -> float:
    """The images/s to forecast the time left with: early in an epoch its own rate rests on a
    few mini-batches (and the views repainting after the last epoch's end), so it is blended
    with the last whole epoch's rate, in proportion to how far the epoch has got."""
    if epoch_rate <= 0:
        return event.images_per_s
    done = event.batch / event.batches
    return done * event.images_per_s + (1.0 - done) * epoch_rate


class _TrainingThread(QThread):
    """Runs one Trainer to its end; emits `message(_Message)`; never touches a widget."""

    message = Signal(object)

    def __init__(self, trainer: Trainer, run_id: int, controller: TrainingController) -> None:
        super().__init__()
        self.trainer = trainer
        self.run_id = run_id
        self._controller = controller  # read only through its lock-guarded probe
        self.result: RunResult | None = None
        self.interval = 1.0 / SNAPSHOT_RATE_HZ
        #: Set by the controller; the worker pauses the trainer itself after the mini-batch in
        #: flight, so the snapshot it sends first shows exactly where training holds.
        self.pause_requested = threading.Event()
        #: Guards pause_requested together with the trainer's pause / resume / stop, so a
        #: pause can never land after a stop or a resume that was meant to follow it.
        self.control_lock = threading.Lock()
        self.setObjectName(f"training-run-{run_id}")

    def _send(self, kind: str, payload: Any) -> None:
        self.message.emit(_Message(self.run_id, kind, payload))

    def run(self) -> None:
        trainer = self.trainer
        net = trainer.net
        s = trainer.settings
        n = len(trainer.train_x)
        total = s.epochs * n
        pending: list[tuple[float, float]] = []  # (x in epochs, cost) since the last snapshot
        last_emit = -math.inf
        start = time.perf_counter()
        last_batch: BatchDone | None = None
        last_batch_time = start
        # The accuracy checks at an epoch's end (for the time left): guessed until measured.
        data = trainer.data
        checked = len(data.val_x) + min(n, TRAIN_ACCURACY_SAMPLE)
        checked += len(data.test_x) if s.evaluate_test else 0
        epoch_end_seconds: float | None = None
        epoch_rate = 0.0  # images/s of the last whole epoch (for the time left)
        done_images = 0

        def overall() -> float:
            # The bar spans every epoch the text counts ("Epoch 9/68" on a network trained for
            # 8 before), not only this run, so the two agree.
            return (trainer.first_epoch - 1 + done_images / n) / trainer.last_epoch

        diverged: str | None = None
        error: str | None = None
        finished: Finished | None = None
        try:
            for event in trainer.run():
                if isinstance(event, BatchDone):
                    last_batch = event
                    last_batch_time = now = time.perf_counter()
                    pending.append((event.epoch - 1 + event.batch / event.batches, event.cost))
                    done_epochs = event.epoch - trainer.first_epoch
                    done_images = min(done_epochs * n + event.batch * s.batch_size, total)
                    self._apply_pause()
                    if (
                        now - last_emit >= self.interval
                        or trainer.paused
                        or trainer.stopped
                        or event.batch == event.batches
                    ):
                        eta = None
                        rate = _rate_for_eta(event, epoch_rate)
                        if rate > 0:
                            epoch_ends = trainer.last_epoch - event.epoch + 1
                            end = epoch_end_seconds
                            if end is None:
                                end = checked / (FORWARD_SPEEDUP * rate)
                            eta = (total - done_images) / rate + epoch_ends * end
                        self._send(
                            "snapshot",
                            self._snapshot(event, pending, now - start, eta, overall()),
                        )
                        pending = []
                        last_emit = time.perf_counter()
                elif isinstance(event, EpochDone):
                    report = self._epoch_report(event, trainer.last_epoch)
                    epoch_end_seconds = time.perf_counter() - last_batch_time
                    epoch_rate = event.images_per_s
                    if report is not None:
                        self._send("epoch", report)
                    if last_batch is not None and self._apply_pause():
                        # Hold before the next epoch, and say so with a snapshot.
                        self._send(
                            "snapshot",
                            self._snapshot(
                                last_batch,
                                [],
                                time.perf_counter() - start,
                                None,
                                overall(),
                            ),
                        )
                elif isinstance(event, Diverged):
                    diverged = event.message
                    self._send("diverged", event.message)
                elif isinstance(event, Finished):
                    finished = event
        except Exception as exc:  # shown to the user by the controller, never swallowed
            error = format_error(exc)
            self._send("failed", error)
        if pending and last_batch is not None and error is None:
            # The costs of the last mini-batches still reach the plot.
            self._send(
                "snapshot",
                self._snapshot(last_batch, pending, time.perf_counter() - start, None, overall()),
            )
        self.result = RunResult(
            net=net,
            stopped=finished.stopped if finished is not None else True,
            epochs_done=finished.epochs_done if finished is not None else 0,
            history=list(net.history),
            diverged=diverged,
            error=error,
        )
        self._send("finished", self.result)

    def _apply_pause(self) -> bool:
        """Pause the trainer if the controller asked to (and no stop came first)."""
        with self.control_lock:
            if not self.pause_requested.is_set():
                return False
            self.pause_requested.clear()
            if self.trainer.stopped:
                return False
            self.trainer.pause()
            return True

    def _snapshot(
        self,
        event: BatchDone,
        pending: list[tuple[float, float]],
        elapsed: float,
        eta: float | None,
        progress: float,
    ) -> Snapshot:
        net = self.trainer.net
        probe = self._controller.probe()
        try:
            acts = probe_activations(net, probe)
        except Exception:  # a probe that does not fit must not end the run
            acts = {}
        return Snapshot(
            step=event.step,
            epoch=event.epoch,
            epochs=self.trainer.last_epoch,
            batch=event.batch,
            batches=event.batches,
            images_per_s=event.images_per_s,
            elapsed=elapsed,
            eta=eta,
            progress=progress,
            costs=np.array(pending, dtype=np.float64).reshape(-1, 2),
            weights=weights_to_show(net),
            activations=acts,
            probe=probe,
            paused=self.trainer.paused,
        )

    def _epoch_report(self, event: EpochDone, epochs: int) -> EpochReport | None:
        """Training accuracy on a fixed sample, the confusion matrix and mistakes on validation."""
        trainer = self.trainer
        net = trainer.net
        sample = min(len(trainer.train_x), TRAIN_ACCURACY_SAMPLE)
        train_pred = self._predict(trainer.train_x[:sample])
        if train_pred is None:
            return None
        train_acc = float(np.mean(train_pred == trainer.train_y[:sample])) if sample else None
        confusion = None
        mistakes: list[Mistake] = []
        wrong = np.empty(0, dtype=np.intp)
        val_x, val_y = trainer.data.val_x, trainer.data.val_y
        # What the epoch's validation accuracy counted; None without validation images.
        pred = trainer.val_predictions
        if pred is not None:
            k = max(net.n_classes, int(val_y.max()) + 1)
            confusion = np.bincount(val_y * k + pred, minlength=k * k).reshape(k, k)
            wrong = np.flatnonzero(pred != val_y)
            mistakes = [
                Mistake(int(i), np.array(val_x[i], dtype=np.float32), int(pred[i]), int(val_y[i]))
                for i in wrong[:MAX_MISTAKES]
            ]
        entry = net.history[-1] if net.history else event.as_dict()
        entry["train_accuracy"] = train_acc  # saved with the model, exported in the CSV
        return EpochReport(
            epoch=event.epoch,
            epochs=epochs,
            cost=event.cost,
            train_accuracy=train_acc,
            val_accuracy=event.val_accuracy,
            test_accuracy=event.test_accuracy,
            val_cost=event.val_cost,
            images_per_s=event.images_per_s,
            seconds=event.seconds,
            confusion=confusion,
            mistakes=mistakes,
            mistakes_total=len(wrong),
            history_entry=dict(entry),
            net=net.copy(),  # made here, between two epochs, while the trainer waits
            val_images=None if pred is None else val_x,
            val_labels=None if pred is None else val_y,
            val_guesses=pred,
        )

    def _predict(self, x: np.ndarray) -> np.ndarray | None:
        """Predicted classes in chunks; None as soon as the run is asked to stop."""
        out = []
        for i in range(0, len(x), EVAL_CHUNK):
            if self.trainer.stopped:
                return None
            out.append(self.trainer.net.predict(x[i : i + EVAL_CHUNK]))
        return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


# ================================================================================ controller
class TrainingController(QObject):
    """Owns the training thread; the panels call its methods and follow its signals.

    Signals (all delivered on the UI thread):
    `training_started(RunInfo)`, `snapshot_ready(Snapshot)` (≤ ~10 a second),
    `epoch_finished(EpochReport)`, `diverged(str)` (why, in the interface language; weights
    already restored),
    `training_failed(str)` (an error inside the worker), `training_finished(RunResult)` (always
    last), `state_changed(str)` with "idle", "running", "paused" or "stopping".
    """

    training_started = Signal(object)
    snapshot_ready = Signal(object)
    epoch_finished = Signal(object)
    diverged = Signal(str)
    training_failed = Signal(str)
    training_finished = Signal(object)
    state_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _TrainingThread | None = None
        self._trainer: Trainer | None = None
        self._run_id = 0
        self._state = IDLE
        self._probe: np.ndarray | None = None
        self._probe_lock = threading.Lock()
        self.last_snapshot: Snapshot | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ------------------------------------------------------------------ state
    @property
    def state(self) -> str:
        """ "idle", "running", "paused" or "stopping"."""
        return self._state

    @property
    def trainer(self) -> Trainer | None:
        """The running Trainer (None when idle); use only its thread-safe controls."""
        return self._trainer

    def is_running(self) -> bool:
        """True from start() until the run has ended (paused counts as running)."""
        return self._thread is not None

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    # ------------------------------------------------------------------ probe
    def set_probe(self, image: Any) -> None:
        """The image whose activations the snapshots carry (C, H, W) or (H, W); None: none."""
        img = fit_probe(image)
        with self._probe_lock:
            self._probe = img

    def probe(self) -> np.ndarray | None:
        """A copy of the current probe (any thread)."""
        with self._probe_lock:
            return None if self._probe is None else self._probe.copy()

    # ------------------------------------------------------------------ controls
    def start(self, net: Network, dataset: Any, settings: TrainingSettings) -> RunInfo:
        """Train `net` on `dataset` in the worker thread; the worker owns `net` until it ends.

        Raises DataError / SpecError (ValueErrors) at once for impossible set-ups, and
        RuntimeError if a run is already going.
        """
        if self.is_running():
            raise RuntimeError("a training run is already going; stop it first")
        trainer = Trainer(net, dataset, settings)
        self._run_id += 1
        thread = _TrainingThread(trainer, self._run_id, self)
        thread.message.connect(self._on_message)
        self._thread = thread
        self._trainer = trainer
        self.last_snapshot = None
        n = len(trainer.train_x)
        info = RunInfo(
            spec=net.spec,
            settings=settings,
            n_train=n,
            batches=math.ceil(n / settings.batch_size),
            history_length=len(net.history),
            history=[dict(h) for h in net.history],
            net=net,
        )
        self.training_started.emit(info)
        self._set_state(RUNNING)
        keep_gc_on_gui_thread()  # the worker must never collect the GUI's cycles
        thread.start()
        return info

    def pause(self) -> None:
        """Hold after the mini-batch in flight; a snapshot of that moment follows."""
        if self._thread is not None and self._state == RUNNING:
            with self._thread.control_lock:
                self._thread.pause_requested.set()
            self._set_state(PAUSED)

    def resume(self) -> None:
        """Continue after pause()."""
        if self._thread is not None and self._trainer is not None and self._state == PAUSED:
            with self._thread.control_lock:
                self._thread.pause_requested.clear()
                self._trainer.resume()
            self._set_state(RUNNING)

    def step(self) -> None:
        """While paused, run exactly one more mini-batch (a snapshot follows)."""
        if self._thread is None or self._trainer is None or self._state != PAUSED:
            return
        with self._thread.control_lock:
            if self._thread.pause_requested.is_set():
                return  # the pause has not taken hold yet: the mini-batch in flight is this step
            self._trainer.step()

    def update_settings(self, **values: float) -> None:
        """Change lr, momentum or l2 of the running trainer; read at its next mini-batch."""
        if self._trainer is None:
            return
        for key, value in values.items():
            if key not in ("lr", "momentum", "l2"):
                raise ValueError(f"only lr, momentum and l2 can change while training; got {key}")
            setattr(self._trainer.settings, key, float(value))

    def stop(self, wait: bool = True) -> None:
        """End the run after the current mini-batch; with `wait`, block until the thread ended.

        Waiting finishes the run here and now: `training_finished` is emitted before return.
        """
        thread = self._thread
        if thread is None or self._trainer is None:
            return
        with thread.control_lock:
            thread.pause_requested.clear()
            self._trainer.stop()
        self._set_state(STOPPING)
        if wait:
            thread.quit()
            thread.wait()
            result = thread.result
            if result is None:  # the thread died without a word: still end the run cleanly
                net = self._trainer.net
                result = RunResult(
                    net, True, 0, list(net.history), error="the training thread ended unexpectedly"
                )
            self._finish(thread, result)

    def shutdown(self) -> None:
        """Stop any run and wait for its thread (the window calls this when it closes)."""
        self.stop(wait=True)

    # ------------------------------------------------------------------ messages from the worker
    @Slot(object)
    def _on_message(self, message: _Message) -> None:
        thread = self._thread
        if thread is None or message.run_id != thread.run_id:
            return  # a run that already ended (stop(wait=True) finished it)
        kind, payload = message.kind, message.payload
        if kind == "snapshot":
            self.last_snapshot = payload
            self.snapshot_ready.emit(payload)
        elif kind == "epoch":
            self.epoch_finished.emit(payload)
        elif kind == "diverged":
            self.diverged.emit(phrase_text(payload))  # the engine's Phrase, translated
        elif kind == "failed":
            self.training_failed.emit(payload)
        elif kind == "finished":
            thread.quit()
            thread.wait()
            self._finish(thread, payload)

    def _finish(self, thread: _TrainingThread, result: RunResult) -> None:
        if self._thread is not thread:
            return
        self._thread = None
        self._trainer = None
        self._set_state(IDLE)
        self.training_finished.emit(result)
