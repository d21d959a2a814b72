"""Key persons from every signal, and the year's rewards, penalties and 无A类两违 list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from barrier_cli.core.models import Competence, KeyPerson, Reward
from barrier_cli.core.periods import Month
from barrier_cli.reports.analysis.keypersons import key_person_signals
from barrier_cli.reports.analysis.rewards import month_lines, without_a_class, year_totals
from minitree import build, incident, pairing, report

TODAY = dt.date(2026, 11, 24)
D = dt.date
NOV = Month(2026, 11)


def quality(person: str, day: dt.date) -> Any:
    return report(
        date=day,
        reporter="zhao",
        category="quality",
        element="personnel",
        summary="检修质量反馈：闸瓦漏检",
        persons=[person],
    )


def near_miss(person: str, day: dt.date) -> Any:
    return incident(
        date=day,
        type="precursor",
        title="防溜铁鞋未撤",
        persons=[{"person": person, "role": "responsible"}],
    )


def test_quality_feedback_and_a_near_miss_propose_a_key_person() -> None:
    # 1 (quality) + 1 (precursor) reaches the default threshold of 2; nobody else does
    feedback, miss = quality("li", D(2026, 10, 3)), near_miss("li", D(2026, 11, 2))
    found = key_person_signals(build(feedback, miss), NOV, TODAY)
    assert [(c.person, c.score, c.proposed) for c in found] == [("li", 2.0, True)]
    assert [(e.kind, e.ref) for e in found[0].signals] == [
        ("precursor", miss.id),
        ("quality", feedback.id),
    ]


def test_one_signal_alone_proposes_nobody_and_old_ones_fall_out_of_the_window() -> None:
    assert key_person_signals(build(quality("li", D(2026, 11, 3))), NOV, TODAY) == []
    # quality feedback in July is outside the three months ending with November
    old = build(quality("li", D(2026, 7, 3)), near_miss("li", D(2026, 11, 2)))
    assert key_person_signals(old, NOV, TODAY) == []


def test_an_a_class_violation_weighs_three() -> None:
    serious = incident(
        date=D(2026, 10, 3),
        type="violation",
        violation={"kind": "rule", "severity": "serious", "person": "jiang"},
    )
    found = key_person_signals(build(serious), NOV, TODAY)
    assert [(c.person, c.score) for c in found] == [("jiang", 3.0)]


def test_a_failed_check_counts_and_registered_or_paired_people_are_not_new() -> None:
    check = Competence.model_validate(
        {
            "id": "C-20261105-01",
            "date": D(2026, 11, 5),
            "unit": "B2",
            "kind": "knows",
            "title": "应知一口清抽考",
            "results": [
                {"person": "jiang", "passed": False},
                {"person": "zhao", "passed": True},
            ],
        }
    )
    records = [check, quality("jiang", D(2026, 11, 6))]
    assert [c.proposed for c in key_person_signals(build(*records), NOV, TODAY)] == [True]
    paired = build(*records, pairing(start=D(2026, 11, 10)))
    [candidate] = key_person_signals(paired, NOV, TODAY)
    assert candidate.pairing is not None and not candidate.proposed
    entry = KeyPerson.model_validate(
        {
            "id": "K-20261107-01",
            "person": "jiang",
            "unit": "B2-G1",
            "proposed": D(2026, 11, 7),
            "signals": [{"kind": "competence", "ref": "C-20261105-01"}],
        }
    )
    [registered] = key_person_signals(build(*records, entry), NOV, TODAY)
    assert (registered.register, registered.status) == ("K-20261107-01", "proposed")


def test_few_faults_found_against_the_group() -> None:
    # zhu reports 10 faults in B1-G1, li none: li finds under 30 % of the group's mean
    faults = [report(date=D(2026, 10, n), reporter="zhu") for n in range(1, 11)]
    inspectors = build(*faults, quality("li", D(2026, 11, 1)))
    found = key_person_signals(inspectors, NOV, TODAY)
    assert [(c.person, sorted(e.kind for e in c.signals)) for c in found] == [
        ("li", ["few_finds", "quality"])
    ]


def reward(**fields: Any) -> Reward:
    data = {
        "id": "W-20250627-01",
        "date": D(2025, 6, 27),
        "kind": "reward",
        "level": "depot",
        "person": "jiang",
        "amount": 3000,
        "reason": "检查916018次发现制动梁端轴折损",
    }
    return Reward.model_validate(data | fields)


def test_year_totals_join_the_register_and_accountability() -> None:
    case = incident(
        date=D(2025, 8, 1),
        type="violation",
        violation={"kind": "rule", "severity": "serious", "person": "li"},
        accountability=[
            {"person": "li", "action": "fined", "amount": 200, "date": D(2025, 8, 3)},
            {"person": "zhao", "action": "replaced", "date": D(2025, 8, 5), "role": "overseer"},
        ],
    )
    registered_fine = reward(
        id="W-20250803-01",
        date=D(2025, 8, 3),
        kind="penalty",
        level="workshop",
        person="li",
        amount=200,
        reason="严重违章罚款",
        record=case.id,
    )
    totals = year_totals(build(reward(), case, registered_fine), 2025)
    assert {k: (t.count, t.amount) for k, t in totals.by("kind").items()} == {
        "reward": (1, 3000.0),
        "penalty": (1, 200.0),  # the fine once (registered)
    }
    # the replaced leader is 组织处理, no penalty: the month's lines say it apart
    assert {k: t.count for k, t in totals.by("level").items()} == {"depot": 1, "workshop": 1}
    assert year_totals(build(reward()), 2026).lines == []
    # the month's lines: the fine a penalty, the removal from post 组织处理 (post_change)
    august = month_lines(build(reward(), case, registered_fine), Month(2025, 8))
    assert [(x.kind, x.person) for x in august] == [("penalty", "li"), ("post_change", "zhao")]


def test_without_a_class_lists_party_members_clear_all_year() -> None:
    a_class = incident(
        date=D(2026, 3, 1),
        type="violation",
        violation={"kind": "rule", "severity": "serious", "person": "zhu"},
    )
    b_class = incident(
        date=D(2026, 4, 1),
        type="violation",
        violation={"kind": "rule", "severity": "general", "person": "jiang"},
    )
    # li is no party member; zhu had an A-class 两违; jiang's was B-class
    assert without_a_class(build(a_class, b_class), 2026, as_of=TODAY) == ["jiang", "wang", "zhao"]
