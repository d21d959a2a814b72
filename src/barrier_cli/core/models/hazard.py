"""hazards.yaml (optional): the hazard log (安全风险库), what keeps happening, named once.

Rail and aviation safety systems keep such a log so that one hazard, however each report
words it, is counted as one: "邻线来车时个别作业人员未及时下道避让" and "信号楼未及时通知
邻线接车，作业人员险些来不及避让" are the one hazard 邻线来车避让不及时. A report names its
hazard with ``hazard: <id>``; one that does not is matched by the log's ``phrases`` (each a
piece of a summary), and only when exactly one hazard matches: an explicit field wins, and an
ambiguous summary stays unmatched, grouped by its own words as before.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import LocalId, Model, OneLine, Problem, empty_list

Element = Literal["equipment", "personnel", "management"]
Phrase = Annotated[str, Field(min_length=2, max_length=100, pattern=r"^[^\n]*\S[^\n]*$")]


class Hazard(Model):
    id: LocalId
    name: OneLine
    """A 公文 noun phrase: 邻线来车避让不及时."""
    name_en: OneLine | None = None
    element: Element
    phrases: list[Phrase] = empty_list()
    control: OneLine | None = None
    """The standing control measure (卡控措施) against it: what a priority against the hazard
    orders."""
    control_en: OneLine | None = None
    aim: OneLine | None = None
    """What a priority against it sets out to do, worded as its title (杜绝……重复发生): a
    title made from the name alone cannot say it as a sentence in every language."""
    aim_en: OneLine | None = None


class HazardLog(Model):
    hazards: list[Hazard] = empty_list()

    def problems(self, *, today: dt.date) -> list[Problem]:
        out: list[Problem] = []
        seen: set[str] = set()
        for n, hazard in enumerate(self.hazards):
            if hazard.id in seen:
                out.append(
                    Problem(
                        f.DUPLICATE_ID,
                        ("hazards", n, "id"),
                        i18n._("hazard '{id}' is listed twice").format(id=hazard.id),
                    )
                )
            seen.add(hazard.id)
        return out

    def ids(self) -> set[str]:
        return {h.id for h in self.hazards}

    def of(self, hazard: str | None, summary: str) -> str | None:
        """The hazard a report shows: its own ``hazard`` field if it names one, else the one
        hazard whose phrases its summary holds; None when none or several do."""
        if hazard is not None:
            return hazard
        found = {h.id for h in self.hazards for p in h.phrases if p in summary}
        return found.pop() if len(found) == 1 else None
