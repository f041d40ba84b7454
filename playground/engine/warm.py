"""Compile (or load from Numba's disk cache) every kernel the presets need, on tiny arrays.

On a first run (nothing cached) the conv forward and backward kernels (with their parallel
launchers) compile in two helper processes while this process compiles the dense ones: Numba
compiles one function at a time, and the three parts together are most of the work, so the
compile takes about half as long on two cores. The start is staggered so that a small kernel
two of them share is compiled once and loaded from the disk cache by the other.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

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


def _has_conv(spec: dict) -> bool:
    return any(layer["type"] == "conv" for layer in spec["layers"])


def _first_run() -> bool:
    """True when the conv kernels are not in Numba's disk cache yet (this run compiles them)."""
    from playground.engine.kernels import conv as conv_k

    try:
        paths = [
            k._cache._cache_file._index_path
            for k in (conv_k.forward_images, conv_k.backward_dx_col)
        ]
    except AttributeError:  # a Numba without this layout: compile everything here, as before
        return False
    return not all(os.path.exists(p) for p in paths)


def _start_helper(part: str) -> list[subprocess.Popen]:
    """A process compiling one conv entry ("forward" or "backward") into the shared disk cache
    (none if it cannot start). A helper only writes that cache, so one that outlives a closed
    app just finishes its compile and exits."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    code = f"from playground.engine.warm import compile_conv; compile_conv({part!r})"
    try:
        return [
            subprocess.Popen(
                [sys.executable, "-c", code],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        ]
    except OSError:
        return []


def _compile_shared() -> None:
    """Compile, here, the small kernels the conv forward entry shares with the dense ones, so
    the forward helper started after this loads them from the disk cache instead of compiling
    them a second time (the activations' polynomial exp is the largest)."""
    from playground.engine.kernels import activations as act_k
    from playground.engine.kernels import conv as conv_k

    row = np.zeros(2, dtype=np.float32)
    act_k.apply_1d(row, 1)
    conv_k.copy_run(row, row.copy())


def compile_conv(part: str) -> None:
    """Compile one conv entry ("forward" or "backward") through a training plan's conv stage,
    so it gets exactly the argument types training and inference use (a helper's job)."""
    from playground.engine.plan import StepPlan, _ConvStage, _Opt

    net = Network.from_spec(_WARM_SPECS[1], seed=0)
    stage = next(s for s in StepPlan(net, 2).stages if isinstance(s, _ConvStage))
    x = np.zeros((2, *net.input_shape), dtype=np.float32)
    if part == "forward":
        stage.forward(x, 1)
        return
    stage.x = x  # the state forward would leave, all zeros: every winner index is valid
    stage.out.fill(0.0)
    stage.arg.fill(0)
    stage.col.fill(0.0)
    opt = _Opt(False, 0.0, 0.0, 0.0, {}, {})
    stage.backward(np.zeros(stage.out.shape, dtype=np.float32), False, True, 1, opt)


def warmup() -> float:
    """Compile (or load from the on-disk cache) every kernel on tiny arrays; returns seconds.

    Call it off the UI thread: the first compile on a fresh machine takes tens of seconds.
    """
    start = time.perf_counter()
    helpers = []
    if _first_run():
        # The backward entry is the longest compile: it starts at once. Its small kernels that
        # the dense ones share are in the cache by the time this process reaches them.
        helpers += _start_helper("backward")
        _compile_shared()
        helpers += _start_helper("forward")
    rng = np.random.default_rng(0)
    # Dense-only specs first: their kernels compile here while the helpers do the conv entries.
    for spec in sorted(_WARM_SPECS, key=_has_conv):
        if helpers and _has_conv(spec):
            for helper in helpers:  # a helper that failed just leaves its entry to compile here
                with contextlib.suppress(subprocess.SubprocessError):
                    helper.wait(timeout=600)
            helpers = []
        net = Network.from_spec(spec, seed=0)
        x = rng.random((2, *net.input_shape), dtype=np.float32)
        y = np.array([0, 1])
        net.forward(x[:1])
        net.forward(x)
        net.activations(x[:1])
        net.gradients(x, y)
        net.train_step(x, y, lr=0.1)
        net.train_step(x, y, lr=0.1, momentum=0.5, l2=0.1, n_train=10)
    return time.perf_counter() - start
