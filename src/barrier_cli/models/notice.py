"""Notice register (通报): one entry per issued notice, with its number and month covered."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field

from barrier_cli import findings as f
from barrier_cli.models.common import Day, OneLine, PersonId, Problem, RecordModel

NOTICE_ID = r"^N-[0-9]{4}-[0-9]{3}$"


class NoticeEntry(RecordModel):
    id: Annotated[str, Field(pattern=NOTICE_ID)]
    number: OneLine
    year: int = Field(ge=2000, le=2200)
    seq: int = Field(ge=1, le=999)
    date: Day
    month: Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
    by: PersonId | None = None
    title: OneLine | None = None
    file: OneLine | None = None
    deadline: Day | None = None

    def problems(self, *, today: dt.date) -> list[Problem]:
        out: list[Problem] = []
        if self.id != f"N-{self.year}-{self.seq:03d}":
            out.append(Problem(f.ID_FORMAT, ("id",), f"id should be N-{self.year}-{self.seq:03d}"))
        if self.date > today:
            out.append(Problem(f.FUTURE_DATE, ("date",), f"date {self.date} is in the future"))
        return out
