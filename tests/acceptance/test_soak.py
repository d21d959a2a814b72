"""`make soak`: kill -9 at random moments of `report add`, `fmt`, `action done` and
`notice --issue`, at least 100 times, on a tree big enough for fmt to start workers.

After every kill no process of the killed command is left (its workers included). At the
end: no temporary file is left in the tree or beside the documents once each folder was
written again, the notice register numbers 1..n without a gap, each registered number's
document exists in full, and `barrier check --strict` passes. Slow (minutes), so it runs only with ``BARRIER_SOAK=1``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from entry_helpers import env
from ruamel.yaml import YAML

from cli_helpers import ADD_REPORT, BARRIER_COMMAND, barrier_process, copy_tiny

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.environ.get("BARRIER_SOAK"), reason="make soak (BARRIER_SOAK=1)"),
]

KILLS = int(os.environ.get("BARRIER_SOAK_KILLS", "100"))
FILES = int(os.environ.get("BARRIER_SOAK_FILES", "520"))
"""Above 2 x parallel.MIN_FILES, so fmt and a cold read spread over worker processes."""
ACTIONS = 3
SEED = int(os.environ.get("BARRIER_SOAK_SEED", "11"))


def _report(n: int, *, scrambled: bool = False) -> str:
    rid = f"R-20261110-{n:04d}"
    actions = "".join(
        f"  - action: 第{k}项整改\n    owner: wang\n    due: 2026-11-30\n"
        for k in range(1, ACTIONS + 1)
    )
    head = f"id: {rid}\ndate: 2026-11-10\nreporter: wang\nsource: on_site\n"
    body = "element: equipment\ncategory: hazard\n"
    summary = f"summary: 第{n}条 工具箱尖角划破工作服\n# 车间统一处理\n"
    if scrambled:  # fmt has work to do: summary first, comment kept
        return summary + head + body + "actions:\n" + actions
    return head + body + summary + "actions:\n" + actions


def _scramble(path: Path) -> None:
    """Put the summary line first again (only while no command runs)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    summary = [line for line in lines if line.startswith("summary:")]
    path.write_text("".join(summary + [x for x in lines if x not in summary]), encoding="utf-8")


def _session_members(sid: int) -> list[int]:
    """Processes still in session ``sid`` (a killed command and whatever it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        if fields[0] != "Z" and int(fields[3]) == sid:  # state, ppid, pgrp, session
            found.append(int(entry.name))
    return found


def _wait_for_a_write(proc: subprocess.Popen[bytes], folders: list[Path]) -> None:
    """Return once a file is created or renamed in one of ``folders`` (its mtime moves),
    or the command ended."""

    def stamps() -> list[int]:
        return [f.stat().st_mtime_ns if f.exists() else 0 for f in folders]

    before = stamps()
    deadline = time.monotonic() + 120
    while proc.poll() is None and stamps() == before and time.monotonic() < deadline:
        time.sleep(0.0005)


def _leftover_temps(*folders: Path) -> list[Path]:
    return [
        p
        for folder in folders
        for p in folder.rglob(".barrier-*.tmp")
        if ".barrier-cache" not in p.parts
    ]


def _commands(root: Path, out: Path, rng: random.Random, i: int) -> tuple[str, list[str]]:
    kind = rng.choice(["add", "fmt", "action-done", "notice-issue"])
    if kind == "add":
        return kind, [*ADD_REPORT, "--summary", f"浸泡测试 {i}"]
    if kind == "fmt":
        for n in rng.sample(range(FILES), 5):
            _scramble(root / f"reports/2026/11/R-20261110-{n:04d}.yaml")
        return kind, ["fmt"]
    if kind == "action-done":
        ref = f"R-20261110-{rng.randrange(FILES):04d}/{rng.randint(1, ACTIONS)}"
        return kind, ["action", "done", ref, "--no-input"]
    document = out / f"notice-{i}.md"
    return kind, ["notice", "--month", "2026-11", "--issue", "--force", "--out", str(document)]


def test_kill_9_loop_leaves_no_orphan_no_burnt_number_no_partial_file(tmp_path: Path) -> None:
    root = copy_tiny(tmp_path)
    folder = root / "reports/2026/11"
    for n in range(FILES):
        text = _report(n, scrambled=n % 7 == 0)
        (folder / f"R-20261110-{n:04d}.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "documents"
    out.mkdir()
    environment = env(tmp_path)
    rng = random.Random(SEED)
    took: dict[str, float] = {}
    kills: dict[str, int] = {}
    sessions: list[int] = []
    try:
        for i in range(KILLS * 3):
            if sum(kills.values()) >= KILLS:
                break
            kind, args = _commands(root, out, rng, i)
            started = time.monotonic()
            proc = subprocess.Popen(
                [*BARRIER_COMMAND, "--records", str(root), *args],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=environment,
                start_new_session=True,
            )
            sessions.append(proc.pid)
            if kind not in took:  # the first run of each command times it, unkilled
                proc.wait(timeout=600)
                took[kind] = time.monotonic() - started
                continue
            if rng.random() < 0.5:
                time.sleep(rng.uniform(0.0, 1.1) * took[kind])
            else:  # most of a run is start-up and reading: aim some kills at the writes
                _wait_for_a_write(proc, [folder, root / "notices/2026", out])
                time.sleep(rng.uniform(0.0, 0.02))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills[kind] = kills.get(kind, 0) + 1
            proc.wait(timeout=600)
            deadline = time.monotonic() + 10
            while _session_members(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert _session_members(proc.pid) == [], f"orphans of {kind} (run {i})"
    finally:
        for sid in sessions:
            for pid in _session_members(sid):
                os.kill(pid, signal.SIGKILL)

    assert sum(kills.values()) >= KILLS, kills
    # A kill in the instant between naming a temporary file and renaming it leaves it whole;
    # the next write in its folder removes it. These write in every folder written above.
    _scramble(folder / "R-20261110-0000.yaml")
    assert _barrier(root, environment, "fmt").returncode == 0
    last = ["notice", "--month", "2026-11", "--issue", "--force", "--out", str(out / "last.md")]
    assert _barrier(root, environment, *last).returncode == 0
    assert _leftover_temps(root, out) == []
    assert set(kills) == {"add", "fmt", "action-done", "notice-issue"}, kills
    yaml = YAML(typ="safe")
    entries = [yaml.load(p.read_text(encoding="utf-8")) for p in root.glob("notices/2026/*.yaml")]
    assert sorted(e["seq"] for e in entries) == list(range(1, len(entries) + 1)), "a gap"
    preview = _barrier(root, environment, "notice", "--month", "2026-11")
    assert preview.returncode == 0, preview.stderr
    ending = preview.stdout.rstrip().splitlines()[-1]
    for entry in entries:  # a registered number always has its document, whole
        text = Path(entry["file"]).read_text(encoding="utf-8")
        assert entry["number"] in text and text.rstrip().endswith(ending), entry["file"]
    for flag in ([], ["--no-cache"]):
        done = _barrier(root, environment, "check", "--strict", *flag)
        assert done.returncode == 0, done.stdout + done.stderr


def _barrier(
    root: Path, environment: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    return barrier_process(root, *args, env=environment, timeout=600)
