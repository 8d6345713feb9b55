"""The statutory clocks, from the articles' text, on real dates across the 国庆 and 春节
holidays and a 调休 Saturday."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.calendar import CalendarYearUnknown
from fazhi.core.calendar import _package_years as package_years
from fazhi.core.services import enter_calendar_year
from fazhi.reconsideration import deadlines, services
from fazhi.reconsideration.models import Case, Procedure, State, Suspension

from .conftest import D


# 第三十条第一款: 行政复议机关收到行政复议申请后，应当在五日内进行审查。
# 第八十八条第二款: “五日”……是指工作日，不含法定休假日。
def test_review_period_is_five_working_days_across_national_day(register):
    case = register(received=D(2024, 9, 27))
    # 9-29 (Sunday) is a 调休 workday, 10-01…10-07 the holiday.
    assert case.acceptance_due == D(2024, 10, 10)


# 第三十一条第二款: 申请人应当自收到补正通知之日起十日内提交补正材料。
def test_supplement_period_is_ten_working_days_across_spring_festival(register, officer):
    case = register(received=D(2025, 1, 22))
    case = services.request_supplement(
        actor=officer,
        case=case,
        notice_date=D(2025, 1, 23),
        received_date=D(2025, 1, 24),
        items="补充行政处罚决定书",
    )
    assert case.state == State.AWAITING_SUPPLEMENT
    # 1-26 调休; 1-28…2-04 holiday; 2-08 (Saturday) 调休.
    assert case.supplement_due == D(2025, 2, 13)


# 第三十一条第一款: 补正通知应当一次性载明需要补正的事项。
def test_supplement_notice_only_once(register, officer):
    case = register()
    case = services.request_supplement(
        actor=officer, case=case, notice_date=D(2024, 9, 29), items="甲"
    )
    case = services.receive_supplement(actor=officer, case=case, date=D(2024, 10, 9))
    with pytest.raises(ValidationError, match="一次性"):
        services.request_supplement(
            actor=officer, case=case, notice_date=D(2024, 10, 10), items="乙"
        )


# 第三十一条第三款: 行政复议机关收到补正材料后，依照本法第三十条的规定处理 — the review starts again.
def test_supplement_received_restarts_the_review(register, officer):
    case = register(received=D(2024, 9, 27))
    case = services.request_supplement(
        actor=officer, case=case, notice_date=D(2024, 9, 29), items="甲"
    )
    case = services.receive_supplement(actor=officer, case=case, date=D(2024, 10, 9))
    assert case.state == State.REGISTERED
    assert case.acceptance_due == D(2024, 10, 15)  # 10-12 (Saturday) is a 调休 workday


# 第三十一条第二款: 无正当理由逾期不补正的，视为申请人放弃行政复议申请。
def test_abandonment_only_after_the_supplement_period(register, officer):
    case = register(received=D(2025, 1, 22))
    case = services.request_supplement(
        actor=officer, case=case, notice_date=D(2025, 1, 24), items="补充材料"
    )
    with pytest.raises(ValidationError, match="届满前不能视为放弃"):
        services.deem_abandoned(actor=officer, case=case, date=D(2025, 2, 13))
    case = services.deem_abandoned(actor=officer, case=case, date=D(2025, 2, 14))
    assert (case.state, case.outcome, case.closed_date) == (
        State.ABANDONED,
        "abandoned",
        D(2025, 2, 14),
    )


# 第三十条第三款: 审查期限届满，行政复议机关未作出不予受理决定的，自期限届满之日起视为受理。
def test_deemed_acceptance_from_the_expiry_day(register, officer):
    case = register(received=D(2024, 9, 27))
    with pytest.raises(ValidationError, match="尚未届满"):
        services.deem_accepted(actor=officer, case=case, date=D(2024, 10, 10))
    case = services.deem_accepted(actor=officer, case=case, date=D(2024, 10, 11))
    assert (case.state, case.accepted_date, case.deemed_accepted) == (
        State.HEARING,
        D(2024, 10, 10),
        True,
    )


# 第三十条第一款: the seven conditions; 第三十条第二款: 不予受理 within the review period.
def test_acceptance_needs_all_seven_conditions(register, officer):
    case = register()
    conditions = {key: True for key, _ in services.ACCEPTANCE_CONDITIONS}
    conditions["jurisdiction"] = False
    with pytest.raises(ValidationError, match="属于本机关的管辖范围"):
        services.accept(
            actor=officer,
            case=case,
            date=D(2024, 9, 30),
            conditions=conditions,
            procedure=Procedure.ORDINARY,
        )
    with pytest.raises(ValidationError, match="审查期限内"):
        services.refuse(
            actor=officer,
            case=case,
            date=D(2024, 10, 11),
            failed=["jurisdiction"],
            reasons="不属于本机关管辖",
            competent_organ="西江市人民政府",  # 第三十条第二款
        )
    case = services.refuse(
        actor=officer,
        case=case,
        date=D(2024, 10, 10),
        failed=["jurisdiction"],
        reasons="不属于本机关管辖",
        competent_organ="西江市人民政府",
    )
    assert case.outcome == "not_accepted"
    assert case.documents.get().title == "不予受理行政复议申请决定书"


# 第四十八条: 受理之日起七日内发送副本；被申请人自收到之日起十日内答复.
# 第五十四条: 简易程序三日内发送，五日内答复.
@pytest.mark.parametrize(
    ("procedure", "copy_due", "reply_due"),
    [
        (Procedure.ORDINARY, D(2024, 10, 15), D(2024, 10, 24)),
        (Procedure.SIMPLE, D(2024, 10, 10), D(2024, 10, 17)),
    ],
)
def test_copy_and_reply_periods(accepted, officer, procedure, copy_due, reply_due):
    case = accepted(accepted_on=D(2024, 9, 30), procedure=procedure, act_amount=500)
    assert case.copy_due == copy_due
    case = services.send_copy(actor=officer, case=case, date=D(2024, 10, 11))
    assert case.reply_due == reply_due


# 第六十二条: 普通程序自受理之日起六十日内；简易程序三十日内. 民事诉讼法 第八十五条: a last day that
# is a holiday moves to the first day after it.
@pytest.mark.parametrize(
    ("accepted_on", "procedure", "due"),
    [
        (D(2024, 8, 2), Procedure.ORDINARY, D(2024, 10, 8)),
        (D(2024, 9, 1), Procedure.SIMPLE, D(2024, 10, 8)),
        (D(2024, 7, 1), Procedure.ORDINARY, D(2024, 8, 30)),
    ],
)
def test_decision_period_in_calendar_days_rolls_over_holidays(
    accepted, accepted_on, procedure, due
):
    case = accepted(accepted_on=accepted_on, procedure=procedure, act_amount=800)
    assert case.decision_due == due


# 第六十二条第一款: 情况复杂的，经批准可以适当延长，但延长期限最多不得超过三十日 — once, ordinary only.
def test_one_extension_of_at_most_thirty_days(accepted, leader, officer):
    case = accepted(accepted_on=D(2024, 7, 1))
    with pytest.raises(ValidationError, match="负责人"):
        services.extend(actor=officer, case=case, date=D(2024, 8, 1), days=30, reason="复杂")
    with pytest.raises(ValidationError, match="三十日"):
        services.extend(actor=leader, case=case, date=D(2024, 8, 1), days=31, reason="复杂")
    case = services.extend(actor=leader, case=case, date=D(2024, 8, 1), days=30, reason="案情复杂")
    assert case.decision_due == D(2024, 9, 29)  # 8-30 + 30 = 9-29, a 调休 Sunday: a workday
    with pytest.raises(ValidationError, match="已经延期一次"):
        services.extend(actor=leader, case=case, date=D(2024, 8, 2), days=5, reason="再延")
    assert case.documents.filter(kind="extension").count() == 1


def test_simple_procedure_cannot_be_extended(accepted, leader):
    case = accepted(accepted_on=D(2024, 9, 2), procedure=Procedure.SIMPLE, act_amount=300)
    with pytest.raises(ValidationError, match="简易程序"):
        services.extend(actor=leader, case=case, date=D(2024, 9, 10), days=10, reason="复杂")


# 第三十九条: 中止; default rule (statutes.md open question 4): the decision clock stops.
def test_suspension_stops_the_decision_clock(accepted, officer):
    case = accepted(accepted_on=D(2024, 7, 1))
    case = services.suspend(
        actor=officer, case=case, date=D(2024, 7, 10), ground=Suspension.Ground.OTHER_CASE
    )
    assert case.state == State.SUSPENDED
    case = services.resume(actor=officer, case=case, date=D(2024, 7, 20))
    assert case.decision_due == D(2024, 9, 9)  # 8-30 + 10 days
    assert [d.kind for d in case.documents.all()] == ["acceptance", "suspension", "resumption"]


def test_suspension_on_other_grounds_needs_a_reason(accepted, officer):
    case = accepted()
    with pytest.raises(ValidationError, match="具体理由"):
        services.suspend(
            actor=officer, case=case, date=D(2024, 8, 5), ground=Suspension.Ground.OTHER
        )


# 第四十一条第一款第五项: 依照本法第三十九条第一款第一项、第二项、第四项的规定中止行政复议满六十日，
# 行政复议中止的原因仍未消除 → 终止.
def test_termination_after_sixty_days_of_suspension(accepted, officer):
    case = accepted(accepted_on=D(2024, 7, 1))
    case = services.suspend(
        actor=officer, case=case, date=D(2024, 7, 5), ground=Suspension.Ground.DEATH
    )
    suspension = case.suspensions.get()
    assert deadlines.termination_prompt_due(suspension) == D(2024, 9, 3)
    with pytest.raises(ValidationError, match="满六十日"):
        services.terminate(
            actor=officer, case=case, date=D(2024, 9, 2), ground=5, reason="近亲属未确定"
        )
    case = services.terminate(
        actor=officer, case=case, date=D(2024, 9, 3), ground=5, reason="近亲属未确定"
    )
    assert (case.outcome, case.outcome_ground) == ("terminated", "41.5")
    assert case.suspensions.get().end_date == D(2024, 9, 3)


def test_stored_clocks_are_reproducible_from_the_recorded_dates(accepted, officer, leader):
    case = accepted(accepted_on=D(2024, 7, 1))
    case = services.send_copy(actor=officer, case=case, date=D(2024, 7, 3))
    case = services.extend(actor=leader, case=case, date=D(2024, 8, 1), days=15, reason="复杂")
    stored = {name: getattr(case, name) for name in deadlines.CLOCK_FIELDS}
    recomputed, warnings = deadlines.clocks(case)
    assert stored == recomputed and warnings == []


def test_a_clock_in_an_unknown_year_is_left_open_with_a_warning(db):
    unknown = max(package_years()) + 1
    case = Case(
        review_start=D(unknown - 1, 12, 1),
        accepted_date=D(unknown - 1, 12, 1),
        procedure=Procedure.ORDINARY,
    )
    values, warnings = deadlines.clocks(case)
    assert values["acceptance_due"] == D(unknown - 1, 12, 8)
    assert values["decision_due"] is None  # never a guess
    assert warnings == [str(CalendarYearUnknown(unknown))]


def test_entering_the_year_computes_the_clocks_left_open(accepted, demo):
    unknown = max(package_years()) + 1
    case = accepted(accepted_on=D(2024, 8, 2))
    # A case whose decision period ends in the unknown year (as a late-December case would).
    case.accepted_date = D(unknown - 1, 12, 1)
    case.decision_due = None
    case.save()
    enter_calendar_year(
        actor=demo.admin,
        year=unknown,
        notice="国务院办公厅通知",
        holidays=[D(unknown, 1, 1)],
        workdays=[],
    )
    case.refresh_from_db()
    assert case.decision_due == next_weekday(D(unknown - 1, 12, 1) + timedelta(days=60))


def next_weekday(day):
    """The entered year above has only 1 January as a holiday: weekends still roll over."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
