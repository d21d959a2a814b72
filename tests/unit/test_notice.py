"""The notice: what it praises and criticises, how it renders, how numbers are claimed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from barrier_cli.core.errors import InvalidInput, UserError
from barrier_cli.core.models import NoticeEntry
from barrier_cli.core.periods import Month
from barrier_cli.io.canonical import record_text
from barrier_cli.io.parallel import load_tree
from barrier_cli.present import notice as n
from markdown_inert import parse
from minitree import build, closed_without_causes, pairing, report, write

OCT = Month(2026, 10)
TODAY = dt.date(2026, 11, 24)
D = dt.date


def sample_records() -> list[object]:
    return [
        report(commend=True, vehicle="G606230356", notes="奖励3000元"),
        report(summary="<script>alert(1)</script>"),
        report(train=None, summary="闸瓦"),
        closed_without_causes(),
        pairing(reviews=[{"date": D(2026, 9, 3), "by": "zhao", "note": "谈心"}]),
    ]


def test_praise_names_who_what_and_which_train_and_vehicle() -> None:
    good = report(commend=True, vehicle="G606230356", notes="奖励3000元")
    other_month = report(commend=True, date=D(2026, 9, 30))
    notice = n.build_notice(build(good, other_month), OCT, today=TODAY, lang="zh")
    assert [p.report_id for p in notice.praises] == [good.id]
    praise = notice.praises[0]
    assert (praise.who, praise.unit, praise.train, praise.vehicle) == (
        "朱春祥",
        "一班一组",
        "41008",
        "G606230356",
    )


def test_criticism_per_unit_in_org_order_and_rule_order() -> None:
    notice = n.build_notice(build(*sample_records()), OCT, today=TODAY, lang="zh")  # type: ignore[arg-type]
    assert [u.name for u in notice.units] == ["一班党支部", "二班党支部"]
    second = notice.units[1]
    assert [g.rule for g in second.groups] == ["closed_against_rule", "pairing_no_review"]
    assert notice.deadline == D(2026, 12, 4)
    assert notice.number is None


def test_future_month_is_refused() -> None:
    with pytest.raises(InvalidInput, match="has not begun"):
        n.build_notice(build(), Month(2026, 12), today=TODAY, lang="zh")


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_is_a_whole_document_with_record_text_escaped(tmp_path: Path, lang: n.Lang) -> None:
    root = write(tmp_path / "records", *sample_records())  # type: ignore[arg-type]
    html = n.publish_notice(root=root, month=OCT, fmt="html", lang=lang, today=TODAY).text
    parser = Collect()
    parser.feed(html)
    assert parser.tags.count("script") == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "@page { size: A4" in html and "red-head" in html
    text = "".join(parser.text)
    # a unit without an English name keeps its own; a person is named in pinyin in English
    person = "朱春祥" if lang == "zh" else "Zhu Chunxiang"
    assert "一班党支部" in text and person in text
    # record numbers are left out of the circulated text, kept in the attachment rows' titles
    assert "I-20261005-" not in text and 'title="I-20261005-' in html
    assert ("表扬" if lang == "zh" else "Commendations") in text


def test_markdown_in_english_uses_english_details(tmp_path: Path) -> None:
    root = write(tmp_path / "records", *sample_records())  # type: ignore[arg-type]
    md = n.publish_notice(root=root, month=OCT, fmt="md", lang="en", today=TODAY).text
    assert "closed against the closure rule (三不放过): no causes" in md
    assert "车间党总支〔2026〕1号 (draft)" in md  # the number an issue would take, as a draft's


def test_issue_numbers_follow_the_register_and_refuse_a_second_time(tmp_path: Path) -> None:
    root = write(tmp_path / "records", *sample_records())  # type: ignore[arg-type]
    first = n.publish_notice(root=root, month=OCT, fmt="md", lang="zh", today=TODAY, issue=True)
    assert first.entry is not None and first.entry.number == "车间党总支〔2026〕1号"
    assert "车间党总支〔2026〕1号" in first.text
    assert first.register == root / "notices/2026/N-2026-001.yaml"
    with pytest.raises(n.AlreadyIssued, match="already issued as 车间党总支〔2026〕1号"):
        n.publish_notice(root=root, month=OCT, fmt="md", lang="zh", today=TODAY, issue=True)
    second = n.publish_notice(
        root=root, month=OCT, fmt="md", lang="zh", today=TODAY, issue=True, force=True
    )
    assert second.entry is not None and second.entry.seq == 2
    assert sorted(e.id for e in load_tree(root).notices) == ["N-2026-001", "N-2026-002"]


def test_a_number_taken_meanwhile_is_skipped(tmp_path: Path) -> None:
    root = write(tmp_path / "records")
    tree = load_tree(root)  # read before another issuer writes number 1
    (root / "notices/2026").mkdir(parents=True)
    (root / "notices/2026/N-2026-001.yaml").write_text("taken by someone else\n", encoding="utf-8")
    entry, path = n.claim_number(
        tree, Month(2026, 9), today=TODAY, force=False, title="t", file=None
    )
    assert entry.id == "N-2026-002" and path.name == "N-2026-002.yaml"
    assert (root / "notices/2026/N-2026-001.yaml").read_text(encoding="utf-8").startswith("taken")


def test_two_issuers_of_one_month_the_lower_number_keeps_it(tmp_path: Path) -> None:
    root = write(tmp_path / "records")
    tree = load_tree(root)  # both issuers read the register while it was empty
    rival = NoticeEntry(
        id="N-2026-001",
        number="车间党总支〔2026〕1号",
        year=2026,
        seq=1,
        date=TODAY,
        month="2026-09",
    )
    (root / "notices/2026").mkdir(parents=True)
    (root / "notices/2026/N-2026-001.yaml").write_text(record_text(rival), encoding="utf-8")
    with pytest.raises(n.AlreadyIssued, match="just issued as 车间党总支〔2026〕1号"):
        n.claim_number(tree, Month(2026, 9), today=TODAY, force=False, title="t", file=None)
    assert sorted(p.name for p in (root / "notices/2026").iterdir()) == ["N-2026-001.yaml"]
    entry, _ = n.claim_number(tree, Month(2026, 9), today=TODAY, force=True, title="t", file=None)
    assert entry.seq == 2


def test_a_bad_number_format_is_a_user_error() -> None:
    with pytest.raises(UserError, match=r"notice\.number"):
        n.format_number("〔{year}〕{number}号", year=2026, seq=1)


SNAPSHOTS = Path(__file__).resolve().parents[1] / "data" / "notice"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_matches_its_snapshot(tmp_path: Path, lang: n.Lang) -> None:
    """A change in the document shows as a diff; BARRIER_UPDATE_SNAPSHOTS=1 rewrites it."""
    records = [
        report(id="R-20261010-GC01", commend=True, vehicle="G606230356", notes="奖励3000元"),
        report(id="R-20261012-LQ01", train=None, summary="闸瓦"),
        report(
            id="R-20261015-OD01",
            actions=[{"action": "复查同批车辆", "owner": "zhu", "due": D(2026, 10, 20)}],
        ),
        closed_without_causes(id="I-20261005-01"),
        pairing(
            id="P-20260801-01", reviews=[{"date": D(2026, 9, 3), "by": "zhao", "note": "谈心"}]
        ),
    ]
    root = write(tmp_path / "records", *records)
    text = n.publish_notice(root=root, month=OCT, fmt="md", lang=lang, today=TODAY).text
    expected = SNAPSHOTS / f"sample.{lang}.md"
    if os.environ.get("BARRIER_UPDATE_SNAPSHOTS"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


def test_a_notice_template_an_earlier_init_copied_escapes_record_text(tmp_path: Path) -> None:
    """The notice template `barrier init` copied before printed record text raw; the
    environment escapes it now."""
    before = Path(__file__).resolve().parents[1] / "data" / "templates" / "before-escaping"
    (tmp_path / "templates").mkdir()
    shutil.copytree(before / "zh", tmp_path / "templates" / "zh")
    tree = build(report(commend=True, summary="<script>x</script> [链接](javascript:x)"))
    notice = n.build_notice(tree, Month(2026, 10), today=TODAY, lang="zh")
    copied = n.render_notice(notice, fmt="md", lang="zh", records=tmp_path)
    # the shipped template has moved on (GB/T 9704 layout); the praise line is the same text
    shipped = n.render_notice(notice, fmt="md", lang="zh", records=None)
    escaped = next(line for line in shipped.splitlines() if "script" in line)
    summary = escaped[escaped.index("发现") + 2 : escaped.index("，")]
    assert summary in copied
    assert parse(copied).active == []
