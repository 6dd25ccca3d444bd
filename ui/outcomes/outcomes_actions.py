"""The second half of the cycle in the main window: the Overview tab and the Tools menu actions.

`install(window)` adds the Overview as the first tab and, under Tools: Create owed
reports, Overdue reports…, Due for interview…, Department interview…, Review
report…, Visit priority…. It uses only the window API every feature relies on (database,
settings, actor, tools_menu, selected_id, semester_id, refresh_all, show_error,
status_message, add_tab and, when present, open_record).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.errors import AppError
from app.outcomes.reports import ensure_reports, ensure_semester_reports
from ui.overview.overview_tab import OverviewTab
from ui.shell.first_screen import keep_when_computed
from ui.widgets.translation import tr
from ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from ui.outcomes.overdue_view import DueForInterviewView, OverdueView

# The dialogs load when first opened, not with the window.


class OutcomesActions:
    """Holds the window and the Overview tab; one method per menu action."""

    def __init__(self, window: Any) -> None:
        self.window = window
        # Which day "overdue" and "due" are counted from; tests pin it.
        self.today: Callable[[], date] = date.today
        early = getattr(window, "early_overview", None)
        if isinstance(early, OverviewTab):  # drawn from the kept figures before the database was open
            self.overview = early
            early.attach(window.database, today=lambda: self.today())
        else:
            self.overview = OverviewTab(window.database, window.settings, window, today=lambda: self.today())
        self.overview.open_record.connect(self.open_record)

    # ---- jumping to records ----------------------------------------------------
    def open_record(self, kind: str, record_id: int) -> None:
        """Reports and workshops open in their tab; a department due for interview opens the interview form."""
        if kind == "department":
            self.record_interview(department_id=record_id)
            return
        opener = getattr(self.window, "open_record", None)
        if callable(opener):
            opener(kind, record_id)

    def _changed(self) -> None:
        self.window.refresh_all()
        self.overview.refresh()

    def _parent(self) -> QWidget:
        return self.window if isinstance(self.window, QWidget) else self.overview

    # ---- dialogs -----------------------------------------------------------------
    def show_overdue(self) -> OverdueView:
        from ui.outcomes.overdue_view import OverdueView

        view = OverdueView(self.window.database, self.window.settings, self.window.semester_id(), self._parent(),
                           today=self.today)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open_record.connect(self.open_record)
        view.remind.connect(lambda report_ids: self._compose("overdue_reminder", record_ids=tuple(report_ids),
                                                             then=view.reload))
        view.show()  # not modal: the officer jumps to reports while keeping the list open
        return view

    def _compose(self, kind: str, *, then: Callable[[], None] | None = None, **selection: Any) -> None:
        """Hand a batch of messages to the window's compose dialog (ui/messages), when it is installed."""
        compose = getattr(self.window, "compose_messages", None)
        if callable(compose):
            compose(kind, then=then, **selection)

    def show_due_for_interview(self) -> DueForInterviewView:
        from ui.outcomes.overdue_view import DueForInterviewView

        view = DueForInterviewView(self.window.database, self.window.settings, self.window.actor, self._parent(),
                                   today=self.today)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open_record.connect(self.open_record)
        view.interview_requested.connect(lambda department_id: self._interview_then_reload(view, department_id))
        view.request_by_mail.connect(lambda: self._compose("interview_request", months=view.months.value()))
        view.show()
        return view

    def _interview_then_reload(self, view: DueForInterviewView, department_id: int) -> None:
        if self.record_interview(department_id=department_id):
            view.reload()

    def record_interview(self, *, department_id: int | None = None, evaluation_id: int | None = None) -> bool:
        try:
            from ui.evaluation.interview_dialog import InterviewDialog

            dialog = InterviewDialog(self.window.database, self.window.settings, self.window.actor, evaluation_id,
                                     self._parent(), department_id=department_id,
                                     semester_id=self.window.semester_id(), today=self.today)
        except AppError as error:
            self.window.show_error(tr("Department interview"), str(error))
            return False
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.window.status_message(tr("Interview saved."))
            self._changed()
            return True
        return False

    def department_interview(self) -> None:
        """Edit the interview selected in the Evaluations tab, or record a new one."""
        self.record_interview(evaluation_id=self.window.selected_id("evaluation"))

    def create_owed_reports(self) -> None:
        """Reports for the exchange selected in the Workshops tab, else for every finished exchange of the semester."""
        exchange_id = self.window.selected_id("exchange")
        try:
            with self.window.database.transaction() as session:
                if exchange_id is not None:
                    created = ensure_reports(session, self.window.actor, exchange_id, settings=self.window.settings)
                else:
                    created = ensure_semester_reports(session, self.window.actor, self.window.semester_id(),
                                                      settings=self.window.settings)
                due = sorted({report.due_on for report in created if report.due_on is not None})
        except AppError as error:
            self.window.show_error(tr("Create owed reports"), str(error))
            return
        if not created:
            self.window.status_message(tr("Every participant already has a report."))
            return
        self.window.status_message(tr("{n} reports created, due {due}.").replace("{n}", str(len(created))).replace(
            "{due}", ", ".join(day.isoformat() for day in due)))
        self._changed()

    def review_report(self) -> None:
        report_id = self.window.selected_id("report")
        if report_id is None:
            self.window.show_error(tr("Review report"), tr("Select a report in the Reports tab first."))
            return
        try:
            from ui.outcomes.report_review_dialog import ReportReviewDialog

            dialog = ReportReviewDialog(self.window.database, self.window.settings, self.window.actor, report_id,
                                        self._parent(), today=self.today)
        except AppError as error:
            self.window.show_error(tr("Review report"), str(error))
            return
        dialog.saved.connect(lambda _id: self._changed())
        dialog.exec()

    def show_visit_priority(self) -> QDialog:
        dialog = QDialog(self._parent())
        dialog.setObjectName("visit_priority_dialog")
        dialog.setWindowTitle(tr("Visit priority"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        from ui.evaluation.visit_ranking_view import VisitRankingView

        view = VisitRankingView(self.window.database, self.window.settings, self.window.actor, dialog,
                                today=self.today)
        partner_id = self.window.selected_id("partner")
        if partner_id is not None:
            view.select_partner(partner_id)
        view.changed.connect(self._changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        fit_to_screen(dialog, 1200, 680)
        dialog.show()
        return dialog


def install(window: Any) -> OutcomesActions:
    """Add the Overview tab first and the outcome actions to the Tools menu."""
    actions = OutcomesActions(window)
    window.add_tab(actions.overview, tr("&Overview"), position=0)
    actions.overview.first_step.connect(window.take_first_step)
    keep_when_computed(window, actions.overview)
    menu = window.tools_menu
    menu.addSeparator()
    for text, slot, name in (
        (tr("&Create owed reports"), actions.create_owed_reports, "create_owed_reports_action"),
        (tr("&Overdue reports…"), actions.show_overdue, "overdue_reports_action"),
        (tr("&Due for interview…"), actions.show_due_for_interview, "due_for_interview_action"),
        (tr("Department &interview…"), actions.department_interview, "department_interview_action"),
        (tr("&Review report…"), actions.review_report, "review_report_action"),
        (tr("&Visit priority…"), actions.show_visit_priority, "visit_priority_action"),
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, run=slot: run())
        menu.addAction(action)
    window.outcomes_actions = actions  # keeps the handlers alive as long as the window
    return actions
