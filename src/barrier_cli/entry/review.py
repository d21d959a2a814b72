"""A review of a pairing (包保跟踪): the same prompts or flags as any entry, then an append."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from barrier_cli.edit import Edited, add_review
from barrier_cli.entry.add import entry_context, fill_defaults, parse_flags
from barrier_cli.entry.forms import REVIEW
from barrier_cli.entry.session import Prompter, Session
from barrier_cli.labels import Lang
from barrier_cli.loader import load_tree


def review_pairing(
    *,
    root: Path,
    record_id: str,
    flags: Mapping[str, object],
    lang: Lang | None = None,
    prompter: Prompter | None = None,
) -> Edited:
    ctx = entry_context(load_tree(root, cache=True), lang)
    given = parse_flags(REVIEW, flags, ctx)
    if prompter is not None:
        answers = Session(REVIEW, ctx, prompter).run(given, lambda _: [])
    else:
        answers = fill_defaults(REVIEW, given, ctx)
    return add_review(root=root, record_id=record_id, review=answers)
