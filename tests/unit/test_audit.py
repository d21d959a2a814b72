from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from barrier_cli.checks.audit import audit
from barrier_cli.checks.gitcheck import affected, blob_results, check_git

SETTINGS = "organisation: 列检车间\n"
ORG = """\
units:
  - id: B1
    name: 一班党支部
    kind: branch
people:
  - id: wang
    name: 王建国
    unit: B1
    party_member: true
  - id: zhu
    name: 朱春祥
    unit: B1
"""
REPORT = """\
id: R-20261101-AB12
date: 2026-11-01
reporter: zhu
source: on_site
element: equipment
category: fault
summary: 闸瓦磨耗超限
status: open
"""
INCIDENT = """\
id: I-20261102-01
date: 2026-11-02
title: 风表忘撤被拉走
unit: B1
type: precursor
causes:
  - element: personnel
    text: 作业后未清点工具
    kind: subjective
responsibility:
  - person: zhu
    finding: 未执行工具清点制度
measures:
  - action: 工具定置管理
    owner: wang
    due: 2026-11-10
    done: 2026-11-09
status: closed
closed: 2026-11-12
reports:
  - R-20261101-AB12
"""
REPORT_REL = "reports/2026/11/R-20261101-AB12.yaml"
INCIDENT_REL = "incidents/2026/I-20261102-01.yaml"
AMENDMENT = "amendments:\n  - date: 2026-11-20\n    by: wang\n    reason: 补记责任人\n"


def tree(**files: str) -> dict[str, str]:
    base = {"barrier.yaml": SETTINGS, "org.yaml": ORG, REPORT_REL: REPORT, INCIDENT_REL: INCIDENT}
    return base | {k.replace("__", "/"): v for k, v in files.items()}


def results(files: dict[str, str]) -> list:  # type: ignore[type-arg]
    return blob_results({rel: text.encode() for rel, text in files.items()})


def codes(before: dict[str, str], after: dict[str, str]) -> list[tuple[str, str]]:
    return [(rel, p.code) for rel, p in audit(results(before), results(after))]


def test_unchanged_tree_passes() -> None:
    assert codes(tree(), tree()) == []


def test_deleted_report_is_caught() -> None:
    after = tree()
    del after[REPORT_REL]
    assert codes(tree(), after) == [(REPORT_REL, "deleted")]


def test_moved_record_is_not_a_deletion() -> None:
    after = tree()
    after["reports/2026/10/R-20261101-AB12.yaml"] = after.pop(REPORT_REL)
    assert codes(tree(), after) == []


def test_withdrawn_record_passes() -> None:
    withdrawn = REPORT + "withdrawn:\n  date: 2026-11-03\n  by: wang\n  reason: 重复上报\n"
    assert codes(tree(), tree(**{REPORT_REL: withdrawn})) == []


def test_edited_closed_incident_without_amendment_is_caught() -> None:
    edited = INCIDENT.replace("未执行工具清点制度", "未执行工具清点制度，班组长负管理责任")
    assert codes(tree(), tree(**{INCIDENT_REL: edited})) == [(INCIDENT_REL, "amendment")]


def test_edited_closed_incident_with_a_new_amendment_passes() -> None:
    edited = INCIDENT.replace("未执行工具清点制度", "未执行工具清点制度，班组长负管理责任")
    assert codes(tree(), tree(**{INCIDENT_REL: edited + AMENDMENT})) == []


def test_rewriting_an_earlier_amendment_is_caught() -> None:
    before = tree(**{INCIDENT_REL: INCIDENT + AMENDMENT})
    after = tree(**{INCIDENT_REL: INCIDENT + AMENDMENT.replace("补记", "改写")})
    assert codes(before, after) == [(INCIDENT_REL, "amendment")]


def test_reformatting_a_closed_record_is_not_a_change() -> None:
    reordered = (
        "\n".join(sorted(INCIDENT.splitlines()[:5]))
        + "\n"
        + "\n".join(INCIDENT.splitlines()[5:])
        + "\n"
    )
    assert codes(tree(), tree(**{INCIDENT_REL: reordered})) == []


def test_open_report_may_change_freely() -> None:
    assert codes(tree(), tree(**{REPORT_REL: REPORT.replace("闸瓦", "制动梁")})) == []


def test_id_reused_for_a_different_record_is_caught() -> None:
    other = REPORT.replace("2026-11-01", "2026-11-07").replace("闸瓦磨耗超限", "脱轨器未撤")
    assert codes(tree(), tree(**{REPORT_REL: other})) == [(REPORT_REL, "id-reused")]


def test_correcting_the_date_or_the_summary_alone_is_not_a_new_record() -> None:
    for fixed in (REPORT.replace("2026-11-01", "2026-11-02"), REPORT.replace("超限", "到限")):
        assert codes(tree(), tree(**{REPORT_REL: fixed})) == []


def test_referrers_of_a_touched_report_are_affected() -> None:
    files = results(tree())
    assert affected(files, [REPORT_REL]) == {REPORT_REL, INCIDENT_REL}
    assert affected(files, [INCIDENT_REL]) == {INCIDENT_REL}
    assert affected(files, ["org.yaml"]) == set(tree())


# -- the same, end to end in a git repository ---------------------------------------------


def sh(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    sh(tmp_path, "init", "-q")
    sh(tmp_path, "config", "user.email", "t@example.com")
    sh(tmp_path, "config", "user.name", "t")
    put(tmp_path / "records", tree())
    sh(tmp_path, "add", ".")
    sh(tmp_path, "commit", "-qm", "records")
    return tmp_path


def put(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def found(repo: Path, **options: object) -> list[tuple[str, str]]:
    result = check_git(repo / "records", **options)  # type: ignore[arg-type]
    return [(x.path, x.code) for x in result.findings]


def test_git_against_catches_a_deleted_report(repo: Path) -> None:
    sh(repo, "rm", "-q", f"records/{REPORT_REL}")
    assert (REPORT_REL, "deleted") in found(repo, staged=True, against="HEAD")


def test_git_against_catches_an_edited_closed_incident(repo: Path) -> None:
    put(repo / "records", {INCIDENT_REL: INCIDENT.replace("工具定置管理", "工具定置")})
    assert found(repo, against="HEAD") == [(INCIDENT_REL, "amendment")]


def test_git_against_passes_a_proper_amendment(repo: Path) -> None:
    put(repo / "records", {INCIDENT_REL: INCIDENT.replace("工具定置管理", "工具定置") + AMENDMENT})
    sh(repo, "commit", "-qam", "amend")
    assert found(repo, against="HEAD~1") == []


def test_git_against_catches_an_id_reused(repo: Path) -> None:
    other = REPORT.replace("2026-11-01", "2026-11-05").replace("闸瓦磨耗超限", "防溜铁鞋未撤")
    put(repo / "records", {REPORT_REL: other})
    sh(repo, "add", ".")
    assert found(repo, staged=True, against="HEAD") == [(REPORT_REL, "id-reused")]


def test_staged_content_is_checked_not_the_working_file(repo: Path) -> None:
    bad = REPORT.replace("element: equipment", "element: equipmnt")
    put(repo / "records", {REPORT_REL: bad})
    sh(repo, "add", ".")
    put(repo / "records", {REPORT_REL: REPORT})
    # a typo leaves the report there: the incident linking to it still finds it
    assert found(repo, staged=True) == [(REPORT_REL, "choice")]
    put(repo / "records", {REPORT_REL: REPORT + "summary: [\n"})
    sh(repo, "add", ".")
    put(repo / "records", {REPORT_REL: REPORT})
    # a report that cannot be read is no record: the incident linking to it is reported too
    assert found(repo, staged=True) == [(INCIDENT_REL, "unknown-ref"), (REPORT_REL, "syntax")]
    sh(repo, "add", ".")
    assert found(repo, staged=True) == []


def test_staged_check_reports_on_records_that_refer_to_the_staged_one(repo: Path) -> None:
    (repo / "records" / REPORT_REL).unlink()
    sh(repo, "add", "-A")
    assert found(repo, staged=True) == [(INCIDENT_REL, "unknown-ref")]


def test_changed_reports_only_on_changed_files(repo: Path) -> None:
    new = "reports/2026/11/R-20261103-ZZ99.yaml"
    put(repo / "records", {new: REPORT.replace("AB12", "ZZ99")})
    assert found(repo, changed=True) == [(new, "id-mismatch")]
    sh(repo, "add", ".")
    sh(repo, "commit", "-qm", "one more")
    assert found(repo, changed=True) == []
    assert found(repo) == [(new, "id-mismatch")]


def test_changed_before_the_first_commit_reports_on_everything(tmp_path: Path) -> None:
    sh(tmp_path, "init", "-q")
    put(tmp_path / "records", tree(**{REPORT_REL: REPORT.replace("reporter: zhu", "reporter: li")}))
    assert found(tmp_path, changed=True) == [(REPORT_REL, "unknown-person")]
    assert found(tmp_path, changed=True, against="HEAD") == [(REPORT_REL, "unknown-person")]


def test_staged_tree_leaves_out_untracked_and_keeps_files_deleted_only_in_the_worktree(
    repo: Path,
) -> None:
    records = repo / "records"
    # untracked, not part of the commit: were it read, the staged report's id would clash
    put(records, {"reports/2026/10/R-20261101-AB12.yaml": REPORT})
    edited = REPORT.replace("闸瓦磨耗超限", "闸瓦磨耗到限")
    put(records, {REPORT_REL: edited})
    sh(repo, "add", f"records/{REPORT_REL}")
    (records / REPORT_REL).unlink()  # staged edit, then deleted in the worktree only
    result = check_git(records, staged=True, against="HEAD")
    assert [(x.path, x.code) for x in result.findings] == []
    assert result.files == 2  # the staged report and the incident that links to it
