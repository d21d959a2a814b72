"""Identity and placement: a record's id is its file name, its folder is its date, ids are unique."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from barrier_cli.checks.layout import _split, file_layout_problems, first_files
from barrier_cli.core import findings as f
from barrier_cli.io.parallel import load_tree
from cli_helpers import copy_tiny


def report(rid: str, day: str) -> str:
    return (
        f"id: {rid}\ndate: {day}\nreporter: wang\nsource: on_site\n"
        "element: equipment\ncategory: hazard\nsummary: 风管吊架松动\n"
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_tiny(tmp_path)


def found(root: Path) -> list[tuple[str, str]]:
    files = load_tree(root).files
    first_of = first_files(files)
    return [(r.rel, p.code) for r in files for p in file_layout_problems(r, first_of)]


def put(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def test_a_well_placed_tree_has_no_layout_problem(root: Path) -> None:
    assert found(root) == []


def test_id_differs_from_file_name(root: Path) -> None:
    put(root, "reports/2026/11/R-20261110-0002.yaml", report("R-20261110-0001", "2026-11-10"))
    assert found(root) == [("reports/2026/11/R-20261110-0002.yaml", f.ID_MISMATCH)]


@pytest.mark.parametrize(
    "rel",
    [
        "reports/2026/10/R-20261110-0001.yaml",  # wrong month
        "reports/2025/11/R-20261110-0001.yaml",  # wrong year
        "reports/R-20261110-0001.yaml",  # no date folders at all
    ],
)
def test_a_file_outside_the_folder_its_date_says_is_misfiled(root: Path, rel: str) -> None:
    put(root, rel, report("R-20261110-0001", "2026-11-10"))
    assert found(root) == [(rel, f.MISFILED)]


def test_the_second_file_with_an_id_is_the_duplicate(root: Path) -> None:
    put(root, "reports/2026/12/R-20261101-0001.yaml", report("R-20261101-0001", "2026-11-01"))
    assert found(root) == [
        ("reports/2026/12/R-20261101-0001.yaml", f.MISFILED),
        ("reports/2026/12/R-20261101-0001.yaml", f.DUPLICATE_ID),
    ]


def test_a_standard_is_named_after_its_id(root: Path) -> None:
    shutil.move(root / "standards/member.yaml", root / "standards/members.yaml")
    assert found(root) == [("standards/members.yaml", f.ID_MISMATCH)]


def test_a_yaml_file_of_no_kind_is_a_warning_not_ignored(root: Path) -> None:
    put(root, "misc/todo.yaml", "a: 1\n")
    assert found(root) == [("misc/todo.yaml", f.UNKNOWN_FILE)]
    assert f.CODES.severity(f.UNKNOWN_FILE) is f.Severity.WARNING


def test_a_record_failing_its_schema_is_still_placed(root: Path) -> None:
    put(
        root,
        "reports/2026/10/R-20261110-0002.yaml",
        report("R-20261110-0001", "2026-11-10") + "risk: hihg\n",
    )
    assert found(root) == [
        ("reports/2026/10/R-20261110-0002.yaml", f.ID_MISMATCH),
        ("reports/2026/10/R-20261110-0002.yaml", f.MISFILED),
    ]


_NAMES = st.text("ab.-_年", min_size=1, max_size=6).filter(lambda name: name not in (".", ".."))


@given(st.lists(_NAMES, min_size=1, max_size=4).map("/".join))
def test_a_file_is_split_into_folder_name_stem_and_suffix_as_a_path_object_splits_it(
    rel: str,
) -> None:
    path = PurePosixPath(rel)
    assert _split(rel) == (path.parent.as_posix(), path.name, path.stem, path.suffix)
