"""Perceptron versus sigmoid neuron, the NAND gate and a half adder (Nielsen, chapter 1).

The outputs come from the engine: one dense unit with the "step" activation is the book's
perceptron (output 0 if w.x + b <= 0, else 1), the same unit with "sigmoid" is the sigmoid
neuron sigma(z) = 1 / (1 + exp(-z)). The weighted input z = w.x + b is computed here, because
it is what the lab explains.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from playground.engine import Network

#: The lab offers one to three inputs.
MAX_INPUTS = 3

#: The book's NAND perceptron: weights -2, -2 and bias 3 (a threshold of -3 moved across).
NAND_WEIGHTS = (-2.0, -2.0)
NAND_BIAS = 3.0

#: The lab's sliders move in steps of 1 / GRID. On that grid 10^4 z = (100 w)·(100 x) + 10^4 b
#: is a whole number, exact in float32 and float64 alike, so z = 0 is 0: -1.9 + 0.2 + 1.7 is
#: 2e-8 in float32, and the perceptron fired at a z the lab showed as 0.000.
GRID = 100


def sigmoid(z: np.ndarray | float) -> np.ndarray:
    """sigma(z) = 1 / (1 + e^-z), for drawing the curve; stable for large |z|."""
    z = np.asarray(z, dtype=np.float64)
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def step(z: np.ndarray | float) -> np.ndarray:
    """The perceptron's rule as a function of z: 0 if z <= 0, else 1 (for drawing the curve)."""
    return np.where(np.asarray(z, dtype=np.float64) > 0.0, 1.0, 0.0)


def _on_grid(
    weights: np.ndarray, bias: float, xs: np.ndarray
) -> tuple[np.ndarray, float, np.ndarray] | None:
    """Weights, bias and input rows scaled to whole numbers (w and x by GRID, b by GRID²) when
    all lie on the sliders' grid and w·x + b stays exact in float32; None otherwise."""
    w = np.asarray(weights, dtype=np.float64) * GRID
    x = np.asarray(xs, dtype=np.float64) * GRID
    b = float(bias) * GRID * GRID
    whole_w, whole_x, whole_b = np.rint(w), np.rint(x), round(b)
    if not (
        np.all(np.abs(w - whole_w) < 1e-6)
        and np.all(np.abs(x - whole_x) < 1e-6)
        and abs(b - whole_b) < 1e-4
    ):
        return None
    largest = (np.abs(whole_x) @ np.abs(whole_w)).max(initial=0.0) + abs(whole_b)
    return (whole_w, float(whole_b), whole_x) if largest < 2**24 else None


def _one_unit_network(n_inputs: int, activation: str) -> Network:
    """A network of a single dense unit, so the engine computes the neuron's output."""
    spec = {
        "input": [n_inputs],
        "layers": [{"type": "dense", "units": 1, "activation": activation}],
        "cost": "quadratic",
    }
    return Network.from_spec(spec, seed=0)


def _set_params(net: Network, values: dict[str, np.ndarray]) -> None:
    """Write weights into the engine's own arrays (in place, shaped as the engine keeps them)."""
    net.set_params(
        {
            name: np.asarray(v, dtype=np.float32).reshape(net.params[name].shape)
            for name, v in values.items()
        }
    )


@dataclass(frozen=True)
class NeuronOutputs:
    """What the neuron does with one input vector: z, the perceptron's and the sigmoid's output."""

    z: float
    perceptron: int
    sigmoid: float


@dataclass(frozen=True)
class Nudge:
    """One weight changed by a small amount, and what that did to each output."""

    index: int
    dw: float
    before: NeuronOutputs
    after: NeuronOutputs

    @property
    def dz(self) -> float:
        """Change of the weighted input: x_index * dw."""
        return self.after.z - self.before.z

    @property
    def d_perceptron(self) -> int:
        """Change of the perceptron's output: 0, or a full step of +1 or -1."""
        return self.after.perceptron - self.before.perceptron

    @property
    def d_sigmoid(self) -> float:
        """Change of the sigmoid neuron's output: small for a small dw."""
        return self.after.sigmoid - self.before.sigmoid


@dataclass(frozen=True)
class TruthRow:
    """One row of a truth table: binary inputs and the neuron's response."""

    inputs: tuple[int, ...]
    z: float
    perceptron: int
    sigmoid: float


class Neuron:
    """One neuron with one to three inputs, run as a perceptron and as a sigmoid neuron.

    Weights and inputs for all `MAX_INPUTS` slots are kept, so hiding an input and showing it
    again restores its values; only the first `n_inputs` take part.
    """

    def __init__(
        self,
        n_inputs: int = 2,
        weights: tuple[float, ...] | None = None,
        bias: float = 0.0,
        inputs: tuple[float, ...] | None = None,
    ) -> None:
        self.weights = np.zeros(MAX_INPUTS)
        self.inputs = np.zeros(MAX_INPUTS)
        if weights is not None:
            self.weights[: len(weights)] = weights
        if inputs is not None:
            self.inputs[: len(inputs)] = inputs
        self.bias = float(bias)
        self._n_inputs = 1
        self.n_inputs = n_inputs
        self._perceptron_net = _one_unit_network(MAX_INPUTS, "step")
        self._sigmoid_net = _one_unit_network(MAX_INPUTS, "sigmoid")

    @classmethod
    def nand(cls) -> Neuron:
        """The book's NAND gate: two inputs, weights -2 and -2, bias 3."""
        return cls(n_inputs=2, weights=NAND_WEIGHTS, bias=NAND_BIAS, inputs=(1.0, 1.0))

    @property
    def n_inputs(self) -> int:
        """How many inputs take part (1 to MAX_INPUTS)."""
        return self._n_inputs

    @n_inputs.setter
    def n_inputs(self, n: int) -> None:
        if not 1 <= int(n) <= MAX_INPUTS:
            raise ValueError(f"n_inputs must be 1 to {MAX_INPUTS}; got {n}")
        self._n_inputs = int(n)

    def weighted_input(self, x: np.ndarray | None = None) -> float:
        """z = w.x + b over the active inputs (the current inputs when x is None)."""
        x = self.inputs if x is None else np.asarray(x, dtype=np.float64)
        n = self._n_inputs
        grid = _on_grid(self.weights[:n], self.bias, x[:n])
        if grid is not None:  # exact: a z on the threshold is 0, not 2e-16
            w, b, whole_x = grid
            return float(np.dot(w, whole_x) + b) / (GRID * GRID)
        return float(np.dot(self.weights[:n], x[:n]) + self.bias)

    def _engine_outputs(self, xs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Perceptron and sigmoid outputs from the engine for rows xs of shape (N, n_inputs)."""
        n = self._n_inputs

        def forward(net: Network, weights: np.ndarray, bias: float, rows: np.ndarray) -> np.ndarray:
            w = np.zeros((1, MAX_INPUTS))
            w[0, :n] = weights
            _set_params(net, {"dense1.weight": w, "dense1.bias": np.array([bias])})
            batch = np.zeros((rows.shape[0], MAX_INPUTS), dtype=np.float32)
            batch[:, :n] = rows
            return np.asarray(net.forward(batch)).reshape(-1)

        weights, rows = self.weights[:n], xs[:, :n]
        sig = forward(self._sigmoid_net, weights, self.bias, rows)
        # The step only sees z's sign, which scaling by GRID² keeps: on the grid it is exact.
        grid = _on_grid(weights, self.bias, rows)
        w, b, x = (weights, self.bias, rows) if grid is None else grid
        return forward(self._perceptron_net, w, b, x), sig

    def evaluate(self, x: np.ndarray | None = None) -> NeuronOutputs:
        """z, the perceptron's output and the sigmoid neuron's output for x (default: inputs)."""
        x = self.inputs if x is None else np.asarray(x, dtype=np.float64)
        row = np.zeros((1, MAX_INPUTS))
        row[0, : len(x)] = x
        perceptron, sig = self._engine_outputs(row)
        return NeuronOutputs(
            self.weighted_input(row[0]), int(np.rint(perceptron[0])), float(sig[0])
        )

    def nudge(self, index: int, dw: float) -> Nudge:
        """Change weight `index` by dw and report the change of each output.

        This is the book's argument for sigmoid neurons: a small change in a weight moves the
        sigmoid output a little, but moves a perceptron's output not at all or by a full step.
        """
        if not 0 <= index < self._n_inputs:
            raise ValueError(f"weight index must be 0 to {self._n_inputs - 1}; got {index}")
        before = self.evaluate()
        self.weights[index] += dw
        return Nudge(index, float(dw), before, self.evaluate())

    def truth_table(self) -> list[TruthRow]:
        """The neuron's response to every binary input vector of the active inputs."""
        n = self._n_inputs
        combos = list(itertools.product((0, 1), repeat=n))
        xs = np.zeros((len(combos), MAX_INPUTS))
        xs[:, :n] = combos
        perceptron, sig = self._engine_outputs(xs)
        return [
            TruthRow(combo, self.weighted_input(xs[i]), int(np.rint(perceptron[i])), float(sig[i]))
            for i, combo in enumerate(combos)
        ]


_GATES: dict[tuple[int, ...], str] = {
    (1, 0): "NOT",
    (0, 1): "COPY",
    (0, 0, 0, 1): "AND",
    (0, 1, 1, 1): "OR",
    (1, 1, 1, 0): "NAND",
    (1, 0, 0, 0): "NOR",
    (0, 1, 1, 0): "XOR",
    (0, 0, 0, 0, 0, 0, 0, 1): "AND",
    (0, 1, 1, 1, 1, 1, 1, 1): "OR",
    (1, 1, 1, 1, 1, 1, 1, 0): "NAND",
    (1, 0, 0, 0, 0, 0, 0, 0): "NOR",
    (0, 0, 0, 1, 0, 1, 1, 1): "MAJORITY",
}


def gate_name(table: list[TruthRow]) -> str | None:
    """The logic gate a perceptron's truth table computes (e.g. "NAND"), or None if unnamed."""
    return _GATES.get(tuple(row.perceptron for row in table))


#: The half adder's five NAND gates, named as in the lab's drawing.
HALF_ADDER_GATES = ("n1", "n2", "n3", "sum", "carry")


class HalfAdder:
    """The book's half adder: x1 + x2 as a sum bit and a carry bit, built from NAND perceptrons.

    The circuit (n1 = NAND(x1, x2); n2 = NAND(x1, n1); n3 = NAND(x2, n1); sum = NAND(n2, n3);
    carry = NAND(n1, n1), one perceptron with weight -4 from n1) runs as a layered engine network
    of step units, [2] -> 3 -> 3 -> 2. The wires that skip a layer pass through "relay"
    perceptrons (weight 2, bias -1), which copy a 0 or 1 unchanged.
    """

    SPEC: ClassVar[dict[str, Any]] = {
        "input": [2],
        "layers": [
            {"type": "dense", "units": 3, "activation": "step"},
            {"type": "dense", "units": 3, "activation": "step"},
            {"type": "dense", "units": 2, "activation": "step"},
        ],
        "cost": "quadratic",
    }
    #: Rows are units, columns inputs (Nielsen's w_jk); each unit's role is in the comment.
    PARAMS: ClassVar[dict[str, list]] = {
        # n1 = NAND(x1, x2), relay x1, relay x2
        "dense1.weight": [[-2.0, -2.0], [2.0, 0.0], [0.0, 2.0]],
        "dense1.bias": [3.0, -1.0, -1.0],
        # n2 = NAND(x1, n1), n3 = NAND(x2, n1), carry = NAND(n1, n1) (weight -4 = -2 twice)
        "dense2.weight": [[-2.0, -2.0, 0.0], [-2.0, 0.0, -2.0], [-4.0, 0.0, 0.0]],
        "dense2.bias": [3.0, 3.0, 3.0],
        # sum = NAND(n2, n3), relay carry
        "dense3.weight": [[-2.0, -2.0, 0.0], [0.0, 0.0, 2.0]],
        "dense3.bias": [3.0, -1.0],
    }

    def __init__(self) -> None:
        self.net = Network.from_spec(self.SPEC, seed=0)
        _set_params(self.net, {k: np.array(v) for k, v in self.PARAMS.items()})

    def _run(self, xs: np.ndarray) -> dict[str, np.ndarray]:
        acts = self.net.activations(np.asarray(xs, dtype=np.float32))
        h1, h2, out = (
            np.rint(np.asarray(acts[k])).astype(int) for k in ("dense1", "dense2", "dense3")
        )
        return {
            "n1": h1[:, 0],
            "n2": h2[:, 0],
            "n3": h2[:, 1],
            "sum": out[:, 0],
            "carry": out[:, 1],
        }

    def gates(self, x1: int, x2: int) -> dict[str, int]:
        """Every gate's output for the input bits x1, x2."""
        values = self._run(np.array([[x1, x2]]))
        return {name: int(values[name][0]) for name in HALF_ADDER_GATES}

    def truth_table(self) -> list[tuple[int, int, int, int]]:
        """Rows (x1, x2, sum, carry) for the four input pairs."""
        xs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
        values = self._run(xs)
        return [
            (int(x[0]), int(x[1]), int(values["sum"][i]), int(values["carry"][i]))
            for i, x in enumerate(xs)
        ]
