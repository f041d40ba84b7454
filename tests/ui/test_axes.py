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


def test_a_short_axis_spaces_its_tick_labels_a_line_apart(qtbot) -> None:
    """pyqtgraph always labels its top level of ticks: in a 40 px cost plot (a 720-pixel
    screen) "0.2" sat on "0.1"."""
    from PySide6.QtGui import QFont, QFontMetrics

    from playground.ui.axes import MIN_TICK_GAP

    axis = LabelledAxis("left")
    plain = pg.AxisItem("left")
    line = QFontMetrics(QFont()).height()
    cases = ((0.0, 0.3, 40), (10.0, 12.0, 30), (0.0, 100.0, 60), (0.0, 1.0, 300), (0.01, 0.28, 25))
    for low, high, size in cases:
        per_unit = size / (high - low)
        levels = axis.tickValues(low, high, size)
        for spacing, _values in levels:
            assert spacing * per_unit >= MIN_TICK_GAP * line, (low, high, size, spacing)
        # a plot too short for two labels keeps one, inside its range
        shown = [(s, v) for s, values in levels for v in values if low <= v <= high]
        assert shown, (low, high, size)
        spacing, value = shown[0]
        assert float(axis.tickStrings([value], 1.0, spacing)[0]) == pytest.approx(value)
        # where pyqtgraph's own top level is far enough apart, nothing changes
        ours, theirs = axis.tickValues(low, high, size), plain.tickValues(low, high, size)
        if theirs[0][0] * per_unit >= MIN_TICK_GAP * line:
            assert ours[0][0] == theirs[0][0]
    top = plain.tickValues(0.0, 0.3, 40)[0][0]
    assert top * 40 / 0.3 < MIN_TICK_GAP * line  # the case that overlapped
