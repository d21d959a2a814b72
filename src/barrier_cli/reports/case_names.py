"""How the documents name a case: who did it in front of what happened, as a 公文 does
(检车员孙浩在列车未停稳时跨越车钩), and the team it happened in. The analysis, the notice and
the deficiencies all say a case so.

A case is told in full (`case_account`) from its record's account of what happened, who did
it and what followed, its kind (构成一般A类事故) from its class; it is named short by its
date, its title and its kind (10月9日33062次晚点一般A类事故), never by a title read as what a
team did.
"""

from __future__ import annotations

import re

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


_KIND_CLAUSE = re.compile(r"[，,；;]\s*(?:构成|定性为)[^，,。；;]*[。.]?\s*$")
"""The account's own closing 性质 clause (，构成一般A类事故): the kind is said from the class."""


def case_account(incident: Incident) -> str:
    """What happened, who did it and what followed, from the record, without its date and
    kind (the sentence that tells it adds both): 新运行图实行首日，四班值班员秦宝山未掌握新图
    作业时分，…致33062次列车晚点开车. '' for a record without an account: the document says
    its team and subject instead."""
    text = _KIND_CLAUSE.sub("", (incident.description or "").strip())
    return text.rstrip("。.；; ")


def case_team(tree: Tree, incident: Incident) -> str:
    """The unit a case happened in, as a sentence names it (三班二组, 三班 rather than
    三班党支部)."""
    name = next((u.name for u in tree.org.units if u.id == incident.unit), incident.unit)
    return name.removesuffix("党支部").removesuffix(" branch")


def earlier_in_year(tree: Tree, incident: Incident) -> list[Incident]:
    """The cases of ``incident``'s type and class in the same calendar year before it, oldest
    first: what makes an accident "本年第三起一般A类事故" (3月14日三班、6月21日二班)."""
    return sorted(
        (
            i
            for i in tree.incidents
            if i.id != incident.id
            and i.type == incident.type
            and i.class_ == incident.class_
            and i.date.year == incident.date.year
            and (i.date, i.id) < (incident.date, incident.id)
        ),
        key=lambda i: (i.date, i.id),
    )
