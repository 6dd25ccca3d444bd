"""Tools → Messages: each kind of message for what is in focus, the templates, the mail server, the log.

The recipients come from where the officer is: the semester on the toolbar (call for
topics, overdue reminders), the topic selected in the Topics tab (its outreach, else the
semester's planned outreach), the workshop or exchange selected in the Workshops tab
(invitation, preparation reminder, certificates, thank-you). The overdue and
due-for-interview lists open the same dialog through `window.compose_messages`.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.errors import AppError
from app.messages import templates as t
from app.messages.recipients import Selection
from ui.widgets.translation import tr


class MessagesActions:
    def __init__(self, window: Any) -> None:
        self.window = window
        self.today: Callable[[], date] = date.today
        self.open_dialogs: list[QWidget] = []

    def _parent(self) -> QWidget | None:
        return self.window if isinstance(self.window, QWidget) else None

    def compose(self, kind: str, *, then: Callable[[], None] | None = None, **selection: Any) -> Any:
        """Open the compose dialog for a batch of `kind` (not modal: the officer may look things up meanwhile)."""
        from ui.messages.compose_dialog import ComposeDialog

        try:
            dialog = ComposeDialog(self.window.database, self.window.settings, self.window.actor, kind,
                                   Selection(**selection), self._parent(), today=self.today)
        except AppError as error:
            self.window.show_error(t.kind_label(kind), str(error))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def logged() -> None:
            self.window.refresh_all()
            if then is not None:
                then()

        dialog.finished_batch.connect(lambda text: (self.window.status_message(text), logged()))
        dialog.show()
        return dialog

    def _semester(self, kind: str) -> int | None:
        semester_id = self.window.semester_id()
        if semester_id is None:
            self.window.show_error(t.kind_label(kind), tr("Choose a semester on the toolbar first."))
        return semester_id

    def _workshop(self, kind: str) -> int | None:
        workshop_id = self.window.selected_id("workshop")
        if workshop_id is None:
            self.window.show_error(t.kind_label(kind), tr("Select a workshop in the Workshops tab first."))
        return workshop_id

    def call_for_topics(self) -> Any:
        semester_id = self._semester(t.CALL_FOR_TOPICS)
        return None if semester_id is None else self.compose(t.CALL_FOR_TOPICS, semester_id=semester_id)

    def outreach(self) -> Any:
        proposal_id = self.window.selected_id("proposal")
        if proposal_id is not None:
            return self.compose(t.OUTREACH, proposal_id=proposal_id)
        semester_id = self._semester(t.OUTREACH)
        return None if semester_id is None else self.compose(t.OUTREACH, semester_id=semester_id)

    def invitation(self) -> Any:
        workshop_id = self._workshop(t.INVITATION)
        return None if workshop_id is None else self.compose(t.INVITATION, workshop_id=workshop_id)

    def preparation_reminder(self) -> Any:
        workshop_id = self._workshop(t.PREPARATION_REMINDER)
        return None if workshop_id is None else self.compose(t.PREPARATION_REMINDER, workshop_id=workshop_id)

    def overdue_reminder(self) -> Any:
        return self.compose(t.OVERDUE_REMINDER, semester_id=self.window.semester_id())

    def interview_request(self) -> Any:
        return self.compose(t.INTERVIEW_REQUEST)

    def certificate(self) -> Any:
        workshop_id = self.window.selected_id("workshop")
        exchange_id = self.window.selected_id("exchange")
        if workshop_id is None and exchange_id is None:
            self.window.show_error(t.kind_label(t.CERTIFICATE), tr("Select a workshop in the Workshops tab first."))
            return None
        return self.compose(t.CERTIFICATE, workshop_id=workshop_id, exchange_id=exchange_id)

    def thank_you(self) -> Any:
        exchange_id = self.window.selected_id("exchange")
        if exchange_id is None:
            self.window.show_error(t.kind_label(t.THANK_YOU), tr("Select a workshop in the Workshops tab first."))
            return None
        return self.compose(t.THANK_YOU, exchange_id=exchange_id)

    def templates(self) -> None:
        from ui.messages.template_editor import TemplateEditor

        TemplateEditor(self.window.database, self.window.actor, self._parent()).exec()

    def mail_server(self) -> None:
        from app.storage.credentials import password_store
        from ui.messages.mail_server_dialog import MailServerDialog

        MailServerDialog(self.window.settings, password_store(), self._parent()).exec()

    def message_log(self) -> Any:
        from ui.messages.message_log_view import MessageLogView

        view = MessageLogView(self.window.database, self._parent())
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view


def install(window: Any) -> MessagesActions:
    """Tools → Messages, and `window.compose_messages(kind, **selection)` for the lists that start a batch."""
    actions = MessagesActions(window)
    menu = window.tools_menu.addMenu(tr("&Messages"))
    menu.setObjectName("messages_menu")
    entries: tuple[tuple[str, Callable[[], Any], str] | None, ...] = (
        (tr("&Call for topics…"), actions.call_for_topics, "mail_call_for_topics"),
        (tr("&Outreach to partners…"), actions.outreach, "mail_outreach"),
        (tr("Workshop &invitation…"), actions.invitation, "mail_invitation"),
        (tr("&Preparation reminder…"), actions.preparation_reminder, "mail_preparation_reminder"),
        (tr("Overdue report &reminders…"), actions.overdue_reminder, "mail_overdue_reminder"),
        (tr("Interview &requests…"), actions.interview_request, "mail_interview_request"),
        (tr("C&ertificates…"), actions.certificate, "mail_certificate"),
        (tr("&Thank-you and follow-up…"), actions.thank_you, "mail_thank_you"),
        None,
        (tr("Message &templates…"), actions.templates, "mail_templates"),
        (tr("Mail &server…"), actions.mail_server, "mail_server"),
        (tr("Message &log…"), actions.message_log, "mail_log"),
    )
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        text, slot, name = entry
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, run=slot: run())
        menu.addAction(action)
    window.compose_messages = actions.compose
    window.messages_actions = actions
    return actions
