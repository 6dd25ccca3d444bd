"""Topic proposals received on the departments' returned collection forms.

The form itself (columns, choices, the hidden identification sheet) is described
here, so the form that goes out (exports/topic_form.py) and the check of what
comes back agree. exports/topic_import.py reads a returned workbook into a
`FormSubmission` of plain text; `receive_forms` checks it and saves it.

Rules:
- All or nothing per file: one bad row rejects the whole file, with every problem
  named by sheet, row and column ("Form, row 7, Topic area: ..."). Each file is
  saved inside its own savepoint, so a rejected file leaves nothing behind while
  the good files of the same batch are kept.
- A line of a form is identified by `form_key` = "<semester id>/<department id>/<row>",
  so a form sent again after corrections updates its proposals instead of adding
  them twice. Proposals of an earlier version of the form whose row is now empty
  are kept (and reported), never deleted.
- What people type is forgiven where the meaning is plain: surrounding spaces,
  full-width characters (NFKC), upper/lower case, and the Chinese names of the
  choices (学习 / 分享 / 两者, 高 / 中 / 低, the Chinese name of a topic area).
  An empty "Learn / share" counts as Both and an empty priority as Medium, as the
  form's instructions say. Anything else that is not a choice is a problem.
- A dry run checks everything and reports what would be new, updated or
  unchanged, without writing.
"""
from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import AppError
from app.i18n import _
from app.topics.records import proposals
from app.directory.reference_data import AreaRef, topic_areas
from models import Department, Semester, TopicProposal
from models.enums import Direction, Priority, ProposalSource, UserRole

# ---- the form's layout -------------------------------------------------------------
FORM_KIND = "IAD topic-collection form"
FORM_VERSION = 1
FORM_SHEET = "Form"
LISTS_SHEET = "Lists"
INFO_SHEET = "FormInfo"
HEADER_ROW = 6
INPUT_ROWS = 50
MAX_LINES = 1000  # more filled rows than this is not a department's answer


@dataclass(frozen=True)
class FormField:
    """A column of the form: its key, its header in both languages, its width."""

    key: str
    english: str
    chinese: str
    width: int
    required_column: bool = True  # the column must be present in a returned form
    wrap: bool = False

    @property
    def header(self) -> str:
        return f"{self.english}\n{self.chinese}"

    @property
    def label(self) -> str:
        """How problems name the column."""
        return _(self.english)


FORM_FIELDS: tuple[FormField, ...] = (
    FormField("number", "No.", "序号", 6, required_column=False),
    FormField("area", "Topic area", "主题领域", 30),
    FormField("title", "Title", "题目", 40),
    FormField("description", "Description", "内容说明", 60, required_column=False, wrap=True),
    FormField("direction", "Learn / share", "学习 / 分享", 16),
    FormField("priority", "Priority", "优先级", 14),
    FormField("region", "Preferred partner region", "意向合作地区", 26, required_column=False),
    # Last, so forms made before it keep their columns; optional: a form without it is read
    # as before and leaves a stored Chinese title as it is.
    FormField("title_zh", "Chinese title (optional)", "中文题目（选填）", 32, required_column=False),
)
FIELDS_BY_KEY = {form_field.key: form_field for form_field in FORM_FIELDS}
TITLE_LIMIT = 300
REGION_LIMIT = 100
SOURCE_FILE_LIMIT = 300


def match_key(text: str) -> str:
    """What two spellings of a choice must share: NFKC (full-width to normal), no case, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def header_keys(form_field: FormField) -> set[str]:
    """The header texts a returned form may carry for this column."""
    return {match_key(form_field.english), match_key(form_field.chinese),
            match_key(form_field.english + form_field.chinese)}


# ---- choices -----------------------------------------------------------------------
@dataclass(frozen=True)
class Choice:
    value: Any  # an enum member, or a topic area's id
    english: str
    chinese: str
    synonyms: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """What the form's drop-down shows."""
        # In the Chinese interface the "English" side is already Chinese: show it once.
        return f"{self.english} / {self.chinese}" if self.chinese and self.chinese != self.english else self.english

    def keys(self) -> set[str]:
        texts = [self.english, self.chinese, self.label, *self.synonyms]
        if isinstance(self.value, enum.Enum):
            texts.append(str(self.value.value))
        return {match_key(text) for text in texts if text}


def direction_choices() -> list[Choice]:
    return [
        Choice(Direction.LEARN, _("Learn"), "学习", ("learning", "学", "想学习")),
        Choice(Direction.SHARE, _("Share"), "分享", ("sharing", "分享经验")),
        Choice(Direction.BOTH, _("Both"), "两者",
               ("learn and share", "learn & share", "learn/share", "两者都有", "都有", "学习和分享", "学习与分享",
                "学习/分享")),
    ]


def priority_choices() -> list[Choice]:
    return [
        Choice(Priority.HIGH, _("High"), "高"),
        Choice(Priority.MEDIUM, _("Medium"), "中", ("middle", "normal", "一般")),
        Choice(Priority.LOW, _("Low"), "低"),
    ]


def area_choices(areas: Iterable[AreaRef]) -> list[Choice]:
    return [Choice(area.id, area.name_en, area.name_zh) for area in areas]


class ChoiceList:
    """Finds the choice a typed text means, forgiving width, case and spaces."""

    def __init__(self, choices: Sequence[Choice], *, offered: Sequence[Choice] | None = None,
                 show_chinese: bool = True) -> None:
        self.choices = list(choices)
        self.offered = list(offered if offered is not None else choices)  # what a problem lists
        self.show_chinese = show_chinese  # short fixed lists name their Chinese labels too
        self._by_key: dict[str, Choice] = {}
        for choice in self.choices:
            for key in choice.keys():
                self._by_key.setdefault(key, choice)

    def find(self, text: str) -> Choice | None:
        return self._by_key.get(match_key(text))

    def describe(self) -> str:
        english = ", ".join(choice.english for choice in self.offered)
        if self.show_chinese and all(choice.chinese for choice in self.offered):
            return f"{english} ({', '.join(choice.chinese for choice in self.offered)})"
        return english


# ---- what a returned form holds ------------------------------------------------------
@dataclass
class FormLine:
    """One filled row of a returned form, as text (blank cells are "")."""

    row: int
    cells: dict[str, str]


@dataclass
class FormSubmission:
    """A returned form as read from the file, before any check against the database."""

    path: str
    file_name: str
    sheet: str = FORM_SHEET
    semester_id: int | None = None
    semester_name: str = ""
    department_id: int | None = None
    department_name: str = ""
    version: int | None = None
    lines: list[FormLine] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # found while reading: the file is rejected


# ---- what receiving it did --------------------------------------------------------------
class Change(str, enum.Enum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"

    @property
    def label(self) -> str:
        return {"new": _("new"), "updated": _("updated"), "unchanged": _("unchanged")}[self.value]


@dataclass(frozen=True)
class LineOutcome:
    row: int
    title: str
    change: Change
    changed_fields: tuple[str, ...] = ()  # for updates: the columns that differ
    proposal_id: int | None = None  # None in a dry run for new rows


@dataclass
class FileOutcome:
    path: str
    file_name: str
    semester_name: str = ""
    department_name: str = ""
    problems: list[str] = field(default_factory=list)
    lines: list[LineOutcome] = field(default_factory=list)
    not_in_form: list[tuple[int, str]] = field(default_factory=list)  # (row, title) kept from an earlier version

    @property
    def accepted(self) -> bool:
        return not self.problems

    def count(self, change: Change) -> int:
        return sum(1 for line in self.lines if line.change is change)


@dataclass
class IntakeResult:
    files: list[FileOutcome]
    dry_run: bool

    @property
    def accepted(self) -> list[FileOutcome]:
        return [outcome for outcome in self.files if outcome.accepted]

    @property
    def rejected(self) -> list[FileOutcome]:
        return [outcome for outcome in self.files if not outcome.accepted]

    def count(self, change: Change) -> int:
        return sum(outcome.count(change) for outcome in self.accepted)


# ---- checking -------------------------------------------------------------------------
@dataclass(frozen=True)
class _Checked:
    row: int
    key: str
    values: dict[str, Any]


COMPARED = ("area_id", "title", "title_zh", "description", "direction", "priority", "preferred_region")
FIELD_OF_VALUE = {"area_id": "area", "title": "title", "title_zh": "title_zh", "description": "description",
                  "direction": "direction", "priority": "priority", "preferred_region": "region"}


def form_key(semester_id: int, department_id: int, row: int) -> str:
    return f"{semester_id}/{department_id}/{row}"


class _Checker:
    """The choices of this database, and the check of one line against them."""

    def __init__(self, session: Session) -> None:
        self.areas = ChoiceList(area_choices(topic_areas(session, include_inactive=True)),
                                offered=area_choices(topic_areas(session)), show_chinese=False)
        self.directions = ChoiceList(direction_choices())
        self.priorities = ChoiceList(priority_choices())

    def where(self, submission: FormSubmission, row: int, key: str) -> str:
        return _("{sheet}, row {row}, {column}").format(sheet=submission.sheet, row=row,
                                                        column=FIELDS_BY_KEY[key].label)

    def check_line(self, submission: FormSubmission, line: FormLine, problems: list[str]) -> dict[str, Any]:
        cells = {key: line.cells.get(key, "").strip() for key in FIELDS_BY_KEY}
        values: dict[str, Any] = {}
        before = len(problems)

        title = cells["title"]
        if not title:
            problems.append(_("{where}: missing; every filled row needs a title.").format(
                where=self.where(submission, line.row, "title")))
        elif len(title) > TITLE_LIMIT:
            problems.append(_("{where}: too long ({n} characters, at most {limit}).").format(
                where=self.where(submission, line.row, "title"), n=len(title), limit=TITLE_LIMIT))
        values["title"] = title
        if "title_zh" in line.cells:
            title_zh = cells["title_zh"]
            if len(title_zh) > TITLE_LIMIT:
                problems.append(_("{where}: too long ({n} characters, at most {limit}).").format(
                    where=self.where(submission, line.row, "title_zh"), n=len(title_zh), limit=TITLE_LIMIT))
            values["title_zh"] = title_zh

        area_text = cells["area"]
        if not area_text:
            problems.append(_("{where}: missing; choose one of {choices}.").format(
                where=self.where(submission, line.row, "area"), choices=self.areas.describe()))
        else:
            area = self.areas.find(area_text)
            if area is None:
                problems.append(_("{where}: '{value}' is not one of {choices}.").format(
                    where=self.where(submission, line.row, "area"), value=area_text, choices=self.areas.describe()))
            else:
                values["area_id"] = area.value

        for key, choices, default, name in (
            ("direction", self.directions, Direction.BOTH, "direction"),
            ("priority", self.priorities, Priority.MEDIUM, "priority"),
        ):
            text = cells[key]
            if not text:
                values[name] = default
                continue
            choice = choices.find(text)
            if choice is None:
                problems.append(_("{where}: '{value}' is not one of {choices}.").format(
                    where=self.where(submission, line.row, key), value=text, choices=choices.describe()))
            else:
                values[name] = choice.value

        region = " ".join(cells["region"].split())
        if len(region) > REGION_LIMIT:
            problems.append(_("{where}: too long ({n} characters, at most {limit}).").format(
                where=self.where(submission, line.row, "region"), n=len(region), limit=REGION_LIMIT))
        values["preferred_region"] = region
        values["description"] = cells["description"]
        return values if len(problems) == before else {}


def _identify(session: Session, submission: FormSubmission, expected_semester_id: int | None,
              problems: list[str]) -> tuple[Semester | None, Department | None]:
    """The semester and department the form was made for, checked against this database."""
    semester = session.get(Semester, submission.semester_id) if submission.semester_id is not None else None
    department = session.get(Department, submission.department_id) if submission.department_id is not None else None
    if semester is None:
        problems.append(_("{file}: the semester this form was made for ('{name}') is not in this database.").format(
            file=submission.file_name, name=submission.semester_name))
    elif semester.name != submission.semester_name:
        problems.append(_("{file}: the form was made for semester '{form}', but that semester is now '{here}' "
                          "in this database; was the form made from another database?").format(
            file=submission.file_name, form=submission.semester_name, here=semester.name))
    if department is None:
        problems.append(_("{file}: the department this form was made for ('{name}') is not in this database.").format(
            file=submission.file_name, name=submission.department_name))
    elif department.name_en != submission.department_name:
        problems.append(_("{file}: the form was made for the department '{form}', but that department is now "
                          "'{here}' in this database; was the form made from another database?").format(
            file=submission.file_name, form=submission.department_name, here=department.name_en))
    if semester is not None and expected_semester_id is not None and semester.id != expected_semester_id:
        expected = session.get(Semester, expected_semester_id)
        problems.append(_("{file}: this form is for {form}, not for {expected}.").format(
            file=submission.file_name, form=semester.name, expected=expected.name if expected else expected_semester_id))
    return semester, department


def _changes(existing: TopicProposal, values: dict[str, Any]) -> tuple[str, ...]:
    return tuple(
        FIELDS_BY_KEY[FIELD_OF_VALUE[name]].label
        for name in COMPARED if getattr(existing, name) != values.get(name, getattr(existing, name))
    )


def _receive_one(session: Session, actor: Actor, checker: _Checker, submission: FormSubmission, *,
                 expected_semester_id: int | None) -> FileOutcome:
    outcome = FileOutcome(submission.path, submission.file_name, submission.semester_name,
                          submission.department_name, problems=list(submission.problems))
    if outcome.problems:
        return outcome
    semester, department = _identify(session, submission, expected_semester_id, outcome.problems)
    if semester is None or department is None or outcome.problems:
        return outcome
    outcome.department_name = department.display_name
    if len(submission.lines) > MAX_LINES:
        outcome.problems.append(_("{file}: {n} filled rows; a form holds at most {limit}.").format(
            file=submission.file_name, n=len(submission.lines), limit=MAX_LINES))
        return outcome
    checked: list[_Checked] = []
    for line in submission.lines:
        values = checker.check_line(submission, line, outcome.problems)
        if values:
            checked.append(_Checked(line.row, form_key(semester.id, department.id, line.row), values))
    if outcome.problems:
        return outcome

    prefix = form_key(semester.id, department.id, 0)[:-1]
    existing = {proposal.form_key: proposal for proposal in session.scalars(
        select(TopicProposal).where(TopicProposal.form_key.startswith(prefix, autoescape=True)))}
    plan: list[tuple[_Checked, TopicProposal | None, Change, tuple[str, ...]]] = []
    for item in checked:
        proposal = existing.get(item.key)
        if proposal is None:
            plan.append((item, None, Change.NEW, ()))
        else:
            changed = _changes(proposal, item.values)
            plan.append((item, proposal, Change.UPDATED if changed else Change.UNCHANGED, changed))
    present = {item.key for item in checked}
    outcome.not_in_form = sorted(
        (proposal.source_row or 0, proposal.title) for key, proposal in existing.items() if key not in present)

    source_file = submission.file_name[-SOURCE_FILE_LIMIT:]
    lines: list[LineOutcome] = []
    try:
        # One savepoint per file: if any row fails in the database, nothing of this file stays.
        with session.begin_nested():
            for item, proposal, change, changed in plan:
                proposal_id = proposal.id if proposal is not None else None
                if change is Change.NEW:
                    created = proposals.create(
                        session, actor, semester_id=semester.id, department_id=department.id,
                        source=ProposalSource.IMPORTED, source_file=source_file, source_row=item.row,
                        form_key=item.key, **item.values)
                    proposal_id = created.id
                elif change is Change.UPDATED and proposal is not None:
                    proposals.update(session, actor, proposal.id, source_file=source_file, source_row=item.row,
                                     **item.values)
                lines.append(LineOutcome(item.row, item.values["title"], change, changed, proposal_id))
    except AppError as error:
        outcome.problems.append(_("{file}: {error}").format(file=submission.file_name, error=error))
        return outcome
    except IntegrityError:
        outcome.problems.append(_("{file}: someone else saved proposals of this form at the same time; "
                                  "import it again.").format(file=submission.file_name))
        return outcome
    outcome.lines = lines
    return outcome


def receive_forms(session: Session, actor: Actor, submissions: Iterable[FormSubmission], *, dry_run: bool = False,
                  semester_id: int | None = None) -> IntakeResult:
    """Check every returned form and (unless a dry run) save the accepted ones, each all or nothing.

    With `semester_id`, a form made for another semester is rejected. The caller
    commits; rejected files have left nothing in the session.
    """
    actor.require(UserRole.OFFICER, _("import topic proposals"))
    checker = _Checker(session)
    # A dry run imports for real inside a savepoint and rolls it back, so it reports exactly
    # what the import would do, a later file of the batch seeing what an earlier one added.
    rehearsal = session.begin_nested() if dry_run else None
    try:
        outcomes = [
            _receive_one(session, actor, checker, submission, expected_semester_id=semester_id)
            for submission in submissions
        ]
    finally:
        if rehearsal is not None:
            rehearsal.rollback()
    if dry_run:
        for outcome in outcomes:
            outcome.lines = [replace(line, proposal_id=None) if line.change is Change.NEW else line
                             for line in outcome.lines]
    return IntakeResult(outcomes, dry_run)
