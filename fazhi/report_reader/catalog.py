"""The reader's own table of the indicator catalog (../shared/spec/indicators.md, version 1).

The reader knows only the catalog (DESIGN: it imports no work-line app), so it keeps the
ids, names and units here together with the wording by which published reports state each
figure. All patterns are written in simplified characters: the reader matches on the
t2s-normalised text.

Matching fields of an entry:
- `terms`: regular expressions naming the figure; they must occur in the words before the
  number (or, with `after=True`, in the words right after it: "报备46件…规范性文件").
- `area`: when set, the figure only belongs here if the surrounding text speaks of this
  area (行政复议, 法律援助 …); "审结1765件" alone says nothing about which work line.
- `units`: the written units accepted (counting words vary: 处罚案件1236个).
- `exclude`: words that disqualify the match (cumulative totals, averages).
"""

from dataclasses import dataclass

CASE_UNITS = ("件", "个", "起", "宗")


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    unit: str
    terms: tuple[str, ...]
    area: str | None = None
    units: tuple[str, ...] = ()
    exclude: str | None = None
    after: bool = False

    @property
    def accepted_units(self) -> tuple[str, ...]:
        return self.units or ((self.unit,) if self.unit != "件" else CASE_UNITS)


# Words that tell which work line a passage speaks of, nearest one wins.
AREAS: dict[str, str] = {
    "reconsideration": r"行政复议|复议",
    "litigation": r"行政诉讼|行政应诉|出庭应诉|应诉",
    "legal_aid": r"法律援助|法援|受援|援助案件",
    "mediation": r"人民调解|调解|调委会|矛盾纠纷",
    "normative_docs": r"规范性文件",
    "major_decisions": r"重大行政决策",
    "enforcement": r"行政执法|执法",
    "publicity": r"普法|法治宣传",
    "corrections": r"社区矫正|在矫|判前调查|调查评估",
    "legal_services": r"公共法律服务|法律顾问|12348|公证",
    "accountability": r"述法|法治督察",
}

_R = "reconsideration"
_AID = "legal_aid"
_MED = "mediation"
_DOC = "normative_docs"
_ENF = "enforcement"

ENTRIES: tuple[Entry, ...] = (
    # 行政复议
    Entry(
        "reconsideration.received",
        "收到行政复议申请",
        "件",
        (r"(收到|接收|收取|受理)[^，。；]{0,8}(行政)?复议申请", r"复议申请"),
        _R,
    ),
    Entry("reconsideration.accepted", "受理", "件", (r"受理",), _R),
    Entry("reconsideration.not_accepted", "不予受理", "件", (r"不予受理",), _R),
    Entry(
        "reconsideration.not_supplemented",
        "未按要求补正(视为放弃)",
        "件",
        (r"未按(要求|期)?补正|视为放弃",),
        _R,
    ),
    Entry("reconsideration.closed", "审结", "件", (r"审结|办结|结案",), _R),
    Entry("reconsideration.upheld", "维持", "件", (r"维持",), _R),
    Entry("reconsideration.dismissed", "驳回", "件", (r"驳回",), _R),
    Entry("reconsideration.revoked", "撤销", "件", (r"撤销",), _R),
    Entry("reconsideration.altered", "变更", "件", (r"变更",), _R),
    Entry("reconsideration.confirmed_illegal", "确认违法", "件", (r"确认违法",), _R),
    Entry("reconsideration.ordered_performance", "责令履行", "件", (r"责令(限期)?履行",), _R),
    Entry("reconsideration.confirmed_invalid", "确认无效", "件", (r"确认无效",), _R),
    Entry("reconsideration.mediated", "调解结案", "件", (r"调解结案|以调解方式结案|达成调解",), _R),
    Entry("reconsideration.terminated", "终止(含撤回)", "件", (r"终止|撤回",), _R),
    Entry("reconsideration.corrected", "纠错", "件", (r"纠错|纠正",), _R),
    Entry("reconsideration.correction_rate", "纠错率", "%", (r"纠错率",), _R),
    Entry("reconsideration.comprehensive_corrected", "综合纠错", "件", (r"综合纠错",), _R),
    Entry("reconsideration.comprehensive_correction_rate", "综合纠错率", "%", (r"综合纠错率",), _R),
    Entry(
        "reconsideration.merits_correction_rate",
        "纠错率(实体决定口径)",
        "%",
        (r"实体[^，。]{0,6}纠错率",),
        _R,
    ),
    Entry("reconsideration.on_time_rate", "按期结案率", "%", (r"按期结案率|按时结案率",), _R),
    Entry(
        "reconsideration.opinion_letters",
        "行政复议意见书、建议书",
        "份",
        (r"意见书|建议书",),
        _R,
        ("份", "件"),
    ),
    Entry("reconsideration.performance_rate", "行政复议决定履行率", "%", (r"复议决定履行率",)),
    # 行政应诉
    Entry("litigation.cases", "行政应诉案件", "件", (r"行政应诉案件|行政诉讼案件|被诉案件",)),
    Entry("litigation.concluded", "审结", "件", (r"审结|结案",), "litigation"),
    Entry("litigation.lost", "败诉", "件", (r"败诉(案件)?$",), "litigation"),
    Entry("litigation.loss_rate", "败诉率", "%", (r"败诉率",)),
    Entry(
        "litigation.head_appearances",
        "行政机关负责人出庭应诉",
        "件",
        (r"负责人出庭(应诉)?(案件)?$",),
    ),
    Entry("litigation.head_appearance_rate", "行政机关负责人出庭应诉率", "%", (r"出庭(应诉)?率",)),
    # 行政执法监督
    Entry(
        "enforcement.penalty_cases", "行政处罚案件", "件", (r"处罚案件",), exclude=r"免罚|轻罚|不罚"
    ),
    Entry(
        "enforcement.no_or_light_penalty_cases",
        "免罚、轻罚案件",
        "件",
        (r"免罚[、，,]?轻罚[”\"]?案件|不罚[、，,]?轻罚[”\"]?案件",),
    ),
    Entry(
        "enforcement.no_penalty_list_items",
        "不予处罚(不罚)清单事项",
        "项",
        (r"(不罚|不予(行政)?处罚)[”\"]?[^，。；、]{0,6}清单",),
        units=("项", "个", "条"),
    ),
    Entry(
        "enforcement.lighter_penalty_list_items",
        "从轻处罚(轻罚)清单事项",
        "项",
        (r"(轻罚|从轻(行政)?处罚)[”\"]?[^，。；、]{0,6}清单",),
        units=("项", "个", "条"),
    ),
    Entry(
        "enforcement.mitigated_penalty_list_items",
        "减轻处罚清单事项",
        "项",
        (r"减轻(行政)?处罚[”\"]?[^，。；、]{0,6}清单",),
        units=("项", "个", "条"),
    ),
    Entry(
        "enforcement.certified_officers",
        "持证行政执法人员",
        "人",
        (r"持证(行政)?执法人员|持有执法证",),
        units=("人", "名"),
    ),
    Entry(
        "enforcement.supervision_inspections",
        "执法监督检查",
        "次",
        (r"执法监督检查|专项监督|监督检查",),
        _ENF,
    ),
    Entry(
        "enforcement.case_files_reviewed",
        "评查案卷",
        "本",
        (r"评查[^，。；]{0,6}案卷|案卷[^，。；]{0,10}评查",),
        units=("本", "卷", "件", "份"),
        after=True,
    ),
    Entry(
        "enforcement.enterprise_inspections_reported",
        "入企执法检查报备",
        "次",
        (r"入企(执法)?(检查)?",),
    ),
    Entry("enforcement.officers_trained", "执法人员培训", "人次", (r"培训",), _ENF),
    Entry(
        "enforcement.certificates_issued",
        "执法证件申领、换发",
        "个",
        (r"(申领|换发|核发|发放)[^，。；]{0,4}执法证件?",),
        _ENF,
        ("个", "本", "张", "件"),
    ),
    Entry(
        "enforcement.legal_review_staff_ratio",
        "法制审核人员占执法人员比例",
        "%",
        (r"法制审核人员[^，。；]{0,20}比例",),
    ),
    # 规范性文件、重大行政决策、法律顾问
    Entry(
        "normative_docs.issued",
        "制定印发规范性文件",
        "件",
        (r"(制定|印发|出台)[^，。；]{0,6}规范性文件",),
    ),
    Entry(
        "normative_docs.legality_reviews",
        "规范性文件合法性审核",
        "件",
        (
            r"规范性文件[^，。；]{0,6}合法性审[核查]",
            r"合法性审[核查][^，。；]{0,12}规范性文件",
            r"审核[^，。；]{0,12}规范性文件",
        ),
        units=("件", "次", "份"),
    ),
    Entry(
        "normative_docs.filed",
        "规范性文件备案",
        "件",
        (r"报备|备案",),
        _DOC,
        ("件", "次", "份"),
        after=True,
    ),
    Entry(
        "normative_docs.filing_reviews",
        "备案审查",
        "件",
        (r"备案审查", r"审查"),
        _DOC,
        ("件", "份"),
        after=True,
    ),
    Entry("normative_docs.corrected", "备案审查纠错", "件", (r"纠错|纠正",), _DOC, after=True),
    Entry(
        "normative_docs.repealed",
        "清理废止",
        "件",
        (r"废止[^，。；]{0,6}规范性文件", r"规范性文件[^，。；]{0,6}废止"),
        units=("件", "个", "份"),
    ),
    Entry(
        "major_decisions.catalog_items",
        "重大行政决策目录事项",
        "项",
        (r"重大行政决策[^，。；]{0,6}目录",),
        units=("项", "件", "个"),
    ),
    Entry(
        "major_decisions.legality_reviews",
        "重大行政决策合法性审查",
        "项",
        (r"重大行政决策[^，。；]{0,6}合法性审[查核]", r"审[核查][^，。；]{0,6}重大行政决策"),
        units=("项", "件", "次"),
    ),
    Entry(
        "legal_advisers.units_covered_rate",
        "党政机关法律顾问覆盖率",
        "%",
        (r"法律顾问[^，。；]{0,6}覆盖率",),
    ),
    Entry("legal_advisers.public_lawyers", "公职律师", "人", (r"公职律师$",), units=("人", "名")),
    # 人民调解
    Entry(
        "mediation.disputes_mediated",
        "调解矛盾纠纷",
        "件",
        (r"调解[^，。；]{0,4}(案件|纠纷)", r"受理[^，。；]{0,4}纠纷"),
        _MED,
    ),
    Entry(
        "mediation.disputes_resolved",
        "调解成功",
        "件",
        (r"成功(调解|化解)[^，。；]{0,4}(案件|纠纷)?|调解成功(案件)?$",),
        _MED,
    ),
    Entry("mediation.success_rate", "调解成功率", "%", (r"成功率",), _MED),
    Entry("mediation.screenings", "矛盾纠纷排查", "次", (r"排查",), _MED),
    Entry(
        "mediation.committees",
        "人民调解组织",
        "个",
        (r"调解组织|调解委员会|调委会",),
        _MED,
        ("个", "家"),
    ),
    Entry(
        "mediation.full_time_mediators",
        "专职人民调解员",
        "人",
        (r"专职(人民)?调解员",),
        units=("人", "名"),
    ),
    # 法律援助、公共法律服务、公证
    Entry(
        "legal_aid.cases_accepted",
        "受理法律援助案件",
        "件",
        (r"(受理|办理|承办)[^，。；]{0,6}援助案件",),
    ),
    Entry("legal_aid.cases_closed", "办结法律援助案件", "件", (r"办结|结案",), _AID),
    Entry("legal_aid.closure_rate", "结案率", "%", (r"结案率",), _AID),
    Entry("legal_aid.consultations", "法律咨询", "人次", (r"咨询",), _AID),
    Entry("legal_aid.amount_recovered", "挽回经济损失", "元", (r"挽回",), _AID),
    Entry(
        "legal_services.hotline_calls",
        "12348热线接听",
        "人次",
        (r"12348|热线",),
        units=("人次", "次", "个"),
    ),
    Entry(
        "legal_services.center_visitors",
        "公共法律服务中心接待",
        "人次",
        (r"公共法律服务中心[^，。；]{0,6}接待",),
        units=("人次", "次"),
    ),
    Entry("notary.cases", "办理公证", "件", (r"办理公证|公证(事项|业务|案件)",), units=("件",)),
    # 社区矫正
    Entry(
        "corrections.subjects",
        "社区矫正对象(在册)",
        "人",
        (r"在矫|在册[^，。；]{0,4}社区矫正对象|社区矫正对象$",),
        units=("人", "名"),
        exclude=r"累计|共计|接收|接受|解除|平均|新增|入矫",
    ),
    Entry(
        "corrections.investigations",
        "调查评估(判前调查)",
        "件",
        (r"调查评估|判前调查",),
        units=("件", "人次", "人", "份"),
    ),
    Entry("corrections.absconded", "脱管、漏管", "人", (r"脱管|漏管",), units=("人", "名")),
    # 普法、述法、督察
    Entry(
        "publicity.activities",
        "普法宣传活动",
        "场次",
        (r"(普法|法治|宣传)[^，。；]{0,6}活动",),
        units=("场次", "场", "次"),
    ),
    Entry(
        "publicity.legal_literate_people",
        "法律明白人",
        "人",
        (r"法律明白人",),
        units=("人", "名"),
        after=True,
    ),
    Entry("publicity.law_exam_participation_rate", "国家工作人员学法考法参考率", "%", (r"参考率",)),
    Entry("publicity.law_exam_pass_rate", "学法考法及格率", "%", (r"及格率|合格率",), "publicity"),
    Entry(
        "publicity.law_exam_excellent_rate",
        "学法考法优秀率",
        "%",
        (r"(学法|考法|考试)[^，。；]{0,6}优秀率",),
    ),
    Entry("accountability.law_reports", "述法", "人", (r"述法",), units=("人", "名", "人次")),
    Entry("accountability.inspections", "法治督察", "次", (r"法治督察|督察",), "accountability"),
)

BY_ID: dict[str, Entry] = {entry.id: entry for entry in ENTRIES}
