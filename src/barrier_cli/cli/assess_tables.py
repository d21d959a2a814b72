"""The tables `barrier assess` prints: branch ranking with deductions, member ratings."""

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
        members = Table(
            title=t(
                f"{result.period} 党员岗区评比（草稿）", f"{result.period} member ratings (draft)"
            )
        )
        for heading in (
            t("党员", "member"),
            t("合计", "total"),
            t("结果", "result"),
            t("原因", "reason"),
            t("依据", "ref"),
        ):
            members.add_column(heading)
        for m in sorted(
            result.members, key=lambda m: (m.assessment.result != "fail", m.assessment.subject)
        ):
            a = m.assessment
            failed = a.result == "fail"
            members.add_row(
                f"{m.name} ({a.subject})",
                _num(a.total),
                t("不合格", "fail") if failed else t("合格", "pass"),
                "; ".join(x.reason for x in a.deductions),
                ", ".join(x.ref for x in a.deductions if x.ref),
                style="red" if failed else None,
            )
        out.append(members)
    return out


def _num(value: float) -> str:
    return f"{value:g}"
