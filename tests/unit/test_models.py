"""The models: strict types, and the rules a record breaks on its own (SPEC §2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from barrier_cli.core import findings as f
from barrier_cli.core.models import Assessment, Incident, NoticeEntry, Pairing, Person, Report
from barrier_cli.core.models.common import _has_content
from barrier_cli.core.models.settings import Deadlines

TODAY = dt.date(2026, 11, 24)
D = dt.date


def report(**changes: Any) -> Report:
    data: dict[str, Any] = {
        "id": "R-20261110-0001",
        "date": D(2026, 11, 10),
        "reporter": "wang",
        "source": "on_site",
        "element": "equipment",
        "category": "hazard",
        "summary": "工具箱尖角划破工作服",
    }
    return Report.model_validate({k: v for k, v in (data | changes).items() if v is not None})


def codes(problems: list[Any]) -> list[tuple[str, tuple[Any, ...]]]:
    return [(p.code, p.loc) for p in problems]


def test_a_plain_report_breaks_no_rule() -> None:
    assert report().problems(today=TODAY) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("train", 41008),  # a train number is text: "41008"
        ("commend", "no"),  # YAML 1.2 'no' is text, not false
        ("date", "20261110"),  # dates are YYYY-MM-DD
        ("date", dt.datetime(2026, 11, 10, 8, 30)),
        ("id", "R-2026111٠-0001"),  # an Arabic-Indic digit looks like 0
        ("links", ["R-20261101-0001\n"]),
        ("links", ["../../etc/passwd"]),
        ("summary", "第一行\n第二行"),  # a summary is one line
        ("summary", "   "),
        ("colour", "red"),  # unknown keys are errors
    ],
)
def test_strict_fields_refuse_what_yaml_or_a_user_slips_in(field: str, value: Any) -> None:
    with pytest.raises(ValidationError):
        report(**{field: value})


def test_dates_may_arrive_as_iso_text_from_json() -> None:
    assert report(date="2026-11-10").date == D(2026, 11, 10)


def test_report_lifecycle_rules() -> None:
    assert codes(report(date=D(2026, 12, 1)).problems(today=TODAY)) == [(f.FUTURE_DATE, ("date",))]
    assert codes(report(source="joint_labour").problems(today=TODAY)) == [(f.MISSING, ("source",))]
    assert codes(report(status="analysed").problems(today=TODAY)) == [
        (f.NEEDS_ANALYSIS, ("status",))
    ]
    early = {"date": D(2026, 11, 1), "by": "wang", "cause": "未倒角"}
    assert codes(report(analysis=early).problems(today=TODAY)) == [(f.VALUE, ("analysis", "date"))]


def test_actions_need_owner_and_due_and_closing_needs_them_done() -> None:
    analysis = {"date": D(2026, 11, 10), "by": "wang", "cause": "未倒角"}
    actions = [
        {"action": "打磨圆角", "owner": "wang", "due": D(2026, 11, 12), "done": D(2026, 11, 11)},
        {"action": "全车间排查"},
    ]
    closed = report(status="closed", closed=D(2026, 11, 20), analysis=analysis, actions=actions)
    assert codes(closed.problems(today=TODAY)) == [
        (f.ACTION_OWNER, ("actions", 1)),
        (f.ACTION_DUE, ("actions", 1)),
        (f.ACTION_NOT_DONE, ("actions", 1)),
    ]


@pytest.mark.parametrize(
    ("status", "closed", "expected"),
    [
        ("closed", None, [(f.CLOSED_DATE, ("status",))]),
        ("open", D(2026, 11, 20), [(f.CLOSED_DATE, ("closed",))]),
        ("closed", D(2026, 11, 1), [(f.CLOSED_DATE, ("closed",))]),
        ("closed", D(2026, 11, 30), [(f.FUTURE_DATE, ("closed",))]),
        ("closed", D(2026, 11, 10), []),
    ],
)
def test_the_closed_date_goes_with_the_status(
    status: str, closed: dt.date | None, expected: list[Any]
) -> None:
    analysis = {"date": D(2026, 11, 10), "by": "wang", "cause": "未倒角"}
    record = report(status=status, closed=closed, analysis=analysis)
    assert codes(record.problems(today=TODAY)) == expected


def incident(**changes: Any) -> Incident:
    data: dict[str, Any] = {
        "id": "I-20261105-01",
        "date": D(2026, 11, 5),
        "title": "钩舌销从侧架脱出，途中停车",
        "unit": "B1",
        "type": "accident",
        "class": "general_a",
    }
    return Incident.model_validate(data | changes)


FULL_CASE: dict[str, Any] = {
    "causes": [{"element": "equipment", "text": "报废钩舌销未回收", "kind": "subjective"}],
    "responsibility": [{"person": "li", "finding": "作业后未清点"}],
    "measures": [
        {"action": "回收报废配件", "owner": "wang", "due": D(2026, 11, 10), "done": D(2026, 11, 9)}
    ],
}


def test_closure_rule_three_and_four_no_let_go() -> None:
    # general B: not a typical case, so only 三不放过 (四不放过) applies
    plain = {"class": "general_b"}
    assert incident(**plain).closure_gaps("three") == ["causes", "responsibility", "measures"]
    done = incident(**plain, **FULL_CASE)
    assert done.closure_gaps("three") == []
    assert done.closure_gaps("four") == ["education"]
    undone = FULL_CASE | {"measures": [{"action": "回收报废配件", "owner": "wang"}]}
    assert "measures not done" in incident(**plain, **undone).closure_gaps("three")
    generic = FULL_CASE | {"measures": [FULL_CASE["measures"][0] | {"action": "批评教育"}]}
    assert incident(**plain, **generic).closure_gaps("three") == ["measures not specific"]


def test_a_closed_case_against_the_rule_is_an_error() -> None:
    closed = incident(status="closed", closed=D(2026, 11, 20), **FULL_CASE)
    found = codes(closed.problems(today=TODAY, closure="three"))
    assert (f.HANDOVER, ("status",)) in found
    bare = incident(status="closed", closed=D(2026, 11, 20))
    assert (f.CLOSURE, ("status",)) in codes(bare.problems(today=TODAY, closure="three"))


@pytest.mark.parametrize(
    ("changes", "needs"),
    [
        ({"class": "general_b"}, False),
        ({"class": "large"}, True),
        (
            {
                "type": "violation",
                "class": None,
                "violation": {"kind": "rule", "severity": "serious", "person": "li"},
            },
            True,
        ),
        (
            {
                "type": "violation",
                "class": None,
                "violation": {"kind": "discipline", "severity": "general", "person": "li"},
            },
            False,
        ),
    ],
)
def test_serious_cases_need_a_handover(changes: dict[str, Any], needs: bool) -> None:
    assert incident(**changes).needs_handover() is needs


def test_accident_class_goes_with_accidents_only() -> None:
    assert codes(incident(**{"class": None}).problems(today=TODAY, closure="three")) == [
        (f.MISSING, ("type",))
    ]
    precursor = incident(type="precursor")
    assert codes(precursor.problems(today=TODAY, closure="three")) == [(f.VALUE, ("class",))]


def pairing(**changes: Any) -> Pairing:
    data: dict[str, Any] = {
        "id": "P-20260831-01",
        "mentor": "wang",
        "person": "li",
        "unit": "B1-G1",
        "start": D(2026, 8, 31),
        "reasons": ["few_finds"],
    }
    return Pairing.model_validate(data | changes)


def test_pairing_milestones_are_3_and_6_months_clamped_to_month_end() -> None:
    p = pairing()
    assert (p.basic_due(Deadlines()), p.full_due(Deadlines())) == (D(2026, 11, 30), D(2027, 2, 28))


@pytest.mark.parametrize(
    ("changes", "today", "late"),
    [
        ({}, D(2026, 11, 30), []),
        ({}, D(2026, 12, 1), ["basic"]),
        ({"basic_on": D(2026, 11, 1)}, D(2027, 3, 1), ["full"]),
        ({}, D(2027, 3, 1), ["basic", "full"]),
        ({"assistant": "chen"}, D(2027, 3, 1), []),
        ({"status": "ended", "ended": D(2026, 12, 1)}, D(2027, 3, 1), []),
    ],
)
def test_overdue_milestones(changes: dict[str, Any], today: dt.date, late: list[str]) -> None:
    assert pairing(**changes).overdue_milestones(Deadlines(), today) == late


def test_pairing_rules() -> None:
    odd = pairing(mentor="li", letter=D(2026, 8, 1), status="basic")
    assert codes(odd.problems(today=TODAY, deadlines=Deadlines())) == [
        (f.VALUE, ("letter",)),
        (f.VALUE, ("mentor",)),
        (f.MISSING, ("status",)),
        (f.PAIRING_LETTER, ("plan",)),
    ]


def test_assessment_total_is_computed_and_its_id_follows_period_and_subject() -> None:
    a = Assessment.model_validate(
        {
            "id": "A-2026-Q4-B2",
            "period": "2026-Q4",
            "subject": "B1",
            "standard": "branch",
            "items": [{"item": "info", "score": 8.5}, {"item": "control", "score": 9}],
            "deductions": [{"item": "info", "points": 2, "reason": "漏报"}],
            "status": "final",
            "date": D(2026, 11, 5),
        }
    )
    assert a.total == 15.5
    assert codes(a.problems(today=TODAY)) == [(f.ID_FORMAT, ("id",)), (f.MISSING, ("status",))]


def test_notice_id_follows_year_and_sequence() -> None:
    n = NoticeEntry.model_validate(
        {
            "id": "N-2026-001",
            "number": "车间党总支〔2026〕12号",
            "year": 2026,
            "seq": 12,
            "date": D(2026, 11, 5),
            "month": "2026-10",
        }
    )
    assert codes(n.problems(today=TODAY)) == [(f.ID_FORMAT, ("id",))]


def test_a_person_is_active_between_since_and_until_inclusive() -> None:
    p = Person(id="chen", name="陈旧", unit="B1", since=D(2020, 1, 1), until=D(2025, 12, 31))
    assert [p.active_on(d) for d in (D(2019, 12, 31), D(2020, 1, 1), D(2025, 12, 31))] == [
        False,
        True,
        True,
    ]
    assert not p.active_on(D(2026, 1, 1))
    assert p.active_in(D(2025, 12, 1), D(2026, 1, 31))


@given(st.text())
def test_content_is_text_with_a_letter_or_digit_in_any_script(text: str) -> None:
    """The check runs as a regular expression; what it accepts is what `str.isalnum` says."""
    try:
        accepted = _has_content(text) == text
    except ValueError:
        accepted = False
    assert accepted == any(ch.isalnum() for ch in text)
