"""The Overview a window opens with, kept beside a local database for the next start.

Drawing the Overview from the database needs SQLAlchemy, the models, an open database and
a computation over the semester's rows: about 0.6 s on the ten-year database. The window
draws it at once instead from `<database file>-overview.json`, marks it "Refreshing…", and
replaces it when the figures have been computed again (docs/performance.md). The file is
written by the window once it has computed the figures and again when it closes, and by the
commands that make a database a window has not opened yet (`demo`, `db copy`, `db restore`:
`keep_for_next_start`). Nothing loaded before the window's first frame loads SQLAlchemy or
the models.

The file is a cache: a missing, damaged or foreign one is ignored, as is one written in
another interface language (its action items are worded in that language). A shared
PostgreSQL database has none: its first screen waits for the database.
"""
from __future__ import annotations

import json
import logging
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import AppError
from app.views.overview_figures import SemesterOverview, from_plain, to_plain

if TYPE_CHECKING:
    from app.settings import Settings
    from app.storage.database import Database

log = logging.getLogger(__name__)

FORMAT = 1
SUFFIX = "-overview.json"
LOCAL_PREFIXES = ("sqlite:///", "sqlite+pysqlite:///")


def database_file(url: str) -> Path | None:
    """The file of a local database (a URL or a plain path, as `--database` takes); None for a shared or
    in-memory one."""
    if "://" not in url:
        return Path(url) if url and url != ":memory:" else None
    for prefix in LOCAL_PREFIXES:
        if url.startswith(prefix):
            path = url.removeprefix(prefix).split("?", 1)[0]
            return Path(path) if path and path != ":memory:" else None
    return None


def snapshot_file(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def save_snapshot(database: Path, overview: SemesterOverview, language: str) -> Path:
    """Keep `overview` for the next start on the database file `database`; the file is replaced whole or not
    at all (AppError when it cannot be written)."""
    from app.output_files import write_bytes

    document = {"format": FORMAT, "language": language, "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "overview": to_plain(overview)}
    return write_bytes(snapshot_file(database), json.dumps(document, ensure_ascii=False).encode("utf-8"))


def keep_snapshot(database: Path, overview: SemesterOverview, language: str) -> Path | None:
    """`save_snapshot` for a cache: a file that cannot be written is logged, and the next start computes the
    figures instead; None then."""
    try:
        return save_snapshot(database, overview, language)
    except AppError as error:
        log.info("the Overview was not kept for the next start: %s", error)
        return None


def load_snapshot(url: str, language: str) -> SemesterOverview | None:
    """The Overview kept beside `url`, in `language`; None when there is none to trust."""
    database = database_file(url)
    if database is None or not database.is_file():
        return None
    path = snapshot_file(database)
    try:
        document = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.info("ignored the Overview snapshot %s: %s", path, error)
        return None
    if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("language") != language:
        return None
    try:
        return from_plain(document["overview"])
    except (KeyError, TypeError, ValueError) as error:
        log.info("ignored the Overview snapshot %s: %s", path, error)
        return None


def keep_for_next_start(database: Database, settings: Settings, language: str, today: date | None = None) -> Path | None:
    """Compute the Overview a new window on `database` opens with (the current semester's, as `settings` count
    it) and keep it beside the file, so that the first window draws it at once. Nothing for a shared database or
    one whose first steps are not done (the window shows those instead), or when the file cannot be written."""
    if database.path is None:
        return None
    from app.directory.organisation import current_semester
    from app.views.overview import first_steps, semester_overview

    with database.sessions() as session:
        if not first_steps(session).done:
            return None
        semester = current_semester(session)
        overview = semester_overview(session, semester.id if semester is not None else None,
                                     today or date.today(), settings=settings)
    return keep_snapshot(database.path, overview, language)
