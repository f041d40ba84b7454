"""Atomic writes: a legal long name still saves (the temporary file's name stays short)."""

from __future__ import annotations

from pathlib import Path

from playground.fileio import write_text_atomic


def test_a_long_legal_name_is_saved(tmp_path: Path) -> None:
    """The temporary file was named after the whole file plus ".XXXXXXXX.tmp": a legal name
    of 241 bytes or more (80 Chinese characters) failed with "File name too long"."""
    name = "网" * 80 + ".json"  # 245 bytes in UTF-8, under the 255-byte limit
    target = tmp_path / name
    write_text_atomic(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left
