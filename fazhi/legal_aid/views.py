"""Pages of 法律援助: the case ledger (list, filters, Excel), a case's page with its steps,
the roster, the subsidy standard, consultations, duty lawyers and outreach (declared
`RecordPages`) and the public status lookup."""

from functools import partial
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_safe

from fazhi.core import pdf
from fazhi.core import selectors as core_selectors
from fazhi.core.guards import require_unit, shown_id_number
from fazhi.core.imports import import_page
from fazhi.core.ledgers import Column, Ledger, day
from fazhi.core.recordpages import RecordPages, create_page, detail_page, records_page
from fazhi.core.roles import Action
from fazhi.core.steps import step_page
from fazhi.core.viewtools import record_view, require

from . import documents, forms, imports, selectors, services
from .models import AidCase, Consultation, DutyService, OutreachEvent, Provider, SubsidyStandard
from .workflow import CASE_FLOW


def _due_cell(due, done, overdue):
    if done:
        return format_html("{}{}", day(done), " （逾期）" if overdue else "")
    if due is None:
        return ""
    late = due < timezone.localdate()
    return format_html(
        '{} <span class="badge{}">期限</span>', day(due), " badge-danger" if late else ""
    )


CASE_LEDGER = Ledger(
    "法律援助案件台账.xlsx",
    "法律援助",
    (
        Column("申请编号", lambda c: c.number),
        Column("来源", lambda c: c.get_origin_display(), on_page=False),
        Column("受援人", lambda c: c.applicant_name),
        Column("受援人群体", lambda c: "、".join(c.groups), on_page=False),
        Column("案件类型", lambda c: c.get_case_type_display()),
        Column("援助事项", lambda c: c.get_matter_display(), on_page=False),
        Column("办案机关", lambda c: c.case_organ, on_page=False),
        Column("收到申请（通知）日期", lambda c: day(c.received_date)),
        Column("审查决定期限", lambda c: day(c.decision_due), on_page=False),
        Column(
            "决定日期",
            lambda c: day(c.decided_date),
            cell=lambda c: (
                _due_cell(c.decision_due, c.decided_date, c.decision_overdue)
                if c.origin != "notified"
                else "通知"
            ),
        ),
        Column(
            "指派日期",
            lambda c: day(c.assigned_date),
            cell=lambda c: _due_cell(c.assignment_due, c.assigned_date, c.assignment_overdue),
        ),
        Column("承办人员", lambda c: str(c.provider) if c.provider else ""),
        Column("结案日期", lambda c: day(c.closed_date), on_page=False),
        Column("办理结果", lambda c: c.result, on_page=False),
        Column("挽回经济损失（元）", lambda c: c.amount_recovered, on_page=False),
        Column("质量等级", lambda c: c.get_quality_grade_display(), on_page=False),
        Column("状态", lambda c: c.get_state_display()),
    ),
)


@require_safe
def case_list(request):
    filters = forms.CaseFilterForm(request.GET)
    filters.is_valid()
    data = filters.cleaned_data
    queryset = selectors.cases(
        request.user,
        search=data.get("q", ""),
        state=data.get("state", ""),
        case_type=data.get("case_type", ""),
    )
    return records_page(
        request,
        queryset,
        model=AidCase,
        ledger=CASE_LEDGER,
        title="法律援助案件",
        placeholder="编号、受援人、办案机关或承办人员",
        filter_form=filters,
        empty="没有符合条件的案件",
        create=[
            ("受理申请", reverse("legal_aid:case_apply")),
            ("登记通知辩护（代理）", reverse("legal_aid:case_notice")),
            ("导入", reverse("legal_aid:case_import")),
        ],
    )


def case_apply(request):
    return create_page(
        request,
        AidCase,
        forms.ApplicationForm,
        services.register_application,
        units=selectors.agencies(request.user),
        title="受理法律援助申请",
        back=("法律援助", reverse("legal_aid:case_list")),
        message=lambda case: (
            f"已受理{case.number}"
            + (f"，审查决定期限为{case.decision_due:%Y-%m-%d}" if case.decision_due else "")
        ),
    )


def case_notice(request):
    return create_page(
        request,
        AidCase,
        forms.NoticeForm,
        services.register_notice,
        units=selectors.agencies(request.user),
        title="登记通知辩护（代理）",
        back=("法律援助", reverse("legal_aid:case_list")),
        message=lambda case: (
            f"已登记{case.number}"
            + (f"，请于{case.assignment_due:%Y-%m-%d}前指派律师" if case.assignment_due else "")
        ),
    )


@record_view(AidCase)
@require_safe
def case_detail(request, case):
    user = request.user
    economic = selectors.may_see_economic_evidence(user, case)
    charge = selectors.may_see_criminal_charge(user, case)
    shown = []
    if economic and case.economic_evidence:
        shown.append("经济困难状况")
    if charge and case.criminal_charge:
        shown.append("涉嫌罪名")
    if shown:
        services.record_sensitive_view(actor=user, case=case, parts=shown)
    return render(
        request,
        "legal_aid/case_detail.html",
        {
            "case": case,
            "id_number": shown_id_number(user, case, case.applicant_id_number),
            "show_economic": economic,
            "show_charge": charge,
            "progress": selectors.progress_of(user, case),
            "objections": selectors.objections_of(user, case),
            "complaints": selectors.complaints_of(user, case),
            "checks": selectors.quality_checks_of(user, case),
            "subsidies": selectors.subsidies_of(user, case),
            "history": core_selectors.record_history(user, case),
            "buttons": CASE_FLOW.buttons(case, user),
            "workflow": CASE_FLOW,
            "case_files": [
                (which, documents.title(which))
                for which in documents.FILES
                if documents.available(case, which)
                and selectors.may_see_case_file(user, case, which)
            ],
        },
    )


STEP_FORMS = {
    "request_supplement": (forms.SupplementForm, "已一次性告知补正"),
    "receive_supplement": (forms.SupplementReceivedForm, "已登记收到补正材料，审查期限重新计算"),
    "deem_withdrawn": (forms.WithdrawnForm, "已视为撤回申请"),
    "grant": (forms.GrantForm, "已决定给予法律援助"),
    "refuse": (forms.RefuseForm, "已决定不予法律援助"),
    "provide_provisional": (forms.ProvisionalForm, "已决定先行援助"),
    "assign": (forms.AssignForm, "已指派法律援助人员"),
    "record_progress": (forms.ProgressForm, "已登记办理进展"),
    "record_agreement": (forms.AgreementForm, "已登记委托协议"),
    "record_conclusion": (forms.ConclusionForm, "已登记办理结束，结案材料期限已列入待办"),
    "close": (forms.CloseForm, "已结案"),
    "terminate": (forms.TerminateForm, "已终止法律援助"),
    "record_objection": (forms.ObjectionForm, "已登记异议"),
    "decide_objection": (forms.ObjectionDecisionForm, "已作出异议审查决定"),
    "record_quality_check": (forms.QualityForm, "已登记质量评查"),
    "pay_subsidy": (forms.SubsidyForm, "已发放办案补贴"),
    "record_complaint": (forms.ComplaintForm, "已登记投诉"),
    "accept_complaint": (forms.ComplaintAcceptForm, "已受理投诉"),
    "reject_complaint": (forms.ComplaintRejectForm, "已决定不予受理"),
    "handle_complaint": (forms.ComplaintHandleForm, "投诉已办结，请及时告知投诉人"),
    "reply_complaint": (forms.ComplaintReplyForm, "已登记告知投诉人"),
}


@record_view(AidCase, Action.CHANGE)
def case_step(request, case):
    action = request.GET.get("action") or request.POST.get("action", "")
    if not action:
        return redirect("legal_aid:case_detail", pk=case.pk)
    if action not in STEP_FORMS:
        raise Http404("没有这个办理步骤")
    form_class, message = STEP_FORMS[action]
    kwargs = {}
    if action == "assign":
        kwargs = {"providers": selectors.providers_for(request.user, case)}
    return step_page(
        request,
        case,
        CASE_FLOW,
        action,
        form_class,
        getattr(services, action),
        message=message,
        form_kwargs=kwargs,
    )


@record_view(AidCase)
@require_safe
def case_file(request, case):
    """审批卷 or 承办卷 (?which=handling) of a finished case, as a Word 文书 or (?format=pdf) the
    same 文书 as PDF through the platform's one PDF engine; scoped and recorded alike."""
    which = request.GET.get("which", "approval")
    if which not in documents.FILES:
        raise Http404("没有这种案卷")
    as_pdf = request.GET.get("format") == "pdf"
    if not selectors.may_see_case_file(request.user, case, which):
        raise PermissionDenied(f"无权查看本案的{documents.title(which)}")
    if not documents.available(case, which):
        messages.error(
            request,
            f"{documents.title(which)}在"
            + ("结案或终止" if which == "handling" else "结案、终止、不予援助或视为撤回")
            + "后生成",
        )
        return redirect("legal_aid:case_detail", pk=case.pk)
    content = documents.case_file_docx(case, which, request.user, timezone.localdate())
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if as_pdf:
        try:
            content, kind = pdf.pdf_bytes(content), "application/pdf"
        except pdf.ExportError as error:
            messages.error(request, f"PDF导出失败：{error}")
            return redirect("legal_aid:case_detail", pk=case.pk)
    services.record_sensitive_view(
        actor=request.user,
        case=case,
        parts=[documents.title(which), *documents.sensitive_parts(case, which, request.user)],
    )
    name = f"{documents.title(which)}（{case.number}）.{'pdf' if as_pdf else 'docx'}"
    return HttpResponse(
        content,
        content_type=kind,
        headers={"Content-Disposition": "attachment; filename*=UTF-8''" + quote(name)},
    )


def case_import(request):
    """导入 the national system's export into the user's agency: all rows or none."""
    require(request, Action.CREATE, AidCase.work_line)
    unit = selectors.agencies(request.user).first()
    if unit is None:
        raise PermissionDenied("当前任职无权导入法律援助案件")
    require_unit(request.user, unit, work_line=AidCase.work_line)
    return import_page(
        request,
        imports.CASES,
        partial(services.import_cases, unit=unit),
        title=f"导入全国法律援助管理信息系统案件（{unit.name}）",
        template_name="法律援助案件导入模板.xlsx",
        success="已导入{count}件案件",
        done=reverse("legal_aid:case_list"),
    )


# — complaints (第五十五条、第五十六条) —

COMPLAINT_LEDGER = Ledger(
    "法律援助投诉台账.xlsx",
    "法律援助投诉",
    (
        Column("案件", lambda c: c.case.number),
        Column("收到投诉日期", lambda c: day(c.received_date)),
        Column("投诉人", lambda c: c.complainant),
        Column("投诉人身份", lambda c: c.get_relation_display(), on_page=False),
        Column("被投诉对象", lambda c: c.get_against_display()),
        Column("投诉事项", lambda c: c.content, on_page=False),
        Column("请求更换人员", lambda c: "是" if c.wants_replacement else "否", on_page=False),
        Column(
            "受理",
            lambda c: day(c.accepted_date or c.rejected_date),
            cell=lambda c: _due_cell(
                c.accept_due, c.accepted_date or c.rejected_date, c.accept_overdue
            ),
        ),
        Column(
            "办结",
            lambda c: day(c.handled_date),
            cell=lambda c: _due_cell(c.handle_due, c.handled_date, c.handle_overdue),
        ),
        Column("处理结果", lambda c: c.get_outcome_display() or c.rejection_reason, on_page=False),
        Column("告知投诉人日期", lambda c: day(c.replied_date)),
        Column("状态", lambda c: c.stage),
    ),
)


@require_safe
def complaint_list(request):
    return records_page(
        request,
        selectors.complaints(request.user, request.GET.get("q", "")[:100]),
        model=AidCase,
        ledger=COMPLAINT_LEDGER,
        title="法律援助投诉",
        placeholder="案件编号、投诉人或投诉事项",
        empty="没有投诉",
    )


# — the roster —

PROVIDER_LEDGER = Ledger(
    "法律援助人员.xlsx",
    "法律援助人员",
    (
        Column("姓名", lambda p: p.name),
        Column("类别", lambda p: p.get_kind_display()),
        Column("执业机构", lambda p: p.firm),
        Column("执业证号", lambda p: p.license_number, on_page=False),
        Column("开始执业日期", lambda p: day(p.practice_since)),
        Column("刑事辩护经历", lambda p: "有" if p.criminal_experience else "无"),
        Column("所属机构", lambda p: p.unit.name, on_page=False),
    ),
)


PROVIDERS = RecordPages(
    namespace="legal_aid",
    units=selectors.agencies,
    name="provider",
    model=Provider,
    ledger=PROVIDER_LEDGER,
    selector=selectors.providers,
    title="法律援助人员",
    placeholder="姓名或执业机构",
    empty="尚未登记法律援助人员",
    create_label="登记人员",
    form_class=forms.ProviderForm,
    service=services.register_provider,
    message=lambda p: f"已登记{p}",
)
provider_list, provider_create = PROVIDERS.views()  # its page lists its cases (below)


@record_view(Provider)
@require_safe
def provider_detail(request, provider):
    return render(
        request,
        "legal_aid/provider_detail.html",
        {
            "provider": provider,
            "cases": selectors.cases(request.user).filter(provider=provider)[:50],
            "history": core_selectors.record_history(request.user, provider),
        },
    )


# — the subsidy standard —

STANDARD_LEDGER = Ledger(
    "办案补贴标准.xlsx",
    "补贴标准",
    (
        Column("案件类型", lambda s: s.get_case_type_display()),
        Column("标准文件", lambda s: s.version),
        Column("施行日期", lambda s: day(s.effective_from)),
        Column("基础补贴（元）", lambda s: s.base_amount),
        Column("绩效补贴（元）", lambda s: s.performance_amount),
        Column("须经质量评定", lambda s: "是" if s.requires_grade else "否"),
        Column("终止案件发放比例（%）", lambda s: s.termination_percent),
        Column("单位", lambda s: s.unit.name, on_page=False),
    ),
)


STANDARDS = RecordPages(
    namespace="legal_aid",
    units=selectors.agencies,
    name="standard",
    model=SubsidyStandard,
    ledger=STANDARD_LEDGER,
    selector=selectors.standards,
    title="办案补贴标准",
    placeholder="标准文件",
    empty="尚未登记补贴标准",
    create_label="登记新版本",
    form_class=forms.StandardForm,
    service=services.add_standard,
    message=lambda s: f"已登记{s}",
)
standard_list, standard_create = STANDARDS.views()
standard_detail = STANDARDS.detail_view()


# — consultations —

CONSULTATION_LEDGER = Ledger(
    "法律咨询登记.xlsx",
    "法律咨询",
    (
        Column("咨询日期", lambda c: day(c.date)),
        Column("方式", lambda c: c.get_channel_display()),
        Column("咨询人", lambda c: c.person_name),
        Column("咨询事项", lambda c: c.question),
        Column("解答意见", lambda c: c.answer, on_page=False),
        Column("处理方式", lambda c: c.get_referral_display()),
        Column("单位", lambda c: c.unit.name, on_page=False),
    ),
)


@require_safe
def consultation_list(request):
    filters = forms.ConsultationFilterForm(request.GET)
    filters.is_valid()
    data = filters.cleaned_data
    return records_page(
        request,
        selectors.consultations(
            request.user, search=data.get("q", ""), channel=data.get("channel", "")
        ),
        model=Consultation,
        ledger=CONSULTATION_LEDGER,
        title="法律咨询",
        placeholder="咨询人或咨询事项",
        filter_form=filters,
        empty="没有符合条件的咨询",
        create=[("登记咨询", reverse("legal_aid:consultation_create"))],
    )


def consultation_create(request):
    return create_page(
        request,
        Consultation,
        forms.ConsultationForm,
        services.register_consultation,
        units=selectors.agencies(request.user),
        title="登记法律咨询",
        back=("法律咨询", reverse("legal_aid:consultation_list")),
        message="已登记法律咨询",
    )


@record_view(Consultation)
@require_safe
def consultation_detail(request, consultation):
    return detail_page(
        request, consultation, template="legal_aid/consultation_detail.html", name="consultation"
    )


# — duty lawyers and outreach (counted records: list, detail, no steps) —

DUTY_LEDGER = Ledger(
    "值班律师法律帮助登记.xlsx",
    "值班律师法律帮助",
    (
        Column("值班日期", lambda d: day(d.date)),
        Column("派驻场所", lambda d: f"{d.get_place_display()}（{d.place_name}）"),
        Column("值班律师", lambda d: str(d.provider)),
        Column("法律帮助（人次）", lambda d: d.persons),
        Column("见证认罪认罚具结（人次）", lambda d: d.plea_witnessed),
        Column("情况", lambda d: d.note, on_page=False),
        Column("单位", lambda d: d.unit.name, on_page=False),
    ),
)

OUTREACH_LEDGER = Ledger(
    "法律援助宣传活动登记.xlsx",
    "法律援助宣传活动",
    (
        Column("活动日期", lambda e: day(e.date)),
        Column("活动名称", lambda e: e.title),
        Column("地点", lambda e: e.place),
        Column("对象", lambda e: e.audience, on_page=False),
        Column("参与（人次）", lambda e: e.participants),
        Column("情况", lambda e: e.note, on_page=False),
        Column("单位", lambda e: e.unit.name, on_page=False),
    ),
)


DUTIES = RecordPages(
    namespace="legal_aid",
    units=selectors.agencies,
    name="duty",
    model=DutyService,
    ledger=DUTY_LEDGER,
    selector=selectors.duty_services,
    title="值班律师法律帮助",
    placeholder="场所或值班律师",
    empty="没有符合条件的值班律师法律帮助记录",
    create_label="登记值班",
    form_class=forms.DutyServiceForm,
    service=services.register_duty_service,
    message="已登记值班律师法律帮助",
)
duty_list, duty_create = DUTIES.views()
duty_detail = DUTIES.detail_view()

OUTREACH = RecordPages(
    namespace="legal_aid",
    units=selectors.agencies,
    name="outreach",
    model=OutreachEvent,
    ledger=OUTREACH_LEDGER,
    selector=selectors.outreach_events,
    title="法律援助宣传活动",
    placeholder="活动名称或地点",
    empty="没有符合条件的法律援助宣传活动记录",
    create_label="登记活动",
    form_class=forms.OutreachEventForm,
    service=services.register_outreach_event,
    message="已登记法律援助宣传活动",
)
outreach_list, outreach_create = OUTREACH.views()
outreach_detail = OUTREACH.detail_view()


# — the public status lookup —


@login_not_required
def status_lookup(request):
    """No account: the applicant gives the number and the last six characters of the ID
    number and sees the state and its dates, nothing else."""
    form = forms.LookupForm(request.POST or None)
    case, error = None, None
    if request.method == "POST" and form.is_valid():
        case, error = services.public_lookup(
            actor=None,
            number=form.cleaned_data["number"],
            id_check=form.cleaned_data["id_check"],
            address=request.META.get("REMOTE_ADDR"),
        )
    return render(
        request,
        "legal_aid/status_lookup.html",
        {"form": form, "found": case, "error": error},
    )
