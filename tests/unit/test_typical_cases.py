"""典型案例: a general-A accident closes only after every step of the source's procedure."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from barrier_cli.core import findings as f
from barrier_cli.core.models import Incident
from barrier_cli.core.models.incident import generic_measure
from barrier_cli.core.models.settings import Cases
from barrier_cli.core.periods import Month
from barrier_cli.reports.deficiencies import find_deficiencies
from minitree import build, incident

D = dt.date
TODAY = D(2026, 11, 24)

# A general-A accident that took every step: closing it gives no finding at all.
COMPLETE: dict[str, Any] = {
    "id": "I-20261105-01",
    "date": D(2026, 11, 5),
    "title": "废钩舌销从侧架内窜出被中途拦停",
    "unit": "B1",
    "type": "accident",
    "class": "general_a",
    "timeline": [
        {"at": "02:35", "event": "更换钩舌销，废件放在侧架内未回收"},
        {"at": "04:20", "event": "前方站发现异物窜出，列车中途拦停"},
    ],
    "analysis": {
        "levels": {
            "general_branch": "旧件回收没有卡控措施",
            "branch": "关键时间抽查不到位",
            "member": "干惯者违章，看惯者默认",
        },
        "meeting": {"date": D(2026, 11, 7), "kind": "支委会", "attendees": ["wang", "zhu"]},
        "chain": "要求停在支部会议记录上，未传到作业组",
        "effect": "去年的回收规定无人检查",
    },
    "causes": [{"element": "personnel", "text": "更换配件后废件未回收", "kind": "subjective"}],
    "responsibility": [{"person": "li", "finding": "直接责任"}],
    "measures": [
        {
            "action": "更换配件以旧换新登记",
            "owner": "wang",
            "due": D(2026, 11, 10),
            "done": D(2026, 11, 9),
            "verified_by": "zhu",
        }
    ],
    "accountability": [
        {"person": "li", "action": "deducted", "date": D(2026, 11, 8), "role": "doer"},
        {"person": "zhao", "action": "replaced", "date": D(2026, 11, 9), "role": "overseer"},
    ],
    "handover": {"level": "分局党委组织部", "date": D(2026, 11, 6)},
    "status": "closed",
    "closed": D(2026, 11, 20),
}


def problems(data: dict[str, Any], cases: Cases | None = None) -> list[tuple[str, str]]:
    case = Incident.model_validate(data)
    return [(p.code, p.message) for p in case.problems(today=TODAY, closure="three", cases=cases)]


def without(*path: str) -> dict[str, Any]:
    """COMPLETE less one key (``analysis.chain``: one key inside the analysis)."""
    data = {k: (dict(v) if isinstance(v, dict) else v) for k, v in COMPLETE.items()}
    parent = data
    for key in path[:-1]:
        parent[key] = dict(parent[key])
        parent = parent[key]
    del parent[path[-1]]
    return data


def test_the_complete_case_closes_cleanly() -> None:
    assert problems(COMPLETE) == []


# One missing step → exactly one finding, naming that step (written down before running).
@pytest.mark.parametrize(
    ("data", "code", "names"),
    [
        (without("timeline"), f.CASE_STEP, "问题查清"),
        (without("analysis", "meeting"), f.CASE_STEP, "支委会"),
        (
            COMPLETE | {"analysis": COMPLETE["analysis"] | {"levels": {"branch": "只有支部"}}},
            f.CASE_STEP,
            "总支、支部、党员",
        ),
        (without("analysis", "chain"), f.CASE_STEP, "责任传递"),
        (without("analysis", "effect"), f.CASE_STEP, "落实效果"),
        (without("accountability"), f.CASE_STEP, "责任追究"),
        (
            COMPLETE | {"accountability": COMPLETE["accountability"][:1]},
            f.CASE_STEP,
            "看惯者",
        ),
        (without("handover"), f.HANDOVER, "handover"),
        (
            COMPLETE | {"handover": {"level": "车间党总支", "date": D(2026, 11, 6)}},
            f.CASE_STEP,
            "交班",
        ),
        (
            COMPLETE | {"measures": [COMPLETE["measures"][0] | {"verified_by": None}]},
            f.CASE_STEP,
            "specific measures",
        ),
        (without("causes"), f.CLOSURE, "causes"),
        (without("responsibility"), f.CLOSURE, "responsibility"),
    ],
    ids=[
        "timeline",
        "meeting",
        "levels",
        "chain",
        "effect",
        "accountability",
        "overseer",
        "handover",
        "handover-level",
        "verification",
        "causes",
        "responsibility",
    ],
)
def test_each_missing_step_is_one_finding(data: dict[str, Any], code: str, names: str) -> None:
    found = problems(data)
    assert len(found) == 1, found
    assert found[0][0] == code and names in found[0][1]


def test_a_meeting_without_attendees_is_no_committee_analysis() -> None:
    meeting = {"date": D(2026, 11, 7), "kind": "支委会"}
    data = COMPLETE | {"analysis": COMPLETE["analysis"] | {"meeting": meeting}}
    assert [c for c, _ in problems(data)] == [f.CASE_STEP]


def test_a_generic_measure_is_flagged_and_blocks_a_typical_case() -> None:
    generic = COMPLETE["measures"][0] | {"action": "对当事人进行批评教育"}
    found = problems(COMPLETE | {"measures": [generic]})
    assert sorted(c for c, _ in found) == [f.CASE_STEP, f.CLOSURE, f.GENERIC_MEASURE]


def test_generic_phrases_only_when_they_are_the_whole_measure() -> None:
    cases = Cases()
    assert generic_measure("批评教育、加强学习", cases)
    assert generic_measure("引以为戒。", cases)
    assert not generic_measure("加强学习新图作业时分，上岗前逐人考试", cases)
    assert not generic_measure("更换配件以旧换新登记", cases)


def test_settings_choose_the_handover_level_and_the_generic_phrases() -> None:
    low = COMPLETE | {"handover": {"level": "车间党总支", "date": D(2026, 11, 6)}}
    lenient = Cases(handover={"general_a": "车间党总支"})
    assert problems(low, lenient) == []
    custom = Cases(generic_measures=["更换配件以旧换新登记"])
    assert f.GENERIC_MEASURE in [c for c, _ in problems(COMPLETE, custom)]


def test_four_rule_also_needs_education() -> None:
    case = Incident.model_validate(COMPLETE)
    assert case.closure_gaps("four") == ["education"]
    assert case.closure_gaps("three") == []


@pytest.mark.parametrize(
    ("changes", "typical"),
    [
        ({"class": "general_b"}, False),
        ({"class": "general_b", "typical": True}, True),
        (
            {
                "type": "violation",
                "class": None,
                "violation": {"kind": "rule", "severity": "general", "person": "li", "grade": "A"},
            },
            True,
        ),
        (
            {
                "type": "violation",
                "class": None,
                "violation": {"kind": "rule", "severity": "general", "person": "li"},
            },
            False,
        ),
    ],
)
def test_which_cases_are_typical(changes: dict[str, Any], typical: bool) -> None:
    assert Incident.model_validate(COMPLETE | changes).is_typical(Cases()) is typical


def test_analysis_deadline_by_class() -> None:
    cases = Cases()
    accident = Incident.model_validate(COMPLETE)
    assert accident.analysis_due(cases) == D(2026, 11, 8)
    precursor = Incident.model_validate(
        COMPLETE | {"type": "precursor", "class": None, "analysis": None}
    )
    assert precursor.analysis_due(cases) == D(2026, 11, 12)


def test_the_notice_names_a_case_not_analysed_by_its_deadline() -> None:
    # the source's complaint: a 事故苗子 left at 'analysing' for 18 days went unflagged
    waiting = incident(date=D(2026, 10, 5), status="analysing")
    analysed = incident(date=D(2026, 10, 6), causes=COMPLETE["causes"], status="rectifying")
    found = [
        d
        for d in find_deficiencies(build(waiting, analysed), Month(2026, 10), today=TODAY)
        if d.rule == "late_analysis"
    ]
    assert [(d.evidence_ids, d.unit) for d in found] == [((waiting.id,), "B2")]
    assert "应于10月12日前完成分析，截至10月31日尚未分析，已超期19天" in found[0].detail


def test_generic_measures_are_not_specific_under_either_rule() -> None:
    generic = COMPLETE["measures"][0] | {"action": "引以为戒"}
    case = Incident.model_validate(COMPLETE | {"class": "general_b", "measures": [generic]})
    assert case.closure_gaps("three") == ["measures not specific"]
    assert case.closure_gaps("four") == ["measures not specific", "education"]
