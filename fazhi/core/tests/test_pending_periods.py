"""Periods ending in a year whose holidays are not entered: their natural-day bound, and the
system administrator told to enter the year (issue 13 item 9)."""

import datetime

import pytest

from fazhi.core import calendar
from fazhi.core.calendar import _package_years as package_years
from fazhi.core.deadlines import due_list
from fazhi.core.services import enter_calendar_year

D = datetime.date
UNKNOWN = max(package_years()) + 1


@pytest.mark.django_db
@pytest.mark.parametrize("count", [calendar.add_days, calendar.add_working_days])
def test_a_period_into_an_unknown_year_carries_its_natural_day_bound(count):
    with pytest.raises(calendar.CalendarYearUnknown) as raised:
        count(D(UNKNOWN - 1, 12, 20), 30)
    assert raised.value.pending == calendar.PendingDate(UNKNOWN, D(UNKNOWN, 1, 19))
    assert str(raised.value.pending) == (
        f"待录入{UNKNOWN}年节假日安排后计算（按自然日计不早于{UNKNOWN}-01-19）"
    )
    assert calendar.pending_or_none(count, D(UNKNOWN - 1, 12, 20), 30).bound == D(UNKNOWN, 1, 19)
    assert calendar.pending_or_none(count, D(UNKNOWN - 1, 3, 2), 5) is None


def test_the_system_administrator_is_told_to_enter_the_year(demo, client_as, monkeypatch):
    today = D(UNKNOWN - 1, 11, 2)  # a 90-day period from here ends in the unknown year
    items = due_list(demo.admin, today).items
    entry = next(item for item in items if item.work_line == "系统管理")
    assert entry.title.startswith(f"录入{UNKNOWN}年节假日安排")
    assert entry.url == "/calendar/new-year/"
    # nobody else is asked, and a year far off is not asked yet
    officer = demo.users["donghu_officer"]
    assert not [item for item in due_list(officer, today).items if item.work_line == "系统管理"]
    assert not [
        i for i in due_list(demo.admin, D(UNKNOWN - 1, 3, 1)).items if i.work_line == "系统管理"
    ]

    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: today)
    page = client_as(demo.admin).get("/").content.decode()
    assert f"录入{UNKNOWN}年节假日安排" in page
    enter_calendar_year(
        actor=demo.admin, year=UNKNOWN, notice="国务院办公厅通知", holidays=[], workdays=[]
    )
    assert not [i for i in due_list(demo.admin, today).items if i.work_line == "系统管理"]
