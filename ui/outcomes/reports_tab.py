"""Reports: what each participant owes, its review and its publication."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from app.errors import AppError
from app.outcomes.records import reports
from app.views import listing
from models.enums import PublicationChannel, ReportKind, ReviewStatus
from ui.widgets.formatting import day, label
from ui.widgets.record_form import FieldSpec
from ui.widgets.record_tab import FilterSpec, RecordTab, TabHost
from ui.widgets.table_model import Column
from ui.widgets.translation import QT_TR_NOOP

if TYPE_CHECKING:
    from app.outcomes.articles import Article
    from sqlalchemy.orm import Session


class ReportsTab(RecordTab):
    kind = "report"
    semester_scoped = True
    columns = (
        Column(QT_TR_NOOP("Participant"), 1),
        Column(QT_TR_NOOP("Department"), 2),
        Column(QT_TR_NOOP("Exchange"), 3),
        Column(QT_TR_NOOP("Kind"), 4, render=label),
        Column(QT_TR_NOOP("Title"), 5),
        Column(QT_TR_NOOP("Due"), 6, render=day),
        Column(QT_TR_NOOP("Submitted"), 7, render=day),
        Column(QT_TR_NOOP("Review"), 8, render=label),
        Column(QT_TR_NOOP("Published"), 9, render=label),
    )
    filters = (FilterSpec(QT_TR_NOOP("review"), 8), FilterSpec(QT_TR_NOOP("department"), 2), FilterSpec(QT_TR_NOOP("publication"), 9))

    def __init__(self, host: TabHost, parent: QWidget | None = None) -> None:
        def participants() -> list[tuple[Any, str]]:
            # The semester of the list, not the box's: this runs on the list's worker thread too.
            with host.database.sessions() as session:
                return listing.participation_choices(session, self.list_semester)

        fields = [
            FieldSpec("participation_id", self.tr("Participant and exchange"), kind="choice", choices=participants),
            FieldSpec("kind", self.tr("Kind"), kind="enum", enum_type=ReportKind),
            FieldSpec("title", self.tr("Title")),
            FieldSpec("title_zh", self.tr("Chinese title")),
            FieldSpec("abstract", self.tr("Abstract"), kind="multiline"),
            FieldSpec("due_on", self.tr("Due"), kind="optional_date"),
            FieldSpec("submitted_on", self.tr("Submitted"), kind="optional_date"),
            # The review and publication follow a workflow: they change in the review dialog only.
            FieldSpec("review_status", self.tr("Review status"), kind="enum", enum_type=ReviewStatus, read_only=True),
            FieldSpec("reviewer", self.tr("Reviewer"), read_only=True),
            FieldSpec("review_notes", self.tr("Review notes"), kind="multiline", read_only=True),
            FieldSpec("publication_channel", self.tr("Published on"), kind="enum", enum_type=PublicationChannel,
                      read_only=True),
            FieldSpec("published_on", self.tr("Publication date"), kind="optional_date", read_only=True),
            FieldSpec("publication_url", self.tr("Publication link"), read_only=True),
        ]
        super().__init__(host, reports, fields, parent)

    def load_rows(self, session: Session, semester_id: int | None) -> list[tuple[Any, ...]]:
        return listing.reports(session, semester_id)

    def new_values(self) -> dict[str, Any]:
        return {"kind": ReportKind.RESEARCH_REPORT, "review_status": ReviewStatus.NOT_SUBMITTED,
                "publication_channel": PublicationChannel.NONE}

    def build_extra(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.review_button = QPushButton(self.tr("Review, publish, attach file…"))
        self.review_button.setObjectName("review_report")
        self.review_button.setToolTip(self.tr("Record a review, mark the report published, attach or open its "
                                              "file, prepare the article (also: double-click the row)"))
        self.review_button.clicked.connect(self.open_review)
        row.addWidget(self.review_button)
        self.wechat_button = QPushButton(self.tr("WeChat article…"))
        self.wechat_button.setObjectName("wechat_article")
        self.wechat_button.setToolTip(self.tr("Preview the article for the \"Global SJTU\" WeChat account, copy it "
                                              "or save it as HTML with its pictures"))
        self.wechat_button.clicked.connect(self.open_wechat_article)
        row.addWidget(self.wechat_button)
        self.copy_wechat_button = QPushButton(self.tr("Copy for WeChat"))
        self.copy_wechat_button.setObjectName("copy_for_wechat")
        self.copy_wechat_button.setToolTip(self.tr("Put the article on the clipboard with its formatting, ready to "
                                                   "paste into the WeChat editor"))
        self.copy_wechat_button.clicked.connect(self.copy_for_wechat)
        row.addWidget(self.copy_wechat_button)
        row.addStretch(1)
        self.table.doubleClicked.connect(lambda _index: self.open_review())
        return box

    def record_loaded(self, session: Session, record: Any | None) -> None:
        for button in (self.review_button, self.wechat_button, self.copy_wechat_button):
            button.setEnabled(record is not None)

    def _article(self) -> Article | None:
        from ui.outcomes.wechat_dialog import load_article

        if self.current_id is None:
            return None
        try:
            return load_article(self.host.database, self.current_id)
        except AppError as error:
            QMessageBox.warning(self, self.tr("WeChat article"), str(error))
            return None

    def open_wechat_article(self) -> None:
        from ui.outcomes.wechat_dialog import WeChatArticleDialog

        article = self._article()
        if article is not None:
            WeChatArticleDialog(article, self).exec()

    def copy_for_wechat(self) -> None:
        from ui.outcomes.wechat_dialog import copy_to_clipboard

        article = self._article()
        if article is not None:
            copy_to_clipboard(article)
            self.host.status_message(self.tr("Copied the WeChat article of \"{title}\": paste it into the WeChat "
                                             "editor.").replace("{title}", article.title))

    def open_review(self) -> None:
        from ui.outcomes.report_review_dialog import ReportReviewDialog

        if self.current_id is None or not self.confirm_leave():
            return
        dialog = ReportReviewDialog(self.host.database, self.host.settings, self.host.actor, self.current_id, self)
        dialog.exec()
        self.open_record(self.current_id)
        self.reload()

    def describe(self, record: Any) -> str:
        person = record.participation.person
        return f"{record.title or self.tr('(untitled)')} — {person.name_en} {person.name_zh}".strip()
