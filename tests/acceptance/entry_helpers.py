"""A copy of the entry test tree and the real `barrier` command run against it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

import cli_helpers
from cli_helpers import Ran

DATA = Path(__file__).resolve().parents[1] / "data" / "entry"


def copy_tree(tmp_path: Path) -> Path:
    root = tmp_path / "records"
    shutil.copytree(DATA / "records", root)
    return root


CACHE = ".barrier-cache"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, hidden ones too, with its bytes.

    Except the read cache: any command may refresh it (it is git-ignored and rebuilt at
    will), and it holds nothing a person wrote.
    """
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and CACHE not in p.relative_to(root).parts
    }


def _overrides(tmp_path: Path, **extra: str) -> dict[str, str | None]:
    """Fixed today, state kept in tmp_path, no user preset (None: unset)."""
    return {
        "BARRIER_USER": None,
        "BARRIER_RECORDS": None,
        "BARRIER_TODAY": "2026-11-24",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
    } | extra


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The whole environment of a test's `barrier` process (see ``_overrides``)."""
    merged = dict(os.environ) | _overrides(tmp_path, **extra)
    return {k: v for k, v in merged.items() if v is not None}


def barrier(root: Path, *args: str, tmp_path: Path, stdin: str | None = None, **extra: str) -> Ran:
    """``barrier --records root args`` in this process, in the test's environment."""
    return cli_helpers.barrier(root, *args, stdin=stdin, env=_overrides(tmp_path, **extra))


def load_yaml(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def new_files(before: dict[str, bytes], root: Path) -> list[str]:
    return sorted(set(snapshot(root)) - set(before))


def add_zhu_chunxiang(root: Path) -> None:
    """A person whose initials (zcx) and pinyin (zhuchunxiang) stand for her name."""
    with (root / "org.yaml").open("a", encoding="utf-8") as fh:
        fh.write("  - id: zhu_chunxiang\n    name: 朱春祥\n    unit: G12\n")


def spawn(root: Path, tmp_path: Path, *args: str, **extra: str) -> Any:
    """``barrier --records root args`` at a pseudo-terminal (a pexpect child)."""
    return cli_helpers.spawn(root, *args, env=env(tmp_path, **extra))
