"""Messages out: each one as an e-mail with its files attached, saved as an .eml draft or sent over SMTP.

Drafts carry `X-Unsent: 1`, so Outlook, Thunderbird and Foxmail open them ready to
send; they need no set-up. Sending goes through the office's server (STARTTLS, SSL or
plain, with a login whose password is in the keyring), one message at a time: each
result is handed to `record` at once so the log is written while the batch runs and an
interruption loses nothing. A temporary refusal (4xx) or a lost connection stops the
batch, since the next message would meet the same server; a refusal of one address
(5xx) fails that message only.
"""
from __future__ import annotations

import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from io import BytesIO
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import AppError, ValidationError
from app.i18n import _
from app.messages.compose import Message, address_problem, check_header
from app.messages.message_log import DRAFTED, FAILED, SENT, Outcome
from app.messages.recipients import Attachment
from app.output_files import safe_file_name, write_bytes
from app.settings import Settings
from app.storage.credentials import PasswordStore, smtp_account

SECURITY = ("starttls", "ssl", "none")


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    security: str
    username: str
    from_address: str
    from_name: str
    pause_seconds: float
    timeout: float = 30.0

    @classmethod
    def from_settings(cls, settings: Settings) -> MailServer:
        return cls(settings.smtp_host.strip(), int(settings.smtp_port), settings.smtp_security,
                   settings.smtp_username.strip(), settings.mail_from_address.strip(),
                   settings.mail_from_name.strip(), float(settings.mail_pause_seconds))

    @property
    def account(self) -> str:
        return smtp_account(self.username, self.host, self.port)

    def check(self) -> None:
        """Refuse settings no server would take, naming the field."""
        if not self.host:
            raise ValidationError("smtp_host", _("Give the mail server's name (Settings → Mail server)."))
        if not 0 < self.port < 65536:
            raise ValidationError("smtp_port", _("The mail server's port must be between 1 and 65535."))
        if self.security not in SECURITY:
            raise ValidationError("smtp_security", _("Choose STARTTLS, SSL or none for the mail server."))
        problem = address_problem(self.from_address)
        if problem:
            raise ValidationError("mail_from_address", _("The sender address: {problem}.").format(problem=problem))
        check_header("mail_from_name", self.from_name, _("sender name"))
        if self.pause_seconds < 0:
            raise ValidationError("mail_pause_seconds", _("The pause between messages cannot be negative."))


# ---- the files attached -----------------------------------------------------------
def attachment_file(session: Session, attachment: Attachment, message: Message, settings: Settings,
                    organizer: tuple[str, str] | None) -> tuple[bytes, str, str, dict[str, str]]:
    """(bytes, maintype, subtype, content-type parameters) of one attachment, made for this recipient."""
    if attachment.kind == "topic_form":
        from app.views.spreadsheet_data import form_context
        from exports.topic_form import topic_form_workbook

        semester_id, department_id = attachment.ids
        context = form_context(session, semester_id)
        department = next((d for d in context.departments if d.id == department_id), None)
        if department is None:
            raise AppError(_("The department #{id} no longer exists.").format(id=department_id))
        buffer = BytesIO()
        topic_form_workbook(context, department).save(buffer)
        return buffer.getvalue(), "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", {}
    if attachment.kind == "ics":
        from exports.ics import personal_invitation

        calendar = personal_invitation(session, attachment.ids[0], settings.iad_timezone,
                                       attendee=(message.to_name, message.to_email), organizer=organizer)
        return calendar.to_ical(), "text", "calendar", {"method": str(calendar["method"])}
    if attachment.kind == "certificate":
        from app.views.documents import certificate_data
        from exports.certificate_pdf import render_certificate

        person_id, exchange_id = attachment.ids
        data = certificate_data(session, person_id, exchange_id, settings.iad_timezone)
        language = settings.document_language("certificate")
        return render_certificate(data, language=language), "application", "pdf", {}
    raise AppError(_("Unknown attachment '{kind}'.").format(kind=attachment.kind))


# ---- the e-mail ---------------------------------------------------------------------
def build_email(session: Session, message: Message, settings: Settings, *, draft: bool,
                now: datetime | None = None) -> EmailMessage:
    """The e-mail of one message, with its attachments; a header with a line break is refused."""
    if not message.ready:
        raise ValidationError("to", _("The message to {name} cannot be written: {problem}.").format(
            name=message.to_name, problem=message.problem))
    server = MailServer.from_settings(settings)
    check_header("subject", message.subject, _("subject"))
    check_header("name", message.to_name, _("name"))
    email = EmailMessage()
    try:
        if server.from_address:
            email["From"] = Address(server.from_name, addr_spec=server.from_address)
        email["To"] = Address(message.to_name, addr_spec=message.to_email)
        email["Subject"] = message.subject
    except (ValueError, IndexError) as error:  # the email package's own header checks
        raise ValidationError("to", _("The message to {name} cannot be written: {error}").format(
            name=message.to_name, error=error)) from None
    email["Date"] = format_datetime((now or datetime.now(UTC)).astimezone())
    domain = server.from_address.rpartition("@")[2] or "iad-workshops.local"
    email["Message-ID"] = make_msgid(domain=domain)
    if draft:
        email["X-Unsent"] = "1"
    email.set_content(message.body)
    organizer = (server.from_name, server.from_address) if server.from_address else None
    for attachment in message.attachments:
        data, maintype, subtype, params = attachment_file(session, attachment, message, settings, organizer)
        email.add_attachment(data, maintype=maintype, subtype=subtype, filename=attachment.file_name,
                             params=params or None)
    return email


def draft_file_name(index: int, message: Message) -> str:
    return safe_file_name(f"{index:03d} {message.to_name} - {message.subject}", limit=100) + ".eml"


def write_draft(session: Session, message: Message, folder: Path, index: int, settings: Settings) -> tuple[Path, str]:
    """One .eml file in `folder`: (its path, its Message-ID)."""
    email = build_email(session, message, settings, draft=True)
    path = write_bytes(Path(folder) / draft_file_name(index, message), bytes(email))
    return path, str(email["Message-ID"])


# ---- sending --------------------------------------------------------------------------
class MailConnection:
    """One session with the office's mail server, opened on the first message."""

    def __init__(self, server: MailServer, password: str | None) -> None:
        self.server = server
        self.password = password
        self._smtp: smtplib.SMTP | None = None

    def open(self) -> None:
        server = self.server
        server.check()
        context = ssl.create_default_context()
        try:
            if server.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout,
                                                      context=context)
            else:
                smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
                if server.security == "starttls":
                    smtp.starttls(context=context)
            if server.username:
                smtp.login(server.username, self.password or "")
        except smtplib.SMTPAuthenticationError:
            raise AppError(_("The mail server {host} refused the login {user}; check the user name and "
                             "password.").format(host=server.host, user=server.username)) from None
        except (smtplib.SMTPException, OSError) as error:
            raise AppError(_("Cannot reach the mail server {host}:{port}: {error}").format(
                host=server.host, port=server.port, error=error or type(error).__name__)) from None
        self._smtp = smtp

    def send(self, email: EmailMessage) -> None:
        if self._smtp is None:
            self.open()
        assert self._smtp is not None
        self._smtp.send_message(email)

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None


def password_for(server: MailServer, store: PasswordStore) -> str | None:
    return store.lookup_account(server.account) if server.username else None


def send_one(connection: MailConnection, email: EmailMessage) -> tuple[Outcome, bool]:
    """Send one e-mail: (what to log, whether the batch must stop)."""
    message_id = str(email["Message-ID"])
    try:
        connection.send(email)
    except smtplib.SMTPRecipientsRefused as error:
        code, reply = next(iter(error.recipients.values()), (0, b""))
        return _refused(code, reply, message_id), 400 <= code < 500
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
        return _refused(error.smtp_code, error.smtp_error, message_id), 400 <= error.smtp_code < 500
    except (smtplib.SMTPServerDisconnected, smtplib.SMTPException, socket.timeout, OSError) as error:
        connection.close()
        return Outcome(FAILED, "smtp", _("The connection to the mail server was lost: {error}").format(
            error=str(error) or type(error).__name__), message_id), True
    return Outcome(SENT, "smtp", "", message_id), False


def _refused(code: int, reply: bytes | str, message_id: str) -> Outcome:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return Outcome(FAILED, "smtp", _("The mail server refused it: {code} {reply}").format(code=code, reply=text),
                   message_id)


@dataclass
class BatchReport:
    sent: int = 0
    failed: int = 0
    drafted: int = 0
    stopped: str = ""  # why the batch stopped before its end


def send_batch(items: Sequence[tuple[Message, EmailMessage]], connection: MailConnection,
               record: Callable[[Message, Outcome], None], *,
               progress: Callable[[int, int], None] | None = None,
               should_stop: Callable[[], bool] = lambda: False,
               sleep: Callable[[float], None] = time.sleep) -> BatchReport:
    """Send each e-mail and `record` its outcome at once; pause between messages; stop on server trouble."""
    report = BatchReport()
    try:
        for done, (message, email) in enumerate(items, 1):
            if should_stop():
                report.stopped = _("Stopped by the officer.")
                break
            if done > 1 and connection.server.pause_seconds:
                sleep(connection.server.pause_seconds)
            outcome, stop = send_one(connection, email)
            record(message, outcome)
            if outcome.result == SENT:
                report.sent += 1
            else:
                report.failed += 1
            if progress is not None:
                progress(done, len(items))
            if stop:
                report.stopped = outcome.detail
                break
    finally:
        connection.close()
    return report


def write_drafts(session: Session, messages: Sequence[Message], folder: Path, settings: Settings,
                 record: Callable[[Message, Outcome], None],
                 progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Every ready message as an .eml draft in `folder`; each logged as drafted (or failed, with why)."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    written = []
    for index, message in enumerate(messages, 1):
        try:
            path, message_id = write_draft(session, message, folder, index, settings)
        except AppError as error:  # this recipient's attachment or header: the others can still go
            record(message, Outcome(FAILED, "draft", str(error)))
            continue
        written.append(path)
        record(message, Outcome(DRAFTED, "draft", str(path), message_id))
        if progress is not None:
            progress(index, len(messages))
    return written


def today_local(settings: Settings) -> date:
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(settings.iad_timezone)).date()
