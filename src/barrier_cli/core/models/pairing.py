"""Pairing (包保对子): a party member mentoring a key person to turn around in 3 to 6 months."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import (
    Day,
    Model,
    OneLine,
    PersonId,
    Problem,
    RecordModel,
    Text,
    empty_list,
)
from barrier_cli.core.models.settings import Deadlines

Reason = Literal["low_skill", "few_finds", "violations", "attitude", "other"]
PairingStatus = Literal["active", "basic", "full", "escalated", "ended"]
PAIRING_ID = r"^P-[0-9]{8}-[0-9A-Z]{2}$"


Diligence = Literal["observe", "instil", "help", "remind", "report"]
"""五勤: 思想情绪勤观察、规章制度勤灌输、业务技术勤帮助、关键环节勤提醒、包保情况勤汇报."""
Together = Literal["start", "work", "return", "rest"]
"""四同: 同出场、同作业、同归所、同休息."""
Cadence = Literal["weekly", "fortnightly", "monthly"]
"""How often the 责任书 plans a 帮教 (每周一次规章抽问和实作帮教): what a month's reviews
are held against."""
_CADENCE_DAYS = {"weekly": 7, "fortnightly": 14}


class Review(Model):
    date: Day
    by: PersonId
    note: Text = Field(min_length=1)
    diligences: list[Diligence] = empty_list()
    together: list[Together] = empty_list()


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Pairing(RecordModel):
    id: Annotated[str, Field(pattern=PAIRING_ID)]
    mentor: PersonId
    person: PersonId
    unit: Annotated[str, Field(min_length=1)]
    start: Day
    reasons: list[Reason] = Field(min_length=1)
    plan: Text | None = None
    cadence: Cadence | None = None
    measures: list[OneLine] = empty_list()
    goals: list[OneLine] = empty_list()
    letter: Day | None = None
    reviews: list[Review] = empty_list()
    assistant: PersonId | None = None
    escalated_on: Day | None = None
    basic_on: Day | None = None
    full_on: Day | None = None
    status: PairingStatus = "active"
    ended: Day | None = None

    def reviews_due(self, first: dt.date, last: dt.date) -> int:
        """The 帮教 its cadence asks for from ``first`` to ``last`` (a month, or its part up
        to a moment): one for each whole period of it the pairing ran; 0 without a cadence."""
        if self.cadence is None:
            return 0
        ends = [d for d in (self.ended, self.full_on) if d is not None]
        begin, end = max(first, self.start), min([last, *ends])
        days = (end - begin).days + 1
        period = _CADENCE_DAYS.get(self.cadence, (last - first).days + 1)
        return max(days, 0) // period

    def basic_due(self, deadlines: Deadlines) -> dt.date:
        return add_months(self.start, deadlines.pairing_basic_months)

    def full_due(self, deadlines: Deadlines) -> dt.date:
        return add_months(self.start, deadlines.pairing_full_months)

    @property
    def escalated(self) -> bool:
        return self.status == "escalated" or self.assistant is not None

    def escalated_due(self, deadlines: Deadlines) -> dt.date | None:
        """Full turnaround is due this long after a committee member joined (协助包保)."""
        if self.escalated_on is None:
            return None
        return add_months(self.escalated_on, deadlines.pairing_escalated_months)

    def milestone_due(self, milestone: str, deadlines: Deadlines) -> dt.date:
        if milestone == "basic":
            return self.basic_due(deadlines)
        if milestone == "escalated":
            return self.escalated_due(deadlines) or self.full_due(deadlines)
        return self.full_due(deadlines)

    def overdue_milestones(self, deadlines: Deadlines, today: dt.date) -> list[str]:
        """Milestones past due and not reached: 'basic' and/or 'full', or, once escalated,
        the escalation's own milestone 'escalated'."""
        if self.status == "ended" or self.withdrawn is not None:
            return []
        if self.escalated:
            due = self.escalated_due(deadlines)
            return ["escalated"] if self.full_on is None and due is not None and due < today else []
        late: list[str] = []
        if self.basic_on is None and self.full_on is None and self.basic_due(deadlines) < today:
            late.append("basic")
        if self.full_on is None and self.full_due(deadlines) < today:
            late.append("full")
        return late

    def problems(self, *, today: dt.date, deadlines: Deadlines) -> list[Problem]:
        out: list[Problem] = []
        for name in ("start", "letter", "basic_on", "full_on", "ended", "escalated_on"):
            value = getattr(self, name)
            if value is not None and value > today:
                out.append(
                    Problem(
                        f.FUTURE_DATE,
                        (name,),
                        i18n._("{name} {value} is in the future").format(name=name, value=value),
                    )
                )
        for name in ("letter", "basic_on", "full_on", "ended", "escalated_on"):
            value = getattr(self, name)
            if value is not None and value < self.start:
                out.append(
                    Problem(
                        f.VALUE,
                        (name,),
                        i18n._("{name} {value} is before the start").format(name=name, value=value),
                    )
                )
        if self.mentor == self.person:
            out.append(
                Problem(f.VALUE, ("mentor",), i18n._("the mentor and the person are the same"))
            )
        if self.status == "basic" and self.basic_on is None:
            out.append(Problem(f.MISSING, ("status",), i18n._("status 'basic' needs 'basic_on'")))
        if self.status == "full" and self.full_on is None:
            out.append(Problem(f.MISSING, ("status",), i18n._("status 'full' needs 'full_on'")))
        if self.status == "ended" and self.ended is None:
            out.append(Problem(f.MISSING, ("status",), i18n._("status 'ended' needs 'ended'")))
        for n, review in enumerate(self.reviews):
            if review.date > today:
                out.append(
                    Problem(
                        f.FUTURE_DATE,
                        ("reviews", n, "date"),
                        i18n._("review date {date} is in the future").format(date=review.date),
                    )
                )
        for milestone in self.overdue_milestones(deadlines, today):
            due = self.milestone_due(milestone, deadlines)
            out.append(
                Problem(
                    f.PAIRING_OVERDUE,
                    ("status",),
                    i18n._("{milestone} turnaround was due {due} and is not recorded").format(
                        milestone=i18n._(milestone), due=due
                    ),
                    i18n._("record 'full_on': an escalated pairing has its own deadline")
                    if milestone == "escalated"
                    else i18n._(
                        "record 'basic_on'/'full_on', or escalate: add a committee member "
                        "as 'assistant'"
                    ),
                )
            )
        out.extend(letter_problems(self))
        out.extend(review_problems(self))
        out.extend(escalation_problems(self, today))
        return out


LETTER_PARTS = {"plan": "计划", "measures": "措施", "goals": "目标"}


def letter_problems(p: Pairing) -> list[Problem]:
    """The 责任书 is signed, and holds the plan, measures and goals made together."""
    missing = [
        key
        for key, value in (("letter", p.letter), ("plan", p.plan), ("measures", p.measures))
        if not value
    ]
    if not p.goals:
        missing.append("goals")
    if not missing:
        return []
    return [
        Problem(
            f.PAIRING_LETTER,
            (missing[0],) if missing[0] != "letter" else ("person",),
            i18n._("the responsibility letter (责任书) lacks {join}").format(
                join=i18n.join(i18n._(key) for key in missing)
            ),
            i18n._("sign it ('letter: DATE') with 'plan', 'measures' and 'goals' made together"),
        )
    ]


def review_problems(p: Pairing) -> list[Problem]:
    """The mentor's and the assistant's reviews say which of the 五勤 they did and the 四同
    they kept (a secretary's turnaround verdict is no mentoring and needs neither)."""
    out = []
    mentors = {p.mentor, p.assistant}
    for n, review in enumerate(p.reviews):
        if review.by not in mentors:
            continue
        missing = [
            name
            for name, given in (("diligences", review.diligences), ("together", review.together))
            if not given
        ]
        if missing:
            out.append(
                Problem(
                    f.PAIRING_REVIEW,
                    ("reviews", n),
                    i18n._("reviews[{n}] records no {join}").format(
                        n=n, join=i18n._(" and no ").join(i18n._(key) for key in missing)
                    ),
                    i18n._(
                        "diligences (五勤): observe, instil, help, remind, report; together (四同): start, work, return, rest"
                    ),
                )
            )
    return out


def escalation_problems(p: Pairing, today: dt.date) -> list[Problem]:
    """Escalation names its assistant and day, and is reviewed every month after it."""
    if not p.escalated:
        return []
    out = []
    if p.assistant is None:
        out.append(
            Problem(
                f.MISSING,
                ("status",),
                i18n._("an escalated pairing names its 'assistant' (a branch committee member)"),
            )
        )
    if p.escalated_on is None:
        out.append(
            Problem(
                f.MISSING, ("status",), i18n._("an escalated pairing needs 'escalated_on' (date)")
            )
        )
        return out
    unreviewed = months_without_review(p, p.escalated_on, today)
    if unreviewed:
        out.append(
            Problem(
                f.PAIRING_REVIEW,
                ("reviews",),
                i18n._("escalated pairing not reviewed in {join}").format(
                    join=i18n.join(unreviewed)
                ),
                i18n._("an escalated pairing keeps a review every month"),
            )
        )
    return out


def months_without_review(p: Pairing, since: dt.date, today: dt.date) -> list[str]:
    """Whole months after ``since`` and before the pairing ended (or today) with no review."""
    ends = [d for d in (p.full_on, p.ended) if d is not None]
    end = min([*ends, today])
    reviewed = {(r.date.year, r.date.month) for r in p.reviews}
    out = []
    year, month = (since.year, since.month + 1) if since.month < 12 else (since.year + 1, 1)
    while dt.date(year, month, calendar.monthrange(year, month)[1]) < end:
        if (year, month) not in reviewed:
            out.append(f"{year}-{month:02d}")
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return out
