"""Report periods (报告期) by key: "2025" (年), "2025H1" (半年), "2025Q3" (季), "2025-11" (月)."""

import calendar
import datetime
import re

from django.core.exceptions import ValidationError

from .models import PeriodType

_PATTERNS = {
    PeriodType.YEAR: re.compile(r"^(\d{4})$"),
    PeriodType.HALF: re.compile(r"^(\d{4})H([12])$"),
    PeriodType.QUARTER: re.compile(r"^(\d{4})Q([1-4])$"),
    PeriodType.MONTH: re.compile(r"^(\d{4})-(\d{1,2})$"),
}
EXAMPLES = {
    PeriodType.YEAR: "2025",
    PeriodType.HALF: "2025H1",
    PeriodType.QUARTER: "2025Q3",
    PeriodType.MONTH: "2025-11",
}


def _months(period_type: str, number: int) -> tuple[int, int]:
    if period_type == PeriodType.YEAR:
        return 1, 12
    if period_type == PeriodType.HALF:
        return 6 * number - 5, 6 * number
    if period_type == PeriodType.QUARTER:
        return 3 * number - 2, 3 * number
    return number, number


def parse(period_type: str, key: str) -> tuple[str, datetime.date, datetime.date]:
    """(normalised key, first day, last day); ValidationError in Chinese for a bad key."""
    text = (key or "").strip().upper()
    match = _PATTERNS[period_type].match(text)
    if match is None:
        raise ValidationError(
            f"报告期“{key}”格式不正确：{PeriodType(period_type).label}应写作“{EXAMPLES[period_type]}”"
        )
    year = int(match.group(1))
    number = int(match.group(2)) if match.lastindex and match.lastindex > 1 else 1
    if period_type == PeriodType.MONTH and not 1 <= number <= 12:
        raise ValidationError(f"报告期“{key}”的月份应为1至12")
    if not 2000 <= year <= 2100:
        raise ValidationError(f"报告期“{key}”的年度不正确")
    first, last = _months(period_type, number)
    start = datetime.date(year, first, 1)
    end = datetime.date(year, last, calendar.monthrange(year, last)[1])
    if period_type == PeriodType.MONTH:
        text = f"{year}-{number:02d}"
    return text, start, end


def type_of(key: str) -> str:
    for period_type, pattern in _PATTERNS.items():
        if pattern.match(key):
            return period_type
    raise ValidationError(f"报告期“{key}”格式不正确")


def label(key: str) -> str:
    period_type = type_of(key)
    _, start, end = parse(period_type, key)
    if period_type == PeriodType.YEAR:
        return f"{start.year}年"
    if period_type == PeriodType.HALF:
        return f"{start.year}年{'上' if start.month == 1 else '下'}半年"
    if period_type == PeriodType.QUARTER:
        return f"{start.year}年第{(start.month + 2) // 3}季度"
    return f"{start.year}年{start.month}月"


def same_period_last_year(key: str) -> str:
    type_of(key)
    return f"{int(key[:4]) - 1}{key[4:]}"


def last_ended(period_type: str, today: datetime.date) -> str:
    """The key of the latest period of `period_type` that has ended by `today`."""
    year, month = today.year, today.month
    if period_type == PeriodType.MONTH:
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        return f"{year}-{month:02d}"
    if period_type == PeriodType.QUARTER:
        quarter = (month - 1) // 3
        return f"{year}Q{quarter}" if quarter else f"{year - 1}Q4"
    if period_type == PeriodType.HALF:
        return f"{year}H1" if month > 6 else f"{year - 1}H2"
    return str(year - 1)


def due_date(period_end: datetime.date, due_day: int, extra_days: int = 0) -> datetime.date:
    """报送时间: the `due_day` of the month after the period (统计制度's 次月N日前), plus the
    days a consolidating level has after its children."""
    year, month = (
        (period_end.year + 1, 1)
        if period_end.month == 12
        else (period_end.year, period_end.month + 1)
    )
    day = min(due_day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day) + datetime.timedelta(days=extra_days)
