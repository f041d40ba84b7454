"""The two error types every layer of the app raises for bad input (never a crash)."""

from __future__ import annotations


class SpecError(ValueError):
    """A network spec that cannot work; the message names the layer and the fix.

    `layer_index` is the 0-based index of the faulty layer, or None when the fault is the
    spec as a whole, so the canvas can mark the right block.
    """

    def __init__(self, message: str, layer_index: int | None = None) -> None:
        super().__init__(message)
        self.layer_index = layer_index


class DataError(ValueError):
    """A dataset or model file that cannot be read; the message names the file and the fault."""
