"""``analyze``: the monthly comprehensive analysis (月度安全信息综合分析) of one month."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from barrier_cli.core.errors import InvalidInput, UserError
from barrier_cli.core.labels import Lang
from barrier_cli.core.models import HazardLog, Report
from barrier_cli.core.periods import Month
from barrier_cli.io import columnar
from barrier_cli.io.loader import Tree
from barrier_cli.reports import snapshot
from barrier_cli.reports.analysis import cases, counts, hazards, ranking, timeliness, weak_links
from barrier_cli.reports.analysis.annex import cited, record_refs
from barrier_cli.reports.analysis.feedback import feedback_summary
from barrier_cli.reports.analysis.frames import first_day, reports_frame
from barrier_cli.reports.analysis.key_grounds import key_person_grounds
from barrier_cli.reports.analysis.keypersons import key_person_signals
from barrier_cli.reports.analysis.pairings import pairings
from barrier_cli.reports.analysis.patrols import cadre_patrols
from barrier_cli.reports.analysis.problems import (
    accidents_this_year,
    main_problems,
    repeated_near_misses,
)
from barrier_cli.reports.analysis.proposals import follow_up, missed, propose, turned_into
from barrier_cli.reports.analysis.result import MonthlyAnalysis
from barrier_cli.reports.analysis.rewards import month_lines
from barrier_cli.reports.analysis.scores import scores
from barrier_cli.reports.analysis.showing import with_showing
from barrier_cli.reports.analysis.studies import case_studies
from barrier_cli.reports.analysis.suggestions import answers
from barrier_cli.reports.analysis.totals import cumulative
from barrier_cli.reports.analysis.units import cadres_named, in_cells
from barrier_cli.reports.compliance import reporting_compliance
from barrier_cli.reports.deficiencies import correction_deadline
from barrier_cli.reports.names import in_language
from barrier_cli.reports.snapshot import check_moment, default_moment


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
    data = columnar.of_tree(tree, window(tree, month, today=today, moment=moment))
    return analyze_columns(data, month, today=today, lang=lang, moment=moment)


def load_for(
    root: Path,
    month: Month,
    *,
    today: dt.date,
    moment: dt.date | None = None,
    jobs: int | None = None,
) -> columnar.Columnar:
    """The tree at ``root`` read for the analysis of ``month``: every report as columns,
    whole only those of its `window`; over ``jobs`` processes (default: every core)."""
    return columnar.load(
        root, lambda base: window(base, month, today=today, moment=moment), jobs=jobs
    )


WEEK_DAYS = 7


@dataclass(frozen=True)
class Window:
    """The reports the analysis of a month quotes or looks into one by one (the rest it
    only counts, from columns): those dated from ``since`` to the moment, and those other
    records cite. Of an earlier report still open only its open work is kept
    (`Tree.earlier`): a fifth of a long history may be open, and held whole it outweighed
    the rest of the analysis.

    ``since`` is the first day any section looks at: the quarter the scores cover, the
    months the key-person signals and the repeat violators look back, less a week (a
    weekly reporting period begun the week before counts).
    """

    since: dt.date
    until: dt.date
    cited: frozenset[str]
    hazards: HazardLog = dataclasses.field(default_factory=HazardLog)
    """Reports of a hazard of the log with measures are kept from any month: the analysis
    says which earlier measures against the same hazard have not held. (A near miss the log
    does not know is looked into over the window only: a tree without a log reads no more.)"""

    def __call__(self, report: Report) -> bool:
        if report.id in self.cited:
            return True
        if report.date > self.until:
            return False  # not yet written at the moment: `snapshot.as_of` drops it
        if report.actions and (
            report.hazard is not None  # what `HazardLog.of` answers first, without the words
            or (self.hazards.hazards and self.hazards.of(None, report.written) is not None)
        ):
            return True
        return report.date >= self.since


def window(tree: Tree, month: Month, *, today: dt.date, moment: dt.date | None = None) -> Window:
    """The `Window` of ``month``'s analysis; ``tree`` needs to hold all but its reports."""
    try:
        until = check_moment(month, today, moment)
    except InvalidInput:  # `analyze` says so, after what it checks first
        until = default_moment(month, today)
    back = max(tree.settings.key_persons.months, cases.REPEAT_MONTHS)
    first = min(month.quarter.first, month.shift(1 - back).first)
    quoted = {rid for i in tree.incidents for rid in i.reports}
    quoted |= {w.record for w in tree.rewards if w.record}
    return Window(first - dt.timedelta(days=WEEK_DAYS), until, frozenset(quoted), tree.hazards)


def analyze_columns(
    data: columnar.Columnar,
    month: Month,
    *,
    today: dt.date,
    lang: Lang | None = None,
    moment: dt.date | None = None,
) -> MonthlyAnalysis:
    """`analyze` of a tree read as columns (`load_for`, `columnar.of_tree`)."""
    _require_data(data, month, today)
    as_of = check_moment(month, today, moment)
    written = snapshot.as_of(data.tree, as_of)
    lang = lang or written.settings.lang
    tree = snapshot.view_of(cadres_named(in_language(written, lang), lang), written)
    # every count of the frame looks at most a year back (the trend, the year-ago total):
    # older reports stay out of it, and only where the records begin is taken from them
    frame = reports_frame(data.columns, tree, as_of, since=month.year_ago.first)
    this = frame[frame["month"] == str(month)]
    # from the columns: a near miss or hazard of a month before the window is grouped as one
    # in it, and counted since it was first reported
    names = hazards.names_of(tree.hazards)
    elements = {h.id: h.element for h in tree.hazards.hazards}
    c = data.columns
    said = [
        hazards.problem(hazard, near_miss, names) if not gone and day <= as_of else ""
        for hazard, near_miss, gone, day in zip(
            c.hazard, c.near_miss, c.withdrawn, c.date, strict=True
        )
    ]
    problems = {rid: text for rid, text in zip(c.id, said, strict=True) if text}
    known = {
        rid: (hazard, elements.get(hazard, ""))
        for rid, hazard in zip(c.id, c.hazard, strict=True)
        if hazard is not None and hazard in elements
    }
    links = weak_links.with_shown(
        weak_links.in_words_of(weak_links.weak_links(frame, month, problems, known), written, tree),
        tree,
        lang,
        as_of,
    )
    incidents, earlier_open = cases.case_rows(tree, month, as_of, lang)
    by = counts.breakdowns(this, tree, lang)
    followed, followed_known = follow_up(tree, month, as_of, lang, links)
    followed = in_cells(tree, followed)
    repeats = repeated_near_misses(tree, month, as_of, hazards.recurrences(said, c.date, month))
    units = counts.unit_element(this, tree)
    violators = cases.repeat_violators(tree, month, as_of)
    compliance = reporting_compliance(tree, month, today=as_of)
    violations = {v.person: v.count for v in violators}
    analysis = MonthlyAnalysis(
        organisation=tree.settings.organisation,
        month=month,
        as_of=as_of,
        totals=counts.totals(frame, tree, month, first_day(data.columns, as_of)),
        trend=counts.trend(frame, month),
        by=by,
        unit_element=units,
        compliance=compliance,
        timeliness=timeliness.timeliness(tree, month, as_of, data.columns),
        incidents=incidents,
        earlier_open=earlier_open,
        repeat_violators=violators,
        pairings=pairings(tree, month, as_of),
        weak_links=links,
        priorities=weak_links.priorities(links),
        assessments=ranking.assessment_ranking(tree, month),
        good_catches=ranking.good_catches(tree, month),
        skipped_files=data.skipped,
        feedback=feedback_summary(tree, month, as_of=as_of),
        cumulative=cumulative(tree, as_of=as_of, columns=data.columns),
        key_persons=[
            dataclasses.replace(
                k,
                grounds=key_person_grounds(tree, k, lang, month.year, violations.get(k.person, 0)),
            )
            for k in key_person_signals(tree, month, as_of)
        ],
        rewards=month_lines(tree, month),
        patrols=cadre_patrols(tree, month, today=today),
        problems=with_showing(tree, month, main_problems(tree, month, by["category"], incidents)),
        studies=case_studies(
            tree, incidents + earlier_open, as_of, correction_deadline(tree, month, today, moment)
        ),
        proposed=in_cells(
            tree,
            propose(
                tree,
                month,
                links,
                lang,
                carried=[f for f in followed if f.unfinished],
                repeats=repeats,
                as_of=as_of,
            ),
        ),
        followed=followed,
        followed_known=followed_known,
        followed_adopted=min(
            (p.adopted for p in tree.priorities if p.withdrawn is None and p.month == str(month)),
            default=None,
        ),
        priorities_missed=missed(tree, month),
        scores=scores(tree, month, as_of, lang, compliance.missed()),
        near_miss_repeats=repeats,
        earlier_in_year=accidents_this_year(tree, month),
        open_earlier=counts.open_earlier(
            tree,
            month,
            as_of,
            data.columns,
            window(written, month, today=today, moment=moment).since,
        ),
        by_branch=counts.by_branch(units, tree),
        branch_element=counts.branch_element(units, tree),
        answers=answers(tree, month, as_of),
        general_secretaries=[
            p.name
            for p in tree.org.people
            if "secretary" in p.roles
            and any(u.id == p.unit and u.kind == "general_branch" for u in tree.org.units)
        ],
    )
    analysis = dataclasses.replace(
        analysis, followed=turned_into(analysis.followed, analysis.proposed)
    )
    return dataclasses.replace(analysis, records=record_refs(tree, cited(analysis)))


def _require_data(data: columnar.Columnar, month: Month, today: dt.date) -> None:
    if month.first > today:
        raise NothingToAnalyse(f"{month} has not begun yet (today is {today}); nothing to analyse")
    tree, reports = data.tree, data.columns
    dates = [d for d, gone in zip(reports.date, reports.withdrawn, strict=True) if not gone]
    dates += [i.date for i in tree.incidents if i.withdrawn is None]
    if not dates:
        raise NothingToAnalyse(
            f"{tree.root}: no reports or incidents yet; add one with 'barrier report add'"
        )
    if not any(month.contains(d) for d in dates):
        raise NothingToAnalyse(
            f"no reports or incidents dated {month}; the records cover "
            f"{Month.of(min(dates))} to {Month.of(max(dates))}"
        )
