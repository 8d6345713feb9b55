"""The words by which published reports state each figure of the indicator catalog
(`fazhi.indicators.catalog`, which gives the ids, names and units). The reader knows only
the catalog (DESIGN: it imports no work-line app). All patterns are written in simplified
characters: the reader matches on the t2s-normalised text.

Matching fields of a wording:
- `terms`: regular expressions naming the figure, matched on the figure's own words with
  the number standing as NUMBER_MARK: before it (nearest first), around it ("抽查了1500余宗
  行政执法案卷") or, failing those, after it ("报备46件…规范性文件"); `$` in a term stands
  for the number ("败诉$": the words end at it), `#` is the number ("抽查#宗案卷"). A
  match right after a negation is refused.
- `area`: when set, the figure only belongs here if the surrounding text speaks of this
  area (行政复议, 法律援助 …); "审结1765件" alone says nothing about which work line. Any
  figure whose own words speak of another area only (法律顾问…意见书) is refused.
- `units`: the written units accepted; by default the counting words of the catalog's unit
  (COUNTING_WORDS: 处罚案件1236个, 案卷1500宗, 培训600人).
- `exclude`: words that disqualify the match (cumulative totals, averages).
- `topic`: words the number's whole sentence must hold (before or after it): a count of
  meetings is one of meetings on 法治 only where the sentence says so.
"""

import re
from dataclasses import dataclass

from fazhi.indicators.catalog import CATALOG

NUMBER_MARK = "\x00"
# two acts joined before one object count together: "审查和备案规范性文件54件"
JOINT_ACTS = r"(审查|审核|备案)(和|及|与|并|、)(审查|审核|备案)[^，。；]{0,6}文件$"
# The counting words a report may write for a catalog unit.
COUNTING_WORDS = {
    "件": ("件", "个", "起", "宗", "份"),
    "份": ("份", "件"),
    "本": ("本", "卷", "宗", "件", "份"),
    "项": ("项", "个", "件", "条"),
    "次": ("次", "场", "场次", "轮", "家次"),
    "场次": ("场次", "场", "次"),
    "人次": ("人次", "人", "名"),
    "人": ("人", "名"),
    "个": ("个", "家", "件"),
}


def compile_term(term: str) -> re.Pattern:
    return re.compile(term.replace("$", f"(?={NUMBER_MARK})").replace("#", NUMBER_MARK))


@dataclass(frozen=True)
class Unless:
    """A term that does not apply where the number's sentence holds `sentence`: "审查规范性
    文件9件" is a review before issue, but not in a sentence on 备案审查."""

    term: str
    sentence: str


@dataclass(frozen=True)
class Wording:
    id: str  # a catalog id
    terms: tuple[str | Unless, ...]
    area: str | None = None
    units: tuple[str, ...] = ()
    exclude: str | None = None
    topic: str | None = None  # words the number's sentence must hold for the wording to apply

    @property
    def accepted_units(self) -> tuple[str, ...]:
        unit = CATALOG[self.id].unit
        return self.units or COUNTING_WORDS.get(unit, (unit,))


# Words that tell which work line a passage speaks of, nearest one wins.
AREAS: dict[str, str] = {
    "reconsideration": r"行政复议|复议",
    "litigation": r"行政诉讼|行政应诉|出庭应诉|应诉",
    "legal_aid": r"法律援助|法援|受援|援助案件",
    "mediation": r"人民调解|调解|调委会|矛盾纠纷",
    "normative_docs": r"规范性文件",
    "major_decisions": r"重大行政决策",
    "enforcement": r"行政执法|执法",
    "publicity": r"普法|法治宣传|学法|考法|法律知识[^，。；]{0,4}考试|法治考试",
    "corrections": r"社区矫正|在矫|判前调查|调查评估",
    "legal_advisers": r"法律顾问|公职律师",
    "legal_services": r"公共法律服务|12348",
    "notary": r"公证",
    "accountability": r"述法|法治督察",
}

_R = "reconsideration"
_AID = "legal_aid"
_MED = "mediation"
_DOC = "normative_docs"
_ENF = "enforcement"

WORDINGS: tuple[Wording, ...] = (
    # 行政复议
    Wording(
        "reconsideration.received",
        (r"(收到|接收|收取|受理)[^，。；]{0,8}(行政)?复议申请", r"复议申请"),
        _R,
    ),
    Wording("reconsideration.accepted", (r"受理",), _R),
    Wording("reconsideration.not_accepted", (r"不予受理",), _R),
    Wording("reconsideration.not_supplemented", (r"未按(要求|期)?补正|视为放弃",), _R),
    Wording("reconsideration.closed", (r"审结|办结|结案",), _R),
    Wording("reconsideration.upheld", (r"维持",), _R),
    Wording("reconsideration.dismissed", (r"驳回",), _R),
    Wording("reconsideration.revoked", (r"撤销",), _R),
    Wording("reconsideration.altered", (r"变更",), _R),
    Wording("reconsideration.confirmed_illegal", (r"确认违法",), _R),
    Wording("reconsideration.ordered_performance", (r"责令(限期)?履行",), _R),
    Wording("reconsideration.confirmed_invalid", (r"确认无效",), _R),
    Wording("reconsideration.mediated", (r"调解结案|以调解方式结案|达成调解",), _R),
    Wording("reconsideration.terminated", (r"终止|撤回",), _R),
    Wording("reconsideration.corrected", (r"纠错|纠正",), _R),
    Wording("reconsideration.correction_rate", (r"纠错率",), _R),
    Wording("reconsideration.comprehensive_corrected", (r"综合纠错",), _R),
    Wording("reconsideration.comprehensive_correction_rate", (r"综合纠错率",), _R),
    Wording("reconsideration.merits_correction_rate", (r"实体[^，。]{0,6}纠错率",), _R),
    Wording("reconsideration.on_time_rate", (r"按期结案率|按时结案率",), _R),
    # a 法律意见书 is counsel's opinion, not a reconsideration body's
    Wording("reconsideration.opinion_letters", (r"(?<!法律)(意见书|建议书)",), _R),
    Wording("reconsideration.performance_rate", (r"复议决定履行率",)),
    # the ids the work lines added to the catalog (ADDED), as reports may state them
    Wording(
        "reconsideration.closed_by_merits_decision", (r"作出[^，。；]{0,4}实体(处理)?决定",), _R
    ),
    Wording("reconsideration.closed_on_time", (r"按期(审结|办结|结案)",), _R),
    Wording("reconsideration.performance_due", (r"应(当)?履行",), _R),
    Wording("reconsideration.performed", (r"已(经)?履行|履行到位",), _R),
    # 行政应诉
    # 调撤、撤诉 cases are some of the cases, not their number
    Wording("litigation.cases", (r"行政应诉案件|行政诉讼案件|被诉案件",), exclude=r"调撤|撤诉"),
    Wording("litigation.concluded", (r"审结|结案",), "litigation"),
    Wording("litigation.lost", (r"败诉(案件)?$", r"#败诉"), "litigation"),
    Wording("litigation.loss_rate", (r"败诉率",)),
    Wording("litigation.head_appearances", (r"负责人出庭(应诉)?(案件)?$",)),
    Wording("litigation.head_appearance_rate", (r"出庭(应诉)?率",)),
    Wording("litigation.heard_cases", (r"开庭审理",), "litigation"),
    # 行政执法监督
    Wording("enforcement.penalty_cases", (r"处罚案件",), exclude=r"免罚|轻罚|不罚"),
    Wording(
        "enforcement.no_or_light_penalty_cases",
        (r"免罚[、，,]?轻罚[”\"]?案件|不罚[、，,]?轻罚[”\"]?案件",),
    ),
    Wording(
        "enforcement.no_penalty_list_items",
        (r"(不罚|不予(行政)?处罚)[”\"]?[^，。；、]{0,6}(清单|事项)",),
    ),
    Wording(
        "enforcement.lighter_penalty_list_items",
        (r"(轻罚|从轻(行政)?处罚)[”\"]?[^，。；、]{0,6}(清单|事项)",),
    ),
    Wording(
        "enforcement.mitigated_penalty_list_items",
        (r"减轻(行政)?处罚[”\"]?[^，。；、]{0,6}(清单|事项)",),
    ),
    Wording(
        "enforcement.certified_officers",
        (
            r"持证(行政)?执法人员|持有执法证",
            r"持有[^，。；]{0,4}执法(资格)?证",
            r"#执法人员[^，。；]{0,4}(取得|持有)[^，。；]{0,4}执法(资格)?证",  # "3名执法人员全部取得行政执法证"
        ),
        units=("人", "名"),
    ),
    Wording("enforcement.supervision_inspections", (r"执法监督检查|专项监督|监督检查",), _ENF),
    Wording(
        "enforcement.case_files_reviewed",
        (
            r"评查[^，。；]{0,6}案卷|案卷[^，。；]{0,10}评查",
            r"(评查|抽查)[^，。；]{0,6}#[^，。；]{0,8}案卷",
            r"(评查|抽查)[^，。；]{0,4}执法案件$",  # "抽查行政执法案件254宗": 案件 for 案卷
        ),
    ),
    Wording("enforcement.enterprise_inspections_reported", (r"入企(执法)?(检查)?",)),
    Wording("enforcement.officers_trained", (r"培训|轮训",), _ENF, exclude=r"考试#"),
    Wording(
        "enforcement.certificates_issued",
        (r"(申领|换发|核发|发放)[^，。；]{0,4}执法证件?",),
        _ENF,
        ("个", "本", "张", "件"),
    ),
    Wording("enforcement.legal_review_staff_ratio", (r"法制审核人员[^，。；]{0,20}比例",)),
    Wording("enforcement.legal_review_staff", (r"法制审核人员$",)),
    # 规范性文件、重大行政决策、法律顾问
    Wording(
        "normative_docs.issued",
        (
            r"(制定|印发|出台)[^，。；]{0,6}规范性文件",
            r"(?<![\u4e00-\u9fff])(正式|共|累计)?(印发|出台|制定)了?$",  # "…规范性文件28件，正式印发11件"
        ),
        _DOC,
    ),
    Wording(
        "normative_docs.legality_reviews",
        (
            r"规范性文件[^，。；]{0,6}合法性审[核查]",
            r"合法性审[核查][^，。；]{0,12}规范性文件",
            r"审核[^，。；]{0,12}规范性文件",
            Unless(r"(?<!备案)审查(?:(?!备案)[^，。；]){0,8}规范性文件$", r"备案审查"),
            r"审[核查](《[^》]*》)+等?[^，。；]{0,4}规范性文件",
        ),
        units=("件", "次", "份"),
        exclude=JOINT_ACTS,
    ),
    # "审查和备案规范性文件54件" counts two acts together: neither figure alone
    Wording(
        "normative_docs.filed",
        (r"报备|备案",),
        _DOC,
        ("件", "次", "份"),
        exclude=JOINT_ACTS + r"|合同|协议",
    ),
    # 审查政府合同 is a legality review of a contract, no 备案审查; "审查市级规范性文件" is
    # the review before issue (legality_reviews)
    Wording(
        "normative_docs.filing_reviews",
        (r"备案审查", r"审查"),
        _DOC,
        exclude=JOINT_ACTS + r"|合同|协议",
    ),
    Wording("normative_docs.corrected", (r"纠错|纠正",), _DOC),
    Wording(
        "normative_docs.repealed",
        (
            r"废止[^，。；]{0,6}规范性文件",
            r"规范性文件[^，。；]{0,6}废止",
            r"废止[^，。；]{0,10}文件",  # "废止计划生育类政策文件3份"
            r"(?<![\u4e00-\u9fff])\d{4}年(共|累计)?废止了?$",  # "…文件3份，2022年废止7份"
        ),
    ),
    Wording(
        "major_decisions.catalog_items",
        (
            r"重大行政决策[^，。；]{0,6}目录",
            r"(公布|纳入|列入)[^，。；]{0,4}重大行政决策(目录)?事项",
        ),
        units=("项", "件", "个"),
    ),
    Wording(
        "major_decisions.legality_reviews",
        (r"重大行政决策[^，。；]{0,6}合法性审[查核]", r"审[核查][^，。；]{0,6}重大行政决策"),
        units=("项", "件", "次"),
    ),
    Wording("legal_advisers.units_covered_rate", (r"法律顾问[^，。；]{0,6}覆盖率",)),
    Wording(
        "legal_advisers.public_lawyers",
        (r"公职律师$", r"公职律师[^，。；]{0,6}人数$"),  # "取得公职律师工作证人数7人"
        units=("人", "名"),
    ),
    # 人民调解
    Wording(
        "mediation.disputes_mediated",
        (r"调解[^，。；]{0,4}(案件|纠纷)", r"受理[^，。；]{0,4}纠纷"),
        _MED,
    ),
    Wording(
        "mediation.disputes_resolved",
        (r"成功(调解|化解)[^，。；]{0,4}(案件|纠纷)?|调解成功(案件)?$",),
        _MED,
    ),
    Wording("mediation.success_rate", (r"成功率",), _MED),
    Wording("mediation.screenings", (r"排查",), _MED),
    Wording("mediation.committees", (r"调解组织|调解委员会|调委会",), _MED, ("个", "家")),
    Wording("mediation.full_time_mediators", (r"专职(人民)?调解员",), units=("人", "名")),
    # 人民调解: the ids the mediation line added (worklines.md §2.2(d))
    Wording("mediation.concluded", (r"调解结束",), _MED),
    Wording("mediation.concluded_on_time", (r"按期调结",), _MED),
    Wording("mediation.on_time_rate", (r"(按期|一个月内)调结率",), _MED),
    Wording("mediation.court_linked_cases", (r"(诉前|委派)调解[^，。；]{0,4}(案件|纠纷)$",), _MED),
    Wording("mediation.court_linked_resolved", (r"诉前[^，。；]{0,4}成功调解|诉前调解成功",), _MED),
    Wording("mediation.court_linked_success_rate", (r"诉前[^。；]{0,20}成功率",), _MED),
    Wording("mediation.police_linked_cases", (r"(公调|警调)对接[^，。；]{0,20}纠纷",), _MED),
    Wording("mediation.petition_linked_cases", (r"访调对接[^，。；]{0,20}纠纷",), _MED),
    Wording("mediation.judicial_confirmations", (r"申请司法确认",), _MED),
    Wording("mediation.judicial_confirmations_confirmed", (r"司法确认有效|确认有效",), _MED),
    Wording("mediation.written_agreements", (r"书面(调解)?协议",), _MED),
    Wording("mediation.oral_agreements", (r"口头(调解)?协议",), _MED),
    Wording("mediation.agreement_amount", (r"(调解)?协议[^，。；]{0,6}金额",), _MED),
    Wording("mediation.disputes_found", (r"排查发现",), _MED),
    Wording("mediation.disputes_prevented", (r"预防纠纷",), _MED),
    Wording("mediation.criminal_escalations_prevented", (r"民转刑",), _MED, ("起", "件")),
    Wording("mediation.nil_reports", (r"零上报",), _MED),
    # 法律援助、公共法律服务、公证
    Wording("legal_aid.cases_accepted", (r"(受理|办理|承办)[^，。；]{0,6}援助案件",)),
    Wording("legal_aid.cases_closed", (r"办结|结案",), _AID),
    Wording("legal_aid.closure_rate", (r"结案率",), _AID),
    Wording("legal_aid.consultations", (r"咨询",), _AID),
    Wording("legal_aid.amount_recovered", (r"挽回",), _AID),
    Wording("legal_services.hotline_calls", (r"12348|热线",), units=("人次", "次", "个")),
    Wording(
        "legal_services.center_visitors",
        (r"公共法律服务中心[^，。；]{0,6}接待",),
        units=("人次", "次"),
    ),
    Wording("notary.cases", (r"办理公证|公证(事项|业务|案件)",), units=("件",)),
    # the ids the legal_aid and legal_services lines added (catalog ADDED)
    # Only in so many words: "刑事案件" alone is as often a court's figure (审结涉少刑事案件).
    Wording("legal_aid.criminal_cases", (r"刑事法律援助案件",), _AID),
    Wording("legal_aid.civil_cases", (r"民事法律援助案件",), _AID),
    Wording("legal_aid.administrative_cases", (r"行政法律援助案件",), _AID),
    Wording("legal_aid.notified_cases", (r"通知(辩护|代理)",), _AID),
    Wording("legal_aid.decisions", (r"作出(是否)?给予法律援助(的)?决定",), _AID),
    Wording("legal_aid.decided_on_time", (r"按期(审查|作出)决定",), _AID),
    Wording("legal_aid.review_on_time_rate", (r"(审查|决定)(及时|按期)率",), _AID),
    Wording("legal_aid.assignments", (r"指派案件",), _AID),
    Wording("legal_aid.assigned_on_time", (r"(按期|及时)指派",), _AID),
    Wording("legal_aid.assignment_on_time_rate", (r"指派(及时|按期)率",), _AID),
    Wording("legal_aid.refusals", (r"不予(法律)?援助",), _AID),
    Wording("legal_aid.terminations", (r"终止(法律)?援助",), _AID),
    Wording("legal_aid.objections", (r"援助异议",), _AID),
    Wording("legal_aid.provisional_aid", (r"先行(提供法律)?援助",), _AID),
    Wording("legal_aid.quality_reviewed", (r"援助案件质量(评估|评查)",), _AID),
    Wording("legal_aid.quality_good", (r"质量优良",), _AID),
    Wording("legal_aid.quality_good_rate", (r"优良率",), _AID),
    Wording("legal_aid.subsidies_paid", (r"办案补贴",), _AID),
    Wording("legal_services.hotline_contacts", (r"12348[^，。；]{0,6}呼入",), units=("人次", "次")),
    Wording("legal_services.hotline_connection_rate", (r"12348[^，。；]{0,8}接通率",)),
    Wording("legal_services.hotline_rated", (r"12348[^，。；]{0,8}满意度评价",)),
    Wording("legal_services.hotline_satisfied", (r"12348[^，。；]{0,8}满意评价",)),
    Wording("legal_services.hotline_satisfaction_rate", (r"12348[^，。；]{0,8}满意率",)),
    Wording("legal_services.hotline_referrals", (r"12348[^，。；]{0,8}转办",)),
    Wording(
        "legal_services.stations", (r"公共法律服务(工作站|工作室)$",), units=("个", "家", "处")
    ),
    Wording(
        "legal_services.village_adviser_consultations", (r"村(居)?法律顾问[^，。；]{0,6}解答咨询",)
    ),
    Wording("legal_services.village_adviser_disputes", (r"村(居)?法律顾问[^，。；]{0,6}参与调解",)),
    Wording(
        "legal_services.village_adviser_lectures",
        (r"村(居)?法律顾问[^，。；]{0,6}讲座", r"法律顾问进村(宣讲|讲座|授课)"),
    ),
    Wording(
        "legal_services.village_adviser_aid_referrals",
        (r"村(居)?法律顾问[^，。；]{0,6}引导法律援助",),
    ),
    Wording("notary.timed", (r"报送办证日期",), units=("件",)),
    Wording("notary.on_time", (r"十五个工作日内出具",), units=("件",)),
    Wording("notary.on_time_rate", (r"公证[^，。；]{0,6}按期出具率",)),
    Wording("notary.refusals", (r"不予办理公证",), units=("件",)),
    Wording("notary.fee_waivers", (r"(减免|免收)公证费",), units=("件",)),
    Wording("legal_aid.non_litigation_cases", (r"非诉讼?(法律)?援助案件",), _AID),
    Wording("legal_aid.duty_lawyer_services", (r"值班律师[^，。；]{0,8}法律帮助",)),
    Wording("legal_aid.outreach_events", (r"(法律援助|法援)[^，。；]{0,8}宣传活动",)),
    Wording("legal_aid.recipients_by_group", (r"特定群体受援人",)),
    Wording("legal_aid.recipients_minors", (r"未成年(人)?受援人",)),
    Wording("legal_aid.recipients_elderly", (r"老年(人)?受援人",)),
    Wording("legal_aid.recipients_disabled", (r"残疾(人)?受援人",)),
    Wording("legal_aid.recipients_women", (r"妇女受援人",)),
    Wording("legal_aid.recipients_migrant_workers", (r"农民工受援人",)),
    Wording("legal_services.villages", (r"法律顾问名册[^，。；]{0,4}村(（居）|\(居\)|居)?$",)),
    Wording(
        "legal_services.villages_with_adviser",
        (
            r"有(在聘)?法律顾问的村",
            # "全镇26个行政村全部聘请法律顾问", "为辖区11个社区配备了兼职法律顾问"
            r"#(行政)?(村|社区)[^，。；]{0,4}(聘请|配备|聘用)了?[^，。；]{0,4}法律顾问",
        ),
    ),
    Wording("legal_services.village_adviser_coverage_rate", (r"村(居)?法律顾问覆盖率",)),
    # 社区矫正
    Wording(
        "corrections.subjects",
        (r"在矫|在册[^，。；]{0,4}社区矫正对象|社区矫正对象$",),
        units=("人", "名"),
        exclude=r"累计|共计|接收|接受|解除|平均|新增|入矫",
    ),
    Wording(
        "corrections.investigations", (r"调查评估|判前调查",), units=("件", "人次", "人", "份")
    ),
    Wording("corrections.absconded", (r"脱管|漏管",), units=("人", "名")),
    # the ids the 社区矫正 line added: their full names only, so as not to read more
    Wording("corrections.received", (r"新接收社区矫正对象",), units=("人", "名")),
    Wording("corrections.released", (r"解除社区矫正",), units=("人", "名"), exclude=r"累计|共计"),
    Wording("corrections.transferred_out", (r"执行地变更移出",), units=("人", "名")),
    Wording("corrections.investigations_on_time", (r"按期完成调查评估",)),
    Wording("corrections.investigation_on_time_rate", (r"调查评估按期完成率",)),
    Wording("corrections.investigations_recommended", (r"建议适用社区矫正",)),
    Wording("corrections.admonitions", (r"训诫",), "corrections"),
    Wording("corrections.warnings", (r"警告",), "corrections"),
    Wording("corrections.revocation_proposals", (r"提请撤销缓刑|提请收监执行",)),
    Wording("corrections.commendations", (r"表扬",), "corrections"),
    Wording("corrections.electronic_monitoring", (r"使用电子定位装置",), units=("人", "名")),
    Wording("corrections.resettlement_received", (r"新接收刑满释放人员",), units=("人", "名")),
    Wording("corrections.resettlement_linked", (r"衔接到位",), "corrections", units=("人", "名")),
    Wording("corrections.resettlement_linkage_rate", (r"衔接率",)),
    Wording("corrections.resettlement_placed", (r"安置到位",), "corrections", units=("人", "名")),
    Wording("corrections.resettlement_placement_rate", (r"安置率",)),
    Wording("corrections.resettlement_key_subjects", (r"重点帮教对象",), units=("人", "名")),
    Wording(
        "corrections.terminated", (r"(终止|解除或终止)社区矫正|社区矫正终止",), units=("人", "名")
    ),
    Wording(
        "corrections.terminated_revoked", (r"被(裁定)?撤销缓刑",), "corrections", units=("人", "名")
    ),
    Wording("corrections.terminated_recommitted", (r"(被|予以)收监执行",), units=("人", "名")),
    Wording("corrections.terminated_died", (r"社区矫正对象死亡",), units=("人", "名")),
    Wording("corrections.reoffended", (r"重新犯罪",), "corrections", units=("人", "名")),
    Wording("corrections.public_security_penalties", (r"提请治安管理处罚",)),
    Wording("corrections.home_visits", (r"实地查访",), "corrections"),
    Wording("corrections.subjects_control", (r"管制对象",), "corrections", units=("人", "名")),
    Wording("corrections.subjects_probation", (r"缓刑对象",), "corrections", units=("人", "名")),
    Wording("corrections.subjects_parole", (r"假释对象",), "corrections", units=("人", "名")),
    Wording("corrections.subjects_medical_parole", (r"暂予监外执行对象",), units=("人", "名")),
    # 普法、述法、督察
    Wording(
        "publicity.activities", (r"(普法|法治|宣传)[^，。；]{0,6}活动",), units=("场次", "场", "次")
    ),
    Wording("publicity.legal_literate_people", (r"法律明白人",), units=("人", "名")),
    Wording("publicity.law_exam_participation_rate", (r"参考率",)),
    Wording("publicity.law_exam_pass_rate", (r"及格率|合格率|通过率",), "publicity"),
    Wording("publicity.law_exam_excellent_rate", (r"优秀率",), "publicity"),
    Wording("accountability.law_reports", (r"述法",), units=("人", "名", "人次")),
    Wording("accountability.inspections", (r"法治督察|督察",), "accountability"),
    # the ids the 普法 and 述法·督察·考核 lines added
    Wording("accountability.law_reports_onsite", (r"现场述法",), units=("人", "名", "人次")),
    Wording(
        "accountability.inspection_findings",
        (r"督察[^，。；]{0,6}(发现|反馈)[^，。；]{0,4}问题",),
        "accountability",
    ),
    Wording("accountability.rectified", (r"整改销号|已销号",), "accountability"),
    Wording("accountability.rectification_rate", (r"整改(销号)?率",), "accountability"),
    Wording(
        "accountability.demonstration_projects",
        (
            r"示范创建项目$",
            r"(报送|推荐|申报)了?#[^，,。；、]{0,4}示范(创建)?项目",  # "报送了3个示范创建项目"
            # "2个项目入选示范项目", "2个…项目荣获全省…示范命名"
            r"#[^，。；、]{0,12}项目[^，。；]{0,4}(入选|荣获|获评|获得|被命名)[^，。；]{0,20}示范",
        ),
    ),
    # issue 21's later ids: full names only (the seeds' 会议学法 and 交办 figures are not them)
    Wording(
        "accountability.leadership_study_sessions",
        (
            r"领导班子学法",
            r"(中心组|专题|会前|集中|常务会议?)学法$",  # "开展中心组学法4次"
            r"学习(《[^》]*》)+等?(法律法规|法律|法规)$",  # "组织学习《民法典》…等法律法规5次"
            # "纳入党组理论学习中心组学习（含法治建设专题4次）"
            r"中心组[^，。；]{0,6}(其中|含)[^，。；]{0,2}(学法|法治[^，。；]{0,6}专题)$",
        ),
        units=("次", "场次", "场"),
    ),
    Wording(
        "accountability.leadership_meetings_on_rule_of_law",
        (
            r"听取研究法治工作会议",
            # "研究法治建设有关议题79次", "研究审议法治有关议题57项次"
            r"研究[^，,。；;]{0,24}法治[^，,。；;]{0,8}(议题|事项|问题)$",
            # "先后召开19次局党委会、局长办公会，研究审议法治建设重大问题"
            r"召开#[^，。；、]{0,3}(党委|党组|局长办公|厅长办公|常务)会",
            r"#召开[^，。；、]{0,3}(党委|党组|局长办公|厅长办公|常务)会",
            r"召开[^，,。；、]{0,6}专题会议?$",  # "定期召开专题会议4次，研究解决法治建设…"
        ),
        units=("次", "项次"),
        topic=r"法治",  # "召开38次党委会议，对…三重一大…集体决策" are no meetings on 法治
    ),
    Wording("accountability.open_rectifications", (r"未整改销号问题",), units=("个",)),
    Wording("accountability.assessment_results", (r"公布法治建设考核结果",), units=("个",)),
    Wording("accountability.assessment_excellent", (r"考核等次为优秀",), units=("个",)),
    Wording("accountability.tasks_assigned", (r"上级交办任务",), units=("项",)),
    Wording(
        "publicity.legal_literate_activities",
        (r"法律明白人[^，。；]{0,6}开展[^，。；]{0,4}活动",),
        units=("场次", "场", "次"),
    ),
    Wording("publicity.responsibility_lists", (r"普法责任清单",), units=("家", "个")),
    Wording("publicity.performance_reviews", (r"履职报告评议",), units=("家", "个")),
    # issue 21's and 20's latest ids: their full names only
    Wording("accountability.inspected_units", (r"被督察单位",), units=("个", "家")),
    Wording("accountability.reporting_units", (r"应述法单位",), units=("个", "家")),
    Wording("accountability.reporting_units_reported", (r"已述法单位",), units=("个", "家")),
    Wording("accountability.law_report_coverage_rate", (r"述法覆盖率",)),
    Wording("accountability.assessment_score", (r"法治建设考核得分",), units=("分",)),
    Wording("accountability.assessment_rank", (r"法治建设考核排名",), units=("名", "位")),
    Wording("publicity.law_exam_units", (r"参加学法考法的?单位",), units=("家", "个")),
    Wording(
        "publicity.materials_distributed",
        # "发放宣传材料400余份" in a passage on 普法
        (r"发放普法宣传材料", r"发放[^，。；]{0,4}宣传(材料|资料)"),
        "publicity",
        units=("份", "册"),
    ),
    Wording("publicity.trial_observers", (r"旁听庭审",), "publicity", units=("人次", "人")),
    Wording("publicity.online_posts", (r"网络普法信息",), units=("条",)),
    Wording("publicity.media_adoptions", (r"媒体采用",), "publicity", units=("篇", "条")),
    Wording("publicity.culture_sites", (r"法治文化(阵地|示范基地|公园|广场)",), units=("处", "个")),
    Wording("publicity.model_villages", (r"民主法治示范村",), units=("个", "家")),
    Wording("publicity.volunteers", (r"普法志愿者",), units=("人", "名")),
    Wording("legal_aid.civil_share", (r"民事法律援助案件占比",)),
    Wording("legal_services.hotline_minutes", (r"12348[^，。；]{0,8}服务时长",), units=("分钟",)),
    Wording(
        "legal_services.consultations",
        (r"公共法律服务[^，。；]{0,10}解答咨询",),
        units=("件", "人次", "次"),
    ),
    Wording("legal_services.approvals", (r"司法行政[^，。；]{0,4}审批",), units=("件", "项")),
    Wording("publicity.law_exam_due", (r"应考",), "publicity"),
    Wording(
        "publicity.law_exam_participants",
        (
            r"参考人数",
            r"参加[^，。；]{0,6}(学法|考法|法律知识)[^，。；]{0,4}(考试|测试)",
            r"#[^，,。；]{0,8}参加[^，,。；]{0,10}学法考法\Z",  # "3385名干部职工参加国家工作人员学法考法"
        ),
        "publicity",
        units=("人", "名"),
    ),
    Wording("publicity.law_exam_passed", (r"及格人数|合格人数",), "publicity"),
    Wording("publicity.law_exam_excellent", (r"优秀人数",), "publicity"),
    # the rosters the mediation line added (in so many words: "调解组织" alone stays
    # mediation.committees)
    Wording("mediation.mediators", (r"(?<!专职)(?<!兼职)人民调解员$",), units=("人", "名")),
    Wording("mediation.expert_pool", (r"调解[^，。；]{0,2}专家库",), units=("人", "名")),
    Wording("mediation.village_committees", (r"村（?居）?(民)?人民调解委员会$",), _MED),
    Wording("mediation.township_committees", (r"乡镇（?街道）?人民调解委员会$",), _MED),
    Wording("mediation.enterprise_committees", (r"企事业单位人民调解委员会$",), _MED),
    Wording("mediation.specialized_committees", (r"行业性专业性(人民)?调解(组织|委员会)$",), _MED),
    Wording("mediation.studios", (r"派驻[^，。；]{0,6}调解工作室$",), _MED),
    # the ids the 规范性文件·重大行政决策·法律顾问 line added (worklines.md §2.1(d)): full names
    Wording("normative_docs.issued_filed", (r"公布后已报备",), _DOC),
    Wording("normative_docs.filing_rate", (r"(?<!及时)报备率",), _DOC),
    Wording("normative_docs.filed_on_time", (r"按期报备",), _DOC),
    Wording("normative_docs.filing_on_time_rate", (r"报备及时率",), _DOC),
    Wording("normative_docs.registered_directly", (r"直接予以(备案)?登记",), _DOC),
    Wording("normative_docs.conformity_rate", (r"备案规范率",), _DOC),
    Wording("normative_docs.post_evaluations", (r"规范性文件后评估",)),
    Wording(
        "normative_docs.cleanup_campaigns",
        # "开展…政策清理1次", "开展国务院宣布失效文件的清理工作1次"
        (r"规范性文件专项清理", r"(?<!宣布)清理(工作)?$"),
        _DOC,
        units=("次", "轮"),
    ),
    Wording("normative_docs.renewed_on_expiry", (r"到期后继续执行",), _DOC),
    Wording(
        "normative_docs.other_legality_reviews",
        (
            r"其他合法性审查",
            # contracts, policies and other matters reviewed: "审查、备案政府合同122件",
            # "审核合同5份", "审查政策、规划、工作请示等行政决策365件"
            r"(?<!备案)(审查|审核)[^，,。；;]{0,30}(合同|协议|决定|纪要)$",
            # "对区重要工作会议纪要进行合法性审查120次"
            r"(合同|协议|决定|纪要)[^，。；]{0,6}合法性审[查核]$",
            r"(?<!备案)(审查|审核)了?(政策|规划|请示|重大事项|工作请示)[^，。；]{0,16}$",
        ),
        units=("件", "份", "项", "次"),
    ),
    Wording(
        "major_decisions.decisions_made",
        (
            r"作出重大行政决策",
            r"#重大行政决策(?!事项|目录|听证)",
            r"(作出|出台|实施)[^，。；]{0,4}重大行政决策(?!事项|目录|听证|程序)",
        ),
        units=("项", "件"),
    ),
    Wording("major_decisions.expert_reviews", (r"重大行政决策专家论证",), units=("项", "件", "次")),
    Wording(
        "major_decisions.risk_assessments", (r"重大行政决策风险评估",), units=("项", "件", "次")
    ),
    Wording("major_decisions.post_evaluations", (r"重大行政决策后评估",), units=("项", "件", "次")),
    Wording("legal_advisers.advisers", (r"在聘法律顾问",), units=("人", "名")),
    Wording("legal_advisers.units_covered", (r"配备法律顾问的党政机关",), units=("个", "家")),
    Wording("legal_advisers.public_lawyer_units", (r"设立公职律师的单位",), units=("家", "个")),
    Wording("legal_advisers.engagements", (r"法律顾问参与法制工作",), units=("件次",)),
    Wording("legal_advisers.meetings_attended", (r"法律顾问列席[^，。；]{0,6}常务会议",)),
    Wording("legal_advisers.agenda_items_reviewed", (r"议程法律把关|议题法律把关",)),
    Wording("legal_advisers.units_required", (r"应配备法律顾问的党政机关",), units=("个", "家")),
    Wording(
        "normative_docs.consultation_replies", (r"反馈[^，。；]{0,10}征求意见(和|及|、)?建议",)
    ),
    Wording(
        "major_decisions.public_participation_events",
        (r"重大行政决策公众参与",),
        units=("次", "场", "场次"),
    ),
    Wording(
        "legal_advisers.units_required_covered", (r"应配备且已配备法律顾问",), units=("个", "家")
    ),
    Wording("major_decisions.collective_meetings", (r"集体讨论(决定)?会议",), units=("次",)),
    # the statistical returns' own figures (worklines.md §2.8): full names only
    Wording("statistics.reports_due", (r"应报(统计)?报表",)),
    Wording("statistics.reports_submitted_on_time", (r"按(期|时)上报(统计)?报表",)),
    Wording("statistics.on_time_rate", (r"(统计)?报表按(期|时)上报率",)),
    Wording("statistics.returned_for_correction", (r"退回(修改|更正)(的)?(统计)?报表",)),
)
