"""The dashboard (指标看板), the records behind each figure, and the Excel export."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe
from openpyxl import Workbook

from fazhi.core.dataversion import remember
from fazhi.core.deadlines import due_list
from fazhi.core.filters import UnitQuery
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership, full_scope_key
from fazhi.core.viewtools import paginate, xlsx_workbook_response

from . import charts, dashboard, engine
from .registry import get


def _unit(request):
    """The unit asked for, or the top of the user's own scope — never one out of sight."""
    visible = Unit.objects.restrict(request.user)
    if request.GET.get("unit"):
        try:
            return visible.get(pk=UnitQuery(request.GET).values()["unit"])
        except Unit.DoesNotExist:
            raise Http404("单位不存在或无权查看") from None
    membership = active_membership(request.user)
    if membership is not None:
        root = membership.unit.scope_root
        return root if visible.filter(pk=root.pk).exists() else membership.unit
    return visible.filter(parent=None).first()


def _period(request):
    get = request.GET
    return dashboard.parse_period(
        get.get("from", ""), get.get("to", ""), get.get("year", ""), timezone.localdate()
    )


@require_safe
def dashboard_view(request):
    unit = _unit(request)
    today = timezone.localdate()
    try:
        period = _period(request)
    except ValidationError as error:
        return render(
            request,
            "indicators/dashboard.html",
            {"error": error.messages[0], "unit": unit},
            status=400,
        )
    indicators = engine.shown_to(request.user, dashboard.key_indicators())
    scope = {
        "user": request.user,
        "unit": unit,
        "trends": [i for i in indicators if i.unit != "%"][:4],
        "period": period,
    }
    if request.GET.get("export") == "xlsx":
        values = dashboard.figures(indicators, **scope)
        return _export(unit, period, dashboard.rows(indicators, values))
    due = remember(
        "due_list",
        (full_scope_key(request.user), today),
        lambda: due_list(request.user, today, limit=100),
        user=request.user,
    )
    overdue = [item for item in due.items if item.status(today) == "overdue"]
    values = dashboard.figures(indicators, **scope)
    ranked_on, ranked = dashboard.children_ranked(indicators, values, request.GET.get("by", ""))
    return render(
        request,
        "indicators/dashboard.html",
        {
            "unit": unit,
            "period": period,
            "open": period.end >= today,
            "query": request.GET.urlencode(),
            "figures": _figures_html(indicators, scope),
            "panels": dashboard.panels_html(request, unit, period),
            "overdue": overdue[:10],
            "overdue_count": len(overdue),
            "overdue_truncated": due.truncated,
            "indicators": indicators,
            "ranked_on": ranked_on,
            "ranked": ranked,
            "total": values.now[ranked_on.id] if ranked_on else None,
        },
    )


def _figures_html(indicators, scope) -> str:
    """The figure tables and charts, rendered once per change of the records: they depend
    on nothing but the figures' own key (rendering them costs more than computing them)."""

    def render_figures() -> str:
        values = dashboard.figures(indicators, **scope)
        return render_to_string(
            "indicators/_figures.html",
            {
                "unit": scope["unit"],
                "period": scope["period"],
                "rows": dashboard.rows(indicators, values),
                "children": dashboard.children_table(indicators, values),
                "standings": dashboard.standing_rows(indicators, values),
                "parent": values.parent,
                "indicators": indicators,
                "trends": [(i, charts.bars(values.months[i.id])) for i in scope["trends"]],
                "chart": {"width": charts.WIDTH, "height": charts.HEIGHT},
            },
        )

    key = dashboard.figures_key(indicators, **scope)
    return mark_safe(
        remember("dashboard_html", key, render_figures, user=scope["user"])
    )  # our own rendering


def _export(unit, period, table):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "指标"
    sheet.append([f"{unit.name} {period.start:%Y-%m-%d} 至 {period.end:%Y-%m-%d}"])
    sheet.append(["业务", "指标", "数值", "单位", "上年同期", "同比", "指标编号"])
    for row in table:
        sheet.append(
            [
                row.area,
                row.indicator.name,
                _cell(row.value),
                row.indicator.unit,
                _cell(row.last_year),
                _cell(row.change),
                row.indicator.id,
            ]
        )
    definitions = workbook.create_sheet("指标说明")
    definitions.append(["指标编号", "指标", "单位", "口径", "依据"])
    for row in table:
        i = row.indicator
        definitions.append([i.id, i.name, i.unit, i.definition, i.source])
    return xlsx_workbook_response(f"{unit.name}指标{period.start.year}.xlsx", workbook)


def _cell(value):
    return "—" if value is None else float(value) if not isinstance(value, int) else value


@require_safe
def records_view(request):
    """The records behind one figure: same scope, same filters as the figure itself."""
    unit = _unit(request)
    try:
        period = _period(request)
        indicator = get(request.GET.get("id", ""))
    except (ValidationError, KeyError) as error:
        message = error.messages[0] if isinstance(error, ValidationError) else error.args[0]
        return render(
            request, "indicators/records.html", {"error": message, "unit": unit}, status=400
        )
    context = {"indicator": indicator, "unit": unit, "period": period, "query": request.GET}
    if indicator.is_ratio:
        context["parts"] = [get(indicator.numerator), get(indicator.denominator)]
    else:
        context["page"] = paginate(
            request, engine.records(indicator.id, user=request.user, unit=unit, period=period)
        )
    return render(request, "indicators/records.html", context)
