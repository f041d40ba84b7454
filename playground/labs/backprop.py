"""Backpropagation on a tiny [2, 3, 2] sigmoid network, one equation at a time (Nielsen, ch. 2).

Every number the lab shows comes from the engine: the activations a^l from
`Network.activations`, the errors delta^l_j = dC/db^l_j and the gradients dC/dw^l_jk from
`Network.gradients`, and the update from `Network.train_step`; so the lab and the engine can
never disagree. The weighted inputs z^l = w^l a^(l-1) + b^l are computed here from the engine's
own weights, and `book_deltas` recomputes the errors by the book's equations (BP1, BP2) as a
check that the lab displays next to the engine's numbers.

Layers are numbered as in the book: layer 1 is the input, layer 2 the hidden layer
(engine layer "dense1") and layer 3 = L the output layer ("dense2").
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np

from playground.engine import Network

#: The engine layer names of the book's layers 2 and 3.
LAYER_NAMES = ("dense1", "dense2")
#: The network's sizes, input first.
SIZES = (2, 3, 2)
#: The costs the lab can toggle between (engine names).
COSTS = ("quadratic", "cross-entropy")


def network_spec(cost: str = "quadratic") -> dict:
    """The engine spec of the lab's [2, 3, 2] sigmoid network with the given cost."""
    if cost not in COSTS:
        raise ValueError(f"cost must be one of {COSTS}; got {cost!r}")
    return {
        "input": [SIZES[0]],
        "layers": [
            {"type": "dense", "units": SIZES[1], "activation": "sigmoid"},
            {"type": "dense", "units": SIZES[2], "activation": "sigmoid"},
        ],
        "cost": cost,
    }


def sigmoid_prime(z: np.ndarray) -> np.ndarray:
    """sigma'(z) = sigma(z) (1 - sigma(z)); tiny when the neuron is saturated (|z| large)."""
    s = 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=np.float64)))
    return s * (1.0 - s)


class Stage(enum.IntEnum):
    """How far the lab has got through one forward pass, one backward pass and the update."""

    START = 0  # weights, biases and the input a^1 = x are known
    FORWARD_HIDDEN = 1  # z^2 and a^2 filled in
    FORWARD_OUTPUT = 2  # z^3, a^3 and the cost C filled in
    BACKWARD_OUTPUT = 3  # delta^3 (BP1) and layer 3's gradients (BP3, BP4)
    BACKWARD_HIDDEN = 4  # delta^2 (BP2) and layer 2's gradients


@dataclass(frozen=True)
class LayerNumbers:
    """Everything about one layer l >= 2 for one input: the book's symbols, engine values."""

    weight: np.ndarray  # w^l, (out, in): w^l_jk joins neuron k of layer l-1 to neuron j
    bias: np.ndarray  # b^l
    z: np.ndarray  # z^l = w^l a^(l-1) + b^l
    a: np.ndarray  # a^l = sigma(z^l), from the engine
    sigma_prime: np.ndarray  # sigma'(z^l)
    delta: np.ndarray  # delta^l = dC/db^l, from the engine
    nabla_w: np.ndarray  # dC/dw^l = delta^l (a^(l-1))^T, from the engine


@dataclass(frozen=True)
class Snapshot:
    """The whole network's numbers for the current weights and input."""

    x: np.ndarray  # a^1
    y: np.ndarray  # the one-hot target vector
    cost: float
    layers: tuple[LayerNumbers, ...]  # book layers 2 and 3


class BackpropLab:
    """The tiny network, its input and target, the cost, and where the walk-through stands."""

    def __init__(
        self,
        cost: str = "quadratic",
        x: tuple[float, float] = (1.0, 0.5),
        label: int = 0,
        eta: float = 2.0,
        seed: int = 0,
    ) -> None:
        self.seed = seed
        self.net = Network.from_spec(network_spec(cost), seed=seed)
        self._cost = cost
        self.x = np.array(x, dtype=np.float64)
        self.label = int(label)
        self.eta = float(eta)
        self.stage = Stage.START
        self.updates = 0
        self.cost_history: list[float] = []

    # -- settings ------------------------------------------------------------------------------
    @property
    def cost_name(self) -> str:
        """The engine cost: "quadratic" or "cross-entropy"."""
        return self._cost

    @cost_name.setter
    def cost_name(self, cost: str) -> None:
        """Switch the cost, keeping the current weights (a new engine network, same params)."""
        if cost == self._cost:
            return
        params = {k: v.copy() for k, v in self.net.params.items()}
        self.net = Network.from_spec(network_spec(cost), seed=self.seed)
        self.set_params(params)
        self._cost = cost

    @property
    def y(self) -> np.ndarray:
        """The target vector: the one-hot of the label (the engine's cost uses the same)."""
        return np.eye(SIZES[-1])[self.label]

    def set_params(self, values: dict[str, np.ndarray]) -> None:
        """Write weights and biases into the engine's own arrays (in place)."""
        self.net.set_params(
            {
                name: np.asarray(v, dtype=np.float32).reshape(self.net.params[name].shape)
                for name, v in values.items()
            }
        )

    def reset(self) -> None:
        """New random weights from the seed, back to the start of a pass."""
        self.net = Network.from_spec(network_spec(self._cost), seed=self.seed)
        self.stage = Stage.START
        self.updates = 0
        self.cost_history = []

    def saturate(self) -> None:
        """Make the output layer badly saturated: both outputs near 1, so output 2 is wrong.

        With quadratic cost delta^L carries the factor sigma'(z^L) ~ 0.0008, so the output
        layer hardly learns; cross-entropy's delta^L = a^L - y has no such factor.
        """
        n_out, n_in = SIZES[2], SIZES[1]
        self.set_params({"dense2.weight": np.full((n_out, n_in), 2.5), "dense2.bias": [2.5, 2.5]})
        self.label = 0
        self.stage = Stage.START

    # -- the numbers ---------------------------------------------------------------------------
    def _batch(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x[None, :].astype(np.float32), np.array([self.label], dtype=np.int64)

    def snapshot(self) -> Snapshot:
        """Run the engine's forward pass and gradients for the current weights and input."""
        x, labels = self._batch()
        acts = self.net.activations(x)
        cost, grads = self.net.gradients(x, labels)
        layers = []
        a_prev = self.x
        for name in LAYER_NAMES:
            w = np.asarray(self.net.params[f"{name}.weight"], dtype=np.float64).copy()
            b = np.asarray(self.net.params[f"{name}.bias"], dtype=np.float64).copy()
            z = w @ a_prev + b
            a = np.asarray(acts[name], dtype=np.float64).reshape(-1)
            layers.append(
                LayerNumbers(
                    weight=w,
                    bias=b,
                    z=z,
                    a=a,
                    sigma_prime=sigmoid_prime(z),
                    delta=np.asarray(grads[f"{name}.bias"], dtype=np.float64).copy(),
                    nabla_w=np.asarray(grads[f"{name}.weight"], dtype=np.float64).copy(),
                )
            )
            a_prev = a
        return Snapshot(self.x.copy(), self.y, float(cost), tuple(layers))

    def book_deltas(self, snap: Snapshot | None = None) -> tuple[np.ndarray, np.ndarray]:
        """delta^2 and delta^3 by the book's equations, from z and a only (not the engine's).

        BP1: delta^L = (a^L - y) * sigma'(z^L) for quadratic cost, a^L - y for cross-entropy.
        BP2: delta^l = ((w^(l+1))^T delta^(l+1)) * sigma'(z^l).
        """
        snap = snap or self.snapshot()
        hidden, out = snap.layers
        delta_out = out.a - snap.y
        if self._cost == "quadratic":
            delta_out = delta_out * out.sigma_prime
        delta_hidden = (out.weight.T @ delta_out) * hidden.sigma_prime
        return delta_hidden, delta_out

    # -- the walk-through ----------------------------------------------------------------------
    @property
    def can_step_forward(self) -> bool:
        """True while the forward pass has a layer left to fill in."""
        return self.stage < Stage.FORWARD_OUTPUT

    @property
    def can_step_backward(self) -> bool:
        """True once the forward pass is done and the backward pass has a layer left."""
        return Stage.FORWARD_OUTPUT <= self.stage < Stage.BACKWARD_HIDDEN

    @property
    def can_update(self) -> bool:
        """True once every gradient is known."""
        return self.stage == Stage.BACKWARD_HIDDEN

    def step_forward(self) -> Stage:
        """Fill in the next layer's z and a: a^l = sigma(w^l a^(l-1) + b^l)."""
        if not self.can_step_forward:
            raise RuntimeError("the forward pass is complete; step backward next")
        self.stage = Stage(self.stage + 1)
        return self.stage

    def step_backward(self) -> Stage:
        """Fill in the next error delta^l (output layer first) and that layer's gradients."""
        if not self.can_step_backward:
            raise RuntimeError("finish the forward pass before stepping backward")
        self.stage = Stage(self.stage + 1)
        return self.stage

    def apply_update(self) -> float:
        """One gradient step by the engine: w -> w - eta dC/dw, b -> b - eta dC/db.

        Returns the cost before the step; the walk-through starts again with the new weights.
        """
        if not self.can_update:
            raise RuntimeError("compute every gradient (step backward) before updating")
        x, labels = self._batch()
        cost = float(self.net.train_step(x, labels, self.eta))
        self.cost_history.append(cost)
        self.updates += 1
        self.stage = Stage.START
        return cost

    def restart_pass(self) -> None:
        """Back to the start of the pass, keeping the weights (after changing x, y or the cost)."""
        self.stage = Stage.START
