"""A review of a pairing (包保跟踪): the same prompts, flags and checks as any entry, then an
append.

The review is checked as the pairing it will be part of, by the checker's functions (a
review dated in the future, a reviewer not in org.yaml, a control character in the note),
exactly as `report add` checks a report: at each prompt, and before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import ValidationError

from barrier_cli.checks.entry import basis_problems, describe
from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput, RecordNotFound
from barrier_cli.core.ids import parse_ref
from barrier_cli.core.labels import Lang
from barrier_cli.core.models.common import Model, Problem
from barrier_cli.core.models.pairing import Pairing, Review
from barrier_cli.io.index import basis
from barrier_cli.io.loader import read_file
from barrier_cli.io.schema_errors import problems_from
from barrier_cli.write.edit import Edited, add_review
from barrier_cli.write.entry.add import (
    entry_context,
    fill_defaults,
    parse_flags,
    probe,
    record_data,
)
from barrier_cli.write.entry.forms import REVIEW
from barrier_cli.write.entry.session import Complaint, Prompter, Session


def review_pairing(
    *,
    root: Path,
    record_id: str,
    flags: Mapping[str, object],
    lang: Lang | None = None,
    prompter: Prompter | None = None,
) -> Edited:
    ctx = entry_context(basis(root), lang)
    wanted, _ = parse_ref(record_id)
    # Only the file the index says holds the id is read, not the tree.
    held = (read_file(root, rel).record for rel in ctx.basis.holders(wanted))
    pairing = next((p for p in held if isinstance(p, Pairing) and p.id == wanted), None)
    if pairing is None:
        raise RecordNotFound(
            i18n.in_lang(ctx.lang, "no pairing '{id}' in the tree").format(id=wanted)
        )
    standing = {describe(p) for p in basis_problems(ctx.basis, "pairing", pairing, ctx.today)}

    def draft(answers: Mapping[str, object]) -> tuple[Model | None, list[Problem]]:
        """The review's own problems, located at its fields: its schema, then what the
        pairing with it appended breaks that it did not break before."""
        try:
            review = Review.model_validate(record_data(REVIEW, dict(answers), {}))
        except ValidationError as e:
            return None, problems_from(e, Review)
        updated = pairing.model_copy(update={"reviews": [*pairing.reviews, review]})
        found = basis_problems(ctx.basis, "pairing", updated, ctx.today)
        return review, [_in_review(p) for p in found if describe(p) not in standing]

    def complaints(answers: Mapping[str, object]) -> list[Complaint]:
        return [(_field(p), describe(p, ctx.lang, Review)) for p in draft(answers)[1]]

    given = parse_flags(REVIEW, flags, ctx)
    if prompter is not None:
        session = Session(REVIEW, ctx, prompter, probe=probe(REVIEW, ctx, draft))
        answers = session.run(given, complaints)
    else:
        answers = fill_defaults(REVIEW, given, ctx)
    problems = draft(answers)[1]
    if problems:
        raise InvalidInput(
            i18n.in_lang(
                ctx.lang,
                "the review would not pass 'barrier check': {problems}; nothing was written",
            ).format(
                problems=i18n.in_lang(ctx.lang, "; ").join(
                    describe(p, ctx.lang, Review) for p in problems
                )
            )
        )
    return add_review(root=root, record_id=wanted, review=answers)


def _in_review(problem: Problem) -> Problem:
    """A problem at ``reviews/N.field`` of the pairing as one at ``field`` of the review."""
    loc = problem.loc
    if len(loc) >= 3 and loc[0] == "reviews":
        loc = loc[2:]
    return Problem(problem.code, loc, problem.message, problem.hint, problem.on_key)


def _field(problem: Problem) -> str | None:
    name = next((p for p in problem.loc if isinstance(p, str)), None)
    return name if name in Review.model_fields else None
