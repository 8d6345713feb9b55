"""Every state change of the 法律援助 records: one audited, atomic function per step, each
checked against the case's workflow and the articles of 法律援助法."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import date_or_none
from fazhi.core.guards import not_future, require, require_line, saved
from fazhi.core.numbering import next_number
from fazhi.core.roles import Action
from fazhi.core.validators import validate_id_number

from . import periods
from .models import (
    AidCase,
    CaseType,
    Complaint,
    Consultation,
    DutyService,
    EconomicCheck,
    Grade,
    Matter,
    NotifyingOrgan,
    Objection,
    Origin,
    OutreachEvent,
    Progress,
    Provider,
    ProviderKind,
    ProvisionalGround,
    QualityCheck,
    State,
    StatusLookup,
    Subsidy,
    SubsidyStandard,
)
from .workflow import CASE_FLOW, open_complaint

NOTIFIED_MATTERS = (Matter.NOTIFIED_DEFENCE, Matter.COMPULSORY_TREATMENT)


def _text(value) -> str:
    return (value or "").strip()


def _id_number(value: str) -> str:
    number = _text(value).upper()
    validate_id_number(number)
    return number


def _event(actor, case, action, summary, **kwargs):
    record_event(
        actor=actor,
        action=f"legal_aid.{action}",
        summary=summary,
        target=case,
        unit=case.unit,
        **kwargs,
    )


# — the roster —


@service
def register_provider(
    *,
    actor,
    unit,
    name: str,
    kind: str,
    firm: str,
    practice_since: datetime.date,
    license_number: str = "",
    criminal_experience: bool = True,
    phone: str = "",
    user=None,
) -> Provider:
    require_line(actor, Provider.work_line)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记法律援助人员")
    not_future(practice_since, "开始执业日期")
    provider = saved(
        Provider(
            unit=unit,
            name=_text(name),
            kind=kind,
            firm=_text(firm),
            practice_since=practice_since,
            license_number=_text(license_number),
            criminal_experience=criminal_experience,
            phone=_text(phone),
            user=user,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="legal_aid.provider",
        summary=f"登记法律援助人员{provider}",
        target=provider,
        unit=unit,
    )
    return provider


# — receipt —


def _check_economic(case: AidCase) -> None:
    """第三十二条、第四十一条、第四十二条: how economic difficulty was established."""
    check = case.economic_check
    if case.origin == Origin.NOTIFIED:
        if check != EconomicCheck.NOT_REQUIRED:
            raise ValidationError(
                "通知辩护（代理）案件不审查经济困难状况，请选择“无需审查经济状况”"
            )
        return
    if check == EconomicCheck.NOT_REQUIRED:
        raise ValidationError(
            "申请法律援助的，应当说明经济困难状况（法律援助法 第四十一条第一款），"
            "或写明免予核查（第四十二条）、不受经济困难条件限制（第三十二条）的情形"
        )
    if check == EconomicCheck.EXEMPT and not case.exemption:
        raise ValidationError("免予核查经济困难状况的，请选择法律援助法 第四十二条的情形")
    if check == EconomicCheck.UNRESTRICTED and not case.unrestricted:
        raise ValidationError("不受经济困难条件限制的，请选择法律援助法 第三十二条的情形")
    if check in (EconomicCheck.INFORMATION_SHARING, EconomicCheck.PLEDGE) and not _text(
        case.economic_evidence
    ):
        raise ValidationError(
            "请填写申请人如实说明的经济困难状况及核查结果（法律援助法 第四十一条）"
        )
    if check != EconomicCheck.EXEMPT:
        case.exemption = ""
    if check != EconomicCheck.UNRESTRICTED:
        case.unrestricted = ""


def _number(unit, origin: str, year: int, *, assignment: bool = False) -> str:
    kind = "legal_aid.notified" if origin == Origin.NOTIFIED else "legal_aid.application"
    word = "通" if origin == Origin.NOTIFIED else "申"
    if assignment:
        kind, word = "legal_aid.assignment", "指"
    short = unit.name.removesuffix("司法局")
    return next_number(
        unit=unit, kind=kind, year=year, pattern=f"{short}法援{word}〔{{year}}〕{{serial}}号"
    ).text


@service
def register_application(
    *,
    actor,
    unit,
    applicant_name: str,
    applicant_id_number: str,
    case_type: str,
    matter: str,
    summary: str,
    economic_check: str,
    received_date: datetime.date,
    exemption: str = "",
    unrestricted: str = "",
    economic_evidence: str = "",
    applicant_gender: str = "",
    applicant_phone: str = "",
    applicant_address: str = "",
    minor: bool = False,
    elderly: bool = False,
    disabled: bool = False,
    woman: bool = False,
    migrant_worker: bool = False,
    military: bool = False,
    low_income: bool = False,
    agent_name: str = "",
    agent_relation: str = "",
    case_organ: str = "",
    criminal_charge: str = "",
    life_or_death: bool = False,
    requested_at: datetime.datetime | None = None,
    forwarded_at: datetime.datetime | None = None,
    referral_reference: str = "",
) -> AidCase:
    """An application (申请), or a detained person's request forwarded by the 办案机关 or
    监管场所 (第三十九条: both times given). `referral_reference` names the 12348 contact an
    application was referred from (legal_services)."""
    require_line(actor, AidCase.work_line)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”受理法律援助申请")
    not_future(received_date, "收到申请日期")
    if matter in NOTIFIED_MATTERS:
        raise ValidationError(
            "通知辩护、强制医疗代理由办案机关通知，请通过“登记通知”办理（第三十六条）"
        )
    forwarded = requested_at is not None or forwarded_at is not None
    if forwarded:
        if requested_at is None or forwarded_at is None:
            raise ValidationError("转交的申请请同时填写被羁押人提出申请的时间和办案机关转交的时间")
        if forwarded_at < requested_at:
            raise ValidationError("转交时间不能早于提出申请的时间")
        if timezone.localdate(forwarded_at) > received_date:
            raise ValidationError("转交时间不能晚于收到申请日期")
    case = AidCase(
        unit=unit,
        origin=Origin.FORWARDED if forwarded else Origin.APPLICATION,
        applicant_name=_text(applicant_name),
        applicant_id_number=_id_number(applicant_id_number),
        applicant_gender=applicant_gender,
        applicant_phone=_text(applicant_phone),
        applicant_address=_text(applicant_address),
        minor=minor,
        elderly=elderly,
        disabled=disabled,
        woman=woman,
        migrant_worker=migrant_worker,
        military=military,
        low_income=low_income,
        agent_name=_text(agent_name),
        agent_relation=_text(agent_relation),
        case_type=case_type,
        matter=matter,
        summary=_text(summary),
        case_organ=_text(case_organ),
        criminal_charge=_text(criminal_charge),
        life_or_death=life_or_death,
        economic_check=economic_check,
        exemption=exemption,
        unrestricted=unrestricted,
        economic_evidence=_text(economic_evidence),
        received_date=received_date,
        requested_at=requested_at,
        forwarded_at=forwarded_at,
        referral_reference=_text(referral_reference)[:120],
        decision_due=date_or_none(periods.decision_due, received_date),
        created_by=actor,
    )
    if case.agent_name and not case.agent_relation:
        raise ValidationError("代为申请的，请填写代理申请人与申请人的关系（第四十条）")
    _check_economic(case)
    case.number = _number(unit, case.origin, received_date.year)
    saved(case)
    late = case.forwarding_hours is not None and case.forwarding_hours > periods.FORWARDING_HOURS
    _event(
        actor,
        case,
        "apply",
        f"受理法律援助申请{case.number}（{case.applicant_name}）"
        + ("，办案机关转交超过二十四小时（第三十九条）" if late else ""),
        data={"decision_due": case.decision_due.isoformat() if case.decision_due else None},
    )
    return case


@service
def register_notice(
    *,
    actor,
    unit,
    notifying_organ: str,
    case_organ: str,
    notice_date: datetime.date,
    received_date: datetime.date,
    applicant_name: str,
    applicant_id_number: str,
    matter: str,
    summary: str,
    criminal_charge: str = "",
    life_or_death: bool = False,
    organ_found_date: datetime.date | None = None,
    minor: bool = False,
    elderly: bool = False,
    disabled: bool = False,
    woman: bool = False,
    applicant_gender: str = "",
) -> AidCase:
    """A court's, procuratorate's or police notice to assign a lawyer (第三十六条): no
    review of economic status; the lawyer is assigned within 3 days of receipt."""
    require_line(actor, AidCase.work_line)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记通知辩护（代理）")
    not_future(received_date, "收到通知日期")
    not_future(notice_date, "通知书日期")
    if matter not in NOTIFIED_MATTERS:
        raise ValidationError("通知的事项应为通知辩护（第二十五条）或强制医疗代理（第二十八条）")
    if matter == Matter.COMPULSORY_TREATMENT and notifying_organ != NotifyingOrgan.COURT:
        raise ValidationError("强制医疗案件由人民法院通知（第二十八条）")
    if received_date < notice_date:
        raise ValidationError("收到通知日期不能早于通知书日期")
    if organ_found_date and organ_found_date > notice_date:
        raise ValidationError("办案机关发现应当通知情形的日期不能晚于通知书日期")
    case = AidCase(
        unit=unit,
        origin=Origin.NOTIFIED,
        notifying_organ=notifying_organ,
        case_organ=_text(case_organ),
        notice_date=notice_date,
        organ_found_date=organ_found_date,
        received_date=received_date,
        applicant_name=_text(applicant_name),
        applicant_id_number=_id_number(applicant_id_number),
        applicant_gender=applicant_gender,
        minor=minor,
        elderly=elderly,
        disabled=disabled,
        woman=woman,
        case_type=CaseType.CRIMINAL,
        matter=matter,
        summary=_text(summary),
        criminal_charge=_text(criminal_charge),
        life_or_death=life_or_death,
        economic_check=EconomicCheck.NOT_REQUIRED,
        state=State.GRANTED,
        accepted_date=received_date,
        assignment_due=date_or_none(periods.assignment_due, received_date),
        created_by=actor,
    )
    case.number = _number(unit, Origin.NOTIFIED, received_date.year)
    saved(case)
    late = (case.organ_notice_days or 0) > periods.ORGAN_NOTICE_DAYS
    _event(
        actor,
        case,
        "notice",
        f"收到{case.case_organ}通知，登记{case.number}（{case.applicant_name}）"
        + ("，办案机关未在三日内通知（第三十六条）" if late else ""),
    )
    return case


# — 补正 (第四十三条第二款) —


@service
def request_supplement(
    *, actor, case: AidCase, requested_date: datetime.date, items: str
) -> AidCase:
    CASE_FLOW.check(case, "request_supplement", actor=actor)
    if case.supplement_requested_date is not None:
        raise ValidationError("补正只能一次性告知（法律援助法 第四十三条第二款），本案已告知过")
    not_future(requested_date, "告知补正日期")
    if requested_date < case.received_date:
        raise ValidationError("告知补正日期不能早于收到申请日期")
    if not _text(items):
        raise ValidationError("请一次性写明需要补充的全部材料或需要作出的说明（第四十三条第二款）")
    case.supplement_requested_date = requested_date
    case.supplement_items = _text(items)
    case.supplement_due = date_or_none(periods.supplement_due, requested_date)
    CASE_FLOW.move(case, CASE_FLOW.transition("request_supplement"))
    saved(case)
    _event(actor, case, "supplement", f"一次性告知补正（{requested_date:%Y-%m-%d}）")
    return case


@service
def receive_supplement(*, actor, case: AidCase, received_date: datetime.date) -> AidCase:
    step = CASE_FLOW.check(case, "receive_supplement", actor=actor)
    not_future(received_date, "收到补正材料日期")
    if received_date < case.supplement_requested_date:
        raise ValidationError("收到补正材料日期不能早于告知补正日期")
    case.supplement_received_date = received_date
    # The review period runs again from the day the application is complete (docs/rules.md).
    case.decision_due = date_or_none(periods.decision_due, received_date)
    CASE_FLOW.move(case, step)
    saved(case)
    _event(actor, case, "supplemented", f"收到补正材料（{received_date:%Y-%m-%d}）")
    return case


@service
def deem_withdrawn(*, actor, case: AidCase, on: datetime.date) -> AidCase:
    step = CASE_FLOW.check(case, "deem_withdrawn", actor=actor)
    not_future(on, "日期")
    if case.supplement_due is None or on <= case.supplement_due:
        raise ValidationError(
            f"补正期限（{case.supplement_due:%Y-%m-%d}）尚未届满，不能视为撤回申请"
            if case.supplement_due
            else "补正期限尚未确定，不能视为撤回申请"
        )
    CASE_FLOW.move(case, step)
    saved(case)
    _event(
        actor,
        case,
        "withdrawn",
        "申请人未按要求补充材料或作出说明，视为撤回申请（法律援助法 第四十三条第二款）",
    )
    return case


# — review and decision (第四十三条第一款) —


def _decision_checks(case: AidCase, decided_date: datetime.date, late_reason: str) -> None:
    not_future(decided_date, "决定日期")
    start = case.supplement_received_date or case.received_date
    if decided_date < start:
        raise ValidationError(f"决定日期不能早于{start:%Y-%m-%d}")
    if case.decision_due and decided_date > case.decision_due and not _text(late_reason):
        raise ValidationError(
            f"决定日期已超过法律援助法 第四十三条第一款规定的审查期限（{case.decision_due:%Y-%m-%d}），"
            "请写明逾期原因"
        )


@service
def grant(*, actor, case: AidCase, decided_date: datetime.date, late_reason: str = "") -> AidCase:
    step = CASE_FLOW.check(case, "grant", actor=actor)
    _decision_checks(case, decided_date, late_reason)
    case.decided_date = decided_date
    case.accepted_date = decided_date
    case.late_reason = (
        _text(late_reason) if case.decision_due and decided_date > case.decision_due else ""
    )
    case.reviewed_by = actor
    case.assignment_due = date_or_none(periods.assignment_due, decided_date)
    CASE_FLOW.move(case, step)
    saved(case)
    _event(
        actor,
        case,
        "grant",
        f"决定给予法律援助（{decided_date:%Y-%m-%d}）",
        reason=case.late_reason,
    )
    return case


@service
def refuse(
    *, actor, case: AidCase, decided_date: datetime.date, refusal_reason: str, late_reason: str = ""
) -> AidCase:
    step = CASE_FLOW.check(case, "refuse", actor=actor)
    _decision_checks(case, decided_date, late_reason)
    if not _text(refusal_reason):
        raise ValidationError(
            "决定不给予法律援助的，应当书面告知申请人并说明理由（第四十三条第一款）"
        )
    case.decided_date = decided_date
    case.refusal_reason = _text(refusal_reason)
    case.late_reason = (
        _text(late_reason) if case.decision_due and decided_date > case.decision_due else ""
    )
    case.reviewed_by = actor
    CASE_FLOW.move(case, step)
    saved(case)
    _event(
        actor,
        case,
        "refuse",
        f"决定不予法律援助（{decided_date:%Y-%m-%d}）",
        reason=case.refusal_reason,
    )
    return case


@service
def provide_provisional(
    *,
    actor,
    case: AidCase,
    decided_date: datetime.date,
    provisional_ground: str,
    limitation_end: datetime.date | None = None,
) -> AidCase:
    """第四十四条: aid before the review is complete; the formalities follow."""
    step = CASE_FLOW.check(case, "provide_provisional", actor=actor)
    not_future(decided_date, "决定日期")
    if decided_date < case.received_date:
        raise ValidationError("决定日期不能早于收到申请日期")
    if provisional_ground == ProvisionalGround.LIMITATION:
        if limitation_end is None:
            raise ValidationError("请填写法定时效或者期限届满的日期（第四十四条第一款第一项）")
        left = (limitation_end - decided_date).days
        if left >= periods.PROVISIONAL_DAYS:
            raise ValidationError(
                f"距时效或期限届满（{limitation_end:%Y-%m-%d}）还有{left}日，"
                "不足七日的才可以先行援助（法律援助法 第四十四条第一款第一项）"
            )
        if left < 0:
            raise ValidationError("时效或期限已经届满，不能以此为由先行援助")
    case.provisional_ground = provisional_ground
    case.limitation_end = (
        limitation_end if provisional_ground == ProvisionalGround.LIMITATION else None
    )
    case.decided_date = decided_date
    case.accepted_date = decided_date
    case.reviewed_by = actor
    case.assignment_due = date_or_none(periods.assignment_due, decided_date)
    CASE_FLOW.move(case, step)
    saved(case)
    _event(
        actor,
        case,
        "provisional",
        f"决定先行提供法律援助（{case.get_provisional_ground_display()}）",
    )
    return case


# — assignment —


def experience_problem(case: AidCase, provider: Provider, on: datetime.date) -> str:
    """Why `provider` may not take `case` (第二十六条, 第二十五条), or ""."""
    notified_defence = case.case_type == CaseType.CRIMINAL and case.origin == Origin.NOTIFIED
    if notified_defence and provider.kind != "lawyer":
        return "通知辩护应当指派律师担任辩护人（法律援助法 第二十五条、第三十六条）"
    if case.life_or_death:
        years = provider.years_of_practice(on)
        if provider.kind != "lawyer" or years < 3 or not provider.criminal_experience:
            return (
                f"可能被判处无期徒刑、死刑的人以及死刑复核案件的被告人，应当指派具有三年以上相关执业经历的律师"
                f"（法律援助法 第二十六条）；{provider.name}"
                + (
                    f"执业{years}年"
                    if provider.kind == "lawyer"
                    else f"是{provider.get_kind_display()}"
                )
                + ("" if provider.criminal_experience else "，无刑事辩护执业经历")
            )
    return ""


@service
def assign(
    *,
    actor,
    case: AidCase,
    provider: Provider,
    assigned_date: datetime.date,
    late_reason: str = "",
) -> AidCase:
    step = CASE_FLOW.check(case, "assign", actor=actor)
    not_future(assigned_date, "指派日期")
    if provider.unit_id != case.unit_id or not provider.active:
        raise ValidationError("请选择本机构在册的法律援助人员")
    start = case.decided_date or case.received_date
    if assigned_date < start:
        raise ValidationError(f"指派日期不能早于{start:%Y-%m-%d}")
    problem = experience_problem(case, provider, assigned_date)
    if problem:
        raise ValidationError(problem)
    late = case.assignment_due is not None and assigned_date > case.assignment_due
    if late and not _text(late_reason):
        article = "第三十六条" if case.origin == Origin.NOTIFIED else "第四十三条第一款"
        raise ValidationError(
            f"指派日期已超过法律援助法 {article}规定的三日指派期限（{case.assignment_due:%Y-%m-%d}），请写明逾期原因"
        )
    case.provider = provider
    case.assigned_user = provider.user
    case.assigned_date = assigned_date
    case.assignment_number = _number(
        unit=case.unit, origin=case.origin, year=assigned_date.year, assignment=True
    )
    case.assignment_late_reason = _text(late_reason) if late else ""
    CASE_FLOW.move(case, step)
    saved(case)
    _event(actor, case, "assign", f"指派{provider}承办（{assigned_date:%Y-%m-%d}）")
    return case


@service
def record_progress(
    *, actor, case: AidCase, date: datetime.date, kind: str, note: str = ""
) -> Progress:
    CASE_FLOW.check(case, "record_progress", actor=actor)
    not_future(date, "日期")
    if date < case.assigned_date:
        raise ValidationError(f"办理进展日期不能早于指派日期（{case.assigned_date:%Y-%m-%d}）")
    progress = saved(Progress(case=case, date=date, kind=kind, note=_text(note), recorded_by=actor))
    if kind == "other" and not progress.note:
        raise ValidationError("请写明办理情况")
    _event(
        actor, case, "progress", f"登记办理进展：{progress.get_kind_display()}（{date:%Y-%m-%d}）"
    )
    return progress


@service
def record_agreement(*, actor, case: AidCase, agreement_date: datetime.date) -> AidCase:
    CASE_FLOW.check(case, "record_agreement", actor=actor)
    not_future(agreement_date, "签订委托协议日期")
    if agreement_date < case.assigned_date:
        raise ValidationError("签订委托协议日期不能早于指派日期")
    case.agreement_date = agreement_date
    saved(case)
    _event(actor, case, "agreement", f"签订委托代理（辩护）协议（{agreement_date:%Y-%m-%d}）")
    return case


def _check_concluded(case: AidCase, concluded_date: datetime.date) -> None:
    not_future(concluded_date, "办理结束日期")
    if concluded_date < case.assigned_date:
        raise ValidationError(f"办理结束日期不能早于指派日期（{case.assigned_date:%Y-%m-%d}）")


@service
def record_conclusion(*, actor, case: AidCase, concluded_date: datetime.date) -> AidCase:
    """法律援助法 第五十条: the matter has ended (判决、裁定、调解、仲裁); from this day the
    closure report and the documents are due (periods.CLOSURE_DAYS) and on the due list."""
    CASE_FLOW.check(case, "record_conclusion", actor=actor)
    if case.concluded_date is not None:
        raise ValidationError(f"已登记办理结束日期（{case.concluded_date:%Y-%m-%d}）")
    _check_concluded(case, concluded_date)
    case.concluded_date = concluded_date
    case.closure_due = date_or_none(periods.closure_due, concluded_date)
    saved(case)
    _event(actor, case, "conclusion", f"办理结束（{concluded_date:%Y-%m-%d}），待提交结案材料")
    return case


@service
def close(
    *,
    actor,
    case: AidCase,
    concluded_date: datetime.date | None = None,
    closed_date: datetime.date,
    result: str,
    amount_recovered: Decimal = Decimal(0),
    late_reason: str = "",
) -> AidCase:
    """第五十条: the report and the documents after the matter ended."""
    step = CASE_FLOW.check(case, "close", actor=actor)
    if case.concluded_date is not None:
        # Recorded before (record_conclusion): the clock already runs from that day.
        if concluded_date not in (None, case.concluded_date):
            raise ValidationError(
                f"已登记办理结束日期（{case.concluded_date:%Y-%m-%d}），结案时不能另填"
            )
        concluded_date = case.concluded_date
    if concluded_date is None:
        raise ValidationError("请填写办理结束日期")
    _check_concluded(case, concluded_date)
    not_future(closed_date, "提交结案报告日期")
    if closed_date < concluded_date:
        raise ValidationError("提交结案报告日期不能早于办理结束日期")
    if not _text(result):
        raise ValidationError("请填写办理结果")
    if amount_recovered is not None and amount_recovered < 0:
        raise ValidationError("挽回经济损失不能为负数")
    due = date_or_none(periods.closure_due, concluded_date)
    late = due is not None and closed_date > due
    if late and not _text(late_reason):
        raise ValidationError(
            f"结案报告应于办理结束之日起三十日内（{due:%Y-%m-%d}前）提交（法律援助法 第五十条），请写明逾期原因"
        )
    case.concluded_date = concluded_date
    case.closed_date = closed_date
    case.closure_due = due
    case.result = _text(result)
    case.amount_recovered = amount_recovered or Decimal(0)
    CASE_FLOW.move(case, step)
    saved(case)
    _event(
        actor,
        case,
        "close",
        f"结案（{closed_date:%Y-%m-%d}）：{case.result}",
        reason=_text(late_reason) if late else "",
    )
    return case


@service
def terminate(
    *,
    actor,
    case: AidCase,
    terminated_date: datetime.date,
    termination_ground: str,
    termination_reason: str,
) -> AidCase:
    step = CASE_FLOW.check(case, "terminate", actor=actor)
    not_future(terminated_date, "终止日期")
    if terminated_date < (case.decided_date or case.received_date):
        raise ValidationError("终止日期不能早于决定援助的日期")
    if not termination_ground:
        raise ValidationError("请选择法律援助法 第四十八条第一款规定的终止情形")
    if not _text(termination_reason):
        raise ValidationError("请写明终止法律援助的事实和理由")
    case.terminated_date = terminated_date
    case.termination_ground = termination_ground
    case.termination_reason = _text(termination_reason)
    CASE_FLOW.move(case, step)
    saved(case)
    _event(
        actor,
        case,
        "terminate",
        f"终止法律援助：{case.get_termination_ground_display()}",
        reason=case.termination_reason,
    )
    return case


# — objections (第四十九条) —


@service
def record_objection(
    *, actor, case: AidCase, received_date: datetime.date, grounds: str
) -> Objection:
    CASE_FLOW.check(case, "record_objection", actor=actor)
    not_future(received_date, "收到异议日期")
    decided = case.decided_date if case.state == State.REFUSED else case.terminated_date
    if decided and received_date < decided:
        raise ValidationError("收到异议日期不能早于被异议的决定日期")
    if case.objections.filter(decided_date__isnull=True).exists():
        raise ValidationError("本案已有尚未审查的异议")
    objection = saved(
        Objection(
            case=case,
            against=case.state,
            received_date=received_date,
            grounds=_text(grounds),
            due=date_or_none(periods.objection_due, received_date),
            created_by=actor,
        )
    )
    _event(actor, case, "objection", f"收到对{objection.get_against_display()}的异议")
    return objection


@service
def decide_objection(
    *, actor, case: AidCase, decided_date: datetime.date, outcome: str, decision_note: str = ""
) -> Objection:
    step = CASE_FLOW.check(case, "decide_objection", actor=actor)
    objection = case.objections.filter(decided_date__isnull=True).first()
    if objection is None:
        raise ValidationError("本案没有待审查的异议")
    not_future(decided_date, "审查决定日期")
    if decided_date < objection.received_date:
        raise ValidationError("审查决定日期不能早于收到异议日期")
    if outcome not in Objection.Outcome.values:
        raise ValidationError("请选择维持或责令改正")
    objection.decided_date = decided_date
    objection.outcome = outcome
    objection.decision_note = _text(decision_note)
    saved(objection)
    if outcome == Objection.Outcome.CORRECTED:
        if case.state == State.REFUSED:
            # The agency decides again, within a new review period from the order.
            case.refusal_reason = ""
            case.decided_date = None
            case.received_date = max(case.received_date, decided_date)
            case.decision_due = date_or_none(periods.decision_due, decided_date)
            CASE_FLOW.move(case, step, into=State.RECEIVED)
        else:
            case.terminated_date = None
            case.termination_ground = ""
            case.termination_reason = ""
            CASE_FLOW.move(case, step, into=State.ASSIGNED if case.provider_id else State.GRANTED)
        saved(case)
    late = objection.due is not None and decided_date > objection.due
    _event(
        actor,
        case,
        "objection_decided",
        f"异议审查：{objection.get_outcome_display()}"
        + ("（超过五日，第四十九条）" if late else ""),
    )
    return objection


# — complaints (第五十五条、第五十六条) —


def _complaint_in(case: AidCase, stage: str) -> Complaint:
    complaint = open_complaint(case)
    stages = {
        "received": complaint is not None
        and complaint.accepted_date is None
        and complaint.rejected_date is None,
        "accepted": complaint is not None
        and complaint.accepted_date is not None
        and complaint.handled_date is None,
        "decided": complaint is not None
        and (complaint.handled_date is not None or complaint.rejected_date is not None),
    }
    if not stages[stage]:
        raise ValidationError(
            {
                "received": "本案没有待决定是否受理的投诉",
                "accepted": "本案没有已受理、待办结的投诉",
                "decided": "本案没有已办结（或不予受理）、待告知投诉人的投诉",
            }[stage]
        )
    return complaint


@service
def record_complaint(
    *,
    actor,
    case: AidCase,
    received_date: datetime.date,
    complainant: str,
    relation: str,
    against: str,
    content: str,
    wants_replacement: bool = False,
) -> Complaint:
    """第五十五条: the applicant, the recipient or an interested person complains to the
    司法行政部门 that the agency or the provider did not perform its duty."""
    CASE_FLOW.check(case, "record_complaint", actor=actor)
    not_future(received_date, "收到投诉日期")
    if received_date < case.received_date:
        raise ValidationError("收到投诉日期不能早于收到申请（通知）日期")
    if open_complaint(case) is not None:
        raise ValidationError("本案已有尚未办结的投诉；同一事项的投诉请合并办理")
    if (against == Complaint.Against.PROVIDER or wants_replacement) and case.provider_id is None:
        raise ValidationError(
            "本案尚未指派法律援助人员，不能投诉法律援助人员或请求更换（法律援助法 第五十五条）"
        )
    if not _text(content):
        raise ValidationError("请写明投诉事项、事实和理由（法律援助法 第五十五条）")
    complaint = saved(
        Complaint(
            case=case,
            received_date=received_date,
            complainant=_text(complainant),
            relation=relation,
            against=against,
            content=_text(content),
            wants_replacement=wants_replacement,
            accept_due=date_or_none(periods.complaint_accept_due, received_date),
            created_by=actor,
        )
    )
    _event(
        actor,
        case,
        "complaint",
        f"收到{complaint.complainant}对{complaint.get_against_display()}的投诉"
        + ("，请求更换法律援助人员" if wants_replacement else ""),
    )
    return complaint


@service
def accept_complaint(*, actor, case: AidCase, accepted_date: datetime.date) -> Complaint:
    CASE_FLOW.check(case, "accept_complaint", actor=actor)
    complaint = _complaint_in(case, "received")
    not_future(accepted_date, "受理日期")
    if accepted_date < complaint.received_date:
        raise ValidationError("受理日期不能早于收到投诉日期")
    complaint.accepted_date = accepted_date
    complaint.handle_due = date_or_none(periods.complaint_handle_due, accepted_date)
    saved(complaint)
    late = complaint.accept_due is not None and accepted_date > complaint.accept_due
    _event(
        actor,
        case,
        "complaint_accepted",
        f"受理投诉（{accepted_date:%Y-%m-%d}）" + ("，超过受理期限" if late else ""),
    )
    return complaint


@service
def reject_complaint(
    *, actor, case: AidCase, rejected_date: datetime.date, rejection_reason: str
) -> Complaint:
    CASE_FLOW.check(case, "reject_complaint", actor=actor)
    complaint = _complaint_in(case, "received")
    not_future(rejected_date, "不予受理日期")
    if rejected_date < complaint.received_date:
        raise ValidationError("不予受理日期不能早于收到投诉日期")
    if not _text(rejection_reason):
        raise ValidationError("不予受理投诉的，应当写明理由并告知投诉人（法律援助法 第五十六条）")
    complaint.rejected_date = rejected_date
    complaint.rejection_reason = _text(rejection_reason)
    complaint.reply_due = date_or_none(periods.complaint_reply_due, rejected_date)
    saved(complaint)
    _event(
        actor,
        case,
        "complaint_rejected",
        f"投诉不予受理（{rejected_date:%Y-%m-%d}）",
        reason=complaint.rejection_reason,
    )
    return complaint


@service
def handle_complaint(
    *,
    actor,
    case: AidCase,
    handled_date: datetime.date,
    outcome: str,
    result: str,
    late_reason: str = "",
) -> Complaint:
    """第五十六条: 调查处理 within the period of the setting; a later decision needs its reason."""
    CASE_FLOW.check(case, "handle_complaint", actor=actor)
    complaint = _complaint_in(case, "accepted")
    not_future(handled_date, "办结日期")
    if handled_date < complaint.accepted_date:
        raise ValidationError("办结日期不能早于受理日期")
    if outcome not in Complaint.Outcome.values:
        raise ValidationError("请选择处理结果")
    replaceable = complaint.wants_replacement or complaint.against == Complaint.Against.PROVIDER
    if outcome == Complaint.Outcome.REPLACED and not replaceable:
        raise ValidationError("投诉人未请求更换法律援助人员（第五十五条），请选择其他处理结果")
    if not _text(result):
        raise ValidationError("请写明调查核实的情况和处理意见（法律援助法 第五十六条）")
    late = complaint.handle_due is not None and handled_date > complaint.handle_due
    if late and not _text(late_reason):
        raise ValidationError(
            f"投诉应于{complaint.handle_due:%Y-%m-%d}前办结（法律援助法 第五十六条，"
            f"受理之日起{periods.COMPLAINT_HANDLE_DAYS}日），请写明逾期原因"
        )
    complaint.handled_date = handled_date
    complaint.outcome = outcome
    complaint.result = _text(result)
    complaint.late_reason = _text(late_reason) if late else ""
    complaint.reply_due = date_or_none(periods.complaint_reply_due, handled_date)
    saved(complaint)
    _event(
        actor,
        case,
        "complaint_handled",
        f"投诉办结：{complaint.get_outcome_display()}",
        reason=complaint.late_reason,
    )
    return complaint


@service
def reply_complaint(*, actor, case: AidCase, replied_date: datetime.date) -> Complaint:
    """第五十六条: 及时向投诉人告知处理结果 (or why the complaint was not accepted)."""
    CASE_FLOW.check(case, "reply_complaint", actor=actor)
    complaint = _complaint_in(case, "decided")
    not_future(replied_date, "告知投诉人日期")
    decided = complaint.handled_date or complaint.rejected_date
    if replied_date < decided:
        raise ValidationError("告知投诉人日期不能早于办结（不予受理）日期")
    complaint.replied_date = replied_date
    saved(complaint)
    late = complaint.reply_due is not None and replied_date > complaint.reply_due
    _event(
        actor,
        case,
        "complaint_replied",
        f"向投诉人{complaint.complainant}告知处理结果（{replied_date:%Y-%m-%d}）"
        + ("，超过告知期限（第五十六条“及时”）" if late else ""),
    )
    return complaint


# — quality and subsidies —


@service
def record_quality_check(
    *, actor, case: AidCase, date: datetime.date, method: str, grade: str, note: str = ""
) -> QualityCheck:
    CASE_FLOW.check(case, "record_quality_check", actor=actor)
    not_future(date, "评查日期")
    if case.assigned_date and date < case.assigned_date:
        raise ValidationError("评查日期不能早于指派日期")
    check = saved(
        QualityCheck(
            case=case, date=date, method=method, grade=grade, note=_text(note), checked_by=actor
        )
    )
    if case.graded_date is None or date >= case.graded_date:
        case.quality_grade = grade
        case.graded_date = date
        saved(case)
    _event(
        actor,
        case,
        "quality",
        f"质量评查（{check.get_method_display()}）：{check.get_grade_display()}",
    )
    return check


def standard_for(case: AidCase, on: datetime.date):
    """The standard in force on `on` for the case's type: the latest version from before."""
    return (
        SubsidyStandard.objects.filter(
            unit=case.unit, case_type=case.case_type, effective_from__lte=on
        )
        .order_by("-effective_from")
        .first()
    )


@service
def pay_subsidy(*, actor, case: AidCase, paid_date: datetime.date) -> Subsidy:
    """第五十二条: by the standard in force when the case was archived (结案 or 终止)."""
    CASE_FLOW.check(case, "pay_subsidy", actor=actor)
    not_future(paid_date, "发放日期")
    archived = case.closed_date or case.terminated_date
    if paid_date < archived:
        raise ValidationError("发放日期不能早于结案（终止）日期")
    if case.subsidies.exists():
        raise ValidationError("本案已发放办案补贴")
    standard = standard_for(case, archived)
    if standard is None:
        raise ValidationError(
            f"{archived:%Y-%m-%d}没有施行中的{case.get_case_type_display()}案件补贴标准，请先登记补贴标准"
        )
    if standard.requires_grade and not case.quality_grade:
        raise ValidationError(
            f"按“{standard.version}”，办案补贴须在质量评定后发放：本案尚未评定质量等级（法律援助法 第五十二条、第五十九条）"
        )
    base = standard.base_amount
    performance = standard.performance_amount
    if case.state == State.TERMINATED:
        base = (base * standard.termination_percent / 100).quantize(Decimal("0.01"))
        performance = Decimal(0)
    elif case.quality_grade == Grade.FAIL or (standard.requires_grade and not case.quality_grade):
        performance = Decimal(0)
    subsidy = saved(
        Subsidy(
            case=case,
            standard=standard,
            base=base,
            performance=performance,
            total=base + performance,
            grade=case.quality_grade,
            paid_date=paid_date,
            created_by=actor,
        )
    )
    _event(actor, case, "subsidy", f"发放办案补贴{subsidy.total}元（{paid_date:%Y-%m-%d}）")
    return subsidy


@service
def add_standard(
    *,
    actor,
    unit,
    version: str,
    effective_from: datetime.date,
    case_type: str,
    base_amount: Decimal,
    performance_amount: Decimal,
    requires_grade: bool = True,
    termination_percent: int = 50,
) -> SubsidyStandard:
    """A new version of the standard for one case type, from a date on (older ones stay)."""
    require_line(actor, SubsidyStandard.work_line)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记补贴标准")
    if base_amount < 0 or performance_amount < 0:
        raise ValidationError("补贴金额不能为负数")
    if termination_percent > 100:
        raise ValidationError("终止案件发放比例不能超过100%")
    standard = saved(
        SubsidyStandard(
            unit=unit,
            version=_text(version),
            effective_from=effective_from,
            case_type=case_type,
            base_amount=base_amount,
            performance_amount=performance_amount,
            requires_grade=requires_grade,
            termination_percent=termination_percent,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="legal_aid.standard",
        summary=f"登记补贴标准：{standard}",
        target=standard,
        unit=unit,
    )
    return standard


# — consultations —


@service
def register_consultation(
    *,
    actor,
    unit,
    date: datetime.date,
    channel: str,
    person_name: str,
    question: str,
    answer: str,
    referral: str = "",
    phone: str = "",
) -> Consultation:
    require_line(actor, Consultation.work_line)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记法律咨询")
    not_future(date, "咨询日期")
    consultation = saved(
        Consultation(
            unit=unit,
            date=date,
            channel=channel,
            person_name=_text(person_name),
            phone=_text(phone),
            question=_text(question),
            answer=_text(answer),
            referral=referral or "",
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="legal_aid.consultation",
        summary=f"登记法律咨询（{consultation.get_channel_display()}）",
        target=consultation,
        unit=unit,
    )
    return consultation


@service
def register_duty_service(
    *,
    actor,
    unit,
    date: datetime.date,
    place: str,
    place_name: str,
    provider: Provider,
    persons: int,
    plea_witnessed: int = 0,
    note: str = "",
) -> DutyService:
    """法律援助法 第十四条、第三十条: a duty lawyer's day at a court, procuratorate or
    detention centre, counted in 人次 of 法律帮助."""
    require_line(actor, DutyService.work_line)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记值班律师法律帮助")
    not_future(date, "值班日期")
    if provider.unit_id != unit.pk or provider.kind != ProviderKind.LAWYER:
        raise ValidationError({"provider": f"值班律师应为{unit.name}名册中的律师"})
    duty = saved(
        DutyService(
            unit=unit,
            date=date,
            place=place,
            place_name=_text(place_name),
            provider=provider,
            persons=persons,
            plea_witnessed=plea_witnessed,
            note=_text(note),
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="legal_aid.duty_service",
        summary=f"登记值班律师法律帮助{persons}人次（{duty.place_name}）",
        target=duty,
        unit=unit,
    )
    return duty


@service
def register_outreach_event(
    *,
    actor,
    unit,
    date: datetime.date,
    title: str,
    place: str,
    participants: int = 0,
    audience: str = "",
    note: str = "",
) -> OutreachEvent:
    """法律援助法 第十条: 法律援助宣传教育."""
    require_line(actor, OutreachEvent.work_line)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记法律援助宣传活动")
    not_future(date, "活动日期")
    event = saved(
        OutreachEvent(
            unit=unit,
            date=date,
            title=_text(title),
            place=_text(place),
            audience=_text(audience),
            participants=participants,
            note=_text(note),
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="legal_aid.outreach_event",
        summary=f"登记法律援助宣传活动“{event.title}”",
        target=event,
        unit=unit,
    )
    return event


# — data rules: views of sensitive data, the public lookup —


@service
def record_sensitive_view(*, actor, case: AidCase, parts: list[str]) -> None:
    """个人信息保护法 第二十八条 (sensitive personal information): who saw the economic status or
    the criminal charge of whom, and when."""
    _event(actor, case, "sensitive_view", f"查看{'、'.join(parts)}")


# Settings of the public lookup (docs/rules.md): lookups per address in a window, and failed
# ID checks of one number before it is locked for the window.
LOOKUP_WINDOW_MINUTES = 10
LOOKUP_LIMIT_PER_ADDRESS = 10
LOOKUP_FAILURES_PER_NUMBER = 5


@service
def public_lookup(*, actor, number: str, id_check: str, address: str | None):
    """The state of one application for its applicant: by number and the last six characters
    of the ID number, without an account. Every lookup is logged; a wrong check, an unknown
    number and too many tries all refuse without telling which (no probing of numbers).
    Returns (case, None) or (None, the refusal): the log row stays either way."""
    number = _text(number)[:40]
    since = timezone.now() - datetime.timedelta(minutes=LOOKUP_WINDOW_MINUTES)
    recent = StatusLookup.objects.filter(at__gte=since).aggregate(
        by_address=Count("pk", filter=Q(address=address)),
        failed=Count("pk", filter=Q(number=number, matched=False)),
    )
    refused = (
        recent["by_address"] >= LOOKUP_LIMIT_PER_ADDRESS
        or recent["failed"] >= LOOKUP_FAILURES_PER_NUMBER
    )
    case = None if refused else AidCase.objects.filter(number=number).first()
    check = _text(id_check).upper()
    matched = bool(
        case is not None and len(check) == 6 and case.applicant_id_number.upper().endswith(check)
    )
    lookup = StatusLookup.objects.create(
        address=address, number=number, matched=matched, case=case if matched else None
    )
    outcome = "频繁查询被拒绝" if refused else ("核验通过" if matched else "核验未通过")
    record_event(
        actor=actor,
        action="legal_aid.lookup",
        summary=f"公开查询申请进度{number}：{outcome}",
        target=lookup,
        unit=case.unit if matched else None,
    )
    if refused:
        return None, f"查询过于频繁，请{LOOKUP_WINDOW_MINUTES}分钟后再试"
    if not matched:
        return None, "申请编号与身份证号码后六位不匹配，请核对后再查询"
    return case, None


# — the national system's export —


def _import_matter(case_type: str, origin: str) -> str:
    if case_type == CaseType.CRIMINAL:
        return Matter.NOTIFIED_DEFENCE if origin == Origin.NOTIFIED else Matter.CRIMINAL_DEFENCE
    if case_type == CaseType.STATE_COMPENSATION:
        return Matter.STATE_COMPENSATION
    return Matter.OTHER_CIVIL


@service
def import_cases(*, actor, unit, data) -> int:
    """导入 the national system's export: a row whose 案号 is on file completes that case's
    closure (it must be in handling or closed on the same day); any other row is registered
    as the case it has become. All rows or none (errors by row and column)."""
    from fazhi.core.imports import ImportRefused, RowError

    from .imports import CASES

    require_line(actor, AidCase.work_line)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”导入法律援助案件")
    rows = CASES.read_rows(data)
    providers = {p.name: p for p in Provider.objects.filter(unit=unit, active=True)}
    numbers = [row["national_number"] for row in rows]
    on_file = {
        case.national_number: case
        for case in AidCase.objects.filter(unit=unit, national_number__in=numbers)
    }
    errors = []
    for row in rows:
        try:
            row["applicant_id_number"] = _id_number(row["applicant_id_number"])
        except ValidationError:
            errors.append(
                RowError(row["row"], "身份证号码", "无效（位数、出生日期或校验位不正确）")
            )
        if row["provider"] and row["provider"] not in providers:
            errors.append(
                RowError(row["row"], "承办人员", f"“{row['provider']}”不在本机构法律援助人员名册中")
            )
        case = on_file.get(row["national_number"])
        if case is not None and row["closed_date"]:
            same = case.state == State.CLOSED and case.closed_date == row["closed_date"]
            if case.state == State.ASSIGNED and row["closed_date"] < case.assigned_date:
                errors.append(RowError(row["row"], "结案日期", "不能早于平台记录的指派日期"))
            elif case.state != State.ASSIGNED and not same:
                errors.append(
                    RowError(
                        row["row"],
                        "结案日期",
                        f"平台记录为“{case.get_state_display()}”，与导出数据不一致",
                    )
                )
    if errors:
        raise ImportRefused(sorted(errors, key=lambda error: error.row))
    for row in rows:
        case = on_file.get(row["national_number"])
        if case is None:
            _imported_case(actor, unit, row, providers.get(row["provider"] or ""))
        elif row["closed_date"] and case.state == State.ASSIGNED:
            step = CASE_FLOW.check(case, "close", actor=actor)
            CASE_FLOW.move(case, step)
            case.concluded_date = row["closed_date"]
            case.closed_date = row["closed_date"]
            case.result = row["result"] or "按全国系统导出结案"
            case.amount_recovered = row["amount_recovered"] or Decimal(0)
            saved(case)
    record_event(
        actor=actor,
        action="legal_aid.import",
        summary=f"导入全国法律援助管理信息系统导出案件{len(rows)}件",
        target=unit,
        unit=unit,
    )
    return len(rows)


def _imported_case(actor, unit, row, provider) -> AidCase:
    origin = row["origin"]
    accepted = row["accepted_date"]
    state = State.RECEIVED
    if accepted:
        state = State.GRANTED
    if provider is not None:
        state = State.ASSIGNED
    if row["closed_date"]:
        state = State.CLOSED
    case = AidCase(
        unit=unit,
        origin=origin,
        national_number=row["national_number"],
        applicant_name=row["applicant_name"],
        applicant_id_number=row["applicant_id_number"],
        case_type=row["case_type"],
        matter=_import_matter(row["case_type"], origin),
        summary=row["summary"],
        economic_check=EconomicCheck.NOT_REQUIRED
        if origin == Origin.NOTIFIED
        else EconomicCheck.IMPORTED,
        received_date=row["received_date"],
        accepted_date=accepted,
        decided_date=accepted if origin != Origin.NOTIFIED else None,
        provider=provider,
        assigned_user=provider.user if provider else None,
        assigned_date=accepted if provider else None,
        concluded_date=row["closed_date"],
        closed_date=row["closed_date"],
        result=row["result"] or "",
        amount_recovered=row["amount_recovered"] or Decimal(0),
        state=state,
        created_by=actor,
    )
    case.number = _number(unit, origin, row["received_date"].year)
    if provider is not None:
        case.assignment_number = _number(unit, origin, accepted.year, assignment=True)
    return saved(case)
