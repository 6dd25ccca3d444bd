"""Reading returned topic-collection forms back (Excel), and importing them.

`read_topic_form` turns one workbook into an app.topics.intake.FormSubmission: the
identification from the very hidden "FormInfo" sheet, and the filled rows of the
form sheet as text. It finds the columns by their headers (English, Chinese or
both, in any width or case), so added, moved or extra columns do not matter, and
skips blank rows. Everything wrong with the file itself (not an .xlsx, not one of
our forms, a newer form version, a missing column, a damaged sheet, a package too big
to unpack: see exports/xlsx_package.py) becomes a problem of that file, one sentence
naming the file and, where it can, the sheet and row; the other files of the batch are
read and imported all the same. The rows are checked against the database by
app.topics.intake.receive_forms.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy.orm import Session

from app.actor import Actor
from app.i18n import _
from app.topics.intake import (
    FORM_FIELDS,
    FORM_KIND,
    FORM_SHEET,
    FORM_VERSION,
    INFO_SHEET,
    LARGEST_ID,
    Change,
    FileOutcome,
    FormLine,
    FormSubmission,
    IntakeResult,
    header_keys,
    match_key,
    receive_forms,
)
from exports.xlsx_package import Limits, inspect_package

HEADER_SEARCH_ROWS = 30  # the header is on row 6 of our form; people insert a few rows above it
MAX_SCANNED_ROWS = 20000  # beyond this a sheet is not a department's form
LIMITS = Limits(rows=MAX_SCANNED_ROWS)


def cell_text(value: Any) -> str:
    """What a cell shows, as text: numbers without a trailing .0, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _whole_number(value: Any) -> int | None:
    try:
        number = float(cell_text(value).strip())
    except (ValueError, OverflowError):
        return None
    return int(number) if number.is_integer() else None


def _identifier(value: Any) -> int | None:
    """A record id, or None for anything no database holds (zero, negative, past 32 bits)."""
    number = _whole_number(value)
    return number if number is not None and 1 <= number <= LARGEST_ID else None


class _Position:
    """Where reading a sheet has got to, so a damaged sheet is named with the row after which it broke."""

    def __init__(self) -> None:
        self.sheet = ""
        self.row = 0


def _not_ours(file_name: str) -> str:
    return _("{file} is not one of our topic-collection forms (it has no form identification sheet); "
             "send the department the form made by Export → Topic-collection forms.").format(file=file_name)


def _read_info(workbook: Any, submission: FormSubmission, position: _Position) -> dict[str, Any] | None:
    if INFO_SHEET not in workbook.sheetnames:
        submission.problems.append(_not_ours(submission.file_name))
        return None
    info: dict[str, Any] = {}
    position.sheet = INFO_SHEET
    for position.row, row in enumerate(
            workbook[INFO_SHEET].iter_rows(min_row=1, max_row=50, max_col=2, values_only=True), 1):
        if row and row[0] is not None:
            info[cell_text(row[0]).strip()] = row[1] if len(row) > 1 else None
    if cell_text(info.get("form")).strip() != FORM_KIND:
        submission.problems.append(_not_ours(submission.file_name))
        return None
    version = _whole_number(info.get("form_version"))
    if version is None or version < 1:
        submission.problems.append(_not_ours(submission.file_name))
        return None
    if version > FORM_VERSION:
        submission.problems.append(_("{file} is a form of a newer version ({version}) of IAD Online Workshops; "
                                     "update the program to import it.").format(file=submission.file_name,
                                                                                version=version))
        return None
    submission.version = version
    submission.semester_id = _identifier(info.get("semester_id"))
    submission.department_id = _identifier(info.get("department_id"))
    submission.semester_name = cell_text(info.get("semester_name")).strip()[:500]
    submission.department_name = cell_text(info.get("department_name")).strip()[:500]
    submission.form_id = cell_text(info.get("form_id")).strip()[:40]
    if submission.semester_id is None or submission.department_id is None:
        submission.problems.append(_("{file}: the form's identification sheet is damaged (no semester or "
                                     "department); send the department a new form.").format(
            file=submission.file_name))
        return None
    return info


def _header_map(rows: Sequence[Sequence[Any]]) -> tuple[int, dict[str, int]] | None:
    """The header row (1-based, within `rows`) and the column index of each field found in it."""
    wanted = {form_field.key: header_keys(form_field) for form_field in FORM_FIELDS}
    for number, row in enumerate(rows, 1):
        found: dict[str, int] = {}
        for index, value in enumerate(row):
            key = match_key(cell_text(value))
            if not key:
                continue
            for field_key, keys in wanted.items():
                if key in keys and field_key not in found:
                    found[field_key] = index
                    break
        # Three of our headers make a header row, even if a required one was deleted
        # (then the missing column is named, rather than the whole sheet).
        if ("title" in found and "area" in found) or len(found) >= 3:
            return number, found
    return None


def _read_form_sheet(workbook: Any, info: dict[str, Any], submission: FormSubmission, position: _Position) -> None:
    sheet_name = cell_text(info.get("sheet")).strip() or FORM_SHEET
    candidates = [sheet_name] if sheet_name in workbook.sheetnames else []
    # A renamed form sheet is still found by its header.
    candidates += [name for name in workbook.sheetnames if name not in (sheet_name, INFO_SHEET)]
    for name in candidates:
        sheet = workbook[name]
        if not hasattr(sheet, "reset_dimensions"):
            continue  # a chart sheet
        sheet.reset_dimensions()  # read every row, whatever size the file claims
        position.sheet, position.row = name, 0
        top = []
        for position.row, row in enumerate(
                sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, max_col=LIMITS.columns, values_only=True), 1):
            top.append(row)
        found = _header_map(top)
        if found is None:
            continue
        submission.sheet = name
        header_row, columns = found
        missing = [form_field.label for form_field in FORM_FIELDS
                   if form_field.required_column and form_field.key not in columns]
        for label in missing:
            submission.problems.append(_("{sheet}, row {row}: the column '{column}' is missing.").format(
                sheet=name, row=header_row, column=label))
        if missing:
            return
        _read_lines(sheet, header_row, columns, submission, position)
        return
    submission.problems.append(_("{file}: the sheet '{sheet}' with the header row (Topic area, Title, …) was not "
                                 "found.").format(file=submission.file_name, sheet=sheet_name))


def _read_lines(sheet: Any, header_row: int, columns: dict[str, int], submission: FormSubmission,
                position: _Position) -> None:
    fields = [(key, index) for key, index in columns.items() if key != "number"]
    widest = max(index for _key, index in fields) + 1
    rows = sheet.iter_rows(min_row=header_row + 1, max_col=widest, values_only=True)
    for position.row, row in enumerate(rows, header_row + 1):
        if position.row - header_row > MAX_SCANNED_ROWS:
            submission.problems.append(_("{sheet}: more than {n} rows below the header; this is not a "
                                         "department's form.").format(sheet=submission.sheet, n=MAX_SCANNED_ROWS))
            return
        cells = {key: cell_text(row[index]) if index < len(row) else "" for key, index in fields}
        # The hidden row key alone does not fill a row: a row whose proposal was cleared keeps it.
        if any(text.strip() for key, text in cells.items() if key != "key"):
            submission.lines.append(FormLine(position.row, cells))


def read_topic_form(path: Path) -> FormSubmission:
    """One returned form as plain text, with the problems of the file itself; never raises for a bad file."""
    path = Path(path)
    submission = FormSubmission(path=str(path), file_name=path.name)
    if not path.is_file():
        submission.problems.append(_("{file} does not exist.").format(file=path))
        return submission
    if not _is_zip(path):
        if _is_old_excel(path):
            submission.problems.append(_("{file} is not an Excel workbook (.xlsx); an old .xls file must first be "
                                         "saved as .xlsx in Excel.").format(file=submission.file_name))
        else:
            submission.problems.append(_damaged(submission.file_name))
        return submission
    refusal = inspect_package(path, submission.file_name, LIMITS)
    if refusal is not None:
        submission.problems.append(refusal)
        return submission
    with warnings.catch_warnings():
        # openpyxl warns about parts it skips (extensions, defined names of a missing sheet);
        # the verdict on the file is what the officer sees.
        warnings.simplefilter("ignore")
        return _read_package(path, submission)


def _read_package(path: Path, submission: FormSubmission) -> FormSubmission:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except InvalidFileException:  # a name ending other than .xlsx / .xlsm
        submission.problems.append(_("{file} is not an Excel workbook (.xlsx); an old .xls file must first be "
                                     "saved as .xlsx in Excel.").format(file=submission.file_name))
        return submission
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds of errors for a damaged file
        submission.problems.append(_damaged(submission.file_name))
        return submission
    position = _Position()
    try:
        info = _read_info(workbook, submission, position)
        if info is not None:
            _read_form_sheet(workbook, info, submission, position)
    except Exception as error:  # noqa: BLE001 - a damaged sheet fails inside openpyxl's parser in many ways
        submission.lines.clear()
        submission.problems.append(_damaged_sheet(submission.file_name, position, error))
    finally:
        try:
            workbook.close()  # read-only mode keeps the file open (and locked on Windows) until closed
        except Exception:  # noqa: BLE001 - closing a damaged workbook may fail too; the verdict stands
            pass
    return submission


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _is_old_excel(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\xd0\xcf\x11\xe0" or path.suffix.lower() == ".xls"
    except OSError:
        return False


def _damaged(file_name: str) -> str:
    return _("{file} cannot be read as an Excel workbook; it is damaged or not an .xlsx file.").format(file=file_name)


def _damaged_sheet(file_name: str, position: _Position, error: Exception) -> str:
    detail = " ".join(str(error).split())[:120] or type(error).__name__
    if position.sheet == INFO_SHEET:
        return _("{file}: the form's identification sheet is damaged ({detail}); send the department a new "
                 "form.").format(file=file_name, detail=detail)
    if position.sheet:
        return _("{file}: the sheet '{sheet}' is damaged after row {row} ({detail}); open and save it again in "
                 "Excel, or ask the department for a new copy.").format(
            file=file_name, sheet=position.sheet, row=position.row, detail=detail)
    return _damaged(file_name)


def import_topic_forms(session: Session, actor: Actor, paths: Iterable[Path], *, dry_run: bool = False,
                       semester_id: int | None = None,
                       progress: Callable[[int, int], None] | None = None) -> IntakeResult:
    """Read and receive every form; the caller commits. See app.topics.intake.receive_forms."""
    paths = list(paths)
    submissions = []
    for done, path in enumerate(paths, 1):
        submissions.append(read_topic_form(path))
        if progress is not None:
            progress(done, len(paths))
    return receive_forms(session, actor, submissions, dry_run=dry_run, semester_id=semester_id)


def describe_outcome(outcome: FileOutcome, *, dry_run: bool) -> list[str]:
    """Lines for the command line: the verdict on one file, then its problems or its rows."""
    if not outcome.accepted:
        head = _("{file}: rejected, nothing from it was saved; {n} problem(s):").format(
            file=outcome.file_name, n=len(outcome.problems))
        return [head, *(f"  - {problem}" for problem in outcome.problems)]
    verdict = _("would be accepted") if dry_run else _("accepted")
    lines = [_("{file}: {verdict} ({department}, {semester}): {new} new, {updated} updated, {same} unchanged.").format(
        file=outcome.file_name, verdict=verdict, department=outcome.department_name, semester=outcome.semester_name,
        new=outcome.count(Change.NEW), updated=outcome.count(Change.UPDATED), same=outcome.count(Change.UNCHANGED))]
    for line in outcome.lines:
        if line.change is Change.UNCHANGED:
            continue
        detail = f" ({', '.join(line.changed_fields)})" if line.changed_fields else ""
        lines.append(_("  row {row}: {change}{detail}: {title}").format(
            row=line.row, change=line.change.label, detail=detail, title=line.title))
    for row, title in outcome.not_in_form:
        lines.append(_("  row {row} of an earlier copy is not in this form (emptied or deleted); its proposal is "
                       "kept: {title}").format(row=row, title=title))
    return lines
