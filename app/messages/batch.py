"""A batch: every message of one kind for the records selected, split into what goes out and what does not.

`prepare_batch` is what the compose dialog and `iad-workshops mail` both start from:
the messages to send, the ones already sent for the same purpose (a resumed batch
leaves them out), and the ones that cannot go out with the reason, listed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.messages.compose import Message, compose
from app.messages.message_log import already_sent
from app.messages.recipients import Selection, recipients_for
from app.settings import Settings


@dataclass
class Batch:
    kind: str
    messages: list[Message]
    sent_before: dict[tuple[str, str], datetime] = field(default_factory=dict)

    def sent_on(self, message: Message) -> datetime | None:
        return self.sent_before.get((message.purpose, message.to_email.strip().casefold()))

    @property
    def to_send(self) -> list[Message]:
        return [m for m in self.messages if m.ready and self.sent_on(m) is None]

    @property
    def done_before(self) -> list[Message]:
        return [m for m in self.messages if m.ready and self.sent_on(m) is not None]

    @property
    def unusable(self) -> list[Message]:
        return [m for m in self.messages if not m.ready]


def prepare_batch(session: Session, kind: str, selection: Selection, settings: Settings, *,
                  language: str | None = None, today: date | None = None) -> Batch:
    today = today or date.today()
    recipients = recipients_for(session, kind, selection, today, settings)
    messages = compose(session, kind, recipients, settings, language=language, today=today)
    return Batch(kind, messages, already_sent(session, messages))
