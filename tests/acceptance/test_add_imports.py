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
