"""`barrier notice` as a user runs it: documents, issuing, concurrent issuers, example records."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from cli_helpers import barrier, run_together
from minitree import closed_without_causes, report, write

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "records"
D = dt.date


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return write(
        tmp_path / "records",
        report(commend=True, vehicle="G606230356"),
        closed_without_causes(),
    )


def test_an_incident_closed_without_causes_is_criticised(tree: Path) -> None:
    result = barrier(tree, "notice", "--month", "2026-10")
    assert result.returncode == 0, result.stderr
    assert "二班党支部" in result.stdout
    attachment = result.stdout.index("通报事项清单\n")
    assert (
        "| 1 | “风表忘撤被拉走”未达到“三不放过”要求即已销号：原因未查清。 |\n"
        in (result.stdout[attachment:])
    )
    # the office asks for the record numbers: a column of their own. The suffix comes from
    # minitree's counter, which other tests in the same worker advance.
    listed = barrier(tree, "notice", "--month", "2026-10", "--with-ids").stdout
    assert re.search(
        r"\| “风表忘撤被拉走”未达到“三不放过”要求即已销号：原因未查清。 \| I-20261005-\d\d \|",
        listed[listed.index("通报事项清单\n") :],
    )
    assert "朱春祥同志" in result.stdout


def test_issuing_twice_needs_force_and_gives_two_numbers(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "notice.html"
    first = barrier(
        tree, "notice", "--month", "2026-10", "--issue", "--format", "html", "--out", str(out)
    )
    assert first.returncode == 0, first.stderr
    assert "已发通报 车间党总支〔2026〕1号（N-2026-001）" in first.stderr
    assert "车间党总支〔2026〕1号" in out.read_text(encoding="utf-8")

    again = barrier(tree, "notice", "--month", "2026-10", "--issue")
    assert again.returncode == 1
    assert again.stderr.startswith("barrier: error: 2026-10 的通报已发出")
    assert "Traceback" not in again.stderr

    forced = barrier(tree, "notice", "--month", "2026-10", "--issue", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "车间党总支〔2026〕2号" in forced.stdout
    assert sorted(p.name for p in (tree / "notices/2026").iterdir()) == [
        "N-2026-001.yaml",
        "N-2026-002.yaml",
    ]
    checked = barrier(tree, "check")
    assert checked.returncode == 1  # the incident closed against 三不放过, nothing else
    assert "notices/" not in checked.stdout and "error[closure]" in checked.stdout


def test_concurrent_issuers_never_reuse_a_number(tree: Path) -> None:
    done = run_together(tree, [["notice", "--month", "2026-10", "--issue", "--force"]] * 6)
    errors = [err for _, _, err in done]
    assert [code for code, _, _ in done] == [0] * 6, errors
    numbers = sorted(line.split()[1] for line in errors)
    assert len(set(numbers)) == 6
    files = sorted(p.name for p in (tree / "notices/2026").iterdir())
    assert files == [f"N-2026-{n:03d}.yaml" for n in range(1, 7)]


def test_concurrent_issuers_of_one_month_issue_it_once(tree: Path) -> None:
    done = run_together(tree, [["notice", "--month", "2026-10", "--issue"]] * 6)
    errors = [err for _, _, err in done]
    assert sorted(code for code, _, _ in done) == [0, 1, 1, 1, 1, 1], errors
    assert all("文号 车间党总支〔2026〕1号" in err for code, _, err in done if code)
    assert [p.name for p in (tree / "notices/2026").iterdir()] == ["N-2026-001.yaml"]


def test_bad_options_are_one_line_errors(tree: Path) -> None:
    future = barrier(tree, "notice", "--month", "2027-01")
    assert future.returncode == 1 and "has not begun" in future.stderr
    garbage = barrier(tree, "notice", "--month", "October")
    assert garbage.returncode == 1 and "不是月份" in garbage.stderr
    force_alone = barrier(tree, "notice", "--month", "2026-10", "--force")
    assert force_alone.returncode == 1 and "--force 只能与 --issue 一起使用" in force_alone.stderr


def test_example_notice_names_the_branch_and_member_who_missed_reports() -> None:
    # 2025-09 was issued: --draft shows what the records say now, unnumbered
    result = barrier(EXAMPLES, "notice", "--month", "2025-09", "--draft")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    unit = text.index("一班党支部")
    attachment = text[text.index("附件\n") :]
    assert "吴磊（一班党支部，党员）：本月应反馈22个值班日，均未反馈" in attachment
    # the member is named once, among those who failed; their assessment's key is no evidence
    assert attachment.count("吴磊（一班党支部，党员）") == 1
    assert "A-2025-09-wu_lei" not in text
    assert unit < text.index("附件\n")
    # a draft of the month issued names the issued notice instead of taking a number
    assert "中共牡丹江车辆段列检车间总支部委员会" in text
    assert "列检党总支〔2025〕2号（存档副本）" in text
    # a draft of a finished month is dated after its month, not on the day it is printed
    assert "2025年10月5日印发" in text


def test_example_good_catches_are_praised_in_their_months() -> None:
    november = barrier(EXAMPLES, "notice", "--month", "2025-11").stdout
    praise = november[november.index("二、表扬") : november.index("三、存在的问题")]
    assert "朱春祥" in praise and "41008次" in praise and "G606230356" in praise
    june = barrier(EXAMPLES, "notice", "--month", "2025-06").stdout
    praise = june[june.index("二、表扬") : june.index("三、存在的问题")]
    assert "姜海峰" in praise and "916018次" in praise


def test_example_notice_html_in_english_and_chinese(tmp_path: Path) -> None:
    for lang in ("zh", "en"):
        out = tmp_path / f"notice-{lang}.html"
        result = barrier(
            EXAMPLES,
            "--lang",
            lang,
            "notice",
            "--month",
            "2025-11",
            "--format",
            "html",
            "--out",
            str(out),
        )
        assert result.returncode == 0, result.stderr
        html = out.read_text(encoding="utf-8")
        assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")
        person = "朱春祥" if lang == "zh" else "Zhu Chunxiang"
        assert person in html and "{{" not in html and "{%" not in html
