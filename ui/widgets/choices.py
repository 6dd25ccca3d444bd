"""Choice lists for drop-downs, read fresh when a form loads."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.views import listing
from app.storage.database import Database

Pairs = Sequence[tuple[Any, str]]


def semesters(database: Database) -> Callable[[], Pairs]:
    def read() -> Pairs:
        with database.sessions() as session:
            return [(row[0], row[1]) for row in listing.semesters(session)]

    return read


def departments(database: Database) -> Callable[[], Pairs]:
    def read() -> Pairs:
        with database.sessions() as session:
            return [(row[0], f"{row[1]} {row[2]}".strip()) for row in listing.departments(session)]

    return read


def topic_areas(database: Database, *, retired: bool = False) -> Callable[[], Pairs]:
    """The areas offered for new proposals, or (`retired`) those only old proposals keep."""
    def read() -> Pairs:
        with database.sessions() as session:
            return [(row[0], f"{row[1]} {row[2]}".strip()) for row in listing.topic_areas(session)
                    if bool(row[3]) != retired]

    return read


def partners(database: Database) -> Callable[[], Pairs]:
    def read() -> Pairs:
        with database.sessions() as session:
            return [(row[0], f"{row[1]} ({row[2]})") for row in listing.partners(session)]

    return read
