"""The 法律援助 entries of the indicator catalog (indicators.md legal_aid.*, and the proposed ids
of worklines.md §2.3(d) in the catalog's ADDED).

受理 (cases_accepted) is the day legal aid was granted (决定 or 先行援助) or a notification was
received: seed 000's 783 = 633 刑事 + 150 民事 is a breakdown of accepted cases, so the case
types count on the same date. 办结 counts the closure report's date (第五十条).

受援人 by group (worklines.md §2.3(d), seed 004's target groups) count the recipient of each
accepted case (one per case, the applicant's flags); the whole counts a recipient of several
groups once, each part once in each of its groups, so the parts may add up to more.
"""

from django.db.models import F, Q

from fazhi.indicators.registry import Indicator

from .models import GOOD_GRADES, CaseType, Origin, State

MODEL = "legal_aid.AidCase"
LAW = "法律援助法"


def _accepted(indicator_id, name, definition, condition=None, key=False, source=""):
    return Indicator(
        id=indicator_id,
        name=name,
        unit="件",
        definition=definition,
        source=source or f"{LAW} 第四十三条、第三十六条",
        model=MODEL,
        date_field="accepted_date",
        condition=condition,
        key=key,
    )


def _recipients(indicator_id, name, group, condition):
    definition = group if "（" in group else f"受理案件中受援人为{group}的"
    return Indicator(
        id=indicator_id,
        name=name,
        unit="人",
        definition=definition,
        source=f"{LAW} 第四十二条",
        model=MODEL,
        date_field="accepted_date",
        condition=condition,
    )


INDICATORS = (
    _accepted(
        "legal_aid.cases_accepted",
        "受理法律援助案件",
        "期间内决定给予（含先行援助）或收到通知指派的法律援助案件",
        key=True,
    ),
    Indicator(
        id="legal_aid.cases_closed",
        name="办结法律援助案件",
        unit="件",
        definition="期间内提交结案报告的案件（第五十条）",
        source=f"{LAW} 第五十条",
        model=MODEL,
        date_field="closed_date",
        condition=Q(state=State.CLOSED),
        key=True,
    ),
    Indicator(
        id="legal_aid.closure_rate",
        name="结案率",
        unit="%",
        definition="办结 ÷ 受理 × 100",
        numerator="legal_aid.cases_closed",
        denominator="legal_aid.cases_accepted",
        key=True,
    ),
    Indicator(
        id="legal_aid.consultations",
        name="法律咨询",
        unit="人次",
        definition="期间内登记的来访、12348电话、来信和网络咨询",
        source=f"{LAW} 第二十三条",
        model="legal_aid.Consultation",
        date_field="date",
    ),
    Indicator(
        id="legal_aid.amount_recovered",
        name="挽回经济损失",
        unit="元",
        definition="期间内结案的案件为受援人挽回的经济损失",
        source=f"{LAW} 第五十条",
        model=MODEL,
        date_field="closed_date",
        condition=Q(state=State.CLOSED),
        sum_field="amount_recovered",
    ),
    _accepted(
        "legal_aid.criminal_cases",
        "刑事法律援助案件",
        "受理案件中的刑事案件",
        Q(case_type=CaseType.CRIMINAL),
    ),
    _accepted(
        "legal_aid.civil_cases",
        "民事法律援助案件",
        "受理案件中的民事案件",
        Q(case_type=CaseType.CIVIL),
    ),
    Indicator(
        id="legal_aid.civil_share",
        name="民事案件占比",
        unit="%",
        definition="民事法律援助案件 ÷ 受理法律援助案件 × 100（占受援案件总数）",
        numerator="legal_aid.civil_cases",
        denominator="legal_aid.cases_accepted",
    ),
    _accepted(
        "legal_aid.administrative_cases",
        "行政法律援助案件",
        "受理案件中的行政案件",
        Q(case_type=CaseType.ADMINISTRATIVE),
    ),
    _accepted(
        "legal_aid.notified_cases",
        "通知辩护/代理",
        "人民法院、人民检察院、公安机关通知指派的案件",
        Q(origin=Origin.NOTIFIED),
        source=f"{LAW} 第二十五条、第二十八条、第三十六条",
    ),
    Indicator(
        id="legal_aid.decisions",
        name="审查决定",
        unit="件",
        definition="期间内作出给予或不予法律援助决定的申请（不含先行援助）",
        source=f"{LAW} 第四十三条第一款",
        model=MODEL,
        date_field="decided_date",
        condition=Q(provisional_ground="") & ~Q(origin=Origin.NOTIFIED),
    ),
    Indicator(
        id="legal_aid.decided_on_time",
        name="按期审查决定",
        unit="件",
        definition="审查决定中在第四十三条规定的期限内作出的",
        source=f"{LAW} 第四十三条第一款",
        model=MODEL,
        date_field="decided_date",
        condition=Q(provisional_ground="")
        & ~Q(origin=Origin.NOTIFIED)
        & Q(decided_date__lte=F("decision_due")),
    ),
    Indicator(
        id="legal_aid.review_on_time_rate",
        name="7日内审查决定率",
        unit="%",
        definition="按期审查决定 ÷ 审查决定 × 100",
        source=f"{LAW} 第四十三条第一款",
        numerator="legal_aid.decided_on_time",
        denominator="legal_aid.decisions",
        key=True,
    ),
    Indicator(
        id="legal_aid.assignments",
        name="指派",
        unit="件",
        definition="期间内指派法律援助人员的案件",
        source=f"{LAW} 第四十三条第一款、第三十六条",
        model=MODEL,
        date_field="assigned_date",
    ),
    Indicator(
        id="legal_aid.assigned_on_time",
        name="按期指派",
        unit="件",
        definition="指派中在决定或收到通知之日起三日内指派的",
        source=f"{LAW} 第四十三条第一款、第三十六条",
        model=MODEL,
        date_field="assigned_date",
        condition=Q(assigned_date__lte=F("assignment_due")),
    ),
    Indicator(
        id="legal_aid.assignment_on_time_rate",
        name="3日内指派率",
        unit="%",
        definition="按期指派 ÷ 指派 × 100",
        source=f"{LAW} 第四十三条第一款、第三十六条",
        numerator="legal_aid.assigned_on_time",
        denominator="legal_aid.assignments",
        key=True,
    ),
    Indicator(
        id="legal_aid.refusals",
        name="不予援助",
        unit="件",
        definition="期间内决定不予法律援助的申请",
        source=f"{LAW} 第四十三条第一款",
        model=MODEL,
        date_field="decided_date",
        condition=Q(state=State.REFUSED),
    ),
    Indicator(
        id="legal_aid.terminations",
        name="终止援助",
        unit="件",
        definition="期间内决定终止法律援助的案件",
        source=f"{LAW} 第四十八条",
        model=MODEL,
        date_field="terminated_date",
        condition=Q(state=State.TERMINATED),
    ),
    Indicator(
        id="legal_aid.objections",
        name="异议",
        unit="件",
        definition="期间内收到的对不予援助、终止援助决定的异议",
        source=f"{LAW} 第四十九条",
        model="legal_aid.Objection",
        date_field="received_date",
    ),
    Indicator(
        id="legal_aid.provisional_aid",
        name="先行援助",
        unit="件",
        definition="期间内决定先行提供法律援助的案件",
        source=f"{LAW} 第四十四条",
        model=MODEL,
        date_field="decided_date",
        condition=~Q(provisional_ground=""),
    ),
    Indicator(
        id="legal_aid.quality_reviewed",
        name="质量评估",
        unit="件",
        definition="期间内评定质量等级的案件（按最近一次评定）",
        source=f"{LAW} 第五十九条",
        model=MODEL,
        date_field="graded_date",
    ),
    Indicator(
        id="legal_aid.quality_good",
        name="质量优良",
        unit="件",
        definition="质量评估中评为优秀或良好的案件",
        source=f"{LAW} 第五十九条",
        model=MODEL,
        date_field="graded_date",
        condition=Q(quality_grade__in=GOOD_GRADES),
    ),
    Indicator(
        id="legal_aid.quality_good_rate",
        name="优良率",
        unit="%",
        definition="质量优良 ÷ 质量评估 × 100",
        source=f"{LAW} 第五十九条",
        numerator="legal_aid.quality_good",
        denominator="legal_aid.quality_reviewed",
        key=True,
    ),
    _accepted(
        "legal_aid.non_litigation_cases",
        "非诉讼法律援助案件",
        "受理案件中的非诉讼案件",
        Q(case_type=CaseType.NON_LITIGATION),
    ),
    Indicator(
        id="legal_aid.duty_lawyer_services",
        name="值班律师法律帮助",
        unit="人次",
        definition="期间内值班律师为没有辩护人的犯罪嫌疑人、被告人提供法律帮助的人次",
        source=f"{LAW} 第十四条、第三十条",
        model="legal_aid.DutyService",
        date_field="date",
        sum_field="persons",
    ),
    Indicator(
        id="legal_aid.outreach_events",
        name="法援宣传活动",
        unit="场次",
        definition="期间内开展的法律援助宣传活动",
        source=f"{LAW} 第十条",
        model="legal_aid.OutreachEvent",
        date_field="date",
    ),
    _recipients(
        "legal_aid.recipients_by_group",
        "特定群体受援人",
        "受理案件中受援人为未成年人、老年人、残疾人、妇女或农民工的（每人计一次）",
        Q(minor=True) | Q(elderly=True) | Q(disabled=True) | Q(woman=True) | Q(migrant_worker=True),
    ),
    _recipients("legal_aid.recipients_minors", "未成年受援人", "未成年人", Q(minor=True)),
    _recipients("legal_aid.recipients_elderly", "老年受援人", "老年人", Q(elderly=True)),
    _recipients("legal_aid.recipients_disabled", "残疾受援人", "残疾人", Q(disabled=True)),
    _recipients("legal_aid.recipients_women", "妇女受援人", "妇女", Q(woman=True)),
    _recipients(
        "legal_aid.recipients_migrant_workers", "农民工受援人", "农民工", Q(migrant_worker=True)
    ),
    Indicator(
        id="legal_aid.subsidies_paid",
        name="发放办案补贴",
        unit="元",
        definition="期间内发放的办案补贴（基础补贴与绩效补贴）",
        source=f"{LAW} 第五十二条",
        model="legal_aid.Subsidy",
        date_field="paid_date",
        sum_field="total",
    ),
)
