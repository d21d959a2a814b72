"""What a question needs to know about the tree: people, units, partners, values seen before."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from barrier_cli.labels import Lang
from barrier_cli.loader import Tree
from barrier_cli.lookup import Lookup, Table
from barrier_cli.models import Partner, Person, Unit

SEEN_FIELDS = ("train", "vehicle", "location")


@dataclass
class EntryContext:
    tree: Tree
    today: dt.date
    lang: Lang
    remembered: dict[str, str] = field(default_factory=dict)
    """Answers kept from the last entry (the reporter), from ``state``."""

    def __post_init__(self) -> None:
        org = self.tree.org
        self.people: dict[str, Person] = {p.id: p for p in org.people}
        self.units: dict[str, Unit] = {u.id: u for u in org.units}
        self.partners: dict[str, Partner] = {p.id: p for p in org.partners}
        self.seen: dict[str, list[str]] = _seen_values(self.tree)
        self._lookups: dict[Table, Lookup] = {}

    def lookup(self, table: Table) -> Lookup:
        """The one resolver of names, pinyin and initials for people, units or partners."""
        if table not in self._lookups:
            self._lookups[table] = Lookup.of(self.tree.org, table)
        return self._lookups[table]

    def table(self, ref: str) -> Mapping[str, Person | Unit | Partner]:
        """The org.yaml table a reference names: people, units or partners by id."""
        tables: dict[str, Mapping[str, Person | Unit | Partner]] = {
            "person": self.people,
            "unit": self.units,
            "partner": self.partners,
        }
        return tables.get(ref, {})

    def unit_of(self, person_id: object) -> str | None:
        person = self.people.get(person_id) if isinstance(person_id, str) else None
        return person.unit if person is not None else None


def _seen_values(tree: Tree) -> dict[str, list[str]]:
    """Trains, vehicles and locations already in reports and incidents, most used first."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in SEEN_FIELDS}
    for record in [*tree.reports, *tree.incidents]:
        for name in SEEN_FIELDS:
            value = getattr(record, name, None)
            if value:
                counts[name][value] += 1
    return {name: [v for v, _ in c.most_common()] for name, c in counts.items()}
