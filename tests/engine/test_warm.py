"""The engine warm-up: its first-run helpers must compile exactly what training will use."""

from __future__ import annotations

import pytest

from playground.engine import warm, warmup
from playground.engine.kernels import conv as conv_k


def test_warm_up_leaves_one_compiled_version_of_each_conv_entry() -> None:
    warmup()
    assert not warm._first_run()  # the cache now holds both entries
    assert len(conv_k.conv_fwd_par.signatures) == 1
    assert len(conv_k.conv_bwd_par.signatures) == 1


@pytest.mark.parametrize(
    ("part", "entry"), [("forward", "conv_fwd_par"), ("backward", "conv_bwd_par")]
)
def test_a_helper_compiles_the_signature_training_uses(part: str, entry: str) -> None:
    """A helper compiling other argument types would leave the real compile to the main process
    (no time saved): after warm-up, running a helper's job must add no new version."""
    warmup()
    kernel = getattr(conv_k, entry)
    before = set(kernel.signatures)
    warm.compile_conv(part)
    assert set(kernel.signatures) == before
    assert len(before) == 1
