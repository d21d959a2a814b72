"""What the sixth reading of the notice by a 车间党总支书记 asked for: one answer for a branch
whose secretary is involved in its case (the secretary still answers, a committee member urges
it on, the general branch's secretary supervises), said the same in 三 and 五."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present import notice as n

OCT = Month(2026, 10)
D = dt.date
EXAMPLE = Path(__file__).resolve().parents[2] / "records"


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


@pytest.fixture(scope="module")
def example() -> dict[str, str]:
    tree = load_tree(EXAMPLE)
    out = {}
    for lang in ("zh", "en"):
        notice = n.build_notice(tree, OCT, today=D(2026, 11, 5), lang=lang)  # type: ignore[arg-type]
        out[lang] = n.render_notice(notice, fmt="md", lang=lang, records=EXAMPLE)  # type: ignore[arg-type]
    return out


# -- NOTICE zh 3, en 10: one answer for the 四班 branch ----------------------------------------


def test_the_involved_secretary_still_answers_with_an_urger_and_a_supervisor(
    example: dict[str, str],
) -> None:
    orders = _between(example["zh"], "整改要求", "附件")
    assert (
        "4. 四班党支部（责任人：支部书记任辉；支部委员莫文斌督促；车间党总支书记王建国督导）："
        in orders
    )
    assert "责任人：支部委员莫文斌" not in example["zh"]
    en = example["en"]
    assert (
        "4. Shift 4 branch (branch secretary Ren Hui answers for this; committee member Mo "
        "Wenbin follows it up; the General Branch secretary Wang Jianguo supervises):" in en
    )
    assert "Mo Wenbin answers for this" not in en


# -- NOTICE zh 8: the 20 September meeting is no committee analysis, in 三 as in the 附件 -------


def test_an_unrecorded_meeting_is_not_called_a_committee_meeting(example: dict[str, str]) -> None:
    case = _between(example["zh"], "2. 9月18日，三班二组", "\n")
    assert "三班党支部9月20日召开的分析会未记录参会人员，不能认定为支委会剖析，" in case
    assert "召开的支委会未记录参会人员" not in example["zh"]
    # what the 总支 owes follows what the branch lacks, dated as its self-review dates it
    assert case.index("未达到“三不放过”要求。") < case.index(
        "车间党总支将于11月15日前召开总支委员会补充总支层面剖析（见本通报三（六））。"
    )
    assert "总支层面剖析由车间党总支补做" not in example["zh"]
    assert "将于11月15日前召开总支委员会补充剖析" in _between(example["zh"], "（六）", "（七）")
    en = _between(example["en"], "2. On 18 September", "\n")
    assert (
        "the meeting Shift 3 branch held on 20 September kept no attendance record, so it does "
        "not count as a committee analysis" in en
    )
    assert "The General Branch will hold a committee meeting by 15 November" in en
