"""Run a function on a worker thread and get its result back on the GUI thread."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread, which shows it
            self.relay.failed.emit(error)
        else:
            self.relay.done.emit(result)


_alive: set[_Relay] = set()


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[BaseException], None]) -> None:
    """`work` runs on the thread pool; `on_done(result)` or `on_failed(error)` runs on the GUI thread."""
    relay = _Relay()
    _alive.add(relay)

    def finished(result: Any) -> None:
        _alive.discard(relay)
        on_done(result)

    def failed(error: Any) -> None:
        _alive.discard(relay)
        on_failed(error)

    relay.done.connect(finished)
    relay.failed.connect(failed)
    QThreadPool.globalInstance().start(_Task(work, relay))
