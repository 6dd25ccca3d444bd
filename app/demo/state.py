"""What the demo builder keeps while it draws: sizes, the drawn records, helpers, bulk inserts."""
from __future__ import annotations

import random
import string
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from app.demo.content import (
    BLACKOUTS,
)
from models.enums import (
    ExchangeKind,
    ParticipantRole,
    ProposalStatus,
    WorkshopStatus,
)


Size = Literal["small", "large"]
Progress = Callable[[str, int, int], None]
T = TypeVar("T")

SHANGHAI = ZoneInfo("Asia/Shanghai")
MAIN_ROOM = "Main room"
BREAKOUTS = ("Breakout A", "Breakout B")
# Rows per INSERT call: big enough to be fast, small enough to bound memory per statement.
CHUNK = 5000


@dataclass(frozen=True)
class DemoCounts:
    """How many rows `fill_demo` created, per entity (reused rows are not counted)."""

    semesters: int = 0
    departments: int = 0
    people: int = 0
    partners: int = 0
    contacts: int = 0
    proposals: int = 0
    outreach: int = 0
    exchanges: int = 0
    workshops: int = 0
    panels: int = 0
    participations: int = 0
    preparations: int = 0
    reports: int = 0
    evaluations: int = 0
    follow_up_contacts: int = 0
    visit_priorities: int = 0
    panel_speakers: int = 0
    attendance: int = 0
    evaluation_scores: int = 0
    evaluation_actions: int = 0
    report_files: int = 0

    @property
    def total(self) -> int:
        return sum(getattr(self, item.name) for item in fields(self))


@dataclass(frozen=True)
class Plan:
    """How much of everything one size makes."""

    semesters: int
    departments: int
    people_per_department: tuple[int, int]
    partners: int
    exchanges_per_semester: tuple[int, int]
    other_proposals_per_semester: tuple[int, int]
    participants: tuple[int, int]
    interviews_per_semester: tuple[int, int]
    visit_priorities: int
    interpreters: int
    report_files: int


PLANS: dict[str, Plan] = {
    "small": Plan(
        semesters=4, departments=12, people_per_department=(3, 6), partners=20, exchanges_per_semester=(6, 8),
        other_proposals_per_semester=(3, 5), participants=(3, 8), interviews_per_semester=(3, 4),
        visit_priorities=8, interpreters=6, report_files=2,
    ),
    "large": Plan(
        semesters=20, departments=40, people_per_department=(30, 45), partners=120,
        exchanges_per_semester=(118, 132), other_proposals_per_semester=(60, 80), participants=(14, 30),
        interviews_per_semester=(12, 18), visit_priorities=400, interpreters=30, report_files=2,
    ),
}



# ---- records kept while building --------------------------------------------------------------------------------
# eq=False: records are compared by identity; they refer to each other, so field-wise equality would be slow.
@dataclass(eq=False)
class DrawnSemester:
    id: int
    name: str
    starts_on: date
    ends_on: date
    topic_deadline: date | None


@dataclass(eq=False)
class DrawnArea:
    id: int | None
    name_en: str
    name_zh: str
    content: dict[str, list[str] | str]


@dataclass(eq=False)
class DrawnPerson:
    id: int
    department: DrawnDepartment
    name_en: str
    name_zh: str

    @property
    def display(self) -> str:
        return f"{self.name_zh} {self.name_en}"


@dataclass(eq=False)
class DrawnDepartment:
    id: int
    name_en: str
    name_zh: str
    code: str
    area: DrawnArea
    people: list[DrawnPerson] = field(default_factory=list)


@dataclass(eq=False)
class DrawnContact:
    id: int
    partner: DrawnPartner
    name: str
    unit: str


@dataclass(eq=False)
class DrawnPartner:
    id: int
    name: str
    name_zh: str
    zone: ZoneInfo
    region: str
    domain: str
    language: str  # code of the first non-English working language, or "en"
    status: str
    contacts: list[DrawnContact] = field(default_factory=list)


@dataclass(eq=False)
class DrawnProposal:
    semester: DrawnSemester
    department: DrawnDepartment
    area: DrawnArea
    title: str
    status: ProposalStatus
    row: dict[str, Any]
    id: int = 0


@dataclass(eq=False)
class DrawnWorkshop:
    exchange: DrawnExchange
    round_number: int
    starts_at: datetime
    duration: int
    status: WorkshopStatus
    interpreter: str
    language_pair: str
    id: int = 0
    continues_independently: bool = False


@dataclass(eq=False)
class DrawnParticipation:
    person: DrawnPerson
    exchange: DrawnExchange
    role: ParticipantRole
    id: int = 0


@dataclass(eq=False)
class DrawnExchange:
    semester: DrawnSemester
    proposal: DrawnProposal
    kind: ExchangeKind
    rounds: int
    partners: list[DrawnPartner]
    departments: list[DrawnDepartment]
    contacts: list[DrawnContact]
    id: int = 0
    workshops: list[DrawnWorkshop] = field(default_factory=list)
    participants: list[DrawnParticipation] = field(default_factory=list)

    @property
    def last_round_held(self) -> bool:
        return bool(self.workshops) and self.workshops[-1].status is WorkshopStatus.HELD

    @property
    def partner_label(self) -> str:
        return " and ".join(partner.name for partner in self.partners)


# ---- helpers --------------------------------------------------------------------------------------------------------
def ascii_slug(value: str) -> str:
    """Email-safe lower-case letters: 'Müller' -> 'muller', 'de Jong' -> 'dejong'."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if ch in string.ascii_letters).lower()


def zone_or(name: str, fallback: str = "UTC") -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(fallback)


def in_blackout(day: date) -> bool:
    return any((m1, d1) <= (day.month, day.day) <= (m2, d2) for (m1, d1), (m2, d2) in BLACKOUTS)


def semester_key(today: date) -> tuple[int, int]:
    """(year, 0 = Spring / 1 = Fall) of the semester running on `today` (summer counts as Spring)."""
    if today.month >= 9:
        return today.year, 1
    if today.month >= 2:
        return today.year, 0
    return today.year - 1, 1


def semester_dates(year: int, term: int) -> tuple[str, date, date, date]:
    """Name, first day (a Monday), last day and topic deadline of a semester."""
    if term == 0:
        start = date(year, 2, 20)
        end = date(year, 7, 10)
        deadline = date(year - 1, 12, 12)
        name = f"{year} Spring"
    else:
        start = date(year, 9, 8)
        end = date(year + 1, 1, 18)
        deadline = date(year, 6, 20)
        name = f"{year} Fall"
    start += timedelta(days=(7 - start.weekday()) % 7)
    return name, start, end, deadline


def inconvenience(start: datetime, minutes: int, zone: ZoneInfo, office_end: int) -> int:
    """How unwelcome a meeting is in local time: nothing in office hours (08:00 to `office_end`),
    a little for an early start or an evening, much for the night, a weekend or a midnight crossing."""
    local = start.astimezone(zone)
    begin = local.hour * 60 + local.minute
    end = begin + minutes
    if end > 24 * 60:
        return 10_000
    # (from, to, cost per minute) over the local day, in minutes after midnight
    bands = ((0, 420, 3), (420, 480, 1), (480, office_end, 0), (office_end, 1290, 1), (1290, 1440, 3))
    penalty = sum(max(0, min(end, hi) - max(begin, lo)) * cost for lo, hi, cost in bands)
    if local.weekday() >= 5:
        penalty += 1_000
    return penalty


def weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    values = [value for value, _weight in options]
    weights = [weight for _value, weight in options]
    return rng.choices(values, weights)[0]


# ---- the builder's shared state and plumbing ----------------------------------------------------------------
class BuilderBase:
    """What every step of the builder shares: the drawn records so far and bulk inserts."""

    STAGES = ["Reference data", "Semesters", "Departments and staff", "Partner universities",
              "Topic proposals and outreach", "Exchanges", "Workshops", "Participants", "Panels and speakers",
              "Attendance and preparation", "Reports", "Evaluations", "Follow-up contacts and visit priorities"]

    def __init__(self, session: Session, plan: Plan, rng: random.Random, today: date,
                 progress: Progress | None) -> None:
        self.session = session
        self.plan = plan
        self.rng = rng
        self.today = today
        self.now = datetime.combine(today, time(0), tzinfo=UTC)
        self.progress = progress
        self.stage_index = 0
        self.counts: dict[str, int] = defaultdict(int)
        self.stamp = datetime.now(UTC)
        self.dialect = session.get_bind().dialect.name
        self.areas: list[DrawnArea] = []
        self.rubric_ids: list[int] = []
        self.semesters: list[DrawnSemester] = []
        self.departments: list[DrawnDepartment] = []
        self.people: list[DrawnPerson] = []
        self.partners: list[DrawnPartner] = []
        self.proposals: list[DrawnProposal] = []
        self.exchanges: list[DrawnExchange] = []
        self.workshops: list[DrawnWorkshop] = []
        self.participations: list[DrawnParticipation] = []
        self.interpreters: list[str] = []
        self.interpreter_bookings: dict[tuple[str, date], list[tuple[datetime, datetime]]] = defaultdict(list)
        self.busy_department_days: set[tuple[int, date]] = set()
        self.accepted_reports: list[tuple[DrawnParticipation, date, bool]] = []  # (who, submitted on, published)
        self.rounds_attended: dict[int, int] = defaultdict(int)  # participation id -> held rounds attended
        self.prepared: set[int] = set()  # participation ids with a preparation

    # -- plumbing --
    def _step(self) -> None:
        if self.progress is not None:
            self.progress(self.STAGES[self.stage_index], self.stage_index, len(self.STAGES))
        self.stage_index += 1

    def _versioned(self, **values: Any) -> dict[str, Any]:
        """A row of a Versioned model: bulk INSERT skips the ORM, so stamps and version are set here."""
        values.update(version=1, created_at=self.stamp, updated_at=self.stamp)
        return values

    def _reserve_ids(self, table: Table, count: int) -> list[int]:
        """Ids for `count` new rows, taken from the sequence so later ORM inserts never collide."""
        if count == 0:
            return []
        if self.dialect == "postgresql":
            result = self.session.execute(
                text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"),
                {"table": table.name, "count": count},
            )
            return [int(value) for value in result.scalars()]
        # SQLite has one writer at a time; should another one commit between this read and our insert,
        # SQLite fails the transaction (busy snapshot) rather than letting two rows share an id.
        highest = self.session.scalar(select(func.max(table.c.id))) or 0
        return list(range(highest + 1, highest + 1 + count))

    def _insert(self, table: Any, rows: list[dict[str, Any]], counter: str | None = None) -> None:
        """Bulk INSERT in chunks; every row of one call has the same keys."""
        for start in range(0, len(rows), CHUNK):
            self.session.execute(insert(table), rows[start:start + CHUNK])
        if counter:
            self.counts[counter] += len(rows)

    def _insert_with_ids(self, table: Any, rows: list[dict[str, Any]], records: Sequence[Any],
                         counter: str) -> None:
        """Reserve ids, put them in the rows and on the records, then insert."""
        ids = self._reserve_ids(table, len(rows))
        for row, record, new_id in zip(rows, records, ids, strict=True):
            row["id"] = new_id
            record.id = new_id
        self._insert(table, rows, counter)


class IdHolder:
    """Stands in for a record when only the new row's id is needed afterwards."""

    id: int = 0
