"""普法 on the due list: the year-end 履职报告 of the agencies' responsibility lists."""

import datetime

from django.urls import reverse

from fazhi.core.deadlines import DueItem

from . import selectors


def reports_due(user, today, horizon):
    """The 履职报告 of a year's list, due by the year's end (评议 follows in the new year)."""
    for item in selectors.lists(user).filter(report_date__isnull=True, year__lte=horizon.year)[
        :500
    ]:
        yield DueItem(
            title=f"{item.unit.name}提交{item.year}年度普法履职报告",
            due_date=datetime.date(item.year, 12, 31),
            url=reverse("publicity:list_detail", kwargs={"pk": item.pk}),
            work_line="普法",
            basis="山东省法治宣传教育条例 第十条",
            remind_from=datetime.date(item.year, 12, 1),
        )
