"""The scheduling rules of a workshop (DESIGN.md §3): a check that lists problems and never raises for one.

A rule violation is data, not an exception: `check_plan` returns `Problem`s with a
severity (error or warning), a stable code, a sentence for the officer, and the
workshop, panel and field it concerns, so the planner can show them all at once and
point at the panel. Errors block confirming a workshop (`confirm_workshop`);
warnings inform.

The check runs on a `WorkshopPlan`, a plain copy of a workshop and its panels, so
the planner checks unsaved edits with the same code that guards the database.
`load_plan` and `load_context` read what a check needs; `check_workshop` does both.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.actor import Actor
from app.errors import NotFoundError, ValidationError
from app.i18n import _
from app.planning.records import workshops
from app.settings import Settings
from app.planning.local_times import Side
from app.planning.places import country_code, country_of_zone
from app.planning.public_holidays import holiday_name
from app.planning.plans import (
    DEFAULT_TRACK,
    ERROR,
    WARNING,
    Booking,
    PanelPlan,
    PlanContext,
    Problem,
    RoundInfo,
    Severity,
    SpeakerPlan,
    WorkshopPlan,
    name_key,
)
from app.planning.zones import (
    OfficeHours,
    clock_changes,
    format_duration,
    format_hours,
    format_local,
    format_offset,
    format_span,
    local_day_bounds,
    offset_at,
    zone_or_none,
)
from models import Exchange, Panel, PanelSpeaker, Partner, Workshop
from models.enums import ExchangeKind, UserRole, WorkshopStatus

MAX_ROUNDS = 3
# Workshops last at most ten hours (app/planning/records.py), so any workshop that
# can overlap a span starts less than a day before it.
BOOKING_LOOKBACK = timedelta(hours=24)


# ---- the check --------------------------------------------------------------------
@dataclass(frozen=True)
class _Identity:
    """Someone in a panel, compared by record id when both sides have one, else by name."""

    label: str
    role: str  # "speaker" or "moderator", for the message and the field
    ids: frozenset[str]
    names: frozenset[str]

    def same_as(self, other: _Identity) -> bool:
        if self.ids and other.ids:
            return bool(self.ids & other.ids)
        return bool(self.names & other.names)


def _identities(panel: PanelPlan) -> list[_Identity]:
    people: list[_Identity] = []
    for speaker in panel.speakers:
        ids = frozenset(
            [f"person:{speaker.person_id}"] if speaker.person_id is not None else [f"contact:{speaker.contact_id}"]
        )
        names = frozenset(key for key in (name_key(speaker.name), *map(name_key, speaker.aliases)) if key)
        people.append(_Identity(speaker.name, "speaker", ids, names))
    if panel.moderator.strip():
        people.append(_Identity(panel.moderator.strip(), "moderator", frozenset(), frozenset([name_key(panel.moderator)])))
    return people


def split_names(text: str) -> list[str]:
    """The people named in an interpreter field: "Zhao Min, Li Na" or "赵敏、李娜" are two."""
    for separator in "，、;；/\n":
        text = text.replace(separator, ",")
    return [name.strip() for name in text.split(",") if name.strip()]


def _role(role: str) -> str:
    return _("speaker") if role == "speaker" else _("moderator")


def _overlap(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    return a_start < b_end and b_start < a_end


class _Checker:
    def __init__(self, plan: WorkshopPlan, context: PlanContext, settings: Settings, now: datetime) -> None:
        self.plan = plan
        self.context = context
        self.settings = settings
        self.now = now
        self.hours = OfficeHours.from_settings(settings)
        self.iad = iad_side(settings)
        self.iad_zone = zone_or_none(settings.iad_timezone) or zone_or_none("UTC")
        self.problems: list[Problem] = []

    def add(self, severity: Severity, code: str, message: str, panel: PanelPlan | None = None,
            field: str = "starts_at") -> None:
        self.problems.append(
            Problem(severity, code, message, self.plan.id, panel.key if panel is not None else None, field)
        )

    def clock(self, instant: datetime) -> str:
        """The IAD time of day, with the date when it is not the workshop's day (a panel left on another day)."""
        assert self.iad_zone is not None
        same_day = instant.astimezone(self.iad_zone).date() == self.plan.starts_at.astimezone(self.iad_zone).date()
        days_apart = any(p.starts_at.astimezone(self.iad_zone).date()
                         != self.plan.starts_at.astimezone(self.iad_zone).date() for p in self.plan.panels)
        return format_local(instant, self.iad_zone, with_date=not same_day or days_apart)

    def run(self) -> list[Problem]:
        self.check_lengths()
        self.check_panels_inside()
        self.check_tracks()
        self.check_people()
        self.check_interpreters()
        self.check_interpretation_set()
        self.check_rounds()
        for side in (self.iad, *self.context.partners):
            self.check_side(side)
        self.check_rounds_shift()
        # Errors first, each group in the order the rules ran.
        return [p for p in self.problems if p.is_error] + [p for p in self.problems if not p.is_error]

    # -- lengths --
    def length_severity(self, minutes: int, low: int, high: int) -> Severity | None:
        """None inside the usual length; a warning outside it; an error under half of it or over double."""
        if low <= minutes <= high:
            return None
        return ERROR if minutes * 2 < low or minutes > high * 2 else WARNING

    def check_lengths(self) -> None:
        settings = self.settings
        low, high = settings.workshop_minutes_min, settings.workshop_minutes_max
        usual = _("{low} to {high}").format(low=format_duration(low), high=format_duration(high))
        severity = self.length_severity(self.plan.duration_minutes, low, high)
        if severity == WARNING:
            self.add(WARNING, "workshop_length", _(
                "The workshop lasts {length}; IAD workshops last {usual}."
            ).format(length=format_duration(self.plan.duration_minutes), usual=usual), field="duration_minutes")
        elif severity == ERROR:
            self.add(ERROR, "workshop_length", _(
                "The workshop lasts {length}, far from the usual {usual} (under half or over double); "
                "change its length, or the usual length in Settings."
            ).format(length=format_duration(self.plan.duration_minutes), usual=usual), field="duration_minutes")
        low, high = settings.panel_minutes_min, settings.panel_minutes_max
        usual = _("{low} to {high}").format(low=format_duration(low), high=format_duration(high))
        for panel in self.plan.panels:
            severity = self.length_severity(panel.duration_minutes, low, high)
            if severity == WARNING:
                self.add(WARNING, "panel_length", _(
                    "Panel '{title}' lasts {length}; IAD panels last {usual}."
                ).format(title=panel.title, length=format_duration(panel.duration_minutes), usual=usual), panel,
                    "duration_minutes")
            elif severity == ERROR:
                self.add(ERROR, "panel_length", _(
                    "Panel '{title}' lasts {length}, far from the usual {usual} (under half or over double); "
                    "change its length, or the usual length in Settings."
                ).format(title=panel.title, length=format_duration(panel.duration_minutes), usual=usual), panel,
                    "duration_minutes")

    # -- panels inside the workshop --
    def check_panels_inside(self) -> None:
        for panel in self.plan.panels:
            if panel.starts_at < self.plan.starts_at:
                self.add(ERROR, "panel_outside_workshop", _(
                    "Panel '{title}' starts at {start}, before the workshop starts ({begin})."
                ).format(title=panel.title, start=self.clock(panel.starts_at), begin=self.clock(self.plan.starts_at)),
                    panel, "starts_at")
            elif panel.starts_at >= self.plan.ends_at:
                self.add(ERROR, "panel_outside_workshop", _(
                    "Panel '{title}' starts at {start}, after the workshop has ended ({end})."
                ).format(title=panel.title, start=self.clock(panel.starts_at), end=self.clock(self.plan.ends_at)),
                    panel, "starts_at")
            elif panel.ends_at > self.plan.ends_at:
                self.add(ERROR, "panel_outside_workshop", _(
                    "Panel '{title}' ends at {finish}, after the workshop ends ({end})."
                ).format(title=panel.title, finish=self.clock(panel.ends_at), end=self.clock(self.plan.ends_at)),
                    panel, "duration_minutes")

    def concurrent_pairs(self) -> Iterable[tuple[PanelPlan, PanelPlan]]:
        """Pairs of panels that run at the same time, the earlier one first."""
        ordered = sorted(self.plan.panels, key=lambda p: (p.starts_at, p.key))
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                if second.starts_at >= first.ends_at:
                    break  # sorted by start: no later panel overlaps `first` either
                if _overlap(first.starts_at, first.ends_at, second.starts_at, second.ends_at):
                    yield first, second

    # -- one panel at a time on a track --
    def check_tracks(self) -> None:
        for first, second in self.concurrent_pairs():
            if name_key(first.track) != name_key(second.track):
                continue
            self.add(ERROR, "track_overlap", _(
                "Panels '{first}' and '{second}' overlap on the track {track} ({start}–{end}); "
                "move one of them or put it on another track."
            ).format(first=first.title, second=second.title, track=second.track.strip() or DEFAULT_TRACK,
                     start=self.clock(max(first.starts_at, second.starts_at)),
                     end=self.clock(min(first.ends_at, second.ends_at))), second, "track")

    # -- nobody in two places at once --
    def check_people(self) -> None:
        for first, second in self.concurrent_pairs():
            reported: set[str] = set()
            for mine in _identities(second):
                for theirs in _identities(first):
                    if not mine.same_as(theirs) or name_key(mine.label) in reported:
                        continue
                    reported.add(name_key(mine.label))
                    self.add(ERROR, "person_double_booked", _(
                        "{name} is in two panels at the same time: '{first}' ({first_role}) and "
                        "'{second}' ({second_role})."
                    ).format(name=mine.label, first=first.title, first_role=_role(theirs.role), second=second.title,
                             second_role=_role(mine.role)), second, "speakers" if mine.role == "speaker" else "moderator")

    # -- interpreters --
    def own_bookings(self) -> list[tuple[PanelPlan | None, str, datetime, datetime]]:
        bookings: list[tuple[PanelPlan | None, str, datetime, datetime]] = []
        for name in split_names(self.plan.interpreter):
            bookings.append((None, name, self.plan.starts_at, self.plan.ends_at))
        for panel in self.plan.panels:
            for name in split_names(panel.interpreter):
                bookings.append((panel, name, panel.starts_at, panel.ends_at))
        return bookings

    def check_interpreters(self) -> None:
        if self.plan.status == WorkshopStatus.CANCELLED:
            return
        own = self.own_bookings()
        # Within the workshop: one interpreter in two concurrent panels.
        for first, second in self.concurrent_pairs():
            if first.interpreter.strip() and name_key(first.interpreter) == name_key(second.interpreter):
                self.add(ERROR, "interpreter_double_booked", _(
                    "Interpreter {name} is booked for two panels at the same time: '{first}' and '{second}'."
                ).format(name=second.interpreter.strip(), first=first.title, second=second.title), second,
                    "interpreter")
        self.check_interpretation_cover()
        # Across workshops: any other booking of the same name overlapping in time.
        reported: set[tuple[int | None, int]] = set()
        for panel, name, start, end in own:
            for booking in self.context.bookings:
                if booking.workshop_id == self.plan.id or name_key(booking.interpreter) != name_key(name):
                    continue
                if not _overlap(start, end, booking.starts_at, booking.ends_at):
                    continue
                key = (panel.key if panel is not None else None, booking.workshop_id)
                if key in reported:
                    continue
                reported.add(key)
                assert self.iad_zone is not None
                where = _("panel '{title}'").format(title=panel.title) if panel is not None else _("this workshop")
                self.add(ERROR, "interpreter_double_booked", _(
                    "Interpreter {name} is already booked for {other} ({other_time}), which overlaps {where} "
                    "({time})."
                ).format(name=name, other=booking.label,
                         other_time=format_span(booking.starts_at, booking.ends_at, self.iad_zone), where=where,
                         time=format_span(start, end, self.iad_zone)), panel, "interpreter")

    def check_interpretation_cover(self) -> None:
        """In every stretch of time, each interpreted panel needs an interpreter of its own.

        A panel names its interpreter, or is covered by those named on the workshop
        (several may be named: "Zhao Min, Li Na"); one person cannot interpret two
        concurrent panels, whoever they are named on.
        """
        interpreted = [p for p in self.plan.panels if p.interpretation_needed]
        pool = split_names(self.plan.interpreter)
        if len(interpreted) < 2 or not pool:
            return
        moments = sorted({p.starts_at for p in interpreted} | {p.ends_at for p in interpreted})
        reported: set[frozenset[int]] = set()
        for begin, finish in zip(moments, moments[1:]):
            running = sorted((p for p in interpreted if p.starts_at < finish and begin < p.ends_at),
                             key=lambda p: (p.starts_at, p.key))
            uncovered = [p for p in running if not p.interpreter.strip()]
            named = {name_key(p.interpreter) for p in running if p.interpreter.strip()}
            free = [name for name in pool if name_key(name) not in named]
            if len(uncovered) <= len(free):
                continue
            keys = frozenset(p.key for p in uncovered)
            if keys in reported:
                continue
            reported.add(keys)
            titles = ", ".join(f"'{p.title}'" for p in uncovered)
            self.add(ERROR, "interpretation_uncovered", _(
                "From {start} to {end} {count} panels need interpretation ({titles}) but the workshop's interpreters "
                "can cover only {free} of them ({names}); name an interpreter on each concurrent panel."
            ).format(start=self.clock(begin), end=self.clock(finish), count=len(uncovered), titles=titles,
                     free=len(free), names=", ".join(free) or _("all busy in other panels")),
                uncovered[len(free)], "interpreter")

    def check_interpretation_set(self) -> None:
        for panel in self.plan.panels:
            if not panel.interpretation_needed:
                continue
            if not panel.interpreter.strip() and not self.plan.interpreter.strip():
                self.add(WARNING, "interpreter_missing", _(
                    "Panel '{title}' needs interpretation but no interpreter is named, for the panel or the workshop."
                ).format(title=panel.title), panel, "interpreter")
            if not panel.language_pair.strip() and not self.plan.interpretation_languages.strip():
                self.add(WARNING, "language_pair_missing", _(
                    "Panel '{title}' needs interpretation but no languages are given (for example Chinese–English)."
                ).format(title=panel.title), panel, "language_pair")

    # -- rounds of the exchange --
    def rounds(self) -> list[RoundInfo]:
        """The exchange's rounds as they will be, this plan in place of its stored version."""
        others = [r for r in self.context.rounds if r.workshop_id != self.plan.id]
        mine = RoundInfo(self.plan.id or 0, self.plan.round_number, self.plan.starts_at, self.plan.duration_minutes,
                         self.plan.status)
        return sorted([*others, mine], key=lambda r: r.round_number)

    def check_rounds(self) -> None:
        rounds = [r for r in self.rounds() if r.status != WorkshopStatus.CANCELLED]
        count = len(rounds)
        context = self.context
        if context.kind == ExchangeKind.ONE_OFF:
            if count > 1 or self.plan.round_number != 1:
                self.add(ERROR, "rounds_count", _(
                    "'{title}' is a one-off dialogue but has {count} rounds; make it a multi-round dialogue "
                    "or cancel the extra round."
                ).format(title=context.exchange_title, count=count), field="round_number")
            return
        planned = context.planned_rounds
        if not 2 <= planned <= MAX_ROUNDS:
            self.add(ERROR, "rounds_count", _(
                "A multi-round dialogue has two or three rounds; '{title}' plans {planned}."
            ).format(title=context.exchange_title, planned=planned), field="round_number")
        if self.plan.round_number > planned:
            self.add(ERROR, "rounds_count", _(
                "This is round {round} but '{title}' plans {planned} rounds; raise the planned rounds "
                "(at most three) or cancel this round."
            ).format(round=self.plan.round_number, title=context.exchange_title, planned=planned),
                field="round_number")
        elif count > planned:
            self.add(ERROR, "rounds_count", _(
                "'{title}' plans {planned} rounds but has {count}."
            ).format(title=context.exchange_title, planned=planned, count=count), field="round_number")
        elif count < planned:
            self.add(WARNING, "rounds_missing", _(
                "'{title}' plans {planned} rounds; {count} scheduled so far (use Add next round)."
            ).format(title=context.exchange_title, planned=planned, count=count), field="round_number")
        ordered = sorted(rounds, key=lambda r: r.round_number)
        for earlier, later in zip(ordered, ordered[1:]):
            if later.starts_at < earlier.starts_at + timedelta(minutes=earlier.duration_minutes) and (
                    self.plan.round_number in (earlier.round_number, later.round_number)):
                self.add(WARNING, "round_order", _(
                    "Round {later} starts before round {earlier} has ended."
                ).format(later=later.round_number, earlier=earlier.round_number), field="starts_at")

    # -- each side: office hours, weekend, clock changes --
    def check_side(self, side: Side) -> None:
        tz = zone_or_none(side.zone_name)
        where = f"{side.label} ({side.zone_name})"
        if tz is None:
            self.add(WARNING, "unknown_timezone", _(
                "{side} has the time zone '{zone}', which is not known; its local times cannot be checked."
            ).format(side=side.label, zone=side.zone_name), field="starts_at")
            return
        start, end = self.plan.starts_at, self.plan.ends_at
        hours = side.hours(self.hours)
        if hours.slack(start, end, tz) is None:
            self.add(WARNING, "office_hours", _(
                "In {where} the workshop runs {span} local time, outside office hours ({hours})."
            ).format(where=where, span=format_span(start, end, tz), hours=hours.label()), field="starts_at")
        local_start = start.astimezone(tz)
        holiday = holiday_name(side.country, local_start.date())
        if holiday:
            self.add(WARNING, "holiday", _(
                "In {where} the workshop falls on a public holiday: {name} ({date})."
            ).format(where=where, name=holiday, date=local_start.strftime("%d %b %Y")), field="starts_at")
        if local_start.weekday() >= 5:
            self.add(WARNING, "weekend", _(
                "In {where} the workshop falls on a {day} ({date})."
            ).format(where=where, day=local_start.strftime("%A"), date=local_start.strftime("%d %b %Y")),
                field="starts_at")
        during = clock_changes(side.zone_name, start, end)
        if during:
            self.add(WARNING, "dst_during", _(
                "The clocks change in {where} during the workshop ({change}); check every local time."
            ).format(where=where, change=during[0].describe()), field="starts_at")
        else:
            day_start, day_end = local_day_bounds(start, end, tz)
            same_day = clock_changes(side.zone_name, day_start, day_end)
            if same_day:
                self.add(WARNING, "dst_same_day", _(
                    "The clocks change in {where} on the day of the workshop ({change}); calendars there may "
                    "show an unexpected time."
                ).format(where=where, change=same_day[0].describe()), field="starts_at")
        if side.is_partner and start > self.now:
            then, today = offset_at(tz, start), offset_at(tz, self.now)
            if then != today:
                assert self.iad_zone is not None
                gap_then = then - offset_at(self.iad_zone, start)
                gap_today = today - offset_at(self.iad_zone, self.now)
                self.add(WARNING, "offset_differs_from_today", _(
                    "On {date} {where} is {then} (today {today}): the clock difference to {iad} will be {gap_then}, "
                    "not {gap_today} as today."
                ).format(date=start.astimezone(tz).strftime("%d %b %Y"), where=where, then=format_offset(then),
                         today=format_offset(today), iad=self.settings.iad_timezone,
                         gap_then=format_hours(gap_then), gap_today=format_hours(gap_today)), field="starts_at")

    def check_rounds_shift(self) -> None:
        """Same IAD time, different partner time: the clocks changed between two rounds."""
        rounds = self.rounds()
        previous = [r for r in rounds if r.round_number < self.plan.round_number]
        if not previous or self.iad_zone is None:
            return
        before = previous[-1]
        for side in self.context.partners:
            tz = zone_or_none(side.zone_name)
            if tz is None:
                continue
            gap_before = offset_at(tz, before.starts_at) - offset_at(self.iad_zone, before.starts_at)
            gap_now = offset_at(tz, self.plan.starts_at) - offset_at(self.iad_zone, self.plan.starts_at)
            if gap_before != gap_now:
                self.add(WARNING, "dst_between_rounds", _(
                    "The clocks change in {side} ({zone}) between round {earlier} and round {round}: the clock "
                    "difference to {iad} goes from {gap_before} to {gap_now}, so the same {iad} time is a different "
                    "local time there."
                ).format(side=side.label, zone=side.zone_name, earlier=before.round_number,
                         round=self.plan.round_number, iad=self.settings.iad_timezone,
                         gap_before=format_hours(gap_before), gap_now=format_hours(gap_now)), field="starts_at")


def iad_side(settings: Settings) -> Side:
    """The IAD as a side of the call: its zone, the settings' office hours, its country's holidays."""
    return Side(_("IAD"), settings.iad_timezone, is_partner=False, country=country_of_zone(settings.iad_timezone) or "")


def partner_side(partner: Partner) -> Side:
    """A partner as a side of the call: its zone, its own office hours if set, its country's holidays."""
    hours = None
    if partner.office_hours_start.strip() and partner.office_hours_end.strip():
        try:
            hours = OfficeHours.parse(partner.office_hours_start, partner.office_hours_end)
        except ValidationError:
            hours = None  # refused when saved; an older value falls back to the settings' hours
    return Side(partner.name, partner.timezone, office_hours=hours,
                country=country_code(partner.country, partner.timezone) or "")


def check_plan(plan: WorkshopPlan, context: PlanContext, settings: Settings | None = None,
               now: datetime | None = None) -> list[Problem]:
    """Every rule the plan breaks, errors first. Raises only for unusable settings (office hours)."""
    return _Checker(plan, context, settings or Settings(), now or datetime.now(UTC)).run()


# ---- reading plans and their context -------------------------------------------------
def _speaker_plan(speaker: PanelSpeaker) -> SpeakerPlan:
    if speaker.person is not None:
        person = speaker.person
        return SpeakerPlan(person.display_name, person_id=person.id,
                           aliases=tuple(n for n in (person.name_en, person.name_zh) if n))
    contact = speaker.contact
    assert contact is not None
    return SpeakerPlan(contact.name, contact_id=contact.id)


def plan_from_workshop(workshop: Workshop) -> WorkshopPlan:
    return WorkshopPlan(
        id=workshop.id, exchange_id=workshop.exchange_id, round_number=workshop.round_number,
        starts_at=workshop.starts_at, duration_minutes=workshop.duration_minutes, platform=workshop.platform,
        link=workshop.link, interpretation_languages=workshop.interpretation_languages,
        interpreter=workshop.interpreter, status=workshop.status, minutes=workshop.minutes,
        outcome=workshop.outcome, continues_independently=workshop.continues_independently,
        version=workshop.version,
        panels=[
            PanelPlan(
                key=panel.id, id=panel.id, version=panel.version, title=panel.title, title_zh=panel.title_zh,
                description=panel.description,
                track=panel.track, starts_at=panel.starts_at, duration_minutes=panel.duration_minutes,
                moderator=panel.moderator, interpretation_needed=panel.interpretation_needed,
                language_pair=panel.language_pair, interpreter=panel.interpreter,
                speakers=[_speaker_plan(s) for s in panel.speakers],
            )
            for panel in workshop.panels
        ],
    )


def get_workshop(session: Session, workshop_id: int) -> Workshop:
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFoundError(
            _("The workshop #{id} no longer exists; someone may have deleted it.").format(id=workshop_id)
        )
    return workshop


def load_plan(session: Session, workshop_id: int) -> WorkshopPlan:
    """The stored workshop and its panels as a plan."""
    return plan_from_workshop(get_workshop(session, workshop_id))


def round_label(title: str, round_number: int) -> str:
    return _("round {round} of '{title}'").format(round=round_number, title=title)


def load_context(session: Session, plan: WorkshopPlan, margin: timedelta = timedelta(hours=12)) -> PlanContext:
    """The exchange, its partners and rounds, and interpreter bookings near the plan's time.

    Bookings are read for the plan's span widened by `margin`, so small edits in the
    planner are checked without reading them again (see `PlanContext.covers`).
    """
    exchange = session.get(Exchange, plan.exchange_id)
    if exchange is None:
        raise NotFoundError(
            _("The exchange #{id} no longer exists; someone may have deleted it.").format(id=plan.exchange_id)
        )
    rounds = tuple(
        RoundInfo(w.id, w.round_number, w.starts_at, w.duration_minutes, w.status) for w in exchange.workshops
    )
    partners = tuple(partner_side(p) for p in exchange.partners)
    first = min([plan.starts_at, *(p.starts_at for p in plan.panels)]) - margin
    last = max([plan.ends_at, *(p.ends_at for p in plan.panels)]) + margin
    query = (
        select(Workshop, Exchange.title)
        .join(Exchange, Workshop.exchange_id == Exchange.id)
        .where(Workshop.starts_at < last, Workshop.starts_at > first - BOOKING_LOOKBACK,
               Workshop.status != WorkshopStatus.CANCELLED)
        .options(selectinload(Workshop.panels))
    )
    if plan.id is not None:
        query = query.where(Workshop.id != plan.id)
    bookings: list[Booking] = []
    for workshop, title in session.execute(query):
        label = round_label(title, workshop.round_number)
        end = workshop.starts_at + timedelta(minutes=workshop.duration_minutes)
        for name in split_names(workshop.interpreter):
            bookings.append(Booking(workshop.id, None, name, workshop.starts_at, end, label))
        for panel in workshop.panels:
            for name in split_names(panel.interpreter):
                bookings.append(Booking(
                    workshop.id, panel.id, name, panel.starts_at,
                    panel.starts_at + timedelta(minutes=panel.duration_minutes),
                    _("{round}, panel '{title}'").format(round=label, title=panel.title),
                ))
    return PlanContext(
        exchange_title=exchange.title, kind=exchange.kind, planned_rounds=exchange.planned_rounds,
        rounds=rounds, partners=partners, bookings=tuple(bookings), window=(first, last),
    )


def check_draft(session: Session, plan: WorkshopPlan, settings: Settings | None = None,
                now: datetime | None = None) -> list[Problem]:
    """Check a plan (saved or not) against the database's other workshops."""
    return check_plan(plan, load_context(session, plan), settings, now)


def check_workshop(session: Session, workshop_id: int, settings: Settings | None = None,
                   now: datetime | None = None) -> list[Problem]:
    """Check a stored workshop."""
    return check_draft(session, load_plan(session, workshop_id), settings, now)


def describe_problems(problems: Sequence[Problem]) -> str:
    return " ".join(f"({index}) {problem.message}" for index, problem in enumerate(problems, start=1))


def blocking_error(problems: Sequence[Problem]) -> ValidationError | None:
    """The error that refuses confirming a workshop with these problems, or None when none blocks."""
    errors = [problem for problem in problems if problem.is_error]
    if not errors:
        return None
    if len(errors) == 1:
        text = _("This workshop cannot be confirmed: 1 problem must be solved first: {list}")
    else:
        text = _("This workshop cannot be confirmed: {n} problems must be solved first: {list}")
    return ValidationError("status", text.format(n=len(errors), list=describe_problems(errors)))


def confirm_workshop(session: Session, actor: Actor, workshop_id: int, settings: Settings | None = None,
                     now: datetime | None = None) -> Workshop:
    """Set a workshop's status to confirmed, or refuse with ValidationError('status') while errors remain."""
    actor.require(UserRole.OFFICER, _("confirm a workshop"))
    refusal = blocking_error(check_workshop(session, workshop_id, settings, now))
    if refusal is not None:
        raise refusal
    return workshops.update(session, actor, workshop_id, status=WorkshopStatus.CONFIRMED, rules_checked=True)


def panels_in_order(workshop: Workshop) -> list[Panel]:
    """A workshop's panels by start, then track (the order of an agenda)."""
    return sorted(workshop.panels, key=lambda p: (p.starts_at, p.track.casefold(), p.id))
