"""Why someone is (or is proposed as) a key person (安全关键人), said as a 公文 says it: each
event by its date and what the person did (10月21日检查33058次时漏检第12位车闸瓦插销), never a
pasted record title with the person's name and its category repeated. The analysis and the
notice both print these grounds."""

from __future__ import annotations

import datetime as dt
import re

from barrier_cli.core import i18n
from barrier_cli.core.labels import Lang, label
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import KeyCandidate
from barrier_cli.reports.deficiencies import say_day


def key_person_grounds(
    tree: Tree, candidate: KeyCandidate, lang: Lang, year: int, repeats: int = 0
) -> list[str]:
    """The grounds of ``candidate``, one phrase each: the repeat count (``repeats``, the
    violations of the last three months when two or more), then each dated event in date
    order, then the undated signals (few faults found). Dates of ``year`` drop the year."""
    months = tree.settings.key_persons.months
    out: list[str] = []
    with i18n.using(lang):
        if repeats >= 2:
            out.append(
                i18n._(
                    "broke the rules {n} times in the last three months (a repeat violator)"
                ).format(n=i18n.counted(repeats, lang))
            )
        dated = sorted(
            (s for s in candidate.signals if s.ref is not None),
            key=lambda s: (s.date or dt.date.min, s.ref or ""),
        )
        # checks failed on one day are one clause with the day once (9月22日“应知一口清”
        # “应会一手精”考核均不合格), two at a time, where the day's first stood
        events: list[tuple[str, list[str]]] = []
        for s in dated:
            what = _what(tree, s.ref or "", candidate.name, lang)
            if what is None:
                continue
            day = say_day(s.date, lang, year) if s.date is not None else ""
            if s.kind != "competence":
                events.append((i18n._("{day}: {what}").format(day=day, what=what), []))
            elif events and events[-1][0] == day and events[-1][1]:
                events[-1][1].append(what)
            else:
                events.append((day, [what]))
        for said, checks in events:
            if not checks:
                out.append(said)
            for n in range(0, len(checks), 2):
                pair = checks[n : n + 2]
                if len(pair) == 2:
                    text = i18n._("failed both the “{what}” and the “{other}” on {day}")
                    out.append(text.format(what=pair[0], other=pair[1], day=said))
                else:
                    text = i18n._("failed the “{what}” on {day}")
                    out.append(text.format(what=pair[0], day=said))
        if any(s.kind == "few_finds" for s in candidate.signals):
            said = (
                i18n._("found far fewer faults than the group's average in the last three months")
                if months == 3
                else i18n._(
                    "found far fewer faults than the group's average in the last {n} months"
                ).format(n=months)
            )
            out.append(said)
    return out


_ACTORS = ("inspector", "worker")
"""The generic doer a report's summary opens with (检车员横越线路…, 作业人员着装不整…): the
row or sentence already names the person, so the grounds say only what they did."""


def _what(tree: Tree, ref: str, name: str, lang: Lang) -> str | None:
    """What the record ``ref`` says the person did, their name or the generic doer taken off
    its front (the row or sentence already names them)."""
    text: str | None = None
    for i in tree.incidents:
        if i.id == ref:
            text = i.title
    if text is None:
        for r in tree.reports:
            if r.id == ref:
                text = r.summary
    if text is None:
        for c in tree.competence:
            if c.id == ref:
                return label("competence_kind", c.kind, lang)
        return None
    text = text.strip().rstrip("。.")
    if name and text.startswith(name):
        return text[len(name) :].lstrip("，, ")
    return without_doer(text, lang)


def without_doer(text: str, lang: Lang) -> str:
    """``text`` without the generic doer it opens with (检车员横越线路… → 横越线路…)."""
    catalogue = i18n.translations(lang)
    for actor in (catalogue.pgettext("actor", a) for a in _ACTORS):
        # a word of its own: "inspector crossed…", 检车员横越…; never "inspectors' hut"
        rest = text[len(actor) :]
        if text.startswith(actor) and rest and (not actor.isascii() or rest[0] == " "):
            return rest.lstrip()
    return text


def conduct(summary: str, lang: Lang) -> str:
    """What a report says was done, as the conduct itself: 作业人员着装不整，防护服未系扣 is
    着装不整 (the doer off, and its first clause only: a comma inside quotation marks does not
    end it)."""
    text = without_doer(summary.strip().rstrip("。."), lang)
    clause = re.match(r"(?:“[^”]*”|‘[^’]*’|[^，,])+", text)
    return clause.group(0).strip() if clause else text
