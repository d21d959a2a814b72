"""Cross-references: every person, unit, partner, item and record a record names exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from barrier_cli.checks.refs import Index, file_reference_problems, org_problems
from barrier_cli.core import findings as f
from barrier_cli.io.parallel import load_tree
from cli_helpers import copy_tiny

REPORT = "reports/2026/11/R-20261110-0001.yaml"
HEAD = "id: R-20261110-0001\ndate: 2026-11-10\nsource: on_site\nelement: equipment\ncategory: hazard\nsummary: 风管吊架松动\n"
INCIDENT = "incidents/2026/I-20261105-01.yaml"
INCIDENT_HEAD = (
    "id: I-20261105-01\ndate: 2026-11-05\ntitle: 风表被带走\nunit: B1\ntype: precursor\n"
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_tiny(tmp_path)


def put(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def found(root: Path) -> list[tuple[str, str, tuple[str | int, ...], str]]:
    tree = load_tree(root)
    index = Index.of(tree)
    pairs = [("org.yaml", p) for p in org_problems(tree, index)]
    pairs += [(r.rel, p) for r in tree.files for p in file_reference_problems(r, index, tree)]
    return [(rel, p.code, p.loc, p.hint) for rel, p in pairs]


def test_the_tiny_tree_refers_only_to_what_exists(root: Path) -> None:
    assert found(root) == []


def test_every_person_field_of_a_report_is_checked(root: Path) -> None:
    put(
        root,
        REPORT,
        HEAD
        + "reporter: wnag\npersons: [li, zhang]\n"
        + "status: analysed\nanalysis: {date: 2026-11-11, by: nobody, cause: 未倒角}\n"
        + "actions:\n  - {action: 打磨, owner: lee, due: 2026-11-12, verified_by: wang}\n"
        + "withdrawn: {date: 2026-11-12, by: ghost, reason: 重复}\n",
    )
    assert [(code, loc, hint) for _, code, loc, hint in found(root)] == [
        (f.UNKNOWN_PERSON, ("reporter",), "did you mean 'wang'?"),
        (f.UNKNOWN_PERSON, ("persons", 1), "did you mean 'wang'?"),
        (f.UNKNOWN_PERSON, ("analysis", "by"), ""),
        (f.UNKNOWN_PERSON, ("actions", 0, "owner"), ""),
        (f.UNKNOWN_PERSON, ("withdrawn", "by"), ""),
    ]


def test_a_reporter_who_had_left_is_inactive_on_the_date(root: Path) -> None:
    put(root, REPORT, HEAD + "reporter: chen\n")
    assert [(c, loc) for _, c, loc, _ in found(root)] == [(f.INACTIVE_PERSON, ("reporter",))]
    put(root, REPORT, HEAD.replace("2026-11-10", "2025-06-10") + "reporter: chen\n")
    assert found(root) == []


def test_units_partners_and_links(root: Path) -> None:
    put(
        root,
        REPORT,
        HEAD.replace("on_site", "joint_labour")
        + "reporter: wang\nunit: B2\npartner: staton\nlinks: [R-20261101-0001, I-20260101-01]\n",
    )
    assert [(c, loc, hint) for _, c, loc, hint in found(root)] == [
        (f.UNKNOWN_UNIT, ("unit",), ""),
        (f.UNKNOWN_PARTNER, ("partner",), "did you mean 'station'?"),
        (f.UNKNOWN_REF, ("links", 1), ""),
    ]


def test_a_link_to_a_record_that_fails_its_schema_is_not_unknown(root: Path) -> None:
    put(root, REPORT, HEAD + "reporter: wang\nrisk: hihg\n")
    put(
        root,
        "reports/2026/11/R-20261111-0001.yaml",
        HEAD.replace("R-20261110-0001", "R-20261111-0001").replace("11-10", "11-11")
        + "reporter: wang\nlinks: [R-20261110-0001]\n",
    )
    assert found(root) == []


def test_every_reference_of_an_incident_is_checked(root: Path) -> None:
    put(
        root,
        INCIDENT,
        INCIDENT_HEAD.replace("precursor", "violation")
        + "violation: {kind: rule, severity: general, person: chen}\n"
        + "persons: [{person: li, role: responsible}, {person: zhao, role: witness}]\n"
        + "responsibility: [{unit: B7, finding: 管理不到位}]\n"
        + "measures: [{action: 教育, owner: wang, due: 2026-11-10, verified_by: qian}]\n"
        + "accountability: [{person: sun, action: warned, date: 2026-11-06}]\n"
        + "education: [{date: 2026-11-07, by: zhou, content: 安全教育}]\n"
        + "reports: [R-20261101-0001, R-20991231-XXXX]\n",
    )
    assert [(c, loc) for _, c, loc, _ in found(root)] == [
        (f.INACTIVE_PERSON, ("violation", "person")),
        (f.UNKNOWN_PERSON, ("persons", 1, "person")),
        (f.UNKNOWN_UNIT, ("responsibility", 0, "unit")),
        (f.UNKNOWN_PERSON, ("measures", 0, "verified_by")),
        (f.UNKNOWN_PERSON, ("accountability", 0, "person")),
        (f.UNKNOWN_PERSON, ("education", 0, "by")),
        (f.UNKNOWN_REF, ("reports", 1)),
    ]


def test_a_mentor_is_a_party_member_of_the_persons_unit(root: Path) -> None:
    pairing = "id: P-20260901-01\nunit: B1-G1\nstart: 2026-09-01\nreasons: [low_skill]\n"
    put(root, "pairings/2026/P-20260901-01.yaml", pairing + "mentor: li\nperson: wang\n")
    assert [(c, loc) for _, c, loc, _ in found(root)] == [(f.PAIRING_MENTOR, ("mentor",))]
    org = (root / "org.yaml").read_text(encoding="utf-8")
    put(root, "org.yaml", org + "  - {id: zhao, name: 赵强, unit: B1}\n")
    put(root, "pairings/2026/P-20260901-01.yaml", pairing + "mentor: wang\nperson: zhao\n")
    assert [(c, loc) for _, c, loc, _ in found(root)] == [(f.PAIRING_MENTOR, ("mentor",))]


def test_a_mentor_holds_the_persons_post(root: Path) -> None:
    """同岗位: a mentor of another post (or whose post is unsaid beside the person's) is a
    finding; two people of one post, or two whose posts are both unsaid, pair."""
    pairing = "id: P-20260901-01\nunit: B1-G1\nstart: 2026-09-01\nreasons: [low_skill]\n"
    org = (root / "org.yaml").read_text(encoding="utf-8")
    put(root, "pairings/2026/P-20260901-01.yaml", pairing + "mentor: wang\nperson: zhou2\n")
    people = "  - {id: zhou2, name: 周平, unit: B1-G1, post: %s}\n"
    put(root, "org.yaml", org + people % "列检员")
    assert [(c, loc) for _, c, loc, _ in found(root)] == [(f.PAIRING_MENTOR, ("mentor",))]
    org_with_post = org.replace("name: 王建国\n", "name: 王建国\n    post: 车辆钳工\n")
    assert org_with_post != org
    put(root, "org.yaml", org_with_post + people % "列检员")
    assert [(c, loc) for _, c, loc, _ in found(root)] == [(f.PAIRING_MENTOR, ("mentor",))]
    put(root, "org.yaml", org_with_post + people % "车辆钳工")
    assert found(root) == []


def test_assessments_name_real_subjects_items_and_refs(root: Path) -> None:
    put(
        root,
        "assessments/2026/10/A-2026-10-B1.yaml",
        "id: A-2026-10-B1\nperiod: 2026-10\nsubject: B1\nstandard: branch\ndate: 2026-11-05\n"
        "by: wnag\nitems: [{item: info_reporting, score: 12}, {item: info_report, score: 1}]\n"
        "deductions: [{item: info_reporting, points: 2, reason: 漏报, ref: R-20261109-0000}]\n",
    )
    put(
        root,
        "assessments/2026/10/A-2026-10-B2.yaml",
        "id: A-2026-10-B2\nperiod: 2026-10\nsubject: B2\nstandard: member\ndate: 2026-11-05\n",
    )
    assert [(Path(rel).stem[-2:], c, loc) for rel, c, loc, _ in found(root)] == [
        ("B1", f.UNKNOWN_PERSON, ("by",)),
        ("B1", f.SCORE, ("items", 0, "score")),
        ("B1", f.UNKNOWN_ITEM, ("items", 1, "item")),
        ("B1", f.UNKNOWN_REF, ("deductions", 0, "ref")),
        ("B2", f.UNKNOWN_PERSON, ("subject",)),
    ]


def test_org_ids_are_unique_and_parents_and_units_exist(root: Path) -> None:
    put(
        root,
        "org.yaml",
        "units:\n  - {id: GB, name: 总支, kind: general_branch}\n"
        "  - {id: B1, name: 一支部, kind: branch, parent: GX}\n"
        "partners:\n  - {id: B1, name: 车站}\n"
        "people:\n  - {id: wang, name: 王建国, unit: B9}\n",
    )
    assert [(rel, c, loc) for rel, c, loc, _ in found(root) if rel == "org.yaml"] == [
        ("org.yaml", f.ORG, ("partners", 0, "id")),
        ("org.yaml", f.UNKNOWN_UNIT, ("units", 1, "parent")),
        ("org.yaml", f.UNKNOWN_UNIT, ("people", 0, "unit")),
    ]
