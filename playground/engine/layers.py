"""Layer objects: configuration, shapes and bookkeeping; the kernels do the arithmetic.

Each layer knows its shapes and parameters and computes inference: forward takes the previous
activations and returns its own (after its activation function). Training does not go layer by
layer: plan.py fuses a whole mini-batch step into a few kernel calls.
"""

from __future__ import annotations

import math
from typing import Any

import numba
import numpy as np

from playground.engine.kernels import activations as act_k
from playground.engine.kernels import conv as conv_k
from playground.engine.kernels import dense as dense_k
from playground.engine.kernels import pool as pool_k
from playground.engine.spec import LayerInfo

POOL_CODES = {"max": 0, "l2": 1, "avg": 2}
#: Taps per filter up to which the direct (flat-row) conv beats im2col + dot products.
DIRECT_TAPS = 32
#: Multiply-adds per call below which a dense kernel stays on one thread.
DENSE_PARALLEL_MACS = 500_000
_F32 = np.float32
# Stand-ins for the arguments a kernel entry does not use in a given mode (right dtype and rank).
_DUMMY_I8 = np.zeros((1, 1, 1, 1), dtype=np.int8)
_DUMMY_COL = np.zeros((1, 1, 1), dtype=_F32)
_D4 = np.zeros((1, 1, 1, 1), dtype=_F32)
_D3 = _DUMMY_COL
_D2 = np.zeros((1, 1), dtype=_F32)
_D1 = np.zeros(1, dtype=_F32)


def conv_forward(
    x, w, b, stride, groups, direct, code, pool, out, arg, col, keep_col, parts, kept=None
):
    """Conv + bias + activation (+ fused max pool) over a batch, threads split the images.
    Returns the weight repacked for the im2col path (None on the direct path). `kept`: as
    for conv_fwd_par."""
    n = x.shape[0]
    parts = max(min(parts, n), 1)
    return conv_k.conv_fwd_par(
        parts,
        x,
        w,
        b,
        stride,
        groups,
        direct,
        code,
        pool,
        out,
        out.reshape(n, -1),
        arg,
        col,
        keep_col,
        kept,
    )


def dense_forward(x, w, b, code, z, parts, kept=None):
    """z = f(x w^T + b), on one thread for small layers (a parallel launch costs more).
    `kept`: as for dense_k.forward_par."""
    units, n_in = w.shape
    if parts > 1 and z.shape[0] * units * n_in >= DENSE_PARALLEL_MACS:
        dense_k.forward_par(min(parts, units), x, w, b, code, z, kept)
    else:
        dense_k.forward_act(x, w, b, code, z)


_NO_ARG = _DUMMY_I8
_NO_COL = _DUMMY_COL


def _activate(a: np.ndarray, code: int) -> None:
    act_k.activate(a.reshape(a.shape[0], -1), code)


class Layer:
    """Base class: a named step of the network with optional weight and bias."""

    def __init__(self, config: dict[str, Any], info: LayerInfo) -> None:
        self.config = config
        self.info = info
        self.name = info.name
        self.input_shape = info.input_shape
        self.output_shape = info.output_shape
        self.activation = config.get("activation", "linear")
        self.act_code = act_k.CODES[self.activation]
        self.weight: np.ndarray | None = None
        self.bias: np.ndarray | None = None

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        """Shapes of this layer's parameters, keyed 'weight' and 'bias' (empty if none)."""
        return {}

    def fan_in(self) -> int:
        """Inputs that feed one output neuron (sets the initial weight scale 1/sqrt(fan_in))."""
        return 1

    def bind(self, params: dict[str, np.ndarray]) -> None:
        """Point the layer at the network's parameter arrays (shared, updated in place)."""
        self.weight = params.get(f"{self.name}.weight")
        self.bias = params.get(f"{self.name}.bias")

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Output activations for a batch (inference; training runs through plan.py)."""
        raise NotImplementedError


class Conv(Layer):
    """2-D convolution with zero padding, stride and groups, followed by its activation.

    H_out = floor((H_in + 2*padding - kernel) / stride) + 1. With groups g the input channels
    and the filters are split into g groups and each filter sees only its group's channels,
    so the weight is (filters, in_channels // g, kernel, kernel): g times fewer weights.
    """

    def __init__(self, config: dict[str, Any], info: LayerInfo) -> None:
        super().__init__(config, info)
        self.filters = config["filters"]
        self.kernel = config["kernel"]
        self.stride = config["stride"]
        self.padding = config["padding"]
        self.groups = config["groups"]

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        cg = self.input_shape[0] // self.groups
        return {"weight": (self.filters, cg, self.kernel, self.kernel), "bias": (self.filters,)}

    def fan_in(self) -> int:
        return self.input_shape[0] // self.groups * self.kernel * self.kernel

    def _pad(self, x: np.ndarray) -> np.ndarray:
        p = self.padding
        if p == 0:
            return x
        n, c, h, w = x.shape
        xp = np.zeros((n, c, h + 2 * p, w + 2 * p), dtype=np.float32)
        xp[:, :, p : p + h, p : p + w] = x
        return xp

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = self._pad(x)
        n = x.shape[0]
        out = np.empty((n, *self.output_shape), dtype=np.float32)
        cg = self.input_shape[0] // self.groups
        direct = self.stride == 1 and cg * self.kernel**2 <= DIRECT_TAPS
        conv_forward(
            xp,
            self.weight,
            self.bias,
            self.stride,
            self.groups,
            direct,
            self.act_code,
            0,
            out,
            _NO_ARG,
            _NO_COL,
            False,
            numba.get_num_threads(),
        )
        return out


class Pool(Layer):
    """Max, L2 (sqrt of the sum of squares) or average pooling over size x size windows.

    The window moves with stride = size; a remainder at the right or bottom edge is dropped,
    so H_out = floor(H_in / size), as in PyTorch.
    """

    def __init__(self, config: dict[str, Any], info: LayerInfo) -> None:
        super().__init__(config, info)
        self.size = config["size"]
        self.mode = config["mode"]
        self.mode_code = POOL_CODES[self.mode]

    def forward(self, x: np.ndarray) -> np.ndarray:
        out = np.empty((x.shape[0], *self.output_shape), dtype=np.float32)
        arg = np.empty(out.shape, dtype=np.int32)
        pool_k.forward(x, self.size, self.mode_code, out, arg)
        return out


class Dense(Layer):
    """Fully connected layer: a = f(W x + b) with W of shape (units, inputs) = Nielsen's w^l_jk.

    The input is flattened in C, H, W order.
    """

    def __init__(self, config: dict[str, Any], info: LayerInfo) -> None:
        super().__init__(config, info)
        self.units = config["units"]
        self.n_in = math.prod(self.input_shape)

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        return {"weight": (self.units, self.n_in), "bias": (self.units,)}

    def fan_in(self) -> int:
        return self.n_in

    def forward(self, x: np.ndarray) -> np.ndarray:
        x2 = np.ascontiguousarray(x.reshape(x.shape[0], self.n_in))
        z = np.empty((x.shape[0], self.units), dtype=np.float32)
        dense_forward(x2, self.weight, self.bias, self.act_code, z, numba.get_num_threads())
        return z


class Activation(Layer):
    """A parameter-free activation function applied element-wise (softmax: over the vector)."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        a = np.array(x, dtype=np.float32, copy=True, order="C")
        _activate(a, self.act_code)
        return a


LAYER_CLASSES: dict[str, type[Layer]] = {
    "conv": Conv,
    "pool": Pool,
    "dense": Dense,
    "activation": Activation,
}
