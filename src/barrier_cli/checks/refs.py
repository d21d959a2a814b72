"""Cross-references: people, units, partners and records named in a record must exist.

Lookups are dictionaries built once per run, so the cost grows with the number of
references, not with records × people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from barrier_cli.core import findings as f
from barrier_cli.core import i18n, models
from barrier_cli.core.models.common import Action, Loc, Model, Problem, Signed
from barrier_cli.io.loader import FileResult, Tree
from barrier_cli.io.schema_errors import dotted

if TYPE_CHECKING:
    from barrier_cli.core.models import (
        Assessment,
        Competence,
        Incident,
        KeyPerson,
        NilReturns,
        NoticeEntry,
        Pairing,
        Person,
        Priorities,
        Report,
        Reward,
        Roster,
        Roundup,
    )


@dataclass
class Index:
    people: dict[str, Person]
    units: set[str]
    partners: set[str]
    records: AbstractSet[str]
    asked: set[str] = field(default_factory=set)
    hazards: set[str] = field(default_factory=set)
    """The hazard log's ids (hazards.yaml)."""
    """Every record id looked up so far: what a file's answer rests on besides org.yaml,
    settings and standards (the incremental check re-checks a file when one of them comes
    or goes)."""

    @classmethod
    def of(cls, tree: Tree, records: AbstractSet[str] | None = None) -> Index:
        """The lookups of ``tree``; ``records`` (all ids of the tree) when it holds only some."""
        return cls(
            people={p.id: p for p in tree.org.people},
            units={u.id for u in tree.org.units},
            partners={p.id for p in tree.org.partners},
            records=record_ids(tree.files) if records is None else records,
            hazards=tree.hazards.ids(),
        )

    # person, unit and record answer with a tuple, empty in the common case, not a
    # generator: they are asked several times for every record of the tree, and making a
    # generator for each question cost more than the lookup itself

    def person(
        self, loc: Loc, pid: str | None, *, on: dt.date | None = None
    ) -> tuple[Problem, ...]:
        if pid is None:
            return ()
        person = self.people.get(pid)
        if person is None:
            return (
                Problem(
                    f.UNKNOWN_PERSON,
                    loc,
                    i18n._("{dotted}: no person '{pid}' in org.yaml").format(
                        dotted=dotted(loc), pid=pid
                    ),
                    _close(pid, self.people),
                ),
            )
        if on is not None and not person.active_on(on):
            return (
                Problem(
                    f.INACTIVE_PERSON,
                    loc,
                    i18n._("{dotted}: {name} ({pid}) was not in the unit on {on}").format(
                        dotted=dotted(loc), name=person.name, pid=pid, on=on
                    ),
                    i18n._("check 'since'/'until' in org.yaml"),
                ),
            )
        return ()

    def unit(self, loc: Loc, uid: str | None) -> tuple[Problem, ...]:
        if uid is None or uid in self.units:
            return ()
        return (
            Problem(
                f.UNKNOWN_UNIT,
                loc,
                i18n._("{dotted}: no unit '{uid}' in org.yaml").format(dotted=dotted(loc), uid=uid),
                _close(uid, self.units),
            ),
        )

    def record(self, loc: Loc, rid: str | None) -> tuple[Problem, ...]:
        if rid is None:
            return ()
        self.asked.add(rid)
        if rid in self.records:
            return ()
        return (
            Problem(
                f.UNKNOWN_REF,
                loc,
                i18n._("{dotted}: no record '{rid}' in the tree").format(
                    dotted=dotted(loc), rid=rid
                ),
            ),
        )

    def actions(self, field: str, actions: list[Action]) -> Iterator[Problem]:
        for n, act in enumerate(actions):
            yield from self.person((field, n, "owner"), act.owner)
            yield from self.person((field, n, "verified_by"), act.verified_by)
            if act.urged is not None:
                yield from self.person((field, n, "urged", "by"), act.urged.by)

    def signed(self, record: Model) -> Iterator[Problem]:
        withdrawn: Signed | None = getattr(record, "withdrawn", None)
        if withdrawn is not None:
            yield from self.person(("withdrawn", "by"), withdrawn.by)
        for n, amendment in enumerate(getattr(record, "amendments", [])):
            yield from self.person(("amendments", n, "by"), amendment.by)


def _close(word: str, choices: object) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1)  # type: ignore[call-overload]
    return i18n._("did you mean '{word}'?").format(word=close[0]) if close else ""


def record_id(result: FileResult) -> str | None:
    """The id a file adds to the tree's set of records (a salvaged record's too)."""
    rid = getattr(result.record or result.partial, "id", None)
    return rid if isinstance(rid, str) else None


def record_ids(results: Iterable[FileResult]) -> set[str]:
    return {rid for r in results if (rid := record_id(r)) is not None}


def file_reference_problems(result: FileResult, index: Index, tree: Tree) -> Iterator[Problem]:
    """The names one file's record uses that the tree does not define."""
    record = result.record or result.partial
    checker = _CHECKERS.get(models.exported_name(record) or "")
    if record is not None and checker is not None:
        yield from checker(record, index, tree)
        yield from index.signed(record)


def org_problems(tree: Tree, index: Index) -> Iterator[Problem]:
    seen: set[str] = set()
    groups: dict[str, list[str]] = {
        "units": [u.id for u in tree.org.units],
        "partners": [p.id for p in tree.org.partners],
        "people": [p.id for p in tree.org.people],
    }
    for group, ids in groups.items():
        for n, item_id in enumerate(ids):
            if item_id in seen:
                yield Problem(
                    f.ORG,
                    (group, n, "id"),
                    i18n._("id '{item_id}' is used twice in org.yaml").format(item_id=item_id),
                )
            seen.add(item_id)
    for n, unit in enumerate(tree.org.units):
        yield from index.unit(("units", n, "parent"), unit.parent)
    yield from _parent_cycles(tree)
    for n, person in enumerate(tree.org.people):
        yield from index.unit(("people", n, "unit"), person.unit)
        if person.since is not None and person.until is not None and person.until < person.since:
            yield Problem(
                f.DATE_ORDER,
                ("people", n, "until"),
                i18n._("{name} ({id}) left on {until}, before joining on {since}").format(
                    name=person.name, id=person.id, until=person.until, since=person.since
                ),
            )


def _parent_cycles(tree: Tree) -> Iterator[Problem]:
    """Units that are their own parent or ancestor: every walk up the tree must end."""
    first: dict[str, int] = {}
    for n, unit in enumerate(tree.org.units):
        first.setdefault(unit.id, n)
    for circle in circles({u.id: u.parent for u in tree.org.units}):
        loc = ("units", first[circle[0]], "parent")
        if len(circle) == 1:
            yield Problem(
                f.ORG, loc, i18n._("unit '{item}' is its own parent").format(item=circle[0])
            )
        else:
            yield Problem(
                f.ORG,
                loc,
                i18n._("units' parents go round in a circle: {join}").format(
                    join=" → ".join([*circle, circle[0]])
                ),
                i18n._("one unit of the circle must have another parent (or none, at the top)"),
            )


def circles(parents: Mapping[str, str | None]) -> Iterator[list[str]]:
    """Each circle of parent links once, from its first unit in ``parents``' order.

    Each unit is walked over once: a walk stops at a unit already known to end (or to be
    in a circle), so a long chain of units costs its length, not its square.
    """
    settled: set[str] = set()
    for start in parents:
        if start in settled:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        up: str | None = start
        while up is not None and up in parents and up not in on_path and up not in settled:
            path.append(up)
            on_path.add(up)
            up = parents[up]
        settled.update(path)
        if up is not None and up in on_path:
            yield path[path.index(up) :]


def _report(r: Report, ix: Index, tree: Tree) -> Iterator[Problem]:
    yield from ix.person(("reporter",), r.reporter, on=r.date)
    yield from ix.unit(("unit",), r.unit)
    if r.partner is not None and r.partner not in ix.partners:
        yield Problem(
            f.UNKNOWN_PARTNER,
            ("partner",),
            i18n._("no partner unit '{partner}' in org.yaml").format(partner=r.partner),
            _close(r.partner, ix.partners),
        )
    for n, pid in enumerate(r.persons):
        yield from ix.person(("persons", n), pid)
    if r.analysis is not None:
        yield from ix.person(("analysis", "by"), r.analysis.by)
    if r.adopted is not None:
        yield from ix.person(("adopted", "by"), r.adopted.by)
    yield from ix.actions("actions", r.actions)
    for n, rid in enumerate(r.links):
        yield from ix.record(("links", n), rid)
    if r.hazard is not None and r.hazard not in ix.hazards:
        yield Problem(
            f.UNKNOWN_REF,
            ("hazard",),
            i18n._("hazard: no hazard '{hazard}' in hazards.yaml").format(hazard=r.hazard),
            _close(r.hazard, ix.hazards),
        )


def _incident(i: Incident, ix: Index, tree: Tree) -> Iterator[Problem]:
    yield from ix.unit(("unit",), i.unit)
    if i.violation is not None:
        yield from ix.person(("violation", "person"), i.violation.person, on=i.date)
    for n, involved in enumerate(i.persons):
        yield from ix.person(("persons", n, "person"), involved.person)
    for n, resp in enumerate(i.responsibility):
        yield from ix.person(("responsibility", n, "person"), resp.person)
        yield from ix.unit(("responsibility", n, "unit"), resp.unit)
        yield from ix.person(("responsibility", n, "leader"), resp.leader)
    yield from ix.actions("measures", i.measures)
    for n, acc in enumerate(i.accountability):
        yield from ix.person(("accountability", n, "person"), acc.person)
    for n, edu in enumerate(i.education):
        yield from ix.person(("education", n, "by"), edu.by)
    if i.analysis is not None and i.analysis.meeting is not None:
        for n, pid in enumerate(i.analysis.meeting.attendees):
            yield from ix.person(("analysis", "meeting", "attendees", n), pid)
    for n, rid in enumerate(i.reports):
        yield from ix.record(("reports", n), rid)


def _pairing(p: Pairing, ix: Index, tree: Tree) -> Iterator[Problem]:
    yield from ix.person(("mentor",), p.mentor, on=p.start)
    yield from ix.person(("person",), p.person, on=p.start)
    yield from ix.unit(("unit",), p.unit)
    yield from ix.person(("assistant",), p.assistant)
    for n, review in enumerate(p.reviews):
        yield from ix.person(("reviews", n, "by"), review.by)
    mentor, person = ix.people.get(p.mentor), ix.people.get(p.person)
    if mentor is not None and not mentor.party_member:
        yield Problem(
            f.PAIRING_MENTOR,
            ("mentor",),
            i18n._("mentor {name} is not a party member").format(name=mentor.name),
        )
    if mentor is not None and person is not None and mentor.unit != person.unit:
        yield Problem(
            f.PAIRING_MENTOR,
            ("mentor",),
            i18n._("mentor {name} ({unit}) is not in {name2}'s unit ({unit2})").format(
                name=mentor.name, unit=mentor.unit, name2=person.name, unit2=person.unit
            ),
            i18n._("pair within the same post, duty and team (同岗位、同职责、同班组)"),
        )
    elif mentor is not None and person is not None and mentor.post != person.post:
        # a post said for one of them only is still a different post: both are said, or neither
        yield Problem(
            f.PAIRING_MENTOR,
            ("mentor",),
            i18n._("mentor {name} ({post}) does not hold {name2}'s post ({post2})").format(
                name=mentor.name,
                post=mentor.post or "—",
                name2=person.name,
                post2=person.post or "—",
            ),
            i18n._("pair within the same post, duty and team (同岗位、同职责、同班组)"),
        )
    yield from _assistant(p, ix, tree)


COMMITTEE_ROLES = frozenset({"committee", "secretary"})


def _assistant(p: Pairing, ix: Index, tree: Tree) -> Iterator[Problem]:
    """支委委员协助包保: the assistant holds a committee role in the person's own branch."""
    assistant, person = ix.people.get(p.assistant or ""), ix.people.get(p.person)
    if assistant is None or person is None:
        return
    branch = _branch(tree, person.unit)
    if not COMMITTEE_ROLES & set(assistant.roles):
        yield Problem(
            f.PAIRING_ASSISTANT,
            ("assistant",),
            i18n._("assistant {name} holds no branch committee role (支委委员)").format(
                name=assistant.name
            ),
            i18n._(
                "escalation adds a member of the branch committee: role 'committee' or 'secretary'"
            ),
        )
    elif branch is None or _branch(tree, assistant.unit) != branch:
        yield Problem(
            f.PAIRING_ASSISTANT,
            ("assistant",),
            i18n._(
                "assistant {name} ({unit}) is not on the committee of {name2}'s branch ({value})"
            ).format(
                name=assistant.name,
                unit=assistant.unit,
                name2=person.name,
                value=branch or person.unit,
            ),
        )


def _branch(tree: Tree, unit: str) -> str | None:
    units = {u.id: u for u in tree.org.units}
    current: str | None = unit
    seen: set[str] = set()
    while current is not None and current in units and current not in seen:
        if units[current].kind == "branch":
            return current
        seen.add(current)
        current = units[current].parent
    return None


def _assessment(a: Assessment, ix: Index, tree: Tree) -> Iterator[Problem]:
    if a.standard == "member":
        yield from ix.person(("subject",), a.subject)
    else:
        yield from ix.unit(("subject",), a.subject)
    yield from ix.person(("by",), a.by)
    standard = tree.standards.get(a.standard)
    if standard is None:
        yield Problem(
            f.UNKNOWN_ITEM,
            ("standard",),
            i18n._("no standards/{standard}.yaml in the tree").format(standard=a.standard),
        )
        return
    items = standard.items()
    for n, score in enumerate(a.items):
        item = items.get(score.item)
        if item is None:
            yield Problem(
                f.UNKNOWN_ITEM,
                ("items", n, "item"),
                i18n._("no item '{item}' in the {standard} standard").format(
                    item=score.item, standard=a.standard
                ),
                _close(score.item, items),
            )
        elif score.score > item.max:
            yield Problem(
                f.SCORE,
                ("items", n, "score"),
                i18n._("score {score:g} is above the maximum {max:g} of '{name}'").format(
                    score=score.score, max=item.max, name=item.name
                ),
            )
        elif a.status == "final" and standard.source_of(item) == "entered" and not score.evidence:
            yield Problem(
                f.SCORE_EVIDENCE,
                ("items", n),
                i18n._("'{name}' is scored by a person: say what the score rests on").format(
                    name=item.name
                ),
                i18n._("add 'evidence: [record ids, or what was seen]'"),
            )
    for n, deduction in enumerate(a.deductions):
        if deduction.item not in items:
            yield Problem(
                f.UNKNOWN_ITEM,
                ("deductions", n, "item"),
                i18n._("no item '{item}' in the {standard} standard").format(
                    item=deduction.item, standard=a.standard
                ),
                _close(deduction.item, items),
            )
        yield from ix.record(("deductions", n, "ref"), deduction.ref)


def _notice(n: NoticeEntry, ix: Index, tree: Tree) -> Iterator[Problem]:
    yield from ix.person(("by",), n.by)


def _returns(d: NilReturns, ix: Index, tree: Tree) -> Iterator[Problem]:
    yield from ix.person(("person",), d.person)
    for n, entry in enumerate(d.days):
        if d.person in ix.people:
            yield from ix.person(("days", n, "date"), d.person, on=entry.date)
        yield from ix.person(("days", n, "by"), entry.by)


def _roster(r: Roster, ix: Index, tree: Tree) -> Iterator[Problem]:
    for n, cycle in enumerate(r.cycles):
        yield from ix.unit(("cycles", n, "unit"), cycle.unit)
    for n, leave in enumerate(r.leave):
        yield from ix.person(("leave", n, "person"), leave.person)


def _roundup(u: Roundup, ix: Index, tree: Tree) -> Iterator[Problem]:
    yield from ix.unit(("unit",), u.unit)
    yield from ix.person(("by",), u.by)
    for field_name in ("open", "escalate", "violations", "weeks"):
        for n, rid in enumerate(getattr(u, field_name)):
            yield from ix.record((field_name, n), rid)
    for n, silent in enumerate(u.silent):
        if silent.who not in ix.people and silent.who not in ix.units:
            yield Problem(
                f.UNKNOWN_PERSON,
                ("silent", n, "who"),
                i18n._("silent.{n}.who: no person or unit '{who}' in org.yaml").format(
                    n=n, who=silent.who
                ),
            )


def _competence(c: Competence, ix: Index, tree: Tree) -> Iterator[Problem]:
    yield from ix.unit(("unit",), c.unit)
    yield from ix.person(("by",), c.by)
    for n, result in enumerate(c.results):
        yield from ix.person(("results", n, "person"), result.person, on=c.date)


def _key_person(k: KeyPerson, ix: Index, tree: Tree) -> Iterator[Problem]:
    yield from ix.person(("person",), k.person, on=k.proposed)
    yield from ix.unit(("unit",), k.unit)
    yield from ix.person(("by",), k.by)
    for n, signal in enumerate(k.signals):
        yield from ix.record(("signals", n, "ref"), signal.ref)
    yield from ix.record(("pairing",), k.pairing)
    paired = next((p for p in tree.pairings if p.id == k.pairing), None)
    if paired is not None and paired.person != k.person:
        yield Problem(
            f.VALUE,
            ("pairing",),
            i18n._("pairing {id} is for {person}, not {person2}").format(
                id=paired.id, person=paired.person, person2=k.person
            ),
        )


def _reward(w: Reward, ix: Index, tree: Tree) -> Iterator[Problem]:
    yield from ix.person(("person",), w.person)
    yield from ix.unit(("unit",), w.unit)
    yield from ix.record(("record",), w.record)


def _priorities(s: Priorities, ix: Index, tree: Tree) -> Iterator[Problem]:
    yield from ix.person(("by",), s.by, on=s.adopted)
    for n, item in enumerate(s.items):
        yield from ix.unit(("items", n, "unit"), item.unit)
        yield from ix.person(("items", n, "owner"), item.owner)
        for m, branch in enumerate(item.branches):
            yield from ix.unit(("items", n, "branches", m), branch)
        for m, partner in enumerate(item.partners):
            if partner not in ix.partners:
                yield Problem(
                    f.UNKNOWN_PARTNER,
                    ("items", n, "partners", m),
                    i18n._("no partner unit '{partner}' in org.yaml").format(partner=partner),
                    _close(partner, ix.partners),
                )
        for m, ref in enumerate(item.basis):
            yield from ix.record(("items", n, "basis", m), ref)


_CHECKERS: dict[str, Callable[[Any, Index, Tree], Iterator[Problem]]] = {
    "Competence": _competence,
    "KeyPerson": _key_person,
    "Reward": _reward,
    "Priorities": _priorities,
    "Report": _report,
    "Incident": _incident,
    "Pairing": _pairing,
    "Assessment": _assessment,
    "NoticeEntry": _notice,
    "NilReturns": _returns,
    "Roster": _roster,
    "Roundup": _roundup,
}
