"""The agenda, programme and certificate in the reader's language: English, Chinese or both, whatever the
interface's, with Chinese titles printed where the records have them."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.views.documents import certificate_data, programme_data
from exports.agenda_pdf import render_agenda
from exports.certificate_pdf import render_certificate
from exports.document_labels import LABELS, Labels
from exports.programme_pdf import render_programme
from models import Attendance
from tests.test_pdf_documents import (  # noqa: F401 - fixtures used by name
    IAD,
    PRINTED,
    agenda_setup,
    fresh_agenda,
    pdf_text,
    semester_setup,
)

# What a reader sees as the agenda's labels, in each language.
AGENDA_EN = ["Workshop agenda", "Programme", "Participants", "Time", "Meeting", "Interpretation", "Moderator:",
             "Speakers:", "Main room", "Round 2 of 3", "Multi-round dialogue", "Our university", "Position",
             "Page 1 of", "printed 1 October 2026", "Thursday 15 October 2026", "(local time)"]
AGENDA_ZH = ["研讨会议程", "日程", "参会人员", "时间", "会议", "口译", "主持人：", "发言人：", "主会场",
             "第 2 轮（共 3 轮）", "多轮交流", "我校（2 人）", "职务", "第 1 页，共", "打印于 2026年10月1日",
             "2026年10月15日 周四", "（当地时间）", "国际处（北京时间）"]
PROGRAMME_EN = ["Semester programme", "Contents", "Date", "IAD time", "Partner's local time", "Exchange",
                "Status", "One-off", "Held", "Cancelled", "October 2026", "Thu 15 Oct", "Page 1 of"]
PROGRAMME_ZH = ["学期研讨会日程", "目录", "日期", "国际处时间", "合作院校当地时间", "交流", "状态", "单次",
                "已举行", "已取消", "2026年10月", "10月15日 周四", "第 1 页，共"]


def words(text: str) -> str:
    """The text with its spaces between Chinese characters taken out (text extraction adds some)."""
    return re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])", "", text)


def english_labels_in(text: str, labels: list[str]) -> list[str]:
    # Whole words only: "Time" must not match inside a partner's name.
    return [label for label in labels if re.search(rf"(?<![A-Za-z]){re.escape(label)}(?![a-z])", text)]


@pytest.fixture
def titled(db_session: Session, agenda_setup: dict[str, Any]) -> dict[str, Any]:  # noqa: F811
    agenda_setup["exchange"].title_zh = "书院学生支持"
    agenda_setup["panels"][0].title_zh = "双方团队开场"
    db_session.flush()
    return agenda_setup


def test_chinese_agenda_has_chinese_labels_both_zones_and_no_english_label(db_session: Session,
                                                                         titled: dict[str, Any]) -> None:
    data = fresh_agenda(db_session, titled["workshop"].id)
    text = words(pdf_text(render_agenda(data, printed_on=PRINTED, language="zh")))
    assert [label for label in AGENDA_ZH if words(label) not in text] == []
    assert english_labels_in(text, AGENDA_EN) == []
    # times in the IAD's zone and the partner's, as on the English agenda
    assert "15:00–18:00" in text and "CST, UTC+08:00" in text and "08:00–11:00" in text and "BST" in text
    assert "15:40–16:15 CST" in text and "08:40–09:15 BST" in text
    # Chinese titles where there are some, the English one where there is none
    assert "书院学生支持" in text and "Residential college support" not in text
    assert "双方团队开场" in text and "Opening of both teams" not in text and "Track one panel" in text
    assert "爱丁堡大学" in text and "心理健康教育中心" in text and "张伟 Zhang Wei" in text


def test_english_agenda_has_no_chinese_label(db_session: Session, titled: dict[str, Any]) -> None:
    data = fresh_agenda(db_session, titled["workshop"].id)
    text = words(pdf_text(render_agenda(data, printed_on=PRINTED, language="en")))
    assert [label for label in AGENDA_EN if label not in text] == []
    assert [label for label in AGENDA_ZH if words(label) in text] == []
    assert "国际合作与交流处" not in text
    assert "Residential college support" in text and "书院学生支持" not in text
    assert "Opening of both teams" in text and "双方团队开场" not in text


def test_bilingual_agenda_holds_both(db_session: Session, titled: dict[str, Any]) -> None:
    data = fresh_agenda(db_session, titled["workshop"].id)
    text = words(pdf_text(render_agenda(data, printed_on=PRINTED, language="both")))
    assert [label for label in AGENDA_EN + AGENDA_ZH if words(label) not in text] == []
    assert "Residential college support" in text and "书院学生支持" in text
    assert "Opening of both teams" in text and "双方团队开场" in text


def test_programme_in_each_language(db_session: Session, semester_setup: dict[str, Any]) -> None:  # noqa: F811
    data = programme_data(db_session, semester_setup["semester"].id, IAD)
    chinese = words(pdf_text(render_programme(data, printed_on=PRINTED, language="zh")))
    assert [label for label in PROGRAMME_ZH if words(label) not in chinese] == []
    assert english_labels_in(chinese, PROGRAMME_EN) == []
    assert "15:00–18:00 CST" in chinese and "08:00–11:00 BST" in chinese
    assert "21:00–00:00 （次日） CST" in chinese and "08:00–11:00 EST" in chinese
    assert "爱丁堡大学" in chinese and "University of Edinburgh" not in chinese

    english = words(pdf_text(render_programme(data, printed_on=PRINTED, language="en")))
    assert [label for label in PROGRAMME_EN if label not in english] == []
    assert [label for label in PROGRAMME_ZH if words(label) in english] == []
    assert "21:00–00:00 (+1 day) CST" in english and "爱丁堡大学" not in english

    both = words(pdf_text(render_programme(data, printed_on=PRINTED, language="both")))
    assert [label for label in PROGRAMME_EN + PROGRAMME_ZH if words(label) not in both] == []


def test_certificate_in_each_language(db_session: Session, titled: dict[str, Any]) -> None:
    lead = titled["lead"]
    db_session.add(Attendance(participation_id=lead.id, workshop_id=titled["workshop"].id))
    db_session.flush()
    data = certificate_data(db_session, titled["zhang"].id, titled["exchange"].id, IAD)
    issued = date(2026, 12, 1)
    english = words(pdf_text(render_certificate(data, issued_on=issued, language="en")))
    assert "Certificate of Participation" in english and "attending 1 of its 3 rounds" in english
    assert "Residential college support" in english and "1 December 2026" in english
    assert not re.search("[\u4e00-\u9fff]", english.replace("张伟", "").replace("心理健康教育中心", "")
                         .replace("爱丁堡大学", ""))
    chinese = words(pdf_text(render_certificate(data, issued_on=issued, language="zh")))
    assert "参与证书" in chinese and "兹证明" in chinese and "共3轮，出席1轮：第2轮（2026年10月15日）" in chinese
    assert "《书院学生支持》" in chinese and "2026年12月1日" in chinese
    assert english_labels_in(chinese, ["Certificate", "This is to certify", "Date of issue", "Seal", "Director, International"]) == []
    both = words(pdf_text(render_certificate(data, issued_on=issued)))  # bilingual by default
    assert "Certificate of Participation" in both and "参与证书" in both and "书院学生支持" in both


def test_label_table_is_complete_and_names_fall_back() -> None:
    assert all(english.strip() and chinese.strip() for english, chinese in LABELS.values())
    # the same placeholders in both languages
    for key, (english, chinese) in LABELS.items():
        assert set(re.findall(r"{(\w+)", english)) == set(re.findall(r"{(\w+)", chinese)), key
    assert Labels("zh").name("Library analytics", "") == "Library analytics"  # only one title: that one
    assert Labels("en").name("", "图书馆数据分析") == "图书馆数据分析"
    assert Labels("both").name("Library analytics", "图书馆数据分析") == "Library analytics (图书馆数据分析)"
    assert Labels("zh").long_date(date(2026, 10, 15)) == "2026年10月15日 周四"
    with pytest.raises(ValueError):
        Labels("fr")
