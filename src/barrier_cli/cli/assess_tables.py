"""The tables `barrier assess` prints: branch ranking, every item with its source and
evidence, the deductions, member ratings ranked in each branch, and the tail (排尾)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from barrier_cli.labels import Lang

if TYPE_CHECKING:
    from barrier_cli.assess import Assessed
    from barrier_cli.loader import Tree


def tables(result: Assessed, tree: Tree, lang: Lang) -> list[Any]:
    """Rich renderables: the branch ranking, its deductions, and the member ratings."""
    from rich.table import Table

    def t(zh: str, en: str) -> str:
        return zh if lang == "zh" else en

    out: list[Any] = []
    standard = tree.standards.get("branch")
    aspects = standard.aspects if standard else []
    ranking = Table(
        title=t(f"{result.period} 党支部考核（草稿）", f"{result.period} branch scores (draft)")
    )
    for heading in [t("名次", "rank"), t("党支部", "branch"), *[a.name for a in aspects]]:
        ranking.add_column(heading)
    ranking.add_column(t("合计", "total"), justify="right")
    ranking.add_column(t("已定稿", "final"), justify="right")
    ranking.add_column("")
    for d in result.branches:
        recorded = d.recorded.total if d.recorded and d.recorded.status == "final" else None
        ranking.add_row(
            str(d.rank),
            d.name,
            *[_num(d.aspects.get(a.id, 0.0)) for a in aspects],
            _num(d.total),
            _num(recorded) if recorded is not None else "",
            t("▼ 排序抓尾", "▼ lowest") if d.lowest else "",
            style="bold red" if d.lowest else None,
        )
    out.append(ranking)
    out.append(_items_table(result, tree, lang))
    deductions = Table(title=t("扣分依据", "deductions and their evidence"))
    for heading in (
        t("党支部", "branch"),
        t("项点", "item"),
        t("扣分", "points"),
        t("原因", "reason"),
        t("依据", "ref"),
    ):
        deductions.add_column(heading)
    for d in result.branches:
        for x in d.assessment.deductions:
            deductions.add_row(d.name, x.item, _num(x.points), x.reason, x.ref or "")
    if deductions.row_count:
        out.append(deductions)
    if result.members:
        out.append(_members_table(result, tree, lang))
    if result.tail:
        tail = Table(title=t("排尾党员分析会名单", "tail of each branch: for the tail analysis"))
        for heading in (t("党支部", "branch"), t("党员", "member"), t("合计", "total")):
            tail.add_column(heading)
        units = {u.id: u.name for u in tree.org.units}
        for m in result.tail:
            tail.add_row(
                units.get(m.branch, m.branch), f"{m.name} ({m.assessment.subject})", _num(m.total)
            )
        out.append(tail)
    return out


SOURCE = {
    "derived": ("据记录核算", "derived"),
    "entered": ("人工录入", "entered"),
    "missing": ("未录入", "not entered"),
}


def _items_table(result: Assessed, tree: Tree, lang: Lang) -> Any:
    """Every item of every branch: derived or entered, its score and what it rests on."""
    from rich.table import Table

    def t(zh: str, en: str) -> str:
        return zh if lang == "zh" else en

    standard = tree.standards.get("branch")
    names = {i.id: i.name for i in standard.items().values()} if standard else {}
    maxima = {i.id: i.max for i in standard.items().values()} if standard else {}
    table = Table(title=t("项点得分及依据", "every item, its source and evidence"))
    for heading in (
        t("党支部", "branch"),
        t("项点", "item"),
        t("来源", "source"),
        t("得分", "score"),
        t("依据", "evidence"),
    ):
        table.add_column(heading)
    for d in result.branches:
        for item in d.assessment.items:
            lost = sum(x.points for x in d.assessment.deductions if x.item == item.item)
            zh, en = SOURCE[d.sources.get(item.item, "entered")]
            table.add_row(
                d.name,
                names.get(item.item, item.item),
                t(zh, en),
                f"{_num(item.score - lost)}/{_num(maxima.get(item.item, item.score))}",
                "; ".join(item.evidence) or (item.note or ""),
                style="yellow" if d.sources.get(item.item) == "missing" else None,
            )
    return table


def _members_table(result: Assessed, tree: Tree, lang: Lang) -> Any:
    from rich.table import Table

    def t(zh: str, en: str) -> str:
        return zh if lang == "zh" else en

    units = {u.id: u.name for u in tree.org.units}
    members = Table(
        title=t(f"{result.period} 党员岗区评比（草稿）", f"{result.period} member ratings (draft)")
    )
    for heading in (
        t("党支部", "branch"),
        t("名次", "rank"),
        t("党员", "member"),
        t("合计", "total"),
        t("结果", "result"),
        t("原因", "reason"),
        t("依据", "ref"),
        "",
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
            t("不合格", "fail") if failed else t("合格", "pass"),
            "; ".join(x.reason for x in a.deductions),
            ", ".join(x.ref for x in a.deductions if x.ref),
            t("▼ 排尾", "▼ tail") if m.lowest else "",
            style="red" if failed or m.lowest else None,
        )
    return members


def _num(value: float) -> str:
    return f"{value:g}"
