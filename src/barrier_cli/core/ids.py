"""New record ids, and reading the ids people type.

An id is ``<prefix>-YYYYMMDD-<suffix>``: the record's own date, then a random suffix from
``random_suffix``. Randomness, not a counter, is what keeps two clones adding records
in the same second from colliding without talking to each other; the rare collision left
(the file already exists) is caught by ``store.create`` and retried with a new suffix.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput

# Crockford's base32 without I, L, O, U: readable when copied by hand from a terminal.
ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

PREFIX = {"report": "R", "incident": "I", "pairing": "P"}
SUFFIX_LENGTH = {"report": 4, "incident": 2, "pairing": 2}
_UPPER_ONLY = re.compile(r"^(?:[A-Za-z]-[0-9]{8}-[A-Za-z0-9]{2,4}|[Nn]-[0-9]{4}-[0-9]{3})(?:/|$)")
"""The shapes of ids that hold no lower case: a date and a random suffix, a notice number."""
_REF = re.compile(r"^(?P<id>[A-Z]-[A-Za-z0-9_.\-]+?)(?:/(?P<n>\d+))?$")


def random_suffix(length: int) -> str:
    """A suffix that two clones writing in the same second will not share (32**length ways)."""
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(length))


def new_id(kind: str, day: dt.date) -> str:
    """A fresh id for a record of ``kind`` dated ``day``."""
    return f"{PREFIX[kind]}-{day:%Y%m%d}-{random_suffix(SUFFIX_LENGTH[kind])}"


def parse_ref(text: str) -> tuple[str, int | None]:
    """``R-20261103-7K2Q/2`` → ``("R-20261103-7K2Q", 2)``: a record and a 1-based item number.

    Ids made of a date and a random suffix are stored in upper case, so they may be typed in
    any case (a terminal user may not hold shift). Ids that end in a person's or unit's id
    (``A-2025-09-wu_lei``) are looked up as typed, but for their first letter: ids are
    case-sensitive, and upper-casing would name a record that does not exist.
    """
    text = text.strip()
    text = text.upper() if _UPPER_ONLY.match(text) else text[:1].upper() + text[1:]
    match = _REF.match(text)
    if match is None:
        raise InvalidInput(
            i18n._(
                "{text!r} is not a record id (like R-20261103-7K2Q or R-20261103-7K2Q/2)"
            ).format(text=text)
        )
    n = match.group("n")
    if n is not None and int(n) < 1:
        raise InvalidInput(i18n._("{text!r}: items are numbered from 1").format(text=text))
    return match.group("id"), int(n) if n is not None else None
