"""The 公共法律服务 clocks on the due list: complaints about notaries not yet handled, and
司法行政审批 not yet decided (行政许可法 第四十二条)."""

from django.urls import reverse

from fazhi.core.calendar import add_days, add_working_days, pending_or_none
from fazhi.core.deadlines import DueItem

from . import selectors
from .services import APPROVAL_WORKING_DAYS, COMPLAINT_DAYS


def _item(record, compute, days, **fields):
    """The item of an open record with its `due` (None: the period ends in a year whose
    holidays are not entered, so it is listed with its natural-day bound)."""
    pending = None
    if record.due is None:
        pending = pending_or_none(compute, record.received_date, days)
        if pending is None:
            return None
    return DueItem(
        due_date=pending.bound if pending else record.due,
        pending=pending,
        work_line="公共法律服务",
        **fields,
    )


def complaints_due(user, today, horizon):
    for complaint in selectors.open_complaints(user, horizon):
        item = _item(
            complaint,
            add_days,
            COMPLAINT_DAYS,
            title=f"{complaint.office}投诉（{complaint.received_date:%Y-%m-%d}收到）办结",
            url=reverse("legal_services:office_detail", kwargs={"pk": complaint.office_id}),
            basis=f"公证投诉处理（{COMPLAINT_DAYS}日，docs/rules.md）",
        )
        if item is not None:
            yield item


def approvals_due(user, today, horizon):
    for approval in selectors.open_approvals(user, horizon):
        item = _item(
            approval,
            add_working_days,
            APPROVAL_WORKING_DAYS,
            title=f"{approval}作出行政许可决定",
            url=reverse("legal_services:approval_detail", kwargs={"pk": approval.pk}),
            basis="行政许可法 第四十二条第一款",
        )
        if item is not None:
            yield item
