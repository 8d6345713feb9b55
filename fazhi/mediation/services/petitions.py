"""A petition-linked matter (访调对接), recorded on the dispute the petition office referred:
the office's 登记 and 转送/交办 (告知) within 15 days (信访工作条例 第二十二条), the one extension
of the 60-day handling period (第三十四条), and the 复查 and 复核 (第三十五、三十六条): the
petitioner's request within 30 days of receiving the written reply, the reviewing body's opinion
within 30 days of the request."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import date_or_none
from fazhi.core.guards import not_future, saved

from .. import deadlines
from ..models import Dispute, PetitionReview, ReviewStage, RouteWay, Source
from ..workflow import DISPUTE_FLOW
from ._common import _not_before


def _open_review(dispute: Dispute) -> PetitionReview | None:
    return dispute.petition_reviews.filter(opinion_date__isnull=True).first()


@service
def request_petition_review(
    *,
    actor,
    dispute: Dispute,
    body: str,
    reply_received_date: datetime.date,
    requested_date: datetime.date,
) -> PetitionReview:
    """The petitioner asks the next body up: 复查 after the 处理意见, 复核 after the 复查意见."""
    DISPUTE_FLOW.check(dispute, "request_petition_review", actor=actor)
    if dispute.source != Source.PETITION:
        raise ValidationError("只有信访部门转办的纠纷登记信访复查、复核")
    stages = {r.stage: r for r in dispute.petition_reviews.all()}
    if ReviewStage.RE_REVIEW in stages:
        # 信访工作条例 第三十六条第三款
        raise ValidationError(
            "信访人对复核意见不服，仍然以同一事实和理由提出投诉请求的，不再受理"
            "（信访工作条例 第三十六条第三款）"
        )
    if _open_review(dispute) is not None:
        raise ValidationError("上一程序尚未提出意见")
    stage = ReviewStage.RE_REVIEW if ReviewStage.REVIEW in stages else ReviewStage.REVIEW
    article = "第三十六条" if stage == ReviewStage.RE_REVIEW else "第三十五条"
    if not body.strip():
        raise ValidationError(f"请填写{ReviewStage(stage).label}机关（原办理机关的上一级）")
    not_future(reply_received_date, "收到书面答复日期")
    not_future(requested_date, "收到请求日期")
    if stage == ReviewStage.RE_REVIEW:
        previous = stages[ReviewStage.REVIEW]
        _not_before(reply_received_date, "收到复查意见日期", previous.opinion_date, "复查意见日期")
    else:
        _not_before(reply_received_date, "收到书面答复日期", dispute.received_date, "受理日期")
    _not_before(requested_date, "收到请求日期", reply_received_date, "收到书面答复日期")
    request_due = deadlines.review_request_due(reply_received_date)
    if requested_date > request_due:
        raise ValidationError(
            f"{ReviewStage(stage).label}请求应当自收到书面答复之日起三十日内提出"
            f"（信访工作条例 {article}），期限为{request_due:%Y-%m-%d}，"
            f"{requested_date:%Y-%m-%d}已超过期限"
        )
    review = saved(
        PetitionReview(
            dispute=dispute,
            stage=stage,
            body=body.strip(),
            reply_received_date=reply_received_date,
            request_due=request_due,
            requested_date=requested_date,
            opinion_due=date_or_none(deadlines.review_opinion_due, requested_date, 0),
        )
    )
    record_event(
        actor=actor,
        action="mediation.petition_review",
        summary=f"{dispute.number}信访人请求{review.get_stage_display()}（{review.body}）",
        target=dispute,
        unit=dispute.unit,
        data={"stage": stage, "opinion_due": review.opinion_due and review.opinion_due.isoformat()},
    )
    return review


@service
def record_review_opinion(
    *,
    actor,
    dispute: Dispute,
    opinion_date: datetime.date,
    opinion: str,
    hearing_days: int = 0,
) -> PetitionReview:
    """The 复查 or 复核 opinion; a 复核's hearing days are not counted in its 30 days."""
    DISPUTE_FLOW.check(dispute, "record_review_opinion", actor=actor)
    review = _open_review(dispute)
    if review is None:
        raise ValidationError("没有待提出意见的复查或复核")
    if hearing_days and review.stage != ReviewStage.RE_REVIEW:
        raise ValidationError("听证只适用于复核（信访工作条例 第三十六条第二款）")
    if hearing_days < 0:
        raise ValidationError("听证所用天数不能为负数")
    not_future(opinion_date, "提出意见日期")
    _not_before(opinion_date, "提出意见日期", review.requested_date, "收到请求日期")
    if not opinion.strip():
        raise ValidationError(f"请填写{review.get_stage_display()}意见")
    review.hearing_days = hearing_days
    review.opinion_due = date_or_none(
        deadlines.review_opinion_due, review.requested_date, hearing_days
    )
    review.opinion_date = opinion_date
    review.opinion = opinion.strip()
    saved(review)
    late = review.opinion_due is not None and opinion_date > review.opinion_due
    record_event(
        actor=actor,
        action="mediation.review_opinion",
        summary=f"{dispute.number}{review.body}提出{review.get_stage_display()}意见"
        f"（{opinion_date:%Y-%m-%d}）{'，已逾期' if late else ''}",
        target=dispute,
        unit=dispute.unit,
        data={"late": late},
    )
    return review


def _petition_only(dispute: Dispute) -> None:
    if dispute.source != Source.PETITION:
        raise ValidationError("只有信访部门转办的纠纷登记信访事项的转送交办和办理期限")


@service
def record_petition_routing(
    *,
    actor,
    dispute: Dispute,
    registered_date: datetime.date,
    routed_date: datetime.date | None = None,
    way: str = "",
    recipient: str = "",
) -> Dispute:
    """信访工作条例 第二十二条: the petition office 登记 the petition and, within 15 days, 转送 or
    交办 it (第二十三条: or 告知 the petitioner where to go). The 登记 may be recorded first (the
    clock is then on the due list), the routing later; a late routing is recorded and flagged,
    never refused — the petition must still be handled."""
    DISPUTE_FLOW.check(dispute, "record_petition_routing", actor=actor)
    _petition_only(dispute)
    if dispute.routed_date is not None:
        raise ValidationError(f"已于{dispute.routed_date:%Y-%m-%d}登记转送、交办")
    not_future(registered_date, "信访部门登记日期")
    handed_off = dispute.referred_date or dispute.received_date
    _not_before(handed_off, "移交（受理）日期", registered_date, "信访部门登记日期")
    recipient = recipient.strip()
    if routed_date is None:
        if way or recipient:
            raise ValidationError("请填写转送、交办（告知）日期")
    else:
        not_future(routed_date, "转送、交办（告知）日期")
        _not_before(routed_date, "转送、交办（告知）日期", registered_date, "信访部门登记日期")
        if way not in RouteWay.values:
            raise ValidationError(
                "请选择处理方式：转送、交办或告知（信访工作条例 第二十二条、第二十三条）"
            )
        if not recipient:
            raise ValidationError(
                "请填写接收机关、单位（告知的，填写告知信访人向其提出的机关、单位）"
            )
    dispute.petition_registered_date = registered_date
    dispute.route_due = date_or_none(deadlines.route_due, registered_date)
    dispute.routed_date = routed_date
    dispute.route_way = way if routed_date else ""
    dispute.route_recipient = recipient if routed_date else ""
    dispute.routed_late = bool(
        routed_date and dispute.route_due is not None and routed_date > dispute.route_due
    )
    saved(dispute)
    if routed_date is None:
        summary = f"{dispute.number}信访部门登记信访事项（{registered_date:%Y-%m-%d}）"
    else:
        late = (routed_date - dispute.route_due).days if dispute.routed_late else 0
        summary = (
            f"{dispute.number}信访事项{RouteWay(way).label}：{recipient}"
            f"（{routed_date:%Y-%m-%d}）{f'，逾期{late}日' if late else ''}"
        )
    record_event(
        actor=actor,
        action="mediation.petition_routing",
        summary=summary,
        target=dispute,
        unit=dispute.unit,
        data={
            "route_due": dispute.route_due and dispute.route_due.isoformat(),
            "late": dispute.routed_late,
        },
    )
    return dispute


@service
def record_petition_notice(
    *, actor, dispute: Dispute, notice_date: datetime.date, to: str
) -> Dispute:
    """信访工作条例 第二十三条第三款: the body the petition was routed to (the committee)
    tells the petitioner in writing, within 15 days of receiving it, that it was received
    and how it will be handled (接收情况以及处理途径和程序). Recorded once; a late notice is
    recorded and flagged, never refused — the petitioner must still be told."""
    DISPUTE_FLOW.check(dispute, "record_petition_notice", actor=actor)
    _petition_only(dispute)
    if dispute.notice_date is not None:
        raise ValidationError(f"已于{dispute.notice_date:%Y-%m-%d}书面告知信访人")
    to = to.strip()
    if not to:
        raise ValidationError("请填写告知对象（信访人姓名或名称）")
    not_future(notice_date, "书面告知日期")
    _not_before(notice_date, "书面告知日期", deadlines.petition_start(dispute), "收到信访事项日期")
    if dispute.notice_due is None:
        dispute.notice_due = date_or_none(deadlines.notice_due, dispute)
    dispute.notice_date = notice_date
    dispute.notice_to = to
    dispute.notice_late = bool(dispute.notice_due and notice_date > dispute.notice_due)
    saved(dispute)
    late = (notice_date - dispute.notice_due).days if dispute.notice_late else 0
    record_event(
        actor=actor,
        action="mediation.petition_notice",
        summary=f"{dispute.number}书面告知信访人{to}接收情况及处理途径（{notice_date:%Y-%m-%d}）"
        + (f"，逾期{late}日" if late else ""),
        target=dispute,
        unit=dispute.unit,
        data={
            "notice_due": dispute.notice_due and dispute.notice_due.isoformat(),
            "late": dispute.notice_late,
        },
    )
    return dispute


@service
def extend_petition_handling(
    *,
    actor,
    dispute: Dispute,
    days: int,
    approver: str,
    reason: str,
    approved_date: datetime.date,
    notice_date: datetime.date,
) -> Dispute:
    """信访工作条例 第三十四条: 60 days from 受理; 情况复杂的，经本机关、单位负责人批准，可以适当延长
    办理期限，但延长期限不得超过30日，并告知信访人延期理由. One extension, within the period,
    of at most 30 days in all."""
    DISPUTE_FLOW.check(dispute, "extend_petition_handling", actor=actor)
    _petition_only(dispute)
    if dispute.returned_date is not None:
        raise ValidationError(
            f"已于{dispute.returned_date:%Y-%m-%d}反馈办理结果，不能再延长办理期限"
        )
    if dispute.petition_extension_days:
        raise ValidationError(
            f"办理期限已经批准延长{dispute.petition_extension_days}日"
            f"（至{dispute.return_due:%Y-%m-%d}），不能再次延长："
            "延长期限不得超过30日（信访工作条例 第三十四条）"
            if dispute.return_due
            else "办理期限已经批准延长，不能再次延长（信访工作条例 第三十四条）"
        )
    if days is None or days < 1:
        raise ValidationError("请填写延长的天数（1至30日）")
    if days > deadlines.PETITION_EXTENSION_DAYS:
        latest = date_or_none(
            deadlines.petition_handling_due, dispute, deadlines.PETITION_EXTENSION_DAYS
        )
        raise ValidationError(
            "延长期限不得超过30日（信访工作条例 第三十四条）"
            + (f"，最迟可延长至{latest:%Y-%m-%d}" if latest else "")
        )
    approver = approver.strip()
    if not approver:
        raise ValidationError("请填写批准延期的本机关、单位负责人（信访工作条例 第三十四条）")
    reason = reason.strip()
    if not reason:
        raise ValidationError("请填写延期理由（须告知信访人）")
    not_future(approved_date, "批准延期日期")
    _not_before(approved_date, "批准延期日期", deadlines.petition_start(dispute), "受理日期")
    due = dispute.return_due
    if due is not None and approved_date > due:
        raise ValidationError(
            f"办理期限已于{due:%Y-%m-%d}届满，届满后不能再批准延长（信访工作条例 第三十四条）"
        )
    not_future(notice_date, "告知信访人延期理由日期")
    _not_before(notice_date, "告知信访人延期理由日期", approved_date, "批准延期日期")
    dispute.petition_extension_days = days
    dispute.petition_extension_approver = approver
    dispute.petition_extension_reason = reason
    dispute.petition_extension_approved_date = approved_date
    dispute.petition_extension_notice_date = notice_date
    dispute.return_due = date_or_none(deadlines.petition_handling_due, dispute, days)
    saved(dispute)
    record_event(
        actor=actor,
        action="mediation.petition_extension",
        summary=f"{dispute.number}经{approver}批准延长信访事项办理期限{days}日"
        + (f"至{dispute.return_due:%Y-%m-%d}" if dispute.return_due else ""),
        target=dispute,
        unit=dispute.unit,
        reason=reason,
        data={"days": days, "due": dispute.return_due and dispute.return_due.isoformat()},
    )
    return dispute
