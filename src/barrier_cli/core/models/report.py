"""Report (安全信息): one piece of safety information from the three-tier network."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import (
    Action,
    Content,
    Day,
    LocalId,
    Model,
    OneLine,
    PartnerId,
    PersonId,
    Problem,
    RecordModel,
    Text,
    UnitId,
    action_problems,
    empty_list,
    open_actions,
)

Level = Literal["member", "group", "branch"]
Source = Literal["on_site", "cadre_patrol", "joint_labour", "briefing", "other"]
Element = Literal["equipment", "personnel", "management"]
Category = Literal["hazard", "violation", "fault", "near_miss", "quality", "suggestion", "other"]
Key = Literal["train", "group", "post", "link", "person"]
Risk = Literal["low", "medium", "high"]
ReportStatus = Literal["open", "analysed", "rectifying", "closed"]
REPORT_ID = r"^R-[0-9]{8}-[0-9A-Z]{4}$"
ShortText = Annotated[str, Field(min_length=1, max_length=100)]


class Analysis(Model):
    date: Day
    by: PersonId
    cause: Annotated[Text, Field(min_length=1), Content]
    cause_en: Text | None = None


class Adoption(Model):
    """A suggestion (合理化建议) the general branch adopted (予以采纳): the answer its
    proposers are owed says so, and only a record can."""

    date: Day
    by: PersonId


class Report(RecordModel):
    id: Annotated[str, Field(pattern=REPORT_ID)]
    date: Day
    reporter: PersonId
    unit: UnitId | None = None
    level: Level = "member"
    source: Source
    partner: PartnerId | None = None
    element: Element
    category: Category
    keys: list[Key] = empty_list()
    risk: Risk = "medium"
    train: ShortText | None = None
    vehicle: ShortText | None = None
    location: ShortText | None = None
    location_en: ShortText | None = None
    persons: list[PersonId] = empty_list()
    summary: OneLine
    hazard: LocalId | None = Field(
        default=None, description="the hazard log entry it shows (hazards.yaml), if named"
    )
    summary_en: OneLine | None = None
    details: Text | None = None
    details_en: Text | None = None
    status: ReportStatus = "open"
    analysis: Analysis | None = None
    actions: list[Action] = empty_list()
    closed: Day | None = None
    commend: bool = False
    adopted: Adoption | None = None
    links: list[LocalId] = empty_list()
    filed: Day | None = Field(
        default=None, description="when it was written down, if after the day observed"
    )
    _written: str | None = PrivateAttr(default=None)

    @property
    def written(self) -> str:
        """The summary in the record's own words, when a language view put another text in
        its place (`reports.names.in_language`): a one-word report is one in any language."""
        # pydantic's private store read directly: ``self._written`` goes through
        # BaseModel.__getattr__, some thirty times slower, and the analysis asks every record
        private = self.__pydantic_private__
        given: str | None = private.get("_written") if private else None
        return given if given is not None else self.summary

    def problems(self, *, today: dt.date) -> list[Problem]:
        """Rules a report breaks on its own (SPEC §2 'Report')."""
        out: list[Problem] = []
        if self.date > today:
            out.append(
                Problem(
                    f.FUTURE_DATE,
                    ("date",),
                    i18n._("date {date} is in the future").format(date=self.date),
                    i18n._("'date' is when it was observed"),
                )
            )
        if self.filed is not None and not self.date <= self.filed <= today:
            out.append(
                Problem(
                    f.VALUE,
                    ("filed",),
                    i18n._("filed {filed} is before the date observed or after today").format(
                        filed=self.filed
                    ),
                )
            )
        if self.source == "cadre_patrol" and not self.keys:
            out.append(
                Problem(
                    f.PATROL_KEYS,
                    ("source",),
                    i18n._("a cadre patrol names none of the five keys it watched"),
                    i18n._("add 'keys: [train, group, post, link, person]' (those watched)"),
                )
            )
        if self.source == "joint_labour" and self.partner is None:
            out.append(
                Problem(
                    f.MISSING,
                    ("source",),
                    i18n._("source 'joint_labour' needs a 'partner'"),
                    i18n._("add 'partner: <partner id from org.yaml>'"),
                )
            )
        if self.status != "open" and self.analysis is None:
            out.append(
                Problem(
                    f.NEEDS_ANALYSIS,
                    ("status",),
                    i18n._("status '{status}' needs an 'analysis' (date, by, cause)").format(
                        status=self.status
                    ),
                )
            )
        if self.analysis is not None:
            if self.analysis.date > today:
                out.append(
                    Problem(
                        f.FUTURE_DATE,
                        ("analysis", "date"),
                        i18n._("analysis date {date} is in the future").format(
                            date=self.analysis.date
                        ),
                    )
                )
            elif self.analysis.date < self.date:
                out.append(
                    Problem(
                        f.VALUE,
                        ("analysis", "date"),
                        i18n._("analysed on {date}, before the report's date").format(
                            date=self.analysis.date
                        ),
                    )
                )
        out.extend(action_problems(self.actions, "actions", today=today))
        out.extend(closed_problems(self.status == "closed", self.closed, self.date, today))
        if self.status == "closed":
            for n in open_actions(self.actions):
                out.append(
                    Problem(
                        f.ACTION_NOT_DONE,
                        ("actions", n),
                        i18n._("closed while actions[{n}] is not done").format(n=n),
                        i18n._("set 'done: YYYY-MM-DD' or reopen the report"),
                    )
                )
        return out


def closed_problems(
    is_closed: bool, closed: dt.date | None, opened: dt.date, today: dt.date
) -> list[Problem]:
    """The `closed` date goes with the closed status, never before the record's own date."""
    if is_closed and closed is None:
        return [
            Problem(f.CLOSED_DATE, ("status",), i18n._("status 'closed' needs a 'closed' date"))
        ]
    if closed is None:
        return []
    if not is_closed:
        return [
            Problem(
                f.CLOSED_DATE, ("closed",), i18n._("a 'closed' date but the status is not 'closed'")
            )
        ]
    if closed < opened:
        return [
            Problem(
                f.CLOSED_DATE,
                ("closed",),
                i18n._("closed on {closed}, before {opened}").format(closed=closed, opened=opened),
            )
        ]
    if closed > today:
        return [
            Problem(
                f.FUTURE_DATE,
                ("closed",),
                i18n._("closed date {closed} is in the future").format(closed=closed),
            )
        ]
    return []
