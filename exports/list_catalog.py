"""The lists officers can export as Excel, by name, for the Export menu and the command line.

Light to import: openpyxl (a seventh of a second) loads with the first export, not
with the window.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.i18n import _

if TYPE_CHECKING:
    from exports.xlsx_sheets import Progress


@dataclass(frozen=True)
class ListSpec:
    """A list as the command line and the Export menu offer it."""

    name: str  # the command: iad-workshops export NAME
    title: str  # menu text and default file name
    by_semester: bool  # whether --semester narrows it
    description: str  # the command's help line

    def export(self, session: Session, path: Path, semester_id: int | None = None, *, zone: tzinfo | None = None,
               progress: Progress | None = None) -> int:
        """Write the list to `path`; the number of rows written."""
        from exports import list_xlsx

        exporter = getattr(list_xlsx, f"export_{self.name}")
        return int(exporter(session, path, semester_id, zone=zone, progress=progress))


def list_specs() -> list[ListSpec]:
    return [
        ListSpec("topics", _("Topic summary"), True,
                 _("topic summary: every proposal with area, choices, status, source and outreach")),
        ListSpec("partners", _("Partner directory"), True, _("partner directory with contacts")),
        ListSpec("roster", _("Participant roster"), True, _("participant roster with attendance per round")),
        ListSpec("reports", _("Report tracker"), True,
                 _("report tracker: due, submitted, review status, publication")),
        ListSpec("visits", _("Visit priority ranking"), False, _("visit priority ranking per partner")),
    ]
