"""Styled tables in openpyxl workbooks: the one way every spreadsheet of the program is written.

A table is a list of `Column`s and rows of plain values. `write_table` gives it a bold,
filled header, panes frozen below the header, an auto-filter over the data, column
widths fitted to the content (CJK characters count double, capped), real dates and
numbers with number formats, and text that can never run as a formula: every text cell
ends up with `data_type == "s"`, and text that a spreadsheet would read as a formula,
a sign or a function (`=`, `+`, `-`, `@`) also carries the quote prefix, so Excel and
LibreOffice show it as typed.

The big exports use openpyxl's write-only mode (`streaming_workbook`); the same
functions also work on ordinary worksheets (the topic-collection form).
"""
from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from lxml import etree
from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from app.output_files import replacing

Kind = Literal["text", "integer", "decimal", "date", "datetime", "url"]
# A Worksheet or a WriteOnlyWorksheet (openpyxl ships no type hints, so both are Any to mypy).
AnySheet = Any
# Called with (rows written, rows in all); it may raise to stop the export.
Progress = Callable[[int, int], None]

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)
HEADER_BORDER = Border(bottom=Side(style="thin", color="0B2545"))
LINK_FONT = Font(color="0563C1", underline="single")

# Whole numbers keep Excel's General format, which shows them as they are.
NUMBER_FORMATS: dict[str, str] = {
    "decimal": "0.00",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
}
# Widths (in characters) a formatted number or date takes on screen.
FORMATTED_WIDTHS: dict[str, int] = {"date": 10, "datetime": 16}

# Characters that start a formula (=), or that Excel turns into one when the cell is
# edited or imported as CSV (+ - @). Also the control characters XML cannot hold.
_RISKY = re.compile(r"^[=+\-@]|[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ERROR_CODES = frozenset(ERROR_CODES)
MAX_CELL_TEXT = 32767  # Excel's limit for one cell
PROGRESS_EVERY = 500


@dataclass(frozen=True)
class Column:
    """One column of a table: its header and how its values are written."""

    header: str
    kind: Kind = "text"
    max_width: int = 50
    min_width: int = 8
    number_format: str | None = None  # overrides the kind's own format
    wrap: bool = False  # wrap long text in the cell (ordinary worksheets only, it styles every cell)

    @property
    def format(self) -> str | None:
        return self.number_format or NUMBER_FORMATS.get(self.kind)


@dataclass(frozen=True)
class TableRange:
    """Where a written table ended up: header row and the last row and column."""

    header_row: int
    last_row: int
    last_column: int

    @property
    def ref(self) -> str:
        return f"A{self.header_row}:{get_column_letter(self.last_column)}{self.last_row}"


# ---- text ---------------------------------------------------------------------
def display_width(text: str) -> int:
    """How many character cells `text` takes: CJK (wide and full-width) counts double."""
    if "\n" in text or "\r" in text:
        return max((display_width(line) for line in text.splitlines()), default=0)
    if text.isascii():
        return len(text)
    return len(text) + len(_wide_characters().findall(text))


@functools.cache
def _wide_characters() -> re.Pattern[str]:
    """East Asian wide and full-width characters (east_asian_width "W"/"F") as one character
    class: one regex pass is much faster than a unicodedata lookup per character."""
    ranges: list[str] = []
    start: int | None = None
    for code in range(0x1100, 0x40000):
        char = chr(code)
        # Unassigned code points report "F" in some Python versions; they never occur in text.
        wide = unicodedata.east_asian_width(char) in "WF" and unicodedata.category(char) != "Cn"
        if wide and start is None:
            start = code
        elif not wide and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
            start = None
    if start is not None:
        ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(0x3FFFF))}")
    return re.compile("[" + "".join(ranges) + "]")


def clean_text(value: str) -> str:
    """Text as a cell can hold it: no XML-illegal control characters, at most 32,767 characters."""
    return _ILLEGAL.sub("", value)[:MAX_CELL_TEXT]


def text_cell(sheet: AnySheet, value: str, style_array: Any = None) -> Cell:
    """A cell that holds `value` as text whatever it starts with."""
    value = clean_text(value)
    cell = Cell(sheet, row=1, column=1, style_array=style_array)
    cell.value = value
    cell.data_type = "s"
    if value[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True
    return cell


def set_text(cell: Cell, value: str) -> None:
    """Put `value` into an existing cell of an ordinary worksheet, as text."""
    value = clean_text(value)
    cell.value = value
    cell.data_type = "s"
    cell.quotePrefix = value[:1] in ("=", "+", "-", "@")


# ---- tables -------------------------------------------------------------------
def header_cells(sheet: AnySheet, columns: Sequence[Column]) -> list[Cell]:
    cells = []
    for column in columns:
        cell = text_cell(sheet, column.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
        cell.border = HEADER_BORDER
        cells.append(cell)
    return cells


def fitted_widths(columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> list[float]:
    """Column widths from the header and every value, within each column's limits."""
    widths = [max(display_width(part) for part in column.header.split("\n")) for column in columns]
    text_columns = [i for i, column in enumerate(columns) if column.kind in ("text", "url")]
    other_columns = [i for i, column in enumerate(columns) if column.kind not in ("text", "url")]
    caps = [column.max_width for column in columns]
    for index in other_columns:
        kind = columns[index].kind
        if kind in FORMATTED_WIDTHS:
            widths[index] = max(widths[index], FORMATTED_WIDTHS[kind])
        else:
            longest = max((len(str(row[index])) for row in rows if row[index] is not None), default=0)
            widths[index] = max(widths[index], longest)
    for index in text_columns:
        cap = caps[index]
        best = widths[index]
        seen: set[Any] = set()  # names repeat down a column; measure each once
        for row in rows:
            value = row[index]
            if value is None or value in seen:
                continue
            seen.add(value)
            width = display_width(value if isinstance(value, str) else str(value))
            if width > best:
                best = width
                if best >= cap:
                    break
        widths[index] = best
    return [float(min(max(width + 2, column.min_width), column.max_width)) for width, column in zip(widths, columns)]


def set_column_widths(sheet: AnySheet, widths: Sequence[float], first_column: int = 1) -> None:
    for offset, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(first_column + offset)].width = width


def _as_local(value: datetime, zone: tzinfo | None) -> datetime:
    """Excel has no time zones: aware instants are shown in `zone` (the IAD's), naive as given."""
    if value.tzinfo is None:
        return value
    return value.astimezone(zone).replace(tzinfo=None) if zone is not None else value.replace(tzinfo=None)


def _is_web_link(value: Any) -> bool:
    # Only web addresses become clickable; anything else (file:, javascript:) stays text.
    return isinstance(value, str) and value.lower().startswith(("http://", "https://")) \
        and not _ILLEGAL.search(value) and " " not in value.strip()


Converter = Callable[[Any], Any]


class RowWriter:
    """Turns rows of plain values into what `append` needs, one converter per column.

    Plain values go through where openpyxl writes them right by itself (most text,
    whole numbers, dates in the default yyyy-mm-dd format): every cell object handed
    to a write-only sheet costs openpyxl an exception internally, so cells are made
    only where a number format, a link or the text guarantee needs one.
    """

    def __init__(self, sheet: AnySheet, columns: Sequence[Column], zone: tzinfo | None = None) -> None:
        self.sheet = sheet
        self.zone = zone
        self.converters = [self._converter(column) for column in columns]

    def cells(self, values: Sequence[Any]) -> list[Any]:
        return [convert(value) for convert, value in zip(self.converters, values)]

    # ---- per column ---------------------------------------------------------------
    def _style(self, column: Column, *, quoted: bool = False) -> Any:
        probe = Cell(self.sheet, row=1, column=1)
        if column.format:
            probe.number_format = column.format
        if column.kind == "url":
            probe.font = LINK_FONT
        if column.wrap:
            probe.alignment = Alignment(wrap_text=True, vertical="top")
        if quoted:
            probe.quotePrefix = True
        # openpyxl keeps a cell's style as an array of indexes into the workbook's style
        # tables; made once per column and copied by Cell(style_array=...), instead of
        # looking fonts and formats up again for every cell.
        return probe._style if probe.has_style else None

    def _converter(self, column: Column) -> Converter:
        sheet = self.sheet
        style = self._style(column)
        quoted = self._style(column, quoted=True)
        risky = _RISKY.search
        errors = _ERROR_CODES

        def styled(value: Any) -> Cell:
            # openpyxl's WriteOnlyCell(sheet, value) is exactly Cell(sheet, row=1, column=1, value=value);
            # this one also starts from the column's prepared style.
            return Cell(sheet, row=1, column=1, style_array=style, value=value)

        def text(value: Any) -> Any:
            if value is None or value == "":
                return None
            if value.__class__ is not str:
                value = str(value)
            if risky(value) is None and value not in errors:
                if style is None:
                    return value  # openpyxl stores any other str as an inline string: data_type "s"
                cell = styled(value)
                cell.data_type = "s"
                return cell
            # Forced to text, with the quote prefix for =, +, -, @ (see text_cell).
            return text_cell(sheet, value, quoted if value[:1] in ("=", "+", "-", "@") else style)

        def url(value: Any) -> Any:
            if not _is_web_link(value):
                return text(value)
            cell = styled(clean_text(value))
            cell.data_type = "s"
            cell.hyperlink = value
            return cell

        def number(value: Any) -> Any:
            if value is None:
                return None
            if value.__class__ is bool or not isinstance(value, (int, float, Decimal)):
                return text(value)
            return value if style is None else styled(value)

        plain_dates = column.format == NUMBER_FORMATS["date"]  # openpyxl's own format for a date

        def day(value: Any) -> Any:
            if value is None:
                return None
            if isinstance(value, datetime):
                value = _as_local(value, self.zone).date()
            if not isinstance(value, date):
                return text(value)
            return value if plain_dates else styled(value)

        def moment(value: Any) -> Any:
            if value is None:
                return None
            if isinstance(value, datetime):
                return styled(_as_local(value, self.zone))
            return styled(value) if isinstance(value, date) else text(value)

        return {"text": text, "url": url, "integer": number, "decimal": number, "date": day,
                "datetime": moment}[column.kind]


def write_table(
    sheet: AnySheet,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    *,
    header_row: int = 1,
    zone: tzinfo | None = None,
    progress: Progress | None = None,
    fit: bool = True,
) -> TableRange:
    """Append a header and `rows` to `sheet`, freeze panes under the header, filter the data.

    `header_row` is the row the header lands on: the caller has appended the rows
    above it already (write-only sheets only ever append). Widths and frozen panes
    are set first, because a write-only sheet writes them before its first row.
    """
    if fit:
        set_column_widths(sheet, fitted_widths(columns, rows))
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.append(header_cells(sheet, columns))
    convert = RowWriter(sheet, columns, zone).cells
    total = len(rows)
    append = sheet.append
    for done, values in enumerate(rows, 1):
        append(convert(values))
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
    if progress is not None:
        progress(total, total)
    table = TableRange(header_row=header_row, last_row=header_row + max(total, 1), last_column=len(columns))
    sheet.auto_filter.ref = table.ref
    return table


def append_text_row(sheet: AnySheet, values: Iterable[str | None], *, bold: bool = False) -> None:
    """A row of text (titles, notes above a table), each cell forced to text."""
    cells: list[Any] = []
    for value in values:
        if value is None:
            cells.append(None)
            continue
        cell = text_cell(sheet, value)
        if bold:
            cell.font = Font(bold=True)
        cells.append(cell)
    sheet.append(cells)


# ---- workbooks ------------------------------------------------------------------
@contextmanager
def streaming_workbook() -> Iterator[Workbook]:
    """A write-only workbook: rows go to a temporary file as they are appended, memory stays flat.

    If the block fails or is stopped before the workbook is saved, its streams are
    closed and its temporary files deleted, rather than left until the program exits.
    """
    workbook = Workbook(write_only=True)
    try:
        yield workbook
    except BaseException:
        discard_workbook(workbook)
        raise


def discard_workbook(workbook: Workbook) -> None:
    """Close the sheet streams of an unsaved write-only workbook and remove their temporary files."""
    for sheet in workbook.worksheets:
        rows = getattr(sheet, "_rows", None)
        writer = getattr(sheet, "_writer", None)
        try:
            if rows is not None:
                rows.close()
            if writer is not None:
                writer.close()
                if isinstance(writer.out, str) and os.path.exists(writer.out):
                    writer.cleanup()
        except (OSError, etree.LxmlError, ValueError):
            # The workbook is being abandoned: a stream that cannot close cleanly is
            # left for openpyxl's own clean-up at exit; the caller's error is what matters.
            continue


def save_workbook(workbook: Workbook, path: Path) -> Path:
    """Save under a temporary name in the same folder, then rename: never a half-written file."""
    with replacing(path) as temporary:
        workbook.save(temporary)
    return Path(path)
