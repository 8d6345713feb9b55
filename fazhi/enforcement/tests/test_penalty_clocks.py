"""The 行政处罚法 clocks of a penalty case, built from the articles' text. 第八十五条: 本法中
“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日 (2025 国庆: 10-01..10-08 off,
Sunday 09-28 and Saturday 10-11 worked; 2026 春节: 02-15..02-23 off, 02-14 and 02-28 worked)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.models import FormToken
from fazhi.enforcement.deadlines import penalty_clocks_due
from fazhi.enforcement.models import EnforcementAction
from fazhi.enforcement.services import actions as svc

D = datetime.date


@pytest.fixture
def case(world, certified):
    officers = []

    def register(started=None, **kwargs):
        started = started or D(2025, 9, 1)
        if not officers:
            officers.extend([certified(issued_ago=600), certified(issued_ago=600)])
        return svc.register_action(
            actor=world.actor,
            unit=world.market,
            kind="penalty",
            number=f"罚{started:%Y%m%d}{len(kwargs)}",
            party="某公司",
            summary="违法经营",
            started_date=started,
            officers=officers,
            **kwargs,
        )

    return register


def decide(world, action, day, outcome="penalized"):
    return svc.decide_action(
        actor=world.actor, enforcement_action=action, decided_date=day, outcome=outcome
    )


def unchanged(action):
    fresh = EnforcementAction.objects.get(pk=action.pk)
    return {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields}


def test_decision_within_ninety_days_of_filing_and_its_extension(world, case):
    # 第六十条: 自立案之日起九十日内; 2025-07-03 + 90 = 10-01 (国庆) → 10-09.
    action = case(started=D(2025, 7, 3))
    assert svc.decision_due(action) == D(2025, 10, 9)
    before = unchanged(action)
    with pytest.raises(ValidationError, match="第六十条"):
        svc.record_decision_extension(
            actor=world.actor, enforcement_action=action, extended_until=D(2025, 11, 8), basis=" "
        )
    with pytest.raises(ValidationError, match="应晚于现有期限"):
        svc.record_decision_extension(
            actor=world.actor,
            enforcement_action=action,
            extended_until=D(2025, 10, 9),
            basis="规章",
        )
    assert unchanged(action) == before
    svc.record_decision_extension(
        actor=world.actor,
        enforcement_action=action,
        extended_until=D(2025, 11, 8),
        basis="市场监督管理行政处罚程序规定第六十四条，经负责人批准延长三十日",
    )
    assert svc.decision_due(action) == D(2025, 11, 8)
    row = svc.clocks(action)[0]
    assert row["due"] == D(2025, 11, 8) and "延长" in row["basis"]


def test_a_late_decision_is_recorded_and_marked(world, case):
    action = decide(world, case(started=D(2025, 7, 3)), D(2025, 10, 10))
    decision = next(c for c in svc.clocks(action) if c["label"] == "作出处罚决定")
    assert decision["met"] is False


def test_service_within_seven_working_days(world, case):
    # 第六十一条: decided Friday 2025-09-26; working days 9-28 (调休), 9-29, 9-30, 10-09,
    # 10-10, 10-11 (调休), 10-13 → the 7th is 10-13.
    action = decide(world, case(), D(2025, 9, 26))
    assert svc.service_due(action) == D(2025, 10, 13)
    with pytest.raises(ValidationError, match="不能早于决定日期"):
        svc.record_decision_served(
            actor=world.actor, enforcement_action=action, decision_served_date=D(2025, 9, 25)
        )
    items = list(penalty_clocks_due(world.actor, D(2025, 10, 1), D(2025, 10, 20)))
    assert [(i.due_date, i.basis) for i in items] == [(D(2025, 10, 13), "行政处罚法 第六十一条")]
    svc.record_decision_served(
        actor=world.actor, enforcement_action=action, decision_served_date=D(2025, 10, 13)
    )
    assert list(penalty_clocks_due(world.actor, D(2025, 10, 1), D(2025, 10, 20))) == []


def test_hearing_request_within_five_working_days(world, case):
    # 第六十四条第一项: informed 2026-02-11 (Wed): 02-12, 02-13, 02-14 (调休), 02-24, 02-25.
    action = case(started=D(2026, 2, 2))
    svc.record_hearing_informed(
        actor=world.actor, enforcement_action=action, hearing_informed_date=D(2026, 2, 11)
    )
    assert svc.hearing_request_due(action) == D(2026, 2, 25)
    before = unchanged(action)
    with pytest.raises(
        ValidationError, match="五日内（至2026-02-25）提出（行政处罚法 第六十四条第一项）"
    ):
        svc.record_hearing_request(
            actor=world.actor, enforcement_action=action, hearing_requested_date=D(2026, 2, 26)
        )
    # No decision while the party may still ask.
    with pytest.raises(ValidationError, match="第六十四条第一项"):
        decide(world, action, D(2026, 2, 25))
    assert unchanged(action) == before
    svc.record_hearing_request(
        actor=world.actor, enforcement_action=action, hearing_requested_date=D(2026, 2, 25)
    )
    with pytest.raises(ValidationError, match="第六十五条"):
        decide(world, action, D(2026, 2, 27))


def test_the_hearing_day_may_count_as_the_seventh_when_so_set(db, monkeypatch):
    monkeypatch.setattr(svc, "HEARING_DAY_COUNTS", True)
    assert svc.earliest_hearing(D(2025, 9, 25)) == D(2025, 10, 11)


def test_hearing_notice_seven_working_days_before(world, case):
    # 第六十四条第二项: notice Thursday 2025-09-25 → 9-26, 9-28 (调休), 9-29, 9-30, 10-09,
    # 10-10, 10-11 (调休): seven whole working days before the hearing, so 10-12 at the earliest.
    action = case()
    svc.record_hearing_informed(
        actor=world.actor, enforcement_action=action, hearing_informed_date=D(2025, 9, 22)
    )
    svc.record_hearing_request(
        actor=world.actor, enforcement_action=action, hearing_requested_date=D(2025, 9, 24)
    )
    before = unchanged(action)
    with pytest.raises(
        ValidationError, match="最早于2025-10-12举行听证（行政处罚法 第六十四条第二项"
    ):
        svc.record_hearing_notice(
            actor=world.actor,
            enforcement_action=action,
            hearing_notice_date=D(2025, 9, 25),
            hearing_date=D(2025, 10, 11),
        )
    assert unchanged(action) == before
    svc.record_hearing_notice(
        actor=world.actor,
        enforcement_action=action,
        hearing_notice_date=D(2025, 9, 25),
        hearing_date=D(2025, 10, 13),
    )
    items = list(penalty_clocks_due(world.actor, D(2025, 10, 9), D(2025, 10, 20)))
    assert (D(2025, 10, 13), "行政处罚法 第六十四条第二项") in [
        (i.due_date, i.basis) for i in items
    ]
    with pytest.raises(ValidationError, match="第六十五条"):
        decide(world, action, D(2025, 10, 12))  # before the hearing
    decided = decide(world, action, D(2025, 10, 13))
    assert decided.status == "decided"


def test_withdrawal_of_a_revoked_published_decision_within_three_working_days(world, case):
    # 第四十八条第二款: revoked Tuesday 2025-09-30 → 10-09, 10-10, 10-11 (调休).
    action = decide(world, case(), D(2025, 9, 10))
    with pytest.raises(ValidationError, match="第四十八条第二款"):
        svc.record_publicity_withdrawn(
            actor=world.actor, enforcement_action=action, publicity_withdrawn_date=D(2025, 10, 9)
        )
    svc.record_publicity(
        actor=world.actor, enforcement_action=action, stage="post", date=D(2025, 9, 12), link=""
    )
    svc.record_revocation(
        actor=world.actor,
        enforcement_action=action,
        revoked_date=D(2025, 9, 30),
        revoked_by="reconsideration",
    )
    assert svc.withdrawal_due(action) == D(2025, 10, 11)
    items = list(penalty_clocks_due(world.actor, D(2025, 10, 9), D(2025, 10, 20)))
    assert (D(2025, 10, 11), "行政处罚法 第四十八条第二款") in [
        (i.due_date, i.basis) for i in items
    ]
    svc.record_publicity_withdrawn(
        actor=world.actor, enforcement_action=action, publicity_withdrawn_date=D(2025, 10, 13)
    )
    row = next(c for c in svc.clocks(action) if c["basis"] == "行政处罚法 第四十八条第二款")
    assert row["met"] is False  # recorded, and marked late


@pytest.mark.parametrize(
    ("offence", "extended", "allowed"),
    [
        (D(2023, 9, 1), False, True),  # discovered (立案) 2025-09-01: on the last day of 二年
        (D(2023, 8, 31), False, False),
        (D(2020, 9, 1), True, True),  # 五年: 涉及公民生命健康安全、金融安全且有危害后果
        (D(2020, 8, 31), True, False),
    ],
)
def test_no_penalty_after_the_limitation(world, case, offence, extended, allowed):
    # 第三十六条: 违法行为在二年内未被发现的，不再给予行政处罚 (五年 where it endangers
    # life, health or financial security with harmful results).
    action = case(offence_date=offence, limitation_extended=extended)
    if allowed:
        assert decide(world, action, D(2025, 9, 20)).status == "decided"
        return
    before = unchanged(action)
    with pytest.raises(ValidationError, match="不再给予行政处罚（行政处罚法 第三十六条）"):
        decide(world, action, D(2025, 9, 20))
    assert unchanged(action) == before
    # 不予行政处罚 remains possible.
    svc.decide_action(
        actor=world.actor,
        enforcement_action=action,
        decided_date=D(2025, 9, 20),
        outcome="no_penalty",
        education="已教育",
    )


def test_clock_steps_only_for_penalty_cases(world, case, certified):
    inspection = svc.register_action(
        actor=world.actor,
        unit=world.market,
        kind="inspection",
        number="检1",
        party="某公司",
        summary="检查",
        started_date=D(2025, 9, 1),
        officers=[certified(issued_ago=600), certified(issued_ago=600)],
    )
    with pytest.raises(ValidationError, match="仅适用于行政处罚案件"):
        svc.record_hearing_informed(
            actor=world.actor, enforcement_action=inspection, hearing_informed_date=D(2025, 9, 2)
        )
    assert svc.clocks(inspection) == []


def test_the_record_page_shows_the_clocks_and_takes_a_step(world, case, client):
    action = decide(world, case(), D(2025, 9, 26))
    client.force_login(world.actor)
    page = client.get(f"/enforcement/actions/{action.pk}/").content.decode()
    assert "办案期限" in page and "2025-10-13" in page and "行政处罚法 第六十一条" in page
    url = f"/enforcement/actions/{action.pk}/step/?action=record_decision_served"
    assert client.get(url).status_code == 200
    token = FormToken.objects.latest("created_at").token  # the step form's
    client.post(url, {"form_token": token, "decision_served_date": "2025-10-10"})
    assert EnforcementAction.objects.get(pk=action.pk).decision_served_date == D(2025, 10, 10)
