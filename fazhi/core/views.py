"""Pages of the foundation: 待办, units, users and memberships, the calendar, attachments."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    ValidationError,
)
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views import defaults
from django.views.decorators.http import require_POST, require_safe

from . import calendar, selectors, services, wordtemplates, workflow
from .deadlines import due_list
from .filters import YearQuery, query_values
from .forms import (
    CalendarYearForm,
    DateCalculatorForm,
    LoginForm,
    PasswordResetForm,
    UnitEditForm,
    UnitForm,
    UnitMoveForm,
    UserCreateForm,
    WorkLinesForm,
)
from .guards import permits
from .ledgers import Column, Ledger, ledger_page
from .middleware import SESSION_KEY
from .models import Attachment, Membership, Unit, WordTemplate
from .roles import Action
from .steps import form_page
from .viewtools import (
    error_text,
    list_template,
    paginate,
    record_view,
    require,
    run_service_form,
)


@login_not_required
@require_safe
def health(request):
    """A trivial page for load balancers and benchmarks: the server answers."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def login_view(request):
    # Set by SessionExpiryLoginRequiredMiddleware when a page was asked with a dead session.
    expired = not request.user.is_authenticated and "expired" in request.GET
    return auth_views.LoginView.as_view(
        authentication_form=LoginForm,
        extra_context={"session_expired": expired},
        redirect_authenticated_user=True,
    )(request)


@require_safe
def due_list_view(request):
    today = timezone.localdate()
    result = due_list(request.user, today)
    rows = [(item, item.status(today)) for item in result.items]
    return render(
        request,
        "core/due_list.html",
        {"rows": rows, "warnings": result.warnings, "today": today},
    )


@require_POST
def switch_membership(request):
    chosen = next(
        (m for m in request.memberships if str(m.pk) == request.POST.get("membership")), None
    )
    if chosen is None:
        raise Http404("任职不存在")
    request.session[SESSION_KEY] = chosen.pk
    messages.success(request, f"已切换到“{chosen.unit.name}·{chosen.get_role_display()}”")
    return redirect("core:due_list")


@require_safe
def unit_list(request):
    search = request.GET.get("q", "").strip()
    page = paginate(request, selectors.units(request.user, search))
    template = list_template(request, "core/unit_list.html", "core/_unit_rows.html")
    return render(request, template, {"page": page, "q": search})


@record_view(Unit)
@require_safe
def unit_detail(request, unit):
    return render(
        request,
        "core/unit_detail.html",
        {
            "unit": unit,
            "ancestors": selectors.units(request.user).filter(pk__in=unit.ancestors()),
            "children": selectors.unit_children(request.user, unit),
            "attachments": selectors.attachments_of(request.user, unit),
            "history": selectors.record_history(request.user, unit),
            "can_manage": selectors.can(request.user, Action.MANAGE_UNITS),
        },
    )


@record_view(Unit, Action.MANAGE_UNITS)
def unit_create(request, parent):
    return form_page(
        request,
        UnitForm(request.POST or None, request=request),
        services.create_unit,
        title=f"在“{parent}”下新建单位",
        back=parent,
        message=lambda created: f"已新建单位“{created.name}”",
        parent=parent,
    )


@record_view(Unit, Action.MANAGE_UNITS)
def unit_edit(request, unit):
    initial = {"name": unit.name, "division_code": unit.division_code, "is_active": unit.is_active}
    return form_page(
        request,
        UnitEditForm(request.POST or None, initial=initial, request=request),
        services.update_unit,
        title=f"修改“{unit}”",
        back=unit,
        message="已保存",
        unit=unit,
    )


@record_view(Unit, Action.MANAGE_UNITS)
def unit_move(request, unit):
    parents = selectors.units(request.user).exclude(path__startswith=unit.path)
    return form_page(
        request,
        UnitMoveForm(request.POST or None, parents=parents, request=request),
        services.move_unit,
        title=f"调整“{unit}”的上级",
        back=unit,
        message=f"已调整“{unit}”的隶属关系",
        unit=unit,
    )


@record_view(Unit, Action.MANAGE_UNITS)
@require_POST
def unit_attach(request, unit):
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的文件")
    else:
        try:
            services.attach_file(actor=request.user, target=unit, uploaded_file=upload)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, f"已上传“{upload.name}”")
    return redirect("core:unit_detail", pk=unit.pk)


@record_view(Unit)
@require_safe
def unit_templates(request, unit):
    """文书模板 of the unit: each kind with its fields, the template in use to download."""
    own = {t.key: t for t in WordTemplate.objects.filter(unit=unit)}
    key = request.GET.get("download", "")
    if key:
        kind = wordtemplates.KINDS.get(key)
        if kind is None:
            raise Http404("没有这种文书")
        return HttpResponse(
            wordtemplates.template_for(unit, key),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            headers={
                "Content-Disposition": "attachment; filename*=UTF-8''"
                + quote(f"{kind.title}（模板）.docx")
            },
        )
    kinds = sorted(wordtemplates.KINDS.values(), key=lambda kind: kind.key)
    return render(
        request,
        "core/unit_templates.html",
        {
            "unit": unit,
            "kinds": [(kind, own.get(kind.key)) for kind in kinds],
            "can_manage": permits(request.user, Action.MANAGE_UNITS, unit),
        },
    )


@record_view(Unit, Action.MANAGE_UNITS)
@require_POST
def unit_template_upload(request, unit):
    upload = request.FILES.get("file")
    key = request.POST.get("key", "")
    if upload is None:
        messages.error(request, "请选择要上传的模板文件")
    else:
        try:
            services.upload_word_template(
                actor=request.user, unit=unit, key=key, uploaded_file=upload
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, f"已启用本单位的模板“{upload.name}”")
    return redirect("core:unit_templates", pk=unit.pk)


@record_view(Unit, Action.MANAGE_UNITS)
@require_POST
def unit_template_reset(request, unit):
    try:
        services.reset_word_template(actor=request.user, unit=unit, key=request.POST.get("key", ""))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, "已恢复默认模板")
    return redirect("core:unit_templates", pk=unit.pk)


@record_view(Attachment)
@require_safe
def attachment_download(request, attachment):
    # The file is served only when the record it belongs to is visible too.
    target = attachment.target
    if target is None or not permits(request.user, Action.VIEW, target):
        raise Http404("记录不存在或无权查看")
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    return response


MEMBERSHIP_LEDGER = Ledger(
    "用户任职台账.xlsx",
    "用户任职",
    (
        Column("用户名", lambda m: m.user.username),
        Column("姓名", lambda m: m.user.first_name),
        Column("单位", lambda m: m.unit.name),
        Column("角色", lambda m: m.get_role_display()),
        Column("数据范围", lambda m: m.get_data_scope_display()),
        Column("状态", lambda m: "有效" if m.is_active else "已撤销"),
        Column("设立时间", lambda m: timezone.localtime(m.created_at).strftime("%Y-%m-%d %H:%M")),
        Column("业务条线", lambda m: m.work_lines_display()),
    ),
    link=False,
)


@require_safe
def membership_list(request):
    require(request, Action.MANAGE_USERS)
    queryset = selectors.memberships(request.user, request.GET.get("q", "").strip())
    return ledger_page(
        request,
        queryset,
        ledger=MEMBERSHIP_LEDGER,
        title="用户与任职",
        rows_template="core/_membership_rows.html",  # a revoke button on each row
        search_placeholder="用户名、姓名或单位",
        actions=[("开通用户", reverse("core:user_create"))],
    )


def user_create(request):
    require(request, Action.MANAGE_USERS)
    units = selectors.units(request.user)
    form = UserCreateForm(request.POST or None, units=units, request=request)
    created = run_service_form(request, form, services.create_user)
    if created:
        messages.success(request, f"已开通用户“{created.first_name}”")
        return redirect("core:membership_list")
    return render(request, "core/form.html", {"form": form, "title": "开通用户"})


@record_view(Membership, Action.MANAGE_USERS)
def membership_work_lines(request, membership):
    form = WorkLinesForm(request.POST or None, request=request, membership=membership)
    changed = run_service_form(request, form, services.set_work_lines, membership=membership)
    if changed:
        messages.success(request, f"已调整业务条线：{changed}（{changed.work_lines_display()}）")
        return redirect("core:membership_list")
    return render(request, "core/form.html", {"form": form, "title": f"业务条线：{membership}"})


@record_view(Membership, Action.MANAGE_USERS)
def membership_password_reset(request, membership):
    form = PasswordResetForm(request.POST or None, request=request)
    user = run_service_form(request, form, services.reset_password, membership=membership)
    if user:
        messages.success(
            request, f"已重置“{user.first_name or user.username}”的密码，下次登录时须修改"
        )
        return redirect("core:membership_list")
    title = f"重置密码：{membership.user.first_name or membership.user.username}"
    return render(request, "core/form.html", {"form": form, "title": title})


@record_view(Membership, Action.MANAGE_USERS)
@require_POST
def membership_revoke(request, membership):
    try:
        services.revoke_membership(
            actor=request.user, membership=membership, reason=request.POST.get("reason", "")
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, f"已撤销任职：{membership}")
    return redirect("core:membership_list")


@require_safe
def event_list(request):
    require(request, Action.VIEW_HISTORY)
    search = request.GET.get("q", "").strip()
    page = paginate(request, selectors.events(request.user, search))
    template = list_template(request, "core/event_list.html", "core/_event_rows.html")
    return render(request, template, {"page": page, "q": search})


@require_safe
def calendar_view(request):
    year = _year_param(request)
    form = DateCalculatorForm(request.GET if "start" in request.GET else None)
    result = error = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        add = calendar.add_working_days if data["unit"] == "workdays" else calendar.add_days
        try:
            result = add(data["start"], data["days"])
        except calendar.CalendarYearUnknown as unknown:
            error = unknown.message
    context = {
        "year": year,
        "years": selectors.calendar_years(),
        "overrides": selectors.holiday_overrides(year),
        "known": sorted(calendar.known_years()),
        "form": form,
        "result": result,
        "error": error,
        "can_enter": request.user.is_superuser,
    }
    if request.htmx and request.htmx.target == "calc-result":
        return render(request, "core/_calc_result.html", context)
    return render(request, "core/calendar.html", context)


def _year_param(request) -> int:
    return query_values(request, YearQuery)["year"] or timezone.localdate().year


def calendar_year_create(request):
    if not request.user.is_superuser:
        raise PermissionDenied("只有系统管理员可以录入节假日安排")
    form = CalendarYearForm(request.POST or None, request=request)
    created = run_service_form(request, form, services.enter_calendar_year)
    if created:
        messages.success(request, f"已录入{created.year}年节假日安排")
        return redirect(f"{reverse('core:calendar')}?year={created.year}")
    return render(request, "core/form.html", {"form": form, "title": "录入节假日安排"})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "core/form.html"
    extra_context = {"title": "修改密码"}

    success_url = reverse_lazy("core:due_list")

    def form_valid(self, form):
        try:
            services.change_password(
                actor=self.request.user,
                old_password=form.cleaned_data["old_password"],
                new_password=form.cleaned_data["new_password1"],
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
            return self.form_invalid(form)
        update_session_auth_hash(self.request, self.request.user)
        messages.success(self.request, "密码已修改")
        return HttpResponseRedirect(self.get_success_url())


@require_safe
def workflow_tables(request, key: str | None = None):
    """Every registered workflow as a table (or the one of `key`), to check against the law."""
    if key is None:
        shown, single = workflow.registered_workflows(), None
    else:
        try:
            single = workflow.get_workflow(key)
        except KeyError:
            raise Http404("没有这个流程") from None
        shown = [single]
    return render(request, "core/workflows.html", {"workflows": shown, "single": single})


def bad_request(request, exception):
    """handler400: a body over DATA_UPLOAD_MAX_MEMORY_SIZE (or with too many fields) gets
    the Chinese 413 page; any other bad request Django's 400 page."""
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        return render(request, "413.html", status=413)
    return defaults.bad_request(request, exception)
