"""The printed documents as a reader sees them: text extracted from the PDFs, in order, in the right zones."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.views.documents import (
    AgendaData,
    DocumentDataError,
    agenda_data,
    certificate_choices,
    certificate_data,
    programme_data,
    semester_id_by_name,
)
from app.errors import NotFoundError
from exports.agenda_pdf import render_agenda
from exports.certificate_pdf import render_certificate
from exports.fonts import load_fonts
from exports.programme_pdf import render_programme
from models import Attendance, Exchange, Panel, PanelSpeaker, Workshop
from models.enums import ExchangeKind, ParticipantRole, WorkshopStatus

IAD = "Asia/Shanghai"
START = datetime(2026, 10, 15, 7, 0, tzinfo=UTC)  # 15:00 in Shanghai, 08:00 in London (BST)
PRINTED = date(2026, 10, 1)


def pdf_text(pdf: bytes) -> str:
    """The text of every page, with line breaks (wrapped cells) as single spaces."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


def text_positions(pdf: bytes, page: int = 0) -> list[tuple[str, float]]:
    """Every piece of text on a page with its x position on the page."""
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_args: Any) -> None:
        if text.strip():
            found.append((text.strip(), cm[4] + tm[4] * cm[0]))

    PdfReader(BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found


def x_of(positions: list[tuple[str, float]], needle: str) -> float:
    return next(x for text, x in positions if needle in text)


@pytest.fixture
def agenda_setup(
    db_session: Session, make_partner: Callable[..., Any], make_department: Callable[..., Any],
    make_exchange: Callable[..., Any], make_workshop: Callable[..., Any], make_person: Callable[..., Any],
    make_contact: Callable[..., Any], make_participation: Callable[..., Any],
) -> dict[str, Any]:
    """Round 2 of 3: an opening, three concurrent panels on three tracks, a closing."""
    partner = make_partner(name="University of Edinburgh", name_zh="爱丁堡大学", city="Edinburgh",
                           timezone="Europe/London")
    department = make_department(name_en="Student Mental Health Center", name_zh="心理健康教育中心")
    exchange = make_exchange(title="Residential college support", kind=ExchangeKind.MULTI_ROUND, planned_rounds=3,
                             partners=[partner], departments=[department])
    workshop = make_workshop(exchange=exchange, round_number=2, starts_at=START, duration_minutes=180,
                             interpretation_languages="Chinese–English", interpreter="Ms Zhou Lin")
    zhang = make_person(name_en="Zhang Wei", name_zh="张伟", department=department, position="Director")
    li = make_person(name_en="Li Na", name_zh="李娜", department=department)
    fiona = make_contact(partner=partner, name="Fiona MacLeod", unit="Wellbeing Service", position="Head")
    exchange.partner_participants.append(fiona)
    plan = [
        (0, 30, "Main room", "Opening of both teams"),
        (40, 35, "Main room", "Track one panel"),
        (40, 35, "Breakout A", "Track two panel"),
        (40, 35, "Breakout B", "Track three panel"),
        (90, 40, "Main room", "Closing and next round"),
    ]
    panels = []
    for offset, minutes, track, title in plan:
        panel = Panel(workshop=workshop, title=title, track=track, starts_at=START + timedelta(minutes=offset),
                      duration_minutes=minutes, moderator="Zhang Wei")
        panel.speakers = [PanelSpeaker(person=zhang, position=0), PanelSpeaker(contact=fiona, position=1)]
        db_session.add(panel)
        panels.append(panel)
    lead = make_participation(person=zhang, exchange=exchange, role=ParticipantRole.LEAD)
    make_participation(person=li, exchange=exchange)
    db_session.flush()
    return dict(workshop=workshop, exchange=exchange, zhang=zhang, li=li, partner=partner, panels=panels,
                lead=lead, fiona=fiona)


def fresh_agenda(db_session: Session, workshop_id: int) -> AgendaData:
    db_session.expire_all()  # read from the database, as the application does in a new session
    return agenda_data(db_session, workshop_id, IAD)


# ---- agenda data -------------------------------------------------------------
def test_agenda_data_has_both_zones_tracks_in_order_and_slots(db_session: Session,
                                                            agenda_setup: dict[str, Any]) -> None:
    data = fresh_agenda(db_session, agenda_setup["workshop"].id)
    iad, london = data.times
    assert (iad.start.hour, iad.end.hour, iad.abbreviation, iad.utc_offset) == (15, 18, "CST", "UTC+08:00")
    assert (london.start.hour, london.end.hour, london.abbreviation, london.utc_offset) == (8, 11, "BST", "UTC+01:00")
    assert london.place == "University of Edinburgh"
    assert data.tracks == ("Main room", "Breakout A", "Breakout B")
    assert data.max_concurrent_tracks == 3
    assert [slot.single_track for slot in data.slots] == [True, False, True]
    assert [len(cell) for cell in data.slots[1].cells] == [1, 1, 1]
    assert [p.title for p in data.panels][0] == "Opening of both teams"
    assert data.our_participants[0].name_zh == "张伟" and data.our_participants[0].role == ParticipantRole.LEAD
    assert data.partner_participants[0].partner == "University of Edinburgh"
    speakers = data.panels[0].speakers
    assert speakers[0].ours and (speakers[0].institution, speakers[0].institution_zh) == (
        "Student Mental Health Center", "心理健康教育中心")
    assert not speakers[1].ours and speakers[1].institution == "University of Edinburgh, Wellbeing Service"


def test_agenda_data_reads_in_a_fixed_number_of_queries(
    db_session: Session, db_engine: Engine, agenda_setup: dict[str, Any], count_queries: Any,
) -> None:
    workshop = agenda_setup["workshop"]
    with count_queries(db_engine) as few:
        fresh_agenda(db_session, workshop.id)
    for n in range(12):  # many more panels, speakers and participants: still the same queries
        panel = Panel(workshop=workshop, title=f"Extra {n}", track=f"Room {n % 3}",
                      starts_at=START + timedelta(minutes=140), duration_minutes=30)
        panel.speakers = [PanelSpeaker(person=agenda_setup["li"], position=0)]
        db_session.add(panel)
    db_session.flush()
    with count_queries(db_engine) as many:
        fresh_agenda(db_session, workshop.id)
    assert many.count == few.count <= 8


def test_unknown_workshop_is_one_sentence(db_session: Session) -> None:
    with pytest.raises(NotFoundError, match="There is no workshop with id 987654"):
        agenda_data(db_session, 987654, IAD)


def test_a_bad_partner_zone_names_the_partner(db_session: Session, agenda_setup: dict[str, Any]) -> None:
    agenda_setup["partner"].timezone = "Mars/Olympus"
    db_session.flush()
    with pytest.raises(DocumentDataError, match="Partner University of Edinburgh has the time zone 'Mars/Olympus'"):
        fresh_agenda(db_session, agenda_setup["workshop"].id)


# ---- agenda PDF --------------------------------------------------------------
def test_agenda_pdf_shows_both_zones_every_panel_and_chinese_names(db_session: Session,
                                                                  agenda_setup: dict[str, Any]) -> None:
    pdf = render_agenda(fresh_agenda(db_session, agenda_setup["workshop"].id), printed_on=PRINTED, language="both")
    text = pdf_text(pdf)
    assert "IAD Online Workshops" in text and "国际合作与交流处 在线研讨会" in text
    assert "Residential college support" in text
    assert "University of Edinburgh (爱丁堡大学)" in text
    assert "Round 2 of 3" in text
    assert "15:00–18:00" in text and "CST, UTC+08:00" in text
    assert "08:00–11:00" in text and "BST, UTC+01:00" in text
    assert "Thursday 15 October 2026" in text
    assert "15:40–16:15" in text and "08:40–09:15" in text  # the concurrent slot in both zones
    for panel in agenda_setup["panels"]:
        assert panel.title in text
    assert "张伟 Zhang Wei" in text and "李娜 Li Na" in text
    assert "Fiona MacLeod" in text and "Wellbeing Service" in text
    assert "Zoom" in text and "https://zoom.example/j/1" in text
    assert "Chinese–English" in text and "Ms Zhou Lin" in text
    assert "Page 1 of" in text and "printed 1 October 2026" in text


def test_agenda_is_landscape_with_three_concurrent_tracks_and_portrait_otherwise(
    db_session: Session, agenda_setup: dict[str, Any],
) -> None:
    data = fresh_agenda(db_session, agenda_setup["workshop"].id)
    box = PdfReader(BytesIO(render_agenda(data))).pages[0].mediabox
    assert box.width > box.height
    two_tracks = dataclasses.replace(data, max_concurrent_tracks=2)
    box = PdfReader(BytesIO(render_agenda(two_tracks))).pages[0].mediabox
    assert box.width < box.height


def test_agenda_track_columns_are_side_by_side_in_order(db_session: Session, agenda_setup: dict[str, Any]) -> None:
    pdf = render_agenda(fresh_agenda(db_session, agenda_setup["workshop"].id))
    page = next(n for n in range(page_count(pdf)) if any("Track one panel" in t for t, _x in text_positions(pdf, n)))
    positions = text_positions(pdf, page)
    headers = [x_of(positions, "Main room"), x_of(positions, "Breakout A"), x_of(positions, "Breakout B")]
    panels = [x_of(positions, "Track one panel"), x_of(positions, "Track two panel"),
              x_of(positions, "Track three panel")]
    assert headers == sorted(headers) and panels == sorted(panels)
    for header, panel in zip(headers, panels):
        assert abs(header - panel) < 2  # each panel sits in its track's column


def test_every_font_is_embedded_truetype(db_session: Session, agenda_setup: dict[str, Any]) -> None:
    fonts = load_fonts()
    if not fonts.embedded:
        pytest.skip(f"no TrueType CJK font on this machine: {fonts.notice}")
    assert_every_font_embedded(render_agenda(fresh_agenda(db_session, agenda_setup["workshop"].id)))


def assert_every_font_embedded(pdf: bytes) -> None:
    for page in PdfReader(BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/TrueType", font
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]


HOSTILE = ["<b>unclosed", "&amp;", '<img src="/etc/passwd"/>', "<para>", "</font>", "a & b < c"]


def test_hostile_text_prints_literally(db_session: Session, agenda_setup: dict[str, Any]) -> None:
    exchange, panels = agenda_setup["exchange"], agenda_setup["panels"]
    exchange.title = "<b>unclosed"
    panels[0].title = '<img src="/etc/passwd"/>'
    panels[1].title = "&amp;"
    panels[2].description = "<para>"
    panels[3].moderator = "</font>"
    agenda_setup["zhang"].name_en = "a & b < c"
    db_session.flush()
    pdf = render_agenda(fresh_agenda(db_session, agenda_setup["workshop"].id))
    text = pdf_text(pdf)
    for hostile in HOSTILE:
        assert hostile in text
    for page in PdfReader(BytesIO(pdf)).pages:
        assert "/XObject" not in page["/Resources"]  # no image was read from anywhere


def test_very_long_title_and_description_split_across_pages(db_session: Session,
                                                            agenda_setup: dict[str, Any]) -> None:
    panels = agenda_setup["panels"]
    sentences = " ".join(f"Sentence {n} of a very long description of practice." for n in range(400))
    panels[0].description = sentences  # in a row spanning every track
    panels[2].description = sentences + " 中文说明" * 200  # in a row of concurrent tracks
    panels[1].title = "Long title " * 27
    agenda_setup["exchange"].title = "一个很长的交流题目" * 33
    db_session.flush()
    pdf = render_agenda(fresh_agenda(db_session, agenda_setup["workshop"].id))
    text = pdf_text(pdf)
    assert page_count(pdf) >= 4
    assert "Sentence 399 of a very long description" in text
    assert "Closing and next round" in text and "Zhang Wei" in text
    for page in range(page_count(pdf)):  # a tall row continues on the next page under one header
        assert [t for t, _x in text_positions(pdf, page)].count("Time") <= 1


def test_agenda_without_panels_or_participants_still_prints(
    make_workshop: Callable[..., Workshop], db_session: Session,
) -> None:
    workshop = make_workshop()
    pdf = render_agenda(fresh_agenda(db_session, workshop.id))
    text = pdf_text(pdf)
    assert "No panels have been scheduled" in text and "No participants recorded yet." in text
    assert "One-off dialogue" in text


# ---- programme ---------------------------------------------------------------
@pytest.fixture
def semester_setup(make_semester: Callable[..., Any], make_exchange: Callable[..., Exchange],
                   make_workshop: Callable[..., Workshop], make_partner: Callable[..., Any]) -> dict[str, Any]:
    semester = make_semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
    london = make_partner(name="University of Edinburgh", name_zh="爱丁堡大学", timezone="Europe/London")
    toronto = make_partner(name="University of Toronto", name_zh="多伦多大学", timezone="America/Toronto")
    multi = make_exchange(semester=semester, title="Mental health dialogue", kind=ExchangeKind.MULTI_ROUND,
                          planned_rounds=3, partners=[london])
    single = make_exchange(semester=semester, title="Asset management talk", partners=[toronto])
    make_workshop(exchange=multi, round_number=1, starts_at=START, status=WorkshopStatus.HELD)
    make_workshop(exchange=multi, round_number=2, starts_at=START + timedelta(days=35),
                  status=WorkshopStatus.CANCELLED)
    # 13:00 UTC is 21:00 in Shanghai and 08:00 in Toronto the same day
    make_workshop(exchange=single, starts_at=datetime(2026, 11, 3, 13, 0, tzinfo=UTC))
    return dict(semester=semester)


def test_programme_groups_by_month_with_both_zones(db_session: Session, semester_setup: dict[str, Any]) -> None:
    data = programme_data(db_session, semester_setup["semester"].id, IAD)
    assert [(m.year, m.month, len(m.lines)) for m in data.months] == [(2026, 10, 1), (2026, 11, 2)]
    assert (data.workshop_count, data.exchange_count, data.partner_count) == (3, 2, 2)
    pdf = render_programme(data, printed_on=PRINTED)
    text = pdf_text(pdf)
    assert "Semester programme" in text and "2026 Fall" in text and "Contents" in text
    assert "October 2026 · 2026年10月" in text and "November 2026 · 2026年11月" in text
    assert "15:00–18:00 CST" in text and "08:00–11:00 BST" in text
    assert "21:00–00:00 (+1 day)（次日） CST" in text and "08:00–11:00 EST" in text
    assert "Mental health dialogue" in text and "Asset management talk" in text
    assert "University of Edinburgh 爱丁堡大学" in text and "University of Toronto 多伦多大学" in text
    assert "1 of 3" in text and "2 of 3" in text and "One-off" in text
    assert "Held" in text and "Cancelled" in text and "Planned" in text
    # the contents list gives each month's page
    first_page = PdfReader(BytesIO(pdf)).pages[0].extract_text()
    assert "October 2026 · 2026年10月" in first_page and "2" in first_page.split("October 2026")[1]


def test_programme_reads_in_a_fixed_number_of_queries(
    db_session: Session, db_engine: Engine, semester_setup: dict[str, Any], count_queries: Any,
    make_exchange: Callable[..., Exchange], make_workshop: Callable[..., Workshop],
) -> None:
    semester = semester_setup["semester"]
    db_session.expire_all()
    with count_queries(db_engine) as few:
        programme_data(db_session, semester.id, IAD)
    for n in range(10):
        make_workshop(exchange=make_exchange(semester=semester, title=f"More {n}"), starts_at=START)
    db_session.expire_all()
    with count_queries(db_engine) as many:
        data = programme_data(db_session, semester.id, IAD)
    assert data.workshop_count == 13
    assert many.count == few.count <= 5


def test_semester_by_name(db_session: Session, semester_setup: dict[str, Any]) -> None:
    assert semester_id_by_name(db_session, "2026 Fall") == semester_setup["semester"].id
    with pytest.raises(NotFoundError, match=r"There is no semester named '1999 Fall' \(there are: .*2026 Fall"):
        semester_id_by_name(db_session, "1999 Fall")


def test_empty_semester_programme(make_semester: Callable[..., Any], db_session: Session) -> None:
    semester = make_semester()
    text = pdf_text(render_programme(programme_data(db_session, semester.id, IAD)))
    assert "No workshops are scheduled in this semester yet." in text


# ---- certificate -------------------------------------------------------------
def attend(db_session: Session, participation_id: int, *workshops: Workshop) -> None:
    db_session.add_all([Attendance(participation_id=participation_id, workshop_id=w.id) for w in workshops])
    db_session.flush()


def test_certificate_names_the_person_in_both_scripts_and_the_rounds_attended(
    db_session: Session, agenda_setup: dict[str, Any], make_workshop: Callable[..., Workshop],
) -> None:
    exchange = agenda_setup["exchange"]
    first = make_workshop(exchange=exchange, round_number=1, starts_at=START - timedelta(days=28))
    third = make_workshop(exchange=exchange, round_number=3, starts_at=START + timedelta(days=28))
    attend(db_session, agenda_setup["lead"].id, first, agenda_setup["workshop"])
    db_session.add(Attendance(participation_id=agenda_setup["lead"].id, workshop_id=third.id, attended=False))
    db_session.flush()
    data = certificate_data(db_session, agenda_setup["zhang"].id, exchange.id, IAD)
    assert [r.round_number for r in data.rounds] == [1, 2]
    pdf = render_certificate(data, issued_on=date(2026, 12, 1))
    assert page_count(pdf) == 1
    text = pdf_text(pdf)
    assert "Certificate of Participation" in text and "参与证书" in text
    assert "张伟" in text and "Zhang Wei" in text
    assert "Residential college support" in text and "University of Edinburgh" in text and "爱丁堡大学" in text
    assert "round 1 on 17 September 2026" in text and "round 2 on 15 October 2026" in text
    assert "第1轮（2026年9月17日）" in text and "第2轮（2026年10月15日）" in text
    assert "round 3" not in text
    assert "1 December 2026" in text and "Director, International Affairs Division" in text


def test_certificate_stays_one_page_with_a_very_long_title(db_session: Session,
                                                           agenda_setup: dict[str, Any]) -> None:
    attend(db_session, agenda_setup["lead"].id, agenda_setup["workshop"])
    agenda_setup["exchange"].title = "A very long exchange title " * 11
    agenda_setup["zhang"].name_en = "<b>Zhang & Wei"
    db_session.flush()
    pdf = render_certificate(certificate_data(db_session, agenda_setup["zhang"].id, agenda_setup["exchange"].id, IAD))
    assert page_count(pdf) == 1
    assert "<b>Zhang & Wei" in pdf_text(pdf)


def test_certificate_refusals_are_one_sentence(db_session: Session, agenda_setup: dict[str, Any],
                                               make_person: Callable[..., Any]) -> None:
    zhang, exchange = agenda_setup["zhang"], agenda_setup["exchange"]
    with pytest.raises(DocumentDataError, match="No attended round is recorded for Zhang Wei"):
        certificate_data(db_session, zhang.id, exchange.id, IAD)
    outsider = make_person(name_en="Wang Fang")
    with pytest.raises(NotFoundError, match="Wang Fang is not a participant of 'Residential college support'"):
        certificate_data(db_session, outsider.id, exchange.id, IAD)
    with pytest.raises(NotFoundError, match="There is no person with id 99999"):
        certificate_data(db_session, 99999, exchange.id, IAD)
    with pytest.raises(NotFoundError, match="There is no exchange with id 99999"):
        certificate_data(db_session, zhang.id, 99999, IAD)


def test_certificate_choices_list_each_participation(db_session: Session, agenda_setup: dict[str, Any]) -> None:
    choices = certificate_choices(db_session)
    mine = [c for c in choices if c.exchange_id == agenda_setup["exchange"].id]
    assert [c.person_label for c in mine] == ["Li Na 李娜", "Zhang Wei 张伟"]
    assert mine[0].exchange_label.startswith("Residential college support (")
    semester_id = agenda_setup["exchange"].semester_id
    assert {c.exchange_id for c in certificate_choices(db_session, semester_id)} == {agenda_setup["exchange"].id}


def test_partners_sharing_a_zone_share_one_clock_after_the_iads() -> None:
    from app.views.documents import PartnerInfo, clocks_for

    partners = [PartnerInfo(1, "Oxford", "", "UK", "", "Europe/London"),
                PartnerInfo(2, "Fudan", "", "China", "", "Asia/Shanghai"),
                PartnerInfo(3, "Edinburgh", "", "UK", "", "Europe/London")]
    clocks = clocks_for(IAD, partners)
    assert [(c.zone, c.place) for c in clocks] == [("Asia/Shanghai", "IAD / Fudan"),
                                                   ("Europe/London", "Oxford / Edinburgh")]
