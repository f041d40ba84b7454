"""The labs' widgets: moving a control updates what is shown, and the shown numbers are right."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QLabel,
    QPushButton,
    QTabWidget,
    QWidget,
)

from playground.labs.backprop import Stage
from playground.labs.descent import GradientDescent, Status
from playground.ui.labs import BackpropLabWidget, CostLab, DescentLab, LabsPanel, NeuronLab
from playground.ui.labs._widgets import fmt


@pytest.fixture
def neuron_lab(qtbot) -> NeuronLab:
    widget = NeuronLab()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def descent_lab(qtbot) -> DescentLab:
    widget = DescentLab()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def backprop_lab(qtbot) -> BackpropLabWidget:
    widget = BackpropLabWidget()
    qtbot.addWidget(widget)
    return widget


def test_panel_holds_the_four_labs_by_name(qtbot) -> None:
    panel = LabsPanel()
    qtbot.addWidget(panel)
    tabs = panel.findChild(QTabWidget, "labsTabs")
    assert tabs.count() == 4
    assert all(tabs.tabText(i) for i in range(4))
    assert panel.findChild(QWidget, "descentLab") is None  # built only when first shown
    panel.build_all()
    names = [panel.lab(i).objectName() for i in range(4)]
    assert names == ["neuronLab", "descentLab", "backpropLab", "costLab"]
    for i, name in enumerate(names):
        assert panel.findChild(QWidget, name) is panel.lab(i)
        assert tabs.widget(i).isAncestorOf(panel.lab(i))
    assert isinstance(panel.cost_lab, CostLab) and panel.cost_lab is panel.lab(3)


def test_a_lab_fills_a_large_dock_and_scrolls_in_a_small_one(qtbot) -> None:
    panel = LabsPanel()
    qtbot.addWidget(panel)
    lab = panel.backprop_lab
    panel.tabs.setCurrentIndex(2)
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitExposed(panel)
    scroll = lab.parentWidget().parentWidget()
    qtbot.waitUntil(lambda: lab.height() == scroll.viewport().height())
    assert lab.width() == scroll.viewport().width()
    assert not scroll.verticalScrollBar().isVisible()
    panel.resize(1000, 300)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().isVisible())
    assert lab.height() == lab.minimumHeight()


def test_panel_builds_the_lab_of_the_tab_being_shown(qtbot) -> None:
    panel = LabsPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.findChild(QWidget, "neuronLab") is not None, timeout=20000)
    assert panel.findChild(QWidget, "backpropLab") is None
    panel.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: panel.findChild(QWidget, "backpropLab") is not None, timeout=20000)
    assert panel.findChild(QWidget, "costLab") is None


def test_moving_a_weight_slider_updates_z_and_both_outputs(neuron_lab: NeuronLab, qtbot) -> None:
    neuron_lab.load_nand()  # inputs (1, 1), w = (-2, -2), b = 3: z = -1
    assert "−1.000" in neuron_lab.readout.text()
    slider = neuron_lab.findChild(QWidget, "weightSlider1")
    slider.slider.setValue(slider._to_position(1.0))  # drag w1 to +1: z = 1 - 2 + 3 = 2
    assert neuron_lab.neuron.weights[0] == pytest.approx(1.0)
    text = neuron_lab.readout.text()
    assert "<b>2.000</b>" in text
    assert "Perceptron: <b>1</b>" in text
    assert fmt(1 / (1 + np.exp(-2.0)), 4) in text
    assert slider.spin.value() == pytest.approx(1.0)


def test_bias_slider_and_input_toggle(neuron_lab: NeuronLab, qtbot) -> None:
    neuron_lab.load_nand()
    neuron_lab.bias_slider.setValue(1.0)  # z = -2 - 2 + 1 = -3
    assert "<b>−3.000</b>" in neuron_lab.readout.text()
    toggle = neuron_lab.findChild(QPushButton, "inputToggle1")
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)  # x1 -> 0: z = -1
    assert toggle.text() == "0"
    assert "<b>−1.000</b>" in neuron_lab.readout.text()


def test_real_inputs_move_with_their_sliders(neuron_lab: NeuronLab) -> None:
    neuron_lab.load_nand()
    neuron_lab.input_mode.setCurrentIndex(neuron_lab.input_mode.findData("real"))
    toggle, slider = neuron_lab.input_toggles[0], neuron_lab.input_sliders[0]
    assert slider.isVisibleTo(neuron_lab) and not toggle.isVisibleTo(neuron_lab)
    slider.slider.setValue(slider._to_position(0.25))  # z = -2(0.25) - 2(1) + 3 = 0.5
    assert neuron_lab.neuron.inputs[0] == pytest.approx(0.25)
    assert "<b>0.500</b>" in neuron_lab.readout.text()
    assert fmt(1 / (1 + np.exp(-0.5)), 4) in neuron_lab.readout.text()


def test_nand_preset_shows_the_nand_truth_table(neuron_lab: NeuronLab, qtbot) -> None:
    neuron_lab.n_inputs_spin.setValue(3)
    qtbot.mouseClick(neuron_lab.findChild(QPushButton, "nandPreset"), Qt.MouseButton.LeftButton)
    rows = neuron_lab.displayed_truth_table()
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("0", "0", "1"),
        ("0", "1", "1"),
        ("1", "0", "1"),
        ("1", "1", "0"),
    ]
    assert [r[2] for r in rows] == ["3.00", "1.00", "1.00", "−1.00"]
    assert "NAND" in neuron_lab.findChild(QLabel, "gateLabel").text()


@pytest.mark.parametrize("n_inputs", [2, 3, 1])
def test_truth_tables_show_every_header_and_cell_whole(neuron_lab: NeuronLab, qtbot, n_inputs):
    """No column is cut ("step(z)" read "tep(z" when the columns were stretched equally)."""
    neuron_lab.resize(760, 420)  # a small dock: the layout squeezes the tables
    neuron_lab.show()
    qtbot.waitExposed(neuron_lab)
    neuron_lab.n_inputs_spin.setValue(n_inputs)
    qtbot.wait(50)
    for table in (neuron_lab.truth_table, neuron_lab.half_adder.table):
        header = table.horizontalHeader()
        for c in range(table.columnCount()):
            need = max(header.sectionSizeHint(c), table.sizeHintForColumn(c))
            assert header.sectionSize(c) >= need, (table.objectName(), c)
        assert table.viewport().width() >= header.length(), table.objectName()


def test_nudge_shows_the_change_of_each_output(neuron_lab: NeuronLab, qtbot) -> None:
    neuron_lab.load_nand()
    before = neuron_lab.neuron.weights[0]
    qtbot.mouseClick(neuron_lab.findChild(QPushButton, "nudgeUp"), Qt.MouseButton.LeftButton)
    nudge = neuron_lab.last_nudge
    assert nudge is not None and nudge.index == 0
    assert neuron_lab.neuron.weights[0] == pytest.approx(before + 0.1)
    assert neuron_lab.weight_sliders[0].value() == pytest.approx(before + 0.1)
    text = neuron_lab.findChild(QLabel, "nudgeResult").text()
    assert "did not move" in text
    assert fmt(nudge.after.sigmoid, 4) in text and fmt(nudge.d_sigmoid, 4) in text
    neuron_lab.weight_sliders[1].setValue(-1.0)  # moving a slider by hand ends the comparison
    assert neuron_lab.last_nudge is None
    assert "did not move" not in neuron_lab.nudge_result.text()


def test_half_adder_toggles(neuron_lab: NeuronLab, qtbot) -> None:
    adder = neuron_lab.half_adder
    for name in ("adderInput1", "adderInput2"):
        qtbot.mouseClick(adder.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
    assert (adder.values["sum"], adder.values["carry"]) == (0, 1)
    assert "sum 0" in adder.result.text() and "carry 1" in adder.result.text()
    table = [tuple(adder.table.item(r, c).text() for c in range(4)) for r in range(4)]
    assert table == [
        ("0", "0", "0", "0"),
        ("0", "1", "1", "0"),
        ("1", "0", "1", "0"),
        ("1", "1", "0", "1"),
    ]


def test_half_adder_wires_pass_no_other_gate_and_the_weight_label_is_in_the_clear(
    neuron_lab: NeuronLab,
) -> None:
    """Straight, the n1 -> carry wire ran through n3 and its "−4" sat under n3's circle: carry
    looked like n3's output."""
    from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsLineItem

    adder = neuron_lab.half_adder
    items = adder.scene.items()
    nodes = [i for i in items if isinstance(i, QGraphicsEllipseItem)]
    lines = [i.line() for i in items if isinstance(i, QGraphicsLineItem)]
    assert len(nodes) == len(adder.POSITIONS)
    assert len(lines) >= len(adder.WIRES)
    for line in lines:
        ends = {(round(p.x()), round(p.y())) for p in (line.p1(), line.p2())}
        for node in nodes:
            c = node.sceneBoundingRect().center()
            if (round(c.x()), round(c.y())) in ends:
                continue  # a wire meets its own gates
            d = np.array([line.dx(), line.dy()])
            t = np.clip(np.dot([c.x() - line.x1(), c.y() - line.y1()], d) / d.dot(d), 0, 1)
            nearest = np.array([line.x1(), line.y1()]) + t * d
            gap = np.hypot(*(nearest - [c.x(), c.y()]))
            assert gap > adder.RADIUS + 3, (line, c)
    label = adder.weight_label.sceneBoundingRect()
    for node in nodes:
        assert not label.intersects(node.sceneBoundingRect())


def test_eta_slider_and_step_button(descent_lab: DescentLab, qtbot) -> None:
    descent_lab.eta_slider.setValue(0.25)
    assert descent_lab.descent.eta == pytest.approx(0.25)
    start = descent_lab.descent.v.copy()
    qtbot.mouseClick(descent_lab.findChild(QPushButton, "descentStep"), Qt.MouseButton.LeftButton)
    np.testing.assert_allclose(descent_lab.descent.v, start * 0.5)  # bowl: v - 0.25 * 2v
    xs, ys = descent_lab.cost_curve.getData()
    assert list(xs) == [0, 1]
    assert ys[1] == pytest.approx(float(np.sum((start * 0.5) ** 2)))
    assert "Step 1" in descent_lab.readout.text()


def test_run_on_the_bowl_converges(descent_lab: DescentLab, qtbot) -> None:
    descent_lab.eta_slider.setValue(0.3)
    qtbot.mouseClick(descent_lab.findChild(QPushButton, "descentRun"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not descent_lab.timer.isActive(), timeout=10000)
    assert "At a minimum" in descent_lab.status_label.text()
    assert not descent_lab.run_button.isChecked() and descent_lab.run_button.text() == "Run"
    assert descent_lab.at_minimum()


def _zero_gradient_shown(grad: np.ndarray) -> bool:
    """The readout prints this gradient as (0.000, 0.000)."""
    return fmt(grad[0]) == fmt(grad[1]) == "0.000"


def test_a_run_stops_on_the_tick_the_gradient_reads_zero(descent_lab: DescentLab, qtbot) -> None:
    """A tester's run on the bowl at η = 0.1 showed ∇C = (0.000, 0.000) at step 40 while the
    arrow still pointed, the text said "Descending" and Pause stayed up for 8 more steps."""
    descent_lab.eta_slider.setValue(0.1)
    model = GradientDescent(descent_lab.descent.surface, eta=0.1)  # the bowl, without the lab
    while not _zero_gradient_shown(model.gradient()):
        model.step()
    assert model.steps == 40 and not model.converged  # the model's own test has not fired yet
    descent_lab.timer.setInterval(3_600_000)  # the test drives the ticks itself
    descent_lab.run()
    ticks = 0
    while descent_lab.timer.isActive() and ticks < 100:
        descent_lab.timer.timeout.emit()
        ticks += 1
    assert ticks == 40 and descent_lab.descent.steps == 40  # stopped on the tick that got there
    assert "∇C = (0.000, 0.000)" in descent_lab.readout.text()
    assert "no arrow" in descent_lab.readout.text()
    assert not descent_lab.grad_arrow.line.isVisible()
    assert not descent_lab.grad_arrow.head.isVisible()
    assert not descent_lab.step_arrow.head.isVisible()
    assert not descent_lab.run_button.isChecked() and descent_lab.run_button.text() == "Run"
    status = descent_lab.status_label.text()
    assert "At a minimum after 40 steps" in status and "stops here" in status
    assert "Descending" not in status
    descent_lab.step()  # gradient descent has stopped: a further step changes nothing
    assert descent_lab.descent.steps == 40


def test_a_nearly_zero_gradient_gets_no_arrow(descent_lab: DescentLab) -> None:
    """|∇C| = 2.8e-4 prints as (0.000, 0.000): no arrow may claim a direction for it."""
    descent_lab.reset((1e-4, -1e-4))
    assert not descent_lab.descent.converged  # the model's stricter test (1e-4) says no
    for arrow in (descent_lab.grad_arrow, descent_lab.step_arrow):
        assert not arrow.line.isVisible() and not arrow.head.isVisible()
    assert "At a minimum after 0 steps" in descent_lab.status_label.text()
    assert descent_lab.at_minimum()
    descent_lab.reset((0.01, -0.01))  # a clear slope: the arrows come back
    assert not descent_lab.at_rest()
    assert descent_lab.grad_arrow.line.isVisible() and descent_lab.grad_arrow.head.isVisible()
    assert "arrow shows its direction" in descent_lab.readout.text()


def test_a_flat_point_that_is_not_a_minimum_is_not_called_one(descent_lab, qtbot) -> None:
    """The saddle on the two-minima surface's ridge has ∇C = 0 but is no minimum."""
    descent_lab.set_surface("two_minima")
    roots = np.sort(np.roots([4.0, 0.0, -4.0, 0.3]).real)  # dC/dv1 = 0: left, ridge, right
    descent_lab.reset((float(roots[1]), 0.0))
    text = descent_lab.status_label.text()
    assert "not a minimum" in text and "At a minimum" not in text
    assert not descent_lab.grad_arrow.line.isVisible()
    assert descent_lab.at_rest() and not descent_lab.at_minimum()
    descent_lab.step()  # descent cannot move from here
    assert descent_lab.descent.steps == 0


def test_run_with_a_too_large_eta_diverges_and_says_so(descent_lab: DescentLab, qtbot) -> None:
    descent_lab.eta_slider.setValue(1.4)
    descent_lab.run()
    qtbot.waitUntil(lambda: not descent_lab.timer.isActive(), timeout=10000)
    assert descent_lab.descent.diverged
    assert "Diverged" in descent_lab.status_label.text()
    assert "too large" in descent_lab.status_label.text()
    assert not descent_lab.run_button.isChecked()


def test_the_zigzag_and_bouncing_texts_quote_the_limit_of_the_minimum_at_hand(
    descent_lab, qtbot
) -> None:
    """Near the sharper left minimum the largest η that settles is 0.2255: the lab says 0.22
    (rounded down), not the 0.25 it promised for the whole surface."""
    descent_lab.set_surface("two_minima")
    left = descent_lab.descent.surface.minima[0]
    descent_lab.eta_slider.setValue(0.24)
    descent_lab.reset((left[0] + 0.05, 0.0))
    for _ in range(200):
        descent_lab.step()
    text = descent_lab.status_label.text()
    assert "Bouncing" in text and "below 0.22" in text, text
    descent_lab.eta_slider.setValue(0.15)  # above half of 0.2255: zig-zags, still settles
    descent_lab.reset((left[0] + 0.05, 0.0))
    descent_lab.step()
    descent_lab.step()
    text = descent_lab.status_label.text()
    assert "Zig-zagging" in text and "(0.22)" in text and "0.25" not in text, text


def test_two_minima_run_says_when_it_settles_in_the_shallower_one(descent_lab, qtbot) -> None:
    descent_lab.set_surface("two_minima")  # starts right of the ridge
    descent_lab.eta_slider.setValue(0.1)
    descent_lab.run()
    qtbot.waitUntil(lambda: not descent_lab.timer.isActive(), timeout=15000)
    assert descent_lab.descent.v[0] > 0.5  # the right-hand, shallower minimum
    assert "At a minimum" in descent_lab.status_label.text()
    assert "shallower minimum" in descent_lab.status_label.text()
    assert descent_lab.at_minimum()
    descent_lab.reset((-0.5, 1.0))
    descent_lab.descent.run(500)
    descent_lab.refresh()
    assert descent_lab.descent.status() is Status.CONVERGED
    assert "At a minimum" in descent_lab.status_label.text()
    assert "shallower" not in descent_lab.status_label.text()


def test_clicking_the_map_places_the_ball(descent_lab: DescentLab, qtbot) -> None:
    descent_lab.resize(900, 600)
    descent_lab.show()
    qtbot.waitExposed(descent_lab)
    descent_lab.step()
    view = descent_lab.map.getPlotItem().vb
    scene_point = view.mapViewToScene(pg.Point(1.0, -0.5))
    widget_point = descent_lab.map.mapFromScene(scene_point)
    qtbot.mouseClick(descent_lab.map.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    np.testing.assert_allclose(descent_lab.descent.v, [1.0, -0.5], atol=0.05)
    assert descent_lab.descent.steps == 0  # a new start clears the path


def test_surface_choice_redraws(descent_lab: DescentLab) -> None:
    box = descent_lab.surface_box
    box.setCurrentIndex(box.findData("two_minima"))
    assert descent_lab.descent.surface.key == "two_minima"
    np.testing.assert_allclose(descent_lab.descent.v, descent_lab.descent.surface.start)
    assert len(descent_lab.minima.data) == 2


def test_backprop_buttons_fill_in_the_engines_numbers(backprop_lab: BackpropLabWidget, qtbot):
    lab, diagram = backprop_lab.lab, backprop_lab.diagram
    forward = backprop_lab.findChild(QPushButton, "stepForward")
    backward = backprop_lab.findChild(QPushButton, "stepBackward")
    update = backprop_lab.findChild(QPushButton, "applyUpdate")
    assert not backward.isEnabled() and not update.isEnabled()
    assert "z = ?" in diagram.node_text(1, 0)
    snap = lab.snapshot()
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    hidden = snap.layers[0]
    for j in range(3):
        text = diagram.node_text(1, j)
        assert f"z = {fmt(hidden.z[j])}" in text and f"a = {fmt(hidden.a[j])}" in text
    assert "z = ?" in diagram.node_text(2, 0)
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert not forward.isEnabled() and backward.isEnabled()
    assert f"z = {fmt(snap.layers[1].z[1])}" in diagram.node_text(2, 1)
    qtbot.mouseClick(backward, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(backward, Qt.MouseButton.LeftButton)
    assert lab.stage is Stage.BACKWARD_HIDDEN and update.isEnabled()
    # The shown errors and gradients are the engine's own.
    net_cost, grads = lab.net.gradients(np.array([[1.0, 0.5]], dtype=np.float32), np.array([0]))
    for layer, name in ((1, "dense1"), (2, "dense2")):
        for j in range(len(grads[f"{name}.bias"])):
            assert f"δ = {fmt(grads[f'{name}.bias'][j], 4)}" in diagram.node_text(layer, j)
            assert f"∂C/∂w = {fmt(grads[f'{name}.weight'][j, 0], 4)}" in diagram.edge_text(
                layer, j, 0
            )
    assert "BP2" in backprop_lab.explanation.text()
    old_w = lab.net.params["dense2.weight"].copy()
    qtbot.mouseClick(update, Qt.MouseButton.LeftButton)
    np.testing.assert_allclose(
        lab.net.params["dense2.weight"], old_w - lab.eta * grads["dense2.weight"], atol=1e-6
    )
    assert lab.stage is Stage.START and forward.isEnabled()
    new_w = fmt(lab.net.params["dense2.weight"][0, 0])
    assert diagram.edge_text(2, 0, 0) == f"w311 = {new_w}"  # w^3_11, gradients hidden again
    assert backprop_lab.history_curve.getData()[1][0] == pytest.approx(net_cost, rel=1e-6)


def test_backprop_cost_toggle_changes_the_output_error(backprop_lab: BackpropLabWidget, qtbot):
    saturate = backprop_lab.findChild(QPushButton, "saturateOutput")
    qtbot.mouseClick(saturate, Qt.MouseButton.LeftButton)
    backprop_lab.step_forward()
    backprop_lab.step_forward()
    backprop_lab.step_backward()
    assert backprop_lab.lab.stage is Stage.BACKWARD_OUTPUT
    quad_delta = backprop_lab.lab.snapshot().layers[1].delta[1]
    assert f"δ = {fmt(quad_delta, 4)}" in backprop_lab.diagram.node_text(2, 1)
    assert "σ′(z³)" in backprop_lab.explanation.text()
    backprop_lab.cost_box.setCurrentIndex(backprop_lab.cost_box.findData("cross-entropy"))
    assert backprop_lab.lab.cost_name == "cross-entropy"
    assert backprop_lab.lab.stage is Stage.START
    backprop_lab.step_forward()
    backprop_lab.step_forward()
    backprop_lab.step_backward()
    ce_delta = backprop_lab.lab.snapshot().layers[1].delta[1]
    assert ce_delta > 100 * quad_delta
    assert f"δ = {fmt(ce_delta, 4)}" in backprop_lab.diagram.node_text(2, 1)
    assert "cross-entropy" in backprop_lab.explanation.text()


@pytest.mark.parametrize("walk", ["start", "after the backward pass"])
def test_backprop_labels_hide_the_lines_under_them_and_never_overlap(backprop_lab, walk) -> None:
    """Weight labels were drawn straight over the connection lines: every label now sits on an
    opaque plate in the diagram's background colour, stacked above its own line; no label
    covers another label or a neuron."""
    if walk != "start":  # two-line labels: w and ∂C/∂w
        for step in (backprop_lab.step_forward,) * 2 + (backprop_lab.step_backward,) * 2:
            step()
    diagram = backprop_lab.diagram
    scene, background = diagram.scene(), diagram.backgroundBrush().color()
    for key, label in diagram.edge_labels.items():
        edge = diagram.edges[key]
        text_rect = label.sceneBoundingRect().adjusted(5, 5, -5, -5)  # inside the round corners
        line = edge.line()
        points = [line.pointAt(t) for t in np.linspace(0.0, 1.0, 400)]
        points = [point for point in points if text_rect.contains(point)]
        assert points, key  # the label sits on its own line
        for point in points:
            items = scene.items(point)  # topmost first
            above = items[: items.index(edge)]
            assert any(
                isinstance(item, QAbstractGraphicsShapeItem)
                and item.brush().isOpaque()
                and item.brush().color() == background
                and item.sceneBoundingRect().contains(text_rect)
                for item in above
            ), (key, point)
    labels = [*diagram.edge_labels.values(), *diagram.node_labels.values(), diagram.cost_label]
    rects = [label.sceneBoundingRect() for label in labels]
    for i, rect in enumerate(rects):
        for other in rects[i + 1 :]:
            assert not rect.intersects(other), (labels[i].toPlainText(), rect, other)
        for node in diagram.nodes.values():
            assert not rect.intersects(node.sceneBoundingRect()), labels[i].toPlainText()


def test_cost_lab_trains_both_and_plots_every_epoch(qtbot) -> None:
    lab = CostLab()
    qtbot.addWidget(lab)
    assert (lab.w_spin.value(), lab.b_spin.value(), lab.eta_spin.value()) == (2.0, 2.0, 0.15)
    qtbot.mouseClick(lab.findChild(QPushButton, "costRun"), Qt.MouseButton.LeftButton)
    assert lab.shown_epochs < 300
    qtbot.waitUntil(lambda: lab.shown_epochs == 300, timeout=20000)
    xs, quad = lab.quad_curve.getData()
    _, ce = lab.ce_curve.getData()
    assert len(xs) == 301
    np.testing.assert_allclose(quad, lab.histories["quadratic"].cost)
    np.testing.assert_allclose(ce, lab.histories["cross-entropy"].cost)
    _, quad_a = lab.quad_output.getData()
    _, ce_a = lab.ce_output.getData()
    assert quad_a[50] > 0.97 and ce_a[50] < 0.15  # the slowdown, as plotted
    assert "learning slowdown" in lab.readout.text()


def test_cost_lab_start_choice_sets_the_spins(qtbot) -> None:
    lab = CostLab()
    qtbot.addWidget(lab)
    lab.start_box.setCurrentIndex(lab.start_box.findData("comfortable"))
    assert (lab.w_spin.value(), lab.b_spin.value()) == (0.6, 0.9)
    assert lab.histories["quadratic"].w[0] == pytest.approx(0.6)
    assert lab.shown_epochs == 0
    lab.show_result()
    assert len(lab.quad_curve.getData()[0]) == 301


def test_cost_lab_start_box_names_the_users_own_start_and_finds_the_books_again(qtbot) -> None:
    """Editing w used to leave "saturated: w = 2, b = 2" on show."""
    lab = CostLab()
    qtbot.addWidget(lab)
    lab.w_spin.setValue(1.5)
    assert lab.start_box.currentData() == "own"
    assert (lab.w_spin.value(), lab.b_spin.value()) == (1.5, 2.0)
    assert lab.histories["quadratic"].w[0] == pytest.approx(1.5)
    lab.start_box.setCurrentIndex(lab.start_box.findData("own"))  # keeps the values
    assert (lab.w_spin.value(), lab.b_spin.value()) == (1.5, 2.0)
    lab.w_spin.setValue(0.6)
    lab.b_spin.setValue(0.9)
    assert lab.start_box.currentData() == "comfortable"


def test_cost_lab_draws_the_moral_only_when_the_run_shows_the_slowdown(qtbot) -> None:
    """A saturated start with a large η makes the quadratic neuron fast too: no slowdown to
    point at."""
    lab = CostLab()
    qtbot.addWidget(lab)
    lab.eta_spin.setValue(5.0)
    lab.show_result()
    quad, ce = lab.histories["quadratic"].a, lab.histories["cross-entropy"].a
    assert quad[0] > 0.9 and quad[0] - quad[50] > 0.5 * (ce[0] - ce[50])
    assert "learning slowdown" not in lab.readout.text()
    lab.eta_spin.setValue(0.15)
    lab.show_result()
    assert "learning slowdown" in lab.readout.text()
