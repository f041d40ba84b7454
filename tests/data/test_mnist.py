"""The shipped MNIST: Nielsen's 50k/10k/10k split, the published class counts, read-only cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from playground.data import Dataset, load_mnist

TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]


@pytest.fixture(scope="module")
def mnist() -> Dataset:
    return load_mnist()


def test_split_sizes_and_shapes(mnist: Dataset) -> None:
    assert mnist.name == "MNIST"
    assert (mnist.n_train, mnist.n_val, mnist.n_test) == (50000, 10000, 10000)
    assert mnist.image_shape == (1, 28, 28) and mnist.n_classes == 10
    assert mnist.class_names == [str(d) for d in range(10)]
    for split in ("train", "val", "test"):
        x, y = mnist.split(split)
        assert x.shape == (len(y), 1, 28, 28)
        assert x.dtype == np.float32 and x.flags.c_contiguous
        assert y.dtype == np.int64


def test_pixel_range(mnist: Dataset) -> None:
    for split in ("train", "val", "test"):
        x, _ = mnist.split(split)
        assert x.min() == 0.0 and x.max() == 1.0


def test_class_counts(mnist: Dataset) -> None:
    assert mnist.class_counts("test").tolist() == TEST_COUNTS
    both = mnist.class_counts("train") + mnist.class_counts("val")
    assert both.tolist() == TRAIN_COUNTS


def test_first_labels(mnist: Dataset) -> None:
    # The well-known first digits: train 5 0 4 1 9, test 7 2 1 0 4.
    assert mnist.train_y[:5].tolist() == [5, 0, 4, 1, 9]
    assert mnist.test_y[:5].tolist() == [7, 2, 1, 0, 4]


def test_cached_and_read_only(mnist: Dataset) -> None:
    again = load_mnist()
    assert again.train_x is mnist.train_x  # parsed once per process
    for split in ("train", "val", "test"):
        for array in mnist.split(split):
            with pytest.raises(ValueError, match="read-only"):
                array[0] = 0
            with pytest.raises(ValueError):
                array.flags.writeable = True
    with pytest.raises(ValueError, match="read-only"):
        mnist.subset(10).train_x[0] = 0


def test_callers_cannot_share_mutations(mnist: Dataset) -> None:
    first = load_mnist()
    first.class_names[0] = "zero"
    first.name = "changed"
    second = load_mnist()
    assert second.class_names[0] == "0" and second.name == "MNIST"


def test_data_layer_imports_no_qt() -> None:
    code = (
        "import sys, playground.data\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'pyqtgraph', 'shiboken6') or m.startswith('playground.ui')]\n"
        "print(bad)\n"
    )
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo
    )
    assert out.stdout.strip() == "[]"
