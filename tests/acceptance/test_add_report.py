"""`barrier report add` as people and scripts use it, with the real command."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pexpect
import pytest
from entry_helpers import barrier, copy_tree, env, load_yaml, new_files, snapshot, spawn

from cli_helpers import BARRIER_COMMAND, barrier_process, run_together

REQUIRED = ["--reporter", "zhang_san", "--source", "on_site", "--element", "equipment"]
REQUIRED += ["--category", "hazard", "--summary", "工具箱尖角划破工作服"]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_tree(tmp_path)


def _check_passes(root: Path, tmp_path: Path) -> None:
    done = barrier(root, "check", tmp_path=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def _spawn(root: Path, tmp_path: Path, **extra: str) -> pexpect.spawn:
    return spawn(root, tmp_path, "report", "add", **extra)


# -- at a terminal ---------------------------------------------------------------------------
def test_ctrl_c_at_the_first_prompt_cancels_where_sigint_is_ignored(
    root: Path, tmp_path: Path
) -> None:
    """Started with SIGINT ignored (``trap '' INT`` in a launcher, ``cmd &`` in a script), the
    first prompt, drawn before prompt_toolkit is loaded, still takes Ctrl-C: it was lost."""
    before = snapshot(root)
    default = signal.signal(signal.SIGINT, signal.SIG_IGN)  # the child inherits it at fork
    try:
        child = _spawn(root, tmp_path, BARRIER_USER="zhang_san")
    finally:
        signal.signal(signal.SIGINT, default)
    child.expect("发现日期")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "已取消，未写入" in child.before
    assert snapshot(root) == before


def test_a_whole_report_typed_at_a_terminal(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    child = _spawn(root, tmp_path, BARRIER_USER="zhang_san")
    child.expect("发现日期")
    child.send("昨天\r")
    child.expect(r"报送人.*\[zhang_san \(张三\)\]")  # $BARRIER_USER is the default
    child.send("\r")
    child.expect(r"报送单位.*\[G11")  # the reporter's unit
    child.send("\r")
    child.expect("报送层级")
    child.send("\r")
    child.expect("信息来源")
    child.send("9\r")  # there are five sources: re-asked with the reason
    child.expect("不是可选项")
    child.expect("信息来源")
    child.send("干部监控\r")
    child.expect("要素")
    child.send("<\r")  # one step back
    child.expect(r"信息来源.*\[干部监控\]")
    child.send("3\r")  # joint labour: now the partner is asked
    child.expect("联劳单位")
    child.send("信号楼\r")  # a name is taken for its id
    child.expect("要素")
    child.send("设备\r")
    child.expect("类别")
    child.send("hazard\r")
    child.expect("五个关键")
    child.send("train,关键岗位\r")
    for title in ("风险等级", "车次"):
        child.expect(title)
        child.send("\r" if title == "风险等级" else "41008\r")
    for title in ("车号", "地点", "涉及人员"):
        child.expect(title)
        child.send("\r")
    child.expect("摘要")
    child.send("信号楼通报：41008次尾部风管未摘\r")
    for title in ("详细情况", "表扬", "关联记录"):
        child.expect(title)
        child.send("\r")
    child.expect("保存")
    child.send("y\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [rel] = new_files(before, root)
    assert rel.startswith("reports/2026/11/R-20261123-")
    data = load_yaml((root / rel).read_text(encoding="utf-8"))
    assert data["source"] == "joint_labour" and data["partner"] == "signal_box"
    assert data["keys"] == ["train", "post"] and data["train"] == "41008"
    assert data["date"].isoformat() == "2026-11-23" and data["unit"] == "G11"
    _check_passes(root, tmp_path)


@pytest.mark.parametrize("prompts_answered", [0, 5, 17])
def test_ctrl_c_at_any_prompt_exits_130_and_writes_nothing(
    root: Path, tmp_path: Path, prompts_answered: int
) -> None:
    """17 answers reach the confirmation; Ctrl-C there too leaves the tree as it was."""
    before = snapshot(root)
    child = _spawn(root, tmp_path, BARRIER_USER="zhang_san")
    answers = ["", "", "", "", "1", "1", "1", "", "", "", "", "", "", "摘要", "", "", ""]
    for answer in answers[:prompts_answered]:
        child.expect(": ?")
        child.send(answer + "\r")
    if prompts_answered >= len(answers):
        child.expect("保存")
    else:
        child.expect(":")
    time.sleep(0.2)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert snapshot(root) == before
    assert not (tmp_path / "state").exists()


# -- scripted ----------------------------------------------------------------------------------


def test_no_input_writes_a_valid_file_and_prints_id_and_path(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    done = barrier(
        root, "report", "add", "--no-input", *REQUIRED, "--keys", "train", tmp_path=tmp_path
    )
    assert done.returncode == 0, done.stderr
    [rel] = new_files(before, root)
    record_id, path = done.stdout.split()
    assert Path(path) == root / rel and rel.endswith(f"/{record_id}.yaml")
    _check_passes(root, tmp_path)


def test_no_input_names_every_missing_required_field(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    done = barrier(
        root, "report", "add", "--no-input", "--reporter", "zhang_san", tmp_path=tmp_path
    )
    assert done.returncode == 1
    for flag in ("--source", "--element", "--category", "--summary"):
        assert flag in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(root) == before


def test_without_a_terminal_it_never_prompts_and_says_so(root: Path, tmp_path: Path) -> None:
    done = barrier(root, "report", "add", *REQUIRED, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "标准输入不是终端" in done.stderr


def test_an_unknown_person_flag_is_refused_naming_the_flag(root: Path, tmp_path: Path) -> None:
    done = barrier(
        root, "report", "add", "--no-input", *REQUIRED, "--persons", "nobdy", tmp_path=tmp_path
    )
    assert done.returncode == 1
    assert done.stderr.startswith("barrier: error: --persons:") and "nobdy" in done.stderr


def test_a_record_that_would_fail_check_is_refused_with_every_reason(
    root: Path, tmp_path: Path
) -> None:
    before = snapshot(root)
    record = {"date": "2026-12-01", "persons": ["nobody"], "links": ["R-20260101-AAAA"]}
    done = barrier(
        root, "report", "add", "--from", "-", *REQUIRED, tmp_path=tmp_path, stdin=json.dumps(record)
    )
    assert done.returncode == 1
    assert "通不过 barrier check 的校验" in done.stderr
    for reason in ("晚于今天", "nobody", "R-20260101-AAAA"):
        assert reason in done.stderr
    assert snapshot(root) == before


def test_reporter_not_in_the_unit_on_the_date_is_refused(root: Path, tmp_path: Path) -> None:
    org = root / "org.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "    since: 2026-11-10\n", encoding="utf-8")
    args = ["--reporter", "zhao_liu", "--date", "2026-11-01", *REQUIRED[2:]]
    done = barrier(root, "report", "add", "--no-input", *args, tmp_path=tmp_path)
    assert done.returncode == 1
    assert "赵六（zhao_liu）2026-11-01 不在该单位" in done.stderr


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_from_stdin_reads_yaml_or_json(root: Path, tmp_path: Path, fmt: str) -> None:
    record = {
        "date": "2026-11-20",
        "reporter": "li_si",
        "source": "briefing",
        "element": "personnel",
        "category": "violation",
        "summary": "班前预想提出钻车防护要求",
        "tags": ["班前预想"],
    }
    text = (
        json.dumps(record, ensure_ascii=False)
        if fmt == "json"
        else "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in record.items())
    )
    before = snapshot(root)
    done = barrier(
        root, "report", "add", "--from", "-", "--risk", "high", tmp_path=tmp_path, stdin=text
    )
    assert done.returncode == 0, done.stderr
    [rel] = new_files(before, root)
    data = load_yaml((root / rel).read_text(encoding="utf-8"))
    assert data["tags"] == ["班前预想"] and data["risk"] == "high" and data["unit"] == "G11"
    _check_passes(root, tmp_path)


def test_from_stdin_that_is_not_a_mapping_is_one_clear_error(root: Path, tmp_path: Path) -> None:
    done = barrier(root, "report", "add", "--from", "-", tmp_path=tmp_path, stdin="- a\n- b\n")
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "<stdin>" in done.stderr


def test_the_reporter_is_remembered_for_the_next_entry(root: Path, tmp_path: Path) -> None:
    first = barrier(
        root, "report", "add", "--no-input", *REQUIRED[:2], *REQUIRED[2:], tmp_path=tmp_path
    )
    assert first.returncode == 0
    second = barrier(root, "report", "add", "--no-input", *REQUIRED[2:], tmp_path=tmp_path)
    assert second.returncode == 0, second.stderr
    path = Path(second.stdout.split()[1])
    assert "reporter: zhang_san" in path.read_text(encoding="utf-8")


def test_commit_adds_and_commits_only_the_new_file(root: Path, tmp_path: Path) -> None:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
        ).stdout

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    (root / "org.yaml").write_text("units: []\n", encoding="utf-8")  # an unrelated change
    git("add", "org.yaml")
    (root / "org.yaml").write_text(
        (copy_tree(tmp_path / "x") / "org.yaml").read_text("utf-8"), encoding="utf-8"
    )
    git("add", "org.yaml")
    done = barrier(
        root,
        "report",
        "add",
        "--no-input",
        "--commit",
        *REQUIRED,
        tmp_path=tmp_path,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@t",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@t",
    )
    assert done.returncode == 0, done.stderr
    record_id = done.stdout.split()[0]
    assert git("log", "-1", "--format=%s") == f"report {record_id}: 工具箱尖角划破工作服\n"
    assert git("show", "--name-only", "--format=", "HEAD").split() == [
        Path(done.stdout.split()[1]).relative_to(root).as_posix()
    ]


# -- nothing is lost -----------------------------------------------------------------------------


@pytest.mark.slow
def test_twenty_adds_at_once_make_twenty_distinct_valid_files(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    adds = [["report", "add", "--no-input", *REQUIRED[:-1], f"同时报送 {n}"] for n in range(20)]
    results = run_together(root, adds, env(tmp_path))
    assert [code for code, _, _ in results] == [0] * 20, [err for _, _, err in results]
    added = new_files(before, root)
    assert len(added) == 20
    ids = {out.split()[0] for _, out, _ in results}
    assert len(ids) == 20
    summaries = {load_yaml((root / rel).read_text("utf-8"))["summary"] for rel in added}
    assert summaries == {f"同时报送 {n}" for n in range(20)}
    _check_passes(root, tmp_path)


def test_killed_during_the_write_leaves_no_file_at_all(root: Path, tmp_path: Path) -> None:
    before = snapshot(root)
    proc = subprocess.Popen(
        [*BARRIER_COMMAND, "--records", str(root), "report", "add", "--no-input", *REQUIRED],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(tmp_path, BARRIER_TEST_PAUSE_BEFORE_LINK="30"),
    )
    assert proc.stderr is not None
    assert b"paused before link" in proc.stderr.readline()  # the record is written, not named
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(root) == before
    proc.stdout and proc.stdout.close()
    proc.stderr.close()


def test_report_add_never_imports_pandas_or_jinja2(root: Path, tmp_path: Path) -> None:
    for args in (["report", "add", "--help"], ["report", "add", "--no-input", *REQUIRED]):
        done = barrier_process(root, *args, env=env(tmp_path, PYTHONPROFILEIMPORTTIME="1"))
        assert done.returncode == 0, done.stderr[-2000:]
        imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
        assert "pydantic" in imported or args[-1] == "--help"
        assert not {m for m in imported if m.split(".")[0] in ("pandas", "jinja2")}


@pytest.mark.slow
def test_twenty_commits_at_once_all_land_as_commits(root: Path, tmp_path: Path) -> None:
    """Twenty terminals meet on git's index lock: each waits its turn, none gives up."""
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t"}
    identity |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            check=True,
            env=env(tmp_path, **identity),
        ).stdout

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "init")
    commits = [
        ["report", "add", "--no-input", "--commit", *REQUIRED[:-1], f"同时提交 {n}"]
        for n in range(20)
    ]
    results = run_together(root, commits, env(tmp_path, **identity))
    failed = [err for code, _, err in results if code != 0]
    assert failed == []
    subjects = git("log", "--format=%s").splitlines()
    assert len(subjects) == 21
    assert {s.split(": ", 1)[1] for s in subjects[:-1]} == {f"同时提交 {n}" for n in range(20)}
    assert git("status", "--porcelain") == ""
