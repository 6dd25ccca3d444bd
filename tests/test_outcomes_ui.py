"""Dialogs and views of the outcomes: review, adjustment, ranking, interview, overdue lists, menu install."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from app.actor import Actor
from app.storage.database import Database
from app.directory.reference_data import ensure_reference_data
from app.settings import Settings
from models import (
    Attendance,
    AuditEntry,
    Department,
    Evaluation,
    Exchange,
    Participation,
    Partner,
    Person,
    Report,
    ReportFile,
    RubricItem,
    Semester,
    VisitPriority,
    Workshop,
)
from models.enums import PublicationChannel, ReviewStatus, UserRole, VisitStatus, WorkshopStatus
from ui.evaluation.adjustment_dialog import AdjustmentDialog
from ui.evaluation.interview_dialog import InterviewDialog
from ui.outcomes.outcomes_actions import install
from ui.outcomes.overdue_view import DueForInterviewView, OverdueView
from ui.outcomes.report_review_dialog import ReportReviewDialog
from ui.evaluation.visit_ranking_view import VisitRankingView

TODAY = date(2026, 12, 20)
OFFICER = Actor("chen.jing", UserRole.OFFICER, display_name="Chen Jing")


@dataclass
class World:
    semester: int
    counselling: int
    assets: int
    partner: int
    exchange: int
    people: dict[str, int]
    reports: dict[str, int]


@pytest.fixture
def world(sqlite_database: Database) -> World:
    """One exchange with Oxford: two held rounds, three participants, their reports at various stages."""
    with sqlite_database.transaction() as session:
        ensure_reference_data(session)
        semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        counselling = Department(name_en="Counselling Centre", name_zh="心理咨询中心")
        assets = Department(name_en="Asset Management", name_zh="资产管理处")
        oxford = Partner(name="University of Oxford", country="United Kingdom", timezone="Europe/London")
        session.add_all([semester, counselling, assets, oxford])
        session.flush()
        exchange = Exchange(semester_id=semester.id, title="Peer support <networks>", partners=[oxford],
                            departments=[counselling])
        session.add(exchange)
        session.flush()
        rounds = [Workshop(exchange_id=exchange.id, round_number=n, status=WorkshopStatus.HELD,
                           starts_at=datetime(2026, 10, 7 * n, 7, tzinfo=UTC)) for n in (1, 2)]
        session.add_all(rounds)
        people = {name: Person(department_id=dept.id, name_en=name, name_zh=zh, email=f"{name[:2].lower()}@sjtu.edu.cn")
                  for name, zh, dept in [("Zhang Wei", "张伟", counselling), ("Li Na", "李娜", counselling),
                                         ("Wang Bo", "王博", assets)]}
        session.add_all(people.values())
        session.flush()
        participations = {name: Participation(person_id=p.id, exchange_id=exchange.id) for name, p in people.items()}
        session.add_all(participations.values())
        session.flush()
        for workshop in rounds:
            session.add(Attendance(participation_id=participations["Zhang Wei"].id, workshop_id=workshop.id))
        session.add(Attendance(participation_id=participations["Li Na"].id, workshop_id=rounds[0].id))
        reports = {
            "submitted": Report(participation_id=participations["Zhang Wei"].id, title="Peer mentors",
                                due_on=date(2026, 12, 1), submitted_on=date(2026, 11, 20),
                                review_status=ReviewStatus.SUBMITTED),
            "overdue": Report(participation_id=participations["Li Na"].id, title="", due_on=date(2026, 11, 1)),
            "accepted": Report(participation_id=participations["Wang Bo"].id, title="Shared labs",
                               due_on=date(2026, 12, 1), submitted_on=date(2026, 11, 15),
                               review_status=ReviewStatus.ACCEPTED, reviewer="Wu"),
        }
        session.add_all(reports.values())
        session.flush()
        return World(semester.id, counselling.id, assets.id, oxford.id, exchange.id,
                     {name: p.id for name, p in people.items()}, {key: r.id for key, r in reports.items()})


def stored_report(database: Database, report_id: int) -> Report:
    with database.sessions() as session:
        report = session.get(Report, report_id)
        assert report is not None
        session.expunge(report)
        return report


# ---- report review -------------------------------------------------------------
def test_review_dialog_saves_a_status_change(qtbot: QtBot, sqlite_database: Database, world: World) -> None:
    dialog = ReportReviewDialog(sqlite_database, Settings(), OFFICER, world.reports["submitted"],
                                today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.heading.text() == "Peer mentors — 张伟 Zhang Wei"
    statuses = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert statuses == [ReviewStatus.SUBMITTED, ReviewStatus.UNDER_REVIEW]
    dialog.status.setCurrentIndex(1)
    assert dialog.reviewer.text() == "Chen Jing"  # the officer's name, prefilled visibly because it was empty
    dialog.notes.setPlainText("Reading it this week")
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    report = stored_report(sqlite_database, world.reports["submitted"])
    assert (report.review_status, report.reviewer, report.review_notes) == (
        ReviewStatus.UNDER_REVIEW, "Chen Jing", "Reading it this week")


def test_review_dialog_publishes_on_wechat(qtbot: QtBot, sqlite_database: Database, world: World) -> None:
    dialog = ReportReviewDialog(sqlite_database, Settings(), OFFICER, world.reports["accepted"], today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.published_on.isEnabled()
    dialog.channel.setCurrentIndex(dialog.channel.findData(PublicationChannel.WECHAT))
    assert dialog.published_on.isEnabled()
    dialog.published_on.setDate(QDate(2026, 12, 18))
    qtbot.keyClicks(dialog.link, "https://mp.weixin.qq.com/s/xyz")
    dialog.save()
    report = stored_report(sqlite_database, world.reports["accepted"])
    assert (report.publication_channel, report.published_on, report.publication_url) == (
        PublicationChannel.WECHAT, date(2026, 12, 18), "https://mp.weixin.qq.com/s/xyz")


def test_review_dialog_refusal_saves_nothing(qtbot: QtBot, sqlite_database: Database, world: World) -> None:
    dialog = ReportReviewDialog(sqlite_database, Settings(), OFFICER, world.reports["submitted"], today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(1)  # under review: allowed
    dialog.channel.setCurrentIndex(dialog.channel.findData(PublicationChannel.WEBSITE))  # not accepted: refused
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors["publication_channel"].isVisibleTo(dialog)
    assert "Only accepted reports" in dialog.errors["publication_channel"].text()
    report = stored_report(sqlite_database, world.reports["submitted"])
    assert report.review_status is ReviewStatus.SUBMITTED  # the review step was rolled back with it


def test_review_dialog_attachment_checksum_and_article(
    qtbot: QtBot, sqlite_database: Database, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report_id = world.reports["accepted"]
    dialog = ReportReviewDialog(sqlite_database, Settings(attachment_limit_mb=1), OFFICER, report_id)
    qtbot.addWidget(dialog)
    big = tmp_path / "huge.pdf"
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    assert not dialog.attach(big)
    assert "at most 1 MB" in dialog.errors["file"].text()
    source = tmp_path / "labs.md"
    source.write_text("## What we saw\n\nShared <equipment> booking.\n", encoding="utf-8")
    dialog.notes.setPlainText("unsaved note")
    assert dialog.attach(source)
    assert dialog.notes.toPlainText() == "unsaved note"  # attaching keeps what was typed
    assert "labs.md" in dialog.file_label.text() and dialog.open_button.isEnabled()

    launched: list[Path] = []
    monkeypatch.setattr(dialog, "launch", launched.append)
    opened = dialog.open_attached()
    assert opened is not None and opened.read_bytes() == source.read_bytes() and launched == [opened]

    article = tmp_path / "article.html"
    assert dialog.save_article(article)
    html = article.read_text(encoding="utf-8")
    assert "<h3>What we saw</h3>" in html and "Shared &lt;equipment&gt; booking." in html
    assert "Peer support &lt;networks&gt;" in html

    with sqlite_database.transaction() as session:
        session.execute(update(ReportFile).where(ReportFile.report_id == report_id).values(data=b"tampered"))
    warnings: list[str] = []
    monkeypatch.setattr(dialog, "warn", lambda _title, message: warnings.append(message))
    assert dialog.open_attached() is None
    assert "damaged" in warnings[0] and "damaged" in dialog.errors["file"].text()
    assert not dialog.save_attachment_to(tmp_path / "copy.md")
    assert not (tmp_path / "copy.md").exists()


# ---- visit priority --------------------------------------------------------------
@pytest.fixture
def ranked_view(qtbot: QtBot, sqlite_database: Database, world: World) -> VisitRankingView:
    view = VisitRankingView(sqlite_database, Settings(), OFFICER, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.select_partner(world.partner)
    return view


def test_ranking_view_preview_recompute_and_status(
    qtbot: QtBot, qtmodeltester: Any, ranked_view: VisitRankingView, sqlite_database: Database, world: World
) -> None:
    view = ranked_view
    assert view.ranking is not None and view.ranking.preview
    assert "Preview" in view.state_label.text()
    qtmodeltester.check(view.model)
    with qtbot.waitSignal(view.changed):
        view.recompute_button.click()
    qtmodeltester.check(view.model)
    assert "Computed" in view.state_label.text() and not view.ranking.stale
    names = [view.model.index(row, 1).data() for row in range(view.model.rowCount())]
    assert names == ["张伟 Zhang Wei", "王博 Wang Bo", "李娜 Li Na"]
    # Every score part is a column, with the fact and the points.
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert headers[3:8] == ["Rounds attended", "Report accepted", "Report published", "Department evaluation",
                            "Prior visits"]
    assert view.model.index(0, 3).data() == "2 → 4.00"
    assert view.model.index(2, 4).data() == "0 → 0.00"
    assert view.model.index(0, 6).data() == "no data → 0"
    assert "no data" in view.model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole)
    view.select_row(0)
    assert "Final score: 4.00" in view.details.toPlainText()
    assert view.status_buttons[VisitStatus.NOMINATED].isEnabled()
    assert not view.status_buttons[VisitStatus.APPROVED].isEnabled()
    view.status_buttons[VisitStatus.NOMINATED].click()
    with sqlite_database.sessions() as session:
        row = session.scalars(select(VisitPriority).where(VisitPriority.person_id == world.people["Zhang Wei"])).one()
        assert row.status is VisitStatus.NOMINATED
    assert view.selected() is not None and view.selected().facts.status is VisitStatus.NOMINATED
    view.back_button.click()
    assert view.selected().facts.status is VisitStatus.CANDIDATE


def test_adjustment_dialog_needs_a_reason(
    qtbot: QtBot, ranked_view: VisitRankingView, sqlite_database: Database, world: World
) -> None:
    ranked_view.recompute()
    ranked_view.select_row(2)
    candidate = ranked_view.selected()
    assert candidate is not None and candidate.facts.priority_id is not None
    dialog = AdjustmentDialog(sqlite_database, OFFICER, candidate.facts.priority_id)
    qtbot.addWidget(dialog)
    dialog.adjustment.setValue(5.0)
    assert dialog.preview.text() == "2.00 + 5.00 = 7.00"
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors["adjustment_reason"].isVisibleTo(dialog)
    with sqlite_database.sessions() as session:
        assert session.get_one(VisitPriority, candidate.facts.priority_id).adjustment == 0.0

    qtbot.keyClicks(dialog.reason, "Leads the partner's follow-up project")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with sqlite_database.sessions() as session:
        row = session.get_one(VisitPriority, candidate.facts.priority_id)
        assert (row.adjustment, row.adjustment_reason, row.adjusted_by) == (
            5.0, "Leads the partner's follow-up project", "chen.jing")
        audit = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "visit_priorities",
                                                         AuditEntry.record_id == row.id)).all()
        assert any("adjustment_reason" in entry.changes and entry.username == "chen.jing" for entry in audit)
    ranked_view.reload()
    ranked_view.select_row(0)
    top = ranked_view.selected()
    assert top is not None and top.facts.name == "李娜 Li Na" and top.final_score == 7.0
    assert "Leads the partner's follow-up project" in ranked_view.details.toPlainText()


def test_ranking_view_opens_the_adjustment_dialog(
    qtbot: QtBot, ranked_view: VisitRankingView, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranked_view.recompute()
    ranked_view.select_row(1)
    opened: list[int] = []

    class Fake:
        def __init__(self, priority_id: int) -> None:
            opened.append(priority_id)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(ranked_view, "make_adjustment_dialog", Fake)
    ranked_view.adjust_button.click()
    selected = ranked_view.selected()
    assert selected is not None and opened == [selected.facts.priority_id]


# ---- interview -------------------------------------------------------------------
def test_interview_dialog_records_an_interview(
    qtbot: QtBot, qtmodeltester: Any, sqlite_database: Database, world: World
) -> None:
    dialog = InterviewDialog(sqlite_database, Settings(), OFFICER, department_id=world.counselling,
                             semester_id=world.semester, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.department.currentData() == world.counselling
    assert dialog.interviewer.text() == "Chen Jing"
    assert dialog.exchanges.count() == 1
    boxes = list(dialog.score_boxes.values())
    assert len(boxes) == 5 and all(box.value() == 0 for box in boxes)
    dialog.save()  # no scores yet
    first = next(iter(dialog.score_boxes))
    assert dialog.errors[f"scores.{first}"].isVisibleTo(dialog)
    for value, box in zip([5, 4, 4, 3, 5], boxes, strict=True):
        box.setValue(value)
    dialog.findings.setPlainText("Peer mentoring adopted")
    dialog.add_action()
    model = dialog.actions_model
    model.setData(model.index(0, 0), "Share the mentor handbook")
    model.setData(model.index(0, 1), "Director Wu")
    model.setData(model.index(0, 2), "next week")
    qtmodeltester.check(model)
    dialog.save()
    assert "not a date" in dialog.errors["actions"].text()
    model.setData(model.index(0, 2), "2027-01-15")
    model.setData(model.index(0, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.check_exchange(world.exchange)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    with sqlite_database.sessions() as session:
        evaluation = session.scalars(select(Evaluation)).one()
        assert evaluation.department_id == world.counselling and evaluation.interview_date == TODAY
        assert sorted(s.score for s in evaluation.scores) == [3, 4, 4, 5, 5]
        assert [(a.description, a.owner, a.due_on, a.done) for a in evaluation.actions] == [
            ("Share the mentor handbook", "Director Wu", date(2027, 1, 15), True)]
        assert [e.id for e in evaluation.exchanges] == [world.exchange]
        evaluation_id = evaluation.id

    again = InterviewDialog(sqlite_database, Settings(), OFFICER, evaluation_id)
    qtbot.addWidget(again)
    assert [box.value() for box in again.score_boxes.values()] == [5, 4, 4, 3, 5]
    assert again.exchange_ids() == [world.exchange]
    again.score_boxes[first].setValue(2)
    again.save()
    with sqlite_database.sessions() as session:
        item = session.scalars(select(RubricItem).where(RubricItem.id == first)).one()
        scores = {s.rubric_item_id: s.score for s in session.get_one(Evaluation, evaluation_id).scores}
        assert scores[item.id] == 2


# ---- overdue and due lists ---------------------------------------------------------
def test_overdue_view_lists_and_exports(
    qtbot: QtBot, qtmodeltester: Any, sqlite_database: Database, world: World, tmp_path: Path
) -> None:
    view = OverdueView(sqlite_database, Settings(), world.semester, today=lambda: TODAY)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 1
    assert view.model.index(0, 1).data() == "李娜 Li Na" and view.model.index(0, 2).data() == "49"
    assert "1 overdue reports in 1 departments" in view.summary.text()
    with qtbot.waitSignal(view.open_record) as signal:
        view.open_row(0)
    assert signal.args == ["report", world.reports["overdue"]]
    assert view.export_to(tmp_path / "overdue.xlsx")
    sheet = load_workbook(tmp_path / "overdue.xlsx").active
    assert sheet["A1"].value == "Overdue reports as of 2026-12-20"
    assert sheet["C4"].value == "Li Na"
    assert view.export_to(tmp_path / "overdue.csv")
    assert "Li Na" in (tmp_path / "overdue.csv").read_text(encoding="utf-8-sig")
    view.model.sort(2, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(view.model)


def test_due_for_interview_view(qtbot: QtBot, qtmodeltester: Any, sqlite_database: Database, world: World) -> None:
    view = DueForInterviewView(sqlite_database, Settings(), OFFICER, today=lambda: TODAY)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    # Counselling is listed on the exchange; Asset Management sent a participant.
    assert sorted(view.model.index(r, 0).data() for r in range(view.model.rowCount())) == [
        "Asset Management", "Counselling Centre"]
    assert view.model.index(0, 2).data() == "never"
    with qtbot.waitSignal(view.interview_requested) as signal:
        view.request_interview(0)
    assert signal.args[0] in (world.counselling, world.assets)


# ---- install -------------------------------------------------------------------------
class FakeWindow(QMainWindow):
    """The window API the feature relies on, and nothing more."""

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.has_database = True
        self.start_semester_id: int | None = None  # the semester the window opened with
        self.settings = Settings()
        self.actor = OFFICER
        self.tabs = QTabWidget()
        self.tabs.addTab(QWidget(), "Topics")
        self.setCentralWidget(self.tabs)
        self.tools_menu = QMenu("Tools", self)
        self.opened: list[tuple[str, int]] = []
        self.refreshed = 0
        self.selected: dict[str, int] = {}

    def add_tab(self, widget: QWidget, title: str, position: int | None = None) -> None:
        if position is None:
            self.tabs.addTab(widget, title)
        else:
            self.tabs.insertTab(position, widget, title)

    def open_record(self, kind: str, record_id: int) -> None:
        self.opened.append((kind, record_id))

    def take_first_step(self, step: str) -> None:
        self.opened.append((step, 0))

    def semester_id(self) -> int | None:
        return None

    def selected_id(self, kind: str) -> int | None:
        return self.selected.get(kind)

    def refresh_all(self) -> None:
        self.refreshed += 1

    def show_error(self, title: str, message: str) -> None:
        raise AssertionError(f"{title}: {message}")

    def status_message(self, text: str) -> None:
        pass


def test_install_adds_overview_first_and_tools_actions(
    qtbot: QtBot, sqlite_database: Database, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = FakeWindow(sqlite_database)
    qtbot.addWidget(window)
    actions = install(window)
    actions.today = lambda: TODAY
    assert window.tabs.widget(0) is actions.overview and window.tabs.tabText(0) == "&Overview"
    names = [action.objectName() for action in window.tools_menu.actions() if action.objectName()]
    assert names == ["create_owed_reports_action", "overdue_reports_action", "due_for_interview_action",
                     "department_interview_action", "review_report_action", "visit_priority_action"]
    with qtbot.waitSignal(actions.overview.loaded):
        actions.overview.set_semester(world.semester)
    report_rows = [i for i, item in enumerate(actions.overview.actions_model.rows) if item.kind == "report"]
    actions.overview.activate_row(report_rows[0])
    assert window.opened == [("report", world.reports["overdue"])]
    # A department due for an interview opens the interview form for it.
    started: list[int | None] = []
    monkeypatch.setattr(actions, "record_interview", lambda **kw: started.append(kw.get("department_id")) or True)
    department_rows = [i for i, item in enumerate(actions.overview.actions_model.rows) if item.kind == "department"]
    actions.overview.activate_row(department_rows[0])
    assert started and started[0] in (world.counselling, world.assets)

    # Every participant of the finished exchange already owes a report: nothing to create.
    messages: list[str] = []
    monkeypatch.setattr(window, "status_message", messages.append)
    actions.create_owed_reports()
    assert messages == ["Every participant already has a report."]
    with sqlite_database.transaction() as session:
        newcomer = Person(department_id=world.assets, name_en="Zhao Lei")
        session.add(newcomer)
        session.flush()
        session.add(Participation(person_id=newcomer.id, exchange_id=world.exchange))
    window.selected["exchange"] = world.exchange
    actions.create_owed_reports()
    assert messages[-1] == "1 reports created, due 2026-11-13."  # last round 14 Oct + 30 days
    assert window.refreshed >= 1

    overdue = actions.show_overdue()
    qtbot.addWidget(overdue)
    assert overdue.model.rowCount() == 2  # Li Na, and the report just created for Zhao Lei
    window.selected["partner"] = world.partner
    dialog = actions.show_visit_priority()
    qtbot.addWidget(dialog)
    view = dialog.findChild(VisitRankingView)
    assert view is not None and view.partner_id() == world.partner


def test_without_a_known_officer_name_reviewer_and_interviewer_stay_empty(
    qtbot: QtBot, sqlite_database: Database, world: World
) -> None:
    """On a local file the program knows no officer's name: it never puts in the computer's login instead."""
    from app.actor import local_actor

    actor = local_actor()
    review = ReportReviewDialog(sqlite_database, Settings(), actor, world.reports["submitted"], today=lambda: TODAY)
    qtbot.addWidget(review)
    review.status.setCurrentIndex(1)
    assert review.reviewer.text() == ""
    interview = InterviewDialog(sqlite_database, Settings(), actor, department_id=world.counselling,
                                semester_id=world.semester, today=lambda: TODAY)
    qtbot.addWidget(interview)
    assert interview.interviewer.text() == ""
