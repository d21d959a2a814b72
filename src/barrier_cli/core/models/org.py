"""org.yaml: units, partner units and people."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from barrier_cli.core.models.common import Day, LocalId, Model, OneLine, empty_list

UnitKind = Literal["general_branch", "branch", "group"]
Role = Literal[
    "group_leader",
    "secretary",
    "committee",
    "foreman",
    "team_leader",
    "duty_officer",
    "inspector",
    "info_officer",
    "cadre",
]


class Unit(Model):
    id: LocalId
    name: OneLine
    name_en: OneLine | None = None
    """The name English documents print; without it they print ``name``."""
    kind: UnitKind
    parent: LocalId | None = None


class Partner(Model):
    id: LocalId
    name: OneLine
    name_en: OneLine | None = None


class Person(Model):
    id: LocalId
    name: OneLine
    name_en: OneLine | None = None
    """The name English documents print; without it they print ``name`` in pinyin."""
    unit: LocalId
    party_member: bool = False
    post: OneLine | None = None
    """The job held (岗位: 列检员, 车辆钳工, 值班员 …): a mentor shares it (同岗位)."""
    roles: list[Role] = empty_list()
    since: Day | None = None
    until: Day | None = None

    def active_on(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )

    def active_in(self, first: dt.date, last: dt.date) -> bool:
        """Whether the person was in the unit on any day of [first, last]."""
        return (self.since is None or self.since <= last) and (
            self.until is None or first <= self.until
        )


class Org(Model):
    units: list[Unit] = empty_list()
    partners: list[Partner] = empty_list()
    people: list[Person] = empty_list()
