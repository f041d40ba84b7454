"""Trainer: epochs of mini-batch SGD as a generator of events; the caller decides what to show.

    trainer = Trainer(net, dataset, TrainingSettings(epochs=1, lr=0.1))
    for event in trainer.run():
        ...   # BatchDone, EpochDone, Diverged, Finished

`stop()`, `pause()`, `resume()` and `step()` may be called from another thread; `settings.lr`,
`settings.momentum` and `settings.l2` may change while it runs and take effect at the next
mini-batch.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from playground.engine.network import Network
from playground.engine.plan import working_bytes
from playground.errors import DataError, Phrase


class TrainingData(Protocol):
    """What the trainer needs of a dataset (playground.data.Dataset fits)."""

    train_x: np.ndarray
    train_y: np.ndarray
    val_x: np.ndarray
    val_y: np.ndarray
    test_x: np.ndarray
    test_y: np.ndarray


@dataclass
class TrainingSettings:
    """Hyperparameters of a run; lr, momentum and l2 are read again at every mini-batch."""

    epochs: int = 1
    batch_size: int = 10
    lr: float = 0.1
    momentum: float = 0.0
    l2: float = 0.0
    seed: int = 0
    limit: int | None = None
    evaluate_test: bool = True

    @classmethod
    def from_spec(cls, spec: dict[str, Any], **overrides: Any) -> TrainingSettings:
        """Defaults from a preset's "training" block, then explicit overrides (None ignored)."""
        block = dict(spec.get("training") or {})
        known = {k: v for k, v in block.items() if k in cls.__dataclass_fields__}
        known.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**known)


@dataclass
class BatchDone:
    """One mini-batch was applied."""

    step: int
    epoch: int
    batch: int
    batches: int
    cost: float
    images_per_s: float


@dataclass
class EpochDone:
    """An epoch ended; accuracies are fractions in [0, 1] (None when not evaluated)."""

    epoch: int
    cost: float
    val_accuracy: float | None
    test_accuracy: float | None
    val_cost: float | None
    images_per_s: float
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form, as stored in the network's history."""
        return {
            "epoch": self.epoch,
            "cost": self.cost,
            "val_accuracy": self.val_accuracy,
            "test_accuracy": self.test_accuracy,
            "val_cost": self.val_cost,
            "images_per_s": self.images_per_s,
            "seconds": self.seconds,
        }


@dataclass
class Diverged:
    """The cost became NaN or inf; the weights were restored to the last finite ones.
    `message` says so in English, a Phrase the interface translates."""

    step: int
    epoch: int
    message: str


@dataclass
class Finished:
    """The run ended: all epochs done, or stopped early (`stopped`)."""

    stopped: bool
    epochs_done: int
    history: list[dict[str, Any]] = field(default_factory=list)


Event = BatchDone | EpochDone | Diverged | Finished

# Keep a copy of the last finite weights this often (steps); cheap next to the steps themselves.
_SNAPSHOT_EVERY = 50


def memory_budget() -> int:
    """Bytes a training step may allocate: a quarter of the computer's memory, at most 4 GiB,
    so that a huge mini-batch is refused with a message instead of swapping the machine."""
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # Windows has no sysconf: assume 8 GiB
        physical = 8 << 30
    return min(4 << 30, physical // 4)


def _round_down(n: int) -> int:
    """n rounded down to two significant digits (26167 -> 26000), at least 1."""
    if n < 100:
        return max(1, n)
    step = 10 ** (len(str(n)) - 2)
    return n // step * step


def _gigabytes(n: int) -> str:
    return f"{n / 2**30:.1f} GB"


class Trainer:
    """Runs SGD epochs over a dataset, yielding events; thread-safe stop/pause/step controls."""

    def __init__(self, net: Network, data: TrainingData, settings: TrainingSettings) -> None:
        net.check_trainable()
        if settings.batch_size < 1 or settings.epochs < 1:
            raise DataError("epochs and mini-batch size must be at least 1")
        if not (math.isfinite(settings.lr) and settings.lr > 0):
            raise DataError(
                "the learning rate must be a number above 0 (got {lr}); the book's "
                "networks use 0.03 to 3",
                lr=settings.lr,
            )
        if not 0 <= settings.momentum < 1:
            raise DataError(
                "momentum must be at least 0 and below 1 (got {momentum})",
                momentum=settings.momentum,
            )
        if not (math.isfinite(settings.l2) and settings.l2 >= 0):
            raise DataError("L2 regularisation must be 0 or more (got {l2})", l2=settings.l2)
        need, budget = working_bytes(net, settings.batch_size), memory_budget()
        if need > budget:
            raise DataError(
                "a mini-batch of {batch} images needs about {need} of working memory for this "
                "network, more than the {budget} Playground allows itself on this computer; "
                "use a mini-batch of at most {most}",
                batch=settings.batch_size,
                need=_gigabytes(need),
                budget=_gigabytes(budget),
                most=_round_down(budget * settings.batch_size // need),
            )
        x = data.train_x if settings.limit is None else data.train_x[: settings.limit]
        if len(x) == 0:
            raise DataError("the training set is empty")
        if tuple(x.shape[1:]) != tuple(net.input_shape) and x[0].size != math.prod(net.input_shape):
            raise DataError(
                "the dataset's images are {images} but the network expects {expected}",
                images="x".join(map(str, x.shape[1:])),
                expected="x".join(map(str, net.input_shape)),
            )
        n_classes = int(max(data.train_y.max(initial=0), data.test_y.max(initial=0))) + 1
        if n_classes > net.n_classes:
            raise DataError(
                "the dataset has {classes} classes but the output layer has only {units} "
                "units; set the last dense layer to {classes} units",
                classes=n_classes,
                units=net.n_classes,
            )
        self.net = net
        self.data = data
        self.settings = settings
        self.train_x = x
        self.train_y = data.train_y[: len(x)]
        #: This run's epochs are first_epoch .. last_epoch: a network trained before (a loaded
        #: model) continues its epoch count after its history.
        self.first_epoch = len(net.history) + 1
        self.last_epoch = self.first_epoch + settings.epochs - 1
        self.step_count = 0
        #: The last epoch's predicted class of every validation image (None before the first
        #: epoch ends, or without validation images): what its accuracy counted.
        self.val_predictions: np.ndarray | None = None
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self._single_steps = 0
        self._lock = threading.Lock()

    # ------------------------------------------------------------- controls (any thread)
    def stop(self) -> None:
        """Ask the run to end after the current mini-batch."""
        self._stop.set()
        self._running.set()

    def pause(self) -> None:
        """Hold before the next mini-batch until resume(), step() or stop()."""
        self._running.clear()

    def resume(self) -> None:
        """Continue after pause()."""
        self._running.set()

    def step(self) -> None:
        """While paused, run exactly one more mini-batch."""
        with self._lock:
            self._single_steps += 1
        self._running.set()

    @property
    def paused(self) -> bool:
        """True while the trainer holds between mini-batches."""
        return not self._running.is_set()

    @property
    def stopped(self) -> bool:
        """True once stop() was called."""
        return self._stop.is_set()

    def _wait_turn(self) -> bool:
        """Block while paused; False if the run should stop."""
        while True:
            self._running.wait()
            if self._stop.is_set():
                return False
            with self._lock:
                if self._single_steps:
                    self._single_steps -= 1
                    if self._single_steps == 0:
                        self._running.clear()
                    return True
            if self._running.is_set():
                return True

    # ------------------------------------------------------------- the loop
    def run(self) -> Iterator[Event]:
        """Train for settings.epochs: a BatchDone per mini-batch, an EpochDone per epoch."""
        s = self.settings
        net = self.net
        rng = np.random.default_rng(s.seed)
        n = len(self.train_x)
        batches = math.ceil(n / s.batch_size)
        snapshot = {k: v.copy() for k, v in net.params.items()}
        epochs_done = 0
        for epoch in range(self.first_epoch, self.last_epoch + 1):
            order = rng.permutation(n)
            start = time.perf_counter()
            costs_sum, seen = 0.0, 0
            for b in range(batches):
                held = time.perf_counter()
                if not self._wait_turn():
                    yield Finished(True, epochs_done, list(net.history))
                    return
                start += time.perf_counter() - held  # time held paused is not training time
                idx = np.sort(order[b * s.batch_size : (b + 1) * s.batch_size])
                xb, yb = self.train_x[idx], self.train_y[idx]
                cost = net.train_step(xb, yb, s.lr, momentum=s.momentum, l2=s.l2, n_train=n)
                self.step_count += 1
                if not math.isfinite(cost) or (
                    self.step_count % _SNAPSHOT_EVERY == 0 and not _all_finite(net.params)
                ):
                    net.set_params(snapshot)
                    net.reset_momentum()
                    yield Diverged(self.step_count, epoch, _divergence_message(s))
                    yield Finished(True, epochs_done, list(net.history))
                    return
                if self.step_count % _SNAPSHOT_EVERY == 0:
                    for k, v in net.params.items():
                        snapshot[k][...] = v
                costs_sum += cost * len(idx)
                seen += len(idx)
                elapsed = time.perf_counter() - start
                yield BatchDone(
                    self.step_count,
                    epoch,
                    b + 1,
                    batches,
                    cost,
                    seen / elapsed if elapsed > 0 else 0.0,
                )
            seconds = time.perf_counter() - start
            if not _all_finite(net.params):
                net.set_params(snapshot)
                net.reset_momentum()
                yield Diverged(self.step_count, epoch, _divergence_message(s))
                yield Finished(True, epochs_done, list(net.history))
                return
            for k, v in net.params.items():
                snapshot[k][...] = v
            val_cost, val_acc, self.val_predictions = (
                net.evaluate_predictions(self.data.val_x, self.data.val_y)
                if len(self.data.val_x)
                else (None, None, None)
            )
            test_acc = (
                net.evaluate(self.data.test_x, self.data.test_y)[1]
                if s.evaluate_test and len(self.data.test_x)
                else None
            )
            event = EpochDone(
                epoch,
                costs_sum / max(seen, 1),
                val_acc,
                test_acc,
                val_cost,
                seen / seconds if seconds > 0 else 0.0,
                seconds,
            )
            net.history.append(event.as_dict())
            epochs_done += 1
            yield event
        yield Finished(False, epochs_done, list(net.history))


def _all_finite(params: dict[str, np.ndarray]) -> bool:
    return all(np.isfinite(v).all() for v in params.values())


def _divergence_message(s: TrainingSettings) -> Phrase:
    """Why training stopped and what to try, as a Phrase the interface shows in its language."""
    return Phrase(
        "Training diverged: the cost became NaN or infinite. The likely cause is a learning "
        "rate too large for this network (lr = {lr:g}); the weights jump past the minimum "
        "and grow without bound. Try a rate about 10 times smaller. The weights were restored "
        "to the last finite values.",
        lr=s.lr,
    )


#: An epoch's accuracy closer than this to chance (10% for ten digits) means the network is not
#: learning (saturated sigmoids, dead ReLUs): at 14% after an epoch it is stuck, where the
#: book's networks pass 80%.
NEAR_CHANCE_MARGIN = 0.05


def chance_accuracy(n_classes: int) -> float:
    """The accuracy of guessing: one class in n_classes (a single class still counts as two)."""
    return 1.0 / max(n_classes, 2)


def near_chance(accuracy: float | None, n_classes: int) -> bool:
    """True when an accuracy is within NEAR_CHANCE_MARGIN of chance_accuracy(n_classes)."""
    return accuracy is not None and accuracy < chance_accuracy(n_classes) + NEAR_CHANCE_MARGIN


#: Fewer mini-batches than this are too few to call a network stuck: nielsen-conv at its own lr
#: is still at chance after 100 mini-batches (1,000 images), and learns within an epoch.
FEW_STEPS = 1000


def too_early_to_judge(steps: int, lr: float, usual_lr: float) -> bool:
    """True when an accuracy near chance after `steps` mini-batches of this run says only that
    the run was short: fewer than FEW_STEPS at no more than 3 times the network's usual lr
    (TrainingSettings.from_spec(spec).lr). Then the advice is more images or epochs, not a
    smaller lr, which would only slow it down further."""
    return steps < FEW_STEPS and lr <= 3 * usual_lr


def best_epoch(history: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The epoch with the best validation accuracy (how the book reports test accuracy)."""
    scored = [h for h in history if h.get("val_accuracy") is not None]
    return max(scored, key=lambda h: h["val_accuracy"]) if scored else None
