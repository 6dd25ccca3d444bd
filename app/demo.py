"""Realistic demo data: a small database to try the program, or a ten-year one to time it.

`fill_demo` adds semesters, departments with their staff, partner universities in many
time zones, topic proposals and outreach, exchanges with their workshops and panels,
participants with attendance and preparation, reports, evaluations, follow-up contacts
and visit priorities. Everything is drawn from `random.Random(seed)`, so a seed (and the
day it runs on, which decides what is past and what is planned) gives the same data.

Rows go in with bulk Core INSERTs and ids the program reserves itself, so the large
database takes seconds rather than minutes. Nothing is committed: the caller owns the
transaction. On a database that already holds data (`iad-workshops demo --add`)
semesters, departments and partners with the same names are reused, never duplicated.
"""
from __future__ import annotations

import hashlib
import random
import string
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from app.reference_data import ensure_reference_data
from models import (
    Attendance,
    Department,
    Evaluation,
    EvaluationAction,
    EvaluationScore,
    Exchange,
    FollowUpContact,
    Outreach,
    Panel,
    PanelSpeaker,
    Participation,
    Partner,
    PartnerContact,
    Person,
    Preparation,
    Report,
    ReportFile,
    RubricItem,
    Semester,
    TopicArea,
    TopicProposal,
    VisitPriority,
    Workshop,
    evaluation_exchanges,
    exchange_contacts,
    exchange_departments,
    exchange_partners,
)
from models.enums import (
    ContactChannel,
    Direction,
    ExchangeKind,
    OutreachStatus,
    ParticipantRole,
    PartnerStatus,
    Priority,
    ProposalSource,
    ProposalStatus,
    PublicationChannel,
    ReportKind,
    ReviewStatus,
    VisitStatus,
    WorkshopStatus,
)

Size = Literal["small", "large"]
Progress = Callable[[str, int, int], None]
T = TypeVar("T")

SHANGHAI = ZoneInfo("Asia/Shanghai")
MAIN_ROOM = "Main room"
BREAKOUTS = ("Breakout A", "Breakout B")
# Rows per INSERT call: big enough to be fast, small enough to bound memory per statement.
CHUNK = 5000


@dataclass(frozen=True)
class DemoCounts:
    """How many rows `fill_demo` created, per entity (reused rows are not counted)."""

    semesters: int = 0
    departments: int = 0
    people: int = 0
    partners: int = 0
    contacts: int = 0
    proposals: int = 0
    outreach: int = 0
    exchanges: int = 0
    workshops: int = 0
    panels: int = 0
    participations: int = 0
    preparations: int = 0
    reports: int = 0
    evaluations: int = 0
    follow_up_contacts: int = 0
    visit_priorities: int = 0
    panel_speakers: int = 0
    attendance: int = 0
    evaluation_scores: int = 0
    evaluation_actions: int = 0
    report_files: int = 0

    @property
    def total(self) -> int:
        return sum(getattr(self, item.name) for item in fields(self))


@dataclass(frozen=True)
class _Plan:
    """How much of everything one size makes."""

    semesters: int
    departments: int
    people_per_department: tuple[int, int]
    partners: int
    exchanges_per_semester: tuple[int, int]
    other_proposals_per_semester: tuple[int, int]
    participants: tuple[int, int]
    interviews_per_semester: tuple[int, int]
    visit_priorities: int
    interpreters: int
    report_files: int


PLANS: dict[str, _Plan] = {
    "small": _Plan(
        semesters=4, departments=12, people_per_department=(3, 6), partners=20, exchanges_per_semester=(6, 8),
        other_proposals_per_semester=(3, 5), participants=(3, 8), interviews_per_semester=(3, 4),
        visit_priorities=8, interpreters=6, report_files=2,
    ),
    "large": _Plan(
        semesters=20, departments=40, people_per_department=(30, 45), partners=120,
        exchanges_per_semester=(118, 132), other_proposals_per_semester=(60, 80), participants=(14, 30),
        interviews_per_semester=(12, 18), visit_priorities=400, interpreters=30, report_files=2,
    ),
}

# ---- reference tables ---------------------------------------------------------------------------------------------
# (English name, Chinese name, code, the topic area it usually proposes)
DEPARTMENTS: list[tuple[str, str, str, str]] = [
    ("Student Mental Health Center", "学生心理健康教育与咨询中心", "SMHC", "Student mental health"),
    ("Asset Management Office", "资产管理处", "AMO", "Asset management"),
    ("Faculty Recruitment Office", "人才引进办公室", "FRO", "Faculty recruitment"),
    ("General Education Office", "通识教育办公室", "GEO", "General courses"),
    ("Library", "图书馆", "LIB", "Library services"),
    ("Campus Security", "保卫处", "SEC", "Campus safety"),
    ("Career Center", "学生就业服务和职业发展中心", "CDC", "Career services"),
    ("Student Affairs Office", "学生工作部", "SAO", "Student affairs"),
    ("Research Administration Office", "科研管理处", "RAO", "Research administration"),
    ("International Students Office", "国际学生中心", "ISO", "International students"),
    ("Network and Information Center", "网络信息中心", "NIC", "Digital campus"),
    ("Alumni Affairs Office", "校友工作办公室", "ALU", "Alumni relations"),
    ("Academic Affairs Office", "教务处", "AAO", "General courses"),
    ("Graduate School", "研究生院", "GS", "Student affairs"),
    ("Human Resources Office", "人力资源处", "HRO", "Faculty recruitment"),
    ("Finance Office", "计划财务处", "FIN", "Asset management"),
    ("Logistics Services Office", "后勤保障处", "LOG", "Campus safety"),
    ("Infrastructure Office", "基建处", "INF", "Asset management"),
    ("Undergraduate Admissions Office", "招生办公室", "ADM", "International students"),
    ("Center for Teaching and Learning Development", "教学发展中心", "CTLD", "General courses"),
    ("Laboratory and Equipment Management Office", "实验室与设备管理处", "LEM", "Asset management"),
    ("Audit Office", "审计处", "AUD", "Asset management"),
    ("University Archives", "档案馆", "ARC", "Library services"),
    ("University History Museum", "校史博物馆", "MUS", "Alumni relations"),
    ("University Hospital", "校医院", "HOS", "Student mental health"),
    ("Department of Physical Education", "体育系", "PE", "Student affairs"),
    ("Youth League Committee", "校团委", "YLC", "Student affairs"),
    ("Legal Affairs Office", "法律事务办公室", "LAW", "Research administration"),
    ("Education Development Foundation", "教育发展基金会", "EDF", "Alumni relations"),
    ("Technology Transfer Center", "技术转移中心", "TTC", "Research administration"),
    ("School of Continuing Education", "继续教育学院", "SCE", "General courses"),
    ("Campus Planning Office", "校园规划处", "CPO", "Digital campus"),
    ("Procurement and Tendering Center", "采购与招标管理中心", "PTC", "Asset management"),
    ("News Center", "新闻中心", "NEWS", "Alumni relations"),
    ("Retired Staff Office", "离退休工作处", "RSO", "Faculty recruitment"),
    ("Innovation and Entrepreneurship Center", "创新创业中心", "IEC", "Career services"),
    ("Student Financial Aid Center", "学生资助中心", "SFA", "Student affairs"),
    ("Student Housing Management Center", "学生宿舍管理中心", "SHM", "Campus safety"),
    ("Catering Services Center", "饮食服务中心", "CAT", "Campus safety"),
    ("Energy Management Center", "能源管理中心", "EMC", "Asset management"),
    ("Policy Research Office", "政策研究室", "PRO", "Research administration"),
    ("Interdisciplinary Research Office", "交叉研究办公室", "IRO", "Research administration"),
]

# (name, Chinese name, country, city, IANA zone, languages, region, web domain, name pool, status)
PARTNERS: list[tuple[str, str, str, str, str, str, str, str, str, str]] = [
    ("University of Edinburgh", "爱丁堡大学", "United Kingdom", "Edinburgh", "Europe/London", "English", "Europe",
     "ed.ac.uk", "en", "active"),
    ("University of Manchester", "曼彻斯特大学", "United Kingdom", "Manchester", "Europe/London", "English", "Europe",
     "manchester.ac.uk", "en", "active"),
    ("Technical University of Munich", "慕尼黑工业大学", "Germany", "Munich", "Europe/Berlin", "German, English",
     "Europe", "tum.de", "de", "active"),
    ("University of Amsterdam", "阿姆斯特丹大学", "Netherlands", "Amsterdam", "Europe/Amsterdam", "Dutch, English",
     "Europe", "uva.nl", "nl", "active"),
    ("KTH Royal Institute of Technology", "瑞典皇家理工学院", "Sweden", "Stockholm", "Europe/Stockholm",
     "Swedish, English", "Europe", "kth.se", "nordic", "active"),
    ("ETH Zurich", "苏黎世联邦理工学院", "Switzerland", "Zurich", "Europe/Zurich", "German, English", "Europe",
     "ethz.ch", "de", "active"),
    ("University of Helsinki", "赫尔辛基大学", "Finland", "Helsinki", "Europe/Helsinki", "Finnish, Swedish, English",
     "Europe", "helsinki.fi", "nordic", "active"),
    ("Sorbonne University", "索邦大学", "France", "Paris", "Europe/Paris", "French, English", "Europe",
     "sorbonne-universite.fr", "fr", "prospect"),
    ("Columbia University", "哥伦比亚大学", "United States", "New York", "America/New_York", "English",
     "North America", "columbia.edu", "en", "active"),
    ("University of Toronto", "多伦多大学", "Canada", "Toronto", "America/Toronto", "English, French",
     "North America", "utoronto.ca", "en", "active"),
    ("University of California, Berkeley", "加州大学伯克利分校", "United States", "Berkeley", "America/Los_Angeles",
     "English", "North America", "berkeley.edu", "en", "active"),
    ("Pontificia Universidad Católica de Chile", "智利天主教大学", "Chile", "Santiago", "America/Santiago",
     "Spanish, English", "Latin America", "uc.cl", "es", "active"),
    ("University of Sydney", "悉尼大学", "Australia", "Sydney", "Australia/Sydney", "English", "Oceania",
     "sydney.edu.au", "en", "active"),
    ("University of Melbourne", "墨尔本大学", "Australia", "Melbourne", "Australia/Melbourne", "English", "Oceania",
     "unimelb.edu.au", "en", "active"),
    ("University of Auckland", "奥克兰大学", "New Zealand", "Auckland", "Pacific/Auckland", "English, Māori",
     "Oceania", "auckland.ac.nz", "en", "active"),
    ("University of Queensland", "昆士兰大学", "Australia", "Brisbane", "Australia/Brisbane", "English", "Oceania",
     "uq.edu.au", "en", "dormant"),
    ("University of Tokyo", "东京大学", "Japan", "Tokyo", "Asia/Tokyo", "Japanese, English", "East Asia",
     "u-tokyo.ac.jp", "ja", "active"),
    ("National University of Singapore", "新加坡国立大学", "Singapore", "Singapore", "Asia/Singapore",
     "English, Chinese", "Southeast Asia", "nus.edu.sg", "asia", "active"),
    ("Seoul National University", "首尔大学", "South Korea", "Seoul", "Asia/Seoul", "Korean, English", "East Asia",
     "snu.ac.kr", "ko", "active"),
    ("University of Cape Town", "开普敦大学", "South Africa", "Cape Town", "Africa/Johannesburg", "English", "Africa",
     "uct.ac.za", "en", "prospect"),
    # Only the large database goes past the first twenty.
    ("University of Oxford", "牛津大学", "United Kingdom", "Oxford", "Europe/London", "English", "Europe", "ox.ac.uk",
     "en", "active"),
    ("University of Cambridge", "剑桥大学", "United Kingdom", "Cambridge", "Europe/London", "English", "Europe",
     "cam.ac.uk", "en", "active"),
    ("Imperial College London", "帝国理工学院", "United Kingdom", "London", "Europe/London", "English", "Europe",
     "imperial.ac.uk", "en", "active"),
    ("University College London", "伦敦大学学院", "United Kingdom", "London", "Europe/London", "English", "Europe",
     "ucl.ac.uk", "en", "active"),
    ("King's College London", "伦敦国王学院", "United Kingdom", "London", "Europe/London", "English", "Europe",
     "kcl.ac.uk", "en", "active"),
    ("University of Bristol", "布里斯托大学", "United Kingdom", "Bristol", "Europe/London", "English", "Europe",
     "bristol.ac.uk", "en", "active"),
    ("University of Warwick", "华威大学", "United Kingdom", "Coventry", "Europe/London", "English", "Europe",
     "warwick.ac.uk", "en", "active"),
    ("University of Glasgow", "格拉斯哥大学", "United Kingdom", "Glasgow", "Europe/London", "English", "Europe",
     "gla.ac.uk", "en", "active"),
    ("University of Leeds", "利兹大学", "United Kingdom", "Leeds", "Europe/London", "English", "Europe",
     "leeds.ac.uk", "en", "active"),
    ("University of Nottingham", "诺丁汉大学", "United Kingdom", "Nottingham", "Europe/London", "English", "Europe",
     "nottingham.ac.uk", "en", "active"),
    ("University of Sheffield", "谢菲尔德大学", "United Kingdom", "Sheffield", "Europe/London", "English", "Europe",
     "sheffield.ac.uk", "en", "active"),
    ("University of Birmingham", "伯明翰大学", "United Kingdom", "Birmingham", "Europe/London", "English", "Europe",
     "birmingham.ac.uk", "en", "active"),
    ("Durham University", "杜伦大学", "United Kingdom", "Durham", "Europe/London", "English", "Europe",
     "durham.ac.uk", "en", "dormant"),
    ("University of Southampton", "南安普顿大学", "United Kingdom", "Southampton", "Europe/London", "English",
     "Europe", "soton.ac.uk", "en", "active"),
    ("Trinity College Dublin", "都柏林圣三一大学", "Ireland", "Dublin", "Europe/Dublin", "English, Irish", "Europe",
     "tcd.ie", "en", "active"),
    ("University College Dublin", "都柏林大学学院", "Ireland", "Dublin", "Europe/Dublin", "English, Irish", "Europe",
     "ucd.ie", "en", "active"),
    ("Heidelberg University", "海德堡大学", "Germany", "Heidelberg", "Europe/Berlin", "German, English", "Europe",
     "uni-heidelberg.de", "de", "active"),
    ("Humboldt University of Berlin", "柏林洪堡大学", "Germany", "Berlin", "Europe/Berlin", "German, English",
     "Europe", "hu-berlin.de", "de", "active"),
    ("RWTH Aachen University", "亚琛工业大学", "Germany", "Aachen", "Europe/Berlin", "German, English", "Europe",
     "rwth-aachen.de", "de", "active"),
    ("Karlsruhe Institute of Technology", "卡尔斯鲁厄理工学院", "Germany", "Karlsruhe", "Europe/Berlin",
     "German, English", "Europe", "kit.edu", "de", "active"),
    ("University of Göttingen", "哥廷根大学", "Germany", "Göttingen", "Europe/Berlin", "German, English", "Europe",
     "uni-goettingen.de", "de", "active"),
    ("Technical University of Berlin", "柏林工业大学", "Germany", "Berlin", "Europe/Berlin", "German, English",
     "Europe", "tu-berlin.de", "de", "active"),
    ("University of Hamburg", "汉堡大学", "Germany", "Hamburg", "Europe/Berlin", "German, English", "Europe",
     "uni-hamburg.de", "de", "active"),
    ("TU Dresden", "德累斯顿工业大学", "Germany", "Dresden", "Europe/Berlin", "German, English", "Europe",
     "tu-dresden.de", "de", "active"),
    ("Université PSL", "巴黎文理研究大学", "France", "Paris", "Europe/Paris", "French, English", "Europe", "psl.eu",
     "fr", "active"),
    ("École Polytechnique", "巴黎综合理工学院", "France", "Palaiseau", "Europe/Paris", "French, English", "Europe",
     "polytechnique.edu", "fr", "active"),
    ("Sciences Po", "巴黎政治学院", "France", "Paris", "Europe/Paris", "French, English", "Europe",
     "sciencespo.fr", "fr", "active"),
    ("Université Paris-Saclay", "巴黎萨克雷大学", "France", "Gif-sur-Yvette", "Europe/Paris", "French, English",
     "Europe", "universite-paris-saclay.fr", "fr", "active"),
    ("Université Grenoble Alpes", "格勒诺布尔-阿尔卑斯大学", "France", "Grenoble", "Europe/Paris", "French, English",
     "Europe", "univ-grenoble-alpes.fr", "fr", "active"),
    ("University of Strasbourg", "斯特拉斯堡大学", "France", "Strasbourg", "Europe/Paris", "French, English",
     "Europe", "unistra.fr", "fr", "active"),
    ("Delft University of Technology", "代尔夫特理工大学", "Netherlands", "Delft", "Europe/Amsterdam",
     "Dutch, English", "Europe", "tudelft.nl", "nl", "active"),
    ("Leiden University", "莱顿大学", "Netherlands", "Leiden", "Europe/Amsterdam", "Dutch, English", "Europe",
     "universiteitleiden.nl", "nl", "active"),
    ("Utrecht University", "乌得勒支大学", "Netherlands", "Utrecht", "Europe/Amsterdam", "Dutch, English", "Europe",
     "uu.nl", "nl", "active"),
    ("Erasmus University Rotterdam", "鹿特丹伊拉斯姆斯大学", "Netherlands", "Rotterdam", "Europe/Amsterdam",
     "Dutch, English", "Europe", "eur.nl", "nl", "active"),
    ("University of Groningen", "格罗宁根大学", "Netherlands", "Groningen", "Europe/Amsterdam", "Dutch, English",
     "Europe", "rug.nl", "nl", "active"),
    ("Wageningen University & Research", "瓦赫宁根大学", "Netherlands", "Wageningen", "Europe/Amsterdam",
     "Dutch, English", "Europe", "wur.nl", "nl", "active"),
    ("KU Leuven", "鲁汶大学", "Belgium", "Leuven", "Europe/Brussels", "Dutch, English", "Europe", "kuleuven.be",
     "nl", "active"),
    ("Ghent University", "根特大学", "Belgium", "Ghent", "Europe/Brussels", "Dutch, English", "Europe", "ugent.be",
     "nl", "active"),
    ("EPFL", "洛桑联邦理工学院", "Switzerland", "Lausanne", "Europe/Zurich", "French, English", "Europe", "epfl.ch",
     "fr", "active"),
    ("University of Zurich", "苏黎世大学", "Switzerland", "Zurich", "Europe/Zurich", "German, English", "Europe",
     "uzh.ch", "de", "active"),
    ("University of Geneva", "日内瓦大学", "Switzerland", "Geneva", "Europe/Zurich", "French, English", "Europe",
     "unige.ch", "fr", "active"),
    ("Lund University", "隆德大学", "Sweden", "Lund", "Europe/Stockholm", "Swedish, English", "Europe", "lu.se",
     "nordic", "active"),
    ("Uppsala University", "乌普萨拉大学", "Sweden", "Uppsala", "Europe/Stockholm", "Swedish, English", "Europe",
     "uu.se", "nordic", "active"),
    ("University of Copenhagen", "哥本哈根大学", "Denmark", "Copenhagen", "Europe/Copenhagen", "Danish, English",
     "Europe", "ku.dk", "nordic", "active"),
    ("Technical University of Denmark", "丹麦技术大学", "Denmark", "Kongens Lyngby", "Europe/Copenhagen",
     "Danish, English", "Europe", "dtu.dk", "nordic", "active"),
    ("Aarhus University", "奥胡斯大学", "Denmark", "Aarhus", "Europe/Copenhagen", "Danish, English", "Europe",
     "au.dk", "nordic", "active"),
    ("University of Oslo", "奥斯陆大学", "Norway", "Oslo", "Europe/Oslo", "Norwegian, English", "Europe", "uio.no",
     "nordic", "active"),
    ("Norwegian University of Science and Technology", "挪威科技大学", "Norway", "Trondheim", "Europe/Oslo",
     "Norwegian, English", "Europe", "ntnu.no", "nordic", "active"),
    ("Aalto University", "阿尔托大学", "Finland", "Espoo", "Europe/Helsinki", "Finnish, English", "Europe",
     "aalto.fi", "nordic", "active"),
    ("Politecnico di Milano", "米兰理工大学", "Italy", "Milan", "Europe/Rome", "Italian, English", "Europe",
     "polimi.it", "it", "active"),
    ("University of Bologna", "博洛尼亚大学", "Italy", "Bologna", "Europe/Rome", "Italian, English", "Europe",
     "unibo.it", "it", "active"),
    ("Sapienza University of Rome", "罗马大学", "Italy", "Rome", "Europe/Rome", "Italian, English", "Europe",
     "uniroma1.it", "it", "active"),
    ("University of Barcelona", "巴塞罗那大学", "Spain", "Barcelona", "Europe/Madrid", "Spanish, Catalan, English",
     "Europe", "ub.edu", "es", "active"),
    ("Autonomous University of Madrid", "马德里自治大学", "Spain", "Madrid", "Europe/Madrid", "Spanish, English",
     "Europe", "uam.es", "es", "active"),
    ("University of Vienna", "维也纳大学", "Austria", "Vienna", "Europe/Vienna", "German, English", "Europe",
     "univie.ac.at", "de", "active"),
    ("TU Wien", "维也纳技术大学", "Austria", "Vienna", "Europe/Vienna", "German, English", "Europe", "tuwien.at",
     "de", "active"),
    ("University of Lisbon", "里斯本大学", "Portugal", "Lisbon", "Europe/Lisbon", "Portuguese, English", "Europe",
     "ulisboa.pt", "es", "active"),
    ("University of Porto", "波尔图大学", "Portugal", "Porto", "Europe/Lisbon", "Portuguese, English", "Europe",
     "up.pt", "es", "active"),
    ("Charles University", "布拉格查理大学", "Czech Republic", "Prague", "Europe/Prague", "Czech, English", "Europe",
     "cuni.cz", "en", "active"),
    ("University of Warsaw", "华沙大学", "Poland", "Warsaw", "Europe/Warsaw", "Polish, English", "Europe",
     "uw.edu.pl", "en", "active"),
    ("Eötvös Loránd University", "罗兰大学", "Hungary", "Budapest", "Europe/Budapest", "Hungarian, English",
     "Europe", "elte.hu", "en", "active"),
    ("Koç University", "科奇大学", "Türkiye", "Istanbul", "Europe/Istanbul", "Turkish, English", "Europe",
     "ku.edu.tr", "en", "active"),
    ("Tel Aviv University", "特拉维夫大学", "Israel", "Tel Aviv", "Asia/Jerusalem", "Hebrew, English",
     "Middle East", "tau.ac.il", "en", "active"),
    ("Khalifa University", "哈利法大学", "United Arab Emirates", "Abu Dhabi", "Asia/Dubai", "Arabic, English",
     "Middle East", "ku.ac.ae", "en", "active"),
    ("Harvard University", "哈佛大学", "United States", "Cambridge, MA", "America/New_York", "English",
     "North America", "harvard.edu", "en", "active"),
    ("Massachusetts Institute of Technology", "麻省理工学院", "United States", "Cambridge, MA", "America/New_York",
     "English", "North America", "mit.edu", "en", "active"),
    ("Yale University", "耶鲁大学", "United States", "New Haven", "America/New_York", "English", "North America",
     "yale.edu", "en", "active"),
    ("Cornell University", "康奈尔大学", "United States", "Ithaca", "America/New_York", "English", "North America",
     "cornell.edu", "en", "active"),
    ("University of Pennsylvania", "宾夕法尼亚大学", "United States", "Philadelphia", "America/New_York", "English",
     "North America", "upenn.edu", "en", "active"),
    ("Duke University", "杜克大学", "United States", "Durham, NC", "America/New_York", "English", "North America",
     "duke.edu", "en", "active"),
    ("Johns Hopkins University", "约翰斯·霍普金斯大学", "United States", "Baltimore", "America/New_York", "English",
     "North America", "jhu.edu", "en", "active"),
    ("Georgia Institute of Technology", "佐治亚理工学院", "United States", "Atlanta", "America/New_York", "English",
     "North America", "gatech.edu", "en", "active"),
    ("University of Michigan", "密歇根大学", "United States", "Ann Arbor", "America/Detroit", "English",
     "North America", "umich.edu", "en", "active"),
    ("University of Chicago", "芝加哥大学", "United States", "Chicago", "America/Chicago", "English",
     "North America", "uchicago.edu", "en", "active"),
    ("University of Illinois Urbana-Champaign", "伊利诺伊大学厄巴纳-香槟分校", "United States", "Urbana",
     "America/Chicago", "English", "North America", "illinois.edu", "en", "active"),
    ("University of Texas at Austin", "德克萨斯大学奥斯汀分校", "United States", "Austin", "America/Chicago",
     "English", "North America", "utexas.edu", "en", "active"),
    ("University of Wisconsin–Madison", "威斯康星大学麦迪逊分校", "United States", "Madison", "America/Chicago",
     "English", "North America", "wisc.edu", "en", "active"),
    ("University of Colorado Boulder", "科罗拉多大学博尔德分校", "United States", "Boulder", "America/Denver",
     "English", "North America", "colorado.edu", "en", "active"),
    ("Arizona State University", "亚利桑那州立大学", "United States", "Tempe", "America/Phoenix", "English",
     "North America", "asu.edu", "en", "active"),
    ("Stanford University", "斯坦福大学", "United States", "Stanford", "America/Los_Angeles", "English",
     "North America", "stanford.edu", "en", "active"),
    ("University of California, Los Angeles", "加州大学洛杉矶分校", "United States", "Los Angeles",
     "America/Los_Angeles", "English", "North America", "ucla.edu", "en", "active"),
    ("University of Washington", "华盛顿大学", "United States", "Seattle", "America/Los_Angeles", "English",
     "North America", "washington.edu", "en", "active"),
    ("University of Hawaiʻi at Mānoa", "夏威夷大学马诺阿分校", "United States", "Honolulu", "Pacific/Honolulu",
     "English", "North America", "manoa.hawaii.edu", "en", "dormant"),
    ("McGill University", "麦吉尔大学", "Canada", "Montreal", "America/Toronto", "English, French", "North America",
     "mcgill.ca", "en", "active"),
    ("University of British Columbia", "英属哥伦比亚大学", "Canada", "Vancouver", "America/Vancouver", "English",
     "North America", "ubc.ca", "en", "active"),
    ("University of Alberta", "阿尔伯塔大学", "Canada", "Edmonton", "America/Edmonton", "English",
     "North America", "ualberta.ca", "en", "active"),
    ("Dalhousie University", "达尔豪斯大学", "Canada", "Halifax", "America/Halifax", "English", "North America",
     "dal.ca", "en", "active"),
    ("University of Chile", "智利大学", "Chile", "Santiago", "America/Santiago", "Spanish", "Latin America",
     "uchile.cl", "es", "active"),
    ("Tecnológico de Monterrey", "蒙特雷科技大学", "Mexico", "Monterrey", "America/Monterrey", "Spanish, English",
     "Latin America", "tec.mx", "es", "active"),
    ("National Autonomous University of Mexico", "墨西哥国立自治大学", "Mexico", "Mexico City", "America/Mexico_City",
     "Spanish", "Latin America", "unam.mx", "es", "active"),
    ("University of São Paulo", "圣保罗大学", "Brazil", "São Paulo", "America/Sao_Paulo", "Portuguese, English",
     "Latin America", "usp.br", "es", "active"),
    ("University of Buenos Aires", "布宜诺斯艾利斯大学", "Argentina", "Buenos Aires",
     "America/Argentina/Buenos_Aires", "Spanish", "Latin America", "uba.ar", "es", "active"),
    ("University of the Andes", "安第斯大学", "Colombia", "Bogotá", "America/Bogota", "Spanish, English",
     "Latin America", "uniandes.edu.co", "es", "active"),
    ("Australian National University", "澳大利亚国立大学", "Australia", "Canberra", "Australia/Sydney", "English",
     "Oceania", "anu.edu.au", "en", "active"),
    ("UNSW Sydney", "新南威尔士大学", "Australia", "Sydney", "Australia/Sydney", "English", "Oceania",
     "unsw.edu.au", "en", "active"),
    ("Monash University", "莫纳什大学", "Australia", "Melbourne", "Australia/Melbourne", "English", "Oceania",
     "monash.edu", "en", "active"),
    ("University of Western Australia", "西澳大学", "Australia", "Perth", "Australia/Perth", "English", "Oceania",
     "uwa.edu.au", "en", "active"),
    ("University of Adelaide", "阿德莱德大学", "Australia", "Adelaide", "Australia/Adelaide", "English", "Oceania",
     "adelaide.edu.au", "en", "active"),
    ("University of Tasmania", "塔斯马尼亚大学", "Australia", "Hobart", "Australia/Hobart", "English", "Oceania",
     "utas.edu.au", "en", "active"),
    ("University of Otago", "奥塔哥大学", "New Zealand", "Dunedin", "Pacific/Auckland", "English", "Oceania",
     "otago.ac.nz", "en", "active"),
    ("Victoria University of Wellington", "惠灵顿维多利亚大学", "New Zealand", "Wellington", "Pacific/Auckland",
     "English", "Oceania", "wgtn.ac.nz", "en", "active"),
    ("Kyoto University", "京都大学", "Japan", "Kyoto", "Asia/Tokyo", "Japanese, English", "East Asia",
     "kyoto-u.ac.jp", "ja", "active"),
    ("Osaka University", "大阪大学", "Japan", "Suita", "Asia/Tokyo", "Japanese, English", "East Asia",
     "osaka-u.ac.jp", "ja", "active"),
    ("Tohoku University", "东北大学（日本）", "Japan", "Sendai", "Asia/Tokyo", "Japanese, English", "East Asia",
     "tohoku.ac.jp", "ja", "active"),
    ("Waseda University", "早稻田大学", "Japan", "Tokyo", "Asia/Tokyo", "Japanese, English", "East Asia",
     "waseda.jp", "ja", "active"),
    ("Keio University", "庆应义塾大学", "Japan", "Tokyo", "Asia/Tokyo", "Japanese, English", "East Asia",
     "keio.ac.jp", "ja", "active"),
    ("KAIST", "韩国科学技术院", "South Korea", "Daejeon", "Asia/Seoul", "Korean, English", "East Asia",
     "kaist.ac.kr", "ko", "active"),
    ("Yonsei University", "延世大学", "South Korea", "Seoul", "Asia/Seoul", "Korean, English", "East Asia",
     "yonsei.ac.kr", "ko", "active"),
    ("Korea University", "高丽大学", "South Korea", "Seoul", "Asia/Seoul", "Korean, English", "East Asia",
     "korea.ac.kr", "ko", "active"),
    ("Nanyang Technological University", "南洋理工大学", "Singapore", "Singapore", "Asia/Singapore",
     "English, Chinese", "Southeast Asia", "ntu.edu.sg", "asia", "active"),
    ("Universiti Malaya", "马来亚大学", "Malaysia", "Kuala Lumpur", "Asia/Kuala_Lumpur", "Malay, English",
     "Southeast Asia", "um.edu.my", "asia", "active"),
    ("Chulalongkorn University", "朱拉隆功大学", "Thailand", "Bangkok", "Asia/Bangkok", "Thai, English",
     "Southeast Asia", "chula.ac.th", "asia", "active"),
    ("Mahidol University", "玛希隆大学", "Thailand", "Nakhon Pathom", "Asia/Bangkok", "Thai, English",
     "Southeast Asia", "mahidol.ac.th", "asia", "active"),
    ("Universitas Indonesia", "印度尼西亚大学", "Indonesia", "Depok", "Asia/Jakarta", "Indonesian, English",
     "Southeast Asia", "ui.ac.id", "asia", "active"),
    ("Vietnam National University, Hanoi", "越南河内国家大学", "Vietnam", "Hanoi", "Asia/Ho_Chi_Minh",
     "Vietnamese, English", "Southeast Asia", "vnu.edu.vn", "asia", "active"),
    ("Ateneo de Manila University", "马尼拉雅典耀大学", "Philippines", "Quezon City", "Asia/Manila",
     "English, Filipino", "Southeast Asia", "ateneo.edu", "asia", "active"),
    ("Indian Institute of Technology Bombay", "印度理工学院孟买分校", "India", "Mumbai", "Asia/Kolkata",
     "English, Hindi", "South Asia", "iitb.ac.in", "asia", "active"),
    ("Indian Institute of Science", "印度科学理工学院", "India", "Bengaluru", "Asia/Kolkata", "English",
     "South Asia", "iisc.ac.in", "asia", "active"),
    ("University of the Witwatersrand", "金山大学", "South Africa", "Johannesburg", "Africa/Johannesburg",
     "English", "Africa", "wits.ac.za", "en", "active"),
    ("Stellenbosch University", "斯泰伦博斯大学", "South Africa", "Stellenbosch", "Africa/Johannesburg",
     "English, Afrikaans", "Africa", "sun.ac.za", "en", "active"),
    ("Cairo University", "开罗大学", "Egypt", "Giza", "Africa/Cairo", "Arabic, English", "Africa", "cu.edu.eg",
     "en", "active"),
    ("University of Nairobi", "内罗毕大学", "Kenya", "Nairobi", "Africa/Nairobi", "English, Swahili", "Africa",
     "uonbi.ac.ke", "en", "active"),
]

# Working language of a partner -> the code used for interpretation pairs.
LANGUAGE_CODES = {
    "German": "de", "Dutch": "nl", "Swedish": "sv", "Finnish": "fi", "French": "fr", "Spanish": "es",
    "Japanese": "ja", "Korean": "ko", "Italian": "it", "Portuguese": "pt", "Danish": "da", "Norwegian": "no",
}

CONTACT_NAMES: dict[str, tuple[list[str], list[str]]] = {
    "en": (["Emma", "Oliver", "Sarah", "James", "Hannah", "Daniel", "Laura", "Michael", "Rachel", "Thomas",
            "Sophie", "David", "Catherine", "Andrew", "Jessica", "Matthew", "Olivia", "Peter", "Grace", "Richard"],
           ["Smith", "Brown", "Taylor", "Wilson", "Clarke", "Walker", "Robinson", "Hughes", "Wright", "Green",
            "Evans", "Thompson", "Mitchell", "Campbell", "Morgan", "Bennett", "Cooper", "Reid", "Murphy", "Kelly"]),
    "de": (["Anna", "Lukas", "Katharina", "Jonas", "Julia", "Felix", "Lena", "Maximilian", "Sabine", "Stefan"],
           ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schulz"]),
    "fr": (["Camille", "Julien", "Claire", "Nicolas", "Marie", "Antoine", "Élodie", "Mathieu"],
           ["Martin", "Bernard", "Dubois", "Laurent", "Lefèvre", "Moreau", "Girard", "Fontaine"]),
    "nl": (["Sanne", "Daan", "Lotte", "Bram", "Femke", "Jeroen", "Eva", "Pieter"],
           ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Mulder"]),
    "nordic": (["Elin", "Erik", "Ingrid", "Johan", "Sofia", "Mikko", "Aino", "Lars", "Freja", "Henrik"],
               ["Andersson", "Lindqvist", "Johansson", "Virtanen", "Korhonen", "Nielsen", "Hansen", "Larsen",
                "Berg", "Nyström"]),
    "es": (["María", "Javier", "Camila", "Andrés", "Valentina", "Diego", "Lucía", "Mateus", "Beatriz", "Rafael"],
           ["González", "Rodríguez", "Muñoz", "Rojas", "Fernández", "Silva", "Pereira", "Soto", "Herrera",
            "Oliveira"]),
    "it": (["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro"],
           ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano"]),
    "ja": (["Yuki", "Haruto", "Aiko", "Kenji", "Sakura", "Takashi", "Mei", "Hiroshi"],
           ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"]),
    "ko": (["Ji-woo", "Min-jun", "Seo-yeon", "Hyun-woo", "Su-bin", "Jae-hyun"],
           ["Kim", "Lee", "Park", "Choi", "Jung", "Kang"]),
    "asia": (["Wei Ling", "Arjun", "Siti", "Daniel", "Priya", "Marcus", "Nur", "Anh"],
             ["Tan", "Lim", "Ng", "Rahman", "Nair", "Wong", "Santos", "Nguyen"]),
}
CONTACT_POSITIONS = ["Director", "Head of Service", "Deputy Director", "Manager", "Senior Adviser", "Coordinator",
                     "International Relations Officer"]

# (Chinese surname, pinyin)
SURNAMES: list[tuple[str, str]] = [
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"),
    ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"),
    ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"), ("高", "Gao"), ("罗", "Luo"), ("郑", "Zheng"),
    ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"), ("唐", "Tang"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"),
    ("曹", "Cao"), ("彭", "Peng"), ("曾", "Zeng"), ("田", "Tian"), ("董", "Dong"), ("潘", "Pan"), ("袁", "Yuan"),
    ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"), ("杜", "Du"), ("叶", "Ye"), ("程", "Cheng"), ("魏", "Wei"),
    ("苏", "Su"), ("吕", "Lyu"), ("丁", "Ding"), ("任", "Ren"), ("沈", "Shen"), ("姚", "Yao"), ("卢", "Lu"),
    ("傅", "Fu"), ("钟", "Zhong"), ("崔", "Cui"), ("谭", "Tan"), ("范", "Fan"), ("廖", "Liao"), ("石", "Shi"),
    ("金", "Jin"), ("贾", "Jia"), ("夏", "Xia"), ("方", "Fang"), ("邹", "Zou"), ("熊", "Xiong"), ("白", "Bai"),
    ("孟", "Meng"), ("秦", "Qin"), ("邱", "Qiu"), ("侯", "Hou"), ("薛", "Xue"), ("段", "Duan"), ("雷", "Lei"),
    ("龙", "Long"), ("陶", "Tao"), ("顾", "Gu"), ("毛", "Mao"), ("郝", "Hao"), ("邵", "Shao"), ("钱", "Qian"),
    ("严", "Yan"), ("戴", "Dai"), ("孔", "Kong"), ("常", "Chang"), ("汪", "Wang"), ("陆", "Lu"), ("俞", "Yu"),
]
GIVEN_NAMES: list[tuple[str, str]] = [
    ("丽", "Li"), ("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("强", "Qiang"),
    ("磊", "Lei"), ("军", "Jun"), ("洋", "Yang"), ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"), ("涛", "Tao"),
    ("明", "Ming"), ("超", "Chao"), ("秀英", "Xiuying"), ("霞", "Xia"), ("平", "Ping"), ("华", "Hua"),
    ("建华", "Jianhua"), ("晓东", "Xiaodong"), ("海燕", "Haiyan"), ("雪", "Xue"), ("婷", "Ting"), ("欣怡", "Xinyi"),
    ("子轩", "Zixuan"), ("浩然", "Haoran"), ("思远", "Siyuan"), ("佳怡", "Jiayi"), ("宇航", "Yuhang"),
    ("文博", "Wenbo"), ("晨", "Chen"), ("颖", "Ying"), ("琳", "Lin"), ("昊", "Hao"), ("鹏", "Peng"), ("慧", "Hui"),
    ("玲", "Ling"), ("倩", "Qian"), ("凯", "Kai"), ("博", "Bo"), ("宁", "Ning"), ("悦", "Yue"), ("瑶", "Yao"),
    ("志强", "Zhiqiang"), ("立新", "Lixin"), ("振宇", "Zhenyu"), ("梦琪", "Mengqi"), ("一鸣", "Yiming"),
    ("若曦", "Ruoxi"), ("天宇", "Tianyu"), ("嘉欣", "Jiaxin"), ("俊杰", "Junjie"), ("雨涵", "Yuhan"),
    ("晓明", "Xiaoming"), ("丹", "Dan"), ("蕾", "Lei"), ("琦", "Qi"), ("斌", "Bin"), ("亮", "Liang"), ("辉", "Hui"),
    ("雯", "Wen"), ("一然", "Yiran"), ("佳琪", "Jiaqi"), ("晓燕", "Xiaoyan"), ("国庆", "Guoqing"), ("红梅", "Hongmei"),
]
POSITIONS = ["Section Chief", "Senior Officer", "Officer", "Officer", "Programme Coordinator", "Assistant Director",
             "Senior Specialist", "Specialist"]

# Content per topic area: proposal titles, panel titles, the partner's unit, and what people learn and share.
AREA_CONTENT: dict[str, dict[str, list[str] | str]] = {
    "Student mental health": {
        "titles": ["Peer support programmes for first-year students", "Crisis intervention and referral pathways",
                   "Digital mental health services at scale", "Supporting international students' wellbeing",
                   "Counsellor training and supervision"],
        "panels": ["Peer supporter recruitment and training", "Early-warning signals and referral",
                   "Online counselling platforms", "Wellbeing during exam periods",
                   "Working with residential advisers", "Measuring service outcomes"],
        "unit": "Student Wellbeing Service",
        "learn": ["how they triage demand when waiting lists grow", "their referral protocol with local hospitals",
                  "how peer supporters are trained and supervised"],
        "share": ["our four-level early-warning network in dormitories", "the psychology course taken by all freshmen",
                  "our 24-hour hotline rota"],
    },
    "Asset management": {
        "titles": ["Lifecycle management of research equipment", "Shared instrument platforms",
                   "Asset disposal and sustainability", "RFID inventory of teaching assets",
                   "Space allocation and utilisation"],
        "panels": ["Equipment sharing platforms", "Annual inventory with RFID", "Disposal, reuse and recycling",
                   "Space utilisation data", "Procurement-to-asset handover", "Audit readiness"],
        "unit": "Estates and Facilities",
        "learn": ["how shared instruments are booked and charged", "their rules for disposing of obsolete equipment",
                  "how space use is measured and reallocated"],
        "share": ["our campus-wide large-instrument sharing platform", "the RFID pilot in two schools",
                  "our asset data dashboard"],
    },
    "Faculty recruitment": {
        "titles": ["Attracting international early-career faculty", "Tenure-track search committees",
                   "Dual-career support for new faculty", "Onboarding of overseas hires",
                   "Diversity in academic hiring"],
        "panels": ["Search committee practice", "Interview and campus visit design",
                   "Start-up packages and negotiation", "Relocation and dual-career support",
                   "Onboarding in the first year", "Evaluating recruitment outcomes"],
        "unit": "Academic Recruitment, Human Resources",
        "learn": ["how search committees are composed and trained", "what dual-career support they offer",
                  "how they evaluate whether a hire worked out"],
        "share": ["our tenure-track reform since 2015", "the one-stop service for overseas hires",
                  "our online recruitment fairs"],
    },
    "General courses": {
        "titles": ["Designing a core curriculum for all undergraduates", "Interdisciplinary general education seminars",
                   "Assessment of general education outcomes", "Writing and communication across the curriculum",
                   "Online and blended general courses"],
        "panels": ["Core curriculum design", "Seminar teaching at scale", "Learning outcomes assessment",
                   "Writing programmes", "Blended course delivery", "Student feedback loops"],
        "unit": "Undergraduate Curriculum Office",
        "learn": ["how they assess general education outcomes", "how small seminars are staffed",
                  "how writing is taught outside the English department"],
        "share": ["our general education core of four modules", "the MOOC-based blended courses",
                  "our student course evaluation system"],
    },
    "Student affairs": {
        "titles": ["Residential college life", "Student leadership development", "Student conduct and due process",
                   "Supporting first-generation students", "Student clubs governance"],
        "panels": ["Residential life programmes", "Leadership training pathways", "Conduct cases and appeals",
                   "First-generation student support", "Clubs funding and oversight", "Student voice in governance"],
        "unit": "Student Life Office",
        "learn": ["how residential tutors are selected", "how student conduct cases are heard",
                  "what first-generation students are offered"],
        "share": ["our counsellor-per-200-students model", "the student leadership school",
                  "our clubs registration platform"],
    },
    "Research administration": {
        "titles": ["Pre-award support for large grants", "Research integrity training",
                   "Managing international research contracts", "Research data management policy",
                   "Research impact assessment"],
        "panels": ["Pre-award support teams", "Integrity training and cases", "Contract negotiation",
                   "Data management plans", "Measuring research impact", "Working with funders"],
        "unit": "Research Office",
        "learn": ["how pre-award teams support large bids", "how integrity training is made compulsory",
                  "how impact case studies are collected"],
        "share": ["our project management system", "the integrity course for graduate students",
                  "our contract templates for joint labs"],
    },
    "Library services": {
        "titles": ["Open access publishing support", "Research data services in the library",
                   "Library spaces for collaborative learning", "Information literacy teaching",
                   "Digitisation of special collections"],
        "panels": ["Open access agreements", "Research data services", "Learning spaces redesign",
                   "Information literacy in the curriculum", "Digitisation workflows", "Library analytics"],
        "unit": "University Library",
        "learn": ["how transformative open access agreements are negotiated",
                  "how the library supports data management plans", "how learning spaces are evaluated"],
        "share": ["our 24-hour reading rooms", "the subject librarian programme", "our special collections portal"],
    },
    "Campus safety": {
        "titles": ["Emergency preparedness drills", "Laboratory safety culture", "Campus access control and privacy",
                   "Safety of large events", "Night-time safety services"],
        "panels": ["Emergency drills", "Laboratory safety inspections", "Access control and privacy",
                   "Large events planning", "Night-time services", "Incident reporting"],
        "unit": "Campus Security",
        "learn": ["how emergency drills are run with students", "how lab safety is inspected",
                  "how access control respects privacy"],
        "share": ["our campus-wide emergency broadcast system", "the lab safety certification for students",
                  "our smart gate system"],
    },
    "Career services": {
        "titles": ["Employer engagement and internships", "Career education in the curriculum",
                   "Alumni mentoring for job seekers", "Graduate outcomes surveys",
                   "Supporting international job seekers"],
        "panels": ["Employer partnerships", "Career modules in degree programmes", "Alumni mentoring",
                   "Graduate outcomes data", "International job seekers", "Careers advice online"],
        "unit": "Careers Service",
        "learn": ["how employers are engaged all year", "how graduate outcomes are surveyed",
                  "how career education is embedded in courses"],
        "share": ["our online job fair platform", "the career planning course", "our employer database"],
    },
    "International students": {
        "titles": ["Orientation for international students", "Language and cultural integration",
                   "Visa and immigration advising", "International student recruitment", "Buddy programmes"],
        "panels": ["Orientation week", "Language support", "Visa advising", "Recruitment channels",
                   "Buddy programmes", "Integration with local students"],
        "unit": "International Student Support",
        "learn": ["how orientation is organised online and on site", "how buddy programmes are run",
                  "how they advise on visas and work permits"],
        "share": ["our Chinese language and culture programme", "the international student ambassador team",
                  "our online application system"],
    },
    "Digital campus": {
        "titles": ["Unified campus identity and access", "Data governance for university services",
                   "One-stop online service hall", "Cybersecurity awareness", "AI tools in administration"],
        "panels": ["Identity and access management", "Data governance", "Online service hall",
                   "Cybersecurity awareness", "AI in administration", "IT service management"],
        "unit": "IT Services",
        "learn": ["how data governance roles are defined", "how AI tools are approved for staff",
                  "how cybersecurity training reaches all staff"],
        "share": ["our one-stop online service hall", "the campus data platform", "our unified identity system"],
    },
    "Alumni relations": {
        "titles": ["Engaging young alumni", "Alumni giving programmes", "Overseas alumni chapters",
                   "Alumni lifelong learning", "Alumni data and CRM"],
        "panels": ["Young alumni engagement", "Giving campaigns", "Overseas chapters",
                   "Lifelong learning offers", "Alumni CRM", "Alumni volunteers"],
        "unit": "Alumni Relations and Development",
        "learn": ["how young alumni are kept engaged", "how overseas chapters are supported",
                  "how the alumni CRM is maintained"],
        "share": ["our alumni network in 40 countries", "the homecoming day", "our alumni mentoring scheme"],
    },
}
GENERIC_CONTENT: dict[str, list[str] | str] = {
    "titles": ["Good practice in service design", "Using data in daily management", "Staff development",
               "Working across departments", "Student feedback and service quality"],
    "panels": ["Service design", "Data in daily management", "Staff development", "Cross-department work",
               "Student feedback", "Quality assurance"],
    "unit": "International Office",
    "learn": ["how services are evaluated", "how staff are trained", "how data informs decisions"],
    "share": ["our service standards", "our staff training scheme", "our management dashboard"],
}
ZH_LEARN = ["希望了解对方在{area}方面的制度设计和工作流程。", "重点学习对方如何利用数据改进{area}工作。",
            "希望借鉴对方在{area}中跨部门协作的经验。", "了解对方在{area}方面的人员培训与考核办法。"]
ZH_SHARE = ["介绍我校在{area}方面的近年改革与成效。", "分享我校{area}数字化平台的建设经验。",
            "介绍我校{area}工作中学生参与的做法。", "分享我校在{area}方面的典型案例。"]
OUTCOMES = [
    "The partner shared their protocol and templates; we will adapt them for a pilot next semester.",
    "Both sides agreed to exchange data on service use and compare results in the next round.",
    "We agreed to draft a joint short guide for staff and to meet again online in three months.",
    "The partner invited two of our colleagues for a study visit; details to follow by email.",
    "Clear differences in scale; their small-team model is not transferable, but the evaluation method is.",
    "双方同意共享相关制度文件，并于下学期开展第二轮交流。",
]
CANCEL_REASONS = ["Cancelled: the partner's examination period was moved.",
                  "Cancelled at short notice: network outage.",
                  "Cancelled: key speakers unavailable; to be rescheduled.",
                  "Cancelled by the partner (strike action)."]
REVIEW_NOTES = {
    ReviewStatus.NOT_SUBMITTED: "",
    ReviewStatus.SUBMITTED: "",
    ReviewStatus.UNDER_REVIEW: "Assigned for review.",
    ReviewStatus.REVISION_REQUESTED: "Please add concrete steps for our own department and shorten the summary.",
    ReviewStatus.ACCEPTED: "Clear, practical and well argued.",
    ReviewStatus.REJECTED: "Mostly a description of the workshop; no proposal for our own practice.",
}
FINDINGS = [
    "The department applied two practices learned from the partner; staff found the panels very practical.",
    "Interpretation worked well; participants asked for more time in the breakout rooms.",
    "Preparation notes were thin; the department will brief participants earlier next time.",
    "部门认为交流主题贴近实际工作，已将部分做法纳入下学期工作计划。",
    "The multi-round format helped: the second round built on questions from the first.",
    "Participants valued the contact with counterparts more than the presentations.",
]
ACTIONS = [
    "Circulate the partner's templates to all sections", "Pilot the new referral procedure in one school",
    "Nominate two colleagues for a study visit", "Prepare a short Chinese summary for the department meeting",
    "Invite the partner to a return workshop", "Update the department's training plan",
]
FOLLOW_UP_SUMMARIES = {
    ContactChannel.EMAIL: ["Exchanged the updated policy documents.", "双方通过邮件交换了最新的工作指南。",
                           "Partner asked for our survey instrument; sent with a short note."],
    ContactChannel.VIDEO_CALL: ["Short video call on the pilot results.", "Online meeting to plan a joint webinar."],
    ContactChannel.VISIT: ["Met the partner's delegation during their visit to Shanghai.",
                           "Visited the partner's service centre during a study trip."],
    ContactChannel.CONFERENCE: ["Met at an international conference; discussed a joint session next year."],
}
# (reason, direction of the officer's adjustment)
VISIT_REASONS = [("Led the follow-up pilot with the partner", 1), ("Already visited this partner last year", -1),
                 ("Presented the exchange at the university's management forum", 1),
                 ("Department asked to give priority to a newer colleague", -1)]
OFFICERS: list[tuple[str, str]] = [("陈静", "Jing Chen"), ("刘洋", "Yang Liu"), ("赵敏", "Min Zhao"),
                                   ("孙浩", "Hao Sun"), ("徐雯", "Wen Xu")]
# Dates with no workshops: National Day week, the Christmas break abroad, Labour Day.
BLACKOUTS = [((10, 1), (10, 8)), ((12, 21), (12, 31)), ((1, 1), (1, 4)), ((5, 1), (5, 5))]


# ---- public API ---------------------------------------------------------------------------------------------------
def database_is_empty(session: Session) -> bool:
    """True when no semester, department, partner, person or exchange exists (reference lists don't count)."""
    for model in (Semester, Department, Partner, Person, Exchange):
        if session.scalar(select(model.id).limit(1)) is not None:
            return False
    return True


def fill_demo(
    session: Session,
    size: Size = "small",
    *,
    seed: int = 2026,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoCounts:
    """Add a realistic demo data set and flush it; the caller commits or rolls back.

    `today` decides which workshops are past (held) and which are planned; it defaults
    to the current date, and with the same seed and day the data are the same.
    """
    if size not in PLANS:
        raise ValueError(f"unknown demo size {size!r}; choose small or large")
    builder = _Builder(session, PLANS[size], random.Random(seed), today or date.today(), progress)
    return builder.run()


# ---- records kept while building --------------------------------------------------------------------------------
# eq=False: records are compared by identity; they refer to each other, so field-wise equality would be slow.
@dataclass(eq=False)
class _Semester:
    id: int
    name: str
    starts_on: date
    ends_on: date
    topic_deadline: date | None


@dataclass(eq=False)
class _Area:
    id: int | None
    name_en: str
    name_zh: str
    content: dict[str, list[str] | str]


@dataclass(eq=False)
class _Person:
    id: int
    department: _Department
    name_en: str
    name_zh: str

    @property
    def display(self) -> str:
        return f"{self.name_zh} {self.name_en}"


@dataclass(eq=False)
class _Department:
    id: int
    name_en: str
    name_zh: str
    code: str
    area: _Area
    people: list[_Person] = field(default_factory=list)


@dataclass(eq=False)
class _Contact:
    id: int
    partner: _Partner
    name: str
    unit: str


@dataclass(eq=False)
class _Partner:
    id: int
    name: str
    name_zh: str
    zone: ZoneInfo
    region: str
    domain: str
    language: str  # code of the first non-English working language, or "en"
    status: str
    contacts: list[_Contact] = field(default_factory=list)


@dataclass(eq=False)
class _Proposal:
    semester: _Semester
    department: _Department
    area: _Area
    title: str
    status: ProposalStatus
    row: dict[str, Any]
    id: int = 0


@dataclass(eq=False)
class _Workshop:
    exchange: _Exchange
    round_number: int
    starts_at: datetime
    duration: int
    status: WorkshopStatus
    interpreter: str
    language_pair: str
    id: int = 0
    continues_independently: bool = False


@dataclass(eq=False)
class _Participation:
    person: _Person
    exchange: _Exchange
    role: ParticipantRole
    id: int = 0


@dataclass(eq=False)
class _Exchange:
    semester: _Semester
    proposal: _Proposal
    kind: ExchangeKind
    rounds: int
    partners: list[_Partner]
    departments: list[_Department]
    contacts: list[_Contact]
    id: int = 0
    workshops: list[_Workshop] = field(default_factory=list)
    participants: list[_Participation] = field(default_factory=list)

    @property
    def last_round_held(self) -> bool:
        return bool(self.workshops) and self.workshops[-1].status is WorkshopStatus.HELD

    @property
    def partner_label(self) -> str:
        return " and ".join(partner.name for partner in self.partners)


# ---- helpers --------------------------------------------------------------------------------------------------------
def _ascii(value: str) -> str:
    """Email-safe lower-case letters: 'Müller' -> 'muller', 'de Jong' -> 'dejong'."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if ch in string.ascii_letters).lower()


def _zone(name: str, fallback: str = "UTC") -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(fallback)


def _in_blackout(day: date) -> bool:
    return any((m1, d1) <= (day.month, day.day) <= (m2, d2) for (m1, d1), (m2, d2) in BLACKOUTS)


def _semester_key(today: date) -> tuple[int, int]:
    """(year, 0 = Spring / 1 = Fall) of the semester running on `today` (summer counts as Spring)."""
    if today.month >= 9:
        return today.year, 1
    if today.month >= 2:
        return today.year, 0
    return today.year - 1, 1


def _semester_dates(year: int, term: int) -> tuple[str, date, date, date]:
    """Name, first day (a Monday), last day and topic deadline of a semester."""
    if term == 0:
        start = date(year, 2, 20)
        end = date(year, 7, 10)
        deadline = date(year - 1, 12, 12)
        name = f"{year} Spring"
    else:
        start = date(year, 9, 8)
        end = date(year + 1, 1, 18)
        deadline = date(year, 6, 20)
        name = f"{year} Fall"
    start += timedelta(days=(7 - start.weekday()) % 7)
    return name, start, end, deadline


def _inconvenience(start: datetime, minutes: int, zone: ZoneInfo, office_end: int) -> int:
    """How unwelcome a meeting is in local time: nothing in office hours (08:00 to `office_end`),
    a little for an early start or an evening, much for the night, a weekend or a midnight crossing."""
    local = start.astimezone(zone)
    begin = local.hour * 60 + local.minute
    end = begin + minutes
    if end > 24 * 60:
        return 10_000
    # (from, to, cost per minute) over the local day, in minutes after midnight
    bands = ((0, 420, 3), (420, 480, 1), (480, office_end, 0), (office_end, 1290, 1), (1290, 1440, 3))
    penalty = sum(max(0, min(end, hi) - max(begin, lo)) * cost for lo, hi, cost in bands)
    if local.weekday() >= 5:
        penalty += 1_000
    return penalty


def _weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    values = [value for value, _weight in options]
    weights = [weight for _value, weight in options]
    return rng.choices(values, weights)[0]


# ---- the builder ----------------------------------------------------------------------------------------------------
class _Builder:
    """Draws the data in a fixed order (so a seed reproduces it) and bulk-inserts each table."""

    STAGES = ["Reference data", "Semesters", "Departments and staff", "Partner universities",
              "Topic proposals and outreach", "Exchanges", "Workshops", "Participants", "Panels and speakers",
              "Attendance and preparation", "Reports", "Evaluations", "Follow-up contacts and visit priorities"]

    def __init__(self, session: Session, plan: _Plan, rng: random.Random, today: date,
                 progress: Progress | None) -> None:
        self.session = session
        self.plan = plan
        self.rng = rng
        self.today = today
        self.now = datetime.combine(today, time(0), tzinfo=UTC)
        self.progress = progress
        self.stage_index = 0
        self.counts: dict[str, int] = defaultdict(int)
        self.stamp = datetime.now(UTC)
        self.dialect = session.get_bind().dialect.name
        self.areas: list[_Area] = []
        self.rubric_ids: list[int] = []
        self.semesters: list[_Semester] = []
        self.departments: list[_Department] = []
        self.people: list[_Person] = []
        self.partners: list[_Partner] = []
        self.proposals: list[_Proposal] = []
        self.exchanges: list[_Exchange] = []
        self.workshops: list[_Workshop] = []
        self.participations: list[_Participation] = []
        self.interpreters: list[str] = []
        self.interpreter_bookings: dict[tuple[str, date], list[tuple[datetime, datetime]]] = defaultdict(list)
        self.busy_department_days: set[tuple[int, date]] = set()
        self.accepted_reports: list[tuple[_Participation, date, bool]] = []  # (who, submitted on, published)
        self.rounds_attended: dict[int, int] = defaultdict(int)  # participation id -> held rounds attended
        self.prepared: set[int] = set()  # participation ids with a preparation

    # -- plumbing --
    def _step(self) -> None:
        if self.progress is not None:
            self.progress(self.STAGES[self.stage_index], self.stage_index, len(self.STAGES))
        self.stage_index += 1

    def _versioned(self, **values: Any) -> dict[str, Any]:
        """A row of a Versioned model: bulk INSERT skips the ORM, so stamps and version are set here."""
        values.update(version=1, created_at=self.stamp, updated_at=self.stamp)
        return values

    def _reserve_ids(self, table: Table, count: int) -> list[int]:
        """Ids for `count` new rows, taken from the sequence so later ORM inserts never collide."""
        if count == 0:
            return []
        if self.dialect == "postgresql":
            result = self.session.execute(
                text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"),
                {"table": table.name, "count": count},
            )
            return [int(value) for value in result.scalars()]
        # SQLite has one writer at a time; should another one commit between this read and our insert,
        # SQLite fails the transaction (busy snapshot) rather than letting two rows share an id.
        highest = self.session.scalar(select(func.max(table.c.id))) or 0
        return list(range(highest + 1, highest + 1 + count))

    def _insert(self, table: Any, rows: list[dict[str, Any]], counter: str | None = None) -> None:
        """Bulk INSERT in chunks; every row of one call has the same keys."""
        for start in range(0, len(rows), CHUNK):
            self.session.execute(insert(table), rows[start:start + CHUNK])
        if counter:
            self.counts[counter] += len(rows)

    def _insert_with_ids(self, table: Any, rows: list[dict[str, Any]], records: Sequence[Any],
                         counter: str) -> None:
        """Reserve ids, put them in the rows and on the records, then insert."""
        ids = self._reserve_ids(table, len(rows))
        for row, record, new_id in zip(rows, records, ids, strict=True):
            row["id"] = new_id
            record.id = new_id
        self._insert(table, rows, counter)

    # -- the run --
    def run(self) -> DemoCounts:
        self._step()
        ensure_reference_data(self.session)
        self._load_reference()
        self._step()
        self._make_semesters()
        self._step()
        self._make_departments()
        self._step()
        self._make_partners()
        self._step()
        self._make_proposals()
        self._step()
        self._make_exchanges()
        self._step()
        self._make_workshops()
        self._step()
        self._make_participations()
        self._step()
        self._make_panels()
        self._step()
        self._make_attendance_and_preparation()
        self._step()
        self._make_reports()
        self._step()
        self._make_evaluations()
        self._step()
        self._make_follow_ups()
        self._make_visit_priorities()
        if self.progress is not None:
            self.progress("Done", len(self.STAGES), len(self.STAGES))
        return DemoCounts(**self.counts)

    # -- reference data --
    def _load_reference(self) -> None:
        for area_id, name_en, name_zh in self.session.execute(
            select(TopicArea.id, TopicArea.name_en, TopicArea.name_zh)
            .where(TopicArea.active.is_(True)).order_by(TopicArea.id)
        ):
            self.areas.append(_Area(area_id, name_en, name_zh, AREA_CONTENT.get(name_en, GENERIC_CONTENT)))
        if not self.areas:  # every area switched off: proposals go without one
            self.areas.append(_Area(None, "General", "综合", GENERIC_CONTENT))
        self.rubric_ids = list(self.session.scalars(
            select(RubricItem.id).where(RubricItem.active.is_(True)).order_by(RubricItem.position, RubricItem.id)
        ))
        rng = self.rng
        names: list[str] = []
        while len(names) < self.plan.interpreters:
            (zh_s, en_s), (zh_g, en_g) = rng.choice(SURNAMES), rng.choice(GIVEN_NAMES)
            name = f"{en_g} {en_s} ({zh_s}{zh_g})"
            if name not in names:
                names.append(name)
        self.interpreters = names

    def _area(self, name_en: str) -> _Area:
        for area in self.areas:
            if area.name_en == name_en:
                return area
        return self.rng.choice(self.areas)  # an officer renamed or removed it: any area will do

    # -- semesters --
    def _make_semesters(self) -> None:
        year, term = _semester_key(self.today)
        # The running semester, the next one, and the rest in the past.
        keys: list[tuple[int, int]] = []
        y, t = (year, term + 1) if term == 0 else (year + 1, 0)
        for _ in range(self.plan.semesters):
            keys.append((y, t))
            y, t = (y, t - 1) if t == 1 else (y - 1, 1)
        keys.reverse()
        wanted = [_semester_dates(y, t) for y, t in keys]
        existing = {
            row.name: row for row in self.session.execute(
                select(Semester.id, Semester.name, Semester.starts_on, Semester.ends_on, Semester.topic_deadline)
                .where(Semester.name.in_([name for name, *_ in wanted]))
            )
        }
        rows: list[dict[str, Any]] = []
        new: list[_Semester] = []
        for name, start, end, deadline in wanted:
            if name in existing:
                row = existing[name]
                self.semesters.append(_Semester(row.id, row.name, row.starts_on, row.ends_on, row.topic_deadline))
                continue
            semester = _Semester(0, name, start, end, deadline)
            self.semesters.append(semester)
            new.append(semester)
            rows.append(self._versioned(name=name, starts_on=start, ends_on=end, topic_deadline=deadline))
        self._insert_with_ids(Semester.__table__, rows, new, "semesters")

    # -- departments and people --
    def _make_departments(self) -> None:
        chosen = DEPARTMENTS[: self.plan.departments]
        existing = {
            row.name_en: row for row in self.session.execute(
                select(Department.id, Department.name_en, Department.name_zh, Department.code)
                .where(Department.name_en.in_([name for name, *_ in chosen]))
            )
        }
        rows: list[dict[str, Any]] = []
        new: list[_Department] = []
        for name_en, name_zh, code, area_name in chosen:
            area = self._area(area_name)
            if name_en in existing:
                row = existing[name_en]
                self.departments.append(_Department(row.id, row.name_en, row.name_zh, row.code or code, area))
                continue
            department = _Department(0, name_en, name_zh, code, area)
            self.departments.append(department)
            new.append(department)
            rows.append(self._versioned(name_en=name_en, name_zh=name_zh, code=code,
                                        contact_email=f"{code.lower()}@sjtu.edu.cn"))
        self._insert_with_ids(Department.__table__, rows, new, "departments")

        # On --add, new staff get names not already used in their department, and emails not used anywhere.
        taken_names: set[tuple[int, str]] = set()
        taken_emails: set[str] = set()
        if existing:
            for department_id, name_en, name_zh, email in self.session.execute(
                select(Person.department_id, Person.name_en, Person.name_zh, Person.email)
            ):
                taken_names.add((department_id, name_en))
                taken_names.add((department_id, name_zh))
                taken_emails.add(email)
        rng = self.rng
        rows = []
        people: list[_Person] = []
        for department in self.departments:
            count = rng.randint(*self.plan.people_per_department)
            for index in range(count):
                for _attempt in range(50):
                    (zh_s, en_s), (zh_g, en_g) = rng.choice(SURNAMES), rng.choice(GIVEN_NAMES)
                    name_en, name_zh = f"{en_g} {en_s}", f"{zh_s}{zh_g}"
                    if (department.id, name_en) not in taken_names and (department.id, name_zh) not in taken_names:
                        break
                taken_names.update({(department.id, name_en), (department.id, name_zh)})
                email = f"{_ascii(en_g)}.{_ascii(en_s)}@sjtu.edu.cn"
                serial = 2
                while email in taken_emails:
                    email = f"{_ascii(en_g)}.{_ascii(en_s)}{serial}@sjtu.edu.cn"
                    serial += 1
                taken_emails.add(email)
                position = "Director" if index == 0 else "Deputy Director" if index == 1 else rng.choice(POSITIONS)
                person = _Person(0, department, name_en, name_zh)
                department.people.append(person)
                people.append(person)
                notes = "Speaks English and Japanese." if rng.random() < 0.05 else ""
                rows.append(self._versioned(department_id=department.id, name_en=name_en, name_zh=name_zh,
                                            position=position, email=email, notes=notes))
        self._insert_with_ids(Person.__table__, rows, people, "people")
        self.people = people

    # -- partners and contacts --
    def _make_partners(self) -> None:
        chosen = PARTNERS[: self.plan.partners]
        existing = {
            row.name: row for row in self.session.execute(
                select(Partner.id, Partner.name, Partner.name_zh, Partner.timezone, Partner.status)
                .where(Partner.name.in_([item[0] for item in chosen]))
            )
        }
        existing_contacts: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        if existing:
            for contact_id, partner_id, name, unit in self.session.execute(
                select(PartnerContact.id, PartnerContact.partner_id, PartnerContact.name, PartnerContact.unit)
                .where(PartnerContact.partner_id.in_([row.id for row in existing.values()]))
                .order_by(PartnerContact.id)
            ):
                existing_contacts[partner_id].append((contact_id, name, unit))
        rows: list[dict[str, Any]] = []
        new: list[_Partner] = []
        for name, name_zh, country, city, zone, languages, region, domain, _pool, status in chosen:
            language = next((LANGUAGE_CODES[lang.strip()] for lang in languages.split(",")
                             if lang.strip() in LANGUAGE_CODES), "en")
            if name in existing:
                row = existing[name]
                partner = _Partner(row.id, name, row.name_zh, _zone(row.timezone, zone), region, domain, language,
                                   PartnerStatus(row.status).value)
                partner.contacts = [_Contact(cid, partner, cname, unit)
                                    for cid, cname, unit in existing_contacts[row.id]]
                self.partners.append(partner)
                continue
            partner = _Partner(0, name, name_zh, ZoneInfo(zone), region, domain, language, status)
            self.partners.append(partner)
            new.append(partner)
            notes = "Framework agreement signed; student exchange since 2012." if self.rng.random() < 0.3 else ""
            rows.append(self._versioned(
                name=name, name_zh=name_zh, country=country, city=city, timezone=zone, website=f"https://www.{domain}",
                languages=languages, region=region, status=PartnerStatus(status), notes=notes,
            ))
        self._insert_with_ids(Partner.__table__, rows, new, "partners")

        rng = self.rng
        pools = {item[0]: item[8] for item in chosen}
        units = sorted({str(content["unit"]) for content in AREA_CONTENT.values()})
        rows = []
        contacts: list[_Contact] = []
        for partner in new:
            first_names, last_names = CONTACT_NAMES[pools[partner.name]]
            used: set[str] = set()
            for index in range(rng.randint(1, 4)):
                first, last = rng.choice(first_names), rng.choice(last_names)
                name = f"{first} {last}"
                if name in used:
                    continue
                used.add(name)
                unit = "International Office" if index == 0 else rng.choice(units)
                contact = _Contact(0, partner, name, unit)
                partner.contacts.append(contact)
                contacts.append(contact)
                rows.append(self._versioned(
                    partner_id=partner.id, name=name, unit=unit, position=rng.choice(CONTACT_POSITIONS),
                    email=f"{_ascii(first)}.{_ascii(last)}@{partner.domain}",
                ))
        self._insert_with_ids(PartnerContact.__table__, rows, contacts, "contacts")

    # -- proposals and outreach --
    def _make_proposals(self) -> None:
        rng = self.rng
        existing_keys = set(self.session.scalars(
            select(TopicProposal.form_key).where(TopicProposal.form_key.isnot(None))
        ))
        form_rows: dict[tuple[int, int], int] = defaultdict(lambda: 2)  # header in row 1 of the form
        for semester in self.semesters:
            collection_open = semester.topic_deadline is not None and self.today <= semester.topic_deadline
            if collection_open:
                scheduled = 0
            else:
                scheduled = rng.randint(*self.plan.exchanges_per_semester)
                if semester.starts_on > self.today:  # agreed so far, more to come
                    scheduled = max(1, scheduled * 2 // 3)
            others = rng.randint(*self.plan.other_proposals_per_semester) + (scheduled if collection_open else 0)
            statuses = [ProposalStatus.SCHEDULED] * scheduled
            for _ in range(others):
                if collection_open:
                    statuses.append(_weighted(rng, [(ProposalStatus.SUBMITTED, 6), (ProposalStatus.SHORTLISTED, 3),
                                                    (ProposalStatus.ACCEPTED, 1)]))
                else:
                    statuses.append(_weighted(rng, [(ProposalStatus.DECLINED, 5), (ProposalStatus.ACCEPTED, 3),
                                                    (ProposalStatus.SHORTLISTED, 1), (ProposalStatus.SUBMITTED, 1)]))
            titles_used: set[tuple[int, str]] = set()
            for status in statuses:
                department = rng.choice(self.departments)
                area = department.area if rng.random() < 0.75 else rng.choice(self.areas)
                titles = [str(title) for title in area.content["titles"]]
                title = rng.choice(titles)
                if (department.id, title) in titles_used:
                    title = f"{title} (continued)"
                titles_used.add((department.id, title))
                imported = rng.random() < 0.6
                source_file, source_row, form_key = "", None, None
                if imported:
                    source_file = f"Topic form {semester.name} - {department.code}.xlsx"
                    source_row = form_rows[(semester.id, department.id)] + 1
                    form_rows[(semester.id, department.id)] = source_row
                    form_key = f"{semester.name}|{department.code}|{source_row}"
                    serial = 2
                    while form_key in existing_keys:
                        form_key = f"{semester.name}|{department.code}|{source_row}#{serial}"
                        serial += 1
                    existing_keys.add(form_key)
                area_zh = area.name_zh or area.name_en
                description = rng.choice([
                    f"We would like to compare our practice in {area.name_en.lower()} with a leading partner.",
                    f"希望与海外高校交流{area_zh}方面的经验，重点讨论“{title}”。",
                    f"Follow-up of last year's exchange; focus on {title.lower()}.",
                ])
                row = self._versioned(
                    semester_id=semester.id, department_id=department.id, area_id=area.id, title=title,
                    description=description,
                    direction=_weighted(rng, [(Direction.BOTH, 5), (Direction.LEARN, 4), (Direction.SHARE, 1)]),
                    priority=_weighted(rng, [(Priority.HIGH, 3), (Priority.MEDIUM, 5), (Priority.LOW, 2)]),
                    status=status,
                    preferred_region=rng.choice(["", "", "Europe", "North America", "Oceania", "East Asia"]),
                    source=ProposalSource.IMPORTED if imported else ProposalSource.TYPED,
                    source_file=source_file, source_row=source_row, form_key=form_key,
                )
                self.proposals.append(_Proposal(semester, department, area, title, status, row))
        self._cover_proposal_statuses()
        self._insert_with_ids(TopicProposal.__table__, [p.row for p in self.proposals], self.proposals, "proposals")

    def _cover_proposal_statuses(self) -> None:
        """Every status shows up at least once, whatever the day: take unscheduled ones of the latest semester."""
        tally = Counter(proposal.status for proposal in self.proposals)
        for status in ProposalStatus:
            if tally[status] or status is ProposalStatus.SCHEDULED:
                continue
            # Scheduled ones have exchanges to come; only a status held by two or more may give one up.
            movable = [p for p in reversed(self.proposals)
                       if p.status is not ProposalStatus.SCHEDULED and tally[p.status] > 1]
            if not movable:
                continue
            proposal = movable[0]
            tally[proposal.status] -= 1
            tally[status] += 1
            proposal.status = status
            proposal.row["status"] = status

    # -- exchanges --
    def _make_exchanges(self) -> None:
        rng = self.rng
        active = [partner for partner in self.partners if partner.status == PartnerStatus.ACTIVE.value]
        if not active:
            active = list(self.partners)
        used_pairs: set[tuple[int, int, int]] = set()  # (semester, department, partner)
        outreach_rows: list[dict[str, Any]] = []
        for proposal in self.proposals:
            semester = proposal.semester
            contacted = (semester.topic_deadline or semester.starts_on) + timedelta(days=rng.randint(10, 40))
            if proposal.status is ProposalStatus.SCHEDULED:
                region = str(proposal.row["preferred_region"])
                pool = [p for p in active if p.region == region] if region and rng.random() < 0.6 else active
                partners = [self._pick_partner(pool or active, proposal, used_pairs)]
                if rng.random() < 0.1:
                    second = rng.choice(active)
                    if second is not partners[0]:
                        partners.append(second)
                departments = [proposal.department]
                if rng.random() < 0.2:
                    other = rng.choice(self.departments)
                    if other is not proposal.department:
                        departments.append(other)
                contacts: list[_Contact] = []
                for partner in partners:
                    if partner.contacts:
                        contacts.extend(rng.sample(partner.contacts, rng.randint(1, min(3, len(partner.contacts)))))
                multi = rng.random() < 0.4
                rounds = rng.choice((2, 2, 3)) if multi else 1
                exchange = _Exchange(semester, proposal, ExchangeKind.MULTI_ROUND if multi else ExchangeKind.ONE_OFF,
                                     rounds, partners, departments, contacts)
                self.exchanges.append(exchange)
                for partner in partners:
                    outreach_rows.append(self._outreach_row(proposal, partner, OutreachStatus.AGREED, contacted))
                others = [p for p in self.partners if p not in partners]
                for partner in rng.sample(others, rng.randint(0, 2)):
                    status = _weighted(rng, [(OutreachStatus.DECLINED, 3), (OutreachStatus.NO_REPLY, 2),
                                             (OutreachStatus.INTERESTED, 1)])
                    outreach_rows.append(self._outreach_row(proposal, partner, status, contacted))
            elif proposal.status is ProposalStatus.ACCEPTED:
                past = semester.starts_on <= self.today
                for partner in rng.sample(self.partners, rng.randint(1, 3)):
                    if past:
                        status = _weighted(rng, [(OutreachStatus.DECLINED, 3), (OutreachStatus.NO_REPLY, 3),
                                                 (OutreachStatus.INTERESTED, 1)])
                    else:
                        status = _weighted(rng, [(OutreachStatus.PLANNED, 2), (OutreachStatus.CONTACTED, 3),
                                                 (OutreachStatus.INTERESTED, 2), (OutreachStatus.NO_REPLY, 1)])
                    outreach_rows.append(self._outreach_row(proposal, partner, status, contacted))
        self._insert(Outreach.__table__, outreach_rows, "outreach")

        rows = []
        for exchange in self.exchanges:
            notes = rng.choice(["", "", "", "Partner prefers slides three days ahead.",
                                "Partner's fiscal year starts in April; plan the second round accordingly.",
                                "对方希望提前收到我方发言提纲。"])
            rows.append(self._versioned(
                semester_id=exchange.semester.id, proposal_id=exchange.proposal.id, title=exchange.proposal.title,
                kind=exchange.kind, planned_rounds=exchange.rounds, notes=notes,
            ))
        self._insert_with_ids(Exchange.__table__, rows, self.exchanges, "exchanges")
        self._insert(exchange_partners, [{"exchange_id": e.id, "partner_id": p.id}
                                         for e in self.exchanges for p in e.partners])
        self._insert(exchange_departments, [{"exchange_id": e.id, "department_id": d.id}
                                            for e in self.exchanges for d in e.departments])
        self._insert(exchange_contacts, [{"exchange_id": e.id, "contact_id": c.id}
                                         for e in self.exchanges for c in e.contacts])

    def _pick_partner(self, pool: list[_Partner], proposal: _Proposal,
                      used: set[tuple[int, int, int]]) -> _Partner:
        """A partner the department does not already meet this semester, when there is one."""
        for _ in range(8):
            partner = self.rng.choice(pool)
            key = (proposal.semester.id, proposal.department.id, partner.id)
            if key not in used:
                break
        used.add(key)
        return partner

    def _outreach_row(self, proposal: _Proposal, partner: _Partner, status: OutreachStatus,
                      contacted: date) -> dict[str, Any]:
        rng = self.rng
        contacted_on: date | None = min(contacted, self.today)
        answered_on: date | None = None
        if status is OutreachStatus.PLANNED:
            contacted_on = None
        elif status in (OutreachStatus.AGREED, OutreachStatus.DECLINED, OutreachStatus.INTERESTED):
            answered_on = min(contacted + timedelta(days=rng.randint(3, 20)), self.today)
        notes = {
            OutreachStatus.AGREED: "Agreed; counterpart unit named.",
            OutreachStatus.DECLINED: rng.choice(["No capacity this semester.", "Topic not a priority for them."]),
            OutreachStatus.NO_REPLY: "Reminder sent after two weeks.",
            OutreachStatus.INTERESTED: "Interested; asks for a short concept note.",
        }.get(status, "")
        return self._versioned(proposal_id=proposal.id, partner_id=partner.id, status=status,
                               contacted_on=contacted_on, answered_on=answered_on, notes=notes)

    # -- workshops --
    def _make_workshops(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        any_independent = False
        for exchange in self.exchanges:
            semester = exchange.semester
            window_start = semester.starts_on + timedelta(days=14)
            window_end = semester.ends_on - timedelta(days=14)
            asian = exchange.partners[0].region in ("East Asia", "Southeast Asia")
            platform = _weighted(rng, [("Zoom", 4), ("Tencent Meeting", 4 if asian else 1), ("Teams", 2)])
            duration = rng.choice((150, 160, 165, 170, 180))
            language = exchange.partners[0].language
            wants_interpretation = rng.random() < (0.7 if language != "en" else 0.45)
            pair = f"zh-{language}" if language != "en" and rng.random() < 0.5 else "zh-en"
            latest_first = window_end - timedelta(days=28 * (exchange.rounds - 1))
            day = window_start + timedelta(days=rng.randint(0, max(0, (latest_first - window_start).days)))
            for round_number in range(1, exchange.rounds + 1):
                if round_number > 1:
                    day = exchange.workshops[-1].starts_at.date() + timedelta(days=rng.randint(21, 35))
                starts_at = self._schedule(exchange, day, duration, semester.ends_on)
                ends_at = starts_at + timedelta(minutes=duration)
                interpreter = ""
                if wants_interpretation:
                    interpreter = self._book_interpreter(starts_at, ends_at, exclude=())
                status = self._workshop_status(starts_at, ends_at)
                workshop = _Workshop(exchange, round_number, starts_at, duration, status, interpreter,
                                     pair if interpreter else "")
                exchange.workshops.append(workshop)
                self.workshops.append(workshop)
            for workshop in exchange.workshops:
                minutes = outcome = ""
                independent = False
                if workshop.status is WorkshopStatus.HELD:
                    minutes = self._minutes(workshop)
                    outcome = rng.choice(OUTCOMES)
                    if workshop is exchange.workshops[-1] and (rng.random() < 0.3 or not any_independent):
                        independent = any_independent = workshop.continues_independently = True
                elif workshop.status is WorkshopStatus.CANCELLED:
                    outcome = rng.choice(CANCEL_REASONS)
                rows.append(self._versioned(
                    exchange_id=exchange.id, round_number=workshop.round_number, starts_at=workshop.starts_at,
                    duration_minutes=workshop.duration, platform=platform, link=self._link(platform),
                    interpretation_languages=workshop.language_pair, interpreter=workshop.interpreter,
                    status=workshop.status, minutes=minutes, outcome=outcome, continues_independently=independent,
                ))
        self._insert_with_ids(Workshop.__table__, rows, self.workshops, "workshops")

    def _schedule(self, exchange: _Exchange, first_try: date, duration: int, last_day: date) -> datetime:
        """A weekday start at a time both sides can attend; no two rounds of a department on one day."""
        rng = self.rng
        zone = exchange.partners[0].zone
        best: tuple[int, datetime] | None = None
        day = first_try
        for attempt in range(14):
            if attempt:
                day = first_try + timedelta(days=rng.randint(1, 10) * (1 if attempt % 2 else -1))
            if day.weekday() >= 5 or _in_blackout(day):
                continue
            if day > last_day and best is not None:
                continue
            if any((d.id, day) in self.busy_department_days for d in exchange.departments):
                continue
            candidates: list[tuple[int, datetime]] = []
            for half_hours in range(0, 27):  # 00:00-13:00 UTC = 08:00-21:00 in Shanghai, same calendar day
                start = datetime.combine(day, time(half_hours // 2, 30 * (half_hours % 2)), tzinfo=UTC)
                # The partner's convenience weighs a little more: we are the ones asking.
                penalty = (_inconvenience(start, duration, SHANGHAI, 19 * 60)
                           + _inconvenience(start, duration, zone, 18 * 60 + 30) * 6 // 5)
                candidates.append((penalty, start))
            low = min(penalty for penalty, _ in candidates)
            choice = rng.choice([c for c in candidates if c[0] == low])
            if best is None or choice[0] < best[0]:
                best = choice
            if low < 1_000:
                break
        if best is None:  # every try hit a weekend or a busy day: fall back to the first Monday after
            day = first_try + timedelta(days=7 - first_try.weekday())
            best = (0, datetime.combine(day, time(8), tzinfo=UTC))
        for department in exchange.departments:
            self.busy_department_days.add((department.id, best[1].date()))
        return best[1]

    def _book_interpreter(self, start: datetime, end: datetime, exclude: Sequence[str]) -> str:
        """An interpreter free for the whole interval, or '' when all are booked."""
        order = list(self.interpreters)
        self.rng.shuffle(order)
        for name in order:
            if name in exclude:
                continue
            bookings = self.interpreter_bookings[(name, start.date())]
            if all(end <= b_start or start >= b_end for b_start, b_end in bookings):
                bookings.append((start, end))
                return name
        return ""

    def _workshop_status(self, starts_at: datetime, ends_at: datetime) -> WorkshopStatus:
        rng = self.rng
        if ends_at <= self.now:
            return WorkshopStatus.CANCELLED if rng.random() < 0.06 else WorkshopStatus.HELD
        if starts_at - self.now <= timedelta(days=45):
            return _weighted(rng, [(WorkshopStatus.CONFIRMED, 15), (WorkshopStatus.PLANNED, 4),
                                   (WorkshopStatus.CANCELLED, 1)])
        return _weighted(rng, [(WorkshopStatus.PLANNED, 17), (WorkshopStatus.CONFIRMED, 3)])

    def _link(self, platform: str) -> str:
        rng = self.rng
        if platform == "Zoom":
            return f"https://zoom.us/j/{rng.randint(10**9, 10**10 - 1)}"
        if platform == "Tencent Meeting":
            return f"https://meeting.tencent.com/dm/{''.join(rng.choices(string.ascii_letters + string.digits, k=12))}"
        code = "".join(rng.choices(string.ascii_lowercase + string.digits, k=24))
        return f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{code}%40thread.v2/0"

    def _minutes(self, workshop: _Workshop) -> str:
        exchange = workshop.exchange
        partner = exchange.partners[0]
        if self.rng.random() < 0.3:
            return (f"第{workshop.round_number}轮交流：我校与{partner.name_zh or partner.name}围绕“{exchange.proposal.title}”"
                    f"进行了约{workshop.duration // 60}小时的线上交流。双方介绍了各自做法，并就下一步合作交换了意见。")
        return (f"Round {workshop.round_number} of {exchange.rounds} with {exchange.partner_label} on "
                f"\"{exchange.proposal.title}\". Both sides presented current practice; the discussion focused on "
                f"{self.rng.choice([str(x) for x in exchange.proposal.area.content['learn']])}. "
                f"Action: circulate slides and the partner's documents to all participants.")

    # -- participations --
    def _make_participations(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        for exchange in self.exchanges:
            pool = [person for department in exchange.departments for person in department.people]
            wanted = min(len(pool), rng.randint(*self.plan.participants))
            chosen = rng.sample(pool, wanted)
            speakers = rng.randint(1, 3)
            for index, person in enumerate(chosen):
                if index == 0:
                    role = ParticipantRole.LEAD
                elif index <= speakers:
                    role = ParticipantRole.SPEAKER
                else:
                    role = _weighted(rng, [(ParticipantRole.PARTICIPANT, 8), (ParticipantRole.OBSERVER, 1),
                                           (ParticipantRole.MODERATOR, 1)])
                participation = _Participation(person, exchange, role)
                exchange.participants.append(participation)
                self.participations.append(participation)
                rows.append(self._versioned(person_id=person.id, exchange_id=exchange.id, role=role))
        self._insert_with_ids(Participation.__table__, rows, self.participations, "participations")

    # -- panels and speakers --
    def _make_panels(self) -> None:
        rng = self.rng
        panel_rows: list[dict[str, Any]] = []
        speakers: list[tuple[int, list[tuple[int | None, int | None]]]] = []  # (panel index, [(person, contact)])
        any_concurrent = False
        for workshop in self.workshops:
            exchange = workshop.exchange
            area = exchange.proposal.area
            topics = [str(title) for title in area.content["panels"]]
            rng.shuffle(topics)
            ours = [p for p in exchange.participants
                    if p.role in (ParticipantRole.LEAD, ParticipantRole.SPEAKER, ParticipantRole.MODERATOR)]
            ours = ours or list(exchange.participants)
            theirs = list(exchange.contacts)
            lead = exchange.participants[0].person.display if exchange.participants else ""
            concurrent = (not any_concurrent) or rng.random() < 0.45
            slots = self._slots(workshop.duration, concurrent)
            any_concurrent = any_concurrent or any(tracks == 2 for _, _, tracks in slots)
            for slot_index, (offset, minutes, tracks) in enumerate(slots):
                starts_at = workshop.starts_at + timedelta(minutes=offset)
                if slot_index == 0:
                    titles = ["Welcome and introductions"]
                elif slot_index == len(slots) - 1:
                    titles = ["Open discussion and next steps"]
                else:
                    titles = [topics.pop() if topics else f"Discussion {slot_index}" for _ in range(tracks)]
                # Concurrent panels get disjoint speakers and different moderators and interpreters.
                our_groups = self._split(ours, tracks)
                their_groups = self._split(theirs, tracks)
                moderators = rng.sample(OFFICERS, tracks) if tracks > 1 else []
                interpreters_used: list[str] = []
                for track_index in range(tracks):
                    track = MAIN_ROOM if tracks == 1 else BREAKOUTS[track_index]
                    length = minutes if track_index == 0 else max(30, minutes - rng.choice((0, 5)))
                    if tracks > 1:
                        zh, en = moderators[track_index]
                        moderator = f"{zh} {en}"
                    elif lead and (slot_index == 0 or rng.random() < 0.5):
                        moderator = lead
                    else:
                        zh, en = rng.choice(OFFICERS)
                        moderator = f"{zh} {en}"
                    group_ours = our_groups[track_index][: rng.randint(1, 2)]
                    group_theirs = their_groups[track_index][:1]
                    interpreter = ""
                    if workshop.interpreter and (group_theirs or rng.random() < 0.5):
                        if track_index == 0:
                            interpreter = workshop.interpreter
                        else:
                            interpreter = self._book_interpreter(
                                starts_at, starts_at + timedelta(minutes=length), exclude=interpreters_used
                            )
                    if interpreter:
                        interpreters_used.append(interpreter)
                    panel_rows.append(self._versioned(
                        workshop_id=workshop.id, title=titles[track_index],
                        description="" if rng.random() < 0.6 else
                        f"Short inputs from both sides, then questions. Topic: {exchange.proposal.title}.",
                        track=track, starts_at=starts_at, duration_minutes=length, moderator=moderator,
                        interpretation_needed=bool(interpreter), language_pair=workshop.language_pair if interpreter
                        else "", interpreter=interpreter,
                    ))
                    panel_speakers: list[tuple[int | None, int | None]] = [(p.person.id, None) for p in group_ours]
                    panel_speakers += [(None, c.id) for c in group_theirs]
                    if not panel_speakers and ours:
                        panel_speakers = [(ours[0].person.id, None)]
                    speakers.append((len(panel_rows) - 1, panel_speakers))
        records = [_IdHolder() for _ in panel_rows]
        self._insert_with_ids(Panel.__table__, panel_rows, records, "panels")
        speaker_rows = [
            {"panel_id": records[index].id, "person_id": person_id, "contact_id": contact_id, "position": position}
            for index, group in speakers for position, (person_id, contact_id) in enumerate(group)
        ]
        self._insert(PanelSpeaker.__table__, speaker_rows, "panel_speakers")

    def _split(self, items: Sequence[T], parts: int) -> list[list[T]]:
        """Shuffled items dealt into `parts` disjoint groups (so nobody speaks in two rooms at once)."""
        shuffled = list(items)
        self.rng.shuffle(shuffled)
        return [shuffled[index::parts] for index in range(parts)]

    def _slots(self, duration: int, concurrent: bool) -> list[tuple[int, int, int]]:
        """(minutes from start, length, tracks) for 4-6 panels of 30-40 minutes inside the workshop."""
        rng = self.rng
        count = 4 if duration < 165 else rng.choice((4, 5))
        lengths = [rng.choice((30, 35, 40)) for _ in range(count)]
        gap = rng.choice((5, 10))
        while sum(lengths) + gap * (count - 1) > duration:
            if gap > 0:
                gap -= 5
            else:
                longest = max(range(count), key=lambda i: lengths[i])
                lengths[longest] -= 5
        tracks = [1] * count
        if concurrent:
            middle = list(range(1, count - 1))
            for index in rng.sample(middle, min(len(middle), 6 - count, rng.choice((1, 1, 2)))):
                tracks[index] = 2
        slots = []
        offset = 0
        for length, track_count in zip(lengths, tracks, strict=True):
            slots.append((offset, length, track_count))
            offset += length + gap
        return slots

    # -- attendance and preparation --
    def _make_attendance_and_preparation(self) -> None:
        rng = self.rng
        attendance: list[dict[str, Any]] = []
        preparations: list[dict[str, Any]] = []
        for participation in self.participations:
            exchange = participation.exchange
            for workshop in exchange.workshops:
                if workshop.status is WorkshopStatus.HELD:
                    attended = rng.random() < 0.92
                    self.rounds_attended[participation.id] += attended
                    attendance.append({"participation_id": participation.id, "workshop_id": workshop.id,
                                       "attended": attended})
            first = exchange.workshops[0].starts_at if exchange.workshops else self.now
            share = 0.85 if first - self.now < timedelta(days=30) else 0.4
            if rng.random() >= share:
                continue
            content = exchange.proposal.area.content
            area_zh = exchange.proposal.area.name_zh or exchange.proposal.area.name_en
            if rng.random() < 0.45:
                to_learn = rng.choice(ZH_LEARN).format(area=area_zh)
                to_share = rng.choice(ZH_SHARE).format(area=area_zh)
            else:
                to_learn = f"I want to learn {rng.choice([str(x) for x in content['learn']])}."
                to_share = f"I will present {rng.choice([str(x) for x in content['share']])}."
            materials = "\n".join(
                [f"https://jbox.sjtu.edu.cn/l/{''.join(rng.choices(string.ascii_letters + string.digits, k=6))}"]
                + ([f"https://www.{exchange.partners[0].domain}/about"] if rng.random() < 0.5 else [])
            ) if rng.random() < 0.7 else ""
            self.prepared.add(participation.id)
            preparations.append(self._versioned(participation_id=participation.id, to_learn=to_learn,
                                                to_share=to_share, materials=materials))
        self._insert(Attendance.__table__, attendance, "attendance")
        self._insert(Preparation.__table__, preparations, "preparations")

    # -- reports --
    def _make_reports(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        owners: list[_Participation] = []
        for exchange in self.exchanges:
            if not exchange.last_round_held:
                continue
            last_day = exchange.workshops[-1].starts_at.date()
            due_on = last_day + timedelta(days=30)
            age = (self.today - due_on).days
            for participation in exchange.participants:
                if age < 0:
                    weights = [(ReviewStatus.NOT_SUBMITTED, 55), (ReviewStatus.SUBMITTED, 30),
                               (ReviewStatus.UNDER_REVIEW, 15)]
                elif age < 60:
                    weights = [(ReviewStatus.NOT_SUBMITTED, 10), (ReviewStatus.SUBMITTED, 15),
                               (ReviewStatus.UNDER_REVIEW, 25), (ReviewStatus.REVISION_REQUESTED, 15),
                               (ReviewStatus.ACCEPTED, 28), (ReviewStatus.REJECTED, 7)]
                else:
                    weights = [(ReviewStatus.NOT_SUBMITTED, 4), (ReviewStatus.SUBMITTED, 1),
                               (ReviewStatus.UNDER_REVIEW, 2), (ReviewStatus.REVISION_REQUESTED, 5),
                               (ReviewStatus.ACCEPTED, 78), (ReviewStatus.REJECTED, 10)]
                status = _weighted(rng, weights)
                rows.append(self._report_row(participation, status, last_day, due_on))
                owners.append(participation)
        # Every review status appears, whatever the day: re-draw a few reports with the missing ones.
        present = {row["review_status"] for row in rows}
        for index, status in enumerate(s for s in ReviewStatus if s not in present):
            if len(rows) <= index:
                break
            position = rng.randrange(len(rows))
            participation = owners[position]
            last_day = participation.exchange.workshops[-1].starts_at.date()
            rows[position] = self._report_row(participation, status, last_day, last_day + timedelta(days=30))
        # A couple of reports carry a small text file, so downloads and checksums can be tried.
        files: list[tuple[int, bytes]] = []
        for index, row in enumerate(rows):
            if len(files) >= self.plan.report_files:
                break
            if row["review_status"] is ReviewStatus.ACCEPTED:
                data = (f"{row['title']}\n\n{row['abstract']}\n").encode()
                row.update(file_name=f"{_ascii(owners[index].person.name_en)}-report.txt", file_size=len(data),
                           file_sha256=hashlib.sha256(data).hexdigest())
                files.append((index, data))
        records = [_IdHolder() for _ in rows]
        self._insert_with_ids(Report.__table__, rows, records, "reports")
        self._insert(ReportFile.__table__, [{"report_id": records[index].id, "data": data} for index, data in files],
                     "report_files")
        for row, participation in zip(rows, owners, strict=True):
            if row["review_status"] is ReviewStatus.ACCEPTED:
                published = row["publication_channel"] is not PublicationChannel.NONE
                self.accepted_reports.append((participation, row["submitted_on"], published))

    def _report_row(self, participation: _Participation, status: ReviewStatus, last_day: date,
                    due_on: date) -> dict[str, Any]:
        rng = self.rng
        exchange = participation.exchange
        kind = _weighted(rng, [(ReportKind.RESEARCH_REPORT, 5), (ReportKind.INNOVATION_PROPOSAL, 4),
                               (ReportKind.FIELD_RESEARCH, 1)])
        partner = exchange.partners[0]
        area_zh = exchange.proposal.area.name_zh or exchange.proposal.area.name_en
        if rng.random() < 0.35:
            genre = "调研报告" if kind is ReportKind.RESEARCH_REPORT else "创新建议"
            title = f"关于{area_zh}的{genre}：借鉴{partner.name_zh or partner.name}经验"
            abstract = f"本报告总结了与{partner.name_zh or partner.name}交流的主要收获，并提出在我校试点的具体建议。"
        else:
            label = {ReportKind.RESEARCH_REPORT: "Research report", ReportKind.INNOVATION_PROPOSAL: "Proposal",
                     ReportKind.FIELD_RESEARCH: "Field research"}[kind]
            title = f"{label}: {exchange.proposal.title} - lessons from {partner.name}"
            abstract = (f"What {partner.name} does about {exchange.proposal.title.lower()}, how it compares with "
                        f"our practice, and three steps we could take next semester.")
        submitted_on: date | None = None
        if status is not ReviewStatus.NOT_SUBMITTED:
            latest = min(due_on + timedelta(days=10), self.today)
            earliest = min(last_day + timedelta(days=3), latest)
            submitted_on = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
        channel = PublicationChannel.NONE
        published_on: date | None = None
        url = ""
        if status is ReviewStatus.ACCEPTED and submitted_on is not None and rng.random() < 0.4:
            candidate = submitted_on + timedelta(days=rng.randint(20, 60))
            if candidate <= self.today:
                channel = _weighted(rng, [(PublicationChannel.WEBSITE, 4), (PublicationChannel.WECHAT, 4),
                                          (PublicationChannel.BOTH, 2)])
                published_on = candidate
                if channel is PublicationChannel.WECHAT:
                    token = "".join(rng.choices(string.ascii_letters + string.digits, k=22))
                    url = f"https://mp.weixin.qq.com/s/{token}"
                else:
                    url = f"https://global.sjtu.edu.cn/news/{candidate:%Y%m}/{rng.randint(1000, 9999)}.html"
        reviewer = ""
        if status not in (ReviewStatus.NOT_SUBMITTED, ReviewStatus.SUBMITTED):
            zh, en = rng.choice(OFFICERS)
            reviewer = f"{zh} {en}"
        return self._versioned(
            participation_id=participation.id, kind=kind, title=title, abstract=abstract, due_on=due_on,
            submitted_on=submitted_on, review_status=status, reviewer=reviewer, review_notes=REVIEW_NOTES[status],
            publication_channel=channel, published_on=published_on, publication_url=url,
            file_name="", file_size=None, file_sha256="",
        )

    # -- evaluations --
    def _make_evaluations(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        covered: list[list[_Exchange]] = []
        held_by: dict[tuple[int, int], list[_Exchange]] = defaultdict(list)
        for exchange in self.exchanges:
            if exchange.last_round_held:
                for department in exchange.departments:
                    held_by[(exchange.semester.id, department.id)].append(exchange)
        for semester in self.semesters:
            candidates = [d for d in self.departments if held_by.get((semester.id, d.id))]
            if not candidates:
                continue
            wanted = min(len(candidates), rng.randint(*self.plan.interviews_per_semester))
            for department in rng.sample(candidates, wanted):
                exchanges = held_by[(semester.id, department.id)]
                after = max(e.workshops[-1].starts_at.date() for e in exchanges)
                interview = after + timedelta(days=rng.randint(14, 60))
                if interview >= self.today:
                    continue
                zh, en = rng.choice(OFFICERS)
                interviewees = "、".join(p.name_zh for p in department.people[:2]) if rng.random() < 0.5 else \
                    ", ".join(p.name_en for p in department.people[:2])
                rows.append(self._versioned(
                    department_id=department.id, semester_id=semester.id, interview_date=interview,
                    interviewer=f"{zh} {en}", interviewees=interviewees,
                    findings=" ".join(rng.sample(FINDINGS, 2)),
                ))
                covered.append(exchanges)
        records = [_IdHolder() for _ in rows]
        self._insert_with_ids(Evaluation.__table__, rows, records, "evaluations")
        scores: list[dict[str, Any]] = []
        actions: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        for record, row, exchanges in zip(records, rows, covered, strict=True):
            for rubric_id in self.rubric_ids:
                score = _weighted(rng, [(1, 1), (2, 3), (3, 12), (4, 22), (5, 14)])
                notes = "" if rng.random() < 0.8 else rng.choice(["Good preparation.", "Too little time for Q&A.",
                                                                  "口译准确流畅。", "Partner very well prepared."])
                scores.append({"evaluation_id": record.id, "rubric_item_id": rubric_id, "score": score,
                               "notes": notes})
            interviewed_on: date = row["interview_date"]
            for description in rng.sample(ACTIONS, rng.randint(1, 3)):
                due_on = interviewed_on + timedelta(days=rng.randint(30, 120))
                owner = rng.choice(["IAD", row["interviewees"].split("、")[0].split(", ")[0] or "IAD"])
                actions.append({"evaluation_id": record.id, "description": description, "owner": owner,
                                "due_on": due_on, "done": due_on < self.today and rng.random() < 0.7})
            links.extend({"evaluation_id": record.id, "exchange_id": e.id} for e in exchanges)
        self._insert(EvaluationScore.__table__, scores, "evaluation_scores")
        self._insert(EvaluationAction.__table__, actions, "evaluation_actions")
        self._insert(evaluation_exchanges, links)

    # -- follow-ups and visits --
    def _make_follow_ups(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        for exchange in self.exchanges:
            if not exchange.last_round_held:
                continue
            last = exchange.workshops[-1]
            count = rng.randint(1, 3) if last.continues_independently else (1 if rng.random() < 0.15 else 0)
            day = last.starts_at.date()
            for _ in range(count):
                day += timedelta(days=rng.randint(20, 90))
                if day >= self.today:
                    break
                channel = _weighted(rng, [(ContactChannel.EMAIL, 5), (ContactChannel.VIDEO_CALL, 3),
                                          (ContactChannel.VISIT, 1), (ContactChannel.CONFERENCE, 1)])
                people = ", ".join([p.person.name_en for p in exchange.participants[:1]]
                                   + [c.name for c in exchange.contacts[:1]])
                rows.append(self._versioned(
                    department_id=exchange.departments[0].id, partner_id=exchange.partners[0].id, contact_date=day,
                    channel=channel, people=people, summary=rng.choice(FOLLOW_UP_SUMMARIES[channel]),
                ))
        self._insert(FollowUpContact.__table__, rows, "follow_up_contacts")

    def _make_visit_priorities(self) -> None:
        rng = self.rng
        best: dict[tuple[int, int], tuple[float, dict[str, Any], _Participation, date]] = {}
        for participation, submitted_on, published in self.accepted_reports:
            exchange = participation.exchange
            held = sum(w.status is WorkshopStatus.HELD for w in exchange.workshops)
            role_points = {ParticipantRole.LEAD: 15.0, ParticipantRole.SPEAKER: 10.0,
                           ParticipantRole.MODERATOR: 8.0}.get(participation.role, 4.0)
            # The parts an officer sees next to the score, so the ranking explains itself.
            parts = {
                "report_accepted": 40.0,
                "report_published": 15.0 if published else 0.0,
                "attendance": round(30.0 * self.rounds_attended[participation.id] / max(1, held), 1),
                "role": role_points,
                "preparation": 5.0 if participation.id in self.prepared else 0.0,
                "rounds": 5.0 * (held - 1),
            }
            score = round(sum(parts.values()), 1)
            for partner in exchange.partners:
                key = (participation.person.id, partner.id)
                if key not in best or best[key][0] < score:
                    best[key] = (score, parts, participation, submitted_on or self.today)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[: self.plan.visit_priorities]
        rows: list[dict[str, Any]] = []
        forced = [VisitStatus.VISITED, VisitStatus.APPROVED, VisitStatus.NOMINATED]
        for index, ((person_id, partner_id), (score, parts, _participation, since)) in enumerate(ranked):
            status = forced[index] if index < len(forced) else _weighted(
                rng, [(VisitStatus.NOMINATED, 4), (VisitStatus.APPROVED, 3), (VisitStatus.VISITED, 2),
                      (VisitStatus.CANDIDATE, 2)])
            visited_on: date | None = None
            if status is VisitStatus.VISITED:
                visited_on = min(since + timedelta(days=rng.randint(90, 300)), self.today - timedelta(days=1))
            adjustment, reason, adjusted_by = 0.0, "", ""
            if rng.random() < 0.2:
                reason, sign = rng.choice(VISIT_REASONS)
                adjustment = sign * float(rng.choice((5, 10)))
                adjusted_by = "officer"
            rows.append(self._versioned(
                person_id=person_id, partner_id=partner_id, computed_score=score, score_parts=parts,
                adjustment=adjustment, adjustment_reason=reason, adjusted_by=adjusted_by, status=status,
                visited_on=visited_on,
            ))
        self._insert(VisitPriority.__table__, rows, "visit_priorities")


class _IdHolder:
    """Stands in for a record when only the new row's id is needed afterwards."""

    id: int = 0
