"""The record rules of evaluation interviews, their scores and actions, and visit priorities."""
from __future__ import annotations

from app.i18n import _
from app.records import RecordService
from app.rules import int_range, not_blank
from models import Evaluation, EvaluationAction, EvaluationScore, RubricItem, VisitPriority

rubric_items = RecordService(RubricItem, _("rubric item"), [not_blank("name_en", _("English name"))])
evaluations = RecordService(Evaluation, _("evaluation"))
evaluation_scores = RecordService(EvaluationScore, _("score"), [int_range("score", _("Score"), 1, 5)])
evaluation_actions = RecordService(EvaluationAction, _("action"), [not_blank("description", _("Description"))])
visit_priorities = RecordService(VisitPriority, _("visit priority"))
