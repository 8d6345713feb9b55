"""Every state change of the 行政执法监督 records: one audited, atomic function per step.

The 案卷评查, 监督检查 and rectification steps are in `supervision.py`.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.core.audit import record_event, service
from fazhi.core.guards import require_line
from fazhi.core.models import Unit
from fazhi.core.roles import Action, WorkLine
from fazhi.core.validators import validate_credit_code, validate_id_number

from . import imports, selectors
from .models import (
    ActionKind,
    ActionStatus,
    Agency,
    Certificate,
    CertificateCheck,
    CertificateStatus,
    CheckKind,
    EnforcementAction,
    EnterpriseInspection,
    InspectionStatus,
    ListCategory,
    ListStatus,
    MajorDecisionItem,
    Officer,
    PenaltyList,
    PenaltyListItem,
    PenaltyOutcome,
    TrainingRecord,
)

# 行政处罚法 第四十二条: 执法人员不得少于两人 (and 第五十五条 for 调查、检查).
MIN_OFFICERS = 2
# 年审 falls due a year after the issue or the last 年审 (各地行政执法证件管理办法).
REVIEW_INTERVAL_YEARS = 1
ENFORCING_KINDS = (Unit.Kind.ENFORCEMENT, Unit.Kind.TOWNSHIP)


def today() -> datetime.date:
    return timezone.localdate()


def not_future(day: datetime.date, label: str) -> None:
    if day > today():
        raise ValidationError(f"{label}（{day:%Y-%m-%d}）不能晚于今天")


def require_unit(actor, unit: Unit, action: str = Action.CREATE) -> None:
    require_line(actor, WorkLine.ENFORCEMENT, action)
    if not Unit.objects.restrict(actor, action).filter(pk=unit.pk).exists():
        raise PermissionDenied(f"无权为“{unit.name}”办理此事项")


def require_record(actor, record, action: str = Action.CHANGE) -> None:
    if not type(record).objects.restrict(actor, action).filter(pk=record.pk).exists():
        raise PermissionDenied("无权办理该记录")


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _saved(record):
    record.full_clean()
    record.save()
    return record


# — Agencies —


@service
def register_agency(*, actor, unit: Unit, legal_basis: str, devolved_powers: str = "") -> Agency:
    """A 行政执法主体: an enforcement department, or a 街道/乡镇 with its 赋权事项."""
    require_unit(actor, unit)
    if unit.kind not in ENFORCING_KINDS:
        raise ValidationError(f"“{unit.name}”不是行政执法部门或街道、乡镇")
    if unit.kind == Unit.Kind.TOWNSHIP and not devolved_powers.strip():
        raise ValidationError("街道、乡镇作为执法主体的，请填写其承接的赋权事项")
    if Agency.objects.filter(unit=unit).exists():
        raise ValidationError(f"“{unit.name}”已登记为执法主体")
    agency = _saved(
        Agency(
            unit=unit,
            legal_basis=legal_basis.strip(),
            devolved_powers=devolved_powers.strip(),
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="enforcement.agency",
        summary=f"登记行政执法主体{unit.name}",
        target=agency,
        unit=unit,
    )
    return agency


@service
def add_major_decision_item(*, actor, unit: Unit, title: str, ground: str) -> MajorDecisionItem:
    """An entry of the agency's 重大执法决定法制审核目录 (行政处罚法 第五十八条)."""
    require_unit(actor, unit)
    if MajorDecisionItem.objects.filter(unit=unit, title=title.strip()).exists():
        raise ValidationError(f"目录中已有“{title.strip()}”")
    item = _saved(
        MajorDecisionItem(unit=unit, title=title.strip(), ground=ground, created_by=actor)
    )
    record_event(
        actor=actor,
        action="enforcement.major_item",
        summary=f"重大执法决定法制审核目录新增：{item.title}",
        target=item,
        unit=unit,
    )
    return item


# — Officers and certificates —


def _new_officer(
    actor, unit, *, name, id_number, post="", is_legal_reviewer=False, has_legal_qualification=False
):
    validate_id_number(id_number)
    if Officer.objects.filter(unit=unit, id_number=id_number).exists():
        raise ValidationError(f"“{unit.name}”已登记身份证号码为该号码的执法人员")
    return _saved(
        Officer(
            unit=unit,
            name=name.strip(),
            id_number=id_number.strip().upper(),
            post=(post or "").strip(),
            is_legal_reviewer=is_legal_reviewer,
            has_legal_qualification=has_legal_qualification,
            created_by=actor,
        )
    )


@service
def register_officer(
    *,
    actor,
    unit: Unit,
    name: str,
    id_number: str,
    post: str = "",
    is_legal_reviewer: bool = False,
    has_legal_qualification: bool = False,
) -> Officer:
    require_unit(actor, unit)
    if unit.kind not in ENFORCING_KINDS:
        raise ValidationError(f"“{unit.name}”不是行政执法部门或街道、乡镇")
    officer = _new_officer(
        actor,
        unit,
        name=name,
        id_number=id_number,
        post=post,
        is_legal_reviewer=is_legal_reviewer,
        has_legal_qualification=has_legal_qualification,
    )
    record_event(
        actor=actor,
        action="enforcement.officer",
        summary=f"登记执法人员{officer.name}" + ("（法制审核人员）" if is_legal_reviewer else ""),
        target=officer,
        unit=unit,
    )
    return officer


def _certificate_event(actor, certificate, action, summary, reason=""):
    record_event(
        actor=actor,
        action=f"enforcement.certificate.{action}",
        summary=summary,
        target=certificate,
        unit=certificate.officer.unit,
        reason=reason,
    )


def _require_status(certificate: Certificate, *allowed: str, step: str) -> None:
    if certificate.status not in allowed:
        raise ValidationError(f"证件当前状态为“{certificate.get_status_display()}”，不能{step}")


@service
def apply_certificate(
    *, actor, officer: Officer, applied_date: datetime.date, is_renewal: bool = False
) -> Certificate:
    """申领 (or 换发): the start of the cycle; training and the exam follow."""
    require_record(actor, officer)
    not_future(applied_date, "申领日期")
    pending = officer.certificates.filter(
        status__in=[
            CertificateStatus.APPLIED,
            CertificateStatus.TRAINED,
            CertificateStatus.FAILED,
            CertificateStatus.PASSED,
        ]
    )
    if pending.exists():
        raise ValidationError(f"{officer.name}已有尚未办结的证件申领")
    certificate = _saved(
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
    require_record(actor, officer)
    not_future(date, "培训日期")
    if certificate is not None and certificate.officer_id != officer.pk:
        raise ValidationError("该证件不属于这名执法人员")
    training = _saved(
        TrainingRecord(
            officer=officer, title=title.strip(), date=date, hours=hours, created_by=actor
        )
    )
    if certificate is not None and certificate.status == CertificateStatus.APPLIED:
        if date < certificate.applied_date:
            raise ValidationError("培训日期不能早于申领日期")
        certificate.status = CertificateStatus.TRAINED
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
    require_record(actor, certificate)
    _require_status(
        certificate,
        CertificateStatus.TRAINED,
        CertificateStatus.FAILED,
        step="登记考试成绩（应先完成培训）",
    )
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
    certificate.status = CertificateStatus.PASSED if passed else CertificateStatus.FAILED
    _saved(certificate)
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
    require_record(actor, certificate)
    _require_status(certificate, CertificateStatus.PASSED, step="发证（考试合格后方可发证）")
    not_future(issue_date, "发证日期")
    if certificate.exam_date and issue_date < certificate.exam_date:
        raise ValidationError("发证日期不能早于考试日期")
    if valid_until <= issue_date:
        raise ValidationError("有效期应晚于发证日期")
    number = number.strip()
    if Certificate.objects.filter(number=number).exists():
        raise ValidationError(f"证件编号{number}已被使用")
    for old in certificate.officer.certificates.filter(
        status__in=[CertificateStatus.VALID, CertificateStatus.SUSPENDED]
    ):
        old.status, old.status_reason = CertificateStatus.WITHDRAWN, f"换发新证（{number}）"
        old.save()
    certificate.number, certificate.issue_date, certificate.valid_until = (
        number,
        issue_date,
        valid_until,
    )
    certificate.annual_review_due = add_years(issue_date, REVIEW_INTERVAL_YEARS)
    certificate.status = CertificateStatus.VALID
    _saved(certificate)
    _saved(
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
    require_record(actor, certificate)
    _require_status(certificate, CertificateStatus.VALID, step="年审")
    not_future(date, "年审日期")
    if date < certificate.issue_date:
        raise ValidationError("年审日期不能早于发证日期")
    if date > certificate.valid_until:
        raise ValidationError(
            f"证件已于{certificate.valid_until:%Y-%m-%d}过期，应重新申领，不能年审"
        )
    if not passed and not note.strip():
        raise ValidationError("年审未通过的，请说明理由")
    _saved(
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
        certificate.annual_review_due = add_years(
            certificate.annual_review_due, REVIEW_INTERVAL_YEARS
        )
    else:
        certificate.status, certificate.status_reason = (
            CertificateStatus.SUSPENDED,
            f"年审未通过：{note.strip()}",
        )
    _saved(certificate)
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
    require_record(actor, certificate)
    _require_status(certificate, CertificateStatus.VALID, step="暂扣")
    if not reason.strip():
        raise ValidationError("请填写暂扣理由")
    certificate.status, certificate.status_reason = CertificateStatus.SUSPENDED, reason.strip()
    _saved(certificate)
    _certificate_event(
        actor, certificate, "suspend", f"暂扣执法证件{certificate.number}", reason=reason.strip()
    )
    return certificate


@service
def withdraw_certificate(*, actor, certificate: Certificate, reason: str) -> Certificate:
    """收回注销: final; the officer has to apply again."""
    require_record(actor, certificate)
    _require_status(certificate, CertificateStatus.VALID, CertificateStatus.SUSPENDED, step="收回")
    if not reason.strip():
        raise ValidationError("请填写收回理由")
    certificate.status, certificate.status_reason = CertificateStatus.WITHDRAWN, reason.strip()
    _saved(certificate)
    _certificate_event(
        actor, certificate, "withdraw", f"收回执法证件{certificate.number}", reason=reason.strip()
    )
    return certificate


@service
def import_officers(*, actor, unit: Unit, data: bytes) -> int:
    """导入执法人员 from an .xlsx roster: all rows or none (errors by row and column)."""
    require_unit(actor, unit)
    if unit.kind not in ENFORCING_KINDS:
        raise ValidationError(f"“{unit.name}”不是行政执法部门或街道、乡镇")
    rows = imports.read_rows(data, imports.OFFICER_COLUMNS, imports.check_officer_rows)
    errors = []
    ids = [row["id_number"].upper() for row in rows]
    taken = set(
        Officer.objects.filter(unit=unit, id_number__in=ids).values_list("id_number", flat=True)
    )
    numbers = [row["number"] for row in rows if row["number"]]
    used = set(Certificate.objects.filter(number__in=numbers).values_list("number", flat=True))
    for index, row in enumerate(rows):
        if ids[index] in taken or ids[index] in ids[:index]:
            errors.append(imports.RowError(row["row"], "身份证号码", "已登记或在表格中重复"))
        if row["number"] and (
            row["number"] in used or row["number"] in numbers[: numbers.index(row["number"])]
        ):
            errors.append(imports.RowError(row["row"], "证件编号", "已被使用或在表格中重复"))
    if errors:
        raise imports.ImportRefused(sorted(errors, key=lambda e: e.row))
    for row in rows:
        _import_officer(actor, unit, row)
    record_event(
        actor=actor,
        action="enforcement.import_officers",
        summary=f"导入执法人员{len(rows)}名",
        target=unit,
        unit=unit,
    )
    return len(rows)


def _import_officer(actor, unit, row) -> None:
    officer = _new_officer(
        actor,
        unit,
        name=row["name"],
        id_number=row["id_number"],
        post=row["post"],
        is_legal_reviewer=bool(row["is_legal_reviewer"]),
        has_legal_qualification=bool(row["has_legal_qualification"]),
    )
    if row["number"]:
        certificate = _saved(
            Certificate(
                officer=officer,
                applied_date=row["issue_date"],
                status=CertificateStatus.VALID,
                number=row["number"],
                issue_date=row["issue_date"],
                valid_until=row["valid_until"],
                annual_review_due=add_years(row["issue_date"], REVIEW_INTERVAL_YEARS),
                created_by=actor,
            )
        )
        _saved(
            CertificateCheck(
                certificate=certificate,
                kind=CheckKind.ISSUED,
                date=row["issue_date"],
                created_by=actor,
            )
        )
    if row["training_hours"]:
        _saved(
            TrainingRecord(
                officer=officer,
                title="导入：本年度培训",
                date=today(),
                hours=row["training_hours"],
                created_by=actor,
            )
        )


# — Enforcement actions and the 三项制度 —


def check_officers(officers, unit: Unit, day: datetime.date, *, label: str) -> list:
    """行政处罚法 第四十二条: at least two officers of the agency, each with a valid certificate."""
    officers = list(officers)
    if len(officers) < MIN_OFFICERS:
        raise ValidationError(f"{label}的执法人员不得少于两人（行政处罚法 第四十二条）")
    problems = []
    for officer in officers:
        if officer.unit_id != unit.pk:
            problems.append(f"{officer.name}不是{unit.name}的执法人员")
        elif problem := officer.certificate_problem(day):
            problems.append(f"{officer.name}：{problem}")
    if problems:
        raise ValidationError(
            [f"执法人员应具有有效的行政执法证件（行政处罚法 第四十二条）：{p}" for p in problems]
        )
    return officers


@service
def register_action(
    *,
    actor,
    unit: Unit,
    kind: str,
    number: str,
    party: str,
    summary: str,
    started_date: datetime.date,
    officers,
    major_item: MajorDecisionItem | None = None,
) -> EnforcementAction:
    require_unit(actor, unit)
    not_future(started_date, "立案日期")
    officers = check_officers(officers, unit, started_date, label="执法行为")
    if major_item is not None and major_item.unit_id != unit.pk:
        raise ValidationError("重大执法决定事项应取自本单位的目录")
    if EnforcementAction.objects.filter(unit=unit, number=number.strip()).exists():
        raise ValidationError(f"“{unit.name}”已登记案件编号{number.strip()}")
    action = _saved(
        EnforcementAction(
            unit=unit,
            kind=kind,
            number=number.strip(),
            party=party.strip(),
            summary=summary.strip(),
            started_date=started_date,
            major_item=major_item,
            created_by=actor,
        )
    )
    action.officers.set(officers)
    record_event(
        actor=actor,
        action="enforcement.action",
        summary=f"登记{action.get_kind_display()}{action.number}（{action.party}）"
        + ("，属重大执法决定" if major_item else ""),
        target=action,
        unit=unit,
        data={"officers": [o.pk for o in officers]},
    )
    return action


@service
def record_publicity(
    *, actor, action: EnforcementAction, stage: str, date: datetime.date, link: str
) -> EnforcementAction:
    """公示: 事前 (行政处罚法 第三十九条) or, for a decision, 事后 (第四十八条)."""
    require_record(actor, action)
    not_future(date, "公示日期")
    if stage == "post":
        if action.status != ActionStatus.DECIDED:
            raise ValidationError("作出决定后方可登记事后公示（行政处罚法 第四十八条）")
        if date < action.decided_date:
            raise ValidationError("事后公示日期不能早于决定日期")
        action.post_publicity_date, action.post_publicity_link = date, link.strip()
    elif stage == "pre":
        action.pre_publicity_date, action.pre_publicity_link = date, link.strip()
    else:
        raise ValidationError("请选择事前公示或事后公示")
    _saved(action)
    record_event(
        actor=actor,
        action=f"enforcement.publicity.{stage}",
        summary=f"登记{'事前' if stage == 'pre' else '事后'}公示（{date:%Y-%m-%d}）",
        target=action,
        unit=action.unit,
    )
    return action


@service
def record_recording(
    *, actor, action: EnforcementAction, recording_forms: str, recording_location: str
) -> EnforcementAction:
    """执法全过程记录 (行政处罚法 第四十七条): what was recorded, and where it is archived."""
    require_record(actor, action)
    if not recording_forms.strip() or not recording_location.strip():
        raise ValidationError("请填写记录的形式和环节，以及归档保存的位置（行政处罚法 第四十七条）")
    action.recording_forms, action.recording_location = (
        recording_forms.strip(),
        recording_location.strip(),
    )
    _saved(action)
    record_event(
        actor=actor,
        action="enforcement.recording",
        summary=f"登记执法全过程记录：{action.recording_forms}",
        target=action,
        unit=action.unit,
    )
    return action


@service
def record_legal_review(
    *,
    actor,
    action: EnforcementAction,
    reviewer: Officer,
    review_date: datetime.date,
    review_opinion: str,
    review_passed: bool,
) -> EnforcementAction:
    """重大执法决定法制审核 (行政处罚法 第五十八条) by the agency's 法制审核人员."""
    require_record(actor, action)
    if action.status != ActionStatus.OPEN:
        raise ValidationError("法制审核应在作出决定之前进行（行政处罚法 第五十八条）")
    not_future(review_date, "法制审核日期")
    if review_date < action.started_date:
        raise ValidationError("法制审核日期不能早于立案日期")
    if reviewer.unit_id != action.unit_id or not reviewer.is_legal_reviewer:
        raise ValidationError(f"{reviewer.name}不是{action.unit.name}的法制审核人员")
    first_time = not reviewer.reviewed_actions.exclude(pk=action.pk).exists()
    if first_time and not reviewer.has_legal_qualification:
        raise ValidationError(
            f"{reviewer.name}初次从事行政处罚决定法制审核，应当取得法律职业资格（行政处罚法 第五十八条第二款）"
        )
    if not review_opinion.strip():
        raise ValidationError("请填写法制审核意见")
    action.reviewer, action.review_date = reviewer, review_date
    action.review_opinion, action.review_passed = review_opinion.strip(), review_passed
    _saved(action)
    record_event(
        actor=actor,
        action="enforcement.legal_review",
        summary=f"法制审核{'通过' if review_passed else '未通过'}（审核人员：{reviewer.name}）",
        target=action,
        unit=action.unit,
    )
    return action


OUTCOME_CATEGORY = {
    PenaltyOutcome.NO_PENALTY: ListCategory.NO_PENALTY,
    PenaltyOutcome.LIGHTER: ListCategory.LIGHTER,
    PenaltyOutcome.MITIGATED: ListCategory.MITIGATED,
}


def _check_list_item(action: EnforcementAction, item: PenaltyListItem, outcome: str, day) -> None:
    """A case recorded under a 免罚轻罚清单 item: a published list of the agency's region."""
    penalty_list = item.penalty_list
    if not action.unit.path.startswith(penalty_list.region.path):
        raise ValidationError(f"“{penalty_list.title}”不适用于{action.unit.name}")
    if penalty_list.status == ListStatus.DRAFT or penalty_list.published_date > day:
        raise ValidationError(f"“{penalty_list.title}”在决定日期尚未公布施行")
    if OUTCOME_CATEGORY.get(outcome) != item.category:
        raise ValidationError(
            f"清单第{item.number}项为{item.get_category_display()}事项，与处罚结果“{PenaltyOutcome(outcome).label}”不符"
        )


@service
def decide_action(
    *,
    actor,
    action: EnforcementAction,
    decided_date: datetime.date,
    outcome: str = "",
    list_item: PenaltyListItem | None = None,
    education: str = "",
) -> EnforcementAction:
    """作出决定. 行政处罚法 第五十八条: 未经法制审核或者审核未通过的，不得作出决定."""
    require_record(actor, action)
    if action.status != ActionStatus.OPEN:
        raise ValidationError("该执法行为已作出决定")
    not_future(decided_date, "决定日期")
    if decided_date < action.started_date:
        raise ValidationError("决定日期不能早于立案日期")
    if action.is_major:
        if action.review_passed is not True:
            raise ValidationError(
                f"“{action.major_item.title}”属于重大执法决定，未经法制审核或者审核未通过的，不得作出决定（行政处罚法 第五十八条）"
            )
        if action.review_date > decided_date:
            raise ValidationError("决定日期不能早于法制审核日期（行政处罚法 第五十八条）")
    if action.kind == ActionKind.PENALTY:
        if outcome not in PenaltyOutcome.values:
            raise ValidationError("请选择处罚结果")
        # 行政处罚法 第三十三条第三款: 依法不予行政处罚的，行政机关应当对当事人进行教育.
        if outcome == PenaltyOutcome.NO_PENALTY and not education.strip():
            raise ValidationError(
                "不予行政处罚的，应当对当事人进行教育，请填写教育情况（行政处罚法 第三十三条第三款）"
            )
        if list_item is not None:
            _check_list_item(action, list_item, outcome, decided_date)
    elif outcome or list_item is not None:
        raise ValidationError("只有行政处罚案件登记处罚结果和免罚轻罚清单事项")
    action.status, action.decided_date = ActionStatus.DECIDED, decided_date
    action.outcome, action.list_item, action.education = outcome, list_item, education.strip()
    _saved(action)
    record_event(
        actor=actor,
        action="enforcement.decide",
        summary=f"作出决定（{decided_date:%Y-%m-%d}）"
        + (f"：{action.get_outcome_display()}" if outcome else "")
        + (f"，适用{list_item}" if list_item else ""),
        target=action,
        unit=action.unit,
    )
    return action


@service
def import_actions(*, actor, unit: Unit, data: bytes) -> int:
    """导入历史执法记录 from an .xlsx ledger. Each row goes through the same steps as a record
    entered by hand (执法资格、法制审核、清单事项, with their articles); all rows or none."""
    require_unit(actor, unit)
    rows = imports.read_rows(data, imports.ACTION_COLUMNS)
    names: dict[str, list[Officer]] = {}
    for officer in Officer.objects.restrict(actor).filter(unit=unit):
        names.setdefault(officer.name, []).append(officer)
    majors = {
        item.title: item for item in MajorDecisionItem.objects.restrict(actor).filter(unit=unit)
    }
    items = {
        (i.penalty_list.version, i.number): i for i in selectors.region_list_items(actor, unit)
    }
    errors = []
    for row in rows:
        found, row_errors = _resolve_row(row, names, majors, items)
        if row_errors:
            errors += row_errors
            continue
        try:
            with transaction.atomic():  # a savepoint: a refused row leaves nothing behind
                _import_action(actor, unit, row, found)
        except ValidationError as error:
            errors += [imports.RowError(row["row"], "整行", message) for message in error.messages]
    if errors:
        raise imports.ImportRefused(errors)
    record_event(
        actor=actor,
        action="enforcement.import_actions",
        summary=f"导入历史执法记录{len(rows)}件",
        target=unit,
        unit=unit,
    )
    return len(rows)


def _resolve_row(row, names, majors, items):
    """The officers, catalogue entry and list item a row names, or the row's errors."""
    found, errors = {"officers": []}, []

    def officer(name, column):
        matches = names.get(name, [])
        if len(matches) != 1:
            problem = "本单位有重名的执法人员" if matches else "不是本单位登记的执法人员"
            errors.append(imports.RowError(row["row"], column, f"“{name}”{problem}"))
            return None
        return matches[0]

    found["officers"] = [officer(name, "执法人员") for name in row["officers"]]
    found["reviewer"] = officer(row["reviewer"], "法制审核人员") if row["reviewer"] else None
    found["major_item"] = None
    if row["major_item"]:
        found["major_item"] = majors.get(row["major_item"])
        if found["major_item"] is None:
            errors.append(
                imports.RowError(row["row"], "重大执法决定事项", "不在本单位的重大执法决定目录中")
            )
    found["list_item"] = None
    if row["list_item"]:
        found["list_item"] = items.get(row["list_item"])
        if found["list_item"] is None:
            version, number = row["list_item"]
            errors.append(
                imports.RowError(
                    row["row"], "适用清单事项", f"本区域没有已公布的{version}第{number}项"
                )
            )
    return found, errors


def _import_action(actor, unit, row, found) -> None:
    action = register_action(
        actor=actor,
        unit=unit,
        kind=row["kind"],
        number=row["number"],
        party=row["party"],
        summary=row["summary"],
        started_date=row["started_date"],
        officers=found["officers"],
        major_item=found["major_item"],
    )
    if row["pre_publicity_date"]:
        record_publicity(
            actor=actor,
            action=action,
            stage="pre",
            date=row["pre_publicity_date"],
            link=row["pre_publicity_link"] or "",
        )
    if row["recording_forms"] or row["recording_location"]:
        record_recording(
            actor=actor,
            action=action,
            recording_forms=row["recording_forms"] or "",
            recording_location=row["recording_location"] or "",
        )
    if found["reviewer"] is not None:
        if row["review_date"] is None:
            raise ValidationError("登记了法制审核人员的，请填写法制审核日期")
        record_legal_review(
            actor=actor,
            action=action,
            reviewer=found["reviewer"],
            review_date=row["review_date"],
            review_opinion=row["review_opinion"] or "",
            review_passed=bool(row["review_passed"]),
        )
    if row["decided_date"]:
        decide_action(
            actor=actor,
            action=action,
            decided_date=row["decided_date"],
            outcome=row["outcome"] or "",
            list_item=found["list_item"],
            education=row["education"] or "",
        )
    elif row["outcome"] or found["list_item"]:
        raise ValidationError("填写处罚结果或清单事项的，请填写决定日期")
    if row["post_publicity_date"]:
        record_publicity(
            actor=actor,
            action=action,
            stage="post",
            date=row["post_publicity_date"],
            link=row["post_publicity_link"] or "",
        )


# — 免罚轻罚清单 —


def list_region(unit: Unit) -> Unit:
    """The area a list applies to: the publishing unit's own area."""
    return unit if unit.is_area else unit.parent


@service
def create_penalty_list(
    *, actor, unit: Unit, year: int, version: str, title: str = ""
) -> PenaltyList:
    """A new version of the region's list, as a draft until it is published."""
    require_unit(actor, unit)
    region = list_region(unit)
    version = version.strip()
    if PenaltyList.objects.filter(region=region, version=version).exists():
        raise ValidationError(f"{region.name}已有{version}清单")
    title = (
        title.strip()
        or f"{region.name}轻微违法行为不予处罚和一般违法行为从轻减轻处罚事项清单（{version}）"
    )
    penalty_list = _saved(
        PenaltyList(
            unit=unit, region=region, title=title, year=year, version=version, created_by=actor
        )
    )
    record_event(
        actor=actor,
        action="enforcement.list",
        summary=f"起草{title}",
        target=penalty_list,
        unit=unit,
    )
    return penalty_list


def _require_draft(penalty_list: PenaltyList) -> None:
    if penalty_list.status != ListStatus.DRAFT:
        raise ValidationError("清单已公布，不能再修改；请起草新版本")


def _new_item(penalty_list, row) -> PenaltyListItem:
    fields = {
        key: row[key]
        for key in (
            "number",
            "category",
            "basis",
            "violation",
            "legal_basis",
            "conditions",
            "treatment",
        )
    }
    return _saved(PenaltyListItem(penalty_list=penalty_list, **fields))


@service
def add_list_item(*, actor, penalty_list: PenaltyList, **fields) -> PenaltyListItem:
    """One item; 行政处罚法 第三十三条 (不予处罚) or 第三十二条 (从轻、减轻) as its basis."""
    require_record(actor, penalty_list)
    _require_draft(penalty_list)
    errors = imports.check_list_item_rows([{"row": 0, **fields}])
    if errors:
        raise ValidationError(errors[0].message)
    if penalty_list.items.filter(number=fields["number"]).exists():
        raise ValidationError(f"清单已有第{fields['number']}项")
    item = _new_item(penalty_list, fields)
    record_event(
        actor=actor,
        action="enforcement.list_item",
        summary=f"清单新增第{item.number}项：{item.violation}",
        target=penalty_list,
        unit=penalty_list.unit,
    )
    return item


@service
def import_list_items(*, actor, penalty_list: PenaltyList, data: bytes) -> int:
    """Items from an .xlsx sheet: every row checked, all rows or none."""
    require_record(actor, penalty_list)
    _require_draft(penalty_list)
    rows = imports.read_rows(data, imports.LIST_ITEM_COLUMNS, imports.check_list_item_rows)
    errors = []
    taken = set(penalty_list.items.values_list("number", flat=True))
    errors += [
        imports.RowError(r["row"], "序号", f"清单已有第{r['number']}项")
        for r in rows
        if r["number"] in taken
    ]
    if errors:
        raise imports.ImportRefused(sorted(errors, key=lambda e: e.row))
    for row in rows:
        _new_item(penalty_list, row)
    record_event(
        actor=actor,
        action="enforcement.list_import",
        summary=f"导入清单事项{len(rows)}项",
        target=penalty_list,
        unit=penalty_list.unit,
    )
    return len(rows)


@service
def publish_list(*, actor, penalty_list: PenaltyList, published_date: datetime.date) -> PenaltyList:
    """公布施行; the region's version in force until then is superseded."""
    require_record(actor, penalty_list)
    _require_draft(penalty_list)
    not_future(published_date, "公布日期")
    if not penalty_list.items.exists():
        raise ValidationError("清单没有事项，不能公布")
    previous = PenaltyList.objects.filter(
        region=penalty_list.region, status=ListStatus.PUBLISHED
    ).first()
    if previous is not None:
        previous.status = ListStatus.SUPERSEDED
        previous.save()
    penalty_list.status, penalty_list.published_date = ListStatus.PUBLISHED, published_date
    penalty_list.supersedes = previous
    _saved(penalty_list)
    record_event(
        actor=actor,
        action="enforcement.list_publish",
        summary=f"公布{penalty_list.title}" + (f"，替代{previous.version}" if previous else ""),
        target=penalty_list,
        unit=penalty_list.unit,
    )
    return penalty_list


# — 入企执法报备 —


@service
def report_inspection(
    *,
    actor,
    unit: Unit,
    enterprise: str,
    credit_code: str,
    purpose: str,
    legal_basis: str,
    planned_date: datetime.date,
    officers,
    is_joint: bool = False,
) -> EnterpriseInspection:
    """报备 before the visit: the enterprise, its 统一社会信用代码, purpose, basis and the
    officers, each with a valid certificate on the day (行政处罚法 第四十二条、第五十五条)."""
    require_unit(actor, unit)
    credit_code = credit_code.strip().upper()
    validate_credit_code(credit_code)
    if not credit_code:
        raise ValidationError("请填写企业的统一社会信用代码")
    officers = check_officers(officers, unit, planned_date, label="入企检查")
    inspection = _saved(
        EnterpriseInspection(
            unit=unit,
            enterprise=enterprise.strip(),
            credit_code=credit_code,
            purpose=purpose.strip(),
            legal_basis=legal_basis.strip(),
            planned_date=planned_date,
            is_joint=is_joint,
            created_by=actor,
        )
    )
    inspection.officers.set(officers)
    record_event(
        actor=actor,
        action="enforcement.enterprise_inspection",
        summary=f"报备入企检查：{inspection.enterprise}（{planned_date:%Y-%m-%d}）",
        target=inspection,
        unit=unit,
    )
    return inspection


@service
def cancel_inspection(
    *, actor, inspection: EnterpriseInspection, reason: str
) -> EnterpriseInspection:
    """A reported inspection that will not take place (e.g. merged into a joint inspection)."""
    require_record(actor, inspection)
    if inspection.status != InspectionStatus.REPORTED:
        raise ValidationError(f"该报备{inspection.get_status_display()}，不能取消")
    if not reason.strip():
        raise ValidationError("请填写取消的理由")
    inspection.status = InspectionStatus.CANCELLED
    _saved(inspection)
    record_event(
        actor=actor,
        action="enforcement.enterprise_inspection_cancel",
        summary=f"取消入企检查报备：{inspection.enterprise}",
        target=inspection,
        unit=inspection.unit,
        reason=reason.strip(),
    )
    return inspection


@service
def record_inspection_result(
    *,
    actor,
    inspection: EnterpriseInspection,
    result_date: datetime.date,
    result: str,
    problems_found: bool = False,
) -> EnterpriseInspection:
    require_record(actor, inspection)
    if inspection.status != InspectionStatus.REPORTED:
        raise ValidationError(f"该报备{inspection.get_status_display()}")
    not_future(result_date, "检查日期")
    if result_date < inspection.planned_date:
        raise ValidationError("检查日期不能早于报备的计划日期，请先重新报备")
    if not result.strip():
        raise ValidationError("请填写检查结果")
    inspection.status, inspection.result_date = InspectionStatus.DONE, result_date
    inspection.result, inspection.problems_found = result.strip(), problems_found
    _saved(inspection)
    record_event(
        actor=actor,
        action="enforcement.enterprise_inspection_result",
        summary=f"登记入企检查结果（{result_date:%Y-%m-%d}）"
        + ("，发现问题" if problems_found else ""),
        target=inspection,
        unit=inspection.unit,
    )
    return inspection
