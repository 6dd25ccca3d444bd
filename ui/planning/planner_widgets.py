"""The workshop planner's widgets: the round's heading and times, its form, the panel table and
timeline, the problems list, attendance and the buttons, laid out once when the planner is made."""
from __future__ import annotations


from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from models.enums import WorkshopStatus
from ui.planning.panel_timeline import PanelTimeline
from ui.planning.planner_tables import AttendanceModel, PanelTableModel


class PlannerLayout(QWidget):
    """The planner's widgets and their layout; WorkshopPlanner adds what they do."""

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("planner_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("QLabel#planner_message { background: #fdecea; color: #611a15; "
                                   "border: 1px solid #e6a29c; border-radius: 4px; padding: 6px; }")
        self.message.hide()

        # When, on every side.
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd yyyy-MM-dd")
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.zone_label = QLabel()
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(self.time_edit)
        when.addWidget(self.zone_label, 1)
        self.duration_edit = QSpinBox()
        self.duration_edit.setRange(30, 600)
        self.duration_edit.setSingleStep(5)
        self.duration_edit.setSuffix(self.tr(" min"))
        self.ends_label = QLabel()
        length = QHBoxLayout()
        length.addWidget(self.duration_edit)
        length.addWidget(self.ends_label, 1)
        self.sides_label = QLabel()
        self.sides_label.setTextFormat(Qt.TextFormat.RichText)
        self.sides_label.setWordWrap(True)
        self.platform_edit = QLineEdit()
        self.link_edit = QLineEdit()
        self.link_edit.setPlaceholderText("https://")
        self.languages_edit = QLineEdit()
        self.languages_edit.setPlaceholderText(self.tr("e.g. Chinese–English"))
        self.interpreter_edit = QLineEdit()
        self.status_combo = QComboBox()
        for status in WorkshopStatus:
            self.status_combo.addItem(self.tr(status.label), status)

        when_box = QGroupBox(self.tr("When and where"))
        form = QFormLayout(when_box)
        starts_label = QLabel(self.tr("&Starts"))
        starts_label.setBuddy(self.date_edit)
        length_label = QLabel(self.tr("&Length"))
        length_label.setBuddy(self.duration_edit)
        form.addRow(starts_label, when)
        form.addRow(length_label, length)
        form.addRow(self.tr("On every side"), self.sides_label)
        form.addRow(self.tr("&Platform"), self.platform_edit)
        form.addRow(self.tr("Lin&k"), self.link_edit)
        form.addRow(self.tr("Interpretation &languages"), self.languages_edit)
        form.addRow(self.tr("&Interpreter"), self.interpreter_edit)
        form.addRow(self.tr("Stat&us"), self.status_combo)
        for label_widget, field in ((self.time_edit, "starts_at"), (self.duration_edit, "duration_minutes")):
            label_widget.setAccessibleName(field.replace("_", " "))

        # Problems.
        problems_box = QGroupBox(self.tr("Problems"))
        self.problems_summary = QLabel()
        self.problems_list = QListWidget()
        self.problems_list.setWordWrap(True)
        self.problems_list.setAccessibleName(self.tr("Problems"))
        # As tall as the form beside it, however many problems there are (it scrolls).
        self.problems_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.problems_summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.addWidget(self.problems_summary)
        problems_layout.addWidget(self.problems_list)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(when_box)
        top.addWidget(problems_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setChildrenCollapsible(False)

        # Panels: the timeline and the table.
        self.timeline = PanelTimeline()
        self.panel_model = PanelTableModel(self)
        self.panel_table = QTableView()
        self.panel_table.setModel(self.panel_model)
        self.panel_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.panel_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.panel_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed
                                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.panel_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 140, 100, 150, 90, 120, 220, 100, 120)):
            self.panel_table.setColumnWidth(column, width)
        self.panel_table.verticalHeader().setDefaultSectionSize(26)
        self.add_panel_button = QPushButton(self.tr("&Add panel"))
        self.remove_panel_button = QPushButton(self.tr("Remo&ve panel"))
        self.speakers_button = QPushButton(self.tr("Spea&kers…"))
        panel_buttons = QHBoxLayout()
        for button in (self.add_panel_button, self.remove_panel_button, self.speakers_button):
            panel_buttons.addWidget(button)
        hint = QLabel(self.tr("Drag a panel to move it, its right edge to change its length; Tab selects, arrow "
                              "keys move by 5 minutes."))
        hint.setWordWrap(True)
        panel_buttons.addWidget(hint, 1)
        panels_page = QWidget()
        panels_layout = QVBoxLayout(panels_page)
        panels_layout.addWidget(self.timeline)
        panels_layout.addWidget(self.panel_table, 1)
        panels_layout.addLayout(panel_buttons)

        # Attendance.
        self.attendance_model = AttendanceModel(self)
        self.attendance_table = QTableView()
        self.attendance_table.setModel(self.attendance_model)
        self.attendance_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.attendance_table.horizontalHeader().setStretchLastSection(False)
        attendance_page = QWidget()
        attendance_layout = QVBoxLayout(attendance_page)
        attendance_layout.addWidget(QLabel(self.tr(
            "Click a round's box to cycle: not recorded → attended → absent. The next round starts everyone as absent "
            "until you tick them.")))
        attendance_layout.addWidget(self.attendance_table)

        # Minutes and outcome.
        self.minutes_edit = QPlainTextEdit()
        self.outcome_edit = QPlainTextEdit()
        self.continues_check = QCheckBox(self.tr("The department continues with this partner on its own"))
        outcome_page = QWidget()
        outcome_form = QFormLayout(outcome_page)
        outcome_form.addRow(self.tr("&Minutes"), self.minutes_edit)
        outcome_form.addRow(self.tr("&Outcome"), self.outcome_edit)
        outcome_form.addRow("", self.continues_check)

        self.pages = QTabWidget()
        self.pages.addTab(panels_page, self.tr("Panels"))
        self.pages.addTab(attendance_page, self.tr("Attendance"))
        self.pages.addTab(outcome_page, self.tr("Minutes and outcome"))

        # Actions.
        self.slot_button = QPushButton(self.tr("Find a time &slot…"))
        self.next_round_button = QPushButton(self.tr("Add &next round"))
        self.export_button = QPushButton(self.tr("&Export invitation (.ics)…"))
        self.revert_button = QPushButton(self.tr("&Revert"))
        self.confirm_button = QPushButton(self.tr("&Confirm workshop"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText))
        actions = QHBoxLayout()
        for button in (self.slot_button, self.next_round_button, self.export_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.revert_button, self.confirm_button, self.save_button):
            actions.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        # A splitter, so the form keeps its height whichever page is shown and the officer can trade space.
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.addWidget(top)
        self.body.addWidget(self.pages)
        self.body.setStretchFactor(0, 0)
        self.body.setStretchFactor(1, 1)
        self.body.setChildrenCollapsible(False)
        # On a 1280×720 screen the form and the pages do not both fit: they scroll, and the buttons
        # below (Save, Confirm, the slot finder) stay in view.
        body_scroll = QScrollArea()
        body_scroll.setObjectName("planner_body")
        body_scroll.setWidgetResizable(True)
        body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        body_scroll.setWidget(self.body)
        layout.addWidget(body_scroll, 1)
        self._when_box = when_box
        self._fitted = False
        layout.addLayout(actions)

        self.field_widgets: dict[str, QWidget] = {
            "starts_at": self.time_edit, "duration_minutes": self.duration_edit, "platform": self.platform_edit,
            "link": self.link_edit, "interpretation_languages": self.languages_edit,
            "interpreter": self.interpreter_edit, "status": self.status_combo, "minutes": self.minutes_edit,
            "outcome": self.outcome_edit, "continues_independently": self.continues_check,
            "title": self.panel_table, "track": self.panel_table, "speakers": self.panel_table,
            "attendance": self.attendance_table, "round_number": self.next_round_button,
        }
