"""The engine's words in the interface language: cost names, accuracies and error messages,
for the whole UI.

Error messages: the engine raises SpecError / DataError with an English `str.format` template
and its parameters (it knows no Qt); an English fragment among the parameters ("layer 3",
"training images") is a `Phrase`, built the same way. `python -m playground.ui.i18n --update`
lists every template under the "EngineMessages" context; `error_text` looks the templates up and
fills in the parameters.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from playground.errors import ExplainedError, Phrase

#: The translation context of the engine's error templates.
ENGINE_MESSAGES = "EngineMessages"
#: The translation context of the shipped presets' descriptions (their JSON is English).
PRESET_DESCRIPTIONS = "PresetDescriptions"


def _tr(text: str) -> str:
    return QCoreApplication.translate("EngineNames", text)


def percent(fraction: float | None) -> str:
    """An accuracy (a fraction) as the interface shows it, "97.85%", or a dash when none."""
    return "–" if fraction is None else f"{100 * fraction:.2f}%"


def preset_description(spec: dict[str, Any]) -> str:
    """A preset's description in the interface language (its name when it has none)."""
    text = str(spec.get("description") or spec.get("name") or "")
    return QCoreApplication.translate(PRESET_DESCRIPTIONS, text) if text else text


def cost_label(key: str) -> str:
    """The name a combo box shows for a cost key ("log-likelihood" -> "... (softmax)")."""
    return {
        "quadratic": _tr("quadratic"),
        "cross-entropy": _tr("cross-entropy"),
        "log-likelihood": _tr("log-likelihood (softmax)"),
    }[key]


def error_text(error: BaseException) -> str:
    """The error's message in the interface language; the English text when untranslated.
    A system error reads "No such file or directory: /path" (its text from the OS, no errno)."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    if not isinstance(error, ExplainedError):
        return str(error)
    return _translated(error.template, error.params, str(error))


def phrase_text(text: str) -> str:
    """A Phrase from the engine (a whole message, as when training diverges) in the interface
    language; any other text as it is."""
    if not isinstance(text, Phrase):
        return text
    return _translated(text.template, text.params, str(text))


def _translated(template: str, params: dict[str, Any], english: str) -> str:
    """`template` in the interface language filled with `params`, whose engine errors and
    phrases are translated too; `english` when there is no translation."""
    translated = QCoreApplication.translate(ENGINE_MESSAGES, template)
    if translated == template:
        return english
    values = {}
    for key, value in params.items():
        if isinstance(value, ExplainedError):  # a model file's invalid spec, for one
            value = error_text(value)
        elif isinstance(value, Phrase):
            value = _translated(value.template, value.params, str(value))
        values[key] = value
    try:
        return translated.format(**values) if values else translated
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return english
