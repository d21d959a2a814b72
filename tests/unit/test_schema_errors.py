"""pydantic's validation errors become problems with stable codes, clean locations and hints."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from barrier_cli.core import findings as f
from barrier_cli.core.models import Incident, Org, Report, Settings
from barrier_cli.core.models.common import Problem
from barrier_cli.io.schema_errors import dotted, problems_from

REPORT: dict[str, Any] = {
    "id": "R-20261110-0001",
    "date": "2026-11-10",
    "reporter": "wang",
    "source": "on_site",
    "element": "equipment",
    "category": "hazard",
    "summary": "风管吊架松动",
}


def problems(model: type[BaseModel], data: dict[str, Any]) -> list[Problem]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return problems_from(caught.value, model)


def one(model: type[BaseModel], data: dict[str, Any]) -> Problem:
    [problem] = problems(model, data)
    return problem


def test_an_unknown_key_suggests_the_closest_field_and_points_at_the_key() -> None:
    p = one(Report, REPORT | {"elemnt": "x"})
    assert (p.code, p.loc, p.message, p.hint, p.on_key) == (
        f.UNKNOWN_KEY,
        ("elemnt",),
        "unknown key 'elemnt'",
        "did you mean 'element'?",
        True,
    )


def test_an_unknown_key_in_a_nested_item_lists_that_items_fields() -> None:
    p = one(Report, REPORT | {"actions": [{"action": "更换", "zzz": 1}]})
    assert (p.code, p.loc) == (f.UNKNOWN_KEY, ("actions", 0, "zzz"))
    assert p.hint == "allowed here: action, action_en, done, due, owner, type, urged, verified_by"


def test_a_missing_field_points_at_the_mapping_that_lacks_it() -> None:
    p = one(Report, REPORT | {"analysis": {"date": "2026-11-11", "by": "wang"}})
    assert (p.code, p.loc, p.message) == (
        f.MISSING,
        ("analysis",),
        "missing required field 'cause' in analysis",
    )


def test_a_wrong_choice_names_the_choices_and_the_closest() -> None:
    p = one(Report, REPORT | {"keys": ["train", "psot"]})
    assert (p.code, p.loc) == (f.CHOICE, ("keys", 1))
    assert p.message == "keys[1]: 'psot' is not one of train, group, post, link, person"
    assert p.hint == "did you mean 'post'?"


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (41008, "put it in quotes exactly as written (YAML read it as the number 41008)"),
        (123, "put it in quotes exactly as written (YAML read it as the number 123)"),
        (1000.0, "put it in quotes exactly as written (YAML read it as the number 1000.0)"),
        (True, "quote it (YAML read it as true/false)"),
    ],
)
def test_yaml_typed_values_where_text_belongs_get_a_quoting_hint(value: Any, hint: str) -> None:
    p = one(Report, REPORT | {"train": value})
    assert (p.code, p.loc, p.hint) == (f.TYPE, ("train",), hint)


def test_text_where_a_boolean_belongs() -> None:
    p = one(Report, REPORT | {"commend": "no"})
    assert (p.code, p.hint) == (f.TYPE, "write true or false")


def test_a_scalar_where_a_list_belongs() -> None:
    p = one(Report, REPORT | {"keys": "train"})
    assert (p.code, p.message) == (f.TYPE, "keys: Input should be a valid list, got text")


@pytest.mark.parametrize("value", ["2026-02-30", "11月30日", "20261110"])
def test_impossible_or_foreign_dates_are_bad_date(value: str) -> None:
    p = one(Report, REPORT | {"actions": [{"action": "更换", "due": value}]})
    assert (p.code, p.loc) == (f.BAD_DATE, ("actions", 0, "due"))


def test_union_member_names_are_dropped_from_locations() -> None:
    p = one(Incident, {"timeline": [{"at": ["x"], "event": "停车"}]} | _incident())
    assert p.loc == ("timeline", 0, "at")


def _incident() -> dict[str, Any]:
    return {
        "id": "I-20261105-01",
        "date": "2026-11-05",
        "title": "风表被带走",
        "unit": "B1",
        "type": "precursor",
    }


def test_dict_keys_in_locations_are_kept() -> None:
    p = one(Settings, {"cadence": {"member": {"period": "daily", "min": 20}}})
    assert (p.code, p.loc) == (f.CHOICE, ("cadence", "member", "period"))


def test_every_problem_of_a_record_is_reported() -> None:
    found = problems(Org, {"units": [{"id": "GB", "kind": "x"}], "people": [{"id": "wang"}]})
    assert [(p.code, p.loc) for p in found] == [
        (f.MISSING, ("units", 0)),
        (f.CHOICE, ("units", 0, "kind")),
        (f.MISSING, ("people", 0)),
        (f.MISSING, ("people", 0)),
    ]


def test_dotted_paths_read_like_the_yaml() -> None:
    assert dotted(("actions", 1, "owner")) == "actions[1].owner"
    assert dotted(()) == ""
