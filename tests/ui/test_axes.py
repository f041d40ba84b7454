"""The labelled axis keeps a side label, in any script, inside its own width."""

from __future__ import annotations

import pyqtgraph as pg
import pytest

from playground.ui.axes import LabelledAxis


@pytest.mark.parametrize("text", ["probability", "概率"])
def test_a_left_label_is_drawn_inside_the_axis_and_clear_of_the_ticks(qtbot, text) -> None:
    """pyqtgraph started it 5 px left of the axis, outside the plot: a Chinese label, whose
    glyphs fill their line, lost its left side (Latin text's empty ascent hid that)."""
    plot = pg.PlotWidget(axisItems={"left": LabelledAxis("left")})
    qtbot.addWidget(plot)
    plot.resize(300, 200)
    item = plot.getPlotItem()
    item.setLabel("left", text)
    item.setYRange(0.0, 1.0)
    plot.show()
    qtbot.waitExposed(plot)
    axis = item.getAxis("left")
    qtbot.waitUntil(lambda: axis.width() > 0)
    label = axis.label.mapRectToParent(axis.label.boundingRect())
    assert label.left() >= 0
    # ... and the tick labels right of it: the axis has the label's whole height as room
    assert axis.width() >= label.width() + axis.textWidth
