"""What the dashboard shows: the key indicators of each work line for a unit and period,
the same period a year earlier, the child units side by side and the monthly trend."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ValidationError

from . import engine
from .engine import Period
from .registry import Indicator, catalog, get

# The figures a leader looks at first, per work line (only registered ones are shown).
KEY_INDICATORS = (
    "reconsideration.received",
    "reconsideration.accepted",
    "reconsideration.closed",
    "reconsideration.corrected",
    "reconsideration.correction_rate",
    "reconsideration.on_time_rate",
    "litigation.cases",
    "litigation.concluded",
    "litigation.lost",
    "litigation.loss_rate",
    "litigation.head_appearance_rate",
    "enforcement.penalty_cases",
    "enforcement.no_or_light_penalty_cases",
    "enforcement.certified_officers",
    "enforcement.legal_review_staff_ratio",
    "enforcement.case_files_reviewed",
    "enforcement.enterprise_inspections_reported",
    "enforcement.supervision_inspections",
)


def key_indicators() -> list[Indicator]:
    registered = catalog()
    return [registered[i] for i in KEY_INDICATORS if i in registered]


def area_label(indicator: Indicator) -> str:
    """The work line's Chinese name, from the app whose records the indicator counts."""
    while indicator.is_ratio:
        indicator = get(indicator.numerator)
    return apps.get_model(indicator.model)._meta.app_config.verbose_name


def parse_period(start: str, end: str, year: str, today: datetime.date) -> Period:
    """A calendar year by default; any date range when both ends are given."""
    if start or end:
        try:
            period = Period(datetime.date.fromisoformat(start), datetime.date.fromisoformat(end))
        except ValueError:
            raise ValidationError(
                "统计期间的日期无效，请使用 2025-01-01 这样的格式，并同时填写起止日期"
            ) from None
        if period.end < period.start:
            raise ValidationError("统计期间的结束日期不能早于开始日期")
        return period
    try:
        return Period.year(int(year) if year else today.year)
    except ValueError:
        raise ValidationError(f"年份“{year}”无效") from None


def previous(period: Period) -> Period:
    def back(day: datetime.date) -> datetime.date:
        try:
            return day.replace(year=day.year - 1)
        except ValueError:  # 29 February
            return day.replace(year=day.year - 1, day=28)

    return Period(back(period.start), back(period.end))


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    area: str
    value: Decimal | int | None
    last_year: Decimal | int | None

    @property
    def change(self) -> Decimal | None:
        """同比: in percent for counts, in percentage points for rates."""
        if self.value is None or self.last_year is None:
            return None
        if self.indicator.unit == "%":
            return Decimal(self.value) - Decimal(self.last_year)
        if not self.last_year:
            return None
        return (Decimal(self.value - self.last_year) * 100 / Decimal(self.last_year)).quantize(
            Decimal("0.1")
        )


def rows(indicators, *, user, unit, period: Period) -> list[Row]:
    ids = [i.id for i in indicators]
    now = engine.compute(ids, user=user, unit=unit, period=period)
    before = engine.compute(ids, user=user, unit=unit, period=previous(period))
    return [Row(i, area_label(i), now[i.id], before[i.id]) for i in indicators]


def children_table(indicators, *, user, unit, children, period: Period):
    """[(child unit, [value per indicator])] — the child units side by side."""
    ids = [i.id for i in indicators]
    values = engine.breakdown(
        ids, user=user, unit=unit, period=period, by="child", children=children
    )
    return [(child, [values[child][i] for i in ids]) for child in children]


def monthly(
    indicator: Indicator, *, user, unit, period: Period
) -> list[tuple[str, Decimal | int | None]]:
    """(月份, value) for each calendar month of the period."""
    values = engine.breakdown([indicator.id], user=user, unit=unit, period=period, by="month")
    return [(f"{month.month}月", value[indicator.id]) for month, value in values.items()]
