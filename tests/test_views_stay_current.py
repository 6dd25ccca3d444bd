"""A change made in one tab shows at once in every open view of the window, and the open record is the one commands act on."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.actor import local_actor
from app.errors import ValidationError
from app.storage.database import Database
from app.topics.records import outreach
from models import Participation, Partner, TopicProposal
from models.enums import OutreachStatus
from tests.window_world import go_to, leave_window, open_planner, open_window, seed_world
from ui.shell.main_window import MainWindow



@pytest.fixture
def seeded(sqlite_database: Database) -> Database:
    return seed_world(sqlite_database)


@pytest.fixture
def window(qtbot: QtBot, seeded: Database) -> Iterator[MainWindow]:
    win = open_window(qtbot, seeded)
    yield win
    leave_window(win)


def add_partner_in_the_partners_tab(qtbot: QtBot, window: MainWindow, name: str) -> None:
    partners = go_to(qtbot, window, window.partners_tab)
    partners.new_record()
    qtbot.keyClicks(partners.form.widgets["name"], name)
    qtbot.keyClicks(partners.form.widgets["country"], "Canada")
    assert partners.save(), partners.message.text()


def test_a_partner_added_in_one_tab_can_be_offered_the_open_topic_in_another(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    topics = go_to(qtbot, window, window.topics_tab)
    topics.select_record(topics.model.row_at(0)[0])
    assert [topics.partner_box.itemText(i) for i in range(topics.partner_box.count())] == [
        "University of Melbourne (Australia)"]
    # An unsaved edit in the topic's form stays; the partner list still follows.
    qtbot.keyClicks(topics.form.widgets["preferred_region"], "North America")

    add_partner_in_the_partners_tab(qtbot, window, "University of Toronto")
    # Hidden, the Topics list is marked to be read again, and is when shown.
    qtbot.waitUntil(lambda: topics.stale, timeout=5000)
    assert not topics.is_loading
    window.tabs.setCurrentWidget(topics)
    qtbot.waitUntil(lambda: topics.partner_box.findText("University of Toronto (Canada)") >= 0, timeout=5000)
    assert topics.form.value("preferred_region") == "North America"
    topics.partner_box.setCurrentIndex(topics.partner_box.findText("University of Toronto (Canada)"))
    topics.offer()
    assert [row[1] for row in topics.outreach_model.all_rows()] == ["University of Toronto"]


def test_offering_without_a_partner_says_what_to_do(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a: told.append(text))
    topics = go_to(qtbot, window, window.topics_tab)
    topics.select_record(topics.model.row_at(0)[0])
    topics.partner_box.setEditText("Harvard")
    topics.offer()
    assert told and "Partners tab" in told[0]
    assert topics.outreach_model.rowCount() == 0


def test_a_second_offer_to_the_same_partner_is_refused_in_words(seeded: Database) -> None:
    with seeded.transaction() as session:
        proposal_id = session.scalars(select(TopicProposal.id)).one()
        partner_id = session.scalars(select(Partner.id)).one()
        outreach.create(session, local_actor(), proposal_id=proposal_id, partner_id=partner_id,
                        status=OutreachStatus.CONTACTED)
    with pytest.raises(ValidationError) as refused, seeded.transaction() as session:
        outreach.create(session, local_actor(), proposal_id=proposal_id, partner_id=partner_id,
                        status=OutreachStatus.CONTACTED)
    assert refused.value.message == "University of Melbourne has already been offered this topic."


def test_the_people_list_counts_an_exchange_as_soon_as_the_person_joins_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.people.people_tab import JoinExchangeDialog

    people = go_to(qtbot, window, window.people_tab)
    person_id = people.model.row_at(0)[0]
    people.select_record(person_id)
    assert people.model.row_at(0)[6] == 0
    monkeypatch.setattr(JoinExchangeDialog, "exec", lambda self: 1)
    people.add_to_exchange()
    qtbot.waitUntil(lambda: people.model.row_at(people.model.visible_row_of(person_id) or 0)[6] == 1, timeout=5000)


def test_an_open_planner_shows_a_participant_added_in_the_people_tab(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.people.people_tab import JoinExchangeDialog

    planner = open_planner(qtbot, window)
    assert planner.attendance_model.rowCount() == 0
    qtbot.keyClicks(planner.platform_edit, "Zoom")
    people = go_to(qtbot, window, window.people_tab)
    people.select_record(people.model.row_at(0)[0])
    monkeypatch.setattr(JoinExchangeDialog, "exec", lambda self: 1)
    people.add_to_exchange()
    qtbot.waitUntil(lambda: planner.attendance_model.rowCount() == 1, timeout=5000)
    assert planner.platform_edit.text() == "Zoom"
    assert planner.has_unsaved_changes()
    with window.database.sessions() as session:
        assert session.scalar(select(Participation.id)) is not None
    planner.revert()  # the window closes when the test ends, before the fixtures' teardown


def test_export_agenda_from_an_open_planner_is_the_planners_workshop(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from ui.documents.document_language import LanguageDialog

    monkeypatch.setattr(LanguageDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)
    planner = open_planner(qtbot, window)
    assert window.selected_id("workshop") == planner.workshop_id
    document = window._pdf_actions.make_agenda()
    assert document is not None
    assert document.file_name == "Agenda - Peer support programmes - round 1.pdf"
    from io import BytesIO

    from pypdf import PdfReader

    assert "Peer support programmes" in PdfReader(BytesIO(document.pdf)).pages[0].extract_text()
