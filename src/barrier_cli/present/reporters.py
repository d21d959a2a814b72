"""Render findings as text (with the source line and a caret), JSON, GitHub annotations, a
GitLab Code Quality report or JUnit XML."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from barrier_cli.core import i18n, jsonout
from barrier_cli.core.findings import Finding

SOURCE_SHOWN = 160
"""Characters of a finding's source line shown at most (around its column)."""
REPEATS_SHOWN = 20
"""Findings of one code in one file shown in full by the text output; the rest are counted."""


class _Sources:
    """The lines of the file findings are in, read once per file rather than once per finding
    (20,000 findings in one file once re-read it 20,000 times). Findings come sorted by
    path, so only the current file's lines are kept."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path: str | None = None
        self.lines: list[str] = []

    def line(self, finding: Finding) -> str | None:
        if finding.line < 1:
            return None
        if finding.path != self.path:
            self.path, self.lines = finding.path, self._read(finding.path)
        return self.lines[finding.line - 1] if finding.line <= len(self.lines) else None

    def _read(self, rel: str) -> list[str]:
        try:
            with (self.root / rel).open(encoding="utf-8", errors="replace", newline="") as fh:
                return [line.rstrip("\r\n") for line in fh]
        except OSError:
            return []


def _window(source: str, col: int) -> tuple[str, int]:
    """At most `SOURCE_SHOWN` characters of a long line, around ``col``, and the column of
    the same character in them: 20,000 items in one flow list make a 200 kB line, which
    is not printed once per finding."""
    if len(source) <= SOURCE_SHOWN:
        return source, col
    start = max(0, min(col - 1 - SOURCE_SHOWN // 2, len(source) - SOURCE_SHOWN))
    end = start + SOURCE_SHOWN
    head = "…" if start > 0 else ""
    tail = "…" if end < len(source) else ""
    return head + source[start:end] + tail, col - start + len(head)


def _caret_pad(source: str, col: int) -> str:
    """Spaces up to ``col``, counting wide (CJK) characters as two terminal cells."""
    import unicodedata

    width = 0
    for ch in source[: max(col - 1, 0)]:
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return " " * width


def display_path(root: Path, rel: str) -> str:
    """A finding's path as the user can open it from the working directory."""
    return _displayed(root)(rel)


def _displayed(root: Path) -> Callable[[str], str]:
    """`display_path` worked out once per file, not once per finding, and with the working
    directory and the root made absolute once (parsing them again for each of a thousand
    files with findings was most of a warm check's report)."""
    shown: dict[str, str] = {}
    cwd = os.path.abspath(os.getcwd())
    base = os.path.abspath(root)
    within = cwd if cwd.endswith(os.sep) else cwd + os.sep

    def path(rel: str) -> str:
        if rel not in shown:
            # not resolve(): a link is shown as itself
            full = os.path.normpath(os.path.join(base, rel))
            if os.sep != "/" or os.altsep:
                shown[rel] = _relative_path(full, cwd)
            elif full == cwd:
                shown[rel] = "."
            else:
                shown[rel] = full[len(within) :] if full.startswith(within) else full
        return shown[rel]

    return path


def _relative_path(full: str, cwd: str) -> str:
    """The same as `_displayed` says it, where paths are not plain POSIX ones (Windows)."""
    try:
        return Path(full).relative_to(cwd).as_posix()
    except ValueError:
        return Path(full).as_posix()


def text(findings: list[Finding], root: Path, files: int) -> str:
    """Each finding with its source line; past `REPEATS_SHOWN` of one code in one file, one
    line tells how many more there are (the JSON output keeps them all)."""
    totals = Counter((x.path, x.code) for x in findings)
    seen: Counter[tuple[str, str]] = Counter()
    sources = _Sources(root)
    shown = _displayed(root)
    lines: list[str] = []
    for x in findings:
        key = (x.path, x.code)
        seen[key] += 1
        if seen[key] > REPEATS_SHOWN:
            if seen[key] == REPEATS_SHOWN + 1:
                more = totals[key] - REPEATS_SHOWN
                lines.append(
                    i18n._("{path}: … and {more} more [{code}]").format(
                        path=shown(x.path), more=more, code=x.code
                    )
                )
            continue
        where = f"{shown(x.path)}:{x.line}:{x.col}"
        lines.append(f"{where}: {x.severity}[{x.code}]: {x.message}")
        source = sources.line(x)
        if source is not None:
            shown_source, col = _window(source, x.col)
            lines.append(f"    {shown_source}")
            lines.append(f"    {_caret_pad(shown_source, col)}^")
        if x.hint:
            lines.append(i18n._("  hint: {hint}").format(hint=x.hint))
    errors = sum(1 for x in findings if x.severity == "error")
    warnings = len(findings) - errors
    if findings:
        lines.append(
            i18n._("{errors} error(s), {warnings} warning(s) in {files} file(s)").format(
                errors=errors, warnings=warnings, files=files
            )
        )
    else:
        lines.append(i18n._("{files} file(s) checked, no findings").format(files=files))
    return "\n".join(lines) + "\n"


def as_json(findings: list[Finding], root: Path, files: int) -> str:
    shown = _displayed(root)
    items = [
        {
            "path": shown(x.path),
            "line": x.line,
            "col": x.col,
            "severity": str(x.severity),
            "code": x.code,
            "message": x.message,
            "hint": x.hint,
        }
        for x in findings
    ]
    errors = sum(1 for x in findings if x.severity == "error")
    return jsonout.dumps(
        {"files": files, "errors": errors, "warnings": len(findings) - errors, "findings": items}
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[Finding], root: Path, files: int) -> str:
    shown = _displayed(root)
    lines = []
    for x in findings:
        props = f"file={_escape_property(shown(x.path))}"
        if x.line:
            props += f",line={x.line},col={max(x.col, 1)}"
        props += f",title={_escape_property(f'barrier {x.code}')}"
        message = x.message + (f" ({x.hint})" if x.hint else "")
        lines.append(f"::{x.severity} {props}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def gitlab(findings: list[Finding], root: Path, files: int) -> str:
    """The Code Climate subset GitLab reads for a merge request's Code Quality widget.

    The fingerprint leaves the line out, so a finding that only moved is the same finding
    to GitLab; the same message twice in one file is told apart by its occurrence.
    """
    import hashlib
    import json

    shown = _displayed(root)
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for x in findings:
        path = shown(x.path)
        key = (path, x.code, x.message)
        seen[key] += 1
        digest = hashlib.sha256("\0".join([*key, str(seen[key])]).encode("utf-8")).hexdigest()
        issues.append(
            {
                "description": x.message + (f" ({x.hint})" if x.hint else ""),
                "check_name": x.code,
                "fingerprint": digest,
                "severity": "major" if x.severity == "error" else "minor",
                "location": {"path": path, "lines": {"begin": max(x.line, 1)}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def junit(findings: list[Finding], root: Path, files: int) -> str:
    """JUnit XML: a test case per file with findings (failed if it has an error) and one for
    the files without, so a clean check still shows as passed tests."""
    from xml.sax.saxutils import escape, quoteattr

    shown = _displayed(root)
    by_file: dict[str, list[Finding]] = {}
    for x in findings:
        by_file.setdefault(shown(x.path), []).append(x)
    cases = []
    for path, found in by_file.items():
        lines = "\n".join(
            f"{path}:{x.line}:{x.col}: {x.severity}[{x.code}]: {x.message}"
            + (f" (hint: {x.hint})" if x.hint else "")
            for x in found
        )
        errors = [x for x in found if x.severity == "error"]
        body = (
            f"<failure message={quoteattr(errors[0].message)} type={quoteattr(errors[0].code)}>"
            f"{escape(lines)}</failure>"
            if errors
            else f"<system-out>{escape(lines)}</system-out>"
        )
        cases.append(
            f'  <testcase classname="barrier check" name={quoteattr(path)}>{body}</testcase>'
        )
    clean = max(files - len(by_file), 0)
    cases.append(f'  <testcase classname="barrier check" name="{clean} file(s) without findings"/>')
    failures = sum(1 for found in by_file.values() if any(x.severity == "error" for x in found))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuite name="barrier check" tests="{len(cases)}" failures="{failures}" errors="0">\n'
        + "\n".join(cases)
        + "\n</testsuite>\n"
    )


REPORTERS: dict[str, Callable[[list[Finding], Path, int], str]] = {
    "text": text,
    "json": as_json,
    "github": github,
    "gitlab": gitlab,
    "junit": junit,
}
