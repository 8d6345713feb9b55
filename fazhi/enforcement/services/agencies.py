"""Registering 行政执法主体, their 重大执法决定法制审核目录 and their officers (by hand or
from an Excel roster); the officers a record may name."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import shift_years
from fazhi.core.guards import not_future, require_unit, saved, today
from fazhi.core.imports import ImportRefused, RowError
from fazhi.core.models import Unit
from fazhi.core.roles import WorkLine
from fazhi.core.validators import validate_id_number

from .. import imports
from ..models.agencies import Agency, MajorDecisionItem, Officer
from ..models.certificates import (
    Certificate,
    CertificateCheck,
    CertificateStatus,
    CheckKind,
    TrainingRecord,
)
from .certificates import REVIEW_INTERVAL_YEARS

# 行政处罚法 第四十二条: 执法人员不得少于两人 (and 第五十五条 for 调查、检查).
MIN_OFFICERS = 2


ENFORCING_KINDS = (Unit.Kind.ENFORCEMENT, Unit.Kind.TOWNSHIP)


@service
def register_agency(*, actor, unit: Unit, legal_basis: str, devolved_powers: str = "") -> Agency:
    """A 行政执法主体: an enforcement department, or a 街道/乡镇 with its 赋权事项."""
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    if unit.kind not in ENFORCING_KINDS:
        raise ValidationError(f"“{unit.name}”不是行政执法部门或街道、乡镇")
    if unit.kind == Unit.Kind.TOWNSHIP and not devolved_powers.strip():
        raise ValidationError("街道、乡镇作为执法主体的，请填写其承接的赋权事项")
    if Agency.objects.filter(unit=unit).exists():
        raise ValidationError(f"“{unit.name}”已登记为执法主体")
    agency = saved(
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
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    if MajorDecisionItem.objects.filter(unit=unit, title=title.strip()).exists():
        raise ValidationError(f"目录中已有“{title.strip()}”")
    item = saved(MajorDecisionItem(unit=unit, title=title.strip(), ground=ground, created_by=actor))
    record_event(
        actor=actor,
        action="enforcement.major_item",
        summary=f"重大执法决定法制审核目录新增：{item.title}",
        target=item,
        unit=unit,
    )
    return item


def _new_officer(
    actor,
    unit,
    *,
    name,
    id_number,
    post="",
    is_legal_reviewer=False,
    has_legal_qualification=False,
    legal_review_since=None,
):
    validate_id_number(id_number)
    if legal_review_since is not None:
        not_future(legal_review_since, "开始从事法制审核日期")
    if Officer.objects.filter(unit=unit, id_number=id_number).exists():
        raise ValidationError(f"“{unit.name}”已登记身份证号码为该号码的执法人员")
    return saved(
        Officer(
            unit=unit,
            name=name.strip(),
            id_number=id_number.strip().upper(),
            post=(post or "").strip(),
            is_legal_reviewer=is_legal_reviewer,
            has_legal_qualification=has_legal_qualification,
            legal_review_since=legal_review_since if is_legal_reviewer else None,
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
    legal_review_since: datetime.date | None = None,
) -> Officer:
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
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
        legal_review_since=legal_review_since,
    )
    record_event(
        actor=actor,
        action="enforcement.officer",
        summary=f"登记执法人员{officer.name}" + ("（法制审核人员）" if is_legal_reviewer else ""),
        target=officer,
        unit=unit,
    )
    return officer


@service
def import_officers(*, actor, unit: Unit, data) -> int:
    """导入执法人员 from an .xlsx roster: all rows or none (errors by row and column)."""
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    if unit.kind not in ENFORCING_KINDS:
        raise ValidationError(f"“{unit.name}”不是行政执法部门或街道、乡镇")
    rows = imports.OFFICERS.read_rows(data)
    errors = []
    ids = [row["id_number"].upper() for row in rows]
    taken = set(
        Officer.objects.filter(unit=unit, id_number__in=ids).values_list("id_number", flat=True)
    )
    numbers = [row["number"] for row in rows if row["number"]]
    used = set(Certificate.objects.filter(number__in=numbers).values_list("number", flat=True))
    for index, row in enumerate(rows):
        if ids[index] in taken or ids[index] in ids[:index]:
            errors.append(RowError(row["row"], "身份证号码", "已登记或在表格中重复"))
        if row["number"] and (
            row["number"] in used or row["number"] in numbers[: numbers.index(row["number"])]
        ):
            errors.append(RowError(row["row"], "证件编号", "已被使用或在表格中重复"))
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
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
        certificate = saved(
            Certificate(
                officer=officer,
                applied_date=row["issue_date"],
                status=CertificateStatus.VALID,
                number=row["number"],
                issue_date=row["issue_date"],
                valid_until=row["valid_until"],
                annual_review_due=shift_years(row["issue_date"], REVIEW_INTERVAL_YEARS),
                created_by=actor,
            )
        )
        saved(
            CertificateCheck(
                certificate=certificate,
                kind=CheckKind.ISSUED,
                date=row["issue_date"],
                created_by=actor,
            )
        )
    if row["training_hours"]:
        saved(
            TrainingRecord(
                officer=officer,
                title="导入：本年度培训",
                date=today(),
                hours=row["training_hours"],
                created_by=actor,
            )
        )


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
