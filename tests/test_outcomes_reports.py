"""Reports: owed reports and due dates, attachments with checksums, review workflow, publication, articles."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.outcomes import articles
from app.outcomes import reports as report_service
from app.outcomes.articles import prepare_article
from app.actor import Actor
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.outcomes.reports import (
    AttachmentCorruptError,
    attach_file,
    attach_path,
    ensure_reports,
    group_by_department,
    open_attachment,
    overdue_reports,
    publish_report,
    record_review,
)
from app.settings import Settings
from models import AuditEntry, Report, ReportFile
from models.enums import PublicationChannel, ReviewStatus, WorkshopStatus

Factory = Callable[..., Any]


def accepted(db_session: Session, officer: Actor, report: Report) -> Report:
    record_review(db_session, officer, report.id, ReviewStatus.SUBMITTED, today=date(2026, 11, 20))
    record_review(db_session, officer, report.id, ReviewStatus.UNDER_REVIEW, reviewer="Wang Fang")
    return record_review(db_session, officer, report.id, ReviewStatus.ACCEPTED, reviewer="Wang Fang", notes="Clear")


# ---- owed reports --------------------------------------------------------------
def test_ensure_reports_creates_one_per_participant_due_after_last_round(
    db_session: Session, officer: Actor, make_exchange: Factory, make_workshop: Factory, make_participation: Factory,
) -> None:
    exchange = make_exchange()
    # 23:30 UTC on 2 Nov is 3 Nov in Shanghai: the due date counts from the IAD's day.
    make_workshop(exchange=exchange, round_number=1, starts_at=datetime(2026, 10, 10, 6, 0, tzinfo=UTC))
    make_workshop(exchange=exchange, round_number=2, starts_at=datetime(2026, 11, 2, 23, 30, tzinfo=UTC))
    make_workshop(exchange=exchange, round_number=3, starts_at=datetime(2026, 12, 20, 6, 0, tzinfo=UTC),
                  status=WorkshopStatus.CANCELLED)
    first = make_participation(exchange=exchange)
    second = make_participation(exchange=exchange)
    settings = Settings(report_due_days=30)

    created = ensure_reports(db_session, officer, exchange.id, settings=settings)

    assert sorted(r.participation_id for r in created) == sorted([first.id, second.id])
    assert {r.due_on for r in created} == {date(2026, 12, 3)}
    assert ensure_reports(db_session, officer, exchange.id, settings=settings) == []
    third = make_participation(exchange=exchange)
    again = ensure_reports(db_session, officer, exchange.id, settings=settings)
    assert [r.participation_id for r in again] == [third.id]
    assert db_session.scalar(select(AuditEntry.id).where(AuditEntry.table_name == "reports")) is not None


def test_ensure_semester_reports_only_for_finished_exchanges(
    db_session: Session, officer: Actor, make_semester: Factory, make_exchange: Factory, make_workshop: Factory,
    make_participation: Factory,
) -> None:
    semester = make_semester()
    finished, running, other = (make_exchange(semester=semester), make_exchange(semester=semester),
                                make_exchange())
    make_workshop(exchange=finished, round_number=1, status=WorkshopStatus.HELD)
    make_workshop(exchange=finished, round_number=2, status=WorkshopStatus.CANCELLED)
    make_workshop(exchange=running, round_number=1, status=WorkshopStatus.HELD)
    make_workshop(exchange=running, round_number=2, status=WorkshopStatus.CONFIRMED)
    make_workshop(exchange=other, status=WorkshopStatus.HELD)
    for exchange in (finished, running, other):
        make_participation(exchange=exchange)
    assert report_service.finished_exchange_ids(db_session, semester.id) == [finished.id]
    created = report_service.ensure_semester_reports(db_session, officer, semester.id, settings=Settings())
    assert [r.participation.exchange_id for r in created] == [finished.id]
    assert report_service.ensure_semester_reports(db_session, officer, semester.id, settings=Settings()) == []


def test_ensure_reports_needs_a_round(db_session: Session, officer: Actor, make_exchange: Factory,
                                      make_participation: Factory) -> None:
    exchange = make_exchange(title="Peer counselling")
    make_participation(exchange=exchange)
    with pytest.raises(ValidationError, match="Peer counselling.*no rounds") as caught:
        ensure_reports(db_session, officer, exchange.id, settings=Settings())
    assert caught.value.field == "exchange_id"


# ---- attachments ---------------------------------------------------------------
def test_attachment_round_trip_and_checksum(db_session: Session, officer: Actor, make_report: Factory) -> None:
    report = make_report()
    data = "研究报告 research report\n".encode() * 10
    attach_file(db_session, officer, report.id, "/home/x/report.txt", data, limit_mb=1)
    assert report.file_name == "report.txt"
    assert report.file_size == len(data)
    assert len(report.file_sha256) == 64
    assert open_attachment(db_session, report.id) == data
    # Replacing the file replaces bytes and checksum together.
    attach_file(db_session, officer, report.id, "v2.md", b"# Second", limit_mb=1)
    assert open_attachment(db_session, report.id) == b"# Second"


def test_corrupted_attachment_is_detected(db_session: Session, officer: Actor, make_report: Factory) -> None:
    report = make_report()
    attach_file(db_session, officer, report.id, "report.pdf", b"%PDF-1.7 original bytes", limit_mb=1)
    db_session.execute(update(ReportFile).where(ReportFile.report_id == report.id).values(data=b"%PDF-1.7 0riginal bytes"))
    db_session.expire_all()
    with pytest.raises(AttachmentCorruptError, match="report.pdf.*damaged") as caught:
        open_attachment(db_session, report.id)
    assert caught.value.expected == report.file_sha256


def test_open_attachment_without_file(db_session: Session, make_report: Factory) -> None:
    report = make_report()
    with pytest.raises(NotFoundError, match="no attached file"):
        open_attachment(db_session, report.id)


@pytest.mark.parametrize(
    ("name", "size", "words"),
    [
        ("big.pdf", 2 * 1024 * 1024 + 1, "2.0 MB; attachments may be at most 2 MB"),
        ("tool.exe", 10, "'.exe' cannot be attached"),
        ("empty.docx", 0, "empty"),
    ],
)
def test_attachment_refused_by_size_or_type(
    db_session: Session, officer: Actor, make_report: Factory, name: str, size: int, words: str
) -> None:
    report = make_report()
    with pytest.raises(ValidationError, match=words) as caught:
        attach_file(db_session, officer, report.id, name, b"x" * size, limit_mb=2)
    assert caught.value.field == "file"
    assert db_session.get(ReportFile, report.id) is None
    assert report.file_sha256 == ""


def test_attach_path_checks_size_before_reading(
    db_session: Session, officer: Actor, make_report: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = make_report()
    path = tmp_path / "huge.pdf"
    path.write_bytes(b"x" * (1024 * 1024 + 5))
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    with pytest.raises(ValidationError, match="at most 1 MB"):
        attach_path(db_session, officer, report.id, path, limit_mb=1)


def test_viewer_cannot_attach(db_session: Session, viewer: Actor, make_report: Factory) -> None:
    report = make_report()
    with pytest.raises(PermissionDeniedError):
        attach_file(db_session, viewer, report.id, "a.txt", b"text", limit_mb=1)
    # Refused before anything was stored: a caller that goes on and commits saves no file.
    assert not [obj for obj in db_session.new if isinstance(obj, ReportFile)]
    db_session.flush()
    assert db_session.scalar(select(ReportFile).where(ReportFile.report_id == report.id)) is None


def test_a_stale_attachment_stores_no_file(db_session: Session, officer: Actor, make_report: Factory) -> None:
    from app.errors import ConflictError

    report = make_report()
    stale = report.version
    attach_file(db_session, officer, report.id, "first.txt", b"first", limit_mb=1)
    with pytest.raises(ConflictError):
        attach_file(db_session, officer, report.id, "second.txt", b"second", limit_mb=1, expected_version=stale)
    db_session.flush()
    assert db_session.get_one(ReportFile, report.id).data == b"first"


# ---- review workflow -----------------------------------------------------------
def test_review_workflow_with_revision(db_session: Session, officer: Actor, make_report: Factory) -> None:
    report = make_report()
    record_review(db_session, officer, report.id, "submitted", today=date(2026, 11, 20))
    assert report.submitted_on == date(2026, 11, 20)
    record_review(db_session, officer, report.id, ReviewStatus.UNDER_REVIEW, reviewer="Wang Fang")
    record_review(db_session, officer, report.id, ReviewStatus.REVISION_REQUESTED, reviewer="Wang Fang",
                  notes="Add the partner's figures")
    record_review(db_session, officer, report.id, ReviewStatus.SUBMITTED, today=date(2026, 12, 1))
    # A resubmission keeps the first submission date.
    assert report.submitted_on == date(2026, 11, 20)
    record_review(db_session, officer, report.id, ReviewStatus.UNDER_REVIEW, reviewer="Wang Fang")
    record_review(db_session, officer, report.id, ReviewStatus.ACCEPTED, reviewer="Wang Fang")
    assert report.review_status is ReviewStatus.ACCEPTED
    assert report.reviewer == "Wang Fang"
    statuses = [
        entry.changes["review_status"][1]
        for entry in db_session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "reports", AuditEntry.record_id == report.id)
            .order_by(AuditEntry.id))
        if "review_status" in entry.changes
    ]
    assert statuses == ["submitted", "under_review", "revision_requested", "submitted", "under_review", "accepted"]


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ([], ReviewStatus.ACCEPTED),
        ([], ReviewStatus.UNDER_REVIEW),
        ([ReviewStatus.SUBMITTED], ReviewStatus.ACCEPTED),
        ([ReviewStatus.SUBMITTED], ReviewStatus.NOT_SUBMITTED),
        ([ReviewStatus.SUBMITTED, ReviewStatus.UNDER_REVIEW, ReviewStatus.ACCEPTED], ReviewStatus.SUBMITTED),
        ([ReviewStatus.SUBMITTED, ReviewStatus.UNDER_REVIEW, ReviewStatus.REJECTED], ReviewStatus.ACCEPTED),
    ],
)
def test_invalid_transitions_are_refused(
    db_session: Session, officer: Actor, make_report: Factory, path: list[ReviewStatus], target: ReviewStatus
) -> None:
    report = make_report()
    for status in path:
        record_review(db_session, officer, report.id, status, reviewer="R", notes="n", today=date(2026, 11, 1))
    before = report.review_status
    with pytest.raises(ValidationError, match="cannot become") as caught:
        record_review(db_session, officer, report.id, target, reviewer="R", notes="n")
    assert caught.value.field == "review_status"
    assert report.review_status is before


def test_review_needs_reviewer_and_reasons(db_session: Session, officer: Actor, make_report: Factory) -> None:
    report = make_report()
    record_review(db_session, officer, report.id, ReviewStatus.SUBMITTED, today=date(2026, 11, 1))
    with pytest.raises(ValidationError) as caught:
        record_review(db_session, officer, report.id, ReviewStatus.UNDER_REVIEW, reviewer="  ")
    assert caught.value.field == "reviewer"
    record_review(db_session, officer, report.id, ReviewStatus.UNDER_REVIEW, reviewer="Li")
    with pytest.raises(ValidationError) as caught:
        record_review(db_session, officer, report.id, ReviewStatus.REJECTED, reviewer="Li", notes="")
    assert caught.value.field == "review_notes"


def test_published_report_cannot_be_reopened(db_session: Session, officer: Actor, make_report: Factory) -> None:
    report = accepted(db_session, officer, make_report())
    publish_report(db_session, officer, report.id, PublicationChannel.WECHAT, date(2026, 12, 5),
                   "https://mp.weixin.qq.com/s/abc")
    with pytest.raises(ValidationError, match="withdraw the publication"):
        record_review(db_session, officer, report.id, ReviewStatus.UNDER_REVIEW, reviewer="Li")
    publish_report(db_session, officer, report.id, PublicationChannel.NONE, None)
    assert report.published_on is None and report.publication_url == ""
    record_review(db_session, officer, report.id, ReviewStatus.UNDER_REVIEW, reviewer="Li")


# ---- publication ---------------------------------------------------------------
def test_publish_on_wechat(db_session: Session, officer: Actor, make_report: Factory) -> None:
    report = accepted(db_session, officer, make_report())
    publish_report(db_session, officer, report.id, "wechat", date(2026, 12, 5), " https://mp.weixin.qq.com/s/abc ")
    stored = db_session.get(Report, report.id)
    assert stored is not None
    assert stored.publication_channel is PublicationChannel.WECHAT
    assert stored.published_on == date(2026, 12, 5)
    assert stored.publication_url == "https://mp.weixin.qq.com/s/abc"


def test_only_accepted_reports_can_be_published(db_session: Session, officer: Actor, make_report: Factory) -> None:
    report = make_report()
    record_review(db_session, officer, report.id, ReviewStatus.SUBMITTED, today=date(2026, 11, 1))
    with pytest.raises(ValidationError, match="Only accepted reports") as caught:
        publish_report(db_session, officer, report.id, PublicationChannel.WEBSITE, date(2026, 12, 1))
    assert caught.value.field == "publication_channel"
    assert report.publication_channel is PublicationChannel.NONE


@pytest.mark.parametrize(
    ("published_on", "url", "field"),
    [
        (None, "", "published_on"),
        (date(2026, 12, 1), "mp.weixin.qq.com/s/abc", "publication_url"),
        (date(2026, 12, 1), "javascript:alert(1)", "publication_url"),
        (date(2026, 11, 1), "", "published_on"),  # before it was submitted (20 Nov)
    ],
)
def test_publication_input_checked(
    db_session: Session, officer: Actor, make_report: Factory, published_on: date | None, url: str, field: str
) -> None:
    report = accepted(db_session, officer, make_report())
    with pytest.raises(ValidationError) as caught:
        publish_report(db_session, officer, report.id, PublicationChannel.BOTH, published_on, url)
    assert caught.value.field == field


# ---- overdue -------------------------------------------------------------------
def test_overdue_reports_grouped_by_department(
    db_session: Session, officer: Actor, make_department: Factory, make_person: Factory, make_exchange: Factory,
    make_participation: Factory, make_report: Factory, make_semester: Factory, make_partner: Factory,
) -> None:
    autumn, spring = make_semester(), make_semester()
    counselling = make_department(name_en="Counselling Centre", name_zh="心理咨询中心")
    assets = make_department(name_en="Asset Management", name_zh="资产管理处")
    oxford = make_partner(name="Oxford")
    exchange = make_exchange(semester=autumn, title="Peer support", partners=[oxford])
    other = make_exchange(semester=spring, title="Inventory")
    late_long = make_report(participation=make_participation(
        exchange=exchange, person=make_person(name_en="Zhang Wei", department=counselling)), due_on=date(2026, 11, 1))
    late_short = make_report(participation=make_participation(
        exchange=exchange, person=make_person(name_en="An Na", department=counselling)), due_on=date(2026, 12, 1))
    late_assets = make_report(participation=make_participation(
        exchange=exchange, person=make_person(name_en="Li Lei", department=assets)), due_on=date(2026, 12, 10))
    make_report(participation=make_participation(exchange=exchange, person=make_person(department=assets)),
                due_on=date(2027, 1, 10))  # not yet due
    submitted = make_report(participation=make_participation(exchange=exchange, person=make_person(department=assets)),
                            due_on=date(2026, 11, 1))
    record_review(db_session, officer, submitted.id, ReviewStatus.SUBMITTED, today=date(2026, 12, 1))
    spring_late = make_report(participation=make_participation(exchange=other, person=make_person(department=assets)),
                              due_on=date(2026, 11, 1))

    rows = overdue_reports(db_session, date(2026, 12, 15), autumn.id)

    assert [r.report_id for r in rows] == [late_assets.id, late_long.id, late_short.id]
    assert rows[1].days_overdue == 44 and rows[1].partners == "Oxford"
    assert rows[1].person_name.endswith(" Zhang Wei") and rows[1].exchange_title == "Peer support"
    groups = group_by_department(rows)
    assert [(name, [r.report_id for r in group]) for name, group in groups] == [
        ("Asset Management (资产管理处)", [late_assets.id]),
        ("Counselling Centre (心理咨询中心)", [late_long.id, late_short.id]),
    ]
    everything = overdue_reports(db_session, date(2026, 12, 15), sort_by="days_overdue")
    assert {r.report_id for r in everything} == {late_long.id, late_short.id, late_assets.id, spring_late.id}
    assert everything[-1].report_id == late_assets.id
    with pytest.raises(ValidationError):
        overdue_reports(db_session, date(2026, 12, 15), sort_by="colour")


# ---- articles ------------------------------------------------------------------
def docx_bytes(paragraphs: list[tuple[str, str]]) -> bytes:
    """A minimal .docx: word/document.xml with styled paragraphs."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>' if style else
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        for style, text in paragraphs
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


@pytest.fixture
def article_report(db_session: Session, make_person: Factory, make_department: Factory, make_exchange: Factory,
                   make_partner: Factory, make_participation: Factory, make_report: Factory) -> Report:
    department = make_department(name_en="Student Affairs <Office>", name_zh="学生工作处")
    person = make_person(name_en="Zhang San", name_zh="张三", department=department)
    exchange = make_exchange(title="Peer counselling & wellbeing", partners=[make_partner(name="Uni <Leeds>",
                                                                                             country="UK")])
    return make_report(participation=make_participation(person=person, exchange=exchange),
                       title="What <we> learned *together*", abstract="Short & sweet.\n\nSecond para.")


def test_article_from_docx_in_html_is_escaped(db_session: Session, officer: Actor, article_report: Report) -> None:
    data = docx_bytes([("Heading1", "Findings"), ("", "Peers &amp; mentors help &lt;a lot&gt;."),
                       ("ListParagraph", "Item one"), ("", "")])
    attach_file(db_session, officer, article_report.id, "report.docx", data, limit_mb=5)
    text = prepare_article(db_session, article_report.id, "html")
    assert "<h1>What &lt;we&gt; learned *together*</h1>" in text
    assert "张三 Zhang San" in text
    assert "Student Affairs &lt;Office&gt; (学生工作处)" in text
    assert "Peer counselling &amp; wellbeing" in text
    assert "Uni &lt;Leeds&gt; (UK)" in text
    assert "<h2>Findings</h2>" in text
    assert "<p>Peers &amp; mentors help &lt;a lot&gt;.</p>" in text
    assert "<ul>\n<li>Item one</li>\n</ul>" in text
    assert "<p>Short &amp; sweet.</p>\n<p>Second para.</p>" in text
    assert "<we>" not in text and "<Leeds>" not in text


def test_article_in_markdown_from_text_and_markdown(db_session: Session, officer: Actor,
                                                    article_report: Report) -> None:
    attach_file(db_session, officer, article_report.id, "report.txt",
                "第一段 first\nline.\n\n# not a heading".encode("gb18030"), limit_mb=5)
    text = prepare_article(db_session, article_report.id, "markdown")
    assert text.startswith("# What \\<we\\> learned \\*together\\*\n")
    assert "**Author:** 张三 Zhang San" in text
    assert "第一段 first line." in text
    assert "\\# not a heading" in text
    attach_file(db_session, officer, article_report.id, "report.md", b"## Findings\n\n- one\n- two\n", limit_mb=5)
    markdown = prepare_article(db_session, article_report.id, "markdown")
    assert "## Findings\n\n- one\n- two" in markdown
    html = prepare_article(db_session, article_report.id, "html")
    assert "<h3>Findings</h3>" in html and "<li>two</li>" in html


def test_article_from_unreadable_types(db_session: Session, officer: Actor, article_report: Report) -> None:
    assert "Abstract" in prepare_article(db_session, article_report.id)  # no file: facts only
    attach_file(db_session, officer, article_report.id, "slides.pdf", b"%PDF", limit_mb=5)
    article = articles.build_article(db_session, article_report.id)
    assert "slides.pdf" in article.body_note and article.body == []
    attach_file(db_session, officer, article_report.id, "broken.docx", b"not a zip", limit_mb=5)
    with pytest.raises(report_service.AppError, match="cannot be read as a Word document"):
        prepare_article(db_session, article_report.id, "html")
    with pytest.raises(ValidationError):
        prepare_article(db_session, article_report.id, "pdf")
