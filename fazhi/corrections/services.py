"""Every state change of 社区矫正: keyword-only, atomic, audited, taking the acting user.

Events and their summaries name a subject by its 矫正编号 only, never by an identity field."""

import calendar as month_calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import CalendarYearUnknown, add_working_days
from fazhi.core.guards import not_future, require, require_line, saved, today
from fazhi.core.imports import ImportRefused, RowError
from fazhi.core.models import Unit
from fazhi.core.roles import Action

from . import imports, rows
from .models import (
    Access,
    Category,
    CountReport,
    DailyRecord,
    EndReason,
    Investigation,
    Leave,
    LeaveApprover,
    Linkage,
    LocationOrder,
    LocationPoint,
    ReleasedPerson,
    Sanction,
    SanctionBasis,
    SanctionKind,
    Subject,
    SubjectStatus,
)
from .workflow import INVESTIGATION_FLOW, RESETTLEMENT_FLOW, SUBJECT_FLOW

LINE = "corrections"


def investigation_days(fast_track: bool) -> int:
    """社区矫正法实施办法 第十四条 as reproduced by local rules (text not seen: a setting,
    docs/rules.md): 10 工作日, 5 for 速裁 cases."""
    if fast_track:
        return getattr(settings, "FAZHI_CORRECTIONS_FAST_TRACK_DAYS", 5)
    return getattr(settings, "FAZHI_CORRECTIONS_INVESTIGATION_DAYS", 10)


# The thresholds of leave and sanctions: 社区矫正法实施办法 (司发通〔2020〕59号) as reproduced
# by local rules (worklines.md §2.5(b) [S]/[M]; its text was not seen): settings
# FAZHI_CORRECTIONS_<NAME>, each with its reading in docs/rules.md.
THRESHOLDS = {
    "STATION_LEAVE_DAYS": 7,  # a 司法所 may approve a leave of up to 7 days (entrusted)
    "LEAVE_MAX_DAYS": 30,  # one leave at most 30 days (一个月)
    "ADMONITION_MAX_DAYS": 10,  # late or 脱管 up to 10 days: 训诫; beyond: 警告
    "REVOCATION_LOST_DAYS": 30,  # 脱管 beyond one month (30 days): 提请撤销
    "ADMONITIONS_FOR_WARNING": 2,  # 两次训诫仍不改正: 警告
    "WARNINGS_FOR_REVOCATION": 2,  # 两次警告仍不改正: 提请撤销、收监
}


def threshold(name: str) -> int:
    return getattr(settings, f"FAZHI_CORRECTIONS_{name}", THRESHOLDS[name])


def location_retention_days() -> int:
    """Days after 解除/终止/移出 that location points are kept (setting, docs/rules.md)."""
    return getattr(settings, "FAZHI_CORRECTIONS_LOCATION_RETENTION_DAYS", 30)


def three_months_after(start: datetime.date) -> datetime.date:
    """社区矫正法 第二十九条第二款 (不得超过三个月) counted as 民法典 第二百零一、二百零二条:
    the start day not counted, the period ends on the corresponding day of the third month
    (its last day when the month has none): 2025-03-01 → 2025-06-01, 2025-11-30 → 2026-02-28."""
    month = start.month + 3
    year = start.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    day = min(start.day, month_calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


def _county_unit(actor, unit: Unit) -> None:
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”办理社区矫正事项")
    if unit.kind != Unit.Kind.JUSTICE_BUREAU:
        raise ValidationError(f"社区矫正机构应为县级司法行政机关，“{unit.name}”不是司法局")


def _check(subject, action, *, actor):
    """The flow's check (state, role, scope), then the line's row rules (rows.py)."""
    step = SUBJECT_FLOW.check(subject, action, actor=actor)
    rows.require_row(actor, subject)
    return step


def _check_investigation(investigation, action, *, actor):
    step = INVESTIGATION_FLOW.check(investigation, action, actor=actor)
    rows.require_row(actor, investigation)
    return step


# — 调查评估 —


@service
def register_investigation(
    *,
    actor,
    unit: Unit,
    organ_kind: str,
    organ: str,
    reference: str,
    person_name: str,
    proposed_category: str,
    received_date: datetime.date,
    fast_track: bool = False,
) -> Investigation:
    """社区矫正法 第十八条: an investigation entrusted by a 决定机关; its period runs from the
    委托函's receipt (10 工作日, 5 for 速裁: a setting)."""
    _county_unit(actor, unit)
    _files_counts(unit)
    not_future(received_date, "收到委托函日期")
    if not person_name.strip():
        raise ValidationError("请填写委托函所列的被调查评估对象")
    if Investigation.objects.filter(
        unit=unit, organ=organ.strip(), reference=reference.strip()
    ).exists():
        raise ValidationError(f"已登记{organ}的委托编号{reference}")
    investigation = Investigation(
        unit=unit,
        organ_kind=organ_kind,
        organ=organ.strip(),
        reference=reference.strip(),
        person_name=person_name.strip(),
        proposed_category=proposed_category,
        received_date=received_date,
        fast_track=fast_track,
        created_by=actor,
    )
    try:
        investigation.due_date = add_working_days(received_date, investigation_days(fast_track))
    except CalendarYearUnknown:
        investigation.due_date = None  # shown as waiting for the year's holidays
    saved(investigation)
    record_event(
        actor=actor,
        action="corrections.investigation",
        summary=f"登记调查评估委托：{investigation}",
        target=investigation,
        unit=unit,
    )
    return investigation


@service
def complete_investigation(
    *,
    actor,
    investigation: Investigation,
    visits: str,
    opinions_gathered: str,
    opinion: str,
    opinion_date: datetime.date,
) -> Investigation:
    _check_investigation(investigation, "complete_investigation", actor=actor)
    not_future(opinion_date, "出具评估意见日期")
    if opinion_date < investigation.received_date:
        raise ValidationError("出具评估意见日期不能早于收到委托函日期")
    if not visits.strip():
        raise ValidationError("请填写调查走访情况（居所、家庭和社会关系、一贯表现等，第十八条）")
    investigation.visits = visits.strip()
    investigation.opinions_gathered = opinions_gathered.strip()
    investigation.opinion = opinion
    investigation.opinion_date = opinion_date
    INVESTIGATION_FLOW.move(investigation, INVESTIGATION_FLOW.transition("complete_investigation"))
    saved(investigation)
    record_event(
        actor=actor,
        action="corrections.assessment",
        summary=f"出具调查评估意见：{investigation.get_opinion_display()}{'（逾期）' if investigation.late else ''}",
        target=investigation,
        unit=investigation.unit,
        data={"late": investigation.late},
    )
    return investigation


# — 接收 and the term —


@service
def receive_subject(
    *,
    actor,
    unit: Unit,
    station: Unit,
    number: str,
    name: str,
    community: str,
    category: str,
    decision_organ: str,
    effective_date: datetime.date,
    term_start: datetime.date,
    term_end: datetime.date,
    id_number: str = "",
    address: str = "",
    phone: str = "",
    is_minor: bool = False,
    notice_date: datetime.date | None = None,
    documents_date: datetime.date | None = None,
    reported_date: datetime.date | None = None,
    level: str = "normal",
) -> Subject:
    """社区矫正法 第二十二条: 接收 and registration; the gaps of 第二十、二十一条 are flagged on
    the record (`intake_gaps`), not refused: the subject is received whatever the organ did."""
    _county_unit(actor, unit)
    _files_counts(unit)
    if not station.path.startswith(unit.scope_root.path) or station.kind != Unit.Kind.TOWNSHIP:
        raise ValidationError("受委托司法所应为本县（区）的街道、乡镇")
    for day, label in (
        (effective_date, "生效日期"),
        (notice_date, "收到通知日期"),
        (documents_date, "收到法律文书日期"),
        (reported_date, "报到日期"),
    ):
        not_future(day, label)
    number = number.strip()
    _number_free(number, unit)
    subject = Subject(
        unit=unit,
        station=station,
        number=number,
        name=name.strip(),
        id_number=id_number.strip().upper(),
        address=address.strip(),
        community=community.strip(),
        phone=phone.strip(),
        is_minor=is_minor,
        category=category,
        decision_organ=decision_organ.strip(),
        effective_date=effective_date,
        notice_date=notice_date,
        documents_date=documents_date,
        reported_date=reported_date,
        term_start=term_start,
        term_end=term_end,
        level=level,
        created_by=actor,
    )
    if subject.id_number:
        from fazhi.core.validators import validate_id_number

        try:
            validate_id_number(subject.id_number)
        except ValidationError:
            raise ValidationError("身份证号无效（位数、出生日期或校验位不正确）") from None
    saved(subject)
    subject.handlers.add(actor)
    gaps = subject.intake_gaps()
    record_event(
        actor=actor,
        action="corrections.receive",
        summary=f"接收社区矫正对象{subject}" + (f"（{len(gaps)}项衔接问题）" if gaps else ""),
        target=subject,
        unit=unit,
        data={"gaps": len(gaps)},
    )
    return subject


def _number_free(number: str, unit: Unit) -> None:
    """One record of a number per county, and at most one not transferred out: a subject
    moved here (执行地变更, 第二十七条第二款) is received under its number once the old county
    has recorded the move; that county is not named."""
    if Subject.objects.filter(number=number, unit=unit).exists():
        raise ValidationError(f"矫正编号{number}已被使用")
    if Subject.objects.filter(number=number).exclude(status=SubjectStatus.TRANSFERRED).exists():
        raise ValidationError(
            f"矫正编号{number}是其他县（区）的社区矫正对象，原执行地办理执行地变更移出后才能接收"
        )


@service
def name_handler(*, actor, subject: Subject, user) -> Subject:
    """A named handler of the record (for a minor: the only ones who see it)."""
    _check(subject, "name_handler", actor=actor)
    membership = user.memberships.filter(
        is_active=True, unit__path__startswith=subject.unit.scope_root.path
    ).first()
    if membership is None:
        raise ValidationError("具名执法人员应为本县（区）社区矫正机构或司法所的工作人员")
    subject.handlers.add(user)
    record_event(
        actor=actor,
        action="corrections.handler",
        summary=f"{subject}增加具名执法人员{user.first_name or user.username}",
        target=subject,
        unit=subject.unit,
    )
    return subject


@service
def set_plan(*, actor, subject: Subject, plan: str, team: str, level: str) -> Subject:
    """社区矫正法 第二十四、二十五条: the plan, the 矫正小组 (names and tasks) and the level."""
    _check(subject, "set_plan", actor=actor)
    if not plan.strip():
        raise ValidationError("请填写矫正方案（第二十四条）")
    subject.plan, subject.team, subject.level = plan.strip(), team.strip(), level
    saved(subject)
    record_event(
        actor=actor,
        action="corrections.plan",
        summary=f"{subject}制定矫正方案",
        target=subject,
        unit=subject.unit,
    )
    return subject


@service
def record_daily(
    *, actor, subject: Subject, kind: str, date: datetime.date, note: str = ""
) -> DailyRecord:
    _check(subject, "record_daily", actor=actor)
    not_future(date, "日期")
    entry = saved(DailyRecord(subject=subject, kind=kind, date=date, note=note.strip()))
    record_event(
        actor=actor,
        action="corrections.daily",
        summary=f"{subject}{entry.get_kind_display()}",
        target=subject,
        unit=subject.unit,
    )
    return entry


@service
def approve_leave(
    *,
    actor,
    subject: Subject,
    start: datetime.date,
    end: datetime.date,
    destination: str,
    reason: str,
    approved_by: str,
    approver_level: str = LeaveApprover.COUNTY,
) -> Leave:
    """社区矫正法 第二十七条: leaving the city or county needs the approval of the 社区矫正机构;
    the 实施办法's thresholds (settings, docs/rules.md): a 司法所 approves up to
    STATION_LEAVE_DAYS days, one leave lasts at most LEAVE_MAX_DAYS — both days counted."""
    _check(subject, "approve_leave", actor=actor)
    if end < start:
        raise ValidationError("外出止日期不能早于外出起日期")
    if end > subject.term_end:
        raise ValidationError("外出期间不能超出矫正期限")
    if not approved_by.strip():
        raise ValidationError("请填写批准人（社区矫正法 第二十七条）")
    days = (end - start).days + 1
    if days > threshold("LEAVE_MAX_DAYS"):
        raise ValidationError(
            f"外出{days}日：每次外出不得超过{threshold('LEAVE_MAX_DAYS')}日（社区矫正法实施办法，"
            "本平台设置项）；确需延长的，期满前另行申请批准"
        )
    if approver_level == LeaveApprover.STATION and days > threshold("STATION_LEAVE_DAYS"):
        raise ValidationError(
            f"外出{days}日：超过{threshold('STATION_LEAVE_DAYS')}日的，应由县级社区矫正机构批准，"
            "司法所不能批准（社区矫正法实施办法，本平台设置项）"
        )
    leave = saved(
        Leave(
            subject=subject,
            start=start,
            end=end,
            destination=destination.strip(),
            reason=reason.strip(),
            approved_by=approved_by.strip(),
            approver_level=approver_level,
        )
    )
    record_event(
        actor=actor,
        action="corrections.leave",
        summary=f"{subject}外出审批（{start:%Y-%m-%d}至{end:%Y-%m-%d}）",
        target=subject,
        unit=subject.unit,
    )
    return leave


# Which basis fits which sanction, and the 社区矫正法 article of each proposal's category.
BASES = {
    SanctionKind.ADMONITION: {SanctionBasis.LATE_OR_LOST, SanctionBasis.OTHER},
    SanctionKind.WARNING: {
        SanctionBasis.LATE_OR_LOST,
        SanctionBasis.REPEATED_ADMONITIONS,
        SanctionBasis.OTHER,
    },
    SanctionKind.PUBLIC_SECURITY: {SanctionBasis.OTHER},
    SanctionKind.REVOCATION: {
        SanctionBasis.LATE_OR_LOST,
        SanctionBasis.REPEATED_WARNINGS,
        SanctionBasis.OTHER,
    },
    SanctionKind.RECOMMITMENT: {
        SanctionBasis.LATE_OR_LOST,
        SanctionBasis.REPEATED_WARNINGS,
        SanctionBasis.OTHER,
    },
}
# 第四十六条: 撤销 is of 缓刑、假释; 第四十九条: 收监执行 is of 暂予监外执行 (管制: neither).
REVOCABLE = ({Category.PROBATION, Category.PAROLE}, "缓刑、假释", "第四十六条")
RECOMMITTABLE = ({Category.MEDICAL_PAROLE}, "暂予监外执行", "第四十九条")
PROPOSALS = {SanctionKind.REVOCATION: REVOCABLE, SanctionKind.RECOMMITMENT: RECOMMITTABLE}


def _fits_category(subject, fits, label: str, articles: str = "") -> None:
    categories, noun, article = fits
    if subject.category not in categories:
        raise ValidationError(
            f"{label}只适用于{noun}的社区矫正对象（社区矫正法 {articles}{article}），"
            f"该对象为{subject.get_category_display()}"
        )


def _sanction_thresholds(subject, kind, date, basis, days) -> None:
    """The category a proposal applies to (社区矫正法 第四十六、四十九条) and the thresholds of
    the 实施办法 as read in docs/rules.md (settings): 训诫 for lateness or 脱管 up to
    ADMONITION_MAX_DAYS, 警告 beyond it or after ADMONITIONS_FOR_WARNING 训诫, a proposal for
    脱管 beyond REVOCATION_LOST_DAYS or after WARNINGS_FOR_REVOCATION 警告."""
    if kind in PROPOSALS:
        _fits_category(subject, PROPOSALS[kind], SanctionKind(kind).label)
    if not basis:
        return
    if basis not in BASES.get(kind, set()):
        raise ValidationError(f"“{SanctionBasis(basis).label}”不是{SanctionKind(kind).label}的情形")
    label = SanctionKind(kind).label
    if basis == SanctionBasis.LATE_OR_LOST:
        if not days:
            raise ValidationError("请填写逾期或脱管的天数")
        most = threshold("ADMONITION_MAX_DAYS")
        if kind == SanctionKind.ADMONITION and days > most:
            raise ValidationError(
                f"逾期或脱管{days}日，超过{most}日的应给予警告，不是训诫（社区矫正法实施办法，本平台设置项）"
            )
        if kind == SanctionKind.WARNING and days <= most:
            raise ValidationError(
                f"逾期或脱管{days}日，{most}日以内的给予训诫，不是警告（社区矫正法实施办法，本平台设置项）"
            )
        least = threshold("REVOCATION_LOST_DAYS")
        if kind in PROPOSALS and days <= least:
            raise ValidationError(
                f"脱管{days}日：脱管超过{least}日（一个月）的，方可据此{label}（社区矫正法实施办法，本平台设置项）"
            )
        return
    earlier, needed = {
        SanctionBasis.REPEATED_ADMONITIONS: (SanctionKind.ADMONITION, "ADMONITIONS_FOR_WARNING"),
        SanctionBasis.REPEATED_WARNINGS: (SanctionKind.WARNING, "WARNINGS_FOR_REVOCATION"),
    }.get(basis, (None, None))
    if earlier is None:
        return
    count = Sanction.objects.filter(
        subject=subject, kind=earlier, date__gte=subject.term_start, date__lte=date
    ).count()
    if count < threshold(needed):
        raise ValidationError(
            f"本矫正期内已受{SanctionKind(earlier).label}{count}次：受到{SanctionKind(earlier).label}"
            f"{threshold(needed)}次仍不改正的，方可据此{label}（社区矫正法实施办法，本平台设置项）"
        )


@service
def record_sanction(
    *,
    actor,
    subject: Subject,
    kind: str,
    date: datetime.date,
    ground: str,
    basis: str = "",
    days: int | None = None,
) -> Sanction:
    """社区矫正法 第二十八条 (表扬、训诫、警告、提请治安管理处罚) and 第四十六、四十九条 (提请撤销、
    收监). A proposal to revoke needs a stated ground (第四十六条第三款: 应当说明理由); the
    thresholds: `_sanction_thresholds`."""
    _check(subject, "record_sanction", actor=actor)
    not_future(date, "决定日期")
    if not ground.strip():
        raise ValidationError("请填写事实和理由（社区矫正法 第二十八条、第四十六条第三款）")
    if date < subject.term_start:
        raise ValidationError("决定日期不能早于矫正期限起")
    _sanction_thresholds(subject, kind, date, basis, days)
    sanction = saved(
        Sanction(
            subject=subject,
            kind=kind,
            date=date,
            ground=ground.strip(),
            basis=basis,
            days=days if basis == SanctionBasis.LATE_OR_LOST else None,
        )
    )
    record_event(
        actor=actor,
        action="corrections.sanction",
        summary=f"{subject}{sanction.get_kind_display()}（{date:%Y-%m-%d}）",
        target=subject,
        unit=subject.unit,
    )
    return sanction


# — 电子定位 —


@service
def order_location(
    *,
    actor,
    subject: Subject,
    ground: str,
    approver: str,
    approved_date: datetime.date,
    start: datetime.date,
    end: datetime.date,
    device: str = "",
    extends: LocationOrder | None = None,
) -> LocationOrder:
    """社区矫正法 第二十九条: one of the five grounds, approved by the county 负责人, at most
    three months; a continued use is a new approved order (每次不得超过三个月)."""
    _check(subject, "order_location", actor=actor)
    not_future(approved_date, "批准日期")
    if not approver.strip():
        raise ValidationError("请填写批准的县级司法行政部门负责人（第二十九条第一款）")
    if start < approved_date:
        raise ValidationError("电子定位不能早于批准日期开始")
    if end < start:
        raise ValidationError("电子定位终止日期不能早于起始日期")
    limit = three_months_after(start)
    if end > limit:
        raise ValidationError(
            f"电子定位期限不得超过三个月（社区矫正法 第二十九条第二款）：自{start:%Y-%m-%d}起最迟至"
            f"{limit:%Y-%m-%d}；期满仍需使用的，经评估后另行批准延长"
        )
    if extends is not None:
        if extends.subject_id != subject.pk:
            raise ValidationError("延长的前次决定不属于该社区矫正对象")
        if start != extends.end + datetime.timedelta(days=1):
            raise ValidationError(
                f"延长应自前次决定期满次日（{extends.end + datetime.timedelta(days=1):%Y-%m-%d}）起"
            )
    overlapping = LocationOrder.objects.filter(subject=subject, start__lte=end, end__gte=start)
    if overlapping.exists():
        raise ValidationError("与已批准的电子定位期间重叠")
    order = saved(
        LocationOrder(
            subject=subject,
            ground=ground,
            approver=approver.strip(),
            approved_date=approved_date,
            start=start,
            end=end,
            device=device.strip(),
            extends=extends,
        )
    )
    record_event(
        actor=actor,
        action="corrections.location_order",
        summary=f"{subject}电子定位（{start:%Y-%m-%d}至{end:%Y-%m-%d}）{'延长' if extends else ''}",
        target=subject,
        unit=subject.unit,
    )
    return order


@service
def record_location(
    *, actor, subject: Subject, recorded_at: datetime.datetime, latitude, longitude
) -> LocationPoint:
    """第二十九条: location data only under an approved order and within its period."""
    _check(subject, "record_location", actor=actor)
    day = (
        timezone.localtime(recorded_at).date()
        if timezone.is_aware(recorded_at)
        else recorded_at.date()
    )
    order = LocationOrder.objects.filter(subject=subject, start__lte=day, end__gte=day).first()
    if order is None:
        raise ValidationError(
            f"{day:%Y-%m-%d}不在任何已批准的电子定位期间内，不得采集定位信息（社区矫正法 第二十九条）"
        )
    point = saved(
        LocationPoint(
            subject=subject,
            order=order,
            recorded_at=recorded_at,
            latitude=latitude,
            longitude=longitude,
        )
    )
    record_event(
        actor=actor,
        action="corrections.location_point",
        summary=f"{subject}定位记录",
        target=subject,
        unit=subject.unit,
    )
    return point


@service
def purge_location_points(*, actor, on: datetime.date | None = None) -> int:
    """Remove the points of subjects whose term ended (解除、终止、移出) more than the setting's
    days ago (第二十九条第三款: only for 社区矫正; docs/rules.md). Returns how many."""
    on = on or today()
    cutoff = on - datetime.timedelta(days=location_retention_days())
    removed = 0
    for subject in Subject.objects.exclude(status=SubjectStatus.SUPERVISED):
        ended = subject.released_date or subject.end_date or subject.transfer_date
        if ended is None or ended >= cutoff:
            continue
        points = list(LocationPoint.objects.filter(subject=subject))
        if not points:
            continue
        for point in points:
            point.delete()
        removed += len(points)
        record_event(
            actor=actor,
            action="corrections.location_purge",
            summary=f"{subject}解矫后删除定位记录{len(points)}条",
            target=subject,
            unit=subject.unit,
            data={"removed": len(points)},
        )
    return removed


# — the end of the term —


@service
def transfer_subject(
    *, actor, subject: Subject, transfer_to: str, transfer_date: datetime.date
) -> Subject:
    """社区矫正法 第二十七条第二款: a change of the place of execution."""
    step = _check(subject, "transfer_subject", actor=actor)
    not_future(transfer_date, "执行地变更日期")
    if not transfer_to.strip():
        raise ValidationError("请填写变更后的执行地")
    if not subject.term_start <= transfer_date <= subject.term_end:
        raise ValidationError(
            f"执行地变更日期应在矫正期限内（{subject.term_start:%Y-%m-%d}至"
            f"{subject.term_end:%Y-%m-%d}）；期满的应解除矫正（第四十四条）"
        )
    subject.transfer_to, subject.transfer_date = transfer_to.strip(), transfer_date
    subject.left_date = transfer_date
    SUBJECT_FLOW.move(subject, step)
    saved(subject)
    record_event(
        actor=actor,
        action="corrections.transfer",
        summary=f"{subject}执行地变更移出",
        target=subject,
        unit=subject.unit,
    )
    return subject


@service
def release_subject(
    *, actor, subject: Subject, released_date: datetime.date, certificate_number: str
) -> Subject:
    """社区矫正法 第四十四条: at the term's end the 解除社区矫正证明书 is issued."""
    step = _check(subject, "release_subject", actor=actor)
    not_future(released_date, "解除矫正日期")
    if released_date < subject.term_end:
        raise ValidationError(
            f"矫正期限至{subject.term_end:%Y-%m-%d}届满，期满前不能解除矫正（第四十四条）"
        )
    if not certificate_number.strip():
        raise ValidationError("请填写解除社区矫正证明书编号（第四十四条）")
    subject.released_date, subject.certificate_number = released_date, certificate_number.strip()
    subject.left_date = released_date
    SUBJECT_FLOW.move(subject, step)
    saved(subject)
    record_event(
        actor=actor,
        action="corrections.release",
        summary=f"{subject}解除社区矫正（证明书{subject.certificate_number}）",
        target=subject,
        unit=subject.unit,
    )
    return subject


# 第四十五条's reasons and whom each applies to (死亡: anyone).
END_REASONS = {EndReason.REVOKED: REVOCABLE, EndReason.RECOMMITTED: RECOMMITTABLE}


@service
def terminate_subject(
    *, actor, subject: Subject, end_reason: str, end_date: datetime.date, new_crime: bool = False
) -> Subject:
    """社区矫正法 第四十五条: 撤销缓刑、假释, 收监执行 or death end the correction;
    `new_crime`: the revocation or recommitment is for a crime committed during the term
    (第四十六条第二款; corrections.reoffended)."""
    step = _check(subject, "terminate_subject", actor=actor)
    not_future(end_date, "终止日期")
    if end_date < subject.term_start:
        raise ValidationError("终止日期不能早于矫正期限起")
    if end_reason in END_REASONS:
        label = f"“{EndReason(end_reason).label}”"
        _fits_category(subject, END_REASONS[end_reason], label, "第四十五条、")
    if new_crime and end_reason not in END_REASONS:
        raise ValidationError("重新犯罪的，矫正因撤销缓刑、假释或收监执行而终止，不是因死亡")
    subject.end_reason, subject.end_date, subject.new_crime = end_reason, end_date, new_crime
    subject.left_date = end_date
    SUBJECT_FLOW.move(subject, step)
    saved(subject)
    record_event(
        actor=actor,
        action="corrections.terminate",
        summary=f"{subject}矫正终止：{subject.get_end_reason_display()}",
        target=subject,
        unit=subject.unit,
    )
    return subject


# — 申请查看 —


@service
def reveal(*, actor, record, field: str, reason: str = "") -> Access:
    """申请查看 one identity field of a subject or an investigation the actor sees: granted
    with a reason to the county's staff, refused otherwise — recorded either way (who, when,
    which field, why); the returned Access says which (`granted`, `refusal`)."""
    refusal = ""
    labels = type(record).identity_fields
    if field not in labels:
        refusal = "该字段不是可申请查看的身份信息"
    elif rows.identity_access(actor, record) != rows.REVEAL:
        refusal = "上级机关查看的社区矫正记录不含身份信息，不能申请查看（社区矫正法 第四条、个人信息保护法 第三十四条）"
    elif len(reason.strip()) < 4:
        refusal = (
            "申请查看身份信息须写明理由（至少4个字；个人信息保护法 第六条、社区矫正法 第二十六条）"
        )
    access = Access(
        unit=record.unit,
        subject=record if isinstance(record, Subject) else None,
        investigation=record if isinstance(record, Investigation) else None,
        person=record if isinstance(record, ReleasedPerson) else None,
        field=field[:20],
        reason=reason.strip()[:200],
        granted=not refusal,
        refusal=refusal,
        created_by=actor,
    )
    saved(access)
    record_event(
        actor=actor,
        action="corrections.reveal" if access.granted else "corrections.reveal_refused",
        summary=f"{'查看' if access.granted else '拒绝查看'}{record}的{labels.get(field, field)}",
        target=record,
        unit=record.unit,
        reason=access.reason,
    )
    return access


# — import from the provincial platform —

IMPORTED = (
    "station",
    "community",
    "category",
    "decision_organ",
    "effective_date",
    "term_start",
    "term_end",
)


@service
def import_subjects(*, actor, unit: Unit, data) -> int:
    """The provincial platform's export, by 矫正编号: a known number is updated, a new one
    created, never duplicated; a number of another county's subject is that row's error (its
    county is not named). All rows or none."""
    _county_unit(actor, unit)
    _files_counts(unit)
    parsed = imports.SUBJECTS.read_rows(data)
    district = unit.scope_root
    stations = {
        s.name: s
        for s in Unit.objects.filter(kind=Unit.Kind.TOWNSHIP, path__startswith=district.path)
    }
    numbers = [r["number"] for r in parsed]
    existing = {
        s.number: s
        for s in Subject.objects.filter(number__in=numbers).exclude(
            status=SubjectStatus.TRANSFERRED
        )
    }
    moved_out = set(
        Subject.objects.filter(
            number__in=numbers, unit=unit, status=SubjectStatus.TRANSFERRED
        ).values_list("number", flat=True)
    )
    errors, seen = [], set()
    for row in parsed:
        number = row["number"]
        if number in seen:
            errors.append(RowError(row["row"], "矫正编号", "在表格中重复"))
        seen.add(number)
        found = existing.get(number)
        if found is not None and found.unit_id != unit.pk:
            errors.append(
                RowError(row["row"], "矫正编号", f"{number}是其他县（区）的社区矫正对象，不能导入")
            )
        elif found is None and number in moved_out:
            errors.append(
                RowError(row["row"], "矫正编号", f"{number}已由本县（区）办理执行地变更移出")
            )
        if row["station"] not in stations:
            errors.append(
                RowError(row["row"], "司法所", f"“{row['station']}”不是本县（区）的街道、乡镇")
            )
        else:
            row["station"] = stations[row["station"]]
        if row["status"] == SubjectStatus.RELEASED and not (
            row["released_date"] and row["certificate_number"]
        ):
            errors.append(
                RowError(
                    row["row"], "解除日期", "解除矫正的须填写解除日期和证明书编号（第四十四条）"
                )
            )
        if row["term_end"] and row["term_start"] and row["term_end"] < row["term_start"]:
            errors.append(RowError(row["row"], "矫正期限止", "不能早于矫正期限起"))
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
    for row in parsed:
        subject = existing.get(row["number"]) or Subject(
            unit=unit, number=row["number"], created_by=actor
        )
        for field in IMPORTED:
            setattr(subject, field, row[field] if row[field] is not None else "")
        subject.status = row["status"]
        if row["status"] == SubjectStatus.RELEASED:
            subject.released_date, subject.certificate_number = (
                row["released_date"],
                row["certificate_number"],
            )
        saved(subject)
    record_event(
        actor=actor,
        action="corrections.import",
        summary=f"从省智慧矫正平台导入社区矫正对象{len(parsed)}条",
        target=unit,
        unit=unit,
        data={"rows": len(parsed)},
    )
    return len(parsed)


def _files_counts(unit: Unit) -> None:
    """A county files either rows or counts (CountReport): never both (the figures would
    count it twice; the engine keeps its rows' and drops its reports anyway)."""
    if CountReport.objects.filter(unit=unit).exists():
        raise ValidationError(
            f"“{unit.name}”以数量月报报送社区矫正数据（对象在省智慧矫正平台登记），"
            "不在本平台登记对象或调查评估；如改为在本平台登记，请先联系系统管理员删除其数量月报"
        )


def _keeps_rows(unit: Unit) -> bool:
    return (
        Subject.objects.filter(unit=unit).exists()
        or Investigation.objects.filter(unit=unit).exists()
    )


@service
def import_counts(*, actor, unit: Unit, data) -> int:
    """The monthly counts of a county with no local rows (its subjects are kept in the
    provincial platform only): one row per month, a month already filed is replaced, never
    added twice; a month in the future or a county that keeps rows here is refused. All rows
    or none."""
    _county_unit(actor, unit)
    if _keeps_rows(unit):
        raise ImportRefused(
            [
                RowError(
                    0,
                    "文件",
                    f"“{unit.name}”在本平台登记了社区矫正对象或调查评估，统计数据由记录计算，"
                    "不能再导入数量月报（否则重复计算）",
                )
            ]
        )
    parsed = imports.COUNTS.read_rows(data)  # rows and months checked there (_check_counts)
    seen = {row["month"] for row in parsed}
    existing = {r.month: r for r in CountReport.objects.filter(unit=unit, month__in=seen)}
    for row in parsed:
        report = existing.get(row["month"]) or CountReport(
            unit=unit, month=row["month"], created_by=actor
        )
        for field in imports.COUNT_FIELDS:
            setattr(report, field, row[field])
        for field in imports.OPTIONAL_FIELDS:
            setattr(report, field, row[field] or 0)
        saved(report)
    record_event(
        actor=actor,
        action="corrections.import_counts",
        summary=f"导入社区矫正数量月报{len(parsed)}个月（{min(seen):%Y-%m}至{max(seen):%Y-%m}）",
        target=unit,
        unit=unit,
        data={"months": len(parsed), "replaced": len(existing)},
    )
    return len(parsed)


# — 安置帮教 —


def resettlement_years() -> int:
    """帮教期 after release: 5 years in the Fujian rule (worklines.md §2.5 [S]); a setting."""
    return getattr(settings, "FAZHI_RESETTLEMENT_YEARS", 5)


@service
def register_released(
    *,
    actor,
    unit: Unit,
    number: str,
    name: str,
    community: str,
    prison: str,
    release_date: datetime.date,
    id_number: str = "",
    intake_date: datetime.date | None = None,
    intake_notice_date: datetime.date | None = None,
    release_notice_date: datetime.date | None = None,
    is_key: bool = False,
) -> ReleasedPerson:
    """上海市安置帮教工作规定 第六、七条: the prison's notices are recorded and late or missing
    ones flagged (`notice_gaps`); the 帮教期 runs from the release (a setting)."""
    _county_unit(actor, unit)
    for day, label in (
        (intake_notice_date, "收到入监告知日期"),
        (release_notice_date, "收到释放前通知日期"),
    ):
        not_future(day, label)
    if intake_date and release_date < intake_date:
        raise ValidationError("刑满释放日期不能早于入监日期")
    if ReleasedPerson.objects.filter(number=number.strip()).exists():
        raise ValidationError(f"帮教编号{number}已被使用")
    person = ReleasedPerson(
        unit=unit,
        number=number.strip(),
        name=name.strip(),
        id_number=id_number.strip().upper(),
        community=community.strip(),
        prison=prison.strip(),
        intake_date=intake_date,
        intake_notice_date=intake_notice_date,
        release_date=release_date,
        release_notice_date=release_notice_date,
        is_key=is_key,
        created_by=actor,
    )
    from fazhi.core.calendar import shift_years

    person.period_end = shift_years(release_date, resettlement_years())
    saved(person)
    record_event(
        actor=actor,
        action="corrections.released_person",
        summary=f"登记安置帮教对象{person.number}",
        target=person,
        unit=unit,
    )
    return person


@service
def record_linkage(
    *, actor, person: ReleasedPerson, linkage: str, linkage_date: datetime.date
) -> ReleasedPerson:
    """第七条第二款: the family collects the person, or the 街镇 helps them home; 未衔接 is
    recorded as such."""
    step = RESETTLEMENT_FLOW.check(person, "record_linkage", actor=actor)
    rows.require_row(actor, person)
    not_future(linkage_date, "衔接日期")
    if linkage == Linkage.AWAITING:
        raise ValidationError("请选择衔接结果")
    if linkage_date < person.release_date - datetime.timedelta(days=30):
        raise ValidationError("衔接日期不能早于刑释前三十日")
    person.linkage_date = linkage_date
    RESETTLEMENT_FLOW.move(person, step, linkage)
    saved(person)
    record_event(
        actor=actor,
        action="corrections.linkage",
        summary=f"{person.number}衔接：{person.get_linkage_display()}",
        target=person,
        unit=person.unit,
    )
    return person


@service
def record_placement(
    *, actor, person: ReleasedPerson, placement: str, assisted: bool = True
) -> ReleasedPerson:
    """第八、十三条: 帮教 and 安置 (work, social aid, the transitional base)."""
    RESETTLEMENT_FLOW.check(person, "record_placement", actor=actor)
    rows.require_row(actor, person)
    person.placement, person.assisted = placement, assisted
    saved(person)
    record_event(
        actor=actor,
        action="corrections.placement",
        summary=f"{person.number}安置：{person.get_placement_display() or '未安置'}",
        target=person,
        unit=person.unit,
    )
    return person
