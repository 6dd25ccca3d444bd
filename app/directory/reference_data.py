"""The lists every new database starts with (topic areas and the evaluation rubric), and editing them.

A list entry is never deleted once records use it: it is retired (`active` false),
so old proposals and interviews keep showing it while new ones are not offered it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.directory.organisation import topic_areas as topic_area_records
from app.errors import NotFoundError
from app.i18n import _
from app.records import RecordService
from models import RubricItem, TopicArea

if TYPE_CHECKING:
    from app.storage.database import Database

TOPIC_AREAS: list[tuple[str, str]] = [
    ("Student mental health", "学生心理健康"),
    ("Asset management", "资产管理"),
    ("Faculty recruitment", "师资招聘"),
    ("General courses", "通识课程"),
    ("Student affairs", "学生事务"),
    ("Research administration", "科研管理"),
    ("Library services", "图书馆服务"),
    ("Campus safety", "校园安全"),
    ("Career services", "就业指导"),
    ("International students", "国际学生"),
    ("Digital campus", "数字校园"),
    ("Alumni relations", "校友关系"),
]

RUBRIC: list[tuple[str, str]] = [
    ("Relevance of topic", "主题相关性"),
    ("Quality of partner exchange", "交流质量"),
    ("Applicability to daily management", "对日常管理的适用性"),
    ("Organisation", "组织安排"),
    ("Interpretation", "口译质量"),
]


def ensure_reference_data(session: Session) -> None:
    """Add the default topic areas and rubric to a database that has none yet."""
    if session.scalar(select(TopicArea.id).limit(1)) is None:
        session.add_all(TopicArea(name_en=en, name_zh=zh, position=index)
                        for index, (en, zh) in enumerate(TOPIC_AREAS))
    if session.scalar(select(RubricItem.id).limit(1)) is None:
        session.add_all(
            RubricItem(name_en=en, name_zh=zh, position=index) for index, (en, zh) in enumerate(RUBRIC)
        )
    session.flush()


def prepare_reference_lists(database: Database) -> bool:
    """Seed the lists of a database that has none yet (a new one); True when something was added.

    Every program that opens a database for work (the window, the command line)
    calls this, so a first semester can be planned and scored straight away.
    """
    with database.sessions() as session:
        if session.scalar(select(TopicArea.id).limit(1)) is not None \
                and session.scalar(select(RubricItem.id).limit(1)) is not None:
            return False
    with database.transaction() as session:
        ensure_reference_data(session)
    return True


@dataclass(frozen=True)
class AreaRef:
    id: int
    name_en: str
    name_zh: str
    active: bool


def topic_areas(session: Session, *, include_inactive: bool = False) -> list[AreaRef]:
    query = select(TopicArea.id, TopicArea.name_en, TopicArea.name_zh, TopicArea.active).order_by(
        TopicArea.position, TopicArea.name_en)
    if not include_inactive:
        query = query.where(TopicArea.active.is_(True))
    return [AreaRef(*row) for row in session.execute(query)]


def add_topic_area(session: Session, actor: Actor, name_en: str, name_zh: str = "") -> TopicArea:
    """A new area at the end of the list."""
    return topic_area_records.create(session, actor, name_en=name_en, name_zh=name_zh,
                                     position=next_position(session, TopicArea))


def update_topic_area(session: Session, actor: Actor, area_id: int, **values: Any) -> TopicArea:
    return topic_area_records.update(session, actor, area_id, **values)


def set_topic_area_active(session: Session, actor: Actor, area_id: int, active: bool) -> TopicArea:
    """Retire or bring back an area; proposals filed under it keep it."""
    return topic_area_records.update(session, actor, area_id, active=active)


def move_topic_area(session: Session, actor: Actor, area_id: int, offset: int) -> list[TopicArea]:
    """Move an area up (negative offset) or down; positions are renumbered 0..n-1."""
    areas = list(session.scalars(select(TopicArea).order_by(TopicArea.position, TopicArea.name_en)))
    return move_in_list(session, actor, topic_area_records, areas, area_id, offset,
                        _("The topic area #{id} no longer exists.").format(id=area_id))


def next_position(session: Session, model: Any) -> int:
    """The position after the last entry of an ordered list (0 for an empty one)."""
    last = session.scalar(select(func.max(model.position)))
    return (last if last is not None else -1) + 1


def move_in_list(session: Session, actor: Actor, records: RecordService[Any], entries: list[Any], entry_id: int,
                 offset: int, missing: str) -> list[Any]:
    """Move an entry of an ordered list up (negative offset) or down; positions are renumbered 0..n-1."""
    index = next((i for i, entry in enumerate(entries) if entry.id == entry_id), None)
    if index is None:
        raise NotFoundError(missing)
    target = max(0, min(len(entries) - 1, index + offset))
    entries.insert(target, entries.pop(index))
    for position, entry in enumerate(entries):
        if entry.position != position:
            records.update(session, actor, entry.id, position=position)
    return entries
