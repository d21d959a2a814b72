"""Faults while writing: a full disk, a read-only tree, kill -9, two commands at once, and an
``--out`` that is not a plain file.

Nothing is ever lost: the command says so in one line and exits 1, and the tree holds
exactly what it held before (or, after a kill, each file old or new, never half).

A full disk and a read-only file system are simulated below the command, at the system
calls Python makes, by a ``sitecustomize`` module put on the command's PYTHONPATH: this
works for any user (root ignores permission bits) and on any machine, with no mounting.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from entry_helpers import env

from cli_helpers import (
    ADD_REPORT,
    BARRIER_COMMAND,
    barrier_process,
    copy_tiny,
    device_node,
    run_together,
)
from cli_helpers import barrier as in_process

OPEN_ACTION = """\
id: R-20261110-0009
date: 2026-11-10
reporter: wang
source: on_site
element: equipment
category: hazard
summary: 工具箱尖角划破工作服
# 车间统一处理
actions:
  - action: 打磨圆角
    owner: wang
    due: 2026-11-12
"""
ADD = [*ADD_REPORT, "--summary", "风管吊架松动"]
COMMANDS = {
    "add": ADD,
    "fmt": ["fmt"],
    "action-done": ["action", "done", "R-20261110-0009/1", "--no-input"],
    "notice-issue": ["notice", "--month", "2026-11", "--issue"],
}

# Every write under $BARRIER_FAULT_ROOT fails with $BARRIER_FAULT (ENOSPC or EROFS):
# EROFS on any change; ENOSPC when written data is flushed to disk (os.fsync), or at once
# for a file opened with Python's open(), whose writes cannot be failed later.
SHIM = """
import builtins, errno, io, os

_ROOT = os.path.realpath(os.environ["BARRIER_FAULT_ROOT"])
_CODE = getattr(errno, os.environ["BARRIER_FAULT"])


def _inside(path):
    try:
        real = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return False
    return real == _ROOT or real.startswith(_ROOT + os.sep)


def _fail(path):
    raise OSError(_CODE, os.strerror(_CODE), os.fsdecode(path))


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_open = os.open


def _os_open(path, flags, *args, dir_fd=None, **kw):
    if _CODE == errno.EROFS and flags & _WRITE_FLAGS and dir_fd is None and _inside(path):
        _fail(path)
    return _open(path, flags, *args, dir_fd=dir_fd, **kw)


os.open = _os_open
_builtin_open = builtins.open


def _py_open(file, mode="r", *args, **kw):
    if isinstance(file, (str, bytes, os.PathLike)) and set(mode) & set("wax+") and _inside(file):
        _fail(file)
    return _builtin_open(file, mode, *args, **kw)


builtins.open = io.open = _py_open

_fsync = os.fsync


def _os_fsync(fd):
    try:
        target = os.readlink(f"/proc/self/fd/{int(fd if isinstance(fd, int) else fd.fileno())}")
    except OSError:
        target = ""
    if _inside(target.removesuffix(" (deleted)")):
        _fail(target)
    return _fsync(fd)


os.fsync = _os_fsync


def _guard(name, *positions):
    real = getattr(os, name)

    def guarded(*args, **kw):
        for n in positions:
            if n < len(args) and _inside(args[n]):
                _fail(args[n])
        return real(*args, **kw)

    setattr(os, name, guarded)


if _CODE == errno.EROFS:
    for _name, _pos in [("mkdir", (0,)), ("makedirs", (0,)), ("link", (0, 1)),
                        ("replace", (0, 1)), ("rename", (0, 1)), ("unlink", (0,)),
                        ("remove", (0,)), ("rmdir", (0,)), ("chmod", (0,)),
                        ("symlink", (1,)), ("utime", (0,))]:
        _guard(_name, *_pos)
"""


def barrier(root: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return barrier_process(root, *args, env=env)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, hidden ones too (an empty folder left behind holds nothing)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The tiny tree with an open action and a file fmt will change, checked once."""
    records = copy_tiny(tmp_path)
    (records / "reports/2026/11/R-20261110-0009.yaml").write_text(OPEN_ACTION, encoding="utf-8")
    (records / "reports/2026/11/R-20261101-0001.yaml").write_text(
        "summary: 工具箱尖角划破工作服\nid: R-20261101-0001\ndate: 2026-11-01\n"
        "category: hazard\nreporter: wang\nsource: on_site\nelement: equipment\n",
        encoding="utf-8",
    )
    assert barrier(records, ["check"], env(tmp_path)).returncode == 0
    return records


@pytest.mark.parametrize("fault", ["ENOSPC", "EROFS"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_failing_disk_gives_one_clear_line_and_changes_nothing(
    root: Path, tmp_path: Path, command: str, fault: str
) -> None:
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(textwrap.dedent(SHIM), encoding="utf-8")
    before = snapshot(root)
    faulty = env(
        tmp_path,
        PYTHONPATH=os.pathsep.join([str(shim), os.environ.get("PYTHONPATH", "")]),
        BARRIER_FAULT=fault,
        BARRIER_FAULT_ROOT=str(root),
    )
    done = barrier(root, COMMANDS[command], faulty)
    assert done.returncode == 1, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("barrier: error: ")
    # the cause is said in the tree's language (zh)
    reasons = ("磁盘空间不足",) if fault == "ENOSPC" else ("只读",)
    assert any(reason in line.lower() for reason in reasons)
    assert snapshot(root) == before

    healthy = barrier(root, COMMANDS[command], env(tmp_path))
    assert healthy.returncode == 0, healthy.stderr  # the tree was left fit to retry


def test_the_fault_shim_really_fails_writes(tmp_path: Path) -> None:
    """Guard against a shim that fails nothing, which would make the tests above vacuous."""
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(textwrap.dedent(SHIM), encoding="utf-8")
    probe = "import pathlib, sys; pathlib.Path(sys.argv[1]).write_text('x')"
    done = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "x.txt")],
        env=env(
            tmp_path, PYTHONPATH=str(shim), BARRIER_FAULT="EROFS", BARRIER_FAULT_ROOT=str(tmp_path)
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and "Read-only file system" in done.stderr
    assert not (tmp_path / "x.txt").exists()


def _unformatted_tree(tmp_path: Path, count: int) -> Path:
    root = copy_tiny(tmp_path)
    for n in range(count):
        rid = f"R-20261110-{n:04d}"
        (root / f"reports/2026/11/{rid}.yaml").write_text(
            f"summary: 第{n}条 风管吊架松动\nid: {rid}\n# 注释\ndate: 2026-11-10\n"
            "category: hazard\nreporter: wang\nsource: on_site\nelement: equipment\n",
            encoding="utf-8",
        )
    return root


def _wait_for_first_write(
    proc: subprocess.Popen[bytes], root: Path, watched: set[str], old: dict[str, bytes]
) -> None:
    """Return as soon as fmt has rewritten one file, so the kill lands among the writes
    however fast or loaded the machine is."""
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if any((root / rel).read_bytes() != old.get(rel) for rel in watched):
            return
        time.sleep(0.001)


def test_kill_9_during_fmt_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    fresh = _unformatted_tree(tmp_path / "a", 150)
    old = snapshot(fresh)
    done = tmp_path / "b" / "records"
    shutil.copytree(fresh, done)
    started = time.perf_counter()
    assert barrier(done, ["fmt"], env(tmp_path)).returncode == 0
    whole_run = time.perf_counter() - started
    new = snapshot(done)
    differing = {rel for rel in new if new[rel] != old.get(rel) and not rel.startswith(".")}
    rng = random.Random(8)
    killed_midway = 0
    for attempt in range(6):
        root = tmp_path / f"run{attempt}" / "records"
        shutil.copytree(fresh, root)
        proc = subprocess.Popen(
            [*BARRIER_COMMAND, "--records", str(root), "fmt"],
            env=env(tmp_path),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_first_write(proc, root, differing, old)
        time.sleep(rng.uniform(0.0, 0.1) * whole_run)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = snapshot(root)
        changed = 0
        for rel, content in after.items():
            if rel.startswith(".barrier-cache") or Path(rel).name.startswith(".barrier-"):
                continue  # the cache, and a temporary file not yet renamed (never read)
            assert content in (old.get(rel), new.get(rel)), rel
            changed += content != old.get(rel)
        assert {r for r in old if not r.startswith(".")} <= set(after)
        killed_midway += 0 < changed < len(differing)
    # Some kills must land in the middle, or this test proves nothing.
    assert killed_midway >= 1


def test_concurrent_add_and_fmt_lose_nothing(tmp_path: Path) -> None:
    root = _unformatted_tree(tmp_path, 60)
    originals = {p.stem for p in (root / "reports/2026/11").glob("*.yaml")}
    results = run_together(root, [ADD] * 12 + [["fmt"]] * 3, env(tmp_path))
    added = [out.split()[0] for code, out, _ in results[:12] if code == 0]
    assert len(added) == 12, [err for code, _, err in results if code]
    for code, _, err in results[12:]:
        # two fmts take turns on each file: the second finds it formatted, refuses nothing
        assert code == 0, err
    present = {p.stem for p in (root / "reports/2026/11").glob("*.yaml")}
    assert present == originals | set(added)
    assert barrier(root, ["check"], env(tmp_path)).returncode == 0


def test_action_done_racing_fmt_on_the_same_file_never_loses_the_update(tmp_path: Path) -> None:
    """A lost update would be `action done` saying yes while fmt wrote the old text back;
    with the record's lock neither refuses: the later one edits what the earlier wrote."""
    for attempt in range(4):
        root = _unformatted_tree(tmp_path / f"run{attempt}", 30)
        target = root / "reports/2026/11/R-20261110-0009.yaml"
        target.write_text(OPEN_ACTION.replace("summary:", "# 先写摘要\nsummary:"), encoding="utf-8")
        (_, _, fmt_err), (done_code, _, done_err) = run_together(
            root, [["fmt"], COMMANDS["action-done"]], env(tmp_path)
        )
        assert "Traceback" not in fmt_err + done_err
        text = target.read_text(encoding="utf-8")
        assert done_code == 0, done_err
        assert "done: 2026-11-24" in text
        assert "# 先写摘要" in text and "# 车间统一处理" in text


def _in_process(*args: str) -> tuple[int, str, str]:
    """The console entry point run in this process: (exit code, stdout, stderr)."""
    done = in_process(None, *args)
    return done.returncode, done.stdout, done.stderr


UNFORMATTED_OPEN_ACTION = "summary: 工具箱尖角划破工作服\n" + OPEN_ACTION.replace(
    "summary: 工具箱尖角划破工作服\n", ""
)
"""The open-action report with its summary first: fmt changes it, action done edits it."""
TARGET = "reports/2026/11/R-20261110-0009.yaml"


def _paused_writer(root: Path, tmp_path: Path, args: list[str]) -> subprocess.Popen[str]:
    """``barrier args`` started and stopped holding the record lock between its read and its
    rename (``$BARRIER_TEST_PAUSE_BEFORE_REPLACE``); returns once it is there."""
    proc = subprocess.Popen(
        [*BARRIER_COMMAND, "--records", str(root), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(tmp_path, BARRIER_TEST_PAUSE_BEFORE_REPLACE="2"),
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()
    assert line == "barrier: paused before replace\n", line + proc.stderr.read()
    return proc


@pytest.mark.parametrize(("paused", "meanwhile"), [("action-done", "fmt"), ("fmt", "action-done")])
def test_a_writer_held_between_read_and_rename_loses_nothing_to_another(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paused: str,
    meanwhile: str,
) -> None:
    """Both changes survive: the `done:` line and fmt's canonical form, comments kept."""
    root = copy_tiny(tmp_path)
    (root / TARGET).write_text(UNFORMATTED_OPEN_ACTION, encoding="utf-8")
    first = _paused_writer(root, tmp_path, COMMANDS[paused])
    second = _in_process("--records", str(root), *COMMANDS[meanwhile])
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert second[0] == 0, second[2]
    text = (root / TARGET).read_text(encoding="utf-8")
    assert "done: 2026-11-24" in text and "# 车间统一处理" in text
    assert text.index("id:") < text.index("summary:")  # fmt's order
    assert _in_process("--records", str(root), "fmt", "--check")[0] == 0
    assert _in_process("--records", str(root), "check")[0] == 0


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "out.md")
    return tmp_path / "out.md"


def _symlink(tmp_path: Path) -> Path:
    (tmp_path / "bashrc").write_text("keep me\n", encoding="utf-8")
    (tmp_path / "out.md").symlink_to(tmp_path / "bashrc")
    return tmp_path / "out.md"


def _socket(tmp_path: Path) -> Path:
    listening = socket.socket(socket.AF_UNIX)
    here = Path.cwd()
    os.chdir(tmp_path)  # a socket's path must be short; tmp_path may not be
    try:
        listening.bind("out.md")
    finally:
        os.chdir(here)
    listening.close()  # the socket file stays, as one left by a dead server does
    return tmp_path / "out.md"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "out.md" / "inside").mkdir(parents=True)
    return tmp_path / "out.md"


ATTACKS: dict[str, Callable[[Path], Path]] = {
    "dev_null": lambda tmp: device_node(tmp, "null"),
    "dev_full": lambda tmp: device_node(tmp, "full"),
    "fifo": _fifo,
    "symlink": _symlink,
    "socket": _socket,
    "folder": _folder,
    "missing_folder": lambda tmp: tmp / "nonexistent" / "dir" / "x.md",
}
DOCUMENTS = {
    "analyze": ["analyze", "--month", "2026-11", "--format", "md", "--out"],
    "notice": ["notice", "--month", "2026-11", "--out"],
    "notice-issue": ["notice", "--month", "2026-11", "--issue", "--out"],
}


def _state(path: Path) -> tuple[int, int] | None:
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return None
    return stat.S_IFMT(found.st_mode), found.st_ino


@pytest.mark.parametrize("command", sorted(DOCUMENTS))
@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_out_onto_anything_but_a_plain_file_is_refused(
    root: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    attack: str,
    command: str,
) -> None:
    out = ATTACKS[attack](tmp_path)
    before, tree = _state(out), snapshot(root)
    code, _, err = _in_process("--records", str(root), *DOCUMENTS[command], str(out))
    assert code == 1, err
    [line] = err.splitlines()
    assert line.startswith(f"barrier: error: {out}：")
    assert _state(out) == before
    assert not (tmp_path / "nonexistent").exists()
    if attack == "symlink":
        assert (tmp_path / "bashrc").read_text(encoding="utf-8") == "keep me\n"
    assert snapshot(root) == tree  # no notice number taken


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["schema"]])
@pytest.mark.parametrize("attack", ["symlink", "fifo", "missing_folder"])
def test_out_folder_that_is_a_link_or_not_a_folder_is_refused(
    root: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    attack: str,
    command: list[str],
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    if attack == "symlink":
        out.symlink_to(elsewhere)
    elif attack == "fifo":
        os.mkfifo(out)
    else:
        out = tmp_path / "nonexistent" / "out"
    code, _, err = _in_process("--records", str(root), *command, "--out", str(out))
    assert code == 1, err
    [line] = err.splitlines()
    assert line.startswith(f"barrier: error: {out}：")
    assert list(elsewhere.iterdir()) == []
    assert not (tmp_path / "nonexistent").exists()


def _register(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob("notices/*/*.yaml"))


def test_notice_issue_onto_a_bad_out_burns_no_number_and_a_retry_takes_it(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    issue = ["--records", str(root), "notice", "--month", "2026-11", "--issue", "--out"]
    code, _, err = _in_process(*issue, str(_fifo(tmp_path)))
    assert code == 1 and "命名管道" in err
    assert _register(root) == []
    good = tmp_path / "通报.md"
    code, _, err = _in_process(*issue, str(good))
    assert code == 0, err
    assert _register(root) == ["N-2026-001.yaml"]
    assert "〔2026〕1号" in good.read_text(encoding="utf-8")


def test_notice_issue_whose_document_cannot_be_written_burns_no_number(
    root: Path, tmp_path: Path
) -> None:
    """The disk of ``--out`` is full when the numbered notice is written: no number is
    registered, and once there is room the same number is taken."""
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(textwrap.dedent(SHIM), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    out = docs / "通报.md"
    args = ["notice", "--month", "2026-11", "--issue", "--out", str(out)]
    full = env(
        tmp_path,
        PYTHONPATH=os.pathsep.join([str(shim), os.environ.get("PYTHONPATH", "")]),
        BARRIER_FAULT="ENOSPC",
        BARRIER_FAULT_ROOT=str(docs),
    )
    done = barrier(root, args, full)
    assert done.returncode == 1, done.stderr
    [line] = done.stderr.splitlines()
    assert "磁盘空间不足" in line  # the cause, in the tree's language
    assert _register(root) == [] and list(docs.iterdir()) == []
    retry = barrier(root, args, env(tmp_path))
    assert retry.returncode == 0, retry.stderr
    assert "已发通报 车间党总支〔2026〕1号（N-2026-001）" in retry.stderr
    assert _register(root) == ["N-2026-001.yaml"]


@pytest.mark.parametrize("to_file", [True, False], ids=["out", "stdout"])
def test_kill_9_between_document_and_register_burns_no_number(
    root: Path, tmp_path: Path, to_file: bool
) -> None:
    """Killed after the document was written (or printed) and before the number was
    registered: nothing is registered, and the retry takes the same number."""
    out = tmp_path / "通报.md"
    args = ["notice", "--month", "2026-11", "--issue", *(["--out", str(out)] if to_file else [])]
    proc = subprocess.Popen(
        [*BARRIER_COMMAND, "--records", str(root), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(tmp_path, BARRIER_TEST_PAUSE_BEFORE_LINK="30"),
    )
    assert proc.stderr is not None and proc.stdout is not None
    assert proc.stderr.readline() == "barrier: paused before link\n"
    proc.send_signal(signal.SIGKILL)
    printed, _ = proc.communicate(timeout=60)
    shown = out.read_text(encoding="utf-8") if to_file else printed
    assert "〔2026〕1号" in shown  # the document was out before the kill
    assert _register(root) == []
    retry = barrier(root, args, env(tmp_path))
    assert retry.returncode == 0, retry.stderr
    assert "已发通报 车间党总支〔2026〕1号（N-2026-001）" in retry.stderr
    assert _register(root) == ["N-2026-001.yaml"]
    assert barrier(root, ["check", "--strict"], env(tmp_path)).returncode == 0
