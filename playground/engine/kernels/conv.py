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
def direct_plane(xg, wf, kk, acc, length):
    """acc[p] += sum_{c, ki, kj} wf[c, ki, kj] * xg[c, ki, p + kj] for p < length.

    xg is (Cg, H, W); p runs over the flattened rows (p = i * W + j), so reading past a row's
    end lands in the next row, which only feeds the junk columns j >= Wo.
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
def im2col(xn, stride, kk, ho, wo, col):
    """col[i * wo + j, (c * K + ki) * K + kj] = xn[c, i * stride + ki, j * stride + kj]."""
    k = len(kk)
    n_c = xn.shape[0]
    for i in range(ho):
        for j in range(wo):
            row = col[i * wo + j]
            t = 0
            for c in range(n_c):
                for ki in range(k):
                    src = xn[c, i * stride + ki]
                    c0 = j * stride
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
                while p + 3 < n_p:
                    c0 = col[p, t0 : t0 + tg]
                    c1 = col[p + 1, t0 : t0 + tg]
                    c2 = col[p + 2, t0 : t0 + tg]
                    c3 = col[p + 3, t0 : t0 + tg]
                    s00 = s01 = s02 = s03 = zero
                    for t in range(tg):
                        u = wa[t]
                        s00 += u * c0[t]
                        s01 += u * c1[t]
                        s02 += u * c2[t]
                        s03 += u * c3[t]
                    z[f, p] = s00 + b[f]
                    z[f, p + 1] = s01 + b[f]
                    z[f, p + 2] = s02 + b[f]
                    z[f, p + 3] = s03 + b[f]
                    p += 4
                while p < n_p:
                    c0 = col[p, t0 : t0 + tg]
                    s00 = zero
                    for t in range(tg):
                        s00 += wa[t] * c0[t]
                    z[f, p] = s00 + b[f]
                    p += 1
                f += 1


@jit
def epilogue_act(z, rs, code, out):
    """out[i, j] = f(z[i * rs + j]) for out (Ho, Wo)."""
    ho, wo = out.shape
    for i in range(ho):
        orow = out[i]
        zr = z[i * rs : i * rs + wo]
        for j in range(wo):
            orow[j] = zr[j]
        apply_1d(orow, code)


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
    xp, w, b, stride, groups, kk, direct, code, pool, out, arg, col, keep_col, n0, n1
):
    """Conv (+ bias, activation, optional fused max pool of size `pool`) for images n0..n1-1.

    xp (N, C, Hx, Wx) is the padded input; out is (N, F, Ho, Wo), or (N, F, Ho//pool, Wo//pool)
    with arg (same shape, int8 winners) when pool > 0. col (N, Ho*Wo, C*K*K) is filled when
    keep_col (training, im2col path); otherwise a scratch is used.
    """
    n_f, cg = w.shape[0], w.shape[1]
    k = len(kk)
    hx, wx = xp.shape[2], xp.shape[3]
    ho = (hx - k) // stride + 1
    wo = (wx - k) // stride + 1
    fg = n_f // groups
    if direct:
        length = (ho - 1) * wx + wo
        acc = np.empty(ho * wx, dtype=np.float32)
        rs = wx
        for n in range(n0, n1):
            for f in range(n_f):
                g = f // fg
                acc[:] = b[f]
                direct_plane(xp[n, g * cg : (g + 1) * cg], w[f], kk, acc, length)
                if pool > 0:
                    epilogue_pool(acc, rs, pool, out[n, f], arg[n, f])
                else:
                    epilogue_act(acc, rs, 0, out[n, f])
            apply_1d(out[n].reshape(out[n].size), code)
    else:
        w2 = w.reshape(n_f, cg * k * k)
        zbuf = np.empty((n_f, ho * wo), dtype=np.float32)
        scratch = np.empty((1, 1, 1), dtype=np.float32)
        if not keep_col:
            scratch = np.empty((1, ho * wo, xp.shape[1] * k * k), dtype=np.float32)
        for n in range(n0, n1):
            cn = col[n] if keep_col else scratch[0]
            im2col(xp[n], stride, kk, ho, wo, cn)
            dot_tiles(cn, w2, b, groups, zbuf)
            for f in range(n_f):
                if pool > 0:
                    epilogue_pool(zbuf[f], wo, pool, out[n, f], arg[n, f])
                else:
                    epilogue_act(zbuf[f], wo, 0, out[n, f])
            apply_1d(out[n].reshape(out[n].size), code)


@jit
def forward_fast(xp, w, b, stride, groups, kk, direct, code, pool, out, arg, col, keep_col):
    """forward_images over the whole batch on the calling thread."""
    forward_images(
        xp, w, b, stride, groups, kk, direct, code, pool, out, arg, col, keep_col, 0, xp.shape[0]
    )


@pjit
def forward_fast_par(
    xp, w, b, stride, groups, kk, direct, code, pool, out, arg, col, keep_col, parts
):
    """forward_images with the images split over `parts` threads."""
    n_img = xp.shape[0]
    for t in prange(parts):
        n0, n1 = span(n_img, parts, t, 1)
        forward_images(
            xp, w, b, stride, groups, kk, direct, code, pool, out, arg, col, keep_col, n0, n1
        )


@jit
def backward_dx_images(g, a, arg, code, pool, wt, stride, groups, kk, pad, dx, n0, n1):
    """dx for images n0..n1-1 from dC/da of the conv (or pooled) output g, at nonzero deltas.

    wt is the weight repacked (F, K, K * Cg) (channels innermost). dx is (N, C, H, W), unpadded.
    Accumulates in a channels-last (Hx, Wx * C) image, where with stride 1 and one group a tap
    row of the kernel is one contiguous run of K * C values.
    """
    n_f = wt.shape[0]
    k = len(kk)
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
        d3 = dxt.reshape(hx, wx, n_c)
        for c in range(n_c):
            for y in range(h):
                for x in range(w_in):
                    dx[n, c, y, x] = d3[y + pad, x + pad, c]


@pjit
def backward_dx_par(g, a, arg, code, pool, w, stride, groups, kk, pad, dx, parts):
    """backward_dx_images with the images split over `parts` threads (weights repacked once)."""
    n_f, cg, k = w.shape[0], w.shape[1], w.shape[2]
    wt = np.ascontiguousarray(w.transpose(0, 2, 3, 1)).reshape(n_f, k, k * cg)
    n_img = g.shape[0]
    for t in prange(parts):
        n0, n1 = span(n_img, parts, t, 1)
        backward_dx_images(g, a, arg, code, pool, wt, stride, groups, kk, pad, dx, n0, n1)


@jit
def backward_dx(g, a, arg, code, pool, w, stride, groups, kk, pad, dx):
    """backward_dx_images over the whole batch on the calling thread."""
    n_f, cg, k = w.shape[0], w.shape[1], w.shape[2]
    wt = np.ascontiguousarray(w.transpose(0, 2, 3, 1)).reshape(n_f, k, k * cg)
    backward_dx_images(g, a, arg, code, pool, wt, stride, groups, kk, pad, dx, 0, g.shape[0])


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
    xp,
    col,
    use_col,
    stride,
    groups,
    kk,
    w,
    b,
    update,
    lr,
    decay,
    momentum,
    vw,
    vb,
    gw,
    gb,
    f0,
    f1,
):
    """Weight and bias gradients of filters f0..f1-1, stored (update False) or applied at once.

    With im2col rows (use_col): the gradient row of f gathers d * col[p] over the positions p
    whose delta is nonzero. Otherwise (stride 1, few taps): the deltas of f are laid out as a
    flat map D over the input rows, and each tap's gradient is one long dot product
    sum_p D[p] x[c, ki, p + kj] (vectorised, where a sparse patch-by-patch sum is not); with
    K = 5 the five taps of a kernel row share each load of D.
    """
    n_f, cg = w.shape[0], w.shape[1]
    k = len(kk)
    tg = cg * k * k
    fg = n_f // groups
    n_img, hq, wq = g.shape[0], g.shape[2], g.shape[3]
    hx, wx = xp.shape[2], xp.shape[3]
    ho = (hx - k) // stride + 1
    wo = (wx - k) // stride + 1
    zero = np.float32(0.0)
    acc = np.empty(tg, dtype=np.float32)
    acc3 = acc.reshape(cg, k, k)
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
                    xc = xp[n, grp * cg + c].reshape(hx * wx)
                    for ki in range(k):
                        if k == 5:
                            s0, s1, s2, s3, s4 = dot5(dm, xc[ki * wx : ki * wx + length + 4])
                            acc3[c, ki, 0] += s0
                            acc3[c, ki, 1] += s1
                            acc3[c, ki, 2] += s2
                            acc3[c, ki, 3] += s3
                            acc3[c, ki, 4] += s4
                        else:
                            for kj in range(k):
                                o = ki * wx + kj
                                acc3[c, ki, kj] += dot(dm, xc[o : o + length])
        if update:
            sgd_seg(w[f].reshape(tg), acc, vw[f].reshape(tg), lr, decay, momentum)
            if momentum == 0.0:
                b[f] -= lr * sb
            else:
                vb[f] = momentum * vb[f] - lr * sb
                b[f] += vb[f]
        else:
            gw[f].reshape(tg)[:] = acc
            gb[f] = sb


@jit
def backward_dw(
    g,
    a,
    arg,
    code,
    pool,
    xp,
    col,
    use_col,
    stride,
    groups,
    kk,
    w,
    b,
    update,
    lr,
    decay,
    momentum,
    vw,
    vb,
    gw,
    gb,
):
    """backward_dw_filters over every filter on the calling thread."""
    backward_dw_filters(
        g,
        a,
        arg,
        code,
        pool,
        xp,
        col,
        use_col,
        stride,
        groups,
        kk,
        w,
        b,
        update,
        lr,
        decay,
        momentum,
        vw,
        vb,
        gw,
        gb,
        0,
        w.shape[0],
    )


@pjit
def backward_dw_par(
    g,
    a,
    arg,
    code,
    pool,
    xp,
    col,
    use_col,
    stride,
    groups,
    kk,
    w,
    b,
    update,
    lr,
    decay,
    momentum,
    vw,
    vb,
    gw,
    gb,
    parts,
):
    """backward_dw_filters with the filters split over `parts` threads."""
    n_f = w.shape[0]
    for t in prange(parts):
        f0, f1 = span(n_f, parts, t, 1)
        backward_dw_filters(
            g,
            a,
            arg,
            code,
            pool,
            xp,
            col,
            use_col,
            stride,
            groups,
            kk,
            w,
            b,
            update,
            lr,
            decay,
            momentum,
            vw,
            vb,
            gw,
            gb,
            f0,
            f1,
        )
