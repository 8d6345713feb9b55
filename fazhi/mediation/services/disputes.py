"""A dispute's file from intake to 回访, its 司法确认, the feedback to the referrer and the 典型案例."""

import datetime
import decimal

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import date_or_none
from fazhi.core.guards import not_future, require, require_line, saved
from fazhi.core.guards import today as guards_today
from fazhi.core.numbering import next_number
from fazhi.core.roles import Action
from fazhi.core.validators import validate_id_number

from .. import deadlines
from ..models import (
    REFERRED_SOURCES,
    Agreement,
    AgreementForm,
    Committee,
    Confirmation,
    ConfirmationResult,
    Dispute,
    EndReason,
    Finding,
    FindingOutcome,
    FollowUp,
    Mediator,
    Party,
    Performance,
    Session,
    Source,
    Status,
    TypicalCase,
)
from ..workflow import DISPUTE_FLOW
from ._common import LINE, _not_before
from .committees import _check_mediator_usable

NUMBER_PATTERN = "（{year}）{abbr}人调字第{serial}号"


# — disputes —


@service
def register_dispute(
    *,
    actor,
    committee: Committee,
    source: str,
    kind: str,
    summary: str,
    received_date: datetime.date,
    mediator: Mediator,
    applicant: str,
    respondent: str = "",
    source_reference: str = "",
    claims: str = "",
    non_public: bool = False,
    simple_procedure: bool = False,
    refused_by_party: bool = False,
    recorder: str = "",
    finding: Finding | None = None,
    referred_date: datetime.date | None = None,
    online: bool = False,
) -> Dispute:
    """受理 a dispute from any source and number its file "（年）××人调字第N号"."""
    require_line(actor, LINE)
    require(actor, Action.CREATE, committee, f"无权为“{committee.name}”受理纠纷")
    if refused_by_party:
        # 人民调解法 第十七条: 当事人一方明确拒绝调解的，不得调解。
        raise ValidationError(
            "当事人一方明确拒绝调解的，不得调解（人民调解法 第十七条）；"
            "请告知当事人可以依法通过仲裁、行政、司法等途径解决"
        )
    if not committee.active:
        raise ValidationError(f"{committee.name}已撤销，不能受理纠纷")
    not_future(received_date, "受理日期")
    reference = source_reference.strip()
    if source in REFERRED_SOURCES and not reference:
        raise ValidationError(
            f"{Source(source).label}的纠纷请填写来源单位及文号（移交单号、法院案号、信访事项号或工单号）"
        )
    if source == Source.COURT_POST_FILING and simple_procedure is None:
        simple_procedure = False
    if not mediator.seats.filter(committee=committee).exists():
        raise ValidationError(f"{mediator.name}不是{committee.name}的调解员")
    _check_mediator_usable(mediator, received_date)
    if not applicant.strip():
        raise ValidationError("请填写当事人（申请人）")
    if finding is not None and (
        finding.dispute_id or finding.screening.committee_id != committee.pk
    ):
        raise ValidationError("该排查发现已转入调解，或不属于本调解组织")
    number = next_number(
        unit=committee.unit,
        kind=f"mediation.dispute.{committee.pk}",
        year=received_date.year,
        pattern=NUMBER_PATTERN.replace("{abbr}", committee.abbreviation),
    )
    dispute = Dispute(
        unit=committee.unit,
        committee=committee,
        number=number.text,
        source=source,
        source_reference=reference,
        simple_procedure=bool(simple_procedure) and source == Source.COURT_POST_FILING,
        kind=kind,
        summary=summary.strip(),
        claims=claims.strip(),
        received_date=received_date,
        non_public=non_public,
        mediator=mediator,
        recorder=recorder.strip(),
        created_by=actor,
    )
    dispute.due_date = date_or_none(
        deadlines.mediation_due, received_date, source, dispute.simple_procedure
    )
    if referred_date is not None:
        not_future(referred_date, "移交日期")
        _not_before(received_date, "受理日期", referred_date, "移交日期")
    dispute.referred_date = referred_date
    dispute.online = online
    if online and referred_date is not None:
        # 人民法院在线调解规则 第十二条: 三个工作日内确认接受 — a late intake is recorded as late.
        dispute.confirm_due = date_or_none(deadlines.confirm_due, referred_date)
        dispute.confirmed_late = bool(dispute.confirm_due and received_date > dispute.confirm_due)
    if source in deadlines.RETURNED_SOURCES:
        dispute.return_due = date_or_none(deadlines.return_due, dispute)
    if source == Source.PETITION:
        # 信访工作条例 第二十三条第三款: the written notice to the petitioner within 15 days.
        dispute.notice_due = date_or_none(deadlines.notice_due, dispute)
    saved(dispute)
    saved(Party(dispute=dispute, role="applicant", name=applicant.strip()))
    if respondent.strip():
        saved(Party(dispute=dispute, role="respondent", name=respondent.strip()))
    if finding is not None:
        finding.dispute = dispute
        finding.outcome = FindingOutcome.CASE
        saved(finding)
    record_event(
        actor=actor,
        action="mediation.register",
        summary=f"受理矛盾纠纷{dispute.number}（{dispute.get_source_display()}）",
        target=dispute,
        unit=dispute.unit,
        data={"due": dispute.due_date.isoformat() if dispute.due_date else None},
    )
    return dispute


@service
def add_party(
    *,
    actor,
    dispute: Dispute,
    role: str,
    name: str,
    gender: str = "",
    ethnicity: str = "",
    age: int | None = None,
    occupation: str = "",
    address: str = "",
    phone: str = "",
    id_number: str = "",
    wants_non_public: bool = False,
) -> Party:
    """A party; one asking for non-public mediation makes the case 不公开 (第二十三条第三项)."""
    DISPUTE_FLOW.check(dispute, "add_party", actor=actor)
    id_number = id_number.strip().upper()
    validate_id_number(id_number)
    party = saved(
        Party(
            dispute=dispute,
            role=role,
            name=name.strip(),
            gender=gender,
            ethnicity=ethnicity.strip(),
            age=age,
            occupation=occupation.strip(),
            address=address.strip(),
            phone=phone.strip(),
            id_number=id_number,
        )
    )
    if wants_non_public and not dispute.non_public:
        dispute.non_public = True
        saved(dispute)
    record_event(
        actor=actor,
        action="mediation.party",
        summary=f"{dispute.number}登记当事人{party.name}",
        target=dispute,
        unit=dispute.unit,
    )
    return party


@service
def record_session(
    *, actor, dispute: Dispute, date: datetime.date, place: str, present: str, record: str
) -> Session:
    """调解记录 (第二十七条)."""
    DISPUTE_FLOW.check(dispute, "record_session", actor=actor)
    not_future(date, "调解日期")
    _not_before(date, "调解日期", dispute.received_date, "受理日期")
    session = saved(
        Session(
            dispute=dispute,
            date=date,
            place=place.strip(),
            present=present.strip(),
            record=record.strip(),
        )
    )
    record_event(
        actor=actor,
        action="mediation.session",
        summary=f"{dispute.number}调解记录（{date:%Y-%m-%d}）",
        target=dispute,
        unit=dispute.unit,
    )
    return session


@service
def extend_period(
    *, actor, dispute: Dispute, extended_due: datetime.date, both_consent: bool, note: str = ""
) -> Dispute:
    """宁波市人民调解条例 第二十七条: 双方当事人要求延长的，可以适当延长."""
    DISPUTE_FLOW.check(dispute, "extend_period", actor=actor)
    if not both_consent:
        raise ValidationError("延长调解期限须经双方当事人同意（宁波市人民调解条例 第二十七条）")
    if extended_due <= (dispute.current_due or dispute.received_date):
        raise ValidationError("延长后的期限应晚于原调解期限")
    dispute.extended_due = extended_due
    dispute.extension_note = note.strip()
    saved(dispute)
    record_event(
        actor=actor,
        action="mediation.extend",
        summary=f"{dispute.number}经双方同意延长调解期限至{extended_due:%Y-%m-%d}",
        target=dispute,
        unit=dispute.unit,
        reason=note.strip(),
    )
    return dispute


def _on_time(dispute: Dispute, day: datetime.date) -> bool | None:
    due = dispute.current_due
    return None if due is None else day <= due


@service
def end_mediation(
    *, actor, dispute: Dispute, reason: str, ended_date: datetime.date, routes_told: str = ""
) -> Dispute:
    """终止调解 on refusal (第十七条), a party's request (第二十三条) or failure (第二十六条)."""
    step = DISPUTE_FLOW.check(dispute, "end_mediation", actor=actor)
    not_future(ended_date, "终止日期")
    _not_before(ended_date, "终止日期", dispute.received_date, "受理日期")
    if reason == EndReason.FAILED and not routes_told.strip():
        # 人民调解法 第二十六条: 调解不成的，应当终止调解，并……告知当事人可以依法通过仲裁、
        # 行政、司法等途径维护自己的权利。
        raise ValidationError(
            "调解不成的，应当告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（人民调解法 第二十六条），请填写告知的途径"
        )
    DISPUTE_FLOW.move(dispute, step)
    dispute.on_time = _on_time(dispute, ended_date)
    dispute.end_reason = reason
    dispute.ended_date = ended_date
    dispute.routes_told = routes_told.strip()
    saved(dispute)
    record_event(
        actor=actor,
        action="mediation.end",
        summary=f"{dispute.number}终止调解：{dispute.get_end_reason_display()}",
        target=dispute,
        unit=dispute.unit,
    )
    return dispute


@service
def record_agreement(
    *,
    actor,
    dispute: Dispute,
    form: str,
    content: str,
    effective_date: datetime.date,
    amount: decimal.Decimal | None = None,
    performance_term: str = "",
    parties_signed: bool = False,
    mediator_signed: bool = False,
    sealed: bool = False,
    photo=None,
) -> Agreement:
    """第二十八至三十条; a photo of the signed paper may be attached."""
    step = DISPUTE_FLOW.check(dispute, "record_agreement", actor=actor)
    not_future(effective_date, "协议生效日期")
    _not_before(effective_date, "协议生效日期", dispute.received_date, "受理日期")
    if not content.strip():
        raise ValidationError("请记录协议内容（人民调解法 第二十八条）")
    if form == AgreementForm.WRITTEN:
        # 第二十九条第二款: 调解协议书自各方当事人签名、盖章或者按指印，人民调解员签名并
        # 加盖人民调解委员会印章之日起生效。
        missing = [
            label
            for done, label in (
                (parties_signed, "各方当事人签名、盖章或者按指印"),
                (mediator_signed, "人民调解员签名"),
                (sealed, "加盖人民调解委员会印章"),
            )
            if not done
        ]
        if missing:
            raise ValidationError(
                f"调解协议书尚未{'、'.join(missing)}，不能生效（人民调解法 第二十九条第二款）"
            )
    agreement = saved(
        Agreement(
            dispute=dispute,
            form=form,
            content=content.strip(),
            amount=amount or 0,
            performance_term=performance_term.strip(),
            parties_signed=parties_signed,
            mediator_signed=mediator_signed,
            sealed=sealed,
            effective_date=effective_date,
            confirmation_due=date_or_none(deadlines.confirmation_due, effective_date),
        )
    )
    DISPUTE_FLOW.move(dispute, step)
    dispute.agreed_date = effective_date
    dispute.on_time = _on_time(dispute, effective_date)
    saved(dispute)
    if photo is not None:
        from fazhi.core.services import attach_file

        attach_file(actor=actor, target=dispute, uploaded_file=photo)
    record_event(
        actor=actor,
        action="mediation.agreement",
        summary=f"{dispute.number}达成{agreement.get_form_display()}（{effective_date:%Y-%m-%d}生效）",
        target=dispute,
        unit=dispute.unit,
    )
    return agreement


@service
def apply_confirmation(*, actor, dispute: Dispute, court: str, applied_date: datetime.date):
    """第三十三条: the parties' joint application within 30 days of the agreement's effect."""
    DISPUTE_FLOW.check(dispute, "apply_confirmation", actor=actor)
    if Confirmation.objects.filter(dispute=dispute).exists():
        raise ValidationError("已登记司法确认申请")
    agreement = dispute.agreement
    not_future(applied_date, "申请日期")
    _not_before(applied_date, "申请日期", agreement.effective_date, "协议生效日期")
    # 人民调解法 第三十三条: 自调解协议生效之日起三十日内共同向人民法院申请司法确认.
    natural_bound = agreement.effective_date + datetime.timedelta(days=deadlines.CONFIRMATION_DAYS)
    if applied_date > natural_bound:
        due = agreement.confirmation_due or deadlines.confirmation_due(agreement.effective_date)
        if applied_date > due:
            raise ValidationError(
                f"申请司法确认应当自调解协议生效之日起三十日内提出（人民调解法 第三十三条），"
                f"期限已于{due:%Y-%m-%d}届满"
            )
    confirmation = saved(
        Confirmation(
            dispute=dispute,
            court=court.strip(),
            applied_date=applied_date,
            acceptance_due=date_or_none(deadlines.acceptance_due, applied_date),
        )
    )
    record_event(
        actor=actor,
        action="mediation.confirmation",
        summary=f"{dispute.number}向{confirmation.court}申请司法确认",
        target=dispute,
        unit=dispute.unit,
    )
    return confirmation


@service
def record_court_decision(
    *,
    actor,
    dispute: Dispute,
    accepted_date: datetime.date | None = None,
    court_number: str = "",
    extended: bool = False,
    result: str = "",
    ground: str = "",
    decided_date: datetime.date | None = None,
):
    """The court's 受理 (2011 规定 第四条, 调确字 number), and its decision (第五条, 第七条)."""
    DISPUTE_FLOW.check(dispute, "record_court_decision", actor=actor)
    confirmation = dispute.confirmation
    not_future(accepted_date, "受理日期")
    not_future(decided_date, "决定日期")
    if accepted_date:
        _not_before(accepted_date, "法院受理日期", confirmation.applied_date, "申请日期")
        if "调确" not in court_number:
            raise ValidationError(
                "法院决定受理的，应当编立“调确字”案号（司法确认程序若干规定 第四条），请填写"
            )
        confirmation.accepted_date = accepted_date
        confirmation.court_number = court_number.strip()
        confirmation.extended = extended
        confirmation.decision_due = date_or_none(deadlines.decision_due, accepted_date, extended)
    if result:
        if result != ConfirmationResult.WITHDRAWN and confirmation.accepted_date is None:
            raise ValidationError("请先登记法院受理日期和调确字案号")
        if decided_date is None:
            raise ValidationError("请填写决定日期")
        start = confirmation.accepted_date or confirmation.applied_date
        _not_before(decided_date, "决定日期", start, "受理日期")
        if result == ConfirmationResult.NOT_CONFIRMED and not ground:
            raise ValidationError("不予确认的，请选择司法确认程序若干规定 第七条的理由")
        confirmation.result = result
        confirmation.ground = ground if result == ConfirmationResult.NOT_CONFIRMED else ""
        confirmation.decided_date = decided_date
    if not accepted_date and not result:
        raise ValidationError("请填写法院受理情况或决定结果")
    saved(confirmation)
    record_event(
        actor=actor,
        action="mediation.court",
        summary=f"{dispute.number}司法确认："
        + (
            confirmation.get_result_display()
            if result
            else f"法院已受理（{confirmation.court_number}）"
        ),
        target=dispute,
        unit=dispute.unit,
    )
    return confirmation


@service
def record_follow_up(
    *,
    actor,
    dispute: Dispute,
    date: datetime.date,
    visitor: str,
    performance: str,
    satisfied: bool = True,
    sued: bool = False,
    risks: str = "",
) -> FollowUp:
    """回访 and performance supervision (第三十一条); full performance closes the case."""
    step = DISPUTE_FLOW.check(dispute, "record_follow_up", actor=actor)
    not_future(date, "回访日期")
    _not_before(date, "回访日期", dispute.agreed_date, "协议生效日期")
    follow_up = saved(
        FollowUp(
            dispute=dispute,
            date=date,
            visitor=visitor.strip(),
            performance=performance,
            satisfied=satisfied,
            sued=sued,
            risks=risks.strip(),
        )
    )
    if performance == Performance.FULL and dispute.status == Status.AGREED:
        DISPUTE_FLOW.move(dispute, step, Status.CLOSED)
        dispute.closed_date = date
        saved(dispute)
    record_event(
        actor=actor,
        action="mediation.follow_up",
        summary=f"{dispute.number}回访：{follow_up.get_performance_display()}",
        target=dispute,
        unit=dispute.unit,
    )
    return follow_up


@service
def record_return(*, actor, dispute: Dispute, returned_date: datetime.date, note: str) -> Dispute:
    """The result told back to the referring court or petition office (诉调/访调对接)."""
    DISPUTE_FLOW.check(dispute, "record_return", actor=actor)
    if dispute.source not in REFERRED_SOURCES:
        raise ValidationError("当事人申请或主动调解的纠纷没有来源单位需要反馈")
    if dispute.returned_date is not None:
        raise ValidationError(f"已于{dispute.returned_date:%Y-%m-%d}反馈来源单位")
    not_future(returned_date, "反馈日期")
    _not_before(returned_date, "反馈日期", dispute.received_date, "受理日期")
    if not note.strip():
        raise ValidationError("请填写反馈情况（调解结果、是否达成协议）")
    dispute.returned_date = returned_date
    dispute.return_note = note.strip()
    saved(dispute)
    late = dispute.return_due is not None and returned_date > dispute.return_due
    record_event(
        actor=actor,
        action="mediation.return",
        summary=f"{dispute.number}向来源单位反馈（{returned_date:%Y-%m-%d}）{'，已逾期' if late else ''}",
        target=dispute,
        unit=dispute.unit,
        data={"late": late},
    )
    return dispute


@service
def record_case_view(*, actor, dispute: Dispute, reason: str) -> Dispute:
    """A county bureau's reading of a case file: who, when, why (worklines.md §2.2(e))."""
    require(actor, Action.VIEW, dispute)
    if not reason.strip():
        raise ValidationError("请填写查阅事由")
    record_event(
        actor=actor,
        action="mediation.view",
        summary=f"查阅调解卷宗{dispute.number}",
        target=dispute,
        unit=dispute.unit,
        reason=reason.strip()[:200],
    )
    return dispute


# — typical cases —

# The village or community first; a street or township only where no village is named.
PLACE_ENDS = (("村", "社区", "居委会"), ("街道", "镇", "乡"))


def anonymise(text: str, parties) -> str:
    """Party names to 张某 (the surname and 某), addresses to the village or community."""
    for party in parties:
        if party.address:
            cut = 0
            for ends in PLACE_ENDS:
                found = [party.address.find(e) + len(e) for e in ends if e in party.address]
                if found:
                    cut = max(found)
                    break
            text = text.replace(party.address, party.address[:cut] if cut else "某地")
        if len(party.name) >= 2:
            text = text.replace(party.name, f"{party.name[0]}某")
    return text


@service
def publish_typical_case(*, actor, dispute: Dispute, title: str, text: str) -> TypicalCase:
    """典型案例, anonymised; refused for a non-public case (第二十三条第三项)."""
    DISPUTE_FLOW.check(dispute, "publish_typical_case", actor=actor)
    if dispute.non_public:
        raise ValidationError(
            "当事人要求不公开调解的案件不能作为典型案例发布（人民调解法 第二十三条）"
        )
    if TypicalCase.objects.filter(dispute=dispute).exists():
        raise ValidationError("该案件已发布为典型案例")
    parties = list(dispute.parties.all())
    case = saved(
        TypicalCase(
            dispute=dispute,
            title=anonymise(title.strip(), parties),
            text=anonymise(text.strip(), parties),
            published_date=guards_today(),
        )
    )
    record_event(
        actor=actor,
        action="mediation.typical_case",
        summary=f"{dispute.number}发布为典型案例",
        target=dispute,
        unit=dispute.unit,
    )
    return case
