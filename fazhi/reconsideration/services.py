"""Every step of a 行政复议 case: one audited, atomic service per statutory step.

Each step is checked against the workflow table (workflow.py), changes the case, stores
its clocks again, adds a timeline row and, where the law wants a written notice, issues
the numbered 文书 — all in one transaction.
"""

import contextvars
import datetime
import functools

from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core import issuing
from fazhi.core import services as core_services
from fazhi.core.audit import record_event, service
from fazhi.core.calendar import add_days, add_working_days, shift_years
from fazhi.core.guards import not_future, require, require_line, saved
from fazhi.core.imports import ImportRefused, RowError
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action, Role

from . import deadlines, documents, grounds, imports, selectors
from .models import (
    MERITS,
    ActKind,
    Approval,
    Case,
    CaseFile,
    Channel,
    Document,
    DocumentService,
    OpinionLetter,
    Outcome,
    Party,
    Procedure,
    ServiceMethod,
    State,
    Step,
    Suspension,
)
from .workflow import CASE_FLOW

# 行政复议法 第三十条第一款: the seven conditions of acceptance, in the article's order.
ACCEPTANCE_CONDITIONS = [
    ("proper_parties", "有明确的申请人和符合本法规定的被申请人"),
    ("interest", "申请人与被申请行政复议的行政行为有利害关系"),
    ("specific_request", "有具体的行政复议请求和理由"),
    ("in_time", "在法定申请期限内提出"),
    ("in_scope", "属于本法规定的行政复议范围"),
    ("jurisdiction", "属于本机关的管辖范围"),
    ("not_duplicate", "未受理过同一申请人就同一行政行为的复议申请，人民法院未受理过同一行政诉讼"),
]
# 第二十条第一款: 自知道或者应当知道该行政行为之日起六十日内提出
APPLICATION_DAYS = 60
# 第二十一条: 不动产二十年，其他五年 (from the day the act was made)
MAX_YEARS_REAL_PROPERTY, MAX_YEARS_OTHER = 20, 5
# 第五十三条第一款第三项: 案件涉及款额三千元以下
SIMPLE_AMOUNT_LIMIT = 3000


def _role(actor) -> str | None:
    membership = active_membership(actor)
    return membership.role if membership else None


# The step `@step` has checked, for `_step` to apply and record.
_current_step = contextvars.ContextVar("reconsideration_step")


def step(action: str):
    """A service for one step of the workflow table: the table (state, role) and the
    user's scope are checked before anything else, then the step's own guards run."""

    def decorate(func):
        @functools.wraps(func)
        def checked(*, actor, case, **kwargs):
            CASE_FLOW.check(case, action, actor=actor)
            token = _current_step.set(action)
            try:
                return func(actor=actor, case=case, **kwargs)
            finally:
                _current_step.reset(token)

        return service(checked)

    return decorate


def _step(case, *, actor, step_date, reason="", data=None, document=None, **changes):
    """Apply the step being taken (checked by `@step`): change the case, store the clocks,
    write the timeline."""
    action = _current_step.get()
    transition = CASE_FLOW.transition(action)
    not_future(step_date, "办理日期")
    for field, value in changes.items():
        setattr(case, field, value)
    CASE_FLOW.move(case, transition)
    deadlines.refresh_clocks(case)
    saved(case)
    step_data = dict(data or {})
    if document is not None:
        step_data["document"] = document.title
    Step.objects.create(
        case=case,
        action=action,
        label=transition.label,
        step_date=step_date,
        actor=actor,
        reason=reason,
        data=step_data,
    )
    record_event(
        actor=actor,
        action=f"reconsideration.{action}",
        summary=f"{transition.label}：{case.number}",
        target=case,
        unit=case.unit,
        reason=reason,
        data=step_data,
    )
    return case


def _issue(case, kind, paragraphs, *, actor, date):
    return documents.issue(case=case, kind=kind, paragraphs=paragraphs, actor=actor, date=date)


def _within(received, start, days) -> bool:
    """Whether `received` falls within `days` calendar days from `start` (民事诉讼法 第八十五条);
    within the bare days needs no calendar, past them a holiday may extend them."""
    return received <= start + datetime.timedelta(days=days) or received <= add_days(start, days)


def _check_application_period(
    *,
    received,
    act_date,
    known,
    rights_notified,
    rights_known=None,
    obstacle_start=None,
    obstacle_end=None,
    late_reason="",
    real_property=False,
) -> str:
    """Why the application is outside the periods of 第二十条、第二十一条 ("" when in time).
    `received` is the day the application counts as made (the postmark of a mailed one).
    Only inconsistent dates raise: a late application is registered and refused (第三十条第二款)."""
    start = known if rights_notified else rights_known
    if start is not None and start < known:
        raise ValidationError("知道申请复议权利、机关和期限的日期不能早于知道行政行为的日期")
    if obstacle_start is not None and obstacle_end is not None and obstacle_end < obstacle_start:
        raise ValidationError("障碍消除日期不能早于障碍发生日期（第二十条第二款）")
    # 第二十一条: 因不动产超过二十年、其他超过五年（自行政行为作出之日起）的，不予受理
    years = MAX_YEARS_REAL_PROPERTY if real_property else MAX_YEARS_OTHER
    if received > shift_years(act_date, years):
        return f"行政行为作出已超过{years}年，依照第二十一条不予受理"
    # 第二十条第一款: 自知道该行政行为之日起六十日; 第三款: 未告知申请权利、机关和期限的，自知道
    # 权利、机关和期限之日起计算，但自知道行政行为内容之日起最长不得超过一年
    cap = None if rights_notified else shift_years(known, 1)
    # A last day on a holiday moves to the next working day (民事诉讼法 第八十五条).
    if cap is not None and received > cap:
        cap = add_days(cap - datetime.timedelta(days=1), 1)
    if cap is not None and received > cap:
        return (
            f"未告知申请权利的，申请期限自知道行政行为内容之日起最长不得超过一年（第二十条第三款），"
            f"已于{cap:%Y年%m月%d日}届满"
        )
    if start is None or _within(received, start, APPLICATION_DAYS):
        return ""
    # 第二十条第二款: 因不可抗力或者其他正当理由耽误法定申请期限的，申请期限自障碍消除之日起继续计算
    if obstacle_start is None or obstacle_end is None or not late_reason.strip():
        return (
            "申请已超过法定申请期限（第二十条第一款：自知道之日起六十日），"
            "未登记耽误期限的不可抗力或者其他正当理由及障碍发生、消除的日期（第二十条第二款）"
        )
    if obstacle_start < start or not _within(obstacle_start, start, APPLICATION_DAYS):
        return "耽误期限的障碍并非发生在申请期限内，申请已超过六十日的申请期限（第二十条第二款）"
    if not _within(received, start, APPLICATION_DAYS + (obstacle_end - obstacle_start).days):
        return "自障碍消除之日起继续计算，申请仍已超过六十日的申请期限（第二十条第二款）"
    return ""


def _filing_date(
    *,
    channel,
    received_date,
    act_known_date,
    act_kind,
    act_on_the_spot,
    act_by_monitoring,
    posted_date,
    via_respondent_date,
):
    """The day the application counts as made for 第二十条、第二十一条: the postmark of a mailed
    one (民事诉讼法 第八十五条第四款: 期满前交邮的，不算过期), the day the penalty organ received one
    submitted through it (第三十二条), else the day the 复议机构 received it."""
    if posted_date is not None:
        if channel != Channel.POST:
            raise ValidationError("交邮日期（邮戳）仅适用于邮寄提出的申请")
        not_future(posted_date, "交邮日期")
        if not act_known_date <= posted_date <= received_date:
            raise ValidationError("交邮日期应当在知道行政行为之后、收到申请之前")
    if via_respondent_date is not None:
        # 第三十二条第一款: 对当场作出或者依据电子技术监控设备记录的违法事实作出的行政处罚决定不服
        if act_kind not in (ActKind.PENALTY, ActKind.WARNING) or not (
            act_on_the_spot or act_by_monitoring
        ):
            raise ValidationError(
                "通过作出行政处罚决定的行政机关提交申请，仅适用于当场作出或者依据电子技术监控设备"
                "记录的违法事实作出的行政处罚决定（第三十二条第一款）"
            )
        if posted_date is not None:
            raise ValidationError("通过行政机关转送的申请，不填写交邮日期")
        if not act_known_date <= via_respondent_date <= received_date:
            raise ValidationError("该行政机关收到申请的日期应当在知道行政行为之后、转送到达之前")
    return posted_date or via_respondent_date or received_date


@service
def register_case(
    *,
    actor,
    unit: Unit,
    channel: str,
    received_date,
    request: str,
    reasons: str = "",
    respondent: Unit | None = None,
    respondent_name: str = "",
    act_kind: str,
    act_number: str = "",
    act_date,
    act_known_date,
    act_on_the_spot: bool = False,
    act_amount=None,
    rights_notified: bool = True,
    rights_known_date=None,
    obstacle_start=None,
    obstacle_end=None,
    pre_review_by_law: bool = False,
    late_reason: str = "",
    real_property: bool = False,
    oral_record: str = "",
    applicants: list[dict],
    third_parties: list[dict] = (),
    handler=None,
    posted_date=None,
    via_respondent_date=None,
    act_by_monitoring: bool = False,
    compensation_requested: bool = False,
) -> Case:
    """登记 an application (第二十二条): the clock of the five-day review starts. An application
    outside the periods is registered with the finding, to be refused (第三十条第二款)."""
    require_line(actor, Case.work_line)
    require(actor, Action.CREATE, unit, f"无权在“{unit.name}”登记行政复议申请")
    not_future(received_date, "收到申请日期")
    if act_known_date > received_date:
        raise ValidationError("知道行政行为的日期不能晚于收到申请的日期")
    if act_date > act_known_date:
        raise ValidationError("行政行为作出日期不能晚于知道该行为的日期")
    if channel == Channel.ORAL and not oral_record.strip():
        raise ValidationError(
            "口头申请的，应当当场记录申请人基本情况、请求、主要事实、理由和时间（第二十二条）"
        )
    if not applicants:
        raise ValidationError("请至少填写一名申请人")
    filed = _filing_date(
        channel=channel,
        received_date=received_date,
        act_known_date=act_known_date,
        act_kind=act_kind,
        act_on_the_spot=act_on_the_spot,
        act_by_monitoring=act_by_monitoring,
        posted_date=posted_date,
        via_respondent_date=via_respondent_date,
    )
    finding = _check_application_period(
        received=filed,
        act_date=act_date,
        known=act_known_date,
        rights_notified=rights_notified,
        rights_known=rights_known_date,
        obstacle_start=obstacle_start,
        obstacle_end=obstacle_end,
        late_reason=late_reason,
        real_property=real_property,
    )
    _, number = documents.next_number(unit=unit, kind="case", year=received_date.year)
    case = Case(
        unit=unit,
        number=number,
        handler=handler or actor,
        created_by=actor,
        channel=channel,
        oral_record=oral_record,
        received_date=received_date,
        request=request,
        reasons=reasons,
        respondent=respondent,
        respondent_name=respondent_name,
        act_kind=act_kind,
        act_number=act_number,
        act_date=act_date,
        act_known_date=act_known_date,
        act_on_the_spot=act_on_the_spot,
        act_amount=act_amount,
        rights_notified=rights_notified,
        rights_known_date=rights_known_date,
        obstacle_start=obstacle_start,
        obstacle_end=obstacle_end,
        pre_review_by_law=pre_review_by_law,
        late_reason=late_reason,
        posted_date=posted_date,
        via_respondent_date=via_respondent_date,
        act_by_monitoring=act_by_monitoring,
        compensation_requested=compensation_requested,
        time_limit_finding=finding,
        review_start=received_date,
        state=State.REGISTERED,
    )
    deadlines.refresh_clocks(case)
    saved(case)
    for role, people in (
        (Party.Role.APPLICANT, applicants),
        (Party.Role.THIRD_PARTY, third_parties),
    ):
        for person in people:
            party = Party(case=case, role=role, **person)
            saved(party)
    Step.objects.create(
        case=case,
        action="register",
        label="登记",
        step_date=received_date,
        actor=actor,
        reason=finding,
        data={
            "channel": channel,
            **({"posted": posted_date.isoformat()} if posted_date else {}),
            **({"forwarded_late": True} if deadlines.forwarded_late(case) else {}),
        },
    )
    record_event(
        actor=actor,
        action="reconsideration.register",
        summary=f"登记行政复议申请：{case}",
        target=case,
        unit=unit,
    )
    return case


@step("request_supplement")
def request_supplement(*, actor, case: Case, notice_date, received_date=None, items: str) -> Case:
    """补正通知 (第三十一条): once, listing every item, within the five-day review."""
    if case.supplement_notice_date is not None:
        raise ValidationError(
            "补正通知应当一次性载明需要补正的事项，本案已经通知过补正（第三十一条）"
        )
    if not items.strip():
        raise ValidationError("请写明需要补正的事项")
    if notice_date < case.review_start:
        raise ValidationError("补正通知日期不能早于收到申请日期")
    # 第三十一条第一款: 应当自收到申请之日起五日内书面通知申请人补正 (五日 = 工作日, 第八十八条)
    notice_due = deadlines.supplement_notice_due(case.received_date)
    if notice_date > notice_due:
        raise ValidationError(
            f"补正通知应当自收到申请之日起五个工作日内发出，本案已于{notice_due:%Y年%m月%d日}届满"
            "（第三十一条第一款）；请在审查期限内决定受理或者不予受理"
        )
    received = received_date or notice_date
    if received < notice_date:
        raise ValidationError("申请人收到补正通知的日期不能早于通知日期")
    document = _issue(
        case,
        "supplement",
        [
            f"{case.applicant_names}：",
            f"你（单位）于{case.received_date:%Y年%m月%d日}提出的行政复议申请，材料不齐全或者表述不清楚。"
            f"根据《中华人民共和国行政复议法》第三十一条的规定，请你（单位）自收到本通知之日起十个工作日内补正下列事项：",
            items,
            "无正当理由逾期不补正的，视为放弃行政复议申请。",
        ],
        actor=actor,
        date=notice_date,
    )
    return _step(
        case,
        actor=actor,
        step_date=notice_date,
        document=document,
        data={"received": received.isoformat()},
        supplement_notice_date=notice_date,
        supplement_items=items,
        supplement_due=deadlines.supplement_due(received),
    )


@step("extend_supplement")
def extend_supplement(*, actor, case: Case, date, extra_workdays: int, reason: str) -> Case:
    """延长补正期限 for good cause (第三十一条第二款)."""
    if not reason.strip() or extra_workdays < 1:
        raise ValidationError("延长补正期限须写明正当理由和延长的工作日数")
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=reason,
        data={"extra_workdays": extra_workdays},
        supplement_due=add_working_days(case.supplement_due, extra_workdays),
    )


@step("receive_supplement")
def receive_supplement(*, actor, case: Case, date) -> Case:
    """收到补正材料: the five-day review starts again from this day (第三十一条第三款)."""
    if date < case.supplement_notice_date:
        raise ValidationError("收到补正材料日期不能早于补正通知日期")
    # 第三十一条第二款: 无正当理由逾期不补正的，视为申请人放弃行政复议申请
    if case.supplement_due and date > case.supplement_due:
        raise ValidationError(
            f"补正期限已于{case.supplement_due:%Y年%m月%d日}届满（第三十一条第二款）。"
            "申请人有正当理由的，请先延长补正期限；否则应当登记“视为放弃”"
        )
    return _step(
        case,
        actor=actor,
        step_date=date,
        supplement_date=date,
        review_start=date,
    )


@step("deem_abandoned")
def deem_abandoned(*, actor, case: Case, date) -> Case:
    """视为放弃 when the 补正 period expired without good reason (第三十一条第二款)."""
    due = case.supplement_due or deadlines.supplement_due(case.supplement_notice_date)
    if date <= due:
        raise ValidationError(f"补正期限至{due:%Y年%m月%d日}届满，届满前不能视为放弃")
    return _step(
        case,
        actor=actor,
        step_date=date,
        outcome=Outcome.ABANDONED,
        outcome_ground="31",
        closed_date=date,
    )


pre_review_ground = deadlines.pre_review_ground


def pre_review_remedy(case: Case) -> list[str]:
    """第三十四条: after 不予受理 or 驳回申请 in a 复议前置 case, a suit within fifteen days."""
    ground = pre_review_ground(case)
    if ground is None:
        return []
    return [
        f"本案属于应当先申请行政复议的情形（{ground}）。你（单位）如不服本决定，可以自收到本决定书之日起"
        "十五日内，依法向人民法院提起行政诉讼（第三十四条）。"
    ]


def simple_procedure_ground(case: Case) -> str | None:
    """第五十三条第一款: why the case qualifies for 简易程序 by its act, or None."""
    if case.act_on_the_spot:
        return "（一）当场作出"
    if case.act_kind == ActKind.WARNING:
        return "（二）警告或者通报批评"
    if case.act_amount is not None and case.act_amount <= SIMPLE_AMOUNT_LIMIT:
        return "（三）涉及款额三千元以下"
    if case.act_kind == ActKind.INFO_DISCLOSURE:
        return "（四）政府信息公开案件"
    return None


@step("accept")
def accept(
    *,
    actor,
    case: Case,
    date,
    conditions: dict,
    procedure: str,
    simple_by_consent: bool = False,
    complex_case: bool = False,
    refiling_reason: str = "",
) -> Case:
    """受理 when all seven conditions of 第三十条 hold, choosing the procedure (第五十三条)."""
    missing = [label for key, label in ACCEPTANCE_CONDITIONS if not conditions.get(key)]
    if missing:
        raise ValidationError("以下受理条件未确认，不能受理：" + "；".join(missing))
    if date < case.review_start:
        raise ValidationError("受理日期不能早于审查期起算日")
    # 第三十条第一款第四项: 在法定申请期限内提出 — a late application is refused, not accepted
    if case.time_limit_finding:
        raise ValidationError(
            f"{case.time_limit_finding}。不符合第三十条第一款第四项的受理条件，"
            "应当决定不予受理并说明理由（第三十条第二款）"
        )
    # 第三十条第一款第七项、第二十九条第二款: no second 复议 and no 复议 after a suit on the act
    same_act = selectors.proceedings_on_the_same_act(case)
    # 第七十四条第二款: after a withdrawal, re-filing only where it was against the true will
    refiled = refiling_reason.strip() and all(withdrawn for _, withdrawn in same_act)
    if same_act and not refiled:
        raise ValidationError(
            "该申请人就同一行政行为已有"
            + "、".join(label for label, _ in same_act)
            + "被受理，不符合第三十条第一款第七项（第二十九条第二款）的受理条件，应当不予受理；"
            "撤回后再次申请的，须证明撤回违背其真实意愿（第七十四条第二款）"
        )
    if case.acceptance_due and date > case.acceptance_due:
        raise ValidationError(
            f"审查期限已于{case.acceptance_due:%Y年%m月%d日}届满，依照第三十条第三款应当登记“视为受理”"
        )
    # 第五十三条第一款: 简易程序 only where 事实清楚、权利义务关系明确、争议不大
    if procedure == Procedure.SIMPLE and complex_case:
        raise ValidationError("重大、疑难、复杂案件不能适用简易程序（第五十三条第一款）")
    if procedure == Procedure.SIMPLE and not (simple_procedure_ground(case) or simple_by_consent):
        raise ValidationError(
            "本案不符合第五十三条第一款适用简易程序的情形（当场作出、警告或通报批评、款额三千元以下、"
            "政府信息公开），须当事人各方同意方可适用简易程序"
        )
    document = _issue(
        case,
        "acceptance",
        [
            f"{case.applicant_names}：",
            f"你（单位）对{case.respondent_display}{documents.act_description(case)}不服提出的行政复议申请，经审查，符合"
            f"《中华人民共和国行政复议法》第三十条规定的受理条件，本机关决定予以受理，适用{Procedure(procedure).label}审理。",
        ],
        actor=actor,
        date=date,
    )
    return _step(
        case,
        actor=actor,
        step_date=date,
        document=document,
        data={
            "conditions": [key for key, _ in ACCEPTANCE_CONDITIONS],
            **({"refiling_reason": refiling_reason} if refiled else {}),
        },
        accepted_date=date,
        procedure=procedure,
        simple_by_consent=simple_by_consent,
        complex_case=complex_case,
    )


@step("deem_accepted")
def deem_accepted(*, actor, case: Case, date) -> Case:
    """视为受理: no decision within the review period → accepted from its expiry (第三十条第三款)."""
    due = case.acceptance_due or deadlines.acceptance_due(case.review_start)  # raises if unknown
    if date <= due:
        raise ValidationError(f"审查期限至{due:%Y年%m月%d日}届满，尚未届满")
    return _step(
        case,
        actor=actor,
        step_date=date,
        accepted_date=due,
        deemed_accepted=True,
        procedure=deadlines.deemed_acceptance_procedure(case, simple_procedure_ground(case)),
    )


@step("refuse")
def refuse(
    *, actor, case: Case, date, failed: list[str], reasons: str, competent_organ: str = ""
) -> Case:
    """不予受理 within the review period, with reasons (第三十条第二款)."""
    labels = dict(ACCEPTANCE_CONDITIONS)
    if not failed or any(key not in labels for key in failed):
        raise ValidationError("请选择不符合的受理条件")
    if not reasons.strip():
        raise ValidationError("不予受理应当说明理由")
    # 第三十条第二款: 不属于本机关管辖的，还应当在不予受理决定中告知申请人有管辖权的行政复议机关
    competent_organ = competent_organ.strip()
    if "jurisdiction" in failed and not competent_organ:
        raise ValidationError(
            "不属于本机关管辖的，应当在不予受理决定中告知申请人有管辖权的行政复议机关（第三十条第二款）"
        )
    if case.acceptance_due and date > case.acceptance_due:
        raise ValidationError("不予受理决定应当在审查期限内作出（第三十条第二款）")
    if case.time_limit_finding and "in_time" not in failed:
        raise ValidationError(
            f"{case.time_limit_finding}：请勾选“在法定申请期限内提出”为不符合的受理条件（第三十条第二款）"
        )
    document = _issue(
        case,
        "refusal",
        [
            f"{case.applicant_names}：",
            "经审查，你（单位）提出的行政复议申请不符合《中华人民共和国行政复议法》第三十条第一款规定的受理条件："
            + "；".join(labels[key] for key in failed)
            + "。",
            *(
                [case.time_limit_finding + "。"]
                if "in_time" in failed and case.time_limit_finding
                else []
            ),
            reasons,
            "根据《中华人民共和国行政复议法》第三十条第二款的规定，决定不予受理。",
            *(
                [f"本案不属于本机关管辖，你（单位）可以向{competent_organ}申请行政复议。"]
                if "jurisdiction" in failed
                else []
            ),
            *pre_review_remedy(case),
        ],
        actor=actor,
        date=date,
    )
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=reasons,
        document=document,
        data={"failed": failed, "competent_organ": competent_organ},
        outcome=Outcome.NOT_ACCEPTED,
        outcome_ground="30",
        outcome_reasons=reasons,
        closed_date=date,
    )


@step("send_copy")
def send_copy(
    *, actor, case: Case, date, method: str = ServiceMethod.DIRECT, received_date=None
) -> Case:
    """发送申请书副本 to the respondent (第四十八条; 简易 第五十四条). The reply period runs from
    the respondent's receipt: 直接送达 is received the day it is handed over; for any other
    method the receipt (送达回证、邮件签收) is recorded when known (record_copy_receipt)."""
    if case.copy_sent_date:
        raise ValidationError("申请书副本已经发送")
    if date < case.accepted_date:
        raise ValidationError("发送副本日期不能早于受理日期")
    if method not in ServiceMethod.values:
        raise ValidationError("请选择送达方式")
    if method == ServiceMethod.DIRECT and received_date is None:
        received_date = date
    if received_date is not None:
        _check_receipt(received_date, date)
    days = deadlines.REPLY_WORKDAYS[case.procedure]
    document = _issue(
        case,
        "reply_notice",
        [
            f"{case.respondent_display}：",
            f"{case.applicant_names}对你单位{documents.act_description(case)}不服，向本机关申请行政复议，本机关已依法受理。现将申请书副本发送你单位，"
            f"请自收到之日起{days}个工作日内提出书面答复，并提交当初作出行政行为的证据、依据和其他有关材料。",
        ],
        actor=actor,
        date=date,
    )
    return _step(
        case,
        actor=actor,
        step_date=date,
        document=document,
        data={
            "method": method,
            **({"received": received_date.isoformat()} if received_date else {}),
        },
        copy_sent_date=date,
        copy_service_method=method,
        copy_received_date=received_date,
    )


def _check_receipt(received, sent, sent_label="发送日期"):
    not_future(received, "收到日期")
    if received < sent:
        raise ValidationError(f"收到日期不能早于{sent_label}")


@step("record_copy_receipt")
def record_copy_receipt(*, actor, case: Case, date) -> Case:
    """登记被申请人收到副本 (送达回证): the reply period starts (第四十八条、第五十四条)."""
    if case.copy_received_date:
        raise ValidationError("已经登记过被申请人收到副本的日期")
    _check_receipt(date, case.copy_sent_date)
    return _step(case, actor=actor, step_date=date, copy_received_date=date)


@step("record_reply")
def record_reply(*, actor, case: Case, date, summary: str = "") -> Case:
    """收到被申请人的书面答复和证据 (第四十八条)."""
    if not case.copy_sent_date:
        raise ValidationError("尚未发送申请书副本，不能登记答复")
    if not case.copy_received_date:
        raise ValidationError(
            "答复期限自被申请人收到申请书副本之日起计算（第四十八条、第五十四条），请先登记收到副本的日期"
        )
    if date < case.copy_sent_date:
        raise ValidationError("答复日期不能早于发送副本日期")
    late = bool(case.reply_due and date > case.reply_due)
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=summary,
        data={"late": True} if late else None,
        reply_date=date,
    )


@step("hear_views")
def hear_views(*, actor, case: Case, date, summary: str) -> Case:
    """听取意见 (第四十九条), recorded in the file."""
    if not summary.strip():
        raise ValidationError("请记录听取的意见")
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=summary,
        views_heard_date=date,
    )


@step("hold_hearing")
def hold_hearing(
    *,
    actor,
    case: Case,
    notice_date,
    date,
    time,
    place: str,
    matters: str,
    host: str,
    hearing_officers: str,
    recorder: str,
    summary: str = "",
) -> Case:
    """听证 (第五十条、第五十一条): notice at least five working days before, with the
    hearing's time, place and matters, and who hears it."""
    if case.hearing_date:
        raise ValidationError(f"本案已经安排于{case.hearing_date:%Y年%m月%d日}听证")
    not_future(notice_date, "听证通知日期")
    # 第五十一条第一款: 应当于举行听证的五日前……书面通知当事人 (五日 = 工作日, 第八十八条)
    latest = deadlines.latest_hearing_notice(date)
    if notice_date > latest:
        raise ValidationError(
            f"听证通知应当于举行听证的五个工作日前书面通知当事人（第五十一条第一款），"
            f"{date:%Y年%m月%d日}举行听证的，最迟应于{latest:%Y年%m月%d日}通知"
        )
    place, matters, host, recorder = (v.strip() for v in (place, matters, host, recorder))
    # 第五十一条第一款: 将听证的时间、地点和拟听证事项书面通知当事人
    if not place or not matters:
        raise ValidationError("请填写听证地点和拟听证事项（第五十一条第一款）")
    officers = _names(hearing_officers)
    # 第五十条第三款: 一名行政复议人员任主持人，两名以上行政复议人员任听证员，一名记录员
    if not host or not recorder or len(officers) < 2:
        raise ValidationError(
            "听证由一名行政复议人员任主持人，两名以上行政复议人员任听证员，一名记录员制作听证笔录"
            "（第五十条第三款）：请填写主持人、至少两名听证员和记录员"
        )
    when = f"{date:%Y年%m月%d日}{time.hour}时{time.minute:02d}分"
    document = _issue(
        case,
        "hearing",
        [
            f"{case.applicant_names}、{case.respondent_display}：",
            f"本机关定于{when}在{place}就本案举行听证。",
            f"拟听证事项：{matters.rstrip('。')}。",
            f"听证由{host}主持，{'、'.join(officers)}任听证员，{recorder}任记录员。",
            "申请人无正当理由拒不参加听证的，视为放弃听证权利。被申请人的负责人应当参加听证；"
            "不能参加的，应当说明理由并委托相应的工作人员参加听证（《中华人民共和国行政复议法》"
            "第五十一条）。",
            "请携带身份证明及与本案有关的证据材料准时参加。",
        ],
        actor=actor,
        date=notice_date,
    )
    return _step(
        case,
        actor=actor,
        step_date=notice_date,
        reason=summary,
        document=document,
        data={
            "hearing_date": date.isoformat(),
            "time": f"{time:%H:%M}",
            "place": place,
            "matters": matters,
            "host": host,
            "hearing_officers": officers,
            "recorder": recorder,
        },
        hearing_date=date,
        views_heard_date=case.views_heard_date or date,
    )


@step("refer_to_committee")
def refer_to_committee(*, actor, case: Case, date, reason: str) -> Case:
    """提请行政复议委员会 for its advisory opinion (第五十二条)."""
    if case.committee_referred_date:
        raise ValidationError("本案已经提请行政复议委员会提出咨询意见")
    if not reason.strip():
        raise ValidationError("请写明提请的理由（重大、疑难、复杂或者专业性、技术性较强等）")
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=reason,
        committee_referred_date=date,
    )


@step("record_committee_opinion")
def record_committee_opinion(*, actor, case: Case, date, opinion: str) -> Case:
    """记录行政复议委员会的咨询意见 (第五十二条第三款), a reference for the decision (第六十一条第三款)."""
    if not opinion.strip():
        raise ValidationError("请记录行政复议委员会的咨询意见（第五十二条第三款）")
    if date < case.committee_referred_date:
        raise ValidationError("收到咨询意见日期不能早于提请日期")
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=opinion,
        committee_opinion_date=date,
        committee_opinion=opinion,
    )


@step("suspend")
def suspend(*, actor, case: Case, date, ground: int, reason: str = "") -> Case:
    """中止 on a ground of 第三十九条第一款, with written notice (第三十九条第三款)."""
    if ground not in Suspension.Ground.values:
        raise ValidationError("请选择第三十九条第一款规定的中止情形")
    if ground == Suspension.Ground.OTHER and not reason.strip():
        raise ValidationError("以“其他情形”中止的，应当写明具体理由（第四十条）")
    article = f"第三十九条第一款第{'一二三四五六七八九十'[ground - 1]}项"
    _check_applicant_kind(case, APPLICANT_KIND_OF_SUSPENSION.get(ground), article)
    suspension = Suspension(case=case, ground=ground, reason=reason, start_date=date)
    suspension.save()
    document = _issue(
        case,
        "suspension",
        [
            f"{case.applicant_names}、{case.respondent_display}：",
            f"本机关受理的行政复议案件，因{Suspension.Ground(ground).label[3:]}，根据《中华人民共和国行政复议法》"
            f"第三十九条第一款的规定，决定自{date:%Y年%m月%d日}起中止审理。中止的原因消除后，本机关将及时恢复审理。",
        ],
        actor=actor,
        date=date,
    )
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=reason,
        document=document,
        data={"ground": ground},
    )


@step("resume")
def resume(*, actor, case: Case, date) -> Case:
    """恢复审理 once the cause is gone; the decision clock runs again (第三十九条第二款)."""
    suspension = case.suspensions.filter(end_date__isnull=True).get()
    if date < suspension.start_date:
        raise ValidationError("恢复日期不能早于中止日期")
    suspension.end_date = date
    suspension.save()
    document = _issue(
        case,
        "resumption",
        [
            f"{case.applicant_names}、{case.respondent_display}：",
            f"本机关于{suspension.start_date:%Y年%m月%d日}中止审理的行政复议案件，中止的原因已经消除，"
            f"决定自{date:%Y年%m月%d日}起恢复审理。",
        ],
        actor=actor,
        date=date,
    )
    return _step(case, actor=actor, step_date=date, document=document)


@step("extend")
def extend(*, actor, case: Case, date, days: int, reason: str) -> Case:
    """延期 (第六十二条第一款): ordinary procedure only, once, at most thirty days."""
    if case.procedure != Procedure.ORDINARY:
        raise ValidationError("简易程序案件不能延期；需要延长的，应当先转为普通程序（第五十五条）")
    if case.extension_days:
        raise ValidationError("本案已经延期一次，不能再次延期（第六十二条）")
    if not 1 <= days <= deadlines.MAX_EXTENSION_DAYS:
        raise ValidationError("延长期限最多不超过三十日（第六十二条）")
    if not reason.strip():
        raise ValidationError("请写明情况复杂、不能在规定期限内作出决定的理由")
    if case.decision_due and date > case.decision_due:
        raise ValidationError("审理期限已经届满，不能再批准延期")
    document = _issue(
        case,
        "extension",
        [
            f"{case.applicant_names}、{case.respondent_display}：",
            f"本机关受理的行政复议案件，因{reason}，不能在规定期限内作出行政复议决定。经行政复议机构负责人批准，"
            f"根据《中华人民共和国行政复议法》第六十二条第一款的规定，审理期限延长{days}日。",
        ],
        actor=actor,
        date=date,
    )
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=reason,
        document=document,
        data={"days": days, "approved_as": "行政复议机构负责人（第六十二条第一款）"},
        extension_days=days,
    )


@step("convert_to_ordinary")
def convert_to_ordinary(*, actor, case: Case, date, reason: str) -> Case:
    """简易程序转普通程序, approved by the head of the 复议机构 (第五十五条)."""
    if case.procedure != Procedure.SIMPLE:
        raise ValidationError("本案不是简易程序案件")
    if not reason.strip():
        raise ValidationError("请写明不宜适用简易程序的理由")
    if date < case.accepted_date:
        raise ValidationError("转换日期不能早于受理日期")
    # 第五十五条、第六十二条第二款: 简易程序 is decided within thirty days; once they ran out the
    # case is late and a conversion would lend it the sixty days of 普通程序.
    simple_due = deadlines.simple_due(case)  # raises while the year is not entered
    if date > simple_due:
        raise ValidationError(
            f"简易程序的审理期限已于{simple_due:%Y年%m月%d日}届满（第六十二条第二款），"
            "期限届满后不能再转为普通程序（第五十五条）"
        )
    # statutes.md open question 3: the clock still runs from the original acceptance.
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=reason,
        data={"approved_as": "行政复议机构负责人（第五十五条）"},
        procedure=Procedure.ORDINARY,
        converted_date=date,
    )


# 第四十二条: 行政复议期间行政行为不停止执行；但是有下列情形之一的，应当停止执行
STAY_GROUNDS = {
    1: "（一）被申请人认为需要停止执行",
    2: "（二）行政复议机关认为需要停止执行",
    3: "（三）申请人、第三人申请停止执行，行政复议机关认为其要求合理，决定停止执行",
    4: "（四）法律、法规、规章规定停止执行的其他情形",
}


@step("stay_execution")
def stay_execution(*, actor, case: Case, date, ground: int, reason: str, request_date=None) -> Case:
    """停止执行 during the review on a ground of 第四十二条."""
    if case.stay_date:
        raise ValidationError(f"本案已于{case.stay_date:%Y年%m月%d日}决定停止执行")
    if ground not in STAY_GROUNDS:
        raise ValidationError("请选择第四十二条规定的停止执行情形")
    if not reason.strip():
        raise ValidationError("请写明停止执行的理由（第四十二条）")
    if ground == 3 and request_date is None:
        raise ValidationError("申请人、第三人申请停止执行的，请填写申请日期（第四十二条第三项）")
    if request_date is not None and request_date > date:
        raise ValidationError("停止执行的申请日期不能晚于决定日期")
    if date < case.accepted_date:
        raise ValidationError("停止执行决定不能早于受理日期（第四十二条：行政复议期间）")
    document = _issue(
        case,
        "stay",
        [
            f"{case.respondent_display}：",
            f"本机关受理的{case.applicant_names}申请行政复议一案，{reason}",
            f"根据《中华人民共和国行政复议法》第四十二条{STAY_GROUNDS[ground][:3]}的规定，"
            f"决定自{date:%Y年%m月%d日}起停止执行该行政行为。",
        ],
        actor=actor,
        date=date,
    )
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=reason,
        document=document,
        data={
            "ground": ground,
            **({"request_date": request_date.isoformat()} if request_date else {}),
        },
        stay_date=date,
        stay_ground=ground,
    )


def _names(text: str) -> list[str]:
    for separator in "，,；;\n ":
        text = text.replace(separator, "、")
    return list(dict.fromkeys(name.strip() for name in text.split("、") if name.strip()))


@step("investigate")
def investigate(
    *, actor, case: Case, date, investigators: str, credentials_shown: bool, summary: str
) -> Case:
    """调查取证 (第四十五条): at least two 行政复议人员, who show their credentials."""
    names = _names(investigators)
    if len(names) < 2:
        raise ValidationError("调查取证时，行政复议人员不得少于两人（第四十五条第一款）")
    if not credentials_shown:
        raise ValidationError("调查取证时应当出示行政复议工作证件（第四十五条第一款）")
    if not summary.strip():
        raise ValidationError("请记录调查取证的对象和情况")
    if date < case.accepted_date:
        raise ValidationError("调查取证日期不能早于受理日期")
    not_future(date, "调查日期")
    # Only the timeline changes: the case itself is not saved (no field of it changes).
    data = {"investigators": names, "credentials_shown": True}
    Step.objects.create(
        case=case,
        action="investigate",
        label="调查取证",
        step_date=date,
        actor=actor,
        reason=summary,
        data=data,
    )
    record_event(
        actor=actor,
        action="reconsideration.investigate",
        summary=f"调查取证：{case.number}",
        target=case,
        unit=case.unit,
        reason=summary,
        data=data,
    )
    return case


@step("publish_decision")
def publish_decision(*, actor, case: Case, date, where: str) -> Case:
    """决定书向社会公开 (第七十九条第一款)."""
    if case.published_date:
        raise ValidationError("决定书已经公开")
    if not where.strip():
        raise ValidationError("请写明公开的方式或者网址（第七十九条第一款）")
    if date < case.served_date:
        raise ValidationError("公开日期不能早于决定书送达（发生法律效力）日期")
    return _step(
        case, actor=actor, step_date=date, reason=where, data={"where": where}, published_date=date
    )


@step("copy_to_superior")
def copy_to_superior(*, actor, case: Case, date, recipient: str) -> Case:
    """抄告被申请人的上一级主管部门 (第七十九条第二款): the decision in force, at the same time."""
    if case.copied_date:
        raise ValidationError("已经抄告")
    if not recipient.strip():
        raise ValidationError("请写明被申请人的上一级主管部门（第七十九条第二款）")
    if date < case.served_date:
        raise ValidationError(
            "抄告的是发生法律效力的决定书，日期不能早于送达日期（第七十九条第二款）"
        )
    return _step(
        case,
        actor=actor,
        step_date=date,
        data={"recipient": recipient},
        copied_to=recipient.strip(),
        copied_date=date,
    )


@step("order_performance")
def order_performance(
    *, actor, case: Case, date, due, reason: str, interview: bool = False, notice: bool = False
) -> Case:
    """责令限期履行 (第七十七条) when the respondent did not perform in time; 约谈、通报批评."""
    if case.performed_date or case.performance_due is None:
        raise ValidationError("本案没有待履行的决定（第七十七条）")
    if case.performance_order_date:
        raise ValidationError("已经责令限期履行")
    if date <= case.performance_due:
        raise ValidationError(
            f"履行期限至{case.performance_due:%Y年%m月%d日}届满，届满前不能责令限期履行（第七十七条）"
        )
    if due <= date:
        raise ValidationError("责令履行的期限应当晚于责令日期（第七十七条：责令其限期履行）")
    if not reason.strip():
        raise ValidationError("请写明被申请人不履行或者拖延履行的情况（第七十七条）")
    measures = [m for m, on in (("约谈有关负责人", interview), ("通报批评", notice)) if on]
    document = _issue(
        case,
        "performance_order",
        [
            f"{case.respondent_display}：",
            f"本机关作出的行政复议{'调解书' if case.outcome == Outcome.MEDIATED else '决定书'}要求你单位于"
            f"{case.performance_due:%Y年%m月%d日}前履行，你单位{reason}。",
            f"根据《中华人民共和国行政复议法》第七十七条的规定，责令你单位于{due:%Y年%m月%d日}前履行。"
            + (f"本机关决定{'、'.join(measures)}。" if measures else ""),
        ],
        actor=actor,
        date=date,
    )
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=reason,
        document=document,
        data={"due": due.isoformat(), "measures": measures},
        performance_order_date=date,
        performance_order_due=due,
    )


DECISION_OUTCOMES = (*MERITS, Outcome.APPLICATION_DISMISSED)
REVOCATION_GROUNDS = {
    "64.1": "主要事实不清、证据不足",
    "64.2": "违反法定程序",
    "64.3": "适用的依据不合法",
    "64.4": "超越职权或者滥用职权",
}
ALTERATION_GROUNDS = {
    "63.1": "内容不适当",
    "63.2": "未正确适用依据",
    "63.3": "事实不清、证据不足，经复议机关查清",
}
ILLEGALITY_GROUNDS = {
    "65.1.1": "撤销会给国家利益、社会公共利益造成重大损害",
    "65.1.2": "程序轻微违法，但对申请人权利不产生实际影响",
    "65.2.1": "行政行为违法，但不具有可撤销内容",
    "65.2.2": "被申请人改变原违法行政行为，申请人仍要求确认违法",
    "65.2.3": "不履行或者拖延履行法定职责，责令履行没有意义",
}
# 第七十一条: 行政协议
AGREEMENT_GROUNDS = {
    "71.1": "不依法订立、不依法履行、未按照约定履行或者违法变更、解除行政协议：承担依法订立、继续履行、"
    "采取补救措施或者赔偿损失等责任",
    "71.2": "变更、解除行政协议合法，但未依法给予补偿或者补偿不合理：依法给予合理补偿",
}
GROUNDS = {
    Outcome.AGREEMENT_LIABILITY: AGREEMENT_GROUNDS,
    Outcome.REVOKED: REVOCATION_GROUNDS,
    Outcome.ALTERED: ALTERATION_GROUNDS,
    Outcome.CONFIRMED_ILLEGAL: ILLEGALITY_GROUNDS,
}


# 第七十条: without the respondent's reply and evidence in time, the act counts as having no
# evidence or basis: only these decisions remain (and 第三十三条's 驳回申请, which is procedural).
NO_REPLY_OUTCOMES = (
    Outcome.REVOKED,
    Outcome.CONFIRMED_ILLEGAL,
    Outcome.CONFIRMED_INVALID,
    Outcome.ORDERED_PERFORMANCE,
    Outcome.AGREEMENT_LIABILITY,
    Outcome.APPLICATION_DISMISSED,
)
# 第七十二条第一款: 给予赔偿 goes with 撤销、部分撤销、变更、确认违法、确认无效
COMPENSATION_OUTCOMES = (
    Outcome.REVOKED,
    Outcome.ALTERED,
    Outcome.CONFIRMED_ILLEGAL,
    Outcome.CONFIRMED_INVALID,
)
# 第七十二条第二款: 撤销、变更罚款、没收财物、征收征用、对财产的强制措施 → 责令返还财产
PROPERTY_ACT_KINDS = (ActKind.PENALTY, ActKind.COERCION, ActKind.EXPROPRIATION)
COMPENSATION_CHOICES = {"awarded": "决定被申请人依法给予赔偿", "rejected": "驳回行政赔偿请求"}


def _check_compensation(case, outcome, compensation, property_return):
    """第七十二条: a compensation request is decided with the decision on the merits."""
    if compensation and compensation not in COMPENSATION_CHOICES:
        raise ValidationError("请选择行政赔偿的处理（第七十二条）")
    if compensation and not case.compensation_requested:
        raise ValidationError(
            "申请人未一并提出行政赔偿请求，不能决定赔偿或者驳回赔偿请求（第七十二条第一款）"
        )
    if outcome not in MERITS:
        return
    if case.compensation_requested and not compensation:
        raise ValidationError(
            "申请人一并提出了行政赔偿请求，作出行政复议决定时应当同时决定给予赔偿或者驳回赔偿请求（第七十二条第一款）"
        )
    if compensation == "awarded" and outcome not in COMPENSATION_OUTCOMES:
        raise ValidationError(
            "给予赔偿应当在决定撤销、部分撤销、变更或者确认违法、无效时同时作出（第七十二条第一款）"
        )
    if (
        not case.compensation_requested
        and outcome in (Outcome.REVOKED, Outcome.ALTERED)
        and case.act_kind in PROPERTY_ACT_KINDS
        and case.act_amount
        and not property_return
    ):
        raise ValidationError(
            "撤销、变更罚款、没收财物、征收征用或者对财产的强制措施的，应当同时责令被申请人返还财产、"
            "解除查封扣押冻结措施或者赔偿相应的价值（第七十二条第二款）"
        )


def no_timely_reply(case, day: datetime.date) -> bool:
    """Whether the respondent failed to reply within 第四十八条/第五十四条's period by `day`."""
    if case.reply_due is None:
        return False
    if case.reply_date is not None:
        return case.reply_date > case.reply_due
    return day > case.reply_due


def _check_decision(
    case,
    outcome,
    ground,
    *,
    date,
    performance_due,
    heavier_for_applicant,
    third_party_requested_heavier,
    third_party_evidence=False,
    written_review_reason="",
):
    if outcome not in DECISION_OUTCOMES:
        raise ValidationError("调解、终止、不予受理请使用各自的办理步骤")
    if outcome in GROUNDS and ground not in GROUNDS[outcome]:
        raise ValidationError(f"请选择{Outcome(outcome).label}的法定情形")
    if outcome == Outcome.ALTERED and heavier_for_applicant and not third_party_requested_heavier:
        raise ValidationError(
            "不得作出对申请人更为不利的变更决定，第三人提出相反请求的除外（第六十三条第二款）"
        )
    if outcome == Outcome.CONFIRMED_INVALID and not case.invalidity_requested:
        raise ValidationError("申请人未申请确认行政行为无效，不能作出确认无效决定（第六十七条）")
    # 第七十一条: the liabilities of a 行政协议
    if outcome == Outcome.AGREEMENT_LIABILITY and case.act_kind != ActKind.AGREEMENT:
        raise ValidationError("该决定仅适用于行政协议案件（第七十一条）")
    if outcome == Outcome.CLAIM_DISMISSED and case.act_kind != ActKind.NONPERFORMANCE:
        raise ValidationError("驳回行政复议请求仅适用于申请履行法定职责的案件（第六十九条）")
    if outcome == Outcome.ORDERED_PERFORMANCE and performance_due is None:
        raise ValidationError("责令履行应当写明履行期限（第六十六条）")
    # 第六十六条: 被申请人不履行法定职责的，决定其在一定期限内履行; 第六十五条第二款第三项:
    # 不履行或者拖延履行法定职责，责令履行没有意义 — both only on a 履职 application
    if case.act_kind != ActKind.NONPERFORMANCE and (
        outcome == Outcome.ORDERED_PERFORMANCE or ground == "65.2.3"
    ):
        article = (
            "第六十六条" if outcome == Outcome.ORDERED_PERFORMANCE else "第六十五条第二款第三项"
        )
        raise ValidationError(f"该决定仅适用于被申请人不履行法定职责的案件（{article}）")
    # 第六十六条: 决定被申请人在一定期限内履行 — a period that runs after the decision
    if performance_due is not None and performance_due <= date:
        raise ValidationError("履行期限应当晚于决定日期（第六十六条：在一定期限内履行）")
    # 第五十条第一款: 审理重大、疑难、复杂的行政复议案件，行政复议机构应当组织听证 (a 驳回申请
    # under 第三十三条 ends the case without hearing its merits)
    on_the_merits = outcome != Outcome.APPLICATION_DISMISSED
    if case.complex_case and on_the_merits and not case.hearing_date:
        raise ValidationError("重大、疑难、复杂案件应当组织听证后作出决定（第五十条第一款）")
    # 第五十二条第二款第一项: 案情重大、疑难、复杂的，应当提请行政复议委员会提出咨询意见
    if case.complex_case and on_the_merits and not case.committee_referred_date:
        raise ValidationError(
            "重大、疑难、复杂案件应当提请行政复议委员会提出咨询意见（第五十二条第二款第一项）"
        )
    # 第六十一条第三款: 咨询意见作为作出行政复议决定的重要参考依据 — it must be on file first
    if case.committee_referred_date and not case.committee_opinion_date:
        raise ValidationError(
            "已提请行政复议委员会的，应当记录其咨询意见后再作出决定（第五十二条第三款、第六十一条第三款）"
        )
    # 第六十一条第二款: 经过听证的，应当根据听证笔录……作出行政复议决定
    if case.hearing_date and date < case.hearing_date:
        raise ValidationError(
            f"本案定于{case.hearing_date:%Y年%m月%d日}听证，应当根据听证笔录作出决定（第六十一条第二款）"
        )
    # 第七十条: 被申请人不按期答复、提交证据的，视为该行政行为没有证据、依据
    if (
        outcome not in NO_REPLY_OUTCOMES
        and no_timely_reply(case, date)
        and not (third_party_evidence and case.parties.filter(role=Party.Role.THIRD_PARTY))
    ):
        raise ValidationError(
            "被申请人未在法定期限内提出书面答复、提交证据和依据，视为该行政行为没有证据、依据，"
            "应当决定撤销、部分撤销、确认违法、确认无效或者责令履行（第七十条）；"
            "涉及第三人合法权益且第三人提供证据的除外"
        )
    # 第四十九条: 应当……听取当事人的意见……因当事人原因不能听取意见的，可以书面审理
    if (
        case.procedure == Procedure.ORDINARY
        and not case.views_heard_date
        and not written_review_reason.strip()
    ):
        raise ValidationError(
            "普通程序审理的案件应当先听取当事人意见并记录在案（第四十九条）；"
            "因当事人原因不能听取意见的，请写明原因后书面审理"
        )


def _check_approval(actor, approval, approver_name, basis) -> tuple[str, str]:
    """第六十一条第一款: 经行政复议机关的负责人同意或者集体讨论通过 — who approved, in what capacity.
    The 复议机关 is the government; its head is no user here, so the name is written down."""
    approver_name, basis = approver_name.strip(), basis.strip()
    if approval == Approval.ORGAN_HEAD:
        if not approver_name:
            raise ValidationError(
                "请写明同意本决定的行政复议机关负责人的姓名和职务（第六十一条第一款）"
            )
    elif approval == Approval.COLLECTIVE:
        if not basis:
            raise ValidationError("集体讨论通过的，请写明讨论的时间和结论（第六十一条第一款）")
    elif approval == Approval.DELEGATED:
        if _role(actor) != Role.LEADER and not actor.is_superuser:
            raise ValidationError(
                "“受委托的行政复议机构负责人同意”须由该负责人本人办理（第六十一条第一款）；"
                "审核人办理的，请登记行政复议机关负责人同意或者集体讨论情况"
            )
        if not basis:
            raise ValidationError(
                "请写明行政复议机关委托行政复议机构负责人审批的依据（文件名称、文号）（第六十一条第一款）"
            )
        approver_name = approver_name or actor.get_full_name() or actor.username
    else:
        raise ValidationError(
            "行政复议决定须经行政复议机关的负责人同意或者集体讨论通过（第六十一条第一款）"
        )
    return approver_name, basis


@step("decide")
def decide(
    *,
    actor,
    case: Case,
    date,
    outcome: str,
    ground: str = "",
    reasons: str,
    approval: str,
    collective_note: str = "",
    approver_name: str = "",
    approval_basis: str = "",
    compensation: str = "",
    property_return: bool = False,
    performance_due=None,
    invalidity_requested: bool | None = None,
    heavier_for_applicant: bool = False,
    third_party_requested_heavier: bool = False,
    third_party_evidence: bool = False,
    written_review_reason: str = "",
    facts: str = "",
    decision_detail: str = "",
) -> Case:
    """作出行政复议决定 (第六十一条): with the 负责人's approval or by collective discussion."""
    if invalidity_requested is not None:
        case.invalidity_requested = invalidity_requested
    _check_decision(
        case,
        outcome,
        ground,
        date=date,
        performance_due=performance_due,
        heavier_for_applicant=heavier_for_applicant,
        third_party_requested_heavier=third_party_requested_heavier,
        third_party_evidence=third_party_evidence,
        written_review_reason=written_review_reason,
    )
    _check_compensation(case, outcome, compensation, property_return)
    if not reasons.strip():
        raise ValidationError("请写明决定的理由")
    approver_name, approval_basis = _check_approval(
        actor, approval, approver_name, approval_basis or collective_note
    )
    case = _step(
        case,
        actor=actor,
        step_date=date,
        reason=reasons,
        data={
            "outcome": outcome,
            "ground": ground,
            "approval": approval,
            "approver": approver_name,
            "approval_basis": approval_basis,
            **({"compensation": compensation} if compensation else {}),
            **({"property_return": True} if property_return else {}),
            **({"written_review": written_review_reason} if written_review_reason else {}),
        },
        outcome=outcome,
        outcome_ground=ground,
        outcome_reasons=reasons,
        approval=approval,
        approver_name=approver_name,
        approval_basis=approval_basis,
        compensation=compensation or ("property_return" if property_return else ""),
        approved_by=actor,
        closed_date=date,
        closed_on_time=deadlines.decided_on_time(case, date),
        performance_due=performance_due,
    )
    written = {"查明事实": facts.strip(), "本机关认为": reasons.strip()}
    written |= {"决定内容": decision_detail.strip()}
    # 第七十二条: the compensation decided with the merits, in the decision's words
    written |= {"赔偿": compensation, "返还财产": property_return}
    documents.draft(
        case=case,
        kind="decision",
        actor=actor,
        date=date,
        **written,
        决定=decision_words(case, written),
        救济告知=remedy_words(case),
        被申请人答复=reply_summary(case),
    )
    return case


@step("serve")
def serve(
    *, actor, case: Case, date, method: str = "direct", recipient: str = "", address: str = ""
) -> Case:
    """送达: the 决定书 takes effect (第七十五条第二款); 履行 follow-up starts."""
    if date < case.closed_date:
        raise ValidationError("送达日期不能早于决定日期")
    decision = case.documents.filter(kind="decision", status=Document.Status.ISSUED).last()
    if decision is None:
        raise ValidationError("行政复议决定书尚未审批、签发，不能送达")
    _record_service(
        decision,
        actor=actor,
        method=method,
        date=date,
        recipient=recipient.strip() or case.applicant_names,
        address=address,
    )
    return _step(case, actor=actor, step_date=date, served_date=date)


@step("record_performance")
def record_performance(*, actor, case: Case, date, summary: str = "") -> Case:
    """登记履行 of a decision or 调解书 (第七十七条)."""
    if case.performed_date:
        raise ValidationError("已经登记过履行情况")
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=summary,
        performed_date=date,
    )


@step("mediate")
def mediate(
    *, actor, case: Case, date, terms: str, all_signed: bool, self_corrected: bool = False
) -> Case:
    """调解结案: the 调解书 takes effect once every party has signed (第七十三条)."""
    if not all_signed:
        raise ValidationError(
            "调解书须经各方当事人签字或者签章后方可生效（第七十三条）；未签字的，应当依法审查并作出决定"
        )
    if not terms.strip():
        raise ValidationError("请写明调解协议的内容")
    document = _issue(
        case,
        "mediation",
        [
            f"申请人：{case.applicant_names}",
            f"被申请人：{case.respondent_display}",
            f"经本机关主持调解，双方自愿达成如下协议：{terms}",
            "本调解书经各方当事人签字或者签章，并加盖本机关印章，即具有法律效力。",
        ],
        actor=actor,
        date=date,
    )
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=terms,
        document=document,
        outcome=Outcome.MEDIATED,
        outcome_ground="73",
        self_corrected=self_corrected,
        closed_date=date,
        closed_on_time=deadlines.decided_on_time(case, date),
    )


@step("withdraw")
def withdraw(*, actor, case: Case, date, reason: str, self_corrected: bool = False) -> Case:
    """准予撤回 → 终止 (第四十一条第一款第一项; 和解后撤回, 第七十四条)."""
    return _terminate(
        case,
        actor=actor,
        date=date,
        ground=1,
        reason=reason,
        self_corrected=self_corrected,
    )


# 第三十九条第一款第一至三项 concern 作为申请人的公民, 第四项 作为申请人的法人或者其他组织;
# 第四十一条第一款第二项 a 公民, 第三项 a 法人或者其他组织.
APPLICANT_KIND_OF_SUSPENSION = {
    Suspension.Ground.DEATH: Party.Kind.PERSON,
    Suspension.Ground.INCAPACITY: Party.Kind.PERSON,
    Suspension.Ground.MISSING: Party.Kind.PERSON,
    Suspension.Ground.ENTITY_ENDED: Party.Kind.ORGANISATION,
}
APPLICANT_KIND_OF_TERMINATION = {2: Party.Kind.PERSON, 3: Party.Kind.ORGANISATION}
# 第四十一条第一款第四项: 对行政拘留或者限制人身自由的行政强制措施不服
CUSTODY_ACT_KINDS = (ActKind.PENALTY, ActKind.COERCION)


def _check_applicant_kind(case, kind, article):
    if kind is None:
        return
    if not case.parties.filter(role=Party.Role.APPLICANT, kind=kind).exists():
        raise ValidationError(f"该情形仅适用于作为申请人的{Party.Kind(kind).label}（{article}）")


TERMINATION_GROUNDS = {
    1: "申请人撤回行政复议申请，行政复议机构准予撤回",
    2: "申请人死亡，没有近亲属或者近亲属放弃行政复议权利",
    3: "申请人终止，没有权利义务承受人或者承受人放弃行政复议权利",
    4: "因同一违法行为涉嫌犯罪，被采取刑事强制措施",
    5: "因第三十九条第一款第一、二、四项中止满六十日，中止的原因仍未消除",
}


@step("terminate")
def terminate(*, actor, case: Case, date, ground: int, reason: str = "") -> Case:
    """终止 on a ground of 第四十一条 (withdrawal has its own step)."""
    if ground not in TERMINATION_GROUNDS or ground == 1:
        raise ValidationError("请选择第四十一条规定的终止情形（撤回申请请使用“准予撤回并终止”）")
    article = f"第四十一条第一款第{'一二三四五'[ground - 1]}项"
    _check_applicant_kind(case, APPLICANT_KIND_OF_TERMINATION.get(ground), article)
    if ground == 4 and case.act_kind not in CUSTODY_ACT_KINDS:
        raise ValidationError(
            "该情形仅适用于对行政拘留或者限制人身自由的行政强制措施申请的行政复议（第四十一条第一款第四项）"
        )
    if ground == 5:
        eligible = [
            s
            for s in case.suspensions.all()
            if s.ground in Suspension.TERMINATING_GROUNDS
            and s.end_date is None
            and date >= add_days(s.start_date, deadlines.TERMINATION_PROMPT_DAYS)
        ]
        if not eligible:
            raise ValidationError(
                "本案未因第三十九条第一款第一、二、四项中止满六十日（第四十一条第一款第五项）"
            )
    return _terminate(case, actor=actor, date=date, ground=ground, reason=reason)


def _terminate(case, *, actor, date, ground, reason, self_corrected=False):
    if not reason.strip():
        raise ValidationError("请写明终止的理由")
    for suspension in case.suspensions.filter(end_date__isnull=True):
        suspension.end_date = date
        suspension.save()
    document = _issue(
        case,
        "termination",
        [
            f"申请人：{case.applicant_names}",
            f"被申请人：{case.respondent_display}",
            f"本案在审理过程中，{TERMINATION_GROUNDS[ground]}。{reason}",
            f"根据《中华人民共和国行政复议法》第四十一条第一款第{'一二三四五'[ground - 1]}项的规定，本机关决定终止行政复议。",
        ],
        actor=actor,
        date=date,
    )
    return _step(
        case,
        actor=actor,
        step_date=date,
        reason=reason,
        document=document,
        data={"ground": ground},
        outcome=Outcome.TERMINATED,
        outcome_ground=f"41.{ground}",
        outcome_reasons=reason,
        self_corrected=self_corrected,
        closed_date=date,
        closed_on_time=deadlines.decided_on_time(case, date),
    )


@service
def issue_letter(
    *,
    actor,
    unit: Unit,
    kind: str,
    recipient: str,
    issued_date,
    content: str,
    case: Case | None = None,
    received_date=None,
    service_method: str = "",
) -> OpinionLetter:
    """制发行政复议意见书 (第七十六条, report within sixty days) or 建议书 (实施条例 第五十七条)."""
    require_line(actor, OpinionLetter.work_line)
    require(actor, Action.CREATE, unit, "无权以该单位名义制发")
    not_future(issued_date, "制发日期")
    if not content.strip() or not recipient.strip():
        raise ValidationError("请填写制发对象和主要内容")
    if received_date is not None:
        _check_receipt(received_date, issued_date, "制发日期")
    if service_method and service_method not in ServiceMethod.values:
        raise ValidationError("请选择送达方式")
    letter = OpinionLetter(
        unit=unit,
        case=case,
        kind=kind,
        recipient=recipient,
        issued_date=issued_date,
        content=content,
        created_by=actor,
        received_date=received_date,
        service_method=service_method,
        report_due=_letter_report_due(kind, received_date),
    )
    saved(letter)
    documents.issue(
        case=case,
        unit=unit,
        kind=kind,
        letter=letter,
        收件人=f"{recipient}：",
        actor=actor,
        date=issued_date,
        paragraphs=[
            content,
            *(
                [
                    "请自收到本意见书之日起六十日内，将纠正相关违法或者不当行政行为的情况报送本机关"
                    "（《中华人民共和国行政复议法》第七十六条）。"
                ]
                if kind == OpinionLetter.Kind.OPINION
                else []
            ),
        ],
    )
    record_event(
        actor=actor,
        action="reconsideration.issue_letter",
        summary=f"制发{letter}",
        target=letter,
        unit=unit,
    )
    return letter


def _letter_report_due(kind, received):
    # 第七十六条: 自收到行政复议意见书之日起六十日内 — none until the receipt is recorded
    if kind != OpinionLetter.Kind.OPINION or received is None:
        return None
    return deadlines.opinion_report_due(received)


@service
def record_letter_receipt(
    *, actor, letter: OpinionLetter, date, service_method: str
) -> OpinionLetter:
    """登记制发对象收到意见书、建议书 (送达回证): the report period of 第七十六条 starts."""
    require(actor, Action.CHANGE, letter, "无权办理")
    if letter.received_date:
        raise ValidationError("已经登记过收到日期")
    if service_method not in ServiceMethod.values:
        raise ValidationError("请选择送达方式")
    _check_receipt(date, letter.issued_date, "制发日期")
    letter.received_date, letter.service_method = date, service_method
    letter.report_due = _letter_report_due(letter.kind, date)
    saved(letter)
    record_event(
        actor=actor,
        action="reconsideration.letter_receipt",
        summary=f"登记收到：{letter}",
        target=letter,
        unit=letter.unit,
        data={"received": date.isoformat(), "method": service_method},
    )
    return letter


@service
def record_letter_report(*, actor, letter: OpinionLetter, date, summary: str) -> OpinionLetter:
    """登记意见书、建议书的整改反馈."""
    require(actor, Action.CHANGE, letter, "无权办理")
    if letter.reported_date:
        raise ValidationError("已经登记过反馈")
    if not summary.strip():
        raise ValidationError("请填写整改反馈情况")
    not_future(date, "反馈日期")
    letter.reported_date, letter.report_summary = date, summary
    letter.save()
    record_event(
        actor=actor,
        action="reconsideration.letter_report",
        summary=f"登记反馈：{letter}",
        target=letter,
        unit=letter.unit,
    )
    return letter


IMPORTED_STATES = {
    Outcome.NOT_ACCEPTED: State.NOT_ACCEPTED,
    Outcome.ABANDONED: State.ABANDONED,
    Outcome.MEDIATED: State.MEDIATED,
    Outcome.TERMINATED: State.TERMINATED,
}


@service
def import_cases(*, actor, unit: Unit, data) -> int:
    """导入历史案件 from an .xlsx ledger (`data`: the upload or the workbook's bytes): all rows
    or none (errors by row and column)."""
    require_line(actor, Case.work_line)
    require(actor, Action.CREATE, unit, f"无权向“{unit.name}”导入案件")
    respondents = {u.name: u for u in Unit.objects.filter(path__startswith=unit.scope_root.path)}
    rows = imports.CASES.read_rows(data)
    for row in rows:
        row["respondent"] = respondents.get(row["respondent"]) or row["respondent"]
    numbers = [row["number"] for row in rows]
    taken = set(Case.objects.filter(unit=unit, number__in=numbers).values_list("number", flat=True))
    errors = [
        RowError(row["row"], "收案编号", "编号已存在或在表格中重复")
        for index, row in enumerate(rows)
        if row["number"] in taken or row["number"] in numbers[:index]
    ]
    if errors:
        raise ImportRefused(errors)
    for row in rows:
        _import_row(actor, unit, row)
    documents.take_numbers(unit=unit, kind="case", numbers=numbers)
    record_event(
        actor=actor,
        action="reconsideration.import",
        summary=f"导入历史行政复议案件{len(rows)}件",
        target=unit,
        unit=unit,
    )
    return len(rows)


def _import_row(actor, unit, row):
    outcome = row["outcome"]
    decided = outcome not in IMPORTED_STATES
    state = IMPORTED_STATES.get(outcome) or (
        State.CLOSED if row["served_date"] else State.AWAITING_SERVICE
    )
    respondent = row["respondent"] if isinstance(row["respondent"], Unit) else None
    case = Case(
        unit=unit,
        number=row["number"],
        handler=actor,
        created_by=actor,
        channel=row["channel"],
        received_date=row["received_date"],
        review_start=row["received_date"],
        request=row["request"] or "（导入的历史案件，台账未载明请求）",
        respondent=respondent,
        respondent_name="" if respondent else row["respondent"],
        act_kind=row["act_kind"],
        act_date=row["act_date"],
        act_known_date=row["act_known_date"],
        accepted_date=row["accepted_date"],
        procedure=row["procedure"] or (Procedure.ORDINARY if row["accepted_date"] else ""),
        state=state,
        outcome=outcome,
        outcome_ground=row["outcome_ground"] or "",
        invalidity_requested=outcome == Outcome.CONFIRMED_INVALID,
        closed_date=row["closed_date"],
        served_date=row["served_date"],
    )
    deadlines.refresh_clocks(case)
    if decided or outcome in (Outcome.MEDIATED, Outcome.TERMINATED):
        case.closed_on_time = deadlines.decided_on_time(case, row["closed_date"])
    try:
        case.full_clean()
    except ValidationError as error:
        raise ImportRefused(
            [RowError(row["row"], "全部", message) for message in error.messages]
        ) from error
    case.save()
    kind = (
        Party.Kind.PERSON if row["applicant_kind"] == Party.Kind.PERSON else Party.Kind.ORGANISATION
    )
    identifier = row["identifier"] or ""
    Party.objects.create(
        case=case,
        role=Party.Role.APPLICANT,
        kind=kind,
        name=row["applicant"],
        id_number=identifier if kind == Party.Kind.PERSON else "",
        credit_code=identifier if kind == Party.Kind.ORGANISATION else "",
    )
    Step.objects.create(
        case=case,
        action="import",
        label="导入历史案件",
        step_date=row["received_date"],
        actor=actor,
        data={"row": row["row"]},
    )


# — 文书: draft, approve, issue (呈批), correct, serve —

# The parts of a 决定书 that are the officer's to write (the form of the decision asks
# for them; the draft cannot be approved without them unless an edited file was uploaded).
DECISION_WRITTEN = {"查明事实": "经审理查明的事实", "本机关认为": "本机关认为（理由）"}


@service
def write_document(*, actor, document: Document, **written) -> Document:
    """The officer's parts of a draft (facts, reasoning …): the draft is rendered again."""
    require(actor, Action.CHANGE, document, "无权修改该文书")
    issuing.draft_only(document)
    document.written = {**document.written, **{k: v.strip() for k, v in written.items()}}
    if document.kind == "decision" and document.case_id:
        document.written["决定"] = decision_words(document.case, document.written)
    document.uploaded = False
    documents.store(document, documents.render(document, document.written))
    saved(document)
    record_event(
        actor=actor,
        action="reconsideration.write_document",
        summary=f"修改{document.title}草稿",
        target=document,
        unit=document.unit,
    )
    return document


@service
def upload_draft(*, actor, document: Document, uploaded_file) -> Document:
    """An edited draft (.docx from Word or WPS) replaces the generated one."""
    require(actor, Action.CHANGE, document, "无权修改该文书")
    name = issuing.take_upload(document, uploaded_file)
    record_event(
        actor=actor,
        action="reconsideration.upload_draft",
        summary=f"上传{document.title}修改稿“{name}”",
        target=document,
        unit=document.unit,
    )
    return document


@service
def approve_document(*, actor, document: Document) -> Document:
    """审批: by the role the law names (documents.approver_roles; 第六十一条 for decisions)."""
    require(actor, Action.REVIEW, document, "无权审批该文书")
    issuing.draft_only(document)
    if document.kind == "decision" and not document.uploaded:
        missing = [
            label for key, label in DECISION_WRITTEN.items() if not document.written.get(key)
        ]
        # 第六十三条: a 变更 says to what
        if document.case.outcome == Outcome.ALTERED and not document.written.get("决定内容"):
            missing.append("变更后的内容（第六十三条）")
        if missing:
            raise ValidationError(f"决定书草稿尚未写明：{'、'.join(missing)}")
    issuing.approve(
        document, actor=actor, roles=documents.approver_roles(document.kind), article="第六十一条"
    )
    record_event(
        actor=actor,
        action="reconsideration.approve_document",
        summary=f"审批{document.title}",
        target=document,
        unit=document.unit,
    )
    return document


@service
def issue_document(*, actor, document: Document, date) -> Document:
    """签发: numbered now (core/numbering.py), the file frozen, its SHA-256 kept."""
    require(actor, Action.CHANGE, document, "无权签发该文书")
    issuing.check_issue(document, date)
    number = documents.next_number(unit=document.unit, kind=document.kind, year=date.year)
    issuing.issue(document, actor=actor, date=date, number=number)
    record_event(
        actor=actor,
        action="reconsideration.issue_document",
        summary=f"签发{document.title}（{document.number}）",
        target=document,
        unit=document.unit,
        data={"sha256": document.sha256},
    )
    return document


@service
def correct_document(*, actor, document: Document, reason: str) -> Document:
    """更正: a new draft of the same kind that names the issued one; numbered when issued."""
    require(actor, Action.CHANGE, document, "无权更正该文书")
    issuing.check_correction(document, reason)
    correction = documents.draft(
        case=document.case,
        unit=document.unit,
        kind=document.kind,
        actor=actor,
        date=timezone.localdate(),
        corrects=document,
        letter=document.letter,
        **document.written,
    )
    record_event(
        actor=actor,
        action="reconsideration.correct_document",
        summary=f"更正{document.title}（{document.number}）",
        target=document,
        unit=document.unit,
        reason=reason,
    )
    return correction


def _record_service(document, *, actor, method, date, recipient, address="", note=""):
    service_record = issuing.serve(
        document,
        model=DocumentService,
        draft_receipt=functools.partial(
            documents.draft,
            case=document.case,
            unit=document.unit,
            kind=issuing.RECEIPT,
            actor=actor,
        ),
        actor=actor,
        method=method,
        date=date,
        recipient=recipient,
        address=address,
        note=note,
    )
    record_event(
        actor=actor,
        action="reconsideration.record_service",
        summary=f"{service_record.get_method_display()}{document.title}（{document.number}）",
        target=document,
        unit=document.unit,
    )
    return service_record


@service
def record_service(
    *, actor, document: Document, method: str, date, recipient: str, address="", note=""
) -> DocumentService:
    """送达: how, when and to whom an issued 文书 was served, with its 送达回证."""
    require(actor, Action.CHANGE, document, "无权登记送达")
    return _record_service(
        document,
        actor=actor,
        method=method,
        date=date,
        recipient=recipient,
        address=address,
        note=note,
    )


@service
def attach_case_file(*, actor, case: Case, category: str, title: str, uploaded_file) -> CaseFile:
    """案卷材料: a checked file (core/attachments.py) on the case, in its category."""
    require(actor, Action.CHANGE, case, "无权为该案件上传材料")
    if category not in CaseFile.Category.values:
        raise ValidationError("请选择材料类别")
    attachment = core_services.attach_file(actor=actor, target=case, uploaded_file=uploaded_file)
    case_file = CaseFile(
        case=case,
        category=category,
        title=title.strip() or attachment.original_name,
        attachment=attachment,
    )
    saved(case_file)
    record_event(
        actor=actor,
        action="reconsideration.attach_case_file",
        summary=f"上传{case_file}",
        target=case,
        unit=case.unit,
    )
    return case_file


def decision_words(case: Case, written: dict) -> str:
    """The decision itself in words (第六十三条至第六十九条、第三十三条), never a bare label."""
    act = f"被申请人{case.respondent_display}{documents.act_description(case)}"
    outcome, ground = case.outcome, case.outcome_ground
    detail = written.get("决定内容", "").strip()
    due = f"{case.performance_due:%Y年%m月%d日}" if case.performance_due else ""
    article = grounds.article(ground) if ground else ""
    articles = {
        Outcome.UPHELD: "第六十八条",
        Outcome.CLAIM_DISMISSED: "第六十九条",
        Outcome.REVOKED: article or "第六十四条第一款",
        Outcome.ALTERED: article or "第六十三条第一款",
        Outcome.CONFIRMED_ILLEGAL: article or "第六十五条",
        Outcome.ORDERED_PERFORMANCE: "第六十六条",
        Outcome.CONFIRMED_INVALID: "第六十七条",
        Outcome.APPLICATION_DISMISSED: "第三十三条",
    }
    words = {
        Outcome.UPHELD: f"维持{act}。",
        Outcome.CLAIM_DISMISSED: "驳回申请人的行政复议请求。",
        Outcome.REVOKED: f"撤销{act}"
        + (f"，责令被申请人于{due}前重新作出行政行为" if due else "")
        + "。",
        Outcome.ALTERED: f"将{act}变更为：{detail}" + ("" if detail.endswith("。") else "。"),
        Outcome.CONFIRMED_ILLEGAL: f"确认{act}违法。",
        Outcome.ORDERED_PERFORMANCE: f"责令被申请人于{due}前履行{detail or '法定职责'}。",
        Outcome.CONFIRMED_INVALID: f"确认{act}无效。",
        Outcome.APPLICATION_DISMISSED: "驳回申请人的行政复议申请。",
    }
    if outcome not in words:
        return ""
    compensation = written.get("赔偿", "")
    extra = f"{COMPENSATION_CHOICES[compensation]}。" if compensation else ""
    if written.get("返还财产"):
        extra += "责令被申请人返还财产、解除对财产的查封、扣押、冻结措施，或者赔偿相应的价值。"
    basis = articles[outcome] + ("、第七十二条" if extra else "")
    return f"根据《中华人民共和国行政复议法》{basis}的规定，本机关决定：{words[outcome]}{extra}"


def reply_summary(case: Case) -> str:
    """The respondent's reply as the timeline recorded it (收到答复和证据)."""
    step = case.steps.filter(action="record_reply").last()
    return step.reason if step else ""


def remedy_words(case: Case) -> list[str]:
    """行政诉讼法 第四十五条: a suit within fifteen days of receiving the decision."""
    if case.outcome == Outcome.APPLICATION_DISMISSED and pre_review_ground(case):
        lines = pre_review_remedy(case)
    else:
        lines = ["申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。"]
    return [*lines, "本决定书自送达之日起发生法律效力。"]
