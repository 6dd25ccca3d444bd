"""Topics: proposals per semester and department, their status, and outreach to partners."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.views import listing
from app.errors import AppError
from app.topics.records import outreach, proposals
from models.enums import Direction, OutreachStatus, Priority, ProposalStatus
from ui.widgets import choices
from ui.widgets.formatting import day, label
from ui.widgets.record_form import FieldSpec
from ui.widgets.record_tab import FilterSpec, RecordTab, TabHost
from ui.widgets.table_model import Column, RowTableModel
from ui.widgets.translation import QT_TR_NOOP

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class TopicsTab(RecordTab):
    kind = "proposal"
    semester_scoped = True
    columns = (
        Column(QT_TR_NOOP("Title"), 1),
        Column(QT_TR_NOOP("Chinese title"), 8),
        Column(QT_TR_NOOP("Department"), 2),
        Column(QT_TR_NOOP("Area"), 3),
        Column(QT_TR_NOOP("Learn / share"), 4, render=label),
        Column(QT_TR_NOOP("Priority"), 5, render=label),
        Column(QT_TR_NOOP("Status"), 6, render=label),
        Column(QT_TR_NOOP("Semester"), 7),
    )
    filters = (FilterSpec(QT_TR_NOOP("status"), 6), FilterSpec(QT_TR_NOOP("department"), 2), FilterSpec(QT_TR_NOOP("area"), 3))

    def __init__(self, host: TabHost, parent: QWidget | None = None) -> None:
        db = host.database
        fields = [
            FieldSpec("title", self.tr("Title")),
            FieldSpec("title_zh", self.tr("Chinese title"), placeholder=self.tr("optional; printed on Chinese documents")),
            FieldSpec("semester_id", self.tr("Semester"), kind="choice", choices=choices.semesters(db)),
            FieldSpec("department_id", self.tr("Department"), kind="choice", choices=choices.departments(db)),
            FieldSpec("area_id", self.tr("Topic area"), kind="choice", choices=choices.topic_areas(db), nullable=True,
                      retired_choices=choices.topic_areas(db, retired=True)),
            FieldSpec("direction", self.tr("Learn or share"), kind="enum", enum_type=Direction),
            FieldSpec("priority", self.tr("Priority"), kind="enum", enum_type=Priority),
            FieldSpec("status", self.tr("Status"), kind="enum", enum_type=ProposalStatus),
            FieldSpec("preferred_region", self.tr("Preferred partner region")),
            FieldSpec("description", self.tr("Description"), kind="multiline"),
        ]
        super().__init__(host, proposals, fields, parent)
        # Choice lists are read lazily by the form; refresh when the host database changes.
        self.host = host

    def load_rows(self, session: Session, semester_id: int | None) -> list[tuple[Any, ...]]:
        return listing.proposals(session, semester_id)

    def new_values(self) -> dict[str, Any]:
        return {"semester_id": self.host.semester_id() or self._newest_semester(), "direction": Direction.BOTH, "priority": Priority.MEDIUM,
                "status": ProposalStatus.SUBMITTED}

    def new_record(self) -> None:
        """Topics are collected per semester: with none yet, offer to open one first."""
        if not self._has_semester() and not self.offer_semester():
            return
        super().new_record()

    def save(self) -> bool:
        if self.form.values().get("semester_id") is None:
            self.form.clear_errors()
            if self._has_semester():
                self.form.show_error("semester_id", self.tr("Choose the semester this topic is proposed for."))
                return False
            if not self.offer_semester():
                self.form.show_error("semester_id", self.tr(
                    "Topics are collected per semester and there is none yet: open one under Edit → Semesters…"))
                return False
        return super().save()

    def _has_semester(self) -> bool:
        with self.host.database.sessions() as session:
            return bool(listing.semesters(session))

    def offer_semester(self) -> bool:
        """Ask to open a semester now; True when one exists afterwards (and is chosen on the form)."""
        answer = QMessageBox.question(
            self, self.tr("No semester yet"),
            self.tr("Topics are collected for a semester, and this database has none yet. "
                    "Open a semester now (its name and dates)?"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from ui.directory.list_dialogs import open_list_dialog

        open_list_dialog(self.host, "semesters", new=True)
        if not self._has_semester():
            return False
        values = self.form.values()
        values["semester_id"] = self._newest_semester()
        self.form.forget_choices()  # the new semester among them
        self.form.load(values)
        return True

    def _newest_semester(self) -> int | None:
        with self.host.database.sessions() as session:
            rows = listing.semesters(session)
        return int(rows[0][0]) if rows else None

    def build_extra(self) -> QWidget:
        box = QGroupBox(self.tr("Outreach to partners"))
        layout = QVBoxLayout(box)
        self.outreach_model = RowTableModel(
            [Column(self.tr("Partner"), 1), Column(self.tr("Status"), 2, render=label),
             Column(self.tr("Contacted"), 3, render=day), Column(self.tr("Answered"), 4, render=day),
             Column(self.tr("Notes"), 5)], self)
        self.outreach_view = QTableView()
        self.outreach_view.setObjectName("outreach_table")
        self.outreach_view.setModel(self.outreach_model)
        self.outreach_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.outreach_view.horizontalHeader().setStretchLastSection(True)
        self.outreach_view.verticalHeader().hide()
        self.outreach_hint = QLabel(self.tr("Accept the topic to offer it to partner universities."))
        self.outreach_hint.setWordWrap(True)
        offer_row = QHBoxLayout()
        self.partner_box = QComboBox()
        self.partner_box.setObjectName("outreach_partner")
        self.partner_box.setEditable(True)
        self.partner_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.offer_button = QPushButton(self.tr("Offer to partner"))
        self.offer_button.setObjectName("offer_button")
        self.offer_button.clicked.connect(self.offer)
        offer_row.addWidget(self.partner_box, 1)
        offer_row.addWidget(self.offer_button)
        status_row = QHBoxLayout()
        self.outreach_status = QComboBox()
        for member in OutreachStatus:
            self.outreach_status.addItem(member.label, member)
        self.set_status_button = QPushButton(self.tr("Set status of selected"))
        self.set_status_button.clicked.connect(self.set_outreach_status)
        status_row.addWidget(self.outreach_status, 1)
        status_row.addWidget(self.set_status_button)
        self.mail_button = QPushButton(self.tr("E-mail the partners…"))
        self.mail_button.setObjectName("mail_outreach_button")
        self.mail_button.setToolTip(self.tr("Write to the contacts of every partner this topic is offered to; "
                                            "sent messages mark the outreach contacted"))
        self.mail_button.clicked.connect(self.mail_partners)
        status_row.addWidget(self.mail_button)
        layout.addWidget(self.outreach_hint)
        layout.addWidget(self.outreach_view)
        layout.addLayout(offer_row)
        layout.addLayout(status_row)
        return box

    def record_loaded(self, session: Session, record: Any | None) -> None:
        open_for_outreach = record is not None and record.status in (ProposalStatus.ACCEPTED, ProposalStatus.SCHEDULED)
        rows = listing.outreach_of(session, record.id) if record is not None else []
        self.outreach_model.set_rows(rows)
        self.outreach_view.resizeColumnsToContents()
        self._fill_partners(session, open_for_outreach)
        for widget in (self.partner_box, self.offer_button, self.outreach_status, self.set_status_button):
            widget.setEnabled(open_for_outreach)
        self.mail_button.setEnabled(open_for_outreach and bool(rows))
        self.outreach_hint.setVisible(not open_for_outreach)

    def mail_partners(self) -> None:
        compose = getattr(self.host, "compose_messages", None)
        if self.current_id is not None and callable(compose):
            proposal_id = self.current_id
            compose("outreach", proposal_id=proposal_id, then=lambda: self.open_record(proposal_id))

    def _fill_partners(self, session: Session, open_for_outreach: bool) -> None:
        chosen = self.partner_box.currentData()
        self.partner_box.clear()
        if open_for_outreach:
            for partner_id, name, country, *_rest in listing.partners(session):
                self.partner_box.addItem(f"{name} ({country})", partner_id)
        index = self.partner_box.findData(chosen) if chosen is not None else -1
        if index >= 0:
            self.partner_box.setCurrentIndex(index)

    def refresh_pickers(self, session: Session) -> None:
        self._fill_partners(session, self.partner_box.isEnabled())

    def offer(self) -> None:
        if self.current_id is None:
            return
        partner_id = self.partner_box.currentData()
        typed = self.partner_box.currentText().strip()
        if partner_id is None or (typed and typed != self.partner_box.itemText(self.partner_box.currentIndex())):
            QMessageBox.information(self, self.tr("Not offered"), self.tr(
                "Choose a partner university from the list; new universities are added in the Partners tab.")
                if self.partner_box.count() else self.tr(
                "There is no partner university yet: add one in the Partners tab first."))
            return
        from datetime import date

        try:
            with self.host.database.transaction() as session:
                outreach.create(session, self.host.actor, proposal_id=self.current_id, partner_id=partner_id,
                                status=OutreachStatus.CONTACTED, contacted_on=date.today())
        except AppError as error:
            QMessageBox.warning(self, self.tr("Not offered"), str(error))
            return
        self.open_record(self.current_id)

    def set_outreach_status(self) -> None:
        rows = self.outreach_view.selectionModel().selectedRows()
        if not rows or self.current_id is None:
            return
        outreach_id = self.outreach_model.id_at(rows[0].row())
        status = self.outreach_status.currentData()
        from datetime import date

        values: dict[str, Any] = {"status": status}
        if status in (OutreachStatus.INTERESTED, OutreachStatus.AGREED, OutreachStatus.DECLINED):
            values["answered_on"] = date.today()
        try:
            with self.host.database.transaction() as session:
                outreach.update(session, self.host.actor, outreach_id, **values)
        except AppError as error:
            QMessageBox.warning(self, self.tr("Not changed"), str(error))
        self.open_record(self.current_id)
