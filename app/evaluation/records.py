"""The record rules of evaluation interviews, their scores and actions, and visit priorities."""
from __future__ import annotations

from app.i18n import lazy_text
from app.records import RecordService
from app.rules import int_range, not_blank
from models import Evaluation, EvaluationAction, EvaluationScore, RubricItem, VisitPriority

rubric_items = RecordService(RubricItem, lazy_text("rubric item"), [not_blank("name_en", lazy_text("English name"))])
evaluations = RecordService(Evaluation, lazy_text("evaluation"))
evaluation_scores = RecordService(EvaluationScore, lazy_text("score"), [int_range("score", lazy_text("Score"), 1, 5)])
evaluation_actions = RecordService(EvaluationAction, lazy_text("action"), [not_blank("description", lazy_text("Description"))])
visit_priorities = RecordService(VisitPriority, lazy_text("visit priority"))
