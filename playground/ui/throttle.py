"""Show only the newest of many quick updates, at a pace the UI thread can keep up with."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

#: How often an epoch's details (confusion matrix, mistakes, the draw pad's network) may show.
EPOCH_DETAILS_MS = 250

_NOTHING = object()


class LatestOnly(QObject):
    """Calls `apply(value)` at once for a value that comes after a quiet spell, and otherwise
    at most once every `interval_ms` with the newest value, dropping those in between.

    Epochs on a small dataset can end 50 times a second; redrawing the confusion matrix, the
    mistakes and the draw pad for each took 13 ms of the UI thread, which then fell behind
    by minutes. A display that shows only the latest state loses nothing by skipping.
    """

    def __init__(self, apply: Callable[[Any], None], interval_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self.apply = apply
        self.interval = interval_ms / 1000.0
        self._pending: Any = _NOTHING
        self._last = -float("inf")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    def push(self, value: Any) -> None:
        """A new value: applied now, or kept (replacing an older one) until the pace allows."""
        wait = self._last + self.interval - time.monotonic()
        if wait <= 0 and not self._timer.isActive():
            self._last = time.monotonic()
            self.apply(value)
            return
        self._pending = value
        if not self._timer.isActive():
            self._timer.start(max(1, round(1000 * wait)))

    def cancel(self) -> None:
        """Forget a value still waiting (what it would show no longer holds)."""
        self._timer.stop()
        self._pending = _NOTHING

    def _flush(self) -> None:
        value, self._pending = self._pending, _NOTHING
        if value is not _NOTHING:
            self._last = time.monotonic()
            self.apply(value)
