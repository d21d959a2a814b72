"""A copy of the entry test tree and the real `barrier` command run against it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

DATA = Path(__file__).resolve().parents[1] / "data" / "entry"
BARRIER = Path(sys.executable).with_name("barrier")


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


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The test's environment: fixed today, state kept in tmp_path, no user preset."""
    out = {k: v for k, v in os.environ.items() if k not in ("BARRIER_USER", "BARRIER_RECORDS")}
    return (
        out
        | {
            "BARRIER_TODAY": "2026-11-24",
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "TERM": "xterm",
        }
        | extra
    )


def barrier(
    root: Path, *args: str, tmp_path: Path, stdin: str | None = None, **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BARRIER), "--records", str(root), *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env(tmp_path, **extra),
        timeout=60,
        check=False,
    )


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
    import pexpect

    return pexpect.spawn(
        str(BARRIER),
        ["--records", str(root), *args],
        env=env(tmp_path, **extra),
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 120),
    )
