"""Training speed in the window (all views open) against the headless Trainer, same network.

    python -m bench.window_speed [--preset nielsen-conv] [--images 3000] [--rounds 3]

Both sides train one epoch on the same first N MNIST images with the preset's settings and
report the engine's own images/s for that epoch (EpochDone.images_per_s: mini-batches only,
evaluation excluded). Rounds alternate headless and window (and which goes first) so a busy
machine hurts both alike; medians and bests (the least disturbed runs) and their ratios are
printed (the target is >= 85%). The window is shown and left idle for a second before training
starts, as in the app, where nobody presses Start before the window has drawn itself. It runs
offscreen unless QT_QPA_PLATFORM says otherwise.

As in the app, the main (GUI) thread runs the engine on one Numba thread and both sides train
in a worker thread: a thread that has run kernels on 2 threads keeps an OpenMP pool for life,
and once the pools outnumber the cores libgomp makes every pool's workers sleep after each
kernel, which halved the speed of whichever side ran second (see playground/ui/engine_threads.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

# Runnable as `python bench/<script>.py` from a checkout, installed or not.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: How long the shown window idles before training starts (its first layout and paint).
SETTLE_MS = 1000


def headless(preset: str, dataset, settings) -> float:
    """One epoch with the plain Trainer in a worker thread (its pool ends with it); images/s."""
    from playground.engine import Network, load_preset
    from playground.engine.training import EpochDone, Trainer

    def run() -> None:
        net = Network.from_spec(load_preset(preset), seed=0)
        for event in Trainer(net, dataset, settings).run():
            if isinstance(event, EpochDone):
                rate.append(event.images_per_s)

    rate: list[float] = []
    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    return rate[-1] if rate else 0.0


def in_window(app, preset: str, dataset, settings, show_all: bool = True) -> tuple[float, int]:
    """One epoch started from the training panel with every view open; (images/s, snapshots)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QMainWindow, QSplitter

    from playground.engine import Network, load_preset
    from playground.ui.training import TrainingController, TrainingPanel
    from playground.ui.views import ViewsPanel

    controller = TrainingController()
    panel = TrainingPanel(controller)
    views = ViewsPanel(controller)
    window = QMainWindow()
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(panel)
    splitter.addWidget(views)
    window.setCentralWidget(splitter)
    window.resize(1600, 1000)
    net = Network.from_spec(load_preset(preset), seed=0)
    for target in (panel, views):
        target.set_network(net)
        target.set_dataset(dataset)
    views.set_engine_ready(True)
    views.set_show_all(show_all)
    panel.set_settings(settings)
    window.show()
    # As in the app, the window is up and its views have drawn the idle network before Start is
    # pressed: their first layout and paint are not part of training.
    settle = QEventLoop()
    QTimer.singleShot(SETTLE_MS, settle.quit)
    settle.exec()
    rates: list[float] = []
    snapshots = [0]
    controller.epoch_finished.connect(lambda report: rates.append(report.images_per_s))
    controller.snapshot_ready.connect(lambda _snap: snapshots.__setitem__(0, snapshots[0] + 1))
    loop = QEventLoop()
    controller.training_finished.connect(lambda _result: loop.quit())
    QTimer.singleShot(0, panel.start)
    loop.exec()
    controller.shutdown()
    views.shutdown()
    window.close()
    window.deleteLater()
    app.processEvents()
    return (rates[-1] if rates else 0.0), snapshots[0]


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="nielsen-conv")
    parser.add_argument("--images", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tabs", action="store_true", help="views in tabs, not all at once")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from playground.data import load_mnist
    from playground.engine import load_preset, warmup
    from playground.engine.training import TrainingSettings
    from playground.ui.engine_threads import run_engine_serially_on_this_thread

    app = QApplication.instance() or QApplication(sys.argv[:1])
    run_engine_serially_on_this_thread()  # as the window does once the engine is ready
    warmup()
    dataset = load_mnist().subset(args.images, eval_limit=500)
    settings = TrainingSettings.from_spec(load_preset(args.preset), epochs=1, seed=0)
    headless(args.preset, dataset.subset(200, eval_limit=50), settings)  # compile, warm caches

    plain: list[float] = []
    window: list[float] = []
    for r in range(args.rounds):
        t = time.perf_counter()
        # Rotate the order, so a load that comes and goes hurts every side alike.
        runs = [
            lambda: plain.append(headless(args.preset, dataset, settings)),
            lambda: window.append(
                in_window(app, args.preset, dataset, settings, show_all=not args.tabs)[0]
            ),
        ]
        for i in range(2):
            runs[(i + r) % 2]()
        print(
            f"round {r + 1}: headless {plain[-1]:7.0f} | window {window[-1]:7.0f} images/s "
            f"| {time.perf_counter() - t:.1f} s"
        )
    print(
        f"{args.preset}, {args.images} images, batch {settings.batch_size}, "
        f"{'views in tabs' if args.tabs else 'all views open'} (images/s):"
    )
    for name, pick in (("median", statistics.median), ("best", max)):
        h, w = pick(plain), pick(window)
        ratio = 100 * w / h
        print(f"  {name:6}  headless {h:7.0f}, window {w:7.0f}: window / headless {ratio:.0f}%")
    print("  target: window >= 85% of headless")
    return 0


if __name__ == "__main__":
    sys.exit(main())
