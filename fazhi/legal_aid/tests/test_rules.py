"""The articles of 法律援助法 as the services apply them, with dates around 国庆 2025
(10-01 to 10-08 holidays; Sun 09-28 and Sat 10-11 调休 workdays), and the bad inputs of the
issue: each refused with a Chinese message naming the article, nothing half-written."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.models import DomainEvent
from fazhi.legal_aid import periods, services
from fazhi.legal_aid.models import (
    AidCase,
    CaseType,
    EconomicCheck,
    Grade,
    Matter,
    Objection,
    ProviderKind,
    ProvisionalGround,
    QualityMethod,
    State,
    TerminationGround,
)

D = datetime.date
SEPT_1 = D(2025, 9, 1)


def fresh(case):
    return AidCase.objects.get(pk=case.pk)


# — 第四十三条: 七日 (the day type a setting), 三日 —


def test_the_review_period_is_seven_calendar_days_moved_off_the_national_day(aid):
    # 自收到法律援助申请之日起七日内: 09-28 + 7 = 10-05, a holiday → the next workday 10-09.
    case = aid.apply(received=D(2025, 9, 28))
    assert case.decision_due == D(2025, 10, 9)


def test_the_working_day_reading_is_a_setting(aid, monkeypatch):
    # 七个工作日 (程序规定 2012): 09-29, 09-30, 10-09, 10-10, 10-11 (调休), 10-13, 10-14.
    monkeypatch.setattr(periods, "DECISION_DAY_TYPE", periods.WORKING)
    case = aid.apply(received=D(2025, 9, 28))
    assert case.decision_due == D(2025, 10, 14)


def test_a_late_decision_without_a_reason_is_refused_and_with_one_recorded(aid):
    case = aid.apply(received=D(2025, 9, 28))
    with pytest.raises(ValidationError, match="第四十三条第一款.*2025-10-09.*请写明逾期原因"):
        services.grant(actor=aid.reviewer, case=case, decided_date=D(2025, 10, 10))
    assert fresh(case).state == State.RECEIVED and fresh(case).decided_date is None
    services.grant(
        actor=aid.reviewer, case=fresh(case), decided_date=D(2025, 10, 10), late_reason="材料核查"
    )
    granted = fresh(case)
    assert granted.state == State.GRANTED and granted.decision_overdue
    assert granted.late_reason == "材料核查"
    # 自作出决定之日起三日内指派: 10-10 + 3 = 10-13 (Monday).
    assert granted.assignment_due == D(2025, 10, 13)


def test_a_decision_on_the_last_day_needs_no_reason(aid):
    case = aid.apply(received=D(2025, 9, 28))
    services.grant(actor=aid.reviewer, case=case, decided_date=D(2025, 10, 9))
    assert fresh(case).late_reason == "" and not fresh(case).decision_overdue


def test_only_reviewers_decide(aid):
    case = aid.apply()
    with pytest.raises(ValidationError, match="须由审核人、负责人办理"):
        services.grant(actor=aid.officer, case=case, decided_date=D(2025, 9, 29))


def test_a_refusal_needs_written_reasons(aid):
    case = aid.apply()
    with pytest.raises(ValidationError, match="说明理由（第四十三条第一款）"):
        services.refuse(
            actor=aid.reviewer, case=case, decided_date=D(2025, 9, 29), refusal_reason=" "
        )
    assert fresh(case).state == State.RECEIVED


# — 第四十三条第二款: one-time 补正, otherwise 视为撤回 —


def test_supplement_is_asked_once_and_restarts_the_review(aid):
    case = aid.apply(received=D(2025, 9, 1))
    services.request_supplement(
        actor=aid.officer, case=case, requested_date=D(2025, 9, 2), items="劳动合同"
    )
    case = fresh(case)
    assert case.state == State.SUPPLEMENT and case.supplement_due == D(2025, 9, 17)
    services.receive_supplement(actor=aid.officer, case=case, received_date=D(2025, 9, 28))
    case = fresh(case)
    assert case.state == State.RECEIVED and case.decision_due == D(2025, 10, 9)
    with pytest.raises(ValidationError, match="一次性告知"):
        services.request_supplement(
            actor=aid.officer, case=case, requested_date=D(2025, 9, 29), items="工资条"
        )


def test_no_supplement_is_deemed_withdrawn_only_after_the_period(aid):
    case = aid.apply(received=D(2025, 9, 1))
    services.request_supplement(
        actor=aid.officer, case=case, requested_date=D(2025, 9, 2), items="劳动合同"
    )
    with pytest.raises(ValidationError, match="尚未届满"):
        services.deem_withdrawn(actor=aid.officer, case=fresh(case), on=D(2025, 9, 17))
    services.deem_withdrawn(actor=aid.officer, case=fresh(case), on=D(2025, 9, 18))
    assert fresh(case).state == State.WITHDRAWN


# — 第四十一、四十二、三十二条: economic difficulty —


def test_economic_difficulty_is_explained_or_exempt_with_its_ground(aid):
    with pytest.raises(ValidationError, match="第四十一条"):
        aid.apply(economic_evidence="")
    with pytest.raises(ValidationError, match="第四十二条的情形"):
        aid.apply(economic_check=EconomicCheck.EXEMPT, economic_evidence="")
    with pytest.raises(ValidationError, match="第三十二条的情形"):
        aid.apply(economic_check=EconomicCheck.UNRESTRICTED)
    case = aid.apply(economic_check=EconomicCheck.EXEMPT, exemption="3", economic_evidence="")
    assert case.get_exemption_display().startswith("申请支付劳动报酬")


def test_a_bad_id_number_is_refused(aid):
    with pytest.raises(ValidationError, match="身份证号码"):
        aid.apply(applicant_id_number="370402199001015012")


# — 第三十六条 notified cases, 第二十六条 experience, 第三十九条 24 hours —


def test_a_notified_case_is_assigned_within_three_days_of_receipt(aid):
    # 收到通知后三日内指派: 09-29 + 3 = 10-02 (holiday) → 10-09.
    case = aid.notice(received=D(2025, 9, 29))
    assert case.state == State.GRANTED and case.assignment_due == D(2025, 10, 9)
    lawyer = aid.provider(5)
    with pytest.raises(ValidationError, match="第三十六条规定的三日指派期限（2025-10-09）"):
        services.assign(
            actor=aid.officer, case=case, provider=lawyer, assigned_date=D(2025, 10, 10)
        )
    assert fresh(case).provider is None
    services.assign(
        actor=aid.officer, case=fresh(case), provider=lawyer, assigned_date=D(2025, 10, 9)
    )
    assert fresh(case).state == State.ASSIGNED and not fresh(case).assignment_overdue


def test_a_life_or_death_case_needs_a_lawyer_of_three_years(aid):
    case = aid.notice(received=D(2025, 9, 29), life_or_death=True)
    junior = aid.provider(2, on=D(2025, 9, 29))
    with pytest.raises(
        ValidationError, match="三年以上相关执业经历的律师（法律援助法 第二十六条）.*执业2年"
    ):
        services.assign(actor=aid.officer, case=case, provider=junior, assigned_date=D(2025, 9, 30))
    worker = aid.provider(10, kind=ProviderKind.GRASSROOTS)
    with pytest.raises(ValidationError, match="第二十五条"):
        services.assign(
            actor=aid.officer, case=fresh(case), provider=worker, assigned_date=D(2025, 9, 30)
        )
    untried = aid.provider(8, criminal_experience=False, name="无刑辩经历律师")
    with pytest.raises(ValidationError, match="无刑事辩护执业经历"):
        services.assign(
            actor=aid.officer, case=fresh(case), provider=untried, assigned_date=D(2025, 9, 30)
        )
    assert fresh(case).state == State.GRANTED and fresh(case).provider is None
    # Three years to the day is enough.
    senior = aid.provider(3, on=D(2025, 9, 30), name="执业满三年律师")
    services.assign(
        actor=aid.officer, case=fresh(case), provider=senior, assigned_date=D(2025, 9, 30)
    )
    assert fresh(case).provider == senior


def test_a_forwarded_request_after_24_hours_is_recorded_as_late(aid):
    requested = datetime.datetime(2025, 9, 27, 9, 0, tzinfo=datetime.UTC)
    case = aid.apply(
        received=D(2025, 9, 28),
        case_type=CaseType.CRIMINAL,
        matter=Matter.CRIMINAL_DEFENCE,
        requested_at=requested,
        forwarded_at=requested + datetime.timedelta(hours=25),
    )
    assert case.origin == "forwarded" and case.forwarding_hours == 25
    event = DomainEvent.objects.filter(target_id=str(case.pk), action="legal_aid.apply").get()
    assert "超过二十四小时（第三十九条）" in event.summary


# — 第四十四条 先行援助 —


def test_provisional_aid_only_when_under_seven_days_remain(aid):
    case = aid.apply(received=D(2025, 9, 1))
    with pytest.raises(ValidationError, match="还有7日.*第四十四条第一款第一项"):
        services.provide_provisional(
            actor=aid.reviewer,
            case=case,
            decided_date=D(2025, 9, 2),
            provisional_ground=ProvisionalGround.LIMITATION,
            limitation_end=D(2025, 9, 9),
        )
    services.provide_provisional(
        actor=aid.reviewer,
        case=fresh(case),
        decided_date=D(2025, 9, 2),
        provisional_ground=ProvisionalGround.LIMITATION,
        limitation_end=D(2025, 9, 8),
    )
    assert fresh(case).state == State.GRANTED and fresh(case).accepted_date == D(2025, 9, 2)


# — 第四十九条 objections, 第四十八条 termination —


def test_an_objection_is_decided_within_five_days_and_a_correction_reopens_review(aid):
    case = aid.apply(received=D(2025, 9, 20))
    services.refuse(
        actor=aid.reviewer,
        case=case,
        decided_date=D(2025, 9, 22),
        refusal_reason="不符合经济困难标准",
    )
    objection = services.record_objection(
        actor=aid.officer, case=fresh(case), received_date=D(2025, 9, 26), grounds="收入已下降"
    )
    # 自收到异议之日起五日内: 09-26 + 5 = 10-01 (holiday) → 10-09.
    assert objection.due == D(2025, 10, 9)
    services.decide_objection(
        actor=aid.reviewer,
        case=fresh(case),
        decided_date=D(2025, 9, 30),
        outcome=Objection.Outcome.CORRECTED,
    )
    case = fresh(case)
    assert case.state == State.RECEIVED and case.refusal_reason == ""
    assert Objection.objects.get(pk=objection.pk).outcome == Objection.Outcome.CORRECTED


def test_termination_names_its_ground(aid):
    case = aid.notice(received=D(2025, 9, 29))
    with pytest.raises(ValidationError, match="第四十八条"):
        services.terminate(
            actor=aid.reviewer,
            case=case,
            terminated_date=D(2025, 9, 30),
            termination_ground="",
            termination_reason="x",
        )
    services.terminate(
        actor=aid.reviewer,
        case=fresh(case),
        terminated_date=D(2025, 9, 30),
        termination_ground=TerminationGround.OWN_LAWYER,
        termination_reason="家属已委托律师",
    )
    assert fresh(case).state == State.TERMINATED


# — 第五十条 closure, 第五十九条 quality, 第五十二条 subsidy —


def _assigned(aid, received=SEPT_1):
    case = aid.apply(received=received)
    services.grant(
        actor=aid.reviewer, case=case, decided_date=received + datetime.timedelta(days=1)
    )
    lawyer = aid.provider(5)
    services.assign(
        actor=aid.officer,
        case=fresh(case),
        provider=lawyer,
        assigned_date=received + datetime.timedelta(days=2),
    )
    return fresh(case)


def test_the_closure_report_is_due_thirty_days_after_the_matter_ended(aid):
    case = _assigned(aid)
    # 09-05 + 30 = 10-05 (holiday) → 10-09.
    with pytest.raises(ValidationError, match="三十日内（2025-10-09前）.*第五十条"):
        services.close(
            actor=aid.officer,
            case=case,
            concluded_date=D(2025, 9, 5),
            closed_date=D(2025, 10, 10),
            result="调解结案",
        )
    services.close(
        actor=aid.officer,
        case=fresh(case),
        concluded_date=D(2025, 9, 5),
        closed_date=D(2025, 10, 9),
        result="调解结案",
        amount_recovered=Decimal("5000"),
    )
    assert fresh(case).state == State.CLOSED and fresh(case).closure_due == D(2025, 10, 9)


def test_a_subsidy_needs_a_grade_where_the_standard_says_so(aid):
    aid.standard(requires_grade=True)
    case = _assigned(aid)
    services.close(
        actor=aid.officer,
        case=case,
        concluded_date=D(2025, 9, 5),
        closed_date=D(2025, 9, 8),
        result="判决支持",
    )
    with pytest.raises(ValidationError, match="尚未评定质量等级"):
        services.pay_subsidy(actor=aid.reviewer, case=fresh(case), paid_date=D(2025, 9, 20))
    assert not fresh(case).subsidies.exists()
    services.record_quality_check(
        actor=aid.reviewer,
        case=fresh(case),
        date=D(2025, 9, 15),
        method=QualityMethod.FILE,
        grade=Grade.FAIL,
    )
    subsidy = services.pay_subsidy(actor=aid.reviewer, case=fresh(case), paid_date=D(2025, 9, 20))
    # 不合格: the base only, no performance part.
    assert (subsidy.base, subsidy.performance, subsidy.total) == (1000, 0, 1000)
    with pytest.raises(ValidationError):
        services.pay_subsidy(actor=aid.reviewer, case=fresh(case), paid_date=D(2025, 9, 21))


def test_a_good_case_gets_both_parts_and_a_terminated_one_its_share(aid):
    aid.standard(requires_grade=True, percent=30)
    case = _assigned(aid)
    services.close(
        actor=aid.officer,
        case=case,
        concluded_date=D(2025, 9, 5),
        closed_date=D(2025, 9, 8),
        result="判决支持",
    )
    services.record_quality_check(
        actor=aid.reviewer,
        case=fresh(case),
        date=D(2025, 9, 15),
        method=QualityMethod.HEARING,
        grade=Grade.GOOD,
    )
    assert (
        services.pay_subsidy(actor=aid.reviewer, case=fresh(case), paid_date=D(2025, 9, 20)).total
        == 1400
    )
    other = _assigned(aid, received=D(2025, 9, 10))
    services.terminate(
        actor=aid.reviewer,
        case=other,
        terminated_date=D(2025, 9, 15),
        termination_ground=TerminationGround.RECIPIENT_REQUEST,
        termination_reason="受援人要求",
    )
    services.record_quality_check(
        actor=aid.reviewer,
        case=fresh(other),
        date=D(2025, 9, 16),
        method=QualityMethod.FILE,
        grade=Grade.PASS,
    )
    assert (
        services.pay_subsidy(actor=aid.reviewer, case=fresh(other), paid_date=D(2025, 9, 20)).total
        == 300
    )


def test_a_standard_is_versioned_by_date(aid):
    aid.standard()
    case = aid.apply()
    assert (
        services.standard_for(case, D(2025, 1, 1)).version
        == "示范省法律援助办案补贴标准（2024年修订）"
    )
    assert services.standard_for(case, D(2025, 1, 2)).version == "测试标准"
