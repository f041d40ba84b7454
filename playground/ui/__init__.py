"""The PySide6 + pyqtgraph user interface. Talks to the engine only through its public API.

`create_main_window()` builds the whole window without running the event loop (tests, scripts);
`playground.ui.app.run(argv)` is the GUI entry point.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from playground.ui.main_window import MainWindow

__all__ = ["create_main_window"]


def create_main_window(
    *,
    model_path: str | Path | None = None,
    settings: QSettings | None = None,
    warm_up: bool = True,
    load_dataset: bool = True,
    background: bool = False,
) -> MainWindow:
    """Build the main window (not shown, no event loop); a QApplication must already exist.

    `model_path` defaults to the shipped resources/models/default.npz; a missing default leaves
    the window without a model, a bad explicit path shows the error dialog. `warm_up` compiles
    the engine's kernels in a background thread (predictions wait for it); with False the engine
    counts as ready at once and compiles on first use. `load_dataset` loads the built-in MNIST
    for the dataset browser in the background. `background=True` (the app's start-up) loads the
    model in the background too, so the window shows before the engine is even imported.
    """
    from PySide6.QtWidgets import QApplication

    from playground.ui.main_window import DEFAULT_MODEL, MainWindow

    if QApplication.instance() is None:
        raise RuntimeError("create_main_window() needs a QApplication; create one first")
    window = MainWindow(settings=settings)
    path = Path(model_path) if model_path is not None else DEFAULT_MODEL
    if model_path is not None or DEFAULT_MODEL.is_file():
        if background:
            window.open_model_in_background(path)  # restores the canvas once loaded
        else:
            window.open_model(path)
            window.restore_canvas()
    else:
        window.restore_canvas()
    if warm_up:
        window.start_engine_warmup()
    else:
        window.set_engine_state("ready")
    if load_dataset:
        window.load_builtin_dataset()
    return window
