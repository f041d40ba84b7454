"""The engine warm-up: its first-run helpers must compile exactly what training will use."""

from __future__ import annotations

import pytest

from playground.engine import warm, warmup
from playground.engine.kernels import conv as conv_k

# What each first-run helper compiles: the conv kernels and their parallel launchers.
PARTS = {
    "forward": ("forward_images", "_launch_fwd"),
    "backward": ("backward_dx_col", "dw_accumulate", "dw_finish", "_launch_dx", "_launch_dw"),
}


def test_warm_up_leaves_one_compiled_version_of_each_conv_kernel() -> None:
    warmup()
    assert not warm._first_run()  # the cache now holds both parts
    for names in PARTS.values():
        for name in names:
            assert len(getattr(conv_k, name).signatures) == 1, name


@pytest.mark.parametrize("part", sorted(PARTS))
def test_a_helper_compiles_the_signatures_training_uses(part: str) -> None:
    """A helper compiling other argument types would leave the real compile to the main process
    (no time saved): after warm-up, running a helper's job must add no new version."""
    warmup()
    kernels = [getattr(conv_k, name) for name in PARTS[part]]
    before = [set(k.signatures) for k in kernels]
    warm.compile_conv(part)
    assert [set(k.signatures) for k in kernels] == before
    assert all(len(b) == 1 for b in before)


def test_the_kernels_compiled_before_the_forward_helper_are_the_ones_it_uses(tmp_path) -> None:
    """warmup() compiles the kernels the forward entry shares with the dense ones before the
    forward helper starts, so the helper loads them from the cache. With other argument types
    the helper would compile a second version of each: none may appear (fresh cache, ~15 s)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "from playground.engine import warm\n"
        "from playground.engine.kernels import activations as a, conv as c\n"
        "warm._compile_shared()\n"
        "warm.compile_conv('forward')\n"
        "print(len(a.apply_1d.signatures), len(a.sigmoid_1d.signatures),"
        " len(c.copy_run.signatures))\n"
    )
    env = dict(os.environ, NUMBA_CACHE_DIR=str(tmp_path))
    root = str(Path(warm.__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["1", "1", "1"]
