"""The loader reads untrusted files: bounded in time and memory, never raising, nothing lost."""

from __future__ import annotations

import gc
import os
import threading
import tracemalloc
from pathlib import Path

import pytest

from barrier_cli.core import findings as f
from barrier_cli.core.errors import RecordsNotFound
from barrier_cli.core.models import Report
from barrier_cli.io.loader import FileResult, find_records, iter_files, read_file, today
from barrier_cli.io.parallel import load_tree
from cli_helpers import copy_tiny

REPORT = "reports/2026/11/R-20261110-0001.yaml"
RECORD = """\
id: R-20261110-0001
date: 2026-11-10
reporter: wang
source: on_site
element: equipment
category: hazard
summary: 钩舌销从侧架脱出
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_tiny(tmp_path)


def write(root: Path, rel: str, content: str | bytes) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    data = content.encode() if isinstance(content, str) else content
    (root / rel).write_bytes(data)


def bounded(fn: object, *args: object) -> tuple[object, int]:
    """Run ``fn(*args)``; its result and the peak bytes allocated (not seconds: a loaded
    machine makes any time bound flaky, while memory shows what was read or expanded)."""
    tracemalloc.start()
    try:
        result = fn(*args)  # type: ignore[operator]
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]']
    for n in range(1, levels):
        prev, name = chr(96 + n), chr(97 + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_with_bounded_memory(root: Path) -> None:
    write(root, REPORT, billion_laughs())
    result, peak = bounded(read_file, root, REPORT)
    assert result.parse_problem is not None  # type: ignore[attr-defined]
    assert result.parse_problem.code == f.ALIAS  # type: ignore[attr-defined]
    assert peak < 2_000_000  # expanded, it would be 387 million strings


def test_a_50_megabyte_file_is_refused_from_its_size_without_reading_it(root: Path) -> None:
    with (root / REPORT).open("wb") as fh:
        fh.write(RECORD.encode())
        fh.seek(50 * 1024 * 1024)
        fh.write(b"\n")
    result, peak = bounded(read_file, root, REPORT)
    assert result.parse_problem.code == f.TOO_LARGE  # type: ignore[attr-defined]
    assert "52,428,801 bytes" in result.parse_problem.message  # type: ignore[attr-defined]
    assert peak < 200_000


def test_nesting_a_hundred_thousand_deep_is_refused_not_a_crash(root: Path) -> None:
    write(root, REPORT, RECORD + "notes: " + "[\n" * 100_000 + "]\n" * 100_000)
    result, _ = bounded(read_file, root, REPORT)
    problem = result.parse_problem  # type: ignore[attr-defined]
    assert (problem.code, problem.line) == (f.TOO_DEEP, 8 + 23)


def test_a_long_flat_list_is_not_mistaken_for_depth(root: Path) -> None:
    links = ", ".join(["R-20261101-0001"] * 40)
    write(root, REPORT, RECORD + f"links: [{links}]\n")
    result = read_file(root, REPORT)
    assert result.parse_problem is None
    assert isinstance(result.record, Report)
    assert len(result.record.links) == 40


def test_a_named_pipe_is_reported_not_waited_on(root: Path) -> None:
    os.mkfifo(root / REPORT)
    # No writer ever opens the pipe: a reader that waited on it would never return, so the
    # read runs in a thread and the join's generous bound only catches a hang.
    done: list[FileResult] = []
    reader = threading.Thread(target=lambda: done.append(read_file(root, REPORT)), daemon=True)
    reader.start()
    reader.join(timeout=60)
    [result] = done
    assert result.parse_problem is not None
    assert result.parse_problem.code == f.UNREADABLE


def test_symlinks_leaving_the_tree_are_reported_never_followed(root: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(RECORD, encoding="utf-8")
    (root / REPORT).symlink_to(secret)
    (root / "reports/2026/10").symlink_to(tmp_path, target_is_directory=True)
    (root / "reports/2026/11/R-20261110-0002.yaml").symlink_to("R-20261110-0002.yaml")
    listed = dict(iter_files(root))
    assert listed[REPORT] is not None and listed[REPORT].code == f.SYMLINK
    assert listed["reports/2026/10"] is not None and listed["reports/2026/10"].code == f.SYMLINK
    loop = listed["reports/2026/11/R-20261110-0002.yaml"]
    assert loop is not None and "loops" in loop.message
    assert not any(rel.startswith("reports/2026/10/") for rel in listed)


def test_a_symlink_within_the_tree_is_read(root: Path) -> None:
    write(root, "reports/2026/11/R-20261110-0001.yaml", RECORD)
    (root / "reports/2026/11/R-20261110-0002.yaml").symlink_to("R-20261110-0001.yaml")
    assert dict(iter_files(root))["reports/2026/11/R-20261110-0002.yaml"] is None
    assert read_file(root, "reports/2026/11/R-20261110-0002.yaml").record is not None


def test_crlf_line_ends_are_read_as_if_lf(root: Path) -> None:
    write(root, REPORT, RECORD.replace("\n", "\r\n"))
    crlf = read_file(root, REPORT)
    write(root, REPORT, RECORD)
    assert crlf.record == read_file(root, REPORT).record is not None


def test_hidden_folders_and_the_trees_templates_are_not_read(root: Path) -> None:
    write(root, ".git/x.yaml", "a: [")
    write(root, ".barrier-cache/y.yaml", "a: [")
    write(root, "templates/zh/z.yaml", "a: [")
    write(root, "reports/2026/11/.#R-20261110-0001.yaml", "a: [")
    assert [rel for rel, _ in iter_files(root)] == [
        "barrier.yaml",
        "org.yaml",
        "reports/2026/11/R-20261101-0001.yaml",
        "standards/branch.yaml",
        "standards/member.yaml",
    ]


def test_a_record_failing_its_schema_is_salvaged_for_reference_checks(root: Path) -> None:
    write(root, REPORT, RECORD + "risk: hihg\nsumary: 拼错\nunit: B1\n")
    result = read_file(root, REPORT)
    assert result.record is None
    assert [p.code for p in result.problems] == [f.CHOICE, f.UNKNOWN_KEY]
    assert isinstance(result.partial, Report)
    assert (result.partial.unit, result.partial.risk) == ("B1", "medium")


def test_a_missing_required_field_is_salvaged_as_unknown(root: Path) -> None:
    write(root, REPORT, RECORD.replace("reporter: wang\n", "") + "risk: hihg\n")
    result = read_file(root, REPORT)
    assert result.record is None and result.salvaged is not None
    assert result.salvaged.unknown == (("reporter",), ("risk",))
    # every choice of risk is a record it may have meant
    assert {c.risk for c in result.salvaged.completions} == {"low", "medium", "high"}


def test_nothing_is_salvaged_when_the_id_is_unknown(root: Path) -> None:
    write(root, REPORT, RECORD.replace("id: R-20261110-0001\n", "id: R-1\n") + "risk: hihg\n")
    result = read_file(root, REPORT)
    assert result.record is None and result.partial is None


def test_a_tree_with_broken_files_still_loads_every_good_record(root: Path) -> None:
    write(root, REPORT, "summary: [\n")
    write(root, "reports/2026/11/R-20261110-0002.yaml", b"\xff\xfe\x00")
    tree = load_tree(root)
    assert [r.id for r in tree.reports] == ["R-20261101-0001"]
    assert [p.name for p in tree.org.people] == ["王建国", "李明", "陈旧"]
    assert len(tree.files) == 7


def test_find_records_walks_up_like_git(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = root / "reports" / "2026"
    assert find_records(start=deep) == root.resolve()
    assert find_records(start=root.parent) == root.resolve()
    monkeypatch.setenv("BARRIER_RECORDS", str(root))
    assert find_records(start=Path("/")) == root
    with pytest.raises(RecordsNotFound):
        find_records(root / "reports")


def test_today_honours_barrier_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARRIER_TODAY", "2026-02-28")
    assert str(today()) == "2026-02-28"


def test_no_cyclic_collection_runs_while_a_tree_loads(root: Path) -> None:
    """Loading makes no reference cycles, yet a collection every 700 new containers would
    walk all that is loaded so far: the collector rests, and is as it was afterwards."""
    for n in range(300):
        write(root, f"reports/2026/11/R-20261110-{n:04d}.yaml", RECORD.replace("0001", f"{n:04d}"))
    collections: list[str] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(phase)

    gc.collect()
    gc.callbacks.append(seen)
    try:
        tree = load_tree(root, jobs=1)
        assert not collections
        assert gc.isenabled()
        gc.collect()
        assert collections
    finally:
        gc.callbacks.remove(seen)
    assert len(tree.reports) >= 300


def test_records_read_with_the_same_fields_share_one_set_of_their_names(root: Path) -> None:
    """What a 300k tree held whole spent most on: pydantic's per-model set of the fields
    given. Records (and the actions inside them) given the same fields share one; a copy
    with changes gets its own, and no other record's changes with it."""
    acted = RECORD + "actions:\n  - action: 更换钩舌销\n    owner: wang\n"
    for n in range(3):
        write(root, f"reports/2026/11/R-20261110-{n:04d}.yaml", acted.replace("0001", f"{n:04d}"))
    tree = load_tree(root, jobs=1)
    ours = [r for r in tree.reports if r.id.startswith("R-20261110-")]
    assert len(ours) == 3
    first, second, third = ours
    assert first.model_fields_set is second.model_fields_set is third.model_fields_set
    assert first.actions[0].model_fields_set is second.actions[0].model_fields_set
    assert first.model_fields_set == {*YAML_KEYS, "actions"}
    closed = first.model_copy(update={"closed": first.date})
    assert "closed" in closed.model_fields_set
    assert "closed" not in second.model_fields_set
    assert first == read_file(root, "reports/2026/11/R-20261110-0000.yaml").record


YAML_KEYS = {"id", "date", "reporter", "source", "element", "category", "summary"}
