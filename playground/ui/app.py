"""The GUI entry point: create the application, show the window, run the event loop."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from playground.ui.main_window import MainWindow


def start(argv: list[str] | None = None) -> tuple[QApplication, MainWindow]:
    """Create the application and show the window without running the event loop.

    `argv` is the GUI's command line, with or without the program name first (Qt's own
    options, such as -platform, are honoured).
    The model loads and the kernels compile in the background, so the window shows at once.
    The interface language is the one chosen in View > Language (else the system's); the
    environment variable PLAYGROUND_LANG=zh_CN|en overrides it for this run.
    """
    argv = list(argv or [])
    if not argv or argv[0].startswith("-"):  # arguments only: put a program name first, as Qt wants
        argv.insert(0, sys.argv[0] if sys.argv and sys.argv[0] else "playground")
    QCoreApplication.setOrganizationName("Playground")
    QCoreApplication.setApplicationName("Playground")
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationDisplayName("Playground")

    from playground.ui.i18n import LANGUAGES, current_language, install_translator

    language = os.environ.get("PLAYGROUND_LANG", "")
    if language not in LANGUAGES:
        language = current_language(QSettings("Playground", "Playground"))
    install_translator(app, language)

    from playground.ui import create_main_window
    from playground.ui.gui_gc import freeze_once_ready

    window = create_main_window(background=True)
    window.engine_state_changed.connect(freeze_once_ready)
    window.show()
    window.raise_()
    # Let a quick keypress on the pad land where the user looks: give it the focus once shown.
    QTimer.singleShot(0, window.draw_pad.setFocus)
    return app, window


def run(argv: list[str] | None = None) -> int:
    """Open the Playground window and return the exit code when it closes."""
    app, _window = start(argv)
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
