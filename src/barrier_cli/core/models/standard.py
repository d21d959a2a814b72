"""standards/*.yaml: what a branch or a member is assessed on, and each item's maximum."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from barrier_cli.core.models.common import LocalId, Model, OneLine, Points, Text

Source = Literal["derived", "entered"]

DEFAULT_RULES: dict[str, tuple[str, float]] = {
    "missed_reports": ("info_network", 2),
    "low_quality": ("info_quality", 0.5),
    "late_analysis": ("info_quality", 0.5),
    "shallow_analysis": ("info_quality", 1),
    "unassigned_action": ("info_quality", 0.5),
    "violation_unanalysed": ("violation_analysis", 2),
    "closed_against_rule": ("serious_cases", 4),
    "no_handover": ("serious_cases", 10),
    "serious_accident": ("post_area", 10),
    "accident": ("post_area", 5),
    "violation": ("post_area", 1),
    "precursor": ("post_area", 1),
    "pairing_no_review": ("key_persons", 1),
    "pairing_overdue": ("key_persons", 2),
    "key_person_unpaired": ("key_persons", 2),
    "overdue_action": ("projects", 1),
    "no_activity": ("activities", 3),
}
"""Shortfall → (branch item id, points per occurrence), for a standard that sets none.
A 两违 costs its points times its grade's weight (``cases.grade_weights``)."""

MEMBER_RULES: dict[str, tuple[str, float]] = {
    "knows_failed": ("knows", 25),
    "skills_failed": ("skills", 25),
    "missed": ("no_violation", 25),
    "violation_a": ("no_violation", 25),
    "violation_b": ("no_violation", 10),
    "responsible": ("no_accident", 25),
    "involved": ("no_accident", 10),
    "nearby": ("no_accident", 5),
}
"""Member shortfall → (member item id, points), for a member standard that sets none."""


class StandardItem(Model):
    id: LocalId
    name: OneLine
    name_en: OneLine | None = None
    """The name English documents print; without it they print ``name``."""
    max: Annotated[Points, Field(gt=0)]
    description: Text | None = None
    source: Source | None = None
    """derived from the records, or entered by a person with evidence; by default derived
    when the item takes deductions (``rules``, or the built-in ones), else entered."""
    rules: dict[LocalId, float] = {}
    """Shortfall → points per occurrence (`DEFAULT_RULES` and `MEMBER_RULES` name them)."""


class Aspect(Model):
    id: LocalId
    name: OneLine
    name_en: OneLine | None = None
    items: list[StandardItem] = Field(min_length=1)


class Standard(Model):
    id: Literal["branch", "member"]
    name: OneLine
    name_en: OneLine | None = None
    pass_mark: Points | None = None
    aspects: list[Aspect] = Field(min_length=1)

    def items(self) -> dict[str, StandardItem]:
        return {item.id: item for aspect in self.aspects for item in aspect.items}

    @property
    def defaults(self) -> dict[str, tuple[str, float]]:
        return DEFAULT_RULES if self.id == "branch" else MEMBER_RULES

    def rules(self) -> dict[str, tuple[str, float]]:
        """Shortfall → (item, points): the items' own rules, else the built-in ones."""
        own = {rule: (i.id, pts) for i in self.items().values() for rule, pts in i.rules.items()}
        return own or self.defaults

    def source_of(self, item: StandardItem) -> Source:
        if item.source is not None:
            return item.source
        targets = {target for target, _ in self.rules().values()}
        return "derived" if item.id in targets else "entered"
