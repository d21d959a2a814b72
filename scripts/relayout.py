"""Move barrier_cli's modules into layer packages and rewrite every reference to them.

    python scripts/relayout.py [--dry-run] [--no-format]

Run from the root of any checkout (a branch, a merge of several). The package becomes floors a
newcomer can read from the folder listing, each importing only the floors below it (the
contracts in pyproject.toml, checked by `make lint`):

    core     models, kinds, periods, ids, findings, errors, labels, org lookups: no IO
    io       reading and locating YAML, the loader, the store, git, the caches
    checks   every rule over a tree, `check --staged/--changed/--against`, entry's checks
    reports  a Tree in, plain data out: analysis, deficiencies, assess, due, query, export
    present  findings and documents as text, Markdown, HTML: reporters, templates, notice
    write    records written or rewritten: entry, edit, fmt, init, JSON Schema files
    cli      typer wiring only

What it does, in order:

1. Plans: every top-level module or package of ``src/barrier_cli`` must be in ``MOVES`` (it
   moves) or in ``STAY``. A module a later branch added at the top level and nobody placed
   stops the run before anything changes, listed by name: add it to ``MOVES`` and run again.
   So does a module that is about to move and finds files through ``__file__`` (its folder
   changes; use ``importlib.resources.files("barrier_cli")``).
2. ``git mv``s each module or package still at its old place (a sub-module before its
   package leaves, a package before modules move into it), creating the layer packages with
   their docstring; moves the code of a package's ``__init__`` to its own module (``BODIES``).
3. Rewrites, in every file git tracks except this script and the CHANGELOG (history keeps
   the names it was written with): ``from barrier_cli[.pkg] import module`` of a moved module
   (split per new package, the local name kept with ``as``), and every dotted name
   ``barrier_cli.old.x`` (imports, ``monkeypatch.setattr``/mock targets, ``importlib`` and
   ``importlib.resources`` strings, pyproject, docs) and path ``barrier_cli/old.py``.
4. Sorts imports and formats the Python files it changed with ruff, when ruff is installed.

Running it again changes nothing: no module is left at an old place, no old name is left in
a file.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

PACKAGE = "barrier_cli"

LAYERS = {
    "core": "The core: models, record kinds, periods, ids, findings, errors, labels and org\n"
    "lookups. It imports nothing else of barrier and does no IO.",
    "io": "Reading and writing the records tree: YAML reading and locating, the loader and the\n"
    "Tree, the store, git, and the caches. Imports only the core.",
    "reports": "Reports: a Tree in, plain data out (analysis, deficiencies, assessments,\n"
    "reminders, queries, export, the bureau's figures). Nothing here prints.",
    "present": "Presentation: findings and documents as text, Markdown, HTML and JSON, through\n"
    "reporters and templates; the notice, rendered and published.",
    "checks": "Checks: every rule over a records tree as a list of located findings (``run``),\n"
    "the check of what git is about to record, of a record being entered, and the cached entry.",
    "write": "Writing records: interactive and flag-driven entry, in-place edits, fmt, init,\n"
    "check-ins, roundups, and the JSON Schema files editors read.",
}
"""The layer packages, with their ``__init__`` docstrings; ``checks`` and ``cli`` exist
already (``checks`` gets its docstring when its code moves out, see ``BODIES``)."""

MOVES: dict[str, str] = {
    # core
    "models": "core.models",
    "kinds": "core.kinds",
    "periods": "core.periods",
    "ids": "core.ids",
    "findings": "core.findings",
    "errors": "core.errors",
    "i18n": "core.i18n",
    # labels and field docs describe the models' choices and fields: every floor reads them
    "labels": "core.labels",
    "fielddocs": "core.fielddocs",
    "lookup": "core.lookup",
    # where the tree is and what day it is: the models' date rules need today
    "tree_root": "core.tree_root",
    # the envelope of every JSON output (a schema name and version), no rendering
    "jsonout": "core.jsonout",
    "extras": "core.extras",
    # io
    "yamlio": "io.yamlio",
    "schema_errors": "io.schema_errors",
    "loader": "io.loader",
    "parallel": "io.parallel",
    "cache": "io.cache",
    "store": "io.store",
    "gitio": "io.gitio",
    "canonical": "io.canonical",
    "scope": "io.scope",
    "returns": "io.returns",
    # what checking one new record needs, kept beside the cache (constant-time add)
    "index": "io.index",
    # read on the cache's fast path of `check`: not in checks/, whose __init__ loads the models
    "schema_age": "io.schema_age",
    # checks
    "gitcheck": "checks.gitcheck",
    # the records now against the records at a revision: `check --against` runs it
    "audit": "checks.audit",
    # the checks of a record being entered (it imports checks, core and io only)
    "entry.validate": "checks.entry",
    # reports
    "snapshot": "reports.snapshot",
    "analysis": "reports.analysis",
    "deficiencies": "reports.deficiencies",
    "assess": "reports.assess",
    "due": "reports.due",
    "query": "reports.query",
    "export": "reports.export",
    "bureau": "reports.bureau",
    # present
    "reporters": "present.reporters",
    # templates render inside the sandbox that render/ holds, and documents render templates
    "templating": "present.render.templating",
    "render": "present.render",
    # the notice renders and publishes (numbers it, writes it) besides gathering its data
    "notice": "present.notice",
    "color": "present.color",
    # the notice's sentences, built in its language from the notice's data
    "notice_prose": "present.notice_prose",
    # Word and PDF, made from a document's html rendering
    "office": "present.office",
    "analysis.document": "present.analysis_document",
    "bureau.document": "present.bureau_document",
    # write
    "entry": "write.entry",
    "edit": "write.edit",
    "fmt": "write.fmt",
    "scaffold": "write.scaffold",
    "checkin": "write.checkin",
    "roundups": "write.roundups",
    # `schema` and `init` write the JSON Schema files; it shares fmt's view of a record's shape
    "schemas": "write.schemas",
    # cli
    "completion": "cli.completion",
}
"""Old module or package → new, both relative to ``barrier_cli``."""

BODIES = {"checks": "checks.run"}
"""Packages whose ``__init__`` holds code: the code moves to a module of its own (named here)
and the ``__init__`` keeps a docstring, as every layer's does. Importing one module of a layer
then loads only what that module needs: the cache answers an unchanged tree's `check` through
``checks.cached`` without loading the checks, the models or the YAML parser."""

STAY = {"__init__", "__main__", "checks", "cli", *LAYERS}
"""Top-level modules and packages that are where they belong."""

DATA = {"templates", "resources", "locale"}
"""Data folders, looked up from the package root: they stay."""

SKIP = {"CHANGELOG.md", "scripts/relayout.py", "tests/unit/test_relayout.py"}
"""Files whose old names are meant: the history, this table and its test."""

TEXT_SUFFIXES = {
    ".py", ".pyi", ".toml", ".cfg", ".ini", ".md", ".rst", ".txt", ".yaml", ".yml", ".json",
    ".sh", ".j2", ".sql", "",
}  # fmt: skip
"""Files whose references are rewritten (no suffix: Makefile and the like)."""


class Unplaced(SystemExit):
    pass


def src_root(repo: Path) -> Path:
    return repo / "src" / PACKAGE


def module_path(src: Path, dotted: str) -> Path | None:
    """The file (``x.py``) or package folder of ``dotted`` under ``src``, if it exists."""
    base = src.joinpath(*dotted.split("."))
    if (base / "__init__.py").is_file():
        return base
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    return None


def target_path(src: Path, dotted: str, is_package: bool) -> Path:
    base = src.joinpath(*dotted.split("."))
    return base if is_package else base.with_suffix(".py")


def top_level(src: Path) -> list[str]:
    """Every top-level module and package of ``src`` (data folders and caches aside)."""
    names = []
    for entry in sorted(src.iterdir()):
        if entry.is_file() and entry.suffix == ".py":
            names.append(entry.stem)
        elif entry.is_dir() and entry.name not in DATA and not entry.name.startswith(("__", ".")):
            names.append(entry.name)
    return names


def has_code(init: Path) -> bool:
    """Whether a package's ``__init__`` holds more than its docstring."""
    body = ast.parse(init.read_text(encoding="utf-8")).body
    return any(
        not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
        and not (isinstance(node, ast.ImportFrom) and node.module == "__future__")
        for node in body
    )


def plan_bodies(src: Path) -> list[tuple[str, str]]:
    """The packages whose ``__init__`` code is still to move to its module."""
    todo = []
    for package, body in BODIES.items():
        init = src.joinpath(*package.split("."), "__init__.py")
        if init.is_file() and has_code(init):
            if module_path(src, body) is not None:
                raise SystemExit(f"relayout: both {init} holds code and {PACKAGE}.{body} exists")
            todo.append((package, body))
    return todo


def submodules(src: Path) -> dict[str, frozenset[str]]:
    """The modules and sub-packages of each package of ``BODIES``: the names a ``from
    package import name`` leaves in place (any other name is the body's)."""
    out = {}
    for package in BODIES:
        folder = src.joinpath(*package.split("."))
        names = {p.stem for p in folder.glob("*.py")} | {
            d.name for d in folder.iterdir() if (d / "__init__.py").is_file()
        }
        out[package] = frozenset(names - {"__init__"})
    return out


def plan(src: Path) -> list[tuple[str, str]]:
    """The moves still to make, sub-modules before their packages; or stop, saying why."""
    unplaced = [n for n in top_level(src) if n not in STAY and n not in MOVES]
    if unplaced:
        raise Unplaced(
            "relayout: top-level modules with no place in the layers: "
            + ", ".join(unplaced)
            + "\nadd each to MOVES in scripts/relayout.py (or to STAY), then run again"
        )
    todo: list[tuple[str, str]] = []
    # sub-modules before their package leaves; a package before modules move into it
    for old, new in sorted(MOVES.items(), key=lambda m: (-m[0].count("."), m[1].count("."))):
        at_old = module_path(src, old)
        at_new = module_path(src, new)
        if at_old is not None and at_new is not None:
            raise SystemExit(f"relayout: both {PACKAGE}.{old} and {PACKAGE}.{new} exist")
        if at_old is not None:
            todo.append((old, new))
    file_users = [
        f"{PACKAGE}.{old} ({path.relative_to(src.parent.parent)})"
        for old, _ in todo
        for path in _python_files(module_path(src, old))
        if _OWN_FILE.search(path.read_text(encoding="utf-8"))
    ]
    if file_users:
        raise SystemExit(
            "relayout: modules that would move find files through __file__: "
            + ", ".join(file_users)
            + '\nlook them up from the package root (importlib.resources.files("barrier_cli"))'
        )
    return todo


_OWN_FILE = re.compile(r"(?<![\w.])__file__")


def _python_files(path: Path | None) -> Iterable[Path]:
    if path is None:
        return []
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"relayout: git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def move_bodies(repo: Path, src: Path, todo: list[tuple[str, str]], dry_run: bool) -> None:
    for package, body in todo:
        init = src.joinpath(*package.split("."), "__init__.py")
        print(f"move the code of {PACKAGE}.{package} -> {PACKAGE}.{body}")
        if dry_run:
            continue
        git(
            repo,
            "mv",
            str(init.relative_to(repo)),
            str(target_path(src, body, False).relative_to(repo)),
        )
        init.write_text(f'"""{LAYERS[package]}"""\n', encoding="utf-8")
        git(repo, "add", str(init.relative_to(repo)))


def move(repo: Path, src: Path, todo: list[tuple[str, str]], dry_run: bool) -> None:
    for old, new in todo:
        at_old = module_path(src, old)
        assert at_old is not None
        to = target_path(src, new, at_old.is_dir())
        print(f"move {PACKAGE}.{old} -> {PACKAGE}.{new}")
        if dry_run:
            continue
        _make_packages(repo, src, new.split(".")[:-1])
        git(repo, "mv", str(at_old.relative_to(repo)), str(to.relative_to(repo)))


def _make_packages(repo: Path, src: Path, parts: list[str]) -> None:
    for depth in range(1, len(parts) + 1):
        folder = src.joinpath(*parts[:depth])
        init = folder / "__init__.py"
        if init.is_file():
            continue
        doc = LAYERS.get(".".join(parts[:depth]))
        if doc is None:
            raise SystemExit(f"relayout: {folder} is no package and no layer of this script")
        folder.mkdir(parents=True, exist_ok=True)
        init.write_text(f'"""{doc}"""\n', encoding="utf-8")
        git(repo, "add", str(init.relative_to(repo)))


# -- rewriting references -------------------------------------------------------------------


Submodules = dict[str, frozenset[str]]


def new_dotted(tail: str, subs: Submodules | None = None) -> str:
    """``loader.Tree`` → ``io.loader.Tree``: the longest moved prefix of ``tail`` replaced;
    with ``subs``, ``checks.check_tree`` → ``checks.run.check_tree`` (not a submodule)."""
    parts = tail.split(".")
    for n in range(len(parts), 0, -1):
        head = ".".join(parts[:n])
        if head in MOVES:
            parts = [*MOVES[head].split("."), *parts[n:]]
            break
    for package, body in BODIES.items():
        depth = package.count(".") + 1
        if (
            subs is not None
            and ".".join(parts[:depth]) == package
            and len(parts) > depth
            and parts[depth] not in subs.get(package, frozenset())
        ):
            parts = [*body.split("."), *parts[depth:]]
    return ".".join(parts)


_DOTTED = re.compile(rf"(?<![\w.]){PACKAGE}((?:\.[A-Za-z_]\w*)+)")
_PATH = re.compile(rf"(?<![\w.]){PACKAGE}/((?:[A-Za-z_]\w*/)*[A-Za-z_]\w*)(\.py\b|/)?")
_FROM_IMPORT = re.compile(
    rf"^(?P<indent>[ \t]*)from[ \t]+(?P<module>{PACKAGE}(?:\.\w+)*)[ \t]+import[ \t]+"
    r"(?P<names>\([^)]*\)|[^\n#]*[^\s#])(?P<comment>[ \t]*#[^\n]*)?$",
    re.MULTILINE,
)


def rewrite_dotted(text: str, subs: Submodules | None = None) -> str:
    return _DOTTED.sub(lambda m: PACKAGE + "." + new_dotted(m.group(1)[1:], subs), text)


def rewrite_paths(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        tail, end = m.group(1).replace("/", "."), m.group(2) or ""
        moved = new_dotted(tail)
        return m.group(0) if moved == tail else f"{PACKAGE}/{moved.replace('.', '/')}{end}"

    return _PATH.sub(one, text)


def rewrite_from_imports(text: str, subs: Submodules | None = None) -> str:
    """``from barrier_cli import loader, __version__`` → one statement per new package, each
    moved module under its old local name."""

    def one(m: re.Match[str]) -> str:
        module = m.group("module")
        names = m.group("names").strip()
        if names.startswith("("):
            names = names[1:-1]
        items = [n.strip() for n in re.sub(r"#[^\n]*", "", names).split(",") if n.strip()]
        base = module[len(PACKAGE) + 1 :] if module != PACKAGE else ""
        groups: dict[str, list[str]] = {}
        moved_any = False
        for item in items:
            name, _, alias = (p.strip() for p in item.partition(" as "))
            old = f"{base}.{name}" if base else name
            if old in MOVES:
                moved_any = True
                parent, _, leaf = MOVES[old].rpartition(".")
                local = alias or name
                text_item = leaf if leaf == local else f"{leaf} as {local}"
                groups.setdefault(f"{PACKAGE}.{parent}" if parent else PACKAGE, []).append(
                    text_item
                )
            else:
                new_base = new_dotted(base) if base else ""
                if new_base in BODIES and name not in (subs or {}).get(new_base, {name}):
                    moved_any = True
                    new_base = BODIES[new_base]
                target = f"{PACKAGE}.{new_base}" if new_base else PACKAGE
                groups.setdefault(target, []).append(item)
        if not moved_any:
            return m.group(0)
        indent, comment = m.group("indent"), m.group("comment") or ""
        lines = [f"{indent}from {mod} import {', '.join(group)}" for mod, group in groups.items()]
        lines[0] += comment
        return "\n".join(lines)

    return _FROM_IMPORT.sub(one, text)


def rewrite(text: str, python: bool, subs: Submodules | None = None) -> str:
    """``text`` with every moved name and path in its new place; ``subs`` (see `submodules`)
    moves the names a package's ``__init__`` held to the package's body module."""
    if python:
        text = rewrite_from_imports(text, subs)
    return rewrite_paths(rewrite_dotted(text, subs))


def tracked_text_files(repo: Path) -> list[Path]:
    files = []
    for rel in git(repo, "ls-files", "-z").split("\0"):
        path = repo / rel
        if not rel or rel in SKIP or not path.is_file() or path.is_symlink():
            continue
        if path.suffix not in TEXT_SUFFIXES and path.name != "Makefile":
            continue
        files.append(path)
    return files


def rewrite_files(repo: Path, dry_run: bool) -> list[Path]:
    subs = submodules(src_root(repo))
    changed = []
    for path in tracked_text_files(repo):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if PACKAGE not in text:
            continue
        new = rewrite(text, python=path.suffix in (".py", ".pyi"), subs=subs)
        if new != text:
            changed.append(path)
            if not dry_run:
                path.write_text(new, encoding="utf-8")
    return changed


def tidy(repo: Path, changed: list[Path]) -> None:
    """Sort the rewritten imports and format, as `make lint` wants them."""
    python = [str(p) for p in changed if p.suffix == ".py"]
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(Path(sys.executable).parent))
    if not python:
        return
    if ruff is None:
        print("relayout: ruff not found: imports left unsorted", file=sys.stderr)
        return
    subprocess.run([ruff, "check", "--no-cache", "--select", "I", "--fix", "-q", *python], cwd=repo)
    subprocess.run([ruff, "format", "--no-cache", "-q", *python], cwd=repo, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="the checkout (default: .)")
    parser.add_argument("--dry-run", action="store_true", help="say what would change")
    parser.add_argument("--no-format", action="store_true", help="leave ruff out")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    src = src_root(repo)
    if not src.is_dir():
        raise SystemExit(f"relayout: no {src}: run from the root of a barrier checkout")
    todo, bodies = plan(src), plan_bodies(src)
    move(repo, src, todo, args.dry_run)
    move_bodies(repo, src, bodies, args.dry_run)
    changed = rewrite_files(repo, args.dry_run)
    for path in changed:
        print(f"rewrote {path.relative_to(repo)}")
    if not args.dry_run and not args.no_format:
        tidy(repo, changed)
    if not todo and not bodies and not changed:
        print("relayout: nothing to do")
    return 0


if __name__ == "__main__":
    sys.exit(main())
