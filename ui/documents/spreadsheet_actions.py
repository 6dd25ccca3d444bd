"""Export → spreadsheets (Excel), topic-collection forms, and the import of returned forms.

The workbooks are made by exports/ from app/ queries; this module asks where to
save, runs the work on a worker thread with its own database session while a
progress dialog (with Cancel) keeps the window responsive, and shows results and
errors. Importing returned forms first runs a dry run and shows what would
change and which files are rejected and why; only then does "Import" save.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEventLoop, QObject, QStandardPaths, Qt, QThread, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.views.spreadsheet_data import semester_ref
from app.topics.intake import Change, FileOutcome, IntakeResult
from app.output_files import safe_file_name
from ui.widgets.screen_fit import fit_to_screen
from exports.list_catalog import ListSpec, list_specs
from ui.widgets.translation import tr

T = TypeVar("T")
Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised inside the work when the officer presses Cancel; the file is not written."""


def install(window: Any) -> SpreadsheetActions:
    """Add the spreadsheet actions to the window's Export menu."""
    actions = SpreadsheetActions(window)
    window._spreadsheet_actions = actions  # keep the QObject alive as long as the window
    return actions


# ---- running work off the GUI thread -------------------------------------------------
class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.result: Any = None
        self.error: Exception | None = None
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled:
            raise Cancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            self.result = self.work(self._progress)
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread, which shows it
            self.error = error


def run_with_progress(parent: QWidget, label: str, work: Callable[[Progress], T]) -> T:
    """Run `work(progress)` on a worker thread while a progress dialog shows how far it is.

    The window keeps repainting; the dialog is window-modal so nothing else changes
    the data meanwhile. Raises the work's error, or Cancelled.
    """
    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(tr("Please wait"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    worker = _Worker(work)

    def show_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    worker.progressed.connect(show_progress)
    dialog.canceled.connect(worker.cancel)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result  # type: ignore[no-any-return]


# ---- the import preview ------------------------------------------------------------------
class TopicImportPreviewDialog(QDialog):
    """What importing the chosen forms would do: per file, the new and updated rows, or the problems."""

    def __init__(self, result: IntakeResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(self.tr("Import returned forms"))
        fit_to_screen(self, 900, 560)
        accepted, rejected = len(result.accepted), len(result.rejected)
        summary = self.tr("{accepted} of {total} file(s) can be imported: {new} new and {updated} updated "
                          "proposal(s), {same} unchanged.").format(
            accepted=accepted, total=len(result.files), new=result.count(Change.NEW),
            updated=result.count(Change.UPDATED), same=result.count(Change.UNCHANGED))
        if rejected:
            summary += " " + self.tr("{n} file(s) are rejected and will not be imported; correct them and "
                                     "import them again.").format(n=rejected)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("import_preview_tree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("File / row"), self.tr("Change"), self.tr("Details")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setWordWrap(True)
        for outcome in result.files:
            self.tree.addTopLevelItem(self._file_item(outcome))
        self.tree.expandAll()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import {n} file(s)").format(n=accepted),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_button")
        self.import_button.setEnabled(accepted > 0)
        # The problems go back to the department that filled the form: one click to put them in a mail.
        self.copy_button = self.buttons.addButton(self.tr("&Copy problems"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("copy_problems_button")
        self.copy_button.setEnabled(rejected > 0)
        self.copy_button.clicked.connect(self.copy_problems)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)

    def _file_item(self, outcome: FileOutcome) -> QTreeWidgetItem:
        if outcome.accepted:
            verdict = self.tr("accepted")
            details = self.tr("{department}, {semester}: {new} new, {updated} updated, {same} unchanged").format(
                department=outcome.department_name, semester=outcome.semester_name,
                new=outcome.count(Change.NEW), updated=outcome.count(Change.UPDATED),
                same=outcome.count(Change.UNCHANGED))
        else:
            verdict = self.tr("rejected")
            details = self.tr("{n} problem(s); nothing from this file will be saved").format(n=len(outcome.problems))
        item = QTreeWidgetItem([outcome.file_name, verdict, details])
        item.setToolTip(0, outcome.path)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        if not outcome.accepted:
            item.setForeground(1, Qt.GlobalColor.darkRed)
        for problem in outcome.problems:
            child = QTreeWidgetItem(["", self.tr("problem"), problem])
            child.setToolTip(2, problem)
            item.addChild(child)
        for line in outcome.lines:
            if line.change is Change.UNCHANGED:
                continue
            detail = line.title
            if line.changed_fields:
                detail += "  (" + ", ".join(line.changed_fields) + ")"
            item.addChild(QTreeWidgetItem([self.tr("row {row}").format(row=line.row), line.change.label, detail]))
        for row, title in outcome.not_in_form:
            kept = self.tr("{title} (not in this form: emptied or deleted; the proposal is kept)")
            item.addChild(QTreeWidgetItem([self.tr("row {row}").format(row=row), self.tr("kept"),
                                           kept.format(title=title)]))
        return item

    def problems_text(self) -> str:
        blocks = []
        for outcome in self.result.rejected:
            blocks.append("\n".join([outcome.file_name, *(f"- {problem}" for problem in outcome.problems)]))
        return "\n\n".join(blocks)

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText(self.problems_text())

    def accepted_paths(self) -> list[Path]:
        return [Path(outcome.path) for outcome in self.result.accepted]


# ---- the actions ---------------------------------------------------------------------------
class SpreadsheetActions(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        menu = window.export_menu
        menu.addSeparator()
        self.evaluations_action = self._add(menu, self.tr("&Evaluation spreadsheet (Excel)…"),
                                            "export_evaluations_xlsx", self.export_evaluations)
        self.list_actions: dict[str, QAction] = {}
        for spec in list_specs():
            self.list_actions[spec.name] = self._add(
                menu, self.tr("{title} (Excel)…").format(title=spec.title), f"export_{spec.name}_xlsx",
                lambda _checked=False, spec=spec: self.export_list(spec))
        menu.addSeparator()
        self.forms_action = self._add(menu, self.tr("Topic-collection &forms for all departments…"),
                                      "export_topic_forms", self.generate_forms)
        self.import_action = self._add(menu, self.tr("&Import returned forms…"), "import_topic_forms",
                                       self.import_forms)

    def _add(self, menu: Any, text: str, name: str, slot: Callable[..., None]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # ---- helpers -------------------------------------------------------------------------
    def _semester_name(self, semester_id: int | None) -> str | None:
        if semester_id is None:
            return None
        with self.window.database.sessions() as session:
            return semester_ref(session, semester_id).name

    def _ask_file(self, title: str, suggested: str) -> Path | None:
        start = str(Path(self._folder) / safe_file_name(suggested)) + ".xlsx"
        path, _filter = QFileDialog.getSaveFileName(self.window, title, start, self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        self._folder = str(target.parent)
        return target

    def _run(self, title: str, label: str, work: Callable[[Progress], T]) -> T | None:
        try:
            return run_with_progress(self.window, label, work)
        except Cancelled:
            self.window.status_message(self.tr("{what}: cancelled; nothing was written.").format(what=title))
        except AppError as error:
            self.window.show_error(title, str(error))
        return None

    def _export(self, title: str, file_title: str, export: Callable[..., int]) -> None:
        semester_id = self.window.semester_id()
        try:
            semester = self._semester_name(semester_id)
        except AppError as error:
            self.window.show_error(title, str(error))
            return
        target = self._ask_file(title, f"{file_title} {semester}" if semester else file_title)
        if target is None:
            return
        database = self.window.database
        zone = ZoneInfo(self.window.settings.iad_timezone)

        def work(progress: Progress) -> int:
            with database.sessions() as session:
                return export(session, target, semester_id, zone=zone, progress=progress)

        count = self._run(title, self.tr("Writing {file}…").format(file=target.name), work)
        if count is not None:
            self.window.status_message(self.tr("Saved {file} ({n} rows).").format(file=target, n=count))

    # ---- the actions -----------------------------------------------------------------------
    def export_evaluations(self) -> None:
        def export(session: Any, path: Path, semester_id: int | None, *, zone: Any, progress: Progress) -> int:
            from exports.evaluation_xlsx import export_evaluations

            return export_evaluations(session, path, semester_id, progress=progress)

        self._export(self.tr("Evaluation spreadsheet"), self.tr("Evaluations"), export)

    def export_list(self, spec: ListSpec) -> None:
        if spec.by_semester:
            self._export(spec.title, spec.title, spec.export)
            return

        def export(session: Any, path: Path, _semester_id: int | None, *, zone: Any, progress: Progress) -> int:
            return spec.export(session, path, zone=zone, progress=progress)

        self._export(spec.title, spec.title, export)

    def generate_forms(self) -> None:
        title = self.tr("Topic-collection forms")
        semester_id = self.window.semester_id()
        if semester_id is None:
            self.window.show_error(title, self.tr("Choose the semester the topics are for on the toolbar first."))
            return
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Folder for the forms"), self._folder)
        if not folder:
            return
        self._folder = folder
        database = self.window.database

        def work(progress: Progress) -> list[Path]:
            with database.sessions() as session:
                from exports.topic_form import generate_forms

                return generate_forms(session, semester_id, Path(folder), progress=progress)

        written = self._run(title, self.tr("Writing the forms…"), work)
        if written is None:
            return
        if not written:
            self.window.show_error(title, self.tr("There are no departments yet, so no form was written."))
            return
        self.window.status_message(self.tr("Wrote {n} topic-collection forms into {folder}.").format(
            n=len(written), folder=folder))

    def import_forms(self) -> None:
        title = self.tr("Import returned forms")
        paths, _filter = QFileDialog.getOpenFileNames(
            self.window, self.tr("Returned topic-collection forms"), self._folder,
            self.tr("Excel workbooks (*.xlsx *.xlsm);;All files (*)"))
        if not paths:
            return
        self._folder = str(Path(paths[0]).parent)
        files = [Path(path) for path in paths]
        # Forms are for the semester in focus; a department's old form is refused, not filed elsewhere.
        semester_id = self.window.semester_id()
        preview = self._run(title, self.tr("Checking {n} file(s)…").format(n=len(files)),
                            lambda progress: self._receive(files, semester_id, dry_run=True, progress=progress))
        if preview is None:
            return
        dialog = TopicImportPreviewDialog(preview, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        accepted = dialog.accepted_paths()
        result = self._run(title, self.tr("Importing {n} file(s)…").format(n=len(accepted)),
                           lambda progress: self._receive(accepted, semester_id, dry_run=False,
                                                          progress=progress))
        if result is None:
            return
        self.window.refresh_all()
        if result.rejected:  # a file changed between the preview and the import
            problems = "\n".join(problem for outcome in result.rejected for problem in outcome.problems)
            self.window.show_error(title, self.tr("Some files were not imported:\n{problems}").format(
                problems=problems))
        self.window.status_message(self.tr("Imported {files} file(s): {new} new, {updated} updated proposal(s).").format(
            files=len(result.accepted), new=result.count(Change.NEW), updated=result.count(Change.UPDATED)))

    def _receive(self, files: list[Path], semester_id: int | None, *, dry_run: bool,
                 progress: Progress) -> IntakeResult:
        """Runs on the worker thread, with a session of its own; commits only a real import."""
        with self.window.database.sessions() as session:
            from exports.topic_import import import_topic_forms

            result = import_topic_forms(session, self.window.actor, files, dry_run=dry_run,
                                        semester_id=semester_id, progress=progress)
            if dry_run:
                session.rollback()
            else:
                session.commit()
        return result
