"""The spreadsheet commands: exports by name, forms into a folder, imports with exit status and problems."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.cli import main
from app.storage.database import Database
from models import Department, Semester, TopicArea, TopicProposal


@pytest.fixture
def filled_database(sqlite_database: Database) -> Database:
    with sqlite_database.transaction() as session:
        session.add_all([
            Semester(name="2027 Spring", starts_on=date(2027, 2, 20), ends_on=date(2027, 7, 10)),
            Department(name_en="Library", name_zh="图书馆"),
            Department(name_en="Career Center", name_zh="就业中心"),
            TopicArea(name_en="Campus safety", name_zh="校园安全"),
        ])
    return sqlite_database


def cli(database: Database, *args: str) -> int:
    return main(["--database", str(database.path), *args])


def proposal_count(database: Database) -> int:
    with database.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(TopicProposal)) or 0)


@pytest.mark.parametrize("name", ["evaluations", "topics", "partners", "roster", "reports", "visits"])
def test_every_export_by_name(filled_database: Database, tmp_path: Path, name: str,
                              capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / name  # no extension: .xlsx is added
    assert cli(filled_database, "export", name, "-o", str(target)) == 0
    written = target.with_suffix(".xlsx")
    assert f"Wrote {written}" in capsys.readouterr().out
    assert load_workbook(written).sheetnames


def test_semester_by_name_and_clear_errors(filled_database: Database, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(filled_database, "export", "topics", "--semester", " 2027  spring ", "-o",
               str(tmp_path / "t.xlsx")) == 0
    capsys.readouterr()
    assert cli(filled_database, "export", "topics", "--semester", "1999 Fall", "-o", str(tmp_path / "t.xlsx")) == 1
    assert "There is no semester '1999 Fall'; the semesters are: 2027 Spring." in capsys.readouterr().err
    assert cli(filled_database, "export", "roster", "-o", str(tmp_path / "t.csv")) == 1
    assert "choose a name ending in .xlsx" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # the ranking is not per semester
        cli(filled_database, "export", "visits", "--semester", "2027 Spring", "-o", str(tmp_path / "v.xlsx"))


def test_forms_then_import_with_dry_run_and_rejection(filled_database: Database, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "forms"
    assert cli(filled_database, "export", "forms", "--semester", "2027 Spring", "-o", str(folder)) == 0
    out = capsys.readouterr().out
    assert "Wrote 2 forms into" in out and "Topic form 2027 Spring - Library.xlsx" in out

    good = load_workbook(folder / "Topic form 2027 Spring - Library.xlsx")
    good["Form"]["B7"] = "校园安全"
    good["Form"]["C7"] = "Fire drills"
    good.save(tmp_path / "library.xlsx")
    bad = load_workbook(folder / "Topic form 2027 Spring - Career Center.xlsx")
    bad["Form"]["B8"] = "Finance"
    bad["Form"]["C8"] = "Budgets"
    bad.save(tmp_path / "careers.xlsx")
    files = [str(tmp_path / "library.xlsx"), str(tmp_path / "careers.xlsx")]

    assert cli(filled_database, "import", "topics", *files, "--dry-run") == 1
    out = capsys.readouterr().out
    assert "library.xlsx: would be accepted (Library (图书馆), 2027 Spring): 1 new, 0 updated, 0 unchanged." in out
    assert "  row 7: new: Fire drills" in out
    assert "careers.xlsx: rejected, nothing from it was saved; 1 problem(s):" in out
    assert "  - Form, row 8, Topic area: 'Finance' is not one of Campus safety." in out
    assert "Dry run: nothing was saved." in out
    assert proposal_count(filled_database) == 0

    assert cli(filled_database, "import", "topics", *files) == 1
    out = capsys.readouterr().out
    assert "library.xlsx: accepted (Library (图书馆), 2027 Spring): 1 new" in out
    assert proposal_count(filled_database) == 1
    # Sent again: accepted, unchanged, still one proposal; exit status 0 without rejected files.
    assert cli(filled_database, "import", "topics", files[0]) == 0
    assert "0 new, 0 updated, 1 unchanged" in capsys.readouterr().out
    assert proposal_count(filled_database) == 1


def test_forms_need_a_semester(filled_database: Database, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        cli(filled_database, "export", "forms", "-o", str(tmp_path))
