"""The two error types every layer of the app raises for bad input (never a crash)."""

from __future__ import annotations


class SpecError(ValueError):
    """A network spec that cannot work; the message names the layer and the fix."""


class DataError(ValueError):
    """A dataset or model file that cannot be read; the message names the file and the fault."""
