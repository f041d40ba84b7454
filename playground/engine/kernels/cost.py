"""Costs and their gradient at the output, in one pass (Nielsen ch. 1 and 3).

Codes: 0 quadratic 1/(2N) sum ||a - y||^2, 1 cross-entropy -1/N sum [y ln a + (1-y) ln(1-a)],
2 log-likelihood -1/N sum ln a_y. The cost is summed in float64 (as costs.py does); the gradient
is float32. When the cost pairs with the output activation (cross-entropy with sigmoid,
log-likelihood with softmax) the sigma'(z) factor cancels and `grad` receives dC/dz =
(a - y) / N; otherwise it receives dC/da and the output layer applies f'.
"""

from __future__ import annotations

import math

import numpy as np

from playground.engine.kernels import jit

_EPS = 1e-12


@jit
def cost_grad(a, labels, cost_code, paired, grad):
    """Cost of outputs a (N, M) for int labels (N,); writes dC/dz (paired) or dC/da into grad.

    Returns -1.0 (without writing) when a label lies outside 0..M-1.
    """
    n_img, m = a.shape
    for n in range(n_img):
        if labels[n] < 0 or labels[n] >= m:
            return -1.0
    n_f32 = np.float32(n_img)
    total = 0.0
    for n in range(n_img):
        y_n = labels[n]
        for j in range(m):
            av = a[n, j]
            a64 = np.float64(av)
            y = 1.0 if j == y_n else 0.0
            if cost_code == 0:
                d = a64 - y
                total += d * d
            elif cost_code == 1:
                c = min(max(a64, _EPS), 1.0 - _EPS)
                total -= y * math.log(c) + (1.0 - y) * math.log(1.0 - c)
            elif j == y_n:
                total -= math.log(max(a64, _EPS))
            if paired or cost_code == 0:
                grad[n, j] = (av - np.float32(y)) / n_f32
            elif cost_code == 1:
                c = min(max(a64, _EPS), 1.0 - _EPS)
                grad[n, j] = np.float32((c - y) / (c * (1.0 - c)) / n_img)
            else:
                grad[n, j] = np.float32(-y / max(a64, _EPS) / n_img)
    if cost_code == 0:
        total *= 0.5
    return total / n_img
