"""The 述法 · 督察 · 考核 services: keyword-only, atomic and audited (`@service`), each
checking who acts and what the records allow, with Chinese messages."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.guards import not_future, require, require_unit, saved, today
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action

from .models import (
    STAGE_DATE,
    AssessmentItem,
    AssessmentScheme,
    AssessmentScore,
    DemonstrationProject,
    Finding,
    FindingState,
    InspectionPlan,
    LawReport,
    ProjectStage,
    is_rule_of_law_office,
    is_subject_member,
)
from .workflow import FINDING_FLOW

LINE = "accountability"


def _require_office(actor, unit: Unit, what: str) -> None:
    if unit.kind != Unit.Kind.RULE_OF_LAW_OFFICE:
        raise ValidationError(f"{what}须由依法治办制定，“{unit.name}”不是依法治办")
    if not actor.is_superuser and not is_rule_of_law_office(active_membership(actor)):
        raise PermissionDenied(f"{what}由依法治办办理")


def _require_subject(actor, unit_id: int, what: str) -> None:
    if not actor.is_superuser and not is_subject_member(actor, unit_id):
        raise PermissionDenied(f"{what}须由被督察（考核）单位的负责人或单位管理员办理")


def plan_due(feedback_date: datetime.date) -> datetime.date:
    """The day the unit's 整改方案 is due: FAZHI_RECTIFICATION_PLAN_DAYS natural days after
    the feedback (docs/rules.md: an internal 督察 period, not fixed by a text we could verify,
    so not moved off holidays)."""
    return feedback_date + datetime.timedelta(days=settings.FAZHI_RECTIFICATION_PLAN_DAYS)


# — 督察 —


@service
def create_plan(
    *, actor, unit, title, kind, targets, groups, start_date, end_date, methods=""
) -> InspectionPlan:
    require_unit(actor, unit, Action.CREATE, LINE)
    _require_office(actor, unit, "督察方案")
    targets = list(targets)
    if not targets:
        raise ValidationError("督察方案须至少有一个督察对象")
    reachable = Unit.objects.restrict(actor).filter(path__startswith=unit.scope_root.path)
    outside = [t.name for t in targets if not reachable.filter(pk=t.pk).exists()]
    if outside:
        raise ValidationError(f"督察对象不在本依法治办的辖区内：{'、'.join(outside)}")
    plan = saved(
        InspectionPlan(
            unit=unit,
            title=title,
            kind=kind,
            groups=groups,
            methods=methods,
            start_date=start_date,
            end_date=end_date,
            created_by=actor,
        )
    )
    plan.targets.set(targets)
    record_event(
        actor=actor,
        action="accountability.plan.create",
        summary=f"制定督察方案“{title}”（督察对象{len(targets)}个）",
        target=plan,
        unit=unit,
    )
    return plan


@service
def add_finding(*, actor, plan, inspected_unit, category, description) -> Finding:
    require(actor, Action.CHANGE, plan)
    if not plan.targets.filter(pk=inspected_unit.pk).exists():
        raise ValidationError(
            f"“{inspected_unit.name}”不在督察方案“{plan.title}”的督察对象中，不能登记其问题"
        )
    if plan.feedback_date is not None:
        raise ValidationError("督察意见已反馈，不能再增加问题；请另行制定督察方案")
    finding = saved(
        Finding(
            unit=plan.unit,
            plan=plan,
            inspected_unit=inspected_unit,
            category=category,
            description=description,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="accountability.finding.add",
        summary=f"登记督察问题（{inspected_unit.name}）",
        target=finding,
        unit=plan.unit,
    )
    return finding


@service
def feed_back(*, actor, plan, feedback_date) -> InspectionPlan:
    """反馈督察意见: the plan's findings go to their units (which see them from now on)."""
    require(actor, Action.CHANGE, plan)
    not_future(feedback_date, "反馈日期")
    if plan.feedback_date is not None:
        raise ValidationError(f"督察意见已于{plan.feedback_date:%Y-%m-%d}反馈")
    if feedback_date < plan.start_date:
        raise ValidationError(
            f"反馈日期（{feedback_date:%Y-%m-%d}）不能早于督察开始日期（{plan.start_date:%Y-%m-%d}）"
        )
    plan.feedback_date = feedback_date
    saved(plan)
    findings = list(Finding.objects.filter(plan=plan, state=FindingState.DRAFT))
    for finding in findings:
        FINDING_FLOW.step(finding, "feed_back", actor=actor)
        saved(finding)
    record_event(
        actor=actor,
        action="accountability.plan.feedback",
        summary=f"反馈督察意见（问题{len(findings)}个）",
        target=plan,
        unit=plan.unit,
    )
    return plan


@service
def submit_plan(
    *, actor, finding, measure, responsible_department, responsible_person, deadline
) -> Finding:
    """The inspected unit's 整改方案 (its `rectify` action)."""
    step = FINDING_FLOW.check(finding, "submit_plan", actor=actor)
    _require_subject(actor, finding.inspected_unit_id, "整改方案")
    if deadline < finding.plan.feedback_date:
        raise ValidationError(
            f"完成时限（{deadline:%Y-%m-%d}）不能早于督察反馈日期（{finding.plan.feedback_date:%Y-%m-%d}）"
        )
    if not (measure.strip() and responsible_department.strip() and responsible_person.strip()):
        raise ValidationError("整改方案须写明整改措施、责任部门和责任人")
    finding.measure = measure
    finding.responsible_department = responsible_department
    finding.responsible_person = responsible_person
    finding.deadline = deadline
    FINDING_FLOW.move(finding, step)
    saved(finding)
    record_event(
        actor=actor,
        action="accountability.finding.plan",
        summary=f"报送整改方案，完成时限{deadline:%Y-%m-%d}",
        target=finding,
        unit=finding.unit,
    )
    return finding


@service
def request_closure(*, actor, finding, progress, evidence, submitted_date) -> Finding:
    """The inspected unit asks for 销号 with its evidence (its `rectify` action)."""
    step = FINDING_FLOW.check(finding, "request_closure", actor=actor)
    _require_subject(actor, finding.inspected_unit_id, "申请销号")
    not_future(submitted_date, "申请销号日期")
    if not evidence.strip():
        raise ValidationError("申请销号须提供整改佐证材料（文件名称、文号或可查阅的记录）")
    finding.progress = progress
    finding.evidence = evidence
    finding.submitted_date = submitted_date
    FINDING_FLOW.move(finding, step)
    saved(finding)
    record_event(
        actor=actor,
        action="accountability.finding.request_closure",
        summary="申请销号",
        target=finding,
        unit=finding.unit,
    )
    return finding


@service
def verify_closure(*, actor, finding, closed_date) -> Finding:
    step = FINDING_FLOW.check(finding, "verify_closure", actor=actor)
    _require_office(actor, finding.unit, "核验销号")
    not_future(closed_date, "销号日期")
    if not finding.evidence.strip():
        raise ValidationError("没有整改佐证材料，不能销号")
    if closed_date < finding.submitted_date:
        raise ValidationError(
            f"销号日期（{closed_date:%Y-%m-%d}）不能早于申请销号日期（{finding.submitted_date:%Y-%m-%d}）"
        )
    finding.closed_date = closed_date
    finding.verifier = actor
    FINDING_FLOW.move(finding, step)
    saved(finding)
    record_event(
        actor=actor,
        action="accountability.finding.close",
        summary=f"核验销号（{finding.inspected_unit.name}）",
        target=finding,
        unit=finding.unit,
    )
    return finding


@service
def return_closure(*, actor, finding, reason) -> Finding:
    step = FINDING_FLOW.check(finding, "return_closure", actor=actor)
    if not reason.strip():
        raise ValidationError("退回须写明理由")
    FINDING_FLOW.move(finding, step)
    finding.submitted_date = None
    saved(finding)
    record_event(
        actor=actor,
        action="accountability.finding.return",
        summary="退回补充整改",
        target=finding,
        unit=finding.unit,
        reason=reason,
    )
    return finding


def is_late(finding: Finding, day: datetime.date) -> bool:
    """Whether the unit is behind on `day`: no 整改方案 within the period after the
    feedback, or rectification not done by its own deadline."""
    if finding.state == FindingState.FED_BACK:
        return plan_due(finding.plan.feedback_date) < day
    return finding.overdue(day)


@service
def escalate(*, actor, finding, escalated_date) -> Finding:
    """函询约谈 → 挂牌督办 → 通报批评, for a unit behind on its rectification."""
    FINDING_FLOW.check(finding, "escalate", actor=actor)
    not_future(escalated_date, "督办日期")
    if not is_late(finding, escalated_date):
        raise ValidationError("该问题的整改未逾期，不需要督办")
    level = finding.next_escalation
    if level is None:
        raise ValidationError("该问题已通报批评，不能再升级督办")
    finding.escalation = level
    finding.escalated_date = escalated_date
    saved(finding)
    record_event(
        actor=actor,
        action="accountability.finding.escalate",
        summary=f"督办：{finding.get_escalation_display()}（{finding.inspected_unit.name}）",
        target=finding,
        unit=finding.unit,
    )
    return finding


# — 考核 —


@service
def create_scheme(*, actor, unit, year, name, assessed_units) -> AssessmentScheme:
    """A new version of the year's indicator tree (the first, or a copy of the latest)."""
    require_unit(actor, unit, Action.CREATE, LINE)
    _require_office(actor, unit, "考核方案")
    assessed_units = list(assessed_units)
    if not assessed_units:
        raise ValidationError("考核方案须至少有一个考核对象")
    latest = AssessmentScheme.objects.filter(unit=unit, year=year).order_by("-version").first()
    scheme = saved(
        AssessmentScheme(
            unit=unit,
            year=year,
            version=latest.version + 1 if latest else 1,
            name=name,
            created_by=actor,
        )
    )
    scheme.assessed_units.set(assessed_units)
    if latest is not None:  # the new version starts from the last one's tree, weights editable
        copies = {}
        for item in latest.items.order_by("code"):
            copies[item.pk] = saved(
                AssessmentItem(
                    scheme=scheme,
                    parent=copies.get(item.parent_id),
                    code=item.code,
                    name=item.name,
                    points=item.points,
                    rule=item.rule,
                    evidence_required=item.evidence_required,
                    responsible_unit=item.responsible_unit,
                    indicator_id=item.indicator_id,
                )
            )
    record_event(
        actor=actor,
        action="accountability.scheme.create",
        summary=f"制定考核方案“{name}”{year}年度第{scheme.version}版",
        target=scheme,
        unit=unit,
    )
    return scheme


def _registered_indicator(indicator_id: str) -> None:
    from fazhi.indicators.registry import registered

    if indicator_id and indicator_id not in registered():
        raise ValidationError(f"统计指标“{indicator_id}”不存在或尚未由业务条线计算")


@service
def add_item(
    *,
    actor,
    scheme,
    code,
    name,
    points=Decimal("0"),
    parent=None,
    rule="",
    evidence_required="",
    responsible_unit="",
    indicator_id="",
) -> AssessmentItem:
    require(actor, Action.CHANGE, scheme)
    if AssessmentScore.objects.filter(item__scheme=scheme).exists():
        raise ValidationError("该版本已有评分，调整指标请建立新版本")
    if parent is not None:
        if parent.scheme_id != scheme.pk:
            raise ValidationError("上级指标不属于本考核方案")
        if parent.scores.exists():
            raise ValidationError(f"“{parent}”已有评分，不能再设下级指标")
    _registered_indicator(indicator_id)
    item = saved(
        AssessmentItem(
            scheme=scheme,
            parent=parent,
            code=code,
            name=name,
            points=points,
            rule=rule,
            evidence_required=evidence_required,
            responsible_unit=responsible_unit,
            indicator_id=indicator_id,
        )
    )
    record_event(
        actor=actor,
        action="accountability.item.add",
        summary=f"增加考核指标 {code} {name}（{points}分）",
        target=scheme,
        unit=scheme.unit,
    )
    return item


def _check_score(item: AssessmentItem, score: Decimal, label: str) -> None:
    if item.children.exists():
        raise ValidationError(f"“{item}”是上级指标，请对其下级指标评分")
    if score < 0:
        raise ValidationError(f"{label}不能为负数")
    if score > item.points:
        raise ValidationError(f"{label}（{score}分）不能高于该项分值（{item.points}分）")


def _score_record(actor, item: AssessmentItem, unit: Unit) -> AssessmentScore:
    scheme = item.scheme
    if not scheme.assessed_units.filter(pk=unit.pk).exists():
        raise ValidationError(f"“{unit.name}”不是考核方案“{scheme.name}”的考核对象")
    record = AssessmentScore.objects.filter(item=item, assessed_unit=unit).first()
    if record is not None:
        FINDING_FLOW.lock(record)
        return record
    return AssessmentScore(unit=scheme.unit, item=item, assessed_unit=unit, created_by=actor)


@service
def self_assess(*, actor, item, assessed_unit, self_score, self_evidence="") -> AssessmentScore:
    """The assessed unit's own score (its `rectify` action): evidence for a manual item; an
    item computed from the records takes the figure's link as its evidence."""
    require(actor, Action.VIEW, item.scheme)
    _require_subject(actor, assessed_unit.pk, "自评")
    _check_score(item, self_score, "自评得分")
    if not item.indicator_id and not self_evidence.strip():
        raise ValidationError("人工评分的指标须提供自评佐证材料")
    record = _score_record(actor, item, assessed_unit)
    if record.review_score is not None:
        raise ValidationError("该项已评审，不能再修改自评")
    record.self_score = self_score
    record.self_evidence = self_evidence
    saved(record)
    record_event(
        actor=actor,
        action="accountability.score.self",
        summary=f"自评 {item.code}：{self_score}分",
        target=record,
        unit=record.unit,
    )
    return record


@service
def review_score(
    *, actor, item, assessed_unit, review_score, deduction_reason="", reviewed_date=None
) -> AssessmentScore:
    require(actor, Action.CHANGE, item.scheme)
    _require_office(actor, item.scheme.unit, "考核评审")
    _check_score(item, review_score, "评审得分")
    if review_score < item.points and not deduction_reason.strip():
        raise ValidationError(f"评审得分低于分值（{item.points}分）的，须写明扣分理由")
    reviewed_date = reviewed_date or today()
    not_future(reviewed_date, "评审日期")
    record = _score_record(actor, item, assessed_unit)
    record.review_score = review_score
    record.deduction_reason = deduction_reason
    record.reviewer = actor
    record.reviewed_date = reviewed_date
    saved(record)
    record_event(
        actor=actor,
        action="accountability.score.review",
        summary=f"评审 {item.code}（{assessed_unit.name}）：{review_score}分",
        target=record,
        unit=record.unit,
    )
    return record


# — 述法 —


@service
def register_report(
    *, actor, unit, year, person, post, tier, form, report_date, checklist
) -> LawReport:
    require_unit(actor, unit, Action.CREATE, LINE)
    not_future(report_date, "述法日期")
    if report_date.year not in (year, year + 1):
        raise ValidationError(f"{year}年度的述法应在{year}年或{year + 1}年年初进行")
    report = saved(
        LawReport(
            unit=unit,
            year=year,
            person=person,
            post=post,
            tier=tier,
            form=form,
            report_date=report_date,
            checklist=checklist,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="accountability.report.register",
        summary=f"登记{year}年度述法（{report.get_form_display()}）",
        target=report,
        unit=unit,
    )
    return report


@service
def review_report(*, actor, report, grade, review_comment, reviewed_date) -> LawReport:
    """述法评议: the 依法治办 grades it (personnel data)."""
    require(actor, Action.CHANGE, report)
    if not actor.is_superuser and not is_rule_of_law_office(active_membership(actor)):
        raise PermissionDenied("述法评议由依法治办办理")
    not_future(reviewed_date, "评议日期")
    if reviewed_date < report.report_date:
        raise ValidationError("评议日期不能早于述法日期")
    report.grade = grade
    report.review_comment = review_comment
    report.reviewer = actor
    report.reviewed_date = reviewed_date
    saved(report)
    record_event(
        actor=actor,
        action="accountability.report.review",
        summary="述法评议",
        target=report,
        unit=report.unit,
    )
    return report


# — 示范创建 —


@service
def create_project(
    *, actor, unit, name, kind, recommended_date, materials=""
) -> DemonstrationProject:
    require_unit(actor, unit, Action.CREATE, LINE)
    _require_office(actor, unit, "示范创建项目")
    not_future(recommended_date, "市级推荐日期")
    project = saved(
        DemonstrationProject(
            unit=unit,
            name=name,
            kind=kind,
            recommended_date=recommended_date,
            materials=materials,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="accountability.project.create",
        summary=f"示范创建项目“{name}”市级推荐",
        target=project,
        unit=unit,
    )
    return project


@service
def advance_project(*, actor, project, date, satisfaction_rate=None) -> DemonstrationProject:
    """市级推荐 → 省级初评 → 推荐全国 → 命名, one stage at a time, dated in order."""
    require(actor, Action.CHANGE, project)
    stage = project.next_stage
    if stage is None:
        raise ValidationError("该项目已命名，没有下一阶段；请登记巩固提升情况")
    not_future(date, "日期")
    previous = getattr(project, STAGE_DATE[project.stage])
    if date < previous:
        raise ValidationError(f"日期（{date:%Y-%m-%d}）不能早于上一阶段（{previous:%Y-%m-%d}）")
    setattr(project, STAGE_DATE[stage], date)
    project.stage = stage
    if satisfaction_rate is not None:
        project.satisfaction_rate = satisfaction_rate
    saved(project)
    record_event(
        actor=actor,
        action="accountability.project.advance",
        summary=f"示范创建项目进入“{project.get_stage_display()}”",
        target=project,
        unit=project.unit,
    )
    return project


@service
def record_follow_up(*, actor, project, follow_up) -> DemonstrationProject:
    require(actor, Action.CHANGE, project)
    if project.stage != ProjectStage.NAMED:
        raise ValidationError("巩固提升在命名之后登记")
    if not follow_up.strip():
        raise ValidationError("请填写巩固提升情况")
    project.follow_up = follow_up
    saved(project)
    record_event(
        actor=actor,
        action="accountability.project.follow_up",
        summary="登记示范创建巩固提升情况",
        target=project,
        unit=project.unit,
    )
    return project
