"""Partners: universities, their contacts, and the history of exchanges with each."""
from __future__ import annotations

from dataclasses import replace

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.views import listing
from app.errors import AppError, ValidationError
from app.directory.partners import partner_contacts, partners
from models.enums import PartnerStatus
from ui.outcomes.follow_ups_panel import FollowUpsPanel
from ui.widgets.formatting import label, number
from ui.widgets.record_form import FieldSpec, RecordForm
from ui.widgets.record_tab import FilterSpec, RecordTab, TabHost
from ui.widgets.translation import QT_TR_NOOP, tr
from ui.widgets.table_model import Column, RowTableModel
from ui.widgets.timezones import utc_offset_label

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

CONTACT_FIELDS = [
    FieldSpec("name", QT_TR_NOOP("Name")),
    FieldSpec("unit", QT_TR_NOOP("Unit")),
    FieldSpec("position", QT_TR_NOOP("Position")),
    FieldSpec("email", QT_TR_NOOP("E-mail")),
]


class ContactDialog(QDialog):
    """Add or edit one contact of a partner."""

    def __init__(self, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Partner contact"))
        self.form = RecordForm([replace(spec, label=tr(spec.label)) for spec in CONTACT_FIELDS])
        self.form.load(values)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)


class PartnersTab(RecordTab):
    kind = "partner"
    columns = (
        Column(QT_TR_NOOP("Name"), 1),
        Column(QT_TR_NOOP("Country"), 2),
        Column(QT_TR_NOOP("City"), 3),
        Column(QT_TR_NOOP("Time zone"), 4, render=lambda v: f"{v} ({utc_offset_label(v)})" if v else ""),
        Column(QT_TR_NOOP("Languages"), 5),
        Column(QT_TR_NOOP("Status"), 6, render=label),
        Column(QT_TR_NOOP("Exchanges"), 7, render=number, align_right=True),
    )
    filters = (FilterSpec(QT_TR_NOOP("country"), 2), FilterSpec(QT_TR_NOOP("status"), 6))

    def __init__(self, host: TabHost, parent: QWidget | None = None) -> None:
        fields = [
            FieldSpec("name", self.tr("Name")),
            FieldSpec("name_zh", self.tr("Chinese name")),
            FieldSpec("country", self.tr("Country")),
            FieldSpec("city", self.tr("City")),
            FieldSpec("timezone", self.tr("Time zone"), kind="timezone",
                      tooltip=self.tr("Type a city, a country or a zone, in English or Chinese: New York, 纽约, "
                                      "美国")),
            FieldSpec("office_hours_start", self.tr("Office hours start"),
                      placeholder=self.tr("as in Settings ({start})").replace("{start}",
                                                                             host.settings.office_hours_start),
                      tooltip=self.tr("The partner's working day on its own clock; the time-slot finder and the "
                                      "checks use it. Empty: the office hours in Settings")),
            FieldSpec("office_hours_end", self.tr("Office hours end"),
                      placeholder=self.tr("as in Settings ({end})").replace("{end}", host.settings.office_hours_end)),
            FieldSpec("region", self.tr("Region")),
            FieldSpec("languages", self.tr("Languages"), placeholder=self.tr("English, German")),
            FieldSpec("website", self.tr("Website"), placeholder="https://"),
            FieldSpec("status", self.tr("Status"), kind="enum", enum_type=PartnerStatus),
            FieldSpec("notes", self.tr("Notes"), kind="multiline"),
        ]
        super().__init__(host, partners, fields, parent)

    def load_rows(self, session: Session, semester_id: int | None) -> list[tuple[Any, ...]]:
        return listing.partners(session)

    def new_values(self) -> dict[str, Any]:
        return {"status": PartnerStatus.ACTIVE, "timezone": "Europe/London"}

    def build_extra(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        contacts = QGroupBox(self.tr("Contacts"))
        contacts_layout = QVBoxLayout(contacts)
        self.contacts_model = RowTableModel(
            [Column(self.tr("Name"), 1), Column(self.tr("Unit"), 2), Column(self.tr("Position"), 3),
             Column(self.tr("E-mail"), 4)], self)
        self.contacts_view = QTableView()
        self.contacts_view.setObjectName("partner_contacts")
        self.contacts_view.setModel(self.contacts_model)
        self.contacts_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.contacts_view.horizontalHeader().setStretchLastSection(True)
        self.contacts_view.verticalHeader().hide()
        self.contacts_view.doubleClicked.connect(lambda _index: self.edit_contact())
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add contact…"))
        add.setObjectName("add_contact")
        edit = QPushButton(self.tr("Edit…"))
        remove = QPushButton(self.tr("Remove"))
        add.clicked.connect(self.add_contact)
        edit.clicked.connect(self.edit_contact)
        remove.clicked.connect(self.remove_contact)
        for button in (add, edit, remove):
            row.addWidget(button)
        row.addStretch(1)
        contacts_layout.addWidget(self.contacts_view)
        contacts_layout.addLayout(row)
        self.contact_buttons = (add, edit, remove)

        history = QGroupBox(self.tr("Exchanges with this partner"))
        history_layout = QVBoxLayout(history)
        zone = self.host.settings.iad_timezone
        from ui.widgets.formatting import instant_in

        self.history_model = RowTableModel(
            [Column(self.tr("Semester"), 1), Column(self.tr("Exchange"), 2), Column(self.tr("Kind"), 3, render=label),
             Column(self.tr("Rounds"), 4), Column(self.tr("First round"), 5, render=instant_in(zone))], self)
        self.history_view = QTableView()
        self.history_view.setObjectName("partner_history")
        self.history_view.setModel(self.history_model)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.verticalHeader().hide()
        history_layout.addWidget(self.history_view)
        self.follow_ups = FollowUpsPanel(self.host, "partner")
        layout.addWidget(contacts)
        layout.addWidget(history)
        layout.addWidget(self.follow_ups)
        return box

    def record_loaded(self, session: Session, record: Any | None) -> None:
        if record is None:
            self.contacts_model.set_rows([])
            self.history_model.set_rows([])
        else:
            self.contacts_model.set_rows([(c.id, c.name, c.unit, c.position, c.email) for c in record.contacts])
            self.history_model.set_rows(listing.exchange_history(session, record.id))
            self.contacts_view.resizeColumnsToContents()
            self.history_view.resizeColumnsToContents()
        for button in self.contact_buttons:
            button.setEnabled(record is not None)
        self.follow_ups.show_for(record.id if record is not None else None)

    def _selected_contact(self) -> int | None:
        rows = self.contacts_view.selectionModel().selectedRows()
        return self.contacts_model.id_at(rows[0].row()) if rows else None

    def _edit_contact(self, contact_id: int | None) -> None:
        if self.current_id is None:
            return
        values: dict[str, Any] = {}
        if contact_id is not None:
            with self.host.database.sessions() as session:
                contact = partner_contacts.get(session, contact_id)
                values = {spec.name: getattr(contact, spec.name) for spec in CONTACT_FIELDS}
                version = contact.version
        dialog = ContactDialog(values, self)
        while dialog.exec():
            try:
                with self.host.database.transaction() as session:
                    if contact_id is None:
                        partner_contacts.create(session, self.host.actor, partner_id=self.current_id,
                                                **dialog.form.values())
                    else:
                        partner_contacts.update(session, self.host.actor, contact_id, expected_version=version,
                                                **dialog.form.changed_values())
            except ValidationError as error:
                dialog.form.show_error(error.field, error.message)
                continue
            except AppError as error:
                QMessageBox.warning(self, self.tr("Contact not saved"), str(error))
                continue
            break
        self.open_record(self.current_id)

    def add_contact(self) -> None:
        self._edit_contact(None)

    def edit_contact(self) -> None:
        contact_id = self._selected_contact()
        if contact_id is not None:
            self._edit_contact(contact_id)

    def remove_contact(self) -> None:
        contact_id = self._selected_contact()
        if contact_id is None or self.current_id is None:
            return
        with self.host.database.sessions() as session:
            name = listing.contact_name(session, contact_id)
        if QMessageBox.question(self, self.tr("Remove contact"),
                                self.tr("Remove {name} from this partner's contacts?").replace("{name}", name)) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.host.database.transaction() as session:
                partner_contacts.delete(session, self.host.actor, contact_id)
        except AppError as error:
            QMessageBox.warning(self, self.tr("Contact not removed"), str(error))
        self.open_record(self.current_id)
