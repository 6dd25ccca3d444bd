"""The main window as an officer uses it: find, create, edit, delete, remembered layout."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.actor import local_actor
from app.storage.database import Database
from app.directory.reference_data import ensure_reference_data
from app.settings import Settings
from models import Department, Partner, Person, Preparation, TopicProposal
from models.enums import ProposalStatus
from ui.shell.main_window import MainWindow
from ui.widgets.record_tab import RecordTab



@pytest.fixture
def seeded(sqlite_database: Database) -> Database:
    from models import Exchange, Participation, Semester

    with sqlite_database.transaction() as session:
        ensure_reference_data(session)
        semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        library = Department(name_en="Library", name_zh="图书馆")
        mental = Department(name_en="Student Mental Health Center", name_zh="学生心理健康中心")
        session.add_all([semester, library, mental])
        session.add_all([
            Partner(name="University of Melbourne", country="Australia", city="Melbourne",
                    timezone="Australia/Melbourne"),
            Partner(name="University College London", country="United Kingdom", city="London",
                    timezone="Europe/London"),
            Partner(name="University of Toronto", country="Canada", city="Toronto", timezone="America/Toronto"),
        ])
        person = Person(name_en="Wang Li", name_zh="王丽", department=mental)
        exchange = Exchange(title="Peer support programmes", semester=semester)
        session.add_all([person, exchange, Participation(person=person, exchange=exchange)])
    return sqlite_database


@pytest.fixture
def window(qtbot: QtBot, seeded: Database) -> Iterator[MainWindow]:
    win = MainWindow(seeded, Settings(), local_actor())
    qtbot.addWidget(win)
    win.show()
    yield win
    for tab in win.record_tabs():
        tab.form.load({})


def go_to(qtbot: QtBot, window: MainWindow, tab: RecordTab) -> RecordTab:
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.has_loaded and not tab.is_loading, timeout=5000)
    return tab


def test_every_step_has_a_tab(window: MainWindow) -> None:
    titles = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    for expected in ("Topics", "Partners", "Workshops", "People", "Reports", "Evaluations"):
        assert expected in titles
    assert "2026 Fall" in window.semester_box.currentText()
    assert "iad.sqlite3" in window.database_label.text()


def test_find_a_partner_by_typing_part_of_its_name(qtbot: QtBot, window: MainWindow, qtmodeltester: object) -> None:
    tab = go_to(qtbot, window, window.partners_tab)
    assert tab.model.rowCount() == 3
    qtbot.keyClicks(tab.search, "melb")
    assert tab.model.rowCount() == 1
    assert tab.model.row_at(0)[1] == "University of Melbourne"
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    tab.search.clear()
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [tab.model.row_at(i)[1] for i in range(3)] == [
        "University of Toronto", "University of Melbourne", "University College London"]


def test_create_a_topic_and_find_it_in_the_database_and_the_list(qtbot: QtBot, window: MainWindow) -> None:
    tab = go_to(qtbot, window, window.topics_tab)
    tab.new_record()
    title = tab.form.widgets["title"]
    assert isinstance(title, QLineEdit)
    qtbot.keyClicks(title, "Peer counselling for international students")
    tab.form.widgets["title_zh"].setText("国际学生朋辈辅导")  # type: ignore[attr-defined]  # typed through an IME
    department = tab.form.widgets["department_id"]
    assert isinstance(department, QComboBox)
    department.setCurrentIndex(department.findText("Student Mental Health Center 学生心理健康中心"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    with window.database.sessions() as session:
        stored = session.scalars(select(TopicProposal)).one()
        assert (stored.title, stored.title_zh) == ("Peer counselling for international students", "国际学生朋辈辅导")
        assert stored.department.name_en == "Student Mental Health Center"
        assert stored.status is ProposalStatus.SUBMITTED
    # The list reloads on a worker thread after a save; the window does not wait for it.
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.is_loading)
    assert tab.model.row_at(0)[1] == "Peer counselling for international students"
    chinese_column = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())
                      ].index("Chinese title")
    assert tab.model.data(tab.model.index(0, chinese_column)) == "国际学生朋辈辅导"
    assert not tab.has_unsaved_changes()


def test_invalid_input_shows_the_message_and_saves_nothing(qtbot: QtBot, window: MainWindow) -> None:
    tab = go_to(qtbot, window, window.partners_tab)
    tab.new_record()
    qtbot.keyClicks(tab.form.widgets["name"], "Universidad de Chile")
    qtbot.keyClicks(tab.form.widgets["country"], "Chile")
    zone = tab.form.widgets["timezone"]
    assert isinstance(zone, QComboBox)
    zone.setEditText("Santiago de Chile")
    tab.save()
    assert "not a known time zone" in tab.form.error_text("timezone")
    with window.database.sessions() as session:
        assert session.scalar(select(Partner).where(Partner.name == "Universidad de Chile")) is None
    zone.setCurrentIndex(zone.findData("America/Santiago"))
    assert tab.save()
    with window.database.sessions() as session:
        stored = session.scalar(select(Partner).where(Partner.name == "Universidad de Chile"))
        assert stored is not None and stored.timezone == "America/Santiago"


def test_delete_asks_first_and_refuses_what_is_still_used(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = go_to(qtbot, window, window.partners_tab)
    tab.select_record(tab.model.row_at(0)[0])
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    tab.delete_current()
    assert asked and "Delete University" in asked[0]
    assert tab.model.total == 3
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.delete_current()
    qtbot.waitUntil(lambda: tab.model.total == 2 and not tab.is_loading)

    people = go_to(qtbot, window, window.people_tab)
    refused: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: refused.append(text))
    from ui.directory.list_dialogs import DepartmentsEditor

    editor = DepartmentsEditor(window)
    qtbot.addWidget(editor)
    editor.reload_now()
    with window.database.sessions() as session:
        mental_id = session.scalar(select(Department.id).where(Department.name_en.like("Student%")))
    editor.select_record(mental_id)
    editor.delete_current()
    assert refused and "1 people still refer to it" in refused[0]
    assert people.model.total == 1


def test_edit_a_participants_preparation(qtbot: QtBot, window: MainWindow) -> None:
    tab = go_to(qtbot, window, window.people_tab)
    assert isinstance(tab, type(window.people_tab))
    tab.select_record(tab.model.row_at(0)[0])
    tab.participations_view.selectRow(0)
    assert tab.preparation_box.isEnabled()
    qtbot.keyClicks(tab.to_learn, "How peer supporters are trained")
    tab.to_share.insertPlainText("我们的心理委员制度")  # QTest cannot type CJK characters
    assert tab.has_unsaved_changes()
    qtbot.mouseClick(tab.save_preparation_button, Qt.MouseButton.LeftButton)
    with window.database.sessions() as session:
        preparation = session.scalars(select(Preparation)).one()
        assert preparation.to_learn == "How peer supporters are trained"
        assert preparation.to_share == "我们的心理委员制度"
    assert not tab.has_unsaved_changes()


def test_leaving_unsaved_edits_asks_and_cancel_keeps_them(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = go_to(qtbot, window, window.partners_tab)
    first, second = tab.model.row_at(0)[0], tab.model.row_at(1)[0]
    tab.select_record(first)
    notes = tab.form.widgets["notes"]
    assert isinstance(notes, QPlainTextEdit)
    qtbot.keyClicks(notes, "Met at the 2026 summit")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    tab.table.selectRow(tab.model.visible_row_of(second))
    qtbot.wait(10)
    assert tab.current_id == first
    assert notes.toPlainText() == "Met at the 2026 summit"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    tab.table.selectRow(tab.model.visible_row_of(second))
    assert tab.current_id == second
    with window.database.sessions() as session:
        assert session.get(Partner, first).notes == "Met at the 2026 summit"  # type: ignore[union-attr]


def test_layout_and_last_tab_are_remembered(qtbot: QtBot, seeded: Database) -> None:
    first = MainWindow(seeded, Settings(), local_actor())
    qtbot.addWidget(first)
    first.resize(640, 470)
    first.tabs.setCurrentWidget(first.reports_tab)
    first.partners_tab.splitter.setSizes([300, 700])
    first.close()
    second = MainWindow(seeded, Settings(), local_actor())
    qtbot.addWidget(second)
    assert second.tabs.currentWidget() is second.reports_tab
    assert second.size().width() == 640
    sizes = second.partners_tab.splitter.sizes()
    assert sizes[0] < sizes[1]


def test_put_a_person_on_an_exchange_roster_and_take_them_off(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models import Participation
    from ui.people.people_tab import JoinExchangeDialog

    tab = go_to(qtbot, window, window.people_tab)
    with window.database.transaction() as session:
        other = Person(name_en="Zhao Min", name_zh="赵敏",
                       department=session.scalar(select(Department).where(Department.name_en == "Library")))
        session.add(other)
        session.flush()
        other_id = other.id
    tab.reload_now()
    tab.select_record(other_id)
    assert tab.participations_model.rowCount() == 0
    monkeypatch.setattr(JoinExchangeDialog, "exec", lambda self: 1)
    tab.add_to_exchange()
    assert tab.participations_model.rowCount() == 1
    assert tab.participations_model.row_at(0)[1] == "Peer support programmes"
    tab.participations_view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.remove_from_exchange()
    with window.database.sessions() as session:
        assert session.scalar(select(Participation).where(Participation.person_id == other_id)) is None


def test_new_exchange_then_edit_its_partners(qtbot: QtBot, window: MainWindow) -> None:
    from models import Exchange, Workshop
    from ui.planning.workshops_tab import ExchangeDialog

    tab = go_to(qtbot, window, window.workshops_tab)
    dialog = ExchangeDialog(window, None, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.form.widgets["title"], "Campus mental health first aid")
    dialog.form.widgets["title_zh"].setText("校园心理急救")  # type: ignore[attr-defined]
    dialog.save()
    assert "at least one partner" in dialog.error.text() or dialog.form.error_text("partners")
    with window.database.sessions() as session:
        assert session.scalar(select(Exchange).where(Exchange.title.like("Campus%"))) is None
    dialog.partners.set_checked([_partner_id(window, "University of Melbourne")])
    dialog.departments.set_checked([_department_id(window, "Library")])
    dialog.save()
    assert dialog.result() == 1
    with window.database.sessions() as session:
        exchange = session.scalars(select(Exchange).where(Exchange.title.like("Campus%"))).one()
        assert [p.name for p in exchange.partners] == ["University of Melbourne"]
        assert exchange.title_zh == "校园心理急救"
        assert session.scalar(select(Workshop).where(Workshop.exchange_id == exchange.id)) is not None
        exchange_id = exchange.id
    edit = ExchangeDialog(window, exchange_id, window)
    qtbot.addWidget(edit)
    assert edit.form.values()["title_zh"] == "校园心理急救"
    edit.form.widgets["title_zh"].setText("校园心理急救培训")  # type: ignore[attr-defined]
    edit.partners.set_checked([_partner_id(window, "University of Melbourne"),
                               _partner_id(window, "University of Toronto")])
    edit.save()
    with window.database.sessions() as session:
        names = [p.name for p in session.get(Exchange, exchange_id).partners]  # type: ignore[union-attr]
        assert session.get(Exchange, exchange_id).title_zh == "校园心理急救培训"  # type: ignore[union-attr]
    assert names == ["University of Melbourne", "University of Toronto"]
    tab.reload_now()
    assert any(row[3] == "University of Melbourne, University of Toronto" for row in tab.model.all_rows())


def _partner_id(window: MainWindow, name: str) -> int:
    with window.database.sessions() as session:
        return int(session.scalar(select(Partner.id).where(Partner.name == name)))  # type: ignore[arg-type]


def _department_id(window: MainWindow, name: str) -> int:
    with window.database.sessions() as session:
        return int(session.scalar(select(Department.id).where(Department.name_en == name)))  # type: ignore[arg-type]


def test_what_was_done_is_there_after_a_restart(qtbot: QtBot, seeded: Database, tmp_path: Path) -> None:
    from app.storage.database import open_database

    first = MainWindow(seeded, Settings(), local_actor())
    qtbot.addWidget(first)
    tab = go_to(qtbot, first, first.topics_tab)
    tab.new_record()
    qtbot.keyClicks(tab.form.widgets["title"], "Library makerspaces")
    assert tab.save()
    first.close()
    url = str(seeded.url)
    seeded.close()
    reopened = open_database(url)
    second = MainWindow(reopened, Settings(), local_actor())
    qtbot.addWidget(second)
    topics = go_to(qtbot, second, second.topics_tab)
    assert [row[1] for row in topics.model.all_rows()] == ["Library makerspaces"]
    reopened.close()


def test_a_round_opens_in_a_planner_tab_that_asks_before_closing_with_edits(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from models import Exchange, Workshop
    from ui.planning.workshop_planner import WorkshopPlanner

    with window.database.transaction() as session:
        exchange = session.scalars(select(Exchange)).one()
        exchange.partners = [session.scalars(select(Partner).where(Partner.name.like("%Melbourne"))).one()]
        session.add(Workshop(exchange=exchange, starts_at=datetime(2026, 10, 20, 1, 0, tzinfo=UTC)))
    tab = go_to(qtbot, window, window.workshops_tab)
    tab.select_record(tab.model.row_at(0)[0])
    core = window.tabs.count()
    tab.open_planner()
    assert window.tabs.count() == core + 1
    planner = window.tabs.currentWidget()
    assert isinstance(planner, WorkshopPlanner)
    assert window.tabs.tabBar().tabButton(window.tabs.indexOf(planner), window.tabs.tabBar().ButtonPosition.RightSide)
    assert window.tabs.tabBar().tabButton(window.tabs.indexOf(tab), window.tabs.tabBar().ButtonPosition.RightSide) \
        is None
    assert not window.close_tab(window.tabs.indexOf(tab))  # the steps of the cycle stay
    monkeypatch.setattr(planner, "has_unsaved_changes", lambda: True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close_tab(window.tabs.indexOf(planner))
    assert window.tabs.indexOf(planner) >= 0
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close_tab(window.tabs.indexOf(planner))
    assert window.tabs.count() == core


def test_review_and_publication_change_only_through_the_review_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models import Participation, Report
    from ui.outcomes.report_review_dialog import ReportReviewDialog

    with window.database.transaction() as session:
        session.add(Report(participation=session.scalars(select(Participation)).one(), title="Peer support at SJTU"))
    tab = go_to(qtbot, window, window.reports_tab)
    tab.select_record(tab.model.row_at(0)[0])
    assert not tab.form.widgets["review_status"].isEnabled()
    assert not tab.form.widgets["publication_channel"].isEnabled()
    assert "review_status" not in tab.form.values()
    opened: list[int] = []
    monkeypatch.setattr(ReportReviewDialog, "exec", lambda self: opened.append(self.report_id) or 0)
    qtbot.mouseClick(tab.review_button, Qt.MouseButton.LeftButton)
    assert opened == [tab.current_id]


def test_a_save_over_someone_elses_change_shows_both_and_keeps_the_choice(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.actor import Actor
    from app.directory.partners import partners
    from models.enums import PartnerStatus, UserRole
    from ui.widgets.conflict_dialog import ConflictDialog

    tab = go_to(qtbot, window, window.partners_tab)
    partner_id = tab.model.row_at(0)[0]
    tab.select_record(partner_id)
    with window.database.transaction() as session:  # another officer saves first
        partners.update(session, Actor("colleague", UserRole.OFFICER), partner_id, city="Parkville",
                        status=PartnerStatus.DORMANT)
    qtbot.keyClicks(tab.form.widgets["notes"], "Prefers Tuesday mornings")
    shown: list[ConflictDialog] = []

    def accept_mine(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", accept_mine)
    assert tab.save()
    assert shown and shown[0].error.theirs["city"] == "Parkville"
    with window.database.sessions() as session:
        stored = session.get(Partner, partner_id)
        assert stored is not None
        assert stored.notes == "Prefers Tuesday mornings"  # mine
        assert stored.city == "Parkville" and stored.status is PartnerStatus.DORMANT  # theirs, not overwritten
        assert stored.version == 3


def test_refresh_shows_a_colleagues_change_but_never_replaces_unsaved_edits(
    qtbot: QtBot, window: MainWindow
) -> None:
    from app.actor import Actor
    from app.directory.partners import partners
    from models.enums import UserRole

    colleague = Actor("colleague", UserRole.OFFICER)
    tab = go_to(qtbot, window, window.partners_tab)
    first, second = tab.model.row_at(0)[0], tab.model.row_at(1)[0]
    tab.select_record(first)
    with window.database.transaction() as session:
        partners.update(session, colleague, first, city="Parkville")
    window.refresh_all()
    qtbot.waitUntil(lambda: not tab.is_loading)
    assert tab.current_id == first
    assert tab.form.value("city") == "Parkville"
    assert tab.current_version == 2

    qtbot.keyClicks(tab.form.widgets["notes"], "Call before the summit")
    with window.database.transaction() as session:
        partners.update(session, colleague, first, city="Carlton")
    window.refresh_all()
    qtbot.waitUntil(lambda: not tab.is_loading)
    assert tab.form.value("notes") == "Call before the summit"
    assert tab.form.value("city") == "Parkville"

    tab.revert()
    tab.select_record(second)
    with window.database.transaction() as session:
        partners.delete(session, colleague, second)
    window.refresh_all()
    qtbot.waitUntil(lambda: not tab.is_loading)
    assert tab.model.visible_row_of(second) is None
    assert tab.current_id is None
    assert "no longer exists" in tab.message.text()


def test_start_up_leaves_the_document_libraries_for_later(tmp_path: Path) -> None:
    """Start-up time: the window on a local database loads no PDF, Excel or PostgreSQL library."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from app.storage.database import open_database\n"
        "from app.settings import Settings\n"
        "from ui.shell.application import ensure_application\n"
        "from ui.shell.main_window import MainWindow\n"
        "app = ensure_application()\n"
        f"window = MainWindow(open_database({str(tmp_path / 'x.sqlite3')!r}), Settings())\n"
        "print(sorted(m for m in ('reportlab', 'openpyxl', 'psycopg')"
        " if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_an_empty_database_can_be_filled_with_demo_data_from_the_menu(
    qtbot: QtBot, sqlite_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(sqlite_database, Settings(), local_actor())
    qtbot.addWidget(window)
    window._update_demo_action()
    assert window.demo_action.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.load_demo_data()
    qtbot.waitUntil(lambda: window.semester_box.count() > 1, timeout=20000)
    with sqlite_database.sessions() as session:
        assert session.scalar(select(Partner.id).limit(1)) is not None
    window._update_demo_action()
    assert not window.demo_action.isEnabled()


def test_a_follow_up_contact_logged_on_the_partner_shows_on_the_department(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models import FollowUpContact
    from ui.outcomes.follow_ups_panel import ContactLogDialog
    from ui.directory.list_dialogs import DepartmentsEditor

    tab = go_to(qtbot, window, window.partners_tab)
    melbourne = _partner_id(window, "University of Melbourne")
    tab.select_record(melbourne)
    library = _department_id(window, "Library")
    errors_seen: list[str] = []

    def fill_and_save(dialog: ContactLogDialog) -> int:
        """First Save without a summary (refused, named under the field), then with one."""
        department = dialog.form.widgets["department_id"]
        department.setCurrentIndex(department.findData(library))  # type: ignore[attr-defined]
        refused = dialog.form.error_text("summary")
        if refused:
            errors_seen.append(refused)
            dialog.form.widgets["summary"].setPlainText("Shared their makerspace booking rules")  # type: ignore
        return 1

    monkeypatch.setattr(ContactLogDialog, "exec", fill_and_save)
    tab.follow_ups.add_contact()
    assert errors_seen == ["Summarise what the contact was about."]
    with window.database.sessions() as session:
        contact = session.scalars(select(FollowUpContact)).one()
        assert (contact.partner_id, contact.department_id) == (melbourne, library)
        assert contact.summary == "Shared their makerspace booking rules"
    assert tab.follow_ups.model.rowCount() == 1

    editor = DepartmentsEditor(window)
    qtbot.addWidget(editor)
    editor.reload_now()
    editor.select_record(library)
    assert editor.follow_ups.model.row_at(0)[2] == "University of Melbourne"
