"""Pages of 述法 · 督察 · 考核: the 督察 plans and the 销号台账 (Excel), a finding's page and
its steps, the assessment schemes with their scores and ranks, the 述法 ledger and its
coverage."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST, require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.calendar import CalendarYearUnknown
from fazhi.core.guards import permits, today
from fazhi.core.ledgers import Column, Ledger, day, ledger_page
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action
from fazhi.core.steps import form_page, step_page
from fazhi.core.viewtools import error_text, record_view, require

from . import selectors, services
from .forms import (
    AdvanceForm,
    AppealDecisionForm,
    AppealForm,
    ClosureRequestForm,
    EscalateForm,
    FeedbackForm,
    FindingFilterForm,
    FindingForm,
    FollowUpForm,
    ItemForm,
    PlanForm,
    ProjectForm,
    PublishForm,
    RectificationFilterForm,
    RectificationPlanForm,
    ReportFindingForm,
    ReportRegisterForm,
    ReportReviewForm,
    ReturnForm,
    ReviewScoreForm,
    SchemeForm,
    SelfScoreForm,
    SessionForm,
    TaskDoneForm,
    TaskForm,
    VerifyForm,
)
from .models import (
    AssessmentResult,
    AssessmentScheme,
    AssessmentScore,
    AssignedTask,
    DemonstrationProject,
    Finding,
    InspectionPlan,
    LawReport,
    LeadershipSession,
    ScoreAppeal,
    is_rule_of_law_office,
    is_subject_member,
    sees_personnel_data,
)
from .workflow import FINDING_FLOW

LINE = "accountability"
SECTION = [("述法·督察·考核", None)]


def _office(user) -> bool:
    return user.is_superuser or is_rule_of_law_office(active_membership(user))


SECTIONS = {
    "plan": ("法治督察", "accountability:plan_list"),
    "scheme": ("法治建设考核", "accountability:scheme_list"),
    "report": ("述法", "accountability:report_list"),
    "session": ("领导班子学法和法治议题会议", "accountability:session_list"),
    "task": ("上级交办任务", "accountability:task_list"),
    "project": ("示范创建", "accountability:project_list"),
}


def _search(request) -> str:
    return request.GET.get("q", "")[:100]


def _list(
    request, queryset, ledger, *, title, placeholder, empty, create, office_only=True, actions=()
):
    """The line's record lists: a ledger page, its 新建 button for who may create (the
    依法治办 only, unless `office_only` is off)."""
    user = request.user
    may = core_selectors.can(user, Action.CREATE, LINE) and (not office_only or _office(user))
    buttons = [(create[0], reverse(create[1]))] if may else []
    return ledger_page(
        request,
        queryset,
        ledger=ledger,
        title=title,
        search_placeholder=placeholder,
        empty=empty,
        actions=buttons + list(actions),
    )


def _detail(request, template: str, name: str, record, **context):
    """A record's page: the record under `name`, its history, and what else it shows."""
    history = core_selectors.record_history(request.user, record)
    return render(
        request, f"accountability/{template}.html", {name: record, "history": history, **context}
    )


def _form(request, form, service, *, section: str, title: str, message, back=None, **fixed):
    """A form of the line: the section's list in the crumbs, back to `back` (a record)."""
    label, url_name = SECTIONS[section]
    return form_page(
        request,
        form,
        service,
        title=title,
        back=back,
        crumbs=[(label, reverse(url_name))],
        message=message,
        **fixed,
    )


# — 督察 —

PLAN_LEDGER = Ledger(
    "法治督察台账.xlsx",
    "法治督察",
    (
        Column("督察名称", lambda plan: plan.title),
        Column("督察类型", lambda plan: plan.get_kind_display()),
        Column("组织单位", lambda plan: plan.unit.name),
        Column("督察组", lambda plan: plan.groups, on_page=False),
        Column("督察方式", lambda plan: plan.methods, on_page=False),
        Column("开始日期", lambda plan: day(plan.start_date)),
        Column("结束日期", lambda plan: day(plan.end_date), on_page=False),
        Column("反馈日期", lambda plan: day(plan.feedback_date), empty="未反馈"),
    ),
)


@require_safe
def plan_list(request):
    return _list(
        request,
        selectors.plans(request.user, search=_search(request)),
        PLAN_LEDGER,
        title="法治督察",
        placeholder="督察名称或督察组",
        empty="没有督察方案",
        create=("制定督察方案", "accountability:plan_create"),
    )


def plan_create(request):
    require(request, Action.CREATE, LINE)
    form = PlanForm(
        request.POST or None,
        request=request,
        offices=selectors.office_units(request.user),
        units=selectors.target_units(request.user),
    )
    return _form(
        request,
        form,
        services.create_plan,
        section="plan",
        title="制定督察方案",
        message=lambda plan: f"已制定督察方案“{plan.title}”",
    )


@record_view(InspectionPlan)
@require_safe
def plan_detail(request, plan):
    may_change = core_selectors.can(request.user, Action.CHANGE, LINE) and _office(request.user)
    return _detail(
        request,
        "plan_detail",
        "plan",
        plan,
        targets=selectors.targets_of(request.user, plan),
        findings=selectors.findings(request.user, plan=plan),
        may_change=may_change and plan.feedback_date is None,
    )


@record_view(InspectionPlan, Action.CHANGE)
def plan_finding(request, plan):
    form = FindingForm(request.POST or None, request=request, units=plan.targets.all())
    return _form(
        request,
        form,
        services.add_finding,
        section="plan",
        title="登记督察问题",
        back=plan,
        message="已登记督察问题",
        plan=plan,
    )


@record_view(InspectionPlan, Action.CHANGE)
def plan_feedback(request, plan):
    form = FeedbackForm(request.POST or None, request=request)
    return _form(
        request,
        form,
        services.feed_back,
        section="plan",
        title="反馈督察意见",
        back=plan,
        message="已反馈督察意见，被督察单位可查看问题并报送整改方案",
        plan=plan,
    )


def _state_cell(finding):
    badge = ""
    if services.is_late(finding, today()) and finding.state != "closed":
        badge = mark_safe(' <span class="badge badge-danger">逾期</span>')
    return format_html("{}{}", finding.get_state_display(), badge)


FINDING_LEDGER = Ledger(
    "督察问题整改销号台账.xlsx",
    "销号台账",
    (
        Column("问题", lambda f: str(f)),
        Column("来源（督察或述法）", lambda f: f.source_title, on_page=False),
        Column("被督察单位", lambda f: f.inspected_unit.name),
        Column("问题类别", lambda f: f.get_category_display(), on_page=False),
        Column("问题描述", lambda f: f.description, on_page=False),
        Column("整改措施", lambda f: f.measure, on_page=False),
        Column("责任部门", lambda f: f.responsible_department, on_page=False),
        Column("责任人", lambda f: f.responsible_person),
        Column("完成时限", lambda f: day(f.deadline)),
        Column("整改进展", lambda f: f.progress, on_page=False),
        Column("佐证材料", lambda f: f.evidence, on_page=False),
        Column("状态", lambda f: f.get_state_display(), cell=_state_cell),
        Column("督办措施", lambda f: f.get_escalation_display() if f.escalation else ""),
        Column("销号日期", lambda f: day(f.closed_date), on_page=False),
        Column(
            "核验人",
            lambda f: (f.verifier.first_name or f.verifier.username) if f.verifier else "",
            on_page=False,
        ),
    ),
)


@require_safe
def finding_list(request):
    filters = FindingFilterForm(request.GET)
    filters.is_valid()
    data = filters.cleaned_data
    queryset = selectors.findings(
        request.user, search=data.get("q", ""), state=data.get("state", "")
    )
    return ledger_page(
        request,
        queryset,
        ledger=FINDING_LEDGER,
        title="督察问题整改销号台账",
        search_placeholder="问题、被督察单位、督察名称或责任人",
        filter_form=filters,
        empty="没有督察问题",
    )


@record_view(Finding)
@require_safe
def finding_detail(request, finding):
    return _detail(
        request,
        "finding_detail",
        "finding",
        finding,
        source_visible=permits(request.user, Action.VIEW, finding.source),
        buttons=FINDING_FLOW.buttons(finding, request.user),
        workflow=FINDING_FLOW,
        late=services.is_late(finding, today()),
        plan_due=services.plan_due(finding.fed_back_date) if finding.fed_back_date else None,
    )


STEP_FORMS = {
    "submit_plan": (RectificationPlanForm, "已报送整改方案"),
    "request_closure": (ClosureRequestForm, "已申请销号，待依法治办核验"),
    "verify_closure": (VerifyForm, "已核验销号"),
    "return_closure": (ReturnForm, "已退回补充整改"),
    "escalate": (EscalateForm, lambda f: f"已督办：{f.get_escalation_display()}"),
}


@record_view(Finding)
def finding_step(request, finding):
    """A step of the finding (?action=); the inspected unit's two steps are its `rectify`."""
    action = request.GET.get("action", "")
    if action not in STEP_FORMS:
        return redirect(finding)
    if not FINDING_FLOW.allows(finding, action, request.user):
        raise PermissionDenied("当前任职不能办理该步骤")
    if action in ("submit_plan", "request_closure") and not (
        request.user.is_superuser or is_subject_member(request.user, finding.inspected_unit_id)
    ):
        raise PermissionDenied("整改由被督察单位的负责人或单位管理员办理")
    form_class, message = STEP_FORMS[action]
    initial = {}
    if action == "submit_plan":
        initial = {
            "measure": finding.measure,
            "responsible_department": finding.responsible_department,
            "responsible_person": finding.responsible_person,
            "deadline": finding.deadline,
        }
    return step_page(
        request,
        finding,
        FINDING_FLOW,
        action,
        form_class,
        getattr(services, action),
        message=message,
        form_kwargs={"initial": initial},
    )


# — 考核 —

SCHEME_LEDGER = Ledger(
    "法治建设考核方案.xlsx",
    "考核方案",
    (
        Column("考核方案", lambda s: s.name),
        Column("年度", lambda s: s.year),
        Column("版本", lambda s: f"第{s.version}版"),
        Column("考核单位", lambda s: s.unit.name),
    ),
)


@require_safe
def scheme_list(request):
    return _list(
        request,
        selectors.schemes(request.user, search=_search(request)),
        SCHEME_LEDGER,
        title="法治建设考核",
        placeholder="考核方案名称",
        empty="没有考核方案",
        create=("制定考核方案（新版本）", "accountability:scheme_create"),
    )


def scheme_create(request):
    require(request, Action.CREATE, LINE)
    form = SchemeForm(
        request.POST or None,
        request=request,
        offices=selectors.office_units(request.user),
        units=selectors.target_units(request.user),
    )
    return _form(
        request,
        form,
        services.create_scheme,
        section="scheme",
        title="制定考核方案",
        message=lambda s: f"已制定{s}",
    )


def _evidence_url(item, unit, year) -> str:
    return f"{reverse('indicators:records')}?id={item.indicator_id}&unit={unit.pk}&year={year}"


def _indicator_value(item, unit, year):
    from fazhi.indicators import engine
    from fazhi.indicators.registry import get

    indicator = get(item.indicator_id)
    values = engine.compute([indicator.id], user=None, unit=unit, period=engine.Period.year(year))
    return values.get(indicator.id), indicator


@record_view(AssessmentScheme)
@require_safe
def scheme_detail(request, scheme):
    user = request.user
    items = list(selectors.items_of(user, scheme))
    scores = list(selectors.scores_of(user, scheme))
    by_item: dict[int, list] = {}
    for score in scores:
        by_item.setdefault(score.item_id, []).append(score)
    subject = next(
        (unit for unit in scheme.assessed_units.all() if is_subject_member(user, unit.pk)), None
    )
    rows = []
    for item in items:
        evidence = None
        if item.indicator_id and subject is not None:
            value, indicator = _indicator_value(item, subject, scheme.year)
            evidence = {
                "value": value,
                "unit": indicator.unit,
                "url": _evidence_url(item, subject, scheme.year),
            }
        rows.append({"item": item, "scores": by_item.get(item.pk, []), "evidence": evidence})
    office = _office(user) and core_selectors.can(user, Action.CHANGE, LINE)
    return _detail(
        request,
        "scheme_detail",
        "scheme",
        scheme,
        rows=rows,
        ranking=selectors.ranking(user, scheme),
        results=selectors.results_of(user, scheme),
        subject=subject,
        office=office,
    )


@record_view(AssessmentScheme, Action.CHANGE)
def scheme_item(request, scheme):
    from fazhi.indicators.registry import registered

    form = ItemForm(
        request.POST or None,
        request=request,
        items=scheme.items.all(),
        indicators=registered().values(),
    )
    return _form(
        request,
        form,
        services.add_item,
        section="scheme",
        title="增加考核指标",
        back=scheme,
        message=lambda item: f"已增加考核指标 {item}",
        scheme=scheme,
    )


@record_view(AssessmentScheme)
def scheme_score(request, scheme):
    """Self-scores (the assessed unit's leader or 单位管理员) or reviewers' scores (依法治办)."""
    user = request.user
    leaves = scheme.items.filter(children__isnull=True)
    subject = next(
        (unit for unit in scheme.assessed_units.all() if is_subject_member(user, unit.pk)), None
    )
    if subject is not None:
        form = SelfScoreForm(request.POST or None, request=request, items=leaves)
        return _form(
            request,
            form,
            services.self_assess,
            section="scheme",
            title=f"自评（{subject.name}）",
            back=scheme,
            message=lambda s: f"已自评 {s.item.code}：{s.self_score}分",
            assessed_unit=subject,
        )
    if not (_office(user) and core_selectors.can(user, Action.CHANGE, LINE)):
        raise PermissionDenied("评分由依法治办或被考核单位的负责人、单位管理员办理")
    form = ReviewScoreForm(
        request.POST or None, request=request, items=leaves, units=scheme.assessed_units.all()
    )
    return _form(
        request,
        form,
        services.review_score,
        section="scheme",
        title="考核评审评分",
        back=scheme,
        message=lambda s: f"已评审 {s.item.code}（{s.assessed_unit.name}）：{s.review_score}分",
    )


def _appeal_due(score):
    """The appeal's last day, or None when it falls in a year whose holidays are not entered
    (the page says so instead of guessing)."""
    if score.reviewed_date is None:
        return None, False
    try:
        return services.appeal_due(score), False
    except CalendarYearUnknown:
        return None, True


@record_view(AssessmentScheme, Action.CHANGE)
def scheme_publish(request, scheme):
    if not _office(request.user):
        raise PermissionDenied("考核结果由依法治办公布")
    form = PublishForm(request.POST or None, request=request)
    return _form(
        request,
        form,
        services.publish_results,
        section="scheme",
        title="公布考核结果",
        back=scheme,
        message="已公布考核结果（总分、名次、等次由评审得分计算）",
        scheme=scheme,
    )


@record_view(AssessmentResult)
@require_safe
def result_detail(request, result):
    return _detail(request, "result_detail", "result", result)


@record_view(AssessmentScore)
@require_safe
def score_detail(request, score):
    due, unknown = _appeal_due(score)
    appeals = list(selectors.appeals(request.user, score=score))
    may_appeal = (
        score.review_score is not None
        and not appeals
        and is_subject_member(request.user, score.assessed_unit_id)
    )
    return _detail(
        request,
        "score_detail",
        "score",
        score,
        appeals=appeals,
        findings=selectors.findings(request.user).filter(assessment_score=score),
        may_add_finding=_office(request.user)
        and permits(request.user, Action.CHANGE, score)
        and score.review_score is not None
        and score.review_score < score.item.points,
        appeal_due=due,
        appeal_due_unknown=unknown,
        may_appeal=may_appeal,
    )


@record_view(AssessmentScore, Action.CHANGE)
def score_finding(request, score):
    if not _office(request.user):
        raise PermissionDenied("考核发现的问题由依法治办登记")
    form = ReportFindingForm(request.POST or None, request=request)
    return _form(
        request,
        form,
        services.add_score_finding,
        section="scheme",
        title=f"登记考核扣分问题：{score.item}",
        back=score,
        message="已登记问题，被考核单位可报送整改方案",
        score=score,
    )


@record_view(AssessmentScore)
def score_appeal(request, score):
    """申诉 of a score: the assessed unit's leader or 单位管理员 (the service checks)."""
    if not (request.user.is_superuser or is_subject_member(request.user, score.assessed_unit_id)):
        raise PermissionDenied("申诉由被考核单位的负责人或单位管理员提出")
    form = AppealForm(request.POST or None, request=request)
    return _form(
        request,
        form,
        services.file_appeal,
        section="scheme",
        title=f"申诉：{score.item}",
        back=score,
        message="已提出申诉，待依法治办复核",
        score=score,
    )


@record_view(ScoreAppeal)
@require_safe
def appeal_detail(request, appeal):
    return _detail(
        request,
        "appeal_detail",
        "appeal",
        appeal,
        may_decide=appeal.state == "pending"
        and _office(request.user)
        and core_selectors.can(request.user, Action.CHANGE, LINE),
    )


@record_view(ScoreAppeal, Action.CHANGE)
def appeal_decide(request, appeal):
    form = AppealDecisionForm(
        request.POST or None, request=request, initial={"decided_score": appeal.original_score}
    )
    return _form(
        request,
        form,
        services.decide_appeal,
        section="scheme",
        title="考核复核",
        back=appeal,
        message=lambda a: f"已复核：{a.get_state_display()}",
        appeal=appeal,
    )


# — the one rectification ledger (督察, 述法 and 执法监督) —

RECTIFICATION_LEDGER = Ledger(
    "整改台账.xlsx",
    "整改台账",
    (
        Column("整改事项", lambda r: r.problem[:60]),
        Column("来源", lambda r: r.source),
        Column("出处", lambda r: r.title, on_page=False),
        Column("整改单位", lambda r: r.unit.name),
        Column("下发单位", lambda r: r.issuer.name, on_page=False),
        Column("存在问题", lambda r: r.problem, on_page=False),
        Column("整改期限", lambda r: day(r.deadline), empty="未定"),
        Column("状态", lambda r: r.state),
        Column("销号日期", lambda r: day(r.closed_date), on_page=False),
    ),
)


@require_safe
def rectification_list(request):
    """One ledger of every rectification the user may see: 督察 and 述法 findings and the
    执法监督 整改通知, each row opening its own record."""
    require(request, Action.VIEW, LINE)
    filters = RectificationFilterForm(request.GET)
    filters.is_valid()
    data = filters.cleaned_data
    rows = selectors.rectifications(
        request.user, search=data.get("q", ""), open_only=data.get("open") == "1"
    )
    return ledger_page(
        request,
        rows,
        ledger=RECTIFICATION_LEDGER,
        title="整改台账",
        search_placeholder="问题、整改单位或通知编号",
        filter_form=filters,
        empty="没有整改事项",
    )


# — 述法 —


def _grade(report, user) -> str:
    if not report.grade:
        return ""
    return report.get_grade_display() if sees_personnel_data(user) else "（仅负责人和依法治办可见）"


def report_ledger(user) -> Ledger:
    return Ledger(
        "述法台账.xlsx",
        "述法",
        (
            Column("述法", lambda r: f"{r.person}（{r.post}）"),
            Column("年度", lambda r: r.year),
            Column("单位", lambda r: r.unit.name),
            Column("类别", lambda r: r.get_tier_display(), on_page=False),
            Column("形式", lambda r: r.get_form_display()),
            Column("述法日期", lambda r: day(r.report_date)),
            Column("述法清单事项", lambda r: r.checklist, on_page=False),
            Column("评议等次", lambda r: _grade(r, user), empty="未评议"),
        ),
    )


def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return today().year - 1 if today().month < 4 else today().year
    return year if 2000 <= year <= today().year + 1 else today().year


@require_safe
def report_list(request):
    return _list(
        request,
        selectors.reports(request.user, search=_search(request)),
        report_ledger(request.user),
        title="述法",
        placeholder="述法人、职务或单位",
        empty="没有述法记录",
        create=("登记述法", "accountability:report_create"),
        office_only=False,
        actions=[("述法覆盖情况", reverse("accountability:report_coverage"))],
    )


def report_create(request):
    require(request, Action.CREATE, LINE)
    form = ReportRegisterForm(
        request.POST or None,
        request=request,
        units=selectors.target_units(request.user).filter(
            pk__in=Unit.objects.restrict(request.user, Action.CREATE).values("pk")
        ),
    )
    return _form(
        request,
        form,
        services.register_report,
        section="report",
        title="登记述法",
        message=lambda r: f"已登记{r}",
    )


@record_view(LawReport)
@require_safe
def report_detail(request, report):
    may_review = core_selectors.can(request.user, Action.CHANGE, LINE) and _office(request.user)
    return _detail(
        request,
        "report_detail",
        "report",
        report,
        grade=_grade(report, request.user),
        personnel=sees_personnel_data(request.user),
        may_review=may_review,
        may_upload=permits(request.user, Action.CHANGE, report),
        attachments=core_selectors.attachments_of(request.user, report),
        findings=selectors.findings(request.user).filter(law_report=report),
    )


@record_view(LawReport, Action.CHANGE)
def report_review(request, report):
    form = ReportReviewForm(request.POST or None, request=request)
    return _form(
        request,
        form,
        services.review_report,
        section="report",
        title="述法评议",
        back=report,
        message="已登记述法评议",
        report=report,
    )


@record_view(LawReport, Action.CHANGE)
@require_POST
def report_upload(request, report):
    """The 述法 report file: checked as every upload (core/attachments.py)."""
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的述法报告文件")
    else:
        try:
            services.attach_report_file(actor=request.user, report=report, uploaded_file=upload)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, f"已上传“{upload.name}”")
    return redirect(report)


@record_view(LawReport, Action.CHANGE)
def report_finding(request, report):
    form = ReportFindingForm(request.POST or None, request=request)
    return _form(
        request,
        form,
        services.add_report_finding,
        section="report",
        title="登记述法发现的问题",
        back=report,
        message="已登记问题，述法人所在单位可报送整改方案",
        report=report,
    )


@require_safe
def report_coverage(request):
    year = _year(request)
    require(request, Action.VIEW, LINE)
    return render(
        request,
        "accountability/coverage.html",
        {
            "year": year,
            "years": range(today().year, today().year - 5, -1),
            "coverage": selectors.coverage(request.user, year),
            "office": _own_office(request.user),
            "this_year": today().year,
        },
    )


def _own_office(user):
    """The 依法治办 the user acts for, if any: it makes its area's 述法名单."""
    membership = active_membership(user)
    is_office = membership is not None and membership.unit.kind == Unit.Kind.RULE_OF_LAW_OFFICE
    return membership.unit if is_office and core_selectors.can(user, Action.CREATE, LINE) else None


@require_POST
def report_units_list(request):
    """确定述法名单: every agency and 乡镇（街道） of the office's area, for the year."""
    require(request, Action.CREATE, LINE)
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        year = today().year
    office = _own_office(request.user)
    try:
        if office is None:
            raise PermissionDenied("述法名单由依法治办确定")
        created = services.list_reporting_units(
            actor=request.user, office=office, year=year, listed_date=today()
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, f"已确定{year}年度述法名单，新列入{len(created)}个单位")
    return redirect(f"{reverse('accountability:report_coverage')}?year={year}")


# — 领导班子学法和法治议题会议 —

SESSION_LEDGER = Ledger(
    "领导班子学法和法治议题会议台账.xlsx",
    "学法和会议",
    (
        Column("议题或学习内容", lambda m: m.topic),
        Column("类别", lambda m: m.get_kind_display()),
        Column("单位", lambda m: m.unit.name),
        Column("日期", lambda m: day(m.date)),
        Column("主持人", lambda m: m.chaired_by, on_page=False),
        Column("参加人数", lambda m: m.attendees, on_page=False),
    ),
)


@require_safe
def session_list(request):
    return _list(
        request,
        selectors.sessions(request.user, search=_search(request)),
        SESSION_LEDGER,
        title="领导班子学法和法治议题会议",
        placeholder="议题或单位",
        empty="没有记录",
        create=("登记", "accountability:session_create"),
        office_only=False,
    )


def session_create(request):
    require(request, Action.CREATE, LINE)
    form = SessionForm(
        request.POST or None,
        request=request,
        offices=Unit.objects.restrict(request.user, Action.CREATE).filter(is_active=True),
    )
    return _form(
        request,
        form,
        services.record_session,
        section="session",
        title="登记领导班子学法或法治议题会议",
        message=lambda m: f"已登记{m.get_kind_display()}",
    )


@record_view(LeadershipSession)
@require_safe
def session_detail(request, session):
    return _detail(request, "session_detail", "session", session)


# — 上级交办任务 —

TASK_LEDGER = Ledger(
    "上级交办任务台账.xlsx",
    "交办任务",
    (
        Column("任务", lambda t: t.title),
        Column("交办机关", lambda t: t.assigned_by),
        Column("承办单位", lambda t: t.unit.name, on_page=False),
        Column("交办日期", lambda t: day(t.assigned_date)),
        Column("完成时限", lambda t: day(t.due_date), empty="未定"),
        Column("完成日期", lambda t: day(t.done_date), empty="未完成"),
        Column("完成情况", lambda t: t.result, on_page=False),
    ),
)


@require_safe
def task_list(request):
    return _list(
        request,
        selectors.tasks(request.user, search=_search(request)),
        TASK_LEDGER,
        title="上级交办任务",
        placeholder="任务或交办机关",
        empty="没有交办任务",
        create=("登记交办任务", "accountability:task_create"),
    )


def task_create(request):
    require(request, Action.CREATE, LINE)
    form = TaskForm(
        request.POST or None, request=request, offices=selectors.office_units(request.user)
    )
    return _form(
        request,
        form,
        services.register_task,
        section="task",
        title="登记上级交办任务",
        message="已登记交办任务",
    )


@record_view(AssignedTask)
@require_safe
def task_detail(request, task):
    may_change = task.done_date is None and permits(request.user, Action.CHANGE, task)
    return _detail(request, "task_detail", "task", task, may_change=may_change)


@record_view(AssignedTask, Action.CHANGE)
def task_done(request, task):
    form = TaskDoneForm(request.POST or None, request=request)
    return _form(
        request,
        form,
        services.complete_task,
        section="task",
        title="任务完成",
        back=task,
        message="已登记完成情况",
        task=task,
    )


# — 示范创建 —

PROJECT_LEDGER = Ledger(
    "示范创建台账.xlsx",
    "示范创建",
    (
        Column("创建项目", lambda p: p.name),
        Column("类型", lambda p: p.get_kind_display()),
        Column("创建单位", lambda p: p.unit.name, on_page=False),
        Column("阶段", lambda p: p.get_stage_display()),
        Column("市级推荐", lambda p: day(p.recommended_date)),
        Column("入围省级初评", lambda p: day(p.provincial_date), on_page=False),
        Column("推荐参评全国", lambda p: day(p.national_date), on_page=False),
        Column("命名", lambda p: day(p.named_date), on_page=False),
        Column("群众满意度（%）", lambda p: p.satisfaction_rate, on_page=False),
        Column("巩固提升", lambda p: p.follow_up, on_page=False),
    ),
)


@require_safe
def project_list(request):
    return _list(
        request,
        selectors.projects(request.user, search=_search(request)),
        PROJECT_LEDGER,
        title="示范创建",
        placeholder="创建项目名称",
        empty="没有示范创建项目",
        create=("登记创建项目", "accountability:project_create"),
    )


def project_create(request):
    require(request, Action.CREATE, LINE)
    form = ProjectForm(
        request.POST or None, request=request, offices=selectors.office_units(request.user)
    )
    return _form(
        request,
        form,
        services.create_project,
        section="project",
        title="登记示范创建项目",
        message=lambda p: f"已登记“{p.name}”（市级推荐）",
    )


@record_view(DemonstrationProject)
@require_safe
def project_detail(request, project):
    return _detail(
        request,
        "project_detail",
        "project",
        project,
        may_change=permits(request.user, Action.CHANGE, project),
    )


@record_view(DemonstrationProject, Action.CHANGE)
def project_advance(request, project):
    form = AdvanceForm(request.POST or None, request=request)
    return _form(
        request,
        form,
        services.advance_project,
        section="project",
        title="进入下一阶段",
        back=project,
        message=lambda p: f"已进入“{p.get_stage_display()}”",
        project=project,
    )


@record_view(DemonstrationProject, Action.CHANGE)
def project_follow_up(request, project):
    form = FollowUpForm(request.POST or None, request=request)
    return _form(
        request,
        form,
        services.record_follow_up,
        section="project",
        title="巩固提升",
        back=project,
        message="已登记巩固提升情况",
        project=project,
    )
