"""``analyze``: the monthly comprehensive analysis (月度安全信息综合分析) of one month."""

from __future__ import annotations

import dataclasses
import datetime as dt

from barrier_cli.core.errors import UserError
from barrier_cli.core.labels import Lang
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports import snapshot
from barrier_cli.reports.analysis import cases, counts, ranking, timeliness, weak_links
from barrier_cli.reports.analysis.annex import cited, record_refs
from barrier_cli.reports.analysis.feedback import feedback_summary
from barrier_cli.reports.analysis.frames import reports_frame
from barrier_cli.reports.analysis.keypersons import key_person_signals
from barrier_cli.reports.analysis.pairings import pairings
from barrier_cli.reports.analysis.patrols import cadre_patrols
from barrier_cli.reports.analysis.problems import main_problems, repeated_near_misses
from barrier_cli.reports.analysis.proposals import follow_up, propose, without_trains
from barrier_cli.reports.analysis.result import MonthlyAnalysis
from barrier_cli.reports.analysis.rewards import month_lines
from barrier_cli.reports.analysis.scores import scores
from barrier_cli.reports.analysis.studies import case_studies
from barrier_cli.reports.analysis.totals import cumulative
from barrier_cli.reports.compliance import reporting_compliance
from barrier_cli.reports.names import in_language
from barrier_cli.reports.snapshot import check_moment


class NothingToAnalyse(UserError):
    """The month has no records, has not begun, or the tree is empty."""


def analyze(
    tree: Tree,
    month: Month,
    *,
    today: dt.date,
    lang: Lang | None = None,
    moment: dt.date | None = None,
) -> MonthlyAnalysis:
    """Every section of SPEC §4 for ``month``, as of ``moment`` (default its end, or
    ``today`` if earlier), from the records as they stood then (`snapshot.as_of`).

    Withdrawn records are left out everywhere. Raises ``NothingToAnalyse`` rather than
    return an empty document.
    """
    _require_data(tree, month, today)
    as_of = check_moment(month, today, moment)
    tree = snapshot.as_of(tree, as_of)
    lang = lang or tree.settings.lang
    tree = in_language(tree, lang)
    frame = reports_frame(tree)
    this = frame[frame["month"] == str(month)]
    near_misses = {
        r.id: without_trains(r.summary) for r in tree.reports if r.category == "near_miss"
    }
    links = weak_links.weak_links(frame, month, near_misses)
    incidents, earlier_open = cases.case_rows(tree, month, as_of, lang)
    by = counts.breakdowns(this, tree, lang)
    followed, followed_known = follow_up(tree, month, as_of)
    units = counts.unit_element(this, tree)
    analysis = MonthlyAnalysis(
        organisation=tree.settings.organisation,
        month=month,
        as_of=as_of,
        totals=counts.totals(frame, tree, month),
        trend=counts.trend(frame, month),
        by=by,
        unit_element=units,
        compliance=reporting_compliance(tree, month, today=as_of),
        timeliness=timeliness.timeliness(tree, month, as_of),
        incidents=incidents,
        earlier_open=earlier_open,
        repeat_violators=cases.repeat_violators(tree, month, as_of),
        pairings=pairings(tree, month, as_of),
        weak_links=links,
        priorities=weak_links.priorities(links),
        assessments=ranking.assessment_ranking(tree, month),
        good_catches=ranking.good_catches(tree, month),
        skipped_files=[f.rel for f in tree.files if f.kind and f.record is None],
        feedback=feedback_summary(tree, month, as_of=as_of),
        cumulative=cumulative(tree, as_of=as_of),
        key_persons=key_person_signals(tree, month, as_of),
        rewards=month_lines(tree, month),
        patrols=cadre_patrols(tree, month, today=today),
        problems=main_problems(tree, month, by["category"], incidents),
        studies=case_studies(tree, incidents + earlier_open, as_of),
        proposed=propose(tree, month, links, lang, carried=[f for f in followed if f.unfinished]),
        followed=followed,
        followed_known=followed_known,
        scores=scores(tree, month, as_of, lang),
        near_miss_repeats=repeated_near_misses(tree, month),
        by_branch=counts.by_branch(units, tree),
        branch_element=counts.branch_element(units, tree),
    )
    return dataclasses.replace(analysis, records=record_refs(tree, cited(analysis)))


def _require_data(tree: Tree, month: Month, today: dt.date) -> None:
    if month.first > today:
        raise NothingToAnalyse(f"{month} has not begun yet (today is {today}); nothing to analyse")
    dates = [r.date for r in tree.reports if r.withdrawn is None] + [
        i.date for i in tree.incidents if i.withdrawn is None
    ]
    if not dates:
        raise NothingToAnalyse(
            f"{tree.root}: no reports or incidents yet; add one with 'barrier report add'"
        )
    if not any(month.contains(d) for d in dates):
        raise NothingToAnalyse(
            f"no reports or incidents dated {month}; the records cover "
            f"{Month.of(min(dates))} to {Month.of(max(dates))}"
        )
