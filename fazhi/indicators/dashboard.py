"""What the dashboard shows: the key indicators of each work line for a unit and period,
the same period a year earlier, the child units side by side and the monthly trend."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ValidationError

from fazhi.core import calendar
from fazhi.core.dataversion import remember
from fazhi.core.models import Unit
from fazhi.core.querysets import scope_key
from fazhi.core.selectors import unit_children

from . import engine
from .catalog import AREAS, area_of
from .engine import Period
from .registry import Indicator, get, registered


def key_indicators() -> list[Indicator]:
    """The figures a leader looks at first, as the lines mark them (`key=True`): the work
    lines in catalog order, each line's in the order it registers them."""
    keyed = [i for i in registered().values() if i.key]
    return sorted(keyed, key=lambda i: AREAS.index(area_of(i.id)))


def area_label(indicator: Indicator) -> str:
    """The work line's Chinese name, from the app whose records the indicator counts."""
    while indicator.is_ratio:
        indicator = get(indicator.numerator)
    return apps.get_model(indicator.model)._meta.app_config.verbose_name


MAX_PERIOD_YEARS = 10  # a longer period is a report of its own, not a dashboard


def parse_period(start: str, end: str, year: str, today: datetime.date) -> Period:
    """A calendar year by default; any date range when both ends are given. At most ten
    years, within the years the working-day calendar knows (the clocks the figures count
    were computed on it) or, past them, up to the current year."""
    if start or end:
        try:
            period = Period(datetime.date.fromisoformat(start), datetime.date.fromisoformat(end))
        except ValueError:
            raise ValidationError(
                "统计期间的日期无效，请使用 2025-01-01 这样的格式，并同时填写起止日期"
            ) from None
        if period.end < period.start:
            raise ValidationError("统计期间的结束日期不能早于开始日期")
    else:
        try:
            number = int(year) if year else today.year
        except ValueError:
            raise ValidationError(f"年份“{year}”无效") from None
        first, last = _years(today)
        if not first <= number <= last:
            raise ValidationError(f"年份须在{first}年至{last}年之间")
        period = Period.year(number)
    _check_bounds(period, today)
    return period


def _years(today: datetime.date) -> tuple[int, int]:
    known = calendar.known_years()
    return min(known), max(*known, today.year)


def _check_bounds(period: Period, today: datetime.date) -> None:
    first, last = _years(today)
    if period.start.year < first or period.end.year > last:
        raise ValidationError(
            f"统计期间须在{first}年至{last}年之间（工作日历已知的年份），请缩小期间"
        )
    if calendar.shift_years(period.start, MAX_PERIOD_YEARS) <= period.end:
        raise ValidationError(f"统计期间最长为{MAX_PERIOD_YEARS}年，请缩小期间")


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


@dataclass(frozen=True)
class Child:
    pk: int
    name: str


@dataclass(frozen=True)
class Figures:
    """Every computed value the dashboard shows (plain values, so that they can be cached)."""

    now: dict
    last_year: dict
    children: list  # [(Child, {id: value})] for the child units the user may see
    months: dict  # trend indicator id → [(月份, value)]
    # "Where do we stand": the unit among the areas of its parent area — {id: Standing}.
    standings: dict = None
    parent: str = ""  # the parent area's name


def figures_key(indicators, *, user, unit, trends, period: Period) -> tuple:
    """What, beside the data version, the dashboard's figures depend on — the user's scope
    among them (which also decides the child units shown), so that no figure is ever shown
    outside the scope it was computed in."""
    return (
        unit.pk,
        period.start,
        period.end,
        tuple(i.id for i in indicators),
        tuple(i.id for i in trends),
        scope_key(user),
    )


def figures(indicators, *, user, unit, trends, period: Period) -> Figures:
    """The dashboard's figures, computed once per change of the records (cached under the
    data version and `figures_key`)."""
    ids = [i.id for i in indicators]

    def compute() -> Figures:
        scope = {"user": user, "unit": unit}
        children = list(unit_children(user, unit))
        by_child = engine.breakdown(ids, **scope, period=period, by="child", children=children)
        now = engine.compute(ids, **scope, period=period)
        parent, standings = _standings(ids, unit, now, period)
        return Figures(
            now=now,
            last_year=engine.compute(ids, **scope, period=previous(period)),
            children=[(Child(c.pk, c.name), by_child[c]) for c in children],
            months=_monthly([i.id for i in trends], **scope, period=period),
            standings=standings,
            parent=parent,
        )

    key = figures_key(indicators, user=user, unit=unit, trends=trends, period=period)
    return remember("dashboard", key, compute, user=user)


@dataclass(frozen=True)
class Standing:
    rank: int | None  # among the sibling areas, highest value first; None: no value
    of: int  # how many sibling areas have a value
    parent_value: Decimal | int | None  # the parent area's (the city's) figure


def _standings(ids, unit, now: dict, period: Period) -> tuple[str, dict]:
    """The unit's rank among the areas of its parent area (a district among the city's
    districts and counties) and the parent's figure. Only these aggregates leave the sibling
    areas — never their names or records (docs/permissions.md)."""
    parent = unit.parent
    if not unit.is_area or parent is None:
        return "", {}
    siblings = list(Unit.objects.filter(parent=parent, kind__in=Unit.AREA_KINDS))
    if len(siblings) < 2:
        return "", {}
    # Figures of the whole areas, whoever asks: the same for every leader who compares.
    by_area = engine.breakdown(
        ids, user=None, unit=parent, period=period, by="child", children=siblings
    )
    whole = engine.compute(ids, user=None, unit=parent, period=period)
    own = by_area.get(unit, now)
    standings = {}
    for indicator_id in ids:
        if get(indicator_id).single:  # a unit's own score: never compared with its siblings'
            continue
        values = [v[indicator_id] for v in by_area.values() if v[indicator_id] is not None]
        mine = own[indicator_id]
        rank = None if mine is None else 1 + sum(1 for v in values if v > mine)
        standings[indicator_id] = Standing(rank, len(values), whole[indicator_id])
    return parent.name, standings


def standing_rows(indicators, values: Figures) -> list:
    """[(indicator, the unit's value, Standing)] for the comparison with sibling areas."""
    standings = values.standings or {}
    return [(i, values.now[i.id], standings[i.id]) for i in indicators if i.id in standings]


def rows(indicators, values: Figures) -> list[Row]:
    return [Row(i, area_label(i), values.now[i.id], values.last_year[i.id]) for i in indicators]


def children_table(indicators, values: Figures):
    """[(child unit, [value per indicator])] — the child units side by side."""
    return [(child, [by_id[i.id] for i in indicators]) for child, by_id in values.children]


@dataclass(frozen=True)
class ChildRank:
    rank: int | None  # highest value first; None: no value
    child: Child
    value: Decimal | int | None
    share: Decimal | None  # percent of the unit's figure (counts only)


def children_ranked(indicators, values: Figures, chosen: str = "") -> tuple:
    """(indicator, [ChildRank]) — the child units ranked on one figure: `chosen`, or the
    first key figure that any child has a record for. Units with nothing come last."""
    if not values.children or not indicators:
        return None, []
    by_id = {i.id: i for i in indicators}
    indicator = by_id.get(chosen)
    if indicator is None:
        indicator = next(
            (i for i in indicators if any(v[i.id] for _, v in values.children)), indicators[0]
        )
    total = values.now[indicator.id]
    entries = [(child, v[indicator.id]) for child, v in values.children]
    present = [value for _, value in entries if value is not None]
    ranked = []
    for child, value in entries:
        rank = None if value is None else 1 + sum(1 for other in present if other > value)
        share = None
        if indicator.unit != "%" and value is not None and total:
            share = (Decimal(value) * 100 / Decimal(total)).quantize(Decimal("0.1"))
        ranked.append(ChildRank(rank, child, value, share))
    ranked.sort(key=lambda r: (r.rank is None, r.rank or 0, r.child.name))
    return indicator, ranked


def _monthly(ids: list[str], *, user, unit, period: Period) -> dict:
    """{id: [(月份, value)]} for each calendar month of the period, of every trend at once
    (from the stored partials where they answer: one query)."""
    if not ids:
        return {}
    values = engine.breakdown(ids, user=user, unit=unit, period=period, by="month")
    return {i: [(f"{month.month}月", value[i]) for month, value in values.items()] for i in ids}


# Sections the work lines add below the figures (contributed as "dashboard", since this app
# may not import them): each a callable (request, unit, period) -> HTML, "" for nothing.
PANELS: list = []


def register_panels(*panels) -> None:
    PANELS.extend(panels)


def panels_html(request, unit, period: Period) -> list[str]:
    return [html for panel in PANELS if (html := panel(request, unit, period))]
