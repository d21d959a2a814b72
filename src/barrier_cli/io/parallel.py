"""Read a tree's files: unchanged ones from the cache, the rest spread over the cores.

Parsing a file's YAML (`loader.parse_file`) is the slow half of reading it and holds the
GIL (ruamel's constructor runs Python code), so threads would not help: the files are split
over worker processes, which send back what they parsed as the cache's plain data
(`cache.pack_read`). The parent validates it (`cache.unpack_read`), as it does a cache hit,
and keeps it for the cache as the bytes it came in: decoded, a file's read is seven times
their size, and a tree's worth of it held beside the records was the largest thing alive
(at 100k files, 340 MB of 1 GB). Below `MIN_FILES` per worker the start-up of a pool costs
more than it saves.

Every pool of barrier's is a `Pool` (through `pool_map` or `started_pool`), whose workers die
with their parent (a `kill -9` of barrier must not leave them running for ever) and ignore
Ctrl-C, which the parent alone handles: it stops them and says "interrupted" once.

`Pool` is not concurrent.futures' ProcessPoolExecutor, which hands work out and reads the
answers on threads of its own. A worker killed halfway through sending an answer (Ctrl-C
stops them so) left that thread waiting for the rest of it, and the interpreter's exit
waiting for the thread, for ever: CI saw `check --jobs 2` hang after saying "interrupted",
about once in twenty interrupts on a loaded machine. Here only the caller's thread reads
and writes the pipes, so stopping is killing the workers and closing the pipes.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import msgspec

from barrier_cli.io import cache as c
from barrier_cli.io.loader import (
    FileResult,
    Tree,
    build_tree,
    collector_paused,
    iter_files,
    parse_file,
    read_file,
    result_of,
)

MIN_FILES = 250
"""Files per worker below which a pool is not worth starting (a worker costs ~15 ms)."""
CHUNKS_PER_JOB = 4
"""Several chunks per worker even out files of uneven size."""
PR_SET_PDEATHSIG = 1
"""prctl(2): the signal a process gets when the thread that forked it exits."""
PARENT_POLL_SECONDS = 0.5
"""How often a worker that cannot ask the kernel looks whether its parent is gone."""

A = TypeVar("A")
R = TypeVar("R")


def cpu_count() -> int:
    """The cores this process may run on (a container's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def pool_map(fn: Callable[[A], R], items: list[A], *, jobs: int, chunksize: int = 1) -> list[R]:
    """``[fn(x) for x in items]`` over ``jobs`` worker processes, in order.

    On any exception in the parent (KeyboardInterrupt above all) the workers are killed
    before it propagates, so nothing is left running and no worker prints a traceback.
    """
    with started_pool(jobs) as pool:
        return list(pool.map(fn, items, chunksize=chunksize))


@contextlib.contextmanager
def started_pool(jobs: int) -> Iterator[Pool]:
    """``jobs`` worker processes, forked now: a worker's resident memory begins as what this
    process holds at this moment, so a caller about to grow starts them first. On any
    exception (KeyboardInterrupt above all) they are killed before it propagates, so
    nothing is left running and no worker prints a traceback."""
    pool = Pool(jobs)
    try:
        yield pool
    except BaseException:
        pool.kill()
        raise
    pool.close()


class WorkerDied(RuntimeError):
    """A worker process ended without answering (killed, out of memory)."""


class Pool:
    """Worker processes, each running one task at a time, fed and read by the caller's
    thread alone (see the module's note on why not ProcessPoolExecutor)."""

    def __init__(self, jobs: int) -> None:
        methods = multiprocessing.get_all_start_methods()
        # fork shares the imported modules with the workers; elsewhere each worker imports them
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._workers: list[tuple[BaseProcess, Connection]] = []
        self._busy: dict[Connection, int] = {}  # a worker's pipe: the task it runs
        try:
            # Ctrl-C while forking would land in an at-fork handler, which swallows it: the
            # workers start with SIGINT held back until they ignore it
            with _sigint_held():
                for _ in range(jobs):
                    mine, theirs = context.Pipe()
                    worker = context.Process(target=_serve, args=(theirs, os.getpid()), daemon=True)
                    worker.start()
                    theirs.close()
                    self._workers.append((worker, mine))
        except BaseException:
            self.kill()
            raise

    def map(self, fn: Callable[[A], R], items: list[A], *, chunksize: int = 1) -> Iterator[R]:
        """``fn(x)`` for each of ``items``, in order, ``chunksize`` items to a task. Each answer
        is handed back as soon as it and those before it are in; the workers go on with the
        next tasks meanwhile."""
        tasks = [items[n : n + chunksize] for n in range(0, len(items), chunksize)]
        for answers in self._run(fn, tasks):
            yield from answers

    def _run(self, fn: Callable[[A], Any], tasks: list[list[A]]) -> Iterator[list[Any]]:
        queued = deque(enumerate(tasks))
        idle = [conn for _, conn in self._workers]
        done: dict[int, list[Any]] = {}
        for wanted in range(len(tasks)):
            while True:
                # every idle worker gets a task before the caller takes its time with an answer
                while idle and queued:
                    conn = idle.pop()
                    index, task = queued.popleft()
                    self._busy[conn] = index
                    try:
                        conn.send((fn, task))
                    except OSError:  # it died waiting for work
                        self._died(conn)
                if wanted in done:
                    break
                for conn in self._answered(timeout=None):
                    done[self._busy.pop(conn)] = self._receive(conn)
                    idle.append(conn)
            # answers that came in meanwhile free their workers for the next tasks
            for conn in self._answered(timeout=0):
                done[self._busy.pop(conn)] = self._receive(conn)
                idle.append(conn)
            yield done.pop(wanted)

    def _answered(self, timeout: float | None) -> list[Connection]:
        """The busy workers' pipes with an answer, or an end (a worker died), to read."""
        if not self._busy:
            return []
        ready = wait(list(self._busy), timeout)
        return [conn for conn in self._busy if conn in ready]

    def _receive(self, conn: Connection) -> list[Any]:
        try:
            ok, value = conn.recv()
        except (EOFError, OSError):
            self._died(conn)
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def _died(self, conn: Connection) -> NoReturn:
        worker = next(w for w, c in self._workers if c is conn)
        worker.join()
        raise WorkerDied(f"a worker process ended (exit code {worker.exitcode})") from None

    def close(self) -> None:
        """Let idle workers exit; one still busy (its caller stopped reading) is killed."""
        if self._busy:
            self.kill()
            return
        for _, conn in self._workers:
            with contextlib.suppress(OSError):
                conn.send(None)
        for worker, conn in self._workers:
            worker.join()
            conn.close()

    def kill(self) -> None:
        """Stop every worker now, whatever it was doing."""
        for worker, _ in self._workers:
            worker.kill()
        for worker, conn in self._workers:
            worker.join()
            conn.close()
        self._busy.clear()


def _serve(conn: Connection, parent: int) -> None:
    """A worker: run each task sent until told to stop (None) or the pipe ends."""
    _init_worker(parent)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        fn, task = job
        try:
            answer: tuple[bool, object] = (True, [fn(item) for item in task])
        except BaseException as error:  # raised again in the caller, with where it began
            error.add_note("".join(traceback.format_exception(error)).rstrip())
            answer = (False, error)
        try:
            conn.send(answer)
        except Exception as error:  # an exception that cannot be pickled
            conn.send((False, WorkerFailed(f"{type(error).__name__}: {error}")))


class WorkerFailed(RuntimeError):
    """A worker's exception that could not be sent back as it was."""


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork either
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _init_worker(parent: int) -> None:
    """Ignore Ctrl-C (the parent handles it) and exit when the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # held back by the parent while it forked
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if not _kernel_kills_orphans():
        threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()
    if os.getppid() != parent:  # gone before the request above took effect
        os._exit(1)


def _kernel_kills_orphans() -> bool:
    """Ask Linux to SIGKILL this process when its parent dies; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    """The portable fallback: an orphan is adopted by another process, so its parent id
    changes."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def load_tree(
    root: Path,
    *,
    results: list[FileResult] | None = None,
    cache: bool = False,
    jobs: int | None = None,
) -> Tree:
    """Read the whole tree (or take already-read ``results``) into a Tree.

    ``cache`` reuses the read results of unchanged files from the cache (see `cache`); many
    files are read over ``jobs`` processes.
    """
    with collector_paused():
        if results is None:
            results = read_tree(root, cache=cache, jobs=jobs)
        return build_tree(root, results)


def read_tree(root: Path, *, cache: bool = False, jobs: int | None = None) -> list[FileResult]:
    """Every file of the tree read, in `iter_files` order; ``cache`` reuses and updates it."""
    listed = list(iter_files(root))
    store = c.FileCache.open(root) if cache else None
    scanned = c.scan(root) if cache else {}  # one scandir per folder instead of a stat per file
    results: dict[str, FileResult] = {}
    todo: list[str] = []
    stamps: dict[str, c.Stamp] = {}
    for rel, problem in listed:
        if problem is not None:
            results[rel] = FileResult(rel, None, parse_problem=problem)
            continue
        if store is not None:
            stamps[rel] = scanned.get(rel) or c.stamp(root / rel)
            hit = store.get(rel, stamps[rel])
            if hit is not None:
                results[rel] = hit
                continue
        todo.append(rel)
    digests = {rel: store.racy_digest(rel, stamps[rel]) for rel in todo} if store else {}
    read = read_packed(root, todo, jobs=jobs, keep=store is not None)
    for rel, (result, packed) in zip(todo, read, strict=True):
        results[rel] = result
        if store is not None:
            store.put(rel, stamps[rel], digests[rel], packed)
    if store is not None:
        store.keep_only(stamps)
        store.save()
    return [results[rel] for rel, _ in listed]


def jobs_for(files: int, jobs: int | None = None) -> int:
    """How many workers ``files`` files are worth (1: read them in this process)."""
    return min(jobs or cpu_count(), max(1, files // MIN_FILES))


def read_packed(
    root: Path,
    rels: list[str],
    *,
    jobs: int | None = None,
    keep: bool = True,
    pool: Pool | None = None,
) -> list[tuple[FileResult, msgspec.Raw | None]]:
    """Each file's result and its read as the cache keeps it, encoded (`cache.Packed`; None:
    it cannot be kept, or ``keep`` is false and it is read in this process). ``pool``: the
    workers to use (`started_pool`), when they are worth it."""
    jobs = jobs_for(len(rels), jobs)
    if jobs <= 1:
        return [_read_one(root, rel, keep) for rel in rels]
    size = -(-len(rels) // (jobs * CHUNKS_PER_JOB))
    chunks = [rels[n : n + size] for n in range(0, len(rels), size)]
    work = functools.partial(_parse_chunk, root)
    out: list[tuple[FileResult, msgspec.Raw | None]] = []
    blobs = pool.map(work, chunks) if pool is not None else pool_map(work, chunks, jobs=jobs)
    for chunk, blob in zip(chunks, blobs, strict=True):
        # each file's part of the blob, not a copy: it is decoded once, to be validated
        for rel, raw in zip(chunk, c.decode(blob, list[msgspec.Raw]), strict=True):
            packed = c.decode(raw, c.Packed | None)  # type: ignore[arg-type]
            # what the cache cannot hold cannot cross the pipe either: read it here
            out.append(
                (read_file(root, rel), None)
                if packed is None
                else (c.unpack_read(rel, packed), raw if keep else None)
            )
    return out


def _read_one(root: Path, rel: str, keep: bool) -> tuple[FileResult, msgspec.Raw | None]:
    kind, data, problem = parse_file(root, rel)
    result = result_of(rel, kind, data, problem)
    packed = c.pack_read(data, problem) if keep else None
    return result, None if packed is None else msgspec.Raw(c.encode(packed))


def _parse_chunk(root: Path, rels: list[str]) -> bytes:
    return c.encode([c.pack_read(*parse_file(root, rel)[1:]) for rel in rels])
