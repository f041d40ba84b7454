"""Teaching notes for canvas blocks: where a layer's parameters come from and what they buy.

Plain functions over the engine's LayerInfo rows (QtCore only, for translation), so the numbers
can be tested without a window. The conv note makes Nielsen's chapter 6 point: shared weights
make a convolution far cheaper than a dense layer; the groups note shows what splitting the
channels into groups saves (AlexNet's two GPUs; "Deep Roots").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from playground.engine.spec import LayerInfo

#: Nielsen's fully connected comparison: a hidden layer of 30 neurons (chapter 6).
BOOK_HIDDEN = 30


def _tr(text: str) -> str:
    return QCoreApplication.translate("CanvasTeaching", text)


def _same_outputs() -> tuple[str, str, str]:
    """A dense layer with the conv's outputs beside the conv: more, about as many, fewer."""
    return (
        _tr(
            "A dense layer producing the same {n_out:,} outputs from those {n_in:,} inputs "
            "would need {n_in:,} x {n_out:,} + {n_out:,} = {dense:,} parameters "
            "({ratio:,.0f} times as many)."
        ),
        _tr(
            "A dense layer producing the same {n_out:,} outputs from those {n_in:,} inputs "
            "would need {n_in:,} x {n_out:,} + {n_out:,} = {dense:,} parameters, about as "
            "many as this convolution's {p:,}."
        ),
        _tr(
            "A dense layer producing the same {n_out:,} outputs from those {n_in:,} inputs "
            "would need only {n_in:,} x {n_out:,} + {n_out:,} = {dense:,} parameters: this "
            "convolution has {ratio:,.0f} times as many. Shared weights save parameters only "
            "when a kernel is small beside the input it slides over."
        ),
    )


def _book() -> tuple[str, str, str]:
    """The book's 30 hidden neurons beside a first conv layer: more, about as many, fewer."""
    return (
        _tr(
            "The book's comparison: a fully connected first layer of {h} hidden neurons on "
            "the same {n_in:,} inputs needs {n_in:,} x {h} + {h} = {book:,} parameters "
            "({ratio:,.0f} times as many)."
        ),
        _tr(
            "The book's comparison: a fully connected first layer of {h} hidden neurons on "
            "the same {n_in:,} inputs needs {n_in:,} x {h} + {h} = {book:,} parameters, "
            "about as many as this convolution's {p:,}."
        ),
        _tr(
            "The book's comparison: a fully connected first layer of {h} hidden neurons on "
            "the same {n_in:,} inputs needs only {n_in:,} x {h} + {h} = {book:,} parameters: "
            "this convolution has {ratio:,.0f} times as many."
        ),
    )


def _size(shape: tuple[int, ...] | list[int]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n


def _shape(shape: tuple[int, ...] | list[int]) -> str:
    return "x".join(str(d) for d in shape)


def param_formula(info: LayerInfo, layer: dict[str, Any]) -> str:
    """How the block's parameter count is made, e.g. '20 x (1x5x5 + 1) = 520'."""
    if info.type == "conv":
        c = info.input_shape[0] // layer["groups"]
        k = layer["kernel"]
        return _tr("{f} filters x ({c}x{k}x{k} weights + 1 bias) = {p:,} parameters").format(
            f=layer["filters"], c=c, k=k, p=info.params
        )
    if info.type == "dense":
        n_in = _size(info.input_shape)
        units = layer["units"]
        return _tr("{u} neurons x ({n_in:,} weights + 1 bias) = {p:,} parameters").format(
            n_in=n_in, u=units, p=info.params
        )
    if info.type == "pool":
        return _tr("pooling has no parameters: it only summarises each {s}x{s} window").format(
            s=layer["size"]
        )
    return _tr("an activation has no parameters: it applies a function to each value")


def conv_comparison(info: LayerInfo, layer: dict[str, Any]) -> str:
    """A conv layer's parameters beside dense layers fed the same input.

    Two comparisons: a dense layer that produces the same number of outputs (every output
    connected to every input), and, for a first layer on the image, the book's: a fully
    connected first layer of 30 hidden neurons.
    """
    n_in = _size(info.input_shape)
    n_out = _size(info.output_shape)
    f, k = layer["filters"], layer["kernel"]
    seen = info.input_shape[0] // layer["groups"]  # the channels each filter reads
    per_filter = seen * k * k + 1
    same_outputs = n_in * n_out + n_out
    book = n_in * BOOK_HIDDEN + BOOK_HIDDEN
    text, ratio = _pick(same_outputs, info.params, *_same_outputs())
    lines = [
        _tr(
            "Shared weights: each of the {f} feature maps has one {c}x{k}x{k} kernel, used at "
            "every position, and 1 bias: {f} x {per} = {p:,} parameters for {n_out:,} outputs "
            "({shape}) from {n_in:,} inputs."
        ).format(
            f=f,
            c=seen,
            k=k,
            per=per_filter,
            p=info.params,
            n_out=n_out,
            shape=_shape(info.output_shape),
            n_in=n_in,
        ),
        text.format(n_in=n_in, n_out=n_out, dense=same_outputs, p=info.params, ratio=ratio),
    ]
    if info.index == 0:  # the book makes its comparison for a first layer, on the pixels
        text, ratio = _pick(book, info.params, *_book())
        lines.append(text.format(h=BOOK_HIDDEN, n_in=n_in, book=book, p=info.params, ratio=ratio))
    return "\n".join(lines)


def _pick(dense: int, conv: int, more: str, about: str, fewer: str) -> tuple[str, float]:
    """The sentence that fits `dense` parameters beside the conv's `conv`, and the ratio it
    states (always 2 or more where it states one): a 40-filter conv on a 20x1x1 input read
    "840 parameters (0 times as many)" beside its own 7,240."""
    ratio = dense / conv
    if ratio >= 1.5:
        return more, ratio
    if ratio > 1 / 1.5:
        return about, 1.0
    return fewer, 1 / ratio


def groups_saving(info: LayerInfo, layer: dict[str, Any]) -> str:
    """What groups > 1 saves against groups = 1, in weights (biases are the same)."""
    g = layer["groups"]
    c, f, k = info.input_shape[0], layer["filters"], layer["kernel"]
    grouped = f * k * k * (c // g)
    full = f * k * k * c
    return _tr(
        "Groups: with groups={g} on {c} -> {f} channels, each filter sees {cg} of the {c} input "
        "channels: {f}x{k}x{k}x{cg} = {grouped:,} weights versus {f}x{k}x{k}x{c} = {full:,} "
        "with groups=1 ({saved:,} fewer, {pct:.0f}% saved)."
    ).format(
        g=g,
        c=c,
        f=f,
        k=k,
        cg=c // g,
        grouped=grouped,
        full=full,
        saved=full - grouped,
        pct=100.0 * (full - grouped) / full,
    )


def block_note(info: LayerInfo | None, layer: dict[str, Any]) -> str:
    """The teaching note for a block ('' when its shape is unknown)."""
    if info is None:
        return ""
    parts = [param_formula(info, layer)]
    if info.type == "conv" and info.params:
        parts.append(conv_comparison(info, layer))
        if layer["groups"] > 1:
            parts.append(groups_saving(info, layer))
    return "\n\n".join(parts)
