"""The Overview as the last window left it, kept beside a local database for the next start.

Drawing the Overview from the database needs SQLAlchemy, the models, an open database and
a computation over the semester's rows: about 0.6 s on the ten-year database. The window
draws it at once instead from `<database file>-overview.json`, written when a window on
that database closes, marks it "Refreshing…", and replaces it when the figures have been
computed again (docs/performance.md). Nothing here loads SQLAlchemy or the models.

The file is a cache: a missing, damaged or foreign one is ignored, as is one written in
another interface language (its action items are worded in that language). A shared
PostgreSQL database has none: its first screen waits for the database.
"""
from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from app.views.overview_figures import SemesterOverview, from_plain, to_plain

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


def load_snapshot(url: str, language: str) -> SemesterOverview | None:
    """The Overview the last window on `url` left, in `language`; None when there is none to trust."""
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

