"""重大行政决策: the procedures of the 条例 and their checks."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.rulemaking import services
from fazhi.rulemaking.models import (
    DecisionCategory,
    DecisionState,
    MeetingKind,
    ProposalSource,
    ReviewOpinion,
)
from fazhi.rulemaking.selectors import can_read_restricted

TODAY = timezone.localdate()


def ago(days):
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def decision(demo):
    return services.start_decision(
        actor=demo.users["donghu_govoffice"],
        unit=demo.units["donghu_gov"],
        name="测试决策事项",
        category=DecisionCategory.POLICY,
        proposal_source=ProposalSource.LEADERS,
        undertaking_unit=demo.units["donghu_enf0"],
        started_date=ago(100),
    )


def test_a_comment_period_under_thirty_days_needs_a_reason(demo, decision):
    office = demo.users["donghu_govoffice"]
    # 第十五条: 一般不少于30日 — 90 to 62 days ago is 29 days.
    with pytest.raises(ValidationError, match="不足30日.*第十五条"):
        services.open_comment(
            actor=office,
            decision=decision,
            comment_from=ago(90),
            comment_to=ago(62),
            comment_channel="政府网站",
        )
    decision.refresh_from_db()
    assert decision.state == DecisionState.STARTED and decision.comment_from is None
    services.open_comment(
        actor=office,
        decision=decision,
        comment_from=ago(90),
        comment_to=ago(61),
        comment_channel="政府网站",
    )
    assert decision.state == DecisionState.CONSULTING


def test_hearing_materials_seven_days_before(demo, decision):
    office = demo.users["donghu_govoffice"]
    services.open_comment(
        actor=office,
        decision=decision,
        comment_from=ago(90),
        comment_to=ago(50),
        comment_channel="政府网站",
    )
    with pytest.raises(ValidationError, match="7日前送达.*第十六条"):
        services.close_comment(
            actor=office,
            decision=decision,
            comments_received=3,
            comments_adopted=1,
            comment_summary="—",
            closed_date=ago(45),
            hearing_date=ago(55),
            hearing_materials_sent=ago(60),
        )


def test_legality_review_needs_seven_working_days(demo, decision):
    office = demo.users["donghu_govoffice"]
    services.skip_comment(actor=office, decision=decision, no_comment_reason="依法不予公开")
    # Sent Friday 2025-09-26: 7 working days — 09-28 (调休), 09-29, 09-30, (10-01..08 off), 10-09,
    # 10-10, 10-11 (调休), 10-13 — end on Monday 10-13; the 调休 Saturday 10-11 is the sixth.
    with pytest.raises(ValidationError, match="最早为2025-10-13.*第二十六条第二款"):
        services.send_legality_review(
            actor=office,
            decision=decision,
            legality_sent_date=datetime.date(2025, 9, 26),
            legality_body=demo.units["donghu_justice"],
            legality_reply_by=datetime.date(2025, 10, 11),
        )
    services.send_legality_review(
        actor=office,
        decision=decision,
        legality_sent_date=datetime.date(2025, 9, 26),
        legality_body=demo.units["donghu_justice"],
        legality_reply_by=datetime.date(2025, 10, 13),
    )
    assert decision.state == DecisionState.LEGALITY_REVIEW


def _reviewed(demo, decision, adviser_opinion="无违法情形"):
    office, legal = demo.users["donghu_govoffice"], demo.users["donghu_legal"]
    services.open_comment(
        actor=office,
        decision=decision,
        comment_from=ago(90),
        comment_to=ago(55),
        comment_channel="政府网站",
    )
    services.close_comment(
        actor=office,
        decision=decision,
        comments_received=3,
        comments_adopted=1,
        comment_summary="采纳一条",
        closed_date=ago(50),
    )
    services.send_legality_review(
        actor=office,
        decision=decision,
        legality_sent_date=ago(45),
        legality_body=demo.units["donghu_justice"],
        legality_reply_by=ago(30),
    )
    return services.record_legality_review(
        actor=legal,
        decision=decision,
        legality_opinion=ReviewOpinion.LAWFUL,
        legality_finished_date=ago(32),
        adviser_opinion=adviser_opinion,
    )


def _meeting(demo, days=20, unit="donghu_gov"):
    return services.register_meeting(
        actor=demo.users["donghu_govoffice"],
        unit=demo.units[unit],
        kind=MeetingKind.STANDING,
        title="区政府第9次常务会议",
        date=ago(days),
        attendees="区长等7人",
    )


def test_a_missing_article_29_material_blocks_the_collective_decision(demo, decision):
    office = demo.users["donghu_govoffice"]
    _reviewed(demo, decision)
    with pytest.raises(
        ValidationError, match="缺少：（二）社会公众主要意见的研究采纳情况.*第二十九条"
    ):
        services.record_collective_decision(
            actor=office,
            decision=decision,
            meeting=_meeting(demo),
            head_decision="同意",
            m_draft=True,
            m_legality=True,
        )
    decision.refresh_from_db()
    assert decision.state == DecisionState.REVIEWED and decision.meeting_date is None


def test_departing_from_the_majority_needs_a_reason(demo, decision):
    office = demo.users["donghu_govoffice"]
    _reviewed(demo, decision)
    kwargs = dict(
        actor=office,
        decision=decision,
        meeting=_meeting(demo),
        head_decision="同意",
        dissent="两人反对",
        departs_from_majority=True,
        m_draft=True,
        m_public_comment=True,
        m_legality=True,
    )
    with pytest.raises(ValidationError, match="应当说明理由.*第三十条第二款"):
        services.record_collective_decision(**kwargs)
    services.record_collective_decision(**kwargs, departure_reason="时间紧迫")
    assert decision.state == DecisionState.DECIDED
    with pytest.raises(ValidationError, match="第三十一条"):
        services.publish_decision(
            actor=office,
            decision=decision,
            published_date=ago(10),
            publish_channel="网站",
            party_reported=False,
        )


def test_a_review_without_the_advisers_opinion_is_flagged(demo, decision):
    assert _reviewed(demo, decision, adviser_opinion="").adviser_missing


def test_dissent_and_risk_only_for_the_deciding_organs_handlers(demo):
    from fazhi.rulemaking.models import Decision

    decision = Decision.objects.get(name="湖滨生活垃圾分类实施方案")
    assert can_read_restricted(demo.users["donghu_govoffice"], decision)
    # The 承办单位 department does not see the government's decision at all (本单位 scope).
    assert not can_read_restricted(demo.users["donghu_drafter"], decision)
    assert not can_read_restricted(demo.users["donghu_leader"], decision)
    assert not can_read_restricted(demo.users["donghu_inspector"], decision)
