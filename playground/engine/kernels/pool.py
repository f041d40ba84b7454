"""Pooling over non-overlapping size x size windows (stride = size; an edge remainder is dropped).

Modes: 0 max, 1 L2 (sqrt of the sum of squares), 2 average. x (N, C, H, W) -> out
(N, C, H // size, W // size). Max pooling records the winning position in `arg` so the
backward pass routes the gradient to it alone.
"""

from __future__ import annotations

import math

from playground.engine.kernels import jit


@jit
def forward(x, size, mode, out, arg):
    """out[n, c, i, j] = pool(x[n, c, i*size : (i+1)*size, j*size : (j+1)*size])."""
    n_img, n_c, ho, wo = out.shape
    for t in range(n_img * n_c):
        n = t // n_c
        c = t % n_c
        xc = x[n, c]
        for i in range(ho):
            for j in range(wo):
                r0 = i * size
                c0 = j * size
                if mode == 0:
                    best = xc[r0, c0]
                    where = 0
                    for di in range(size):
                        for dj in range(size):
                            v = xc[r0 + di, c0 + dj]
                            if v > best:
                                best = v
                                where = di * size + dj
                    out[n, c, i, j] = best
                    arg[n, c, i, j] = where
                elif mode == 1:
                    s = 0.0
                    for di in range(size):
                        for dj in range(size):
                            v = xc[r0 + di, c0 + dj]
                            s += v * v
                    out[n, c, i, j] = math.sqrt(s)
                else:
                    s = 0.0
                    for di in range(size):
                        for dj in range(size):
                            s += xc[r0 + di, c0 + dj]
                    out[n, c, i, j] = s / (size * size)


@jit
def backward(x, out, arg, g, size, mode, dx):
    """dx = dC/dx given g = dC/dout; L2: dout/dx = x / out (0 where out is 0)."""
    n_img, n_c, ho, wo = g.shape
    inv_area = 1.0 / (size * size)
    for t in range(n_img * n_c):
        n = t // n_c
        c = t % n_c
        dxc = dx[n, c]
        dxc[:, :] = 0.0
        for i in range(ho):
            for j in range(wo):
                r0 = i * size
                c0 = j * size
                gv = g[n, c, i, j]
                if mode == 0:
                    where = arg[n, c, i, j]
                    dxc[r0 + where // size, c0 + where % size] = gv
                elif mode == 1:
                    o = out[n, c, i, j]
                    if o > 0.0:
                        scale = gv / o
                        for di in range(size):
                            for dj in range(size):
                                dxc[r0 + di, c0 + dj] = scale * x[n, c, r0 + di, c0 + dj]
                else:
                    for di in range(size):
                        for dj in range(size):
                            dxc[r0 + di, c0 + dj] = gv * inv_area
