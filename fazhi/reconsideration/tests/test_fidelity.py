"""Issue 12, the remaining items: the reply and report periods from receipt (第四十八条、第五十四条、
第七十六条), 简易程序 conversion within its thirty days (第五十五条、第六十二条第二款), late
applications registered and refused (第二十条、第二十一条、第三十条第二款), the postmark of a mailed
application (民事诉讼法 第八十五条第四款), who approved the decision (第六十一条第一款), 第三十二条、
第四十二条、第四十五条、第七十一条、第七十二条、第七十七条、第七十九条, and 中止 on the copy and reply
clocks. Dates around 2025 国庆 (10-01..10-08 off, 调休 workdays Sun 09-28 and Sat 10-11) and 2026
春节 (02-15..02-23 off, 调休 workdays Sat 02-14 and Sat 02-28). Every refusal names its article
and leaves the case as it was."""

import io

import pytest
from django.core.exceptions import ValidationError
from docx import Document as Docx

from fazhi.indicators import engine
from fazhi.indicators.engine import Period
from fazhi.reconsideration import deadlines, services
from fazhi.reconsideration.models import ActKind, Case, Channel, Outcome, Procedure, State
from fazhi.reconsideration.workflow import CASE_FLOW

from .conftest import ALL_CONDITIONS, D


def unchanged(case):
    stored = Case.objects.get(pk=case.pk)
    fields = [getattr(stored, field.attname) for field in Case._meta.concrete_fields]
    return (fields, stored.steps.count(), stored.documents.count())


def refused(match, call, case, **kwargs):
    before = unchanged(case)
    with pytest.raises(ValidationError, match=match):
        call(case=case, **kwargs)
    assert unchanged(case) == before


def text_of(document) -> str:
    with document.file.open("rb") as handle:
        return "\n".join(p.text for p in Docx(io.BytesIO(handle.read())).paragraphs)


def decide(actor, case, **fields):
    values = {
        "outcome": Outcome.UPHELD,
        "reasons": "经审理",
        "approval": "delegated",
        "approval_basis": "东湖区人民政府委托",
    }
    values.update(fields)
    return services.decide(actor=actor, case=case, **values)


# ── 3: 第四十八条 被申请人应当自收到申请书副本或者申请笔录复印件之日起十日内，提出书面答复 ──


# Accepted Fri 2025-09-26, copy posted Sun 09-28 (调休), received Tue 09-30: the ten working
# days are 10-09, 10-10, 10-11 (调休), 10-13..10-17, 10-20, 10-21. From the sending they would
# have ended 10-17, and 第七十条 would have been shown from 10-18.
def test_the_reply_period_runs_from_the_respondents_receipt(accepted, officer, leader):
    case = accepted(accepted_on=D(2025, 9, 26))
    case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 28), method="post")
    assert (case.copy_received_date, case.reply_due) == (None, None)
    assert not services.no_timely_reply(case, D(2025, 12, 31))  # no period without the receipt
    refused(
        "第四十八条", services.record_reply, case, actor=officer, date=D(2025, 10, 9), summary=""
    )
    refused(
        "不能早于发送日期", services.record_copy_receipt, case, actor=officer, date=D(2025, 9, 27)
    )
    case = services.record_copy_receipt(actor=officer, case=case, date=D(2025, 9, 30))
    assert case.reply_due == D(2025, 10, 21)
    assert "record_copy_receipt" not in [t.action for t in CASE_FLOW.offered(case, "officer")]
    assert not services.no_timely_reply(case, D(2025, 10, 21))
    assert services.no_timely_reply(case, D(2025, 10, 22))
    case = services.hear_views(actor=officer, case=case, date=D(2025, 10, 20), summary="听取")
    # 维持 on the last day of the real period is no 第七十条 case.
    case = decide(leader, case, date=D(2025, 10, 21))
    assert case.outcome == Outcome.UPHELD


def test_the_70th_article_only_after_the_real_reply_period(accepted, officer, leader):
    case = accepted(accepted_on=D(2025, 9, 26))
    case = services.send_copy(
        actor=officer, case=case, date=D(2025, 9, 28), method="post", received_date=D(2025, 9, 30)
    )
    case = services.hear_views(actor=officer, case=case, date=D(2025, 10, 20), summary="听取")
    refused("第七十条", services.decide, case, **_decision(leader, D(2025, 10, 22)))
    # A reply after the period is recorded and marked late (第七十条).
    case = services.record_reply(actor=officer, case=case, date=D(2025, 10, 22))
    assert case.steps.last().data == {"late": True}


# 直接送达 is received the day it is handed over; 第五十四条 (简易): 五日. Received Fri
# 2026-02-13: 02-14 (调休), 02-24, 02-25, 02-26, 02-27.
def test_direct_service_and_the_simple_procedures_five_days(accepted, officer):
    direct = accepted(accepted_on=D(2025, 9, 26))
    direct = services.send_copy(actor=officer, case=direct, date=D(2025, 9, 28))
    assert (direct.copy_service_method, direct.copy_received_date) == ("direct", D(2025, 9, 28))
    assert direct.reply_due == D(2025, 10, 17)
    simple = accepted(accepted_on=D(2026, 2, 11), procedure=Procedure.SIMPLE, act_amount=500)
    simple = services.send_copy(
        actor=officer, case=simple, date=D(2026, 2, 12), method="post", received_date=D(2026, 2, 13)
    )
    assert simple.reply_due == D(2026, 2, 27)


# ── 21: 中止 and the copy/reply clocks (the 2023 law is silent; setting) ──


# Accepted Fri 2025-09-26: the seven working days for the copy end Mon 10-13 (09-28 调休 …
# 10-11 调休). Suspended Mon 09-29, resumed Thu 10-09: the working days 09-30 and 10-09 stood
# still, so the copy is due two working days later, Wed 10-15.
def test_the_copy_clock_stands_still_during_a_suspension(accepted, officer):
    case = accepted(accepted_on=D(2025, 9, 26))
    assert case.copy_due == D(2025, 10, 13)
    case = services.suspend(actor=officer, case=case, date=D(2025, 9, 29), ground=5, reason="台风")
    assert [c.status(D(2025, 10, 20)) for c in deadlines.running_clocks(case)] == ["paused"] * 2
    case = services.resume(actor=officer, case=case, date=D(2025, 10, 9))
    assert case.copy_due == D(2025, 10, 15)


# Copy handed over Sun 09-28: the reply is due Fri 10-17. Suspended Fri 10-10, resumed Mon 10-13:
# 10-11 (调休, a working day) and 10-13 stood still → Tue 10-21.
def test_the_reply_clock_stands_still_during_a_suspension(accepted, officer):
    case = accepted(accepted_on=D(2025, 9, 26))
    case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 28))
    case = services.suspend(
        actor=officer, case=case, date=D(2025, 10, 10), ground=5, reason="不可抗力"
    )
    case = services.resume(actor=officer, case=case, date=D(2025, 10, 13))
    assert case.reply_due == D(2025, 10, 21)
    assert not services.no_timely_reply(case, D(2025, 10, 21))


def test_the_copy_and_reply_clocks_run_through_a_suspension_when_the_setting_says_so(
    accepted, officer, monkeypatch
):
    monkeypatch.setattr(deadlines, "PAUSE_COPY_REPLY_DURING_SUSPENSION", False)
    case = accepted(accepted_on=D(2025, 9, 26))
    case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 28))
    case = services.suspend(actor=officer, case=case, date=D(2025, 10, 10), ground=5, reason="x")
    case = services.resume(actor=officer, case=case, date=D(2025, 10, 13))
    assert case.reply_due == D(2025, 10, 17)
    assert case.decision_due == D(2025, 11, 28)  # the decision clock still stood 3 days


# ── 4: 第五十五条、第六十二条第二款 简易程序 conversion within its thirty days ──


# Accepted Tue 2025-09-02 under 简易程序: thirty days end 10-02 (国庆) → Thu 10-09.
def test_no_conversion_after_the_thirty_days_of_the_simple_procedure(accepted, leader):
    case = accepted(accepted_on=D(2025, 9, 2), procedure=Procedure.SIMPLE, act_amount=800)
    assert case.decision_due == D(2025, 10, 9)
    reason = {"actor": leader, "date": D(2025, 10, 10), "reason": "案情复杂"}
    refused("第六十二条第二款", services.convert_to_ordinary, case, **reason)
    assert Case.objects.get(pk=case.pk).procedure == Procedure.SIMPLE
    case = services.convert_to_ordinary(
        actor=leader, case=case, date=D(2025, 10, 9), reason="案情复杂"
    )
    assert (case.procedure, case.converted_date) == (Procedure.ORDINARY, D(2025, 10, 9))
    assert case.steps.last().data["approved_as"].startswith("行政复议机构负责人")
    assert case.decision_due == D(2025, 11, 3)  # 60 days from acceptance: Sat 11-01 → Mon 11-03


def test_a_conversion_recorded_late_does_not_make_the_case_on_time(accepted, officer, leader):
    case = accepted(accepted_on=D(2025, 9, 2), procedure=Procedure.SIMPLE, act_amount=800)
    # A conversion recorded before the guard existed, after the thirty days (10-09).
    case.procedure, case.converted_date = Procedure.ORDINARY, D(2025, 10, 20)
    case.decision_due = D(2025, 11, 3)
    case.save()
    assert deadlines.decided_on_time(case, D(2025, 10, 9)) is True
    assert deadlines.decided_on_time(case, D(2025, 10, 25)) is False
    converted = accepted(accepted_on=D(2025, 9, 2), procedure=Procedure.SIMPLE, act_amount=800)
    converted = services.convert_to_ordinary(
        actor=leader, case=converted, date=D(2025, 9, 30), reason="需要听证"
    )
    assert deadlines.decided_on_time(converted, D(2025, 10, 25)) is True


# ── 6: 第二十条、第二十一条 → registered and refused (第三十条第二款), counted as 不予受理 ──


# 第二十一条: 因不动产提出的行政复议申请自行政行为作出之日起超过二十年 … 不予受理.
def test_a_late_application_is_registered_and_refused_with_its_reason(register, officer, demo):
    late = register(
        received=D(2025, 6, 4),
        act_date=D(2005, 6, 3),
        act_known_date=D(2025, 5, 20),
        real_property=True,
    )
    in_time = register(
        received=D(2025, 6, 3),
        act_date=D(2005, 6, 3),
        act_known_date=D(2025, 5, 20),
        real_property=True,
    )
    assert in_time.time_limit_finding == ""
    assert late.state == State.REGISTERED and "超过20年" in late.time_limit_finding
    refused(
        "第三十条第一款第四项",
        services.accept,
        late,
        actor=officer,
        date=D(2025, 6, 5),
        conditions=ALL_CONDITIONS,
        procedure=Procedure.ORDINARY,
    )
    refuse = {"actor": officer, "date": D(2025, 6, 5), "reasons": "超过申请期限"}
    refused("第三十条第二款", services.refuse, late, failed=["interest"], **refuse)
    count = {
        "user": demo.admin,
        "unit": demo.units["donghu_justice"].parent,
        "period": Period.year(2025),
    }
    before = engine.compute(["reconsideration.not_accepted"], **count)
    late = services.refuse(case=late, failed=["in_time"], **refuse)
    assert (late.state, late.outcome) == (State.NOT_ACCEPTED, Outcome.NOT_ACCEPTED)
    letter = text_of(late.documents.get(kind="refusal"))
    assert "在法定申请期限内提出" in letter and "超过20年，依照第二十一条不予受理" in letter
    after = engine.compute(["reconsideration.not_accepted"], **count)
    key = "reconsideration.not_accepted"
    assert after[key] == before[key] + 1  # counted as 不予受理


# ── 7: 民事诉讼法 第八十五条第四款 期满前交邮的，不算过期 ──


# Known 2025-08-02: sixty days end 10-01 (国庆) → Thu 10-09.
def test_a_mailed_application_counts_from_its_postmark(register):
    mailed = {"channel": Channel.POST, "act_date": D(2025, 8, 1), "act_known_date": D(2025, 8, 2)}
    posted_in_time = register(received=D(2025, 10, 13), posted_date=D(2025, 10, 9), **mailed)
    assert posted_in_time.time_limit_finding == ""
    assert posted_in_time.posted_date == D(2025, 10, 9)
    assert posted_in_time.acceptance_due == D(2025, 10, 20)  # the review runs from receipt
    posted_late = register(received=D(2025, 10, 13), posted_date=D(2025, 10, 10), **mailed)
    assert "第二十条第一款" in posted_late.time_limit_finding
    assert "第二十条第一款" in register(received=D(2025, 10, 13), **mailed).time_limit_finding
    with pytest.raises(ValidationError, match="仅适用于邮寄"):
        register(
            received=D(2025, 10, 13),
            posted_date=D(2025, 10, 9),
            act_date=D(2025, 8, 1),
            act_known_date=D(2025, 8, 2),
        )
    with pytest.raises(ValidationError, match="收到申请之前"):
        register(received=D(2025, 10, 13), posted_date=D(2025, 10, 14), **mailed)


# 第三十二条: 当场作出的行政处罚决定 … 可以通过作出行政处罚决定的行政机关提交 … 自收到行政复议申请之日
# 起五日内转送. Received by that organ Fri 2025-09-26: 09-28 (调休), 09-29, 09-30, 10-09, 10-10.
def test_an_application_through_the_penalty_organ_is_forwarded_in_five_working_days(register):
    spot = {"act_on_the_spot": True, "act_date": D(2025, 8, 1), "act_known_date": D(2025, 8, 2)}
    on_time = register(received=D(2025, 10, 10), via_respondent_date=D(2025, 9, 26), **spot)
    assert deadlines.forwarding_due(on_time) == D(2025, 10, 10)
    assert not deadlines.forwarded_late(on_time)
    assert "forwarded_late" not in on_time.steps.get().data
    late = register(received=D(2025, 10, 11), via_respondent_date=D(2025, 9, 26), **spot)
    assert deadlines.forwarded_late(late) and late.steps.get().data["forwarded_late"]
    # The application counts as made when that organ received it: 10-09 is in time.
    assert not register(
        received=D(2025, 10, 13), via_respondent_date=D(2025, 10, 9), **spot
    ).time_limit_finding
    with pytest.raises(ValidationError, match="第三十二条第一款"):
        register(received=D(2025, 10, 10), via_respondent_date=D(2025, 9, 26))


# ── 11: 第六十一条第一款 经行政复议机关的负责人同意或者集体讨论通过 ──


@pytest.fixture
def heard(accepted, officer):
    case = accepted(accepted_on=D(2025, 9, 26))
    case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 28))
    case = services.record_reply(actor=officer, case=case, date=D(2025, 10, 9))
    return services.hear_views(actor=officer, case=case, date=D(2025, 10, 20), summary="听取")


def test_who_approved_the_decision_and_in_what_capacity(heard, leader, demo):
    reviewer = demo.users["donghu_reviewer"]
    day = {"actor": reviewer, "date": D(2025, 10, 21), "outcome": Outcome.UPHELD, "reasons": "x"}
    refused("第六十一条第一款", services.decide, heard, approval="leader", **day)
    refused("第六十一条第一款", services.decide, heard, approval="organ_head", **day)
    refused("第六十一条第一款", services.decide, heard, approval="collective", **day)
    refused(
        "须由该负责人本人办理（第六十一条第一款）",
        services.decide,
        heard,
        approval="delegated",
        approval_basis="东府发〔2024〕3号",
        **day,
    )
    leader_day = {**day, "actor": leader}
    refused("授权|委托", services.decide, heard, approval="delegated", **leader_day)
    case = services.decide(
        case=heard, approval="organ_head", approver_name="东湖区人民政府副区长 王某", **day
    )
    assert (case.approval, case.approver_name) == ("organ_head", "东湖区人民政府副区长 王某")
    assert case.steps.last().data["approver"] == "东湖区人民政府副区长 王某"


def test_a_delegated_head_approves_in_person_with_the_delegation(heard, leader):
    case = decide(leader, heard, date=D(2025, 10, 21), approval_basis="东府发〔2024〕3号")
    assert case.approval == "delegated" and case.approval_basis == "东府发〔2024〕3号"
    assert case.approver_name == (leader.get_full_name() or leader.username)


# ── 20: 第四十二条、第四十五条、第七十一条、第七十二条、第七十七条、第七十九条 ──


def test_stay_of_execution_on_a_ground_of_the_42nd_article(heard, officer):
    stay = {"actor": officer, "date": D(2025, 10, 9), "reason": "申请人申请，理由成立"}
    refused("第四十二条", services.stay_execution, heard, ground=7, **stay)
    refused("第四十二条第三项", services.stay_execution, heard, ground=3, **stay)
    case = services.stay_execution(case=heard, ground=3, request_date=D(2025, 9, 30), **stay)
    assert (case.stay_date, case.stay_ground) == (D(2025, 10, 9), 3)
    assert "第四十二条（三）" in text_of(case.documents.get(kind="stay"))
    refused("已于", services.stay_execution, case, ground=2, **stay)


def test_investigation_by_at_least_two_staff_with_credentials(heard, officer):
    look = {"actor": officer, "date": D(2025, 10, 10), "summary": "现场勘验"}
    refused(
        "不得少于两人",
        services.investigate,
        heard,
        investigators="张三",
        credentials_shown=True,
        **look,
    )
    refused(
        "不得少于两人",
        services.investigate,
        heard,
        investigators="张三、张三",
        credentials_shown=True,
        **look,
    )
    refused(
        "工作证件",
        services.investigate,
        heard,
        investigators="张三、李四",
        credentials_shown=False,
        **look,
    )
    case = services.investigate(
        case=heard, investigators="张三，李四", credentials_shown=True, **look
    )
    assert case.steps.get(action="investigate").data["investigators"] == ["张三", "李四"]


# 第七十一条: 被申请人 … 违法变更、解除行政协议的 … 决定被申请人承担 … 责任.
def test_agreement_decisions_only_on_an_administrative_agreement(accepted, officer, leader):
    def heard_on(kind):
        case = accepted(accepted_on=D(2025, 9, 26), act_kind=kind)
        case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 28))
        case = services.record_reply(actor=officer, case=case, date=D(2025, 10, 9))
        return services.hear_views(actor=officer, case=case, date=D(2025, 10, 20), summary="听取")

    penalty = heard_on(ActKind.PENALTY)
    refused(
        "第七十一条",
        services.decide,
        penalty,
        **_decision(leader, D(2025, 10, 21), outcome=Outcome.AGREEMENT_LIABILITY, ground="71.1"),
    )
    agreement = heard_on(ActKind.AGREEMENT)
    case = decide(
        leader, agreement, date=D(2025, 10, 21), outcome=Outcome.AGREEMENT_LIABILITY, ground="71.2"
    )
    assert case.outcome == Outcome.AGREEMENT_LIABILITY


def _decision(leader, day, **extra):
    values = {
        "actor": leader,
        "date": day,
        "outcome": Outcome.UPHELD,
        "reasons": "经审理",
        "approval": "delegated",
        "approval_basis": "东湖区人民政府委托",
    }
    values.update(extra)
    return values


# 第七十二条第一款: 一并提出行政赔偿请求 … 应当同时决定驳回 … 或者 … 决定被申请人依法给予赔偿.
def test_a_compensation_request_is_decided_with_the_decision(accepted, officer, leader):
    case = accepted(accepted_on=D(2025, 9, 26), compensation_requested=True, act_amount=2000)
    case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 28))
    case = services.record_reply(actor=officer, case=case, date=D(2025, 10, 9))
    case = services.hear_views(actor=officer, case=case, date=D(2025, 10, 20), summary="听取")
    revoke = _decision(leader, D(2025, 10, 21), outcome=Outcome.REVOKED, ground="64.1")
    refused("第七十二条第一款", services.decide, case, **revoke)
    refused(
        "第七十二条第一款",
        services.decide,
        case,
        **_decision(leader, D(2025, 10, 21), compensation="awarded"),
    )
    case = services.decide(case=case, compensation="awarded", **revoke)
    assert case.compensation == "awarded"
    assert "决定被申请人依法给予赔偿" in text_of(case.documents.get(kind="decision"))


# 第七十二条第二款: 没有提出行政赔偿请求的 … 撤销 … 罚款 … 应当同时责令被申请人返还财产.
def test_a_revoked_fine_orders_the_money_returned(accepted, officer, leader):
    case = accepted(accepted_on=D(2025, 9, 26), act_amount=2000)
    case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 28))
    case = services.record_reply(actor=officer, case=case, date=D(2025, 10, 9))
    case = services.hear_views(actor=officer, case=case, date=D(2025, 10, 20), summary="听取")
    revoke = _decision(leader, D(2025, 10, 21), outcome=Outcome.REVOKED, ground="64.1")
    refused("第七十二条第二款", services.decide, case, **revoke)
    refused("未一并提出", services.decide, case, compensation="rejected", **revoke)
    case = services.decide(case=case, property_return=True, **revoke)
    assert case.compensation == "property_return"


@pytest.fixture
def served(accepted, officer, leader, issue_decision):
    """责令履行 by 10-31 on a 不履行法定职责 case decided 10-21, served Wed 10-22."""
    case = accepted(accepted_on=D(2025, 9, 26), act_kind=ActKind.NONPERFORMANCE)
    case = services.send_copy(actor=officer, case=case, date=D(2025, 9, 28))
    case = services.record_reply(actor=officer, case=case, date=D(2025, 10, 9))
    case = services.hear_views(actor=officer, case=case, date=D(2025, 10, 20), summary="听取")
    case = decide(
        leader,
        case,
        date=D(2025, 10, 21),
        outcome=Outcome.ORDERED_PERFORMANCE,
        performance_due=D(2025, 10, 31),
    )
    issue_decision(case, D(2025, 10, 21), 查明事实="被申请人收到申请后未在法定期限内作出答复。")
    return services.serve(actor=officer, case=case, date=D(2025, 10, 22))


# 第七十七条: 被申请人不履行 … 应当责令其限期履行，并可以约谈 … 或者予以通报批评.
def test_a_decision_not_performed_is_escalated(served, officer):
    order = {"actor": officer, "reason": "逾期未作出答复", "interview": True}
    refused(
        "届满前",
        services.order_performance,
        served,
        date=D(2025, 10, 31),
        due=D(2025, 11, 14),
        **order,
    )
    refused(
        "晚于责令日期",
        services.order_performance,
        served,
        date=D(2025, 11, 3),
        due=D(2025, 11, 3),
        **order,
    )
    case = services.order_performance(
        case=served, date=D(2025, 11, 3), due=D(2025, 11, 14), **order
    )
    assert (case.performance_order_date, case.performance_order_due) == (
        D(2025, 11, 3),
        D(2025, 11, 14),
    )
    assert "约谈有关负责人" in text_of(case.documents.get(kind="performance_order"))
    assert "责令限期履行" in [c.label for c in deadlines.running_clocks(case)]
    refused(
        "已经责令",
        services.order_performance,
        case,
        date=D(2025, 11, 4),
        due=D(2025, 11, 20),
        **order,
    )


# 第七十九条: 将行政复议决定书向社会公开 … 同时抄告被申请人的上一级主管部门.
def test_publication_and_copy_to_the_superior_department(served, officer):
    refused(
        "送达", services.publish_decision, served, actor=officer, date=D(2025, 10, 21), where="网站"
    )
    refused(
        "第七十九条第一款",
        services.publish_decision,
        served,
        actor=officer,
        date=D(2025, 10, 23),
        where=" ",
    )
    case = services.publish_decision(
        actor=officer, case=served, date=D(2025, 10, 23), where="区政府网站"
    )
    assert case.published_date == D(2025, 10, 23)
    refused(
        "第七十九条第二款",
        services.copy_to_superior,
        case,
        actor=officer,
        date=D(2025, 10, 23),
        recipient="",
    )
    case = services.copy_to_superior(
        actor=officer, case=case, date=D(2025, 10, 23), recipient="市交通运输局"
    )
    assert (case.copied_to, case.copied_date) == ("市交通运输局", D(2025, 10, 23))
    offered = [t.action for t in CASE_FLOW.offered(case, "officer")]
    assert "publish_decision" not in offered and "copy_to_superior" not in offered


def test_the_workflow_page_shows_the_new_guards(client_as, demo):
    page = client_as(demo.users["donghu_officer"]).get("/reconsideration/workflow/")
    text = page.content.decode()
    for guard in (
        "答复期限自被申请人收到副本之日起计算",
        "简易程序三十日审理期限届满后不能转换",
        "登记时认定超过申请期限",
        "受委托的行政复议机构负责人同意",
        "第四十二条",
        "行政复议人员不少于两人",
        "第七十九条第二款",
        "第七十二条第二款",
        "中止期间的工作日不计算",
    ):
        assert guard in text, guard


def test_pages_show_the_receipt_and_the_late_finding(client_as, demo, register, officer):
    from .test_pages import post_form

    client = client_as(officer)
    letter = services.issue_letter(
        actor=officer,
        unit=demo.units["donghu_justice"],
        kind="opinion",
        recipient="东湖区市场监督管理局",
        issued_date=D(2025, 8, 1),
        content="执法程序不规范，请予纠正",
    )
    page = client.get(f"/reconsideration/letters/{letter.pk}/").content.decode()
    assert "待登记收到日期" in page and "登记收到日期" in page
    url = f"/reconsideration/letters/{letter.pk}/receipt/"
    response = post_form(client, url, {"date": "2025-08-08", "service_method": "post"})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.report_due == D(2025, 10, 9)
    late = register(received=D(2025, 6, 4), act_date=D(2020, 6, 3), act_known_date=D(2025, 5, 20))
    page = client.get(f"/reconsideration/cases/{late.pk}/").content.decode()
    assert "超过5年" in page and "第三十条第二款" in page


# ── 17: 第三十四条 复议前置 … 自收到决定书之日起 … 十五日内，依法向人民法院提起行政诉讼 ──


@pytest.mark.django_db
def test_the_applicants_fifteen_days_to_sue_run_from_receipt_and_leave_holidays():
    # Served Sat 2025-09-20: the fifteenth day, Sun 10-05, is in 国庆 (10-01..10-08 off), so
    # the period ends on the first day after the holiday, Thu 10-09 (民事诉讼法 第八十五条).
    pre_review = Case(
        state=State.CLOSED, served_date=D(2025, 9, 20), act_kind=ActKind.NONPERFORMANCE
    )
    assert deadlines.suit_window(pre_review) == (D(2025, 10, 9), "第三十四条")
    # Served Thu 2026-02-05: day fifteen, Fri 02-20, falls in 春节 (02-15..02-23): Tue 02-24.
    ordinary = Case(state=State.CLOSED, served_date=D(2026, 2, 5), act_kind=ActKind.PENALTY)
    assert deadlines.suit_window(ordinary) == (D(2026, 2, 24), "行政诉讼法第四十五条")
    # Not yet served, or still open: no window.
    assert (
        deadlines.suit_window(Case(state=State.AWAITING_SERVICE, act_kind=ActKind.PENALTY)) is None
    )
    assert deadlines.suit_window(Case(state=State.HEARING, served_date=D(2025, 9, 20))) is None


def test_the_case_page_shows_the_window_to_sue_after_service(served, client_as, demo):
    # Served Wed 2025-10-22 on a 不履行法定职责 case (第二十三条第一款第三项): 11-06.
    assert deadlines.suit_window(served) == (D(2025, 11, 6), "第三十四条")
    page = client_as(demo.users["donghu_officer"]).get(served.get_absolute_url()).content.decode()
    assert "申请人起诉期限" in page and "2025年11月6日前（第三十四条" in page
