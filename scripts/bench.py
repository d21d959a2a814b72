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
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
README = REPO / "README.md"
GENERATOR = REPO / "scripts" / "gen_tree.py"
BEGIN, END = "<!-- bench: issue 17 -->", "<!-- /bench -->"
"""Where in the README `make bench` writes the table of issue 17's rows."""
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
    """Wall seconds and peak RSS (MB, summed over the command's processes) of one command."""
    seconds, _cpu, peak = run_usage(argv, env=env, cwd=cwd)
    return seconds, peak


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
    size = f"{reports // 1000}k" if reports >= 1000 else str(reports)
    root = TREES / (size + (f"+{nil_returns}nil" if nil_returns else ""))
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
    print(f"generating {root} ...", flush=True)
    gen_tree.generate(root, reports=reports, seed=7, defects=0.002, nil_returns=nil_returns)
    stamp.write_text(json.dumps(recipe))
    return root


def _generator_stamp(generator: Path | None = None) -> str:
    """The generator's content, not its mtime: a checkout or a merge that leaves it as it
    was keeps the trees (a 300k tree takes minutes to write)."""
    text = (generator or GENERATOR).read_bytes()
    return hashlib.sha256(text).hexdigest()[:16]


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


def measure_tree(
    root: Path, runs: int, env: dict[str, str], *, jsonschema: bool = True
) -> dict[str, Measure]:
    """check cold/warm/one-touched vs check-jsonschema (with ``jsonschema``), analyze
    cold/warm vs import pandas."""
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
    checks: dict[str, Callable[[], list[list[str]]]] = {
        "check cold": lambda: [[*check, "--no-cache"]],
        "check warm": lambda: [check],
        "check one file touched": lambda: [check],
    }
    if jsonschema:
        tool = str(Path(sys.executable).with_name("check-jsonschema"))
        checks["check-jsonschema"] = lambda: [
            [tool, "--schemafile", str(schema), *chunk] for chunk in batches(reports)
        ]
    out = bench.side_by_side(checks, before={"check one file touched": touch})
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


def measure_add(root: Path, runs: int, env: dict[str, str]) -> dict[str, Usage]:
    """`report add --no-input` on the tree, its index built (issue 17: constant-time add),
    alternating with `report add --help`, its yardstick. The reports it adds are removed
    afterwards, so the tree stays the generated one."""
    folder = root / "reports" / TODAY[:4] / TODAY[5:7]
    before = set(os.listdir(folder)) if folder.is_dir() else set()
    add = barrier("--records", str(root), *ADD_REPORT)
    yardstick = barrier("report", "add", "--help")
    out = {name: Usage(name) for name in ("report add", "report add --help")}
    try:
        run(add, env=env)  # builds the index, once
        for _ in range(runs):
            for name, argv in (("report add", add), ("report add --help", yardstick)):
                seconds, used, mb = run_usage(argv, env=env)
                out[name].seconds.append(seconds)
                out[name].cpu.append(used)
                out[name].peak_mb.append(mb)
        return out
    finally:
        for name in set(os.listdir(folder)) - before:
            (folder / name).unlink()


def empty_tree() -> Path:
    """A tree of 1,000 people and no records."""
    empty = TREES / "empty"
    if not (empty / "barrier.yaml").exists():
        empty.mkdir(parents=True, exist_ok=True)
        roster = gen_tree.make_roster(1000, gen_tree.random.Random(7))
        (empty / "org.yaml").write_text(gen_tree.org_text(roster), encoding="utf-8")
        (empty / "barrier.yaml").write_text(gen_tree.SETTINGS, encoding="utf-8")
    return empty


def measure_startup(runs: int, env: dict[str, str]) -> dict[str, Measure]:
    empty = empty_tree()
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


# -- what people wait for (issue 17): each row against a comparator of the same run ----------

FLOOR = """
import os, sys, yaml
for folder, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    for name in files:
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(folder, name), "rb") as fh:
                yaml.load(fh.read(), Loader=yaml.CSafeLoader)
"""
"""Every file parsed by PyYAML's C loader in one process: what no YAML tool can beat."""

BASELINE = """
import os, sys, yaml, pandas
rows = []
for folder, dirs, files in os.walk(os.path.join(sys.argv[1], "reports")):
    for name in files:
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(folder, name), "rb") as fh:
                data = yaml.load(fh.read(), Loader=yaml.CSafeLoader)
            if isinstance(data, dict):
                rows.append({k: data.get(k) for k in ("date", "unit", "element", "risk", "status")})
frame = pandas.DataFrame(rows)
frame["month"] = pandas.to_datetime(frame["date"], errors="coerce").dt.to_period("M")
print(frame.groupby(["month", "unit", "element"]).size().sum())
"""
"""The floor into a pandas DataFrame plus a groupby: the analysis any script would do."""

STAT_ALL = """
import os, sys
pending = [sys.argv[1]]
while pending:
    with os.scandir(pending.pop()) as listing:
        for entry in listing:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            else:
                entry.stat(follow_symlinks=False)
"""
"""A stat of every file of the tree: what a warm check cannot do without (see cache.py)."""

NO_CLIB = (
    "import sys; sys.modules['_ruamel_yaml'] = None; "
    "from check_jsonschema import main; sys.argv[0] = 'check-jsonschema'; main()"
)
"""check-jsonschema with ruamel's pure-Python parser (its C extension made unimportable)."""


def run_usage(
    argv: list[str], *, env: dict[str, str], cwd: Path = REPO
) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (the command and every process it waited for) and the
    peak of the resident memory summed over the command and its children (MB), sampled."""
    with tempfile.TemporaryFile() as errors:  # a tree's warnings would drown the tables
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        peak = [0]
        high_water: dict[int, int] = {}  # each process's own peak, as last seen
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.01):
                peak[0] = max(peak[0], _tree_rss(proc.pid, high_water))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        done.set()
        sampler.join()
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            errors.seek(0)
            said = errors.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(argv[:6])} ... failed ({status}):\n{said[-2000:]}")
    # Not wait4's ru_maxrss: exec records the pre-exec image, which for a child forked from
    # this script is this script's own resident size (it read the 300k tree's listing).
    # Each process's high-water mark stands in for a peak the 10 ms sampler missed.
    single = max(high_water.values(), default=0)
    if not high_water:  # no /proc (macOS): the child's own figure, an upper bound
        single = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return seconds, usage.ru_utime + usage.ru_stime, max(peak[0], single) / 1e6


def _tree_rss(pid: int, high_water: dict[int, int]) -> int:
    """Resident bytes of ``pid`` and its descendants now (0 where /proc cannot tell); each
    one's high-water mark (VmHWM) goes into ``high_water``."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
            elif line.startswith("VmHWM:"):
                high_water[current] = int(line.split()[1]) * 1024
        pending += [int(child) for child in children]
    return total


@dataclass
class Usage:
    name: str
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak(self) -> float:
        return max(self.peak_mb)


def measure_waits(
    root: Path,
    runs: int,
    env: dict[str, str],
    *,
    jsonschema: bool = True,
    only: list[str] | None = None,
) -> dict[str, Usage]:
    """The rows of issue 17 on one tree, each contender alternating with its comparators
    (check-jsonschema's two runs too, with ``jsonschema``); ``only``: the rows whose name
    holds one of these words (then a tree shared with others is only read, never edited)."""
    scripts = TREES / "scripts"
    scripts.mkdir(parents=True, exist_ok=True)
    for name, text in (("floor", FLOOR), ("baseline", BASELINE), ("stat_all", STAT_ALL)):
        (scripts / f"{name}.py").write_text(text, encoding="utf-8")
    py = sys.executable
    reports = sorted(str(p) for p in (root / "reports").rglob("*.yaml"))
    touched = Path(reports[len(reports) // 2])
    original = touched.read_bytes()
    flip = [0]

    def edit() -> None:
        flip[0] ^= 1
        touched.write_bytes(original + (b"notes: \xe5\xa4\x8d\xe6\x9f\xa5\n" if flip[0] else b""))

    def cold_cache() -> None:
        shutil.rmtree(CACHE, ignore_errors=True)

    check = barrier("--records", str(root), "check")
    analyze = barrier("--records", str(root), "analyze", "--month", MONTH, "--format", "md")
    schema = str(TREES / "report.schema.json")
    contenders: dict[str, tuple[Callable[[], None] | None, list[list[str]]]] = {
        "floor (PyYAML CSafeLoader, one process)": (
            None,
            [[py, str(scripts / "floor.py"), str(root)]],
        ),
        "check cold (one process)": (None, [[*check, "--no-cache", "--jobs", "1"]]),
        "check cold": (None, [[*check, "--no-cache"]]),
        "stat every file": (None, [[py, str(scripts / "stat_all.py"), str(root)]]),
        "barrier --help": (None, [barrier("--help")]),
        "check warm": (None, [check]),
        "check, one report edited": (edit, [check]),
        "baseline (floor + DataFrame + groupby)": (
            None,
            [[py, str(scripts / "baseline.py"), str(root)]],
        ),
        "analyze cold": (cold_cache, [analyze]),
        "analyze warm": (None, [analyze]),
        "import pandas": (None, [[py, "-c", "import pandas"]]),
    }
    if jsonschema and shutil.which("check-jsonschema", path=str(Path(py).parent)):
        for label, head in (
            ("check-jsonschema (clib)", [str(Path(py).with_name("check-jsonschema"))]),
            ("check-jsonschema (no clib)", [py, "-c", NO_CLIB]),
        ):
            contenders[label] = (
                None,
                [[*head, "--schemafile", schema, *chunk] for chunk in batches(reports)],
            )
    if only:
        contenders = {k: v for k, v in contenders.items() if any(w in k for w in only)}
    checked = any(name.startswith("check") for name in contenders)
    out = {name: Usage(name) for name in contenders}
    if checked:
        run(check, env=env)  # a primed cache for the warm runs
    run(analyze, env=env)
    for _ in range(runs):
        for name, (before, commands) in contenders.items():
            if before is not None:
                before()
            wall = cpu = peak = 0.0
            for argv in commands:
                seconds, used, mb = run_usage(argv, env=env)
                wall, cpu, peak = wall + seconds, cpu + used, max(peak, mb)
            out[name].seconds.append(wall)
            out[name].cpu.append(cpu)
            out[name].peak_mb.append(peak)
            if name == "analyze cold" and checked:
                run(check, env=env)  # what analyze cold removed, back for the warm rows
    if flip[0]:
        touched.write_bytes(original)
    if not only or any(w in "report add --help" for w in only):
        # after every other row: each add leaves a new file, which the warm checks would see
        out |= measure_add(root, runs, env)
    return out


WAIT_TARGETS: list[tuple[str, str, Callable[[dict[str, Usage]], float], str, float]] = [
    (
        "check, one report edited, vs warm",
        "100k",
        lambda u: u["check, one report edited"].median / u["check warm"].median,
        "<=",
        1.3,
    ),
    (
        "report add vs report add --help",
        "100k",
        lambda u: u["report add"].median / u["report add --help"].median,
        "<=",
        2.0,
    ),
    ("report add, MB summed over processes", "100k", lambda u: u["report add"].peak, "<=", 150),
    (
        "warm vs barrier --help + 1.5 × stat every file",
        "100k",
        lambda u: (
            u["check warm"].median
            / (u["barrier --help"].median + 1.5 * u["stat every file"].median)
        ),
        "<=",
        1.0,
    ),
    (
        "cold check CPU vs the floor's (one process)",
        "100k",
        lambda u: (
            u["check cold (one process)"].median_cpu
            / u["floor (PyYAML CSafeLoader, one process)"].median_cpu
        ),
        "<=",
        1.3,
    ),
    (
        "cold check vs check-jsonschema (clib)",
        "10k",
        lambda u: u["check-jsonschema (clib)"].median / u["check cold"].median,
        ">=",
        5.0,
    ),
    (
        "cold check vs check-jsonschema (clib), 10k + a year of 200 people's nil returns",
        "10k+200nil",
        lambda u: u["check-jsonschema (clib)"].median / u["check cold"].median,
        ">=",
        3.0,
    ),
    (
        "warm check vs check-jsonschema (clib)",
        "10k",
        lambda u: u["check-jsonschema (clib)"].median / u["check warm"].median,
        ">=",
        30.0,
    ),
    (
        "analyze cold vs baseline (CPU)",
        "300k",
        lambda u: (
            u["analyze cold"].median_cpu / u["baseline (floor + DataFrame + groupby)"].median_cpu
        ),
        "<=",
        1.0,
    ),
    ("analyze cold, MB summed over processes", "300k", lambda u: u["analyze cold"].peak, "<=", 600),
    (
        "analyze warm vs import pandas",
        "300k",
        lambda u: u["analyze warm"].median / u["import pandas"].median,
        "<=",
        3.0,
    ),
]
"""(label, tree, figure from the tree's rows, comparison, goal) of issue 17's "Must show"."""

SMOKE_FACTOR = 10.0
"""How far beyond its goal a ratio may be on the small smoke tree before it fails: a few
hundred files are mostly start-up (the goals are for 100k and more), one run is measured,
and a shared machine is noisy. It catches what is broken, not what is a little slower."""


def wait_table(results: dict[str, dict[str, Usage]], files: dict[str, int]) -> str:
    columns = list(results)
    names: list[str] = []
    for table in results.values():
        names += [n for n in table if n not in names]
    head = " | ".join(f"{c} ({files[c]:,} files)" if c in files else c for c in columns)
    lines = [f"| measure (median wall · CPU · peak MB summed) | {head} |"]
    lines.append("|---" * (len(columns) + 1) + "|")
    for name in names:
        cells = []
        for c in columns:
            u = results[c].get(name)
            cells.append(f"{u.median:.2f} s · {u.median_cpu:.2f} s · {u.peak:.0f} MB" if u else "")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "| target (issue 17) | tree | measured | goal | met |", "|---|---|---|---|---|"]
    for label, where, _, op, goal, value in wait_ratios(results):
        if value is None:
            lines.append(f"| {label} | {where} | not measured | {op} {goal:g} | – |")
            continue
        met = value >= goal if op == ">=" else value <= goal
        lines.append(
            f"| {label} | {where} | {value:.2f} | {op} {goal:g} | {'yes' if met else 'NO'} |"
        )
    return "\n".join(lines)


def wait_ratios(
    results: dict[str, dict[str, Usage]], *, anywhere: bool = False
) -> list[tuple[str, str, Callable[[dict[str, Usage]], float], str, float, float | None]]:
    """Each target's figure on its tree (on every tree measured, with ``anywhere``)."""
    out = []
    for label, where, figure, op, goal in WAIT_TARGETS:
        for tree in list(results) if anywhere else [where]:
            try:
                value: float | None = figure(results[tree])
            except KeyError:
                value = None
            out.append((label, tree, figure, op, goal, value))
    return out


def measure_all_waits(
    sizes: list[int],
    nil_returns: int,
    runs: int,
    env: dict[str, str],
    only: list[str] | None = None,
) -> tuple[dict[str, dict[str, Usage]], dict[str, int]]:
    """`measure_waits` on every size (and 10k with a year of nil returns), smallest first."""
    trees = [(size, 0) for size in sorted(sizes)]
    if nil_returns and sizes:
        trees.append((10_000, nil_returns))
    results: dict[str, dict[str, Usage]] = {}
    files: dict[str, int] = {}
    for size, nil in trees:
        root = tree_for(size, nil)
        files[root.name] = sum(1 for _ in root.rglob("*.yaml"))
        print(f"{root.name}: issue 17's rows ...", flush=True)
        results[root.name] = measure_waits(
            root,
            1 if size >= 100_000 else runs,
            env,
            jsonschema=compared_to_jsonschema(root.name),
            only=only,
        )
    return results, files


def compared_to_jsonschema(tree: str) -> bool:
    """Whether a target on ``tree`` compares against check-jsonschema. It is run nowhere
    else: at 100k its two runs take longer than all of barrier's rows (at 300k, most of an
    hour), and no row of the issue needs them there."""
    waits = {where for label, where, *_ in WAIT_TARGETS if "check-jsonschema" in label}
    table = {where for _, where, a, b, _, _ in TARGETS if "check-jsonschema" in (a, b)}
    return tree in waits | table


def use_trees(folder: Path) -> None:
    """Keep generated trees, the code snapshot and the cache under ``folder``."""
    global TREES, CODE, CACHE
    TREES, CODE, CACHE = folder, folder / "code", folder / "cache"


def smoke(reports: int, runs: int) -> int:
    """`measure_waits` on a small tree, and the first prompt of `report add`; 1 if a ratio
    is beyond `SMOKE_FACTOR` of its goal.

    Only ratios of the same run are compared, never absolute times; the figures that are
    not ratios (memory in MB) and those needing check-jsonschema are left out.
    """
    TREES.mkdir(parents=True, exist_ok=True)
    snapshot_code()
    env = environment()
    write_schema(env)
    root = tree_for(reports)
    results = {root.name: measure_waits(root, runs, env, jsonschema=False)}
    checked = [
        (f"{label} ({tree})", op, goal, value)
        for label, tree, _, op, goal, value in wait_ratios(results, anywhere=True)
        if value is not None and "MB" not in label
    ]
    startup = {"startup": first_prompt(empty_tree(), runs, env)}
    checked += [
        (label, op, goal, ratio(startup, where, a, b))
        for label, where, a, b, op, goal in TARGETS
        if where == "startup" and a in startup["startup"]
    ]
    failed = []
    for label, op, goal, value in checked:
        assert value is not None
        bound = goal / SMOKE_FACTOR if op == ">=" else goal * SMOKE_FACTOR
        ok = value >= bound if op == ">=" else value <= bound
        print(f"{label}: {value:.2f}, {op} {bound:g} {'ok' if ok else 'REGRESSED'}")
        if not ok:
            failed.append(label)
    return 1 if failed else 0


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
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        default=[1000, 10000, 100000],
        help="trees for issue 7's table; none: only start-up and issue 17's rows",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs on trees of 50k and more")
    parser.add_argument(
        "--nil-returns",
        type=int,
        default=200,
        help="also measure 10k reports plus a year of daily nil returns of this many people",
    )
    parser.add_argument(
        "--wait-sizes",
        type=int,
        nargs="*",
        default=[1000, 10000, 100000, 300000],
        help="trees for issue 17's rows (what people wait for); none: skip them",
    )
    parser.add_argument(
        "--smoke",
        type=int,
        metavar="REPORTS",
        help="only issue 17's rows on a tree of this many reports; exit 1 on a regression",
    )
    parser.add_argument("--trees", type=Path, help="where trees and the code snapshot go")
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="WORD",
        help="only issue 17's rows whose name holds one of these words (e.g. analyze baseline "
        "pandas): a tree shared with others is then never edited, and only the table is "
        "printed (no start-up rows, nothing written)",
    )
    args = parser.parse_args(argv)
    if args.trees is not None:
        use_trees(args.trees)
    if args.smoke is not None:
        return smoke(args.smoke, args.runs)
    TREES.mkdir(parents=True, exist_ok=True)
    snapshot_code()
    env = environment()
    write_schema(env)
    started = time.time()
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    results: dict[str, dict[str, Measure]] = {}
    files: dict[str, int] = {}
    if args.only:  # a partial run to look at: the full tables and their files stay as they were
        waits, wait_files = measure_all_waits(
            args.wait_sizes, args.nil_returns, args.runs, env, args.only
        )
        print()
        print(wait_table(waits, wait_files) if waits else "no tree given (--wait-sizes)")
        return 0
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
        results[label] = measure_tree(root, runs, env, jsonschema=compared_to_jsonschema(label))
    table = report(results, files)
    print()
    print(table)
    waits, wait_files = measure_all_waits(
        args.wait_sizes, args.nil_returns, args.runs, env, args.only
    )
    waited = wait_table(waits, wait_files) if waits else ""
    print()
    print(waited)
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
        "waits": {
            where: {
                name: asdict(u) | {"median": u.median, "cpu": u.median_cpu, "peak": u.peak}
                for name, u in t.items()
            }
            for where, t in waits.items()
        },
        "wait_files": wait_files,
        "wait_ratios": {
            f"{label} ({tree})": value for label, tree, _, _, _, value in wait_ratios(waits)
        },
        "wait_table": waited,
    }
    (BENCH / "results.json").write_text(json.dumps(document, indent=2, ensure_ascii=False))
    print(f"\nwrote {(BENCH / 'results.json').relative_to(REPO)}")
    if waited:
        machine = document["machine"]
        caption = (
            f"Measured {document['when']} by `make bench` ({machine['cpus']} cores, load "
            f"average {_load(load_before)} before and {_load(machine['load_after'])} after; "
            f"{document['seconds'] / 60:.0f} minutes in all):"
        )
        README.write_text(with_table(README.read_text(encoding="utf-8"), f"{caption}\n\n{waited}"))
        print(f"wrote issue 17's table into {README.relative_to(REPO)}")
    return 0


def _load(averages: object) -> str:
    return f"{averages[0]:.2f}" if isinstance(averages, tuple | list) else "unknown"


def with_table(readme: str, table: str) -> str:
    """``readme`` with what stands between `BEGIN` and `END` replaced by ``table``."""
    head, begin, rest = readme.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not begin or not end:
        raise SystemExit(f"README.md has no {BEGIN} ... {END} section for issue 17's table")
    return f"{head}{BEGIN}\n{table}\n{END}{tail}"


if __name__ == "__main__":
    raise SystemExit(main())
