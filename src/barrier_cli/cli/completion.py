"""Tab completion from the records tree: people and units (id, name, pinyin initials), months
(recent first), record ids by prefix, kinds, and choice values with their labels.

`attach` gives each parameter of a built command its completer, chosen by the parameter's
name or metavar, so the commands themselves stay plain typer. Completion runs inside the
user's shell on every Tab: it reads org.yaml and file names only, and a tree it cannot read
completes nothing rather than printing a traceback into the prompt.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from typer._click import Command, Context, Parameter
from typer._click.shell_completion import CompletionItem

Completer = Callable[[Context, Parameter, str], list[CompletionItem]]

PEOPLE = frozenset(
    {"reporter", "owner", "person", "persons", "mentor", "by", "verified_by",
     "violation_person", "absent", "abnormal"}
)  # fmt: skip
UNITS = frozenset({"unit"})
CHOICE_GROUPS = {
    "level": "level",
    "source": "source",
    "element": "element",
    "category": "category",
    "keys": "key",
    "risk": "risk",
    "reasons": "reason",
    "incident_type": "incident_type",
    "accident_class": "accident_class",
    "violation_kind": "violation_kind",
    "violation_severity": "severity",
}
"""Parameters whose values are one of `labels.LABELS`' groups, by parameter name."""
_ID = re.compile(r"[A-Z]-[A-Za-z0-9_.\-]+")
"""A record's id, as `ids` reads a reference; records are named by their ids."""
_MONTH_IN_PATH = re.compile(r"(?:^|/)(\d{4})/(\d{2})(?:/|$)")
_MONTH_IN_ID = re.compile(r"-(\d{4})(\d{2})(?:\d{2})?-")


def attach(command: Command) -> None:
    """Give the parameters of ``command`` (and of its subcommands) their completers."""
    for param in command.params:
        completer = completer_for(param)
        if completer is not None:
            param._custom_shell_complete = completer
    for sub in getattr(command, "commands", {}).values():
        attach(sub)


def completer_for(param: Parameter) -> Completer | None:
    name, metavar = param.name or "", param.metavar or ""
    if name in PEOPLE or metavar.startswith("PERSON"):
        return _listing(lambda ctx, word: _org_entries(ctx, "person", word))
    if name == "partner":
        return _listing(lambda ctx, word: _org_entries(ctx, "partner", word))
    if name in UNITS:
        return _listing(lambda ctx, word: _org_entries(ctx, "unit", word))
    if name == "month":
        return _listing(_months)
    if metavar.startswith("ID") or name == "record_id":
        return _listing(_record_ids)
    if name == "kind":
        return _listing(_kinds)
    if name in CHOICE_GROUPS:
        group = CHOICE_GROUPS[name]
        return _listing(lambda ctx, word: _choices(group, word))
    return None


def _listing(find: Callable[[Context, str], list[tuple[str, str]]]) -> Completer:
    """A completer from (value, help) pairs, completing the last item of a comma list."""

    def complete(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
        head, comma, word = incomplete.rpartition(",")
        before = head + comma
        try:
            found = find(ctx, word)
        except Exception:  # completion must never print a traceback into the user's shell
            return []
        return [CompletionItem(before + value, help=text or None) for value, text in found]

    return complete


def records_root(ctx: Context) -> Path:
    """The tree the command line names (--records), else the one the command would find."""
    from barrier_cli.core.tree_root import find_records

    given = ctx.find_root().params.get("records")
    return find_records(Path(given) if given else None)


def _org_entries(ctx: Context, table: str, word: str) -> list[tuple[str, str]]:
    from barrier_cli.core.lookup import Lookup
    from barrier_cli.core.models.org import Org
    from barrier_cli.io.loader import read_file

    org = read_file(records_root(ctx), "org.yaml").record
    if not isinstance(org, Org):
        return []
    lookup = Lookup.of(org, "person" if table == "person" else table)  # type: ignore[arg-type]
    return [
        (e.id, f"{e.name}（{e.detail}）" if e.detail else e.name) for e in lookup.complete(word)
    ]


def _files(root: Path) -> Iterator[str]:
    """Paths (relative, '/'-separated) of the tree's YAML files, hidden folders left out."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "templates")
        rel = Path(folder).relative_to(root).as_posix()
        for name in sorted(files):
            if name.endswith(".yaml"):
                yield name if rel == "." else f"{rel}/{name}"


def _months(ctx: Context, word: str) -> list[tuple[str, str]]:
    from barrier_cli.core.tree_root import today

    root = records_root(ctx)
    counts: dict[str, int] = {}
    for rel in _files(root):
        match = _MONTH_IN_PATH.search(rel) or _MONTH_IN_ID.search(rel)
        if match and "01" <= match.group(2) <= "12":
            month = f"{match.group(1)}-{match.group(2)}"
            counts[month] = counts.get(month, 0) + 1
    now = today(root)
    counts.setdefault(f"{now.year:04d}-{now.month:02d}", 0)
    return [
        (month, f"{n} file(s)")
        for month, n in sorted(counts.items(), reverse=True)
        if month.startswith(word)
    ]


def _record_ids(ctx: Context, word: str) -> list[tuple[str, str]]:
    wanted = word.upper()
    found = []
    for rel in _files(records_root(ctx)):
        stem = rel.rsplit("/", 1)[-1].removesuffix(".yaml")
        if _ID.fullmatch(stem) and stem.upper().startswith(wanted):
            found.append((stem, rel.rsplit("/", 1)[0]))
    return found


def _kinds(ctx: Context, word: str) -> list[tuple[str, str]]:
    from barrier_cli.core.kinds import KINDS
    from barrier_cli.reports.query import KINDS as LISTED

    # `list` takes the record kinds; `schema` every kind (settings, org, standard too)
    names = LISTED if ctx.command.name == "list" else KINDS
    return [(k, KINDS[k].title_zh) for k in names if k.startswith(word.lower())]


def _choices(group: str, word: str) -> list[tuple[str, str]]:
    from barrier_cli.core.labels import LABELS, names

    labelled = [(value, *names(group, value)) for value in LABELS[group]]
    return [
        (value, f"{zh} / {en}")
        for value, zh, en in labelled
        if value.startswith(word) or zh.startswith(word)
    ]
