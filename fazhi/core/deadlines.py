"""The due list (待办): one interface through which every app reports what is due.

An app's `deadlines.py` registers a provider: a function `(user, today) -> iterable of
DueItem` that reads only through the app's scoped selectors.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .calendar import CalendarYearUnknown


@dataclass(frozen=True)
class DueItem:
    title: str
    due_date: datetime.date
    url: str
    work_line: str  # the app's Chinese name, e.g. 行政复议
    basis: str = ""  # the statute the clock comes from, e.g. 行政复议法 第三十条

    def status(self, today: datetime.date) -> str:
        if self.due_date < today:
            return "overdue"
        return "today" if self.due_date == today else "upcoming"


# A provider yields DueItems, and a str for a clock it cannot compute (a warning).
DueProvider = Callable[[object, datetime.date], Iterable[DueItem | str]]
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


def due_list(user, today: datetime.date, horizon_days: int = 14) -> DueList:
    """Everything due for `user` up to `horizon_days` ahead, overdue first, then by date."""
    horizon = today + datetime.timedelta(days=horizon_days)
    items, warnings = [], []
    for provider in _providers:
        try:
            for item in provider(user, today):
                if isinstance(item, str):
                    warnings.append(item)
                elif item.due_date <= horizon:
                    items.append(item)
        except CalendarYearUnknown as error:
            warnings.append(error.message)
    items.sort(key=lambda item: (item.due_date, item.title))
    return DueList(items=items, warnings=sorted(set(warnings)))
