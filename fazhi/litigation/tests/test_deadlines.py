"""The 答辩期限 on the due list (行政诉讼法 第六十七条): pending suits not answered yet."""

import datetime

from fazhi.core.deadlines import due_list
from fazhi.litigation import services
from fazhi.litigation.deadlines import answers_due

D = datetime.date


def test_unanswered_pending_suits_are_due_with_their_statute(world, sue):
    due = sue(1, filed=D(2024, 9, 18), served_date=D(2024, 9, 21))
    answered = sue(2)
    services.record_answer_filed(
        actor=world.officer, lawsuit=answered, answer_filed_date=D(2025, 3, 10)
    )
    withdrawn = sue(3)
    services.record_withdrawal(
        actor=world.officer, lawsuit=withdrawn, withdrawal_date=D(2025, 3, 10), reason="撤诉"
    )
    appeal = sue(4, case_number="（2025）鲁02行终4号", trial_level="second")
    later = answers_due(world.officer, D(2024, 10, 1), D(2024, 10, 15))
    assert [item.due_date for item in later] == [D(2024, 10, 8)]  # the appeal is due later
    items = sorted(
        answers_due(world.officer, D(2024, 10, 1), D(2025, 12, 31)), key=lambda item: item.due_date
    )
    assert [(item.due_date, item.basis) for item in items] == [
        (D(2024, 10, 8), "行政诉讼法 第六十七条"),
        (appeal.answer_due, "行政诉讼法 第一百零一条、民事诉讼法 第一百七十四条"),
    ]
    assert items[0].url == f"/litigation/{due.pk}/"
    assert items[0].title.startswith("（2024）鲁0202行初1号（原告1诉测试区市场监督管理局）")
    assert items[0].work_line == "行政应诉"


def test_the_due_list_shows_the_answer_to_those_who_see_the_suit(world, sue):
    sue(filed=D(2024, 9, 18), served_date=D(2024, 9, 21))
    on_the_day = due_list(world.officer, D(2024, 10, 8)).items
    assert [item.status(D(2024, 10, 8)) for item in on_the_day] == ["today"]
    assert due_list(world.neighbour_officer, D(2024, 10, 8)).items == []
