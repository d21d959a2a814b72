"""How the analysis names the general branch, which is both a reporter and the issuer."""

from __future__ import annotations

import dataclasses

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
    own = in_lang(lang, "{issuer} (cadres)").format(issuer=issuer_cell(tree))
    units = [
        u.model_copy(update={"name": own}) if u.kind == "general_branch" else u
        for u in tree.org.units
    ]
    return dataclasses.replace(tree, org=tree.org.model_copy(update={"units": units}))
