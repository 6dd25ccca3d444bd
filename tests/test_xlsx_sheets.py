"""The shared table writer: text that never runs as a formula, real dates and numbers, styled headers."""
from __future__ import annotations

import os
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet import _writer as openpyxl_writer

from app.errors import AppError
from exports.xlsx_sheets import (
    HEADER_FILL,
    Column,
    display_width,
    fitted_widths,
    save_workbook,
    streaming_workbook,
    write_table,
)

PAYLOADS = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(A1)",
    "-1+2",
    "=1+1",
    "#N/A",
    "#DIV/0!",
]
COLUMNS = [
    Column("Name"),
    Column("Count", "integer"),
    Column("Average", "decimal"),
    Column("Due", "date"),
    Column("Starts", "datetime"),
    Column("Link", "url"),
]


def _write(path: Path, rows: list[tuple[object, ...]], *, streaming: bool = True, **options: object) -> Path:
    if not streaming:
        workbook = Workbook()
        workbook.active.title = "Data"
        write_table(workbook.active, COLUMNS, rows, **options)  # type: ignore[arg-type]
        return save_workbook(workbook, path)
    with streaming_workbook() as workbook:
        write_table(workbook.create_sheet("Data"), COLUMNS, rows, **options)  # type: ignore[arg-type]
        return save_workbook(workbook, path)


@pytest.mark.parametrize("streaming", [True, False], ids=["write-only", "ordinary"])
def test_formula_like_text_stays_text_after_a_reload(tmp_path: Path, streaming: bool) -> None:
    rows = [(payload, None, None, None, None, payload) for payload in PAYLOADS]
    path = _write(tmp_path / "payloads.xlsx", rows, streaming=streaming)
    sheet = load_workbook(path)["Data"]
    for row, payload in enumerate(PAYLOADS, 2):
        for column in ("A", "F"):
            cell = sheet[f"{column}{row}"]
            assert cell.value == payload
            assert cell.data_type == "s", (payload, column)
            assert cell.quotePrefix is (payload[0] in "=+-@"), payload
    # Nothing in the file is stored as a formula.
    assert not any(cell.data_type == "f" for line in sheet.iter_rows() for cell in line)


def test_plain_text_numbers_and_dates_keep_their_types(tmp_path: Path) -> None:
    zone = ZoneInfo("Asia/Shanghai")
    rows = [
        ("Wang Li 王丽", 3, 3.456, date(2026, 10, 15), datetime(2026, 10, 15, 7, 0, tzinfo=UTC),
         "https://iad.example.edu/a"),
        ("Plain", 0, Decimal("2.50"), datetime(2026, 10, 16, 20, 0, tzinfo=UTC), None, "javascript:alert(1)"),
    ]
    sheet = load_workbook(_write(tmp_path / "types.xlsx", rows, zone=zone))["Data"]
    assert sheet["A2"].value == "Wang Li 王丽" and sheet["A2"].data_type == "s" and not sheet["A2"].quotePrefix
    assert sheet["B2"].value == 3 and sheet["B2"].data_type == "n"
    assert sheet["C2"].value == pytest.approx(3.456) and sheet["C2"].number_format == "0.00"
    assert sheet["D2"].is_date and sheet["D2"].value == datetime(2026, 10, 15)
    assert sheet["D2"].number_format == "yyyy-mm-dd"
    # 07:00 UTC is 15:00 in Shanghai; Excel has no zones, so the IAD's wall time is written.
    assert sheet["E2"].is_date and sheet["E2"].value == datetime(2026, 10, 15, 15, 0)
    assert sheet["E2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["F2"].hyperlink is not None and sheet["F2"].hyperlink.target == "https://iad.example.edu/a"
    # An aware instant in a date column is the IAD's calendar day (20:00 UTC is the next day in Shanghai).
    assert sheet["D3"].value == datetime(2026, 10, 17)
    assert sheet["C3"].value == pytest.approx(2.5)
    # Only web addresses become links.
    assert sheet["F3"].hyperlink is None and sheet["F3"].value == "javascript:alert(1)"
    assert sheet["F3"].data_type == "s"


def test_header_is_styled_panes_frozen_and_filter_set(tmp_path: Path) -> None:
    rows = [("a", 1, 1.0, date(2026, 1, 1), None, None)] * 3
    sheet = load_workbook(_write(tmp_path / "style.xlsx", rows))["Data"]
    header = [cell.value for cell in sheet[1]]
    assert header == [column.header for column in COLUMNS]
    for cell in sheet[1]:
        assert cell.font.bold
        assert cell.fill.fgColor.rgb.endswith(HEADER_FILL.fgColor.rgb[-6:])
        assert cell.data_type == "s"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F4"


def test_control_characters_are_dropped_instead_of_breaking_the_file(tmp_path: Path) -> None:
    rows = [("bell\x07 and tab\tkept\nnew line", None, None, None, None, None)]
    sheet = load_workbook(_write(tmp_path / "control.xlsx", rows))["Data"]
    assert sheet["A2"].value == "bell and tab\tkept\nnew line"


def test_widths_fit_the_content_count_cjk_double_and_are_capped() -> None:
    assert display_width("abc") == 3
    assert display_width("学生工作部") == 10
    assert display_width("ａｂ") == 4  # full-width Latin
    assert display_width("short\nmuch longer line") == 16
    columns = [Column("Name", max_width=30), Column("Note", max_width=20), Column("When", "date")]
    rows = [("学生工作部", "x" * 200, date(2026, 1, 1)), ("abc", "y", None)]
    widths = fitted_widths(columns, rows)
    assert widths[0] == 12  # 10 display characters + padding
    assert widths[1] == 20  # capped
    assert widths[2] == 12  # a yyyy-mm-dd date


def test_widths_are_written_before_the_rows_in_write_only_mode(tmp_path: Path) -> None:
    rows = [("x" * 40, None, None, None, None, None)]
    sheet = load_workbook(_write(tmp_path / "widths.xlsx", rows))["Data"]
    assert sheet.column_dimensions["A"].width == 42


def test_progress_is_reported_and_can_stop_the_export(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    rows = [("a", 1, None, None, None, None)] * 1200
    _write(tmp_path / "progress.xlsx", rows, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (1200, 1200) and seen[0] == (500, 1200)

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    target = tmp_path / "stopped.xlsx"
    before = set(openpyxl_writer.ALL_TEMP_FILES)
    with pytest.raises(KeyboardInterrupt):
        _write(target, rows, progress=stop)
    assert not target.exists()
    # The abandoned sheet's temporary file is gone now, not at the program's exit.
    assert not [name for name in set(openpyxl_writer.ALL_TEMP_FILES) - before if os.path.exists(name)]


def test_save_is_atomic_and_names_the_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(AppError, match="does not exist"):
        _write(tmp_path / "missing" / "x.xlsx", [])
    target = tmp_path / "kept.xlsx"
    target.write_bytes(b"the previous file")

    def refuse(_self: object, _path: str) -> None:
        raise PermissionError("locked")

    monkeypatch.setattr(Workbook, "save", refuse)
    with pytest.raises(AppError, match="open in another program"):
        _write(target, [("a", None, None, None, None, None)])
    assert target.read_bytes() == b"the previous file"
    assert sorted(os.listdir(tmp_path)) == ["kept.xlsx"]  # no temporary file left behind
