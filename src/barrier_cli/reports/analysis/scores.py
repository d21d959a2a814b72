"""考核与排序 in the analysis: the branch scores of the month and the members' ranking of the
quarter so far, derived by `barrier_cli.reports.assess` from the same snapshot, so the analysis and
``barrier assess`` give one answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from barrier_cli.core.labels import Lang
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import Scored, Scores
from barrier_cli.reports.assess import Draft, assess


def scores(tree: Tree, month: Month, as_of: dt.date, lang: Lang) -> Scores | None:
    """None when the tree has no branch or member standard to score against."""
    if "branch" not in tree.standards or "member" not in tree.standards:
        return None
    # who is assessed is assess's answer, not a filter of our own (one answer for both)
    monthly = assess(tree, month, today=as_of, lang=lang)
    members = assess(tree, month.quarter, today=as_of, lang=lang)
    return Scores(
        period=str(month),
        branches=[_scored(tree, d) for d in monthly.branches],
        quarter=str(month.quarter),
        members=[_joined(tree, _scored(tree, d), month.quarter.first) for d in members.members],
        failed=[
            _scored(tree, d)
            for d in monthly.members
            if d.assessment.result == "fail" and not _in_general_branch(tree, d.branch)
        ],
    )


def _in_general_branch(tree: Tree, unit: str) -> bool:
    return any(u.id == unit and u.kind == "general_branch" for u in tree.org.units)


def _joined(tree: Tree, row: Scored, first: dt.date) -> Scored:
    """A member who came to the branch after the quarter began is scored for their time in
    post only: the document does not rank them against a whole quarter's work."""
    person = next((p for p in tree.org.people if p.id == row.subject), None)
    since = person.since if person is not None else None
    return replace(row, since=since) if since is not None and since > first else row


def _scored(tree: Tree, d: Draft) -> Scored:
    standard = tree.standards[d.assessment.standard]
    order = [u.id for u in tree.org.units]
    return Scored(
        rank=d.rank,
        subject=d.assessment.subject,
        name=d.name,
        total=round(d.total, 2),
        max=sum(item.max for item in standard.items().values()),
        lowest=d.lowest,
        branch=d.branch,
        final=d.recorded is not None and d.recorded.status == "final",
        unentered=sum(1 for s in d.sources.values() if s == "missing"),
        branch_name=next((u.name for u in tree.org.units if u.id == d.branch), d.branch),
        cadre=_in_general_branch(tree, d.branch),
        order=order.index(d.assessment.subject) if d.assessment.subject in order else len(order),
        reasons=[x.reason for x in d.assessment.deductions],
    )
