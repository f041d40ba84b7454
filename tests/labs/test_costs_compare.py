"""The cost comparison: the book's arithmetic, finite differences and the learning slowdown."""

from __future__ import annotations

import numpy as np
import pytest

from playground.engine import Network
from playground.labs.costs_compare import (
    BOOK_EPOCHS,
    BOOK_ETA,
    COSTS,
    compare,
    cost_value,
    epochs_to_reach,
    gradients,
    sigmoid,
    train,
)


@pytest.mark.parametrize("cost", COSTS)
@pytest.mark.parametrize(("w", "b"), [(2.0, 2.0), (0.6, 0.9), (-1.0, 0.3)])
def test_gradients_match_finite_differences(cost: str, w: float, b: float) -> None:
    h = 1e-6
    x, y = 1.0, 0.0
    dw = (cost_value(cost, (w + h) * x + b, y) - cost_value(cost, (w - h) * x + b, y)) / (2 * h)
    db = (cost_value(cost, w * x + b + h, y) - cost_value(cost, w * x + b - h, y)) / (2 * h)
    assert gradients(cost, w, b, x, y) == pytest.approx((dw, db), rel=1e-6)


@pytest.mark.parametrize("cost", COSTS)
def test_one_epoch_is_one_gradient_step(cost: str) -> None:
    history = train(cost, w=2.0, b=2.0, eta=0.15, epochs=1)
    nabla_w, nabla_b = gradients(cost, 2.0, 2.0, 1.0, 0.0)
    assert history.w[1] == pytest.approx(2.0 - 0.15 * nabla_w)
    assert history.b[1] == pytest.approx(2.0 - 0.15 * nabla_b)
    assert history.a[0] == pytest.approx(float(sigmoid(4.0)))


@pytest.mark.parametrize("cost", COSTS)
def test_mirrored_problem_agrees_with_the_engine(cost: str) -> None:
    # Target 0 from (w, b) is target 1 from (-w, -b): a' = 1 - a. The engine's one output unit
    # with label 0 means target 1, so the engine checks our cost and (negated) gradients.
    net = Network.from_spec(
        {
            "input": [1],
            "layers": [{"type": "dense", "units": 1, "activation": "sigmoid"}],
            "cost": cost,
        },
        seed=0,
    )
    net.set_params({"dense1.weight": np.array([[-2.0]]), "dense1.bias": np.array([-2.0])})
    engine_cost, grads = net.gradients(np.array([[1.0]], dtype=np.float32), np.array([0]))
    assert engine_cost == pytest.approx(cost_value(cost, 4.0, 0.0), rel=1e-5)
    nabla_w, nabla_b = gradients(cost, 2.0, 2.0, 1.0, 0.0)
    assert float(grads["dense1.weight"][0, 0]) == pytest.approx(-nabla_w, rel=1e-4)
    assert float(grads["dense1.bias"][0]) == pytest.approx(-nabla_b, rel=1e-4)


def test_the_saturated_neuron_learns_slowly_with_quadratic_cost() -> None:
    runs = compare(2.0, 2.0, BOOK_ETA, BOOK_EPOCHS)
    quad, ce = runs["quadratic"], runs["cross-entropy"]
    assert quad.epochs == ce.epochs == BOOK_EPOCHS
    assert quad.a[0] == ce.a[0] == pytest.approx(0.982, abs=1e-3)
    # Quadratic: barely moves for the first 50 epochs (the book's plateau) ...
    assert quad.a[50] > 0.97
    assert quad.cost[0] - quad.cost[50] < 0.01
    # ... while cross-entropy is already close to the target.
    assert ce.a[50] < 0.15
    assert epochs_to_reach(ce, 0.2) < 50
    # The book's figure: after 300 epochs the quadratic neuron has only just got to ~0.2.
    assert quad.a[-1] == pytest.approx(0.2, abs=0.03)
    assert epochs_to_reach(quad, 0.2) is None
    assert np.all(np.diff(ce.cost) < 0) and np.all(np.diff(quad.cost) < 0)


def test_the_comfortable_start_learns_with_both_costs() -> None:
    runs = compare(0.6, 0.9)
    assert runs["quadratic"].a[-1] < 0.15
    assert runs["cross-entropy"].a[-1] < 0.15


def test_cross_entropy_of_a_very_saturated_neuron_is_finite() -> None:
    assert cost_value("cross-entropy", 60.0, 0.0) == pytest.approx(60.0, rel=1e-9)
    with pytest.raises(ValueError, match="cost"):
        cost_value("hinge", 0.0, 0.0)
    with pytest.raises(ValueError, match="cost"):
        gradients("hinge", 0.0, 0.0, 1.0, 0.0)
