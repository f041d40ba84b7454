"""The training path: one mini-batch forward, cost and backward as a short list of kernel calls.

`Network.gradients` and `Network.train_step` run a `StepPlan` built once per batch size. The plan
owns every buffer of the step (activations, winners, im2col rows, deltas), so a step allocates
next to nothing, and it fuses what the layer-by-layer path keeps apart:

* a conv followed by a max pool is one stage: the pool is taken on z (monotone activations, so
  max f(z) = f(max z)), f is applied to the pooled values only, and backward visits the winners
  only (a quarter of the positions for a 2x2 pool);
* bias and activation ride inside the conv and dense kernels, f' inside the backward kernels;
* cost and output gradient are one kernel;
* in train_step the SGD update is applied inside the weight-gradient pass (no dw arrays), after
  the input gradient of that layer was formed with the old weights.

Parallel kernels are called from here (Python), never from another cached kernel. The plan is
private to its Network: inference (`Network.forward`) never touches it, so the draw pad may
predict with one network while a worker trains another.
"""

from __future__ import annotations

import math
from typing import Any

import numba
import numpy as np

from playground.engine.kernels import activations as act_k
from playground.engine.kernels import conv as conv_k
from playground.engine.kernels import cost as cost_k
from playground.engine.kernels import dense as dense_k
from playground.engine.kernels import pool as pool_k
from playground.engine.layers import (
    _D1,
    _D2,
    _D3,
    _D4,
    _DUMMY_COL,
    _DUMMY_I8,
    DENSE_PARALLEL_MACS,
    DIRECT_TAPS,
    conv_forward,
    dense_forward,
)

COST_CODES = {"quadratic": 0, "cross-entropy": 1, "log-likelihood": 2}
#: Monotone non-decreasing activations: max f(z) = f(max z), so a max pool may act on z.
_MONOTONE = {0, 1, 2, 3}

_F32 = np.float32
_ZERO = _F32(0.0)


class _Stage:
    """One step of the plan: forward(x) -> output, backward(g, is_dz, need_dx) -> dC/dx."""

    keys: tuple[str, ...] = ()
    out: np.ndarray

    def forward(self, x: np.ndarray, parts: int) -> np.ndarray:
        raise NotImplementedError

    def backward(
        self, g: np.ndarray, is_dz: bool, need_dx: bool, parts: int, opt: _Opt
    ) -> np.ndarray | None:
        raise NotImplementedError


class _Opt:
    """What the backward pass does with weight gradients: apply SGD now, or store them."""

    __slots__ = ("decay", "grads", "lr", "momentum", "update", "velocity")

    def __init__(
        self,
        update: bool,
        lr: float,
        momentum: float,
        decay: float,
        velocity: dict[str, np.ndarray],
        grads: dict[str, np.ndarray],
    ) -> None:
        self.update = bool(update)
        self.lr = _F32(lr)
        self.momentum = _F32(momentum)
        self.decay = _F32(decay)
        self.velocity = velocity
        self.grads = grads

    def targets(self, key: str, param: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(velocity or a stand-in, gradient output or a stand-in) for one parameter."""
        if self.update:
            if self.momentum != 0.0:
                v = self.velocity.get(key)
                if v is None:
                    v = self.velocity[key] = np.zeros_like(param)
                return v, param
            return param, param
        g = self.grads[key] = np.empty_like(param)
        return param, g


class _ConvStage(_Stage):
    """Conv + bias + activation, with the following max pool fused in when there is one."""

    def __init__(self, layer: Any, pool: Any, n: int) -> None:
        self.layer = layer
        self.keys = (f"{layer.name}.weight", f"{layer.name}.bias")
        c, h, w = layer.input_shape
        k, s, p = layer.kernel, layer.stride, layer.padding
        self.k = k
        self.pad = p
        self.code = layer.act_code
        f, ho, wo = layer.output_shape
        cg = c // layer.groups
        self.direct = s == 1 and cg * k * k <= DIRECT_TAPS
        self.xp = np.zeros((n, c, h + 2 * p, w + 2 * p), dtype=_F32) if p else None
        self.col = _DUMMY_COL if self.direct else np.empty((n, ho * wo, c * k * k), dtype=_F32)
        self.pool = pool.size if pool is not None else 0
        if self.pool:
            self.out = np.empty((n, *pool.output_shape), dtype=_F32)
            self.arg = np.empty(self.out.shape, dtype=np.int8)
        else:
            self.out = np.empty((n, f, ho, wo), dtype=_F32)
            self.arg = _DUMMY_I8
        self.dx = np.empty((n, c, h, w), dtype=_F32)
        self.x: np.ndarray | None = None
        self.w2t: np.ndarray | None = None
        # the kernels' addresses, looked up on first use: the argument types never change
        self.kept: dict[str, int] = {}

    def forward(self, x: np.ndarray, parts: int) -> np.ndarray:
        lay = self.layer
        # images as (N, C, H, W), whatever came before (an activation stage hands over rows);
        # float32 and C-contiguous like every buffer here: the kept kernel addresses need it
        x = np.ascontiguousarray(x.reshape(x.shape[0], *lay.input_shape), dtype=_F32)
        if self.xp is not None:
            p = self.pad
            self.xp[:, :, p:-p, p:-p] = x
            x = self.xp
        self.x = x
        # the weights repacked for im2col, kept for this step's input gradient (same weights)
        self.w2t = conv_forward(
            x,
            lay.weight,
            lay.bias,
            lay.stride,
            lay.groups,
            self.direct,
            self.code,
            self.pool,
            self.out,
            self.arg,
            self.col,
            not self.direct,
            parts,
            self.kept,
        )
        return self.out

    def backward(
        self, g: np.ndarray, is_dz: bool, need_dx: bool, parts: int, opt: _Opt
    ) -> np.ndarray | None:
        lay = self.layer
        w = lay.weight
        f, k = w.shape[0], self.k
        g = np.ascontiguousarray(g.reshape(self.out.shape))  # as x in forward
        n = g.shape[0]
        if need_dx:
            conv_k.conv_bwd_par(
                1,
                max(min(parts, n), 1),
                w.reshape(f, -1),
                _D1,
                lay.stride,
                lay.groups,
                k,
                self.direct,
                self.code,
                self.pool,
                self.out,
                self.arg,
                _D3,
                g,
                self.pad,
                self.dx,
                _D3,
                0,
                False,
                _ZERO,
                _ZERO,
                _ZERO,
                _D2,
                _D1,
                _D2,
                _D1,
                self.w2t,
                self.kept,
            )
        wkey, bkey = self.keys
        vw, gw = opt.targets(wkey, w)
        vb, gb = opt.targets(bkey, lay.bias)
        x = self.x
        xflat = x.reshape(n, x.shape[1], -1)
        conv_k.conv_bwd_par(
            2,
            max(min(parts, n), 1),
            w.reshape(f, -1),
            lay.bias,
            lay.stride,
            lay.groups,
            k,
            self.direct,
            self.code,
            self.pool,
            self.out,
            self.arg,
            self.col,
            g,
            self.pad,
            _D4,
            xflat,
            x.shape[3],
            opt.update,
            opt.lr,
            opt.decay,
            opt.momentum,
            vw.reshape(f, -1),
            vb,
            gw.reshape(f, -1),
            gb,
            kept=self.kept,
        )
        return self.dx if need_dx else None


class _PoolStage(_Stage):
    """A pool that could not be fused into a conv (L2, average, or after another layer)."""

    def __init__(self, layer: Any, n: int) -> None:
        self.layer = layer
        self.out = np.empty((n, *layer.output_shape), dtype=_F32)
        self.arg = np.empty(self.out.shape, dtype=np.int32)
        self.dx = np.empty((n, *layer.input_shape), dtype=_F32)
        self.x: np.ndarray | None = None

    def forward(self, x: np.ndarray, parts: int) -> np.ndarray:
        x = x.reshape(self.dx.shape)
        self.x = x
        pool_k.forward(x, self.layer.size, self.layer.mode_code, self.out, self.arg)
        return self.out

    def backward(
        self, g: np.ndarray, is_dz: bool, need_dx: bool, parts: int, opt: _Opt
    ) -> np.ndarray | None:
        if not need_dx:
            return None
        g = np.ascontiguousarray(g.reshape(self.out.shape))
        pool_k.backward(
            self.x, self.out, self.arg, g, self.layer.size, self.layer.mode_code, self.dx
        )
        return self.dx


class _DenseStage(_Stage):
    """Dense + bias + activation; backward fuses f', dx, the weight gradient and the update."""

    def __init__(self, layer: Any, n: int) -> None:
        self.layer = layer
        self.keys = (f"{layer.name}.weight", f"{layer.name}.bias")
        units, n_in = layer.units, layer.n_in
        self.code = layer.act_code
        self.out = np.empty((n, units), dtype=_F32)
        self.delta = np.empty((n, units), dtype=_F32)
        self.dx = np.empty((n, n_in), dtype=_F32)
        self.dxp = np.empty((0, n, n_in), dtype=_F32)
        self.par_bwd = 2 * n * units * n_in >= DENSE_PARALLEL_MACS and n_in >= 128
        self.x: np.ndarray | None = None
        # the kernels' addresses, looked up on first use: the argument types never change
        self.kept: dict[str, tuple[int, ...]] = {}

    def forward(self, x: np.ndarray, parts: int) -> np.ndarray:
        lay = self.layer
        # float32 and C-contiguous like every buffer here: the kept kernel addresses are for
        # those types (a no-op for the batches Network hands over)
        x = np.ascontiguousarray(x.reshape(x.shape[0], lay.n_in), dtype=_F32)
        self.x = x
        dense_forward(x, lay.weight, lay.bias, self.code, self.out, parts, self.kept)
        return self.out

    def backward(
        self, g: np.ndarray, is_dz: bool, need_dx: bool, parts: int, opt: _Opt
    ) -> np.ndarray | None:
        lay = self.layer
        g = np.ascontiguousarray(g.reshape(self.out.shape))
        w, b = lay.weight, lay.bias
        wkey, bkey = self.keys
        vw, gw = opt.targets(wkey, w)
        vb, gb = opt.targets(bkey, b)
        # Small layers stay on the calling thread (parts 1: no other thread is woken).
        parts = parts if self.par_bwd else 1
        dense_k.backward_par(
            parts,
            self.x,
            w,
            b,
            self.code,
            self.out,
            g,
            is_dz,
            self.delta,
            self.dx,
            self._partials(parts),
            need_dx,
            gw,
            gb,
            opt.update,
            opt.lr,
            opt.decay,
            opt.momentum,
            vw,
            vb,
            self.kept,
        )
        return self.dx if need_dx else None

    def _partials(self, parts: int) -> np.ndarray:
        """Buffers for the partial dx of threads 1..parts-1 (thread 0 writes dx itself)."""
        if self.dxp.shape[0] < parts - 1:
            self.dxp = np.empty((parts - 1, *self.dx.shape), dtype=_F32)
        return self.dxp


class _ActStage(_Stage):
    """A parameter-free activation layer."""

    def __init__(self, layer: Any, n: int) -> None:
        self.layer = layer
        self.code = layer.act_code
        size = math.prod(layer.input_shape)
        self.out = np.empty((n, size), dtype=_F32)
        self.dx = np.empty((n, size), dtype=_F32)

    def forward(self, x: np.ndarray, parts: int) -> np.ndarray:
        self.out[...] = x.reshape(self.out.shape)
        act_k.activate(self.out, self.code)
        return self.out

    def backward(
        self, g: np.ndarray, is_dz: bool, need_dx: bool, parts: int, opt: _Opt
    ) -> np.ndarray | None:
        if not need_dx:
            return None
        g = g.reshape(self.out.shape)
        if is_dz:
            self.dx[...] = g
        else:
            act_k.backward(self.out, np.ascontiguousarray(g), self.code, self.dx)
        return self.dx


class StepPlan:
    """Buffers and kernel sequence of one training step for a network and a batch size."""

    def __init__(self, net: Any, n: int) -> None:
        self.n = n
        self.stages: list[_Stage] = []
        layers = net.layers
        i = 0
        while i < len(layers):
            layer = layers[i]
            kind = layer.config["type"]
            nxt = layers[i + 1] if i + 1 < len(layers) else None
            if kind == "conv":
                fuse = (
                    nxt is not None
                    and nxt.config["type"] == "pool"
                    and nxt.mode_code == 0
                    and layer.act_code in _MONOTONE
                )
                self.stages.append(_ConvStage(layer, nxt if fuse else None, n))
                i += 2 if fuse else 1
                continue
            if kind == "pool":
                self.stages.append(_PoolStage(layer, n))
            elif kind == "dense":
                self.stages.append(_DenseStage(layer, n))
            else:
                self.stages.append(_ActStage(layer, n))
            i += 1
        self.cost_code = COST_CODES[net.spec["cost"]]
        self.paired = net.cost.pairs_with == net.output_activation
        self.grad = np.empty((n, net.n_classes), dtype=_F32)

    def run(self, x: np.ndarray, labels: np.ndarray, opt: _Opt) -> float:
        """Forward, cost and backward on one batch; returns the cost (NaN/inf: nothing updated).

        Returns -1.0 when a label is out of range (the caller reports it).
        """
        parts = numba.get_num_threads()
        a = x
        for stage in self.stages:
            a = stage.forward(a, parts)
        cost = cost_k.cost_grad(a, labels, self.cost_code, self.paired, self.grad)
        if cost == -1.0 or not math.isfinite(cost):
            return cost
        g: np.ndarray | None = self.grad
        is_dz = self.paired
        for i in range(len(self.stages) - 1, -1, -1):
            g = self.stages[i].backward(g, is_dz, i > 0, parts, opt)
            is_dz = False
        return cost


def working_bytes(net: Any, n: int) -> int:
    """Bytes of the buffers a training step on `n` images allocates (activations, winners,
    im2col rows, deltas): a one-image plan's batch-sized buffers, times n."""
    plan = StepPlan(net, 1)
    arrays = [plan.grad]
    for stage in plan.stages:
        arrays += [v for v in vars(stage).values() if isinstance(v, np.ndarray) and v.ndim]
    per_image = sum(a.nbytes for a in arrays if a.shape[0] == 1 and a.size > 1)
    return per_image * n


def run_step(
    net: Any,
    x: np.ndarray,
    labels: np.ndarray,
    update: bool,
    lr: float = 0.0,
    momentum: float = 0.0,
    decay: float = 0.0,
) -> tuple[float, dict[str, np.ndarray]]:
    """One batch through the network's plan for its size: (cost, gradients if not update)."""
    plans: dict[int, StepPlan] = net.__dict__.setdefault("_plans", {})
    n = x.shape[0]
    plan = plans.get(n)
    if plan is None:
        if len(plans) >= 3:  # a last partial batch, evaluation sizes: keep memory bounded
            plans.pop(next(iter(plans)))
        plan = plans[n] = StepPlan(net, n)
    grads: dict[str, np.ndarray] = {}
    opt = _Opt(update, lr, momentum, decay, net._velocity, grads)
    return plan.run(x, labels, opt), grads
