"""催报 on the due list: an inspector's reminder stands on the due list of the urged area's
drafters until their report of that year is submitted."""

from django.urls import reverse

from fazhi.core.deadlines import DueItem

from . import selectors
from .deadlines import SUBMISSION_BASIS, report_due


def urged_reports(user, today, horizon):
    for notice in selectors.open_urge_notices(user):
        due = report_due(notice.unit, notice.year)
        yield DueItem(
            title=(
                f"催报：{notice.year}年度法治政府建设年度报告请尽快报送"
                f"（{notice.urged_by.first_name or notice.urged_by.username}，"
                f"{notice.urged_on:%Y-%m-%d}）"
            ),
            due_date=min(due, today),
            url=reverse("annual_report:report_list"),
            work_line="法治政府建设年度报告",
            basis=SUBMISSION_BASIS,
            remind_from=today,
        )
