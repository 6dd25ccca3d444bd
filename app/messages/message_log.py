"""The log of every message written or sent, and what it changes where the work is.

Each message to each recipient gets one line: sent, drafted, failed (with the server's
answer) or no_address. A sent message also lands where the work is: outreach is marked
contacted with a line in its notes, a message to a partner contact is added to the
follow-up contact log of the departments concerned, and a report shows when its owner
was reminded. A batch resumed after an interruption leaves out every message whose
purpose was already sent to that address (`already_sent`).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.i18n import _
from app.messages import templates as t
from app.messages.compose import NO_ADDRESS, Message
from app.outcomes.follow_ups import log_contact
from app.topics.records import outreach as outreach_records
from models import MessageLogEntry, Outreach
from models.base import utc_now
from models.enums import ContactChannel, OutreachStatus, UserRole

SENT, DRAFTED, FAILED = "sent", "drafted", "failed"
RESULTS = (SENT, DRAFTED, FAILED, NO_ADDRESS)
PARTNER_KINDS = (t.OUTREACH, t.INVITATION, t.THANK_YOU)


def result_label(result: str) -> str:
    return {SENT: _("sent"), DRAFTED: _("draft written"), FAILED: _("failed"),
            NO_ADDRESS: _("not written: no usable address")}[result]


def _key(purpose: str, email: str) -> tuple[str, str]:
    return purpose, email.strip().casefold()


def already_sent(session: Session, messages: Iterable[Message]) -> dict[tuple[str, str], datetime]:
    """(purpose, address) -> when it was sent, for the messages of this batch that went out before."""
    purposes = sorted({m.purpose for m in messages})
    found: dict[tuple[str, str], datetime] = {}
    for start in range(0, len(purposes), 500):
        rows = session.execute(
            select(MessageLogEntry.purpose, MessageLogEntry.recipient_email, MessageLogEntry.at)
            .where(MessageLogEntry.purpose.in_(purposes[start:start + 500]), MessageLogEntry.result == SENT))
        for purpose, email, at in rows:
            found.setdefault(_key(purpose, email), at)
    return found


def still_to_send(session: Session, messages: Sequence[Message]) -> list[Message]:
    """The messages of a batch that have not gone out yet (and can): what a resumed batch sends."""
    sent = already_sent(session, messages)
    return [m for m in messages if m.ready and _key(m.purpose, m.to_email) not in sent]


@dataclass(frozen=True)
class Outcome:
    result: str  # SENT, DRAFTED, FAILED, NO_ADDRESS
    channel: str  # "smtp" or "draft"
    detail: str = ""
    message_id: str = ""


def record_outcome(session: Session, actor: Actor, message: Message, outcome: Outcome, *,
                   today: date | None = None) -> MessageLogEntry:
    """Log one message and bring the outreach, follow-up and report records up to date; the caller commits."""
    actor.require(UserRole.OFFICER, _("send messages"))
    today = today or date.today()
    entry = MessageLogEntry(
        at=utc_now(), kind=message.kind, purpose=message.purpose, language=message.language,
        recipient_name=message.to_name[:300], recipient_email=message.to_email[:200], subject=message.subject[:300],
        body=message.body, attachments=message.attachment_names, channel=outcome.channel, result=outcome.result,
        detail=outcome.detail, message_id=outcome.message_id[:200], username=actor.username[:100],
        report_id=message.report_id, outreach_id=message.outreach_id,
    )
    session.add(entry)
    session.flush()
    if outcome.result in (SENT, DRAFTED):
        _update_where_the_work_is(session, actor, message, outcome, today)
    return entry


def _update_where_the_work_is(session: Session, actor: Actor, message: Message, outcome: Outcome,
                              today: date) -> None:
    sent = outcome.result == SENT
    if message.outreach_id is not None:
        offer = session.get(Outreach, message.outreach_id)
        if offer is not None:
            what = _("e-mail sent") if sent else _("e-mail draft written")
            line = f"{today.isoformat()}: {what} to {message.to_name} <{message.to_email}>: {message.subject}"
            values: dict[str, Any] = {"notes": (offer.notes.rstrip() + "\n" + line).strip()}
            if sent:
                if offer.contacted_on is None:
                    values["contacted_on"] = today
                if offer.status == OutreachStatus.PLANNED:
                    values["status"] = OutreachStatus.CONTACTED
            outreach_records.update(session, actor, offer.id, **values)
    if sent and message.kind in PARTNER_KINDS and message.partner_id is not None:
        for department_id in message.department_ids:
            log_contact(session, actor, department_id=department_id, partner_id=message.partner_id,
                        contact_date=today, channel=ContactChannel.EMAIL, people=message.to_name[:300],
                        summary=_("E-mail from the IAD ({kind}): {subject}").format(
                            kind=t.kind_label(message.kind).lower(), subject=message.subject))


@dataclass(frozen=True)
class LogLine:
    id: int
    at: datetime
    kind: str
    purpose: str
    recipient_name: str
    recipient_email: str
    subject: str
    channel: str
    result: str
    detail: str
    message_id: str
    username: str


def _line(entry: MessageLogEntry) -> LogLine:
    return LogLine(entry.id, entry.at, entry.kind, entry.purpose, entry.recipient_name, entry.recipient_email,
                   entry.subject, entry.channel, entry.result, entry.detail, entry.message_id, entry.username)


def message_history(session: Session, *, kind: str | None = None, purposes: Sequence[str] = (),
                    limit: int = 1000) -> list[LogLine]:
    """The newest lines first, of one kind or one batch's purposes."""
    query = select(MessageLogEntry).order_by(MessageLogEntry.at.desc(), MessageLogEntry.id.desc()).limit(limit)
    if kind is not None:
        query = query.where(MessageLogEntry.kind == kind)
    if purposes:
        query = query.where(MessageLogEntry.purpose.in_(list(purposes)))
    return [_line(entry) for entry in session.scalars(query)]


def reminders_for_report(session: Session, report_id: int) -> list[LogLine]:
    """The reminders sent (or drafted) to a report's owner, newest first."""
    return [_line(entry) for entry in session.scalars(
        select(MessageLogEntry).where(MessageLogEntry.report_id == report_id,
                                      MessageLogEntry.result.in_((SENT, DRAFTED)))
        .order_by(MessageLogEntry.at.desc(), MessageLogEntry.id.desc()))]


def last_reminder_by_report(session: Session, report_ids: Iterable[int]) -> dict[int, date]:
    """report id -> the day of its last reminder sent, for lists."""
    ids = sorted(set(report_ids))
    found: dict[int, date] = {}
    for start in range(0, len(ids), 500):
        for report_id, at in session.execute(
                select(MessageLogEntry.report_id, MessageLogEntry.at)
                .where(MessageLogEntry.report_id.in_(ids[start:start + 500]), MessageLogEntry.result == SENT)):
            day = at.date()
            if report_id is not None and (report_id not in found or found[report_id] < day):
                found[report_id] = day
    return found
