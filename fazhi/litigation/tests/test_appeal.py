"""行政诉讼法 第八十五条: 当事人不服人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级
人民法院提起上诉。当事人不服人民法院第一审裁定的，有权在裁定书送达之日起十日内向上一级人民法院
提起上诉。逾期不提起上诉的，人民法院的第一审判决或者裁定发生法律效力。

Natural days; 民事诉讼法 第八十五条: the day of service is not counted, and a last day on a
法定休假日 moves to the first day after it (a 调休 workday is not a holiday)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.litigation import services
from fazhi.litigation.deadlines import appeals_due
from fazhi.litigation.models import Appeal, Lawsuit

D = datetime.date


@pytest.fixture
def judged(world, sue):
    def judge(
        number=1, judgment_type="reject_claim", concluded=datetime.date(2025, 9, 10), **kwargs
    ):
        lawsuit = sue(number, filed=D(2025, 3, 3), **kwargs)
        return services.record_judgment(
            actor=world.officer,
            lawsuit=lawsuit,
            judgment_type=judgment_type,
            concluded_date=concluded,
        )

    return judge


def served(world, lawsuit, day):
    return services.record_judgment_served(
        actor=world.officer, lawsuit=lawsuit, judgment_served_date=day
    )


@pytest.mark.parametrize(
    ("judgment_type", "service", "due"),
    [
        # 判决 served 2025-09-23: the 15th day, 10-08, is in the 国庆 holiday → 10-09.
        ("reject_claim", D(2025, 9, 23), D(2025, 10, 9)),
        # 判决 served 2025-09-26: the 15th day is Saturday 10-11, a 调休 workday → stays.
        ("revoke", D(2025, 9, 26), D(2025, 10, 11)),
        # 裁定驳回起诉 served 2025-09-18: the 10th day is Sunday 9-28, a 调休 workday → stays.
        ("dismiss_suit", D(2025, 9, 18), D(2025, 9, 28)),
        # 裁定 served 2025-09-26: the 10th day, 10-06, is a holiday → 10-09.
        ("dismiss_suit", D(2025, 9, 26), D(2025, 10, 9)),
        # 判决 served 2026-02-01: the 15th day, 02-16, is in 春节 (02-15..02-23) → 02-24.
        ("perform", D(2026, 2, 1), D(2026, 2, 24)),
    ],
)
def test_the_appeal_period_runs_from_service(world, judged, judgment_type, service, due):
    lawsuit = served(world, judged(judgment_type=judgment_type), service)
    assert lawsuit.appeal_due == due
    assert Lawsuit.objects.get(pk=lawsuit.pk).appeal_due == due
    assert "第八十五条" in lawsuit.appeal_basis


def test_no_appeal_clock_for_a_withdrawal_or_a_second_instance(world, sue, judged):
    withdrawn = services.record_withdrawal(
        actor=world.officer, lawsuit=sue(1), withdrawal_date=D(2025, 9, 10), reason="撤诉"
    )
    second = judged(2, case_number="（2025）鲁02行终2号", trial_level="second")
    for lawsuit, refusal in ((withdrawn, "已撤诉"), (second, "第八十五条")):
        with pytest.raises(ValidationError, match=refusal):
            served(world, lawsuit, D(2025, 9, 12))
        lawsuit.refresh_from_db()
        assert lawsuit.judgment_served_date is None


def test_service_before_the_judgment_is_refused(world, judged):
    lawsuit = judged()
    with pytest.raises(ValidationError, match="不能早于裁判日期"):
        served(world, lawsuit, D(2025, 9, 9))
    lawsuit.refresh_from_db()
    assert lawsuit.judgment_served_date is None and lawsuit.appeal_due is None


def test_an_appeal_within_the_period_is_recorded_and_a_late_one_refused(world, judged):
    lawsuit = served(world, judged(), D(2025, 9, 23))  # due 2025-10-09
    with pytest.raises(ValidationError, match="逾期不提起上诉"):
        services.record_appeal(
            actor=world.officer,
            lawsuit=lawsuit,
            appeal=Appeal.APPEALED,
            appeal_date=D(2025, 10, 10),
        )
    lawsuit.refresh_from_db()
    assert lawsuit.appeal == ""
    services.record_appeal(
        actor=world.officer, lawsuit=lawsuit, appeal=Appeal.APPEALED, appeal_date=D(2025, 10, 9)
    )
    lawsuit.refresh_from_db()
    assert (lawsuit.appeal, lawsuit.appeal_date) == (Appeal.APPEALED, D(2025, 10, 9))


def test_not_appealed_only_once_the_period_has_ended(world, judged, monkeypatch):
    lawsuit = served(world, judged(), D(2025, 9, 23))  # due 2025-10-09
    monkeypatch.setattr(services, "guards_today", lambda: D(2025, 10, 9))
    with pytest.raises(ValidationError, match="届满前，不能登记未上诉（行政诉讼法 第八十五条）"):
        services.record_appeal(actor=world.officer, lawsuit=lawsuit, appeal=Appeal.NOT_APPEALED)
    lawsuit.refresh_from_db()
    assert lawsuit.appeal == ""
    monkeypatch.setattr(services, "guards_today", lambda: D(2025, 10, 10))
    services.record_appeal(actor=world.officer, lawsuit=lawsuit, appeal=Appeal.NOT_APPEALED)
    assert Lawsuit.objects.get(pk=lawsuit.pk).appeal == Appeal.NOT_APPEALED


def test_an_appeal_needs_the_service_date(world, judged):
    lawsuit = judged()
    with pytest.raises(ValidationError, match="请先登记裁判文书送达日期"):
        services.record_appeal(
            actor=world.officer, lawsuit=lawsuit, appeal=Appeal.APPEALED, appeal_date=D(2025, 9, 12)
        )


def test_the_appeal_clock_is_on_the_due_list_until_recorded(world, judged):
    lawsuit = served(world, judged(), D(2025, 9, 23))
    items = list(appeals_due(world.officer, D(2025, 10, 1), D(2025, 10, 15)))
    assert [(i.due_date, i.url) for i in items] == [(D(2025, 10, 9), f"/litigation/{lawsuit.pk}/")]
    assert "行政诉讼法 第八十五条" in items[0].basis
    assert list(appeals_due(world.neighbour_officer, D(2025, 10, 1), D(2025, 10, 15))) == []
    services.record_appeal(
        actor=world.officer, lawsuit=lawsuit, appeal=Appeal.APPEALED, appeal_date=D(2025, 9, 30)
    )
    assert list(appeals_due(world.officer, D(2025, 10, 1), D(2025, 10, 15))) == []


def test_the_steps_are_offered_in_order(world, judged, client):
    from fazhi.litigation.workflow import LAWSUIT_FLOW

    lawsuit = judged()
    actions = [t.action for t in LAWSUIT_FLOW.available(lawsuit, world.officer)]
    assert "record_judgment_served" in actions and "record_appeal" not in actions
    served(world, lawsuit, D(2025, 9, 23))
    actions = [t.action for t in LAWSUIT_FLOW.available(lawsuit, world.officer)]
    assert "record_appeal" in actions and "record_judgment_served" not in actions
