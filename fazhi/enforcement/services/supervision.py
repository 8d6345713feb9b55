"""监督检查 and the rectification notices (整改通知) a 监督检查 or a 案卷评查 issues, answered
by the agency and closed (销号). A notice is drafted with its 整改通知书, which goes through
呈批 (core/issuing.py): approved by the bureau's 负责人, numbered and frozen when issued —
only then is the notice 下发 and its period running — and served with a 送达回证."""

import datetime
import functools

from django.core.exceptions import ValidationError

from fazhi.core import guards, issuing, numbering
from fazhi.core.audit import record_event, service
from fazhi.core.guards import not_future, require, require_unit, saved
from fazhi.core.models import Unit
from fazhi.core.roles import Action, WorkLine

from .. import documents
from ..models.reviews import ReviewCampaign
from ..models.supervision import (
    NoticeDocument,
    NoticeService,
    NoticeStatus,
    RectificationNotice,
    SupervisionInspection,
)
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
NOTICE_NUMBER = (
    "执法监督整改〔{year}〕{serial}号"  # after the issuing area's name: 东湖执法监督整改…
)


def _next_number(unit: Unit, year: int) -> numbering.Number:
    pattern = numbering.area_short_name(unit) + NOTICE_NUMBER
    return numbering.next_number(unit=unit, kind=NOTICE_SEQUENCE, year=year, pattern=pattern)


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
    """整改通知 to one agency, from a 监督检查 or a 案卷评查 of the bureau: a draft with its
    整改通知书 (numbered and 下发 when the 通知书 is issued, `issue_notice_document`)."""
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
            problems=problems.strip(),
            issued_date=issued_date,
            due_date=due_date,
            created_by=actor,
        )
    )
    documents.draft(notice=notice, actor=actor, date=issued_date)
    record_event(
        actor=actor,
        action="enforcement.notice",
        summary=f"起草致{agency.name}的整改通知书，整改期限{due_date:%Y-%m-%d}",
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


# — the 整改通知书 through 呈批 (core/issuing.py) —


def _document_event(actor, document: NoticeDocument, action: str, summary: str, **extra):
    record_event(
        actor=actor,
        action=f"enforcement.{action}",
        summary=summary,
        target=document.notice,
        unit=document.notice.unit,
        **extra,
    )


@service
def upload_notice_draft(*, actor, document: NoticeDocument, uploaded_file) -> NoticeDocument:
    """An edited draft of the 整改通知书 (.docx from Word or WPS) replaces the generated one."""
    require(actor, Action.CHANGE, document, "无权修改该文书")
    name = issuing.take_upload(document, uploaded_file)
    _document_event(actor, document, "notice_draft", f"上传{document.title}修改稿“{name}”")
    return document


@service
def approve_notice_document(*, actor, document: NoticeDocument) -> NoticeDocument:
    """审批 by the bureau's 负责人 (documents.APPROVERS)."""
    require(actor, Action.REVIEW, document, "无权审批该文书")
    issuing.approve(
        document, actor=actor, roles=documents.APPROVERS, article=documents.APPROVAL_BASIS
    )
    _document_event(actor, document, "notice_approve", f"审批{document.title}")
    return document


@service
def issue_notice_document(*, actor, document: NoticeDocument, date) -> NoticeDocument:
    """签发: numbered now, frozen with its SHA-256; the notice is 下发 on this day."""
    require(actor, Action.CHANGE, document, "无权签发该文书")
    issuing.check_issue(document, date)
    notice = RectificationNotice.objects.select_for_update().get(pk=document.notice_id)
    if notice.status == NoticeStatus.DRAFT and notice.due_date <= date:
        raise ValidationError("整改期限应晚于签发日期，请重新起草整改通知")
    number = _next_number(notice.unit, date.year)
    issuing.issue(document, actor=actor, date=date, number=number)
    if notice.status == NoticeStatus.DRAFT:
        notice.number, notice.issued_date = document.number, date
        notice.status = NoticeStatus.ISSUED
        saved(notice)
    _document_event(
        actor,
        document,
        "notice_issue",
        f"签发{document.title}（{document.number}），整改期限{notice.due_date:%Y-%m-%d}",
        data={"sha256": document.sha256},
    )
    return document


@service
def correct_notice_document(*, actor, document: NoticeDocument, reason: str) -> NoticeDocument:
    """更正: a new draft that names the issued 通知书; numbered when issued."""
    require(actor, Action.CHANGE, document, "无权更正该文书")
    issuing.check_correction(document, reason)
    correction = documents.draft(
        notice=document.notice, actor=actor, date=guards.today(), corrects=document
    )
    _document_event(
        actor,
        document,
        "notice_correct",
        f"更正{document.title}（{document.number}）",
        reason=reason,
    )
    return correction


@service
def serve_notice_document(
    *, actor, document: NoticeDocument, method: str, date, recipient: str, address="", note=""
) -> NoticeService:
    """送达 of an issued 通知书: how, when and to whom, with its 送达回证."""
    require(actor, Action.CHANGE, document, "无权登记送达")
    served = issuing.serve(
        document,
        model=NoticeService,
        draft_receipt=functools.partial(
            documents.draft, notice=document.notice, actor=actor, kind=documents.RECEIPT_KEY
        ),
        actor=actor,
        method=method,
        date=date,
        recipient=recipient,
        address=address,
        note=note,
    )
    _document_event(
        actor,
        document,
        "notice_serve",
        f"{served.get_method_display()}{document.title}（{document.number}）",
    )
    return served
