"""The shape every tab shares: a searchable, sortable list beside an editor form.

Lists load on a worker thread and filter in the model as the officer types.
The editor saves through an app service; a ValidationError appears under its
field, a conflict or refusal in a message, and nothing typed is lost.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import shiboken6
from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.storage.database import Database
from app.errors import AppError, ConflictError, NotFoundError, ValidationError
from app.records import RecordService
from app.settings import Settings
from models.enums import UserRole
from ui.widgets.background import run_in_background
from ui.widgets.record_form import FieldSpec, RecordForm
from ui.widgets.translation import counted, tr
from ui.widgets.table_model import Column, Row, RowTableModel, column_sort_keys

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class TabHost(Protocol):
    """What a tab needs from the window."""

    database: Database
    settings: Settings
    actor: Actor

    def semester_id(self) -> int | None: ...

    def status_message(self, text: str) -> None: ...


class FilterSpec:
    """A drop-down filter over one column: its distinct values, "All" first."""

    def __init__(self, label: str, position: int, render: Any = None) -> None:
        self.label = label
        self.position = position
        self.render = render or (lambda value: "" if value is None else getattr(value, "label", str(value)))


def _filter_values(filters: Sequence[FilterSpec], rows: Sequence[Row]) -> dict[int, set[Any]]:
    """Each filter's distinct values in `rows`, empty ones left out."""
    return {spec.position: {row[spec.position] for row in rows} - {None, ""} for spec in filters}


class ListData(NamedTuple):
    """What a list's worker thread reads and prepares for the window's thread."""

    rows: list[Row]
    search_texts: list[str]
    choices: dict[str, list[tuple[Any, str]]]
    filter_values: dict[int, set[Any]]
    sort_keys: dict[int, list[Any]]


class RecordTab(QWidget):
    kind = "record"
    columns: Sequence[Column] = ()
    filters: Sequence[FilterSpec] = ()
    semester_scoped = False

    loaded = Signal()
    saved = Signal(int)

    def __init__(self, host: TabHost, service: RecordService[Any], fields: Sequence[FieldSpec],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.service = service
        self.current_id: int | None = None
        # The semester the list was last read for (None: all), which the form's choices follow.
        self.list_semester: int | None = None
        self.current_version: int | None = None
        self.is_loading = False
        self.has_loaded = False
        self.stale = False  # changed in the database while hidden: reloads when shown (ui/shell/main_window.py)
        self._pending_select: int | None = None
        self._reload_again = False
        self._columns_sized = False

        self.model = RowTableModel(self.columns, self)
        self.table = QTableView()
        self.table.setObjectName(f"{self.kind}_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        # Tab moves on to the editor; the arrow keys move within the list.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.search = QLineEdit()
        self.search.setObjectName(f"{self.kind}_search")
        self.search.setPlaceholderText(self.tr("Type to filter (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.model.set_search)
        self.search.textChanged.connect(self._update_count)
        self.filter_boxes: list[tuple[FilterSpec, QComboBox]] = []
        self.count_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        for spec in self.filters:
            box = QComboBox()
            box.setObjectName(f"{self.kind}_filter_{spec.position}")
            box.setToolTip(tr(spec.label))
            box.addItem(self.tr("All: {label}").replace("{label}", tr(spec.label)), None)
            box.currentIndexChanged.connect(self._apply_filters)
            self.filter_boxes.append((spec, box))
            top.addWidget(box, 1)
        list_panel = QWidget()
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addWidget(self.table)
        list_layout.addWidget(self.count_label)

        self.form = RecordForm(fields, host.settings.iad_timezone)
        self.form.changed.connect(self._on_form_changed)
        self.heading = QLabel()
        self.heading.setObjectName(f"{self.kind}_heading")
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        # The record's id: the commands (iad-workshops export … --workshop ID) take it.
        self.id_label = QLabel()
        self.id_label.setObjectName(f"{self.kind}_id")
        self.id_label.setStyleSheet("color: gray;")
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.id_label.setToolTip(self.tr("The commands take this number, e.g. iad-workshops export agenda "
                                         "--workshop ID; iad-workshops list shows them all."))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.new_button = QPushButton(self.tr("New"))
        self.save_button = QPushButton(self.tr("Save"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.save_button.setObjectName(f"{self.kind}_save")
        self.new_button.setObjectName(f"{self.kind}_new")
        self.delete_button.setObjectName(f"{self.kind}_delete")
        self.new_button.clicked.connect(self.new_record)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.revert_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.heading)
        editor_layout.addWidget(self.id_label)
        editor_layout.addWidget(self.form)
        editor_layout.addWidget(self.message)
        editor_layout.addLayout(buttons)
        extra = self.build_extra()
        if extra is not None:
            editor_layout.addWidget(extra, 1)
        else:
            editor_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{self.kind}_splitter")
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.splitter)

        self._update_buttons()
        self.show_empty()

    # ---- to override ---------------------------------------------------------
    def load_rows(self, session: Session, semester_id: int | None) -> list[Row]:
        raise NotImplementedError

    def build_extra(self) -> QWidget | None:
        """Widgets below the form (contacts, outreach, …)."""
        return None

    def form_values(self, record: Any) -> dict[str, Any]:
        return {spec.name: getattr(record, spec.name) for spec in self.form.fields}

    def new_values(self) -> dict[str, Any]:
        return {"semester_id": self.host.semester_id()} if self.semester_scoped else {}

    def describe(self, record: Any) -> str:
        for name in ("title", "name", "name_en"):
            if hasattr(record, name):
                return str(getattr(record, name))
        return f"#{record.id}"

    def id_text(self, record: Any) -> str:
        """The ids the commands need, shown under the heading."""
        return self.tr("ID {id}").replace("{id}", str(record.id))

    def record_loaded(self, session: Session, record: Any | None) -> None:
        """Fill the extra widgets for `record` (None: a new record)."""

    def refresh_pickers(self, session: Session) -> None:
        """Refill the extra widgets' drop-downs (not the form) while the form holds unsaved edits."""

    def values_to_save(self) -> dict[str, Any]:
        return self.form.values()

    # ---- list ----------------------------------------------------------------
    def reload(self) -> None:
        """Reload the list on a worker thread; keeps the selection and any unsaved edits."""
        self.stale = False
        if self.is_loading:
            self._reload_again = True
            return
        self.is_loading = True
        self.count_label.setText(self.tr("Loading…"))
        semester = self.host.semester_id() if self.semester_scoped else None
        database = self.host.database
        keep = self.current_id if self._pending_select is None else self._pending_select

        search_texts, read_choices = self.model.search_texts, self.form.read_choices
        self.list_semester = semester  # what the form's choices read too, off this thread
        filters, sorted_position = list(self.filters), self.model.sorted_position()

        def work() -> ListData:
            # Everything that walks every row happens here, not on the window's thread.
            with database.sessions() as session:
                rows = self.load_rows(session, semester)
            sort_keys = ({} if sorted_position is None
                         else {sorted_position: column_sort_keys([row[sorted_position] for row in rows])})
            return ListData(rows, search_texts(rows), read_choices(), _filter_values(filters, rows), sort_keys)

        def done(result: ListData) -> None:
            if not shiboken6.isValid(self):
                return  # the tab was closed while its list was loading
            self.is_loading = False
            self.form.use_choices(result.choices)
            self._set_rows(result.rows, result.search_texts, keep=keep, filter_values=result.filter_values,
                           sort_keys=result.sort_keys)
            if self._reload_again:
                self._reload_again = False
                self.reload()

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.is_loading = False
            self.count_label.setText(self.tr("Could not load the list: {error}").replace("{error}", str(error)))

        run_in_background(work, done, failed)

    def reload_now(self) -> None:
        """Reload on this thread: for short lists whose caller needs the rows at once (the lists editors)."""
        semester = self.host.semester_id() if self.semester_scoped else None
        self.list_semester = semester
        self.form.forget_choices()
        with self.host.database.sessions() as session:
            rows = self.load_rows(session, semester)
        self._set_rows(rows, keep=self._pending_select if self._pending_select is not None else self.current_id)

    def _set_rows(self, rows: list[Row], search_texts: list[str] | None = None, *, keep: int | None,
                  filter_values: dict[int, set[Any]] | None = None,
                  sort_keys: dict[int, list[Any]] | None = None) -> None:
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows, search_texts, sort_keys)
        self._refill_filters(filter_values if filter_values is not None else _filter_values(self.filters, rows))
        self._apply_filters()
        self.table.selectionModel().blockSignals(False)
        self._pending_select = None
        if not self._columns_sized and rows:
            # Fitted to the first rows there are: widths fitted to an empty list would be kept for good.
            self._fit_columns()
        self.has_loaded = True
        if keep is not None:
            self._select_row_of(keep)
        if self.current_id is not None and not self.has_unsaved_changes():
            # Show what is stored now: another officer may have changed or deleted it.
            # Unsaved edits are never replaced; their save meets the conflict dialog instead.
            self.open_record(self.current_id)
        elif self.current_id is not None:
            with self.host.database.sessions() as session:
                self.refresh_pickers(session)
        self._update_count()
        self.loaded.emit()

    def _fit_columns(self) -> None:
        """First time only: widths from the content (Qt samples the first rows), within reason."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(max(header.sectionSize(column), 60), 320))
        self._columns_sized = True

    def _refill_filters(self, found: dict[int, set[Any]]) -> None:
        for spec, box in self.filter_boxes:
            chosen = box.currentData()
            values = sorted(found.get(spec.position, set()), key=lambda v: spec.render(v).casefold())
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("All: {label}").replace("{label}", tr(spec.label)), None)
            for value in values:
                box.addItem(spec.render(value), value)
            index = box.findData(chosen) if chosen is not None else 0
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def _apply_filters(self) -> None:
        chosen = [(spec.position, box.currentData()) for spec, box in self.filter_boxes if box.currentData() is not None]
        if not chosen:
            self.model.set_predicate(None)
        else:
            self.model.set_predicate(lambda row: all(row[p] == v for p, v in chosen))
        if self.current_id is not None:
            self._select_row_of(self.current_id)
        self._update_count()

    def _update_count(self) -> None:
        if self.has_loaded:
            self.count_label.setText(self.tr("{shown} of {total} shown").replace("{shown}", f"{self.model.rowCount():,}")
                                     .replace("{total}", f"{self.model.total:,}"))

    def _select_row_of(self, record_id: int) -> None:
        row = self.model.visible_row_of(record_id)
        self.table.selectionModel().blockSignals(True)
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.table.selectionModel().blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def select_record(self, record_id: int) -> None:
        """Show a record, e.g. when the officer follows a link from elsewhere."""
        if not self.confirm_leave():
            return
        self.search.clear()
        for _spec, box in self.filter_boxes:
            box.setCurrentIndex(0)
        self._select_row_of(record_id)
        self.open_record(record_id)

    # ---- editor --------------------------------------------------------------
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        record_id = self.model.id_at(indexes[0].row())
        if record_id == self.current_id:
            return
        if not self.confirm_leave():
            # Put the selection back on the record being edited; the edits stay.
            QTimer.singleShot(0, lambda: self._select_row_of(self.current_id) if self.current_id else
                              self.table.clearSelection())
            return
        self.open_record(record_id)

    def open_record(self, record_id: int) -> None:
        try:
            with self.host.database.sessions() as session:
                record = self.service.get(session, record_id)
                self.current_id = record_id
                self.current_version = getattr(record, "version", None)
                self.form.load(self.form_values(record))
                self.heading.setText(self.describe(record))
                self.id_label.setText(self.id_text(record))
                self.record_loaded(session, record)
        except NotFoundError as error:
            # Deleted elsewhere: say so, clear the editor (its edits cannot be saved any more).
            self.form.load({})
            self.show_empty()
            self._show_message(str(error))
            return
        self.message.hide()
        self._update_buttons()

    def show_empty(self) -> None:
        self.current_id = None
        self.current_version = None
        self.heading.setText(self.tr("Nothing selected"))
        self.id_label.clear()
        self.form.setEnabled(False)
        self._update_buttons()

    def new_record(self) -> None:
        if not self.confirm_leave():
            return
        self.table.clearSelection()
        self.current_id = None
        self.current_version = None
        self.form.setEnabled(True)
        self.form.load(self.new_values())
        self.heading.setText(self.tr("New {kind}").replace("{kind}", self.service.label))
        self.id_label.clear()
        with self.host.database.sessions() as session:
            self.record_loaded(session, None)
        self.message.hide()
        self._update_buttons(new=True)
        first = self.form.widgets[self.form.fields[0].name]
        first.setFocus()

    def _on_form_changed(self) -> None:
        self._update_buttons(new=self.current_id is None and self.form.isEnabled())

    def _update_buttons(self, new: bool = False) -> None:
        editing = self.current_id is not None or new
        self.form.setEnabled(editing)
        writable = self.host.actor.can(UserRole.OFFICER)
        self.save_button.setEnabled(editing and writable and (self.form.dirty or new))
        self.revert_button.setEnabled(editing and self.form.dirty)
        self.delete_button.setEnabled(self.current_id is not None and writable)
        self.new_button.setEnabled(writable)

    def has_unsaved_changes(self) -> bool:
        return self.form.isEnabled() and self.form.dirty

    def confirm_leave(self) -> bool:
        """Ask before unsaved edits would be thrown away; True when it is fine to go on."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes to {what} first?").replace("{what}", self.heading.text()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.revert()
            return True
        return False

    def revert(self) -> None:
        if self.current_id is not None:
            self.open_record(self.current_id)
        else:
            self.form.load(self.new_values())
            self.show_empty()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def save(self) -> bool:
        """Save the form; True when it was saved."""
        self.form.clear_errors()
        self.message.hide()
        values = self.values_to_save() if self.current_id is None else self._changed_values_to_save()
        try:
            with self.host.database.transaction() as session:
                if self.current_id is None:
                    record = self.service.create(session, self.host.actor, **values)
                else:
                    record = self.update_record(session, self.current_id, self.current_version, values)
                self.after_save(session, record)
                record_id = int(record.id)
        except ValidationError as error:
            if not self.form.show_error(error.field, error.message):
                self._show_message(error.message)
            return False
        except ConflictError as error:
            return self.resolve_conflict(error)
        except AppError as error:
            self._show_message(str(error))
            return False
        self._pending_select = record_id
        self.open_record(record_id)
        self.reload()  # on a worker: a list of ten years' reports takes half a second to read
        self.host.status_message(self.tr("Saved {what}.").replace("{what}", self.heading.text()))
        self.saved.emit(record_id)
        return True

    def _changed_values_to_save(self) -> dict[str, Any]:
        changed = self.form.changed_values()
        return {name: value for name, value in self.values_to_save().items() if name in changed}

    def update_record(self, session: Session, record_id: int, version: int | None, values: dict[str, Any]) -> Any:
        """Write the form's changes to the stored record (a tab may pass its service more)."""
        return self.service.update(session, self.host.actor, record_id, expected_version=version, **values)

    def after_save(self, session: Session, record: Any) -> None:
        """Save what the extra widgets hold, in the same transaction."""

    def resolve_conflict(self, error: ConflictError) -> bool:
        """Someone else saved this record: show both versions and let the officer choose."""
        from ui.widgets.conflict_dialog import ConflictDialog

        labels = {spec.name: spec.label for spec in self.form.fields}
        extra_labels, original = self.extra_conflict_fields(error)
        dialog = ConflictDialog(error, {**labels, **extra_labels}, self, original=original or None)
        if dialog.exec():
            merged = dialog.merged_values()
            self.current_version = error.their_version
            self.form.load({**self.form.values(), **{k: v for k, v in merged.items() if k in labels}})
            self._loaded_from_theirs(error)
            self.load_merged_extras({k: v for k, v in merged.items() if k in extra_labels})
            return self.save()
        return False

    def extra_conflict_fields(self, error: ConflictError) -> tuple[dict[str, str], dict[str, Any]]:
        """What the extra widgets add to a conflict: their labels, and their values as loaded.

        A tab whose extra widgets are saved with the record puts their values into
        `error.mine` (changed here) and `error.theirs` (as stored now).
        """
        return {}, {}

    def load_merged_extras(self, merged: dict[str, Any]) -> None:
        """Put the officer's choices for the extra widgets back, with the stored values as the new baseline."""

    def _loaded_from_theirs(self, error: ConflictError) -> None:
        from ui.widgets.conflict_dialog import revive

        self.form.rebase({name: revive(value) for name, value in error.theirs.items()})

    def delete_current(self) -> None:
        if self.current_id is None:
            return
        with self.host.database.sessions() as session:
            impact = self.service.delete_impact(session, self.current_id)
        what = self.heading.text()
        if not impact.allowed:
            refs = ", ".join(counted(n, name) for name, n in impact.blockers.items())
            QMessageBox.information(
                self, self.tr("Cannot delete"),
                self.tr("{what} cannot be deleted: {refs} still refer to it. Remove or reassign those first.")
                .replace("{what}", what).replace("{refs}", refs))
            return
        text = self.tr("Delete {what}?").replace("{what}", what)
        if impact.cascades:
            goes = ", ".join(counted(n, name) for name, n in impact.cascades.items())
            text += "\n\n" + self.tr("This also deletes: {goes}.").replace("{goes}", goes)
        answer = QMessageBox.question(self, self.tr("Delete"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.host.database.transaction() as session:
                self.service.delete(session, self.host.actor, self.current_id)
        except AppError as error:
            QMessageBox.warning(self, self.tr("Cannot delete"), str(error))
            return
        self.host.status_message(self.tr("Deleted {what}.").replace("{what}", what))
        self.form.load({})
        self.show_empty()
        self.reload()

    # ---- window state --------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"tabs/{self.kind}/splitter", self.splitter.saveState())
        if self._columns_sized:
            settings.setValue(f"tabs/{self.kind}/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value(f"tabs/{self.kind}/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header = settings.value(f"tabs/{self.kind}/header")
        if isinstance(header, QByteArray) and self.table.horizontalHeader().restoreState(header):
            self._columns_sized = True
