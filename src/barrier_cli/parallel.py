"""Read a tree's files: unchanged ones from the cache, the rest spread over the cores.

Reading a file (`loader.read_file`) is a pure function of its bytes and holds the GIL
(ruamel's constructor and pydantic run Python code), so threads would not help: the files
are split over worker processes, which send back their results in the cache's compact
pickle form. Below `MIN_FILES` per worker the start-up of a pool costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from barrier_cli import cache as c
from barrier_cli.loader import FileResult, iter_files, read_file

MIN_FILES = 250
"""Files per worker below which a pool is not worth starting (a worker costs ~15 ms)."""
CHUNKS_PER_JOB = 4
"""Several chunks per worker even out files of uneven size."""


def cpu_count() -> int:
    """The cores this process may run on (a container's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


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
    for result in read_files(root, todo, jobs=jobs):
        results[result.rel] = result
        if store is not None:
            store.put(result.rel, stamps[result.rel], digests[result.rel], result)
    if store is not None:
        store.keep_only(stamps)
        store.save()
    return [results[rel] for rel, _ in listed]


def read_files(root: Path, rels: list[str], *, jobs: int | None = None) -> list[FileResult]:
    """`read_file` for each of ``rels``, in order, over ``jobs`` processes (default: all cores)."""
    jobs = min(jobs or cpu_count(), max(1, len(rels) // MIN_FILES))
    if jobs <= 1:
        return [read_file(root, rel) for rel in rels]
    size = -(-len(rels) // (jobs * CHUNKS_PER_JOB))
    chunks = [rels[n : n + size] for n in range(0, len(rels), size)]
    methods = multiprocessing.get_all_start_methods()
    # fork shares the imported modules with the workers; elsewhere each worker imports them
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    out: list[FileResult] = []
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        for blob in pool.map(_read_chunk, [root] * len(chunks), chunks):
            out.extend(c.loads(blob))
    return out


def _read_chunk(root: Path, rels: list[str]) -> bytes:
    return c.dumps([read_file(root, rel) for rel in rels])
