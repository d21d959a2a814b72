"""Nil returns (今日无异常): a member's daily feedback that there was nothing abnormal.

One file per person per month, ``returns/YYYY/MM/D-YYYYMM-<person>.yaml``, that grows by one
entry a day: a year of a 200-person workshop is 2,400 small files whose diffs are one entry
each, not 50,000 one-line files. A nil return is feedback for the cadence (SPEC §6) and never
safety information: no count, chart, ranking or export of reports sees it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import Day, Model, PersonId, Problem, RecordModel, empty_list

RETURNS_ID = r"^D-[0-9]{6}-[A-Za-z0-9][A-Za-z0-9_.\-]*$"
MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


def returns_id(person: str, day: dt.date) -> str:
    """The id of ``person``'s nil returns for the month of ``day``."""
    return f"D-{day:%Y%m}-{person}"


class ReturnDay(Model):
    """One duty day on which the person had nothing abnormal to report."""

    date: Day
    by: PersonId | None = Field(
        default=None, description="the group leader who ticked it (checkin), if not the person"
    )
    filed: Day | None = Field(
        default=None, description="when it was recorded, if later than the day it is for"
    )


class NilReturns(RecordModel):
    id: Annotated[str, Field(pattern=RETURNS_ID)]
    person: PersonId
    month: Annotated[str, Field(pattern=MONTH)]
    days: list[ReturnDay] = empty_list()

    @property
    def first(self) -> dt.date:
        return dt.date(int(self.month[:4]), int(self.month[5:]), 1)

    def problems(self, *, today: dt.date) -> list[Problem]:
        out: list[Problem] = []
        expected = returns_id(self.person, self.first)
        if self.id != expected:
            out.append(
                Problem(
                    f.ID_FORMAT,
                    ("id",),
                    i18n._("id should be {expected}").format(expected=expected),
                )
            )
        seen: set[dt.date] = set()
        for n, entry in enumerate(self.days):
            day = entry.date
            if (day.year, day.month) != (self.first.year, self.first.month):
                out.append(
                    Problem(
                        f.RETURN_DAY,
                        ("days", n, "date"),
                        i18n._("{day} is not in {month}").format(day=day, month=self.month),
                        i18n._("it belongs in {returns_id}").format(
                            returns_id=returns_id(self.person, day)
                        ),
                    )
                )
            elif day in seen:
                out.append(
                    Problem(
                        f.RETURN_DAY,
                        ("days", n, "date"),
                        i18n._("{day} is listed twice").format(day=day),
                    )
                )
            seen.add(day)
            if day > today:
                out.append(
                    Problem(
                        f.FUTURE_DATE,
                        ("days", n, "date"),
                        i18n._("date {day} is in the future").format(day=day),
                    )
                )
            if entry.filed is not None and not day <= entry.filed <= today:
                out.append(
                    Problem(
                        f.RETURN_DAY,
                        ("days", n, "filed"),
                        i18n._("filed {filed} is before {day} or after today").format(
                            filed=entry.filed, day=day
                        ),
                    )
                )
        return out
