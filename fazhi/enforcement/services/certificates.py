"""The 行政执法证件 cycle: 申领 → 培训 → 考试 → 发证 → 年审; 暂扣, 收回."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import shift_years
from fazhi.core.guards import not_future, require, saved, today
from fazhi.core.roles import Action

from ..models.agencies import Officer
from ..models.certificates import (
    Certificate,
    CertificateCheck,
    CertificateStatus,
    CheckKind,
    TrainingRecord,
)
from ..workflow import CERTIFICATE_FLOW, OPEN_APPLICATION

# 年审 falls due a year after the issue or the last 年审 (各地行政执法证件管理办法).
REVIEW_INTERVAL_YEARS = 1


def _certificate_event(actor, certificate, action, summary, reason=""):
    record_event(
        actor=actor,
        action=f"enforcement.certificate.{action}",
        summary=summary,
        target=certificate,
        unit=certificate.officer.unit,
        reason=reason,
    )


@service
def apply_certificate(
    *, actor, officer: Officer, applied_date: datetime.date, is_renewal: bool = False
) -> Certificate:
    """申领 (or 换发): the start of the cycle; training and the exam follow."""
    require(actor, Action.CHANGE, officer)
    not_future(applied_date, "申领日期")
    if officer.certificates.filter(status__in=OPEN_APPLICATION).exists():
        raise ValidationError(f"{officer.name}已有尚未办结的证件申领")
    certificate = saved(
        Certificate(
            officer=officer, applied_date=applied_date, is_renewal=is_renewal, created_by=actor
        )
    )
    _certificate_event(
        actor,
        certificate,
        "apply",
        f"{officer.name}申领执法证件" + ("（换发）" if is_renewal else ""),
    )
    return certificate


@service
def record_training(
    *,
    actor,
    officer: Officer,
    title: str,
    date: datetime.date,
    hours,
    certificate: Certificate | None = None,
) -> TrainingRecord:
    """One 人次 of training; for a certificate application it completes the training step."""
    require(actor, Action.CHANGE, officer)
    not_future(date, "培训日期")
    if certificate is not None and certificate.officer_id != officer.pk:
        raise ValidationError("该证件不属于这名执法人员")
    training = saved(
        TrainingRecord(
            officer=officer, title=title.strip(), date=date, hours=hours, created_by=actor
        )
    )
    trained = CERTIFICATE_FLOW.transition("record_training")
    if certificate is not None and certificate.status in trained.sources:
        if date < certificate.applied_date:
            raise ValidationError("培训日期不能早于申领日期")
        CERTIFICATE_FLOW.move(certificate, trained)
        certificate.save()
    record_event(
        actor=actor,
        action="enforcement.training",
        summary=f"{officer.name}参加培训“{training.title}”{training.hours}学时",
        target=officer,
        unit=officer.unit,
    )
    return training


@service
def record_exam(
    *, actor, certificate: Certificate, exam_date: datetime.date, exam_score, pass_mark=60
) -> Certificate:
    """The 执法资格考试 after training; a failed exam may be retaken (补考)."""
    step = CERTIFICATE_FLOW.check(certificate, "record_exam", actor=actor)
    not_future(exam_date, "考试日期")
    if exam_date < certificate.applied_date:
        raise ValidationError("考试日期不能早于申领日期")
    if not 0 <= exam_score <= 100 or not 0 < pass_mark <= 100:
        raise ValidationError("考试成绩和合格分数线应在0至100分之间")
    certificate.exam_date, certificate.exam_score, certificate.pass_mark = (
        exam_date,
        exam_score,
        pass_mark,
    )
    passed = exam_score >= pass_mark
    CERTIFICATE_FLOW.move(
        certificate, step, CertificateStatus.PASSED if passed else CertificateStatus.FAILED
    )
    saved(certificate)
    _certificate_event(
        actor,
        certificate,
        "exam",
        f"{certificate.officer.name}执法资格考试{exam_score}分（合格线{pass_mark}分），{'合格' if passed else '不合格'}",
    )
    return certificate


@service
def issue_certificate(
    *,
    actor,
    certificate: Certificate,
    number: str,
    issue_date: datetime.date,
    valid_until: datetime.date,
) -> Certificate:
    """发证 after a passed exam; a 换发 replaces the officer's previous certificate."""
    step = CERTIFICATE_FLOW.check(certificate, "issue_certificate", actor=actor)
    not_future(issue_date, "发证日期")
    if certificate.exam_date and issue_date < certificate.exam_date:
        raise ValidationError("发证日期不能早于考试日期")
    if valid_until <= issue_date:
        raise ValidationError("有效期应晚于发证日期")
    number = number.strip()
    if Certificate.objects.filter(number=number).exists():
        raise ValidationError(f"证件编号{number}已被使用")
    # 换发: the officer's certificate in force is withdrawn by the new one.
    withdraw = CERTIFICATE_FLOW.transition("withdraw_certificate")
    for old in certificate.officer.certificates.filter(status__in=withdraw.sources):
        CERTIFICATE_FLOW.move(old, withdraw)
        old.status_reason = f"换发新证（{number}）"
        old.status_changed_date = issue_date
        old.save()
    certificate.number, certificate.issue_date, certificate.valid_until = (
        number,
        issue_date,
        valid_until,
    )
    certificate.annual_review_due = shift_years(issue_date, REVIEW_INTERVAL_YEARS)
    CERTIFICATE_FLOW.move(certificate, step)
    saved(certificate)
    saved(
        CertificateCheck(
            certificate=certificate, kind=CheckKind.ISSUED, date=issue_date, created_by=actor
        )
    )
    _certificate_event(
        actor, certificate, "issue", f"核发执法证件{number}（有效期至{valid_until:%Y-%m-%d}）"
    )
    return certificate


@service
def record_annual_review(
    *, actor, certificate: Certificate, date: datetime.date, passed: bool, note: str = ""
) -> Certificate:
    """年审: passed moves the next 年审 a year on; failed suspends the certificate."""
    step = CERTIFICATE_FLOW.check(certificate, "record_annual_review", actor=actor)
    not_future(date, "年审日期")
    if date < certificate.issue_date:
        raise ValidationError("年审日期不能早于发证日期")
    if date > certificate.valid_until:
        raise ValidationError(
            f"证件已于{certificate.valid_until:%Y-%m-%d}过期，应重新申领，不能年审"
        )
    if not passed and not note.strip():
        raise ValidationError("年审未通过的，请说明理由")
    saved(
        CertificateCheck(
            certificate=certificate,
            kind=CheckKind.ANNUAL,
            date=date,
            passed=passed,
            note=note.strip(),
            created_by=actor,
        )
    )
    if passed:
        certificate.annual_review_due = shift_years(
            certificate.annual_review_due, REVIEW_INTERVAL_YEARS
        )
    else:
        CERTIFICATE_FLOW.move(certificate, step, CertificateStatus.SUSPENDED)
        certificate.status_reason = f"年审未通过：{note.strip()}"
        certificate.status_changed_date = date
    saved(certificate)
    _certificate_event(
        actor,
        certificate,
        "annual_review",
        f"执法证件{certificate.number}年审{'通过' if passed else '未通过，证件暂扣'}",
        reason=note.strip(),
    )
    return certificate


@service
def suspend_certificate(*, actor, certificate: Certificate, reason: str) -> Certificate:
    """暂扣: the officer may not enforce until the certificate is restored."""
    step = CERTIFICATE_FLOW.check(certificate, "suspend_certificate", actor=actor)
    if not reason.strip():
        raise ValidationError("请填写暂扣理由")
    CERTIFICATE_FLOW.move(certificate, step)
    certificate.status_reason = reason.strip()
    certificate.status_changed_date = today()
    saved(certificate)
    _certificate_event(
        actor, certificate, "suspend", f"暂扣执法证件{certificate.number}", reason=reason.strip()
    )
    return certificate


@service
def withdraw_certificate(*, actor, certificate: Certificate, reason: str) -> Certificate:
    """收回注销: final; the officer has to apply again."""
    step = CERTIFICATE_FLOW.check(certificate, "withdraw_certificate", actor=actor)
    if not reason.strip():
        raise ValidationError("请填写收回理由")
    CERTIFICATE_FLOW.move(certificate, step)
    certificate.status_reason = reason.strip()
    certificate.status_changed_date = today()
    saved(certificate)
    _certificate_event(
        actor, certificate, "withdraw", f"收回执法证件{certificate.number}", reason=reason.strip()
    )
    return certificate
