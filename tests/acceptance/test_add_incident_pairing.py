"""`barrier incident add`, `pairing add`, `pairing review` and `action done`, as run by people."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest
from entry_helpers import DATA, barrier, copy_tree, load_yaml, new_files, snapshot, spawn


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_tree(tmp_path)


def _only_new(before: dict[str, bytes], root: Path) -> dict[str, object]:
    [rel] = new_files(before, root)
    data = load_yaml((root / rel).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_incident_add_violation_by_flags(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    done = barrier(
        root, "incident", "add", "--no-input", "--title", "李四未按规定钻车", "--unit", "G11",
        "--type", "两违", "--violation-kind", "违章", "--violation-severity", "serious",
        "--violation-person", "李四", "--date", "2026-11-20",
        tmp_path=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = _only_new(before, root)
    assert str(data["id"]).startswith("I-20261120-")
    assert data["violation"] == {"kind": "rule", "severity": "serious", "person": "li_si"}
    assert barrier(root, "check", tmp_path=tmp_path).returncode == 0


def test_an_accident_needs_its_class(root: Path, tmp_path: Path) -> None:
    args = ["--title", "风表被拖走", "--unit", "G11", "--type", "accident"]
    done = barrier(root, "incident", "add", "--no-input", *args, tmp_path=tmp_path)
    assert done.returncode == 1 and "'class' (--class)" in done.stderr
    done = barrier(
        root, "incident", "add", "--no-input", *args, "--class", "一般A类事故", tmp_path=tmp_path
    )
    assert done.returncode == 0, done.stderr


def test_pairing_add_defaults_the_unit_to_the_key_persons(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    done = barrier(
        root, "pairing", "add", "--no-input", "--mentor", "王五", "--person", "li_si",
        "--reasons", "few_finds,违章违纪多", "--goals", "独立完成踏面检查", "--goals", "三个月内无两违",
        tmp_path=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = _only_new(before, root)
    assert data["unit"] == "G11" and data["reasons"] == ["few_finds", "violations"]
    assert data["goals"] == ["独立完成踏面检查", "三个月内无两违"]


def test_a_mentor_from_another_unit_is_refused(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    done = barrier(
        root, "pairing", "add", "--no-input", "--mentor", "zhao_liu", "--person", "li_si",
        "--reasons", "1", tmp_path=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1 and "与 李四（G11）不在同一单位" in done.stderr
    assert snapshot(root) == before


def test_pairing_review_at_a_terminal(root: Path, tmp_path: Path) -> None:
    child = spawn(root, tmp_path, "pairing", "review", "P-20260901-4B", BARRIER_USER="zhang_san")
    child.expect("日期")
    child.send("2026-11-20\r")
    child.expect(r"记录人.*\[zhang_san")
    child.send("\r")
    child.expect("情况")
    child.send("能独立完成踏面检查\r")
    child.expect("五勤")
    child.send("observe,help\r")
    child.expect("四同")
    child.send("work\r")
    child.expect("保存")
    child.send("\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    golden = DATA / "golden" / "P-20260901-4B.after-review.yaml"
    written = (root / "pairings/2026/P-20260901-4B.yaml").read_text(encoding="utf-8")
    # the golden review (as `pairing review` by flags writes it) plus the 五勤 and 四同 answered
    note = "    note: 能独立完成踏面检查\n"
    answered = "    diligences:\n      - observe\n      - help\n    together:\n      - work\n"
    assert written == golden.read_text(encoding="utf-8").replace(note, note + answered)


def test_action_done_golden_through_the_command(root: Path, tmp_path: Path) -> None:
    first = barrier(
        root, "action", "done", "R-20261103-7K2Q/2", "--date", "2026-11-20", tmp_path=tmp_path
    )
    second = barrier(
        root, "action", "done", "R-20261103-7K2Q/3", "--verified-by", "王五", tmp_path=tmp_path
    )
    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert first.stdout == "R-20261103-7K2Q actions[2] 2026-11-20 完成\n"
    assert "已无未完成的整改措施" in second.stderr
    golden = DATA / "golden" / "R-20261103-7K2Q.after-done-2-and-3.yaml"
    written = (root / "reports/2026/11/R-20261103-7K2Q.yaml").read_text(encoding="utf-8")
    assert written == golden.read_text(encoding="utf-8")
    assert barrier(root, "check", tmp_path=tmp_path).returncode == 0


def test_action_done_without_a_terminal_lists_the_open_ones(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    done = barrier(root, "action", "done", "R-20261103-7K2Q", tmp_path=tmp_path)
    assert done.returncode == 1
    assert "R-20261103-7K2Q/2" in done.stderr and "R-20261103-7K2Q/3" in done.stderr
    assert snapshot(root) == before


def test_action_done_asks_which_at_a_terminal(root: Path, tmp_path: Path) -> None:
    child = spawn(root, tmp_path, "action", "done", "R-20261103-7K2Q")
    # each open action with its number (from 1, as in ID/N), its text and its owner
    child.expect(r"2  全组学习踏面擦伤判定标准  \(张三 zhang_san, 2026-11-30\)")
    child.expect(r"3  踏面检查列入班前提醒  \(赵六 zhao_liu, 2026-12-15\)")
    child.expect(r"完成的是第几项（2、3）")  # numbered from 1, as in ID/N
    child.send("1\r")
    child.expect(r"“1”不是未完成的项，请输入 2、3")
    child.send("3\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = (root / "reports/2026/11/R-20261103-7K2Q.yaml").read_text(encoding="utf-8")
    assert "    due: 2026-12-15  # 与二组同步\n    done: 2026-11-24\n" in text


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--note", "a\x1b[31m"], "情况：含有控制字符 U+001B"),
        (["--note", "好", "--date", "2026-11-25"], "日期 2026-11-25 晚于今天"),
        (["--note", "好", "--by", "nobody"], "--by: org.yaml 中没有人员“nobody”"),
    ],
)
def test_a_review_is_checked_like_a_new_record_one_line_exit_1(
    root: Path, tmp_path: Path, flags: list[str], said: str
) -> None:
    before = snapshot(root)
    done = barrier(
        root, "pairing", "review", "P-20260901-4B", "--no-input", "--by", "wang_wu", *flags,
        tmp_path=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and said in done.stderr
    assert snapshot(root) == before


def test_a_review_by_initials(root: Path, tmp_path: Path) -> None:
    done = barrier(
        root, "pairing", "review", "P-20260901-4B", "--no-input", "--by", "ww", "--note", "好",
        tmp_path=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = (root / "pairings/2026/P-20260901-4B.yaml").read_text(encoding="utf-8")
    assert "by: wang_wu\n    note: 好\n" in text


def test_action_done_verified_by_pinyin(root: Path, tmp_path: Path) -> None:
    done = barrier(
        root, "action", "done", "R-20261103-7K2Q/2", "--verified-by", "wangwu", tmp_path=tmp_path
    )
    assert done.returncode == 0, done.stderr
    text = (root / "reports/2026/11/R-20261103-7K2Q.yaml").read_text(encoding="utf-8")
    second = text.split("全组学习踏面擦伤判定标准")[1].split("踏面检查列入班前提醒")[0]
    assert "verified_by: wang_wu" in second
    unknown = barrier(
        root, "action", "done", "R-20261103-7K2Q/3", "--verified-by", "nobody", tmp_path=tmp_path
    )
    assert (
        unknown.returncode == 1 and "--verified-by: org.yaml 中没有人员“nobody”" in unknown.stderr
    )


def test_pairing_add_takes_the_plans_cadence_by_key_or_label(root: Path, tmp_path: Path) -> None:
    args = ["pairing", "add", "--no-input", "--mentor", "王五", "--person", "li_si"]
    before = snapshot(root)
    done = barrier(root, *args, "--reasons", "1", "--cadence", "每周一次", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _only_new(before, root)["cadence"] == "weekly"
    # a cadence the plan cannot have is one clear line, and nothing is written
    before = snapshot(root)
    done = barrier(root, *args, "--reasons", "1", "--cadence", "daily", tmp_path=tmp_path)
    assert done.returncode == 1 and "cadence" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(root) == before
