"""The main window: one tab per step of the cycle, menus, semester in focus, remembered layout.

The window is shown before its database is open: importing SQLAlchemy and the models
takes several times as long as showing a window, so `open_in_background` does that, opens
the database and signs in on a worker thread while the window shows the opening page, and
`attach_database` then builds the tabs. Nothing at the top of this module loads the
database layer.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QTabBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

from app.errors import AppError, DatabaseOpenError
from app.settings import Settings, default_database_url
from app.storage.bulk_reading import freeze_start_up
from ui.shell.database_opening import FEATURE_MODULES, open_for_window
from ui.shell.first_screen import keep_overview
from ui.shell.opening_page import OpeningPage

if TYPE_CHECKING:
    from app.actor import Actor
    from app.storage.database import Database
    from app.storage.users import Login


class MainWindow(QMainWindow):
    """Holds the open database and the tabs; dialogs and actions reach data through it.

    With a database the window is complete when constructed. Without one it shows the
    opening page; `open_in_background(url)` or `attach_database` completes it.
    """

    database: Database
    actor: Actor

    def __init__(self, database: Database | None, settings: Settings, actor: Actor | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.has_database = False
        self.setWindowTitle(self.tr("IAD Online Workshops"))
        # The Overview drawn from the kept figures before the database is open (ui/shell/first_screen.py).
        self.early_overview: Any = None
        # The semester the window opened with, whose Overview the next start draws first.
        self.start_semester_id: int | None = None
        self.setObjectName("main_window")
        self.resize(1280, 800)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        # One page while the database opens: no tab bar for it.
        self.tabs.setTabBarAutoHide(True)
        self.setCentralWidget(self.tabs)
        self.opening_page = OpeningPage()
        self.opening_page.open_file.connect(self.open_local_database)
        self.opening_page.use_local.connect(lambda: self.switch_database(default_database_url()))
        self.opening_page.quit.connect(self.close)
        self.tabs.addTab(self.opening_page, self.tr("Opening"))

        self.semester_box = QComboBox()
        self.semester_box.setObjectName("semester_box")
        self.semester_box.setMinimumContentsLength(14)
        self.semester_box.setToolTip(self.tr("The semester in focus: every list shows this semester"))
        self.semester_box.currentIndexChanged.connect(self._on_semester_changed)
        self.database_label = QLabel()
        self.semester_label = QLabel()
        self.statusBar().addPermanentWidget(self.semester_label)
        self.statusBar().addPermanentWidget(self.database_label)

        self._build_menus()
        self._restore_window_layout()
        self._set_database_actions_enabled(False)
        if database is not None:
            self.attach_database(database, actor)

    def open_in_background(self, url: str, *, before: Callable[[], object] | None = None) -> None:
        """Open `url` on a worker thread while the window shows the opening page; then build the tabs.
        `before` runs first on that thread."""
        from ui.widgets.background import run_in_background

        self.opening_page.show_opening()
        self.database_label.setText(self.tr("Opening the database…"))
        def work() -> tuple[Database, Login]:
            if before is not None:
                before()
            return open_for_window(url)

        run_in_background(work, self._opened, lambda error: self._open_failed(url, error))

    def _opened(self, result: tuple[Database, Login]) -> None:
        database, login = result
        self.attach_database(database, login.actor, in_steps=True)
        if login.message:
            self.status_message(login.message)

    def _open_failed(self, url: str, error: BaseException) -> None:
        from app.storage.connection import is_authentication_failure, is_shared

        if not isinstance(error, AppError):
            self._show_open_failure(url, str(error) or type(error).__name__)
            raise error  # a bug: the error report logs and explains it
        if is_shared(url) and is_authentication_failure(error):
            from ui.storage.connect_dialog import open_database_with_prompt

            # Asks for the password (the keyring had none, or a wrong one).
            database = open_database_with_prompt(url, self)
            if database is not None:
                self.attach_database(database)
                return
            message = self.tr("The shared database was not opened: the server wants a password.")
        else:
            message = str(error)
        self._show_open_failure(url, message)

    def _show_open_failure(self, url: str, message: str) -> None:
        self.database_label.setText(self.tr("No database open"))
        if self.early_overview is not None:
            # The kept figures are not this database's state: the failure replaces them.
            self.tabs.removeTab(self.tabs.indexOf(self.early_overview))
            self.early_overview.deleteLater()
            self.early_overview = None
        if self.tabs.indexOf(self.opening_page) < 0:
            self.tabs.addTab(self.opening_page, self.tr("Opening"))
        self.opening_page.show_failure(message, offer_local=url != default_database_url())

    def attach_database(self, database: Database, actor: Actor | None = None, *, in_steps: bool = False) -> None:
        """Work in `database`: build the tabs and the features, fill the semesters, load the visible list.

        `in_steps` builds one tab per turn of the event loop, the opening page staying until the
        last, so that the window keeps answering (each tab takes 30-90 ms to build)."""
        self.database = database
        self.actor = actor or self._resolve_actor(database)
        self._prepare_lists(database)
        steps = self._build_steps()
        if not in_steps:
            for step in steps:
                step()
            self._finish_attach()
            return

        def next_step() -> None:
            if steps:
                steps.pop(0)()
                QTimer.singleShot(0, self, next_step)
            else:
                self._finish_attach()

        QTimer.singleShot(0, self, next_step)

    def _finish_attach(self) -> None:
        self.tabs.removeTab(self.tabs.indexOf(self.opening_page))
        self._fill_semesters()
        # Only now: the first list must load with the semester in focus already chosen.
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.has_database = True
        self._set_database_actions_enabled(True)
        self._update_status()
        self._restore_tab_layout()
        freeze_start_up()

    def _set_database_actions_enabled(self, enabled: bool) -> None:
        for action in self._database_actions:
            action.setEnabled(enabled)

    # ---- API for tabs, dialogs and actions ------------------------------------
    def semester_id(self) -> int | None:
        data = self.semester_box.currentData()
        return int(data) if data is not None else None

    def selected_id(self, kind: str) -> int | None:
        tab = self.tabs.currentWidget()
        ids = getattr(tab, "selected_ids", None)
        if callable(ids):
            found = ids().get(kind)
            return int(found) if found is not None else None
        if getattr(tab, "kind", None) == kind:
            return getattr(tab, "current_id", None)
        return None

    def refresh_all(self) -> None:
        self._fill_semesters()
        for tab in self.record_tabs():
            if getattr(tab, "has_loaded", False) or tab is self.tabs.currentWidget():
                self._reload_when_shown(tab)
        for editor in self.all_tabs():
            getattr(editor, "refresh_from_database", lambda: None)()
        current = self.tabs.currentWidget()
        if hasattr(current, "refresh") and current not in self.record_tabs():
            current.refresh()

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def add_tab(self, widget: QWidget, title: str, position: int | None = None) -> None:
        """Add a tab; editors opened on demand (a workshop's planner) can be closed, the steps cannot."""
        index = self.tabs.indexOf(widget)
        if index >= 0:
            return  # made before the database was open (the Overview of ui/shell/first_screen.py)
        index = self.tabs.addTab(widget, title) if position is None else self.tabs.insertTab(position, widget, title)
        if not self._closable(widget):
            self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, None)

    @staticmethod
    def _closable(widget: QWidget) -> bool:
        return hasattr(widget, "has_unsaved_changes") and not hasattr(widget, "reload")

    def close_tab(self, index: int) -> bool:
        widget = self.tabs.widget(index)
        if widget is None or not self._closable(widget):
            return False
        if not self._confirm_editor(widget):
            return False
        self.tabs.removeTab(index)
        widget.deleteLater()
        return True

    def _confirm_editor(self, widget: Any) -> bool:
        """Ask before an on-demand editor with unsaved edits goes away."""
        if not widget.has_unsaved_changes():
            return True
        self.tabs.setCurrentWidget(widget)
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes to {what} first?").replace("{what}", self.tabs.tabText(self.tabs.indexOf(widget))),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return bool(widget.save())
        return answer == QMessageBox.StandardButton.Discard

    def all_tabs(self) -> list[Any]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def editor_tabs(self) -> list[Any]:
        return [tab for tab in self.all_tabs() if self._closable(tab)]

    def open_record(self, kind: str, record_id: int) -> None:
        """Jump to a record in the tab that edits it."""
        tab: Any
        for tab in self.all_tabs():
            if kind in getattr(tab, "kinds", (getattr(tab, "kind", None),)):
                self.tabs.setCurrentWidget(tab)
                opener = getattr(tab, "open_kind", None)
                if callable(opener):
                    opener(kind, record_id)
                else:
                    tab.select_record(record_id)
                return

    def record_tabs(self) -> list[Any]:
        return [tab for tab in self.all_tabs() if hasattr(tab, "reload")]

    # ---- building ------------------------------------------------------------
    def _build_steps(self) -> list[Callable[[], None]]:
        """Building the tabs and installing the features, one step per tab or feature."""
        from ui.evaluation.evaluations_tab import EvaluationsTab
        from ui.partners.partners_tab import PartnersTab
        from ui.people.people_tab import PeopleTab
        from ui.outcomes.reports_tab import ReportsTab
        from ui.topics.topics_tab import TopicsTab
        from ui.planning.workshops_tab import WorkshopsTab

        def tab(attribute: str, kind: Callable[[MainWindow], QWidget], title: str) -> Callable[[], None]:
            def build() -> None:
                widget = kind(self)
                setattr(self, attribute, widget)
                self.add_tab(widget, title)
            return build

        def feature(name: str) -> Callable[[], None]:
            return lambda: self._install_feature(name)

        return [
            tab("topics_tab", TopicsTab, self.tr("&Topics")),
            tab("partners_tab", PartnersTab, self.tr("&Partners")),
            tab("workshops_tab", WorkshopsTab, self.tr("&Workshops")),
            tab("people_tab", PeopleTab, self.tr("P&eople")),
            tab("reports_tab", ReportsTab, self.tr("&Reports")),
            tab("evaluations_tab", EvaluationsTab, self.tr("E&valuations")),
            *(feature(name) for name in FEATURE_MODULES),
        ]

    def _install_feature(self, name: str) -> None:
        """Menus and tabs contributed by the planning, documents, spreadsheets, outcomes, messages and sharing features."""
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            return
        module.install(self)

    def _action(self, menu: QMenu, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        needs_database: list[QAction] = []
        self.file_menu = bar.addMenu(self.tr("&File"))
        self._action(self.file_menu, self.tr("&New local database…"), self.new_local_database, name="new_database")
        self._action(self.file_menu, self.tr("&Open local database…"), self.open_local_database,
                     QKeySequence.StandardKey.Open, "open_database")
        self.file_menu.addSeparator()
        needs_database.append(self._action(self.file_menu, self.tr("&Back up database…"), self.backup_database,
                                           name="backup_database"))
        self._quit_separator = self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        record_actions = [
            self._action(self.edit_menu, self.tr("&New record"), lambda: self._current("new_record"),
                         QKeySequence.StandardKey.New, "new_record"),
            self._action(self.edit_menu, self.tr("&Save"), lambda: self._current("save"),
                         QKeySequence.StandardKey.Save, "save_record"),
            self._action(self.edit_menu, self.tr("&Revert"), lambda: self._current("revert"), None, "revert_record"),
            self._action(self.edit_menu, self.tr("&Delete…"), lambda: self._current("delete_current"),
                         QKeySequence.StandardKey.Delete, "delete_record"),
            self._action(self.edit_menu, self.tr("&Find"), lambda: self._current("focus_search"),
                         QKeySequence.StandardKey.Find, "find"),
        ]
        needs_database += record_actions
        self.delete_action = record_actions[3]
        # Del in a text field deletes text, not the record.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_menu.addSeparator()
        needs_database += [
            self._action(self.edit_menu, self.tr("Se&mesters…"), lambda: self._edit_list("semesters")),
            self._action(self.edit_menu, self.tr("&Departments…"), lambda: self._edit_list("departments")),
            self._action(self.edit_menu, self.tr("&Lists (topic areas, rubric)…"), lambda: self._edit_list("lists"),
                         name="edit_lists"),
        ]
        self.edit_menu.addSeparator()
        self._action(self.edit_menu, self.tr("Se&ttings…"), self.edit_settings, QKeySequence("Ctrl+,"), "settings")

        self.export_menu = bar.addMenu(self.tr("E&xport"))
        self.tools_menu = bar.addMenu(self.tr("&Tools"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        needs_database.append(self._action(self.help_menu, self.tr("&Where is the database?"),
                                           self.show_database_location))
        self.demo_action = self._action(self.help_menu, self.tr("Fill with &demo data…"), self.load_demo_data,
                                        name="load_demo")
        needs_database.append(self.demo_action)
        self.help_menu.aboutToShow.connect(self._update_demo_action)
        self._action(self.help_menu, self.tr("&About"), self.show_about)

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Semester: ")))
        toolbar.addWidget(self.semester_box)
        toolbar.addSeparator()
        for name in ("new_record", "save_record", "delete_record"):
            action = self.findChild(QAction, name)
            if action is not None:
                toolbar.addAction(action)
        self.addToolBar(toolbar)
        # Export and Tools are filled by the features, which come with the database.
        self._database_actions: list[QAction | QWidget] = [*needs_database, self.export_menu.menuAction(), self.tools_menu.menuAction(),
                                  self.semester_box]

    def _current(self, method: str) -> None:
        tab = self.tabs.currentWidget()
        function = getattr(tab, method, None)
        if callable(function):
            function()

    def _edit_list(self, which: str, *, new: bool = False) -> None:
        from ui.directory.list_dialogs import open_list_dialog
        from ui.directory.reference_lists import open_lists_dialog

        if which in ("lists", "rubric", "topic_areas"):
            open_lists_dialog(self, "topic_areas" if which == "lists" else which)
        else:
            open_list_dialog(self, which, new=new)
        self.refresh_all()

    # ---- semesters and status -------------------------------------------------
    def _fill_semesters(self) -> None:
        from app.views import listing
        chosen = self.semester_box.currentData()
        with self.database.sessions() as session:
            rows = listing.semesters(session)
            if chosen is None and self.semester_box.count() == 0:
                from app.directory.organisation import current_semester

                current = current_semester(session)
                chosen = current.id if current else None
                self.start_semester_id = chosen
        self.semester_box.blockSignals(True)
        self.semester_box.clear()
        self.semester_box.addItem(self.tr("All semesters"), None)
        for semester_id, name, _starts in rows:
            self.semester_box.addItem(name, semester_id)
        index = self.semester_box.findData(chosen) if chosen is not None else 0
        self.semester_box.setCurrentIndex(max(index, 0))
        self.semester_box.blockSignals(False)

    def _reload_when_shown(self, tab: Any) -> None:
        """Reload the list shown now; mark the others, which reload when shown. Reloading every list read so
        far at each save kept workers busy with Python the window's thread then waited for (saves stalled
        the window for over 100 ms)."""
        if tab is self.tabs.currentWidget() or tab.is_loading:  # a load under way reads again when done
            tab.reload()
        else:
            tab.stale = True

    def _on_semester_changed(self) -> None:
        for tab in self.record_tabs():
            if getattr(tab, "semester_scoped", False) and (tab.has_loaded or tab is self.tabs.currentWidget()):
                self._reload_when_shown(tab)
        current = self.tabs.currentWidget()
        if hasattr(current, "set_semester"):
            current.set_semester(self.semester_id())
        self._update_status()

    def _on_tab_changed(self, index: int) -> None:
        tab: Any = self.tabs.widget(index)
        if hasattr(tab, "reload") and not getattr(tab, "is_loading", False) and (
                not getattr(tab, "has_loaded", True) or getattr(tab, "stale", False)):
            tab.reload()
        if hasattr(tab, "set_semester"):
            tab.set_semester(self.semester_id())
        delete = getattr(self, "delete_action", None)
        table = getattr(tab, "table", None)
        if delete is not None and table is not None:
            # Del deletes a record only while its list has the focus.
            for other in self.record_tabs():
                other.table.removeAction(delete)
            table.addAction(delete)

    def _update_status(self) -> None:
        self.database_label.setText(self.tr("Database: {db}").replace("{db}", self.database.description))
        self.semester_label.setText(self.tr("Semester: {name}").replace("{name}", self.semester_box.currentText()))

    # ---- database menu ---------------------------------------------------------
    def confirm_unsaved_changes(self) -> bool:
        """Ask about every tab's unsaved edits; False when the officer chose to stay."""
        return all(tab.confirm_leave() for tab in self.record_tabs() if hasattr(tab, "confirm_leave")) and all(
            self._confirm_editor(editor) for editor in self.editor_tabs())

    def switch_database(self, url: str) -> bool:
        from app.storage.database import open_database

        if not self.confirm_unsaved_changes():
            return False
        try:
            database = open_database(url)
        except DatabaseOpenError as error:
            QMessageBox.critical(self, self.tr("Cannot open the database"), str(error))
            return False
        self.settings.database_url = url
        self.settings.save()
        if not self.has_database:
            self.attach_database(database)
            self.status_message(self.tr("Opened {db}.").replace("{db}", database.description))
            return True
        for editor in self.editor_tabs():
            # Editors belong to the database they were opened on.
            self.tabs.removeTab(self.tabs.indexOf(editor))
            editor.deleteLater()
        old = self.database
        self.database = database
        self.actor = self._resolve_actor(database)
        self._prepare_lists(database)
        old.close()
        self.semester_box.clear()
        for tab in self.record_tabs():
            if hasattr(tab, "show_empty"):
                tab.form.load({})
                tab.show_empty()
            tab.has_loaded = False
        self.refresh_all()
        self._update_status()
        self.status_message(self.tr("Opened {db}.").replace("{db}", database.description))
        return True

    def take_first_step(self, step: str) -> None:
        """A button of the first-steps page of a new database."""
        if step == "partners":
            partners = getattr(self, "partners_tab")  # built with the database
            self.tabs.setCurrentWidget(partners)
            partners.new_record()
            return
        from ui.overview.first_steps import import_directory_file

        if step == "demo":
            self.load_demo_data()
        elif step == "import" and import_directory_file(self, self) is not None:
            self.refresh_all()
        elif step not in ("demo", "import"):
            self._edit_list(step if step in ("departments", "lists") else "semesters", new=step != "lists")

    def _prepare_lists(self, database: Database) -> None:
        """A new database gets its topic areas and rubric, so a first semester can be scored."""
        from app.directory.reference_data import prepare_reference_lists

        try:
            prepare_reference_lists(database)
        except AppError as error:
            self.status_message(str(error))

    def new_local_database(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("New local database"), str(Path.home()),
                                                    self.tr("IAD databases (*.sqlite3)"))
        if path:
            if not path.endswith(".sqlite3"):
                path += ".sqlite3"
            if Path(path).exists():
                QMessageBox.warning(self, self.tr("New local database"),
                                    self.tr("{path} exists already; use Open to work in it.").replace("{path}", path))
                return
            self.switch_database(f"sqlite:///{path}")

    def open_local_database(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Open local database"), str(Path.home()),
                                                    self.tr("IAD databases (*.sqlite3);;All files (*)"))
        if path:
            self.switch_database(f"sqlite:///{path}")

    def backup_database(self) -> None:
        from app.storage.backup import backup_sqlite

        if self.database.path is None:
            QMessageBox.information(self, self.tr("Back up"), self.tr(
                "A shared PostgreSQL database is backed up by its administrator with pg_dump "
                "(see docs/shared-database.md)."))
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Back up database"), str(Path.home() / f"{self.database.path.stem}-backup.sqlite3"),
            self.tr("IAD databases (*.sqlite3)"))
        if not path:
            return
        try:
            backup_sqlite(self.database.path, Path(path))
        except (AppError, OSError) as error:
            QMessageBox.critical(self, self.tr("Backup failed"), str(error))
            return
        self.status_message(self.tr("Backed up to {path}.").replace("{path}", path))

    def edit_settings(self) -> bool:
        from ui.shell.settings_dialog import SettingsDialog

        if SettingsDialog(self.settings, self).exec():
            self.status_message(self.tr("Settings saved."))
            return True
        return False

    def _update_demo_action(self) -> None:
        if not self.has_database:
            return
        from app.demo.builder import database_is_empty
        from models.enums import UserRole

        with self.database.sessions() as session:
            empty = database_is_empty(session)
        self.demo_action.setEnabled(empty and self.actor.can(UserRole.OFFICER))
        self.demo_action.setToolTip("" if empty else self.tr("Only an empty database can be filled with demo data."))

    def load_demo_data(self) -> bool:
        """Fill an empty database with the realistic demo data, to try the program."""
        from app.demo.builder import database_is_empty, fill_demo
        from ui.widgets.background import run_in_background

        with self.database.sessions() as session:
            if not database_is_empty(session):
                QMessageBox.information(self, self.tr("Demo data"),
                                        self.tr("This database already holds data; demo data only goes into an "
                                                "empty one (File → New local database…)."))
                return False
        if QMessageBox.question(self, self.tr("Demo data"), self.tr(
                "Fill {db} with demo data: four semesters, twelve departments, twenty partner universities "
                "and their workshops? Everything can be edited or deleted afterwards.")
                .replace("{db}", self.database.description)) != QMessageBox.StandardButton.Yes:
            return False
        database = self.database
        progress = QProgressDialog(self.tr("Adding demo data…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()

        def work() -> None:
            with database.transaction() as session:
                fill_demo(session, "small")

        def done(_result: object) -> None:
            progress.close()
            self.refresh_all()
            self.status_message(self.tr("Demo data added."))

        def failed(error: BaseException) -> None:
            progress.close()
            QMessageBox.critical(self, self.tr("Demo data"), str(error))

        run_in_background(work, done, failed)
        return True

    def show_database_location(self) -> None:
        QMessageBox.information(self, self.tr("Database"), self.tr("This window works in:\n{db}")
                                .replace("{db}", self.database.description))

    def show_about(self) -> None:
        from app.build_info import build_info

        QMessageBox.about(self, self.tr("About IAD Online Workshops"), self.tr(
            "<h3>IAD Online Workshops</h3><p>Version {version}</p><p>Plan, run and evaluate the International "
            "Affairs Division's online workshops with partner universities.</p><p>Database: {db}</p>"
            "<p>Signed in as {user} ({role}).</p>")
            .replace("{version}", build_info().label).replace("{db}", self.database.description)
            .replace("{user}", self.actor.username)
            .replace("{role}", self.actor.role.label.lower()))

    def _resolve_actor(self, database: Database) -> Actor:
        """Who is working: on a shared database the login's user (the first login becomes administrator)."""
        from app.storage.users import login

        result = login(database)
        if result.message:
            QTimer.singleShot(0, lambda: self.status_message(result.message))
        return result.actor

    # ---- window state ----------------------------------------------------------
    def _restore_window_layout(self) -> None:
        state = QSettings()
        geometry = state.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        layout = state.value("window/state")
        if isinstance(layout, QByteArray):
            self.restoreState(layout)

    def _restore_tab_layout(self) -> None:
        state = QSettings()
        for tab in self.record_tabs():
            if hasattr(tab, "restore_state"):
                tab.restore_state(state)
        last = state.value("window/tab")
        index = int(last) if isinstance(last, (int, str)) and str(last).isdigit() else 0
        # Silently: the tab's list loads once, below, after the window has drawn its tabs.
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(min(index, self.tabs.count() - 1))
        self.tabs.blockSignals(False)
        QTimer.singleShot(0, lambda: self._on_tab_changed(self.tabs.currentIndex()))

    def save_layout(self) -> None:
        state = QSettings()
        state.setValue("window/geometry", self.saveGeometry())
        state.setValue("window/state", self.saveState())
        if not self.has_database:
            return
        state.setValue("window/tab", self.tabs.currentIndex())
        for tab in self.record_tabs():
            if hasattr(tab, "save_state"):
                tab.save_state(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_unsaved_changes():
            event.ignore()
            return
        self.save_layout()
        keep_overview(self)
        for name in ("backup_scheduler", "live_refresh"):
            worker = getattr(self, name, None)
            if worker is not None:
                worker.stop()  # nothing more runs on its timers once the window is closed
        event.accept()
