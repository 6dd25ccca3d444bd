"""The words printed on the agenda, programme and certificate, in English and Chinese.

These documents are printed in the reader's language, which is not the
officer's: a Chinese officer prints an English agenda for a partner. So their
labels come from this one bilingual table, never from the interface translation
(`_()`), and `Labels` picks English, Chinese or both for one document.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from app.settings import DOCUMENT_LANGUAGES

EN, ZH, BOTH = DOCUMENT_LANGUAGES

# key: (English, Chinese). Placeholders in braces are filled by Labels.__call__.
LABELS: dict[str, tuple[str, str]] = {
    # the programme and the division, on every document
    "programme_name": ("IAD Online Workshops", "国际合作与交流处 在线研讨会"),
    "division": ("International Affairs Division", "国际合作与交流处"),
    "printed": ("printed {date}", "打印于 {date}"),
    "page_of": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
    "next_day": ("(+1 day)", "（次日）"),
    "days_later": ("({days:+d} days)", "（{days:+d} 天）"),
    # agenda
    "agenda": ("Workshop agenda", "研讨会议程"),
    "agenda_short": ("Agenda", "议程"),
    "with": ("with", "合作院校："),
    "no_partner": ("no partner recorded", "尚未登记合作院校"),
    "round_of": ("Round {round} of {rounds}", "第 {round} 轮（共 {rounds} 轮）"),
    "our_departments": ("Our departments:", "我方部门："),
    "iad_time": ("IAD ({city} time)", "国际处（{city}时间）"),
    "partner_time": ("{partner} (local time)", "{partner}（当地时间）"),
    "meeting": ("Meeting", "会议"),
    "platform_unset": ("Platform not yet set", "会议平台待定"),
    "interpretation": ("Interpretation", "口译"),
    "interpretation_provided": ("Interpretation ({languages}) is provided", "提供口译（{languages}）"),
    "interpretation_by": (" by {interpreter}", "，译员：{interpreter}"),
    "full_stop": (".", "。"),
    "interpretation_marked": ("Panels with interpretation are marked below.", "下方标明了提供口译的分论坛。"),
    "interpretation_panels_only": ("Interpretation is provided for the panels marked below.",
                                   "下方标明的分论坛提供口译。"),
    "no_interpretation": ("No interpretation is arranged for this workshop.", "本次研讨会不安排口译。"),
    "languages_tbc": ("languages to be confirmed", "语种待定"),
    "programme": ("Programme", "日程"),
    "no_panels": ("No panels have been scheduled for this workshop yet.", "本次研讨会尚未安排分论坛。"),
    "time": ("Time", "时间"),
    "main_room": ("Main room", "主会场"),
    "moderator": ("Moderator:", "主持人："),
    "speakers": ("Speakers:", "发言人："),
    "panel_interpretation": ("Interpretation: {pair}", "口译：{pair}"),
    "panel_interpreter": (", interpreter {name}", "，译员：{name}"),
    "participants": ("Participants", "参会人员"),
    "our_university": ("Our university ({count})", "我校（{count} 人）"),
    "partner_side": ("{side} ({count})", "{side}（{count} 人）"),
    "partner_university": ("Partner university", "合作院校"),
    "no_participants": ("No participants recorded yet.", "尚未登记参会人员。"),
    "number": ("#", "序号"),
    "name": ("Name", "姓名"),
    "department": ("Department", "部门"),
    "position": ("Position", "职务"),
    "role": ("Role", "角色"),
    "unit": ("Unit", "单位"),
    "university": ("University", "院校"),
    # semester programme
    "semester_programme": ("Semester programme", "学期研讨会日程"),
    "semester_programme_of": ("Semester programme {semester}", "{semester} 学期研讨会日程"),
    "workshops": ("workshops", "场研讨会"),
    "exchanges": ("exchanges", "项交流"),
    "partner_universities": ("partner universities", "所合作院校"),
    "one_workshop": ("1 workshop", "1 场研讨会"),
    "count_workshops": ("{count} workshops", "{count} 场研讨会"),
    "zone_note": ("Dates and times are given in the IAD's zone ({zone}, {label}) and in each partner's local "
                  "time; a partner's date is shown where it differs.",
                  "日期和时间按国际处所在时区（{zone}，{label}）及各合作院校当地时间列出；"
                  "合作院校日期不同时另行注明。"),
    "no_workshops": ("No workshops are scheduled in this semester yet.", "本学期尚未安排研讨会。"),
    "contents": ("Contents", "目录"),
    "date": ("Date", "日期"),
    "iad_clock": ("IAD time", "国际处时间"),
    "partner_clock": ("Partner's local time", "合作院校当地时间"),
    "exchange": ("Exchange", "交流"),
    "partner": ("Partner", "合作院校"),
    "round": ("Round", "轮次"),
    "status": ("Status", "状态"),
    "same_as_iad": ("same as IAD", "与国际处相同"),
    "round_short": ("{round} of {rounds}", "{round}/{rounds}"),
    "one_off": ("One-off", "单次"),
    # certificate
    "certificate": ("Certificate of Participation", "参与证书"),
    "certify": ("This is to certify that", "兹证明"),
    "took_part": ("took part in the online exchange", "参加了在线交流"),
    "certificate_with": ("with {partners}", "合作院校：{partners}"),
    "held_on": ("held online on {date}", "交流日期：{date}"),
    "attended_rounds": ("attending {count} of its {rounds} rounds: {rounds_attended}",
                        "共{rounds}轮，出席{count}轮：{rounds_attended}"),
    "attended_round": ("round {round} on {date}", "第{round}轮（{date}）"),
    "issued": ("Date of issue", "颁发日期"),
    "certificate_number": ("Certificate no.", "证书编号"),
    "seal": ("Seal", "盖章"),
    "director": ("Director, International Affairs Division", "国际合作与交流处 处长"),
}

# Values of the enumerations a document prints (models.enums), by enum value.
ENUM_LABELS: dict[str, tuple[str, str]] = {
    "one_off": ("One-off dialogue", "单次交流"),
    "multi_round": ("Multi-round dialogue", "多轮交流"),
    "planned": ("Planned", "计划中"),
    "confirmed": ("Confirmed", "已确认"),
    "held": ("Held", "已举行"),
    "cancelled": ("Cancelled", "已取消"),
    "participant": ("Participant", "参与者"),
    "lead": ("Lead", "负责人"),
    "speaker": ("Speaker", "发言人"),
    "moderator": ("Moderator", "主持人"),
    "observer": ("Observer", "观察员"),
}

# Fixed names: strftime's would follow the machine's locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

# "English · 中文" on one line where both languages are printed.
JOIN = " · "


@dataclass(frozen=True)
class Labels:
    """The labels of one document in one language: "en", "zh" or "both"."""

    language: str = EN

    def __post_init__(self) -> None:
        if self.language not in DOCUMENT_LANGUAGES:
            raise ValueError(f"unknown document language {self.language!r}")

    @property
    def english(self) -> bool:
        return self.language != ZH

    @property
    def chinese(self) -> bool:
        return self.language != EN

    def __call__(self, key: str, sep: str = JOIN, **values: Any) -> str:
        english, chinese = LABELS[key]
        return self.pick(english.format(**values), chinese.format(**values), sep)

    def template(self, key: str, sep: str = JOIN) -> str:
        """A label with its placeholders left in, for the caller to fill later."""
        return self.pick(*LABELS[key], sep)

    def pick(self, english: str, chinese: str, sep: str = JOIN) -> str:
        """One of two texts, or both joined, by the document's language."""
        if self.language == EN:
            return english
        if self.language == ZH:
            return chinese
        return f"{english}{sep}{chinese}"

    def one(self, key: str, language: str, **values: Any) -> str:
        """A label in one given language ("en" or "zh"), whatever the document's."""
        english, chinese = LABELS[key]
        return (chinese if language == ZH else english).format(**values)

    def enum(self, member: Enum, sep: str = JOIN) -> str:
        english, chinese = ENUM_LABELS[str(member.value)]
        return self.pick(english, chinese, sep)

    def name(self, english: str, chinese: str, both: str = "{en} ({zh})") -> str:
        """A record's name or title: the one in the document's language, the other if that one is empty.

        With both languages, `both` lays out the two ("{en} ({zh})" by default);
        a record with only one name prints that one.
        """
        english, chinese = english.strip(), chinese.strip()
        if not chinese or english == chinese:
            return english or chinese
        if not english:
            return chinese
        if self.language == EN:
            return english
        if self.language == ZH:
            return chinese
        return both.format(en=english, zh=chinese)

    # ---- dates -------------------------------------------------------------------
    def long_date(self, day: date) -> str:
        """"Thursday 15 October 2026", "2026年10月15日 周四", or both."""
        return self.pick(long_date_en(day), f"{zh_date(day)} {WEEKDAYS_ZH[day.weekday()]}")

    def medium_date(self, day: date) -> str:
        """"15 October 2026", "2026年10月15日", or both."""
        return self.pick(medium_date_en(day), zh_date(day))

    def short_date(self, day: date) -> str:
        """"Thu 15 Oct", "10月15日 周四", or both (on two lines)."""
        english = f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"
        return self.pick(english, f"{day.month}月{day.day}日 {WEEKDAYS_ZH[day.weekday()]}", "\n")

    def month_title(self, year: int, month: int) -> str:
        """"October 2026", "2026年10月", or both."""
        return self.pick(f"{MONTHS[month - 1]} {year}", f"{year}年{month}月")

    def days_later(self, days: int) -> str:
        """What follows a time whose end falls `days` later in that zone: "(+1 day)", "（次日）"."""
        return self("next_day", "") if days == 1 else self("days_later", "", days=days)


def long_date_en(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def medium_date_en(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def zh_date(day: date) -> str:
    """"2026年10月15日"."""
    return f"{day.year}年{day.month}月{day.day}日"
