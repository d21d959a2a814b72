"""Key-person register (安全关键人): proposed from the signals, confirmed by the branch,
paired (包保对子), then turned around or not."""

from __future__ import annotations

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
    UnitId,
)
from barrier_cli.core.models.settings import KeyPersonRules

Signal = Literal["violation", "quality", "precursor", "competence", "few_finds", "other"]
"""两违, 检修质量反馈, 事故苗子, a failed 一口清/一手精 check, 发现故障少, or what the branch
saw itself (an unsettled attitude: say what in ``note``)."""
KeyStatus = Literal["proposed", "confirmed", "paired", "turned", "not_turned"]
KEY_PERSON_ID = r"^K-[0-9]{8}-[0-9A-Z]{2}$"


class KeySignal(Model):
    kind: Signal
    ref: str | None = None
    """The record that shows it (a report, an incident, a competence check)."""
    note: OneLine | None = None
    note_en: OneLine | None = None


class KeyPerson(RecordModel):
    id: Annotated[str, Field(pattern=KEY_PERSON_ID)]
    person: PersonId
    unit: UnitId
    proposed: Day
    signals: list[KeySignal] = Field(min_length=1)
    status: KeyStatus = "proposed"
    confirmed: Day | None = None
    by: PersonId | None = None
    pairing: str | None = None
    closed: Day | None = None

    def problems(self, *, today: dt.date, rules: KeyPersonRules) -> list[Problem]:
        out: list[Problem] = []
        for name in ("proposed", "confirmed", "closed"):
            value = getattr(self, name)
            if value is not None and value > today:
                out.append(
                    Problem(
                        f.FUTURE_DATE,
                        (name,),
                        i18n._("{name} {value} is in the future").format(name=name, value=value),
                    )
                )
        if self.confirmed is not None and self.confirmed < self.proposed:
            out.append(Problem(f.VALUE, ("confirmed",), i18n._("confirmed before it was proposed")))
        if self.status != "proposed" and (self.confirmed is None or self.by is None):
            out.append(
                Problem(
                    f.MISSING,
                    ("status",),
                    i18n._(
                        "status '{status}' needs 'confirmed' (date) and 'by' (who confirmed)"
                    ).format(status=self.status),
                )
            )
        if self.status in ("paired", "turned", "not_turned") and self.pairing is None:
            out.append(
                Problem(
                    f.MISSING,
                    ("status",),
                    i18n._("status '{status}' needs 'pairing'").format(status=self.status),
                )
            )
        if self.status in ("turned", "not_turned") and self.closed is None:
            out.append(
                Problem(
                    f.MISSING,
                    ("status",),
                    i18n._("status '{status}' needs 'closed'").format(status=self.status),
                )
            )
        if (
            self.status == "confirmed"
            and self.pairing is None
            and self.confirmed is not None
            and (today - self.confirmed).days > rules.pair_days
        ):
            out.append(
                Problem(
                    f.KEY_PERSON_UNPAIRED,
                    ("status",),
                    i18n._(
                        "confirmed {confirmed} and still not paired after {days} days (allowed: {pair_days})"
                    ).format(
                        confirmed=self.confirmed,
                        days=(today - self.confirmed).days,
                        pair_days=rules.pair_days,
                    ),
                    i18n._("pair with a party member of the same group: barrier pairing add"),
                )
            )
        return out
