"""The shop-floor terminal driven at a pseudo-terminal, as people in the duty room use it.

Every answer is checked at its own prompt, people are found by pinyin and initials, the
shared `barrier terminal` serves a shift of people one after another, and leaving (n at the
confirmation, Ctrl-C) says one plain line.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pexpect
import pytest
from entry_helpers import add_zhu_chunxiang, barrier, copy_tree, load_yaml, new_files, snapshot
from entry_helpers import spawn as spawn_at

REPORT_FLAGS = ["--source", "on_site", "--element", "equipment", "--category", "hazard"]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    records = copy_tree(tmp_path)
    add_zhu_chunxiang(records)
    return records


def _rest_of_a_report(child: pexpect.spawn, summary: str, *, train: str = "") -> None:
    """Answer a report's questions after the date (reporter and unit given or defaulted)."""
    for title, answer in (
        ("报送层级", ""),
        ("信息来源", "1"),
        ("要素", "1"),
        ("类别", "1"),
        ("五个关键", ""),
        ("风险等级", ""),
    ):
        child.expect(title)
        child.send(answer + "\r")
    child.expect(r"车次（可空）( \[[^\]]*\])?:")
    assert child.match.group(1) is None  # nothing typed before for this person: no [default]
    child.send(train + "\r")
    for title in ("车号", "地点", "涉及人员"):
        child.expect(title)
        child.send("\r")
    child.expect("摘要")
    child.send(summary + "\r")
    for title in ("详细情况", "表扬", "关联记录"):
        child.expect(title)
        child.send("\r")


def _ends(child: pexpect.spawn) -> tuple[int | None, str]:
    child.expect(pexpect.EOF)
    rest = child.before
    child.close()
    return child.exitstatus, rest


# -- every answer checked at its own prompt --------------------------------------------------


def test_a_future_date_is_refused_at_its_prompt_in_chinese(root: Path, tmp_path: Path) -> None:
    child = spawn_at(root, tmp_path, "report", "add", BARRIER_USER="zhang_san")
    child.expect(r"发现日期 \[2026-11-24\]")
    child.send("2026-12-01\r")
    # refused before the next question, in the tree's language, and asked again with the
    # last good value (today) as the default, not the refused one
    index = child.expect([r"发现日期 2026-12-01 晚于今天，不能晚于今天", "报送人"])
    assert index == 0
    child.expect(r"发现日期 \[2026-11-24\]")
    child.send("\r")
    child.expect("报送人")
    child.sendintr()
    assert _ends(child)[0] == 130


def test_what_is_typed_before_prompt_toolkit_takes_the_first_line_over_is_kept(
    root: Path, tmp_path: Path
) -> None:
    """The first question is read by a plain line reader until prompt_toolkit is loaded
    (`plainline`); the half-typed answer goes over with the line and is checked as typed."""
    child = spawn_at(root, tmp_path, "report", "add", BARRIER_USER="zhang_san")
    child.expect(r"发现日期 \[2026-11-24\]")
    child.send("2026-12-0")
    time.sleep(1.5)  # prompt_toolkit is loaded, and has drawn the line again with its help
    child.expect("2026-12-0")
    child.send("1\r")
    index = child.expect([r"发现日期 2026-12-01 晚于今天，不能晚于今天", "报送人"])
    assert index == 0
    child.sendintr()
    assert _ends(child)[0] == 130


def test_a_person_not_in_the_unit_is_refused_at_the_reporter_prompt(
    root: Path, tmp_path: Path
) -> None:
    """The check's rule 'reporter in the unit on the date', at the reporter's own prompt."""
    org = root / "org.yaml"
    org.write_text(
        org.read_text("utf-8").replace(
            "  - id: li_si\n    name: 李四\n",
            "  - id: li_si\n    name: 李四\n    until: 2026-11-01\n",
        ),
        encoding="utf-8",
    )
    child = spawn_at(root, tmp_path, "report", "add")
    child.expect("发现日期")
    child.send("\r")
    child.expect("报送人")
    child.send("ls\r")
    child.expect(r"李四（li_si）2026-11-24 不在该单位")
    child.expect("报送人")
    child.sendintr()
    assert _ends(child)[0] == 130


def test_a_date_long_past_is_confirmed_once(root: Path, tmp_path: Path) -> None:
    """backdate_days is 7: twenty days back asks; n asks the date again, y keeps it."""
    before = snapshot(root)
    child = spawn_at(root, tmp_path, "report", "add", BARRIER_USER="zhang_san")
    child.expect("发现日期")
    child.send("2026-11-04\r")
    child.expect(r"2026-11-04 是 20 天前（超过 7 天）.*确认这个日期？")
    child.send("n\r")
    child.expect(r"发现日期 \[2026-11-24\]")
    child.send("2026-11-04\r")
    child.expect("确认这个日期")
    child.send("y\r")
    child.expect("报送人")
    child.send("\r")
    child.expect("报送单位")
    child.send("\r")
    _rest_of_a_report(child, "补报：上月踏面擦伤")
    child.expect("保存")
    child.send("y\r")
    status, rest = _ends(child)
    assert status == 0, rest
    [rel] = new_files(before, root)
    assert load_yaml((root / rel).read_text("utf-8"))["date"].isoformat() == "2026-11-04"


def test_a_date_long_past_by_flag_is_accepted_with_a_warning(root: Path, tmp_path: Path) -> None:
    done = barrier(
        root,
        "report",
        "add",
        "--no-input",
        "--reporter",
        "zhang_san",
        "--date",
        "2026-10-30",
        *REPORT_FLAGS,
        "--summary",
        "补报",
        tmp_path=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert (
        "warning: 发现日期 2026-10-30 已过去 25 天，超过 deadlines.backdate_days（7）"
        in done.stderr
    )


# -- pinyin and initials ----------------------------------------------------------------------


def test_zcx_completes_to_zhu_chunxiang_with_her_unit(root: Path, tmp_path: Path) -> None:
    child = spawn_at(root, tmp_path, "report", "add")
    child.expect("发现日期")
    child.send("\r")
    child.expect("报送人")
    child.send("zcx\t")  # one match: Tab puts her id on the line
    child.expect("zhu_chunxiang")
    child.send("\r")
    child.expect(r"报送单位.*\[G12")  # her unit follows
    child.send("<\r")
    child.expect("报送人")
    child.send("zh\r")  # 张三, 赵六, 朱春祥: listed, none guessed
    child.expect("“zh”可指多个人员，请输入编号：")
    child.expect("zhang_san 张三（检车一组党小组）")
    child.expect("zhu_chunxiang 朱春祥（检车二组党小组）")
    child.expect("报送人")
    child.send("zhuchunx\r")  # a beginning of her pinyin
    child.expect(r"报送单位.*\[G12")
    child.sendintr()
    assert _ends(child)[0] == 130


def test_flags_and_from_take_pinyin_and_initials(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    by_flag = barrier(
        root,
        "report",
        "add",
        "--no-input",
        "--reporter",
        "zcx",
        "--persons",
        "zhangsan,赵六",
        *REPORT_FLAGS,
        "--summary",
        "拼音报送",
        tmp_path=tmp_path,
    )
    assert by_flag.returncode == 0, by_flag.stderr
    record = "reporter: zhuchunx\nsource: on_site\nelement: equipment\ncategory: hazard\n"
    record += "summary: 文件报送\n"
    by_file = barrier(root, "report", "add", "--from", "-", tmp_path=tmp_path, stdin=record)
    assert by_file.returncode == 0, by_file.stderr
    written = [load_yaml((root / rel).read_text("utf-8")) for rel in new_files(before, root)]
    assert {r["reporter"] for r in written} == {"zhu_chunxiang"}
    assert {r["unit"] for r in written} == {"G12"}
    assert [r["persons"] for r in written if r["summary"] == "拼音报送"] == [
        ["zhang_san", "zhao_liu"]
    ]


def test_an_ambiguous_flag_lists_the_candidates(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    done = barrier(
        root, "report", "add", "--no-input", "--reporter", "zh", *REPORT_FLAGS,
        "--summary", "x", tmp_path=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "zhang_san 张三" in done.stderr and "zhu_chunxiang 朱春祥" in done.stderr
    assert snapshot(root) == before


def test_from_takes_the_flag_names_too(root: Path, tmp_path: Path) -> None:
    record = (
        "type: violation\nviolation-kind: 违章\nviolation_severity: general\n"
        "violation-person: zcx\ntitle: 未插防护信号\nunit: 检车二组党小组\n"
    )
    done = barrier(root, "incident", "add", "--from", "-", tmp_path=tmp_path, stdin=record)
    assert done.returncode == 0, done.stderr
    data = load_yaml(Path(done.stdout.split()[1]).read_text("utf-8"))
    assert data["violation"] == {"kind": "rule", "severity": "general", "person": "zhu_chunxiang"}
    assert data["unit"] == "G12"


# -- the shared terminal ----------------------------------------------------------------------


def test_a_shift_of_three_people_through_the_terminal(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    child = spawn_at(root, tmp_path, "terminal")
    child.expect("报送人")
    child.send("zcx\r")
    child.expect("朱春祥（检车二组党小组）")
    child.send("1\r")  # nothing abnormal today
    child.expect("已记录：朱春祥 2026-11-24 今日无异常")

    child.expect("报送人")
    child.send("ls\r")
    child.expect("李四（检车一组党小组）")
    child.send("2\r")
    child.expect("发现日期")
    child.send("\r")
    child.expect(r"报送单位.*\[G11")
    child.send("\r")
    _rest_of_a_report(child, "李四：制动软管磨损", train="41008")
    child.expect("保存")
    child.send("\r")
    child.expect("已保存：R-")

    child.expect("报送人")
    child.send("王五\r")
    child.expect("王五（检车一组党小组）")
    child.send("2\r")
    child.expect(r"发现日期 \[2026-11-24\]")
    child.send("昨天\r")
    child.expect(r"报送单位.*\[G11")
    child.send("\r")
    _rest_of_a_report(child, "王五：防护信号未撤")  # no 41008 offered as his default
    child.expect("保存")
    child.send("y\r")
    child.expect("已保存：R-")

    child.expect("报送人")
    child.send("q\r")
    child.expect("本班共 2 条信息、1 人今日无异常")
    assert _ends(child)[0] == 0

    added = new_files(before, root)
    reports = [load_yaml((root / r).read_text("utf-8")) for r in added if r.startswith("reports/")]
    assert sorted((r["reporter"], r["summary"]) for r in reports) == [
        ("li_si", "李四：制动软管磨损"),
        ("wang_wu", "王五：防护信号未撤"),
    ]
    assert [r.get("train") for r in reports if r["reporter"] == "wang_wu"] == [None]
    [returns] = [r for r in added if r.startswith("returns/")]
    assert "zhu_chunxiang" in returns and "2026-11-24" in (root / returns).read_text("utf-8")
    assert barrier(root, "check", tmp_path=tmp_path).returncode == 0


def test_an_idle_terminal_goes_back_to_the_start_writing_nothing(
    root: Path, tmp_path: Path
) -> None:
    before = snapshot(root)
    child = spawn_at(root, tmp_path, "terminal", "--idle", "1")
    child.expect("报送人")
    child.send("ls\r")
    child.expect("1 今日无异常")
    child.send("2\r")
    child.expect("发现日期")
    child.send("昨天\r")
    child.expect("报送单位")  # then walks away
    child.expect("超时无操作，未写入")
    child.expect("安全信息终端")
    child.expect("报送人")
    child.send("q\r")
    assert _ends(child)[0] == 0
    assert snapshot(root) == before


def test_ctrl_c_in_a_turn_goes_back_to_the_start(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    child = spawn_at(root, tmp_path, "terminal")
    child.expect("报送人")
    child.send("ww\r")
    child.expect("1 今日无异常")
    child.send("2\r")
    child.expect("发现日期")
    time.sleep(0.2)
    child.sendintr()
    child.expect("已取消，未写入")
    child.expect("报送人")
    child.sendintr()  # at the start screen: the terminal closes
    status, rest = _ends(child)
    assert status == 130 and "终端已关闭" in rest
    assert snapshot(root) == before


# -- confirm and leave ------------------------------------------------------------------------


def test_the_confirmation_shows_every_field_however_given(root: Path, tmp_path: Path) -> None:
    child = spawn_at(
        root, tmp_path, "report", "add", "--reporter", "zhang_san", *REPORT_FLAGS,
        "--summary", "全由参数给出", "--train", "41008",
    )  # fmt: skip
    for title in ("发现日期", "报送单位", "报送层级", "五个关键", "风险等级", "车号", "地点"):
        child.expect(title)
        child.send("\r")
    for title in ("涉及人员", "详细情况", "表扬", "关联记录"):
        child.expect(title)
        child.send("\r")
    for shown in (
        r"报送人: zhang_san \(张三\)",
        "信息来源: 现场作业",
        "车次: 41008",
        "摘要: 全由参数给出",
        "关联记录: （空）",
    ):
        child.expect(shown)
    child.expect("保存")
    child.send("99\r")  # no such line: said what is accepted, not silently redrawn
    child.expect("请输入 y 保存、n 不保存、1–17 修改该项，或 < 返回")
    child.send("abc\r")
    child.expect("请输入 y 保存")
    child.send("n\r")
    status, rest = _ends(child)
    assert status == 0
    assert "未保存，什么也没有写入" in rest and "error" not in rest


def test_no_at_the_confirmation_exits_0_writing_nothing(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    child = spawn_at(
        root, tmp_path, "report", "add", "--reporter", "zhang_san", *REPORT_FLAGS,
        "--summary", "不保存",
    )  # fmt: skip
    for title in ("发现日期", "报送单位", "报送层级", "五个关键", "风险等级", "车次", "车号"):
        child.expect(title)
        child.send("\r")
    for title in ("地点", "涉及人员", "详细情况", "表扬", "关联记录"):
        child.expect(title)
        child.send("\r")
    child.expect(r"保存？\[Y/n")
    child.send("n\r")
    status, rest = _ends(child)
    assert status == 0
    assert rest.strip().endswith("未保存，什么也没有写入")
    assert snapshot(root) == before


def test_ctrl_c_prints_one_line_and_exits_130(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    child = spawn_at(root, tmp_path, "report", "add", BARRIER_USER="zhang_san")
    child.expect("发现日期")
    child.send("\r")
    child.expect("报送人")
    time.sleep(0.2)
    child.sendintr()
    status, rest = _ends(child)
    assert status == 130
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x08", "", rest).replace("\r", "")
    lines = [line.strip() for line in plain.split("\n") if line.strip()]
    # what is left of the prompt's redraw, then the one line
    assert lines[-1] == "已取消，未写入" and not any("取消" in line for line in lines[:-1])
    assert "interrupted" not in rest and "已中断" not in rest and "Traceback" not in rest
    assert snapshot(root) == before
