"""Small hand-made records trees for the notice, assessment and reminder tests.

Two branches (B1 with group B1-G1, B2 with B2-G1) under a general branch, five people, and
records built from keyword overrides of a valid default, so each test states only what it
is about. `build` gives an in-memory Tree; `write` puts the same tree on disk for the CLI.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from barrier_cli.core.kinds import KINDS
from barrier_cli.core.models import Incident, Org, Pairing, Report, Settings, Standard
from barrier_cli.core.models.common import Model
from barrier_cli.io.canonical import dumps, record_text
from barrier_cli.io.loader import FileResult, Tree, build_tree

ORG: dict[str, Any] = {
    "units": [
        {"id": "GB", "name": "车间党总支", "kind": "general_branch"},
        {"id": "B1", "name": "一班党支部", "kind": "branch", "parent": "GB"},
        {"id": "B1-G1", "name": "一班一组", "kind": "group", "parent": "B1"},
        {"id": "B2", "name": "二班党支部", "kind": "branch", "parent": "GB"},
        {"id": "B2-G1", "name": "二班一组", "kind": "group", "parent": "B2"},
    ],
    "partners": [{"id": "station", "name": "车站"}],
    "people": [
        {
            "id": "wang",
            "name": "王建国",
            "unit": "GB",
            "party_member": True,
            "roles": ["secretary"],
        },
        {
            "id": "zhu",
            "name": "朱春祥",
            "unit": "B1-G1",
            "party_member": True,
            "roles": ["inspector"],
        },
        {
            "id": "li",
            "name": "李明",
            "unit": "B1-G1",
            "party_member": False,
            "roles": ["inspector"],
        },
        {
            "id": "jiang",
            "name": "姜海峰",
            "unit": "B2-G1",
            "party_member": True,
            "roles": ["inspector"],
        },
        {"id": "zhao", "name": "赵强", "unit": "B2-G1", "party_member": True, "roles": ["foreman"]},
    ],
}

QUIET_CADENCE: dict[str, Any] = {
    "member": {"period": "day", "min": 0},
    "group": {"period": "week", "min": 0},
    "branch": {"period": "month", "min": 0},
}

BRANCH_STANDARD: dict[str, Any] = {
    "id": "branch",
    "name": "党支部实施“安全屏障”工程考核标准",
    "aspects": [
        {
            "id": "info",
            "name": "信息反馈",
            "items": [
                {"id": "info_network", "name": "三级网络按期反馈安全信息", "max": 10},
                {"id": "info_quality", "name": "信息质量与及时分析", "max": 6},
                {"id": "violation_analysis", "name": "每月分析党员两违信息", "max": 7},
                {
                    "id": "serious_cases",
                    "name": "严重两违和一般A类及以上事故剖析交班追责",
                    "max": 7,
                },
            ],
        },
        {
            "id": "control",
            "name": "作业控制",
            "items": [
                {"id": "post_area", "name": "岗区控制", "max": 10},
                {"id": "special_work", "name": "特殊情况下作业过程控制", "max": 7},
                {"id": "key_persons", "name": "安全关键人包保转化", "max": 7},
                {"id": "mutual_control", "name": "岗位互控", "max": 6},
            ],
        },
        {
            "id": "network",
            "name": "责任网络",
            "items": [
                {"id": "joint_meeting", "name": "安全分析例会", "max": 7},
                {"id": "member_role", "name": "发挥党员作用", "max": 7},
                {"id": "briefing", "name": "班前安全预想", "max": 6},
            ],
        },
        {
            "id": "basic",
            "name": "基础保证",
            "items": [
                {"id": "projects", "name": "安全攻关", "max": 10},
                {"id": "activities", "name": "党内安全主题活动", "max": 10},
            ],
        },
    ],
}

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
                {"id": "no_violation", "name": "自身无两违", "max": 25},
                {"id": "no_accident", "name": "身边无事故", "max": 25},
            ],
        }
    ],
}

_counter = iter(range(10**6))


def report(**fields: Any) -> Report:
    """A valid report of 2026-10 by 朱春祥 unless told otherwise."""
    day: dt.date = fields.get("date", dt.date(2026, 10, 10))
    data: dict[str, Any] = {
        "id": f"R-{day:%Y%m%d}-{next(_counter):04d}",
        "date": day,
        "reporter": "zhu",
        "source": "on_site",
        "element": "equipment",
        "category": "fault",
        "train": "41008",
        "summary": "G606230356车5位车轮踏面擦伤超限",
        "status": "analysed",
        "analysis": {"date": day, "by": "wang", "cause": "检车员作业前未重点检查踏面状态"},
    }
    data.update(fields)
    return Report.model_validate({k: v for k, v in data.items() if v is not None})


def incident(**fields: Any) -> Incident:
    day: dt.date = fields.get("date", dt.date(2026, 10, 5))
    data: dict[str, Any] = {
        "id": f"I-{day:%Y%m%d}-{next(_counter) % 100:02d}",
        "date": day,
        "title": "风表忘撤被拉走",
        "unit": "B2-G1",
        "type": "precursor",
        "status": "open",
    }
    data.update(fields)
    return Incident.model_validate({k: v for k, v in data.items() if v is not None})


def closed_without_causes(**fields: Any) -> Incident:
    """An incident of 2026-10-05 closed on 10-20 with 姜海峰 held responsible and a measure
    done, but no causes found: the closure a notice criticises (三不放过)."""
    data: dict[str, Any] = {
        "status": "closed",
        "closed": dt.date(2026, 10, 20),
        "responsibility": [{"person": "jiang", "finding": "未确认撤除风表"}],
        "measures": [
            {
                "action": "增设撤表确认",
                "owner": "zhao",
                "due": dt.date(2026, 10, 15),
                "done": dt.date(2026, 10, 14),
            }
        ],
    }
    return incident(**(data | fields))


def pairing(**fields: Any) -> Pairing:
    start: dt.date = fields.get("start", dt.date(2026, 8, 1))
    data: dict[str, Any] = {
        "id": f"P-{start:%Y%m%d}-{next(_counter) % 100:02d}",
        "mentor": "zhao",
        "person": "jiang",
        "unit": "B2-G1",
        "start": start,
        "reasons": ["violations"],
    }
    data.update(fields)
    return Pairing.model_validate({k: v for k, v in data.items() if v is not None})


def build(
    *records: Model,
    settings: dict[str, Any] | None = None,
    root: Path = Path("/nonexistent"),
) -> Tree:
    """An in-memory tree of ``records`` with the org and standards above."""
    results = [
        FileResult("barrier.yaml", "settings", Settings.model_validate(_settings(settings))),
        FileResult("org.yaml", "org", Org.model_validate(ORG)),
        FileResult("standards/branch.yaml", "standard", Standard.model_validate(BRANCH_STANDARD)),
        FileResult("standards/member.yaml", "standard", Standard.model_validate(MEMBER_STANDARD)),
    ]
    for record in records:
        results.append(FileResult(path_of(record), _kind(record), record))
    return build_tree(root, results)


def write(root: Path, *records: Model, settings: dict[str, Any] | None = None) -> Path:
    """The tree of ``records`` as files under ``root``, as a user would keep it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "barrier.yaml").write_text(dumps(_settings(settings)), encoding="utf-8")
    (root / "org.yaml").write_text(dumps(ORG), encoding="utf-8")
    (root / "standards").mkdir(exist_ok=True)
    (root / "standards/branch.yaml").write_text(dumps(BRANCH_STANDARD), encoding="utf-8")
    (root / "standards/member.yaml").write_text(dumps(MEMBER_STANDARD), encoding="utf-8")
    for record in records:
        path = root / path_of(record)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_text(record), encoding="utf-8")
    return root


def path_of(record: Model) -> str:
    kind = KINDS[_kind(record)]
    assert kind.folder is not None
    return f"{kind.folder(record)}/{record.id}.yaml"  # type: ignore[attr-defined]


def _kind(record: Model) -> str:
    return next(k.name for k in KINDS.values() if isinstance(record, k.model))


def _settings(extra: dict[str, Any] | None) -> dict[str, Any]:
    return {"organisation": "列检车间", "cadence": QUIET_CADENCE} | (extra or {})
