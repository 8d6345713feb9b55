"""The 行政应诉 entries of the indicator catalog (indicators.md, litigation.*).

Counting rules (statutes.md open question 7):
- 败诉率 = judgments against the agency (行政诉讼法 第七十至七十八条) ÷ suits concluded by a
  judgment or ruling; withdrawals (撤诉) are in neither.
- 负责人出庭应诉率 counts the duty where the rules put it: once per case × 审级 (规定 第一、
  七条). A Lawsuit is one 审级 (its 案号 says which), so the rate is the suits heard in the
  period — counted on their first hearing's date — in which a qualifying 负责人 appeared
  (规定 第二、六条) ÷ all suits heard in the period. Counting both on the same date keeps the
  numerator a subset of the denominator in every period.
"""

from django.db.models import Q

from fazhi.indicators.registry import Indicator

from .models import Status, TrialLevel

MODEL = "litigation.Lawsuit"
HEAD_SOURCE = "行政诉讼法 第三条第三款；最高人民法院关于行政机关负责人出庭应诉若干问题的规定 第一、二、六、七条"

INDICATORS = (
    Indicator(
        id="litigation.cases",
        name="行政应诉案件",
        unit="件",
        definition="辖区内行政机关作为被告的一审行政诉讼案件，按立案日期计入期间",
        source="行政诉讼法 第二十六条",
        model=MODEL,
        date_field="filed_date",
        condition=Q(trial_level=TrialLevel.FIRST),
        key=True,
    ),
    Indicator(
        id="litigation.concluded",
        name="审结",
        unit="件",
        definition="期间内以判决或裁定审结的案件（不含撤诉），按裁判日期计入",
        source="行政诉讼法 第六十九至七十八条",
        model=MODEL,
        date_field="concluded_date",
        condition=Q(status=Status.CONCLUDED),
        key=True,
    ),
    Indicator(
        id="litigation.lost",
        name="败诉",
        unit="件",
        definition="审结案件中判决撤销、履行、给付、确认违法或无效、补救赔偿、变更或承担协议责任的",
        source="行政诉讼法 第七十至七十八条",
        model=MODEL,
        date_field="concluded_date",
        condition=Q(status=Status.CONCLUDED, lost=True),
        key=True,
    ),
    Indicator(
        id="litigation.loss_rate",
        name="败诉率",
        unit="%",
        definition="败诉 ÷ 审结 × 100（撤诉不计入）",
        numerator="litigation.lost",
        denominator="litigation.concluded",
        key=True,
    ),
    Indicator(
        id="litigation.heard_cases",
        name="开庭审理案件（按审级计）",
        unit="件",
        definition="期间内首次开庭的案件，每个审级计一件",
        source=HEAD_SOURCE,
        model=MODEL,
        date_field="first_hearing_date",
    ),
    Indicator(
        id="litigation.head_appearances",
        name="行政机关负责人出庭应诉",
        unit="件",
        definition="开庭审理案件（按审级计）中符合条件的负责人出庭并提交身份证明的",
        source=HEAD_SOURCE,
        model=MODEL,
        date_field="first_hearing_date",
        condition=Q(head_appeared=True),
    ),
    Indicator(
        id="litigation.head_appearance_rate",
        name="行政机关负责人出庭应诉率",
        unit="%",
        definition="负责人出庭应诉 ÷ 开庭审理案件（按审级计）× 100",
        source=HEAD_SOURCE,
        numerator="litigation.head_appearances",
        denominator="litigation.heard_cases",
        key=True,
    ),
)
