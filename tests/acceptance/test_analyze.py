"""`barrier analyze` and `barrier export` as a user runs them, and on the example records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from analysis_tree import october, write_tree
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.analysis.monthly import analyze
from cli_helpers import barrier

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "records"
TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def oct_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return october(tmp_path_factory.mktemp("cli") / "records")[0]


def test_markdown_when_piped_json_on_request(oct_root: Path) -> None:
    md = barrier(oct_root, "analyze", "--month", "2026-10")
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# 测试车间党总支2026年10月份党内安全信息综合分析")
    en = barrier(oct_root, "--lang", "en", "analyze", "--month", "2026-10", "--format", "json")
    data = json.loads(en.stdout)
    assert data["totals"]["reports"] == 5
    assert data["by"]["element"][0] == {
        "key": "equipment",
        "name": "equipment",
        "count": 3,
        "share": 0.6,
    }


def test_out_writes_the_html_file(oct_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "分析.html"
    done = barrier(
        oct_root, "analyze", "--month", "2026-10", "--format", "html", "--out", str(target)
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and f"已写入 {target}" in done.stderr
    assert target.read_text(encoding="utf-8").count('<svg xmlns="http://www.w3.org/2000/svg"') == 2
    again = barrier(
        oct_root, "analyze", "--month", "2026-09", "--format", "html", "--out", str(target)
    )
    assert again.returncode == 0 and "2026-09" in target.read_text(encoding="utf-8")


def test_a_yaml_out_inside_the_tree_is_refused(oct_root: Path) -> None:
    done = barrier(oct_root, "analyze", "--month", "2026-10", "--out", str(oct_root / "x.yaml"))
    assert done.returncode == 1 and "会被当作记录读取" in done.stderr
    assert not (oct_root / "x.yaml").exists()


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2026-12", "barrier: error: 2026-12 has not begun yet (today is 2026-11-24)"),
        ("2026-05", "barrier: error: no reports or incidents dated 2026-05; the records cover"),
        ("2026-5x", "barrier: error: '2026-5x' is not a month"),
    ],
)
def test_nothing_to_analyse_is_one_clear_line(oct_root: Path, month: str, message: str) -> None:
    done = barrier(oct_root, "--lang", "en", "analyze", "--month", month, "--format", "html")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith(message) and done.stderr.count("\n") == 1


def test_a_new_tree_says_so(tmp_path: Path) -> None:
    done = barrier(write_tree(tmp_path / "records"), "analyze", "--month", "2026-10")
    assert done.returncode == 1
    assert "no reports or incidents yet; add one with 'barrier report add'" in done.stderr
    assert "Traceback" not in done.stderr


def test_export_command_writes_every_table(oct_root: Path, tmp_path: Path) -> None:
    done = barrier(oct_root, "export", "--format", "csv", "--out", str(tmp_path / "x"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "x" / "measures.csv").is_file()
    assert "行数：reports=11、actions=2、incidents=4、measures=4" in done.stderr


# The example records: the source's real cases, checked through the analysis.


@pytest.fixture(scope="module")
def examples() -> Tree:
    return load_tree(EXAMPLES)


def test_example_2025_09_names_the_missed_reporter(examples: Tree) -> None:
    missed = analyze(examples, Month(2025, 9), today=TODAY).compliance.missed()
    assert [(e.tier, e.name, e.expected, e.actual) for e in missed] == [
        ("member", "吴磊", 22, 0)
    ]  # duty days
    md = barrier(EXAMPLES, "analyze", "--month", "2025-09")
    assert md.returncode == 0, md.stderr
    assert "| 党员 | 吴磊 | 一班一组 | 22 | 0 | 22 | 全月均未报送 |" in md.stdout


def test_example_class_a_accidents_in_their_months(examples: Tree) -> None:
    found = {}
    for month in (Month(2026, 3), Month(2026, 6), Month(2026, 10)):
        for case in analyze(examples, month, today=TODAY).incidents:
            if case.class_ == "general_a":
                found[case.id] = (case.status, case.gaps, case.closed)
    # each month's analysis shows its case as it stood at the month's end: the two earlier
    # ones were closed (on 2026-05-20 and 2026-08-25) only after their months
    # a measure still under way lacks no verifier yet: every measure has its owner and due day
    assert found == {
        "I-20260314-01": ("rectifying", ["measures not done", "overseer"], None),
        "I-20260621-01": ("rectifying", ["measures not done", "overseer"], None),
        "I-20261009-01": ("rectifying", ["measures not done"], None),
    }
    closed = analyze(examples, Month(2026, 3), today=TODAY, moment=TODAY).incidents
    assert [(c.status, c.closed) for c in closed if c.id == "I-20260314-01"] == [
        ("closed", dt.date(2026, 5, 20))
    ]


def test_example_pairings_milestones_month_by_month(examples: Tree) -> None:
    turned: dict[str, set[str]] = {}
    overdue: set[str] = set()
    month, running = Month(2025, 6), set()
    while month <= Month(2026, 11):
        result = analyze(examples, month, today=TODAY)
        for row in result.pairings.rows:
            running.add(row.id)
            turned.setdefault(row.id, set()).update(row.turned)
            overdue.update(row.id for _ in row.overdue)
        month = month.shift(1)
    assert len(running) == 20  # the source's 17, two of 2026's autumn and 郑宇 of November
    # The source's 17 key persons all turned around within half a year, none late.
    assert sum(t == {"basic", "full"} for t in turned.values()) == 17
    assert overdue == set()


def test_example_october_overdue_and_priorities(examples: Tree) -> None:
    result = analyze(examples, Month(2026, 10), today=TODAY)
    assert result.timeliness.overdue, "the example October has overdue actions"
    assert all(o.owner_name and o.days_overdue > 0 for o in result.timeliness.overdue)
    ids = {r.id for r in examples.reports}
    assert len(result.priorities) == 3
    assert all(set(p.evidence) <= ids for p in result.priorities)
    weights = [w.weighted for w in result.weak_links]
    assert weights == sorted(weights, reverse=True)
