"""Activation functions and their derivatives, applied in place over (N, M) float32 arrays.

Codes: 0 linear, 1 sigmoid, 2 tanh, 3 relu, 4 softmax (per row), 5 step (perceptron).
Derivatives are written in terms of the output a, which is what the layers keep:
sigmoid' = a (1 - a), tanh' = 1 - a^2, relu' = [a > 0]; softmax uses its Jacobian.
"""

from __future__ import annotations

import math

from numba import prange

from playground.engine.kernels import jit, pjit

CODES = {"linear": 0, "sigmoid": 1, "tanh": 2, "relu": 3, "softmax": 4, "step": 5}


@jit
def _activate_row(z, code):
    m = z.shape[0]
    if code == 1:
        for j in range(m):
            v = z[j]
            if v < -80.0:
                v = -80.0
            z[j] = 1.0 / (1.0 + math.exp(-v))
    elif code == 2:
        for j in range(m):
            z[j] = math.tanh(z[j])
    elif code == 3:
        for j in range(m):
            if z[j] < 0.0:
                z[j] = 0.0
    elif code == 4:
        top = z[0]
        for j in range(1, m):
            if z[j] > top:
                top = z[j]
        total = 0.0
        for j in range(m):
            e = math.exp(z[j] - top)
            z[j] = e
            total += e
        inv = 1.0 / total
        for j in range(m):
            z[j] *= inv
    elif code == 5:
        for j in range(m):
            z[j] = 1.0 if z[j] > 0.0 else 0.0


@jit
def activate(z, code):
    """a = f(z) in place, row by row; z is (N, M) float32 C-contiguous."""
    if code == 0:
        return
    for n in range(z.shape[0]):
        _activate_row(z[n], code)


@pjit
def activate_parallel(z, code):
    """Same as `activate`, rows split over threads (for large activations)."""
    if code == 0:
        return
    for n in prange(z.shape[0]):
        _activate_row(z[n], code)


@jit
def backward(a, g, code, out):
    """out = dC/dz given a = f(z) and g = dC/da (all (N, M)); out may alias g."""
    n_rows, m = a.shape
    for n in range(n_rows):
        if code == 0:
            for j in range(m):
                out[n, j] = g[n, j]
        elif code == 1:
            for j in range(m):
                out[n, j] = g[n, j] * a[n, j] * (1.0 - a[n, j])
        elif code == 2:
            for j in range(m):
                out[n, j] = g[n, j] * (1.0 - a[n, j] * a[n, j])
        elif code == 3:
            for j in range(m):
                out[n, j] = g[n, j] if a[n, j] > 0.0 else 0.0
        elif code == 4:
            dot = 0.0
            for j in range(m):
                dot += g[n, j] * a[n, j]
            for j in range(m):
                out[n, j] = a[n, j] * (g[n, j] - dot)
        else:
            for j in range(m):
                out[n, j] = 0.0

