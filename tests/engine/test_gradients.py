"""Backpropagation checked against numerical differentiation and, when installed, PyTorch."""

from __future__ import annotations

import itertools

import numba
import numpy as np
import pytest

from playground.engine import Network

RNG = np.random.default_rng(7)


def _cost(net: Network, x: np.ndarray, y: np.ndarray) -> float:
    from playground.engine.costs import one_hot

    return net.cost.fn(net.forward(x).astype(np.float64), one_hot(y, net.n_classes))


def check_finite_differences(spec: dict, n: int = 4, eps: float = 1e-2) -> None:
    """Each parameter's gradient, projected on random directions, equals the central difference."""
    net = Network.from_spec(spec, seed=3)
    x = RNG.random((n, *net.input_shape), dtype=np.float32)
    y = RNG.integers(0, net.n_classes, n)
    _, grads = net.gradients(x, y)
    assert set(grads) == set(net.params)
    for key, w in net.params.items():
        g = grads[key].astype(np.float64)
        assert g.shape == w.shape
        for _ in range(2):
            v = RNG.standard_normal(w.shape)
            v /= np.linalg.norm(v)
            w0 = w.copy()
            w[...] = w0 + eps * v
            up = _cost(net, x, y)
            w[...] = w0 - eps * v
            down = _cost(net, x, y)
            w[...] = w0
            numeric = (up - down) / (2 * eps)
            analytic = float(np.sum(g * v))
            assert analytic == pytest.approx(numeric, rel=3e-2, abs=2e-4), key


LAYER_CASES = {
    "dense": [{"type": "dense", "units": 5, "activation": "tanh"}],
    "conv": [
        {
            "type": "conv",
            "filters": 4,
            "kernel": 3,
            "stride": 1,
            "padding": 1,
            "groups": 2,
            "activation": "tanh",
        }
    ],
    "conv-stride": [
        {"type": "conv", "filters": 2, "kernel": 2, "stride": 2, "activation": "sigmoid"}
    ],
    "pool-max": [
        {"type": "conv", "filters": 2, "kernel": 3, "activation": "tanh"},
        {"type": "pool", "mode": "max", "size": 2},
    ],
    "pool-l2": [{"type": "pool", "mode": "l2", "size": 2}],
    "pool-avg": [{"type": "pool", "mode": "avg", "size": 3}],
    "activation-layer": [
        {"type": "dense", "units": 6, "activation": "linear"},
        {"type": "activation", "activation": "sigmoid"},
    ],
    # an activation stage hands the conv after it rows, not images (this crashed training)
    "activation-then-conv": [
        {"type": "activation", "activation": "tanh"},
        {"type": "conv", "filters": 2, "kernel": 3, "activation": "relu"},
    ],
}


@pytest.mark.parametrize("case", list(LAYER_CASES))
def test_every_layer_type_against_finite_differences(case):
    layers = [*LAYER_CASES[case], {"type": "dense", "units": 3, "activation": "sigmoid"}]
    check_finite_differences({"input": [2, 7, 7], "layers": layers, "cost": "quadratic"})


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "linear"])
def test_every_hidden_activation_against_finite_differences(activation):
    check_finite_differences(
        {
            "input": [6],
            "layers": [
                {"type": "dense", "units": 5, "activation": activation},
                {"type": "dense", "units": 3, "activation": "sigmoid"},
            ],
            "cost": "quadratic",
        }
    )


@pytest.mark.parametrize(
    ("cost", "output"),
    [
        ("quadratic", "sigmoid"),
        ("quadratic", "linear"),
        ("quadratic", "softmax"),
        ("cross-entropy", "sigmoid"),
        ("cross-entropy", "softmax"),
        ("log-likelihood", "softmax"),
    ],
)
def test_every_cost_and_output_against_finite_differences(cost, output):
    check_finite_differences(
        {
            "input": [5],
            "layers": [
                {"type": "dense", "units": 4, "activation": "tanh"},
                {"type": "dense", "units": 3, "activation": output},
            ],
            "cost": cost,
        }
    )


def test_softmax_as_a_separate_activation_layer():
    check_finite_differences(
        {
            "input": [5],
            "layers": [
                {"type": "dense", "units": 3, "activation": "linear"},
                {"type": "activation", "activation": "softmax"},
            ],
            "cost": "log-likelihood",
        }
    )


def test_large_dense_layers_on_the_parallel_paths():
    """Layers big enough for the plan's parallel dense forward (softmax included) and backward:
    finite differences; then a second call, through the kernel addresses each stage looked up
    once and kept, gives the same gradients."""
    spec = {
        "input": [600],
        "layers": [
            {"type": "dense", "units": 300, "activation": "tanh"},
            {"type": "dense", "units": 600, "activation": "softmax"},
        ],
        "cost": "log-likelihood",
    }
    check_finite_differences(spec)
    net = Network.from_spec(spec, seed=3)
    x = RNG.random((4, 600), dtype=np.float32)
    y = RNG.integers(0, 600, 4)
    _, first = net.gradients(x, y)
    stages = net.__dict__["_plans"][4].stages
    assert all("backward" in s.kept for s in stages)
    if numba.get_num_threads() > 1:  # the parallel forward ran: it keeps its addresses too
        assert all("forward" in s.kept for s in stages)
    _, again = net.gradients(x, y)
    for key in first:
        np.testing.assert_array_equal(again[key], first[key])


# ------------------------------------------------------------------ PyTorch oracle


def _rel(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(b), 1e-12))


def _compare_with_torch(spec: dict, n: int = 3) -> None:
    pytest.importorskip("torch")
    from bench.torch_twin import torch_gradients

    net = Network.from_spec(spec, seed=1)
    x = RNG.random((n, *net.input_shape), dtype=np.float32)
    y = RNG.integers(0, net.n_classes, n)
    cost, grads = net.gradients(x, y)
    t_cost, t_grads, t_out = torch_gradients(net, x, y)
    assert _rel(net.forward(x), t_out) < 1e-4
    assert cost == pytest.approx(t_cost, rel=1e-4)
    for key in net.params:
        assert _rel(grads[key], t_grads[key]) < 1e-4, key


@pytest.mark.parametrize(
    ("kernel", "stride", "padding", "groups"),
    [
        (k, s, p, g)
        for k, s, p, g in itertools.product((3, 5), (1, 2), (0, 1, 2), (1, 2, 4))
        if not (k == 5 and p == 0 and s == 2 and g == 4)  # keep the grid to 35 cases
    ],
)
def test_conv_matches_torch(kernel, stride, padding, groups):
    _compare_with_torch(
        {
            "input": [4, 11, 11],
            "layers": [
                {
                    "type": "conv",
                    "filters": 8,
                    "kernel": kernel,
                    "stride": stride,
                    "padding": padding,
                    "groups": groups,
                    "activation": "tanh",
                },
                {"type": "dense", "units": 4, "activation": "softmax"},
            ],
            "cost": "log-likelihood",
        }
    )


@pytest.mark.parametrize("mode", ["max", "l2", "avg"])
@pytest.mark.parametrize("size", [2, 3])
def test_pooling_matches_torch(mode, size):
    _compare_with_torch(
        {
            "input": [2, 11, 11],
            "layers": [
                {"type": "conv", "filters": 3, "kernel": 3, "activation": "relu"},
                {"type": "pool", "mode": mode, "size": size},
                {"type": "dense", "units": 4, "activation": "sigmoid"},
            ],
            "cost": "cross-entropy",
        }
    )


@pytest.mark.parametrize(
    ("cost", "output"),
    [
        ("quadratic", "sigmoid"),
        ("quadratic", "linear"),
        ("cross-entropy", "sigmoid"),
        ("cross-entropy", "softmax"),
        ("log-likelihood", "softmax"),
    ],
)
@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
def test_dense_and_costs_match_torch(cost, output, hidden):
    _compare_with_torch(
        {
            "input": [1, 6, 6],
            "layers": [
                {"type": "dense", "units": 7, "activation": hidden},
                {"type": "dense", "units": 5, "activation": output},
            ],
            "cost": cost,
        }
    )


@pytest.mark.parametrize("preset", ["nielsen-mlp", "nielsen-conv", "grouped-conv"])
def test_presets_match_torch(preset):
    from playground.engine import load_preset

    _compare_with_torch(load_preset(preset), n=4)
