"""Reading many rows at once without the cyclic garbage collector running over them.

Every row read becomes a tuple; tens of thousands of new tuples set off the collector's full
passes, each walking every object alive, so a list of 50,000 reports cost twice its reading
time in collection and the cost grew faster than the rows. Rows hold no reference cycles, so
nothing is left uncollected: the collector resumes when the last reader has finished.

`freeze_start_up` takes what start-up made out of the collector's full passes for good.
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


_start_up_frozen = False


def freeze_start_up() -> None:
    """Once per process, when the first database's tabs are built: what start-up made (modules, classes, the
    tabs, the database layer) lives as long as the program, so the collector's full passes stop walking it.
    They walked 100,000 such objects, 60 ms on the window's thread, and fell at random, often during a save.
    Only once: garbage present at that moment stays (it is small then); a later database's start would keep
    the previous database's objects."""
    global _start_up_frozen
    if not _start_up_frozen:
        _start_up_frozen = True
        gc.freeze()
