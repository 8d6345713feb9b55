"""The 答辩期限 that ends in a year whose holidays are not entered (issue 13 item 9)."""

import datetime

from fazhi.core.deadlines import due_list

D = datetime.date


def test_an_answer_period_in_an_unknown_year_shows_its_bound(world, sue, client_as):
    lawsuit = sue(filed=D(2003, 5, 1), served_date=D(2003, 5, 6))
    assert lawsuit.answer_due is None
    shown = "待录入2003年节假日安排后计算（按自然日计不早于2003-05-21）"
    page = client_as(world.officer).get(f"/litigation/{lawsuit.pk}/").content.decode()
    assert shown in page
    items = due_list(world.officer, D(2003, 5, 10)).items
    answer = next(item for item in items if "提交答辩状" in item.title)
    assert answer.due_date == D(2003, 5, 21) and str(answer.pending) == shown
