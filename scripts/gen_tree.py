"""Write a realistic records tree of N reports, deterministic from a seed, for benchmarks.

The tree looks like a division a few years into the programme: a general branch, branches
and party groups, a roster sized to the report volume, reports from every tier spread over
the months before today, and incidents, pairings and assessments in proportion. Text is
Chinese, drawn from the cases of the source document. A small share of records carries the
mistakes people really make (a misspelt enum value, an unknown key, an analysis missing),
so that a benchmark exercises the path that reports findings as well as the clean one.

The YAML is written with plain string formatting rather than through the models, so that
writing 100k files takes seconds and the generator does not depend on the code it measures.

    python scripts/gen_tree.py OUT_DIR --reports 10000 [--seed 7] [--defects 0.002]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

TODAY = dt.date(2026, 11, 24)
"""The benchmarks run with BARRIER_TODAY set to this day, so findings never drift."""

SUMMARIES = {
    "equipment": [
        "材料箱边角锋利刮破检车员衣服",
        "车轮踏面擦伤超限",
        "制动梁端轴折断",
        "风表未撤除被列车带走",
        "废钩舌销从侧架内窜出",
        "闸瓦磨耗到限未更换",
        "手电筒电量不足影响夜间检查",
        "列检棚照明灯损坏",
    ],
    "personnel": [
        "钻车作业未按规定防护",
        "着装不整进入作业现场",
        "车统-15填写不规范",
        "班前预想流于形式",
        "互控用语不标准",
        "未执行两看两问一强调",
        "夜班检车漏检一个车位",
    ],
    "management": [
        "关键列车抽查没有量化标准",
        "保安全设施使用缺少卡控措施",
        "双牵重载列车检车作业过程不适应",
        "运行图调整后作业时间不足",
        "控制手册未经工长验证",
        "交接班记录不完整",
    ],
}
CAUSES = [
    "作业标准执行不到位，卡控措施缺失",
    "干惯了、看惯了，对小问题不重视",
    "提速调图后作业组织没有及时调整",
    "关键岗位人员技能不足",
]
ACTIONS = [
    "开展专项整治，两天内完成",
    "修订作业过程并组织学习",
    "班前预想中重点强调",
    "党员骨干现场指导一周",
]
LOCATIONS = ["到达场3道", "出发场5道", "编组场12道", "列检棚", "上行到发线"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国军伟强明华平刚勇杰涛磊斌海波鹏辉宏志新春东亮峰超林红英玲静丽"
UNIT_NAMES = ["一班", "二班", "三班", "四班", "五班", "六班", "七班", "八班"]
PARTNERS = [
    ("P-LJ", "列检"),
    ("P-XHL", "信号楼"),
    ("P-ZD", "站调"),
    ("P-XD", "行调"),
    ("P-CZ", "车站"),
    ("P-JW", "机务"),
]
ELEMENTS = ["equipment", "personnel", "management"]
CATEGORIES = ["hazard", "violation", "fault", "near_miss", "quality", "suggestion", "other"]
SOURCES = ["on_site"] * 6 + ["cadre_patrol"] * 2 + ["joint_labour", "briefing", "other"]
KEYS = ["train", "group", "post", "link", "person"]
ID_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    unit: str
    party_member: bool
    roles: tuple[str, ...]


@dataclass
class Roster:
    branches: list[str]
    groups: list[str]
    people: list[Person]

    def in_unit(self, unit: str) -> list[Person]:
        return [p for p in self.people if p.unit == unit]


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def make_roster(reports: int, rng: random.Random, people: int | None = None) -> Roster:
    """Branches and groups scale slowly, people with the volume (a member reports ~20/month)."""
    n_branches = max(2, min(8, reports // 5000 + 2))
    branches = [f"B{n + 1}" for n in range(n_branches)]
    groups = [f"{b}-G{g + 1}" for b in branches for g in range(3)]
    n_people = max(people or 0, 24, min(3000, reports // 40))
    people: list[Person] = []
    taken: set[str] = set()
    for n in range(n_people):
        unit = groups[n % len(groups)] if n >= len(branches) else branches[n]
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice([1, 2])))
        pid = f"u{n:04d}"
        taken.add(pid)
        roles: tuple[str, ...] = ()
        if n < len(branches):
            roles = ("secretary",)
        elif n < len(branches) + len(groups):
            roles = ("group_leader", "info_officer")
        elif n % 7 == 0:
            roles = ("committee",)
        elif n % 5 == 0:
            roles = ("foreman",)
        party = n < len(branches) + len(groups) or n % 3 != 0
        people.append(Person(pid, name, unit, party, roles))
    return Roster(branches, groups, people)


def org_text(roster: Roster) -> str:
    lines = ["units:", "  - id: GB", "    name: 列检车间党总支", "    kind: general_branch"]
    for n, b in enumerate(roster.branches):
        lines += [f"  - id: {b}", f"    name: {UNIT_NAMES[n]}党支部", "    kind: branch"]
        lines.append("    parent: GB")
    for g in roster.groups:
        branch, group = g.split("-")
        name = f"{UNIT_NAMES[int(branch[1:]) - 1]}第{group[1:]}党小组"
        lines += [f"  - id: {g}", f"    name: {name}", "    kind: group", f"    parent: {branch}"]
    lines.append("partners:")
    for pid, name in PARTNERS:
        lines += [f"  - id: {pid}", f"    name: {name}"]
    lines.append("people:")
    for p in roster.people:
        lines += [f"  - id: {p.id}", f"    name: {p.name}", f"    unit: {p.unit}"]
        lines.append(f"    party_member: {'true' if p.party_member else 'false'}")
        if p.roles:
            lines.append(f"    roles: [{', '.join(p.roles)}]")
        lines.append("    since: 2015-01-01")
    return "\n".join(lines) + "\n"


SETTINGS = """organisation: 列检车间
lang: zh
closure: three
"""

STANDARDS = {
    "branch": """id: branch
name: 党支部安全屏障考核标准
pass_mark: 80
aspects:
  - id: info
    name: 信息收集
    items:
      - id: network
        name: 三级网络畅通
        max: 30
      - id: quality
        name: 信息质量
        max: 20
  - id: use
    name: 信息分析利用
    items:
      - id: analysis
        name: 分析深入
        max: 30
      - id: pairing
        name: 包保对子跟踪
        max: 20
""",
    "member": """id: member
name: 党员安全屏障考核标准
pass_mark: 60
aspects:
  - id: post
    name: 岗区评比
    items:
      - id: reports
        name: 每日信息提报
        max: 50
      - id: skill
        name: 业务技能
        max: 50
""",
}


class Writer:
    """Writes files under the tree and remembers every id, so links point at real records."""

    def __init__(self, root: Path, rng: random.Random, defects: float) -> None:
        self.root = root
        self.rng = rng
        self.defects = defects
        self.used: set[str] = set()
        self.files = 0

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.files += 1

    def new_id(self, prefix: str, day: dt.date, width: int) -> str:
        while True:
            suffix = "".join(self.rng.choices(ID_CHARS, k=width))
            rid = f"{prefix}-{day:%Y%m%d}-{suffix}"
            if rid not in self.used:
                self.used.add(rid)
                return rid

    def flawed(self) -> bool:
        return self.rng.random() < self.defects


def _day_in(first: dt.date, last: dt.date, rng: random.Random) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _start_of(reports: int) -> dt.date:
    """About 2,000 reports a month: a 100k tree spans four years."""
    return _months_before(max(12, reports // 2000))


def _months_before(months: int) -> dt.date:
    year, month = TODAY.year, TODAY.month - months
    while month < 1:
        year, month = year - 1, month + 12
    return dt.date(year, month, 1)


def report_text(w: Writer, rid: str, day: dt.date, reporter: Person, roster: Roster) -> str:
    rng = w.rng
    element = rng.choice(ELEMENTS)
    source = rng.choice(SOURCES)
    level = "member" if reporter.unit in roster.groups else "branch"
    if "group_leader" in reporter.roles:
        level = "group"
    lines = [
        f"id: {rid}",
        f"date: {day.isoformat()}",
        f"reporter: {reporter.id}",
        f"unit: {reporter.unit}",
        f"level: {level}",
        f"source: {source}",
    ]
    if source == "joint_labour":
        lines.append(f"partner: {rng.choice(PARTNERS)[0]}")
    lines.append(f"element: {element}")
    lines.append(f"category: {rng.choice(CATEGORIES)}")
    lines.append(f"keys: [{', '.join(sorted(rng.sample(KEYS, rng.randint(1, 2))))}]")
    risk = rng.choices(["low", "medium", "high"], weights=[5, 4, 1])[0]
    lines.append(f"risk: {risk}")
    if rng.random() < 0.5:
        lines.append(f"train: {_q(str(rng.randint(10001, 98999)))}")
        lines.append(f"location: {rng.choice(LOCATIONS)}")
    lines.append(f"summary: {rng.choice(SUMMARIES[element])}")
    age = (TODAY - day).days
    status = "open"
    if age > 3:
        status = rng.choices(["analysed", "rectifying", "closed"], weights=[1, 1, 8])[0]
    lines.append(f"status: {status}")
    if status != "open":
        analysed = min(day + dt.timedelta(days=rng.randint(0, 3)), TODAY)
        peers = roster.in_unit(reporter.unit) or [reporter]
        lines += [
            "analysis:",
            f"  date: {analysed.isoformat()}",
            f"  by: {rng.choice(peers).id}",
            f"  cause: {rng.choice(CAUSES)}",
        ]
        done = min(analysed + dt.timedelta(days=rng.randint(1, 20)), TODAY)
        lines += [
            "actions:",
            f"  - action: {rng.choice(ACTIONS)}",
            "    type: corrective",
            f"    owner: {rng.choice(peers).id}",
            f"    due: {(analysed + dt.timedelta(days=14)).isoformat()}",
        ]
        if status == "closed":
            lines.append(f"    done: {done.isoformat()}")
            lines.append(f"closed: {done.isoformat()}")
    if rng.random() < 0.03:
        lines.append("commend: true")
    text = "\n".join(lines) + "\n"
    if w.flawed():
        text = _spoil(text, rng)
    return text


def _spoil(text: str, rng: random.Random) -> str:
    """One of the everyday mistakes a hand-edited record has."""
    mistake = rng.randrange(4)
    if mistake == 0:
        return text.replace("element: ", "element: equipmnet\nx_", 1).replace("x_", "#", 1)
    if mistake == 1:
        return text + "reviewer: u0001\n"
    if mistake == 2:
        return text.replace("status: open", "status: analysed", 1).replace(
            "status: closed", "status: closed\nclosed: 2099-01-01", 1
        )
    return text.replace("risk: ", "risk: urgent\n#", 1)


def incident_text(w: Writer, iid: str, day: dt.date, roster: Roster, reports: list[str]) -> str:
    rng = w.rng
    unit = rng.choice(roster.groups)
    people = roster.in_unit(unit)
    kind = rng.choices(["precursor", "violation", "accident"], weights=[6, 3, 1])[0]
    lines = [
        f"id: {iid}",
        f"date: {day.isoformat()}",
        f"title: {rng.choice(SUMMARIES['equipment'] + SUMMARIES['personnel'])}",
        f"unit: {unit}",
        f"type: {kind}",
    ]
    if kind == "accident":
        lines.append("class: general_c")
    if kind == "violation":
        lines += [
            "violation:",
            "  kind: rule",
            "  severity: general",
            f"  person: {rng.choice(people).id}",
        ]
    lines.append("description: 现场作业中发现，已按程序上报并组织分析。")
    closed = (TODAY - day).days > 40
    lines += [
        "causes:",
        f"  - element: {rng.choice(ELEMENTS)}",
        f"    text: {rng.choice(CAUSES)}",
        "    kind: subjective",
        "responsibility:",
        f"  - person: {rng.choice(people).id}",
        "    finding: 作业标准执行不到位",
        "measures:",
        f"  - action: {rng.choice(ACTIONS)}",
        f"    owner: {people[0].id}",
        f"    due: {(day + dt.timedelta(days=14)).isoformat()}",
    ]
    if closed:
        lines.append(f"    done: {(day + dt.timedelta(days=10)).isoformat()}")
        lines += ["status: closed", f"closed: {(day + dt.timedelta(days=20)).isoformat()}"]
    else:
        lines.append("status: rectifying")
    if reports:
        lines.append(f"reports: [{rng.choice(reports)}]")
    return "\n".join(lines) + "\n"


def pairing_text(w: Writer, pid: str, start: dt.date, roster: Roster) -> str:
    rng = w.rng
    group = rng.choice(roster.groups)
    people = roster.in_unit(group)
    mentors = [p for p in people if p.party_member]
    others = [p for p in people if p is not mentors[0]]
    person = rng.choice(others)
    lines = [
        f"id: {pid}",
        f"mentor: {mentors[0].id}",
        f"person: {person.id}",
        f"unit: {group}",
        f"start: {start.isoformat()}",
        f"reasons: [{rng.choice(['low_skill', 'few_finds', 'violations'])}]",
        "plan: 签订包保责任书，落实五勤，每周跟班作业",
        "measures: [每周跟班作业, 关键环节提醒]",
        "goals: [三个月内基本转化, 半年内完全转化]",
        f"letter: {start.isoformat()}",
        "reviews:",
        f"  - date: {min(start + dt.timedelta(days=30), TODAY).isoformat()}",
        f"    by: {mentors[0].id}",
        "    note: 技能有提高，发现问题数增加",
        "    diligences: [observe, help]",
        "    together: [start, work, return, rest]",
    ]
    age = (TODAY - start).days
    if age > 180:
        lines += [
            f"basic_on: {(start + dt.timedelta(days=80)).isoformat()}",
            f"full_on: {(start + dt.timedelta(days=170)).isoformat()}",
            "status: full",
        ]
    elif age > 90:
        lines += [f"basic_on: {(start + dt.timedelta(days=85)).isoformat()}", "status: basic"]
    else:
        lines.append("status: active")
    return "\n".join(lines) + "\n"


def assessment_text(period: str, subject: str, standard: str, by: str, day: dt.date) -> str:
    if standard == "branch":
        items = [("network", 26), ("quality", 17), ("analysis", 25), ("pairing", 18)]
    else:
        items = [("reports", 44), ("skill", 41)]
    lines = [
        f"id: A-{period}-{subject}",
        f"period: {period}",
        f"subject: {subject}",
        f"standard: {standard}",
        "items:",
    ]
    for item, score in items:
        # scores people enter carry what they rest on (score-evidence)
        lines += [f"  - item: {item}", f"    score: {score}", "    evidence: [月度考评记录]"]
    if standard == "member":
        lines.append("result: pass")
    lines += ["status: final", f"by: {by}", f"date: {day.isoformat()}"]
    return "\n".join(lines) + "\n"


def generate(
    root: Path,
    *,
    reports: int,
    seed: int = 7,
    defects: float = 0.002,
    nil_returns: int = 0,
    months: int | None = None,
) -> int:
    """Write the tree at ``root`` (which must not exist); return the number of files.

    ``nil_returns`` people (party members) also tick 今日无异常 on every working day of the
    year before today (of the ``months`` before it when given): one file per person per
    month, as ``barrier checkin`` writes them. ``months`` spreads the reports over that many
    months instead of about 2,000 a month.
    """
    rng = random.Random(seed)
    root.mkdir(parents=True)
    w = Writer(root, rng, defects)
    party = max(1, round(nil_returns * 1.6)) if nil_returns else None
    roster = make_roster(reports, rng, people=party)
    w.write("barrier.yaml", SETTINGS)
    w.write("org.yaml", org_text(roster))
    for name, text in STANDARDS.items():
        w.write(f"standards/{name}.yaml", text)

    first = _start_of(reports) if months is None else _months_before(months)
    last = TODAY - dt.timedelta(days=1)
    days = sorted(_day_in(first, last, rng) for _ in range(reports))
    report_ids: list[str] = []
    for day in days:
        rid = w.new_id("R", day, 4)
        reporter = rng.choice(roster.people)
        w.write(f"reports/{day:%Y/%m}/{rid}.yaml", report_text(w, rid, day, reporter, roster))
        report_ids.append(rid)

    for _ in range(max(1, reports // 100)):
        day = _day_in(first, last, rng)
        iid = w.new_id("I", day, 2)
        w.write(f"incidents/{day:%Y}/{iid}.yaml", incident_text(w, iid, day, roster, report_ids))

    for _ in range(max(1, reports // 400)):
        start = _day_in(first, last, rng)
        pid = w.new_id("P", start, 2)
        w.write(f"pairings/{start:%Y}/{pid}.yaml", pairing_text(w, pid, start, roster))

    secretary = roster.people[0].id
    month = dt.date(first.year, first.month, 1)
    budget = max(1, reports // 50)
    while month < dt.date(TODAY.year, TODAY.month, 1) and budget > 0:
        period = f"{month:%Y-%m}"
        subjects = [(b, "branch") for b in roster.branches]
        members = [p for p in roster.people if p.party_member][: budget // 10]
        subjects += [(p.id, "member") for p in members]
        nxt = (month + dt.timedelta(days=32)).replace(day=1)
        for subject, standard in subjects[:budget]:
            text = assessment_text(period, subject, standard, secretary, nxt)
            w.write(f"assessments/{month:%Y/%m}/A-{period}-{subject}.yaml", text)
            budget -= 1
        month = nxt
    since = None if months is None else first
    write_nil_returns(w, [p for p in roster.people if p.party_member][:nil_returns], since)
    return w.files


def write_nil_returns(w: Writer, people: list[Person], since: dt.date | None = None) -> None:
    """Weekday nil returns for each of ``people`` from ``since`` (a year ago by default) to
    yesterday, a file per person and month."""
    first = since or TODAY - dt.timedelta(days=365)
    days = [first + dt.timedelta(days=n) for n in range((TODAY - first).days)]
    months: dict[str, list[dt.date]] = {}
    for day in days:
        if day.weekday() < 5:
            months.setdefault(f"{day:%Y-%m}", []).append(day)
    for person in people:
        for month, dates in months.items():
            rid = f"D-{month.replace('-', '')}-{person.id}"
            lines = [f"id: {rid}", f"person: {person.id}", f"month: {month}", "days:"]
            lines += [f"  - date: {d}" for d in dates]
            w.write(f"returns/{month[:4]}/{month[5:]}/{rid}.yaml", "\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to create (the records tree)")
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--defects", type=float, default=0.002, help="share of flawed reports")
    parser.add_argument(
        "--nil-returns", type=int, default=0, help="people ticking 今日无异常 every weekday"
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)
    if args.out.exists():
        if not args.force:
            parser.error(f"{args.out} exists (use --force to replace it)")
        shutil.rmtree(args.out)
    files = generate(
        args.out,
        reports=args.reports,
        seed=args.seed,
        defects=args.defects,
        nil_returns=args.nil_returns,
    )
    sys.stdout.write(f"{args.out}: {files} files\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
