"""Compute catalog indicators from the records: one aggregate query per record table for a
whole set of indicators, over a unit's subtree and a period, within what the user may see.
`breakdown` gives the same figures per child unit or per month, still one query per table
(per date field for months)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from django.apps import apps
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Substr, TruncMonth

from fazhi.core.querysets import acts_on

from . import partials
from .registry import Indicator, get


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def _dated(indicator: Indicator, period: Period) -> Q:
    """The rows the period holds: dated within it, or — a register (`until_field`) — on the
    register at its end (begun by then, not ended by then)."""
    if indicator.until_field:
        ended = Q(**{f"{indicator.until_field}__isnull": True}) | Q(
            **{f"{indicator.until_field}__gt": period.end}
        )
        return Q(**{f"{indicator.date_field}__lte": period.end}) & ended
    return Q(**{f"{indicator.date_field}__range": (period.start, period.end)})


def _in_period(indicator: Indicator, period: Period) -> Q:
    condition = _dated(indicator, period)
    return condition & indicator.condition if indicator.condition is not None else condition


def _unit_field(model) -> str:
    return getattr(model, "scope_unit_field", "unit")


def _scoped(model, user, unit, *, rows: bool = False):
    # user=None: the unit's whole subtree regardless of who asks — only for the unit's own
    # statutory annual report, whose figures must not depend on the drafter's data scope.
    # A line whose rows are stricter than its counts (社区矫正: a 督察员 reads counts, never
    # rows) gives its manager `drilled(user)`, the records behind a figure.
    manager = model.objects
    if user is None:
        visible = manager.all()
    elif rows and hasattr(manager, "drilled"):
        visible = manager.drilled(user)
    else:
        visible = manager.restrict(user)
    return visible.filter(**{f"{_unit_field(model)}__path__startswith": unit.path})


def work_lines(indicator: Indicator) -> set[str]:
    """The work lines whose records the indicator counts (a ratio: both of its parts)."""
    if indicator.is_ratio:
        return work_lines(get(indicator.numerator)) | work_lines(get(indicator.denominator))
    line = getattr(apps.get_model(indicator.model), "work_line", None)
    return set() if line is None else {line}


def shown_to(user, indicators) -> list[Indicator]:
    """The indicators of the work lines `user` acts on. Any other figure would count only
    records `restrict` hides from the user, and so read as a misleading zero."""
    return [i for i in indicators if all(acts_on(user, line) for line in work_lines(i))]


def records(indicator_id: str, *, user, unit, period: Period):
    """The records a counted indicator counts: the figure's click-through."""
    indicator = get(indicator_id)
    if indicator.is_ratio:
        raise ValueError(f"{indicator_id} is a ratio: open its numerator or denominator")
    model = apps.get_model(indicator.model)
    return _scoped(model, user, unit, rows=True).filter(_in_period(indicator, period))


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


def _aggregate(indicator: Indicator, period: Period):
    condition = _in_period(indicator, period)
    if indicator.distinct_field:
        return Count(indicator.distinct_field, filter=condition, distinct=True)
    if indicator.sum_field:
        return Sum(indicator.sum_field, filter=condition)
    return Count("pk", filter=condition)


def _reported(indicator: Indicator, period: Period) -> Indicator:
    """The sum of `indicator.reported` over the reports dated in the period (a register: each
    unit's latest month in it) of the units with no row of the report model's `replaced_by`."""
    label, field = indicator.reported.rsplit(".", 1)
    report = apps.get_model(label)
    keeping = Q(pk__in=[])
    for replaced in report.replaced_by:
        rows = apps.get_model(replaced)
        keeping |= Q(**{f"{_unit_field(report)}__in": rows.objects.values(_unit_field(rows))})
    condition = ~keeping
    if indicator.until_field:
        unit_field = _unit_field(report)
        latest = report.objects.filter(
            **{unit_field: OuterRef(unit_field), "month__range": (period.start, period.end)}
        ).order_by("-month")
        condition &= Q(month=Subquery(latest.values("month")[:1]))
    return replace(
        indicator,
        model=label,
        date_field="month",
        sum_field=field,
        condition=condition,
        until_field=None,
        reported=None,
    )


def _grouped(ids, *, user, unit, period, group_by) -> dict:
    """{group key: {id: value}} with `group_by(model, indicator)` → (query key, expression)
    or None for no grouping; one query per distinct (model, query key)."""
    needed = _needed(ids)
    queries = defaultdict(list)
    counted = [i for i in needed if not i.is_ratio]
    counted += [_reported(i, period) for i in counted if i.reported]
    for indicator in counted:
        model = apps.get_model(indicator.model)
        grouping = group_by(model, indicator)
        key = (model, grouping[0] if grouping else None, indicator.distinct_field)
        queries[key].append((indicator, grouping))
    counts: dict = defaultdict(dict)
    for (model, _, _), members in queries.items():
        aggregates = {
            f"v{i}": _aggregate(indicator, period) for i, (indicator, _) in enumerate(members)
        }
        aggregates.update(
            {
                f"n{i}": Count("pk", filter=_in_period(indicator, period))
                for i, (indicator, _) in enumerate(members)
                if indicator.single
            }
        )
        # Only rows dated within the period can count: let the date indexes narrow the scan.
        dated = Q()
        for indicator, _ in members:
            dated |= _dated(indicator, period)
        queryset = _scoped(model, user, unit).filter(dated)
        grouping = members[0][1]
        if grouping is None:
            rows = [{"key": None, **queryset.aggregate(**aggregates)}]
        else:
            rows = (
                queryset.annotate(key=grouping[1]).values("key").annotate(**aggregates).order_by()
            )
        for row in rows:
            for i, (indicator, _) in enumerate(members):
                # Added, not set: a reported figure joins its rows' (never the same unit).
                values = counts[row["key"]]
                if indicator.single:  # the one row's value, or none
                    values[indicator.id] = row[f"v{i}"] if row[f"n{i}"] == 1 else None
                    continue
                values[indicator.id] = values.get(indicator.id, 0) + (row[f"v{i}"] or 0)
    return counts, needed


def _finish(values: dict, needed, ids) -> dict:
    for indicator in needed:
        values.setdefault(indicator.id, None if indicator.is_ratio or indicator.single else 0)
    for indicator in needed:
        if indicator.is_ratio:
            values[indicator.id] = _ratio(values, indicator)
    return {indicator_id: values[indicator_id] for indicator_id in ids}


def compute(ids, *, user, unit, period: Period) -> dict[str, Decimal | int | None]:
    """Values of `ids`; a ratio with a zero denominator is None (shown as "—"). For a period
    of whole months, the figures kept in partials are sums of the stored partials of the
    subtree's units (`partials.answer`); the others are counted from the records."""
    needed = _needed(ids)
    counted = [indicator for indicator in needed if not indicator.is_ratio]
    values = partials.answer(counted, user=user, unit=unit, period=period)
    rest = [indicator.id for indicator in counted if indicator.id not in values]
    if rest:
        counts, _ = _grouped(rest, user=user, unit=unit, period=period, group_by=lambda m, i: None)
        values.update(counts.get(None, {}))
    return _finish(values, needed, ids)


def direct(ids, *, user, unit, period: Period) -> dict[str, Decimal | int | None]:
    """`compute` counted from the records alone (the partials' check, the benchmark)."""
    counts, needed = _grouped(ids, user=user, unit=unit, period=period, group_by=lambda m, i: None)
    return _finish(dict(counts.get(None, {})), needed, ids)


def breakdown(ids, *, user, unit, period: Period, by: str, children=None) -> dict:
    """The values of `ids` per child unit (`by="child"`: {child: values} for the `children`
    of `unit` the caller may show) or per calendar month (`by="month"`: {first day of the
    month: values}), every key present."""
    if by == "child":
        children = list(children or [])
        lengths = {len(child.path) for child in children}
        if len(lengths) != 1:  # no children, or paths of uneven depth: one by one
            return {child: compute(ids, user=user, unit=child, period=period) for child in children}
        length = lengths.pop()

        def group_by(model, indicator):
            return ("child", Substr(f"{_unit_field(model)}__path", 1, length))

        # What every child's partials answer comes from them; the rest in one grouped count.
        needed = _needed(ids)
        counted = [indicator for indicator in needed if not indicator.is_ratio]
        answered = partials.answer_by_child(
            counted, user=user, unit=unit, period=period, children=children
        )
        common = set.intersection(*(set(values) for values in answered.values()))
        rest = [indicator.id for indicator in counted if indicator.id not in common]
        counts = {}
        if rest:
            counts, _ = _grouped(rest, user=user, unit=unit, period=period, group_by=group_by)
        return {
            child: _finish(
                {**counts.get(child.path, {}), **{i: answered[child][i] for i in common}},
                needed,
                ids,
            )
            for child in children
        }
    if by == "month":

        def group_by(model, indicator):
            return (indicator.date_field, TruncMonth(indicator.date_field))

        # What the partials answer comes from them, month by month in one query; the rest
        # in one grouped count per table and date field.
        needed = _needed(ids)
        counted = [indicator for indicator in needed if not indicator.is_ratio]
        answered = partials.answer_by_month(counted, user=user, unit=unit, period=period)
        rest = [indicator.id for indicator in counted if indicator.id not in answered]
        merged: dict = defaultdict(dict)
        if rest:
            counts, _ = _grouped(rest, user=user, unit=unit, period=period, group_by=group_by)
            for key, values in counts.items():
                if key is not None:
                    month = key.date() if isinstance(key, datetime.datetime) else key
                    merged[month].update(values)
        result = {}
        for month in partials.months_of(period):
            values = {**merged.get(month, {}), **{i: by[month] for i, by in answered.items()}}
            result[month] = _finish(values, needed, ids)
        return result
    raise ValueError(f"unknown breakdown {by!r}")


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
