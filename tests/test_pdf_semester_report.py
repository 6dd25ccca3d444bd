"""The semester report as management reads it: every figure on the page is the one the database holds."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.views.semester_report import semester_report_data
from exports.fonts import load_fonts
from exports.semester_report_pdf import render_semester_report
from models import Attendance, EvaluationAction, VisitPriority
from models.enums import PublicationChannel, ReviewStatus, VisitStatus, WorkshopStatus
from tests.test_pdf_documents import HOSTILE, assert_every_font_embedded, pdf_text

IAD = "Asia/Shanghai"
TODAY = date(2027, 1, 25)
Factory = Callable[..., Any]


@pytest.fixture
def fall(make_semester: Factory, make_department: Factory, make_partner: Factory, make_person: Factory,
         make_exchange: Factory, make_workshop: Factory, make_participation: Factory, make_report: Factory,
         make_rubric_item: Factory, make_evaluation: Factory, db_session: Session) -> dict[str, Any]:
    """2026 Fall: Oxford with the Library (two rounds held), Tokyo with the Library and Career Center (one held,
    one cancelled); six people, attendance recorded, four reports, two interviews, visit priorities."""
    fall = make_semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
    spring = make_semester(name="2026 Spring", starts_on=date(2026, 2, 20), ends_on=date(2026, 7, 10))
    library = make_department(name_en="Library", name_zh="图书馆")
    careers = make_department(name_en="Career Center", name_zh="就业中心")
    oxford = make_partner(name="University of Oxford", country="United Kingdom")
    tokyo = make_partner(name="University of Tokyo", country="Japan", timezone="Asia/Tokyo")
    make_partner(name="Sorbonne Université")  # not met this semester: never in the report
    access = make_exchange(semester=fall, title="Open access", partners=[oxford], departments=[library],
                           planned_rounds=2)
    careers_exchange = make_exchange(semester=fall, title="Career fairs", partners=[tokyo],
                                     departments=[library, careers])
    make_exchange(semester=spring, title="Spring exchange", partners=[oxford], departments=[careers])
    start = datetime(2026, 10, 15, 7, 0, tzinfo=UTC)
    first = make_workshop(exchange=access, round_number=1, starts_at=start, status=WorkshopStatus.HELD)
    second = make_workshop(exchange=access, round_number=2, starts_at=start + timedelta(days=30),
                           status=WorkshopStatus.HELD)
    tokyo_held = make_workshop(exchange=careers_exchange, starts_at=start + timedelta(days=7),
                               status=WorkshopStatus.HELD)
    make_workshop(exchange=careers_exchange, round_number=2, starts_at=start + timedelta(days=60),
                  status=WorkshopStatus.CANCELLED)
    librarians = [make_person(name_en=f"Librarian {n}", name_zh=f"馆员{n}", department=library) for n in range(3)]
    advisers = [make_person(name_en=f"Adviser {n}", name_zh="", department=careers) for n in range(3)]
    access_people = [make_participation(person=person, exchange=access) for person in librarians]
    tokyo_people = [make_participation(person=person, exchange=careers_exchange)
                    for person in [librarians[0], *advisers]]
    # Expected places: 3 people × 2 held rounds + 4 people × 1 held round = 10; attended: 5 + 3 = 8.
    for participation, workshop, present in [
        (access_people[0], first, True), (access_people[1], first, True), (access_people[2], first, False),
        (access_people[0], second, True), (access_people[1], second, True), (access_people[2], second, True),
        (tokyo_people[0], tokyo_held, True), (tokyo_people[1], tokyo_held, True), (tokyo_people[2], tokyo_held, True),
    ]:
        db_session.add(Attendance(participation_id=participation.id, workshop_id=workshop.id, attended=present))
    make_report(participation=access_people[0], title="Open access in practice", submitted_on=date(2026, 12, 1),
                review_status=ReviewStatus.ACCEPTED, publication_channel=PublicationChannel.WECHAT,
                published_on=date(2026, 12, 20), publication_url="https://mp.weixin.qq.com/s/open-access")
    make_report(participation=access_people[1], title="Metadata standards", submitted_on=date(2026, 12, 3),
                review_status=ReviewStatus.ACCEPTED)
    make_report(participation=tokyo_people[1], title="Career fairs abroad", submitted_on=date(2026, 12, 5),
                review_status=ReviewStatus.UNDER_REVIEW)
    make_report(participation=tokyo_people[2], title="Not yet written")
    quality = make_rubric_item(name_en="Quality", name_zh="质量")
    use = make_rubric_item(name_en="Use", name_zh="应用")
    make_evaluation(department=library, semester=fall, interview_date=date(2026, 12, 10),
                    findings="The library now publishes its policy in English.\n\nSecond paragraph, not shown.",
                    scores=[(quality, 5), (use, 4)],
                    actions=[EvaluationAction(description="Translate the deposit guide", owner="Li Na",
                                              due_on=date(2027, 1, 10)),
                             EvaluationAction(description="Share slides", owner="Wu", done=True)])
    make_evaluation(department=careers, semester=fall, interview_date=date(2026, 12, 12),
                    findings="Students asked for a second round.", scores=[(quality, 3)],
                    actions=[EvaluationAction(description="Plan round two with Tokyo", owner="",
                                              due_on=date(2027, 3, 1))])
    db_session.add_all([
        VisitPriority(person_id=librarians[0].id, partner_id=oxford.id, computed_score=14.0, adjustment=2.5,
                      status=VisitStatus.APPROVED),
        VisitPriority(person_id=advisers[0].id, partner_id=tokyo.id, computed_score=12.0, status=VisitStatus.CANDIDATE),
    ])
    db_session.flush()
    return {"fall": fall}


def test_the_report_holds_the_numbers_of_the_database(db_session: Session, fall: dict[str, Any]) -> None:
    data = semester_report_data(db_session, fall["fall"].id, IAD, today=TODAY)
    assert (data.exchanges, data.workshops_held, data.workshops_cancelled, data.workshops_planned) == (2, 3, 1, 0)
    assert (data.participants, data.seats_expected, data.seats_attended) == (6, 10, 8)
    assert [(p.name, p.exchanges, p.workshops_held, p.workshops_cancelled, p.participants, p.others)
            for p in data.partners] == [
        ("University of Oxford", 1, 2, 0, 3, "Library"),
        ("University of Tokyo", 1, 1, 1, 4, "Career Center; Library"),
    ]
    assert [(d.name, d.exchanges, d.workshops_held, d.participants, d.others) for d in data.departments] == [
        ("Career Center (就业中心)", 1, 1, 3, "University of Tokyo"),  # its own staff who took part
        ("Library (图书馆)", 2, 3, 3, "University of Oxford; University of Tokyo"),
    ]
    assert (data.reports_owed, data.reports_submitted, data.reports_accepted, data.reports_published) == (4, 3, 2, 1)
    assert [i.finding for i in data.interviews] == ["Students asked for a second round.",
                                                    "The library now publishes its policy in English."]
    assert data.interview_average == pytest.approx((5 + 4 + 3) / 3)
    assert [(a.description, a.overdue) for a in data.open_actions] == [
        ("Plan round two with Tokyo", False), ("Translate the deposit guide", True)]
    assert [(c.person, c.partner, c.score) for c in data.candidates] == [
        ("Librarian 0 (馆员0)", "University of Oxford", 16.5), ("Adviser 0", "University of Tokyo", 12.0)]

    text = " ".join(pdf_text(render_semester_report(data, printed_on=TODAY)).split())
    for expected in ("Semester report", "2026 Fall", "2 exchanges", "3 workshops held", "6 participants",
                     "1 reports published", "80% (8 of 10 places)", "University of Oxford", "Career Center; Library",
                     "Open access in practice", "20 December 2026",
                     "Translate the deposit guide", "overdue", "Plan round two with Tokyo", "16.5", "Approved",
                     "图书馆", "馆员0", "4.0"):
        assert expected in text, expected
    assert "https://mp.weixin.qq.com/s/open-access" in "".join(text.split())  # the link column wraps it
    assert "Sorbonne" not in text and "Spring exchange" not in text and "Share slides" not in text
    assert "Second paragraph" not in text


def test_hostile_text_prints_literally_and_fonts_are_embedded(db_session: Session, fall: dict[str, Any],
                                                             make_report: Factory, make_participation: Factory,
                                                             make_exchange: Factory, make_person: Factory,
                                                             make_partner: Factory) -> None:
    person = make_person(name_en=HOSTILE[1], name_zh=HOSTILE[2])
    exchange = make_exchange(semester=fall["fall"], partners=[make_partner(name=HOSTILE[0])],
                             departments=[person.department])
    make_report(participation=make_participation(person=person, exchange=exchange), title=HOSTILE[3],
                publication_channel=PublicationChannel.WEBSITE, published_on=date(2026, 12, 30),
                publication_url='javascript:alert("x")', submitted_on=date(2026, 12, 2))
    person.department.name_en = HOSTILE[4]
    person.department.name_zh = HOSTILE[5]
    db_session.flush()
    data = semester_report_data(db_session, fall["fall"].id, IAD, today=TODAY)
    pdf = render_semester_report(data, fonts=load_fonts(), printed_on=TODAY)
    text = pdf_text(pdf)
    packed = "".join(text.split())  # narrow cells wrap long words
    for hostile in HOSTILE:
        assert "".join(hostile.split()) in packed, hostile
    assert 'javascript:alert("x")' in packed and b"javascript" not in pdf  # printed, never made a link
    assert_every_font_embedded(pdf)


def test_an_empty_semester_says_so_in_every_section(db_session: Session, make_semester: Factory) -> None:
    empty = make_semester(name="2027 Spring", starts_on=date(2027, 2, 20), ends_on=date(2027, 7, 10))
    data = semester_report_data(db_session, empty.id, IAD, today=TODAY)
    assert data.attendance is None and data.interview_average is None
    text = " ".join(pdf_text(render_semester_report(data, printed_on=TODAY)).split())
    for sentence in ("No exchanges this semester.", "No report of this semester has been published yet.",
                     "No department was interviewed this semester.",
                     "Every action agreed in this semester's interviews is done.",
                     "No visit priority has been computed for this semester's partners."):
        assert sentence in text


def test_the_report_reads_in_a_fixed_number_of_queries(db_session: Session, db_engine: Engine, count_queries: Any,
                                                       fall: dict[str, Any], make_exchange: Factory,
                                                       make_participation: Factory) -> None:
    with count_queries(db_engine) as before:
        semester_report_data(db_session, fall["fall"].id, IAD, today=TODAY)
    for _ in range(5):
        make_participation(exchange=make_exchange(semester=fall["fall"]))
    db_session.flush()
    with count_queries(db_engine) as after:
        semester_report_data(db_session, fall["fall"].id, IAD, today=TODAY)
    assert after.count == before.count


def test_the_command_writes_the_report(tmp_path: Path) -> None:
    database = tmp_path / "iad.sqlite3"
    env_run = [sys.executable, "-m", "app", "--database", str(database)]
    subprocess.run([*env_run, "demo"], check=True, capture_output=True, text=True)
    target = tmp_path / "report.pdf"
    done = subprocess.run([*env_run, "export", "semester-report", "--semester", "2026 Spring", "-o", str(target)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Wrote the semester report of 2026 Spring" in done.stdout
    assert "Semester report" in pdf_text(target.read_bytes())
    wrong = subprocess.run([*env_run, "export", "semester-report", "--semester", "1999", "-o", str(target)],
                           capture_output=True, text=True)
    assert wrong.returncode != 0 and "1999" in wrong.stderr and "Traceback" not in wrong.stderr
