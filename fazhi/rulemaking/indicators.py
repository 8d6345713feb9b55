"""The rulemaking entries of the indicator catalog (indicators.md normative_docs.*,
major_decisions.*, legal_advisers.*; the proposed ids of worklines.md §2.1(d) in ADDED).

Counting rules:
- 规范性文件 are counted on their 公布日期, 合法性审核 on the review's finish, 备案 on the 报备
  date, 备案审查 and 纠错 on the review's date (纠错 = any outcome but 无问题).
- 法律顾问 and 公职律师 are registers (在册 at the period's end, `until_field`): an adviser from
  聘期起 until the day after 聘期止; a unit counts once while any of its advisers is under
  contract (`Coverage`, the contracts merged per unit).
- The proposed ids of worklines.md §2.1(d) are registered with the parts of their rates
  (catalog ADDED): 报备率 = 公布后已报备 ÷ 公布 (both on the 公布日期, so that a document
  published in December and filed in January stays in one year), 报备及时率 = 按期报备 ÷
  报备, 规范率 = 直接予以登记（未暂缓登记）÷ 报备.
- worklines.md proposes `legal_review.other_matters` for 其他合法性审查; the catalog keeps its
  added ids inside the spec's areas (indicators/tests/test_catalog.py), so it is
  `normative_docs.other_legality_reviews` (the seeds report it beside the documents' reviews).
- 党政机关法律顾问覆盖率 = units on the list of 党政机关 that must have an adviser (`Coverage`
  DUTY spans, the coverage page's 应配备单位) that have one, ÷ the units on that list, both at
  the period's end: a unit off the list with an adviser counts in .units_covered, not in the
  rate, which so never exceeds 100 (docs/rules.md).
- 反馈征求意见和建议 (normative_docs.consultation_replies) are `ConsultationReply` rows, on
  the 反馈日期; 公众参与 events (major_decisions.public_participation_events) are
  `ParticipationEvent` rows on their date (the public comment period is one event, on its
  first day); 集体讨论会议 (major_decisions.collective_meetings) are `CollectiveMeeting` rows
  on the meeting's date — one meeting deciding two matters counts once.
- 目录事项 are the items of the current (not superseded) published catalog, counted on its
  公布日期: an adjusted catalog replaces the earlier version (淄博: 调整后为19件).
"""

from django.db.models import Q

from fazhi.indicators.registry import Indicator

from .models import (
    CORRECTIONS,
    AdviserKind,
    CleanupKind,
    CoverageKind,
    ServiceKind,
    Validity,
)

DOC = "rulemaking.NormativeDocument"
FILING = "rulemaking.Filing"
DECISION = "rulemaking.Decision"
ADVISER = "rulemaking.LegalAdviser"
SERVICE = "rulemaking.AdviserService"
COVERAGE = "rulemaking.Coverage"
FILING_SOURCE = "法规规章备案审查条例 第三条、第四条（参照）"
DECISIONS_LAW = "重大行政决策程序暂行条例"
OPINIONS = "中办国办《关于推行法律顾问制度和公职律师公司律师制度的意见》（2016）"
PUBLIC_LAWYER = Q(kind=AdviserKind.PUBLIC_LAWYER)

INDICATORS = (
    Indicator(
        id="normative_docs.issued",
        name="制定印发规范性文件",
        unit="件",
        definition="期间内公布的规范性文件，按公布日期计入",
        source="规章制定程序条例 第三十二条、第三十六条",
        model=DOC,
        date_field="published_date",
        key=True,
    ),
    Indicator(
        id="normative_docs.legality_reviews",
        name="规范性文件合法性审核",
        unit="件",
        definition="期间内完成合法性审核的规范性文件草案，按审核完成日期计入",
        source="国办发〔2018〕115号",
        model=DOC,
        date_field="review_finished_date",
        key=True,
    ),
    Indicator(
        id="normative_docs.filed",
        name="规范性文件备案",
        unit="件",
        definition="期间内报送备案的规范性文件，按报备日期计入",
        source=FILING_SOURCE,
        model=FILING,
        date_field="filed_date",
        key=True,
    ),
    Indicator(
        id="normative_docs.filing_reviews",
        name="备案审查",
        unit="件",
        definition="期间内完成备案审查的，按审查完成日期计入",
        source="法规规章备案审查条例 第十三条（参照）",
        model=FILING,
        date_field="reviewed_date",
    ),
    Indicator(
        id="normative_docs.corrected",
        name="备案审查纠错",
        unit="件",
        definition="备案审查结果为建议修改、自行纠正意见或提请撤销的",
        source="法规规章备案审查条例 第十八条（参照）",
        model=FILING,
        date_field="reviewed_date",
        condition=Q(outcome__in=CORRECTIONS),
        key=True,
    ),
    Indicator(
        id="normative_docs.repealed",
        name="清理废止",
        unit="件",
        definition="期间内登记废止的规范性文件，按废止日期计入",
        source="规章制定程序条例 第三十七条",
        model="rulemaking.StatusChange",
        date_field="date",
        condition=Q(status_to=Validity.REPEALED),
    ),
    Indicator(
        id="major_decisions.catalog_items",
        name="重大行政决策目录事项",
        unit="项",
        definition="现行（未被调整取代的）已公布目录的事项，按目录公布日期计入",
        source="重大行政决策程序暂行条例 第三条第三款",
        model="rulemaking.CatalogItem",
        date_field="catalog__published_date",
        condition=Q(catalog__superseded=False),
        key=True,
    ),
    Indicator(
        id="major_decisions.legality_reviews",
        name="重大行政决策合法性审查",
        unit="项",
        definition="期间内完成合法性审查的决策草案",
        source="重大行政决策程序暂行条例 第二十五条至第二十八条",
        model="rulemaking.Decision",
        date_field="legality_finished_date",
        key=True,
    ),
    # — the proposed ids of worklines.md §2.1(d), with the parts of their rates —
    Indicator(
        id="normative_docs.issued_filed",
        name="公布后已报备的规范性文件",
        unit="件",
        definition="期间内公布、已报送备案的规范性文件，按公布日期计入",
        source=FILING_SOURCE,
        model=DOC,
        date_field="published_date",
        condition=Q(filing__isnull=False),
    ),
    Indicator(
        id="normative_docs.filing_rate",
        name="报备率",
        unit="%",
        definition="公布后已报备的规范性文件 ÷ 制定印发规范性文件 × 100",
        source="法治政府建设示范指标 第27项",
        numerator="normative_docs.issued_filed",
        denominator="normative_docs.issued",
    ),
    Indicator(
        id="normative_docs.filed_on_time",
        name="按期报备",
        unit="件",
        definition="期间内报备、未超过本地报备期限的（未标记延迟报备），按报备日期计入",
        source=f"{FILING_SOURCE}；报备期限为本地设置（docs/rules.md）",
        model=FILING,
        date_field="filed_date",
        condition=Q(late=False),
    ),
    Indicator(
        id="normative_docs.filing_on_time_rate",
        name="报备及时率",
        unit="%",
        definition="按期报备 ÷ 规范性文件备案 × 100",
        source="法治政府建设示范指标 第27项",
        numerator="normative_docs.filed_on_time",
        denominator="normative_docs.filed",
    ),
    Indicator(
        id="normative_docs.registered_directly",
        name="直接予以登记的备案",
        unit="件",
        definition="期间内报备、材料齐全直接予以登记（未暂缓登记）的，按报备日期计入",
        source="法规规章备案审查条例 第九条（参照）",
        model=FILING,
        date_field="filed_date",
        condition=Q(registered_date__isnull=False, deferred=False),
    ),
    Indicator(
        id="normative_docs.conformity_rate",
        name="规范率",
        unit="%",
        definition="直接予以登记的备案 ÷ 规范性文件备案 × 100（口径为本平台设定）",
        source="法治政府建设示范指标 第27项",
        numerator="normative_docs.registered_directly",
        denominator="normative_docs.filed",
    ),
    Indicator(
        id="normative_docs.post_evaluations",
        name="后评估",
        unit="件",
        definition="期间内形成评估报告的规范性文件后评估，按评估报告日期计入",
        source="规章制定程序条例 第三十八条",
        model="rulemaking.PostEvaluation",
        date_field="date",
    ),
    Indicator(
        id="normative_docs.cleanup_campaigns",
        name="专项清理",
        unit="次",
        definition="期间内开始的专项清理，按开始日期计入",
        source="规章制定程序条例 第三十七条",
        model="rulemaking.CleanupBatch",
        date_field="started_date",
        condition=Q(kind=CleanupKind.SPECIAL),
    ),
    Indicator(
        id="normative_docs.renewed_on_expiry",
        name="到期后继续执行",
        unit="件",
        definition="期间内登记为到期继续执行的规范性文件，按登记日期计入",
        source="规章制定程序条例 第三十七条",
        model="rulemaking.StatusChange",
        date_field="date",
        condition=Q(status_to=Validity.RENEWED),
    ),
    Indicator(
        id="normative_docs.other_legality_reviews",
        name="其他合法性审查",
        unit="件",
        definition="期间内出具审查意见的行政合同、政策文件和重大事项合法性审查，按完成日期计入",
        source=OPINIONS,
        model="rulemaking.OtherReview",
        date_field="finished_date",
    ),
    Indicator(
        id="major_decisions.decisions_made",
        name="作出重大行政决策",
        unit="项",
        definition="期间内经集体讨论作出决定的重大行政决策，按会议日期计入",
        source=f"{DECISIONS_LAW} 第三十条",
        model=DECISION,
        date_field="meeting_date",
    ),
    Indicator(
        id="major_decisions.public_participation_events",
        name="公众参与",
        unit="次",
        definition="期间内登记的座谈会、听证会、实地走访、书面或公开征求意见、问卷和民意调查、"
        "沟通协商，每次计一次，按日期计入（公开征求意见按起始日）",
        source=f"{DECISIONS_LAW} 第十四条至第十七条",
        model="rulemaking.ParticipationEvent",
        date_field="date",
    ),
    Indicator(
        id="major_decisions.collective_meetings",
        name="集体讨论会议",
        unit="次",
        definition="期间内召开并登记的决策机关常务会议、全体会议，按会议日期计入；"
        "一次会议讨论多项决策的计一次",
        source=f"{DECISIONS_LAW} 第三十条",
        model="rulemaking.CollectiveMeeting",
        date_field="date",
    ),
    Indicator(
        id="normative_docs.consultation_replies",
        name="反馈征求意见和建议",
        unit="件",
        definition="期间内对其他机关规范性文件草案征求意见作出的书面反馈，按反馈日期计入",
        source="规章制定程序条例 第十五条、第三十六条",
        model="rulemaking.ConsultationReply",
        date_field="reply_date",
    ),
    Indicator(
        id="major_decisions.expert_reviews",
        name="专家论证",
        unit="项",
        definition="期间内组织专家论证的决策事项，按论证日期计入",
        source=f"{DECISIONS_LAW} 第十九条至第二十一条",
        model=DECISION,
        date_field="expert_review_date",
    ),
    Indicator(
        id="major_decisions.risk_assessments",
        name="风险评估",
        unit="项",
        definition="期间内完成风险评估的决策事项，按评估日期计入",
        source=f"{DECISIONS_LAW} 第二十二条至第二十四条",
        model=DECISION,
        date_field="risk_assessed_date",
    ),
    Indicator(
        id="major_decisions.post_evaluations",
        name="决策后评估",
        unit="项",
        definition="期间内登记的重大行政决策后评估，按评估日期计入",
        source=f"{DECISIONS_LAW} 第三十六条",
        model="rulemaking.ExecutionReport",
        date_field="date",
        condition=Q(is_evaluation=True),
    ),
    Indicator(
        id="legal_advisers.advisers",
        name="法律顾问",
        unit="人",
        definition="期末在聘的内部、外聘法律顾问（公职律师另计）：聘期已开始、聘期止不早于期末",
        source=OPINIONS,
        model=ADVISER,
        date_field="contract_from",
        until_field="roster_until",
        condition=~PUBLIC_LAWYER,
    ),
    Indicator(
        id="legal_advisers.public_lawyers",
        name="公职律师",
        unit="人",
        definition="期末在册的公职律师：聘期已开始、聘期止不早于期末",
        source=OPINIONS,
        model=ADVISER,
        date_field="contract_from",
        until_field="roster_until",
        condition=PUBLIC_LAWYER,
    ),
    Indicator(
        id="legal_advisers.units_covered",
        name="配备法律顾问的党政机关",
        unit="个",
        definition="期末有在聘法律顾问或公职律师的机关，每个机关计一次",
        source=OPINIONS,
        model=COVERAGE,
        date_field="start",
        until_field="until",
        condition=Q(kind=CoverageKind.ADVISER),
    ),
    Indicator(
        id="legal_advisers.public_lawyer_units",
        name="设立公职律师的单位",
        unit="家",
        definition="期末有在册公职律师的单位，每个单位计一次",
        source=OPINIONS,
        model=COVERAGE,
        date_field="start",
        until_field="until",
        condition=Q(kind=CoverageKind.PUBLIC_LAWYER),
    ),
    Indicator(
        id="legal_advisers.engagements",
        name="法律顾问参与法制工作",
        unit="件次",
        definition="期间内服务记录的议题或件数之和（列席会议、审查文件合同、出具意见、参与案件和调解）",
        source=OPINIONS,
        model=SERVICE,
        date_field="date",
        sum_field="items",
    ),
    Indicator(
        id="legal_advisers.meetings_attended",
        name="列席常务会议",
        unit="次",
        definition="期间内法律顾问列席会议的次数（每条列席会议记录计一次）",
        source=OPINIONS,
        model=SERVICE,
        date_field="date",
        condition=Q(kind=ServiceKind.MEETING),
    ),
    Indicator(
        id="legal_advisers.agenda_items_reviewed",
        name="议程/议题法律把关",
        unit="项",
        definition="期间内列席会议时进行法律把关的议题数之和",
        source=OPINIONS,
        model=SERVICE,
        date_field="date",
        condition=Q(kind=ServiceKind.MEETING),
        sum_field="items",
    ),
    Indicator(
        id="legal_advisers.units_required",
        name="应配备法律顾问的党政机关",
        unit="个",
        definition="期末登记为应配备法律顾问的党政机关",
        source=OPINIONS,
        model=COVERAGE,
        date_field="start",
        until_field="until",
        condition=Q(kind=CoverageKind.DUTY),
    ),
    Indicator(
        id="legal_advisers.units_required_covered",
        name="应配备且已配备法律顾问的党政机关",
        unit="个",
        definition="期末登记为应配备法律顾问、且有在聘法律顾问或公职律师的机关，每个机关计一次",
        source=OPINIONS,
        model=COVERAGE,
        date_field="start",
        until_field="until",
        condition=Q(kind=CoverageKind.DUTY_COVERED),
    ),
    Indicator(
        id="legal_advisers.units_covered_rate",
        name="党政机关法律顾问覆盖率",
        unit="%",
        definition="应配备且已配备法律顾问的党政机关 ÷ 应配备法律顾问的党政机关 × 100（期末）；"
        "不在应配备名单上的单位配备的法律顾问计入“配备法律顾问的党政机关”，不计入本率",
        source=OPINIONS,
        numerator="legal_advisers.units_required_covered",
        denominator="legal_advisers.units_required",
    ),
)
