"""load_idx_folder on small crafted folders: shapes, splits, spellings, and each fault's message."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from playground.data import DataError, Dataset, load_idx_folder, write_idx

NAMES = {
    "train_x": "train-images-idx3-ubyte",
    "train_y": "train-labels-idx1-ubyte",
    "test_x": "t10k-images-idx3-ubyte",
    "test_y": "t10k-labels-idx1-ubyte",
}


def make_folder(
    folder: Path,
    *,
    n_train: int = 50,
    n_test: int = 20,
    size: tuple[int, int] = (10, 12),
    n_classes: int = 3,
    gz: bool = True,
    names: dict[str, str] | None = None,
    **override: np.ndarray,
) -> dict[str, np.ndarray]:
    """Write four IDX files of random bytes and labels; `override` replaces any of the arrays."""
    rng = np.random.default_rng(1)
    arrays = {
        "train_x": rng.integers(0, 256, (n_train, *size), dtype=np.uint8),
        "train_y": (np.arange(n_train) % n_classes).astype(np.uint8),
        "test_x": rng.integers(0, 256, (n_test, *size), dtype=np.uint8),
        "test_y": (np.arange(n_test) % n_classes).astype(np.uint8),
    }
    arrays.update(override)
    folder.mkdir(exist_ok=True)
    names = names or NAMES
    for key, array in arrays.items():
        write_idx(folder / (names[key] + (".gz" if gz else "")), array)
    return arrays


def test_small_folder_loads(tmp_path: Path) -> None:
    raw = make_folder(tmp_path / "shapes")
    ds = load_idx_folder(tmp_path / "shapes")
    assert isinstance(ds, Dataset)
    assert ds.name == "shapes"
    assert ds.image_shape == (1, 10, 12) and ds.input_size == 120
    assert ds.n_classes == 3 and ds.class_names == ["0", "1", "2"]
    # 50 training images <= validation=10000, so a tenth (5) becomes the validation split.
    assert (ds.n_train, ds.n_val, ds.n_test) == (45, 5, 20)
    for split in ("train", "val", "test"):
        x, y = ds.split(split)
        assert x.dtype == np.float32 and x.flags.c_contiguous and x.ndim == 4
        assert y.dtype == np.int64 and y.shape == (len(x),)
        assert x.min() >= 0.0 and x.max() <= 1.0
    np.testing.assert_allclose(ds.train_x[:, 0], raw["train_x"][:45] / 255, rtol=1e-6)
    np.testing.assert_allclose(ds.val_x[:, 0], raw["train_x"][45:] / 255, rtol=1e-6)
    np.testing.assert_array_equal(ds.val_y, raw["train_y"][45:])
    np.testing.assert_allclose(ds.test_x[:, 0], raw["test_x"] / 255, rtol=1e-6)


def test_validation_is_the_last_images(tmp_path: Path) -> None:
    raw = make_folder(tmp_path, n_train=30)
    ds = load_idx_folder(tmp_path, validation=8, name="tiny")
    assert ds.name == "tiny" and (ds.n_train, ds.n_val) == (22, 8)
    np.testing.assert_array_equal(ds.val_y, raw["train_y"][22:])
    np.testing.assert_allclose(ds.val_x[:, 0], raw["train_x"][22:] / 255, rtol=1e-6)


def test_validation_zero_gives_empty_split(tmp_path: Path) -> None:
    make_folder(tmp_path, n_train=30)
    ds = load_idx_folder(tmp_path, validation=0)
    assert ds.n_train == 30 and ds.val_x.shape == (0, 1, 10, 12) and ds.val_y.shape == (0,)


def test_raw_files_and_dotted_spellings(tmp_path: Path) -> None:
    dotted = {key: name.replace("-idx", ".idx") for key, name in NAMES.items()}
    make_folder(tmp_path, gz=False, names=dotted)
    assert (tmp_path / "train-images.idx3-ubyte").is_file()
    ds = load_idx_folder(tmp_path)
    assert ds.n_test == 20 and ds.n_classes == 3


def test_raw_twin_preferred_over_gz(tmp_path: Path) -> None:
    make_folder(tmp_path, gz=True)
    make_folder(tmp_path, gz=False, n_test=7)
    assert load_idx_folder(tmp_path).n_test == 7


def test_two_candidate_files_is_an_error(tmp_path: Path) -> None:
    make_folder(tmp_path)
    write_idx(tmp_path / "emnist-train-images-idx3-ubyte", np.zeros((1, 10, 12), np.uint8))
    with pytest.raises(DataError, match=r"several files .* look like the training images"):
        load_idx_folder(tmp_path)


def test_n_classes_counts_test_labels_too(tmp_path: Path) -> None:
    make_folder(tmp_path, test_y=np.array([0, 4] * 10, dtype=np.uint8))
    ds = load_idx_folder(tmp_path)
    assert ds.n_classes == 5
    np.testing.assert_array_equal(ds.class_counts("test"), [10, 0, 0, 0, 10])


def test_class_names_file(tmp_path: Path) -> None:
    make_folder(tmp_path)
    (tmp_path / "classes.txt").write_text("circle\nsquare\ntriangle\n", encoding="utf-8")
    assert load_idx_folder(tmp_path).class_names == ["circle", "square", "triangle"]
    (tmp_path / "classes.txt").write_text("circle\nsquare\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"classes\.txt: lists 2 class names .* 3 classes"):
        load_idx_folder(tmp_path)


def test_float_images_kept_as_they_are(tmp_path: Path) -> None:
    pixels = np.linspace(0, 1, 50 * 10 * 12, dtype=np.float32).reshape(50, 10, 12)
    make_folder(tmp_path, train_x=pixels, test_x=pixels[:20])
    ds = load_idx_folder(tmp_path, validation=0)
    np.testing.assert_array_equal(ds.train_x[:, 0], pixels)
    ds.train_x[0, 0, 0, 0] = 0.5  # a user's dataset is an ordinary, writable array


def test_subset(tmp_path: Path) -> None:
    make_folder(tmp_path, n_train=100, n_test=40)
    ds = load_idx_folder(tmp_path, validation=20)
    small = ds.subset(10)
    assert (small.n_train, small.n_val, small.n_test) == (10, 20, 40)
    np.testing.assert_array_equal(small.train_y, ds.train_y[:10])
    tiny = ds.subset(5, eval_limit=3)
    assert (tiny.n_train, tiny.n_val, tiny.n_test) == (5, 3, 3)
    assert ds.n_train == 80  # the original is untouched
    with pytest.raises(ValueError, match="unknown split 'dev'"):
        ds.split("dev")


def test_repr_is_short(tmp_path: Path) -> None:
    make_folder(tmp_path / "digits")
    text = repr(load_idx_folder(tmp_path / "digits"))
    assert (
        text == "Dataset('digits', train=45, val=5, test=20, image_shape=(1, 10, 12), n_classes=3)"
    )


# --- faults -----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    make_folder(tmp_path)
    (tmp_path / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DataError) as info:
        load_idx_folder(tmp_path)
    message = str(info.value)
    assert message.startswith("t10k-labels-idx1-ubyte(.gz): test labels file not found")
    assert str(tmp_path) in message


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"^nowhere: dataset folder not found"):
        load_idx_folder(tmp_path / "nowhere")


def test_count_mismatch(tmp_path: Path) -> None:
    make_folder(tmp_path, train_y=np.zeros(49, np.uint8))
    with pytest.raises(DataError) as info:
        load_idx_folder(tmp_path)
    assert str(info.value) == (
        "train-labels-idx1-ubyte.gz: has 49 labels but train-images-idx3-ubyte.gz has 50 "
        "images; each image needs exactly one label"
    )


def test_negative_label(tmp_path: Path) -> None:
    labels = np.zeros(20, np.int8)
    labels[7] = -1
    make_folder(tmp_path, test_y=labels)
    with pytest.raises(
        DataError, match=r"^t10k-labels-idx1-ubyte\.gz: label out of range: label -1 at index 7"
    ):
        load_idx_folder(tmp_path)


def test_absurd_label(tmp_path: Path) -> None:
    labels = np.zeros(50, np.int32)
    labels[3] = 70000
    make_folder(tmp_path, train_y=labels)
    with pytest.raises(DataError, match=r"^train-labels-idx1-ubyte\.gz: label out of range: 70000"):
        load_idx_folder(tmp_path)


def test_float_labels(tmp_path: Path) -> None:
    make_folder(tmp_path, train_y=np.zeros(50, np.float32))
    with pytest.raises(DataError, match=r"^train-labels-idx1-ubyte\.gz: labels must be integers"):
        load_idx_folder(tmp_path)


def test_images_must_be_3d(tmp_path: Path) -> None:
    make_folder(tmp_path, train_x=np.zeros((50, 120), np.uint8))
    with pytest.raises(
        DataError, match=r"^train-images-idx3-ubyte\.gz: images must be 3-D .* got 2-D"
    ):
        load_idx_folder(tmp_path)


def test_labels_must_be_1d(tmp_path: Path) -> None:
    make_folder(tmp_path, test_y=np.zeros((20, 1), np.uint8))
    with pytest.raises(DataError, match=r"^t10k-labels-idx1-ubyte\.gz: labels must be 1-D"):
        load_idx_folder(tmp_path)


def test_train_and_test_sizes_differ(tmp_path: Path) -> None:
    make_folder(tmp_path, test_x=np.zeros((20, 12, 10), np.uint8))
    with pytest.raises(
        DataError, match=r"^t10k-images-idx3-ubyte\.gz: test images are 12x10 .* are 10x12"
    ):
        load_idx_folder(tmp_path)


def test_float_pixels_out_of_range(tmp_path: Path) -> None:
    make_folder(tmp_path, train_x=np.full((50, 10, 12), 255.0, np.float32))
    with pytest.raises(DataError, match=r"^train-images-idx3-ubyte\.gz: float pixel values"):
        load_idx_folder(tmp_path)


def test_corrupt_file_in_folder_names_it(tmp_path: Path) -> None:
    make_folder(tmp_path)
    (tmp_path / "t10k-images-idx3-ubyte.gz").write_bytes(b"not gzip at all")
    with pytest.raises(DataError, match=r"^t10k-images-idx3-ubyte\.gz: not a gzip file"):
        load_idx_folder(tmp_path)
