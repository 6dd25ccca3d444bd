"""SQLAlchemy models of the IAD's workshop cycle; no Qt, no business rules."""
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

__all__ = [
    "Attendance", "AuditEntry", "Base", "Department", "Evaluation", "EvaluationAction", "EvaluationScore",
    "Exchange", "FollowUpContact", "MessageLogEntry", "MessageTemplate", "Outreach", "Panel", "PanelSpeaker", "Participation", "Partner",
    "PartnerContact", "Person", "Preparation", "Report", "ReportFile", "RubricItem", "Semester", "Timestamped",
    "TopicArea", "TopicProposal", "UTCDateTime", "User", "Versioned", "VisitPriority", "Workshop",
    "evaluation_exchanges", "exchange_contacts", "exchange_departments", "exchange_partners", "utc_now",
]
