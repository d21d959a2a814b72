"""`barrier checkin`: a leader ticks a shift of eight in one screen; abnormal → a report."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
import pytest
from entry_helpers import env, snapshot
from ruamel.yaml import YAML

from barrier_cli.io.parallel import load_tree
from cli_helpers import barrier, copy_tiny, run_together, spawn

SHIFT = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The tiny tree with a leader and eight members on B1-G1, and li (not a member) beside."""
    root = copy_tiny(tmp_path)
    yaml = YAML()
    org = yaml.load((root / "org.yaml").read_text(encoding="utf-8"))
    org["people"].append(
        {
            "id": "lead",
            "name": "组长",
            "unit": "B1-G1",
            "party_member": True,
            "roles": ["group_leader"],
        }
    )
    for n, pid in enumerate(SHIFT, start=1):
        org["people"].append({"id": pid, "name": f"党员{n}", "unit": "B1-G1", "party_member": True})
    with (root / "org.yaml").open("w", encoding="utf-8") as fh:
        yaml.dump(org, fh)
    return root


def _ticked(root: Path) -> dict[str, list[str]]:
    return {r.person: [f"{d.date}/{d.by}" for d in r.days] for r in load_tree(root).returns}


def _spawn(root: Path, tmp_path: Path, *args: str) -> pexpect.spawn:
    return spawn(root, "checkin", "--unit", "B1-G1", *args, env=env(tmp_path), dimensions=(24, 100))


def test_a_shift_of_eight_is_one_screen_and_one_answer(root: Path, tmp_path: Path) -> None:
    child = _spawn(root, tmp_path)
    child.expect("回车保存:")
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before).replace("\r", "")
    shown = [line for line in plain.split("\n") if line.strip()]
    # A heading, ten rows (wang the secretary, the leader, eight members), the question: all
    # on a 24-line terminal with room for the answer.
    assert len(shown) == 12
    assert "（10 人）" in shown[0] and "党员8 (m8)" in shown[-2] and shown[-1].startswith("缺勤")
    child.send("3\r")  # m1 is 3rd after wang and lead: absent
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    ticked = _ticked(root)
    assert sorted(ticked) == sorted(["wang", "lead", *SHIFT[1:]])
    assert ticked["m2"] == ["2026-11-24/lead"]
    assert ticked["lead"] == ["2026-11-24/None"]  # the leader ticking himself is no 'by'
    assert barrier(root, "check", "--strict").returncode == 0


def test_abnormal_hands_over_to_report_add_and_ctrl_c_there_keeps_the_ticks(
    root: Path, tmp_path: Path
) -> None:
    before = {k for k in snapshot(root) if k.startswith("reports/")}
    child = _spawn(root, tmp_path)
    child.expect("回车保存:")
    child.send("!4\r")
    child.expect(r"报送单位.*\[B1-G1")  # report add, who and when already known: m2, today
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    ticked = _ticked(root)
    assert "m2" not in ticked and len(ticked) == 9
    assert {k for k in snapshot(root) if k.startswith("reports/")} == before


def test_a_typo_is_asked_again(root: Path, tmp_path: Path) -> None:
    child = _spawn(root, tmp_path)
    child.expect("回车保存:")
    child.send("11\r")
    child.expect("1-10 的序号")
    child.expect("回车保存:")
    child.send("1 2 3 4 5 6 7 8 9 10\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert _ticked(root) == {}


def test_without_a_terminal_absent_and_abnormal_are_named_by_flags(root: Path) -> None:
    done = barrier(
        root,
        "checkin",
        "--unit",
        "B1-G1",
        "--date",
        "2026-11-20",
        "--absent",
        "m1,党员2",
        "--abnormal",
        "m3",
        "--no-input",
    )
    assert done.returncode == 0, done.stderr
    assert "barrier report add --reporter m3 --date 2026-11-20" in done.stdout
    ticked = _ticked(root)
    assert sorted(ticked) == sorted(["wang", "lead", *SHIFT[3:]])
    (record,) = [r for r in load_tree(root).returns if r.person == "m4"]
    assert record.days[0].filed is not None  # ticked on the 24th for the 20th: late


def test_two_leaders_ticking_at_once_both_land(root: Path) -> None:
    days = [f"2026-11-{d:02d}" for d in range(16, 24)]
    results = run_together(
        root,
        [["checkin", "--unit", "B1-G1", "--date", d, "--no-input"] for d in days],
    )
    assert [code for code, _, _ in results] == [0] * len(days), results
    ticked = _ticked(root)
    assert len(ticked["m1"]) == len(days) and ticked["m1"] == sorted(ticked["m1"])


def test_a_member_on_leave_is_not_on_the_shift(root: Path) -> None:
    (root / "roster.yaml").write_text(
        "leave:\n  - person: m5\n    start: 2026-11-23\n    end: 2026-11-27\n", encoding="utf-8"
    )
    done = barrier(root, "checkin", "--unit", "B1-G1", "--no-input")
    assert done.returncode == 0, done.stderr
    assert "m5" not in _ticked(root) and len(_ticked(root)) == 9


def test_an_unknown_unit_or_person_is_one_line(root: Path) -> None:
    done = barrier(root, "checkin", "--unit", "B9", "--no-input")
    assert (done.returncode, done.stderr.strip()) == (
        1,
        "barrier: error: --unit: org.yaml 中没有单位“B9”",
    )
    done = barrier(root, "checkin", "--unit", "B1-G1", "--absent", "li", "--no-input")
    assert done.returncode == 1 and "不在 B1-G1 的班次中" in done.stderr


def test_roundup_at_a_terminal_asks_the_judgement_then_saves_final(tmp_path: Path) -> None:
    from barrier_cli.core.periods import Month
    from barrier_cli.reports.compliance import reporting_compliance
    from network_tree import write

    root = write(tmp_path / "records")
    child = spawn(
        root,
        "roundup",
        "--week",
        "2026-W12",
        "--unit",
        "G1",
        env=env(tmp_path),
        dimensions=(60, 100),
    )
    child.expect("分析意见：")
    assert "escalate:" in child.before and "R-20260320-0001" in child.before  # the draft
    child.send("两违一起已上报支部，组内已复盘\r")
    child.expect(r"保存为定稿？\[y/N\]:")
    child.send("y\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    lead = reporting_compliance(load_tree(root), Month(2026, 3)).groups[0]
    assert lead.missed_periods == ()
