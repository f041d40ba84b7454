"""Layer kinds and settings in the interface language, one place for the whole canvas.

The palette, the inspector's title and the undo texts name a layer kind the same way ("Dense",
"Max pool", or an activation's own name); in Chinese the inspector read "conv1 (conv)" and
Edit ▸ Undo "Add max-pool", raw type names, beside the palette's 卷积 and 最大池化. The texts keep
the translation contexts they had (LayerPalette, LayerInspector), so their translations hold.
Layer names (conv1, dense2) and the engine's notation on the blocks stay as they are.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def _palette_tr(text: str) -> str:
    return QCoreApplication.translate("LayerPalette", text)


def _inspector_tr(text: str) -> str:
    return QCoreApplication.translate("LayerInspector", text)


def layer_label(layer: dict[str, Any]) -> str:
    """What the palette calls a layer's kind: "Dense", "Conv", "Max pool", ... and an
    activation layer its function ("relu"), which needs no translation."""
    kind = layer.get("type")
    if kind == "dense":
        return _palette_tr("Dense")
    if kind == "conv":
        return _palette_tr("Conv")
    if kind == "pool":
        mode = layer.get("mode", "max")
        if mode == "l2":
            return _palette_tr("L2 pool")
        if mode == "avg":
            return _palette_tr("Average pool")
        return _palette_tr("Max pool")
    if kind == "activation":
        return str(layer.get("activation", kind))
    return str(kind)


def setting_label(key: str) -> str:
    """The inspector's name for a layer setting ("units" -> "Neurons"); the key itself when it
    has none."""
    labels = {
        "filters": _inspector_tr("Filters"),
        "kernel": _inspector_tr("Kernel"),
        "stride": _inspector_tr("Stride"),
        "padding": _inspector_tr("Padding"),
        "groups": _inspector_tr("Groups"),
        "size": _inspector_tr("Window"),
        "units": _inspector_tr("Neurons"),
        "mode": _inspector_tr("Pooling"),
        "activation": _inspector_tr("Activation"),
    }
    return labels.get(key, key)
