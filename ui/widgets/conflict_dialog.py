"""Someone else saved the record while you edited it: both versions side by side, per field.

Each field the officer changed is shown with their value ("Yours") next to the one now
stored ("Stored, saved by someone else"); rows that differ are highlighted. Per field the
officer keeps theirs, takes the stored one, or (for text) writes a merge of both. Fields
the officer did not touch take the stored values, so nobody's change is overwritten
without being seen. Cancel changes nothing: the form keeps exactly what was typed.

After OK, `merged_values()` gives every field's value to put back into the form, and
`values_to_save()` only those that differ from the stored record; save them with
`expected_version`, the stored version.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError
from ui.widgets.screen_fit import fit_to_screen

MINE, THEIRS, MERGE = "mine", "theirs", "merge"
DIFFERENT_BACKGROUND = "#fff3c4"
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SKIPPED = {"id", "version", "created_at", "updated_at"}


def revive(value: Any) -> Any:
    """Undo the plain (JSON) form of a conflict's values: ISO instants and days become objects again.

    The conflict carries values as app.records.plain_value made them; a form
    needs the datetime and date back. Only full ISO forms with an offset are revived,
    which text a person types is practically never.
    """
    if isinstance(value, str):
        if _ISO_DATETIME.match(value):
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        if _ISO_DATE.match(value):
            return date.fromisoformat(value)
    return value


def _same(a: Any, b: Any) -> bool:
    def norm(v: Any) -> str:
        v = revive(v)
        if v is None:
            return ""
        if isinstance(v, datetime):
            return v.isoformat()
        return str(getattr(v, "value", v))

    return norm(a) == norm(b)


class _FieldRow:
    """The widgets of one field: both values, the choice, and the merge editor for text."""

    def __init__(self, name: str, mine: Any, theirs: Any, mergeable: bool) -> None:
        self.name = name
        self.mine = mine
        self.theirs = theirs
        self.differs = not _same(mine, theirs)
        self.group = QButtonGroup()
        self.labels: dict[str, QLabel] = {}
        self.mine_button = QRadioButton()
        self.theirs_button = QRadioButton()
        self.merge_button: QRadioButton | None = QRadioButton() if mergeable and self.differs else None
        self.merge_edit: QPlainTextEdit | None = None
        for button in (self.mine_button, self.theirs_button, self.merge_button):
            if button is not None:
                self.group.addButton(button)

    def choice(self) -> str:
        if self.merge_button is not None and self.merge_button.isChecked():
            return MERGE
        return THEIRS if self.theirs_button.isChecked() else MINE

    def value(self) -> Any:
        choice = self.choice()
        if choice == MERGE and self.merge_edit is not None:
            return self.merge_edit.toPlainText()
        return revive(self.theirs if choice == THEIRS else self.mine)


class ConflictDialog(QDialog):
    """Compare your version with the stored one field by field and choose what to keep."""

    def __init__(self, error: ConflictError, field_labels: dict[str, str], parent: QWidget | None = None, *,
                 original: dict[str, Any] | None = None, changed_by: str = "",
                 display_zone: str | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.display_zone = ZoneInfo(display_zone) if display_zone else None
        self.field_labels = dict(field_labels)
        self.setWindowTitle(self.tr("Someone else saved this record"))
        self.rows: dict[str, _FieldRow] = {}

        heading = QLabel(self._heading_text(changed_by))
        heading.setWordWrap(True)
        heading.setObjectName("conflict_heading")

        grid_holder = QWidget()
        self.grid = QGridLayout(grid_holder)
        self.grid.setHorizontalSpacing(12)
        for column, text in enumerate(
            [self.tr("Field"), self.tr("Yours"), self.tr("Stored (saved by someone else)"), self.tr("Keep")]
        ):
            title = QLabel(text)
            bold = QFont(title.font())
            bold.setBold(True)
            title.setFont(bold)
            self.grid.addWidget(title, 0, column)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        for name in self._fields_to_show(original):
            self._add_row(name, original)
        self.grid.setRowStretch(self.grid.rowCount(), 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_holder)

        all_mine = QPushButton(self.tr("Keep all mine"))
        all_mine.setObjectName("all_mine")
        all_mine.clicked.connect(lambda: self.choose_all(MINE))
        all_theirs = QPushButton(self.tr("Take all stored"))
        all_theirs.setObjectName("all_theirs")
        all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        quick = QHBoxLayout()
        quick.addWidget(all_mine)
        quick.addWidget(all_theirs)
        quick.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Use these values"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Back to my form"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(quick)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 820, min(200 + grid_holder.sizeHint().height(), 640))

    # ---- building ------------------------------------------------------------
    def _heading_text(self, changed_by: str) -> str:
        text = self.tr("This {label} (#{id}) was saved by someone else while you were editing it; it is now at "
                       "version {version}.").replace("{label}", self.error.label) \
            .replace("{id}", str(self.error.record_id)).replace("{version}", str(self.error.their_version))
        if changed_by:
            text += " " + self.tr("Last saved by {who}.").replace("{who}", changed_by)
        text += "\n" + self.tr("Highlighted fields differ. Choose for each what to keep; fields you did not change "
                               "keep the stored values. Nothing is saved until you save the form again.")
        return text

    def _fields_to_show(self, original: dict[str, Any] | None) -> list[str]:
        mine = [name for name in self.error.mine if name not in SKIPPED]
        # Fields only they changed are worth seeing too, when we know what the form first showed.
        theirs_changed = [
            name for name in self.field_labels
            if original is not None and name not in self.error.mine and name in self.error.theirs
            and name in original and not _same(original[name], self.error.theirs[name])
        ]
        ordered = [name for name in self.field_labels if name in mine or name in theirs_changed]
        return ordered + [name for name in mine if name not in ordered]

    def _label(self, name: str) -> str:
        return self.field_labels.get(name) or name.replace("_", " ").capitalize()

    def _add_row(self, name: str, original: dict[str, Any] | None) -> None:
        # A field the officer did not change still shows what their form held.
        untouched = (original or {}).get(name, self.error.theirs.get(name))
        mine = self.error.mine.get(name, untouched)
        theirs = self.error.theirs.get(name)
        mergeable = isinstance(revive(mine), str) or isinstance(revive(theirs), str)
        row = _FieldRow(name, mine, theirs, mergeable)
        self.rows[name] = row
        r = self.grid.rowCount()
        label = QLabel(self._label(name))
        label.setObjectName(f"label_{name}")
        mine_label = self._value_label(mine, row.differs, f"mine_{name}")
        theirs_label = self._value_label(theirs, row.differs, f"theirs_{name}")
        row.labels = {MINE: mine_label, THEIRS: theirs_label}
        self.grid.addWidget(label, r, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(mine_label, r, 1, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(theirs_label, r, 2, Qt.AlignmentFlag.AlignTop)
        choices = QVBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        choices.setSpacing(0)
        if not row.differs:
            same = QLabel(self.tr("Same in both"))
            same.setObjectName(f"same_{name}")
            same.setEnabled(False)
            choices.addWidget(same)
            row.mine_button.setChecked(True)
        else:
            row.mine_button.setText(self.tr("Mine"))
            row.theirs_button.setText(self.tr("Stored"))
            row.mine_button.setObjectName(f"choose_mine_{name}")
            row.theirs_button.setObjectName(f"choose_theirs_{name}")
            choices.addWidget(row.mine_button)
            choices.addWidget(row.theirs_button)
            if row.merge_button is not None:
                row.merge_button.setText(self.tr("Merge (edit below)"))
                row.merge_button.setObjectName(f"choose_merge_{name}")
                choices.addWidget(row.merge_button)
            # Nothing typed is lost: an officer's own change wins unless they choose otherwise;
            # a field only the other person changed keeps the other person's value.
            (row.mine_button if name in self.error.mine else row.theirs_button).setChecked(True)
        holder = QWidget()
        holder.setLayout(choices)
        self.grid.addWidget(holder, r, 3, Qt.AlignmentFlag.AlignTop)
        if row.merge_button is not None:
            edit = QPlainTextEdit(self._merge_start(mine, theirs))
            edit.setObjectName(f"merge_{name}")
            edit.setMaximumHeight(90)
            edit.setVisible(False)  # shown only when merging, so the comparison stays compact
            row.merge_edit = edit
            row.merge_button.toggled.connect(edit.setVisible)
            self.grid.addWidget(edit, r + 1, 1, 1, 2)
        for button in (row.mine_button, row.theirs_button):
            button.toggled.connect(lambda _checked, n=name: self._emphasise(n))
        self._emphasise(name)

    def _merge_start(self, mine: Any, theirs: Any) -> str:
        # Both texts, so a merge starts from everything and the officer deletes what goes.
        a, b = ("" if mine is None else str(mine)), ("" if theirs is None else str(theirs))
        return a if not b or b in a else (b if not a or a in b else f"{a}\n{b}")

    def _value_label(self, value: Any, differs: bool, object_name: str) -> QLabel:
        label = QLabel(self.display(value))
        label.setObjectName(object_name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setProperty("differs", differs)
        self._style(label, differs, chosen=False)
        return label

    @staticmethod
    def _style(label: QLabel, differs: bool, chosen: bool) -> None:
        background = f"background: {DIFFERENT_BACKGROUND}; border-radius: 3px;" if differs else ""
        weight = "font-weight: bold;" if chosen else ""
        label.setStyleSheet(f"{background} {weight} padding: 3px;")
        label.setProperty("chosen", chosen)

    def display(self, value: Any) -> str:
        value = revive(value)
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, datetime):
            if self.display_zone is not None:
                value = value.astimezone(self.display_zone)
            return value.strftime("%Y-%m-%d %H:%M %Z").strip()
        if isinstance(value, date):
            return value.isoformat()
        return str(getattr(value, "value", value))

    def _emphasise(self, name: str) -> None:
        row = self.rows[name]
        if not row.differs:
            return
        choice = row.choice()
        for side, label in row.labels.items():
            self._style(label, True, chosen=choice == side)

    # ---- choosing ------------------------------------------------------------
    def choose(self, name: str, choice: str) -> None:
        row = self.rows[name]
        button = {MINE: row.mine_button, THEIRS: row.theirs_button, MERGE: row.merge_button}[choice]
        if button is None:
            raise ValueError(f"{name} cannot be merged as text")
        button.setChecked(True)

    def choose_all(self, choice: str) -> None:
        for name, row in self.rows.items():
            if row.differs:
                self.choose(name, choice)

    def choice(self, name: str) -> str:
        return self.rows[name].choice()

    def differing_fields(self) -> list[str]:
        return [name for name, row in self.rows.items() if row.differs]

    # ---- result --------------------------------------------------------------
    @property
    def expected_version(self) -> int:
        """The version to save against: the one stored now."""
        return self.error.their_version

    def merged_values(self) -> dict[str, Any]:
        """Every labelled field's value after the choices: the chosen ones, the stored ones elsewhere."""
        merged = {name: revive(self.error.theirs[name]) for name in self.field_labels if name in self.error.theirs}
        for name, row in self.rows.items():
            merged[name] = row.value()
        return merged

    def values_to_save(self) -> dict[str, Any]:
        """Only what differs from the stored record: the change to save with `expected_version`."""
        return {
            name: value for name, value in self.merged_values().items()
            if name not in self.error.theirs or not _same(value, self.error.theirs[name])
        }
