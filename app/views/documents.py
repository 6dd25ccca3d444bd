"""What the printed documents show, read from the database in a few queries.

Each function here returns a frozen dataclass holding plain values (strings,
numbers, aware datetimes already converted to the zones a reader needs), so the
PDF code in exports/ renders without touching the database and can be tested,
timed and previewed on its own. Every relationship a document needs is loaded
eagerly in the query that needs it and everything else raises, so a forgotten
relationship shows up as an error in the tests instead of as one query per row.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, raiseload, selectinload

from app.errors import AppError, NotFoundError
from app.i18n import _
from models import (
    Attendance,
    Department,
    Exchange,
    Panel,
    PanelSpeaker,
    Participation,
    Partner,
    PartnerContact,
    Person,
    Semester,
    Workshop,
)
from models.enums import ExchangeKind, ParticipantRole, WorkshopStatus


class DocumentDataError(AppError):
    """The records cannot make the requested document (for example an unknown time zone)."""


# ---- building blocks ---------------------------------------------------------
@dataclass(frozen=True)
class ZoneSpan:
    """A span of time as one reader sees it: start and end in that reader's zone."""

    zone: str  # IANA name
    place: str  # whose clock this is: the IAD, or a partner's name
    start: datetime  # aware, in `zone`
    end: datetime  # aware, in `zone`

    @property
    def abbreviation(self) -> str:
        """The zone's short name at the start ("CST", "BST"), or "" where the zone only has numbers."""
        return zone_abbreviation(self.start)

    @property
    def utc_offset(self) -> str:
        """"UTC+08:00", "UTC-05:00", "UTC+05:45" at the start."""
        return utc_offset_label(self.start)

    @property
    def changes_offset(self) -> bool:
        """True when a daylight-saving change falls inside the span."""
        return self.start.utcoffset() != self.end.utcoffset()


def zone_abbreviation(moment: datetime) -> str:
    name = moment.tzname() or ""
    # Many IANA zones have no letters, only "+07"; the UTC offset says that better.
    return "" if not name or name[0] in "+-" else name


def utc_offset_label(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def zone(name: str, owner: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name, or one sentence naming the record that holds a bad one."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise DocumentDataError(
            _("{owner} has the time zone '{zone}', which is not a known IANA zone such as Europe/London; "
              "correct it first.").format(owner=owner, zone=name)
        ) from error


@dataclass(frozen=True)
class Clock:
    """A zone to show times in, and for whom."""

    zone: str
    place: str
    info: ZoneInfo

    def span(self, start: datetime, minutes: int) -> ZoneSpan:
        end = start + timedelta(minutes=minutes)
        return ZoneSpan(self.zone, self.place, start.astimezone(self.info), end.astimezone(self.info))


def clocks_for(iad_timezone: str, partners: Sequence[PartnerInfo]) -> tuple[Clock, ...]:
    """The IAD's clock first, then one per distinct partner zone (partners sharing a zone share a clock)."""
    places: dict[str, list[str]] = {iad_timezone: [_("IAD")]}
    for partner in partners:
        places.setdefault(partner.timezone, []).append(partner.name)
    clocks = [Clock(iad_timezone, places[iad_timezone][0], zone(iad_timezone, _("The IAD time zone setting")))]
    for name, owners in places.items():
        if name == iad_timezone:
            if len(owners) > 1:
                # A partner in the IAD's own zone: one clock, named for both.
                clocks[0] = Clock(name, " / ".join(owners), clocks[0].info)
            continue
        clocks.append(Clock(name, " / ".join(owners), zone(name, _("Partner {name}").format(name=owners[0]))))
    return tuple(clocks)


@dataclass(frozen=True)
class PartnerInfo:
    id: int
    name: str
    name_zh: str
    country: str
    city: str
    timezone: str


def _partner_info(partner: Partner) -> PartnerInfo:
    return PartnerInfo(partner.id, partner.name, partner.name_zh, partner.country, partner.city, partner.timezone)


@dataclass(frozen=True)
class DepartmentInfo:
    name_en: str
    name_zh: str


def _department_info(department: Department) -> DepartmentInfo:
    return DepartmentInfo(department.name_en, department.name_zh)


# ---- workshop agenda ---------------------------------------------------------
@dataclass(frozen=True)
class SpeakerLine:
    name: str
    name_zh: str  # empty for the partner's speakers
    institution: str  # our department, or the partner university (and unit), in English
    institution_zh: str  # the same in Chinese, where the names are known ("" otherwise)
    ours: bool


# The track of a panel that names none. A fixed key, not translated here: each
# document prints it in its own language.
MAIN_ROOM = "Main room"


@dataclass(frozen=True)
class PanelLine:
    id: int
    title: str
    title_zh: str
    description: str
    track: str
    times: tuple[ZoneSpan, ...]  # one per clock of the document, IAD first
    moderator: str
    speakers: tuple[SpeakerLine, ...]
    interpretation_needed: bool
    language_pair: str
    interpreter: str

    @property
    def starts_at(self) -> datetime:
        return self.times[0].start

    @property
    def ends_at(self) -> datetime:
        return self.times[0].end


@dataclass(frozen=True)
class AgendaSlot:
    """A row of the agenda: panels that overlap in time, one cell per track."""

    times: tuple[ZoneSpan, ...]  # from the earliest start to the latest end, per clock
    cells: tuple[tuple[PanelLine, ...], ...]  # aligned with AgendaData.tracks

    @property
    def single_track(self) -> bool:
        """Only one track is busy: the session is for everyone and may span the row."""
        return sum(1 for cell in self.cells if cell) == 1


@dataclass(frozen=True)
class OurParticipant:
    name_en: str
    name_zh: str
    position: str
    department: DepartmentInfo
    role: ParticipantRole


@dataclass(frozen=True)
class PartnerParticipant:
    name: str
    position: str
    unit: str
    partner: str


@dataclass(frozen=True)
class AgendaData:
    workshop_id: int
    exchange_id: int
    exchange_title: str
    exchange_title_zh: str
    exchange_kind: ExchangeKind
    round_number: int
    planned_rounds: int
    semester: str
    status: WorkshopStatus
    partners: tuple[PartnerInfo, ...]
    departments: tuple[DepartmentInfo, ...]
    times: tuple[ZoneSpan, ...]  # the whole workshop, IAD first, then each partner zone
    platform: str
    link: str
    interpretation_languages: str
    interpreter: str
    tracks: tuple[str, ...]
    panels: tuple[PanelLine, ...]  # in time order
    slots: tuple[AgendaSlot, ...]
    max_concurrent_tracks: int
    our_participants: tuple[OurParticipant, ...]
    partner_participants: tuple[PartnerParticipant, ...]


def _speaker_line(speaker: PanelSpeaker) -> SpeakerLine:
    if speaker.person is not None:
        person = speaker.person
        department = person.department
        return SpeakerLine(person.name_en, person.name_zh, department.name_en, department.name_zh, True)
    contact = speaker.contact
    assert contact is not None  # the one_side check constraint guarantees one of them
    partner = contact.partner
    institution = f"{partner.name}, {contact.unit}" if contact.unit else partner.name
    institution_zh = "" if not partner.name_zh else (
        f"{partner.name_zh}, {contact.unit}" if contact.unit else partner.name_zh)
    return SpeakerLine(contact.name, "", institution, institution_zh, False)


def order_tracks(panels: Iterable[PanelLine]) -> tuple[str, ...]:
    """Tracks by the time of their first panel, then by name: the main room usually comes first."""
    first: dict[str, datetime] = {}
    for panel in panels:
        if panel.track not in first or panel.starts_at < first[panel.track]:
            first[panel.track] = panel.starts_at
    return tuple(sorted(first, key=lambda track: (first[track], track.casefold())))


def group_slots(panels: Sequence[PanelLine], tracks: Sequence[str], clocks: Sequence[Clock]) -> tuple[AgendaSlot, ...]:
    """Rows of the agenda: each row holds the panels that overlap one another in time."""
    column = {track: index for index, track in enumerate(tracks)}
    ordered = sorted(panels, key=lambda p: (p.starts_at, column[p.track]))
    groups: list[list[PanelLine]] = []
    group_end: datetime | None = None
    for panel in ordered:
        if group_end is None or panel.starts_at >= group_end:
            groups.append([])
            group_end = panel.ends_at
        groups[-1].append(panel)
        group_end = max(group_end, panel.ends_at)
    slots = []
    for group in groups:
        start = min(p.starts_at for p in group)
        end = max(p.ends_at for p in group)
        cells: list[list[PanelLine]] = [[] for _track in tracks]
        for panel in group:
            cells[column[panel.track]].append(panel)
        minutes = int((end - start).total_seconds() // 60)
        slots.append(AgendaSlot(
            times=tuple(clock.span(start, minutes) for clock in clocks),
            cells=tuple(tuple(cell) for cell in cells),
        ))
    return tuple(slots)


def max_concurrent_tracks(panels: Sequence[PanelLine]) -> int:
    """The largest number of different tracks running at one instant."""
    best = 0
    for panel in panels:
        moment = panel.starts_at
        running = {p.track for p in panels if p.starts_at <= moment < p.ends_at}
        best = max(best, len(running))
    return best


def agenda_data(session: Session, workshop_id: int, iad_timezone: str) -> AgendaData:
    """Everything the agenda of one workshop shows, in seven SELECTs whatever its size."""
    workshop = session.scalars(
        select(Workshop)
        .where(Workshop.id == workshop_id)
        .options(
            joinedload(Workshop.exchange).options(
                joinedload(Exchange.semester),
                selectinload(Exchange.partners).raiseload(Partner.contacts),
                selectinload(Exchange.departments),
                selectinload(Exchange.partner_participants).joinedload(PartnerContact.partner)
                .raiseload(Partner.contacts),
                raiseload(Exchange.workshops),
                raiseload(Exchange.proposal),
            ),
            selectinload(Workshop.panels).selectinload(Panel.speakers).options(
                joinedload(PanelSpeaker.person).joinedload(Person.department),
                joinedload(PanelSpeaker.contact).joinedload(PartnerContact.partner).raiseload(Partner.contacts),
            ),
        )
    ).unique().one_or_none()
    if workshop is None:
        raise NotFoundError(_("There is no workshop with id {id}.").format(id=workshop_id))
    exchange = workshop.exchange
    partners = tuple(_partner_info(p) for p in exchange.partners)
    clocks = clocks_for(iad_timezone, partners)

    panels = tuple(
        PanelLine(
            id=panel.id,
            title=panel.title,
            title_zh=panel.title_zh,
            description=panel.description,
            track=panel.track or MAIN_ROOM,
            times=tuple(clock.span(panel.starts_at, panel.duration_minutes) for clock in clocks),
            moderator=panel.moderator,
            speakers=tuple(_speaker_line(s) for s in panel.speakers),
            interpretation_needed=panel.interpretation_needed,
            language_pair=panel.language_pair,
            interpreter=panel.interpreter,
        )
        for panel in sorted(workshop.panels, key=lambda p: (p.starts_at, p.track, p.id))
    )
    tracks = order_tracks(panels)

    participations = session.scalars(
        select(Participation)
        .where(Participation.exchange_id == exchange.id)
        .options(
            joinedload(Participation.person).joinedload(Person.department),
            raiseload(Participation.exchange),
            raiseload(Participation.preparation),
        )
    ).all()
    our_participants = tuple(sorted(
        (
            OurParticipant(p.person.name_en, p.person.name_zh, p.person.position,
                           _department_info(p.person.department), p.role)
            for p in participations
        ),
        key=lambda p: (_ROLE_ORDER[p.role], p.department.name_en.casefold(), p.name_en.casefold()),
    ))
    partner_participants = tuple(
        PartnerParticipant(c.name, c.position, c.unit, c.partner.name) for c in exchange.partner_participants
    )
    return AgendaData(
        workshop_id=workshop.id,
        exchange_id=exchange.id,
        exchange_title=exchange.title,
        exchange_title_zh=exchange.title_zh,
        exchange_kind=exchange.kind,
        round_number=workshop.round_number,
        planned_rounds=exchange.planned_rounds,
        semester=exchange.semester.name,
        status=workshop.status,
        partners=partners,
        departments=tuple(_department_info(d) for d in exchange.departments),
        times=tuple(clock.span(workshop.starts_at, workshop.duration_minutes) for clock in clocks),
        platform=workshop.platform,
        link=workshop.link,
        interpretation_languages=workshop.interpretation_languages,
        interpreter=workshop.interpreter,
        tracks=tracks,
        panels=panels,
        slots=group_slots(panels, tracks, clocks),
        max_concurrent_tracks=max_concurrent_tracks(panels),
        our_participants=our_participants,
        partner_participants=partner_participants,
    )


# Leads and moderators head the list, then speakers, then everyone else.
_ROLE_ORDER = {
    ParticipantRole.LEAD: 0,
    ParticipantRole.MODERATOR: 1,
    ParticipantRole.SPEAKER: 2,
    ParticipantRole.PARTICIPANT: 3,
    ParticipantRole.OBSERVER: 4,
}


# ---- semester programme ------------------------------------------------------
@dataclass(frozen=True)
class ProgrammeLine:
    workshop_id: int
    exchange_id: int
    exchange_title: str
    exchange_title_zh: str
    partners: tuple[PartnerInfo, ...]
    departments: tuple[DepartmentInfo, ...]
    round_number: int
    planned_rounds: int
    status: WorkshopStatus
    platform: str
    times: tuple[ZoneSpan, ...]  # IAD first, then each partner zone


@dataclass(frozen=True)
class ProgrammeMonth:
    year: int
    month: int
    lines: tuple[ProgrammeLine, ...]


@dataclass(frozen=True)
class ProgrammeData:
    semester: str
    starts_on: date
    ends_on: date
    iad_timezone: str
    months: tuple[ProgrammeMonth, ...]  # in order; a month is in the IAD's zone
    workshop_count: int
    exchange_count: int
    partner_count: int


def semester_id_by_name(session: Session, name: str) -> int:
    """The id of the semester called `name`, or a sentence listing the names there are."""
    found = session.scalar(select(Semester.id).where(Semester.name == name.strip()))
    if found is not None:
        return int(found)
    known = session.scalars(select(Semester.name).order_by(Semester.starts_on.desc()).limit(6)).all()
    if not known:
        raise NotFoundError(_("There is no semester named '{name}'; the database has no semesters yet.").format(
            name=name))
    raise NotFoundError(_("There is no semester named '{name}' (there are: {known}).").format(
        name=name, known=", ".join(known)))


def programme_data(session: Session, semester_id: int, iad_timezone: str) -> ProgrammeData:
    """Every workshop of a semester, grouped by month in the IAD's zone, in four SELECTs."""
    semester = session.get(Semester, semester_id)
    if semester is None:
        raise NotFoundError(_("There is no semester with id {id}.").format(id=semester_id))
    workshops = session.scalars(
        select(Workshop)
        .join(Workshop.exchange)
        .where(Exchange.semester_id == semester_id)
        .order_by(Workshop.starts_at, Exchange.title, Workshop.round_number)
        .options(
            joinedload(Workshop.exchange).options(
                selectinload(Exchange.partners).raiseload(Partner.contacts),
                selectinload(Exchange.departments),
                raiseload(Exchange.partner_participants),
                raiseload(Exchange.workshops),
                raiseload(Exchange.semester),
                raiseload(Exchange.proposal),
            ),
            raiseload(Workshop.panels),
        )
    ).unique().all()
    iad = zone(iad_timezone, _("The IAD time zone setting"))
    clock_cache: dict[tuple[int, ...], tuple[Clock, ...]] = {}
    months: dict[tuple[int, int], list[ProgrammeLine]] = {}
    partner_ids: set[int] = set()
    for workshop in workshops:
        exchange = workshop.exchange
        partners = tuple(_partner_info(p) for p in exchange.partners)
        partner_ids.update(p.id for p in partners)
        key = tuple(p.id for p in partners)
        if key not in clock_cache:
            clock_cache[key] = clocks_for(iad_timezone, partners)
        clocks = clock_cache[key]
        local_start = workshop.starts_at.astimezone(iad)
        months.setdefault((local_start.year, local_start.month), []).append(ProgrammeLine(
            workshop_id=workshop.id,
            exchange_id=exchange.id,
            exchange_title=exchange.title,
            exchange_title_zh=exchange.title_zh,
            partners=partners,
            departments=tuple(_department_info(d) for d in exchange.departments),
            round_number=workshop.round_number,
            planned_rounds=exchange.planned_rounds,
            status=workshop.status,
            platform=workshop.platform,
            times=tuple(clock.span(workshop.starts_at, workshop.duration_minutes) for clock in clocks),
        ))
    return ProgrammeData(
        semester=semester.name,
        starts_on=semester.starts_on,
        ends_on=semester.ends_on,
        iad_timezone=iad_timezone,
        months=tuple(ProgrammeMonth(year, month, tuple(lines)) for (year, month), lines in sorted(months.items())),
        workshop_count=len(workshops),
        exchange_count=len({w.exchange_id for w in workshops}),
        partner_count=len(partner_ids),
    )


# ---- certificate of participation --------------------------------------------
@dataclass(frozen=True)
class AttendedRound:
    round_number: int
    times: tuple[ZoneSpan, ...]  # IAD first


@dataclass(frozen=True)
class CertificateData:
    person_id: int
    exchange_id: int
    name_en: str
    name_zh: str
    position: str
    department: DepartmentInfo
    role: ParticipantRole
    exchange_title: str
    exchange_title_zh: str
    exchange_kind: ExchangeKind
    planned_rounds: int
    semester: str
    partners: tuple[PartnerInfo, ...]
    rounds: tuple[AttendedRound, ...]  # the rounds the person attended, in order
    iad_timezone: str

    @property
    def reference(self) -> str:
        """A number printed on the certificate, so a copy can be traced to the record."""
        return f"IAD-{self.exchange_id:04d}-{self.person_id:05d}"


def certificate_data(session: Session, person_id: int, exchange_id: int, iad_timezone: str) -> CertificateData:
    """The certificate of one person for one exchange: only the rounds they are recorded as attending."""
    participation = session.scalars(
        select(Participation)
        .where(Participation.person_id == person_id, Participation.exchange_id == exchange_id)
        .options(
            joinedload(Participation.person).joinedload(Person.department),
            joinedload(Participation.exchange).options(
                joinedload(Exchange.semester),
                selectinload(Exchange.partners).raiseload(Partner.contacts),
                raiseload(Exchange.departments),
                raiseload(Exchange.partner_participants),
                raiseload(Exchange.workshops),
                raiseload(Exchange.proposal),
            ),
            raiseload(Participation.preparation),
        )
    ).unique().one_or_none()
    if participation is None:
        _explain_missing_participation(session, person_id, exchange_id)
    person = participation.person
    exchange = participation.exchange
    attended = session.scalars(
        select(Workshop)
        .join(Attendance, Attendance.workshop_id == Workshop.id)
        .where(
            Attendance.participation_id == participation.id,
            Attendance.attended.is_(True),
            Workshop.status != WorkshopStatus.CANCELLED,
        )
        .order_by(Workshop.round_number)
        .options(raiseload(Workshop.panels), raiseload(Workshop.exchange))
    ).all()
    if not attended:
        raise DocumentDataError(
            _("No attended round is recorded for {person} in '{exchange}'; record the attendance first.").format(
                person=person.name_en, exchange=exchange.title)
        )
    partners = tuple(_partner_info(p) for p in exchange.partners)
    clocks = clocks_for(iad_timezone, partners)
    return CertificateData(
        person_id=person.id,
        exchange_id=exchange.id,
        name_en=person.name_en,
        name_zh=person.name_zh,
        position=person.position,
        department=_department_info(person.department),
        role=participation.role,
        exchange_title=exchange.title,
        exchange_title_zh=exchange.title_zh,
        exchange_kind=exchange.kind,
        planned_rounds=exchange.planned_rounds,
        semester=exchange.semester.name,
        partners=partners,
        rounds=tuple(
            AttendedRound(w.round_number, tuple(c.span(w.starts_at, w.duration_minutes) for c in clocks))
            for w in attended
        ),
        iad_timezone=iad_timezone,
    )


def _explain_missing_participation(session: Session, person_id: int, exchange_id: int) -> NoReturn:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("There is no person with id {id}.").format(id=person_id))
    exchange = session.get(Exchange, exchange_id)
    if exchange is None:
        raise NotFoundError(_("There is no exchange with id {id}.").format(id=exchange_id))
    raise NotFoundError(_("{person} is not a participant of '{exchange}'.").format(
        person=person.name_en, exchange=exchange.title))


@dataclass(frozen=True)
class CertificateChoice:
    """A person who can receive a certificate for an exchange, as the picker lists them."""

    person_id: int
    person_label: str
    exchange_id: int
    exchange_label: str


def certificate_choices(session: Session, semester_id: int | None = None) -> tuple[CertificateChoice, ...]:
    """Every participation (of one semester, if given), ordered by person, then exchange."""
    query = (
        select(Person.id, Person.name_en, Person.name_zh, Exchange.id, Exchange.title, Semester.name)
        .join(Participation, Participation.person_id == Person.id)
        .join(Exchange, Exchange.id == Participation.exchange_id)
        .join(Semester, Semester.id == Exchange.semester_id)
        .order_by(Person.name_en, Person.id, Semester.starts_on.desc(), Exchange.title)
    )
    if semester_id is not None:
        query = query.where(Exchange.semester_id == semester_id)
    return tuple(
        CertificateChoice(
            person_id=pid,
            person_label=f"{name_en} {name_zh}".strip(),
            exchange_id=eid,
            exchange_label=f"{title} ({semester})",
        )
        for pid, name_en, name_zh, eid, title, semester in session.execute(query)
    )
