"""Latency from a pen stroke to the probability bars (target: under 50 ms), offscreen.

    python bench/draw_latency.py [--preset nielsen-conv2-relu]

Latency = the draw pad's throttle delay + one update (render the strokes, MNIST-style
preprocessing, a single-image forward, redraw the bars); best and median of 20 updates.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

# Runnable as `python bench/<script>.py` from a checkout, installed or not.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="nielsen-conv2-relu")
    args = parser.parse_args()
    import numpy as np
    from PySide6.QtWidgets import QApplication

    from playground.engine import Network, load_preset
    from playground.ui.draw_panel import PREDICT_DELAY_MS, DrawPanel
    from playground.ui.testing import draw_stroke, line_points

    app = QApplication.instance() or QApplication(sys.argv)
    panel = DrawPanel()
    panel.show()
    net = Network.from_spec(load_preset(args.preset), seed=0)
    net.forward(np.zeros((1, *net.input_shape), dtype=np.float32))
    panel.set_network(net)
    panel.set_engine_ready(True)
    work = []
    for i in range(20):
        draw_stroke(panel.pad, line_points((60 + 8 * i, 60), (80 + 8 * i, 220), steps=8))
        start = time.perf_counter()
        panel.update_prediction()
        app.processEvents()
        work.append(time.perf_counter() - start)
    delay = PREDICT_DELAY_MS / 1000
    print(
        f"{args.preset}: stroke to bars {1000 * (delay + min(work)):.1f} ms best, "
        f"{1000 * (delay + statistics.median(work)):.1f} ms median "
        f"(throttle {PREDICT_DELAY_MS} ms + update); target under 50 ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
