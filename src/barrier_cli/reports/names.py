"""The tree as a document in one language names it: units, partners, people and settings.

An English document prints each unit's, partner's and standard item's ``name_en``, a
person's ``name_en`` or else their name in pinyin, family name first (杨帆 → Yang Fan), and
the English forms of the settings it prints (``organisation_en``, ``notice.issuer_en`` …
``cases.handover_levels_en``). A name or setting without an English form keeps its Chinese:
none is made up.

What people wrote (summaries, causes, measures, places, findings …) is printed from its
``*_en`` field beside it (``summary_en``, ``cause_en``, ``action_en`` …). A record without
one is never translated: a report's summary and a case's title are composed from what the
record holds as data (category, class, train, car, people: "vehicle fault on wagon C70E
4310192 of train 81582"), and any other text is quoted in Chinese as the record's own words,
marked so ("in Chinese in the record: …"). Text with no Chinese in it is English already.

The change is made once, to the tree every document reads (`in_language`, applied where the
analysis, the notice, ``assess`` and ``due`` take their snapshot), so each section that
prints a name or a record's words prints them in the document's language without knowing
about languages. A Chinese document gets the tree unchanged.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from pydantic import BaseModel

from barrier_cli.core.labels import Lang, label
from barrier_cli.core.models import (
    Competence,
    Incident,
    KeyPerson,
    NoticeEntry,
    Org,
    Priorities,
    Report,
    Settings,
    Standard,
)
from barrier_cli.core.models.common import Action
from barrier_cli.core.models.incident import IncidentAnalysis
from barrier_cli.io.loader import EarlierReport, Tree

M = TypeVar("M", bound=BaseModel)

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PADDING = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")

# Surnames read otherwise than the same character in a word (pypinyin has no surname mode):
# 单 is dān in a word and Shàn as a name, 曾 céng and Zēng, 解 jiě and Xiè. Compound surnames
# are one word: 欧阳娜娜 → Ouyang Nana.
_SURNAMES = {
    "万俟": "moqi",
    "尉迟": "yuchi",
    "单于": "chanyu",
    "长孙": "zhangsun",
    "澹台": "tantai",
    "欧阳": "ouyang",
    "司马": "sima",
    "诸葛": "zhuge",
    "上官": "shangguan",
    "东方": "dongfang",
    "皇甫": "huangfu",
    "令狐": "linghu",
    "慕容": "murong",
    "宇文": "yuwen",
    "司徒": "situ",
    "夏侯": "xiahou",
    "公孙": "gongsun",
    "轩辕": "xuanyuan",
    "端木": "duanmu",
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "区": "ou",
    "仇": "qiu",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "翟": "zhai",
    "乐": "yue",
    "覃": "qin",
    "缪": "miao",
    "秘": "bi",
    "种": "chong",
    "繁": "po",
    "折": "she",
    "都": "du",
    "六": "lu",
    "薄": "bo",
    "重": "chong",
    "粘": "nian",
    "藏": "zang",
    "乜": "nie",
    "卜": "bu",
    "员": "yun",
    "召": "shao",
    "句": "gou",
    "阚": "kan",
    "隗": "wei",
    "长": "chang",
}
_COMPOUND = max(len(s) for s in _SURNAMES)


@cache
def romanised(name: str) -> str:
    """A Chinese personal name in pinyin as English text prints it: family name first, each
    part capitalised, syllables of a part joined (杨帆 → Yang Fan, 欧阳晓安 → Ouyang Xiao'an,
    单雪 → Shan Xue). A name without Chinese characters is returned as it is."""
    if not HAN.search(name):
        return name
    parts = [p for p in re.split(r"\s*[·•・]\s*", name.strip()) if p]
    if len(parts) > 1:  # 阿依古丽·买买提: a transcribed name, each part one word
        return " ".join(_word(_syllables(p)) for p in parts)
    # 王  强: a two-character name padded to the width of a three-character one in a table
    name = _PADDING.sub("", name.strip())
    for size in range(min(_COMPOUND, len(name) - 1), 0, -1):
        if (family := _SURNAMES.get(name[:size])) is not None:
            return f"{_word([family])} {_word(_syllables(name[size:]))}"
    if len(name) == 1:
        return _word(_syllables(name))
    return f"{_word(_syllables(name[0]))} {_word(_syllables(name[1:]))}"


def _syllables(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="default")


def _word(syllables: list[str]) -> str:
    """Syllables joined into one word; an apostrophe where a syllable beginning with a, o or
    e would run into the one before it (Xi'an, not Xian)."""
    word = ""
    for s in syllables:
        word += ("'" if word and s[:1] in ("a", "o", "e") else "") + s
    return word[:1].upper() + word[1:]


def in_language(tree: Tree, lang: Lang) -> Tree:
    """``tree`` with the names its documents print in ``lang``; the same tree for zh.

    Applying it twice gives what applying it once gives: the notice takes its view and then
    hands it to `assess`, which takes the view of what it is given.
    """
    if lang != "en":
        return tree
    levels = _handover_names(tree.settings)
    org = english_org(tree.org)
    people = {p.id: p.name for p in org.people}
    incidents = [english_incident(i, people) for i in tree.incidents]
    return dataclasses.replace(
        tree,
        org=org,
        settings=english_settings(tree.settings),
        standards={key: english_standard(s) for key, s in tree.standards.items()},
        reports=[english_report(r, people) for r in tree.reports],
        earlier=[english_earlier(e) for e in tree.earlier],
        incidents=[_handed_over(i, levels) for i in incidents] if levels else incidents,
        competence=[english_competence(c) for c in tree.competence],
        key_persons=[english_key_person(k) for k in tree.key_persons],
        rewards=[_with(w, reason=(w.reason_en, w.reason)) for w in tree.rewards],
        priorities=[english_priorities(p) for p in tree.priorities],
        notices=[english_notice(n, tree.settings.notice.number_en) for n in tree.notices],
        hazards=tree.hazards.model_copy(
            update={
                "hazards": [
                    h.model_copy(
                        update={
                            "name": h.name_en or h.name,
                            "control": h.control_en or h.control,
                            # no English aim: the title is made from the name, not quoted
                            "aim": h.aim_en,
                        }
                    )
                    for h in tree.hazards.hazards
                ]
            }
        ),
    )


_HAN_MARK = "in Chinese in the record: "


def as_written(english: str | None, written: str) -> str:
    """``english`` if the record gives it; else what it wrote when that holds no Chinese;
    else its Chinese, marked as the record's own words (nothing is made up)."""
    if english is not None:
        return english
    if not HAN.search(written):
        return written
    return f"({_HAN_MARK}{written})"


def _with(model: M, **pairs: tuple[str | None, str | None]) -> M:
    """``model`` with each field set from its English, or as `as_written`, and its ``*_en``
    set to the same (so that the view of the view is the view)."""
    update: dict[str, str | None] = {}
    for name, (english, written) in pairs.items():
        if written is None:
            continue
        update[name] = update[f"{name}_en"] = as_written(english, written)
    return model.model_copy(update=update)


def _each(models: list[M], change: Callable[[M], M]) -> list[M]:
    return [change(m) for m in models]


def english_action(action: Action) -> Action:
    out = _with(action, action=(action.action_en, action.action))
    out._written = action.written
    return out


def english_earlier(report: EarlierReport) -> EarlierReport:
    """An earlier report's open work (`Tree.earlier`) as `english_report` words a report."""
    return dataclasses.replace(
        report,
        summary=as_written(report.summary_en, report.summary),
        summary_en=as_written(report.summary_en, report.summary),
        actions=tuple((n, english_action(a)) for n, a in report.actions),
    )


def english_report(report: Report, people: dict[str, str]) -> Report:
    summary = report.summary_en or _composed_summary(report, people)
    out = _with(
        report,
        summary=(summary, report.summary),
        details=(report.details_en, report.details),
        location=(report.location_en, report.location),
    )
    update: dict[str, object] = {"actions": _each(report.actions, english_action)}
    if report.analysis is not None:
        analysis = report.analysis
        update["analysis"] = _with(analysis, cause=(analysis.cause_en, analysis.cause))
    view = out.model_copy(update=update)
    view._written = report.written
    return view


def _composed_summary(report: Report, people: dict[str, str]) -> str | None:
    """What a report without an English summary is about, from its data: "vehicle fault on
    wagon C70E 4310192 of train 81582"; None when its data says no more than its category
    (its summary is then quoted as written)."""
    if not HAN.search(report.summary):
        return None
    parts = [label("category", report.category, "en")]
    if report.vehicle:
        parts.append(f"on wagon {report.vehicle}")
    if report.train:
        parts.append(f"{'of' if report.vehicle else 'on'} train {report.train}")
    if report.persons:
        parts.append("involving " + _joined([people.get(p, p) for p in report.persons]))
    if report.location_en:
        parts.append(f"at {report.location_en}")
    return " ".join(parts) if len(parts) > 1 else None


def english_incident(incident: Incident, people: dict[str, str]) -> Incident:
    title = incident.title_en or _composed_title(incident, people)
    out = _with(
        incident,
        title=(title, incident.title),
        location=(incident.location_en, incident.location),
        description=(incident.description_en, incident.description),
    )
    update: dict[str, object] = {
        "timeline": [_with(t, event=(t.event_en, t.event)) for t in incident.timeline],
        "causes": [_with(c, text=(c.text_en, c.text)) for c in incident.causes],
        "responsibility": [
            _with(r, finding=(r.finding_en, r.finding), action=(r.action_en, r.action))
            for r in incident.responsibility
        ],
        "measures": _each(incident.measures, english_action),
        "education": [_with(e, content=(e.content_en, e.content)) for e in incident.education],
        "accountability": [
            _with(a, detail=(a.detail_en, a.detail)) for a in incident.accountability
        ],
    }
    if incident.analysis is not None:
        update["analysis"] = _english_analysis(incident.analysis)
    return out.model_copy(update=update)


def _english_analysis(analysis: IncidentAnalysis) -> IncidentAnalysis:
    levels = analysis.levels
    meeting = analysis.meeting
    return _with(
        analysis,
        chain=(analysis.chain_en, analysis.chain),
        effect=(analysis.effect_en, analysis.effect),
    ).model_copy(
        update={
            "levels": _with(
                levels,
                general_branch=(levels.general_branch_en, levels.general_branch),
                branch=(levels.branch_en, levels.branch),
                member=(levels.member_en, levels.member),
            ),
            "meeting": None
            if meeting is None
            else _with(meeting, kind=(meeting.kind_en, meeting.kind)),
        }
    )


def _composed_title(incident: Incident, people: dict[str, str]) -> str | None:
    """A case without an English title named from its data: "general class A accident on
    train 33062", "serious rule violation by Sun Hao"; None when its data say no more than
    its kind (the documents say the kind already: its title is then quoted as written)."""
    if not HAN.search(incident.title):
        return None
    said = []
    if incident.violation is not None:
        v = incident.violation
        said.append(f"by {people.get(v.person, v.person)}")
        what = f"{label('severity', v.severity, 'en')} {label('violation_kind', v.kind, 'en')}"
    elif incident.type == "accident" and incident.class_ is not None:
        what = label("accident_class", incident.class_, "en") + " accident"
    else:
        what = label("category", "near_miss", "en")
    if incident.train:
        said.append(f"on train {incident.train}")
    if incident.location_en:
        said.append(f"at {incident.location_en}")
    return " ".join([what, *said]) if said else None


def english_notice(entry: NoticeEntry, number_en: str | None) -> NoticeEntry:
    """An issued notice named by the English form of its number (车间党总支〔2025〕2号 →
    WGPB [2025] No. 2) when the settings give one; its frozen content is as issued."""
    if number_en is None or not HAN.search(entry.number):
        return entry
    number = number_en.format(year=entry.year, seq=entry.seq)
    return entry.model_copy(update={"number": number})


def english_competence(check: Competence) -> Competence:
    title = check.title_en
    if title is None and HAN.search(check.title):
        title = label("competence_kind", check.kind, "en")
    return _with(check, title=(title, check.title))


def english_key_person(person: KeyPerson) -> KeyPerson:
    return person.model_copy(
        update={"signals": [_with(s, note=(s.note_en, s.note)) for s in person.signals]}
    )


def english_priorities(priorities: Priorities) -> Priorities:
    items = []
    for item in priorities.items:
        out = _with(item, content=(item.content_en, item.content))
        measures = _lines(item.measures_en, item.measures)
        evidence = _lines(item.evidence_en, item.evidence)
        terms = [_with(t, name=(t.name_en, t.name)) for t in item.terms] if item.terms else None
        view = out.model_copy(
            update={
                "measures": measures,
                "measures_en": measures,
                "terms": terms,
                "evidence": evidence,
                "evidence_en": evidence,
            }
        )
        view._written = item.written
        items.append(view)
    return priorities.model_copy(update={"items": items})


def _lines(english: list[str] | None, written: list[str]) -> list[str]:
    """Line by line: an English list of another length than the Chinese is not used
    (`check` says so)."""
    given = english if english is not None and len(english) == len(written) else None
    return [as_written(given[n] if given else None, w) for n, w in enumerate(written)]


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_COMMON_NOUN = re.compile(r"[A-Z][\w-]*(?: [\w-]+)* [a-z]+")
"""A unit's English name that ends in a common noun (Shift 1 branch), not a proper name
(Shift 1 Group 1, Workshop General Party Branch)."""


def english_unit(name: str) -> str:
    """A unit's English name as running text says it: a name ending in a common noun takes
    its article (the Shift 1 branch: "2 in the Shift 4 branch"), a proper name none. Tables,
    headings and list heads print the name as the org gives it (a cell or a line opening
    with "the" reads wrong), so the view keeps that and a sentence asks for this. A Chinese
    name (三班党支部) has no such ending and is returned as it is."""
    return "the " + name if _COMMON_NOUN.fullmatch(name) else name


def english_org(org: Org) -> Org:
    return org.model_copy(
        update={
            "units": [u.model_copy(update={"name": u.name_en or u.name}) for u in org.units],
            "partners": [p.model_copy(update={"name": p.name_en or p.name}) for p in org.partners],
            "people": [
                p.model_copy(
                    # a post is free Chinese text with no English form: the documents then
                    # say the person's role, or nothing
                    update={"name": p.name_en or romanised(p.name), "post": None}
                )
                for p in org.people
            ],
        }
    )


def english_standard(standard: Standard) -> Standard:
    return standard.model_copy(
        update={
            "name": standard.name_en or standard.name,
            "aspects": [
                aspect.model_copy(
                    update={
                        "name": aspect.name_en or aspect.name,
                        "items": [
                            item.model_copy(update={"name": item.name_en or item.name})
                            for item in aspect.items
                        ],
                    }
                )
                for aspect in standard.aspects
            ],
        }
    )


def english_settings(settings: Settings) -> Settings:
    notice = settings.notice
    levels = _handover_names(settings)
    cases = settings.cases
    return settings.model_copy(
        update={
            "organisation": settings.organisation_en or settings.organisation,
            "notice": notice.model_copy(
                update={
                    "issuer": notice.issuer_en or notice.issuer,
                    "number": notice.number_en or notice.number,
                    "recipients": _either(notice.recipients_en, notice.recipients),
                    "authority": notice.authority_en or notice.authority,
                    "copy_to": _either(notice.copy_to_en, notice.copy_to),
                    "printer": notice.printer_en or notice.printer,
                }
            ),
            "cases": cases.model_copy(
                update={
                    "handover_levels": [levels.get(v, v) for v in cases.handover_levels],
                    "handover": {k: levels.get(v, v) for k, v in cases.handover.items()},
                }
            ),
        }
    )


def _either(english: list[str] | None, given: list[str]) -> list[str]:
    """An English list replaces the whole list (two recipients may be one in English)."""
    return given if english is None else english


def _handover_names(settings: Settings) -> dict[str, str]:
    english = settings.cases.handover_levels_en
    return dict(zip(settings.cases.handover_levels, english, strict=True)) if english else {}


def _handed_over(incident: Incident, levels: dict[str, str]) -> Incident:
    handover = incident.handover
    if handover is None or handover.level not in levels:
        return incident
    return incident.model_copy(
        update={"handover": handover.model_copy(update={"level": levels[handover.level]})}
    )
