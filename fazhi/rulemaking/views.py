"""Pages of the rulemaking line: the registers (ledgers with Excel), a record's page, one
form per step."""

import datetime
from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.ledgers import Column, Ledger, day, ledger_page
from fazhi.core.roles import Action
from fazhi.core.steps import form_page, step_page
from fazhi.core.viewtools import record_view, require, run_service_form

from . import forms as f
from . import selectors, services
from .models import (
    CleanupBatch,
    CollectiveMeeting,
    ConsultationReply,
    Decision,
    DecisionCatalog,
    Filing,
    LegalAdviser,
    NormativeDocument,
    OtherReview,
    ReviewRequest,
)
from .workflow import DECISION_FLOW, DOCUMENT_FLOW, FILING_FLOW

LINE = NormativeDocument.work_line
SECTION = "规范性文件·重大行政决策"


def _q(request) -> str:
    form = f.FilterForm(request.GET)
    return form.cleaned_data.get("q", "") if form.is_valid() else ""


def _badge(text, kind="warning"):
    return format_html('<span class="badge badge-{}">{}</span>', kind, text)


def _review_cell(document):
    today = timezone.localdate()
    opinion = document.get_review_opinion_display() or (
        "审核中" if document.review_sent_date else ""
    )
    if document.review_overdue(today):
        return format_html("{} {}", opinion, _badge("超过审核期限", "danger"))
    return opinion


DOCUMENT_LEDGER = Ledger(
    "规范性文件登记台账.xlsx",
    "规范性文件",
    (
        Column("文件名称", lambda d: d.title),
        Column("制定机关", lambda d: d.unit.name),
        Column("类型", lambda d: d.get_kind_display(), on_page=False),
        Column("起草单位", lambda d: d.drafting_unit.name, on_page=False),
        Column(
            "涉及重大行政决策", lambda d: "是" if d.involves_major_decision else "否", on_page=False
        ),
        Column(
            "征求意见",
            lambda d: f"{day(d.comment_from)}至{day(d.comment_to)}" if d.comment_from else "",
            on_page=False,
        ),
        Column("收到意见", lambda d: d.comments_received, on_page=False),
        Column("采纳意见", lambda d: d.comments_adopted, on_page=False),
        Column("公平竞争审查", lambda d: d.get_fair_competition_display(), on_page=False),
        Column("送审日期", lambda d: day(d.review_sent_date), on_page=False),
        Column("审核机构", lambda d: d.review_body.name if d.review_body else "", on_page=False),
        Column("审核人", lambda d: d.reviewer, on_page=False),
        Column("合法性审核", lambda d: d.get_review_opinion_display(), cell=_review_cell),
        Column("审核用时（工作日）", lambda d: d.review_working_days, on_page=False),
        Column("审核期限", lambda d: day(d.review_due), on_page=False),
        Column(
            "集体审议",
            lambda d: f"{d.deliberation_meeting} {day(d.deliberation_date)}".strip(),
            on_page=False,
        ),
        Column("统一登记号", lambda d: d.registration_number, on_page=False),
        Column("文号", lambda d: d.doc_number),
        Column("公布日期", lambda d: day(d.published_date)),
        Column("公布载体", lambda d: d.publish_channel, on_page=False),
        Column("公布网址", lambda d: d.publish_url, on_page=False),
        Column("施行日期", lambda d: day(d.effective_date), on_page=False),
        Column("不足30日施行理由", lambda d: d.early_effect_reason, on_page=False),
        Column("有效期至", lambda d: day(d.valid_until)),
        Column("办理阶段", lambda d: d.get_stage_display()),
        Column("效力状态", lambda d: d.get_status_display()),
    ),
)


def _register(request, queryset, *, ledger, title, placeholder, empty, create=(), actions=()):
    """A register's list page: `create` ((label, url name) …) offered to those who may create
    records of the line, `actions` ((label, url) …) to every reader."""
    offered = []
    if create and core_selectors.can(request.user, Action.CREATE, LINE):
        offered = [(label, reverse(name)) for label, name in create]
    return ledger_page(
        request,
        queryset,
        ledger=ledger,
        title=title,
        section=SECTION,
        search_placeholder=placeholder,
        empty=empty,
        actions=offered + list(actions),
    )


def _create(request, form_class, service, *, title, listed, message, **choices):
    """A register's create page: `listed` is (the list's title, its url name)."""
    require(request, Action.CREATE, LINE)
    form = form_class(request.POST or None, request=request, **choices)
    label, name = listed
    return form_page(
        request, form, service, title=title, crumbs=[(label, reverse(name))], message=message
    )


def _step_form(request, form_class, service, record, *, title, message, back=None, **choices):
    """A step on a record: `record` is (the service's keyword, the record); `choices` go to
    the form (its querysets)."""
    name, value = record
    form = form_class(request.POST or None, request=request, **choices)
    return form_page(
        request,
        form,
        service,
        **{name: value},
        title=title,
        back=back if back is not None else value,
        message=message,
    )


@require_safe
def document_list(request):
    return _register(
        request,
        selectors.documents(request.user, search=_q(request)),
        ledger=DOCUMENT_LEDGER,
        title="规范性文件",
        placeholder="文件名称、文号、登记号或制定机关",
        empty="没有规范性文件",
        create=[
            ("登记文件草案", "rulemaking:document_create"),
            ("导入登记台账", "rulemaking:document_import"),
        ],
    )


def document_create(request):
    return _create(
        request,
        f.DocumentForm,
        services.register_document,
        title="登记规范性文件草案",
        listed=("规范性文件", "rulemaking:document_list"),
        message=lambda d: f"已登记《{d.title}》",
        units=selectors.agencies(request.user),
        others=selectors.area_agencies(request.user),
    )


@record_view(NormativeDocument)
@require_safe
def document_detail(request, document):
    today = timezone.localdate()
    return render(
        request,
        "rulemaking/document_detail.html",
        {
            "document": document,
            "restricted": selectors.can_read_restricted(request.user, document),
            "review_overdue": document.review_overdue(today),
            "changes": selectors.status_history(request.user, document),
            "filing": selectors.filing_of(request.user, document),
            "requests": selectors.review_requests(request.user, document),
            "evaluations": selectors.evaluations(request.user, document),
            "replies": selectors.replies_to(request.user, document),
            "buttons": DOCUMENT_FLOW.buttons(document, request.user),
            "can_file": document.stage == "published"
            and core_selectors.can(request.user, Action.CHANGE, LINE),
            "history": core_selectors.record_history(request.user, document),
        },
    )


DOCUMENT_STEPS = {
    "record_consultation": f.ConsultationForm,
    "send_for_review": f.SendReviewForm,
    "record_review": f.ReviewForm,
    "record_deliberation": f.DeliberationForm,
    "publish_document": f.PublishForm,
    "change_status": f.StatusForm,
}


def _step(request, record, flow, steps, detail, **kwargs):
    action = request.GET.get("action") or request.POST.get("action", "")
    if not action:
        return redirect(detail, pk=record.pk)
    if action not in steps:
        raise Http404("没有这个办理步骤")
    form_kwargs = {}
    if issubclass(steps[action], f.UnitsForm):
        form_kwargs["others"] = selectors.area_agencies(request.user)
    if steps[action] is f.LegalityForm:
        form_kwargs["advisers"] = selectors.advisers(request.user)
    if steps[action] is f.CollectiveForm:
        form_kwargs["meetings"] = selectors.meetings_for(request.user, record)
    return step_page(
        request,
        record,
        flow,
        action,
        steps[action],
        getattr(services, action),
        form_kwargs=form_kwargs,
        **kwargs,
    )


@record_view(NormativeDocument, Action.CHANGE)
def document_step(request, document):
    return _step(request, document, DOCUMENT_FLOW, DOCUMENT_STEPS, "rulemaking:document_detail")


@record_view(NormativeDocument, Action.CHANGE)
def document_file(request, document):
    form = f.FilingForm(
        request.POST or None, request=request, others=selectors.area_agencies(request.user)
    )
    return form_page(
        request,
        form,
        services.file_document,
        document=document,
        title=f"报备：{document}",
        back=document,
        message=lambda filing: "已报备（延迟报备）" if filing.late else "已报备",
    )


@record_view(NormativeDocument, Action.CHANGE)
def document_request(request, document):
    return _step_form(
        request,
        f.ReviewRequestForm,
        services.register_review_request,
        ("document", document),
        title=f"登记审查建议：{document}",
        message="已登记审查建议",
    )


def _filing_state(filing):
    text = filing.get_state_display()
    return format_html("{} {}", text, _badge("延迟报备")) if filing.late else text


FILING_LEDGER = Ledger(
    "规范性文件备案审查台账.xlsx",
    "备案审查",
    (
        Column("文件", lambda x: str(x.document)),
        Column("文件名称", lambda x: x.document.title),
        Column("制定机关", lambda x: x.document.unit.name),
        Column("公布日期", lambda x: day(x.document.published_date), on_page=False),
        Column("备案机关", lambda x: x.filing_body.name, on_page=False),
        Column("报备日期", lambda x: day(x.filed_date)),
        Column("报备期限", lambda x: day(x.due_date), on_page=False),
        Column("延迟报备", lambda x: "是" if x.late else "否", on_page=False),
        Column("登记日期", lambda x: day(x.registered_date), on_page=False),
        Column("补正期限", lambda x: day(x.supplement_due), on_page=False),
        Column("审查结果", lambda x: x.get_outcome_display()),
        Column("审查日期", lambda x: day(x.reviewed_date), on_page=False),
        Column("回复日期", lambda x: day(x.reply_date), on_page=False),
        Column("办结日期", lambda x: day(x.closed_date), on_page=False),
        Column("状态", lambda x: x.get_state_display(), cell=_filing_state),
    ),
)


@require_safe
def filing_list(request):
    queryset = selectors.filings(request.user, search=_q(request))
    quarter = request.GET.get("quarter", "")
    title = "规范性文件备案审查"
    if len(quarter) == 6 and quarter[:4].isdigit() and quarter[4] == "Q" and quarter[5] in "1234":
        queryset = selectors.quarterly_catalog(request.user, int(quarter[:4]), int(quarter[5]))
        title = f"{quarter[:4]}年第{quarter[5]}季度备案登记目录"
    today = timezone.localdate()
    last = (today.month - 1) // 3 or 4
    year = today.year if last != 4 else today.year - 1
    return _register(
        request,
        queryset,
        ledger=FILING_LEDGER,
        title=title,
        placeholder="文件名称、文号或制定机关",
        empty="没有备案",
        create=[("导入备案台账", "rulemaking:filing_import")],
        actions=[("上季度备案目录", f"{reverse('rulemaking:filing_list')}?quarter={year}Q{last}")],
    )


@record_view(Filing)
@require_safe
def filing_detail(request, filing):
    return render(
        request,
        "rulemaking/filing_detail.html",
        {
            "filing": filing,
            "document": filing.document,
            "buttons": FILING_FLOW.buttons(filing, request.user),
            "history": core_selectors.record_history(request.user, filing),
        },
    )


FILING_STEPS = {
    "register_filing": f.RegisterFilingForm,
    "defer_filing": f.DeferFilingForm,
    "review_filing": f.ReviewFilingForm,
    "record_reply": f.ReplyForm,
    "close_correction": f.CloseCorrectionForm,
}


@record_view(Filing, Action.CHANGE)
def filing_step(request, filing):
    return _step(request, filing, FILING_FLOW, FILING_STEPS, "rulemaking:filing_detail")


# — 重大行政决策 —

CATALOG_LEDGER = Ledger(
    "重大行政决策事项目录.xlsx",
    "决策事项目录",
    (
        Column("目录", lambda c: str(c)),
        Column("决策机关", lambda c: c.unit.name),
        Column("事项数", lambda c: c.items.count()),
        Column("党委同意日期", lambda c: day(c.party_agreed_date), on_page=False),
        Column("公布日期", lambda c: day(c.published_date)),
        Column("调整说明", lambda c: c.adjustment_note, on_page=False),
        Column(
            "现行", lambda c: "否" if c.superseded else ("是" if c.published_date else "未公布")
        ),
    ),
)


@require_safe
def catalog_list(request):
    return _register(
        request,
        selectors.catalogs(request.user, search=_q(request)),
        ledger=CATALOG_LEDGER,
        title="重大行政决策事项目录",
        placeholder="决策机关",
        empty="没有目录",
        create=[("编制目录", "rulemaking:catalog_create")],
    )


def catalog_create(request):
    return _create(
        request,
        f.CatalogForm,
        services.create_catalog,
        title="编制重大行政决策事项目录",
        listed=("决策事项目录", "rulemaking:catalog_list"),
        message="已编制目录",
        units=selectors.agencies(request.user),
        initial={"year": timezone.localdate().year},
    )


@record_view(DecisionCatalog)
@require_safe
def catalog_detail(request, catalog):
    editable = catalog.published_date is None and core_selectors.can(
        request.user, Action.CHANGE, LINE
    )
    return render(
        request,
        "rulemaking/catalog_detail.html",
        {
            "catalog": catalog,
            "items": selectors.catalog_items(request.user, catalog),
            "editable": editable,
            "adjustable": catalog.published_date is not None
            and not catalog.superseded
            and core_selectors.can(request.user, Action.CHANGE, LINE),
            "history": core_selectors.record_history(request.user, catalog),
        },
    )


@record_view(DecisionCatalog, Action.CHANGE)
def catalog_item_add(request, catalog):
    form = f.CatalogItemForm(
        request.POST or None, request=request, others=selectors.area_agencies(request.user)
    )
    return form_page(
        request,
        form,
        services.add_catalog_item,
        catalog=catalog,
        title=f"增加事项：{catalog}",
        back=catalog,
        message="已增加目录事项",
    )


@record_view(DecisionCatalog, Action.CHANGE)
def catalog_publish(request, catalog):
    return _step_form(
        request,
        f.PublishCatalogForm,
        services.publish_catalog,
        ("catalog", catalog),
        title=f"公布：{catalog}",
        message="已公布目录",
    )


@record_view(DecisionCatalog, Action.CHANGE)
def catalog_adjust(request, catalog):
    return _step_form(
        request,
        f.AdjustCatalogForm,
        services.adjust_catalog,
        ("catalog", catalog),
        title=f"调整：{catalog}",
        message=lambda new: f"已形成第{new.version}版，请修改事项后公布",
    )


def _decision_flags(decision):
    flags = [decision.get_state_display()]
    if decision.adviser_missing:
        return format_html("{} {}", flags[0], _badge("未听取法律顾问意见"))
    return flags[0]


DECISION_LEDGER = Ledger(
    "重大行政决策台账.xlsx",
    "重大行政决策",
    (
        Column("决策事项", lambda d: d.name),
        Column("决策机关", lambda d: d.unit.name),
        Column("类别", lambda d: d.get_category_display(), on_page=False),
        Column("建议来源", lambda d: d.get_proposal_source_display(), on_page=False),
        Column("承办单位", lambda d: d.undertaking_unit.name),
        Column("启动日期", lambda d: day(d.started_date), on_page=False),
        Column(
            "征求意见",
            lambda d: f"{day(d.comment_from)}至{day(d.comment_to)}" if d.comment_from else "",
            on_page=False,
        ),
        Column("收到意见", lambda d: d.comments_received, on_page=False),
        Column("采纳意见", lambda d: d.comments_adopted, on_page=False),
        Column("专家论证", lambda d: day(d.expert_review_date), on_page=False),
        Column("风险评估", lambda d: day(d.risk_assessed_date), on_page=False),
        Column("合法性审查", lambda d: d.get_legality_opinion_display(), on_page=False),
        Column("审查完成", lambda d: day(d.legality_finished_date), on_page=False),
        Column(
            "听取法律顾问意见",
            lambda d: "否" if d.adviser_missing else ("是" if d.adviser_opinion else ""),
            on_page=False,
        ),
        Column(
            "集体讨论",
            lambda d: f"{d.get_meeting_kind_display()} {day(d.meeting_date)}".strip(),
            on_page=False,
        ),
        Column("公布日期", lambda d: day(d.published_date)),
        Column("阶段", lambda d: d.get_state_display(), cell=_decision_flags),
    ),
)


@require_safe
def decision_list(request):
    return _register(
        request,
        selectors.decisions(request.user, search=_q(request)),
        ledger=DECISION_LEDGER,
        title="重大行政决策",
        placeholder="决策事项、决策机关或承办单位",
        empty="没有重大行政决策",
        create=[("启动决策", "rulemaking:decision_create")],
    )


def decision_create(request):
    return _create(
        request,
        f.DecisionForm,
        services.start_decision,
        title="启动重大行政决策",
        listed=("重大行政决策", "rulemaking:decision_list"),
        message=lambda d: f"已启动“{d.name}”",
        units=selectors.agencies(request.user),
        others=selectors.area_agencies(request.user),
        items=selectors.open_catalog_items(request.user),
    )


@record_view(Decision)
@require_safe
def decision_detail(request, decision):
    return render(
        request,
        "rulemaking/decision_detail.html",
        {
            "decision": decision,
            "restricted": selectors.can_read_restricted(request.user, decision),
            "reports": selectors.execution_reports(request.user, decision),
            "events": selectors.participation_events(request.user, decision),
            "buttons": DECISION_FLOW.buttons(decision, request.user),
            "workflow": DECISION_FLOW,
            "history": core_selectors.record_history(request.user, decision),
        },
    )


DECISION_STEPS = {
    "open_comment": f.OpenCommentForm,
    "skip_comment": f.SkipCommentForm,
    "close_comment": f.CloseCommentForm,
    "record_participation": f.ParticipationForm,
    "record_expert_review": f.ExpertForm,
    "record_risk_assessment": f.RiskForm,
    "send_legality_review": f.SendLegalityForm,
    "record_legality_review": f.LegalityForm,
    "record_collective_decision": f.CollectiveForm,
    "publish_decision": f.PublishDecisionForm,
    "record_execution": f.ExecutionForm,
    "archive_decision": f.ArchiveForm,
    "stop_decision": f.StopForm,
}


@record_view(Decision, Action.CHANGE)
def decision_step(request, decision):
    return _step(request, decision, DECISION_FLOW, DECISION_STEPS, "rulemaking:decision_detail")


MEETING_LEDGER = Ledger(
    "集体讨论会议台账.xlsx",
    "集体讨论会议",
    (
        Column("会议名称", lambda m: m.title),
        Column("会议", lambda m: m.get_kind_display()),
        Column("决策机关", lambda m: m.unit.name),
        Column("会议日期", lambda m: day(m.date)),
        Column("出席的会议组成人员", lambda m: m.attendees, on_page=False),
        Column("讨论决定的重大行政决策", lambda m: "；".join(d.name for d in m.decisions.all())),
    ),
)


@require_safe
def meeting_list(request):
    return _register(
        request,
        selectors.meetings(request.user, search=_q(request)).prefetch_related("decisions"),
        ledger=MEETING_LEDGER,
        title="集体讨论会议",
        placeholder="会议名称或决策机关",
        empty="没有登记会议",
        create=[("登记会议", "rulemaking:meeting_create")],
    )


def meeting_create(request):
    return _create(
        request,
        f.MeetingForm,
        services.register_meeting,
        title="登记常务会议或全体会议",
        listed=("集体讨论会议", "rulemaking:meeting_list"),
        message=lambda m: f"已登记{m}",
        units=selectors.agencies(request.user),
    )


@record_view(CollectiveMeeting)
@require_safe
def meeting_detail(request, meeting):
    return render(
        request,
        "rulemaking/meeting_detail.html",
        {
            "meeting": meeting,
            "decisions": selectors.meeting_decisions(request.user, meeting),
            "history": core_selectors.record_history(request.user, meeting),
        },
    )


REPLY_LEDGER = Ledger(
    "征求意见反馈台账.xlsx",
    "征求意见反馈",
    (
        Column("草案名称", lambda r: r.draft_title),
        Column("征求意见机关", lambda r: r.requesting_unit.name),
        Column("反馈单位", lambda r: r.unit.name),
        Column("收到日期", lambda r: day(r.received_date), on_page=False),
        Column("反馈日期", lambda r: day(r.reply_date)),
        Column("意见建议（条）", lambda r: r.suggestions),
        Column("反馈意见", lambda r: r.content, on_page=False),
    ),
)


@require_safe
def reply_list(request):
    return _register(
        request,
        selectors.consultation_replies(request.user, search=_q(request)),
        ledger=REPLY_LEDGER,
        title="征求意见反馈",
        placeholder="草案名称、征求意见机关或反馈单位",
        empty="没有反馈记录",
        create=[("登记反馈意见", "rulemaking:reply_create")],
    )


def reply_create(request):
    return _create(
        request,
        f.ConsultationReplyForm,
        services.record_consultation_reply,
        title="登记征求意见反馈",
        listed=("征求意见反馈", "rulemaking:reply_list"),
        message="已登记反馈意见",
        units=selectors.agencies(request.user),
        others=selectors.area_agencies(request.user),
        documents=selectors.documents(request.user),
    )


@record_view(ConsultationReply)
@require_safe
def reply_detail(request, reply):
    return render(
        request,
        "rulemaking/reply_detail.html",
        {"reply": reply, "history": core_selectors.record_history(request.user, reply)},
    )


# — 法律顾问 · 其他合法性审查 —


def _contract_cell(adviser):
    today = timezone.localdate()
    if adviser.contract_to < today:
        return format_html("{} {}", day(adviser.contract_to), _badge("已到期", "danger"))
    if adviser.contract_to <= today + datetime.timedelta(days=60):
        return format_html("{} {}", day(adviser.contract_to), _badge("即将到期"))
    return day(adviser.contract_to)


ADVISER_LEDGER = Ledger(
    "法律顾问和公职律师台账.xlsx",
    "法律顾问",
    (
        Column("姓名", lambda a: a.name),
        Column("类别", lambda a: a.get_kind_display()),
        Column("聘用单位", lambda a: a.unit.name),
        Column("所在律师事务所或单位", lambda a: a.firm, on_page=False),
        Column("公职律师证号", lambda a: a.certificate_number, on_page=False),
        Column("聘期起", lambda a: day(a.contract_from), on_page=False),
        Column("聘期止", lambda a: day(a.contract_to), cell=_contract_cell),
    ),
)


@require_safe
def adviser_list(request):
    return _register(
        request,
        selectors.advisers(request.user, search=_q(request)),
        ledger=ADVISER_LEDGER,
        title="法律顾问和公职律师",
        placeholder="姓名、律所、单位或证号",
        empty="没有法律顾问",
        create=[("登记法律顾问", "rulemaking:adviser_create")],
        actions=[("覆盖情况", reverse("rulemaking:coverage"))],
    )


def adviser_create(request):
    return _create(
        request,
        f.AdviserForm,
        services.register_adviser,
        title="登记法律顾问或公职律师",
        listed=("法律顾问", "rulemaking:adviser_list"),
        message="已登记",
        units=selectors.agencies(request.user),
    )


@record_view(LegalAdviser)
@require_safe
def adviser_detail(request, adviser):
    return render(
        request,
        "rulemaking/adviser_detail.html",
        {
            "adviser": adviser,
            "services": selectors.adviser_services(request.user, adviser),
            "can_change": core_selectors.can(request.user, Action.CHANGE, LINE),
            "history": core_selectors.record_history(request.user, adviser),
        },
    )


@record_view(LegalAdviser, Action.CHANGE)
def adviser_renew(request, adviser):
    return _step_form(
        request,
        f.RenewForm,
        services.renew_adviser,
        ("adviser", adviser),
        title=f"续聘：{adviser}",
        message="已续聘",
    )


@record_view(LegalAdviser, Action.CHANGE)
def adviser_service(request, adviser):
    return _step_form(
        request,
        f.AdviserServiceForm,
        services.record_adviser_service,
        ("adviser", adviser),
        title=f"登记服务：{adviser}",
        message="已登记服务记录",
    )


@require_safe
def coverage(request):
    require(request, Action.VIEW, LINE)
    rows = selectors.coverage(request.user)
    listed = [has for _, has, required in rows if required]
    covered = sum(listed)
    return render(
        request,
        "rulemaking/coverage.html",
        {
            "rows": rows,
            "covered": covered,
            "total": len(listed),
            "others": sum(1 for _, has, required in rows if has and not required),
            "rate": round(covered * 100 / len(listed), 1) if listed else None,
            "can_create": core_selectors.can(request.user, Action.CREATE, LINE),
        },
    )


def coverage_duty(request):
    """登记应配备法律顾问的党政机关: the agencies in the user's scope, from a date."""
    require(request, Action.CREATE, LINE)
    form = f.DutyForm(request.POST or None, request=request)
    count = run_service_form(request, form, services.register_adviser_duty)
    if count is not None:
        messages.success(request, f"已登记应配备法律顾问的党政机关{count}个")
        return redirect("rulemaking:coverage")
    crumbs = [
        ("法律顾问", reverse("rulemaking:adviser_list")),
        ("覆盖情况", reverse("rulemaking:coverage")),
    ]
    context = {
        "form": form,
        "title": "登记应配备法律顾问的党政机关",
        "back": None,
        "crumbs": crumbs,
    }
    return render(request, "core/form.html", context)


REVIEW_LEDGER = Ledger(
    "其他合法性审查台账.xlsx",
    "其他合法性审查",
    (
        Column("审查事项", lambda r: r.matter),
        Column("类别", lambda r: r.get_kind_display()),
        Column("送审单位", lambda r: r.requesting_unit.name),
        Column("审查机构", lambda r: r.unit.name, on_page=False),
        Column("收到日期", lambda r: day(r.received_date)),
        Column("审查意见", lambda r: r.opinion, on_page=False),
        Column("完成日期", lambda r: day(r.finished_date)),
        Column("用时（工作日）", lambda r: r.working_days),
    ),
)


@require_safe
def review_list(request):
    return _register(
        request,
        selectors.other_reviews(request.user, search=_q(request)),
        ledger=REVIEW_LEDGER,
        title="其他合法性审查",
        placeholder="审查事项或送审单位",
        empty="没有审查事项",
        create=[("登记审查事项", "rulemaking:review_create")],
    )


def review_create(request):
    return _create(
        request,
        f.OtherReviewForm,
        services.register_other_review,
        title="登记合法性审查事项",
        listed=("其他合法性审查", "rulemaking:review_list"),
        message="已登记",
        units=selectors.agencies(request.user),
        others=selectors.area_agencies(request.user),
    )


@record_view(OtherReview)
@require_safe
def review_detail(request, review):
    return render(
        request,
        "rulemaking/review_detail.html",
        {
            "review": review,
            "can_change": review.finished_date is None
            and core_selectors.can(request.user, Action.CHANGE, LINE),
            "history": core_selectors.record_history(request.user, review),
        },
    )


@record_view(OtherReview, Action.CHANGE)
def review_finish(request, review):
    return _step_form(
        request,
        f.FinishReviewForm,
        services.finish_other_review,
        ("review", review),
        title=f"办结：{review}",
        message="已办结",
    )


# — 清理 · 后评估 —

CLEANUP_LEDGER = Ledger(
    "规范性文件清理台账.xlsx",
    "清理",
    (
        Column("清理名称", lambda b: b.title),
        Column("类型", lambda b: b.get_kind_display()),
        Column("组织机关", lambda b: b.unit.name),
        Column("开始日期", lambda b: day(b.started_date)),
        Column("文件数", lambda b: b.entries.count()),
        Column("结果公布日期", lambda b: day(b.published_date)),
    ),
)


@require_safe
def cleanup_list(request):
    return _register(
        request,
        selectors.cleanups(request.user, search=_q(request)),
        ledger=CLEANUP_LEDGER,
        title="规范性文件清理",
        placeholder="清理名称或组织机关",
        empty="没有清理",
        create=[("开始清理", "rulemaking:cleanup_create")],
    )


def cleanup_create(request):
    return _create(
        request,
        f.CleanupForm,
        services.start_cleanup,
        title="开始规范性文件清理",
        listed=("规范性文件清理", "rulemaking:cleanup_list"),
        message="已开始清理",
        units=selectors.agencies(request.user),
    )


@record_view(CleanupBatch)
@require_safe
def cleanup_detail(request, batch):
    return render(
        request,
        "rulemaking/cleanup_detail.html",
        {
            "batch": batch,
            "entries": selectors.cleanup_entries(request.user, batch),
            "editable": batch.published_date is None
            and core_selectors.can(request.user, Action.CHANGE, LINE),
            "history": core_selectors.record_history(request.user, batch),
        },
    )


@record_view(CleanupBatch, Action.CHANGE)
def cleanup_entry(request, batch):
    form = f.CleanupEntryForm(
        request.POST or None, request=request, documents=selectors.cleanable_documents(request.user)
    )
    return form_page(
        request,
        form,
        services.add_cleanup_entry,
        batch=batch,
        title=f"列入清理：{batch}",
        back=batch,
        message="已登记清理结论",
    )


@record_view(CleanupBatch, Action.CHANGE)
def cleanup_publish(request, batch):
    return _step_form(
        request,
        f.PublishCleanupForm,
        services.publish_cleanup,
        ("batch", batch),
        title=f"公布清理结果：{batch}",
        message="已公布清理结果，文件效力状态已更新",
    )


@record_view(NormativeDocument, Action.CHANGE)
def document_evaluation(request, document):
    return _step_form(
        request,
        f.EvaluationForm,
        services.record_evaluation,
        ("document", document),
        title=f"登记后评估：{document}",
        message="已登记后评估",
    )


def _pk_of(queryset, value):
    return (
        queryset.filter(pk=int(value)).first()
        if value and value.isdigit() and len(value) < 10
        else None
    )


def document_import(request):
    """导入既有规范性文件登记台账: the unit chosen on the page, a template, all rows or none."""
    from fazhi.core.imports import import_page

    from . import imports

    require(request, Action.CREATE, LINE)
    units = selectors.agencies(request.user)
    # The unit and the 备案机关 ride in the page's query (?unit=&filing_body=), kept on the upload.
    unit = _pk_of(units, request.GET.get("unit")) or units.first()
    if unit is None:
        raise Http404("没有可导入的制定机关")
    body = _pk_of(selectors.area_agencies(request.user), request.GET.get("filing_body"))
    return import_page(
        request,
        imports.DOCUMENTS,
        partial(services.import_documents, unit=unit, filing_body=body),
        title=f"导入规范性文件登记台账（{unit.name}）",
        template_name="规范性文件导入模板.xlsx",
        success="已导入{count}件规范性文件",
        done=reverse("rulemaking:document_list"),
    )


def filing_import(request):
    """导入备案台账: the 备案机关 chosen on the page (?filing_body=), its filings of documents
    already in the register, all rows or none."""
    from fazhi.core.imports import import_page

    from . import imports

    require(request, Action.CREATE, LINE)
    bodies = selectors.agencies(request.user)
    body = _pk_of(bodies, request.GET.get("filing_body")) or bodies.first()
    if body is None:
        raise Http404("没有可导入的备案机关")
    return import_page(
        request,
        imports.FILINGS,
        partial(services.import_filings, filing_body=body),
        title=f"导入备案台账（{body.name}）",
        template_name="备案台账导入模板.xlsx",
        success="已导入{count}件备案",
        done=reverse("rulemaking:filing_list"),
    )


# — 附带审查 —


@require_safe
def incidental_list(request):
    from fazhi.core.querysets import acts_on

    if not (acts_on(request.user, "reconsideration") or acts_on(request.user, LINE)):
        raise PermissionDenied("当前任职不办理行政复议或规范性文件业务")
    return render(
        request,
        "rulemaking/incidental_list.html",
        {
            "requests": selectors.incidental_requests(request.user),
            "cases": selectors.cases_for_incidental_review(request.user),
        },
    )


def _case_model():
    from fazhi.reconsideration.models import Case

    return Case


@record_view(_case_model(), Action.CHANGE)
def incidental_refer(request, case):
    return _step_form(
        request,
        f.ReferForm,
        services.refer_from_reconsideration,
        ("case", case),
        title=f"附带审查并中止：{case.number}",
        message=lambda r: f"{case.number}已中止审理，{r.document}已转入附带审查",
    )


@record_view(ReviewRequest, Action.CHANGE)
def incidental_notice(request, review_request):
    return _step_form(
        request,
        f.IncidentalNoticeForm,
        services.record_incidental_notice,
        ("review_request", review_request),
        title=f"书面通知制定机关：{review_request}",
        message="已登记书面通知",
        back=review_request.document,
    )


@record_view(ReviewRequest, Action.CHANGE)
def incidental_result(request, review_request):
    return _step_form(
        request,
        f.IncidentalResultForm,
        services.record_incidental_result,
        ("review_request", review_request),
        title=f"附带审查结果：{review_request}",
        message="已登记附带审查结果；请在行政复议案件中恢复审理",
        back=review_request.document,
    )


@record_view(ReviewRequest, Action.CHANGE)
def request_answer(request, review_request):
    return _step_form(
        request,
        f.AnswerRequestForm,
        services.answer_review_request,
        ("review_request", review_request),
        title=f"答复审查建议：{review_request}",
        message="已答复审查建议",
        back=review_request.document,
    )
