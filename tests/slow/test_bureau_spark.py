"""The ledger is engine-neutral: Spark in local mode reads it and gets DuckDB's figures.

Slow (a JVM starts) and needs pyspark: `make bench-bureau` installs it and runs this with
BARRIER_SPARK=1; the default suite skips it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from barrier_cli.core.periods import Month
from barrier_cli.reports.bureau.analyze import analyze
from barrier_cli.reports.bureau.models import load_bureau
from barrier_cli.reports.bureau.sync import sync

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("BARRIER_SPARK"), reason="Spark runs in make bench-bureau"
    ),
]
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "bureau"

# The reporting figure of sql/reporting.sql in Spark SQL: the ledger's own path names give
# the member unit and the month, as the DuckDB views take them.
SPARK_FIGURE = """
WITH r AS (
    SELECT regexp_extract(input_file_name(), '/unit=([^/]+)/kind=', 1) AS member, count(*) AS reports
    FROM reports
    WHERE withdrawn_date IS NULL
      AND regexp_extract(input_file_name(), '/month=([^/]+)/', 1) = '{month}'
    GROUP BY 1
), d AS (
    SELECT regexp_extract(input_file_name(), '/unit=([^/]+)/kind=', 1) AS member,
           sum(expected) AS member_expected,
           sum(greatest(expected - actual, 0)) AS member_missed
    FROM duties
    WHERE tier = 'member'
      AND regexp_extract(input_file_name(), '/month=([^/]+)/', 1) = '{month}'
    GROUP BY 1
)
SELECT r.member, r.reports, d.member_expected, d.member_missed
FROM r JOIN d ON d.member = r.member
ORDER BY r.member
"""


def test_spark_reproduces_the_reporting_figure(tmp_path: Path) -> None:
    from pyspark.sql import SparkSession

    ledger = tmp_path / "ledger"
    bureau = load_bureau(EXAMPLE)
    sync(bureau, today=dt.date(2026, 11, 24), dataset=ledger)
    duck = analyze(bureau, month=Month(2026, 10), dataset=ledger)
    expected = [
        (u["unit"], u["reports"], u["member_expected"], u["member_missed"]) for u in duck.units
    ]

    spark = (
        SparkSession.builder.master("local[1]")
        .appName("barrier-ledger")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        for kind in ("reports", "duties"):
            # Leaf files, not the folder: Spark's partition discovery would turn the path's
            # `unit=` into a column clashing with the records' own `unit`.
            files = sorted(str(p) for p in ledger.glob(f"unit=*/kind={kind}/month=*/*.parquet"))
            spark.read.parquet(*files).createOrReplaceTempView(kind)
        rows = spark.sql(SPARK_FIGURE.format(month="2026-10")).collect()
    finally:
        spark.stop()
    got = [(r.member, r.reports, r.member_expected, r.member_missed) for r in rows]
    assert got == expected
    assert len(got) == 3
