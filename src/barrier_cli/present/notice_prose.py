"""The sentences of the notice (通报) as a 公文 writes them, in the notice's language.

A 党总支 notice says who did what on which day in whole sentences: "10月9日，四班发生一般A类
事故1起（…），涉及秦宝山、孔祥宇、任辉3人。" Dates are calendar dates without the year when it
is the document's; record ids stand only in the attachment's "（记录编号…）"; what a case
still lacks is said as what has not been done, never as a list of field names.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from barrier_cli.core.labels import label
from barrier_cli.reports.deficiencies import Deficiency, Scope, person_title, say_day

if TYPE_CHECKING:
    from barrier_cli.core.labels import Lang
    from barrier_cli.io.loader import Tree
    from barrier_cli.present.notice import Case, Notice, Praise
    from barrier_cli.reports.assess import Assessed


@dataclass(frozen=True)
class Annex:
    """One heading of the attachment and its numbered sentences."""

    title: str
    items: list[str]


@dataclass(frozen=True)
class Prose:
    """The sentences of the notice's body, built from the data above in its language."""

    overview: list[str] = field(default_factory=list)
    praises: list[str] = field(default_factory=list)
    praise_close: str = ""
    cases: list[str] = field(default_factory=list)
    key_persons: list[str] = field(default_factory=list)
    branches: list[str] = field(default_factory=list)
    own: str = ""
    """The issuer's own lapses (自查), said apart from the units it criticises."""
    scores: list[str] = field(default_factory=list)
    corrections_intro: str = ""
    corrections: list[str] = field(default_factory=list)
    corrections_close: str = ""
    annex: list[Annex] = field(default_factory=list)


class _Say:
    """The notice's language and year: dates drop the year when it is the month's."""

    def __init__(self, lang: Lang, year: int) -> None:
        self.lang = lang
        self.year = year

    def __call__(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def day(self, day: dt.date) -> str:
        return say_day(day, self.lang, self.year)

    def join(self, items: list[str]) -> str:
        if self.lang == "zh":
            return "、".join(items)
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]

    def num(self, value: float) -> str:
        return f"{value:g}"


# What a case still lacks, as what has not been done (目前…), and what to do about it.
_LACKS: dict[str, tuple[str, str, str, str]] = {
    "causes": ("原因未查清", "its causes are not established", "查清原因", "establish the causes"),
    "responsibility": (
        "责任未认定",
        "responsibility is not determined",
        "认定责任",
        "determine responsibility",
    ),
    "measures": ("未制定整改措施", "no measures are set", "制定整改措施", "set measures"),
    "education": (
        "未开展警示教育",
        "no one has been taught its lesson",
        "开展警示教育",
        "teach its lesson",
    ),
    "handover": (
        "未按规定交班",
        "it has not been handed over",
        "按规定交班",
        "hand it over as required",
    ),
    "handover_level": (
        "交班层级不够",
        "it was handed over too low",
        "按规定层级交班",
        "hand it over at the level required",
    ),
    "timeline": (
        "经过未按时间顺序查清",
        "what happened is not set out in time order",
        "按时间顺序查清经过",
        "set out what happened in time order",
    ),
    "meeting": (
        "未召开支委会分析",
        "no branch committee meeting has analysed it",
        "召开支委会分析",
        "analyse it at a branch committee meeting",
    ),
    "accountability": (
        "未追究相关人员责任",
        "no one has been held responsible",
        "追究相关人员责任",
        "hold those responsible to account",
    ),
    "overseer": (
        "未追究“看惯者”责任",
        "those who looked on have not been held responsible",
        "追究“看惯者”责任",
        "hold those who looked on to account",
    ),
}
_ANALYSIS = ("levels", "chain")
_MEASURES = ("measures not done", "specific_measures", "measures not specific")


def _lacking(keys: list[str], say: _Say, what: str) -> list[str]:
    """What a case still lacks as clauses: "未召开支委会分析", "整改措施尚未落实完毕…"."""
    out = []
    for key in keys:
        if key in _LACKS:
            zh, en, _do_zh, _do_en = _LACKS[key]
            out.append(say(f"{what}{zh}" if key == "timeline" else zh, en))
    places = _analysis_places(keys)
    if places is not None:
        out.append(say("未从" + places[0], "its causes are not analysed" + places[1]))
    undone = "measures not done" in keys
    vague = any(k in keys for k in _MEASURES[1:])
    if undone and vague:
        out.append(
            say(
                "整改措施尚未落实完毕，且未明确责任人、完成期限和验证方式",
                "its measures are not all carried out, and they name no owner, "
                "due date or verification",
            )
        )
    elif undone:
        out.append(say("整改措施尚未落实完毕", "its measures are not all carried out"))
    elif vague:
        out.append(
            say(
                "整改措施未明确责任人、完成期限和验证方式",
                "its measures name no owner, due date or verification",
            )
        )
    return out


def _analysis_places(keys: list[str]) -> tuple[str, str] | None:
    """Where a case's causes are still to be analysed (the three levels, the chain of
    responsibility), as the end of a zh and an en phrase; None when nowhere."""
    levels, chain = (k in keys for k in _ANALYSIS)
    if not (levels or chain):
        return None
    parts = [
        p for p, on in (("总支、支部、党员三个层次", levels), ("责任传递、落实效果上", chain)) if on
    ]
    zh = "及".join(parts) + ("剖析原因" if chain else "上剖析原因")
    en = (" at the three levels (general branch, branch, member)" if levels else "") + (
        " through the chain of responsibility and its effect" if chain else ""
    )
    return zh, en


def _to_do(keys: list[str], say: _Say) -> list[str]:
    out = [say(_LACKS[k][2], _LACKS[k][3]) for k in keys if k in _LACKS]
    places = _analysis_places(keys)
    if places is not None:
        out.append(say("从" + places[0], "analyse its causes" + places[1]))
    if "measures not done" in keys:
        out.append(say("落实整改措施", "carry out its measures"))
    if any(k in keys for k in _MEASURES[1:]):
        out.append(
            say(
                "明确每项措施的责任人、完成期限和验证方式",
                "give every measure an owner, a due date and a verification",
            )
        )
    return out


def _case_kind(case: Case, say: _Say) -> str:
    if case.grade:
        return say(f"{case.grade}{case.kind}", f"{case.grade} {case.kind}")
    return say(case.kind, f"{case.kind} accident")


def _held(case: Case, say: _Say) -> str:
    """责任追究 as what the workshop did: 免去孔祥宇工班长职务, 按…办法对孙浩进行考核."""
    removed, other = [], []
    for h in case.held:
        detail = (h.detail or "").strip()
        if say.lang == "zh" and detail.startswith("撤换"):
            removed.append(h.name + detail.removeprefix("撤换"))
        elif say.lang == "zh" and detail.startswith("按") and detail.endswith("考核"):
            other.append(f"{detail.removesuffix('考核')}对{h.name}进行考核")
        elif say.lang == "zh":
            other.append(f"对{h.name}给予{detail or h.action}处理")
        else:
            other.append(f"{h.name}: {detail or h.action}")
    clauses = ([say("免去" + "、".join(removed), "")] if removed else []) + other
    onlookers = any(h.overseer for h in case.held)
    if say.lang == "zh":
        lead = "从“干惯者”身上追究“看惯者”责任，" if onlookers else ""
        return f"车间已{lead}{'，'.join(clauses)}。"
    return (
        "The workshop has held to account "
        + "; ".join(clauses)
        + (", the ones who looked on as well as those who did it" if onlookers else "")
        + "."
    )


def _case_sentences(case: Case, say: _Say, rule: str) -> str:
    kind = _case_kind(case, say)
    said: list[str] = []
    out = [
        say(
            f"{say.day(case.date)}，{case.team}发生{kind}1起（{case.title}）",
            f"On {say.day(case.date)}, {case.team} had a {kind}: {case.title}",
        )
    ]
    if len(case.persons) > 1:
        out.append(
            say(
                f"，涉及{'、'.join(case.persons)}{len(case.persons)}人",
                f", involving {say.join(case.persons)}",
            )
        )
    elif case.persons:
        out.append(say(f"，当事人{case.persons[0]}", f", involving {case.persons[0]}"))
    if case.earlier and not case.closed:
        out.append(say("，至今未整改销号", ", and it is still not closed"))
    out.append(say("。", ". "))
    if case.handover and case.handover_date:
        out.append(
            say(
                f"{case.branch_name}已于{say.day(case.handover_date)}向{case.handover}交班。",
                f"{case.branch_name} handed it over to {case.handover} on "
                f"{say.day(case.handover_date)}. ",
            )
        )
    elif case.handover_to:
        said.append("handover")
        out.append(
            say(
                f"按规定应向{case.handover_to}交班，至今未交班。",
                f"It is to be handed over to {case.handover_to} and has not been. ",
            )
        )
    if case.held:
        out.append(_held(case, say) + say("", " "))
    elif not case.closed and "accountability" not in case.gap_keys:
        out.append(say("目前尚未追究相关人员责任。", "No one has been held responsible yet. "))
    what = say("该违章" if case.type == "violation" else "该事故", "")
    lacking = _lacking([k for k in case.gap_keys if k not in said], say, what)
    if case.closed:
        out.append(say(f"已按“{rule}”要求整改销号。", f"It was closed under {rule}."))
    elif lacking:
        out.append(
            say(
                f"目前{'，'.join(lacking)}，未达到“{rule}”要求。",
                f"As yet {'; '.join(lacking)}: it does not meet {rule}.",
            )
        )
    else:
        out.append(say("目前整改尚未完成。", "Its correction is not finished yet."))
    return "".join(out).strip()


_SIGNALS = {
    "few_finds": ("本月发现故障数量明显低于本组平均水平", "found far fewer faults than the group"),
    "quality": ("有检修质量问题被反馈", "had work-quality complaints"),
    "violation": ("发生“两违”", "committed violations"),
    "precursor": ("涉及事故苗子", "was involved in accident precursors"),
    "competence": ("业务考核不合格", "failed competence checks"),
}
_DOING = {
    "on_site": ("检车作业", "during inspection work"),
    "cadre_patrol": ("现场监控", "on a cadre patrol"),
    "joint_labour": ("与联劳单位联控", "while liaising with a partner unit"),
    "briefing": ("班前预想", "at the pre-shift briefing"),
}
_PREVENTED = {
    "hazard": ("及时消除了安全隐患", "removing a hazard in time"),
    "fault": ("防止了车辆带故障运行", "keeping a faulty vehicle from running"),
    "near_miss": ("避免了一起事故的发生", "preventing an accident"),
    "violation": ("及时制止了违章作业", "stopping unsafe work in time"),
}
_CORRECT = {
    "low_quality": (
        "信息要写明车次车号、地点和关键环节，做到具体可分析",
        "make every report name the train or vehicle, the place and the key concerned",
    ),
    "late_analysis": (
        "查明信息分析不及时的原因，今后在规定时限内完成分析",
        "find why reports were analysed late and analyse them in time from now on",
    ),
    "shallow_analysis": (
        "对原因分析不透的信息重新分析，查到主观和深层次原因",
        "redo the analyses that stopped short, down to the subjective and underlying causes",
    ),
    "unassigned_action": (
        "为每项整改措施明确责任人和完成期限",
        "give every corrective action an owner and a due date",
    ),
    "closed_against_rule": (
        "对违规销号的案例重新分析，补齐原因、责任和措施",
        "reopen the cases closed against the rule and complete causes, responsibility and measures",
    ),
    "pairing_no_review": (
        "包保人每月至少帮教一次并如实记录",
        "have mentors review their key person at least once a month and record it",
    ),
    "pairing_overdue": (
        "对逾期未转化的包保对象由支委委员协助包保，重新制定转化措施",
        "give key persons not turned around in time a committee member as second mentor "
        "and a new plan",
    ),
}
_COUNTS = {
    "missed_reports": ("信息漏报{n}人次", "missed reporting dut{y|ies}"),
    "low_quality": ("信息质量不高{n}条", "low-quality report{|s}"),
    "late_analysis": ("信息分析不及时{n}条", "report{|s} analysed late"),
    "late_case": ("案例分析超期{n}起", "case{|s} analysed late"),
    "shallow_analysis": ("原因分析不透{n}条", "shallow analys{is|es}"),
    "unassigned_action": ("整改措施未明确责任人或期限{n}项", "action{|s} without owner or due"),
    "overdue_action": ("整改项目逾期{n}项", "overdue action{|s}"),
    "closed_against_rule": ("违规销号{n}起", "case{|s} closed against the rule"),
    "pairing_no_review": ("包保帮教未落实{n}人", "pairing{|s} without review"),
    "pairing_overdue": ("包保转化逾期{n}人", "pairing{|s} past due"),
}


def _en(n: int, words: str) -> str:
    """``n`` and ``words`` with its ``{singular|plural}`` ending chosen: 1 overdue action."""
    head, _, rest = words.partition("{")
    one, _, rest = rest.partition("|")
    many, _, tail = rest.partition("}")
    return f"{n} {head}{one if n == 1 else many}{tail}"


def _counts(items: list[Deficiency], say: _Say) -> str:
    tally: dict[str, int] = defaultdict(int)
    for d in items:
        late_case = d.rule == "late_analysis" and any(e.startswith("I-") for e in d.evidence_ids)
        tally["late_case" if late_case else d.rule] += 1
    return say("，", ", ").join(
        say(zh.format(n=tally[key]), _en(tally[key], en))
        for key, (zh, en) in _COUNTS.items()
        if tally[key]
    )


def _praise(p: Praise, say: _Say, cadre_units: set[str]) -> str:
    what = p.summary
    doing_zh, doing_en = _DOING.get(p.source, ("作业", "at work"))
    if p.train and say.lang == "zh":
        train = f"{p.train}次"
        if train in what:
            what = what.replace(train, f"{train}列车")
        else:
            doing_zh = f"{train}列车{doing_zh}"
    if say.lang != "zh":
        facts = [
            f"{label} {value}"
            for label, value in (("train", p.train), ("vehicle", p.vehicle))
            if value and value not in what
        ]
        what += f" ({', '.join(facts)})" if facts else ""
    if p.location and p.location not in what:
        doing_zh = f"{p.location}{doing_zh}"
        doing_en = f"{doing_en} at {p.location}"
    if p.vehicle and say.lang == "zh":
        model, _, number = p.vehicle.partition(" ")
        named = f"{model}型{number}号货车" if number else p.vehicle
        what = what.replace(p.vehicle, named) if p.vehicle in what else f"{what}（{named}）"
    done_zh, done_en = _PREVENTED.get(p.category, ("", "for handling"))
    if p.unit in cadre_units:
        who_zh = "车间干部、共产党员" if p.member else "车间干部"
    else:
        who_zh = f"{p.unit}共产党员" if p.member else f"{p.unit}职工"
    who_en = f"{p.who} ({p.unit}{', party member' if p.member else ''})"
    sentence = say(
        f"{who_zh}{p.who}同志{say.day(p.date)}在{doing_zh}中，发现{what}，及时报告处理"
        + (f"，{done_zh}" if done_zh else "")
        + "。",
        f"{who_en} found {what} on {say.day(p.date)} {doing_en} and reported it at once, "
        f"{done_en}.",
    )
    for a in p.awards:
        if a.kind == "reward" and a.amount:
            sentence += say(
                f"{a.level}给予奖励{a.amount:g}元。",
                f" The {a.level} rewarded this with {a.amount:g} yuan.",
            )
        else:
            sentence += say(f"{a.level}予以表扬。", f" The {a.level} commended this catch.")
    return sentence


def notice_prose(
    tree: Tree, notice: Notice, found: list[Deficiency], assessed: Assessed | None, lang: Lang
) -> Prose:
    say = _Say(lang, notice.month.year)
    scope = Scope(tree, notice.month, notice.as_of or notice.date, lang)
    rule = "四不放过" if notice.closure == "four" else "三不放过"
    rule = say(rule, f"the {'four' if notice.closure == 'four' else 'three'}-nots rule")
    issuer = notice.issuer
    names = {p.id: p.name for p in tree.org.people} | {u.id: u.name for u in tree.org.units}
    cadre_units = {u.name for u in tree.org.units if u.kind == "general_branch"}

    overview = []
    o = notice.overview
    if o is not None:
        first = say(
            f"截至{say.day(notice.as_of or notice.date)}，全车间共收集安全信息{o.reports}条",
            f"As of {say.day(notice.as_of or notice.date)}, the workshop collected "
            f"{o.reports} safety reports",
        )
        if o.by_element:
            first += say("，其中", ", ") + say("、", ", ").join(
                say(f"{t.name}方面{t.count}条", f"{t.count} on {t.name}") for t in o.by_element
            )
        overview.append(first + say("。", ". "))
        if o.by_branch:
            overview.append(
                say("按单位分：", "By unit: ")
                + say("、", ", ").join(
                    say(f"{t.name}{t.count}条", f"{t.name} {t.count}") for t in o.by_branch
                )
                + say("。", ". ")
            )
        duty = say(
            f"全车间应履行信息报告责任的党员、党小组、党支部共{o.duties}个（名）",
            f"Of the {o.duties} members, party groups and branches with a reporting duty",
        )
        if o.missed_by_tier:
            tiers = {
                "member": ("{n}名党员", "member{|s}"),
                "group": ("{n}个党小组", "party group{|s}"),
                "branch": ("{n}个党支部", "branch{|es}"),
            }
            who = say("、", ", ").join(
                say(tiers[t.name][0].format(n=t.count), _en(t.count, tiers[t.name][1]))
                for t in o.missed_by_tier
            )
            overview.append(
                say(
                    f"{duty}，其中{who}未按规定频次报告。",
                    f"{duty}, {who} fell short of their cadence. ",
                )
            )
        else:
            overview.append(say(f"{duty}，均按规定频次报告。", f"{duty}, all kept their cadence. "))
        if o.incidents:
            overview.append(
                say("本月发生", "This month saw ")
                + say("、", ", ").join(
                    say(f"{t.name}{t.count}起", _en(t.count, f"{t.name} case{{|s}}"))
                    for t in o.incidents
                )
                + say("。", ". ")
            )
        else:
            overview.append(
                say("本月未发生事故和“两违”。", "No accident or violation occurred this month. ")
            )
        earlier: dict[tuple[int, int, str], int] = defaultdict(int)
        for c in notice.cases:
            if c.earlier and not c.closed:
                earlier[c.date.year, c.date.month, _case_kind(c, say)] += 1
        for (year, month, kind), n in earlier.items():
            when = say(
                (f"{year}年" if year != say.year else "") + f"{month}月份",
                say.day(dt.date(year, month, 1)).split(" ", 1)[-1],
            )
            overview.append(
                say(
                    f"{when}发生的{kind}{n}起至今尚未整改销号。",
                    f"{_en(n, kind + ' case{|s}')} of {when} {'is' if n == 1 else 'are'} "
                    "still not closed. ",
                )
            )

    praises = [_praise(p, say, cadre_units) for p in notice.praises]
    close = ""
    if notice.praises:
        everyone = not all(p.member for p in notice.praises)
        close = say(
            f"{issuer}决定，对上述同志予以通报表扬。希望"
            + ("全车间党员和职工" if everyone else "全体党员")
            + "以他们为榜样，立足岗位、严格标准，主动发现和报告安全信息。",
            f"{issuer} commends the comrades above. All party members"
            + (" and staff" if everyone else "")
            + " are asked to follow their example: keep to the standards at their posts and "
            "find and report safety information of their own accord.",
        )

    cases = [_case_sentences(c, say, rule) for c in notice.cases]

    key_persons = [
        say(
            f"{k.unit_name}{k.name}"
            + "，且".join(_SIGNALS[s][0] for s in k.signals if s in _SIGNALS)
            + f"，符合安全关键人条件，拟列为安全关键人，由{k.branch_name}研究确认。",
            f"{k.name} ({k.unit_name}) "
            + " and ".join(_SIGNALS[s][1] for s in k.signals if s in _SIGNALS)
            + f", meets the key-person criteria and is proposed as one; {k.branch_name} "
            "is to confirm.",
        )
        for k in notice.key_persons
    ]

    branches = [
        say(
            f"{u.name}：{_counts([d for g in u.groups for d in g.items], say)}。",
            f"{u.name}: {_counts([d for g in u.groups for d in g.items], say)}.",
        )
        for u in notice.units
    ]
    own = ""
    if notice.own is not None:
        own_items = [d for g in notice.own.groups for d in g.items]
        own = say(
            f"{issuer}本身存在{_counts(own_items, say)}的问题，由{issuer}于"
            f"{say.day(notice.deadline)}前自行整改。",
            f"{issuer} itself had {_counts(own_items, say)}; {issuer} corrects "
            f"these itself by {say.day(notice.deadline)}.",
        )

    scores = []
    if notice.scores:
        scores.append(
            say(
                "按党支部考核标准，本月各党支部得分依次为：",
                "Under the branch standard, the branches scored this month: ",
            )
            + say("、", ", ").join(
                say(f"{s.name}{s.num_text}分", f"{s.name} {s.num_text}")
                for s in _scored(notice, say)
            )
            + say("。", ". ")
            + _ranking(notice, say, issuer)
        )
    if notice.failed:
        scores.append(
            say(
                f"本月共有{len(notice.failed)}名党员岗区评比失格："
                + "、".join(f"{m.branch_name}{m.name}同志" for m in notice.failed)
                + "，失格原因见附件。",
                f"{_en(len(notice.failed), 'party member{|s}')} failed the month's rating: "
                + ", ".join(f"{m.name} ({m.branch_name})" for m in notice.failed)
                + ". The reasons are listed in the attachment.",
            )
        )

    corrections, overdue = _corrections(notice, say, names)
    intro = close_text = ""
    if corrections:
        intro = say(
            f"请下列党支部抓好整改，并于{say.day(notice.deadline)}前将整改情况书面报告{issuer}：",
            f"The branches named below are to make the following corrections and report them "
            f"to {issuer} in writing by {say.day(notice.deadline)}:",
        )
    if overdue:
        close_text = say(
            f"各党支部逾期整改项目须于{say.day(notice.deadline)}前完成并验证销号。",
            f"Every branch is to finish and verify its overdue actions by "
            f"{say.day(notice.deadline)}.",
        )

    return Prose(
        overview=overview,
        praises=praises,
        praise_close=close,
        cases=cases,
        key_persons=key_persons,
        branches=branches,
        own=own,
        scores=scores,
        corrections_intro=intro,
        corrections=corrections,
        corrections_close=close_text,
        annex=_annex(notice, found, assessed, say, scope, Annex),
    )


class _Score:
    def __init__(self, name: str, num_text: str) -> None:
        self.name = name
        self.num_text = num_text


def _scored(notice: Notice, say: _Say) -> list[_Score]:
    return [_Score(s.name, say.num(s.total)) for s in notice.scores]


def _ranking(notice: Notice, say: _Say, issuer: str) -> str:
    """The last place, named only from final scores: while items to be scored by hand are
    missing the scores are provisional and nobody is named last on them."""
    pending = sorted({s.pending for s in notice.scores if s.pending})
    if pending:
        n = (
            str(pending[0])
            if len(pending) == 1
            else "、".join(f"{s.name}{s.pending}个" for s in notice.scores if s.pending)
        )
        return say(
            f"以上得分为初步结果，人工评定的{n}个项目由{issuer}评定后另行通报。"
            if len(pending) == 1
            else f"以上得分为初步结果，人工评定项目（{n}）由{issuer}评定后另行通报。",
            f"These scores are provisional: the items scored by hand ({n}) are to be scored "
            f"by {issuer} and circulated separately.",
        )
    return "".join(
        say(
            f"{s.name}排名末位，要认真查找原因，制定改进措施。",
            f"{s.name} is ranked last and is to find the causes and set out how it will improve.",
        )
        for s in notice.scores
        if s.lowest
    )


def _corrections(notice: Notice, say: _Say, names: dict[str, str]) -> tuple[list[str], bool]:
    """One item per branch: everything it is to correct, who answers for it, by when."""
    clauses: dict[str, list[str]] = defaultdict(list)
    owners: dict[str, list[str]] = {}
    supervised: dict[str, str] = {}
    overdue = False
    for u in notice.units:
        owners[u.name] = u.secretaries
        for g in u.groups:
            if g.rule == "missed_reports":
                who = [names.get(d.subject, d.subject) for d in g.items]
                clauses[u.name].append(
                    say(
                        f"对漏报安全信息的{'、'.join(who)}按规定进行考核，"
                        "落实党员每日、党小组长每周、党支部每月的信息报告制度",
                        f"assess {say.join(who)} for the missed reports under the rules and "
                        "keep members reporting every duty day, group leaders every week and "
                        "branches every month",
                    )
                )
            elif g.rule == "overdue_action":
                overdue = True
                clauses[u.name].append(
                    say(
                        f"完成逾期整改项目{len(g.items)}项并验证销号",
                        f"finish and verify its {len(g.items)} overdue actions",
                    )
                )
            elif g.rule == "late_analysis" and all(
                e.startswith("I-") for d in g.items for e in d.evidence_ids
            ):
                continue  # a late case: its own item below says how to finish it
            elif g.rule in _CORRECT:
                clauses[u.name].append(say(*_CORRECT[g.rule]))
    for c in notice.cases:
        if c.closed or not c.gap_keys:
            continue
        owners.setdefault(c.branch_name, c.secretaries)
        involved = [s for s in c.secretaries if s in c.persons]
        if involved:
            supervised[c.branch_name] = say(
                f"支部书记{'、'.join(involved)}涉及{say.day(c.date)}{_case_kind(c, say)}，"
                f"由{notice.issuer}督导",
                f"its secretary {say.join(involved)} is involved in the case, so "
                f"{notice.issuer} supervises",
            )
        steps = _to_do(c.gap_keys, say)
        clauses[c.branch_name].append(
            say(
                f"按“{'四不放过' if notice.closure == 'four' else '三不放过'}”要求，对"
                f"{_case_kind(c, say)}“{c.title}”{'，'.join(steps)}，经验证后整改销号",
                f"complete the {_case_kind(c, say)} '{c.title}': {'; '.join(steps)}, and "
                "close it once verified",
            )
        )
    pair_by = notice.deadline + dt.timedelta(days=notice.pair_days)
    for branch in dict.fromkeys(k.branch_name for k in notice.key_persons):
        who = [k.name for k in notice.key_persons if k.branch_name == branch]
        owners.setdefault(branch, [])
        clauses[branch].append(
            say(
                f"对{'、'.join(who)}是否列为安全关键人进行研究，确认后于{say.day(pair_by)}前"
                "指定党员结成包保对子，签订包保责任书",
                f"decide whether {say.join(who)} is to be a key person and, if so, pair them "
                f"with a party member under a signed pairing pledge by {say.day(pair_by)}",
            )
        )
    out = []
    for branch, todo in clauses.items():
        if branch in supervised:
            head = say(f"{branch}（{supervised[branch]}）", f"{branch} ({supervised[branch]})")
        elif owners.get(branch):
            head = say(
                f"{branch}（责任人：支部书记{'、'.join(owners[branch])}）",
                f"{branch} (answerable: branch secretary {say.join(owners[branch])})",
            )
        else:
            head = branch
        out.append(say(f"{head}：{'；'.join(todo)}。", f"{head}: {'; '.join(todo)}."))
    return out, overdue


def _annex(
    notice: Notice,
    found: list[Deficiency],
    assessed: Assessed | None,
    say: _Say,
    scope: Scope,
    annex: type[Annex],
) -> list[Annex]:
    out = []
    if notice.praises:
        out.append(
            annex(
                say("表扬事项", "Commendations"),
                [
                    say(f"{p.who}（记录编号{p.report_id}）", f"{p.who} ({p.report_id})")
                    for p in notice.praises
                ],
            )
        )
    if notice.cases:
        out.append(
            annex(
                say("事故和“两违”", "Accidents and violations"),
                [
                    say(
                        f"{say.day(c.date)}{_case_kind(c, say)}“{c.title}”（记录编号{c.id}）",
                        f"the {_case_kind(c, say)} '{c.title}' of {say.day(c.date)} ({c.id})",
                    )
                    for c in notice.cases
                ],
            )
        )
    if notice.key_persons:
        out.append(
            annex(
                say("拟列安全关键人", "Proposed key persons"),
                [
                    say(
                        f"{k.name}（记录编号{'、'.join(k.evidence)}）"
                        if k.evidence
                        else f"{k.name}（依据本组发现故障统计）",
                        f"{k.name} ({', '.join(k.evidence)})"
                        if k.evidence
                        else f"{k.name} (from the fault counts of the group)",
                    )
                    for k in notice.key_persons
                ],
            )
        )
    if assessed is not None and notice.failed:
        out.append(
            annex(
                say("岗区评比失格党员", "Party members who failed the rating"),
                _failed(assessed, notice, found, say, scope),
            )
        )
    for u in [*notice.units, *([notice.own] if notice.own else [])]:
        items = []
        for g in u.groups:
            for d in g.items:
                extra = [e for e in d.evidence_ids if e not in d.detail]
                note = "".join(_evidence(d.rule, extra, say))
                items.append(d.detail + note + say("。", "."))
        out.append(annex(u.name, items))
    return out


def _evidence(rule: str, ids: list[str], say: _Say) -> list[str]:
    """The records behind a lapse, said for what they are: a missed report is shown by
    what was filed (feedback of other periods) and by the member's assessment."""
    kinds = [
        ("filed", [e for e in ids if rule == "missed_reports" and e[:2] in ("R-", "U-")]),
        ("assessed", [e for e in ids if e.startswith("A-")]),
    ]
    rest = [e for e in ids if not any(e in group for _k, group in kinds)]
    words = {
        "filed": ("本月已反馈的记录编号", "filed"),
        "assessed": ("考核记录编号", "assessment"),
        "other": ("相关记录编号", "records"),
    }
    return [
        say(f"（{words[kind][0]}{'、'.join(group)}）", f" ({words[kind][1]}: {', '.join(group)})")
        for kind, group in [*kinds, ("other", rest)]
        if group
    ]


def _failed(
    assessed: Assessed, notice: Notice, found: list[Deficiency], say: _Say, scope: Scope
) -> list[str]:
    """Why each member failed, in the words of the branch lapses: the same sentence."""
    order = {m.name: n for n, m in enumerate(notice.failed)}
    missed = {d.subject: d.detail for d in found if d.rule == "missed_reports"}
    cases = {i.id: i for i in scope.tree.incidents}
    out = []
    for m in sorted(assessed.members, key=lambda m: order.get(m.name, len(order))):
        if m.assessment.result != "fail":
            continue
        pid = m.assessment.subject
        reasons, title = [], ""
        for d in m.assessment.deductions:
            case = cases.get(d.ref or "")
            if d.ref is None and pid in missed:
                title, _, why = missed[pid].partition(say("：", ": "))
                reasons.append(why)
            elif case is not None and case.type == "accident":
                kind = label("accident_class", case.class_ or "general_d", say.lang)
                reasons.append(
                    say(
                        f"涉及{say.day(case.date)}{kind}（{case.title}），按“身边无事故”标准评定失格",
                        f"involved in the {kind} of {say.day(case.date)} ({case.title}), which "
                        "fails the rating under 'no accident around one'",
                    )
                )
            elif case is not None:
                reasons.append(
                    say(
                        f"本人{say.day(case.date)}发生“{case.title}”，评定失格",
                        f"own case of {say.day(case.date)} ({case.title}) fails the rating",
                    )
                )
            else:
                reasons.append(d.reason)
        if not title:
            title = person_title(scope, pid, "member", m.branch)
        out.append(say(f"{title}：{'；'.join(reasons)}。", f"{title}: {'; '.join(reasons)}."))
    return out
