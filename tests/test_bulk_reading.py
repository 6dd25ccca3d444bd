"""Reading many rows pauses the garbage collector and always hands it back as it was."""
from __future__ import annotations

import gc
import threading
import time

import pytest

from app.storage import bulk_reading
from app.storage.bulk_reading import collector_paused


@pytest.fixture(autouse=True)
def _no_reader_left_from_earlier_tests() -> None:
    """A worker thread of an earlier test (a list loading) may still be reading: its pause is its own."""
    deadline = time.monotonic() + 60
    while bulk_reading._readers and time.monotonic() < deadline:  # noqa: SLF001 - the module's own count
        time.sleep(0.05)


def test_the_collector_resumes_when_the_last_reader_ends() -> None:
    assert gc.isenabled()
    started, release = threading.Event(), threading.Event()

    def other_reader() -> None:
        with collector_paused():
            started.set()
            release.wait(60)

    thread = threading.Thread(target=other_reader)
    with collector_paused():
        assert not gc.isenabled()
        thread.start()
        started.wait(60)
    assert not gc.isenabled()  # the other thread is still reading
    release.set()
    thread.join(60)
    assert gc.isenabled()


def test_a_failed_read_resumes_it_and_a_collector_switched_off_stays_off() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("the query failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_start_up_is_frozen_out_of_full_collections_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A full pass over what start-up made held the window's thread 60 ms, often during a save."""
    monkeypatch.setattr(bulk_reading, "_start_up_frozen", False)
    gc.unfreeze()
    try:
        start_up = [object() for _ in range(10)], {"kept": [1, 2]}  # noqa: F841 (alive while frozen)
        bulk_reading.freeze_start_up()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        later = [[n] for n in range(1000)]  # noqa: F841 (made after start-up)
        bulk_reading.freeze_start_up()  # a second database's tabs: nothing more is frozen
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
