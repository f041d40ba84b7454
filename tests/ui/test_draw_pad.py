"""The draw pad, driven with real mouse events: strokes, MNIST-style input, undo, clear."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.data import center_of_mass
from playground.ui.draw_pad import DEFAULT_BRUSH_WIDTH, PAD_SIZE, DrawPad
from playground.ui.draw_panel import DrawPanel
from playground.ui.testing import draw_stroke, ellipse_points, line_points


@pytest.fixture
def pad(qtbot) -> DrawPad:
    widget = DrawPad()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ink_box(image: np.ndarray, threshold: float = 0.05) -> tuple[int, int, int, int]:
    rows = np.flatnonzero((image > threshold).any(axis=1))
    cols = np.flatnonzero((image > threshold).any(axis=0))
    return rows[0], rows[-1], cols[0], cols[-1]


def test_blank_pad_gives_zero_input(pad: DrawPad) -> None:
    assert pad.objectName() == "drawPad"
    assert (pad.width(), pad.height()) == (PAD_SIZE, PAD_SIZE)
    assert pad.is_blank()
    x = pad.to_input()
    assert x.shape == (28, 28) and x.dtype == np.float32
    assert not x.any()


def test_off_centre_stroke_becomes_centred_28x28_input(pad: DrawPad) -> None:
    # A short diagonal stroke in the top-left corner of the pad.
    draw_stroke(pad, line_points((30, 20), (90, 120)))
    assert not pad.is_blank()
    assert len(pad.strokes) == 1
    raw = pad.image()
    assert raw.shape == (PAD_SIZE, PAD_SIZE)
    assert center_of_mass(raw)[0] < 100  # the ink really is off-centre on the pad

    x = pad.to_input()
    assert x.shape == (28, 28) and x.dtype == np.float32
    assert x.min() >= 0.0 and x.max() <= 1.0 and x.max() > 0.9
    r, c = center_of_mass(x)
    assert abs(r - 14) <= 1.0 and abs(c - 14) <= 1.0
    top, bottom, left, right = ink_box(x)
    # The longer side was scaled to fit MNIST's 20x20 box (grey anti-aliased edges allowed).
    assert 18 <= bottom - top + 1 <= 21
    assert right - left + 1 < bottom - top + 1  # aspect ratio kept: taller than wide


def test_same_digit_anywhere_and_any_size_gives_same_input(pad: DrawPad, qtbot) -> None:
    pad.set_brush_width(15)
    draw_stroke(pad, ellipse_points((80, 80), 30, 45))
    small_corner = pad.to_input()
    pad.clear()
    pad.set_brush_width(30)  # twice the size: twice the pen, same look
    draw_stroke(pad, ellipse_points((150, 140), 60, 90))
    big_centre = pad.to_input()
    # Equal up to the whole-pixel centring shift, which a half-pixel difference may round apart.
    best = min(
        np.abs(np.roll(small_corner, (dr, dc), axis=(0, 1)) - big_centre).mean()
        for dr in (-1, 0, 1)
        for dc in (-1, 0, 1)
    )
    assert best < 0.02
    assert small_corner.sum() == pytest.approx(big_centre.sum(), rel=0.05)


def test_a_click_without_moving_draws_a_dot(pad: DrawPad) -> None:
    draw_stroke(pad, [(140, 140)])
    assert len(pad.strokes) == 1
    assert pad.image()[140, 140] > 0.9
    assert pad.to_input().max() > 0.5


def test_right_button_does_not_draw(pad: DrawPad) -> None:
    draw_stroke(pad, line_points((50, 50), (200, 200)), button=Qt.MouseButton.RightButton)
    assert pad.is_blank()


def test_ink_is_white_on_black_with_round_antialiased_brush(pad: DrawPad) -> None:
    draw_stroke(pad, line_points((40, 140.3), (240, 140.3)))  # edges between pixel rows
    img = pad.image()
    assert img[5, 5] == 0.0  # black background
    assert img[140, 140] == pytest.approx(1.0)  # white ink
    column = img[:, 140]
    width = np.count_nonzero(column > 0.5)
    assert abs(width - DEFAULT_BRUSH_WIDTH) <= 2
    assert np.any((column > 0.05) & (column < 0.95))  # grey edge pixels: anti-aliased
    # Round cap: the stroke reaches half a brush width beyond its end point, rounded off.
    assert img[140, 40 - DEFAULT_BRUSH_WIDTH // 2 + 2] > 0.5
    assert img[140 - DEFAULT_BRUSH_WIDTH // 2 + 2, 40 - DEFAULT_BRUSH_WIDTH // 2 + 2] == 0.0


def test_undo_removes_only_the_last_stroke(pad: DrawPad) -> None:
    draw_stroke(pad, line_points((140, 40), (140, 240)))
    after_first = pad.to_input()
    draw_stroke(pad, line_points((60, 140), (220, 140)))
    assert len(pad.strokes) == 2
    assert not np.array_equal(pad.to_input(), after_first)
    pad.undo()
    assert len(pad.strokes) == 1
    np.testing.assert_array_equal(pad.to_input(), after_first)
    pad.undo()
    assert pad.is_blank()
    pad.undo_stack.redo()
    np.testing.assert_array_equal(pad.to_input(), after_first)


def test_clear_empties_the_pad_and_undo_brings_it_back(pad: DrawPad, qtbot) -> None:
    draw_stroke(pad, line_points((140, 40), (140, 240)))
    draw_stroke(pad, line_points((60, 140), (220, 140)))
    before = pad.to_input()
    with qtbot.waitSignal(pad.drawing_changed, timeout=1000):
        pad.clear()
    assert pad.is_blank()
    assert not pad.to_input().any()
    pad.undo()
    assert len(pad.strokes) == 2
    np.testing.assert_array_equal(pad.to_input(), before)


def test_drawing_emits_changes_while_the_pen_moves(pad: DrawPad, qtbot) -> None:
    changes: list[int] = []
    pad.drawing_changed.connect(lambda: changes.append(1))
    with qtbot.waitSignal(pad.stroke_finished, timeout=1000):
        draw_stroke(pad, line_points((50, 50), (200, 200), steps=10))
    assert len(changes) >= 10  # press, every move, and the finished stroke


def test_panel_buttons_slider_and_preview(qtbot) -> None:
    panel = DrawPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.width_slider.value() == DEFAULT_BRUSH_WIDTH
    panel.width_slider.setValue(10)
    assert panel.pad.brush_width() == 10
    draw_stroke(panel.pad, line_points((140, 40), (140, 240)))
    thin = panel.pad.image().sum()
    panel.width_slider.setValue(30)
    draw_stroke(panel.pad, line_points((40, 140), (240, 140)))
    assert panel.pad.strokes[1].width == 30 and panel.pad.strokes[0].width == 10
    assert panel.pad.image().sum() > 2 * thin

    # The preview shows the 28x28 input, enlarged with sharp pixels.
    qtbot.waitUntil(lambda: panel.current_input() is not None)
    panel.update_prediction()
    preview = panel.preview.pixmap().toImage()
    assert preview.width() == preview.height() == 140
    x = panel.pad.to_input()
    r, c = np.unravel_index(np.argmax(x), x.shape)
    assert preview.pixelColor(c * 5 + 2, r * 5 + 2).value() > 200

    assert panel.undo_button.isEnabled()
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert len(panel.pad.strokes) == 1
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.pad.is_blank()


def test_a_wide_panel_puts_the_prediction_beside_the_pad(qtbot) -> None:
    """A full-width Draw tab (a 1024-px screen) lays out in one row, about the pad's height;
    narrowed again, the prediction goes back under the pad."""
    from playground.ui.draw_panel import WIDE_PANEL

    panel = DrawPanel()
    qtbot.addWidget(panel)
    panel.resize(WIDE_PANEL - 200, 500)
    panel.show()
    qtbot.waitExposed(panel)
    pad, view = panel.pad.geometry(), panel.prediction_view.geometry()
    assert view.top() >= pad.bottom()  # under the pad
    tall = panel.minimumSizeHint()
    assert tall.height() > PAD_SIZE + 120

    panel.resize(WIDE_PANEL + 40, 500)
    qtbot.waitUntil(lambda: panel.prediction_view.geometry().left() > panel.pad.geometry().right())
    view = panel.prediction_view.geometry()
    assert view.top() < panel.pad.geometry().bottom()  # beside it, not under it
    wide = panel.minimumSizeHint()
    assert wide.height() < PAD_SIZE + 40 < tall.height()
    assert wide.width() < WIDE_PANEL  # narrowing the panel can always bring the column back

    panel.resize(WIDE_PANEL - 100, 500)
    qtbot.waitUntil(lambda: panel.prediction_view.geometry().top() >= panel.pad.geometry().bottom())


def test_a_stroke_whose_release_never_came_is_kept(pad: DrawPad) -> None:
    """A press with a stroke still open (the mouse grab was lost before the release) threw
    the open stroke away; it is kept as its own undoable step."""
    from PySide6.QtCore import QEvent

    from playground.ui.testing import send_mouse

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send_mouse(pad, QEvent.Type.MouseButtonPress, (60, 60), left, left)
    send_mouse(pad, QEvent.Type.MouseMove, (60, 200), none, left)  # no release follows
    draw_stroke(pad, line_points((150, 60), (150, 200)))
    assert len(pad.strokes) == 2
    pad.undo_stack.undo()
    assert len(pad.strokes) == 1 and pad.strokes[0].points[0].x() == 60
