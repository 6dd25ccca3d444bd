"""The compose dialog at 1280×720: preview per recipient, edit one, drafts, sending; templates; the menu."""
from __future__ import annotations

from datetime import date
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.actor import Actor
from app.messages import templates as t
from app.messages.recipients import Selection
from app.settings import Settings
from app.storage.database import Database
from models import Department, MessageLogEntry, Semester
from models.enums import UserRole
from tests.smtp_server import SmtpServer
from ui.messages.compose_dialog import ComposeDialog
from ui.messages.template_editor import TemplateEditor

OFFICER = Actor("chen.jing", UserRole.OFFICER)
TODAY = date(2026, 11, 20)


@pytest.fixture
def semester_id(sqlite_database: Database) -> int:
    with sqlite_database.transaction() as session:
        semester = Semester(name="2027 Spring", starts_on=date(2027, 2, 20), ends_on=date(2027, 7, 10),
                            topic_deadline=date(2026, 12, 20))
        session.add(semester)
        session.add_all([
            Department(name_en="Asset Management Office", name_zh="资产管理处", contact_email="amo@sjtu.edu.cn"),
            Department(name_en="Counselling Centre", name_zh="心理咨询中心", contact_email="cc@sjtu.edu.cn"),
            Department(name_en="Library", name_zh="图书馆", contact_email="lib@sjtu.edu.cn"),
            Department(name_en="Security Office", name_zh="保卫处", contact_email=""),
        ])
        session.flush()
        return int(semester.id)


def _dialog(qtbot: QtBot, database: Database, semester_id: int, settings: Settings | None = None) -> ComposeDialog:
    dialog = ComposeDialog(database, settings or Settings(mail_from_address="iad@sjtu.edu.cn"), OFFICER,
                           t.CALL_FOR_TOPICS, Selection(semester_id=semester_id), today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)
    dialog.show()
    return dialog


def _logged(database: Database) -> list[tuple[str, str]]:
    with database.sessions() as session:
        return [(e.recipient_email, e.result) for e in session.scalars(
            select(MessageLogEntry).order_by(MessageLogEntry.id))]


def test_preview_edit_one_and_save_drafts(qtbot: QtBot, sqlite_database: Database, semester_id: int,
                                          tmp_path: Path) -> None:
    dialog = _dialog(qtbot, sqlite_database, semester_id)
    assert dialog.heading.text() == "4 recipients: 3 to go out, 0 already sent, 1 cannot be written."
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert rows[-1] == ["保卫处", "—", "zh", "cannot be written: no e-mail address on record"]
    assert dialog.to_label.text() == "资产管理处 <amo@sjtu.edu.cn>"
    assert dialog.subject.text() == "2027 Spring 国际在线研讨会选题征集"
    assert "资产管理处：" in dialog.body.toPlainText()
    assert dialog.attachments.text() == "Topic form 2027 Spring - Asset Management Office.xlsx"
    assert dialog.sizeHint().height() <= 720 and dialog.minimumSizeHint().width() <= 1280

    dialog.table.selectRow(1)
    assert dialog.to_label.text() == "心理咨询中心 <cc@sjtu.edu.cn>"
    dialog.subject.setText("Counselling: one more line\nBcc: all@example.com")
    assert not dialog.apply_edit()
    assert "line break" in dialog.problem.text()
    dialog.subject.setText("心理咨询中心专属：2027 Spring 选题")
    dialog.body.setPlainText("心理咨询中心的同事们：\n\n请特别关注学生心理健康主题。")
    dialog.table.selectRow(2)  # moving on keeps the edit
    assert model.index(1, 3).data() == "ready, edited"
    dialog.table.selectRow(3)
    assert dialog.subject.isReadOnly() and dialog.problem.isVisible()

    dialog.table.selectRow(2)
    dialog.leave_out_button.click()
    assert model.index(2, 3).data() == "left out" and dialog.body.isReadOnly()
    assert dialog.heading.text().endswith("1 left out.")
    dialog.leave_out_button.click()  # included again
    assert model.index(2, 3).data() == "ready"

    assert dialog.save_drafts(tmp_path)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 3
    edited = message_from_bytes(files[1].read_bytes(), policy=default)
    assert edited["Subject"] == "心理咨询中心专属：2027 Spring 选题"
    assert edited["X-Unsent"] == "1"
    assert "请特别关注学生心理健康主题" in edited.get_body(("plain",)).get_content()
    assert [model.index(r, 3).data() for r in range(3)] == ["draft written"] * 3
    assert dialog.progress.value() == 3
    assert _logged(sqlite_database) == [("", "no_address"), ("amo@sjtu.edu.cn", "drafted"),
                                        ("cc@sjtu.edu.cn", "drafted"), ("lib@sjtu.edu.cn", "drafted")]
    dialog.grab().save(str(tmp_path / "compose.png"))


def test_send_with_a_refusal_then_resume_in_a_new_dialog(qtbot: QtBot, sqlite_database: Database, semester_id: int,
                                                         smtp_server: SmtpServer) -> None:
    settings = Settings(smtp_host=smtp_server.host, smtp_port=smtp_server.port, smtp_security="none",
                        mail_from_address="iad@sjtu.edu.cn", mail_pause_seconds=0.05)
    smtp_server.handler.refuse.add(2)
    dialog = _dialog(qtbot, sqlite_database, semester_id, settings)
    with qtbot.waitSignal(dialog.finished_batch, timeout=30000) as finished:
        assert dialog.send(confirm=False)
    assert "1 sent, 0 drafts written, 1 failed, 1 not attempted." in finished.args[0]
    assert "451" in dialog.model.index(1, 3).data()
    dialog.close()

    again = _dialog(qtbot, sqlite_database, semester_id, settings)
    assert again.heading.text() == "4 recipients: 2 to go out, 1 already sent, 1 cannot be written."
    assert again.model.index(0, 3).data() == f"already sent on {date.today().isoformat()}"
    with qtbot.waitSignal(again.finished_batch, timeout=30000):
        assert again.send(confirm=False)
    assert sorted(r.envelope_to[0] for r in smtp_server.handler.received) == [
        "amo@sjtu.edu.cn", "cc@sjtu.edu.cn", "lib@sjtu.edu.cn"]
    sent = [email for email, result in _logged(sqlite_database) if result == "sent"]
    assert sorted(sent) == ["amo@sjtu.edu.cn", "cc@sjtu.edu.cn", "lib@sjtu.edu.cn"]


def test_template_editor_refuses_an_unknown_placeholder(qtbot: QtBot, sqlite_database: Database,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    editor = TemplateEditor(sqlite_database, OFFICER, kind=t.OVERDUE_REMINDER, language="en")
    qtbot.addWidget(editor)
    editor.resize(1280, 720)
    assert editor.subject.text() == "Reminder: your {report_kind} was due on {due_date}"
    assert "{days_overdue}" in [editor.placeholders.item(i).text() for i in range(editor.placeholders.count())]
    editor.body.setPlainText("Dear {recipient}, please send it by {deadline}.")
    assert not editor.save()
    message = editor.errors["body"].text()
    assert "{deadline}" in message and "{due_date}" in message
    editor.body.setPlainText("Dear {recipient}, your {report_kind} was due on {due_date}.")
    assert editor.save()
    assert editor.origin.text() == "Your office's wording (saved)"
    with sqlite_database.sessions() as session:
        assert t.get_template(session, t.OVERDUE_REMINDER, "en").body.endswith("was due on {due_date}.")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.reset()
    assert editor.origin.text() == "Built-in wording"


class FakeWindow(QMainWindow):
    def __init__(self, database: Database, semester_id: int | None) -> None:
        super().__init__()
        self.database, self.settings, self.actor = database, Settings(), OFFICER
        self.tools_menu = QMenu("Tools", self)
        self._semester_id = semester_id
        self.errors: list[str] = []

    def semester_id(self) -> int | None:
        return self._semester_id

    def selected_id(self, kind: str) -> int | None:
        return None

    def show_error(self, title: str, message: str) -> None:
        self.errors.append(message)

    def status_message(self, text: str) -> None:
        pass

    def refresh_all(self) -> None:
        pass


def test_messages_menu_opens_the_batch_for_what_is_in_focus(qtbot: QtBot, sqlite_database: Database,
                                                            semester_id: int) -> None:
    from ui.messages.messages_actions import install

    window = FakeWindow(sqlite_database, semester_id)
    qtbot.addWidget(window)
    actions = install(window)
    names = [a.objectName() for a in window.tools_menu.actions()[0].menu().actions() if a.objectName()]
    assert names[:3] == ["mail_call_for_topics", "mail_outreach", "mail_invitation"]
    dialog: Any = actions.call_for_topics()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 4
    assert actions.invitation() is None
    assert window.errors == ["Select a workshop in the Workshops tab first."]
    log = actions.message_log()
    qtbot.addWidget(log)
    assert log.summary.text() == "0 messages (newest first)"


@pytest.fixture
def held_round(sqlite_database: Database) -> dict[str, int]:
    """A held round with Oxford: one participant who attended and owes an overdue report, one partner contact."""
    from datetime import UTC, datetime

    from models import Attendance, Exchange, Participation, Partner, PartnerContact, Person, Report, Workshop
    from models.enums import WorkshopStatus

    with sqlite_database.transaction() as session:
        semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        counselling = Department(name_en="Counselling Centre", name_zh="心理咨询中心", contact_email="cc@sjtu.edu.cn")
        oxford = Partner(name="University of Oxford", country="United Kingdom", timezone="Europe/London")
        session.add_all([semester, counselling, oxford])
        session.flush()
        contact = PartnerContact(partner_id=oxford.id, name="Ann Lee", email="ann.lee@ox.ac.uk")
        exchange = Exchange(semester_id=semester.id, title="Peer support networks", partners=[oxford],
                            departments=[counselling], partner_participants=[contact])
        session.add_all([contact, exchange])
        session.flush()
        workshop = Workshop(exchange_id=exchange.id, round_number=1, status=WorkshopStatus.HELD,
                            starts_at=datetime(2026, 10, 14, 7, tzinfo=UTC), link="https://zoom.example/j/9")
        person = Person(department_id=counselling.id, name_en="Zhang Wei", name_zh="张伟", email="zw@sjtu.edu.cn")
        session.add_all([workshop, person])
        session.flush()
        participation = Participation(person_id=person.id, exchange_id=exchange.id)
        session.add(participation)
        session.flush()
        session.add(Attendance(participation_id=participation.id, workshop_id=workshop.id, attended=True))
        report = Report(participation_id=participation.id, due_on=date(2026, 11, 1))
        session.add(report)
        session.flush()
        return {"workshop": workshop.id, "exchange": exchange.id, "report": report.id, "semester": semester.id}


def test_overdue_list_reminds_by_e_mail_and_the_report_shows_it(qtbot: QtBot, sqlite_database: Database,
                                                                 held_round: dict[str, int], tmp_path: Path) -> None:
    from ui.outcomes.overdue_view import OverdueView
    from ui.outcomes.report_review_dialog import ReportReviewDialog

    view = OverdueView(sqlite_database, Settings(), held_round["semester"], today=lambda: TODAY)
    qtbot.addWidget(view)
    reminded_column = 6
    assert view.model.index(0, reminded_column).data() == ""
    with qtbot.waitSignal(view.remind) as asked:
        view.remind_button.click()
    assert asked.args[0] == [held_round["report"]]

    dialog = ComposeDialog(sqlite_database, Settings(), OFFICER, t.OVERDUE_REMINDER,
                           Selection(record_ids=tuple(asked.args[0])), today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.to_label.text() == "张伟 <zw@sjtu.edu.cn>"
    assert "已逾期 19 天" in dialog.body.toPlainText()
    assert dialog.save_drafts(tmp_path)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)

    review = ReportReviewDialog(sqlite_database, Settings(), OFFICER, held_round["report"], today=lambda: TODAY)
    qtbot.addWidget(review)
    assert f"Reminded on {date.today().isoformat()} (draft)" in review.facts.text()


def test_workshops_tab_e_mail_menu_opens_the_invitation_for_the_round(
        qtbot: QtBot, sqlite_database: Database, held_round: dict[str, int], tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from app.actor import local_actor
    from ui.shell.main_window import MainWindow

    window = MainWindow(sqlite_database, Settings(mail_from_address="iad@sjtu.edu.cn"), local_actor())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    tab = window.workshops_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.has_loaded and not tab.is_loading, timeout=5000)
    tab.open_record(held_round["workshop"])
    assert tab.mail_button.isEnabled()
    [invite] = [a for a in tab.mail_button.menu().actions() if a.objectName() == "mail_invitation"]
    invite.trigger()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ComposeDialog) and w.isVisible()]
    people = [(dialog.model.index(r, 0).data(), dialog.model.index(r, 2).data()) for r in range(dialog.model.rowCount())]
    assert people == [("张伟", "zh"), ("Ann Lee", "en")]
    dialog.table.selectRow(1)
    assert "Starts: Wed 14 October 2026, 08:00" in dialog.body.toPlainText()  # Oxford's clock
    assert dialog.attachments.text() == "Peer-support-networks-round-1.ics"
    dialog.close()


def test_topics_tab_e_mails_the_partners_offered_the_topic(qtbot: QtBot, sqlite_database: Database,
                                                           held_round: dict[str, int]) -> None:
    from PySide6.QtWidgets import QApplication

    from app.actor import local_actor
    from models import Outreach, Partner, TopicProposal
    from models.enums import ProposalStatus
    from ui.shell.main_window import MainWindow

    with sqlite_database.transaction() as session:
        oxford = session.scalars(select(Partner)).one()
        department = session.scalars(select(Department)).one()
        proposal = TopicProposal(semester_id=held_round["semester"], department_id=department.id,
                                 title="Peer counselling", status=ProposalStatus.ACCEPTED)
        session.add(proposal)
        session.flush()
        session.add(Outreach(proposal_id=proposal.id, partner_id=oxford.id))
        session.flush()
        proposal_id = proposal.id
    window = MainWindow(sqlite_database, Settings(), local_actor())
    qtbot.addWidget(window)
    window.show()
    tab = window.topics_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.has_loaded and not tab.is_loading, timeout=5000)
    tab.open_record(proposal_id)
    assert tab.mail_button.isEnabled()
    tab.mail_button.click()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ComposeDialog) and w.isVisible()]
    assert dialog.to_label.text() == "Ann Lee <ann.lee@ox.ac.uk>"
    assert dialog.subject.text() == "Proposal for an online workshop: Peer counselling"
    assert "Our Counselling Centre would like" in dialog.body.toPlainText()
    dialog.close()


def test_stop_leaves_the_rest_for_the_next_batch(qtbot: QtBot, sqlite_database: Database, semester_id: int,
                                                 smtp_server: SmtpServer) -> None:
    settings = Settings(smtp_host=smtp_server.host, smtp_port=smtp_server.port, smtp_security="none",
                        mail_from_address="iad@sjtu.edu.cn", mail_pause_seconds=2)
    dialog = _dialog(qtbot, sqlite_database, semester_id, settings)
    assert dialog.send(confirm=False)
    qtbot.waitUntil(lambda: dialog.progress.value() == 1, timeout=30000)
    assert dialog.stop_button.isEnabled() and not dialog.send_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_batch, timeout=30000) as finished:
        dialog.stop_button.click()  # during the pause before the second message
    assert finished.args[0] == ("1 sent, 0 drafts written, 0 failed, 2 not attempted. Stopped; send again to go on: "
                                "nothing is sent twice.")
    assert [r.envelope_to for r in smtp_server.handler.received] == [["amo@sjtu.edu.cn"]]
    assert [dialog.model.index(r, 3).data() for r in range(3)] == ["sent", "ready", "ready"]

    dialog.table.selectRow(1)
    dialog.leave_out_button.click()
    settings.mail_pause_seconds = 0
    with qtbot.waitSignal(dialog.finished_batch, timeout=30000) as finished:
        assert dialog.send(confirm=False)
    assert finished.args[0].startswith("2 sent")
    assert [r.envelope_to for r in smtp_server.handler.received] == [["amo@sjtu.edu.cn"], ["lib@sjtu.edu.cn"]]


def test_a_viewer_previews_but_writes_and_sends_nothing(qtbot: QtBot, sqlite_database: Database, semester_id: int,
                                                        tmp_path: Path, smtp_server: SmtpServer) -> None:
    settings = Settings(smtp_host=smtp_server.host, smtp_port=smtp_server.port, smtp_security="none",
                        mail_from_address="iad@sjtu.edu.cn")
    dialog = ComposeDialog(sqlite_database, settings, Actor("guest", UserRole.VIEWER), t.CALL_FOR_TOPICS,
                           Selection(semester_id=semester_id), today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.subject.text() == "2027 Spring 国际在线研讨会选题征集"
    assert not dialog.send(confirm=False)
    assert not dialog.save_drafts(tmp_path)
    assert dialog.status.text() == "guest is a viewer and may not send messages."
    assert smtp_server.handler.received == [] and list(tmp_path.glob("*.eml")) == [] and _logged(sqlite_database) == []


def test_one_attachment_that_cannot_be_made_fails_that_message_only(
        qtbot: QtBot, sqlite_database: Database, semester_id: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.errors import AppError
    from exports import mail

    real = mail.attachment_file

    def refusing(session: Any, attachment: Any, message: Any, *args: Any) -> Any:
        if message.to_email == "cc@sjtu.edu.cn":
            raise AppError("The department #2 no longer exists.")
        return real(session, attachment, message, *args)

    monkeypatch.setattr(mail, "attachment_file", refusing)
    dialog = _dialog(qtbot, sqlite_database, semester_id)
    assert dialog.save_drafts(tmp_path)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert [dialog.model.index(r, 3).data() for r in range(3)] == [
        "draft written", "failed: The department #2 no longer exists.", "draft written"]
    assert len(list(tmp_path.glob("*.eml"))) == 2
    assert ("cc@sjtu.edu.cn", "failed") in _logged(sqlite_database)
