"""Training speed in the window (all views open) against the headless Trainer, same network.

    python -m bench.window_speed [--preset nielsen-conv] [--images 3000] [--rounds 3]

Both sides train one epoch on the same first N MNIST images with the preset's settings and
report the engine's own images/s for that epoch (EpochDone.images_per_s: mini-batches only,
evaluation excluded). Rounds alternate headless and window (and which goes first) so a busy
machine hurts both alike; medians and bests (the least disturbed runs) and their ratios are
printed (the target is >= 85%). The window runs offscreen
unless QT_QPA_PLATFORM says otherwise.
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


def headless(preset: str, dataset, settings) -> float:
    """One epoch with the plain Trainer; returns images/s."""
    from playground.engine import Network, load_preset
    from playground.engine.training import EpochDone, Trainer

    net = Network.from_spec(load_preset(preset), seed=0)
    rate = 0.0
    for event in Trainer(net, dataset, settings).run():
        if isinstance(event, EpochDone):
            rate = event.images_per_s
    return rate


def headless_in_thread(preset: str, dataset, settings) -> float:
    """The same as `headless`, but in a plain worker thread, as the window trains."""
    import threading

    out: list[float] = []
    thread = threading.Thread(target=lambda: out.append(headless(preset, dataset, settings)))
    thread.start()
    thread.join()
    return out[0]


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

    app = QApplication.instance() or QApplication(sys.argv[:1])
    warmup()
    dataset = load_mnist().subset(args.images, eval_limit=500)
    settings = TrainingSettings.from_spec(load_preset(args.preset), epochs=1, seed=0)
    headless(args.preset, dataset.subset(200, eval_limit=50), settings)  # compile, warm caches

    plain: list[float] = []
    threaded: list[float] = []
    window: list[float] = []
    for r in range(args.rounds):
        t = time.perf_counter()
        # Rotate the order, so a load that comes and goes hurts every side alike.
        runs = [
            lambda: plain.append(headless(args.preset, dataset, settings)),
            lambda: threaded.append(headless_in_thread(args.preset, dataset, settings)),
            lambda: window.append(
                in_window(app, args.preset, dataset, settings, show_all=not args.tabs)[0]
            ),
        ]
        for i in range(3):
            runs[(i + r) % 3]()
        print(
            f"round {r + 1}: headless {plain[-1]:7.0f} | headless in a thread "
            f"{threaded[-1]:7.0f} | window {window[-1]:7.0f} images/s "
            f"| {time.perf_counter() - t:.1f} s"
        )
    print(
        f"{args.preset}, {args.images} images, batch {settings.batch_size}, "
        f"{'views in tabs' if args.tabs else 'all views open'} (images/s):"
    )
    for name, pick in (("median", statistics.median), ("best", max)):
        h, ht, w = pick(plain), pick(threaded), pick(window)
        print(
            f"  {name:6}  headless {h:7.0f}, in a thread {ht:7.0f}, window {w:7.0f}: "
            f"window / headless {100 * w / h:.0f}%, window / thread {100 * w / ht:.0f}%"
        )
    print("  target: window >= 85% of headless")
    return 0


if __name__ == "__main__":
    sys.exit(main())
