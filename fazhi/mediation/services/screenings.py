"""Screening rounds (排查), what they found, and the monthly nil reports (零上报)."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.guards import not_future, require, require_line, saved
from fazhi.core.guards import today as guards_today
from fazhi.core.roles import Action

from .. import deadlines
from ..models import (
    Committee,
    Finding,
    FindingOutcome,
    NilReport,
    Screening,
)
from ._common import LINE

# — screening and nil reports —


@service
def record_screening(
    *,
    actor,
    committee: Committee,
    date: datetime.date,
    area: str,
    screener: str,
    findings: list[dict] = (),
) -> Screening:
    """A screening round and what it found (each with its 预警等级 and handling day)."""
    require_line(actor, LINE)
    require(actor, Action.CREATE, committee, f"无权为“{committee.name}”登记排查")
    not_future(date, "排查日期")
    month = date.replace(day=1)
    if NilReport.objects.filter(committee=committee, month=month).exists() and findings:
        raise ValidationError(f"{committee.name}{month:%Y年%m月}已零上报，不能再登记发现的纠纷")
    screening = saved(
        Screening(
            unit=committee.unit,
            committee=committee,
            date=date,
            area=area.strip(),
            screener=screener.strip(),
            created_by=actor,
        )
    )
    for item in findings:
        saved(
            Finding(
                screening=screening,
                description=item["description"].strip(),
                risk=item["risk"],
                handling_due=deadlines.handling_due(date, item["risk"]),
                reported_to_police=item.get("reported_to_police", False),
                prevented=item.get("prevented", ""),
                outcome=item.get("outcome", ""),
            )
        )
    record_event(
        actor=actor,
        action="mediation.screening",
        summary=f"{committee.name}排查（发现{len(findings)}件）",
        target=screening,
        unit=committee.unit,
    )
    return screening


@service
def settle_finding(
    *, actor, finding: Finding, prevented: str = "", reported_to_police: bool = False
) -> Finding:
    """A finding settled before it became a case (预防纠纷); 第二十五条 report recorded."""
    require(actor, Action.CHANGE, finding)
    if finding.outcome:
        raise ValidationError("该排查发现已处置")
    finding.outcome = FindingOutcome.PREVENTED
    finding.prevented = prevented
    finding.reported_to_police = finding.reported_to_police or reported_to_police
    saved(finding)
    record_event(
        actor=actor,
        action="mediation.prevented",
        summary=f"排查发现已化解：{finding.description[:40]}",
        target=finding.screening,
        unit=finding.screening.unit,
    )
    return finding


@service
def file_nil_report(*, actor, committee: Committee, month: datetime.date) -> NilReport:
    """零上报: the committee found no dispute in `month`."""
    require_line(actor, LINE)
    require(actor, Action.CREATE, committee, f"无权为“{committee.name}”零上报")
    month = month.replace(day=1)
    today = guards_today()
    if month > today:
        raise ValidationError("不能为以后的月份零上报")
    if NilReport.objects.filter(committee=committee, month=month).exists():
        raise ValidationError(f"{committee.name}{month:%Y年%m月}已零上报")
    found = Finding.objects.filter(
        screening__committee=committee,
        screening__date__year=month.year,
        screening__date__month=month.month,
    ).exists()
    received = committee.disputes.filter(
        received_date__year=month.year, received_date__month=month.month
    ).exists()
    if found or received:
        raise ValidationError(
            f"{committee.name}{month:%Y年%m月}已有排查发现或受理的纠纷，不能零上报"
        )
    report = saved(
        NilReport(
            unit=committee.unit,
            committee=committee,
            month=month,
            reported_on=today,
            reporter=actor,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="mediation.nil_report",
        summary=f"{committee.name}{month:%Y年%m月}零上报",
        target=report,
        unit=committee.unit,
    )
    return report
