"""The certificate cycle (申领 → 培训 → 考试 → 发证 → 年审; 暂扣, 收回) and the rule that only
officers with a valid certificate enforce (行政处罚法 第四十二条)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fazhi.enforcement import services, workflow
from fazhi.enforcement.models import CertificateCheck, CertificateStatus, EnforcementAction, Officer

from .conftest import TODAY, ago, id_number


def _applicant(world):
    officer = services.register_officer(
        actor=world.actor, unit=world.market, name="新人", id_number=id_number(900)
    )
    return officer, services.apply_certificate(
        actor=world.actor, officer=officer, applied_date=ago(30)
    )


def test_the_exam_comes_after_training_and_is_judged_by_the_pass_mark(world):
    officer, certificate = _applicant(world)
    with pytest.raises(ValidationError, match="应先完成培训"):
        services.record_exam(
            actor=world.actor, certificate=certificate, exam_date=ago(10), exam_score=Decimal(90)
        )
    services.record_training(
        actor=world.actor,
        officer=officer,
        title="资格培训",
        date=ago(20),
        hours=Decimal(40),
        certificate=certificate,
    )
    services.record_exam(
        actor=world.actor,
        certificate=certificate,
        exam_date=ago(10),
        exam_score=Decimal(59.5),
        pass_mark=Decimal(60),
    )
    assert certificate.status == CertificateStatus.FAILED
    with pytest.raises(ValidationError, match="考试合格后方可发证"):
        services.issue_certificate(
            actor=world.actor,
            certificate=certificate,
            number="X1",
            issue_date=ago(5),
            valid_until=ago(-1000),
        )
    services.record_exam(
        actor=world.actor, certificate=certificate, exam_date=ago(8), exam_score=Decimal(60)
    )  # 补考
    services.issue_certificate(
        actor=world.actor,
        certificate=certificate,
        number="X1",
        issue_date=ago(5),
        valid_until=ago(-1000),
    )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID
    assert certificate.annual_review_due == ago(5).replace(year=ago(5).year + 1)
    assert officer.certificate_problem(TODAY) == ""
    assert CertificateCheck.objects.filter(certificate=certificate, kind="issued").count() == 1


def test_a_passed_annual_review_moves_the_next_one_a_year_on(world, certified):
    certificate = certified(issued_ago=360).certificates.get()
    due = certificate.annual_review_due
    services.record_annual_review(
        actor=world.actor, certificate=certificate, date=TODAY, passed=True
    )
    assert certificate.annual_review_due == due.replace(year=due.year + 1)


def test_a_missed_annual_review_makes_the_certificate_invalid(world, certified):
    officer = certified(issued_ago=400)
    assert "未按期年审" in officer.certificate_problem(TODAY)


def test_a_failed_annual_review_suspends_the_certificate(world, certified):
    certificate = certified().certificates.get()
    with pytest.raises(ValidationError, match="请说明理由"):
        services.record_annual_review(
            actor=world.actor, certificate=certificate, date=TODAY, passed=False
        )
    services.record_annual_review(
        actor=world.actor, certificate=certificate, date=TODAY, passed=False, note="考核不合格"
    )
    assert certificate.status == CertificateStatus.SUSPENDED
    assert "暂扣" in certificate.officer.certificate_problem(TODAY)


def test_suspension_and_withdrawal_need_a_reason(world, certified):
    certificate = certified().certificates.get()
    with pytest.raises(ValidationError, match="请填写暂扣理由"):
        services.suspend_certificate(actor=world.actor, certificate=certificate, reason=" ")
    services.suspend_certificate(actor=world.actor, certificate=certificate, reason="涉嫌违纪")
    services.withdraw_certificate(actor=world.actor, certificate=certificate, reason="调离执法岗位")
    certificate.refresh_from_db()
    assert (
        certificate.status == CertificateStatus.WITHDRAWN
        and certificate.status_reason == "调离执法岗位"
    )


def test_an_expired_certificate_cannot_be_reviewed(world, certified):
    certificate = certified().certificates.get()
    certificate.valid_until = ago(1)
    certificate.save()  # the step reads the certificate again under its lock
    with pytest.raises(ValidationError, match="过期"):
        services.record_annual_review(
            actor=world.actor, certificate=certificate, date=TODAY, passed=True
        )


def test_a_renewal_withdraws_the_old_certificate(world, certified):
    officer = certified()
    old = officer.certificates.get()
    renewal = services.apply_certificate(
        actor=world.actor, officer=officer, applied_date=ago(20), is_renewal=True
    )
    services.record_training(
        actor=world.actor,
        officer=officer,
        title="换证培训",
        date=ago(15),
        hours=Decimal(8),
        certificate=renewal,
    )
    services.record_exam(
        actor=world.actor, certificate=renewal, exam_date=ago(10), exam_score=Decimal(88)
    )
    services.issue_certificate(
        actor=world.actor,
        certificate=renewal,
        number="RENEW1",
        issue_date=ago(5),
        valid_until=ago(-1800),
    )
    old.refresh_from_db()
    assert old.status == CertificateStatus.WITHDRAWN and "换发新证" in old.status_reason
    assert officer.current_certificate() == renewal


def test_a_bad_id_number_is_refused_and_nothing_is_written(world):
    with pytest.raises(ValidationError, match="身份证号码"):
        services.register_officer(
            actor=world.actor, unit=world.market, name="错号", id_number="370402198501010011"
        )
    assert not Officer.objects.filter(name="错号").exists()


def test_officers_without_a_valid_certificate_may_not_enforce(world, certified):
    """行政处罚法 第四十二条: 行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人."""
    valid, suspended = certified(), certified()
    services.suspend_certificate(
        actor=world.actor, certificate=suspended.certificates.get(), reason="涉嫌违纪"
    )
    arguments = dict(
        actor=world.actor,
        unit=world.market,
        kind="penalty",
        number="罚1",
        party="某店",
        summary="无照经营",
        # The 暂扣 holds from today: an action begun before it was within the certificate.
        started_date=ago(0),
    )
    with pytest.raises(ValidationError, match="不得少于两人"):
        services.register_action(**arguments, officers=[valid])
    with pytest.raises(ValidationError) as refused:
        services.register_action(**arguments, officers=[valid, suspended])
    assert "第四十二条" in refused.value.messages[0] and "暂扣" in refused.value.messages[0]
    assert not EnforcementAction.objects.filter(number="罚1").exists()


def test_certificate_dates_are_checked(world):
    officer, certificate = _applicant(world)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.apply_certificate(
            actor=world.actor, officer=officer, applied_date=TODAY + datetime.timedelta(days=1)
        )
    with pytest.raises(ValidationError, match="尚未办结"):
        services.apply_certificate(actor=world.actor, officer=officer, applied_date=TODAY)


def test_expiry_invalidates_the_certificate_and_asks_for_renewal(world, certified):
    from fazhi.core.deadlines import due_list

    certificate = certified().certificates.get()
    day_after = certificate.valid_until + datetime.timedelta(days=1)
    assert certificate.problem(day_after) == f"执法证件已于{certificate.valid_until:%Y-%m-%d}过期"
    assert certificate.problem(certificate.issue_date - datetime.timedelta(days=1)).endswith(
        "方才核发"
    )
    soon = certificate.valid_until - datetime.timedelta(days=10)
    titles = [item.title for item in due_list(world.actor, soon).items]
    assert f"执法证件{certificate.number}（{certificate.officer}）有效期届满，申请换发" in titles


def test_the_certificate_table_offers_the_steps_of_its_state(world, certified):
    flow = workflow.CERTIFICATE_FLOW
    certificate = certified().certificates.get()

    def steps():
        return [t.action for t in flow.available(certificate, world.actor)]

    assert steps() == ["record_annual_review", "suspend_certificate", "withdraw_certificate"]
    services.suspend_certificate(actor=world.actor, certificate=certificate, reason="违规执法")
    assert steps() == ["withdraw_certificate"]
    rows = {row["transition"].action: row for row in flow.rows()}
    assert rows["record_exam"]["sources"] == "已培训、考试未通过"
    assert rows["record_exam"]["target"] == "考试合格或考试未通过"
    assert rows["record_annual_review"]["target"] == "不变或暂扣"
    assert rows["withdraw_certificate"]["target"] == "收回注销"
