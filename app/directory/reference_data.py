"""The lists every new database starts with: topic areas and the evaluation rubric."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import RubricItem, TopicArea

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
        session.add_all(TopicArea(name_en=en, name_zh=zh) for en, zh in TOPIC_AREAS)
    if session.scalar(select(RubricItem.id).limit(1)) is None:
        session.add_all(
            RubricItem(name_en=en, name_zh=zh, position=index) for index, (en, zh) in enumerate(RUBRIC)
        )
    session.flush()


@dataclass(frozen=True)
class AreaRef:
    id: int
    name_en: str
    name_zh: str
    active: bool


def topic_areas(session: Session, *, include_inactive: bool = False) -> list[AreaRef]:
    query = select(TopicArea.id, TopicArea.name_en, TopicArea.name_zh, TopicArea.active).order_by(TopicArea.name_en)
    if not include_inactive:
        query = query.where(TopicArea.active.is_(True))
    return [AreaRef(*row) for row in session.execute(query)]
