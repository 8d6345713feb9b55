"""The 行政复议 entries of the indicator catalog (../shared/spec/indicators.md)."""

from django.db.models import Q

from fazhi.indicators.registry import Indicator

from .models import CONCLUDED, CORRECTING, MERITS, Outcome

CASE = "reconsideration.Case"
LAW = "行政复议法"


def _closed(outcome_q: Q, **kwargs) -> dict:
    return {"model": CASE, "date_field": "closed_date", "condition": outcome_q, **kwargs}


def _outcome(indicator_id, name, outcome, article):
    return Indicator(
        indicator_id,
        name,
        "件",
        f"{name}决定，按决定日期计",
        f"{LAW} {article}",
        **_closed(Q(outcome=outcome)),
    )


COMPREHENSIVE = Q(outcome__in=CORRECTING) | Q(
    outcome__in=(Outcome.MEDIATED, Outcome.TERMINATED), self_corrected=True
)

INDICATORS = (
    Indicator(
        "reconsideration.received",
        "收到行政复议申请",
        "件",
        "收到申请日期在期间内的申请",
        f"{LAW} 第二十二条",
        model=CASE,
        date_field="received_date",
        key=True,
    ),
    Indicator(
        "reconsideration.accepted",
        "受理",
        "件",
        "受理（含视为受理）日期在期间内",
        f"{LAW} 第三十条",
        model=CASE,
        date_field="accepted_date",
        key=True,
    ),
    Indicator(
        "reconsideration.not_accepted",
        "不予受理",
        "件",
        "不予受理决定日期在期间内",
        f"{LAW} 第三十条第二款",
        **_closed(Q(outcome=Outcome.NOT_ACCEPTED)),
    ),
    Indicator(
        "reconsideration.not_supplemented",
        "未按要求补正(视为放弃)",
        "件",
        "逾期未补正、视为放弃的日期在期间内",
        f"{LAW} 第三十一条",
        **_closed(Q(outcome=Outcome.ABANDONED)),
    ),
    Indicator(
        "reconsideration.closed",
        "审结",
        "件",
        "期间内审结的案件（作出决定、调解、终止，按结案日期计）",
        f"{LAW} 第六十一条",
        **_closed(Q(outcome__in=CONCLUDED)),
        key=True,
    ),
    _outcome("reconsideration.upheld", "维持", Outcome.UPHELD, "第六十八条"),
    _outcome("reconsideration.dismissed", "驳回", Outcome.CLAIM_DISMISSED, "第六十九条"),
    _outcome("reconsideration.revoked", "撤销", Outcome.REVOKED, "第六十四条"),
    _outcome("reconsideration.altered", "变更", Outcome.ALTERED, "第六十三条"),
    _outcome(
        "reconsideration.confirmed_illegal", "确认违法", Outcome.CONFIRMED_ILLEGAL, "第六十五条"
    ),
    _outcome(
        "reconsideration.ordered_performance", "责令履行", Outcome.ORDERED_PERFORMANCE, "第六十六条"
    ),
    _outcome(
        "reconsideration.confirmed_invalid", "确认无效", Outcome.CONFIRMED_INVALID, "第六十七条"
    ),
    _outcome("reconsideration.mediated", "调解结案", Outcome.MEDIATED, "第七十三条"),
    _outcome("reconsideration.terminated", "终止(含撤回)", Outcome.TERMINATED, "第四十一条"),
    Indicator(
        "reconsideration.corrected",
        "纠错",
        "件",
        "撤销、变更、确认违法、责令履行、确认无效之和",
        f"{LAW} 第六十三条至第六十七条",
        **_closed(Q(outcome__in=CORRECTING)),
        key=True,
    ),
    Indicator(
        "reconsideration.correction_rate",
        "纠错率",
        "%",
        "纠错 ÷ 审结 × 100",
        numerator="reconsideration.corrected",
        denominator="reconsideration.closed",
        key=True,
    ),
    Indicator(
        "reconsideration.comprehensive_corrected",
        "综合纠错",
        "件",
        "纠错，加上被申请人自行纠正后申请人撤回或者调解结案的案件",
        f"{LAW} 第七十三条、第七十四条",
        **_closed(COMPREHENSIVE),
    ),
    Indicator(
        "reconsideration.comprehensive_correction_rate",
        "综合纠错率",
        "%",
        "综合纠错 ÷ 审结 × 100",
        numerator="reconsideration.comprehensive_corrected",
        denominator="reconsideration.closed",
    ),
    Indicator(
        "reconsideration.closed_by_merits_decision",
        "作出实体决定",
        "件",
        "依第六十三条至第六十九条作出决定的案件",
        f"{LAW} 第六十三条至第六十九条",
        **_closed(Q(outcome__in=MERITS)),
    ),
    Indicator(
        "reconsideration.merits_correction_rate",
        "纠错率(实体决定口径)",
        "%",
        "纠错 ÷ 作出实体决定 × 100",
        numerator="reconsideration.corrected",
        denominator="reconsideration.closed_by_merits_decision",
    ),
    Indicator(
        "reconsideration.closed_on_time",
        "按期审结",
        "件",
        "在法定审理期限内审结",
        f"{LAW} 第六十二条",
        **_closed(Q(outcome__in=CONCLUDED, closed_on_time=True)),
    ),
    Indicator(
        "reconsideration.on_time_rate",
        "按期结案率",
        "%",
        "按期审结 ÷ 审结 × 100",
        numerator="reconsideration.closed_on_time",
        denominator="reconsideration.closed",
        key=True,
    ),
    Indicator(
        "reconsideration.opinion_letters",
        "行政复议意见书、建议书",
        "份",
        "制发日期在期间内",
        f"{LAW} 第七十六条；实施条例 第五十七条",
        model="reconsideration.OpinionLetter",
        date_field="issued_date",
    ),
    Indicator(
        "reconsideration.performance_due",
        "应履行的复议决定",
        "件",
        "设定履行期限的决定、调解书，按送达或者结案日期计",
        f"{LAW} 第七十七条",
        **_closed(Q(performance_due__isnull=False)),
    ),
    Indicator(
        "reconsideration.performed",
        "已履行的复议决定",
        "件",
        "其中已登记履行的",
        f"{LAW} 第七十七条",
        **_closed(Q(performance_due__isnull=False, performed_date__isnull=False)),
    ),
    Indicator(
        "reconsideration.performance_rate",
        "行政复议决定履行率",
        "%",
        "已履行 ÷ 应履行 × 100",
        numerator="reconsideration.performed",
        denominator="reconsideration.performance_due",
    ),
)
