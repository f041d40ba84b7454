"""Dense-layer kernels and the SGD update shared by every parameter.

Dense products are our own kernels, not BLAS: at mini-batch sizes, OpenBLAS threads fight
with Numba's for the two cores, and a call costs more than the arithmetic.

Loop order is what makes them fast (LLVM only vectorises innermost loops, and keeps
accumulators in registers only when they are scalars):

* forward: z[n, j] = b[j] + w[j] . x[n] as dot products in tiles of 2 weight rows x 4 images,
  8 float32 accumulators over k, so each loaded vector of w or x feeds 4 or 2 FMAs;
* backward (`backward_cols`): threads split the columns k of w, so dx[:, k], the gradient and the
  update of w[:, k] all belong to one thread (no reductions, no races); columns are walked in
  blocks that stay in cache, zero deltas (ReLU) are skipped, and in training the SGD update is
  applied to each weight block right after its gradient is formed (w is read once, no dw array).
"""

from __future__ import annotations

import numpy as np
from numba import prange

from playground.engine.kernels import jit, pjit
from playground.engine.kernels.activations import apply_1d, grad_1d

#: Columns of w per block in backward: x[:, block], dx[:, block] and 4 rows of w fit L1.
_BLOCK = 256


@jit
def add_bias(z, b):
    """z[n, j] += b[j] in place; z is (N, M)."""
    n_rows, m = z.shape
    for n in range(n_rows):
        for j in range(m):
            z[n, j] += b[j]


@jit
def sgd_update(w, g, lr, decay, momentum, v):
    """One SGD step on a flat parameter, in place (Nielsen ch. 3 with momentum).

    v <- momentum * v - lr * (g + decay * w);  w <- w + v.  With momentum 0 this is
    w <- (1 - lr * decay) w - lr * g, where decay = l2 / n_train for weights and 0 for biases.
    """
    if momentum == 0.0:
        for i in range(w.shape[0]):
            w[i] -= lr * (g[i] + decay * w[i])
    else:
        for i in range(w.shape[0]):
            v[i] = momentum * v[i] - lr * (g[i] + decay * w[i])
            w[i] += v[i]


@jit
def sgd_seg(w, g, v, lr, decay, momentum):
    """sgd_update on a contiguous segment: w, g, v are views of equal length."""
    if momentum == 0.0:
        for k in range(w.shape[0]):
            w[k] = w[k] - lr * (g[k] + decay * w[k])
    else:
        for k in range(w.shape[0]):
            v[k] = momentum * v[k] - lr * (g[k] + decay * w[k])
            w[k] = w[k] + v[k]


@jit
def axpy4(y, a0, x0, a1, x1, a2, x2, a3, x3):
    """y += a0 x0 + a1 x1 + a2 x2 + a3 x3 over len(y) (a small function vectorises reliably)."""
    for k in range(y.shape[0]):
        y[k] = y[k] + (a0 * x0[k] + a1 * x1[k] + a2 * x2[k] + a3 * x3[k])


@jit
def set4(y, a0, x0, a1, x1, a2, x2, a3, x3):
    """y = a0 x0 + a1 x1 + a2 x2 + a3 x3 over len(y)."""
    for k in range(y.shape[0]):
        y[k] = a0 * x0[k] + a1 * x1[k] + a2 * x2[k] + a3 * x3[k]


@jit
def axpy2(y, a0, x0, a1, x1):
    """y += a0 x0 + a1 x1 over len(y)."""
    for k in range(y.shape[0]):
        y[k] = y[k] + (a0 * x0[k] + a1 * x1[k])


@jit
def grad_seg(gseg, x, c0, c1, delta, j, lst, cnt):
    """gseg = sum_q delta[lst[q], j] x[lst[q], c0:c1] over q < cnt: tiles of 4 images, the first
    written rather than added (no zeroing pass), a remainder of 2 in one pass."""
    q = 0
    if cnt >= 4:
        na, nb, nc, nd = lst[0], lst[1], lst[2], lst[3]
        set4(
            gseg,
            delta[na, j],
            x[na, c0:c1],
            delta[nb, j],
            x[nb, c0:c1],
            delta[nc, j],
            x[nc, c0:c1],
            delta[nd, j],
            x[nd, c0:c1],
        )
        q = 4
    else:
        gseg[:] = np.float32(0.0)
    while q + 3 < cnt:
        na, nb, nc, nd = lst[q], lst[q + 1], lst[q + 2], lst[q + 3]
        axpy4(
            gseg,
            delta[na, j],
            x[na, c0:c1],
            delta[nb, j],
            x[nb, c0:c1],
            delta[nc, j],
            x[nc, c0:c1],
            delta[nd, j],
            x[nd, c0:c1],
        )
        q += 4
    if q + 1 < cnt:
        na, nb = lst[q], lst[q + 1]
        axpy2(gseg, delta[na, j], x[na, c0:c1], delta[nb, j], x[nb, c0:c1])
        q += 2
    if q < cnt:
        na = lst[q]
        axpy1(gseg, delta[na, j], x[na, c0:c1])


@jit
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


@jit
def forward_rows(x, w, b, z, j0, j1):
    """z[n, j] = b[j] + sum_k w[j, k] x[n, k] for rows j0 <= j < j1 (no activation)."""
    n_img, n_in = x.shape
    zero = np.float32(0.0)
    j = j0
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
def prepare_delta(a, g, code, is_dz, delta, rows, n_rows, imgs, n_imgs):
    """delta = dC/dz (g itself when is_dz, else g * f'(a)), plus the lists of its nonzeros.

    rows[n, :n_rows[n]] are the units j with delta[n, j] != 0 (per image) and
    imgs[j, :n_imgs[j]] the images n with delta[n, j] != 0 (per unit): ReLU layers skip the rest.
    """
    n_img, units = delta.shape
    zero = np.float32(0.0)
    for n in range(n_img):
        if is_dz:
            for j in range(units):
                delta[n, j] = g[n, j]
        else:
            grad_1d(a[n], g[n], code, delta[n])
    for j in range(units):
        n_imgs[j] = 0
    for n in range(n_img):
        c = 0
        for j in range(units):
            if delta[n, j] != zero:
                rows[n, c] = j
                c += 1
                imgs[j, n_imgs[j]] = n
                n_imgs[j] += 1
        n_rows[n] = c


@jit
def backward_cols(
    x,
    delta,
    w,
    rows,
    n_rows,
    imgs,
    n_imgs,
    dx,
    need_dx,
    gw,
    update,
    lr,
    decay,
    momentum,
    vw,
    k0,
    k1,
):
    """Columns k0 <= k < k1 of the dense backward pass.

    dx[n, k] = sum_j delta[n, j] w[j, k] (with the weights before this step), then the weight
    gradient g[j, k] = sum_n delta[n, j] x[n, k] is either stored in gw (update False) or applied
    at once: w[j, k] -= lr (g + decay w) (with momentum through vw).

    Blocks of columns keep x[:, block], dx[:, block] and four weight rows in L1: a tile of four
    rows first adds its share to dx for every image, then forms and applies its own gradient
    (later tiles still read their old rows, so dx only ever sees the weights before the step).
    """
    n_img = x.shape[0]
    units = w.shape[0]
    block = 2 * _BLOCK if n_img <= 16 else _BLOCK // 2
    gbuf = np.empty(block, dtype=np.float32)
    zero = np.float32(0.0)
    for c0 in range(k0, k1, block):
        c1 = min(c0 + block, k1)
        if need_dx:
            for n in range(n_img):
                dx[n, c0:c1] = zero
        gseg = gbuf[: c1 - c0]
        for j0 in range(0, units, 4):
            j1 = min(j0 + 4, units)
            if need_dx:
                if j1 - j0 == 4:
                    wa = w[j0, c0:c1]
                    wb = w[j0 + 1, c0:c1]
                    wc = w[j0 + 2, c0:c1]
                    wd = w[j0 + 3, c0:c1]
                    for n in range(n_img):
                        da = delta[n, j0]
                        db = delta[n, j0 + 1]
                        dc = delta[n, j0 + 2]
                        dd = delta[n, j0 + 3]
                        if da != zero or db != zero or dc != zero or dd != zero:
                            axpy4(dx[n, c0:c1], da, wa, db, wb, dc, wc, dd, wd)
                else:
                    for j in range(j0, j1):
                        wa = w[j, c0:c1]
                        for n in range(n_img):
                            da = delta[n, j]
                            if da != zero:
                                axpy1(dx[n, c0:c1], da, wa)
            for j in range(j0, j1):
                grad_seg(gseg, x, c0, c1, delta, j, imgs[j], n_imgs[j])
                if update:
                    sgd_seg(w[j, c0:c1], gseg, vw[j, c0:c1], lr, decay, momentum)
                else:
                    gwj = gw[j, c0:c1]
                    for k in range(c1 - c0):
                        gwj[k] = gseg[k]


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


@pjit
def dense_par(
    op,
    parts,
    x,
    w,
    b,
    code,
    z,
    delta,
    rows,
    n_rows,
    imgs,
    n_imgs,
    dx,
    need_dx,
    gw,
    update,
    lr,
    decay,
    momentum,
    vw,
):
    """The dense kernels on `parts` threads, one parallel entry (each costs seconds to compile).

    op 0: forward (z = f(x w^T + b)), weight rows split; op 1: backward_cols, columns split
    (disjoint: no reduction needed). Arguments an op does not use may be stand-ins.
    """
    units, n_in = w.shape
    for t in prange(parts):
        if op == 0:
            j0, j1 = span(units, parts, t, 2)
            forward_rows(x, w, b, z, j0, j1)
            if code != 0 and code != 4:
                for n in range(z.shape[0]):
                    apply_1d(z[n, j0:j1], code)
        else:
            k0, k1 = span(n_in, parts, t, 16)
            backward_cols(
                x,
                delta,
                w,
                rows,
                n_rows,
                imgs,
                n_imgs,
                dx,
                need_dx,
                gw,
                update,
                lr,
                decay,
                momentum,
                vw,
                k0,
                k1,
            )
    if op == 0 and code == 4:
        for n in range(z.shape[0]):
            apply_1d(z[n], code)


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
