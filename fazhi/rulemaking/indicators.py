"""The rulemaking entries of the indicator catalog (indicators.md normative_docs.*,
major_decisions.*, legal_advisers.*; the proposed ids of worklines.md §2.1(d) in ADDED).

Counting rules:
- 规范性文件 are counted on their 公布日期, 合法性审核 on the review's finish, 备案 on the 报备
  date, 备案审查 and 纠错 on the review's date (纠错 = any outcome but 无问题).
- The proposed ids of worklines.md §2.1(d) (报备率, 报备及时率, 其他合法性审查 …) are not registered:
  an added id needs its wording in the report reader (report_reader/wordings.py) first.
- 目录事项 are the items of the current (not superseded) published catalog, counted on its
  公布日期: an adjusted catalog replaces the earlier version (淄博: 调整后为19件).
"""

from django.db.models import Q

from fazhi.indicators.registry import Indicator

from .models import CORRECTIONS, Validity

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
)
