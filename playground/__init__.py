"""Playground: build a neural network, train it on MNIST and watch it learn."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

#: The shipped resources (datasets, the default model, presets, translations, icons).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
