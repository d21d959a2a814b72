"""Issued means frozen: an issued notice renders later exactly as it was issued."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from analysis_tree import october, report
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present.notice import Format, digest, publish_notice

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
OCT = Month(2026, 10)
ISSUED_ON = dt.date(2026, 11, 5)
MONTH_LATER = dt.date(2026, 12, 5)


def _add(root: Path, record: dict[str, object]) -> None:
    day = str(record["date"])
    folder = root / "reports" / day[:4] / day[5:7]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{record['id']}.yaml").write_text(json.dumps(record, ensure_ascii=False), "utf-8")


def _render(root: Path, fmt: Format, today: dt.date, **options: bool) -> str:
    shown: list[str] = []
    publish_notice(
        root=root, month=OCT, fmt=fmt, lang=None, today=today, deliver=shown.append, **options
    )
    return shown[0]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_issued_notice_renders_byte_identical_a_month_later(tmp_path: Path, fmt: Format) -> None:
    root, ids = october(tmp_path / "records")
    issued = _render(root, fmt, ISSUED_ON, issue=True)
    entry = load_tree(root).notices[0]
    assert entry.number in issued and entry.as_of == OCT.last and entry.lang == "zh"
    assert entry.sha256 is not None and entry.sha256[fmt] == digest(issued)
    # a month on: a late report of October, a good catch, November's reports, an analysis
    _add(root, report("2026-10-30", "mem1", commend=True, summary="补录的十月信息"))
    _add(root, report("2026-11-20", "mem1", summary="十一月的信息"))
    again = _render(root, fmt, MONTH_LATER)
    assert again == issued
    draft = _render(root, fmt, MONTH_LATER, draft=True)
    # the draft is not numbered as the issued document, and names it
    assert draft != issued and "补录的十月信息" in draft
    assert f"{entry.number}\n" not in draft and f"{entry.number}（存档副本）" in draft
    # record numbers stay out of a circulated notice's text (the html's row titles keep them)
    assert ids["r4"] not in re.sub(r' title="[^"]*"', "", draft)


def test_the_reproduction_says_whether_it_is_the_issued_document(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    _render(root, "md", ISSUED_ON, issue=True)
    shown: list[str] = []
    published = publish_notice(
        root=root, month=OCT, fmt="html", lang=None, today=MONTH_LATER, deliver=shown.append
    )
    assert published.reproduced is not None and published.reproduced.verified
    # a changed template still renders the frozen content, but no longer claims to be it
    override = root / "templates" / "zh"
    override.mkdir(parents=True)
    shipped = (
        Path(__file__).resolve().parents[2] / "src/barrier_cli/templates/common/notice.html.j2"
    )
    (override / "notice.html.j2").write_text(
        shipped.read_text(encoding="utf-8") + "<!-- changed -->", encoding="utf-8"
    )
    changed = publish_notice(
        root=root, month=OCT, fmt="html", lang=None, today=MONTH_LATER, deliver=shown.append
    )
    assert changed.reproduced is not None
    assert changed.reproduced.frozen and not changed.reproduced.verified


def test_a_notice_issued_before_freezing_keeps_its_number_and_dates(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(EXAMPLE, root)
    shown: list[str] = []
    published = publish_notice(
        root=root,
        month=Month(2026, 9),
        fmt="md",
        lang=None,
        today=dt.date(2026, 11, 24),
        deliver=shown.append,
    )
    assert published.reproduced is not None and not published.reproduced.frozen
    text = shown[0]
    assert "〔2026〕3号" in text and "草稿" not in text
    assert "2026年10月12日" in text or "2026-10-12" in text
    assert "于10月22日前将整改情况书面报告" in text  # the deadline it was issued with


def test_draft_and_issue_do_not_go_together(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    with pytest.raises(InvalidInput, match="--draft"):
        _render(root, "md", ISSUED_ON, issue=True, draft=True)
