"""standards/*.yaml: what a branch or a member is assessed on, and each item's maximum."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from barrier_cli.models.common import LocalId, Model, OneLine, Text

Source = Literal["derived", "entered"]


class StandardItem(Model):
    id: LocalId
    name: OneLine
    max: float = Field(gt=0)
    description: Text | None = None
    source: Source | None = None
    """derived from the records, or entered by a person with evidence; by default derived
    when the item takes deductions (``rules``, or the built-in ones), else entered."""
    rules: dict[LocalId, float] = {}
    """Shortfall → points per occurrence (see `assess.DEFAULT_RULES` for the shortfalls)."""


class Aspect(Model):
    id: LocalId
    name: OneLine
    items: list[StandardItem] = Field(min_length=1)


class Standard(Model):
    id: Literal["branch", "member"]
    name: OneLine
    pass_mark: float | None = Field(default=None, ge=0)
    aspects: list[Aspect] = Field(min_length=1)

    def items(self) -> dict[str, StandardItem]:
        return {item.id: item for aspect in self.aspects for item in aspect.items}

    def rules(self, defaults: dict[str, tuple[str, float]]) -> dict[str, tuple[str, float]]:
        """Shortfall → (item, points): the items' own rules, else ``defaults``."""
        own = {rule: (i.id, pts) for i in self.items().values() for rule, pts in i.rules.items()}
        return own or defaults

    def source_of(self, item: StandardItem, defaults: dict[str, tuple[str, float]]) -> Source:
        if item.source is not None:
            return item.source
        targets = {target for target, _ in self.rules(defaults).values()}
        return "derived" if item.id in targets else "entered"
