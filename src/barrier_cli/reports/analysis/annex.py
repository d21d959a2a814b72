"""附件：有关记录清单: the records the analysis speaks of, for its one attachment.

The body of a 公文 names events by date, unit, person and what happened; the records behind
them stand once each in the attachment, under the part of the analysis they support.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import MonthlyAnalysis, RecordRef
from barrier_cli.reports.names import HAN


def cited(a: MonthlyAnalysis) -> dict[str, int]:
    """The record ids the document's sections speak of, each with the part (1 to 7) that
    first does: the attachment lists them under the part they support."""
    parts: list[tuple[int, list[str]]] = [
        (1, [r.id for rep in a.near_miss_repeats for r in rep.reports]),
        (1, [o.record for o in a.timeliness.shown_overdue]),
        # a case belongs to 三 even where 二 names it first
        (3, [i.id for i in a.incidents + a.earlier_open]),
        (
            2,
            [
                x
                for p in a.problems
                for x in [*(r.id for r in p.cases), *(i.id for i in p.incidents)]
            ],
        ),
        (6, [i for proposal in a.proposed for i in proposal.basis]),
        (7, [s.ref for k in a.key_persons for s in k.signals if s.ref]),
        (7, [g.id for g in a.good_catches]),
        (7, [r.record for r in a.rewards if r.record]),
    ]
    out: dict[str, int] = {}
    for part, ids in parts:
        for i in ids:
            out.setdefault(i, part)
    return out


def record_refs(tree: Tree, ids: Mapping[str, int]) -> list[RecordRef]:
    """Each id that names a report, an incident or a competence check, described, under the
    part it supports and by date within it (a register is read by date, not by the order
    a document happened to name its records in)."""
    units = {u.id: u.name for u in tree.org.units}
    names = {p.id: p.name for p in tree.org.people}
    known: dict[str, RecordRef] = {}
    # only the records cited are described: the tree holds tens of thousands
    for r in tree.reports:
        if r.id not in ids:
            continue
        unit = tree.places.unit_of(r) or ""
        known[r.id] = RecordRef(r.id, r.date, units.get(unit, unit), r.summary, "report")
    for e in tree.earlier:  # an earlier report's overdue action may be listed
        if e.id not in ids:
            continue
        unit = (e.unit if e.unit is not None else tree.places.unit_of_person(e.reporter)) or ""
        known.setdefault(e.id, RecordRef(e.id, e.date, units.get(unit, unit), e.summary, "report"))
    for i in tree.incidents:
        title = i.title
        if i.violation is not None:
            doer = names.get(i.violation.person, i.violation.person)
            if doer not in title:  # 孙浩 + 在列车未停稳时…; in English "Sun Hao: …"
                title = doer + title if HAN.match(title) else f"{doer}: {title}"
        known[i.id] = RecordRef(i.id, i.date, units.get(i.unit, i.unit), title, "incident")
    for c in tree.competence:
        known[c.id] = RecordRef(c.id, c.date, units.get(c.unit, c.unit), c.title, "competence")
    found = [replace(known[i], part=part) for i, part in ids.items() if i in known]
    return sorted(found, key=lambda r: (r.part, r.date, r.id))
