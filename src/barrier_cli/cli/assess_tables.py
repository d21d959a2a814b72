"""The tables `barrier assess` prints: branch ranking, every item with its source and
evidence, the deductions, member ratings ranked in each branch, and the tail (排尾)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from barrier_cli.core.i18n import _

if TYPE_CHECKING:
    from barrier_cli.io.loader import Tree
    from barrier_cli.reports.assess import Assessed


def tables(result: Assessed, tree: Tree) -> list[Any]:
    """Rich renderables: the branch ranking, its deductions, and the member ratings, in the
    language in force."""
    from rich.table import Table

    out: list[Any] = []
    standard = tree.standards.get("branch")
    aspects = standard.aspects if standard else []
    names = {i.id: i.name for i in standard.items().values()} if standard else {}
    ranking = Table(title=_("{period} branch scores (draft)").format(period=result.period))
    for heading in [_("rank"), _("branch"), *[a.name for a in aspects]]:
        ranking.add_column(heading)
    ranking.add_column(_("total"), justify="right")
    ranking.add_column(_("final"), justify="right")
    ranking.add_column(_("note"))
    for d in result.branches:
        recorded = d.recorded.total if d.recorded and d.recorded.status == "final" else None
        ranking.add_row(
            str(d.rank),
            d.name,
            *[_num(d.aspects.get(a.id, 0.0)) for a in aspects],
            _num(d.total),
            _num(recorded) if recorded is not None else "",
            _("▼ lowest") if d.lowest else "",
            style="bold red" if d.lowest else None,
        )
    out.append(ranking)
    out.append(_items_table(result, tree))
    deductions = Table(title=_("deductions and their evidence"))
    for heading in (
        _("branch"),
        _("item"),
        _("points"),
        _("reason"),
        _("ref"),
    ):
        deductions.add_column(heading)
    for d in result.branches:
        for x in d.assessment.deductions:
            item = names.get(x.item, x.item)
            deductions.add_row(d.name, item, _num(x.points), x.reason, x.ref or "")
    if deductions.row_count:
        out.append(deductions)
    if result.members:
        out.append(_members_table(result, tree))
    if result.tail:
        tail = Table(title=_("tail of each branch: for the tail analysis"))
        for heading in (_("branch"), _("member"), _("total")):
            tail.add_column(heading)
        units = {u.id: u.name for u in tree.org.units}
        for m in result.tail:
            tail.add_row(
                units.get(m.branch, m.branch), f"{m.name} ({m.assessment.subject})", _num(m.total)
            )
        out.append(tail)
    return out


SOURCE = {"derived": "derived", "entered": "entered", "missing": "not entered"}


def _items_table(result: Assessed, tree: Tree) -> Any:
    """Every item of every branch: derived or entered, its score and what it rests on."""
    from rich.table import Table

    standard = tree.standards.get("branch")
    names = {i.id: i.name for i in standard.items().values()} if standard else {}
    maxima = {i.id: i.max for i in standard.items().values()} if standard else {}
    table = Table(title=_("every item, its source and evidence"))
    for heading in (
        _("branch"),
        _("item"),
        _("source"),
        _("score"),
        _("evidence"),
    ):
        table.add_column(heading)
    for d in result.branches:
        for item in d.assessment.items:
            lost = sum(x.points for x in d.assessment.deductions if x.item == item.item)
            table.add_row(
                d.name,
                names.get(item.item, item.item),
                _(SOURCE[d.sources.get(item.item, "entered")]),
                f"{_num(item.score - lost)}/{_num(maxima.get(item.item, item.score))}",
                "; ".join(item.evidence) or (item.note or ""),
                style="yellow" if d.sources.get(item.item) == "missing" else None,
            )
    return table


def _members_table(result: Assessed, tree: Tree) -> Any:
    from rich.table import Table

    units = {u.id: u.name for u in tree.org.units}
    members = Table(title=_("{period} member ratings (draft)").format(period=result.period))
    for heading in (
        _("branch"),
        _("rank"),
        _("member"),
        _("total"),
        _("result"),
        _("reason"),
        _("ref"),
        _("note"),
    ):
        members.add_column(heading)
    for m in result.members:
        a = m.assessment
        failed = a.result == "fail"
        members.add_row(
            units.get(m.branch, m.branch),
            str(m.rank),
            f"{m.name} ({a.subject})",
            _num(a.total),
            _("fail") if failed else _("pass"),
            "; ".join(x.reason for x in a.deductions),
            ", ".join(x.ref for x in a.deductions if x.ref),
            _("▼ tail") if m.lowest else "",
            style="red" if failed or m.lowest else None,
        )
    return members


def _num(value: float) -> str:
    return f"{value:g}"
