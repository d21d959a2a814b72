"""A path named to check or format that is not there is a user error, not "0 files, no
problems": a mistyped path in a pre-commit hook or CI script must not pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_helpers import barrier, copy_tiny


@pytest.mark.parametrize("command", [["check"], ["fmt"], ["fmt", "--check"]])
def test_a_missing_path_is_one_line_and_exit_1(tmp_path: Path, command: list[str]) -> None:
    root = copy_tiny(tmp_path)
    missing = root / "reports" / "nosuch.yaml"
    ran = barrier(root, "--lang", "en", *command, str(missing))
    assert ran.returncode == 1
    assert ran.stderr == f"barrier: error: {missing}: no such file or folder\n"


def test_an_existing_path_among_them_still_checks(tmp_path: Path) -> None:
    root = copy_tiny(tmp_path)
    assert barrier(root, "check", str(root / "reports")).returncode == 0
