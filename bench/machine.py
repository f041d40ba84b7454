"""What a second thread adds on this machine right now, measured with our own kernel.

The probe runs `dot_tiles` (the conv forward's dot products) on a few kilobytes per thread:
the data stays in L1 and nothing is shared, so its speed-up is the machine's, not the engine's.
On the 2-vCPU VMs here it swung from 0.9x to 2.6x between rounds of one run (above 2x, the
one-thread sample caught a slow moment), 1.4-1.8x in the median: the second vCPU is not always
a whole core. That is the context the thread-scaling table needs.
"""

from __future__ import annotations

import time

import numba
import numpy as np
from numba import prange

from playground.engine.kernels.conv import dot_tiles

_TAPS = 496  # a multiple of 8: no scalar remainder
_FILTERS = 4
_POSITIONS = 8
_REPS = 500  # one call: about 1 ms per thread here


@numba.njit(parallel=True, nogil=True, cache=False)
def _probe(parts: int, cols, w2, b, z, reps: int) -> None:
    for t in prange(parts):
        for _ in range(reps):
            dot_tiles(cols[t], w2[t], b, 1, z[t], 0)


class ComputeProbe:
    """Multiply-adds per second of an L1-resident kernel on n threads (n parallel copies)."""

    def __init__(self, max_threads: int) -> None:
        rng = np.random.default_rng(0)
        self.cols = rng.random((max_threads, _POSITIONS, _TAPS), dtype=np.float32)
        self.w2 = rng.random((max_threads, _FILTERS, _TAPS), dtype=np.float32)
        self.b = np.zeros(_FILTERS, dtype=np.float32)
        self.z = np.zeros((max_threads, _FILTERS, _POSITIONS), dtype=np.float32)
        _probe(1, self.cols, self.w2, self.b, self.z, 1)  # compile

    def rate(self, threads: int, seconds: float) -> float:
        """MACs per second over about `seconds`, with `threads` threads (the caller sets
        numba's thread count to at least that)."""
        calls = 0
        start = time.perf_counter()
        while True:
            _probe(threads, self.cols, self.w2, self.b, self.z, _REPS)
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds and calls >= 3:
                break
        return calls * threads * _REPS * _FILTERS * _POSITIONS * _TAPS / elapsed
