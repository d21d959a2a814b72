"""How the analysis names the general branch, which is both a reporter and the issuer."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Protocol, TypeVar

from barrier_cli.core.i18n import in_lang
from barrier_cli.core.labels import Lang
from barrier_cli.io.loader import Tree


def issuer_cell(tree: Tree) -> str:
    """The issuer as a table cell or a label line names it: the settings give it as running
    text says it ("the General Branch"), and a cell does not open with the article."""
    issuer = tree.settings.notice.issuer
    return issuer[len("the ") :] if issuer.startswith("the ") else issuer


def cadres_named(tree: Tree, lang: Lang) -> Tree:
    """``tree`` with the general branch's own reports named as its cadres' (车间党总支（干部）,
    as the notice says): the document is the general branch's, and a row or a list naming
    the whole issuing body among the branches would read as if it reported on itself."""
    own = in_lang(lang, "{issuer} cadres").format(issuer=issuer_cell(tree))
    units = [
        u.model_copy(update={"name": own}) if u.kind == "general_branch" else u
        for u in tree.org.units
    ]
    return dataclasses.replace(tree, org=tree.org.model_copy(update={"units": units}))


class _Named(Protocol):
    @property
    def unit_name(self) -> str: ...


N = TypeVar("N", bound=_Named)


def in_cells(tree: Tree, rows: Sequence[N]) -> list[N]:
    """``rows`` with the issuer, named as running text names it when it answers for a
    priority, named as a cell names it (the analysis prints 责任单位 in a table or a label
    line; the notice, in a sentence, keeps the article)."""
    said, cell = tree.settings.notice.issuer, issuer_cell(tree)
    return [
        dataclasses.replace(r, unit_name=cell) if r.unit_name == said else r  # type: ignore[type-var]
        for r in rows
    ]
