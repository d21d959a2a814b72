"""A hand-made tree for the information-network tests (duty days, cadence, roundups).

March 2026 starts on a Sunday: its weekdays are 2-6, 9-13, 16-20, 23-27, 30-31 (22 duty
days for whoever works the default working days) and its ISO weeks ending in March are
W09 (23 Feb - 1 Mar) to W13 (23-29 Mar). Group G2 works a four-day cycle (day, night,
off, off) from 1 March: 16 duty days in March, weekends included.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from analysis_tree import report

MARCH_WEEKDAYS = [dt.date(2026, 3, d) for d in range(1, 32) if dt.date(2026, 3, d).weekday() < 5]

ORG: dict[str, Any] = {
    "units": [
        {"id": "GB", "name": "车间党总支", "kind": "general_branch"},
        {"id": "B1", "name": "第一党支部", "kind": "branch", "parent": "GB"},
        {"id": "B2", "name": "第二党支部", "kind": "branch", "parent": "GB"},
        {"id": "G1", "name": "一组", "kind": "group", "parent": "B1"},
        {"id": "G2", "name": "二组", "kind": "group", "parent": "B2"},
    ],
    "people": [
        {
            "id": "lead",
            "name": "李组长",
            "unit": "G1",
            "party_member": True,
            "roles": ["group_leader"],
        },
        {"id": "m1", "name": "张一", "unit": "G1", "party_member": True},
        {"id": "m2", "name": "张二", "unit": "G1", "party_member": True},
        {"id": "m3", "name": "张三", "unit": "G1", "party_member": True},
        {"id": "r1", "name": "轮班", "unit": "G2", "party_member": True},
        {"id": "sec", "name": "王书记", "unit": "B1", "party_member": True, "roles": ["secretary"]},
        {"id": "w1", "name": "赵工人", "unit": "G1"},
    ],
}

SETTINGS: dict[str, Any] = {"organisation": "测试车间"}


def dump(root: Path, rel: str, data: Any) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), "utf-8")


def write_report(root: Path, data: dict[str, Any]) -> None:
    y, m, _ = data["date"].split("-")
    dump(root, f"reports/{y}/{m}/{data['id']}.yaml", data)


def nil_returns(root: Path, person: str, days: list[dt.date], **late: str) -> None:
    """``person``'s nil returns in March 2026; ``late`` maps an ISO day to its filing day."""
    entries: list[dict[str, Any]] = []
    for d in days:
        entry: dict[str, Any] = {"date": d.isoformat()}
        if d.isoformat() in late:
            entry["filed"] = late[d.isoformat()]
        entries.append(entry)
    dump(
        root,
        f"returns/2026/03/D-202603-{person}.yaml",
        {"id": f"D-202603-{person}", "person": person, "month": "2026-03", "days": entries},
    )


def roundup(root: Path, period: str, unit: str, by: str, date: str, **fields: Any) -> None:
    data: dict[str, Any] = {
        "id": f"U-{period}-{unit}",
        "level": "group" if "W" in period else "branch",
        "unit": unit,
        "period": period,
        "date": date,
        "by": by,
        "status": "final",
        "judgement": "本周无重大问题",
    }
    data.update(fields)
    dump(root, f"roundups/{period[:4]}/U-{period}-{unit}.yaml", data)


def write(root: Path) -> Path:
    """The tree of the known-answer tests (see each test for the answers)."""
    dump(root, "barrier.yaml", SETTINGS)
    dump(root, "org.yaml", ORG)
    dump(
        root,
        "roster.yaml",
        {
            "cycles": [
                {"unit": "G2", "start": "2026-03-01", "shifts": ["day", "night", "off", "off"]}
            ],
            "leave": [
                {"person": "m2", "start": "2026-03-09", "end": "2026-03-13", "reason": "年休假"}
            ],
        },
    )
    # m1: twenty reports on 2 March, nil returns on every other weekday but 4, 17 and 31 March,
    # and a Saturday report that is no duty day.
    for n in range(20):
        write_report(root, report("2026-03-02", "m1", id=f"R-20260302-{n:04d}"))
    write_report(root, report("2026-03-07", "m1", id="R-20260307-0001"))
    skipped = {dt.date(2026, 3, d) for d in (2, 4, 17, 31)}
    nil_returns(root, "m1", [d for d in MARCH_WEEKDAYS if d not in skipped])
    # m2: on leave 9-13 March, a nil return on every other weekday, and a 两违 seen on the
    # 20th (a worker's violation, high risk).
    write_report(
        root,
        report(
            "2026-03-20",
            "m2",
            id="R-20260320-0001",
            element="personnel",
            category="violation",
            risk="high",
            persons=["w1"],
        ),
    )
    leave = {dt.date(2026, 3, d) for d in range(9, 14)}
    nil_returns(root, "m2", [d for d in MARCH_WEEKDAYS if d not in leave])
    # m3: a report for 10 March written on 30 March, a nil return for 11 March ticked on the
    # 12th, nil returns on time on every other weekday.
    write_report(root, report("2026-03-10", "m3", id="R-20260310-0001", filed="2026-03-30"))
    nil_returns(
        root,
        "m3",
        [d for d in MARCH_WEEKDAYS if d != dt.date(2026, 3, 10)],
        **{"2026-03-11": "2026-03-12"},
    )
    # The leader rolled up weeks 9, 10, 11 and 13 (week 13 two weeks late), not week 12; a
    # draft of week 12 does not count.
    for week, written in (("W09", "2026-03-02"), ("W10", "2026-03-09"), ("W11", "2026-03-16")):
        roundup(root, f"2026-{week}", "G1", "lead", written)
    roundup(root, "2026-W13", "G1", "lead", "2026-04-13")
    roundup(root, "2026-W12", "G1", "lead", "2026-03-23", status="draft", judgement=None)
    # Branch B1 rolled up March; B2 did not.
    roundup(root, "2026-03", "B1", "sec", "2026-04-02")
    return root
