"""Read and write IDX files (the MNIST format), gzip-compressed or raw.

Layout (big-endian): two zero bytes, one type byte, one byte giving the number of dimensions,
one uint32 per dimension, then the data in C order. Every fault is a DataError that names the
file and says what is wrong, so the GUI can show it as it is.
"""

from __future__ import annotations

import gzip
import math
import os
import struct
import zlib
from pathlib import Path

import numpy as np

from playground.errors import DataError
from playground.fileio import atomic_write

#: IDX type byte -> big-endian NumPy dtype.
IDX_TYPES: dict[int, np.dtype] = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_TYPE_NAMES = {
    0x08: "unsigned byte",
    0x09: "signed byte",
    0x0B: "int16",
    0x0C: "int32",
    0x0D: "float32",
    0x0E: "float64",
}
_GZIP_MAGIC = b"\x1f\x8b"


def _describe_shape(dims: tuple[int, ...]) -> str:
    return "x".join(str(d) for d in dims)


def _read_bytes(path: Path) -> bytes:
    """The file's content, decompressed when it is gzip (by name or by its first two bytes)."""
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path.name}: file not found in {path.parent}") from None
    except IsADirectoryError:
        raise DataError(f"{path.name}: is a folder, not an IDX file") from None
    except OSError as exc:
        raise DataError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    is_gz_name = path.name.lower().endswith(".gz")
    if content.startswith(_GZIP_MAGIC):
        try:
            return gzip.decompress(content)
        except EOFError:
            raise DataError(
                f"{path.name}: the compressed file is truncated (it ends before the gzip stream "
                "does); download or copy it again"
            ) from None
        except (OSError, zlib.error) as exc:
            raise DataError(
                f"{path.name}: the gzip data is corrupt ({exc}); download or copy it again"
            ) from None
    if is_gz_name:
        raise DataError(
            f"{path.name}: not a gzip file, although its name ends in .gz; decompress it "
            "properly or remove the .gz from its name if it is a raw IDX file"
        )
    return content


def read_idx(path: str | os.PathLike[str]) -> np.ndarray:
    """Read an IDX file (`.gz` or raw) into a native-endian, writable NumPy array."""
    return _read_idx(Path(path), writable=True)


def _read_idx(path: Path, *, writable: bool) -> np.ndarray:
    """read_idx; with writable=False a byte file comes back as a read-only view (no copy)."""
    data = _read_bytes(path)
    name = path.name
    if len(data) < 4:
        raise DataError(
            f"{name}: file is truncated: an IDX file starts with a 4-byte header, found "
            f"{len(data)} bytes"
        )
    if data[0] != 0 or data[1] != 0:
        raise DataError(
            f"{name}: not an IDX file: it must start with two zero bytes, found "
            f"0x{data[0]:02X} 0x{data[1]:02X}"
        )
    type_byte, ndim = data[2], data[3]
    if type_byte not in IDX_TYPES:
        known = ", ".join(f"0x{k:02X} ({v})" for k, v in _TYPE_NAMES.items())
        raise DataError(f"{name}: unknown IDX data type byte 0x{type_byte:02X}; known: {known}")
    if ndim == 0:
        raise DataError(f"{name}: the header declares 0 dimensions; an IDX array needs at least 1")
    header_size = 4 + 4 * ndim
    if len(data) < header_size:
        raise DataError(
            f"{name}: file is truncated: the header declares {ndim} dimensions "
            f"({header_size} header bytes), found only {len(data)} bytes"
        )
    dims = struct.unpack(f">{ndim}I", data[4:header_size])
    dtype = IDX_TYPES[type_byte]
    expected = math.prod(dims) * dtype.itemsize
    found = len(data) - header_size
    what = f"{_describe_shape(dims)} {_TYPE_NAMES[type_byte]}"
    if found < expected:
        raise DataError(
            f"{name}: file is truncated: expected {expected} bytes of data ({what}), found {found}"
        )
    if found > expected:
        raise DataError(
            f"{name}: {found - expected} unexpected bytes after the data ({what} takes "
            f"{expected} bytes); the header or the file is wrong"
        )
    array = np.frombuffer(data, dtype=dtype, count=expected // dtype.itemsize, offset=header_size)
    array = array.reshape(dims)
    if writable or not dtype.isnative:
        array = array.astype(dtype.newbyteorder("="), copy=True)
    return array


def _type_byte_for(dtype: np.dtype) -> int:
    for code, idx_dtype in IDX_TYPES.items():
        if dtype.kind == idx_dtype.kind and dtype.itemsize == idx_dtype.itemsize:
            return code
    names = ", ".join(str(t.newbyteorder("=")) for t in IDX_TYPES.values())
    raise DataError(
        f"cannot store dtype {dtype} in an IDX file; convert the array to one of {names}"
    )


def write_idx(path: str | os.PathLike[str], array: np.ndarray) -> None:
    """Write `array` as an IDX file (gzip when the name ends in .gz), atomically via os.replace."""
    path = Path(path)
    array = np.asarray(array)
    try:
        type_byte = _type_byte_for(array.dtype)
    except DataError as exc:
        raise DataError(f"{path.name}: {exc}") from None
    if not 1 <= array.ndim <= 255:
        raise DataError(f"{path.name}: an IDX file holds 1 to 255 dimensions, got {array.ndim}")
    if any(d >= 2**32 for d in array.shape):
        raise DataError(f"{path.name}: dimension too large for IDX (max 2^32 - 1): {array.shape}")
    header = bytes([0, 0, type_byte, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    payload = np.ascontiguousarray(array, dtype=IDX_TYPES[type_byte]).tobytes()

    try:
        with atomic_write(path) as raw:
            if path.name.lower().endswith(".gz"):
                with gzip.GzipFile(
                    filename=path.name[:-3], mode="wb", fileobj=raw, compresslevel=6, mtime=0
                ) as gz:
                    gz.write(header)
                    gz.write(payload)
            else:
                raw.write(header)
                raw.write(payload)
    except OSError as exc:
        raise DataError(f"{path.name}: cannot write the file ({exc.strerror or exc})") from None
