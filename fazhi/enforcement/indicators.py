"""The 行政执法监督 entries of the indicator catalog (indicators.md, enforcement.*), each
counted from the records, so every figure opens onto the records behind it.

Counting rules:
- 行政处罚案件 and 免罚、轻罚案件 are counted on the decision date; a 免罚轻罚 case is a
  penalty case decided under an item of a published 免罚轻罚清单 (行政处罚法 第三十三条).
- List items are counted with the list's publication date: a year counts the items of the
  lists published in it.
- 持证行政执法人员: a certificate is confirmed once a year, by its issue or by its 年审 (due a
  year after the issue or the last 年审), so the passed confirmations of a year count the
  officers holding a certificate in it.
- 法制审核人员占执法人员比例 uses the same confirmations, those of 法制审核人员 over all
  (国办发〔2018〕118号: 原则上不少于本单位执法人员总数的5%).
"""

from django.db.models import Q

from fazhi.indicators.registry import Indicator

from .models.actions import ActionKind, ActionStatus
from .models.enterprise_inspections import InspectionStatus
from .models.penalty_lists import ListCategory

ACTION = "enforcement.EnforcementAction"
LIST_ITEM = "enforcement.PenaltyListItem"
CHECK = "enforcement.CertificateCheck"
LIST_DATE = "penalty_list__published_date"
PUBLISHED = Q(penalty_list__published_date__isnull=False)
DECIDED_PENALTY = Q(kind=ActionKind.PENALTY, status=ActionStatus.DECIDED)
REVIEW_SOURCE = "行政处罚法 第五十八条；国办发〔2018〕118号"

INDICATORS = (
    Indicator(
        id="enforcement.penalty_cases",
        name="行政处罚案件",
        unit="件",
        definition="期间内作出决定的行政处罚案件（含不予处罚），按决定日期计入",
        source="行政处罚法 第五十七条",
        model=ACTION,
        date_field="decided_date",
        condition=DECIDED_PENALTY,
        key=True,
    ),
    Indicator(
        id="enforcement.no_or_light_penalty_cases",
        name="免罚、轻罚案件",
        unit="件",
        definition="适用免罚轻罚清单事项作出决定的行政处罚案件，按决定日期计入",
        source="行政处罚法 第三十二条、第三十三条",
        model=ACTION,
        date_field="decided_date",
        condition=DECIDED_PENALTY & Q(list_item__isnull=False),
        key=True,
    ),
    Indicator(
        id="enforcement.no_penalty_list_items",
        name="不予处罚(不罚)清单事项",
        unit="项",
        definition="期间内公布的免罚轻罚清单中的不予处罚事项",
        source="行政处罚法 第三十三条",
        model=LIST_ITEM,
        date_field=LIST_DATE,
        condition=PUBLISHED & Q(category=ListCategory.NO_PENALTY),
    ),
    Indicator(
        id="enforcement.lighter_penalty_list_items",
        name="从轻处罚(轻罚)清单事项",
        unit="项",
        definition="期间内公布的免罚轻罚清单中的从轻处罚事项",
        source="行政处罚法 第三十二条",
        model=LIST_ITEM,
        date_field=LIST_DATE,
        condition=PUBLISHED & Q(category=ListCategory.LIGHTER),
    ),
    Indicator(
        id="enforcement.mitigated_penalty_list_items",
        name="减轻处罚清单事项",
        unit="项",
        definition="期间内公布的免罚轻罚清单中的减轻处罚事项",
        source="行政处罚法 第三十二条",
        model=LIST_ITEM,
        date_field=LIST_DATE,
        condition=PUBLISHED & Q(category=ListCategory.MITIGATED),
    ),
    Indicator(
        id="enforcement.certified_officers",
        name="持证行政执法人员",
        unit="人",
        definition="期间内核发或年审通过的行政执法证件（每证每年确认一次）",
        source="行政处罚法 第四十二条",
        model=CHECK,
        date_field="date",
        condition=Q(passed=True),
        key=True,
    ),
    Indicator(
        id="enforcement.legal_review_staff",
        name="持证法制审核人员",
        unit="人",
        definition="持证行政执法人员中的法制审核人员",
        source=REVIEW_SOURCE,
        model=CHECK,
        date_field="date",
        condition=Q(passed=True, certificate__officer__is_legal_reviewer=True),
    ),
    Indicator(
        id="enforcement.legal_review_staff_ratio",
        name="法制审核人员占执法人员比例",
        unit="%",
        definition="持证法制审核人员 ÷ 持证行政执法人员 × 100（原则上不少于5%）",
        source=REVIEW_SOURCE,
        numerator="enforcement.legal_review_staff",
        denominator="enforcement.certified_officers",
        key=True,
    ),
    Indicator(
        id="enforcement.case_files_reviewed",
        name="评查案卷",
        unit="本",
        definition="案卷评查中已评分的案卷，按评查日期计入",
        model="enforcement.CaseFile",
        date_field="scored_date",
        key=True,
    ),
    Indicator(
        id="enforcement.enterprise_inspections_reported",
        name="入企执法检查报备",
        unit="次",
        definition="期间内计划检查的入企执法报备（不含已取消的）",
        model="enforcement.EnterpriseInspection",
        date_field="planned_date",
        condition=~Q(status=InspectionStatus.CANCELLED),
        key=True,
    ),
    Indicator(
        id="enforcement.supervision_inspections",
        name="执法监督检查",
        unit="次",
        definition="期间内开展的专项监督和执法监督检查，按检查日期计入",
        model="enforcement.SupervisionInspection",
        date_field="date",
        key=True,
    ),
    Indicator(
        id="enforcement.officers_trained",
        name="执法人员培训",
        unit="人次",
        definition="执法人员参加培训的人次，按培训日期计入",
        model="enforcement.TrainingRecord",
        date_field="date",
    ),
    Indicator(
        id="enforcement.certificates_issued",
        name="执法证件申领、换发",
        unit="个",
        definition="期间内核发（新申领或换发）的行政执法证件，按发证日期计入",
        source="行政处罚法 第四十二条",
        model="enforcement.Certificate",
        date_field="issue_date",
    ),
)
