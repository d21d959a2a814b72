"""Message catalogues: every user-facing string is written once, in English, and translated
by a gettext catalogue per language (``locale/<lang>/LC_MESSAGES/<domain>.po``).

Each area keeps its own domain (``barrier`` for messages, help and findings; ``labels`` for the
choice labels and field titles and help; one per document family), so the catalogues of a
language are chained into one lookup: every ``.po`` of the folder is a domain. The ``.po`` files are the
source; ``.mo`` files are compiled from them at build (``make``, or a wheel build) and, in a
source checkout where one is missing or older than its ``.po``, compiled in memory with Babel.

The language in force is set once per command (``use``), after ``--lang`` and the tree's
settings are known; library code calls ``_`` and gets that language.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Literal

import barrier_cli

Lang = Literal["zh", "en"]
"""The languages every message, label and document exists in."""

LOCALE = Path(barrier_cli.__file__).parent / "locale"
"""Where the catalogues live, inside the package."""

SOURCE_LANG: Lang = "en"
"""The language msgids are written in: it needs no catalogue."""

_current: ContextVar[Lang] = ContextVar("barrier_lang", default="en")


class CatalogueMissing(RuntimeError):
    """A catalogue was never compiled and Babel is not here to compile it."""


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """Every domain's catalogue of ``lang``, chained; the source language translates to itself."""
    chain: gettext.NullTranslations = gettext.NullTranslations()
    if lang == SOURCE_LANG:
        return chain
    folder = LOCALE / lang / "LC_MESSAGES"
    for po in sorted(folder.glob("*.po")):
        catalogue = _compiled(po)
        catalogue.add_fallback(chain)
        chain = catalogue
    return chain


def _compiled(po: Path) -> gettext.GNUTranslations:
    mo = po.with_suffix(".mo")
    try:
        if mo.stat().st_mtime >= po.stat().st_mtime:
            with mo.open("rb") as f:
                return gettext.GNUTranslations(f)
    except FileNotFoundError:
        pass
    return gettext.GNUTranslations(io.BytesIO(compile_po(po)))


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes of ``po``, through Babel (a build and development dependency)."""
    try:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
    except ImportError as e:
        raise CatalogueMissing(
            f"{po.with_suffix('.mo')} is not compiled; run `make` (or install Babel)"
        ) from e
    with po.open("rb") as f:
        catalogue = read_po(f, abort_invalid=True)
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def use(lang: Lang) -> None:
    """Make ``lang`` the language of every message from here on (one command's run)."""
    _current.set(lang)


@contextmanager
def using(lang: Lang) -> Iterator[None]:
    """``lang`` in force inside the block only (a layer that words messages its own way)."""
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def current() -> Lang:
    return _current.get()


def _(message: str) -> str:
    """``message`` in the language in force."""
    return translations(_current.get()).gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` in the language in force, as said in ``context`` (``msgctxt``): one English
    word the language says differently in two places ("member" as a tier and as a level)."""
    return translations(_current.get()).pgettext(context, message)


def join(items: Iterable[str]) -> str:
    """``items`` listed as the language in force lists them ("a, b" or "a、b")."""
    return _(", ").join(items)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_current.get()).ngettext(singular, plural, n)


_EN_SMALL = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def counted(n: int, lang: str | None = None, *, capital: bool = False) -> str:
    """``n`` as running text says a count: English spells one to nine ("four near misses",
    "Four members failed" with ``capital`` at a sentence's start); Chinese keeps the digits
    a 公文 uses (4条, 4名). Larger numbers stay digits in both."""
    text = str(n)
    if (lang or _current.get()) == "en" and 1 <= n <= len(_EN_SMALL):
        text = _EN_SMALL[n - 1]
    return text[:1].upper() + text[1:] if capital else text


def in_lang(lang: str, message: str) -> str:
    """``message`` in ``lang``, whatever is in force (documents choose their own language)."""
    return translations(lang).gettext(message)
