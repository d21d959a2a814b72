"""Notice register (通报): one entry per issued notice, with its number and month covered."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import Day, OneLine, PersonId, Problem, RecordModel

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
    as_of: Day | None = None
    """The moment the notice counted the records at."""
    lang: Annotated[str, Field(pattern=r"^(zh|en)$")] | None = None
    """The language it was issued in (a plain string: the ledger has no label for it)."""
    content: dict[str, Any] | None = None
    """What the issued notice said (praise, criticism with evidence, dates), frozen at issue
    so that rendering it later reproduces it whatever records were added since."""
    sha256: dict[Literal["md", "html"], Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]] | None = (
        None
    )
    """The issued documents' digests: a later rendering proves it is the issued one."""

    def problems(self, *, today: dt.date) -> list[Problem]:
        out: list[Problem] = []
        if self.id != f"N-{self.year}-{self.seq:03d}":
            out.append(
                Problem(
                    f.ID_FORMAT,
                    ("id",),
                    i18n._("id should be N-{year}-{seq:03d}").format(year=self.year, seq=self.seq),
                )
            )
        if self.date > today:
            out.append(
                Problem(
                    f.FUTURE_DATE,
                    ("date",),
                    i18n._("date {date} is in the future").format(date=self.date),
                )
            )
        return out
