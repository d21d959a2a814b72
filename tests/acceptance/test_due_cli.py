"""`barrier due` as CI and people run it: informs with exit 0, fails only when asked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cli_helpers import barrier
from minitree import report, write

D = dt.date


def test_overdue_informs_and_fails_only_on_request(tmp_path: Path) -> None:
    root = write(
        tmp_path / "records",
        report(
            date=D(2026, 11, 2),
            actions=[{"action": "更换闸瓦", "owner": "zhu", "due": D(2026, 11, 20)}],
        ),
    )
    plain = barrier(root, "due")
    assert plain.returncode == 0, plain.stderr
    assert "朱春祥 (zhu): 1项，逾期1项" in plain.stdout and "更换闸瓦" in plain.stdout
    assert barrier(root, "due", "--fail-on-overdue").returncode == 1
    data = json.loads(barrier(root, "--lang", "en", "due", "--format", "json").stdout)
    assert data["overdue"] == 1 and data["owners"][0]["items"][0]["days_left"] == -4
    english = barrier(root, "--lang", "en", "due")
    assert "4d overdue" in english.stdout


def test_nothing_overdue_passes_ci(tmp_path: Path) -> None:
    root = write(
        tmp_path / "records",
        report(
            date=D(2026, 11, 2),
            actions=[{"action": "更换闸瓦", "owner": "zhu", "due": D(2026, 12, 20)}],
        ),
    )
    result = barrier(root, "due", "--fail-on-overdue")
    assert result.returncode == 0 and "7天内没有到期或逾期的事项" in result.stdout
    assert "更换闸瓦" in barrier(root, "due", "--days", "30").stdout
    unknown = barrier(root, "due", "--owner", "ghost")
    assert unknown.returncode == 1 and "没有人员“ghost”" in unknown.stderr


def test_owner_is_found_by_id_name_pinyin_or_initials(tmp_path: Path) -> None:
    root = write(
        tmp_path / "records",
        report(
            date=D(2026, 11, 2),
            actions=[{"action": "更换闸瓦", "owner": "zhu", "due": D(2026, 11, 20)}],
        ),
    )
    for spelled in ("zhu", "朱春祥", "zhuchunxiang", "zcx"):
        shown = barrier(root, "due", "--owner", spelled)
        assert shown.returncode == 0, (spelled, shown.stderr)
        assert "更换闸瓦" in shown.stdout, spelled
