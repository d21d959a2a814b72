"""`make bench-bureau`: the bureau ledger measured, DuckDB beside a pandas baseline.

1. Export: a generated unit tree of ``--export-reports`` reports written into a ledger with
   ``export_dataset``; reported as seconds per 100k records.
2. Analysis: a synthetic ledger of N rows (reports plus their duties, spread over units and
   24 months, written straight to Parquet with the export's own schema, since writing 10^7
   YAML files first would measure the file system), then ``bureau analyze`` for one month
   with DuckDB, and the reporting figure (reports and member-tier 漏报 per unit) with pandas
   loading the same tables. Each runs in a fresh process; its peak memory is that process's
   maximum resident set size.
3. The bureau at full scale from YAML: ``--pipeline-units`` units of ``--people`` people over
   ``--months`` months (daily nil returns of the party members included), generated as
   record trees by gen_bureau.py, then ``barrier bureau sync`` (check, load and
   ``export --dataset`` of every unit) and ``barrier bureau analyze`` as the user runs them,
   each timed with its peak memory.

    python scripts/bench_bureau.py [--rows 1000000 10000000] [--export-reports 20000]
        [--pipeline-units 50 --people 200 --months 24 --reports-per-unit 2400]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

MONTH = "2026-10"
MONTHS = 24
UNITS = 50
# Per report row, how many duty rows a unit's ledger holds: ~200 people, ~22 reports each a month.
DUTY_SHARE = 0.05


def synthetic_ledger(out: Path, rows: int, seed: int = 7) -> None:
    """``rows`` report rows (and a twentieth as many duty rows) over UNITS units × MONTHS."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from barrier_cli.reports.bureau.dataset import PART, duty_schema, table_schema

    rng = np.random.default_rng(seed)
    schema = table_schema("reports")
    per_part = max(1, rows // (UNITS * MONTHS))
    first = dt.date(2024, 11, 1)
    for u in range(UNITS):
        for m in range(MONTHS):
            year, month = first.year + (first.month - 1 + m) // 12, (first.month - 1 + m) % 12 + 1
            start = dt.date(year, month, 1)
            days = rng.integers(0, 28, per_part)
            people = rng.integers(0, 200, per_part)
            dates = [start + dt.timedelta(days=int(d)) for d in days]
            analysed = rng.random(per_part) < 0.9
            columns: dict[str, list[object]] = {
                "id": [f"R-{start:%Y%m}{d + 1:02d}-{n:06X}" for n, d in enumerate(days)],
                "date": dates,
                "reporter": [f"p{p:03d}" for p in people],
                "level": ["member"] * per_part,
                "source": ["on_site"] * per_part,
                "element": rng.choice(["equipment", "personnel", "management"], per_part).tolist(),
                "category": rng.choice(["hazard", "violation", "fault"], per_part).tolist(),
                "keys": [["train"]] * per_part,
                "summary": ["车轮踏面擦伤超限"] * per_part,
                "status": ["analysed"] * per_part,
                "analysis_date": [
                    d + dt.timedelta(days=1) if a else None
                    for d, a in zip(dates, analysed, strict=True)
                ],
                "persons": [[f"p{p:03d}"] for p in people],
            }
            arrays = [pa.array(columns.get(f.name, [None] * per_part), type=f.type) for f in schema]
            folder = out / f"unit=U{u:02d}" / "kind=reports" / f"month={start:%Y-%m}"
            folder.mkdir(parents=True)
            pq.write_table(pa.Table.from_arrays(arrays, schema=schema), folder / PART)
            duties = max(1, int(per_part * DUTY_SHARE))
            expected = rng.integers(18, 23, duties)
            duty = {
                "tier": ["member"] * duties,
                "subject": [f"p{n:03d}" for n in range(duties)],
                "unit": [f"G{n % 10}" for n in range(duties)],
                "branch": [f"B{n % 4}" for n in range(duties)],
                "expected": expected.tolist(),
                "actual": (expected - rng.integers(0, 6, duties)).tolist(),
            }
            folder = out / f"unit=U{u:02d}" / "kind=duties" / f"month={start:%Y-%m}"
            folder.mkdir(parents=True)
            ds = duty_schema()
            pq.write_table(
                pa.Table.from_arrays([pa.array(duty[f.name], type=f.type) for f in ds], schema=ds),
                folder / PART,
            )
    units = [
        {"id": f"U{u:02d}", "name": f"第{u + 1}站段", "system": "机车工电辆"[u % 5], "path": "x"}
        for u in range(UNITS)
    ]
    (out / "bureau.yaml").write_text(json.dumps({"units": units}, ensure_ascii=False))


DUCKDB_RUN = """
import sys, time
from pathlib import Path
from barrier_cli.reports.bureau.analyze import analyze
from barrier_cli.reports.bureau.models import load_bureau
from barrier_cli.core.periods import Month
root = Path(sys.argv[1])
start = time.perf_counter()
found = analyze(load_bureau(root), month=Month.parse(sys.argv[2]), dataset=root)
import resource
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(time.perf_counter() - start, sum(u["reports"] for u in found.units), peak)
"""

PANDAS_RUN = """
import sys, time
from pathlib import Path
import pandas as pd
root = Path(sys.argv[1])
start = time.perf_counter()
def load(kind, columns):
    frames = []
    for path in sorted(root.glob(f"unit=*/kind={kind}/month=*/part-0.parquet")):
        frame = pd.read_parquet(path, columns=columns)
        frame["member"] = path.parts[-4][5:]
        frame["part_month"] = path.parts[-2][6:]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)
reports = load("reports", ["id", "date", "withdrawn_date", "level"])
duties = load("duties", ["tier", "expected", "actual"])
month = sys.argv[2]
r = reports[(reports.part_month == month) & reports.withdrawn_date.isna()]
d = duties[(duties.part_month == month) & (duties.tier == "member")]
d = d.assign(missed=(d.expected - d.actual).clip(lower=0))
figures = r.groupby("member").size().to_frame("reports").join(
    d.groupby("member")[["expected", "missed"]].sum())
import resource
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(time.perf_counter() - start, int(figures.reports.sum()), peak)
"""


def timed(code: str, *args: str) -> tuple[float, int, float]:
    """Seconds the script reports, its answer, and its own peak memory (max RSS) in MiB."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    seconds, answer, peak_kib = done.stdout.split()
    return float(seconds), int(answer), int(peak_kib) / 1024


def bench_export(reports: int, work: Path) -> dict[str, float]:
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.bureau.dataset import export_dataset
    from gen_tree import generate

    root = work / "unit" / "records"
    generate(root, reports=reports, seed=11, defects=0)
    start = time.perf_counter()
    tree = load_tree(root)
    loaded = time.perf_counter()
    written = export_dataset(tree, unit="U00", out=work / "export", today=dt.date(2026, 11, 24))
    end = time.perf_counter()
    records = sum(written.rows.values())
    return {
        "reports": reports,
        "rows": records,
        "load_s": round(loaded - start, 2),
        "export_s": round(end - loaded, 2),
        "export_s_per_100k_rows": round((end - loaded) / records * 100_000, 2),
    }


def run_measured(*args: str) -> tuple[float, float, str]:
    """Seconds, peak memory (MiB: this child's own max RSS, from wait4) and stdout."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "barrier_cli", *args],
            stdout=out,
            env=os.environ | {"BARRIER_TODAY": "2026-11-24"},
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        if child.returncode != 0:
            raise subprocess.CalledProcessError(child.returncode, child.args)
        out.seek(0)
        return seconds, usage.ru_maxrss / 1024, out.read().decode("utf-8")


def bench_pipeline(
    units: int, people: int, months: int, reports: int, work: Path
) -> dict[str, object]:
    """gen_bureau → bureau sync → bureau analyze on YAML record trees, as a user runs them."""
    from gen_bureau import generate_bureau

    bureau = work / "bureau"
    start = time.perf_counter()
    generate_bureau(
        bureau, units=units, reports=reports, seed=7, people=people, months=months, month=MONTH
    )
    made = time.perf_counter() - start
    files = sum(1 for _ in bureau.glob("units/*/records/**/*.yaml"))
    returns = sum(1 for _ in bureau.glob("units/*/records/returns/**/*.yaml"))
    sync_s, sync_mib, said = run_measured("bureau", "sync", "--bureau", str(bureau), "--no-fetch")
    rows = sum(int(line.rsplit(", ", 1)[1].split()[0]) for line in said.splitlines())
    analyze_s, analyze_mib, text = run_measured(
        "bureau", "analyze", "--bureau", str(bureau), "--month", MONTH, "--format", "json"
    )
    found = json.loads(text)
    return {
        "units": units,
        "people_per_unit": people,
        "months": months,
        "reports_per_unit": reports,
        "yaml_files": files,
        "returns_files": returns,
        "nil_return_days": sum(text.count("  - date:") for text in _returns_texts(bureau)),
        "generate_s": round(made, 1),
        "sync_s": round(sync_s, 1),
        "sync_peak_mib": round(sync_mib),
        "ledger_rows": rows,
        "analyze_s": round(analyze_s, 2),
        "analyze_peak_mib": round(analyze_mib),
        "units_analysed": len(found["units"]),
    }


def _returns_texts(bureau: Path) -> Iterator[str]:
    for path in bureau.glob("units/*/records/returns/**/*.yaml"):
        yield path.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--export-reports", type=int, default=20_000)
    parser.add_argument("--out", type=Path, help="write the results as JSON here too")
    parser.add_argument("--pipeline-units", type=int, default=0, help="0: skip the YAML run")
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--reports-per-unit", type=int, default=2400)
    parser.add_argument("--only-pipeline", action="store_true", help="skip parts 1 and 2")
    args = parser.parse_args(argv)
    results: dict[str, object] = {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cpus": os.cpu_count(),
        "load_before": os.getloadavg(),
    }
    with tempfile.TemporaryDirectory(prefix="bench-bureau-") as tmp:
        work = Path(tmp)
        if args.pipeline_units:
            results["pipeline"] = bench_pipeline(
                args.pipeline_units, args.people, args.months, args.reports_per_unit, work
            )
            print("pipeline:", results["pipeline"], flush=True)
        if not args.only_pipeline:
            results["export"] = bench_export(args.export_reports, work)
            print("export:", results["export"], flush=True)
        for rows in [] if args.only_pipeline else sorted(args.rows):
            ledger = work / f"ledger-{rows}"
            start = time.perf_counter()
            synthetic_ledger(ledger, rows)
            made = time.perf_counter() - start
            duck = timed(DUCKDB_RUN, str(ledger), MONTH)
            pand = timed(PANDAS_RUN, str(ledger), MONTH)
            assert duck[1] == pand[1], f"DuckDB {duck[1]} and pandas {pand[1]} disagree"
            line = {
                "rows": rows,
                "generate_s": round(made, 1),
                "duckdb_s": round(duck[0], 2),
                "duckdb_peak_mib": round(duck[2]),
                "pandas_s": round(pand[0], 2),
                "pandas_peak_mib": round(pand[2]),
                "reports_in_month": duck[1],
            }
            results[str(rows)] = line
            print(line, flush=True)
    results["load_after"] = os.getloadavg()
    if args.out:
        args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
