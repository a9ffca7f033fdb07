"""The bounded, ordered finishing queue that generation uses to overlap the device."""

from __future__ import annotations

import threading
import time

import pytest

from artcharter.provenance.finishing import Finishing


def test_results_come_in_order_and_in_flight_work_is_bounded() -> None:
    running, most = [0], [0]
    lock = threading.Lock()

    def work(i: int) -> int:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02 if i % 2 else 0.001)  # odd items finish after their successors
        with lock:
            running[0] -= 1
        return i

    seen: list[int] = []
    with Finishing(seen.append, workers=3, limit=3) as finishing:
        for i in range(12):
            finishing.submit(work, i)
            assert len(finishing._pending) <= 3
    assert seen == finishing.done == list(range(12))
    assert 2 <= most[0] <= 3


def test_an_interruption_waits_for_the_items_handed_over_and_reports_them() -> None:
    seen: list[int] = []
    release = threading.Event()

    def slow(i: int) -> int:
        release.wait(5)
        return i

    with pytest.raises(KeyboardInterrupt), Finishing(seen.append, workers=2, limit=4) as f:
        for i in range(3):
            f.submit(slow, i)
        threading.Timer(0.05, release.set).start()
        raise KeyboardInterrupt  # the caller is stopped while three items are in flight
    assert seen == [0, 1, 2]


def test_a_failed_item_raises_in_order_after_the_others_settle() -> None:
    seen: list[int] = []

    def item(i: int) -> int:
        if i == 1:
            raise ValueError("broken")
        time.sleep(0.01)
        return i

    with pytest.raises(ValueError, match="broken"), Finishing(seen.append, limit=8) as f:
        for i in range(4):
            f.submit(item, i)
    assert seen[0] == 0 and 1 not in seen


def test_a_callback_that_stops_hears_of_no_more_items() -> None:
    """The caller's own callback raising means "stop": the items already handed over are
    still finished (returned in ``done``), but not reported to it."""
    seen: list[int] = []

    def on_done(i: int) -> None:
        if i == 1:
            raise KeyboardInterrupt
        seen.append(i)

    gate = threading.Event()

    def item(i: int) -> int:
        gate.wait(5)  # nothing finishes before all four are handed over
        return i

    with pytest.raises(KeyboardInterrupt), Finishing(on_done, limit=8) as f:
        for i in range(4):
            f.submit(item, i)
        gate.set()
    assert seen == [0] and f.done == [0, 1, 2, 3]
