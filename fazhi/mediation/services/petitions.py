"""A petition-linked matter's 复查 and 复核 (信访工作条例 第三十五、三十六条), recorded on the
dispute the petition office referred (访调对接): the petitioner's request within 30 days of
receiving the written reply, the reviewing body's opinion within 30 days of the request."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import date_or_none
from fazhi.core.guards import not_future, saved

from .. import deadlines
from ..models import Dispute, PetitionReview, ReviewStage, Source
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
