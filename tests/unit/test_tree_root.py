"""Finding what day it is: in the tree's time zone, or pinned by $BARRIER_TODAY."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from barrier_cli.core import tree_root
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.tree_root import is_stray, timezone_setting, today

# 16:30 UTC: already the next day in Beijing (UTC+8), still the same day in New York.
MOMENT = dt.datetime(2026, 11, 24, 16, 30, tzinfo=dt.UTC)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BARRIER_TODAY")
    monkeypatch.setattr(tree_root, "now", lambda: MOMENT)


def settings(tmp_path: Path, text: str) -> Path:
    (tmp_path / "barrier.yaml").write_bytes(text.encode())
    return tmp_path


@pytest.mark.usefixtures("clock")
def test_today_is_taken_in_asia_shanghai_by_default(tmp_path: Path) -> None:
    assert today() == dt.date(2026, 11, 25)
    assert today(settings(tmp_path, "lang: zh\n")) == dt.date(2026, 11, 25)


@pytest.mark.usefixtures("clock")
@pytest.mark.parametrize(
    "line",
    [
        "timezone: America/New_York\n",
        "timezone: 'America/New_York'\r\n",
        'timezone: "America/New_York"  # 纽约\n',
    ],
)
def test_today_is_taken_in_the_trees_timezone(tmp_path: Path, line: str) -> None:
    root = settings(tmp_path, "lang: zh\n" + line)
    assert timezone_setting(root) == "America/New_York"
    assert today(root) == dt.date(2026, 11, 24)


@pytest.mark.usefixtures("clock")
@pytest.mark.parametrize("zone", ["Asia/Beijing", "Asia", "../../etc/passwd", "  timezone: UTC"])
def test_an_unknown_or_nested_zone_leaves_the_default(tmp_path: Path, zone: str) -> None:
    line = zone if zone.startswith(" ") else f"timezone: {zone}"
    assert today(settings(tmp_path, f"lang: zh\n{line}\n")) == dt.date(2026, 11, 25)


def test_barrier_today_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARRIER_TODAY", "2026-01-02")
    assert today(settings(tmp_path, "timezone: Pacific/Kiritimati\n")) == dt.date(2026, 1, 2)


@pytest.mark.parametrize("value", ["x", "2026-1-2", "2026-02-30", "1899-12-31", "3000-01-01"])
def test_barrier_today_out_of_range_or_garbage_is_a_user_error(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("BARRIER_TODAY", value)
    with pytest.raises(InvalidInput, match="BARRIER_TODAY"):
        today()


@pytest.mark.parametrize(
    ("name", "stray"),
    [
        ("R-1.yaml", False),
        ("R-1.yml", False),
        ("R-1.YAML", True),
        ("R-1.Yml", True),
        ("R-1.yaml.orig", True),
        ("R-1.yml.orig", True),
        ("R-1.yaml~", True),
        ("R-1.yaml.bak", True),
        ("notes.txt", False),
        ("R-1.yaml.txt", False),
    ],
)
def test_names_that_look_like_records_but_are_not_read(name: str, stray: bool) -> None:
    assert is_stray(name) is stray
