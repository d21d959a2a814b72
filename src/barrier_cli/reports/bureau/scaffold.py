"""`barrier init --bureau DIR`: a new bureau tree with a commented ``bureau.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from barrier_cli.core.errors import RecordExists
from barrier_cli.io.store import create
from barrier_cli.reports.bureau.models import BUREAU_FILE, OWN_KINDS

BUREAU_YAML = """\
# 分局党委组织部：成员单位和通报阈值。成员单位的记录树只读。
name: {name}
issuer: {name}
number: 组织部〔{{year}}〕{{month}}号
# 基本数据台帐（Parquet 数据集）和 git 单位的缓存，都相对于本目录。
dataset: ledger
cache: .barrier-bureau
thresholds:
  missed_share: 0.2      # 党员层漏报率超过它：信息报告网络不畅
  unanalysed_share: 0.3  # 本月信息逾期未分析的比例超过它：主要问题点分析不准
  analyse_days: 3
# 每个单位给出 path（记录树目录）、submodule（本仓库中含 records/ 的子模块）或 git（url 和 ref）之一。
units: []
#  - id: LJ
#    name: 列检车间
#    system: 辆            # 机、车、工、电、辆
#    path: ../lj/records
#  - id: JW
#    name: 机务段
#    system: 机
#    git: {{url: https://example.org/jw.git, ref: main, records: records}}
"""


@dataclass(frozen=True)
class BureauInit:
    root: Path
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def init_bureau(folder: Path, *, name: str | None = None) -> BureauInit:
    """Create ``bureau.yaml`` and the folders of the department's own records; keep what exists."""
    done = BureauInit(folder)
    try:
        create(folder / BUREAU_FILE, BUREAU_YAML.format(name=name or "分局党委组织部"))
        done.written.append(folder / BUREAU_FILE)
    except RecordExists:
        done.kept.append(folder / BUREAU_FILE)
    for kind in OWN_KINDS:
        keep = folder / kind / ".gitkeep"
        if keep.exists():
            continue
        create(keep, "")
        done.written.append(keep)
    return done
