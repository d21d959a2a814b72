"""The language view of a tree (`reports.names`): English names where the records give them,
pinyin for people, the Chinese kept where nothing is given, and zh untouched."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from barrier_cli.core.models import Org, Settings
from barrier_cli.core.models.incident import handover_high_enough
from barrier_cli.io.loader import Tree
from barrier_cli.reports.names import in_language, romanised
from minitree import ORG, build, incident


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("杨帆", "Yang Fan"),
        ("孙浩", "Sun Hao"),
        ("王建国", "Wang Jianguo"),
        # surnames read otherwise as surnames than in words (单 dān, 曾 céng, 解 jiě …)
        ("单雪", "Shan Xue"),
        ("曾强", "Zeng Qiang"),
        ("解放", "Xie Fang"),
        ("区志坚", "Ou Zhijian"),
        ("仇杰", "Qiu Jie"),
        ("朴成", "Piao Cheng"),
        ("查良", "Zha Liang"),
        ("盖军", "Ge Jun"),
        ("翟明", "Zhai Ming"),
        ("乐平", "Yue Ping"),
        ("覃勇", "Qin Yong"),
        ("缪红", "Miao Hong"),
        # compound surnames are one word; 单于 is Chanyu, not Shan Yu
        ("欧阳娜娜", "Ouyang Nana"),
        ("司马光", "Sima Guang"),
        ("单于靖", "Chanyu Jing"),
        ("尉迟敬德", "Yuchi Jingde"),
        # a two-character name that begins like a compound is a surname and a given name
        ("单于", "Shan Yu"),
        # ü, and the apostrophe where syllables would run together
        ("吕晓安", "Lü Xiao'an"),
        ("张海鸥", "Zhang Hai'ou"),
        # a transcribed name keeps its parts; padding is no part; letters stay as written
        ("阿依古丽·买买提", "Ayiguli Maimaiti"),
        ("王  强", "Wang Qiang"),
        ("Anna Li", "Anna Li"),
    ],
)
def test_people_are_romanised_family_name_first(name: str, english: str) -> None:
    assert romanised(name) == english


def _org(**english: Any) -> dict[str, Any]:
    """The minitree org with English names for the units, partners and people named."""
    org: dict[str, Any] = {key: [dict(e) for e in value] for key, value in ORG.items()}
    for table in ("units", "partners", "people"):
        for entry in org[table]:
            if entry["id"] in english:
                entry["name_en"] = english[entry["id"]]
    return org


ENGLISH_SETTINGS: dict[str, Any] = {
    "organisation": "列检车间",
    "organisation_en": "Train Inspection Workshop",
    "notice": {
        "issuer": "车间党总支",
        "issuer_en": "General Branch",
        "number_en": "GB [{year}] No. {seq}",
        "recipients": ["各党支部", "各党小组"],
        "recipients_en": ["All branches and groups"],
        "authority": "中共某车辆段列检车间总支部委员会",
        "authority_en": "CPC General Branch Committee",
        "copy_to": ["段党委"],
        "copy_to_en": ["Depot Party Committee"],
        "printer": "车间党总支办公室",
    },
    "cases": {
        "handover_levels": ["车间党总支", "段党委"],
        "handover_levels_en": ["General Branch", "Depot Party Committee"],
        "handover": {"general_a": "段党委", "violation_a": "车间党总支"},
    },
}


def _tree(org: dict[str, Any], settings: dict[str, Any] | None = None) -> Tree:
    """The minitree with ``org`` and one accident handed over to the depot (段党委)."""
    handed = incident(
        type="accident",
        **{"class": "general_a"},
        handover={"level": "段党委", "date": dt.date(2026, 10, 7)},
    )
    return dataclasses.replace(build(handed, settings=settings), org=Org.model_validate(org))


def test_zh_gets_the_very_same_tree() -> None:
    tree = _tree(_org(B1="Shift 1 branch"), ENGLISH_SETTINGS)
    assert in_language(tree, "zh") is tree


def test_english_names_where_given_pinyin_for_people_chinese_where_none() -> None:
    tree = _tree(_org(B1="Shift 1 branch", station="Station", zhu="C. X. Zhu"), ENGLISH_SETTINGS)
    en = in_language(tree, "en")
    units = {u.id: u.name for u in en.org.units}
    assert units["B1"] == "Shift 1 branch"
    assert units["B2"] == "二班党支部"  # no English name given: none is made up
    assert {p.id: p.name for p in en.org.partners} == {"station": "Station"}
    people = {p.id: p.name for p in en.org.people}
    assert people["zhu"] == "C. X. Zhu"  # an explicit English form wins over the pinyin
    assert people["jiang"] == "Jiang Haifeng"
    assert people["wang"] == "Wang Jianguo"
    # the records, ids and the zh tree are untouched
    assert {p.id: p.name for p in tree.org.people}["jiang"] == "姜海峰"
    assert [u.id for u in en.org.units] == [u.id for u in tree.org.units]


def test_settings_print_their_english_forms_and_keep_chinese_where_none() -> None:
    en = in_language(_tree(_org(), ENGLISH_SETTINGS), "en").settings
    assert en.organisation == "Train Inspection Workshop"
    assert en.notice.issuer == "General Branch"
    assert en.notice.number == "GB [{year}] No. {seq}"
    assert en.notice.recipients == ["All branches and groups"]  # a list replaces the list
    assert en.notice.authority == "CPC General Branch Committee"
    assert en.notice.copy_to == ["Depot Party Committee"]
    assert en.notice.printer == "车间党总支办公室"  # no printer_en: the Chinese stays


def test_handover_levels_are_renamed_alike_in_settings_and_records() -> None:
    """The level an incident was handed over to is compared with the settings' levels:
    both are renamed together, so a case high enough in Chinese is high enough in English."""
    tree = _tree(_org(), ENGLISH_SETTINGS)
    en = in_language(tree, "en")
    (case,) = en.incidents
    assert case.handover is not None and case.handover.level == "Depot Party Committee"
    assert en.settings.cases.handover_levels == ["General Branch", "Depot Party Committee"]
    assert en.settings.cases.handover["general_a"] == "Depot Party Committee"
    assert handover_high_enough(case, en.settings.cases)
    assert tree.incidents[0].handover is not None
    assert tree.incidents[0].handover.level == "段党委"


def test_the_view_of_the_view_is_the_view() -> None:
    """The notice builds its assessment from its own view: a second pass changes nothing."""
    en = in_language(_tree(_org(B1="Shift 1 branch"), ENGLISH_SETTINGS), "en")
    again = in_language(en, "en")
    assert again.org == en.org and again.settings == en.settings
    assert again.incidents == en.incidents


def test_no_english_forms_leave_an_english_view_chinese_but_for_people() -> None:
    tree = build(settings={"organisation": "列检车间"})
    en = in_language(tree, "en")
    assert [u.name for u in en.org.units] == [u.name for u in tree.org.units]
    assert en.settings.notice == tree.settings.notice
    assert en.settings.organisation == "列检车间"


@pytest.mark.parametrize(
    ("english", "message"),
    [
        (["General Branch"], "handover_levels_en names 1 levels; handover_levels has 2"),
        (["Branch", "Branch"], "handover_levels_en names one level twice"),
    ],
)
def test_handover_levels_in_english_name_each_level_once(english: list[str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings.model_validate(
            {"cases": {"handover_levels": ["车间党总支", "段党委"], "handover_levels_en": english}}
        )


def test_standards_print_their_english_names_and_keep_chinese_where_none() -> None:
    tree = build()
    branch = tree.standards["branch"]
    info = branch.aspects[0]
    named = branch.model_copy(
        update={
            "name_en": "Branch standard",
            "aspects": [
                info.model_copy(
                    update={
                        "name_en": "Information feedback",
                        "items": [
                            info.items[0].model_copy(update={"name_en": "Reports on time"}),
                            *info.items[1:],
                        ],
                    }
                ),
                *branch.aspects[1:],
            ],
        }
    )
    tree = dataclasses.replace(tree, standards={**tree.standards, "branch": named})
    en = in_language(tree, "en").standards["branch"]
    assert en.name == "Branch standard"
    assert en.aspects[0].name == "Information feedback"
    assert [i.name for i in en.aspects[0].items[:2]] == ["Reports on time", info.items[1].name]
    assert en.aspects[1].name == branch.aspects[1].name  # no English name: the Chinese stays
    assert in_language(tree, "zh").standards["branch"].name == branch.name
