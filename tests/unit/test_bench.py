"""`make bench`'s rows of what people wait for, run small: the script works end to end, and
no ratio has regressed beyond a generous factor of its goal (ratios of one run only, never
absolute times; see `bench.SMOKE_FACTOR`)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench.py"


@pytest.mark.slow
def test_the_bench_smoke_on_300_reports(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARRIER_")}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke", "300", "--runs", "1", "--trees", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [line for line in done.stdout.splitlines() if line.endswith(" ok")]
    assert len(rows) == 7, done.stdout
    assert any(row.startswith("cold check CPU vs the floor's") for row in rows)
    assert any(row.startswith("report add vs report add --help") for row in rows)
    assert any(row.startswith("report add first prompt vs its --help") for row in rows)


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_readme_table_is_replaced_between_its_markers_and_nothing_else() -> None:
    bench = _bench()
    readme = f"intro\n{bench.BEGIN}\nold table\n{bench.END}\nafter\n"
    new = bench.with_table(readme, "| new |")
    assert new == f"intro\n{bench.BEGIN}\n| new |\n{bench.END}\nafter\n"
    assert bench.with_table(new, "| new |") == new
    with pytest.raises(SystemExit):
        bench.with_table("no markers here", "| new |")


def test_the_readme_has_the_section_the_bench_writes() -> None:
    bench = _bench()
    text = bench.README.read_text(encoding="utf-8")
    assert text.count(bench.BEGIN) == 1 and text.count(bench.END) == 1


def test_check_jsonschema_runs_only_where_a_target_compares_against_it() -> None:
    """At 100k and 300k its runs would take longer than the rest of the bench."""
    bench = _bench()
    assert bench.compared_to_jsonschema("10k")
    assert bench.compared_to_jsonschema("10k+200nil")
    assert not bench.compared_to_jsonschema("100k")
    assert not bench.compared_to_jsonschema("300k")


def test_trees_are_keyed_by_the_generators_content_not_its_mtime(tmp_path: Path) -> None:
    bench = _bench()
    copy = tmp_path / "gen_tree.py"
    copy.write_bytes(bench.GENERATOR.read_bytes())
    assert bench._generator_stamp(copy) == bench._generator_stamp()
    os.utime(copy, ns=(10**18, 10**18))
    assert bench._generator_stamp(copy) == bench._generator_stamp()
    copy.write_bytes(copy.read_bytes() + b"# changed\n")
    assert bench._generator_stamp(copy) != bench._generator_stamp()
