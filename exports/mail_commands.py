"""`iad-workshops mail KIND …`: a batch of the cycle's messages as .eml drafts, sent over SMTP, or printed."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import AppError
from app.i18n import _
from app.messages.templates import KINDS, LANGUAGES
from app.records import record_id
from app.settings import Settings

if TYPE_CHECKING:
    from app.messages.batch import Batch
    from app.messages.compose import Message
    from exports.command_line import OpenDatabase, SubParsers


def register(commands: SubParsers, open_db: OpenDatabase) -> None:
    parser = commands.add_parser(
        "mail", help=_("write the cycle's e-mails as drafts, send them, or print them"),
        description=_("One message per recipient of KIND for the records chosen, from the templates, in each "
                      "reader's language. --drafts writes .eml files that Outlook, Thunderbird or Foxmail open "
                      "ready to send; --send sends through the mail server of the settings (its password in the "
                      "keyring); --dry-run prints the messages. Every message written or sent is logged, and a "
                      "message already sent for the same purpose is never sent again."))
    parser.add_argument("kind", metavar="KIND", choices=KINDS, help=" | ".join(KINDS))
    parser.add_argument("--semester", metavar="NAME", help=_("the semester (call_for_topics, outreach, "
                                                             "overdue_reminder)"))
    parser.add_argument("--workshop", metavar="ID", type=record_id, help=_("the workshop (invitation, "
                                                                    "preparation_reminder, certificate)"))
    parser.add_argument("--exchange", metavar="ID", type=record_id, help=_("the exchange (thank_you, certificate)"))
    parser.add_argument("--record", metavar="ID", type=record_id, action="append", default=[],
                        help=_("only this outreach or report (repeat for more)"))
    parser.add_argument("--language", choices=LANGUAGES, help=_("write every message in this language"))
    way = parser.add_mutually_exclusive_group(required=True)
    way.add_argument("--drafts", metavar="DIR", type=Path, help=_("write .eml drafts into DIR"))
    way.add_argument("--send", action="store_true", help=_("send through the mail server"))
    way.add_argument("--dry-run", action="store_true", help=_("print the messages; write and log nothing"))
    parser.add_argument("--ask-password", action="store_true",
                        help=_("ask for the mail server's password instead of taking it from the keyring"))

    def run(args: argparse.Namespace) -> int:
        settings = Settings.load()
        database = open_db(args)
        try:
            return _run(args, database, settings)
        finally:
            database.close()

    parser.set_defaults(func=run)


def _selection(session: Any, args: argparse.Namespace) -> Any:
    from app.messages.recipients import Selection
    from app.views.spreadsheet_data import semester_named

    semester_id = semester_named(session, args.semester).id if args.semester else None
    return Selection(semester_id=semester_id, workshop_id=args.workshop, exchange_id=args.exchange,
                     record_ids=tuple(args.record))


def _describe(message: Message) -> str:
    return f"{message.to_name} <{message.to_email}>" if message.to_email else message.to_name


def _print_message(message: Message) -> None:
    print(_("To: {to}").format(to=_describe(message)))
    print(_("Subject: {subject}").format(subject=message.subject))
    if message.attachments:
        print(_("Attached: {files}").format(files=", ".join(a.file_name for a in message.attachments)))
    print()
    print(message.body.rstrip())
    print("-" * 72)


def _list_left_out(batch: Batch) -> None:
    for message in batch.done_before:
        sent_on = batch.sent_on(message)
        print(_("Already sent on {day}, not again: {to}").format(
            day=sent_on.date().isoformat() if sent_on else "?", to=_describe(message)))
    for message in batch.unusable:
        print(_("Not written: {to}: {problem}").format(to=_describe(message), problem=message.problem))


def _run(args: argparse.Namespace, database: Any, settings: Settings) -> int:
    from app.messages.batch import prepare_batch
    from app.messages.compose import NO_ADDRESS
    from app.messages.message_log import Outcome, record_outcome
    from app.storage.users import resolve_actor
    from models.enums import UserRole
    from exports.mail import today_local

    today = today_local(settings)
    with database.sessions() as session:
        batch = prepare_batch(session, args.kind, _selection(session, args), settings, language=args.language,
                              today=today)
        if args.dry_run:
            for message in batch.to_send:
                _print_message(message)
            _list_left_out(batch)
            print(_("{n} message(s) would go out; dry run: nothing was written, sent or logged.").format(
                n=len(batch.to_send)))
            return 0
        actor = resolve_actor(session)
        actor.require(UserRole.OFFICER, _("send messages"))  # before anything goes out unlogged

        def record(message: Message, outcome: Outcome) -> None:
            with database.transaction() as log_session:
                record_outcome(log_session, actor, message, outcome, today=today)

        for message in batch.unusable:
            record(message, Outcome(NO_ADDRESS, "draft" if args.drafts else "smtp", message.problem))
        _list_left_out(batch)
        if args.drafts:
            from exports.mail import write_drafts

            def record_and_say(message: Message, outcome: Outcome) -> None:
                record(message, outcome)
                if outcome.result != "drafted":
                    print(_("Not written: {to}: {why}").format(to=_describe(message), why=outcome.detail))

            written = write_drafts(session, batch.to_send, args.drafts, settings, record_and_say)
            print(_("Wrote {n} draft(s) into {folder}.").format(n=len(written), folder=args.drafts))
            return 0 if len(written) == len(batch.to_send) else 1
        return _send(session, batch, settings, record, ask=args.ask_password)


def _send(session: Any, batch: Batch, settings: Settings, record: Any, *, ask: bool) -> int:
    from app.storage.credentials import password_store
    from exports.mail import MailConnection, MailServer, build_email, password_for, send_batch

    server = MailServer.from_settings(settings)
    server.check()
    password = None
    if server.username:
        password = getpass.getpass(_("Password of {user} at {host}: ").format(
            user=server.username, host=server.host)) if ask else password_for(server, password_store())
        if password is None:
            raise AppError(_("No password for {user} at {host} in the keyring; save it in the window's Settings "
                             "or add --ask-password.").format(user=server.username, host=server.host))
    from app.messages.message_log import FAILED, Outcome

    items = []
    for message in batch.to_send:
        try:
            items.append((message, build_email(session, message, settings, draft=False)))
        except AppError as error:  # this recipient's attachment or header: the others can still go
            record(message, Outcome(FAILED, "smtp", str(error)))
            print(_("Not sent: {to}: {why}").format(to=_describe(message), why=error))
    unbuilt = len(batch.to_send) - len(items)

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    def record_and_say(message: Message, outcome: Any) -> None:
        record(message, outcome)
        print(f"\r{_describe(message)}: {outcome.result}" + (f" ({outcome.detail})" if outcome.detail else ""))

    report = send_batch(items, MailConnection(server, password), record_and_say, progress=progress)
    print(file=sys.stderr)
    print(_("{sent} sent, {failed} failed, {left} not attempted.").format(
        sent=report.sent, failed=report.failed + unbuilt, left=len(items) - report.sent - report.failed))
    if report.stopped:
        print(_("Stopped: {why} Run the same command again to send the rest; nothing is sent twice.").format(
            why=report.stopped))
    return 1 if report.failed or report.stopped or unbuilt else 0
