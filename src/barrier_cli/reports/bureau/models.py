"""The bureau tree (分局党委组织部): ``bureau.yaml`` and the department's own small records.

``bureau.yaml`` lists the member units (id, name, system 机/车/工/电/辆, where the unit's
records tree is) and the thresholds of the monthly 通报. The department's own records live
one file per record, in a folder per kind, the file stem equal to the id:

    handovers/BH-YYYYMMDD-XX.yaml         交班 received from a unit (a typical case)
    visits/BV-YYYYMMDD-XX.yaml            剖析 visit to a unit's branch
    guidance/BG-YYYYMMDD-XX.yaml          guidance, training class or competition
    reorganisations/BO-YYYYMMDD-XX.yaml   a branch reorganised or strengthened

Every model is strict like the workshop records: unknown keys are errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import Field, ValidationError, model_validator

from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.models.common import Day, LocalId, Model, OneLine, RecordModel, Text, UnitId
from barrier_cli.io.schema_errors import problems_from
from barrier_cli.io.yamlio import ParseProblem, decode, load_text, locate, read_bytes

BUREAU_FILE = "bureau.yaml"
M = TypeVar("M", bound=Model)
System = Literal["机", "车", "工", "电", "辆"]


class GitSource(Model):
    """A unit's records tree in a git repository the bureau clones into its cache."""

    url: OneLine
    ref: OneLine = "HEAD"
    records: OneLine = "records"
    """Where the records tree sits inside the repository."""


class MemberUnit(Model):
    id: LocalId
    name: OneLine
    system: System
    path: OneLine | None = None
    """A records tree on this machine, relative to the bureau tree or absolute."""
    submodule: OneLine | None = None
    """A git submodule of the bureau repository holding ``records/``, relative to the bureau
    tree (which is then the repository's top folder)."""
    git: GitSource | None = None

    @model_validator(mode="after")
    def _one_source(self) -> MemberUnit:
        given = [n for n in ("path", "submodule", "git") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError(f"unit {self.id}: give exactly one of path, submodule or git")
        return self


class Thresholds(Model):
    """Where a unit's figure becomes a shortcoming named in the 通报."""

    missed_share: float = Field(0.2, ge=0, le=1)
    """漏报: share of the member tier's duty days without feedback."""
    unanalysed_share: float = Field(0.3, ge=0, le=1)
    """Share of the month's reports still not analysed at month end, past ``analyse_days``."""
    analyse_days: int = Field(3, ge=0, le=365)


class Bureau(Model):
    name: OneLine = "分局党委组织部"
    issuer: OneLine = "分局党委组织部"
    number: OneLine = "组织部〔{year}〕{month}号"
    dataset: OneLine = "ledger"
    """The bureau's ledger (基本数据台帐), relative to the bureau tree."""
    cache: OneLine = ".barrier-bureau"
    """Where units given by git URL are cloned, relative to the bureau tree."""
    thresholds: Thresholds = Field(default_factory=Thresholds)
    units: list[MemberUnit] = []

    @model_validator(mode="after")
    def _unique_units(self) -> Bureau:
        seen: set[str] = set()
        for unit in self.units:
            if unit.id in seen:
                raise ValueError(f"unit id {unit.id} is listed twice")
            seen.add(unit.id)
        return self

    def unit(self, unit_id: str) -> MemberUnit:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise InvalidInput(f"{BUREAU_FILE}: no unit {unit_id!r}")


class BureauHandover(RecordModel):
    """交班: a unit hands a typical case over to the department."""

    id: Annotated[str, Field(pattern=r"^BH-[0-9]{8}-[0-9A-Z]{2}$")]
    date: Day
    unit: UnitId
    case: LocalId
    """The incident id in the unit's tree."""
    summary: OneLine


class BureauVisit(RecordModel):
    """剖析: the department visits the branch where a case happened and analyses it."""

    id: Annotated[str, Field(pattern=r"^BV-[0-9]{8}-[0-9A-Z]{2}$")]
    date: Day
    unit: UnitId
    branch: OneLine
    case: LocalId | None = None
    summary: OneLine
    report: Text | None = None


class BureauGuidance(RecordModel):
    """Guidance to units, a training class (培训班) or a competition (竞赛)."""

    id: Annotated[str, Field(pattern=r"^BG-[0-9]{8}-[0-9A-Z]{2}$")]
    date: Day
    kind: Literal["guidance", "training", "competition"]
    units: list[UnitId] = []
    """The units it reached; empty: every unit."""
    summary: OneLine


class BureauReorganisation(RecordModel):
    """A branch reorganised (调整) or strengthened (整顿) as a weak branch."""

    id: Annotated[str, Field(pattern=r"^BO-[0-9]{8}-[0-9A-Z]{2}$")]
    date: Day
    unit: UnitId
    branch: OneLine
    action: Literal["reorganised", "strengthened"]
    summary: OneLine


OWN_KINDS: dict[str, type[RecordModel]] = {
    "handovers": BureauHandover,
    "visits": BureauVisit,
    "guidance": BureauGuidance,
    "reorganisations": BureauReorganisation,
}


@dataclass(frozen=True)
class BureauTree:
    root: Path
    bureau: Bureau
    handovers: list[BureauHandover] = field(default_factory=list)
    visits: list[BureauVisit] = field(default_factory=list)
    guidance: list[BureauGuidance] = field(default_factory=list)
    reorganisations: list[BureauReorganisation] = field(default_factory=list)

    @property
    def dataset(self) -> Path:
        return self.root / self.bureau.dataset


def read_model(path: Path, model: type[M], rel: str) -> M:
    """One YAML file as ``model``; InvalidInput naming ``rel``, line and column otherwise."""
    try:
        text = decode(read_bytes(path))
        data = load_text(text)
    except ParseProblem as e:
        raise InvalidInput(f"{rel}:{e.line}:{e.col}: {e.message}") from e
    except OSError as e:
        raise InvalidInput(f"{rel}: cannot read ({e.strerror})") from e
    try:
        return model.model_validate(data)
    except ValidationError as e:
        problem = problems_from(e, model)[0]
        line, col = locate(text).value(problem.loc) if problem.loc else (1, 1)
        raise InvalidInput(f"{rel}:{line}:{col}: {problem.message}") from e


def load_bureau(root: Path) -> BureauTree:
    """Read ``bureau.yaml`` and the department's own records under ``root``."""
    if not (root / BUREAU_FILE).is_file():
        raise InvalidInput(
            f"{root}: no {BUREAU_FILE} here; create one with 'barrier init --bureau'"
        )
    bureau = read_model(root / BUREAU_FILE, Bureau, BUREAU_FILE)
    own: dict[str, list[RecordModel]] = {}
    for folder, model in OWN_KINDS.items():
        records: list[RecordModel] = []
        base = root / folder
        for path in sorted(base.glob("*.yaml")) if base.is_dir() else []:
            rel = f"{folder}/{path.name}"
            record = read_model(path, model, rel)
            if getattr(record, "id", None) != path.stem:
                raise InvalidInput(f"{rel}:1:1: the file name should be {record.id}.yaml")  # type: ignore[attr-defined]
            records.append(record)
        own[folder] = records
    return BureauTree(root, bureau, **own)  # type: ignore[arg-type]
