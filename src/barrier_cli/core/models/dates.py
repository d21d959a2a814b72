"""Dates in the order things happen: nothing is done, analysed, reviewed or amended before the
record it belongs to began, and nothing is closed before it was analysed.

Kept apart from each kind's own rules so that one reading of "before" serves them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from barrier_cli.core import findings as f
from barrier_cli.core import i18n, models
from barrier_cli.core.models.common import Action, Loc, Model, Problem, Signed

if TYPE_CHECKING:
    from barrier_cli.core.models import Assessment, Incident, NoticeEntry, Pairing, Report

# Dispatch by the model's exported name: an isinstance test would import every model, and
# checking one record (an add) builds only its own.
_DATED = frozenset({"Report", "Incident", "Assessment", "NoticeEntry"})


def own_date(record: Model) -> dt.date | None:
    """The day a record begins: when it was observed, happened, started or was made."""
    name = models.exported_name(record)
    if name in _DATED:
        return cast("Report | Incident | Assessment | NoticeEntry", record).date
    if name == "Pairing":
        return cast("Pairing", record).start
    return None


def date_order_problems(record: Model, *, today: dt.date) -> list[Problem]:
    """Every date of ``record`` that comes before the one it follows."""
    begun = own_date(record)
    if begun is None:
        return []
    out = list(_signed(record, begun, today))
    name = models.exported_name(record)
    if name == "Report":
        record = cast("Report", record)
        out.extend(_actions(record.actions, "actions", begun))
        # closed before the report itself is `closed-date`'s: one finding for one wrong date
        if record.analysis is not None and record.closed is not None and record.closed >= begun:
            out.extend(
                _after(("closed",), record.closed, record.analysis.date, "closed", "analysed")
            )
    elif name == "Incident":
        record = cast("Incident", record)
        out.extend(_actions(record.measures, "measures", begun))
        meeting = record.analysis.meeting if record.analysis is not None else None
        if meeting is not None:
            out.extend(
                _after(
                    ("analysis", "meeting", "date"), meeting.date, begun, "analysed", "it happened"
                )
            )
            if record.closed is not None and record.closed >= begun:
                out.extend(_after(("closed",), record.closed, meeting.date, "closed", "analysed"))
        for n, edu in enumerate(record.education):
            out.extend(_after(("education", n, "date"), edu.date, begun, "educated", "it happened"))
        for n, acc in enumerate(record.accountability):
            out.extend(
                _after(
                    ("accountability", n, "date"), acc.date, begun, "held to account", "it happened"
                )
            )
        if record.handover is not None:
            out.extend(
                _after(
                    ("handover", "date"), record.handover.date, begun, "handed over", "it happened"
                )
            )
    elif name == "Pairing":
        record = cast("Pairing", record)
        for n, review in enumerate(record.reviews):
            out.extend(_after(("reviews", n, "date"), review.date, begun, "reviewed", "the start"))
    return out


def _after(loc: Loc, day: dt.date, earliest: dt.date, did: str, what: str) -> Iterator[Problem]:
    if day < earliest:
        yield Problem(
            f.DATE_ORDER,
            loc,
            i18n._("{did} on {day}, before {what} ({earliest})").format(
                did=i18n._(did), day=day, what=i18n._(what), earliest=earliest
            ),
            i18n._("check the date: it cannot come before that"),
        )


def _actions(actions: list[Action], field: str, begun: dt.date) -> Iterator[Problem]:
    for n, act in enumerate(actions):
        if act.done is not None:
            yield from _after((field, n, "done"), act.done, begun, "done", "the record's date")


def _signed(record: Model, begun: dt.date, today: dt.date) -> Iterator[Problem]:
    signed: list[tuple[Loc, Signed]] = [
        (("amendments", n, "date"), a) for n, a in enumerate(getattr(record, "amendments", []))
    ]
    withdrawn: Signed | None = getattr(record, "withdrawn", None)
    if withdrawn is not None:
        signed.append((("withdrawn", "date"), withdrawn))
    for loc, entry in signed:
        what = "withdrawn" if loc[0] == "withdrawn" else "amended"
        if entry.date > today:
            yield Problem(
                f.FUTURE_DATE,
                loc,
                i18n._("{what} on {date}, which is in the future").format(
                    what=i18n._(what), date=entry.date
                ),
            )
        else:
            yield from _after(loc, entry.date, begun, what, "the record's date")
