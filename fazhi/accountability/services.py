"""The 述法 · 督察 · 考核 services: keyword-only, atomic and audited (`@service`), each
checking who acts and what the records allow, with Chinese messages."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import add_working_days
from fazhi.core.guards import not_future, require, require_unit, saved, today
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action

from .models import (
    REPORTING_KINDS,
    STAGE_DATE,
    AppealState,
    AssessmentItem,
    AssessmentResult,
    AssessmentScheme,
    AssessmentScore,
    AssignedTask,
    DemonstrationProject,
    Finding,
    FindingState,
    InspectionPlan,
    LawReport,
    LeadershipSession,
    ProjectStage,
    ReportingUnit,
    ScoreAppeal,
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
        finding.notified_date = feedback_date
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
    if deadline < finding.fed_back_date:
        raise ValidationError(
            f"完成时限（{deadline:%Y-%m-%d}）不能早于问题反馈日期（{finding.fed_back_date:%Y-%m-%d}）"
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
        return plan_due(finding.fed_back_date) < day
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


SHIPPED_TREES = {"demonstration_2021": "demonstration_2021.json"}


def shipped_tree(key: str = "demonstration_2021") -> dict:
    """A tree shipped with the platform (fazhi/accountability/data/): the 示范指标体系 (2021)
    with the items whose text is public; its weights are unpublished (docs/rules.md)."""
    import json
    from pathlib import Path

    if key not in SHIPPED_TREES:
        raise ValidationError(f"没有名为“{key}”的指标体系")
    path = Path(__file__).resolve().parent / "data" / SHIPPED_TREES[key]
    return json.loads(path.read_text(encoding="utf-8"))


@service
def load_shipped_tree(*, actor, scheme, key: str = "demonstration_2021") -> int:
    """Load a shipped tree into an empty scheme version; the points stay editable until the
    first score (a new version after that). All items or none."""
    require(actor, Action.CHANGE, scheme)
    _require_office(actor, scheme.unit, "考核指标")
    if scheme.items.exists():
        raise ValidationError("该版本已有考核指标；载入指标体系请新建一个空白版本")
    tree = shipped_tree(key)
    created: dict[str, AssessmentItem] = {}
    for row in tree["items"]:
        code = row["code"]
        parent_code = code.rpartition(".")[0]
        if parent_code and parent_code not in created:
            raise ValidationError(f"指标体系数据有误：{code} 的上级指标 {parent_code} 不存在")
        created[code] = saved(
            AssessmentItem(
                scheme=scheme,
                parent=created.get(parent_code),
                code=code,
                name=row["name"],
                points=Decimal(row.get("points", "0")),
                rule=row.get("rule", ""),
                indicator_id=row.get("indicator_id", ""),
            )
        )
    record_event(
        actor=actor,
        action="accountability.scheme.load_tree",
        summary=f"载入《{tree['name']}》（{tree['version']}年版）{len(created)}项指标",
        target=scheme,
        unit=scheme.unit,
    )
    return len(created)


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
    if record.pk and record.appeals.exists():
        raise ValidationError("该项评分已有申诉，得分只能通过复核决定变更")
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


def _write_results(actor, scheme, published_date) -> list[AssessmentResult]:
    from .selectors import standings

    written = []
    for row in standings(scheme):
        result = AssessmentResult.objects.filter(scheme=scheme, assessed_unit=row["unit"]).first()
        if result is None:
            result = AssessmentResult(
                unit=scheme.unit, scheme=scheme, assessed_unit=row["unit"], created_by=actor
            )
        values = {
            "total": row["review"],
            "full": row["full"],
            "rank": row["rank"],
            "of_total": row["of"],
            "grade": row["grade"],
            "published_date": published_date,
        }
        if result.pk and all(getattr(result, k) == v for k, v in values.items()):
            continue  # unchanged: nothing to write (nor to audit)
        for field, value in values.items():
            setattr(result, field, value)
        written.append(saved(result))
    return written


@service
def publish_results(*, actor, scheme, published_date) -> AssessmentScheme:
    """公布考核结果: totals, ranks and grades computed from the reviewers' scores, once every
    leaf of every assessed unit is reviewed; published again, the rows are recomputed."""
    require(actor, Action.CHANGE, scheme)
    _require_office(actor, scheme.unit, "公布考核结果")
    not_future(published_date, "公布日期")
    leaves = scheme.items.filter(children__isnull=True).count()
    if not leaves:
        raise ValidationError("该考核方案没有可评分的指标")
    units = scheme.assessed_units.count()
    reviewed = AssessmentScore.objects.filter(
        item__scheme=scheme, review_score__isnull=False
    ).count()
    if reviewed < leaves * units:
        raise ValidationError(
            f"尚有{leaves * units - reviewed}项评分未评审，全部评审后才能公布考核结果"
        )
    written = _write_results(actor, scheme, published_date)
    record_event(
        actor=actor,
        action="accountability.scheme.publish",
        summary=f"公布考核结果（{scheme.assessed_units.count()}个单位，{len(written)}个有变化）",
        target=scheme,
        unit=scheme.unit,
    )
    return scheme


def appeal_due(score: AssessmentScore) -> datetime.date:
    """The last day to appeal a score: FAZHI_ASSESSMENT_APPEAL_DAYS 工作日 after the review
    (docs/rules.md; may raise CalendarYearUnknown past the entered calendar)."""
    return add_working_days(score.reviewed_date, settings.FAZHI_ASSESSMENT_APPEAL_DAYS)


@service
def file_appeal(*, actor, score, reason, requested_score, filed_date) -> ScoreAppeal:
    """申诉: the assessed unit's leader or 单位管理员 asks for a 复核 of a reviewer's score."""
    FINDING_FLOW.lock(score)
    _require_subject(actor, score.assessed_unit_id, "考核申诉")
    not_future(filed_date, "申诉日期")
    if score.review_score is None:
        raise ValidationError("该项尚未评审，不能申诉")
    if score.appeals.exists():
        raise ValidationError("该项评分已申诉过，每项评分只能申诉一次")
    if filed_date < score.reviewed_date:
        raise ValidationError("申诉日期不能早于评审日期")
    # n 工作日 never end before n natural days: within those, no calendar is needed
    quick = score.reviewed_date + datetime.timedelta(days=settings.FAZHI_ASSESSMENT_APPEAL_DAYS)
    due = quick if filed_date <= quick else appeal_due(score)
    if filed_date > due:
        raise ValidationError(
            f"申诉期限已过：应在评审后{settings.FAZHI_ASSESSMENT_APPEAL_DAYS}个工作日内"
            f"（{due:%Y-%m-%d}前）提出"
        )
    if not reason.strip():
        raise ValidationError("申诉须写明理由")
    if requested_score <= score.review_score:
        raise ValidationError("申请得分须高于评审得分")
    _check_score(score.item, requested_score, "申请得分")
    appeal = saved(
        ScoreAppeal(
            unit=score.unit,
            score=score,
            filed_date=filed_date,
            reason=reason,
            requested_score=requested_score,
            original_score=score.review_score,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="accountability.appeal.file",
        summary=f"考核申诉 {score.item.code}：申请{requested_score}分（原{score.review_score}分）",
        target=appeal,
        unit=appeal.unit,
    )
    return appeal


@service
def decide_appeal(*, actor, appeal, decided_score, decision, decided_date) -> ScoreAppeal:
    """复核: the 依法治办 keeps the score or changes it; the change is made here and only here."""
    FINDING_FLOW.lock(appeal)
    _require_office(actor, appeal.unit, "考核复核")
    require(actor, Action.CHANGE, appeal.score.item.scheme)
    if appeal.state != AppealState.PENDING:
        raise ValidationError("该申诉已复核")
    not_future(decided_date, "复核日期")
    if decided_date < appeal.filed_date:
        raise ValidationError("复核日期不能早于申诉日期")
    if not decision.strip():
        raise ValidationError("复核须写明复核意见")
    score = appeal.score
    FINDING_FLOW.lock(score)
    _check_score(score.item, decided_score, "复核得分")
    changed = decided_score != appeal.original_score
    appeal.state = AppealState.CHANGED if changed else AppealState.UPHELD
    appeal.decided_score = decided_score
    appeal.decision = decision
    appeal.decided_date = decided_date
    appeal.decided_by = actor
    saved(appeal)
    if changed:
        score.review_score = decided_score
        score.deduction_reason = (
            f"{score.deduction_reason}（复核改为{decided_score}分：{decision}）"
        )[:500]
        saved(score)
        scheme = score.item.scheme
        published = scheme.results.first()
        if published is not None:  # the published result follows the decision
            _write_results(actor, scheme, published.published_date)
    record_event(
        actor=actor,
        action="accountability.appeal.decide",
        summary=(
            f"考核复核 {score.item.code}：{appeal.original_score}分改为{decided_score}分"
            if changed
            else f"考核复核 {score.item.code}：维持{appeal.original_score}分"
        ),
        target=appeal,
        unit=appeal.unit,
    )
    if changed:
        record_event(
            actor=actor,
            action="accountability.score.appeal_change",
            summary=f"复核改分 {score.item.code}（{score.assessed_unit.name}）：{decided_score}分",
            target=score,
            unit=score.unit,
        )
    return appeal


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


@service
def add_score_finding(*, actor, score, category, description) -> Finding:
    """A deduction of the 考核 that calls for rectification: shown to the assessed unit at
    once (反馈日期 = the review date) and closed like a 督察 finding (the one ledger)."""
    require(actor, Action.CHANGE, score.item.scheme)
    _require_office(actor, score.unit, "考核发现的问题")
    if score.review_score is None:
        raise ValidationError("该项尚未评审，不能登记扣分问题")
    if score.review_score >= score.item.points:
        raise ValidationError("该项未扣分，没有需要整改的问题")
    return _told_finding(
        actor,
        score.unit,
        {"assessment_score": score},
        score.assessed_unit,
        category,
        description,
        score.reviewed_date,
        summary=f"登记考核扣分问题（{score.assessed_unit.name} {score.item.code}）",
    )


def _told_finding(actor, office, source, unit, category, description, told, *, summary):
    """A finding of a 述法 or a 考核 (`source`: its field and record), shown to `unit` at
    once: 反馈日期 `told`, rectified and closed as a 督察 finding is."""
    finding = saved(
        Finding(
            unit=office,
            inspected_unit=unit,
            category=category,
            description=description,
            state=FindingState.FED_BACK,
            notified_date=told,
            created_by=actor,
            **source,
        )
    )
    kind = "from_score" if "assessment_score" in source else "from_report"
    record_event(
        actor=actor,
        action=f"accountability.finding.{kind}",
        summary=summary,
        target=finding,
        unit=office,
    )
    return finding


def area_office(unit: Unit) -> Unit | None:
    """The 依法治办 of the nearest area holding `unit` (one whose parent is the unit itself
    or one of its ancestors, the nearest first). Not "the first office under the area by
    path": paths are random segments, so a district's office under the city may sort
    before the city's own."""
    chain = [*unit.ancestors(), unit]
    offices = Unit.objects.filter(
        kind=Unit.Kind.RULE_OF_LAW_OFFICE, parent__in=chain, is_active=True
    ).order_by("pk")
    depth = {area.pk: len(area.path) for area in chain}
    return max(offices, key=lambda office: depth[office.parent_id], default=None)


@service
def list_reporting_units(*, actor, office, year, listed_date, units=None) -> list[ReportingUnit]:
    """The year's 述法名单 of the 依法治办's area (党政主要负责人履行推进法治建设第一责任人职责
    规定 第五条: 述法 of the leaders of the 部门 and 乡镇): by default every active agency and
    乡镇（街道） whose nearest 依法治办 is `office`; units already listed are kept as they are."""
    require_unit(actor, office, Action.CREATE, LINE)
    _require_office(actor, office, "述法名单")
    not_future(listed_date, "列入名单日期")
    if listed_date.year != year:  # the figures of the year count the list made in it
        raise ValidationError(f"{year}年度的述法名单应在{year}年内确定")
    own = [
        unit
        for unit in Unit.objects.restrict(actor)
        .filter(kind__in=REPORTING_KINDS, is_active=True, path__startswith=office.parent.path)
        .order_by("path")
        if area_office(unit) == office
    ]
    chosen = own if units is None else list(units)
    outside = [unit.name for unit in chosen if unit not in own]
    if outside:
        raise ValidationError(
            f"不是本依法治办辖区内应述法的部门或乡镇（街道）：{'、'.join(outside)}"
        )
    listed = set(
        ReportingUnit.objects.filter(year=year, unit__in=chosen).values_list("unit", flat=True)
    )
    created = [
        saved(ReportingUnit(unit=unit, year=year, listed_date=listed_date, created_by=actor))
        for unit in chosen
        if unit.pk not in listed
    ]
    record_event(
        actor=actor,
        action="accountability.reporting_units.list",
        summary=f"确定{year}年度述法名单（新列入{len(created)}个单位）",
        target=office,
        unit=office,
    )
    return created


@service
def add_report_finding(*, actor, report, category, description) -> Finding:
    """A problem the 述法 review found: shown to the reporting unit at once, rectified and
    closed as a 督察 finding is (the one rectification ledger)."""
    require(actor, Action.CHANGE, report)
    if not actor.is_superuser and not is_rule_of_law_office(active_membership(actor)):
        raise PermissionDenied("述法发现的问题由依法治办登记")
    if report.reviewed_date is None:
        raise ValidationError("请先完成述法评议，再登记评议发现的问题")
    office = area_office(report.unit)
    if office is None:
        raise ValidationError(f"“{report.unit.name}”所在地区没有依法治办，不能登记整改问题")
    return _told_finding(
        actor,
        office,
        {"law_report": report},
        report.unit,
        category,
        description,
        report.reviewed_date,
        summary=f"登记述法发现的问题（{report.unit.name}）",
    )


@service
def attach_report_file(*, actor, report, uploaded_file):
    """The 述法 report file (述法报告): a checked upload on the record."""
    from fazhi.core.services import attach_file

    require(actor, Action.CHANGE, report)
    return attach_file(actor=actor, target=report, uploaded_file=uploaded_file)


# — 第一责任人 —


@service
def record_session(
    *, actor, unit, kind, date, topic, chaired_by="", attendees=None
) -> LeadershipSession:
    require_unit(actor, unit, Action.CREATE, LINE)
    not_future(date, "日期")
    session = saved(
        LeadershipSession(
            unit=unit,
            kind=kind,
            date=date,
            topic=topic,
            chaired_by=chaired_by,
            attendees=attendees,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="accountability.session.record",
        summary=f"登记{session.get_kind_display()}（{date:%Y-%m-%d}）",
        target=session,
        unit=unit,
    )
    return session


@service
def register_task(*, actor, unit, title, assigned_by, assigned_date, due_date=None) -> AssignedTask:
    require_unit(actor, unit, Action.CREATE, LINE)
    _require_office(actor, unit, "上级交办任务")
    not_future(assigned_date, "交办日期")
    if due_date is not None and due_date < assigned_date:
        raise ValidationError("完成时限不能早于交办日期")
    task = saved(
        AssignedTask(
            unit=unit,
            title=title,
            assigned_by=assigned_by,
            assigned_date=assigned_date,
            due_date=due_date,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="accountability.task.register",
        summary=f"登记{assigned_by}交办任务",
        target=task,
        unit=unit,
    )
    return task


@service
def complete_task(*, actor, task, done_date, result) -> AssignedTask:
    FINDING_FLOW.lock(task)
    require(actor, Action.CHANGE, task)
    if task.done_date is not None:
        raise ValidationError(f"该任务已于{task.done_date:%Y-%m-%d}完成")
    not_future(done_date, "完成日期")
    if done_date < task.assigned_date:
        raise ValidationError("完成日期不能早于交办日期")
    if not result.strip():
        raise ValidationError("请填写完成情况")
    task.done_date, task.result = done_date, result
    saved(task)
    record_event(
        actor=actor,
        action="accountability.task.complete",
        summary="上级交办任务完成",
        target=task,
        unit=task.unit,
    )
    return task


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
