"""Intake, procedure and decision rules of the 行政复议法, and the workflow table."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.reconsideration import services, workflow
from fazhi.reconsideration.models import ActKind, Case, Channel, Outcome, Procedure, State

from .conftest import ALL_CONDITIONS, D


def test_a_receipt_date_in_the_future_is_refused(register):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        register(received=tomorrow)
    assert not Case.objects.filter(received_date=tomorrow).exists()


# 第二十条第一款: 自知道或者应当知道该行政行为之日起六十日内提出行政复议申请.
def test_late_application_needs_a_reason(register):
    received = D(2024, 6, 3)
    late = register(received=received, act_known_date=D(2024, 4, 1), act_date=D(2024, 3, 30))
    assert "超过法定申请期限" in late.time_limit_finding  # registered, to be refused (第三十条)
    case = register(
        received=received,
        act_known_date=D(2024, 4, 1),
        act_date=D(2024, 3, 30),
        late_reason="申请人住院治疗，属于正当理由",
        # 第二十条第二款: the period continues from the obstacle's end, so its days are needed
        obstacle_start=D(2024, 5, 10),
        obstacle_end=D(2024, 5, 20),
    )
    assert case.late_reason and not case.time_limit_finding


def test_sixty_days_ending_on_a_holiday_extend_to_the_next_workday(register):
    # known 2024-08-02 + 60 = 2024-10-01 (国庆) → the period ends 2024-10-08.
    case = register(received=D(2024, 10, 8), act_known_date=D(2024, 8, 2), act_date=D(2024, 8, 1))
    assert case.state == State.REGISTERED


# 第二十一条: 其他行政复议申请自行政行为作出之日起超过五年的，不予受理.
def test_more_than_five_years_after_the_act(register):
    assert "超过5年" in (
        register(
            received=D(2024, 6, 3),
            act_date=D(2019, 6, 2),
            act_known_date=D(2024, 5, 1),
            late_reason="正当理由",
        ).time_limit_finding
    )


# 第二十二条第二款: 口头申请的，行政复议机关应当当场记录.
def test_oral_application_needs_the_record(register):
    with pytest.raises(ValidationError, match="当场记录"):
        register(channel=Channel.ORAL)
    case = register(channel=Channel.ORAL, oral_record="申请人张某口述：请求撤销罚款……")
    assert case.channel == Channel.ORAL


def test_an_invalid_id_number_is_refused(register):
    with pytest.raises(ValidationError, match="身份证号码"):
        register(applicants=[{"kind": "person", "name": "某", "id_number": "110105194912310021"}])


# 第五十三条: 简易程序 by the act (当场作出、警告或者通报批评、款额三千元以下、政府信息公开) or by consent.
@pytest.mark.parametrize(
    ("overrides", "eligible"),
    [
        ({"act_amount": 3000}, True),
        ({"act_amount": "3000.01"}, False),
        ({"act_kind": ActKind.WARNING}, True),
        ({"act_on_the_spot": True}, True),
        ({"act_kind": ActKind.INFO_DISCLOSURE}, True),
        ({}, False),
    ],
)
def test_simple_procedure_eligibility(register, officer, overrides, eligible):
    case = register(**overrides)
    assert (services.simple_procedure_ground(case) is not None) is eligible
    if not eligible:
        with pytest.raises(ValidationError, match="当事人各方同意"):
            services.accept(
                actor=officer,
                case=case,
                date=D(2024, 9, 30),
                conditions=ALL_CONDITIONS,
                procedure=Procedure.SIMPLE,
            )
    case = services.accept(
        actor=officer,
        case=case,
        date=D(2024, 9, 30),
        conditions=ALL_CONDITIONS,
        procedure=Procedure.SIMPLE,
        simple_by_consent=not eligible,
    )
    assert case.procedure == Procedure.SIMPLE


# 第五十五条: 简易程序 → 普通程序 with the approval of the head of the 复议机构.
def test_conversion_to_ordinary(accepted, leader, officer):
    case = accepted(accepted_on=D(2024, 9, 2), procedure=Procedure.SIMPLE, act_amount=100)
    with pytest.raises(ValidationError, match="负责人"):
        services.convert_to_ordinary(actor=officer, case=case, date=D(2024, 9, 5), reason="复杂")
    case = services.convert_to_ordinary(
        actor=leader, case=case, date=D(2024, 9, 5), reason="案情复杂"
    )
    assert case.procedure == Procedure.ORDINARY
    assert case.decision_due == D(2024, 11, 1)  # 60 days from the original acceptance


@pytest.fixture
def heard(accepted, officer):
    def make(**overrides):
        case = accepted(accepted_on=D(2024, 7, 1), **overrides)
        case = services.send_copy(actor=officer, case=case, date=D(2024, 7, 2))
        case = services.record_reply(actor=officer, case=case, date=D(2024, 7, 10))
        return services.hear_views(
            actor=officer, case=case, date=D(2024, 7, 20), summary="电话听取意见"
        )

    return make


def decide(actor, case, **fields):
    values = {
        "date": D(2024, 8, 10),
        "outcome": Outcome.UPHELD,
        "reasons": "经审理",
        "approval": "delegated",
        "approval_basis": "东湖区人民政府委托",
    }
    values.update(fields)
    return services.decide(actor=actor, case=case, **values)


# 第四十九条: 适用普通程序审理的行政复议案件，行政复议机构应当……听取当事人的意见.
def test_ordinary_decision_needs_the_parties_heard(accepted, leader):
    case = accepted(accepted_on=D(2024, 7, 1))
    with pytest.raises(ValidationError, match="听取当事人意见"):
        decide(leader, case)


# 第六十一条: 经行政复议机关的负责人同意或者集体讨论通过.
def test_decision_approval(heard, leader, demo):
    reviewer = demo.users["donghu_reviewer"]
    case = heard()
    with pytest.raises(ValidationError, match="负责人本人办理（第六十一条第一款）"):
        decide(reviewer, case)
    with pytest.raises(ValidationError, match="讨论的时间和结论"):
        decide(reviewer, case, approval="collective", approval_basis="")
    case = decide(
        reviewer,
        case,
        approval="collective",
        approval_basis="",
        collective_note="2024年8月9日案审会讨论通过",
    )
    assert (case.state, case.approval, case.closed_on_time) == (
        State.AWAITING_SERVICE,
        "collective",
        True,
    )


def test_an_officer_cannot_decide(heard, officer):
    with pytest.raises(ValidationError, match="须由负责人、审核人办理"):
        decide(officer, heard())


# 第六十七条: 申请人申请确认行政行为无效的，行政复议机关确认该行政行为无效.
def test_invalidity_only_on_the_applicants_request(heard, leader):
    case = heard()
    with pytest.raises(ValidationError, match="第六十七条"):
        decide(leader, case, outcome=Outcome.CONFIRMED_INVALID)
    case = decide(leader, case, outcome=Outcome.CONFIRMED_INVALID, invalidity_requested=True)
    assert case.outcome == Outcome.CONFIRMED_INVALID


# 第六十三条第二款: 不得作出对申请人更为不利的变更决定，但是第三人提出相反请求的除外.
def test_no_alteration_to_the_applicants_detriment(heard, leader):
    case = heard()
    with pytest.raises(ValidationError, match="更为不利"):
        decide(leader, case, outcome=Outcome.ALTERED, ground="63.1", heavier_for_applicant=True)
    case = decide(
        leader,
        case,
        outcome=Outcome.ALTERED,
        ground="63.1",
        heavier_for_applicant=True,
        third_party_requested_heavier=True,
    )
    assert case.outcome_ground == "63.1"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"outcome": Outcome.REVOKED}, "法定情形"),
        ({"outcome": Outcome.CONFIRMED_ILLEGAL, "ground": "64.1"}, "法定情形"),
        ({"outcome": Outcome.ORDERED_PERFORMANCE}, "履行期限"),
        ({"outcome": Outcome.CLAIM_DISMISSED}, "第六十九条"),
        ({"outcome": Outcome.MEDIATED}, "各自的办理步骤"),
        ({"reasons": " "}, "理由"),
    ],
)
def test_decision_guards(heard, leader, fields, message):
    case = heard()
    with pytest.raises(ValidationError, match=message):
        decide(leader, case, **fields)
    case.refresh_from_db()
    assert case.state == State.HEARING and not case.documents.filter(kind="decision").exists()


# 第七十五条第二款: 行政复议决定书一经送达，即发生法律效力.
def test_service_makes_the_decision_effective_and_performance_is_followed(
    heard, leader, officer, issue_decision
):
    case = decide(
        leader,
        heard(act_kind=ActKind.NONPERFORMANCE),
        outcome=Outcome.ORDERED_PERFORMANCE,
        performance_due=D(2024, 9, 30),
    )
    with pytest.raises(ValidationError, match="不能早于决定日期"):
        services.serve(actor=officer, case=case, date=D(2024, 8, 9))
    with pytest.raises(ValidationError, match="尚未审批、签发"):
        services.serve(actor=officer, case=case, date=D(2024, 8, 12))
    issue_decision(case, D(2024, 8, 12), 查明事实="被申请人未在法定期限内答复申请人的申请。")
    case = services.serve(actor=officer, case=case, date=D(2024, 8, 12))
    assert (case.state, case.served_date) == (State.CLOSED, D(2024, 8, 12))
    case = services.record_performance(actor=officer, case=case, date=D(2024, 9, 20))
    assert case.performed_date == D(2024, 9, 20)


def test_a_step_out_of_order_is_refused_in_chinese(register, officer):
    case = register()
    with pytest.raises(ValidationError, match="案件当前为“已登记·审查中”，不能办理“送达”"):
        services.serve(actor=officer, case=case, date=D(2024, 9, 30))


# 第七十三条: 调解书经各方当事人签字或者签章……即具有法律效力.
def test_mediation_takes_effect_only_when_all_have_signed(heard, officer):
    case = heard()
    with pytest.raises(ValidationError, match="签字或者签章"):
        services.mediate(
            actor=officer, case=case, date=D(2024, 8, 1), terms="减少罚款", all_signed=False
        )
    case = services.mediate(
        actor=officer,
        case=case,
        date=D(2024, 8, 1),
        terms="减少罚款",
        all_signed=True,
        self_corrected=True,
    )
    assert (case.state, case.outcome, case.self_corrected) == (State.MEDIATED, "mediated", True)


# 第四十一条第一款第一项、第七十四条: 撤回 → 终止.
def test_withdrawal_terminates(heard, officer):
    case = services.withdraw(actor=officer, case=heard(), date=D(2024, 7, 25), reason="双方和解")
    assert (case.state, case.outcome_ground) == (State.TERMINATED, "41.1")


def test_users_of_another_district_cannot_take_steps(register, demo):
    case = register()
    with pytest.raises(PermissionDenied):
        services.request_supplement(
            actor=demo.users["xishan_officer"], case=case, notice_date=D(2024, 9, 30), items="甲"
        )


def test_the_workflow_table_is_consistent():
    flow = workflow.CASE_FLOW
    for transition in flow.transitions:
        assert hasattr(services, transition.action), transition.action
        assert transition.article.startswith("第"), transition.action
        assert set(transition.roles) <= set(Role.values)
    registered = Case(state=State.REGISTERED)
    assert [t.action for t in flow.offered(registered, Role.OFFICER)][0] == "request_supplement"
    assert not flow.offered(Case(state=State.CLOSED), Role.INSPECTOR)
    extended = Case(state=State.HEARING, procedure=Procedure.ORDINARY, extension_days=10)
    assert "extend" not in [t.action for t in flow.offered(extended, Role.LEADER)]
