"""The network canvas: build a network from layers and see shapes and parameter counts.

`NetworkPanel` (palette | canvas | inspector) is the widget the window embeds. The model
(`playground.ui.canvas.model`) is plain Python and importable without Qt widgets, so this
package imports the panel lazily.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NetworkPanel"]


def __getattr__(name: str) -> Any:
    if name == "NetworkPanel":
        from playground.ui.canvas.panel import NetworkPanel

        return NetworkPanel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
