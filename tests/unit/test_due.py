"""Reminders: what is overdue or due soon, per owner, soonest first, marked on reminder days."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.models.common import Signed
from barrier_cli.io.loader import Tree
from barrier_cli.reports.due import due_list, format_text
from minitree import build, incident, pairing, report

TODAY = dt.date(2026, 11, 24)
D = dt.date


def act(owner: str, due: dt.date, **more: object) -> dict[str, object]:
    return {"action": f"整改{due:%m%d}", "owner": owner, "due": due, **more}


@pytest.fixture
def tree() -> Tree:
    withdrawn = report(actions=[act("zhu", D(2026, 11, 21))])
    withdrawn = withdrawn.model_copy(
        update={"withdrawn": Signed(date=D(2026, 11, 1), by="wang", reason="重复上报")}
    )
    return build(
        report(
            date=D(2026, 11, 2),
            actions=[
                act("zhu", D(2026, 11, 20)),
                act("zhu", D(2026, 11, 25)),
                act("zhu", D(2026, 11, 10), done=D(2026, 11, 9)),
            ],
        ),
        report(
            date=D(2026, 11, 3),
            actions=[act("zhao", D(2026, 11, 28)), act("zhao", D(2026, 12, 10))],
        ),
        incident(date=D(2026, 11, 1), measures=[act("zhao", TODAY)], status="rectifying"),
        withdrawn,
        pairing(start=D(2026, 6, 1)),
        pairing(start=D(2026, 5, 1), assistant="wang", status="escalated"),
    )


def test_grouped_by_owner_soonest_first_with_reminder_days_marked(tree: Tree) -> None:
    found = due_list(tree, today=TODAY)
    assert found.days == 7
    assert [g.owner for g in found.owners] == ["zhao", "zhu"]
    zhao, zhu = found.owners
    assert [(i.kind, i.due, i.days_left, i.remind) for i in zhao.items] == [
        ("basic", D(2026, 9, 1), -84, False),
        ("measure", TODAY, 0, True),
        ("action", D(2026, 11, 28), 4, False),
        ("full", D(2026, 12, 1), 7, True),
    ]
    assert [(i.ref[-2:], i.days_left, i.remind) for i in zhu.items] == [
        ("/1", -4, False),
        ("/2", 1, True),
    ]
    assert zhao.items[0].what == "姜海峰 (jiang)"
    assert found.overdue == 2


def test_days_widens_the_window_and_owner_filters(tree: Tree) -> None:
    wide = due_list(tree, today=TODAY, days=20)
    assert D(2026, 12, 10) in [i.due for g in wide.owners for i in g.items]
    only = due_list(tree, today=TODAY, owner="zhu")
    assert [g.owner for g in only.owners] == ["zhu"]
    with pytest.raises(InvalidInput, match="no person 'nobody'"):
        due_list(tree, today=TODAY, owner="nobody")


def test_json_and_text(tree: Tree) -> None:
    found = due_list(tree, today=TODAY)
    data = json.loads(found.to_json())
    assert data["overdue"] == 2 and data["owners"][1]["name"] == "朱春祥"
    assert data["owners"][1]["items"][0] | {"what": ""} == {
        "owner": "zhu",
        "kind": "action",
        "ref": data["owners"][1]["items"][0]["ref"],
        "what": "",
        "due": "2026-11-20",
        "days_left": -4,
        "remind": False,
        "overdue": True,
    }
    text = format_text(found, "zh")
    assert "赵强 (zhao): 4项，逾期1项" in text
    assert "逾期4天" in text and "今天到期" in text and "[提醒]" in text
    assert "basic turnaround: 姜海峰" in format_text(found, "en")


def test_nothing_due() -> None:
    found = due_list(build(), today=TODAY, days=3)
    assert found.owners == [] and found.overdue == 0
    assert format_text(found, "zh") == "3天内没有到期或逾期的事项。\n"


def test_a_case_awaiting_analysis_is_due_by_its_class_with_the_branch_secretary() -> None:
    # a precursor of 11-01 has 7 days (cases.analysis_days); B2 has no secretary of its own,
    # so the general branch's (王建国) answers for it
    waiting = incident(date=D(2026, 11, 1))
    accident = incident(date=D(2026, 11, 20), type="accident", **{"class": "general_a"})
    found = due_list(build(waiting, accident), today=TODAY)
    assert [
        (g.owner, [(i.kind, i.ref, i.due, i.days_left) for i in g.items]) for g in found.owners
    ] == [
        (
            "wang",
            [
                ("analysis", waiting.id, D(2026, 11, 8), -16),
                ("analysis", accident.id, D(2026, 11, 23), -1),
            ],
        )
    ]
    assert "案例分析: 风表忘撤被拉走" in format_text(found, "zh")


def test_an_escalated_pairing_has_its_own_milestone() -> None:
    escalated = pairing(
        start=D(2026, 3, 1), assistant="wang", status="escalated", escalated_on=D(2026, 6, 5)
    )
    found = due_list(build(escalated), today=TODAY)
    assert [(i.kind, i.due, i.days_left) for g in found.owners for i in g.items] == [
        ("escalated", D(2026, 9, 5), -80)
    ]
