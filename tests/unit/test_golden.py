"""Golden cases: every invalid and hostile input, and exactly the findings it must give.

A case is one file dropped into the tiny tree of ``tests/data/tiny`` (which passes on its
own). Stored cases are ``tests/data/{invalid,hostile}/<case>.yaml`` with ``<case>.expected``
beside them: the path the file takes in the tree, then one ``code line col`` per finding.
Inputs that cannot sit in git as they are (other encodings, NUL bytes, CRLF, 50 MB,
symbolic links, pipes) are built below, with their expectation in the same form.

`barrier check` runs in-process on each, and its JSON and text output are compared.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from barrier_cli.core import findings as f
from cli_helpers import barrier, copy_tiny

DATA = Path(__file__).resolve().parent.parent / "data"
REPORT = "reports/2026/11/R-20261110-0001.yaml"
RECORD = """\
id: R-20261110-0001
date: 2026-11-10
reporter: wang
source: on_site
element: equipment
category: hazard
summary: 钩舌销从侧架脱出，途中停车
"""
# Codes that need more than one file in a working tree: the git history of a record.
NOT_SINGLE_FILE = {f.AMENDMENT, f.DELETED, f.ID_REUSED}
Expected = list[tuple[str, int, int]]


@dataclass(frozen=True)
class Case:
    name: str
    rel: str
    build: Callable[[Path], None]
    """Puts the case at ``root / rel`` (and anything it needs elsewhere)."""
    expected: Expected


def _stored(folder: str) -> list[Case]:
    cases = []
    for source in sorted((DATA / folder).glob("*.yaml")):
        lines = [
            line
            for line in source.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        rel, rows = lines[0], [line.split() for line in lines[1:]]

        def build(root: Path, source: Path = source, rel: str = rel) -> None:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, root / rel)

        cases.append(
            Case(f"{folder}/{source.stem}", rel, build, [(c, int(n), int(k)) for c, n, k in rows])
        )
    return cases


def _bytes(name: str, content: bytes, expected: Expected, rel: str = REPORT) -> Case:
    def build(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(content)

    return Case(f"built/{name}", rel, build, expected)


def _huge(root: Path) -> None:
    """50 MB, sparse: cheap to make, and refused from its size alone."""
    with (root / REPORT).open("wb") as fh:
        fh.write(RECORD.encode())
        fh.truncate(50 * 1024 * 1024)


def _link_outside(root: Path) -> None:
    outside = root.parent / "elsewhere.yaml"
    outside.write_text(RECORD, encoding="utf-8")
    (root / REPORT).symlink_to(outside)


def _folder_link_outside(root: Path) -> None:
    outside = root.parent / "elsewhere"
    (outside / "R-20261201-0001.yaml").parent.mkdir()
    (outside / "R-20261201-0001.yaml").write_text(RECORD, encoding="utf-8")
    (root / "reports/2026/12").symlink_to(outside, target_is_directory=True)


def _link_loop(root: Path) -> None:
    (root / REPORT).symlink_to(root / REPORT)


def _pipe(root: Path) -> None:
    os.mkfifo(root / REPORT)


def _no_permission(root: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    (root / REPORT).write_text(RECORD, encoding="utf-8")
    (root / REPORT).chmod(0)


def _alias_bomb() -> bytes:
    """Billion laughs: nine levels of nine aliases each, 387 million strings if expanded."""
    lines = ['a: &a ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]']
    for n in range(1, 9):
        prev, name = chr(96 + n), chr(97 + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def _with_line(extra: str) -> bytes:
    return (RECORD + extra).encode()


BUILT = [
    _bytes("empty-file", b"", [("empty", 1, 1)]),
    _bytes("utf8-bom", b"\xef\xbb\xbf" + RECORD.encode(), [("bom", 1, 1)]),
    _bytes("utf16-with-bom", RECORD.encode("utf-16"), [("encoding", 1, 1)]),
    # Without a BOM: recognised by the NUL in every other byte.
    _bytes("utf16-without-bom", RECORD.encode("utf-16-le"), [("encoding", 1, 1)]),
    _bytes("gbk", RECORD.encode("gbk"), [("encoding", 7, 10)]),
    _bytes(
        # GBK 停 (CD A3) happens to be valid UTF-8; 车 (B3 B5) is not: column 13, in characters
        "gbk-inside-utf8",
        _with_line("details: 途中") + "停车".encode("gbk"),
        [("encoding", 8, 13)],
    ),
    _bytes("nul-byte", _with_line("details: 途中\x00停车\n"), [("control-char", 8, 12)]),
    _bytes("binary", bytes(range(256)) * 4, [("encoding", 2, 118)]),
    _bytes("crlf", RECORD.replace("\n", "\r\n").encode(), []),
    _bytes(
        "crlf-with-error",
        (RECORD + "risk: hihg\n").replace("\n", "\r\n").encode(),
        [("choice", 8, 7)],
    ),
    _bytes("old-mac-line-ends", RECORD.replace("\n", "\r").encode(), [("control-char", 1, 20)]),
    _bytes("alias-bomb", _alias_bomb(), [("alias", 2, 8)]),
    _bytes(
        "deep-nesting",
        _with_line("notes: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        [("too-deep", 8, 31)],
    ),
    Case("built/50-megabytes", REPORT, _huge, [("too-large", 0, 0)]),
    Case("built/symlink-outside", REPORT, _link_outside, [("symlink", 0, 0)]),
    Case(
        "built/folder-symlink-outside", "reports/2026/12", _folder_link_outside, [("symlink", 0, 0)]
    ),
    Case("built/symlink-loop", REPORT, _link_loop, [("symlink", 0, 0)]),
    Case("built/named-pipe", REPORT, _pipe, [("unreadable", 0, 0)]),
    Case("built/no-permission", REPORT, _no_permission, [("unreadable", 0, 0)]),
    _bytes("pickle", b"\x80\x05N.", [("cache-in-tree", 0, 0)], "reports/2026/11/cache.pickle"),
    _bytes(
        "old-schema",
        b'{\n  "$comment": "written by barrier 0.0.1"\n}\n',
        [("stale-schema", 0, 0)],
        ".schemas/report.schema.json",
    ),
]
CASES = [*_stored("invalid"), *_stored("hostile"), *BUILT]


def _check(root: Path, *args: str) -> tuple[int, str]:
    result = barrier(root, "--lang", "en", "check", "--no-cache", "--jobs", "1", *args)
    return result.returncode, result.stdout


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_gives_exactly_its_findings(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_tiny(tmp_path)
    case.build(root)
    monkeypatch.chdir(root)

    code, out = _check(root, "--format", "json")
    found = [(x["path"], x["code"], x["line"], x["col"]) for x in json.loads(out)["findings"]]
    assert found == [(case.rel, *row) for row in case.expected]
    errors = [c for c, _, _ in case.expected if f.CODES.severity(c) is f.Severity.ERROR]
    assert code == (1 if errors else 0)

    code, out = _check(root)
    for c, line, col in case.expected:
        severity = f.CODES.severity(c)
        assert f"{case.rel}:{line}:{col}: {severity}[{c}]: " in out
    assert "Traceback" not in out


def test_every_code_a_single_file_can_show_has_a_golden_case() -> None:
    covered = {code for case in CASES for code, _, _ in case.expected}
    assert set(f.CODES.codes) - NOT_SINGLE_FILE - covered == set()


def test_the_tiny_tree_passes_on_its_own(tmp_path: Path) -> None:
    root = copy_tiny(tmp_path)
    assert _check(root) == (0, "5 file(s) checked, no findings\n")
