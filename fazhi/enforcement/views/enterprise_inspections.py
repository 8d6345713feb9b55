"""Pages of the 入企执法报备: the ledger, a report, its cancellation and result."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from fazhi.core import guards
from fazhi.core import selectors as core_selectors
from fazhi.core.roles import Action
from fazhi.core.steps import step_page
from fazhi.core.viewtools import record_view

from .. import forms, ledgers
from ..models.enterprise_inspections import EnterpriseInspection
from ..selectors.agencies import active_officers, enforcing_units, named_officers
from ..selectors.enterprise_inspections import (
    REPEAT_WINDOW_DAYS,
    repeated_inspections,
    search_enterprise_inspections,
)
from ..services.enterprise_inspections import (
    cancel_inspection,
    record_inspection_result,
    report_inspection,
)
from ..workflow import INSPECTION_FLOW
from .pages import create_page, list_page


@require_safe
def enterprise_inspection_list(request):
    queryset = search_enterprise_inspections(
        request.user,
        search=request.GET.get("q", "").strip(),
        status=request.GET.get("status", ""),
        repeated=request.GET.get("repeated") == "1",
    )
    return list_page(
        request,
        queryset,
        ledgers.ENTERPRISE_INSPECTIONS,
        "入企执法报备",
        create="enforcement:enterprise_inspection_create",
        links=[("只看多部门重复检查", "?repeated=1")],
    )


def enterprise_inspection_create(request):
    units = enforcing_units(request.user)
    return create_page(
        request,
        forms.InspectionReportForm,
        report_inspection,
        units=units,
        title="入企执法报备",
        message="已报备入企检查",
        preselect=False,
        officers=active_officers(request.user, units),
    )


@record_view(EnterpriseInspection)
@require_safe
def enterprise_inspection_detail(request, inspection):
    today = guards.today()
    context = {
        "inspection": inspection,
        "officers": [
            (o, o.certificate_problem(today)) for o in named_officers(request.user, inspection)
        ],
        "repeated": repeated_inspections(request.user, inspection),
        "window": REPEAT_WINDOW_DAYS,
        "buttons": INSPECTION_FLOW.buttons(inspection, request.user),
        "workflow": INSPECTION_FLOW,
        "history": core_selectors.record_history(request.user, inspection),
    }
    return render(request, "enforcement/enterprise_inspection_detail.html", context)


@record_view(EnterpriseInspection, Action.CHANGE)
def enterprise_inspection_cancel(request, inspection):
    return step_page(
        request,
        inspection,
        INSPECTION_FLOW,
        "cancel_inspection",
        forms.ReasonForm,
        cancel_inspection,
        message="已取消报备",
    )


@record_view(EnterpriseInspection, Action.CHANGE)
def enterprise_inspection_result(request, inspection):
    return step_page(
        request,
        inspection,
        INSPECTION_FLOW,
        "record_inspection_result",
        forms.InspectionResultForm,
        record_inspection_result,
        message="已登记检查结果",
    )
