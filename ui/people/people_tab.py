"""People: staff of the departments, the exchanges they take part in, and their preparation."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.views import listing
from app.errors import AppError
from app.planning.records import participations, preparations
from app.directory.organisation import people
from models.enums import ParticipantRole
from ui.widgets import choices
from ui.widgets.formatting import label, number
from ui.widgets.record_form import FieldSpec
from ui.widgets.record_tab import FilterSpec, RecordTab, TabHost
from ui.widgets.table_model import Column, RowTableModel
from ui.widgets.translation import QT_TR_NOOP

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class JoinExchangeDialog(QDialog):
    def __init__(self, exchanges: list[tuple[Any, ...]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to exchange"))
        self.exchange = QComboBox()
        self.exchange.setObjectName("join_exchange_choice")
        for exchange_id, title, kind, rounds, partners in exchanges:
            self.exchange.addItem(f"{title} — {partners}", exchange_id)
        self.role = QComboBox()
        for member in ParticipantRole:
            self.role.addItem(member.label, member)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Exchange:"), self.exchange)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.error)
        form.addRow(buttons)


class PeopleTab(RecordTab):
    kind = "person"
    columns = (
        Column(QT_TR_NOOP("Name"), 1),
        Column(QT_TR_NOOP("中文名"), 2),
        Column(QT_TR_NOOP("Department"), 3),
        Column(QT_TR_NOOP("Position"), 4),
        Column(QT_TR_NOOP("E-mail"), 5),
        Column(QT_TR_NOOP("Exchanges"), 6, render=number, align_right=True),
    )
    filters = (FilterSpec(QT_TR_NOOP("department"), 3),)

    def __init__(self, host: TabHost, parent: QWidget | None = None) -> None:
        fields = [
            FieldSpec("name_en", self.tr("Name (English)")),
            FieldSpec("name_zh", self.tr("Name (Chinese)")),
            FieldSpec("department_id", self.tr("Department"), kind="choice", choices=choices.departments(host.database)),
            FieldSpec("position", self.tr("Position")),
            FieldSpec("email", self.tr("E-mail")),
            FieldSpec("notes", self.tr("Notes"), kind="multiline"),
        ]
        super().__init__(host, people, fields, parent)
        self.participation_id: int | None = None
        self.preparation_id: int | None = None
        self.preparation_version: int | None = None

    def load_rows(self, session: Session, semester_id: int | None) -> list[tuple[Any, ...]]:
        return listing.people(session)

    def build_extra(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        exchanges = QGroupBox(self.tr("Exchanges taken part in"))
        exchanges_layout = QVBoxLayout(exchanges)
        self.participations_model = RowTableModel(
            [Column(self.tr("Exchange"), 1), Column(self.tr("Semester"), 2), Column(self.tr("Role"), 3, render=label)],
            self)
        self.participations_view = QTableView()
        self.participations_view.setObjectName("participations_table")
        self.participations_view.setModel(self.participations_model)
        self.participations_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.participations_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.participations_view.horizontalHeader().setStretchLastSection(True)
        self.participations_view.verticalHeader().hide()
        self.participations_view.selectionModel().selectionChanged.connect(self._on_participation)
        exchanges_layout.addWidget(self.participations_view)
        roster_row = QHBoxLayout()
        self.join_button = QPushButton(self.tr("Add to exchange…"))
        self.join_button.setObjectName("join_exchange")
        self.join_button.clicked.connect(self.add_to_exchange)
        self.leave_button = QPushButton(self.tr("Remove from exchange…"))
        self.leave_button.setObjectName("leave_exchange")
        self.leave_button.clicked.connect(self.remove_from_exchange)
        roster_row.addWidget(self.join_button)
        roster_row.addWidget(self.leave_button)
        roster_row.addStretch(1)
        exchanges_layout.addLayout(roster_row)

        self.preparation_box = QGroupBox(self.tr("Preparation for the selected exchange"))
        form = QFormLayout(self.preparation_box)
        self.to_learn = QPlainTextEdit()
        self.to_learn.setObjectName("to_learn")
        self.to_share = QPlainTextEdit()
        self.to_share.setObjectName("to_share")
        self.materials = QPlainTextEdit()
        self.materials.setObjectName("materials")
        self.materials.setPlaceholderText(self.tr("One link or file path per line"))
        for edit in (self.to_learn, self.to_share, self.materials):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(90)
        self.save_preparation_button = QPushButton(self.tr("Save preparation"))
        self.save_preparation_button.setObjectName("save_preparation")
        self.save_preparation_button.clicked.connect(self.save_preparation)
        self.preparation_message = QLabel()
        self.preparation_message.setWordWrap(True)
        form.addRow(self.tr("What to learn:"), self.to_learn)
        form.addRow(self.tr("What to share:"), self.to_share)
        form.addRow(self.tr("Materials:"), self.materials)
        form.addRow(self.preparation_message, self.save_preparation_button)
        self.preparation_box.setEnabled(False)
        layout.addWidget(exchanges)
        layout.addWidget(self.preparation_box)
        return box

    def record_loaded(self, session: Session, record: Any | None) -> None:
        rows = listing.participations_of(session, record.id) if record is not None else []
        self.participations_model.set_rows(rows)
        self.participations_view.resizeColumnsToContents()
        self.join_button.setEnabled(record is not None)
        self.leave_button.setEnabled(record is not None)
        self._show_preparation(session, None)

    def add_to_exchange(self) -> None:
        """Put the person on an exchange's roster, with a role."""
        if self.current_id is None:
            return
        with self.host.database.sessions() as session:
            exchanges = listing.exchanges(session, self.host.semester_id())
        dialog = JoinExchangeDialog(exchanges, self)
        while dialog.exec():
            try:
                with self.host.database.transaction() as session:
                    participations.create(session, self.host.actor, person_id=self.current_id,
                                          exchange_id=dialog.exchange.currentData(), role=dialog.role.currentData())
            except AppError as error:
                dialog.error.setText(str(error))
                continue
            break
        self.open_record(self.current_id)

    def remove_from_exchange(self) -> None:
        rows = self.participations_view.selectionModel().selectedRows()
        if not rows or self.current_id is None:
            QMessageBox.information(self, self.tr("Remove from exchange"), self.tr("Select an exchange first."))
            return
        participation_id = self.participations_model.id_at(rows[0].row())
        title = self.participations_model.row_at(rows[0].row())[1]
        with self.host.database.sessions() as session:
            impact = participations.delete_impact(session, participation_id)
        text = self.tr("Remove {person} from \u201c{exchange}\u201d?").replace("{person}", self.heading.text()) \
            .replace("{exchange}", title)
        if impact.cascades:
            goes = ", ".join(f"{n} {name}" for name, n in impact.cascades.items())
            text += "\n\n" + self.tr("This also deletes: {goes}.").replace("{goes}", goes)
        if QMessageBox.question(self, self.tr("Remove from exchange"), text,
                                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.host.database.transaction() as session:
                participations.delete(session, self.host.actor, participation_id)
        except AppError as error:
            QMessageBox.warning(self, self.tr("Not removed"), str(error))
        self.open_record(self.current_id)

    def _on_participation(self, *_args: object) -> None:
        rows = self.participations_view.selectionModel().selectedRows()
        participation_id = self.participations_model.id_at(rows[0].row()) if rows else None
        if participation_id == self.participation_id:
            return
        if self.preparation_dirty() and not self._ask_save_preparation():
            return
        with self.host.database.sessions() as session:
            self._show_preparation(session, participation_id)

    def _ask_save_preparation(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved preparation"), self.tr("Save the preparation you were writing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard)
        return self.save_preparation() if answer == QMessageBox.StandardButton.Save else True

    def _show_preparation(self, session: Session, participation_id: int | None) -> None:
        self.participation_id = participation_id
        preparation = None
        if participation_id is not None:
            preparation = listing.preparation_of(session, participation_id)
        self.preparation_id = preparation.id if preparation else None
        self.preparation_version = preparation.version if preparation else None
        self._loaded_preparation = (
            preparation.to_learn if preparation else "", preparation.to_share if preparation else "",
            preparation.materials if preparation else "")
        self.to_learn.setPlainText(self._loaded_preparation[0])
        self.to_share.setPlainText(self._loaded_preparation[1])
        self.materials.setPlainText(self._loaded_preparation[2])
        self.preparation_message.clear()
        self.preparation_box.setEnabled(participation_id is not None)

    def preparation_dirty(self) -> bool:
        if self.participation_id is None:
            return False
        current = (self.to_learn.toPlainText(), self.to_share.toPlainText(), self.materials.toPlainText())
        return current != self._loaded_preparation

    def save_preparation(self) -> bool:
        if self.participation_id is None:
            return False
        values = {"to_learn": self.to_learn.toPlainText(), "to_share": self.to_share.toPlainText(),
                  "materials": self.materials.toPlainText()}
        try:
            with self.host.database.transaction() as session:
                if self.preparation_id is None:
                    preparations.create(session, self.host.actor, participation_id=self.participation_id, **values)
                else:
                    preparations.update(session, self.host.actor, self.preparation_id,
                                        expected_version=self.preparation_version, **values)
        except AppError as error:
            self.preparation_message.setText(str(error))
            return False
        with self.host.database.sessions() as session:
            self._show_preparation(session, self.participation_id)
        self.preparation_message.setText(self.tr("Saved."))
        return True

    def has_unsaved_changes(self) -> bool:
        return super().has_unsaved_changes() or self.preparation_dirty()

    def confirm_leave(self) -> bool:
        if self.preparation_dirty() and not self._ask_save_preparation():
            return False
        if self.preparation_dirty():
            self._loaded_preparation = (self.to_learn.toPlainText(), self.to_share.toPlainText(),
                                        self.materials.toPlainText())
        return super().confirm_leave()
