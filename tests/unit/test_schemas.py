from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

from barrier_cli.core.kinds import KINDS, classify
from barrier_cli.write.schemas import all_schemas, kind_schema, write_schemas

REPO = Path(__file__).resolve().parents[2]
INVALID = REPO / "tests" / "data" / "invalid"
SCHEMA_LEVEL = ["unknown-key", "missing", "type", "choice", "bad-date"]
"""The golden invalid cases a schema can see: one file's shape, not rules or references."""


class _DatesAsText(SafeConstructor):
    """What an editor sees: a YAML date is a string once the record is turned into JSON."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        return node.value


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", _DatesAsText.construct_yaml_timestamp)


_YAML = YAML(typ="safe", pure=False)
_YAML.Constructor = _DatesAsText


def as_json(path: Path) -> Any:
    return _YAML.load(path.read_text(encoding="utf-8"))


@functools.cache
def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(
        kind_schema(kind), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def record_files(root: Path) -> list[tuple[str, Path]]:
    out = []
    for path in sorted(root.rglob("*.yaml")):
        rel = PurePosixPath(path.relative_to(root).as_posix())
        kind = classify(rel)
        if kind is not None and rel.parts[0] != "templates":
            out.append((kind.name, path))
    return out


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_has_a_valid_draft_2020_12_schema(kind: str) -> None:
    schema = kind_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False


def test_fields_have_chinese_and_english_titles_and_dates_are_dates() -> None:
    props = kind_schema("report")["properties"]
    zh, en = props["summary"]["title"].split(" / ")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh) and en == "summary"
    assert props["date"] == props["date"] | {"type": "string", "format": "date"}
    assert list(props)[:2] == ["id", "date"]
    assert "设备 / equipment" in props["element"]["enumDescriptions"]


def test_example_records_validate_with_an_independent_validator() -> None:
    files = record_files(REPO / "records")
    assert files
    for kind, path in files:
        errors = [e.message for e in validator(kind).iter_errors(as_json(path))]
        assert errors == [], path


def test_golden_valid_tree_validates() -> None:
    tiny = REPO / "tests" / "data" / "tiny"
    if not tiny.is_dir():
        pytest.skip("no tests/data/tiny tree")
    for kind, path in record_files(tiny):
        assert list(validator(kind).iter_errors(as_json(path))) == [], path


@pytest.mark.parametrize("case", SCHEMA_LEVEL)
def test_schema_level_golden_invalid_cases_are_rejected(case: str) -> None:
    rel = (INVALID / f"{case}.expected").read_text(encoding="utf-8").splitlines()[1]
    kind = classify(PurePosixPath(rel))
    assert kind is not None
    assert not validator(kind.name).is_valid(as_json(INVALID / f"{case}.yaml"))


def test_a_model_valid_record_is_schema_valid() -> None:
    from barrier_cli.core.models import Incident
    from barrier_cli.io.canonical import to_plain

    incident = Incident.model_validate(
        {
            "id": "I-20260312-01",
            "date": dt.date(2026, 3, 12),
            "title": "运行图调整中造成晚点",
            "unit": "B3",
            "type": "accident",
            "class": "general_a",
            "timeline": [{"at": dt.datetime(2026, 3, 12, 8, 30), "event": "晚点"}],
        }
    )
    data = to_plain(incident)
    data["date"] = data["date"].isoformat()
    data["timeline"][0]["at"] = data["timeline"][0]["at"].isoformat()
    assert list(validator("incident").iter_errors(data)) == []


def test_write_schemas_writes_one_file_per_kind_and_is_repeatable(tmp_path: Path) -> None:
    first = write_schemas(tmp_path)
    assert sorted(p.name for p in first) == sorted(f"{k}.schema.json" for k in KINDS)
    before = {p: p.read_bytes() for p in first}
    write_schemas(tmp_path)
    assert {p: p.read_bytes() for p in first} == before
    assert set(all_schemas()) == set(KINDS)
