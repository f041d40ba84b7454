"""Dense-layer helpers and the SGD update shared by every parameter.

Dense products are our own kernels, not BLAS: at mini-batch sizes, OpenBLAS threads fight
with Numba's for the two cores, and a call costs more than the arithmetic.
"""

from __future__ import annotations

from numba import prange

from playground.engine.kernels import jit, pjit


@jit
def add_bias(z, b):
    """z[n, j] += b[j] in place; z is (N, M)."""
    n_rows, m = z.shape
    for n in range(n_rows):
        for j in range(m):
            z[n, j] += b[j]


@jit
def sgd_update(w, g, lr, decay, momentum, v):
    """One SGD step on a flat parameter, in place (Nielsen ch. 3 with momentum).

    v <- momentum * v - lr * (g + decay * w);  w <- w + v.  With momentum 0 this is
    w <- (1 - lr * decay) w - lr * g, where decay = l2 / n_train for weights and 0 for biases.
    """
    if momentum == 0.0:
        for i in range(w.shape[0]):
            w[i] -= lr * (g[i] + decay * w[i])
    else:
        for i in range(w.shape[0]):
            v[i] = momentum * v[i] - lr * (g[i] + decay * w[i])
            w[i] += v[i]


@pjit
def forward(x, w, b, z):
    """z[n, j] = b[j] + sum_k w[j, k] x[n, k]; threads split the weight rows j.

    Each weight row is read once and applied to every image of the batch while it is in cache.
    """
    n_img, n_in = x.shape
    for j in prange(w.shape[0]):
        wj = w[j]
        for n in range(n_img):
            xn = x[n]
            acc = 0.0
            for k in range(n_in):
                acc += wj[k] * xn[k]
            z[n, j] = acc + b[j]


@pjit
def backward_weights(x, delta, dw, db):
    """dw[j, k] = sum_n delta[n, j] x[n, k];  db[j] = sum_n delta[n, j]; split over rows j."""
    n_img, n_in = x.shape
    for j in prange(dw.shape[0]):
        dwj = dw[j]
        dwj[:] = 0.0
        acc_b = 0.0
        for n in range(n_img):
            d = delta[n, j]
            acc_b += d
            if d == 0.0:
                continue
            xn = x[n]
            for k in range(n_in):
                dwj[k] += d * xn[k]
        db[j] = acc_b


@pjit
def backward_input(delta, w, dx):
    """dx[n, k] = sum_j delta[n, j] w[j, k]; split over images, zero deltas skipped."""
    n_img, n_out = delta.shape
    n_in = w.shape[1]
    for n in prange(n_img):
        dxn = dx[n]
        dxn[:] = 0.0
        for j in range(n_out):
            d = delta[n, j]
            if d == 0.0:
                continue
            wj = w[j]
            for k in range(n_in):
                dxn[k] += d * wj[k]
