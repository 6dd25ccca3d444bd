"""What the evaluation summary of a semester shows, read from the database in six SELECTs.

The document a division head reads to judge how effective a semester's workshops
were: the average score of every interviewed department on every rubric item,
and then each interview with its scores, findings and agreed actions. Like the
other document data (app/views/documents.py) it is a frozen dataclass of plain values,
so the PDF in exports/ renders without touching the database.

Every average is the mean of the scores it covers, computed by
`app.views.spreadsheet_data.mean_scores` as in the evaluation spreadsheet: a
department interviewed twice weighs twice in the semester's figures, and the
overall average equals the semester's average in the spreadsheet's summary.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, raiseload, selectinload

from app.views.documents import DepartmentInfo, DocumentDataError
from app.errors import NotFoundError
from app.evaluation.interviews import evaluation_average, list_rubric
from app.i18n import _
from app.views.spreadsheet_data import mean_scores
from models import Evaluation, EvaluationScore, RubricItem, Semester


@dataclass(frozen=True)
class RubricColumn:
    """A rubric item as a column of the summary."""

    id: int
    name_en: str
    name_zh: str


@dataclass(frozen=True)
class ScoreLine:
    item: RubricColumn
    score: int
    notes: str


@dataclass(frozen=True)
class ActionLine:
    description: str
    owner: str
    due_on: date | None
    done: bool


@dataclass(frozen=True)
class InterviewSummary:
    evaluation_id: int
    department: DepartmentInfo
    interview_date: date
    interviewer: str
    interviewees: str
    exchanges: tuple[str, ...]  # titles of the exchanges covered, in title order
    scores: tuple[ScoreLine, ...]  # in rubric order
    average: float | None  # None when the interview was not scored
    findings: str
    actions: tuple[ActionLine, ...]  # in the order they were agreed


@dataclass(frozen=True)
class ScoreAverages:
    """The mean scores of a group of interviews."""

    items: tuple[float | None, ...]  # one per rubric column; None where nothing was scored
    overall: float | None  # of every score in the group
    interviews: int


@dataclass(frozen=True)
class DepartmentAverages:
    department: DepartmentInfo
    averages: ScoreAverages


@dataclass(frozen=True)
class EvaluationSummaryData:
    semester: str
    iad_timezone: str  # for the print date
    rubric: tuple[RubricColumn, ...]  # the matrix's columns, in rubric order
    departments: tuple[DepartmentAverages, ...]  # by English name
    all_departments: ScoreAverages  # every score of the semester
    interviews: tuple[InterviewSummary, ...]  # by department, then date

    @property
    def department_count(self) -> int:
        return len(self.departments)

    @property
    def interview_count(self) -> int:
        return len(self.interviews)


_EVERYONE = "all departments"  # the group key of the semester's own averages


def evaluation_summary_data(session: Session, semester_id: int, iad_timezone: str) -> EvaluationSummaryData:
    """Every interview of a semester with its scores, actions and exchanges, and the averages, in six SELECTs.

    A semester without interviews is one sentence naming it (a DocumentDataError), not an empty document.
    """
    semester = session.get(Semester, semester_id)
    if semester is None:
        raise NotFoundError(_("There is no semester with id {id}.").format(id=semester_id))
    evaluations = session.scalars(
        select(Evaluation)
        .where(Evaluation.semester_id == semester_id)
        .options(
            joinedload(Evaluation.department),
            selectinload(Evaluation.scores).options(joinedload(EvaluationScore.rubric_item),
                                                    raiseload(EvaluationScore.evaluation)),
            selectinload(Evaluation.actions).raiseload("*"),
            selectinload(Evaluation.exchanges).raiseload("*"),
            raiseload(Evaluation.semester),
        )
    ).unique().all()
    if not evaluations:
        raise DocumentDataError(
            _("No department interviews are recorded for {semester}; record one before printing its "
              "evaluation summary.").format(semester=semester.name)
        )
    evaluations = sorted(evaluations, key=lambda e: (e.department.name_en.casefold(), e.department_id,
                                                     e.interview_date, e.id))
    rubric = _rubric_columns(list_rubric(session), evaluations)
    column = {item.id: index for index, item in enumerate(rubric)}

    interviews = tuple(_interview(evaluation, column, rubric) for evaluation in evaluations)
    means = mean_scores(_groups(evaluations))
    department_ids = list(dict.fromkeys(evaluation.department_id for evaluation in evaluations))
    names = {evaluation.department_id: evaluation.department for evaluation in evaluations}

    def averages(group: Hashable) -> ScoreAverages:
        whole = means[group]
        return ScoreAverages(
            items=tuple(means[(group, item.id)].average if (group, item.id) in means else None for item in rubric),
            overall=whole.average,
            interviews=whole.interviews,
        )

    return EvaluationSummaryData(
        semester=semester.name,
        iad_timezone=iad_timezone,
        rubric=rubric,
        departments=tuple(
            DepartmentAverages(DepartmentInfo(names[d].name_en, names[d].name_zh), averages(d)) for d in department_ids
        ),
        all_departments=averages(_EVERYONE),
        interviews=interviews,
    )


def _rubric_columns(active: Sequence[RubricItem], evaluations: Sequence[Evaluation]) -> tuple[RubricColumn, ...]:
    """Every active item, and a retired one where this semester scored it; in rubric order."""
    items = {item.id: item for item in active}
    for evaluation in evaluations:
        for score in evaluation.scores:
            items.setdefault(score.rubric_item_id, score.rubric_item)
    ordered = sorted(items.values(), key=lambda item: (item.position, item.id))
    return tuple(RubricColumn(item.id, item.name_en, item.name_zh) for item in ordered)


def _groups(evaluations: Sequence[Evaluation]) -> Iterator[tuple[Hashable, int, int | None]]:
    """(group, interview, score) for the department and the semester, overall and per rubric item.

    An interview without scores still counts as an interview of its department.
    """
    for evaluation in evaluations:
        department = evaluation.department_id
        if not evaluation.scores:
            yield department, evaluation.id, None
            yield _EVERYONE, evaluation.id, None
        for score in evaluation.scores:
            item = score.rubric_item_id
            yield department, evaluation.id, score.score
            yield (department, item), evaluation.id, score.score
            yield _EVERYONE, evaluation.id, score.score
            yield (_EVERYONE, item), evaluation.id, score.score


def _interview(evaluation: Evaluation, column: dict[int, int], rubric: Sequence[RubricColumn]) -> InterviewSummary:
    department = evaluation.department
    return InterviewSummary(
        evaluation_id=evaluation.id,
        department=DepartmentInfo(department.name_en, department.name_zh),
        interview_date=evaluation.interview_date,
        interviewer=evaluation.interviewer,
        interviewees=evaluation.interviewees,
        exchanges=tuple(sorted((exchange.title for exchange in evaluation.exchanges), key=str.casefold)),
        scores=tuple(
            ScoreLine(rubric[column[score.rubric_item_id]], score.score, score.notes)
            for score in sorted(evaluation.scores, key=lambda s: column[s.rubric_item_id])
        ),
        average=evaluation_average(evaluation),
        findings=evaluation.findings,
        actions=tuple(ActionLine(a.description, a.owner, a.due_on, a.done) for a in evaluation.actions),
    )

