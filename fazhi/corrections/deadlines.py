"""The clocks of 社区矫正 on the due list: 调查评估 opinions and 电子定位 orders ending."""

import datetime

from django.urls import reverse

from fazhi.core.deadlines import DueItem

from . import selectors


def investigations_due(user, today, horizon):
    """实施办法 第十四条 (a setting): the opinion within 10 工作日 (速裁 5) of the 委托函."""
    for investigation in selectors.open_investigations(user, horizon):
        if investigation.due_date is None:
            continue
        yield DueItem(
            title=f"{investigation}出具调查评估意见"
            + ("（已逾期）" if investigation.due_date < today else ""),
            due_date=investigation.due_date,
            url=reverse("corrections:investigation_detail", kwargs={"pk": investigation.pk}),
            work_line="社区矫正",
            basis="收到委托函之日起十个工作日（速裁五个工作日）",
        )


def location_orders_due(user, today, horizon):
    """社区矫正法 第二十九条第二款: the order ends; continued use needs a new approval."""
    for order in selectors.ending_orders(user, horizon, today - datetime.timedelta(days=0)):
        yield DueItem(
            title=f"{order.subject}电子定位期满：解除或经评估另行批准延长",
            due_date=order.end,
            url=reverse("corrections:subject_detail", kwargs={"pk": order.subject_id}),
            work_line="社区矫正",
            basis="第二十九条：每次不得超过三个月",
        )
