"""One sigmoid neuron learning to output 0, with quadratic and with cross-entropy cost (ch. 3).

The book's example: input x = 1, target y = 0, a badly saturated start w = 2, b = 2
(a = sigma(4) ~ 0.98, where sigma'(z) ~ 0.018) and 300 epochs. The book's quadratic runs use
eta = 0.15 and its cross-entropy runs 0.005; the lab gives both the same eta (0.15 by default).
With quadratic cost the gradients carry the factor sigma'(z), so learning starts painfully
slowly; cross-entropy's gradients dC/dw = x (a - y), dC/db = a - y do not, so it learns fast
exactly when it is most wrong.

The arithmetic is the book's formulas in NumPy (float64): with a single output unit the engine's
one-hot targets can only say "output 1", not "output 0". The tests check one step against finite
differences and against the engine on the mirrored problem (w, b -> -w, -b; target 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: The book's set-up for the learning-slowdown figures.
BOOK_X = 1.0
BOOK_Y = 0.0
BOOK_ETA = 0.15
BOOK_EPOCHS = 300
#: The two starts the book shows: a comfortable one and the badly saturated one.
BOOK_STARTS: dict[str, tuple[float, float]] = {"comfortable": (0.6, 0.9), "saturated": (2.0, 2.0)}
#: The costs compared (engine names).
COSTS = ("quadratic", "cross-entropy")


def sigmoid(z: np.ndarray | float) -> np.ndarray:
    """sigma(z) = 1 / (1 + e^-z), stable for large |z|."""
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=np.float64)))


def sigmoid_prime(z: np.ndarray | float) -> np.ndarray:
    """sigma'(z) = sigma(z) (1 - sigma(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)


def cost_value(cost: str, z: float, y: float) -> float:
    """C for one neuron with weighted input z and target y.

    quadratic: (a - y)^2 / 2; cross-entropy: -[y ln a + (1 - y) ln(1 - a)], with ln a and
    ln(1 - a) taken from z directly so a saturated neuron gives a finite cost.
    """
    if cost == "quadratic":
        return float(0.5 * (sigmoid(z) - y) ** 2)
    if cost == "cross-entropy":
        ln_a = -np.logaddexp(0.0, -z)
        ln_1_minus_a = -np.logaddexp(0.0, z)
        return float(-(y * ln_a + (1.0 - y) * ln_1_minus_a))
    raise ValueError(f"cost must be one of {COSTS}; got {cost!r}")


def gradients(cost: str, w: float, b: float, x: float, y: float) -> tuple[float, float]:
    """(dC/dw, dC/db) for one neuron a = sigma(w x + b).

    quadratic: delta = (a - y) sigma'(z); cross-entropy: delta = a - y. Then dC/db = delta and
    dC/dw = x delta.
    """
    z = w * x + b
    a = float(sigmoid(z))
    if cost == "quadratic":
        delta = (a - y) * float(sigmoid_prime(z))
    elif cost == "cross-entropy":
        delta = a - y
    else:
        raise ValueError(f"cost must be one of {COSTS}; got {cost!r}")
    return x * delta, delta


@dataclass(frozen=True)
class History:
    """A training run: entry 0 is the start, entry i the state after epoch i."""

    cost_name: str
    w: np.ndarray
    b: np.ndarray
    a: np.ndarray  # the neuron's output
    cost: np.ndarray  # C per epoch

    @property
    def epochs(self) -> int:
        """How many epochs were run."""
        return len(self.cost) - 1


def train(
    cost: str,
    w: float = BOOK_STARTS["saturated"][0],
    b: float = BOOK_STARTS["saturated"][1],
    eta: float = BOOK_ETA,
    epochs: int = BOOK_EPOCHS,
    x: float = BOOK_X,
    y: float = BOOK_Y,
) -> History:
    """Gradient descent on the one training example, one step per epoch, as in the book."""
    ws, bs = np.empty(epochs + 1), np.empty(epochs + 1)
    ws[0], bs[0] = w, b
    for i in range(epochs):
        nabla_w, nabla_b = gradients(cost, ws[i], bs[i], x, y)
        ws[i + 1] = ws[i] - eta * nabla_w
        bs[i + 1] = bs[i] - eta * nabla_b
    zs = ws * x + bs
    costs = np.array([cost_value(cost, z, y) for z in zs])
    return History(cost, ws, bs, sigmoid(zs), costs)


def compare(
    w: float = BOOK_STARTS["saturated"][0],
    b: float = BOOK_STARTS["saturated"][1],
    eta: float = BOOK_ETA,
    epochs: int = BOOK_EPOCHS,
) -> dict[str, History]:
    """The same neuron trained twice from the same start: once per cost, keyed by cost name."""
    return {cost: train(cost, w, b, eta, epochs) for cost in COSTS}


def epochs_to_reach(history: History, a_target: float) -> int | None:
    """The first epoch at which the output a has fallen to a_target, or None if never."""
    hits = np.nonzero(history.a <= a_target)[0]
    return int(hits[0]) if hits.size else None
