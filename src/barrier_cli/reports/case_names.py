"""How the documents name a case: who did it in front of what happened, as a 公文 does
(检车员孙浩在列车未停稳时跨越车钩), and the team it happened in. The analysis, the notice and
the deficiencies all say a case so."""

from __future__ import annotations

from barrier_cli.core.labels import Lang, label
from barrier_cli.core.models import Incident
from barrier_cli.io.loader import Tree

_POSTS = ("duty_officer", "team_leader", "foreman", "inspector")
"""The roles a 公文 names a worker by (检车员孙浩), the first one held."""


def case_subject(tree: Tree, incident: Incident, lang: Lang) -> str:
    """What happened, with who did it in front as a 公文 names them (检车员孙浩在列车未停稳时
    跨越车钩): the title, the rule-breaker's name put first when the title leaves it out,
    and their post before the name."""
    subject = incident.title
    if incident.violation is None or lang == "en":
        return subject  # in English the record's own words are quoted: the persons said apart
    person = next((p for p in tree.org.people if p.id == incident.violation.person), None)
    doer = person.name if person is not None else incident.violation.person
    if doer not in subject:
        subject = doer + subject
    if person is None or not subject.startswith(doer):
        return subject
    post = person.post or next((label("role", r, lang) for r in _POSTS if r in person.roles), "")
    return post + subject


def case_team(tree: Tree, incident: Incident) -> str:
    """The unit a case happened in, as a sentence names it (三班二组, 三班 rather than
    三班党支部)."""
    name = next((u.name for u in tree.org.units if u.id == incident.unit), incident.unit)
    return name.removesuffix("党支部")
