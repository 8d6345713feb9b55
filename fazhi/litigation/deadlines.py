"""The 行政应诉 clock on the due list: the 答辩期限 of suits not yet answered."""

from django.urls import reverse

from fazhi.core.calendar import CalendarYearUnknown, PendingDate, pending_or_none
from fazhi.core.deadlines import DueItem

from . import selectors, services


def answer_pending(lawsuit) -> PendingDate | None:
    """The 答辩期限 left open because it ends in a year whose holidays are not entered."""
    if lawsuit.answer_due is not None:
        return None
    return pending_or_none(services.answer_due, lawsuit.served_date)


def answers_due(user, today, horizon):
    """行政诉讼法 第六十七条: evidence and 答辩状 within 15 days of receiving the complaint."""
    for lawsuit in selectors.answers_pending(user, horizon):
        pending = None
        if lawsuit.answer_due is None:
            try:
                services.answer_due(lawsuit.served_date)
            except CalendarYearUnknown as unknown:
                yield str(unknown)  # a warning on the due list: the year is not entered yet
                pending = unknown.pending
            if pending is None:
                continue
        yield DueItem(
            title=f"{lawsuit.case_number}（{lawsuit.plaintiff}诉{lawsuit.unit.name}）提交答辩状和证据",
            due_date=pending.bound if pending else lawsuit.answer_due,
            pending=pending,
            url=reverse("litigation:lawsuit_detail", kwargs={"pk": lawsuit.pk}),
            work_line="行政应诉",
            basis=lawsuit.answer_basis,
        )


def appeals_due(user, today, horizon):
    """行政诉讼法 第八十五条: whether to appeal a first-instance judgment (15 days) or ruling
    (10 days) from its service; on the list until the appeal (or its absence) is recorded."""
    for lawsuit in selectors.appeals_pending(user, horizon):
        if lawsuit.appeal_due is None:
            try:
                services.appeal_due(lawsuit, lawsuit.judgment_served_date)
            except CalendarYearUnknown as unknown:
                yield str(unknown)
            continue
        yield DueItem(
            title=f"{lawsuit.case_number}（{lawsuit.plaintiff}诉{lawsuit.unit.name}）上诉期限届满，登记是否上诉",
            due_date=lawsuit.appeal_due,
            url=reverse("litigation:lawsuit_detail", kwargs={"pk": lawsuit.pk}),
            work_line="行政应诉",
            basis=lawsuit.appeal_basis,
        )
