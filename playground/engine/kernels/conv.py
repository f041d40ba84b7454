"""Grouped 2-D convolution (cross-correlation, as in PyTorch) forward and backward.

Shapes: xp (N, C, Hp, Wp) is the input already zero-padded; w (F, C/groups, K, K); b (F,);
out (N, F, Ho, Wo) with Ho = floor((Hp - K) / stride) + 1. Filter f belongs to group
g = f // (F / groups) and sees only input channels g*C/groups .. (g+1)*C/groups - 1.
"""

from __future__ import annotations

from numba import prange

from playground.engine.kernels import pjit


@pjit
def forward(xp, w, b, stride, groups, out):
    """out[n, f] = b[f] + sum_{c, ki, kj} w[f, c, ki, kj] * xp[n, g*Cg + c, i*s + ki, j*s + kj]."""
    n_img, n_f, ho, wo = out.shape
    cg, k = w.shape[1], w.shape[2]
    fg = n_f // groups
    for t in prange(n_img * n_f):
        n = t // n_f
        f = t % n_f
        g = f // fg
        o = out[n, f]
        bias = b[f]
        for i in range(ho):
            for j in range(wo):
                o[i, j] = bias
        for c in range(cg):
            xc = xp[n, g * cg + c]
            for ki in range(k):
                for kj in range(k):
                    wv = w[f, c, ki, kj]
                    for i in range(ho):
                        row = xc[i * stride + ki]
                        for j in range(wo):
                            o[i, j] += wv * row[j * stride + kj]


@pjit
def backward_weights(xp, delta, stride, groups, dw, db):
    """dw[f, c, ki, kj] = sum_{n, i, j} delta[n, f, i, j] * xp[n, g*Cg + c, i*s + ki, j*s + kj]."""
    n_img, n_f, ho, wo = delta.shape
    cg, k = dw.shape[1], dw.shape[2]
    fg = n_f // groups
    for f in prange(n_f):
        g = f // fg
        acc_b = 0.0
        for n in range(n_img):
            for i in range(ho):
                for j in range(wo):
                    acc_b += delta[n, f, i, j]
        db[f] = acc_b
        for c in range(cg):
            for ki in range(k):
                for kj in range(k):
                    acc = 0.0
                    for n in range(n_img):
                        xc = xp[n, g * cg + c]
                        d = delta[n, f]
                        for i in range(ho):
                            row = xc[i * stride + ki]
                            for j in range(wo):
                                acc += d[i, j] * row[j * stride + kj]
                    dw[f, c, ki, kj] = acc


@pjit
def backward_input(delta, w, stride, groups, dxp):
    """dxp[n, g*Cg + c, i*s + ki, j*s + kj] += w[f, c, ki, kj] * delta[n, f, i, j] (zeroed first)."""
    n_img, n_f, ho, wo = delta.shape
    cg, k = w.shape[1], w.shape[2]
    fg = n_f // groups
    for t in prange(n_img * groups):
        n = t // groups
        g = t % groups
        for c in range(cg):
            dxp[n, g * cg + c] = 0.0
        for f in range(g * fg, (g + 1) * fg):
            d = delta[n, f]
            for c in range(cg):
                dx = dxp[n, g * cg + c]
                for ki in range(k):
                    for kj in range(k):
                        wv = w[f, c, ki, kj]
                        for i in range(ho):
                            row = i * stride + ki
                            for j in range(wo):
                                dx[row, j * stride + kj] += wv * d[i, j]
