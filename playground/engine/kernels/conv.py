"""Grouped 2-D convolution (cross-correlation, as in PyTorch) forward and backward.

Shapes: xp (N, C, Hp, Wp) is the input already zero-padded; w (F, C/groups, K, K); b (F,);
out (N, F, Ho, Wo) with Ho = floor((Hp - K) / stride) + 1. Filter f belongs to group
g = f // (F / groups) and sees only input channels g*C/groups .. (g+1)*C/groups - 1.
"""

from __future__ import annotations

import numba
import numpy as np
from numba import prange

from playground.engine.kernels import (
    ERRORS,
    FASTMATH,
    flush_denormals,
    jit,
    jit_fn,
    kept_address,
    pjit,
    restore_fp,
)
from playground.engine.kernels.activations import apply_1d, grad_scalar
from playground.engine.kernels.dense import axpy1, axpy4, axpy8, dot4x1, dot4x4, sgd_seg, span


@pjit
def forward(xp, w, b, stride, groups, out):
    """out[n, f] = b[f] + sum_{c, ki, kj} w[f, c, ki, kj] * xp[n, g*Cg + c, i*s + ki, j*s + kj]."""
    n_img, n_f, ho, wo = out.shape
    cg, k = w.shape[1], w.shape[2]
    fg = n_f // groups
    for t in prange(n_img * n_f):
        n = t // n_f
        f = t % n_f
        g = f // fg
        o = out[n, f]
        bias = b[f]
        for i in range(ho):
            for j in range(wo):
                o[i, j] = bias
        for c in range(cg):
            xc = xp[n, g * cg + c]
            for ki in range(k):
                for kj in range(k):
                    wv = w[f, c, ki, kj]
                    for i in range(ho):
                        row = xc[i * stride + ki]
                        for j in range(wo):
                            o[i, j] += wv * row[j * stride + kj]


@pjit
def backward_weights(xp, delta, stride, groups, dw, db):
    """dw[f, c, ki, kj] = sum_{n, i, j} delta[n, f, i, j] * xp[n, g*Cg + c, i*s + ki, j*s + kj]."""
    n_img, n_f, ho, wo = delta.shape
    cg, k = dw.shape[1], dw.shape[2]
    fg = n_f // groups
    for f in prange(n_f):
        g = f // fg
        acc_b = 0.0
        for n in range(n_img):
            for i in range(ho):
                for j in range(wo):
                    acc_b += delta[n, f, i, j]
        db[f] = acc_b
        for c in range(cg):
            for ki in range(k):
                for kj in range(k):
                    acc = 0.0
                    for n in range(n_img):
                        xc = xp[n, g * cg + c]
                        d = delta[n, f]
                        for i in range(ho):
                            row = xc[i * stride + ki]
                            for j in range(wo):
                                acc += d[i, j] * row[j * stride + kj]
                    dw[f, c, ki, kj] = acc


@pjit
def backward_input(delta, w, stride, groups, dxp):
    """dxp[n, g*Cg + c, i*s + ki, j*s + kj] += w[f, c, ki, kj] * delta[n, f, i, j] (zeroed)."""
    n_img, n_f, ho, wo = delta.shape
    cg, k = w.shape[1], w.shape[2]
    fg = n_f // groups
    for t in prange(n_img * groups):
        n = t // groups
        g = t % groups
        for c in range(cg):
            dxp[n, g * cg + c] = 0.0
        for f in range(g * fg, (g + 1) * fg):
            d = delta[n, f]
            for c in range(cg):
                dx = dxp[n, g * cg + c]
                for ki in range(k):
                    for kj in range(k):
                        wv = w[f, c, ki, kj]
                        for i in range(ho):
                            row = i * stride + ki
                            for j in range(wo):
                                dx[row, j * stride + kj] += wv * d[i, j]


# ----------------------------------------------------------------------------- fast path
# The kernels below are what training and inference use. One image is handled by one thread:
#   z = conv(x) + b, then an epilogue: either a = f(z) for every position, or, when a max pool
#   follows, the pool taken on z (f is monotone, so max f(z) = f(max z)) with its winner kept, and
#   f applied to the pooled values only (4x fewer exps for a 2x2 pool).
# Two ways to form z:
#   * direct (stride 1, few taps per filter): a filter's output is computed as one flat vector
#     over the input rows (row stride = input width; columns past Wo are junk, never read), and
#     LLVM vectorises the positions; for K = 5, four filters of a group at once, a kernel row's
#     five taps unrolled, so each load of the input feeds 20 multiply-adds;
#   * im2col + dot: col[p, t] = the taps of position p, from a channels-last copy of the input
#     (a kernel row is one contiguous run); z[f, p] = w[f] . col[p] as dot products in 4 filters
#     x 4 positions tiles (16 register accumulators), 8 positions at a time while their rows are
#     in L1. col is kept for training, where the weight gradient reuses it.
# Backward works only where the gradient is nonzero: with a fused max pool that is the pooled
# winners (a quarter of the positions), and ReLU zeros are skipped.
#   * dx: per image, in im2col space: dcol[p] = sum of d * w[f] over the hits at p (weights
#     repacked channels innermost, short kernel rows padded; hits sorted by group and
#     position), each added at once into a channels-last image (col2im), transposed back;
#   * dw: threads split the images (each reads only what it wrote in forward) into partial
#     gradients: with im2col rows, d * col[p] added to the filter's gradient row (four rows per
#     pass); the direct path lays a filter's deltas out as a map and takes long dot products
#     with the input. The partials are summed filter by filter, and the SGD update applied at
#     once (training), or the gradient stored (gradients()).
# Python calls only conv_fwd_par and conv_bwd_par, at the end (also for one thread). They run
# forward_images, backward_dx_col, dw_accumulate and dw_finish from small parallel launchers,
# through the kernels' addresses (kernels/__init__.py), so each kernel compiles once, alone.


@jit
def direct_plane(xg, wf, k, acc, length):
    """acc[p] += sum_{c, ki, kj} wf[c, ki, kj] * xg[c, ki, p + kj] for p < length, any K.

    xg is (Cg, H, W); p runs over the flattened rows (p = i * W + j), so reading past a row's
    end lands in the next row, which only feeds the junk columns j >= Wo (so each channel is
    read as one flat plane: a row's own view would be indexed past its end).
    """
    plane = xg.shape[1] * xg.shape[2]
    for c in range(xg.shape[0]):
        xc = xg[c].reshape(plane)
        wc = wf[c]
        for ki in range(k):
            xr = xc[ki * xg.shape[2] :]
            for kj in range(k):
                wv = wc[ki, kj]
                for p in range(length):
                    acc[p] += wv * xr[p + kj]


# Inlined (Numba IR) into forward_images, its only caller: compiled on its own as well, it made
# the forward compile 1.5 s longer (measured, when the kernels were still linked into the
# parallel entry).
@jit(inline="always")
def direct_block4_k5(xg, wx, w, fa, fb, fc, fd, acc, length):
    """acc[q, p] += sum_{c, ki, kj} w[f_q, c, ki, kj] * xg[c, ki * wx + p + kj] for the four
    filters f_q = fa, fb, fc, fd, p < length, K = 5: they share each load of the input. xg is
    (Cg, H * W): flat rows, as in direct_plane (p = i * W + j; columns j >= Wo are junk).

    One kernel row at a time, so the 20 weights of that row stay in registers while LLVM
    vectorises over p (measured: 29% less time than one filter with all 25 taps unrolled).
    """
    a0, a1, a2, a3 = acc[0], acc[1], acc[2], acc[3]
    for c in range(xg.shape[0]):
        for ki in range(5):
            xr = xg[c, ki * wx :]
            wa, wb, wc, wd = w[fa, c, ki], w[fb, c, ki], w[fc, c, ki], w[fd, c, ki]
            u0, u1, u2, u3, u4 = wa[0], wa[1], wa[2], wa[3], wa[4]
            v0, v1, v2, v3, v4 = wb[0], wb[1], wb[2], wb[3], wb[4]
            s0, s1, s2, s3, s4 = wc[0], wc[1], wc[2], wc[3], wc[4]
            t0, t1, t2, t3, t4 = wd[0], wd[1], wd[2], wd[3], wd[4]
            for p in range(length):
                x0, x1, x2, x3, x4 = xr[p], xr[p + 1], xr[p + 2], xr[p + 3], xr[p + 4]
                a0[p] += u0 * x0 + u1 * x1 + u2 * x2 + u3 * x3 + u4 * x4
                a1[p] += v0 * x0 + v1 * x1 + v2 * x2 + v3 * x3 + v4 * x4
                a2[p] += s0 * x0 + s1 * x1 + s2 * x2 + s3 * x3 + s4 * x4
                a3[p] += t0 * x0 + t1 * x1 + t2 * x2 + t3 * x3 + t4 * x4


@jit
def copy_run(dst, src):
    """dst[:] = src[:len(dst)] (a small function vectorises reliably)."""
    for q in range(dst.shape[0]):
        dst[q] = src[q]


@jit
def copy_short(dst, src):
    """dst[:] = src[:len(dst)], 8 floats a step, the last step overlapping the one before (dst
    and src must not overlap): a short run gets no scalar tail. With 50 floats (grouped-conv's
    kernel rows) im2col took 9.6 us an image against 14.4 with copy_run; with 100 it was 8%
    slower than copy_run, so im2col_rows uses it below _RUN_PAD_BELOW only (measured)."""
    m = dst.shape[0]
    if m < 8:
        for q in range(m):
            dst[q] = src[q]
        return
    q = 0
    while q < m:
        if q + 8 > m:
            q = m - 8
        v0, v1, v2, v3 = src[q], src[q + 1], src[q + 2], src[q + 3]
        v4, v5, v6, v7 = src[q + 4], src[q + 5], src[q + 6], src[q + 7]
        dst[q], dst[q + 1], dst[q + 2], dst[q + 3] = v0, v1, v2, v3
        dst[q + 4], dst[q + 5], dst[q + 6], dst[q + 7] = v4, v5, v6, v7
        q += 8


@jit
def add_run(dst, src):
    """dst[:] += src[:len(dst)]."""
    for q in range(dst.shape[0]):
        dst[q] += src[q]


@jit
def to_channels_last(xn, groups, xt):
    """xt[g, y, x * Cg + c] = xn[g * Cg + c, y, x]: per group, channels innermost.

    Each channel is read as one flat plane and written every Cg floats: 3.0 us an image for
    20 x 12 x 12 against 5.2 with a loop per row (measured, 1 or 2 groups alike).
    """
    n_c, hx, wx = xn.shape
    cg = n_c // groups
    m = hx * wx
    src = xn.reshape(n_c, m)
    dst = xt.reshape(groups, m * cg)
    for c in range(n_c):
        d = dst[c // cg]
        cc = c % cg
        s = src[c]
        for q in range(m):
            d[q * cg + cc] = s[q]


@jit
def im2col_rows(xt, stride, k, wo, p0, p1, col):
    """col[p - p0, g*Tg + (ki*K + kj)*Cg + c] = xt[g, i*stride + ki, (j*stride + kj)*Cg + c] for
    the positions p0 <= p = i*wo + j < p1.

    From the channels-last input, a kernel row of taps is one contiguous run of K * Cg values
    (whatever the stride: the K input columns of a position are adjacent), so a position's
    taps are K copies per group.
    """
    groups = xt.shape[0]
    tg = col.shape[1] // groups
    cg = tg // (k * k)
    run = k * cg
    short = run < _RUN_PAD_BELOW
    for p in range(p0, p1):
        i = p // wo
        j = p - i * wo
        row = col[p - p0]
        x0 = j * stride * cg
        for g in range(groups):
            img = xt[g]
            for ki in range(k):
                o = g * tg + ki * run
                if short:
                    copy_short(row[o : o + run], img[i * stride + ki, x0 : x0 + run])
                else:
                    copy_run(row[o : o + run], img[i * stride + ki, x0 : x0 + run])


@jit(inline="always")
def dot_block4(col, w2, b, t0, tg, f, z, p0):
    """z[f + q, p0 + p] = b[f + q] + w2[f + q] . col[p, t0 : t0 + tg] for q < 4, every p of
    col: 4 x 4 tiles (dot4x4), then single positions."""
    n_p = col.shape[0]
    wa, wb, wc, wd = w2[f], w2[f + 1], w2[f + 2], w2[f + 3]
    ba, bb, bc, bd = b[f], b[f + 1], b[f + 2], b[f + 3]
    p = 0
    while p + 3 < n_p:
        c0, c1 = col[p, t0 : t0 + tg], col[p + 1, t0 : t0 + tg]
        c2, c3 = col[p + 2, t0 : t0 + tg], col[p + 3, t0 : t0 + tg]
        s = dot4x4(wa, wb, wc, wd, c0, c1, c2, c3)
        o = p0 + p
        for q in range(4):
            z[f, o + q] = s[q] + ba
            z[f + 1, o + q] = s[4 + q] + bb
            z[f + 2, o + q] = s[8 + q] + bc
            z[f + 3, o + q] = s[12 + q] + bd
        p += 4
    while p < n_p:
        s0, s1, s2, s3 = dot4x1(wa, wb, wc, wd, col[p, t0 : t0 + tg])
        o = p0 + p
        z[f, o], z[f + 1, o], z[f + 2, o], z[f + 3, o] = s0 + ba, s1 + bb, s2 + bc, s3 + bd
        p += 1


@jit
def dot_tiles(col, w2, b, groups, z, p0):
    """z[f, p0 + p] = b[f] + w2[f] . col[p, group slice of f]; tiles of 4 filters x 4 positions
    (2 x 4 and 1 x 1 for what is left).

    16 accumulators: each loaded vector feeds 4 FMAs (AVX-512's 32 vector registers hold them
    even at 256-bit width). Against 2 x 4 tiles, 40 filters x 64 positions at batch 10, one
    thread: 34 against 27 GMAC/s with 500 taps, 30 against 22 with 2 groups of 250.
    """
    n_f, tg = w2.shape
    n_p = col.shape[0]
    fg = n_f // groups
    zero = np.float32(0.0)
    for g in range(groups):
        t0 = g * tg
        f = g * fg
        f_end = f + fg
        while f < f_end:
            if f + 3 < f_end:
                dot_block4(col, w2, b, t0, tg, f, z, p0)
                f += 4
            elif f + 1 < f_end:
                wa = w2[f]
                wb = w2[f + 1]
                p = 0
                while p + 3 < n_p:
                    c0 = col[p, t0 : t0 + tg]
                    c1 = col[p + 1, t0 : t0 + tg]
                    c2 = col[p + 2, t0 : t0 + tg]
                    c3 = col[p + 3, t0 : t0 + tg]
                    s00 = s01 = s02 = s03 = s10 = s11 = s12 = s13 = zero
                    for t in range(tg):
                        u = wa[t]
                        v = wb[t]
                        s00 += u * c0[t]
                        s01 += u * c1[t]
                        s02 += u * c2[t]
                        s03 += u * c3[t]
                        s10 += v * c0[t]
                        s11 += v * c1[t]
                        s12 += v * c2[t]
                        s13 += v * c3[t]
                    z[f, p0 + p] = s00 + b[f]
                    z[f, p0 + p + 1] = s01 + b[f]
                    z[f, p0 + p + 2] = s02 + b[f]
                    z[f, p0 + p + 3] = s03 + b[f]
                    z[f + 1, p0 + p] = s10 + b[f + 1]
                    z[f + 1, p0 + p + 1] = s11 + b[f + 1]
                    z[f + 1, p0 + p + 2] = s12 + b[f + 1]
                    z[f + 1, p0 + p + 3] = s13 + b[f + 1]
                    p += 4
                while p < n_p:
                    c0 = col[p, t0 : t0 + tg]
                    s00 = s10 = zero
                    for t in range(tg):
                        s00 += wa[t] * c0[t]
                        s10 += wb[t] * c0[t]
                    z[f, p0 + p] = s00 + b[f]
                    z[f + 1, p0 + p] = s10 + b[f + 1]
                    p += 1
                f += 2
            else:
                wa = w2[f]
                p = 0
                while p < n_p:
                    c0 = col[p, t0 : t0 + tg]
                    s00 = zero
                    for t in range(tg):
                        s00 += wa[t] * c0[t]
                    z[f, p0 + p] = s00 + b[f]
                    p += 1
                f += 1


@jit
def pool_winner(qi, qj, q, pool):
    """(i, j) in the conv output of the winner q (row-major in its window) of pooled (qi, qj).

    A 2x2 pool takes shifts instead of a 64-bit division: the first conv layer's weight
    gradient went from 287 to 267 us a batch of 10 (one thread, measured).
    """
    if pool == 2:
        return 2 * qi + (q >> 1), 2 * qj + (q & 1)
    return qi * pool + q // pool, qj * pool + q % pool


@jit
def epilogue_act(z, rs, out):
    """out[i, j] = z[i * rs + j] for out (Ho, Wo) (the activation follows, over the image)."""
    ho, wo = out.shape
    for i in range(ho):
        orow = out[i]
        for j in range(wo):
            orow[j] = z[i * rs + j]


@jit
def epilogue_pool(z, rs, size, out, arg):
    """out[f, pi, pj] = max of the size x size window of z[f] (rows rs apart), arg = its winner,
    for every filter f of z (F, L) and out, arg (F, Hp, Wp).

    The winner is the first maximum in row-major window order (di * size + dj), as in PyTorch.
    A 2x2 window takes two maxima of pairs and one of those, for all the filters in one call:
    3.4 us an image for 40 maps of 8 x 8 against 5.2 with a call per map and a compare-and-
    branch per value (measured).
    """
    n_f, hp, wp = out.shape
    if size == 2:
        for f in range(n_f):
            zf = z[f]
            for pi in range(hp):
                r0 = zf[2 * pi * rs : 2 * pi * rs + 2 * wp]
                r1 = zf[(2 * pi + 1) * rs : (2 * pi + 1) * rs + 2 * wp]
                orow = out[f, pi]
                arow = arg[f, pi]
                for pj in range(wp):
                    v0, v1 = r0[2 * pj], r0[2 * pj + 1]
                    v2, v3 = r1[2 * pj], r1[2 * pj + 1]
                    top = max(v0, v1)
                    bottom = max(v2, v3)
                    orow[pj] = max(top, bottom)
                    if bottom > top:
                        arow[pj] = np.int8(3) if v3 > v2 else np.int8(2)
                    else:
                        arow[pj] = np.int8(1) if v1 > v0 else np.int8(0)
        return
    for f in range(n_f):
        zf = z[f]
        for pi in range(hp):
            orow = out[f, pi]
            for pj in range(wp):
                base = pi * size * rs + pj * size
                best = zf[base]
                where = 0
                for di in range(size):
                    for dj in range(size):
                        v = zf[base + di * rs + dj]
                        if v > best:
                            best = v
                            where = di * size + dj
                orow[pj] = best
                arg[f, pi, pj] = where


#: Positions per im2col tile in forward: 8 rows of taps stay in L1 while every filter passes.
_TILE = 8
# Values of the types the launchers pass for the arguments they make themselves (an image or
# filter range, a thread's partial gradients): kernel_address compiles the kernels for these.
_N0 = np.int64(0)
_ACC = np.zeros((1, 1), dtype=np.float32)
_SB = np.zeros(1, dtype=np.float32)
_ACCS = np.zeros((1, 1, 1), dtype=np.float32)
_SBS = np.zeros((1, 1), dtype=np.float32)
#: col2im adds each kernel row's K*Cg floats of a position's dcol row into the image with one
#: vector loop; LLVM runs it 32 floats an iteration and the rest through a slower tail (50
#: floats: 20 ns a call, 64: 12 ns). So a run shorter than _RUN_PAD_BELOW is padded with zeros
#: to a multiple of _RUN_ALIGN (the zeros add nothing to the image). In forward, im2col copies
#: such runs with copy_short, for the same reason.
_RUN_ALIGN = 32
_RUN_PAD_BELOW = 64


@jit
def forward_images(
    xp, w, w2, b, stride, groups, direct, code, pool, out, flat, arg, col, keep_col, n0, n1
):
    """Conv (+ bias, activation, optional fused max pool of size `pool`) for images n0..n1-1.

    xp (N, C, Hx, Wx) is the padded input, w (F, Cg, K, K); w2 is the weight repacked
    (F, K*K*Cg) with channels innermost (im2col path only). out is (N, F, Ho, Wo), or
    (N, F, Ho//pool, Wo//pool) with arg (same shape, int8 winners) when pool > 0; flat is out as
    (N, size of one image). The im2col path forms the rows a tile of positions at a time and
    takes the dot products while the tile is in L1; in training (keep_col) the rows land in
    col (N, Ho*Wo, C*K*K), kept for the weight gradient, otherwise in a one-tile scratch.
    """
    n_f, cg, k = w.shape[0], w.shape[1], w.shape[2]
    hx, wx = xp.shape[2], xp.shape[3]
    ho = (hx - k) // stride + 1
    wo = (wx - k) // stride + 1
    fg = n_f // groups
    if direct:
        length = (ho - 1) * wx + wo
        acc = np.empty((4, ho * wx), dtype=np.float32)
        for n in range(n0, n1):
            xn = xp[n].reshape(xp.shape[1], hx * wx)
            f = 0
            while f < n_f:
                g = f // fg
                nb = min(4, (g + 1) * fg - f)  # a block of filters stays in one group
                if k == 5:
                    # A short block repeats its last filter in the spare rows: 1-3 filters
                    # cost about what 4 do (measured: a lone 5x5 filter 1.6x its former
                    # one-filter loop, 10 us more per 10 images), one kernel fewer to compile.
                    last = f + nb - 1
                    fq = (f, min(f + 1, last), min(f + 2, last), min(f + 3, last))
                    for q in range(4):
                        acc[q] = b[fq[q]]
                    xg = xn[g * cg : (g + 1) * cg]
                    direct_block4_k5(xg, wx, w, fq[0], fq[1], fq[2], fq[3], acc, length)
                else:
                    for q in range(nb):
                        acc[q] = b[f + q]
                        direct_plane(xp[n, g * cg : (g + 1) * cg], w[f + q], k, acc[q], length)
                if pool > 0:
                    epilogue_pool(acc[:nb], wx, pool, out[n, f : f + nb], arg[n, f : f + nb])
                else:
                    for q in range(nb):
                        epilogue_act(acc[q], wx, out[n, f + q])
                f += nb
            apply_1d(flat[n], code)
    else:
        n_p = ho * wo
        zbuf = np.empty((n_f, n_p), dtype=np.float32)
        colt = np.empty((_TILE, xp.shape[1] * k * k), dtype=np.float32)
        xt = np.empty((groups, hx, wx * cg), dtype=np.float32)
        for n in range(n0, n1):
            to_channels_last(xp[n], groups, xt)
            for p0 in range(0, n_p, _TILE):
                p1 = min(p0 + _TILE, n_p)
                tile = col[n, p0:p1] if keep_col else colt[: p1 - p0]
                im2col_rows(xt, stride, k, wo, p0, p1, tile)
                dot_tiles(tile, w2, b, groups, zbuf, p0)
            if pool > 0:
                epilogue_pool(zbuf, wo, pool, out[n], arg[n])
            else:
                for f in range(n_f):
                    epilogue_act(zbuf[f], wo, out[n, f])
            apply_1d(flat[n], code)


@jit
def backward_dx_col(g, a, arg, code, pool, w2, stride, groups, k, pad, dx, n0, n1):
    """dx for images n0..n1-1 through im2col space (the im2col path's weight layout).

    The nonzero deltas are sorted by (group, position) (a counting sort); each group's part of
    a position's dcol row, sum of d * w2[f] over its hits, is formed in one small buffer, four
    weight rows per pass, and at once added run by run (col2im) into a channels-last image,
    transposed into dx (N, C, H, W) at the end. w2's kernel rows may be padded with zeros
    (padded_run). Forming every position's row first (64 rows of 2 KB through L2, not one in
    L1) and then adding them all took 1.17x as long for groups=1 at one thread, batch 10; with
    2 groups, and runs of 50 floats unpadded, 1.25x.
    """
    n_f, tg = w2.shape  # tg: a group's taps, each kernel row's run padded to runp
    n_c, h, w_in = dx.shape[1], dx.shape[2], dx.shape[3]
    cg = n_c // groups
    fg = n_f // groups
    run = k * cg
    runp = tg // k
    hx, wx = h + 2 * pad, w_in + 2 * pad
    ho = (hx - k) // stride + 1
    wo = (wx - k) // stride + 1
    n_p = ho * wo
    n_b = groups * n_p
    drow = np.empty(tg, dtype=np.float32)  # one position's dcol row of one group, in L1
    # room past a row's end for the last run's zero padding
    dxt = np.empty((groups, hx, wx * cg + runp - run), dtype=np.float32)
    zero = np.float32(0.0)
    hq, wq = g.shape[2], g.shape[3]
    cap = n_f * hq * wq
    hit_f = np.empty(cap, dtype=np.int32)
    hit_b = np.empty(cap, dtype=np.int64)
    hit_d = np.empty(cap, dtype=np.float32)
    by_f = np.empty(cap, dtype=np.int32)  # hit filters, sorted by (group, position)
    by_d = np.empty(cap, dtype=np.float32)
    start = np.empty(n_b + 1, dtype=np.int64)
    for n in range(n0, n1):
        hits = 0
        for f in range(n_f):
            gf = g[n, f]
            af = a[n, f]
            base = (f // fg) * n_p
            for qi in range(hq):
                for qj in range(wq):
                    d = gf[qi, qj] * grad_scalar(af[qi, qj], code)
                    if d == zero:
                        continue
                    if pool > 0:
                        i, j = pool_winner(qi, qj, arg[n, f, qi, qj], pool)
                    else:
                        i = qi
                        j = qj
                    hit_f[hits] = f
                    hit_b[hits] = base + i * wo + j
                    hit_d[hits] = d
                    hits += 1
        start[:] = 0
        for h_ in range(hits):
            start[hit_b[h_] + 1] += 1
        for b_ in range(n_b):
            start[b_ + 1] += start[b_]
        for h_ in range(hits):
            b_ = hit_b[h_]
            o = start[b_]
            by_f[o] = hit_f[h_]
            by_d[o] = hit_d[h_]
            start[b_] = o + 1
        for b_ in range(n_b - 1, 0, -1):
            start[b_] = start[b_ - 1]
        start[0] = 0
        dxt[:, :, :] = zero
        for i in range(ho):
            for j in range(wo):
                p = i * wo + j
                x0 = j * stride * cg
                for grp in range(groups):
                    b_ = grp * n_p + p
                    if start[b_] == start[b_ + 1]:
                        continue
                    # axpy_rows' loop, written out: inlined (it branches on 3, 2, 1 left) it
                    # ran this kernel 10-45% slower, and called, the call cost more still
                    drow[:] = zero
                    h_ = start[b_]
                    h1 = start[b_ + 1]
                    while h_ + 3 < h1:
                        d0, d1, d2, d3 = by_d[h_], by_d[h_ + 1], by_d[h_ + 2], by_d[h_ + 3]
                        r0, r1 = w2[by_f[h_]], w2[by_f[h_ + 1]]
                        r2, r3 = w2[by_f[h_ + 2]], w2[by_f[h_ + 3]]
                        axpy4(drow, d0, r0, d1, r1, d2, r2, d3, r3)
                        h_ += 4
                    while h_ < h1:
                        axpy1(drow, by_d[h_], w2[by_f[h_]])
                        h_ += 1
                    img = dxt[grp]
                    for ki in range(k):
                        o = ki * runp
                        add_run(img[i * stride + ki, x0 : x0 + runp], drow[o : o + runp])
        # back to (C, H, W), each source row read for its group's channels while in L1:
        # 1.4 us an image against 2.2 a channel at a time (20 x 12 x 12, measured)
        for grp in range(groups):
            for y in range(h):
                src = dxt[grp, y + pad, pad * cg : (pad + w_in) * cg]
                for cc in range(cg):
                    dst = dx[n, grp * cg + cc, y]
                    for x in range(w_in):
                        dst[x] = src[x * cg + cc]


@jit(inline="always")
def dot(a, b):
    """sum_k a[k] b[k] over len(a), in float32."""
    s = np.float32(0.0)
    for k in range(a.shape[0]):
        s += a[k] * b[k]
    return s


@jit(inline="always")
def dot5x4(d0, d1, d2, d3, x):
    """(d_q . x[kj:] for q < 4, kj < 5) over len(d0), in that order: the five taps of a kernel
    row for four filters, sharing each load of x (20 accumulators: AVX-512's 32 registers
    hold them at 256-bit width)."""
    z = np.float32(0.0)
    a0 = a1 = a2 = a3 = a4 = b0 = b1 = b2 = b3 = b4 = z
    c0 = c1 = c2 = c3 = c4 = e0 = e1 = e2 = e3 = e4 = z
    for p in range(d0.shape[0]):
        x0, x1, x2, x3, x4 = x[p], x[p + 1], x[p + 2], x[p + 3], x[p + 4]
        u = d0[p]
        a0 += u * x0
        a1 += u * x1
        a2 += u * x2
        a3 += u * x3
        a4 += u * x4
        u = d1[p]
        b0 += u * x0
        b1 += u * x1
        b2 += u * x2
        b3 += u * x3
        b4 += u * x4
        u = d2[p]
        c0 += u * x0
        c1 += u * x1
        c2 += u * x2
        c3 += u * x3
        c4 += u * x4
        u = d3[p]
        e0 += u * x0
        e1 += u * x1
        e2 += u * x2
        e3 += u * x3
        e4 += u * x4
    return (a0, a1, a2, a3, a4, b0, b1, b2, b3, b4, c0, c1, c2, c3, c4, e0, e1, e2, e3, e4)


@jit(inline="always")
def winner_deltas(gf, af, argf, code, pool, row, to_map, dm, hit_p, hit_d):
    """One filter's deltas at its conv output positions p = i * row + j, from the deltas gf of
    its outputs af (pooled: of the winners argf): written into the zeroed map dm[p] (to_map),
    else as a list of the nonzero ones, hit_p[h] = p and hit_d[h] for h < hits. Returns
    (hits, the sum of the deltas: the bias gradient).

    Branch-free: every delta is written and the count moves on past a nonzero one only (with
    ReLU's zeros, a skip branch mispredicted about half the time).
    """
    hq, wq = gf.shape
    zero = np.float32(0.0)
    hits = 0
    s = zero
    for qi in range(hq):
        for qj in range(wq):
            d = gf[qi, qj] * grad_scalar(af[qi, qj], code)
            s += d
            if pool > 0:
                i, j = pool_winner(qi, qj, argf[qi, qj], pool)
            else:
                i = qi
                j = qj
            if to_map:
                dm[i * row + j] = d
            else:
                hit_p[hits] = i * row + j
                hit_d[hits] = d
            hits += 1 if d != zero else 0
    return hits, s


@jit
def dw_accumulate(
    g, a, arg, code, pool, xflat, wx, col, use_col, stride, groups, k, acc, sb, n0, n1
):
    """Weight and bias gradients of every filter over images n0..n1-1, into acc (F, Cg*K*K) and
    sb (F,), which it zeroes first.

    Threads split the images, so each reads only the inputs and im2col rows it made itself in
    the forward pass (moving them between cores cost more than the arithmetic). With im2col
    rows (use_col), acc[f] is in im2col order (ki, kj, c) and gathers d * col[p] over the
    positions p whose delta is nonzero, eight rows a pass while there are eight. Otherwise
    (stride 1, few taps) the deltas of f are laid out as a flat map D over the input rows and
    each tap's gradient is one long dot product sum_p D[p] x[c, ki*wx + kj + p] (vectorised,
    where a sparse patch-by-patch sum is not); with K = 5 a kernel row's five taps of four
    filters share each load of x (dot5x4). A filter without a nonzero delta (a silent ReLU)
    takes no place among the four. acc is then in the weight's order.
    """
    n_f, tg = acc.shape
    cg = tg // (k * k)
    fg = n_f // groups
    hq, wq = g.shape[2], g.shape[3]
    hx = xflat.shape[2] // wx
    ho = (hx - k) // stride + 1
    wo = (wx - k) // stride + 1
    zero = np.float32(0.0)
    length = (ho - 1) * wx + wo
    dmaps = np.empty((4, ho * wx), dtype=np.float32)
    dm = dmaps[0]  # the im2col path's winner_deltas writes a hit list: dm is a stand-in
    slot_f = np.empty(4, dtype=np.int64)
    hit_p = np.empty(hq * wq, dtype=np.int64)
    hit_d = np.empty(hq * wq, dtype=np.float32)
    acc[:, :] = zero
    sb[:] = zero
    for n in range(n0, n1):
        if use_col:
            cn = col[n]
            for f in range(n_f):
                t0 = (f // fg) * tg
                af_acc = acc[f]
                gnf, anf, argf = g[n, f], a[n, f], arg[n, f] if pool > 0 else arg[0, 0]
                hits, s = winner_deltas(gnf, anf, argf, code, pool, wo, False, dm, hit_p, hit_d)
                sb[f] += s
                h_ = 0
                while h_ + 7 < hits:
                    hp = hit_p[h_ : h_ + 8]
                    r0, r1 = cn[hp[0], t0 : t0 + tg], cn[hp[1], t0 : t0 + tg]
                    r2, r3 = cn[hp[2], t0 : t0 + tg], cn[hp[3], t0 : t0 + tg]
                    r4, r5 = cn[hp[4], t0 : t0 + tg], cn[hp[5], t0 : t0 + tg]
                    r6, r7 = cn[hp[6], t0 : t0 + tg], cn[hp[7], t0 : t0 + tg]
                    axpy8(af_acc, hit_d[h_ : h_ + 8], r0, r1, r2, r3, r4, r5, r6, r7)
                    h_ += 8
                while h_ + 3 < hits:
                    d0, d1, d2, d3 = hit_d[h_], hit_d[h_ + 1], hit_d[h_ + 2], hit_d[h_ + 3]
                    r0 = cn[hit_p[h_], t0 : t0 + tg]
                    r1 = cn[hit_p[h_ + 1], t0 : t0 + tg]
                    r2 = cn[hit_p[h_ + 2], t0 : t0 + tg]
                    r3 = cn[hit_p[h_ + 3], t0 : t0 + tg]
                    axpy4(af_acc, d0, r0, d1, r1, d2, r2, d3, r3)
                    h_ += 4
                while h_ < hits:
                    axpy1(af_acc, hit_d[h_], cn[hit_p[h_], t0 : t0 + tg])
                    h_ += 1
            continue
        for grp in range(groups):
            used = 0  # filters of this group with a delta map waiting in dmaps
            for f in range(grp * fg, (grp + 1) * fg):
                dm = dmaps[used]
                dm[:] = zero
                gnf, anf, argf = g[n, f], a[n, f], arg[n, f] if pool > 0 else arg[0, 0]
                hits, s = winner_deltas(gnf, anf, argf, code, pool, wx, True, dm, hit_p, hit_d)
                sb[f] += s
                if hits > 0:  # else the next filter takes this map's place
                    slot_f[used] = f
                    used += 1
                if used == 4 or (used > 0 and f == (grp + 1) * fg - 1):
                    dw_direct_block(dmaps, slot_f, used, xflat[n], grp, cg, k, wx, length, acc)
                    used = 0


@jit
def dw_direct_block(dmaps, slot_f, nb, xn, grp, cg, k, wx, length, acc):
    """acc[slot_f[q], (c*K + ki)*K + kj] += dmaps[q] . x[grp*Cg + c, ki*wx + kj :] for q < nb
    (1 to 4 filters); a block of fewer than four repeats its last map and keeps its own sums."""
    last = nb - 1
    m0, m1 = dmaps[0, :length], dmaps[min(1, last), :length]
    m2, m3 = dmaps[min(2, last), :length], dmaps[min(3, last), :length]
    for c in range(cg):
        xc = xn[grp * cg + c]
        for ki in range(k):
            t = (c * k + ki) * k
            if k == 5:
                s20 = dot5x4(m0, m1, m2, m3, xc[ki * wx : ki * wx + length + 4])
                for q in range(nb):
                    for kj in range(5):
                        acc[slot_f[q], t + kj] += s20[5 * q + kj]
            else:
                for q in range(nb):
                    for kj in range(k):
                        o = ki * wx + kj
                        acc[slot_f[q], t + kj] += dot(dmaps[q, :length], xc[o : o + length])


@jit
def repack_taps(w2, k, w2t):
    """w2t[f, (ki*K + kj)*Cg + c] = w2[f, (c*K + ki)*K + kj]: a weight's taps with channels
    innermost, the im2col order (cheaper here than NumPy's strided copy, which cost 18-60 us
    per call on the UI-sized conv2, on the calling thread)."""
    n_f, tg = w2.shape
    kk = k * k
    cg = tg // kk
    for f in range(n_f):
        src = w2[f]
        dst = w2t[f]
        for c in range(cg):
            for kij in range(kk):
                dst[kij * cg + c] = src[c * kk + kij]


@jit
def pad_runs(w2t, k, runp, out):
    """out[f, ki*runp : ki*runp + K*Cg] = w2t[f, ki*K*Cg : (ki+1)*K*Cg], zeros after: repacked
    taps (repack_taps) with every kernel row's run padded to runp floats (see padded_run)."""
    n_f, tg = w2t.shape
    run = tg // k
    zero = np.float32(0.0)
    for f in range(n_f):
        for ki in range(k):
            dst = out[f, ki * runp : (ki + 1) * runp]
            copy_run(dst[:run], w2t[f, ki * run : (ki + 1) * run])
            for q in range(run, runp):
                dst[q] = zero


@jit
def dw_finish(accs, sbs, use_col, k, w2, b, update, lr, decay, momentum, vw2, vb, gw2, gb, f0, f1):
    """Sums the per-thread gradients accs (P, F, Tg), sbs (P, F) of filters f0..f1-1, puts im2col
    order (ki, kj, c) back into the weight's (c, ki, kj), then applies SGD at once (update) or
    stores the gradient in gw2, gb. w2, vw2, gw2 are (F, Cg*K*K)."""
    parts, _, tg = accs.shape
    cg = tg // (k * k)
    tmp = np.empty(tg, dtype=np.float32)
    row = np.empty(tg, dtype=np.float32)
    for f in range(f0, f1):
        copy_run(tmp, accs[0, f])
        s = sbs[0, f]
        for p in range(1, parts):
            add_run(tmp, accs[p, f])
            s += sbs[p, f]
        if use_col:
            for c in range(cg):
                for kij in range(k * k):
                    row[c * k * k + kij] = tmp[kij * cg + c]
        else:
            copy_run(row, tmp)
        if update:
            sgd_seg(w2[f], row, vw2[f], lr, decay, momentum)
            if momentum == 0.0:
                b[f] -= lr * s
            else:
                vb[f] = momentum * vb[f] - lr * s
                b[f] += vb[f]
        else:
            copy_run(gw2[f], row)
            gb[f] = s


# --- entries: Python wrappers over small parallel launchers ------------------------------------
# A launcher calls its kernel through the kernel's address (kernel_address, jit_fn) instead of
# linking it in: Numba would otherwise optimise the whole kernel tree again for the parallel
# loop's body and again for the launcher, most of the first compile's time.


@pjit
def _launch_fwd(
    addr, parts, xp, w, w2, b, stride, groups, direct, code, pool, out, flat, arg, col, keep_col
):
    """forward_images (at addr) on `parts` threads (1: the calling thread), images split."""
    for t in prange(parts):
        fp = flush_denormals()
        n0, n1 = span(xp.shape[0], parts, t, 1)
        args = (xp, w, w2, b, stride, groups, direct, code, pool, out, flat, arg, col, keep_col)
        jit_fn(addr, (*args, n0, n1))(*args, n0, n1)
        restore_fp(fp)


@pjit
def _launch_dx(addr, parts, g, a, arg, code, pool, w2t, stride, groups, k, pad, dx):
    """backward_dx_col (at addr) on `parts` threads (1: the calling thread), images split."""
    for t in prange(parts):
        fp = flush_denormals()
        n0, n1 = span(g.shape[0], parts, t, 1)
        args = (g, a, arg, code, pool, w2t, stride, groups, k, pad, dx)
        jit_fn(addr, (*args, n0, n1))(*args, n0, n1)
        restore_fp(fp)


def conv_fwd_par(
    parts, xp, w, b, stride, groups, direct, code, pool, out, flat, arg, col, keep_col, kept=None
):
    """forward_images on `parts` threads (1: the calling thread), images split. The im2col
    path's repacked weight is made here first, on the calling thread, and returned (None on
    the direct path): the input gradient needs it too, and it took 11-12 us to make. `kept`:
    see `kept_address`."""
    n_f = w.shape[0]
    w2 = w.reshape(n_f, -1)
    repacked = None
    if not direct:
        repacked = np.empty_like(w2)
        repack_taps(w2, w.shape[2], repacked)
        w2 = repacked
    args = (xp, w, w2, b, stride, groups, direct, code, pool, out, flat, arg, col, keep_col)
    _launch_fwd(kept_address(kept, "fwd", forward_images, (*args, _N0, _N0)), parts, *args)
    return repacked


# Not fused into one loop (Numba sees no dependence through a function pointer): dw_finish must
# wait for every thread's partial sums.
@numba.njit(
    cache=True, nogil=True, fastmath=FASTMATH, error_model=ERRORS, parallel={"fusion": False}
)
def _launch_dw(
    acc_addr,
    fin_addr,
    parts,
    g,
    a,
    arg,
    code,
    pool,
    xflat,
    wx,
    col,
    use_col,
    stride,
    groups,
    k,
    w2,
    b,
    update,
    lr,
    decay,
    momentum,
    vw2,
    vb,
    gw2,
    gb,
):
    """dw_accumulate (at acc_addr) with images split into per-thread partial gradients, then
    dw_finish (at fin_addr) with filters split."""
    n_f, tg = w2.shape
    accs = np.empty((parts, n_f, tg), dtype=np.float32)
    sbs = np.empty((parts, n_f), dtype=np.float32)
    acc_args = (g, a, arg, code, pool, xflat, wx, col, use_col, stride, groups, k)
    fin_args = (use_col, k, w2, b, update, lr, decay, momentum, vw2, vb, gw2, gb)
    for t in prange(parts):
        fp = flush_denormals()
        n0, n1 = span(g.shape[0], parts, t, 1)
        jit_fn(acc_addr, (*acc_args, accs[t], sbs[t], n0, n1))(*acc_args, accs[t], sbs[t], n0, n1)
        restore_fp(fp)
    for t in prange(parts):
        fp = flush_denormals()
        f0, f1 = span(n_f, parts, t, 1)
        jit_fn(fin_addr, (accs, sbs, *fin_args, f0, f1))(accs, sbs, *fin_args, f0, f1)
        restore_fp(fp)


def padded_run(run: int) -> int:
    """Floats per kernel row in the input gradient's im2col space: K*Cg taps rounded up to a
    multiple of _RUN_ALIGN when they are fewer than _RUN_PAD_BELOW (see _RUN_ALIGN)."""
    if run < _RUN_PAD_BELOW and run % _RUN_ALIGN:
        return (run + _RUN_ALIGN - 1) // _RUN_ALIGN * _RUN_ALIGN
    return run


def conv_bwd_par(
    op,
    parts,
    w2,
    b,
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
    pad,
    dx,
    xflat,
    wx,
    update,
    lr,
    decay,
    momentum,
    vw2,
    vb,
    gw2,
    gb,
    w2t=None,
    kept=None,
):
    """The conv backward kernels on `parts` threads (1: the calling thread).

    w2 is the weight as (F, Cg*K*K). op 1: backward_dx_col on the weight repacked with
    channels innermost (w2t, as conv_fwd_par returned it for these weights, or made here),
    images split. op 2: dw_accumulate with images split
    (per-thread partial gradients), then dw_finish with filters split. Arguments an op does not
    use may be stand-ins. `kept`: see `kept_address`.
    """
    if op == 1:
        if w2t is None:
            w2t = np.empty_like(w2)
            repack_taps(w2, k, w2t)
        run = w2t.shape[1] // k
        runp = padded_run(run)
        if runp != run:
            padded = np.empty((w2t.shape[0], k * runp), dtype=np.float32)
            pad_runs(w2t, k, runp, padded)
            w2t = padded
        args = (g, out, arg, code, pool, w2t, stride, groups, k, pad, dx)
        _launch_dx(kept_address(kept, "dx", backward_dx_col, (*args, _N0, _N0)), parts, *args)
        return
    use_col = not direct
    acc_args = (g, out, arg, code, pool, xflat, wx, col, use_col, stride, groups, k)
    fin_args = (w2, b, update, lr, decay, momentum, vw2, vb, gw2, gb)
    acc_addr = kept_address(kept, "acc", dw_accumulate, (*acc_args, _ACC, _SB, _N0, _N0))
    fin_addr = kept_address(kept, "fin", dw_finish, (_ACCS, _SBS, use_col, k, *fin_args, _N0, _N0))
    _launch_dw(acc_addr, fin_addr, parts, *acc_args, *fin_args)
