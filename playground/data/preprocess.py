"""Turn a drawing into an MNIST-style 28x28 digit, the way MNIST itself was made.

LeCun et al.: each digit was size-normalised to fit a 20x20 box keeping its aspect ratio, with
anti-aliasing (hence grey levels), then centred in a 28x28 field by its centre of mass. A network
trained on MNIST only recognises drawings that went through the same steps.
"""

from __future__ import annotations

import math

import numpy as np

#: Output side, inner box side and the centre (row, col) the centre of mass is moved to.
FIELD = 28
BOX = 20
CENTER = 14.0
#: Pixels at or below this value count as background (stray anti-aliasing, not ink).
INK_THRESHOLD = 0.01


def _as_float_image(image: np.ndarray) -> np.ndarray:
    """A 2-D float32 copy-or-view of `image` in [0, 1]; integer images are read as 0..255."""
    image = np.asarray(image)
    if image.ndim != 2:
        raise ValueError(f"a drawing must be a 2-D array (height, width), got shape {image.shape}")
    if image.dtype.kind in "iu":
        image = image.astype(np.float32) / np.float32(255)
    elif image.dtype.kind == "b":
        image = image.astype(np.float32)
    else:
        image = image.astype(np.float32, copy=False)
    if not np.isfinite(image).all():
        raise ValueError("a drawing must not contain NaN or infinity")
    return image


def is_blank(image: np.ndarray) -> bool:
    """True when no pixel rises above INK_THRESHOLD: nothing to recognise."""
    image = _as_float_image(image)
    return image.size == 0 or float(image.max()) <= INK_THRESHOLD


def center_of_mass(img: np.ndarray) -> tuple[float, float]:
    """Intensity-weighted mean (row, col) in pixel indices; the geometric centre if blank."""
    img = _as_float_image(img)
    h, w = img.shape
    total = float(img.sum(dtype=np.float64))
    if total <= 0.0:
        return (h - 1) / 2, (w - 1) / 2
    rows = img.sum(axis=1, dtype=np.float64)
    cols = img.sum(axis=0, dtype=np.float64)
    return float(rows @ np.arange(h)) / total, float(cols @ np.arange(w)) / total


def _area_resample(image: np.ndarray, n_out: int, scale: float) -> np.ndarray:
    """Box-filter resample axis 0 of `image` to n_out pixels: each averages the input it covers.

    Output pixel i spans input [i/scale - off, (i+1)/scale - off), with `off` centring the input
    in the n_out/scale span. Its value is (F(end) - F(start)) * scale, F being the running
    integral of the image along the axis (linear inside a pixel), so no BLAS call is needed.
    """
    n_in = image.shape[0]
    integral = np.zeros((n_in + 1, *image.shape[1:]), dtype=np.float64)
    np.cumsum(image, axis=0, out=integral[1:])
    off = (n_out / scale - n_in) / 2
    edges = np.clip(np.arange(n_out + 1) / scale - off, 0.0, n_in)
    k = np.minimum(edges.astype(np.intp), n_in - 1)
    frac = (edges - k)[:, None]
    at_edges = integral[k] + frac * image[k]
    return ((at_edges[1:] - at_edges[:-1]) * scale).astype(np.float32)


def resize_area(image: np.ndarray, scale: float) -> np.ndarray:
    """Resample a 2-D image by `scale` with area averaging (anti-aliased), same factor both ways."""
    h, w = image.shape
    # The tolerance keeps 20.000000001 (rounding noise) from growing a 21st pixel.
    out_h = max(1, math.ceil(h * scale - 1e-6))
    out_w = max(1, math.ceil(w * scale - 1e-6))
    rows_done = _area_resample(image, out_h, scale)
    return np.ascontiguousarray(_area_resample(rows_done.T, out_w, scale).T)


def mnist_style(image: np.ndarray) -> np.ndarray:
    """A drawing (2-D, ink high, background 0) as a float32 28x28 MNIST digit in [0, 1].

    Crop to the ink, scale the longer side to 20 px with area averaging, then place it in a
    28x28 field with its centre of mass at (14, 14) (rounded shift, clipped at the borders).
    """
    image = _as_float_image(image)
    out = np.zeros((FIELD, FIELD), dtype=np.float32)
    ink = image > INK_THRESHOLD
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return out
    cols = np.flatnonzero(ink.any(axis=0))
    crop = np.clip(image[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1], 0.0, 1.0)
    digit = resize_area(crop, BOX / max(crop.shape))

    com_r, com_c = center_of_mass(digit)
    # Round half up, after dropping float noise so that symmetric shapes shift symmetrically.
    top = math.floor(CENTER - round(com_r, 6) + 0.5)
    left = math.floor(CENTER - round(com_c, 6) + 0.5)
    dh, dw = digit.shape
    # Intersection of the shifted digit with the field, in field and in digit coordinates.
    r0, r1 = max(top, 0), min(top + dh, FIELD)
    c0, c1 = max(left, 0), min(left + dw, FIELD)
    if r0 < r1 and c0 < c1:
        out[r0:r1, c0:c1] = digit[r0 - top : r1 - top, c0 - left : c1 - left]
    return np.clip(out, 0.0, 1.0, out=out)
