"""Reports participants owe after an exchange: due dates, attachments, review, publication, articles.

Every participant of an exchange owes one deliverable, due `Settings.report_due_days`
after the exchange's last round. The attached file lives in its own table
(ReportFile) with its SHA-256 on the report, so a damaged copy is detected when it
is opened instead of being handed on. Review follows a fixed workflow
(`REVIEW_TRANSITIONS`); only accepted reports can be published, and an accepted
report becomes an article for the IAD website or WeChat "Global SJTU".
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import AppError, NotFoundError, ValidationError
from app.i18n import _
from app.outcomes.records import reports
from app.settings import Settings
from models import Department, Exchange, Participation, Partner, Person, Report, ReportFile, Workshop
from models.enums import PublicationChannel, ReportKind, ReviewStatus, WorkshopStatus
from models.exchanges import exchange_partners

# Review workflow. Accepted and rejected reports may be reopened for review (a
# decision taken by mistake must be correctable), but a published report must be
# withdrawn from publication first.
REVIEW_TRANSITIONS: dict[ReviewStatus, frozenset[ReviewStatus]] = {
    ReviewStatus.NOT_SUBMITTED: frozenset({ReviewStatus.SUBMITTED}),
    ReviewStatus.SUBMITTED: frozenset({ReviewStatus.UNDER_REVIEW}),
    ReviewStatus.UNDER_REVIEW: frozenset(
        {ReviewStatus.REVISION_REQUESTED, ReviewStatus.ACCEPTED, ReviewStatus.REJECTED}
    ),
    ReviewStatus.REVISION_REQUESTED: frozenset({ReviewStatus.SUBMITTED}),
    ReviewStatus.ACCEPTED: frozenset({ReviewStatus.UNDER_REVIEW}),
    ReviewStatus.REJECTED: frozenset({ReviewStatus.UNDER_REVIEW}),
}

# Decisions someone must own, and decisions the participant needs a reason for.
NEEDS_REVIEWER = frozenset(
    {ReviewStatus.UNDER_REVIEW, ReviewStatus.REVISION_REQUESTED, ReviewStatus.ACCEPTED, ReviewStatus.REJECTED}
)
NEEDS_NOTES = frozenset({ReviewStatus.REVISION_REQUESTED, ReviewStatus.REJECTED})

# The document types participants actually hand in; anything else (executables,
# archives of unknown content) is refused with this list in the message.
ATTACHMENT_TYPES = (
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".md", ".markdown", ".html", ".htm",
    ".ppt", ".pptx", ".odp", ".xls", ".xlsx", ".ods", ".csv", ".png", ".jpg", ".jpeg", ".gif", ".zip",
)
TEXT_TYPES = (".txt",)
MARKDOWN_TYPES = (".md", ".markdown")
DOCX_TYPES = (".docx",)
# A .docx whose document.xml unpacks beyond this is not a report but a zip bomb.
DOCX_XML_LIMIT = 64 * 1024 * 1024

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class AttachmentCorruptError(AppError):
    """The stored bytes of an attachment no longer match the checksum taken when it was attached."""

    def __init__(self, report_id: int, file_name: str, expected: str, actual: str) -> None:
        super().__init__(
            _("The attached file {name} of report #{id} is damaged: its checksum is {actual}, but it was "
              "{expected} when it was attached. Ask the author for the file again and attach it anew.").format(
                name=file_name, id=report_id, actual=actual[:12], expected=expected[:12])
        )
        self.report_id = report_id
        self.expected = expected
        self.actual = actual


# ---- helpers -------------------------------------------------------------------
def get_report(session: Session, report_id: int) -> Report:
    return reports.get(session, report_id)


def local_date(instant: datetime, timezone: str) -> date:
    """The calendar day an instant falls on in the given IANA zone."""
    return instant.astimezone(ZoneInfo(timezone)).date()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


# ---- reports owed --------------------------------------------------------------
def last_round_date(session: Session, exchange_id: int, timezone: str) -> date | None:
    """The IAD-zone day of the exchange's last round that is not cancelled."""
    last = session.scalar(
        select(func.max(Workshop.starts_at)).where(
            Workshop.exchange_id == exchange_id, Workshop.status != WorkshopStatus.CANCELLED
        )
    )
    return None if last is None else local_date(last, timezone)


def ensure_reports(
    session: Session, actor: Actor, exchange_id: int, *, settings: Settings | None = None,
    kind: ReportKind = ReportKind.RESEARCH_REPORT,
) -> list[Report]:
    """Create the report each participant of the exchange still lacks; return the new ones.

    The due date is `report_due_days` after the IAD-zone day of the last round
    that is not cancelled. Reports already there keep their kind and due date.
    """
    settings = settings or Settings.load()
    exchange = session.get(Exchange, exchange_id)
    if exchange is None:
        raise NotFoundError(_("The exchange #{id} no longer exists.").format(id=exchange_id))
    last = last_round_date(session, exchange_id, settings.iad_timezone)
    if last is None:
        raise ValidationError(
            "exchange_id",
            _("The exchange '{title}' has no rounds yet, so no report due date can be set.").format(
                title=exchange.title),
        )
    due_on = date.fromordinal(last.toordinal() + settings.report_due_days)
    participations = session.scalars(
        select(Participation).where(Participation.exchange_id == exchange_id).order_by(Participation.id)
    ).all()
    have = set(
        session.scalars(
            select(Report.participation_id).where(
                Report.participation_id.in_([p.id for p in participations])
            )
        )
    ) if participations else set()
    created: list[Report] = []
    for participation in participations:
        if participation.id in have:
            continue
        created.append(
            reports.create(session, actor, participation_id=participation.id, kind=kind, due_on=due_on)
        )
    return created


def finished_exchange_ids(session: Session, semester_id: int | None) -> list[int]:
    """Exchanges whose every round that is not cancelled is held (and that have one)."""
    query = (
        select(Workshop.exchange_id)
        .join(Exchange, Exchange.id == Workshop.exchange_id)
        .where(Workshop.status != WorkshopStatus.CANCELLED)
        .group_by(Workshop.exchange_id)
        .having(func.count() == func.sum(case((Workshop.status == WorkshopStatus.HELD, 1), else_=0)))
        .order_by(Workshop.exchange_id)
    )
    if semester_id is not None:
        query = query.where(Exchange.semester_id == semester_id)
    return list(session.scalars(query))


def ensure_semester_reports(
    session: Session, actor: Actor, semester_id: int | None, *, settings: Settings | None = None
) -> list[Report]:
    """`ensure_reports` for every finished exchange of the semester (None: of every semester)."""
    settings = settings or Settings.load()
    created: list[Report] = []
    for exchange_id in finished_exchange_ids(session, semester_id):
        created += ensure_reports(session, actor, exchange_id, settings=settings)
    return created


# ---- attachments ---------------------------------------------------------------
def check_attachment(file_name: str, size: int, limit_mb: int) -> None:
    """Refuse an attachment by type or size before its bytes are read."""
    suffix = Path(file_name).suffix.lower()
    if not file_name.strip():
        raise ValidationError("file", _("The attached file needs a name."))
    if suffix not in ATTACHMENT_TYPES:
        raise ValidationError(
            "file",
            _("{name}: files of type '{suffix}' cannot be attached; use one of {types}.").format(
                name=file_name, suffix=suffix or _("(none)"), types=", ".join(ATTACHMENT_TYPES)),
        )
    if size == 0:
        raise ValidationError("file", _("{name} is empty.").format(name=file_name))
    if size > limit_mb * 1024 * 1024:
        raise ValidationError(
            "file",
            _("{name} is {size} MB; attachments may be at most {limit} MB (Settings → attachment limit).").format(
                name=file_name, size=megabytes(size), limit=limit_mb),
        )


def attach_file(
    session: Session, actor: Actor, report_id: int, file_name: str, data: bytes, *, limit_mb: int,
    expected_version: int | None = None,
) -> Report:
    """Store the file in the database, replacing any earlier one, with its size and SHA-256."""
    file_name = Path(file_name).name
    check_attachment(file_name, len(data), limit_mb)
    report = get_report(session, report_id)
    # The role and the version are checked (by the update) before the file is stored, so
    # a refused attachment leaves nothing behind in the caller's session.
    report = reports.update(
        session, actor, report.id, expected_version=expected_version,
        file_name=file_name, file_size=len(data), file_sha256=sha256_hex(data),
    )
    stored = session.get(ReportFile, report.id)
    if stored is None:
        session.add(ReportFile(report_id=report.id, data=data))
    else:
        stored.data = data
    session.flush()
    return report


def attach_path(
    session: Session, actor: Actor, report_id: int, path: Path, *, limit_mb: int,
    expected_version: int | None = None,
) -> Report:
    """Attach a file from disk; the size is checked before anything is read."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ValidationError("file", _("{path} cannot be read: {error}").format(path=path, error=error.strerror))
    check_attachment(path.name, size, limit_mb)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError("file", _("{path} cannot be read: {error}").format(path=path, error=error.strerror))
    return attach_file(session, actor, report_id, path.name, data, limit_mb=limit_mb,
                       expected_version=expected_version)


def open_attachment(session: Session, report_id: int) -> bytes:
    """The attached file's bytes, after checking them against the stored SHA-256."""
    report = get_report(session, report_id)
    data = session.scalar(select(ReportFile.data).where(ReportFile.report_id == report_id))
    if data is None or not report.file_sha256:
        raise NotFoundError(_("Report #{id} has no attached file.").format(id=report_id))
    actual = sha256_hex(bytes(data))
    if actual != report.file_sha256:
        raise AttachmentCorruptError(report_id, report.file_name, report.file_sha256, actual)
    return bytes(data)


# ---- review --------------------------------------------------------------------
def allowed_review_statuses(current: ReviewStatus) -> list[ReviewStatus]:
    """The current status and every status it may move to, in workflow order."""
    targets = REVIEW_TRANSITIONS[current]
    return [status for status in ReviewStatus if status == current or status in targets]


def record_review(
    session: Session, actor: Actor, report_id: int, status: ReviewStatus | str, *, reviewer: str = "",
    notes: str = "", today: date | None = None, submitted_on: date | None = None,
    expected_version: int | None = None,
) -> Report:
    """Move a report through the review workflow, with who reviewed it and why.

    Submitting stamps `submitted_on` (the given day, else today) unless the report
    was submitted before: a resubmission after revision keeps the first date,
    which is the one the visit ranking rewards.
    """
    report = get_report(session, report_id)
    try:
        target = ReviewStatus(status)
    except ValueError:
        raise ValidationError(
            "review_status", _("'{value}' is not a review status.").format(value=status)
        ) from None
    current = report.review_status
    reviewer = reviewer.strip()
    notes = notes.strip()
    if target != current and target not in REVIEW_TRANSITIONS[current]:
        allowed = ", ".join(s.label.lower() for s in REVIEW_TRANSITIONS[current])
        raise ValidationError(
            "review_status",
            _("A report that is {current} cannot become {target}; from here it can become: {allowed}.").format(
                current=current.label.lower(), target=target.label.lower(), allowed=allowed),
        )
    if (current == ReviewStatus.ACCEPTED and target == ReviewStatus.UNDER_REVIEW
            and report.publication_channel != PublicationChannel.NONE):
        raise ValidationError(
            "review_status",
            _("This report is published ({channel}); withdraw the publication before reopening its review.").format(
                channel=report.publication_channel.label),
        )
    if target in NEEDS_REVIEWER and not reviewer:
        raise ValidationError("reviewer", _("Say who reviews the report."))
    if target in NEEDS_NOTES and not notes:
        raise ValidationError(
            "review_notes", _("Write in the notes why the report is {status}, so the author knows what to do.").format(
                status=target.label.lower())
        )
    values: dict[str, object] = {"review_status": target, "reviewer": reviewer, "review_notes": notes}
    if target == ReviewStatus.SUBMITTED and report.submitted_on is None:
        values["submitted_on"] = submitted_on or today or date.today()
    elif submitted_on is not None:
        values["submitted_on"] = submitted_on
    return reports.update(session, actor, report_id, expected_version=expected_version, **values)


# ---- publication ---------------------------------------------------------------
def publish_report(
    session: Session, actor: Actor, report_id: int, channel: PublicationChannel | str, published_on: date | None,
    url: str = "", *, expected_version: int | None = None,
) -> Report:
    """Record where and when a report was published; channel NONE withdraws the publication."""
    report = get_report(session, report_id)
    try:
        target = PublicationChannel(channel)
    except ValueError:
        raise ValidationError(
            "publication_channel", _("'{value}' is not a publication channel.").format(value=channel)
        ) from None
    url = url.strip()
    if target == PublicationChannel.NONE:
        return reports.update(session, actor, report_id, expected_version=expected_version,
                              publication_channel=target, published_on=None, publication_url="")
    if report.review_status != ReviewStatus.ACCEPTED:
        raise ValidationError(
            "publication_channel",
            _("Only accepted reports can be published; this one is {status}.").format(
                status=report.review_status.label.lower()),
        )
    if published_on is None:
        raise ValidationError("published_on", _("Give the date the report was published."))
    if url:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValidationError(
                "publication_url",
                _("'{url}' is not a web address; it should start with https://").format(url=url),
            )
    return reports.update(session, actor, report_id, expected_version=expected_version,
                          publication_channel=target, published_on=published_on, publication_url=url)


# ---- who owes a report ---------------------------------------------------------
@dataclass(frozen=True)
class OverdueReport:
    report_id: int
    person_id: int
    person_name_en: str
    person_name_zh: str
    email: str
    department_id: int
    department_en: str
    department_zh: str
    exchange_id: int
    exchange_title: str
    partners: str
    kind: ReportKind
    due_on: date
    days_overdue: int

    @property
    def person_name(self) -> str:
        return f"{self.person_name_zh} {self.person_name_en}" if self.person_name_zh else self.person_name_en

    @property
    def department_name(self) -> str:
        return f"{self.department_en} ({self.department_zh})" if self.department_zh else self.department_en


OVERDUE_SORTS = ("department", "days_overdue", "person", "due_on")


def partner_names_by_exchange(session: Session, exchange_ids: Iterable[int]) -> dict[int, str]:
    """'Partner A, Partner B' for each exchange, in one query."""
    ids = sorted(set(exchange_ids))
    names: dict[int, list[str]] = {}
    if not ids:
        return {}
    rows = session.execute(
        select(exchange_partners.c.exchange_id, Partner.name)
        .join(Partner, Partner.id == exchange_partners.c.partner_id)
        .where(exchange_partners.c.exchange_id.in_(ids))
        .order_by(Partner.name)
    )
    for exchange_id, name in rows:
        names.setdefault(exchange_id, []).append(name)
    return {key: ", ".join(value) for key, value in names.items()}


def overdue_reports(
    session: Session, today: date, semester_id: int | None = None, *, sort_by: str = "department"
) -> list[OverdueReport]:
    """Reports past their due date that were never submitted, sorted by department by default."""
    if sort_by not in OVERDUE_SORTS:
        raise ValidationError("sort_by", _("Sort by one of {choices}.").format(choices=", ".join(OVERDUE_SORTS)))
    query = (
        select(Report, Person, Department, Exchange.id, Exchange.title)
        .join(Participation, Participation.id == Report.participation_id)
        .join(Person, Person.id == Participation.person_id)
        .join(Department, Department.id == Person.department_id)
        .join(Exchange, Exchange.id == Participation.exchange_id)
        .where(
            Report.submitted_on.is_(None),
            Report.review_status == ReviewStatus.NOT_SUBMITTED,
            Report.due_on.is_not(None),
            Report.due_on < today,
        )
    )
    if semester_id is not None:
        query = query.where(Exchange.semester_id == semester_id)
    rows = session.execute(query).all()
    partners = partner_names_by_exchange(session, (row[3] for row in rows))
    result = []
    for report, person, department, exchange_id, exchange_title in rows:
        assert report.due_on is not None
        result.append(OverdueReport(
            report_id=report.id, person_id=person.id, person_name_en=person.name_en, person_name_zh=person.name_zh,
            email=person.email, department_id=department.id, department_en=department.name_en,
            department_zh=department.name_zh, exchange_id=exchange_id, exchange_title=exchange_title,
            partners=partners.get(exchange_id, ""), kind=report.kind, due_on=report.due_on,
            days_overdue=(today - report.due_on).days,
        ))
    return sort_overdue(result, sort_by)


def sort_overdue(rows: list[OverdueReport], sort_by: str = "department") -> list[OverdueReport]:
    def by_person(row: OverdueReport) -> tuple[str, int]:
        return (row.person_name_en.casefold(), row.report_id)

    if sort_by == "days_overdue":
        return sorted(rows, key=lambda r: (-r.days_overdue, *by_person(r)))
    if sort_by == "person":
        return sorted(rows, key=by_person)
    if sort_by == "due_on":
        return sorted(rows, key=lambda r: (r.due_on, *by_person(r)))
    return sorted(rows, key=lambda r: (r.department_en.casefold(), -r.days_overdue, *by_person(r)))


def group_by_department(rows: Iterable[OverdueReport]) -> list[tuple[str, list[OverdueReport]]]:
    """(department name, its overdue reports), departments in name order, rows keeping their order."""
    groups: dict[int, tuple[str, list[OverdueReport]]] = {}
    for row in rows:
        groups.setdefault(row.department_id, (row.department_name, []))[1].append(row)
    return sorted(groups.values(), key=lambda group: group[0].casefold())


# ---- one report, as the review dialog shows it -----------------------------------
@dataclass(frozen=True)
class ReportDetails:
    report_id: int
    version: int
    title: str
    abstract: str
    author: str
    department: str
    exchange: str
    partners: str
    kind: ReportKind
    due_on: date | None
    submitted_on: date | None
    review_status: ReviewStatus
    reviewer: str
    review_notes: str
    publication_channel: PublicationChannel
    published_on: date | None
    publication_url: str
    file_name: str
    file_size: int | None
    file_sha256: str

    @property
    def has_file(self) -> bool:
        return bool(self.file_sha256)


def report_details(session: Session, report_id: int) -> ReportDetails:
    report = get_report(session, report_id)
    person, department, exchange_id, exchange_title = session.execute(
        select(Person, Department, Exchange.id, Exchange.title)
        .join(Participation, Participation.person_id == Person.id)
        .join(Department, Department.id == Person.department_id)
        .join(Exchange, Exchange.id == Participation.exchange_id)
        .where(Participation.id == report.participation_id)
    ).one()
    return ReportDetails(
        report_id=report.id, version=report.version, title=report.title, abstract=report.abstract,
        author=person.display_name, department=department.display_name, exchange=exchange_title,
        partners=partner_names_by_exchange(session, [exchange_id]).get(exchange_id, ""), kind=report.kind,
        due_on=report.due_on, submitted_on=report.submitted_on, review_status=report.review_status,
        reviewer=report.reviewer, review_notes=report.review_notes, publication_channel=report.publication_channel,
        published_on=report.published_on, publication_url=report.publication_url, file_name=report.file_name,
        file_size=report.file_size, file_sha256=report.file_sha256,
    )
