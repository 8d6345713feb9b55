"""Rules of the 行政复议法 (2023) checked on the steps, with dates around 2025 国庆 (10-01..10-08
off, 调休 workdays Sun 09-28 and Sat 10-11) and 2026 春节 (02-15..02-23 off, 调休 workdays
Sat 02-14 and Sat 02-28). A refused step names its article and leaves the case as it was."""

import re

import pytest
from django.core.exceptions import ValidationError

from fazhi.litigation.models import Lawsuit, TrialLevel
from fazhi.reconsideration import deadlines, selectors, services
from fazhi.reconsideration.models import ActKind, Case, Outcome, Party, Procedure, State
from fazhi.reconsideration.workflow import CASE_FLOW

from .conftest import ALL_CONDITIONS, HEARING, D


def refused_as_late(case, officer, match):
    """第三十条第二款: registered with the finding, acceptance refused naming the article."""
    assert re.search(match, case.time_limit_finding), case.time_limit_finding
    before = unchanged(case)
    with pytest.raises(ValidationError, match="第三十条第一款第四项"):
        services.accept(
            actor=officer,
            case=case,
            date=case.received_date,
            conditions=ALL_CONDITIONS,
            procedure=Procedure.ORDINARY,
        )
    assert unchanged(case) == before


def unchanged(case):
    """The case as stored, to compare with after a refused step."""
    stored = Case.objects.get(pk=case.pk)
    return (stored.state, stored.steps.count(), stored.documents.count())


# 第三十一条第一款: 应当自收到申请之日起五日内书面通知申请人补正. Received Fri 2025-09-26, the
# five working days are 09-28 (调休), 09-29, 09-30, 10-09, 10-10.
def test_supplement_notice_only_within_five_working_days_of_receipt(register, officer):
    case = register(received=D(2025, 9, 26))
    assert deadlines.supplement_notice_due(case.received_date) == D(2025, 10, 10)
    before = unchanged(case)
    with pytest.raises(ValidationError, match="第三十一条第一款"):
        services.request_supplement(
            actor=officer, case=case, notice_date=D(2025, 10, 11), items="身份证明"
        )
    assert unchanged(case) == before
    case = services.request_supplement(
        actor=officer, case=case, notice_date=D(2025, 10, 10), items="身份证明"
    )
    assert case.state == State.AWAITING_SUPPLEMENT


# 第三十一条第二款: 申请人应当自收到补正通知之日起十日内提交补正材料……无正当理由逾期不补正的，
# 视为申请人放弃. Notice received Thu 2026-02-12: 02-13, 02-14 (调休), 02-24..02-28 (调休),
# 03-02..03-04 → due 2026-03-04.
def test_supplement_after_the_period_needs_an_extension_first(register, officer):
    case = register(received=D(2026, 2, 11))
    case = services.request_supplement(
        actor=officer, case=case, notice_date=D(2026, 2, 12), items="补充证据"
    )
    assert case.supplement_due == D(2026, 3, 4)
    before = unchanged(case)
    with pytest.raises(ValidationError, match="第三十一条第二款"):
        services.receive_supplement(actor=officer, case=case, date=D(2026, 3, 5))
    assert unchanged(case) == before
    case = services.extend_supplement(
        actor=officer, case=case, date=D(2026, 3, 4), extra_workdays=2, reason="申请人住院"
    )
    assert case.supplement_due == D(2026, 3, 6)
    case = services.receive_supplement(actor=officer, case=case, date=D(2026, 3, 5))
    assert case.state == State.REGISTERED


# 第三十条第二款: 不属于本机关管辖的，还应当在不予受理决定中告知申请人有管辖权的行政复议机关.
def test_refusal_for_want_of_jurisdiction_names_the_competent_organ(register, officer):
    case = register(received=D(2025, 9, 30))
    before = unchanged(case)
    with pytest.raises(ValidationError, match="有管辖权的行政复议机关（第三十条第二款）"):
        services.refuse(
            actor=officer, case=case, date=D(2025, 10, 9), failed=["jurisdiction"], reasons="x"
        )
    assert unchanged(case) == before
    case = services.refuse(
        actor=officer,
        case=case,
        date=D(2025, 10, 9),
        failed=["jurisdiction"],
        reasons="被申请人系市级部门",
        competent_organ="西江市人民政府",
    )
    assert case.state == State.NOT_ACCEPTED
    assert case.steps.last().data["competent_organ"] == "西江市人民政府"


# 第三十条第三款 视为受理 and 第五十三条 (认为事实清楚、争议不大的，可以适用简易程序): nobody
# assessed the case, so it is heard under 普通程序 even where the act would qualify.
def test_deemed_acceptance_is_heard_under_the_ordinary_procedure(register, officer):
    case = register(received=D(2025, 9, 26), act_amount=200)  # 三千元以下
    assert services.simple_procedure_ground(case)
    case = services.deem_accepted(actor=officer, case=case, date=D(2025, 10, 11))
    assert (case.accepted_date, case.procedure) == (D(2025, 10, 10), Procedure.ORDINARY)
    assert case.decision_due == D(2025, 12, 9)  # 60 calendar days (第六十二条)


# 第五十一条第一款: 应当于举行听证的五日前……书面通知当事人. For a hearing on Mon 2025-10-13 the
# five working days before it are 09-29, 09-30, 10-09, 10-10, 10-11 (调休): notice by 09-28.
def test_hearing_notice_five_working_days_before_the_hearing(accepted, officer):
    case = accepted(accepted_on=D(2025, 9, 26))
    assert deadlines.latest_hearing_notice(D(2025, 10, 13)) == D(2025, 9, 28)
    before = unchanged(case)
    with pytest.raises(ValidationError, match="第五十一条第一款"):
        services.hold_hearing(
            actor=officer, case=case, notice_date=D(2025, 9, 29), date=D(2025, 10, 13), **HEARING
        )
    assert unchanged(case) == before
    case = services.hold_hearing(
        actor=officer, case=case, notice_date=D(2025, 9, 28), date=D(2025, 10, 13), **HEARING
    )
    assert case.hearing_date == D(2025, 10, 13)
    assert "hold_hearing" not in [t.action for t in CASE_FLOW.offered(case, "officer")]
    with pytest.raises(ValidationError, match="已经安排"):
        services.hold_hearing(
            actor=officer, case=case, notice_date=D(2025, 9, 28), date=D(2025, 10, 14), **HEARING
        )


# 第五十条第三款: 听证由一名行政复议人员任主持人，两名以上行政复议人员任听证员，一名记录员制作听证笔录;
# 第五十一条第一款: 将听证的时间、地点和拟听证事项书面通知当事人.
def test_the_hearing_notice_names_place_matters_and_who_hears(accepted, officer):
    case = accepted(accepted_on=D(2025, 9, 26))
    dates = {"notice_date": D(2025, 9, 28), "date": D(2025, 10, 13)}
    with pytest.raises(ValidationError, match="第五十条第三款"):
        services.hold_hearing(
            actor=officer, case=case, **dates, **{**HEARING, "hearing_officers": "李听证"}
        )
    with pytest.raises(ValidationError, match="第五十一条第一款"):
        services.hold_hearing(actor=officer, case=case, **dates, **{**HEARING, "place": " "})
    case = services.hold_hearing(actor=officer, case=case, **dates, **HEARING)
    step = case.steps.get(action="hold_hearing")
    assert step.data["place"] == "东湖区司法局听证室" and step.data["time"] == "09:30"
    assert step.data["hearing_officers"] == ["李听证", "赵听证"]


def test_the_hearing_day_counts_when_the_setting_says_so(db, monkeypatch):
    monkeypatch.setattr(deadlines, "HEARING_DAY_COUNTS", True)
    assert deadlines.latest_hearing_notice(D(2025, 10, 13)) == D(2025, 9, 29)


def decide(actor, case, **fields):
    values = {
        "outcome": Outcome.UPHELD,
        "reasons": "经审理",
        "approval": "delegated",
        "approval_basis": "东湖区人民政府委托",
    }
    values.update(fields)
    return services.decide(actor=actor, case=case, **values)


@pytest.fixture
def copied(accepted, officer):
    """Accepted Fri 2025-09-26, copy sent Sun 09-28 (调休): the ten working days for the reply
    are 09-29, 09-30, 10-09, 10-10, 10-11 (调休), 10-13..10-17; heard on 10-20."""

    def make(reply_on=None, **overrides):
        case = accepted(accepted_on=D(2025, 9, 26), **overrides)
        case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 28))
        if reply_on:
            case = services.record_reply(actor=officer, case=case, date=reply_on)
        return services.hear_views(
            actor=officer, case=case, date=D(2025, 10, 20), summary="电话听取意见"
        )

    return make


# 第七十条: 被申请人不按照本法第四十八条……提出书面答复、提交……证据、依据……的，视为该行政
# 行为没有证据、依据，行政复议机关决定撤销、部分撤销……确认……违法、无效或者……履行.
def test_no_reply_in_time_rules_out_upholding(copied, leader):
    case = copied()
    assert case.reply_due == D(2025, 10, 17)
    before = unchanged(case)
    for outcome in (Outcome.UPHELD, Outcome.ALTERED):
        with pytest.raises(ValidationError, match="第七十条"):
            decide(leader, case, date=D(2025, 10, 22), outcome=outcome, ground="63.1")
    assert unchanged(case) == before
    case = decide(leader, case, date=D(2025, 10, 22), outcome=Outcome.REVOKED, ground="64.1")
    assert case.state == State.AWAITING_SERVICE


def test_a_reply_in_time_allows_upholding(copied, leader):
    case = copied(reply_on=D(2025, 10, 17))  # the last day of the ten working days
    case = decide(leader, case, date=D(2025, 10, 22))
    assert case.outcome == Outcome.UPHELD


def test_a_late_reply_is_no_reply_unless_a_third_party_gave_evidence(copied, leader):
    case = copied(reply_on=D(2025, 10, 20))
    with pytest.raises(ValidationError, match="第七十条"):
        decide(leader, case, date=D(2025, 10, 23), third_party_evidence=True)  # no 第三人
    Party.objects.create(case=case, role=Party.Role.THIRD_PARTY, kind="person", name="李某")
    case = decide(leader, case, date=D(2025, 10, 23), third_party_evidence=True)
    assert case.outcome == Outcome.UPHELD


# 第六十一条第二款: 经过听证的……应当根据听证笔录……作出行政复议决定.
def test_no_decision_before_the_hearing(copied, officer, leader):
    case = copied(reply_on=D(2025, 10, 10))
    case = services.hold_hearing(
        actor=officer, case=case, notice_date=D(2025, 10, 20), date=D(2025, 10, 28), **HEARING
    )
    with pytest.raises(ValidationError, match="第六十一条第二款"):
        decide(leader, case, date=D(2025, 10, 27))
    assert decide(leader, case, date=D(2025, 10, 28)).outcome == Outcome.UPHELD


# 第六十六条: 决定被申请人在一定期限内履行.
def test_the_performance_period_runs_after_the_decision(copied, leader):
    case = copied(reply_on=D(2025, 10, 10), act_kind=ActKind.NONPERFORMANCE)
    with pytest.raises(ValidationError, match="第六十六条"):
        decide(
            leader,
            case,
            date=D(2025, 10, 22),
            outcome=Outcome.ORDERED_PERFORMANCE,
            performance_due=D(2025, 10, 22),
        )
    case = decide(
        leader,
        case,
        date=D(2025, 10, 22),
        outcome=Outcome.ORDERED_PERFORMANCE,
        performance_due=D(2025, 11, 21),
    )
    assert case.performance_due == D(2025, 11, 21)


# 第三十九条第一款第四项: 作为申请人的法人或者其他组织终止; 第一项: 作为申请人的公民死亡.
def test_suspension_grounds_follow_the_kind_of_applicant(accepted, officer):
    case = accepted(accepted_on=D(2025, 9, 26))  # the applicant is a 公民
    before = unchanged(case)
    with pytest.raises(ValidationError, match="第三十九条第一款第四项"):
        services.suspend(actor=officer, case=case, date=D(2025, 10, 9), ground=4)
    assert unchanged(case) == before
    case = services.suspend(actor=officer, case=case, date=D(2025, 10, 9), ground=1)
    assert case.state == State.SUSPENDED


# 第四十一条第一款第三项 (法人终止) and 第四项 (行政拘留或者限制人身自由的行政强制措施).
def test_termination_grounds_follow_the_applicant_and_the_act(accepted, officer):
    case = accepted(accepted_on=D(2025, 9, 26), act_kind=ActKind.LICENSE)
    before = unchanged(case)
    with pytest.raises(ValidationError, match="第四十一条第一款第三项"):
        services.terminate(actor=officer, case=case, date=D(2025, 10, 9), ground=3, reason="x")
    with pytest.raises(ValidationError, match="第四十一条第一款第四项"):
        services.terminate(actor=officer, case=case, date=D(2025, 10, 9), ground=4, reason="x")
    assert unchanged(case) == before
    case = services.terminate(
        actor=officer, case=case, date=D(2025, 10, 9), ground=2, reason="申请人死亡，无近亲属"
    )
    assert case.state == State.TERMINATED


# 第三十条第一款第七项: 行政复议机关未受理过该申请人就同一行政行为提出的行政复议申请，并且人民
# 法院未受理过该申请人就同一行政行为提起的行政诉讼; 第二十九条第二款.
def test_no_acceptance_after_a_suit_on_the_same_act(register, officer, demo):
    act = {"act_number": "东执罚〔2025〕12号"}
    Lawsuit.objects.create(
        unit=demo.units["donghu_enf0"],
        case_number="（2025）东0102行初88号",
        court="东湖区人民法院",
        plaintiff="测试申请人",
        contested_act="东执罚〔2025〕12号行政处罚决定",
        trial_level=TrialLevel.FIRST,
        filed_date=D(2025, 9, 1),
        served_date=D(2025, 9, 5),
        handler=officer,
        created_by=officer,
    )
    case = register(received=D(2025, 9, 26), **act)
    # Registration goes ahead with a warning naming the suit (第二十九条第二款).
    warning = selectors.same_act_warning(case)
    assert "东湖区人民法院（2025）东0102行初88号" in warning and "第三十条第一款第七项" in warning
    before = unchanged(case)
    with pytest.raises(ValidationError, match="（2025）东0102行初88号.*第三十条第一款第七项"):
        services.accept(
            actor=officer,
            case=case,
            date=D(2025, 9, 28),
            conditions=ALL_CONDITIONS,
            procedure=Procedure.ORDINARY,
        )
    assert unchanged(case) == before
    # Another act of the same respondent is no bar.
    other = register(received=D(2025, 9, 26), act_number="东执罚〔2025〕13号")
    assert selectors.same_act_warning(other) is None
    other = services.accept(
        actor=officer,
        case=other,
        date=D(2025, 9, 28),
        conditions=ALL_CONDITIONS,
        procedure=Procedure.ORDINARY,
    )
    assert other.state == State.HEARING


def test_no_second_acceptance_of_the_same_application(accepted, register, officer):
    first = accepted(accepted_on=D(2025, 9, 26), act_number="东执罚〔2025〕20号")
    second = register(received=D(2025, 10, 9), act_number="东执罚〔2025〕20号")
    with pytest.raises(ValidationError, match=f"行政复议案件{first.number}"):
        services.accept(
            actor=officer,
            case=second,
            date=D(2025, 10, 9),
            conditions=ALL_CONDITIONS,
            procedure=Procedure.ORDINARY,
        )


@pytest.fixture
def complex_case(register, officer):
    """A 重大、疑难、复杂 case accepted Sun 2025-09-28 (调休), copy sent and answered, heard."""
    case = register(received=D(2025, 9, 26))
    case = services.accept(
        actor=officer,
        case=case,
        date=D(2025, 9, 28),
        conditions=ALL_CONDITIONS,
        procedure=Procedure.ORDINARY,
        complex_case=True,
    )
    case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 29))
    case = services.record_reply(actor=officer, case=case, date=D(2025, 10, 9))
    return services.hear_views(actor=officer, case=case, date=D(2025, 10, 10), summary="听取")


# 第五十三条第一款: 简易程序 only where 事实清楚、权利义务关系明确、争议不大.
def test_a_complex_case_cannot_take_the_simple_procedure(register, officer):
    case = register(received=D(2025, 9, 26), act_amount=100)
    with pytest.raises(ValidationError, match="第五十三条第一款"):
        services.accept(
            actor=officer,
            case=case,
            date=D(2025, 9, 28),
            conditions=ALL_CONDITIONS,
            procedure=Procedure.SIMPLE,
            complex_case=True,
        )
    assert Case.objects.get(pk=case.pk).state == State.REGISTERED


# 第五十条第一款: 审理重大、疑难、复杂的行政复议案件，行政复议机构应当组织听证.
# 第五十二条第二款第一项: ……应当提请行政复议委员会提出咨询意见; 第三款: 应当记录咨询意见.
# 第六十一条第三款: 咨询意见作为作出行政复议决定的重要参考依据.
def test_a_complex_case_is_heard_and_referred_before_the_decision(complex_case, officer, leader):
    case = complex_case
    before = unchanged(case)
    with pytest.raises(ValidationError, match="第五十条第一款"):
        decide(leader, case, date=D(2025, 10, 20))
    case = services.hold_hearing(
        actor=officer, case=case, notice_date=D(2025, 10, 10), date=D(2025, 10, 20), **HEARING
    )
    with pytest.raises(ValidationError, match="第五十二条第二款第一项"):
        decide(leader, case, date=D(2025, 10, 20))
    case = services.refer_to_committee(
        actor=officer, case=case, date=D(2025, 10, 21), reason="案情重大"
    )
    with pytest.raises(ValidationError, match="第六十一条第三款"):
        decide(leader, case, date=D(2025, 10, 22))
    assert "record_committee_opinion" in [t.action for t in CASE_FLOW.offered(case, "officer")]
    with pytest.raises(ValidationError, match="第五十二条第三款"):
        services.record_committee_opinion(
            actor=officer, case=case, date=D(2025, 10, 27), opinion=" "
        )
    case = services.record_committee_opinion(
        actor=officer, case=case, date=D(2025, 10, 27), opinion="多数委员认为处罚决定适当"
    )
    assert "record_committee_opinion" not in [t.action for t in CASE_FLOW.offered(case, "officer")]
    case = decide(leader, case, date=D(2025, 10, 28))
    assert case.outcome == Outcome.UPHELD
    assert before[1] < case.steps.count()


def test_the_printed_table_names_the_new_guards(demo, client_as):
    page = client_as(demo.users["donghu_officer"]).get("/reconsideration/workflow/")
    text = page.content.decode()
    for shown in (
        "第二十九条第二款",
        "第七十条",
        "记录咨询意见",
        "第五十二条第三款",
        "两日均不计入",
    ):
        assert shown in text
    rows = {row["transition"].action: row["transition"] for row in CASE_FLOW.rows()}
    assert "第七十条" in rows["decide"].guard
    assert "第二十九条第二款" in rows["accept"].article
    assert rows["record_committee_opinion"].article == "第五十二条第三款"
    assert rows["hold_hearing"].when is not None


# 第二十三条第一款第三项 (未履行法定职责 → 复议前置) and 第三十四条: 决定不予受理……的，可以自收到
# 决定书之日起……十五日内，依法向人民法院提起行政诉讼.
def test_a_refusal_in_a_pre_review_case_tells_the_fifteen_day_suit(register, officer):
    from .test_documents import docx_text

    case = register(received=D(2025, 9, 30), act_kind=ActKind.NONPERFORMANCE)
    assert services.pre_review_ground(case).startswith("第二十三条第一款第三项")
    case = services.refuse(
        actor=officer, case=case, date=D(2025, 10, 9), failed=["in_scope"], reasons="内部行为"
    )
    text = docx_text(case.documents.get(kind="refusal"))
    assert "十五日内，依法向人民法院提起行政诉讼（第三十四条）" in text
    other = register(received=D(2025, 9, 30))  # a 罚款 not made on the spot: no 复议前置
    assert services.pre_review_ground(other) is None
    other = services.refuse(
        actor=officer, case=other, date=D(2025, 10, 9), failed=["in_scope"], reasons="内部行为"
    )
    assert "第三十四条" not in docx_text(other.documents.get(kind="refusal"))
    flagged = register(received=D(2025, 9, 30), pre_review_by_law=True)
    assert "第二项或者第五项" in services.pre_review_ground(flagged)


# 第七十四条第二款: 准予撤回……的，申请人不得再以同一事实和理由提出行政复议申请。但是，申请人
# 能够证明撤回行政复议申请违背其真实意愿的除外.
def test_refiling_after_a_withdrawal_needs_proof_against_the_true_will(accepted, register, officer):
    first = accepted(accepted_on=D(2025, 9, 26), act_number="东执罚〔2025〕30号")
    services.withdraw(actor=officer, case=first, date=D(2025, 10, 9), reason="和解")
    second = register(received=D(2025, 10, 10), act_number="东执罚〔2025〕30号")
    accept = {"actor": officer, "case": second, "date": D(2025, 10, 11)}
    with pytest.raises(ValidationError, match="第七十四条第二款"):
        services.accept(**accept, conditions=ALL_CONDITIONS, procedure=Procedure.ORDINARY)
    second = services.accept(
        **accept,
        conditions=ALL_CONDITIONS,
        procedure=Procedure.ORDINARY,
        refiling_reason="撤回系受被申请人胁迫，有录音为证",
    )
    assert second.state == State.HEARING
    assert second.steps.last().data["refiling_reason"].startswith("撤回系受")


# 第二十条第二款: 因不可抗力或者其他正当理由耽误法定申请期限的，申请期限自障碍消除之日起继续
# 计算. Known 2025-08-01: sixty days end Tue 09-30; an obstacle of eight days (09-01..09-09) moves
# the end to 10-08, a holiday of 国庆, so to Thu 10-09.
def test_an_obstacle_adds_its_days_and_no_more(register, officer):
    late = {
        "act_date": D(2025, 7, 30),
        "act_known_date": D(2025, 8, 1),
        "late_reason": "申请人因台风滞留海岛",
    }
    # a reason without the obstacle's days
    refused_as_late(register(received=D(2025, 10, 9), **late), officer, "第二十条第二款")
    obstacle = {"obstacle_start": D(2025, 9, 1), "obstacle_end": D(2025, 9, 9)}
    refused_as_late(register(received=D(2025, 10, 10), **late, **obstacle), officer, "仍已超过")
    case = register(received=D(2025, 10, 9), **late, **obstacle)
    assert (case.obstacle_start, case.obstacle_end) == (D(2025, 9, 1), D(2025, 9, 9))
    assert case.time_limit_finding == ""


# 第二十条第三款: 未告知……的，申请期限自……知道或者应当知道申请行政复议的权利、行政复议机关和申请
# 期限之日起计算，但是自知道或者应当知道行政行为内容之日起最长不得超过一年.
def test_without_notice_sixty_days_from_learning_of_the_right_within_a_year(register, officer):
    unnotified = {"act_date": D(2025, 2, 28), "act_known_date": D(2025, 3, 1)}
    unnotified["rights_notified"] = False
    # Learned of the right on 08-09: sixty days end 10-08 (国庆) → 10-09.
    case = register(received=D(2025, 10, 10), rights_known_date=D(2025, 8, 9), **unnotified)
    refused_as_late(case, officer, "超过法定申请期限")
    case = register(received=D(2025, 10, 9), rights_known_date=D(2025, 8, 9), **unnotified)
    assert case.rights_known_date == D(2025, 8, 9) and not case.time_limit_finding
    # Never told: the year from knowing the act is the only bound; it ends Sun 2026-03-01,
    # so on Mon 03-02 (民事诉讼法 第八十五条).
    assert not register(received=D(2026, 3, 2), **unnotified).time_limit_finding
    refused_as_late(register(received=D(2026, 3, 3), **unnotified), officer, "第二十条第三款")


# 第六十六条: 被申请人不履行法定职责的，行政复议机关决定被申请人在一定期限内履行;
# 第六十五条第二款第三项: 被申请人不履行或者拖延履行法定职责，责令履行没有意义.
def test_performance_decisions_only_on_a_failure_to_perform(copied, leader):
    case = copied(reply_on=D(2025, 10, 10))  # a 罚款 (行政处罚)
    before = unchanged(case)
    with pytest.raises(ValidationError, match="第六十六条"):
        decide(
            leader,
            case,
            date=D(2025, 10, 22),
            outcome=Outcome.ORDERED_PERFORMANCE,
            performance_due=D(2025, 11, 21),
        )
    with pytest.raises(ValidationError, match="第六十五条第二款第三项"):
        decide(
            leader, case, date=D(2025, 10, 22), outcome=Outcome.CONFIRMED_ILLEGAL, ground="65.2.3"
        )
    assert unchanged(case) == before
    case = decide(
        leader, case, date=D(2025, 10, 22), outcome=Outcome.CONFIRMED_ILLEGAL, ground="65.2.1"
    )
    assert case.outcome == Outcome.CONFIRMED_ILLEGAL


# 第七十六条: 有关机关应当自收到行政复议意见书之日起六十日内……报送. Issued Fri 2025-08-01,
# received Tue 08-05: the sixty days end 10-04 (国庆), so on Thu 10-09 — not 09-30.
def test_the_opinion_letter_period_runs_from_its_receipt(demo, officer):
    letter = services.issue_letter(
        actor=officer,
        unit=demo.units["donghu_justice"],
        kind="opinion",
        recipient="东湖区市场监督管理局",
        issued_date=D(2025, 8, 1),
        received_date=D(2025, 8, 5),
        content="执法程序不规范，请予纠正",
    )
    assert letter.report_due == D(2025, 10, 9)
    with pytest.raises(ValidationError, match="不能早于制发日期"):
        services.issue_letter(
            actor=officer,
            unit=demo.units["donghu_justice"],
            kind="opinion",
            recipient="东湖区市场监督管理局",
            issued_date=D(2025, 8, 1),
            received_date=D(2025, 7, 31),
            content="x",
        )
    unknown = services.issue_letter(
        actor=officer,
        unit=demo.units["donghu_justice"],
        kind="opinion",
        recipient="东湖区市场监督管理局",
        issued_date=D(2025, 8, 1),
        content="执法程序不规范，请予纠正",
    )
    # No receipt recorded: no report period yet (the sixty days run from receipt only).
    assert unknown.report_due is None
    with pytest.raises(ValidationError, match="不能早于制发日期"):
        services.record_letter_receipt(
            actor=officer, letter=unknown, date=D(2025, 7, 31), service_method="post"
        )
    # Received 08-08: sixty days end 10-07 (国庆) → Thu 10-09.
    unknown = services.record_letter_receipt(
        actor=officer, letter=unknown, date=D(2025, 8, 8), service_method="post"
    )
    assert (unknown.report_due, unknown.service_method) == (D(2025, 10, 9), "post")


# 第四十九条: 适用普通程序审理的……应当……听取当事人的意见……因当事人原因不能听取意见的，可以
# 书面审理.
def test_a_written_review_when_the_parties_cannot_be_heard(accepted, officer, leader):
    case = accepted(accepted_on=D(2025, 9, 26))
    case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 28))
    case = services.record_reply(actor=officer, case=case, date=D(2025, 10, 9))
    with pytest.raises(ValidationError, match="第四十九条"):
        decide(leader, case, date=D(2025, 10, 20))
    case = decide(
        leader,
        case,
        date=D(2025, 10, 20),
        written_review_reason="申请人三次电话均拒接，书面通知后未到场",
    )
    assert case.steps.last().data["written_review"].startswith("申请人三次")
