"""The 法律援助 clocks on the due list: 审查决定 (第四十三条), 补正期限, 指派 (第四十三条、
第三十六条), 结案材料 (第五十条) and 异议审查 (第四十九条). A period that ends in a year whose holidays are not
entered yet is listed with its natural-day bound (待录入…)."""

from django.urls import reverse

from fazhi.core.calendar import pending_or_none
from fazhi.core.deadlines import DueItem

from . import periods, selectors
from .models import Origin, State

LINE = "法律援助"


def _item(title, due, compute, start, url, basis):
    pending = None
    if due is None:
        if start is None:
            return None
        pending = pending_or_none(compute, start)
        if pending is None:
            return None
    return DueItem(
        title=title,
        due_date=pending.bound if pending else due,
        pending=pending,
        url=url,
        work_line=LINE,
        basis=basis,
    )


def cases_due(user, today, horizon):
    for case in selectors.due_cases(user, horizon):
        url = reverse("legal_aid:case_detail", kwargs={"pk": case.pk})
        who = f"{case.number}（{case.applicant_name}）"
        if case.state == State.RECEIVED:
            item = _item(
                f"{who}审查并作出是否给予法律援助的决定",
                case.decision_due,
                periods.decision_due,
                case.supplement_received_date or case.received_date,
                url,
                "法律援助法 第四十三条第一款",
            )
        elif case.state == State.SUPPLEMENT:
            item = _item(
                f"{who}补正期限届满：收到材料或视为撤回",
                case.supplement_due,
                periods.supplement_due,
                case.supplement_requested_date,
                url,
                "法律援助法 第四十三条第二款",
            )
        elif case.state == State.ASSIGNED:
            # 法律援助法 第五十条: 办理结束后…及时…提交有关法律文书的副本…办理情况报告.
            item = _item(
                f"{who}提交结案报告和法律文书副本",
                case.closure_due,
                periods.closure_due,
                case.concluded_date,
                url,
                "法律援助法 第五十条",
            )
        else:
            notified = case.origin == Origin.NOTIFIED
            item = _item(
                f"{who}指派法律援助人员" + ("并通知办案机关" if notified else ""),
                case.assignment_due,
                periods.assignment_due,
                case.decided_date or case.received_date,
                url,
                "法律援助法 第三十六条" if notified else "法律援助法 第四十三条第一款",
            )
        if item is not None:
            yield item


def objections_due(user, today, horizon):
    for objection in selectors.due_objections(user, horizon):
        item = _item(
            f"{objection.case.number} 异议审查决定",
            objection.due,
            periods.objection_due,
            objection.received_date,
            reverse("legal_aid:case_detail", kwargs={"pk": objection.case_id}),
            "法律援助法 第四十九条第二款",
        )
        if item is not None:
            yield item


def complaints_due(user, today, horizon):
    """第五十六条: 受理, 办结 and 告知投诉人 (the periods are settings, docs/rules.md)."""
    for complaint in selectors.due_complaints(user, horizon):
        url = reverse("legal_aid:case_detail", kwargs={"pk": complaint.case_id})
        who = f"{complaint.case.number} {complaint.complainant}的投诉"
        if complaint.accepted_date is None and complaint.rejected_date is None:
            step = ("决定是否受理", complaint.accept_due, periods.complaint_accept_due)
            start = complaint.received_date
        elif complaint.handled_date is None and complaint.rejected_date is None:
            step = ("调查处理并办结", complaint.handle_due, periods.complaint_handle_due)
            start = complaint.accepted_date
        else:
            step = ("告知投诉人处理结果", complaint.reply_due, periods.complaint_reply_due)
            start = complaint.handled_date or complaint.rejected_date
        item = _item(f"{who}{step[0]}", step[1], step[2], start, url, "法律援助法 第五十六条")
        if item is not None:
            yield item
