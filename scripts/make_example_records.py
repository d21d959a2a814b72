"""Write the example organisation's records: a car-inspection workshop (列检车间), 2025-06 to 2026-11.

The everyday safety information is generated once, deterministically from ``SEED``, so that
the monthly analysis, the notice and the assessments have realistic material; the real cases
of the source document (``/work/shared/domain``) are written from literal data in the
``REAL CASES`` sections below. Every file goes through the models and
``canonical.record_text`` and is created with ``store.create``, so the output is exactly what
``barrier`` itself would write.

    python scripts/make_example_records.py            # into ./records (must hold no records)
    python scripts/make_example_records.py --clean    # replace the generated records
    python scripts/make_example_records.py --out DIR  # anywhere else

Re-running with the same seed gives byte-identical files (a test proves it).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import random
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from barrier_cli.core.ids import ID_ALPHABET
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.models import (
    Assessment,
    Competence,
    HazardLog,
    Incident,
    KeyPerson,
    NoticeEntry,
    Org,
    Pairing,
    Priorities,
    Report,
    Reward,
    Settings,
    Standard,
)
from barrier_cli.core.models.pairing import add_months
from barrier_cli.io.canonical import dumps, record_text
from barrier_cli.io.store import create

sys.path.insert(0, str(Path(__file__).resolve().parent))

import example_english  # beside this script: the English of its records

SEED = 20251108
FIRST = dt.date(2025, 6, 1)
LAST = dt.date(2026, 11, 20)
"""The last day anything was observed."""
TODAY = dt.date(2026, 11, 24)
"""The day the book was last brought up to date: no analysis, action or closure after it."""
GENERATED = (
    "standards",
    "reports",
    "incidents",
    "pairings",
    "assessments",
    "notices",
    "returns",
    "roundups",
    "competence",
    "keypersons",
    "rewards",
    "priorities",
)

D = dt.date

# ---------------------------------------------------------------------------------------------
# Settings, organisation and standards
# ---------------------------------------------------------------------------------------------

SETTINGS: dict[str, Any] = {
    "organisation": "列检车间",
    "organisation_en": "Train Inspection Workshop",
    "lang": "zh",
    "timezone": "Asia/Shanghai",
    # Minimum reports per month. The source collected 1,285 items in the programme's life,
    # about fifty a month for the whole workshop: "daily" is the rhythm members work to, and
    # one a month per member, group leader and branch is the floor below which it is 漏报.
    "cadence": {
        "member": {"period": "day", "min": 1},
        "group": {"period": "week", "min": 1},
        "branch": {"period": "month", "min": 1},
    },
    # The cadres' patrols are judged by the source's rule, the settings' default: 党员干部每天
    # 循环深入现场, a patrol each duty day (a month of one patrol each is far too few).
    "deadlines": {
        "analyse_days": 3,
        "close_days": 28,
        "pairing_basic_months": 3,
        "pairing_full_months": 6,
        "reminders": [7, 1, 0],
        "backdate_days": 7,
    },
    "closure": "three",
    "risk_weights": {"low": 1, "medium": 3, "high": 9},
    "notice": {
        "issuer": "车间党总支",
        "issuer_en": "the General Branch",
        "number": "列检党总支〔{year}〕{seq}号",
        "number_en": "Train Inspection General Party Branch [{year}] No. {seq}",
        "recipients": ["各党支部"],
        "recipients_en": ["all party branches"],
        "correction_days": 10,
        "authority": "中共牡丹江车辆段列检车间总支部委员会",
        "authority_en": "CPC General Branch Committee of the Train Inspection Workshop, "
        "Mudanjiang Rolling Stock Depot",
        "copy_to": ["中共牡丹江车辆段委员会", "牡丹江车辆段安全科"],
        "printer": "列检车间党总支",
        "printer_en": "the General Party Branch of the Train Inspection Workshop",
        "copy_to_en": [
            "CPC Committee of Mudanjiang Rolling Stock Depot",
            "Mudanjiang Rolling Stock Depot Safety Section",
        ],
    },
    # The railway sub-bureaus (分局) were abolished in 2005: a workshop of 2026 hands a general
    # class-A accident over to the depot's party committee.
    "cases": {
        "handover_levels": ["车间党总支", "段党委"],
        "handover_levels_en": ["the General Branch", "the Depot Party Committee"],
        "handover": {
            "extraordinary": "段党委",
            "major": "段党委",
            "large": "段党委",
            "general_a": "段党委",
            "violation_a": "车间党总支",
        },
    },
}

BRANCHES = {"B1": "一班", "B2": "二班", "B3": "三班", "B4": "四班"}
GROUPS = {"B1": 4, "B2": 3, "B3": 3, "B4": 3}
NUMERALS = "一二三四"

PARTNERS = [
    ("lianjian", "前方列检所", "the next inspection point down the line"),
    ("xinhaolou", "信号楼", "the signal box"),
    ("zhandiao", "站调", "the station dispatcher"),
    ("xingdiao", "行调", "the train dispatcher"),
    ("chezhan", "车站", "the station"),
    ("jiwu", "机务", "the locomotive depot"),
]

# id, name, unit, party member, roles, since, until
PEOPLE: list[tuple[str, str, str, bool, list[str], dt.date | None, dt.date | None]] = [
    ("wang_jianguo", "王建国", "GB", True, ["secretary", "committee", "cadre"], None, None),
    ("liu_zhenhua", "刘振华", "GB", True, ["committee", "cadre"], None, None),
    ("zhao_min", "赵敏", "GB", False, ["info_officer"], None, None),
    # 一班
    ("li_guoqiang", "李国强", "B1", True, ["secretary", "committee"], None, None),
    ("zhang_hongbo", "张洪波", "B1", True, ["team_leader", "committee"], None, None),
    ("chen_jun", "陈军", "B1-G1", True, ["group_leader", "inspector"], None, None),
    ("wu_lei", "吴磊", "B1-G1", True, ["inspector"], None, None),
    ("he_yong", "何勇", "B1-G1", False, ["inspector"], None, None),
    ("tan_xin", "谭鑫", "B1-G1", False, ["inspector"], None, None),
    ("yang_fan", "杨帆", "B1-G2", True, ["group_leader", "foreman"], None, None),
    ("ma_xiaodong", "马晓东", "B1-G2", False, ["inspector"], None, None),
    ("lin_tao", "林涛", "B1-G2", False, ["inspector", "info_officer"], None, None),
    ("xu_gang", "徐刚", "B1-G3", True, ["group_leader", "committee", "inspector"], None, None),
    ("guo_peng", "郭鹏", "B1-G3", False, ["inspector"], None, None),
    ("huang_lijun", "黄立军", "B1-G4", True, ["group_leader", "inspector"], None, None),
    ("zhu_chunxiang", "朱春祥", "B1-G4", False, ["inspector"], None, None),
    ("luo_bin", "罗斌", "B1-G4", False, ["inspector"], None, None),
    # 二班
    ("zhou_xiuying", "周秀英", "B2", True, ["secretary", "committee"], None, None),
    ("feng_guoliang", "冯国良", "B2", True, ["team_leader"], None, D(2026, 7, 5)),
    ("tang_wei", "唐伟", "B2", True, ["team_leader"], D(2026, 7, 6), None),
    ("song_jian", "宋健", "B2-G1", True, ["group_leader", "inspector"], None, None),
    ("jiang_haifeng", "姜海峰", "B2-G1", True, ["inspector"], None, None),
    ("pan_zhiqiang", "潘志强", "B2-G1", False, ["inspector"], None, None),
    ("cao_lin", "曹林", "B2-G2", True, ["group_leader", "committee", "inspector"], None, None),
    ("deng_kai", "邓凯", "B2-G2", False, ["inspector"], None, None),
    ("liu_yang", "刘洋", "B2-G2", False, ["inspector"], None, None),
    ("xie_yongsheng", "谢永胜", "B2-G3", True, ["group_leader", "foreman"], None, None),
    ("han_dong", "韩冬", "B2-G3", False, ["inspector"], None, None),
    # 三班
    ("liang_jianhua", "梁建华", "B3", True, ["secretary", "committee"], None, None),
    ("qian_fugui", "钱富贵", "B3", True, ["team_leader"], None, D(2026, 4, 1)),
    ("bai_yunfeng", "白云峰", "B3", True, ["team_leader"], D(2026, 4, 2), None),
    ("du_hongwei", "杜宏伟", "B3-G1", True, ["group_leader", "inspector"], None, None),
    ("fang_qiang", "方强", "B3-G1", True, ["inspector"], None, None),
    ("gao_jianjun", "高建军", "B3-G1", False, ["inspector"], None, None),
    ("shi_lei", "石磊", "B3-G1", False, ["inspector"], None, None),
    (
        "peng_xiaoming",
        "彭晓明",
        "B3-G2",
        True,
        ["group_leader", "committee", "foreman"],
        None,
        None,
    ),
    ("lu_chao", "卢超", "B3-G2", False, ["inspector"], None, None),
    ("sun_hao", "孙浩", "B3-G2", False, ["inspector"], None, None),
    ("yu_haitao", "于海涛", "B3-G3", True, ["group_leader", "inspector"], None, None),
    ("jin_long", "金龙", "B3-G3", False, ["inspector"], None, None),
    # 四班
    ("ren_hui", "任辉", "B4", True, ["secretary", "committee"], None, None),
    ("kong_xiangyu", "孔祥宇", "B4", True, ["team_leader"], None, D(2026, 10, 27)),
    ("wei_zhen", "魏振", "B4", True, ["team_leader"], D(2026, 10, 28), None),
    ("qin_baoshan", "秦宝山", "B4", False, ["duty_officer"], None, D(2026, 10, 27)),
    ("lu_yan", "路岩", "B4", False, ["duty_officer"], D(2026, 10, 28), None),
    ("tian_ye", "田野", "B4-G1", True, ["group_leader", "inspector"], None, None),
    ("hu_bo", "胡波", "B4-G1", True, ["inspector"], None, None),
    ("zhang_liang", "张亮", "B4-G1", False, ["inspector"], None, None),
    ("xue_feng", "薛峰", "B4-G1", False, ["inspector"], None, None),
    ("mo_wenbin", "莫文斌", "B4-G2", True, ["group_leader", "committee", "foreman"], None, None),
    ("yao_jun", "姚军", "B4-G2", False, ["inspector"], None, None),
    ("dong_li", "董力", "B4-G3", True, ["group_leader", "inspector"], None, None),
    ("cui_hao", "崔浩", "B4-G3", False, ["inspector"], None, None),
    ("zheng_yu", "郑宇", "B4-G3", False, ["inspector", "info_officer"], None, None),
]


def org_data() -> dict[str, Any]:
    units: list[dict[str, Any]] = [
        {
            "id": "GB",
            "name": "列检车间党总支",
            "name_en": "Workshop General Party Branch",
            "kind": "general_branch",
        }
    ]
    for number, (branch, shift) in enumerate(BRANCHES.items(), 1):
        units.append(
            {
                "id": branch,
                "name": f"{shift}党支部",
                "name_en": f"Shift {number} branch",
                "kind": "branch",
                "parent": "GB",
            }
        )
        for n in range(GROUPS[branch]):
            units.append(
                {
                    "id": f"{branch}-G{n + 1}",
                    "name": f"{shift}{NUMERALS[n]}组",
                    "name_en": f"Shift {number} Group {n + 1}",
                    "kind": "group",
                    "parent": branch,
                }
            )
    people = [
        {
            "id": pid,
            "name": name,
            "unit": unit,
            "party_member": party,
            "roles": roles,
            "since": since,
            "until": until,
        }
        for pid, name, unit, party, roles, since, until in PEOPLE
    ]
    partners = [{"id": pid, "name": name, "name_en": en} for pid, name, en in PARTNERS]
    return {"units": units, "partners": partners, "people": people}


BRANCH_STANDARD: dict[str, Any] = {
    "id": "branch",
    "name": "党支部实施“安全屏障”工程考核标准",
    "aspects": [
        {
            "id": "info",
            "name": "信息反馈",
            "items": [
                {"id": "info_network", "name": "三级网络按期反馈安全信息", "max": 10, "source": "derived", "rules": {"missed_reports": 2},
                 "description": "党员每日、党小组长每周、党支部每月反馈；漏报一人次扣2分。"},
                {"id": "info_quality", "name": "信息质量与及时分析", "max": 5, "source": "derived", "rules": {"low_quality": 0.5, "late_analysis": 0.5, "shallow_analysis": 1, "unassigned_action": 0.5},
                 "description": "一般信息随时分析，制定卡控标准；分析超期或原因不清酌情扣分。"},
                {"id": "violation_analysis", "name": "每月分析党员“两违”信息", "max": 6, "source": "derived", "rules": {"violation_unanalysed": 2}},
                {"id": "serious_cases", "name": "严重“两违”和一般A类及以上事故剖析、交班和责任追究", "max": 15, "source": "derived", "rules": {"no_handover": 10, "closed_against_rule": 4},
                 "description": "按三不放过剖析，实施党内交班和责任追究。"},
            ],
        },
        {
            "id": "control",
            "name": "作业控制",
            "items": [
                {"id": "post_area", "name": "一次作业过程中的“岗区”控制", "max": 10, "source": "derived", "rules": {"serious_accident": 10, "accident": 5, "violation": 1, "precursor": 1}},
                {"id": "special_work", "name": "施工等特殊情况下作业过程控制", "max": 6, "source": "entered"},
                {"id": "key_persons", "name": "安全关键人包保转化", "max": 8, "source": "derived", "rules": {"pairing_no_review": 1, "pairing_overdue": 2, "key_person_unpaired": 2},
                 "description": "三个月基本转化，半年完全转化。"},
                {"id": "mutual_control", "name": "岗位互控（“四同”）与控制写实手册", "max": 5, "source": "entered"},
            ],
        },
        {
            "id": "network",
            "name": "责任网络",
            "items": [
                {"id": "joint_meeting", "name": "与行政共同开好安全分析例会", "max": 7, "source": "entered"},
                {"id": "member_role", "name": "发挥党员作用（提醒、把关、先锋岗）", "max": 6, "source": "entered"},
                {"id": "briefing", "name": "班前安全预想（两看、两问、一强调）", "max": 5, "source": "entered"},
            ],
        },
        {
            "id": "basic",
            "name": "基础保证",
            "items": [
                {"id": "projects", "name": "安全攻关，解决难点、难事、难题", "max": 8, "source": "derived", "rules": {"overdue_action": 1}},
                {"id": "activities", "name": "党内安全主题活动（双学双提、四赛）", "max": 9, "source": "derived", "rules": {"no_activity": 3}},
            ],
        },
    ],
}  # fmt: skip

MEMBER_STANDARD: dict[str, Any] = {
    "id": "member",
    "name": "党员先锋岗作用标准",
    "pass_mark": 80,
    "aspects": [
        {
            "id": "pioneer",
            "name": "党员先锋岗",
            "items": [
                {"id": "knows", "name": "应知一口清", "max": 25},
                {"id": "skills", "name": "应会一手精", "max": 25},
                {"id": "no_violation", "name": "自身无“两违”", "max": 25,
                 "description": "含不执行党内安全信息报告制度（漏报）。"},
                {"id": "no_accident", "name": "身边无事故", "max": 25},
            ],
        }
    ],
}  # fmt: skip

# What English documents call each standard, aspect and item (as `barrier init --lang en` does).
STANDARD_NAMES_EN = {
    "branch": "Branch assessment standard of the safety barrier programme",
    "info": "Information feedback",
    "info_network": "The three-tier network reports on time",
    "info_quality": "Quality and timely analysis of information",
    "violation_analysis": "Monthly analysis of members' violation information",
    "serious_cases": "Analysis, handover and accountability for serious violations and class-A accidents",
    "control": "Work control",
    "post_area": "Post-area control during one work process",
    "special_work": "Control of special work such as construction",
    "key_persons": "Turning key persons around through pairings",
    "mutual_control": "Post mutual control and the control handbook",
    "network": "Responsibility network",
    "joint_meeting": "Joint safety-analysis meetings with management",
    "member_role": "Members' role (reminding, checking, pioneer posts)",
    "briefing": "Pre-shift safety briefing",
    "basic": "Basic guarantee",
    "projects": "Safety problem-solving projects",
    "activities": "Party safety themed activities and contests",
    "member": "Party member pioneer post standard",
    "pioneer": "Party member pioneer post",
    "knows": "Knows the rules by heart",
    "skills": "Masters the work",
    "no_violation": "No violations of their own",
    "no_accident": "No accident around them",
}


def with_english_names(standard: dict[str, Any]) -> dict[str, Any]:
    """``standard`` with the English name of itself, each aspect and each item."""

    def named(entry: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": entry["id"],
            "name": entry["name"],
            "name_en": STANDARD_NAMES_EN[entry["id"]],
        } | entry

    return named(standard) | {
        "aspects": [
            named(aspect) | {"items": [named(item) for item in aspect["items"]]}
            for aspect in standard["aspects"]
        ]
    }


# ---------------------------------------------------------------------------------------------
# The people, as the generator needs them
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Who:
    id: str
    unit: str
    party: bool
    roles: tuple[str, ...]
    since: dt.date | None
    until: dt.date | None

    @property
    def branch(self) -> str:
        return self.unit.split("-")[0]

    def active(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


WHO_NAMES = {p[0]: p[1] for p in PEOPLE}
WHO = {p[0]: Who(p[0], p[2], p[3], tuple(p[4]), p[5], p[6]) for p in PEOPLE}


def in_unit(unit: str, day: dt.date) -> list[Who]:
    return [w for w in WHO.values() if w.unit == unit and w.active(day)]


def with_role(branch: str, role: str, day: dt.date) -> Who:
    """The holder of ``role`` in ``branch`` (the branch unit itself) on ``day``."""
    return next(w for w in in_unit(branch, day) if role in w.roles)


def holder(pid: str, day: dt.date) -> str:
    """``pid``, or whoever took over their post by ``day`` (team leaders were replaced)."""
    who = WHO[pid]
    if who.active(day):
        return pid
    return next(
        w.id for w in in_unit(who.unit, day) if w.roles == who.roles and w.party == who.party
    )


def group_leader(group: str) -> Who:
    return next(w for w in WHO.values() if w.unit == group and "group_leader" in w.roles)


# ---------------------------------------------------------------------------------------------
# The everyday safety information: a catalogue of what a 列检 shift finds
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """One kind of finding: how it is worded, why it happens and what is done about it."""

    element: str
    category: str
    keys: tuple[str, ...]
    risk: str
    summary: str
    cause: str
    actions: tuple[tuple[str, str, int], ...]
    """(type, action, days from analysis to due)."""
    on_train: bool = False
    worker: bool = False
    """A worker of the unit is named in ``persons``."""
    partner: str | None = None
    months: tuple[int, ...] = ()
    """Only in these months (weather); empty means any month."""
    weight: int = 3
    hazard: str | None = None
    """The hazard log's id the report names (its words match none of the log's phrases)."""


WINTER = (11, 12, 1, 2, 3)
SUMMER = (6, 7, 8)

CATALOGUE: list[Pattern] = [
    # Equipment faults found on trains (车辆故障)
    Pattern("equipment", "fault", ("train",), "medium", "{train}次{vehicle}{pos}位闸瓦磨耗超限",
         "闸瓦磨耗到限，上一列检作业中检查未量测到位。", (("immediate", "扣车更换闸瓦并复查同列车辆", 0),), True, weight=5),
    Pattern("equipment", "fault", ("train",), "high", "{train}次{vehicle}制动梁安全链脱落",
         "安全链吊座螺栓松动，运行中振动脱落。", (("immediate", "现场处理，恢复安全链并紧固吊座螺栓", 0),
         ("preventive", "将制动梁安全链纳入到达检查重点项点", 10)), True, weight=3),
    Pattern("equipment", "fault", ("train",), "high", "{train}次{vehicle}钩舌销开口销丢失",
         "开口销锈蚀折断，前次检修未更换。", (("immediate", "补装开口销，全列复查车钩三态", 0),), True, weight=3),
    Pattern("equipment", "fault", ("train",), "medium", "{train}次{vehicle}{pos}位车轮踏面擦伤",
         "制动抱闸造成踏面擦伤，深度接近限度。", (("immediate", "测量擦伤深度，超限扣修", 0),), True, weight=3),
    Pattern("equipment", "fault", ("train",), "medium", "{train}次{vehicle}交叉杆端头螺栓松动",
         "交叉杆端头螺栓防松措施失效。", (("immediate", "紧固并更换防松垫片", 0),), True, weight=3),
    Pattern("equipment", "fault", ("train",), "medium", "{train}次{vehicle}摇枕弹簧外圈折断",
         "弹簧疲劳折断，重载运行加剧。", (("immediate", "扣修更换摇枕弹簧", 1),), True, weight=2),
    Pattern("equipment", "fault", ("train",), "high", "{train}次{vehicle}截断塞门手把处于关闭位",
         "始发站作业后未恢复塞门位置，关门车未登记。", (("immediate", "开通截断塞门，重新试风确认", 0),
         ("corrective", "与前方列检核对关门车登记，反馈信息", 3)), True, partner="lianjian", weight=2),
    Pattern("equipment", "fault", ("train",), "medium", "{train}次{vehicle}制动缸缓解不良",
         "缓解阀作用不良，列车试风时未细看缓解状态。", (("immediate", "处理缓解阀，重新试风", 0),), True, weight=3),
    # Equipment hazards at the site
    Pattern("equipment", "hazard", ("post",), "medium", "{loc}照明灯损坏，夜间作业视线不良",
         "照明设施巡检不到位，损坏后未及时报修。", (("corrective", "报修更换照明灯具", 5),
         ("preventive", "照明设施纳入每周设备巡检项点", 14)), weight=3),
    Pattern("equipment", "hazard", ("link", "post"), "high", "{loc}脱轨器插撤不灵活",
         "脱轨器活动部位锈蚀，缺少定期润滑。", (("immediate", "清理润滑脱轨器，试验良好", 1),
         ("preventive", "脱轨器每旬检查润滑，责任到人", 10)), weight=3),
    Pattern("equipment", "hazard", ("link",), "medium", "{loc}防溜铁鞋摆放不规范，编号不清",
         "防溜工具定置管理不落实。", (("corrective", "防溜铁鞋定置定位、重新编号", 3),), weight=2),
    Pattern("equipment", "hazard", ("post",), "medium", "对讲机电池老化，作业中通话中断",
         "对讲机使用年限长，电池未按期更换。", (("corrective", "更换对讲机电池，建立充放电登记", 7),), weight=2),
    Pattern("equipment", "hazard", ("link",), "medium", "试风机压力表失准",
         "压力表超过校验期未送检。", (("immediate", "停用并更换备用压力表", 0),
         ("corrective", "建立计量器具校验台账", 14)), weight=2),
    Pattern("equipment", "hazard", ("post",), "medium", "{loc}路面积雪结冰，作业人员易滑倒",
         "降雪后作业通道清扫不及时。", (("immediate", "组织清扫作业通道，撒防滑料", 0),), months=WINTER, weight=4),
    Pattern("equipment", "hazard", ("post",), "low", "{loc}作业通道有积水",
         "雨季排水沟堵塞。", (("corrective", "疏通排水沟", 3),), months=SUMMER, weight=3),
    # Personnel: violations, near misses, quality (人员)
    Pattern("personnel", "violation", ("person", "post"), "medium", "检车员钻车作业时钻跨不到位",
         "作业人员图省事，对“钻、跨、越”安全规定认识不足。", (("immediate", "现场纠正，进行安全谈话", 0),
         ("preventive", "将钻车作业钻跨到位纳入班前预想重点提醒", 7)), worker=True, weight=5),
    Pattern("personnel", "violation", ("person",), "low", "作业人员着装不整，防护服未系扣",
         "班前预想“看着装”不严。", (("immediate", "当场纠正着装", 0),), worker=True, weight=4),
    Pattern("personnel", "violation", ("person", "link"), "high", "检车员横越线路未执行“一站、二看、三通过”",
         "安全意识淡薄，抢时间赶作业。", (("immediate", "现场制止并批评教育", 0),
         ("corrective", "组织本组学习横越线路安全规定", 5)), worker=True, weight=3),
    Pattern("personnel", "near_miss", ("person", "post"), "high", "邻线来车时个别作业人员未及时下道避让",
         "邻线来车提醒不到位，作业人员注意力集中在车辆上。", (("immediate", "重申邻线来车提前提醒制度", 0),
         ("preventive", "把邻线来车提醒纳入党员定位定项控制点", 10)), worker=True, weight=3),
    Pattern("personnel", "violation", ("person", "link"), "high", "插撤脱轨器未执行呼唤应答",
         "联控用语执行不严，互控流于形式。", (("immediate", "现场纠正并补做联控", 0),
         ("corrective", "开展呼唤应答标准化演练", 7)), worker=True, weight=2),
    Pattern("personnel", "quality", ("person",), "medium", "检车员作业中未按规定使用检车锤",
         "作业标准掌握不牢，锤检部位不全。", (("corrective", "由党员进行一对一示范帮教", 7),), worker=True, weight=3),
    Pattern("personnel", "hazard", ("person",), "medium", "高温天气作业人员精神不集中",
         "连续高温，夜班休息不足。", (("preventive", "调整作业间隙休息，备足防暑用品", 3),), months=SUMMER, weight=3),
    Pattern("personnel", "hazard", ("person", "group"), "medium", "个别职工家庭有困难，班中思想不稳定",
         "思想动态掌握不及时。", (("corrective", "支部谈心并落实帮扶，安排党员互控", 7),), worker=True, weight=2),
    # Management (管理)
    Pattern("management", "quality", ("link",), "low", "车统-15填写不规范，故障部位记载不清",
         "对车统-15填写标准不重视，工长审核不严。", (("corrective", "组织车统-15填写标准学习并抽查", 7),), weight=4),
    Pattern("management", "quality", ("group",), "low", "控制写实手册记录不及时，工长未认证",
         "党员岗位控制点写实要求落实不到位。", (("corrective", "支部检查控制写实手册并考核", 7),), weight=3),
    Pattern("management", "quality", ("group",), "medium", "班前预想流于形式，未执行“两看、两问、一强调”",
         "作业组长对班前预想重视不够。", (("corrective", "支部书记参加班前预想并讲评", 5),), weight=3),
    Pattern("management", "hazard", ("train", "link"), "medium", "交接班时未交清{train}次重点车辆位置",
         "交接班内容不具体，重点车辆未书面交接。", (("corrective", "交接班增加重点车辆书面交接栏", 5),), True, weight=2),
    Pattern("management", "hazard", ("train", "link"), "high", "{train}次双牵重载列车到达后作业时间紧，作业过程衔接不畅",
         "双牵重载列车编组长，原有分工不适应。", (("corrective", "按双牵重载列车作业过程重新分工", 7),
         ("preventive", "党员骨干跟班指导双牵重载列车作业", 14)), True, weight=3),
    Pattern("management", "hazard", ("train", "link"), "medium", "提速调图后{train}次作业时间压缩，关键环节卡控不到位",
         "新图作业时分与作业过程不匹配。", (("corrective", "按新图重新核定作业时分", 10),), True, weight=2),
    Pattern("management", "near_miss", ("link",), "high", "撤除防护号志前未确认全部作业人员已撤出",
         "作业完了确认程序执行不严。", (("immediate", "重申作业完了“撤除号志”提醒", 0),
         ("preventive", "撤除号志纳入作业完了党员确认项点", 10)), weight=2),
    Pattern("management", "suggestion", ("post",), "low", "建议在{loc}增设夜间照明",
         "现有照明不能覆盖作业区域。", (("preventive", "提报车间设备科，列入改造计划", 20),), weight=2),
    Pattern("management", "suggestion", ("train", "group"), "low", "建议对双牵重载列车增加一名检车员",
         "作业量增加，人员配置未调整。", (("preventive", "提请车间行政研究双牵重载列车作业人员配置并答复建议人", 20),), weight=2),
    Pattern("management", "suggestion", ("link",), "low", "建议将插撤脱轨器纳入党员定位定项控制点",
         "关键环节控制责任未细化到人。", (("preventive", "修订党员定位定项控制点", 14),), weight=2),
    # From partner units (联劳)
    Pattern("management", "near_miss", ("link",), "high", "信号楼未及时通知邻线接车，作业人员险些来不及避让",
         "联劳联控通知不及时。", (("corrective", "与信号楼重新确认邻线接车通知办法", 5),), partner="xinhaolou", weight=2,
         hazard="H-01"),
    Pattern("management", "hazard", ("train", "link"), "medium", "站调临时变更{train}次到达股道未通知列检",
         "站调与列检信息互通不畅。", (("corrective", "与站调建立股道变更即时通报制度", 7),), True, partner="zhandiao", weight=2),
    Pattern("management", "hazard", ("train",), "medium", "行调调整{train}次开车时刻，列检作业时间不足",
         "行车调整未预留列检作业时间。", (("corrective", "向行调反馈列检最短作业时分", 7),), True, partner="xingdiao", weight=2),
    Pattern("management", "hazard", ("train", "link"), "high", "机务人员摘挂机车时未与列检联系试风",
         "机车与列检联控程序执行不严。", (("corrective", "与机务段联系落实摘挂机车联控", 7),), True, partner="jiwu", weight=2),
    Pattern("management", "near_miss", ("link",), "high", "车站调车作业越过列检防护信号",
         "调车人员对列检防护信号确认不认真。", (("corrective", "与车站共同分析并重申防护规定", 5),), partner="chezhan", weight=1),
    Pattern("equipment", "quality", ("train",), "medium", "前方列检反馈{train}次{vehicle}故障漏检",
         "到达检查走行部不细，漏检漏修。", (("corrective", "对当班检车员进行漏检分析和考核", 5),
         ("preventive", "对走行部检查进行“一对一”抽考", 14)), True, partner="lianjian", weight=2),
]  # fmt: skip

LOCATIONS = [
    "到达场3道",
    "到达场5道",
    "出发场2道",
    "出发场4道",
    "编组场下行",
    "列检所门前",
    "到达场南端",
]
CARS = ["C64K", "C70", "C70E", "C80", "P64AK", "P70", "X70", "NX70", "G70K", "KZ70"]
POSITIONS = ["一", "二", "三", "四", "五", "六", "七", "八"]


@dataclass
class Gen:
    """The random state of one run, and the ids handed out so far."""

    rng: random.Random
    ids: set[str] = field(default_factory=set)

    def report_id(self, day: dt.date) -> str:
        while True:
            rid = f"R-{day:%Y%m%d}-" + "".join(self.rng.choice(ID_ALPHABET) for _ in range(4))
            if rid not in self.ids:
                self.ids.add(rid)
                return rid

    def train(self) -> str:
        return str(
            self.rng.choice([self.rng.randint(10001, 49998), self.rng.randint(80001, 86998)])
        )

    def vehicle(self) -> str:
        return f"{self.rng.choice(CARS)} {self.rng.randint(1500000, 5999999)}"


def patterns_for(month: int, *, partner: bool) -> list[Pattern]:
    return [
        k
        for k in CATALOGUE
        if (not k.months or month in k.months) and (k.partner is not None) == partner
    ]


def lifecycle(
    gen: Gen, day: dt.date, kind: Pattern, owners: list[str], checker: str, *, overdue: bool = False
) -> dict[str, Any]:
    """Analysis, actions and closure of a report, as far as they got by ``TODAY``.

    ``overdue`` makes one of the actions slip past its due date at the end of October 2026,
    still open: the cases a notice criticises.
    """
    rng = gen.rng
    delay = rng.choices([0, 1, 2, 3, 5, 8], weights=[40, 30, 14, 7, 6, 3])[0]
    analysed = day + dt.timedelta(days=delay)
    if analysed > TODAY or (day >= LAST - dt.timedelta(days=6) and rng.random() < 0.5):
        return {"status": "open"}
    analysis = {"date": analysed, "by": checker, "cause": kind.cause}
    if day >= LAST - dt.timedelta(days=12) and rng.random() < 0.3:
        return {"status": "analysed", "analysis": analysis}
    actions = []
    for n, (atype, text, days) in enumerate(kind.actions):
        due = analysed + dt.timedelta(days=days)
        late = atype != "immediate" and rng.random() < 0.1
        done = (
            due + dt.timedelta(days=rng.randint(3, 25))
            if late
            else due - dt.timedelta(days=rng.randint(0, min(days, 3)))
        )
        done: dt.date | None = max(done, analysed)
        if overdue and n == len(kind.actions) - 1:
            due, done = dt.date(2026, 10, rng.randint(24, 31)), None
        if done is not None and done > TODAY:
            done = None
        # Whoever held the post on its due day: one who took the post later cannot have owed
        # an action that fell due before they came.
        owner = holder(owners[min(n, len(owners) - 1)], min(due, done or TODAY))
        action = {"action": text, "type": atype, "owner": owner, "due": due}
        if done is not None:
            action |= {"done": done, "verified_by": checker}
        actions.append(action)
    out: dict[str, Any] = {"analysis": analysis, "actions": actions}
    if any("done" not in a for a in actions):
        return out | {"status": "rectifying"}
    closed = max(a["done"] for a in actions) + dt.timedelta(days=rng.randint(0, 2))
    if closed > TODAY:
        return out | {"status": "rectifying"}
    return out | {"status": "closed", "closed": closed}


def generated_report(
    gen: Gen, day: dt.date, reporter: Who, level: str, unit: str, *, overdue: bool = False
) -> dict[str, Any]:
    rng = gen.rng
    partner = not overdue and rng.random() < (0.25 if level == "branch" else 0.1)
    kinds = patterns_for(day.month, partner=partner)
    if level == "branch":
        kinds = [k for k in kinds if k.element == "management"]
    if overdue:
        kinds = [k for k in kinds if len(k.actions) > 1 and k.element != "equipment"]
    kind = rng.choices(kinds, weights=[k.weight for k in kinds])[0]
    branch = unit.split("-")[0]
    fields = {
        "train": gen.train(),
        "vehicle": gen.vehicle(),
        "pos": rng.choice(POSITIONS),
        "loc": rng.choice(LOCATIONS),
    }
    if kind.partner:
        source = "joint_labour"
    elif reporter.unit == "GB":
        source = "cadre_patrol"
    elif kind.on_train and kind.element == "equipment":
        source = rng.choices(["on_site", "cadre_patrol"], weights=[9, 1])[0]
    else:
        source = rng.choices(
            ["on_site", "cadre_patrol", "briefing", "other"],
            weights=[55, 10, 25, 10] if level == "member" else [35, 35, 25, 5],
        )[0]
    data: dict[str, Any] = {
        "id": gen.report_id(day),
        "date": day,
        "reporter": reporter.id,
        "unit": unit,
        "level": level,
        "source": source,
        "partner": kind.partner,
        "element": kind.element,
        "category": kind.category,
        "keys": list(kind.keys)
        + (["group"] if level == "group" and "group" not in kind.keys else []),
        "risk": kind.risk,
        "summary": kind.summary.format(**fields),
        "hazard": kind.hazard,
    }
    if kind.on_train:
        data["train"] = fields["train"]
        if "{vehicle}" in kind.summary:
            data["vehicle"] = fields["vehicle"]
    where_matters = kind.category == "near_miss" or (
        kind.category == "hazard" and kind.element == "equipment"
    )
    # A few reports leave out the place where it matters: what a notice calls low quality.
    if "{loc}" in kind.summary or (where_matters and rng.random() > 0.05):
        data["location"] = fields["loc"]
    if kind.worker and (person := key_person_for(rng, branch, day, kind)):
        data["persons"] = [person]
    if kind.category == "fault" and rng.random() < (0.3 if kind.risk == "high" else 0.05):
        data["commend"] = True
    checker = with_role(branch, "secretary", day).id if branch in BRANCHES else "wang_jianguo"
    owners = owners_for(unit, day, kind)
    out = data | lifecycle(gen, day, kind, owners, checker, overdue=overdue)
    if data.get("commend"):
        # a good catch is dealt with on the spot: its immediate action is the day's own
        for action in out.get("actions", []):
            if action["type"] == "immediate" and "done" in action:
                action["due"] = action["done"] = day
    return out


FITTING_REASONS = {
    "violation": {"violations", "attitude"},
    "near_miss": {"violations", "attitude"},
    "quality": {"low_skill", "few_finds"},
    "hazard": {"attitude", "other"},
}


def key_person_for(rng: random.Random, branch: str, day: dt.date, kind: Pattern) -> str | None:
    """A worker to name in ``persons``: a key person of the branch, around the time the
    reports about them made them one (from two and a half months before their pairing to one
    after), whose weakness fits the finding. A person turned around is not named again: their
    pairing closes with "three months without a violation"."""
    fitting = FITTING_REASONS.get(kind.category, set())
    pool = [
        person
        for start, person, _, reasons, _ in PAIRINGS
        if WHO[person].branch == branch
        and WHO[person].active(day)
        and fitting & set(reasons)
        and start - dt.timedelta(days=75) <= day <= start + dt.timedelta(days=30)
    ]
    return rng.choice(pool) if pool and rng.random() < 0.4 else None


def owners_for(unit: str, day: dt.date, kind: Pattern) -> list[str]:
    """Who carries the actions: the group leader first, then the shift's team leader."""
    branch = unit.split("-")[0]
    if branch not in BRANCHES:
        return ["liu_zhenhua"]
    team_leader = with_role(branch, "team_leader", day).id
    if kind.element == "equipment" and kind.category == "hazard":
        return [team_leader, "liu_zhenhua"]
    if unit == branch:
        return [team_leader, with_role(branch, "secretary", day).id]
    return [group_leader(unit).id, team_leader]


def months() -> Iterator[tuple[dt.date, dt.date]]:
    first = FIRST
    while first <= LAST:
        last = dt.date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
        yield first, min(last, LAST)
        first = last + dt.timedelta(days=1)


MISSED = {(2025, 9): "wu_lei", (2026, 10): "fang_qiang"}
"""Members who filed nothing in a month (漏报): the source's 2025-09 case and one recent one."""
OVERDUE_IN_OCTOBER = 4


def generated_reports(gen: Gen) -> list[dict[str, Any]]:
    """A month's reports per tier: every duty of the cadence met, a little more from some."""
    rng = gen.rng
    out: list[dict[str, Any]] = []
    for first, last in months():

        def day_for(who: Who, first: dt.date = first, last: dt.date = last) -> dt.date | None:
            days = [
                first + dt.timedelta(days=n)
                for n in range((last - first).days + 1)
                if who.active(first + dt.timedelta(days=n))
            ]
            return rng.choice(days) if days else None

        overdue_left = OVERDUE_IN_OCTOBER if (first.year, first.month) == (2026, 10) else 0
        for who in rng.sample(list(WHO.values()), len(WHO)):
            duties: list[str] = []
            if who.party and MISSED.get((first.year, first.month)) != who.id:
                duties += ["member"] * (1 + (rng.random() < 0.03))
            if "group_leader" in who.roles:
                duties += ["group"] * (1 + (rng.random() < 0.15))
            if "secretary" in who.roles and who.unit in BRANCHES:
                duties += ["branch"] * (1 + (rng.random() < 0.2))
            if not who.party and rng.random() < (0.6 if "info_officer" in who.roles else 0.03):
                duties.append("member")
            for level in duties:
                day = day_for(who)
                if day is None:
                    continue
                overdue = (
                    overdue_left > 0
                    and level != "branch"
                    and who.branch in BRANCHES
                    and day.day <= 20
                    and rng.random() < 0.5
                )
                if overdue:
                    overdue_left -= 1
                out.append(generated_report(gen, day, who, level, who.unit, overdue=overdue))
    return out


# ---------------------------------------------------------------------------------------------
# REAL CASES: safety information from the source document, written from literal data
# ---------------------------------------------------------------------------------------------

R_916018 = "R-20250627-JHF1"
R_DOUBLE = "R-20250628-SC01"
R_BRIEFING = "R-20251017-YX01"
R_RAIN = "R-20251017-YX02"
R_41008 = "R-20251108-ZCX1"
R_BOXES = "R-20260416-BX45"
P_JIANG = "P-20250605-01"


def real_reports() -> list[dict[str, Any]]:
    done = {"verified_by": "wang_jianguo"}
    return [
        {
            "id": R_916018,
            "date": D(2025, 6, 27),
            "reporter": "jiang_haifeng",
            "unit": "B2-G1",
            "level": "member",
            "source": "on_site",
            "element": "equipment",
            "category": "fault",
            "keys": ["train", "person"],
            "risk": "high",
            "train": "916018",
            "location": "到达场3道",
            "summary": "916018次列车检查中发现制动梁端轴折损",
            "details": "姜海峰在到达检查中细查制动装置，发现制动梁端轴折损，立即扣修，避免了一起行车事故。",
            "status": "closed",
            "analysis": {"date": D(2025, 6, 27), "by": "zhou_xiuying",
                         "cause": "制动梁端轴疲劳折损，属车辆典型故障；检车员按标准检查制动装置发现。"},
            "actions": [{"action": "扣车更换制动梁", "type": "immediate", "owner": "song_jian",
                         "due": D(2025, 6, 27), "done": D(2025, 6, 27), "verified_by": "zhou_xiuying"}],
            "closed": D(2025, 6, 28),
            "commend": True,
            "links": [P_JIANG],
            "notes": "姜海峰为包保对象（两违多），在支部委员包帮下转变明显；车间奖励3000元。",
        },
        {
            "id": R_DOUBLE,
            "date": D(2025, 6, 28),
            "reporter": "wang_jianguo",
            "unit": "GB",
            "level": "branch",
            "source": "other",
            "element": "management",
            "category": "hazard",
            "keys": ["train", "link"],
            "risk": "high",
            "summary": "提速调图和双牵重载列车开行后，原有检车作业过程不适应，易发生安全隐患",
            "details": "6月份信息综合分析（党内安全分析会）：本月信息中涉及双牵重载列车作业时间紧、"
                       "分工衔接不畅的占比明显上升，原有检车作业过程已不适应提速和双牵重载的新变化。",
            "status": "closed",
            "analysis": {"date": D(2025, 6, 30), "by": "wang_jianguo",
                         "cause": "列车提速调图、双牵重载列车开行，编组长、作业时分压缩，作业过程未随之修订。"},
            "actions": [
                {"action": "组织党员和业务骨干攻关，重新修订双牵重载列车检车作业过程", "type": "corrective",
                 "owner": "liu_zhenhua", "due": D(2025, 7, 10), "done": D(2025, 7, 8)} | done,
                {"action": "党员技术骨干深入作业现场指导双牵重载列车作业", "type": "preventive",
                 "owner": "wang_jianguo", "due": D(2025, 7, 31), "done": D(2025, 7, 31),
                 "verified_by": "liu_zhenhua"},
            ],
            "closed": D(2025, 7, 31),
            "tags": ["月度综合分析", "保安全重点"],
        },
        {
            "id": R_BRIEFING,
            "date": D(2025, 10, 17),
            "reporter": "zhou_xiuying",
            "unit": "B2",
            "level": "branch",
            "source": "briefing",
            "element": "personnel",
            "category": "hazard",
            "keys": ["group", "person"],
            "risk": "medium",
            "summary": "班前预想：气温骤降，不利于外部作业，提醒职工不因天气简化作业程序、降低标准",
            "status": "closed",
            "analysis": {"date": D(2025, 10, 17), "by": "zhou_xiuying",
                         "cause": "天气突变时职工易图快省事，简化作业程序。"},
            "actions": [{"action": "上岗前逐人提醒，党员作业中互控", "type": "immediate",
                         "owner": "song_jian", "due": D(2025, 10, 17), "done": D(2025, 10, 17),
                         "verified_by": "zhou_xiuying"}],
            "closed": D(2025, 10, 18),
            "links": [R_RAIN],
        },
        {
            "id": R_RAIN,
            "date": D(2025, 10, 17),
            "reporter": "song_jian",
            "unit": "B2-G1",
            "level": "member",
            "source": "on_site",
            "element": "equipment",
            "category": "fault",
            "keys": ["train"],
            "risk": "high",
            "train": "33041",
            "vehicle": "C70 1642318",
            "summary": "大雨中作业，33041次C70 1642318车钩钩舌裂纹",
            "details": "班前预想到位，雨中未简化作业程序，发现车辆典型故障1件。",
            "status": "closed",
            "analysis": {"date": D(2025, 10, 18), "by": "zhou_xiuying",
                         "cause": "钩舌疲劳裂纹；预想到位、雨天不降标准才得以发现。"},
            "actions": [{"action": "扣修更换钩舌", "type": "immediate", "owner": "song_jian",
                         "due": D(2025, 10, 17), "done": D(2025, 10, 17),
                         "verified_by": "zhou_xiuying"}],
            "closed": D(2025, 10, 18),
            "commend": True,
            "links": [R_BRIEFING],
        },
        {
            "id": R_41008,
            "date": D(2025, 11, 8),
            "reporter": "zhu_chunxiang",
            "unit": "B1-G4",
            "level": "member",
            "source": "on_site",
            "element": "equipment",
            "category": "fault",
            "keys": ["train", "link"],
            "risk": "high",
            "train": "41008",
            "vehicle": "G606230356",
            "location": "到达场5道",
            "persons": ["huang_lijun"],
            "summary": "41008次G606230356五位车轮踏面擦伤超限",
            "details": "一班四组检查41008次列车时，党员黄立军提醒同作业段对锤检车员朱春祥注意检查走行部，"
                       "朱春祥细心检查，发现五位车轮踏面擦伤超限。",
            "status": "closed",
            "analysis": {"date": D(2025, 11, 8), "by": "li_guoqiang",
                         "cause": "车轮踏面擦伤超限；党员作业提醒（接车发现异状提前提醒重点车辆位置）发挥了作用。"},
            "actions": [{"action": "扣修更换轮对", "type": "immediate", "owner": "huang_lijun",
                         "due": D(2025, 11, 8), "done": D(2025, 11, 8), "verified_by": "li_guoqiang"}],
            "closed": D(2025, 11, 9),
            "commend": True,
            "notes": "受到段的表彰。",
        },
        {
            "id": R_BOXES,
            "date": D(2026, 4, 16),
            "reporter": "zhou_xiuying",
            "unit": "B2",
            "level": "branch",
            "source": "on_site",
            "element": "equipment",
            "category": "hazard",
            "keys": ["post"],
            "risk": "medium",
            "summary": "现场材料箱和工具箱边角锋利，刮破检车员衣服，影响人身安全",
            "status": "closed",
            "analysis": {"date": D(2026, 4, 16), "by": "wang_jianguo",
                         "cause": "材料箱、工具箱为直角钢板边角，作业人员经过时易刮挂；小问题也会酿成大事故。"},
            "actions": [{"action": "开展专项整治，将现场45个材料箱和工具箱的四个边角打磨成圆",
                         "type": "immediate", "owner": "liu_zhenhua", "due": D(2026, 4, 18),
                         "done": D(2026, 4, 18)} | done],
            "closed": D(2026, 4, 18),
        },
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# REAL CASES: the three general class-A accidents of 2026 (source, part one §二.2)
# ---------------------------------------------------------------------------------------------

SUBJECTIVE = [
    ("management", "党员干部对保安全设施的使用和管理没有制定卡控措施"),
    ("management", "关键时间、关键岗位和重点列车抽查没有量化标准"),
    ("personnel", "各级党员干部发现问题质量不高，降低考核标准，好人主义"),
]


def causes(*own: tuple[str, str, str], shared: bool = True) -> list[dict[str, str]]:
    """A case's own causes, then the source's common causes of its first two accidents (保安全
    设施 and 抽查 without standards): those do not explain a timetable delay."""
    common = [{"element": e, "text": t, "kind": "subjective"} for e, t in SUBJECTIVE]
    return [{"element": e, "text": t, "kind": k} for e, t, k in own] + (common if shared else [])


def measure(
    action: str, atype: str, owner: str, due: dt.date, done: dt.date | None
) -> dict[str, Any]:
    out: dict[str, Any] = {"action": action, "type": atype, "owner": owner, "due": due}
    if done is not None:
        out |= {"done": done, "verified_by": "wang_jianguo"}
    return out


def accidents() -> list[dict[str, Any]]:
    at = dt.datetime
    return [
        {
            "id": "I-20260314-01",
            "date": D(2026, 3, 14),
            "title": "废钩舌销从侧架内窜出被中途拦停",
            "unit": "B3",
            "type": "accident",
            "class": "general_a",
            "train": "10507",
            "location": "出发场4道",
            "description": "三班检车员卢超在10507次出发检查中更换钩舌销后，将废钩舌销放在转向架侧架内未回收，"
                           "列车运行中废钩舌销从侧架内窜出，被前方站发现，列车中途拦停，构成一般A类事故。",
            "persons": [{"person": "lu_chao", "role": "responsible"},
                        {"person": "qian_fugui", "role": "responsible"},
                        {"person": "peng_xiaoming", "role": "involved"}],
            "timeline": [
                {"at": at(2026, 3, 14, 2, 10), "event": "10507次到达出发场4道，三班二组开始出发检查"},
                {"at": at(2026, 3, 14, 2, 35), "event": "卢超更换钩舌销，废钩舌销放入侧架内未回收"},
                {"at": at(2026, 3, 14, 3, 5), "event": "作业完了，工班长未检查旧件回收，列车开车"},
                {"at": at(2026, 3, 14, 4, 20), "event": "前方站发现异物窜出，列车中途拦停"},
                {"at": at(2026, 3, 14, 6, 0), "event": "车间党总支、三班党支部赶赴现场调查"},
            ],
            "analysis": {
                "levels": {
                    "general_branch": "党总支对更换配件后旧件回收没有卡控措施，对保安全设施的使用和管理没有制定卡控办法；"
                                      "对关键时间的抽查没有量化标准。",
                    "branch": "三班党支部对夜间出发作业这一关键时间、关键岗位抽查不到位，工班长对“作业完了”"
                              "检查流于形式，支部降低考核标准，存在好人主义。",
                    "member": "检车员卢超更换配件后未回收废件；作业组长（党员）未执行“作业完了提前提醒”，"
                              "“干惯者”违章、“看惯者”默认。",
                },
                "meeting": {"date": D(2026, 3, 17), "kind": "支委会",
                            "attendees": ["wang_jianguo", "liu_zhenhua", "liang_jianhua", "peng_xiaoming"]},
                "chain": "总支提出的“作业完了确认”要求传到支部后只停留在会议记录上，工班长未向作业组交代，"
                         "作业组长未落实到人，责任在“支部—工班长—作业组”之间层层衰减。",
                "effect": "去年制定的旧件回收规定没有检查考核，落实效果无人过问，“落不下去，严不起来”。",
            },
            "causes": causes(("personnel", "检车员更换钩舌销后未将废件回收入箱，作业完了未确认", "subjective")),
            "responsibility": [
                {"person": "lu_chao", "finding": "更换配件后未回收废件，直接责任"},
                {"person": "qian_fugui", "finding": "工班长对作业完了检查不到位，负“看惯者”责任"},
                {"unit": "B3", "finding": "三班党支部卡控措施不落实，抽查没有量化标准"},
            ],
            "measures": [
                measure("全车间开展更换配件旧件回收专项检查", "immediate", "liu_zhenhua",
                        D(2026, 3, 16), D(2026, 3, 16)),
                measure("制定更换配件“以旧换新”回收登记卡控措施", "corrective", "liang_jianhua",
                        D(2026, 3, 31), D(2026, 3, 28)),
                measure("制定关键时间、关键岗位和重点列车抽查量化标准", "preventive", "wang_jianguo",
                        D(2026, 4, 15), D(2026, 4, 12)),
                measure("卢超列为安全关键人，结成包保对子", "corrective", "peng_xiaoming",
                        D(2026, 3, 25), D(2026, 3, 20)),
            ],
            "accountability": [
                {"person": "qian_fugui", "action": "replaced", "date": D(2026, 4, 1),
                 "detail": "撤换工班长", "role": "overseer"},
                {"person": "lu_chao", "action": "deducted", "date": D(2026, 3, 20), "detail": "按规定考核",
                 "role": "doer"},
            ],
            "handover": {"level": "段党委", "date": D(2026, 3, 18)},
            "status": "closed",
            "closed": D(2026, 5, 20),
        },
        {
            "id": "I-20260621-01",
            "date": D(2026, 6, 21),
            "title": "风表忘撤被拉走",
            "unit": "B2",
            "type": "accident",
            "class": "general_a",
            "train": "41016",
            "location": "到达场2道",
            "description": "二班在41016次列车试风作业完了后，检车员韩冬未撤除安装在列车尾部的风表，"
                           "列车开车后风表被拉走，构成一般A类事故。",
            "persons": [{"person": "han_dong", "role": "responsible"},
                        {"person": "feng_guoliang", "role": "responsible"},
                        {"person": "xie_yongsheng", "role": "involved"}],
            "timeline": [
                {"at": at(2026, 6, 21, 14, 5), "event": "41016次到达，二班三组开始试风作业"},
                {"at": at(2026, 6, 21, 14, 40), "event": "试风完了，韩冬未撤风表即归所"},
                {"at": at(2026, 6, 21, 14, 52), "event": "工班长未确认试风工具撤除，通知车站列检作业完了"},
                {"at": at(2026, 6, 21, 15, 10), "event": "列车开车，风表被拉走，车站值班员发现后报告"},
            ],
            "analysis": {
                "levels": {
                    "general_branch": "党总支对试风工具等保安全设施的使用和管理没有卡控措施，工具出入无登记。",
                    "branch": "二班党支部未把“作业完了撤除安全防护号志和工具”列为党员定位定项控制点，"
                              "工班长确认流于形式。",
                    "member": "检车员韩冬作业完了未撤风表；同组党员未做作业完了提醒。",
                },
                "meeting": {"date": D(2026, 6, 24), "kind": "支委会",
                            "attendees": ["wang_jianguo", "liu_zhenhua", "zhou_xiuying", "cao_lin"]},
                "chain": "“撤除工具和号志”的控制要求只写在作业标准中，支部未分解到党员控制点，"
                         "工班长确认环节无人检查，责任传递在工班长一级断档。",
                "effect": "三月份钩舌销事故后开展的专项检查只查了配件，未延伸到试风工具，整改效果没有巩固。",
            },
            "causes": causes(("personnel", "检车员试风作业完了未撤除风表，未执行作业完了确认", "subjective")),
            "responsibility": [
                {"person": "han_dong", "finding": "试风作业完了未撤风表，直接责任"},
                {"person": "feng_guoliang", "finding": "工班长未确认工具撤除即通知作业完了"},
                {"unit": "B2", "finding": "二班党支部作业完了提醒和控制点未落实"},
            ],
            "measures": [
                measure("风表等试风工具实行定置定位、出入登记", "corrective", "tang_wei",
                        D(2026, 7, 15), D(2026, 7, 12)),
                measure("作业完了撤除工具和号志纳入党员定位定项控制点", "preventive", "zhou_xiuying",
                        D(2026, 7, 10), D(2026, 7, 8)),
                measure("韩冬列为安全关键人，结成包保对子", "corrective", "xie_yongsheng",
                        D(2026, 6, 30), D(2026, 6, 28)),
            ],
            "accountability": [
                {"person": "feng_guoliang", "action": "replaced", "date": D(2026, 7, 5),
                 "detail": "撤换工班长", "role": "overseer"},
                {"person": "han_dong", "action": "deducted", "date": D(2026, 6, 28), "detail": "按规定考核",
                 "role": "doer"},
            ],
            "handover": {"level": "段党委", "date": D(2026, 6, 23)},
            "status": "closed",
            "closed": D(2026, 8, 25),
        },
        {
            "id": "I-20261009-01",
            "date": D(2026, 10, 9),
            "title": "33062次晚点",
            "unit": "B4",
            "type": "accident",
            "class": "general_a",
            "train": "33062",
            "location": "出发场2道",
            "description": "新运行图实行首日，四班值班员秦宝山未掌握新图作业时分，"
                           "仍按原计划安排33062次检车作业，工班长孔祥宇未核对，致33062次列车晚点开车，"
                           "构成一般A类事故。",
            "persons": [{"person": "qin_baoshan", "role": "responsible"},
                        {"person": "kong_xiangyu", "role": "responsible"},
                        {"person": "ren_hui", "role": "involved"}],
            "timeline": [
                {"at": at(2026, 10, 9, 8, 0), "event": "新运行图实行首日，四班接班"},
                {"at": at(2026, 10, 9, 9, 25), "event": "值班员按原作业计划安排33062次检车"},
                {"at": at(2026, 10, 9, 10, 5), "event": "站调催发，检车作业未完"},
                {"at": at(2026, 10, 9, 10, 48), "event": "33062次晚点开车"},
            ],
            "analysis": {
                "levels": {
                    "general_branch": "党总支对提速调图带来的变化预想不足，新图作业时分未组织培训和考试。",
                    "branch": "四班党支部班前预想未把新图列为安全重点，工班长对值班员作业计划未核对。",
                    "member": "值班员秦宝山未掌握新图作业时分；工班长孔祥宇对值班员沿用旧计划习以为常，"
                              "未履行核对把关职责。",
                },
                "meeting": {"date": D(2026, 10, 13), "kind": "支委会",
                            "attendees": ["wang_jianguo", "liu_zhenhua", "ren_hui", "mo_wenbin"]},
                "chain": "段下发的调图通知到车间后只组织了干部学习，未传达到值班员和工班长，"
                         "新图作业时分的掌握没有逐级落实到岗。",
                "effect": "以往调图时的班前预想只强调人身安全，未检查作业时分的落实效果。",
            },
            "causes": causes(("management", "运行图调整后未按新图重新核定检车作业时分", "subjective"),
                             ("personnel", "值班员秦宝山未掌握新图作业时分，工班长孔祥宇未核对作业计划",
                              "subjective"),
                             ("management", "新运行图实行，作业时分压缩", "objective"), shared=False),
            "responsibility": [
                {"person": "qin_baoshan", "finding": "值班员未掌握新图作业时分，直接责任"},
                {"person": "kong_xiangyu", "finding": "工班长未核对作业计划，负“看惯者”责任"},
                {"unit": "B4", "finding": "班前预想未把调图列为安全重点", "leader": "ren_hui",
                 "action": "作出书面检查"},
            ],
            "measures": [
                measure("按新运行图重新修订各次列车检车作业时分表", "corrective", "liu_zhenhua",
                        D(2026, 10, 20), D(2026, 10, 19)),
                measure("新图作业时分纳入班前预想重点", "immediate", "ren_hui",
                        D(2026, 10, 12), D(2026, 10, 11)),
                # done as November's priority records it (上岗考试记录 of 11月18日)
                measure("值班员、工班长新图作业时分上岗考试", "preventive", "ren_hui",
                        D(2026, 11, 30), D(2026, 11, 18)),
            ],
            "accountability": [
                {"person": "kong_xiangyu", "action": "replaced", "date": D(2026, 10, 27),
                 "detail": "撤换工班长", "role": "overseer"},
                {"person": "qin_baoshan", "action": "replaced", "date": D(2026, 10, 27),
                 "detail": "撤换值班员", "role": "doer"},
            ],
            "handover": {"level": "段党委", "date": D(2026, 10, 12)},
            "status": "rectifying",
        },
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Violations (两违) and precursors (事故苗子)
# ---------------------------------------------------------------------------------------------

# date, unit, person, kind, severity, title, cause, measure owner, closed (None: still open)
VIOLATIONS: list[tuple[dt.date, str, str, str, str, str, str, str, dt.date | None]] = [
    (D(2025, 6, 2), "B2-G1", "jiang_haifeng", "rule", "general", "横越线路未执行“一站、二看、三通过”",
     "安全意识淡薄，“两违”多，习惯性违章。", "song_jian", D(2025, 6, 20)),
    (D(2025, 7, 15), "B1-G1", "he_yong", "discipline", "general", "班中擅自离开作业岗位",
     "劳动纪律观念淡薄，包保初期思想尚未转变。", "chen_jun", D(2025, 7, 30)),
    (D(2025, 8, 21), "B3-G1", "gao_jianjun", "rule", "serious", "邻线来车未下道避让",
     "图省事抢作业，邻线来车不避让，严重违章。", "du_hongwei", D(2025, 9, 26)),
    (D(2025, 10, 9), "B3-G1", "gao_jianjun", "rule", "general", "钻车作业未确认防护信号",
     "上次严重违章后帮教不到位，习惯性违章反复。", "du_hongwei", D(2025, 10, 30)),
    (D(2025, 11, 27), "B4", "qin_baoshan", "discipline", "general", "值班中擅自离开值班室",
     "值班纪律执行不严。", "kong_xiangyu", D(2025, 12, 12)),
    (D(2026, 1, 14), "B2-G3", "han_dong", "discipline", "general", "作业中使用手机",
     "作业纪律观念淡薄。", "xie_yongsheng", D(2026, 1, 28)),
    (D(2026, 3, 5), "B4-G1", "zhang_liang", "rule", "serious", "未撤除脱轨器即通知作业完了",
     "作业完了确认不落实，险些造成行车事故。", "tian_ye", D(2026, 4, 8)),
    (D(2026, 4, 22), "B4-G1", "zhang_liang", "rule", "general", "钻车作业钻跨不到位",
     "包保期间习惯性违章反复。", "tian_ye", D(2026, 5, 10)),
    (D(2026, 8, 12), "B2-G2", "liu_yang", "rule", "general", "检车作业未戴安全帽",
     "新职工安全意识不强。", "cao_lin", D(2026, 8, 28)),
    (D(2026, 9, 18), "B3-G2", "sun_hao", "rule", "serious", "在列车未停稳时跨越车钩",
     "安全意识淡薄，图省事抢时间，存在侥幸心理。", "peng_xiaoming", None),
]  # fmt: skip
MORE_CAUSES: dict[str, list[dict[str, str]]] = {
    "I-20260918-01": [
        {"element": "management", "text": "班组作业互控流于形式，列车到达后关键环节无人提醒。",
         "kind": "subjective"},
        {"element": "management", "text": "列车到达后作业时间紧，作业组抢时间进入作业。",
         "kind": "objective"},
    ],
}  # fmt: skip
"""A case's causes beyond the violator's own: the 人员/设备/管理 sides its analysis found."""


def team_name(unit: str) -> str:
    """The work team a unit id stands for: B3 → 三班, B3-G2 → 三班二组."""
    branch, _, group = unit.partition("-")
    return BRANCHES[branch] + (f"{NUMERALS[int(group[1:]) - 1]}组" if group else "")


def violations() -> list[dict[str, Any]]:
    out = []
    for day, unit, person, kind, severity, title, cause, owner, closed in VIOLATIONS:
        serious = severity == "serious"
        due = day + dt.timedelta(days=25 if serious else 10)
        data: dict[str, Any] = {
            "id": f"I-{day:%Y%m%d}-01",
            "date": day,
            "title": f"{WHO_NAMES[person]}{title}",
            "unit": unit,
            "type": "violation",
            "violation": {"kind": kind, "severity": severity, "person": person},
            "description": f"{team_name(unit)}{WHO_NAMES[person]}{title}，"
                           f"被{'干部检查' if serious else '作业组长'}发现并当场纠正。",
            "persons": [{"person": person, "role": "responsible"}],
            "analysis": {
                # The branch finds its own failing, the member level the people who answer for
                # the work; the violator's own cause stands apart under causes.
                "levels": {"branch": f"支部对{WHO_NAMES[person]}的班中互控和关键环节提醒不到位。",
                           "member": member_level(unit, person)},
                "meeting": {"date": day + dt.timedelta(days=2), "kind": "支委会" if serious else "党小组会"},
            },
            "causes": [{"element": "personnel", "text": cause, "kind": "subjective"},
                       *MORE_CAUSES.get(f"I-{day:%Y%m%d}-01", [])],
            "responsibility": [{"person": person, "finding": f"本人{title}，负直接责任"},
                               *group_lapse(unit, day)],
            "measures": [
                measure("对违章人员进行安全谈话和规章考试", "immediate", owner,
                        day + dt.timedelta(days=3), day + dt.timedelta(days=2)),
                measure("党员包保人跟班互控，关键环节提醒", "preventive", owner, due,
                        None if closed is None else min(due, closed)),
            ],
            "accountability": [{"person": person, "action": "deducted", "date": day + dt.timedelta(days=3),
                                "detail": "按“两违”考核办法考核"}],
        }  # fmt: skip
        if serious:
            data["handover"] = {"level": "车间党总支", "date": day + dt.timedelta(days=1)}
            if closed is not None:
                data |= typical_violation_steps(day, unit, person, title)
        if closed is None:
            data["status"] = "rectifying"
            data["measures"][1]["due"] = D(2026, 12, 15)
        else:
            data |= {"status": "closed", "closed": closed}
        out.append(data)
    return out


MENTOR_ANSWERS = {D(2026, 9, 18): "对互控不到位作出书面检查"}
"""What a group leader found at fault for a 两违 in their group did to answer, where recorded."""


def group_lapse(unit: str, day: dt.date) -> list[dict[str, Any]]:
    """The group leader the member level holds at fault for a 两违 in their group."""
    if "-" not in unit:
        return []
    found = {"person": group_leader(unit).id, "finding": "对组内作业互控不到位，未及时制止"}
    return [found | ({"action": MENTOR_ANSWERS[day]} if day in MENTOR_ANSWERS else {})]


def member_level(unit: str, person: str) -> str:
    """The member level of a 两违's analysis: the party members who answer for the work; a
    violator outside the party is named apart, as the worker concerned (当事职工)."""
    leader = f"党小组长{WHO_NAMES[group_leader(unit).id]}" if "-" in unit else "工班长"
    lapse = f"{leader}对组内作业互控不到位，未及时制止"
    if WHO[person].party:
        return f"{WHO_NAMES[person]}本人作了检查；{lapse}。"
    return f"{lapse}；当事职工{WHO_NAMES[person]}已作书面检查。"


def typical_violation_steps(day: dt.date, unit: str, person: str, title: str) -> dict[str, Any]:
    """What a serious 两违 (a typical case) adds before it may close: 问题查清, the 支委会 at
    three levels with the chain of responsibility and its effect, and accountability."""
    branch = unit.split("-")[0]
    committee = [w.id for w in in_unit(branch, day) if "committee" in w.roles]
    name = WHO_NAMES[person]
    return {
        "timeline": [
            {"at": day, "event": f"{name}{title}，被干部检查发现并当场纠正"},
            {"at": day + dt.timedelta(days=1), "event": "向车间党总支交班"},
            {"at": day + dt.timedelta(days=2), "event": "召开支委会，从总支、支部、党员三个层次剖析"},
        ],
        "analysis": {
            "levels": {
                "general_branch": "党总支对作业“两违”跟踪分析不及时，关键人包保转化检查不细。",
                "branch": f"支部对{name}的“两违”倾向掌握不准，关键环节提醒未落实到党员控制点。",
                "member": f"{name}本人作了检查；包保党员承认“勤观察、勤提醒”不到位。",
            },
            "meeting": {"date": day + dt.timedelta(days=2), "kind": "支委会",
                        "attendees": ["wang_jianguo", *committee]},
            "chain": "总支的“两违”卡控要求传到支部，未逐条落实到作业组和包保党员。",
            "effect": "上次“两违”后的整改只有谈话记录，没有跟班检查，效果未巩固。",
        },
        "accountability": [
            {"person": person, "action": "deducted", "date": day + dt.timedelta(days=3),
             "detail": "按“两违”考核办法考核", "role": "doer"},
        ],
    }  # fmt: skip


def precursors() -> list[dict[str, Any]]:
    return [
        {
            "id": "I-20251203-01",
            "date": D(2025, 12, 3),
            "title": "撤除防护号志时漏撤一处红色信号牌",
            "unit": "B3-G3",
            "type": "precursor",
            "location": "到达场3道",
            "description": "作业完了撤除防护号志时漏撤一处，信号楼联控时发现，未影响行车。",
            "causes": [{"element": "management", "text": "作业完了撤除号志无专人复核", "kind": "subjective"}],
            "responsibility": [{"unit": "B3-G3", "finding": "作业组撤除号志确认不落实"}],
            "measures": [measure("撤除号志实行作业组长复核签认", "corrective", "yu_haitao",
                                 D(2025, 12, 15), D(2025, 12, 12))],
            "status": "closed",
            "closed": D(2025, 12, 15),
        },
        {
            "id": "I-20260209-01",
            "date": D(2026, 2, 9),
            "title": "列车出发前发现一位车辆手制动未缓解",
            "unit": "B1-G2",
            "type": "precursor",
            "train": "20314",
            "description": "出发检查复查时发现一位车辆手制动未缓解，及时处理，未构成事故。",
            "causes": [{"element": "personnel", "text": "到达检查时未确认手制动状态", "kind": "subjective"}],
            "responsibility": [{"person": "ma_xiaodong", "finding": "到达检查未确认手制动状态"}],
            "measures": [measure("手制动状态纳入到达检查必检项点", "preventive", "yang_fan",
                                 D(2026, 2, 20), D(2026, 2, 18))],
            "status": "closed",
            "closed": D(2026, 2, 21),
        },
        {
            "id": "I-20261112-01",
            "date": D(2026, 11, 12),
            "title": "防溜铁鞋作业完了未撤，开车前发现",
            "unit": "B4-G3",
            "type": "precursor",
            "location": "出发场4道",
            "description": "作业完了防溜铁鞋未撤，开车前党员互控发现并撤除。",
            "persons": [{"person": "zheng_yu", "role": "responsible"}],
            "reports": [R_ZHENG_QUALITY],
            "status": "analysing",
        },
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Pairings (包保对子): 17 key persons, all turned around within half a year, and two new ones
# ---------------------------------------------------------------------------------------------

REASON_TEXT = {
    "violations": "“两违”多",
    "low_skill": "业务素质差",
    "few_finds": "发现故障少",
    "attitude": "工作态度不端正",
    "other": "其他",
}

# start, person, mentor, reasons, assistant
PAIRINGS: list[tuple[dt.date, str, str, list[str], str | None]] = [
    (D(2025, 6, 5), "jiang_haifeng", "song_jian", ["violations"], "cao_lin"),
    (D(2025, 6, 12), "he_yong", "chen_jun", ["few_finds", "low_skill"], None),
    (D(2025, 6, 20), "ma_xiaodong", "yang_fan", ["low_skill"], None),
    (D(2025, 7, 15), "guo_peng", "xu_gang", ["few_finds"], None),
    (D(2025, 8, 1), "luo_bin", "huang_lijun", ["low_skill"], None),
    (D(2025, 8, 18), "deng_kai", "cao_lin", ["attitude"], None),
    (D(2025, 8, 28), "gao_jianjun", "du_hongwei", ["violations", "attitude"], "liang_jianhua"),
    (D(2025, 9, 22), "yao_jun", "mo_wenbin", ["low_skill"], None),
    (D(2025, 10, 10), "cui_hao", "dong_li", ["few_finds"], None),
    (D(2025, 10, 20), "pan_zhiqiang", "song_jian", ["low_skill"], None),
    (D(2025, 11, 5), "shi_lei", "fang_qiang", ["attitude", "few_finds"], None),
    (D(2025, 12, 1), "xue_feng", "hu_bo", ["low_skill"], None),
    (D(2026, 1, 8), "jin_long", "yu_haitao", ["few_finds"], None),
    (D(2026, 1, 16), "tan_xin", "wu_lei", ["low_skill"], None),
    (D(2026, 3, 10), "zhang_liang", "tian_ye", ["violations"], "ren_hui"),
    (D(2026, 3, 20), "lu_chao", "peng_xiaoming", ["low_skill"], None),
    (D(2026, 6, 28), "han_dong", "xie_yongsheng", ["low_skill", "violations"], None),
    (D(2026, 9, 15), "liu_yang", "cao_lin", ["violations"], None),
    (D(2026, 10, 12), "sun_hao", "peng_xiaoming", ["violations"], None),
]  # fmt: skip

MENTOR_NOTES = [
    "跟班互控，关键环节勤提醒，作业程序逐步规范。",
    "业务技术勤帮助，组织实作练习；本月发现故障数量上升。",
    "思想情绪稳定，独立处理故障能力提高，本月无漏检漏修。",
]
LETTER_NOTE = "签订包保责任书，共同制订包保计划、措施和目标。"
BASIC_NOTE = "支部检查评定：已基本转化。"
FULL_NOTE = "连续三个月无“两违”，发现故障质量提高，支部评定：完全转化。"


PAIRING_MEASURES = [
    "当班同出场、同作业、同归所、同休息（四同）",
    "每周一次规章抽问和实作帮教",
    "关键环节作业前提醒",
]
FIVE_AND_FOUR: list[dict[str, list[str]]] = [
    {"diligences": ["observe", "instil"], "together": ["start", "work", "return", "rest"]},
    {"diligences": ["observe", "remind", "report"], "together": ["start", "work", "return"]},
    {"diligences": ["help", "remind"], "together": ["work", "rest"]},
]
# 支委委员协助包保: escalated the day after a relapse (姜海峰 before his 916018 catch).
ESCALATED_ON = {
    "jiang_haifeng": D(2025, 6, 16),
    "gao_jianjun": D(2025, 10, 10),
    "zhang_liang": D(2026, 4, 23),
}


def escalated_reviews(since: dt.date, end: dt.date, assistant: str) -> list[dict[str, Any]]:
    """The committee member's own follow-up: on the day of escalation, then mid-month."""
    out = [
        {"date": since, "by": assistant, "note": "支委委员协助包保：与包保党员共同修订包保计划。"}
        | FIVE_AND_FOUR[1]
    ]
    day = add_months(since.replace(day=15), 1)
    while day < end:
        out.append(
            {"date": day, "by": assistant, "note": "支委委员跟班检查包保落实情况。"}
            | FIVE_AND_FOUR[2]
        )
        day = add_months(day, 1)
    return out  # fmt: skip


def pairings(gen: Gen) -> list[dict[str, Any]]:
    rng = gen.rng
    out = []
    for start, person, mentor, reasons, assistant in PAIRINGS:
        secretary = with_role(WHO[person].branch, "secretary", start).id
        letter = start + dt.timedelta(days=rng.randint(0, 3))
        data: dict[str, Any] = {
            "id": f"P-{start:%Y%m%d}-01",
            "mentor": mentor,
            "person": person,
            "unit": WHO[person].unit,
            "start": start,
            "reasons": reasons,
            "plan": f"针对{'、'.join(REASON_TEXT[r] for r in reasons)}，"
            "按“同岗位、同职责、同班组”结对，党员做到“五勤”：思想情绪勤观察、规章制度勤灌输、"
            "业务技术勤帮助、关键环节勤提醒、包保情况勤汇报。",
            "goals": ["三个月内实现基本转化", "半年内完全转化，杜绝违章违纪，消除漏检漏修"],
            "letter": letter,
            "assistant": assistant,
        }
        data["measures"] = PAIRING_MEASURES
        data["cadence"] = "weekly"  # the measures' 每周一次规章抽问和实作帮教
        reviews = [{"date": letter, "by": mentor, "note": LETTER_NOTE} | FIVE_AND_FOUR[0]]
        escalated_on = ESCALATED_ON.get(person)
        if start > D(2026, 8, 31):
            end = TODAY
            data["status"] = "active"
        else:
            basic_on = min(add_months(start, 3), start + dt.timedelta(days=rng.randint(60, 85)))
            end = min(add_months(start, 6), start + dt.timedelta(days=rng.randint(130, 175)), LAST)
            if escalated_on is not None:
                # escalation has its own milestone: turned around within it
                end = min(end, add_months(escalated_on, 3) - dt.timedelta(days=3))
            data |= {"basic_on": basic_on, "full_on": end, "status": "full"}
            reviews += [
                {"date": basic_on, "by": secretary, "note": BASIC_NOTE} | FIVE_AND_FOUR[1],
                {"date": end, "by": secretary, "note": FULL_NOTE} | FIVE_AND_FOUR[1],
            ]
        if escalated_on is not None:
            data["escalated_on"] = escalated_on
            reviews += escalated_reviews(escalated_on, end, str(assistant))
        for month in range(1, 7):
            day = add_months(start, month) - dt.timedelta(days=rng.randint(0, 3))
            if day >= end:
                break
            note = {"note": MENTOR_NOTES[(month - 1) % 3]} | FIVE_AND_FOUR[month % 3]
            reviews.append({"date": day, "by": mentor} | note)
        data["reviews"] = sorted(reviews, key=lambda r: r["date"])
        if person == "jiang_haifeng":
            data["notes"] = (
                "在支部委员包帮下工作很快有了新的起色：6月27日检查916018次发现制动梁端轴折损。"
            )
        out.append(data)
    return out


# ---------------------------------------------------------------------------------------------
# Competence (一口清/一手精, 双学双提, 四赛), the key-person register, rewards (奖惩)
# ---------------------------------------------------------------------------------------------

CASES_SEED = SEED + 14
"""Their own random stream, so the records generated before them stay as they were."""
CONTESTS = ["joint", "versus", "arena", "upgrade"]
CONTEST_TITLE = {"joint": "联手赛", "versus": "对抗赛", "arena": "擂台赛", "upgrade": "升格赛"}
CHECK_TITLE = {
    "knows": "应知一口清抽考（规章、作业标准）",
    "skills": "应会一手精实作考核（故障判断处理）",
}
R_ZHENG_QUALITY = "R-20261021-ZYQ1"
P_ZHENG = "P-20261118-01"


def in_branch(branch: str, day: dt.date) -> list[Who]:
    return [w for w in WHO.values() if w.branch == branch and w.unit != "GB" and w.active(day)]


def failed_check(person: str, day: dt.date) -> bool:
    """Key persons paired for poor skills fail the check of the quarter before their pairing;
    party members all pass (党员“一口清、一手精”合格率达100%)."""
    return any(
        p == person
        and "low_skill" in reasons
        and dt.timedelta(0) <= start - day <= dt.timedelta(100)
        for start, p, _mentor, reasons, _assistant in PAIRINGS
    )


def competence_records() -> list[dict[str, Any]]:
    rng = random.Random(CASES_SEED)
    out: list[dict[str, Any]] = []
    month = FIRST
    while month <= LAST:
        for n, branch in enumerate(BRANCHES, 1):
            day = month.replace(day=10 + n)
            secretary = with_role(branch, "secretary", day).id
            party = [w.id for w in in_branch(branch, day) if w.party]
            if month.month % 3 == 2:
                contest = CONTESTS[(month.month // 3 + n) % 4]
                ranked = sorted(party, key=lambda _p: rng.random())[:3]
                out.append(
                    {
                        "id": f"C-{day:%Y%m%d}-{n:02d}",
                        "date": day,
                        "unit": branch,
                        "kind": "contest",
                        "contest": contest,
                        "title": f"党内练兵比武：{CONTEST_TITLE[contest]}",
                        "by": secretary,
                        "results": [
                            {"person": p, "passed": True, "place": k}
                            for k, p in enumerate(ranked, 1)
                        ],
                    }
                )
            else:
                out.append(
                    {
                        "id": f"C-{day:%Y%m%d}-{n:02d}",
                        "date": day,
                        "unit": branch,
                        "kind": "study",
                        "title": "双学双提：学理论提高技术业务水平，学实作提高发现处理故障能力",
                        "by": secretary,
                    }
                )
            if month.month % 3 == 0:
                day = month.replace(day=20 + n)
                checked = [
                    w.id for w in in_branch(branch, day) if w.party or "inspector" in w.roles
                ]
                for kind, tag in (("knows", "K"), ("skills", "S")):
                    results = []
                    for pid in checked:
                        failed = failed_check(pid, day)
                        results.append(
                            {
                                "person": pid,
                                "passed": not failed,
                                "score": rng.randint(52, 68) if failed else rng.randint(82, 98),
                            }
                        )
                    out.append(
                        {
                            "id": f"C-{day:%Y%m%d}-{n}{tag}",
                            "date": day,
                            "unit": branch,
                            "kind": kind,
                            "title": CHECK_TITLE[kind],
                            "by": secretary,
                            "results": results,
                        }
                    )
        month = add_months(month, 1)
    return out  # fmt: skip


def signals_for(
    person: str, start: dt.date, reasons: list[str], checks: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """What put each of the source's key persons on the register."""
    out: list[dict[str, Any]] = []
    for day, _unit, who, *_rest in VIOLATIONS:
        if who == person and dt.timedelta(0) <= start - day <= dt.timedelta(92):
            out.append({"kind": "violation", "ref": f"I-{day:%Y%m%d}-01"})
    for check in checks:
        recent = check["kind"] in ("knows", "skills") and 0 <= (start - check["date"]).days <= 100
        if recent and any(r["person"] == person and not r["passed"] for r in check["results"]):
            out.append({"kind": "competence", "ref": check["id"]})
    if "few_finds" in reasons:
        out.append({"kind": "few_finds", "note": "发现故障数不足本组平均的三成"})
    if "attitude" in reasons or not out:
        out.append({"kind": "other", "note": "思想情绪不稳定，工作态度不端正（支部评议）"})
    return out


def key_person_register(
    paired: list[dict[str, Any]], checks: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    full_on = {p["person"]: p.get("full_on") for p in paired}
    out = []
    for start, person, _mentor, reasons, _assistant in PAIRINGS:
        proposed, confirmed = start - dt.timedelta(days=5), start - dt.timedelta(days=2)
        branch = WHO[person].branch
        data: dict[str, Any] = {
            "id": f"K-{proposed:%Y%m%d}-01",
            "person": person,
            "unit": WHO[person].unit,
            "proposed": proposed,
            "signals": signals_for(person, start, reasons, checks),
            "confirmed": confirmed,
            "by": with_role(branch, "secretary", confirmed).id,
            "pairing": f"P-{start:%Y%m%d}-01",
            "status": "paired",
        }
        if full_on[person] is not None:
            data |= {"status": "turned", "closed": full_on[person]}
        out.append(data)
    # 郑宇 again: 检修质量反馈 and a 事故苗子 within a month, confirmed and paired at once
    out.append(
        {
            "id": "K-20261114-01",
            "person": "zheng_yu",
            "unit": "B4-G3",
            "proposed": D(2026, 11, 14),
            "signals": [
                {"kind": "quality", "ref": R_ZHENG_QUALITY},
                {"kind": "precursor", "ref": "I-20261112-01"},
            ],
            "confirmed": D(2026, 11, 16),
            "by": "ren_hui",
            "pairing": P_ZHENG,
            "status": "paired",
        }
    )
    return out  # fmt: skip


def case_reports() -> list[dict[str, Any]]:
    return [{
        "id": R_ZHENG_QUALITY, "date": D(2026, 10, 21), "reporter": "dong_li", "unit": "B4-G3",
        "level": "member", "source": "on_site", "element": "personnel", "category": "quality",
        "keys": ["person"], "risk": "medium", "train": "33058", "persons": ["zheng_yu"],
        "summary": "郑宇检查33058次时漏检第12位车闸瓦插销",
        "details": "段检修质量反馈：到达作业后复查发现闸瓦插销丢失未处理，系郑宇作业范围。",
        "status": "analysed",
        "analysis": {"date": D(2026, 10, 22), "by": "dong_li",
                     "cause": "郑宇包保转化后放松要求，制动部位检查不按程序，属人员质量问题。"},
    }]  # fmt: skip


def zheng_pairing() -> dict[str, Any]:
    return {
        "id": P_ZHENG, "mentor": "dong_li", "person": "zheng_yu", "unit": "B4-G3",
        "start": D(2026, 11, 18), "reasons": ["low_skill"],
        "plan": "针对检修质量反馈和事故苗子，工长跟班互控，制动部位逐项复查。",
        "measures": PAIRING_MEASURES, "cadence": "weekly",
        "goals": ["三个月内基本转化", "半年内完全转化，杜绝漏检漏修"],
        "letter": D(2026, 11, 18),
        "reviews": [{"date": D(2026, 11, 18), "by": "dong_li", "note": LETTER_NOTE} | FIVE_AND_FOUR[0]],
        "status": "active",
    }  # fmt: skip


def rewards() -> list[dict[str, Any]]:
    return [
        {"id": "W-20250627-01", "date": D(2025, 6, 27), "kind": "reward", "level": "workshop",
         "person": "jiang_haifeng", "amount": 3000, "record": R_916018,
         "reason": "检查916018次列车发现制动梁端轴折损，避免了一起行车事故"},
        {"id": "W-20251110-01", "date": D(2025, 11, 10), "kind": "commendation", "level": "depot",
         "person": "zhu_chunxiang", "record": R_41008,
         "reason": "检查41008次列车发现G606230356五位车轮踏面擦伤超限"},
    ]  # fmt: skip


def october_priorities() -> dict[str, Any]:
    """October's 保安全重点 as the meeting on the September analysis adopted them: three of its
    five proposals, the measures made concrete; the October analysis checks each (四、上月保安全
    重点落实情况): two done, the 二班 one past its deadline."""
    return {
        "id": "S-2026-10", "month": "2026-10", "adopted": D(2026, 10, 5), "by": "wang_jianguo",
        "items": [
            {"content": "纠正孙浩在列车未停稳时跨越车钩的违章问题，做好当事人帮教",
             "measures": ["孙浩列为安全关键人，确定党员包保人结对帮教", "党员包保人跟班互控，关键环节提醒"],
             "unit": "B3", "owner": "liang_jianhua", "due": D(2026, 10, 15),
             "basis": ["I-20260918-01"], "done": D(2026, 10, 12),
             "evidence": ["10月12日彭晓明与孙浩结成包保对子"]},
            {"content": "加强关键列车“车辆故障”问题卡控",
             "measures": ["对C70E型货车制动梁安全链开展专项检查"],
             "unit": "GB", "owner": "liu_zhenhua", "due": D(2026, 10, 31), "done": D(2026, 10, 28),
             "category": "fault",
             "evidence": ["10月28日完成专项检查，检查记录存车间"]},
            {"content": "在班前会上逐人提问，制止违章违纪",
             "measures": ["横越线路“一站、二看、三通过”每日班前提问"],
             "unit": "B2", "owner": "zhou_xiuying", "due": D(2026, 10, 20),
             "category": "violation"},
        ],
    }  # fmt: skip


def priorities_adopted() -> dict[str, Any]:
    """November's 保安全重点 as the meeting adopted them from the October analysis: five of
    its proposals, the two recurring near misses among them, the measures made concrete; one
    done with evidence, one overdue on the day the book was brought up to date, the rest
    under way."""
    return {
        "id": "S-2026-11", "month": "2026-11", "adopted": D(2026, 11, 3), "by": "wang_jianguo",
        "items": [
            {"content": "深刻吸取10月9日33062次晚点事故教训，抓好整改措施落实",
             "measures": ["值班员、工班长新图作业时分上岗考试"],
             "unit": "B4", "owner": "ren_hui", "due": D(2026, 11, 30),
             "basis": ["I-20261009-01"], "done": D(2026, 11, 18),
             "evidence": ["新图作业时分上岗考试记录（11月18日，值班员、工班长12人全部合格）"]},
            # October's priority against vehicle faults was done without clear effect: the
            # meeting re-titled it for the faults rising in October (截断塞门, 闸瓦), the
            # special check after them
            {"content": "集中整治截断塞门手把关闭、闸瓦磨耗超限问题",
             "measures": ["始发作业后截断塞门位置逐车确认，关门车登记并与前方列检所每班核对",
                          "到达检查闸瓦厚度逐位检查",
                          "对C70E、C64K制动梁安全链、钩舌销开口销开展专项检查",
                          "质量互控每班抽查不少于2列"],
             # the per-shift duties go on all month and are checked at its end; the special
             # check is a one-off, due mid-month
             "terms": [{"every": "shift"}, {"every": "shift"},
                       {"due": D(2026, 11, 15), "name": "专项检查"},
                       {"every": "shift"}],
             "unit": "GB", "owner": "liu_zhenhua", "due": D(2026, 11, 30),
             "basis": ["R-20261002-NN8H", "R-20261026-GGNQ"], "category": "fault"},
            {"content": "在班前会上逐人提问，制止违章违纪",
             "measures": ["各党支部每日班前对横越线路“一站、二看、三通过”、着装、呼唤应答、"
                          "钻车作业钻跨到位逐人提问",
                          "重复违章人员纳入包保并跟班互控"],
             # the month's violations came from every branch: the branches carry it, the
             # general branch's member supervises (as the October analysis proposes)
             "unit": "GB", "owner": "liu_zhenhua", "branches": ["B1", "B2", "B3", "B4"],
             "due": D(2026, 11, 30), "category": "violation",
             "basis": ["R-20261006-K106", "R-20261011-3VV4"]},
            # the recurring near misses the October analysis puts to the meeting (六、4、5)
            {"content": "杜绝“邻线来车避让不及时”事故苗子重复发生",
             "measures": ["防护员提前呼唤邻线来车，作业人员及时下道避让，党员定位定项盯控",
                          "重新确定邻线接车通知办法"],
             "unit": "B2", "owner": "zhou_xiuying", "partners": ["xinhaolou"],
             "due": D(2026, 11, 30), "category": "near_miss"},
            {"content": "杜绝“撤除防护号志前未确认人员撤出”事故苗子重复发生",
             "measures": ["撤除防护号志前由防护员逐人点名确认、党员复核签认，干部每班抽查"],
             "unit": "GB", "owner": "liu_zhenhua", "branches": ["B1", "B2"],
             "due": D(2026, 11, 30), "category": "near_miss"},
        ],
    }  # fmt: skip


def member_quarter(checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """2026-Q3 scored item by item for every party member (每季逐项打分，排序抓尾)."""
    out = []
    scored = {
        (r["person"], c["kind"]): (c["id"], r["score"])
        for c in checks
        if c["kind"] in ("knows", "skills") and c["date"].month == 9 and c["date"].year == 2026
        for r in c["results"]
    }
    for who in WHO.values():
        if not who.party or who.unit == "GB" or not who.active(D(2026, 9, 30)):
            continue
        if (who.id, "knows") not in scored:
            continue
        items = []
        for kind in ("knows", "skills"):
            ref, score = scored[(who.id, kind)]
            items.append({"item": kind, "score": round(score / 4, 1), "evidence": [ref]})
        items += [{"item": "no_violation", "score": 25}, {"item": "no_accident", "score": 25}]
        out.append(
            {
                "id": f"A-2026-Q3-{who.id}",
                "period": "2026-Q3",
                "subject": who.id,
                "standard": "member",
                "items": items,
                "result": "pass",
                "status": "final",
                "by": with_role(who.branch, "secretary", D(2026, 10, 9)).id,
                "date": D(2026, 10, 9),
            }
        )
    return out  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Assessments and the notice register
# ---------------------------------------------------------------------------------------------

# period, branch, item, points, reason, ref
DEDUCTIONS: list[tuple[str, str, str, float, str, str]] = [
    ("2025-Q3", "B1", "info_network", 2, "9月份党员吴磊漏报安全信息，岗区评比失格", "A-2025-09-wu_lei"),
    ("2025-Q3", "B3", "violation_analysis", 2, "高建军邻线来车未下道避让（严重违章）", "I-20250821-01"),
    ("2025-Q4", "B3", "key_persons", 1, "包保期间高建军违章反复", "I-20251009-01"),
    ("2026-Q1", "B3", "serious_cases", 3, "发生一般A类事故：废钩舌销从侧架内窜出被中途拦停", "I-20260314-01"),
    ("2026-Q1", "B4", "violation_analysis", 2, "张亮未撤除脱轨器即通知作业完了（严重违章）", "I-20260305-01"),
    ("2026-Q2", "B2", "serious_cases", 3, "发生一般A类事故：风表忘撤被拉走", "I-20260621-01"),
    ("2026-Q2", "B4", "key_persons", 1, "包保期间张亮违章反复", "I-20260422-01"),
    ("2026-Q3", "B2", "violation_analysis", 1, "刘洋检车作业未戴安全帽", "I-20260812-01"),
    ("2026-Q3", "B3", "violation_analysis", 2, "孙浩在列车未停稳时跨越车钩（严重违章）", "I-20260918-01"),
]  # fmt: skip

SHORTCOMINGS = {
    "info_network": "个别党员信息反馈不及时",
    "info_quality": "部分信息原因分析不深，卡控标准不具体",
    "violation_analysis": "“两违”信息分析不够具体",
    "serious_cases": "剖析材料责任传递分析不透",
    "post_area": "岗区控制写实记录不全",
    "special_work": "施工作业过程控制预想不足",
    "key_persons": "包保情况汇报不及时",
    "mutual_control": "控制写实手册工长认证不及时",
    "joint_meeting": "安全分析例会记录不完整",
    "member_role": "党员作业提醒不到位",
    "briefing": "班前预想“两问”落实不够",
    "projects": "安全攻关成果推广不够",
    "activities": "“四赛”参赛面不广",
}
# What the general branch saw when it scored the items only people can judge.
ENTERED_EVIDENCE = {
    "special_work": "施工、调图等特殊情况作业均有党员干部盯控记录，控制写实手册逐班认证",
    "mutual_control": "抽查控制写实手册：党员“四同”控制点逐班填写，工长认证",
    "joint_meeting": "每月与行政共同召开安全分析例会，会议记录、签到齐全",
    "member_role": "党员作业组长提醒、把关记录完整，先锋岗考评在册",
    "briefing": "班前预想“两看、两问、一强调”抽查记录完整",
}
QUARTERS = [(2025, 3), (2025, 4), (2026, 1), (2026, 2), (2026, 3)]


def branch_assessments(gen: Gen, standard: Standard) -> list[dict[str, Any]]:
    rng = gen.rng
    out = []
    for year, quarter in QUARTERS:
        period = f"{year}-Q{quarter}"
        end_month = quarter * 3
        date = D(year + 1, 1, 10) if end_month == 12 else D(year, end_month + 1, 10)
        for branch in BRANCHES:
            items = []
            for item in standard.items().values():
                lost = rng.choices([0, 0.5, 1, 1.5, 2], weights=[50, 20, 15, 10, 5])[0]
                entry: dict[str, Any] = {"item": item.id, "score": item.max - lost}
                if lost:
                    entry["note"] = SHORTCOMINGS[item.id]
                if item.source == "entered":
                    entry["evidence"] = [ENTERED_EVIDENCE[item.id]]
                items.append(entry)
            deductions = [
                {"item": item, "points": points, "reason": reason, "ref": ref}
                for p, b, item, points, reason, ref in DEDUCTIONS
                if (p, b) == (period, branch)
            ]
            out.append(
                {
                    "id": f"A-{period}-{branch}",
                    "period": period,
                    "subject": branch,
                    "standard": "branch",
                    "items": items,
                    "deductions": deductions,
                    "status": "final",
                    "by": "wang_jianguo",
                    "date": date,
                }
            )
    return out


def member_assessment() -> dict[str, Any]:
    """The source's case: a 一班 member who filed nothing in 2025-09 fails the month."""
    return {
        "id": "A-2025-09-wu_lei",
        "period": "2025-09",
        "subject": "wu_lei",
        "standard": "member",
        "items": [
            {"item": "knows", "score": 23},
            {"item": "skills", "score": 22},
            {"item": "no_violation", "score": 25},
            {"item": "no_accident", "score": 25},
        ],
        "deductions": [
            {
                "item": "no_violation",
                "points": 20,
                "reason": "9月份未反馈安全信息（漏报），违反党内安全信息报告制度，岗区评比失格",
            }
        ],
        "result": "fail",
        "status": "final",
        "by": "li_guoqiang",
        "date": D(2025, 10, 8),
    }


# date issued, month covered
NOTICES = [
    (D(2025, 7, 8), "2025-06"),
    (D(2025, 10, 10), "2025-09"),
    (D(2025, 12, 9), "2025-11"),
    (D(2026, 4, 9), "2026-03"),
    (D(2026, 7, 8), "2026-06"),
    (D(2026, 10, 12), "2026-09"),
]


def notices() -> list[dict[str, Any]]:
    out = []
    seq: dict[int, int] = {}
    for date, month in NOTICES:
        seq[date.year] = seq.get(date.year, 0) + 1
        year, n = date.year, seq[date.year]
        y, m = month.split("-")
        out.append(
            {
                "id": f"N-{year}-{n:03d}",
                "number": SETTINGS["notice"]["number"].format(year=year, seq=n),
                "year": year,
                "seq": n,
                "date": date,
                "month": month,
                "by": "wang_jianguo",
                "title": f"关于{y}年{int(m)}月份安全信息工作情况的通报",
                "deadline": date + dt.timedelta(days=SETTINGS["notice"]["correction_days"]),
            }
        )
    return out


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

# ---------------------------------------------------------------------------------------------
# THE INFORMATION NETWORK: the shifts' daily rhythm, nil returns and weekly/monthly roundups
# ---------------------------------------------------------------------------------------------

CREW_CYCLE = ["morning", "morning", "afternoon", "afternoon", "night", "night", "off", "off"]
"""四班三运转: each of the four crews (the branches 一班 … 四班) works two mornings, two
afternoons, two nights, then two days off; the crews are two days apart."""
CYCLE_START = D(2025, 5, 26)
NIL_GAPS = {"fang_qiang": {D(2026, 10, 13), D(2026, 10, 19), D(2026, 10, 26)}}
"""Duty days a member let pass without any feedback: the recent 漏报 (he filed no report
that month, ``MISSED``, but ticked the other days)."""
SILENT_MONTHS = {(2025, 9): "wu_lei"}
"""The source's case: a member who gave no feedback at all for a month."""
LATE_TICKS = {("hu_bo", D(2026, 11, 5)): D(2026, 11, 9)}
"""A nil return ticked days after its day: it meets the cadence, as late."""
SKIPPED_WEEK = ("B1-G4", "2026-W43")
"""The one week a group leader sent no roundup."""
LEAVE = [("jiang_haifeng", D(2026, 8, 3), D(2026, 8, 12), "年休假")]


def roster_data() -> dict[str, Any]:
    return {
        "cycles": [
            {"unit": branch, "start": CYCLE_START + dt.timedelta(days=2 * n), "shifts": CREW_CYCLE}
            for n, branch in enumerate(BRANCHES)
        ],
        "leave": [
            {"person": p, "start": start, "end": end, "reason": why} for p, start, end, why in LEAVE
        ],
    }


def network_files(
    settings: Settings, org: Org, made: list[tuple[str, BaseModel]]
) -> dict[str, str]:
    """roster.yaml, every party member's nil returns on the duty days they filed no member
    report, and each group's weekly and branch's monthly roundup, drafted from those records
    by `barrier_cli.write.roundups` exactly as `barrier roundup` drafts them."""
    from barrier_cli.core.models import NilReturns, Roster
    from barrier_cli.core.models.roundup import period_span
    from barrier_cli.core.periods import Month
    from barrier_cli.io.loader import FileResult, build_tree
    from barrier_cli.reports.duty import DutyCalendar
    from barrier_cli.write.roundups import draft_month, draft_week

    roster = Roster.model_validate(roster_data())
    files = {"roster.yaml": record_text(roster)}
    calendar_ = DutyCalendar(org, roster, settings)
    reported = {
        (r.reporter, r.date)
        for _, r in made
        if isinstance(r, Report) and r.level == "member" and r.withdrawn is None
    }
    returns: list[NilReturns] = []
    for person in (p for p in org.people if p.party_member):
        by_month: dict[str, list[dict[str, Any]]] = {}
        for day in (FIRST + dt.timedelta(days=n) for n in range((TODAY - FIRST).days + 1)):
            gap = SILENT_MONTHS.get((day.year, day.month)) == person.id or day in NIL_GAPS.get(
                person.id, set()
            )
            if gap or (person.id, day) in reported or not calendar_.on_duty(person, day):
                continue
            entry: dict[str, Any] = {"date": day}
            if (person.id, day) in LATE_TICKS:
                entry["filed"] = LATE_TICKS[(person.id, day)]
            by_month.setdefault(f"{day:%Y-%m}", []).append(entry)
        for month, days in by_month.items():
            returns.append(
                NilReturns.model_validate(
                    {
                        "id": f"D-{month.replace('-', '')}-{person.id}",
                        "person": person.id,
                        "month": month,
                        "days": days,
                    }
                )
            )
    for record in returns:
        files[f"returns/{record.month[:4]}/{record.month[5:]}/{record.id}.yaml"] = record_text(
            record
        )
    results = [
        FileResult(rel, None, record=record)
        for rel, record in [*made, *((f"returns/{r.id}", r) for r in returns)]
    ]
    tree = build_tree(Path("records"), results)
    tree.settings, tree.org, tree.roster = settings, org, roster
    sunday = FIRST
    while sunday.isoweekday() != 7:
        sunday += dt.timedelta(days=1)
    while sunday < TODAY:
        year, week, _ = sunday.isocalendar()
        period = f"{year}-W{week:02d}"
        for group in (u.id for u in org.units if u.kind == "group"):
            if (group, period) == SKIPPED_WEEK:
                continue
            draft = draft_week(tree, week=period, unit=group, day=sunday + dt.timedelta(days=1))
            files[f"roundups/{year}/{draft.id}.yaml"] = record_text(
                draft.model_copy(update={"status": "final", "judgement": _week_judgement(draft)})
            )
            tree.roundups.append(draft.model_copy(update={"status": "final"}))
        sunday += dt.timedelta(days=7)
    month = Month.of(FIRST)
    while month.last < TODAY:
        for branch in BRANCHES:
            draft = draft_month(tree, month=month, unit=branch, day=month.last + dt.timedelta(2))
            final = draft.model_copy(
                update={"status": "final", "judgement": _month_judgement(draft)}
            )
            files[f"roundups/{month.year}/{draft.id}.yaml"] = record_text(final)
            tree.roundups.append(final)
        month = month.shift(1)
    assert all(period_span(r.period) for r in tree.roundups)
    return files


def _week_judgement(draft: Any) -> str:
    c = draft.counts
    found = c.equipment + c.personnel + c.management
    text = f"本周收集安全信息{found}条，党员无异常反馈{c.nil_returns}人次"
    if draft.escalate:
        text += f"，{len(draft.escalate)}条上报支部"
    if draft.silent:
        text += f"；{len(draft.silent)}人有漏报，已当面提醒"
    return text + "。"


def _month_judgement(draft: Any) -> str:
    c = draft.counts
    found = c.equipment + c.personnel + c.management
    text = f"本月收集安全信息{found}条，其中人员{c.personnel}条"
    if draft.violations:
        text += f"；党员两违{len(draft.violations)}起，已逐起分析原因，落实包保帮教"
    else:
        text += "；党员无两违"
    if draft.silent:
        text += f"；{len(draft.silent)}人次漏报，纳入月度考核"
    return text + "。"


SETTINGS_HEADER = "# 列检车间安全屏障综合记录簿：设置。每个键都有默认值，这里全部写出以便查阅。\n"


HAZARDS = [
    # (id, name, English name, element, phrases): the example's recurring near misses,
    # hazards and faults, each named once however the reports word it
    ("H-01", "邻线来车避让不及时", "late clearing of the track for trains on the adjacent line",
     "management", ["未及时下道避让"]),
    ("H-02", "撤除防护号志前未确认人员撤出",
     "protection signals removed before all staff were clear", "management",
     ["撤除防护号志前未确认"]),
    ("H-03", "脱轨器插撤不灵活", "derailers stiff to place and remove", "equipment",
     ["脱轨器插撤不灵活"]),
    ("H-04", "对讲机电池老化", "worn-out radio batteries", "equipment", ["对讲机电池老化"]),
    ("H-05", "闸瓦磨耗超限", "brake shoes worn beyond the limit", "equipment", ["闸瓦磨耗超限"]),
    ("H-06", "截断塞门手把关闭", "cut-out cock left closed", "equipment",
     ["截断塞门手把处于关闭位"]),
    ("H-07", "制动梁安全链脱落", "brake-beam safety chain off", "equipment", ["制动梁安全链脱落"]),
    ("H-08", "场区照明灯损坏", "broken yard lights", "equipment", ["照明灯损坏"]),
    ("H-09", "试风机压力表失准", "inaccurate air-test pressure gauge", "equipment",
     ["试风机压力表失准"]),
    ("H-10", "防溜铁鞋摆放不规范", "anti-roll skates misplaced", "equipment",
     ["防溜铁鞋摆放不规范"]),
]  # fmt: skip


CONTROLS = {
    # the log's standing control measure (卡控措施) of the hazards the workshop has set one for:
    # what a priority against the hazard orders, in the log's words
    "H-01": ("防护员提前呼唤邻线来车，作业人员及时下道避让，党员定位定项盯控",
             "The lookout calls out trains on the adjacent line in good time and staff clear "
             "the track; party members watch it at their fixed posts"),
    "H-02": ("撤除防护号志前由防护员逐人点名确认、党员复核签认，干部每班抽查",
             "Before the protection signals come down, the lookout calls every name and a "
             "party member countersigns; cadres spot-check every shift"),
    "H-03": ("对到达场全部脱轨器专项检查整修", "Inspect and repair every derailer in the arrival yard"),
    "H-05": ("到达检查闸瓦厚度逐位检查，质量互控每班抽查不少于2列",
             "On arrival, measure the brake shoes at every position; quality cross-checks of "
             "at least two trains a shift"),
    "H-06": ("对始发作业后塞门位置逐车确认，关门车登记与前方列检所每班核对",
             "Confirm every wagon's cut-out cock after work at the originating station, and "
             "check the isolated-wagon register with the next inspection point every shift"),
}  # fmt: skip


AIMS_EN = {
    # what a priority against each hazard sets out to do, as its English title (the Chinese
    # one is made from the name: 杜绝“……”事故苗子重复发生)
    "H-01": "Stop the recurring late clearing of the track for trains on the adjacent line",
    "H-02": "Stop the recurring removal of protection signals before all staff are clear",
    "H-03": "Stop derailers sticking when they are placed and removed",
    "H-04": "Stop radio calls cutting out on worn-out batteries",
    "H-05": "Stop brake shoes wearing beyond the limit unnoticed",
    "H-06": "Stop cut-out cocks being left closed",
    "H-07": "Stop brake-beam safety chains coming off",
    "H-08": "Stop yard lights being left broken",
    "H-09": "Stop air tests being run on inaccurate pressure gauges",
    "H-10": "Stop anti-roll skates being misplaced",
}


SAME_KIND = {"R-20261026-GGNQ": ["I-20260314-01"]}
"""Reports of a problem of the kind that caused an accident earlier in the year (a missing
knuckle-pin split pin; the scrapped knuckle pin that fell out on 14 March): the notice says so
of a late analysis."""


ADOPTED = {"R-20261022-XBJ5": (D(2026, 10, 22), "wang_jianguo", "liu_zhenhua")}
"""Suggestions the general branch adopted (予以采纳): the day, who decided, and the general
branch's member the revision they asked for is given to (the control points are the whole
workshop's, not one group's)."""


def adopted(report: dict[str, Any]) -> None:
    day, by, owner = ADOPTED[report["id"]]
    report["adopted"] = {"date": day, "by": by}
    for action in report["actions"]:
        action["owner"], action["verified_by"] = owner, by


URGED = {"R-20261007-81NF": {"date": D(2026, 10, 28), "by": "liu_zhenhua", "due": D(2026, 11, 10)}}
"""Overdue actions the general branch pressed (督办), with the new day it set: the
track-change agreement of Shift 4, taken over by Wei Zhen on 28 October."""


def hazard_log() -> dict[str, Any]:
    return {
        "hazards": [
            {"id": i, "name": name, "name_en": en, "element": element, "phrases": phrases}
            | ({"control": CONTROLS[i][0], "control_en": CONTROLS[i][1]} if i in CONTROLS else {})
            | {"aim_en": AIMS_EN[i]}
            for i, name, en, element, phrases in HAZARDS
        ]
    }


def build() -> dict[str, str]:
    """Every file of the example tree, relative path → canonical text."""
    gen = Gen(random.Random(SEED))
    settings = Settings.model_validate(SETTINGS)
    files = {
        "barrier.yaml": SETTINGS_HEADER + dumps(settings.model_dump(mode="python")),
        "org.yaml": record_text(Org.model_validate(org_data())),
        "hazards.yaml": record_text(HazardLog.model_validate(hazard_log())),
    }
    branch_standard = Standard.model_validate(with_english_names(BRANCH_STANDARD))
    files["standards/branch.yaml"] = record_text(branch_standard)
    member_standard = Standard.model_validate(with_english_names(MEMBER_STANDARD))
    files["standards/member.yaml"] = record_text(member_standard)
    real = real_reports() + case_reports()
    gen.ids.update(r["id"] for r in real)
    checks = competence_records()
    reports = [*real, *generated_reports(gen)]
    for r in reports:
        if r["id"] in SAME_KIND:
            r["links"] = [*r.get("links", []), *SAME_KIND[r["id"]]]
        if r["id"] in ADOPTED:
            adopted(r)
        if r["id"] in URGED:
            r["actions"][0]["urged"] = URGED[r["id"]]
    incidents = [*accidents(), *violations(), *precursors()]
    paired = pairings(gen)
    records: list[tuple[type[BaseModel], dict[str, Any]]] = [
        *((Report, r) for r in reports),
        *((Incident, i) for i in incidents),
        *((Pairing, p) for p in [*paired, zheng_pairing()]),
        *(
            (Assessment, a)
            for a in [
                *branch_assessments(gen, branch_standard),
                member_assessment(),
                *member_quarter(checks),
            ]
        ),
        *((NoticeEntry, n) for n in notices()),
        *((Competence, c) for c in checks),
        *((KeyPerson, k) for k in key_person_register(paired, checks)),
        *((Reward, w) for w in rewards()),
        (Priorities, october_priorities()),
        (Priorities, priorities_adopted()),
    ]
    kinds = {k.model: k for k in KINDS.values()}
    made: list[tuple[str, BaseModel]] = []
    for model, data in records:
        data = example_english.added(model.__name__, data)
        record = model.model_validate({k: v for k, v in data.items() if v is not None})
        folder = kinds[model].folder
        assert folder is not None
        rel = f"{folder(record)}/{data['id']}.yaml"
        if rel in files:
            raise SystemExit(f"two records would be written to {rel}")
        files[rel] = record_text(record)
        made.append((rel, record))
    files.update(network_files(settings, Org.model_validate(org_data()), made))
    return files


def write(out: Path, files: dict[str, str], *, clean: bool) -> None:
    if clean:
        for name in GENERATED:
            shutil.rmtree(out / name, ignore_errors=True)
        for name in ("barrier.yaml", "org.yaml", "roster.yaml", "hazards.yaml"):
            (out / name).unlink(missing_ok=True)
    taken = [rel for rel in sorted(files) if (out / rel).exists()]
    if taken:
        raise SystemExit(
            f"{out / taken[0]} already exists (and {len(taken) - 1} more); nothing was written. "
            "Use --clean to replace the generated records."
        )
    for rel, text in sorted(files.items()):
        create(out / rel, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "records"
    )
    parser.add_argument("--clean", action="store_true", help="remove the generated records first")
    args = parser.parse_args(argv)
    files = build()
    write(args.out, files, clean=args.clean)
    reports = sum(1 for rel in files if rel.startswith("reports/"))
    print(f"wrote {len(files)} files ({reports} reports) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
