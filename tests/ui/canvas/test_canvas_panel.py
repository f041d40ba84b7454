"""The NetworkPanel driven like a user: palette, canvas, inspector, files, build."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QTranslator
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox, QSplitter, QToolButton

from playground.engine.spec import infer, load_preset, normalize, preset_names
from playground.errors import SpecError
from playground.ui.canvas import NetworkPanel
from playground.ui.canvas.inspector import display_width, summary_lines
from playground.ui.canvas.items import COMPACT_BELOW, ERROR_LINE, WARNING_LINE
from playground.ui.canvas.model import INPUT_ID
from playground.ui.canvas.palette import palette_entries
from playground.ui.canvas.view import layer_from_mime, layer_to_mime

PALETTE_LABEL = {"conv": "Conv", "dense": "Dense"}
#: The narrowest canvas the window leaves without a hint to use its compact layout
#: (main_window.NARROW_CANVAS).
NARROW_COLUMN = 320
POOL_LABEL = {"max": "Max pool", "l2": "L2 pool", "avg": "Average pool"}


@pytest.fixture
def panel(qtbot):
    widget = NetworkPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def view_point(panel: NetworkPanel, scene_point: QPointF) -> QPoint:
    return panel.view.mapFromScene(scene_point)


def mnist_mlp(outputs: int) -> dict:
    """A 1x28x28 -> 30 -> `outputs` softmax network spec."""
    return {
        "input": [1, 28, 28],
        "layers": [
            {"type": "dense", "units": 30, "activation": "sigmoid"},
            {"type": "dense", "units": outputs, "activation": "softmax"},
        ],
        "cost": "log-likelihood",
    }


def click_block(qtbot, panel: NetworkPanel, node_id: int) -> None:
    block = panel.scene.block(node_id)
    qtbot.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point(panel, block.center())
    )


def double_click_palette(qtbot, panel: NetworkPanel, label: str) -> None:
    palette = panel.layer_palette
    item = palette.find_entry(label)
    rect = palette.visualItemRect(item)
    # A real double-click starts with a click (press, release), then the second press.
    qtbot.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def clear_canvas(qtbot, panel: NetworkPanel) -> None:
    """Delete every block with the keyboard, as a user starting from scratch would."""
    click_block(qtbot, panel, panel.model.nodes[0].id)
    while panel.model.nodes:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    panel.model.set_selection(None)


def set_editor(panel: NetworkPanel, key: str, value: object) -> None:
    editor = panel.inspector.editors[key]
    if isinstance(editor, QSpinBox):
        editor.setValue(int(value))
    else:
        assert isinstance(editor, QComboBox)
        index = editor.findData(value)
        assert index >= 0, f"{key}={value!r} is not offered"
        editor.setCurrentIndex(index)


def build_by_hand(qtbot, panel: NetworkPanel, spec: dict) -> None:
    """Rebuild a spec from palette entries and inspector widgets only."""
    clear_canvas(qtbot, panel)
    for layer in spec["layers"]:
        kind = layer["type"]
        if kind == "pool":
            label = POOL_LABEL[layer["mode"]]
        elif kind == "activation":
            label = layer["activation"]
        else:
            label = PALETTE_LABEL[kind]
        double_click_palette(qtbot, panel, label)
        assert panel.model.selected_id == panel.model.nodes[-1].id
        for key, value in layer.items():
            if key not in ("type", "name") and key in panel.inspector.editors:
                set_editor(panel, key, value)
    combo = panel.inspector.cost_combo
    combo.setCurrentIndex(combo.findData(spec["cost"]))


def block_tips(panel: NetworkPanel) -> list[str]:
    return [panel.scene.block(n.id).toolTip() for n in panel.model.nodes]


def test_panel_contract(panel: NetworkPanel) -> None:
    assert panel.findChild(type(panel.view), "networkCanvas") is panel.view
    assert panel.findChild(type(panel.layer_palette), "layerPalette") is panel.layer_palette
    assert panel.spec()["layers"] == load_preset("nielsen-conv")["layers"]
    assert panel.undo_stack.count() == 0


def test_build_nielsen_conv_from_the_palette(qtbot, panel: NetworkPanel) -> None:
    clear_canvas(qtbot, panel)
    assert panel.model.nodes == []
    assert "no layers" in panel.status_label.text()

    double_click_palette(qtbot, panel, "Conv")
    double_click_palette(qtbot, panel, "Max pool")
    double_click_palette(qtbot, panel, "Dense")
    double_click_palette(qtbot, panel, "Dense")
    # The last dense layer becomes the 10-way softmax output.
    set_editor(panel, "units", 10)
    set_editor(panel, "activation", "softmax")

    tips = block_tips(panel)
    assert "20x24x24" in tips[0] and "520 params" in tips[0]
    assert "conv 20@5x5 s1 p0 g1, sigmoid" in tips[0]
    assert "20x12x12" in tips[1] and "0 params" in tips[1]
    assert "288,100 params" in tips[2]
    assert "1,010 params" in tips[3] and "dense 10, softmax" in tips[3]
    shown = panel.scene.block(panel.model.nodes[0].id).shown_text()
    assert "520 params" in shown and "20x24x24" in shown
    assert panel.total_label.text() == "Total: 289,630 parameters"
    assert panel.model.is_valid
    assert panel.spec()["layers"] == load_preset("nielsen-conv")["layers"]


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_can_be_rebuilt_by_hand(qtbot, panel: NetworkPanel, name: str) -> None:
    preset = load_preset(name)
    build_by_hand(qtbot, panel, preset)
    spec = panel.spec()
    assert spec["layers"] == preset["layers"]
    assert spec["cost"] == preset["cost"]
    assert panel.model.is_valid
    for tip, row in zip(block_tips(panel), infer(preset), strict=True):
        assert row.shape_text in tip and f"{row.params:,} params" in tip


def test_groups_that_do_not_divide_are_marked_with_the_engine_message(
    qtbot, panel: NetworkPanel
) -> None:
    panel.load_preset("grouped-conv")
    conv2 = panel.model.nodes[2]
    click_block(qtbot, panel, conv2.id)
    assert panel.model.selected_id == conv2.id
    with qtbot.waitSignal(panel.status_message) as message:
        set_editor(panel, "groups", 3)

    broken = dict(load_preset("grouped-conv"))
    broken["layers"][2]["groups"] = 3
    with pytest.raises(SpecError) as caught:
        infer(broken)
    expected = str(caught.value)
    assert "groups=3 must divide in_channels=20 and filters=40" in expected

    block = panel.scene.block(conv2.id)
    assert block.error == expected
    assert expected in block.toolTip()
    assert block.body.pen().color().name() == ERROR_LINE
    assert message.args == [expected]
    assert expected in panel.status_label.text()
    assert panel.inspector.error.text() == expected
    # Later blocks cannot know their shape; earlier ones still can.
    assert "?" in panel.scene.block(panel.model.nodes[3].id).toolTip()
    assert "20x12x12" in panel.scene.block(panel.model.nodes[1].id).toolTip()

    panel.undo_stack.undo()
    assert panel.model.is_valid
    assert block.error is None
    assert block.body.pen().color().name() != ERROR_LINE
    assert panel.inspector.editors["groups"].value() == 2


def test_the_layer_header_moves_and_deletes_the_selected_block(qtbot, panel: NetworkPanel) -> None:
    # The buttons share the layer's title row, so the teaching note under the form gets the
    # height a separate button row and two group-box titles took (two lines at 1260x810).
    inspector = panel.inspector
    click_block(qtbot, panel, panel.model.nodes[1].id)  # pool1
    qtbot.waitUntil(lambda: inspector.up_button.isVisible())
    title_y = inspector.title_label.mapTo(inspector, inspector.title_label.rect().center()).y()
    for button in (inspector.up_button, inspector.down_button, inspector.delete_button):
        assert abs(button.mapTo(inspector, button.rect().center()).y() - title_y) <= 2
    assert inspector.title_label.text() == "pool1 (Max pool)"
    first = [node.type for node in panel.model.nodes]
    qtbot.mouseClick(inspector.up_button, Qt.MouseButton.LeftButton)
    assert [node.type for node in panel.model.nodes][:2] == [first[1], first[0]]
    qtbot.mouseClick(inspector.down_button, Qt.MouseButton.LeftButton)
    assert [node.type for node in panel.model.nodes] == first
    qtbot.mouseClick(inspector.delete_button, Qt.MouseButton.LeftButton)
    assert len(panel.model.nodes) == len(first) - 1


def test_a_conv_layers_numbers_sit_two_to_a_row(qtbot, panel: NetworkPanel) -> None:
    # Five rows of them left the teaching note under the form two lines at the default size.
    click_block(qtbot, panel, panel.model.nodes[0].id)  # conv1
    editors = panel.inspector.editors
    qtbot.waitUntil(lambda: editors["filters"].isVisible())
    rows = {
        key: editors[key].mapTo(panel.inspector, editors[key].rect().center()).y()
        for key in ("filters", "kernel", "stride", "padding", "groups", "activation")
    }
    assert rows["filters"] == rows["kernel"] and rows["stride"] == rows["padding"]
    assert rows["filters"] < rows["stride"] < rows["groups"] < rows["activation"]
    click_block(qtbot, panel, panel.model.nodes[1].id)  # a pool layer's one number: its own row
    assert "size" in panel.inspector.editors


def test_spin_boxes_refuse_impossible_values(qtbot, panel: NetworkPanel) -> None:
    click_block(qtbot, panel, panel.model.nodes[0].id)
    filters = panel.inspector.editors["filters"]
    filters.setValue(0)
    assert filters.value() == 1
    padding = panel.inspector.editors["padding"]
    padding.setValue(-3)
    assert padding.value() == 0
    assert panel.model.node(panel.model.nodes[0].id).layer["filters"] == 1


def test_save_reopen_and_compare_json(qtbot, panel: NetworkPanel, tmp_path) -> None:
    panel.load_preset("grouped-conv")
    first = tmp_path / "first.json"
    panel.save_json(first)
    saved = json.loads(first.read_text(encoding="utf-8"))
    assert normalize(saved) == normalize(load_preset("grouped-conv"))

    other = NetworkPanel()
    qtbot.addWidget(other)
    assert other.open_json(first)
    assert other.spec() == saved
    second = tmp_path / "second.json"
    other.save_json(second)
    assert json.loads(second.read_text(encoding="utf-8")) == saved
    other.undo_stack.undo()
    assert other.spec()["layers"] == load_preset("nielsen-conv")["layers"]


def test_a_bad_file_is_reported_not_raised(panel: NetworkPanel, tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"input": [1, 28, 28], "layers": [{"type": "lstm"}]}', encoding="utf-8")
    before = panel.spec()
    assert not panel.open_json(bad)
    assert "unknown layer type 'lstm'" in panel.status_label.text()
    assert panel.spec() == before
    assert not panel.open_json(tmp_path / "missing.json")


def test_an_output_smaller_than_the_datasets_classes_is_flagged_before_build(
    panel: NetworkPanel,
) -> None:
    # The canvas said "✓ accepts ... output 5" with MNIST loaded; Build then replaced the
    # trained network with one the trainer refuses.
    spec = mnist_mlp(outputs=5)
    panel.set_spec(spec)
    assert panel.status_label.text().startswith("✓")  # no dataset: nothing to compare
    panel.set_dataset_classes(10)
    text = panel.status_label.text()
    assert "output has 5 values and the dataset has 10 classes" in text, text
    assert "Set the last layer to 10 units" in text and not text.startswith("✓")
    panel.set_spec({**spec, "layers": [spec["layers"][0], {**spec["layers"][1], "units": 10}]})
    assert panel.status_label.text().startswith("✓")


def test_an_output_larger_than_the_datasets_classes_gets_a_warning(panel: NetworkPanel) -> None:
    # A 12-unit softmax output on MNIST trained without a word: outputs 10 and 11 stand for
    # no digit, so whatever probability they take is wrong.
    spec = mnist_mlp(outputs=12)
    panel.set_spec(spec)
    assert panel.status_label.text().startswith("✓")  # no dataset: nothing to compare
    panel.set_dataset_classes(10)
    text = panel.status_label.text()
    assert text.startswith("⚠") and "12 values and the dataset has 10 classes" in text, text
    assert "2 extra outputs" in text and "can never be right" in text
    assert "#b36b00" in panel.status_label.styleSheet()  # a warning, not the red of an error
    assert panel.model.is_valid  # the engine has no complaint: Build still works
    panel.undo_stack.undo()  # nielsen-conv: 10 outputs
    assert panel.status_label.text().startswith("✓")


def test_a_file_that_is_no_architecture_gets_a_dialog_in_plain_words(
    qtbot, panel: NetworkPanel, tmp_path
) -> None:
    failures: list[tuple[str, str]] = []
    panel.file_failed.connect(lambda title, text: failures.append((title, text)))
    model = tmp_path / "model.npz"
    model.write_bytes(b"PK\x03\x04\x14\x00\xcb\xff binary")  # a zip: a saved model
    broken = tmp_path / "broken.json"
    broken.write_text('{"input": [1, 28, 28], "layers": [}', encoding="utf-8")
    before = panel.spec()
    assert not panel.open_json(model)
    assert not panel.open_json(broken)
    assert not panel.open_json(tmp_path / "missing.json")
    assert panel.spec() == before
    assert len(failures) == 3 and all(
        title == "Cannot open the architecture" for title, _ in failures
    )
    assert "model.npz" in failures[0][1] and "not a text file" in failures[0][1]
    assert "Open model" in failures[0][1] and "codec" not in failures[0][1]
    assert "not valid JSON (line 1, column 35" in failures[1][1]
    assert "No such file or directory" in failures[2][1] and "Errno" not in failures[2][1]
    assert "canvas is unchanged" in failures[2][1]


def drop_layer(panel: NetworkPanel, layer: dict, scene_point: QPointF) -> int:
    """Drag enter, move and drop a palette layer at a scene point, as Qt's DnD would.

    Returns how many arrows lit up as the drop target while the layer hovered.
    """
    point = view_point(panel, scene_point)
    mime: QMimeData = layer_to_mime(layer)
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    viewport = panel.view.viewport()
    enter = QDragEnterEvent(point, *args)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(point, *args)
    QApplication.sendEvent(viewport, move)
    hot = [link for link in panel.scene.links.values() if link.hot]
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point), *args))
    assert not [link for link in panel.scene.links.values() if link.hot]
    assert enter.isAccepted() and move.isAccepted()
    return len(hot)


def test_dropping_a_layer_on_an_arrow_inserts_it_between(panel: NetworkPanel) -> None:
    conv, pool = panel.model.nodes[0], panel.model.nodes[1]
    link = panel.scene.links[(conv.id, pool.id)]
    relu = {"type": "activation", "activation": "relu"}
    assert drop_layer(panel, relu, link.path().pointAtPercent(0.5)) == 1
    assert [n.type for n in panel.model.nodes] == ["conv", "activation", "pool", "dense", "dense"]
    assert "20x24x24 → 20x24x24" in block_tips(panel)[1]
    panel.undo_stack.undo()
    assert [n.type for n in panel.model.nodes] == ["conv", "pool", "dense", "dense"]


def test_dropping_below_the_chain_appends(panel: NetworkPanel) -> None:
    last = panel.scene.block(panel.model.nodes[-1].id)
    below = last.center() + QPointF(0, 150)
    assert drop_layer(panel, {"type": "activation", "activation": "tanh"}, below) == 0
    assert [n.type for n in panel.model.nodes][-1] == "activation"
    assert "cannot follow softmax" in panel.status_label.text()


def test_a_wide_short_canvas_shows_the_chain_in_two_legible_columns(qtbot, panel) -> None:
    panel.load_preset("nielsen-conv2")
    panel.resize(900, 364)  # the canvas gets about 440 x 260, as docked in a 1600x1000 window
    qtbot.waitUntil(lambda: panel.model.columns == 2)
    view = panel.view
    assert view.zoom() >= 0.5  # one column would be 0.33: text about 4 px high
    inside = view.viewport().rect()
    for block in panel.scene.blocks.values():
        assert inside.contains(view.mapFromScene(block.sceneBoundingRect()).boundingRect())
    # the arrow to the second column stays in the scene instead of looping out of it
    wrap = panel.scene.links[(panel.model.nodes[2].id, panel.model.nodes[3].id)]
    assert panel.scene.sceneRect().contains(wrap.sceneBoundingRect())
    # a drop by the end of the first column goes right after its last block
    last = panel.scene.block(panel.model.nodes[2].id).sceneBoundingRect()
    tanh = {"type": "activation", "activation": "tanh"}
    assert drop_layer(panel, tanh, QPointF(last.left() + 20, last.bottom() + 30)) == 0
    assert panel.model.nodes[3].layer["activation"] == "tanh"
    assert panel.undo_stack.count() == 2  # the preset and the drop: the reflow is no step
    # dragging a block of the second column onto the first arrow moves it there
    ids = [n.id for n in panel.model.nodes]
    second = panel.scene.block(ids[5])
    assert second.pos().x() > 0
    first_arrow = panel.scene.links[(INPUT_ID, ids[0])]
    drag(panel, second.center(), first_arrow.path().pointAtPercent(0.5))
    assert [n.id for n in panel.model.nodes] == [ids[5], *ids[:5], *ids[6:]]
    assert panel.model.positions() == panel.model.auto_layout()
    panel.undo_stack.undo()
    panel.resize(900, 1000)
    qtbot.waitUntil(lambda: panel.model.columns == 1)
    assert panel.model.positions() == panel.model.auto_layout()
    assert view.zoom() >= 0.9


def drag(panel: NetworkPanel, start: QPointF, end: QPointF) -> None:
    """Press, move in steps and release on the canvas (scene coordinates)."""
    viewport = panel.view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton

    def send(kind, point, button, buttons):
        local = QPointF(view_point(panel, point))
        event = QMouseEvent(
            kind,
            local,
            viewport.mapToGlobal(local),
            button,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    send(QMouseEvent.Type.MouseButtonPress, start, left, left)
    for i in range(1, 11):
        point = start + (end - start) * (i / 10)
        send(QMouseEvent.Type.MouseMove, point, none, left)
    send(QMouseEvent.Type.MouseButtonRelease, end, left, none)


def test_dragging_a_block_is_one_undo_step(panel: NetworkPanel) -> None:
    conv = panel.model.nodes[0]
    block = panel.scene.block(conv.id)
    old = panel.model.node(conv.id).pos
    start = block.center()
    drag(panel, start, start + QPointF(300, 0))
    new = panel.model.node(conv.id).pos
    assert new[0] == pytest.approx(old[0] + 300, abs=2)
    assert panel.undo_stack.count() == 1
    assert [n.type for n in panel.model.nodes] == ["conv", "pool", "dense", "dense"]
    panel.undo_stack.undo()
    assert panel.model.node(conv.id).pos == old
    assert (block.pos().x(), block.pos().y()) == old


def test_dragging_a_block_onto_an_arrow_reorders(panel: NetworkPanel) -> None:
    ids = [n.id for n in panel.model.nodes]
    pool = panel.scene.block(ids[1])
    link = panel.scene.links[(INPUT_ID, ids[0])]
    drag(panel, pool.center(), link.path().pointAtPercent(0.5))
    assert [n.id for n in panel.model.nodes] == [ids[1], ids[0], ids[2], ids[3]]
    assert "1x28x28 → 1x14x14" in block_tips(panel)[0]
    assert panel.undo_stack.count() == 1
    panel.undo_stack.undo()
    assert [n.id for n in panel.model.nodes] == ids


def test_keyboard_walks_deletes_and_moves(qtbot, panel: NetworkPanel) -> None:
    ids = [n.id for n in panel.model.nodes]
    click_block(qtbot, panel, INPUT_ID)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert len(panel.model.nodes) == 4  # the input block stays
    assert "input block stays" in panel.status_label.text()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert panel.model.selected_id == ids[1]
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [n.id for n in panel.model.nodes][:2] == [ids[1], ids[0]]
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert ids[1] not in [n.id for n in panel.model.nodes]
    assert panel.model.selected_id == ids[0]
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ids[1] in [n.id for n in panel.model.nodes]


def test_conv_block_teaches_the_parameter_saving(panel: NetworkPanel) -> None:
    tip = block_tips(panel)[0]
    assert "20 x 26 = 520" in tip
    assert "784 x 30 + 30 = 23,550" in tip
    assert "784 x 11,520 + 11,520 = 9,043,200" in tip
    panel.load_preset("grouped-conv")
    tip = block_tips(panel)[2]
    assert "40x5x5x10 = 10,000 weights versus 40x5x5x20 = 20,000" in tip
    assert "groups=" not in block_tips(panel)[0].split("Shared weights")[1]


def test_build_network_asks_first_and_emits(qtbot, panel: NetworkPanel) -> None:
    asked = []
    panel.confirm_discard = lambda: asked.append(True) or False
    with qtbot.assertNotEmitted(panel.network_built):
        assert panel.build_network() is None
    assert asked == [True]

    panel.confirm_discard = lambda: True
    with qtbot.waitSignal(panel.network_built) as built:
        qtbot.mouseClick(panel.build_button, Qt.MouseButton.LeftButton)
    (net,) = built.args
    assert net.spec["layers"][0]["filters"] == 20
    assert "Built a fresh network: 289,630 parameters" in panel.status_label.text()
    assert list(net.params) == [
        "conv1.weight",
        "conv1.bias",
        "dense1.weight",
        "dense1.bias",
        "dense2.weight",
        "dense2.bias",
    ]
    assert net.params["conv1.weight"].shape == (20, 1, 5, 5)


def test_build_refuses_an_invalid_network_with_the_engine_message(panel: NetworkPanel) -> None:
    last = panel.model.nodes[-1]
    panel.inspector.show_node(last.id)
    set_editor(panel, "activation", "sigmoid")
    assert not panel.model.is_valid
    assert panel.build_network() is None
    assert "needs a softmax output" in panel.status_label.text()


def test_set_spec_shows_a_loaded_architecture(panel: NetworkPanel) -> None:
    panel.set_spec(load_preset("nielsen-conv2"))
    tips = block_tips(panel)
    assert len(tips) == 6
    assert "40x8x8" in tips[2] and "20,040 params" in tips[2]
    assert panel.total_label.text() == "Total: 85,670 parameters"
    with pytest.raises(SpecError):
        panel.set_spec({"input": [1, 28, 28], "layers": []})
    assert len(panel.model.nodes) == 6


def test_context_menu_inserts_between_two_blocks(panel: NetworkPanel) -> None:
    pool, dense = panel.model.nodes[1], panel.model.nodes[2]
    point = panel.scene.links[(pool.id, dense.id)].path().pointAtPercent(0.5)
    menu = panel.context_menu(point)
    insert = menu.findChild(type(menu), "insertMenu")
    assert insert.title() == "Insert between pool1 and dense1"
    relu = next(a for a in insert.actions() if a.text() == "relu")
    relu.trigger()
    assert [n.type for n in panel.model.nodes] == ["conv", "pool", "activation", "dense", "dense"]

    menu = panel.context_menu(panel.scene.block(pool.id).center())
    assert panel.model.selected_id == pool.id
    next(a for a in menu.actions() if a.text() == "Delete").trigger()
    assert pool.id not in [n.id for n in panel.model.nodes]


def test_presets_menu_and_undo_actions(panel: NetworkPanel) -> None:
    assert set(panel.preset_actions) == set(preset_names())
    assert not panel.undo_action.isEnabled()
    panel.preset_actions["nielsen-mlp"].trigger()
    assert [n.type for n in panel.model.nodes] == ["dense", "dense"]
    assert panel.inspector.cost_combo.currentData() == "quadratic"
    assert panel.undo_action.isEnabled()
    assert "nielsen-mlp" in panel.undo_action.toolTip()
    panel.undo_action.trigger()
    assert panel.spec()["layers"] == load_preset("nielsen-conv")["layers"]
    assert panel.inspector.cost_combo.currentData() == "log-likelihood"
    panel.redo_action.trigger()
    assert panel.total_label.text() == "Total: 23,860 parameters"


def test_zoom_and_fit(qtbot, panel: NetworkPanel) -> None:
    view = panel.view
    fitted = view.zoom()
    assert 0.2 <= fitted <= 1.0
    view.zoom_by(2.0)
    assert view.zoom() == pytest.approx(min(3.0, fitted * 2.0))
    assert not view.auto_fit
    view.set_zoom(50)
    assert view.zoom() == pytest.approx(3.0)
    panel.fit_action.trigger()
    assert view.auto_fit and view.zoom() == pytest.approx(fitted)
    view.set_zoom(2.0)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.auto_fit and view.zoom() == pytest.approx(fitted)


def test_zoomed_far_out_blocks_show_name_count_and_shape_large(panel: NetworkPanel) -> None:
    view, scene = panel.view, panel.scene
    conv1 = scene.block(panel.model.nodes[0].id)
    view.set_zoom(1.0)
    assert not conv1.compact
    assert "conv 20@5x5 s1 p0 g1, sigmoid" in conv1.shown_text()  # the full face: 4 lines
    assert conv1.title_item.isVisible() and not conv1.big_title.isVisible()

    view.set_zoom(COMPACT_BELOW - 0.1)
    assert conv1.compact and scene.input_block.compact
    title, count, shapes = conv1.shown_text().split("\n")
    # The output shape always shows; "1x28x28 → " before it where the font leaves room.
    assert (title, count) == ("conv1", "520") and shapes.endswith("→ 20x24x24")
    assert scene.input_block.shown_text().split("\n") == ["input", "1x28x28"]
    assert conv1.big_title.isVisible() and not conv1.settings_item.isVisible()
    # Readable where the full face is not: the large lines stay over 9 screen pixels.
    on_screen = conv1.big_line.boundingRect().height() * view.zoom()
    assert on_screen > 9 > conv1.settings_item.boundingRect().height() * view.zoom()
    assert conv1.big_line.sceneBoundingRect().bottom() <= conv1.sceneBoundingRect().bottom()
    assert conv1.big_title.sceneBoundingRect().right() < conv1.big_params.sceneBoundingRect().left()

    panel.add_layer({"type": "dense", "units": 10})  # a new block joins in the compact face
    added = scene.block(panel.model.nodes[-1].id)
    assert added.compact and added.shown_text().startswith("dense")
    panel.model.set_layer(panel.model.nodes[0].id, {**panel.model.nodes[0].layer, "groups": 3})
    assert conv1.error and conv1.shown_text().split("\n")[-1].startswith("⚠ ")

    view.set_zoom(COMPACT_BELOW + 0.1)
    assert not conv1.compact and not added.compact and conv1.settings_item.isVisible()


def test_ctrl_b_builds_from_anywhere_in_the_panel(qtbot, panel: NetworkPanel) -> None:
    panel.confirm_discard = lambda: True
    for widget in (panel.view, panel.layer_palette):
        widget.setFocus()
        with qtbot.waitSignal(panel.network_built, timeout=5000):
            qtbot.keyClick(widget, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)


def test_tidy_puts_moved_blocks_back_in_one_step(panel: NetworkPanel) -> None:
    conv = panel.model.nodes[0]
    panel.model.set_positions({conv.id: (400.0, 10.0)})
    panel.layout_action.trigger()
    assert panel.model.positions() == panel.model.auto_layout()
    assert panel.undo_stack.count() == 1
    panel.undo_stack.undo()
    assert panel.model.node(conv.id).pos == (400.0, 10.0)


def test_palette_drags_carry_the_default_layer_as_a_copy(panel: NetworkPanel) -> None:
    palette = panel.layer_palette
    item = palette.find_entry("L2 pool")
    mime = palette.mimeData([item])
    assert layer_from_mime(mime) == {"type": "pool", "mode": "l2", "size": 2}
    assert palette.count() == len([e for e in palette_entries()])
    heading = palette.item(0)
    assert palette.layer_of(heading) is None
    assert not heading.flags() & Qt.ItemFlag.ItemIsDragEnabled
    point = view_point(panel, panel.scene.block(panel.model.nodes[0].id).center())
    # Shift proposes a move; the canvas must still take a copy or the palette loses the entry.
    args = (
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
    )
    drop = QDropEvent(QPointF(point), *args)
    assert drop.proposedAction() == Qt.DropAction.MoveAction
    QApplication.sendEvent(panel.view.viewport(), QDragEnterEvent(point, *args))
    QApplication.sendEvent(panel.view.viewport(), drop)
    assert drop.dropAction() == Qt.DropAction.CopyAction
    assert panel.model.nodes[1].layer == {"type": "pool", "mode": "l2", "size": 2}


def test_set_spec_without_undo_starts_a_fresh_history(panel: NetworkPanel) -> None:
    panel.load_preset("nielsen-mlp")
    assert panel.undo_stack.count() == 1
    panel.set_spec(load_preset("nielsen-conv2"), undoable=False)
    assert panel.undo_stack.count() == 0
    assert len(panel.model.nodes) == 6


@pytest.mark.parametrize("size", [(587, 184), (667, 194), (587, 167)])
def test_fitting_settles_at_sizes_where_scroll_bars_used_to_flicker(qtbot, panel, size) -> None:
    """At these panel sizes the fit showed scroll bars, which shrank the view, which refitted
    without them, forever (the window froze for minutes). It must settle after a few fits."""
    fits: list[float] = []
    panel.view.zoom_changed.connect(fits.append)
    panel.resize(*size)
    qtbot.wait(300)
    assert 0 < len(fits) < 10
    settled = len(fits)
    qtbot.wait(200)
    assert len(fits) == settled


def test_opening_a_faulty_file_keeps_its_fault_in_the_status_line(
    qtbot, panel: NetworkPanel, tmp_path
) -> None:
    # "Opened x.json" replaced the red line the validation had just written: the student never
    # saw why the file's conv2 was red.
    bad = dict(load_preset("grouped-conv"))
    bad["layers"][2]["groups"] = 3
    path = tmp_path / "groups3.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    said: list[str] = []
    panel.status_message.connect(said.append)
    assert panel.open_json(path)
    text = panel.status_label.text()
    assert text.startswith(f"Opened {path}") and "groups=3 must divide in_channels=20" in text
    assert "#c62828" in panel.status_label.styleSheet()
    assert said[-1] == text  # the window's status bar says the same

    # The orange warning of an output too small for the dataset stays too.
    panel.set_dataset_classes(10)
    small = {
        "input": [1, 28, 28],
        "layers": [{"type": "dense", "units": 5, "activation": "softmax"}],
    }
    path = tmp_path / "out5.json"
    path.write_text(json.dumps(small), encoding="utf-8")
    assert panel.open_json(path)
    text = panel.status_label.text()
    assert text.startswith(f"Opened {path}") and "cannot be trained on it" in text
    assert "#b36b00" in panel.status_label.styleSheet()

    # A sound network is reported plainly.
    panel.load_preset("nielsen-mlp")
    assert panel.status_label.text() == "Loaded preset nielsen-mlp"


def test_a_drag_hint_leaves_the_status_line_once_the_block_leaves_the_arrow(
    panel: NetworkPanel,
) -> None:
    # Dragged over input→conv1, moved away and released on empty canvas, dense2 stayed put but
    # the status line kept "Release to move dense2 between input and conv1".
    ids = [n.id for n in panel.model.nodes]
    accepted = panel.status_label.text()
    assert accepted.startswith("✓")
    start = panel.scene.block(ids[-1]).center()
    arrow = panel.scene.links[(INPUT_ID, ids[0])].path().pointAtPercent(0.5)
    away = arrow + QPointF(600, 0)
    viewport = panel.view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton

    def send(kind, point, button, buttons):
        local = QPointF(view_point(panel, point))
        event = QMouseEvent(
            kind, local, viewport.mapToGlobal(local), button, buttons, Qt.KeyboardModifier(0)
        )
        QApplication.sendEvent(viewport, event)

    send(QMouseEvent.Type.MouseButtonPress, start, left, left)
    for i in range(1, 11):
        send(QMouseEvent.Type.MouseMove, start + (arrow - start) * (i / 10), none, left)
    assert panel.status_label.text() == "Release to move dense2 between input and conv1"
    told: list[str] = []  # what the window's status bar is told
    panel.status_message.connect(told.append)
    for i in range(1, 11):
        send(QMouseEvent.Type.MouseMove, arrow + (away - arrow) * (i / 10), none, left)
    assert panel.status_label.text() == accepted
    assert told[-1:] == [""]  # the window clears its copy of the hint too
    send(QMouseEvent.Type.MouseButtonRelease, away, left, none)
    assert [n.id for n in panel.model.nodes] == ids  # nothing was inserted anywhere
    assert panel.status_label.text() == accepted
    assert "#2e7d32" in panel.status_label.styleSheet()

    # Released on the arrow, the block moves and the line says what the network is now.
    drag(panel, panel.scene.block(ids[1]).center(), arrow)
    assert panel.model.nodes[0].id == ids[1]
    assert "Release to move" not in panel.status_label.text()


def test_a_network_built_from_scratch_is_saved_and_built_without_the_old_presets_words(
    qtbot, panel: NetworkPanel, tmp_path
) -> None:
    build_by_hand(qtbot, panel, load_preset("nielsen-mlp"))
    path = tmp_path / "mlp.json"
    panel.save_json(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert not {"name", "description", "training"} & set(saved), saved
    panel.confirm_discard = lambda: True
    net = panel.build_network()
    assert "training" not in net.spec  # the Training panel takes no stale learning rate


def test_ctrl_click_selects_one_block_the_one_delete_removes(qtbot, panel: NetworkPanel) -> None:
    # Ctrl+click left conv1 and dense1 both outlined, but Delete removed dense1 alone.
    ids = [n.id for n in panel.model.nodes]
    click_block(qtbot, panel, ids[0])
    block = panel.scene.block(ids[2])
    ctrl = Qt.KeyboardModifier.ControlModifier
    point = view_point(panel, block.center())
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, ctrl, point)
    selected = [i.node_id for i in panel.scene.selectedItems() if hasattr(i, "node_id")]
    assert selected == [ids[2]] and panel.model.selected_id == ids[2]
    assert not panel.scene.block(ids[0]).isSelected()
    assert panel.inspector.title_label.text().startswith("dense1")
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert [n.id for n in panel.model.nodes] == [ids[0], ids[1], ids[3]]


def test_an_empty_canvas_is_not_saved(qtbot, panel: NetworkPanel, tmp_path, monkeypatch) -> None:
    # The file was written, and opening it again failed: "the spec has no layers".
    clear_canvas(qtbot, panel)
    path = tmp_path / "empty.json"
    assert not panel.save_json(path)
    assert not path.exists()
    assert "Nothing to save: the canvas has no layers" in panel.status_label.text()
    asked: list[object] = []
    monkeypatch.setattr(
        "playground.ui.canvas.panel.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: asked.append(args) or (str(path), ""),
    )
    panel.save_action.trigger()
    assert not asked and not path.exists()  # no file dialog for nothing
    panel.undo_stack.undo()
    assert panel.save_json(path) and panel.open_json(path)


def _column_ends(line: str) -> list[int]:
    """The display cell where each column of a summary line ends (columns: 2+ spaces apart)."""
    ends, at = [], 0
    for word in (w.strip() for w in line.split("  ") if w.strip()):
        at = line.index(word, at) + len(word)
        ends.append(display_width(line[:at]))
    return ends


def test_the_summary_tables_columns_fit_long_names(qtbot, panel: NetworkPanel) -> None:
    # Fixed 9-cell columns: "activation1" ran into its output shape.
    panel.set_spec(
        {
            "input": [1, 28, 28],
            "layers": [
                {"type": "dense", "units": 30, "activation": "linear"},
                {"type": "activation", "activation": "relu"},
                {"type": "dense", "units": 10, "activation": "softmax"},
            ],
        }
    )
    panel.model.set_selection(None)
    lines = panel.inspector.info.text().split("\n")
    header, rule, *rows, _rule, total = lines
    assert header.split() == ["Layer", "Output", "Params"]
    assert rows[1].split() == ["activation1", "30", "0"]
    assert total.split() == ["Total", "23,860"]
    assert {_column_ends(line)[-1] for line in [header, *rows, total]} == {len(rule)}
    assert len({_column_ends(line)[1] for line in [header, *rows]}) == 1


def test_the_summary_table_counts_chinese_characters_as_two_cells() -> None:
    # 层 / 输出 / 参数 / 总计 take two cells each in a monospace font, and padding by len() put
    # the Chinese header and total out of line with the numbers.
    assert display_width("总计") == 4 and display_width("conv1") == 5
    lines = summary_lines(
        ("层", "输出", "参数"),
        [("conv1", "20x24x24", 520), ("dense1", "10", 1010)],
        ("总计", 1530),
    )
    header, rule, *rows, _rule, total = lines
    width = display_width(rule)
    assert {display_width(line) for line in lines} == {width}
    assert {_column_ends(line)[1] for line in [header, *rows]} == {_column_ends(rows[0])[1]}
    assert total.startswith("总计") and total.endswith("1,530")


def test_the_move_buttons_follow_the_ends_of_the_chain(qtbot, panel: NetworkPanel) -> None:
    # ↑ stayed enabled on the first layer (and ↓ on the last) and did nothing when clicked;
    # the right-click menu already disabled them there.
    inspector = panel.inspector
    ids = [n.id for n in panel.model.nodes]

    def enabled() -> tuple[bool, bool, bool]:
        buttons = (inspector.up_button, inspector.down_button, inspector.delete_button)
        return tuple(b.isEnabled() for b in buttons)

    click_block(qtbot, panel, ids[0])
    assert enabled() == (False, True, True)
    click_block(qtbot, panel, ids[1])
    assert enabled() == (True, True, True)
    click_block(qtbot, panel, ids[-1])
    assert enabled() == (True, False, True)
    qtbot.mouseClick(inspector.up_button, Qt.MouseButton.LeftButton)  # now third of four
    assert enabled() == (True, True, True)
    click_block(qtbot, panel, ids[1])
    qtbot.mouseClick(inspector.up_button, Qt.MouseButton.LeftButton)  # now first
    assert enabled() == (False, True, True)
    panel.undo_stack.undo()  # back to second
    assert enabled() == (True, True, True)
    click_block(qtbot, panel, INPUT_ID)
    assert enabled() == (False, False, False)
    panel.model.set_selection(None)
    assert enabled() == (False, False, False)


def test_the_form_shows_a_loaded_value_beyond_its_usual_limit(
    qtbot, panel: NetworkPanel, tmp_path
) -> None:
    # padding 40, stride 40 from a file: the block said p40 s40, the spin boxes 32 and 32.
    conv = {"type": "conv", "filters": 4, "kernel": 9, "padding": 40, "stride": 40}
    out = {"type": "dense", "units": 10, "activation": "softmax"}
    path = tmp_path / "pad40.json"
    path.write_text(json.dumps({"input": [1, 28, 28], "layers": [conv, out]}), encoding="utf-8")
    assert panel.open_json(path)
    conv_id = panel.model.nodes[0].id
    click_block(qtbot, panel, conv_id)
    editors = panel.inspector.editors
    assert (editors["padding"].value(), editors["stride"].value()) == (40, 40)
    assert "s40 p40" in panel.scene.block(conv_id).toolTip()
    set_editor(panel, "filters", 5)
    assert panel.model.node(conv_id).layer["padding"] == 40
    assert editors["padding"].value() == 40
    set_editor(panel, "padding", 12)  # lowering it works as ever
    assert panel.model.node(conv_id).layer["padding"] == 12

    # A stride no spin box can hold (the engine takes it: the output is 1x1) is shown as text.
    huge = {**conv, "stride": 10**10}
    panel.set_spec({"input": [1, 28, 28], "layers": [huge, out]})
    click_block(qtbot, panel, panel.model.nodes[0].id)
    stride = panel.inspector.editors["stride"]
    assert stride.text() == "10000000000" and not stride.isEnabled()
    assert panel.inspector.editors["padding"].value() == 40


class _Marking(QTranslator):
    """Brackets every canvas text it is asked for, so a test sees which words went through
    tr() (and in which context) without depending on a language's translations."""

    CONTEXTS = ("LayerPalette", "LayerInspector", "CanvasCommands", "EngineNames")

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"[{source}]" if context in self.CONTEXTS else ""


def test_layer_kinds_reach_the_interface_through_tr(qtbot, panel: NetworkPanel) -> None:
    # In Chinese the inspector read "conv1 (conv)" and Undo "Add max-pool": raw type names
    # beside the palette's 卷积 and 最大池化.
    assert panel.inspector.title_label.text() == "Layer"
    marking = _Marking()
    QCoreApplication.installTranslator(marking)
    try:
        ids = [n.id for n in panel.model.nodes]
        click_block(qtbot, panel, ids[0])
        assert panel.inspector.title_label.text() == "[{name} ({kind})]".format(
            name="conv1", kind="[Conv]"
        )
        click_block(qtbot, panel, ids[1])
        assert panel.inspector.title_label.text() == "[{name} ({kind})]".format(
            name="pool1", kind="[Max pool]"
        )
        panel.add_layer({"type": "pool", "mode": "avg", "size": 2})
        assert panel.undo_stack.undoText() == "[Add {layer}]".format(layer="[Average pool]")
        panel.add_layer({"type": "dense", "units": 10})
        assert panel.undo_stack.undoText() == "[Add {layer}]".format(layer="[Dense]")
        set_editor(panel, "units", 12)
        assert panel.undo_stack.undoText() == "[Edit {name}: {setting}]".format(
            name="dense1", setting="[Neurons]"
        )
        panel.set_cost("quadratic")
        assert panel.undo_stack.undoText() == "[Set cost to {cost}]".format(cost="[quadratic]")
        labels = [label for _s, label, layer, _t in palette_entries() if layer is not None]
        assert labels[:5] == ["[Dense]", "[Conv]", "[Max pool]", "[L2 pool]", "[Average pool]"]
    finally:
        QCoreApplication.removeTranslator(marking)


def test_a_name_typed_without_json_is_saved_as_json(
    panel: NetworkPanel, tmp_path, monkeypatch
) -> None:
    # Typed "mynet", the file was written as "mynet", which the dialog's "*.json" filter hid.
    monkeypatch.setattr(
        "playground.ui.canvas.panel.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(tmp_path / "mynet"), ""),
    )
    panel.save_action.trigger()
    assert [p.name for p in tmp_path.iterdir()] == ["mynet.json"]
    assert panel.last_path == tmp_path / "mynet.json"
    assert json.loads((tmp_path / "mynet.json").read_text(encoding="utf-8")) == panel.spec()
    monkeypatch.setattr(
        "playground.ui.canvas.panel.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(tmp_path / "Other.JSON"), ""),
    )
    panel.save_action.trigger()  # a name that has the suffix keeps it, in any case
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Other.JSON", "mynet.json"]


def test_a_layer_added_from_the_palette_takes_the_keys(qtbot, panel: NetworkPanel) -> None:
    # After a double-click in the palette the focus stayed there: Delete and Alt+Up did
    # nothing to the layer just added, though the inspector's ✕ says "(Delete)".
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    palette = panel.layer_palette
    double_click_palette(qtbot, panel, "Dense")
    added = panel.model.nodes[-1].id
    assert QApplication.focusWidget() is panel.view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [n.id for n in panel.model.nodes][-2] == added
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert added not in [n.id for n in panel.model.nodes]

    palette.setFocus()
    palette.setCurrentItem(palette.find_entry("relu"))
    qtbot.keyClick(palette, Qt.Key.Key_Return)  # Enter adds the entry too
    assert panel.model.nodes[-1].layer == {"type": "activation", "activation": "relu"}
    assert QApplication.focusWidget() is panel.view

    palette.setFocus()
    last = panel.scene.block(panel.model.nodes[-1].id)
    drop_layer(panel, {"type": "activation", "activation": "tanh"}, last.center())
    assert panel.model.nodes[-1].layer == {"type": "activation", "activation": "tanh"}
    assert QApplication.focusWidget() is panel.view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert [n.layer.get("activation") for n in panel.model.nodes][-2:] == ["softmax", "relu"]


def test_an_input_the_datasets_images_do_not_fit_is_flagged_before_build(
    qtbot, panel: NetworkPanel, monkeypatch
) -> None:
    # A 1x32x32 file on MNIST got the green ✓ and built; only Start refused it ("the
    # dataset's images are 1x28x28 but the network expects 1x32x32").
    spec = {
        "input": [1, 32, 32],
        "layers": [
            {"type": "conv", "filters": 4, "kernel": 5},
            {"type": "dense", "units": 10, "activation": "softmax"},
        ],
        "cost": "log-likelihood",
    }
    panel.set_spec(spec)
    panel.set_dataset_classes(10)
    assert panel.status_label.text().startswith("✓")  # no dataset shape: nothing to compare
    panel.set_dataset_input((1, 28, 28))
    text = panel.status_label.text()
    assert text.startswith("⚠") and "inputs of 1x32x32" in text and "are 1x28x28" in text, text
    assert "#b36b00" in panel.status_label.styleSheet()
    # The input block, which the user cannot otherwise tell is wrong, is marked too.
    block = panel.scene.input_block
    assert block.warning and "1x28x28" in block.shape_item.text()
    assert block.body.pen().color().name() == WARNING_LINE
    panel.view.set_zoom(COMPACT_BELOW - 0.1)
    title, line = block.shown_text().split("\n")
    assert title == "input" and "≠" in line and line.endswith("1x28x28"), line

    # The right-click menu on the input block offers the fix, as one undo step.
    menu = panel.context_menu(block.center())
    fix = next(a for a in menu.actions() if "1x28x28" in a.text())
    assert fix.text() == "Use the dataset's shape, 1x28x28"
    fix.trigger()
    assert panel.spec()["input"] == [1, 28, 28]
    assert panel.status_label.text().startswith("✓") and block.warning is None
    assert block.body.pen().color().name() != WARNING_LINE
    panel.undo_stack.undo()
    assert panel.spec()["input"] == [1, 32, 32] and block.warning
    menu.deleteLater()

    # The trainer reshapes a flat input of as many values: no warning there.
    panel.set_spec({**spec, "input": [784], "layers": [spec["layers"][1]]})
    assert panel.status_label.text().startswith("✓") and block.warning is None
    assert not any(
        "dataset's shape" in a.text() for a in panel.context_menu(block.center()).actions()
    )


def test_a_softmax_in_the_middle_marks_the_softmax_to_move(qtbot, panel: NetworkPanel) -> None:
    # Only the layer after the softmax turned red (activation1: "cannot follow softmax
    # (dense2)"); dense2, the layer the student has to change, stayed uncoloured.
    spec = {
        "input": [1, 28, 28],
        "layers": [
            {"type": "dense", "units": 100, "activation": "sigmoid"},
            {"type": "dense", "units": 10, "activation": "softmax"},
            {"type": "activation", "activation": "relu"},
        ],
        "cost": "log-likelihood",
    }
    panel.set_spec(spec)
    with pytest.raises(SpecError) as caught:
        infer(spec)
    engine = str(caught.value)
    assert engine.startswith("activation1: the activation layer cannot follow softmax (dense2)")
    dense1, dense2, act = (panel.scene.block(n.id) for n in panel.model.nodes)
    assert dense1.error is None
    assert act.error == engine  # the engine's message stays where the engine put it
    assert dense2.error is not None and dense2.error.startswith("Move this softmax to the last")
    assert engine in dense2.error and engine in dense2.toolTip()
    assert dense2.body.pen().color().name() == ERROR_LINE
    assert dense2.shape_item.text().startswith("⚠ Move this softmax")
    assert panel.status_label.text() == f"⚠ {engine}"  # the status line keeps the engine's words
    click_block(qtbot, panel, panel.model.nodes[1].id)
    assert panel.inspector.error.text() == dense2.error
    set_editor(panel, "activation", "sigmoid")  # no softmax before relu: the cause mark goes
    assert dense2.error is None
    assert act.error is not None and "needs a softmax output" in act.error  # the cost's fault


def test_zoomed_out_blocks_keep_the_name_and_the_reason_readable(panel: NetworkPanel) -> None:
    # Zoomed out, a faulty block repeated its name ("⚠ conv2: groups=…" under "conv2"), and
    # a large count cut the name: "den…" beside "1,600,100".
    panel.load_preset("grouped-conv")
    conv2 = panel.model.nodes[2]
    panel.model.set_setting(conv2.id, "groups", 3)
    panel.view.set_zoom(COMPACT_BELOW - 0.1)
    block = panel.scene.block(conv2.id)
    title, _count, reason = block.shown_text().split("\n")
    assert title == "conv2" and reason.startswith("⚠ groups=3 must"), reason
    assert block.shape_item.text().startswith("⚠ groups=3 must divide")  # the full face too
    assert block.error is not None and block.error.startswith("conv2: groups=3")
    assert "conv2: groups=3" in block.toolTip()  # the tooltip keeps the engine's whole message

    conv = {"type": "conv", "filters": 20, "kernel": 5}
    panel.set_spec(
        {
            "input": [1, 28, 28],
            "layers": [
                conv,
                {**conv, "filters": 40, "groups": 2},
                {"type": "dense", "units": 100},
                {"type": "dense", "units": 20000, "name": "hidden"},  # 2,020,000 parameters
                {"type": "dense", "units": 10, "activation": "softmax"},
            ],
            "cost": "log-likelihood",
        }
    )
    for node in panel.model.nodes:
        block = panel.scene.block(node.id)
        name = panel.model.layer_names()[node.id]
        info = panel.model.state(node.id).info
        assert info is not None
        assert block.big_title.text() == name and block.big_params.text() == f"{info.params:,}"
        title, count = block.big_title.sceneBoundingRect(), block.big_params.sceneBoundingRect()
        assert title.right() < count.left() and count.right() <= block.sceneBoundingRect().right()
        # The count stays legible: at least 60 % of the name's size.
        assert block.big_params.font().pixelSize() >= 0.6 * block.big_title.font().pixelSize()
    dense1 = panel.scene.block(panel.model.nodes[2].id)
    assert dense1.big_params.text() == "1,600,100"
    # A block whose count fits keeps both in the large type.
    conv1 = panel.scene.block(panel.model.nodes[0].id)
    assert conv1.big_params.font().pixelSize() == conv1.big_title.font().pixelSize()


@pytest.mark.parametrize("column", [324, NARROW_COLUMN])
def test_the_canvas_toolbar_fits_a_narrow_canvas_column(qtbot, panel, column: int) -> None:
    # At the first start on a 1400x900 screen (a 1260x810 window) the canvas column is 324 px
    # wide, and Tidy and Fit were hidden in the toolbar's "»" menu.
    splitter = panel.findChild(QSplitter)
    sizes = [panel.layer_palette.minimumWidth(), column, panel.inspector.minimumWidth()]
    panel.resize(sum(sizes) + 2 * splitter.handleWidth() + 8, 420)
    splitter.setSizes(sizes)
    qtbot.waitUntil(lambda: panel.view.width() == column)
    bar = panel.toolbar
    qtbot.waitUntil(lambda: bar.width() == column)
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()
    for action in bar.actions():
        widget = bar.widgetForAction(action)
        assert widget is not None and widget.isVisible(), action.text()
        assert bar.rect().contains(widget.geometry()), action.text()
    # Everything the toolbar offered is still there, at most one menu away.
    offered = set(bar.actions())
    for button in bar.findChildren(QToolButton):
        offered |= set(button.menu().actions() if button.menu() else [])
    for action in (
        panel.open_action,
        panel.save_action,
        panel.undo_action,
        panel.redo_action,
        panel.layout_action,
        panel.fit_action,
    ):
        assert action in offered, action.text()


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # nested too deeply for Python's parser
        '{"input": [784], "layers": [{"type": "dense", "units": Infinity}]}',
    ],
    ids=["nested-deep", "infinite-units"],
)
def test_a_json_python_cannot_take_is_reported_not_raised(
    qtbot, panel: NetworkPanel, tmp_path, text
) -> None:
    """RecursionError and an infinite setting's OverflowError escaped open_json: a traceback
    on stderr and no dialog."""
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    before = panel.spec()
    failed: list[tuple[str, str]] = []
    panel.file_failed.connect(lambda title, message: failed.append((title, message)))
    assert panel.open_json(path) is False
    assert panel.spec() == before and len(failed) == 1 and "odd.json" in failed[0][1]
