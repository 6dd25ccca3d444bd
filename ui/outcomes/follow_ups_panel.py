"""The log of a department's own contacts with a partner, shown on the partner and on the department."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.outcomes.follow_ups import ContactRow, contacts_for_department, contacts_for_partner, delete_contact, log_contact, \
    update_contact
from models.enums import ContactChannel
from ui.widgets import choices
from ui.widgets.formatting import day, label
from ui.widgets.record_form import FieldSpec, RecordForm
from ui.widgets.record_tab import TabHost
from ui.widgets.table_model import Column, RowTableModel
from ui.widgets.screen_fit import fit_to_screen


class ContactLogDialog(QDialog):
    """One contact: with whom (the other side), when, how, who took part, what about."""

    def __init__(self, host: TabHost, side: str, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Follow-up contact"))
        other = (FieldSpec("department_id", self.tr("Department"), kind="choice",
                           choices=choices.departments(host.database)) if side == "partner" else
                 FieldSpec("partner_id", self.tr("Partner university"), kind="choice",
                           choices=choices.partners(host.database)))
        self.form = RecordForm([
            other,
            FieldSpec("contact_date", self.tr("Date"), kind="date"),
            FieldSpec("channel", self.tr("Channel"), kind="enum", enum_type=ContactChannel),
            FieldSpec("people", self.tr("People"), placeholder=self.tr("who took part, on both sides")),
            FieldSpec("summary", self.tr("Summary"), kind="multiline"),
        ], host.settings.iad_timezone)
        self.form.load(values)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 400)


class FollowUpsPanel(QGroupBox):
    """Contacts of one partner (side "partner") or of one department (side "department"), newest first."""

    def __init__(self, host: TabHost, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Follow-up contacts (kept up by the departments themselves)"))
        self.host = host
        self.side = side
        self.record_id: int | None = None
        self.rows: dict[int, ContactRow] = {}
        self.model = RowTableModel([
            Column(self.tr("Date"), 1, render=day),
            Column(self.tr("Department") if side == "partner" else self.tr("Partner"), 2),
            Column(self.tr("Channel"), 3, render=label),
            Column(self.tr("People"), 4),
            Column(self.tr("Summary"), 5),
        ], self)
        self.view = QTableView()
        self.view.setObjectName(f"{side}_follow_ups")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(lambda _index: self.edit_contact())
        self.add_button = QPushButton(self.tr("Log contact…"))
        self.add_button.setObjectName(f"{side}_log_contact")
        self.add_button.clicked.connect(self.add_contact)
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self.edit_contact)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_contact)
        self.buttons = (self.add_button, edit, remove)
        row = QHBoxLayout()
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(row)
        self.show_for(None)

    def show_for(self, record_id: int | None) -> None:
        self.record_id = record_id
        rows: list[ContactRow] = []
        if record_id is not None:
            with self.host.database.sessions() as session:
                rows = (contacts_for_partner(session, record_id) if self.side == "partner"
                        else contacts_for_department(session, record_id))
        self.rows = {row.id: row for row in rows}
        self.model.set_rows([
            (row.id, row.contact_date, row.department_name if self.side == "partner" else row.partner_name,
             row.channel, row.people, row.summary) for row in rows])
        self.view.resizeColumnsToContents()
        for button in self.buttons:
            button.setEnabled(record_id is not None)

    def _selected(self) -> ContactRow | None:
        chosen = self.view.selectionModel().selectedRows()
        return self.rows.get(self.model.id_at(chosen[0].row())) if chosen else None

    def _own_field(self) -> str:
        return "partner_id" if self.side == "partner" else "department_id"

    def _edit(self, contact: ContactRow | None) -> None:
        if self.record_id is None:
            return
        values: dict[str, Any] = {"contact_date": date.today(), "channel": ContactChannel.EMAIL}
        if contact is not None:
            values = {"department_id": contact.department_id, "partner_id": contact.partner_id,
                      "contact_date": contact.contact_date, "channel": contact.channel, "people": contact.people,
                      "summary": contact.summary}
        dialog = ContactLogDialog(self.host, self.side, values, self)
        while dialog.exec():
            dialog.form.clear_errors()
            entered = {**dialog.form.values(), self._own_field(): self.record_id}
            try:
                with self.host.database.transaction() as session:
                    if contact is None:
                        log_contact(session, self.host.actor, today=date.today(), **entered)
                    else:
                        update_contact(session, self.host.actor, contact.id, expected_version=contact.version,
                                       today=date.today(), **entered)
            except ValidationError as error:
                if not dialog.form.show_error(error.field, error.message):
                    dialog.message.setText(error.message)
                continue
            except AppError as error:
                dialog.message.setText(str(error))
                continue
            break
        self.show_for(self.record_id)

    def add_contact(self) -> None:
        self._edit(None)

    def edit_contact(self) -> None:
        contact = self._selected()
        if contact is not None:
            self._edit(contact)

    def remove_contact(self) -> None:
        contact = self._selected()
        if contact is None:
            return
        if QMessageBox.question(self, self.tr("Remove contact"), self.tr(
                "Remove the contact of {day} from the log?").replace("{day}", contact.contact_date.isoformat())) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.host.database.transaction() as session:
                delete_contact(session, self.host.actor, contact.id)
        except AppError as error:
            QMessageBox.warning(self, self.tr("Contact not removed"), str(error))
        self.show_for(self.record_id)
