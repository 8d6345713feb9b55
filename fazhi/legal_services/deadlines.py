"""The 公共法律服务 clocks on the due list: complaints about notaries not yet handled, and\n司法行政审批 not yet decided (行政许可法 第四十二条)."""

from django.urls import reverse

from fazhi.core.calendar import add_days, add_working_days, pending_or_none
from fazhi.core.deadlines import DueItem

from . import selectors
from .services import APPROVAL_WORKING_DAYS, COMPLAINT_DAYS


def complaints_due(user, today, horizon):
    for complaint in selectors.open_complaints(user, horizon):
        # A period ending in a year whose holidays are not entered: its natural-day bound.
        pending = None
        if complaint.due is None:
            pending = pending_or_none(add_days, complaint.received_date, COMPLAINT_DAYS)
            if pending is None:
                continue
        yield DueItem(
            title=f"{complaint.office}投诉（{complaint.received_date:%Y-%m-%d}收到）办结",
            due_date=pending.bound if pending else complaint.due,
            pending=pending,
            url=reverse("legal_services:office_detail", kwargs={"pk": complaint.office_id}),
            work_line="公共法律服务",
            basis=f"公证投诉处理（{COMPLAINT_DAYS}日，docs/rules.md）",
        )


def approvals_due(user, today, horizon):
    for approval in selectors.open_approvals(user, horizon):
        pending = None
        if approval.due is None:
            pending = pending_or_none(
                add_working_days, approval.received_date, APPROVAL_WORKING_DAYS
            )
            if pending is None:
                continue
        yield DueItem(
            title=f"{approval}作出行政许可决定",
            due_date=pending.bound if pending else approval.due,
            pending=pending,
            url=reverse("legal_services:approval_detail", kwargs={"pk": approval.pk}),
            work_line="公共法律服务",
            basis="行政许可法 第四十二条第一款",
        )
