"""Pages of 行政复议: the case list and ledger, registration, the case page with its clocks
and timeline, one form per statutory step, 文书 downloads, 意见书/建议书, the rules table."""

from functools import partial

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST, require_safe

from fazhi.core import documentpages
from fazhi.core import selectors as core_selectors
from fazhi.core.dataversion import remember
from fazhi.core.filters import query_values
from fazhi.core.guards import permits, shown_id_number
from fazhi.core.imports import import_page
from fazhi.core.ledgers import Column, Ledger, ledger_page
from fazhi.core.querysets import active_membership, full_scope_key
from fazhi.core.roles import Action
from fazhi.core.steps import form_page, step_page
from fazhi.core.viewtools import (
    record_view,
    require,
    run_service_form,
)

from . import deadlines, documents, imports, selectors, services
from .forms import (
    STEP_FORMS,
    CaseFileForm,
    CaseFilterForm,
    DocumentWriteForm,
    LetterForm,
    LetterReceiptForm,
    LetterReportForm,
    RegisterForm,
)
from .models import Case, Document, OpinionLetter, Outcome, Procedure, State
from .workflow import CASE_FLOW


def _filters(request) -> dict:
    values = query_values(request, CaseFilterForm)
    return {"search": values.pop("q").strip(), **values, "today": timezone.localdate()}


def _clocks(case) -> str:
    today = timezone.localdate()
    return mark_safe(  # our own rendering
        "<br>".join(
            render_to_string(
                "reconsideration/_clock.html",
                {"clock": clock, "status": clock.status(today), "days": clock.days_left(today)},
            )
            for clock in deadlines.running_clocks(case)
            if not clock.done
        )
    )


CASE_LEDGER = Ledger(
    "行政复议案件台账.xlsx",
    "行政复议台账",
    (
        Column("收案编号", lambda case: case.number),
        Column("申请人", lambda case: case.applicant_names),
        Column("被申请人", lambda case: case.respondent_display),
        Column("行政行为", lambda case: case.get_act_kind_display(), on_page=False),
        Column("收到日期", lambda case: case.received_date),
        Column("受理日期", lambda case: case.accepted_date, on_page=False),
        Column("审理程序", lambda case: case.get_procedure_display(), empty="—"),
        Column("状态", lambda case: case.get_state_display()),
        Column("期限", _clocks, in_export=False),
        Column("审理期满日", lambda case: case.decision_due, on_page=False),
        Column("结果", lambda case: case.get_outcome_display()),
        Column("结案日期", lambda case: case.closed_date, on_page=False),
        Column(
            "按期",
            lambda case: {True: "是", False: "否", None: ""}[case.closed_on_time],
            on_page=False,
        ),
        Column("送达日期", lambda case: case.served_date, on_page=False),
        Column(
            "承办人",
            lambda case: case.handler.first_name or case.handler.username,
            on_page=False,
        ),
    ),
)


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
    "copy_received_date",
    "reply_due",
    "reply_date",
    "decision_due",
    "performance_due",
    "performed_date",
    "performance_order_due",
)


@require_safe
def case_list(request):
    filters = _filters(request)
    queryset = selectors.cases(request.user, **filters)
    can_create = core_selectors.can(request.user, Action.CREATE, Case.work_line)
    return ledger_page(
        request,
        queryset.only(*LIST_FIELDS),
        ledger=CASE_LEDGER,
        title="行政复议案件",
        export_rows=queryset.select_related("handler"),
        cached=True,
        template="reconsideration/case_list.html",
        empty="没有符合条件的案件",
        filters=request.GET,
        states=State.choices,
        procedures=Procedure.choices,
        outcomes=Outcome.choices,
        choices=remember(
            "case_filter_choices",
            full_scope_key(request.user),
            lambda: selectors.filter_choices(request.user),
            user=request.user,
        ),
        actions=[
            *(
                [
                    ("登记申请", reverse("reconsideration:case_register")),
                    ("导入历史案件", reverse("reconsideration:case_import")),
                ]
                if can_create
                else []
            ),
            ("流程和期限规则", reverse("reconsideration:workflow")),
        ],
    )


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
        if case.time_limit_finding:  # 第三十条第二款: registered, to be refused with its reason
            messages.warning(request, f"{case.time_limit_finding}：应当在审查期限内决定不予受理。")
        same_act = selectors.same_act_warning(case)
        if same_act:
            messages.warning(request, same_act)
        return redirect("reconsideration:case_detail", pk=case.pk)
    return render(request, "reconsideration/register.html", {"form": form})


def case_import(request):
    """导入历史案件: a template to download, an upload, all rows or none."""
    require(request, Action.CREATE, Case.work_line)
    membership = active_membership(request.user)
    return import_page(
        request,
        imports.CASES,
        partial(services.import_cases, unit=membership.unit),
        title="导入历史案件",
        template_name="导入模板.xlsx",
        success="已导入{count}件历史案件",
        done="reconsideration:case_list",
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
            "case_files": selectors.case_files(request.user, case),
            "file_form": CaseFileForm(request=request)
            if permits(request.user, Action.CHANGE, case)
            else None,
            "suspensions": case.suspensions.all(),
            "buttons": CASE_FLOW.buttons(case, request.user),
            "workflow": CASE_FLOW,
            "history": core_selectors.record_history(request.user, case),
            "simple_ground": services.simple_procedure_ground(case),
            "pre_review_ground": services.pre_review_ground(case),
            "suit_window": deadlines.suit_window(case),
            # 第七十条: no reply or evidence in time → the act counts as having none.
            "reply_missing": case.state == State.HEARING and services.no_timely_reply(case, today),
            "forwarded_late": deadlines.forwarded_late(case),
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
    return documentpages.download(document)


DOCUMENT_SERVICES = {
    "write": services.write_document,
    "upload": services.upload_draft,
    "approve": services.approve_document,
    "issue": services.issue_document,
    "correct": services.correct_document,
    "serve": services.record_service,
}


@record_view(Document)
def document_detail(request, document):
    """The 文书's page: its draft, approval, issue, corrections and 送达 (呈批)."""
    decision = document.kind == "decision"
    return documentpages.document_page(
        request,
        document,
        services=DOCUMENT_SERVICES,
        approvers=documents.approver_roles(document.kind),
        template="reconsideration/document_detail.html",
        write_form=DocumentWriteForm if decision else None,
        write_initial={
            k: document.written.get(k, "") for k in ("查明事实", "本机关认为", "决定内容")
        },
        write_title="撰写决定书",
    )


@record_view(Case, Action.CHANGE)
@require_POST
def case_file_upload(request, case):
    form = CaseFileForm(request.POST, request.FILES, request=request)
    if run_service_form(request, form, services.attach_case_file, case=case):
        messages.success(request, "已上传案卷材料")
    else:
        messages.error(request, "；".join(m for errors in form.errors.values() for m in errors))
    return redirect("reconsideration:case_detail", pk=case.pk)


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
    (
        Column("类型", lambda letter: letter.get_kind_display()),
        Column("制发对象", lambda letter: letter.recipient),
        Column("制发日期", lambda letter: letter.issued_date),
        Column("反馈期满日", lambda letter: letter.report_due, empty="—"),
        Column("反馈日期", lambda letter: letter.reported_date, empty="未反馈"),
        Column("主要内容", lambda letter: letter.content, on_page=False),
    ),
)


@require_safe
def letter_list(request):
    queryset = selectors.letters(request.user, request.GET.get("q", "").strip())
    can_create = core_selectors.can(request.user, Action.CREATE, OpinionLetter.work_line)
    return ledger_page(
        request,
        queryset,
        ledger=LETTER_LEDGER,
        title="行政复议意见书与建议书",
        search_placeholder="制发对象或内容",
        empty="暂无",
        actions=[("制发", reverse("reconsideration:letter_create"))] if can_create else [],
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
            "documents": Document.objects.restrict(request.user).filter(letter=letter),
            "form": form,
            "history": core_selectors.record_history(request.user, letter),
            "can_act": OpinionLetter.objects.restrict(request.user, Action.CHANGE)
            .filter(pk=letter.pk)
            .exists(),
        },
    )


@record_view(OpinionLetter, Action.CHANGE)
def letter_receipt(request, letter):
    """登记制发对象收到 (第七十六条: the report period runs from the receipt)."""
    return form_page(
        request,
        LetterReceiptForm(request.POST or None, request=request),
        services.record_letter_receipt,
        title=f"登记收到：{letter}",
        message="已登记收到日期",
        back=letter.get_absolute_url(),
        letter=letter,
    )
