"""Keep Python's cycle collector on the GUI thread while worker threads run Python code.

CPython collects cycles in whichever thread happens to allocate past the threshold. A worker
thread (engine warm-up, training, data loading) that collects a cycle holding a Qt wrapper
destroys a GUI object from the wrong thread; with the worker holding the GIL and the GUI thread
inside Qt waiting for it, the two can deadlock (a CI run hung this way for 90 minutes). So, as
pyqtgraph, calibre and novelWriter do, automatic collection is switched off and a timer on the
GUI thread collects instead.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

_collector: GuiThreadCollector | None = None
_frozen = False


class GuiThreadCollector(QObject):
    """A GUI-thread timer that collects the youngest generation on every tick.

    The older generations follow CPython's own thresholds. Counting allocations from a timer
    would miss garbage: a burst of frees between two ticks (Qt deleting a closed window's
    wrappers, say) drains the allocation count while cycles stay behind, so the youngest
    generation, cheap to walk, is collected whatever the count.
    """

    def __init__(self, parent: QObject | None, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.setObjectName("guiThreadCollector")
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect generation 0, then each older one whose count passed its threshold."""
        found = gc.collect(0)
        for generation in (1, 2):
            if gc.get_count()[generation] <= self._thresholds[generation]:
                break
            found += gc.collect(generation)
        return found


def keep_gc_on_gui_thread() -> bool:
    """Disable automatic collection and collect from a GUI-thread timer (idempotent).

    The two places that start threads running Python call it, `BackgroundJob.start` and
    `TrainingController.start`. Returns True when the collector is in place; False without a
    QApplication or off the GUI thread, where it changes nothing.
    """
    global _collector
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return False
    if _collector is None or not shiboken6.isValid(_collector):  # none yet, or app replaced
        _collector = GuiThreadCollector(app)
    gc.disable()
    return True


def freeze_start_up_objects() -> None:
    """Exempt every object alive now from later collections (`gc.freeze`), once per process.

    Called when the app has started: modules, compiled kernels and the window's widgets live
    for the whole session, and walking them made each full collection take 0.1-0.4 s on the
    GUI thread. Later full collections only walk what the session made since. No collection
    first: at that moment it found about 700 objects of garbage and took 120 ms, a hitch just
    as the user starts to draw; the freeze itself takes microseconds.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def freeze_once_ready(state: str) -> None:
    """Slot for `MainWindow.engine_state_changed`: freeze the start-up objects once ready."""
    if state == "ready":
        freeze_start_up_objects()
