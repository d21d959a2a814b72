"""The one resolver of people, units and partners: ids, names, pinyin, initials."""

from __future__ import annotations

import subprocess
import sys

import pytest

from barrier_cli.core.lookup import Lookup, NotFound
from barrier_cli.core.models import Org


@pytest.fixture
def people() -> Lookup:
    org = Org.model_validate(
        {
            "units": [
                {"id": "G14", "name": "一班四组", "kind": "group"},
                {"id": "G21", "name": "二班一组", "kind": "group"},
            ],
            "people": [
                {"id": "zhu_chunxiang", "name": "朱春祥", "unit": "G14"},
                {"id": "zhang_san", "name": "张三", "unit": "G14"},
                {"id": "zhao_si", "name": "赵四", "unit": "G21"},
                {"id": "wang_li", "name": "王力", "unit": "G21"},
                {"id": "wang_li2", "name": "王丽", "unit": "G14"},
                {"id": "z2", "name": "章", "unit": "G21"},
            ],
        }
    )
    return Lookup.of(org, "person")


@pytest.mark.parametrize(
    "typed", ["zhu_chunxiang", "ZHU_CHUNXIANG", "朱春祥", "zcx", "ZCX", "zhuchunxiang", "zhuchunx"]
)
def test_zhu_chunxiang_is_found_however_typed(people: Lookup, typed: str) -> None:
    assert people.resolve(typed) == "zhu_chunxiang"


def test_an_exact_spelling_wins_over_beginnings(people: Lookup) -> None:
    """'zhang' is all of 章's pinyin and the beginning of 张三's (and of her id)."""
    assert people.resolve("zhang") == "z2"
    with pytest.raises(NotFound):  # 张三 and 赵四 share their initials
        people.resolve("zs")


def test_two_people_spelled_alike_are_listed_with_their_units(people: Lookup) -> None:
    with pytest.raises(NotFound) as found:
        people.resolve("wangli", "zh")
    assert [e.id for e in found.value.candidates] == ["wang_li", "wang_li2"]
    assert "wang_li 王力（二班一组）" in str(found.value)
    assert "wang_li2 王丽（一班四组）" in str(found.value)
    assert people.resolve("王丽") == "wang_li2"  # the name itself is unique


def test_nobody_is_said_with_a_close_name(people: Lookup) -> None:
    with pytest.raises(NotFound, match=r"no person '朱春翔' in org\.yaml; did you mean '朱春祥'"):
        people.resolve("朱春翔")
    with pytest.raises(NotFound, match=r"org\.yaml 中没有人员“xyz”"):
        people.resolve("xyz", "zh")


def test_completion_by_pinyin_initials_name_and_id(people: Lookup) -> None:
    assert [e.id for e in people.complete("zc")] == ["zhu_chunxiang"]
    assert [e.id for e in people.complete("朱")] == ["zhu_chunxiang"]
    assert {e.id for e in people.complete("zha")} == {"zhang_san", "zhao_si", "z2"}
    assert len(people.complete("")) == 6


def test_ids_and_names_never_load_pypinyin() -> None:
    """Adding by ids, and `check`, pay nothing for pinyin."""
    code = (
        "import sys\n"
        "from barrier_cli.core.lookup import Lookup, Entry\n"
        "people = Lookup('person', [Entry('zhang_san', '张三', 'G11')])\n"
        "assert people.resolve('zhang_san') == people.resolve('张三') == 'zhang_san'\n"
        "assert 'pypinyin' not in sys.modules\n"
        "assert people.resolve('zs') == 'zhang_san'\n"
        "assert 'pypinyin' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_places_answer_unit_and_branch_from_one_lookup() -> None:
    import datetime as dt

    from barrier_cli.core.lookup import Places, commended
    from barrier_cli.core.models import Report
    from barrier_cli.core.periods import Month

    org = Org.model_validate(
        {
            "units": [
                {"id": "GB", "name": "总支", "kind": "general_branch"},
                {"id": "B1", "name": "一支部", "kind": "branch", "parent": "GB"},
                {"id": "G1", "name": "一组", "kind": "group", "parent": "B1"},
            ],
            "people": [{"id": "wang", "name": "王建国", "unit": "G1"}],
        }
    )
    places = Places(org)
    base = {
        "id": "R-20261110-0001",
        "date": dt.date(2026, 11, 10),
        "reporter": "wang",
        "source": "on_site",
        "element": "equipment",
        "category": "hazard",
        "summary": "x",
    }
    own_unit = Report.model_validate(base | {"unit": "GB", "commend": True})
    reporters = Report.model_validate(
        base | {"id": "R-20261109-0001", "date": dt.date(2026, 11, 9)}
    )
    assert (places.unit_of(own_unit), places.unit_of(reporters)) == ("GB", "G1")
    assert [places.branch_of(u) for u in ("G1", "B1", "GB", "nowhere", None)] == [
        "B1",
        "B1",
        None,
        None,
        None,
    ]
    assert commended([own_unit, reporters], Month(2026, 11)) == [own_unit]
    assert commended([own_unit], Month(2026, 10)) == []
