"""The 法律援助 clocks on the due list: 审查决定 (第四十三条), 补正期限, 指派 (第四十三条、
第三十六条) and 异议审查 (第四十九条)."""

from django.urls import reverse

from fazhi.core.deadlines import DueItem

from . import selectors
from .models import Origin, State

LINE = "法律援助"


def cases_due(user, today, horizon):
    for case in selectors.due_cases(user, horizon):
        url = reverse("legal_aid:case_detail", kwargs={"pk": case.pk})
        if case.state == State.RECEIVED:
            yield DueItem(
                title=f"{case.number}（{case.applicant_name}）审查并作出是否给予法律援助的决定",
                due_date=case.decision_due,
                url=url,
                work_line=LINE,
                basis="法律援助法 第四十三条第一款",
            )
        elif case.state == State.SUPPLEMENT:
            yield DueItem(
                title=f"{case.number}（{case.applicant_name}）补正期限届满：收到材料或视为撤回",
                due_date=case.supplement_due,
                url=url,
                work_line=LINE,
                basis="法律援助法 第四十三条第二款",
            )
        else:
            notified = case.origin == Origin.NOTIFIED
            yield DueItem(
                title=f"{case.number}（{case.applicant_name}）指派法律援助人员"
                + ("并通知办案机关" if notified else ""),
                due_date=case.assignment_due,
                url=url,
                work_line=LINE,
                basis="法律援助法 第三十六条" if notified else "法律援助法 第四十三条第一款",
            )


def objections_due(user, today, horizon):
    for objection in selectors.due_objections(user, horizon):
        yield DueItem(
            title=f"{objection.case.number} 异议审查决定",
            due_date=objection.due,
            url=reverse("legal_aid:case_detail", kwargs={"pk": objection.case_id}),
            work_line=LINE,
            basis="法律援助法 第四十九条第二款",
        )
