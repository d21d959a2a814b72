"""standards/*.yaml: what a branch or a member is assessed on, and each item's maximum."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from barrier_cli.models.common import LocalId, Model, OneLine, Points, Text


class StandardItem(Model):
    id: LocalId
    name: OneLine
    max: Annotated[Points, Field(gt=0)]
    description: Text | None = None


class Aspect(Model):
    id: LocalId
    name: OneLine
    items: list[StandardItem] = Field(min_length=1)


class Standard(Model):
    id: Literal["branch", "member"]
    name: OneLine
    pass_mark: Points | None = None
    aspects: list[Aspect] = Field(min_length=1)

    def items(self) -> dict[str, StandardItem]:
        return {item.id: item for aspect in self.aspects for item in aspect.items}
