"""The English of the example records: what an English document prints of what people wrote.

`make_example_records.py` words every record in Chinese; `added` gives each free-text field
its ``*_en`` beside it (``summary_en``, ``cause_en``, ``action_en`` …), from the wordings
below. The generated reports are worded from a catalogue of patterns with a train, a car, a
wheel position or a place filled in: their English is the pattern's English with the same
values. A Chinese text without an English wording here stops the generator, naming it: the
example documents print no Chinese in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

HAN = re.compile(r"[\u3400-\u9fff]")

PLACES = {
    "到达场2道": "Track 2 of the arrival yard",
    "到达场3道": "Track 3 of the arrival yard",
    "到达场5道": "Track 5 of the arrival yard",
    "出发场2道": "Track 2 of the departure yard",
    "出发场4道": "Track 4 of the departure yard",
    "编组场下行": "the down side of the marshalling yard",
    "列检所门前": "the gate of the inspection post",
    "到达场南端": "the south end of the arrival yard",
}
POSITIONS = dict(zip("一二三四五六七八", "12345678", strict=True))

PATTERNS = {
    # equipment faults found on trains
    "{train}次{vehicle}{pos}位闸瓦磨耗超限": "brake shoe at position {pos} worn beyond the limit on wagon {vehicle} of train {train}",
    "{train}次{vehicle}制动梁安全链脱落": "brake-beam safety chain off wagon {vehicle} on train {train}",
    "{train}次{vehicle}钩舌销开口销丢失": "split pin of the knuckle pin missing on wagon {vehicle} of train {train}",
    "{train}次{vehicle}{pos}位车轮踏面擦伤": "wheel tread scratch at position {pos} on wagon {vehicle} of train {train}",
    "{train}次{vehicle}交叉杆端头螺栓松动": "loose cross-bar end bolt on wagon {vehicle} of train {train}",
    "{train}次{vehicle}摇枕弹簧外圈折断": "broken outer bolster spring on wagon {vehicle} of train {train}",
    "{train}次{vehicle}截断塞门手把处于关闭位": "cut-out cock left closed on wagon {vehicle} of train {train}",
    "{train}次{vehicle}制动缸缓解不良": "brake cylinder not releasing on wagon {vehicle} of train {train}",
    # equipment hazards on site
    "{loc}照明灯损坏，夜间作业视线不良": "lamp broken at {loc}: poor light for night work",
    "{loc}脱轨器插撤不灵活": "derailer at {loc} stiff to place and remove",
    "{loc}防溜铁鞋摆放不规范，编号不清": "skid shoes at {loc} not kept in their places, numbers illegible",
    "对讲机电池老化，作业中通话中断": "worn radio batteries cut calls off during work",
    "试风机压力表失准": "pressure gauge of the brake-test unit reads wrong",
    "{loc}路面积雪结冰，作业人员易滑倒": "snow and ice on the walkway at {loc}: staff may slip",
    "{loc}作业通道有积水": "standing water on the walkway at {loc}",
    # personnel
    "检车员钻车作业时钻跨不到位": "inspector crawled under or stepped over cars the unsafe way",
    "作业人员着装不整，防护服未系扣": "worker not properly dressed, protective clothing unbuttoned",
    "检车员横越线路未执行“一站、二看、三通过”": "inspector crossed the tracks without “stop, look both ways, then cross”",
    "邻线来车时个别作业人员未及时下道避让": "staff slow to clear the track for a train on the adjacent line",
    "插撤脱轨器未执行呼唤应答": "derailer placed or removed without call-and-response",
    "检车员作业中未按规定使用检车锤": "inspector did not use the inspection hammer as the standard requires",
    "高温天气作业人员精神不集中": "staff losing concentration in the heat",
    "个别职工家庭有困难，班中思想不稳定": "a worker with family difficulties unsettled on shift",
    # management
    "车统-15填写不规范，故障部位记载不清": "form Chetong-15 filled in wrongly, fault position unclear",
    "控制写实手册记录不及时，工长未认证": "control handbook not kept up to date, not signed off by the foreman",
    "班前预想流于形式，未执行“两看、两问、一强调”": "pre-shift briefing a formality: “two looks, two questions, one reminder” not done",
    "交接班时未交清{train}次重点车辆位置": "positions of the key cars of train {train} not handed over at the shift change",
    "{train}次双牵重载列车到达后作业时间紧，作业过程衔接不畅": "too little time to inspect a double-headed heavy train after arrival, work steps poorly linked (train {train})",
    "提速调图后{train}次作业时间压缩，关键环节卡控不到位": "inspection time for train {train} cut by the faster timetable, key steps not controlled",
    "撤除防护号志前未确认全部作业人员已撤出": "protection signals removed before all staff were clear",
    "建议在{loc}增设夜间照明": "more night lighting at {loc}",
    "建议对双牵重载列车增加一名检车员": "one more inspector for double-headed heavy trains",
    "建议将插撤脱轨器纳入党员定位定项控制点": "making the placing and removing of derailers a party member's control point",
    # from partner units
    "信号楼未及时通知邻线接车，作业人员险些来不及避让": "signal box late to warn of a train on the adjacent line: staff barely cleared in time",
    "站调临时变更{train}次到达股道未通知列检": "station dispatcher changed the arrival track of train {train} without telling the inspection post",
    "行调调整{train}次开车时刻，列检作业时间不足": "train dispatcher moved the departure of train {train}, leaving too little time to inspect",
    "机务人员摘挂机车时未与列检联系试风": "locomotive crew coupled or uncoupled without arranging the brake test with the inspection post",
    "车站调车作业越过列检防护信号": "station shunting passed the inspection post's protection signal",
    "前方列检反馈{train}次{vehicle}故障漏检": "next inspection point reported a fault missed on wagon {vehicle} of train {train}",
}  # fmt: skip

TEXT = {
    '值班员秦宝山未掌握新图作业时分；工班长孔祥宇对值班员沿用旧计划习以为常，未履行核对把关职责。': 'Duty officer Qin Baoshan did not know the new working times; team leader Kong Xiangyu had grown used to the duty officer keeping to the old plan and did not check it as his post requires.',
    '值班员秦宝山未掌握新图作业时分，工班长孔祥宇未核对作业计划': 'duty officer Qin Baoshan did not know the new working times, and team leader Kong Xiangyu did not check the plan',
    '新运行图实行首日，四班值班员秦宝山未掌握新图作业时分，仍按原计划安排33062次检车作业，工班长孔祥宇未核对，致33062次列车晚点开车，构成一般A类事故。': 'the first day of the new timetable, duty officer Qin Baoshan of Shift 4 did not know the new working times and scheduled the inspection of train 33062 to the old plan; team leader Kong Xiangyu did not check it, and the train left late.',
    '33062次晚点': 'late departure of train 33062',
    '郑宇检查33058次时漏检第12位车闸瓦插销': 'Zheng Yu missed a brake-shoe pin on the 12th car when inspecting train 33058',
    # report summaries written out in full (the source's own cases)
    "41008次G606230356五位车轮踏面擦伤超限": "wheel tread scratch past the limit at position 5 on wagon G606230356 of train 41008",
    "916018次列车检查中发现制动梁端轴折损": "broken brake-beam end shaft found in the inspection of train 916018",
    "大雨中作业，33041次C70 1642318车钩钩舌裂纹": "working in heavy rain: cracked coupler knuckle on wagon C70 1642318 of train 33041",
    "提速调图和双牵重载列车开行后，原有检车作业过程不适应，易发生安全隐患": "with the faster timetable and double-headed heavy trains the old inspection procedure no longer fits, and hazards follow",
    "检修质量反馈：郑宇检查的33058次第12位车闸瓦插销漏检": "quality feedback: a brake-shoe pin on the 12th car of train 33058 missed in Zheng Yu's inspection",
    "现场材料箱和工具箱边角锋利，刮破检车员衣服，影响人身安全": "sharp corners of material and tool boxes on site tore inspectors' clothes: a risk of injury",
    "班前预想：气温骤降，不利于外部作业，提醒职工不因天气简化作业程序、降低标准": "pre-shift briefing: a sudden cold spell makes outdoor work hard; staff reminded not to skip steps or lower standards for the weather",
    # report details
    "段检修质量反馈：到达作业后复查发现闸瓦插销丢失未处理，系郑宇作业范围。": "Quality feedback from the depot: a recheck after arrival found a brake-shoe pin missing and not dealt with, in Zheng Yu's section.",
    "一班四组检查41008次列车时，党员黄立军提醒同作业段对锤检车员朱春祥注意检查走行部，朱春祥细心检查，发现五位车轮踏面擦伤超限。": "While Shift 1 Group 4 inspected train 41008, party member Huang Lijun reminded Zhu Chunxiang, inspecting the other side of the same section, to check the running gear; Zhu Chunxiang looked carefully and found a wheel tread scratch past the limit at position 5.",
    "班前预想到位，雨中未简化作业程序，发现车辆典型故障1件。": "The pre-shift briefing did its job: no step was skipped in the rain, and a typical vehicle fault was found.",
    "姜海峰在到达检查中细查制动装置，发现制动梁端轴折损，立即扣修，避免了一起行车事故。": "Jiang Haifeng checked the brake gear closely in the arrival inspection, found the brake-beam end shaft broken and had the wagon held for repair at once, preventing a running accident.",
    "6月份信息综合分析（党内安全分析会）：本月信息中涉及双牵重载列车作业时间紧、分工衔接不畅的占比明显上升，原有检车作业过程已不适应提速和双牵重载的新变化。": "June comprehensive analysis (party safety analysis meeting): the share of reports on too little time and poorly linked work on double-headed heavy trains rose clearly; the old inspection procedure no longer fits the faster timetable and double-headed heavy trains.",
    # report causes
    "对车统-15填写标准不重视，工长审核不严。": "The standard for form Chetong-15 was not taken seriously and the foreman did not check it strictly.",
    "作业人员图省事，对“钻、跨、越”安全规定认识不足。": "Staff took short cuts and did not take the rules on going under, over and across cars seriously.",
    "闸瓦磨耗到限，上一列检作业中检查未量测到位。": "The brake shoe wore to the limit; the last inspection post did not measure it properly.",
    "作业标准掌握不牢，锤检部位不全。": "The work standard was not well learned; not every point was hammer-checked.",
    "党员岗位控制点写实要求落实不到位。": "Party members' control points were not recorded as required.",
    "脱轨器活动部位锈蚀，缺少定期润滑。": "The moving parts of the derailer had rusted for want of regular lubrication.",
    "班前预想“看着装”不严。": "The dress check at the pre-shift briefing was lax.",
    "安全链吊座螺栓松动，运行中振动脱落。": "The safety-chain hanger bolt worked loose and the chain shook off in running.",
    "作业组长对班前预想重视不够。": "The work-group leader did not take the pre-shift briefing seriously.",
    "关键环节控制责任未细化到人。": "Control of the key steps was not assigned to named people.",
    "安全意识淡薄，抢时间赶作业。": "Weak safety awareness: rushing to finish the work.",
    "交叉杆端头螺栓防松措施失效。": "The locking of the cross-bar end bolt had failed.",
    "邻线来车提醒不到位，作业人员注意力集中在车辆上。": "Nobody warned of trains on the adjacent line while staff concentrated on the cars.",
    "照明设施巡检不到位，损坏后未及时报修。": "Lighting was not patrolled and a broken lamp was not reported for repair in time.",
    "制动抱闸造成踏面擦伤，深度接近限度。": "A dragging brake scratched the tread almost to the limit.",
    "作业完了确认程序执行不严。": "The end-of-work check was not carried out strictly.",
    "双牵重载列车编组长，原有分工不适应。": "Double-headed heavy trains are long and the old division of work no longer fits.",
    "新图作业时分与作业过程不匹配。": "The working times of the new timetable do not match the work procedure.",
    "缓解阀作用不良，列车试风时未细看缓解状态。": "The release valve was faulty and the release was not watched closely in the brake test.",
    "压力表超过校验期未送检。": "The pressure gauge was past its calibration date and had not been sent for checking.",
    "机车与列检联控程序执行不严。": "The joint control procedure between locomotive crews and the inspection post was not kept strictly.",
    "作业量增加，人员配置未调整。": "The work grew but the staffing was not adjusted.",
    "对讲机使用年限长，电池未按期更换。": "The radios are old and their batteries were not replaced on schedule.",
    "现有照明不能覆盖作业区域。": "The present lighting does not cover the work area.",
    "站调与列检信息互通不畅。": "Information does not flow well between the station dispatcher and the inspection post.",
    "始发站作业后未恢复塞门位置，关门车未登记。": "The cock was not reset after work at the originating station, and the isolated wagon was not registered.",
    "开口销锈蚀折断，前次检修未更换。": "The split pin rusted through and was not replaced at the last repair.",
    "交接班内容不具体，重点车辆未书面交接。": "The handover was vague and the key cars were not handed over in writing.",
    "思想动态掌握不及时。": "The worker's state of mind was not followed in time.",
    "联劳联控通知不及时。": "The partner unit's warning came late.",
    "防溜工具定置管理不落实。": "Skid shoes and other anti-roll tools are not kept in fixed places.",
    "联控用语执行不严，互控流于形式。": "The call-and-response words were not used strictly and mutual control was a formality.",
    "行车调整未预留列检作业时间。": "The train dispatcher's changes left no time for the inspection.",
    "雨季排水沟堵塞。": "The drains blocked in the rainy season.",
    "降雪后作业通道清扫不及时。": "The walkways were not cleared in time after snow.",
    "到达检查走行部不细，漏检漏修。": "The running gear was not checked carefully on arrival, and a fault was missed.",
    "弹簧疲劳折断，重载运行加剧。": "The spring broke from fatigue, worsened by heavy loads.",
    "调车人员对列检防护信号确认不认真。": "The shunting crew did not check the inspection post's protection signal carefully.",
    "连续高温，夜班休息不足。": "Days of heat and too little rest between night shifts.",
    "材料箱、工具箱为直角钢板边角，作业人员经过时易刮挂；小问题也会酿成大事故。": "The boxes have square steel corners that catch on people passing; small problems make big accidents.",
    "郑宇包保转化后放松要求，制动部位检查不按程序，属人员质量问题。": "After his turnaround under mentoring Zheng Yu relaxed and did not check the brake parts by the procedure: a quality problem of the person.",
    "车轮踏面擦伤超限；党员作业提醒（接车发现异状提前提醒重点车辆位置）发挥了作用。": "Wheel tread scratch past the limit; the party member's reminder (pointing out the key car on receiving the train) worked.",
    "天气突变时职工易图快省事，简化作业程序。": "When the weather turns, staff tend to rush and skip steps.",
    "钩舌疲劳裂纹；预想到位、雨天不降标准才得以发现。": "A fatigue crack in the knuckle, found because the briefing was thorough and the standard was kept in the rain.",
    "制动梁端轴疲劳折损，属车辆典型故障；检车员按标准检查制动装置发现。": "The brake-beam end shaft broke from fatigue, a typical vehicle fault; the inspector found it by checking the brake gear to the standard.",
    "列车提速调图、双牵重载列车开行，编组长、作业时分压缩，作业过程未随之修订。": "With the faster timetable and double-headed heavy trains, trains are longer and working times shorter, but the work procedure was not revised.",
    # report actions and case measures
    "组织车统-15填写标准学习并抽查": "training and spot checks on filling in form Chetong-15",
    "现场纠正，进行安全谈话": "correction on the spot and a safety talk",
    "将钻车作业钻跨到位纳入班前预想重点提醒": "remind staff at every pre-shift briefing to go under and over cars the safe way",
    "扣车更换闸瓦并复查同列车辆": "hold the wagon, replace the brake shoe and recheck the rest of the train",
    "由党员进行一对一示范帮教": "one-to-one coaching by a party member",
    "支部检查控制写实手册并考核": "branch check and assessment of the control handbooks",
    "当场纠正着装": "dress put right on the spot",
    "现场处理，恢复安全链并紧固吊座螺栓": "refit the safety chain and tighten the hanger bolt on the spot",
    "将制动梁安全链纳入到达检查重点项点": "make brake-beam safety chains a key point of the arrival inspection",
    "清理润滑脱轨器，试验良好": "clean and lubricate the derailer and test it",
    "脱轨器每旬检查润滑，责任到人": "check and lubricate derailers every ten days, each by a named person",
    "支部书记参加班前预想并讲评": "the branch secretary to attend and review the pre-shift briefing",
    "修订党员定位定项控制点": "revise party members' control points",
    "现场制止并批评教育": "stopped and reprimanded on the spot",
    "组织本组学习横越线路安全规定": "train the group on the safety rules for crossing tracks",
    "重申邻线来车提前提醒制度": "restate the rule of warning early of trains on the adjacent line",
    "把邻线来车提醒纳入党员定位定项控制点": "make warning of trains on the adjacent line a party member's control point",
    "报修更换照明灯具": "report and replace the lamp",
    "照明设施纳入每周设备巡检项点": "add lighting to the weekly equipment patrol",
    "测量擦伤深度，超限扣修": "measure the scratch and hold the wagon for repair if past the limit",
    "重申作业完了“撤除号志”提醒": "restate the end-of-work reminder to remove the signals",
    "撤除号志纳入作业完了党员确认项点": "add removal of the signals to the party member's end-of-work check",
    "紧固并更换防松垫片": "tighten the bolt and replace the lock washer",
    "按双牵重载列车作业过程重新分工": "redivide the work by the procedure for double-headed heavy trains",
    "党员骨干跟班指导双牵重载列车作业": "experienced party members to work alongside and guide work on double-headed heavy trains",
    "按新图重新核定作业时分": "reset the working times to the new timetable",
    "处理缓解阀，重新试风": "repair the release valve and retest the brake",
    "停用并更换备用压力表": "take the gauge out of use and fit the spare",
    "建立计量器具校验台账": "set up a calibration log of measuring tools",
    "与机务段联系落实摘挂机车联控": "agree joint control of coupling and uncoupling with the locomotive depot",
    "提请车间行政研究双牵重载列车作业人员配置并答复建议人": "put the staffing of double-headed heavy trains to the workshop management and answer the proposers",
    "更换对讲机电池，建立充放电登记": "replace the radio batteries and keep a charging log",
    "提报车间设备科，列入改造计划": "put it to the workshop's equipment office for the improvement plan",
    "与站调建立股道变更即时通报制度": "agree with the station dispatcher that track changes are reported at once",
    "开通截断塞门，重新试风确认": "open the cut-out cock and retest the brake",
    "与前方列检核对关门车登记，反馈信息": "check the isolated-wagon register with the next inspection point and feed back",
    "补装开口销，全列复查车钩三态": "refit the split pin and recheck the couplers of the whole train",
    "交接班增加重点车辆书面交接栏": "add a written key-car line to the shift handover",
    "支部谈心并落实帮扶，安排党员互控": "branch talk with the worker, help for his family and a party member to work with him",
    "与信号楼重新确认邻线接车通知办法": "agree again with the signal box how trains on the adjacent line are announced",
    "防溜铁鞋定置定位、重新编号": "give skid shoes fixed places and renumber them",
    "现场纠正并补做联控": "correction on the spot and the call-and-response done again",
    "开展呼唤应答标准化演练": "drills in standard call-and-response",
    "向行调反馈列检最短作业时分": "give the train dispatcher the shortest inspection times",
    "疏通排水沟": "clear the drains",
    "组织清扫作业通道，撒防滑料": "sweep and grit the walkways",
    "对当班检车员进行漏检分析和考核": "analyse the missed fault with the inspector on duty and assess him",
    "对走行部检查进行“一对一”抽考": "one-to-one spot tests on checking the running gear",
    "扣修更换摇枕弹簧": "hold the wagon and replace the bolster spring",
    "与车站共同分析并重申防护规定": "analyse it with the station and restate the protection rules",
    "调整作业间隙休息，备足防暑用品": "rearrange rest breaks and stock heat-protection supplies",
    "开展专项整治，将现场45个材料箱和工具箱的四个边角打磨成圆": "grind round the corners of all 45 material and tool boxes on site",
    "扣修更换轮对": "hold the wagon and replace the wheelset",
    "上岗前逐人提醒，党员作业中互控": "remind everyone before going out; party members to watch each other's work",
    "扣修更换钩舌": "hold the wagon and replace the knuckle",
    "扣车更换制动梁": "hold the wagon and replace the brake beam",
    "组织党员和业务骨干攻关，重新修订双牵重载列车检车作业过程": "party members and skilled staff to rewrite the inspection procedure for double-headed heavy trains",
    "党员技术骨干深入作业现场指导双牵重载列车作业": "skilled party members to guide the work on double-headed heavy trains on site",
    "对违章人员进行安全谈话和规章考试": "a safety talk and a rules test for the offender",
    "党员包保人跟班互控，关键环节提醒": "the mentor works the same shift and reminds him at the key steps",
    "按新运行图重新修订各次列车检车作业时分表": "revise the inspection time sheet of every train to the new timetable",
    "新图作业时分纳入班前预想重点": "make the new working times a point of the pre-shift briefing",
    "值班员、工班长新图作业时分上岗考试": "a test on the new timetable's working times for duty officers and team leaders before they take post",
    "全车间开展更换配件旧件回收专项检查": "a workshop-wide check that replaced parts are taken back",
    "制定更换配件“以旧换新”回收登记卡控措施": "a rule that a new part is issued only against the old one, with a register",
    "制定关键时间、关键岗位和重点列车抽查量化标准": "set numbers of spot checks for key times, key posts and key trains",
    "卢超列为安全关键人，结成包保对子": "name Lu Chao a key person and pair him with a mentor",
    "手制动状态纳入到达检查必检项点": "make the hand brake a required point of the arrival inspection",
    "风表等试风工具实行定置定位、出入登记": "give brake-test gauges and tools fixed places and sign them in and out",
    "作业完了撤除工具和号志纳入党员定位定项控制点": "make removing tools and signals at the end of work a party member's control point",
    "韩冬列为安全关键人，结成包保对子": "name Han Dong a key person and pair him with a mentor",
    "撤除号志实行作业组长复核签认": "the work-group leader to recheck and sign for the removal of signals",
    # case titles
    "运行图调整中造成晚点": "late departure of train 33062 on the first day of the new timetable",
    "废钩舌销从侧架内窜出被中途拦停": "scrapped knuckle pin fell out of a side frame and the train was stopped en route",
    "韩冬作业中使用手机": "Han Dong used his phone at work",
    "张亮未撤除脱轨器即通知作业完了": "Zhang Liang reported the work finished before removing the derailer",
    "张亮钻车作业钻跨不到位": "Zhang Liang crawled under or stepped over cars the unsafe way",
    "孙浩在列车未停稳时跨越车钩": "Sun Hao stepped across a coupler before the train had stopped",
    "列车出发前发现一位车辆手制动未缓解": "hand brake of the first car found still on before departure",
    "刘洋检车作业未戴安全帽": "Liu Yang inspected without a safety helmet",
    "风表忘撤被拉走": "brake-test gauge left on the train and dragged away",
    "防溜铁鞋作业完了未撤，开车前发现": "skid shoe left in place after the work, found before departure",
    "高建军钻车作业未确认防护信号": "Gao Jianjun crawled under a car without checking the protection signal",
    "撤除防护号志时漏撤一处红色信号牌": "one red signal board left out when the protection signals were removed",
    "高建军邻线来车未下道避让": "Gao Jianjun did not clear the track for a train on the adjacent line",
    "姜海峰横越线路未执行“一站、二看、三通过”": "Jiang Haifeng crossed the tracks without “stop, look both ways, then cross”",
    "何勇班中擅自离开作业岗位": "He Yong left his post during the shift without leave",
    "秦宝山值班中擅自离开值班室": "Qin Baoshan left the duty room during his duty without leave",
    # case accounts
    "新运行图实行首日，四班在出发场2道作业时，值班员秦宝山未掌握新图作业时分，仍按原计划安排33062次检车作业，工班长孔祥宇未核对作业计划，致33062次列车晚点开车，构成一般A类事故。": "On the first day of the new timetable, Shift 4 was working on Track 2 of the departure yard. Duty officer Qin Baoshan did not know the new working times and scheduled the inspection of train 33062 to the old plan; team leader Kong Xiangyu did not check the plan. Train 33062 left late: a general class A accident.",
    "三班检车员卢超在10507次出发检查中更换钩舌销后，将废钩舌销放在转向架侧架内未回收，列车运行中废钩舌销从侧架内窜出，被前方站发现，列车中途拦停，构成一般A类事故。": "In the departure inspection of train 10507, inspector Lu Chao of Shift 3 replaced a knuckle pin and left the scrapped pin in the bogie side frame. It fell out while the train was running, the next station saw it and the train was stopped en route: a general class A accident.",
    "二班三组韩冬作业中使用手机，被作业组长发现并当场纠正。": "Han Dong of Shift 2 Group 3 used his phone at work; the work-group leader saw it and stopped him on the spot.",
    "四班一组张亮未撤除脱轨器即通知作业完了，被干部检查发现并当场纠正。": "Zhang Liang of Shift 4 Group 1 reported the work finished before removing the derailer; a cadre on patrol found it and corrected it on the spot.",
    "四班一组张亮钻车作业钻跨不到位，被作业组长发现并当场纠正。": "Zhang Liang of Shift 4 Group 1 crawled under or stepped over cars the unsafe way; the work-group leader saw it and corrected him on the spot.",
    "三班二组孙浩在列车未停稳时跨越车钩，被干部检查发现并当场纠正。": "Sun Hao of Shift 3 Group 2 stepped across a coupler before the train had stopped; a cadre on patrol saw it and stopped him on the spot.",
    "出发检查复查时发现一位车辆手制动未缓解，及时处理，未构成事故。": "The recheck before departure found the hand brake of the first car still on; it was released in time and no accident followed.",
    "二班二组刘洋检车作业未戴安全帽，被作业组长发现并当场纠正。": "Liu Yang of Shift 2 Group 2 inspected without a safety helmet; the work-group leader saw it and corrected him on the spot.",
    "二班在41016次列车试风作业完了后，检车员韩冬未撤除安装在列车尾部的风表，列车开车后风表被拉走，构成一般A类事故。": "After Shift 2 finished the brake test of train 41016, inspector Han Dong did not remove the gauge fitted at the rear of the train; the train left and dragged the gauge away: a general class A accident.",
    "作业完了防溜铁鞋未撤，开车前党员互控发现并撤除。": "A skid shoe was left in place after the work; a party member checking found and removed it before departure.",
    "三班一组高建军钻车作业未确认防护信号，被作业组长发现并当场纠正。": "Gao Jianjun of Shift 3 Group 1 crawled under a car without checking the protection signal; the work-group leader saw it and corrected him on the spot.",
    "作业完了撤除防护号志时漏撤一处，信号楼联控时发现，未影响行车。": "One protection signal was left out when the signals were removed after the work; the signal box found it in the joint check and traffic was not affected.",
    "三班一组高建军邻线来车未下道避让，被干部检查发现并当场纠正。": "Gao Jianjun of Shift 3 Group 1 did not clear the track for a train on the adjacent line; a cadre on patrol saw it and corrected him on the spot.",
    "二班一组姜海峰横越线路未执行“一站、二看、三通过”，被作业组长发现并当场纠正。": "Jiang Haifeng of Shift 2 Group 1 crossed the tracks without “stop, look both ways, then cross”; the work-group leader saw it and corrected him on the spot.",
    "一班一组何勇班中擅自离开作业岗位，被作业组长发现并当场纠正。": "He Yong of Shift 1 Group 1 left his post during the shift without leave; the work-group leader found it and corrected him on the spot.",
    "四班秦宝山值班中擅自离开值班室，被作业组长发现并当场纠正。": "Qin Baoshan of Shift 4 left the duty room during his duty without leave; the work-group leader found it and corrected him on the spot.",
    # timelines
    "向车间党总支交班": "reported to the Workshop General Party Branch (safety handover)",
    "召开支委会，从总支、支部、党员三个层次剖析": "branch committee met and analysed the case at the general branch, branch and member levels",
    "新运行图实行首日，四班接班": "first day of the new timetable; Shift 4 came on duty",
    "值班员按原作业计划安排33062次检车": "the duty officer scheduled the inspection of train 33062 to the old plan",
    "站调催发，检车作业未完": "the station dispatcher pressed for departure; the inspection was not finished",
    "33062次晚点开车": "train 33062 left late",
    "10507次到达出发场4道，三班二组开始出发检查": "train 10507 arrived on Track 4 of the departure yard; Shift 3 Group 2 began the departure inspection",
    "卢超更换钩舌销，废钩舌销放入侧架内未回收": "Lu Chao replaced a knuckle pin and left the scrapped pin in the side frame",
    "作业完了，工班长未检查旧件回收，列车开车": "work finished; the team leader did not check that old parts were taken back; the train left",
    "前方站发现异物窜出，列车中途拦停": "the next station saw something fall from the train; the train was stopped en route",
    "车间党总支、三班党支部赶赴现场调查": "the General Branch and the Shift 3 branch went to the site to investigate",
    "张亮未撤除脱轨器即通知作业完了，被干部检查发现并当场纠正": "Zhang Liang reported the work finished before removing the derailer; a cadre on patrol found it and corrected it on the spot",
    "41016次到达，二班三组开始试风作业": "train 41016 arrived; Shift 2 Group 3 began the brake test",
    "试风完了，韩冬未撤风表即归所": "brake test finished; Han Dong went back without removing the gauge",
    "工班长未确认试风工具撤除，通知车站列检作业完了": "the team leader told the station the inspection was finished without checking the brake-test tools were removed",
    "列车开车，风表被拉走，车站值班员发现后报告": "the train left and dragged the gauge away; the station's duty officer saw it and reported it",
    "高建军邻线来车未下道避让，被干部检查发现并当场纠正": "Gao Jianjun did not clear the track for a train on the adjacent line; a cadre on patrol saw it and corrected him on the spot",
    # three-level findings
    "四班党支部班前预想未把新图列为安全重点，工班长对值班员作业计划未核对。": "The Shift 4 branch did not make the new timetable a safety point of the pre-shift briefing, and the team leader did not check the duty officer's plan.",
    "三班党支部对夜间出发作业这一关键时间、关键岗位抽查不到位，工班长对“作业完了”检查流于形式，支部降低考核标准，存在好人主义。": "The Shift 3 branch did not spot-check night departure work, a key time and a key post; the team leader's end-of-work check was a formality; the branch lowered its assessment standard to spare people.",
    "支部对韩冬的班中互控和关键环节提醒不到位。": "The branch did not see that Han Dong was watched on shift and reminded at the key steps.",
    "支部对张亮的“两违”倾向掌握不准，关键环节提醒未落实到党员控制点。": "The branch misjudged Zhang Liang's drift into violations, and the reminders at the key steps were not made party members' control points.",
    "支部对张亮的班中互控和关键环节提醒不到位。": "The branch did not see that Zhang Liang was watched on shift and reminded at the key steps.",
    "支部对孙浩的班中互控和关键环节提醒不到位。": "The branch did not make sure that Sun Hao was watched on shift and reminded at the key steps.",
    "支部对刘洋的班中互控和关键环节提醒不到位。": "The branch did not see that Liu Yang was watched on shift and reminded at the key steps.",
    "二班党支部未把“作业完了撤除安全防护号志和工具”列为党员定位定项控制点，工班长确认流于形式。": "The Shift 2 branch did not make removing protection signals and tools at the end of work a party member's control point, and the team leader's check was a formality.",
    "支部对高建军的班中互控和关键环节提醒不到位。": "The branch did not see that Gao Jianjun was watched on shift and reminded at the key steps.",
    "支部对高建军的“两违”倾向掌握不准，关键环节提醒未落实到党员控制点。": "The branch misjudged Gao Jianjun's drift into violations, and the reminders at the key steps were not made party members' control points.",
    "支部对姜海峰的班中互控和关键环节提醒不到位。": "The branch did not see that Jiang Haifeng was watched on shift and reminded at the key steps.",
    "支部对何勇的班中互控和关键环节提醒不到位。": "The branch did not see that He Yong was watched on shift and reminded at the key steps.",
    "支部对秦宝山的班中互控和关键环节提醒不到位。": "The branch did not see that Qin Baoshan was watched on duty and reminded at the key steps.",
    "党总支对作业“两违”跟踪分析不及时，关键人包保转化检查不细。": "The General Branch followed up and analysed violations late, and checked the turnaround of key persons under mentoring only loosely.",
    "党总支对提速调图带来的变化预想不足，新图作业时分未组织培训和考试。": "The General Branch did not foresee the effect of the timetable change and gave no training or test on the new working times.",
    "党总支对更换配件后旧件回收没有卡控措施，对保安全设施的使用和管理没有制定卡控办法；对关键时间的抽查没有量化标准。": "The General Branch had no control on taking back old parts after replacement and no rules on using and managing safety equipment, and no set number of spot checks at key times.",
    "党总支对试风工具等保安全设施的使用和管理没有卡控措施，工具出入无登记。": "The General Branch had no control on using and managing brake-test tools and other safety equipment; tools were not signed in and out.",
    "值班员未掌握新图作业时分；工班长“看惯者”心态。": "The duty officer did not know the new working times; the team leader let the old plan pass as usual and did not check it.",
    "检车员卢超更换配件后未回收废件；作业组长（党员）未执行“作业完了提前提醒”，“干惯者”违章、“看惯者”默认。": "Inspector Lu Chao did not take back the scrapped part; the work-group leader, a party member, gave no end-of-work reminder; one broke the rule out of habit and the other let it pass out of habit.",
    "党小组长谢永胜对组内作业互控不到位，未及时制止；当事职工韩冬已作书面检查。": "Party group leader Xie Yongsheng did not keep mutual control in the group and did not stop it in time; Han Dong has made a written self-criticism.",
    "张亮本人作了检查；包保党员承认“勤观察、勤提醒”不到位。": "Zhang Liang made a self-criticism; his mentor admitted he had not watched and reminded him often enough.",
    "党小组长田野对组内作业互控不到位，未及时制止；当事职工张亮已作书面检查。": "Party group leader Tian Ye did not keep mutual control in the group and did not stop it in time; Zhang Liang has made a written self-criticism.",
    "党小组长彭晓明对组内作业互控不到位，未及时制止；当事职工孙浩已作书面检查。": "Party group leader Peng Xiaoming did not keep mutual control in the group and did not stop it in time; Sun Hao has made a written self-criticism.",
    "党小组长曹林对组内作业互控不到位，未及时制止；当事职工刘洋已作书面检查。": "Party group leader Cao Lin did not keep mutual control in the group and did not stop it in time; Liu Yang has made a written self-criticism.",
    "检车员韩冬作业完了未撤风表；同组党员未做作业完了提醒。": "Inspector Han Dong did not remove the gauge at the end of work; the party members of his group gave no end-of-work reminder.",
    "党小组长杜宏伟对组内作业互控不到位，未及时制止；当事职工高建军已作书面检查。": "Party group leader Du Hongwei did not keep mutual control in the group and did not stop it in time; Gao Jianjun has made a written self-criticism.",
    "高建军本人作了检查；包保党员承认“勤观察、勤提醒”不到位。": "Gao Jianjun made a self-criticism; his mentor admitted he had not watched and reminded him often enough.",
    "姜海峰本人作了检查；党小组长宋健对组内作业互控不到位，未及时制止。": "Jiang Haifeng made a self-criticism; party group leader Song Jian did not keep mutual control in the group and did not stop it in time.",
    "党小组长陈军对组内作业互控不到位，未及时制止；当事职工何勇已作书面检查。": "Party group leader Chen Jun did not keep mutual control in the group and did not stop it in time; He Yong has made a written self-criticism.",
    "工班长对组内作业互控不到位，未及时制止；当事职工秦宝山已作书面检查。": "The team leader did not keep mutual control in the group and did not stop it in time; Qin Baoshan has made a written self-criticism.",
    # meetings
    "党小组会": "party group meeting",
    "支委会": "branch committee meeting",
    # chain of responsibility and effect of earlier measures
    "总支的“两违”卡控要求传到支部，未逐条落实到作业组和包保党员。": "The General Branch's controls on violations reached the branch but were not carried through, point by point, to the work groups and the mentors.",
    "段下发的调图通知到车间后只组织了干部学习，未传达到值班员和工班长，新图作业时分的掌握没有逐级落实到岗。": "The depot's notice of the timetable change was studied only by the workshop's cadres and never reached the duty officers and team leaders; learning the new working times was not carried down to the posts.",
    "总支提出的“作业完了确认”要求传到支部后只停留在会议记录上，工班长未向作业组交代，作业组长未落实到人，责任在“支部—工班长—作业组”之间层层衰减。": "The General Branch's end-of-work check reached the branch but stayed in the minutes: the team leader did not pass it to the work groups and the group leaders did not assign it, so responsibility faded at each step from branch to team leader to work group.",
    "“撤除工具和号志”的控制要求只写在作业标准中，支部未分解到党员控制点，工班长确认环节无人检查，责任传递在工班长一级断档。": "The control on removing tools and signals was written only in the work standard; the branch did not turn it into party members' control points and nobody checked the team leader's confirmation, so responsibility stopped at the team leader.",
    "上次“两违”后的整改只有谈话记录，没有跟班检查，效果未巩固。": "After the last violation the correction was a talk on record, with no checks on shift, so it did not hold.",
    "以往调图时的班前预想只强调人身安全，未检查作业时分的落实效果。": "At earlier timetable changes the pre-shift briefings stressed personal safety only and nobody checked that the working times were kept.",
    "去年制定的旧件回收规定没有检查考核，落实效果无人过问，“落不下去，严不起来”。": "Last year's rule on taking back old parts was never checked or assessed and nobody asked whether it worked: it was neither carried out nor enforced.",
    "三月份钩舌销事故后开展的专项检查只查了配件，未延伸到试风工具，整改效果没有巩固。": "The special check after the knuckle-pin accident in March covered parts only, not brake-test tools, so the correction did not hold.",
    # causes of cases
    "党员干部对保安全设施的使用和管理没有制定卡控措施": "party cadres had set no controls on using and managing safety equipment",
    "关键时间、关键岗位和重点列车抽查没有量化标准": "no set number of spot checks at key times, key posts and key trains",
    "各级党员干部发现问题质量不高，降低考核标准，好人主义": "party cadres at every level found few real problems and lowered the assessment standard to spare people",
    "运行图调整后未按新图重新核定检车作业时分": "inspection working times were not reset after the timetable change",
    "新运行图实行，作业时分压缩": "the new timetable cut the working times",
    "检车员更换钩舌销后未将废件回收入箱，作业完了未确认": "the inspector did not put the scrapped knuckle pin back in the box, and the end of work was not checked",
    "作业纪律观念淡薄。": "Weak sense of work discipline.",
    "作业完了确认不落实，险些造成行车事故。": "The end-of-work check was not done, nearly causing a running accident.",
    "包保期间习惯性违章反复。": "Habitual violations recurred during mentoring.",
    "安全意识淡薄，图省事抢时间，存在侥幸心理。": "Weak safety awareness — short cuts taken to save time, trusting to luck.",
    "班组作业互控流于形式，列车到达后关键环节无人提醒。": "Mutual control in the team was a formality; nobody gave reminders at the key steps after the train arrived.",
    "列车到达后作业时间紧，作业组抢时间进入作业。": "Time after arrival was short and the work group rushed in.",
    "到达检查时未确认手制动状态": "the hand brake was not checked in the arrival inspection",
    "新职工安全意识不强。": "A new worker with weak safety awareness.",
    "检车员试风作业完了未撤除风表，未执行作业完了确认": "the inspector did not remove the gauge after the brake test, and the end-of-work check was not done",
    "上次严重违章后帮教不到位，习惯性违章反复。": "Coaching after his last serious violation fell short, and the habit returned.",
    "作业完了撤除号志无专人复核": "nobody was named to recheck the removal of signals at the end of work",
    "图省事抢作业，邻线来车不避让，严重违章。": "Took a short cut to save time and did not clear for a train on the adjacent line: a serious violation.",
    "安全意识淡薄，“两违”多，习惯性违章。": "Weak safety awareness, many violations, breaking rules by habit.",
    "劳动纪律观念淡薄，包保初期思想尚未转变。": "Weak sense of labour discipline; early in the mentoring his attitude had not yet changed.",
    "值班纪律执行不严。": "Duty discipline was not kept strictly.",
    # responsibility findings
    "值班员未掌握新图作业时分，直接责任": "the duty officer did not know the new working times: directly responsible",
    "工班长未核对作业计划，负“看惯者”责任": "the team leader did not check the plan: responsible for letting it pass",
    "班前预想未把调图列为安全重点": "the pre-shift briefing did not make the timetable change a safety point",
    "作出书面检查": "made a written self-criticism",
    "对组内作业互控不到位，未及时制止": "did not keep mutual control in the group and did not stop it in time",
    "对互控不到位作出书面检查": "made a written self-criticism for the lapse in mutual control",
    "更换配件后未回收废件，直接责任": "did not take back the scrapped part: directly responsible",
    "工班长对作业完了检查不到位，负“看惯者”责任": "the team leader's end-of-work check fell short: responsible for letting it pass",
    "三班党支部卡控措施不落实，抽查没有量化标准": "the Shift 3 branch did not apply its controls and had no set number of spot checks",
    "本人作业中使用手机，负直接责任": "used his phone at work: directly responsible",
    "本人未撤除脱轨器即通知作业完了，负直接责任": "reported the work finished before removing the derailer: directly responsible",
    "本人钻车作业钻跨不到位，负直接责任": "crawled under or stepped over cars the unsafe way: directly responsible",
    "本人在列车未停稳时跨越车钩，负直接责任": "stepped across a coupler before the train had stopped: directly responsible",
    "到达检查未确认手制动状态": "the hand brake was not checked in the arrival inspection",
    "本人检车作业未戴安全帽，负直接责任": "inspected without a safety helmet: directly responsible",
    "试风作业完了未撤风表，直接责任": "did not remove the gauge after the brake test: directly responsible",
    "工班长未确认工具撤除即通知作业完了": "the team leader reported the work finished without checking the tools were removed",
    "二班党支部作业完了提醒和控制点未落实": "the Shift 2 branch did not carry out its end-of-work reminders and control points",
    "本人钻车作业未确认防护信号，负直接责任": "crawled under a car without checking the protection signal: directly responsible",
    "作业组撤除号志确认不落实": "the work group did not check the removal of signals",
    "本人邻线来车未下道避让，负直接责任": "did not clear the track for a train on the adjacent line: directly responsible",
    "本人横越线路未执行“一站、二看、三通过”，负直接责任": "crossed the tracks without “stop, look both ways, then cross”: directly responsible",
    "本人班中擅自离开作业岗位，负直接责任": "left his post during the shift without leave: directly responsible",
    "本人值班中擅自离开值班室，负直接责任": "left the duty room during his duty without leave: directly responsible",
    # accountability
    "按“两违”考核办法考核": "penalised by the workshop under its rules on violations",
    "撤换工班长": "removed from the post of team leader",
    "按规定考核": "penalised under the rules",
    "撤换值班员": "removed from the post of duty officer",
    # competence checks
    "双学双提：学理论提高技术业务水平，学实作提高发现处理故障能力": "“Two studies, two gains”: theory to raise technical skill, practice to find and deal with faults better",
    "应知一口清抽考（规章、作业标准）": "spot test of what one must know (rules and work standards)",
    "应会一手精实作考核（故障判断处理）": "practical test of what one must do (judging and dealing with faults)",
    "党内练兵比武：对抗赛": "party skills contest: head-to-head",
    "党内练兵比武：联手赛": "party skills contest: team",
    "党内练兵比武：升格赛": "party skills contest: step-up",
    "党内练兵比武：擂台赛": "party skills contest: open challenge",
    # key-person signals
    "发现故障数不足本组平均的三成": "found under a third of his group's average number of faults",
    "思想情绪不稳定，工作态度不端正（支部评议）": "unsettled and careless at work (the branch's judgement)",
    # priorities
    "加强关键列车“车辆故障”问题卡控": "Tighten checks for vehicle faults on key trains",
    "集中整治截断塞门手把关闭、闸瓦磨耗超限问题": "Clamp down on cut-out cocks left closed and brake shoes worn beyond the limit",
    "在班前会上逐人提问，制止违章违纪": "Stop rule violations at the shift briefings",
    "深刻吸取10月9日33062次晚点事故教训，抓好整改措施落实": "Learn the lessons of the late departure of train 33062 and carry its measures through",
    "纠正孙浩在列车未停稳时跨越车钩的违章问题，做好当事人帮教": "Correct Sun Hao's stepping across couplers before trains stop, and coach him",
    "新图作业时分上岗考试记录（11月18日，值班员、工班长12人全部合格）": "Record of the test on the new working times (18 November: all 12 duty officers and team leaders passed)",
    "10月12日彭晓明与孙浩结成包保对子": "Peng Xiaoming paired with Sun Hao as his mentor on 12 October",
    "10月28日完成专项检查，检查记录存车间": "Special check finished on 28 October; its record is kept by the workshop",
    "横越线路“一站、二看、三通过”每日班前提问": "Question staff every day at the pre-shift briefing on “stop, look both ways, then cross”",
    "各党支部每日班前对横越线路“一站、二看、三通过”、着装、呼唤应答、钻车作业钻跨到位逐人提问": "Every branch questions each worker daily at the pre-shift briefing on “stop, look both ways, then cross”, dress, call-and-response and going under and over cars the safe way",
    "始发作业后截断塞门位置逐车确认，关门车登记并与前方列检所每班核对": "After the departure inspection, check the cut-out cock on every wagon, and check the list of wagons with closed cocks with the next inspection point every shift",
    "到达检查闸瓦厚度逐位检查": "At the arrival inspection, check the thickness of every brake shoe",
    "对C70E、C64K制动梁安全链、钩舌销开口销开展专项检查": "A special check of brake-beam safety chains and knuckle-pin split pins on C70E and C64K wagons",
    "质量互控每班抽查不少于2列": "Quality cross-checks of at least 2 trains a shift",
    "专项检查": "the special check",
    "杜绝“邻线来车避让不及时”事故苗子重复发生": "Stop the recurring late clearing of the track for trains on the adjacent line",
    "防护员提前呼唤邻线来车，作业人员及时下道避让，党员定位定项盯控": "The lookout calls out trains on the adjacent line early, staff clear the track at once, and a party member watches this control point",
    "重新确定邻线接车通知办法": "Agree a new way of announcing trains on the adjacent line",
    "杜绝“撤除防护号志前未确认人员撤出”事故苗子重复发生": "Stop the recurring removal of protection signals before all staff are clear",
    "撤除防护号志前由防护员逐人点名确认、党员复核签认，干部每班抽查": "Before the protection signals are removed, the lookout calls each worker by name, a party member checks and signs, and cadres spot-check every shift",
    "重复违章人员纳入包保并跟班互控": "Repeat offenders paired with mentors who work their shifts",
    "孙浩列为安全关键人，确定党员包保人结对帮教": "Sun Hao named a key person and paired with a party member as mentor",
    "对C70E型货车制动梁安全链开展专项检查": "A special check of brake-beam safety chains on C70E wagons",
    # rewards
    "检查916018次列车发现制动梁端轴折损，避免了一起行车事故": "found a broken brake-beam end shaft on train 916018, preventing a running accident",
    "检查41008次列车发现G606230356五位车轮踏面擦伤超限": "found a wheel tread scratch past the limit at position 5 on wagon G606230356 of train 41008",
}  # fmt: skip


def _pattern(template: str) -> re.Pattern[str]:
    source = re.escape(template)
    for name, value in (
        ("train", r"\d+"),
        ("vehicle", r"[A-Z0-9]+ \d+"),
        ("pos", "[一二三四五六七八]"),
        ("loc", "|".join(map(re.escape, PLACES))),
    ):
        source = source.replace(re.escape("{" + name + "}"), f"(?P<{name}>{value})")
    return re.compile(f"^{source}$")


_PATTERNS = [(_pattern(zh), en) for zh, en in PATTERNS.items()]


def english(text: str) -> str:
    """The English of ``text``; text without Chinese is its own English."""
    if not HAN.search(text):
        return text
    if text in TEXT:
        return TEXT[text]
    if text in PLACES:
        return PLACES[text]
    for pattern, en in _PATTERNS:
        if m := pattern.match(text):
            values = m.groupdict()
            if "pos" in values:
                values["pos"] = POSITIONS[values["pos"]]
            if "loc" in values:
                values["loc"] = PLACES[values["loc"]]
            return en.format(**values)
    raise SystemExit(f"no English for {text!r}: add it to scripts/example_english.py")


def _field(data: dict[str, Any], *names: str) -> None:
    for name in names:
        value = data.get(name)
        if isinstance(value, str) and HAN.search(value):
            data[f"{name}_en"] = english(value)


def _lines(data: dict[str, Any], name: str) -> None:
    values = data.get(name) or []
    if any(HAN.search(v) for v in values):
        data[f"{name}_en"] = [english(v) for v in values]


def _each(items: list[dict[str, Any]] | None, *names: str) -> None:
    for item in items or []:
        _field(item, *names)


def _report(data: dict[str, Any]) -> None:
    _field(data, "summary", "details", "location")
    if data.get("analysis"):
        _field(data["analysis"], "cause")
    _each(data.get("actions"), "action")


def _incident(data: dict[str, Any]) -> None:
    _field(data, "title", "location", "description")
    _each(data.get("timeline"), "event")
    _each(data.get("causes"), "text")
    _each(data.get("responsibility"), "finding", "action")
    _each(data.get("measures"), "action")
    _each(data.get("education"), "content")
    _each(data.get("accountability"), "detail")
    analysis = data.get("analysis")
    if analysis:
        _field(analysis, "chain", "effect")
        if analysis.get("levels"):
            _field(analysis["levels"], "general_branch", "branch", "member")
        if analysis.get("meeting"):
            _field(analysis["meeting"], "kind")


def _priorities(data: dict[str, Any]) -> None:
    for item in data["items"]:
        _field(item, "content")
        _lines(item, "measures")
        _each(item.get("terms"), "name")
        _lines(item, "evidence")


def _key_person(data: dict[str, Any]) -> None:
    _each(data.get("signals"), "note")


_BY_MODEL: dict[str, Callable[[dict[str, Any]], None]] = {
    "Report": _report,
    "Incident": _incident,
    "Priorities": _priorities,
    "KeyPerson": _key_person,
    "Reward": lambda data: _field(data, "reason"),
    "Competence": lambda data: _field(data, "title"),
}


def added(model: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (a record of kind ``model``, as the generator builds it) with the English of
    each of its free-text fields beside it; the Chinese is left as it is."""
    fill = _BY_MODEL.get(model)
    if fill is not None:
        fill(data)
    return data
