"""The lists officers hand to managers, as Excel: topics, partners, roster, reports, visit ranking.

Each list is one sheet written by exports.xlsx_sheets.write_table from the plain
rows of app.views.spreadsheet_data. `LISTS` names them for the command line
(`iad-workshops export topics ...`) and the window's Export menu.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.i18n import _
from app.views.spreadsheet_data import partner_rows, report_rows, roster, topic_rows, visit_rows
from exports.xlsx_sheets import Column, Progress, streaming_workbook, save_workbook, write_table


def _write(path: Path, title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]], *,
           zone: tzinfo | None = None, progress: Progress | None = None) -> int:
    with streaming_workbook() as workbook:
        sheet = workbook.create_sheet(title[:31])
        write_table(sheet, columns, rows, zone=zone, progress=progress)
        save_workbook(workbook, path)
    return len(rows)


def topic_columns() -> list[Column]:
    return [
        Column(_("Semester"), max_width=16),
        Column(_("Department"), max_width=45),
        Column(_("Topic area"), max_width=40),
        Column(_("Title"), max_width=50),
        Column(_("Description"), max_width=60),
        Column(_("Learn / share")),
        Column(_("Priority")),
        Column(_("Preferred region"), max_width=25),
        Column(_("Status")),
        Column(_("Source"), max_width=45),
        Column(_("Received"), "datetime"),
        Column(_("Offered to partners"), max_width=60),
    ]


def export_topics(session: Session, path: Path, semester_id: int | None = None, *, zone: tzinfo | None = None,
                  progress: Progress | None = None) -> int:
    """Topic summary: every proposal with its area, choices, status, source and outreach."""
    return _write(path, _("Topics"), topic_columns(), topic_rows(session, semester_id), zone=zone,
                  progress=progress)


def partner_columns() -> list[Column]:
    return [
        Column(_("Partner"), max_width=45),
        Column(_("Chinese name"), max_width=30),
        Column(_("Country"), max_width=25),
        Column(_("City"), max_width=20),
        Column(_("Region"), max_width=20),
        Column(_("Time zone"), max_width=28),
        Column(_("Languages"), max_width=30),
        Column(_("Website"), "url", max_width=45),
        Column(_("Status")),
        Column(_("Contact"), max_width=30),
        Column(_("Unit"), max_width=35),
        Column(_("Position"), max_width=35),
        Column(_("E-mail"), max_width=40),
    ]


def export_partners(session: Session, path: Path, semester_id: int | None = None, *, zone: tzinfo | None = None,
                    progress: Progress | None = None) -> int:
    """Partner directory: one row per contact person (partners without contacts get one row)."""
    return _write(path, _("Partners"), partner_columns(), partner_rows(session, semester_id), progress=progress)


def roster_columns(rounds: int) -> list[Column]:
    return [
        Column(_("Semester"), max_width=16),
        Column(_("Exchange"), max_width=50),
        Column(_("Kind"), max_width=22),
        Column(_("Partners"), max_width=45),
        Column(_("Participant"), max_width=35),
        Column(_("Department"), max_width=45),
        Column(_("Role")),
        *(Column(_("Round {n}").format(n=number), max_width=12) for number in range(1, rounds + 1)),
        Column(_("Rounds attended"), "integer", max_width=16),
    ]


def export_roster(session: Session, path: Path, semester_id: int | None = None, *, zone: tzinfo | None = None,
                  progress: Progress | None = None) -> int:
    """Participant roster with attendance per round (yes / no / cancelled / empty if not recorded)."""
    data = roster(session, semester_id)
    rows = [(*row[:7], *row.rounds, row.attended) for row in data.rows]
    return _write(path, _("Roster"), roster_columns(data.rounds), rows, progress=progress)


def report_columns() -> list[Column]:
    return [
        Column(_("Semester"), max_width=16),
        Column(_("Exchange"), max_width=50),
        Column(_("Participant"), max_width=35),
        Column(_("Department"), max_width=45),
        Column(_("Kind"), max_width=22),
        Column(_("Title"), max_width=50),
        Column(_("Due"), "date"),
        Column(_("Submitted"), "date"),
        Column(_("Days late"), "integer", max_width=10),
        Column(_("Review status"), max_width=20),
        Column(_("Reviewer"), max_width=25),
        Column(_("Publication channel"), max_width=38),
        Column(_("Published"), "date"),
        Column(_("Link"), "url", max_width=50),
    ]


def export_reports(session: Session, path: Path, semester_id: int | None = None, *, zone: tzinfo | None = None,
                   progress: Progress | None = None) -> int:
    """Report tracker: due, submitted, lateness, review status, publication channel, date and link."""
    return _write(path, _("Reports"), report_columns(), report_rows(session, semester_id), progress=progress)


def visit_columns() -> list[Column]:
    return [
        Column(_("Partner"), max_width=45),
        Column(_("Rank"), "integer", max_width=8),
        Column(_("Person"), max_width=35),
        Column(_("Department"), max_width=45),
        Column(_("Computed score"), "decimal", max_width=16),
        Column(_("Adjustment"), "decimal", max_width=12),
        Column(_("Reason for adjustment"), max_width=50),
        Column(_("Final score"), "decimal", max_width=12),
        Column(_("Status")),
        Column(_("Adjusted by"), max_width=20),
        Column(_("Visited on"), "date"),
        Column(_("How the score is made"), max_width=80),
    ]


def export_visits(session: Session, path: Path, semester_id: int | None = None, *, zone: tzinfo | None = None,
                  progress: Progress | None = None) -> int:
    """Visit priority ranking: per partner, people in order of final score (computed + adjustment)."""
    return _write(path, _("Visit ranking"), visit_columns(), visit_rows(session), progress=progress)
