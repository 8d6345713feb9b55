"""法制审核 under 行政处罚法 第五十八条第二款 (行政机关中初次从事行政处罚决定法制审核的人员，应当通过
国家统一法律职业资格考试取得法律职业资格; 第八十六条: 本法自2021年7月15日起施行), certificates
judged as they stood on a past date, and the 5% floor (国办发〔2018〕118号)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.enforcement import services
from fazhi.enforcement.models import EnforcementAction, MajorGround, Officer
from fazhi.enforcement.selectors.agencies import StaffRatio, staff_ratio

from .conftest import ago, id_number

D = datetime.date


@pytest.fixture
def major(world, certified):
    item = services.add_major_decision_item(
        actor=world.actor, unit=world.market, title="吊销许可证", ground=MajorGround.PUBLIC_INTEREST
    )
    return services.register_action(
        actor=world.actor,
        unit=world.market,
        kind="penalty",
        number="罚1",
        party="某公司",
        summary="违法经营",
        started_date=ago(20),
        officers=[certified(), certified()],
        major_item=item,
    )


def review(world, action, reviewer):
    return services.record_legal_review(
        actor=world.actor,
        enforcement_action=action,
        reviewer=reviewer,
        review_date=ago(5),
        review_opinion="同意",
        review_passed=True,
    )


def reviewer_since(certified, since):
    officer = certified(reviewer=True, qualified=False)
    officer.legal_review_since = since
    officer.save()
    return officer


@pytest.mark.parametrize(
    ("since", "allowed"),
    [
        (D(2021, 7, 14), True),  # began before the law took effect: not 初次从事
        (D(2021, 7, 15), False),  # on the day it took effect: 初次从事 under the law
        (D(2023, 3, 1), False),
        (None, False),  # not recorded: counted as 初次, the date is asked for
    ],
)
def test_first_time_means_began_on_or_after_2021_07_15(world, major, certified, since, allowed):
    reviewer = reviewer_since(certified, since)
    if allowed:
        assert review(world, major, reviewer).review_passed is True
        return
    with pytest.raises(
        ValidationError, match="应当取得法律职业资格（行政处罚法 第五十八条第二款）"
    ):
        review(world, major, reviewer)
    assert EnforcementAction.objects.get(pk=major.pk).reviewer_id is None


def test_an_earlier_review_does_not_make_an_unqualified_newcomer_eligible(world, major, certified):
    # The old reading (初次 = no review on the platform yet) let a second review through.
    reviewer = reviewer_since(certified, D(2024, 1, 1))
    with pytest.raises(ValidationError, match="2024-01-01初次从事"):
        review(world, major, reviewer)


def test_the_reviewer_start_is_recorded_with_the_officer(world):
    officer = services.register_officer(
        actor=world.actor,
        unit=world.market,
        name="审核员",
        id_number=id_number(900),
        is_legal_reviewer=True,
        legal_review_since=D(2019, 5, 6),
    )
    assert Officer.objects.get(pk=officer.pk).legal_review_since == D(2019, 5, 6)
    assert not officer.needs_legal_qualification()


def test_a_past_date_is_judged_by_the_certificate_then_in_force(world, certified):
    from decimal import Decimal

    officer = certified(issued_ago=400)
    old = officer.current_certificate()
    renewal = services.apply_certificate(
        actor=world.actor, officer=officer, applied_date=ago(40), is_renewal=True
    )
    services.record_training(
        actor=world.actor,
        officer=officer,
        title="换证培训",
        date=ago(35),
        hours=Decimal(8),
        certificate=renewal,
    )
    services.record_exam(
        actor=world.actor, certificate=renewal, exam_date=ago(30), exam_score=Decimal(90)
    )
    services.issue_certificate(
        actor=world.actor,
        certificate=renewal,
        number="NEW001",
        issue_date=ago(10),
        valid_until=ago(10) + datetime.timedelta(days=1800),
    )
    officer = Officer.objects.get(pk=officer.pk)
    old.refresh_from_db()
    assert old.status == "withdrawn" and old.status_changed_date == ago(10)
    # 100 days ago the old certificate was in force; today's (issued 10 days ago) is not the
    # one that decides.
    assert officer.certificate_problem(ago(100)) == ""
    assert officer.certificate_on(ago(100)).pk == old.pk
    assert officer.certificate_problem(ago(5)) == ""
    assert officer.certificate_problem(ago(500)) != ""  # before any certificate


def test_a_suspension_holds_from_its_date(world, certified):
    officer = certified(issued_ago=100)
    certificate = officer.current_certificate()
    services.suspend_certificate(actor=world.actor, certificate=certificate, reason="违纪")
    officer = Officer.objects.get(pk=officer.pk)
    assert officer.certificate_problem(ago(0)).startswith("执法证件已暂扣")
    assert officer.certificate_problem(ago(30)) == ""


@pytest.mark.parametrize(
    ("certified_count", "reviewers", "below"),
    [(20, 1, False), (21, 1, True), (40, 2, False), (41, 2, True), (0, 0, False)],
)
def test_the_five_percent_floor_counting_rule(certified_count, reviewers, below):
    # Reviewers counted among the certified officers; exactly 5% meets the floor; no rounding.
    assert StaffRatio(certified_count, reviewers).below_floor is below


def test_the_floor_counts_only_active_officers_with_a_certificate_valid_on_the_day(
    world, certified
):
    certified(reviewer=True)
    for _ in range(19):
        certified()
    assert staff_ratio(world.actor, world.market, ago(0)) == StaffRatio(20, 1)
    newcomer = certified(issued_ago=1)  # certificate issued yesterday
    assert staff_ratio(world.actor, world.market, ago(0)).below_floor  # 1 of 21
    assert staff_ratio(world.actor, world.market, ago(2)) == StaffRatio(20, 1)
    newcomer.is_active = False
    newcomer.save()
    assert not staff_ratio(world.actor, world.market, ago(0)).below_floor
