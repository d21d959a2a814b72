"""Small hand-made records trees for the analysis and export tests, written as real files.

JSON is valid YAML, so records are written with ``json.dumps``: the tests go through the
same loader the command uses, and every number the analysis shows is known by hand.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_serial = itertools.count(1)

ORG: dict[str, Any] = {
    "units": [
        {"id": "GB", "name": "车间党总支", "kind": "general_branch"},
        {"id": "B1", "name": "第一党支部", "kind": "branch", "parent": "GB"},
        {"id": "B2", "name": "第二党支部", "kind": "branch", "parent": "GB"},
        {"id": "G1", "name": "一组", "kind": "group", "parent": "B1"},
        {"id": "G2", "name": "二组", "kind": "group", "parent": "B2"},
    ],
    "partners": [{"id": "station", "name": "车站"}],
    "people": [
        {
            "id": "lead1",
            "name": "李组长",
            "unit": "G1",
            "party_member": True,
            "roles": ["group_leader"],
        },
        {"id": "mem1", "name": "张党员", "unit": "G1", "party_member": True},
        {"id": "mem2", "name": "王党员", "unit": "G2", "party_member": True, "since": "2026-10-16"},
        {"id": "wk1", "name": "赵工人", "unit": "G1"},
        {"id": "wk2", "name": "钱工人", "unit": "G2"},
        {"id": "wk3", "name": "孙工人", "unit": "G1"},
        {"id": "wk4", "name": "周工人", "unit": "G2"},
        {
            "id": "sec2",
            "name": "孙书记",
            "unit": "B2",
            "party_member": True,
            "roles": ["secretary"],
            "until": "2026-09-30",
        },
    ],
}

SETTINGS: dict[str, Any] = {
    "organisation": "测试车间",
    "cadence": {
        "member": {"period": "week", "min": 4},
        "group": {"period": "week", "min": 2},
        "branch": {"period": "month", "min": 1},
    },
}


def report(day: str, reporter: str, **fields: Any) -> dict[str, Any]:
    """A report with sensible defaults and a unique id for ``day`` (YYYY-MM-DD)."""
    rid = f"R-{day.replace('-', '')}-{next(_serial):04d}"
    base: dict[str, Any] = {
        "id": rid,
        "date": day,
        "reporter": reporter,
        "source": "on_site",
        "element": "equipment",
        "category": "hazard",
        "summary": f"情况 {rid}",
    }
    base.update(fields)
    return base


def write_tree(
    root: Path,
    *,
    settings: dict[str, Any] | None = None,
    org: dict[str, Any] | None = None,
    reports: Sequence[dict[str, Any]] = (),
    incidents: Sequence[dict[str, Any]] = (),
    pairings: Sequence[dict[str, Any]] = (),
    assessments: Sequence[dict[str, Any]] = (),
    standards: dict[str, dict[str, Any]] | None = None,
) -> Path:
    """Write a records tree under ``root`` with each record in the folder its date gives."""
    root.mkdir(parents=True, exist_ok=True)
    _dump(root / "barrier.yaml", SETTINGS if settings is None else settings)
    _dump(root / "org.yaml", ORG if org is None else org)
    for name, data in (standards or {}).items():
        _dump(root / "standards" / f"{name}.yaml", data)
    for r in reports:
        y, m, _ = r["date"].split("-")
        _dump(root / "reports" / y / m / f"{r['id']}.yaml", r)
    for i in incidents:
        _dump(root / "incidents" / i["date"][:4] / f"{i['id']}.yaml", i)
    for p in pairings:
        _dump(root / "pairings" / p["start"][:4] / f"{p['id']}.yaml", p)
    for a in assessments:
        year, rest = a["period"].split("-")
        _dump(root / "assessments" / year / rest / f"{a['id']}.yaml", a)
    return root


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _signed(day: str) -> dict[str, str]:
    return {"date": day, "by": "lead1", "reason": "录入重复"}


def _analysis(day: str) -> dict[str, str]:
    return {"date": day, "by": "lead1", "cause": "作业不规范"}


def october(root: Path) -> tuple[Path, dict[str, str]]:
    """The tree every section test of October 2026 reads; answers worked out by hand.

    Returns the root and the ids of the reports by their short names (r1 … r6, s1, s2, …).
    """
    r: dict[str, dict[str, Any]] = {
        "y1": report("2025-10-03", "mem1"),
        "y2": report("2025-10-04", "mem1"),
        "a1": report("2026-08-01", "mem1", element="management", risk="low"),
        "s1": report("2026-09-10", "mem1", risk="high", keys=["train"], location="到达场"),
        "s2": report(
            "2026-09-12",
            "lead1",
            element="personnel",
            category="violation",
            persons=["wk1", "wk2"],
        ),
        "r1": report(
            "2026-10-02",
            "mem1",
            risk="high",
            keys=["train", "post"],
            location="到达场",
            analysis=_analysis("2026-10-03"),
            status="closed",
            closed="2026-10-10",
        ),
        "r2": report(
            "2026-10-05",
            "lead1",
            level="group",
            source="cadre_patrol",
            element="personnel",
            category="violation",
            persons=["wk1"],
            analysis=_analysis("2026-10-12"),
            status="rectifying",
            actions=[{"action": "违章人员离岗培训", "owner": "lead1", "due": "2026-10-20"}],
        ),
        "r3": report(
            "2026-10-06",
            "mem1",
            element="management",
            category="suggestion",
            risk="low",
            source="briefing",
            commend=True,
            train="41008",
            summary="提醒后发现车轮踏面擦伤超限",
            analysis=_analysis("2026-10-06"),
            status="closed",
            closed="2026-11-20",
            actions=[
                {"action": "工具箱倒角", "owner": "mem1", "due": "2026-10-15", "done": "2026-11-20"}
            ],
        ),
        "r4": report(
            "2026-10-20",
            "mem2",
            level="branch",
            unit="B2",
            risk="high",
            keys=["train"],
            location="到达场",
        ),
        "r5": report(
            "2026-10-21", "wk1", category="fault", source="joint_labour", partner="station"
        ),
        "r6": report("2026-10-07", "mem1", withdrawn=_signed("2026-10-08")),
    }
    for name, rec in r.items():  # stable ids, so documents can be compared as snapshots
        rec["id"] = rec["id"][:-4] + f"{name.upper():0>4}"
        if rec["summary"].startswith("情况 R-"):
            rec["summary"] = f"情况 {name}"
    measure = {"owner": "lead1", "due": "2026-10-12", "done": "2026-10-12"}
    incidents = [
        {
            "id": "I-20261008-01",
            "date": "2026-10-08",
            "title": "风表忘撤被拉走",
            "unit": "G1",
            "type": "accident",
            "class": "general_a",
            "status": "rectifying",
            "causes": [{"element": "personnel", "text": "作业完了未确认", "kind": "subjective"}],
            "responsibility": [{"person": "wk3", "finding": "未撤除风表"}],
            "measures": [
                {"action": "完了确认纳入互控", **measure},
                {"action": "全员警示教育", "owner": "mem1", "due": "2026-10-25"},
            ],
        },
        {
            "id": "I-20261015-01",
            "date": "2026-10-15",
            "title": "钱工人跨越车钩",
            "unit": "G2",
            "type": "violation",
            "status": "closed",
            "closed": "2026-10-20",
            "violation": {"kind": "rule", "severity": "general", "person": "wk2"},
            "reports": [r["s2"]["id"]],
            "causes": [{"element": "personnel", "text": "图省事", "kind": "subjective"}],
            "responsibility": [{"person": "wk2", "finding": "违章"}],
            "measures": [
                {"action": "离岗培训", "owner": "lead1", "due": "2026-10-18", "done": "2026-10-18"}
            ],
        },
        {
            "id": "I-20260905-01",
            "date": "2026-09-05",
            "title": "防溜铁鞋未撤",
            "unit": "G1",
            "type": "precursor",
            "status": "open",
        },
        {
            "id": "I-20260901-01",
            "date": "2026-09-01",
            "title": "已闭环的苗子",
            "unit": "G1",
            "type": "precursor",
            "status": "closed",
            "closed": "2026-09-20",
            "causes": [{"element": "equipment", "text": "老化", "kind": "objective"}],
            "responsibility": [{"unit": "G1", "finding": "检查不到位"}],
            "measures": [{"action": "更换", **measure}],
        },
    ]
    pairings = [
        {
            "id": "P-20260705-01",
            "mentor": "mem2",
            "person": "wk2",
            "unit": "G2",
            "start": "2026-07-05",
            "reasons": ["violations"],
            "basic_on": "2026-10-03",
            "status": "basic",
        },
        {
            "id": "P-20260410-01",
            "mentor": "lead1",
            "person": "wk3",
            "unit": "G1",
            "start": "2026-04-10",
            "reasons": ["low_skill"],
            "basic_on": "2026-07-01",
            "status": "basic",
        },
        {
            "id": "P-20260301-01",
            "mentor": "mem2",
            "person": "wk4",
            "unit": "G2",
            "start": "2026-03-01",
            "reasons": ["few_finds"],
            "basic_on": "2026-05-01",
            "full_on": "2026-08-20",
            "status": "full",
        },
        {
            "id": "P-20260501-01",
            "mentor": "mem2",
            "person": "wk4",
            "unit": "G2",
            "start": "2026-05-01",
            "reasons": ["attitude"],
            "assistant": "lead1",
            "status": "escalated",
        },
    ]

    def assessment(period: str, subject: str, standard: str, **fields: Any) -> dict[str, Any]:
        return {
            "id": f"A-{period}-{subject}",
            "period": period,
            "subject": subject,
            "standard": standard,
            "date": "2026-11-02",
            **fields,
        }

    assessments = [
        assessment(
            "2026-10",
            "B1",
            "branch",
            items=[{"item": "a1", "score": 50}, {"item": "a2", "score": 35}],
            deductions=[{"item": "a2", "points": 5, "reason": "漏报"}],
        ),
        assessment(
            "2026-10",
            "B2",
            "branch",
            items=[{"item": "a1", "score": 55}, {"item": "a2", "score": 35}],
        ),
        assessment("2026-10", "mem1", "member", items=[{"item": "m1", "score": 95}], result="pass"),
        assessment("2026-10", "mem2", "member", items=[{"item": "m1", "score": 50}], result="fail"),
        assessment("2026-09", "B1", "branch", items=[{"item": "a1", "score": 1}]),
        assessment("2026-Q3", "B2", "branch", items=[{"item": "a1", "score": 1}]),
    ]
    standards = {
        "branch": {
            "id": "branch",
            "name": "支部考核",
            "aspects": [
                {
                    "id": "info",
                    "name": "信息反馈",
                    "items": [
                        {"id": "a1", "name": "信息分析", "max": 60},
                        {"id": "a2", "name": "交班问责", "max": 40},
                    ],
                }
            ],
        },
    }
    write_tree(
        root,
        reports=list(r.values()),
        incidents=incidents,
        pairings=pairings,
        assessments=assessments,
        standards=standards,
    )
    return root, {name: rec["id"] for name, rec in r.items()}
