"""Which threads may wake Numba's worker threads: in the window, only the training thread.

Numba's thread count belongs to the calling thread, and with the OpenMP layer each thread
that runs a parallel kernel on 2 threads keeps a worker pool for the rest of its life. Once
the pools hold more threads than there are cores, libgomp stops letting idle workers spin
and puts them to sleep after every kernel: training in the window then ran at about half
the headless speed (4,000-6,200 instead of 10,300-11,300 images/s for nielsen-conv on 2
cores) because the GUI thread had run the labs' networks on 2 threads. So the GUI thread
runs the engine on one thread: its work is single images, where waking the workers costs
more than the arithmetic.
"""

from __future__ import annotations


def run_engine_serially_on_this_thread() -> None:
    """Make Numba's parallel kernels run on the calling thread alone (other threads keep theirs)."""
    try:
        import numba

        numba.set_num_threads(1)
    except Exception:  # no Numba or no threading layer: nothing to tune
        pass
