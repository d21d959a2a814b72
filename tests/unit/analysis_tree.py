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
