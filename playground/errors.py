"""The two error types every layer of the app raises for bad input (never a crash), and the
translatable fragments their messages carry."""

from __future__ import annotations

from typing import Any


class Phrase(str):
    """An English fragment put into an engine message ("layer 3", "training images").

    It is the English text itself (a str), and like an error it keeps its `template` and
    `params`, so the interface translates it inside the translated sentence around it.
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Phrase:
        phrase = super().__new__(cls, template.format(**params) if params else template)
        phrase.template = template
        phrase.params = params
        return phrase


class ExplainedError(ValueError):
    """Bad input explained in English; `template` and `params` let the interface translate it.

    With keyword `params`, `message` is a `str.format` template and `str(error)` fills it in;
    the interface looks `template` up in the user's language and fills in the same `params`
    (the engine and data layers know no Qt).
    """

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message.format(**params) if params else message)
        self.template = message
        self.params = params


class SpecError(ExplainedError):
    """A network spec that cannot work; the message names the layer and the fix.

    `layer_index` is the 0-based index of the faulty layer, or None when the fault is the
    spec as a whole, so the canvas can mark the right block.
    """

    def __init__(self, message: str, layer_index: int | None = None, **params: Any) -> None:
        super().__init__(message, **params)
        self.layer_index = layer_index


class DataError(ExplainedError):
    """A dataset or model file that cannot be read; the message names the file and the fault."""
