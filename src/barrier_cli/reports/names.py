"""The tree as a document in one language names it: units, partners, people and settings.

An English document prints each unit's, partner's and standard item's ``name_en``, a
person's ``name_en`` or else their name in pinyin, family name first (杨帆 → Yang Fan), and
the English forms of the settings it prints (``organisation_en``, ``notice.issuer_en`` …
``cases.handover_levels_en``). A name or setting without an English form keeps its Chinese:
none is made up.

The change is made once, to the tree every document reads (`in_language`, applied where the
analysis, the notice, ``assess`` and ``due`` take their snapshot), so each section that
prints a name prints it in the document's language without knowing about languages. What
people wrote (summaries, causes, measures, places) is left as written: documents quote it.
A Chinese document gets the tree unchanged.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from barrier_cli.core.labels import Lang
from barrier_cli.core.models import Incident, Org, Settings, Standard
from barrier_cli.io.loader import Tree

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
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
    if not _HAN.search(name):
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
    return dataclasses.replace(
        tree,
        org=english_org(tree.org),
        settings=english_settings(tree.settings),
        standards={key: english_standard(s) for key, s in tree.standards.items()},
        incidents=[_handed_over(i, levels) for i in tree.incidents] if levels else tree.incidents,
        hazards=tree.hazards.model_copy(
            update={
                "hazards": [
                    h.model_copy(update={"name": h.name_en or h.name}) for h in tree.hazards.hazards
                ]
            }
        ),
    )


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
