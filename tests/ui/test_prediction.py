"""Live prediction: probabilities from the network, shown as bars and a large top guess."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from playground.ui.draw_panel import PREDICT_DELAY_MS, DrawPanel
from playground.ui.main_window import DEFAULT_MODEL
from playground.ui.prediction_view import PredictionError, PredictionView, predict_probabilities
from playground.ui.testing import draw_stroke, ellipse_points, line_points


class FakeNet:
    """Stands in for an engine Network: fixed outputs, records what it was given."""

    def __init__(self, outputs, input_shape=(1, 28, 28)) -> None:
        self.outputs = np.asarray(outputs, dtype=np.float32)
        self.spec = {"input": list(input_shape), "layers": []}
        self.inputs: list[np.ndarray] = []

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.inputs.append(np.array(x))
        return self.outputs[None]


def one_hot(label: int, p: float = 0.9, n: int = 10) -> np.ndarray:
    out = np.full(n, (1 - p) / (n - 1))
    out[label] = p
    return out


@pytest.fixture
def panel(qtbot) -> DrawPanel:
    widget = DrawPanel()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# --- predict_probabilities --------------------------------------------------------------------
def test_softmax_outputs_are_shown_as_they_are() -> None:
    net = FakeNet(one_hot(3))
    image = np.random.default_rng(0).random((28, 28), dtype=np.float32)
    p = predict_probabilities(net, image)
    np.testing.assert_allclose(p, one_hot(3), rtol=1e-6)
    (x,) = net.inputs
    assert x.shape == (1, 1, 28, 28) and x.dtype == np.float32
    np.testing.assert_array_equal(x[0, 0], image)


def test_sigmoid_outputs_are_normalised_to_probabilities() -> None:
    p = predict_probabilities(FakeNet([0.5, 0.25, 0.25, 0, 0, 0, 0, 0, 0, 0.0]), np.zeros((28, 28)))
    assert p.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(p[:3], [0.5, 0.25, 0.25])


def test_all_zero_outputs_do_not_divide_by_zero() -> None:
    p = predict_probabilities(FakeNet(np.zeros(10)), np.zeros((28, 28)))
    assert not p.any()


def test_wrong_input_shape_and_nan_outputs_are_explained() -> None:
    with pytest.raises(PredictionError, match="3x32x32"):
        predict_probabilities(FakeNet(one_hot(1), input_shape=(3, 32, 32)), np.zeros((28, 28)))
    with pytest.raises(PredictionError, match="not finite"):
        predict_probabilities(FakeNet([np.nan] * 10), np.zeros((28, 28)))


def test_a_flat_input_network_reads_the_drawing_as_784_values() -> None:
    """The book's MLPs take MNIST as 784 values: the pad refused them for being 1x28x28."""
    image = np.random.default_rng(1).random((28, 28), dtype=np.float32)
    net = FakeNet(one_hot(5), input_shape=(784,))
    np.testing.assert_allclose(predict_probabilities(net, image), one_hot(5), rtol=1e-6)
    (x,) = net.inputs
    assert x.shape == (1, 784)
    np.testing.assert_array_equal(x[0], image.reshape(-1))
    with pytest.raises(PredictionError, match=r"reads 100 values; the image has 784 \(1x28x28\)"):
        predict_probabilities(FakeNet(one_hot(1), input_shape=(100,)), image)


# --- PredictionView ---------------------------------------------------------------------------
def test_view_shows_bars_and_the_top_guess(qtbot) -> None:
    view = PredictionView()
    qtbot.addWidget(view)
    assert view.objectName() == "predictionView"
    assert view.predicted_label() is None
    p = one_hot(7, 0.8)
    with qtbot.waitSignal(view.prediction_changed, timeout=1000):
        view.show_probabilities(p)
    assert view.predicted_label() == 7
    np.testing.assert_allclose(view.probabilities(), p)
    np.testing.assert_allclose(view._bars.opts["height"], p)  # the bars show the same numbers
    assert view.guess_text() == "7"
    assert "80%" in view.detail_text()
    view.show_message("Draw a digit")
    assert view.predicted_label() is None
    assert not view.probabilities().any()
    assert view.guess_text() != "7"


def test_view_uses_class_names(qtbot) -> None:
    view = PredictionView()
    qtbot.addWidget(view)
    view.set_class_names([f"c{i}" for i in range(10)])
    view.show_probabilities(one_hot(4), true_label=2)
    assert view.guess_text() == "c4"
    assert "c2" in view.detail_text()


def test_a_network_without_softmax_shows_shares_not_probabilities(panel: DrawPanel) -> None:
    """A sigmoid output layer's outputs, scaled to sum to 1, are no probabilities: neither the
    axis nor the "sure" line may call them so."""
    from playground.engine import Network

    spec = {
        "input": [1, 28, 28],
        "layers": [{"type": "dense", "units": 10, "activation": "sigmoid"}],
        "cost": "quadratic",
    }
    sigmoid_net = Network.from_spec(spec, seed=0)
    panel.set_network(sigmoid_net)
    panel.set_engine_ready(True)
    image = np.zeros((1, 28, 28), dtype=np.float32)
    image[0, 8:20, 12:16] = 1.0
    panel.show_sample(image, 1)
    view = panel.prediction_view
    axis = view._plot.getPlotItem().getAxis("left").labelText
    assert axis == "share of outputs" and "of the outputs" in view.detail_text()
    assert "sure" not in view.detail_text()
    softmax = {**spec, "layers": [{**spec["layers"][0], "activation": "softmax"}]}
    panel.set_network(Network.from_spec({**softmax, "cost": "log-likelihood"}, seed=0))
    axis = view._plot.getPlotItem().getAxis("left").labelText
    assert axis == "probability" and "sure" in view.detail_text()


# --- the draw panel's live prediction ---------------------------------------------------------
def test_blank_pad_shows_no_guess(panel: DrawPanel) -> None:
    net = FakeNet(one_hot(5))
    panel.set_network(net)
    panel.set_engine_ready(True)
    assert panel.prediction_view.predicted_label() is None
    assert not panel.prediction_view.probabilities().any()
    assert net.inputs == []  # a blank pad is not even sent to the network


def test_drawing_updates_the_prediction_and_clear_removes_it(panel: DrawPanel, qtbot) -> None:
    net = FakeNet(one_hot(5))
    panel.set_network(net)
    panel.set_engine_ready(True)
    with qtbot.waitSignal(panel.prediction_view.prediction_changed, timeout=1000):
        draw_stroke(panel.pad, line_points((140, 40), (140, 240)))
    qtbot.waitUntil(lambda: panel.prediction_view.predicted_label() == 5, timeout=1000)
    # The network got exactly what the pad's to_input() gives.
    np.testing.assert_array_equal(net.inputs[-1][0, 0], panel.pad.to_input())
    panel.pad.clear()
    qtbot.waitUntil(lambda: panel.prediction_view.predicted_label() is None, timeout=1000)


def test_prediction_follows_the_pen_before_it_is_lifted(panel: DrawPanel, qtbot) -> None:
    from PySide6.QtCore import QEvent, Qt

    from playground.ui.testing import send_mouse

    net = FakeNet(one_hot(1))
    panel.set_network(net)
    panel.set_engine_ready(True)
    left = Qt.MouseButton.LeftButton
    send_mouse(panel.pad, QEvent.Type.MouseButtonPress, (140, 40), left, left)
    for y in range(45, 200, 5):
        send_mouse(panel.pad, QEvent.Type.MouseMove, (140, y), Qt.MouseButton.NoButton, left)
    qtbot.waitUntil(lambda: panel.prediction_view.predicted_label() == 1, timeout=1000)
    assert panel.pad.strokes == []  # still drawing: the stroke is not finished
    # Many moves within the throttle interval were coalesced into few predictions.
    assert len(net.inputs) <= 3


def test_no_guess_until_the_engine_is_ready(panel: DrawPanel, qtbot) -> None:
    net = FakeNet(one_hot(2))
    panel.set_network(net)
    panel.set_engine_ready(False, "Engine warming up")
    draw_stroke(panel.pad, line_points((140, 40), (140, 240)))
    qtbot.wait(PREDICT_DELAY_MS * 3)
    assert panel.prediction_view.predicted_label() is None
    assert "warming" in panel.prediction_view.detail_text()
    assert net.inputs == []
    panel.set_engine_ready(True)  # the drawing is read as soon as the kernels are ready
    assert panel.prediction_view.predicted_label() == 2


def test_no_model_and_wrong_input_shape_show_a_message(panel: DrawPanel, qtbot) -> None:
    panel.set_engine_ready(True)
    draw_stroke(panel.pad, line_points((140, 40), (140, 240)))
    panel.update_prediction()
    assert panel.prediction_view.predicted_label() is None
    assert "model" in panel.prediction_view.detail_text().lower()
    panel.set_network(FakeNet(one_hot(1), input_shape=(3, 32, 32)))
    assert panel.prediction_view.predicted_label() is None
    assert "3x32x32" in panel.prediction_view.detail_text()


def test_dataset_sample_is_fed_to_the_prediction(panel: DrawPanel) -> None:
    net = FakeNet(one_hot(8))
    panel.set_network(net)
    panel.set_engine_ready(True)
    image = np.zeros((1, 28, 28), dtype=np.float32)
    image[0, 10:18, 12:16] = 1.0
    panel.show_sample(image, 8)
    assert panel.prediction_view.predicted_label() == 8
    np.testing.assert_array_equal(net.inputs[-1][0], image)
    assert "8" in panel.preview_caption.text()
    # The pad's own drawing steps back, under a note saying how to return to it (it stayed
    # at full brightness beside the dataset image's guess).
    assert "dataset image" in panel.pad.overlay
    pad = panel.pad.grab().toImage()
    draw_stroke(panel.pad, line_points((140, 40), (140, 240)))
    assert panel.pad.overlay == "" and panel.shows_drawing()
    assert panel.pad.grab().toImage() != pad


def test_a_stroke_is_read_by_a_real_network_through_the_throttle(panel: DrawPanel, qtbot) -> None:
    """A stroke alone (no other event) leads to a prediction; its latency is benchmarked in
    bench/draw_latency.py, not timed here."""
    from playground.engine import Network, load_preset

    net = Network.from_spec(load_preset("nielsen-conv"), seed=0)
    net.forward(np.zeros((1, 1, 28, 28), dtype=np.float32))  # compiled (or loaded from cache)
    panel.set_network(net)
    panel.set_engine_ready(True)
    with qtbot.waitSignal(panel.prediction_view.prediction_changed, timeout=1000):
        draw_stroke(panel.pad, line_points((140, 40), (140, 240)))
    assert panel.prediction_view.predicted_label() is not None
    expected = net.forward(panel.pad.to_input()[None, None])[0]
    np.testing.assert_allclose(
        panel.prediction_view.probabilities(), expected / expected.sum(), rtol=1e-5, atol=1e-6
    )


# --- the shipped model ------------------------------------------------------------------------
@pytest.mark.skipif(
    not DEFAULT_MODEL.is_file(),
    reason=f"the shipped model {DEFAULT_MODEL.name} is not in resources/models yet",
)
def test_default_model_reads_a_drawn_one_and_zero(qtbot, tmp_path) -> None:
    from playground.ui import create_main_window

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_main_window(settings=settings, warm_up=False, load_dataset=False)
    qtbot.addWidget(window)
    assert window.network is not None and window.network_path == DEFAULT_MODEL
    pad, view = window.draw_pad, window.prediction_view

    draw_stroke(pad, line_points((140, 40), (140, 240)))
    qtbot.waitUntil(lambda: view.predicted_label() is not None, timeout=2000)
    assert view.predicted_label() == 1, view.probabilities()

    pad.clear()
    qtbot.waitUntil(lambda: view.predicted_label() is None, timeout=2000)
    draw_stroke(pad, ellipse_points((140, 140), 60, 95))
    qtbot.waitUntil(lambda: view.predicted_label() is not None, timeout=2000)
    assert view.predicted_label() == 0, view.probabilities()
    window.close()


def test_a_near_certain_guess_is_not_called_certain(qtbot) -> None:
    """99.5% and up rounded to "100% sure", which a network never is but for exactly 1."""
    view = PredictionView()
    qtbot.addWidget(view)
    view.show_probabilities(one_hot(3, 0.997))
    assert view.detail_text() == "over 99% sure"
    view.show_probabilities(one_hot(3, 1.0))  # a float32 softmax saturates to exactly 1
    assert view.detail_text() == "over 99% sure"
    view.show_probabilities(one_hot(3, 0.97))
    assert view.detail_text() == "97% sure"
    view.show_probabilities(one_hot(3, 0.997), softmax=False)
    assert view.detail_text() == "over 99% of the outputs"


def test_the_pad_and_its_prediction_can_be_read_aloud(qtbot, panel: DrawPanel) -> None:
    """The brush slider, the preview and the bars had no name, and the ten probabilities were
    not exposed at all; the bar plot was a Tab stop with no key of its own."""
    view = panel.prediction_view
    assert panel.width_slider.accessibleName() and panel.preview.accessibleName()
    plot = view.findChild(QWidget, "predictionPlot")
    assert plot.accessibleName() and plot.focusPolicy() == Qt.FocusPolicy.NoFocus
    view.show_probabilities(one_hot(7, 0.8))
    described = plot.accessibleDescription()
    assert described.startswith("7: 80%") and described.count(":") == 10
    view.show_message("Draw a digit")  # a blank pad: not the last drawing's probabilities
    assert plot.accessibleDescription() == "Draw a digit"
