"""Pages of 行政复议: the case list and ledger, registration, the case page with its clocks
and timeline, one form per statutory step, 文书 downloads, 意见书/建议书, the rules table."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.attachments import ALLOWED, read_checked
from fazhi.core.dataversion import query_key, remember
from fazhi.core.guards import shown_id_number
from fazhi.core.querysets import active_membership, full_scope_key
from fazhi.core.roles import Action
from fazhi.core.steps import step_page
from fazhi.core.viewtools import (
    Ledger,
    error_text,
    ledger_page,
    paginate,
    record_view,
    require,
    run_service_form,
    xlsx_response,
)

from . import deadlines, imports, selectors, services
from .forms import STEP_FORMS, LetterForm, LetterReportForm, RegisterForm
from .models import Case, Document, OpinionLetter, Outcome, Procedure, State
from .workflow import CASE_FLOW

XLSX = ALLOWED["xlsx"]


def _filters(request) -> dict:
    get = request.GET
    due_within = get.get("due_within", "")
    return {
        "search": get.get("q", "").strip(),
        "state": get.get("state", ""),
        "procedure": get.get("procedure", ""),
        "respondent": get.get("respondent", "") if get.get("respondent", "").isdigit() else "",
        "outcome": get.get("outcome", ""),
        "handler": get.get("handler", "") if get.get("handler", "").isdigit() else "",
        "due_within": int(due_within) if due_within.isdigit() else None,
        "overdue": get.get("overdue") == "1",
        "today": timezone.localdate(),
    }


LEDGER_COLUMNS = [
    "收案编号",
    "申请人",
    "被申请人",
    "行政行为",
    "收到日期",
    "受理日期",
    "审理程序",
    "状态",
    "审理期满日",
    "结果",
    "结案日期",
    "按期",
    "送达日期",
    "承办人",
]


def _ledger_row(case) -> list:
    return [
        case.number,
        case.applicant_names,
        case.respondent_display,
        case.get_act_kind_display(),
        case.received_date,
        case.accepted_date,
        case.get_procedure_display(),
        case.get_state_display(),
        case.decision_due,
        case.get_outcome_display(),
        case.closed_date,
        {True: "是", False: "否", None: ""}[case.closed_on_time],
        case.served_date,
        case.handler.first_name or case.handler.username,
    ]


# What a row of the list shows, its clocks (deadlines.running_clocks) among it: a case has
# some fifty columns, and building them all for every row is most of a page's time.
LIST_FIELDS = (
    "number",
    "received_date",
    "procedure",
    "state",
    "outcome",
    "respondent_name",
    "respondent__name",
    "acceptance_due",
    "supplement_due",
    "copy_due",
    "copy_sent_date",
    "reply_due",
    "reply_date",
    "decision_due",
    "performance_due",
    "performed_date",
)


@require_safe
def case_list(request):
    filters = _filters(request)
    queryset = selectors.cases(request.user, **filters)
    if request.GET.get("export") == "xlsx":
        return xlsx_response(
            "行政复议案件台账.xlsx",
            "行政复议台账",
            LEDGER_COLUMNS,
            (_ledger_row(case) for case in queryset.select_related("handler")),
        )
    table = _case_table(request, queryset.only(*LIST_FIELDS), filters["today"])
    if request.htmx and request.htmx.target == "table-area":  # search and paging
        return HttpResponse(table)
    context = {
        "table": table,
        "q": filters["search"],
        "filters": request.GET,
        "states": State.choices,
        "procedures": Procedure.choices,
        "outcomes": Outcome.choices,
        "choices": remember(
            "case_filter_choices",
            full_scope_key(request.user),
            lambda: selectors.filter_choices(request.user),
        ),
        "can_create": core_selectors.can(request.user, Action.CREATE, Case.work_line),
    }
    return render(request, "reconsideration/case_list.html", context)


def _case_table(request, queryset, today) -> str:
    """The table and its pager, rendered once per change of the records for this user, list
    and page: a list is viewed again and again (back from a case, paging to and fro)."""

    def render_table() -> str:
        page = paginate(request, queryset)
        rows = [(case, deadlines.running_clocks(case)) for case in page]
        context = {"page": page, "rows": rows, "today": today}
        return render_to_string("reconsideration/_case_rows.html", context, request)

    statement = query_key(queryset)
    if statement is None:  # nothing in scope
        return render_table()
    key = (full_scope_key(request.user), statement, request.GET.urlencode(), today)
    return mark_safe(remember("case_table", key, render_table))  # our own rendering


def case_register(request):
    require(request, Action.CREATE, Case.work_line)
    membership = active_membership(request.user)
    form = RegisterForm(
        request.POST or None,
        request=request,
        respondents=selectors.respondent_choices(request.user),
    )
    case = (
        run_service_form(request, form, services.register_case, unit=membership.unit)
        if membership
        else None
    )
    if case:
        messages.success(
            request, f"已登记：{case.number}。审查期满日为{case.acceptance_due:%Y年%m月%d日}。"
        )
        return redirect("reconsideration:case_detail", pk=case.pk)
    return render(request, "reconsideration/register.html", {"form": form})


def case_import(request):
    """导入历史案件: a template to download, an upload, all rows or none."""
    require(request, Action.CREATE, Case.work_line)
    if request.GET.get("template"):
        response = HttpResponse(imports.template_workbook(), content_type=XLSX)
        response["Content-Disposition"] = (
            "attachment; filename*=UTF-8''%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx"
        )
        return response
    errors = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ValidationError("请选择要导入的Excel文件")
            content = read_checked(upload)
            if content.mime != XLSX:
                raise ValidationError("请上传 .xlsx 格式的Excel文件")
            count = services.import_cases(
                actor=request.user, unit=active_membership(request.user).unit, data=content.data
            )
        except imports.ImportRefused as refused:
            errors = refused.errors
        except (ValidationError, PermissionDenied) as error:
            errors = [imports.RowError(0, "文件", error_text(error))]
        else:
            messages.success(request, f"已导入{count}件历史案件")
            return redirect("reconsideration:case_list")
    return render(
        request, "reconsideration/import.html", {"errors": errors, "columns": imports.COLUMNS}
    )


@record_view(Case)
@require_safe
def case_detail(request, case):
    today = timezone.localdate()
    return render(
        request,
        "reconsideration/case_detail.html",
        {
            "case": case,
            "parties": [
                (p, shown_id_number(request.user, p, p.id_number)) for p in case.parties.all()
            ],
            "clocks": [
                (clock, clock.status(today), clock.days_left(today))
                for clock in deadlines.running_clocks(case)
            ],
            "timeline": selectors.timeline(request.user, case),
            "documents": selectors.case_documents(request.user, case),
            "suspensions": case.suspensions.all(),
            "buttons": CASE_FLOW.buttons(case, request.user),
            "workflow": CASE_FLOW,
            "history": core_selectors.record_history(request.user, case),
            "simple_ground": services.simple_procedure_ground(case),
            # 第七十条: no reply or evidence in time → the act counts as having none.
            "reply_missing": case.state == State.HEARING
            and case.reply_due is not None
            and case.reply_date is None
            and case.reply_due < today,
        },
    )


@record_view(Case)
def case_step(request, case):
    action = request.GET.get("action") or request.POST.get("action", "")
    if not action:
        return redirect("reconsideration:case_detail", pk=case.pk)
    if action not in STEP_FORMS:
        raise Http404("没有这个办理步骤")
    return step_page(
        request, case, CASE_FLOW, action, STEP_FORMS[action], getattr(services, action)
    )


@record_view(Document)
@require_safe
def document_download(request, document):
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=f"{document.title}（{document.number}）.docx",
    )


@require_safe
def supervision(request):
    require(request, Action.VIEW_HISTORY)
    today = timezone.localdate()
    return render(
        request,
        "reconsideration/supervision.html",
        {
            "overdue": [
                (case, deadlines.running_clocks(case))
                for case in selectors.overdue_cases(request.user, today)[:200]
            ],
            "suspensions": selectors.suspensions_to_watch(request.user),
            "today": today,
        },
    )


LETTER_LEDGER = Ledger(
    "意见书建议书台账.xlsx",
    "意见书建议书",
    ["类型", "制发对象", "制发日期", "反馈期满日", "反馈日期", "主要内容"],
    lambda letter: (
        letter.get_kind_display(),
        letter.recipient,
        letter.issued_date,
        letter.report_due,
        letter.reported_date,
        letter.content,
    ),
)


@require_safe
def letter_list(request):
    queryset = selectors.letters(request.user, request.GET.get("q", "").strip())
    return ledger_page(
        request,
        queryset,
        ledger=LETTER_LEDGER,
        template="reconsideration/letter_list.html",
        rows_template="reconsideration/_letter_rows.html",
        can_create=core_selectors.can(request.user, Action.CREATE, OpinionLetter.work_line),
    )


def letter_create(request):
    require(request, Action.CREATE, OpinionLetter.work_line)
    membership = active_membership(request.user)
    form = LetterForm(request.POST or None, request=request)
    letter = (
        run_service_form(request, form, services.issue_letter, unit=membership.unit)
        if membership
        else None
    )
    if letter:
        messages.success(request, f"已制发{letter}")
        return redirect("reconsideration:letter_detail", pk=letter.pk)
    return render(request, "core/form.html", {"form": form, "title": "制发意见书或建议书"})


@record_view(OpinionLetter)
def letter_detail(request, letter):
    form = LetterReportForm(request.POST or None, request=request)
    if run_service_form(request, form, services.record_letter_report, letter=letter):
        messages.success(request, "已登记整改反馈")
        return redirect("reconsideration:letter_detail", pk=letter.pk)
    return render(
        request,
        "reconsideration/letter_detail.html",
        {
            "letter": letter,
            "form": form,
            "history": core_selectors.record_history(request.user, letter),
            "can_act": OpinionLetter.objects.restrict(request.user, Action.CHANGE)
            .filter(pk=letter.pk)
            .exists(),
        },
    )
