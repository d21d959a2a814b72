"""Assessment ranking (排序抓尾) and good catches (commend) of the month."""

from __future__ import annotations

from barrier_cli.core.lookup import commended
from barrier_cli.core.models import Assessment
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import GoodCatch, RankRow


def assessment_ranking(tree: Tree, month: Month) -> list[RankRow]:
    """The month's assessments, and the quarter's in its last month, ranked: branches
    within the workshop, members within their branch (党支部每季逐项打分，排序抓尾).

    The lowest of each group (when there are two or more) and every failed one are
    flagged: those are followed up (a member's at the 排尾党员分析会).
    """
    periods = {str(month)}
    if month == month.quarter.months[-1]:
        periods.add(str(month.quarter))
    chosen = [a for a in tree.assessments if a.withdrawn is None and a.period in periods]
    names = {p.id: p.name for p in tree.org.people} | {u.id: u.name for u in tree.org.units}
    groups: dict[tuple[str, str | None], list[Assessment]] = {}
    for a in sorted(chosen, key=lambda a: (a.standard != "branch", a.period, a.subject)):
        branch = None
        if a.standard == "member":
            unit = tree.places.unit_of_person(a.subject)
            branch = tree.places.branch_of(unit) or unit
        groups.setdefault((f"{a.standard}:{a.period}", branch), []).append(a)
    rows: list[RankRow] = []
    for (_key, branch), members in groups.items():
        group = sorted(members, key=lambda a: (-a.total, a.subject))
        lowest = group[-1].total if len({a.total for a in group}) > 1 else None
        for a in group:
            rows.append(
                RankRow(
                    rank=1 + sum(1 for b in group if b.total > a.total),
                    subject=a.subject,
                    name=names.get(a.subject, a.subject),
                    standard=a.standard,
                    period=a.period,
                    total=round(a.total, 2),
                    max=_max(tree, a),
                    result=a.result,
                    status=a.status,
                    flagged=a.total == lowest or a.result == "fail",
                    branch=branch,
                )
            )
    return rows


def _max(tree: Tree, a: Assessment) -> float | None:
    standard = tree.standards.get(a.standard)
    return sum(item.max for item in standard.items().values()) if standard else None


def good_catches(tree: Tree, month: Month) -> list[GoodCatch]:
    people = {p.id: p for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    issuers = {u.id for u in tree.org.units if u.kind == "general_branch"}
    out = []
    for r in commended(tree.reports, month):
        person = people.get(r.reporter)
        if person is not None and person.unit in issuers:
            continue  # the general branch does not propose its own cadres for praise
        unit = tree.places.unit_of(r) or ""
        out.append(
            GoodCatch(
                id=r.id,
                date=r.date,
                reporter=r.reporter,
                reporter_name=person.name if person else r.reporter,
                unit_name=units.get(unit, unit),
                summary=r.summary,
                train=r.train,
                vehicle=r.vehicle,
            )
        )
    return out
