"""Fifth review, 四 and 六 of the analysis: priorities a meeting can adopt, and the adopted
priorities as data the notice prints (`adopt.adopted_for`)."""

from __future__ import annotations

import datetime as dt

from barrier_cli.core.models import Priorities
from barrier_cli.core.periods import Month
from barrier_cli.reports.analysis.adopt import adopted_for
from minitree import build


def _priorities(**item: object) -> Priorities:
    return Priorities.model_validate(
        {
            "id": "S-2026-11",
            "month": "2026-11",
            "adopted": dt.date(2026, 11, 3),
            "by": "wang",
            "items": [
                {
                    "content": "横越线路违章班前提问",
                    "measures": ["各党支部每日班前逐人提问"],
                    "unit": "GB",
                    "owner": "wang",
                    "due": dt.date(2026, 11, 30),
                }
                | item
            ],
        }
    )


def test_adopted_for_prints_the_branches_that_carry_it_out_and_who_supervises() -> None:
    tree = build(_priorities(branches=["B1", "B2"], partners=["station"]))
    [p] = adopted_for(tree, Month.parse("2026-11"), "zh")
    assert (p.record, p.index, p.content) == ("S-2026-11", 1, "横越线路违章班前提问")
    assert p.measures == ["各党支部每日班前逐人提问"]
    assert (p.unit_name, p.owner_name, p.supervisor_name) == ("各党支部", "各支部书记", "王建国")
    assert p.partner_names == ["车站"]
    assert (p.due, p.adopted) == (dt.date(2026, 11, 30), dt.date(2026, 11, 3))


def test_adopted_for_a_unit_doing_the_work_itself_and_another_month() -> None:
    tree = build(_priorities(unit="B2", owner="zhao"))
    [p] = adopted_for(tree, Month.parse("2026-11"), "zh")
    assert (p.unit_name, p.owner_name, p.supervisor_name) == ("二班党支部", "赵强", "")
    assert adopted_for(tree, Month.parse("2026-12"), "zh") == []
