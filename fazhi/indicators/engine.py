"""Compute catalog indicators from the records: one aggregate query per record table for a
whole set of indicators, over a unit's subtree and a period, within what the user may see."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.apps import apps
from django.db.models import Count, Q, Sum

from .registry import Indicator, get


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def _in_period(indicator: Indicator, period: Period) -> Q:
    condition = Q(**{f"{indicator.date_field}__range": (period.start, period.end)})
    return condition & indicator.condition if indicator.condition is not None else condition


def _scoped(model, user, unit):
    unit_field = getattr(model, "scope_unit_field", "unit")
    return model.objects.restrict(user).filter(**{f"{unit_field}__path__startswith": unit.path})


def records(indicator_id: str, *, user, unit, period: Period):
    """The records a counted indicator counts: the figure's click-through."""
    indicator = get(indicator_id)
    if indicator.is_ratio:
        raise ValueError(f"{indicator_id} is a ratio: open its numerator or denominator")
    model = apps.get_model(indicator.model)
    return _scoped(model, user, unit).filter(_in_period(indicator, period))


def _needed(ids) -> list[Indicator]:
    seen: dict[str, Indicator] = {}
    stack = list(ids)
    while stack:
        indicator = get(stack.pop())
        if indicator.id not in seen:
            seen[indicator.id] = indicator
            if indicator.is_ratio:
                stack += [indicator.numerator, indicator.denominator]
    return list(seen.values())


def compute(ids, *, user, unit, period: Period) -> dict[str, Decimal | int | None]:
    """Values of `ids`; a ratio with a zero denominator is None (shown as "—")."""
    needed = _needed(ids)
    by_model = defaultdict(list)
    for indicator in needed:
        if not indicator.is_ratio:
            by_model[indicator.model].append(indicator)
    values: dict[str, Decimal | int | None] = {}
    for model_label, indicators in by_model.items():
        model = apps.get_model(model_label)
        aggregates = {}
        for index, indicator in enumerate(indicators):
            condition = _in_period(indicator, period)
            aggregates[f"v{index}"] = (
                Sum(indicator.sum_field, filter=condition)
                if indicator.sum_field
                else Count("pk", filter=condition)
            )
        row = _scoped(model, user, unit).aggregate(**aggregates)
        for index, indicator in enumerate(indicators):
            values[indicator.id] = row[f"v{index}"] or 0
    for indicator in needed:
        if indicator.is_ratio:
            values[indicator.id] = _ratio(values, indicator)
    return {indicator_id: values[indicator_id] for indicator_id in ids}


def _ratio(values, indicator: Indicator) -> Decimal | None:
    numerator = values.get(indicator.numerator)
    if numerator is None:
        numerator = _ratio(values, get(indicator.numerator))
    denominator = values[indicator.denominator]
    if not denominator or numerator is None:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
