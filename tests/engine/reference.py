"""Naive NumPy references (float64, loops over windows): the kernels are tested against these."""

from __future__ import annotations

import numpy as np


def conv2d(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int, padding: int, groups: int
) -> np.ndarray:
    """Grouped cross-correlation, written the slow and obvious way."""
    x = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    n, _, h, wd = x.shape
    f, cg, k, _ = w.shape
    ho, wo = (h - k) // stride + 1, (wd - k) // stride + 1
    fg = f // groups
    out = np.zeros((n, f, ho, wo))
    for fi in range(f):
        g = fi // fg
        xs = x[:, g * cg : (g + 1) * cg]
        for i in range(ho):
            for j in range(wo):
                patch = xs[:, :, i * stride : i * stride + k, j * stride : j * stride + k]
                out[:, fi, i, j] = np.sum(patch * w[fi], axis=(1, 2, 3)) + b[fi]
    return out


def pool2d(x: np.ndarray, size: int, mode: str) -> np.ndarray:
    """Non-overlapping pooling with the edge remainder dropped."""
    n, c, h, w = x.shape
    ho, wo = h // size, w // size
    win = x[:, :, : ho * size, : wo * size].astype(np.float64)
    win = win.reshape(n, c, ho, size, wo, size)
    if mode == "max":
        return win.max(axis=(3, 5))
    if mode == "l2":
        return np.sqrt((win**2).sum(axis=(3, 5)))
    return win.mean(axis=(3, 5))


def activate(z: np.ndarray, name: str) -> np.ndarray:
    """a = f(z) for one of our activations (softmax over axis 1)."""
    z = z.astype(np.float64)
    if name == "sigmoid":
        return 1 / (1 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0)
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    if name == "step":
        return (z > 0).astype(np.float64)
    return z
