"""Every read of the returns, scoped to what the user may see; the consolidation's children
and the comparisons the checks make."""

from django.db.models import Q

from fazhi.core.models import Unit  # noqa: F401  (views read it from here)

from . import filling, periods, tables
from .models import EDITABLE, FROZEN, ReturnTemplate, ReturnVersion, State, StatReturn, UrgeNotice


def returns(user, *, search: str = "", state: str = "", template: str = ""):
    queryset = StatReturn.objects.restrict(user).select_related("template", "area", "unit")
    if search:
        queryset = queryset.filter(
            Q(area__name__icontains=search)
            | Q(template__name__icontains=search)
            | Q(template__code__icontains=search)
            | Q(period_key__icontains=search)
        )
    if state:
        queryset = queryset.filter(state=state)
    if template:
        queryset = queryset.filter(template__code=template)
    return queryset


def templates():
    return ReturnTemplate.objects.all()


def template_codes() -> list[tuple[str, str]]:
    seen = {}
    for template in ReturnTemplate.objects.order_by("code", "-version"):
        seen.setdefault(
            template.code,
            f"{template.code} {template.name}（{template.get_period_type_display()}）",
        )
    return list(seen.items())


def filing_units(user):
    """The units the user may open returns for: the 司法局 of the user's own area (a superior
    consolidates, it does not file for its districts)."""
    from fazhi.core.querysets import active_membership
    from fazhi.core.roles import Action

    units = Unit.objects.restrict(user, Action.CREATE).filter(
        is_active=True, kind=Unit.Kind.JUSTICE_BUREAU
    )
    membership = active_membership(user)
    if user.is_superuser or membership is None:
        return units
    own = membership.unit
    return units.filter(parent=own if own.is_area else own.parent)


def filing_unit(area: Unit) -> Unit | None:
    """Who files for an area: its 司法局."""
    return Unit.objects.filter(parent=area, kind=Unit.Kind.JUSTICE_BUREAU, is_active=True).first()


def children_returns(statreturn: StatReturn) -> list[StatReturn]:
    """The child areas' returns of the same table and period (unscoped: the consolidation's
    own inputs; the superior's scope covers them)."""
    return list(
        StatReturn.objects.filter(
            template__code=statreturn.template.code,
            period_key=statreturn.period_key,
            area__parent=statreturn.area,
        )
        .select_related("area", "unit")
        .prefetch_related("versions")
    )


def children_status(statreturn: StatReturn) -> list[dict]:
    """Each child area with its return (None: not begun), state and whether it is late."""
    from fazhi.core.guards import today

    by_area = {r.area_id: r for r in children_returns(statreturn)}
    rows = []
    now = today()
    for area in filling.child_areas(statreturn.area):
        found = by_area.get(area.pk)
        state = found.state if found else ""
        due = (
            found.due_date
            if found
            else periods.due_date(statreturn.period_end, statreturn.template.due_day)
        )
        submitted = found is not None and state in FROZEN
        late = (found.submitted_on > due) if submitted else now > due
        included = found is not None and str(found.pk) in statreturn.parts
        part = statreturn.parts.get(str(found.pk)) if found else None
        latest = found.latest_version() if found and submitted else None
        rows.append(
            {
                "area": area,
                "return": found,
                "state": state,
                "state_label": _state_label(found),
                "nil": bool(found and found.nil_return and submitted),
                "due": due,
                "late": late,
                "submitted": submitted,
                "included": included,
                # A child's correction after consolidation: the difference to the sum.
                "changed": bool(part and latest and part["version"] != latest.number),
                "difference": _difference(part["values"], latest.values) if part and latest else {},
            }
        )
    return rows


def _state_label(found: StatReturn | None) -> str:
    if found is None:
        return "未填报"
    if found.nil_return and found.state in FROZEN:
        return f"零上报（{found.get_state_display()}）"
    return found.get_state_display()


def _difference(before: dict, after: dict) -> dict:
    return {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v}


def parent_return(statreturn: StatReturn) -> StatReturn | None:
    if statreturn.area.parent_id is None:
        return None
    return StatReturn.objects.filter(
        template__code=statreturn.template.code,
        period_key=statreturn.period_key,
        area_id=statreturn.area.parent_id,
    ).first()


def last_year_values(statreturn: StatReturn) -> dict:
    """The same period a year before: the frozen return if there is one, else the counted
    cells from the records (the ±50% comparison)."""
    key = periods.same_period_last_year(statreturn.period_key)
    before = StatReturn.objects.filter(
        template__code=statreturn.template.code, area=statreturn.area, period_key=key
    ).first()
    if before is not None and before.state in FROZEN:
        return before.values
    period_type = statreturn.template.period_type
    _, start, end = periods.parse(period_type, key)
    from fazhi.indicators.engine import Period

    if statreturn.consolidated:  # its own units alone say nothing of the area's last year
        return {}
    return filling.from_records(statreturn.template.layout, statreturn.area, Period(start, end))


def other_tables(statreturn: StatReturn) -> dict:
    """{template code: values} of the area's other returns of the same period."""
    return {
        other.template.code: other.values
        for other in StatReturn.objects.filter(
            area=statreturn.area, period_key=statreturn.period_key
        )
        .exclude(pk=statreturn.pk)
        .select_related("template")
    }


def versions_of(user, statreturn: StatReturn):
    return (
        ReturnVersion.objects.restrict(user)
        .filter(statreturn=statreturn)
        .select_related("signed_by")
    )


def open_returns(user, horizon):
    """Returns not yet submitted and due by `horizon`, for the due list."""
    return (
        StatReturn.objects.restrict(user, "change")
        .filter(state__in=(*EDITABLE, State.FILLED, State.APPROVED), due_date__lte=horizon)
        .select_related("template", "area")
        .order_by("due_date", "pk")
    )


def open_urge_notices(user):
    """催报 notices of the user's unit whose return is still not submitted."""
    notices = UrgeNotice.objects.restrict(user, "change").select_related("template", "area")
    submitted = {
        (r.template.code, r.area_id, r.period_key)
        for r in StatReturn.objects.filter(
            state__in=FROZEN, area__in=[n.area_id for n in notices]
        ).select_related("template")
    }
    return [n for n in notices if (n.template.code, n.area_id, n.period_key) not in submitted]


def drift(statreturn: StatReturn) -> list[dict]:
    """A frozen return's counted cells whose figure is no longer what the records give for its
    area and period (issue 19 item 5: show both): the records changed after 上报, or the
    figure was typed over (`why` says which). A consolidated return against its whole area's
    records, as the dashboard counts them. One engine computation for the whole table."""
    if statreturn.state not in FROZEN:
        return []
    layout = statreturn.template.layout
    indicator_of = filling.counted(layout)
    now = filling.from_records(layout, statreturn.area, filling.period_of(statreturn))
    found = []
    for cell, figure in now.items():
        frozen = statreturn.values.get(cell)
        if frozen == figure:
            continue
        if statreturn.consolidated:
            why = "汇总数为下级上报数之和加本级记录数：上报后记录有变动，或下级改写了记录数"
        elif statreturn.sources.get(cell) == "override" and statreturn.records.get(cell) == figure:
            why = f"填报时改写了记录数：{statreturn.explanations.get(cell, '')}"
        else:
            why = "上报后记录有变动"
        found.append(
            {
                "cell": cell,
                "row": cell.split("-", 1)[0],
                "label": tables.cell_label(layout, cell),
                "indicator": indicator_of[cell],
                "frozen": frozen,
                "now": figure,
                "why": why,
            }
        )
    return found


def frozen_returns(user, area: Unit, start, end):
    """The area's submitted returns of periods within [start, end], for the dashboard (what
    `user` may see) and the annual report (user None: the report's own area's, whoever reads
    its draft, as its figures are)."""
    queryset = StatReturn.objects.all() if user is None else StatReturn.objects.restrict(user)
    return (
        queryset.filter(area=area, state__in=FROZEN, period_start__gte=start, period_end__lte=end)
        .select_related("template", "area")
        .order_by("template__code", "period_start")
    )


def api_returns(user):
    return StatReturn.objects.restrict(user).select_related("template", "area", "unit", "signed_by")
