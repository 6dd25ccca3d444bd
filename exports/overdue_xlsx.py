"""The list of overdue reports as a spreadsheet (.xlsx) or a CSV file, for chasing departments.

One row per overdue report, grouped by department (the order `app.outcomes.reports.overdue_reports`
gives). Text cells are written as every other spreadsheet of the program writes them
(exports.xlsx_sheets.set_text): forced to text, with the quote prefix when they begin
with = + - @, so a name or title can never run as a formula, even after the cell is
edited; the CSV prefixes such cells with an apostrophe for the same reason. Files are written under a temporary name and renamed,
so a failed export never leaves half a file under the name asked for.
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.errors import AppError
from app.i18n import _
from app.output_files import replacing
from app.outcomes.reports import OverdueReport
from exports.xlsx_sheets import set_text

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
# Characters a spreadsheet reads as the start of a formula when it imports text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [_("Department"), _("Department (Chinese)"), _("Participant"), _("Participant (Chinese)"), _("E-mail"),
            _("Exchange"), _("Partner"), _("Report"), _("Due"), _("Days overdue")]


def row_values(row: OverdueReport) -> list[Any]:
    return [row.department_en, row.department_zh, row.person_name_en, row.person_name_zh, row.email,
            row.exchange_title, row.partners, row.kind.label, row.due_on, row.days_overdue]


def _width(value: Any) -> int:
    text = value.isoformat() if isinstance(value, date) else str(value)
    # CJK characters take two columns on screen.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    with replacing(path) as temporary:
        write(temporary)
    return Path(path)


def write_overdue_xlsx(rows: Sequence[OverdueReport], path: Path, *, title: str = "") -> Path:
    """A styled sheet: optional title line, bold header, frozen panes, auto-filter, fitted widths."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Overdue reports")[:31]
    first = 1
    if title:
        cell = sheet.cell(row=1, column=1)
        set_text(cell, title)
        cell.font = Font(bold=True, size=13)
        first = 3
    names = headers()
    widths = [_width(name) for name in names]
    for column, name in enumerate(names, 1):
        cell = sheet.cell(row=first, column=column)
        set_text(cell, name)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    for offset, row in enumerate(rows, 1):
        for column, value in enumerate(row_values(row), 1):
            cell = sheet.cell(row=first + offset, column=column)
            if isinstance(value, str):
                set_text(cell, value)  # never a formula, whatever the text starts with
            else:
                cell.value = value
                if isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
            widths[column - 1] = max(widths[column - 1], _width(value))
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = min(60, max(8, width + 2))
    sheet.freeze_panes = f"A{first + 1}"
    sheet.auto_filter.ref = f"A{first}:{get_column_letter(len(names))}{first + max(len(rows), 1)}"
    return _atomic(path, lambda temporary: workbook.save(temporary))


def _csv_text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_overdue_csv(rows: Sequence[OverdueReport], path: Path) -> Path:
    """UTF-8 with a byte-order mark, so Excel on a Chinese Windows reads the names correctly."""
    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers())
            for row in rows:
                writer.writerow([_csv_text(value) for value in row_values(row)])

    return _atomic(path, write)


def write_overdue(rows: Sequence[OverdueReport], path: Path, *, title: str = "") -> Path:
    """.csv by the file's suffix, .xlsx otherwise."""
    if Path(path).suffix.lower() == ".csv":
        return write_overdue_csv(rows, path)
    return write_overdue_xlsx(rows, path, title=title)


def register(exports: Any, _imports: Any, open_db: Callable[[Any], Any]) -> None:
    """`iad-workshops export overdue -o FILE [--semester NAME] [--today YYYY-MM-DD]`."""
    parser = exports.add_parser("overdue", help=_("reports past their due date, by department (.xlsx or .csv)"))
    parser.add_argument("-o", "--output", metavar="FILE", required=True, type=Path, help=_("file to write"))
    parser.add_argument("--semester", metavar="NAME", help=_("only this semester (e.g. '2026 Fall')"))
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=date.fromisoformat, default=None,
                        help=_("count overdue as of this day (default: today)"))

    def run(args: Any) -> int:
        from app.outcomes.reports import overdue_reports
        from app.directory.organisation import semester_by_name

        database = open_db(args)
        try:
            with database.sessions() as session:
                semester_id = None
                if args.semester:
                    semester = semester_by_name(session, args.semester)
                    if semester is None:
                        raise AppError(_("There is no semester called '{name}'.").format(name=args.semester))
                    semester_id = semester.id
                rows = overdue_reports(session, args.today or date.today(), semester_id)
            write_overdue(rows, args.output)
        finally:
            database.close()
        print(_("{n} overdue reports written to {file}").format(n=len(rows), file=args.output))
        return 0

    parser.set_defaults(func=run)
