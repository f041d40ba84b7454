"""The neuron lab's model: perceptron and sigmoid outputs by the engine, NAND, the half adder."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.labs.neuron import (
    HalfAdder,
    Neuron,
    gate_name,
    sigmoid,
    step,
)


def test_nand_preset_truth_table_is_nand() -> None:
    table = Neuron.nand().truth_table()
    assert [row.inputs for row in table] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert [row.perceptron for row in table] == [1, 1, 1, 0]
    # The book's numbers: z = 3, 1, 1, -1.
    assert [row.z for row in table] == [3.0, 1.0, 1.0, -1.0]
    assert gate_name(table) == "NAND"


def test_perceptron_follows_the_books_rule_at_and_around_zero() -> None:
    # Output 0 if w.x + b <= 0, else 1: z = 0 exactly gives 0.
    neuron = Neuron(n_inputs=1, weights=(1.0,), bias=-1.0, inputs=(1.0,))
    out = neuron.evaluate()
    assert out.z == 0.0
    assert out.perceptron == 0
    assert out.sigmoid == pytest.approx(0.5)
    neuron.bias = -0.99
    assert neuron.evaluate().perceptron == 1


def test_on_the_sliders_grid_the_perceptron_decides_z_exactly() -> None:
    """Every weight and bias a slider can give around the threshold: z is worked out exactly
    (as fractions of the values on screen) and the perceptron fires exactly when z > 0. In
    float32, -1.90 + 0.20 + 1.70 came out 2e-8 and the unit fired at z = 0."""
    rng = np.random.default_rng(0)
    ties = 0
    for _ in range(400):
        w = rng.integers(-600, 601, size=2) / 100  # the sliders' 0.01 steps
        x = rng.integers(0, 101, size=2) / 100
        exact = sum(Fraction(str(wi)) * Fraction(str(xi)) for wi, xi in zip(w, x, strict=True))
        for b in (-exact, -exact + Fraction(1, 100), -exact - Fraction(1, 100)):
            if b.denominator > 10_000 or abs(b) > 6:  # not a value the bias slider offers
                continue
            bias = round(float(b), 4)
            out = Neuron(n_inputs=2, weights=tuple(w), bias=bias, inputs=tuple(x)).evaluate()
            z = exact + Fraction(str(bias))
            ties += z == 0
            assert out.z == float(z), (w, x, bias)
            assert out.perceptron == (1 if z > 0 else 0), (w, x, bias, out)
    assert ties > 100
    # The reviewer's case, on a truth table row.
    neuron = Neuron(n_inputs=2, weights=(-1.9, 0.2), bias=1.7, inputs=(1.0, 1.0))
    assert neuron.evaluate().perceptron == 0 and neuron.evaluate().z == 0.0


@settings(max_examples=40, deadline=None)
@given(
    w=st.lists(st.floats(-6, 6), min_size=3, max_size=3),
    x=st.lists(st.floats(0, 1), min_size=3, max_size=3),
    b=st.floats(-6, 6),
    n=st.integers(1, 3),
)
def test_engine_outputs_match_the_formulas(
    w: list[float], x: list[float], b: float, n: int
) -> None:
    neuron = Neuron(n_inputs=n, weights=tuple(w), bias=b, inputs=tuple(x))
    out = neuron.evaluate()
    z = sum(w[i] * x[i] for i in range(n)) + b
    assert out.z == pytest.approx(z, abs=1e-9)
    assert out.sigmoid == pytest.approx(1.0 / (1.0 + math.exp(-z)), abs=1e-5)
    if abs(z) > 1e-4:  # away from the float32 rounding of the threshold itself
        assert out.perceptron == (1 if z > 0 else 0)


def test_inactive_inputs_take_no_part() -> None:
    neuron = Neuron(n_inputs=1, weights=(2.0, 5.0, 5.0), bias=-1.0, inputs=(1.0, 1.0, 1.0))
    assert neuron.evaluate().z == pytest.approx(1.0)
    neuron.n_inputs = 3
    assert neuron.evaluate().z == pytest.approx(11.0)
    with pytest.raises(ValueError, match="n_inputs"):
        neuron.n_inputs = 4


@settings(max_examples=40, deadline=None)
@given(
    w=st.lists(st.floats(-5, 5), min_size=2, max_size=2),
    b=st.floats(-5, 5),
    dw=st.floats(-0.05, 0.05),
)
def test_a_small_nudge_moves_sigmoid_a_little_and_perceptron_by_zero_or_a_step(
    w: list[float], b: float, dw: float
) -> None:
    neuron = Neuron(n_inputs=2, weights=tuple(w), bias=b, inputs=(1.0, 1.0))
    nudge = neuron.nudge(0, dw)
    assert neuron.weights[0] == pytest.approx(w[0] + dw)
    assert nudge.dz == pytest.approx(dw, abs=1e-9)
    assert nudge.d_perceptron in (-1, 0, 1)
    # |d sigma| <= max sigma' * |dz| = |dw| / 4 (plus float32 rounding).
    assert abs(nudge.d_sigmoid) <= abs(dw) / 4 + 1e-6


def test_nudge_across_the_threshold_flips_the_perceptron_by_a_full_step() -> None:
    neuron = Neuron(n_inputs=1, weights=(1.0,), bias=-1.02, inputs=(1.0,))
    nudge = neuron.nudge(0, 0.05)  # z: -0.02 -> 0.03
    assert (nudge.before.perceptron, nudge.after.perceptron) == (0, 1)
    assert nudge.d_perceptron == 1
    assert 0.0 < nudge.d_sigmoid < 0.02


def test_nudge_far_from_threshold_leaves_the_perceptron_alone() -> None:
    neuron = Neuron.nand()  # inputs (1, 1): z = -1
    nudge = neuron.nudge(1, 0.1)
    assert nudge.d_perceptron == 0
    assert nudge.d_sigmoid == pytest.approx(0.1 * sigmoid(-1.0) * (1 - sigmoid(-1.0)), rel=0.05)
    with pytest.raises(ValueError, match="weight index"):
        neuron.nudge(2, 0.1)


def test_gate_names() -> None:
    assert gate_name(Neuron(n_inputs=2, weights=(1, 1), bias=-1.5).truth_table()) == "AND"
    assert gate_name(Neuron(n_inputs=2, weights=(1, 1), bias=-0.5).truth_table()) == "OR"
    assert gate_name(Neuron(n_inputs=1, weights=(-1,), bias=0.5).truth_table()) == "NOT"
    assert gate_name(Neuron(n_inputs=3, weights=(1, 1, 1), bias=-1.5).truth_table()) == "MAJORITY"
    assert gate_name(Neuron(n_inputs=2, weights=(1, 0), bias=-0.5).truth_table()) is None
    assert len(Neuron(n_inputs=3).truth_table()) == 8


def test_half_adder_adds_two_bits() -> None:
    adder = HalfAdder()
    for x1, x2, s, c in adder.truth_table():
        assert x1 + x2 == s + 2 * c
    assert adder.truth_table() == [(0, 0, 0, 0), (0, 1, 1, 0), (1, 0, 1, 0), (1, 1, 0, 1)]


def test_half_adder_gates_are_nands_of_their_inputs() -> None:
    adder = HalfAdder()

    def nand(a: int, b: int) -> int:
        return 1 - (a & b)

    for x1 in (0, 1):
        for x2 in (0, 1):
            g = adder.gates(x1, x2)
            assert g["n1"] == nand(x1, x2)
            assert g["n2"] == nand(x1, g["n1"])
            assert g["n3"] == nand(x2, g["n1"])
            assert g["sum"] == nand(g["n2"], g["n3"])
            assert g["carry"] == nand(g["n1"], g["n1"])


def test_plot_curves() -> None:
    z = np.array([-50.0, -1.0, 0.0, 1.0, 50.0])
    assert step(z).tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]
    np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)), atol=1e-12)
