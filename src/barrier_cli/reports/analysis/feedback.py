"""Feedback to the reporter (信息反馈制度): what became of each report, and who is waiting.

The answer a reporter gets is derived from the report itself, not typed twice: its
``analysis`` (who looked at it, when, and the cause found) is the first answer; its actions
(what is done, by whom, by when) and its closure follow. A report is *answered* on its
analysis date, or on its closing date if it was closed without one. One not answered within
``deadlines.feedback_days`` of its date is named; so is one still unanswered at ``as_of``
past that deadline. Withdrawn reports are left out.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from barrier_cli.core import i18n
from barrier_cli.core.models import Report
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree


@dataclass(frozen=True)
class Outcome:
    """What one reporter was told about one report, as of a moment."""

    id: str
    date: dt.date
    reporter: str
    summary: str
    status: str
    reporter_name: str
    answered: dt.date | None
    """When the reporter had an answer: the analysis date, else the closing date."""
    by: str | None
    """Who answered: the analyst."""
    answer: str
    """The cause found, then each action with its owner and state; empty if unanswered."""
    days: int | None
    """Days from the report to its answer."""
    overdue: bool
    """Unanswered within ``feedback_days`` (answered late, or still waiting past it)."""


@dataclass(frozen=True)
class FeedbackSummary:
    """The month's reports: how fast their reporters heard back, and who never did."""

    feedback_days: int
    answered: int
    median_days: float | None
    within: int
    unanswered: list[Outcome] = field(default_factory=list)
    """Reports of the month nobody answered by ``as_of`` though their deadline passed."""
    late: list[Outcome] = field(default_factory=list)
    """Reports answered, but after ``feedback_days``."""


def outcome(report: Report, *, as_of: dt.date, feedback_days: int, name: str = "") -> Outcome:
    analysis = report.analysis if report.analysis and report.analysis.date <= as_of else None
    closed = report.closed if report.closed and report.closed <= as_of else None
    answered = analysis.date if analysis else closed
    parts: list[str] = []
    if analysis is not None:
        parts.append(analysis.cause.strip().splitlines()[0])
        for act in report.actions:
            done = (
                i18n._("done {day}").format(day=act.done)
                if act.done and act.done <= as_of
                else i18n._("due {day}").format(day=act.due)
            )
            parts.append(
                i18n._("{action} ({owner}, {done})").format(
                    action=act.action, owner=act.owner, done=done
                )
            )
    if closed is not None:
        parts.append(i18n._("closed {day}").format(day=closed))
    deadline = report.date + dt.timedelta(days=feedback_days)
    overdue = answered > deadline if answered else as_of > deadline
    return Outcome(
        id=report.id,
        date=report.date,
        reporter=report.reporter,
        summary=report.summary,
        status=report.status,
        reporter_name=name or report.reporter,
        answered=answered,
        by=analysis.by if analysis else None,
        answer="; ".join(parts),
        days=(answered - report.date).days if answered else None,
        overdue=overdue,
    )


def reporter_outcomes(tree: Tree, person: str, *, as_of: dt.date) -> list[Outcome]:
    """Every report ``person`` filed up to ``as_of``, newest first, with what became of it."""
    days = tree.settings.deadlines.feedback_days
    mine = [
        r for r in tree.reports if r.reporter == person and r.withdrawn is None and r.date <= as_of
    ]
    mine.sort(key=lambda r: (r.date, r.id), reverse=True)
    return [outcome(r, as_of=as_of, feedback_days=days) for r in mine]


def feedback_summary(tree: Tree, month: Month, *, as_of: dt.date) -> FeedbackSummary:
    """Days to feedback of the month's reports, and those left unanswered past the deadline."""
    days = tree.settings.deadlines.feedback_days
    names = {p.id: p.name for p in tree.org.people}
    outcomes = [
        outcome(r, as_of=as_of, feedback_days=days, name=names.get(r.reporter, ""))
        for r in sorted(tree.reports, key=lambda r: (r.date, r.id))
        if r.withdrawn is None and month.contains(r.date) and r.date <= as_of
    ]
    answered = [o for o in outcomes if o.days is not None]
    waits = [o.days for o in answered if o.days is not None]
    return FeedbackSummary(
        feedback_days=days,
        answered=len(answered),
        median_days=float(statistics.median(waits)) if waits else None,
        within=sum(1 for o in answered if not o.overdue),
        unanswered=[o for o in outcomes if o.answered is None and o.overdue],
        late=[o for o in answered if o.overdue],
    )


__all__ = ["FeedbackSummary", "Outcome", "feedback_summary", "outcome", "reporter_outcomes"]
