"""Moving the labels and field docs into the catalogue changed no word: every label and every
field title and help renders in zh and en as the checked-in snapshot says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from barrier_cli.core.fielddocs import FIELDS
from barrier_cli.core.labels import LABELS, label

SNAPSHOT = json.loads(
    (Path(__file__).parents[1] / "data" / "labels" / "rendered.json").read_text(encoding="utf-8")
)


def test_the_snapshot_and_the_tables_cover_the_same_choices_and_fields() -> None:
    assert {g: set(v) for g, v in SNAPSHOT["labels"].items()} == {
        g: set(v) for g, v in LABELS.items()
    }
    assert {m: set(k) for m, k in SNAPSHOT["fields"].items()} == {
        m: set(k) for m, k in FIELDS.items()
    }


@pytest.mark.parametrize("group", sorted(SNAPSHOT["labels"]))
def test_every_label_renders_as_before(group: str) -> None:
    rendered = {v: [label(group, v, "zh"), label(group, v, "en")] for v in LABELS[group]}
    assert rendered == SNAPSHOT["labels"][group]


@pytest.mark.parametrize("model", sorted(SNAPSHOT["fields"]))
def test_every_field_title_and_help_renders_as_before(model: str) -> None:
    rendered = {
        key: [doc.title("zh"), doc.title("en"), doc.help("zh"), doc.help("en")]
        for key, doc in FIELDS[model].items()
    }
    assert rendered == SNAPSHOT["fields"][model]
