"""Known answers for the analysis after the sixth review (issue 15 items 4 and 7): the
general branch named as its cadres where it reported and as itself where it answers;
overdue priorities said from their follow-up; hazards' own measures with their owners."""

from __future__ import annotations


def test_the_general_branch_reports_as_its_cadres(zh: str, en: str) -> None:
    """zh 13, en 1: tables and lists name the issuer's own reports 车间党总支（干部）."""
    assert "| **车间党总支（干部）** | **3** | **6%** |\n" in zh
    assert "| 车间党总支（干部） | 1 | 1 | 1 | 3 |\n" in zh
    assert "制动梁安全链脱落1条（车间党总支（干部））" in zh
    assert "| **General Branch cadres** | **3** | **6%** |\n" in en
    assert "| General Branch cadres | 1 | 1 | 1 | 3 |\n" in en
    # the issuing name stays in the title and the signature only
    body = zh.split("\n", 1)[1].rsplit("\n\n", 1)[0]
    assert "列检车间党总支" not in body


def test_the_general_branch_answers_as_itself(zh: str, en: str) -> None:
    """zh 13, en 1: 责任单位 is the issuer; its member supervises by his post."""
    assert "| 加强关键列车“车辆故障”问题卡控 | 车间党总支 | 刘振华 | 10月31日 |" in zh
    assert "车间党总支委员刘振华督导" in zh
    assert "车间党总支书记王建国督导" in zh
    assert (
        "| Tighten checks for vehicle faults on key trains | General Branch | Liu Zhenhua |" in en
    )
    assert "supervised by Liu Zhenhua (General Branch)" in en
    assert "supervised by General Branch secretary Wang Jianguo" in en


def test_an_overdue_priority_is_explained_from_its_follow_up(zh: str, en: str) -> None:
    """zh 9, en 4: the reason is the measure not carried down and the reports that followed,
    not the recurred reports' causes quoted one after another."""
    assert (
        "逾期原因：二班党支部未把横越线路“一站、二看、三通过”每日班前提问落实到各作业组，"
        "10月10日二班三组、10月11日二班党支部又发生违章违纪2起。\n"
    ) in zh
    assert "原因是" not in zh
    assert (
        "Why it is overdue: the Shift 2 branch did not take the measure set (question staff "
        "every day at the pre-shift briefing on “stop, look both ways, then cross”) down to its "
        "groups, and two more violation reports followed (Shift 2 Group 3 on 10 October, the "
        "Shift 2 branch on 11 October).\n"
    ) in en


def test_the_briefing_measure_names_each_kind_of_violation(
    zh: str, en: str, september_zh: str
) -> None:
    """zh 9, en 4: the briefing questions on the month's violations, said as the conduct
    (no doer, no second clause, no quoted record summaries, no 等问题)."""
    assert (
        "措施：各党支部每日班前就着装不整、横越线路未执行“一站、二看、三通过”、"
        "插撤脱轨器未执行呼唤应答、钻车作业时钻跨不到位逐人提问，干部现场盯控；"
        "重复违章人员纳入包保。\n"
    ) in zh
    assert "措施：各党支部每日班前就着装不整、横越线路未执行“一站、二看、三通过”、" in september_zh
    assert "针对“作业人员着装不整" not in zh
    assert (
        "on this month's violations (not properly dressed; crossed the tracks without “stop, "
        "look both ways, then cross”; derailer placed or removed without call-and-response;"
    ) in en


def test_a_hazard_priority_carries_its_measures_with_their_holders(zh: str, en: str) -> None:
    """zh 11, en 5: a real title from the measures set against the hazards; the open one
    stays with its holder (魏振, who took the post of the man removed), not 各党支部."""
    assert (
        "6. **落实与站调建立股道变更即时通报制度，检查“按双牵重载列车作业过程重新分工”落实效果**\n"
        "   - 措施：四班党支部魏振11月10日前落实与站调建立股道变更即时通报制度（10月15日到期，"
        "已逾期16天）。一班党支部、三班党支部已落实按双牵重载列车作业过程重新分工，"
        "刘振华11月30日前检查落实效果。\n"
        "   - 责任单位：四班党支部、车间党总支；责任人：魏振，车间党总支委员刘振华督导，并会同站调"
        "研究解决；"
    ) in zh
    assert "双超" not in zh
    assert "加强关键环节“安全隐患”问题卡控" not in zh
    assert (
        "The Shift 1 branch and the Shift 3 branch have carried out the measure to redivide the "
        "work by the procedure for double-headed heavy trains; Liu Zhenhua is to check by 30 "
        "November that it holds."
    ) in en
    assert "who takes it up with the station dispatcher;" in en
    assert "extra-long" not in en
    assert "due from the Shift 2 branch on 24 October" in en


def test_september_hazard_priority_likewise(september_zh: str) -> None:
    """zh 11: the 2025-09 六、4 is no template either."""
    assert (
        "4. **落实按新图重新核定作业时分**\n   - 措施：四班党支部董力10月5日前落实按新图重新核定作业时分。\n"
        in september_zh
    )
    assert "加强关键列车“安全隐患”问题卡控" not in september_zh


def test_every_weak_link_names_its_problem(zh: str, en: str) -> None:
    """zh 4: no row of 五 says only 违章违纪/关键人 with "—" for its problem; the column is the
    source's 五个关键, blank where a link is none of them."""
    weak = zh.split("## 五、", 1)[1].split("## 六、", 1)[0]
    rows = [line for line in weak.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == 10
    assert all(row.split(" | ")[4] not in ("—", "") for row in rows)
    assert "| 名次 | 要素 | 类别 | 五个关键 | 地点或问题 |" in weak
    assert (
        "| 1 | 人员 | 违章违纪 |  | 着装不整、横越线路未执行“一站、二看、三通过”、"
        "插撤脱轨器未执行呼唤应答、钻车作业时钻跨不到位 | 7 |"
    ) in weak
    assert (
        "| 2 | 管理 | 安全隐患 | 关键环节 | 站调临时变更到达股道未通知列检、"
        "双牵重载列车到达后作业时间紧、提速调图后作业时间压缩 | 7 |"
    ) in weak
    # a fault is named without the wagon it was found on
    assert (
        "| 5 | 设备 | 车辆故障 | 关键列车 | 交叉杆端头螺栓松动、车轮踏面擦伤、制动缸缓解不良、"
        "钩舌销开口销丢失 | 4 |" in weak
    )
    assert "| 3 | 管理 | 事故苗子 |  | 撤除防护号志前未确认人员撤出 |" in weak
    assert "| Rank | Element | Category | Key (of the five) | Place or problem |" in en


def test_the_attachment_is_grouped_by_part_and_dated(zh: str, en: str) -> None:
    """zh 8, en 12: the records under the part they support, by date within it, with no
    database keys; a case under 三 even where 二 names it first."""
    annex = zh.split("## 附件：有关记录清单", 1)[1]
    assert "记录编号" not in annex and "R-2026" not in annex
    heads = [line for line in annex.splitlines() if line.startswith("**")]
    assert heads == [
        "**一、总体情况**",
        "**二、存在的主要问题**",
        "**三、典型案例剖析**",
        "**六、下月保安全重点（建议）**",
        "**七、考核与排序**",
    ]
    typical = annex.split("**三、典型案例剖析**", 1)[1].split("**六、", 1)[0]
    assert "1. 10月9日 四班党支部 “33062次晚点”\n2. 9月18日 三班二组" not in typical
    assert "10月9日 四班党支部 “33062次晚点”" in typical
    assert "9月18日 三班二组 “孙浩在列车未停稳时跨越车钩”" in typical
    keys = annex.split("**七、考核与排序**", 1)[1]
    assert (
        keys.index("8月3日") < keys.index("8月12日") < keys.index("9月9日") < keys.index("10月21日")
    )
    assert "(record " not in en.split("## Attachment", 1)[1]


def test_the_commendation_does_not_quote_the_record(en: str) -> None:
    """en 12: the catch said, not the record's summary in quotation marks."""
    assert (
        "“cut-out cock left closed" not in en.split("It is proposed to commend")[1].split("## ")[0]
    )


def test_the_evidence_of_a_priority_counts_its_own_problem(zh: str, en: str) -> None:
    """Review 7 zh 2, en 2: 依据 of a problem's priority counts that problem, not its
    category (which part 2 gives as 12 faults)."""
    assert "   - 依据：本月截断塞门手把关闭2条，近三个月4条\n" in zh
    assert "   - 依据：本月闸瓦磨耗超限5条，近三个月9条，4个党支部均有发生\n" in zh
    assert "   - 依据：站调临时变更到达股道未通知列检3条、双牵重载列车到达后作业时间紧3条\n" in zh
    assert "本月“车辆故障”类信息5条" not in zh
    assert "Based on: cut-out cock left closed: two this month, four in three months" in en


def test_the_october_priorities_are_dated_one_way(zh: str, en: str) -> None:
    """Review 7 zh 1, en 1: adopted on 5 October, for October; 六 says the same."""
    assert "10月5日党内安全分析会确定的10月份保安全重点共3项，" in zh
    assert "   - 10月份保安全重点逾期未完成，继续列为重点。" in zh
    assert "   - 10月份保安全重点尚在推进，继续列为重点。" in zh
    assert "9月份党内安全分析会" not in zh
    assert "The safety analysis meeting of 5 October set three priorities for October:" in en


def test_a_priority_without_effect_says_what_it_becomes(zh: str) -> None:
    """Review 7 zh 3: 四 row 2 points to the priorities 六 proposes in its place."""
    assert ("效果不明显，11月转为截断塞门手把关闭、闸瓦磨耗超限专项整治（见六、7、8）") in zh
    six = zh.split("## 六、", 1)[1].split("## 七、", 1)[0]
    assert "7. **集中整治“截断塞门手把关闭”反复发生问题**" in six
    assert "8. **集中整治“闸瓦磨耗超限”反复发生问题**" in six


def test_september_says_which_near_misses_were_not_taken_as_cases(september_zh: str) -> None:
    """Review 6 zh 15 (review 7 zh 13): 三 does not deny the month's near misses; it says
    which were not analysed as typical cases and who is to analyse them."""
    three = september_zh.split("## 三、", 1)[1].split("## 四、", 1)[0]
    assert (
        "本月无立案的事故和严重“两违”。9月13日四班党支部、9月14日一班一组"
        "“撤除防护号志前未确认人员撤出”事故苗子未作为典型案例剖析（见一），"
        "由一班党支部、四班党支部补做。"
    ) in three
    assert "事故苗子和“两违”" not in september_zh


def test_the_recurring_near_misses_are_told_in_sentences(zh: str, en: str) -> None:
    """Review 7 en 3: part 1 is not one 120-word sentence; each recurring near miss is its
    own sentence (一是…。二是…。 in Chinese)."""
    one = en.split("## 1. ", 1)[1].split("###", 1)[0]
    assert "on two recurring problems. First, " in one
    assert "has not held. Second, " in one
    assert "neither the General Branch nor the branches concerned" in one
    assert "措施未落到实处。二是“撤除防护号志前未确认人员撤出”2起" in zh


def test_the_general_branch_level_reads_like_the_others(zh: str, en: str) -> None:
    """Review 7 zh 7, en 7: 总支层面：… as 支部层面：… and 党员层面：… are."""
    assert "- 总支层面：尚未剖析，车间党总支委员会于11月15日前补充剖析。\n" in zh
    assert (
        "- General Branch level: not yet analysed; the General Branch committee will meet by "
        "15 November to do so.\n"
    ) in en


def test_the_suggestions_are_answered_from_their_records(zh: str, en: str) -> None:
    """Review 6 zh 5 (review 7 zh 9, en 9): each suggestion with what its records did about
    it (the action taken and when), never an answer the records do not give."""
    two = zh.split("## 二、", 1)[1].split("## 三、", 1)[0]
    assert (
        "对合理化建议的处理：\n"
        "- 建议将插撤脱轨器纳入党员定位定项控制点（4条）：予以采纳，由车间党总支刘振华负责修订"
        "党员定位定项控制点，11月5日前完成。\n"
        "- 建议对双牵重载列车增加一名检车员（2条）：由二班党支部谢永胜负责提请车间行政研究双牵"
        "重载列车作业人员配置并答复建议人，11月18日前完成。\n"
    ) in two
    assert (
        "- One more inspector for double-headed heavy trains (2): Xie Yongsheng (Shift 2 "
        "branch) is to put the staffing of double-headed heavy trains to the workshop management "
        "and answer the proposers by 18 November.\n"
    ) in en


def test_one_wording_per_hazard_in_english(en: str) -> None:
    """Review 6 en 7 (review 7 en 5): a hazard is named one way in parts 1, 2, 5 and 6,
    in lower case mid-sentence."""
    for name in (
        "protection signals removed before all staff were clear",
        "cut-out cock left closed",
        "brake shoes worn beyond the limit",
    ):
        assert en.count(name) >= 3, name
    for other in (
        "Protection signals removed before all staff were confirmed clear",
        "before checking that all staff had left the track",
        "cut-out cock handle",
        "worn past the limit",
    ):
        assert other not in en, other


def test_accountability_has_no_colon_after_a_colon(zh: str, en: str) -> None:
    """Review 7 zh 6, en 7: 责任追究 says when, then whom, then what."""
    assert "**责任追究**：9月21日，对孙浩按“两违”考核办法考核。\n" in zh
    assert "**责任追究**：孙浩：" not in zh
    assert (
        "**Accountability**: on 21 September, Sun Hao was penalised under the workshop's "
        "violation rules.\n"
    ) in en


def test_whose_committee_met_and_whether_in_time(zh: str, en: str) -> None:
    """Review 7 zh 8, en 7: the 支委会 is the branch's, and a day late is said."""
    assert (
        "**三个层次原因剖析**：10月13日四班党支部召开支委会剖析（较规定时限10月12日超期1天）。\n"
    ) in zh
    assert (
        "**Causes at the three levels**: the Shift 4 branch committee analysed the case on "
        "13 October, one day after the deadline of 12 October.\n"
    ) in en
