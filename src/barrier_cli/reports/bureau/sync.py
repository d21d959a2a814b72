"""`barrier bureau sync`: find or fetch each member unit's tree, check it, load it into the ledger.

A tree given by ``path`` is read in place, a ``submodule`` of the bureau repository is
initialised (``git submodule update --init``) and read in place, and one given by ``git`` is
cloned once into the bureau's cache and fetched afterwards, its ``ref`` checked out detached.
Member trees are only ever read. A unit whose tree cannot be reached or fails ``check``
is reported with its first error and its partitions are left out of the ledger's unit
list (``_units.json``), so the analysis names it as excluded instead of counting it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from barrier_cli.core.errors import UserError
from barrier_cli.core.periods import Month
from barrier_cli.io.gitio import git
from barrier_cli.io.store import write_document
from barrier_cli.reports.bureau.dataset import export_dataset
from barrier_cli.reports.bureau.models import BureauTree, MemberUnit

STATUS_FILE = "_units.json"
Status = Literal["ok", "failed", "unreachable"]


@dataclass(frozen=True)
class UnitSync:
    id: str
    name: str
    system: str
    status: Status
    errors: int = 0
    first_error: str = ""
    rows: int = 0


def member_root(bureau: BureauTree, unit: MemberUnit, *, fetch: bool) -> Path:
    """The records tree of ``unit`` on this machine; with ``fetch``, cloned or updated first."""
    if unit.path is not None:
        return bureau.root / unit.path
    if unit.submodule is not None:
        if fetch:
            git(bureau.root, "submodule", "update", "--init", "--", unit.submodule)
        return bureau.root / unit.submodule / "records"
    assert unit.git is not None
    clone = bureau.root / bureau.bureau.cache / "units" / unit.id
    if fetch:
        if not (clone / ".git").exists():
            clone.parent.mkdir(parents=True, exist_ok=True)
            git(clone.parent, "clone", "--quiet", "--no-checkout", "--", unit.git.url, clone.name)
        git(clone, "fetch", "--quiet", "origin", "--", unit.git.ref)
        git(clone, "checkout", "--quiet", "--detach", "--force", "FETCH_HEAD")
    return clone / unit.git.records


def sync(
    bureau: BureauTree,
    *,
    today: dt.date,
    fetch: bool = True,
    month: Month | None = None,
    dataset: Path | None = None,
) -> list[UnitSync]:
    """Fetch, check and export every member unit; the ledger's unit list says who passed.

    ``dataset`` writes the ledger elsewhere than the bureau's own (``bureau.yaml: dataset``).
    """
    dataset = dataset or bureau.dataset
    from barrier_cli.checks.run import check_tree
    from barrier_cli.io.parallel import load_tree

    out: list[UnitSync] = []
    for unit in bureau.bureau.units:
        base = UnitSync(unit.id, unit.name, unit.system, "unreachable")
        try:
            root = member_root(bureau, unit, fetch=fetch)
        except UserError as e:
            out.append(_with(base, first_error=str(e)))
            continue
        if not (root / "barrier.yaml").is_file():
            out.append(_with(base, first_error=f"{root}: no records tree (barrier.yaml) here"))
            continue
        # through the cache (outside the tree): the load for the export reuses the check's
        checked = check_tree(root, day=today, cache=True)
        errors = [x for x in checked.findings if x.severity.name == "ERROR"]
        if errors:
            first = errors[0]
            where = f"{first.path}:{first.line}:{first.col}"
            out.append(
                _with(
                    base,
                    status="failed",
                    errors=len(errors),
                    first_error=f"{where}: {first.message}",
                )
            )
            continue
        written = export_dataset(
            load_tree(root, cache=True), unit=unit.id, out=dataset, month=month, today=today
        )
        out.append(_with(base, status="ok", rows=sum(written.rows.values())))
    write_status(dataset, out)
    return out


def _with(base: UnitSync, **changes: object) -> UnitSync:
    return UnitSync(**(asdict(base) | changes))


def write_status(dataset: Path, units: list[UnitSync]) -> None:
    dataset.mkdir(parents=True, exist_ok=True)
    text = json.dumps([asdict(u) for u in units], ensure_ascii=False, indent=1) + "\n"
    write_document(dataset / STATUS_FILE, text)


def read_status(dataset: Path) -> list[UnitSync]:
    """The unit list of the last sync; empty when the ledger was filled by hand."""
    path = dataset / STATUS_FILE
    if not path.is_file():
        return []
    try:
        return [UnitSync(**item) for item in json.loads(path.read_text(encoding="utf-8"))]
    except (ValueError, TypeError) as e:
        raise UserError(f"{path}: not a unit list written by 'barrier bureau sync'") from e
