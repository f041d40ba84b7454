"""The dataset browser: pages of labelled thumbnails; a click feeds the prediction view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt

import playground.ui.main_window as main_window_module
from playground.data import Dataset, write_idx
from playground.ui import create_main_window
from playground.ui.dataset_browser import PAGE_SIZE, THUMB_SIZE, DatasetBrowser


def tiny_dataset(n_test: int = 300, name: str = "tiny") -> Dataset:
    """Images whose brightest pixel encodes their index, so a shown image can be identified."""
    rng = np.random.default_rng(0)

    def split(n: int, offset: int) -> tuple[np.ndarray, np.ndarray]:
        x = rng.random((n, 1, 28, 28), dtype=np.float32) * 0.5
        for i in range(n):
            x[i, 0, (offset + i) // 28 % 28, (offset + i) % 28] = 1.0
        return x, (np.arange(n, dtype=np.int64) + offset) % 10

    (tx, ty), (vx, vy), (sx, sy) = split(50, 1000), split(20, 2000), split(n_test, 0)
    return Dataset(
        name=name, train_x=tx, train_y=ty, val_x=vx, val_y=vy, test_x=sx, test_y=sy,
        n_classes=10, image_shape=(1, 28, 28), class_names=[str(i) for i in range(10)],
    )  # fmt: skip


@pytest.fixture
def browser(qtbot) -> DatasetBrowser:
    widget = DatasetBrowser()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_browser_pages_through_the_test_split(browser: DatasetBrowser) -> None:
    data = tiny_dataset()
    browser.set_dataset(data)
    assert browser.objectName() == "datasetBrowser"
    assert browser.split() == "test" and browser.page() == 0
    assert browser.page_count() == 3  # 300 images, PAGE_SIZE per page
    assert browser.model.rowCount() == PAGE_SIZE
    assert browser.model.data(browser.model.index(3, 0)) == "3"  # the label under the thumbnail
    icon = browser.model.data(browser.model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert icon.width() == THUMB_SIZE
    assert "tiny" in browser.title.text() and "300 test" in browser.title.text()
    assert not browser.prev_button.isEnabled() and browser.next_button.isEnabled()
    browser.next_button.click()
    browser.next_button.click()
    assert browser.page() == 2
    assert browser.model.rowCount() == 300 - 2 * PAGE_SIZE
    assert not browser.next_button.isEnabled()
    np.testing.assert_array_equal(browser.model.image(0), data.test_x[2 * PAGE_SIZE])
    assert browser.model.label(0) == data.test_y[2 * PAGE_SIZE]
    browser.set_page(99)  # clamped
    assert browser.page() == 2


def test_browser_switches_split(browser: DatasetBrowser) -> None:
    data = tiny_dataset()
    browser.set_dataset(data)
    browser.split_box.setCurrentIndex(browser.split_box.findData("train"))
    assert browser.split() == "train" and browser.page() == 0
    assert browser.model.rowCount() == 50
    np.testing.assert_array_equal(browser.model.image(7), data.train_x[7])


def test_clicking_a_thumbnail_emits_its_image_and_label(browser: DatasetBrowser, qtbot) -> None:
    data = tiny_dataset()
    browser.set_dataset(data)
    browser.next_page()
    index = browser.model.index(5, 0)
    rect = browser.view.visualRect(index)
    assert rect.isValid()
    with qtbot.waitSignal(browser.image_selected, timeout=1000) as blocker:
        qtbot.mouseClick(browser.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    image, label = blocker.args
    np.testing.assert_array_equal(image, data.test_x[PAGE_SIZE + 5])
    assert label == data.test_y[PAGE_SIZE + 5]


def test_arrow_keys_show_the_image_they_move_to(browser: DatasetBrowser, qtbot) -> None:
    """Moving the highlight with the keyboard feeds the image, as a click does (it used to
    wait for Enter)."""
    data = tiny_dataset()
    browser.set_dataset(data)
    shown: list[tuple[np.ndarray, int]] = []
    browser.image_selected.connect(lambda image, label: shown.append((image, label)))
    browser.select(4)
    browser.view.setFocus()
    assert len(shown) == 1
    np.testing.assert_array_equal(shown[-1][0], data.test_x[4])
    qtbot.keyClick(browser.view, Qt.Key.Key_Right)
    assert browser.view.currentIndex().row() == 5
    assert len(shown) == 2
    np.testing.assert_array_equal(shown[-1][0], data.test_x[5])
    assert shown[-1][1] == data.test_y[5]
    qtbot.keyClick(browser.view, Qt.Key.Key_Left)
    qtbot.keyClick(browser.view, Qt.Key.Key_Left)
    assert browser.view.currentIndex().row() == 3
    assert [label for _, label in shown] == [4, 5, 4, 3]
    qtbot.keyClick(browser.view, Qt.Key.Key_Return)  # Enter shows the highlighted one again
    assert [label for _, label in shown] == [4, 5, 4, 3, 3]


def test_the_keyboard_turns_the_page_at_its_edges(browser: DatasetBrowser, qtbot) -> None:
    """Right on a page's last image and PageDown did nothing: the keyboard could not leave
    page 1. They turn the page and show its first image (Left and PageUp: the last one)."""
    data = tiny_dataset()
    browser.set_dataset(data)
    shown: list[int] = []
    browser.image_selected.connect(lambda _image, label: shown.append(label))
    browser.select(PAGE_SIZE - 1)
    browser.view.setFocus()
    qtbot.keyClick(browser.view, Qt.Key.Key_Right)
    assert browser.page() == 1 and browser.view.currentIndex().row() == 0
    assert shown[-1] == data.test_y[PAGE_SIZE]
    qtbot.keyClick(browser.view, Qt.Key.Key_Left)
    assert browser.page() == 0 and browser.view.currentIndex().row() == PAGE_SIZE - 1
    assert shown[-1] == data.test_y[PAGE_SIZE - 1]
    qtbot.keyClick(browser.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(browser.view, Qt.Key.Key_PageDown)
    assert browser.page() == 2
    qtbot.keyClick(browser.view, Qt.Key.Key_PageUp)
    assert browser.page() == 1
    assert browser.prev_button.accessibleName() == "Previous page"  # not read as "◀"


def test_a_click_feeds_its_image_once(browser: DatasetBrowser, qtbot) -> None:
    """A click moves the highlight and clicks: one image for the network, not two; clicking
    the highlighted image again shows it again (after a drawing, say)."""
    data = tiny_dataset()
    browser.set_dataset(data)
    labels: list[int] = []
    browser.image_selected.connect(lambda _image, label: labels.append(label))
    for row in (6, 8, 8):
        rect = browser.view.visualRect(browser.model.index(row, 0))
        qtbot.mouseClick(browser.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert labels == [6, 8, 8]


def test_focus_alone_shows_no_image(browser: DatasetBrowser, qtbot) -> None:
    """Tabbing into the grid makes Qt highlight the first image: that is not the user's pick,
    and must not replace what the draw pad shows."""
    browser.set_dataset(tiny_dataset())
    labels: list[int] = []
    browser.image_selected.connect(lambda _image, label: labels.append(label))
    browser.split_box.setFocus()
    qtbot.waitUntil(browser.split_box.hasFocus, timeout=1000)
    browser.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(browser.view.hasFocus, timeout=1000)
    assert browser.view.currentIndex().isValid()  # Qt did highlight one
    assert labels == []


class FakeNet:
    """A real engine network whose output is rigged to say 9; records what it was shown."""

    def __new__(cls) -> Any:
        from playground.engine import Network, load_preset

        net = Network.from_spec(load_preset("nielsen-mlp"), seed=0)
        net.inputs = []

        def forward(x: np.ndarray) -> np.ndarray:
            net.inputs.append(np.array(x))
            out = np.full((len(x), 10), 0.02, dtype=np.float32)
            out[:, 9] = 0.82
            return out

        net.forward = forward
        return net


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(main_window_module, "DEFAULT_MODEL", tmp_path / "absent.npz")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = create_main_window(settings=settings, warm_up=False, load_dataset=False)
    qtbot.addWidget(win)
    return win


def test_a_clicked_image_is_read_by_the_network(window, qtbot) -> None:
    net = FakeNet()
    window.set_network(net)
    data = tiny_dataset()
    window.set_dataset(data)
    window.show()
    qtbot.waitExposed(window)
    rect = window.dataset_browser.view.visualRect(window.dataset_browser.model.index(2, 0))
    qtbot.mouseClick(
        window.dataset_browser.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    view = window.prediction_view
    assert view.predicted_label() == 9
    np.testing.assert_array_equal(net.inputs[-1][0], data.test_x[2])
    assert str(data.test_y[2]) in window.draw_panel.preview_caption.text()
    assert "label" in view.detail_text()


def write_folder(folder: Path, n_train: int = 40, n_test: int = 12) -> None:
    folder.mkdir()
    rng = np.random.default_rng(1)
    write_idx(
        folder / "train-images-idx3-ubyte.gz",
        rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
    )
    write_idx(folder / "train-labels-idx1-ubyte.gz", np.arange(n_train, dtype=np.uint8) % 10)
    write_idx(
        folder / "t10k-images-idx3-ubyte", rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8)
    )
    write_idx(folder / "t10k-labels-idx1-ubyte", np.arange(n_test, dtype=np.uint8) % 10)


def test_open_dataset_folder_loads_and_browses_it(window, qtbot, tmp_path) -> None:
    folder = tmp_path / "digits"
    write_folder(folder)
    with qtbot.waitSignal(window.dataset_changed, timeout=2000) as blocker:
        assert window.open_dataset(folder)
    assert blocker.args[0] is window.dataset
    assert window.dataset.name == "digits"
    assert window.dataset_browser.dataset is window.dataset
    assert window.dataset_browser.model.rowCount() == 12
    assert window.dataset_label.text() == "Dataset: digits"
    assert window.recent("recent/datasets") == [str(folder)]
    assert window.error_dialog is None


def test_bad_dataset_folder_shows_a_clear_dialog_and_keeps_the_old_one(
    window, qtbot, tmp_path
) -> None:
    old = tiny_dataset()
    window.set_dataset(old)
    folder = tmp_path / "broken"
    write_folder(folder)
    (folder / "t10k-labels-idx1-ubyte").write_bytes(b"\x00\x00\x08\x01\x00\x00\x00\x0c\x01")
    assert window.open_dataset(folder) is False
    box = window.error_dialog
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=1000)
    assert "broken" in box.text() and "t10k-labels" in box.text()
    assert window.dataset is old
    box.close()

    empty = tmp_path / "empty"
    empty.mkdir()
    assert window.open_dataset(empty) is False
    assert "IDX" in window.error_dialog.text()
    assert window.dataset is old


def test_window_shows_the_builtin_mnist_at_start(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(main_window_module, "DEFAULT_MODEL", tmp_path / "absent.npz")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = create_main_window(settings=settings, warm_up=False)  # loads MNIST in the background
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.dataset is not None, timeout=30000)
    assert win.dataset.name == "MNIST"
    browser = win.dataset_browser
    assert browser.split() == "test"
    assert browser.page_count() == -(-10000 // PAGE_SIZE)
    assert [browser.model.label(i) for i in range(5)] == [7, 2, 1, 0, 4]  # MNIST's first tests
    assert win.dataset_label.text() == "Dataset: MNIST"
