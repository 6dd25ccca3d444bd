"""Realistic demo data: a small database to try the program, or a ten-year one to time it.

`fill_demo` adds semesters, departments with their staff, partner universities in many
time zones, topic proposals and outreach, exchanges with their workshops and panels,
participants with attendance and preparation, reports, evaluations, follow-up contacts
and visit priorities. Everything is drawn from `random.Random(seed)`, so a seed (and the
day it runs on, which decides what is past and what is planned) gives the same data.

Rows go in with bulk Core INSERTs and ids the program reserves itself, so the large
database takes seconds rather than minutes. Nothing is committed: the caller owns the
transaction. On a database that already holds data (`iad-workshops demo --add`)
semesters, departments and partners with the same names are reused, never duplicated.
"""
from __future__ import annotations

import hashlib
import random
import string
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from app.demo_content import (
    DEPARTMENTS,
    PARTNERS,
    LANGUAGE_CODES,
    CONTACT_NAMES,
    CONTACT_POSITIONS,
    SURNAMES,
    GIVEN_NAMES,
    POSITIONS,
    AREA_CONTENT,
    GENERIC_CONTENT,
    ZH_LEARN,
    ZH_SHARE,
    OUTCOMES,
    CANCEL_REASONS,
    REVIEW_NOTES,
    FINDINGS,
    ACTIONS,
    FOLLOW_UP_SUMMARIES,
    VISIT_REASONS,
    OFFICERS,
    BLACKOUTS,
)
from app.reference_data import ensure_reference_data
from models import (
    Attendance,
    Department,
    Evaluation,
    EvaluationAction,
    EvaluationScore,
    Exchange,
    FollowUpContact,
    Outreach,
    Panel,
    PanelSpeaker,
    Participation,
    Partner,
    PartnerContact,
    Person,
    Preparation,
    Report,
    ReportFile,
    RubricItem,
    Semester,
    TopicArea,
    TopicProposal,
    VisitPriority,
    Workshop,
    evaluation_exchanges,
    exchange_contacts,
    exchange_departments,
    exchange_partners,
)
from models.enums import (
    ContactChannel,
    Direction,
    ExchangeKind,
    OutreachStatus,
    ParticipantRole,
    PartnerStatus,
    Priority,
    ProposalSource,
    ProposalStatus,
    PublicationChannel,
    ReportKind,
    ReviewStatus,
    VisitStatus,
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
class _Plan:
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


PLANS: dict[str, _Plan] = {
    "small": _Plan(
        semesters=4, departments=12, people_per_department=(3, 6), partners=20, exchanges_per_semester=(6, 8),
        other_proposals_per_semester=(3, 5), participants=(3, 8), interviews_per_semester=(3, 4),
        visit_priorities=8, interpreters=6, report_files=2,
    ),
    "large": _Plan(
        semesters=20, departments=40, people_per_department=(30, 45), partners=120,
        exchanges_per_semester=(118, 132), other_proposals_per_semester=(60, 80), participants=(14, 30),
        interviews_per_semester=(12, 18), visit_priorities=400, interpreters=30, report_files=2,
    ),
}



# ---- public API ---------------------------------------------------------------------------------------------------
def database_is_empty(session: Session) -> bool:
    """True when no semester, department, partner, person or exchange exists (reference lists don't count)."""
    for model in (Semester, Department, Partner, Person, Exchange):
        if session.scalar(select(model.id).limit(1)) is not None:
            return False
    return True


def fill_demo(
    session: Session,
    size: Size = "small",
    *,
    seed: int = 2026,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoCounts:
    """Add a realistic demo data set and flush it; the caller commits or rolls back.

    `today` decides which workshops are past (held) and which are planned; it defaults
    to the current date, and with the same seed and day the data are the same.
    """
    if size not in PLANS:
        raise ValueError(f"unknown demo size {size!r}; choose small or large")
    builder = _Builder(session, PLANS[size], random.Random(seed), today or date.today(), progress)
    counts = builder.run()
    if size == "small":
        # Rank the candidates the way the program does, so the visit priority view
        # shows explained scores at once. The large set leaves that to Recompute:
        # ranking every partner's hundreds of candidates would dominate its run time.
        before = session.scalar(select(func.count()).select_from(VisitPriority)) or 0
        _rank_visit_candidates(session)
        after = session.scalar(select(func.count()).select_from(VisitPriority)) or 0
        counts = replace(counts, visit_priorities=counts.visit_priorities + after - before)
    return counts


def _rank_visit_candidates(session: Session) -> None:
    from app.actor import Actor
    from app.settings import Settings
    from app.visit_ranking import recompute_partner
    from models.enums import UserRole

    actor = Actor(username="demo", role=UserRole.ADMINISTRATOR)
    weights = Settings().visit_weights
    for partner_id in session.scalars(select(VisitPriority.partner_id).distinct().order_by(VisitPriority.partner_id)):
        recompute_partner(session, actor, partner_id, weights)


# ---- records kept while building --------------------------------------------------------------------------------
# eq=False: records are compared by identity; they refer to each other, so field-wise equality would be slow.
@dataclass(eq=False)
class _Semester:
    id: int
    name: str
    starts_on: date
    ends_on: date
    topic_deadline: date | None


@dataclass(eq=False)
class _Area:
    id: int | None
    name_en: str
    name_zh: str
    content: dict[str, list[str] | str]


@dataclass(eq=False)
class _Person:
    id: int
    department: _Department
    name_en: str
    name_zh: str

    @property
    def display(self) -> str:
        return f"{self.name_zh} {self.name_en}"


@dataclass(eq=False)
class _Department:
    id: int
    name_en: str
    name_zh: str
    code: str
    area: _Area
    people: list[_Person] = field(default_factory=list)


@dataclass(eq=False)
class _Contact:
    id: int
    partner: _Partner
    name: str
    unit: str


@dataclass(eq=False)
class _Partner:
    id: int
    name: str
    name_zh: str
    zone: ZoneInfo
    region: str
    domain: str
    language: str  # code of the first non-English working language, or "en"
    status: str
    contacts: list[_Contact] = field(default_factory=list)


@dataclass(eq=False)
class _Proposal:
    semester: _Semester
    department: _Department
    area: _Area
    title: str
    status: ProposalStatus
    row: dict[str, Any]
    id: int = 0


@dataclass(eq=False)
class _Workshop:
    exchange: _Exchange
    round_number: int
    starts_at: datetime
    duration: int
    status: WorkshopStatus
    interpreter: str
    language_pair: str
    id: int = 0
    continues_independently: bool = False


@dataclass(eq=False)
class _Participation:
    person: _Person
    exchange: _Exchange
    role: ParticipantRole
    id: int = 0


@dataclass(eq=False)
class _Exchange:
    semester: _Semester
    proposal: _Proposal
    kind: ExchangeKind
    rounds: int
    partners: list[_Partner]
    departments: list[_Department]
    contacts: list[_Contact]
    id: int = 0
    workshops: list[_Workshop] = field(default_factory=list)
    participants: list[_Participation] = field(default_factory=list)

    @property
    def last_round_held(self) -> bool:
        return bool(self.workshops) and self.workshops[-1].status is WorkshopStatus.HELD

    @property
    def partner_label(self) -> str:
        return " and ".join(partner.name for partner in self.partners)


# ---- helpers --------------------------------------------------------------------------------------------------------
def _ascii(value: str) -> str:
    """Email-safe lower-case letters: 'Müller' -> 'muller', 'de Jong' -> 'dejong'."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if ch in string.ascii_letters).lower()


def _zone(name: str, fallback: str = "UTC") -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(fallback)


def _in_blackout(day: date) -> bool:
    return any((m1, d1) <= (day.month, day.day) <= (m2, d2) for (m1, d1), (m2, d2) in BLACKOUTS)


def _semester_key(today: date) -> tuple[int, int]:
    """(year, 0 = Spring / 1 = Fall) of the semester running on `today` (summer counts as Spring)."""
    if today.month >= 9:
        return today.year, 1
    if today.month >= 2:
        return today.year, 0
    return today.year - 1, 1


def _semester_dates(year: int, term: int) -> tuple[str, date, date, date]:
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


def _inconvenience(start: datetime, minutes: int, zone: ZoneInfo, office_end: int) -> int:
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


def _weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    values = [value for value, _weight in options]
    weights = [weight for _value, weight in options]
    return rng.choices(values, weights)[0]


# ---- the builder ----------------------------------------------------------------------------------------------------
class _Builder:
    """Draws the data in a fixed order (so a seed reproduces it) and bulk-inserts each table."""

    STAGES = ["Reference data", "Semesters", "Departments and staff", "Partner universities",
              "Topic proposals and outreach", "Exchanges", "Workshops", "Participants", "Panels and speakers",
              "Attendance and preparation", "Reports", "Evaluations", "Follow-up contacts and visit priorities"]

    def __init__(self, session: Session, plan: _Plan, rng: random.Random, today: date,
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
        self.areas: list[_Area] = []
        self.rubric_ids: list[int] = []
        self.semesters: list[_Semester] = []
        self.departments: list[_Department] = []
        self.people: list[_Person] = []
        self.partners: list[_Partner] = []
        self.proposals: list[_Proposal] = []
        self.exchanges: list[_Exchange] = []
        self.workshops: list[_Workshop] = []
        self.participations: list[_Participation] = []
        self.interpreters: list[str] = []
        self.interpreter_bookings: dict[tuple[str, date], list[tuple[datetime, datetime]]] = defaultdict(list)
        self.busy_department_days: set[tuple[int, date]] = set()
        self.accepted_reports: list[tuple[_Participation, date, bool]] = []  # (who, submitted on, published)
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

    # -- the run --
    def run(self) -> DemoCounts:
        self._step()
        ensure_reference_data(self.session)
        self._load_reference()
        self._step()
        self._make_semesters()
        self._step()
        self._make_departments()
        self._step()
        self._make_partners()
        self._step()
        self._make_proposals()
        self._step()
        self._make_exchanges()
        self._step()
        self._make_workshops()
        self._step()
        self._make_participations()
        self._step()
        self._make_panels()
        self._step()
        self._make_attendance_and_preparation()
        self._step()
        self._make_reports()
        self._step()
        self._make_evaluations()
        self._step()
        self._make_follow_ups()
        self._make_visit_priorities()
        if self.progress is not None:
            self.progress("Done", len(self.STAGES), len(self.STAGES))
        return DemoCounts(**self.counts)

    # -- reference data --
    def _load_reference(self) -> None:
        for area_id, name_en, name_zh in self.session.execute(
            select(TopicArea.id, TopicArea.name_en, TopicArea.name_zh)
            .where(TopicArea.active.is_(True)).order_by(TopicArea.id)
        ):
            self.areas.append(_Area(area_id, name_en, name_zh, AREA_CONTENT.get(name_en, GENERIC_CONTENT)))
        if not self.areas:  # every area switched off: proposals go without one
            self.areas.append(_Area(None, "General", "综合", GENERIC_CONTENT))
        self.rubric_ids = list(self.session.scalars(
            select(RubricItem.id).where(RubricItem.active.is_(True)).order_by(RubricItem.position, RubricItem.id)
        ))
        rng = self.rng
        names: list[str] = []
        while len(names) < self.plan.interpreters:
            (zh_s, en_s), (zh_g, en_g) = rng.choice(SURNAMES), rng.choice(GIVEN_NAMES)
            name = f"{en_g} {en_s} ({zh_s}{zh_g})"
            if name not in names:
                names.append(name)
        self.interpreters = names

    def _area(self, name_en: str) -> _Area:
        for area in self.areas:
            if area.name_en == name_en:
                return area
        return self.rng.choice(self.areas)  # an officer renamed or removed it: any area will do

    # -- semesters --
    def _make_semesters(self) -> None:
        year, term = _semester_key(self.today)
        # The running semester, the next one, and the rest in the past.
        keys: list[tuple[int, int]] = []
        y, t = (year, term + 1) if term == 0 else (year + 1, 0)
        for _ in range(self.plan.semesters):
            keys.append((y, t))
            y, t = (y, t - 1) if t == 1 else (y - 1, 1)
        keys.reverse()
        wanted = [_semester_dates(y, t) for y, t in keys]
        existing = {
            row.name: row for row in self.session.execute(
                select(Semester.id, Semester.name, Semester.starts_on, Semester.ends_on, Semester.topic_deadline)
                .where(Semester.name.in_([name for name, *_ in wanted]))
            )
        }
        rows: list[dict[str, Any]] = []
        new: list[_Semester] = []
        for name, start, end, deadline in wanted:
            if name in existing:
                row = existing[name]
                self.semesters.append(_Semester(row.id, row.name, row.starts_on, row.ends_on, row.topic_deadline))
                continue
            semester = _Semester(0, name, start, end, deadline)
            self.semesters.append(semester)
            new.append(semester)
            rows.append(self._versioned(name=name, starts_on=start, ends_on=end, topic_deadline=deadline))
        self._insert_with_ids(Semester.__table__, rows, new, "semesters")

    # -- departments and people --
    def _make_departments(self) -> None:
        chosen = DEPARTMENTS[: self.plan.departments]
        existing = {
            row.name_en: row for row in self.session.execute(
                select(Department.id, Department.name_en, Department.name_zh, Department.code)
                .where(Department.name_en.in_([name for name, *_ in chosen]))
            )
        }
        rows: list[dict[str, Any]] = []
        new: list[_Department] = []
        for name_en, name_zh, code, area_name in chosen:
            area = self._area(area_name)
            if name_en in existing:
                row = existing[name_en]
                self.departments.append(_Department(row.id, row.name_en, row.name_zh, row.code or code, area))
                continue
            department = _Department(0, name_en, name_zh, code, area)
            self.departments.append(department)
            new.append(department)
            rows.append(self._versioned(name_en=name_en, name_zh=name_zh, code=code,
                                        contact_email=f"{code.lower()}@sjtu.edu.cn"))
        self._insert_with_ids(Department.__table__, rows, new, "departments")

        # On --add, new staff get names not already used in their department, and emails not used anywhere.
        taken_names: set[tuple[int, str]] = set()
        taken_emails: set[str] = set()
        if existing:
            for department_id, name_en, name_zh, email in self.session.execute(
                select(Person.department_id, Person.name_en, Person.name_zh, Person.email)
            ):
                taken_names.add((department_id, name_en))
                taken_names.add((department_id, name_zh))
                taken_emails.add(email)
        rng = self.rng
        rows = []
        people: list[_Person] = []
        for department in self.departments:
            count = rng.randint(*self.plan.people_per_department)
            for index in range(count):
                for _attempt in range(50):
                    (zh_s, en_s), (zh_g, en_g) = rng.choice(SURNAMES), rng.choice(GIVEN_NAMES)
                    name_en, name_zh = f"{en_g} {en_s}", f"{zh_s}{zh_g}"
                    if (department.id, name_en) not in taken_names and (department.id, name_zh) not in taken_names:
                        break
                taken_names.update({(department.id, name_en), (department.id, name_zh)})
                email = f"{_ascii(en_g)}.{_ascii(en_s)}@sjtu.edu.cn"
                serial = 2
                while email in taken_emails:
                    email = f"{_ascii(en_g)}.{_ascii(en_s)}{serial}@sjtu.edu.cn"
                    serial += 1
                taken_emails.add(email)
                position = "Director" if index == 0 else "Deputy Director" if index == 1 else rng.choice(POSITIONS)
                person = _Person(0, department, name_en, name_zh)
                department.people.append(person)
                people.append(person)
                notes = "Speaks English and Japanese." if rng.random() < 0.05 else ""
                rows.append(self._versioned(department_id=department.id, name_en=name_en, name_zh=name_zh,
                                            position=position, email=email, notes=notes))
        self._insert_with_ids(Person.__table__, rows, people, "people")
        self.people = people

    # -- partners and contacts --
    def _make_partners(self) -> None:
        chosen = PARTNERS[: self.plan.partners]
        existing = {
            row.name: row for row in self.session.execute(
                select(Partner.id, Partner.name, Partner.name_zh, Partner.timezone, Partner.status)
                .where(Partner.name.in_([item[0] for item in chosen]))
            )
        }
        existing_contacts: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        if existing:
            for contact_id, partner_id, name, unit in self.session.execute(
                select(PartnerContact.id, PartnerContact.partner_id, PartnerContact.name, PartnerContact.unit)
                .where(PartnerContact.partner_id.in_([row.id for row in existing.values()]))
                .order_by(PartnerContact.id)
            ):
                existing_contacts[partner_id].append((contact_id, name, unit))
        rows: list[dict[str, Any]] = []
        new: list[_Partner] = []
        for name, name_zh, country, city, zone, languages, region, domain, _pool, status in chosen:
            language = next((LANGUAGE_CODES[lang.strip()] for lang in languages.split(",")
                             if lang.strip() in LANGUAGE_CODES), "en")
            if name in existing:
                row = existing[name]
                partner = _Partner(row.id, name, row.name_zh, _zone(row.timezone, zone), region, domain, language,
                                   PartnerStatus(row.status).value)
                partner.contacts = [_Contact(cid, partner, cname, unit)
                                    for cid, cname, unit in existing_contacts[row.id]]
                self.partners.append(partner)
                continue
            partner = _Partner(0, name, name_zh, ZoneInfo(zone), region, domain, language, status)
            self.partners.append(partner)
            new.append(partner)
            notes = "Framework agreement signed; student exchange since 2012." if self.rng.random() < 0.3 else ""
            rows.append(self._versioned(
                name=name, name_zh=name_zh, country=country, city=city, timezone=zone, website=f"https://www.{domain}",
                languages=languages, region=region, status=PartnerStatus(status), notes=notes,
            ))
        self._insert_with_ids(Partner.__table__, rows, new, "partners")

        rng = self.rng
        pools = {item[0]: item[8] for item in chosen}
        units = sorted({str(content["unit"]) for content in AREA_CONTENT.values()})
        rows = []
        contacts: list[_Contact] = []
        for partner in new:
            first_names, last_names = CONTACT_NAMES[pools[partner.name]]
            used: set[str] = set()
            for index in range(rng.randint(1, 4)):
                first, last = rng.choice(first_names), rng.choice(last_names)
                name = f"{first} {last}"
                if name in used:
                    continue
                used.add(name)
                unit = "International Office" if index == 0 else rng.choice(units)
                contact = _Contact(0, partner, name, unit)
                partner.contacts.append(contact)
                contacts.append(contact)
                rows.append(self._versioned(
                    partner_id=partner.id, name=name, unit=unit, position=rng.choice(CONTACT_POSITIONS),
                    email=f"{_ascii(first)}.{_ascii(last)}@{partner.domain}",
                ))
        self._insert_with_ids(PartnerContact.__table__, rows, contacts, "contacts")

    # -- proposals and outreach --
    def _make_proposals(self) -> None:
        rng = self.rng
        existing_keys = set(self.session.scalars(
            select(TopicProposal.form_key).where(TopicProposal.form_key.isnot(None))
        ))
        form_rows: dict[tuple[int, int], int] = defaultdict(lambda: 2)  # header in row 1 of the form
        for semester in self.semesters:
            collection_open = semester.topic_deadline is not None and self.today <= semester.topic_deadline
            if collection_open:
                scheduled = 0
            else:
                scheduled = rng.randint(*self.plan.exchanges_per_semester)
                if semester.starts_on > self.today:  # agreed so far, more to come
                    scheduled = max(1, scheduled * 2 // 3)
            others = rng.randint(*self.plan.other_proposals_per_semester) + (scheduled if collection_open else 0)
            statuses = [ProposalStatus.SCHEDULED] * scheduled
            for _ in range(others):
                if collection_open:
                    statuses.append(_weighted(rng, [(ProposalStatus.SUBMITTED, 6), (ProposalStatus.SHORTLISTED, 3),
                                                    (ProposalStatus.ACCEPTED, 1)]))
                else:
                    statuses.append(_weighted(rng, [(ProposalStatus.DECLINED, 5), (ProposalStatus.ACCEPTED, 3),
                                                    (ProposalStatus.SHORTLISTED, 1), (ProposalStatus.SUBMITTED, 1)]))
            titles_used: set[tuple[int, str]] = set()
            for status in statuses:
                department = rng.choice(self.departments)
                area = department.area if rng.random() < 0.75 else rng.choice(self.areas)
                titles = [str(title) for title in area.content["titles"]]
                title = rng.choice(titles)
                if (department.id, title) in titles_used:
                    title = f"{title} (continued)"
                titles_used.add((department.id, title))
                imported = rng.random() < 0.6
                source_file, source_row, form_key = "", None, None
                if imported:
                    source_file = f"Topic form {semester.name} - {department.code}.xlsx"
                    source_row = form_rows[(semester.id, department.id)] + 1
                    form_rows[(semester.id, department.id)] = source_row
                    form_key = f"{semester.name}|{department.code}|{source_row}"
                    serial = 2
                    while form_key in existing_keys:
                        form_key = f"{semester.name}|{department.code}|{source_row}#{serial}"
                        serial += 1
                    existing_keys.add(form_key)
                area_zh = area.name_zh or area.name_en
                description = rng.choice([
                    f"We would like to compare our practice in {area.name_en.lower()} with a leading partner.",
                    f"希望与海外高校交流{area_zh}方面的经验，重点讨论“{title}”。",
                    f"Follow-up of last year's exchange; focus on {title.lower()}.",
                ])
                row = self._versioned(
                    semester_id=semester.id, department_id=department.id, area_id=area.id, title=title,
                    description=description,
                    direction=_weighted(rng, [(Direction.BOTH, 5), (Direction.LEARN, 4), (Direction.SHARE, 1)]),
                    priority=_weighted(rng, [(Priority.HIGH, 3), (Priority.MEDIUM, 5), (Priority.LOW, 2)]),
                    status=status,
                    preferred_region=rng.choice(["", "", "Europe", "North America", "Oceania", "East Asia"]),
                    source=ProposalSource.IMPORTED if imported else ProposalSource.TYPED,
                    source_file=source_file, source_row=source_row, form_key=form_key,
                )
                self.proposals.append(_Proposal(semester, department, area, title, status, row))
        self._cover_proposal_statuses()
        self._insert_with_ids(TopicProposal.__table__, [p.row for p in self.proposals], self.proposals, "proposals")

    def _cover_proposal_statuses(self) -> None:
        """Every status shows up at least once, whatever the day: take unscheduled ones of the latest semester."""
        tally = Counter(proposal.status for proposal in self.proposals)
        for status in ProposalStatus:
            if tally[status] or status is ProposalStatus.SCHEDULED:
                continue
            # Scheduled ones have exchanges to come; only a status held by two or more may give one up.
            movable = [p for p in reversed(self.proposals)
                       if p.status is not ProposalStatus.SCHEDULED and tally[p.status] > 1]
            if not movable:
                continue
            proposal = movable[0]
            tally[proposal.status] -= 1
            tally[status] += 1
            proposal.status = status
            proposal.row["status"] = status

    # -- exchanges --
    def _make_exchanges(self) -> None:
        rng = self.rng
        active = [partner for partner in self.partners if partner.status == PartnerStatus.ACTIVE.value]
        if not active:
            active = list(self.partners)
        used_pairs: set[tuple[int, int, int]] = set()  # (semester, department, partner)
        outreach_rows: list[dict[str, Any]] = []
        for proposal in self.proposals:
            semester = proposal.semester
            contacted = (semester.topic_deadline or semester.starts_on) + timedelta(days=rng.randint(10, 40))
            if proposal.status is ProposalStatus.SCHEDULED:
                region = str(proposal.row["preferred_region"])
                pool = [p for p in active if p.region == region] if region and rng.random() < 0.6 else active
                partners = [self._pick_partner(pool or active, proposal, used_pairs)]
                if rng.random() < 0.1:
                    second = rng.choice(active)
                    if second is not partners[0]:
                        partners.append(second)
                departments = [proposal.department]
                if rng.random() < 0.2:
                    other = rng.choice(self.departments)
                    if other is not proposal.department:
                        departments.append(other)
                contacts: list[_Contact] = []
                for partner in partners:
                    if partner.contacts:
                        contacts.extend(rng.sample(partner.contacts, rng.randint(1, min(3, len(partner.contacts)))))
                multi = rng.random() < 0.4
                rounds = rng.choice((2, 2, 3)) if multi else 1
                exchange = _Exchange(semester, proposal, ExchangeKind.MULTI_ROUND if multi else ExchangeKind.ONE_OFF,
                                     rounds, partners, departments, contacts)
                self.exchanges.append(exchange)
                for partner in partners:
                    outreach_rows.append(self._outreach_row(proposal, partner, OutreachStatus.AGREED, contacted))
                others = [p for p in self.partners if p not in partners]
                for partner in rng.sample(others, rng.randint(0, 2)):
                    status = _weighted(rng, [(OutreachStatus.DECLINED, 3), (OutreachStatus.NO_REPLY, 2),
                                             (OutreachStatus.INTERESTED, 1)])
                    outreach_rows.append(self._outreach_row(proposal, partner, status, contacted))
            elif proposal.status is ProposalStatus.ACCEPTED:
                past = semester.starts_on <= self.today
                for partner in rng.sample(self.partners, rng.randint(1, 3)):
                    if past:
                        status = _weighted(rng, [(OutreachStatus.DECLINED, 3), (OutreachStatus.NO_REPLY, 3),
                                                 (OutreachStatus.INTERESTED, 1)])
                    else:
                        status = _weighted(rng, [(OutreachStatus.PLANNED, 2), (OutreachStatus.CONTACTED, 3),
                                                 (OutreachStatus.INTERESTED, 2), (OutreachStatus.NO_REPLY, 1)])
                    outreach_rows.append(self._outreach_row(proposal, partner, status, contacted))
        self._insert(Outreach.__table__, outreach_rows, "outreach")

        rows = []
        for exchange in self.exchanges:
            notes = rng.choice(["", "", "", "Partner prefers slides three days ahead.",
                                "Partner's fiscal year starts in April; plan the second round accordingly.",
                                "对方希望提前收到我方发言提纲。"])
            rows.append(self._versioned(
                semester_id=exchange.semester.id, proposal_id=exchange.proposal.id, title=exchange.proposal.title,
                kind=exchange.kind, planned_rounds=exchange.rounds, notes=notes,
            ))
        self._insert_with_ids(Exchange.__table__, rows, self.exchanges, "exchanges")
        self._insert(exchange_partners, [{"exchange_id": e.id, "partner_id": p.id}
                                         for e in self.exchanges for p in e.partners])
        self._insert(exchange_departments, [{"exchange_id": e.id, "department_id": d.id}
                                            for e in self.exchanges for d in e.departments])
        self._insert(exchange_contacts, [{"exchange_id": e.id, "contact_id": c.id}
                                         for e in self.exchanges for c in e.contacts])

    def _pick_partner(self, pool: list[_Partner], proposal: _Proposal,
                      used: set[tuple[int, int, int]]) -> _Partner:
        """A partner the department does not already meet this semester, when there is one."""
        for _ in range(8):
            partner = self.rng.choice(pool)
            key = (proposal.semester.id, proposal.department.id, partner.id)
            if key not in used:
                break
        used.add(key)
        return partner

    def _outreach_row(self, proposal: _Proposal, partner: _Partner, status: OutreachStatus,
                      contacted: date) -> dict[str, Any]:
        rng = self.rng
        contacted_on: date | None = min(contacted, self.today)
        answered_on: date | None = None
        if status is OutreachStatus.PLANNED:
            contacted_on = None
        elif status in (OutreachStatus.AGREED, OutreachStatus.DECLINED, OutreachStatus.INTERESTED):
            answered_on = min(contacted + timedelta(days=rng.randint(3, 20)), self.today)
        notes = {
            OutreachStatus.AGREED: "Agreed; counterpart unit named.",
            OutreachStatus.DECLINED: rng.choice(["No capacity this semester.", "Topic not a priority for them."]),
            OutreachStatus.NO_REPLY: "Reminder sent after two weeks.",
            OutreachStatus.INTERESTED: "Interested; asks for a short concept note.",
        }.get(status, "")
        return self._versioned(proposal_id=proposal.id, partner_id=partner.id, status=status,
                               contacted_on=contacted_on, answered_on=answered_on, notes=notes)

    # -- workshops --
    def _make_workshops(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        any_independent = False
        for exchange in self.exchanges:
            semester = exchange.semester
            window_start = semester.starts_on + timedelta(days=14)
            window_end = semester.ends_on - timedelta(days=14)
            asian = exchange.partners[0].region in ("East Asia", "Southeast Asia")
            platform = _weighted(rng, [("Zoom", 4), ("Tencent Meeting", 4 if asian else 1), ("Teams", 2)])
            duration = rng.choice((150, 160, 165, 170, 180))
            language = exchange.partners[0].language
            wants_interpretation = rng.random() < (0.7 if language != "en" else 0.45)
            pair = f"zh-{language}" if language != "en" and rng.random() < 0.5 else "zh-en"
            latest_first = window_end - timedelta(days=28 * (exchange.rounds - 1))
            day = window_start + timedelta(days=rng.randint(0, max(0, (latest_first - window_start).days)))
            for round_number in range(1, exchange.rounds + 1):
                if round_number > 1:
                    day = exchange.workshops[-1].starts_at.date() + timedelta(days=rng.randint(21, 35))
                starts_at = self._schedule(exchange, day, duration, semester.ends_on)
                ends_at = starts_at + timedelta(minutes=duration)
                interpreter = ""
                if wants_interpretation:
                    interpreter = self._book_interpreter(starts_at, ends_at, exclude=())
                status = self._workshop_status(starts_at, ends_at)
                workshop = _Workshop(exchange, round_number, starts_at, duration, status, interpreter,
                                     pair if interpreter else "")
                exchange.workshops.append(workshop)
                self.workshops.append(workshop)
            for workshop in exchange.workshops:
                minutes = outcome = ""
                independent = False
                if workshop.status is WorkshopStatus.HELD:
                    minutes = self._minutes(workshop)
                    outcome = rng.choice(OUTCOMES)
                    if workshop is exchange.workshops[-1] and (rng.random() < 0.3 or not any_independent):
                        independent = any_independent = workshop.continues_independently = True
                elif workshop.status is WorkshopStatus.CANCELLED:
                    outcome = rng.choice(CANCEL_REASONS)
                rows.append(self._versioned(
                    exchange_id=exchange.id, round_number=workshop.round_number, starts_at=workshop.starts_at,
                    duration_minutes=workshop.duration, platform=platform, link=self._link(platform),
                    interpretation_languages=workshop.language_pair, interpreter=workshop.interpreter,
                    status=workshop.status, minutes=minutes, outcome=outcome, continues_independently=independent,
                ))
        self._insert_with_ids(Workshop.__table__, rows, self.workshops, "workshops")

    def _schedule(self, exchange: _Exchange, first_try: date, duration: int, last_day: date) -> datetime:
        """A weekday start at a time both sides can attend; no two rounds of a department on one day."""
        rng = self.rng
        zone = exchange.partners[0].zone
        best: tuple[int, datetime] | None = None
        day = first_try
        for attempt in range(14):
            if attempt:
                day = first_try + timedelta(days=rng.randint(1, 10) * (1 if attempt % 2 else -1))
            if day.weekday() >= 5 or _in_blackout(day):
                continue
            if day > last_day and best is not None:
                continue
            if any((d.id, day) in self.busy_department_days for d in exchange.departments):
                continue
            candidates: list[tuple[int, datetime]] = []
            for half_hours in range(0, 27):  # 00:00-13:00 UTC = 08:00-21:00 in Shanghai, same calendar day
                start = datetime.combine(day, time(half_hours // 2, 30 * (half_hours % 2)), tzinfo=UTC)
                # The partner's convenience weighs a little more: we are the ones asking.
                penalty = (_inconvenience(start, duration, SHANGHAI, 19 * 60)
                           + _inconvenience(start, duration, zone, 18 * 60 + 30) * 6 // 5)
                candidates.append((penalty, start))
            low = min(penalty for penalty, _ in candidates)
            choice = rng.choice([c for c in candidates if c[0] == low])
            if best is None or choice[0] < best[0]:
                best = choice
            if low < 1_000:
                break
        if best is None:  # every try hit a weekend or a busy day: fall back to the first Monday after
            day = first_try + timedelta(days=7 - first_try.weekday())
            best = (0, datetime.combine(day, time(8), tzinfo=UTC))
        for department in exchange.departments:
            self.busy_department_days.add((department.id, best[1].date()))
        return best[1]

    def _book_interpreter(self, start: datetime, end: datetime, exclude: Sequence[str]) -> str:
        """An interpreter free for the whole interval, or '' when all are booked."""
        order = list(self.interpreters)
        self.rng.shuffle(order)
        for name in order:
            if name in exclude:
                continue
            bookings = self.interpreter_bookings[(name, start.date())]
            if all(end <= b_start or start >= b_end for b_start, b_end in bookings):
                bookings.append((start, end))
                return name
        return ""

    def _workshop_status(self, starts_at: datetime, ends_at: datetime) -> WorkshopStatus:
        rng = self.rng
        if ends_at <= self.now:
            return WorkshopStatus.CANCELLED if rng.random() < 0.06 else WorkshopStatus.HELD
        if starts_at - self.now <= timedelta(days=45):
            return _weighted(rng, [(WorkshopStatus.CONFIRMED, 15), (WorkshopStatus.PLANNED, 4),
                                   (WorkshopStatus.CANCELLED, 1)])
        return _weighted(rng, [(WorkshopStatus.PLANNED, 17), (WorkshopStatus.CONFIRMED, 3)])

    def _link(self, platform: str) -> str:
        rng = self.rng
        if platform == "Zoom":
            return f"https://zoom.us/j/{rng.randint(10**9, 10**10 - 1)}"
        if platform == "Tencent Meeting":
            return f"https://meeting.tencent.com/dm/{''.join(rng.choices(string.ascii_letters + string.digits, k=12))}"
        code = "".join(rng.choices(string.ascii_lowercase + string.digits, k=24))
        return f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{code}%40thread.v2/0"

    def _minutes(self, workshop: _Workshop) -> str:
        exchange = workshop.exchange
        partner = exchange.partners[0]
        if self.rng.random() < 0.3:
            return (f"第{workshop.round_number}轮交流：我校与{partner.name_zh or partner.name}围绕“{exchange.proposal.title}”"
                    f"进行了约{workshop.duration // 60}小时的线上交流。双方介绍了各自做法，并就下一步合作交换了意见。")
        return (f"Round {workshop.round_number} of {exchange.rounds} with {exchange.partner_label} on "
                f"\"{exchange.proposal.title}\". Both sides presented current practice; the discussion focused on "
                f"{self.rng.choice([str(x) for x in exchange.proposal.area.content['learn']])}. "
                f"Action: circulate slides and the partner's documents to all participants.")

    # -- participations --
    def _make_participations(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        for exchange in self.exchanges:
            pool = [person for department in exchange.departments for person in department.people]
            wanted = min(len(pool), rng.randint(*self.plan.participants))
            chosen = rng.sample(pool, wanted)
            speakers = rng.randint(1, 3)
            for index, person in enumerate(chosen):
                if index == 0:
                    role = ParticipantRole.LEAD
                elif index <= speakers:
                    role = ParticipantRole.SPEAKER
                else:
                    role = _weighted(rng, [(ParticipantRole.PARTICIPANT, 8), (ParticipantRole.OBSERVER, 1),
                                           (ParticipantRole.MODERATOR, 1)])
                participation = _Participation(person, exchange, role)
                exchange.participants.append(participation)
                self.participations.append(participation)
                rows.append(self._versioned(person_id=person.id, exchange_id=exchange.id, role=role))
        self._insert_with_ids(Participation.__table__, rows, self.participations, "participations")

    # -- panels and speakers --
    def _make_panels(self) -> None:
        rng = self.rng
        panel_rows: list[dict[str, Any]] = []
        speakers: list[tuple[int, list[tuple[int | None, int | None]]]] = []  # (panel index, [(person, contact)])
        any_concurrent = False
        for workshop in self.workshops:
            exchange = workshop.exchange
            area = exchange.proposal.area
            topics = [str(title) for title in area.content["panels"]]
            rng.shuffle(topics)
            ours = [p for p in exchange.participants
                    if p.role in (ParticipantRole.LEAD, ParticipantRole.SPEAKER, ParticipantRole.MODERATOR)]
            ours = ours or list(exchange.participants)
            theirs = list(exchange.contacts)
            lead = exchange.participants[0].person.display if exchange.participants else ""
            concurrent = (not any_concurrent) or rng.random() < 0.45
            slots = self._slots(workshop.duration, concurrent)
            any_concurrent = any_concurrent or any(tracks == 2 for _, _, tracks in slots)
            for slot_index, (offset, minutes, tracks) in enumerate(slots):
                starts_at = workshop.starts_at + timedelta(minutes=offset)
                if slot_index == 0:
                    titles = ["Welcome and introductions"]
                elif slot_index == len(slots) - 1:
                    titles = ["Open discussion and next steps"]
                else:
                    titles = [topics.pop() if topics else f"Discussion {slot_index}" for _ in range(tracks)]
                # Concurrent panels get disjoint speakers and different moderators and interpreters.
                our_groups = self._split(ours, tracks)
                their_groups = self._split(theirs, tracks)
                moderators = rng.sample(OFFICERS, tracks) if tracks > 1 else []
                interpreters_used: list[str] = []
                for track_index in range(tracks):
                    track = MAIN_ROOM if tracks == 1 else BREAKOUTS[track_index]
                    length = minutes if track_index == 0 else max(30, minutes - rng.choice((0, 5)))
                    if tracks > 1:
                        zh, en = moderators[track_index]
                        moderator = f"{zh} {en}"
                    elif lead and (slot_index == 0 or rng.random() < 0.5):
                        moderator = lead
                    else:
                        zh, en = rng.choice(OFFICERS)
                        moderator = f"{zh} {en}"
                    group_ours = our_groups[track_index][: rng.randint(1, 2)]
                    group_theirs = their_groups[track_index][:1]
                    interpreter = ""
                    if workshop.interpreter and (group_theirs or rng.random() < 0.5):
                        if track_index == 0:
                            interpreter = workshop.interpreter
                        else:
                            interpreter = self._book_interpreter(
                                starts_at, starts_at + timedelta(minutes=length), exclude=interpreters_used
                            )
                    if interpreter:
                        interpreters_used.append(interpreter)
                    panel_rows.append(self._versioned(
                        workshop_id=workshop.id, title=titles[track_index],
                        description="" if rng.random() < 0.6 else
                        f"Short inputs from both sides, then questions. Topic: {exchange.proposal.title}.",
                        track=track, starts_at=starts_at, duration_minutes=length, moderator=moderator,
                        interpretation_needed=bool(interpreter), language_pair=workshop.language_pair if interpreter
                        else "", interpreter=interpreter,
                    ))
                    panel_speakers: list[tuple[int | None, int | None]] = [(p.person.id, None) for p in group_ours]
                    panel_speakers += [(None, c.id) for c in group_theirs]
                    if not panel_speakers and ours:
                        panel_speakers = [(ours[0].person.id, None)]
                    speakers.append((len(panel_rows) - 1, panel_speakers))
        records = [_IdHolder() for _ in panel_rows]
        self._insert_with_ids(Panel.__table__, panel_rows, records, "panels")
        speaker_rows = [
            {"panel_id": records[index].id, "person_id": person_id, "contact_id": contact_id, "position": position}
            for index, group in speakers for position, (person_id, contact_id) in enumerate(group)
        ]
        self._insert(PanelSpeaker.__table__, speaker_rows, "panel_speakers")

    def _split(self, items: Sequence[T], parts: int) -> list[list[T]]:
        """Shuffled items dealt into `parts` disjoint groups (so nobody speaks in two rooms at once)."""
        shuffled = list(items)
        self.rng.shuffle(shuffled)
        return [shuffled[index::parts] for index in range(parts)]

    def _slots(self, duration: int, concurrent: bool) -> list[tuple[int, int, int]]:
        """(minutes from start, length, tracks) for 4-6 panels of 30-40 minutes inside the workshop."""
        rng = self.rng
        count = 4 if duration < 165 else rng.choice((4, 5))
        lengths = [rng.choice((30, 35, 40)) for _ in range(count)]
        gap = rng.choice((5, 10))
        while sum(lengths) + gap * (count - 1) > duration:
            if gap > 0:
                gap -= 5
            else:
                longest = max(range(count), key=lambda i: lengths[i])
                lengths[longest] -= 5
        tracks = [1] * count
        if concurrent:
            middle = list(range(1, count - 1))
            for index in rng.sample(middle, min(len(middle), 6 - count, rng.choice((1, 1, 2)))):
                tracks[index] = 2
        slots = []
        offset = 0
        for length, track_count in zip(lengths, tracks, strict=True):
            slots.append((offset, length, track_count))
            offset += length + gap
        return slots

    # -- attendance and preparation --
    def _make_attendance_and_preparation(self) -> None:
        rng = self.rng
        attendance: list[dict[str, Any]] = []
        preparations: list[dict[str, Any]] = []
        for participation in self.participations:
            exchange = participation.exchange
            for workshop in exchange.workshops:
                if workshop.status is WorkshopStatus.HELD:
                    attended = rng.random() < 0.92
                    self.rounds_attended[participation.id] += attended
                    attendance.append({"participation_id": participation.id, "workshop_id": workshop.id,
                                       "attended": attended})
            first = exchange.workshops[0].starts_at if exchange.workshops else self.now
            share = 0.85 if first - self.now < timedelta(days=30) else 0.4
            if rng.random() >= share:
                continue
            content = exchange.proposal.area.content
            area_zh = exchange.proposal.area.name_zh or exchange.proposal.area.name_en
            if rng.random() < 0.45:
                to_learn = rng.choice(ZH_LEARN).format(area=area_zh)
                to_share = rng.choice(ZH_SHARE).format(area=area_zh)
            else:
                to_learn = f"I want to learn {rng.choice([str(x) for x in content['learn']])}."
                to_share = f"I will present {rng.choice([str(x) for x in content['share']])}."
            materials = "\n".join(
                [f"https://jbox.sjtu.edu.cn/l/{''.join(rng.choices(string.ascii_letters + string.digits, k=6))}"]
                + ([f"https://www.{exchange.partners[0].domain}/about"] if rng.random() < 0.5 else [])
            ) if rng.random() < 0.7 else ""
            self.prepared.add(participation.id)
            preparations.append(self._versioned(participation_id=participation.id, to_learn=to_learn,
                                                to_share=to_share, materials=materials))
        self._insert(Attendance.__table__, attendance, "attendance")
        self._insert(Preparation.__table__, preparations, "preparations")

    # -- reports --
    def _make_reports(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        owners: list[_Participation] = []
        for exchange in self.exchanges:
            if not exchange.last_round_held:
                continue
            last_day = exchange.workshops[-1].starts_at.date()
            due_on = last_day + timedelta(days=30)
            age = (self.today - due_on).days
            for participation in exchange.participants:
                if age < 0:
                    weights = [(ReviewStatus.NOT_SUBMITTED, 55), (ReviewStatus.SUBMITTED, 30),
                               (ReviewStatus.UNDER_REVIEW, 15)]
                elif age < 60:
                    weights = [(ReviewStatus.NOT_SUBMITTED, 10), (ReviewStatus.SUBMITTED, 15),
                               (ReviewStatus.UNDER_REVIEW, 25), (ReviewStatus.REVISION_REQUESTED, 15),
                               (ReviewStatus.ACCEPTED, 28), (ReviewStatus.REJECTED, 7)]
                else:
                    weights = [(ReviewStatus.NOT_SUBMITTED, 4), (ReviewStatus.SUBMITTED, 1),
                               (ReviewStatus.UNDER_REVIEW, 2), (ReviewStatus.REVISION_REQUESTED, 5),
                               (ReviewStatus.ACCEPTED, 78), (ReviewStatus.REJECTED, 10)]
                status = _weighted(rng, weights)
                rows.append(self._report_row(participation, status, last_day, due_on))
                owners.append(participation)
        # Every review status appears, whatever the day: re-draw a few reports with the missing ones.
        present = {row["review_status"] for row in rows}
        for index, status in enumerate(s for s in ReviewStatus if s not in present):
            if len(rows) <= index:
                break
            position = rng.randrange(len(rows))
            participation = owners[position]
            last_day = participation.exchange.workshops[-1].starts_at.date()
            rows[position] = self._report_row(participation, status, last_day, last_day + timedelta(days=30))
        # A couple of reports carry a small text file, so downloads and checksums can be tried.
        files: list[tuple[int, bytes]] = []
        for index, row in enumerate(rows):
            if len(files) >= self.plan.report_files:
                break
            if row["review_status"] is ReviewStatus.ACCEPTED:
                data = (f"{row['title']}\n\n{row['abstract']}\n").encode()
                row.update(file_name=f"{_ascii(owners[index].person.name_en)}-report.txt", file_size=len(data),
                           file_sha256=hashlib.sha256(data).hexdigest())
                files.append((index, data))
        records = [_IdHolder() for _ in rows]
        self._insert_with_ids(Report.__table__, rows, records, "reports")
        self._insert(ReportFile.__table__, [{"report_id": records[index].id, "data": data} for index, data in files],
                     "report_files")
        for row, participation in zip(rows, owners, strict=True):
            if row["review_status"] is ReviewStatus.ACCEPTED:
                published = row["publication_channel"] is not PublicationChannel.NONE
                self.accepted_reports.append((participation, row["submitted_on"], published))

    def _report_row(self, participation: _Participation, status: ReviewStatus, last_day: date,
                    due_on: date) -> dict[str, Any]:
        rng = self.rng
        exchange = participation.exchange
        kind = _weighted(rng, [(ReportKind.RESEARCH_REPORT, 5), (ReportKind.INNOVATION_PROPOSAL, 4),
                               (ReportKind.FIELD_RESEARCH, 1)])
        partner = exchange.partners[0]
        area_zh = exchange.proposal.area.name_zh or exchange.proposal.area.name_en
        if rng.random() < 0.35:
            genre = "调研报告" if kind is ReportKind.RESEARCH_REPORT else "创新建议"
            title = f"关于{area_zh}的{genre}：借鉴{partner.name_zh or partner.name}经验"
            abstract = f"本报告总结了与{partner.name_zh or partner.name}交流的主要收获，并提出在我校试点的具体建议。"
        else:
            label = {ReportKind.RESEARCH_REPORT: "Research report", ReportKind.INNOVATION_PROPOSAL: "Proposal",
                     ReportKind.FIELD_RESEARCH: "Field research"}[kind]
            title = f"{label}: {exchange.proposal.title} - lessons from {partner.name}"
            abstract = (f"What {partner.name} does about {exchange.proposal.title.lower()}, how it compares with "
                        f"our practice, and three steps we could take next semester.")
        submitted_on: date | None = None
        if status is not ReviewStatus.NOT_SUBMITTED:
            latest = min(due_on + timedelta(days=10), self.today)
            earliest = min(last_day + timedelta(days=3), latest)
            submitted_on = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
        channel = PublicationChannel.NONE
        published_on: date | None = None
        url = ""
        if status is ReviewStatus.ACCEPTED and submitted_on is not None and rng.random() < 0.4:
            candidate = submitted_on + timedelta(days=rng.randint(20, 60))
            if candidate <= self.today:
                channel = _weighted(rng, [(PublicationChannel.WEBSITE, 4), (PublicationChannel.WECHAT, 4),
                                          (PublicationChannel.BOTH, 2)])
                published_on = candidate
                if channel is PublicationChannel.WECHAT:
                    token = "".join(rng.choices(string.ascii_letters + string.digits, k=22))
                    url = f"https://mp.weixin.qq.com/s/{token}"
                else:
                    url = f"https://global.sjtu.edu.cn/news/{candidate:%Y%m}/{rng.randint(1000, 9999)}.html"
        reviewer = ""
        if status not in (ReviewStatus.NOT_SUBMITTED, ReviewStatus.SUBMITTED):
            zh, en = rng.choice(OFFICERS)
            reviewer = f"{zh} {en}"
        return self._versioned(
            participation_id=participation.id, kind=kind, title=title, abstract=abstract, due_on=due_on,
            submitted_on=submitted_on, review_status=status, reviewer=reviewer, review_notes=REVIEW_NOTES[status],
            publication_channel=channel, published_on=published_on, publication_url=url,
            file_name="", file_size=None, file_sha256="",
        )

    # -- evaluations --
    def _make_evaluations(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        covered: list[list[_Exchange]] = []
        held_by: dict[tuple[int, int], list[_Exchange]] = defaultdict(list)
        for exchange in self.exchanges:
            if exchange.last_round_held:
                for department in exchange.departments:
                    held_by[(exchange.semester.id, department.id)].append(exchange)
        for semester in self.semesters:
            candidates = [d for d in self.departments if held_by.get((semester.id, d.id))]
            if not candidates:
                continue
            wanted = min(len(candidates), rng.randint(*self.plan.interviews_per_semester))
            for department in rng.sample(candidates, wanted):
                exchanges = held_by[(semester.id, department.id)]
                after = max(e.workshops[-1].starts_at.date() for e in exchanges)
                interview = after + timedelta(days=rng.randint(14, 60))
                if interview >= self.today:
                    continue
                zh, en = rng.choice(OFFICERS)
                interviewees = "、".join(p.name_zh for p in department.people[:2]) if rng.random() < 0.5 else \
                    ", ".join(p.name_en for p in department.people[:2])
                rows.append(self._versioned(
                    department_id=department.id, semester_id=semester.id, interview_date=interview,
                    interviewer=f"{zh} {en}", interviewees=interviewees,
                    findings=" ".join(rng.sample(FINDINGS, 2)),
                ))
                covered.append(exchanges)
        records = [_IdHolder() for _ in rows]
        self._insert_with_ids(Evaluation.__table__, rows, records, "evaluations")
        scores: list[dict[str, Any]] = []
        actions: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        for record, row, exchanges in zip(records, rows, covered, strict=True):
            for rubric_id in self.rubric_ids:
                score = _weighted(rng, [(1, 1), (2, 3), (3, 12), (4, 22), (5, 14)])
                notes = "" if rng.random() < 0.8 else rng.choice(["Good preparation.", "Too little time for Q&A.",
                                                                  "口译准确流畅。", "Partner very well prepared."])
                scores.append({"evaluation_id": record.id, "rubric_item_id": rubric_id, "score": score,
                               "notes": notes})
            interviewed_on: date = row["interview_date"]
            for description in rng.sample(ACTIONS, rng.randint(1, 3)):
                due_on = interviewed_on + timedelta(days=rng.randint(30, 120))
                owner = rng.choice(["IAD", row["interviewees"].split("、")[0].split(", ")[0] or "IAD"])
                actions.append({"evaluation_id": record.id, "description": description, "owner": owner,
                                "due_on": due_on, "done": due_on < self.today and rng.random() < 0.7})
            links.extend({"evaluation_id": record.id, "exchange_id": e.id} for e in exchanges)
        self._insert(EvaluationScore.__table__, scores, "evaluation_scores")
        self._insert(EvaluationAction.__table__, actions, "evaluation_actions")
        self._insert(evaluation_exchanges, links)

    # -- follow-ups and visits --
    def _make_follow_ups(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        for exchange in self.exchanges:
            if not exchange.last_round_held:
                continue
            last = exchange.workshops[-1]
            count = rng.randint(1, 3) if last.continues_independently else (1 if rng.random() < 0.15 else 0)
            day = last.starts_at.date()
            for _ in range(count):
                day += timedelta(days=rng.randint(20, 90))
                if day >= self.today:
                    break
                channel = _weighted(rng, [(ContactChannel.EMAIL, 5), (ContactChannel.VIDEO_CALL, 3),
                                          (ContactChannel.VISIT, 1), (ContactChannel.CONFERENCE, 1)])
                people = ", ".join([p.person.name_en for p in exchange.participants[:1]]
                                   + [c.name for c in exchange.contacts[:1]])
                rows.append(self._versioned(
                    department_id=exchange.departments[0].id, partner_id=exchange.partners[0].id, contact_date=day,
                    channel=channel, people=people, summary=rng.choice(FOLLOW_UP_SUMMARIES[channel]),
                ))
        self._insert(FollowUpContact.__table__, rows, "follow_up_contacts")

    def _make_visit_priorities(self) -> None:
        rng = self.rng
        best: dict[tuple[int, int], tuple[float, dict[str, Any], _Participation, date]] = {}
        for participation, submitted_on, published in self.accepted_reports:
            exchange = participation.exchange
            held = sum(w.status is WorkshopStatus.HELD for w in exchange.workshops)
            role_points = {ParticipantRole.LEAD: 15.0, ParticipantRole.SPEAKER: 10.0,
                           ParticipantRole.MODERATOR: 8.0}.get(participation.role, 4.0)
            # The parts an officer sees next to the score, so the ranking explains itself.
            parts = {
                "report_accepted": 40.0,
                "report_published": 15.0 if published else 0.0,
                "attendance": round(30.0 * self.rounds_attended[participation.id] / max(1, held), 1),
                "role": role_points,
                "preparation": 5.0 if participation.id in self.prepared else 0.0,
                "rounds": 5.0 * (held - 1),
            }
            score = round(sum(parts.values()), 1)
            for partner in exchange.partners:
                key = (participation.person.id, partner.id)
                if key not in best or best[key][0] < score:
                    best[key] = (score, parts, participation, submitted_on or self.today)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[: self.plan.visit_priorities]
        rows: list[dict[str, Any]] = []
        forced = [VisitStatus.VISITED, VisitStatus.APPROVED, VisitStatus.NOMINATED]
        for index, ((person_id, partner_id), (score, parts, _participation, since)) in enumerate(ranked):
            status = forced[index] if index < len(forced) else _weighted(
                rng, [(VisitStatus.NOMINATED, 4), (VisitStatus.APPROVED, 3), (VisitStatus.VISITED, 2),
                      (VisitStatus.CANDIDATE, 2)])
            visited_on: date | None = None
            if status is VisitStatus.VISITED:
                visited_on = min(since + timedelta(days=rng.randint(90, 300)), self.today - timedelta(days=1))
            adjustment, reason, adjusted_by = 0.0, "", ""
            if rng.random() < 0.2:
                reason, sign = rng.choice(VISIT_REASONS)
                adjustment = sign * float(rng.choice((5, 10)))
                adjusted_by = "officer"
            rows.append(self._versioned(
                person_id=person_id, partner_id=partner_id, computed_score=score, score_parts=parts,
                adjustment=adjustment, adjustment_reason=reason, adjusted_by=adjusted_by, status=status,
                visited_on=visited_on,
            ))
        self._insert(VisitPriority.__table__, rows, "visit_priorities")


class _IdHolder:
    """Stands in for a record when only the new row's id is needed afterwards."""

    id: int = 0
