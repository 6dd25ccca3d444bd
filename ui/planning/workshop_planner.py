"""The workshop planner: one round of an exchange, its time on every side, its panels, rules and attendance.

The planner edits a `WorkshopPlan` (a plain copy of the workshop and its panels) and
checks it with the scheduling rules after every change, so every problem shows
before anything is saved. Saving, confirming and adding the next round go through
app/planning/workshop_plan.py and app/planning/scheduling.py; the widget never builds a query.

Construct it with the database, the settings and the acting officer, then
`load(workshop_id)`. `saved` is emitted after every successful write.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QListWidgetItem,
    QMessageBox,
    QStyle,
    QWidget,
)

from app.actor import Actor
from app.storage.database import Database
from app.errors import AppError, ConflictError, ValidationError
from app.planning.workshop_plan import (
    SpeakerChoice,
    add_next_round,
    attendance_grid,
    save_plan,
    speaker_choices,
)
from app.planning.scheduling import (
    DEFAULT_TRACK,
    PanelPlan,
    PlanContext,
    Problem,
    SpeakerPlan,
    WorkshopPlan,
    check_plan,
    iad_side,
    load_context,
    load_plan,
)
from app.planning.local_times import local_times
from app.settings import Settings
from app.planning.zones import OfficeHours, format_duration, format_offset, offset_at, to_utc, zone_or_none
from models.enums import ExchangeKind, WorkshopStatus
from app.i18n import short_day
from ui.planning.panel_timeline import TimelineBlock
from ui.planning.planner_tables import PanelTableModel, SpeakersDialog
from ui.planning.planner_widgets import PlannerLayout
from ui.planning.time_slot_dialog import TimeSlotDialog, default_first_day

SpeakerRef = tuple[int | None, int | None]


class WorkshopPlanner(PlannerLayout):
    """Edit one workshop: time on every side, panels, interpretation, status, outcome, attendance."""

    saved = Signal(int)  # the workshop's id, after anything was written
    dirty_changed = Signal(bool)

    def __init__(self, database: Database, settings: Settings, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.actor = actor
        self.zone = zone_or_none(settings.iad_timezone) or ZoneInfo("UTC")
        self._stored: WorkshopPlan | None = None
        self._draft: WorkshopPlan | None = None
        self._context: PlanContext | None = None
        self._choices: list[SpeakerChoice] = []
        self._problems: list[Problem] = []
        self._flags: dict[int, tuple[str, str]] = {}  # panel key -> (worst severity, its message)
        self._next_key = -1
        self._filling = False
        self._was_dirty = False
        self._refused = False  # the message shown says why confirming was refused
        self._build()
        self._set_enabled(False)

    # ---- building --------------------------------------------------------------------
    def _build(self) -> None:
        super()._build()
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)

        # Wiring: every edit updates the draft, then the checks.
        self.date_edit.dateChanged.connect(self._start_edited)
        self.time_edit.timeChanged.connect(self._start_edited)
        self.duration_edit.valueChanged.connect(self._duration_edited)
        for edit, name in ((self.platform_edit, "platform"), (self.link_edit, "link"),
                           (self.languages_edit, "interpretation_languages"), (self.interpreter_edit, "interpreter")):
            edit.textChanged.connect(self._text_setter(name))
        self.status_combo.currentIndexChanged.connect(self._status_edited)
        self.minutes_edit.textChanged.connect(lambda: self._set_field("minutes", self.minutes_edit.toPlainText()))
        self.outcome_edit.textChanged.connect(lambda: self._set_field("outcome", self.outcome_edit.toPlainText()))
        self.continues_check.toggled.connect(lambda on: self._set_field("continues_independently", bool(on)))
        self.timeline.panel_changed.connect(self._timeline_changed)
        self.timeline.panel_selected.connect(self._timeline_selected)
        self.panel_model.edited.connect(self._table_edited)
        self.panel_table.selectionModel().currentRowChanged.connect(self._table_selected)
        self.panel_table.doubleClicked.connect(self._table_double_clicked)
        self.attendance_model.edited.connect(self._changed)
        self.problems_list.itemActivated.connect(self._problem_activated)
        self.problems_list.itemClicked.connect(self._problem_activated)
        self.add_panel_button.clicked.connect(self.add_panel)
        self.remove_panel_button.clicked.connect(self.remove_panel)
        self.speakers_button.clicked.connect(self.edit_speakers)
        self.slot_button.clicked.connect(self.find_time_slot)
        self.next_round_button.clicked.connect(self.add_next_round)
        self.export_button.clicked.connect(self.export_invitation)
        self.revert_button.clicked.connect(self.revert)
        self.confirm_button.clicked.connect(self.confirm)
        self.save_button.clicked.connect(self.save)


    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self.fit_form)

    def fit_form(self) -> None:
        """Give the form the height its wrapped text needs at its width, and the pages the rest."""
        box = self._when_box
        needed = box.heightForWidth(box.width()) if box.hasHeightForWidth() else box.sizeHint().height()
        total = sum(self.body.sizes())
        if needed > 0 and total > needed:
            self.body.setSizes([needed, total - needed])

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.date_edit, self.time_edit, self.duration_edit, self.platform_edit, self.link_edit,
                       self.languages_edit, self.interpreter_edit, self.status_combo, self.pages, self.slot_button,
                       self.export_button, self.confirm_button):
            widget.setEnabled(enabled)
        self._update_buttons()

    # ---- loading -----------------------------------------------------------------------
    @property
    def workshop_id(self) -> int | None:
        return self._stored.id if self._stored is not None else None

    def title(self) -> str:
        """A short name for a tab: the exchange and the round."""
        if self._context is None or self._draft is None:
            return self.tr("Workshop planner")
        title = self._context.exchange_title
        short = title if len(title) <= 28 else title[:27] + "…"
        return self.tr("%1 · round %2").replace("%1", short).replace("%2", str(self._draft.round_number))

    def draft(self) -> WorkshopPlan | None:
        """The plan as edited (not a copy: for reading)."""
        return self._draft

    def load(self, workshop_id: int) -> None:
        """Read the workshop, its exchange's partners, rounds and people, and show them."""
        try:
            with self.database.transaction() as session:
                plan = load_plan(session, workshop_id)
                context = load_context(session, plan)
                choices = speaker_choices(session, plan.exchange_id)
                grid = attendance_grid(session, plan.exchange_id)
        except AppError as error:
            self._stored = self._draft = None
            self._set_enabled(False)
            self.show_message(str(error))
            return
        self._stored = plan
        self._draft = plan.copy()
        self._context = context
        self._choices = choices
        self._next_key = -1
        self.attendance_model.set_grid(grid, workshop_id)
        self.show_message("")
        self._fill()
        self._set_enabled(True)
        self._changed()

    def selected_ids(self) -> dict[str, int | None]:
        """The open round and its exchange: what the Export menu and the window's commands act on."""
        return {"workshop": self.workshop_id, "exchange": self._draft.exchange_id if self._draft else None}

    def refresh_from_database(self) -> None:
        """Show what is stored now (a participant added in the People tab); unsaved edits stay."""
        workshop_id = self.workshop_id
        if workshop_id is None or self._draft is None:
            return
        if not self.has_unsaved_changes():
            selected = self.timeline.selected_key()
            self.load(workshop_id)
            if selected > 0:
                self.select_panel(selected)
            return
        try:
            with self.database.transaction() as session:
                choices = speaker_choices(session, self._draft.exchange_id)
                grid = attendance_grid(session, self._draft.exchange_id)
        except AppError:
            return  # the workshop went away: its save will say so
        self._choices = choices
        self.attendance_model.set_grid(grid, workshop_id, keep_edits=True)

    def _fill(self) -> None:
        """Put the draft into the editors without treating it as an edit."""
        draft, context = self._draft, self._context
        assert draft is not None and context is not None
        self._filling = True
        try:
            local = draft.starts_at.astimezone(self.zone)
            self.date_edit.setDate(QDate(local.year, local.month, local.day))
            self.time_edit.setTime(QTime(local.hour, local.minute))
            self.duration_edit.setValue(draft.duration_minutes)
            self.platform_edit.setText(draft.platform)
            self.link_edit.setText(draft.link)
            self.languages_edit.setText(draft.interpretation_languages)
            self.interpreter_edit.setText(draft.interpreter)
            self.status_combo.setCurrentIndex(self.status_combo.findData(draft.status))
            self.minutes_edit.setPlainText(draft.minutes)
            self.outcome_edit.setPlainText(draft.outcome)
            self.continues_check.setChecked(draft.continues_independently)
            self.panel_model.set_plan(draft, self.zone)
        finally:
            self._filling = False
        rounds = max([r.round_number for r in context.rounds] + [draft.round_number])
        of = context.planned_rounds if context.kind == ExchangeKind.MULTI_ROUND else 1
        partners = ", ".join(p.label for p in context.partners) or self.tr("no partner yet")
        line = self.tr("Round %1 of %2 · with %3 · workshop ID %4 · exchange ID %5").replace(
            "%1", str(draft.round_number)).replace("%2", str(max(of, rounds))).replace("%3", partners).replace(
            "%4", str(draft.id)).replace("%5", str(draft.exchange_id))
        self.heading.setText(f"<h3 style='margin:0'>{html.escape(context.exchange_title)}</h3>{html.escape(line)}")

    # ---- editing -------------------------------------------------------------------------
    def _text_setter(self, name: str) -> Callable[[str], None]:
        return lambda text: self._set_field(name, text)

    def _set_field(self, name: str, value: Any) -> None:
        if self._filling or self._draft is None:
            return
        setattr(self._draft, name, value)
        self._clear_invalid(self.field_widgets.get(name))
        self._changed()

    def _status_edited(self) -> None:
        status = self.status_combo.currentData()
        if isinstance(status, WorkshopStatus):
            self._set_field("status", status)

    def _start_edited(self) -> None:
        if self._filling or self._draft is None:
            return
        day: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        clock: time = self.time_edit.time().toPython()  # type: ignore[assignment]
        start = to_utc(day, clock.replace(second=0, microsecond=0), self.zone)
        if start is None:
            self.show_message(self.tr("%1 does not exist in %2 that day (the clocks go forward); choose another time.")
                              .replace("%1", clock.strftime("%H:%M")).replace("%2", self.zone.key))
            return
        self.move_workshop(start)

    def move_workshop(self, start: datetime) -> None:
        """Move the workshop to a new start; its panels move with it, keeping their places in it."""
        assert self._draft is not None
        delta = start - self._draft.starts_at
        if not delta:
            return
        self._draft.starts_at = start
        for panel in self._draft.panels:
            panel.starts_at += delta
        if not self._filling:
            local = start.astimezone(self.zone)
            self._filling = True
            try:
                self.date_edit.setDate(QDate(local.year, local.month, local.day))
                self.time_edit.setTime(QTime(local.hour, local.minute))
            finally:
                self._filling = False
        self._clear_invalid(self.time_edit)
        self._changed()

    def _duration_edited(self, minutes: int) -> None:
        self._set_field("duration_minutes", int(minutes))

    def _timeline_changed(self, key: int, start: int, duration: int, track: str) -> None:
        if self._draft is None:
            return
        panel = self._draft.panel(key)
        if panel is None:
            return
        panel.starts_at = self._draft.starts_at + timedelta(minutes=start)
        panel.duration_minutes = duration
        panel.track = track
        self.panel_model.refresh(key)
        self._select_row(key)
        self._changed()

    def _table_edited(self, key: int) -> None:
        self._changed()
        self.timeline.select(key)

    def _table_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        panel = self.panel_model.panel_at(current.row())
        self.timeline.select(panel.key if panel is not None else 0)
        self._update_buttons()

    def _timeline_selected(self, key: int) -> None:
        self._select_row(key)

    def _select_row(self, key: int) -> None:
        row = self.panel_model.row_of(key)
        if row >= 0 and self.panel_table.currentIndex().row() != row:
            self.panel_table.selectRow(row)
        self._update_buttons()

    def _table_double_clicked(self, index: QModelIndex) -> None:
        if PanelTableModel.COLUMNS[index.column()] == "speakers":
            self.edit_speakers()

    def selected_panel(self) -> PanelPlan | None:
        return self.panel_model.panel_at(self.panel_table.currentIndex().row())

    def select_panel(self, key: int, column: str = "title") -> None:
        row = self.panel_model.row_of(key)
        if row < 0:
            return
        self.pages.setCurrentIndex(0)
        self.panel_table.setCurrentIndex(self.panel_model.index(row, self.panel_model.column_of(column)))
        self.timeline.select(key)

    def add_panel(self) -> PanelPlan | None:
        """A new panel after the last one on the selected panel's track (or the main room)."""
        if self._draft is None:
            return None
        current = self.selected_panel()
        track = current.track if current is not None else DEFAULT_TRACK
        ends = [p.ends_at for p in self._draft.panels if p.track == track]
        start = max(ends, default=self._draft.starts_at)
        if start >= self._draft.ends_at:
            start = self._draft.starts_at
        panel = PanelPlan(key=self._next_key, title=self.tr("New panel"), starts_at=start, duration_minutes=35,
                          track=track)
        self._next_key -= 1
        row = len(self._draft.panels)
        self.panel_model.beginInsertRows(QModelIndex(), row, row)
        self._draft.panels.append(panel)
        self.panel_model.endInsertRows()
        self._changed()
        self.select_panel(panel.key)
        self.panel_table.setFocus()
        return panel

    def remove_panel(self) -> None:
        panel = self.selected_panel()
        if panel is None or self._draft is None:
            return
        self._draft.panels = [p for p in self._draft.panels if p.key != panel.key]
        self.panel_model.set_plan(self._draft, self.zone)
        self._changed()

    def edit_speakers(self) -> None:
        panel = self.selected_panel()
        if panel is None:
            return
        dialog = SpeakersDialog(panel.title, self._choices, [s.ref for s in panel.speakers], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.set_speakers(panel.key, dialog.selected())

    def set_speakers(self, key: int, refs: Sequence[SpeakerRef]) -> None:
        """Give a panel these speakers (from the exchange's choices, or kept from the panel)."""
        assert self._draft is not None
        panel = self._draft.panel(key)
        if panel is None:
            return
        by_ref: dict[SpeakerRef, SpeakerPlan] = {s.ref: s for s in panel.speakers}
        by_ref.update({(c.speaker.person_id, c.speaker.contact_id): c.speaker for c in self._choices})
        panel.speakers = [by_ref[ref] for ref in refs if ref in by_ref]
        self.panel_model.refresh(key)
        self._changed()

    # ---- checks and state ------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        if self._draft is None or self._stored is None:
            return False
        return self._draft != self._stored or bool(self.attendance_model.edits())

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def _changed(self) -> None:
        if self._draft is None:
            return
        self._recheck()
        self._show_times()
        self._show_timeline()
        self.panel_model.set_workshop_time(self._draft.starts_at, self._draft.duration_minutes)
        if self._refused and not any(p.is_error for p in self._problems):
            self._refused = False  # what blocked confirming is solved: the refusal no longer holds
            self.show_message("")
        dirty = self.has_unsaved_changes()
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)
        self._update_buttons()

    def _recheck(self) -> None:
        draft = self._draft
        assert draft is not None
        if self._context is None or not self._context.covers(draft):
            try:
                with self.database.transaction() as session:
                    self._context = load_context(session, draft)
            except AppError as error:
                self.show_message(str(error))
                return
        try:
            self._problems = check_plan(draft, self._context, self.settings)
        except ValidationError as error:  # unusable office hours in the settings
            self._problems = [Problem("error", "settings", error.message, draft.id, None, error.field)]
        self.problems_list.clear()
        style = self.style()
        flags: dict[int, tuple[str, str]] = {}
        for problem in self._problems:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical if problem.is_error
                                      else QStyle.StandardPixmap.SP_MessageBoxWarning)
            item = QListWidgetItem(icon, problem.message)
            item.setData(Qt.ItemDataRole.UserRole, problem)
            item.setToolTip(problem.message)
            self.problems_list.addItem(item)
            if problem.panel_id is not None and (problem.panel_id not in flags or problem.is_error):
                if flags.get(problem.panel_id, ("", ""))[0] != "error":
                    flags[problem.panel_id] = (problem.severity, problem.message)
        errors = sum(1 for p in self._problems if p.is_error)
        warnings = len(self._problems) - errors
        if not self._problems:
            self.problems_summary.setText(self.tr("No problem: every rule is met."))
        else:
            self.problems_summary.setText(
                self.tr("%1 error(s) (they block confirming), %2 warning(s).").replace("%1", str(errors))
                .replace("%2", str(warnings)))
        self.panel_model.set_flags(flags)
        self._flags = flags

    def _show_times(self) -> None:
        draft, context = self._draft, self._context
        assert draft is not None and context is not None
        self.zone_label.setText(f"{self.zone.key} ({format_offset(offset_at(self.zone, draft.starts_at))})")
        end = draft.ends_at.astimezone(self.zone)
        day_note = "" if end.date() == draft.starts_at.astimezone(self.zone).date() else f" ({short_day(end)})"
        self.ends_label.setText(self.tr("%1, ends %2").replace("%1", format_duration(draft.duration_minutes))
                                .replace("%2", f"{end:%H:%M}{day_note}"))
        iad = iad_side(self.settings)
        rows = []
        for entry in local_times(draft.starts_at, draft.duration_minutes, [iad, *context.partners], self.settings):
            name = html.escape(entry.side.label)
            if not entry.known_zone:
                rows.append(f"<b>{name}</b>: <span style='color:#b00020'>{html.escape(entry.notes[0])}</span>")
                continue
            text = f"<b>{name}</b> <span style='color:gray'>({html.escape(entry.side.zone_name)}, " \
                   f"{entry.offset})</span>: {html.escape(entry.span)}"
            for note in entry.notes:
                text += f"<br/>&nbsp;&nbsp;<span style='color:#a35200'>⚠ {html.escape(note)}</span>"
            rows.append(text)
        self.sides_label.setText("<br/>".join(rows))

    def _show_timeline(self) -> None:
        draft = self._draft
        assert draft is not None
        self.timeline.set_workshop(draft.starts_at, draft.duration_minutes, self.zone)
        tracks: list[str] = []
        for track in [DEFAULT_TRACK, *(p.track for p in sorted(draft.panels, key=lambda p: p.starts_at))]:
            if track not in tracks:
                tracks.append(track)
        used = {t.casefold() for t in tracks}
        spare = next(f"Breakout {letter}" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                     if f"breakout {letter}".casefold() not in used)
        flags = self._flags
        blocks = [
            TimelineBlock(p.key, p.title, p.track, int((p.starts_at - draft.starts_at).total_seconds() // 60),
                          p.duration_minutes, flags.get(p.key, ("", ""))[0] == "error")
            for p in draft.panels
        ]
        selected = self.timeline.selected_key()
        self.timeline.set_blocks(blocks, tracks, spare)
        self.timeline.select(selected)

    def _update_buttons(self) -> None:
        loaded = self._draft is not None
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(loaded and dirty)
        self.revert_button.setEnabled(loaded and dirty)
        context = self._context
        can_add_round = bool(loaded and context is not None and context.kind == ExchangeKind.MULTI_ROUND
                             and max([r.round_number for r in context.rounds], default=0) < context.planned_rounds)
        self.next_round_button.setEnabled(can_add_round)
        self.next_round_button.setToolTip(
            "" if can_add_round else self.tr("Only a multi-round dialogue with rounds still to plan gets a next round."))
        has_panel = self.selected_panel() is not None
        self.remove_panel_button.setEnabled(loaded and has_panel)
        self.speakers_button.setEnabled(loaded and has_panel)
        self.add_panel_button.setEnabled(loaded)
        stored_confirmed = self._stored is not None and self._stored.status == WorkshopStatus.CONFIRMED
        self.confirm_button.setEnabled(loaded and (dirty or not stored_confirmed))

    # ---- messages ----------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self._refused = self._refused and bool(text)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _mark_invalid(self, widget: QWidget | None) -> None:
        if widget is None:
            return
        widget.setProperty("invalid", True)
        widget.setStyleSheet("border: 2px solid #d0021b;")
        widget.setFocus()

    def _clear_invalid(self, widget: QWidget | None) -> None:
        if widget is not None and widget.property("invalid"):
            widget.setProperty("invalid", False)
            widget.setStyleSheet("")

    def _problem_activated(self, item: QListWidgetItem) -> None:
        problem = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(problem, Problem):
            return
        if problem.panel_id is not None:
            column = {"starts_at": "start", "duration_minutes": "duration", "track": "track",
                      "speakers": "speakers", "moderator": "moderator", "interpreter": "interpreter",
                      "language_pair": "language_pair"}.get(problem.field, "title")
            self.select_panel(problem.panel_id, column)
            return
        widget = self.field_widgets.get(problem.field)
        if widget is not None:
            if widget in (self.minutes_edit, self.outcome_edit, self.continues_check):
                self.pages.setCurrentIndex(2)
            widget.setFocus()

    def _show_error(self, error: AppError) -> None:
        if isinstance(error, ConflictError):
            differences = [f"{name}: {error.theirs.get(name)!s}" for name in sorted(error.mine)
                           if name in error.theirs and error.theirs.get(name) != error.mine.get(name)]
            text = self.tr(
                "Nothing was saved: someone else saved this %1 while you were editing it. Your changes are still "
                "here; press Revert to load their version (your changes are then lost), or note yours first."
            ).replace("%1", error.label)
            if differences:
                text += " " + self.tr("Their version: %1").replace("%1", "; ".join(differences[:6]))
            self.show_message(text)
            return
        if isinstance(error, ValidationError):
            self._mark_invalid(self.field_widgets.get(error.field))
        self.show_message(str(error))

    # ---- saving and the other actions -----------------------------------------------------------
    def save(self) -> bool:
        """Write the draft (and attendance); on success reload it and emit `saved`."""
        draft = self._draft
        if draft is None:
            return False
        try:
            with self.database.transaction() as session:
                save_plan(session, self.actor, draft, settings=self.settings,
                          attendance=self.attendance_model.edits())
        except AppError as error:
            self._show_error(error)
            return False
        workshop_id = draft.id
        assert workshop_id is not None
        selected = self.timeline.selected_key()
        self.load(workshop_id)
        if selected > 0:
            self.select_panel(selected)
        self.show_message("")
        self.saved.emit(workshop_id)
        return True

    def revert(self) -> None:
        """Forget the edits and show what is stored now (someone else's changes included)."""
        if self.workshop_id is not None:
            self.load(self.workshop_id)

    def confirm(self) -> bool:
        """Save with the status confirmed; refused, with every blocking problem named, while errors remain."""
        if self._draft is None:
            return False
        previous = self._draft.status
        self._draft.status = WorkshopStatus.CONFIRMED
        if self.save():
            return True
        # Back to what the officer had chosen, so a later Save does not try to confirm again.
        self._refused = any(p.is_error for p in self._problems)
        self._draft.status = previous
        self._filling = True
        self.status_combo.setCurrentIndex(self.status_combo.findData(previous))
        self._filling = False
        self._changed()
        return False

    def _settle_unsaved(self, what: str) -> bool:
        """Before an action that reads the database: save first, or not go on."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save your changes to this workshop before you %1?").replace("%1", what),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save,
        )
        return answer == QMessageBox.StandardButton.Save and self.save()

    def add_next_round(self) -> int | None:
        """Copy this exchange's last round a week later and open the copy here."""
        if self._draft is None or not self._settle_unsaved(self.tr("add the next round")):
            return None
        try:
            with self.database.transaction() as session:
                workshop = add_next_round(session, self.actor, self._draft.exchange_id,
                                          iad_timezone=self.settings.iad_timezone)
                new_id = workshop.id
        except AppError as error:
            self._show_error(error)
            return None
        self.load(new_id)
        self.saved.emit(new_id)
        return new_id

    def find_time_slot(self) -> None:
        if self._draft is None or self._context is None:
            return
        try:
            hours = OfficeHours.from_settings(self.settings)
        except ValidationError as error:
            self._show_error(error)
            return
        today = datetime.now(UTC).astimezone(self.zone).date()
        dialog = TimeSlotDialog(
            iad=iad_side(self.settings),
            partners=self._context.partners, office_hours=hours, duration_minutes=self._draft.duration_minutes,
            first_day=default_first_day(self._draft.starts_at.astimezone(self.zone).date(), today), parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_slot_from(dialog)

    def apply_slot_from(self, dialog: TimeSlotDialog) -> None:
        slot = dialog.chosen_slot()
        if slot is None or self._draft is None:
            return
        if dialog.duration.value() != self._draft.duration_minutes:
            self.duration_edit.setValue(dialog.duration.value())
        self.move_workshop(slot.starts_at)

    def export_invitation(self) -> Path | None:
        """Save the stored workshop as an .ics file chosen in a save dialog."""
        if self.workshop_id is None or not self._settle_unsaved(self.tr("export the invitation")):
            return None
        from exports.ics import suggested_file_name, write_workshop_ics

        workshop_id = self.workshop_id
        try:
            with self.database.transaction() as session:
                suggestion = suggested_file_name(session, workshop_id)
        except AppError as error:
            self._show_error(error)
            return None
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export calendar invitation"),
                                                    str(Path.home() / suggestion),
                                                    self.tr("iCalendar files (*.ics)"))
        if not name:
            return None
        path = Path(name) if name.lower().endswith(".ics") else Path(name + ".ics")
        try:
            with self.database.transaction() as session:
                written = write_workshop_ics(session, workshop_id, path, self.settings.iad_timezone)
        except (AppError, OSError) as error:
            self.show_message(self.tr("The invitation could not be written: %1").replace("%1", str(error)))
            return None
        self.show_message("")
        return written
