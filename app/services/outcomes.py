"""Reports, evaluation interviews, follow-up contacts and visit priorities."""
from __future__ import annotations

from app.i18n import _
from app.services.records import RecordService
from app.services.rules import date_order, int_range, not_blank
from models import (
    Evaluation,
    EvaluationAction,
    EvaluationScore,
    FollowUpContact,
    Report,
    RubricItem,
    VisitPriority,
)

reports = RecordService(
    Report, _("report"), [date_order("submitted_on", "published_on", _("A report cannot be published before it was submitted."))]
)
rubric_items = RecordService(RubricItem, _("rubric item"), [not_blank("name_en", _("English name"))])
evaluations = RecordService(Evaluation, _("evaluation"))
evaluation_scores = RecordService(EvaluationScore, _("score"), [int_range("score", _("Score"), 1, 5)])
evaluation_actions = RecordService(EvaluationAction, _("action"), [not_blank("description", _("Description"))])
follow_ups = RecordService(FollowUpContact, _("follow-up contact"))
visit_priorities = RecordService(VisitPriority, _("visit priority"))
