"""附带审查 from 行政复议 (行政复议法 第十三条, 第三十九条第一款第九项, 第五十六条至第六十条):
the case is suspended, the review lands in the document's review records with its clocks,
and the 复议 line resumes the case with the result."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from fazhi.core.calendar import add_days, add_working_days, date_or_none
from fazhi.reconsideration import services as reconsideration
from fazhi.reconsideration.models import Case, State
from fazhi.rulemaking import services
from fazhi.rulemaking.models import IncidentalResult, NormativeDocument, RequestSource

DAY = datetime.date(2025, 9, 26)  # a Friday before 国庆·中秋 2025 (10-01..10-08 off, 10-11 调休)


@pytest.fixture
def case(demo):
    found = (
        Case.objects.filter(unit=demo.units["donghu_justice"], state=State.HEARING)
        .order_by("pk")
        .first()
    )
    assert found is not None, "the demo has a 复议 case under hearing"
    return found


def _refer(demo, case, **overrides):
    document = NormativeDocument.objects.get(title="湖滨公共停车场收费管理办法")
    kwargs = dict(
        actor=demo.users["donghu_officer"],
        case=case,
        doc_number=document.doc_number,
        date=max(DAY, case.accepted_date or DAY) if hasattr(case, "accepted_date") else DAY,
        source=RequestSource.APPLICATION,
        competent=True,
        grounds="收费项目无上位法依据",
    )
    kwargs.update(overrides)
    return services.refer_from_reconsideration(**kwargs)


def test_a_referral_suspends_the_case_with_the_statutory_clocks(demo, case):
    today = timezone.localdate()
    request = _refer(demo, case, date=today)
    case.refresh_from_db()
    assert case.state == State.SUSPENDED
    assert request.document.title == "湖滨公共停车场收费管理办法" and request.case == case
    # 第五十六条: 30 days to handle; 第五十八条: 3 working days to notify the organ.
    assert request.handle_due == date_or_none(add_days, today, 30)
    assert request.notice_due == date_or_none(add_working_days, today, 3)


def test_the_clocks_count_working_days_around_the_holiday(db):
    # 第五十八条 三日 and 第五十六条 七日 are working days (第八十八条).
    assert add_working_days(DAY, 3) == datetime.date(2025, 9, 30)  # 09-28 调休, 09-29, 09-30
    assert add_working_days(DAY, 7) == datetime.date(2025, 10, 13)


def test_an_unknown_document_refuses_and_leaves_the_case_as_it_was(demo, case):
    with pytest.raises(ValidationError, match="没有已公布的东政发〔2020〕99号"):
        _refer(demo, case, doc_number="东政发〔2020〕99号", date=timezone.localdate())
    case.refresh_from_db()
    assert case.state == State.HEARING


def test_result_after_the_organs_notice_then_the_case_resumes(demo, case, client_as):
    today = timezone.localdate()
    request = _refer(demo, case, date=today)
    legal = demo.users["donghu_legal"]
    with pytest.raises(ValidationError, match="请先书面通知制定机关.*第五十八条"):
        services.record_incidental_result(
            actor=legal,
            review_request=request,
            result=IncidentalResult.UNLAWFUL,
            date=today,
            handling="停止执行第五条",
        )
    services.record_incidental_notice(actor=legal, review_request=request, notice_date=today)
    with pytest.raises(ValidationError, match="不能转送"):
        services.record_incidental_result(
            actor=legal,
            review_request=request,
            result=IncidentalResult.FORWARDED,
            date=today,
            handling="转送",
        )
    request.refresh_from_db()
    assert request.organ_reply_due == date_or_none(add_working_days, today, 10)
    services.record_incidental_result(
        actor=legal,
        review_request=request,
        result=IncidentalResult.UNLAWFUL,
        date=today,
        handling="决定停止执行第五条，责令制定机关纠正",
    )
    page = client_as(legal).get(
        reverse("rulemaking:document_detail", kwargs={"pk": request.document_id})
    )
    assert "决定停止执行第五条" in page.content.decode()
    reconsideration.resume(actor=demo.users["donghu_officer"], case=case, date=today)
    case.refresh_from_db()
    assert case.state == State.HEARING


def test_a_forwarded_review_has_the_recipients_sixty_days(demo, case):
    today = timezone.localdate()
    request = _refer(demo, case, date=today, competent=False, source=RequestSource.EX_OFFICIO)
    assert request.handle_due == add_working_days(today, 7)
    services.record_incidental_result(
        actor=demo.users["donghu_legal"],
        review_request=request,
        result=IncidentalResult.FORWARDED,
        date=today,
        handling="转送示范市人民政府",
    )
    # 第六十条: sixty days (None while they end in a year whose holidays are not entered).
    assert request.recipient_reply_due == date_or_none(add_days, today, 60)


def test_the_demo_shows_a_suspended_case_and_a_resumed_one(demo, client_as):
    from fazhi.rulemaking.models import ReviewRequest

    running = ReviewRequest.objects.get(
        case__unit=demo.units["xishan_justice"], document__title="山岭公共停车场收费管理办法"
    )
    assert running.result == "" and running.notice_date is not None
    assert running.case.state == State.SUSPENDED
    answered = ReviewRequest.objects.get(
        case__unit=demo.units["donghu_justice"], document__title="湖滨公共停车场收费管理办法"
    )
    assert answered.result == IncidentalResult.LAWFUL
    assert answered.case.state == State.HEARING
    assert answered.case.suspensions.get().end_date is not None
    page = client_as(demo.users["xishan_legal"]).get(reverse("rulemaking:incidental_list"))
    assert running.case.number in page.content.decode()
