"""The engine's words in the interface language: cost names and error messages, for the whole UI.

Error messages: the engine raises SpecError / DataError with an English `str.format` template
and its parameters (it knows no Qt). `python -m playground.ui.i18n --update` lists every
template under the "EngineMessages" context; `error_text` looks the template up and fills in
the parameters.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.errors import ExplainedError

#: The translation context of the engine's error templates.
ENGINE_MESSAGES = "EngineMessages"


def _tr(text: str) -> str:
    return QCoreApplication.translate("EngineNames", text)


def cost_label(key: str) -> str:
    """The name a combo box shows for a cost key ("log-likelihood" -> "... (softmax)")."""
    return {
        "quadratic": _tr("quadratic"),
        "cross-entropy": _tr("cross-entropy"),
        "log-likelihood": _tr("log-likelihood (softmax)"),
    }[key]


def error_text(error: BaseException) -> str:
    """The error's message in the interface language; the English text when untranslated."""
    if not isinstance(error, ExplainedError):
        return str(error)
    translated = QCoreApplication.translate(ENGINE_MESSAGES, error.template)
    if translated == error.template:
        return str(error)
    # A parameter that is itself an engine error (a model file's invalid spec) is translated too.
    values = {
        key: error_text(value) if isinstance(value, ExplainedError) else value
        for key, value in error.params.items()
    }
    try:
        return translated.format(**values) if values else translated
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(error)
