"""A pyqtgraph axis whose side label stays inside its own width, in any script."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg

#: How far left of a left axis pyqtgraph starts its label, in pixels.
NUDGE = 5
#: The part of a side label's height pyqtgraph leaves out of the axis width.
UNCOUNTED = 0.2


class LabelledAxis(pg.AxisItem):
    """pyqtgraph draws a left axis's label from 5 px outside the axis and sizes the axis for 80%
    of the label's height: Latin text's empty ascent absorbs that, but a Chinese label (概率,
    代价, 输出), whose glyphs fill their line, lost its left side. This one keeps it inside."""

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
