"""Compile (or load from Numba's disk cache) every kernel the presets need, on tiny arrays."""

from __future__ import annotations

import time

import numpy as np

from playground.engine.network import Network

_WARM_SPECS = (
    {
        "input": [4, 7, 7],
        "layers": [
            {
                "type": "conv",
                "filters": 4,
                "kernel": 3,
                "padding": 1,
                "groups": 2,
                "activation": "relu",
            },
            {"type": "pool", "mode": "max", "size": 2},
            {"type": "conv", "filters": 2, "kernel": 2, "stride": 2, "activation": "tanh"},
            {"type": "dense", "units": 3, "activation": "sigmoid"},
            {"type": "activation", "activation": "linear"},
            {"type": "dense", "units": 2, "activation": "softmax"},
        ],
        "cost": "log-likelihood",
    },
    {
        "input": [1, 12, 12],
        "layers": [
            {"type": "conv", "filters": 2, "kernel": 5, "activation": "sigmoid"},
            {"type": "pool", "mode": "max", "size": 2},
            {
                "type": "conv",
                "filters": 4,
                "kernel": 3,
                "padding": 1,
                "groups": 2,
                "activation": "relu",
            },
            {"type": "dense", "units": 3, "activation": "relu"},
            {"type": "dense", "units": 2, "activation": "softmax"},
        ],
        "cost": "log-likelihood",
    },
    {
        "input": [2, 10, 10],
        "layers": [
            {"type": "conv", "filters": 4, "kernel": 5, "groups": 2, "activation": "relu"},
            {"type": "pool", "mode": "max", "size": 2},
            {"type": "dense", "units": 2, "activation": "sigmoid"},
        ],
        "cost": "quadratic",
    },
    {
        "input": [2048],  # large enough for the parallel dense kernels
        "layers": [
            {"type": "dense", "units": 256, "activation": "sigmoid"},
            {"type": "dense", "units": 2, "activation": "sigmoid"},
        ],
        "cost": "cross-entropy",
    },
    {
        "input": [2, 4, 4],
        "layers": [
            {"type": "pool", "mode": "l2", "size": 2},
            {"type": "pool", "mode": "avg", "size": 1},
            {"type": "dense", "units": 2, "activation": "sigmoid"},
        ],
        "cost": "cross-entropy",
    },
)


def warmup() -> float:
    """Compile (or load from the on-disk cache) every kernel on tiny arrays; returns seconds.

    Call it off the UI thread: the first compile on a fresh machine takes tens of seconds.
    """
    import numba

    start = time.perf_counter()
    rng = np.random.default_rng(0)
    threads = numba.get_num_threads()  # per calling thread: changing it here is safe
    for spec in _WARM_SPECS:
        net = Network.from_spec(spec, seed=0)
        x = rng.random((2, *net.input_shape), dtype=np.float32)
        y = np.array([0, 1])
        net.forward(x[:1])
        net.forward(x)
        net.activations(x[:1])
        net.gradients(x, y)
        net.train_step(x, y, lr=0.1)
        net.train_step(x, y, lr=0.1, momentum=0.5, l2=0.1, n_train=10)
        if threads > 1:  # the one-thread variants of the training kernels
            numba.set_num_threads(1)
            try:
                net.gradients(x, y)
                net.train_step(x, y, lr=0.1, momentum=0.5, l2=0.1, n_train=10)
            finally:
                numba.set_num_threads(threads)
    return time.perf_counter() - start
