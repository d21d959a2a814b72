"""The analysis at a terminal: the same sections, condensed into rich tables."""

from __future__ import annotations

import io
from collections.abc import Callable

from barrier_cli.core.labels import Lang
from barrier_cli.reports.analysis.result import CaseRow, MonthlyAnalysis

Words = dict[str, Callable[..., str]]


def render_term(analysis: MonthlyAnalysis, *, lang: Lang, words: Words, color: bool = False) -> str:
    from rich.console import Console
    from rich.markup import escape as esc
    from rich.table import Table

    out = io.StringIO()
    console = Console(
        file=out, width=_width(color), force_terminal=color, no_color=not color, highlight=False
    )
    zh = lang == "zh"
    w = words["label"]
    change = words["change"]  # in the language of the document, as the templates say it

    def tr(zh_text: str, en_text: str) -> str:
        return zh_text if zh else en_text

    def table(title: str, *columns: str) -> Table:
        t = Table(title=title, title_justify="left", title_style="bold", show_edge=False)
        for col in columns:
            t.add_column(col, overflow="fold")
        return t

    a, t, tl = analysis, analysis.totals, analysis.timeliness
    near = sum(c.count for c in a.by["category"] if c.key == "near_miss")
    console.rule(
        f"[bold]{esc(a.organisation)} {a.month} {tr('安全信息综合分析', 'safety information analysis')}"
    )
    console.print(
        tr(
            f"本月安全信息 [bold]{t.reports}[/] 条（风险加权 {t.weighted}），较上月"
            f"{change(t.reports, t.previous, t.previous_known)}，较去年同期"
            f"{change(t.reports, t.year_ago, t.year_ago_known)}；事故、两违台账登记 "
            f"{t.incidents} 件，另有“事故苗子”类信息 {near} 条。统计截至 {a.as_of}。",
            f"[bold]{t.reports}[/] reports (risk-weighted {t.weighted}), "
            f"{change(t.reports, t.previous, t.previous_known)} vs last month, "
            f"{change(t.reports, t.year_ago, t.year_ago_known)} vs a year ago; "
            f"{t.incidents} cases on the register, besides {near} near-miss reports. "
            f"As of {a.as_of}.",
        )
    )
    split = table(
        tr("分类", "Breakdown"),
        tr("三要素", "Element"),
        tr("类别", "Category"),
        tr("来源", "Source"),
    )
    columns = [
        [f"{w(c.key, key)} {c.count}" for c in a.by[key] if c.count]
        for key in ("element", "category", "source")
    ]
    for row in range(max(map(len, columns), default=0)):
        split.add_row(*(col[row] if row < len(col) else "" for col in columns))
    console.print(split)

    missed = a.compliance.missed()
    m = table(
        tr(f"漏报 {len(missed)}", f"Missed reports: {len(missed)}"),
        tr("层级", "Tier"),
        tr("对象", "Who"),
        tr("单位", "Unit"),
        tr("应报", "Expected"),
        tr("实报", "Sent"),
    )
    for e in missed:
        m.add_row(
            w(e.tier, "tier"),
            f"[red]{esc(e.name)}[/]",
            esc(e.unit_name),
            str(e.expected),
            str(e.actual),
        )
    console.print(m)

    console.print(
        tr(
            f"分析用时中位数 {words['days'](tl.median_days_to_analysis)} 天，闭环用时中位数 "
            f"{words['days'](tl.median_days_to_close)} 天，{tl.close_days} 天内闭环率 "
            f"{words['pct'](tl.closed_within_share)}；本月信息未闭环 {tl.open_this_month} 条"
            f"（另有以前月份 {tl.open_earlier} 条），逾期措施 [bold red]{len(tl.overdue)}[/] 项。",
            f"Median {words['days'](tl.median_days_to_analysis)} days to analysis, "
            f"{words['days'](tl.median_days_to_close)} to closure, "
            f"{words['pct'](tl.closed_within_share)} closed within {tl.close_days} days; "
            f"{tl.open_this_month} of the month's reports open (and {tl.open_earlier} earlier), "
            f"[bold red]{len(tl.overdue)}[/] overdue actions.",
        )
    )
    if tl.overdue:
        o = table(
            tr("逾期措施", "Overdue actions"),
            tr("记录", "Record"),
            tr("措施", "Action"),
            tr("责任人", "Owner"),
            tr("期限", "Due"),
            tr("逾期", "Days"),
        )
        for item in tl.overdue:
            o.add_row(
                item.record,
                esc(item.action),
                esc(item.owner_name),
                str(item.due),
                str(item.days_overdue),
            )
        console.print(o)

    def cases(title: str, rows: list[CaseRow]) -> None:
        c = table(
            title,
            tr("编号", "Id"),
            tr("事件", "Case"),
            tr("性质", "Kind"),
            tr("状态", "Status"),
            tr("三不放过", "Closure"),
        )
        for i in rows:
            kind = w(i.type, "incident_type")
            if i.class_:
                kind += f" {w(i.class_, 'accident_class')}"
            gaps = ", ".join(w(g, "closure_gap") for g in i.gaps)
            c.add_row(
                i.id,
                esc(i.title),
                kind,
                w(i.status, "incident_status") + (f" {i.closed}" if i.closed else ""),
                f"[red]{gaps}[/]" if gaps else tr("齐全", "complete"),
            )
        console.print(c)

    if a.incidents:
        cases(tr("本月事故、苗子、两违", "Cases this month"), a.incidents)
    if a.earlier_open:
        cases(tr("以前月份尚未闭环", "Earlier cases still open"), a.earlier_open)
    for v in a.repeat_violators:
        console.print(
            tr(
                f"重复违章：{esc(v.name)}（{v.count} 次：{'、'.join(v.evidence)}）",
                f"Repeat violator: {esc(v.name)} ({v.count}: {', '.join(v.evidence)})",
            )
            + (
                f" → {v.pairing}"
                if v.pairing
                else tr(" → 建议列为安全关键人", " → propose as key person")
            )
        )

    p = a.pairings
    statuses = "、".join(f"{w(s, 'pairing_status')} {n}" for s, n in sorted(p.by_status.items()))
    console.print(
        tr(
            f"在册包保对子 {p.active} 对（{statuses}）：本月到期 基本 {p.basic_due} / 完全 "
            f"{p.full_due}，逾期 {p.overdue}，本月转化 {p.turned_around}。",
            f"Pairings {p.active} ({statuses}): due basic {p.basic_due} / full {p.full_due}, "
            f"overdue {p.overdue}, turned around {p.turned_around}.",
        )
    )
    pr = table(
        tr("下月保安全重点（建议）", "Proposed priorities"),
        "#",
        tr("重点内容", "Priority"),
        tr("责任单位", "Unit"),
        tr("责任人", "Owner"),
        tr("完成时限", "Deadline"),
    )
    for proposal in a.proposed:
        pr.add_row(
            str(proposal.rank),
            esc(proposal.content),
            esc(proposal.unit_name),
            esc(proposal.owner_name),
            str(proposal.deadline),
        )
    console.print(pr)
    tail = a.scores.branches + a.scores.tail if a.scores else []
    for s in tail:
        if s.lowest:
            console.print(
                tr(
                    f"排尾：{esc(s.name)} {s.total:g} 分（第 {s.rank} 名）",
                    f"Tail: {esc(s.name)} {s.total:g} (rank {s.rank})",
                )
            )
    for r in a.assessments if a.scores is None else []:
        if r.flagged:
            console.print(
                tr(
                    f"排序抓尾：{esc(r.name)} {r.total:g} 分（第 {r.rank} 名）",
                    f"Lowest ranked: {esc(r.name)} {r.total:g} (rank {r.rank})",
                )
            )
    for g in a.good_catches:
        console.print(
            tr(
                f"表扬：{esc(g.reporter_name)} {esc(g.summary)}",
                f"Commend: {esc(g.reporter_name)} {esc(g.summary)}",
            )
        )
    return out.getvalue()


def _width(at_terminal: bool) -> int:
    """The terminal's width when printing to one, else a fixed width that diffs well."""
    import shutil

    return shutil.get_terminal_size((110, 24)).columns if at_terminal else 110
