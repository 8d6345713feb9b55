"""The due list (待办): one interface through which every app reports what is due.

An app's `deadlines.py` registers a provider: a function `(user, today) -> iterable of
DueItem` that reads only through the app's scoped selectors.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import reverse

from .calendar import CalendarYearUnknown, PendingDate, known_years


@dataclass(frozen=True)
class DueItem:
    title: str
    due_date: datetime.date
    url: str
    work_line: str  # the app's Chinese name, e.g. 行政复议
    basis: str = ""  # the statute the clock comes from, e.g. 行政复议法 第三十条
    # A long clock may ask to be listed earlier than the list's horizon (e.g. 30 days ahead).
    remind_from: datetime.date | None = None
    # A period ending in a year whose holidays are not entered: due_date is its natural-day
    # bound, and the list shows "待录入…后计算" instead of a date.
    pending: PendingDate | None = None

    def status(self, today: datetime.date) -> str:
        if self.pending is not None:
            return "pending"
        if self.due_date < today:
            return "overdue"
        return "today" if self.due_date == today else "upcoming"


# A provider `(user, today, horizon)` yields the DueItems due by `horizon` (it may yield later
# ones too; they are dropped), and a str for a clock it cannot compute (a warning). It should
# select in the database what can be due by `horizon`: a province's list is long.
DueProvider = Callable[[object, datetime.date, datetime.date], Iterable[DueItem | str]]
# The most items one provider contributes; the list says when there were more.
LIMIT = 500
_providers: list[DueProvider] = []


def register_due_provider(provider: DueProvider) -> DueProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def providers() -> tuple[DueProvider, ...]:
    return tuple(_providers)


@dataclass(frozen=True)
class DueList:
    items: list[DueItem]
    warnings: list[str]
    truncated: bool = False  # a provider had more than LIMIT items


# The longest period counted from about today (复议: 60 days, extended by up to 30): a year
# it may end in must be entered before, or its periods can only be bounded in natural days.
CALENDAR_LOOKAHEAD_DAYS = 120


def calendar_years_due(user, today: datetime.date, horizon: datetime.date):
    """系统管理员: enter the holidays of the years the running periods may end in."""
    if not user.is_superuser:
        return
    known = known_years()
    last = today + datetime.timedelta(days=CALENDAR_LOOKAHEAD_DAYS)
    for year in range(today.year, last.year + 1):
        if year not in known:
            yield DueItem(
                title=f"录入{year}年节假日安排：届满于{year}年的法定期限在录入前无法计算",
                due_date=datetime.date(year, 1, 1),
                url=reverse("core:calendar_year_create"),
                work_line="系统管理",
                basis=f"国务院办公厅关于{year}年部分节假日安排的通知",
                remind_from=today,
            )


def due_list(user, today: datetime.date, horizon_days: int = 14, limit: int = LIMIT) -> DueList:
    """Everything due for `user` up to `horizon_days` ahead, overdue first, then by date."""
    horizon = today + datetime.timedelta(days=horizon_days)
    items, warnings, truncated = [], [], False
    for provider in _providers:
        taken = 0
        try:
            for item in provider(user, today, horizon):
                if isinstance(item, str):
                    warnings.append(item)
                elif item.due_date <= horizon or (item.remind_from and item.remind_from <= today):
                    if taken == limit:
                        truncated = True
                        break
                    items.append(item)
                    taken += 1
        except CalendarYearUnknown as error:
            warnings.append(error.message)
    items.sort(key=lambda item: (item.due_date, item.title))
    return DueList(items=items, warnings=sorted(set(warnings)), truncated=truncated)
