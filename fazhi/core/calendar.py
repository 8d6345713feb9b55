"""The working-day calendar (工作日历).

Official holidays and 调休 make-up workdays come from the `chinese-calendar` package; an
administrator adds a year the package does not know yet from the State Council notice
(国务院办公厅关于某年部分节假日安排的通知) as HolidayOverride rows under a CalendarYear.
Overrides also win over the package, to correct it. A date in a year neither knows raises
CalendarYearUnknown — never a guess.
"""

import datetime
import functools
import itertools
from dataclasses import dataclass

import chinese_calendar
from django.core.exceptions import ValidationError
from django.dispatch import Signal

from .models import CalendarYear, HolidayOverride


@dataclass(frozen=True)
class PendingDate:
    """A period that ends in a year whose holidays are not entered: shown, not dropped, with
    its natural-day bound — n days after the start, which no holiday can make earlier (n
    working days are at least n days; a holiday only moves a natural-day end later)."""

    year: int
    bound: datetime.date

    def __str__(self) -> str:
        return f"待录入{self.year}年节假日安排后计算（按自然日计不早于{self.bound:%Y-%m-%d}）"


class CalendarYearUnknown(ValidationError):
    """The holidays of a year are not known yet; `pending` is the period's PendingDate when
    a period was being counted (add_days, add_working_days)."""

    pending: PendingDate | None = None

    def __init__(self, year: int):
        self.year = year
        super().__init__(
            f"{year}年节假日安排尚未录入，无法计算工作日。"
            f"请系统管理员根据国务院办公厅关于{year}年部分节假日安排的通知录入后再试。"
        )

    def __str__(self) -> str:
        return self.message


@functools.cache
def _package_years() -> range:
    """The years chinese-calendar ships data for (read from its own table)."""
    years = {day.year for day in chinese_calendar.holidays} | {
        day.year for day in chinese_calendar.workdays
    }
    return range(min(years), max(years) + 1)


def known_years() -> set[int]:
    return set(_package_years()) | set(CalendarYear.objects.values_list("year", flat=True))


# Sent (inside the service's transaction) when a year's holidays have been entered, so that
# the apps can compute the clocks they had to leave open: receivers get `year` and `actor`.
year_entered = Signal()


def date_or_none(compute, *args) -> datetime.date | None:
    """`compute(*args)`, or None while it ends in a year whose holidays are not entered."""
    try:
        return compute(*args)
    except CalendarYearUnknown:
        return None


def pending_or_none(compute, *args) -> PendingDate | None:
    """What a period left open (None in the stored date) shows until its year is entered."""
    try:
        compute(*args)
    except CalendarYearUnknown as unknown:
        return unknown.pending
    return None


def _note_pending(unknown: CalendarYearUnknown, start: datetime.date, n: int) -> None:
    unknown.pending = PendingDate(unknown.year, start + datetime.timedelta(days=n))


class _Span:
    """The calendar's knowledge for a span of days, read with two queries."""

    def __init__(self, first: datetime.date, last: datetime.date):
        self.first, self.last = first, last
        self.overrides = dict(
            HolidayOverride.objects.filter(date__range=(first, last)).values_list(
                "date", "is_workday"
            )
        )
        self.entered_years = set(
            CalendarYear.objects.filter(year__range=(first.year, last.year)).values_list(
                "year", flat=True
            )
        )

    def is_workday(self, day: datetime.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if day.year in _package_years():
            return chinese_calendar.is_workday(day)
        if day.year in self.entered_years:
            return day.weekday() < 5
        raise CalendarYearUnknown(day.year)


def _days_after(start: datetime.date):
    """(day, is_workday) for each day after `start`, reading the calendar in chunks."""
    chunk = datetime.timedelta(days=62)
    first = start + datetime.timedelta(days=1)
    while True:
        span = _Span(first, first + chunk)
        day = first
        while day <= span.last:
            yield day, span.is_workday(day)
            day += datetime.timedelta(days=1)
        first = span.last + datetime.timedelta(days=1)


def is_workday(day: datetime.date) -> bool:
    """Whether `day` is a working day (调休 make-up days count as working days)."""
    return _Span(day, day).is_workday(day)


def add_working_days(start: datetime.date, n: int) -> datetime.date:
    """The day on which a period of `n` 工作日 from `start` ends.

    # 民事诉讼法 第八十五条: 期间开始的时和日，不计算在期间内 — counting starts the next day.
    # 行政复议法 第八十八条: 本法关于行政复议期间有关“三日”、“五日”、“七日”、“十日”的规定是指工作日，
    #   不含法定休假日。
    """
    if n < 0:
        raise ValueError("工作日数不能为负数")
    if n == 0:
        return start
    workdays = (day for day, workday in _days_after(start) if workday)
    try:
        return next(itertools.islice(workdays, n - 1, None))
    except CalendarYearUnknown as unknown:
        _note_pending(unknown, start, n)
        raise


def add_days(start: datetime.date, n: int) -> datetime.date:
    """The day on which a period of `n` natural days from `start` ends.

    # 民事诉讼法 第八十五条: 期间开始的时和日，不计算在期间内。期间届满的最后一日是法定休假日的，
    #   以法定休假日后的第一日为期间届满的日期。
    """
    if n < 0:
        raise ValueError("天数不能为负数")
    day_before_last = start + datetime.timedelta(days=n - 1)
    try:
        return next(day for day, workday in _days_after(day_before_last) if workday)
    except CalendarYearUnknown as unknown:
        _note_pending(unknown, start, n)
        raise


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    if end <= start:
        return 0
    span = _Span(start, end)
    days = (end - start).days
    return sum(span.is_workday(start + datetime.timedelta(days=i)) for i in range(1, days + 1))


def shift_years(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day `years` later (or earlier); 29 February falls on 28 February.

    For validity periods written in years (a certificate's 年审, a term of office), which
    count calendar years and are not moved off holidays.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)
