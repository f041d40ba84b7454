"""The data layer: IDX files, the built-in MNIST, users' datasets and drawn-digit preprocessing.

Pure NumPy: never imports Qt, so it works the same in the app, the CLI and a notebook.
"""

from __future__ import annotations

from playground.data.datasets import Dataset, load_idx_folder, load_mnist
from playground.data.idx import read_idx, write_idx
from playground.data.preprocess import center_of_mass, is_blank, mnist_style
from playground.errors import DataError

__all__ = [
    "DataError",
    "Dataset",
    "center_of_mass",
    "is_blank",
    "load_idx_folder",
    "load_mnist",
    "mnist_style",
    "read_idx",
    "write_idx",
]
