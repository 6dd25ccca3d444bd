"""The whole of each department interview for the evaluation spreadsheet: the interview itself, its
agreed actions, and each department's average across semesters.

Like app/views/spreadsheet_data.py: a fixed number of queries, plain rows, names as "English (中文)".
Averages come from `mean_scores`, as everywhere else, so the trend agrees with the summary.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.views.spreadsheet_data import (
    EvaluationScoreRow,
    bilingual,
    exchanges_and_partners_discussed,
    mean_scores,
)
from models import Department, Evaluation, EvaluationAction, Semester


class InterviewRow(NamedTuple):
    """One interview, whole: who, when, about which exchanges, what was found, the mean score."""

    evaluation_id: int
    department: str
    semester: str
    interview_date: date
    interviewer: str
    interviewees: str
    exchanges: str
    partners: str
    findings: str
    average: float | None  # None when the interview was not scored


class ActionRow(NamedTuple):
    """One action agreed in an interview."""

    evaluation_id: int
    department: str
    semester: str
    description: str
    owner: str
    due_on: date | None
    done: bool
    overdue: bool  # not done and due before the day the sheet was made


def _interviews(session: Session, semester_id: int | None) -> list[tuple[int, str, str, date, str, str, str]]:
    query = (
        select(Evaluation.id, Department.name_en, Department.name_zh, Semester.name, Evaluation.interview_date,
               Evaluation.interviewer, Evaluation.interviewees, Evaluation.findings)
        .join(Department, Department.id == Evaluation.department_id)
        .join(Semester, Semester.id == Evaluation.semester_id)
        .order_by(Semester.starts_on, Semester.name, Department.name_en, Evaluation.interview_date, Evaluation.id)
    )
    if semester_id is not None:
        query = query.where(Evaluation.semester_id == semester_id)
    return [(eid, bilingual(en, zh), semester, day, interviewer, interviewees, findings)
            for eid, en, zh, semester, day, interviewer, interviewees, findings in session.execute(query)]


def interview_rows(session: Session, score_rows: Iterable[EvaluationScoreRow],
                   semester_id: int | None = None) -> list[InterviewRow]:
    """Every interview (of one semester, or all) in semester, department, date order. Three queries.

    `score_rows` are the spreadsheet's score rows (`evaluation_rows`) for the same selection: each
    interview's average is the mean of its scores there.
    """
    averages = mean_scores((row.evaluation_id, row.evaluation_id, row.score) for row in score_rows)
    exchanges, partners = exchanges_and_partners_discussed(session, semester_id)
    rows = []
    for eid, department, semester, day, interviewer, interviewees, findings in _interviews(session, semester_id):
        mean = averages.get(eid)
        rows.append(InterviewRow(eid, department, semester, day, interviewer, interviewees,
                                 exchanges.get(eid, ""), partners.get(eid, ""), findings,
                                 mean.average if mean is not None else None))
    return rows


def action_rows(session: Session, today: date, semester_id: int | None = None) -> list[ActionRow]:
    """Every agreed action (of one semester's interviews, or all), in interview order. One query."""
    query = (
        select(Evaluation.id, Department.name_en, Department.name_zh, Semester.name, EvaluationAction.description,
               EvaluationAction.owner, EvaluationAction.due_on, EvaluationAction.done)
        .join(Evaluation, Evaluation.id == EvaluationAction.evaluation_id)
        .join(Department, Department.id == Evaluation.department_id)
        .join(Semester, Semester.id == Evaluation.semester_id)
        .order_by(Semester.starts_on, Semester.name, Department.name_en, Evaluation.interview_date, Evaluation.id,
                  EvaluationAction.id)
    )
    if semester_id is not None:
        query = query.where(Evaluation.semester_id == semester_id)
    return [ActionRow(eid, bilingual(en, zh), semester, description, owner, due_on, done,
                      not done and due_on is not None and due_on < today)
            for eid, en, zh, semester, description, owner, due_on, done in session.execute(query)]


@dataclass(frozen=True)
class DepartmentTrend:
    """Each department's mean score per semester: `averages[d][s]` is None where it was not interviewed."""

    semesters: tuple[str, ...]  # chronological, as the score rows come
    departments: tuple[str, ...]  # by name
    averages: tuple[tuple[float | None, ...], ...]


def department_trend(score_rows: Sequence[EvaluationScoreRow]) -> DepartmentTrend:
    """Averages per department and semester, from the same score rows as the summary."""
    means = mean_scores(((row.department, row.semester), row.evaluation_id, row.score) for row in score_rows)
    semesters = tuple(dict.fromkeys(row.semester for row in score_rows))
    departments = tuple(sorted({row.department for row in score_rows}, key=str.casefold))
    averages = tuple(
        tuple(means[(department, semester)].average if (department, semester) in means else None
              for semester in semesters)
        for department in departments
    )
    return DepartmentTrend(semesters, departments, averages)
