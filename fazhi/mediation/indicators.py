"""The 人民调解 entries of the indicator catalog (mediation.*; the proposed ids of
worklines.md §2.2(d) are in the catalog's ADDED).

Counting rules:
- 调解矛盾纠纷 counts the disputes received (受理) in the period; 调解成功 those of them that
  reached an agreement, so that the success rate's numerator is part of its denominator in
  every period. A dispute refused under 第十七条 is never received (nothing is counted).
- 诉前调解成功率 (mediation.court_linked_success_rate) is another figure: only the disputes a
  court referred before filing (委派), counted the same way. 福州's 99.7% (调解成功率) and
  淄博's 66.46% (诉前) are different ids and are never compared.
- 一个月内调结率: disputes received in the period whose mediation ended (agreement or
  termination) within their (extended) period ÷ those whose mediation ended.
- The rosters are point-in-time registers (`until_field`): 人民调解组织 and its breakdown by
  type count the committees 设立 by the period's end and not 撤销 by then; 人民调解员,
  专职人民调解员 and 专家库 the mediators 入册 by the period's end and not 罢免/解聘 by then.
  A year's figure is the year-end roster (31 December), not the committees filed or the
  mediators trained in the year. The type of a committee is its current type.
"""

from django.db.models import Q

from fazhi.indicators.registry import Indicator

from .models import (
    SUCCESS_STATES,
    CommitteeKind,
    ConfirmationResult,
    Employment,
    Source,
    Status,
)

DISPUTE = "mediation.Dispute"
LAW = "人民调解法"
RESOLVED = Q(status__in=SUCCESS_STATES)
COURT = Q(source=Source.COURT_PRE_FILING)
CONCLUDED = ~Q(status=Status.MEDIATING)


# The two rosters (point-in-time registers): unit, the model and its 在册 span, the articles.
ROSTERS = {
    # 人民调解法 第八条、第三十四条: committees and 派驻工作室
    "committee": (
        "个",
        "mediation.Committee",
        "established_date",
        "dissolved_date",
        "已设立、尚未撤销",
        "人民调解法 第八条、第三十四条",
    ),
    # 人民调解法 第十三条、第十四条: the mediators of the 名册
    "mediator": (
        "人",
        "mediation.Mediator",
        "appointed_date",
        "left_date",
        "已入册、尚未罢免或解聘",
        "人民调解法 第十三条、第十四条",
    ),
}
COMMITTEE_KIND_IDS = {
    CommitteeKind.VILLAGE: ("mediation.village_committees", "村（居）人民调解委员会"),
    CommitteeKind.TOWNSHIP: ("mediation.township_committees", "乡镇（街道）人民调解委员会"),
    CommitteeKind.ENTERPRISE: ("mediation.enterprise_committees", "企事业单位人民调解委员会"),
    CommitteeKind.SPECIALIZED: ("mediation.specialized_committees", "行业性专业性调解组织"),
    CommitteeKind.STUDIO: ("mediation.studios", "派驻调解工作室"),
}


def _roster(roster, id, name, what, condition=None):
    unit, model, start, end, on_it, source = ROSTERS[roster]
    return Indicator(
        id=id,
        name=name,
        unit=unit,
        definition=f"期末在册的{what}：{on_it}",
        source=source,
        model=model,
        date_field=start,
        until_field=end,
        condition=condition,
    )


INDICATORS = (
    Indicator(
        id="mediation.disputes_mediated",
        name="调解矛盾纠纷",
        unit="件",
        definition="人民调解组织受理调解的矛盾纠纷，按受理日期计入期间",
        source=f"{LAW} 第十七条",
        model=DISPUTE,
        date_field="received_date",
        key=True,
    ),
    Indicator(
        id="mediation.disputes_resolved",
        name="调解成功",
        unit="件",
        definition="期间内受理的纠纷中达成调解协议（书面或口头）的",
        source=f"{LAW} 第二十八条至第三十条",
        model=DISPUTE,
        date_field="received_date",
        condition=RESOLVED,
    ),
    Indicator(
        id="mediation.success_rate",
        name="调解成功率",
        unit="%",
        definition="调解成功 ÷ 调解矛盾纠纷 × 100（与诉前调解成功率口径不同，不可比较）",
        numerator="mediation.disputes_resolved",
        denominator="mediation.disputes_mediated",
        key=True,
    ),
    Indicator(
        id="mediation.concluded",
        name="调解结束的纠纷",
        unit="件",
        definition="期间内受理、已达成协议或已终止调解的纠纷",
        model=DISPUTE,
        date_field="received_date",
        condition=CONCLUDED,
    ),
    Indicator(
        id="mediation.concluded_on_time",
        name="按期调结",
        unit="件",
        definition="其中在调解期限（含经双方同意延长的期限）内达成协议或终止调解的",
        source="宁波市人民调解条例 第二十七条",
        model=DISPUTE,
        date_field="received_date",
        condition=CONCLUDED & Q(on_time=True),
    ),
    Indicator(
        id="mediation.on_time_rate",
        name="一个月内调结率",
        unit="%",
        definition="按期调结 ÷ 调解结束的纠纷 × 100",
        numerator="mediation.concluded_on_time",
        denominator="mediation.concluded",
    ),
    Indicator(
        id="mediation.court_linked_cases",
        name="诉前委派调解",
        unit="件",
        definition="人民法院立案前委派调解的纠纷，按受理日期计入",
        source="最高人民法院关于人民法院特邀调解的规定 第二十七条",
        model=DISPUTE,
        date_field="received_date",
        condition=COURT,
    ),
    Indicator(
        id="mediation.court_linked_resolved",
        name="诉前调解成功",
        unit="件",
        definition="诉前委派调解的纠纷中达成调解协议的",
        source="最高人民法院关于人民法院特邀调解的规定 第二十七条",
        model=DISPUTE,
        date_field="received_date",
        condition=COURT & RESOLVED,
    ),
    Indicator(
        id="mediation.court_linked_success_rate",
        name="诉前调解成功率",
        unit="%",
        definition="诉前调解成功 ÷ 诉前委派调解 × 100（与调解成功率口径不同）",
        numerator="mediation.court_linked_resolved",
        denominator="mediation.court_linked_cases",
        key=True,
    ),
    Indicator(
        id="mediation.police_linked_cases",
        name="公调(警调)对接受理",
        unit="件",
        definition="公安机关移交人民调解的纠纷，按受理日期计入",
        source=f"{LAW} 第十八条",
        model=DISPUTE,
        date_field="received_date",
        condition=Q(source=Source.POLICE),
    ),
    Indicator(
        id="mediation.petition_linked_cases",
        name="访调对接受理",
        unit="件",
        definition="信访部门或12345热线转办人民调解的纠纷，按受理日期计入",
        source="信访工作条例 第三十三条",
        model=DISPUTE,
        date_field="received_date",
        condition=Q(source__in=(Source.PETITION, Source.HOTLINE)),
    ),
    Indicator(
        id="mediation.judicial_confirmations",
        name="申请司法确认",
        unit="件",
        definition="期间内共同申请司法确认的调解协议",
        source=f"{LAW} 第三十三条",
        model="mediation.Confirmation",
        date_field="applied_date",
    ),
    Indicator(
        id="mediation.judicial_confirmations_confirmed",
        name="司法确认有效",
        unit="件",
        definition="期间内人民法院决定确认有效的",
        source="最高人民法院关于人民调解协议司法确认程序的若干规定 第八条",
        model="mediation.Confirmation",
        date_field="decided_date",
        condition=Q(result=ConfirmationResult.CONFIRMED),
    ),
    Indicator(
        id="mediation.written_agreements",
        name="书面调解协议",
        unit="件",
        definition="期间内生效的调解协议书",
        source=f"{LAW} 第二十九条",
        model="mediation.Agreement",
        date_field="effective_date",
        condition=Q(form="written"),
    ),
    Indicator(
        id="mediation.oral_agreements",
        name="口头调解协议",
        unit="件",
        definition="期间内达成的口头协议",
        source=f"{LAW} 第三十条",
        model="mediation.Agreement",
        date_field="effective_date",
        condition=Q(form="oral"),
    ),
    Indicator(
        id="mediation.agreement_amount",
        name="调解协议涉及金额",
        unit="元",
        definition="期间内生效的调解协议载明的金额之和",
        model="mediation.Agreement",
        date_field="effective_date",
        sum_field="amount",
    ),
    _roster(
        "committee", "mediation.committees", "人民调解组织", "人民调解组织（含派驻调解工作室）"
    ),
    _roster(
        "mediator",
        "mediation.full_time_mediators",
        "专职人民调解员",
        "专职人民调解员",
        Q(employment=Employment.FULL_TIME),
    ),
    Indicator(
        id="mediation.screenings",
        name="矛盾纠纷排查",
        unit="次",
        definition="期间内调解组织开展的矛盾纠纷排查",
        model="mediation.Screening",
        date_field="date",
        key=True,
    ),
    Indicator(
        id="mediation.disputes_found",
        name="排查发现矛盾纠纷",
        unit="件",
        definition="期间内排查发现的矛盾纠纷",
        model="mediation.Finding",
        date_field="screening__date",
    ),
    Indicator(
        id="mediation.disputes_prevented",
        name="预防纠纷",
        unit="件",
        definition="排查发现后在形成纠纷案件前化解的",
        model="mediation.Finding",
        date_field="screening__date",
        condition=Q(outcome="prevented"),
    ),
    Indicator(
        id="mediation.criminal_escalations_prevented",
        name="防止民转刑",
        unit="起",
        definition="排查发现中防止民事纠纷转化为刑事案件的",
        source=f"{LAW} 第二十五条",
        model="mediation.Finding",
        date_field="screening__date",
        condition=Q(prevented="criminal"),
    ),
    Indicator(
        id="mediation.nil_reports",
        name="零上报",
        unit="次",
        definition="调解组织报告当月未发现矛盾纠纷（零上报）的次数，按月份计入",
        model="mediation.NilReport",
        date_field="month",
    ),
    _roster("mediator", "mediation.mediators", "人民调解员", "人民调解员"),
    _roster(
        "mediator",
        "mediation.expert_pool",
        "人民调解专家库",
        "入选专家库的人民调解员",
        Q(expert=True),
    ),
    *(
        _roster("committee", id, name, CommitteeKind(kind).label, Q(kind=kind))
        for kind, (id, name) in COMMITTEE_KIND_IDS.items()
    ),
)
