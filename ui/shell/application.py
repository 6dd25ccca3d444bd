"""Starting the window: QApplication, opening the database, reporting what went wrong."""
from __future__ import annotations

import gc
import os
import re
import sys
import time
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app.settings import Settings, resolve_database_url
from ui.shell.binding import skip_source_scan

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

ORGANISATION = "SJTU IAD"
APPLICATION = "IAD Online Workshops"


def configure_application_names() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


def ensure_application() -> QApplication:
    # Before the window's own modules and the worker's SQLAlchemy are imported (ui/shell/binding.py).
    skip_source_scan()
    configure_application_names()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    application = QApplication(sys.argv[:1])
    application.setWindowIcon(QIcon.fromTheme("x-office-calendar"))
    use_shipped_chinese_font()
    return application


def use_shipped_chinese_font() -> None:
    """Chinese names and the Chinese interface need a font with their characters: where the system has none
    (a bare Linux desktop), the one shipped for PDFs is lent to the window (1.5 ms; nothing otherwise)."""
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        import resources

        QFontDatabase.addApplicationFont(str(resources.FOLDER / "fonts" / "wqy-microhei.ttc"))


def start_window(database_url: str | None = None, on_shown: Callable[[MainWindow], None] | None = None,
                 on_first_frame: Callable[[MainWindow], None] | None = None, *,
                 on_first_screen: Callable[[MainWindow], None] | None = None) -> MainWindow:
    """Show the main window at once and open its database behind it (see ui/shell/main_window.py).

    `on_shown(window)` runs when the event loop is first idle after showing the window, before it has
    painted; `on_first_frame(window)` once it has painted; `on_first_screen(window)` once the charts of the
    kept figures are painted too, when it showed them: both before the database starts opening."""
    ensure_application()
    from ui.shell import error_report
    error_report.install_hook()
    settings = Settings.load()
    from ui.shell.language import install_interface_language

    install_interface_language(settings.language)
    from ui.shell.main_window import MainWindow

    url = resolve_database_url(database_url, settings)
    window = MainWindow(None, settings)
    from ui.shell.first_screen import draw_last_overview

    draw_last_overview(window, url)

    def open_database() -> None:
        gc.enable()  # off from the command line's start until now (app/cli.py)
        # The worker also gives the log its file: importing logging.handlers held the window's thread 30-70 ms.
        window.open_in_background(url, before=error_report.configure_logging)

    def after_first_frame() -> None:
        if on_first_frame is not None:
            on_first_frame(window)
        overview = window.early_overview
        if overview is None or overview.charts_pending is None:
            open_database()
            return
        # The last figures' charts, drawn and painted before the worker starts: while it imports, their
        # painting waited for the interpreter lock at every call into Python and took three times as long.
        overview.draw_pending_charts()

        def after_charts() -> None:
            if on_first_screen is not None:
                on_first_screen(window)
            open_database()

        # A chart view paints in its viewport.
        AfterFirstPaint(overview.chart_views["topics"].viewport(), after_charts, unless_hidden=window)

    AfterFirstPaint(window, after_first_frame)
    window.show()
    if on_shown is not None:
        QTimer.singleShot(0, lambda: on_shown(window))
    return window


class AfterFirstPaint(QObject):
    """Runs `work` once `window` has painted itself for the first time.

    Started before that paint, the worker that opens the database held up the window's first
    frame by 40-120 ms: painting calls into Python (the lists' models) again and again, and
    each call waited for the worker's imports to let go of Python's interpreter lock. A window
    that is not painted (opened minimised) gets `work` after FALLBACK_MS; a window closed
    before then never does (`unless_hidden`: the window whose closing cancels it, when `window`
    is one of its widgets)."""

    FALLBACK_MS = 300

    def __init__(self, window: QWidget, work: Callable[[], object], *, unless_hidden: QWidget | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.unless_hidden = unless_hidden or window
        self.work: Callable[[], object] | None = work
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.work is not None:
            self.window.removeEventFilter(self)
            # Next turn: the window's children are painted and the frame is on screen by then.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self.work is None or not self.unless_hidden.isVisible():
            return
        work, self.work = self.work, None
        self.window.removeEventFilter(self)
        work()


def run_gui(database_url: str | None = None) -> int:
    started = time.perf_counter()
    report = os.environ.get("IAD_STARTUP_REPORT")
    # Kept alive until the event loop ends: only timers refer to it otherwise.
    reporter = StartupReport(started, quit_when_loaded=report == "quit") if report else None
    window = start_window(database_url, reporter.shown if reporter is not None else None,
                          reporter.first_frame if reporter is not None else None,
                          on_first_screen=reporter.first_screen if reporter is not None else None)
    code = QApplication.exec()
    del reporter
    # Work still running on the thread pool (the database opening, a list loading) ends before Python does.
    QThreadPool.globalInstance().waitForDone()
    if window.has_database:
        window.database.close()
    return int(code)


class StartupReport:
    """IAD_STARTUP_REPORT=1 prints, on standard error, in seconds since the window was asked for: when the
    window was shown (the event loop idle after showing it), when its first frame was painted, when its
    first list was filled (figures painted on screen, the kept ones included; their charts follow,
    "first screen complete", when the first frame showed the kept figures) and when it was current
    (read from the database); then how long the window's thread stalled from its
    showing until one second after that (a 10 ms timer's longest gap, and how many ticks came over 100 ms
    late) and the peak memory. IAD_STARTUP_REPORT=quit then closes the window as an officer does
    (benchmarks/window.py times the whole process this way; docs/performance.md)."""

    AFTER_FILLED_S = 1.0

    window: MainWindow

    def __init__(self, started: float, *, quit_when_loaded: bool) -> None:
        self.started = started
        self.quit_when_loaded = quit_when_loaded
        self.ticks: list[float] = []
        self.filled = False
        self.painted = False
        self.current_at: float | None = None
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._tick)

    def _say(self, event: str) -> None:
        print(f"iad-workshops start-up: {event} {time.perf_counter() - self.started:.3f} s", file=sys.stderr,
              flush=True)

    def shown(self, window: MainWindow) -> None:
        self.window = window
        self._say("window shown")
        self.ticks.append(time.perf_counter())
        self.timer.start()

    def first_frame(self, window: MainWindow) -> None:
        self.window = window
        self.painted = True
        self._say("first frame")
        self._check()

    def first_screen(self, _window: MainWindow) -> None:
        self._say("first screen complete")

    def _tick(self) -> None:
        now = time.perf_counter()
        self.ticks.append(now)
        if self.current_at is None:
            self._check()
        elif now - self.current_at >= self.AFTER_FILLED_S:
            self.timer.stop()
            self._summarise()
            if self.quit_when_loaded:
                self.window.close()
                QApplication.quit()

    def _check(self) -> None:
        tab = self.window.tabs.currentWidget()
        current = self.window.has_database and getattr(tab, "has_loaded", True)
        # On screen: in the widgets and painted.
        if self.painted and not self.filled and (current or getattr(tab, "has_figures", False)):
            self.filled = True
            self._say("first list filled")
        if current:
            self.current_at = time.perf_counter()
            self._say("first list current")

    def _summarise(self) -> None:
        gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        longest = max(range(len(gaps)), key=gaps.__getitem__)
        when = self.ticks[longest] - self.started
        print(f"iad-workshops stalls: longest {gaps[longest] * 1000:.0f} ms (from {when:.3f} s), "
              f"{sum(gap > 0.1 for gap in gaps)} of {len(gaps)} gaps between 10-ms ticks over 100 ms", file=sys.stderr, flush=True)
        status = Path("/proc/self/status")
        if status.exists():
            found = re.search(r"VmHWM:\s+(\d+)", status.read_text())
            if found:
                print(f"iad-workshops memory: peak {int(found.group(1)) / 1024:.0f} MB", file=sys.stderr, flush=True)
