"""The zh/en title and one-line help of every field of every record kind.

The models say what a field *is*; this says what to call it and how to fill it in, for the
interactive prompts, the JSON Schema descriptions and the documentation tables. Entries are
keyed by model class name and by the key as written in YAML (``class``, not ``class_``);
fields a model inherits are found on its base (``RecordModel`` holds ``tags``, ``notes`` …).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from barrier_cli.core.i18n import Lang


@dataclass(frozen=True, slots=True)
class FieldDoc:
    title_zh: str
    title_en: str
    help_zh: str = ""
    help_en: str = ""

    def title(self, lang: Lang = "zh") -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def help(self, lang: Lang = "zh") -> str:
        return self.help_zh if lang == "zh" else self.help_en


D = FieldDoc

_DATE_HELP = ("格式 YYYY-MM-DD", "YYYY-MM-DD")
_PERSON_HELP = ("org.yaml 中的人员编号", "a person id from org.yaml")
_UNIT_HELP = ("org.yaml 中的单位编号", "a unit id from org.yaml")

FIELDS: dict[str, dict[str, FieldDoc]] = {
    # -- fields every record may carry ------------------------------------------------------
    "RecordModel": {
        "tags": D("标签", "tags", "自由标签，便于检索", "free labels for finding records"),
        "notes": D("备注", "notes", "任何补充说明", "anything else worth keeping"),
        "withdrawn": D(
            "撤销",
            "withdrawn",
            "记录只撤销不删除：日期、撤销人、原因",
            "records are withdrawn, never deleted: date, by, reason",
        ),
        "amendments": D(
            "更正记录",
            "amendments",
            "已闭环或定稿的记录被修改时必须登记：日期、修改人、原因",
            "required when a closed or final record changes: date, by, reason",
        ),
    },
    "Signed": {
        "date": D("日期", "date", *_DATE_HELP),
        "by": D("经办人", "by", *_PERSON_HELP),
        "reason": D("原因", "reason", "一句话说明原因", "one line"),
    },
    "Action": {
        "action": D("措施", "action", "具体要做什么，一句话", "what is to be done, one line"),
        "type": D(
            "措施类型", "type", "立即处置、整改或预防", "immediate, corrective or preventive"
        ),
        "owner": D("责任人", "owner", "负责落实的人员编号", "person id of who sees it done"),
        "due": D("期限", "due", "应完成的日期 YYYY-MM-DD", "the date it must be done by"),
        "done": D("完成日期", "done", "实际完成的日期", "the date it was done"),
        "verified_by": D(
            "验证人", "verified by", "确认落实的人员编号", "person id of who checked it"
        ),
    },
    # -- settings ---------------------------------------------------------------------------
    "Settings": {
        "cases": D("典型案例与两违", "typical cases", "分析时限、交班层级、两违分类", ""),
        "key_persons": D("安全关键人", "key persons", "各信号的权重和阈值", ""),
        "organisation": D("单位名称", "organisation", "文件抬头用的名称", "name used in headings"),
        "lang": D("语言", "language", "zh 或 en，文档与提示的语言", "zh or en, for documents"),
        "timezone": D(
            "时区",
            "time zone",
            "取“今天”日期的时区，默认 Asia/Shanghai",
            "IANA zone in which 'today' is taken, default Asia/Shanghai",
        ),
        "cadence": D(
            "报送频次",
            "cadence",
            "三级网络各层的反馈周期和每期最少条数",
            "each tier's feedback period and minimum per period",
        ),
        "patrol": D(
            "干部监控频次",
            "cadre patrols",
            "党员干部深入现场的周期和每期最少次数",
            "how often each cadre patrols, and the least per period",
        ),
        "working_days": D(
            "工作日",
            "working days",
            "未排班人员的应反馈日，例如 [mon, tue, wed, thu, fri]",
            "duty days of whoever the roster does not cover",
        ),
        "deadlines": D("时限", "deadlines", "分析、闭环和包保的期限", "analysis, closure, pairing"),
        "closure": D(
            "闭环原则",
            "closure rule",
            "three = 三不放过，four = 四不放过（加受教育）",
            "three = 三不放过, four = 四不放过 (adds education)",
        ),
        "risk_weights": D(
            "风险权重", "risk weights", "薄弱环节排序时各风险等级的权重", "weights for ranking"
        ),
        "notice": D("通报", "notice", "发文单位、文号格式和主送单位", "issuer, number format"),
    },
    "TierCadence": {
        "period": D("周期", "period", "day、week 或 month", "day, week or month"),
        "min": D(
            "每期最少条数", "minimum per period", "低于此数即为漏报", "fewer is a missed period"
        ),
    },
    "Cases": {
        "analysis_days": D("分析时限（天）", "days to analyse", "按事故等级、苗子、A/B类两违", ""),
        "handover_levels": D("交班层级", "handover levels", "由低到高", "lowest first"),
        "handover": D("应交班层级", "handover required", "各等级至少交班到的层级", ""),
        "generic_measures": D("空泛措施", "generic measures", "只写这些不算具体措施", ""),
        "a_class_severities": D("A类两违", "A-class severities", "这些严重程度算A类", ""),
        "grade_weights": D("A/B类权重", "grade weights", "考核中A、B类两违的分量", ""),
    },
    "KeyPersonRules": {
        "weights": D(
            "信号权重", "signal weights", "两违、质量反馈、事故苗子、考核不合格、发现故障少", ""
        ),
        "threshold": D("提出阈值", "threshold", "信号权重合计达到即提出", ""),
        "months": D("统计月数", "months looked at", "", ""),
        "few_finds_ratio": D("发现故障少比例", "few-finds ratio", "低于本组平均的比例", ""),
        "pair_days": D("结对时限（天）", "days to pair", "确定后几天内结成包保对子", ""),
    },
    "Deadlines": {
        "pairing_escalated_months": D("协助包保期限（月）", "months after escalation", "", ""),
        "analyse_days": D("分析时限（天）", "days to analyse", "信息报送后几天内完成分析", ""),
        "close_days": D("闭环时限（天）", "days to close", "信息报送后几天内闭环", ""),
        "pairing_basic_months": D("基本转化期限（月）", "months to basic turnaround", "", ""),
        "pairing_full_months": D("完全转化期限（月）", "months to full turnaround", "", ""),
        "reminders": D(
            "提醒天数",
            "reminder days",
            "到期前几天提醒，例如 [7, 1, 0]",
            "days before due to remind, e.g. [7, 1, 0]",
        ),
        "backdate_days": D(
            "补报确认天数",
            "backdate days",
            "录入日期早于今天超过此天数时须确认一次（迟报计为漏报）",
            "entering a date further back asks once to confirm (late counts as missed)",
        ),
        "feedback_days": D(
            "反馈时限（天）",
            "days to feedback",
            "信息报送后几天内向报送人反馈处理结果",
            "days within which the reporter hears what became of it",
        ),
    },
    "NoticeSettings": {
        "issuer": D("发文单位", "issuer", "", ""),
        "number": D(
            "文号格式",
            "number format",
            "可用 {year} 和 {seq}，如 车间党总支〔{year}〕{seq}号",
            "may use {year} and {seq}",
        ),
        "recipients": D("主送单位", "recipients", "", ""),
        "authority": D(
            "发文机关标志", "issuing authority", "如 中共XX车辆段列检车间总支部委员会", "letterhead"
        ),
        "copy_to": D("抄送单位", "copied to", "", ""),
        "printer": D(
            "印发机关",
            "printed by",
            "默认为发文机关全称",
            "default: the issuer's full name (authority)",
        ),
        "self_review": D(
            "自查", "self-review", "发文单位自身问题另段自查", "the issuer's own lapses apart"
        ),
        "correction_days": D("整改期限（天）", "days to correct", "通报要求整改的天数", ""),
    },
    # -- org.yaml ---------------------------------------------------------------------------
    "Org": {
        "units": D("单位", "units", "党总支、党支部、党小组", "general branch, branches, groups"),
        "partners": D("联劳单位", "partner units", "列检、信号楼、站调等", "signal box etc."),
        "people": D("人员", "people", "", ""),
    },
    "Unit": {
        "id": D("编号", "id", "字母、数字、_ - .", "letters, digits, _ - ."),
        "name": D("名称", "name", "", ""),
        "kind": D("类别", "kind", "党总支、党支部或党小组", "general branch, branch or group"),
        "parent": D("上级单位", "parent", *_UNIT_HELP),
    },
    "Partner": {
        "id": D("编号", "id", "字母、数字、_ - .", "letters, digits, _ - ."),
        "name": D("名称", "name", "", ""),
    },
    "Person": {
        "id": D(
            "编号", "id", "字母、数字、_ - .，如工号", "letters, digits, _ - ., e.g. staff no."
        ),
        "name": D("姓名", "name", "", ""),
        "unit": D("所在单位", "unit", *_UNIT_HELP),
        "party_member": D("党员", "party member", "是否党员", "whether a party member"),
        "post": D(
            "岗位", "post", "列检员、车辆钳工、值班员等", "inspector, fitter, duty officer …"
        ),
        "roles": D("职务", "roles", "党小组长、支部书记、工长等", "group leader, secretary …"),
        "since": D("起始日期", "since", "调入本单位的日期", "joined the unit on"),
        "until": D("离开日期", "until", "调离本单位的日期", "left the unit on"),
    },
    # -- standards --------------------------------------------------------------------------
    "Standard": {
        "id": D("标准", "standard", "branch（支部）或 member（党员）", "branch or member"),
        "name": D("名称", "name", "", ""),
        "pass_mark": D("合格分", "pass mark", "低于此分为不合格", "below it is a fail"),
        "aspects": D("考核方面", "aspects", "", ""),
    },
    "Aspect": {
        "id": D("编号", "id", "", ""),
        "name": D("名称", "name", "", ""),
        "items": D("考核项目", "items", "", ""),
    },
    "StandardItem": {
        "id": D("编号", "id", "", ""),
        "name": D("名称", "name", "", ""),
        "max": D("满分", "max points", "", ""),
        "description": D("说明", "description", "评分细则", "how it is scored"),
        "source": D(
            "来源", "source", "derived 据记录核算，entered 人工录入并附依据", "derived or entered"
        ),
        "rules": D("扣分规则", "rules", "扣分情形: 每次扣分", "shortfall: points each"),
    },
    # -- report -----------------------------------------------------------------------------
    "Report": {
        "id": D("编号", "id", "R-YYYYMMDD-XXXX，自动生成", "R-YYYYMMDD-XXXX, generated"),
        "date": D("发现日期", "date", "发现问题的日期，不能晚于今天", "when observed, not future"),
        "filed": D(
            "录入日期",
            "filed",
            "补录时的录入日期，晚于发现日期即为迟报",
            "when written down, if after the day observed: late",
        ),
        "reporter": D("报送人", "reporter", *_PERSON_HELP),
        "unit": D("报送单位", "unit", "默认为报送人所在单位", "default: the reporter's unit"),
        "level": D(
            "报送层级",
            "tier",
            "三级网络：党员、党小组、党支部",
            "the network tier: member, group, branch",
        ),
        "source": D("信息来源", "source", "现场作业、干部监控、联劳单位等", "where it came from"),
        "partner": D(
            "联劳单位", "partner unit", "来源为联劳单位时必填", "required for joint_labour"
        ),
        "element": D(
            "要素", "element", "三要素：设备、人员、管理", "equipment, personnel, management"
        ),
        "category": D("类别", "category", "隐患、违章、故障、苗子等", "hazard, violation, fault …"),
        "keys": D("五个关键", "five keys", "涉及的关键（可多选）", "the key points touched (many)"),
        "risk": D("风险等级", "risk", "低、中、高", "low, medium, high"),
        "train": D("车次", "train", "如 41008", "e.g. 41008"),
        "vehicle": D("车号", "vehicle", "如 G606230356", "e.g. G606230356"),
        "location": D("地点", "location", "股道、作业场等", "track, yard …"),
        "persons": D("涉及人员", "persons", "违章人、关键人等的编号", "violators, key persons"),
        "summary": D("摘要", "summary", "一句话说清发现了什么", "one line: what was found"),
        "details": D("详细情况", "details", "经过、部位、处置", "what happened, where, what done"),
        "status": D("状态", "status", "待分析、已分析、整改中、已闭环", "open … closed"),
        "analysis": D("分析", "analysis", "分析日期、分析人、原因", "date, by, cause"),
        "actions": D("整改措施", "actions", "每条须有责任人和期限", "each needs owner and due"),
        "closed": D("闭环日期", "closed", "状态为已闭环时必填", "required when closed"),
        "commend": D("表扬", "commend", "是否作为好的发现在通报中表扬", "praise in the notice"),
        "links": D("关联记录", "links", "相关信息或事故的编号", "related report or incident ids"),
    },
    "Analysis": {
        "date": D("分析日期", "date", *_DATE_HELP),
        "by": D("分析人", "by", *_PERSON_HELP),
        "cause": D("原因", "cause", "查明的原因", "the cause found"),
    },
    # -- incident ---------------------------------------------------------------------------
    "Incident": {
        "id": D("编号", "id", "I-YYYYMMDD-XX，自动生成", "I-YYYYMMDD-XX, generated"),
        "date": D("发生日期", "date", *_DATE_HELP),
        "title": D("标题", "title", "一句话概括", "one line"),
        "unit": D("责任单位", "unit", *_UNIT_HELP),
        "type": D("性质", "type", "事故、事故苗子或两违", "accident, precursor or violation"),
        "class": D("事故等级", "class", "事故必填：一般A类…特别重大", "accidents: general_a …"),
        "code": D("事故代码", "code", "如 C2", "e.g. C2"),
        "violation": D(
            "两违", "violation", "违章或违纪、严重程度、当事人", "kind, severity, person"
        ),
        "train": D("车次", "train", "", ""),
        "location": D("地点", "location", "", ""),
        "description": D("经过", "description", "事情经过", "what happened"),
        "persons": D("相关人员", "persons", "当事人及其角色", "people and their role"),
        "timeline": D("时间顺序", "timeline", "按时间顺序的经过", "events in time order"),
        "analysis": D("分析", "analysis", "三级分析和分析会", "three-level findings, meeting"),
        "causes": D(
            "原因", "causes", "按三要素分主观、客观原因", "by element, subjective/objective"
        ),
        "responsibility": D("责任认定", "responsibility", "", ""),
        "measures": D("防范措施", "measures", "每条须有责任人和期限", "each needs owner and due"),
        "education": D("教育", "education", "四不放过：相关人员受教育", "for 四不放过"),
        "accountability": D("问责", "accountability", "撤换、警告、扣分、罚款、奖励", ""),
        "handover": D("交班", "handover", "向上级交班：层级和日期", "reported up: level, date"),
        "status": D("状态", "status", "待分析、分析中、整改中、已闭环", "open … closed"),
        "closed": D("闭环日期", "closed", "三不放过齐全后方可闭环", "only when 三不放过 is met"),
        "reports": D("关联信息", "reports", "相关安全信息的编号", "linked report ids"),
        "typical": D(
            "典型案例", "typical", "按典型案例程序剖析后方可闭环", "full procedure before closing"
        ),
    },
    "Violation": {
        "kind": D("违章/违纪", "kind", "", ""),
        "severity": D("严重程度", "severity", "严重或一般", "serious or general"),
        "person": D("当事人", "person", *_PERSON_HELP),
        "grade": D("类别", "grade", "A类或B类；不填按严重程度", "A or B; else by severity"),
    },
    "Involved": {
        "person": D("人员", "person", *_PERSON_HELP),
        "role": D("角色", "role", "责任人、相关人或证人", "responsible, involved or witness"),
    },
    "TimelineEntry": {
        "at": D("时间", "at", "日期、日期时间或一段文字", "a date, date-time or text"),
        "event": D("事件", "event", "", ""),
    },
    "IncidentAnalysis": {
        "levels": D(
            "三级分析", "levels", "党总支、党支部、党员三级", "general branch, branch, member"
        ),
        "meeting": D("分析会", "meeting", "日期、会议类别和参会人", "date, kind, attendees"),
        "chain": D(
            "责任传递", "chain", "责任如何逐级传递、在哪一级断档", "how responsibility passed"
        ),
        "effect": D("落实效果", "effect", "以往措施的落实效果", "what earlier measures achieved"),
    },
    "LevelFindings": {
        "general_branch": D("党总支分析", "general branch", "", ""),
        "branch": D("党支部分析", "branch", "", ""),
        "member": D("党员分析", "member", "", ""),
    },
    "Meeting": {
        "date": D("日期", "date", *_DATE_HELP),
        "kind": D("会议", "kind", "如 支委会", "e.g. branch committee"),
        "attendees": D("参会人", "attendees", "参加分析会的人员编号", "person ids present"),
    },
    "Cause": {
        "element": D("要素", "element", "设备、人员、管理", "equipment, personnel, management"),
        "text": D("原因", "text", "", ""),
        "kind": D("主客观", "kind", "主观或客观", "subjective or objective"),
    },
    "Responsibility": {
        "person": D("责任人", "person", *_PERSON_HELP),
        "unit": D("责任单位", "unit", *_UNIT_HELP),
        "finding": D("认定", "finding", "责任认定结论", "what was found"),
    },
    "Accountability": {
        "person": D("被问责人", "person", *_PERSON_HELP),
        "action": D("处理", "action", "撤换、警告、扣分、罚款或奖励", "replaced, warned, …"),
        "detail": D("说明", "detail", "", ""),
        "date": D("日期", "date", *_DATE_HELP),
        "role": D("干惯者/看惯者", "role", "doer 干惯者，overseer 看惯者", "doer or overseer"),
        "amount": D("金额", "amount", "罚款或奖励金额（元）", "yuan, for a fine or reward"),
    },
    "Education": {
        "date": D("日期", "date", *_DATE_HELP),
        "by": D("施教人", "by", *_PERSON_HELP),
        "content": D("内容", "content", "", ""),
        "persons": D("受教育人员", "persons", "", ""),
    },
    "Handover": {
        "level": D("交班层级", "level", "向哪一级交班", "to which level"),
        "date": D("交班日期", "date", *_DATE_HELP),
    },
    # -- pairing ----------------------------------------------------------------------------
    "Pairing": {
        "id": D("编号", "id", "P-YYYYMMDD-XX，自动生成", "P-YYYYMMDD-XX, generated"),
        "mentor": D("包保党员", "mentor", "与关键人同单位的党员", "a party member of the unit"),
        "person": D("关键人", "key person", *_PERSON_HELP),
        "unit": D("单位", "unit", *_UNIT_HELP),
        "start": D("开始日期", "start", *_DATE_HELP),
        "reasons": D("列为关键人的原因", "reasons", "可多选", "one or more"),
        "plan": D("帮教计划", "plan", "", ""),
        "goals": D("目标", "goals", "每行一个目标", "one goal a line"),
        "measures": D("措施", "measures", "责任书中的包保措施，每行一条", "one measure a line"),
        "escalated_on": D("协助包保日期", "escalated on", "支委委员加入之日", "when escalated"),
        "letter": D("责任书签订日期", "letter signed", *_DATE_HELP),
        "reviews": D("跟踪记录", "reviews", "日期、记录人、情况", "date, by, note"),
        "assistant": D(
            "协助包保支委", "assistant", "到期未转化时增加的支委委员", "committee member added"
        ),
        "basic_on": D("基本转化日期", "basic turnaround on", *_DATE_HELP),
        "full_on": D("完全转化日期", "full turnaround on", *_DATE_HELP),
        "status": D("状态", "status", "包保中、基本转化、完全转化…", "active, basic, full …"),
        "ended": D("结束日期", "ended", *_DATE_HELP),
    },
    # -- competence, key persons, rewards --------------------------------------------------
    "Competence": {
        "id": D("编号", "id", "C-YYYYMMDD-XX", "C-YYYYMMDD-XX"),
        "date": D("日期", "date", *_DATE_HELP),
        "unit": D("单位", "unit", *_UNIT_HELP),
        "kind": D(
            "类别",
            "kind",
            "knows 应知一口清、skills 应会一手精、study 双学双提、contest 四赛",
            "knows, skills, study or contest",
        ),
        "contest": D(
            "四赛",
            "contest",
            "joint 联手赛、versus 对抗赛、arena 擂台赛、upgrade 升格赛",
            "joint, versus, arena or upgrade",
        ),
        "title": D("名称", "title", "一句话", "one line"),
        "by": D("组织人", "by", *_PERSON_HELP),
        "results": D("成绩", "results", "每人是否合格、得分、名次", "each person's result"),
    },
    "CompetenceResult": {
        "person": D("人员", "person", *_PERSON_HELP),
        "passed": D("合格", "passed", "", ""),
        "score": D("得分", "score", "0–100", "0–100"),
        "place": D("名次", "place", "", ""),
        "note": D("说明", "note", "", ""),
    },
    "KeyPerson": {
        "id": D("编号", "id", "K-YYYYMMDD-XX", "K-YYYYMMDD-XX"),
        "person": D("安全关键人", "person", *_PERSON_HELP),
        "unit": D("单位", "unit", *_UNIT_HELP),
        "proposed": D("提出日期", "proposed", *_DATE_HELP),
        "signals": D("依据", "signals", "两违、质量反馈、事故苗子、考核不合格、发现故障少", ""),
        "status": D(
            "状态",
            "status",
            "提出、确定、已包保、已转化、未转化",
            "proposed, confirmed, paired, turned, not_turned",
        ),
        "confirmed": D("确定日期", "confirmed", *_DATE_HELP),
        "by": D("确定人", "by", *_PERSON_HELP),
        "pairing": D("包保对子", "pairing", "P-… 编号", "a pairing id"),
        "closed": D("转化评定日期", "closed", *_DATE_HELP),
    },
    "KeySignal": {
        "kind": D("信号", "kind", "violation、quality、precursor、competence、few_finds", ""),
        "ref": D("依据记录", "ref", "信息、事故或考核的编号", "a record id"),
        "note": D("说明", "note", "", ""),
    },
    "Reward": {
        "id": D("编号", "id", "W-YYYYMMDD-XX", "W-YYYYMMDD-XX"),
        "date": D("日期", "date", *_DATE_HELP),
        "kind": D("类别", "kind", "表彰、奖励或处罚", "commendation, reward or penalty"),
        "level": D("层级", "level", "workshop 车间、depot 段、division 分局", ""),
        "person": D("人员", "person", *_PERSON_HELP),
        "unit": D("单位", "unit", *_UNIT_HELP),
        "amount": D("金额（元）", "amount (yuan)", "", ""),
        "reason": D("事由", "reason", "一句话", "one line"),
        "record": D("关联记录", "record", "信息、事故或考核的编号", "a record id"),
    },
    "Priorities": {
        "id": D("编号", "id", "S-YYYY-MM", "S-YYYY-MM"),
        "month": D("月份", "month", "保安全重点所属月份 YYYY-MM", "the month they are for"),
        "adopted": D("采纳日期", "adopted", *_DATE_HELP),
        "by": D("采纳人", "adopted by", *_PERSON_HELP),
        "items": D("保安全重点", "priorities", "", ""),
    },
    "PriorityItem": {
        "content": D("重点内容", "content", "一句话", "one line"),
        "measures": D("措施", "measures", "每条一句话", "one line each"),
        "unit": D("责任单位", "responsible unit", *_UNIT_HELP),
        "owner": D("责任人", "responsible person", *_PERSON_HELP),
        "due": D("完成时限", "deadline", *_DATE_HELP),
        "basis": D("依据记录", "drawn from", "信息或事故的编号", "report or incident ids"),
        "done": D("完成日期", "done", *_DATE_HELP),
        "evidence": D("落实依据", "evidence", "记录编号或简要说明", "record ids or a short note"),
    },
    "Review": {
        "date": D("日期", "date", *_DATE_HELP),
        "by": D("记录人", "by", *_PERSON_HELP),
        "note": D("情况", "note", "本次跟踪帮教的情况", "how the person is doing"),
        "diligences": D(
            "五勤",
            "five diligences",
            "observe 勤观察、instil 勤灌输、help 勤帮助、remind 勤提醒、report 勤汇报",
            "observe, instil, help, remind, report",
        ),
        "together": D(
            "四同",
            "four togethers",
            "start 同出场、work 同作业、return 同归所、rest 同休息",
            "start, work, return, rest",
        ),
    },
    # -- assessment -------------------------------------------------------------------------
    "Assessment": {
        "id": D("编号", "id", "A-<期间>-<对象>", "A-<period>-<subject>"),
        "period": D("期间", "period", "2026-10 或 2026-Q4", "2026-10 or 2026-Q4"),
        "subject": D("考核对象", "subject", "单位或人员编号", "a unit or person id"),
        "standard": D("考核标准", "standard", "branch 或 member", "branch or member"),
        "items": D("项目得分", "item scores", "", ""),
        "deductions": D("扣分", "deductions", "每项须说明原因，可引用记录", "reason, optional ref"),
        "result": D("结果", "result", "党员考核：合格或不合格", "members: pass or fail"),
        "status": D("状态", "status", "草稿或定稿", "draft or final"),
        "by": D("考核人", "by", *_PERSON_HELP),
        "date": D("日期", "date", *_DATE_HELP),
    },
    "ItemScore": {
        "item": D("项目", "item", "标准中的项目编号", "an item id of the standard"),
        "score": D("得分", "score", "不超过该项满分", "at most the item's max"),
        "note": D("说明", "note", "", ""),
        "evidence": D(
            "依据", "evidence", "记录编号或所见情况，每行一条", "record ids or what was seen"
        ),
    },
    "Deduction": {
        "item": D("项目", "item", "标准中的项目编号", "an item id of the standard"),
        "points": D("扣分", "points", "", ""),
        "reason": D("原因", "reason", "", ""),
        "ref": D("依据", "ref", "引用的记录编号", "the record id it rests on"),
    },
    # -- notice register --------------------------------------------------------------------
    "NoticeEntry": {
        "id": D("编号", "id", "N-YYYY-NNN", "N-YYYY-NNN"),
        "number": D("文号", "number", "", ""),
        "year": D("年度", "year", "", ""),
        "seq": D("序号", "sequence", "", ""),
        "date": D("印发日期", "date", *_DATE_HELP),
        "month": D("通报月份", "month", "YYYY-MM", "YYYY-MM"),
        "by": D("签发人", "by", *_PERSON_HELP),
        "title": D("标题", "title", "", ""),
        "file": D("文件", "file", "印发文件的路径", "path of the issued file"),
        "deadline": D("整改期限", "deadline", *_DATE_HELP),
        "as_of": D("统计截止日", "counted as of", *_DATE_HELP),
        "lang": D("语言", "language", "zh 或 en", "zh or en"),
        "content": D(
            "印发内容", "issued content", "印发时冻结的通报内容", "the notice as issued, frozen"
        ),
        "sha256": D(
            "文件摘要",
            "digests",
            "印发文件（md、html）的 SHA-256",
            "SHA-256 of the issued md, html",
        ),
    },
    # -- the information network: nil returns, roster, roundups -----------------------------
    "NilReturns": {
        "id": D("编号", "id", "D-YYYYMM-<人员编号>", "D-YYYYMM-<person id>"),
        "person": D("党员", "person", *_PERSON_HELP),
        "month": D("月份", "month", "YYYY-MM", "YYYY-MM"),
        "days": D("今日无异常", "nil returns", "每个值班日一条", "one entry per duty day"),
    },
    "ReturnDay": {
        "date": D("日期", "date", *_DATE_HELP),
        "by": D(
            "代报组长", "ticked by", "由党小组长点名时的组长", "the group leader who ticked it"
        ),
        "filed": D("补报日期", "filed", "事后补报的日期", "when recorded, if later: late"),
    },
    "Roster": {
        "cycles": D("轮班", "shift cycles", "各组的倒班规律", "each group's shift pattern"),
        "leave": D("请假", "leave", "请假、缺勤的人员和日期", "who is away, from when to when"),
    },
    "Cycle": {
        "unit": D("单位", "unit", *_UNIT_HELP),
        "start": D("起始日", "cycle start", "shifts 第一项所在的日期", "the day of shifts[0]"),
        "shifts": D("班次", "shifts", "day、morning、afternoon、night 或 off，循环", "repeating"),
    },
    "Leave": {
        "person": D("人员", "person", *_PERSON_HELP),
        "start": D("开始", "from", *_DATE_HELP),
        "end": D("结束", "to", "含当天", "included"),
        "reason": D("原因", "reason", "", ""),
    },
    "Roundup": {
        "id": D("编号", "id", "U-<期间>-<单位>", "U-<period>-<unit>"),
        "level": D("层级", "level", "group（每周）或 branch（每月）", "group (weekly), branch"),
        "unit": D("单位", "unit", *_UNIT_HELP),
        "period": D("期间", "period", "2026-W12 或 2026-03", "2026-W12 or 2026-03"),
        "date": D("填写日期", "date", *_DATE_HELP),
        "by": D("填写人", "by", *_PERSON_HELP),
        "status": D("状态", "status", "草稿或定稿；定稿才算按期反馈", "draft or final (counts)"),
        "counts": D("信息数", "counts", "按三要素统计，另计无异常", "by element, nil returns"),
        "open": D("未闭环", "open items", "本期未闭环的信息", "reports still open"),
        "escalate": D("上报事项", "raised", "需上报上级的信息", "reports raised upward"),
        "silent": D("未反馈", "no feedback", "谁在哪些日期（周）未反馈", "who missed which days"),
        "violations": D("两违", "violations", "支部每月分析的党员两违", "两违 to analyse"),
        "weeks": D("各组周汇总", "group weeks", "所依据的党小组周汇总", "the groups' weeks"),
        "judgement": D("分析意见", "judgement", "本期情况和下步措施", "assessment, next steps"),
    },
    "Counts": {
        "equipment": D("设备", "equipment", "", ""),
        "personnel": D("人员", "personnel", "", ""),
        "management": D("管理", "management", "", ""),
        "nil_returns": D("今日无异常", "nil returns", "不计入安全信息", "never safety information"),
    },
    "Silent": {
        "who": D("对象", "who", "人员或单位编号", "a person or unit id"),
        "missed": D("漏报", "missed", "未反馈的日期或周", "days or weeks missed"),
    },
}


def field_doc(model: type[BaseModel], key: str) -> FieldDoc:
    """The doc of ``key`` (YAML key or Python field name) on ``model`` or a base it inherits.

    Raises KeyError for a field nobody documented: a test walks every model so that none is
    forgotten.
    """
    field = model.model_fields.get(key)
    yaml_key = (field.alias or key) if field is not None else key
    for cls in model.__mro__:
        doc = FIELDS.get(cls.__name__, {}).get(yaml_key)
        if doc is not None:
            return doc
    raise KeyError(f"{model.__name__}.{yaml_key} has no field doc")
