"""Activation functions and their derivatives over float32 arrays.

Codes: 0 linear, 1 sigmoid, 2 tanh, 3 relu, 4 softmax (per row), 5 step (perceptron).
Derivatives are written in terms of the output a, which is what the layers keep:
sigmoid' = a (1 - a), tanh' = 1 - a^2, relu' = [a > 0]; softmax uses its Jacobian.

`apply_1d` / `grad_1d` are the building blocks the layer kernels call on their own rows, so
bias, activation and derivative ride along with the arithmetic instead of costing extra passes.
All arithmetic stays in float32 (a float64 literal would promote whole loops).
"""

from __future__ import annotations

import math

import numpy as np
from numba import prange

from playground.engine.kernels import jit, pjit

CODES = {"linear": 0, "sigmoid": 1, "tanh": 2, "relu": 3, "softmax": 4, "step": 5}


@jit
def sigmoid(v):
    """1 / (1 + e^-v) for a float32 v, clipped so e^-v never overflows."""
    lo = np.float32(-80.0)
    one = np.float32(1.0)
    if v < lo:
        v = lo
    return one / (one + math.exp(-v))


@jit
def sigmoid_1d(z):
    """z = 1 / (1 + e^-z) in place, in three loops LLVM vectorises (math.exp is a scalar call).

    e^v = 2^n e^r with n = round(v / ln 2) and |r| <= ln(2) / 2: e^r from Cephes' degree-5
    polynomial (about 1 ulp in float32), 2^n added straight into the exponent bits. v is
    clamped to +-87, so 2^n stays a normal float (sigmoid(-87) is 1.6e-38, not 0).
    """
    m = z.shape[0]
    n_exp = np.empty(m, dtype=np.int32)
    one = np.float32(1.0)
    lo = np.float32(-87.0)
    hi = np.float32(87.0)
    half = np.float32(0.5)
    for k in range(m):
        v = -z[k]
        v = min(max(v, lo), hi)
        n = np.floor(v * np.float32(1.4426950408889634) + half)
        r = v - n * np.float32(0.693359375) - n * np.float32(-2.12194440e-4)
        p = np.float32(1.9875691500e-4)
        p = p * r + np.float32(1.3981999507e-3)
        p = p * r + np.float32(8.3334519073e-3)
        p = p * r + np.float32(4.1665795894e-2)
        p = p * r + np.float32(1.6666665459e-1)
        p = p * r + np.float32(5.0000001201e-1)
        z[k] = p * r * r + r + one
        n_exp[k] = np.int32(n)
    bits = z.view(np.int32)
    for k in range(m):
        bits[k] = bits[k] + (n_exp[k] << 23)
    for k in range(m):
        z[k] = one / (one + z[k])


@jit
def apply_scalar(v, code):
    """f(v) for an element-wise activation (softmax is not element-wise: use apply_1d)."""
    if code == 1:
        return sigmoid(v)
    if code == 2:
        return math.tanh(v)
    if code == 3:
        return v if v > np.float32(0.0) else np.float32(0.0)
    if code == 5:
        return np.float32(1.0) if v > np.float32(0.0) else np.float32(0.0)
    return v


@jit
def grad_scalar(a, code):
    """f'(z) written in terms of a = f(z), for element-wise activations."""
    one = np.float32(1.0)
    if code == 1:
        return a * (one - a)
    if code == 2:
        return one - a * a
    if code == 3:
        return one if a > np.float32(0.0) else np.float32(0.0)
    if code == 0:
        return one
    return np.float32(0.0)


@jit
def apply_1d(z, code):
    """a = f(z) in place over one vector (softmax normalises the whole vector)."""
    m = z.shape[0]
    if code == 0:
        return
    if code == 1:
        sigmoid_1d(z)
    elif code == 2:
        for j in range(m):
            z[j] = math.tanh(z[j])
    elif code == 3:
        zero = np.float32(0.0)
        for j in range(m):
            z[j] = max(z[j], zero)
    elif code == 4:
        top = z[0]
        for j in range(1, m):
            top = max(top, z[j])
        total = np.float32(0.0)
        for j in range(m):
            e = math.exp(z[j] - top)
            z[j] = e
            total += e
        inv = np.float32(1.0) / total
        for j in range(m):
            z[j] *= inv
    elif code == 5:
        zero = np.float32(0.0)
        one = np.float32(1.0)
        for j in range(m):
            z[j] = one if z[j] > zero else zero


@jit
def grad_1d(a, g, code, out):
    """out = dC/dz given a = f(z) and g = dC/da over one vector; out may alias g."""
    m = a.shape[0]
    one = np.float32(1.0)
    zero = np.float32(0.0)
    if code == 0:
        for j in range(m):
            out[j] = g[j]
    elif code == 1:
        for j in range(m):
            out[j] = g[j] * a[j] * (one - a[j])
    elif code == 2:
        for j in range(m):
            out[j] = g[j] * (one - a[j] * a[j])
    elif code == 3:
        for j in range(m):
            out[j] = g[j] if a[j] > zero else zero
    elif code == 4:
        dot = zero
        for j in range(m):
            dot += g[j] * a[j]
        for j in range(m):
            out[j] = a[j] * (g[j] - dot)
    else:
        for j in range(m):
            out[j] = zero


@jit
def activate(z, code):
    """a = f(z) in place, row by row; z is (N, M) float32 C-contiguous."""
    if code == 0:
        return
    for n in range(z.shape[0]):
        apply_1d(z[n], code)


@pjit
def activate_parallel(z, code):
    """Same as `activate`, rows split over threads (for large activations)."""
    if code == 0:
        return
    for n in prange(z.shape[0]):
        apply_1d(z[n], code)


@jit
def backward(a, g, code, out):
    """out = dC/dz given a = f(z) and g = dC/da (all (N, M)); out may alias g."""
    for n in range(a.shape[0]):
        grad_1d(a[n], g[n], code, out[n])
