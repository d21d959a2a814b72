"""The real pre-commit tool, in a temporary git repository, running the hooks `init` writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from barrier_cli.io.yamlio import load_text
from barrier_cli.write.scaffold import init_project

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
GOOD = """\
id: R-20261120-AB12
date: 2026-11-20
reporter: secretary_b1
source: on_site
element: equipment
category: fault
summary: 闸瓦磨耗到限
status: open
"""
REL = "records/reports/2026/11/R-20261120-AB12.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    if not (BIN / "pre-commit").exists():
        pytest.fail("pre-commit is not installed in the test environment (pip install -e .[dev])")
    root = tmp_path / "project"
    root.mkdir()
    git(root, "init", "-q")
    git(root, "config", "user.email", "t@example.com")
    git(root, "config", "user.name", "t")
    init_project(root)
    git(root, "add", "-A")
    run(root, str(BIN / "pre-commit"), "install")
    assert commit(root, "a new records tree").returncode == 0
    return root


def env(tmp: Path) -> dict[str, str]:
    out = os.environ | {
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp / ".pre-commit-home"),
        "BARRIER_TODAY": "2026-11-24",
    }
    out.pop("BARRIER_RECORDS", None)
    return out


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), cwd=root, env=env(root.parent), capture_output=True, text=True, timeout=120
    )


def git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = run(root, "git", *args)
    assert done.returncode == 0, done.stderr
    return done


def commit(root: Path, message: str) -> subprocess.CompletedProcess[str]:
    """git commit with the hooks' output (git sends it to stderr) in ``stdout``."""
    done = run(root, "git", "commit", "-q", "-m", message)
    done.stdout += done.stderr
    return done


def put(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD").stdout)


def test_good_record_passes_and_bad_record_is_blocked(project: Path) -> None:
    put(project, REL, GOOD)
    git(project, "add", "-A")
    done = commit(project, "a good report")
    assert done.returncode == 0, done.stdout + done.stderr
    assert commits(project) == 2

    bad = "records/reports/2026/11/R-20261121-CD34.yaml"
    put(
        project,
        bad,
        GOOD.replace("AB12", "CD34").replace("20261120", "20261121") + "trian: '41008'\n",
    )
    git(project, "add", "-A")
    done = commit(project, "a bad report")
    assert done.returncode != 0
    # the hook speaks the tree's language (Chinese)
    assert "error[unknown-key]" in done.stdout and "是否应为 train" in done.stdout
    assert commits(project) == 2


def test_staged_content_is_what_is_checked(project: Path) -> None:
    put(project, REL, GOOD.replace("element: equipment", "element: equipmnt"))
    git(project, "add", "-A")
    put(project, REL, GOOD)  # fixed in the working tree, but not staged
    done = commit(project, "bad content staged")
    assert done.returncode != 0 and "error[choice]" in done.stdout
    git(project, "add", "-A")
    assert commit(project, "fixed").returncode == 0


def test_deleting_a_committed_record_is_blocked(project: Path) -> None:
    put(project, REL, GOOD)
    git(project, "add", "-A")
    assert commit(project, "a report").returncode == 0
    git(project, "rm", "-q", REL)
    done = commit(project, "delete it")
    assert done.returncode != 0 and "error[deleted]" in done.stdout


def test_fmt_hook_formats_and_the_second_attempt_passes(project: Path) -> None:
    lines = GOOD.splitlines()
    put(project, REL, "\n".join(reversed(lines)) + "\n# 现场发现\n")
    git(project, "add", "-A")
    done = commit(project, "unformatted")
    assert done.returncode != 0 and "files were modified by this hook" in done.stdout
    text = (project / REL).read_text(encoding="utf-8")
    assert text.startswith("id: R-20261120-AB12\n") and "# 现场发现" in text
    git(project, "add", "-A")
    assert commit(project, "formatted").returncode == 0


def test_hook_definitions_name_barrier_check_and_fmt() -> None:
    hooks = load_text((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"barrier-check", "barrier-fmt"}
    assert by_id["barrier-check"]["entry"].startswith("barrier check --staged")
    assert by_id["barrier-check"]["pass_filenames"] is False
    assert by_id["barrier-check"]["always_run"] is True  # deletions pass no file names
    assert by_id["barrier-fmt"]["entry"] == "barrier fmt"
    assert by_id["barrier-fmt"]["files"] == r"(^|/)records/.*\.ya?ml$"
    for hook in hooks:
        assert {"name", "description", "entry", "language"} <= set(hook)


def test_pre_commit_accepts_our_manifest_and_the_config_init_writes(tmp_path: Path) -> None:
    init_project(tmp_path)
    manifest = run(
        tmp_path, str(BIN / "pre-commit"), "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")
    )
    assert manifest.returncode == 0, manifest.stdout
    config = run(tmp_path, str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml")
    assert config.returncode == 0, config.stdout
