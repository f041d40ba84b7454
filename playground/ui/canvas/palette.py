"""The layer palette (objectName "layerPalette"): layers to drag onto the canvas.

Dense, conv, the three poolings and every activation, each with sensible defaults (Nielsen's
chapter 6 choices). Drag an entry onto the canvas, or double-click it (Enter works too) to add
it after the selected block, or at the end when nothing is selected.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from playground.engine.spec import ACTIVATIONS
from playground.ui.canvas.items import type_color
from playground.ui.canvas.labels import layer_label
from playground.ui.canvas.view import LAYER_MIME, layer_to_mime

_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("LayerPalette", text)


def palette_entries() -> list[tuple[str, str, dict[str, Any] | None, str]]:
    """(section, label, default layer spec or None for a heading, tooltip) in palette order."""
    acts = {
        "sigmoid": _tr("σ(z) = 1 / (1 + e^-z): Nielsen's smooth neuron, outputs in (0, 1)"),
        "tanh": _tr("tanh(z): like sigmoid but centred on 0, outputs in (-1, 1)"),
        "relu": _tr("max(0, z): rectified linear unit; trains deep nets faster (chapter 6)"),
        "linear": _tr("z unchanged: no non-linearity"),
        "softmax": _tr("class probabilities that sum to 1; belongs after the last dense layer"),
        "step": _tr(
            "the perceptron's 0/1 step: gradient descent cannot train through it (no slope)"
        ),
    }
    dense = {"type": "dense", "units": 100, "activation": "sigmoid"}
    conv = {
        "type": "conv",
        "filters": 20,
        "kernel": 5,
        "stride": 1,
        "padding": 0,
        "groups": 1,
        "activation": "sigmoid",
    }
    pools = {mode: {"type": "pool", "mode": mode, "size": 2} for mode in ("max", "l2", "avg")}
    entries: list[tuple[str, str, dict[str, Any] | None, str]] = [
        ("layers", _tr("Layers"), None, ""),
        (
            "layers",
            layer_label(dense),
            dense,
            _tr("Fully connected: every neuron sees every input. Default: 100 sigmoid neurons."),
        ),
        (
            "layers",
            layer_label(conv),
            conv,
            _tr(
                "Convolution: small shared filters slide over the image, one feature map each. "
                "Default: 20 filters of 5x5, stride 1."
            ),
        ),
        ("pooling", _tr("Pooling"), None, ""),
        (
            "pooling",
            layer_label(pools["max"]),
            pools["max"],
            _tr("Keeps the largest value of each 2x2 window: halves height and width."),
        ),
        (
            "pooling",
            layer_label(pools["l2"]),
            pools["l2"],
            _tr("Square root of the sum of squares of each 2x2 window (chapter 6)."),
        ),
        (
            "pooling",
            layer_label(pools["avg"]),
            pools["avg"],
            _tr("The mean of each 2x2 window."),
        ),
        ("activations", _tr("Activations"), None, ""),
    ]
    for name in ACTIVATIONS:
        layer = {"type": "activation", "activation": name}
        entries.append(("activations", layer_label(layer), layer, acts.get(name, name)))
    return entries


def _swatch(kind: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(type_color(kind))
    return QIcon(pixmap)


class LayerPalette(QListWidget):
    """A list of layer kinds; drag one onto the canvas or double-click to add it."""

    #: The user asked to add this layer (double-click or Enter).
    layer_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerPalette")
        self.setAccessibleName(self.tr("Layer palette"))
        self.setToolTip(
            self.tr(
                "Drag a layer onto the canvas (onto an arrow to insert it there), or "
                "double-click it to add it after the selected block."
            )
        )
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(12, 12))
        self.setUniformItemSizes(True)
        heading = QFont(self.font())
        heading.setBold(True)
        for _section, label, layer, tip in palette_entries():
            item = QListWidgetItem(label)
            if layer is None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setFont(heading)
                item.setForeground(QBrush(QColor("#455a64")))
            else:
                item.setData(_ROLE, json.dumps(layer))
                item.setIcon(_swatch(layer["type"]))
                item.setToolTip(tip)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
            self.addItem(item)
        self.setCurrentRow(-1)
        self.itemActivated.connect(self._activated)
        self.setMinimumWidth(110)
        self.setMaximumWidth(190)

    def layer_of(self, item: QListWidgetItem) -> dict[str, Any] | None:
        """The default layer spec an entry adds (None for a heading)."""
        text = item.data(_ROLE)
        return json.loads(text) if text else None

    def find_entry(self, label: str) -> QListWidgetItem:
        """The entry with this label (KeyError if there is none)."""
        for row in range(self.count()):
            item = self.item(row)
            if item.text() == label and self.layer_of(item) is not None:
                return item
        raise KeyError(label)

    def mimeTypes(self) -> list[str]:
        """Drags carry a layer spec."""
        return [LAYER_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        """The dragged entry's default layer spec as JSON."""
        layers = [self.layer_of(i) for i in items]
        layer = next((copy.deepcopy(lay) for lay in layers if lay is not None), {})
        return layer_to_mime(layer)

    def _activated(self, item: QListWidgetItem) -> None:
        layer = self.layer_of(item)
        if layer is not None:
            self.layer_requested.emit(layer)
