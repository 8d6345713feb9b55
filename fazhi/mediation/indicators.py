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
- The engine counts records dated in a period, not a roster on a day: 人民调解组织 counts
  the committees whose 备案 (due after every 设立, 换届 and change) falls in the period, and
  专职人民调解员 the full-time mediators whose 业务培训 (人民调解法 第十四条第二款: 定期培训)
  falls in it — each a yearly confirmation of the roster, as enforcement counts its
  certificates by their yearly 年审.
"""

from django.db.models import Q

from fazhi.indicators.registry import Indicator

from .models import SUCCESS_STATES, ConfirmationResult, Source, Status

DISPUTE = "mediation.Dispute"
LAW = "人民调解法"
RESOLVED = Q(status__in=SUCCESS_STATES)
COURT = Q(source=Source.COURT_PRE_FILING)
CONCLUDED = ~Q(status=Status.MEDIATING)

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
    Indicator(
        id="mediation.committees",
        name="人民调解组织",
        unit="个",
        definition="期间内完成备案（设立、换届或变更后）的人民调解组织",
        source="人民调解法 第十条；宁波市人民调解条例 第十三条",
        model="mediation.Committee",
        date_field="filed_date",
        condition=Q(active=True),
    ),
    Indicator(
        id="mediation.full_time_mediators",
        name="专职人民调解员",
        unit="人",
        definition="期间内参加业务培训的在任专职人民调解员",
        source="人民调解法 第十四条",
        model="mediation.Mediator",
        date_field="trained_date",
        condition=Q(employment="full_time", status="active"),
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
)
