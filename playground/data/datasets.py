"""Datasets: the built-in MNIST and any folder of IDX files laid out like it.

Images become float32 (N, C, H, W) in [0, 1] (C = 1 for greyscale IDX), labels int64 (N,).
As in Nielsen's book, the last `validation` training images form the validation split, so MNIST
gives 50,000 train / 10,000 validation / 10,000 test images.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import playground
from playground.data.idx import _read_idx
from playground.errors import DataError, Phrase

#: Names of the three splits, in the order they are used.
SPLITS = ("train", "val", "test")
#: More classes than this is almost surely a wrong label file (ImageNet has 1000).
MAX_CLASSES = 1000
#: Optional file in a dataset folder: one class name per line, in label order.
CLASS_NAMES_FILE = "classes.txt"

_ROLES = {
    ("train", "images"): Phrase("training images"),
    ("train", "labels"): Phrase("training labels"),
    ("test", "images"): Phrase("test images"),
    ("test", "labels"): Phrase("test labels"),
}
_EXPECTED_NAMES = {
    ("train", "images"): "train-images-idx3-ubyte",
    ("train", "labels"): "train-labels-idx1-ubyte",
    ("test", "images"): "t10k-images-idx3-ubyte",
    ("test", "labels"): "t10k-labels-idx1-ubyte",
}


@dataclass(eq=False, repr=False)
class Dataset:
    """Train / validation / test splits of one image dataset, ready for the engine."""

    name: str
    train_x: np.ndarray
    train_y: np.ndarray
    val_x: np.ndarray
    val_y: np.ndarray
    test_x: np.ndarray
    test_y: np.ndarray
    n_classes: int
    image_shape: tuple[int, int, int]
    class_names: list[str]

    def __post_init__(self) -> None:
        """Check shapes and dtypes once, so every consumer can trust them."""
        self.image_shape = tuple(int(d) for d in self.image_shape)  # type: ignore[assignment]
        if len(self.image_shape) != 3:
            raise DataError(
                "{dataset}: image_shape must be (C, H, W), got {image_shape}",
                dataset=self.name,
                image_shape=self.image_shape,
            )
        for split in SPLITS:
            x, y = self.split(split)
            if x.dtype != np.float32 or x.shape[1:] != self.image_shape:
                raise DataError(
                    "{dataset}: {split}_x must be float32 of shape (N, *{image_shape}), "
                    "got {dtype} {shape}",
                    dataset=self.name,
                    split=split,
                    image_shape=self.image_shape,
                    dtype=x.dtype,
                    shape=x.shape,
                )
            if y.dtype != np.int64 or y.shape != (x.shape[0],):
                raise DataError(
                    "{dataset}: {split}_y must be int64 of shape ({count},), got {dtype} {shape}",
                    dataset=self.name,
                    split=split,
                    count=x.shape[0],
                    dtype=y.dtype,
                    shape=y.shape,
                )
        if len(self.class_names) != self.n_classes:
            raise DataError(
                "{dataset}: {names} class names for {classes} classes",
                dataset=self.name,
                names=len(self.class_names),
                classes=self.n_classes,
            )

    def __repr__(self) -> str:
        return (
            f"Dataset({self.name!r}, train={self.n_train}, val={self.n_val}, test={self.n_test}, "
            f"image_shape={self.image_shape}, n_classes={self.n_classes})"
        )

    @property
    def n_train(self) -> int:
        """Number of training images."""
        return len(self.train_y)

    @property
    def n_val(self) -> int:
        """Number of validation images."""
        return len(self.val_y)

    @property
    def n_test(self) -> int:
        """Number of test images."""
        return len(self.test_y)

    @property
    def input_size(self) -> int:
        """Pixels per image (C * H * W): the width of a first dense layer's input."""
        c, h, w = self.image_shape
        return c * h * w

    def split(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) of the split "train", "val" or "test"."""
        if name not in SPLITS:
            raise ValueError(f"unknown split {name!r}; use one of {', '.join(SPLITS)}")
        return getattr(self, f"{name}_x"), getattr(self, f"{name}_y")

    def class_counts(self, split: str) -> np.ndarray:
        """How many images of each class the split holds (length n_classes)."""
        return np.bincount(self.split(split)[1], minlength=self.n_classes)

    def subset(self, limit: int, *, eval_limit: int | None = None) -> Dataset:
        """A dataset whose training split is the first `limit` images, for quick runs.

        Validation and test splits stay whole unless `eval_limit` is given, in which case each
        keeps its first `eval_limit` images. Arrays are views, not copies.
        """
        if limit < 0 or (eval_limit is not None and eval_limit < 0):
            raise ValueError(f"limits must be >= 0, got limit={limit}, eval_limit={eval_limit}")
        ev = slice(None) if eval_limit is None else slice(0, eval_limit)
        return dataclasses.replace(
            self,
            train_x=self.train_x[:limit],
            train_y=self.train_y[:limit],
            val_x=self.val_x[ev],
            val_y=self.val_y[ev],
            test_x=self.test_x[ev],
            test_y=self.test_y[ev],
            class_names=list(self.class_names),
        )


def _find_files(folder: Path) -> dict[tuple[str, str], Path]:
    """Map (split, kind) to the file holding it, accepting MNIST-like spellings.

    A name counts if it contains "idx" and names a split ("train", or "t10k"/"test") and a kind
    ("images"/"idx3" or "labels"/"idx1"); a raw file is preferred over its .gz twin.
    """
    found: dict[tuple[str, str], list[Path]] = {role: [] for role in _ROLES}
    for entry in sorted(folder.iterdir()):
        low = entry.name.lower()
        if not entry.is_file() or "idx" not in low or low.startswith("."):
            continue
        split = "train" if "train" in low else "test" if ("t10k" in low or "test" in low) else ""
        if "images" in low or "idx3" in low:
            kind = "images"
        elif "labels" in low or "idx1" in low:
            kind = "labels"
        else:
            kind = ""
        if split and kind:
            found[(split, kind)].append(entry)
    files: dict[tuple[str, str], Path] = {}
    for role, paths in found.items():
        expected = _EXPECTED_NAMES[role]
        if not paths:
            raise DataError(
                "{expected}(.gz): {role} file not found in {folder}; put the "
                "{role} there under a name like {expected} or {expected}.gz",
                expected=expected,
                role=_ROLES[role],
                folder=folder,
            )
        stems = {p.name[:-3] if p.name.lower().endswith(".gz") else p.name for p in paths}
        if len(stems) > 1:
            names = ", ".join(p.name for p in paths)
            raise DataError(
                "{files}: several files in {folder} look like the {role}; keep only one",
                files=names,
                folder=folder,
                role=_ROLES[role],
            )
        raw = [p for p in paths if not p.name.lower().endswith(".gz")]
        files[role] = raw[0] if raw else paths[0]
    return files


def _images_to_float(images: np.ndarray, path: Path) -> np.ndarray:
    """(N, H, W) pixels -> float32 (N, 1, H, W) in [0, 1]: bytes 0-255 are divided by 255."""
    if images.ndim != 3:
        raise DataError(
            "{file}: images must be 3-D (count, height, width), got {ndim}-D "
            "shape {shape}; store one greyscale image per entry",
            file=path.name,
            ndim=images.ndim,
            shape=images.shape,
        )
    n, h, w = images.shape
    if n == 0 or h == 0 or w == 0:
        raise DataError(
            "{file}: holds no pixels (shape {shape})", file=path.name, shape=images.shape
        )
    if images.dtype.kind in "iu":
        lo, hi = int(images.min()), int(images.max())
        if lo < 0 or hi > 255:
            raise DataError(
                "{file}: integer pixel values must lie in 0..255, found {lo}..{hi}; "
                "rescale the images to 0..255",
                file=path.name,
                lo=lo,
                hi=hi,
            )
        out = np.divide(images, np.float32(255), dtype=np.float32)
    else:
        out = images.astype(np.float32)  # a copy: the input may be a read-only view
        if not np.isfinite(out).all():
            raise DataError("{file}: float pixel values contain NaN or infinity", file=path.name)
        lo, hi = float(out.min()), float(out.max())
        if lo < 0 or hi > 1:
            raise DataError(
                "{file}: float pixel values must lie in [0, 1], found [{lo:g}, {hi:g}]; "
                "rescale them or store the images as unsigned bytes 0..255",
                file=path.name,
                lo=lo,
                hi=hi,
            )
    return np.ascontiguousarray(out.reshape(n, 1, h, w))


def _labels_to_int(labels: np.ndarray, path: Path) -> np.ndarray:
    """Labels as int64 (N,), refusing floats, extra dimensions and negative values."""
    if labels.ndim != 1:
        raise DataError(
            "{file}: labels must be 1-D (one label per image), got {ndim}-D shape {shape}",
            file=path.name,
            ndim=labels.ndim,
            shape=labels.shape,
        )
    if labels.dtype.kind not in "iu":
        raise DataError(
            "{file}: labels must be integers (class numbers 0, 1, 2, ...), got {dtype}",
            file=path.name,
            dtype=labels.dtype,
        )
    labels = labels.astype(np.int64)
    if labels.size and labels.min() < 0:
        bad = int(np.argmax(labels < 0))
        raise DataError(
            "{file}: label out of range: label {label} at index {index} is "
            "negative; classes are numbered 0, 1, 2, ...",
            file=path.name,
            label=int(labels[bad]),
            index=bad,
        )
    return labels


def _read_class_names(folder: Path, n_classes: int) -> list[str]:
    """Names from classes.txt if the folder has one, else "0", "1", ..."""
    path = folder / CLASS_NAMES_FILE
    if not path.is_file():
        return [str(i) for i in range(n_classes)]
    try:
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(
            "{file}: cannot be read as UTF-8 text ({exc})", file=path.name, exc=exc
        ) from None
    names = [ln for ln in lines if ln]
    if len(names) != n_classes:
        raise DataError(
            "{file}: lists {names} class names but the labels use {classes} classes; "
            "write one name per line, in label order",
            file=path.name,
            names=len(names),
            classes=n_classes,
        )
    return names


def load_idx_folder(
    folder: str | os.PathLike[str], *, validation: int = 10000, name: str | None = None
) -> Dataset:
    """Load a folder holding MNIST-style IDX files (train/t10k images and labels, gz or raw).

    The last `validation` training images become the validation split; when the training file
    holds no more than `validation` images, the last tenth (rounded down) is used instead.
    n_classes is the largest label + 1 over train and test; class names come from an optional
    classes.txt (one per line), else "0", "1", ...
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(
            "{name}: dataset folder not found ({folder})", name=folder.name, folder=folder
        )
    if validation < 0:
        raise DataError(
            "{name}: validation must be >= 0, got {validation}",
            name=folder.name,
            validation=validation,
        )
    files = _find_files(folder)

    splits: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for split in ("train", "test"):
        img_path, lbl_path = files[(split, "images")], files[(split, "labels")]
        # Read-only views: the arrays are converted (copied) below, no need to copy twice.
        x = _images_to_float(_read_idx(img_path, writable=False), img_path)
        y = _labels_to_int(_read_idx(lbl_path, writable=False), lbl_path)
        if len(x) != len(y):
            raise DataError(
                "{labels_file}: has {labels} labels but {images_file} has {images} images; "
                "each image needs exactly one label",
                labels_file=lbl_path.name,
                labels=len(y),
                images_file=img_path.name,
                images=len(x),
            )
        splits[split] = (x, y)

    (train_x, train_y), (test_x, test_y) = splits["train"], splits["test"]
    if train_x.shape[1:] != test_x.shape[1:]:
        raise DataError(
            "{test_file}: test images are {test_size} but training images ({train_file}) are "
            "{train_size}; both must have the same size",
            test_file=files[("test", "images")].name,
            test_size=_hw(test_x),
            train_file=files[("train", "images")].name,
            train_size=_hw(train_x),
        )
    n_classes = int(max(train_y.max(), test_y.max())) + 1
    if n_classes > MAX_CLASSES:
        worst = "train" if train_y.max() >= test_y.max() else "test"
        raise DataError(
            "{file}: label out of range: {label} "
            "(at most {largest} is accepted); is this really a label file?",
            file=files[(worst, "labels")].name,
            label=n_classes - 1,
            largest=MAX_CLASSES - 1,
        )

    n_val = validation if len(train_x) > validation else len(train_x) // 10
    n_fit = len(train_x) - n_val
    return Dataset(
        name=name if name is not None else folder.name,
        train_x=train_x[:n_fit],
        train_y=train_y[:n_fit],
        val_x=train_x[n_fit:],
        val_y=train_y[n_fit:],
        test_x=test_x,
        test_y=test_y,
        n_classes=n_classes,
        image_shape=train_x.shape[1:],
        class_names=_read_class_names(folder, n_classes),
    )


def _hw(x: np.ndarray) -> str:
    return f"{x.shape[2]}x{x.shape[3]}"


def _frozen(array: np.ndarray) -> np.ndarray:
    """A read-only view of `array` that cannot be made writable again (its base is read-only)."""
    base = array
    while isinstance(base, np.ndarray):
        base.flags.writeable = False
        base = base.base  # type: ignore[assignment]
    return array.view()


@functools.lru_cache(maxsize=1)
def _mnist_cached() -> Dataset:
    dataset = load_idx_folder(playground.RESOURCES / "datasets" / "mnist", name="MNIST")
    arrays = {
        f"{split}_{axis}": _frozen(array)
        for split in SPLITS
        for axis, array in zip("xy", dataset.split(split), strict=True)
    }
    return dataclasses.replace(dataset, **arrays)


def load_mnist() -> Dataset:
    """The shipped MNIST (50,000 / 10,000 / 10,000), parsed once per process, arrays read-only."""
    cached = _mnist_cached()
    # A fresh Dataset each call, so a caller rebinding fields or class names cannot affect others.
    return dataclasses.replace(cached, class_names=list(cached.class_names))
