"""The audit log as a spreadsheet (xlsx) or CSV: one row per change, times in the IAD's zone.

Every text cell is forced to text (`data_type = "s"`), and CSV cells that a spreadsheet
would run as a formula get a leading apostrophe, so a record named "=HYPERLINK(...)"
stays a name. Files are written under a temporary name and renamed when complete.
"""
from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from app.storage.audit import AuditRow, action_label, describe_changes
from app.i18n import _
from app.output_files import replacing

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
WIDTHS = [18, 16, 20, 9, 10, 90]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def headers(zone: str) -> list[str]:
    return [_("Time ({zone})").format(zone=zone), _("User"), _("Table"), _("Record"), _("Action"), _("Changes")]


def _cells(row: AuditRow, zone: str) -> list[str | int]:
    return [
        row.local_time(zone).strftime("%Y-%m-%d %H:%M:%S"), row.username, row.table, row.record_id,
        action_label(row.action), describe_changes(row.changes, row.action),
    ]


def _text_cell(sheet: object, value: str, *, header: bool = False) -> WriteOnlyCell:
    # XML cannot hold most control characters; a cell holds at most 32,767 characters.
    clean = "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")[:32767]
    cell = WriteOnlyCell(sheet, value=clean)
    cell.data_type = "s"
    if header:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    return cell


def write_audit_xlsx(rows: Sequence[AuditRow], path: Path, zone: str) -> Path:
    """One sheet "Audit log": header, one row per change, panes frozen, filter on."""
    with replacing(path) as temporary:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_("Audit log"))
        for index, width in enumerate(WIDTHS):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:F{max(len(rows), 1) + 1}"
        sheet.append([_text_cell(sheet, text, header=True) for text in headers(zone)])
        for row in rows:
            sheet.append([value if isinstance(value, int) else _text_cell(sheet, value) for value in _cells(row, zone)])
        workbook.save(temporary)
    return Path(path)


def _csv_safe(value: str | int) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_audit_csv(rows: Sequence[AuditRow], path: Path, zone: str) -> Path:
    """UTF-8 with a byte order mark, so Excel shows Chinese names right when it opens the file."""
    with replacing(path) as temporary:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers(zone))
            for row in rows:
                writer.writerow([_csv_safe(value) for value in _cells(row, zone)])
    return Path(path)
