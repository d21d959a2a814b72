"""`barrier priorities adopt`: the proposed 保安全重点 of a month become a record.

The priorities for month M are those the analysis of M-1 proposes (its section 六); the
meeting may edit them first: ``source`` is then the edited YAML (a ``Priorities`` record),
validated like any record before it is written. The record is created, never overwritten,
at ``priorities/YYYY/S-YYYY-MM.yaml``; M's analysis reports each item's state (section 四).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput, UserError, os_reason
from barrier_cli.core.labels import Lang
from barrier_cli.core.models import Priorities
from barrier_cli.core.models.priority import PriorityItem
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree


class NoOwner(UserError):
    """A proposal has no responsible person to adopt it with."""


@dataclass(frozen=True)
class Adopted:
    path: Path
    record: Priorities


@dataclass(frozen=True)
class AdoptedPriority:
    """One adopted 保安全重点 as a document prints it, names in the tree's language."""

    record: str
    index: int
    content: str
    measures: list[str]
    unit_name: str
    """责任单位: the unit, or the branches that carry it out (各党支部) when the unit supervises."""
    owner_name: str
    """责任人: the owner, or the branches' secretaries when they carry it out."""
    supervisor_name: str
    """Who supervises the branches (督导), when they carry it out; "" otherwise."""
    partner_names: list[str]
    """The partner units the owner settles it with (会同车站（信号楼）)."""
    due: dt.date
    adopted: dt.date


def adopted_for(tree: Tree, month: Month, lang: Lang) -> list[AdoptedPriority]:
    """The 保安全重点 adopted for ``month`` (the record ``S-YYYY-MM``, not withdrawn), in its
    order; none when the month has none. ``tree`` in the document's language view
    (`names.in_language`), ``lang`` that language."""
    from barrier_cli.reports.analysis.proposals import responsible

    out = []
    for record in tree.priorities:
        if record.withdrawn is not None or record.month != str(month):
            continue
        for n, item in enumerate(record.items, 1):
            who = responsible(
                tree, item.unit, item.owner, item.branches, item.partners, lang, item.due
            )
            out.append(
                AdoptedPriority(
                    record=record.id,
                    index=n,
                    content=item.content,
                    measures=list(item.measures),
                    unit_name=who.unit_name,
                    owner_name=who.owner_name,
                    supervisor_name=who.supervisor_name,
                    partner_names=who.partner_names,
                    due=item.due,
                    adopted=record.adopted,
                )
            )
    return out


def proposed_record(tree: Tree, month: Month, *, by: str, today: dt.date, lang: Lang) -> Priorities:
    """The record the analysis of the month before ``month`` proposes, adopted ``today``."""
    from barrier_cli.reports.analysis.monthly import analyze

    analysis = analyze(tree, month.shift(-1), today=today, lang=lang)
    items = []
    for p in analysis.proposed:
        if p.owner is None:
            raise NoOwner(
                i18n._(
                    "priority {rank} ({content}) has no responsible person: "
                    "{unit} has no secretary in org.yaml; adopt an edited file with --from"
                ).format(rank=p.rank, content=p.content, unit=p.unit_name)
            )
        # validated: the category a weak link names is one of the report categories
        items.append(
            PriorityItem.model_validate(
                {
                    "content": p.content,
                    "measures": p.measures,
                    "unit": p.unit,
                    "owner": p.owner,
                    "due": p.deadline,
                    "basis": p.basis,
                    "branches": p.branches,
                    "partners": p.partners,
                    "category": p.category or None,
                }
            )
        )
    if not items:
        raise InvalidInput(
            i18n._("the analysis of {previous} proposes no priorities for {month}").format(
                previous=month.shift(-1), month=month
            )
        )
    return Priorities(id=f"S-{month}", month=str(month), adopted=today, by=by, items=items)


def read_record(path: Path) -> Priorities:
    """An edited priorities file, validated; one line naming the file on any error."""
    from barrier_cli.io.yamlio import decode

    try:
        raw = path.read_bytes()
    except OSError as e:
        raise UserError(
            i18n._("{path}: cannot read: {reason}").format(path=path, reason=os_reason(e))
        ) from e
    return parse_record(decode(raw), str(path))


def parse_record(text: str, where: str) -> Priorities:
    """Priorities from YAML ``text``; one line naming ``where`` (and the line) on any error."""
    from barrier_cli.io.yamlio import ParseProblem, load_text

    try:
        return Priorities.model_validate(load_text(text))
    except ParseProblem as e:
        raise UserError(f"{where}:{e.line}: {e.message}") from e
    except ValidationError as e:
        first = e.errors()[0]
        field = ".".join(str(x) for x in first["loc"])
        raise UserError(f"{where}: {field}: {first['msg']}") from e


def adopt(tree: Tree, record: Priorities, *, month: Month, today: dt.date) -> Adopted:
    """Write ``record`` as the priorities of ``month``; it must be that month's and check."""
    from barrier_cli.checks.run import record_problems
    from barrier_cli.io.canonical import record_text
    from barrier_cli.io.store import create, inside

    if record.month != str(month):
        raise InvalidInput(
            i18n._("the record is for {record_month}, not {month}").format(
                record_month=record.month, month=month
            )
        )
    problems = record_problems(record, tree, today)
    if problems:
        first = problems[0]
        raise InvalidInput(f"{record.id}: {'.'.join(map(str, first.loc))}: {first.message}")
    path = inside(tree.root, f"priorities/{month.year:04d}/{record.id}.yaml")
    create(path, record_text(record))
    return Adopted(path, record)
