"""Time from `python` start to a visible window on a first run (empty Numba cache).

    python bench/startup.py [--runs 3]

The window must show in under 3 s while the kernels compile in the background.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = """
import os, time
from PySide6.QtCore import QTimer
from playground.ui.app import start
app, window = start([])
def report():
    print("VISIBLE", time.time(), window.isVisible(), window.engine_state, flush=True)
    os._exit(0)
QTimer.singleShot(0, report)
app.exec()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(
                os.environ,
                NUMBA_CACHE_DIR=f"{tmp}/numba",
                HOME=tmp,
                XDG_CONFIG_HOME=f"{tmp}/config",
                QT_QPA_PLATFORM="offscreen",
            )
            start = time.time()
            proc = subprocess.Popen(
                [sys.executable, "-c", SCRIPT],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            out, _ = proc.communicate(timeout=120)
            with contextlib.suppress(ProcessLookupError):  # the background compile, orphaned
                os.killpg(proc.pid, signal.SIGKILL)
            line = next(ln for ln in out.splitlines() if ln.startswith("VISIBLE"))
            _, shown, visible, state = line.split()
            times.append(float(shown) - start)
            print(f"window visible after {times[-1]:.2f} s (visible={visible}, engine={state})")
    print(
        f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, "
        f"max {max(times):.2f} s (target: under 3 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
