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
- Every input row of a generated form carries a hidden row key ("<form id>-<n>", the
  form id drawn when the form was made). A proposal's `form_key` is
  "<semester id>/<department id>/<row key>", so a form sent again after corrections
  updates its proposals instead of adding them twice, whatever rows were deleted,
  inserted or sorted in between: rows are matched by their key, never by position.
- A row without a key (a form made before the keys, version 1, or a row inserted by
  hand) is matched to a not yet matched proposal of the same semester and department
  with the same title (compared as choices are); failing that it is a new proposal.
  A changed title on such a row therefore adds a proposal and keeps the old one
  (reported), rather than risk overwriting another topic.
- Proposals of an earlier version of the form that are not in this one are kept
  (and reported), never deleted.
- Texts follow app.plain_text: no line break or control character in a title or a
  region, none but line breaks and tabs in a description.
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
import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import AppError
from app.i18n import _, is_chinese
from app.plain_text import one_line, text_problem
from app.topics.records import proposals
from app.directory.reference_data import AreaRef, topic_areas
from models import Department, Semester, TopicProposal
from models.enums import Direction, Priority, ProposalSource, UserRole

# ---- the form's layout -------------------------------------------------------------
FORM_KIND = "IAD topic-collection form"
FORM_VERSION = 2  # 2: a hidden row key per input row
FORM_SHEET = "Form"
LISTS_SHEET = "Lists"
INFO_SHEET = "FormInfo"
HEADER_ROW = 6
INPUT_ROWS = 50
MAX_LINES = 1000  # more filled rows than this is not a department's answer
LARGEST_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL
ROW_KEY = re.compile(r"^[0-9a-f]{8}-[0-9]{1,4}$")


@dataclass(frozen=True)
class FormField:
    """A column of the form: its key, its header in both languages, its width."""

    key: str
    english: str
    chinese: str
    width: int
    required_column: bool = True  # the column must be present in a returned form
    wrap: bool = False
    hidden: bool = False

    @property
    def header(self) -> str:
        return f"{self.english}\n{self.chinese}"

    @property
    def label(self) -> str:
        """How problems name the column: by its header in the interface language, as the form shows it."""
        return self.chinese if is_chinese() else self.english


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
    # Right beside the data, so deleting, inserting or sorting whole rows takes the key along.
    FormField("key", "Row key", "行标识", 12, required_column=False, hidden=True),
)
FIELDS_BY_KEY = {form_field.key: form_field for form_field in FORM_FIELDS}
TITLE_LIMIT = 300
REGION_LIMIT = 100
SOURCE_FILE_LIMIT = 300


def new_form_id() -> str:
    """Drawn once per generated form; its rows' keys start with it."""
    return uuid.uuid4().hex[:8]


def row_key(form_id: str, number: int) -> str:
    return f"{form_id}-{number:02d}"


def same_name(form_text: str, database_text: str) -> bool:
    """Whether a name written into a form's identification sheet is the database's name.

    A cell cannot hold control characters and spreadsheet programs may turn line ends
    around, so both sides are compared without them: a name saved before the text rules,
    with a control character in it, still identifies its form.
    """
    def comparable(text: str) -> str:
        return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cc").split())

    return comparable(form_text) == comparable(database_text)


def _shown(value: str, limit: int = 60) -> str:
    """A typed value as a message quotes it: on one line, and short."""
    value = one_line(value)
    return value if len(value) <= limit else value[:limit] + "…"


def match_key(text: str) -> str:
    """What two spellings of a choice must share: NFKC (full-width to normal), no case, no spaces,
    no control characters (a cell cannot hold them, so a choice saved with one before the text
    rules reaches the form without it)."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc") if not text.isprintable() else text
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
    form_id: str = ""
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
    key: str  # the row key written in the form, "" if the row has none
    values: dict[str, Any]


COMPARED = ("area_id", "title", "title_zh", "description", "direction", "priority", "preferred_region")
FIELD_OF_VALUE = {"area_id": "area", "title": "title", "title_zh": "title_zh", "description": "description",
                  "direction": "direction", "priority": "priority", "preferred_region": "region"}


def form_key(semester_id: int, department_id: int, key: str) -> str:
    """What a proposal from a form stores: forms made before the row keys stored the row number as key."""
    return f"{semester_id}/{department_id}/{key}"


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

        for key in ("title", "title_zh", "region", "description"):
            problem = text_problem(self.where(submission, line.row, key), cells[key], multi_line=key == "description")
            if problem is not None:
                problems.append(problem)
        row_key_text = cells["key"].lower()
        if row_key_text and not ROW_KEY.match(row_key_text):
            problems.append(_("{where}: '{value}' is not a row key this program wrote; clear the hidden cell "
                              "(or send the row in a copy of the form as it was sent).").format(
                where=self.where(submission, line.row, "key"), value=_shown(cells["key"])))
        values["key"] = row_key_text

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
                    where=self.where(submission, line.row, "area"), value=_shown(area_text),
                    choices=self.areas.describe()))
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
                    where=self.where(submission, line.row, key), value=_shown(text), choices=choices.describe()))
            else:
                values[name] = choice.value

        region = " ".join(cells["region"].split())
        if len(region) > REGION_LIMIT:
            problems.append(_("{where}: too long ({n} characters, at most {limit}).").format(
                where=self.where(submission, line.row, "region"), n=len(region), limit=REGION_LIMIT))
        values["preferred_region"] = region
        values["description"] = cells["description"]
        return values if len(problems) == before else {}

    def proposal_values(self, values: dict[str, Any]) -> dict[str, Any]:
        return {name: value for name, value in values.items() if name != "key"}


def _identify(session: Session, submission: FormSubmission, expected_semester_id: int | None,
              problems: list[str]) -> tuple[Semester | None, Department | None]:
    """The semester and department the form was made for, checked against this database."""
    def fetch(model: type[Semester] | type[Department], record_id: int | None) -> Any:
        # An id past the database's integer range is a damaged form, not a query error.
        return session.get(model, record_id) if record_id is not None and 1 <= record_id <= LARGEST_ID else None

    semester = fetch(Semester, submission.semester_id)
    department = fetch(Department, submission.department_id)
    if semester is None:
        problems.append(_("{file}: the semester this form was made for ('{name}') is not in this database.").format(
            file=submission.file_name, name=submission.semester_name))
    elif not same_name(submission.semester_name, semester.name):
        problems.append(_("{file}: the form was made for semester '{form}', but that semester is now '{here}' "
                          "in this database; was the form made from another database?").format(
            file=submission.file_name, form=submission.semester_name, here=semester.name))
    if department is None:
        problems.append(_("{file}: the department this form was made for ('{name}') is not in this database.").format(
            file=submission.file_name, name=submission.department_name))
    elif not same_name(submission.department_name, department.name_en):
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


@dataclass
class _Step:
    item: _Checked
    proposal: TopicProposal | None
    change: Change
    changed: tuple[str, ...]
    new_key: str | None  # the form_key to store, when it is not the proposal's one yet


def _match(checked: list[_Checked], existing: dict[str, TopicProposal], semester_id: int,
           department_id: int) -> list[_Step]:
    """Pair each row with its proposal: by the row's key, else by the same title; never by position."""
    claimed: set[int] = set()
    used_keys: set[str] = set()
    found: dict[int, TopicProposal] = {}
    for index, item in enumerate(checked):
        full = form_key(semester_id, department_id, item.key) if item.key else ""
        proposal = existing.get(full) if full else None
        if full and full not in used_keys and proposal is not None and proposal.id not in claimed:
            found[index] = proposal
            claimed.add(proposal.id)
            used_keys.add(full)
    by_title: dict[str, list[TopicProposal]] = {}
    for proposal in sorted(existing.values(), key=lambda p: (p.source_row or 0, p.id)):
        by_title.setdefault(match_key(proposal.title), []).append(proposal)
    steps: list[_Step] = []
    for index, item in enumerate(checked):
        proposal = found.get(index)
        new_key: str | None = None
        if proposal is None:
            # A key seen twice is a copied row: the copy is a row of its own.
            full = form_key(semester_id, department_id, item.key) if item.key else ""
            wanted = full if full and full not in used_keys and full not in existing else ""
            if wanted:
                used_keys.add(wanted)
            candidates = [p for p in by_title.get(match_key(item.values["title"]), []) if p.id not in claimed]
            if candidates:
                proposal = candidates[0]
                claimed.add(proposal.id)
                new_key = wanted or None
            else:
                new_key = wanted or form_key(semester_id, department_id, row_key(new_form_id(), item.row % 10000))
        if proposal is None:
            steps.append(_Step(item, None, Change.NEW, (), new_key))
        else:
            changed = _changes(proposal, item.values)
            steps.append(_Step(item, proposal, Change.UPDATED if changed else Change.UNCHANGED, changed, new_key))
    return steps


class _Refused(Exception):
    """Raised inside a file's savepoint to undo everything of that file."""


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
            key = values.pop("key", "")
            checked.append(_Checked(line.row, key, values))
    if outcome.problems:
        return outcome

    prefix = form_key(semester.id, department.id, "")
    existing = {proposal.form_key: proposal for proposal in session.scalars(
        select(TopicProposal).where(TopicProposal.form_key.startswith(prefix, autoescape=True)))
        if proposal.form_key is not None}
    steps = _match(checked, existing, semester.id, department.id)
    matched = {step.proposal.id for step in steps if step.proposal is not None}
    outcome.not_in_form = sorted(
        (proposal.source_row or 0, proposal.title) for proposal in existing.values() if proposal.id not in matched)

    source_file = submission.file_name[-SOURCE_FILE_LIMIT:]
    lines: list[LineOutcome] = []
    for step in steps:
        item, proposal = step.item, step.proposal
        proposal_id = proposal.id if proposal is not None else None
        if proposal is None:
            created = proposals.create(
                session, actor, semester_id=semester.id, department_id=department.id,
                source=ProposalSource.IMPORTED, source_file=source_file, source_row=item.row,
                form_key=step.new_key, **item.values)
            proposal_id = created.id
        elif step.change is Change.UPDATED:
            extra: dict[str, Any] = {"form_key": step.new_key} if step.new_key else {}
            proposals.update(session, actor, proposal.id, source_file=source_file, source_row=item.row,
                             **extra, **item.values)
        elif step.new_key:
            # Matched by title: the proposal takes the row's key, so the next copy of this form finds it by key.
            proposals.update(session, actor, proposal.id, form_key=step.new_key)
        lines.append(LineOutcome(item.row, item.values["title"], step.change, step.changed, proposal_id))
    outcome.lines = lines
    return outcome


def _receive_file(session: Session, actor: Actor, checker: _Checker, submission: FormSubmission, *,
                  expected_semester_id: int | None) -> FileOutcome:
    """One file, all or nothing: inside its own savepoint, undone on any refusal of the database."""
    failed: FileOutcome | None = None
    try:
        with session.begin_nested():
            outcome = _receive_one(session, actor, checker, submission, expected_semester_id=expected_semester_id)
            if outcome.problems:
                raise _Refused()
        return outcome
    except _Refused:
        return outcome
    except AppError as error:
        failed = FileOutcome(submission.path, submission.file_name, submission.semester_name,
                             submission.department_name)
        failed.problems.append(_("{file}: {error}").format(file=submission.file_name, error=error))
    except IntegrityError:
        failed = FileOutcome(submission.path, submission.file_name, submission.semester_name,
                             submission.department_name)
        failed.problems.append(_("{file}: someone else saved proposals of this form at the same time; "
                                 "import it again.").format(file=submission.file_name))
    except SQLAlchemyError as error:
        failed = FileOutcome(submission.path, submission.file_name, submission.semester_name,
                             submission.department_name)
        failed.problems.append(_("{file}: the database refused this form ({error}); nothing from it was "
                                 "saved.").format(file=submission.file_name,
                                                  error=str(getattr(error, "orig", error)).splitlines()[0][:200]))
    return failed


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
            _receive_file(session, actor, checker, submission, expected_semester_id=semester_id)
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
