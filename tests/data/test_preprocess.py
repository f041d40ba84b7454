"""mnist_style: crop, area-scale to a 20x20 box, centre the mass at (14, 14); match MNIST itself."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.data import is_blank, load_mnist, mnist_style
from playground.data.preprocess import center_of_mass


def ink_box(img: np.ndarray) -> tuple[int, int, int, int]:
    """(top, bottom, left, right), inclusive, of the pixels above zero."""
    rows = np.flatnonzero(img.any(axis=1))
    cols = np.flatnonzero(img.any(axis=0))
    return rows[0], rows[-1], cols[0], cols[-1]


def rectangle(top: int, left: int, h: int, w: int, size: int = 280) -> np.ndarray:
    img = np.zeros((size, size), np.float32)
    img[top : top + h, left : left + w] = 1.0
    return img


def check_centred(out: np.ndarray) -> None:
    r, c = center_of_mass(out)
    assert abs(r - 14) <= 0.5 + 1e-6 and abs(c - 14) <= 0.5 + 1e-6, (r, c)


def test_off_centre_rectangle() -> None:
    out = mnist_style(rectangle(top=10, left=170, h=100, w=50))
    assert out.shape == (28, 28) and out.dtype == np.float32
    top, bottom, left, right = ink_box(out)
    assert (bottom - top + 1, right - left + 1) == (20, 10)  # 100x50 scaled by 1/5
    np.testing.assert_allclose(out[top : bottom + 1, left : right + 1], 1.0, rtol=1e-5)
    check_centred(out)


def test_wide_shape_gets_width_20() -> None:
    out = mnist_style(rectangle(top=200, left=5, h=30, w=240))
    top, bottom, left, right = ink_box(out)
    assert right - left + 1 == 20 and bottom - top + 1 == 3  # 30 * 20/240 = 2.5 -> 3 pixels
    check_centred(out)


@settings(max_examples=60, deadline=None)
@given(
    h=st.integers(4, 250),
    w=st.integers(4, 250),
    top=st.integers(0, 29),
    left=st.integers(0, 29),
)
def test_rectangles_fit_the_box_keep_aspect_and_mass(h: int, w: int, top: int, left: int) -> None:
    img = rectangle(top, left, h, w)
    out = mnist_style(img)
    scale = 20 / max(h, w)
    t, b, lft, r = ink_box(out)
    out_h, out_w = b - t + 1, r - lft + 1
    assert max(out_h, out_w) == 20
    # Each side is the scaled side, rounded up to whole pixels (partial pixels at the edges).
    assert h * scale - 1e-4 <= out_h < h * scale + 1
    assert w * scale - 1e-4 <= out_w < w * scale + 1
    # Area averaging conserves ink: the sum scales by scale**2 (nearest-neighbour would not).
    assert out.sum() == pytest.approx(img.sum() * scale**2, rel=1e-4)
    assert out.min() >= 0.0 and out.max() <= 1.0 + 1e-6
    check_centred(out)


def test_disc_blob() -> None:
    yy, xx = np.mgrid[0:300, 0:200]
    img = np.clip(40 - np.hypot(yy - 220, xx - 150), 0, 1).astype(np.float32)  # soft-edged disc
    out = mnist_style(img)
    top, bottom, left, right = ink_box(out)
    assert bottom - top + 1 == 20 and right - left + 1 == 20
    check_centred(out)
    np.testing.assert_allclose(out, out.T, atol=1e-5)  # a disc stays round


def test_anti_aliasing_averages_fine_detail() -> None:
    checker = (np.indices((280, 280)).sum(axis=0) % 2).astype(np.float32)
    out = mnist_style(checker)
    box = out[out > 0]
    assert box.size == 400  # the full 20x20 box
    np.testing.assert_allclose(box, 0.5, atol=0.01)  # 1-px stripes average to grey


def test_partial_pixels_become_grey() -> None:
    # 100x47 scaled by 1/5 is 20x9.4: centred in 10 columns, the outer two are 0.7 covered.
    out = mnist_style(rectangle(top=50, left=60, h=100, w=47))
    t, b, lft, r = ink_box(out)
    assert r - lft + 1 == 10
    np.testing.assert_allclose(out[t : b + 1, lft], 0.7, atol=1e-5)
    np.testing.assert_allclose(out[t : b + 1, r], 0.7, atol=1e-5)
    np.testing.assert_allclose(out[t : b + 1, lft + 1 : r], 1.0, atol=1e-5)


def test_small_drawing_is_scaled_up() -> None:
    img = np.zeros((50, 50), np.float32)
    img[20:25, 30:35] = 1.0
    out = mnist_style(img)
    top, bottom, left, right = ink_box(out)
    assert (bottom - top + 1, right - left + 1) == (20, 20)
    check_centred(out)


def test_mass_at_one_end_is_clipped_at_the_border() -> None:
    # A heavy bar on top of a faint stem: the mass sits high, so centring it pushes the stem off
    # the bottom of the field, where it is cut (some ink is lost), not wrapped around.
    img = np.zeros((200, 200), np.float32)
    img[0:40, 0:200] = 1.0
    img[40:200, 95:105] = 0.05
    out = mnist_style(img)
    assert out.shape == (28, 28) and np.isfinite(out).all()
    assert out[27].any() and not out[0].any()  # stem reaches the bottom edge; nothing wrapped
    assert out.sum() < img.sum() * (20 / 200) ** 2 - 0.01
    np.testing.assert_allclose(out[out > 0.5], 1.0)  # the bar itself is intact
    assert (out > 0.5).sum() == 4 * 20


def test_blank_input() -> None:
    assert is_blank(np.zeros((280, 280)))
    noise = np.random.default_rng(0).uniform(0, 0.005, (280, 280))
    assert is_blank(noise)
    np.testing.assert_array_equal(mnist_style(noise), np.zeros((28, 28), np.float32))
    dot = np.zeros((280, 280))
    dot[3, 4] = 0.5
    assert not is_blank(dot)
    assert mnist_style(dot).max() == pytest.approx(0.5)


def test_input_types() -> None:
    as_bytes = (rectangle(10, 10, 100, 50) * 255).astype(np.uint8)
    np.testing.assert_allclose(mnist_style(as_bytes), mnist_style(rectangle(10, 10, 100, 50)))
    too_bright = rectangle(10, 10, 100, 50) * 3.0
    assert mnist_style(too_bright).max() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="2-D"):
        mnist_style(np.zeros((1, 28, 28)))
    with pytest.raises(ValueError, match="NaN"):
        mnist_style(np.full((28, 28), np.nan))


def test_center_of_mass() -> None:
    img = np.zeros((5, 7))
    img[1, 2] = 1.0
    img[3, 6] = 3.0
    assert center_of_mass(img) == pytest.approx((2.5, 5.0))
    assert center_of_mass(np.zeros((5, 7))) == (2.0, 3.0)


def test_matches_mnist_own_preprocessing() -> None:
    """An MNIST digit blown up 10x and preprocessed again must come back as itself."""
    digits = load_mnist().test_x[:300, 0]
    for digit in digits:
        out = mnist_style(np.kron(digit, np.ones((10, 10), np.float32)))
        assert np.corrcoef(out.ravel(), digit.ravel())[0, 1] > 0.99
        assert np.abs(out - digit).mean() < 0.005
