"""Faults while writing: a full disk, a read-only tree, kill -9, two commands at once.

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
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from entry_helpers import env

from cli_helpers import ADD_REPORT, copy_tiny, run_together

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
    return subprocess.run(
        [sys.executable, "-m", "barrier_cli", "--records", str(root), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


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
    reason = "no space left on device" if fault == "ENOSPC" else "read-only"
    assert reason in line.lower()
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
            [sys.executable, "-m", "barrier_cli", "--records", str(root), "fmt"],
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
        # fmt may meet a file another fmt just rewrote: it then refuses that file, clearly
        assert code == 0 or ("changed on disk" in err and "Traceback" not in err)
    present = {p.stem for p in (root / "reports/2026/11").glob("*.yaml")}
    assert present == originals | set(added)
    assert barrier(root, ["check"], env(tmp_path)).returncode == 0


def test_action_done_racing_fmt_on_the_same_file_never_loses_the_update(tmp_path: Path) -> None:
    """A lost update would be `action done` saying yes while fmt wrote the old text back."""
    outcomes = set()
    for attempt in range(4):
        root = _unformatted_tree(tmp_path / f"run{attempt}", 30)
        target = root / "reports/2026/11/R-20261110-0009.yaml"
        target.write_text(OPEN_ACTION.replace("summary:", "# 先写摘要\nsummary:"), encoding="utf-8")
        (_, _, fmt_err), (done_code, _, done_err) = run_together(
            root, [["fmt"], COMMANDS["action-done"]], env(tmp_path)
        )
        assert "Traceback" not in fmt_err + done_err
        text = target.read_text(encoding="utf-8")
        if done_code == 0:
            assert "done: 2026-11-24" in text
        else:
            assert "changed on disk" in done_err
        assert "# 先写摘要" in text and "# 车间统一处理" in text
        outcomes.add(done_code)
    assert 0 in outcomes
