"""Shape formulas, parameter counts and every SpecError message."""

from __future__ import annotations

import pytest

from playground.engine import SpecError, infer, load_preset, preset_names
from playground.engine.spec import normalize, summary_table

MNIST = [1, 28, 28]


def spec(*layers: dict, cost: str | None = None, input_shape=None) -> dict:
    s = {"input": input_shape or MNIST, "layers": list(layers)}
    if cost:
        s["cost"] = cost
    return s


OUT = {"type": "dense", "units": 10, "activation": "softmax"}


@pytest.mark.parametrize(
    ("h", "k", "s", "p", "expected"),
    [
        (28, 5, 1, 0, 24),
        (28, 5, 2, 0, 12),
        (28, 3, 1, 1, 28),
        (28, 5, 2, 2, 14),
        (7, 7, 1, 0, 1),
        (10, 3, 3, 0, 3),
        (6, 4, 2, 1, 3),
    ],
)
def test_conv_output_size_formula(h, k, s, p, expected):
    rows = infer(
        spec(
            {"type": "conv", "filters": 3, "kernel": k, "stride": s, "padding": p},
            OUT,
            input_shape=[1, h, h],
        )
    )
    assert rows[0].output_shape == (3, expected, expected)
    assert expected == (h + 2 * p - k) // s + 1


@pytest.mark.parametrize(
    ("h", "size", "expected"), [(24, 2, 12), (25, 2, 12), (7, 3, 2), (5, 5, 1)]
)
def test_pool_drops_the_edge_remainder(h, size, expected):
    rows = infer(spec({"type": "pool", "size": size}, OUT, input_shape=[2, h, h]))
    assert rows[0].output_shape == (2, expected, expected)


def test_parameter_counts_follow_groups():
    rows = infer(
        spec(
            {"type": "conv", "filters": 32, "kernel": 3},
            {"type": "conv", "filters": 64, "kernel": 3, "groups": 2},
            OUT,
        )
    )
    assert rows[0].params == 32 * 9 + 32
    assert rows[1].params == 64 * 16 * 9 + 64  # half of 64 x 32 x 3 x 3
    assert rows[2].params == 64 * 24 * 24 * 10 + 10


def test_nielsen_conv_summary():
    rows = infer(load_preset("nielsen-conv"))
    assert [(r.name, r.shape_text, r.params) for r in rows] == [
        ("conv1", "20x24x24", 520),
        ("pool1", "20x12x12", 0),
        ("dense1", "100", 288100),
        ("dense2", "10", 1010),
    ]
    assert "Total parameters" in summary_table(rows) and "289,630" in summary_table(rows)


def test_names_defaults_and_aliases():
    norm = normalize(
        spec(
            {"type": "conv", "filters": 2, "kernel": 3, "name": "edges"},
            {"type": "pool", "size": 2, "mode": "Average"},
            {"type": "conv", "filters": 2, "kernel": 3, "activation": "ReLU"},
            {"type": "dense", "units": 10, "activation": "softmax"},
            cost="cross_entropy",
        )
    )
    # Default names count position among layers of that type, named ones included.
    assert [layer["name"] for layer in norm["layers"]] == ["edges", "pool1", "conv2", "dense1"]
    assert norm["layers"][1]["mode"] == "avg"
    assert norm["layers"][2]["activation"] == "relu"
    assert norm["layers"][0]["stride"] == 1 and norm["layers"][0]["groups"] == 1
    assert norm["cost"] == "cross-entropy"


def test_every_preset_is_valid_and_carries_training_settings():
    names = preset_names()
    assert {
        "nielsen-mlp",
        "nielsen-mlp-ce",
        "nielsen-conv",
        "nielsen-conv2",
        "nielsen-conv2-relu",
        "grouped-conv",
    } <= set(names)
    for name in names:
        preset = load_preset(name)
        infer(preset)
        assert preset["training"]["batch_size"] == 10
        assert preset["training"]["lr"] > 0


def test_grouped_preset_splits_the_second_convolution():
    rows = infer(load_preset("grouped-conv"))
    full = infer(load_preset("nielsen-conv2-relu"))
    assert rows[2].params == 40 * 10 * 25 + 40
    assert full[2].params == 40 * 20 * 25 + 40


ERRORS = [
    (
        "groups",
        spec(
            {"type": "conv", "filters": 20, "kernel": 5},
            {"type": "conv", "filters": 40, "kernel": 5, "groups": 3},
            OUT,
        ),
        1,
        ["conv2", "groups=3 must divide in_channels=20 and filters=40"],
    ),
    (
        "big kernel",
        spec({"type": "conv", "filters": 2, "kernel": 9}, OUT, input_shape=[1, 6, 6]),
        0,
        ["conv1", "kernel 9x9 is larger than its padded input 6x6"],
    ),
    (
        "dense after softmax",
        spec(OUT, {"type": "dense", "units": 10}),
        1,
        ["dense2", "cannot follow softmax"],
    ),
    (
        "unknown type",
        spec({"type": "convolution", "filters": 2}, OUT),
        0,
        ["unknown layer type 'convolution'", "conv, pool, dense"],
    ),
    ("missing key", spec({"type": "conv", "kernel": 5}, OUT), 0, ["conv1", "missing 'filters'"]),
    (
        "non-positive",
        spec({"type": "dense", "units": 0}, OUT),
        0,
        ["dense1", "units must be at least 1"],
    ),
    (
        "negative padding",
        spec({"type": "conv", "filters": 1, "kernel": 3, "padding": -1}, OUT),
        0,
        ["conv1", "padding must be 0 or more"],
    ),
    (
        "not a number",
        spec({"type": "conv", "filters": "many", "kernel": 3}, OUT),
        0,
        ["conv1", "filters must be a whole number"],
    ),
    (
        "pool too big",
        spec({"type": "pool", "size": 30}, OUT),
        0,
        ["pool1", "pooling window 30x30 is larger than its input 28x28"],
    ),
    (
        "cross-entropy",
        spec({"type": "dense", "units": 10, "activation": "relu"}, cost="cross-entropy"),
        0,
        ["cross-entropy needs outputs in (0, 1)", "relu"],
    ),
    (
        "log-likelihood",
        spec({"type": "dense", "units": 10, "activation": "sigmoid"}, cost="log-likelihood"),
        0,
        ["log-likelihood needs a softmax output"],
    ),
    (
        "last not dense",
        spec({"type": "conv", "filters": 2, "kernel": 3}),
        0,
        ["conv1", "the last layer must be dense"],
    ),
    (
        "last is pool",
        spec(OUT | {"activation": "sigmoid"}, {"type": "pool", "size": 2}),
        1,
        ["pool1", "needs images"],
    ),
    (
        "conv after dense",
        spec({"type": "dense", "units": 5}, {"type": "conv", "filters": 2, "kernel": 1}, OUT),
        1,
        ["conv1", "put it before any dense layer"],
    ),
    (
        "unknown setting",
        spec({"type": "conv", "filters": 2, "kernal": 3}, OUT),
        0,
        ["conv1", "unknown setting(s) kernal"],
    ),
    (
        "unknown activation",
        spec({"type": "dense", "units": 10, "activation": "swish"}),
        0,
        ["dense1", "unknown activation 'swish'"],
    ),
    (
        "softmax in conv",
        spec({"type": "conv", "filters": 2, "kernel": 3, "activation": "softmax"}, OUT),
        0,
        ["conv1", "softmax belongs on the output dense layer"],
    ),
    (
        "duplicate names",
        spec({"type": "dense", "units": 4, "name": "a"}, OUT | {"name": "a"}),
        1,
        ["two layers are called 'a'"],
    ),
    (
        "unknown pool mode",
        spec({"type": "pool", "size": 2, "mode": "min"}, OUT),
        0,
        ["pool1", "unknown pooling mode 'min'"],
    ),
    (
        "too many weights",  # 30,000 x 785: 94 MB a copy, and training keeps several copies
        spec({"type": "dense", "units": 30_000}, OUT),
        0,
        ["dense1", "23,550,000 weights and biases up to here", "more than the 20,000,000"],
    ),
    (
        "too wide an output",  # 5,000 maps of 26x26: 13.5 MB an image, 13.5 GB per 1,000
        spec({"type": "conv", "filters": 5000, "kernel": 3}, OUT),
        0,
        ["conv1", "output 5000x26x26 holds 3,380,000 values per image", "more than the 1,000,000"],
    ),
]


@pytest.mark.parametrize(("case", "bad", "index", "fragments"), ERRORS, ids=[e[0] for e in ERRORS])
def test_spec_errors_name_the_layer_and_the_fix(case, bad, index, fragments):
    with pytest.raises(SpecError) as info:
        infer(bad)
    for fragment in fragments:
        assert fragment in str(info.value)
    assert info.value.layer_index == index
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("bad", "sentence"),
    [
        (
            spec(OUT, {"type": "activation", "activation": "relu"}),
            "activation1: the activation layer cannot follow softmax (dense1)",
        ),
        (
            spec(OUT, {"type": "dense", "units": 10}),
            "dense2: the dense layer cannot follow softmax",
        ),
        (
            spec(OUT, {"type": "activation", "activation": "relu", "units": 3}),
            "activation1: unknown setting(s) units for the activation layer",
        ),
        (spec(OUT, {"type": "activation"}), "activation1: missing 'activation' for the activation"),
        (spec({"type": "pool", "sise": 2}, OUT), "unknown setting(s) sise for the pool layer"),
    ],
)
def test_messages_built_from_a_layer_type_read_right(bad, sentence):
    """ "a activation layer" read wrong. "the" fits every type, and needs no placeholder a
    translation would have to carry (Chinese has no article)."""
    with pytest.raises(SpecError) as info:
        infer(bad)
    assert sentence in str(info.value)
    assert " a activation" not in str(info.value)


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        ({"layers": [OUT]}, "no 'input'"),
        ({"input": [28, 28], "layers": [OUT]}, "input must be [channels, height, width]"),
        ({"input": MNIST, "layers": []}, "no layers"),
        ({"input": MNIST, "layers": [OUT], "cost": "hinge"}, "unknown cost 'hinge'"),
        ({"input": MNIST, "layers": [OUT], "optimizer": "adam"}, "unknown spec keys ['optimizer']"),
        ([1, 2], "must be a JSON object"),
    ],
)
def test_whole_spec_errors(bad, fragment):
    with pytest.raises(SpecError, match=None) as info:
        infer(bad)
    assert fragment in str(info.value)
    assert info.value.layer_index is None


def test_unknown_preset_lists_the_choices():
    with pytest.raises(SpecError) as info:
        load_preset("nielsen-transformer")
    assert "nielsen-conv" in str(info.value)


def test_an_infinite_setting_is_refused_with_a_message() -> None:
    """JSON's Infinity as a layer setting raised OverflowError from int(), no SpecError: the
    window printed a traceback instead of saying what was wrong."""
    with pytest.raises(SpecError, match="whole number"):
        normalize({"input": [784], "layers": [{"type": "dense", "units": float("inf")}]})


def test_a_spec_with_too_many_layers_is_refused_at_once() -> None:
    """1,000 layers took the canvas 8.5 s to lay out and validate, 10,000 minutes, with the
    window frozen; the book's networks have up to 7."""
    from playground.engine.spec import MAX_LAYERS

    dense = {"type": "dense", "units": 10, "activation": "sigmoid"}
    assert len(normalize({"input": [784], "layers": [dense] * MAX_LAYERS})["layers"]) == MAX_LAYERS
    with pytest.raises(SpecError, match=f"1,000 layers; Playground takes at most {MAX_LAYERS}"):
        normalize({"input": [784], "layers": [dense] * 1000})
