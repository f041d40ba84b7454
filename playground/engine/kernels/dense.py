"""Dense-layer kernels and the SGD update shared by every parameter.

Dense products are our own kernels, not BLAS: at mini-batch sizes, OpenBLAS threads fight
with Numba's for the two cores, and a call costs more than the arithmetic.

Loop order is what makes them fast (LLVM only vectorises innermost loops, and keeps
accumulators in registers only when they are scalars):

* forward: z[n, j] = b[j] + w[j] . x[n] as dot products in tiles of 2 weight rows x 4 images,
  8 float32 accumulators over k, so each loaded vector of w or x feeds 4 or 2 FMAs;
* backward: dx = delta w with the weights before the step (images in pairs, so each load of w
  feeds two; blocks of about 1024 columns by 8 rows that stay in L1), then the weight gradient
  row by row; zero deltas (ReLU) are skipped, and in training the SGD update is applied to
  each row right after its gradient is formed (no dw array). On several threads each takes
  the rows of w it owns in forward: their partial dx, then their update; the partials are
  summed at the end. A row of w never moves between cores, which cost more than the
  arithmetic on these machines.
"""

from __future__ import annotations

import numpy as np
from numba import prange

from playground.engine.kernels import flush_denormals, jit, jit_fn, kernel_address, pjit, restore_fp
from playground.engine.kernels.activations import apply_1d, grad_1d

#: Columns per block of the dx pass (blocks balanced, multiples of 16): long enough that each
#: axpy call runs many vectors. Blocks of 320 columns (all rows in 128 KB of L2) ran the
#: 100 x 2880 dx 1.5x slower than 960: the calls' set-up, not memory, was the cost.
_DX_COLS = 1024
#: Rows per block of the dx pass once a column block of all rows passes _L1_FLOATS (32 KB):
#: 8 rows x 960 columns of w stay in L1 while every image pair passes over them (5-8% on
#: 100 x 2880).
_DX_ROWS = 8
_L1_FLOATS = 8192


@jit
def sgd_seg(w, g, v, lr, decay, momentum):
    """One SGD step on a contiguous segment, in place (Nielsen ch. 3 with momentum); w, g, v are
    views of equal length.

    v <- momentum * v - lr * (g + decay * w);  w <- w + v.  With momentum 0 this is
    w <- (1 - lr * decay) w - lr * g, where decay = l2 / n_train for weights and 0 for biases.
    """
    if momentum == 0.0:
        for k in range(w.shape[0]):
            w[k] = w[k] - lr * (g[k] + decay * w[k])
    else:
        for k in range(w.shape[0]):
            v[k] = momentum * v[k] - lr * (g[k] + decay * w[k])
            w[k] = w[k] + v[k]


@jit(inline="always")
def axpy4(y, a0, x0, a1, x1, a2, x2, a3, x3):
    """y += a0 x0 + a1 x1 + a2 x2 + a3 x3 over len(y) (inlined where it is called: a call
    cost more than a row's arithmetic; dx_block calls axpy4_called instead)."""
    for k in range(y.shape[0]):
        y[k] = y[k] + (a0 * x0[k] + a1 * x1[k] + a2 * x2[k] + a3 * x3[k])


@jit(inline="always")
def axpy8(y, a, x0, x1, x2, x3, x4, x5, x6, x7):
    """y += a[0] x0 + ... + a[7] x7 over len(y): one load and store of y per eight rows (the
    conv weight gradient's 16 hits a filter: 1.06-1.15x as fast as axpy4, measured)."""
    a0, a1, a2, a3, a4, a5, a6, a7 = a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]
    for k in range(y.shape[0]):
        y[k] = y[k] + (
            ((a0 * x0[k] + a1 * x1[k]) + (a2 * x2[k] + a3 * x3[k]))
            + ((a4 * x4[k] + a5 * x5[k]) + (a6 * x6[k] + a7 * x7[k]))
        )


@jit(inline="always")
def axpy2(y, a0, x0, a1, x1):
    """y += a0 x0 + a1 x1 over len(y)."""
    for k in range(y.shape[0]):
        y[k] = y[k] + (a0 * x0[k] + a1 * x1[k])


@jit(inline="always")
def axpy3(y, a0, x0, a1, x1, a2, x2):
    """y += a0 x0 + a1 x1 + a2 x2 over len(y)."""
    for k in range(y.shape[0]):
        y[k] = y[k] + (a0 * x0[k] + a1 * x1[k] + a2 * x2[k])


@jit(inline="always")
def axpy1(y, a0, x0):
    """y += a0 x0 over len(y)."""
    for k in range(y.shape[0]):
        y[k] = y[k] + a0 * x0[k]


@jit
def span(total, parts, i, align):
    """[lo, hi) of part i when `total` items are split into `parts` (edges multiples of align)."""
    i = np.int64(i)
    units = (total + align - 1) // align
    base = units // parts
    extra = units % parts
    lo = (i * base + min(i, extra)) * align
    hi = lo + (base + (1 if i < extra else 0)) * align
    return min(lo, total), min(hi, total)


@jit(inline="always")
def dot4x4(a0, a1, a2, a3, x0, x1, x2, x3):
    """The 16 dot products a_q . x_p over len(a0), as (a0.x0, a0.x1, a0.x2, a0.x3, a1.x0, ...,
    a3.x3): 16 accumulators, each loaded vector feeding 4 FMAs (AVX-512's 32 vector registers
    hold them even at 256-bit width). The dense forward's rows x images, the conv forward's
    filters x positions."""
    zero = np.float32(0.0)
    s00 = s01 = s02 = s03 = s10 = s11 = s12 = s13 = zero
    s20 = s21 = s22 = s23 = s30 = s31 = s32 = s33 = zero
    for k in range(a0.shape[0]):
        v0, v1, v2, v3 = x0[k], x1[k], x2[k], x3[k]
        u0, u1, u2, u3 = a0[k], a1[k], a2[k], a3[k]
        s00 += u0 * v0
        s01 += u0 * v1
        s02 += u0 * v2
        s03 += u0 * v3
        s10 += u1 * v0
        s11 += u1 * v1
        s12 += u1 * v2
        s13 += u1 * v3
        s20 += u2 * v0
        s21 += u2 * v1
        s22 += u2 * v2
        s23 += u2 * v3
        s30 += u3 * v0
        s31 += u3 * v1
        s32 += u3 * v2
        s33 += u3 * v3
    return s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33


@jit(inline="always")
def dot4x1(a0, a1, a2, a3, x0):
    """(a0 . x0, a1 . x0, a2 . x0, a3 . x0) over len(a0)."""
    zero = np.float32(0.0)
    s0 = s1 = s2 = s3 = zero
    for k in range(a0.shape[0]):
        v = x0[k]
        s0 += a0[k] * v
        s1 += a1[k] * v
        s2 += a2[k] * v
        s3 += a3[k] * v
    return s0, s1, s2, s3


@jit(inline="always")
def forward_rows4(x, w, b, z, j):
    """z[n, j + q] = b[j + q] + w[j + q] . x[n] for q < 4 and every image: tiles of 4 rows x 4
    images (dot4x4), then single images."""
    n_img = x.shape[0]
    w0, w1, w2, w3 = w[j], w[j + 1], w[j + 2], w[j + 3]
    b0, b1, b2, b3 = b[j], b[j + 1], b[j + 2], b[j + 3]
    n = 0
    while n + 3 < n_img:
        s = dot4x4(w0, w1, w2, w3, x[n], x[n + 1], x[n + 2], x[n + 3])
        for q in range(4):
            z[n + q, j] = s[q] + b0
            z[n + q, j + 1] = s[4 + q] + b1
            z[n + q, j + 2] = s[8 + q] + b2
            z[n + q, j + 3] = s[12 + q] + b3
        n += 4
    while n < n_img:
        s0, s1, s2, s3 = dot4x1(w0, w1, w2, w3, x[n])
        z[n, j], z[n, j + 1], z[n, j + 2], z[n, j + 3] = s0 + b0, s1 + b1, s2 + b2, s3 + b3
        n += 1


@jit
def forward_rows(x, w, b, z, j0, j1):
    """z[n, j] = b[j] + sum_k w[j, k] x[n, k] for rows j0 <= j < j1 (no activation).

    Rows in fours (forward_rows4), the last 1-3 in 2 rows x 4 images tiles and single rows.
    4 x 4 tiles against 2 x 4, one thread: 100 x 784 at batch 64 125 us against 172, 100 x
    640 at batch 64 105 against 147, 30 x 784 at batch 10 7.9 against 8.9 (as in bench/NOTES.md).
    """
    n_img, n_in = x.shape
    zero = np.float32(0.0)
    j = j0
    while j + 3 < j1:
        forward_rows4(x, w, b, z, j)
        j += 4
    while j < j1:
        if j + 1 < j1:
            w0 = w[j]
            w1 = w[j + 1]
            n = 0
            while n + 3 < n_img:
                x0 = x[n]
                x1 = x[n + 1]
                x2 = x[n + 2]
                x3 = x[n + 3]
                s00 = s01 = s02 = s03 = s10 = s11 = s12 = s13 = zero
                for k in range(n_in):
                    a = w0[k]
                    c = w1[k]
                    s00 += a * x0[k]
                    s01 += a * x1[k]
                    s02 += a * x2[k]
                    s03 += a * x3[k]
                    s10 += c * x0[k]
                    s11 += c * x1[k]
                    s12 += c * x2[k]
                    s13 += c * x3[k]
                z[n, j] = s00 + b[j]
                z[n + 1, j] = s01 + b[j]
                z[n + 2, j] = s02 + b[j]
                z[n + 3, j] = s03 + b[j]
                z[n, j + 1] = s10 + b[j + 1]
                z[n + 1, j + 1] = s11 + b[j + 1]
                z[n + 2, j + 1] = s12 + b[j + 1]
                z[n + 3, j + 1] = s13 + b[j + 1]
                n += 4
            while n < n_img:
                xn = x[n]
                s0 = s1 = zero
                for k in range(n_in):
                    s0 += w0[k] * xn[k]
                    s1 += w1[k] * xn[k]
                z[n, j] = s0 + b[j]
                z[n, j + 1] = s1 + b[j + 1]
                n += 1
            j += 2
        else:
            w0 = w[j]
            n = 0
            while n + 3 < n_img:
                x0 = x[n]
                x1 = x[n + 1]
                x2 = x[n + 2]
                x3 = x[n + 3]
                s0 = s1 = s2 = s3 = zero
                for k in range(n_in):
                    a = w0[k]
                    s0 += a * x0[k]
                    s1 += a * x1[k]
                    s2 += a * x2[k]
                    s3 += a * x3[k]
                z[n, j] = s0 + b[j]
                z[n + 1, j] = s1 + b[j]
                z[n + 2, j] = s2 + b[j]
                z[n + 3, j] = s3 + b[j]
                n += 4
            while n < n_img:
                xn = x[n]
                s0 = zero
                for k in range(n_in):
                    s0 += w0[k] * xn[k]
                z[n, j] = s0 + b[j]
                n += 1
            j += 1


@jit
def forward_act(x, w, b, code, z):
    """z = f(x w^T + b) on one thread: the product, bias and activation in one call."""
    forward_rows(x, w, b, z, np.int64(0), w.shape[0])  # int64, not a literal 0: one compile
    if code != 0:
        for n in range(z.shape[0]):
            apply_1d(z[n], code)


@jit
def prepare_delta(a, g, code, is_dz, delta):
    """delta = dC/dz: g itself when is_dz, else g * f'(a)."""
    n_img, units = delta.shape
    for n in range(n_img):
        if is_dz:
            for j in range(units):
                delta[n, j] = g[n, j]
        else:
            grad_1d(a[n], g[n], code, delta[n])


@jit(inline="always")
def axpy4x2(ya, yb, a0, a1, a2, a3, b0, b1, b2, b3, x0, x1, x2, x3):
    """ya += sum_i a_i x_i and yb += sum_i b_i x_i: each load of four rows feeds two outputs
    (two images' dx rows, or two rows of w)."""
    for k in range(ya.shape[0]):
        u0 = x0[k]
        u1 = x1[k]
        u2 = x2[k]
        u3 = x3[k]
        ya[k] = ya[k] + (a0 * u0 + a1 * u1 + a2 * u2 + a3 * u3)
        yb[k] = yb[k] + (b0 * u0 + b1 * u1 + b2 * u2 + b3 * u3)


# dx_block runs the sums on rows of up to 1024 columns, where a call costs little; inlined
# there, the pass was 2-10% slower (in one process, interleaved, one thread). So it calls them.
@jit
def axpy4_called(y, a0, x0, a1, x1, a2, x2, a3, x3):
    """axpy4, not inlined (see above)."""
    axpy4(y, a0, x0, a1, x1, a2, x2, a3, x3)


@jit
def axpy1_called(y, a0, x0):
    """axpy1, not inlined."""
    axpy1(y, a0, x0)


@jit
def axpy4x2_called(ya, yb, a0, a1, a2, a3, b0, b1, b2, b3, x0, x1, x2, x3):
    """axpy4x2, not inlined."""
    axpy4x2(ya, yb, a0, a1, a2, a3, b0, b1, b2, b3, x0, x1, x2, x3)


@jit
def dx_rows(delta, w, dx, j0, j1):
    """dx[n] = sum_{j0 <= j < j1} delta[n, j] w[j]: all of dx from rows j0..j1-1 of w (all of
    them: the whole dx; a thread's own rows: its partial sum). Zero deltas are skipped.

    Columns go in blocks of about _DX_COLS and, when a block of all rows would not fit L1, rows
    in blocks of _DX_ROWS; every image pair passes over a block while it is in L1. Measured in
    one process, interleaved, one thread: 100 x 2880 at batch 10 took 133 us against 208 with
    blocks of 320 columns and all rows; 100 x 640, 47 against 59.
    """
    n_img = delta.shape[0]
    n_in = w.shape[1]
    zero = np.float32(0.0)
    blocks = (n_in + _DX_COLS - 1) // _DX_COLS
    block = ((n_in + blocks - 1) // blocks + 15) // 16 * 16
    rows = j1 - j0 if (j1 - j0) * min(block, n_in) <= _L1_FLOATS else _DX_ROWS
    rows = max(rows, 1)  # a thread with no rows (more threads than units): an empty range
    for c0 in range(0, n_in, block):
        c1 = min(c0 + block, n_in)
        for n in range(n_img):
            dx[n, c0:c1] = zero
        for r0 in range(j0, j1, rows):
            dx_block(delta, w, dx, r0, min(r0 + rows, j1), c0, c1)


@jit
def dx_block(delta, w, dx, r0, r1, c0, c1):
    """dx[n, c0:c1] += sum_{r0 <= j < r1} delta[n, j] w[j, c0:c1] for every image: images in
    pairs and rows in fours, so each loaded vector of w feeds two images."""
    n1 = delta.shape[0]
    zero = np.float32(0.0)
    n = 0
    while n < n1:
        pair = n + 1 < n1
        m = n + 1 if pair else n
        ya = dx[n, c0:c1]
        yb = dx[m, c0:c1]
        j = r0
        while j + 3 < r1:
            a0, a1, a2, a3 = delta[n, j], delta[n, j + 1], delta[n, j + 2], delta[n, j + 3]
            if pair:
                b0, b1 = delta[m, j], delta[m, j + 1]
                b2, b3 = delta[m, j + 2], delta[m, j + 3]
            else:
                b0 = b1 = b2 = b3 = zero
            live_a = a0 != zero or a1 != zero or a2 != zero or a3 != zero
            live_b = b0 != zero or b1 != zero or b2 != zero or b3 != zero
            wa = w[j, c0:c1]
            wb = w[j + 1, c0:c1]
            wc = w[j + 2, c0:c1]
            wd = w[j + 3, c0:c1]
            if live_a and live_b:
                axpy4x2_called(ya, yb, a0, a1, a2, a3, b0, b1, b2, b3, wa, wb, wc, wd)
            elif live_a:
                axpy4_called(ya, a0, wa, a1, wb, a2, wc, a3, wd)
            elif live_b:
                axpy4_called(yb, b0, wa, b1, wb, b2, wc, b3, wd)
            j += 4
        while j < r1:
            if delta[n, j] != zero:
                axpy1_called(ya, delta[n, j], w[j, c0:c1])
            if pair and delta[m, j] != zero:
                axpy1_called(yb, delta[m, j], w[j, c0:c1])
            j += 1
        n += 2


@jit(inline="always")
def axpy2x2(ya, yb, a0, a1, b0, b1, x0, x1):
    """ya += a0 x0 + a1 x1 and yb += b0 x0 + b1 x1."""
    for k in range(ya.shape[0]):
        u0 = x0[k]
        u1 = x1[k]
        ya[k] = ya[k] + (a0 * u0 + a1 * u1)
        yb[k] = yb[k] + (b0 * u0 + b1 * u1)


@jit(inline="always")
def axpy1x2(ya, yb, a0, b0, x0):
    """ya += a0 x0 and yb += b0 x0."""
    for k in range(ya.shape[0]):
        u0 = x0[k]
        ya[k] = ya[k] + a0 * u0
        yb[k] = yb[k] + b0 * u0


@jit
def scale_rows(y, s):
    """y = s y over len(y)."""
    for k in range(y.shape[0]):
        y[k] = s * y[k]


@jit
def momentum_prep(v, w, momentum, c):
    """v = momentum v - c w over len(v): the velocity step before the gradient is added."""
    for k in range(v.shape[0]):
        v[k] = momentum * v[k] - c * w[k]


@jit
def dw_target_prep(t, w, update, lr, decay, momentum):
    """Make row t ready for `t += coef x` sums: the gradient row zeroed, w's row scaled by its
    weight decay (1 - lr decay), or, with momentum, the velocity row's momentum and decay."""
    if not update:
        t[:] = np.float32(0.0)
    elif momentum != 0.0:
        momentum_prep(t, w, momentum, lr * decay)
    elif decay != 0.0:
        scale_rows(t, np.float32(1.0) - lr * decay)


@jit
def dw_rows(x, delta, w, gw, update, lr, decay, momentum, vw, j0, j1):
    """Weight gradient of rows j0 <= j < j1, g[j] = sum_n delta[n, j] x[n], added straight
    into its target: gw (update False); w itself, w[j] <- (1 - lr decay) w[j] - lr g[j]; or,
    with momentum, the velocity, v <- momentum v - lr (g + decay w), then w += v.

    Rows go in pairs over the images where either has a nonzero delta (ReLU zeros skipped), so
    each loaded vector of x feeds both rows (axpy4x2) and no gradient row is stored: measured in
    one process, interleaved, one thread, 100 x 2880 at batch 10 took 202 us against 366 with a
    gradient row per row and then the SGD step (ReLU with half the deltas zero: 152 against 202).
    A thread owning whole rows writes memory no other thread touches. Without decay or momentum
    a row no image reaches is left alone.
    """
    n_img = x.shape[0]
    ca = np.empty(n_img, dtype=np.float32)
    cb = np.empty(n_img, dtype=np.float32)
    idx = np.empty(n_img, dtype=np.int64)
    zero = np.float32(0.0)
    c = -lr if update else np.float32(1.0)
    tgt = gw if not update else (vw if momentum != 0.0 else w)
    j = j0
    while j < j1:
        pair = j + 1 < j1
        jb = j + 1 if pair else j
        dw_target_prep(tgt[j], w[j], update, lr, decay, momentum)
        if pair:
            dw_target_prep(tgt[jb], w[jb], update, lr, decay, momentum)
        cnt = 0
        for n in range(n_img):
            a = delta[n, j]
            b = delta[n, jb] if pair else zero
            if a != zero or b != zero:
                ca[cnt] = c * a
                cb[cnt] = c * b
                idx[cnt] = n
                cnt += 1
        ya = tgt[j]
        yb = tgt[jb]
        h = 0
        if pair:
            while h + 3 < cnt:
                axpy4x2(
                    ya,
                    yb,
                    ca[h],
                    ca[h + 1],
                    ca[h + 2],
                    ca[h + 3],
                    cb[h],
                    cb[h + 1],
                    cb[h + 2],
                    cb[h + 3],
                    x[idx[h]],
                    x[idx[h + 1]],
                    x[idx[h + 2]],
                    x[idx[h + 3]],
                )
                h += 4
            if h + 1 < cnt:
                axpy2x2(ya, yb, ca[h], ca[h + 1], cb[h], cb[h + 1], x[idx[h]], x[idx[h + 1]])
                h += 2
            if h < cnt:
                axpy1x2(ya, yb, ca[h], cb[h], x[idx[h]])
        else:
            first = np.int64(0)
            axpy_rows(ya, ca, x, idx, first, np.int64(cnt))
        if update and momentum != 0.0:
            add_rows(w[j], ya)
            if pair:
                add_rows(w[jb], yb)
        j += 2


@jit
def axpy_rows(y, coef, rows, idx, h0, h1):
    """y += sum_{h0 <= h < h1} coef[h] * rows[idx[h]], four rows per pass."""
    h = h0
    while h + 3 < h1:
        axpy4(
            y,
            coef[h],
            rows[idx[h]],
            coef[h + 1],
            rows[idx[h + 1]],
            coef[h + 2],
            rows[idx[h + 2]],
            coef[h + 3],
            rows[idx[h + 3]],
        )
        h += 4
    left = h1 - h
    if left == 3:
        axpy3(
            y, coef[h], rows[idx[h]], coef[h + 1], rows[idx[h + 1]], coef[h + 2], rows[idx[h + 2]]
        )
    elif left == 2:
        axpy2(y, coef[h], rows[idx[h]], coef[h + 1], rows[idx[h + 1]])
    elif left == 1:
        axpy1(y, coef[h], rows[idx[h]])


@jit
def bias_step(delta, b, gb, update, lr, momentum, vb):
    """db[j] = sum_n delta[n, j]: stored in gb, or applied to b at once (biases have no decay)."""
    n_img, units = delta.shape
    for j in range(units):
        s = np.float32(0.0)
        for n in range(n_img):
            s += delta[n, j]
        if update:
            if momentum == 0.0:
                b[j] -= lr * s
            else:
                vb[j] = momentum * vb[j] - lr * s
                b[j] += vb[j]
        else:
            gb[j] = s


# --- entries: Python wrappers over small parallel launchers ------------------------------------
# As for conv (kernels/__init__.py), the launchers call the kernels through their addresses, and
# each kernel a launcher calls is a leaf of its own compile: every function that calls a kernel
# directly has LLVM optimise the kernel's whole tree again. One parallel function calling all
# the dense kernels directly took 17-18 s of CPU to compile; the launchers and their kernels
# take about 10 (Numba's compile events; bench/NOTES.md).

# Values of the types the launchers pass for what they make themselves (a row range, one image's
# row of z): kernel_address compiles the kernels for these.
_N0 = np.int64(0)
_ROW = np.zeros(1, dtype=np.float32)


@pjit
def _launch_forward(rows_addr, act_addr, parts, x, w, b, code, z):
    """forward_rows (at rows_addr) with weight rows split over `parts` threads, each applying
    f (apply_1d, at act_addr) to its own columns of z; softmax (code 4) needs whole rows, so it
    is applied on the calling thread afterwards."""
    for t in prange(parts):
        fp = flush_denormals()
        j0, j1 = span(w.shape[0], parts, t, 1)
        jit_fn(rows_addr, (x, w, b, z, j0, j1))(x, w, b, z, j0, j1)
        if code != 0 and code != 4:
            for n in range(z.shape[0]):
                zn = z[n, j0:j1]
                jit_fn(act_addr, (zn, code))(zn, code)
        restore_fp(fp)
    if code == 4:
        fp = flush_denormals()
        for n in range(z.shape[0]):
            zn = z[n]
            jit_fn(act_addr, (zn, code))(zn, code)
        restore_fp(fp)


@pjit
def _launch_backward(
    delta_addr,
    bias_addr,
    dx_addr,
    dw_addr,
    parts,
    x,
    w,
    b,
    code,
    a,
    g,
    is_dz,
    delta,
    dx,
    dxp,
    need_dx,
    gw,
    gb,
    update,
    lr,
    decay,
    momentum,
    vw,
    vb,
):
    """prepare_delta and bias_step on the calling thread, then each thread on the rows of w it
    owns in forward: dx_rows (thread 0 into dx, thread t into dxp[t - 1], summed at the end),
    then dw_rows. Parts 1 wakes no other thread. The *_addr are those kernels' addresses."""
    fp = flush_denormals()
    jit_fn(delta_addr, (a, g, code, is_dz, delta))(a, g, code, is_dz, delta)
    bias = (delta, b, gb, update, lr, momentum, vb)
    jit_fn(bias_addr, bias)(*bias)
    units = w.shape[0]
    step = (update, lr, decay, momentum, vw)
    if parts == 1:
        j0, j1 = span(units, 1, 0, 1)
        if need_dx:
            jit_fn(dx_addr, (delta, w, dx, j0, j1))(delta, w, dx, j0, j1)
        jit_fn(dw_addr, (x, delta, w, gw, *step, j0, j1))(x, delta, w, gw, *step, j0, j1)
        restore_fp(fp)
        return
    for t in prange(parts):
        fpt = flush_denormals()
        j0, j1 = span(units, parts, t, 1)
        if need_dx:  # this thread's rows' share of dx, before it updates them
            dxt = dx if t == 0 else dxp[t - 1]
            jit_fn(dx_addr, (delta, w, dxt, j0, j1))(delta, w, dxt, j0, j1)
        jit_fn(dw_addr, (x, delta, w, gw, *step, j0, j1))(x, delta, w, gw, *step, j0, j1)
        restore_fp(fpt)
    if need_dx:
        for t in range(1, parts):
            for n in range(dx.shape[0]):
                add_rows(dx[n], dxp[t - 1, n])
    restore_fp(fp)


def forward_par(parts, x, w, b, code, z, kept=None):
    """z = f(x w^T + b) with weight rows split over `parts` threads (for large layers).
    `kept`: see `kept_address`."""
    addresses = None if kept is None else kept.get("forward")
    if addresses is None:  # one dict lookup a call when kept: small layers feel each us
        addresses = (
            kernel_address(forward_rows, (x, w, b, z, _N0, _N0)),
            kernel_address(apply_1d, (_ROW, code)),
        )
        if kept is not None:
            kept["forward"] = addresses
    _launch_forward(*addresses, parts, x, w, b, code, z)


def backward_par(
    parts,
    x,
    w,
    b,
    code,
    a,
    g,
    is_dz,
    delta,
    dx,
    dxp,
    need_dx,
    gw,
    gb,
    update,
    lr,
    decay,
    momentum,
    vw,
    vb,
    kept=None,
):
    """The fused dense backward on `parts` threads given the output a and dC/da g (or dC/dz
    when is_dz): delta and the bias step, then each thread's rows of w: their share of dx
    (into dx, or dxp[t - 1] for thread t), their gradient into gw or their SGD step.
    Arguments not used may be stand-ins. `kept`: see `kept_address`.
    """
    addresses = None if kept is None else kept.get("backward")
    if addresses is None:  # as in forward_par
        step = (update, lr, decay, momentum, vw, _N0, _N0)
        addresses = (
            kernel_address(prepare_delta, (a, g, code, is_dz, delta)),
            kernel_address(bias_step, (delta, b, gb, update, lr, momentum, vb)),
            kernel_address(dx_rows, (delta, w, dx, _N0, _N0)),
            kernel_address(dw_rows, (x, delta, w, gw, *step)),
        )
        if kept is not None:
            kept["backward"] = addresses
    args = (x, w, b, code, a, g, is_dz, delta, dx, dxp, need_dx, gw, gb)
    _launch_backward(*addresses, parts, *args, update, lr, decay, momentum, vw, vb)


@jit
def add_rows(y, x):
    """y += x over len(y)."""
    for k in range(y.shape[0]):
        y[k] += x[k]


# ----------------------------------------------------------------------------- older kernels
# The plain kernels below serve the layer-by-layer path (Layer.backward) and tests.


@jit
def forward(x, w, b, z):
    """z[n, j] = b[j] + sum_k w[j, k] x[n, k]."""
    for n in range(x.shape[0]):
        forward_rows(x[n : n + 1], w, b, z[n : n + 1], 0, w.shape[0])


@pjit
def backward_weights(x, delta, dw, db):
    """dw[j, k] = sum_n delta[n, j] x[n, k];  db[j] = sum_n delta[n, j]; split over rows j."""
    n_img, n_in = x.shape
    for j in prange(dw.shape[0]):
        dwj = dw[j]
        dwj[:] = 0.0
        acc_b = np.float32(0.0)
        for n in range(n_img):
            d = delta[n, j]
            acc_b += d
            if d == 0.0:
                continue
            xn = x[n]
            for k in range(n_in):
                dwj[k] += d * xn[k]
        db[j] = acc_b


@pjit
def backward_input(delta, w, dx):
    """dx[n, k] = sum_j delta[n, j] w[j, k]; split over images, zero deltas skipped."""
    n_img, n_out = delta.shape
    n_in = w.shape[1]
    for n in prange(n_img):
        dxn = dx[n]
        dxn[:] = 0.0
        for j in range(n_out):
            d = delta[n, j]
            if d == 0.0:
                continue
            wj = w[j]
            for k in range(n_in):
                dxn[k] += d * wj[k]
