"""Generated records trees for the cache and parallel tests: `scripts/gen_tree.py` as a module.

The generator writes a realistic tree of every kind with a chosen share of flawed records,
so a test can compare two ways of reading it on something closer to the real thing than a
hand-made tree of five files.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "gen_tree.py"


def _module() -> ModuleType:
    if "gen_tree" in sys.modules:
        return sys.modules["gen_tree"]
    spec = importlib.util.spec_from_file_location("gen_tree", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_tree"] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


def generate(root: Path, *, reports: int, seed: int, defects: float, nil_returns: int = 0) -> Path:
    """Write a tree of ``reports`` reports (plus the other kinds) at ``root``; ``nil_returns``
    people also tick 今日无异常 every weekday for a year."""
    _module().generate(root, reports=reports, seed=seed, defects=defects, nil_returns=nil_returns)
    return root
