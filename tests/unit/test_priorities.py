"""Priorities become records: adopt → check → due → the month's analysis says whether each was
carried out. On a copy of the example records, whose 2026-10 analysis proposes six (the
example's own adopted November priorities removed first)."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from barrier_cli.cli.main import app
from cli_helpers import FIXED_DAY

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
ADOPT = ["priorities", "adopt", "--month", "2026-11", "--by", "wang_jianguo"]


def _run(root: Path, *args: str, env: Mapping[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        app, ["--records", str(root), *args], env={**FIXED_DAY, **(env or {})}
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The example records as they stood before November's priorities were adopted."""
    shutil.copytree(EXAMPLE, tmp_path / "records")
    shutil.rmtree(tmp_path / "records" / "priorities")
    return tmp_path / "records"


@pytest.mark.slow
def test_adopt_then_due_then_the_months_analysis_reports_each_state(root: Path) -> None:
    out = _run(root, *ADOPT)
    assert out.exit_code == 0, out.output
    assert out.stdout == "已采纳2026-11保安全重点6项：records/priorities/2026/S-2026-11.yaml\n"
    path = root / "priorities" / "2026" / "S-2026-11.yaml"
    text = path.read_text(encoding="utf-8")
    assert "owner: ren_hui" in text and "due: 2026-11-30" in text
    again = _run(root, *ADOPT)
    assert "已存在，未覆盖任何内容" in str(again.exception)
    due = _run(root, "due", "--days", "30").stdout
    assert "S-2026-11/1  保安全重点: 深刻吸取10月9日33062次晚点事故教训" in due
    # the first priority carried out on the 20th, with its evidence
    first = text.index("    unit: B4\n")
    path.write_text(
        text[:first] + "    done: 2026-11-20\n    evidence:\n      - 考试记录\n" + text[first:],
        encoding="utf-8",
    )
    assert _run(root, "check", "--strict").exit_code == 0
    assert "S-2026-11/1" not in _run(root, "due", "--days", "30").stdout
    md = _run(root, "analyze", "--month", "2026-11", "--format", "md").stdout
    section = md.split("## 四、上月保安全重点落实情况")[1].split("## 五")[0]
    assert (
        "11月24日党内安全分析会确定的11月份保安全重点共6项，按期完成1项、正在推进5项。" in section
    )
    assert "| 按期完成（11月20日） | 考试记录 |" in section


@pytest.mark.slow
def test_adopt_with_edit_takes_the_edited_text(root: Path) -> None:
    # an "editor" that hands the first priority to another committee member
    editor = "sed -i -e '0,/owner: ren_hui/s//owner: liu_zhenhua/'"
    out = _run(root, *ADOPT, "--edit", env={"EDITOR": editor})
    assert out.exit_code == 0, out.output
    text = (root / "priorities" / "2026" / "S-2026-11.yaml").read_text(encoding="utf-8")
    assert "owner: liu_zhenhua" in text and "owner: ren_hui" not in text


def test_a_done_priority_needs_evidence_and_its_owner_must_exist(tmp_path: Path) -> None:
    from barrier_cli.core.models import Priorities

    record = Priorities.model_validate(
        {
            "id": "S-2026-12",
            "month": "2026-12",
            "adopted": "2026-11-30",
            "by": "wang",
            "items": [
                {
                    "content": "加强关键列车“车辆故障”问题卡控",
                    "measures": ["专项检查"],
                    "unit": "B1",
                    "owner": "wang",
                    "due": "2026-12-31",
                    "done": "2026-11-29",
                }
            ],
        }
    )
    import datetime as dt

    problems = record.problems(today=dt.date(2026, 11, 30))
    assert [(p.loc, p.code) for p in problems] == [(("items", 0, "evidence"), "missing")]


def test_the_examples_november_priorities_are_followed_up(tmp_path: Path) -> None:
    """The example tree adopted five for November: one done, one overdue, three under way."""
    md = _run(EXAMPLE, "analyze", "--month", "2026-11", "--format", "md").stdout
    section = md.split("## 四、上月保安全重点落实情况")[1].split("## 五")[0]
    assert (
        "11月3日党内安全分析会确定的11月份保安全重点共5项，按期完成1项、正在推进3项、逾期未完成1项。"
        in section
    )
    assert "| 11月15日 | 逾期未完成 | — |" in section
