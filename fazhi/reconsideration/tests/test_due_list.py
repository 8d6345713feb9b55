"""The case clocks reach the 待办 list of those who keep them, and nobody else's."""

import datetime

from fazhi.core.deadlines import due_list
from fazhi.reconsideration import deadlines, services
from fazhi.reconsideration.models import Suspension

from .conftest import D


def test_the_review_clock_is_on_the_officers_due_list(register, officer, demo):
    case = register(received=D(2024, 9, 27))
    today = D(2024, 10, 10)
    item = next(i for i in due_list(officer, today).items if i.title.startswith(case.number))
    assert (item.due_date, item.status(today), item.basis) == (
        D(2024, 10, 10),
        "today",
        "行政复议法 第三十条",
    )
    assert not [
        i for i in due_list(demo.users["xishan_officer"], today).items if case.number in i.title
    ]


def test_overdue_clocks_and_the_sixty_day_prompt(accepted, officer):
    case = accepted(accepted_on=D(2024, 7, 1))
    case = services.suspend(
        actor=officer, case=case, date=D(2024, 7, 5), ground=Suspension.Ground.DEATH
    )
    today = D(2024, 9, 10)
    mine = [i for i in due_list(officer, today).items if i.title.startswith(case.number)]
    labels = {(i.title.split(" ", 1)[-1], i.status(today)) for i in mine}
    # 中止: the review's clocks stand still, only the sixty-day prompt runs.
    assert labels == {("中止满六十日，审查是否终止", "overdue")}
    assert [c.status(today) for c in deadlines.running_clocks(case)] == ["paused", "paused"]


def test_the_leader_keeps_the_decision_clock(accepted, leader):
    case = accepted(accepted_on=D(2024, 7, 1))
    today = D(2024, 8, 28)
    items = [i for i in due_list(leader, today).items if i.title.startswith(case.number)]
    assert any(i.title.endswith("审理期限") and i.due_date == D(2024, 8, 30) for i in items)
    assert all(i.due_date <= today + datetime.timedelta(days=14) for i in items)
