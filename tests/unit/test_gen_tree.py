"""The benchmark generator writes valid, realistic trees, the same ones for the same seed."""

from __future__ import annotations

from pathlib import Path

from bigtree import generate

from barrier_cli.checks.run import check_tree


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.yaml")}


def test_the_same_seed_writes_the_same_tree(tmp_path: Path) -> None:
    one = _files(generate(tmp_path / "a", reports=60, seed=5, defects=0.05))
    assert one == _files(generate(tmp_path / "b", reports=60, seed=5, defects=0.05))
    assert one != _files(generate(tmp_path / "c", reports=60, seed=6, defects=0.05))


def test_a_tree_without_defects_checks_clean_and_holds_every_kind(tmp_path: Path) -> None:
    root = generate(tmp_path / "records", reports=400, seed=7, defects=0.0)
    result = check_tree(root)
    assert result.findings == []
    kinds = {rel.split("/")[0] for rel in _files(root)}
    assert {"reports", "incidents", "pairings", "assessments", "standards"} <= kinds
    assert "车" in (root / "org.yaml").read_text(encoding="utf-8")


def test_defects_are_the_share_asked_for(tmp_path: Path) -> None:
    root = generate(tmp_path / "records", reports=400, seed=7, defects=0.05)
    flawed = {x.path for x in check_tree(root).findings}
    assert 8 <= len(flawed) <= 35


def test_a_year_of_nil_returns_is_a_file_per_person_and_month_and_checks_clean(
    tmp_path: Path,
) -> None:
    from barrier_cli.core.periods import Month
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.compliance import reporting_compliance

    root = generate(tmp_path / "records", reports=100, seed=7, defects=0.0, nil_returns=3)
    returns = sorted((root / "returns").rglob("*.yaml"))
    # 25 November 2025 to 23 November 2026 touches 13 months.
    assert len(returns) == 3 * 13
    assert check_tree(root).findings == []
    tree = load_tree(root)
    ticking = {r.person for r in tree.returns}
    members = reporting_compliance(tree, Month(2026, 10)).members
    assert [e.missed for e in members if e.subject in ticking] == [False] * 3
