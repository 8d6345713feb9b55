"""Pages of 社区矫正: the ledgers (list, Excel without identity fields), a subject's and an
investigation's page, one form per step, 申请查看 and its monthly report, the overview."""

import functools
import operator

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.imports import import_page
from fazhi.core.ledgers import Column, Ledger, day, ledger_page
from fazhi.core.roles import Action
from fazhi.core.steps import form_page, step_page
from fazhi.core.viewtools import require, run_service_form

from . import imports, rows, selectors, services
from .forms import (
    AssessmentForm,
    DailyForm,
    HandlerForm,
    InvestigationForm,
    LeaveForm,
    LinkageForm,
    LocationOrderForm,
    LocationPointForm,
    PlacementForm,
    PlanForm,
    ReleasedForm,
    ReleaseForm,
    RevealForm,
    SanctionForm,
    SubjectFilterForm,
    SubjectForm,
    TerminateForm,
    TransferForm,
)
from .models import CountReport, Investigation, ReleasedPerson, Subject
from .workflow import INVESTIGATION_FLOW, RESETTLEMENT_FLOW, SUBJECT_FLOW

CRUMBS = [("社区矫正", "/corrections/")]


def record_view(model, action: str = Action.VIEW):
    """A record found through the platform's scope (404 outside it, core's rule) and then the
    line's row rules (rows.py: 403 for counts-only roles and for a minor's record to anyone
    but its named handlers). The scoping tests read `record_model` and `record_action`."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, pk, **kwargs):
            record = core_selectors.get_visible(model, request.user, pk, action)
            rows.require_row(request.user, record)
            return view(request, record, **kwargs)

        wrapped.record_model = model
        wrapped.record_action = action
        return wrapped

    return decorate


# No column of either ledger carries an identity field (姓名, 身份证号, 地址, 电话): the file
# leaves the platform's access control. Minors' records are never exported.
SUBJECT_LEDGER = Ledger(
    "社区矫正对象台账.xlsx",
    "社区矫正对象",
    (
        Column("矫正编号", lambda s: s.number),
        Column("社区矫正机构", lambda s: s.unit.name, on_page=False),
        Column("受委托司法所", lambda s: s.station.name),
        Column("村（社区）", lambda s: s.community, on_page=False),
        Column("矫正类别", lambda s: s.get_category_display()),
        Column("矫正期限起", lambda s: day(s.term_start)),
        Column("矫正期限止", lambda s: day(s.term_end)),
        Column("管理等级", lambda s: s.get_level_display(), on_page=False),
        Column("状态", lambda s: s.get_status_display()),
        Column("接收衔接问题", lambda s: len(s.intake_gaps()), on_page=False),
        Column("解除矫正日期", lambda s: day(s.released_date), on_page=False),
    ),
)


def _due_cell(investigation):
    late = (
        format_html(' <span class="badge badge-danger">逾期</span>') if investigation.late else ""
    )
    return format_html("{}{}", day(investigation.due_date) or "待录入节假日安排后计算", late)


INVESTIGATION_LEDGER = Ledger(
    "调查评估台账.xlsx",
    "调查评估",
    (
        Column("委托机关", lambda i: i.organ),
        Column("委托编号", lambda i: i.reference),
        Column("拟适用类别", lambda i: i.get_proposed_category_display(), on_page=False),
        Column("收到委托函日期", lambda i: day(i.received_date)),
        Column("速裁", lambda i: "是" if i.fast_track else "否", on_page=False),
        Column("评估期限", lambda i: day(i.due_date), cell=_due_cell),
        Column("评估意见", lambda i: i.get_opinion_display()),
        Column("意见日期", lambda i: day(i.opinion_date), on_page=False),
        Column("是否逾期", lambda i: "是" if i.late else "否", on_page=False),
        Column("状态", lambda i: i.get_status_display()),
    ),
)


def _no_identity_export(request):
    """Bad input of the issue: an export asked with identity fields is refused outright."""
    if request.GET.get("export") and request.GET.get("fields"):
        raise PermissionDenied(
            "导出文件不能包含姓名、身份证号、住址、电话等身份信息（社区矫正法 第四条、第五十四条）"
        )


def _rows_or_counts(request):
    if rows.counts_only(request.user):
        raise PermissionDenied(
            "督察员和依法治办只查看社区矫正的统计数量，不查看名单（社区矫正法 第四条）"
        )


@require_safe
def overview(request):
    require(request, Action.VIEW, Subject.work_line)
    table, totals = selectors.overview(request.user)
    return render(
        request,
        "corrections/overview.html",
        {
            "table": table,
            "totals": totals,
            "counts": selectors.counts(request.user),
            "rows_allowed": not rows.counts_only(request.user),
            "can_create": core_selectors.can(request.user, Action.CREATE, Subject.work_line),
        },
    )


@require_safe
def subject_list(request):
    require(request, Action.VIEW, Subject.work_line)
    _rows_or_counts(request)
    _no_identity_export(request)
    filters = SubjectFilterForm(request.GET)
    filters.is_valid()
    data = filters.cleaned_data
    queryset = selectors.subjects(
        request.user,
        search=data.get("q", ""),
        status=data.get("status", ""),
        category=data.get("category", ""),
    )
    can_create = core_selectors.can(request.user, Action.CREATE, Subject.work_line)
    return ledger_page(
        request,
        queryset,
        ledger=SUBJECT_LEDGER,
        title="社区矫正对象",
        section="社区矫正",
        export_rows=selectors.exportable_subjects(queryset),
        search_placeholder="矫正编号、司法所或村（社区）",
        filter_form=filters,
        empty="没有符合条件的社区矫正对象",
        actions=[
            ("接收社区矫正对象", reverse("corrections:subject_create")),
            ("导入省平台数据", reverse("corrections:subject_import")),
        ]
        if can_create
        else [],
    )


def subject_create(request):
    require(request, Action.CREATE, Subject.work_line)
    units = selectors.bureaus(request.user)
    form = SubjectForm(
        request.POST or None,
        units=units,
        stations=selectors.stations(request.user),
        initial={"unit": units.first()} if units.count() == 1 else {},
        request=request,
    )
    return form_page(
        request,
        form,
        services.receive_subject,
        title="接收社区矫正对象",
        crumbs=CRUMBS,
        message=lambda s: (
            f"已接收{s.number}"
            + (f"；{len(s.intake_gaps())}项衔接问题已标注" if s.intake_gaps() else "")
        ),
    )


def _identity(user, record) -> list[tuple[str, str, str]]:
    """(field, label, shown value) of the record's identity fields."""
    return [
        (f, label, rows.shown(user, record, f)) for f, label in type(record).identity_fields.items()
    ]


@record_view(Subject)
@require_safe
def subject_detail(request, subject):
    user = request.user
    return render(
        request,
        "corrections/subject_detail.html",
        {
            "subject": subject,
            "identity": _identity(user, subject),
            "may_reveal": rows.identity_access(user, subject) == rows.REVEAL,
            "gaps": subject.intake_gaps(),
            "daily": selectors.daily_of(user, subject),
            "leaves": selectors.leaves_of(user, subject),
            "sanctions": selectors.sanctions_of(user, subject),
            "orders": selectors.orders_of(user, subject),
            "points": selectors.points_of(user, subject)[:50],
            "is_handler": subject.handlers.filter(pk=user.pk).exists(),
            "handlers": subject.handlers.all(),
            "accesses": selectors.accesses_of(user, subject)[:20],
            "history": core_selectors.record_history(user, subject),
            "buttons": SUBJECT_FLOW.buttons(subject, user),
            "workflow": SUBJECT_FLOW,
        },
    )


def _step(request, subject, action, form_class, **kwargs):
    return step_page(
        request, subject, SUBJECT_FLOW, action, form_class, getattr(services, action), **kwargs
    )


@record_view(Subject, Action.CHANGE)
def set_plan(request, subject):
    return _step(request, subject, "set_plan", PlanForm, message="已保存矫正方案")


@record_view(Subject, Action.CHANGE)
def name_handler(request, subject):
    return _step(
        request,
        subject,
        "name_handler",
        HandlerForm,
        form_kwargs={"users": selectors.colleagues(request.user, subject)},
        message="已增加具名执法人员",
    )


@record_view(Subject, Action.CHANGE)
def record_daily(request, subject):
    return _step(request, subject, "record_daily", DailyForm, message="已登记")


@record_view(Subject, Action.CHANGE)
def approve_leave(request, subject):
    return _step(request, subject, "approve_leave", LeaveForm, message="已登记外出审批")


@record_view(Subject, Action.CHANGE)
def record_sanction(request, subject):
    return _step(
        request,
        subject,
        "record_sanction",
        SanctionForm,
        message=lambda s: f"已登记{s.get_kind_display()}",
    )


@record_view(Subject, Action.CHANGE)
def order_location(request, subject):
    return _step(
        request,
        subject,
        "order_location",
        LocationOrderForm,
        form_kwargs={"orders": selectors.orders_of(request.user, subject)},
        message=lambda o: f"已登记电子定位决定（{o.start:%Y-%m-%d}至{o.end:%Y-%m-%d}）",
    )


@record_view(Subject, Action.CHANGE)
def record_location(request, subject):
    if not subject.handlers.filter(pk=request.user.pk).exists():
        raise PermissionDenied(
            "定位信息只由该社区矫正对象的具名执法人员登记和查看（第二十九条第三款）"
        )
    return _step(request, subject, "record_location", LocationPointForm, message="已登记定位信息")


@record_view(Subject, Action.CHANGE)
def transfer_subject(request, subject):
    return _step(request, subject, "transfer_subject", TransferForm, message="已登记执行地变更")


@record_view(Subject, Action.CHANGE)
def release_subject(request, subject):
    return _step(
        request,
        subject,
        "release_subject",
        ReleaseForm,
        message=lambda s: f"已解除矫正，证明书{s.certificate_number}",
    )


@record_view(Subject, Action.CHANGE)
def terminate_subject(request, subject):
    return _step(request, subject, "terminate_subject", TerminateForm, message="已登记矫正终止")


def _reveal(request, record, back):
    field = request.POST.get("field") or request.GET.get("field", "")
    labels = type(record).identity_fields
    form = RevealForm(request.POST or None, initial={"field": field}, request=request)
    shown = None
    access = run_service_form(request, form, services.reveal, record=record)
    if access is not None:
        if access.granted:
            shown = getattr(record, access.field)
        else:
            form = RevealForm(None, initial={"field": field}, request=request)
            messages.error(request, f"{access.refusal}（本次申请已记录）")
    return render(
        request,
        "corrections/reveal.html",
        {
            "record": record,
            "form": form,
            "field_label": labels.get(field, field),
            "shown": shown,
            "access": access,
            "back": back,
        },
    )


@record_view(Subject)
def subject_reveal(request, subject):
    return _reveal(request, subject, subject.get_absolute_url())


@record_view(Investigation)
def investigation_reveal(request, investigation):
    return _reveal(request, investigation, investigation.get_absolute_url())


@require_safe
def investigation_list(request):
    require(request, Action.VIEW, Investigation.work_line)
    _rows_or_counts(request)
    _no_identity_export(request)
    queryset = selectors.investigations(request.user, search=request.GET.get("q", "")[:100])
    can_create = core_selectors.can(request.user, Action.CREATE, Investigation.work_line)
    return ledger_page(
        request,
        queryset,
        ledger=INVESTIGATION_LEDGER,
        title="调查评估",
        section="社区矫正",
        search_placeholder="委托机关或委托编号",
        empty="没有调查评估",
        actions=[("登记调查评估委托", reverse("corrections:investigation_create"))]
        if can_create
        else [],
    )


def investigation_create(request):
    require(request, Action.CREATE, Investigation.work_line)
    units = selectors.bureaus(request.user)
    form = InvestigationForm(
        request.POST or None,
        units=units,
        initial={"unit": units.first()} if units.count() == 1 else {},
        request=request,
    )
    return form_page(
        request,
        form,
        services.register_investigation,
        title="登记调查评估委托",
        crumbs=CRUMBS,
        message=lambda i: f"已登记{i}，评估期限{day(i.due_date) or '待录入节假日安排后计算'}",
    )


@record_view(Investigation)
@require_safe
def investigation_detail(request, investigation):
    user = request.user
    return render(
        request,
        "corrections/investigation_detail.html",
        {
            "investigation": investigation,
            "identity": _identity(user, investigation),
            "may_reveal": rows.identity_access(user, investigation) == rows.REVEAL,
            "accesses": selectors.accesses_of(user, investigation)[:20],
            "history": core_selectors.record_history(user, investigation),
            "buttons": INVESTIGATION_FLOW.buttons(investigation, user),
            "workflow": INVESTIGATION_FLOW,
        },
    )


@record_view(Investigation, Action.CHANGE)
def complete_investigation(request, investigation):
    return step_page(
        request,
        investigation,
        INVESTIGATION_FLOW,
        "complete_investigation",
        AssessmentForm,
        services.complete_investigation,
        message="已出具调查评估意见",
    )


@require_safe
def access_report(request):
    """申请查看的月度报告, for the bureau's 负责人 (审核 of the unit)."""
    require(request, Action.REVIEW, Subject.work_line)
    _rows_or_counts(request)
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    months: dict[int, list] = {}
    for access in selectors.access_months(request.user, year):
        months.setdefault(timezone.localtime(access.created_at).month, []).append(access)
    return render(
        request,
        "corrections/access_report.html",
        {"year": year, "months": sorted(months.items(), reverse=True), "crumbs": CRUMBS},
    )


def _import(request, spec, service, *, title, template_name, success, done):
    """An import into the bureau the user works for (the county's), all rows or none."""
    require(request, Action.CREATE, Subject.work_line)
    unit = selectors.bureaus(request.user).first()
    if unit is None:
        raise PermissionDenied("当前任职不是县级社区矫正机构的工作人员")
    return import_page(
        request,
        spec,
        functools.partial(service, unit=unit),
        title=f"{title}（{unit.name}）",
        template_name=template_name,
        success=success,
        done=reverse(done),
    )


def subject_import(request):
    return _import(
        request,
        imports.SUBJECTS,
        services.import_subjects,
        title="导入省智慧矫正平台数据",
        template_name="社区矫正对象导入模板.xlsx",
        success="已导入{count}条社区矫正对象",
        done="corrections:subject_list",
    )


COUNT_LEDGER = Ledger(
    "社区矫正数量月报.xlsx",
    "数量月报",
    (
        Column("社区矫正机构", lambda r: r.unit.name),
        Column("月份", lambda r: f"{r.month:%Y-%m}"),
        *(
            Column(str(CountReport._meta.get_field(name).verbose_name), operator.attrgetter(name))
            for name in imports.COUNT_FIELDS + imports.OPTIONAL_FIELDS
        ),
    ),
)


@require_safe
def count_list(request):
    """The monthly counts of counties without local rows: numbers only, so the counts-only
    roles read them too."""
    require(request, Action.VIEW, CountReport.work_line)
    can_create = core_selectors.can(request.user, Action.CREATE, CountReport.work_line)
    return ledger_page(
        request,
        selectors.count_reports(request.user),
        ledger=COUNT_LEDGER,
        title="社区矫正数量月报",
        section="社区矫正",
        empty="没有数量月报（在本平台登记对象的县（区）由记录计算统计数据）",
        actions=[("导入数量月报", reverse("corrections:count_import"))] if can_create else [],
    )


def count_import(request):
    return _import(
        request,
        imports.COUNTS,
        services.import_counts,
        title="导入社区矫正数量月报",
        template_name="社区矫正数量月报导入模板.xlsx",
        success="已导入{count}个月的数量月报",
        done="corrections:count_list",
    )


RELEASED_LEDGER = Ledger(
    "安置帮教对象台账.xlsx",
    "安置帮教对象",
    (
        Column("帮教编号", lambda p: p.number),
        Column("监管场所", lambda p: p.prison),
        Column("刑满释放日期", lambda p: day(p.release_date)),
        Column("衔接情况", lambda p: p.get_linkage_display()),
        Column("重点帮教对象", lambda p: "是" if p.is_key else "否", on_page=False),
        Column("安置情况", lambda p: p.get_placement_display(), on_page=False),
        Column("通知问题", lambda p: len(p.notice_gaps()), on_page=False),
        Column("帮教期满", lambda p: day(p.period_end), on_page=False),
    ),
)


@require_safe
def released_list(request):
    require(request, Action.VIEW, ReleasedPerson.work_line)
    _rows_or_counts(request)
    _no_identity_export(request)
    queryset = selectors.released(request.user, search=request.GET.get("q", "")[:100])
    can_create = core_selectors.can(request.user, Action.CREATE, ReleasedPerson.work_line)
    return ledger_page(
        request,
        queryset,
        ledger=RELEASED_LEDGER,
        title="安置帮教对象",
        section="社区矫正",
        search_placeholder="帮教编号或监管场所",
        empty="没有安置帮教对象",
        actions=[("登记刑释人员", reverse("corrections:released_create"))] if can_create else [],
    )


def released_create(request):
    require(request, Action.CREATE, ReleasedPerson.work_line)
    units = selectors.bureaus(request.user)
    form = ReleasedForm(
        request.POST or None,
        units=units,
        initial={"unit": units.first()} if units.count() == 1 else {},
        request=request,
    )
    return form_page(
        request,
        form,
        services.register_released,
        title="登记刑释人员",
        crumbs=CRUMBS,
        message=lambda p: f"已登记{p.number}，帮教期至{p.period_end:%Y-%m-%d}",
    )


@record_view(ReleasedPerson)
@require_safe
def released_detail(request, person):
    user = request.user
    return render(
        request,
        "corrections/released_detail.html",
        {
            "person": person,
            "identity": _identity(user, person),
            "may_reveal": rows.identity_access(user, person) == rows.REVEAL,
            "gaps": person.notice_gaps(),
            "accesses": selectors.accesses_of(user, person)[:20],
            "history": core_selectors.record_history(user, person),
            "buttons": RESETTLEMENT_FLOW.buttons(person, user),
            "workflow": RESETTLEMENT_FLOW,
        },
    )


@record_view(ReleasedPerson)
def released_reveal(request, person):
    return _reveal(request, person, person.get_absolute_url())


@record_view(ReleasedPerson, Action.CHANGE)
def record_linkage(request, person):
    return step_page(
        request,
        person,
        RESETTLEMENT_FLOW,
        "record_linkage",
        LinkageForm,
        services.record_linkage,
        message=lambda p: f"已登记衔接：{p.get_linkage_display()}",
    )


@record_view(ReleasedPerson, Action.CHANGE)
def record_placement(request, person):
    return step_page(
        request,
        person,
        RESETTLEMENT_FLOW,
        "record_placement",
        PlacementForm,
        services.record_placement,
        message="已登记帮教安置",
    )
