"""SQLAlchemy models of the IAD's workshop cycle; no Qt, no business rules.

The entities load together on the first use of any name below (`from models import Exchange`),
so that every table is on `Base.metadata` whatever was asked for. `models.enums` alone loads
neither them nor SQLAlchemy: the window draws its first screen with it before the database
layer has loaded (docs/performance.md).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.audit import AuditEntry, User
    from models.base import Base, Timestamped, UTCDateTime, Versioned, utc_now
    from models.exchanges import (
        Attendance,
        Exchange,
        Panel,
        PanelSpeaker,
        Participation,
        Preparation,
        Workshop,
        exchange_contacts,
        exchange_departments,
        exchange_partners,
    )
    from models.messages import MessageLogEntry, MessageTemplate
    from models.organisation import Department, Person, Semester, TopicArea
    from models.outcomes import (
        Evaluation,
        EvaluationAction,
        EvaluationScore,
        FollowUpContact,
        Report,
        ReportFile,
        RubricItem,
        VisitPriority,
        evaluation_exchanges,
    )
    from models.partners import Partner, PartnerContact
    from models.topics import Outreach, TopicProposal

# Every module that defines tables, in an order whose imports need no other.
ENTITY_MODULES = ("base", "audit", "organisation", "partners", "topics", "exchanges", "outcomes", "messages")

__all__ = [
    "Attendance", "AuditEntry", "Base", "Department", "Evaluation", "EvaluationAction", "EvaluationScore",
    "Exchange", "FollowUpContact", "MessageLogEntry", "MessageTemplate", "Outreach", "Panel", "PanelSpeaker", "Participation", "Partner",
    "PartnerContact", "Person", "Preparation", "Report", "ReportFile", "RubricItem", "Semester", "Timestamped",
    "TopicArea", "TopicProposal", "UTCDateTime", "User", "Versioned", "VisitPriority", "Workshop",
    "evaluation_exchanges", "exchange_contacts", "exchange_departments", "exchange_partners", "utc_now",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'models' has no attribute {name!r}")
    modules = [importlib.import_module(f"models.{module}") for module in ENTITY_MODULES]
    for exported in __all__:
        for module in modules:
            if exported in vars(module):
                globals()[exported] = vars(module)[exported]
                break
    return globals()[name]
