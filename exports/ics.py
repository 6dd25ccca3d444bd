"""Calendar invitations (RFC 5545 .ics) for workshops, written with the icalendar library.

One VEVENT per workshop, its start and end in the IAD's zone (DTSTART;TZID=...), with
the VTIMEZONE definition of that zone in the file (icalendar builds it from zoneinfo),
so Outlook, Google Calendar and Apple Calendar show it at the right local time on
every side. The UID is stable per workshop and SEQUENCE is the workshop's version, so
sending the invitation again after a change updates the event instead of adding a
second one. The description lists the panels with their times in the IAD's zone and
in each partner's zone.

Text from the database passes through `_line` (one-line values: the name, summary and
location: line breaks and control characters become spaces) or `_block` (the
description: line breaks kept as \\n escapes, control characters dropped) before it
reaches icalendar, so no stored text can start a property of its own. The services
refuse such characters in new text; this protects against older records and does not
rely on icalendar's `assert`, which `python -O` removes.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vCalAddress, vText
from sqlalchemy.orm import Session

from app.errors import AppError
from app.i18n import _
from app.output_files import write_bytes
from app.plain_text import one_line, without_controls
from app.planning.workshop_plan import InvitationData, invitation_data, round_ids
from app.planning.scheduling import PanelPlan, Side
from app.planning.zones import format_offset, format_span, offset_at, zone, zone_or_none
from models.enums import ExchangeKind, WorkshopStatus

PRODUCT_ID = "-//IAD Online Workshops//Calendar invitation//EN"
UID_DOMAIN = "iad-workshops"
STATUS = {
    WorkshopStatus.PLANNED: "TENTATIVE",
    WorkshopStatus.CONFIRMED: "CONFIRMED",
    WorkshopStatus.HELD: "CONFIRMED",
    WorkshopStatus.CANCELLED: "CANCELLED",
}


def _line(text: str) -> str:
    return one_line(text)


def _block(text: str) -> str:
    # icalendar escapes \n but not a lone \r, which some readers take for a line end.
    return without_controls(text.replace("\r\n", "\n").replace("\r", "\n"))


def event_uid(data: InvitationData) -> str:
    """Stable for the workshop's whole life; its creation time keeps two databases' workshop #5 apart."""
    created = data.created_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"workshop-{data.plan.id}-{created}@{UID_DOMAIN}"


def summary(data: InvitationData) -> str:
    title = _line(data.exchange_title)
    if data.kind == ExchangeKind.MULTI_ROUND:
        return _("{title} — round {round} of {rounds}").format(
            title=title, round=data.plan.round_number, rounds=data.planned_rounds)
    return title


def _clock(instant: datetime, tz: ZoneInfo) -> str:
    return instant.astimezone(tz).strftime("%H:%M")


def _panel_line(panel: PanelPlan, zones: Sequence[ZoneInfo], workshop_day: dict[ZoneInfo, date]) -> str:
    times = []
    for tz in zones:
        text = f"{_clock(panel.starts_at, tz)}–{_clock(panel.ends_at, tz)}"
        day = panel.starts_at.astimezone(tz).date()
        if day != workshop_day[tz]:
            text += f" ({day:%a %d %b})"
        times.append(text)
    parts = [" / ".join(times), f"[{panel.track}]", panel.title]
    details = []
    if panel.moderator.strip():
        details.append(_("moderator: {name}").format(name=panel.moderator.strip()))
    if panel.speakers:
        details.append(_("speakers: {names}").format(names=", ".join(s.name for s in panel.speakers)))
    if panel.interpretation_needed:
        interpretation = panel.language_pair.strip() or _("interpretation")
        if panel.interpreter.strip():
            interpretation += f" ({panel.interpreter.strip()})"
        details.append(_("interpretation: {what}").format(what=interpretation))
    line = "  ".join(parts)
    return line + ("\n    " + "; ".join(details) if details else "")


def description(data: InvitationData, iad_timezone: str) -> str:
    plan = data.plan
    iad = Side(_("IAD"), iad_timezone, is_partner=False)
    sides = [iad, *(p for p in data.partners if zone_or_none(p.zone_name) is not None)]
    zones = [zone(side.zone_name) for side in sides]
    lines = [summary(data), ""]
    for side, tz in zip(sides, zones):
        lines.append(f"{side.label} ({side.zone_name}, {format_offset(offset_at(tz, plan.starts_at))}): "
                     f"{format_span(plan.starts_at, plan.ends_at, tz)}")
    lines.append("")
    if plan.platform.strip():
        lines.append(_("Platform: {platform}").format(platform=plan.platform.strip()))
    if plan.link.strip():
        lines.append(_("Link: {link}").format(link=plan.link.strip()))
    if plan.interpretation_languages.strip() or plan.interpreter.strip():
        lines.append(_("Interpretation: {languages} {interpreter}").format(
            languages=plan.interpretation_languages.strip(),
            interpreter=f"({plan.interpreter.strip()})" if plan.interpreter.strip() else "").strip())
    if plan.panels:
        lines += ["", _("Panels ({zones}):").format(zones=" / ".join(side.zone_name for side in sides))]
        workshop_day = {tz: plan.starts_at.astimezone(tz).date() for tz in zones}
        for panel in sorted(plan.panels, key=lambda p: (p.starts_at, p.track.casefold())):
            lines.append(_panel_line(panel, zones, workshop_day))
    return "\n".join(lines).strip() + "\n"


def workshop_event(data: InvitationData, iad_timezone: str, stamp: datetime) -> Event:
    plan = data.plan
    tz = zone(iad_timezone, "iad_timezone")
    event = Event()
    event.add("uid", event_uid(data))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("sequence", max(0, (plan.version or 1) - 1))
    event.add("dtstart", plan.starts_at.astimezone(tz))
    event.add("dtend", plan.ends_at.astimezone(tz))
    event.add("summary", summary(data))
    event.add("status", STATUS[plan.status])
    event.add("transp", "OPAQUE")
    link = _line(plan.link)
    if link:
        event.add("location", link)
        if link.lower().startswith(("https://", "http://")) and " " not in link:
            event.add("url", link)
    elif _line(plan.platform):
        event.add("location", _line(plan.platform))
    event.add("description", _block(description(data, iad_timezone)))
    return event


def build_calendar(session: Session, workshop_ids: Sequence[int], iad_timezone: str, *,
                   name: str = "", now: datetime | None = None) -> Calendar:
    """A calendar with one event per workshop and the IAD zone's VTIMEZONE."""
    if not workshop_ids:
        raise AppError(_("There is no workshop to put in the invitation."))
    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if _line(name):
        # icalendar writes an X- property as it is given, without escaping a line break.
        calendar.add("x-wr-calname", _line(name))
    starts = []
    for workshop_id in workshop_ids:
        data = invitation_data(session, workshop_id)
        calendar.add_component(workshop_event(data, iad_timezone, stamp))
        starts.append(data.plan.starts_at)
    # The VTIMEZONE needs to cover the events (and a margin for moves after sending), not 1970-2038.
    calendar.add_missing_timezones(first_date=(min(starts) - timedelta(days=400)).date(),
                                   last_date=(max(starts) + timedelta(days=400)).date())
    return calendar


def _address(name: str, email: str, role: str | None = None) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name or email)
    if role is not None:
        address.params["role"] = vText(role)
        address.params["partstat"] = vText("NEEDS-ACTION")
        address.params["rsvp"] = vText("TRUE")
    return address


def personal_invitation(session: Session, workshop_id: int, iad_timezone: str, *, attendee: tuple[str, str],
                        organizer: tuple[str, str] | None, alarm_minutes: int = 30,
                        now: datetime | None = None) -> Calendar:
    """The invitation e-mailed to one person: them as ATTENDEE, and a reminder (VALARM).

    With the IAD's sender address as ORGANIZER it is a meeting request (METHOD:REQUEST) the
    reader can accept; without one it stays a published event, which every calendar imports.
    """
    calendar = build_calendar(session, [workshop_id], iad_timezone, now=now)
    if organizer is not None:
        calendar["method"] = "REQUEST"
    for event in calendar.walk("VEVENT"):
        if organizer is not None:
            event.add("organizer", _address(*organizer))
        event.add("attendee", _address(*attendee, role="REQ-PARTICIPANT"))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", str(event.get("summary", "")))
        alarm.add("trigger", timedelta(minutes=-alarm_minutes))
        event.add_component(alarm)
    return calendar


def write_calendar(calendar: Calendar, path: Path) -> Path:
    """Write atomically: a temporary file next to the target, renamed over it when complete."""
    return write_bytes(path, calendar.to_ical())


def write_workshop_ics(session: Session, workshop_id: int, path: Path, iad_timezone: str, *,
                       now: datetime | None = None) -> Path:
    """The invitation to one workshop."""
    return write_calendar(build_calendar(session, [workshop_id], iad_timezone, now=now), path)


def write_exchange_ics(session: Session, exchange_id: int, path: Path, iad_timezone: str, *,
                       now: datetime | None = None) -> Path:
    """The invitations to every round of an exchange, in one file."""
    ids = round_ids(session, exchange_id)
    if not ids:
        raise AppError(_("The exchange #{id} has no round to invite to yet.").format(id=exchange_id))
    title = invitation_data(session, ids[0]).exchange_title
    return write_calendar(build_calendar(session, ids, iad_timezone, name=title, now=now), path)


def suggested_file_name(session: Session, workshop_id: int) -> str:
    """A file name for the save dialog: the exchange's title and the round, safe on every system."""
    data = invitation_data(session, workshop_id)
    stem = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in data.exchange_title).strip()
    stem = "-".join(stem.split())[:60] or "workshop"
    return f"{stem}-round-{data.plan.round_number}.ics"
