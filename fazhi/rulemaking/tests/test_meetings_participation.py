"""公众参与 events (条例 第十四条至第十七条), the collective meeting that decides (第三十条)
and the replies to other organs' consultations (规章制定程序条例 第十五条、第三十六条): records,
rules, pages, ledgers, API and the three figures with their click-through."""

import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.indicators.engine import Period, compute, records
from fazhi.rulemaking import services
from fazhi.rulemaking.models import (
    CollectiveMeeting,
    ConsultationReply,
    Decision,
    DecisionCategory,
    DecisionState,
    MeetingKind,
    ParticipationEvent,
    ParticipationKind,
    ProposalSource,
    ReviewOpinion,
)

D = datetime.date
Y2025 = Period.year(2025)
IDS = [
    "major_decisions.public_participation_events",
    "major_decisions.collective_meetings",
    "normative_docs.consultation_replies",
]


@pytest.fixture
def decision(demo):
    return services.start_decision(
        actor=demo.users["donghu_govoffice"],
        unit=demo.units["donghu_gov"],
        name="湖滨公交线网优化方案",
        category=DecisionCategory.POLICY,
        proposal_source=ProposalSource.LEADERS,
        undertaking_unit=demo.units["donghu_enf0"],
        started_date=D(2025, 9, 1),
    )


def _figures(demo, unit="donghu"):
    return compute(IDS, user=demo.users["donghu_legal"], unit=demo.units[unit], period=Y2025)


def _meeting(demo, date, unit="donghu_gov", title="区政府第21次常务会议"):
    return services.register_meeting(
        actor=demo.users["donghu_govoffice"],
        unit=demo.units[unit],
        kind=MeetingKind.STANDING,
        title=title,
        date=date,
        attendees="区长、副区长等8人",
    )


def test_a_hearing_needs_its_materials_seven_days_before_and_its_record(demo, decision):
    office = demo.users["donghu_govoffice"]
    # 第十六条第三款: 听证会7日前送达 — sent 29 September for a hearing on 5 October (6 days,
    # in the 国庆 holiday) is late; 28 September is in time.
    hearing = dict(actor=office, decision=decision, kind=ParticipationKind.HEARING)
    with pytest.raises(ValidationError, match="7日前送达.*第十六条第三款"):
        services.record_participation(
            **hearing, date=D(2025, 10, 5), materials_sent=D(2025, 9, 29), summary="听证"
        )
    with pytest.raises(ValidationError, match="第十七条"):
        services.record_participation(**hearing, date=D(2025, 10, 5), materials_sent=D(2025, 9, 28))
    assert not decision.participation_events.exists()
    services.record_participation(
        **hearing,
        date=D(2025, 10, 5),
        materials_sent=D(2025, 9, 28),
        participants=15,
        summary="听证参加人陈述意见并确认听证会记录签字",
    )
    # The public comment period is its own step, with its 30 days (第十五条).
    with pytest.raises(ValidationError, match="公开征求意见.*第十五条"):
        services.record_participation(
            actor=office,
            decision=decision,
            kind=ParticipationKind.PUBLIC_COMMENT,
            date=D(2025, 10, 8),
        )
    with pytest.raises(ValidationError, match="不能早于启动日期"):
        services.record_participation(
            actor=office, decision=decision, kind=ParticipationKind.SYMPOSIUM, date=D(2025, 8, 30)
        )
    services.open_comment(
        actor=office,
        decision=decision,
        comment_from=D(2025, 10, 9),
        comment_to=D(2025, 11, 7),
        comment_channel="区政府网站",
    )
    kinds = list(decision.participation_events.values_list("kind", flat=True))
    assert kinds == [ParticipationKind.HEARING, ParticipationKind.PUBLIC_COMMENT]


def test_events_meetings_and_replies_are_counted_with_their_rows(demo, decision, client_as):
    office, legal = demo.users["donghu_govoffice"], demo.users["donghu_legal"]
    before = _figures(demo)
    for day in (D(2025, 9, 10), D(2025, 12, 31)):
        services.record_participation(
            actor=office, decision=decision, kind=ParticipationKind.SYMPOSIUM, date=day
        )
    # One meeting in 2025; one on 1 January 2026 is next year's.
    _meeting(demo, D(2025, 12, 30))
    _meeting(demo, D(2026, 1, 1), title="区政府第1次常务会议")
    reply = services.record_consultation_reply(
        actor=legal,
        unit=demo.units["donghu_justice"],
        requesting_unit=demo.units["donghu_enf0"],
        draft_title="湖滨户外广告设置管理办法（征求意见稿）",
        received_date=D(2025, 12, 25),
        reply_date=D(2025, 12, 31),
        suggestions=3,
        content="建议明确审批期限",
    )
    after = _figures(demo)
    assert {k: after[k] - before[k] for k in IDS} == dict.fromkeys(IDS, 1) | {
        "major_decisions.public_participation_events": 2
    }
    rows = records(
        "normative_docs.consultation_replies",
        user=legal,
        unit=demo.units["donghu"],
        period=Y2025,
    )
    assert reply in rows
    # The figure opens onto its rows: the events link to their decision's page.
    url = reverse("indicators:records") + (
        f"?id=major_decisions.public_participation_events&unit={demo.units['donghu'].pk}&year=2025"
    )
    page = client_as(legal).get(url).content.decode()
    assert page.count(decision.get_absolute_url()) == 2
    url = reverse("indicators:records") + (
        f"?id=major_decisions.collective_meetings&unit={demo.units['donghu_gov'].pk}&year=2025"
    )
    assert "区政府第21次常务会议" in client_as(office).get(url).content.decode()


def test_a_decision_is_decided_only_at_its_own_organs_meeting(demo, decision, client_as):
    office, legal = demo.users["donghu_govoffice"], demo.users["donghu_legal"]
    services.skip_comment(actor=office, decision=decision, no_comment_reason="涉及未公开信息")
    services.send_legality_review(
        actor=office,
        decision=decision,
        legality_sent_date=D(2025, 9, 26),
        legality_body=demo.units["donghu_justice"],
        # 7 working days after 26 September 2025 across 国庆: 16 October (9 October is too soon).
        legality_reply_by=D(2025, 10, 16),
    )
    services.record_legality_review(
        actor=legal,
        decision=decision,
        legality_opinion=ReviewOpinion.LAWFUL,
        legality_finished_date=D(2025, 10, 15),
        adviser_opinion="未发现违法情形",
    )
    decide = dict(
        actor=office, decision=decision, head_decision="同意", m_draft=True, m_legality=True
    )
    # A department's meeting is not the 决策机关's 常务会议 (第三十条第一款).
    other = services.register_meeting(
        actor=demo.users["donghu_drafter"],
        unit=demo.units["donghu_enf0"],
        kind=MeetingKind.PLENARY,
        title="局务会议",
        date=D(2025, 10, 20),
        attendees="局长等5人",
    )
    with pytest.raises(ValidationError, match="第三十条第一款"):
        services.record_collective_decision(**decide, meeting=other)
    with pytest.raises(ValidationError, match="不能早于合法性审查完成日期"):
        services.record_collective_decision(**decide, meeting=_meeting(demo, D(2025, 10, 14)))
    decision.refresh_from_db()
    assert decision.state == DecisionState.REVIEWED and decision.meeting is None
    meeting = _meeting(demo, D(2025, 10, 20))
    services.record_collective_decision(**decide, meeting=meeting)
    decision.refresh_from_db()
    assert decision.meeting == meeting and decision.meeting_date == D(2025, 10, 20)
    assert decision.attendees == meeting.attendees
    # The database refuses a decided decision without its meeting.
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        decision.meeting = None
        decision.save()
    decision.refresh_from_db()
    page = client_as(office).get(meeting.get_absolute_url()).content.decode()
    assert "湖滨公交线网优化方案" in page


def test_the_pages_ledgers_and_api(demo, client_as):
    legal = client_as(demo.users["donghu_legal"])
    office = client_as(demo.users["donghu_govoffice"])
    page = legal.get(reverse("rulemaking:reply_list")).content.decode()
    assert "湖滨市场主体信用分级分类监管办法" in page and "山岭" not in page
    book = load_workbook(
        io.BytesIO(legal.get(reverse("rulemaking:reply_list") + "?export=xlsx").content)
    )
    assert "反馈意见" in next(book.active.iter_rows(values_only=True))
    page = office.get(reverse("rulemaking:meeting_list")).content.decode()
    assert "东湖区政府第" in page and "湖滨生活垃圾分类实施方案" in page
    decision = Decision.objects.get(name="湖滨生活垃圾分类实施方案")
    detail = office.get(decision.get_absolute_url()).content.decode()
    assert "座谈会" in detail and "向社会公开征求意见" in detail
    api = office.get("/api/rulemaking/meetings/").json()
    rows = api["results"] if isinstance(api, dict) else api
    assert {row["unit"] for row in rows} == {demo.units["donghu_gov"].pk}
    decisions = office.get("/api/rulemaking/decisions/").json()
    decisions = decisions["results"] if isinstance(decisions, dict) else decisions
    done = next(d for d in decisions if d["name"] == "湖滨生活垃圾分类实施方案")
    assert done["meeting"] and [e["kind"] for e in done["participation_events"]] == [
        "public_comment",
        "symposium",
    ]
    assert ConsultationReply.objects.count() == 3 and CollectiveMeeting.objects.count() == 3
    assert ParticipationEvent.objects.filter(decision=decision).count() == 2


def _post(client, url, data):
    page = client.get(url).content.decode()
    token = re.search(r'name="form_token" value="([0-9a-f]+)"', page).group(1)
    return client.post(url, {"form_token": token, **data})


def test_a_meeting_and_a_reply_from_their_pages(demo, client_as):
    office = client_as(demo.users["donghu_govoffice"])
    url = reverse("rulemaking:meeting_create")
    data = {
        "unit": demo.units["donghu_gov"].pk,
        "kind": "standing",
        "title": "区政府第50次常务会议",
        "date": "2025-10-09",
    }
    _post(office, url, data)
    assert not CollectiveMeeting.objects.filter(title="区政府第50次常务会议").exists()
    response = _post(office, url, {**data, "attendees": "区长等6人"})
    meeting = CollectiveMeeting.objects.get(title="区政府第50次常务会议")
    assert response.status_code == 302 and meeting.created_by == demo.users["donghu_govoffice"]
    legal = client_as(demo.users["donghu_legal"])
    reply = {
        "unit": demo.units["donghu_justice"].pk,
        "requesting_unit": demo.units["donghu_enf0"].pk,
        "received_date": "2025-10-09",
        "reply_date": "2025-10-08",
        "suggestions": "2",
        "content": "意见",
        "draft_title": "某办法",
    }
    response = _post(legal, reverse("rulemaking:reply_create"), reply)
    assert "反馈日期（2025-10-08）不能早于收到征求意见日期" in response.content.decode()
    assert not ConsultationReply.objects.filter(draft_title="某办法").exists()
    _post(legal, reverse("rulemaking:reply_create"), {**reply, "reply_date": "2025-10-10"})
    assert ConsultationReply.objects.get(draft_title="某办法").suggestions == 2
