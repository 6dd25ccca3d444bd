"""The evaluation spreadsheet and the lists: content from the database, types, styling, query counts."""
from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.views.spreadsheet_data import evaluation_rows, partner_rows, report_rows, roster, topic_rows, visit_rows
from exports.evaluation_xlsx import export_evaluations
from exports.list_xlsx import export_partners, export_reports, export_roster, export_topics, export_visits
from models import (
    Attendance,
    Department,
    Evaluation,
    EvaluationAction,
    EvaluationScore,
    Exchange,
    Outreach,
    Partner,
    RubricItem,
    Semester,
    VisitPriority,
)
from models.enums import (
    ExchangeKind,
    OutreachStatus,
    ParticipantRole,
    ProposalSource,
    ProposalStatus,
    PublicationChannel,
    ReviewStatus,
    VisitStatus,
    WorkshopStatus,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def sheet_rows(path: Path, title: str) -> list[tuple[Any, ...]]:
    return list(load_workbook(path)[title].iter_rows(values_only=True))


def assert_table_styled(path: Path, title: str, columns: int, rows: int) -> None:
    sheet = load_workbook(path)[title]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=columns).column_letter}{rows + 1}"
    assert all(cell.font.bold and cell.fill.fill_type == "solid" for cell in sheet[1])


# ---- evaluations ----------------------------------------------------------------------
@pytest.fixture
def rubric(db_session: Session) -> list[RubricItem]:
    items = [RubricItem(name_en=f"Item {n}", name_zh=f"项目{n}", position=n) for n in (1, 2, 3)]
    db_session.add_all(items)
    db_session.flush()
    return items


@pytest.fixture
def make_evaluation(db_session: Session) -> Callable[..., Evaluation]:
    def make(department: Department, semester: Semester, day: date, scores: Iterable[tuple[RubricItem, int]],
             exchanges: Iterable[Exchange] = (), notes: str = "", interviewer: str = "Xu Wen") -> Evaluation:
        evaluation = Evaluation(department=department, semester=semester, interview_date=day,
                                interviewer=interviewer, exchanges=list(exchanges))
        db_session.add(evaluation)
        db_session.flush()
        for item, score in scores:
            db_session.add(EvaluationScore(evaluation_id=evaluation.id, rubric_item_id=item.id, score=score,
                                           notes=notes))
        db_session.flush()
        return evaluation

    return make


@pytest.fixture
def interviews(db_session: Session, rubric: list[RubricItem], make_evaluation: Callable[..., Evaluation],
               make_semester: Callable[..., Semester], make_department: Callable[..., Department],
               make_partner: Callable[..., Partner], make_exchange: Callable[..., Exchange]) -> dict[str, Any]:
    spring = make_semester(name="2026 Spring", starts_on=date(2026, 2, 20), ends_on=date(2026, 7, 10))
    fall = make_semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
    library = make_department(name_en="Library", name_zh="图书馆")
    careers = make_department(name_en="Career Center", name_zh="就业中心")
    security = make_department(name_en="Campus Security", name_zh="")
    oxford = make_partner(name="University of Oxford")
    tokyo = make_partner(name="University of Tokyo", timezone="Asia/Tokyo")
    first = make_exchange(semester=spring, title="Open access", partners=[oxford, tokyo])
    second = make_exchange(semester=spring, title="Digital archives", partners=[tokyo])
    a, b, c = rubric
    make_evaluation(library, spring, date(2026, 6, 1), [(a, 5), (b, 4), (c, 3)], exchanges=[first, second],
                    notes="=1+1")
    make_evaluation(library, fall, date(2026, 12, 1), [(a, 2), (b, 3)])
    make_evaluation(careers, spring, date(2026, 6, 5), [(a, 4), (b, 4), (c, 5)])
    make_evaluation(careers, fall, date(2026, 12, 3), [(a, 1)])
    make_evaluation(security, fall, date(2026, 12, 4), [])  # interviewed, not scored yet
    return {"spring": spring, "fall": fall}


def test_evaluation_rows_sheet(db_session: Session, interviews: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "evaluations.xlsx"
    assert export_evaluations(db_session, path) == 10
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Summary", "Interviews", "Actions", "Scores", "Trend"]
    rows = sheet_rows(path, "Scores")
    assert rows[0] == ("Interview #", "Department", "Semester", "Exchanges", "Partners", "Interviewer",
                       "Interview date", "Rubric item", "Score", "Notes")
    first = rows[1]
    assert first[1:] == ("Career Center (就业中心)", "2026 Spring", None, None, "Xu Wen", datetime(2026, 6, 5),
                         "Item 1 (项目1)", 4, None)
    library = [row for row in rows[1:] if row[1] == "Library (图书馆)" and row[2] == "2026 Spring"]
    assert [(row[3], row[4], row[7], row[8], row[9]) for row in library] == [
        ("Digital archives; Open access", "University of Oxford; University of Tokyo", f"Item {n} (项目{n})", score,
         "=1+1") for n, score in ((1, 5), (2, 4), (3, 3))]
    # Semesters in time order; an interview without scores still has its row.
    assert [row[2] for row in rows[1:]] == ["2026 Spring"] * 6 + ["2026 Fall"] * 4
    unscored = [row for row in rows if row[1] == "Campus Security"]
    assert [(row[2], row[6], row[7], row[8]) for row in unscored] == [("2026 Fall", datetime(2026, 12, 4), None, None)]

    scores = workbook["Scores"]
    assert scores["G2"].is_date and scores["G2"].number_format == "yyyy-mm-dd"
    notes = [cell for cell in scores["J"][1:] if cell.value == "=1+1"]
    assert len(notes) == 3 and all(cell.data_type == "s" and cell.quotePrefix for cell in notes)
    assert_table_styled(path, "Scores", 10, 10)


def test_summary_averages_equal_the_database(db_session: Session, interviews: dict[str, Any],
                                             tmp_path: Path) -> None:
    path = tmp_path / "evaluations.xlsx"
    export_evaluations(db_session, path)
    summary = load_workbook(path)["Summary"]
    sheet = [row for row in summary.iter_rows(min_row=2, values_only=True)]
    by_department = {row[0]: row[1:4] for row in sheet if row[0]}
    by_semester = {row[5]: row[6:9] for row in sheet if row[5]}

    averages = dict(db_session.execute(
        select(Department.name_en, func.avg(EvaluationScore.score))
        .join(Evaluation, Evaluation.department_id == Department.id)
        .join(EvaluationScore, EvaluationScore.evaluation_id == Evaluation.id)
        .group_by(Department.name_en)).all())
    assert by_department["Library (图书馆)"][2] == pytest.approx(float(averages["Library"]))
    assert by_department["Career Center (就业中心)"][2] == pytest.approx(float(averages["Career Center"]))
    assert by_department["Library (图书馆)"][:2] == (2, 5)
    assert by_department["Campus Security"] == (1, 0, None)  # interviewed, nothing to average

    per_semester = dict(db_session.execute(
        select(Semester.name, func.avg(EvaluationScore.score))
        .join(Evaluation, Evaluation.semester_id == Semester.id)
        .join(EvaluationScore, EvaluationScore.evaluation_id == Evaluation.id)
        .group_by(Semester.name)).all())
    assert list(by_semester) == ["2026 Spring", "2026 Fall"]
    for name, (_interviews, _scores, average) in by_semester.items():
        assert average == pytest.approx(float(per_semester[name]))
    assert summary["D3"].number_format == "0.00" and summary["D3"].data_type == "n"
    assert summary.freeze_panes == "A2" and summary.auto_filter.ref == "A1:D4"
    assert summary["A1"].font.bold and summary["F1"].font.bold

    with zipfile.ZipFile(path) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert "<barChart>" in chart and "Average score per department" in chart
    assert "'Summary'!$D$2:$D$4" in chart and "'Summary'!$A$2:$A$4" in chart


def test_one_semester_only(db_session: Session, interviews: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "fall.xlsx"
    assert export_evaluations(db_session, path, interviews["fall"].id) == 4
    assert {row[2] for row in sheet_rows(path, "Scores")[1:]} == {"2026 Fall"}


def test_an_empty_selection_still_makes_a_readable_file(db_session: Session, tmp_path: Path,
                                                        make_semester: Callable[..., Semester]) -> None:
    path = tmp_path / "empty.xlsx"
    assert export_evaluations(db_session, path, make_semester().id) == 0
    assert sheet_rows(path, "Summary") == [("No interviews recorded for this selection.",)]
    assert len(sheet_rows(path, "Scores")) == 1


def test_interviews_sheet_holds_each_interview_whole(db_session: Session, interviews: dict[str, Any],
                                                    tmp_path: Path) -> None:
    library_spring = db_session.scalars(select(Evaluation).join(Department)
                                        .where(Department.name_en == "Library")
                                        .order_by(Evaluation.interview_date)).first()
    assert library_spring is not None
    findings = "=HYPERLINK(\"http://evil\")\nThe open access workshop changed our policy.\n\n" + "细节" * 400
    library_spring.interviewees = "Li Na (head), Zhao Lei"
    library_spring.findings = findings
    db_session.flush()
    path = tmp_path / "evaluations.xlsx"
    export_evaluations(db_session, path)
    rows = sheet_rows(path, "Interviews")
    assert rows[0] == ("Interview #", "Department", "Semester", "Interview date", "Interviewer", "Interviewees",
                       "Exchanges discussed", "Partners", "Findings", "Average score")
    assert len(rows) == 1 + 5  # one row per interview
    library = next(row for row in rows[1:] if row[0] == library_spring.id)
    assert library[1:9] == ("Library (图书馆)", "2026 Spring", datetime(2026, 6, 1), "Xu Wen", "Li Na (head), Zhao Lei",
                            "Digital archives; Open access", "University of Oxford; University of Tokyo", findings)
    assert library[9] == pytest.approx((5 + 4 + 3) / 3)
    unscored = next(row for row in rows[1:] if row[1] == "Campus Security")
    assert unscored[9] is None
    sheet = load_workbook(path)["Interviews"]
    cell = next(c for c in sheet["I"][1:] if c.value == findings)
    assert cell.data_type == "s" and cell.quotePrefix  # a hostile finding stays text
    assert_table_styled(path, "Interviews", 10, 5)


def test_actions_sheet_holds_every_action_with_overdue_marked(db_session: Session, interviews: dict[str, Any],
                                                              tmp_path: Path) -> None:
    evaluations = db_session.scalars(select(Evaluation).order_by(Evaluation.interview_date)).all()
    db_session.add_all([
        EvaluationAction(evaluation_id=evaluations[0].id, description="Share the open access policy", owner="Li Na",
                         due_on=date(2026, 9, 30), done=False),
        EvaluationAction(evaluation_id=evaluations[0].id, description="@SUM(A1) invite Tokyo", owner="Zhao Lei",
                         due_on=date(2026, 7, 1), done=True),
        EvaluationAction(evaluation_id=evaluations[3].id, description="Plan a second round", owner="",
                         due_on=date(2027, 3, 1), done=False),
        EvaluationAction(evaluation_id=evaluations[4].id, description="No date yet", owner="Wu", due_on=None,
                         done=False),
    ])
    db_session.flush()
    path = tmp_path / "evaluations.xlsx"
    export_evaluations(db_session, path, today=date(2026, 12, 10))
    rows = sheet_rows(path, "Actions")
    assert rows[0] == ("Interview #", "Department", "Semester", "Agreed action", "Owner", "Due date", "Done",
                       "Overdue")
    assert [(row[3], row[4], row[5], row[6], row[7]) for row in rows[1:]] == [
        ("Share the open access policy", "Li Na", datetime(2026, 9, 30), "no", "overdue"),
        ("@SUM(A1) invite Tokyo", "Zhao Lei", datetime(2026, 7, 1), "yes", None),
        ("No date yet", "Wu", None, "no", None),  # the fall: Campus Security before Career Center
        ("Plan a second round", None, datetime(2027, 3, 1), "no", None),
    ]
    sheet = load_workbook(path)["Actions"]
    assert sheet["D3"].data_type == "s" and sheet["D3"].quotePrefix
    assert_table_styled(path, "Actions", 8, 4)


def test_trend_sheet_matches_the_averages_and_has_a_line_chart(db_session: Session, interviews: dict[str, Any],
                                                               tmp_path: Path) -> None:
    path = tmp_path / "evaluations.xlsx"
    export_evaluations(db_session, path)
    rows = sheet_rows(path, "Trend")
    assert rows[0] == ("Department", "2026 Spring", "2026 Fall")
    trend = {row[0]: row[1:] for row in rows[1:] if row[0]}
    expected = dict(((name, semester), float(average)) for name, semester, average in db_session.execute(
        select(Department.name_en, Semester.name, func.avg(EvaluationScore.score))
        .join(Evaluation, Evaluation.department_id == Department.id)
        .join(Semester, Semester.id == Evaluation.semester_id)
        .join(EvaluationScore, EvaluationScore.evaluation_id == Evaluation.id)
        .group_by(Department.name_en, Semester.name)))
    assert trend["Library (图书馆)"] == (pytest.approx(expected[("Library", "2026 Spring")]),
                                        pytest.approx(expected[("Library", "2026 Fall")]))
    assert trend["Career Center (就业中心)"][1] == pytest.approx(1.0)
    assert trend["Campus Security"] == (None, None)  # interviewed in the fall, nothing scored
    with zipfile.ZipFile(path) as archive:
        charts = [archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/charts/")]
    line = next(chart for chart in charts if "<lineChart>" in chart)
    assert "Average score per semester" in line and "'Trend'!$B$1:$C$1" in line


def test_evaluation_rows_take_three_queries_however_many_interviews(
        db_session: Session, db_engine: Engine, count_queries: Any, interviews: dict[str, Any],
        rubric: list[RubricItem], make_evaluation: Callable[..., Evaluation],
        make_department: Callable[..., Department]) -> None:
    with count_queries(db_engine) as before:
        evaluation_rows(db_session)
    for _ in range(5):
        make_evaluation(make_department(), interviews["fall"], date(2026, 12, 9), [(rubric[0], 3)])
    with count_queries(db_engine) as after:
        assert len(evaluation_rows(db_session)) == 15
    assert before.count == after.count == 3


# ---- lists ----------------------------------------------------------------------------
def test_topic_summary(db_session: Session, tmp_path: Path, make_proposal: Callable[..., Any],
                       make_semester: Callable[..., Semester], make_department: Callable[..., Department],
                       make_area: Callable[..., Any], make_partner: Callable[..., Partner]) -> None:
    semester = make_semester(name="2027 Spring")
    department = make_department(name_en="Library", name_zh="图书馆")
    area = make_area(name_en="Library services", name_zh="图书馆服务")
    imported = make_proposal(semester=semester, department=department, area=area, title="@SUM(A1)",
                             source=ProposalSource.IMPORTED, source_file="library.xlsx", source_row=7,
                             status=ProposalStatus.ACCEPTED, preferred_region="Europe")
    make_proposal(semester=semester, department=department, title="Typed one", description="")
    make_proposal(title="Other semester")
    for partner, status in ((make_partner(name="B University"), OutreachStatus.AGREED),
                            (make_partner(name="A University"), OutreachStatus.NO_REPLY)):
        db_session.add(Outreach(proposal_id=imported.id, partner_id=partner.id, status=status))
    imported.created_at = datetime(2026, 12, 1, 2, 30, tzinfo=UTC)
    db_session.flush()
    path = tmp_path / "topics.xlsx"
    assert export_topics(db_session, path, semester.id, zone=SHANGHAI) == 2
    rows = sheet_rows(path, "Topics")
    assert rows[1] == ("2027 Spring", "Library (图书馆)", "Library services (图书馆服务)", "@SUM(A1)",
                       "What we want to cover", "Both", "Medium", "Europe", "Accepted", "library.xlsx, row 7",
                       datetime(2026, 12, 1, 10, 30), "A University (no reply); B University (agreed)")
    assert rows[2][3:10] == ("Typed one", None, "Both", "Medium", None, "Submitted", "Typed")
    cell = load_workbook(path)["Topics"]["D2"]
    assert cell.data_type == "s" and cell.quotePrefix
    assert_table_styled(path, "Topics", 12, 2)


def test_partner_directory(db_session: Session, tmp_path: Path, make_partner: Callable[..., Partner],
                           make_contact: Callable[..., Any], make_exchange: Callable[..., Exchange],
                           make_semester: Callable[..., Semester]) -> None:
    oxford = make_partner(name="University of Oxford", name_zh="牛津大学", website="https://www.ox.ac.uk",
                          region="Europe")
    make_contact(partner=oxford, name="Ann Smith", email="ann@ox.ac.uk")
    make_contact(partner=oxford, name="Bob Jones", unit="Careers", position="Director")
    lonely = make_partner(name="Lonely University", country="Japan", timezone="Asia/Tokyo", city="")
    semester = make_semester()
    make_exchange(semester=semester, partners=[lonely])
    path = tmp_path / "partners.xlsx"
    assert export_partners(db_session, path) == len(partner_rows(db_session))
    rows = sheet_rows(path, "Partners")
    oxford_rows = [row for row in rows if row[0] == "University of Oxford"]
    assert [row[9] for row in oxford_rows] == ["Ann Smith", "Bob Jones"]
    assert oxford_rows[1] == ("University of Oxford", "牛津大学", "United Kingdom", "London", "Europe",
                              "Europe/London", "English", "https://www.ox.ac.uk", "Active", "Bob Jones", "Careers",
                              "Director", oxford_rows[1][12])
    link = next(cell for cell in load_workbook(path)["Partners"]["H"] if cell.value == "https://www.ox.ac.uk")
    assert link.hyperlink.target == "https://www.ox.ac.uk"
    # With a semester: the partners of its exchanges; a partner without contacts keeps its row.
    assert export_partners(db_session, path, semester.id) == 1
    assert sheet_rows(path, "Partners")[1][:3] == ("Lonely University", None, "Japan")
    assert sheet_rows(path, "Partners")[1][9:] == (None, None, None, None)


def test_roster_with_attendance_per_round(db_session: Session, tmp_path: Path,
                                          make_exchange: Callable[..., Exchange], make_workshop: Callable[..., Any],
                                          make_participation: Callable[..., Any], make_person: Callable[..., Any],
                                          make_department: Callable[..., Department]) -> None:
    exchange = make_exchange(title="Counselling", kind=ExchangeKind.MULTI_ROUND, planned_rounds=3)
    rounds = [make_workshop(exchange=exchange, round_number=n,
                            starts_at=datetime(2026, 10, n * 7, 7, tzinfo=UTC)) for n in (1, 2, 3)]
    rounds[2].status = WorkshopStatus.CANCELLED
    department = make_department(name_en="Library", name_zh="图书馆")
    wang = make_participation(exchange=exchange, person=make_person(name_en="Wang Li", name_zh="王丽",
                                                                    department=department),
                              role=ParticipantRole.LEAD)
    zhao = make_participation(exchange=exchange, person=make_person(name_en="Zhao Min", name_zh="",
                                                                    department=department))
    db_session.add_all([
        Attendance(participation_id=wang.id, workshop_id=rounds[0].id, attended=True),
        Attendance(participation_id=wang.id, workshop_id=rounds[1].id, attended=True),
        Attendance(participation_id=zhao.id, workshop_id=rounds[0].id, attended=False),
    ])
    db_session.flush()
    path = tmp_path / "roster.xlsx"
    assert export_roster(db_session, path, exchange.semester_id) == 2
    rows = sheet_rows(path, "Roster")
    assert rows[0][7:] == ("Round 1", "Round 2", "Round 3", "Rounds attended")
    assert rows[1][4:] == ("Wang Li (王丽)", "Library (图书馆)", "Lead", "yes", "yes", "cancelled", 2)
    assert rows[2][4:] == ("Zhao Min", "Library (图书馆)", "Participant", "no", None, "cancelled", 0)
    assert rows[1][:4] == (exchange.semester.name, "Counselling", "Multi-round dialogue", exchange.partners[0].name)
    assert_table_styled(path, "Roster", 11, 2)


def test_report_tracker(db_session: Session, tmp_path: Path, make_report: Callable[..., Any]) -> None:
    late = make_report(title="Late one", due_on=date(2026, 12, 1), submitted_on=date(2026, 12, 11),
                       review_status=ReviewStatus.ACCEPTED, publication_channel=PublicationChannel.WECHAT,
                       published_on=date(2026, 12, 20), publication_url="https://mp.weixin.qq.com/s/abc")
    rows = report_rows(db_session, late.participation.exchange.semester_id, today=date(2027, 1, 5))
    assert rows[0].days_late == 10
    path = tmp_path / "reports.xlsx"
    export_reports(db_session, path, late.participation.exchange.semester_id)
    sheet = load_workbook(path)["Reports"]
    values = [cell.value for cell in sheet[2]]
    assert values[5:] == ["Late one", datetime(2026, 12, 1), datetime(2026, 12, 11), 10, "Accepted", None,
                          'WeChat "Global SJTU"', datetime(2026, 12, 20), "https://mp.weixin.qq.com/s/abc"]
    assert sheet["G2"].is_date and sheet["M2"].is_date
    assert sheet["N2"].hyperlink.target == "https://mp.weixin.qq.com/s/abc"


def test_days_late_until_submission_or_today() -> None:
    from app.views.spreadsheet_data import days_late

    assert days_late(date(2026, 12, 1), None, date(2026, 12, 4)) == 3
    assert days_late(date(2026, 12, 1), date(2026, 11, 30), date(2026, 12, 4)) is None
    assert days_late(None, None, date(2026, 12, 4)) is None


def test_visit_ranking_per_partner(db_session: Session, tmp_path: Path, make_partner: Callable[..., Partner],
                                   make_person: Callable[..., Any]) -> None:
    oxford, tokyo = make_partner(name="Oxford"), make_partner(name="Tokyo", timezone="Asia/Tokyo")
    people = [make_person(name_en=name, name_zh="") for name in ("Ann", "Bo", "Cy")]
    parts = {"facts": {"rounds_attended": 2}, "parts": [
        {"key": "rounds_attended", "points": 4.0, "explanation": "2 rounds × 2.00 = 4.00"}]}
    db_session.add_all([
        VisitPriority(person_id=people[0].id, partner_id=oxford.id, computed_score=4.0, score_parts=parts),
        VisitPriority(person_id=people[1].id, partner_id=oxford.id, computed_score=3.0, adjustment=2.0,
                      adjustment_reason="Leads the follow-up project", adjusted_by="officer",
                      status=VisitStatus.APPROVED),
        VisitPriority(person_id=people[2].id, partner_id=oxford.id, computed_score=4.0,
                      score_parts={"facts": {"rounds_attended": 3}}),
        VisitPriority(person_id=people[0].id, partner_id=tokyo.id, computed_score=1.0, status=VisitStatus.VISITED,
                      visited_on=date(2026, 5, 1)),
    ])
    db_session.flush()
    ranked = [(row.partner, row.rank, row.person, row.final_score) for row in visit_rows(db_session)]
    assert ranked == [("Oxford", 1, "Bo", 5.0), ("Oxford", 2, "Cy", 4.0), ("Oxford", 3, "Ann", 4.0),
                      ("Tokyo", 1, "Ann", 1.0)]
    path = tmp_path / "visits.xlsx"
    assert export_visits(db_session, path) == 4
    rows = sheet_rows(path, "Visit ranking")
    assert rows[1][:11] == ("Oxford", 1, "Bo", rows[1][3], 3, 2, "Leads the follow-up project", 5, "Approved",
                            "officer", None)
    assert rows[3][11] == "Rounds attended: 2 rounds × 2.00 = 4.00"
    assert rows[4][10] == datetime(2026, 5, 1)


def test_lists_take_the_same_queries_for_more_rows(
        db_session: Session, db_engine: Engine, count_queries: Any, make_report: Callable[..., Any],
        make_participation: Callable[..., Any], make_proposal: Callable[..., Any],
        make_contact: Callable[..., Any]) -> None:
    def counts() -> list[int]:
        found = []
        for read in (lambda: topic_rows(db_session), lambda: partner_rows(db_session),
                     lambda: roster(db_session), lambda: report_rows(db_session), lambda: visit_rows(db_session)):
            with count_queries(db_engine) as counter:
                read()
            found.append(counter.count)
        return found

    make_report()
    make_proposal()
    make_contact()
    first = counts()
    for _ in range(4):
        make_report()
        make_proposal()
        make_contact()
        make_participation()
    assert counts() == first
