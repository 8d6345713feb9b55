"""The statutory rules of 人民调解, each from its article's text, and the bad input of the issue:
a committee of two, a mediator under 18, an agreement without signatures, a 司法确认
application after 30 days — each a Chinese message with nothing half-written."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.models import NumberSequence
from fazhi.mediation import deadlines, services
from fazhi.mediation.models import Committee, Dispute, Mediator, Seat, Status

D = datetime.date


def _committee(world, director, members, **extra):
    arguments = {
        "actor": world.mediator,
        "unit": world.town,
        "name": "西河村人民调解委员会",
        "kind": "village",
        "founder": "西河村村民委员会",
        "term_start": D(2025, 2, 28),
        "director": director,
        "members": members,
    }
    return services.register_committee(**(arguments | extra))


# 人民调解法 第八条第二款: 人民调解委员会由委员三至九人组成，设主任一人。
def test_a_committee_of_two_is_refused_and_nothing_is_written(world, person):
    director, member = person("甲"), person("乙", "male")
    with pytest.raises(ValidationError) as refused:
        _committee(world, director, [member])
    assert "由委员三至九人组成（人民调解法 第八条第二款），当前委员为2人" in str(refused.value)
    assert not Committee.objects.filter(unit=world.town).exists()
    assert not Seat.objects.filter(committee__unit=world.town).exists()


def test_ten_members_are_too_many(world, person):
    director = person("主任")
    members = [person(f"委员{i}", "male") for i in range(9)]
    with pytest.raises(ValidationError, match="当前委员为10人"):
        _committee(world, director, members)
    committee = _committee(world, director, members[:8])
    assert committee.seats.count() == 9
    with pytest.raises(ValidationError, match="已有九人"):
        services.add_seat(
            actor=world.mediator,
            committee=committee,
            mediator=members[8],
            post="member",
            since=D(2025, 3, 3),
        )
    # 聘任调解员 are no 委员 (第十三条): the tenth person may be appointed.
    services.add_seat(
        actor=world.mediator,
        committee=committee,
        mediator=members[8],
        post="appointed",
        since=D(2025, 3, 3),
    )


# 第八条第三款: 应当有妇女成员，多民族居住的地区应当有人数较少民族的成员。
def test_a_woman_and_in_multi_ethnic_areas_a_minority_member(world, person):
    men = [person(f"男{i}", "male") for i in range(3)]
    with pytest.raises(ValidationError, match="应当有妇女成员"):
        _committee(world, men[0], men[1:])
    woman = person("女委员")
    with pytest.raises(ValidationError, match="人数较少民族的成员"):
        _committee(world, men[0], [*men[1:], woman], multi_ethnic=True)
    minority = person("回族委员", "male", ethnicity="回族")
    committee = _committee(world, men[0], [men[1], woman, minority], multi_ethnic=True)
    assert committee.seats.filter(post="director").get().mediator == men[0]


# 第九条第二款: 委员每届任期三年 — 29 February falls on 28 February.
def test_the_term_is_three_years(world, person):
    people = [person("甲"), person("乙", "male"), person("丙", "male")]
    committee = _committee(world, people[0], people[1:], term_start=D(2024, 2, 29))
    assert committee.term_end == D(2027, 2, 28)


# 第十四条: 成年公民担任。
def test_a_mediator_under_eighteen_is_refused(world, person, settings):
    today = datetime.date.today()
    born = today.replace(year=today.year - 18) + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="未满十八周岁，人民调解员应当由成年公民担任"):
        person("少年", born=born)
    assert not Mediator.objects.filter(unit=world.town).exists()
    assert person("成年", born=born - datetime.timedelta(days=1)).name == "成年"


def test_one_person_sits_on_several_committees(world, committee, person):
    shared = committee.seats.get(post="director").mediator
    other = _committee(
        world, person("乙"), [person("丙", "male"), shared], name="东岸村人民调解委员会"
    )
    assert set(shared.seats.values_list("committee", flat=True)) == {committee.pk, other.pk}
    with pytest.raises(ValidationError, match="已是"):
        services.add_seat(
            actor=world.mediator,
            committee=other,
            mediator=shared,
            post="member",
            since=D(2025, 3, 3),
        )


# 宁波市人民调解条例 第十三条: 三十个工作日内备案 — across National Day 2025 with the 调休
# Sundays 28 September and Saturday 11 October counted as working days.
def test_filing_is_due_thirty_working_days_after_a_change(db):
    assert deadlines.filing_due(D(2025, 9, 26)) == D(2025, 11, 13)


def test_dismissal_keeps_the_composition(world, committee):
    member = committee.seats.filter(post="member").first().mediator
    services.dismiss_mediator(actor=world.mediator, mediator=member, ground="泄露当事人隐私")
    member.refresh_from_db()
    assert member.status == "dismissed" and not member.seats.exists()
    committee.refresh_from_db()
    assert committee.filed_date is None and committee.changed_date == datetime.date.today()
    # Three 委员 are left: a fourth dismissal would leave two (第八条第二款).
    last = committee.seats.filter(post="member").first().mediator
    with pytest.raises(ValidationError, match="当前委员为2人；请先补选委员"):
        services.dismiss_mediator(actor=world.mediator, mediator=last, ground="吃请受礼")
    last.refresh_from_db()
    assert last.status == "active" and last.seats.exists()


# — disputes —


def test_case_numbers_run_per_committee_and_year(dispute):
    assert dispute().number == "（2025）湖滨社区人调字第1号"
    assert dispute().number == "（2025）湖滨社区人调字第2号"
    assert dispute(received=D(2026, 1, 5)).number == "（2026）湖滨社区人调字第1号"


# 第十七条: 当事人一方明确拒绝调解的，不得调解。
def test_a_refusal_opens_no_case_and_takes_no_number(world, dispute):
    with pytest.raises(ValidationError, match="不得调解（人民调解法 第十七条）"):
        dispute(refused_by_party=True)
    assert not Dispute.objects.filter(unit=world.town).exists()
    assert not NumberSequence.objects.filter(unit=world.town).exists()
    assert dispute().number.endswith("第1号")


def test_a_referred_case_needs_the_referrers_number(dispute):
    with pytest.raises(ValidationError, match="请填写来源单位及文号"):
        dispute(source="police")
    case = dispute(source="police", source_reference="湖滨派出所移字〔2025〕12号")
    assert case.source_reference == "湖滨派出所移字〔2025〕12号"


def test_the_mediation_period(dispute):
    # 宁波条例 第二十七条: 一个月 — 31 January to 28 February.
    assert dispute(received=D(2025, 1, 31)).due_date == D(2025, 2, 28)
    # 特邀调解规定 第二十七条: 委派 30日, 委托 7日 (简易); a last day in the National Day
    # holiday moves to Thursday 9 October (民事诉讼法 第八十五条).
    court = {"source_reference": "（2025）鲁0202民诉前调1号"}
    assert dispute(received=D(2025, 9, 1), source="court_pre", **court).due_date == D(2025, 10, 9)
    simple = dispute(received=D(2025, 9, 24), source="court_post", simple_procedure=True, **court)
    assert simple.due_date == D(2025, 10, 9)
    assert dispute(received=D(2025, 9, 24), source="court_post", **court).due_date == D(2025, 10, 9)
    assert dispute(received=D(2025, 10, 9), source="court_post", **court).due_date == D(
        2025, 10, 24
    )


def test_extension_needs_both_parties(world, dispute):
    case = dispute(received=D(2025, 3, 3))
    with pytest.raises(ValidationError, match="须经双方当事人同意"):
        services.extend_period(
            actor=world.mediator, dispute=case, extended_due=D(2025, 4, 30), both_consent=False
        )
    services.extend_period(
        actor=world.mediator, dispute=case, extended_due=D(2025, 4, 30), both_consent=True
    )
    assert case.current_due == D(2025, 4, 30)


# 第二十六条: 调解不成的，应当终止调解，并……告知当事人……其他途径。
def test_ending_without_agreement_tells_the_other_routes(world, dispute):
    case = dispute()
    with pytest.raises(ValidationError, match="请填写告知的途径"):
        services.end_mediation(
            actor=world.mediator, dispute=case, reason="failed", ended_date=D(2025, 3, 20)
        )
    case.refresh_from_db()
    assert case.status == Status.MEDIATING
    services.end_mediation(
        actor=world.mediator,
        dispute=case,
        reason="failed",
        ended_date=D(2025, 3, 20),
        routes_told="可以向人民法院提起诉讼",
    )
    assert case.status == Status.ENDED and case.on_time is True


# 第二十九条第二款: 签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。
def test_a_written_agreement_without_signatures_is_refused(world, dispute):
    case = dispute()
    with pytest.raises(ValidationError) as refused:
        services.record_agreement(
            actor=world.mediator,
            dispute=case,
            form="written",
            content="赔偿500元",
            effective_date=D(2025, 3, 10),
            mediator_signed=True,
        )
    assert "尚未各方当事人签名、盖章或者按指印、加盖人民调解委员会印章" in str(refused.value)
    case.refresh_from_db()
    assert case.status == Status.MEDIATING and not hasattr(case, "agreement")
    # 第三十条: 口头调解协议自各方当事人达成协议之日起生效 — no signatures needed.
    services.record_agreement(
        actor=world.mediator,
        dispute=case,
        form="oral",
        content="赔偿500元",
        effective_date=D(2025, 3, 10),
    )
    case.refresh_from_db()
    assert case.status == Status.AGREED and case.agreed_date == D(2025, 3, 10)


def _agreed(world, dispute, effective):
    case = dispute(received=effective - datetime.timedelta(days=5))
    services.record_agreement(
        actor=world.mediator,
        dispute=case,
        form="written",
        content="赔偿",
        effective_date=effective,
        parties_signed=True,
        mediator_signed=True,
        sealed=True,
    )
    return case


# 第三十三条: 自调解协议生效之日起三十日内 — 1 September + 30 = 1 October, a holiday: the
# period ends on Thursday 9 October 2025.
def test_confirmation_after_thirty_days_is_refused(world, dispute):
    case = _agreed(world, dispute, D(2025, 9, 1))
    assert case.agreement.confirmation_due == D(2025, 10, 9)
    with pytest.raises(ValidationError, match="期限已于2025-10-09届满"):
        services.apply_confirmation(
            actor=world.mediator, dispute=case, court="测试区人民法院", applied_date=D(2025, 10, 10)
        )
    services.apply_confirmation(
        actor=world.mediator, dispute=case, court="测试区人民法院", applied_date=D(2025, 10, 9)
    )
    # 2011 规定 第四条: 三日内决定是否受理 (9 October + 3 = 12 October, a Sunday → 13th).
    assert case.confirmation.acceptance_due == D(2025, 10, 13)


# 2011 规定 第五条 (十五日, 延长十日), 第七条 (不予确认 with its ground).
def test_the_courts_periods_and_decision(world, dispute):
    case = _agreed(world, dispute, D(2025, 6, 2))
    services.apply_confirmation(
        actor=world.mediator, dispute=case, court="测试区人民法院", applied_date=D(2025, 6, 3)
    )
    with pytest.raises(ValidationError, match="调确字"):
        services.record_court_decision(
            actor=world.mediator, dispute=case, accepted_date=D(2025, 6, 5), court_number="123"
        )
    confirmation = services.record_court_decision(
        actor=world.mediator,
        dispute=case,
        accepted_date=D(2025, 6, 5),
        court_number="（2025）鲁0202民特调确5号",
        extended=True,
    )
    assert confirmation.decision_due == D(2025, 6, 30)  # 5 June + 25 days
    with pytest.raises(ValidationError, match="第七条的理由"):
        services.record_court_decision(
            actor=world.mediator, dispute=case, result="not_confirmed", decided_date=D(2025, 6, 20)
        )
    services.record_court_decision(
        actor=world.mediator,
        dispute=case,
        result="not_confirmed",
        ground="5",
        decided_date=D(2025, 6, 20),
    )
    case.confirmation.refresh_from_db()
    assert case.confirmation.get_ground_display().startswith("内容不明确")


# 第三十一条: 督促当事人履行 — a 回访 finding full performance closes the case.
def test_follow_up_closes_a_performed_case(world, dispute):
    case = _agreed(world, dispute, D(2025, 3, 10))
    services.record_follow_up(
        actor=world.mediator,
        dispute=case,
        date=D(2025, 4, 1),
        visitor="回访员",
        performance="partial",
    )
    assert case.status == Status.AGREED
    services.record_follow_up(
        actor=world.mediator, dispute=case, date=D(2025, 5, 1), visitor="回访员", performance="full"
    )
    assert case.status == Status.CLOSED and case.closed_date == D(2025, 5, 1)


def test_steps_out_of_order_are_refused(world, dispute):
    case = dispute()
    with pytest.raises(ValidationError, match="不能办理“登记申请司法确认”"):
        services.apply_confirmation(
            actor=world.mediator, dispute=case, court="法院", applied_date=D(2025, 3, 10)
        )
    with pytest.raises(ValidationError, match="不能早于受理日期"):
        services.record_session(
            actor=world.mediator,
            dispute=case,
            date=D(2025, 3, 1),
            place="村委会",
            present="双方",
            record="……",
        )


# 第二十三条第三项 and worklines.md §2.2(e): 典型案例 anonymised, never a non-public case.
def test_typical_cases_are_anonymised_and_never_non_public(world, dispute):
    case = _agreed(world, dispute, D(2025, 3, 10))
    party = case.parties.get(name="张某某")
    party.address = "湖滨街道柳营村3组12号"
    party.save()
    published = services.publish_typical_case(
        actor=world.mediator,
        dispute=case,
        title="张某某与李某某排水纠纷",
        text="家住湖滨街道柳营村3组12号的张某某与邻居李某某因排水发生争执。",
    )
    assert published.title == "张某与李某排水纠纷"
    assert published.text == "家住湖滨街道柳营村的张某与邻居李某因排水发生争执。"
    hidden = dispute(non_public=True)
    services.record_agreement(
        actor=world.mediator,
        dispute=hidden,
        form="oral",
        content="和解",
        effective_date=D(2025, 3, 10),
    )
    with pytest.raises(ValidationError, match="不公开调解的案件不能作为典型案例发布"):
        services.publish_typical_case(actor=world.mediator, dispute=hidden, title="某", text="某")


# 信访工作条例 第三十四条: 60日内办结 — handed over 2 August 2025, the 60th day is 1 October
# (National Day): feedback is due on Thursday 9 October.
def test_petition_and_court_cases_owe_feedback_to_the_referrer(world, dispute):
    petition = dispute(
        received=D(2025, 8, 4),
        source="petition",
        source_reference="信访件〔2025〕88号",
        referred_date=D(2025, 8, 2),
    )
    assert petition.return_due == D(2025, 10, 9)
    court = dispute(
        received=D(2025, 9, 1), source="court_pre", source_reference="（2025）鲁0202民诉前调9号"
    )
    assert court.return_due == court.due_date == D(2025, 10, 9)
    assert dispute(source="police", source_reference="移字1号").return_due is None
    with pytest.raises(ValidationError, match="请填写反馈情况"):
        services.record_return(
            actor=world.mediator, dispute=petition, returned_date=D(2025, 9, 1), note=""
        )
    services.record_return(
        actor=world.mediator, dispute=petition, returned_date=D(2025, 9, 1), note="已达成协议"
    )
    with pytest.raises(ValidationError, match="不能办理“反馈来源单位”|已于2025-09-01反馈"):
        services.record_return(
            actor=world.mediator, dispute=petition, returned_date=D(2025, 9, 2), note="再次"
        )


# 人民法院在线调解规则 第十二条: 三个工作日内确认接受 — from Friday 26 September 2025 the
# 调休 Sunday 28th is the first working day, so the third is Tuesday 30 September.
def test_online_mediation_is_confirmed_within_three_working_days(world, dispute):
    court = {"source": "court_pre", "source_reference": "（2025）鲁0202民诉前调10号"}
    late = dispute(received=D(2025, 10, 9), referred_date=D(2025, 9, 26), online=True, **court)
    assert late.confirm_due == D(2025, 9, 30) and late.confirmed_late
    on_time = dispute(received=D(2025, 9, 30), referred_date=D(2025, 9, 26), online=True, **court)
    assert not on_time.confirmed_late
    with pytest.raises(ValidationError, match="受理日期（2025-09-25）不能早于移交日期"):
        dispute(received=D(2025, 9, 25), referred_date=D(2025, 9, 26), **court)


def test_a_window_into_an_unknown_year_waits_on_the_due_list(world, dispute, monkeypatch):
    from fazhi.core.calendar import _package_years
    from fazhi.core.deadlines import due_list

    today = datetime.date.today()
    unknown = max(_package_years()) + 1
    monkeypatch.setattr(deadlines, "CONFIRMATION_DAYS", (D(unknown, 1, 15) - today).days)
    case = dispute(received=today)
    agreement = services.record_agreement(
        actor=world.mediator, dispute=case, form="oral", content="和解", effective_date=today
    )
    assert agreement.confirmation_due is None
    items = [i for i in due_list(world.mediator, today, 14).items if case.number in i.title]
    assert [str(i.pending) for i in items] == [
        f"待录入{unknown}年节假日安排后计算（按自然日计不早于{unknown}-01-15）"
    ]
