"""Planning a workshop: panels on a five-minute grid, the next round of an exchange, saving a plan, attendance.

Every function takes a Session and the acting officer, validates, changes records
through the record services (so each change is audited and version-checked) and
flushes; the caller commits once. Bad input raises ValidationError naming the field.
The scheduling rules themselves are in app/planning/scheduling.py.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import NotFoundError, ValidationError
from app.i18n import _
from app.planning.scheduling import (
    DEFAULT_TRACK,
    Side,
    SpeakerPlan,
    WorkshopPlan,
    blocking_error,
    check_draft,
    confirm_workshop,
    get_workshop,
    plan_from_workshop,
)
from app.planning.records import panel_speakers, panels, workshops
from app.settings import Settings
from app.planning.zones import to_utc, zone
from models import (
    Attendance,
    AuditEntry,
    Exchange,
    Panel,
    Participation,
    PartnerContact,
    Person,
    Workshop,
)
from models.enums import AuditAction, ExchangeKind, UserRole, WorkshopStatus

SNAP_MINUTES = 5
NEXT_ROUND_GAP = timedelta(days=7)
SpeakerRef = tuple[int | None, int | None]  # (person_id, contact_id), exactly one set


# ---- the five-minute grid ------------------------------------------------------------
def snap_minutes(minutes: float, step: int = SNAP_MINUTES) -> int:
    """The nearest multiple of `step` (halves round up): 7 -> 5, 8 -> 10, 12.5 -> 15."""
    return int(step * math.floor(minutes / step + 0.5))


def snap_instant(instant: datetime, step: int = SNAP_MINUTES) -> datetime:
    """The nearest instant on the `step`-minute grid (every zone's offset is a multiple of 5 minutes)."""
    if instant.tzinfo is None:
        raise ValidationError("starts_at", _("A time needs a time zone."))
    utc = instant.astimezone(UTC)
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    minutes = (utc - epoch).total_seconds() / 60
    return epoch + timedelta(minutes=snap_minutes(minutes, step))


def snap_duration(minutes: int, field: str = "duration_minutes") -> int:
    snapped = snap_minutes(minutes)
    if snapped < SNAP_MINUTES:
        raise ValidationError(field, _("A panel lasts at least {n} minutes.").format(n=SNAP_MINUTES))
    return snapped


# ---- panels --------------------------------------------------------------------------
def _panel(session: Session, panel_id: int) -> Panel:
    return panels.get(session, panel_id)


def _next_free_start(workshop: Workshop, track: str) -> datetime:
    """Right after the last panel on the track, or at the workshop's start."""
    ends = [p.starts_at + timedelta(minutes=p.duration_minutes) for p in workshop.panels
            if p.track.strip().casefold() == track.strip().casefold()]
    return max(ends, default=workshop.starts_at)


def add_panel(session: Session, actor: Actor, workshop_id: int, *, title: str, starts_at: datetime | None = None,
              duration_minutes: int = 35, track: str = DEFAULT_TRACK, **fields: Any) -> Panel:
    """A new panel, on the five-minute grid; by default right after the track's last panel."""
    workshop = get_workshop(session, workshop_id)
    track = track.strip()
    if not track:
        raise ValidationError("track", _("Name the track (room) of the panel, for example Main room."))
    start = snap_instant(starts_at if starts_at is not None else _next_free_start(workshop, track))
    panel = panels.create(session, actor, workshop_id=workshop_id, title=title, starts_at=start,
                          duration_minutes=snap_duration(duration_minutes), track=track, **fields)
    session.expire(workshop, ["panels"])
    return panel


def move_panel(session: Session, actor: Actor, panel_id: int, starts_at: datetime, *, track: str | None = None,
               expected_version: int | None = None) -> Panel:
    """Move a panel to another start (snapped to five minutes) and, optionally, another track."""
    values: dict[str, Any] = {"starts_at": snap_instant(starts_at)}
    if track is not None:
        if not track.strip():
            raise ValidationError("track", _("Name the track (room) of the panel, for example Main room."))
        values["track"] = track.strip()
    return panels.update(session, actor, panel_id, expected_version=expected_version, **values)


def resize_panel(session: Session, actor: Actor, panel_id: int, duration_minutes: int, *,
                 expected_version: int | None = None) -> Panel:
    """Change a panel's length, snapped to five minutes."""
    return panels.update(session, actor, panel_id, expected_version=expected_version,
                         duration_minutes=snap_duration(duration_minutes))


def _check_speaker_ref(session: Session, ref: SpeakerRef) -> None:
    person_id, contact_id = ref
    if (person_id is None) == (contact_id is None):
        raise ValidationError("speakers", _("A speaker is either one of ours or one of the partner's, not both."))
    if person_id is not None and session.get(Person, person_id) is None:
        raise ValidationError("speakers", _("The person #{id} no longer exists.").format(id=person_id))
    if contact_id is not None and session.get(PartnerContact, contact_id) is None:
        raise ValidationError("speakers", _("The partner contact #{id} no longer exists.").format(id=contact_id))


def _replace_speakers(session: Session, actor: Actor, panel: Panel, refs: Sequence[SpeakerRef]) -> None:
    if len(set(refs)) != len(refs):
        raise ValidationError("speakers", _("Panel '{title}' lists a speaker twice.").format(title=panel.title))
    current = [(s.person_id, s.contact_id) for s in panel.speakers]
    if current == list(refs):
        return
    for ref in refs:
        _check_speaker_ref(session, ref)
    for speaker in list(panel.speakers):
        panel_speakers.delete(session, actor, speaker.id)
    for position, (person_id, contact_id) in enumerate(refs):
        panel_speakers.create(session, actor, panel_id=panel.id, person_id=person_id, contact_id=contact_id,
                              position=position)
    session.expire(panel, ["speakers"])


def set_panel_speakers(session: Session, actor: Actor, panel_id: int, speakers: Sequence[SpeakerRef]) -> Panel:
    """The panel's speakers, in order: ours (person_id, None) and the partner's (None, contact_id)."""
    actor.require(UserRole.OFFICER, _("change a panel"))
    panel = _panel(session, panel_id)
    _replace_speakers(session, actor, panel, list(speakers))
    return panel


def set_panel_interpretation(session: Session, actor: Actor, panel_id: int, *, needed: bool,
                             language_pair: str = "", interpreter: str = "",
                             expected_version: int | None = None) -> Panel:
    return panels.update(session, actor, panel_id, expected_version=expected_version, interpretation_needed=needed,
                         language_pair=language_pair, interpreter=interpreter)


@dataclass(frozen=True)
class SpeakerChoice:
    speaker: SpeakerPlan
    detail: str  # department or partner university

    @property
    def is_partner_side(self) -> bool:
        return self.speaker.is_partner_side


def speaker_choices(session: Session, exchange_id: int) -> list[SpeakerChoice]:
    """Who may speak in the exchange's panels: its participants and the staff of its departments
    (ours), its partner participants and the contacts of its partners (theirs)."""
    exchange = _exchange(session, exchange_id)
    ours: dict[int, Person] = {}
    participant_ids = list(session.scalars(
        select(Participation.person_id).where(Participation.exchange_id == exchange_id)))
    department_ids = [d.id for d in exchange.departments]
    if participant_ids or department_ids:
        query = select(Person).where(Person.id.in_(participant_ids) | Person.department_id.in_(department_ids))
        for person in session.scalars(query.order_by(Person.name_en)):
            ours[person.id] = person
    theirs: dict[int, PartnerContact] = {c.id: c for c in exchange.partner_participants}
    for partner in exchange.partners:
        for contact in partner.contacts:
            theirs.setdefault(contact.id, contact)
    choices = [
        SpeakerChoice(SpeakerPlan(p.display_name, person_id=p.id, aliases=tuple(n for n in (p.name_en, p.name_zh) if n)),
                      p.department.name_en)
        for p in ours.values()
    ]
    choices += [
        SpeakerChoice(SpeakerPlan(c.name, contact_id=c.id), c.partner.name)
        for c in sorted(theirs.values(), key=lambda c: c.name.casefold())
    ]
    return choices


# ---- exchanges and rounds --------------------------------------------------------------
def _exchange(session: Session, exchange_id: int) -> Exchange:
    exchange = session.get(Exchange, exchange_id)
    if exchange is None:
        raise NotFoundError(
            _("The exchange #{id} no longer exists; someone may have deleted it.").format(id=exchange_id)
        )
    return exchange


def next_round_start(previous: datetime, iad_timezone: str, gap: timedelta = NEXT_ROUND_GAP) -> datetime:
    """The same IAD wall-clock time `gap` later (an instant `gap` later if that time does not exist)."""
    tz = zone(iad_timezone, "iad_timezone")
    wall = previous.astimezone(tz)
    return to_utc(wall.date() + gap, wall.time(), tz) or previous + gap


def add_next_round(session: Session, actor: Actor, exchange_id: int, *, starts_at: datetime | None = None,
                   iad_timezone: str = "Asia/Shanghai") -> Workshop:
    """A copy of the exchange's last round, one week later unless `starts_at` is given.

    Copied: length, platform, link, interpretation, and every panel (title, track,
    start relative to the workshop, length, moderator, speakers, interpretation).
    The roster of the last round carries over as not yet attended. Status, minutes
    and outcome start afresh.
    """
    actor.require(UserRole.OFFICER, _("add a round"))
    exchange = _exchange(session, exchange_id)
    if exchange.kind != ExchangeKind.MULTI_ROUND:
        raise ValidationError("kind", _("'{title}' is a one-off dialogue; make it a multi-round dialogue to add "
                                        "rounds.").format(title=exchange.title))
    if not exchange.workshops:
        raise ValidationError("workshops", _("'{title}' has no round yet; plan the first round before adding the "
                                             "next.").format(title=exchange.title))
    previous = max(exchange.workshops, key=lambda w: w.round_number)
    if previous.round_number >= exchange.planned_rounds:
        raise ValidationError("planned_rounds", _(
            "'{title}' plans {planned} rounds and has them all; raise the planned rounds (at most three) first."
        ).format(title=exchange.title, planned=exchange.planned_rounds))
    start = snap_instant(starts_at) if starts_at is not None else next_round_start(previous.starts_at, iad_timezone)
    workshop = workshops.create(
        session, actor, exchange_id=exchange.id, round_number=previous.round_number + 1, starts_at=start,
        duration_minutes=previous.duration_minutes, platform=previous.platform, link=previous.link,
        interpretation_languages=previous.interpretation_languages, interpreter=previous.interpreter,
        status=WorkshopStatus.PLANNED,
    )
    for panel in previous.panels:
        copy = panels.create(
            session, actor, workshop_id=workshop.id, title=panel.title, title_zh=panel.title_zh,
            description=panel.description,
            track=panel.track, starts_at=start + (panel.starts_at - previous.starts_at),
            duration_minutes=panel.duration_minutes, moderator=panel.moderator,
            interpretation_needed=panel.interpretation_needed, language_pair=panel.language_pair,
            interpreter=panel.interpreter,
        )
        for position, speaker in enumerate(panel.speakers):
            panel_speakers.create(session, actor, panel_id=copy.id, person_id=speaker.person_id,
                                  contact_id=speaker.contact_id, position=position)
    roster = list(session.scalars(select(Attendance.participation_id).where(Attendance.workshop_id == previous.id)))
    if not roster:
        roster = list(session.scalars(select(Participation.id).where(Participation.exchange_id == exchange.id)))
    for participation_id in roster:
        _write_attendance(session, actor, workshop.id, participation_id, False)
    session.flush()
    session.expire(exchange, ["workshops"])
    session.expire(workshop, ["panels"])
    return workshop


# ---- saving a plan ---------------------------------------------------------------------
def snapped(plan: WorkshopPlan) -> WorkshopPlan:
    """The plan on the five-minute grid, with texts trimmed."""
    result = plan.copy()
    result.starts_at = snap_instant(plan.starts_at)
    for panel in result.panels:
        panel.starts_at = snap_instant(panel.starts_at)
        panel.duration_minutes = snap_minutes(panel.duration_minutes)
        panel.track = panel.track.strip()
        panel.title = panel.title.strip()
    return result


def _validate_panels(plan: WorkshopPlan) -> None:
    for index, panel in enumerate(plan.panels, start=1):
        name = panel.title or _("panel {n}").format(n=index)
        if not panel.title:
            raise ValidationError("title", _("Panel {n} has no title.").format(n=index))
        if not panel.track:
            raise ValidationError("track", _("Panel '{title}' has no track (room).").format(title=name))
        if panel.duration_minutes < SNAP_MINUTES:
            raise ValidationError("duration_minutes", _("Panel '{title}' lasts at least {n} minutes.").format(
                title=name, n=SNAP_MINUTES))


def save_plan(session: Session, actor: Actor, plan: WorkshopPlan, *, settings: Settings | None = None,
              now: datetime | None = None, attendance: Mapping[tuple[int, int], bool | None] | None = None) -> Workshop:
    """Write a workshop plan: the workshop's fields, its panels (added, changed, removed) and speakers.

    Times are snapped to five minutes. A plan whose status is confirmed is checked
    first and refused (ValidationError on 'status', nothing written) while any rule
    reports an error. Records someone else changed meanwhile raise ConflictError.
    `attendance` maps (participation_id, workshop_id) to attended / absent / None (unknown).
    """
    actor.require(UserRole.OFFICER, _("change a workshop"))
    if plan.id is None:
        raise ValidationError("id", _("Create the workshop before planning it."))
    workshop_id = plan.id
    plan = snapped(plan)
    _validate_panels(plan)
    workshop = get_workshop(session, workshop_id)
    if plan.status == WorkshopStatus.CONFIRMED:
        refusal = blocking_error(check_draft(session, plan, settings, now))
        if refusal is not None:
            raise refusal
    workshops.update(
        session, actor, workshop_id, expected_version=plan.version, move_panels=False, rules_checked=True,
        starts_at=plan.starts_at,
        duration_minutes=plan.duration_minutes, platform=plan.platform, link=plan.link,
        interpretation_languages=plan.interpretation_languages, interpreter=plan.interpreter, status=plan.status,
        minutes=plan.minutes, outcome=plan.outcome, continues_independently=plan.continues_independently,
    )
    stored = {panel.id: panel for panel in workshop.panels}
    kept = {panel.id for panel in plan.panels if panel.id is not None}
    for panel_id in sorted(set(stored) - kept):
        panels.delete(session, actor, panel_id)
    for item in plan.panels:
        values = dict(
            title=item.title, title_zh=item.title_zh.strip(), description=item.description, track=item.track,
            starts_at=item.starts_at,
            duration_minutes=item.duration_minutes, moderator=item.moderator,
            interpretation_needed=item.interpretation_needed, language_pair=item.language_pair,
            interpreter=item.interpreter,
        )
        if item.id is None:
            record = panels.create(session, actor, workshop_id=workshop_id, **values)
        elif item.id in stored:
            record = panels.update(session, actor, item.id, expected_version=item.version, **values)
        else:
            raise NotFoundError(_("Panel '{title}' was deleted by someone else meanwhile.").format(title=item.title))
        _replace_speakers(session, actor, record, [s.ref for s in item.speakers])
    if attendance:
        save_attendance(session, actor, workshop.exchange_id, attendance)
    session.flush()
    session.expire(workshop, ["panels"])
    return workshop


def record_outcome(session: Session, actor: Actor, workshop_id: int, *, status: WorkshopStatus | None = None,
                   minutes: str | None = None, outcome: str | None = None,
                   continues_independently: bool | None = None, expected_version: int | None = None,
                   settings: Settings | None = None) -> Workshop:
    """Status, minutes and outcome of a round; confirming goes through the rules."""
    values: dict[str, Any] = {}
    if minutes is not None:
        values["minutes"] = minutes
    if outcome is not None:
        values["outcome"] = outcome
    if continues_independently is not None:
        values["continues_independently"] = continues_independently
    workshop = get_workshop(session, workshop_id)
    if values or expected_version is not None:
        workshops.update(session, actor, workshop_id, expected_version=expected_version, **values)
    if status is not None and status != workshop.status:
        if status == WorkshopStatus.CONFIRMED:
            return confirm_workshop(session, actor, workshop_id, settings)
        workshops.update(session, actor, workshop_id, status=status)
    return workshop


# ---- attendance -------------------------------------------------------------------------
@dataclass(frozen=True)
class AttendanceRow:
    participation_id: int
    name: str
    department: str
    role: str


@dataclass(frozen=True)
class AttendanceRound:
    workshop_id: int
    round_number: int
    starts_at: datetime
    status: WorkshopStatus


@dataclass
class AttendanceGrid:
    """Participants × rounds: True attended, False absent (or not yet held), no entry: not recorded."""

    exchange_id: int
    rows: list[AttendanceRow]
    rounds: list[AttendanceRound]
    cells: dict[tuple[int, int], bool]  # (participation_id, workshop_id) -> attended


def attendance_grid(session: Session, exchange_id: int) -> AttendanceGrid:
    exchange = _exchange(session, exchange_id)
    participations = list(session.scalars(
        select(Participation).join(Person, Participation.person_id == Person.id)
        .where(Participation.exchange_id == exchange_id).order_by(Person.name_en)
    ))
    rows = [
        AttendanceRow(p.id, p.person.display_name, p.person.department.name_en, p.role.label)
        for p in participations
    ]
    rounds = [AttendanceRound(w.id, w.round_number, w.starts_at, w.status) for w in exchange.workshops]
    cells = {
        (a.participation_id, a.workshop_id): a.attended
        for a in session.scalars(select(Attendance).where(Attendance.workshop_id.in_([r.workshop_id for r in rounds])))
    }
    return AttendanceGrid(exchange_id, rows, rounds, cells)


def _write_attendance(session: Session, actor: Actor, workshop_id: int, participation_id: int,
                      attended: bool | None) -> bool:
    """Set one cell; True when it changed. Attendance rows have no id of their own, so the
    audit entry is filed under the participation with the workshop named in the change."""
    row = session.get(Attendance, (participation_id, workshop_id))
    before = row.attended if row is not None else None
    if before == attended and (row is not None) == (attended is not None):
        return False
    if attended is None:
        assert row is not None
        session.delete(row)
    elif row is None:
        session.add(Attendance(participation_id=participation_id, workshop_id=workshop_id, attended=attended))
    else:
        row.attended = attended
    session.add(AuditEntry(
        username=actor.username, table_name="attendance", record_id=participation_id,
        action=AuditAction.DELETE if attended is None else AuditAction.INSERT if row is None else AuditAction.UPDATE,
        changes={"workshop_id": [workshop_id, workshop_id], "attended": [before, attended]},
    ))
    return True


def save_attendance(session: Session, actor: Actor, exchange_id: int,
                    cells: Mapping[tuple[int, int], bool | None]) -> int:
    """Write attendance cells of one exchange; returns how many changed."""
    actor.require(UserRole.OFFICER, _("record attendance"))
    participation_ids = set(session.scalars(
        select(Participation.id).where(Participation.exchange_id == exchange_id)))
    workshop_ids = set(session.scalars(select(Workshop.id).where(Workshop.exchange_id == exchange_id)))
    changed = 0
    for (participation_id, workshop_id), attended in cells.items():
        if participation_id not in participation_ids:
            raise ValidationError("attendance", _("Participant #{id} does not take part in this exchange.").format(
                id=participation_id))
        if workshop_id not in workshop_ids:
            raise ValidationError("attendance", _("Workshop #{id} is not a round of this exchange.").format(
                id=workshop_id))
        changed += _write_attendance(session, actor, workshop_id, participation_id, attended)
    session.flush()
    return changed


def set_attendance(session: Session, actor: Actor, workshop_id: int, participation_id: int,
                   attended: bool | None) -> None:
    """One participant at one round: attended, absent, or None to clear."""
    workshop = get_workshop(session, workshop_id)
    save_attendance(session, actor, workshop.exchange_id, {(participation_id, workshop_id): attended})



# ---- what a calendar invitation needs ----------------------------------------------------------
@dataclass(frozen=True)
class InvitationData:
    plan: WorkshopPlan
    exchange_id: int
    exchange_title: str
    kind: ExchangeKind
    planned_rounds: int
    partners: tuple[Side, ...]
    created_at: datetime  # never changes: part of the calendar event's identity


def invitation_data(session: Session, workshop_id: int) -> InvitationData:
    workshop = get_workshop(session, workshop_id)
    exchange = workshop.exchange
    return InvitationData(
        plan=plan_from_workshop(workshop), exchange_id=exchange.id, exchange_title=exchange.title,
        kind=exchange.kind, planned_rounds=exchange.planned_rounds,
        partners=tuple(Side(p.name, p.timezone) for p in exchange.partners), created_at=workshop.created_at,
    )


def round_ids(session: Session, exchange_id: int) -> list[int]:
    """The exchange's workshops, by round."""
    _exchange(session, exchange_id)
    return list(session.scalars(
        select(Workshop.id).where(Workshop.exchange_id == exchange_id).order_by(Workshop.round_number)))
