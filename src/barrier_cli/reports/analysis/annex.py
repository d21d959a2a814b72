"""附件：有关记录清单: the records the analysis speaks of, for its one attachment.

The body of a 公文 names events by date, unit, person and what happened; the record ids that
prove them stand once each in the attachment, in the order the body first speaks of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import MonthlyAnalysis, RecordRef
from barrier_cli.reports.names import HAN


def cited(a: MonthlyAnalysis) -> list[str]:
    """The record ids the document's sections speak of, in the sections' order."""
    ids: list[str] = [r.id for rep in a.near_miss_repeats for r in rep.reports]
    ids += [o.record for o in a.timeliness.shown_overdue]
    for p in a.problems:
        ids += [r.id for r in p.cases] + [i.id for i in p.incidents]
    ids += [i.id for i in a.incidents + a.earlier_open]
    for proposal in a.proposed:
        ids += proposal.basis
    for k in a.key_persons:
        ids += [s.ref for s in k.signals if s.ref]
    ids += [g.id for g in a.good_catches]
    ids += [r.record for r in a.rewards if r.record]
    return list(dict.fromkeys(ids))


def record_refs(tree: Tree, ids: Iterable[str]) -> list[RecordRef]:
    """Each id that names a report, an incident or a competence check, described."""
    units = {u.id: u.name for u in tree.org.units}
    names = {p.id: p.name for p in tree.org.people}
    known: dict[str, RecordRef] = {}
    for r in tree.reports:
        unit = tree.places.unit_of(r) or ""
        known[r.id] = RecordRef(r.id, r.date, units.get(unit, unit), r.summary, "report")
    for e in tree.earlier:  # an earlier report's overdue action may be listed
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
    return [known[i] for i in ids if i in known]
