"""Views of the inside of a network: kernels, feature maps, pooled outputs, first dense weights.

Each view takes the network's spec once (`set_spec`) and then draws snapshots: copies of weights
and of the probe's activations made by the training worker (or by the idle panel). Drawing is
NumPy into one grid image per layer plus a setImage; nothing here reads the engine's arrays.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent, QTextOption
from PySide6.QtWidgets import QWidget

from playground.ui.views.mosaic import (
    DIVERGING_LUT,
    FOREGROUND,
    SEQUENTIAL_LUT,
    GridView,
    centre_ticks,
    grid_shape,
    no_minimum_width,
    symmetric_levels,
    tile,
    wrap,
)


def _layers(spec: dict[str, Any] | None, kind: str) -> list[dict[str, Any]]:
    return [layer for layer in (spec or {}).get("layers", []) if layer["type"] == kind]


def _follow(
    view: GridView,
    spec: dict[str, Any] | None,
    kind: str,
    key: str,
    empty: str,
    leading: tuple[str, ...] = (),
) -> None:
    """Rebuild `view` for the network's layers of `kind`, or show `empty` if it has none."""
    layers = _layers(spec, kind)
    if spec is not None and not layers:
        view.set_message(empty)
        return
    names = [*leading, *(layer["name"] for layer in layers)]
    view.rebuild((key, *names), names)


def _cell(coord: int, size: int, pad: int = 1) -> int | None:
    """Which tile a pixel coordinate falls in, None on a gap."""
    index, within = divmod(coord, size + pad)
    return None if within >= size else index


def activation_levels(a: np.ndarray, activation: str) -> tuple[tuple[float, float], np.ndarray]:
    """Colour levels and map for activations: fixed for sigmoid/tanh, data-driven otherwise."""
    if activation in ("sigmoid", "softmax"):
        return (0.0, 1.0), SEQUENTIAL_LUT
    if activation == "tanh":
        return (-1.0, 1.0), DIVERGING_LUT
    finite = a[np.isfinite(a)]
    lo = float(finite.min()) if finite.size else 0.0
    hi = float(finite.max()) if finite.size else 1.0
    if lo < 0:
        return symmetric_levels(finite), DIVERGING_LUT
    return (0.0, hi if hi > 0 else 1.0), SEQUENTIAL_LUT


# ================================================================================ kernels
class KernelView(GridView):
    """Every conv layer's kernels: one row per filter, one column per input channel of its group.

    Grouped convolutions are drawn on the full filters x input-channels grid with the cells a
    group does not see left empty, so the block diagonal shows which channels each group reads.
    A first layer with a single input channel wraps its filters into rows of ten, as in the book.
    The colour scale is symmetric around zero: red positive, blue negative, white zero.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kernelView")
        self._spec: dict[str, Any] | None = None
        self.set_message(self.tr("No network yet"))

    def set_spec(self, spec: dict[str, Any] | None) -> None:
        """Follow a network's layers (rebuilds the plots when they change)."""
        self._spec = spec
        empty = self.tr("This network has no convolutional layer, so no kernels.")
        _follow(self, spec, "conv", "kernels", empty)

    def show_weights(self, weights: dict[str, np.ndarray]) -> None:
        """Draw the kernels from copies of the conv weights, keyed "<layer>.weight"."""
        stretch = []
        for layer in _layers(self._spec, "conv"):
            name = layer["name"]
            grid = self.grids.get(name)
            w = weights.get(f"{name}.weight")
            if grid is None or w is None or w.ndim != 4:
                continue
            stretch.append(self._draw_layer(grid, layer, w))
        if stretch:
            self.share_width()

    def _draw_layer(self, grid: Any, layer: dict[str, Any], w: np.ndarray) -> float:
        f, cg, k, _ = w.shape
        groups = int(layer.get("groups", 1))
        c = cg * groups
        fg = f // groups
        # Heavy-tailed too (default model's conv2: median |w| 0.04, largest 1.09): scaled to the
        # largest, most kernels would look white. The top 1% saturates, as in the dense view.
        levels = symmetric_levels(w, percentile=99.0)
        if groups == 1 and cg == 1:
            if len(_layers(self._spec, "conv")) == 1:
                cols = min(f, 10)  # rows of ten, as the book shows its 20 kernels
                rows = math.ceil(f / cols)
            else:  # leave room for the deeper layers beside it
                rows, cols = grid_shape(f, k, k, aspect=1.0)
            image = tile(wrap(w[:, 0], rows, cols))
            grid.set_ticks([], [])
            grid.set_labels([])
            grid.describe = lambda x, y: self._describe_wrapped(layer, w, cols, x, y)
            title = (
                self.tr("{0}: 1 filter {2}×{2}, 1 channel")
                if f == 1
                else self.tr("{0}: {1} filters {2}×{2}, 1 channel")
            )
            grid.set_title(title.format(layer["name"], f, k))
        else:
            if groups == 1:
                blocks = w
            else:
                blocks = np.full((f, c, k, k), np.nan, dtype=np.float32)
                for g in range(groups):
                    blocks[g * fg : (g + 1) * fg, g * cg : (g + 1) * cg] = w[g * fg : (g + 1) * fg]
            image = tile(blocks)
            grid.set_ticks(centre_ticks(f, k), centre_ticks(c, k))
            labels = []
            if groups > 1:
                for g in range(groups):
                    x = (g * cg + cg / 2) * (k + 1) - 1
                    labels.append(
                        (
                            x,
                            -0.5,
                            self.tr("g{0}: ch {1}–{2}").format(g + 1, g * cg + 1, (g + 1) * cg),
                        )
                    )
                grid.set_title(
                    self.tr("{0}: {1} filters × {2} channels, {3}×{3}, {4} groups").format(
                        layer["name"], f, c, k, groups
                    )
                )
            else:
                grid.set_title(
                    self.tr("{0}: {1} filters × {2} channels, {3}×{3}").format(
                        layer["name"], f, c, k
                    )
                )
            grid.set_labels(labels, header=1.5 * k)
            grid.describe = lambda x, y: self._describe_full(layer, w, x, y)
        grid.set_image(image, levels, DIVERGING_LUT)
        return float(image.shape[1])  # share the width by grid width: kernels keep one scale

    def _describe_wrapped(
        self, layer: dict[str, Any], w: np.ndarray, cols: int, x: int, y: int
    ) -> str | None:
        k = w.shape[2]
        col, row = _cell(x, k), _cell(y, k)
        if col is None or row is None or row * cols + col >= w.shape[0]:
            return None
        i = row * cols + col
        return self.tr("{0}, filter {1}: weights {2:+.3f} … {3:+.3f}").format(
            layer["name"], i + 1, float(w[i].min()), float(w[i].max())
        )

    def _describe_full(self, layer: dict[str, Any], w: np.ndarray, x: int, y: int) -> str | None:
        f, cg, k, _ = w.shape
        col, row = _cell(x, k), _cell(y, k)
        if col is None or row is None:
            return None
        groups = int(layer.get("groups", 1))
        g = row // (f // groups)
        ch = col - g * cg
        if not 0 <= ch < cg:
            return self.tr("{0}, filter {1} (group {2}) does not see input channel {3}").format(
                layer["name"], row + 1, g + 1, col + 1
            )
        kernel = w[row, ch]
        return self.tr("{0}, filter {1}, input channel {2}: weights {3:+.3f} … {4:+.3f}").format(
            layer["name"], row + 1, col + 1, float(kernel.min()), float(kernel.max())
        )


# ================================================================================ feature maps
class FeatureMapView(GridView):
    """The probe image and each conv layer's feature maps for it (bright = strongly active)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("featureMapView")
        self.max_share = {"input": 0.2}  # the probe is a reminder; the maps are the point
        self._spec: dict[str, Any] | None = None
        self.set_message(self.tr("No network yet"))

    def set_spec(self, spec: dict[str, Any] | None) -> None:
        """Follow a network's layers."""
        self._spec = spec
        empty = self.tr("This network has no convolutional layer, so no feature maps.")
        _follow(self, spec, "conv", "maps", empty, leading=("input",))

    def show_activations(self, probe: np.ndarray | None, acts: dict[str, np.ndarray]) -> None:
        """Draw the probe and the conv layers' outputs for it, (C, H, W) each."""
        if not self.grids:
            return
        stretch = []
        if probe is not None and "input" in self.grids:
            stretch.append(self._draw(self.grids["input"], "input", probe, "sigmoid", True))
        for layer in _layers(self._spec, "conv"):
            a = acts.get(layer["name"])
            grid = self.grids.get(layer["name"])
            if a is not None and grid is not None and a.ndim == 3:
                stretch.append(self._draw(grid, layer["name"], a, layer["activation"]))
        if stretch:
            self.share_width()

    def _draw(
        self, grid: Any, name: str, a: np.ndarray, activation: str, is_input: bool = False
    ) -> float:
        c, h, w = a.shape
        rows, cols = grid_shape(c, h, w, aspect=1.0 if is_input else 1.6)
        image = tile(wrap(a, rows, cols))
        levels, lut = activation_levels(a, activation)
        grid.set_ticks([], [])
        grid.set_image(image, levels, lut)
        if is_input:
            grid.set_title(self.tr("probe"))
        else:
            title = (
                self.tr("{0}: 1 map of {2}×{3} ({4})")
                if c == 1
                else self.tr("{0}: {1} maps of {2}×{3} ({4})")
            )
            grid.set_title(title.format(name, c, h, w, activation))

        def describe(x: int, y: int) -> str | None:
            col, row = _cell(x, w), _cell(y, h)
            if col is None or row is None or row * cols + col >= c:
                return None
            i = row * cols + col
            value = float(a[i, y - row * (h + 1), x - col * (w + 1)])
            return self.tr("{0}, map {1}: activation {2:.3f} here").format(name, i + 1, value)

        grid.describe = describe
        return image.shape[1] / max(image.shape[0], 1)


# ================================================================================ pooling
POOL_MODES = ("max", "l2", "avg")
#: Point size of the pooling columns' names: the grid titles' size, readable at any map size.
LEGEND_POINT_SIZE = 9.0


def pool(x: np.ndarray, size: int, mode: str) -> np.ndarray:
    """Pool (C, H, W) maps with windows of `size`, stride `size`, dropping the remainder."""
    c, h, w = x.shape
    ho, wo = h // size, w // size
    blocks = x[:, : ho * size, : wo * size].reshape(c, ho, size, wo, size)
    if mode == "max":
        return blocks.max(axis=(2, 4))
    if mode == "l2":
        return np.sqrt((blocks.astype(np.float64) ** 2).sum(axis=(2, 4))).astype(np.float32)
    return blocks.mean(axis=(2, 4))


class PooledView(GridView):
    """Each pooling layer's output beside the feature maps it summarised, for max, L2 and avg.

    Every block is one channel: the map that came in, then what max, L2 and average pooling make
    of it (each window drawn as one big pixel); the column of the layer's own mode is the
    network's real output. Each column is scaled to its own maximum, so L2's larger values
    (the root of a sum of squares) compare by shape with max's.

    The columns are named once for the whole view, in a line under the grids at the titles'
    size (`legend`): names over each block's columns scale with the maps, and at the window's
    default size those were 5 px tall. They are still drawn once the maps are shown large
    enough for them to be as readable as the legend.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pooledView")
        self._spec: dict[str, Any] | None = None
        self.legend = pg.LabelItem("", color=FOREGROUND.name(), size=f"{LEGEND_POINT_SIZE:g}pt")
        self.legend.item.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignCenter))
        no_minimum_width(self.legend)  # a narrow view wraps the line rather than widening
        font = QFont()
        font.setPointSizeF(LEGEND_POINT_SIZE)
        #: On-screen height (px) below which a name over a column is not drawn.
        self.readable_pixels = QFontMetricsF(font).height()
        self.set_message(self.tr("No network yet"))

    def set_spec(self, spec: dict[str, Any] | None) -> None:
        """Follow a network's layers."""
        self._spec = spec
        modes = {layer["mode"] for layer in _layers(spec, "pool")}
        own = next(iter(modes)) if len(modes) == 1 else None  # a ✓ only if it is everyone's
        names = [self.tr("map"), *(self._mode_name(m, m == own) for m in POOL_MODES)]
        legend = self.tr("Each block, left to right: {0} | {1} | {2} | {3}")
        self.legend.setText(legend.format(*names))
        _follow(self, spec, "pool", "pools", self.tr("This network has no pooling layer."))
        self._fit_legend()

    def rebuild(self, key: tuple, names: list[str]) -> None:
        """The grids side by side, and under them the line that names each block's columns."""
        super().rebuild(key, names)
        if self.grids and self.legend not in self.ci.items:
            self.ci.addItem(self.legend, row=1, col=0, colspan=len(self.grids))

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)
        if hasattr(self, "legend"):  # resizes come during __init__ too
            self._fit_legend()

    def _fit_legend(self) -> None:
        """Wrap the columns' names to the view's width (one line when it fits)."""
        item = self.legend.item
        item.setTextWidth(-1)
        width = max(100.0, self.width() - 20.0)
        if item.boundingRect().width() > width:
            item.setTextWidth(width)
        self.legend.updateMin()
        self.legend.resizeEvent(None)

    def show_activations(self, probe: np.ndarray | None, acts: dict[str, np.ndarray]) -> None:
        """Draw every pooling layer from the probe's activations."""
        if self._spec is None or not self.grids:
            return
        previous = probe
        stretch = []
        for layer in self._spec["layers"]:
            out = acts.get(layer["name"])
            if (
                layer["type"] == "pool"
                and layer["name"] in self.grids
                and previous is not None
                and out is not None
                and previous.ndim == 3
            ):
                stretch.append(self._draw(self.grids[layer["name"]], layer, previous, out))
            previous = out if out is not None and out.ndim == 3 else None
        if stretch:
            self.share_width()

    def _draw(self, grid: Any, layer: dict[str, Any], x: np.ndarray, out: np.ndarray) -> float:
        size, mode = int(layer["size"]), layer["mode"]
        c, h, w = x.shape
        ho, wo = out.shape[1:]
        columns = [x]
        for m in POOL_MODES:
            pooled = out if m == mode else pool(x, size, m)
            big = np.full((c, h, w), np.nan, dtype=np.float32)
            big[:, : ho * size, : wo * size] = np.repeat(np.repeat(pooled, size, 1), size, 2)
            columns.append(big)
        signed = any(float(np.nanmin(col)) < 0 for col in columns if col.size)
        scaled = []
        for col in columns:
            m = float(np.nanmax(np.abs(col))) if col.size else 0.0
            scaled.append(col / m if m > 0 else col)
        strips = np.stack(scaled, axis=1)  # (C, 4, H, W)
        per_channel = np.stack([tile(s[None]) for s in strips])  # (C, H, 4W+3)
        sh, sw = per_channel.shape[1:]
        rows, cols = grid_shape(c, sh, sw, aspect=1.4)
        image = tile(wrap(per_channel, rows, cols), pad=3)
        levels = (-1.0, 1.0) if signed else (0.0, 1.0)
        grid.set_image(image, levels, DIVERGING_LUT if signed else SEQUENTIAL_LUT)
        names = [self.tr("map"), *(self._mode_name(m, m == mode) for m in POOL_MODES)]
        labels = []
        for block in range(cols):
            for j, text in enumerate(names):
                labels.append((block * (sw + 3) + j * (w + 1) + w / 2, -0.5, text))
        grid.set_labels(labels, header=max(4.0, 0.35 * h), width=0.95 * w)
        for item in grid.labels:  # drawn only as large as the legend's text, else left to it
            item.MIN_PIXELS = self.readable_pixels
        grid.set_ticks([], [])
        title = (
            self.tr("{0}: {1} {2}×{2}, 1 map {4}×{5} → {6}×{7}")
            if c == 1
            else self.tr("{0}: {1} {2}×{2}, {3} maps {4}×{5} → {6}×{7}")
        )
        grid.set_title(
            title.format(layer["name"], self._mode_name(mode, False), size, c, h, w, ho, wo)
        )

        def describe(px: int, py: int) -> str | None:
            block, within = divmod(px, sw + 3)
            row, within_y = divmod(py, sh + 3)
            if within >= sw or within_y >= sh or row * cols + block >= c:
                return None
            j = _cell(within, w)
            if j is None:
                return None
            ch = row * cols + block
            value = float(columns[j][ch, within_y, within - j * (w + 1)])
            return self.tr("{0}, channel {1}, {2}: {3:.3f}").format(
                layer["name"], ch + 1, names[j].rstrip(" ✓"), value
            )

        grid.describe = describe
        return image.shape[1] / max(image.shape[0], 1)

    def _mode_name(self, mode: str, own: bool) -> str:
        name = {"max": self.tr("max"), "l2": self.tr("L2"), "avg": self.tr("avg")}[mode]
        return name + " ✓" if own else name


# ================================================================================ dense weights
#: After conv layers each unit is many small maps: show this many units so they stay legible.
MAX_MULTI_CHANNEL_UNITS = 20


class DenseWeightsView(GridView):
    """The first dense layer's weights, one image per unit in the shape of its input.

    For an MLP on MNIST each hidden unit's 784 weights are a 28x28 picture of what it looks for;
    after conv layers each unit shows one small map per input channel.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("denseWeightsView")
        self._layer: dict[str, Any] | None = None
        self._input_shape: tuple[int, ...] = ()
        self.set_message(self.tr("No network yet"))

    def set_spec(self, spec: dict[str, Any] | None) -> None:
        """Follow a network's layers: find its first dense layer and that layer's input shape."""
        dense = _layers(spec, "dense")
        if spec is None or not dense:
            self._layer = None
            self.set_message(
                self.tr("This network has no dense layer.") if spec else self.tr("No network yet")
            )
            return
        from playground.engine import infer

        rows = infer(spec)
        self._layer = dense[0]
        info = next(r for r in rows if r.name == dense[0]["name"])
        self._input_shape = tuple(info.input_shape)
        self.rebuild(("dense", dense[0]["name"], self._input_shape), [dense[0]["name"]])

    def show_weights(self, weights: dict[str, np.ndarray]) -> None:
        """Draw the first dense layer from a copy of its weight matrix (units, inputs)."""
        if self._layer is None:
            return
        name = self._layer["name"]
        w = weights.get(f"{name}.weight")
        grid = self.grids.get(name)
        if w is None or grid is None:
            return
        units = w.shape[0]
        shape = self._input_shape
        title = self.tr("{0}: {1} units, each {2}")
        if len(shape) == 3 and math.prod(shape) == w.shape[1]:
            c, h, wd = shape
            shown = units if c == 1 else min(units, MAX_MULTI_CHANNEL_UNITS)
            maps = w[:shown].reshape(shown, c, h, wd)
            if c == 1:
                tiles = maps[:, 0]
            else:
                r, cc = grid_shape(c, h, wd, aspect=1.0)
                tiles = np.stack([tile(wrap(m, r, cc)) for m in maps])
                if shown < units:
                    title = self.tr("{0}: first {3} of {1} units, each {2}")
            th, tw = tiles.shape[1:]
            rows, cols = grid_shape(shown, th, tw, aspect=1.6)
            pad = 1 if c == 1 else 4
            image = tile(wrap(tiles, rows, cols), pad=pad)
            what = (
                self.tr("a {0}×{1} image").format(h, wd)
                if c == 1
                else self.tr("{0} maps of {1}×{2}").format(c, h, wd)
            )
            grid.plot.getViewBox().setAspectLocked(True)

            def describe(x: int, y: int) -> str | None:
                col, row = _cell(x, tw, pad), _cell(y, th, pad)
                if col is None or row is None or row * cols + col >= shown:
                    return None
                i = row * cols + col
                return self.tr("{0}, unit {1}: weights {2:+.3f} … {3:+.3f}").format(
                    name, i + 1, float(w[i].min()), float(w[i].max())
                )
        else:
            shown = units
            image = w
            what = self.tr("a row of {0} inputs").format(w.shape[1])
            grid.plot.getViewBox().setAspectLocked(False)

            def describe(x: int, y: int) -> str | None:
                return self.tr("{0}, unit {1}, input {2}: {3:+.3f}").format(
                    name, y + 1, x + 1, float(w[y, x])
                )

        grid.describe = describe
        grid.set_ticks([], [])
        grid.set_title(title.format(name, units, what, shown))
        # A dense layer's weights are heavy-tailed (default model: median |w| 0.03, largest 0.88):
        # scaled to the largest, nearly all of them would look white. The top 1% saturates.
        grid.set_image(image, symmetric_levels(w, percentile=99.0), DIVERGING_LUT)
