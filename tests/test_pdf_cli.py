"""`iad-workshops export agenda|programme|evaluation-summary|certificate` write readable PDFs, or say in one
sentence why not."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.storage.database import Database, open_database
from models import (
    Attendance,
    Department,
    Evaluation,
    EvaluationScore,
    Exchange,
    Panel,
    Participation,
    Partner,
    Person,
    RubricItem,
    Semester,
    Workshop,
)
from models.enums import ExchangeKind


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[tuple[Path, dict[str, int]]]:
    path = tmp_path / "iad.sqlite3"
    database: Database = open_database(f"sqlite:///{path}", backup_dir=tmp_path / "backups")
    with database.transaction() as session:
        department = Department(name_en="Asset Management Office", name_zh="资产管理处")
        person = Person(department=department, name_en="Chen Jing", name_zh="陈静")
        partner = Partner(name="University of Toronto", name_zh="多伦多大学", country="Canada",
                          timezone="America/Toronto")
        semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        exchange = Exchange(semester=semester, title="Managing laboratory assets", title_zh="实验室资产管理",
                            kind=ExchangeKind.MULTI_ROUND,
                            planned_rounds=2, partners=[partner], departments=[department])
        workshop = Workshop(exchange=exchange, round_number=2, starts_at=datetime(2026, 10, 20, 13, 0, tzinfo=UTC),
                            platform="Tencent Meeting")
        session.add(Panel(workshop=workshop, title="Inventory audits", starts_at=workshop.starts_at,
                          duration_minutes=40))
        participation = Participation(person=person, exchange=exchange)
        session.add_all([workshop, participation])
        session.flush()
        session.add(Attendance(participation_id=participation.id, workshop_id=workshop.id))
        relevance = RubricItem(name_en="Relevance of topic", name_zh="主题相关性")
        for day, score in ((date(2026, 12, 1), 4), (date(2027, 1, 5), 5)):
            session.add(Evaluation(department=department, semester=semester, interview_date=day,
                                   interviewer="Xu Wen", findings=f"Interview of {day:%d %B}.", exchanges=[exchange],
                                   scores=[EvaluationScore(rubric_item=relevance, score=score)]))
        ids = dict(workshop=workshop.id, person=person.id, exchange=exchange.id)
    database.close()
    yield path, ids


def read(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(path.read_bytes())).pages)


def test_export_agenda_programme_and_certificate(filled: tuple[Path, dict[str, int]], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = filled
    agenda = tmp_path / "agenda.pdf"
    assert main(["--database", str(db), "export", "agenda", "--workshop", str(ids["workshop"]), "-o",
                 str(agenda)]) == 0
    text = read(agenda)
    assert "Round 2 of 2" in text and "Inventory audits" in text and "21:00–00:00" in text  # Shanghai
    assert "09:00–12:00" in text and "EDT" in text  # Toronto
    assert "Wrote the agenda of 'Managing laboratory assets', round 2" in capsys.readouterr().out

    programme = tmp_path / "programme.pdf"
    assert main(["--database", str(db), "export", "programme", "--semester", "2026 Fall", "-o", str(programme)]) == 0
    assert "Managing laboratory assets" in read(programme) and "October 2026" in read(programme)

    certificate = tmp_path / "certificate.pdf"
    assert main(["--database", str(db), "export", "certificate", "--person", str(ids["person"]), "--exchange",
                 str(ids["exchange"]), "-o", str(certificate)]) == 0
    assert "陈静" in read(certificate) and "Chen Jing" in read(certificate)
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["agenda.pdf", "certificate.pdf", "programme.pdf"]


def test_export_evaluation_summary(filled: tuple[Path, dict[str, int]], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    db, _ids = filled
    target = tmp_path / "summary.pdf"
    assert main(["--database", str(db), "export", "evaluation-summary", "--semester", "2026 Fall", "-o",
                 str(target)]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote the evaluation summary of 2026 Fall (2 interviews) to {target}."
    text = " ".join(read(target).split())
    assert "Evaluation summary" in text and "Asset Management Office" in text and "资产管理处" in text
    assert "Relevance of topic" in text and "主题相关性" in text
    assert "Asset Management Office 资产管理处 4.5 4.5 2" in text  # scores 4 and 5
    assert "Interview of 01 December." in text and "Interview of 05 January." in text


def test_evaluation_summary_of_a_semester_without_interviews_is_one_sentence(
    filled: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    db, _ids = filled
    database = open_database(f"sqlite:///{db}", backup_dir=tmp_path / "backups")
    with database.transaction() as session:
        session.add(Semester(name="2027 Spring", starts_on=date(2027, 2, 20), ends_on=date(2027, 7, 10)))
    database.close()
    target = tmp_path / "summary.pdf"
    assert main(["--database", str(db), "export", "evaluation-summary", "--semester", "2027 Spring", "-o",
                 str(target)]) == 1
    assert capsys.readouterr().err.strip() == (
        "iad-workshops: No department interviews are recorded for 2027 Spring; record one before printing its "
        "evaluation summary.")
    assert not target.exists()


@pytest.mark.parametrize(("arguments", "message"), [
    (["agenda", "--workshop", "4242"], "There is no workshop with id 4242."),
    (["programme", "--semester", "1999 Spring"], "There is no semester named '1999 Spring' (there are: 2026 Fall)."),
    (["evaluation-summary", "--semester", "1999 Spring"],
     "There is no semester named '1999 Spring' (there are: 2026 Fall)."),
    (["certificate", "--person", "777", "--exchange", "1"], "There is no person with id 777."),
])
def test_unknown_ids_are_one_sentence_and_write_nothing(
    filled: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    arguments: list[str], message: str,
) -> None:
    db, _ids = filled
    target = tmp_path / "out.pdf"
    assert main(["--database", str(db), "export", *arguments, "-o", str(target)]) == 1
    assert capsys.readouterr().err.strip() == f"iad-workshops: {message}"
    assert not target.exists()


def test_missing_output_folder_is_one_sentence(filled: tuple[Path, dict[str, int]], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = filled
    target = tmp_path / "nowhere" / "agenda.pdf"
    assert main(["--database", str(db), "export", "agenda", "--workshop", str(ids["workshop"]), "-o",
                 str(target)]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_language_of_each_document_on_the_command_line(filled: tuple[Path, dict[str, int]], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = filled
    agenda = ["--database", str(db), "export", "agenda", "--workshop", str(ids["workshop"])]
    assert main([*agenda, "-o", str(tmp_path / "en.pdf")]) == 0  # the agenda's default: English
    english = read(tmp_path / "en.pdf")
    assert "Managing laboratory assets" in english and "Participants" in english
    assert "实验室资产管理" not in english and "参会人员" not in english
    assert main([*agenda, "--language", "zh", "-o", str(tmp_path / "zh.pdf")]) == 0
    chinese = read(tmp_path / "zh.pdf")
    assert "实验室资产管理" in chinese and "参会人员" in chinese and "21:00–00:00" in chinese
    assert "09:00–12:00" in chinese and "Participants" not in chinese and "Managing laboratory assets" not in chinese
    assert main([*agenda, "--language", "both", "-o", str(tmp_path / "both.pdf")]) == 0
    both = read(tmp_path / "both.pdf")
    assert "Managing laboratory assets" in both and "实验室资产管理" in both and "Participants" in both

    certificate = ["--database", str(db), "export", "certificate", "--person", str(ids["person"]), "--exchange",
                   str(ids["exchange"]), "--language", "en", "-o", str(tmp_path / "certificate.pdf")]
    assert main(certificate) == 0
    text = read(tmp_path / "certificate.pdf")
    assert "Certificate of Participation" in text and "参与证书" not in text
    capsys.readouterr()

    with pytest.raises(SystemExit) as refused:
        main([*agenda, "--language", "fr", "-o", str(tmp_path / "fr.pdf")])
    assert refused.value.code == 2 and "invalid choice: 'fr'" in capsys.readouterr().err
    assert not (tmp_path / "fr.pdf").exists()


def test_document_language_default_comes_from_the_settings(filled: tuple[Path, dict[str, int]],
                                                           tmp_path: Path) -> None:
    from dataclasses import replace

    from app.settings import Settings

    replace(Settings(), programme_language="zh").save()  # the test's own config folder (conftest)
    db, _ids = filled
    assert main(["--database", str(db), "export", "programme", "--semester", "2026 Fall", "-o",
                 str(tmp_path / "programme.pdf")]) == 0
    text = read(tmp_path / "programme.pdf")
    assert "学期研讨会日程" in text and "实验室资产管理" in text and "Semester programme" not in text
