"""Pages of the returns: the list (ledger), opening a return, a return's page (its table with
every counted cell linked to its records, the problems, the steps, typed cells, the children
of a consolidation with 催报), the step forms, Excel, and the tables (报表制度)."""

import datetime
from decimal import Decimal

from django.contrib import messages
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.dataversion import remember
from fazhi.core.jobs import jobs
from fazhi.core.ledgers import Column, Ledger, day, ledger_page
from fazhi.core.roles import Action
from fazhi.core.steps import form_page, step_page
from fazhi.core.viewtools import record_view, require, run_service_form

from . import excel, filling, selectors, services, tables, work
from .forms import (
    CommentForm,
    ConfirmForm,
    ExplainForm,
    ManualForm,
    ReturnFilterForm,
    ReturnForm,
    UrgeForm,
)
from .models import StatReturn
from .workflow import RETURN_FLOW, SUPERIOR_STEPS

RETURN_LEDGER = Ledger(
    "统计报表.xlsx",
    "统计报表",
    (
        Column("报表", lambda r: f"{r.template.code} {r.template.name}"),
        Column("统计区域", lambda r: r.area.name),
        Column("报告期", lambda r: r.period_label),
        Column("状态", lambda r: r.get_state_display()),
        Column("零上报", lambda r: "零上报" if r.nil_return else ""),
        Column("汇总表", lambda r: "是" if r.consolidated else "否", on_page=False),
        Column("报送期限", lambda r: day(r.due_date)),
        Column("上报日期", lambda r: day(r.submitted_on)),
        Column(
            "按期",
            lambda r: "" if r.on_time is None else ("按期" if r.on_time else "逾期"),
        ),
        Column("版本", lambda r: r.version, on_page=False),
    ),
)
WITH_COMMENT = {"return_for_correction", "send_back", "unlock_return"}


@require_safe
def return_list(request):
    codes = selectors.template_codes()
    filters = ReturnFilterForm(request.GET, codes=codes)
    filters.is_valid()
    data = filters.cleaned_data
    queryset = selectors.returns(
        request.user,
        search=request.GET.get("q", "").strip(),
        state=data.get("state", ""),
        template=data.get("template", ""),
    )
    can_create = core_selectors.can(request.user, Action.CREATE, StatReturn.work_line)
    actions = [("报表制度", reverse("statistics:template_list"))]
    if can_create:
        actions.insert(0, ("新建报表", reverse("statistics:return_create")))
    return ledger_page(
        request,
        queryset,
        ledger=RETURN_LEDGER,
        title="统计报表",
        search_placeholder="区域、报表或报告期",
        filter_form=filters,
        empty="没有符合条件的报表",
        actions=actions,
    )


def return_create(request):
    require(request, Action.CREATE, StatReturn.work_line)
    units = selectors.filing_units(request.user)
    initial = {
        "template_code": request.GET.get("template", ""),
        "period_key": request.GET.get("period", ""),
    }
    if units.count() == 1:
        initial["unit"] = units.first()
    form = ReturnForm(
        request.POST or None,
        units=units,
        codes=selectors.template_codes(),
        initial=initial,
        request=request,
    )
    return form_page(
        request,
        form,
        services.create_return,
        title="新建统计报表",
        crumbs=[("统计报表", reverse("statistics:return_list"))],
        message=lambda created: f"已建立{created}，数据已从记录取得",
    )


def _fits(user, statreturn, action) -> bool:
    """The step belongs to the user's level: the filing area's own or the superior's."""
    if user.is_superuser:
        return True
    area = services._acting_area(user)
    if area is None:
        return False
    if action in SUPERIOR_STEPS:
        return area.pk == statreturn.area.parent_id
    return area.pk == statreturn.area_id


def _step_form(request):
    def form(transition):
        form_class = CommentForm if transition.action in WITH_COMMENT else ConfirmForm
        return form_class(request=request)

    return form


def _rows(statreturn, fresh):
    layout = statreturn.template.layout
    specs = tables.cells(layout)
    base = reverse("indicators:records")
    period = f"&unit={statreturn.area_id}&from={statreturn.period_start:%Y-%m-%d}&to={statreturn.period_end:%Y-%m-%d}"
    rows = []
    for row in layout["rows"]:
        cells = []
        for column in layout["columns"]:
            cell_id = f"{row['code']}-{column['code']}"
            spec = specs.get(cell_id, {})
            value = statreturn.values.get(cell_id)
            link = f"{base}?id={spec['indicator']}{period}" if "indicator" in spec else ""
            overridden = statreturn.sources.get(cell_id) == "override"
            records = statreturn.records.get(cell_id) if overridden else None
            cells.append(
                {
                    "id": cell_id,
                    "value": "—" if value is None else value,
                    "link": link,
                    "manual": "manual" in spec,
                    "counted": "indicator" in spec,
                    # Typed over the records' figure: that figure, linked, and the difference.
                    "records": records,
                    "difference": _signed(value, records) if records is not None else "",
                    "source": statreturn.sources.get(cell_id, ""),
                    "explanation": statreturn.explanations.get(cell_id, ""),
                    "fresh": fresh.get(cell_id)
                    if cell_id in fresh and fresh[cell_id] != value
                    else None,
                }
            )
        rows.append(
            {
                "code": row["code"],
                "label": row["label"],
                "unit": row.get("unit", ""),
                "cells": cells,
            }
        )
    return rows


def _signed(value, records) -> str:
    difference = filling.number(Decimal(str(value or 0)) - Decimal(str(records or 0)))
    return f"{difference:+}"


@record_view(StatReturn)
@require_safe
def return_detail(request, statreturn):
    if request.GET.get("export") == "xlsx":
        return excel.response(statreturn)
    drift = selectors.drift(statreturn)
    fresh = {cell["cell"]: cell["now"] for cell in drift}
    editable = RETURN_FLOW.allows(statreturn, "edit_return", request.user) and _fits(
        request.user, statreturn, "edit_return"
    )
    problems = services.problems(statreturn)
    children = selectors.children_status(statreturn) if statreturn.consolidated else []
    if editable:
        for row in children:
            if not row["submitted"]:
                row["urge_form"] = UrgeForm(
                    request=request,
                    areas=selectors.Unit.objects.none(),
                    initial={"area": row["area"].pk},
                )
    buttons = [
        b
        for b in RETURN_FLOW.buttons(statreturn, request.user, form=_step_form(request))
        if _fits(request.user, statreturn, b.transition.action)
    ]
    return render(
        request,
        "statistics/return_detail.html",
        {
            "statreturn": statreturn,
            "template": statreturn.template,
            "rows": _rows(statreturn, fresh),
            "drift": drift,
            "problems": problems,
            "errors": [p for p in problems if p.blocking],
            "warnings": [p for p in problems if p.warning],
            "children": children,
            "buttons": buttons,
            "workflow": RETURN_FLOW,
            "editable": editable,
            "may_explain": editable
            or (
                statreturn.state in ("filled", "approved")
                and _fits(request.user, statreturn, "edit_return")
                and core_selectors.can(request.user, Action.CHANGE, StatReturn.work_line)
            ),
            "manual_form": ManualForm(request=request) if editable else None,
            "may_override": editable and not statreturn.consolidated,
            "explain_form": ExplainForm(request=request),
            "refresh_form": ConfirmForm(request=request) if editable else None,
            "versions": selectors.versions_of(request.user, statreturn),
            "history": core_selectors.record_history(request.user, statreturn),
        },
    )


@record_view(StatReturn)
def return_step(request, statreturn):
    action = request.GET.get("action") or request.POST.get("action", "")
    transition = RETURN_FLOW.by_action.get(action)
    if transition is None or not transition.button:
        messages.error(request, "未知的办理步骤")
        return redirect(statreturn)
    form_class = CommentForm if action in WITH_COMMENT else ConfirmForm
    return step_page(
        request,
        statreturn,
        RETURN_FLOW,
        action,
        form_class,
        getattr(services, action),
        message=f"已办理：{transition.label}",
    )


def _post(request, statreturn, form, service, success, **fixed):
    result = run_service_form(request, form, service, statreturn=statreturn, **fixed)
    if result is not None:
        messages.success(request, success)
    else:
        _form_errors(request, form)
    return redirect(statreturn)


def _form_errors(request, form) -> None:
    for error in form.non_field_errors():
        messages.error(request, error)
    for name, errors in form.errors.items():
        if name != "__all__":
            messages.error(request, f"{form.fields[name].label or name}：{errors[0]}")


def _posting(form_class, service, success: str):
    """A POST of the return's page: the form, its service, the message; back to the page."""

    @record_view(StatReturn)
    @require_POST
    def view(request, statreturn):
        form = form_class(request.POST, request=request)
        return _post(request, statreturn, form, service, success)

    return view


@record_view(StatReturn)
@require_POST
def return_refresh(request, statreturn):
    """取数 / 汇总 as a background job (work.py): its result, or why it was refused, is shown
    on the return's page when done already, otherwise on the job's page."""
    form = ConfirmForm(request.POST, request=request)
    job = run_service_form(request, form, work.start_refresh, statreturn=statreturn)
    if job is None:
        _form_errors(request, form)
        return redirect(statreturn)
    return jobs.answer(request, job)


@record_view(StatReturn)
@require_POST
def return_pdf(request, statreturn):
    """导出PDF: a background job (work.py) makes the file; done already (the immediate
    backend), it downloads at once, otherwise the job's page offers it when ready."""
    return jobs.answer(request, work.start_pdf(actor=request.user, statreturn=statreturn))


return_manual = _posting(ManualForm, services.set_manual_value, "已保存手工填报数")
return_override = _posting(ManualForm, services.override_value, "已改写记录数并保存理由")
return_explain = _posting(ExplainForm, services.explain_warning, "已保存说明")


@record_view(StatReturn)
@require_POST
def return_urge(request, statreturn):
    areas = selectors.Unit.objects.filter(parent=statreturn.area)
    return _post(
        request,
        statreturn,
        UrgeForm(request.POST, request=request, areas=areas),
        services.urge,
        "已催报",
    )


def _records_link(indicator_id: str, area_id: int, start, end) -> str:
    query = f"id={indicator_id}&unit={area_id}&from={start:%Y-%m-%d}&to={end:%Y-%m-%d}"
    return f"{reverse('indicators:records')}?{query}"


def submitted_returns(user, area, start, end) -> list[dict]:
    """The area's submitted returns of periods within [start, end] that `user` may see, each
    with its cells whose frozen figure differs from the records now (both figures, the
    records' linked to them; issue 19 item 5). Cached per change of the records."""

    def compute():
        shown = []
        for statreturn in selectors.frozen_returns(user, area, start, end):
            cells = selectors.drift(statreturn)
            for cell in cells:
                cell["link"] = _records_link(
                    cell["indicator"], area.pk, statreturn.period_start, statreturn.period_end
                )
            shown.append(
                {
                    "title": f"{statreturn.period_label}《{statreturn.template.name}》",
                    "url": statreturn.get_absolute_url(),
                    "state": statreturn.get_state_display(),
                    "nil": statreturn.nil_return,
                    "cells": cells,
                }
            )
        return shown

    return remember("stat_drift", (area.pk, start, end), compute, user=user)


def dashboard_returns(request, unit, period) -> str:
    """The dashboard's section of the returns (contributed to indicators' dashboard): the
    unit's area's submitted returns of the period, each said to agree with the records now or
    flagged with both figures, the records' linked to them (issue 19 item 5)."""
    area = services.area_of(unit)
    if area is None:
        return ""
    shown = submitted_returns(request.user, area, period.start, period.end)
    if not shown:
        return ""
    return render_to_string(
        "statistics/_dashboard_returns.html",
        {"area": area, "returns": shown, "differing": sum(bool(r["cells"]) for r in shown)},
        request=request,
    )


def annual_report_returns(request, unit, year: int) -> str:
    """The annual report draft's note (contributed to the annual report's page): the
    reporting area's submitted returns of the year whose figures differ from the records now,
    both figures shown, as on the return page and the dashboard (issue 19 item 5)."""
    area = services.area_of(unit)
    if area is None:
        return ""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    # Not scoped by the reader's lines: the draft's figures do not depend on who drafts it.
    differing = [r for r in submitted_returns(None, area, start, end) if r["cells"]]
    if not differing:
        return ""
    return render_to_string(
        "statistics/_annual_report_returns.html",
        {"area": area, "year": year, "returns": differing},
        request=request,
    )


@require_safe
def template_list(request):
    shown = []
    for template in selectors.templates():
        shown.append(
            {
                "template": template,
                "rows": [
                    {
                        "code": row["code"],
                        "label": row["label"],
                        "unit": row.get("unit", ""),
                        "cells": [
                            _describe(row["cells"].get(c["code"], {}))
                            for c in template.layout["columns"]
                        ],
                    }
                    for row in template.layout["rows"]
                ],
                "checks": [_describe_check(template, check) for check in template.checks],
            }
        )
    return render(request, "statistics/template_list.html", {"templates": shown})


def _describe(spec) -> str:
    if "indicator" in spec:
        return f"指标 {spec['indicator']}"
    if "manual" in spec:
        return "手工填报"
    if "sum" in spec:
        return "合计：" + " + ".join(spec["sum"])
    if "rate" in spec:
        return f"比率：{spec['rate'][0]} ÷ {spec['rate'][1]} × 100"
    return ""


def _describe_check(template, check) -> str:
    layout = template.layout
    kind = check["kind"]
    if kind == "balance":
        return f"平衡：{tables.cell_label(layout, check['total'])} = " + " + ".join(check["parts"])
    if kind == "le":
        return f"逻辑：{' + '.join(check['left'])} ≤ {' + '.join(check['right'])}"
    if kind == "rate":
        return f"比率：{check['cell']} = {check['numerator']} ÷ {check['denominator']} × 100"
    if kind == "cross":
        return f"表间：{check['cell']} = 《{check['template']}》{check['other']}"
    return kind
