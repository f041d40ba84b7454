"""The views: grids of kernels, feature maps and pooled outputs, plots, confusion, exports."""

from __future__ import annotations

import csv
import re

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
)

from playground.data import load_mnist
from playground.engine import Network, load_preset
from playground.ui.training import EpochReport, Mistake, TrainingController
from playground.ui.training.controller import probe_activations, weights_to_show
from playground.ui.views import ViewsPanel
from playground.ui.views.inside import pool
from playground.ui.views.mosaic import (
    FitText,
    centre_ticks,
    grid_shape,
    symmetric_levels,
    thin_ticks,
    tile,
    wrap,
)
from playground.ui.views.plots import AccuracyPlot, CostPlot, nice_ceiling

GROUPED = {
    "input": [1, 28, 28],
    "layers": [
        {"type": "conv", "filters": 4, "kernel": 5, "activation": "relu"},
        {"type": "pool", "mode": "l2", "size": 2},
        {"type": "conv", "filters": 6, "kernel": 3, "groups": 2, "activation": "tanh"},
        {"type": "pool", "mode": "avg", "size": 3},
        {"type": "dense", "units": 10, "activation": "softmax"},
    ],
    "cost": "log-likelihood",
}


@pytest.fixture(scope="module")
def data():
    return load_mnist().subset(100, eval_limit=50)


@pytest.fixture
def panel(qtbot, data):
    controller = TrainingController()
    views = ViewsPanel(controller)
    views.resize(1000, 600)
    qtbot.addWidget(views)
    views.set_dataset(data)
    views.set_engine_ready(True)
    views.show()
    qtbot.waitExposed(views)
    yield views
    views.shutdown()
    controller.shutdown()


def test_tile_lays_out_tiles_with_nan_gaps():
    tiles = np.arange(2 * 3 * 2 * 2, dtype=np.float32).reshape(2, 3, 2, 2)
    image = tile(tiles)
    assert image.shape == (2 * 3 - 1, 3 * 3 - 1)
    np.testing.assert_array_equal(image[0:2, 3:5], tiles[0, 1])
    np.testing.assert_array_equal(image[3:5, 6:8], tiles[1, 2])
    assert np.isnan(image[2]).all() and np.isnan(image[:, 2]).all()
    assert wrap(np.ones((5, 2, 2), np.float32), 2, 3).shape == (2, 3, 2, 2)
    assert np.isnan(wrap(np.ones((5, 2, 2), np.float32), 2, 3)[1, 2]).all()
    assert grid_shape(20, 5, 5, aspect=1.0) in ((4, 5), (5, 4))
    assert symmetric_levels(np.array([-0.5, 2.0])) == (-2.0, 2.0)
    assert symmetric_levels(np.array([np.nan, -3.0, np.inf])) == (-3.0, 3.0)
    heavy = np.concatenate([np.linspace(-0.1, 0.1, 999), [5.0]])  # one outlier in 1,000
    low, high = symmetric_levels(heavy, percentile=99.0)
    assert low == -high and 0.09 < high < 0.11  # the outlier saturates instead of setting the scale
    assert nice_ceiling(2.31) == 2.5 and nice_ceiling(0.07) == pytest.approx(0.08)


@pytest.mark.parametrize("mode", ["max", "l2", "avg"])
def test_pooling_comparison_matches_the_engine(mode):
    spec = {
        "input": [1, 9, 9],
        "layers": [
            {"type": "conv", "filters": 3, "kernel": 2, "activation": "tanh"},
            {"type": "pool", "mode": mode, "size": 3},
            {"type": "dense", "units": 2, "activation": "softmax"},
        ],
        "cost": "log-likelihood",
    }
    net = Network.from_spec(spec, seed=1)
    x = np.random.default_rng(0).random((1, 9, 9), dtype=np.float32)
    acts = probe_activations(net, x)
    np.testing.assert_allclose(pool(acts["conv1"], 3, mode), acts["pool1"], rtol=1e-5, atol=1e-6)


def test_kernel_view_draws_groups_as_a_block_diagonal(panel):
    net = Network.from_spec(GROUPED, seed=0)
    panel.set_network(net)
    panel.refresh(force=True)
    images = panel.kernel_view.images()
    conv2 = images["conv2"]  # 6 filters x 4 channels of 3x3; group g sees channels 2g, 2g+1
    assert conv2.shape == (6 * 4 - 1, 4 * 4 - 1)
    w = net.params["conv2.weight"]  # (6, 2, 3, 3)
    np.testing.assert_array_equal(conv2[0:3, 0:3], w[0, 0])  # filter 1, channel 1
    np.testing.assert_array_equal(conv2[3 * 4 : 3 * 4 + 3, 2 * 4 : 2 * 4 + 3], w[3, 0])
    assert np.isnan(conv2[0:3, 2 * 4 : 2 * 4 + 3]).all()  # group 1 does not see channel 3
    assert np.isnan(conv2[3 * 4 : 3 * 4 + 3, 0:3]).all()  # group 2 does not see channel 1
    levels = panel.kernel_view.grids["conv2"].image.levels
    top = np.percentile(np.abs(w), 99.0)  # the top 1% saturates: heavy tails stay visible
    assert levels[0] == pytest.approx(-levels[1]) and levels[1] == pytest.approx(top)
    assert levels[1] < np.abs(w).max()
    assert "2 groups" in panel.kernel_view.grids["conv2"].title


def test_a_layer_of_one_filter_is_named_in_the_singular(panel, data):
    spec = {
        "input": [1, 28, 28],
        "layers": [
            {"type": "conv", "filters": 1, "kernel": 5, "activation": "relu"},
            {"type": "pool", "mode": "max", "size": 2},
            {"type": "dense", "units": 10, "activation": "softmax"},
        ],
        "cost": "log-likelihood",
    }
    panel.set_network(Network.from_spec(spec, seed=0))
    panel.set_probe(data.val_x[7])
    panel.refresh(force=True)
    assert panel.kernel_view.grids["conv1"].title == "conv1: 1 filter 5×5, 1 channel"
    assert panel.feature_map_view.grids["conv1"].title == "conv1: 1 map of 24×24 (relu)"
    assert panel.pooled_view.grids["pool1"].title == "pool1: max 2×2, 1 map 24×24 → 12×12"
    panel.set_network(Network.from_spec(GROUPED, seed=0))
    panel.refresh(force=True)
    assert panel.kernel_view.grids["conv1"].title == "conv1: 4 filters 5×5, 1 channel"


def test_feature_maps_and_pooling_follow_the_probe(panel, data):
    net = Network.from_spec(GROUPED, seed=0)
    panel.set_network(net)
    panel.set_probe(data.val_x[7], "a seven")
    panel.refresh(force=True)
    maps = panel.feature_map_view.images()
    acts = probe_activations(net, data.val_x[7])
    assert set(maps) == {"input", "conv1", "conv2"}
    rows, cols = grid_shape(4, 24, 24, aspect=1.6)
    np.testing.assert_allclose(maps["conv1"], tile(wrap(acts["conv1"], rows, cols)))
    pooled = panel.pooled_view.images()
    assert set(pooled) == {"pool1", "pool2"}
    assert "a seven" in panel.probe_label.text()
    # Another probe changes the maps but not the kernels.
    kernels = panel.kernel_view.images()["conv1"]
    panel.set_probe(data.val_x[8])
    panel.refresh(force=True)
    assert not np.array_equal(
        panel.feature_map_view.images()["conv1"], maps["conv1"], equal_nan=True
    )
    np.testing.assert_array_equal(panel.kernel_view.images()["conv1"], kernels)


def test_the_probe_picker_says_when_the_probe_is_not_the_image_it_shows(panel, data, qtbot):
    """After a gallery click the picker still read "validation image #0", and picking #0
    again did nothing: it now says no image is picked, and #0 works again."""
    panel.set_network(Network.from_spec(GROUPED, seed=0))
    spin = panel.probe_spin
    panel.use_validation_image(0)
    assert spin.value() == 0 and "#0" in panel.probe_label.text()
    panel.set_probe(data.val_x[7], "a misclassified image (label 3)")  # as a gallery click does
    assert spin.value() == -1 and spin.text() == "validation image…"
    spin.setValue(0)  # picking #0 again makes it the probe again
    assert "validation image #0" in panel.probe_label.text()
    np.testing.assert_array_equal(panel.probe, data.val_x[0])
    spin.setValue(5)
    assert spin.value() == 5 and "#5" in panel.probe_label.text()


def test_an_mlp_opens_on_its_weights_not_on_an_empty_kernels_tab(panel):
    """A dense-only network shown on the Kernels tab said "no convolutional layer" and nothing
    else; a conv network leaves the tab the user chose alone."""
    panel.tabs.setCurrentWidget(panel.kernel_view)
    panel.set_network(Network.from_spec(load_preset("nielsen-mlp"), seed=0))
    assert panel.tabs.currentWidget() is panel.dense_view
    panel.tabs.setCurrentWidget(panel.pooled_view)
    panel.set_network(Network.from_spec(GROUPED, seed=0))
    assert panel.tabs.currentWidget() is panel.pooled_view
    panel.tabs.setCurrentWidget(panel.results_splitter)  # not a conv view: kept for an MLP
    panel.set_network(Network.from_spec(load_preset("nielsen-mlp"), seed=0))
    assert panel.tabs.currentWidget() is panel.results_splitter


def test_mlp_weights_show_as_28x28_images(panel):
    net = Network.from_spec(load_preset("nielsen-mlp"), seed=0)
    panel.set_network(net)
    panel.refresh(force=True)
    image = panel.dense_view.images()["dense1"]
    rows, cols = grid_shape(30, 28, 28, aspect=1.6)
    assert image.shape == (rows * 29 - 1, cols * 29 - 1)
    np.testing.assert_array_equal(image[:28, :28], net.params["dense1.weight"][0].reshape(28, 28))
    assert "no convolutional layer" in panel.kernel_view.message.text
    grids = panel.dense_view.grids
    assert grids["dense1"].title == "dense1: 30 units, each a 28×28 image"
    panel.set_network(Network.from_spec(GROUPED, seed=0))  # "each a 6 maps" read wrong
    panel.refresh(force=True)
    assert panel.dense_view.grids["dense1"].title == "dense1: 10 units, each 6 maps of 3×3"


def test_a_message_wraps_to_a_narrow_view_and_is_one_line_again_when_wide(qtbot):
    """At 1024x768 the Kernels tab cut "This network has no convolutional layer, so no
    kernels." off mid-word; the message now wraps to the view's width, centred."""
    from playground.ui.views.inside import KernelView

    view = KernelView()
    qtbot.addWidget(view)
    view.resize(260, 200)
    view.show()
    qtbot.waitExposed(view)
    view.set_spec(load_preset("nielsen-mlp"))
    item = view.message.item
    assert "no convolutional layer" in view.message.text
    assert _laid_out_lines(view.message) >= 2
    assert item.mapRectToScene(item.boundingRect()).right() <= view.width()
    assert item.mapRectToScene(item.boundingRect()).left() >= 0
    view.resize(900, 200)
    qtbot.waitUntil(lambda: _laid_out_lines(view.message) == 1)
    assert item.textWidth() == -1  # its own width: centred by the layout, not in a wide box
    view.resize(260, 200)
    qtbot.waitUntil(lambda: _laid_out_lines(view.message) >= 2)


def test_the_mistakes_caption_counts_them_all_and_says_when_it_shows_only_some(qtbot, panel, data):
    panel.set_network(Network.from_spec(GROUPED, seed=0))
    mistakes = [Mistake(i, data.val_x[i % len(data.val_x)], 0, 1) for i in range(64)]
    report = EpochReport(3, 3, 0.1, 0.98, 0.9751, 0.97, 0.1, 900.0, 2.0, None, mistakes)
    report.mistakes_total = 249
    panel.controller.epoch_finished.emit(report)
    panel.refresh(force=True)
    qtbot.waitUntil(lambda: panel.mistakes_gallery.count() == 64)
    assert panel.mistakes_caption.text().startswith(
        "The first 64 of 249 misclassified validation images after epoch 3"
    )
    panel.controller.epoch_finished.emit(
        EpochReport(4, 4, 0.1, 1.0, 1.0, 0.97, 0.1, 900.0, 2.0, None, [])
    )
    panel.refresh(force=True)
    qtbot.waitUntil(lambda: panel.mistakes_gallery.count() == 0)
    assert panel.mistakes_caption.text() == "No misclassified validation images after epoch 4"


def test_epoch_reports_fill_confusion_gallery_and_history(qtbot, panel, data, tmp_path):
    net = Network.from_spec(GROUPED, seed=0)
    panel.set_network(net)
    confusion = np.zeros((10, 10), dtype=np.int64)
    confusion[np.arange(10), np.arange(10)] = 4
    confusion[4, 9] = 3
    mistakes = [Mistake(5, data.val_x[5], 9, int(data.val_y[5]))]
    entry = {
        "epoch": 1,
        "cost": 1.5,
        "train_accuracy": 0.5,
        "val_accuracy": 0.4,
        "test_accuracy": 0.45,
        "val_cost": 1.7,
        "images_per_s": 900.0,
        "seconds": 2.0,
    }
    report = EpochReport(1, 3, 1.5, 0.5, 0.4, 0.45, 1.7, 900.0, 2.0, confusion, mistakes, entry)
    panel.controller.epoch_finished.emit(report)
    panel.refresh(force=True)
    np.testing.assert_array_equal(panel.confusion_view.matrix, confusion)
    assert panel.mistakes_gallery.count() == 1
    assert panel.mistakes_caption.text().startswith("1 misclassified validation image after")
    assert panel.accuracy_plot.series["test_accuracy"].y.tolist() == [45.0]
    with qtbot.waitSignal(panel.probe_selected) as chosen:
        panel.mistakes_gallery.select_mistake(0)
    np.testing.assert_array_equal(chosen.args[0], data.val_x[5])
    assert chosen.args[1] == int(data.val_y[5])
    np.testing.assert_array_equal(panel.probe, data.val_x[5])
    # Exports: every view as PNG, the history as CSV, atomically.
    for key in panel.view_titles():
        path = tmp_path / f"{key}.png"
        assert panel.export_png(key, path), key
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    panel.export_csv(tmp_path / "history.csv")
    with open(tmp_path / "history.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1 and float(rows[0]["test_accuracy"]) == 0.45
    panel.export_batch_costs_csv(tmp_path / "costs.csv")
    assert (tmp_path / "costs.csv").read_text().startswith("epoch,cost,smoothed_cost")
    assert not list(tmp_path.glob(".*tmp*"))


def _click_cell(qtbot, view, i: int, j: int) -> None:
    """A left click in the middle of confusion cell (true class i, guess j), as a user makes."""
    scene_point = view.grid.plot.getViewBox().mapViewToScene(QPointF(j + 0.5, i + 0.5))
    point = view.mapFromScene(scene_point)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_a_click_on_a_confusion_cell_shows_its_images_until_clicked_again(qtbot, panel, data):
    """Class 4 read as 9: the gallery shows exactly those images, the epochs after it keep the
    choice, a diagonal cell shows images read correctly, a second click brings back every
    mistake."""
    panel.set_network(Network.from_spec(GROUPED, seed=0))
    labels = np.asarray(data.val_y)
    fours = np.flatnonzero(labels == 4)
    assert len(fours) >= 3
    guesses = labels.copy()
    guesses[fours[:2]] = 9  # two 4s read as 9
    wrong = np.flatnonzero(guesses != labels)
    confusion = np.bincount(labels * 10 + guesses, minlength=100).reshape(10, 10)

    def report(epoch: int) -> EpochReport:
        mistakes = [Mistake(int(n), data.val_x[n], int(guesses[n]), int(labels[n])) for n in wrong]
        r = EpochReport(epoch, 3, 0.1, 0.9, 0.9, 0.9, 0.1, 900.0, 2.0, confusion, mistakes)
        r.mistakes_total = len(wrong)
        r.val_images, r.val_labels, r.val_guesses = data.val_x, labels, guesses
        return r

    panel.tabs.setCurrentWidget(panel.results_splitter)
    panel.controller.epoch_finished.emit(report(1))
    panel.refresh(force=True)
    qtbot.waitUntil(lambda: panel.confusion_view.matrix is not None)
    view = panel.confusion_view
    assert not panel.all_mistakes_button.isVisible()

    _click_cell(qtbot, view, 4, 9)
    assert panel.cell == (4, 9) and view.selected == (4, 9)
    gallery = panel.mistakes_gallery
    assert [m.index for m in gallery.mistakes] == [int(n) for n in fours[:2]]
    assert panel.mistakes_caption.text().startswith("2 images of 4 read as 9 after epoch 1")
    assert panel.all_mistakes_button.isVisible()
    with qtbot.waitSignal(panel.probe_selected) as chosen:
        gallery.select_mistake(1)
    np.testing.assert_array_equal(chosen.args[0], data.val_x[fours[1]])
    assert "misclassified" in panel.probe_label.text()

    panel.controller.epoch_finished.emit(report(2))  # the next epoch keeps the cell
    qtbot.waitUntil(lambda: "after epoch 2" in panel.mistakes_caption.text(), timeout=3000)
    assert len(gallery.mistakes) == 2

    _click_cell(qtbot, view, 4, 4)  # the diagonal: the 4s read correctly
    assert panel.cell == (4, 4)
    assert [m.index for m in gallery.mistakes] == [int(n) for n in fours[2:]]
    assert all(m.guess == m.label == 4 for m in gallery.mistakes)
    assert gallery.item(0).text() == "4"  # no "(is 4)" after a right answer
    gallery.select_mistake(0)
    assert "a validation image (label 4)" in panel.probe_label.text()

    _click_cell(qtbot, view, 4, 4)  # the same cell again: every mistake
    assert panel.cell is None and view.selected is None
    assert len(gallery.mistakes) == len(wrong)
    assert not panel.all_mistakes_button.isVisible()

    _click_cell(qtbot, view, 3, 8)  # an empty cell says so
    assert gallery.count() == 0
    assert panel.mistakes_caption.text() == "No image of 3 was read as 8 after epoch 2"
    panel.all_mistakes_button.click()
    assert panel.cell is None and len(gallery.mistakes) == len(wrong)

    _click_cell(qtbot, view, 4, 9)
    panel.set_network(Network.from_spec(GROUPED, seed=1))  # another network: no cell
    assert panel.cell is None and not panel.all_mistakes_button.isVisible()


def test_exports_with_nothing_to_show_yet_are_greyed_out(qtbot, panel, data) -> None:
    """Before the first epoch the confusion matrix and the gallery exported blank PNGs."""
    panel.set_network(Network.from_spec(GROUPED, seed=0))
    panel.update_export_actions()
    actions = panel.export_actions
    blank = {k for k, a in actions.items() if not a.isEnabled()}
    assert blank == {"confusion", "mistakes"}
    assert actions["confusion"].toolTip() == "After the first epoch"
    assert not panel.csv_action.isEnabled() and not panel.batch_csv_action.isEnabled()
    confusion = np.eye(10, dtype=np.int64)
    entry = {"epoch": 1, "cost": 1.0, "val_accuracy": 0.5}
    report = EpochReport(1, 3, 1.0, None, 0.5, None, None, 1.0, 1.0, confusion, [], entry)
    panel.controller.epoch_finished.emit(report)
    panel.cost_plot.add_costs(np.array([0.5]), np.array([1.0]))
    qtbot.waitUntil(lambda: panel.confusion_view.matrix is not None)
    panel.update_export_actions()
    assert all(a.isEnabled() for a in actions.values())
    assert panel.csv_action.isEnabled() and panel.batch_csv_action.isEnabled()


def test_a_flood_of_quick_epochs_plots_every_one_and_redraws_the_details_at_a_pace(
    qtbot, panel, data, monkeypatch
) -> None:
    """A tiny dataset ends epochs 50 times a second: each is a point on the curves, but the
    confusion matrix and the mistakes (13 ms a time) are redrawn for the newest one only."""
    panel.set_network(Network.from_spec(GROUPED, seed=0))
    drawn: list[int] = []
    show = panel.mistakes_gallery.show_mistakes
    monkeypatch.setattr(
        panel.mistakes_gallery, "show_mistakes", lambda m: drawn.append(len(m)) or show(m)
    )
    for epoch in range(1, 61):
        confusion = np.eye(10, dtype=np.int64) * epoch
        mistakes = [Mistake(i, data.val_x[i], 0, 1) for i in range(epoch % 7)]
        entry = {"epoch": epoch, "cost": 1.0 / epoch, "val_accuracy": epoch / 100}
        panel.controller.epoch_finished.emit(
            EpochReport(
                epoch,
                60,
                1.0 / epoch,
                None,
                epoch / 100,
                None,
                None,
                1.0,
                0.01,
                confusion,
                mistakes,
                entry,
            )
        )
    assert panel.accuracy_plot.series["val_accuracy"].n == 60  # every epoch on the curve
    assert len(panel.history) == 60
    qtbot.waitUntil(
        lambda: panel.confusion_view.matrix is not None and panel.confusion_view.matrix[0, 0] == 60,
        timeout=3000,
    )
    assert len(drawn) == 2  # the first epoch at once, then the newest after the burst
    assert drawn[-1] == 60 % 7 and panel.mistakes_gallery.count() == 60 % 7


def test_a_loaded_network_shows_its_history(panel, qtbot):
    net = Network.from_spec(GROUPED, seed=0)
    net.history = [
        {"epoch": 1, "cost": 2.0, "val_accuracy": 0.3, "test_accuracy": 0.31},
        {"epoch": 2, "cost": 1.0, "val_accuracy": 0.6, "test_accuracy": 0.62},
    ]
    panel.set_network(net)
    panel.refresh(force=True)
    assert panel.cost_plot.epochs.y.tolist() == [2.0, 1.0]
    assert panel.accuracy_plot.series["val_accuracy"].y.tolist() == [30.0, 60.0]
    assert "epoch,cost" in panel.history_csv()
    box = panel.accuracy_plot.getPlotItem().getViewBox()
    qtbot.wait(100)  # pyqtgraph fits the range when it paints
    (_x0, x1), (y0, y1) = box.viewRange()
    assert 25 < y0 < y1 < 65 and x1 < 2.5  # fitted to 30-60% over epochs 1-2
    # An untrained network next: no points, and not the old network's 30-60% range either.
    panel.set_network(Network.from_spec(GROUPED, seed=1))
    panel.refresh(force=True)
    qtbot.wait(100)
    assert panel.accuracy_plot.series["val_accuracy"].n == 0
    (_x0, x1), (y0, y1) = box.viewRange()
    assert y0 <= 0.0 and y1 >= 100.0 and x1 <= 1.1, (x1, y0, y1)


def test_show_all_puts_every_view_on_screen(panel):
    panel.set_network(Network.from_spec(GROUPED, seed=0))
    panel.set_show_all(True)
    for widget, _title, _key in panel.inside:
        assert widget.isVisible()
    assert panel.show_all_button.isChecked()
    panel.set_show_all(False)
    assert panel.tabs.count() == len(panel.inside)
    assert panel.kernel_view.isVisible() and not panel.pooled_view.isVisible()


def test_show_all_gives_every_view_a_readable_cell_and_scrolls_when_the_panel_is_small(
    qtbot, panel
) -> None:
    """In a docked panel the grid of 2x3 cells had left the pooling view 140 px, no room for
    its maps; the cells now keep SHOW_ALL_CELL and the columns follow the width."""
    from playground.ui.views.panel import SHOW_ALL_CELL

    panel.set_network(Network.from_spec(GROUPED, seed=0))
    grid = panel.all_views
    panel.resize(1000, 300)
    panel.set_show_all(True)
    qtbot.waitUntil(lambda: grid.verticalScrollBar().maximum() > 0)
    assert grid.columns == grid.column_count(grid.viewport().width()) < 3
    for widget, _title, _key in panel.inside:
        assert widget.height() >= SHOW_ALL_CELL[1]
    panel.resize(2000, 900)  # room for three columns: the last view spans the rest of its row
    qtbot.waitUntil(lambda: grid.columns == 3)
    first, last = panel.inside[0][0], panel.inside[-1][0]
    qtbot.waitUntil(lambda: last.width() > 1.5 * first.width())
    assert grid.verticalScrollBar().maximum() == 0
    minimum = panel.kernel_view.minimumHeight()
    panel.set_show_all(False)  # the tabs get their views back with their own minimum sizes
    assert panel.kernel_view.minimumHeight() < minimum
    assert panel.tabs.count() == len(panel.inside) and not grid.widgets


def test_weights_to_show_are_copies():
    net = Network.from_spec(GROUPED, seed=0)
    shown = weights_to_show(net)
    assert set(shown) == {"conv1.weight", "conv2.weight", "dense1.weight"}
    shown["conv1.weight"][...] = 0
    assert np.abs(net.params["conv1.weight"]).sum() > 0


def test_a_confusion_cell_describes_its_count_in_words(qtbot) -> None:
    from playground.ui.views.confusion import ConfusionView

    view = ConfusionView()
    qtbot.addWidget(view)
    matrix = np.zeros((10, 10), dtype=np.int64)
    matrix[4, 4], matrix[4, 9], matrix[3, 5] = 3, 1, 2
    matrix[3, 3] = 8
    view.show_matrix(matrix, "epoch 1")
    assert view.describe_cell(4, 4) == "3 images of 4 read correctly (75.0% of the 4s)"
    assert view.describe_cell(4, 9) == "1 image of 4 read as 9 (25.0% of the 4s)"
    assert view.describe_cell(3, 5) == "2 images of 3 read as 5 (20.0% of the 3s)"


def test_a_rare_confusion_stands_out_from_the_cells_with_none(qtbot) -> None:
    """At 99% right, a 4 read as 9 in 1.5% of the 4s was coloured like the empty cells (its
    share of the row); off the diagonal, cells are now shaded against the worst confusion."""
    from playground.ui.views.confusion import WORST_CONFUSION_SHADE, ConfusionView

    view = ConfusionView()
    qtbot.addWidget(view)
    matrix = np.diag(np.full(10, 1000)).astype(np.int64)
    matrix[4, 4], matrix[4, 9] = 985, 15  # the worst confusion: 1.5% of the 4s
    matrix[7, 7], matrix[7, 1] = 995, 5
    view.show_matrix(matrix, "epoch 1")
    shade = view.grid.data  # what the image shows
    assert shade[4, 9] == pytest.approx(WORST_CONFUSION_SHADE)
    assert shade[7, 1] == pytest.approx(WORST_CONFUSION_SHADE / 3)  # a third of the worst
    assert shade[4, 4] == pytest.approx(0.985) and shade[0, 0] == 1.0  # the share read right
    assert shade[2, 3] == 0.0
    assert view.describe_cell(4, 9) == "15 images of 4 read as 9 (1.5% of the 4s)"


def test_confusion_counts_fit_inside_their_cells(qtbot) -> None:
    """MNIST's diagonal holds four-digit counts: each must stay inside its own cell."""
    from playground.ui.views.confusion import ConfusionView

    view = ConfusionView()
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.show()
    qtbot.waitExposed(view)
    matrix = np.full((10, 10), 7, dtype=np.int64)
    np.fill_diagonal(matrix, 1026)
    matrix[4, 9] = 0
    view.show_matrix(matrix, "epoch 1")
    texts = view._texts
    assert len(texts) == 100
    for i in range(10):
        for j in range(10):
            item = texts[i * 10 + j]
            assert item.text() == ("" if matrix[i, j] == 0 else str(matrix[i, j]))
            if not item.text():
                continue
            box = item.mapRectToParent(item.boundingRect())  # in cell units
            assert j <= box.left() and box.right() <= j + 1, (i, j, box)
            assert i <= box.top() and box.bottom() <= i + 1, (i, j, box)
            assert max(box.width(), box.height()) >= 0.4  # still readable, not shrunk away


def test_pooling_column_labels_fit_their_columns(panel, data):
    """ "map", "max ✓", "L2", "avg" over 8-pixel-wide maps: each label stays over its own
    column (they were fixed-size text and ran into each other)."""
    net = Network.from_spec(load_preset("nielsen-conv2"), seed=0)
    panel.set_network(net)
    panel.set_probe(data.val_x[7], "a seven")
    panel.refresh(force=True)
    grid = panel.pooled_view.grids["pool2"]  # 40 maps of 8x8 -> 4x4
    assert grid.labels and len(grid.labels) == len(grid._label_specs)
    for item, (x, y, text) in zip(grid.labels, grid._label_specs, strict=True):
        assert item.text() == text
        box = item.mapRectToParent(item.boundingRect())  # image pixels
        assert x - 4 <= box.left() and box.right() <= x + 4, (text, x, box)
        assert box.bottom() == pytest.approx(y) and box.height() > 1.0


def _shown_point_size(item: QGraphicsItem) -> float:
    """The point size a text item is drawn at on screen: its font's (the smallest of a rich
    text's), times its scale in the scene (a grid's text scales with the image)."""
    if isinstance(item, QGraphicsSimpleTextItem):
        size = item.font().pointSizeF()
    else:
        sizes = []
        block = item.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                sizes.append(it.fragment().charFormat().font().pointSizeF())
                it += 1
            block = block.next()
        size = min((s for s in sizes if s > 0), default=item.font().pointSizeF())
    return size * abs(item.sceneTransform().m22())


@pytest.mark.parametrize("panel_size", [(780, 320), (1000, 600)])  # the window's default; big
@pytest.mark.parametrize(
    ("spec", "names"),
    [
        (load_preset("nielsen-conv2"), ("map", "max ✓", "L2", "avg")),  # 24x24 and 8x8 maps
        (GROUPED, ("map", "max", "L2", "avg")),  # l2 then avg: no one ✓ for all
    ],
)
def test_pooling_columns_are_named_readably_however_small_the_maps(
    panel, data, panel_size, spec, names
):
    """The names of a block's columns are on screen at the titles' 9 pt, off the maps, and
    none is drawn smaller: scaled with the maps they were 4-8 px tall in a Views dock of the
    window's default size, unreadable."""
    panel.resize(*panel_size)
    panel.set_network(Network.from_spec(spec, seed=0))
    panel.set_probe(data.val_x[7], "a seven")
    panel.tabs.setCurrentWidget(panel.pooled_view)
    panel.refresh(force=True)
    QApplication.processEvents()
    view = panel.pooled_view
    maps = [grid.image.sceneBoundingRect() for grid in view.grids.values()]
    on_screen = view.mapToScene(view.viewport().rect()).boundingRect()
    patterns = {name: re.compile(rf"(?<!\w){re.escape(name)}(?![\w✓])") for name in names}
    readable: list[str] = []
    for item in view.scene().items():
        if not isinstance(item, QGraphicsSimpleTextItem | QGraphicsTextItem):
            continue
        text = item.text() if isinstance(item, QGraphicsSimpleTextItem) else item.toPlainText()
        box = item.sceneBoundingRect()
        if isinstance(item, FitText) and box.height() < item.MIN_PIXELS:
            continue  # FitText leaves out what would be too small
        if not item.isVisible() or not any(p.search(text) for p in patterns.values()):
            continue
        assert _shown_point_size(item) >= 8.9, (text, _shown_point_size(item), box)
        assert on_screen.contains(box), (text, box)
        assert not any(box.intersects(m) for m in maps), (text, box, maps)
        readable.append(text)
    for name, pattern in patterns.items():
        assert any(pattern.search(text) for text in readable), (name, readable)


@pytest.mark.parametrize(
    ("count", "labels"),
    [
        (10, [str(i) for i in range(1, 11)]),
        (40, ["1", "5", "10", "15", "20", "25", "30", "35", "40"]),
        (256, ["1", "25", "50", "75", "100", "125", "150", "175", "200", "225", "250"]),
    ],
)
def test_tile_numbers_thin_out_so_they_never_crowd(count, labels):
    ticks = centre_ticks(count, 3)
    assert [text for _, text in ticks] == labels
    assert ticks[0][0] == 1.0  # the centre of the first 3-pixel tile


def _laid_out_lines(label) -> int:
    """Lines a title label shows (its own wrapping included), not just its <br>s."""
    block = label.item.document().begin()
    lines = 0
    while block.isValid():
        lines += block.layout().lineCount()
        block = block.next()
    return lines


def test_a_grid_title_is_cut_to_its_plot_and_whole_in_the_tooltip(qtbot):
    import pyqtgraph as pg

    from playground.ui.views.mosaic import GridPlot

    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    grid = GridPlot(widget.ci, 0, 0)
    grid.set_ticks([], [])  # no tick labels: the axes give their width back to the grid
    title = "conv2: 40 filters × 20 channels, 5×5, 2 groups"
    widget.resize(70, 200)
    widget.show()
    qtbot.waitExposed(widget)
    grid.set_title(title)
    qtbot.waitUntil(lambda: grid.plot.titleLabel.text.endswith("…"))
    assert grid.plot.titleLabel.text.startswith("conv2")
    assert grid.plot.titleLabel.toolTip() == title
    assert grid.plot.titleLabel.maximumHeight() == 58  # three lines, the last cut short
    # Too narrow for "conv2: 40 filters × 20 channels,": words wrap, all of it still shown.
    widget.resize(170, 200)
    qtbot.waitUntil(lambda: grid.plot.titleLabel.text.count("<br>") == 2)
    assert grid.plot.titleLabel.text.endswith("2 groups")
    # three lines shown, not a longer one wrapped again at the narrower title's width
    assert _laid_out_lines(grid.plot.titleLabel) == 3
    assert grid.plot.titleLabel.toolTip() == ""
    # Room for "conv2: 40 filters × 20 channels," but not the rest: the end, which says what
    # the grid is (2 groups), goes to a second line instead of being cut off.
    widget.resize(300, 200)
    qtbot.waitUntil(lambda: "<br>" in grid.plot.titleLabel.text)
    first, second = grid.plot.titleLabel.text.split("<br>")
    assert first.startswith("conv2: 40 filters × 20 channels,") and second.endswith("2 groups")
    assert "…" not in second
    assert grid.plot.titleLabel.toolTip() == ""
    assert grid.plot.titleLabel.maximumHeight() > 30  # the row grew for the second line
    assert _laid_out_lines(grid.plot.titleLabel) == 2
    widget.resize(900, 200)
    qtbot.waitUntil(lambda: grid.plot.titleLabel.text == title)
    assert grid.plot.titleLabel.toolTip() == ""
    assert grid.plot.titleLabel.maximumHeight() == 30


def test_a_grid_without_ticks_gives_the_axes_room_back_and_its_title_spans_the_plot(qtbot):
    """A hidden axis kept its 24 px of a narrow grid. The title sat over the image's column
    only but was fitted to the whole plot, so in Show all at 1024 px titles ran into their
    neighbours; it now spans the axis column too, centred over the plot."""
    import pyqtgraph as pg

    from playground.ui.views.mosaic import GridPlot

    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    grid = GridPlot(widget.ci, 0, 0)
    widget.resize(150, 200)
    widget.show()
    qtbot.waitExposed(widget)
    left = grid.plot.getAxis("left")
    grid.set_ticks([(1.0, "1")], [(1.0, "1")])
    qtbot.waitUntil(lambda: left.geometry().width() > 0)
    grid.set_ticks([], [])
    qtbot.waitUntil(lambda: left.geometry().width() == 0)
    grid.set_ticks([(1.0, "1")], [(1.0, "1")])  # shown again, measured again
    left.setLabel("true class")  # as the confusion matrix's: a wide axis beside the image
    qtbot.waitUntil(lambda: left.geometry().width() > 15)
    grid.set_title("pool1: max 2×2, 20 maps 24×24 → 12×12")
    qtbot.waitUntil(lambda: "<br>" in grid.plot.titleLabel.text)
    label, plot = grid.plot.titleLabel.geometry(), grid.plot.geometry()
    assert label.left() <= left.geometry().left() + 1  # over the axis column too
    assert label.width() <= plot.width() and label.width() > plot.width() - left.width()
    assert grid.plot.titleLabel.item.boundingRect().width() <= plot.width()


def test_thin_ticks_keeps_every_kth_label_so_that_neighbours_do_not_touch():
    ticks = centre_ticks(20, 5)  # 1, 5, 10, 15, 20: 4 to 5 tiles of 6 image pixels apart
    assert thin_ticks(ticks, 2.0, lambda text: 7.0 * len(text), 6) == ticks  # 48 px apart
    # 1 px an image pixel: 24 px apart, labels need 20 px: still all
    assert thin_ticks(ticks, 1.0, lambda text: 7.0 * len(text), 6) == ticks
    # 0.5 px: 12 px apart for 20 px labels: every 2nd
    assert thin_ticks(ticks, 0.5, lambda text: 7.0 * len(text), 6) == ticks[::2]
    assert [t for _, t in ticks[::2]] == ["1", "10", "20"]
    # 0.35 px: 8.4 px apart, at least every 3rd: every 4th, not 1, 15 but 1, 20
    assert [t for _, t in thin_ticks(ticks, 0.35, lambda t: 7.0 * len(t), 6)] == ["1", "20"]
    assert thin_ticks(ticks[:1], 0.01, len, 6) == ticks[:1]


def test_a_small_grid_shows_fewer_tick_labels_and_all_again_when_large(qtbot):
    import pyqtgraph as pg

    from playground.ui.views.mosaic import DIVERGING_LUT, GridPlot

    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    grid = GridPlot(widget.ci, 0, 0)
    rows, cols = centre_ticks(40, 5), centre_ticks(20, 5)
    grid.set_ticks(rows, cols)
    grid.set_image(np.zeros((40 * 6, 20 * 6), dtype=np.float32), (0.0, 1.0), DIVERGING_LUT)
    widget.resize(160, 160)
    widget.show()
    qtbot.waitExposed(widget)

    def shown() -> tuple[list, list]:
        axes = grid.plot.getAxis("left"), grid.plot.getAxis("bottom")
        return tuple(axis._tickLevels[0] for axis in axes)

    qtbot.waitUntil(lambda: len(shown()[0]) < len(rows))
    small_rows, small_cols = shown()
    assert small_rows[0] == rows[0] and set(small_rows) < set(rows)
    assert len(small_cols) < len(cols)
    widget.resize(1200, 1200)
    qtbot.waitUntil(lambda: shown() == (rows, cols))


def test_a_title_breaks_after_the_last_comma_that_fits_in_either_language(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from playground.ui.views.mosaic import fit_title

    font = QFont()
    font.setPointSize(9)
    metrics = QFontMetrics(font)
    english = "conv2: 40 filters × 20 channels, 5×5, 2 groups"
    wide = metrics.horizontalAdvance(english)
    assert fit_title(english, metrics, wide) == (english, 1)
    first = metrics.horizontalAdvance("conv2: 40 filters × 20 channels, 5×5,")
    assert fit_title(english, metrics, first) == (
        "conv2: 40 filters × 20 channels, 5×5,<br>2 groups",
        2,
    )
    chinese = "conv2：40 个滤波器 × 20 个通道，5×5，2 组"
    first = metrics.horizontalAdvance("conv2：40 个滤波器 × 20 个通道，")
    wrapped = "conv2：40 个滤波器 × 20 个通道，<br>5×5，2 组"
    assert fit_title(chinese, metrics, first) == (wrapped, 2)
    shown, lines = fit_title("a<b & c, d", metrics, metrics.horizontalAdvance("a<b & c,"))
    assert (shown, lines) == ("a&lt;b &amp; c,<br>d", 2)  # the label reads HTML


@pytest.mark.parametrize(
    ("title", "first_line"),
    [
        ("conv2: 40 filters × 20 channels, 5×5, 2 groups", "conv2: 40 filters × 20 c"),
        ("conv2：40 个滤波器 × 20 个通道，5×5，2 组", "conv2：40 个滤波器"),
    ],
)
def test_a_title_too_narrow_for_its_first_comma_breaks_at_spaces_on_up_to_three_lines(
    qapp, title, first_line
):
    """A narrow grid (the grouped conv2 beside conv1) still shows all of its title."""
    from PySide6.QtGui import QFont, QFontMetrics

    from playground.ui.views.mosaic import fit_title

    font = QFont()
    font.setPointSize(9)
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance(first_line)
    shown, lines = fit_title(title, metrics, width)
    parts = shown.split("<br>")
    assert lines == len(parts) == 3
    assert all(metrics.horizontalAdvance(part) <= width for part in parts)
    assert "…" not in shown
    assert "".join(parts).replace(" ", "") == title.replace(" ", "")
    # Narrower still: the last line is cut short, and every line fits.
    narrow = metrics.horizontalAdvance("conv2: 40 fil")
    shown, lines = fit_title(title, metrics, narrow)
    assert shown.endswith("…") and lines == shown.count("<br>") + 1 <= 3
    assert all(metrics.horizontalAdvance(part) <= narrow for part in shown.split("<br>"))


def test_a_chinese_title_without_spaces_wraps_between_characters(qapp):
    """The probe column's "观察图像" and the pool grids' titles were cut to "观…" in Show all:
    Chinese gives few spaces to break at, so a title also breaks between characters, but
    never puts closing punctuation first on a line or opening punctuation last."""
    from PySide6.QtGui import QFont, QFontMetrics

    from playground.ui.views.mosaic import fit_title

    font = QFont()
    font.setPointSize(9)
    metrics = QFontMetrics(font)
    assert fit_title("观察图像", metrics, metrics.horizontalAdvance("观察")) == ("观察<br>图像", 2)
    # with room for three characters, still the balanced "观察 / 图像", not "观察图 / 像"
    roomier = metrics.horizontalAdvance("观察图")
    assert fit_title("观察图像", metrics, roomier) == ("观察<br>图像", 2)
    # after the layer's name, not inside the word after it ("最大" is "max")
    pool = "pool1：最大池化 2×2，20 个特征图"
    shown, _ = fit_title(pool, metrics, metrics.horizontalAdvance("pool1：最大"))
    assert shown.startswith("pool1：<br>最大池化")
    title = "特征图（最大池化），共二十个"
    whole = 0
    for width in range(metrics.horizontalAdvance("特征"), metrics.horizontalAdvance(title)):
        shown, lines = fit_title(title, metrics, width)
        parts = shown.split("<br>")
        assert lines == len(parts) <= 3
        assert all(metrics.horizontalAdvance(part) <= width for part in parts)
        assert not any(part[0] in "，）" or part[-1] == "（" for part in parts), shown
        if "…" not in shown:
            assert "".join(parts) == title
            whole += 1
    assert whole > 0  # some widths show it all, on two or three lines


def test_the_smoothed_cost_starts_as_the_mean_of_the_first_batches(qtbot) -> None:
    """Not on the first mini-batch alone (one noisy batch of ten images): the running mean
    until the moving average has its span, the moving average after."""
    plot = CostPlot()
    qtbot.addWidget(plot)
    plot.begin_run(0.0, batches=1000)  # span 50
    assert plot.span == 50
    plot.add_costs(np.array([0.1, 0.2, 0.3]), np.array([1.0, 0.0, 0.0]))
    np.testing.assert_allclose(plot.smooth.y, [1.0, 0.5, 1.0 / 3.0])
    plot.add_costs(np.arange(60) / 100 + 0.4, np.zeros(60))
    before = plot.smooth.y[-1]
    plot.add_costs(np.array([1.1]), np.array([1.0]))
    assert plot.smooth.y[-1] == pytest.approx(before + (2 / 51) * (1.0 - before))


@pytest.mark.parametrize("plot_type", [CostPlot, AccuracyPlot])
def test_the_legend_is_one_line_above_the_plot_and_fits_its_width(qtbot, plot_type) -> None:
    plot = plot_type()
    qtbot.addWidget(plot)
    plot.show()
    item = plot.getPlotItem()
    title, box = item.titleLabel, item.getViewBox()
    names = [name for name, _color in plot.legend.lines]
    assert len(names) == 3 and all(name in title.text for name in names)
    for width in (420, plot.minimumWidth()):
        plot.resize(width, 160)
        qtbot.waitUntil(lambda width=width: round(item.geometry().width()) == width)
        # Above the curves, never over them (inside, it hid the first epochs' points) ...
        assert title.geometry().bottom() <= box.geometry().top()
        # ... and inside the plot's width, the wide spacing where there is room for it.
        assert plot.legend.text_width() <= width - 8
        if width == 420:
            assert plot.legend.variant == 0
    assert plot.legend.variant > 0  # the narrowest plot needs a tighter spacing


def test_an_exported_plot_is_drawn_large_enough_for_a_slide(qtbot, tmp_path) -> None:
    # The plots export at their size on screen: 286 x 160 px in a laptop's dock.
    plot = CostPlot()
    qtbot.addWidget(plot)
    plot.resize(286, 160)
    plot.show()
    plot.add_epoch(1, 0.5)
    path = tmp_path / "cost.png"
    assert plot.export_png(path)
    image = QImage(str(path))
    assert image.width() >= 1144 and image.height() >= 640  # 4x, sharp rather than scaled
    assert image.width() * 160 == image.height() * 286


def test_the_two_plots_span_the_same_epochs_during_a_run(qtbot) -> None:
    """The accuracy plot fitted its x axis to its points (epochs 1-2) while the cost plot above
    showed the run's epochs 0-5: the same epoch sat at two places."""
    cost, accuracy = CostPlot(), AccuracyPlot()
    for plot in (cost, accuracy):
        qtbot.addWidget(plot)
        plot.resize(400, 220)
        plot.show()
    cost.begin_run(0.0, batches=100, epochs=5)
    accuracy.begin_run(0.0, epochs=5)
    cost.add_costs(np.linspace(0.01, 2.0, 200), np.linspace(2.3, 0.3, 200))
    for epoch in (1, 2):
        cost.add_epoch(float(epoch), 1.0 / epoch)
        accuracy.add_epoch(float(epoch), {"val_accuracy": 0.8 + 0.05 * epoch})
    for plot in (cost, accuracy):
        plot.refresh()
    qtbot.wait(50)
    x_cost = cost.getPlotItem().getViewBox().viewRange()[0]
    x_accuracy = accuracy.getPlotItem().getViewBox().viewRange()[0]
    assert x_cost[1] > 4.9
    np.testing.assert_allclose(x_accuracy, x_cost, atol=0.1)


def test_a_diverged_run_is_marked_on_the_cost_plot_until_the_next_run(panel) -> None:
    """The costs that blew up are NaN or infinite and cannot be drawn: the plot showed nothing
    of the divergence. A dashed line now marks where the run's costs end."""
    from playground.ui.training import RunResult

    net = Network.from_spec(GROUPED, seed=0)
    panel.set_network(net)
    plot = panel.cost_plot
    plot.add_costs(np.array([0.1, 0.2, 0.3]), np.array([2.3, 2.2, np.nan]))
    assert not plot.divergence.isVisible()
    panel.controller.training_finished.emit(
        RunResult(net=net, stopped=True, epochs_done=0, history=[], diverged="NaN", error=None)
    )
    assert plot.divergence.isVisible() and plot.divergence.value() == pytest.approx(0.2)
    # Its label hangs inside the plot: centred near the top, a short plot cut off its top half.
    panel.resize(1000, 200)
    box = plot.getPlotItem().getViewBox()
    label = plot.divergence.label
    panel.refresh(force=True)
    QApplication.processEvents()
    top = label.mapRectToScene(label.boundingRect()).top()
    assert top >= box.mapRectToScene(box.boundingRect()).top() - 1, top
    plot.begin_run(0.0, 100)
    assert not plot.divergence.isVisible()


def test_a_flat_accuracy_does_not_fill_the_plots_height(qtbot) -> None:
    """A network stuck near chance (10.8-11.2 %) was drawn across the whole height, as if it
    were learning; the axis spans at least MIN_ACCURACY_SPAN points."""
    from playground.ui.views.plots import MIN_ACCURACY_SPAN

    plot = AccuracyPlot()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.show()
    for epoch, accuracy in enumerate((0.108, 0.112, 0.110), 1):
        plot.add_epoch(epoch, {"val_accuracy": accuracy})
    plot.refresh()
    view = plot.getPlotItem().getViewBox()
    qtbot.waitUntil(lambda: view.viewRange()[1][1] < 50)  # fitted to the points, not 0-100
    low, high = view.viewRange()[1]
    assert MIN_ACCURACY_SPAN - 1e-9 <= high - low < 2 * MIN_ACCURACY_SPAN
    assert low <= 10.8 and high >= 11.2
    for epoch, accuracy in enumerate((0.2, 0.6, 0.9), 4):  # real learning still fills it
        plot.add_epoch(epoch, {"val_accuracy": accuracy})
    plot.refresh()
    qtbot.waitUntil(lambda: view.viewRange()[1][1] > 89)
    low, high = view.viewRange()[1]
    assert 5 < low < 12 and high < 100


def test_the_legends_name_only_the_lines_with_points(qtbot) -> None:
    # A model loaded with its epochs, but no mini-batch costs or training accuracies (the
    # shipped one): its legends named curves the plots did not have.
    cost, accuracy = CostPlot(), AccuracyPlot()
    for plot in (cost, accuracy):
        qtbot.addWidget(plot)
        plot.show()
        assert all(name in plot.getPlotItem().titleLabel.text for name, _ in plot.legend.lines)
    for epoch in (1, 2):
        cost.add_epoch(epoch, 0.3 / epoch)
        accuracy.add_epoch(epoch, {"val_accuracy": 0.97, "test_accuracy": 0.96})
    cost.refresh()
    accuracy.refresh()
    assert "epoch mean" in cost.getPlotItem().titleLabel.text
    assert "mini-batch" not in cost.getPlotItem().titleLabel.text
    assert "smoothed" not in cost.getPlotItem().titleLabel.text
    title = accuracy.getPlotItem().titleLabel.text
    assert "validation" in title and "test" in title and "training" not in title
    cost.begin_run(2.0, batches=100)  # training goes on: its lines come with their points
    cost.add_costs(np.array([2.01, 2.02]), np.array([0.2, 0.1]))
    cost.refresh()
    assert all(name in cost.getPlotItem().titleLabel.text for name, _ in cost.legend.lines)


@pytest.mark.parametrize("plot_type", [CostPlot, AccuracyPlot])
def test_the_plots_menu_is_ours_translated_and_frames_everything_again(qtbot, plot_type) -> None:
    plot = plot_type()
    qtbot.addWidget(plot)
    plot.resize(300, 200)
    plot.show()
    box = plot.getPlotItem().getViewBox()
    assert not box.menuEnabled()  # pyqtgraph's own menu is English only
    if plot_type is CostPlot:
        plot.begin_run(0.0, batches=100, epochs=2)
        plot.add_costs(np.linspace(0.1, 2.0, 20), np.linspace(2.0, 0.5, 20))
    else:
        for epoch in (1, 2, 3):
            plot.add_epoch(epoch, {"val_accuracy": 0.5 + 0.1 * epoch})
    plot.refresh()
    qtbot.wait(50)
    framed = box.viewRange()
    box.scaleBy((0.25, 0.25))  # as the wheel does
    box.sigRangeChangedManually.emit(box.state["mouseEnabled"])
    qtbot.wait(50)
    assert box.viewRange() != framed
    menu = plot.context_menu()
    labels = [a.text() for a in menu.actions()]
    assert labels == ["Show everything", "Copy as image"]
    menu.actions()[0].trigger()
    qtbot.wait(50)
    np.testing.assert_allclose(box.viewRange(), framed, rtol=1e-6)

    QApplication.clipboard().clear()
    menu.actions()[1].trigger()
    image = QApplication.clipboard().image()
    assert image.width() == plot.width() and image.height() == plot.height()
