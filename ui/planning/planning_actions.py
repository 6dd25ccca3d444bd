"""Menu entries of workshop planning: the calendar invitation export and the planner itself.

`install(window)` adds "Calendar invitation (.ics)…" to the Export menu and "Plan
workshop…" to the Tools menu; both act on the workshop selected in the visible tab.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from app.errors import AppError
from ui.widgets.translation import tr

if TYPE_CHECKING:
    from ui.planning.workshop_planner import WorkshopPlanner


def _selected_workshop(window: Any) -> int | None:
    workshop_id = window.selected_id("workshop")
    if workshop_id is None:
        window.show_error(tr("No workshop selected"),
                          tr("Select a workshop (a round of an exchange) in the Workshops tab first."))
    return workshop_id


def export_invitation(window: Any) -> Path | None:
    """Ask where to save the selected workshop's invitation and write it."""
    from exports.ics import suggested_file_name, write_workshop_ics

    workshop_id = _selected_workshop(window)
    if workshop_id is None:
        return None
    try:
        with window.database.transaction() as session:
            suggestion = suggested_file_name(session, workshop_id)
    except AppError as error:
        window.show_error(tr("Calendar invitation"), str(error))
        return None
    name, _filter = QFileDialog.getSaveFileName(window, tr("Export calendar invitation"),
                                                str(Path.home() / suggestion), tr("iCalendar files (*.ics)"))
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".ics") else Path(name + ".ics")
    try:
        with window.database.transaction() as session:
            written = write_workshop_ics(session, workshop_id, path, window.settings.iad_timezone)
    except (AppError, OSError) as error:
        window.show_error(tr("Calendar invitation"), str(error))
        return None
    window.status_message(tr("Invitation written to %1").replace("%1", str(written)))
    return written


def open_planner(window: Any) -> WorkshopPlanner | None:
    """Open the selected workshop in a planner tab."""
    workshop_id = _selected_workshop(window)
    if workshop_id is None:
        return None
    from ui.planning.workshop_planner import WorkshopPlanner  # loaded with the first planner, not at start-up

    tabs = getattr(window, "tabs", None)
    if tabs is not None:
        # One planner per workshop: bring back the open one rather than a second copy.
        for index in range(tabs.count()):
            widget = tabs.widget(index)
            if isinstance(widget, WorkshopPlanner) and widget.workshop_id == workshop_id:
                tabs.setCurrentIndex(index)
                return widget
    planner = WorkshopPlanner(window.database, window.settings, window.actor)
    # In the window, Edit → Save (Ctrl+S) saves the visible tab, the planner included; a second
    # Ctrl+S shortcut would make the key ambiguous and neither would fire.
    planner.save_shortcut.setEnabled(False)
    planner.load(workshop_id)
    window.add_tab(planner, planner.title())
    if tabs is not None:
        tabs.setCurrentWidget(planner)
        # The title follows the planner when it moves to another round (Add next round).
        planner.saved.connect(lambda _id: tabs.setTabText(tabs.indexOf(planner), planner.title()))
    return planner


def install(window: Any) -> None:
    export = QAction(tr("Calendar invitation (.ics)…"), window)
    export.setObjectName("export_ics")
    export.triggered.connect(lambda: export_invitation(window))
    window.export_menu.addAction(export)
    plan = QAction(tr("Plan workshop…"), window)
    plan.setObjectName("plan_workshop")
    plan.setShortcut(QKeySequence("Ctrl+Shift+P"))
    plan.triggered.connect(lambda: open_planner(window))
    window.tools_menu.addAction(plan)
