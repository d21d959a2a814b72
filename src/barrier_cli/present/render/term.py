"""The analysis at a terminal: the same sections, condensed into rich tables."""

from __future__ import annotations

import io
from collections.abc import Callable

from barrier_cli.core.i18n import _, join, ngettext, pgettext, using
from barrier_cli.core.labels import Lang
from barrier_cli.reports.analysis.result import CaseRow, MonthlyAnalysis

Words = dict[str, Callable[..., str]]


def render_term(analysis: MonthlyAnalysis, *, lang: Lang, words: Words, color: bool = False) -> str:
    """The analysis in rich tables, worded by the catalogue in ``lang`` (domain "analysis")."""
    with using(lang):
        return _render(analysis, words=words, color=color)


def _render(analysis: MonthlyAnalysis, *, words: Words, color: bool) -> str:
    from rich.console import Console
    from rich.markup import escape as esc
    from rich.table import Table

    out = io.StringIO()
    console = Console(
        file=out, width=_width(color), force_terminal=color, no_color=not color, highlight=False
    )
    w = words["label"]
    change = words["change"]  # in the language of the document, as the templates say it

    def table(title: str, *columns: str) -> Table:
        t = Table(title=title, title_justify="left", title_style="bold", show_edge=False)
        for col in columns:
            t.add_column(col, overflow="fold")
        return t

    a, t, tl = analysis, analysis.totals, analysis.timeliness
    near = sum(c.count for c in a.by["category"] if c.key == "near_miss")
    console.rule(f"[bold]{esc(a.organisation)} {a.month} {_('safety information analysis')}")
    console.print(
        _(
            "[bold]{reports}[/] reports (risk-weighted {weighted}), {previous} vs last month, "
            "{year_ago} vs a year ago; {cases} cases on the register, besides {near} near-miss "
            "reports. As of {as_of}."
        ).format(
            reports=t.reports,
            weighted=t.weighted,
            previous=change(t.reports, t.previous, t.previous_known),
            year_ago=change(t.reports, t.year_ago, t.year_ago_known),
            cases=t.incidents,
            near=near,
            as_of=a.as_of,
        )
    )
    split = table(
        pgettext("analysis breakdown", "Breakdown"),
        pgettext("analysis breakdown", "Element"),
        pgettext("analysis breakdown", "Category"),
        pgettext("analysis breakdown", "Source"),
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
        _("Missed reports: {n}").format(n=len(missed)),
        pgettext("analysis missed reports", "Tier"),
        pgettext("analysis missed reports", "Who"),
        pgettext("analysis missed reports", "Unit"),
        pgettext("analysis missed reports", "Expected"),
        pgettext("analysis missed reports", "Sent"),
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
        _(
            "Median {to_analysis} days to analysis, {to_close} to closure, {share} closed within "
            "{close_days} days; {open_now} of the month's reports open (and {open_earlier} "
            "earlier), [bold red]{overdue}[/] overdue actions."
        ).format(
            to_analysis=words["days"](tl.median_days_to_analysis),
            to_close=words["days"](tl.median_days_to_close),
            share=words["pct"](tl.closed_within_share),
            close_days=tl.close_days,
            open_now=tl.open_this_month,
            open_earlier=tl.open_earlier,
            overdue=len(tl.overdue),
        )
    )
    if tl.overdue:
        o = table(
            pgettext("analysis overdue actions", "Overdue actions"),
            pgettext("analysis overdue actions", "Record"),
            pgettext("analysis overdue actions", "Action"),
            pgettext("analysis overdue actions", "Owner"),
            pgettext("analysis overdue actions", "Due"),
            pgettext("analysis overdue actions", "Days"),
        )
        for item in tl.shown_overdue:
            o.add_row(
                item.record,
                esc(item.action),
                esc(item.owner_name),
                str(item.due),
                str(item.days_overdue),
            )
        console.print(o)
        if tl.unlisted_overdue:
            more = tl.unlisted_overdue
            console.print(
                ngettext(
                    "One more overdue action, overdue fewer days, is not listed here; "
                    "`barrier due` lists every one.",
                    "%(count)s more overdue actions, overdue fewer days, are not listed here; "
                    "`barrier due` lists every one.",
                    more,
                )
                % {"count": more}
            )

    def cases(title: str, rows: list[CaseRow]) -> None:
        c = table(
            title,
            pgettext("analysis cases", "Id"),
            pgettext("analysis cases", "Case"),
            pgettext("analysis cases", "Kind"),
            pgettext("analysis cases", "Status"),
            pgettext("analysis cases", "Closure"),
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
                f"[red]{gaps}[/]" if gaps else pgettext("analysis cases", "complete"),
            )
        console.print(c)

    if a.incidents:
        cases(pgettext("analysis cases", "Cases this month"), a.incidents)
    if a.earlier_open:
        cases(pgettext("analysis cases", "Earlier cases still open"), a.earlier_open)
    for v in a.repeat_violators:
        console.print(
            _("Repeat violator: {name} ({count}: {evidence})").format(
                name=esc(v.name), count=v.count, evidence=join(v.evidence)
            )
            + (f" → {v.pairing}" if v.pairing else _(" → propose as key person"))
        )

    p = a.pairings
    statuses = "、".join(f"{w(s, 'pairing_status')} {n}" for s, n in sorted(p.by_status.items()))
    console.print(
        _(
            "Pairings {active} ({statuses}): due basic {basic} / full {full}, overdue {overdue}, "
            "turned around {turned}."
        ).format(
            active=p.active,
            statuses=statuses,
            basic=p.basic_due,
            full=p.full_due,
            overdue=p.overdue,
            turned=p.turned_around,
        )
    )
    pr = table(
        pgettext("analysis priorities", "Proposed priorities"),
        "#",
        pgettext("analysis priorities", "Priority"),
        pgettext("analysis priorities", "Unit"),
        pgettext("analysis priorities", "Owner"),
        pgettext("analysis priorities", "Deadline"),
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
                _("Tail: {name} {total} (rank {rank})").format(
                    name=esc(s.name), total=f"{s.total:g}", rank=s.rank
                )
            )
    for r in a.assessments if a.scores is None else []:
        if r.flagged:
            console.print(
                _("Lowest ranked: {name} {total} (rank {rank})").format(
                    name=esc(r.name), total=f"{r.total:g}", rank=r.rank
                )
            )
    for g in a.good_catches:
        console.print(
            _("Commend: {name} {summary}").format(name=esc(g.reporter_name), summary=esc(g.summary))
        )
    return out.getvalue()


def _width(at_terminal: bool) -> int:
    """The terminal's width when printing to one, else a fixed width that diffs well."""
    import shutil

    return shutil.get_terminal_size((110, 24)).columns if at_terminal else 110
