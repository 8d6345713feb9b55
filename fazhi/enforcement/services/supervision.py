"""监督检查 and the rectification notices (整改通知) a 监督检查 or a 案卷评查 issues, answered
by the agency and closed (销号)."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core import numbering
from fazhi.core.audit import record_event, service
from fazhi.core.guards import not_future, require, require_unit, saved
from fazhi.core.models import Unit
from fazhi.core.roles import Action, WorkLine

from ..models.reviews import ReviewCampaign
from ..models.supervision import RectificationNotice, SupervisionInspection
from ..workflow import CAMPAIGN_FLOW, NOTICE_FLOW


@service
def create_supervision(
    *,
    actor,
    unit: Unit,
    kind: str,
    title: str,
    scope: str,
    team: str,
    date: datetime.date,
    agencies,
    findings: str = "",
) -> SupervisionInspection:
    """专项监督 or 执法监督检查 of agencies of the bureau's area."""
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    not_future(date, "检查日期")
    agencies = list(agencies)
    if not agencies:
        raise ValidationError("请选择被检查单位")
    outside = [a.name for a in agencies if not a.path.startswith(unit.scope_root.path)]
    if outside:
        raise ValidationError(f"{'、'.join(outside)}不在本辖区")
    inspection = saved(
        SupervisionInspection(
            unit=unit,
            kind=kind,
            title=title.strip(),
            scope=scope.strip(),
            team=team.strip(),
            date=date,
            findings=findings.strip(),
            created_by=actor,
        )
    )
    inspection.agencies.set(agencies)
    record_event(
        actor=actor,
        action="enforcement.supervision",
        summary=f"{inspection.get_kind_display()}：{inspection.title}（{len(agencies)}个单位）",
        target=inspection,
        unit=unit,
    )
    return inspection


# 整改通知's numbers: one gapless sequence per issuing unit and year (core/numbering.py).
NOTICE_SEQUENCE = "enforcement.rectification_notice"
NOTICE_NUMBER = "执法监督整改〔{year}〕{serial}号"


def _next_number(unit: Unit, year: int) -> str:
    return numbering.next_number(
        unit=unit, kind=NOTICE_SEQUENCE, year=year, pattern=NOTICE_NUMBER
    ).text


@service
def issue_notice(
    *,
    actor,
    agency: Unit,
    problems: str,
    issued_date: datetime.date,
    due_date: datetime.date,
    inspection: SupervisionInspection | None = None,
    campaign: ReviewCampaign | None = None,
) -> RectificationNotice:
    """整改通知 to one agency, from a 监督检查 or a 案卷评查 of the bureau."""
    source = inspection or campaign
    if (inspection is None) == (campaign is None):
        raise ValidationError("整改通知应来自一次监督检查或一次案卷评查")
    if campaign is not None:
        CAMPAIGN_FLOW.check(campaign, "issue_notice", actor=actor)
    require(actor, Action.CHANGE, source)
    not_future(issued_date, "下发日期")
    if due_date <= issued_date:
        raise ValidationError("整改期限应晚于下发日期")
    if inspection is not None and not inspection.agencies.filter(pk=agency.pk).exists():
        raise ValidationError(f"{agency.name}不是该次监督检查的被检查单位")
    if campaign is not None and not campaign.case_files.filter(agency=agency).exists():
        raise ValidationError(f"本次评查没有{agency.name}的案卷")
    if not problems.strip():
        raise ValidationError("请填写存在问题及整改要求")
    notice = saved(
        RectificationNotice(
            unit=source.unit,
            agency=agency,
            inspection=inspection,
            campaign=campaign,
            number=_next_number(source.unit, issued_date.year),
            problems=problems.strip(),
            issued_date=issued_date,
            due_date=due_date,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="enforcement.notice",
        summary=f"向{agency.name}下发{notice.number}，整改期限{due_date:%Y-%m-%d}",
        target=notice,
        unit=notice.unit,
    )
    return notice


@service
def respond_notice(
    *, actor, notice: RectificationNotice, responded_date: datetime.date, response: str
) -> RectificationNotice:
    """The agency's 整改报告, as received by the bureau."""
    step = NOTICE_FLOW.check(notice, "respond_notice", actor=actor)
    not_future(responded_date, "反馈日期")
    if responded_date < notice.issued_date:
        raise ValidationError("反馈日期不能早于下发日期")
    if not response.strip():
        raise ValidationError("请填写整改情况")
    NOTICE_FLOW.move(notice, step)
    notice.responded_date, notice.response = responded_date, response.strip()
    saved(notice)
    late = responded_date > notice.due_date
    record_event(
        actor=actor,
        action="enforcement.notice_response",
        summary=f"{notice.agency.name}反馈整改情况" + ("（逾期）" if late else ""),
        target=notice,
        unit=notice.unit,
        data={"late": late},
    )
    return notice


@service
def close_notice(
    *, actor, notice: RectificationNotice, closed_date: datetime.date
) -> RectificationNotice:
    """销号 once the bureau has checked the rectification."""
    step = NOTICE_FLOW.check(notice, "close_notice", actor=actor)
    not_future(closed_date, "销号日期")
    if closed_date < notice.responded_date:
        raise ValidationError("销号日期不能早于反馈日期")
    NOTICE_FLOW.move(notice, step)
    notice.closed_date = closed_date
    saved(notice)
    record_event(
        actor=actor,
        action="enforcement.notice_close",
        summary=f"{notice.number}整改销号",
        target=notice,
        unit=notice.unit,
    )
    return notice
