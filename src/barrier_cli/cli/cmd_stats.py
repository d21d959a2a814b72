"""`barrier stats`: cumulative totals of safety information since the programme started."""

from __future__ import annotations

from typing import Annotated

import typer

from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n


def stats(
    ctx: typer.Context,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE", help="Count up to DATE [today].")
    ] = None,
    format_: Annotated[
        str, typer.Option("--format", metavar="text|json", help="Output format [text].")
    ] = "text",
) -> None:
    """Cumulative totals since the programme started: by element, source and tier.

    Nil returns (今日无异常) are shown beside the totals, never in them; the year's rewards and
    penalties (奖惩) up to the same day follow.
    """
    import dataclasses
    import json

    from barrier_cli.core.errors import InvalidInput
    from barrier_cli.core.labels import label
    from barrier_cli.core.periods import parse_day
    from barrier_cli.io.loader import today
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.analysis.rewards import YearTotals, without_a_class, year_totals
    from barrier_cli.reports.analysis.totals import cumulative

    if format_ not in ("text", "json"):
        raise InvalidInput(i18n._("--format: '{value}' is not text or json").format(value=format_))
    tree = load_tree(globals_of(ctx).root(), cache=True)
    lang = globals_of(ctx).language(tree.settings.lang)
    now = today(tree.root)
    day = parse_day(as_of, "--as-of") if as_of is not None else now
    totals = cumulative(tree, as_of=day)
    year = year_totals(tree, day.year)
    year = YearTotals(year.year, [line for line in year.lines if line.date <= day])
    clear = without_a_class(tree, day.year, as_of=day)
    if format_ == "json":
        data = dataclasses.asdict(totals) | {
            "rewards": {
                "year": year.year,
                "by_kind": {k: dataclasses.asdict(v) for k, v in year.by("kind").items()},
                "by_level": {k: dataclasses.asdict(v) for k, v in year.by("level").items()},
            },
            "without_a_class": {"year": day.year, "members": clear},
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    with i18n.using(lang):  # the tree's language, as its labels are
        since = totals.since or "-"
        typer.echo(
            i18n._(
                "{since} to {day}: {reports} pieces of safety information, {closed} closed"
            ).format(since=since, day=day, reports=totals.reports, closed=totals.closed)
        )
        for title, group, counts in (
            (i18n.pgettext("stats", "by element"), "element", totals.by_element),
            (i18n.pgettext("stats", "by source"), "source", totals.by_source),
            (i18n.pgettext("stats", "by tier"), "level", totals.by_level),
        ):
            cells = "  ".join(f"{label(group, k, lang)} {n}" for k, n in counts.items())
            typer.echo(f"  {title}: {cells}")
        typer.echo(
            i18n._("  nil returns: {count} (not safety information)").format(
                count=totals.nil_returns
            )
        )
        kinds = year.by("kind")
        cells = "；".join(
            i18n.pgettext("reward tally", "{kind} {count}").format(
                kind=label("reward_kind", k, lang), count=v.count
            )
            + (i18n._(", {amount} yuan").format(amount=f"{v.amount:g}") if v.amount else "")
            for k, v in sorted(kinds.items())
        )
        none = i18n.pgettext("empty list", "none")
        typer.echo(
            i18n._("  rewards and penalties {year} (to {day}): {cells}").format(
                year=year.year, day=day, cells=cells or none
            )
        )
        names = {p.id: p.name for p in tree.org.people}
        typer.echo(
            i18n._("  party members with no A-class violation in {year}: {count} ({names})").format(
                year=day.year, count=len(clear), names=i18n.join([names[p] for p in clear]) or none
            )
        )
