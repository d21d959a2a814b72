"""`barrier bureau` on the example bureau: the 列检车间 of records/ and two generated units."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from barrier_cli.io.yamlio import load_text
from cli_helpers import barrier

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "bureau"


def run(*args: str) -> str:
    result = barrier(None, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ledger")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BARRIER_TODAY", "2026-11-24")
        text = run("bureau", "sync", "--bureau", str(EXAMPLE), "--dataset", str(out))
    assert re.findall(r"^(\w+) .*：已同步", text, re.MULTILINE) == ["LJ", "U01", "U02"]
    return out


def bureau(ledger: Path, command: str, *more: str) -> str:
    return run(
        "bureau",
        command,
        "--bureau",
        str(EXAMPLE),
        "--dataset",
        str(ledger),
        "--month",
        "2026-10",
        *more,
    )


def test_notice_names_each_unit_with_its_shortcoming(ledger: Path) -> None:
    text = bureau(ledger, "notice")
    sections = dict(re.findall(r"^### \d+\. (\S+)（.系统）\n\n(.*?)(?=^###|\Z)", text, re.M | re.S))
    assert set(sections) == {"第1机务段", "第2车务段"}
    assert "信息报告网络不畅" in sections["第1机务段"]
    assert "深层次原因分析不透" in sections["第2车务段"]
    assert "I-20261015-TA：未交班" in sections["第2车务段"]
    assert "本月未发现问题的单位：列检车间。" in text


def test_analysis_json_holds_every_unit_and_system(ledger: Path) -> None:
    found = json.loads(bureau(ledger, "analyze", "--format", "json"))
    assert [u["unit"] for u in found["units"]] == ["LJ", "U01", "U02"]
    assert [s["system"] for s in found["systems"]] == ["机", "车", "辆"]
    # The bureau counts a unit's month as the workshop's own analysis does.
    own = barrier(REPO / "records", "analyze", "--month", "2026-10", "--format", "json")
    assert own.returncode == 0, own.stderr
    reports = json.loads(own.stdout)["totals"]["reports"]
    lj = next(u for u in found["units"] if u["unit"] == "LJ")
    assert lj["reports"] == reports
    md = bureau(ledger, "analyze")
    assert f"| 列检车间 | 辆 | {reports} |" in md


def test_no_person_of_any_unit_is_in_the_notice(ledger: Path) -> None:
    people = []
    for org in [REPO / "records" / "org.yaml", *EXAMPLE.glob("units/*/records/org.yaml")]:
        people += load_text(org.read_text(encoding="utf-8"))["people"]
    assert len(people) > 50
    for fmt in ("md", "html"):
        text = bureau(ledger, "notice", "--format", fmt)
        leaked = [p["name"] for p in people if p["name"] in text]
        leaked += [p["id"] for p in people if re.search(rf"\b{re.escape(p['id'])}\b", text)]
        assert leaked == [], fmt


def test_html_notice_escapes_names(tmp_path: Path) -> None:
    from analysis_tree import report, write_tree

    write_tree(tmp_path / "u" / "records", reports=[report("2026-10-02", "mem1")])
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "bureau.yaml").write_text(
        json.dumps(
            {
                "units": [
                    {
                        "id": "X",
                        "name": "<script>x</script>段",
                        "system": "电",
                        "path": "../u/records",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BARRIER_TODAY", "2026-11-24")
        run("bureau", "sync", "--bureau", str(tmp_path / "b"))
    html = run(
        "bureau",
        "notice",
        "--bureau",
        str(tmp_path / "b"),
        "--month",
        "2026-10",
        "--format",
        "html",
    )
    assert "<script>x" not in html and "&lt;script&gt;x" in html


def test_init_bureau_then_export_dataset(tmp_path: Path) -> None:
    run("init", "--bureau", str(tmp_path / "b"))
    assert (tmp_path / "b" / "bureau.yaml").is_file()
    assert (tmp_path / "b" / "handovers").is_dir()
    result = barrier(
        REPO / "records",
        "export",
        "--dataset",
        str(tmp_path / "d"),
        "--unit",
        "LJ",
        "--month",
        "2026-10",
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "d/unit=LJ/kind=reports/month=2026-10/part-0.parquet").is_file()
    assert not (tmp_path / "d/unit=LJ/kind=reports/month=2026-09").exists()


def test_export_dataset_needs_a_unit(tmp_path: Path) -> None:
    result = barrier(REPO / "records", "export", "--dataset", str(tmp_path / "d"))
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "--dataset 须用 --unit" in line


def test_two_exports_of_one_unit_at_once_leave_one_whole_copy(tmp_path: Path) -> None:
    import duckdb

    from analysis_tree import report, write_tree
    from cli_helpers import run_together

    root = write_tree(
        tmp_path / "records",
        reports=[report("2026-09-02", "mem1"), report("2026-10-02", "mem1")],
    )
    out = str(tmp_path / "d")
    command = ["export", "--dataset", out, "--unit", "KA"]
    assert [rc for rc, _, _ in run_together(root, [command, command])] == [0, 0]
    files = f"{out}/unit=KA/kind=reports/month=*/part-0.parquet"
    (count,) = duckdb.execute(f"SELECT count(*) FROM read_parquet('{files}')").fetchone() or (0,)
    assert count == 2
    assert [p.name for p in (tmp_path / "d").glob(".*")] == [".lock"]
