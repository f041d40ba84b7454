"""The shared save question: the suffix made sure of, an existing file replaced only if asked."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from playground.ui import dialogs


def test_a_name_without_its_suffix_gets_it_and_never_replaces_a_file_unasked(
    qtbot, tmp_path, monkeypatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    typed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (typed[-1], ""))
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(
        dialogs, "confirm_replace", lambda _p, path: asked.append(path) or answer[0]
    )

    def ask() -> str:
        return dialogs.ask_save_path(parent, "Save", "", "JSON (*.json)", ".json")

    typed.append(str(tmp_path / "mynet"))
    assert ask() == str(tmp_path / "mynet.json") and asked == []  # nothing there: no question
    (tmp_path / "mynet.json").write_text("{}", encoding="utf-8")
    assert ask() == ""  # the dialog never saw "mynet.json": asked, and the answer was No
    assert asked == [str(tmp_path / "mynet.json")]
    answer[0] = True
    assert ask() == str(tmp_path / "mynet.json")
    typed.append(str(tmp_path / "mynet.json"))  # typed in full: the dialog asked itself
    assert ask() == str(tmp_path / "mynet.json") and len(asked) == 2
    typed.append("")
    assert ask() == ""  # cancelled
