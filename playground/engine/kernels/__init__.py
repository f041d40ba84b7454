"""@njit kernels: the only place the engine does arithmetic in loops.

Compiler flags live here, in one place. Kernels are private functions over contiguous float32
arrays that write into preallocated outputs; the layer objects validate and call them.
Parallel kernels are only ever called from Python (never from another cached @njit function:
a cache written that way crashed a later process here).
"""

from __future__ import annotations

import functools

import numba

# Two Python threads (the training worker and the draw pad) may call parallel kernels at once;
# the default workqueue layer aborts the process on concurrent use. Must be set before the
# first parallel call.
numba.config.THREADING_LAYER = "threadsafe"

#: fastmath without the no-NaN / no-inf assumptions: divergence must still show up as NaN/inf.
FASTMATH = {"nsz", "arcp", "contract", "afn", "reassoc"}
#: Serial kernel: cached on disk, releases the GIL, float reassociation allowed.
jit = functools.partial(numba.njit, cache=True, nogil=True, fastmath=FASTMATH)
#: Parallel kernel (prange), same flags.
pjit = functools.partial(numba.njit, cache=True, nogil=True, fastmath=FASTMATH, parallel=True)
