"""Canvas commands: do / undo / redo of every edit, with the model's state checked each time."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from playground.engine.spec import load_preset
from playground.errors import SpecError
from playground.ui.canvas.commands import (
    EditLayerCommand,
    InsertLayerCommand,
    MoveBlocksCommand,
    RemoveLayerCommand,
    ReorderLayerCommand,
    SetCostCommand,
    SetInputShapeCommand,
    SetSpecCommand,
)
from playground.ui.canvas.model import INPUT_ID, CanvasModel

POOL = {"type": "pool", "mode": "avg", "size": 2}
RELU = {"type": "activation", "activation": "relu"}


@pytest.fixture
def setup(qapp):
    model = CanvasModel()
    model.set_spec(load_preset("nielsen-conv"))
    return model, QUndoStack()


def layer_types(model: CanvasModel) -> list[str]:
    return [n.type for n in model.nodes]


def test_insert_undo_redo(setup) -> None:
    model, stack = setup
    before = (model.spec(), model.positions())
    stack.push(InsertLayerCommand(model, 1, RELU))
    after = (model.spec(), model.positions())
    assert layer_types(model) == ["conv", "activation", "pool", "dense", "dense"]
    assert model.state(model.nodes[1].id).info.shape_text == "20x24x24"
    assert model.selected_id == model.nodes[1].id
    assert model.positions() == model.auto_layout()
    new_id = model.nodes[1].id
    stack.undo()
    assert (model.spec(), model.positions()) == before
    stack.redo()
    assert (model.spec(), model.positions()) == after
    assert model.nodes[1].id == new_id


def test_remove_undo_puts_back_same_block(setup) -> None:
    model, stack = setup
    pool = model.nodes[1]
    model.set_positions({pool.id: (250, 130)})
    before = (model.spec(), model.positions())
    stack.push(RemoveLayerCommand(model, pool.id))
    assert layer_types(model) == ["conv", "dense", "dense"]
    assert model.state(model.nodes[1].id).info.params == 11_520 * 100 + 100
    stack.undo()
    assert (model.spec(), model.positions()) == before
    assert model.nodes[1].id == pool.id
    stack.redo()
    assert pool.id not in [n.id for n in model.nodes]


def test_reorder_undo_redo(setup) -> None:
    model, stack = setup
    ids = [n.id for n in model.nodes]
    stack.push(ReorderLayerCommand(model, ids[1], 0))
    assert [n.id for n in model.nodes] == [ids[1], ids[0], ids[2], ids[3]]
    assert model.state(ids[0]).info.shape_text == "20x10x10"
    stack.undo()
    assert [n.id for n in model.nodes] == ids
    assert model.state(ids[0]).info.shape_text == "20x24x24"
    stack.redo()
    assert model.nodes[0].id == ids[1]


def test_edits_of_one_setting_merge_into_one_step(setup) -> None:
    model, stack = setup
    conv = model.nodes[0]
    for groups in (2, 3, 4):
        stack.push(EditLayerCommand(model, conv.id, {**conv.layer, "groups": groups}, "groups"))
    assert stack.count() == 1
    assert model.node(conv.id).layer["groups"] == 4
    assert "groups=4 must divide in_channels=1" in model.state(conv.id).error
    stack.push(
        EditLayerCommand(model, conv.id, {**model.node(conv.id).layer, "kernel": 3}, "kernel")
    )
    assert stack.count() == 2
    stack.undo()
    assert model.node(conv.id).layer["kernel"] == 5
    assert model.node(conv.id).layer["groups"] == 4
    stack.undo()
    assert model.node(conv.id).layer["groups"] == 1
    assert model.is_valid


def test_edit_back_to_the_start_leaves_no_step(setup) -> None:
    model, stack = setup
    conv = model.nodes[0]
    stack.push(EditLayerCommand(model, conv.id, {**conv.layer, "filters": 21}, "filters"))
    stack.push(EditLayerCommand(model, conv.id, {**conv.layer, "filters": 20}, "filters"))
    assert stack.count() == 0
    assert model.node(conv.id).layer["filters"] == 20


def test_refused_edit_never_reaches_the_stack(setup) -> None:
    model, stack = setup
    conv = model.nodes[0]
    with pytest.raises(SpecError, match="filters must be at least 1"):
        stack.push(EditLayerCommand(model, conv.id, {**conv.layer, "filters": 0}, "filters"))
    with pytest.raises(SpecError, match="unknown layer type"):
        stack.push(InsertLayerCommand(model, 0, {"type": "rnn"}))
    assert stack.count() == 0
    assert model.spec()["layers"] == load_preset("nielsen-conv")["layers"]


def test_a_drag_is_one_step(setup) -> None:
    model, stack = setup
    old = model.positions()
    moved = {model.nodes[0].id: (200.0, 100.0), INPUT_ID: (10.0, -20.0)}
    stack.push(MoveBlocksCommand(model, {k: old[k] for k in moved}, moved))
    assert stack.count() == 1
    assert model.positions() == {**old, **moved}
    stack.undo()
    assert model.positions() == old


def test_cost_undo(setup) -> None:
    model, stack = setup
    stack.push(SetCostCommand(model, "quadratic"))
    assert model.cost == "quadratic"
    stack.undo()
    assert model.cost == "log-likelihood"


def test_input_shape_undo_redo(setup) -> None:
    model, stack = setup
    ids = [n.id for n in model.nodes]
    stack.push(SetInputShapeCommand(model, [1, 32, 32]))
    assert model.input.shape == [1, 32, 32] and [n.id for n in model.nodes] == ids
    assert model.state(ids[0]).info.output_shape == (20, 28, 28)
    assert stack.undoText() == "Set the input to 1x32x32"
    stack.undo()
    assert model.input.shape == [1, 28, 28]
    assert model.state(ids[0]).info.output_shape == (20, 24, 24)
    stack.redo()
    assert model.input.shape == [1, 32, 32]
    with pytest.raises(SpecError):
        SetInputShapeCommand(model, [1, 0, 28])
    assert stack.count() == 1


def test_loading_a_spec_is_undoable_and_keeps_older_commands_working(setup) -> None:
    model, stack = setup
    stack.push(InsertLayerCommand(model, 2, POOL))
    with_pool = model.spec()
    stack.push(SetSpecCommand(model, load_preset("nielsen-mlp")))
    assert layer_types(model) == ["dense", "dense"]
    assert model.cost == "quadratic"
    stack.undo()
    assert model.spec() == with_pool
    stack.undo()  # the insert, which refers to a node id from before the load
    assert model.spec()["layers"] == load_preset("nielsen-conv")["layers"]
    stack.redo()
    stack.redo()
    assert model.spec()["layers"] == load_preset("nielsen-mlp")["layers"]


LAYERS = st.sampled_from(
    [
        {"type": "dense", "units": 30, "activation": "sigmoid"},
        {
            "type": "conv",
            "filters": 8,
            "kernel": 3,
            "stride": 1,
            "padding": 0,
            "groups": 1,
            "activation": "relu",
        },
        POOL,
        RELU,
    ]
)
OPS = st.lists(
    st.tuples(st.sampled_from(["insert", "remove", "move", "edit"]), st.integers(0, 20), LAYERS),
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_any_edit_sequence_undoes_and_redoes_exactly(setup, ops) -> None:
    model, _ = setup
    stack = QUndoStack()
    states = [model.spec()]
    for op, k, layer in ops:
        nodes = model.nodes
        if op == "insert":
            stack.push(InsertLayerCommand(model, k % (len(nodes) + 1), layer))
        elif not nodes:
            continue
        elif op == "remove":
            stack.push(RemoveLayerCommand(model, nodes[k % len(nodes)].id))
        elif op == "move":
            node = nodes[k % len(nodes)]
            target = (k // 3) % len(nodes)
            if target == model.index_of(node.id):
                continue
            stack.push(ReorderLayerCommand(model, node.id, target))
        else:
            node = nodes[k % len(nodes)]
            key = {"dense": "units", "conv": "filters", "pool": "size"}.get(node.type)
            if key is None:
                continue
            stack.push(EditLayerCommand(model, node.id, {**node.layer, key: k + 1}))
        states.append(model.spec())
    final = model.spec()
    while stack.canUndo():
        stack.undo()
    assert model.spec() == states[0]
    while stack.canRedo():
        stack.redo()
    assert model.spec() == final
