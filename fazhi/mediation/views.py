"""Pages of 人民调解: the ledgers (disputes, committees, mediators, screenings) with Excel, a
dispute's file with its steps (phone-sized forms), committees and mediators, screening
rounds, nil reports and the committees that have not reported this month."""

import io
from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.dataversion import query_key, remember
from fazhi.core.guards import shown_id_number
from fazhi.core.imports import import_page
from fazhi.core.ledgers import Column, Ledger, day, ledger_page
from fazhi.core.roles import Action
from fazhi.core.steps import form_page, step_page
from fazhi.core.validators import mask_id_number
from fazhi.core.viewtools import record_view, require, run_service_form

from . import deadlines, documents, imports, selectors, services
from .forms import (
    AgreementStepForm,
    CommitteeForm,
    ConfirmationForm,
    CourtForm,
    DismissForm,
    DisputeFilterForm,
    DisputeForm,
    DissolveForm,
    EndForm,
    ExtendForm,
    FilingForm,
    FollowUpForm,
    MediatorForm,
    NilReportForm,
    PartyForm,
    PetitionExtensionForm,
    PetitionNoticeForm,
    PetitionReviewForm,
    PetitionRoutingForm,
    ReturnForm,
    ReviewOpinionForm,
    ScreeningForm,
    SeatForm,
    SessionForm,
    SettleForm,
    TypicalCaseForm,
    ViewReasonForm,
)
from .models import Committee, Dispute, Finding, Mediator, Screening
from .workflow import DISPUTE_FLOW

LINE = Dispute.work_line
HIDDEN = "（当事人要求不公开，摘要不显示）"


def _summary(dispute) -> str:
    # 人民调解法 第二十三条第三项: a non-public case's summary stays off lists and exports.
    return HIDDEN if dispute.non_public else dispute.summary[:80]


def _parties(dispute) -> str:
    return "、".join(party.name for party in dispute.parties.all())


def _agreement(dispute):
    return getattr(dispute, "agreement", None)


def _confirmation(dispute):
    confirmation = getattr(dispute, "confirmation", None)
    if confirmation is None:
        return ""
    return confirmation.get_result_display() if confirmation.result else "已申请"


def _routing(dispute) -> str:
    """信访工作条例 第二十二条: when and how the office routed the petition, late ones told."""
    if dispute.routed_date is None:
        if dispute.petition_registered_date is None:
            return ""
        return f"{day(dispute.petition_registered_date)}登记，未转送（期限{day(dispute.route_due) or '待计算'}）"
    late = (dispute.routed_date - dispute.route_due).days if dispute.routed_late else 0
    return (
        f"{day(dispute.routed_date)}{dispute.get_route_way_display()}：{dispute.route_recipient}"
        + (f"（逾期{late}日）" if late else "")
    )


def _petition_due(dispute) -> str:
    """信访工作条例 第三十四条: the handling period, with its extension."""
    if dispute.source != "petition":
        return ""
    text = day(dispute.return_due) or "待计算"
    if dispute.petition_extension_days:
        text += f"（经{dispute.petition_extension_approver}批准延长{dispute.petition_extension_days}日）"
    return text


def _petition_notice(dispute) -> str:
    """信访工作条例 第二十三条第三款: the written notice to the petitioner, or its last day."""
    if dispute.source != "petition":
        return ""
    if dispute.notice_date:
        late = "（逾期）" if dispute.notice_late else ""
        return f"{dispute.notice_date:%Y-%m-%d}告知{dispute.notice_to}{late}"
    return f"应于{dispute.notice_due:%Y-%m-%d}前告知" if dispute.notice_due else "期限待计算"


DISPUTE_LEDGER = Ledger(
    "人民调解案件台账.xlsx",
    "矛盾纠纷",
    (
        Column("卷号", lambda d: d.number),
        Column("调解组织", lambda d: d.committee.name),
        Column("案件来源", lambda d: d.get_source_display()),
        Column("来源单位及文号", lambda d: d.source_reference, on_page=False),
        Column("纠纷类型", lambda d: d.get_kind_display()),
        Column("当事人", _parties, on_page=False),
        Column("纠纷简要情况", _summary, on_page=False),
        Column("受理日期", lambda d: day(d.received_date)),
        Column("调解期限", lambda d: day(d.current_due)),
        Column("调解员", lambda d: d.mediator.name, on_page=False),
        Column("状态", lambda d: d.get_status_display()),
        Column(
            "协议形式",
            lambda d: _agreement(d).get_form_display() if _agreement(d) else "",
            on_page=False,
        ),
        Column("协议生效日期", lambda d: day(d.agreed_date), on_page=False),
        Column(
            "协议金额（元）",
            lambda d: float(_agreement(d).amount) if _agreement(d) else "",
            on_page=False,
        ),
        Column("司法确认", _confirmation, on_page=False),
        Column("终止原因", lambda d: d.get_end_reason_display(), on_page=False),
        Column("结案日期", lambda d: day(d.closed_date), on_page=False),
        Column("信访转送交办", _routing, on_page=False),
        Column("信访办理期限", _petition_due, on_page=False),
        Column("书面告知信访人", _petition_notice, on_page=False),
    ),
)


@require_safe
def dispute_list(request):
    filters = DisputeFilterForm(request.GET)
    filters.is_valid()
    data = filters.cleaned_data
    queryset = selectors.disputes(
        request.user,
        search=data.get("q", ""),
        status=data.get("status", ""),
        source=data.get("source", ""),
        overdue_on=timezone.localdate() if data.get("overdue") else None,
    )
    can_create = core_selectors.can(request.user, Action.CREATE, LINE)
    figures_only = selectors.case_access(request.user) == selectors.FIGURES
    return ledger_page(
        request,
        # a province's million disputes: no exact COUNT(*) per page, the table cached per
        # change of the records (core/dataversion.py)
        selectors.with_estimated_count(queryset),
        ledger=DISPUTE_LEDGER,
        title="矛盾纠纷",
        cached=True,
        export_rows=selectors.ledger_rows(queryset),
        search_placeholder="卷号、调解组织、来源文号或当事人",
        filter_form=filters,
        empty="仅可查看统计数据（人民调解指标）" if figures_only else "没有符合条件的纠纷",
        actions=[
            ("受理纠纷", reverse("mediation:dispute_create")),
            ("导入省级平台案件", reverse("mediation:dispute_import")),
        ]
        if can_create
        else [],
    )


def dispute_import(request):
    """导入省级平台案件: a template, an upload, all rows or none."""
    require(request, Action.CREATE, LINE)
    return import_page(
        request,
        imports.PROVINCIAL_CASES,
        partial(
            services.import_platform_cases,
        ),
        title="导入省级平台调解案件",
        template_name="省级平台调解案件导入模板.xlsx",
        success="已导入{count}件调解案件（平台编号已有的案件已更新）",
        done=reverse("mediation:dispute_list"),
    )


def dispute_create(request):
    require(request, Action.CREATE, LINE)
    finding = None
    if request.GET.get("finding", "").isdigit():
        finding = (
            Finding.objects.restrict(request.user, Action.CHANGE)
            .filter(pk=int(request.GET["finding"]))
            .select_related("screening__committee")
            .first()
        )
    committees = selectors.committees_for(request.user)
    initial = {}
    if finding is not None:
        initial = {
            "committee": finding.screening.committee,
            "source": "initiative",
            "summary": finding.description,
        }
    elif committees.count() == 1:
        initial = {"committee": committees.first()}
    form = DisputeForm(
        request.POST or None,
        committees=committees,
        mediators=selectors.mediators_for(request.user),
        initial=initial,
        request=request,
    )
    return form_page(
        request,
        form,
        services.register_dispute,
        title="受理矛盾纠纷",
        crumbs=[("矛盾纠纷", reverse("mediation:dispute_list"))],
        message=lambda d: (
            f"已受理，卷号{d.number}" + (f"，调解期限至{d.due_date:%Y-%m-%d}" if d.due_date else "")
        ),
        finding=finding,
    )


def _details_allowed(request, dispute) -> None:
    if selectors.case_access(request.user) == selectors.FIGURES:
        raise PermissionDenied("依法治办和上级机关查看人民调解统计数据，不查看案件卷宗")


def _reason_page(request, dispute):
    """The county bureau reads a case file with a reason, each view recorded (who, when,
    why): the page asking for it, or None once recorded (or not needed)."""
    _details_allowed(request, dispute)
    if selectors.view_needs_reason(request.user, dispute):
        reason_form = ViewReasonForm(request.GET if "reason" in request.GET else None)
        if not reason_form.is_valid():
            return render(
                request, "mediation/view_reason.html", {"dispute": dispute, "form": reason_form}
            )
        services.record_case_view(
            actor=request.user, dispute=dispute, reason=reason_form.cleaned_data["reason"]
        )
    return None


@record_view(Dispute)
@require_safe
def dispute_detail(request, dispute):
    if (asked := _reason_page(request, dispute)) is not None:
        return asked
    parties = [
        (party, shown_id_number(request.user, party, party.id_number))
        for party in selectors.parties_of(request.user, dispute)
    ]
    return render(
        request,
        "mediation/dispute_detail.html",
        {
            "dispute": dispute,
            "parties": parties,
            "sessions": selectors.sessions_of(request.user, dispute),
            "agreement": selectors.agreement_of(request.user, dispute),
            "confirmation": selectors.confirmation_of(request.user, dispute),
            "follow_ups": selectors.follow_ups_of(request.user, dispute),
            "reviews": selectors.reviews_of(request.user, dispute),
            "papers": documents.papers_of(dispute),
            "attachments": core_selectors.attachments_of(request.user, dispute),
            "history": core_selectors.record_history(request.user, dispute),
            "buttons": DISPUTE_FLOW.buttons(dispute, request.user),
            "basis": deadlines.mediation_basis(dispute),
            "overdue": dispute.status == "mediating"
            and dispute.current_due is not None
            and dispute.current_due < timezone.localdate(),
        },
    )


@record_view(Dispute)
@require_safe
def dispute_document(request, dispute):
    """One 调解文书 of the case file (?kind=, the 受理登记表 when not given), from the
    unit's Word template."""
    paper = documents.BY_KEY.get(request.GET.get("kind", "application"))
    if paper is None or not paper.present(dispute):
        raise Http404("该案卷没有这份文书")
    if (asked := _reason_page(request, dispute)) is not None:
        return asked
    content = documents.render(dispute, request.user, paper)
    return FileResponse(
        io.BytesIO(content), as_attachment=True, filename=f"{dispute.number}{paper.title}.docx"
    )


def _step(request, dispute, action, form_class, **kwargs):
    return step_page(
        request, dispute, DISPUTE_FLOW, action, form_class, getattr(services, action), **kwargs
    )


@record_view(Dispute, Action.CHANGE)
def dispute_party(request, dispute):
    return _step(
        request, dispute, "add_party", PartyForm, message=lambda p: f"已登记当事人{p.name}"
    )


@record_view(Dispute, Action.CHANGE)
def dispute_session(request, dispute):
    return _step(request, dispute, "record_session", SessionForm, message="已登记调解记录")


@record_view(Dispute, Action.CHANGE)
def dispute_extend(request, dispute):
    return _step(
        request,
        dispute,
        "extend_period",
        ExtendForm,
        message=lambda d: f"调解期限已延长至{d.extended_due:%Y-%m-%d}",
    )


@record_view(Dispute, Action.CHANGE)
def dispute_end(request, dispute):
    return _step(request, dispute, "end_mediation", EndForm, message="已终止调解")


@record_view(Dispute, Action.CHANGE)
def dispute_agreement(request, dispute):
    """The agreement with a photo of the signed paper: a multipart form of its own."""
    transition = DISPUTE_FLOW.transition("record_agreement")
    form = AgreementStepForm(request.POST or None, request.FILES or None, request=request)
    result = run_service_form(request, form, services.record_agreement, dispute=dispute)
    if result is not None:
        messages.success(
            request,
            "已登记调解协议" + _confirmation_hint(result),
        )
        return redirect(dispute)
    context = {
        "record": dispute,
        "record_title": dispute.number,
        "workflow": DISPUTE_FLOW,
        "transition": transition,
        "form": form,
    }
    return render(request, "mediation/agreement_form.html", context)


@record_view(Dispute, Action.CHANGE)
def dispute_confirmation(request, dispute):
    return _step(
        request, dispute, "apply_confirmation", ConfirmationForm, message="已登记司法确认申请"
    )


@record_view(Dispute, Action.CHANGE)
def dispute_court(request, dispute):
    return _step(
        request, dispute, "record_court_decision", CourtForm, message="已登记法院受理与决定情况"
    )


@record_view(Dispute, Action.CHANGE)
def dispute_follow_up(request, dispute):
    return _step(
        request,
        dispute,
        "record_follow_up",
        FollowUpForm,
        message=lambda f: f"已登记回访：{f.get_performance_display()}",
    )


@record_view(Dispute, Action.CHANGE)
def dispute_return(request, dispute):
    return _step(request, dispute, "record_return", ReturnForm, message="已登记向来源单位反馈")


@record_view(Dispute, Action.CHANGE)
def dispute_routing(request, dispute):
    return _step(
        request,
        dispute,
        "record_petition_routing",
        PetitionRoutingForm,
        message=lambda d: (
            f"已登记信访事项{d.get_route_way_display()}：{d.route_recipient}"
            + ("（已超过十五日期限）" if d.routed_late else "")
            if d.routed_date
            else "已登记信访事项，"
            + (f"应于{d.route_due:%Y-%m-%d}前转送、交办" if d.route_due else "转送期限待计算")
        ),
        form_kwargs={"initial": {"registered_date": dispute.petition_registered_date}},
    )


@record_view(Dispute, Action.CHANGE)
def dispute_notice(request, dispute):
    return _step(
        request,
        dispute,
        "record_petition_notice",
        PetitionNoticeForm,
        message=lambda d: (
            f"已登记书面告知{d.notice_to}" + ("（已超过十五日期限）" if d.notice_late else "")
        ),
    )


@record_view(Dispute, Action.CHANGE)
def dispute_petition_extend(request, dispute):
    return _step(
        request,
        dispute,
        "extend_petition_handling",
        PetitionExtensionForm,
        message=lambda d: (
            f"信访事项办理期限已延长{d.petition_extension_days}日"
            + (f"至{d.return_due:%Y-%m-%d}" if d.return_due else "（新期限待录入节假日安排后计算）")
            + "，请确认已告知信访人延期理由"
        ),
    )


@record_view(Dispute, Action.CHANGE)
def dispute_review(request, dispute):
    return _step(
        request,
        dispute,
        "request_petition_review",
        PetitionReviewForm,
        message=lambda r: (
            f"已登记{r.get_stage_display()}请求，"
            + (f"应于{r.opinion_due:%Y-%m-%d}前提出意见" if r.opinion_due else "意见期限待计算")
        ),
    )


@record_view(Dispute, Action.CHANGE)
def dispute_review_opinion(request, dispute):
    return _step(
        request,
        dispute,
        "record_review_opinion",
        ReviewOpinionForm,
        message=lambda r: f"已登记{r.get_stage_display()}意见",
    )


@record_view(Dispute, Action.CHANGE)
def dispute_typical(request, dispute):
    return _step(
        request,
        dispute,
        "publish_typical_case",
        TypicalCaseForm,
        message=lambda case: f"已发布典型案例“{case.title}”",
        form_kwargs={"initial": {"text": dispute.summary}},
    )


TYPICAL_LEDGER = Ledger(
    "人民调解典型案例.xlsx",
    "典型案例",
    (
        Column("标题", lambda c: c.title),
        Column("调解组织", lambda c: c.dispute.committee.name),
        Column("纠纷类型", lambda c: c.dispute.get_kind_display()),
        Column("案例正文", lambda c: c.text),
        Column("发布日期", lambda c: day(c.published_date)),
    ),
    link=False,
)


@require_safe
def typical_list(request):
    queryset = selectors.typical_cases(request.user, search=request.GET.get("q", "")[:100])
    return ledger_page(
        request,
        queryset,
        ledger=TYPICAL_LEDGER,
        title="人民调解典型案例",
        search_placeholder="标题或正文",
        empty="尚未发布典型案例",
    )


# — committees —


def _members(committee) -> int:
    return getattr(committee, "members", None) or 0


COMMITTEE_LEDGER = Ledger(
    "人民调解组织台账.xlsx",
    "调解组织",
    (
        Column("名称", lambda c: c.name),
        Column("类型", lambda c: c.get_kind_display()),
        Column("专业领域", lambda c: c.field, on_page=False),
        Column("指导单位", lambda c: c.unit.name),
        Column("设立单位", lambda c: c.founder, on_page=False),
        Column("设立日期", lambda c: day(c.established_date), on_page=False),
        Column("撤销日期", lambda c: day(c.dissolved_date), on_page=False),
        Column("委员人数", _members),
        Column("本届任期", lambda c: f"{day(c.term_start)}至{day(c.term_end)}"),
        Column("备案日期", lambda c: day(c.filed_date), empty="未备案"),
        Column("通报法院日期", lambda c: day(c.court_notified_date), on_page=False),
        Column("存续", lambda c: "是" if c.active else "已撤销", on_page=False),
    ),
)


@require_safe
def committee_list(request):
    queryset = selectors.committees(request.user, search=request.GET.get("q", "")[:100])
    can_create = core_selectors.can(request.user, Action.CREATE, LINE)
    return ledger_page(
        request,
        queryset,
        ledger=COMMITTEE_LEDGER,
        title="人民调解组织",
        search_placeholder="名称或专业领域",
        empty="尚未登记调解组织",
        actions=[("登记调解组织", reverse("mediation:committee_create"))] if can_create else [],
    )


def committee_create(request):
    require(request, Action.CREATE, LINE)
    mediators = selectors.mediators_for(request.user)
    form = CommitteeForm(
        request.POST or None,
        units=selectors.units_for(request.user),
        mediators=mediators,
        request=request,
    )
    return form_page(
        request,
        form,
        services.register_committee,
        title="登记调解组织",
        crumbs=[("人民调解组织", reverse("mediation:committee_list"))],
        message=lambda c: f"已登记{c.name}，本届任期至{c.term_end:%Y-%m-%d}",
    )


@record_view(Committee)
@require_safe
def committee_detail(request, committee):
    today = timezone.localdate()
    return render(
        request,
        "mediation/committee_detail.html",
        {
            "committee": committee,
            "seats": selectors.seats_of(request.user, committee),
            "term_over": committee.term_end <= today,
            "can_change": core_selectors.can(request.user, Action.CHANGE, LINE),
            "history": core_selectors.record_history(request.user, committee),
        },
    )


@record_view(Committee, Action.CHANGE)
def committee_dissolve(request, committee):
    form = DissolveForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.dissolve_committee,
        title="撤销调解组织",
        back=committee,
        message="已撤销，自撤销日期起不再计入调解组织名册",
        committee=committee,
    )


@record_view(Committee, Action.CHANGE)
def committee_seat(request, committee):
    form = SeatForm(
        request.POST or None, mediators=selectors.mediators_for(request.user), request=request
    )
    return form_page(
        request,
        form,
        services.add_seat,
        title="增加调解组织成员",
        back=committee,
        message=lambda seat: (
            f"已增加{seat.get_post_display()}{seat.mediator.name}；请在三十个工作日内备案"
        ),
        committee=committee,
    )


@record_view(Committee, Action.CHANGE)
def committee_filing(request, committee):
    form = FilingForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.record_filing,
        title="登记备案",
        back=committee,
        message="已登记备案",
        committee=committee,
    )


# — mediators —


MEDIATOR_LEDGER = Ledger(
    "人民调解员名册.xlsx",
    "人民调解员",
    (
        Column("姓名", lambda m: m.name),
        Column("性别", lambda m: m.get_gender_display()),
        Column("民族", lambda m: m.ethnicity, on_page=False),
        Column("出生日期", lambda m: day(m.birth_date), on_page=False),
        Column("身份证号码", lambda m: mask_id_number(m.id_number), on_page=False),
        Column("专兼职", lambda m: m.get_employment_display()),
        Column("专家库", lambda m: "是" if m.expert else "否"),
        Column("专长", lambda m: m.specialty, on_page=False),
        Column("所在调解组织", lambda m: "、".join(s.committee.name for s in m.seats.all())),
        Column("最近培训", lambda m: day(m.trained_date), on_page=False),
        Column("入册日期", lambda m: day(m.appointed_date), on_page=False),
        Column("罢免或解聘日期", lambda m: day(m.left_date), on_page=False),
        Column("补贴", lambda m: m.subsidy, on_page=False),
        Column("状态", lambda m: m.get_status_display()),
    ),
)


@require_safe
def mediator_list(request):
    queryset = selectors.mediators(request.user, search=request.GET.get("q", "")[:100])
    can_create = core_selectors.can(request.user, Action.CREATE, LINE)
    return ledger_page(
        request,
        queryset,
        ledger=MEDIATOR_LEDGER,
        title="人民调解员名册",
        search_placeholder="姓名或专长",
        empty="尚未登记人民调解员",
        actions=[("登记调解员", reverse("mediation:mediator_create"))] if can_create else [],
    )


def mediator_create(request):
    require(request, Action.CREATE, LINE)
    form = MediatorForm(
        request.POST or None, units=selectors.units_for(request.user), request=request
    )
    return form_page(
        request,
        form,
        services.register_mediator,
        title="登记人民调解员",
        crumbs=[("人民调解员名册", reverse("mediation:mediator_list"))],
        message=lambda m: f"已登记人民调解员{m.name}",
    )


@record_view(Mediator)
@require_safe
def mediator_detail(request, mediator):
    return render(
        request,
        "mediation/mediator_detail.html",
        {
            "mediator": mediator,
            "id_number": shown_id_number(request.user, mediator, mediator.id_number),
            "age": mediator.age_on(timezone.localdate()),
            "seats": selectors.seats_of_mediator(request.user, mediator),
            "can_change": core_selectors.can(request.user, Action.CHANGE, LINE),
            "history": core_selectors.record_history(request.user, mediator),
        },
    )


@record_view(Mediator, Action.CHANGE)
def mediator_dismiss(request, mediator):
    form = DismissForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.dismiss_mediator,
        title="罢免或解聘",
        back=mediator,
        message="已罢免或解聘",
        mediator=mediator,
    )


# — screenings and nil reports —


SCREENING_LEDGER = Ledger(
    "矛盾纠纷排查台账.xlsx",
    "排查",
    (
        Column("调解组织", lambda s: s.committee.name),
        Column("排查日期", lambda s: day(s.date)),
        Column("排查范围", lambda s: s.area),
        Column("排查人", lambda s: s.screener, on_page=False),
        Column("发现矛盾纠纷（件）", lambda s: s.found),
    ),
)


@require_safe
def screening_list(request):
    today = timezone.localdate()
    queryset = selectors.screenings(request.user, search=request.GET.get("q", "")[:100])
    can_create = core_selectors.can(request.user, Action.CREATE, LINE)
    actions = []
    if can_create:
        actions = [
            ("登记排查", reverse("mediation:screening_create")),
            ("零上报", reverse("mediation:nil_report_create")),
        ]
    return ledger_page(
        request,
        queryset,
        ledger=SCREENING_LEDGER,
        title="矛盾纠纷排查",
        cached=True,
        template="mediation/screening_list.html",
        search_placeholder="调解组织或排查范围",
        empty="尚无排查记录",
        actions=actions,
        month=today.replace(day=1),
        **_not_reported(request, today),
    )


# The screening page names the first unreported committees (a province has thousands);
# ?unreported=all names them all.
UNREPORTED_SHOWN = 30


def _not_reported(request, today) -> dict:
    """The month's check and the latest nil reports, kept per change of the records the user
    may see (as the table is): the check reads every committee of the scope."""
    queryset = selectors.not_reported(request.user, today)
    nil_reports = selectors.nil_reports(request.user)[:12]
    every = request.GET.get("unreported") == "all"
    shown = None if every else UNREPORTED_SHOWN

    def check() -> dict:
        count = queryset.count()
        return {
            "not_reported": list(queryset[: count if every else shown]),
            "not_reported_count": count,
            "nil_reports": list(nil_reports),
        }

    statements = (query_key(queryset), query_key(nil_reports))
    if None in statements:  # nothing in scope
        return check()
    parts = (*statements, shown, timezone.localdate())
    return remember("mediation_unreported", parts, check, user=request.user)


def screening_create(request):
    require(request, Action.CREATE, LINE)
    form = ScreeningForm(
        request.POST or None, committees=selectors.committees_for(request.user), request=request
    )
    return form_page(
        request,
        form,
        services.record_screening,
        title="登记矛盾纠纷排查",
        crumbs=[("矛盾纠纷排查", reverse("mediation:screening_list"))],
        message="已登记排查",
    )


def nil_report_create(request):
    """零上报 in two taps: the committee and the month (this month by default)."""
    require(request, Action.CREATE, LINE)
    form = NilReportForm(
        request.POST or None, committees=selectors.committees_for(request.user), request=request
    )
    report = run_service_form(request, form, services.file_nil_report)
    if report is not None:
        messages.success(request, f"{report.committee.name}{report.month:%Y年%m月}已零上报")
        return redirect("mediation:screening_list")
    crumbs = [("矛盾纠纷排查", reverse("mediation:screening_list"))]
    return render(request, "core/form.html", {"form": form, "title": "零上报", "crumbs": crumbs})


@record_view(Screening)
@require_safe
def screening_detail(request, screening):
    return render(
        request,
        "mediation/screening_detail.html",
        {
            "screening": screening,
            "findings": selectors.findings_of(request.user, screening),
            "can_change": core_selectors.can(request.user, Action.CHANGE, LINE),
            "history": core_selectors.record_history(request.user, screening),
        },
    )


@record_view(Finding, Action.CHANGE)
def finding_settle(request, finding):
    form = SettleForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.settle_finding,
        title="排查发现已化解",
        back=finding.screening,
        message="已登记化解",
        finding=finding,
    )


def _confirmation_hint(agreement) -> str:
    """人民调解法 第三十三条: the window, or its rule while the year's holidays are not entered."""
    if agreement.confirmation_due:
        return f"；如需司法确认，请于{agreement.confirmation_due:%Y-%m-%d}前共同申请"
    if agreement.form == "written":
        return "；如需司法确认，请于协议生效之日起三十日内共同申请（截止日待录入节假日安排后计算）"
    return ""
