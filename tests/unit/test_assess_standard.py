"""The shipped branch standard: every one of the 13 items derived or entered, none silently
full, and weights under which an accident outweighs paperwork."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

from barrier_cli.core.models import Assessment, Competence
from barrier_cli.core.periods import Quarter
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports import assess as a
from minitree import incident, report, write

TODAY = dt.date(2026, 11, 24)
Q3 = Quarter(2026, 3)
D = dt.date
# Branches owe one monthly roll-up each; nothing else is owed.
MONTHLY_BRANCH = {
    "cadence": {
        "member": {"period": "day", "min": 0},
        "group": {"period": "week", "min": 0},
        "branch": {"period": "month", "min": 1},
    }
}


def shipped(tmp_path: Path, *records: Any) -> Path:
    """A minitree whose standards are the ones `barrier init` ships (zh)."""
    root = write(tmp_path / "records", *records, settings=MONTHLY_BRANCH)
    init = resources.files("barrier_cli") / "resources/init/records/zh/standards"
    for name in ("branch.yaml", "member.yaml"):
        (root / "standards" / name).write_text(
            (init / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    return root


def roll_up(unit: str, month: int) -> Any:
    return report(
        date=D(2026, month, 28),
        reporter="wang",
        unit=unit,
        level="branch",
        category="other",
        element="management",
        train=None,
        summary="本月安全信息汇总分析",
        details="汇总各党小组信息",
    )


def study(unit: str, month: int) -> Competence:
    return Competence.model_validate(
        {
            "id": f"C-2026{month:02d}15-{unit[-1]}0",
            "date": D(2026, month, 15),
            "unit": unit,
            "kind": "study",
            "title": "双学双提",
        }
    )


EVERY_MONTH = [study(u, m) for u in ("B1", "B2") for m in (7, 8, 9)]


def test_a_general_a_accident_not_handed_over_ranks_below_three_missed_reports(
    tmp_path: Path,
) -> None:
    # B1 files its roll-up every month but has a general-A accident, never handed over;
    # B2 has no accident but missed all three monthly roll-ups and filed two thin reports.
    accident = incident(
        date=D(2026, 8, 12),
        unit="B1-G1",
        type="accident",
        title="风表忘撤被拉走",
        **{"class": "general_a"},
    )
    thin = [report(date=D(2026, 9, n), reporter="jiang", summary="闸瓦") for n in (3, 4)]
    root = shipped(tmp_path, accident, *thin, *[roll_up("B1", m) for m in (7, 8, 9)], *EVERY_MONTH)
    result = a.assess(load_tree(root), Q3, today=TODAY)
    b1, b2 = (next(d for d in result.branches if d.assessment.subject == u) for u in ("B1", "B2"))
    paperwork = {(x.item, x.points) for x in b2.assessment.deductions}
    assert paperwork == {("info_network", 2), ("info_quality", 0.5)}
    assert sum(x.points for x in b2.assessment.deductions) == 3 * 2 + 2 * 0.5
    assert {(x.item, x.points, x.ref) for x in b1.assessment.deductions} == {
        ("post_area", 10, accident.id),
        ("serious_cases", 10, accident.id),
        ("info_quality", 0.5, accident.id),  # and never analysed (due in 3 days)
    }
    assert [d.assessment.subject for d in result.branches] == ["B2", "B1"]
    assert result.branches[1].lowest


def test_all_13_items_are_derived_or_entered_with_evidence(tmp_path: Path) -> None:
    entered = Assessment.model_validate(
        {
            "id": "A-2026-Q3-B1",
            "period": "2026-Q3",
            "subject": "B1",
            "standard": "branch",
            "items": [
                {
                    "item": "joint_meeting",
                    "score": 6,
                    "evidence": ["7、8、9月与行政共同召开安全分析例会，会议记录齐全"],
                },
                {"item": "briefing", "score": 5},  # no evidence: not taken
            ],
            "date": D(2026, 10, 5),
        }
    )
    late = report(
        date=D(2026, 7, 2), actions=[{"action": "更换闸瓦", "owner": "zhu", "due": D(2026, 7, 5)}]
    )
    root = shipped(tmp_path, entered, late, *EVERY_MONTH)
    result = a.assess(load_tree(root), Q3, today=TODAY)
    b1 = next(d for d in result.branches if d.assessment.subject == "B1")
    scores = {i.item: i for i in b1.assessment.items}
    assert len(scores) == 13
    assert b1.sources == {
        "info_network": "derived",
        "info_quality": "derived",
        "violation_analysis": "derived",
        "serious_cases": "derived",
        "post_area": "derived",
        "special_work": "missing",
        "key_persons": "derived",
        "mutual_control": "missing",
        "joint_meeting": "entered",
        "member_role": "missing",
        "briefing": "missing",
        "projects": "derived",
        "activities": "derived",
    }
    assert scores["joint_meeting"].score == 6 and scores["joint_meeting"].evidence
    assert scores["briefing"].score == 0 and "未录入" in (scores["briefing"].note or "")
    assert scores["projects"].evidence == [late.id]
    # derived items at their maximum less deductions (the overdue action, three missed
    # monthly roll-ups); entered as given; the rest 0
    derived = 10 + 5 + 6 + 15 + 10 + 8 + 8 + 9
    assert b1.total == derived - 1 - 3 * 2 + 6
