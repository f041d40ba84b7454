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

from playground.errors import DataError, Phrase
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
    0x08: Phrase("unsigned byte"),
    0x09: Phrase("signed byte"),
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
        raise DataError(
            "{file}: file not found in {folder}", file=path.name, folder=path.parent
        ) from None
    except IsADirectoryError:
        raise DataError("{file}: is a folder, not an IDX file", file=path.name) from None
    except OSError as exc:
        raise DataError(
            "{file}: cannot be read ({reason})", file=path.name, reason=exc.strerror or exc
        ) from None
    is_gz_name = path.name.lower().endswith(".gz")
    if content.startswith(_GZIP_MAGIC):
        try:
            return gzip.decompress(content)
        except EOFError:
            raise DataError(
                "{file}: the compressed file is truncated (it ends before the gzip stream "
                "does); download or copy it again",
                file=path.name,
            ) from None
        except (OSError, zlib.error) as exc:
            raise DataError(
                "{file}: the gzip data is corrupt ({exc}); download or copy it again",
                file=path.name,
                exc=exc,
            ) from None
    if is_gz_name:
        raise DataError(
            "{file}: not a gzip file, although its name ends in .gz; decompress it "
            "properly or remove the .gz from its name if it is a raw IDX file",
            file=path.name,
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
            "{file}: file is truncated: an IDX file starts with a 4-byte header, found "
            "{size} bytes",
            file=name,
            size=len(data),
        )
    if data[0] != 0 or data[1] != 0:
        raise DataError(
            "{file}: not an IDX file: it must start with two zero bytes, found "
            "0x{first:02X} 0x{second:02X}",
            file=name,
            first=data[0],
            second=data[1],
        )
    type_byte, ndim = data[2], data[3]
    if type_byte not in IDX_TYPES:
        known = ", ".join(f"0x{k:02X} ({v})" for k, v in _TYPE_NAMES.items())
        raise DataError(
            "{file}: unknown IDX data type byte 0x{type_byte:02X}; known: {known}",
            file=name,
            type_byte=type_byte,
            known=known,
        )
    if ndim == 0:
        raise DataError(
            "{file}: the header declares 0 dimensions; an IDX array needs at least 1", file=name
        )
    header_size = 4 + 4 * ndim
    if len(data) < header_size:
        raise DataError(
            "{file}: file is truncated: the header declares {ndim} dimensions "
            "({header_size} header bytes), found only {size} bytes",
            file=name,
            ndim=ndim,
            header_size=header_size,
            size=len(data),
        )
    dims = struct.unpack(f">{ndim}I", data[4:header_size])
    dtype = IDX_TYPES[type_byte]
    expected = math.prod(dims) * dtype.itemsize
    found = len(data) - header_size
    what = Phrase("{shape} {kind}", shape=_describe_shape(dims), kind=_TYPE_NAMES[type_byte])
    if found < expected:
        raise DataError(
            "{file}: file is truncated: expected {expected} bytes of data ({what}), found {found}",
            file=name,
            expected=expected,
            what=what,
            found=found,
        )
    if found > expected:
        raise DataError(
            "{file}: {extra} unexpected bytes after the data ({what} takes "
            "{expected} bytes); the header or the file is wrong",
            file=name,
            extra=found - expected,
            what=what,
            expected=expected,
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
        "cannot store dtype {dtype} in an IDX file; convert the array to one of {names}",
        dtype=dtype,
        names=names,
    )


def write_idx(path: str | os.PathLike[str], array: np.ndarray) -> None:
    """Write `array` as an IDX file (gzip when the name ends in .gz), atomically via os.replace."""
    path = Path(path)
    array = np.asarray(array)
    try:
        type_byte = _type_byte_for(array.dtype)
    except DataError as exc:
        raise DataError("{file}: {exc}", file=path.name, exc=exc) from None
    if not 1 <= array.ndim <= 255:
        raise DataError(
            "{file}: an IDX file holds 1 to 255 dimensions, got {ndim}",
            file=path.name,
            ndim=array.ndim,
        )
    if any(d >= 2**32 for d in array.shape):
        raise DataError(
            "{file}: dimension too large for IDX (max 2^32 - 1): {shape}",
            file=path.name,
            shape=array.shape,
        )
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
        raise DataError(
            "{file}: cannot write the file ({reason})", file=path.name, reason=exc.strerror or exc
        ) from None
