"""The overdue list as .xlsx and .csv: text stays text, files appear whole or not at all."""
from __future__ import annotations

import argparse
import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.errors import AppError
from app.outcomes.reports import OverdueReport
from exports.overdue_xlsx import register, write_overdue, write_overdue_csv, write_overdue_xlsx
from models.enums import ReportKind


def overdue(name: str = "=HYPERLINK(\"http://evil\")", department: str = "学生工作处 Student Affairs") -> OverdueReport:
    return OverdueReport(
        report_id=1, person_id=2, person_name_en=name, person_name_zh="张三", email="z@sjtu.edu.cn",
        department_id=3, department_en=department, department_zh="学生工作处", exchange_id=4,
        exchange_title="+Peer support", partners="Oxford", kind=ReportKind.RESEARCH_REPORT,
        due_on=date(2026, 11, 1), days_overdue=44,
    )


def test_xlsx_cells_are_text_dates_and_numbers(tmp_path: Path) -> None:
    path = write_overdue_xlsx([overdue(), overdue(name="Li Lei")], tmp_path / "overdue.xlsx", title="2026 Fall")
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "2026 Fall"
    assert sheet["A3"].value == "Department" and sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == "A3:J5"
    name = sheet["C4"]
    assert name.value == "=HYPERLINK(\"http://evil\")" and name.data_type == "s"
    assert sheet["F4"].value == "+Peer support" and sheet["F4"].data_type == "s"
    # Like every other export: text a spreadsheet would read as a formula or a sign carries the
    # quote prefix, so editing the cell in Excel keeps it text.
    assert name.quotePrefix and sheet["F4"].quotePrefix
    assert not sheet["C5"].quotePrefix and not sheet["A4"].quotePrefix
    assert sheet["I4"].value.date() == date(2026, 11, 1) and sheet["I4"].number_format == "yyyy-mm-dd"
    assert sheet["J4"].value == 44
    assert sheet["C5"].value == "Li Lei"
    assert sheet.column_dimensions["A"].width > 20  # fitted to the CJK department name


def test_xlsx_prefixes_every_risky_start(tmp_path: Path) -> None:
    rows = [overdue(name=name, department=name) for name in ("=1+1", "+86 21", "-5", "@SUM(A1)", "Plain")]
    sheet = load_workbook(write_overdue_xlsx(rows, tmp_path / "overdue.xlsx")).active
    assert [(sheet.cell(row=row, column=3).value, sheet.cell(row=row, column=3).quotePrefix,
             sheet.cell(row=row, column=1).quotePrefix) for row in range(2, 7)] == [
        ("=1+1", True, True), ("+86 21", True, True), ("-5", True, True), ("@SUM(A1)", True, True),
        ("Plain", False, False)]
    assert sheet["A1"].quotePrefix is False and sheet["A1"].value == "Department"


def test_csv_defuses_formulas_and_keeps_chinese(tmp_path: Path) -> None:
    path = write_overdue(
        [overdue()], tmp_path / "overdue.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0][0] == "Department"
    assert rows[1][2] == "'=HYPERLINK(\"http://evil\")"
    assert rows[1][3] == "张三" and rows[1][5] == "'+Peer support" and rows[1][8] == "2026-11-01"


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "overdue.csv"
    target.write_text("previous list")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(csv, "writer", broken)
    with pytest.raises(AppError, match="Cannot write .*overdue.csv: disk full"):
        write_overdue_csv([overdue()], target)
    assert target.read_text() == "previous list"
    assert [p.name for p in tmp_path.iterdir()] == ["overdue.csv"]
    with pytest.raises(AppError, match="does not exist"):
        write_overdue_xlsx([], tmp_path / "missing" / "x.xlsx")


def test_command_line_registration(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    exports = parser.add_subparsers()
    register(exports, None, lambda _args: pytest.fail("not run"))
    args = parser.parse_args(["overdue", "-o", str(tmp_path / "x.xlsx"), "--today", "2026-12-01"])
    assert args.today == date(2026, 12, 1) and callable(args.func)


def test_command_line_writes_the_file(tmp_path: Path, sqlite_database: object, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(), None, lambda _args: sqlite_database)
    args = parser.parse_args(["overdue", "-o", str(tmp_path / "x.csv")])
    assert args.func(args) == 0
    assert "0 overdue reports" in capsys.readouterr().out
    assert (tmp_path / "x.csv").read_text(encoding="utf-8-sig").startswith("Department,")
    bad = parser.parse_args(["overdue", "-o", str(tmp_path / "y.csv"), "--semester", "1999 Spring"])
    with pytest.raises(AppError, match="1999 Spring"):
        bad.func(bad)
