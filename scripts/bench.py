"""`make bench`: barrier against check-jsonschema and the import floors, on 1k/10k/100k trees.

Every figure is the median wall time of several runs of a fresh process, measured side by
side in one run (the contenders alternate, so a busy machine slows them alike), plus the
peak resident memory of each. Trees come from `gen_tree.py` with a fixed seed and are kept
under bench/trees/ between runs. The code measured is a snapshot of src/barrier_cli taken
at the start, so edits made while the benchmark runs cannot change what it measures.

    python scripts/bench.py [--sizes 1000 10000 100000] [--runs 5] [--big-runs 3]

Writes bench/results.json and prints the table with the targets of issue 7.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
TREES = BENCH / "trees"
CODE = TREES / "code"
CACHE = TREES / "cache"
TODAY = "2026-11-24"
MONTH = "2026-10"
ARG_BYTES = 1_000_000
"""Command lines are kept under this size; check-jsonschema gets the files in batches."""

sys.path.insert(0, str(REPO / "scripts"))
import gen_tree  # noqa: E402


@dataclass
class Measure:
    name: str
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float:
        return max(self.peak_mb)


def run(argv: list[str], *, env: dict[str, str], cwd: Path = REPO) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, the largest process of the run) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv[:6])} ... failed ({proc.returncode}):\n{err[-2000:]}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return seconds, usage.ru_maxrss * scale / 1e6


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BARRIER_", "PYTHON"))}
    env["BARRIER_TODAY"] = TODAY
    env["PYTHONPATH"] = str(CODE)
    env["BARRIER_CACHE_DIR"] = str(CACHE)  # the user's own cache is left alone
    return env


def snapshot_code() -> None:
    """Copy the package so that the run measures one version of it, start to end."""
    shutil.rmtree(CODE, ignore_errors=True)
    shutil.copytree(
        REPO / "src" / "barrier_cli",
        CODE / "barrier_cli",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (CODE / "barrier").write_text(
        "import sys\nfrom barrier_cli.cli.main import run\nsys.exit(run())\n", encoding="utf-8"
    )


def barrier(*args: str) -> list[str]:
    """The command as its console script runs it (``-m`` would add runpy's imports)."""
    return [sys.executable, str(CODE / "barrier"), *args]


def tree_for(reports: int, nil_returns: int = 0) -> Path:
    """The generated tree of ``reports`` reports, made once and reused while its recipe holds.

    ``nil_returns``: that many people also tick 今日无异常 every weekday for a year.
    """
    root = TREES / (f"{reports // 1000}k" + (f"+{nil_returns}nil" if nil_returns else ""))
    recipe = {
        "reports": reports,
        "seed": 7,
        "defects": 0.002,
        "nil_returns": nil_returns,
        "generator": _generator_stamp(),
    }
    stamp = root.with_suffix(".json")
    if root.exists() and stamp.exists() and json.loads(stamp.read_text()) == recipe:
        return root
    shutil.rmtree(root, ignore_errors=True)
    print(f"generating {root.relative_to(REPO)} ...", flush=True)
    gen_tree.generate(root, reports=reports, seed=7, defects=0.002, nil_returns=nil_returns)
    stamp.write_text(json.dumps(recipe))
    return root


def _generator_stamp() -> str:
    st = (REPO / "scripts" / "gen_tree.py").stat()
    return f"{st.st_size}-{st.st_mtime_ns}"


def batches(files: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    size = 0
    for name in files:
        if size + len(name) + 1 > ARG_BYTES and out[-1]:
            out.append([])
            size = 0
        out[-1].append(name)
        size += len(name) + 1
    return out


class Bench:
    def __init__(self, runs: int, env: dict[str, str]) -> None:
        self.runs = runs
        self.env = env

    def side_by_side(
        self,
        contenders: dict[str, Callable[[], list[list[str]]]],
        before: dict[str, Callable[[], None]] | None = None,
    ) -> dict[str, Measure]:
        """Run each contender ``runs`` times, alternating; ``before`` prepares a contender."""
        before = before or {}
        results = {name: Measure(name) for name in contenders}
        for _ in range(self.runs):
            for name, commands in contenders.items():
                if name in before:
                    before[name]()
                total, peak = 0.0, 0.0
                for argv in commands():
                    seconds, mb = run(argv, env=self.env)
                    total, peak = total + seconds, max(peak, mb)
                results[name].seconds.append(total)
                results[name].peak_mb.append(peak)
        return results


def measure_tree(root: Path, runs: int, env: dict[str, str]) -> dict[str, Measure]:
    """check cold/warm/one-touched vs check-jsonschema, analyze cold/warm vs import pandas."""
    bench = Bench(runs, env)
    schema = TREES / "report.schema.json"
    reports = sorted(str(p) for p in (root / "reports").rglob("*.yaml"))
    touched = Path(reports[len(reports) // 2])
    original = touched.read_bytes()
    flip = [0]

    def clear() -> None:
        shutil.rmtree(CACHE, ignore_errors=True)

    def touch() -> None:
        """A real edit of one file (a note added, then taken away), as a person makes."""
        flip[0] ^= 1
        touched.write_bytes(original + (b"notes: \xe5\xa4\x8d\xe6\x9f\xa5\n" if flip[0] else b""))

    check = barrier("--records", str(root), "check")
    analyze = barrier("--records", str(root), "analyze", "--month", MONTH, "--format", "md")
    run(check, env=env)  # prime the cache for the warm runs
    out = bench.side_by_side(
        {
            "check cold": lambda: [[*check, "--no-cache"]],
            "check warm": lambda: [check],
            "check one file touched": lambda: [check],
            "check-jsonschema": lambda: [
                [
                    str(Path(sys.executable).with_name("check-jsonschema")),
                    "--schemafile",
                    str(schema),
                    *chunk,
                ]
                for chunk in batches(reports)
            ],
        },
        before={"check one file touched": touch},
    )
    touched.write_bytes(original)
    run(analyze, env=env)
    out |= bench.side_by_side(
        {
            "analyze cold": lambda: [analyze],
            "analyze warm": lambda: [analyze],
            "import pandas": lambda: [[sys.executable, "-c", "import pandas"]],
        },
        before={"analyze cold": clear},
    )
    return out


ADD_REPORT = [
    "report",
    "add",
    "--no-input",
    "--reporter",
    "u0000",
    "--source",
    "on_site",
    "--element",
    "equipment",
    "--category",
    "hazard",
    "--summary",
    "基准测试",
]


def measure_add(root: Path, runs: int, env: dict[str, str]) -> dict[str, Measure]:
    """`report add --no-input` on the tree, its index built (issue 17: constant-time add),
    alternating with `report add --help`, its yardstick. The reports it adds are removed
    afterwards, so the tree stays the generated one."""
    folder = root / "reports" / TODAY[:4] / TODAY[5:7]
    before = set(os.listdir(folder)) if folder.is_dir() else set()
    add = barrier("--records", str(root), *ADD_REPORT)
    try:
        run(add, env=env)  # builds the index, once
        return Bench(runs, env).side_by_side(
            {
                "report add (warm index)": lambda: [add],
                "report add --help (beside add)": lambda: [barrier("report", "add", "--help")],
            }
        )
    finally:
        for name in set(os.listdir(folder)) - before:
            (folder / name).unlink()


def measure_startup(runs: int, env: dict[str, str]) -> dict[str, Measure]:
    empty = TREES / "empty"
    if not (empty / "barrier.yaml").exists():
        empty.mkdir(parents=True, exist_ok=True)
        roster = gen_tree.make_roster(1000, gen_tree.random.Random(7))
        (empty / "org.yaml").write_text(gen_tree.org_text(roster), encoding="utf-8")
        (empty / "barrier.yaml").write_text(gen_tree.SETTINGS, encoding="utf-8")
    out = Bench(runs, env).side_by_side(
        {
            "barrier --help": lambda: [barrier("--help")],
            "barrier report add --help": lambda: [barrier("report", "add", "--help")],
            "barrier check (empty tree)": lambda: [
                barrier("--records", str(empty), "check", "--no-cache")
            ],
            "import typer": lambda: [[sys.executable, "-c", "import typer"]],
        }
    )
    return out | first_prompt(empty, runs, env)


def first_prompt(root: Path, runs: int, env: dict[str, str]) -> dict[str, Measure]:
    """From start to the first question of `report add` at a pseudo-terminal (then Ctrl-C),
    on a tree of 1,000 people: what a person at the duty-room terminal waits for. Measured
    alternating with `report add --help`, its yardstick."""
    import pexpect

    measure = Measure("report add: first prompt")
    help_ = Measure("report add --help (alternating)")
    for _ in range(runs):
        seconds, mb = run(barrier("report", "add", "--help"), env=env)
        help_.seconds.append(seconds)
        help_.peak_mb.append(mb)
        argv = barrier("--records", str(root), "report", "add")
        start = time.perf_counter()
        child = pexpect.spawn(argv[0], argv[1:], env=env, encoding="utf-8", timeout=60)
        child.expect(":")
        measure.seconds.append(time.perf_counter() - start)
        status = Path(f"/proc/{child.pid}/status")
        if status.exists():
            hwm = next(ln for ln in status.read_text().splitlines() if ln.startswith("VmHWM"))
            measure.peak_mb.append(int(hwm.split()[1]) * 1024 / 1e6)
        child.sendintr()
        child.expect(pexpect.EOF)
        child.close()
    if not measure.peak_mb:
        measure.peak_mb.append(float("nan"))
    return {measure.name: measure, help_.name: help_}


def write_schema(env: dict[str, str]) -> None:
    done = subprocess.run(
        barrier("schema", "report"), env=env, capture_output=True, check=True, cwd=REPO
    )
    (TREES / "report.schema.json").write_bytes(done.stdout)


TARGETS = [
    ("check cold vs check-jsonschema (10k)", "10k", "check-jsonschema", "check cold", ">=", 3.0),
    ("check warm vs check-jsonschema (10k)", "10k", "check-jsonschema", "check warm", ">=", 30.0),
    ("one file touched vs warm (10k)", "10k", "check one file touched", "check warm", "<=", 2.0),
    ("analyze warm vs import pandas (100k)", "100k", "analyze warm", "import pandas", "<=", 3.0),
    (
        "check warm vs check-jsonschema (10k + a year of nil returns of 200)",
        "10k+200nil",
        "check-jsonschema",
        "check warm",
        ">=",
        30.0,
    ),
    (
        "analyze warm vs import pandas (10k + a year of nil returns of 200)",
        "10k+200nil",
        "analyze warm",
        "import pandas",
        "<=",
        3.0,
    ),
    ("barrier --help vs import typer", "startup", "barrier --help", "import typer", "<=", 1.5),
    (
        "report add vs its --help (10k)",
        "10k",
        "report add (warm index)",
        "report add --help (beside add)",
        "<=",
        2.0,
    ),
    (
        "report add vs its --help (100k)",
        "100k",
        "report add (warm index)",
        "report add --help (beside add)",
        "<=",
        2.0,
    ),
    (
        "report add first prompt vs its --help",
        "startup",
        "report add: first prompt",
        "report add --help (alternating)",
        "<=",
        1.5,
    ),
]


def ratio(results: dict[str, dict[str, Measure]], where: str, a: str, b: str) -> float | None:
    table = results.get(where)
    if not table or a not in table or b not in table:
        return None
    return table[a].median / table[b].median


def report(results: dict[str, dict[str, Measure]], files: dict[str, int]) -> str:
    names: list[str] = []
    for table in results.values():
        names += [n for n in table if n not in names]
    columns = list(results)
    head = "| measure | " + " | ".join(
        f"{c} ({files[c]:,} files)" if c in files else c for c in columns
    )
    lines = [head + " |", "|---" * (len(columns) + 1) + "|"]
    for name in names:
        cells = []
        for c in columns:
            m = results[c].get(name)
            cells.append(f"{m.median:.3f} s · {m.peak:.0f} MB" if m else "")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "| target | measured | goal | met |", "|---|---|---|---|"]
    for label, where, a, b, op, goal in TARGETS:
        value = ratio(results, where, a, b)
        if value is None:
            lines.append(f"| {label} | not measured | {op} {goal:g}× | – |")
            continue
        met = value >= goal if op == ">=" else value <= goal
        lines.append(f"| {label} | {value:.1f}× | {op} {goal:g}× | {'yes' if met else 'NO'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs on trees of 50k and more")
    parser.add_argument(
        "--nil-returns",
        type=int,
        default=200,
        help="also measure 10k reports plus a year of daily nil returns of this many people",
    )
    args = parser.parse_args(argv)
    TREES.mkdir(parents=True, exist_ok=True)
    snapshot_code()
    env = environment()
    write_schema(env)
    started = time.time()
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    results: dict[str, dict[str, Measure]] = {}
    files: dict[str, int] = {}
    print("start-up ...", flush=True)
    results["startup"] = measure_startup(args.runs, env)
    trees = [(size, 0) for size in args.sizes]
    if args.nil_returns:
        trees.append((10_000, args.nil_returns))
    for size, nil in trees:
        root = tree_for(size, nil)
        label = root.name
        files[label] = sum(1 for _ in root.rglob("*.yaml"))
        runs = args.big_runs if size >= 50_000 else args.runs
        print(f"{label}: {files[label]:,} files, {runs} runs each ...", flush=True)
        results[label] = measure_tree(root, runs, env)
        results[label] |= measure_add(root, runs, env)
    table = report(results, files)
    print()
    print(table)
    document = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "seconds": round(time.time() - started, 1),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_before": load_before,
            "load_after": os.getloadavg() if hasattr(os, "getloadavg") else None,
        },
        "runs": {"default": args.runs, "big": args.big_runs},
        "files": files,
        "results": {
            where: {name: asdict(m) | {"median": m.median, "peak": m.peak} for name, m in t.items()}
            for where, t in results.items()
        },
        "ratios": {label: ratio(results, w, a, b) for label, w, a, b, _, _ in TARGETS},
        "table": table,
    }
    (BENCH / "results.json").write_text(json.dumps(document, indent=2, ensure_ascii=False))
    print(f"\nwrote {(BENCH / 'results.json').relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
