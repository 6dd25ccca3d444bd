"""The evaluation summary as a division head reads it: averages checked by hand, every interview, odd text."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.views.documents import DocumentDataError
from app.errors import AppError, NotFoundError
from app.views.evaluation_summary import EvaluationSummaryData, evaluation_summary_data
from exports.evaluation_summary_pdf import one_decimal, render_evaluation_summary
from exports.fonts import load_fonts
from models import EvaluationAction, RubricItem
from tests.test_pdf_documents import HOSTILE, assert_every_font_embedded, page_count, pdf_text

IAD = "Asia/Shanghai"
PRINTED = date(2026, 12, 20)
Factory = Callable[..., Any]


def by_hand(scores: list[int]) -> str:
    """The average as a reader works it out: exact, one decimal, halves up; "" for nothing scored."""
    if not scores:
        return ""
    return str((Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@pytest.fixture
def semester_interviews(make_semester: Factory, make_department: Factory, make_exchange: Factory,
                        make_rubric_item: Factory, make_evaluation: Factory) -> dict[str, Any]:
    """Three departments of 2026 Fall: the Library twice, Career Center without one item, Security unscored."""
    fall = make_semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
    rubric = [make_rubric_item(name_en=en, name_zh=zh, position=n) for n, (en, zh) in enumerate([
        ("Relevance of topic", "主题相关性"), ("Quality of partner exchange", "交流质量"),
        ("Applicability to daily management", "对日常管理的适用性")])]
    relevance, quality, applicability = rubric
    library = make_department(name_en="Library", name_zh="图书馆")
    careers = make_department(name_en="Career Center", name_zh="就业中心")
    security = make_department(name_en="Campus Security", name_zh="")
    access = make_exchange(semester=fall, title="Open access", departments=[library])
    archives = make_exchange(semester=fall, title="Digital archives", departments=[library])
    scores = {
        "library-december": [(relevance, 4), (quality, 5, "Partner very well prepared."), (applicability, 3)],
        "library-january": [(relevance, 5), (quality, 4), (applicability, 2)],
        "careers": [(relevance, 3), (quality, 4)],
    }
    make_evaluation(department=library, semester=fall, interview_date=date(2027, 1, 8), interviewer="徐雯 Wen Xu",
                    interviewees="Director Li", findings="Second visit: the pilot has started.",
                    scores=scores["library-january"])
    make_evaluation(department=library, semester=fall, interview_date=date(2026, 12, 1), interviewer="陈静 Chen Jing",
                    interviewees="Director Li, Ms Wang", exchanges=[access, archives],
                    findings="Staff applied two practices learned from the partner.",
                    scores=scores["library-december"],
                    actions=[EvaluationAction(description="Circulate the partner's templates", owner="Ms Wang",
                                              due_on=date(2027, 1, 10)),
                             EvaluationAction(description="Invite the partner to a return workshop", owner="IAD",
                                              done=True)])
    make_evaluation(department=careers, semester=fall, interview_date=date(2026, 12, 3),
                    findings="就业中心认为交流主题贴近实际工作。", scores=scores["careers"])
    make_evaluation(department=security, semester=fall, interview_date=date(2026, 12, 4), findings="Not scored yet.")
    return dict(semester=fall, rubric=rubric, scores=scores, library=library, careers=careers, security=security)


def summary(db_session: Session, semester_id: int) -> EvaluationSummaryData:
    db_session.expire_all()  # read from the database, as the application does in a new session
    return evaluation_summary_data(db_session, semester_id, IAD)


def values(scores: list[tuple[Any, ...]], item: RubricItem | None = None) -> list[int]:
    return [score for scored, score, *_notes in scores if item is None or scored is item]


# ---- data --------------------------------------------------------------------
def test_departments_interviews_and_columns_in_order(db_session: Session,
                                                     semester_interviews: dict[str, Any]) -> None:
    data = summary(db_session, semester_interviews["semester"].id)
    assert data.semester == "2026 Fall"
    assert [item.name_en for item in data.rubric] == [item.name_en for item in semester_interviews["rubric"]]
    assert [line.department.name_en for line in data.departments] == ["Campus Security", "Career Center", "Library"]
    assert [(i.department.name_en, i.interview_date) for i in data.interviews] == [
        ("Campus Security", date(2026, 12, 4)), ("Career Center", date(2026, 12, 3)),
        ("Library", date(2026, 12, 1)), ("Library", date(2027, 1, 8))]
    december = data.interviews[2]
    assert december.exchanges == ("Digital archives", "Open access")
    assert [(s.item.name_en, s.score, s.notes) for s in december.scores][1] == (
        "Quality of partner exchange", 5, "Partner very well prepared.")
    assert [(a.description, a.owner, a.due_on, a.done) for a in december.actions] == [
        ("Circulate the partner's templates", "Ms Wang", date(2027, 1, 10), False),
        ("Invite the partner to a return workshop", "IAD", None, True)]
    assert (data.department_count, data.interview_count) == (3, 4)


def test_averages_are_the_means_of_the_scores_given(db_session: Session, semester_interviews: dict[str, Any]) -> None:
    data = summary(db_session, semester_interviews["semester"].id)
    scores = semester_interviews["scores"]
    library = scores["library-december"] + scores["library-january"]
    everything = library + scores["careers"]
    rows = {line.department.name_en: line.averages for line in data.departments}
    for item, column in zip(semester_interviews["rubric"], range(3)):
        assert rows["Library"].items[column] == pytest.approx(sum(values(library, item)) / 2)
        everyone = values(everything, item)
        assert data.all_departments.items[column] == pytest.approx(sum(everyone) / len(everyone))
    assert rows["Library"].overall == pytest.approx(sum(values(library)) / len(library))
    assert rows["Career Center"].items[2] is None  # Applicability was not scored
    assert (rows["Campus Security"].overall, rows["Campus Security"].interviews) == (None, 1)
    assert rows["Library"].interviews == 2
    assert data.all_departments.interviews == 4
    assert data.all_departments.overall == pytest.approx(sum(values(everything)) / len(everything))
    assert data.interviews[0].average is None


def test_reads_in_a_fixed_number_of_queries(
    db_session: Session, db_engine: Engine, count_queries: Any, semester_interviews: dict[str, Any],
    make_evaluation: Factory, make_department: Factory, make_exchange: Factory,
) -> None:
    fall, rubric = semester_interviews["semester"], semester_interviews["rubric"]
    db_session.expire_all()
    with count_queries(db_engine) as few:
        evaluation_summary_data(db_session, fall.id, IAD)
    for n in range(8):
        department = make_department(name_en=f"Office {n}")
        make_evaluation(department=department, semester=fall, scores=[(item, 1 + n % 5) for item in rubric],
                        exchanges=[make_exchange(semester=fall, departments=[department])],
                        actions=[EvaluationAction(description=f"Action {n}", owner="IAD")])
    db_session.expire_all()
    with count_queries(db_engine) as many:
        data = evaluation_summary_data(db_session, fall.id, IAD)
    assert data.interview_count == 12
    assert many.count == few.count <= 6


def test_retired_items_appear_only_where_this_semester_scored_them(
    db_session: Session, semester_interviews: dict[str, Any], make_rubric_item: Factory,
) -> None:
    applicability = semester_interviews["rubric"][2]
    applicability.active = False
    make_rubric_item(name_en="Old criterion", active=False)
    make_rubric_item(name_en="Sustainability", name_zh="可持续性", position=99)
    db_session.flush()
    data = summary(db_session, semester_interviews["semester"].id)
    assert [item.name_en for item in data.rubric] == [
        "Relevance of topic", "Quality of partner exchange", "Applicability to daily management", "Sustainability"]
    assert data.all_departments.items[3] is None


def test_a_semester_without_interviews_is_one_sentence(db_session: Session, make_semester: Factory) -> None:
    empty = make_semester(name="2027 Spring")
    with pytest.raises(DocumentDataError) as caught:
        evaluation_summary_data(db_session, empty.id, IAD)
    assert isinstance(caught.value, AppError)
    assert str(caught.value) == ("No department interviews are recorded for 2027 Spring; record one before "
                                 "printing its evaluation summary.")
    with pytest.raises(NotFoundError, match="There is no semester with id 987654."):
        evaluation_summary_data(db_session, 987654, IAD)


# ---- PDF ---------------------------------------------------------------------
def test_pdf_shows_the_figures_worked_out_by_hand(db_session: Session, semester_interviews: dict[str, Any]) -> None:
    pdf = render_evaluation_summary(summary(db_session, semester_interviews["semester"].id), printed_on=PRINTED)
    text = pdf_text(pdf)
    scores = semester_interviews["scores"]
    library = scores["library-december"] + scores["library-january"]
    everything = library + scores["careers"]
    relevance, quality, applicability = semester_interviews["rubric"]
    assert "Evaluation summary" in text and "评估汇总" in text and "2026 Fall" in text
    assert "Printed 20 December 2026" in text and "printed 20 December 2026" in text and "Page 1 of" in text
    assert (f"3 departments interviewed · 4 interviews · overall average {by_hand(values(everything))} of 5"
            in text)
    for item in semester_interviews["rubric"]:
        assert item.name_en in text and item.name_zh in text
    # One matrix row per department: its averages per item, overall, and the number of interviews.
    library_row = [by_hand(values(library, item)) for item in (relevance, quality, applicability)]
    assert library_row == ["4.5", "4.5", "2.5"]  # 4 and 5, 5 and 4, 3 and 2
    assert f"Library 图书馆 {' '.join(library_row)} {by_hand(values(library))} 2" in text
    careers = scores["careers"]
    assert (f"Career Center 就业中心 {by_hand(values(careers, relevance))} {by_hand(values(careers, quality))} "
            f"{by_hand(values(careers))} 1") in text  # Applicability was not scored: an empty cell
    assert "Campus Security 1" in text
    everyone = " ".join(by_hand(values(everything, item)) for item in (relevance, quality, applicability))
    assert f"All departments {everyone} {by_hand(values(everything))} 4" in text


def test_pdf_shows_every_interview_in_order_with_scores_findings_and_actions(
    db_session: Session, semester_interviews: dict[str, Any],
) -> None:
    text = pdf_text(render_evaluation_summary(summary(db_session, semester_interviews["semester"].id)))
    order = ["Campus Security — Friday 4 December 2026", "Career Center · 就业中心 — Thursday 3 December 2026",
             "Library · 图书馆 — Tuesday 1 December 2026", "Library · 图书馆 — Friday 8 January 2027"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    december = text[positions[2]:positions[3]]
    assert "陈静 Chen Jing" in december and "Director Li, Ms Wang" in december
    assert "Digital archives" in december and "Open access" in december
    assert "Quality of partner exchange 交流质量 5 Partner very well prepared." in december
    assert "Staff applied two practices learned from the partner." in december
    assert "Circulate the partner's templates Ms Wang 10 January 2027 Open" in december
    assert "Invite the partner to a return workshop IAD — Done" in december
    assert "就业中心认为交流主题贴近实际工作。" in text
    unscored = text[positions[0]:positions[1]]
    assert "not scored" in unscored and "No actions were agreed." in unscored and "none recorded" in unscored


def test_averages_round_halves_up_to_one_decimal() -> None:
    assert [one_decimal(v) for v in (4.25, 4.45, 17 / 6, 4.0, 3.75, None)] == ["4.3", "4.5", "2.8", "4.0", "3.8", ""]


def test_orientation_follows_the_width_the_rubric_needs(
    db_session: Session, semester_interviews: dict[str, Any], make_rubric_item: Factory,
) -> None:
    data = summary(db_session, semester_interviews["semester"].id)
    box = PdfReader(BytesIO(render_evaluation_summary(data))).pages[0].mediabox
    assert box.width < box.height  # three items fit across portrait
    for name in ("Organisation", "Interpretation"):
        make_rubric_item(name_en=name)
    wide = summary(db_session, semester_interviews["semester"].id)
    assert len(wide.rubric) == 5
    pdf = render_evaluation_summary(wide)
    box = PdfReader(BytesIO(pdf)).pages[0].mediabox
    assert box.width > box.height
    assert "Organisation" in pdf_text(pdf) and "Interpretation" in pdf_text(pdf)


def test_every_font_is_embedded_truetype(db_session: Session, semester_interviews: dict[str, Any]) -> None:
    fonts = load_fonts()
    if not fonts.embedded:
        pytest.skip(f"no TrueType CJK font on this machine: {fonts.notice}")
    assert_every_font_embedded(render_evaluation_summary(summary(db_session, semester_interviews["semester"].id)))


def test_hostile_text_prints_literally(db_session: Session, semester_interviews: dict[str, Any],
                                       make_evaluation: Factory) -> None:
    fall, rubric = semester_interviews["semester"], semester_interviews["rubric"]
    semester_interviews["library"].name_en = "<b>unclosed"
    semester_interviews["careers"].name_zh = "&amp;"
    make_evaluation(semester=fall, interviewer="<para>", interviewees="</font>",
                    findings='<img src="/etc/passwd"/>', scores=[(rubric[0], 2, "a & b < c")],
                    actions=[EvaluationAction(description="<b>unclosed", owner="a & b < c")])
    rubric[1].name_en = "</font>"
    db_session.flush()
    pdf = render_evaluation_summary(summary(db_session, fall.id))
    text = pdf_text(pdf)
    for hostile in HOSTILE:
        assert hostile in text
    for page in PdfReader(BytesIO(pdf)).pages:
        assert "/XObject" not in page["/Resources"]  # no image was read from anywhere


def test_long_findings_and_notes_split_across_pages(db_session: Session, semester_interviews: dict[str, Any]) -> None:
    data = summary(db_session, semester_interviews["semester"].id)
    sentences = " ".join(f"Finding {n} about how the workshops changed our practice." for n in range(300))
    first = dataclasses.replace(data.interviews[0], findings=sentences + "\n\n" + "中文发现" * 300)
    library = data.interviews[2]
    notes = dataclasses.replace(library.scores[0], notes="A very long note on this score. " * 120)
    second = dataclasses.replace(library, scores=(notes, *library.scores[1:]))
    long = dataclasses.replace(data, interviews=(first, data.interviews[1], second, data.interviews[3]))
    pdf = render_evaluation_summary(long)
    text = pdf_text(pdf)
    assert page_count(pdf) >= 4
    assert "Finding 299 about how the workshops changed our practice." in text
    assert "中文发现中文发现" in text
    assert text.count("A very long note on this score.") == 120
    assert "Second visit: the pilot has started." in text  # the interviews after the long ones still print
