"""Reading many rows at once without the cyclic garbage collector running over them.

Every row read becomes a tuple; tens of thousands of new tuples set off the collector's full
passes, each walking every object alive, so a list of 50,000 reports cost twice its reading
time in collection and the cost grew faster than the rows. Rows hold no reference cycles, so
nothing is left uncollected: the collector resumes when the last reader has finished.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_readers = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause automatic garbage collection while the block reads rows (several threads may at once)."""
    global _readers, _was_enabled
    with _lock:
        if _readers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _readers += 1
    try:
        yield
    finally:
        with _lock:
            _readers -= 1
            if _readers == 0 and _was_enabled:
                gc.enable()
