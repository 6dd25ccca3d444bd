"""The workshop planner, its timeline and the time-slot dialog, driven as an officer would (offscreen)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.actor import Actor
from app.storage.database import Database
from app.planning.scheduling import Side
from app.settings import Settings
from app.planning.zones import OfficeHours
from models import (
    Attendance,
    Department,
    Exchange,
    Panel,
    PanelSpeaker,
    Participation,
    Partner,
    PartnerContact,
    Person,
    Semester,
    Workshop,
)
from models.enums import ExchangeKind, UserRole, WorkshopStatus
from ui.planning.panel_timeline import PanelTimeline, TimelineBlock
from ui.planning.time_slot_dialog import SlotTableModel, TimeSlotDialog
from ui.planning.workshop_planner import WorkshopPlanner

START = datetime(2026, 10, 19, 1, 0, tzinfo=UTC)  # Mon 19 Oct 09:00 Shanghai, 12:00 in Sydney (AEDT)
OFFICER = Actor("officer", UserRole.OFFICER)


@dataclass
class Seeded:
    workshop_id: int
    exchange_id: int
    panels: dict[str, int]
    participations: list[int]
    person_id: int
    contact_id: int


def seed(database: Database) -> Seeded:
    """A three-round exchange with Sydney: round 1 with a main room, two concurrent breakouts and interpretation."""
    with database.transaction() as session:
        semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        department = Department(name_en="Student Mental Health Center", name_zh="学生心理健康中心")
        partner = Partner(name="University of Sydney", country="Australia", timezone="Australia/Sydney")
        li = Person(department=department, name_en="Li Wei", name_zh="李伟")
        wang = Person(department=department, name_en="Wang Fang")
        jane = PartnerContact(partner=partner, name="Jane Doe")
        exchange = Exchange(semester=semester, title="Peer support", kind=ExchangeKind.MULTI_ROUND,
                            planned_rounds=3, partners=[partner], departments=[department])
        workshop = Workshop(exchange=exchange, round_number=1, starts_at=START, duration_minutes=170,
                            platform="Zoom", link="https://zoom.example/j/1",
                            interpretation_languages="Chinese–English", interpreter="Zhao Min")
        session.add_all([workshop, li, wang, jane])
        session.flush()

        def panel(title: str, minutes: int, length: int, track: str = "Main room", **fields: Any) -> Panel:
            record = Panel(workshop=workshop, title=title, starts_at=START + timedelta(minutes=minutes),
                           duration_minutes=length, track=track, **fields)
            session.add(record)
            return record

        opening = panel("Opening", 0, 30, moderator="Wang Fang")
        left = panel("Peer mentors", 35, 40, "Breakout A", interpretation_needed=True,
                     language_pair="Chinese–English", interpreter="Sun Yu")
        right = panel("Waiting lists", 35, 40, "Breakout B")
        crisis = panel("Crisis response", 80, 40)
        closing = panel("Wrap-up", 125, 30)
        session.flush()
        session.add_all([PanelSpeaker(panel=left, person=li, position=0),
                         PanelSpeaker(panel=left, contact=jane, position=1)])
        participations = []
        for person in (li, wang):
            participation = Participation(person=person, exchange=exchange)
            session.add(participation)
            session.flush()
            participations.append(participation.id)
        session.add(Attendance(participation_id=participations[0], workshop_id=workshop.id, attended=True))
        session.flush()
        return Seeded(workshop.id, exchange.id, {p.title: p.id for p in (opening, left, right, crisis, closing)},
                      participations, li.id, jane.id)


@pytest.fixture
def seeded(sqlite_database: Database) -> Seeded:
    return seed(sqlite_database)


@pytest.fixture
def planner(qtbot: QtBot, sqlite_database: Database, seeded: Seeded) -> WorkshopPlanner:
    widget = WorkshopPlanner(sqlite_database, Settings(), OFFICER)
    qtbot.addWidget(widget)
    widget.resize(1280, 900)
    widget.load(seeded.workshop_id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def codes(planner: WorkshopPlanner) -> list[str]:
    return [problem.code for problem in planner.problems()]


def stored_workshop(database: Database, workshop_id: int) -> Workshop:
    with database.sessions() as session:
        workshop = session.get(Workshop, workshop_id)
        assert workshop is not None
        session.expunge(workshop)
        return workshop


def stored_panels(database: Database, workshop_id: int) -> dict[str, tuple[datetime, int, str]]:
    with database.sessions() as session:
        return {p.title: (p.starts_at, p.duration_minutes, p.track)
                for p in session.scalars(select(Panel).where(Panel.workshop_id == workshop_id))}


# ---- the timeline ---------------------------------------------------------------------------------
def test_dragging_a_panel_moves_it_on_the_five_minute_grid_and_the_overlap_rule_fires(
    qtbot: QtBot, planner: WorkshopPlanner, seeded: Seeded,
) -> None:
    assert "track_overlap" not in codes(planner)
    timeline = planner.timeline
    key = seeded.panels["Wrap-up"]
    block = timeline.block(key)
    assert block is not None and block.start == 125
    start = timeline.block_centre(key)
    # Drag 32 minutes to the left: onto "Crisis response" (80-120) in the main room.
    target = QPoint(start.x() - round(32 * timeline.pixels_per_minute()), start.y())
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(timeline, QPoint((start.x() + target.x()) // 2, start.y()))
    qtbot.mouseMove(timeline, target)
    with qtbot.waitSignal(timeline.panel_changed) as changed:
        qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=target)
    moved_key, new_start, length, track = changed.args
    assert (moved_key, length, track) == (key, 30, "Main room")
    assert new_start % 5 == 0 and new_start != 125
    assert abs((125 - new_start) - 32) <= 3  # the nearest five minutes to where the mouse went
    draft = planner.draft()
    assert draft is not None
    panel = draft.panel(key)
    assert panel is not None and panel.starts_at == START + timedelta(minutes=new_start)
    overlap = [p for p in planner.problems() if p.code == "track_overlap"]
    assert overlap and overlap[0].panel_id == key
    assert any("overlap on the track Main room" in planner.problems_list.item(i).text()
               for i in range(planner.problems_list.count()))
    assert timeline.block(key).flagged  # type: ignore[union-attr]
    assert planner.has_unsaved_changes() and planner.save_button.isEnabled()


def test_dragging_the_right_edge_changes_the_length(qtbot: QtBot, planner: WorkshopPlanner, seeded: Seeded) -> None:
    timeline = planner.timeline
    key = seeded.panels["Opening"]
    block = timeline.block(key)
    assert block is not None
    rect = timeline.block_rect(block)
    edge = QPoint(int(rect.right()) - 2, int(rect.center().y()))
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(timeline, QPoint(edge.x() + round(11 * timeline.pixels_per_minute()), edge.y()))
    assert timeline.blocks()[0].duration == 30  # nothing changes until the button is released
    target = QPoint(edge.x() + round(53 * timeline.pixels_per_minute()), edge.y())
    qtbot.mouseMove(timeline, target)
    with qtbot.waitSignal(timeline.panel_changed) as changed:
        qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=target)
    assert changed.args[1:] == [0, 85, "Main room"]  # 30 + 53 snaps to 85 minutes, ending at 85
    # It now runs into "Crisis response" (from 80) on the same track, and is too long for a panel.
    assert {"track_overlap", "panel_length"} <= set(codes(planner))


def test_keyboard_selects_moves_resizes_and_changes_lane(qtbot: QtBot) -> None:
    timeline = PanelTimeline()
    qtbot.addWidget(timeline)
    timeline.resize(900, 200)
    timeline.set_workshop(START, 180, ZoneInfo("Asia/Shanghai"))
    timeline.set_blocks([TimelineBlock(1, "Opening", "Main room", 0, 30),
                         TimelineBlock(2, "Breakout", "Breakout A", 40, 35)], ["Main room", "Breakout A"])
    timeline.show()
    qtbot.waitExposed(timeline)
    timeline.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: timeline.selected_key() == 1)
    received: list[tuple[int, int, int, str]] = []
    timeline.panel_changed.connect(lambda *args: received.append(tuple(args)))  # type: ignore[arg-type]
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    assert received == [(1, 5, 30, "Main room"), (1, 5, 35, "Main room"), (1, 5, 35, "Breakout A")]
    qtbot.keyClick(timeline, Qt.Key.Key_Tab)
    assert timeline.selected_key() == 2
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert received[-1] == (2, 35, 35, "Breakout A")
    assert "Breakout" in timeline.accessibleDescription()


# ---- editing and saving ----------------------------------------------------------------------------
def test_save_writes_the_database_and_panels_follow_the_workshop(
    qtbot: QtBot, planner: WorkshopPlanner, sqlite_database: Database, seeded: Seeded,
) -> None:
    assert not planner.has_unsaved_changes() and not planner.save_button.isEnabled()
    planner.platform_edit.clear()
    qtbot.keyClicks(planner.platform_edit, "Tencent Meeting")
    planner.time_edit.setTime(QTime(10, 0))  # one hour later; every panel moves with the workshop
    planner.continues_check.setChecked(True)
    assert planner.has_unsaved_changes()
    assert "Mon 19 Oct 2026 13:00–15:50" in planner.sides_label.text()  # Sydney's clock, live
    with qtbot.waitSignal(planner.saved, timeout=3000):
        qtbot.keySequence(planner.platform_edit, QKeySequence(QKeySequence.StandardKey.Save))
    workshop = stored_workshop(sqlite_database, seeded.workshop_id)
    assert (workshop.platform, workshop.starts_at, workshop.continues_independently) == (
        "Tencent Meeting", START + timedelta(hours=1), True)
    panels = stored_panels(sqlite_database, seeded.workshop_id)
    assert panels["Wrap-up"][0] == START + timedelta(hours=1, minutes=125)
    assert not planner.has_unsaved_changes()


def test_panel_table_edits_add_and_remove_panels(
    qtbot: QtBot, planner: WorkshopPlanner, sqlite_database: Database, seeded: Seeded,
) -> None:
    model = planner.panel_model
    row = model.row_of(seeded.panels["Waiting lists"])
    assert model.setData(model.index(row, model.column_of("start")), "9:52")  # snapped to 09:50 at once
    assert model.data(model.index(row, model.column_of("start"))) == "09:50–10:30"
    assert model.setData(model.index(row, model.column_of("track")), "Breakout A")
    assert not model.setData(model.index(row, model.column_of("start")), "25:00")
    assert "track_overlap" in codes(planner)
    assert model.setData(model.index(row, model.column_of("track")), "Breakout C")
    assert "track_overlap" not in codes(planner)
    planner.select_panel(seeded.panels["Opening"])
    added = planner.add_panel()
    assert added is not None and added.track == "Main room"
    assert model.setData(model.index(model.row_of(added.key), 0), "Questions from Sydney")
    assert model.setData(model.index(model.row_of(added.key), model.column_of("title_zh")), " 悉尼提问环节 ")
    assert model.headerData(model.column_of("title_zh"), Qt.Orientation.Horizontal) == "Chinese title"
    planner.select_panel(seeded.panels["Crisis response"])
    planner.remove_panel()
    planner.set_speakers(added.key, [(None, seeded.contact_id), (seeded.person_id, None)])
    assert planner.save()
    panels = stored_panels(sqlite_database, seeded.workshop_id)
    assert "Crisis response" not in panels
    assert panels["Waiting lists"] == (START + timedelta(minutes=50), 40, "Breakout C")
    assert panels["Questions from Sydney"][2] == "Main room"
    with sqlite_database.sessions() as session:
        assert session.scalar(select(Panel.title_zh).where(Panel.title == "Questions from Sydney")) == "悉尼提问环节"
        assert session.scalar(select(Panel.title_zh).where(Panel.title == "Opening")) == ""
        speakers = session.scalars(select(PanelSpeaker).join(Panel).where(Panel.title == "Questions from Sydney")
                                   .order_by(PanelSpeaker.position)).all()
        assert [(s.person_id, s.contact_id) for s in speakers] == [(None, seeded.contact_id), (seeded.person_id, None)]


def test_confirm_is_refused_while_an_error_remains(
    qtbot: QtBot, planner: WorkshopPlanner, sqlite_database: Database, seeded: Seeded,
) -> None:
    # Li Wei speaks in "Peer mentors"; make him moderate the concurrent "Waiting lists" too.
    model = planner.panel_model
    row = model.row_of(seeded.panels["Waiting lists"])
    model.setData(model.index(row, model.column_of("moderator")), "Li Wei")
    assert "person_double_booked" in codes(planner)
    qtbot.mouseClick(planner.confirm_button, Qt.MouseButton.LeftButton)
    assert planner.message.isVisible()
    assert "cannot be confirmed: 1 problem must be solved first" in planner.message.text()
    assert stored_workshop(sqlite_database, seeded.workshop_id).status == WorkshopStatus.PLANNED
    assert planner.status_combo.currentData() == WorkshopStatus.PLANNED
    # Clicking the problem selects the panel it is about.
    item = next(planner.problems_list.item(i) for i in range(planner.problems_list.count())
                if "two panels at the same time" in planner.problems_list.item(i).text())
    planner.problems_list.itemClicked.emit(item)
    assert planner.selected_panel() is not None and planner.selected_panel().key == seeded.panels["Waiting lists"]  # type: ignore[union-attr]
    assert planner.timeline.selected_key() == seeded.panels["Waiting lists"]
    model.setData(model.index(row, model.column_of("moderator")), "Ms Chen")
    assert not planner.message.isVisible()  # the refusal goes with the problem it was about
    assert planner.confirm()
    assert stored_workshop(sqlite_database, seeded.workshop_id).status == WorkshopStatus.CONFIRMED
    assert not planner.message.isVisible()


def test_a_change_saved_by_someone_else_is_reported_not_overwritten(
    qtbot: QtBot, planner: WorkshopPlanner, sqlite_database: Database, seeded: Seeded,
) -> None:
    with sqlite_database.transaction() as session:
        workshop = session.get(Workshop, seeded.workshop_id)
        assert workshop is not None
        workshop.link = "https://theirs.example/"
    planner.link_edit.setText("https://mine.example/")
    assert not planner.save()
    assert "someone else saved this workshop" in planner.message.text()
    assert "https://theirs.example/" in planner.message.text()
    assert stored_workshop(sqlite_database, seeded.workshop_id).link == "https://theirs.example/"
    assert planner.has_unsaved_changes()  # the officer's edit is still there
    planner.revert()
    assert planner.link_edit.text() == "https://theirs.example/" and not planner.has_unsaved_changes()


def test_a_bad_field_is_shown_next_to_it(qtbot: QtBot, planner: WorkshopPlanner) -> None:
    planner.link_edit.setText("https://x.example/" + "a" * 600)
    assert not planner.save()
    assert planner.link_edit.property("invalid") is True
    assert "Link is too long" in planner.message.text()


def test_attendance_grid_saves(
    qtbot: QtBot, planner: WorkshopPlanner, sqlite_database: Database, seeded: Seeded,
) -> None:
    model = planner.attendance_model
    assert model.rowCount() == 2 and model.columnCount() == 4
    first, second = seeded.participations
    row_second = next(r for r in range(2) if model.data(model.index(r, 0)) == "Wang Fang")
    cell = model.index(row_second, 3)
    assert model.data(cell, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    assert model.setData(cell, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert planner.has_unsaved_changes()
    assert planner.save()
    with sqlite_database.sessions() as session:
        rows = {(a.participation_id, a.attended) for a in session.scalars(select(Attendance))}
    assert rows == {(first, True), (second, True)}


def test_add_next_round_opens_the_copy(
    qtbot: QtBot, planner: WorkshopPlanner, sqlite_database: Database, seeded: Seeded,
) -> None:
    with qtbot.waitSignal(planner.saved) as saved:
        qtbot.mouseClick(planner.next_round_button, Qt.MouseButton.LeftButton)
    new_id = saved.args[0]
    assert planner.workshop_id == new_id != seeded.workshop_id
    workshop = stored_workshop(sqlite_database, new_id)
    assert (workshop.round_number, workshop.starts_at) == (2, START + timedelta(days=7))
    assert len(stored_panels(sqlite_database, new_id)) == 5
    assert "Round 2 of 3" in planner.heading.text()
    assert planner.attendance_model.columnCount() == 5


def test_add_next_round_asks_to_save_first(
    qtbot: QtBot, planner: WorkshopPlanner, monkeypatch: pytest.MonkeyPatch,
) -> None:
    planner.platform_edit.setText("Teams")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Cancel)
    assert planner.add_next_round() is None
    assert planner.has_unsaved_changes()


# ---- the time-slot dialog ------------------------------------------------------------------------------
def test_time_slot_dialog_proposes_and_applies_a_slot(qtbot: QtBot, planner: WorkshopPlanner,
                                                      qtmodeltester: Any) -> None:
    dialog = TimeSlotDialog(iad=Side("IAD", "Asia/Shanghai", is_partner=False),
                            partners=[Side("University of Sydney", "Australia/Sydney")], office_hours=OfficeHours(),
                            duration_minutes=170, first_day=date(2026, 10, 26), parent=planner)
    qtbot.addWidget(dialog)
    slots = dialog.slots()
    # Sydney (AEDT, UTC+11) 08-20 is 21-09 UTC, Shanghai 00-12 UTC: 00:00-09:00 UTC, i.e. 08:00-17:00 Shanghai.
    assert slots and all(s.sides[0].local_start.hour >= 8 and s.sides[0].local_end.hour <= 17 for s in slots)
    assert dialog.use_button.isEnabled()
    qtmodeltester.check(dialog.model)
    best = dialog.chosen_slot()
    assert best is not None and best.min_slack == max(s.min_slack for s in slots)
    planner.apply_slot_from(dialog)
    draft = planner.draft()
    assert draft is not None and draft.starts_at == best.starts_at
    panel = draft.panel(next(iter([p.key for p in draft.panels if p.title == "Wrap-up"])))
    assert panel is not None and panel.starts_at == best.starts_at + timedelta(minutes=125)
    dialog.duration.setValue(600)
    # Nothing fits: the nearest starts are offered, each saying what every side would have to accept.
    assert dialog.showing_nearest() and dialog.slots()
    assert all(slot.compromises() for slot in dialog.slots())
    assert "No start time" in dialog.status.text() and "come nearest" in dialog.status.text()


def test_slot_model_lists_every_side(qtmodeltester: Any) -> None:
    from app.planning.time_slots import find_time_slots

    model = SlotTableModel([Side("IAD", "Asia/Shanghai", False), Side("Leeds", "Europe/London")])
    model.set_slots(find_time_slots(first_day=date(2026, 11, 2), last_day=date(2026, 11, 3), duration_minutes=120,
                                    iad=Side("IAD", "Asia/Shanghai", False), partners=[Side("Leeds", "Europe/London")],
                                    office_hours=OfficeHours()))
    qtmodeltester.check(model)
    assert model.rowCount() > 0 and model.columnCount() == 3
    assert "Leeds" in model.headerData(1, Qt.Orientation.Horizontal)


# ---- the item models pass Qt's model tester ---------------------------------------------------------------
def test_planner_models_pass_the_model_tester(planner: WorkshopPlanner, qtmodeltester: Any) -> None:
    qtmodeltester.check(planner.panel_model)
    qtmodeltester.check(planner.attendance_model)


# ---- invitation export and menu entries ------------------------------------------------------------------
def test_export_invitation_writes_the_ics(
    qtbot: QtBot, planner: WorkshopPlanner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    target = tmp_path / "invite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    written = planner.export_invitation()
    assert written == tmp_path / "invite.ics"
    event = Calendar.from_ical(written.read_bytes()).events[0]
    assert event.decoded("DTSTART").astimezone(UTC) == START


class FakeWindow(QMainWindow):
    def __init__(self, database: Database, workshop_id: int | None) -> None:
        super().__init__()
        self.database = database
        self.settings = Settings()
        self.actor = OFFICER
        self.export_menu = QMenu("Export", self)
        self.tools_menu = QMenu("Tools", self)
        self.workshop_id = workshop_id
        self.errors: list[str] = []
        self.statuses: list[str] = []
        self.tabs = QTabWidget()
        self.refreshed = 0

    def selected_id(self, kind: str) -> int | None:
        return self.workshop_id if kind == "workshop" else None

    def show_error(self, title: str, message: str) -> None:
        self.errors.append(message)

    def status_message(self, text: str) -> None:
        self.statuses.append(text)

    def add_tab(self, widget: Any, title: str, position: int | None = None) -> None:
        self.tabs.addTab(widget, title)

    def refresh_all(self) -> None:
        self.refreshed += 1


def test_install_adds_the_export_and_planner_actions(
    qtbot: QtBot, sqlite_database: Database, seeded: Seeded, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    from ui.planning.planning_actions import install

    window = FakeWindow(sqlite_database, seeded.workshop_id)
    qtbot.addWidget(window)
    install(window)
    export = next(a for a in window.export_menu.actions() if a.text() == "Calendar invitation (.ics)…")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "w.ics"), ""))
    export.trigger()
    assert (tmp_path / "w.ics").exists() and window.statuses
    plan = next(a for a in window.tools_menu.actions() if a.objectName() == "plan_workshop")
    plan.trigger()
    plan.trigger()  # the open planner comes back; no second copy
    assert window.tabs.count() == 1 and window.tabs.tabText(0) == "Peer support · round 1"
    planner = window.tabs.widget(0)
    assert isinstance(planner, WorkshopPlanner) and planner.workshop_id == seeded.workshop_id
    planner.add_next_round()
    assert window.tabs.tabText(0) == "Peer support · round 2"  # the window hears of the save through its live refresh
    window.workshop_id = None
    export.trigger()
    assert window.errors and "Select a workshop" in window.errors[0]


# ---- the whole job ---------------------------------------------------------------------------------------
def test_three_rounds_with_sydney_across_its_clock_change_and_invitations_on_both_sides(
    qtbot: QtBot, planner: WorkshopPlanner, sqlite_database: Database, seeded: Seeded, tmp_path: Path,
) -> None:
    """Round 1 on Mon 21 Sep 2026 09:00 Shanghai (11:00 AEST in Sydney); rounds 2 and 3 a week apart. Sydney
    moves to summer time on 4 Oct, so round 3 is at 12:00 there: the planner says so, and the invitations
    land at the stored instants, which read 11:00, 11:00 and 12:00 on Sydney's clock."""
    from exports.ics import write_exchange_ics

    planner.date_edit.setDate(planner.date_edit.date().addDays(-28))  # Mon 19 Oct -> Mon 21 Sep
    assert "Mon 21 Sep 2026 11:00–13:50" in planner.sides_label.text()
    assert not any(p.is_error for p in planner.problems())  # concurrent breakouts, interpretation: all fine
    assert planner.confirm()
    round_two = planner.add_next_round()
    round_three = planner.add_next_round()
    assert round_two is not None and round_three is not None
    assert not planner.next_round_button.isEnabled()  # all three planned rounds exist
    shifted = [p for p in planner.problems() if p.code == "dst_between_rounds"]
    assert len(shifted) == 1 and "University of Sydney" in shifted[0].message
    assert "Mon 05 Oct 2026 12:00–14:50" in planner.sides_label.text()
    assert planner.confirm()
    with sqlite_database.transaction() as session:
        path = write_exchange_ics(session, seeded.exchange_id, tmp_path / "rounds.ics", "Asia/Shanghai")
    events = Calendar.from_ical(path.read_bytes()).events
    sydney = ZoneInfo("Australia/Sydney")
    starts = [e.decoded("DTSTART") for e in events]
    assert [s.astimezone(UTC) for s in starts] == [
        stored_workshop(sqlite_database, wid).starts_at for wid in (seeded.workshop_id, round_two, round_three)]
    assert [s.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%d %H:%M") for s in starts] == [
        "21 09:00", "28 09:00", "05 09:00"]
    assert [s.astimezone(sydney).strftime("%H:%M") for s in starts] == ["11:00", "11:00", "12:00"]
    assert [str(e["STATUS"]) for e in events] == ["CONFIRMED", "TENTATIVE", "CONFIRMED"]


def test_speakers_dialog_keeps_the_order_and_filters(qtbot: QtBot) -> None:
    from app.planning.workshop_plan import SpeakerChoice
    from app.planning.scheduling import SpeakerPlan
    from ui.planning.workshop_planner import SpeakersDialog

    choices = [SpeakerChoice(SpeakerPlan("李伟 Li Wei", person_id=1), "Student Mental Health Center"),
               SpeakerChoice(SpeakerPlan("Wang Fang", person_id=2), "Student Mental Health Center"),
               SpeakerChoice(SpeakerPlan("Jane Doe", contact_id=7), "University of Sydney")]
    dialog = SpeakersDialog("Peer mentors", choices, [(None, 7)])
    qtbot.addWidget(dialog)
    items = {ref: item for item, ref in dialog._items}
    assert items[(None, 7)].checkState() == Qt.CheckState.Checked
    items[(1, None)].setCheckState(Qt.CheckState.Checked)
    assert dialog.selected() == [(None, 7), (1, None)]  # the partner speaker stays first
    dialog.filter.setText("wang")
    assert items[(1, None)].isHidden() and not items[(2, None)].isHidden()
