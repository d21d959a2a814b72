"""包保对子 that cannot be gamed: a committee assistant, a full 责任书, 五勤/四同, monthly reviews
after escalation and the escalation's own milestone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from barrier_cli.checks.run import check_tree
from barrier_cli.core import findings as f
from barrier_cli.core.models.settings import Deadlines
from barrier_cli.io.canonical import dumps
from minitree import ORG, pairing, write

TODAY = dt.date(2026, 11, 24)
D = dt.date
# 孙委员 sits on the committee of branch B2; 姜海峰 (jiang) is the key person in B2-G1.
COMMITTEE = {"id": "sun", "name": "孙委员", "unit": "B2", "party_member": True}
LETTER: dict[str, Any] = {
    "letter": D(2026, 3, 2),
    "plan": "针对“两违”多，党员跟班帮教",
    "measures": ["每班跟班互控", "每周规章抽问"],
    "goals": ["三个月内基本转化", "半年内完全转化"],
}


def review(day: dt.date, by: str = "zhao") -> dict[str, Any]:
    return {
        "date": day,
        "by": by,
        "note": "跟班作业，关键环节提醒",
        "diligences": ["observe", "remind"],
        "together": ["start", "work", "return", "rest"],
    }


MONTHLY = [review(D(2026, m, 3)) for m in range(3, 12)]


def findings(tmp_path: Path, **changes: Any) -> list[tuple[str, str]]:
    record = pairing(start=D(2026, 3, 1), **(LETTER | {"reviews": MONTHLY} | changes))
    root = write(tmp_path, record)
    org = ORG | {"people": [*ORG["people"], COMMITTEE | {"roles": ["committee"]}]}
    (root / "org.yaml").write_text(dumps(org), encoding="utf-8")
    result = check_tree(root, day=TODAY)
    return [(x.code, x.message) for x in result.findings]


ESCALATED: dict[str, Any] = {"status": "escalated", "escalated_on": D(2026, 6, 5)}


def test_a_committee_member_of_the_branch_may_assist(tmp_path: Path) -> None:
    assert findings(tmp_path, assistant="sun", **ESCALATED, full_on=D(2026, 9, 1)) == []


def test_a_non_committee_assistant_is_refused(tmp_path: Path) -> None:
    # 李明 is not even a party member, and holds no committee role
    assert [c for c, _ in findings(tmp_path, assistant="li", **ESCALATED)] == [
        f.PAIRING_ASSISTANT,
        f.PAIRING_OVERDUE,
    ]


def test_a_committee_member_of_another_unit_is_refused(tmp_path: Path) -> None:
    # 王建国 is the general branch's secretary, not on B2's committee
    found = findings(tmp_path, assistant="wang", **ESCALATED, full_on=D(2026, 9, 1))
    assert [c for c, _ in found] == [f.PAIRING_ASSISTANT]
    assert "B2" in found[0][1]


def test_an_escalated_pairing_without_a_review_is_flagged(tmp_path: Path) -> None:
    # reviewed monthly until July, then nothing after the escalation's first month
    early = [r for r in MONTHLY if r["date"] <= D(2026, 7, 3)]
    found = findings(tmp_path, assistant="sun", **ESCALATED, reviews=early, full_on=D(2026, 10, 20))
    assert found == [(f.PAIRING_REVIEW, "escalated pairing not reviewed in 2026-08, 2026-09")]


def test_an_escalated_pairing_past_its_own_milestone_is_flagged(tmp_path: Path) -> None:
    # escalated 06-05: full turnaround due three months later (deadlines.pairing_escalated_months)
    found = findings(tmp_path, assistant="sun", **ESCALATED)
    assert found == [
        (f.PAIRING_OVERDUE, "escalated turnaround was due 2026-09-05 and is not recorded")
    ]


def test_the_escalation_needs_its_assistant_and_day(tmp_path: Path) -> None:
    found = findings(tmp_path, status="escalated", full_on=D(2026, 9, 1))
    assert sorted(m for _, m in found) == [
        "an escalated pairing names its 'assistant' (a branch committee member)",
        "an escalated pairing needs 'escalated_on' (date)",
    ]


def test_the_letter_needs_plan_measures_and_goals(tmp_path: Path) -> None:
    found = findings(tmp_path, measures=[], goals=[], full_on=D(2026, 9, 1))
    assert found == [(f.PAIRING_LETTER, "the responsibility letter (责任书) lacks measures, goals")]


def test_reviews_record_five_diligences_and_four_togethers(tmp_path: Path) -> None:
    bare = [{"date": D(2026, 3, 3), "by": "zhao", "note": "谈心"}]
    found = findings(tmp_path, reviews=bare, full_on=D(2026, 9, 1))
    assert found == [(f.PAIRING_REVIEW, "reviews[0] records no diligences and no together")]


def test_escalated_milestone_from_settings() -> None:
    p = pairing(start=D(2026, 3, 1), assistant="sun", **ESCALATED)
    assert p.overdue_milestones(Deadlines(pairing_escalated_months=6), TODAY) == []
    assert p.overdue_milestones(Deadlines(), TODAY) == ["escalated"]
