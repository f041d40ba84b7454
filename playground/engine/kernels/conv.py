"""Grouped 2-D convolution (cross-correlation, as in PyTorch) forward and backward.

Shapes: xp (N, C, Hp, Wp) is the input already zero-padded; w (F, C/groups, K, K); b (F,);
out (N, F, Ho, Wo) with Ho = floor((Hp - K) / stride) + 1. Filter f belongs to group
g = f // (F / groups) and sees only input channels g*C/groups .. (g+1)*C/groups - 1.
"""

from __future__ import annotations

import numpy as np
from numba import prange

from playground.engine.kernels import jit, pjit
from playground.engine.kernels.activations import apply_1d, grad_scalar
from playground.engine.kernels.dense import axpy1, sgd_seg, span


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
#     over the input rows (row stride = input width; columns past Wo are junk, never read), the
#     K x K taps unrolled (K is compile-time: `kk` is a tuple of length K), so LLVM vectorises
#     the positions;
#   * im2col + dot: col[p, t] = the taps of position p; z[f, p] = w[f] . col[p] as dot products
#     in 2 filters x 4 positions tiles (8 register accumulators). col is kept for training, where
#     the weight gradient reuses it.
# Backward works only where the gradient is nonzero: with a fused max pool that is the pooled
# winners (a quarter of the positions), and ReLU zeros are skipped.
#   * dx: per image, scattered in channels-last order (the Cg channels of a tap are contiguous in
#     the repacked weights wt[f, ki, kj, c]), then transposed back;
#   * dw: threads split the filters; each walks the images in order, adding d * patch to its
#     filter's gradient row, then applies the SGD update to that filter at once.


@jit
def direct_plane_k(xg, wf, kk, acc, length):
    """acc[p] += sum_{c, ki, kj} wf[c, ki, kj] * xg[c, ki, p + kj] for p < length, K = len(kk).

    xg is (Cg, H, W); p runs over the flattened rows (p = i * W + j), so reading past a row's
    end lands in the next row, which only feeds the junk columns j >= Wo. K is a compile-time
    constant (the length of the tuple kk), so the taps unroll and LLVM vectorises over p.
    """
    k = len(kk)
    for c in range(xg.shape[0]):
        xc = xg[c]
        wc = wf[c]
        for p in range(length):
            s = acc[p]
            for ki in range(k):
                for kj in range(k):
                    s += wc[ki, kj] * xc[ki, p + kj]
            acc[p] = s


@jit
def direct_plane(xg, wf, k, acc, length):
    """direct_plane_k for a runtime K: unrolled for K = 5 (the book's), a plain loop otherwise."""
    if k == 5:
        direct_plane_k(xg, wf, (0, 0, 0, 0, 0), acc, length)
    else:
        for c in range(xg.shape[0]):
            xc = xg[c]
            wc = wf[c]
            for ki in range(k):
                xr = xc[ki]
                for kj in range(k):
                    wv = wc[ki, kj]
                    for p in range(length):
                        acc[p] += wv * xr[p + kj]


@jit
def im2col(xn, stride, k, ho, wo, col):
    """col[i * wo + j, (c * K + ki) * K + kj] = xn[c, i * stride + ki, j * stride + kj]."""
    n_c = xn.shape[0]
    for i in range(ho):
        for j in range(wo):
            row = col[i * wo + j]
            t = 0
            c0 = j * stride
            for c in range(n_c):
                for ki in range(k):
                    src = xn[c, i * stride + ki]
                    for kj in range(k):
                        row[t + kj] = src[c0 + kj]
                    t += k


@jit
def dot_tiles(col, w2, b, groups, z):
    """z[f, p] = b[f] + w2[f] . col[p, group slice of f]; tiles of 2 filters x 4 positions."""
    n_f, tg = w2.shape
    n_p = col.shape[0]
    fg = n_f // groups
    zero = np.float32(0.0)
    for g in range(groups):
        t0 = g * tg
        f = g * fg
        f_end = f + fg
        while f < f_end:
            if f + 1 < f_end:
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
                    z[f, p] = s00 + b[f]
                    z[f, p + 1] = s01 + b[f]
                    z[f, p + 2] = s02 + b[f]
                    z[f, p + 3] = s03 + b[f]
                    z[f + 1, p] = s10 + b[f + 1]
                    z[f + 1, p + 1] = s11 + b[f + 1]
                    z[f + 1, p + 2] = s12 + b[f + 1]
                    z[f + 1, p + 3] = s13 + b[f + 1]
                    p += 4
                while p < n_p:
                    c0 = col[p, t0 : t0 + tg]
                    s00 = s10 = zero
                    for t in range(tg):
                        s00 += wa[t] * c0[t]
                        s10 += wb[t] * c0[t]
                    z[f, p] = s00 + b[f]
                    z[f + 1, p] = s10 + b[f + 1]
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
                    z[f, p] = s00 + b[f]
                    p += 1
                f += 1


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
    """out[pi, pj] = max of the size x size window of z (rows rs apart), arg = its winner.

    The winner is the first maximum in row-major window order (di * size + dj), as in PyTorch.
    """
    hp, wp = out.shape
    if size == 2:
        for pi in range(hp):
            r0 = z[2 * pi * rs : 2 * pi * rs + 2 * wp]
            r1 = z[(2 * pi + 1) * rs : (2 * pi + 1) * rs + 2 * wp]
            orow = out[pi]
            arow = arg[pi]
            for pj in range(wp):
                best = r0[2 * pj]
                where = 0
                v = r0[2 * pj + 1]
                if v > best:
                    best = v
                    where = 1
                v = r1[2 * pj]
                if v > best:
                    best = v
                    where = 2
                v = r1[2 * pj + 1]
                if v > best:
                    best = v
                    where = 3
                orow[pj] = best
                arow[pj] = where
        return
    for pi in range(hp):
        orow = out[pi]
        for pj in range(wp):
            base = pi * size * rs + pj * size
            best = z[base]
            where = 0
            for di in range(size):
                for dj in range(size):
                    v = z[base + di * rs + dj]
                    if v > best:
                        best = v
                        where = di * size + dj
            orow[pj] = best
            arg[pi, pj] = where


@jit
def forward_images(
    xp, w, w2, b, stride, groups, direct, code, pool, out, flat, arg, col, keep_col, n0, n1
):
    """Conv (+ bias, activation, optional fused max pool of size `pool`) for images n0..n1-1.

    xp (N, C, Hx, Wx) is the padded input, w (F, Cg, K, K) and w2 = w as (F, Cg*K*K). out is
    (N, F, Ho, Wo), or (N, F, Ho//pool, Wo//pool) with arg (same shape, int8 winners) when
    pool > 0; flat is out as (N, size of one image). col (N, Ho*Wo, C*K*K) is filled when
    keep_col (training, im2col path); otherwise one image's worth of scratch is used.
    """
    n_f, cg, k = w.shape[0], w.shape[1], w.shape[2]
    hx, wx = xp.shape[2], xp.shape[3]
    ho = (hx - k) // stride + 1
    wo = (wx - k) // stride + 1
    fg = n_f // groups
    if direct:
        length = (ho - 1) * wx + wo
        acc = np.empty(ho * wx, dtype=np.float32)
        for n in range(n0, n1):
            for f in range(n_f):
                g = f // fg
                acc[:] = b[f]
                direct_plane(xp[n, g * cg : (g + 1) * cg], w[f], k, acc, length)
                if pool > 0:
                    epilogue_pool(acc, wx, pool, out[n, f], arg[n, f])
                else:
                    epilogue_act(acc, wx, out[n, f])
            apply_1d(flat[n], code)
    else:
        zbuf = np.empty((n_f, ho * wo), dtype=np.float32)
        scratch = np.empty((1, ho * wo, xp.shape[1] * k * k), dtype=np.float32)
        for n in range(n0, n1):
            cn = col[n] if keep_col else scratch[0]
            im2col(xp[n], stride, k, ho, wo, cn)
            dot_tiles(cn, w2, b, groups, zbuf)
            for f in range(n_f):
                if pool > 0:
                    epilogue_pool(zbuf[f], wo, pool, out[n, f], arg[n, f])
                else:
                    epilogue_act(zbuf[f], wo, out[n, f])
            apply_1d(flat[n], code)


@jit
def backward_dx_images(g, a, arg, code, pool, wt, stride, groups, pad, dx, n0, n1):
    """dx for images n0..n1-1 from dC/da of the conv (or pooled) output g, at nonzero deltas.

    wt is the weight repacked (F, K, K * Cg) (channels innermost). dx is (N, C, H, W), unpadded.
    Accumulates in a channels-last (Hx, Wx * C) image, where with stride 1 and one group a tap
    row of the kernel is one contiguous run of K * C values.
    """
    n_f, k = wt.shape[0], wt.shape[1]
    cg = wt.shape[2] // k
    fg = n_f // groups
    n_c, h, w_in = dx.shape[1], dx.shape[2], dx.shape[3]
    hx, wx = h + 2 * pad, w_in + 2 * pad
    dxt = np.empty((hx, wx * n_c), dtype=np.float32)
    zero = np.float32(0.0)
    hq, wq = g.shape[2], g.shape[3]
    run = stride == 1 and groups == 1
    for n in range(n0, n1):
        dxt[:, :] = zero
        for f in range(n_f):
            c0 = (f // fg) * cg
            gf = g[n, f]
            af = a[n, f]
            wf = wt[f]
            for qi in range(hq):
                for qj in range(wq):
                    d = gf[qi, qj] * grad_scalar(af[qi, qj], code)
                    if d == zero:
                        continue
                    if pool > 0:
                        q = arg[n, f, qi, qj]
                        i = qi * pool + q // pool
                        j = qj * pool + q % pool
                    else:
                        i = qi
                        j = qj
                    if run:
                        for ki in range(k):
                            axpy1(dxt[i + ki, j * n_c : (j + k) * n_c], d, wf[ki])
                    else:
                        for ki in range(k):
                            row = dxt[i * stride + ki]
                            wr = wf[ki]
                            for kj in range(k):
                                o = (j * stride + kj) * n_c + c0
                                axpy1(row[o : o + cg], d, wr[kj * cg : (kj + 1) * cg])
        for c in range(n_c):
            for y in range(h):
                src = dxt[y + pad]
                dst = dx[n, c, y]
                for x in range(w_in):
                    dst[x] = src[(x + pad) * n_c + c]


@jit
def dot(a, b):
    """sum_k a[k] b[k] over len(a), in float32."""
    s = np.float32(0.0)
    for k in range(a.shape[0]):
        s += a[k] * b[k]
    return s


@jit
def dot5(a, b):
    """(a . b[0:], a . b[1:], ..., a . b[4:]) over len(a): 5 taps share each load of a."""
    s0 = s1 = s2 = s3 = s4 = np.float32(0.0)
    for k in range(a.shape[0]):
        v = a[k]
        s0 += v * b[k]
        s1 += v * b[k + 1]
        s2 += v * b[k + 2]
        s3 += v * b[k + 3]
        s4 += v * b[k + 4]
    return s0, s1, s2, s3, s4


@jit
def backward_dw_filters(
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
    f0,
    f1,
):
    """Weight and bias gradients of filters f0..f1-1, stored (update False) or applied at once.

    w2, vw2, gw2 are the weight, its velocity and its gradient as (F, Cg*K*K); xflat is the
    padded input as (N, C, Hx*Wx) with rows wx long. With im2col rows (use_col): the gradient
    row of f gathers d * col[p] over the positions p whose delta is nonzero. Otherwise (stride
    1, few taps): the deltas of f are laid out as a flat map D over the input rows and each
    tap's gradient is one long dot product sum_p D[p] x[c, ki*wx + kj + p] (vectorised, where
    a sparse patch-by-patch sum is not); with K = 5 a kernel row's five taps share each load.
    """
    n_f, tg = w2.shape
    cg = tg // (k * k)
    fg = n_f // groups
    n_img, hq, wq = g.shape[0], g.shape[2], g.shape[3]
    hx = xflat.shape[2] // wx
    ho = (hx - k) // stride + 1
    wo = (wx - k) // stride + 1
    zero = np.float32(0.0)
    acc = np.empty(tg, dtype=np.float32)
    length = (ho - 1) * wx + wo
    dmap = np.empty(ho * wx, dtype=np.float32)
    for f in range(f0, f1):
        grp = f // fg
        t0 = grp * tg
        acc[:] = zero
        sb = zero
        for n in range(n_img):
            gf = g[n, f]
            af = a[n, f]
            if not use_col:
                dmap[:] = zero
            hits = 0
            for qi in range(hq):
                for qj in range(wq):
                    d = gf[qi, qj] * grad_scalar(af[qi, qj], code)
                    if d == zero:
                        continue
                    sb += d
                    hits += 1
                    if pool > 0:
                        q = arg[n, f, qi, qj]
                        i = qi * pool + q // pool
                        j = qj * pool + q % pool
                    else:
                        i = qi
                        j = qj
                    if use_col:
                        axpy1(acc, d, col[n, i * wo + j, t0 : t0 + tg])
                    else:
                        dmap[i * wx + j] = d
            if not use_col and hits > 0:
                dm = dmap[:length]
                for c in range(cg):
                    xc = xflat[n, grp * cg + c]
                    for ki in range(k):
                        t = (c * k + ki) * k
                        if k == 5:
                            s0, s1, s2, s3, s4 = dot5(dm, xc[ki * wx : ki * wx + length + 4])
                            acc[t] += s0
                            acc[t + 1] += s1
                            acc[t + 2] += s2
                            acc[t + 3] += s3
                            acc[t + 4] += s4
                        else:
                            for kj in range(k):
                                o = ki * wx + kj
                                acc[t + kj] += dot(dm, xc[o : o + length])
        if update:
            sgd_seg(w2[f], acc, vw2[f], lr, decay, momentum)
            if momentum == 0.0:
                b[f] -= lr * sb
            else:
                vb[f] = momentum * vb[f] - lr * sb
                b[f] += vb[f]
        else:
            gf2 = gw2[f]
            for t in range(tg):
                gf2[t] = acc[t]
            gb[f] = sb


@pjit
def conv_par(
    op,
    parts,
    xp,
    w,
    w2,
    b,
    stride,
    groups,
    direct,
    code,
    pool,
    out,
    flat,
    arg,
    col,
    keep_col,
    g,
    wt,
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
):
    """The conv kernels on `parts` threads (1: the calling thread), one parallel entry for all.

    op 0: forward_images, images split; 1: backward_dx_images, images split; 2:
    backward_dw_filters, filters split. Arguments an op does not use may be stand-ins. One
    entry point rather than three: each parallel function costs seconds to compile.
    """
    k = w.shape[2]
    for t in prange(parts):
        if op == 0:
            n0, n1 = span(xp.shape[0], parts, t, 1)
            forward_images(
                xp,
                w,
                w2,
                b,
                stride,
                groups,
                direct,
                code,
                pool,
                out,
                flat,
                arg,
                col,
                keep_col,
                n0,
                n1,
            )
        elif op == 1:
            n0, n1 = span(g.shape[0], parts, t, 1)
            backward_dx_images(g, out, arg, code, pool, wt, stride, groups, pad, dx, n0, n1)
        else:
            f0, f1 = span(w.shape[0], parts, t, 1)
            backward_dw_filters(
                g,
                out,
                arg,
                code,
                pool,
                xflat,
                wx,
                col,
                not direct,
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
                f0,
                f1,
            )
