"""入企执法报备: reported before the visit, then cancelled or its result recorded."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.guards import not_future, require_unit, saved
from fazhi.core.models import Unit
from fazhi.core.roles import WorkLine
from fazhi.core.validators import validate_credit_code

from ..models.enterprise_inspections import EnterpriseInspection
from ..workflow import INSPECTION_FLOW
from .agencies import check_officers


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
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    credit_code = credit_code.strip().upper()
    validate_credit_code(credit_code)
    if not credit_code:
        raise ValidationError("请填写企业的统一社会信用代码")
    officers = check_officers(officers, unit, planned_date, label="入企检查")
    inspection = saved(
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
    step = INSPECTION_FLOW.check(inspection, "cancel_inspection", actor=actor)
    if not reason.strip():
        raise ValidationError("请填写取消的理由")
    INSPECTION_FLOW.move(inspection, step)
    saved(inspection)
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
    step = INSPECTION_FLOW.check(inspection, "record_inspection_result", actor=actor)
    not_future(result_date, "检查日期")
    if result_date < inspection.planned_date:
        raise ValidationError("检查日期不能早于报备的计划日期，请先重新报备")
    if not result.strip():
        raise ValidationError("请填写检查结果")
    INSPECTION_FLOW.move(inspection, step)
    inspection.result_date = result_date
    inspection.result, inspection.problems_found = result.strip(), problems_found
    saved(inspection)
    record_event(
        actor=actor,
        action="enforcement.enterprise_inspection_result",
        summary=f"登记入企检查结果（{result_date:%Y-%m-%d}）"
        + ("，发现问题" if problems_found else ""),
        target=inspection,
        unit=inspection.unit,
    )
    return inspection
