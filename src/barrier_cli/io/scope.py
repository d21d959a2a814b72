"""Which files of the tree the PATH arguments of `check` and `fmt` name.

A path is taken as the tree-relative prefix it stands for ('' for the whole tree), so a
folder names every file below it; a path outside the tree is refused, not ignored.
"""

from __future__ import annotations

from pathlib import Path

from barrier_cli.core.errors import UnsafePath


def tree_prefixes(root: Path, paths: list[Path] | None) -> list[str] | None:
    """``paths`` as tree-relative prefixes ('' for the whole tree); None when not given."""
    if paths is None:
        return None
    real_root = root.resolve()
    out = []
    for path in paths:
        full = path.resolve()
        if full != real_root and real_root not in full.parents:
            raise UnsafePath(f"{path}: not inside the records tree {root}")
        out.append("" if full == real_root else full.relative_to(real_root).as_posix())
    return out


def under(rel: str, prefixes: list[str] | None) -> bool:
    """Whether the tree-relative file ``rel`` is named by ``prefixes`` (None names all)."""
    if prefixes is None:
        return True
    return any(p == "" or rel == p or rel.startswith(p + "/") for p in prefixes)
