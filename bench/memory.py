"""Peak resident memory while training nielsen-conv2 over the full MNIST training set.

    python bench/memory.py [steps]      # prints: peak_MB images_seen seconds

Mini-batches of 10 drawn in a shuffled order over all 50,000 training images (the data stays
loaded, as in the app), then the validation split evaluated once, as the trainer does per epoch.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from playground.data import load_mnist
from playground.engine import Network, load_preset


def main() -> None:
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    data = load_mnist()
    spec = load_preset("nielsen-conv2")
    net = Network.from_spec(spec, seed=0)
    lr = spec["training"]["lr"]
    batch = spec["training"]["batch_size"]
    order = np.random.default_rng(0).permutation(len(data.train_x))
    start = time.perf_counter()
    seen = 0
    for s in range(steps):
        i = (s * batch) % len(order)
        idx = np.sort(order[i : i + batch])
        net.train_step(data.train_x[idx], data.train_y[idx], lr, n_train=len(order))
        seen += len(idx)
    net.evaluate(data.val_x, data.val_y)
    secs = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{peak_kb / 1024:.1f} {seen} {secs:.2f}")


if __name__ == "__main__":
    main()
