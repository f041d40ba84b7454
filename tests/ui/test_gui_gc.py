"""Cycles are collected on the GUI thread only: a worker collecting a Qt wrapper can deadlock."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
import threading
import weakref

from playground.ui.engine_warmup import BackgroundJob
from playground.ui.gui_gc import GuiThreadCollector, keep_gc_on_gui_thread


class _Tracked:
    """Half of a reference cycle that records the thread it was destroyed on."""

    def __init__(self, log: list[int]) -> None:
        self.log = log
        self.me = self

    def __del__(self) -> None:
        self.log.append(threading.get_ident())


def _allocate_containers(n: int = 200_000) -> int:
    """Allocate far past every generation's threshold, as a busy worker thread does."""
    keep = [[i] for i in range(n)]
    return len(keep)


def _allocate_containers_kept(n: int) -> list[list[int]]:
    return [[i] for i in range(n)]


def test_a_worker_thread_never_collects_a_cycle_the_gui_thread_made(qtbot) -> None:
    destroyed_on: list[int] = []
    _Tracked(destroyed_on)  # unreachable at once, but only the cycle collector can free it
    job = BackgroundJob(_allocate_containers, "allocate").start()  # pins the collector first
    assert job.wait(30)
    assert destroyed_on == [], "the worker thread ran the cycle collector"
    assert not gc.isenabled()
    qtbot.waitUntil(lambda: destroyed_on != [], timeout=5000)  # the GUI timer collects it
    assert destroyed_on == [threading.get_ident()]


def test_a_tick_collects_young_garbage_even_after_a_burst_of_frees(qtbot) -> None:
    assert keep_gc_on_gui_thread()
    collector = GuiThreadCollector(None)
    gc.collect()
    destroyed_on: list[int] = []
    _Tracked(destroyed_on)
    burst = [[i] for i in range(5000)]
    del burst  # the frees drain CPython's allocation count below its threshold
    assert gc.get_count()[0] < gc.get_threshold()[0]
    assert collector.collect_due() >= 1
    assert destroyed_on == [threading.get_ident()]


def test_the_collector_is_only_installed_from_the_gui_thread(qtbot) -> None:
    assert keep_gc_on_gui_thread()
    from_worker: list[bool] = []
    worker = threading.Thread(target=lambda: from_worker.append(keep_gc_on_gui_thread()))
    worker.start()
    worker.join()
    assert from_worker == [False]
    victim = _Tracked([])
    ref = weakref.ref(victim)
    del victim
    kept = _allocate_containers_kept(5 * gc.get_threshold()[0])
    assert ref() is not None, "an allocation burst collected automatically"
    assert len(kept) > 0


def test_the_app_collects_on_the_gui_thread_and_freezes_its_start_up_objects(tmp_path) -> None:
    """The real start-up: automatic collection off from the start, start-up objects frozen once
    the engine is ready (full collections then skip them)."""
    script = textwrap.dedent(
        """
        import gc, os
        from PySide6.QtCore import QTimer
        from playground.ui.app import start

        app, window = start([])
        print("AT-START", gc.isenabled(), gc.get_freeze_count(), flush=True)

        def poll():
            if window.engine_state == "warming":
                return
            print("READY", window.engine_state, gc.isenabled(), gc.get_freeze_count(), flush=True)
            os._exit(0)

        timer = QTimer()
        timer.timeout.connect(poll)
        timer.start(50)
        app.exec()
        """
    )
    env = dict(os.environ, HOME=str(tmp_path), PYTHONDONTWRITEBYTECODE="1")
    env.pop("PLAYGROUND_LANG", None)
    proc = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=280
    )
    lines = {ln.split()[0]: ln.split()[1:] for ln in proc.stdout.splitlines() if ln.strip()}
    assert "READY" in lines, proc.stdout + proc.stderr
    assert lines["AT-START"] == ["False", "0"]
    state, enabled, frozen = lines["READY"]
    assert (state, enabled) == ("ready", "False")
    assert int(frozen) > 10_000  # modules, kernels and widgets left out of later collections
