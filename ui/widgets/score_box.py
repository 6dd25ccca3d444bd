"""A rubric score box: 1–5, or "not scored"; a mistyped 7 stays visible so saving can refuse it.

A plain QSpinBox with the range 0–5 drops a typed 7 without a word, and the interview is then
saved with that item "not scored". This box takes any single digit, keeps the arrow keys within
1–5, marks a score outside the scale in red, and says which scores are out of range.
"""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QWidget

LOWEST, HIGHEST = 1, 5


class ScoreBox(QSpinBox):
    """0 is "not scored"; 1–5 a score; 6–9 a typing slip that saving refuses with a message."""

    def __init__(self, not_scored: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 9)
        self.setSpecialValueText(not_scored)
        self.valueChanged.connect(self._mark)

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        self.setValue(max(0, min(HIGHEST, self.value() + steps)))

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt's name
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.value() > 0:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if self.value() < HIGHEST:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return flags

    def out_of_range(self) -> bool:
        return self.value() > HIGHEST

    def _mark(self, _value: int) -> None:
        self.setStyleSheet("border: 2px solid #d0021b;" if self.out_of_range() else "")
