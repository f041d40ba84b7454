"""Background jobs for the window: compile the engine's kernels and load data off the UI thread.

A job runs a plain function in a daemon thread and keeps its result; the UI learns that it ended
by polling from a QTimer on its own thread. No Qt object ever crosses threads, so a window may
close while a job still runs (the job just finishes unseen), and closing the app never waits for a
first-run Numba compile of half a minute.
"""

from __future__ import annotations

import atexit
import contextlib
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from playground.ui.gui_gc import keep_gc_on_gui_thread


class BackgroundJob:
    """Run `fn()` once in a daemon thread; `done`, `result` and `error` tell how it went."""

    def __init__(self, fn: Callable[[], Any], name: str) -> None:
        self.name = name
        self._fn = fn
        self._done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.error_text = ""
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> BackgroundJob:
        """Start the thread (once) and return the job, so `BackgroundJob(...).start()` chains."""
        if not self._thread.is_alive() and not self._done.is_set():
            keep_gc_on_gui_thread()  # the thread must never collect the GUI's cycles
            self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self.result = self._fn()
        except BaseException as exc:  # reported to the UI, never raised in a thread
            self.error = exc
            self.error_text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        finally:
            self._done.set()

    @property
    def done(self) -> bool:
        """True once the function returned or raised."""
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job ends (tests and scripts only); True when it did."""
        return self._done.wait(timeout)


class JobWatcher(QObject):
    """Poll a BackgroundJob from the UI thread and call `on_finished(job)` once it has ended.

    A plain callback, not a signal: the watcher is deleted right after it fires, and PySide6
    has crashed deleting objects whose signals had lambdas connected.
    """

    def __init__(
        self,
        job: BackgroundJob,
        on_finished: Callable[[BackgroundJob], None],
        parent: QObject | None = None,
        interval_ms: int = 50,
    ) -> None:
        super().__init__(parent)
        self.job = job
        self._on_finished = on_finished
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        if self.job.done and self._timer.isActive():
            self._timer.stop()
            callback, self._on_finished = self._on_finished, None
            if callback is not None:
                callback(self.job)


def _end_child(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.kill()


def _import_and_warm_up() -> str:
    """Compile every kernel in a child process, then load them here from Numba's disk cache.

    Numba's compiler holds the GIL for long stretches: compiling in this process would freeze
    the window for the half minute of a first run. The child fills the on-disk cache while
    this process stays free; loading from the cache afterwards takes about a second. If the
    child fails (no writable cache, say), the kernels compile here, still off the UI thread.
    """
    code = "from playground.engine import warmup; warmup()"
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    except OSError:
        child = None
    if child is not None:
        atexit.register(_end_child, child)  # closing the app ends a first-run compile too
        with contextlib.suppress(subprocess.SubprocessError):
            child.wait(timeout=600)
    from playground.engine import warmup

    warmup()
    return "ready"


_warmup_lock = threading.Lock()
_warmup_job: BackgroundJob | None = None


def warmup_job() -> BackgroundJob:
    """The process-wide engine warm-up job, started on first call: kernels compile only once."""
    global _warmup_job
    with _warmup_lock:
        if _warmup_job is None:
            _warmup_job = BackgroundJob(_import_and_warm_up, "engine-warmup").start()
        return _warmup_job
