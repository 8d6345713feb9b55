"""三项制度: 公示 (行政处罚法 第三十九条、第四十八条), 全过程记录 (第四十七条) and 重大执法决定
法制审核 (第五十八条), and the 免罚轻罚 treatment of a case (第三十三条)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from fazhi.enforcement import services
from fazhi.enforcement.models import (
    ActionStatus,
    EnforcementAction,
    ListBasis,
    ListCategory,
    MajorGround,
)

from .conftest import TODAY, ago


@pytest.fixture
def action(world, certified):
    def register(major=False, kind="penalty", number="罚1"):
        item = None
        if major:
            item = services.add_major_decision_item(
                actor=world.actor,
                unit=world.market,
                title=f"大额罚款{number}",
                ground=MajorGround.PUBLIC_INTEREST,
            )
        return services.register_action(
            actor=world.actor,
            unit=world.market,
            kind=kind,
            number=number,
            party="某公司",
            summary="违法经营",
            started_date=ago(20),
            officers=[certified(), certified()],
            major_item=item,
        )

    return register


def test_a_major_decision_cannot_be_decided_without_legal_review(world, action, certified):
    """第五十八条: 未经法制审核或者审核未通过的，不得作出决定."""
    major = action(major=True)
    with pytest.raises(ValidationError, match="第五十八条"):
        services.decide_action(
            actor=world.actor, enforcement_action=major, decided_date=ago(1), outcome="penalized"
        )
    reviewer = certified(reviewer=True)
    services.record_legal_review(
        actor=world.actor,
        enforcement_action=major,
        reviewer=reviewer,
        review_date=ago(5),
        review_opinion="不同意",
        review_passed=False,
    )
    with pytest.raises(ValidationError, match="审核未通过"):
        services.decide_action(
            actor=world.actor, enforcement_action=major, decided_date=ago(1), outcome="penalized"
        )
    services.record_legal_review(
        actor=world.actor,
        enforcement_action=major,
        reviewer=reviewer,
        review_date=ago(4),
        review_opinion="同意",
        review_passed=True,
    )
    services.decide_action(
        actor=world.actor, enforcement_action=major, decided_date=ago(1), outcome="penalized"
    )
    assert EnforcementAction.objects.get(pk=major.pk).status == ActionStatus.DECIDED


def test_the_database_refuses_an_unreviewed_major_decision(world, action):
    major = action(major=True)
    major.status, major.decided_date = ActionStatus.DECIDED, ago(1)
    with pytest.raises(IntegrityError), transaction.atomic():
        major.save()


def test_the_reviewer_is_a_qualified_legal_reviewer_of_the_agency(world, action, certified):
    """第五十八条第二款: 初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试."""
    major = action(major=True)
    review = dict(
        actor=world.actor,
        enforcement_action=major,
        review_date=ago(5),
        review_opinion="同意",
        review_passed=True,
    )
    with pytest.raises(ValidationError, match="不是测试区市场监督管理局的法制审核人员"):
        services.record_legal_review(**review, reviewer=certified())
    with pytest.raises(ValidationError, match="法律职业资格"):
        services.record_legal_review(**review, reviewer=certified(reviewer=True, qualified=False))


def test_publicity_and_recording_fill_the_three_systems(world, action):
    ordinary = action()
    assert len(ordinary.three_systems_gaps()) == 2
    with pytest.raises(ValidationError, match="第四十八条"):
        services.record_publicity(
            actor=world.actor,
            enforcement_action=ordinary,
            stage="post",
            date=ago(1),
            link="https://x.gov.cn/",
        )
    services.record_publicity(
        actor=world.actor,
        enforcement_action=ordinary,
        stage="pre",
        date=ago(19),
        link="https://x.gov.cn/gs",
    )
    with pytest.raises(ValidationError, match="第四十七条"):
        services.record_recording(
            actor=world.actor,
            enforcement_action=ordinary,
            recording_forms="执法记录仪",
            recording_location="",
        )
    services.record_recording(
        actor=world.actor,
        enforcement_action=ordinary,
        recording_forms="文字、音像",
        recording_location="档案室",
    )
    services.decide_action(
        actor=world.actor, enforcement_action=ordinary, decided_date=ago(2), outcome="penalized"
    )
    assert ordinary.three_systems_gaps() == ["未登记事后公示（行政处罚法 第四十八条）"]
    services.record_publicity(
        actor=world.actor,
        enforcement_action=ordinary,
        stage="post",
        date=ago(1),
        link="https://x.gov.cn/cf",
    )
    assert ordinary.three_systems_gaps() == []


def _published_list(world):
    penalty_list = services.create_penalty_list(
        actor=world.actor, unit=world.justice, year=TODAY.year, version="2021年版"
    )
    item = services.add_list_item(
        actor=world.actor,
        penalty_list=penalty_list,
        number=1,
        category=ListCategory.NO_PENALTY,
        basis=ListBasis.FIRST_OFFENCE,
        violation="未公示年报",
        legal_basis="《企业信息公示暂行条例》第八条",
        conditions="初次违法且危害后果轻微并及时改正",
        treatment="不予处罚",
    )
    return penalty_list, item


def test_a_no_penalty_case_needs_education_and_a_published_matching_item(world, action):
    """第三十三条第三款: 对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育."""
    penalty_list, item = _published_list(world)
    case = action()
    decide = dict(actor=world.actor, enforcement_action=case, decided_date=ago(1))
    with pytest.raises(ValidationError, match="第三十三条第三款"):
        services.decide_action(**decide, outcome="no_penalty", list_item=item)
    with pytest.raises(ValidationError, match="尚未公布施行"):
        services.decide_action(**decide, outcome="no_penalty", list_item=item, education="批评教育")
    services.publish_list(actor=world.actor, penalty_list=penalty_list, published_date=ago(10))
    item.refresh_from_db()
    with pytest.raises(ValidationError, match="不予处罚事项"):
        services.decide_action(**decide, outcome="lighter", list_item=item)
    services.decide_action(**decide, outcome="no_penalty", list_item=item, education="批评教育")
    assert item.cases.count() == 1


def test_only_penalty_cases_carry_a_list_item(world, action):
    _, item = _published_list(world)
    inspection = action(kind="inspection", number="检1")
    with pytest.raises(ValidationError, match="只有行政处罚案件"):
        services.decide_action(
            actor=world.actor,
            enforcement_action=inspection,
            decided_date=ago(1),
            outcome="no_penalty",
            list_item=item,
        )
