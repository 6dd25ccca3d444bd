"""Tools → Users…: who may work in the shared database, and with which role.

A user's name is their database login; IT creates the login, an administrator adds the
user here and chooses the role: administrator (manages users, restores backups),
officer (edits everything else), viewer (reads and exports). Anyone may look; only an
administrator may change anything, and the service refuses the others anyway.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.storage.database import Database
from app.errors import AppError, ConflictError, ValidationError
from app.storage.user_records import users
from models.enums import UserRole
from ui.widgets.conflict_dialog import ConflictDialog
from ui.widgets.table_model import Column, RowTableModel
from ui.widgets.translation import QT_TR_NOOP, tr
from ui.widgets.screen_fit import fit_to_screen

ROLE_HELP = {
    UserRole.ADMINISTRATOR: QT_TR_NOOP("manages users and backups, edits everything"),
    UserRole.OFFICER: QT_TR_NOOP("edits everything except users"),
    UserRole.VIEWER: QT_TR_NOOP("reads and exports only"),
}


class UsersDialog(QDialog):
    """The users of this database in a list, and a form to add or change one."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.current_id: int | None = None
        self.current_version: int | None = None
        self.setWindowTitle(self.tr("Users"))
        fit_to_screen(self, 640, 460)

        self.model = RowTableModel([
            Column(self.tr("Login"), 1), Column(self.tr("Name"), 2),
            Column(self.tr("Role"), 3, render=lambda role: role.label if role is not None else ""),
            Column(self.tr("Active"), 4, render=lambda active: self.tr("yes") if active else self.tr("no")),
        ], self)
        self.table = QTableView()
        self.table.setObjectName("users_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._open_row(current.row()))

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("the database login, e.g. wang.fang"))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in UserRole:
            self.role.addItem(f"{role.label} — {tr(ROLE_HELP[role])}", role)
        self.active = QCheckBox(self.tr("May sign in with this role"))
        self.active.setObjectName("active")
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.username)
        form.addRow(self.tr("Name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Active:"), self.active)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&New user"))
        self.new_button.setObjectName("new_user")
        self.new_button.clicked.connect(self.new_user)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("save_user")
        self.save_button.clicked.connect(lambda: self.save())
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        self.form_holder = QWidget()
        self.form_holder.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form_holder)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(close)

        self.may_edit = actor.can(UserRole.ADMINISTRATOR)
        if not self.may_edit:
            self.form_holder.setEnabled(False)
            self.new_button.setEnabled(False)
            self.save_button.setEnabled(False)
            self._say(self.tr("Only an administrator can add or change users; you are signed in as {user} ({role}).")
                      .replace("{user}", actor.username).replace("{role}", actor.role.label.lower()), error=False)
        self.reload()
        self.new_user()

    # ---- list ----------------------------------------------------------------
    def reload(self) -> None:
        with self.database.sessions() as session:
            rows = [(u.id, u.username, u.display_name, u.role, u.active, u.version) for u in users.list(session)]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def _open_row(self, visible_row: int) -> None:
        if visible_row < 0:
            return
        user_id, username, display_name, role, active, version = self.model.row_at(visible_row)
        self.current_id, self.current_version = int(user_id), int(version)
        self.username.setText(username)
        self.display_name.setText(display_name)
        self.role.setCurrentIndex(max(self.role.findData(role), 0))
        self.active.setChecked(bool(active))
        self._say("")

    def select_user(self, username: str) -> None:
        for visible_row in range(self.model.rowCount()):
            if self.model.row_at(visible_row)[1] == username:
                self.table.selectRow(visible_row)
                self._open_row(visible_row)
                return

    def new_user(self) -> None:
        self.table.clearSelection()
        self.current_id = self.current_version = None
        self.username.clear()
        self.display_name.clear()
        self.role.setCurrentIndex(max(self.role.findData(UserRole.OFFICER), 0))
        self.active.setChecked(True)

    # ---- saving --------------------------------------------------------------
    def values(self) -> dict[str, object]:
        return {"username": self.username.text().strip(), "display_name": self.display_name.text().strip(),
                "role": self.role.currentData(), "active": self.active.isChecked()}

    def _say(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "")

    def save(self, values: dict[str, object] | None = None, expected_version: int | None = None) -> bool:
        values = values if values is not None else self.values()
        try:
            with self.database.transaction() as session:
                if self.current_id is None:
                    user = users.create(session, self.actor, **values)
                else:
                    user = users.update(session, self.actor, self.current_id,
                                        expected_version=expected_version or self.current_version, **values)
                saved = user.username
        except ConflictError as error:
            return self._resolve(error)
        except ValidationError as error:
            self._say(error.message)
            widget = self.findChild(QWidget, error.field)
            if widget is not None:
                widget.setFocus()
            return False
        except AppError as error:
            self._say(str(error))
            return False
        self.reload()
        self.select_user(saved)
        self._say(self.tr("Saved {user}.").replace("{user}", saved), error=False)
        return True

    def _resolve(self, error: ConflictError) -> bool:
        labels = {"username": self.tr("Login"), "display_name": self.tr("Name"), "role": self.tr("Role"),
                  "active": self.tr("Active")}
        dialog = ConflictDialog(error, labels, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self._say(str(error))
            return False
        return self.save(dialog.values_to_save(), dialog.expected_version)
