"""The analysis documents: md, html, json and term render the same numbers, safely."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis_tree import october, report
from barrier_cli.core.labels import Lang
from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present.render.document import Format, render_analysis
from barrier_cli.reports.analysis.monthly import analyze
from barrier_cli.reports.analysis.result import MonthlyAnalysis
from markdown_inert import parse

TODAY = dt.date(2026, 11, 24)
HOSTILE = "<script>alert(1)</script> [red]x[/] | 管道"


@pytest.fixture(scope="module")
def tree_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root, _ = october(tmp_path_factory.mktemp("render") / "records")
    hostile = report("2026-10-09", "mem1", summary=HOSTILE, commend=True)
    (root / "reports/2026/10" / f"{hostile['id']}.yaml").write_text(
        json.dumps(hostile, ensure_ascii=False), encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def oct_analysis(tree_root: Path) -> MonthlyAnalysis:
    return analyze(load_tree(tree_root), Month(2026, 10), today=TODAY)


class _Page(HTMLParser):
    """What a browser would see: elements by tag and class, and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs).get("class") or ""))
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_is_one_page_with_both_charts(
    oct_analysis: MonthlyAnalysis, tree_root: Path, lang: Lang
) -> None:
    html = render_analysis(oct_analysis, fmt="html", lang=lang, records=tree_root)
    page = _Page()
    page.feed(html)
    charts = [c for t, c in page.tags if t == "svg"]
    assert charts == ["chart", "chart"]
    bars = [c for t, c in page.tags if t == "rect" and c == "bar"]
    # Trend: Aug 1 + Sep 2 + Oct 3 element bars; split: 3 elements.
    assert len(bars) == 1 + 2 + 3 + 3
    assert ("link", "") not in page.tags  # self-contained: no stylesheet to fetch
    assert "@page { size: A4" in html
    text = "".join(page.text)
    assert "{{" not in html and "{%" not in html
    assert HOSTILE.split(" [")[0] in text  # shown as text …
    assert not [t for t, _ in page.tags if t == "script"]  # … never run


def test_html_zh_names_sections_in_chinese(oct_analysis: MonthlyAnalysis) -> None:
    html = render_analysis(oct_analysis, fmt="html", lang="zh")
    for heading in ("三级网络信息报送", "下月保安全重点", "排尾", "近12个月安全信息趋势"):
        assert heading in html


def test_json_round_trips_and_matches_the_markdown(oct_analysis: MonthlyAnalysis) -> None:
    data = json.loads(render_analysis(oct_analysis, fmt="json", lang="zh"))
    md = render_analysis(oct_analysis, fmt="md", lang="zh")
    assert data["schema"] == 1 and data["month"] == "2026-10"
    totals = re.search(r"本月共收集安全信息(\d+)条，", md)
    assert totals is not None
    assert int(totals.group(1)) == data["totals"]["reports"]
    assert data["totals"]["reports"] == 6  # the October five and the hostile good catch
    missed_md = re.findall(
        r"^\| (?:党员|党小组长|党支部) \| (\S+) \| \S+ \| (\d+) \| (\d+) \|", md, re.M
    )
    assert missed_md == [
        (e["name"], str(e["expected"]), str(e["actual"])) for e in data["compliance"]["missed"]
    ]
    overdue = re.search(r"未完成整改措施\d+项，其中逾期(\d+)项", md)
    assert overdue is not None and int(overdue.group(1)) == len(data["timeliness"]["overdue"])
    pairing = re.search(
        r"在册包保对子(\d+)对（.*?）。本月到期应基本转化(\d+)对、应完全转化(\d+)对，"
        r"逾期未转化(\d+)对，本月实现转化(\d+)对",
        md,
    )
    p = data["pairings"]
    assert pairing is not None
    assert [int(g) for g in pairing.groups()] == [
        p["active"],
        p["basic_due"],
        p["full_due"],
        p["overdue"],
        p["turned_around"],
    ]
    priorities = re.findall(r"^\d+\. \*\*(.+)\*\*$", md, re.M)
    assert priorities == [p["content"] for p in data["proposed"]]
    praised = re.findall(r"^\d+\. \S+同志10月\d+日发现", md, re.M)
    assert len(praised) == len(data["good_catches"]) == 2


def test_markdown_keeps_record_text_inert(oct_analysis: MonthlyAnalysis) -> None:
    shown = parse(render_analysis(oct_analysis, fmt="md", lang="en"))
    assert shown.active == []
    item = "On 9 October 张党员 (一组) found the <script>alert(1)</script> [red]x[/] | 管道"
    assert any(shown_item.startswith(item) for shown_item in shown.items)


def test_term_prints_markup_in_records_literally(oct_analysis: MonthlyAnalysis) -> None:
    text = render_analysis(oct_analysis, fmt="term", lang="zh")
    assert "[red]x[/]" in text
    assert "\x1b[" not in text  # no colours unless asked for
    assert "李组长" in text and "下月保安全重点" in text


def test_a_trees_own_template_wins(oct_analysis: MonthlyAnalysis, tmp_path: Path) -> None:
    own = tmp_path / "templates" / "zh"
    own.mkdir(parents=True)
    (own / "analysis.md.j2").write_text("本车间格式：{{ a.totals.reports }}\n", encoding="utf-8")
    assert render_analysis(oct_analysis, fmt="md", lang="zh", records=tmp_path) == "本车间格式：6\n"


SNAPSHOTS = Path(__file__).resolve().parents[1] / "data" / "analysis"


@pytest.mark.parametrize(("lang", "fmt"), [("zh", "md"), ("en", "md"), ("zh", "json")])
def test_documents_match_their_snapshots(tmp_path: Path, lang: Lang, fmt: Format) -> None:
    """A change in a document shows as a diff; BARRIER_UPDATE_SNAPSHOTS=1 rewrites it."""
    root, _ = october(tmp_path / "records")
    text = render_analysis(
        analyze(load_tree(root), Month(2026, 10), today=TODAY, lang=lang), fmt=fmt, lang=lang
    )
    expected = SNAPSHOTS / f"october.{lang}.{fmt}"
    if os.environ.get("BARRIER_UPDATE_SNAPSHOTS"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


BEFORE_ESCAPING = Path(__file__).resolve().parents[1] / "data" / "templates" / "before-escaping"


def test_a_template_an_earlier_init_copied_renders_like_the_shipped_one(
    oct_analysis: MonthlyAnalysis, tmp_path: Path
) -> None:
    """Trees keep the templates `barrier init` copied, with their `| md` filter and a macro's
    table printed bare: the environment escapes them now, once, and they still render (the
    shipped document has since become one template with more sections)."""
    (tmp_path / "templates").mkdir()
    shutil.copytree(BEFORE_ESCAPING / "zh", tmp_path / "templates" / "zh")
    copied = render_analysis(oct_analysis, fmt="md", lang="zh", records=tmp_path)
    assert "本月共收集安全信息 **6** 条（风险加权" in copied
    assert parse(copied).active == []
    assert re.search(r"^\| I-2026\d{4}-\w\w \| 2026-10-\d\d \| ", copied, re.M)  # the macro's table
