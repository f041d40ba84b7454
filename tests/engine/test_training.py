"""The trainer: events, controls from another thread, divergence, and real learning on MNIST."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from playground.data import load_mnist
from playground.engine import Network, load_preset
from playground.engine.training import (
    BatchDone,
    Diverged,
    EpochDone,
    Finished,
    Trainer,
    TrainingSettings,
    best_epoch,
    near_chance,
)
from playground.errors import DataError


@pytest.fixture(scope="module")
def mnist_small():
    return load_mnist().subset(2000, eval_limit=1000)


def test_events_and_history(mnist_small):
    net = Network.from_spec(load_preset("nielsen-mlp"), seed=0)
    trainer = Trainer(net, mnist_small, TrainingSettings(epochs=2, batch_size=50, lr=3.0))
    events = list(trainer.run())
    batches = [e for e in events if isinstance(e, BatchDone)]
    epochs = [e for e in events if isinstance(e, EpochDone)]
    assert len(batches) == 2 * 40 and batches[-1].step == 80
    assert [e.epoch for e in epochs] == [1, 2]
    assert all(0 <= e.val_accuracy <= 1 and 0 <= e.test_accuracy <= 1 for e in epochs)
    assert isinstance(events[-1], Finished) and not events[-1].stopped
    assert [h["epoch"] for h in net.history] == [1, 2]
    assert best_epoch(net.history)["val_accuracy"] == max(e.val_accuracy for e in epochs)
    # Trained on, the network continues its epoch count; the trainer says which it will run.
    more = Trainer(net, mnist_small, TrainingSettings(epochs=2, batch_size=50, lr=3.0))
    assert (more.first_epoch, more.last_epoch) == (3, 4)
    assert [e.epoch for e in more.run() if isinstance(e, EpochDone)] == [3, 4]


def test_an_epoch_keeps_the_validation_predictions_its_accuracy_counted(mnist_small):
    """The window's confusion matrix reads them instead of predicting the validation set a
    second time (an epoch's evaluation took twice as long)."""
    net = Network.from_spec(load_preset("nielsen-mlp"), seed=0)
    trainer = Trainer(net, mnist_small, TrainingSettings(epochs=1, batch_size=50, lr=3.0))
    assert trainer.val_predictions is None
    (epoch,) = [e for e in trainer.run() if isinstance(e, EpochDone)]
    guesses = trainer.val_predictions
    np.testing.assert_array_equal(guesses, net.predict(mnist_small.val_x))
    assert epoch.val_accuracy == np.mean(guesses == mnist_small.val_y)
    cost, accuracy, again = net.evaluate_predictions(mnist_small.val_x, mnist_small.val_y)
    assert (cost, accuracy) == net.evaluate(mnist_small.val_x, mnist_small.val_y)
    np.testing.assert_array_equal(again, guesses)
    empty = net.evaluate_predictions(mnist_small.val_x[:0], mnist_small.val_y[:0])[2]
    assert empty.shape == (0,)


def test_a_preset_learns_real_digits(mnist_small):
    """nielsen-mlp at the book's settings: one pass over 2,000 digits already reads most."""
    net = Network.from_spec(load_preset("nielsen-mlp"), seed=0)
    settings = TrainingSettings.from_spec(load_preset("nielsen-mlp"), epochs=3)
    assert (settings.lr, settings.batch_size) == (3.0, 10)
    done = [e for e in Trainer(net, mnist_small, settings).run() if isinstance(e, EpochDone)]
    assert done[-1].val_accuracy > 0.80
    assert done[-1].test_accuracy > 0.80
    assert done[-1].cost < done[0].cost


def test_pause_step_resume_and_stop_from_another_thread(mnist_small):
    net = Network.from_spec(load_preset("nielsen-mlp"), seed=0)
    trainer = Trainer(net, mnist_small, TrainingSettings(epochs=50, batch_size=10, lr=1.0))
    trainer.pause()
    seen: list[int] = []
    done = threading.Event()

    def consume():
        for event in trainer.run():
            if isinstance(event, BatchDone):
                seen.append(event.step)
        done.set()

    worker = threading.Thread(target=consume)
    worker.start()
    assert not done.wait(0.3) and seen == []  # paused before the first batch
    trainer.step()
    trainer.step()
    for _ in range(100):
        if len(seen) == 2:
            break
        done.wait(0.02)
    assert seen == [1, 2] and trainer.paused
    trainer.resume()
    for _ in range(200):
        if len(seen) > 20:
            break
        done.wait(0.02)
    trainer.stop()
    worker.join(timeout=10)
    assert not worker.is_alive() and len(seen) > 20


def test_time_held_paused_is_not_training_time(mnist_small):
    """images/s and the epoch's seconds count training only: a pause must not halve them."""

    def epoch_seconds(pause_s: float) -> float:
        net = Network.from_spec(load_preset("nielsen-mlp"), seed=0)
        trainer = Trainer(net, mnist_small, TrainingSettings(epochs=1, batch_size=10, lr=1.0))
        run = trainer.run()
        assert isinstance(next(run), BatchDone)
        if pause_s:
            trainer.pause()
            threading.Timer(pause_s, trainer.resume).start()  # held before the next batch
        events = list(run)
        if pause_s:
            after = next(e for e in events if isinstance(e, BatchDone))
            assert after.images_per_s > 20 / pause_s  # the held rate: 2 batches in the pause
        return next(e for e in events if isinstance(e, EpochDone)).seconds

    epoch_seconds(0.0)  # loads the kernels
    plain = epoch_seconds(0.0)
    held = epoch_seconds(0.6)
    assert held < plain + 0.3, (held, plain)


def test_learning_rate_changes_take_effect_at_the_next_batch(mnist_small):
    net = Network.from_spec(load_preset("nielsen-mlp"), seed=0)
    trainer = Trainer(net, mnist_small, TrainingSettings(epochs=1, batch_size=10, lr=3.0))
    run = trainer.run()
    next(run)
    trainer.settings.lr = 0.0
    before = {k: v.copy() for k, v in net.params.items()}
    next(run)
    for key in before:
        np.testing.assert_array_equal(net.params[key], before[key])


DIVERGING = {
    "input": [1, 28, 28],
    "layers": [
        {"type": "dense", "units": 30, "activation": "relu"},
        {"type": "dense", "units": 10, "activation": "linear"},
    ],
    "cost": "quadratic",
}


def test_divergence_stops_with_a_message_and_finite_weights(mnist_small):
    net = Network.from_spec(DIVERGING, seed=0)
    trainer = Trainer(net, mnist_small, TrainingSettings(epochs=1, batch_size=10, lr=50.0))
    events = list(trainer.run())
    diverged = [e for e in events if isinstance(e, Diverged)]
    assert diverged, "a learning rate of 50 must blow this linear-output network up"
    assert "learning rate" in diverged[0].message and "50" in diverged[0].message
    assert isinstance(events[-1], Finished) and events[-1].stopped
    assert all(np.isfinite(v).all() for v in net.params.values())


def test_bad_settings_and_mismatched_data_are_refused(mnist_small):
    net = Network.from_spec(load_preset("nielsen-mlp"))
    with pytest.raises(DataError, match="at least 1"):
        Trainer(net, mnist_small, TrainingSettings(batch_size=0))
    for bad, message in (
        ({"lr": -0.5}, "learning rate must be a number above 0"),
        ({"lr": 0.0}, "learning rate must be a number above 0"),
        ({"lr": float("nan")}, "learning rate must be a number above 0"),
        ({"momentum": 1.0}, "momentum must be at least 0 and below 1"),
        ({"momentum": -0.1}, "momentum must be at least 0 and below 1"),
        ({"l2": -1.0}, "L2 regularisation must be 0 or more"),
    ):
        with pytest.raises(DataError, match=message):
            Trainer(net, mnist_small, TrainingSettings(**bad))
    small_out = Network.from_spec(
        {"input": [1, 28, 28], "layers": [{"type": "dense", "units": 3, "activation": "softmax"}]}
    )
    with pytest.raises(DataError, match="10 classes but the output layer has only 3"):
        Trainer(small_out, mnist_small, TrainingSettings())
    wrong_input = Network.from_spec(
        {"input": [1, 8, 8], "layers": [{"type": "dense", "units": 10, "activation": "softmax"}]}
    )
    with pytest.raises(DataError, match="images are 1x28x28 but the network expects 1x8x8"):
        Trainer(wrong_input, mnist_small, TrainingSettings())


def test_working_memory_is_what_a_step_allocates():
    from playground.engine.plan import StepPlan, working_bytes

    net = Network.from_spec(load_preset("nielsen-conv2"))
    plan = StepPlan(net, 7)
    arrays = [plan.grad] + [
        v for s in plan.stages for v in vars(s).values() if isinstance(v, np.ndarray)
    ]
    batch_sized = sum(a.nbytes for a in arrays if a.ndim and a.shape[0] == 7)
    assert working_bytes(net, 7) == batch_sized
    # conv2's im2col rows dominate: 8x8 positions x 500 taps, four bytes each.
    assert 4 * 8 * 8 * 500 < working_bytes(net, 1) < 2 * 4 * 8 * 8 * 500


def test_a_mini_batch_too_big_for_memory_is_refused_with_the_largest_that_fits(
    mnist_small, monkeypatch
):
    from playground.engine import training
    from playground.engine.plan import working_bytes

    net = Network.from_spec(load_preset("nielsen-conv2"))
    monkeypatch.setattr(training, "memory_budget", lambda: 100 * working_bytes(net, 1) + 5)
    with pytest.raises(DataError, match=r"use a mini-batch of at most 100$"):
        Trainer(net, mnist_small, TrainingSettings(batch_size=60_000))
    Trainer(net, mnist_small, TrainingSettings(batch_size=100))  # fits


def test_near_chance_is_within_five_points_of_guessing():
    assert near_chance(0.1135, 10) and near_chance(0.0, 10)
    assert not near_chance(0.16, 10) and not near_chance(0.62, 10)
    assert near_chance(0.52, 2) and not near_chance(0.56, 2)
    assert not near_chance(None, 10)  # no figure, no claim
