"""The page a new database opens on: what to do before a first semester, each step one click away."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.views.overview_figures import FirstSteps
from ui.widgets.translation import tr


class FirstStepsPage(QScrollArea):
    """Emits `step(key)` for the window to carry out: semester, departments, partners, import, lists or demo."""

    step = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_steps")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        title = QLabel(self.tr("Welcome: a few steps before the first semester"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("This database is new. Add what every semester builds on; the overview of the "
                               "semester appears here once a semester, a department and a partner exist."))
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        self.marks: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        steps = [
            ("semester", self.tr("Open a semester: its name and dates, for example 2027 Spring, and the "
                                 "deadline for topic proposals."), self.tr("New &semester…")),
            ("departments", self.tr("Add the IAD's departments that take part (names in English and Chinese, a "
                                    "contact e-mail)."), self.tr("Add &departments…")),
            ("partners", self.tr("Add the partner universities, each with its country, city and time zone "
                                 "(the time-slot finder and the agenda use it)."), self.tr("Add a &partner…")),
            ("import", self.tr("Or import departments and partners from a spreadsheet you keep (.xlsx with a "
                               "header row: Name, Chinese name, E-mail for departments; Name, Country, City, Time "
                               "zone for partners)."), self.tr("&Import from a spreadsheet…")),
            ("lists", self.tr("Topic areas and the evaluation rubric are ready to use; change, retire or "
                              "reorder them at any time (Edit → Lists…)."), self.tr("Edit &lists…")),
        ]
        for row, (key, text, button_text) in enumerate(steps):
            mark = QLabel()
            mark.setObjectName(f"mark_{key}")
            mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            label = QLabel(text)
            label.setWordWrap(True)
            button = QPushButton(button_text)
            button.setObjectName(f"step_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.step.emit(k))
            grid.addWidget(mark, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(button, row, 2)
            self.marks[key] = mark
            self.buttons[key] = button
        demo_box = QFrame()
        demo_box.setFrameShape(QFrame.Shape.StyledPanel)
        demo_layout = QGridLayout(demo_box)
        demo_text = QLabel(self.tr("Or try the program first: fill this empty database with demo data (four "
                                   "semesters, departments, partners, workshops and reports). Use a separate "
                                   "database for real work (File → New local database…)."))
        demo_text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Fill with de&mo data…"))
        self.demo_button.setObjectName("step_demo")
        self.demo_button.clicked.connect(lambda: self.step.emit("demo"))
        demo_layout.addWidget(demo_text, 0, 0)
        demo_layout.addWidget(self.demo_button, 0, 1)
        demo_layout.setColumnStretch(0, 1)
        after = QLabel(self.tr("Then, step by step: collect topics (Topics tab; Export → topic-collection form "
                               "for each department), offer accepted topics to partners, plan the workshops "
                               "(Workshops tab), collect reports and interview departments."))
        after.setWordWrap(True)
        after.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(demo_box)
        layout.addWidget(after)
        layout.addStretch(1)
        self.setWidget(body)

    def show_steps(self, steps: FirstSteps) -> None:
        counts = {"semester": steps.semesters, "departments": steps.departments, "partners": steps.partners,
                  "import": steps.departments and steps.partners}
        for number, (key, mark) in enumerate(self.marks.items(), start=1):
            done = counts.get(key, 1) > 0
            mark.setText("✓" if done else f"{number}.")
            mark.setStyleSheet("color: #2E7D32; font-weight: bold;" if done else "color: #1F4E79; font-weight: bold;")
            mark.setToolTip(self.tr("Done") if done else self.tr("To do"))
        self.demo_button.setEnabled(not (steps.semesters or steps.departments or steps.partners))


def import_directory_file(host: Any, parent: QWidget) -> str | None:
    """Ask for a workbook and import its departments and partners; the summary shown, or None."""
    from exports.directory_import import import_directory

    path, _filter = QFileDialog.getOpenFileName(parent, tr("Import departments and partners"), "",
                                                tr("Excel workbooks (*.xlsx)"))
    if not path:
        return None
    try:
        with host.database.transaction() as session:
            result = import_directory(session, host.actor, Path(path))
    except AppError as error:
        QMessageBox.warning(parent, tr("Nothing imported"), str(error))
        return None
    summary = result.summary()
    QMessageBox.information(parent, tr("Imported"), summary)
    return summary
