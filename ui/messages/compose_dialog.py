"""The compose dialog: every message of a batch previewed per recipient, edited one by one, then drafted or sent.

The list shows each recipient with the message's state: ready, edited, already sent
(and when), cannot be written (and why), then drafted, sent or failed. Selecting a line
shows the message exactly as it goes out; its subject and body can be changed for that
recipient alone. Drafts go into a folder as .eml files; sending goes through the mail
server one message at a time, with a pause between messages, a progress bar, and a
Stop button. Each message is logged the moment it is written or sent, so a batch stopped
by the server, the Stop button or a closed window is resumed by opening the dialog again:
what went out is not sent twice.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.errors import AppError, ValidationError
from app.messages.batch import Batch, prepare_batch
from app.messages.compose import NO_ADDRESS, Message, edit_message
from app.messages.message_log import DRAFTED, FAILED, SENT, Outcome, record_outcome, still_to_send
from app.messages.recipients import Selection
from app.messages.templates import kind_label
from app.settings import Settings
from app.storage.credentials import PasswordStore, password_store
from app.storage.database import Database
from models.enums import UserRole
from ui.widgets.background import run_in_background
from ui.widgets.table_model import ListModel
from ui.widgets.translation import tr
from ui.widgets.screen_fit import fit_to_screen

Index = QModelIndex | QPersistentModelIndex
READY, EDITED, DONE_BEFORE, UNUSABLE, LEFT_OUT = "ready", "edited", "done_before", "unusable", "left_out"


class RecipientModel(ListModel):
    """One line per message: recipient, address, language, state."""

    def __init__(self, dialog: ComposeDialog) -> None:
        super().__init__([tr("Recipient"), tr("E-mail"), tr("Language"), tr("State")],
                         dialog)
        self.dialog = dialog

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None:
            return None
        message: Message = self.dialog.messages[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (message.to_name, message.to_email or "—", message.language,
                    self.dialog.state_text(row))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self.dialog.states[row] in (UNUSABLE, FAILED):
            return QColor("#C62828")
        if role == Qt.ItemDataRole.ForegroundRole and self.dialog.states[row] in (DONE_BEFORE, SENT, DRAFTED):
            return QColor("#2E7D32")
        return None

    def refresh_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


class ComposeDialog(QDialog):
    """`ComposeDialog(database, settings, actor, kind, selection)`: a batch of one kind of message."""

    finished_batch = Signal(str)  # a sentence saying what happened
    log_changed = Signal()

    def __init__(self, database: Database, settings: Settings, actor: Actor, kind: str, selection: Selection,
                 parent: QWidget | None = None, *, today: Callable[[], date] = date.today,
                 passwords: PasswordStore | None = None) -> None:
        super().__init__(parent)
        self.database, self.settings, self.actor = database, settings, actor
        self.kind, self.selection = kind, selection
        self._today = today
        self.passwords = passwords or password_store()
        self.batch: Batch | None = None
        self.messages: list[Message] = []
        self.states: list[str] = []
        self.details: list[str] = []
        self.current = -1
        self.busy = False
        self._queue: list[int] = []
        self._stop = False
        self._connection: Any = None
        self._done = 0
        self._total = 0
        self._pause = 0.0
        self._stop_reason = ""
        self._work: Callable[[int], Outcome] = lambda row: Outcome(FAILED, "")
        self.setObjectName("compose_dialog")
        self.setWindowTitle(self.tr("Messages: {kind}").replace("{kind}", kind_label(kind)))

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("Each reader's language"), None)
        self.language.addItem(self.tr("Chinese for everyone"), "zh")
        self.language.addItem(self.tr("English for everyone"), "en")
        self.language.currentIndexChanged.connect(self._language_changed)
        templates = QPushButton(self.tr("&Templates…"))
        templates.setObjectName("templates_button")
        templates.clicked.connect(self.edit_templates)
        server = QPushButton(self.tr("Mail &server…"))
        server.setObjectName("server_button")
        server.clicked.connect(self.edit_server)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(self.tr("Language:")))
        top.addWidget(self.language)
        top.addWidget(templates)
        top.addWidget(server)

        self.model = RecipientModel(self)
        self.table = QTableView()
        self.table.setObjectName("recipients")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda now, _before: self.show_message(now.row()))

        self.to_label = QLabel()
        self.to_label.setObjectName("to")
        self.to_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subject = QLineEdit()
        self.subject.setObjectName("subject")
        self.attachments = QLabel()
        self.attachments.setObjectName("attachments")
        self.attachments.setTextFormat(Qt.TextFormat.PlainText)
        self.attachments.setWordWrap(True)
        self.body = QPlainTextEdit()
        self.body.setObjectName("body")
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #C62828;")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.apply_button = QPushButton(self.tr("&Keep this edit"))
        self.apply_button.setObjectName("apply_edit")
        self.apply_button.setToolTip(self.tr("Use the subject and text above for this recipient only"))
        self.apply_button.clicked.connect(self.apply_edit)
        self.leave_out_button = QPushButton(self.tr("&Leave out"))
        self.leave_out_button.setObjectName("leave_out")
        self.leave_out_button.setToolTip(self.tr("Do not write to this recipient in this batch (click again to "
                                                 "include them)"))
        self.leave_out_button.clicked.connect(self.toggle_left_out)
        self.revert_button = QPushButton(self.tr("&Undo edit"))
        self.revert_button.setObjectName("revert_edit")
        self.revert_button.clicked.connect(self.revert_edit)
        preview = QWidget()
        form = QFormLayout(preview)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("To:"), self.to_label)
        form.addRow(self.tr("Subject:"), self.subject)
        form.addRow(self.tr("Attached:"), self.attachments)
        form.addRow(self.body)
        form.addRow(self.problem)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.leave_out_button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.revert_button)
        edit_row.addWidget(self.apply_button)
        form.addRow(edit_row)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(preview)
        splitter.setSizes([480, 640])

        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.drafts_button = QPushButton(self.tr("Save &drafts…"))
        self.drafts_button.setObjectName("drafts_button")
        self.drafts_button.setToolTip(self.tr("Write each message as an .eml file that Outlook, Thunderbird or "
                                              "Foxmail opens ready to send"))
        self.drafts_button.clicked.connect(lambda: self.save_drafts())
        self.send_button = QPushButton(self.tr("S&end"))
        self.send_button.setObjectName("send_button")
        self.send_button.setToolTip(self.tr("Send through the mail server, one message at a time (Ctrl+Enter)"))
        self.send_button.clicked.connect(lambda: self.send())
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setObjectName("stop_button")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.drafts_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.close_button)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=lambda: self.send())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save_drafts())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        fit_to_screen(self, 1200, 660)
        self.load()

    # ---- the batch ----------------------------------------------------------------------
    def load(self) -> None:
        """Write every message afresh from the templates and the records, and look up what was already sent."""
        with self.database.sessions() as session:
            self.batch = prepare_batch(session, self.kind, self.selection, self.settings,
                                       language=self.language.currentData(), today=self._today())
        self.messages = list(self.batch.messages)
        self.states = [READY if m.ready else UNUSABLE for m in self.messages]
        self.details = [m.problem for m in self.messages]
        for row, message in enumerate(self.messages):
            if message.ready and self.batch.sent_on(message) is not None:
                self.states[row] = DONE_BEFORE
        self.model.set_rows(list(range(len(self.messages))))
        self._update_heading()
        self.current = -1
        if self.messages:
            self.table.selectRow(0)
        else:
            self.show_message(-1)

    def _update_heading(self) -> None:
        count = {state: self.states.count(state) for state in (READY, EDITED, DONE_BEFORE, UNUSABLE, SENT,
                                                              DRAFTED, FAILED, LEFT_OUT)}
        text = self.tr("{n} recipients: {ready} to go out, {before} already sent, {unusable} cannot be written.")
        text = text.replace("{n}", str(len(self.messages))).replace(
            "{ready}", str(count[READY] + count[EDITED] + count[FAILED] + count[DRAFTED])).replace(
            "{before}", str(count[DONE_BEFORE] + count[SENT])).replace("{unusable}", str(count[UNUSABLE]))
        if count[LEFT_OUT]:
            text += " " + self.tr("{n} left out.").replace("{n}", str(count[LEFT_OUT]))
        self.heading.setText(text)

    def state_text(self, row: int) -> str:
        state = self.states[row]
        if state == DONE_BEFORE and self.batch is not None:
            sent_on = self.batch.sent_on(self.messages[row])
            return self.tr("already sent on {day}").replace("{day}", sent_on.date().isoformat() if sent_on else "")
        text = {READY: self.tr("ready"), EDITED: self.tr("ready, edited"), SENT: self.tr("sent"),
                DRAFTED: self.tr("draft written"), FAILED: self.tr("failed: {why}"), LEFT_OUT: self.tr("left out"),
                UNUSABLE: self.tr("cannot be written: {why}")}[state]
        return text.replace("{why}", self.details[row])

    def _language_changed(self) -> None:
        if any(state == EDITED for state in self.states) and QMessageBox.question(
                self, self.windowTitle(), self.tr("Writing the messages again in another language drops your edits. "
                                                  "Continue?")) != QMessageBox.StandardButton.Yes:
            return
        self.load()

    # ---- preview and edit ---------------------------------------------------------------
    def show_message(self, row: int) -> None:
        if self.current >= 0 and self.current != row and not self._keep_pending_edit():
            return
        self.current = row
        message = self.messages[row] if 0 <= row < len(self.messages) else None
        choosable = message is not None and message.ready and not self.busy and self.states[row] != DONE_BEFORE
        editable = choosable and self.states[row] != LEFT_OUT
        self.to_label.setText(f"{message.to_name} <{message.to_email}>" if message and message.to_email
                              else message.to_name if message else "")
        self.subject.setText(message.subject if message else "")
        self.body.setPlainText(message.body if message else "")
        self.attachments.setText(", ".join(a.file_name for a in message.attachments) if message and
                                 message.attachments else self.tr("nothing"))
        self.problem.setText(self.state_text(row) if message and self.states[row] in (UNUSABLE, FAILED) else "")
        self.problem.setVisible(bool(self.problem.text()))
        self.subject.setReadOnly(not editable)
        self.body.setReadOnly(not editable)
        self.apply_button.setEnabled(editable)
        self.revert_button.setEnabled(editable and self.states[row] == EDITED)
        self.leave_out_button.setEnabled(choosable)
        self.leave_out_button.setText(self.tr("&Include") if message is not None and self.states[row] == LEFT_OUT
                                      else self.tr("&Leave out"))

    def _dirty(self) -> bool:
        if not 0 <= self.current < len(self.messages):
            return False
        message = self.messages[self.current]
        return message.ready and (self.subject.text() != message.subject or self.body.toPlainText() != message.body)

    def _keep_pending_edit(self) -> bool:
        """Moving to another recipient keeps what was typed for this one (or says why it cannot)."""
        return self.apply_edit() if self._dirty() else True

    def apply_edit(self) -> bool:
        row = self.current
        if not 0 <= row < len(self.messages) or not self._dirty():
            return True
        try:
            edited = edit_message(self.messages[row], self.subject.text(), self.body.toPlainText())
        except ValidationError as error:
            self.problem.setText(error.message)
            self.problem.show()
            return False
        self.messages[row] = edited
        self.states[row] = EDITED
        self.problem.hide()
        self.revert_button.setEnabled(True)
        self.model.refresh_row(row)
        return True

    def toggle_left_out(self) -> None:
        row = self.current
        if not 0 <= row < len(self.messages) or self.busy or not self.messages[row].ready:
            return
        if self.states[row] == LEFT_OUT:
            self.states[row] = EDITED if self.messages[row].edited else READY
        elif self._keep_pending_edit():
            self.states[row] = LEFT_OUT
        self.model.refresh_row(row)
        self._update_heading()
        self.current = -1
        self.show_message(row)

    def revert_edit(self) -> None:
        row = self.current
        if self.batch is None or not 0 <= row < len(self.messages):
            return
        self.messages[row] = self.batch.messages[row]
        self.states[row] = READY
        self.model.refresh_row(row)
        self.current = -1
        self.show_message(row)

    # ---- drafts and sending ---------------------------------------------------------------
    def _pending_rows(self, states: tuple[str, ...]) -> list[int]:
        return [row for row, state in enumerate(self.states) if state in states]

    def _allowed(self) -> bool:
        """Checked before anything is written or sent, so nothing goes out unlogged."""
        try:
            self.actor.require(UserRole.OFFICER, self.tr("send messages"))
        except AppError as error:
            self.status.setText(str(error))
            return False
        return True

    def save_drafts(self, folder: Path | None = None) -> bool:
        if self.busy or not self._allowed() or not self._keep_pending_edit():
            return False
        rows = self._pending_rows((READY, EDITED, FAILED, DRAFTED))
        if not rows:
            self.status.setText(self.tr("There is no message to write."))
            return False
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the drafts"))
            if not chosen:
                return False
            folder = Path(chosen)
        from exports.mail import write_draft

        self._log_unusable("draft")

        def work(row: int) -> Outcome:
            message = self.messages[row]
            with self.database.transaction() as session:
                try:
                    path, message_id = write_draft(session, message, folder, row + 1, self.settings)
                except AppError as error:  # this recipient's attachment or header: the others can still go
                    outcome = Outcome(FAILED, "draft", str(error))
                else:
                    outcome = Outcome(DRAFTED, "draft", str(path), message_id)
                record_outcome(session, self.actor, message, outcome, today=self._today())
            return outcome

        self._start(rows, work, pause=0.0, what=self.tr("Writing drafts into {folder}").replace(
            "{folder}", str(folder)))
        return True

    def send(self, *, confirm: bool = True) -> bool:
        if self.busy or not self._allowed() or not self._keep_pending_edit():
            return False
        from exports.mail import MailConnection, MailServer, build_email, send_one

        server = MailServer.from_settings(self.settings)
        try:
            server.check()
        except AppError as error:
            self.status.setText(str(error))
            return False
        rows = self._pending_rows((READY, EDITED, FAILED, DRAFTED))
        with self.database.sessions() as session:  # another officer may have sent some meanwhile
            left = {id(m) for m in still_to_send(session, [self.messages[row] for row in rows])}
        for row in rows:
            if id(self.messages[row]) not in left:
                self.states[row] = DONE_BEFORE
                self.model.refresh_row(row)
        rows = [row for row in rows if id(self.messages[row]) in left]
        if not rows:
            self.status.setText(self.tr("Every message has gone out already."))
            return False
        password = self.passwords.lookup_account(server.account) if server.username else None
        if server.username and password is None:
            password, ok = QInputDialog.getText(
                self, self.tr("Mail server"), self.tr("Password of {user} at {host}:").replace(
                    "{user}", server.username).replace("{host}", server.host), QLineEdit.EchoMode.Password)
            if not ok:
                return False
            self.passwords.remember_account(server.account, password, persist=False)
        if confirm and QMessageBox.question(
                self, self.tr("Send messages"), self.tr("Send {n} messages through {host} now?").replace(
                    "{n}", str(len(rows))).replace("{host}", server.host)) != QMessageBox.StandardButton.Yes:
            return False
        self._log_unusable("smtp")
        self._connection = MailConnection(server, password)
        connection = self._connection

        def work(row: int) -> Outcome:
            message = self.messages[row]
            try:
                with self.database.sessions() as session:
                    email = build_email(session, message, self.settings, draft=False)
            except AppError as error:  # this recipient's attachment or header: the others can still go
                outcome, stop = Outcome(FAILED, "smtp", str(error)), False
            else:
                outcome, stop = send_one(connection, email)
            with self.database.transaction() as session:
                record_outcome(session, self.actor, message, outcome, today=self._today())
            if stop:
                self._stop_reason = outcome.detail
            return outcome

        self._stop_reason = ""
        self._start(rows, work, pause=server.pause_seconds, what=self.tr("Sending through {host}").replace(
            "{host}", server.host))
        return True

    def _log_unusable(self, channel: str) -> None:
        """A recipient who cannot be written to is logged, so the log shows who was left out and why."""
        rows = self._pending_rows((UNUSABLE,))
        if not rows:
            return
        with self.database.transaction() as session:
            for row in rows:
                record_outcome(session, self.actor, self.messages[row],
                               Outcome(NO_ADDRESS, channel, self.messages[row].problem), today=self._today())

    def _start(self, rows: list[int], work: Callable[[int], Outcome], *, pause: float, what: str) -> None:
        self.busy, self._stop, self._queue, self._done = True, False, list(rows), 0
        self._work, self._pause, self._total = work, pause, len(rows)
        self.progress.setRange(0, len(rows))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(what)
        self._set_buttons()
        self._next()

    def _next(self) -> None:
        if self._stop or not self._queue:
            self._finish()
            return
        row = self._queue.pop(0)
        run_in_background(lambda: self._work(row), lambda outcome: self._one_done(row, outcome),
                          lambda error: self._one_failed(row, error))

    def _one_done(self, row: int, outcome: Outcome) -> None:
        self.states[row] = {SENT: SENT, DRAFTED: DRAFTED}.get(outcome.result, FAILED)
        self.details[row] = outcome.detail
        self._advance(row)
        if self._stop_reason:
            self._stop = True
        if self._queue and not self._stop and self._pause:
            QTimer.singleShot(int(self._pause * 1000), self._next)
        else:
            self._next()

    def _one_failed(self, row: int, error: BaseException) -> None:
        if not isinstance(error, (AppError, OSError)):
            self._stop = True
            self._finish()
            raise error
        self.states[row] = FAILED
        self.details[row] = str(error)
        self._stop = True  # the same trouble would meet the next message
        self._stop_reason = str(error)
        self._advance(row)
        self._next()

    def _advance(self, row: int) -> None:
        self._done += 1
        self.progress.setValue(self._done)
        self.model.refresh_row(row)
        if row == self.current:
            self.current = -1
            self.show_message(row)
        self._update_heading()
        self.log_changed.emit()

    def _finish(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self.busy = False
        counts = {state: self.states.count(state) for state in (SENT, DRAFTED, FAILED)}
        text = self.tr("{sent} sent, {drafted} drafts written, {failed} failed, {left} not attempted.").replace(
            "{sent}", str(counts[SENT])).replace("{drafted}", str(counts[DRAFTED])).replace(
            "{failed}", str(counts[FAILED])).replace("{left}", str(len(self._queue)))
        if self._stop_reason:
            text += " " + self.tr("Stopped: {why} Send again to go on; nothing is sent twice.").replace(
                "{why}", self._stop_reason)
        elif self._stop and self._queue:
            text += " " + self.tr("Stopped; send again to go on: nothing is sent twice.")
        self._queue = []
        self.status.setText(text)
        self._set_buttons()
        self.finished_batch.emit(text)
        self.current, row = -1, self.current
        self.show_message(row)

    def stop(self) -> None:
        self._stop = True
        self.status.setText(self.tr("Stopping after the current message…"))

    def _set_buttons(self) -> None:
        for button in (self.drafts_button, self.send_button, self.close_button, self.language):
            button.setEnabled(not self.busy)
        self.stop_button.setEnabled(self.busy)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.busy:  # every message so far is logged; the rest waits for the next batch
            self.stop()
            event.ignore()
            QTimer.singleShot(200, self._close_when_idle)
            return
        super().closeEvent(event)

    def _close_when_idle(self) -> None:
        if self.busy:
            QTimer.singleShot(200, self._close_when_idle)
        else:
            self.close()

    # ---- templates and server ---------------------------------------------------------------
    def edit_templates(self) -> None:
        from ui.messages.template_editor import TemplateEditor

        editor = TemplateEditor(self.database, self.actor, self, kind=self.kind,
                                language=self.language.currentData() or "zh")
        if editor.exec() and not any(state == EDITED for state in self.states):
            self.load()
        elif editor.saved:
            self.status.setText(self.tr("Templates saved; change the language or reopen to write the messages "
                                        "again (your edits are kept until then)."))

    def edit_server(self) -> None:
        from ui.messages.mail_server_dialog import MailServerDialog

        dialog = MailServerDialog(self.settings, self.passwords, self)
        dialog.exec()
