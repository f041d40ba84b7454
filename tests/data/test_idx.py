"""read_idx / write_idx: exact byte layout, round trips, and a clear DataError for each fault."""

from __future__ import annotations

import gzip
import os
import struct
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from playground.data import DataError, read_idx, write_idx
from playground.data import idx as idx_module


def idx_bytes(type_byte: int, dims: tuple[int, ...], payload: bytes) -> bytes:
    """An IDX file built by hand, independently of write_idx."""
    return bytes([0, 0, type_byte, len(dims)]) + struct.pack(f">{len(dims)}I", *dims) + payload


def test_reads_handmade_raw_file(tmp_path: Path) -> None:
    path = tmp_path / "pixels-idx3-ubyte"
    path.write_bytes(idx_bytes(0x08, (2, 2, 3), bytes(range(12))))
    array = read_idx(path)
    assert array.dtype == np.uint8
    np.testing.assert_array_equal(array, np.arange(12, dtype=np.uint8).reshape(2, 2, 3))


def test_reads_handmade_gzip_file(tmp_path: Path) -> None:
    path = tmp_path / "labels-idx1-ubyte.gz"
    path.write_bytes(gzip.compress(idx_bytes(0x08, (5,), bytes([3, 1, 4, 1, 5]))))
    np.testing.assert_array_equal(read_idx(path), [3, 1, 4, 1, 5])


def test_reads_big_endian_multibyte_types(tmp_path: Path) -> None:
    path = tmp_path / "values.idx"
    path.write_bytes(idx_bytes(0x0B, (3,), struct.pack(">3h", -2, 300, 7)))
    array = read_idx(path)
    assert array.dtype == np.int16 and array.dtype.isnative
    np.testing.assert_array_equal(array, [-2, 300, 7])
    path.write_bytes(idx_bytes(0x0D, (2,), struct.pack(">2f", 0.5, -1.25)))
    np.testing.assert_array_equal(read_idx(path), np.array([0.5, -1.25], dtype=np.float32))


def test_result_is_writable_native_array(tmp_path: Path) -> None:
    path = tmp_path / "a.idx"
    path.write_bytes(idx_bytes(0x0C, (2,), struct.pack(">2i", 1, 2)))
    array = read_idx(path)
    array[0] = 5  # must not raise: callers own the array
    assert array.dtype.isnative and array.flags.c_contiguous


def test_write_idx_writes_the_standard_layout(tmp_path: Path) -> None:
    path = tmp_path / "out-idx2-int16"
    write_idx(path, np.array([[1, -2], [3, 258]], dtype=np.int16))
    assert path.read_bytes() == idx_bytes(0x0B, (2, 2), struct.pack(">4h", 1, -2, 3, 258))


def test_write_idx_gz_is_real_gzip(tmp_path: Path) -> None:
    path = tmp_path / "out-idx1-ubyte.gz"
    write_idx(path, np.array([9, 8, 7], dtype=np.uint8))
    assert gzip.decompress(path.read_bytes()) == idx_bytes(0x08, (3,), bytes([9, 8, 7]))


IDX_DTYPES = st.sampled_from(["u1", "i1", "i2", "i4", "f4", "f8"]).map(np.dtype)


@settings(max_examples=40, deadline=None)
@given(
    array=IDX_DTYPES.flatmap(
        lambda dt: hnp.arrays(dt, hnp.array_shapes(min_dims=1, max_dims=4, min_side=0, max_side=5))
    ),
    compressed=st.booleans(),
)
def test_round_trip(array: np.ndarray, compressed: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("data.idx.gz" if compressed else "data.idx")
        write_idx(path, array)
        back = read_idx(path)
        assert os.listdir(folder) == [path.name]  # no temp file left behind
    assert back.dtype == array.dtype and back.shape == array.shape
    np.testing.assert_array_equal(back, array)


def test_write_idx_overwrites_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "x.idx"
    write_idx(path, np.zeros(4, np.uint8))
    write_idx(path, np.ones(2, np.int32))
    np.testing.assert_array_equal(read_idx(path), [1, 1])
    assert [p.name for p in tmp_path.iterdir()] == ["x.idx"]


def test_write_idx_failure_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "keep.idx"
    write_idx(path, np.arange(3, dtype=np.uint8))

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(idx_module.os, "fsync", broken_fsync)
    with pytest.raises(DataError, match=r"keep\.idx: cannot write.*No space left"):
        write_idx(path, np.arange(10, dtype=np.uint8))
    monkeypatch.undo()
    np.testing.assert_array_equal(read_idx(path), [0, 1, 2])
    assert [p.name for p in tmp_path.iterdir()] == ["keep.idx"]


def test_write_idx_refuses_unsupported_dtype(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"big\.idx: cannot store dtype int64.*int32"):
        write_idx(tmp_path / "big.idx", np.arange(3, dtype=np.int64))
    with pytest.raises(DataError, match=r"scalar\.idx: .*1 to 255 dimensions, got 0"):
        write_idx(tmp_path / "scalar.idx", np.uint8(3))
    assert list(tmp_path.iterdir()) == []


# --- faults: each message names the file and says what is wrong --------------------------------

IMAGES = idx_bytes(0x08, (3, 4, 5), bytes(60))


@pytest.mark.parametrize("compressed", [False, True])
def test_truncated_data(tmp_path: Path, compressed: bool) -> None:
    content = IMAGES[:-10]
    path = tmp_path / ("img-idx3-ubyte.gz" if compressed else "img-idx3-ubyte")
    path.write_bytes(gzip.compress(content) if compressed else content)
    with pytest.raises(DataError) as info:
        read_idx(path)
    message = str(info.value)
    assert message.startswith(f"{path.name}: file is truncated")
    assert "expected 60 bytes" in message and "found 50" in message and "3x4x5" in message


def test_truncated_header(tmp_path: Path) -> None:
    path = tmp_path / "short-idx3-ubyte"
    path.write_bytes(IMAGES[:9])  # 3 dimensions need 16 header bytes
    with pytest.raises(DataError, match=r"^short-idx3-ubyte: file is truncated.*3 dimensions"):
        read_idx(path)
    path.write_bytes(b"\x00\x00")
    with pytest.raises(DataError, match=r"^short-idx3-ubyte: file is truncated.*4-byte header"):
        read_idx(path)


def test_trailing_bytes(tmp_path: Path) -> None:
    path = tmp_path / "long-idx3-ubyte"
    path.write_bytes(IMAGES + b"\x01\x02")
    with pytest.raises(DataError, match=r"^long-idx3-ubyte: 2 unexpected bytes after the data"):
        read_idx(path)


def test_wrong_magic(tmp_path: Path) -> None:
    path = tmp_path / "photo.idx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    with pytest.raises(DataError, match=r"^photo\.idx: not an IDX file.*two zero bytes.*0x89 0x50"):
        read_idx(path)


def test_bad_type_byte(tmp_path: Path) -> None:
    path = tmp_path / "odd.idx"
    path.write_bytes(idx_bytes(0x0A, (2,), bytes(2)))
    with pytest.raises(DataError, match=r"^odd\.idx: unknown IDX data type byte 0x0A"):
        read_idx(path)


def test_zero_dimensions(tmp_path: Path) -> None:
    path = tmp_path / "none.idx"
    path.write_bytes(bytes([0, 0, 8, 0]))
    with pytest.raises(DataError, match=r"^none\.idx: .*0 dimensions"):
        read_idx(path)


def test_not_gzip_with_gz_name(tmp_path: Path) -> None:
    path = tmp_path / "train-images-idx3-ubyte.gz"
    path.write_bytes(b"<html>404 not found</html>")
    with pytest.raises(DataError, match=r"^train-images-idx3-ubyte\.gz: not a gzip file"):
        read_idx(path)


def test_corrupt_gzip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    packed = bytearray(gzip.compress(idx_bytes(0x08, (4000,), rng.bytes(4000))))
    packed[len(packed) // 2] ^= 0xFF
    packed[len(packed) // 2 + 1] ^= 0xFF
    path = tmp_path / "labels.gz"
    path.write_bytes(bytes(packed))
    with pytest.raises(DataError, match=r"^labels\.gz: the gzip data is corrupt"):
        read_idx(path)


def test_truncated_gzip_stream(tmp_path: Path) -> None:
    packed = gzip.compress(IMAGES)
    path = tmp_path / "cut.gz"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(DataError, match=r"^cut\.gz: the compressed file is truncated"):
        read_idx(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"^nothing-here\.gz: file not found"):
        read_idx(tmp_path / "nothing-here.gz")


def test_raw_file_with_gzip_content_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "misnamed-idx1-ubyte"  # gzip inside, but no .gz in the name
    path.write_bytes(gzip.compress(idx_bytes(0x08, (2,), bytes([1, 2]))))
    np.testing.assert_array_equal(read_idx(path), [1, 2])
