"""Sending through a real SMTP server (aiosmtpd on 127.0.0.1): what it received is what the log says was sent.

The server refuses the third message with a 4xx in one test and drops the connection
on it in another; the batch stops there, and a resumed batch sends only the rest.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.cli import main
from app.errors import AppError
from app.messages import templates as t
from app.messages.batch import prepare_batch
from app.messages.message_log import record_outcome
from app.messages.recipients import Selection
from app.settings import Settings
from exports import mail
from models import MessageLogEntry
from tests.smtp_server import SmtpServer

TODAY = date(2026, 11, 20)


def _settings(server: SmtpServer, **overrides: Any) -> Settings:
    values: dict[str, Any] = dict(smtp_host=server.host, smtp_port=server.port, smtp_security="none",
                                  mail_from_address="iad@sjtu.edu.cn", mail_pause_seconds=0.5)
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def five_departments(make_semester: Callable[..., Any], make_department: Callable[..., Any]) -> int:
    semester = make_semester(name="2027 Spring")
    for n in range(1, 6):
        make_department(name_en=f"Office {n}", name_zh=f"办公室{n}", contact_email=f"office{n}@sjtu.edu.cn")
    make_department(name_en="Office without mail", name_zh="无邮箱办公室", contact_email="")
    return int(semester.id)


def _send(db_session: Session, officer: Actor, settings: Settings, semester_id: int,
          pauses: list[float]) -> mail.BatchReport:
    batch = prepare_batch(db_session, t.CALL_FOR_TOPICS, Selection(semester_id=semester_id), settings, today=TODAY)
    items = [(m, mail.build_email(db_session, m, settings, draft=False)) for m in batch.to_send]
    connection = mail.MailConnection(mail.MailServer.from_settings(settings), None)
    return mail.send_batch(items, connection,
                           lambda m, o: record_outcome(db_session, officer, m, o, today=TODAY), sleep=pauses.append)


def _log(db_session: Session, result: str) -> list[MessageLogEntry]:
    return list(db_session.scalars(select(MessageLogEntry).where(MessageLogEntry.result == result)
                                   .order_by(MessageLogEntry.id)))


def _server_matches_log(db_session: Session, server: SmtpServer) -> None:
    sent = _log(db_session, "sent")
    assert [e.message_id for e in sent] == server.handler.message_ids
    assert [[e.recipient_email] for e in sent] == [r.envelope_to for r in server.handler.received]
    assert [e.subject for e in sent] == [str(r.message["Subject"]) for r in server.handler.received]
    for entry, received in zip(sent, server.handler.received):
        assert received.message.get_body(("plain",)).get_content().rstrip() == entry.body.rstrip()
        assert [p.get_filename() for p in received.message.iter_attachments()] == entry.attachments.splitlines()


def test_a_batch_sends_one_message_per_department_with_pauses(
        db_session: Session, officer: Actor, smtp_server: SmtpServer, five_departments: int) -> None:
    pauses: list[float] = []
    report = _send(db_session, officer, _settings(smtp_server), five_departments, pauses)
    assert (report.sent, report.failed, report.stopped) == (5, 0, "")
    assert pauses == [0.5] * 4
    _server_matches_log(db_session, smtp_server)
    received = smtp_server.handler.received[0].message
    assert received.get("X-Unsent") is None
    assert str(received["From"]) == "International Affairs Division <iad@sjtu.edu.cn>"
    again = _send(db_session, officer, _settings(smtp_server), five_departments, [])
    assert (again.sent, len(smtp_server.handler.received)) == (0, 5)


@pytest.mark.parametrize("trouble", ["refuse", "drop"])
def test_server_trouble_on_the_third_stops_and_the_resumed_batch_sends_only_the_rest(
        db_session: Session, officer: Actor, smtp_server: SmtpServer, five_departments: int, trouble: str) -> None:
    getattr(smtp_server.handler, trouble).add(3)
    report = _send(db_session, officer, _settings(smtp_server), five_departments, [])
    assert (report.sent, report.failed) == (2, 1)
    assert report.stopped
    [failed] = _log(db_session, "failed")
    assert failed.recipient_email == "office3@sjtu.edu.cn"
    assert ("451" in failed.detail) if trouble == "refuse" else ("connection" in failed.detail)
    assert len(smtp_server.handler.received) == 2
    _server_matches_log(db_session, smtp_server)

    resumed = _send(db_session, officer, _settings(smtp_server), five_departments, [])
    assert (resumed.sent, resumed.failed, resumed.stopped) == (3, 0, "")
    assert [r.envelope_to for r in smtp_server.handler.received] == [
        [f"office{n}@sjtu.edu.cn"] for n in range(1, 6)]
    _server_matches_log(db_session, smtp_server)


def test_a_refused_address_fails_that_message_only(
        db_session: Session, officer: Actor, smtp_server: SmtpServer, five_departments: int) -> None:
    class Refusing(mail.MailConnection):
        def send(self, email: Any) -> None:
            if "office2@" in str(email["To"]):
                import smtplib

                raise smtplib.SMTPRecipientsRefused({"office2@sjtu.edu.cn": (550, b"5.1.1 No such user")})
            super().send(email)

    settings = _settings(smtp_server)
    batch = prepare_batch(db_session, t.CALL_FOR_TOPICS, Selection(semester_id=five_departments), settings,
                          today=TODAY)
    items = [(m, mail.build_email(db_session, m, settings, draft=False)) for m in batch.to_send]
    report = mail.send_batch(items, Refusing(mail.MailServer.from_settings(settings), None),
                             lambda m, o: record_outcome(db_session, officer, m, o, today=TODAY), sleep=lambda s: None)
    assert (report.sent, report.failed, report.stopped) == (4, 1, "")
    [failed] = _log(db_session, "failed")
    assert "550 5.1.1 No such user" in failed.detail
    _server_matches_log(db_session, smtp_server)


def test_unreachable_server_and_bad_settings_are_one_sentence(smtp_server: SmtpServer) -> None:
    from tests.smtp_server import free_port

    closed = replace(mail.MailServer.from_settings(_settings(smtp_server)), port=free_port())
    with pytest.raises(AppError, match="Cannot reach the mail server 127.0.0.1"):
        mail.MailConnection(closed, None).open()
    with pytest.raises(AppError, match="mail server's name"):
        mail.MailServer.from_settings(Settings()).check()
    with pytest.raises(AppError, match="sender address"):
        mail.MailServer.from_settings(_settings(smtp_server, mail_from_address="iad\r\nBcc: x@y.org")).check()


# ---- the command line ---------------------------------------------------------------------
def _cli_database(tmp_path: Path) -> str:
    from app.storage.database import open_database
    from models import Department, Semester

    url = f"sqlite:///{tmp_path / 'mail.sqlite3'}"
    database = open_database(url, backup_dir=tmp_path / "backups")
    with database.transaction() as session:
        session.add(Semester(name="2027 Spring", starts_on=date(2027, 2, 20), ends_on=date(2027, 7, 10),
                             topic_deadline=date(2026, 12, 20)))
        for n in range(1, 5):
            session.add(Department(name_en=f"Office {n}", name_zh=f"办公室{n}", contact_email=f"office{n}@sjtu.edu.cn"))
        session.add(Department(name_en="Office without mail", name_zh="无邮箱办公室"))
    database.close()
    return url


def test_mail_command_dry_run_drafts_and_send(tmp_path: Path, smtp_server: SmtpServer,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    url = _cli_database(tmp_path)
    _settings(smtp_server, mail_pause_seconds=0).save()
    smtp_server.handler.refuse.add(3)
    common = ["--database", url, "mail", "call_for_topics", "--semester", "2027 spring"]

    assert main([*common, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.count("Subject: 2027 Spring 国际在线研讨会选题征集") == 4
    assert "Not written: 无邮箱办公室: no e-mail address on record" in out
    assert "nothing was written, sent or logged" in out

    assert main([*common, "--drafts", str(tmp_path / "drafts")]) == 0
    assert len(list((tmp_path / "drafts").glob("*.eml"))) == 4

    assert main([*common, "--send"]) == 1
    out = capsys.readouterr().out
    assert "2 sent, 1 failed, 1 not attempted." in out and "Run the same command again" in out
    assert main([*common, "--send"]) == 0
    out = capsys.readouterr().out
    assert "2 sent, 0 failed, 0 not attempted." in out
    assert out.count("Already sent on") == 2
    assert sorted(r.envelope_to[0] for r in smtp_server.handler.received) == [
        f"office{n}@sjtu.edu.cn" for n in range(1, 5)]

    from app.storage.database import open_database

    database = open_database(url)
    with database.sessions() as session:
        results = [(e.recipient_email, e.channel, e.result) for e in session.scalars(
            select(MessageLogEntry).order_by(MessageLogEntry.id))]
    database.close()
    assert results.count(("", "draft", "no_address")) == 1
    assert sum(1 for r in results if r[2] == "drafted") == 4
    assert sorted(r[0] for r in results if r[2] == "sent") == [f"office{n}@sjtu.edu.cn" for n in range(1, 5)]
    assert [r[0] for r in results if r[2] == "failed"] == ["office3@sjtu.edu.cn"]


def test_mail_command_needs_the_password_in_the_keyring(tmp_path: Path, smtp_server: SmtpServer,
                                                        capsys: pytest.CaptureFixture[str],
                                                        memory_keyring: Any) -> None:
    url = _cli_database(tmp_path)
    _settings(smtp_server, smtp_username="iad-officer").save()
    assert main(["--database", url, "mail", "call_for_topics", "--semester", "2027 Spring", "--send"]) == 1
    assert "No password for iad-officer at 127.0.0.1 in the keyring" in capsys.readouterr().err
    assert smtp_server.handler.received == []


def test_mail_command_without_the_records_to_write_about_is_one_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = _cli_database(tmp_path)
    for kind, expected in (("invitation", "Choose the workshop (round) to write about."),
                           ("call_for_topics", "Choose the semester to write about."),
                           ("thank_you", "Choose the exchange to write about.")):
        assert main(["--database", url, "mail", kind, "--dry-run"]) == 1
        assert capsys.readouterr().err.strip() == f"iad-workshops: {expected}"
    assert main(["--database", url, "mail", "invitation", "--workshop", "999", "--dry-run"]) == 1
    assert "The workshop #999 does not exist." in capsys.readouterr().err


def test_mail_command_sends_the_others_when_one_attachment_cannot_be_made(
        tmp_path: Path, smtp_server: SmtpServer, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = mail.attachment_file

    def refusing(session: Any, attachment: Any, message: Any, *args: Any) -> Any:
        if message.to_email == "office2@sjtu.edu.cn":
            raise AppError("The department #2 no longer exists.")
        return real(session, attachment, message, *args)

    monkeypatch.setattr(mail, "attachment_file", refusing)
    url = _cli_database(tmp_path)
    _settings(smtp_server, mail_pause_seconds=0).save()
    common = ["--database", url, "mail", "call_for_topics", "--semester", "2027 Spring"]
    assert main([*common, "--send"]) == 1
    out = capsys.readouterr().out
    assert "Not sent: 办公室2 <office2@sjtu.edu.cn>: The department #2 no longer exists." in out
    assert "3 sent, 1 failed, 0 not attempted." in out
    assert len(smtp_server.handler.received) == 3
    assert main([*common, "--drafts", str(tmp_path / "drafts")]) == 1
    assert "Not written: 办公室2 <office2@sjtu.edu.cn>: The department #2 no longer exists." in capsys.readouterr().out
    monkeypatch.undo()
    assert main([*common, "--drafts", str(tmp_path / "drafts")]) == 0
    assert len(list((tmp_path / "drafts").glob("*.eml"))) == 1  # the three sent are not drafted again
