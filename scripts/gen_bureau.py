"""Write a bureau tree of N generated member units, deterministic from a seed.

Each unit's records tree comes from ``gen_tree.generate`` (its roster scales with the report
volume: about one person per 40 reports, spread over the months before gen_tree's TODAY),
the units cycle through the systems 机、车、工、电、辆, and ``bureau.yaml`` lists them by
path. ``--records`` adds an existing tree as the first unit (the example 列检车间);
``--typical-case N`` gives the N-th generated unit an open general-A accident in
``--month`` that was never handed over (交班), a known answer for the 通报.
``--people N`` gives each generated unit a roster of N people of whom five in eight (the
party members who owe feedback each duty day) tick 今日无异常 every weekday, one returns file
per person and month; ``--months M`` spreads each unit's reports and returns over the M
months before gen_tree's TODAY. The bureau at full scale (issue 18):

    python scripts/gen_bureau.py OUT --units 50 --people 200 --months 24 --reports-per-unit 2400
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_tree import generate

SYSTEMS = ("机", "车", "工", "电", "辆")
NAMES = {"机": "机务段", "车": "车务段", "工": "工务段", "电": "电务段", "辆": "车辆段"}

TYPICAL = """\
id: I-{day}-TA
date: {date}
title: 调车作业中车辆溜逸脱线
unit: {group}
type: accident
class: general_a
description: 调车作业未按规定拧紧手闸，车辆溜逸脱线，构成一般A类事故。
status: analysing
"""


def generate_bureau(
    out: Path,
    *,
    units: int,
    reports: int,
    seed: int = 7,
    records: Path | None = None,
    typical: int | None = None,
    month: str = "2026-10",
    people: int | None = None,
    months: int | None = None,
) -> list[str]:
    """Write ``out/bureau.yaml`` and ``out/units/<id>/records``; return the unit ids."""
    out.mkdir(parents=True)
    lines = [
        "name: 分局党委组织部",
        "issuer: 分局党委组织部",
        "number: 组织部〔{year}〕{month}号",
        "units:",
    ]
    ids: list[str] = []
    if records is not None:
        rel = os.path.relpath(records.resolve(), out.resolve())
        lines += ["  - id: LJ", "    name: 列检车间", "    system: 辆", f"    path: {rel}"]
        ids.append("LJ")
    for n in range(units):
        system = SYSTEMS[n % len(SYSTEMS)]
        uid = f"U{n + 1:02d}"
        root = out / "units" / uid / "records"
        # gen_tree makes its roster 1.6 times the people who tick nil returns
        nil_returns = people * 5 // 8 if people else 0
        generate(
            root, reports=reports, seed=seed + n, defects=0, nil_returns=nil_returns, months=months
        )
        if typical == n + 1:
            day = f"{month}-15"
            text = TYPICAL.format(day=day.replace("-", ""), date=day, group="B1-G1")
            (root / "incidents" / month[:4]).mkdir(parents=True, exist_ok=True)
            (root / "incidents" / month[:4] / f"I-{day.replace('-', '')}-TA.yaml").write_text(
                text, encoding="utf-8"
            )
        name = f"第{n + 1}{NAMES[system]}"
        lines += [
            f"  - id: {uid}",
            f"    name: {name}",
            f"    system: {system}",
            f"    path: units/{uid}/records",
        ]
        ids.append(uid)
    for kind in ("handovers", "visits", "guidance", "reorganisations"):
        (out / kind).mkdir()
        (out / kind / ".gitkeep").write_text("", encoding="utf-8")
    (out / "bureau.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to create (the bureau tree)")
    parser.add_argument("--units", type=int, default=3)
    parser.add_argument("--reports-per-unit", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--records", type=Path, help="an existing tree to add as unit LJ")
    parser.add_argument("--typical-case", type=int, help="the generated unit (1-based) to give it")
    parser.add_argument("--month", default="2026-10", help="the month of the typical case")
    parser.add_argument("--people", type=int, help="people per generated unit, with daily returns")
    parser.add_argument("--months", type=int, help="months of records before TODAY")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)
    if args.out.exists():
        if not args.force:
            parser.error(f"{args.out} exists (use --force to replace it)")
        shutil.rmtree(args.out)
    ids = generate_bureau(
        args.out,
        units=args.units,
        reports=args.reports_per_unit,
        seed=args.seed,
        records=args.records,
        typical=args.typical_case,
        month=args.month,
        people=args.people,
        months=args.months,
    )
    sys.stdout.write(f"{args.out}: units {', '.join(ids)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
