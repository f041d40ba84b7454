"""Display names of the engine's cost keys in the interface language: one list for the whole UI."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("EngineNames", text)


def cost_label(key: str) -> str:
    """The name a combo box shows for a cost key ("log-likelihood" -> "... (softmax)")."""
    return {
        "quadratic": _tr("quadratic"),
        "cross-entropy": _tr("cross-entropy"),
        "log-likelihood": _tr("log-likelihood (softmax)"),
    }[key]
