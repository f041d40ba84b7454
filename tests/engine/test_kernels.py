"""Every kernel against the naive NumPy version in reference.py."""

from __future__ import annotations

import numpy as np
import pytest

from playground.engine.kernels import activations as act_k
from playground.engine.kernels import conv as conv_k
from playground.engine.kernels import dense as dense_k
from playground.engine.kernels import pool as pool_k

from . import reference as ref

RNG = np.random.default_rng(42)


def rand(*shape: int) -> np.ndarray:
    return RNG.standard_normal(shape).astype(np.float32)


@pytest.mark.parametrize(
    ("c", "f", "k", "stride", "padding", "groups", "size"),
    [
        (1, 4, 5, 1, 0, 1, 12),
        (4, 6, 3, 2, 1, 2, 9),
        (8, 8, 3, 1, 2, 4, 7),
        (3, 2, 2, 3, 0, 1, 8),
    ],
)
def test_conv_forward_and_backward_match_reference(c, f, k, stride, padding, groups, size):
    x, w, b = rand(3, c, size, size), rand(f, c // groups, k, k), rand(f)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    expected = ref.conv2d(x, w, b, stride, padding, groups)
    out = np.empty(expected.shape, dtype=np.float32)
    conv_k.forward(np.ascontiguousarray(xp), w, b, stride, groups, out)
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-4)

    # Backward: the gradient of sum(out * d) is what the kernels must produce.
    d = rand(*expected.shape)
    dw, db = np.empty_like(w), np.empty_like(b)
    conv_k.backward_weights(np.ascontiguousarray(xp), d, stride, groups, dw, db)
    dxp = np.empty_like(xp)
    conv_k.backward_input(d, w, stride, groups, dxp)
    eps = 1e-3
    for _ in range(5):
        idx = tuple(RNG.integers(0, s) for s in w.shape)
        wp, wm = w.astype(np.float64), w.astype(np.float64)
        wp[idx] += eps
        wm[idx] -= eps
        num = (np.sum(ref.conv2d(x, wp, b, stride, padding, groups) * d)
               - np.sum(ref.conv2d(x, wm, b, stride, padding, groups) * d)) / (2 * eps)
        assert dw[idx] == pytest.approx(num, rel=1e-3, abs=1e-3)
    np.testing.assert_allclose(db, d.sum(axis=(0, 2, 3)), rtol=1e-4, atol=1e-4)
    for _ in range(5):
        idx = tuple(RNG.integers(0, s) for s in x.shape)
        xpl, xmi = x.astype(np.float64), x.astype(np.float64)
        xpl[idx] += eps
        xmi[idx] -= eps
        num = (np.sum(ref.conv2d(xpl, w, b, stride, padding, groups) * d)
               - np.sum(ref.conv2d(xmi, w, b, stride, padding, groups) * d)) / (2 * eps)
        n, ch, i, j = idx
        assert dxp[n, ch, i + padding, j + padding] == pytest.approx(num, rel=1e-3, abs=1e-3)


@pytest.mark.parametrize(("mode", "code"), [("max", 0), ("l2", 1), ("avg", 2)])
@pytest.mark.parametrize(("size", "hw"), [(2, 8), (3, 7), (2, 5)])
def test_pool_forward_and_backward_match_reference(mode, code, size, hw):
    x = rand(2, 3, hw, hw)
    expected = ref.pool2d(x, size, mode)
    out = np.empty(expected.shape, dtype=np.float32)
    arg = np.empty(expected.shape, dtype=np.int32)
    pool_k.forward(x, size, code, out, arg)
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)
    g = rand(*expected.shape)
    dx = np.empty_like(x)
    pool_k.backward(x, out, arg, g, size, code, dx)
    eps = 1e-3
    for _ in range(8):
        idx = tuple(RNG.integers(0, s) for s in x.shape)
        xp, xm = x.astype(np.float64), x.astype(np.float64)
        xp[idx] += eps
        xm[idx] -= eps
        num = (np.sum(ref.pool2d(xp, size, mode) * g) - np.sum(ref.pool2d(xm, size, mode) * g))
        assert dx[idx] == pytest.approx(num / (2 * eps), rel=1e-3, abs=1e-3)
    # The dropped edge remainder receives no gradient.
    rem = hw - (hw // size) * size
    if rem:
        assert np.all(dx[:, :, -rem:, :] == 0) and np.all(dx[:, :, :, -rem:] == 0)


def test_dense_kernels_match_numpy():
    x, w, b = rand(7, 13), rand(5, 13), rand(5)
    z = np.empty((7, 5), dtype=np.float32)
    dense_k.forward(x, w, b, z)
    np.testing.assert_allclose(z, x.astype(np.float64) @ w.T + b, rtol=1e-4, atol=1e-5)
    d = rand(7, 5)
    d[2, 3] = 0.0  # the kernel skips zero deltas: the result must not change
    dw, db = np.empty_like(w), np.empty_like(b)
    dense_k.backward_weights(x, d, dw, db)
    np.testing.assert_allclose(dw, d.T.astype(np.float64) @ x, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(db, d.sum(axis=0), rtol=1e-5, atol=1e-6)
    dx = np.empty_like(x)
    dense_k.backward_input(d, w, dx)
    np.testing.assert_allclose(dx, d.astype(np.float64) @ w, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("name", ["linear", "sigmoid", "tanh", "relu", "softmax", "step"])
def test_activations_match_reference(name):
    z = rand(6, 11) * 4
    z[0, 0] = -200.0  # sigmoid must not overflow
    a = z.copy()
    act_k.activate(a, act_k.CODES[name])
    np.testing.assert_allclose(a, ref.activate(z, name), rtol=1e-5, atol=1e-6)
    a2 = z.copy()
    act_k.activate_parallel(a2, act_k.CODES[name]) if name != "softmax" else act_k.activate(
        a2, act_k.CODES[name])
    np.testing.assert_array_equal(a, a2)
    if name == "step":
        return
    # Derivative: dC/dz for C = sum(a * g), compared with central differences.
    g = rand(6, 11)
    out = np.empty_like(g)
    act_k.backward(a, g, act_k.CODES[name], out)
    eps = 1e-4
    z64 = z.astype(np.float64)
    num = (np.sum(ref.activate(z64 + eps, name) * g) - np.sum(ref.activate(z64 - eps, name) * g))
    # Directional check along the all-ones direction plus element-wise where separable.
    assert out.sum() == pytest.approx(num / (2 * eps), rel=1e-3, abs=1e-3)


def test_sgd_update_with_momentum_and_decay():
    w, g = rand(10), rand(10)
    v = rand(10)
    w0, v0 = w.astype(np.float64), v.astype(np.float64)
    dense_k.sgd_update(w, g, np.float32(0.1), np.float32(0.01), np.float32(0.9), v)
    v_expected = 0.9 * v0 - 0.1 * (g + 0.01 * w0)
    np.testing.assert_allclose(v, v_expected, rtol=1e-5)
    np.testing.assert_allclose(w, w0 + v_expected, rtol=1e-5)
