"""The backprop lab's numbers against the engine and against the book's four equations."""

from __future__ import annotations

import numpy as np
import pytest

from playground.engine import Network
from playground.labs.backprop import COSTS, BackpropLab, Stage, network_spec, sigmoid_prime


def _engine_copy(lab: BackpropLab) -> Network:
    """An independent engine network with the lab's weights."""
    net = Network.from_spec(network_spec(lab.cost_name), seed=123)
    net.set_params({k: v.copy() for k, v in lab.net.params.items()})
    return net


@pytest.mark.parametrize("cost", COSTS)
def test_lab_numbers_equal_the_engines_gradients_for_the_same_weights(cost: str) -> None:
    lab = BackpropLab(cost=cost, x=(0.3, -0.8), label=1)
    snap = lab.snapshot()
    net = _engine_copy(lab)
    x = np.array([[0.3, -0.8]], dtype=np.float32)
    engine_cost, grads = net.gradients(x, np.array([1]))
    assert snap.cost == pytest.approx(engine_cost, rel=1e-6)
    acts = net.activations(x)
    for name, layer in zip(("dense1", "dense2"), snap.layers, strict=True):
        np.testing.assert_allclose(layer.a, acts[name][0], rtol=1e-6)
        np.testing.assert_allclose(layer.delta, grads[f"{name}.bias"], rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(layer.nabla_w, grads[f"{name}.weight"], rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(layer.weight, net.params[f"{name}.weight"])
        np.testing.assert_allclose(layer.bias, net.params[f"{name}.bias"])


@pytest.mark.parametrize("cost", COSTS)
def test_the_books_equations_reproduce_the_engine(cost: str) -> None:
    lab = BackpropLab(cost=cost, x=(1.0, 0.5), label=0)
    snap = lab.snapshot()
    hidden, out = snap.layers
    # Forward: a^l = sigma(w^l a^(l-1) + b^l).
    np.testing.assert_allclose(hidden.z, hidden.weight @ snap.x + hidden.bias)
    np.testing.assert_allclose(hidden.a, 1 / (1 + np.exp(-hidden.z)), rtol=1e-6)
    np.testing.assert_allclose(out.a, 1 / (1 + np.exp(-out.z)), rtol=1e-6)
    # BP1 and BP2, from z and a only.
    book_hidden, book_out = lab.book_deltas(snap)
    np.testing.assert_allclose(book_out, out.delta, rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(book_hidden, hidden.delta, rtol=1e-5, atol=1e-8)
    # BP4: dC/dw^l_jk = a^(l-1)_k delta^l_j.
    np.testing.assert_allclose(out.nabla_w, np.outer(out.delta, hidden.a), rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(hidden.nabla_w, np.outer(hidden.delta, snap.x), rtol=1e-5, atol=1e-8)
    # The cost itself.
    a, y = out.a, snap.y
    expected = (
        0.5 * np.sum((a - y) ** 2)
        if cost == "quadratic"
        else -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a))
    )
    assert snap.cost == pytest.approx(expected, rel=1e-5)


def test_gradients_match_finite_differences_through_the_engine() -> None:
    lab = BackpropLab(cost="quadratic")
    snap = lab.snapshot()
    x, y = np.array([[1.0, 0.5]], dtype=np.float32), np.array([0])
    net = _engine_copy(lab)
    h = 1e-2
    for j, k in [(0, 0), (1, 2)]:
        w = net.params["dense2.weight"]
        w[j, k] += h
        plus = float(net.gradients(x, y)[0])
        w[j, k] -= 2 * h
        minus = float(net.gradients(x, y)[0])
        w[j, k] += h
        assert snap.layers[1].nabla_w[j, k] == pytest.approx((plus - minus) / (2 * h), rel=2e-2)


def test_cross_entropy_removes_the_sigma_prime_factor_of_a_saturated_output() -> None:
    lab = BackpropLab(cost="quadratic")
    lab.saturate()
    quad = lab.snapshot().layers[1]
    assert quad.a[1] > 0.99  # output 2 is badly wrong (target 0) and saturated
    # float32 a (1 - a) near a = 1 keeps only ~4 digits: compare at that precision.
    np.testing.assert_allclose(quad.delta, (quad.a - lab.y) * sigmoid_prime(quad.z), rtol=1e-3)
    weights = {k: v.copy() for k, v in lab.net.params.items()}
    lab.cost_name = "cross-entropy"
    for k, v in weights.items():  # switching the cost keeps the weights
        np.testing.assert_array_equal(lab.net.params[k], v)
    ce = lab.snapshot().layers[1]
    np.testing.assert_allclose(ce.delta, ce.a - lab.y, rtol=1e-5, atol=1e-7)
    assert abs(ce.delta[1]) > 100 * abs(quad.delta[1])


def test_walk_through_order_and_update() -> None:
    lab = BackpropLab(eta=2.0)
    assert lab.stage is Stage.START
    with pytest.raises(RuntimeError):
        lab.step_backward()
    with pytest.raises(RuntimeError):
        lab.apply_update()
    assert lab.step_forward() is Stage.FORWARD_HIDDEN
    assert lab.step_forward() is Stage.FORWARD_OUTPUT
    with pytest.raises(RuntimeError):
        lab.step_forward()
    assert lab.step_backward() is Stage.BACKWARD_OUTPUT
    assert lab.step_backward() is Stage.BACKWARD_HIDDEN
    assert lab.can_update and not lab.can_step_backward
    snap = lab.snapshot()
    before = {k: v.copy() for k, v in lab.net.params.items()}
    cost = lab.apply_update()
    assert cost == pytest.approx(snap.cost, rel=1e-6)
    assert lab.stage is Stage.START and lab.updates == 1
    for name, layer in zip(("dense1", "dense2"), snap.layers, strict=True):
        np.testing.assert_allclose(
            lab.net.params[f"{name}.weight"],
            before[f"{name}.weight"] - 2.0 * layer.nabla_w,
            rtol=1e-5,
            atol=1e-6,
        )
        np.testing.assert_allclose(
            lab.net.params[f"{name}.bias"],
            before[f"{name}.bias"] - 2.0 * layer.delta,
            rtol=1e-5,
            atol=1e-6,
        )
    assert lab.snapshot().cost < snap.cost


def test_repeated_updates_learn_the_example() -> None:
    lab = BackpropLab(eta=2.0, label=1)
    first = lab.snapshot().cost
    for _ in range(30):
        lab.stage = Stage.BACKWARD_HIDDEN
        lab.apply_update()
    assert lab.snapshot().cost < 0.2 * first
    assert lab.snapshot().layers[1].a.argmax() == 1
    lab.reset()
    assert lab.snapshot().cost == pytest.approx(first, rel=1e-6)
    assert lab.updates == 0


def test_unknown_cost_is_refused() -> None:
    with pytest.raises(ValueError, match="cost"):
        network_spec("hinge")
