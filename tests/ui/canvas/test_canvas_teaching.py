"""Teaching notes: the parameter comparisons the conv blocks show, computed from engine rows."""

from __future__ import annotations

from playground.engine.spec import infer
from playground.ui.canvas.teaching import block_note, conv_comparison, groups_saving

CONV = {
    "type": "conv",
    "filters": 20,
    "kernel": 5,
    "stride": 1,
    "padding": 0,
    "groups": 1,
    "activation": "sigmoid",
}
OUT = {"type": "dense", "units": 10, "activation": "softmax"}


def rows(input_shape: list[int], *layers: dict) -> list:
    return infer({"input": input_shape, "layers": [*layers, OUT], "cost": "log-likelihood"})


def test_the_books_seed_example() -> None:
    row = rows([1, 28, 28], CONV)[0]
    text = conv_comparison(row, CONV)
    assert "each of the 20 feature maps has one 1x5x5 kernel" in text
    assert "20 x 26 = 520 parameters for 11,520 outputs (20x24x24)" in text
    assert "784 x 30 + 30 = 23,550 parameters (45 times as many)" in text
    # The same 20x24x24 outputs from a dense layer: 784 * 11520 + 11520 weights and biases.
    assert f"{784 * 11520 + 11520:,}" == "9,043,200"
    assert "784 x 11,520 + 11,520 = 9,043,200 parameters" in text


def test_a_later_conv_layer_counts_its_kernels_channels_and_skips_the_books_comparison() -> None:
    """The book compares 30 hidden neurons with the first layer on the 784 pixels only; a second
    conv layer's kernels span the channels its group reads (grouped-conv's conv2: 10x5x5)."""
    pool = {"type": "pool", "mode": "max", "size": 2}
    conv2 = {**CONV, "filters": 40, "groups": 2}
    row = rows([1, 28, 28], CONV, pool, conv2)[2]
    text = conv_comparison(row, conv2)
    assert "each of the 40 feature maps has one 10x5x5 kernel" in text
    assert "40 x 251 = 10,040 parameters" in text
    assert "book" not in text


def test_groups_saving_against_groups_one() -> None:
    layer = {**CONV, "filters": 64, "kernel": 3, "groups": 2}
    row = rows([32, 10, 10], layer)[0]
    assert row.params == 64 * 16 * 9 + 64
    text = groups_saving(row, layer)
    assert "64x3x3x16 = 9,216 weights versus 64x3x3x32 = 18,432" in text
    assert "50% saved" in text
    assert "Groups:" in block_note(row, layer)
    assert "Groups:" not in block_note(rows([32, 10, 10], CONV)[0], CONV)


def test_dense_and_pool_notes_explain_their_counts() -> None:
    pool = {"type": "pool", "mode": "max", "size": 2}
    dense = {"type": "dense", "units": 30, "activation": "sigmoid"}
    pool_row, dense_row, _ = rows([1, 28, 28], pool, dense)
    assert "no parameters" in block_note(pool_row, pool)
    assert "30 neurons x (196 weights + 1 bias) = 5,910 parameters" in block_note(dense_row, dense)
    assert block_note(None, dense) == ""


def test_a_dense_layer_that_would_be_cheaper_is_said_to_be() -> None:
    # conv 40@3x3 p1 on a 20x1x1 input read "would need 20 x 40 + 40 = 840 parameters (0 times
    # as many)" beside the conv's own 7,240.
    conv = {**CONV, "filters": 40, "kernel": 3, "padding": 1}
    row = rows([20, 1, 1], conv)[0]
    assert row.params == 7_240
    text = conv_comparison(row, conv)
    assert "would need only 20 x 40 + 40 = 840 parameters" in text
    assert "this convolution has 9 times as many" in text  # 7,240 / 840 = 8.6
    assert "needs only 20 x 30 + 30 = 630 parameters: this convolution has 11 times" in text
    assert " 0 times" not in text


def test_the_books_comparison_never_says_0_or_1_times() -> None:
    wide = {**CONV, "filters": 1000}  # 26,000 parameters against the book's 23,550
    row = rows([1, 28, 28], wide)[0]
    text = conv_comparison(row, wide)
    assert "= 23,550 parameters, about as many as this convolution's 26,000" in text
    widest = {**CONV, "filters": 1600, "kernel": 27}  # 1,168,000 against 23,550
    row = rows([1, 28, 28], widest)[0]
    text = conv_comparison(row, widest)
    assert "needs only 784 x 30 + 30 = 23,550 parameters" in text
    assert "this convolution has 50 times as many" in text
    assert " 0 times" not in text and " 1 times" not in text
