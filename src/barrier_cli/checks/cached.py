"""The check of a whole tree as `barrier check` runs it: answered from the cache when nothing
changed, else by re-checking only what a change can affect.

Importing this module loads neither the checks nor the models nor the YAML parser: an
unchanged tree's check is answered before any of them is needed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from barrier_cli.core.findings import CheckResult
from barrier_cli.io import cache
from barrier_cli.io.collector import collector_paused


def check(
    root: Path,
    *,
    paths: list[Path] | None = None,
    day: dt.date | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
) -> CheckResult:
    """`checks.run.check_tree`, answered from the memo when no file of the tree has changed,
    and otherwise by re-checking only the files a change can affect (`checks.incremental`);
    with `cache.in_tree_cache`'s findings, which are never memoised."""
    from barrier_cli.core.tree_root import today

    day = day or today(root)
    if not use_cache:
        from barrier_cli.checks.run import check_tree

        result = check_tree(root, paths=paths, day=day, cache=False, jobs=jobs)
        return cache.with_in_tree_cache(root, result)
    selection = sorted(str(p.resolve()) for p in paths) if paths else []
    scanned = cache.scan_tree(root)

    def compute() -> CheckResult:
        with collector_paused():  # pydantic, the models and the YAML parser, kept to the end
            from barrier_cli.checks.incremental import check_changes

        return check_changes(
            root,
            paths=paths,
            day=day,
            folders=scanned.folders,
            started=scanned.started_ns,
            jobs=jobs,
        )

    key = ("check", day.isoformat(), selection)
    result = cache.memoised(root, "check", key, compute, CheckResult, scanned=scanned)
    return cache.with_in_tree_cache(root, result, scanned.pickles)
