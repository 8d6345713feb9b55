"""Pages of 行政执法监督: a ledger per list (search, Excel), a page per record, a form per step."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.attachments import read_checked
from fazhi.core.guards import shown_id_number
from fazhi.core.roles import Action, WorkLine
from fazhi.core.viewtools import (
    error_text,
    ledger_page,
    record_view,
    require,
    run_service_form,
    xlsx_workbook_response,
)

from . import forms, imports, ledgers, selectors, services
from .models import (
    Agency,
    Certificate,
    EnforcementAction,
    EnterpriseInspection,
    Officer,
    PenaltyList,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def list_page(request, queryset, ledger, title, *, create=None, **context):
    """A ledger's page (its table shows the columns the Excel export has)."""
    return ledger_page(
        request,
        queryset,
        ledger=ledger,
        template="enforcement/list.html",
        rows_template="enforcement/_rows.html",
        ledger_def=ledgers.page_table(ledger),
        title=title,
        create_url=create
        if core_selectors.can(request.user, Action.CREATE, WorkLine.ENFORCEMENT)
        else None,
        **context,
    )


def form_page(request, form, service, *, title, back, message, **fixed):
    """A step's form page: on success a message and back to the record's page."""
    result = run_service_form(request, form, service, **fixed)
    if result:
        messages.success(request, message(result) if callable(message) else message)
        return redirect(
            (result if hasattr(result, "get_absolute_url") else back).get_absolute_url()
        )
    return render(request, "enforcement/form.html", {"form": form, "title": title, "back": back})


def create_page(
    request, form_class, service, *, units, title, message, preselect=True, **querysets
):
    """A new record's form, for one of `units` (preselected when it is the only one)."""
    require(request, Action.CREATE, WorkLine.ENFORCEMENT)
    form = form_class(
        request.POST or None,
        request=request,
        querysets={"unit": units, **querysets},
        **(single_unit(units) if preselect else {}),
    )
    return form_page(request, form, service, title=title, back=None, message=message)


def single_unit(queryset):
    """Preselect the unit when the user may act for one only."""
    return {"initial": {"unit": queryset.first()} if queryset.count() == 1 else {}}


# — agencies and officers —


@require_safe
def agency_list(request):
    today = timezone.localdate()
    agencies = list(selectors.agencies(request.user, request.GET.get("q", "").strip()))
    ratios = selectors.staff_ratios(request.user, [a.unit for a in agencies], today)
    for agency in agencies:
        agency.ratio = ratios[agency.unit_id]
    return list_page(
        request, agencies, ledgers.AGENCIES, "行政执法主体", create="enforcement:agency_create"
    )


def agency_create(request):
    return create_page(
        request,
        forms.AgencyForm,
        services.register_agency,
        units=selectors.enforcing_units(request.user),
        title="登记行政执法主体",
        message="已登记行政执法主体",
    )


@record_view(Agency)
@require_safe
def agency_detail(request, agency):
    today = timezone.localdate()
    officers = selectors.officers(request.user, unit=agency.unit)
    context = {
        "agency": agency,
        "ratio": selectors.staff_ratio(request.user, agency.unit, today),
        "major_items": selectors.major_items(request.user, agency.unit),
        "officers": [
            (o, shown_id_number(request.user, o, o.id_number), o.certificate_problem(today))
            for o in officers
        ],
        "can_change": selectors.can_change(request.user, agency),
        "floor": selectors.LEGAL_REVIEW_FLOOR,
    }
    return render(request, "enforcement/agency_detail.html", context)


@record_view(Agency, Action.CHANGE)
def agency_major_item(request, agency):
    form = forms.MajorItemForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.add_major_decision_item,
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
        services.register_officer,
        title=f"登记{agency.unit.name}执法人员",
        back=agency,
        message=lambda o: f"已登记执法人员{o.name}",
        unit=agency.unit,
    )


@record_view(Agency, Action.CHANGE)
def agency_import(request, agency):
    """导入执法人员: a template, an upload, all rows or none."""
    if request.GET.get("template"):
        return xlsx_workbook_response(
            "执法人员导入模板.xlsx",
            imports.template_workbook("执法人员", imports.OFFICER_COLUMNS, imports.OFFICER_EXAMPLE),
        )
    errors = _run_import(
        request,
        lambda data: services.import_officers(actor=request.user, unit=agency.unit, data=data),
        "名执法人员",
    )
    if errors is None:
        return redirect(agency.get_absolute_url())
    return render(
        request,
        "enforcement/import.html",
        {
            "errors": errors,
            "columns": imports.OFFICER_COLUMNS,
            "back": agency,
            "title": "导入执法人员",
        },
    )


@record_view(Agency, Action.CHANGE)
def agency_import_actions(request, agency):
    """导入历史执法记录: a template, an upload, all rows or none."""
    if request.GET.get("template"):
        return xlsx_workbook_response(
            "历史执法记录导入模板.xlsx",
            imports.template_workbook("执法记录", imports.ACTION_COLUMNS, imports.ACTION_EXAMPLE),
        )
    errors = _run_import(
        request,
        lambda data: services.import_actions(actor=request.user, unit=agency.unit, data=data),
        "件历史执法记录",
    )
    if errors is None:
        return redirect(agency.get_absolute_url())
    context = {
        "errors": errors,
        "columns": imports.ACTION_COLUMNS,
        "back": agency,
        "title": "导入历史执法记录",
    }
    return render(request, "enforcement/import.html", context)


def _run_import(request, run, noun: str):
    """None once imported; otherwise the errors to show (empty on a GET)."""
    if request.method != "POST":
        return []
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ValidationError("请选择要导入的Excel文件")
        content = read_checked(upload)
        if content.mime != XLSX:
            raise ValidationError("请上传 .xlsx 格式的Excel文件")
        count = run(content.data)
    except imports.ImportRefused as refused:
        return refused.errors
    except (ValidationError, PermissionDenied) as error:
        return [imports.RowError(0, "文件", error_text(error))]
    messages.success(request, f"已导入{count}{noun}")
    return None


@require_safe
def officer_list(request):
    queryset = selectors.officers(request.user, search=request.GET.get("q", "").strip())
    return list_page(request, queryset, ledgers.OFFICERS, "行政执法人员")


@record_view(Officer)
@require_safe
def officer_detail(request, officer):
    today = timezone.localdate()
    certificates = selectors.certificates_of(request.user, officer)
    trainings = selectors.trainings_of(request.user, officer)
    context = {
        "officer": officer,
        "id_number": shown_id_number(request.user, officer, officer.id_number),
        "hours_this_year": sum(t.hours for t in trainings if t.date.year == today.year),
        "problem": officer.certificate_problem(today),
        "certificates": [(c, c.problem(today)) for c in certificates],
        "trainings": trainings,
        "can_change": selectors.can_change(request.user, officer),
        "history": core_selectors.record_history(request.user, officer),
    }
    return render(request, "enforcement/officer_detail.html", context)


@record_view(Officer, Action.CHANGE)
def officer_apply(request, officer):
    form = forms.ApplyForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.apply_certificate,
        title=f"{officer.name}申领执法证件",
        back=officer,
        message="已登记证件申领，请安排培训",
        officer=officer,
    )


@record_view(Officer, Action.CHANGE)
def officer_training(request, officer):
    form = forms.TrainingForm(
        request.POST or None,
        request=request,
        querysets={"certificate": selectors.open_certificates(request.user, officer)},
    )
    result = run_service_form(request, form, services.record_training, officer=officer)
    if result:
        messages.success(request, f"已登记培训{result.hours}学时")
        return redirect(officer.get_absolute_url())
    return render(
        request,
        "enforcement/form.html",
        {"form": form, "title": f"登记{officer.name}培训", "back": officer},
    )


def _certificate_step(request, certificate, form_class, service, title, message):
    form = form_class(request.POST or None, request=request)
    return form_page(
        request,
        form,
        service,
        title=f"{certificate}：{title}",
        back=certificate.officer,
        message=message,
        certificate=certificate,
    )


@record_view(Certificate, Action.CHANGE)
def certificate_exam(request, certificate):
    return _certificate_step(
        request,
        certificate,
        forms.ExamForm,
        services.record_exam,
        "登记考试成绩",
        lambda c: f"考试{c.get_status_display()}",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_issue(request, certificate):
    return _certificate_step(
        request,
        certificate,
        forms.IssueForm,
        services.issue_certificate,
        "发证",
        lambda c: f"已核发证件{c.number}",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_review(request, certificate):
    return _certificate_step(
        request,
        certificate,
        forms.AnnualReviewForm,
        services.record_annual_review,
        "年审",
        lambda c: f"已登记年审，下次年审截止{c.annual_review_due:%Y-%m-%d}",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_suspend(request, certificate):
    return _certificate_step(
        request,
        certificate,
        forms.ReasonForm,
        services.suspend_certificate,
        "暂扣证件",
        "证件已暂扣",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_withdraw(request, certificate):
    return _certificate_step(
        request,
        certificate,
        forms.ReasonForm,
        services.withdraw_certificate,
        "收回证件",
        "证件已收回注销",
    )


@require_safe
def certificate_list(request):
    today = timezone.localdate()
    due = request.GET.get("due") == "1"
    queryset = selectors.certificates(
        request.user,
        search=request.GET.get("q", "").strip(),
        status=request.GET.get("status", ""),
        review_due_by=today + timezone.timedelta(days=30) if due else None,
    )
    return list_page(
        request,
        queryset,
        ledgers.CERTIFICATES,
        "行政执法证件",
        statuses=forms.CERTIFICATE_STATUS_CHOICES,
    )


# — enforcement actions (三项制度) —


@require_safe
def action_list(request):
    queryset = selectors.actions(
        request.user,
        search=request.GET.get("q", "").strip(),
        status=request.GET.get("status", ""),
        gaps=request.GET.get("gaps") == "1",
    )
    return list_page(
        request,
        queryset,
        ledgers.ACTIONS,
        "行政执法三项制度",
        create="enforcement:action_create",
        links=[("只看三项制度缺项", "?gaps=1")],
    )


def action_create(request):
    units = selectors.enforcing_units(request.user)
    return create_page(
        request,
        forms.ActionForm,
        services.register_action,
        units=units,
        title="登记执法行为",
        message="已登记执法行为",
        preselect=False,
        officers=selectors.active_officers(request.user, units),
        major_item=selectors.major_items_of(request.user, units),
    )


@record_view(EnforcementAction)
@require_safe
def action_detail(request, action):
    today = timezone.localdate()
    context = {
        "action": action,
        "officers": [
            (o, o.certificate_problem(today))
            for o in selectors.named_officers(request.user, action)
        ],
        "gaps": action.three_systems_gaps(),
        "can_change": selectors.can_change(request.user, action),
        "history": core_selectors.record_history(request.user, action),
    }
    return render(request, "enforcement/action_detail.html", context)


@record_view(EnforcementAction, Action.CHANGE)
def action_publicity(request, action):
    form = forms.PublicityForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.record_publicity,
        title="登记公示",
        back=action,
        message="已登记公示",
        action=action,
    )


@record_view(EnforcementAction, Action.CHANGE)
def action_recording(request, action):
    form = forms.RecordingForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.record_recording,
        title="登记执法全过程记录",
        back=action,
        message="已登记执法全过程记录",
        action=action,
    )


@record_view(EnforcementAction, Action.CHANGE)
def action_review(request, action):
    form = forms.LegalReviewForm(
        request.POST or None,
        request=request,
        querysets={"reviewer": selectors.legal_reviewers(request.user, action)},
    )
    return form_page(
        request,
        form,
        services.record_legal_review,
        title="登记重大执法决定法制审核",
        back=action,
        message="已登记法制审核",
        action=action,
    )


@record_view(EnforcementAction, Action.CHANGE)
def action_decide(request, action):
    form = forms.DecideForm(
        request.POST or None,
        request=request,
        querysets={"list_item": selectors.applicable_list_items(request.user, action)},
    )
    return form_page(
        request,
        form,
        services.decide_action,
        title="登记执法决定",
        back=action,
        message="已登记决定",
        action=action,
    )


# — 免罚轻罚清单 —


@require_safe
def list_list(request):
    queryset = selectors.penalty_lists(request.user, request.GET.get("q", "").strip())
    return list_page(
        request, queryset, ledgers.LISTS, "免罚轻罚清单", create="enforcement:list_create"
    )


def list_create(request):
    return create_page(
        request,
        forms.PenaltyListForm,
        services.create_penalty_list,
        units=selectors.creatable_units(request.user),
        title="起草免罚轻罚清单",
        message="已起草清单",
    )


@record_view(PenaltyList)
@require_safe
def list_detail(request, penalty_list):
    items = list(selectors.list_items(request.user, penalty_list))
    context = {
        "penalty_list": penalty_list,
        "items": items,
        "cases": sum(item.case_count for item in items),
        "can_change": selectors.can_change(request.user, penalty_list),
        "history": core_selectors.record_history(request.user, penalty_list),
    }
    return render(request, "enforcement/list_detail.html", context)


@record_view(PenaltyList, Action.CHANGE)
def list_item_add(request, penalty_list):
    form = forms.ListItemForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.add_list_item,
        title="新增清单事项",
        back=penalty_list,
        message="已新增清单事项",
        penalty_list=penalty_list,
    )


@record_view(PenaltyList, Action.CHANGE)
def list_import(request, penalty_list):
    if request.GET.get("template"):
        return xlsx_workbook_response(
            "免罚轻罚清单导入模板.xlsx",
            imports.template_workbook(
                "清单事项", imports.LIST_ITEM_COLUMNS, imports.LIST_ITEM_EXAMPLE
            ),
        )
    errors = _run_import(
        request,
        lambda data: services.import_list_items(
            actor=request.user, penalty_list=penalty_list, data=data
        ),
        "项清单事项",
    )
    if errors is None:
        return redirect(penalty_list.get_absolute_url())
    context = {
        "errors": errors,
        "columns": imports.LIST_ITEM_COLUMNS,
        "back": penalty_list,
        "title": "导入清单事项",
    }
    return render(request, "enforcement/import.html", context)


@record_view(PenaltyList, Action.CHANGE)
def list_publish(request, penalty_list):
    form = forms.PublishForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.publish_list,
        title="公布清单",
        back=penalty_list,
        message="清单已公布施行",
        penalty_list=penalty_list,
    )


# — 入企执法报备 —


@require_safe
def report_list(request):
    queryset = selectors.enterprise_inspections(
        request.user,
        search=request.GET.get("q", "").strip(),
        status=request.GET.get("status", ""),
        repeated=request.GET.get("repeated") == "1",
    )
    return list_page(
        request,
        queryset,
        ledgers.REPORTS,
        "入企执法报备",
        create="enforcement:report_create",
        links=[("只看多部门重复检查", "?repeated=1")],
    )


def report_create(request):
    units = selectors.enforcing_units(request.user)
    return create_page(
        request,
        forms.InspectionReportForm,
        services.report_inspection,
        units=units,
        title="入企执法报备",
        message="已报备入企检查",
        preselect=False,
        officers=selectors.active_officers(request.user, units),
    )


@record_view(EnterpriseInspection)
@require_safe
def report_detail(request, inspection):
    today = timezone.localdate()
    context = {
        "inspection": inspection,
        "officers": [
            (o, o.certificate_problem(today))
            for o in selectors.named_officers(request.user, inspection)
        ],
        "repeated": selectors.repeated_inspections(request.user, inspection),
        "window": selectors.REPEAT_WINDOW_DAYS,
        "can_change": selectors.can_change(request.user, inspection),
        "history": core_selectors.record_history(request.user, inspection),
    }
    return render(request, "enforcement/report_detail.html", context)


@record_view(EnterpriseInspection, Action.CHANGE)
def report_cancel(request, inspection):
    form = forms.ReasonForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.cancel_inspection,
        title="取消入企检查报备",
        back=inspection,
        message="已取消报备",
        inspection=inspection,
    )


@record_view(EnterpriseInspection, Action.CHANGE)
def report_result(request, inspection):
    form = forms.InspectionResultForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.record_inspection_result,
        title="登记检查结果",
        back=inspection,
        message="已登记检查结果",
        inspection=inspection,
    )
