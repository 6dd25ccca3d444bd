"""Reading many rows pauses the garbage collector and always hands it back as it was."""
from __future__ import annotations

import gc
import threading

import pytest

from app.storage.bulk_reading import collector_paused


def test_the_collector_resumes_when_the_last_reader_ends() -> None:
    assert gc.isenabled()
    started, release = threading.Event(), threading.Event()

    def other_reader() -> None:
        with collector_paused():
            started.set()
            release.wait(5)

    thread = threading.Thread(target=other_reader)
    with collector_paused():
        assert not gc.isenabled()
        thread.start()
        started.wait(5)
    assert not gc.isenabled()  # the other thread is still reading
    release.set()
    thread.join(5)
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
