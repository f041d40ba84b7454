"""Image grids for the views: tiles into one float image (NaN gaps), colour maps, a plot per grid.

One ImageItem per grid, not one per kernel: a grid of 800 kernels costs one setImage. NaN pixels
(the gaps between tiles, cells a group does not connect) are drawn transparent by pyqtgraph.
"""

from __future__ import annotations

import html
import itertools
import math
import os
import re
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QPainter,
    QPixmap,
    QResizeEvent,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QToolTip, QWidget

from playground.fileio import atomic_write

pg.setConfigOptions(imageAxisOrder="row-major")

BACKGROUND = QColor(38, 38, 42)
FOREGROUND = QColor(220, 220, 220)


def _colormap(names: tuple[str, ...], fallback: list[tuple[int, int, int]]) -> pg.ColorMap:
    for name in names:
        try:
            return pg.colormap.get(name)
        except (FileNotFoundError, KeyError, ValueError):
            continue
    return pg.ColorMap(np.linspace(0.0, 1.0, len(fallback)), fallback)


#: Blue - white - red, for signed values on a scale symmetric around zero (kernels, weights).
DIVERGING = _colormap(("CET-D1",), [(33, 102, 172), (247, 247, 247), (178, 24, 43)])
#: Black to white, for non-negative activations (MNIST digits are white on black too).
SEQUENTIAL = _colormap(("CET-L1",), [(0, 0, 0), (255, 255, 255)])
#: Dark to bright, for counts (the confusion matrix).
COUNTS = _colormap(("viridis",), [(68, 1, 84), (33, 145, 140), (253, 231, 37)])

DIVERGING_LUT = DIVERGING.getLookupTable(nPts=256)
SEQUENTIAL_LUT = SEQUENTIAL.getLookupTable(nPts=256)


def tile(tiles: np.ndarray, pad: int = 1) -> np.ndarray:
    """Lay out tiles (R, C, h, w) as one (R*(h+pad)-pad, C*(w+pad)-pad) image, NaN in the gaps."""
    r, c, h, w = tiles.shape
    out = np.full((r, h + pad, c, w + pad), np.nan, dtype=np.float32)
    out[:, :h, :, :w] = tiles.transpose(0, 2, 1, 3)
    out = out.reshape(r * (h + pad), c * (w + pad))
    return out[: out.shape[0] - pad or None, : out.shape[1] - pad or None]


def grid_shape(
    n: int, tile_h: float, tile_w: float, aspect: float = 1.6, max_cols: int | None = None
) -> tuple[int, int]:
    """(rows, cols) for n tiles so the whole grid is about `aspect` times wider than tall."""
    if n <= 0:
        return 0, 0
    best = (1, n)
    best_err = math.inf
    for cols in range(1, n + 1):
        if max_cols is not None and cols > max_cols:
            break
        rows = math.ceil(n / cols)
        err = abs(math.log((cols * tile_w) / (rows * tile_h) / aspect))
        if err < best_err - 1e-9:
            best, best_err = (rows, cols), err
    return best


def wrap(tiles: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Tiles (n, h, w) into a (rows, cols, h, w) block, NaN where the grid has no tile."""
    n, h, w = tiles.shape
    out = np.full((rows * cols, h, w), np.nan, dtype=np.float32)
    out[:n] = tiles
    return out.reshape(rows, cols, h, w)


def symmetric_levels(*arrays: np.ndarray, percentile: float = 100.0) -> tuple[float, float]:
    """(-m, m) with m the largest |value| (ignoring NaN and inf), or that percentile of |value|
    (the rest saturates): zero sits in the colour map's middle."""
    m = 0.0
    for a in arrays:
        finite = np.abs(a[np.isfinite(a)])
        if finite.size:
            v = float(finite.max() if percentile >= 100 else np.percentile(finite, percentile))
            m = max(m, v)
    m = m if m > 0 and math.isfinite(m) else 1.0
    return -m, m


#: An exported view is drawn this many pixels wide or more, at up to 4x its size on screen (a
#: plot the size of a laptop's dock, 286 x 160 px, was too small for a slide: now 1144 x 640).
EXPORT_MIN_WIDTH = 1200


def save_widget_png(widget: QWidget, path: str | os.PathLike[str]) -> bool:
    """Save a picture of `widget` as PNG, atomically, drawn at the smallest whole pixel ratio,
    at most 4, that makes it EXPORT_MIN_WIDTH px wide or more (text and lines stay sharp); False
    if it cannot be encoded or written."""
    scale = max(1, min(4, math.ceil(EXPORT_MIN_WIDTH / max(1, widget.width()))))
    picture = QPixmap(widget.size() * scale)
    picture.setDevicePixelRatio(scale)
    picture.fill(Qt.GlobalColor.transparent)
    QWidget.render(widget, picture)  # QWidget's: a graphics view's own render() draws its scene
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not picture.save(buffer, "PNG"):
        return False
    try:
        with atomic_write(path) as fh:
            fh.write(bytes(buffer.data()))
    except OSError:
        return False
    return True


def style_plot(plot: pg.PlotItem) -> None:
    """The house look of a grid plot: no mouse menu clutter, square pixels, row 0 on top."""
    plot.setMenuEnabled(False)
    plot.hideButtons()
    vb = plot.getViewBox()
    vb.invertY(True)
    vb.setAspectLocked(True)
    vb.setDefaultPadding(0.02)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTextPen(FOREGROUND)
        axis.setPen(pg.mkPen(90, 90, 96))
        font = QFont()
        font.setPointSizeF(7.5)
        axis.setStyle(tickFont=font, tickLength=-3)
        axis.setTickFont(font)
        axis.enableAutoSIPrefix(False)


class FitText(QGraphicsSimpleTextItem):
    """Text sized in a grid plot's data units (image pixels, confusion cells): it scales with
    the view and fits the room it is given, so a long text gets smaller instead of spilling
    over its neighbours. Below a legible size it is not drawn (the hover tooltip still names
    what is under the mouse). Grid plots' y axis points down, so the text stays upright."""

    #: Smallest height on screen, in device pixels, worth drawing.
    MIN_PIXELS = 7.0

    def __init__(self) -> None:
        super().__init__()
        self.setFont(_small_font())

    def place(
        self,
        text: str,
        x: float,
        y: float,
        width: float,
        height: float,
        color: QColor,
        bottom: bool = False,
    ) -> None:
        """Write `text` centred on x within `width` x `height` data units: centred on y, or
        with its bottom at y."""
        self.setText(text)
        self.setBrush(color)
        rect = self.boundingRect()
        if rect.width() <= 0 or rect.height() <= 0:
            return
        scale = min(width / rect.width(), height / rect.height())
        self.setScale(scale)
        w, h = rect.width() * scale, rect.height() * scale
        self.setPos(x - w / 2, y - h if bottom else y - h / 2)

    def paint(self, painter: QPainter, option: object, widget: QWidget | None = None) -> None:
        """Draw unless the view shows the text too small to read."""
        if abs(painter.worldTransform().m22()) * self.boundingRect().height() < self.MIN_PIXELS:
            return
        super().paint(painter, option, widget)


#: Where a title may break onto another line: after a comma (English or Chinese), else at a
#: space, else (Chinese has few spaces) after a full-width colon, else next to a CJK
#: character, though never before closing punctuation or after opening punctuation.
_TITLE_BREAK = re.compile(r"(?<=,) |(?<=，)")
_WORD_BREAK = re.compile(r" ")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_NO_LINE_START = "，。：；、）》」』！？"
_NO_LINE_END = "（《「『"
_CJK_COLON = re.compile(r"(?<=：)")
_CJK_BREAK = re.compile(
    rf"(?:(?<=[{_CJK}])|(?=[{_CJK}]))(?<![{_NO_LINE_END}\s])(?![{_NO_LINE_START}\s])"
)
#: Title row heights: pyqtgraph's own for one line, and room for two or three.
_TITLE_HEIGHT = {1: 30, 2: 44, 3: 58}


def _last_fitting_break(
    text: str, pattern: re.Pattern[str], metrics: QFontMetrics, width: int
) -> int | None:
    """The last position of `pattern` in `text` whose first part fits `width`, or None.

    Between Chinese characters, when the text fits on two lines, the break that balances
    them instead: "观察 / 图像", not "观察图 / 像".
    """
    fitting = [
        m.start()
        for m in pattern.finditer(text)
        if m.start() and metrics.horizontalAdvance(text[: m.start()].rstrip()) <= width
    ]
    if not fitting:
        return None
    if pattern is _CJK_BREAK:

        def longer_line(at: int) -> int:
            first = metrics.horizontalAdvance(text[:at].rstrip())
            return max(first, metrics.horizontalAdvance(text[at:].lstrip()))

        two_lines = [at for at in fitting if longer_line(at) <= width]
        if two_lines:
            return min(two_lines, key=longer_line)
    return fitting[-1]


def fit_title(text: str, metrics: QFontMetrics, width: int) -> tuple[str, int]:
    """`text` as HTML that fits `width` pixels, and its number of lines (at most 3): whole on
    one line; else broken after the last comma that lets a line fit, or at the last space if no
    comma does, or after a full-width colon or between Chinese characters if no space does;
    the last line cut with an ellipsis only if it still does not fit.

    A kernel grid's title ends with what matters most ("5×5, 2 groups"), so a narrow grid
    wraps it rather than cutting it off.
    """
    lines: list[str] = []
    rest = text
    while len(lines) < max(_TITLE_HEIGHT) - 1 and metrics.horizontalAdvance(rest) > width:
        # the first kind of break that lets a line fit ("pool1：" / "最大池化", not "pool1：最")
        found = (
            _last_fitting_break(rest, pattern, metrics, width)
            for pattern in (_TITLE_BREAK, _WORD_BREAK, _CJK_COLON, _CJK_BREAK)
        )
        at = next((at for at in found if at is not None), None)
        if at is None:
            break
        lines.append(rest[:at].rstrip())
        rest = rest[at:].lstrip()
    lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return "<br>".join(html.escape(line) for line in lines), len(lines)


class GridPlot:
    """A titled plot holding one grid image, with ticks that name rows and columns."""

    def __init__(self, layout: pg.GraphicsLayout, row: int, col: int) -> None:
        self.plot: pg.PlotItem = layout.addPlot(row=row, col=col)
        style_plot(self.plot)
        no_minimum_width(self.plot.titleLabel)
        # The title spans the axis columns too, centred over the whole plot: over the image's
        # column alone, a row-numbered grid had room for "conv…" only.
        self.plot.layout.removeItem(self.plot.titleLabel)
        self.plot.layout.addItem(self.plot.titleLabel, 0, 0, 1, 3)
        document = self.plot.titleLabel.item.document()
        option = document.defaultTextOption()
        option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        document.setDefaultTextOption(option)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        # Keep the whole grid in view as the dock is resized (square pixels stay square).
        self.plot.getViewBox().sigResized.connect(self.fit)
        self.data: np.ndarray | None = None
        self._shape: tuple[int, ...] | None = None
        self._header = 0.0
        self._title: str | None = None
        self._shown_title: str | None = None
        self.plot.geometryChanged.connect(self._show_title)
        self._ticks: tuple | None = None
        self._shown_ticks: tuple | None = None
        self._label_specs: list[tuple[float, float, str]] = []
        self._label_width = 1e9
        self.labels: list[FitText] = []
        #: Describes the pixel (x, y) under the mouse, for the hover tooltip; None: nothing.
        self.describe: Callable[[int, int], str | None] | None = None

    @property
    def title(self) -> str:
        """The whole title (the plot may show it cut short)."""
        return self._title or ""

    def set_title(self, text: str) -> None:
        """The title line above the grid (rich text allowed); unchanged text costs nothing."""
        if text != self._title:
            self._title = text
            self._show_title()

    def _show_title(self, *_args: object) -> None:
        """The title fitted to the plot's width (side-by-side grids in a narrow dock wrote their
        titles over each other): on two or three lines if need be, cut short only if even that
        is too narrow, with the whole of it in the tooltip."""
        text = self._title
        if text is None:
            return
        shown, lines = text, 1
        if "<" not in text:  # plain text: fit it; rich text is left as it is
            font = QFont()
            font.setPointSize(9)
            width = max(int(self.plot.geometry().width()) - 8, 20)
            shown, lines = fit_title(text, QFontMetrics(font), width)
        if shown != self._shown_title:
            self._shown_title = shown
            self.plot.setTitle(shown, color=FOREGROUND.name(), size="9pt")
            height = _TITLE_HEIGHT[lines]
            self.plot.titleLabel.setMaximumHeight(height)
            # Lines are centred on each other: that needs a text width, the widest line's. It
            # is measured with none set (-1, as a single line keeps): measured under the old
            # width, a longer line wrapped again, a fourth line under the plot's title row.
            item = self.plot.titleLabel.item
            item.setTextWidth(-1)
            if lines > 1:
                item.setTextWidth(item.document().idealWidth())
            self.plot.layout.setRowFixedHeight(0, height)
            cut = "…" in shown and "…" not in text
            self.plot.titleLabel.setToolTip(text if cut else "")

    def set_image(self, image: np.ndarray, levels: tuple[float, float], lut: np.ndarray) -> None:
        """Show `image` with explicit levels; the view re-fits only when the shape changes."""
        image = np.ascontiguousarray(image, dtype=np.float32)
        self.data = image
        self.image.setLookupTable(lut, update=False)
        self.image.setImage(image, levels=levels, autoLevels=False)
        if image.shape != self._shape:
            self._shape = image.shape
            self.fit()

    def fit(self, *_args: object) -> None:
        """Show the whole image, with room above it for the column labels (if any)."""
        if self._shape is None:
            return
        h, w = self._shape[:2]
        top = -self._header if self.labels else 0.0
        self.plot.getViewBox().setRange(xRange=(0, w), yRange=(top, h), padding=0.02)
        self._show_ticks()

    def set_ticks(self, rows: list[tuple[float, str]], cols: list[tuple[float, str]]) -> None:
        """Tick labels at row and column centres (image pixel coordinates)."""
        if (rows, cols) == self._ticks:
            return  # setting ticks makes the axes lay out again: only when they change
        self._ticks = (rows, cols)
        left, bottom = self.plot.getAxis("left"), self.plot.getAxis("bottom")
        left.setVisible(bool(rows))
        bottom.setVisible(bool(cols))
        # re-measured, so a hidden axis gives its space back (pyqtgraph sizes an axis only
        # when asked: a hidden left axis kept 24 px of a narrow grid, the title's too)
        left.setWidth(None)
        bottom.setHeight(None)
        self._shown_ticks = None
        self._show_ticks()

    def _show_ticks(self) -> None:
        """The ticks that fit at the grid's size on screen: every k-th, so labels drawn small
        (a 40-filter grid in a narrow dock wrote '1510 1520' for 1 5 10 15 20) do not touch."""
        if self._ticks is None:
            return
        rows, cols = self._ticks
        box = self.plot.getViewBox()
        (x0, x1), (y0, y1) = box.viewRange()
        font = self.plot.getAxis("bottom").style.get("tickFont") or QFont()
        metrics = QFontMetrics(font)
        if box.width() > 0 and x1 > x0 and box.height() > 0 and y1 > y0:
            cols = thin_ticks(cols, box.width() / (x1 - x0), metrics.horizontalAdvance, 6)
            rows = thin_ticks(rows, box.height() / (y1 - y0), lambda _t: metrics.height(), 1)
        if (rows, cols) != self._shown_ticks:
            self._shown_ticks = (rows, cols)
            self.plot.getAxis("left").setTicks([rows])
            self.plot.getAxis("bottom").setTicks([cols])

    def set_labels(
        self, labels: list[tuple[float, float, str]], header: float = 0.0, width: float = 1e9
    ) -> None:
        """Small text labels at image coordinates (x, y), anchored by their bottom centre.

        `header` is the height (in image pixels) kept free above the image for them; a label
        takes at most 70% of it, and at most `width` image pixels across (its column).
        """
        if (labels, header, width) == (self._label_specs, self._header, self._label_width):
            return  # the labels are items: recreating them at every frame would be slow
        self._label_specs = list(labels)
        self._label_width = width
        refit = bool(labels) != bool(self.labels) or header != self._header
        self._header = header
        for item in self.labels:
            self.plot.removeItem(item)
        self.labels = []
        for x, y, text in labels:
            item = FitText()
            item.place(text, x, y, width, 0.7 * header, FOREGROUND, bottom=True)
            self.plot.addItem(item)
            self.labels.append(item)
        if refit:
            self.fit()


def no_minimum_width(label: pg.LabelItem) -> None:
    """Let a long title be clipped rather than widen its plot past the dock.

    LabelItem sets its minimum width to its text's width whenever the text or its size
    changes (updateMin); wrap that so the width hints drop back to zero each time.
    """
    original = type(label).updateMin

    def update_min() -> None:
        original(label)
        hints = getattr(label, "_sizeHint", None)
        if isinstance(hints, dict):
            for which in (Qt.SizeHint.MinimumSize, Qt.SizeHint.PreferredSize):
                if which in hints:
                    hints[which] = (0, hints[which][1])
        label.setMinimumWidth(0)
        label.updateGeometry()

    label.updateMin = update_min  # type: ignore[method-assign]
    update_min()


def _small_font() -> QFont:
    font = QFont()
    font.setPointSizeF(7.5)
    return font


#: The steps thin_ticks may take: 2, 4, 5, 10, 20, 25, 50, ... (the last covers any list).
_NICE_STEPS = (2, 4, *(m * 10**e for e in range(7) for m in (5, 10, 20, 25) if m * 10**e > 4))


def thin_ticks(
    ticks: list[tuple[float, str]],
    pixels_per_unit: float,
    size: Callable[[str], float],
    gap: float,
) -> list[tuple[float, str]]:
    """Every k-th of `ticks` (the first kept), k the smallest of 2, 4, 5, 10, 20, 25, ... that
    leaves `gap` pixels between neighbouring labels of `size` pixels when one image unit is
    `pixels_per_unit` on screen. Those steps keep centre_ticks' round numbers round: 1, 5, 10,
    15, 20 thins to 1, 10, 20 (every 3rd would show 1, 15)."""
    if len(ticks) < 2:
        return ticks
    spacing = min(b[0] - a[0] for a, b in itertools.pairwise(ticks)) * pixels_per_unit
    need = max(size(text) for _, text in ticks) + gap
    if spacing >= need:
        return ticks
    least = need / max(spacing, 1e-9)
    step = next(k for k in _NICE_STEPS if k >= least or k >= len(ticks))
    return ticks[::step]


def centre_ticks(
    count: int, size: int, pad: int = 1, first: int = 1, offset: int = 0
) -> list[tuple[float, str]]:
    """Ticks at the centres of `count` tiles of `size` pixels, numbered from `first`.

    Every tile is labelled up to 12 tiles, then every 5th, 10th, 25th, ... whichever keeps it
    to at most 25 labels, so labels never crowd (256 filters numbered every 5th overlapped).
    """
    if count <= 0:
        return []
    every = 1
    if count > 12:
        every = next((s for s in (5, 10, 25, 50, 100, 250, 500) if count / s <= 25), 1000)
    ticks = []
    for i in range(count):
        number = i + first
        if every == 1 or number % every == 0 or i == 0:
            ticks.append((offset + i * (size + pad) + size / 2 - 0.5, str(number)))
    return ticks


class GridView(pg.GraphicsLayoutWidget):
    """A view of several grid plots side by side, with a message line when there is nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(BACKGROUND)
        self.setMinimumSize(160, 120)
        self.grids: dict[str, GridPlot] = {}
        #: Largest share of the width a grid may take, by name (e.g. the probe image).
        self.max_share: dict[str, float] = {}
        self._key: tuple = ()
        self.message = pg.LabelItem("", color=FOREGROUND.name(), size="10pt")
        # centred lines, wrapped to the view's width (_wrap_message) rather than cut off
        self.message.item.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignCenter))
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def rebuild(self, key: tuple, names: list[str]) -> None:
        """Recreate the grid plots when the set of layers changes (`key`), else keep them."""
        if key == self._key:
            return
        self._key = key
        self.ci.clear()
        self.grids = {}
        if not names:
            self.ci.addItem(self.message, row=0, col=0)
            return
        for col, name in enumerate(names):
            grid = GridPlot(self.ci, 0, col)
            # Equal, small preferred widths: the stretch factors alone share the width out.
            grid.plot.setPreferredWidth(1)
            self.grids[name] = grid

    def set_message(self, text: str) -> None:
        """Show `text` instead of grids (e.g. "this network has no conv layer")."""
        self.rebuild(("message",), [])
        self.message.setText(text)
        self._wrap_message()

    def _wrap_message(self) -> None:
        """Wrap the message to the view's width (a narrow dock cut it off mid-word)."""
        item = self.message.item
        width = max(100.0, self.width() - 40.0)
        item.setTextWidth(-1)  # the natural, one-line width
        if item.boundingRect().width() > width:
            item.setTextWidth(width)
        self.message.updateMin()
        self.message.resizeEvent(None)

    def share_width(self) -> None:
        """Share the width between the plots so each grid gets the room it can use.

        With square pixels a grid can use at most its width scaled to the view's height; the
        width is handed out evenly, but never more than a grid can use (water filling), and
        what is left over is split evenly. Called after drawing and on every resize.
        """
        grids = getattr(self, "grids", {})  # resizeEvent comes during construction too
        shapes = [g.data.shape for g in grids.values() if g.data is not None]
        if len(shapes) != len(grids) or len(shapes) < 2:
            return
        n = len(shapes)
        width = max(1.0, self.width() - 50.0 * n)
        height = max(1.0, self.height() - 80.0)
        caps = [self.max_share.get(name) for name in grids]
        usable = [
            min(w * height / max(h, 1), cap * width if cap else math.inf)
            for (h, w), cap in zip(shapes, caps, strict=True)
        ]
        given = [0.0] * n
        active = set(range(n))
        left = width
        while active:
            share = left / len(active)
            capped = [i for i in active if usable[i] <= share]
            if not capped:
                for i in active:
                    given[i] = share
                left = 0.0
                break
            for i in capped:
                given[i] = usable[i]
                left -= usable[i]
                active.discard(i)
        free = [i for i in range(n) if not caps[i]] or list(range(n))
        spare = max(0.0, left) / len(free)
        layout = self.ci.layout
        for col, g in enumerate(given):
            layout.setColumnStretchFactor(col, max(1, round(g + (spare if col in free else 0))))

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)
        self.share_width()
        if getattr(self, "_key", None) == ("message",):  # resizes come during __init__ too
            self._wrap_message()

    def images(self) -> dict[str, np.ndarray]:
        """The grid images last shown, by layer name (for tests and scripts)."""
        return {name: g.data.copy() for name, g in self.grids.items() if g.data is not None}

    def export_png(self, path: str | os.PathLike[str]) -> bool:
        """Save the view as a PNG file."""
        return save_widget_png(self, path)

    def _on_mouse_moved(self, pos) -> None:
        for grid in self.grids.values():
            if grid.data is None or grid.describe is None:
                continue
            if not grid.plot.sceneBoundingRect().contains(pos):
                continue
            p = grid.plot.getViewBox().mapSceneToView(pos)
            x, y = math.floor(p.x()), math.floor(p.y())
            h, w = grid.data.shape
            if 0 <= x < w and 0 <= y < h and not math.isnan(grid.data[y, x]):
                text = grid.describe(x, y)
                if text:
                    QToolTip.showText(QCursor.pos(), text, self)
                    return
        QToolTip.hideText()
