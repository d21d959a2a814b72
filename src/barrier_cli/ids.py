"""New record ids, and reading the ids people type.

An id is ``<prefix>-YYYYMMDD-<suffix>``: the record's own date, then a random suffix from
``store.random_suffix``. Randomness, not a counter, is what keeps two clones adding records
in the same second from colliding without talking to each other; the rare collision left
(the file already exists) is caught by ``store.create`` and retried with a new suffix.
"""

from __future__ import annotations

import datetime as dt
import re

from barrier_cli.errors import InvalidInput
from barrier_cli.store import random_suffix

PREFIX = {"report": "R", "incident": "I", "pairing": "P"}
SUFFIX_LENGTH = {"report": 4, "incident": 2, "pairing": 2}
KIND_OF_PREFIX = {
    "R": "report",
    "I": "incident",
    "P": "pairing",
    "A": "assessment",
    "N": "notice",
    "C": "competence",
    "K": "keyperson",
    "W": "reward",
    "S": "priorities",
}
_REF = re.compile(r"^(?P<id>[A-Z]-[A-Za-z0-9_.\-]+?)(?:/(?P<n>\d+))?$")


def new_id(kind: str, day: dt.date) -> str:
    """A fresh id for a record of ``kind`` dated ``day``."""
    return f"{PREFIX[kind]}-{day:%Y%m%d}-{random_suffix(SUFFIX_LENGTH[kind])}"


def kind_of(record_id: str) -> str | None:
    """The kind an id names by its prefix ('R-…' is a report), or None."""
    head, sep, _ = record_id.partition("-")
    return KIND_OF_PREFIX.get(head) if sep else None


def parse_ref(text: str) -> tuple[str, int | None]:
    """``R-20261103-7K2Q/2`` → ``("R-20261103-7K2Q", 2)``: a record and a 1-based item number.

    Ids are case-insensitive to type (a terminal user may not hold shift); they are stored in
    upper case.
    """
    match = _REF.match(text.strip().upper())
    if match is None:
        raise InvalidInput(
            f"{text!r} is not a record id (like R-20261103-7K2Q or R-20261103-7K2Q/2)"
        )
    n = match.group("n")
    if n is not None and int(n) < 1:
        raise InvalidInput(f"{text!r}: items are numbered from 1")
    return match.group("id"), int(n) if n is not None else None
