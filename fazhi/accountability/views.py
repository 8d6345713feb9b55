"""Pages of 述法 · 督察 · 考核: the 督察 plans and the 销号台账 (Excel), a finding's page and
its steps, the assessment schemes with their scores and ranks, the 述法 ledger and its
coverage."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.guards import permits, today
from fazhi.core.ledgers import Column, Ledger, day, ledger_page
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action
from fazhi.core.steps import form_page, step_page
from fazhi.core.viewtools import record_view, require

from . import selectors, services
from .forms import (
    AdvanceForm,
    ClosureRequestForm,
    EscalateForm,
    FeedbackForm,
    FindingFilterForm,
    FindingForm,
    FollowUpForm,
    ItemForm,
    PlanForm,
    ProjectForm,
    RectificationPlanForm,
    ReportRegisterForm,
    ReportReviewForm,
    ReturnForm,
    ReviewScoreForm,
    SchemeForm,
    SelfScoreForm,
    VerifyForm,
)
from .models import (
    AssessmentScheme,
    AssessmentScore,
    DemonstrationProject,
    Finding,
    InspectionPlan,
    LawReport,
    is_rule_of_law_office,
    is_subject_member,
    sees_personnel_data,
)
from .workflow import FINDING_FLOW

LINE = "accountability"
SECTION = [("述法·督察·考核", None)]


def _office(user) -> bool:
    return user.is_superuser or is_rule_of_law_office(active_membership(user))


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
    queryset = selectors.plans(request.user, search=request.GET.get("q", "")[:100])
    can_create = core_selectors.can(request.user, Action.CREATE, LINE) and _office(request.user)
    return ledger_page(
        request,
        queryset,
        ledger=PLAN_LEDGER,
        title="法治督察",
        search_placeholder="督察名称或督察组",
        empty="没有督察方案",
        actions=[("制定督察方案", reverse("accountability:plan_create"))] if can_create else [],
    )


def plan_create(request):
    require(request, Action.CREATE, LINE)
    form = PlanForm(
        request.POST or None,
        request=request,
        offices=selectors.office_units(request.user),
        units=selectors.target_units(request.user),
    )
    return form_page(
        request,
        form,
        services.create_plan,
        title="制定督察方案",
        crumbs=[("法治督察", reverse("accountability:plan_list"))],
        message=lambda plan: f"已制定督察方案“{plan.title}”",
    )


@record_view(InspectionPlan)
@require_safe
def plan_detail(request, plan):
    may_change = core_selectors.can(request.user, Action.CHANGE, LINE) and _office(request.user)
    return render(
        request,
        "accountability/plan_detail.html",
        {
            "plan": plan,
            "targets": selectors.targets_of(request.user, plan),
            "findings": selectors.findings(request.user, plan=plan),
            "may_change": may_change and plan.feedback_date is None,
            "history": core_selectors.record_history(request.user, plan),
        },
    )


@record_view(InspectionPlan, Action.CHANGE)
def plan_finding(request, plan):
    form = FindingForm(request.POST or None, request=request, units=plan.targets.all())
    return form_page(
        request,
        form,
        services.add_finding,
        title="登记督察问题",
        back=plan,
        crumbs=[("法治督察", reverse("accountability:plan_list"))],
        message="已登记督察问题",
        plan=plan,
    )


@record_view(InspectionPlan, Action.CHANGE)
def plan_feedback(request, plan):
    form = FeedbackForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.feed_back,
        title="反馈督察意见",
        back=plan,
        crumbs=[("法治督察", reverse("accountability:plan_list"))],
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
        Column("督察方案", lambda f: f.plan.title, on_page=False),
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
    return render(
        request,
        "accountability/finding_detail.html",
        {
            "finding": finding,
            "plan_visible": InspectionPlan.objects.restrict(request.user)
            .filter(pk=finding.plan_id)
            .exists(),
            "buttons": FINDING_FLOW.buttons(finding, request.user),
            "workflow": FINDING_FLOW,
            "late": services.is_late(finding, today()),
            "plan_due": services.plan_due(finding.plan.feedback_date)
            if finding.plan.feedback_date
            else None,
            "history": core_selectors.record_history(request.user, finding),
        },
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
    queryset = selectors.schemes(request.user, search=request.GET.get("q", "")[:100])
    can_create = core_selectors.can(request.user, Action.CREATE, LINE) and _office(request.user)
    return ledger_page(
        request,
        queryset,
        ledger=SCHEME_LEDGER,
        title="法治建设考核",
        search_placeholder="考核方案名称",
        empty="没有考核方案",
        actions=[("制定考核方案（新版本）", reverse("accountability:scheme_create"))]
        if can_create
        else [],
    )


def scheme_create(request):
    require(request, Action.CREATE, LINE)
    form = SchemeForm(
        request.POST or None,
        request=request,
        offices=selectors.office_units(request.user),
        units=selectors.target_units(request.user),
    )
    return form_page(
        request,
        form,
        services.create_scheme,
        title="制定考核方案",
        crumbs=[("法治建设考核", reverse("accountability:scheme_list"))],
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
    return render(
        request,
        "accountability/scheme_detail.html",
        {
            "scheme": scheme,
            "rows": rows,
            "ranking": selectors.ranking(user, scheme),
            "subject": subject,
            "office": office,
            "history": core_selectors.record_history(user, scheme),
        },
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
    return form_page(
        request,
        form,
        services.add_item,
        title="增加考核指标",
        back=scheme,
        crumbs=[("法治建设考核", reverse("accountability:scheme_list"))],
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
    crumbs = [("法治建设考核", reverse("accountability:scheme_list"))]
    if subject is not None:
        form = SelfScoreForm(request.POST or None, request=request, items=leaves)
        return form_page(
            request,
            form,
            services.self_assess,
            title=f"自评（{subject.name}）",
            back=scheme,
            crumbs=crumbs,
            message=lambda s: f"已自评 {s.item.code}：{s.self_score}分",
            assessed_unit=subject,
        )
    if not (_office(user) and core_selectors.can(user, Action.CHANGE, LINE)):
        raise PermissionDenied("评分由依法治办或被考核单位的负责人、单位管理员办理")
    form = ReviewScoreForm(
        request.POST or None, request=request, items=leaves, units=scheme.assessed_units.all()
    )
    return form_page(
        request,
        form,
        services.review_score,
        title="考核评审评分",
        back=scheme,
        crumbs=crumbs,
        message=lambda s: f"已评审 {s.item.code}（{s.assessed_unit.name}）：{s.review_score}分",
    )


@record_view(AssessmentScore)
@require_safe
def score_detail(request, score):
    return render(
        request,
        "accountability/score_detail.html",
        {"score": score, "history": core_selectors.record_history(request.user, score)},
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
    queryset = selectors.reports(request.user, search=request.GET.get("q", "")[:100])
    can_create = core_selectors.can(request.user, Action.CREATE, LINE)
    actions = [("述法覆盖情况", reverse("accountability:report_coverage"))]
    if can_create:
        actions.insert(0, ("登记述法", reverse("accountability:report_create")))
    return ledger_page(
        request,
        queryset,
        ledger=report_ledger(request.user),
        title="述法",
        search_placeholder="述法人、职务或单位",
        empty="没有述法记录",
        actions=actions,
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
    return form_page(
        request,
        form,
        services.register_report,
        title="登记述法",
        crumbs=[("述法", reverse("accountability:report_list"))],
        message=lambda r: f"已登记{r}",
    )


@record_view(LawReport)
@require_safe
def report_detail(request, report):
    may_review = core_selectors.can(request.user, Action.CHANGE, LINE) and _office(request.user)
    return render(
        request,
        "accountability/report_detail.html",
        {
            "report": report,
            "grade": _grade(report, request.user),
            "personnel": sees_personnel_data(request.user),
            "may_review": may_review,
            "history": core_selectors.record_history(request.user, report),
        },
    )


@record_view(LawReport, Action.CHANGE)
def report_review(request, report):
    form = ReportReviewForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.review_report,
        title="述法评议",
        back=report,
        crumbs=[("述法", reverse("accountability:report_list"))],
        message="已登记述法评议",
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
        },
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
    queryset = selectors.projects(request.user, search=request.GET.get("q", "")[:100])
    can_create = core_selectors.can(request.user, Action.CREATE, LINE) and _office(request.user)
    return ledger_page(
        request,
        queryset,
        ledger=PROJECT_LEDGER,
        title="示范创建",
        search_placeholder="创建项目名称",
        empty="没有示范创建项目",
        actions=[("登记创建项目", reverse("accountability:project_create"))] if can_create else [],
    )


def project_create(request):
    require(request, Action.CREATE, LINE)
    form = ProjectForm(
        request.POST or None, request=request, offices=selectors.office_units(request.user)
    )
    return form_page(
        request,
        form,
        services.create_project,
        title="登记示范创建项目",
        crumbs=[("示范创建", reverse("accountability:project_list"))],
        message=lambda p: f"已登记“{p.name}”（市级推荐）",
    )


@record_view(DemonstrationProject)
@require_safe
def project_detail(request, project):
    return render(
        request,
        "accountability/project_detail.html",
        {
            "project": project,
            "may_change": permits(request.user, Action.CHANGE, project),
            "history": core_selectors.record_history(request.user, project),
        },
    )


@record_view(DemonstrationProject, Action.CHANGE)
def project_advance(request, project):
    form = AdvanceForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.advance_project,
        title="进入下一阶段",
        back=project,
        crumbs=[("示范创建", reverse("accountability:project_list"))],
        message=lambda p: f"已进入“{p.get_stage_display()}”",
        project=project,
    )


@record_view(DemonstrationProject, Action.CHANGE)
def project_follow_up(request, project):
    form = FollowUpForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.record_follow_up,
        title="巩固提升",
        back=project,
        crumbs=[("示范创建", reverse("accountability:project_list"))],
        message="已登记巩固提升情况",
        project=project,
    )
