"""Every state change of the 公共法律服务 records: one audited, atomic function each."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import add_days, add_working_days, date_or_none
from fazhi.core.guards import not_future, require, require_line, saved
from fazhi.core.models import Unit
from fazhi.core.roles import Action

from .models import (
    AdviserLog,
    Approval,
    ApprovalDecision,
    ContactReferral,
    HotlineContact,
    NotaryComplaint,
    NotaryOffice,
    NotaryReport,
    ServicePoint,
    Village,
    VillageAdviser,
)

# A complaint about a notary is handled within 60 days (setting; docs/rules.md: the 司法部
# 公证投诉处理 rule's period, unverified against its text).
COMPLAINT_DAYS = 60
# 行政许可法 第四十二条第一款: 自受理行政许可申请之日起二十日内作出行政许可决定; 第八十二条:
# 期限以工作日计算，不含法定节假日. 第三十五条's 初审 by a lower body is held to the same 二十日
# (setting; docs/rules.md).
APPROVAL_WORKING_DAYS = 20


def _text(value) -> str:
    return (value or "").strip()


def _may_create(actor, unit, what):
    require_line(actor, ServicePoint.work_line)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记{what}")


def _event(actor, target, unit, action, summary):
    record_event(
        actor=actor, action=f"legal_services.{action}", summary=summary, target=target, unit=unit
    )


def _month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


@service
def register_point(
    *,
    actor,
    unit: Unit,
    name: str,
    level: str,
    established_date: datetime.date,
    address: str = "",
    staff: int = 0,
    hours: str = "",
    services: str = "",
    rating: int | None = None,
) -> ServicePoint:
    _may_create(actor, unit, "公共法律服务站点")
    not_future(established_date, "建成日期")
    point = saved(
        ServicePoint(
            unit=unit,
            name=_text(name),
            level=level,
            address=_text(address),
            staff=staff or 0,
            hours=_text(hours),
            services=_text(services),
            rating=rating or None,
            established_date=established_date,
            created_by=actor,
        )
    )
    _event(actor, point, unit, "point", f"登记{point.get_level_display()}：{point.name}")
    return point


@service
def register_village(
    *, actor, unit: Unit, township: Unit, name: str, listed_date: datetime.date
) -> Village:
    _may_create(actor, unit, "村（居）")
    not_future(listed_date, "列入名册日期")
    area = unit if unit.is_area else unit.parent
    if township.kind != Unit.Kind.TOWNSHIP or township.parent_id != area.pk:
        raise ValidationError(f"请选择{area.name}的乡镇（街道）")
    village = saved(
        Village(
            unit=unit,
            township=township,
            name=_text(name),
            listed_date=listed_date,
            created_by=actor,
        )
    )
    _event(actor, village, unit, "village", f"登记村（居）{village}")
    return village


@service
def remove_village(
    *, actor, village: Village, removed_date: datetime.date, merged_into: Village | None = None
) -> Village:
    """撤并: the village leaves the 一村一法律顾问 roster on `removed_date` (the first day it
    is no longer counted), merged into another village of the roster or simply removed. An
    adviser's term still running then stops counting for it on that day."""
    require(actor, Action.CHANGE, village, "无权撤并该村（居）")
    village = Village.objects.select_for_update().get(pk=village.pk)
    if village.removed_date is not None:
        raise ValidationError(f"{village}已于{village.removed_date:%Y-%m-%d}撤并")
    not_future(removed_date, "撤并日期")
    if removed_date <= village.listed_date:
        raise ValidationError(f"撤并日期应晚于列入名册日期（{village.listed_date:%Y-%m-%d}）")
    if merged_into is not None:
        if merged_into.pk == village.pk:
            raise ValidationError("不能并入本村（居）")
        if merged_into.unit_id != village.unit_id:
            raise ValidationError(f"请选择{village.unit.name}名册中的村（居）")
        require(actor, Action.VIEW, merged_into, "无权查看所选并入的村（居）")
        merged_into = Village.objects.select_for_update().get(pk=merged_into.pk)
        if not merged_into.on_roster(removed_date):
            raise ValidationError(f"{merged_into}在撤并日期不在名册中，不能并入")
    late_log = (
        AdviserLog.objects.filter(adviser__village=village, month__gte=removed_date)
        .order_by("month")
        .first()
    )
    if late_log is not None:
        raise ValidationError(
            f"撤并日期之后已有法律顾问服务记录（{late_log.adviser.name}{late_log.month:%Y年%m月}），"
            "请核对撤并日期"
        )
    village.removed_date = removed_date
    village.merged_into = merged_into
    saved(village)
    # A term running past the removal stops counting on the removal day (left_date).
    for adviser in village.advisers.filter(left_date__gt=removed_date):
        adviser.village = village
        saved(adviser)
    merged = f"，并入{merged_into}" if merged_into else ""
    _event(
        actor,
        village,
        village.unit,
        "village_removed",
        f"{village}于{removed_date:%Y-%m-%d}撤并{merged}",
    )
    return village


@service
def appoint_adviser(
    *,
    actor,
    village: Village,
    name: str,
    kind: str,
    firm: str,
    start: datetime.date,
    end: datetime.date,
    phone: str = "",
) -> VillageAdviser:
    require(actor, Action.CHANGE, village, "无权为该村（居）聘任法律顾问")
    # Locked: one appointment (or 撤并) of the village at a time, each seeing the others.
    village = Village.objects.select_for_update().get(pk=village.pk)
    if end <= start:
        raise ValidationError("聘任截止日期应晚于起始日期")
    if village.removed_date is not None and start >= village.removed_date:
        raise ValidationError(
            f"{village}已于{village.removed_date:%Y-%m-%d}撤并，撤并后不能聘任法律顾问"
        )
    overlap = village.advisers.filter(start__lt=end, end__gt=start).first()
    if overlap is not None:
        raise ValidationError(
            f"{village}在该期间已有法律顾问{overlap.name}（{overlap.start:%Y-%m-%d}至{overlap.end:%Y-%m-%d}）"
        )
    adviser = saved(
        VillageAdviser(
            village=village,
            name=_text(name),
            kind=kind,
            firm=_text(firm),
            phone=_text(phone),
            start=start,
            end=end,
            created_by=actor,
        )
    )
    _event(actor, village, village.unit, "adviser", f"聘任{adviser.name}为{village}法律顾问")
    return adviser


@service
def log_adviser_month(
    *,
    actor,
    village: Village,
    adviser: VillageAdviser,
    month: datetime.date,
    consultations: int = 0,
    disputes: int = 0,
    lectures: int = 0,
    documents: int = 0,
    aid_referrals: int = 0,
) -> AdviserLog:
    require(actor, Action.CHANGE, village, "无权登记该村（居）的法律顾问服务记录")
    village = Village.objects.select_for_update().get(pk=village.pk)
    if adviser.village_id != village.pk:
        raise ValidationError("请选择本村（居）的法律顾问")
    month = _month(month)
    not_future(month, "月份")
    if village.removed_date is not None and month >= village.removed_date:
        raise ValidationError(
            f"{village}已于{village.removed_date:%Y-%m-%d}撤并，不能登记撤并后的服务记录"
        )
    if not (_month(adviser.start) <= month <= adviser.end):
        raise ValidationError(f"{month:%Y年%m月}不在{adviser.name}的聘任期间内")
    if adviser.logs.filter(month=month).exists():
        raise ValidationError(f"{adviser.name}{month:%Y年%m月}的服务记录已登记")
    log = saved(
        AdviserLog(
            adviser=adviser,
            month=month,
            consultations=consultations,
            disputes=disputes,
            lectures=lectures,
            documents=documents,
            aid_referrals=aid_referrals,
            created_by=actor,
        )
    )
    _event(actor, village, village.unit, "adviser_log", f"登记{log}")
    return log


@service
def register_contact(
    *,
    actor,
    unit: Unit,
    contact_date: datetime.date,
    channel: str,
    category: str,
    answered: bool = True,
    duration_minutes: int = 0,
    satisfaction: str = "",
    follow_up: str = "",
    referral: str = "",
    summary: str = "",
) -> HotlineContact:
    _may_create(actor, unit, "12348咨询")
    not_future(contact_date, "日期")
    if not answered and (satisfaction or duration_minutes or referral):
        raise ValidationError("未接通的来电不能登记时长、满意度或转办")
    if satisfaction == "dissatisfied" and not _text(follow_up):
        raise ValidationError("不满意的来电应当回访，请填写回访情况")
    contact = saved(
        HotlineContact(
            unit=unit,
            contact_date=contact_date,
            channel=channel,
            category=_text(category),
            answered=answered,
            duration_minutes=duration_minutes or 0,
            satisfaction=satisfaction or "",
            follow_up=_text(follow_up),
            referral=referral or "",
            summary=_text(summary),
            created_by=actor,
        )
    )
    _event(actor, contact, unit, "contact", f"登记{contact}")
    return contact


# — referrals from 12348 to 法律援助 and 人民调解 ("一端发起、三端响应") —


def _referable(actor, contact: HotlineContact, received_date: datetime.date) -> None:
    require(actor, Action.CHANGE, contact, "无权转介该12348咨询")
    if not contact.answered:
        raise ValidationError("未接通的来电不能转介")
    if contact.referred:
        raise ValidationError("该咨询已转介，不能重复转介")
    if received_date < contact.contact_date:
        raise ValidationError("转入日期不能早于咨询日期")


@service
def refer_to_legal_aid(
    *, actor, contact: HotlineContact, unit: Unit, received_date: datetime.date, **application
):
    """The caller applies for 法律援助 through 12348: the application is registered by the
    legal-aid line's own service (its checks and numbering; the actor must act on that line),
    and the contact and the case name each other."""
    from fazhi.legal_aid import services as legal_aid

    _referable(actor, contact, received_date)
    case = legal_aid.register_application(
        actor=actor,
        unit=unit,
        received_date=received_date,
        referral_reference=contact.reference,
        **application,
    )
    contact.aid_case = case
    contact.referral = ContactReferral.LEGAL_AID
    saved(contact)
    _event(actor, contact, contact.unit, "refer_aid", f"12348咨询转法律援助，受理为{case.number}")
    return contact


@service
def refer_to_mediation(
    *,
    actor,
    contact: HotlineContact,
    committee,
    mediator,
    kind: str,
    applicant: str,
    summary: str,
    received_date: datetime.date,
    respondent: str = "",
):
    """The caller asks for 人民调解 through 12348: the dispute is registered by the mediation
    line's service as the party's application (人民调解法 第十七条), its 来源文号 naming the
    contact."""
    from fazhi.mediation import services as mediation
    from fazhi.mediation.models import Source

    _referable(actor, contact, received_date)
    dispute = mediation.register_dispute(
        actor=actor,
        committee=committee,
        source=Source.APPLICATION,
        source_reference=contact.reference[:100],
        kind=kind,
        summary=summary,
        received_date=received_date,
        mediator=mediator,
        applicant=applicant,
        respondent=respondent,
        referred_date=contact.contact_date,
    )
    contact.dispute = dispute
    contact.referral = ContactReferral.MEDIATION
    saved(contact)
    _event(
        actor,
        contact,
        contact.unit,
        "refer_mediation",
        f"12348咨询转人民调解，受理为{dispute.number}",
    )
    return contact


@service
def register_office(*, actor, unit: Unit, name: str, notaries: int) -> NotaryOffice:
    _may_create(actor, unit, "公证机构")
    # 公证法 第八条第二项: 有二名以上公证员.
    if notaries < 2:
        raise ValidationError("公证机构应当有二名以上公证员（公证法 第八条）")
    office = saved(NotaryOffice(unit=unit, name=_text(name), notaries=notaries, created_by=actor))
    _event(actor, office, unit, "office", f"登记公证机构{office}")
    return office


@service
def report_month(
    *,
    actor,
    office: NotaryOffice,
    month: datetime.date,
    category: str,
    cases: int,
    refusals: int = 0,
    fee_waivers: int = 0,
    timed: int = 0,
    on_time: int = 0,
) -> NotaryReport:
    require(actor, Action.CHANGE, office, "无权登记该公证机构的月报")
    month = _month(month)
    not_future(month, "月份")
    if timed > cases or on_time > timed:
        raise ValidationError("按期出具件数不能多于报送办证日期的件数，后者不能多于办理件数")
    report = saved(
        NotaryReport(
            office=office,
            month=month,
            category=category,
            cases=cases,
            refusals=refusals,
            fee_waivers=fee_waivers,
            timed=timed,
            on_time=on_time,
            created_by=actor,
        )
    )
    _event(actor, office, office.unit, "notary_report", f"登记{report}：{cases}件")
    return report


@service
def register_complaint(
    *, actor, office: NotaryOffice, received_date: datetime.date, content: str, notary: str = ""
) -> NotaryComplaint:
    require(actor, Action.CHANGE, office, "无权登记该公证机构的投诉")
    not_future(received_date, "收到投诉日期")
    complaint = saved(
        NotaryComplaint(
            office=office,
            received_date=received_date,
            notary=_text(notary),
            content=_text(content),
            due=date_or_none(add_days, received_date, COMPLAINT_DAYS),
            created_by=actor,
        )
    )
    _event(actor, office, office.unit, "complaint", f"收到对{office}的投诉")
    return complaint


@service
def handle_complaint(
    *,
    actor,
    office: NotaryOffice,
    complaint: NotaryComplaint,
    handled_date: datetime.date,
    result: str,
) -> NotaryComplaint:
    require(actor, Action.CHANGE, office, "无权办理该公证机构的投诉")
    if complaint.office_id != office.pk:
        raise ValidationError("该投诉不属于本公证机构")
    if complaint.handled_date:
        raise ValidationError("该投诉已办结")
    not_future(handled_date, "办结日期")
    if handled_date < complaint.received_date:
        raise ValidationError("办结日期不能早于收到投诉日期")
    if not _text(result):
        raise ValidationError("请填写处理结果")
    complaint.handled_date = handled_date
    complaint.result = _text(result)
    saved(complaint)
    _event(
        actor, office, office.unit, "complaint_handled", f"办结对{office}的投诉：{complaint.result}"
    )
    return complaint


@service
def import_contacts(*, actor, unit: Unit, data) -> int:
    """导入 the 12348 platform's export: all rows or none."""
    from .imports import CONTACTS

    _may_create(actor, unit, "12348咨询")
    rows = CONTACTS.read_rows(data)
    for row in rows:
        saved(
            HotlineContact(
                unit=unit,
                contact_date=row["contact_date"],
                channel=row["channel"],
                category=row["category"],
                answered=row["answered"],
                duration_minutes=row["duration_minutes"] or 0,
                satisfaction=row["satisfaction"] or "",
                follow_up=row["follow_up"] or "",
                referral=row["referral"] or "",
                created_by=actor,
            )
        )
    record_event(
        actor=actor,
        action="legal_services.import_contacts",
        summary=f"导入12348平台来电记录{len(rows)}条",
        target=unit,
        unit=unit,
    )
    return len(rows)


@service
def register_approval(
    *, actor, unit: Unit, item: str, applicant: str, received_date: datetime.date
) -> Approval:
    """A 司法行政 行政许可 application accepted (受理) on `received_date`."""
    _may_create(actor, unit, "行政审批")
    not_future(received_date, "受理日期")
    approval = saved(
        Approval(
            unit=unit,
            item=item,
            applicant=_text(applicant),
            received_date=received_date,
            due=date_or_none(add_working_days, received_date, APPROVAL_WORKING_DAYS),
            created_by=actor,
        )
    )
    _event(actor, approval, unit, "approval", f"受理{approval}")
    return approval


@service
def decide_approval(
    *,
    actor,
    approval: Approval,
    decided_date: datetime.date,
    decision: str,
    reason: str = "",
) -> Approval:
    """行政许可法 第三十八条: 准予 in writing; 不予 in writing with its reasons."""
    require(actor, Action.CHANGE, approval, "无权办理该审批")
    if approval.decided_date:
        raise ValidationError(f"该审批已于{approval.decided_date:%Y-%m-%d}办结")
    not_future(decided_date, "办结日期")
    if decided_date < approval.received_date:
        raise ValidationError(f"办结日期不能早于受理日期（{approval.received_date:%Y-%m-%d}）")
    if decision == ApprovalDecision.REFUSED and not _text(reason):
        raise ValidationError("不予许可的，应当说明理由（行政许可法 第三十八条第二款）")
    approval.decided_date = decided_date
    approval.decision = decision
    approval.reason = _text(reason)
    saved(approval)
    _event(
        actor,
        approval,
        approval.unit,
        "approval_decided",
        f"{approval.get_decision_display()}：{approval}",
    )
    return approval
