"""The record kinds: where each lives in the tree, its model, and the folder its date gives."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from barrier_cli.core import models

if TYPE_CHECKING:
    from barrier_cli.core.models import Assessment
    from barrier_cli.core.models.common import Model


@dataclass(frozen=True)
class Kind:
    name: str
    model_name: str
    """The model's name in `barrier_cli.core.models`: imported when first used, so that
    classifying a path builds no model and one kind's command builds only its own."""
    top: str
    """First path component under records/ ('' for the files at the root)."""
    folder: Callable[[Any], str] | None = None
    """The folder (relative to records/) a record of this kind belongs in, from its fields."""
    is_record: bool = True
    """False for settings, org and standards: files without an id."""
    title_zh: str = ""

    @property
    def model(self) -> type[Model]:
        return cast("type[Model]", getattr(models, self.model_name))


@functools.lru_cache(maxsize=1 << 14)
def _dated(top: str, day: dt.date, form: str) -> str:
    """``top`` and ``day`` in strftime's ``form``, worked out once per day: a strftime takes
    microseconds, and every file of the tree is placed on every check."""
    return f"{top}/{day:{form}}"


def _assessment_folder(a: Assessment) -> str:
    year, rest = a.period.split("-")
    return f"assessments/{year}/{rest}"


KINDS: dict[str, Kind] = {
    k.name: k
    for k in [
        Kind("settings", "Settings", "", is_record=False, title_zh="设置"),
        Kind("org", "Org", "", is_record=False, title_zh="组织"),
        Kind("roster", "Roster", "", is_record=False, title_zh="排班与请假"),
        Kind("hazards", "HazardLog", "", is_record=False, title_zh="安全风险库"),
        Kind("standard", "Standard", "standards", is_record=False, title_zh="考核标准"),
        Kind(
            "report",
            "Report",
            "reports",
            lambda r: _dated("reports", r.date, "%Y/%m"),
            title_zh="安全信息",
        ),
        Kind(
            "incident",
            "Incident",
            "incidents",
            lambda r: _dated("incidents", r.date, "%Y"),
            title_zh="事故与两违",
        ),
        Kind(
            "pairing",
            "Pairing",
            "pairings",
            lambda r: _dated("pairings", r.start, "%Y"),
            title_zh="包保对子",
        ),
        Kind("assessment", "Assessment", "assessments", _assessment_folder, title_zh="考核"),
        Kind(
            "notice",
            "NoticeEntry",
            "notices",
            lambda r: _dated("notices", r.date, "%Y"),
            title_zh="通报",
        ),
        Kind(
            "returns",
            "NilReturns",
            "returns",
            lambda r: f"returns/{r.month[:4]}/{r.month[5:]}",
            title_zh="今日无异常",
        ),
        Kind(
            "roundup",
            "Roundup",
            "roundups",
            lambda r: f"roundups/{r.period[:4]}",
            title_zh="周月汇总反馈",
        ),
        Kind(
            "competence",
            "Competence",
            "competence",
            lambda r: _dated("competence", r.date, "%Y"),
            title_zh="素质考核与竞赛",
        ),
        Kind(
            "keyperson",
            "KeyPerson",
            "keypersons",
            lambda r: _dated("keypersons", r.proposed, "%Y"),
            title_zh="安全关键人",
        ),
        Kind(
            "reward",
            "Reward",
            "rewards",
            lambda r: _dated("rewards", r.date, "%Y"),
            title_zh="奖惩",
        ),
        Kind(
            "priorities",
            "Priorities",
            "priorities",
            lambda r: f"priorities/{r.month[:4]}",
            title_zh="保安全重点",
        ),
    ]
}
RECORD_KINDS = [k for k in KINDS.values() if k.is_record]
_BY_TOP = {k.top: k for k in RECORD_KINDS}
YAML_SUFFIXES = (".yaml", ".yml")


def classify(rel: PurePosixPath) -> Kind | None:
    """The kind of the file at ``rel`` (relative to records/), or None if it is none."""
    parts = rel.parts
    if rel.suffix not in YAML_SUFFIXES:
        return None
    if len(parts) == 1:
        return {
            "barrier": KINDS["settings"],
            "org": KINDS["org"],
            "roster": KINDS["roster"],
            "hazards": KINDS["hazards"],
        }.get(rel.stem)
    if parts[0] == "standards" and len(parts) == 2:
        return KINDS["standard"]
    return _BY_TOP.get(parts[0])
