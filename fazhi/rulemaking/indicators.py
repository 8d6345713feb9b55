"""The rulemaking entries of the indicator catalog (indicators.md normative_docs.*,
major_decisions.*, legal_advisers.*; the proposed ids of worklines.md §2.1(d) in ADDED).

Counting rules:
- 规范性文件 are counted on their 公布日期, 合法性审核 on the review's finish, 备案 on the 报备
  date, 备案审查 and 纠错 on the review's date (纠错 = any outcome but 无问题).
- 报备率 = filed ÷ issued in the period; 报备及时率 = filed within the area's period ÷ filed.
- 目录事项 are the items of the current (not superseded) published catalog, counted on its
  公布日期: an adjusted catalog replaces the earlier version (淄博: 调整后为19件).
"""

from django.db.models import Q

from fazhi.indicators.registry import Indicator

from .models import CORRECTIONS, ServiceKind, Validity

DOC = "rulemaking.NormativeDocument"
FILING = "rulemaking.Filing"
FILING_SOURCE = "法规规章备案审查条例 第三条、第四条（参照）"

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
        id="normative_docs.filed_on_time",
        name="按期报备",
        unit="件",
        definition="报备日期不晚于本地区报备期限的",
        source=FILING_SOURCE,
        model=FILING,
        date_field="filed_date",
        condition=Q(late=False),
    ),
    Indicator(
        id="normative_docs.filing_rate",
        name="报备率",
        unit="%",
        definition="期间内报备 ÷ 期间内公布 × 100",
        numerator="normative_docs.filed",
        denominator="normative_docs.issued",
    ),
    Indicator(
        id="normative_docs.filing_on_time_rate",
        name="报备及时率",
        unit="%",
        definition="按期报备 ÷ 报备 × 100（期限为设置项，默认30日）",
        numerator="normative_docs.filed_on_time",
        denominator="normative_docs.filed",
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
        id="normative_docs.renewed_on_expiry",
        name="到期后继续执行",
        unit="件",
        definition="有效期届满后决定继续执行的，按决定日期计入",
        source="规章制定程序条例 第三十七条",
        model="rulemaking.StatusChange",
        date_field="date",
        condition=Q(status_to=Validity.RENEWED),
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
    Indicator(
        id="major_decisions.decisions_made",
        name="作出重大行政决策",
        unit="项",
        definition="期间内经集体讨论作出决定的",
        source="重大行政决策程序暂行条例 第三十条",
        model="rulemaking.Decision",
        date_field="meeting_date",
    ),
    Indicator(
        id="legal_advisers.engagements",
        name="法律顾问参与法制工作",
        unit="件次",
        definition="法律顾问、公职律师服务记录的议题或件数之和",
        source="中办国办《关于推行法律顾问制度和公职律师公司律师制度的意见》",
        model="rulemaking.AdviserService",
        date_field="date",
        sum_field="items",
    ),
    Indicator(
        id="legal_advisers.meetings_attended",
        name="列席常务会议",
        unit="次",
        definition="法律顾问列席会议的次数",
        source="中办国办《关于推行法律顾问制度和公职律师公司律师制度的意见》",
        model="rulemaking.AdviserService",
        date_field="date",
        condition=Q(kind=ServiceKind.MEETING),
    ),
    Indicator(
        id="legal_review.other_matters",
        name="其他合法性审查（政策文件、合同、重大事项）",
        unit="件",
        definition="期间内办结的政策文件、行政合同、重大事项合法性审查",
        model="rulemaking.OtherReview",
        date_field="finished_date",
    ),
    Indicator(
        id="normative_docs.cleanup_campaigns",
        name="专项清理",
        unit="次",
        definition="期间内公布清理结果的规范性文件清理（全面清理和专项清理），按公布日期计入",
        source="规章制定程序条例 第三十七条",
        model="rulemaking.CleanupBatch",
        date_field="published_date",
    ),
    Indicator(
        id="normative_docs.post_evaluations",
        name="后评估",
        unit="件",
        definition="期间内形成评估报告的规范性文件后评估",
        source="规章制定程序条例 第三十八条",
        model="rulemaking.PostEvaluation",
        date_field="date",
    ),
)
