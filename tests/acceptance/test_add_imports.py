"""`report add --no-input` imports what one report needs, and no other kind's model.

Building a pydantic model costs milliseconds, and an add is meant to cost about as much as
its own ``--help`` (issue 17). The modules are read from ``sys.modules`` in a fresh
interpreter: models are imported through ``importlib`` when first asked for, which
``-X importtime`` does not list.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from entry_helpers import copy_tree, env

from barrier_cli.core import models
from barrier_cli.io.cache import RACY_NS
from minitree import pairing, report

REQUIRED = ["--reporter", "zhang_san", "--source", "on_site", "--element", "equipment"]
REQUIRED += ["--category", "hazard", "--summary", "工具箱尖角划破工作服"]

MODULES_AFTER = """
import sys
from barrier_cli.cli.main import run
sys.argv[0] = "barrier"
try:
    run()
finally:
    print("modules:", *sorted(sys.modules), file=sys.stderr)
"""

OTHER_KINDS = (
    "assessment",
    "competence",
    "incident",
    "keyperson",
    "notice",
    "pairing",
    "priority",
    "returns",
    "reward",
    "roundup",
)
"""The modules of `barrier_cli.core.models` holding the record models an add of a report
does not use (the tree's settings, org, roster and standards it does)."""


def modules_of_run(args: list[str], environ: dict[str, str]) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", MODULES_AFTER, *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    last = done.stderr.splitlines()[-1].split()
    assert last[0] == "modules:", done.stderr[-2000:]
    return set(last[1:])


def test_an_add_imports_only_its_own_kinds_model(tmp_path: Path) -> None:
    root = copy_tree(tmp_path)
    # a tree not written just now: a file changed within `RACY_NS` of a run is read again
    # by every run (its stamp cannot be trusted), as a tree being written should be
    time.sleep(RACY_NS / 1e9 + 0.2)
    assert list(root.glob("incidents/**/*.yaml")) and list(root.glob("pairings/**/*.yaml"))
    environ = env(tmp_path, BARRIER_CACHE_DIR=str(tmp_path / "cache"))
    environ.pop("PYTHONPROFILEIMPORTTIME", None)
    args = ["--records", str(root), "report", "add", "--no-input", *REQUIRED]
    # the first add builds the tree's index, reading every file (so every kind's model)
    first = modules_of_run(args, environ)
    assert "barrier_cli.core.models.incident" in first
    modules = modules_of_run(args, environ)
    assert len(list(root.glob("reports/2026/11/R-20261124-*.yaml"))) == 2
    assert "barrier_cli.core.models.report" in modules
    others = {f"barrier_cli.core.models.{name}" for name in OTHER_KINDS}
    assert modules & others == set()
    assert "barrier_cli.core.models.salvage" not in modules  # for invalid files only
    # the checks of one record run in this process: no pool of workers is prepared
    assert "multiprocessing" not in modules
    # pydantic is told there are no plugins (`models._without_pydantic_plugins`): looking
    # for them reads every installed distribution's metadata, on every add
    assert "importlib.metadata" not in modules
    assert {m for m in modules if m.split(".")[0] in ("pandas", "jinja2")} == set()


def test_every_listed_model_is_exported() -> None:
    for name in models.__all__:
        assert getattr(models, name).__name__ == name
    assert set(models.__all__) <= set(dir(models))
    with pytest.raises(AttributeError):
        _ = models.Nothing  # type: ignore[attr-defined]


def test_a_record_is_known_by_its_models_exported_name() -> None:
    assert models.exported_name(report()) == "Report"
    assert models.exported_name(pairing()) == "Pairing"
    assert models.exported_name(object()) is None


AT_FIRST_PROMPT = """
import os, sys
from barrier_cli.write.entry import plainline

def drawn(prompt, loaded, start):
    os.write(1, (prompt + "\\n[modules] " + " ".join(sorted(sys.modules)) + "\\n").encode())
    os._exit(0)

plainline.read_line = drawn
from barrier_cli.cli.main import run
sys.argv[0] = "barrier"
run()
"""


def test_nothing_heavy_is_imported_before_the_first_prompt(tmp_path: Path) -> None:
    """The first question of `report add` is up before pydantic, the models, the checker
    or prompt_toolkit are imported (issue 19: the first prompt within 1.5× `--help`); they
    load in the background once it is shown."""
    import pexpect

    root = copy_tree(tmp_path)
    environ = env(tmp_path, BARRIER_CACHE_DIR=str(tmp_path / "cache"))
    environ.pop("PYTHONPROFILEIMPORTTIME", None)
    child = pexpect.spawn(
        sys.executable,
        ["-c", AT_FIRST_PROMPT, "--records", str(root), "report", "add"],
        env=environ,
        encoding="utf-8",
        timeout=60,
    )
    child.expect("发现日期")
    child.expect(r"\[modules\] (.*)\r?\n")
    modules = set(child.match.group(1).split())
    child.expect(pexpect.EOF)
    assert "barrier_cli.write.entry.early" in modules  # the probe did stand at the prompt
    heavy = ("pydantic", "pydantic_core", "prompt_toolkit", "asyncio", "ruamel", "msgspec")
    assert {m for m in modules if m.split(".")[0] in heavy} == set()
    assert {m for m in modules if m.startswith("barrier_cli.core.models")} == set()
    assert not any(m.startswith("barrier_cli.checks") for m in modules)
