from __future__ import annotations

import datetime as dt
import re

import pytest

from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.ids import new_id, parse_ref
from barrier_cli.core.models.incident import INCIDENT_ID
from barrier_cli.core.models.pairing import PAIRING_ID
from barrier_cli.core.models.report import REPORT_ID

DAY = dt.date(2026, 11, 3)


@pytest.mark.parametrize(
    ("kind", "pattern"), [("report", REPORT_ID), ("incident", INCIDENT_ID), ("pairing", PAIRING_ID)]
)
def test_new_ids_match_the_model_pattern_and_carry_the_date(kind: str, pattern: str) -> None:
    record_id = new_id(kind, DAY)
    assert re.match(pattern, record_id)
    assert "-20261103-" in record_id


def test_report_ids_are_random_not_a_counter() -> None:
    # 32**4 suffixes: 300 draws share one in ~4% of runs, three collisions ~1e-5; a constant
    # or a coarse clock-based suffix would fail at once.
    ids = {new_id("report", DAY) for _ in range(300)}
    assert len(ids) >= 298


def test_parse_ref_splits_the_item_number_and_upper_cases() -> None:
    assert parse_ref("r-20261103-7k2q/2") == ("R-20261103-7K2Q", 2)
    assert parse_ref("I-20261103-0A") == ("I-20261103-0A", None)
    # an id ending in a person's id is case-sensitive: only its kind letter is upper-cased
    assert parse_ref("a-2025-09-wu_lei") == ("A-2025-09-wu_lei", None)
    assert parse_ref("U-2026-W12-B1-G4/1") == ("U-2026-W12-B1-G4", 1)


@pytest.mark.parametrize("text", ["", "R-1/0", "hello world", "R-1/x"])
def test_parse_ref_refuses_what_is_not_a_ref(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_ref(text)
