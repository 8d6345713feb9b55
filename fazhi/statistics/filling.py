"""Filling a return: each cell computed once from the records through the indicator engine (one
aggregate query per record table for the whole table), or summed from the children's
submitted returns plus the own units' records; typed cells kept; sums and rates derived."""

from decimal import ROUND_HALF_UP, Decimal

from fazhi.core.models import Unit
from fazhi.indicators import engine

from . import tables

# The areas whose returns a superior consolidates: a 市 sums its 区/县, a 省 its 市.
CHILD_AREA_KINDS = (Unit.Kind.CITY, Unit.Kind.DISTRICT)


def child_areas(area: Unit) -> list[Unit]:
    return list(
        Unit.objects.filter(parent=area, kind__in=CHILD_AREA_KINDS, is_active=True).order_by(
            "division_code", "path"
        )
    )


def number(value) -> int | float:
    """A figure as stored (JSON): an integer, or a decimal to two places."""
    if value is None:
        return 0
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def period_of(statreturn) -> engine.Period:
    return engine.Period(statreturn.period_start, statreturn.period_end)


def counted(layout: dict) -> dict[str, str]:
    """{cell id: indicator id} of the cells counted from the records."""
    return {
        cid: spec["indicator"] for cid, spec in tables.cells(layout).items() if "indicator" in spec
    }


def from_records(layout: dict, area: Unit, period: engine.Period, children=()) -> dict:
    """The counted cells for `area`'s subtree; with `children`, for the area's own units only
    (the subtree less the children's subtrees: two queries per record table)."""
    ids_of = counted(layout)
    ids = sorted(set(ids_of.values()))
    if not ids:
        return {}
    # user=None: the area's whole subtree, whoever fills it — a return is the unit's duty and
    # must not depend on the filler's work lines (as the annual report's figures).
    total = engine.compute(ids, user=None, unit=area, period=period)
    if children:
        per_child = engine.breakdown(
            ids, user=None, unit=area, period=period, by="child", children=children
        )
        total = {i: total[i] - sum(values[i] for values in per_child.values()) for i in ids}
    return {cell_id: number(total[indicator_id]) for cell_id, indicator_id in ids_of.items()}


def derive(layout: dict, values: dict) -> dict:
    """Sums and rates of the table, from its other cells (in the table's order)."""
    result = dict(values)
    for cell_id, spec in tables.cells(layout).items():
        if "sum" in spec:
            result[cell_id] = number(sum(Decimal(str(result.get(c) or 0)) for c in spec["sum"]))
        elif "rate" in spec:
            numerator, denominator = (Decimal(str(result.get(c) or 0)) for c in spec["rate"])
            result[cell_id] = None if not denominator else number(numerator * 100 / denominator)
    return result


def fill(statreturn, children_returns=()) -> tuple[dict, dict, dict]:
    """(values, sources, parts) of the return now: counted cells from the records (own units
    only for a consolidated return, plus the children's frozen values), typed cells as they
    were typed, derived cells from the others."""
    layout = statreturn.template.layout
    specs = tables.cells(layout)
    children = child_areas(statreturn.area) if statreturn.consolidated else ()
    values = from_records(layout, statreturn.area, period_of(statreturn), children)
    sources = {cell_id: "computed" for cell_id in values}
    for cell_id, spec in specs.items():
        if "manual" in spec:
            # A consolidated return's typed cells are its children's sum (the own units type
            # none); a filing unit's keep what was typed.
            values[cell_id] = 0 if statreturn.consolidated else statreturn.values.get(cell_id)
            sources[cell_id] = "manual"
    parts = {}
    for child in children_returns:
        latest = child.latest_version()
        child_values = latest.values if latest else child.values
        parts[str(child.pk)] = {
            "area": child.area.name,
            "version": latest.number if latest else 0,
            "values": child_values,
        }
        for cell_id, spec in specs.items():
            if "indicator" in spec or "manual" in spec:
                add = Decimal(str(child_values.get(cell_id) or 0))
                values[cell_id] = number(Decimal(str(values.get(cell_id) or 0)) + add)
                sources[cell_id] = "consolidated"
    for cell_id, spec in specs.items():
        if "sum" in spec or "rate" in spec:
            sources[cell_id] = "derived"
    return derive(layout, values), sources, parts
