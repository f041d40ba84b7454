"""A pyqtgraph axis whose side label stays inside its own width, in any script."""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics

#: How far left of a left axis pyqtgraph starts its label, in pixels.
NUDGE = 5
#: The part of a side label's height pyqtgraph leaves out of the axis width.
UNCOUNTED = 0.2
#: Tick labels on a side axis at least this many text lines apart.
MIN_TICK_GAP = 1.2


class LabelledAxis(pg.AxisItem):
    """pyqtgraph draws a left axis's label from 5 px outside the axis and sizes the axis for 80%
    of the label's height: Latin text's empty ascent absorbs that, but a Chinese label (概率,
    代价, 输出), whose glyphs fill their line, lost its left side. This one keeps it inside,
    and spaces its tick labels apart on a short axis."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._formats: dict[float, float] = {}  # a lone tick's spacing -> the one to format by

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        """pyqtgraph always labels its top level of ticks: in a 40 px cost plot (a 720-pixel
        screen) "0.2" sat on "0.1". Levels closer than MIN_TICK_GAP lines are dropped, and
        the top one widened (x2, x2.5, x2 ...) until its labels fit."""
        self._formats = {}  # only a lone tick of this very call is formatted otherwise
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.orientation not in ("left", "right") or maxVal <= minVal or size <= 0:
            return levels
        font = self.style.get("tickFont") or QFont()
        least = MIN_TICK_GAP * QFontMetrics(font).height()
        per_unit = size / (maxVal - minVal)
        kept = [(spacing, offset) for spacing, offset in levels if spacing * per_unit >= least]
        if kept or not levels:
            return kept or levels
        top, steps = levels[0][0], (2.0, 2.5, 2.0)
        spacing, i = top, 0
        while spacing * per_unit < least:
            spacing *= steps[i % 3]
            i += 1
        if math.floor(maxVal / spacing) * spacing >= minVal:
            return [(spacing, 0.0)]
        # None of the wider ticks falls in the range: one label, a tick of the top level
        # nearest the middle, rather than none.
        middle = min(max(round((minVal + maxVal) / 2 / top) * top, minVal), maxVal)
        lone = 2 * max(spacing, maxVal - minVal)
        self._formats = {lone: top}  # its label gets the top level's decimals, not the lone's
        return [(lone, middle)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return super().tickStrings(values, scale, self._formats.get(spacing, spacing))

    def _updateWidth(self) -> None:
        super()._updateWidth()
        if self.orientation != "left" or self.fixedWidth is not None:
            return
        if self.isVisible() and self.label.isVisible():
            width = self.maximumWidth() + UNCOUNTED * self.label.boundingRect().height()
            self.setMaximumWidth(width)
            self.setMinimumWidth(width)

    def resizeEvent(self, ev: Any = None) -> None:
        super().resizeEvent(ev)
        if self.label is not None and self.orientation == "left":
            self.label.setX(self.label.x() + NUDGE)
