"""What a question needs to know about the tree: people, units, partners, values seen before.

All of it comes from the tree's index (`index.Basis`), never from reading the tree. The
index may still be loading (``Deferred``): the first question, the date, needs none of it,
so `report add` shows it at once and reads the index while the person types (``warm``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Generic, TypeVar

from barrier_cli.core.labels import Lang

if TYPE_CHECKING:
    from barrier_cli.core.lookup import Lookup, Table
    from barrier_cli.core.models import Partner, Person, Unit
    from barrier_cli.io.index import Basis

T = TypeVar("T")


class Deferred(Generic[T]):
    """A value made in a background thread once ``start`` is called, or here on ``get``."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._thread: threading.Thread | None = None
        self._value: T | None = None
        self._error: BaseException | None = None
        self._done = False
        # `start` runs in the prompt's thread, `get` in the main one: a thread seen by `get`
        # must already be started, and a value made here must not be made there as well.
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._thread is None and not self._done:
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

    def get(self) -> T:
        with self._lock:
            thread = self._thread
            if thread is None and not self._done:
                self._run()
        if thread is not None:
            thread.join()
        if self._error is not None:
            raise self._error
        assert self._done
        return self._value  # type: ignore[return-value]

    def _run(self) -> None:
        try:
            self._value = self._make()
        except BaseException as e:  # re-raised by get(), in the thread that needs the value
            self._error = e
        self._done = True


@dataclass
class EntryContext:
    source: Basis | Deferred[Basis]
    today: dt.date
    lang: Lang
    remembered: dict[str, str] = field(default_factory=dict)
    """Answers kept from the last entry (the reporter), from ``state``."""
    _lookups: dict[Table, Lookup] = field(default_factory=dict, init=False, repr=False)

    def warm(self) -> None:
        """Start reading the index in the background, if it is not read yet."""
        if isinstance(self.source, Deferred):
            self.source.start()

    @cached_property
    def basis(self) -> Basis:
        return self.source.get() if isinstance(self.source, Deferred) else self.source

    @cached_property
    def people(self) -> dict[str, Person]:
        return {p.id: p for p in self.basis.org.people}

    @cached_property
    def units(self) -> dict[str, Unit]:
        return {u.id: u for u in self.basis.org_of(frozenset()).units}

    @cached_property
    def partners(self) -> dict[str, Partner]:
        return {p.id: p for p in self.basis.org_of(frozenset()).partners}

    def person(self, pid: str) -> Person | None:
        """One person, without validating every other one unless they are already (flags
        name a few people; the prompts offer them all)."""
        if "people" in self.__dict__:
            return self.people.get(pid)
        return self.basis.person(pid)

    @cached_property
    def seen(self) -> dict[str, list[str]]:
        from barrier_cli.io.index import seen_values

        return seen_values(self.basis.files())

    @cached_property
    def reports(self) -> list[tuple[str, str]]:
        """Every report's id and the start of its summary, for links."""
        return [(e.id, e.headline) for _, e in self.basis.files() if e.kind == "report" and e.id]

    def lookup(self, table: Table) -> Lookup:
        """The one resolver of names, pinyin and initials for people, units or partners."""
        from barrier_cli.core.lookup import Lookup

        if table not in self._lookups:
            self._lookups[table] = Lookup.of(self.basis.org, table)
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
        person = self.person(person_id) if isinstance(person_id, str) else None
        return person.unit if person is not None else None
