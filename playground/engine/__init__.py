"""The training engine: NumPy + Numba, no Qt. Usable from a notebook.

    from playground.engine import Network, load_preset
    net = Network.from_spec(load_preset("nielsen-conv"), seed=0)

`Network` and `warmup` load lazily, so code that only needs the spec (the canvas) does not pay
for importing Numba.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from playground.engine.spec import LayerInfo, infer, load_preset, normalize, preset_names
from playground.errors import DataError, SpecError

if TYPE_CHECKING:
    from playground.engine.network import Network
    from playground.engine.warm import warmup

__all__ = [
    "DataError",
    "LayerInfo",
    "Network",
    "SpecError",
    "infer",
    "load_preset",
    "normalize",
    "preset_names",
    "warmup",
]


def __getattr__(name: str) -> Any:
    if name == "Network":
        from playground.engine.network import Network

        return Network
    if name == "warmup":
        from playground.engine.warm import warmup

        return warmup
    raise AttributeError(f"module 'playground.engine' has no attribute {name!r}")
