"""Costs, averaged over the mini-batch (Nielsen's network2.py: each cost a tiny class).

`fn(a, y)` is the cost for outputs a and one-hot targets y (both (N, classes));
`grad_a(a, y)` is dC/da; `delta(a, y)` is dC/dz for the output activation the cost pairs
with (sigmoid for cross-entropy, softmax for log-likelihood), where the sigma'(z) factor
cancels: delta = (a - y) / N.
"""

from __future__ import annotations

import numpy as np

_EPS = 1e-12


class QuadraticCost:
    """C = 1/(2N) sum_x ||a - y||^2."""

    name = "quadratic"
    pairs_with: str | None = None

    @staticmethod
    def fn(a: np.ndarray, y: np.ndarray) -> float:
        d = a.astype(np.float64) - y
        return float(0.5 * np.sum(d * d) / a.shape[0])

    @staticmethod
    def grad_a(a: np.ndarray, y: np.ndarray) -> np.ndarray:
        return ((a - y) / a.shape[0]).astype(np.float32)


class CrossEntropyCost:
    """C = -1/N sum_x sum_j [y_j ln a_j + (1 - y_j) ln(1 - a_j)]."""

    name = "cross-entropy"
    pairs_with = "sigmoid"

    @staticmethod
    def fn(a: np.ndarray, y: np.ndarray) -> float:
        a = np.clip(a.astype(np.float64), _EPS, 1 - _EPS)
        return float(-np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)) / a.shape[0])

    @staticmethod
    def grad_a(a: np.ndarray, y: np.ndarray) -> np.ndarray:
        a64 = np.clip(a.astype(np.float64), _EPS, 1 - _EPS)
        return ((a64 - y) / (a64 * (1 - a64)) / a.shape[0]).astype(np.float32)

    @staticmethod
    def delta(a: np.ndarray, y: np.ndarray) -> np.ndarray:
        return ((a - y) / a.shape[0]).astype(np.float32)


class LogLikelihoodCost:
    """C = -1/N sum_x ln a_y(x): the negative log of the probability given to the right class."""

    name = "log-likelihood"
    pairs_with = "softmax"

    @staticmethod
    def fn(a: np.ndarray, y: np.ndarray) -> float:
        picked = np.sum(a.astype(np.float64) * y, axis=1)
        return float(-np.sum(np.log(np.maximum(picked, _EPS))) / a.shape[0])

    @staticmethod
    def grad_a(a: np.ndarray, y: np.ndarray) -> np.ndarray:
        picked = np.maximum(a.astype(np.float64), _EPS)
        return (-y / picked / a.shape[0]).astype(np.float32)

    @staticmethod
    def delta(a: np.ndarray, y: np.ndarray) -> np.ndarray:
        return ((a - y) / a.shape[0]).astype(np.float32)


COSTS = {c.name: c for c in (QuadraticCost, CrossEntropyCost, LogLikelihoodCost)}


def one_hot(labels: np.ndarray, classes: int) -> np.ndarray:
    """(N,) int labels -> (N, classes) float32 one-hot targets."""
    y = np.zeros((labels.shape[0], classes), dtype=np.float32)
    y[np.arange(labels.shape[0]), labels] = 1.0
    return y
