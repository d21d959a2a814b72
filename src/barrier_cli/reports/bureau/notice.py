"""`barrier bureau notice`: the department's monthly 通报 of unit organisations falling short.

The source names five shortcomings; each is decided here from the figures of the monthly
analysis, and cited with that unit's own figures and record ids:

1. 安全教育存在死角死面 — a branch whose party members filed nothing all month.
2. 信息报告网络不畅、互联互动不协调、信息质量不高 — member-tier 漏报 above the threshold share.
3. 主要问题点和倾向性问题分析不准 — more of the month's reports unanalysed at month end
   (``analyse_days`` after they were observed) than the threshold share.
4. 深层次原因分析不透、整改措施针对性不强 — a typical case (general-A or worse, serious
   两违) without 交班, causes, responsibility, 责任追究 or measures at month end.
5. 薄弱党支部和党员包保转化情况分析不具体 — a pairing past its milestone without it, or
   without a review in 30 days.

What the bureau sends back names organisations (units and their branches) and cites record
ids; it never carries a person's id or name, of the unit itself or of any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from barrier_cli.core.i18n import in_lang
from barrier_cli.reports.bureau.analyze import BureauAnalysis
from barrier_cli.reports.bureau.models import Thresholds

SHORTCOMINGS: dict[int, str] = {
    1: "dead corners in safety education",
    2: "information network not flowing, poorly coordinated, low-quality information",
    3: "main problems and tendencies analysed inaccurately",
    4: "root causes not analysed deeply, measures not targeted",
    5: "weak branches and key-person pairings not analysed specifically",
}
"""The five shortcomings as the source words them, by code: msgids of the bureau catalogue."""
_GAPS = {
    "handed_over": "not handed over",
    "has_causes": "no causes",
    "has_responsibility": "no responsibility found",
    "has_accountability": "no accountability",
}


@dataclass(frozen=True)
class Shortcoming:
    code: int
    title: str
    figures: list[str]
    ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class UnitNotice:
    unit: str
    name: str
    system: str
    shortcomings: list[Shortcoming]


@dataclass(frozen=True)
class BureauNotice:
    month: str
    number: str
    issuer: str
    named: list[UnitNotice]
    clean: list[str]
    """Names of the included units with no shortcoming."""
    excluded: list[dict[str, Any]]


def draft_notice(
    analysis: BureauAnalysis,
    *,
    thresholds: Thresholds,
    issuer: str,
    number: str,
    lang: Literal["zh", "en"] = "zh",
) -> BureauNotice:
    year, month = analysis.month.split("-")
    named: list[UnitNotice] = []
    clean: list[str] = []
    for unit in analysis.units:
        found = shortcomings(analysis, unit, thresholds, lang)
        if found:
            named.append(UnitNotice(unit["unit"], unit["name"], unit["system"], found))
        else:
            clean.append(unit["name"])
    return BureauNotice(
        month=analysis.month,
        number=number.format(year=year, month=int(month), seq=int(month)),
        issuer=issuer,
        named=named,
        clean=clean,
        excluded=[{"unit": e["unit"], "name": e["name"]} for e in analysis.excluded],
    )


def shortcomings(
    analysis: BureauAnalysis, unit: dict[str, Any], thresholds: Thresholds, lang: str
) -> list[Shortcoming]:
    def say(message: str, **values: object) -> str:
        return in_lang(lang, message).format(**values)

    sep = in_lang(lang, ", ")
    out: list[Shortcoming] = []
    uid = unit["unit"]
    dead = [b for b in analysis.branches if b["unit"] == uid and b["expected"] and not b["reports"]]
    if dead:
        names = sep.join(b["name"] for b in dead)
        figure = say("{names}: no party member reported all month", names=names)
        out.append(Shortcoming(1, say(SHORTCOMINGS[1]), [figure]))
    if unit["member_expected"] and unit["missed_share"] > thresholds.missed_share:
        figure = say(
            "member tier missed {missed} of {expected} ({share}; limit {limit}), "
            "{short} members short",
            missed=unit["member_missed"],
            expected=unit["member_expected"],
            share=f"{unit['missed_share']:.0%}",
            limit=f"{thresholds.missed_share:.0%}",
            short=unit["members_short"],
        )
        out.append(Shortcoming(2, say(SHORTCOMINGS[2]), [figure]))
    reports = unit["reports"]
    if reports and unit["unanalysed"] / reports > thresholds.unanalysed_share:
        figure = say(
            "{late} of {reports} reports not analysed in time",
            late=unit["unanalysed"],
            reports=reports,
        )
        out.append(Shortcoming(3, say(SHORTCOMINGS[3]), [figure], list(unit["unanalysed_ids"])))
    cases = []
    for case in analysis.cases:
        if case["unit"] != uid:
            continue
        gaps = [say(text) for key, text in _GAPS.items() if not case[key]]
        if not case["measures"]:
            gaps.append(say("no measures"))
        if gaps:
            cases.append((case["id"], gaps))
    if cases:
        figures = [say("{case}: {gaps}", case=cid, gaps=sep.join(g)) for cid, g in cases]
        out.append(Shortcoming(4, say(SHORTCOMINGS[4]), figures, [cid for cid, _ in cases]))
    overdue, unreviewed = list(unit["overdue_ids"]), list(unit["unreviewed_ids"])
    if overdue or unreviewed:
        figures = []
        if overdue:
            figures.append(say("{n} pairings past a milestone", n=len(overdue)))
        if unreviewed:
            figures.append(say("{n} pairings without a review in 30 days", n=len(unreviewed)))
        out.append(Shortcoming(5, say(SHORTCOMINGS[5]), figures, sorted(set(overdue + unreviewed))))
    return out
