"""The canvas model without Qt: chain edits, signals, and the engine's validation messages."""

from __future__ import annotations

import ast
import copy
from pathlib import Path

import pytest

from playground.engine.spec import infer, load_preset, preset_names
from playground.errors import SpecError
from playground.ui.canvas import model as model_module
from playground.ui.canvas.model import (
    COLUMN_STEP,
    INPUT_ID,
    LAYOUT_STEP,
    CanvasModel,
    analyze,
    best_columns,
)

CONV = {
    "type": "conv",
    "filters": 20,
    "kernel": 5,
    "stride": 1,
    "padding": 0,
    "groups": 1,
    "activation": "sigmoid",
}
POOL = {"type": "pool", "mode": "max", "size": 2}
DENSE = {"type": "dense", "units": 100, "activation": "sigmoid"}
OUT = {"type": "dense", "units": 10, "activation": "softmax"}


class Recorder:
    """Collects every signal of a model as (name, args) in order."""

    NAMES = (
        "node_added",
        "node_removed",
        "node_changed",
        "node_moved",
        "node_reordered",
        "link_added",
        "link_removed",
        "cost_changed",
        "selection_changed",
    )

    def __init__(self, model: CanvasModel) -> None:
        self.events: list[tuple[str, tuple]] = []
        for name in self.NAMES:
            getattr(model, name).connect(lambda *args, name=name: self.events.append((name, args)))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def clear(self) -> None:
        self.events.clear()


def shapes(model: CanvasModel) -> list[str | None]:
    return [
        model.state(n.id).info.shape_text if model.state(n.id).info else None for n in model.nodes
    ]


def engine_message(spec: dict) -> str:
    with pytest.raises(SpecError) as caught:
        infer(spec)
    return str(caught.value)


def nielsen_model() -> CanvasModel:
    model = CanvasModel()
    model.set_spec(load_preset("nielsen-conv"))
    return model


def test_model_module_imports_no_qt() -> None:
    tree = ast.parse(Path(model_module.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert not {m for m in imported if m.startswith(("PySide6", "shiboken6", "pyqtgraph"))}
    assert not {m for m in imported if m.startswith("playground.ui")}


def test_empty_model_is_invalid_with_engine_message() -> None:
    model = CanvasModel()
    assert model.nodes == []
    assert model.links == []
    assert not model.is_valid
    assert str(model.error) == engine_message({"input": [1, 28, 28], "layers": []})


def test_preset_shows_engine_shapes_and_parameters() -> None:
    model = nielsen_model()
    assert model.is_valid
    assert shapes(model) == ["20x24x24", "20x12x12", "100", "10"]
    assert [model.state(n.id).info.params for n in model.nodes] == [520, 0, 288_100, 1_010]
    assert model.total_params == 289_630
    ids = [n.id for n in model.nodes]
    assert model.links == list(zip([INPUT_ID, *ids], ids, strict=False))
    assert list(model.layer_names().values()) == ["conv1", "pool1", "dense1", "dense2"]


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_round_trips_through_the_model(name: str) -> None:
    preset = load_preset(name)
    model = CanvasModel()
    model.set_spec(preset)
    spec = model.spec()
    assert spec["layers"] == preset["layers"]
    assert spec["input"] == preset["input"] and spec["cost"] == preset["cost"]
    assert spec["training"] == preset["training"]
    assert model.total_params == sum(r.params for r in infer(preset))


def test_a_presets_name_and_training_describe_its_layers_only() -> None:
    # A student cleared nielsen-conv and built an MLP: the saved file was still "nielsen-conv",
    # with its description and its training block (whose rate the Training panel then took).
    preset = load_preset("nielsen-conv")
    model = CanvasModel()
    model.set_spec(preset)
    loaded = model.snapshot()
    extras = {key: preset[key] for key in ("name", "description", "training")}
    assert {key: model.spec()[key] for key in extras} == extras

    dense1 = model.nodes[2].id
    model.set_setting(dense1, "units", 30)
    assert not set(extras) & set(model.spec())
    model.set_setting(dense1, "units", 100)  # the preset's layers again: its words fit again
    assert {key: model.spec().get(key) for key in extras} == extras

    model.set_cost("cross-entropy")  # the same layers under another cost keep their name
    assert model.spec()["name"] == "nielsen-conv"
    model.set_cost("log-likelihood")

    for node in model.nodes:
        model.remove_node(node.id)
    model.append_node(DENSE)
    model.append_node(OUT)
    assert not set(extras) & set(model.spec())
    model.restore(loaded)  # undo brings the preset back, words and all
    assert {key: model.spec().get(key) for key in extras} == extras

    model.set_input_shape([1, 32, 32])
    assert not set(extras) & set(model.spec())


def test_add_remove_reorder_edit_step_by_step() -> None:
    model = CanvasModel()
    events = Recorder(model)

    conv = model.append_node(CONV)
    assert events.names() == ["node_added", "link_added"]
    assert events.events[1][1] == (INPUT_ID, conv.id)
    assert [n.layer for n in model.nodes] == [CONV]
    assert not model.is_valid  # a conv alone has no dense output
    assert model.state(conv.id).error is not None and "must be dense" in model.state(conv.id).error
    assert shapes(model) == ["20x24x24"]

    out = model.append_node(OUT)
    pool = model.insert_node(1, POOL)
    dense = model.insert_node(2, DENSE)
    assert [n.id for n in model.nodes] == [conv.id, pool.id, dense.id, out.id]
    assert model.is_valid
    assert shapes(model) == ["20x24x24", "20x12x12", "100", "10"]

    events.clear()
    model.set_setting(conv.id, "filters", 10)
    assert events.names() == ["node_changed"]
    assert model.node(conv.id).layer["filters"] == 10
    assert shapes(model) == ["10x24x24", "10x12x12", "100", "10"]
    assert model.state(dense.id).info.params == 10 * 12 * 12 * 100 + 100

    events.clear()
    model.move_node(pool.id, 0)
    assert events.names()[0] == "node_reordered"
    assert events.events[0][1] == (model.node(pool.id), 1, 0)
    assert set(events.names()[1:]) == {"link_removed", "link_added"}
    assert [n.id for n in model.nodes] == [pool.id, conv.id, dense.id, out.id]
    assert shapes(model) == ["1x14x14", "10x10x10", "100", "10"]
    assert model.links[0] == (INPUT_ID, pool.id)

    events.clear()
    model.set_selection(dense.id)
    index, removed = model.remove_node(dense.id)
    assert (index, removed.id) == (2, dense.id)
    assert model.selected_id is None
    assert events.names()[:2] == ["selection_changed", "selection_changed"]
    assert "node_removed" in events.names()
    assert (conv.id, out.id) in model.links and (conv.id, dense.id) not in model.links
    assert shapes(model) == ["1x14x14", "10x10x10", "10"]
    assert model.state(out.id).info.params == 1000 * 10 + 10


def test_positions_and_auto_layout() -> None:
    model = nielsen_model()
    first = model.nodes[0]
    events = Recorder(model)
    model.set_positions({first.id: (300, 40)})
    assert model.node(first.id).pos == (300.0, 40.0)
    assert events.names() == ["node_moved"]
    events.clear()
    model.set_positions({first.id: (300, 40)})
    assert events.names() == []
    layout = model.auto_layout()
    assert layout[INPUT_ID] == (0.0, 0.0)
    assert layout[first.id] == (0.0, LAYOUT_STEP)
    assert [layout[n.id][1] for n in model.nodes] == [LAYOUT_STEP * i for i in range(1, 5)]


def test_columns_flow_the_tidy_layout_and_leave_hand_placed_blocks_alone() -> None:
    model = CanvasModel()
    model.set_spec(load_preset("nielsen-conv2"))  # input + 6 layers
    ids = [INPUT_ID] + [n.id for n in model.nodes]
    events = Recorder(model)
    model.set_columns(2)
    assert model.columns == 2
    # reads down the first column (4 blocks), then down the second (3)
    expected = [(0.0, r * LAYOUT_STEP) for r in range(4)]
    expected += [(COLUMN_STEP, r * LAYOUT_STEP) for r in range(3)]
    assert [model.positions()[i] for i in ids] == expected
    assert set(events.names()) == {"node_moved"}
    model.set_spec(load_preset("nielsen-mlp"))  # a new network keeps the view's columns
    assert model.positions()[model.nodes[-1].id] == (COLUMN_STEP, 0.0)
    model.set_positions({model.nodes[0].id: (500.0, 300.0)})
    model.set_columns(1)
    assert model.node(model.nodes[0].id).pos == (500.0, 300.0)
    assert model.auto_layout()[model.nodes[-1].id] == (0.0, 2 * LAYOUT_STEP)


def test_best_columns_picks_the_largest_legible_layout() -> None:
    block = (280.0, 76.0)
    assert best_columns(7, 440, 260, block, 40) == 2  # the docked canvas of a 1600x1000 window
    assert best_columns(7, 440, 900, block, 40) == 1  # tall: one column at full size
    assert best_columns(7, 2000, 200, block, 40) >= 3
    assert best_columns(1, 100, 100, block, 40) == 1
    assert best_columns(3, 2000, 2000, block, 40) == 1  # everything fits at 100 %: no wrapping


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        ({"filters": 0}, "filters must be at least 1; got 0"),
        ({"padding": -1}, "padding must be 0 or more"),
        ({"kernel": 2.5}, "kernel must be a whole number"),
        ({"activation": "swish"}, "unknown activation 'swish'"),
        ({"colour": "red"}, "unknown setting(s) colour"),
    ],
)
def test_malformed_settings_are_refused_and_nothing_changes(edit: dict, fragment: str) -> None:
    model = nielsen_model()
    conv = model.nodes[0]
    before = model.spec()
    events = Recorder(model)
    layer = {**conv.layer, **edit}
    with pytest.raises(SpecError) as caught:
        model.set_layer(conv.id, layer)
    assert fragment in str(caught.value)
    assert caught.value.layer_index == 0
    assert model.spec() == before
    assert events.names() == []


def test_unknown_layer_type_is_refused_on_insert() -> None:
    model = nielsen_model()
    before = model.spec()
    with pytest.raises(SpecError, match="unknown layer type 'lstm'"):
        model.insert_node(1, {"type": "lstm"})
    assert model.spec() == before


def _with(layers: list[dict], **spec: object) -> dict:
    return {"input": [1, 28, 28], "layers": copy.deepcopy(layers), "cost": "log-likelihood", **spec}


IMPOSSIBLE = {
    "groups do not divide": (
        _with([CONV, POOL, {**CONV, "filters": 40, "groups": 3}, DENSE, OUT]),
        2,
        ["20x24x24", "20x12x12", None, None, None],
    ),
    "kernel larger than input": (
        _with([CONV, POOL, {**CONV, "kernel": 13}, DENSE, OUT]),
        2,
        ["20x24x24", "20x12x12", None, None, None],
    ),
    "pool larger than input": (
        _with([{**CONV, "kernel": 25}, {**POOL, "size": 5}, OUT]),
        1,
        ["20x4x4", None, None],
    ),
    "conv after dense": (_with([DENSE, CONV, OUT]), 1, ["100", None, None]),
    "softmax in the middle": (
        _with([{**DENSE, "activation": "softmax"}, OUT]),
        1,
        ["100", "10"],
    ),
    "softmax activation on images": (
        _with([CONV, {"type": "activation", "activation": "softmax"}, OUT]),
        1,
        ["20x24x24", "20x24x24", "10"],
    ),
    "last layer not dense": (_with([CONV, POOL]), 1, ["20x24x24", "20x12x12"]),
    "log-likelihood without softmax": (
        _with([DENSE, {**OUT, "activation": "sigmoid"}]),
        1,
        ["100", "10"],
    ),
    "cross-entropy with linear output": (
        _with([DENSE, {**OUT, "activation": "linear"}], cost="cross-entropy"),
        1,
        ["100", "10"],
    ),
}


#: The earlier block a fault comes from, marked too: the softmax the next layer cannot follow.
CAUSES = {"softmax in the middle": 0}


@pytest.mark.parametrize("case", sorted(IMPOSSIBLE))
def test_impossible_networks_get_the_engines_message_on_the_right_block(case: str) -> None:
    spec, bad_index, expected_shapes = IMPOSSIBLE[case]
    model = CanvasModel()
    model.set_spec(spec)
    assert not model.is_valid
    assert str(model.error) == engine_message(spec)
    errors = [model.state(n.id).error for n in model.nodes]
    assert errors[bad_index] == engine_message(spec)
    marked = {bad_index, CAUSES.get(case, bad_index)}
    assert [e for i, e in enumerate(errors) if i not in marked] == [None] * (
        len(errors) - len(marked)
    )
    assert model.cause_index() == CAUSES.get(case)
    assert shapes(model) == expected_shapes


def test_the_softmax_a_later_layer_cannot_follow_is_marked_as_the_cause() -> None:
    # The red mark went on the layer after the softmax (dense2, activation1) and the softmax,
    # which the student has to move, stayed uncoloured.
    spec = _with([DENSE, {**OUT, "name": "scores"}, {"type": "activation", "activation": "relu"}])
    model = CanvasModel(describe=lambda e: f"fault: {e}", describe_cause=lambda e: f"cause: {e}")
    model.set_spec(spec)
    dense, scores, relu = (model.state(n.id).error for n in model.nodes)
    assert dense is None
    assert relu == f"fault: {engine_message(spec)}"
    assert scores == f"cause: {engine_message(spec)}" and "(scores)" in scores
    model.set_setting(model.nodes[1].id, "activation", "linear")
    assert model.is_valid is False  # log-likelihood now lacks its softmax: that one fault only
    assert model.cause_index() is None
    assert [model.state(n.id).error is not None for n in model.nodes] == [False, False, True]


def test_fixing_the_fault_clears_the_mark() -> None:
    model = CanvasModel()
    model.set_spec(IMPOSSIBLE["groups do not divide"][0])
    conv2 = model.nodes[2]
    assert model.state(conv2.id).error is not None
    model.set_setting(conv2.id, "groups", 2)
    assert model.is_valid
    assert model.state(conv2.id).error is None
    assert model.state(conv2.id).info.params == 40 * 10 * 25 + 40


def test_analyze_keeps_shapes_of_the_valid_prefix() -> None:
    rows, error = analyze(IMPOSSIBLE["kernel larger than input"][0])
    assert error is not None and error.layer_index == 2
    assert [r.shape_text if r else None for r in rows] == ["20x24x24", "20x12x12", None, None, None]
    assert rows[0].settings == "conv 20@5x5 s1 p0 g1, sigmoid"


def test_snapshot_restore_keeps_ids_and_positions() -> None:
    model = nielsen_model()
    model.set_positions({model.nodes[1].id: (120, 90)})
    snap = model.snapshot()
    ids = [n.id for n in model.nodes]
    model.set_spec(load_preset("nielsen-mlp"))
    assert not set(ids) & {n.id for n in model.nodes}
    model.restore(snap)
    assert [n.id for n in model.nodes] == ids
    assert model.node(ids[1]).pos == (120.0, 90.0)
    assert model.spec()["layers"] == load_preset("nielsen-conv")["layers"]
    # Fresh ids never collide with restored ones.
    assert model.append_node(OUT).id not in ids


def test_custom_names_survive_auto_names_are_dropped() -> None:
    spec = _with([{**CONV, "name": "conv1"}, {**POOL, "name": "shrink"}, DENSE, OUT])
    model = CanvasModel()
    model.set_spec(spec)
    layers = model.spec()["layers"]
    assert "name" not in layers[0]
    assert layers[1]["name"] == "shrink"
    assert list(model.layer_names().values()) == ["conv1", "shrink", "dense1", "dense2"]


def test_cost_is_validated_and_checked_against_the_output() -> None:
    model = nielsen_model()
    with pytest.raises(SpecError, match="unknown cost"):
        model.set_cost("hinge")
    assert model.cost == "log-likelihood"
    model.set_setting(model.nodes[-1].id, "activation", "sigmoid")
    assert not model.is_valid and "needs a softmax output" in str(model.error)
    model.set_cost("cross-entropy")
    assert model.is_valid
