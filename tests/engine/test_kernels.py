"""Every kernel against the naive NumPy version in reference.py."""

from __future__ import annotations

import numpy as np
import pytest

from playground.engine import Network, kernels
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
        num = (
            np.sum(ref.conv2d(x, wp, b, stride, padding, groups) * d)
            - np.sum(ref.conv2d(x, wm, b, stride, padding, groups) * d)
        ) / (2 * eps)
        assert dw[idx] == pytest.approx(num, rel=1e-3, abs=1e-3)
    np.testing.assert_allclose(db, d.sum(axis=(0, 2, 3)), rtol=1e-4, atol=1e-4)
    for _ in range(5):
        idx = tuple(RNG.integers(0, s) for s in x.shape)
        xpl, xmi = x.astype(np.float64), x.astype(np.float64)
        xpl[idx] += eps
        xmi[idx] -= eps
        num = (
            np.sum(ref.conv2d(xpl, w, b, stride, padding, groups) * d)
            - np.sum(ref.conv2d(xmi, w, b, stride, padding, groups) * d)
        ) / (2 * eps)
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
        num = np.sum(ref.pool2d(xp, size, mode) * g) - np.sum(ref.pool2d(xm, size, mode) * g)
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
        a2, act_k.CODES[name]
    )
    np.testing.assert_array_equal(a, a2)
    if name == "step":
        return
    # Derivative: dC/dz for C = sum(a * g), compared with central differences.
    g = rand(6, 11)
    out = np.empty_like(g)
    act_k.backward(a, g, act_k.CODES[name], out)
    eps = 1e-4
    z64 = z.astype(np.float64)
    num = np.sum(ref.activate(z64 + eps, name) * g) - np.sum(ref.activate(z64 - eps, name) * g)
    # Directional check along the all-ones direction plus element-wise where separable.
    assert out.sum() == pytest.approx(num / (2 * eps), rel=1e-3, abs=1e-3)


def test_sgd_step_with_momentum_and_decay():
    w, g = rand(10), rand(10)
    v = rand(10)
    w0, v0 = w.astype(np.float64), v.astype(np.float64)
    dense_k.sgd_seg(w, g, v, np.float32(0.1), np.float32(0.01), np.float32(0.9))
    v_expected = 0.9 * v0 - 0.1 * (g + 0.01 * w0)
    np.testing.assert_allclose(v, v_expected, rtol=1e-5)
    np.testing.assert_allclose(w, w0 + v_expected, rtol=1e-5)
    # Without momentum: w <- w - lr (g + decay w), v untouched.
    w1, v1 = w.copy(), v.copy()
    dense_k.sgd_seg(w1, g, v1, np.float32(0.1), np.float32(0.01), np.float32(0.0))
    np.testing.assert_allclose(w1, w - 0.1 * (g + 0.01 * w.astype(np.float64)), rtol=1e-5)
    np.testing.assert_array_equal(v1, v)


# ----------------------------------------------------------------------------- fast path kernels
# The training/inference kernels (fused bias, activation, max pool, f' and SGD update) against
# the naive references, in every mode the plan uses them.

from playground.engine.kernels import cost as cost_k  # noqa: E402
from playground.engine.layers import conv_forward, dense_forward  # noqa: E402

D4, D3 = np.zeros((1, 1, 1, 1), np.float32), np.zeros((1, 1, 1), np.float32)
D2, D1 = np.zeros((1, 1), np.float32), np.zeros(1, np.float32)
Z = np.float32(0.0)

F32 = np.float32
ACT = {0: "linear", 1: "sigmoid", 2: "tanh", 3: "relu"}


def _act_grad(a, code):
    return {0: np.ones_like(a), 1: a * (1 - a), 2: 1 - a * a, 3: (a > 0).astype(a.dtype)}[code]


def _first_max_routing(a_full, g, size):
    """dC/da of the conv output when g = dC/d(max pool) goes to each window's first maximum."""
    n, f, hp, wp = g.shape
    win = a_full[:, :, : hp * size, : wp * size].reshape(n, f, hp, size, wp, size)
    q = win.transpose(0, 1, 2, 4, 3, 5).reshape(n, f, hp, wp, size * size).argmax(-1)
    da = np.zeros_like(a_full, dtype=np.float64)
    for idx in np.ndindex(n, f, hp, wp):
        i, j = divmod(int(q[idx]), size)
        da[idx[0], idx[1], idx[2] * size + i, idx[3] * size + j] = g[idx]
    return da


def _conv_grads_reference(x, w, dz, stride, pad, groups):
    """(dW, db, dx) of sum(z * dz) for z = conv(x), by explicit loops in float64."""
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    f, cg, k, _ = w.shape
    fg = f // groups
    dw, dxp = np.zeros(w.shape), np.zeros(xp.shape)
    for fi in range(f):
        c0 = (fi // fg) * cg
        for i in range(dz.shape[2]):
            for j in range(dz.shape[3]):
                d = dz[:, fi, i, j]
                rs, cs = slice(i * stride, i * stride + k), slice(j * stride, j * stride + k)
                dw[fi] += np.tensordot(d, xp[:, c0 : c0 + cg, rs, cs], axes=(0, 0))
                dxp[:, c0 : c0 + cg, rs, cs] += d[:, None, None, None] * w[fi][None]
    h, wd = x.shape[2], x.shape[3]
    return dw, dz.sum(axis=(0, 2, 3)), dxp[:, :, pad : pad + h, pad : pad + wd]


@pytest.mark.parametrize("parallel", [False, True])
@pytest.mark.parametrize(
    ("c", "f", "k", "stride", "padding", "groups", "pool", "direct", "code"),
    [
        (1, 4, 5, 1, 0, 1, 2, True, 1),  # nielsen-conv's first layer: direct + fused pool
        (1, 4, 5, 1, 0, 1, 2, False, 1),
        (1, 6, 5, 1, 0, 1, 2, True, 2),  # K = 5 direct: a block of 4 filters and a rest of 2
        (2, 8, 5, 1, 0, 2, 0, True, 3),  # grouped direct, one block of 4 per group
        (2, 10, 5, 1, 2, 2, 2, True, 1),  # padded; blocks of 4 + 1 per group
        (4, 6, 3, 1, 1, 2, 2, True, 3),
        (4, 6, 5, 1, 0, 2, 2, False, 3),  # grouped-conv's second layer: im2col + dot
        # the dot's tiles: a block of 4 filters, then 2 and 1 (7 filters), or 4 + 1 a group;
        # 49 positions leave single positions after the 4 x 4 tiles
        (1, 7, 5, 1, 0, 1, 2, False, 1),
        (2, 10, 5, 1, 0, 2, 0, False, 3),
        (4, 6, 3, 2, 1, 2, 0, False, 2),  # stride 2, no pool
        (4, 6, 3, 1, 2, 2, 3, True, 0),  # pool 3 (generic window)
        (3, 2, 2, 3, 0, 1, 0, False, 1),
        (2, 4, 7, 1, 0, 2, 2, True, 1),  # K = 7: the direct path's generic loop
        (2, 4, 4, 1, 1, 1, 2, True, 2),
        # dx's kernel-row runs: K*Cg = 80 taps are used as they are, 10 are padded to 32
        (16, 4, 5, 1, 0, 1, 2, False, 3),
    ],
)
def test_fast_conv_forward_and_backward_match_reference(
    c, f, k, stride, padding, groups, pool, direct, code, parallel
):
    x, w, b = rand(3, c, 11, 11), rand(f, c // groups, k, k) * 0.5, rand(f)
    xp = np.ascontiguousarray(np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))))
    z = ref.conv2d(x, w, b, stride, padding, groups)
    a_full = ref.activate(z.reshape(z.shape[0], -1), ACT[code]).reshape(z.shape)
    ho = z.shape[2]
    parts = 2 if parallel else 1
    expect = ref.pool2d(a_full, pool, "max") if pool else a_full
    out = np.empty(expect.shape, dtype=F32)
    arg = np.empty(expect.shape if pool else (1, 1, 1, 1), dtype=np.int8)
    col = np.empty((3, ho * ho, c * k * k), dtype=F32)
    args = (xp, w, b, stride, groups, direct, code, pool, out, arg, col, True, parts)
    repacked = conv_forward(*args)
    assert (repacked is None) == direct  # the im2col path hands its repacked weight back
    np.testing.assert_allclose(out, expect, rtol=1e-5, atol=1e-5)
    # Inference mode (no im2col rows kept) gives the same outputs.
    out2 = np.empty_like(out)
    conv_forward(xp, w, b, stride, groups, direct, code, pool, out2, arg.copy(), D3, False, parts)
    np.testing.assert_array_equal(out2, out)

    g = rand(*out.shape)
    g[:, f // 2] = 0  # a filter with no delta at all (a silent ReLU): skipped, gradient zero
    da = _first_max_routing(a_full, g, pool) if pool else g.astype(np.float64)
    dz = da * _act_grad(a_full, code)
    dw_ref, db_ref, dx_ref = _conv_grads_reference(x, w, dz, stride, padding, groups)
    dx, dx2 = np.empty_like(x), np.empty_like(x)
    for out_dx, w2t in ((dx, None), (dx2, repacked)):  # repacked here, or the forward's
        conv_k.conv_bwd_par(
            1,
            parts,
            w.reshape(f, -1),
            D1,
            stride,
            groups,
            k,
            direct,
            code,
            pool,
            out,
            arg,
            D3,
            g,
            padding,
            out_dx,
            D3,
            0,
            False,
            Z,
            Z,
            Z,
            D2,
            D1,
            D2,
            D1,
            w2t,
        )
    np.testing.assert_allclose(dx, dx_ref, rtol=1e-4, atol=1e-5)
    np.testing.assert_array_equal(dx2, dx)

    def dw_pass(w_, b_, update, lr, decay, momentum, vw, vb, gw, gb):
        conv_k.conv_bwd_par(
            2,
            parts,
            w_.reshape(f, -1),
            b_,
            stride,
            groups,
            k,
            direct,
            code,
            pool,
            out,
            arg,
            col,
            g,
            padding,
            D4,
            xp.reshape(3, c, -1),
            xp.shape[3],
            update,
            F32(lr),
            F32(decay),
            F32(momentum),
            vw.reshape(f, -1),
            vb,
            gw.reshape(f, -1),
            gb,
        )

    gw, gb = np.empty_like(w), np.empty_like(b)
    dw_pass(w, b, False, 0, 0, 0, w, b, gw, gb)
    np.testing.assert_allclose(gw, dw_ref, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(gb, db_ref, rtol=1e-4, atol=1e-4)

    # Training mode applies SGD (with momentum and decay) to the weights in the same pass.
    w2, b2, vw, vb = w.copy(), b.copy(), rand(*w.shape), rand(f)
    vw0, vb0 = vw.astype(np.float64), vb.astype(np.float64)
    dw_pass(w2, b2, True, 0.1, 0.01, 0.9, vw, vb, gw, gb)
    vw_ref = 0.9 * vw0 - 0.1 * (dw_ref + 0.01 * w)
    np.testing.assert_allclose(w2, w + vw_ref, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(b2, b + 0.9 * vb0 - 0.1 * db_ref, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("size", [2, 3])
def test_fused_pool_picks_the_first_maximum_on_ties(size):
    """The conv epilogue's winner is the first maximum in row-major window order, as PyTorch
    routes the gradient; every tie pattern of a 2x2 window, and ties in a 3x3 one."""
    n_f, hp, wp = 3, 4, 5
    rs = wp * size + 1  # rows of z are rs apart, as the direct path's junk columns make them
    rng = np.random.default_rng(7)
    z = rng.integers(0, 2, size=(n_f, hp * size * rs)).astype(F32)  # many ties of 0s and 1s
    out = np.empty((n_f, hp, wp), dtype=F32)
    arg = np.empty((n_f, hp, wp), dtype=np.int8)
    conv_k.epilogue_pool(z, rs, size, out, arg)
    for f, pi, pj in np.ndindex(n_f, hp, wp):
        top = pi * size * rs + pj * size
        win = [z[f, top + di * rs + dj] for di in range(size) for dj in range(size)]
        assert out[f, pi, pj] == max(win)
        assert arg[f, pi, pj] == win.index(max(win))  # list.index: the first one


@pytest.mark.skipif(not kernels._X86, reason="flush-to-zero is a control bit of x86's SSE")
def test_the_launchers_treat_subnormals_as_zero_on_every_thread_and_restore_the_caller() -> None:
    # A saturated network's deltas fall below float32's smallest normal (1.2e-38), where every
    # x86 multiply takes a slow path: the launchers flush them (nielsen-conv at eta 1000: 2-11x
    # the images/s). Rows split over two threads: both must see a subnormal input as zero.
    tiny = F32(1e-39)
    x = np.full((4, 64), tiny, dtype=F32)
    w, b = np.ones((64, 64), dtype=F32), np.zeros(64, dtype=F32)
    z = np.empty((4, 64), dtype=F32)
    dense_k.forward_par(2, x, w, b, 0, z)
    assert not z.any()  # 64 x 1e-39 = 6.4e-38 without (a normal number)
    spec = {
        "input": [1, 6, 6],
        "layers": [
            {"type": "conv", "filters": 2, "kernel": 3, "activation": "linear"},
            {"type": "dense", "units": 2, "activation": "sigmoid"},
        ],
        "cost": "quadratic",
    }
    net = Network.from_spec(spec, seed=0)
    net.params["conv1.bias"][:] = 0.0
    maps = net.activations(np.full((2, 1, 6, 6), tiny, dtype=F32))["conv1"]
    assert not maps.any()  # 9 taps of about 0.3 x 1e-39: subnormal without
    assert F32(1e-30) * F32(1e-10) > 0  # this thread's own arithmetic keeps its subnormals


@pytest.mark.parametrize("parallel", [False, True])
@pytest.mark.parametrize("code", [0, 1, 2, 3, 4])
@pytest.mark.parametrize("n", [1, 7, 10])
@pytest.mark.parametrize("units", [9, 11])  # rows in fours, then 1, or 2 + 1
def test_fast_dense_forward_matches_reference(n, units, code, parallel):
    x, w, b = rand(n, 37), rand(units, 37), rand(units)
    z = np.empty((n, units), dtype=F32)
    if parallel:
        dense_k.forward_par(2, x, w, b, code, z)
    else:
        dense_forward(x, w, b, code, z, 1)
    name = ["linear", "sigmoid", "tanh", "relu", "softmax"][code]
    np.testing.assert_allclose(
        z, ref.activate(x.astype(np.float64) @ w.T + b, name), rtol=1e-5, atol=1e-6
    )


def _dense_backward(a, g, x, w, b, need_dx, update, lr, decay, mom, vw, vb, parallel):
    """One fused dense backward call (on 1 or 2 threads): (delta, dx, gw, gb)."""
    delta = np.empty_like(g)
    dx, gw, gb = np.empty_like(x), np.empty_like(w), np.empty_like(b)
    lr, decay, mom = F32(lr), F32(decay), F32(mom)
    dense_k.backward_par(
        2 if parallel else 1,
        x,
        w,
        b,
        3,
        a,
        g,
        False,
        delta,
        dx,
        np.empty((1, *dx.shape), F32),
        need_dx,
        gw,
        gb,
        update,
        lr,
        decay,
        mom,
        vw,
        vb,
    )
    return delta, dx, gw, gb


@pytest.mark.parametrize("parallel", [False, True])
@pytest.mark.parametrize(
    ("n", "units", "n_in"),
    # (5, 21, 2100): odd images, three dx column blocks, row blocks of 8, 8 and 5
    [(10, 30, 784), (7, 5, 13), (64, 9, 300), (5, 21, 2100)],
)
def test_fast_dense_backward_matches_numpy(n, units, n_in, parallel):
    x, w, b, a = rand(n, n_in), rand(units, n_in), rand(units), np.abs(rand(n, units))
    a[a < 0.5] = 0.0  # ReLU outputs: zero deltas are skipped
    a[:, 0] = 0.0  # a unit no image activates: its row gets no gradient at all
    g = rand(n, units)
    dz = g * (a > 0)
    delta, dx, gw, gb = _dense_backward(a, g, x, w, b, True, False, 0, 0, 0, w, b, parallel)
    np.testing.assert_array_equal(delta, dz)
    np.testing.assert_allclose(dx, dz.astype(np.float64) @ w, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(gw, dz.T.astype(np.float64) @ x, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(gb, dz.sum(axis=0), rtol=1e-5, atol=1e-5)
    # Update mode: w <- w + v with v <- 0.9 v - 0.1 (g + 0.01 w), biases without decay; dx
    # still uses the old w.
    w2, b2, v, vb = w.copy(), b.copy(), rand(units, n_in), rand(units)
    v0, vb0 = v.astype(np.float64), vb.astype(np.float64)
    _, dx2, _, _ = _dense_backward(a, g, x, w2, b2, True, True, 0.1, 0.01, 0.9, v, vb, parallel)
    np.testing.assert_allclose(dx2, dx, rtol=1e-5, atol=1e-5)
    v_ref = 0.9 * v0 - 0.1 * (dz.T.astype(np.float64) @ x + 0.01 * w)
    np.testing.assert_allclose(w2, w + v_ref, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(b2, b + 0.9 * vb0 - 0.1 * dz.sum(axis=0), rtol=1e-5, atol=1e-5)
    # Plain SGD without decay: the unit without gradient keeps its row exactly.
    w3, b3 = w.copy(), b.copy()
    _dense_backward(a, g, x, w3, b3, False, True, 0.1, 0, 0, w3, b3, parallel)
    np.testing.assert_array_equal(w3[0], w[0])
    np.testing.assert_allclose(w3, w - 0.1 * (dz.T.astype(np.float64) @ x), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(b3, b - 0.1 * dz.sum(axis=0), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(
    ("cost", "code", "out"),
    [
        ("quadratic", 0, "sigmoid"),
        ("cross-entropy", 1, "sigmoid"),
        ("log-likelihood", 2, "softmax"),
        ("cross-entropy", 1, "softmax"),
        ("quadratic", 0, "linear"),
    ],
)
def test_cost_kernel_matches_costs_module(cost, code, out):
    from playground.engine.costs import COSTS, one_hot

    z = rand(6, 4) * 2
    a = ref.activate(z, out).astype(F32) if out != "linear" else z
    labels = np.array([0, 3, 1, 2, 2, 0], dtype=np.int64)
    y = one_hot(labels, 4)
    c = COSTS[cost]
    paired = c.pairs_with == out
    grad = np.empty_like(a)
    value = cost_k.cost_grad(a, labels, code, paired, grad)
    assert value == pytest.approx(c.fn(a, y), rel=1e-6)
    expected = c.delta(a, y) if paired else c.grad_a(a, y)
    np.testing.assert_allclose(grad, expected, rtol=1e-5, atol=1e-7)
    assert cost_k.cost_grad(a, np.array([0, 4, 1, 2, 2, 0]), code, paired, grad) == -1.0


@pytest.mark.parametrize("name", ["linear", "sigmoid", "tanh", "relu", "softmax"])
def test_row_activation_and_gradient_helpers(name):
    code = act_k.CODES[name]
    z = rand(37) * 4
    a = z.copy()
    act_k.apply_1d(a, code)
    np.testing.assert_allclose(a, ref.activate(z[None], name)[0], rtol=1e-5, atol=1e-6)
    g = rand(37)
    out = np.empty_like(g)
    act_k.grad_1d(a, g, code, out)
    if name == "softmax":
        expected = a * (g - np.dot(g, a))
    else:
        expected = g * _act_grad(a, code) if name != "linear" else g
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)
    if name != "softmax":
        assert act_k.apply_scalar(z[3], code) == pytest.approx(a[3], rel=1e-6, abs=1e-7)
        assert act_k.grad_scalar(a[3], code) * g[3] == pytest.approx(out[3], rel=1e-5, abs=1e-7)


@pytest.mark.parametrize("hidden", ["sigmoid", "relu"])
def test_a_batch_gradient_is_the_mean_of_its_halves(hidden):
    """Batch sizes get their own buffers and thread splits: the gradient of a 40-image batch
    must still be the mean of its two halves' (and train_step must apply exactly it)."""
    from playground.engine import Network

    spec = {
        "input": [1, 10, 10],
        "layers": [
            {"type": "conv", "filters": 3, "kernel": 3, "activation": hidden},
            {"type": "pool", "mode": "max", "size": 2},
            {"type": "dense", "units": 7, "activation": hidden},
            {"type": "dense", "units": 4, "activation": "softmax"},
        ],
        "cost": "log-likelihood",
    }
    net = Network.from_spec(spec, seed=2)
    x = RNG.random((40, 1, 10, 10), dtype=F32)
    y = RNG.integers(0, 4, 40)
    cost, grads = net.gradients(x, y)
    cost_a, grads_a = net.gradients(x[:20], y[:20])
    cost_b, grads_b = net.gradients(x[20:], y[20:])
    assert cost == pytest.approx((cost_a + cost_b) / 2, rel=1e-5)
    for key in net.params:
        np.testing.assert_allclose(
            grads[key], (grads_a[key] + grads_b[key]) / 2, rtol=1e-4, atol=1e-6, err_msg=key
        )
    # train_step applies exactly that gradient (with momentum and L2 on the weights).
    before = {k: v.copy() for k, v in net.params.items()}
    net.train_step(x, y, lr=0.1, momentum=0.5, l2=2.0, n_train=100)
    for key, w0 in before.items():
        decay = 2.0 / 100 if key.endswith(".weight") else 0.0
        expected = w0 - 0.1 * (grads[key] + decay * w0)
        np.testing.assert_allclose(net.params[key], expected, rtol=1e-4, atol=1e-6, err_msg=key)


@pytest.mark.parametrize(
    ("code", "cost", "paired"),
    [
        (0, "quadratic", False),
        (1, "cross-entropy", False),
        (1, "cross-entropy", True),
        (2, "log-likelihood", False),
        (2, "log-likelihood", True),
    ],
)
def test_cost_kernel_matches_the_cost_classes(code, cost, paired):
    """kernels/cost.py against costs.py, the readable reference (fn, grad_a, delta)."""
    from playground.engine.costs import COSTS, one_hot
    from playground.engine.kernels import cost as cost_k

    rng = np.random.default_rng(code)
    a = rng.uniform(0.05, 0.95, (6, 4)).astype(np.float32)
    a /= a.sum(axis=1, keepdims=True) if code == 2 else 1.0
    labels = rng.integers(0, 4, 6)
    grad = np.empty_like(a)
    value = cost_k.cost_grad(a, labels, code, paired, grad)
    reference = COSTS[cost]
    y = one_hot(labels, 4)
    assert value == pytest.approx(reference.fn(a, y), rel=1e-6)
    expected = reference.delta(a, y) if paired else reference.grad_a(a, y)
    np.testing.assert_allclose(grad, expected, rtol=1e-5, atol=1e-7)
    assert cost_k.cost_grad(a, np.array([0, 1, 2, 3, 4, 0]), code, paired, grad) == -1.0


def test_vectorised_sigmoid_matches_float64_and_keeps_nan() -> None:
    """sigmoid_1d builds e^-z from a polynomial and exponent bits (so LLVM can vectorise it):
    within 1e-6 of float64 everywhere, saturating cleanly, and NaN must stay NaN (divergence
    is detected from the cost)."""
    z = np.concatenate([np.linspace(-100, 100, 100_001), [0.0, 1e-8, 87.0, -87.0, 1e30, -1e30]])
    z = z.astype(F32)
    out = z.copy()
    act_k.sigmoid_1d(out)
    e = np.exp(-np.abs(z.astype(np.float64)))  # a sigmoid that neither overflows nor cancels
    expected = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    np.testing.assert_allclose(out, expected, rtol=1e-6, atol=1e-30)
    assert out.min() >= 0.0 and out.max() <= 1.0
    bad = np.array([np.nan, 1.0], dtype=F32)
    act_k.sigmoid_1d(bad)
    assert np.isnan(bad[0]) and bad[1] == pytest.approx(1 / (1 + np.exp(-1.0)), rel=1e-6)


def test_a_kernel_address_is_per_argument_type_and_calls_the_right_compile() -> None:
    """The launchers call kernels through addresses: one per exact argument types (layout and
    dtype included), reused for the same types, and calling it runs that compile."""
    import numba

    from playground.engine.kernels import jit_fn, kernel_address

    @numba.njit
    def scale(x, out, n0, n1):
        for i in range(n0, n1):
            out[i] = 2 * x[i]

    @numba.njit
    def launch(addr, x, out):
        f = jit_fn(addr, (x, out, np.int64(0), np.int64(0)))
        f(x, out, np.int64(1), np.int64(out.shape[0]))

    n0 = np.int64(0)
    x = np.arange(6, dtype=F32)
    out = np.zeros(6, dtype=F32)
    first = kernel_address(scale, (x, out, n0, n0))
    assert kernel_address(scale, (x.copy(), np.ones(6, dtype=F32), n0, n0)) == first
    strided = np.arange(12, dtype=F32)[::2]
    other = kernel_address(scale, (strided, out, n0, n0))
    doubles = kernel_address(scale, (x.astype(np.float64), out, n0, n0))
    assert len({first, other, doubles}) == 3 and len(scale.signatures) == 3
    launch(first, x, out)
    np.testing.assert_array_equal(out, [0, 2, 4, 6, 8, 10])
    out[:] = 0
    launch(other, strided, out)  # the strided compile reads every other element
    np.testing.assert_array_equal(out, [0, 4, 8, 12, 16, 20])
