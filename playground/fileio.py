"""Atomic file writes: a temporary file in the same folder, fsync, then rename over the target.

A crash or a full disk mid-write leaves the old file intact and no temporary file behind.
Used by model files, IDX datasets, architectures (JSON), exported PNGs and CSV histories.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def _temp_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in `path`'s folder, (fd, name); an OSError names the folder (no
    such folder, not writable), not the temporary file."""
    try:
        # A short prefix: the whole name plus ".XXXXXXXX.tmp" passed the 255-byte limit for
        # legal names of 241 bytes and more (80 Chinese characters), and the save failed.
        return tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path.parent)) from exc


def check_writable(path: str | os.PathLike[str]) -> None:
    """Raise the OSError `atomic_write(path)` would meet making its temporary file, now (say,
    before a long run whose result it will save); write nothing."""
    fd, tmp_name = _temp_beside(Path(path))
    os.close(fd)
    os.unlink(tmp_name)


@contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "wb") -> Iterator[IO]:
    """Yield a file opened for writing; on success it replaces `path`, on error it vanishes."""
    path = Path(path)
    fd, tmp_name = _temp_beside(path)
    try:
        text = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}  # bytes as given
        with os.fdopen(fd, mode, **text) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, 0o644)  # mkstemp makes 0600; users expect ordinary permissions
        os.replace(tmp_name, path)
    except BaseException as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename == tmp_name:  # name the user's file
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace `path` with `text` (UTF-8) atomically."""
    with atomic_write(path, "w") as fh:
        fh.write(text)
