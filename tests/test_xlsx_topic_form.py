"""Topic-collection forms: generated per department, filled in as people do, imported all or nothing."""
from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import PermissionDeniedError, ValidationError
from app.topics import records as topic_services
from app.topics.intake import Change, receive_forms
from app.output_files import safe_file_name
from exports.topic_form import form_file_name, generate_forms
from exports.topic_import import import_topic_forms, read_topic_form
from models import Department, Semester, TopicArea, TopicProposal
from models.enums import Direction, Priority, ProposalSource


@dataclass
class FormSetup:
    semester: Semester
    library: Department
    careers: Department
    areas: dict[str, TopicArea]
    forms: dict[int, Path]  # department id -> generated form
    folder: Path

    def form(self, department: Department) -> Path:
        return self.forms[department.id]


@pytest.fixture
def setup(db_session: Session, make_semester: Callable[..., Semester], make_department: Callable[..., Department],
          make_area: Callable[..., TopicArea], tmp_path: Path) -> FormSetup:
    semester = make_semester(name="2027 Spring", topic_deadline=date(2026, 12, 15))
    library = make_department(name_en="Library", name_zh="图书馆")
    careers = make_department(name_en="Career Center: Jobs/Internships", name_zh="就业中心")
    areas = {
        "mental": make_area(name_en="Student mental health", name_zh="学生心理健康"),
        "safety": make_area(name_en="Campus safety", name_zh="校园安全"),
        "courses": make_area(name_en="General courses", name_zh="通识课程"),
    }
    make_area(name_en="Old area", name_zh="旧领域", active=False)
    folder = tmp_path / "forms"
    paths = generate_forms(db_session, semester.id, folder)
    by_name = {path.name: path for path in paths}
    forms = {department.id: by_name[form_file_name(semester.name, _ref(department))]
             for department in (library, careers)}
    return FormSetup(semester, library, careers, areas, forms, folder)


def _ref(department: Department) -> Any:
    from app.views.spreadsheet_data import DepartmentRef

    return DepartmentRef(department.id, department.name_en, department.name_zh, department.code)


def fill(form: Path, target: Path, rows: dict[int, list[Any]], *, extra: dict[str, Any] | None = None,
         edit: Callable[[Any], None] | None = None) -> Path:
    """Fill the form as a department would: values from column B (topic area) on, per sheet row."""
    workbook = load_workbook(form)
    sheet = workbook["Form"]
    for row, values in rows.items():
        for offset, value in enumerate(values):
            cell = sheet.cell(row=row, column=2 + offset)
            cell.value = value  # None clears, as deleting a cell's content does
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # as Excel keeps it in the form's text-formatted cells
    for coordinate, value in (extra or {}).items():
        sheet[coordinate] = value
    if edit is not None:
        edit(workbook)
    workbook.save(target)
    return target


def proposals_of(session: Session, department: Department) -> list[TopicProposal]:
    return list(session.scalars(select(TopicProposal).where(TopicProposal.department_id == department.id)
                                .order_by(TopicProposal.source_row)))


def count_proposals(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(TopicProposal)) or 0)


AREA_CHOICES = "Campus safety, General courses, Student mental health"
DIRECTION_CHOICES = "Learn, Share, Both (学习, 分享, 两者)"
PRIORITY_CHOICES = "High, Medium, Low (高, 中, 低)"


# ---- the form that goes out ----------------------------------------------------------
def test_one_form_per_department_with_safe_names(setup: FormSetup) -> None:
    names = sorted(path.name for path in setup.folder.iterdir())
    assert names == ["Topic form 2027 Spring - Career Center Jobs Internships.xlsx",
                     "Topic form 2027 Spring - Library.xlsx"]


@pytest.mark.parametrize(("raw", "safe"), [
    ('a<b>c:d"e/f\\g|h?i*j', "a b c d e f g h i j"),
    ("CON", "_CON"),
    ("lpt1.txt", "_lpt1.txt"),
    ("trailing dots... ", "trailing dots"),
    ("", "_"),
    ("学生工作部", "学生工作部"),
])
def test_safe_file_names(raw: str, safe: str) -> None:
    assert safe_file_name(raw) == safe


def test_form_layout_drop_downs_and_identification(setup: FormSetup) -> None:
    workbook = load_workbook(setup.form(setup.library))
    assert workbook.sheetnames == ["Instructions", "Form", "Lists", "FormInfo"]
    assert [workbook[name].sheet_state for name in workbook.sheetnames] == ["visible", "visible", "hidden",
                                                                             "veryHidden"]
    instructions = "\n".join(str(row[0]) for row in workbook["Instructions"].iter_rows(values_only=True) if row[0])
    assert "one proposal per row" in instructions and "每行填写一个主题" in instructions
    assert "2026-12-15" in instructions

    form = workbook["Form"]
    assert form["C2"].value == "Library (图书馆)"
    assert form["C3"].value == "2027 Spring"
    assert form["C4"].is_date and form["C4"].value.date() == date(2026, 12, 15)
    header = [cell.value for cell in form[6]]
    assert header[:3] == ["No.\n序号", "Topic area\n主题领域", "Title\n题目"]
    assert all(cell.font.bold and cell.fill.fgColor.rgb.endswith("1F4E79") for cell in form[6])
    assert [form.cell(row=row, column=1).value for row in (7, 56)] == [1, 50]
    assert form.freeze_panes == "A7"
    assert form.column_dimensions["C"].width == 40

    validations = {str(v.sqref): v for v in form.data_validations.dataValidation}
    assert validations["B7:B56"].formula1 == "'Lists'!$A$2:$A$4"
    assert validations["E7:E56"].formula1 == "'Lists'!$B$2:$B$4"
    assert validations["F7:F56"].formula1 == "'Lists'!$C$2:$C$4"
    assert validations["G7:G56"].errorStyle == "information"  # other regions may be typed
    lists = workbook["Lists"]
    # Active areas only, in both languages.
    assert [lists.cell(row=row, column=1).value for row in range(2, 5)] == [
        "Campus safety / 校园安全", "General courses / 通识课程", "Student mental health / 学生心理健康"]
    assert [lists.cell(row=row, column=2).value for row in range(2, 5)] == ["Learn / 学习", "Share / 分享",
                                                                            "Both / 两者"]
    info = {row[0]: row[1] for row in workbook["FormInfo"].iter_rows(values_only=True)}
    assert info["form"] == "IAD topic-collection form" and info["form_version"] == 2
    assert (info["semester_id"], info["semester_name"]) == (setup.semester.id, "2027 Spring")
    assert (info["department_id"], info["department_name"]) == (setup.library.id, "Library")
    # Each input row carries a hidden key made of the form's id and the row's number.
    assert form["I6"].value == "Row key\n行标识" and form.column_dimensions["I"].hidden
    assert [form.cell(row=row, column=9).value for row in (7, 8, 56)] == [
        f"{info['form_id']}-01", f"{info['form_id']}-02", f"{info['form_id']}-50"]
    assert re.fullmatch(r"[0-9a-f]{8}", info["form_id"])
    other = load_workbook(setup.form(setup.careers))["FormInfo"]
    assert {row[0]: row[1] for row in other.iter_rows(values_only=True)}["form_id"] != info["form_id"]


# ---- the round trip -------------------------------------------------------------------
def test_round_trip_forgives_what_people_type(db_session: Session, setup: FormSetup, tmp_path: Path,
                                              officer: Actor) -> None:
    filled = fill(setup.form(setup.library), tmp_path / "library.xlsx", {
        7: ["Student mental health / 学生心理健康", "  Peer counselling  ", "Training students\nto listen",
            "ｂｏｔｈ", "高", "Europe"],
        # row 8 left blank
        9: ["  campus SAFETY ", "Night buses", None, "学习", "low", "  North   America "],
        10: [None, None, None, None, None, None],  # blank again
        11: ["通识课程", "=HYPERLINK(\"http://x\",\"y\")", "", "ＳＨＡＲＥ", None, None],
        12: ["General courses", 2026, None, None, "中", None],  # a number typed as the title
    }, extra={"J6": "Our own notes", "J7": "not read", "K9": 42})
    result = import_topic_forms(db_session, officer, [filled])
    assert [outcome.problems for outcome in result.files] == [[]]
    assert [(line.row, line.change) for line in result.files[0].lines] == [
        (7, Change.NEW), (9, Change.NEW), (11, Change.NEW), (12, Change.NEW)]

    stored = proposals_of(db_session, setup.library)
    assert [(p.source_row, p.area_id, p.title, p.description, p.direction, p.priority, p.preferred_region)
            for p in stored] == [
        (7, setup.areas["mental"].id, "Peer counselling", "Training students\nto listen", Direction.BOTH,
         Priority.HIGH, "Europe"),
        (9, setup.areas["safety"].id, "Night buses", "", Direction.LEARN, Priority.LOW, "North America"),
        (11, setup.areas["courses"].id, '=HYPERLINK("http://x","y")', "", Direction.SHARE, Priority.MEDIUM, ""),
        (12, setup.areas["courses"].id, "2026", "", Direction.BOTH, Priority.MEDIUM, ""),
    ]
    form_id = load_workbook(filled)["FormInfo"]["B10"].value
    for proposal in stored:
        assert proposal.source is ProposalSource.IMPORTED
        assert proposal.source_file == "library.xlsx"
        assert proposal.form_key == f"{setup.semester.id}/{setup.library.id}/{form_id}-{proposal.source_row - 6:02d}"
        assert proposal.semester_id == setup.semester.id


def test_a_renamed_moved_column_layout_is_still_read(db_session: Session, setup: FormSetup, tmp_path: Path,
                                                     officer: Actor) -> None:
    def rearrange(workbook: Any) -> None:
        sheet = workbook["Form"]
        sheet.insert_cols(2)  # a column of their own before ours
        sheet["B6"] = "Contact"
        sheet["B7"] = "Ms Li"
        sheet.insert_rows(1)  # and a line above everything
        sheet["A1"] = "Library, draft 2"
        sheet.title = "表格"

    filled = fill(setup.form(setup.library), tmp_path / "moved.xlsx",
                  {7: ["Campus safety", "Fire drills", None, "Share", "High", None]}, edit=rearrange)
    submission = read_topic_form(filled)
    assert submission.problems == [] and submission.sheet == "表格"
    assert [(line.row, line.cells["title"], line.cells["area"]) for line in submission.lines] == [
        (8, "Fire drills", "Campus safety")]


# ---- rejections -------------------------------------------------------------------------
def test_every_bad_row_is_named_and_nothing_of_the_file_is_saved(db_session: Session, setup: FormSetup,
                                                                 tmp_path: Path, officer: Actor) -> None:
    bad = fill(setup.form(setup.library), tmp_path / "bad.xlsx", {
        7: ["Finance", "Budgets", None, "both", "high", None],
        8: ["Campus safety", "Good row", None, None, None, None],
        9: ["Campus safety", None, "a description without a title", None, None, None],
        10: [None, "No area", None, "maybe", "urgent", None],
        11: ["Campus safety", "x" * 301, None, None, None, "y" * 101],
    })
    good = fill(setup.form(setup.careers), tmp_path / "good.xlsx",
                {7: ["Student mental health", "Career anxiety", None, "Learn", "Medium", None]})
    before = count_proposals(db_session)
    result = import_topic_forms(db_session, officer, [bad, good])
    rejected, accepted = result.files
    assert rejected.problems == [
        f"Form, row 7, Topic area: 'Finance' is not one of {AREA_CHOICES}.",
        "Form, row 9, Title: missing; every filled row needs a title.",
        f"Form, row 10, Topic area: missing; choose one of {AREA_CHOICES}.",
        f"Form, row 10, Learn / share: 'maybe' is not one of {DIRECTION_CHOICES}.",
        f"Form, row 10, Priority: 'urgent' is not one of {PRIORITY_CHOICES}.",
        "Form, row 11, Title: too long (301 characters, at most 300).",
        "Form, row 11, Preferred partner region: too long (101 characters, at most 100).",
    ]
    assert not rejected.accepted and rejected.lines == []
    assert accepted.accepted and accepted.count(Change.NEW) == 1
    assert proposals_of(db_session, setup.library) == []  # not even the good row 8
    assert [p.title for p in proposals_of(db_session, setup.careers)] == ["Career anxiety"]
    assert count_proposals(db_session) == before + 1


def test_files_that_are_not_our_forms(db_session: Session, setup: FormSetup, tmp_path: Path,
                                      officer: Actor) -> None:
    no_info = fill(setup.form(setup.library), tmp_path / "copied.xlsx",
                   {7: ["Campus safety", "T", None, None, None, None]},
                   edit=lambda workbook: workbook.remove(workbook["FormInfo"]))
    text_file = tmp_path / "notes.xlsx"
    text_file.write_text("just text", encoding="utf-8")
    old_format = tmp_path / "old.xls"
    old_format.write_bytes(b"\xd0\xcf\x11\xe0 old excel")

    def newer(workbook: Any) -> None:
        workbook["FormInfo"]["B2"] = 3

    newer_form = fill(setup.form(setup.library), tmp_path / "newer.xlsx", {}, edit=newer)

    def drop_priority(workbook: Any) -> None:
        workbook["Form"].delete_cols(6)

    no_priority = fill(setup.form(setup.library), tmp_path / "no-priority.xlsx", {}, edit=drop_priority)
    result = import_topic_forms(db_session, officer,
                                [no_info, text_file, old_format, newer_form, no_priority, tmp_path / "gone.xlsx"])
    assert [outcome.problems for outcome in result.files] == [
        ["copied.xlsx is not one of our topic-collection forms (it has no form identification sheet); send the "
         "department the form made by Export → Topic-collection forms."],
        ["notes.xlsx cannot be read as an Excel workbook; it is damaged or not an .xlsx file."],
        ["old.xls is not an Excel workbook (.xlsx); an old .xls file must first be saved as .xlsx in Excel."],
        ["newer.xlsx is a form of a newer version (3) of IAD Online Workshops; update the program to import it."],
        ["Form, row 6: the column 'Priority' is missing."],
        [f"{tmp_path / 'gone.xlsx'} does not exist."],
    ]
    assert proposals_of(db_session, setup.library) == []


def test_a_form_for_another_semester_or_another_database(db_session: Session, setup: FormSetup, tmp_path: Path,
                                                         officer: Actor,
                                                         make_semester: Callable[..., Semester]) -> None:
    other = make_semester(name="2027 Fall")
    filled = fill(setup.form(setup.library), tmp_path / "library.xlsx",
                  {7: ["Campus safety", "Drills", None, None, None, None]})
    result = import_topic_forms(db_session, officer, [filled], semester_id=other.id)
    assert result.files[0].problems == ["library.xlsx: this form is for 2027 Spring, not for 2027 Fall."]

    def foreign(workbook: Any) -> None:
        workbook["FormInfo"]["B4"] = "2019 Fall"  # same id, another name: made from another database
        workbook["FormInfo"]["B5"] = 999_999

    stranger = fill(setup.form(setup.library), tmp_path / "stranger.xlsx",
                    {7: ["Campus safety", "Drills", None, None, None, None]}, edit=foreign)
    result = import_topic_forms(db_session, officer, [stranger])
    assert result.files[0].problems == [
        "stranger.xlsx: the form was made for semester '2019 Fall', but that semester is now '2027 Spring' in this "
        "database; was the form made from another database?",
        "stranger.xlsx: the department this form was made for ('Library') is not in this database.",
    ]
    assert proposals_of(db_session, setup.library) == []


def test_a_database_error_in_the_middle_of_a_file_leaves_nothing_of_it(
        db_session: Session, setup: FormSetup, tmp_path: Path, officer: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = fill(setup.form(setup.library), tmp_path / "first.xlsx", {
        7: ["Campus safety", "One", None, None, None, None],
        8: ["Campus safety", "Two", None, None, None, None],
    })
    second = fill(setup.form(setup.careers), tmp_path / "second.xlsx",
                  {7: ["Campus safety", "Three", None, None, None, None]})
    create = topic_services.proposals.create

    def fail_on_two(session: Session, actor: Actor, **values: Any) -> TopicProposal:
        if values["title"] == "Two":
            raise ValidationError("title", "Title: refused by the database.")
        return create(session, actor, **values)

    monkeypatch.setattr(topic_services.proposals, "create", fail_on_two)
    result = import_topic_forms(db_session, officer, [first, second])
    assert result.files[0].problems == ["first.xlsx: Title: refused by the database."]
    assert result.files[1].accepted
    assert proposals_of(db_session, setup.library) == []  # "One" was rolled back with its file
    assert [p.title for p in proposals_of(db_session, setup.careers)] == ["Three"]


def test_a_viewer_may_not_import(db_session: Session, setup: FormSetup, viewer: Actor) -> None:
    with pytest.raises(PermissionDeniedError):
        receive_forms(db_session, viewer, [])


# ---- corrections and dry runs ---------------------------------------------------------
def test_a_corrected_form_updates_instead_of_duplicating(db_session: Session, setup: FormSetup, tmp_path: Path,
                                                         officer: Actor) -> None:
    first = fill(setup.form(setup.library), tmp_path / "v1.xlsx", {
        7: ["Campus safety", "Night buses", None, "Learn", "Low", None],
        8: ["General courses", "Reading lists", None, "Share", None, None],
        9: ["General courses", "Withdrawn later", None, None, None, None],
    })
    import_topic_forms(db_session, officer, [first])
    ids = [p.id for p in proposals_of(db_session, setup.library)]

    shutil.copy(first, tmp_path / "v2-source.xlsx")
    corrected = fill(tmp_path / "v2-source.xlsx", tmp_path / "v2.xlsx", {
        7: ["Campus safety", "Night buses and shuttles", None, "Learn", "High", None],
        9: [None, None, None, None, None, None],
        10: ["Student mental health", "New idea", None, None, None, None],
    })
    result = import_topic_forms(db_session, officer, [corrected])
    outcome = result.files[0]
    assert [(line.row, line.change, line.changed_fields) for line in outcome.lines] == [
        (7, Change.UPDATED, ("Title", "Priority")),
        (8, Change.UNCHANGED, ()),
        (10, Change.NEW, ()),
    ]
    assert outcome.not_in_form == [(9, "Withdrawn later")]
    stored = proposals_of(db_session, setup.library)
    assert [p.title for p in stored] == ["Night buses and shuttles", "Reading lists", "Withdrawn later", "New idea"]
    assert [p.id for p in stored][:3] == ids  # same records, one more
    assert stored[0].priority is Priority.HIGH and stored[0].source_file == "v2.xlsx"
    assert stored[1].source_file == "v1.xlsx"  # unchanged rows are not touched


def test_a_dry_run_reports_changes_and_writes_nothing(db_session: Session, setup: FormSetup, tmp_path: Path,
                                                      officer: Actor) -> None:
    first = fill(setup.form(setup.library), tmp_path / "v1.xlsx", {
        7: ["Campus safety", "Night buses", None, None, None, None],
        8: ["General courses", "Reading lists", None, None, None, None],
    })
    import_topic_forms(db_session, officer, [first])
    db_session.flush()
    versions = [(p.id, p.version, p.title) for p in proposals_of(db_session, setup.library)]
    second = fill(first, tmp_path / "v2.xlsx", {
        7: ["Campus safety", "Night buses (revised)", None, None, None, None],
        9: ["Campus safety", "Brand new", None, None, None, None],
    })
    result = import_topic_forms(db_session, officer, [second], dry_run=True)
    assert result.dry_run
    assert [(line.row, line.change) for line in result.files[0].lines] == [
        (7, Change.UPDATED), (8, Change.UNCHANGED), (9, Change.NEW)]
    assert not db_session.new and not db_session.dirty
    db_session.expire_all()
    assert [(p.id, p.version, p.title) for p in proposals_of(db_session, setup.library)] == versions


def test_dry_run_of_a_form_and_its_correction_in_one_batch_reports_what_the_import_does(
        setup: FormSetup, db_session: Session, tmp_path: Path, officer: Actor) -> None:
    first = fill(setup.form(setup.library), tmp_path / "v1.xlsx", {
        7: ["Campus safety", "Night buses", None, None, None, None],
    })
    second = fill(first, tmp_path / "v2.xlsx", {
        7: ["Campus safety", "Night buses (revised)", None, None, None, None],
    })
    preview = import_topic_forms(db_session, officer, [first, second], dry_run=True)
    assert [[line.change for line in outcome.lines] for outcome in preview.files] == [[Change.NEW], [Change.UPDATED]]
    assert all(line.proposal_id is None for line in preview.files[0].lines)
    assert proposals_of(db_session, setup.library) == []
    result = import_topic_forms(db_session, officer, [first, second])
    assert [[line.change for line in outcome.lines] for outcome in result.files] == [[Change.NEW], [Change.UPDATED]]
    assert [p.title for p in proposals_of(db_session, setup.library)] == ["Night buses (revised)"]
