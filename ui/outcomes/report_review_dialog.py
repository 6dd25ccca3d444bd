"""Review and publish one report: status, reviewer and notes; channel, date and link; its file and article.

Save applies the review step and the publication in one transaction: a refused
publication leaves the review unsaved too, and the message appears next to the
field it concerns. Attaching a file is saved at once (it is its own action). The
attached file is opened only after its checksum matches the one taken when it was
attached.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.storage.database import Database
from app.errors import AppError, ValidationError
from app.output_files import write_bytes
from app.messages.message_log import reminders_for_report
from app.outcomes.articles import article_html, article_markdown, build_article
from app.outcomes.reports import (
    NEEDS_REVIEWER,
    ReportDetails,
    allowed_review_statuses,
    attach_path,
    open_attachment,
    publish_report,
    record_review,
    report_details,
)
from app.settings import Settings
from models.enums import PublicationChannel
from ui.widgets.field_errors import FieldErrors
from ui.widgets.screen_fit import fit_to_screen


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportReviewDialog(QDialog):
    """`ReportReviewDialog(database, settings, actor, report_id)`; `saved` is emitted after every change."""

    saved = Signal(int)

    def __init__(self, database: Database, settings: Settings, actor: Actor, report_id: int,
                 parent: QWidget | None = None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.actor = actor
        self.report_id = report_id
        self._today = today
        self.details: ReportDetails | None = None
        self.setObjectName("report_review_dialog")
        self.setWindowTitle(self.tr("Review report"))
        self.errors = FieldErrors()

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setStyleSheet("color: #444444;")
        self.file_label = QLabel()
        for label in (self.heading, self.facts, self.file_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # titles and names are user text, never markup

        # Review
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.currentIndexChanged.connect(self._status_changed)
        self.reviewer = QLineEdit()
        self.reviewer.setObjectName("reviewer")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What the author should know (required to request a revision or "
                                              "to reject)"))
        review = QGroupBox(self.tr("Review"))
        form = QFormLayout(review)
        self.errors.add_row(form, self.tr("&Status"), self.status, "review_status")
        self.errors.add_row(form, self.tr("Re&viewer"), self.reviewer, "reviewer")
        self.errors.add_row(form, self.tr("&Notes"), self.notes, "review_notes")

        # Publication
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for channel in PublicationChannel:
            self.channel.addItem(channel.label, channel)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.published_on = QDateEdit()
        self.published_on.setObjectName("published_on")
        self.published_on.setCalendarPopup(True)
        self.published_on.setDisplayFormat("yyyy-MM-dd")
        self.link = QLineEdit()
        self.link.setObjectName("link")
        self.link.setPlaceholderText("https://mp.weixin.qq.com/s/…")
        self.publication_hint = QLabel(self.tr("Only accepted reports can be published."))
        self.publication_hint.setStyleSheet("color: #555555;")
        publication = QGroupBox(self.tr("Publication"))
        pform = QFormLayout(publication)
        self.errors.add_row(pform, self.tr("&Channel"), self.channel, "publication_channel")
        self.errors.add_row(pform, self.tr("&Date"), self.published_on, "published_on")
        self.errors.add_row(pform, self.tr("&Link"), self.link, "publication_url")
        pform.addRow("", self.publication_hint)

        # Attachment and article
        self.file_label.setObjectName("file_label")
        self.file_label.setWordWrap(True)
        self.attach_button = QPushButton(self.tr("&Attach file…"))
        self.attach_button.clicked.connect(self.choose_and_attach)
        self.open_button = QPushButton(self.tr("&Open attachment"))
        self.open_button.clicked.connect(self.open_attached)
        self.save_file_button = QPushButton(self.tr("Save attachment &as…"))
        self.save_file_button.clicked.connect(self.choose_and_save_attachment)
        self.article_button = QPushButton(self.tr("&Prepare article…"))
        self.article_button.setToolTip(self.tr("Write a clean article (Markdown or HTML) for the IAD website or WeChat"))
        self.article_button.clicked.connect(self.choose_and_save_article)
        attachment = QGroupBox(self.tr("Attached file and article"))
        alayout = QVBoxLayout(attachment)
        alayout.addWidget(self.file_label)
        alayout.addWidget(self.errors.add("file"))
        row = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.save_file_button, self.article_button):
            row.addWidget(button)
        row.addStretch(1)
        alayout.addLayout(row)

        self.general_error = self.errors.add("")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(review, 1)
        columns.addWidget(publication, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addLayout(columns)
        layout.addWidget(attachment)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 820, 520)
        self.load()

    # ---- helpers ---------------------------------------------------------------
    def clear_errors(self) -> None:
        self.errors.hide_all()

    def show_error(self, field: str, message: str) -> None:
        self.errors.show(field, message)

    def inform(self, title: str, message: str) -> None:
        QMessageBox.information(self, title, message)

    def warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # ---- loading ---------------------------------------------------------------
    def load(self) -> None:
        with self.database.sessions() as session:
            details = report_details(session, self.report_id)
            reminders = reminders_for_report(session, self.report_id)
        self.details = details
        self.heading.setText(f"{details.title or self.tr('(untitled)')} — {details.author}")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        facts = [
            f"{details.kind.label}",
            details.department,
            self.tr("Exchange: {x}").replace("{x}", details.exchange)
            + (f" ({details.partners})" if details.partners else ""),
            self.tr("Due {d}").replace("{d}", details.due_on.isoformat() if details.due_on else "—"),
            self.tr("Submitted {d}").replace("{d}", details.submitted_on.isoformat() if details.submitted_on else "—"),
        ]
        if reminders:
            facts.append(self.tr("Reminded on {days}").replace("{days}", ", ".join(
                line.at.date().isoformat() + ("" if line.result == "sent" else self.tr(" (draft)"))
                for line in reminders)))
        self.facts.setText(" · ".join(facts))
        self.status.blockSignals(True)
        self.status.clear()
        for status in allowed_review_statuses(details.review_status):
            text = status.label if status == details.review_status else self.tr("→ {s}").replace("{s}", status.label)
            self.status.addItem(text, status)
        self.status.setCurrentIndex(self.status.findData(details.review_status))
        self.status.blockSignals(False)
        self.reviewer.setText(details.reviewer)
        self.notes.setPlainText(details.review_notes)
        self.channel.setCurrentIndex(self.channel.findData(details.publication_channel))
        self.published_on.setDate(qdate(details.published_on or self._today()))
        self.link.setText(details.publication_url)
        self._channel_changed()
        if details.has_file:
            self.file_label.setText(self.tr("{name}, {size}, SHA-256 {sha}…").replace("{name}", details.file_name)
                                    .replace("{size}", human_size(details.file_size))
                                    .replace("{sha}", details.file_sha256[:16]))
        else:
            self.file_label.setText(self.tr("No file attached. Attach the report (up to {mb} MB).").replace(
                "{mb}", str(self.settings.attachment_limit_mb)))
        self.open_button.setEnabled(details.has_file)
        self.save_file_button.setEnabled(details.has_file)

    def _status_changed(self) -> None:
        status = self.status.currentData()
        # Whoever takes the review step usually reviews; prefill, visibly, only an empty field.
        if status in NEEDS_REVIEWER and not self.reviewer.text().strip() and self.actor.display_name:
            self.reviewer.setText(self.actor.display_name)

    def _channel_changed(self) -> None:
        published = self.channel.currentData() != PublicationChannel.NONE
        self.published_on.setEnabled(published)
        self.link.setEnabled(published)

    # ---- saving ----------------------------------------------------------------
    def review_changed(self) -> bool:
        d = self.details
        assert d is not None
        return (self.status.currentData() != d.review_status or self.reviewer.text().strip() != d.reviewer
                or self.notes.toPlainText().strip() != d.review_notes)

    def publication_changed(self) -> bool:
        d = self.details
        assert d is not None
        channel = self.channel.currentData()
        if channel != d.publication_channel:
            return True
        if channel == PublicationChannel.NONE:
            return False
        return (pydate(self.published_on.date()) != d.published_on
                or self.link.text().strip() != d.publication_url)

    def save(self) -> None:
        """Apply the review step and the publication together; close when saved."""
        assert self.details is not None
        self.clear_errors()
        if not self.review_changed() and not self.publication_changed():
            self.accept()
            return
        try:
            with self.database.transaction() as session:
                version: int | None = self.details.version
                if self.review_changed():
                    record_review(session, self.actor, self.report_id, self.status.currentData(),
                                  reviewer=self.reviewer.text(), notes=self.notes.toPlainText(),
                                  today=self._today(), expected_version=version)
                    version = None  # this transaction changed it: no one else can have
                if self.publication_changed():
                    channel = self.channel.currentData()
                    day = pydate(self.published_on.date()) if channel != PublicationChannel.NONE else None
                    publish_report(session, self.actor, self.report_id, channel, day, self.link.text(),
                                   expected_version=version)
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        except AppError as error:
            self.show_error("", str(error))
            return
        self.saved.emit(self.report_id)
        self.accept()

    # ---- the file --------------------------------------------------------------
    def choose_open_file(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Attach the report"), "",
            self.tr("Documents (*.pdf *.docx *.doc *.odt *.txt *.md *.pptx *.xlsx);;All files (*)"))
        return Path(name) if name else None

    def choose_save_file(self, caption: str, suggested: str, filters: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(self, caption, suggested, filters)
        return Path(name) if name else None

    def choose_and_attach(self) -> None:
        path = self.choose_open_file()
        if path is not None:
            self.attach(path)

    def attach(self, path: Path) -> bool:
        """Store the file in the database now; keep the unsaved review fields as they are."""
        assert self.details is not None
        self.clear_errors()
        try:
            with self.database.transaction() as session:
                attach_path(session, self.actor, self.report_id, path, limit_mb=self.settings.attachment_limit_mb,
                            expected_version=self.details.version)
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return False
        except AppError as error:
            self.show_error("", str(error))
            return False
        review = (self.status.currentData(), self.reviewer.text(), self.notes.toPlainText())
        publication = (self.channel.currentData(), self.published_on.date(), self.link.text())
        self.load()
        index = self.status.findData(review[0])
        if index >= 0:
            self.status.setCurrentIndex(index)
        self.reviewer.setText(review[1])
        self.notes.setPlainText(review[2])
        self.channel.setCurrentIndex(self.channel.findData(publication[0]))
        self.published_on.setDate(publication[1])
        self.link.setText(publication[2])
        self.saved.emit(self.report_id)
        return True

    def attachment_bytes(self) -> bytes | None:
        """The file's bytes after the checksum check, or None with the reason shown."""
        try:
            with self.database.sessions() as session:
                return open_attachment(session, self.report_id)
        except AppError as error:
            self.show_error("file", str(error))
            self.warn(self.tr("Attached file"), str(error))
            return None

    def open_attached(self) -> Path | None:
        """Copy the checked file to a private temporary folder and open it with its program."""
        assert self.details is not None
        data = self.attachment_bytes()
        if data is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="iad-report-"))
        path = folder / (Path(self.details.file_name).name or "report")
        write_bytes(path, data)
        self.launch(path)
        return path

    def launch(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def choose_and_save_attachment(self) -> None:
        assert self.details is not None
        path = self.choose_save_file(self.tr("Save the attached file"), self.details.file_name, self.tr("All files (*)"))
        if path is not None:
            self.save_attachment_to(path)

    def save_attachment_to(self, path: Path) -> bool:
        data = self.attachment_bytes()
        if data is None:
            return False
        try:
            write_bytes(path, data)
        except OSError as error:
            self.show_error("file", self.tr("{file} cannot be written: {error}").replace("{file}", str(path)).replace(
                "{error}", error.strerror or str(error)))
            return False
        return True

    def choose_and_save_article(self) -> None:
        assert self.details is not None
        stem = "".join(ch for ch in (self.details.title or "article") if ch not in '\\/:*?"<>|').strip()[:60]
        path = self.choose_save_file(self.tr("Save the article"), f"{stem or 'article'}.md",
                                     self.tr("Markdown (*.md);;HTML (*.html)"))
        if path is not None:
            self.save_article(path)

    def save_article(self, path: Path) -> bool:
        """Write the article as Markdown, or HTML when the file name ends in .html/.htm."""
        fmt = "html" if path.suffix.lower() in (".html", ".htm") else "markdown"
        try:
            with self.database.sessions() as session:
                article = build_article(session, self.report_id)
            text = article_html(article) if fmt == "html" else article_markdown(article)
            note = article.body_note
            write_bytes(path, text.encode("utf-8"))
        except AppError as error:
            self.show_error("file", str(error))
            return False
        except OSError as error:
            self.show_error("file", self.tr("{file} cannot be written: {error}").replace("{file}", str(path)).replace(
                "{error}", error.strerror or str(error)))
            return False
        if note:
            self.inform(self.tr("Article saved"), note)
        return True
