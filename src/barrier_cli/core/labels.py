"""Chinese and English labels of every choice a record field offers.

Prompts, documents and tables show these; records always store the English value.
"""

from __future__ import annotations

from barrier_cli.core.i18n import Lang as Lang

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "element": {
        "equipment": ("设备", "equipment"),
        "personnel": ("人员", "personnel"),
        "management": ("管理", "management"),
    },
    "category": {
        "hazard": ("安全隐患", "hazard"),
        "violation": ("违章违纪", "violation"),
        "fault": ("车辆故障", "vehicle fault"),
        "near_miss": ("事故苗子", "near miss"),
        "quality": ("检修质量", "work quality"),
        "suggestion": ("合理化建议", "suggestion"),
        "other": ("其他", "other"),
    },
    "source": {
        "on_site": ("现场作业", "on-site work"),
        "cadre_patrol": ("干部监控", "cadre patrol"),
        "joint_labour": ("联劳单位", "partner unit"),
        "briefing": ("班前预想", "pre-shift briefing"),
        "other": ("其他", "other"),
    },
    "level": {
        "member": ("党员", "party member"),
        "group": ("党小组", "party group"),
        "branch": ("党支部", "branch"),
    },
    "key": {
        "train": ("关键列车", "key train"),
        "group": ("关键作业组", "key work group"),
        "post": ("关键岗位", "key post"),
        "link": ("关键环节", "key link"),
        "person": ("关键人", "key person"),
    },
    "risk": {
        "low": ("低", "low"),
        "medium": ("中", "medium"),
        "high": ("高", "high"),
    },
    "report_status": {
        "open": ("待分析", "open"),
        "analysed": ("已分析", "analysed"),
        "rectifying": ("整改中", "rectifying"),
        "closed": ("已闭环", "closed"),
    },
    "action_type": {
        "immediate": ("立即处置", "immediate"),
        "corrective": ("整改", "corrective"),
        "preventive": ("预防", "preventive"),
    },
    "incident_type": {
        "accident": ("事故", "accident"),
        "precursor": ("事故苗子", "precursor"),
        "violation": ("两违", "violation"),
    },
    "accident_class": {
        "extraordinary": ("特别重大事故", "extraordinary"),
        "major": ("重大事故", "major"),
        "large": ("较大事故", "large"),
        "general_a": ("一般A类事故", "general class A"),
        "general_b": ("一般B类事故", "general class B"),
        "general_c": ("一般C类事故", "general class C"),
        "general_d": ("一般D类事故", "general class D"),
    },
    "violation_kind": {
        "rule": ("违章", "rule violation"),
        "discipline": ("违纪", "discipline violation"),
    },
    "severity": {
        "serious": ("严重", "serious"),
        "general": ("一般", "general"),
    },
    "incident_status": {
        "open": ("待分析", "open"),
        "analysing": ("分析中", "analysing"),
        "rectifying": ("整改中", "rectifying"),
        "closed": ("已闭环", "closed"),
    },
    "reason": {
        "low_skill": ("业务素质差", "low skill"),
        "few_finds": ("发现故障少", "few faults found"),
        "violations": ("违章违纪多", "many violations"),
        "attitude": ("思想不稳定", "attitude"),
        "other": ("其他", "other"),
    },
    # What 三不放过 / 四不放过 still lacks (Incident.closure_gaps), in analysis and notice alike.
    "closure_gap": {
        "causes": ("原因未查清", "no causes"),
        "responsibility": ("责任未认定", "no responsibility"),
        "measures": ("无整改措施", "no measures"),
        "measures not done": ("措施未完成", "measures not done"),
        "education": ("未受教育", "no education"),
        "handover": ("未交班", "no handover"),
        "measures not specific": ("措施不具体", "measures not specific"),
        "timeline": ("问题未查清（无经过时间顺序）", "no timeline"),
        "meeting": ("支委会分析缺失或记录不全", "committee meeting missing or unrecorded"),
        "levels": ("未按总支、支部、党员三个层次剖析", "not analysed at three levels"),
        "chain": ("未剖析责任传递和落实效果", "no chain of responsibility or effect"),
        "accountability": ("未责任追究", "no accountability"),
        "overseer": ("未追究“看惯者”责任", "the onlookers (看惯者) not held responsible"),
        "handover_level": ("交班层级不够", "handed over too low"),
        "specific_measures": (
            "措施要素不全（责任人、期限、验证未写全）",
            "measures lack an owner, due date or verification",
        ),
    },
    "pairing_status": {
        "active": ("包保中", "active"),
        "basic": ("基本转化", "basic turnaround"),
        "full": ("完全转化", "full turnaround"),
        "escalated": ("支委协助包保", "escalated"),
        "ended": ("已结束", "ended"),
    },
    "role": {
        "group_leader": ("党小组长", "party group leader"),
        "secretary": ("支部书记", "branch secretary"),
        "committee": ("支委委员", "committee member"),
        "foreman": ("工长", "foreman"),
        "team_leader": ("工班长", "team leader"),
        "duty_officer": ("值班员", "duty officer"),
        "inspector": ("检车员", "car inspector"),
        "info_officer": ("岗位信息员", "information officer"),
        "cadre": ("干部", "cadre"),
    },
    "unit_kind": {
        "general_branch": ("党总支", "general branch"),
        "branch": ("党支部", "branch"),
        "group": ("党小组", "party group"),
    },
    "involved_role": {
        "responsible": ("责任人", "responsible"),
        "involved": ("相关人", "involved"),
        "witness": ("证人", "witness"),
    },
    "cause_kind": {
        "subjective": ("主观", "subjective"),
        "objective": ("客观", "objective"),
    },
    "accountability_action": {
        "replaced": ("撤换", "replaced"),
        "warned": ("警告", "warned"),
        "deducted": ("扣分", "points deducted"),
        "fined": ("罚款", "fined"),
        "rewarded": ("奖励", "rewarded"),
    },
    "assessment_result": {
        "pass": ("合格", "pass"),
        "fail": ("不合格", "fail"),
    },
    "assessment_status": {
        "draft": ("草稿", "draft"),
        "final": ("定稿", "final"),
    },
    "violation_grade": {
        "A": ("A类", "class A"),
        "B": ("B类", "class B"),
    },
    "accountability_role": {
        "doer": ("干惯者", "the one who did it"),
        "overseer": ("看惯者", "the one who looked on"),
    },
    "diligence": {
        "observe": ("思想情绪勤观察", "watch mood and thoughts"),
        "instil": ("规章制度勤灌输", "instil the rules"),
        "help": ("业务技术勤帮助", "help with the work"),
        "remind": ("关键环节勤提醒", "remind at key links"),
        "report": ("包保情况勤汇报", "report on the pairing"),
    },
    "together": {
        "start": ("同出场", "go out together"),
        "work": ("同作业", "work together"),
        "return": ("同归所", "come back together"),
        "rest": ("同休息", "rest together"),
    },
    "reward_kind": {
        "commendation": ("表彰", "commendation"),
        "reward": ("奖励", "reward"),
        "penalty": ("处罚", "penalty"),
    },
    "reward_level": {
        "workshop": ("车间", "workshop"),
        "depot": ("段", "depot"),
        "division": ("分局", "division"),
    },
    "standard": {
        "branch": ("党支部", "branch"),
        "member": ("党员", "party member"),
    },
    "shift": {
        "day": ("白班", "day shift"),
        "morning": ("早班", "morning shift"),
        "afternoon": ("中班", "afternoon shift"),
        "night": ("夜班", "night shift"),
        "off": ("休班", "off"),
    },
    "lang": {
        "zh": ("中文", "Chinese"),
        "en": ("英文", "English"),
    },
    "weekday": {
        "mon": ("星期一", "Monday"),
        "tue": ("星期二", "Tuesday"),
        "wed": ("星期三", "Wednesday"),
        "thu": ("星期四", "Thursday"),
        "fri": ("星期五", "Friday"),
        "sat": ("星期六", "Saturday"),
        "sun": ("星期日", "Sunday"),
    },
    "closure": {
        "three": ("三不放过", "three principles"),
        "four": ("四不放过", "four principles"),
    },
    "period": {
        "day": ("每天", "daily"),
        "week": ("每周", "weekly"),
        "month": ("每月", "monthly"),
    },
    "document_format": {
        "md": ("Markdown", "Markdown"),
        "html": ("HTML", "HTML"),
    },
    "item_source": {
        "derived": ("由记录得出", "derived from records"),
        "entered": ("人工录入", "entered by hand"),
    },
    "competence_kind": {
        "knows": ("应知一口清", "knowledge check"),
        "skills": ("应会一手精", "skills check"),
        "study": ("双学双提", "study"),
        "contest": ("四赛", "contest"),
    },
    "contest": {
        "joint": ("联手赛", "joint contest"),
        "versus": ("对抗赛", "team match"),
        "arena": ("擂台赛", "challenge contest"),
        "upgrade": ("升格赛", "upgrade contest"),
    },
    "key_status": {
        "proposed": ("提出", "proposed"),
        "confirmed": ("确认", "confirmed"),
        "paired": ("已包保", "paired"),
        "turned": ("已转化", "turned around"),
        "not_turned": ("未转化", "not turned around"),
    },
    "key_signal": {
        "violation": ("两违", "violation"),
        "quality": ("检修质量反馈", "quality feedback"),
        "precursor": ("事故苗子", "near miss"),
        "competence": ("素质考核不合格", "failed check"),
        "few_finds": ("发现故障少", "few faults found"),
        "other": ("其他", "other"),
    },
}


FIELD_GROUPS: dict[tuple[str, str], str] = {
    ("Report", "status"): "report_status",
    ("Report", "keys"): "key",
    ("Incident", "status"): "incident_status",
    ("Incident", "type"): "incident_type",
    ("Incident", "class"): "accident_class",
    ("Pairing", "status"): "pairing_status",
    ("Pairing", "reasons"): "reason",
    ("Action", "type"): "action_type",
    ("Violation", "kind"): "violation_kind",
    ("Cause", "kind"): "cause_kind",
    ("Reward", "kind"): "reward_kind",
    ("Reward", "level"): "reward_level",
    ("KeyPerson", "status"): "key_status",
    ("KeySignal", "kind"): "key_signal",
    ("Competence", "kind"): "competence_kind",
    ("Roundup", "status"): "assessment_status",
    ("Assessment", "result"): "assessment_result",
    ("Assessment", "status"): "assessment_status",
    ("Accountability", "action"): "accountability_action",
    ("Accountability", "role"): "accountability_role",
    ("Involved", "role"): "involved_role",
    ("Violation", "grade"): "violation_grade",
    ("Standard", "id"): "standard",
    ("StandardItem", "source"): "item_source",
    ("Cycle", "shifts"): "shift",
    ("Unit", "kind"): "unit_kind",
    ("Settings", "working_days"): "weekday",
    ("Settings", "cadence"): "level",
    ("Settings", "risk_weights"): "risk",
    ("Cases", "a_class_severities"): "severity",
    ("Cases", "grade_weights"): "violation_grade",
    ("NoticeEntry", "sha256"): "document_format",
}
"""The labels group of a field (model class name, YAML key) where its key alone does not
say it; every other choice field's group is named by its key, or its key without a plural s.
The one map from fields to labels: `show`, `list`, the schemas and the prompts read it."""


def group_of(model: type, key: str) -> str | None:
    """The labels group of ``key`` on ``model`` (or a base it inherits), if it has one."""
    for cls in model.__mro__:
        group = FIELD_GROUPS.get((cls.__name__, key))
        if group is not None:
            return group
    for candidate in (key, key.removesuffix("s")):
        if candidate in LABELS:
            return candidate
    return None


def label(group: str, value: str, lang: Lang = "zh") -> str:
    """The label of ``value`` in ``group``; the value itself if it has none."""
    pair = LABELS.get(group, {}).get(value)
    if pair is None:
        return value
    return pair[0] if lang == "zh" else pair[1]
