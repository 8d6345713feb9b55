"""督察, 考核 and 述法 services on the demo: the bad input of the issue refused with Chinese
messages and nothing half-written, and the data rule of §2.7(e)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from fazhi.accountability import selectors, services
from fazhi.accountability.models import (
    AssessmentScheme,
    AssessmentScore,
    Escalation,
    Finding,
    FindingCategory,
    FindingState,
    InspectionPlan,
    PlanKind,
)

TODAY = timezone.localdate()


def _plan(demo, key="donghu"):
    return InspectionPlan.objects.get(unit=demo.units[f"{key}_office"], kind=PlanKind.SPECIAL)


def _finding(demo, state, key="donghu"):
    return Finding.objects.get(unit=demo.units[f"{key}_office"], state=state)


def test_a_finding_on_a_unit_outside_the_plans_targets_is_refused(demo):
    plan = _plan(demo)
    outsider = demo.units["donghu_enf2"]
    with pytest.raises(ValidationError) as refused:
        services.add_finding(
            actor=demo.users["donghu_office"],
            plan=plan,
            inspected_unit=outsider,
            category=FindingCategory.OTHER,
            description="不在督察对象中的单位",
        )
    assert "“东湖区综合行政执法局”不在督察方案" in refused.value.messages[0]
    assert not Finding.objects.filter(inspected_unit=outsider).exists()


def test_closure_without_evidence_is_refused_and_the_finding_stays_as_it_was(demo):
    finding = _finding(demo, FindingState.RECTIFYING)
    with pytest.raises(ValidationError) as refused:
        services.request_closure(
            actor=demo.admin,
            finding=finding,
            progress="已整改",
            evidence="   ",
            submitted_date=TODAY,
        )
    assert "申请销号须提供整改佐证材料" in refused.value.messages[0]
    finding.refresh_from_db()
    assert finding.state == FindingState.RECTIFYING and finding.progress == ""
    # and the database refuses a closed finding without evidence whatever the path
    finding.state, finding.closed_date, finding.verifier = FindingState.CLOSED, TODAY, demo.admin
    with pytest.raises(ValidationError, match="销号须有整改佐证材料"):
        finding.full_clean()


def test_the_inspected_units_leader_rectifies_and_the_office_verifies(demo):
    leader, office = demo.users["donghu_leader"], demo.users["donghu_office"]
    plan = _plan(demo)
    services.feed_back(actor=office, plan=plan, feedback_date=TODAY)
    finding = Finding.objects.get(plan=plan)
    assert finding.inspected_unit == demo.units["donghu_enf0"]
    # the leader of 东湖区司法局 is no leader of the 市场监督管理局: not its rectification
    with pytest.raises(PermissionDenied):
        services.submit_plan(
            actor=leader,
            finding=finding,
            measure="x",
            responsible_department="x",
            responsible_person="x",
            deadline=TODAY,
        )
    own = Finding.objects.create(
        unit=plan.unit,
        plan=plan,
        inspected_unit=demo.units["donghu_justice"],
        category=FindingCategory.DUTY,
        description="测试问题",
        state=FindingState.FED_BACK,
        created_by=office,
    )
    services.submit_plan(
        actor=leader,
        finding=own,
        measure="建立台账",
        responsible_department="办公室",
        responsible_person="柏振宇",
        deadline=TODAY + datetime.timedelta(days=30),
    )
    services.request_closure(
        actor=leader, finding=own, progress="完成", evidence="台账一册", submitted_date=TODAY
    )
    # 销号 is the 依法治办's: the inspected unit gets `rectify` and nothing more
    with pytest.raises((PermissionDenied, ValidationError)):
        services.verify_closure(actor=leader, finding=own, closed_date=TODAY)
    with pytest.raises(PermissionDenied):
        services.add_finding(
            actor=leader,
            plan=plan,
            inspected_unit=demo.units["donghu_enf0"],
            category=FindingCategory.OTHER,
            description="自己登记",
        )
    services.verify_closure(actor=office, finding=own, closed_date=TODAY)
    own.refresh_from_db()
    assert own.state == FindingState.CLOSED and own.verifier == office


def test_findings_are_seen_by_the_office_and_the_inspected_units_leader_only(demo):
    office_findings = Finding.objects.filter(unit=demo.units["donghu_office"])
    assert selectors.findings(demo.users["donghu_inspector"]).count() == office_findings.count()
    assert selectors.findings(demo.users["donghu_office"]).count() == office_findings.count()
    seen_by_leader = selectors.findings(demo.users["donghu_leader"])
    assert {f.inspected_unit for f in seen_by_leader} == {demo.units["donghu_justice"]}
    assert not seen_by_leader.filter(state=FindingState.DRAFT).exists()
    # the district's administrator is no leader of an inspected unit; other lines see nothing
    assert not selectors.findings(demo.users["donghu_admin"]).exists()
    assert not selectors.findings(demo.users["donghu_officer"]).exists()
    assert (
        not selectors.findings(demo.users["xishan_leader"])
        .filter(inspected_unit__path__startswith=demo.units["donghu"].path)
        .exists()
    )
    assert selectors.findings(demo.users["city_office"]).filter(unit=demo.units["donghu_office"])


def test_escalation_only_for_late_items_and_in_rising_order(demo):
    office = demo.users["donghu_office"]
    late = _finding(demo, FindingState.RECTIFYING)  # its deadline passed ten days ago
    assert late.escalation == Escalation.INQUIRY
    services.escalate(actor=office, finding=late, escalated_date=TODAY)
    services.escalate(actor=office, finding=late, escalated_date=TODAY)
    assert late.escalation == Escalation.CENSURE
    with pytest.raises(ValidationError):
        services.escalate(actor=office, finding=late, escalated_date=TODAY)
    # fed back 55 days ago, FAZHI_RECTIFICATION_PLAN_DAYS (30) passed without a 整改方案
    waiting = _finding(demo, FindingState.FED_BACK)
    services.escalate(actor=office, finding=waiting, escalated_date=TODAY)
    assert waiting.escalation == Escalation.INQUIRY
    plan = _plan(demo)
    services.feed_back(actor=office, plan=plan, feedback_date=TODAY)
    on_time = Finding.objects.get(plan=plan)
    with pytest.raises(ValidationError, match="整改未逾期"):
        services.escalate(actor=office, finding=on_time, escalated_date=TODAY)
    # the inspected unit's leader cannot escalate (nor change anything but its rectification)
    with pytest.raises((PermissionDenied, ValidationError)):
        services.escalate(actor=demo.users["donghu_leader"], finding=late, escalated_date=TODAY)


def _scheme(demo, key="donghu"):
    return AssessmentScheme.objects.get(unit=demo.units[f"{key}_office"])


def test_a_score_above_the_items_points_is_refused_and_nothing_written(demo):
    scheme = _scheme(demo)
    item = scheme.items.get(code="1.1")
    unit = demo.units["donghu_justice"]
    before = AssessmentScore.objects.get(item=item, assessed_unit=unit).review_score
    with pytest.raises(ValidationError) as refused:
        services.review_score(
            actor=demo.users["donghu_office"],
            item=item,
            assessed_unit=unit,
            review_score=Decimal("12"),
        )
    assert refused.value.messages == ["评审得分（12分）不能高于该项分值（10.00分）"]
    with pytest.raises(ValidationError, match="自评得分（11分）不能高于该项分值"):
        services.self_assess(
            actor=demo.users["donghu_leader"],
            item=scheme.items.get(code="1.2"),
            assessed_unit=unit,
            self_score=Decimal("11"),
        )
    assert AssessmentScore.objects.get(item=item, assessed_unit=unit).review_score == before


def test_a_deduction_needs_its_reason_and_a_heading_takes_no_score(demo):
    scheme = _scheme(demo)
    office = demo.users["donghu_office"]
    unit = demo.units["donghu_enf0"]
    with pytest.raises(ValidationError, match="须写明扣分理由"):
        services.review_score(
            actor=office,
            item=scheme.items.get(code="1.1"),
            assessed_unit=unit,
            review_score=Decimal("8"),
        )
    with pytest.raises(ValidationError, match="上级指标"):
        services.review_score(
            actor=office,
            item=scheme.items.get(code="1"),
            assessed_unit=unit,
            review_score=Decimal("0"),
        )
    with pytest.raises(ValidationError, match="已有评分"):
        services.add_item(actor=office, scheme=scheme, code="3", name="新增", points=Decimal("5"))


def test_a_new_version_copies_the_tree_and_scores_start_afresh(demo):
    scheme = _scheme(demo)
    again = services.create_scheme(
        actor=demo.users["donghu_office"],
        unit=scheme.unit,
        year=scheme.year,
        name=scheme.name,
        assessed_units=scheme.assessed_units.all(),
    )
    assert again.version == 2
    assert list(again.items.values_list("code", "points")) == list(
        scheme.items.values_list("code", "points")
    )
    assert again.items.get(code="1.1").parent == again.items.get(code="1")
    assert not AssessmentScore.objects.filter(item__scheme=again).exists()


def test_totals_and_ranks_and_a_unit_sees_only_its_own(demo):
    scheme = _scheme(demo)
    office_rows = selectors.ranking(demo.users["donghu_office"], scheme)
    assert {r["unit"].name: (r["review"], r["rank"]) for r in office_rows} == {
        "东湖区司法局": (40, 1),
        "东湖区市场监督管理局": (30, 2),
        "东湖区湖滨街道": (30, 2),
    }
    leader_rows = selectors.ranking(demo.users["donghu_leader"], scheme)
    assert [(r["unit"].name, r["rank"], r["grade"]) for r in leader_rows] == [
        ("东湖区司法局", 1, "优秀")
    ]
    assert selectors.ranking(demo.users["xishan_leader"], scheme) == []


def test_report_grades_are_personnel_data(demo, client_as):
    admin_view = (
        client_as(demo.users["donghu_admin"]).get("/api/accountability/law-reports/").json()
    )
    rows = admin_view["results"] if isinstance(admin_view, dict) else admin_view
    assert rows and all(row["grade"] is None for row in rows)
    leader_view = (
        client_as(demo.users["donghu_leader"]).get("/api/accountability/law-reports/").json()
    )
    rows = leader_view["results"] if isinstance(leader_view, dict) else leader_view
    assert {row["grade"] for row in rows} <= {"excellent", "good"} and rows


def test_coverage_lists_the_units_that_have_not_reported(demo):
    year = (TODAY - datetime.timedelta(60)).year
    coverage = selectors.coverage(demo.users["donghu_office"], year)
    names = {unit.name for unit in coverage["missing"]}
    assert "东湖区综合行政执法局" in names and "东湖区司法局" not in names
    assert coverage["reported"] == 3
    assert not selectors.coverage(demo.users["donghu_office"], year - 3)["reported"]


def test_a_demonstration_project_moves_stage_by_stage_and_is_followed_up_once_named(demo):
    from fazhi.accountability.models import DemonstrationProject, ProjectStage

    office = demo.users["donghu_office"]
    project = DemonstrationProject.objects.get(unit=demo.units["donghu_office"])
    assert project.stage == ProjectStage.NATIONAL
    with pytest.raises(ValidationError, match="巩固提升在命名之后登记"):
        services.record_follow_up(actor=office, project=project, follow_up="持续巩固")
    with pytest.raises(ValidationError, match="不能早于上一阶段"):
        services.advance_project(
            actor=office, project=project, date=project.national_date - datetime.timedelta(1)
        )
    services.advance_project(actor=office, project=project, date=TODAY)
    assert project.stage == ProjectStage.NAMED and project.named_date == TODAY
    with pytest.raises(ValidationError, match="没有下一阶段"):
        services.advance_project(actor=office, project=project, date=TODAY)
    services.record_follow_up(actor=office, project=project, follow_up="开展巩固提升“回头看”")
    with pytest.raises(PermissionDenied):
        services.advance_project(actor=demo.users["donghu_leader"], project=project, date=TODAY)
