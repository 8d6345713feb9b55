"""社区矫正 rules from the articles' text, and the bad input of issue 22."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.corrections import services
from fazhi.corrections.models import (
    Access,
    Investigation,
    LocationGround,
    LocationOrder,
    LocationPoint,
    Subject,
)

D = datetime.timedelta


@pytest.fixture
def officer(demo):
    return demo.users["donghu_corrections"]


@pytest.fixture
def subject(demo):
    return Subject.objects.filter(
        unit=demo.units["donghu_justice"], status="supervised", is_minor=False
    ).first()


def test_three_months_counted_as_the_civil_code_counts_months():
    # 民法典 第二百零二条: the corresponding day of the month of expiry; its last day if none.
    assert services.three_months_after(datetime.date(2025, 3, 1)) == datetime.date(2025, 6, 1)
    assert services.three_months_after(datetime.date(2025, 11, 30)) == datetime.date(2026, 2, 28)
    assert services.three_months_after(datetime.date(2023, 11, 30)) == datetime.date(2024, 2, 29)


def test_a_location_order_longer_than_three_months_is_refused_and_nothing_written(officer, subject):
    start = subject.term_start + D(days=1)
    before = LocationOrder.objects.count()
    with pytest.raises(ValidationError, match="不得超过三个月.*第二十九条"):
        services.order_location(
            actor=officer,
            subject=subject,
            ground=LocationGround.LEFT_AREA,
            approver="局长",
            approved_date=start,
            start=start,
            end=services.three_months_after(start) + D(days=1),
        )
    assert LocationOrder.objects.count() == before


def test_no_location_data_outside_an_order(officer, subject):
    with pytest.raises(ValidationError, match="不在任何已批准的电子定位期间内"):
        services.record_location(
            actor=officer,
            subject=subject,
            recorded_at=datetime.datetime.combine(
                subject.term_start, datetime.time(9), tzinfo=datetime.UTC
            ),
            latitude="36.1",
            longitude="117.1",
        )


def test_an_extension_is_a_new_order_from_the_day_after(officer, subject):
    order = subject.location_orders.get()
    with pytest.raises(ValidationError, match="次日"):
        services.order_location(
            actor=officer,
            subject=subject,
            ground=order.ground,
            approver="局长",
            approved_date=order.start,
            start=order.end + D(days=2),
            end=order.end + D(days=20),
            extends=order,
        )


def test_a_reveal_without_a_reason_is_refused_and_recorded(officer, subject):
    access = services.reveal(actor=officer, record=subject, field="id_number", reason=" ")
    assert not access.granted and "须写明理由" in access.refusal
    assert Access.objects.filter(pk=access.pk, granted=False, field="id_number").exists()
    granted = services.reveal(
        actor=officer, record=subject, field="id_number", reason="核对报到身份"
    )
    assert granted.granted and granted.created_by == officer


def test_the_superior_bureau_cannot_reveal(demo, subject):
    access = services.reveal(
        actor=demo.users["city_leader"], record=subject, field="name", reason="检查工作需要"
    )
    assert not access.granted and "上级机关" in access.refusal


def test_intake_gaps_of_articles_20_and_21(subject):
    subject.effective_date = datetime.date(2025, 1, 1)
    subject.notice_date = datetime.date(2025, 1, 6)  # the fifth day: on time
    subject.documents_date = datetime.date(2025, 1, 12)  # the eleventh day: late
    subject.reported_date = None
    gaps = subject.intake_gaps()
    assert len(gaps) == 2
    assert any("逾期1日" in g and "第二十条" in g for g in gaps)
    assert any("未登记" in g and "第二十一条" in g for g in gaps)


def test_investigation_period_is_ten_working_days_around_national_day(demo, officer):
    # 2025-09-30 received: 10.1–10.8 holidays, 10.11 (Saturday) a 调休 workday:
    # 10.9, 10.10, 10.11, 10.13 … the tenth working day is 10.21, the fifth 10.14.
    investigation = services.register_investigation(
        actor=officer,
        unit=demo.units["donghu_justice"],
        organ_kind="court",
        organ="东湖区人民法院",
        reference="测试001",
        person_name="测试某",
        proposed_category="probation",
        received_date=datetime.date(2025, 9, 30),
    )
    assert investigation.due_date == datetime.date(2025, 10, 21)
    fast = services.register_investigation(
        actor=officer,
        unit=demo.units["donghu_justice"],
        organ_kind="court",
        organ="东湖区人民法院",
        reference="测试002",
        person_name="测试某",
        proposed_category="probation",
        received_date=datetime.date(2025, 9, 30),
        fast_track=True,
    )
    assert fast.due_date == datetime.date(2025, 10, 14)
    assert Investigation.objects.get(pk=fast.pk).late


def test_release_before_the_term_ends_is_refused(officer, subject):
    with pytest.raises(ValidationError, match="第四十四条"):
        services.release_subject(
            actor=officer,
            subject=subject,
            released_date=subject.term_start,
            certificate_number="X1",
        )


def test_points_are_removed_after_the_retention_period(demo, officer, settings):
    settings.FAZHI_CORRECTIONS_LOCATION_RETENTION_DAYS = 30
    start = datetime.date(2025, 1, 6)
    subject = services.receive_subject(
        actor=officer,
        unit=demo.units["donghu_justice"],
        station=demo.units["donghu_town0"],
        number="JZ-TEST-1",
        name="测试人",
        community="幸福社区",
        category="control",
        decision_organ="东湖区人民法院",
        effective_date=start,
        reported_date=start,
        term_start=start,
        term_end=datetime.date(2025, 3, 31),
    )
    services.order_location(
        actor=officer,
        subject=subject,
        ground=LocationGround.PROHIBITION,
        approver="局长",
        approved_date=start,
        start=start,
        end=datetime.date(2025, 3, 31),
    )
    services.record_location(
        actor=officer,
        subject=subject,
        recorded_at=datetime.datetime(2025, 2, 1, 9, tzinfo=datetime.UTC),
        latitude="36.1",
        longitude="117.1",
    )
    services.release_subject(
        actor=officer,
        subject=subject,
        released_date=datetime.date(2025, 3, 31),
        certificate_number="解矫1",
    )
    assert services.purge_location_points(actor=demo.admin, on=datetime.date(2025, 4, 30)) == 0
    assert services.purge_location_points(actor=demo.admin, on=datetime.date(2025, 5, 1)) == 1
    assert not LocationPoint.objects.filter(subject=subject).exists()
