"""The bureau level: its tree, the ledger, the DuckDB analysis and the 通报, on known answers.

Two hand-made units: KA reports far below its cadence (漏报), KB meets its cadence but has a
general-A accident nobody handed over (交班). Every figure asserted was worked out by hand.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import string
import subprocess
from pathlib import Path
from typing import Any

import pytest

from analysis_tree import ORG, report, write_tree
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.bureau.analyze import analyze
from barrier_cli.reports.bureau.dataset import export_dataset
from barrier_cli.reports.bureau.models import load_bureau
from barrier_cli.reports.bureau.notice import draft_notice
from barrier_cli.reports.bureau.sync import read_status, sync

TODAY = dt.date(2026, 11, 24)
OCTOBER = Month(2026, 10)
MONTHLY = {
    "organisation": "每月一报的车间",
    "cadence": {
        "member": {"period": "month", "min": 1},
        "group": {"period": "month", "min": 1},
        "branch": {"period": "month", "min": 1},
    },
}
GENERAL_A = {
    "id": "I-20261008-01",
    "date": "2026-10-08",
    "title": "调车溜逸脱线",
    "unit": "G1",
    "type": "accident",
    "class": "general_a",
    "status": "analysing",
}


def unit_ka(root: Path) -> Path:
    """Weekly cadence of 4 for members: one report from mem1 in October is far short."""
    return write_tree(root, reports=[report("2026-10-02", "mem1")])


def unit_kb(root: Path) -> Path:
    """Monthly cadence, every duty met; a general-A accident without handover."""
    reports = [
        report("2026-10-03", "mem1"),
        report("2026-10-04", "lead1"),
        report("2026-10-20", "mem2"),
        report("2026-10-05", "lead1", level="group"),
        report("2026-10-06", "lead1", level="branch", unit="B1"),
        report("2026-10-21", "mem2", level="branch", unit="B2"),
    ]
    root = write_tree(root, settings=MONTHLY, reports=reports)
    folder = root / "incidents" / "2026"
    folder.mkdir(parents=True)
    (folder / "I-20261008-01.yaml").write_text(json.dumps(GENERAL_A, ensure_ascii=False))
    return root


def bureau_tree(root: Path, units: list[dict[str, Any]]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "bureau.yaml").write_text(json.dumps({"units": units}, ensure_ascii=False))
    return root


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("bureau")
    unit_ka(base / "ka" / "records")
    unit_kb(base / "kb" / "records")
    return bureau_tree(
        base / "bureau",
        [
            {"id": "KA", "name": "甲车辆段", "system": "辆", "path": "../ka/records"},
            {"id": "KB", "name": "乙工务段", "system": "工", "path": "../kb/records"},
        ],
    )


@pytest.fixture(scope="module")
def statuses(synced: Path) -> list[Any]:
    return sync(load_bureau(synced), today=TODAY)


def test_both_units_pass_and_are_exported(statuses: list[Any], synced: Path) -> None:
    assert [(s.id, s.status) for s in statuses] == [("KA", "ok"), ("KB", "ok")]
    assert {s.id for s in read_status(synced / "ledger")} == {"KA", "KB"}
    assert (synced / "ledger/unit=KB/kind=incidents/month=2026-10/part-0.parquet").is_file()


def test_reporting_figures_per_unit(statuses: list[Any], synced: Path) -> None:
    found = analyze(load_bureau(synced), month=OCTOBER)
    ka, kb = found.unit("KA"), found.unit("KB")
    assert (ka["reports"], kb["reports"]) == (1, 6)
    # KB: three members owe one report each (mem2 half a month: still one), all met.
    assert (kb["member_expected"], kb["member_missed"], kb["missed_share"]) == (3, 0, 0.0)
    assert ka["member_missed"] > 0.2 * ka["member_expected"]
    assert {s["system"]: s["units"] for s in found.systems} == {"工": 1, "辆": 1}


def test_notice_names_missed_reports_and_the_unhanded_accident(
    statuses: list[Any], synced: Path
) -> None:
    bureau = load_bureau(synced)
    found = analyze(bureau, month=OCTOBER)
    notice = draft_notice(
        found, thresholds=bureau.bureau.thresholds, issuer="组织部", number="〔{year}〕{month}号"
    )
    named = {u.unit: {s.code: s for s in u.shortcomings} for u in notice.named}
    assert 2 in named["KA"] and 4 not in named["KA"]
    assert 4 in named["KB"] and 2 not in named["KB"]
    assert named["KB"][4].ids == ["I-20261008-01"]
    assert "未交班" in named["KB"][4].figures[0]
    assert notice.number == "〔2026〕10号"


def test_handover_given_clears_the_case(tmp_path: Path) -> None:
    root = unit_kb(tmp_path / "kb" / "records")
    case = dict(GENERAL_A, handover={"level": "department", "date": "2026-10-10"})
    (root / "incidents/2026/I-20261008-01.yaml").write_text(json.dumps(case, ensure_ascii=False))
    bureau = bureau_tree(
        tmp_path / "b", [{"id": "KB", "name": "乙", "system": "工", "path": "../kb/records"}]
    )
    sync(load_bureau(bureau), today=TODAY)
    (case_row,) = analyze(load_bureau(bureau), month=OCTOBER).cases
    assert case_row["handed_over"] is True and case_row["has_causes"] is False
    assert case_row["received"] is False
    (bureau / "handovers").mkdir()
    (bureau / "handovers" / "BH-20261011-01.yaml").write_text(
        "id: BH-20261011-01\ndate: 2026-10-11\nunit: KB\ncase: I-20261008-01\n"
        "summary: 一般A类事故交班\n"
    )
    (case_row,) = analyze(load_bureau(bureau), month=OCTOBER).cases
    assert case_row["received"] is True
    assert analyze(load_bureau(bureau), month=OCTOBER).own["handovers"] == 1


def test_a_unit_failing_check_is_excluded_and_named(tmp_path: Path) -> None:
    unit_ka(tmp_path / "ka" / "records")
    bad = unit_kb(tmp_path / "kb" / "records")
    (bad / "reports/2026/10/R-20261031-ZZZZ.yaml").write_text("id: R-20261031-ZZZZ\ndate: [\n")
    bureau = bureau_tree(
        tmp_path / "b",
        [
            {"id": "KA", "name": "甲", "system": "辆", "path": "../ka/records"},
            {"id": "KB", "name": "乙", "system": "工", "path": "../kb/records"},
            {"id": "KC", "name": "丙", "system": "电", "path": "../nowhere"},
        ],
    )
    done = {s.id: s for s in sync(load_bureau(bureau), today=TODAY)}
    assert done["KB"].status == "failed" and "R-20261031-ZZZZ.yaml" in done["KB"].first_error
    assert done["KC"].status == "unreachable"
    assert not (bureau / "ledger/unit=KB").exists()
    found = analyze(load_bureau(bureau), month=OCTOBER)
    assert [u["unit"] for u in found.units] == ["KA"]
    assert [e["unit"] for e in found.excluded] == ["KB", "KC"]


def test_reexport_replaces_the_unit(tmp_path: Path) -> None:
    root = unit_kb(tmp_path / "records")
    out = tmp_path / "ledger"
    first = export_dataset(load_tree(root), unit="KB", out=out, today=TODAY)
    again = export_dataset(load_tree(root), unit="KB", out=out, today=TODAY)
    assert first == again
    moved = next((root / "reports/2026/10").glob("*.yaml"))
    moved.unlink()
    export_dataset(load_tree(root), unit="KB", out=out, today=TODAY)
    import duckdb

    files = str(out / "unit=KB/kind=reports/month=*/part-0.parquet")
    (count,) = duckdb.execute(f"SELECT count(*) FROM read_parquet('{files}')").fetchone() or (0,)
    assert count == 5
    assert [p.name for p in out.glob(".*")] == [".lock"], "no staging folder is left behind"


def test_reexport_of_one_month_keeps_the_others(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "records", reports=[report("2026-09-02", "mem1"), report("2026-10-02", "mem1")]
    )
    out = tmp_path / "ledger"
    export_dataset(load_tree(root), unit="KA", out=out, today=TODAY)
    next((root / "reports/2026/09").glob("*.yaml")).unlink()
    export_dataset(load_tree(root), unit="KA", out=out, month=OCTOBER, today=TODAY)
    months = sorted(p.name for p in (out / "unit=KA/kind=reports").iterdir())
    assert months == ["month=2026-09", "month=2026-10"]


def test_unit_id_cannot_escape_the_dataset(tmp_path: Path) -> None:
    root = unit_ka(tmp_path / "records")
    with pytest.raises(InvalidInput):
        export_dataset(load_tree(root), unit="../x", out=tmp_path / "ledger", today=TODAY)


def test_bureau_yaml_errors_name_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bureau.yaml").write_text(
        "units:\n  - id: KA\n    name: 甲\n    system: 船\n    path: x\n"
    )
    with pytest.raises(InvalidInput, match=r"^bureau.yaml:4:13: "):
        load_bureau(tmp_path)
    (tmp_path / "bureau.yaml").write_text("units:\n  - id: KA\n    name: 甲\n    system: 机\n")
    with pytest.raises(InvalidInput, match="exactly one of path, submodule or git"):
        load_bureau(tmp_path)


def test_a_unit_from_a_git_url_is_cloned_and_read(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    unit_kb(repo / "records")
    for args in (
        ["init", "--quiet", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "records"],
    ):
        subprocess.run(["git", "-C", str(repo), *args], check=True)
    bureau = bureau_tree(
        tmp_path / "b",
        [{"id": "KB", "name": "乙", "system": "工", "git": {"url": str(repo), "ref": "main"}}],
    )
    (done,) = sync(load_bureau(bureau), today=TODAY)
    assert done.status == "ok", done.first_error
    assert (bureau / ".barrier-bureau/units/KB/records/barrier.yaml").is_file()
    assert analyze(load_bureau(bureau), month=OCTOBER).unit("KB")["reports"] == 6


def test_people_of_a_unit_never_reach_the_notice(statuses: list[Any], synced: Path) -> None:
    from barrier_cli.present.bureau_document import notice_text

    bureau = load_bureau(synced)
    for fmt in ("md", "html"):
        text = notice_text(bureau, month=OCTOBER, fmt=fmt, lang="zh")  # type: ignore[arg-type]
        assert "甲车辆段" in text and "乙工务段" in text
        for person in ORG["people"]:
            assert person["name"] not in text
            assert person["id"] not in text


def test_the_analysis_is_a_snapshot_at_month_end(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "u" / "records",
        reports=[
            report("2025-10-02", "mem1"),
            report("2026-09-02", "mem1"),
            report("2026-10-02", "mem1"),
            report("2026-10-03", "mem1"),
            report("2026-11-02", "mem1"),
        ],
    )
    bureau = bureau_tree(
        tmp_path / "b", [{"id": "KA", "name": "甲", "system": "辆", "path": "../u/records"}]
    )
    sync(load_bureau(bureau), today=TODAY)
    found = analyze(load_bureau(bureau), month=OCTOBER)
    assert (found.unit("KA")["reports"], found.unit("KA")["previous_reports"]) == (2, 1)
    # Twelve months to October: a year-old report is out, November is after the snapshot.
    assert [(t["month"], t["reports"]) for t in found.trend] == [("2026-09", 1), ("2026-10", 2)]


OVERDUE_PAIRING = {
    "id": "P-20260410-01",
    "mentor": "lead1",
    "person": "wk3",
    "unit": "G1",
    "start": "2026-04-10",
    "reasons": ["low_skill"],
    "basic_on": "2026-07-01",
    "status": "basic",
}


def test_a_silent_branch_and_an_overdue_pairing_are_named(tmp_path: Path) -> None:
    """KC: monthly cadence; 第二党支部's only member (mem2) files nothing as a member, and a
    pairing is past its full milestone (due 10-10) without a review."""
    reports = [
        report("2026-10-03", "mem1", analysis={"date": "2026-10-04", "by": "lead1", "cause": "x"}),
        report("2026-10-04", "lead1", analysis={"date": "2026-10-05", "by": "lead1", "cause": "x"}),
    ]
    write_tree(
        tmp_path / "kc" / "records", settings=MONTHLY, reports=reports, pairings=[OVERDUE_PAIRING]
    )
    bureau = bureau_tree(
        tmp_path / "b", [{"id": "KC", "name": "丙电务段", "system": "电", "path": "../kc/records"}]
    )
    (done,) = sync(load_bureau(bureau), today=TODAY)
    assert done.status == "ok", done.first_error
    loaded = load_bureau(bureau)
    notice = draft_notice(
        analyze(loaded, month=OCTOBER), thresholds=loaded.bureau.thresholds, issuer="", number=""
    )
    (unit,) = notice.named
    found = {s.code: s for s in unit.shortcomings}
    assert sorted(found) == [1, 2, 5]  # 2: one of three member duties missed, over 20%
    assert "第二党支部" in found[1].figures[0] and "第一党支部" not in found[1].figures[0]
    assert found[5].ids == ["P-20260410-01"]


def test_without_duckdb_the_analysis_says_what_to_install(
    synced: Path, statuses: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from barrier_cli.core.errors import UserError

    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(UserError, match=r"barrier-cli\[bureau\]"):
        analyze(load_bureau(synced), month=OCTOBER)


def _commit_all(repo: Path) -> None:
    for args in (
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "records"],
    ):
        subprocess.run(["git", "-C", str(repo), *args], check=True)


def test_a_unit_as_a_submodule_is_initialised_and_read(tmp_path: Path) -> None:
    unit = tmp_path / "kb"
    unit_kb(unit / "records")
    subprocess.run(["git", "-C", str(unit), "init", "--quiet", "-b", "main"], check=True)
    _commit_all(unit)
    bureau = bureau_tree(
        tmp_path / "b", [{"id": "KB", "name": "乙", "system": "工", "submodule": "units/kb"}]
    )
    subprocess.run(["git", "-C", str(bureau), "init", "--quiet", "-b", "main"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(bureau),
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "--quiet",
            str(unit),
            "units/kb",
        ],
        check=True,
    )
    _commit_all(bureau)
    (done,) = sync(load_bureau(bureau), today=TODAY)
    assert done.status == "ok", done.first_error
    assert analyze(load_bureau(bureau), month=OCTOBER).unit("KB")["reports"] == 6


def test_every_phrase_of_the_notice_has_its_chinese_with_the_same_placeholders() -> None:
    from barrier_cli.core.i18n import in_lang
    from barrier_cli.reports.bureau import notice as module

    said = [*module.SHORTCOMINGS.values(), *module._GAPS.values()]
    for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "say" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                said.append(first.value)
    assert "{n} pairings past a milestone" in said

    def fields(text: str) -> set[str | None]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    untranslated = [m for m in said if in_lang("zh", m) == m]
    differing = [m for m in said if fields(in_lang("zh", m)) != fields(m)]
    assert (untranslated, differing) == ([], [])
