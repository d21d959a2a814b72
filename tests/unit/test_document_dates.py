"""公文 dates in the analysis: the document's year dropped, weeks and times in words."""

from __future__ import annotations

import datetime as dt

from barrier_cli.present.render.document import day, moment, periods


def test_a_day_drops_only_the_documents_own_year() -> None:
    assert day(dt.date(2026, 10, 11), "zh", 2026) == "10月11日"
    assert day(dt.date(2027, 1, 12), "zh", 2026) == "2027年1月12日"
    assert day("2026-10-11", "en", 2026) == "11 October"
    assert day("2025-10-11", "en", 2026) == "11 October 2025"


def test_missed_days_of_one_month_name_the_month_once() -> None:
    got = periods(["2026-10-13", "2026-10-19", "2026-10-26"], "zh", 2026)
    assert got == "10月13日、19日、26日"


def test_an_iso_week_is_said_as_its_monday_to_sunday() -> None:
    assert periods(["2026-W43"], "zh", 2026) == "10月19日至25日当周"
    assert periods(["2026-W44"], "zh", 2026) == "10月26日至11月1日当周"
    assert periods(["2026-W43"], "en", 2026) == "the week of 19–25 October"


def test_a_timeline_time_is_hours_and_minutes_in_words() -> None:
    assert moment("2026-10-09 08:00", "zh", 2026) == "10月9日8时"
    assert moment("2026-10-09 10:05", "zh", 2026) == "10月9日10时05分"
    assert moment("2026-10-09 10:05", "en", 2026) == "9 October, 10:05"
