"""The kernels index inside their arrays. The engine compiles without bounds checks (each
index would cost a compare and keep loops from vectorising), so an index past an array's end
reads or writes other memory without a word. Here a process compiled with Numba's bounds
checking on runs every kernel path the warm-up covers (direct and im2col convolutions, groups,
stride, padding, every pool mode, an activation layer, parallel dense layers) and the
presets, at one and three images, on one and two threads."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import numba
    import numpy as np
    from playground.engine import Network, load_preset
    from playground.engine.warm import _WARM_SPECS

    assert numba.config.BOUNDSCHECK
    specs = list(_WARM_SPECS) + [
        load_preset(name) for name in ("nielsen-conv2", "grouped-conv", "nielsen-mlp-ce")
    ]
    rng = np.random.default_rng(0)
    for threads in (1, 2):
        numba.set_num_threads(threads)
        for spec in specs:
            net = Network.from_spec(spec, seed=0)
            for n in (1, 3):
                x = rng.random((n, *net.input_shape), dtype=np.float32)
                y = rng.integers(0, net.n_classes, n)
                net.forward(x)
                net.gradients(x, y)
                net.train_step(x, y, lr=0.1)
                net.train_step(x, y, lr=0.1, momentum=0.5, l2=0.1, n_train=10)
    print("checked", len(specs))
    """
)


def test_every_kernel_path_stays_inside_its_arrays(tmp_path: Path) -> None:
    env = dict(os.environ, NUMBA_BOUNDSCHECK="1", NUMBA_CACHE_DIR=str(tmp_path))
    env["NUMBA_NUM_THREADS"] = "2"
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert run.stdout.split() == ["checked", "8"]
