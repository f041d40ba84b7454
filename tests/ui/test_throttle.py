"""LatestOnly: the first of a quick series shows at once, then only the newest, at a pace."""

from __future__ import annotations

from PySide6.QtCore import QObject

from playground.ui.throttle import LatestOnly


def test_a_burst_shows_its_first_and_its_newest_value_only(qtbot) -> None:
    owner = QObject()
    shown: list[int] = []
    latest = LatestOnly(shown.append, 80, owner)
    latest.push(1)
    assert shown == [1]  # after a quiet spell: at once
    for value in range(2, 50):
        latest.push(value)
    assert shown == [1]  # the burst waits ...
    qtbot.waitUntil(lambda: shown == [1, 49], timeout=2000)  # ... and shows its newest only
    qtbot.wait(200)
    assert shown == [1, 49]

    latest.push(50)  # quiet long enough: at once again
    assert shown == [1, 49, 50]
    latest.push(51)
    latest.cancel()  # what 51 would show no longer holds
    qtbot.wait(200)
    assert shown == [1, 49, 50]
