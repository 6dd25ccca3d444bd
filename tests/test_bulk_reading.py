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
