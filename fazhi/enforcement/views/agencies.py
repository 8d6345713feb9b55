"""Pages of the 行政执法主体 and their officers: ledgers, records, the 重大执法决定 catalogue and
the Excel imports of officers and of historical enforcement records."""

from functools import partial

from django.shortcuts import render
from django.views.decorators.http import require_safe

from fazhi.core import guards
from fazhi.core import selectors as core_selectors
from fazhi.core.guards import permits, shown_id_number
from fazhi.core.imports import import_page
from fazhi.core.roles import Action
from fazhi.core.viewtools import record_view

from .. import forms, imports, ledgers
from ..models.agencies import Agency, Officer
from ..selectors.agencies import (
    LEGAL_REVIEW_FLOOR,
    enforcing_units,
    major_items,
    officers,
    search_agencies,
    staff_ratio,
    staff_ratios,
)
from ..selectors.certificates import certificates_of, trainings_of
from ..services.actions import import_actions
from ..services.agencies import (
    add_major_decision_item,
    import_officers,
    register_agency,
    register_officer,
)
from ..workflow import CERTIFICATE_FLOW
from .pages import create_page, form_page, list_page


@require_safe
def agency_list(request):
    today = guards.today()
    agencies = list(search_agencies(request.user, request.GET.get("q", "").strip()))
    ratios = staff_ratios(request.user, [a.unit for a in agencies], today)
    for agency in agencies:
        agency.ratio = ratios[agency.unit_id]
    return list_page(
        request, agencies, ledgers.AGENCIES, "行政执法主体", create="enforcement:agency_create"
    )


def agency_create(request):
    return create_page(
        request,
        forms.AgencyForm,
        register_agency,
        units=enforcing_units(request.user),
        title="登记行政执法主体",
        message="已登记行政执法主体",
    )


@record_view(Agency)
@require_safe
def agency_detail(request, agency):
    today = guards.today()
    staff = officers(request.user, unit=agency.unit)
    context = {
        "agency": agency,
        "ratio": staff_ratio(request.user, agency.unit, today),
        "major_items": major_items(request.user, agency.unit),
        "officers": [
            (o, shown_id_number(request.user, o, o.id_number), o.certificate_problem(today))
            for o in staff
        ],
        "can_change": permits(request.user, Action.CHANGE, agency),
        "floor": LEGAL_REVIEW_FLOOR,
    }
    return render(request, "enforcement/agency_detail.html", context)


@record_view(Agency, Action.CHANGE)
def agency_major_item(request, agency):
    form = forms.MajorItemForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        add_major_decision_item,
        title="新增重大执法决定事项",
        back=agency,
        message="已加入重大执法决定法制审核目录",
        unit=agency.unit,
    )


@record_view(Agency, Action.CHANGE)
def agency_officer(request, agency):
    form = forms.OfficerForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        register_officer,
        title=f"登记{agency.unit.name}执法人员",
        back=agency,
        message=lambda o: f"已登记执法人员{o.name}",
        unit=agency.unit,
    )


@record_view(Agency, Action.CHANGE)
def agency_import(request, agency):
    """导入执法人员: a template, an upload, all rows or none."""
    return import_page(
        request,
        imports.OFFICERS,
        partial(import_officers, unit=agency.unit),
        title="导入执法人员",
        template_name="执法人员导入模板.xlsx",
        success="已导入{count}名执法人员",
        done=agency,
        back=agency,
    )


@record_view(Agency, Action.CHANGE)
def agency_import_actions(request, agency):
    """导入历史执法记录: a template, an upload, all rows or none."""
    return import_page(
        request,
        imports.ACTIONS,
        partial(import_actions, unit=agency.unit),
        title="导入历史执法记录",
        template_name="历史执法记录导入模板.xlsx",
        success="已导入{count}件历史执法记录",
        done=agency,
        back=agency,
    )


@require_safe
def officer_list(request):
    queryset = officers(request.user, search=request.GET.get("q", "").strip())
    return list_page(request, queryset, ledgers.OFFICERS, "行政执法人员")


@record_view(Officer)
@require_safe
def officer_detail(request, officer):
    today = guards.today()
    certificates = certificates_of(request.user, officer)
    trainings = trainings_of(request.user, officer)
    context = {
        "officer": officer,
        "id_number": shown_id_number(request.user, officer, officer.id_number),
        "hours_this_year": sum(t.hours for t in trainings if t.date.year == today.year),
        "problem": officer.certificate_problem(today),
        "certificates": [
            (c, c.problem(today), CERTIFICATE_FLOW.buttons(c, request.user)) for c in certificates
        ],
        "workflow": CERTIFICATE_FLOW,
        "trainings": trainings,
        "can_change": permits(request.user, Action.CHANGE, officer),
        "history": core_selectors.record_history(request.user, officer),
    }
    return render(request, "enforcement/officer_detail.html", context)
