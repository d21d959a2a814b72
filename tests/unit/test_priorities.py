"""Priorities become records: adopt → check → the month's analysis says whether each was done."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli_helpers import barrier

EXAMPLE = Path(__file__).resolve().parents[2] / "records"


@pytest.mark.slow
def test_adopt_then_the_months_analysis_reports_each_state(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(EXAMPLE, root)
    out = barrier(root, "priorities", "adopt", "--month", "2026-11", "--by", "wang_jianguo")
    assert out.returncode == 0, out.stderr
    path = root / "priorities" / "2026" / "S-2026-11.yaml"
    text = path.read_text(encoding="utf-8")
    assert "owner: ren_hui" in text and "due: 2026-11-30" in text
    again = barrier(root, "priorities", "adopt", "--month", "2026-11", "--by", "wang_jianguo")
    assert again.returncode == 1 and "already exists" in again.stderr
    # the first priority carried out on the 20th, with its evidence
    first = text.index("    unit: B4\n")
    path.write_text(
        text[:first] + "    done: 2026-11-20\n    evidence:\n      - 考试记录\n" + text[first:],
        encoding="utf-8",
    )
    assert barrier(root, "check", "--strict").returncode == 0
    md = barrier(root, "analyze", "--month", "2026-11", "--format", "md").stdout
    section = md.split("## 四、上月保安全重点落实情况")[1].split("## 五")[0]
    assert "本月保安全重点共5项，按期完成1项" in section
    assert "| 按期完成 2026-11-20 | 考试记录 |" in section
