"""Returned topic forms: rows matched by their hidden key, damaged files judged one by one, zip bombs refused."""
from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.directory.organisation import departments
from app.errors import ValidationError
from app.i18n import language
from app.topics.intake import Change
from exports.topic_form import generate_forms, write_topic_form
from exports.topic_import import import_topic_forms, read_topic_form
from models import Department, Semester, TopicArea, TopicProposal
from models.enums import Direction, Priority, ProposalStatus


@pytest.fixture
def semester(make_semester: Callable[..., Semester], make_area: Callable[..., TopicArea]) -> Semester:
    make_area(name_en="Campus safety", name_zh="校园安全")
    make_area(name_en="General courses", name_zh="通识课程")
    return make_semester(name="2027 Spring", topic_deadline=date(2026, 12, 15))


@pytest.fixture
def library(make_department: Callable[..., Department]) -> Department:
    return make_department(name_en="Library", name_zh="图书馆")


def blank_form(session: Session, semester: Semester, department: Department, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_topic_form(session, semester.id, department.id, folder / f"blank-{department.id}.xlsx")


def fill(form: Path, target: Path, rows: dict[int, list[Any]], edit: Callable[[Any], None] | None = None) -> Path:
    """Type values from column B (topic area) on, per sheet row, then edit the workbook as a person might."""
    workbook = load_workbook(form)
    sheet = workbook["Form"]
    for row, values in rows.items():
        for offset, value in enumerate(values):
            sheet.cell(row=row, column=2 + offset).value = value
    if edit is not None:
        edit(workbook)
    workbook.save(target)
    return target


def stored(session: Session, department: Department) -> list[TopicProposal]:
    session.expire_all()
    return list(session.scalars(select(TopicProposal).where(TopicProposal.department_id == department.id)
                                .order_by(TopicProposal.id)))


def topics(session: Session, department: Department) -> list[tuple[str, str, ProposalStatus]]:
    return [(p.title, p.priority.value, p.status) for p in stored(session, department)]


FOUR = {
    7: ["Campus safety", "Night buses", None, "Learn", "High", None],
    8: ["Campus safety", "Fire drills", None, "Share", "Low", None],
    9: ["General courses", "Reading lists", None, None, "Medium", None],
    10: ["General courses", "Peer tutoring", None, None, "Low", None],
}


def first_import(session: Session, officer: Actor, semester: Semester, library: Department,
                 tmp_path: Path) -> Path:
    sent = fill(blank_form(session, semester, library, tmp_path / "blank"), tmp_path / "v1.xlsx", FOUR)
    assert import_topic_forms(session, officer, [sent]).files[0].accepted
    for proposal, status in zip(stored(session, library), (ProposalStatus.ACCEPTED, ProposalStatus.DECLINED,
                                                           ProposalStatus.SHORTLISTED, ProposalStatus.SUBMITTED)):
        proposal.status = status  # the IAD's review, which a re-sent form must never move to another topic
    session.flush()
    return sent


# ---- rows matched by key ----------------------------------------------------------
def test_a_deleted_row_shifts_nothing(db_session: Session, officer: Actor, semester: Semester,
                                      library: Department, tmp_path: Path) -> None:
    sent = first_import(db_session, officer, semester, library, tmp_path)

    def delete_fire_drills(workbook: Any) -> None:
        workbook["Form"].delete_rows(8)  # the whole row, its hidden key with it

    # Peer tutoring's priority raised on row 10, then row 8 deleted: Peer tutoring is on row 9 now.
    again = fill(sent, tmp_path / "v2.xlsx", {10: ["General courses", "Peer tutoring", None, None, "High", None]},
                 edit=delete_fire_drills)
    outcome = import_topic_forms(db_session, officer, [again]).files[0]
    assert outcome.accepted
    assert [(line.row, line.title, line.change) for line in outcome.lines] == [
        (7, "Night buses", Change.UNCHANGED), (8, "Reading lists", Change.UNCHANGED),
        (9, "Peer tutoring", Change.UPDATED)]
    assert outcome.not_in_form == [(8, "Fire drills")]
    # Each topic keeps its own status; none is overwritten by the next, none appears twice.
    assert topics(db_session, library) == [
        ("Night buses", "high", ProposalStatus.ACCEPTED), ("Fire drills", "low", ProposalStatus.DECLINED),
        ("Reading lists", "medium", ProposalStatus.SHORTLISTED), ("Peer tutoring", "high", ProposalStatus.SUBMITTED)]


def test_sorted_and_inserted_rows_keep_their_proposals(db_session: Session, officer: Actor, semester: Semester,
                                                        library: Department, tmp_path: Path) -> None:
    sent = first_import(db_session, officer, semester, library, tmp_path)

    def sort_and_insert(workbook: Any) -> None:
        sheet = workbook["Form"]
        rows = [[cell.value for cell in sheet[row]] for row in range(7, 11)]
        for offset, values in enumerate(reversed(rows)):  # sorted Z to A, whole rows
            for column, value in enumerate(values, 1):
                sheet.cell(row=7 + offset, column=column).value = value
        sheet.insert_rows(8)  # a row of their own, without a key
        for column, value in enumerate(["", "Campus safety", "Bike parking"], 1):
            sheet.cell(row=8, column=column).value = value or None

    again = fill(sent, tmp_path / "v2.xlsx", {}, edit=sort_and_insert)
    outcome = import_topic_forms(db_session, officer, [again]).files[0]
    assert [(line.title, line.change) for line in outcome.lines] == [
        ("Peer tutoring", Change.UNCHANGED), ("Bike parking", Change.NEW), ("Reading lists", Change.UNCHANGED),
        ("Fire drills", Change.UNCHANGED), ("Night buses", Change.UNCHANGED)]
    assert outcome.not_in_form == []
    # The same file sent once more adds nothing: the keyless row is found by its title.
    outcome = import_topic_forms(db_session, officer, [again]).files[0]
    assert {line.change for line in outcome.lines} == {Change.UNCHANGED}
    assert [title for title, _priority, _status in topics(db_session, library)] == [
        "Night buses", "Fire drills", "Reading lists", "Peer tutoring", "Bike parking"]


def test_a_copied_row_is_a_new_proposal(db_session: Session, officer: Actor, semester: Semester,
                                        library: Department, tmp_path: Path) -> None:
    sent = first_import(db_session, officer, semester, library, tmp_path)

    def copy_row(workbook: Any) -> None:
        sheet = workbook["Form"]
        for column in range(1, 10):  # row 7 copied into row 20, hidden key included, then retitled
            sheet.cell(row=20, column=column).value = sheet.cell(row=7, column=column).value
        sheet["C20"] = "Night buses at weekends"

    outcome = import_topic_forms(db_session, officer, [fill(sent, tmp_path / "v2.xlsx", {}, edit=copy_row)]).files[0]
    assert [(line.row, line.change) for line in outcome.lines if line.change is not Change.UNCHANGED] == [
        (20, Change.NEW)]
    assert topics(db_session, library)[0] == ("Night buses", "high", ProposalStatus.ACCEPTED)
    assert topics(db_session, library)[-1][0] == "Night buses at weekends"


def test_forms_made_before_the_row_keys_match_by_title(db_session: Session, officer: Actor, semester: Semester,
                                                       library: Department, tmp_path: Path,
                                                       make_proposal: Callable[..., TopicProposal]) -> None:
    """Proposals imported by the earlier version carry "<semester>/<department>/<row>" and the form no key."""
    areas = {area.name_en: area for area in db_session.scalars(select(TopicArea))}
    for row, (area, title, _d, direction, priority, _r) in FOUR.items():
        make_proposal(semester=semester, department=library, area_id=areas[area].id, title=title,
                      direction=Direction((direction or "both").lower()), priority=Priority(priority.lower()),
                      description="", form_key=f"{semester.id}/{library.id}/{row}", source_row=row,
                      source_file="old.xlsx")

    def as_first_version(workbook: Any) -> None:
        workbook["Form"].delete_cols(9)  # no key column
        workbook["FormInfo"]["B2"] = 1
        workbook["Form"].delete_rows(8)  # and Fire drills deleted, so later rows move up

    old = fill(blank_form(db_session, semester, library, tmp_path / "blank"), tmp_path / "old-again.xlsx",
               {**FOUR, 9: ["General courses", "Reading lists", None, None, "High", None],
                10: ["General courses", "Peer tutoring (revised)", None, None, "Low", None]}, edit=as_first_version)
    outcome = import_topic_forms(db_session, officer, [old]).files[0]
    assert outcome.accepted
    assert [(line.row, line.title, line.change) for line in outcome.lines] == [
        (7, "Night buses", Change.UNCHANGED), (8, "Reading lists", Change.UPDATED),
        (9, "Peer tutoring (revised)", Change.NEW)]
    # Nothing overwritten by position: the changed title is added and the old proposals are kept.
    assert outcome.not_in_form == [(8, "Fire drills"), (10, "Peer tutoring")]
    assert [(title, priority) for title, priority, _status in topics(db_session, library)] == [
        ("Night buses", "high"), ("Fire drills", "low"), ("Reading lists", "high"), ("Peer tutoring", "low"),
        ("Peer tutoring (revised)", "low")]


def test_a_changed_hidden_key_is_named(db_session: Session, officer: Actor, semester: Semester,
                                       library: Department, tmp_path: Path) -> None:
    form = fill(blank_form(db_session, semester, library, tmp_path / "blank"), tmp_path / "typed.xlsx",
                {7: ["Campus safety", "Night buses", None, None, None, None, None, "my note"]})
    outcome = import_topic_forms(db_session, officer, [form]).files[0]
    assert outcome.problems == ["Form, row 7, Row key: 'my note' is not a row key this program wrote; clear the "
                                "hidden cell (or send the row in a copy of the form as it was sent)."]
    assert stored(db_session, library) == []


def test_in_chinese_a_problem_names_the_column_by_its_chinese_header(
        db_session: Session, officer: Actor, semester: Semester, library: Department, tmp_path: Path) -> None:
    form = fill(blank_form(db_session, semester, library, tmp_path / "blank"), tmp_path / "typed.xlsx",
                {7: ["Campus safety", None, None, None, None, None, None, "my note"]})
    with language("zh_CN"):
        problems = import_topic_forms(db_session, officer, [form]).files[0].problems
    assert len(problems) == 2
    assert problems[0].startswith("Form，第 7 行，行标识：“my note”不是本程序写入的行标识")
    assert "题目" in problems[1]
    assert not any("Row key" in problem or "Title" in problem for problem in problems)


def test_titles_and_regions_of_a_form_refuse_line_breaks_descriptions_keep_them(
        db_session: Session, officer: Actor, semester: Semester, library: Department, tmp_path: Path) -> None:
    form = fill(blank_form(db_session, semester, library, tmp_path / "blank"), tmp_path / "lines.xlsx", {
        7: ["Campus safety", "Night\nbuses", "Two\nlines", None, None, "East\u2028Asia"],
        8: ["Campus safety", "Fire drills", "Keeps\nits lines", None, None, None],
    })
    outcome = import_topic_forms(db_session, officer, [form]).files[0]
    assert outcome.problems == [
        "Form, row 7, Title: a line break is not allowed here; write it on one line.",
        "Form, row 7, Preferred partner region: a line break is not allowed here; write it on one line.",
    ]
    form = fill(form, tmp_path / "fixed.xlsx", {7: ["Campus safety", "Night buses", "Two\nlines", None, None, None]})
    assert import_topic_forms(db_session, officer, [form]).files[0].accepted
    assert [p.description for p in stored(db_session, library)] == ["Two\nlines", "Keeps\nits lines"]


# ---- damaged files, one by one ----------------------------------------------------------
def rewrite(source: Path, target: Path, part: str, change: Callable[[bytes], bytes] | None) -> Path:
    """A copy of an .xlsx with one part of its zip changed (or, with None, left out)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == part:
                if change is None:
                    continue
                data = change(data)
            new.writestr(info.filename, data)
    return target


def sheet_part(path: Path, name: str) -> str:
    """The zip part of the sheet called `name` (openpyxl numbers them in workbook order)."""
    return f"xl/worksheets/sheet{load_workbook(path, read_only=True).sheetnames.index(name) + 1}.xml"


def test_damaged_files_are_reported_and_the_good_ones_of_the_batch_imported(
        db_session: Session, officer: Actor, semester: Semester, library: Department,
        make_department: Callable[..., Department], tmp_path: Path) -> None:
    careers = make_department(name_en="Careers", name_zh="就业")
    good = fill(blank_form(db_session, semester, careers, tmp_path / "blank"), tmp_path / "good.xlsx",
                {7: ["Campus safety", "Career fairs", None, None, None, None]})
    base = fill(blank_form(db_session, semester, library, tmp_path / "blank"), tmp_path / "base.xlsx", FOUR)
    form, info = sheet_part(base, "Form"), sheet_part(base, "FormInfo")

    def bad_number(data: bytes) -> bytes:  # a number cell holding text, on row 9
        return re.sub(rb'<c r="F9"[^>]*?(/>|>.*?</c>)', b'<c r="F9" t="n"><v>lots</v></c>', data, count=1)

    def huge_id(data: bytes) -> bytes:
        return re.sub(rb'(<c r="B3"[^>]*>)<v>\d+</v>', rb"\g<1><v>99999999999999999999</v>", data, count=1)

    def entity(data: bytes) -> bytes:
        return data.replace(b"<worksheet", b'<!DOCTYPE w [<!ENTITY t SYSTEM "file:///etc/passwd">]><worksheet', 1)

    damaged = {
        "bad-number.xlsx": rewrite(base, tmp_path / "bad-number.xlsx", form, bad_number),
        "broken-xml.xlsx": rewrite(base, tmp_path / "broken-xml.xlsx", form, lambda data: data[: len(data) * 2 // 3]),
        "entity.xlsx": rewrite(base, tmp_path / "entity.xlsx", form, entity),
        "huge-id.xlsx": rewrite(base, tmp_path / "huge-id.xlsx", info, huge_id),
        "no-workbook.xlsx": rewrite(base, tmp_path / "no-workbook.xlsx", "xl/workbook.xml", None),
    }
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(base.read_bytes()[:3000])
    damaged["truncated.xlsx"] = truncated
    files = [good, *damaged.values(), base]
    result = import_topic_forms(db_session, officer, files)
    verdicts = {outcome.file_name: outcome.problems for outcome in result.files}
    assert verdicts["good.xlsx"] == [] and verdicts["base.xlsx"] == []
    assert re.fullmatch(r"bad-number\.xlsx: the sheet 'Form' is damaged after row 8 \(.+\); open and save it "
                        r"again in Excel, or ask the department for a new copy\.", verdicts["bad-number.xlsx"][0])
    assert re.fullmatch(r"broken-xml\.xlsx: the sheet 'Form' is damaged after row \d+ \(.+\); .*",
                        verdicts["broken-xml.xlsx"][0])
    assert verdicts["entity.xlsx"] == [f"entity.xlsx declares a document type or entities in its part '{form}'; an "
                                       "Excel workbook never does, so it is refused."]
    assert verdicts["huge-id.xlsx"] == ["huge-id.xlsx: the form's identification sheet is damaged (no semester or "
                                        "department); send the department a new form."]
    for name in ("no-workbook.xlsx", "truncated.xlsx"):
        assert verdicts[name] == [f"{name} cannot be read as an Excel workbook; it is damaged or not an .xlsx file."]
    assert all(len(problems) == 1 for name, problems in verdicts.items() if name in damaged)
    assert [p.title for p in stored(db_session, careers)] == ["Career fairs"]
    assert [p.title for p in stored(db_session, library)] == [row[1] for row in FOUR.values()]
    # A dry run judges the same way and saves nothing more.
    preview = import_topic_forms(db_session, officer, files, dry_run=True)
    assert [outcome.accepted for outcome in preview.files] == [outcome.accepted for outcome in result.files]


# ---- zip bombs and oversized sheets ---------------------------------------------------
def test_a_zip_bomb_is_refused_before_it_is_unpacked(db_session: Session, officer: Actor, semester: Semester,
                                                     library: Department, tmp_path: Path) -> None:
    base = fill(blank_form(db_session, semester, library, tmp_path / "blank"), tmp_path / "base.xlsx", FOUR)
    bomb = tmp_path / "bomb.xlsx"
    padding = b"<!-- " + b"A" * (60 * 1024 * 1024) + b" -->"  # 60 MB that compresses to about 60 KB

    def pad(data: bytes) -> bytes:
        return data.replace(b"<sheetData>", b"<sheetData>" + padding, 1)

    rewrite(base, bomb, sheet_part(base, "Form"), pad)
    assert bomb.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    outcome = import_topic_forms(db_session, officer, [bomb]).files[0]
    elapsed = time.perf_counter() - started
    assert outcome.problems == ["bomb.xlsx would unpack to 60 MB, more than the 25 MB a topic form may take; it is "
                                "not read (a small file that unpacks to this much is made to exhaust memory)."]
    assert elapsed < 5, elapsed  # a guard against reading it all, not a speed goal: the refusal reads no part
    assert stored(db_session, library) == []


@pytest.mark.parametrize(("what", "rows", "message"), [
    ("rows", "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(100, 20_200)),
     "more than 20,000 rows"),
    ("columns", '<row r="60"><c r="XFD60"><v>1</v></c></row>', "beyond column 200"),
])
def test_too_many_rows_or_columns_are_refused_before_reading(
        db_session: Session, officer: Actor, semester: Semester, library: Department, tmp_path: Path,
        what: str, rows: str, message: str) -> None:
    base = fill(blank_form(db_session, semester, library, tmp_path / "blank"), tmp_path / "base.xlsx", FOUR)
    big = rewrite(base, tmp_path / f"{what}.xlsx", sheet_part(base, "Form"),
                  lambda data: data.replace(b"</sheetData>", rows.encode() + b"</sheetData>", 1))
    [problem] = import_topic_forms(db_session, officer, [big]).files[0].problems
    assert problem.startswith(f"{what}.xlsx: the sheet 'Form' holds ") and message in problem
    assert stored(db_session, library) == []


# ---- department names --------------------------------------------------------------
def test_a_department_name_saved_with_a_control_character_does_not_block_its_forms(
        db_session: Session, officer: Actor, semester: Semester, tmp_path: Path,
        make_department: Callable[..., Department]) -> None:
    """Saved before the text rules, such a name used to make every form of the department refuse re-import."""
    odd = make_department(name_en="Student\x1b Affairs\x07", name_zh="学生\x0b工作部")
    plain = make_department(name_en="Library", name_zh="图书馆")
    db_session.add(TopicArea(name_en="Counselling\x1b", name_zh="心理\x0c咨询"))  # a choice saved the same way
    db_session.flush()
    forms = generate_forms(db_session, semester.id, tmp_path / "forms")
    by_id = {load_workbook(path, read_only=True)["FormInfo"]["B5"].value: path for path in forms}
    filled = [fill(by_id[department.id], tmp_path / f"{department.id}.xlsx",
                   {7: ["Campus safety", f"Topic of {department.id}", None, None, None, None],
                    8: ["Counselling / 心理咨询", f"Listening at {department.id}", None, None, None, None]})
              for department in (odd, plain)]
    result = import_topic_forms(db_session, officer, filled)
    assert [outcome.problems for outcome in result.files] == [[], []]
    assert [p.title for p in stored(db_session, odd)] == [f"Topic of {odd.id}", f"Listening at {odd.id}"]


NAMES = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.filter_too_much])
@given(name=NAMES)
def test_every_department_name_the_service_accepts_round_trips_through_its_form(
        db_session: Session, officer: Actor, semester: Semester, tmp_path: Path, name: str) -> None:
    attempt = db_session.begin_nested()
    try:
        try:
            department = departments.create(db_session, officer, name_en=name, name_zh=name)
        except ValidationError:
            return  # refused at the service, so it can never reach a form
        form = write_topic_form(db_session, semester.id, department.id, tmp_path / "form.xlsx")
        submission = read_topic_form(fill(form, tmp_path / "filled.xlsx", {7: ["Campus safety", "T"]}))
        assert submission.problems == []
        result = import_topic_forms(db_session, officer, [tmp_path / "filled.xlsx"], dry_run=True)
        assert result.files[0].problems == [], repr(name)
    finally:
        attempt.rollback()
