"""The working-day calendar, checked against the statutes it implements."""

import datetime
import re

import chinese_calendar
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fazhi.core import calendar, services
from fazhi.core.models import CalendarYear, HolidayOverride

pytestmark = pytest.mark.django_db

D = datetime.date


def first_unknown_year() -> int:
    """The first year the installed chinese-calendar has no data for."""
    return max(calendar._package_years()) + 1


# 行政复议法 第八十八条: 本法关于行政复议期间有关“三日”、“五日”、“七日”、“十日”的规定是指工作日，
#   不含法定休假日。
# 民事诉讼法 第八十五条: 期间开始的时和日，不计算在期间内。


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # 9-29 (Sunday) is a 调休 make-up workday; 10-01…10-07 is the National Day holiday.
        (D(2024, 9, 27), D(2024, 10, 10)),
        # 10-12 (Saturday) is a make-up workday.
        (D(2024, 9, 30), D(2024, 10, 12)),
        # 1-26 (Sunday) is a make-up workday; 1-28…2-04 is the Spring Festival holiday.
        (D(2025, 1, 24), D(2025, 2, 7)),
        # An ordinary week: Monday + 5 working days = next Monday.
        (D(2024, 3, 4), D(2024, 3, 11)),
    ],
)
def test_five_working_days_skip_holidays_and_count_make_up_days(start, expected):
    assert calendar.add_working_days(start, 5) == expected


def test_start_day_is_not_counted_even_when_it_is_a_workday():
    # 2024-03-04 is a Monday: one working day later is Tuesday, not Monday itself.
    assert calendar.add_working_days(D(2024, 3, 4), 1) == D(2024, 3, 5)


def test_starting_on_a_holiday_counts_from_the_first_workday_after_it():
    # 2024-10-01 (holiday) + 1 working day = 2024-10-08, the first workday after the holiday.
    assert calendar.add_working_days(D(2024, 10, 1), 1) == D(2024, 10, 8)


def test_zero_working_days_is_the_start_and_negative_is_refused():
    assert calendar.add_working_days(D(2024, 10, 1), 0) == D(2024, 10, 1)
    with pytest.raises(ValueError, match="不能为负数"):
        calendar.add_working_days(D(2024, 3, 4), -1)


# 民事诉讼法 第八十五条: 期间开始的时和日，不计算在期间内。期间届满的最后一日是法定休假日的，
#   以法定休假日后的第一日为期间届满的日期。


def test_natural_days_do_not_count_the_start_day():
    # 2024-03-01 + 10 days = 2024-03-11, a Monday (an ordinary workday).
    assert calendar.add_days(D(2024, 3, 1), 10) == D(2024, 3, 11)


def test_last_day_on_a_holiday_rolls_to_the_first_day_after_the_holiday():
    # 2024-09-21 + 10 = 2024-10-01 (National Day): the period ends 2024-10-08.
    assert calendar.add_days(D(2024, 9, 21), 10) == D(2024, 10, 8)


def test_last_day_on_a_weekend_rolls_to_monday():
    # 2024-03-06 + 10 = 2024-03-16, a Saturday: the period ends Monday 2024-03-18.
    assert calendar.add_days(D(2024, 3, 6), 10) == D(2024, 3, 18)


def test_last_day_on_a_make_up_saturday_does_not_roll():
    # 2024-10-02 + 10 = 2024-10-12, a Saturday that is a 调休 workday.
    assert calendar.add_days(D(2024, 10, 2), 10) == D(2024, 10, 12)


def test_negative_natural_days_are_refused():
    with pytest.raises(ValueError, match="不能为负数"):
        calendar.add_days(D(2024, 3, 1), -1)


def test_is_workday_follows_the_state_council_notice():
    assert calendar.is_workday(D(2024, 9, 29)) is True  # Sunday, 调休上班
    assert calendar.is_workday(D(2024, 10, 1)) is False  # 国庆节
    assert calendar.is_workday(D(2024, 3, 4)) is True  # ordinary Monday
    assert calendar.is_workday(D(2024, 3, 9)) is False  # ordinary Saturday


def test_an_override_row_beats_the_package():
    assert calendar.is_workday(D(2024, 10, 8)) is True
    HolidayOverride.objects.create(date=D(2024, 10, 8), is_workday=False, name="更正")
    HolidayOverride.objects.create(date=D(2024, 10, 1), is_workday=True, name="更正")
    assert calendar.is_workday(D(2024, 10, 8)) is False
    assert calendar.is_workday(D(2024, 10, 1)) is True
    # The working-day count uses the override too: 10-01 is now the first working day.
    assert calendar.add_working_days(D(2024, 9, 30), 1) == D(2024, 10, 1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2024, 3, 4), D(2024, 3, 4), 0),  # same day: the start is not counted
        (D(2024, 3, 8), D(2024, 3, 4), 0),  # end before start
        (D(2024, 3, 4), D(2024, 3, 8), 4),  # Mon → Fri: Tue, Wed, Thu, Fri
        (D(2024, 3, 1), D(2024, 3, 11), 6),  # over a weekend
        (D(2024, 9, 27), D(2024, 10, 10), 5),  # over National Day with a make-up Sunday
        (D(2024, 9, 30), D(2024, 10, 7), 0),  # only holidays after the start
    ],
)
def test_working_days_between(start, end, expected):
    assert calendar.working_days_between(start, end) == expected


def test_working_days_between_agrees_with_add_working_days():
    start = D(2025, 1, 24)
    assert calendar.working_days_between(start, calendar.add_working_days(start, 5)) == 5


# A year whose 节假日安排 is not known yet is never guessed: it must be entered first.


def test_first_unknown_year_is_really_unknown():
    year = first_unknown_year()
    # chinese-calendar itself refuses the year (it raises rather than guessing).
    with pytest.raises(Exception, match=f"no available data for year {year}"):
        chinese_calendar.is_workday(D(year, 3, 1))
    assert year not in calendar.known_years()


def test_unknown_year_raises_then_counts_once_entered(admin_user):
    year = first_unknown_year()
    start = D(year - 1, 12, 28)
    with pytest.raises(calendar.CalendarYearUnknown) as raised:
        calendar.add_working_days(start, 5)
    assert raised.value.year == year
    assert raised.value.message.startswith(f"{year}年节假日安排尚未录入")

    services.enter_calendar_year(
        actor=admin_user,
        year=year,
        notice="国务院办公厅通知",
        holidays=[D(year, 1, 1)],
        workdays=[],
    )

    # Expected by hand: the package for the last days of the old year, then plain weekdays
    # of the new year except the one holiday entered.
    workdays = [D(year - 1, 12, d) for d in (29, 30, 31)]
    workdays = [d for d in workdays if chinese_calendar.is_workday(d)]
    day = D(year, 1, 1)
    while len(workdays) < 5:
        if day != D(year, 1, 1) and day.weekday() < 5:
            workdays.append(day)
        day += datetime.timedelta(days=1)
    assert calendar.add_working_days(start, 5) == workdays[4]
    assert calendar.is_workday(D(year, 1, 1)) is False
    assert year in calendar.known_years()


def test_year_end_2026_into_entered_2027(admin_user):
    # 2026-12-29/30/31 are workdays (Tue–Thu), 2027-01-01 is New Year's Day (Friday),
    # 01-02/01-03 the weekend: the fifth working day after 2026-12-28 is 2027-01-05.
    assert [chinese_calendar.is_workday(D(2026, 12, d)) for d in (29, 30, 31)] == [True] * 3
    if 2027 not in calendar.known_years():
        with pytest.raises(calendar.CalendarYearUnknown, match="^2027年节假日安排尚未录入"):
            calendar.add_working_days(D(2026, 12, 28), 5)
    services.enter_calendar_year(
        actor=admin_user,
        year=2027,
        notice="国办发明电〔2026〕号",
        holidays=[D(2027, 1, 1)],
        workdays=[],
    )
    assert calendar.add_working_days(D(2026, 12, 28), 5) == D(2027, 1, 5)


def test_natural_days_ending_in_an_unknown_year_raise():
    year = first_unknown_year()
    with pytest.raises(calendar.CalendarYearUnknown):
        calendar.add_days(D(year, 3, 1), 10)


# The calendar page (期间计算).


def test_calendar_page_computes_a_period(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    response = client.get("/calendar/", {"start": "2024-09-27", "days": 5, "unit": "workdays"})
    assert response.status_code == 200
    assert "2024年10月10日" in response.text


def test_calendar_page_computes_natural_days(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    response = client.get("/calendar/", {"start": "2024-09-21", "days": 10, "unit": "days"})
    assert "2024年10月8日" in response.text


def test_calendar_page_explains_an_unknown_year(demo, client_as):
    year = first_unknown_year()
    client = client_as(demo.users["donghu_officer"])
    response = client.get("/calendar/", {"start": f"{year}-03-01", "days": 5, "unit": "workdays"})
    assert response.status_code == 200
    assert f"{year}年节假日安排尚未录入" in response.text
    assert "期间届满日" not in response.text


def test_calendar_page_refuses_an_invalid_date_in_chinese(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    response = client.get("/calendar/", {"start": "2024-13-45", "days": 5, "unit": "workdays"})
    assert response.status_code == 200
    assert "请输入有效的日期" in response.text
    assert "期间届满日" not in response.text


# Entering a year (录入节假日安排).


def test_entering_a_year_writes_its_overrides(admin_user):
    year = first_unknown_year()
    entered = services.enter_calendar_year(
        actor=admin_user,
        year=year,
        notice="通知",
        holidays=[D(year, 1, 1)],
        workdays=[D(year, 2, 13)],
    )
    days = {o.date: o.is_workday for o in entered.days.all()}
    assert days == {D(year, 1, 1): False, D(year, 2, 13): True}


def test_entering_a_year_twice_is_refused(admin_user):
    year = first_unknown_year()
    services.enter_calendar_year(
        actor=admin_user, year=year, notice="通知", holidays=[D(year, 1, 1)], workdays=[]
    )
    with pytest.raises(ValidationError, match="已经录入"):
        services.enter_calendar_year(
            actor=admin_user, year=year, notice="通知", holidays=[D(year, 1, 2)], workdays=[]
        )
    assert CalendarYear.objects.filter(year=year).count() == 1
    assert not HolidayOverride.objects.filter(date=D(year, 1, 2)).exists()


def test_only_a_system_administrator_may_enter_a_year(django_user_model):
    year = first_unknown_year()
    user = django_user_model.objects.create_user("clerk", password="x")
    with pytest.raises(PermissionDenied, match="只有系统管理员"):
        services.enter_calendar_year(
            actor=user, year=year, notice="通知", holidays=[D(year, 1, 1)], workdays=[]
        )
    assert not CalendarYear.objects.exists()


@pytest.mark.parametrize("field", ["holidays", "workdays"])
def test_dates_outside_the_year_are_refused(admin_user, field):
    year = first_unknown_year()
    dates = {"holidays": [D(year, 1, 1)], "workdays": []}
    dates[field] = [*dates[field], D(year + 1, 1, 1)]
    with pytest.raises(ValidationError, match=f"不属于{year}年"):
        services.enter_calendar_year(actor=admin_user, year=year, notice="通知", **dates)
    assert not CalendarYear.objects.exists()
    assert not HolidayOverride.objects.exists()


def test_a_day_both_holiday_and_workday_is_refused(admin_user):
    year = first_unknown_year()
    with pytest.raises(ValidationError, match="不能既放假又调休上班"):
        services.enter_calendar_year(
            actor=admin_user,
            year=year,
            notice="通知",
            holidays=[D(year, 2, 6)],
            workdays=[D(year, 2, 6)],
        )
    assert not CalendarYear.objects.exists()


def _form_token(client) -> str:
    response = client.get("/calendar/new-year/")
    assert response.status_code == 200
    match = re.search(r'name="form_token" value="([0-9a-f]+)"', response.text)
    assert match, "the form has no hidden form_token"
    return match.group(1)


def _year_form(token: str, year: int, holidays: str, workdays: str = "") -> dict:
    return {
        "form_token": token,
        "year": year,
        "notice": "国务院办公厅关于部分节假日安排的通知",
        "holidays": holidays,
        "workdays": workdays,
    }


def test_year_form_creates_the_year_and_its_days(demo, client_as):
    year = first_unknown_year()
    client = client_as(demo.admin)
    token = _form_token(client)
    response = client.post(
        "/calendar/new-year/",
        _year_form(token, year, f"{year}-02-05 至 {year}-02-07\n{year}-01-01", f"{year}-02-13"),
    )
    assert response.status_code == 302
    entered = CalendarYear.objects.get(year=year)
    assert sorted(entered.days.filter(is_workday=False).values_list("date", flat=True)) == [
        D(year, 1, 1),
        D(year, 2, 5),
        D(year, 2, 6),
        D(year, 2, 7),
    ]
    assert list(entered.days.filter(is_workday=True).values_list("date", flat=True)) == [
        D(year, 2, 13)
    ]


def test_year_form_names_a_malformed_line_and_writes_nothing(demo, client_as):
    year = first_unknown_year()
    client = client_as(demo.admin)
    token = _form_token(client)
    response = client.post(
        "/calendar/new-year/", _year_form(token, year, f"{year}-01-01\n{year}-02-30")
    )
    assert response.status_code == 200
    assert f"放假日期第2行“{year}-02-30”不是有效的日期" in response.text
    assert not CalendarYear.objects.exists()
    assert not HolidayOverride.objects.exists()


def test_year_form_refuses_a_second_submission_of_the_same_page(demo, client_as):
    year = first_unknown_year()
    client = client_as(demo.admin)
    token = _form_token(client)
    first = client.post("/calendar/new-year/", _year_form(token, year, f"{year}-01-01"))
    assert first.status_code == 302
    # The same page again, even with another (valid) year: refused by the token alone.
    again = client.post("/calendar/new-year/", _year_form(token, year + 1, f"{year + 1}-01-01"))
    assert again.status_code == 200
    assert "请勿重复提交" in again.text
    assert list(CalendarYear.objects.values_list("year", flat=True)) == [year]
    assert HolidayOverride.objects.count() == 1


def test_year_form_is_for_system_administrators_only(demo, client_as):
    client = client_as(demo.users["donghu_admin"])
    assert client.get("/calendar/new-year/").status_code == 403
