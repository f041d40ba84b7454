"""The save-file question every panel asks, with its file type's suffix made sure of."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("SaveDialog", text)


def ask_save_path(parent: QWidget, title: str, start: str, filter_: str, suffix: str) -> str:
    """A path to save to, ending in `suffix` (".json"), or "" when the user cancels. A name
    typed without the suffix gets it ("mynet" was saved as "mynet", which the file filter then
    hid), and the dialog never saw that name: an existing file is only replaced when asked."""
    path, _ = QFileDialog.getSaveFileName(parent, title, start, filter_)
    if not path or path.lower().endswith(suffix):
        return path
    path += suffix
    if Path(path).exists() and not confirm_replace(parent, path):
        return ""
    return path


def confirm_replace(parent: QWidget, path: str) -> bool:
    """Ask whether to replace `path` (tests replace this)."""
    answer = QMessageBox.question(
        parent,
        _tr("Replace the file?"),
        _tr("{0} already exists. Replace it?").format(Path(path).name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
