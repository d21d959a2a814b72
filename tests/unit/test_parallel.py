"""Reading over several processes gives exactly what reading in one does, in the same order."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bigtree import generate

from barrier_cli.checks.run import check_tree
from barrier_cli.io import parallel
from barrier_cli.io.loader import FileResult, iter_files, read_file
from cli_helpers import BARRIER_COMMAND


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "records"
    monkeypatch.setattr(parallel, "MIN_FILES", 10)
    return generate(root, reports=80, seed=11, defects=0.1)


def _rels(root: Path) -> list[str]:
    return [rel for rel, problem in iter_files(root) if problem is None]


def _results(read: list[tuple[FileResult, object]]) -> list[FileResult]:
    return [result for result, _ in read]


def test_workers_read_what_one_process_reads(tree: Path) -> None:
    rels = _rels(tree)
    serial = [read_file(tree, rel) for rel in rels]
    assert any(r.parse_problem or r.problems for r in serial)
    assert _results(parallel.read_packed(tree, rels, jobs=3)) == serial


def test_a_check_over_workers_equals_a_check_in_one_process(tree: Path) -> None:
    one = check_tree(tree, jobs=1)
    assert one.findings
    assert check_tree(tree, jobs=2) == one


def test_few_files_are_read_without_a_pool(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool for a handful of files")

    monkeypatch.setattr(parallel, "Pool", no_pool)
    rels = _rels(tree)[:15]
    assert _results(parallel.read_packed(tree, rels, jobs=4)) == [read_file(tree, r) for r in rels]
    assert parallel.read_packed(tree, _rels(tree), jobs=1)


def test_cpu_count_is_at_least_one() -> None:
    assert parallel.cpu_count() >= 1


# -- workers die with their parent; Ctrl-C stops them quietly --------------------------------
# A process boundary is the point here: the command runs in a process of its own, which the
# test kills or interrupts while its workers read, and /proc tells which processes remain.

LINUX = sys.platform.startswith("linux")
COMMANDS = {
    "check": ["check", "--no-cache", "--jobs", "2"],
    "fmt": ["fmt", "--check"],
    "analyze": ["analyze", "--month", "2026-10", "--format", "md"],
}


@pytest.fixture(scope="module")
def big_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough files that a command spends a while in its workers (none in the cache): with
    3,000 the workers of a faster loader were sometimes done, and the command about to exit,
    by the time a loaded machine let the test see them."""
    return generate(tmp_path_factory.mktemp("big") / "records", reports=12000, seed=5, defects=0)


def _stat(pid: int) -> tuple[str, int] | None:
    """State and parent of a process, from /proc; None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = text.rpartition(")")[2].split()
    return fields[0], int(fields[1])


def _children(pid: int) -> set[int]:
    out = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = _stat(int(entry))
            if st is not None and st[1] == pid:
                out.add(int(entry))
    return out


def _running(pids: set[int]) -> set[int]:
    """Those of ``pids`` that still run (a zombie has exited: only its reaper is missing)."""
    return {pid for pid in pids if (st := _stat(pid)) is not None and st[0] != "Z"}


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _start_with_workers(
    root: Path, command: list[str], stderr: int = subprocess.PIPE
) -> tuple[subprocess.Popen[str], set[int]]:
    """The command started in a session of its own, once its workers are running."""
    proc = subprocess.Popen(
        [*BARRIER_COMMAND, "--records", str(root), *command],
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
        start_new_session=True,
        # as a terminal starts it: Ctrl-C neither ignored nor blocked, whatever this test
        # process inherited (a child inherits both across exec)
        preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _running(_children(proc.pid))  # exited workers wait as zombies
        if len(workers) >= 2:
            return proc, workers
        time.sleep(0.005)
    proc.kill()
    proc.communicate()
    pytest.fail(f"{command} never ran two workers")


def _wait_gone(pids: set[int], seconds: float = 10) -> set[int]:
    deadline = time.monotonic() + seconds
    while _running(pids) and time.monotonic() < deadline:
        time.sleep(0.02)
    return _running(pids)


def _skip_without_workers(name: str) -> None:
    if not LINUX:
        pytest.skip("reads /proc")
    if name != "check" and parallel.cpu_count() < 2:
        pytest.skip("one core: no workers without --jobs")


@pytest.mark.parametrize("name", COMMANDS)
def test_kill_9_of_the_parent_leaves_no_worker(big_tree: Path, name: str) -> None:
    _skip_without_workers(name)
    # no pipe: a worker left running would hold it open
    proc, workers = _start_with_workers(big_tree, COMMANDS[name], stderr=subprocess.DEVNULL)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    orphans = _wait_gone(workers)
    for pid in orphans:  # do not leave them behind for the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert not orphans


@pytest.mark.parametrize("name", COMMANDS)
def test_ctrl_c_says_interrupted_once_without_worker_tracebacks(big_tree: Path, name: str) -> None:
    _skip_without_workers(name)
    proc, workers = _start_with_workers(big_tree, COMMANDS[name])
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does: the whole foreground group
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        for pid in _running(workers):
            os.kill(pid, signal.SIGKILL)
    inherited = (signal.getsignal(signal.SIGINT), signal.pthread_sigmask(signal.SIG_BLOCK, []))
    assert proc.returncode == 130, (err, inherited)
    assert err.count("已中断，未写入任何内容") == 1, err  # in the tree's language
    assert "Traceback" not in err
    assert not _wait_gone(workers)


PARENT = """
import os, sys, time
from barrier_cli.io import parallel
if not {kernel}:
    parallel._kernel_kills_orphans = lambda: False
parent = os.getpid()
pid = os.fork()
if pid == 0:
    parallel._init_worker(parent)
    time.sleep(60)
    os._exit(0)
print(pid, flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not LINUX or not hasattr(os, "fork"), reason="reads /proc; forks")
@pytest.mark.parametrize("kernel", [True, False], ids=["prctl", "watching-thread"])
def test_a_worker_exits_when_its_parent_is_killed(kernel: bool) -> None:
    """Each way on its own: the kernel's signal, and the portable fallback without it."""
    with subprocess.Popen(
        [sys.executable, "-c", PARENT.format(kernel=kernel)], stdout=subprocess.PIPE, text=True
    ) as parent:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        parent.kill()
    orphans = _wait_gone({worker})
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)
    assert not orphans


def _shards(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("files/*")}


def test_the_cache_workers_fill_holds_the_bytes_one_process_writes(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers' reads are kept as the bytes they came in, not decoded: the shards written
    must be those a read in one process writes, and read back as the same results."""
    written = {}
    for jobs in (1, 3):
        folder = tmp_path / f"cache-{jobs}"
        monkeypatch.setenv("BARRIER_CACHE_DIR", str(folder))
        cold = parallel.read_tree(tree, cache=True, jobs=jobs)
        written[jobs] = _shards(folder)
        assert parallel.read_tree(tree, cache=True, jobs=jobs) == cold
    assert written[1]
    assert written[3] == written[1]


def test_a_months_analysis_is_the_same_over_any_number_of_workers_and_the_cache(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from barrier_cli.core.periods import Month
    from barrier_cli.reports.analysis.monthly import analyze

    today = dt.date(2026, 11, 24)
    month = Month(2026, 10)
    monkeypatch.setenv("BARRIER_CACHE_DIR", str(tmp_path / "cache"))
    one = analyze(parallel.load_tree(tree, jobs=1), month, today=today)
    assert one.totals.reports > 0
    for jobs, cache in ((2, True), (3, True), (4, False), (2, True)):  # the last one: cached
        assert analyze(parallel.load_tree(tree, cache=cache, jobs=jobs), month, today=today) == one


# -- the pool itself ----------------------------------------------------------------------------


def _slow_square(n: int) -> int:
    time.sleep(0.05 if n % 3 == 0 else 0)  # answers come in out of order
    return n * n


def _fails_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError(f"no {n}")
    return n


def _dies_on_three(n: int) -> int:
    if n == 3:
        os._exit(9)
    return n


def test_the_pool_answers_in_order_whatever_order_they_come_in() -> None:
    items = list(range(40))
    assert parallel.pool_map(_slow_square, items, jobs=3, chunksize=2) == [n * n for n in items]


def test_a_workers_exception_is_raised_in_the_caller_with_where_it_began() -> None:
    with pytest.raises(ValueError, match="no 7") as raised:
        parallel.pool_map(_fails_on_seven, list(range(10)), jobs=2)
    assert any("_fails_on_seven" in note for note in raised.value.__notes__)


def test_a_worker_that_dies_is_an_error_not_a_wait() -> None:
    with pytest.raises(parallel.WorkerDied, match="exit code 9"):
        parallel.pool_map(_dies_on_three, list(range(10)), jobs=2)


def test_a_pool_left_half_read_is_stopped_not_waited_for() -> None:
    with parallel.started_pool(2) as pool:
        answers = pool.map(_slow_square, list(range(30)))
        assert next(answers) == 0
        workers = [worker for worker, _ in pool._workers]
    assert not any(worker.is_alive() for worker in workers)


def test_a_worker_that_died_waiting_for_work_is_an_error_not_a_broken_pipe() -> None:
    with pytest.raises(parallel.WorkerDied, match="exit code -9"), parallel.started_pool(2) as pool:
        for worker, _ in pool._workers:
            worker.kill()
            worker.join()
        list(pool.map(_slow_square, list(range(4))))
