"""The statutory rules of 行政应诉, each from its article: the answer period, the 案号's 审级,
what counts as 败诉, and what counts as the 负责人 appearing in court."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from fazhi.core.deadlines import due_list
from fazhi.core.services import enter_calendar_year
from fazhi.litigation.models import (
    Attendance,
    HeadPost,
    Hearing,
    JudgmentType,
    head_duty_fulfilled,
    is_loss,
)
from fazhi.litigation.services import answer_due, normalize_case_number

D = datetime.date


@pytest.mark.parametrize(
    ("served", "due"),
    [
        # 行政诉讼法 第六十七条: 十五日 from receiving the complaint, the day of service not
        # counted (民事诉讼法 第八十五条): 2024-03-04 + 15 = 2024-03-19, a Tuesday.
        (D(2024, 3, 4), D(2024, 3, 19)),
        # 2024-09-21 + 15 = 2024-10-06, inside the 国庆 holiday (10-01 to 10-07): 期间届满的最后
        # 一日是法定休假日的，以法定休假日后的第一日为期间届满的日期 → 10-08.
        (D(2024, 9, 21), D(2024, 10, 8)),
        # A last day on a weekend rolls to the Monday: 2025-03-07 + 15 = 2025-03-22, a Saturday.
        (D(2025, 3, 7), D(2025, 3, 24)),
    ],
)
def test_answer_due_is_fifteen_days_rolled_past_holidays(db, served, due):
    assert answer_due(served) == due


def test_an_unknown_calendar_year_is_refused_not_guessed(db):
    with pytest.raises(ValidationError, match="2003年节假日安排尚未录入"):
        answer_due(D(2003, 5, 6))


@pytest.mark.parametrize(
    ("number", "level", "normalized"),
    [
        ("（2025）鲁0402行初12号", "first", "（2025）鲁0402行初12号"),
        ("(2025)鲁04行终7号", "second", "（2025）鲁04行终7号"),
        (" （2024）鲁行再 3号", "retrial", "（2024）鲁行再3号"),
    ],
)
def test_case_numbers_are_normalized(number, level, normalized):
    assert normalize_case_number(number, level) == normalized


@pytest.mark.parametrize(
    ("number", "level", "message"),
    [
        # 案件类型代字: 行初 is a first-instance 行政 case, 行终 an appeal.
        ("（2025）鲁0402行初12号", "second", "“行初”表示一审，与所选审级“二审”不符"),
        ("（2025）鲁04行终7号", "first", "“行终”表示二审"),
        ("鲁0402行初12号", "first", "格式不正确"),
        ("（2025）鲁0402民初12号", "first", "格式不正确"),
    ],
)
def test_case_numbers_that_contradict_the_level_are_refused(number, level, message):
    with pytest.raises(ValidationError, match=message):
        normalize_case_number(number, level)


LOSSES = {
    JudgmentType.REVOKE,  # 第七十条
    JudgmentType.REVOKE_REMAKE,  # 第七十条
    JudgmentType.PERFORM,  # 第七十二条
    JudgmentType.PAY,  # 第七十三条
    JudgmentType.CONFIRM_ILLEGAL,  # 第七十四条
    JudgmentType.CONFIRM_INVALID,  # 第七十五条
    JudgmentType.REMEDY,  # 第七十六条
    JudgmentType.ALTER,  # 第七十七条
    JudgmentType.AGREEMENT,  # 第七十八条
}


@pytest.mark.parametrize("judgment_type", list(JudgmentType))
def test_every_judgment_against_the_agency_is_a_loss(judgment_type):
    # 败诉 = any judgment but 驳回诉讼请求 (第六十九条); 裁定驳回起诉 and 撤诉 are not losses.
    assert is_loss(judgment_type) is (judgment_type in LOSSES)


def test_the_database_refuses_a_loss_flag_that_contradicts_the_judgment(world, sue):
    lawsuit = sue()
    lawsuit.status, lawsuit.judgment_type = "concluded", JudgmentType.REJECT_CLAIM
    lawsuit.concluded_date, lawsuit.lost = D(2025, 6, 1), True
    with pytest.raises(IntegrityError), transaction.atomic():
        lawsuit.save()


def test_the_database_refuses_a_judgment_on_a_pending_suit(world, sue):
    lawsuit = sue()
    lawsuit.judgment_type = JudgmentType.REVOKE
    lawsuit.lost = True
    with pytest.raises(IntegrityError), transaction.atomic():
        lawsuit.save()


@pytest.mark.parametrize(
    ("post", "proof", "counts"),
    [
        # 规定 第二条第一款: 正职、副职负责人、参与分管的副职级别负责人以及其他参与分管的负责人.
        (HeadPost.PRINCIPAL, True, True),
        (HeadPost.DEPUTY, True, True),
        (HeadPost.DEPUTY_LEVEL_IN_CHARGE, True, True),
        (HeadPost.OTHER_IN_CHARGE, True, True),
        # 第二款: 委托的组织或者下级行政机关的负责人，不能作为被诉行政机关负责人出庭.
        (HeadPost.ENTRUSTED_ORGANISATION, True, False),
        (HeadPost.LOWER_AGENCY, True, False),
        # 第六条: 身份证明不能补正的，视为行政机关负责人未出庭应诉.
        (HeadPost.PRINCIPAL, False, False),
    ],
)
def test_who_counts_as_the_head_appearing(post, proof, counts):
    assert Hearing.counts_as_head(Attendance.HEAD, post, proof) is counts


@pytest.mark.parametrize("attendance", [Attendance.STAFF, Attendance.LAWYER_ONLY, Attendance.NONE])
def test_nobody_but_the_head_counts_as_the_head(attendance):
    assert not Hearing.counts_as_head(attendance, HeadPost.PRINCIPAL, True)


@pytest.mark.parametrize(
    ("fields", "issue"),
    [
        (
            {"attendance": "head", "head_post_kind": "principal", "head_id_proof": False},
            "视为负责人未出庭（规定 第六条）",
        ),
        (
            {"attendance": "head", "head_post_kind": "lower_agency", "head_id_proof": True},
            "规定 第二条第二款",
        ),
        # 法释〔2018〕1号 第一百二十八条: 不得仅委托律师出庭.
        ({"attendance": "lawyer_only"}, "不得仅委托律师出庭（法释〔2018〕1号 第一百二十八条）"),
        ({"attendance": "none"}, "规定 第十二条第一款第三项"),
        ({"attendance": "staff", "absence_reason": ""}, "未说明理由"),
        # 规定 第九条: 应当提交相关证明材料，并加盖行政机关印章或者由该机关主要负责人签字认可.
        (
            {"attendance": "staff", "absence_reason": "accident", "absence_proof": False},
            "规定 第九条",
        ),
    ],
)
def test_shortfalls_are_named_with_their_rule(fields, issue):
    issues = Hearing(**fields).issues()
    assert len(issues) == 1 and issue in issues[0]


@pytest.mark.parametrize(
    "fields",
    [
        {"attendance": "head", "head_post_kind": "deputy", "head_id_proof": True},
        # 规定 第八条第三项 with its proof (第九条): a valid absence with staff in court.
        {"attendance": "staff", "absence_reason": "irreplaceable_duty", "absence_proof": True},
    ],
)
def test_compliant_appearances_have_no_issues(fields):
    assert Hearing(**fields).issues() == []


def _hearing(day, head=False, summoned=False):
    return SimpleNamespace(date=D(2025, 5, day), pk=day, head_appeared=head, head_summoned=summoned)


@pytest.mark.parametrize(
    ("hearings", "fulfilled"),
    [
        ([], False),
        ([_hearing(1)], False),
        # 规定 第七条第一款: 到庭参加一次庭审的，一般可以认定其已经履行出庭应诉义务.
        ([_hearing(1), _hearing(9, head=True), _hearing(20)], True),
        # … 但人民法院通知行政机关负责人再次出庭的除外.
        ([_hearing(1, head=True), _hearing(9, summoned=True)], False),
        ([_hearing(1, head=True), _hearing(9, summoned=True), _hearing(20, head=True)], True),
        # A summons before the head ever appeared is not a second summons.
        ([_hearing(1, summoned=True), _hearing(9, head=True)], True),
    ],
)
def test_one_appearance_per_level_fulfils_the_duty(hearings, fulfilled):
    assert head_duty_fulfilled(list(reversed(hearings))) is fulfilled


def test_a_period_in_an_unknown_year_stays_open_until_the_year_is_entered(world, sue):
    lawsuit = sue(
        filed=D(2003, 5, 1), served_date=D(2003, 5, 6), case_number="（2003）鲁0202行初1号"
    )
    assert lawsuit.answer_due is None  # never a guess
    warnings = due_list(world.officer, D(2003, 5, 10)).warnings
    assert any(w.startswith("2003年节假日安排尚未录入") for w in warnings)
    enter_calendar_year(
        actor=world.admin, year=2003, notice="国务院办公厅通知", holidays=[], workdays=[]
    )
    lawsuit.refresh_from_db()
    assert lawsuit.answer_due == D(2003, 5, 21)
