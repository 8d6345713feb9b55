"""信访工作条例 第三十五条: 信访人……可以自收到书面答复之日起30日内请求……复查。收到复查请求
的机关、单位应当自收到复查请求之日起30日内提出复查意见. 第三十六条: 复核 the same; 听证所需
时间不计算在前款规定的期限内; after the 复核 the same request is no longer accepted.
Counted as deadlines.PETITION_ROLLOVER reads them (docs/rules.md): the start day not counted,
a last day on a holiday moved to the next working day."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.deadlines import due_list
from fazhi.mediation import deadlines, services

D = datetime.date


@pytest.fixture
def petition(world, dispute):
    return dispute(
        received=D(2025, 8, 4),
        source="petition",
        source_reference="信访件〔2025〕88号",
        referred_date=D(2025, 8, 2),
    )


def _request(world, case, reply, requested, body="测试市信访局"):
    return services.request_petition_review(
        actor=world.mediator,
        dispute=case,
        body=body,
        reply_received_date=reply,
        requested_date=requested,
    )


def test_the_request_window_crosses_national_day(world, petition):
    # reply received Mon 2025-09-01: the 30th day is Wed 1 October (国庆), so the last day
    # is Thu 9 October; the 10th is too late
    with pytest.raises(ValidationError, match="期限为2025-10-09，2025-10-10已超过期限"):
        _request(world, petition, D(2025, 9, 1), D(2025, 10, 10))
    assert not petition.petition_reviews.exists()
    review = _request(world, petition, D(2025, 9, 1), D(2025, 10, 9))
    assert (review.stage, review.request_due) == ("review", D(2025, 10, 9))
    # the body's 30 days from Thu 9 October end on Sat 8 November: a weekend, so Mon 10th
    assert review.opinion_due == D(2025, 11, 10)


def test_a_make_up_working_day_ends_the_window(world, petition):
    # reply received Thu 2025-09-11: the 30th day is Sat 11 October, a 调休 working day
    assert deadlines.review_request_due(D(2025, 9, 11)) == D(2025, 10, 11)
    with pytest.raises(ValidationError, match="第三十五条"):
        _request(world, petition, D(2025, 9, 11), D(2025, 10, 12))


def test_without_the_rollover_the_days_are_plain(monkeypatch):
    monkeypatch.setattr(deadlines, "PETITION_ROLLOVER", False)
    assert deadlines.review_request_due(D(2025, 9, 1)) == D(2025, 10, 1)
    assert deadlines.review_opinion_due(D(2026, 1, 16)) == D(2026, 2, 15)


def test_review_then_re_review_across_spring_festival_with_a_hearing(world, petition):
    review = _request(world, petition, D(2025, 9, 1), D(2025, 9, 20))
    with pytest.raises(ValidationError, match="上一程序尚未提出意见"):
        _request(world, petition, D(2025, 9, 1), D(2025, 9, 21))
    with pytest.raises(ValidationError, match="听证只适用于复核"):
        services.record_review_opinion(
            actor=world.mediator,
            dispute=petition,
            opinion_date=D(2025, 10, 15),
            opinion="维持",
            hearing_days=5,
        )
    services.record_review_opinion(
        actor=world.mediator,
        dispute=petition,
        opinion_date=D(2025, 10, 15),
        opinion="维持原处理意见",
    )
    with pytest.raises(ValidationError, match="不能早于复查意见日期"):
        _request(world, petition, D(2025, 10, 14), D(2025, 10, 20), body="测试省信访局")
    # 复核 requested Tue 2026-01-06: 30 days end Thu 5 February; a 10-day hearing moves the
    # end to Sun 15 February — 春节 (15–23 February) — so Tue 24 February
    re_review = _request(world, petition, D(2026, 1, 4), D(2026, 1, 6), body="测试省信访局")
    assert (re_review.stage, re_review.opinion_due) == ("re_review", D(2026, 2, 5))
    done = services.record_review_opinion(
        actor=world.mediator,
        dispute=petition,
        opinion_date=D(2026, 2, 24),
        opinion="维持复查意见",
        hearing_days=10,
    )
    assert done.opinion_due == D(2026, 2, 24)
    review.refresh_from_db()
    assert review.opinion_date == D(2025, 10, 15)
    with pytest.raises(ValidationError, match="第三十六条第三款"):
        _request(world, petition, D(2026, 2, 25), D(2026, 2, 26), body="国家信访局")


def test_the_opinion_owed_is_on_the_due_list_until_recorded(world, petition):
    _request(world, petition, D(2026, 1, 10), D(2026, 1, 16))
    # 30 days from Fri 16 January 2026 end on Sun 15 February (春节): Tue 24 February
    today = D(2026, 2, 13)
    items = [i for i in due_list(world.mediator, today, 14).items if "复查意见" in i.title]
    assert [(i.due_date, i.basis) for i in items] == [(D(2026, 2, 24), "信访工作条例 第三十五条")]
    assert not [i for i in due_list(world.neighbour_mediator, today, 14).items if "复查" in i.title]
    services.record_review_opinion(
        actor=world.mediator, dispute=petition, opinion_date=D(2026, 2, 24), opinion="撤销原意见"
    )
    assert not [i for i in due_list(world.mediator, today, 14).items if "复查意见" in i.title]


def test_only_petition_cases_have_reviews(world, dispute):
    case = dispute()
    with pytest.raises(ValidationError):
        _request(world, case, D(2025, 3, 10), D(2025, 3, 12))
