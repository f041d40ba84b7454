"""The textbook engine in plain NumPy: the floor our engine must never fall below.

Vectorised over the mini-batch, float32 throughout, im2col + matmul for convolution (grouped:
one matmul per group), max pooling by reshape, dense layers as matmuls. Same spec, same weights,
same costs and plain SGD as Network.train_step. Used by bench/run.py only.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

_F32 = np.float32
_EPS = 1e-12


def _act(z: np.ndarray, name: str) -> np.ndarray:
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-np.maximum(z, -80.0)))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0)
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return z


def _act_grad(a: np.ndarray, g: np.ndarray, name: str) -> np.ndarray:
    if name == "sigmoid":
        return g * a * (1 - a)
    if name == "tanh":
        return g * (1 - a * a)
    if name == "relu":
        return g * (a > 0)
    if name == "softmax":
        return a * (g - np.sum(g * a, axis=1, keepdims=True))
    return g


class NumpyNet:
    """Forward and SGD step of a Network's spec over a copy of its float32 parameters."""

    def __init__(self, net: Any) -> None:
        self.spec = net.spec
        self.cost = net.spec["cost"]
        self.n_classes = net.n_classes
        self.input_shape = net.input_shape
        self.paired = net.cost.pairs_with == net.output_activation
        self.p = {k: v.astype(_F32).copy() for k, v in net.params.items()}
        self.layers = net.spec["layers"]

    # ------------------------------------------------------------------ layers
    def _conv_fwd(self, x: np.ndarray, layer: dict, cache: dict) -> np.ndarray:
        w, b = self.p[layer["name"] + ".weight"], self.p[layer["name"] + ".bias"]
        s, pad, groups = layer["stride"], layer["padding"], layer["groups"]
        if pad:
            x = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
        n, c, _, _ = x.shape
        f, cg, k, _ = w.shape
        win = sliding_window_view(x, (k, k), axis=(2, 3))[:, :, ::s, ::s]  # N C Ho Wo K K
        ho, wo = win.shape[2], win.shape[3]
        cols = np.ascontiguousarray(win.transpose(0, 2, 3, 1, 4, 5)).reshape(n * ho * wo, c * k * k)
        fg, tg = f // groups, cg * k * k
        z = np.empty((n * ho * wo, f), dtype=_F32)
        for g in range(groups):
            z[:, g * fg : (g + 1) * fg] = (
                cols[:, g * tg : (g + 1) * tg] @ w[g * fg : (g + 1) * fg].reshape(fg, tg).T
            )
        z += b
        a = _act(z.reshape(n, ho, wo, f).transpose(0, 3, 1, 2), layer["activation"])
        a = np.ascontiguousarray(a, dtype=_F32)
        cache.update(cols=cols, xshape=x.shape, a=a)
        return a

    def _conv_bwd(self, g: np.ndarray, layer: dict, cache: dict, need_dx: bool, lr: float):
        name = layer["name"]
        w = self.p[name + ".weight"]
        s, pad, groups = layer["stride"], layer["padding"], layer["groups"]
        f, cg, k, _ = w.shape
        dz = _act_grad(cache["a"], g, layer["activation"])
        n, _, ho, wo = dz.shape
        dzr = dz.transpose(0, 2, 3, 1).reshape(n * ho * wo, f)
        cols = cache["cols"]
        fg, tg = f // groups, cg * k * k
        dx = None
        if need_dx:
            dcols = np.empty_like(cols)
            for gi in range(groups):
                dcols[:, gi * tg : (gi + 1) * tg] = dzr[:, gi * fg : (gi + 1) * fg] @ w[
                    gi * fg : (gi + 1) * fg
                ].reshape(fg, tg)
            c = cols.shape[1] // (k * k)
            dcols = dcols.reshape(n, ho, wo, c, k, k)
            dxp = np.zeros(cache["xshape"], dtype=_F32)
            for ki in range(k):
                for kj in range(k):
                    dxp[:, :, ki : ki + s * ho : s, kj : kj + s * wo : s] += dcols[
                        :, :, :, :, ki, kj
                    ].transpose(0, 3, 1, 2)
            dx = dxp[:, :, pad : dxp.shape[2] - pad, pad : dxp.shape[3] - pad] if pad else dxp
        dw = np.empty_like(w)
        for gi in range(groups):
            dw[gi * fg : (gi + 1) * fg] = (
                dzr[:, gi * fg : (gi + 1) * fg].T @ cols[:, gi * tg : (gi + 1) * tg]
            ).reshape(fg, cg, k, k)
        self._sgd(name, dw, dz.sum(axis=(0, 2, 3)), lr)
        return dx

    @staticmethod
    def _pool_fwd(x: np.ndarray, layer: dict, cache: dict) -> np.ndarray:
        s = layer["size"]
        n, c, h, w = x.shape
        hp, wp = h // s, w // s
        win = x[:, :, : hp * s, : wp * s].reshape(n, c, hp, s, wp, s)
        if layer["mode"] == "max":
            out = win.max(axis=(3, 5))
        elif layer["mode"] == "avg":
            out = win.mean(axis=(3, 5), dtype=_F32)
        else:
            out = np.sqrt((win * win).sum(axis=(3, 5)))
        cache.update(x=x, win=win, out=out)
        return out

    @staticmethod
    def _pool_bwd(g: np.ndarray, layer: dict, cache: dict) -> np.ndarray:
        s = layer["size"]
        x, win, out = cache["x"], cache["win"], cache["out"]
        n, c, hp, wp = out.shape
        gb = g[:, :, :, None, :, None]
        if layer["mode"] == "max":  # the first maximum of each window takes the gradient
            flat = win.transpose(0, 1, 2, 4, 3, 5).reshape(n, c, hp, wp, s * s)
            first = flat.argmax(axis=4)[..., None] == np.arange(s * s)
            dwin = first.reshape(n, c, hp, wp, s, s).transpose(0, 1, 2, 4, 3, 5) * gb
        elif layer["mode"] == "avg":
            dwin = np.broadcast_to(gb / (s * s), win.shape)
        else:
            o = out[:, :, :, None, :, None]
            dwin = np.where(o > 0, win / np.where(o > 0, o, 1), 0) * gb
        dx = np.zeros_like(x)
        dx[:, :, : hp * s, : wp * s] = dwin.reshape(n, c, hp * s, wp * s)
        return dx

    def _dense_fwd(self, x: np.ndarray, layer: dict, cache: dict) -> np.ndarray:
        name = layer["name"]
        x2 = x.reshape(x.shape[0], -1)
        a = _act(x2 @ self.p[name + ".weight"].T + self.p[name + ".bias"], layer["activation"])
        cache.update(x=x2, a=a, shape=x.shape)
        return a

    def _dense_bwd(
        self, g: np.ndarray, layer: dict, cache: dict, need_dx: bool, lr: float, is_dz: bool
    ):
        name = layer["name"]
        dz = g if is_dz else _act_grad(cache["a"], g, layer["activation"])
        w = self.p[name + ".weight"]
        dx = (dz @ w).reshape(cache["shape"]) if need_dx else None
        self._sgd(name, dz.T @ cache["x"], dz.sum(axis=0), lr)
        return dx

    def _sgd(self, name: str, dw: np.ndarray, db: np.ndarray, lr: float) -> None:
        self.p[name + ".weight"] -= _F32(lr) * dw
        self.p[name + ".bias"] -= _F32(lr) * db

    # ------------------------------------------------------------------ network
    def forward(self, x: np.ndarray, caches: list[dict] | None = None) -> np.ndarray:
        """Output activations for a batch (N, *input_shape)."""
        a = x
        for layer in self.layers:
            cache: dict = {}
            kind = layer["type"]
            if kind == "conv":
                a = self._conv_fwd(a, layer, cache)
            elif kind == "pool":
                a = self._pool_fwd(a, layer, cache)
            elif kind == "dense":
                a = self._dense_fwd(a, layer, cache)
            else:
                a = _act(a, layer["activation"]).astype(_F32)
                cache["a"] = a
            if caches is not None:
                caches.append(cache)
        return a

    def train_step(self, x: np.ndarray, y: np.ndarray, lr: float) -> float:
        """One plain SGD step; returns the cost before the step."""
        caches: list[dict] = []
        a = self.forward(x, caches)
        n = a.shape[0]
        t = np.zeros_like(a)
        t[np.arange(n), y] = 1
        if self.cost == "quadratic":
            cost = 0.5 * float(np.sum((a - t) ** 2)) / n
            g = (a - t) / _F32(n)
        elif self.cost == "cross-entropy":
            c = np.clip(a, _EPS, 1 - 1e-7)
            cost = -float(np.sum(t * np.log(c) + (1 - t) * np.log(1 - c))) / n
            g = (a - t) / _F32(n) if self.paired else (c - t) / (c * (1 - c)) / _F32(n)
        else:
            cost = -float(np.sum(np.log(np.maximum(a[np.arange(n), y], _EPS)))) / n
            g = (a - t) / _F32(n) if self.paired else -t / np.maximum(a, _EPS) / _F32(n)
        g = g.astype(_F32)
        is_dz = self.paired
        for i in range(len(self.layers) - 1, -1, -1):
            layer, cache = self.layers[i], caches[i]
            kind = layer["type"]
            need_dx = i > 0
            if kind == "conv":
                g = self._conv_bwd(g.reshape(cache["a"].shape), layer, cache, need_dx, lr)
            elif kind == "pool":
                g = self._pool_bwd(g.reshape(cache["out"].shape), layer, cache) if need_dx else None
            elif kind == "dense":
                g = self._dense_bwd(g, layer, cache, need_dx, lr, is_dz)
            else:
                g = (
                    g
                    if is_dz
                    else _act_grad(cache["a"], g.reshape(cache["a"].shape), layer["activation"])
                )
            is_dz = False
        return cost
