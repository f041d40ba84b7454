"""The whole window under a few hundred random clicks, keys, drags and menu commands.

A seeded random user (a "monkey") found pyqtgraph's English-only plot menu, whose Export entry
raised; this keeps that kind of fault from coming back. Dialogs that would wait for an answer
are answered at once; pytest-qt fails the test on any exception raised inside a Qt slot or
event handler, and the test checks the window still works at the end.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsView,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QSlider,
    QTabBar,
    QWidget,
)

import playground.ui.main_window as main_window_module
from playground.ui import create_main_window

#: Things a random user must not do to the test itself.
AVOID = ("quit", "restart")
KEYS = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Space,
    Qt.Key.Key_Z,
    Qt.Key.Key_Y,
    Qt.Key.Key_0,
    Qt.Key.Key_5,
    Qt.Key.Key_B,
    Qt.Key.Key_M,
    Qt.Key.Key_F5,
    Qt.Key.Key_F10,
    Qt.Key.Key_Return,
    Qt.Key.Key_Escape,
)
MODIFIERS = (
    Qt.KeyboardModifier.NoModifier,
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
)


def _targets(window: QWidget) -> list[QWidget]:
    kinds = (QAbstractSpinBox, QComboBox, QSlider, QTabBar, QListWidget, QGraphicsView, QLineEdit)
    out = []
    for widget in window.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled()):
            continue
        if isinstance(widget, QAbstractButton):
            if not any(word in widget.text().lower() for word in AVOID):
                out.append(widget)
        elif isinstance(widget, kinds):
            out.append(widget)
    return out


def _commands(window: QWidget) -> list[QAction]:
    """The window's own actions (menus, toolbars, panels), not pyqtgraph's internal ones."""
    return [
        action
        for action in window.findChildren(QAction)
        if action.isEnabled()
        and action.text()
        and not type(action.parent()).__module__.startswith("pyqtgraph")
        and not any(word in action.text().lower() for word in AVOID)
    ]


def _act(rng: random.Random, window: QWidget) -> None:
    widget = rng.choice(_targets(window))
    rect = widget.rect()
    pos = QPoint(rng.randrange(max(1, rect.width())), rng.randrange(max(1, rect.height())))
    target = widget.viewport() if isinstance(widget, (QGraphicsView, QListWidget)) else widget
    roll = rng.random()
    none = Qt.KeyboardModifier.NoModifier
    if roll < 0.40:
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, none, pos)
    elif roll < 0.45:  # a right-click: Qt sends the context-menu event itself
        glob = target.mapToGlobal(pos)
        QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, glob))
    elif roll < 0.55:
        QTest.mouseDClick(target, Qt.MouseButton.LeftButton, none, pos)
    elif roll < 0.65 and isinstance(widget, QGraphicsView):
        end = QPoint(rng.randrange(max(1, rect.width())), rng.randrange(max(1, rect.height())))
        QTest.mousePress(target, Qt.MouseButton.LeftButton, none, pos)
        QTest.mouseMove(target, end)
        QTest.mouseRelease(target, Qt.MouseButton.LeftButton, none, end)
    elif roll < 0.85:
        widget.setFocus()
        QTest.keyClick(widget, rng.choice(KEYS), rng.choice(MODIFIERS))
    else:
        rng.choice(_commands(window)).trigger()


@pytest.mark.parametrize("seed", [1, 2])
def test_the_window_survives_a_random_user(qtbot, tmp_path, monkeypatch, seed) -> None:
    from PySide6.QtCore import QSettings

    from playground.data import load_mnist
    from playground.engine import Network, load_preset

    rng = random.Random(seed)
    # Whatever would wait for an answer gets one at once.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))

    def choose(menu: QMenu, *_args: object, **_kwargs: object) -> QAction | None:
        """A context menu: the user picks one of its entries (or none)."""
        picks = [a for a in menu.actions() if a.isEnabled() and a.text() and not a.menu()]
        if not picks or rng.random() < 0.2:
            return None
        action = rng.choice(picks)
        action.trigger()
        return action

    monkeypatch.setattr(QMenu, "exec", choose)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    monkeypatch.setattr(main_window_module.MainWindow, "restart", lambda self: False)

    model = tmp_path / "conv.npz"
    Network.from_spec(load_preset("nielsen-conv"), seed=1).save(model)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_main_window(
        settings=settings, warm_up=False, load_dataset=False, model_path=model
    )
    qtbot.addWidget(window)
    window.set_dataset(load_mnist().subset(200, eval_limit=50))
    window.set_engine_state(main_window_module.ENGINE_READY)
    answers = (QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard)
    window._ask = lambda box: rng.choice(answers)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)

    def unblock() -> None:  # a button's own menu runs a modal loop in C++: close it
        for widget in (QApplication.activePopupWidget(), QApplication.activeModalWidget()):
            if widget is not None and widget is not window:
                widget.close()

    closer = QTimer()
    closer.timeout.connect(unblock)
    closer.start(100)
    try:
        for _ in range(250):
            _act(rng, window)
            qtbot.wait(rng.choice((0, 1, 5)))
    finally:
        closer.stop()
        window.training_panel.stop(wait=True)

    # Still a working window: every panel comes back, and the canvas builds what it shows.
    window.reset_layout()
    assert all(dock.isVisible() for key, dock in window.docks.items() if key != "training")
    window.network_panel.set_spec(load_preset("nielsen-mlp"))
    window.network_panel.confirm_discard = None
    assert window.network_panel.build_network() is not None
    assert window.network.n_params == Network.from_spec(load_preset("nielsen-mlp")).n_params
    window._ask = lambda box: QMessageBox.StandardButton.Discard
    window.close()
