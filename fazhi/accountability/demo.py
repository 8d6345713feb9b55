"""Demo 督察, 考核 and 述法 for the city and each district: a plan with findings in every
state (closed, rectifying and overdue, waiting for the 整改方案, not yet fed back), a
scheme with a small tree, self- and reviewers' scores, and 述法 of most reporting units (the
coverage page lists the rest)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from fazhi.core.demo import DISTRICTS, DemoWorld

from . import services
from .models import (
    AssessmentScore,
    FindingCategory,
    LawReport,
    PlanKind,
    ProjectKind,
    ReportForm,
    ReportGrade,
    ReportTier,
    SessionKind,
)

# Different in every district: the scoping test looks for the sibling's texts.
PEOPLE = {
    "donghu": ["鲍文涛", "邢海燕", "柏振宇"],
    "xishan": ["滕建华", "殷晓丽", "焦国栋"],
    "nanqiao": ["毕春生", "牛慧敏", "臧立军"],
    "city": ["雷振华", "祁秀英", "瞿明远"],
}
PROBLEMS = {
    "donghu": [
        "重大行政决策合法性审查台账不全",
        "执法案卷评查问题整改不到位",
        "法律明白人培育台账缺失",
    ],
    "xishan": [
        "党政主要负责人年度述法未全覆盖",
        "行政执法公示信息更新滞后",
        "村居法律顾问服务记录不全",
    ],
    "nanqiao": ["规范性文件备案审查超期", "执法人员培训学时不足", "普法责任清单未公开"],
    "city": [
        "市场监管行政处罚裁量基准未更新",
        "行政复议决定履行监督不到位",
        "法治建设年度报告报送滞后",
    ],
}


# The tree's names (headings, then leaves), as each 依法治办 words its own.
ITEMS = {
    "donghu": [
        "第一责任人职责落实",
        "区委常委会会议学法",
        "党政主要负责人年度述法",
        "督察反馈问题整改",
        "督察问题按期销号",
    ],
    "xishan": [
        "党政主要负责人履职",
        "区政府常务会议学法",
        "部门主要负责人述法",
        "法治督察整改落实",
        "督察问题整改销号",
    ],
    "nanqiao": [
        "法治建设领导责任",
        "县委理论学习中心组学法",
        "领导干部年度述法",
        "督察问题整改",
        "问题清单销号管理",
    ],
}


def _ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def _inspection(world, key, office_user, office, targets, leader, name):
    problems = PROBLEMS[key]
    plan = services.create_plan(
        actor=office_user,
        unit=office,
        title=f"{name}{_ago(60).year}年度法治建设第一责任人职责落实情况督察",
        kind=PlanKind.COMPREHENSIVE,
        targets=targets,
        groups="第一督导组、第二督导组、第三督导组",
        methods="听取汇报、实地查看、查阅资料、个别谈话",
        start_date=_ago(70),
        end_date=_ago(60),
    )
    found = [
        services.add_finding(
            actor=office_user,
            plan=plan,
            inspected_unit=unit,
            category=category,
            description=problem,
        )
        for unit, category, problem in zip(
            targets,
            [FindingCategory.GOVERNMENT, FindingCategory.ENFORCEMENT, FindingCategory.PUBLICITY],
            problems,
            strict=True,
        )
    ]
    services.feed_back(actor=office_user, plan=plan, feedback_date=_ago(55))
    closed, overdue, _waiting = found
    services.submit_plan(
        actor=leader or world.admin,
        finding=closed,
        measure="建立重大行政决策合法性审查台账，逐件补齐审查意见",
        responsible_department="法治督察科",
        responsible_person=PEOPLE[key][0],
        deadline=_ago(20),
    )
    services.request_closure(
        actor=leader or world.admin,
        finding=closed,
        progress="已补齐全部审查意见",
        evidence="《重大行政决策合法性审查台账》（2025年修订版）",
        submitted_date=_ago(25),
    )
    services.verify_closure(actor=office_user, finding=closed, closed_date=_ago(22))
    services.submit_plan(
        actor=world.admin,
        finding=overdue,
        measure="组织案卷评查问题逐项整改并复查",
        responsible_department="政策法规科",
        responsible_person=PEOPLE[key][1],
        deadline=_ago(10),
    )
    services.escalate(actor=office_user, finding=overdue, escalated_date=_ago(5))
    # A second plan still in the field: its finding is not fed back yet.
    special = services.create_plan(
        actor=office_user,
        unit=office,
        title=f"{name}法治化营商环境专项督察",
        kind=PlanKind.SPECIAL,
        targets=targets[1:2],
        groups="专项督察组",
        start_date=_ago(3),
        end_date=_ago(1),
    )
    services.add_finding(
        actor=office_user,
        plan=special,
        inspected_unit=targets[1],
        category=FindingCategory.ENFORCEMENT,
        description=f"{problems[1]}（专项）",
    )


def _assessment(world, key, office_user, office, units, leader, name):
    year = _ago(60).year
    names = ITEMS[key]
    scheme = services.create_scheme(
        actor=office_user,
        unit=office,
        year=year,
        name=f"{name}{year}年度法治建设考核",
        assessed_units=units,
    )
    top = services.add_item(actor=office_user, scheme=scheme, code="1", name=names[0])
    study = services.add_item(
        actor=office_user,
        scheme=scheme,
        parent=top,
        code="1.1",
        name=names[1],
        points=Decimal("10"),
        rule="每年不少于2次，少1次扣5分",
        evidence_required="学习记录",
        responsible_unit="各单位办公室",
    )
    reports = services.add_item(
        actor=office_user,
        scheme=scheme,
        parent=top,
        code="1.2",
        name=names[2],
        points=Decimal("10"),
        rule="未述法的不得分",
        indicator_id="accountability.law_reports",
    )
    second = services.add_item(actor=office_user, scheme=scheme, code="2", name=names[3])
    rectify = services.add_item(
        actor=office_user,
        scheme=scheme,
        parent=second,
        code="2.1",
        name=names[4],
        points=Decimal("20"),
        rule="逾期未整改的每个问题扣5分",
        indicator_id="accountability.rectification_rate",
    )
    if leader is not None:
        services.self_assess(
            actor=leader,
            item=study,
            assessed_unit=units[0],
            self_score=Decimal("10"),
            self_evidence="中心组学法记录3次",
        )
        services.self_assess(
            actor=leader, item=reports, assessed_unit=units[0], self_score=Decimal("10")
        )
    for unit, scores in zip(units, [(10, 10, 20), (5, 10, 15), (10, 0, 20)], strict=False):
        for item, points in zip((study, reports, rectify), scores, strict=True):
            points = Decimal(points)
            services.review_score(
                actor=office_user,
                item=item,
                assessed_unit=unit,
                review_score=points,
                deduction_reason="" if points == item.points else "佐证材料不足，按评分标准扣分",
                reviewed_date=_ago(2),
            )
    services.publish_results(actor=office_user, scheme=scheme, published_date=_ago(1))
    # the second unit appeals its 学法 score (5 of 10); the 依法治办 has yet to decide
    services.file_appeal(
        actor=world.admin,
        score=AssessmentScore.objects.get(item=study, assessed_unit=units[1]),
        reason="学法记录已补充报送",
        requested_score=Decimal("8"),
        filed_date=_ago(1),
    )


def _reports(world, office_user, units, people, year):
    tiers = [ReportTier.DEPARTMENT_HEAD, ReportTier.DEPARTMENT_HEAD, ReportTier.TOWNSHIP_HEAD]
    forms = [ReportForm.ONSITE, ReportForm.WRITTEN, ReportForm.MEETING]
    for unit, person, tier, form in zip(units, people, tiers, forms, strict=False):
        report = services.register_report(
            actor=office_user,
            unit=unit,
            year=year,
            person=person,
            post="主要负责人",
            tier=tier,
            form=form,
            report_date=_ago(40),
            checklist="学法用法、重大行政决策合法性审查、行政复议应诉、督察整改",
        )
        services.review_report(
            actor=office_user,
            report=report,
            grade=ReportGrade.EXCELLENT if form == ReportForm.ONSITE else ReportGrade.GOOD,
            review_comment="履职情况较好，述法内容具体",
            reviewed_date=_ago(35),
        )


# 福州 (seed 001): three candidates recommended, two in the provincial round, one put forward.
PROJECTS = {
    "donghu": [("东湖区“湖畔调解”行政争议化解项目", 3)],
    "xishan": [("西山区涉企执法“一件事”项目", 2)],
    "nanqiao": [("南桥县法治乡村“桥连万家”项目", 1)],
    "city": [("示范市法治政府建设综合示范创建", 1)],
}


def _projects(world, key, office_user, office):
    for name, stages in PROJECTS[key]:
        project = services.create_project(
            actor=office_user,
            unit=office,
            name=name,
            kind=ProjectKind.SINGLE if key != "city" else ProjectKind.COMPREHENSIVE,
            recommended_date=_ago(300),
            materials="申报书、自评报告、佐证材料目录",
        )
        for step in range(1, stages):
            services.advance_project(
                actor=office_user,
                project=project,
                date=_ago(300 - step * 60),
                satisfaction_rate=Decimal("93.5") if step == 1 else None,
            )


# 许昌 (seed 003): meetings that heard rule-of-law work and 会议学法 of the leadership group.
SESSIONS = [
    (SessionKind.STUDY, 90, "常务会议会前学法：《中华人民共和国行政复议法》"),
    (SessionKind.LECTURE, 70, "专题法治讲座：重大行政决策程序"),
    (SessionKind.MEETING, 50, "听取法治政府建设年度工作汇报，研究督察整改"),
]


def _sessions(world, office_user, government):
    for kind, days, topic in SESSIONS:
        services.record_session(
            actor=office_user,
            unit=government,
            kind=kind,
            date=_ago(days),
            topic=topic,
            chaired_by="主要负责人",
            attendees=18,
        )


# 许昌 (seed 003): tasks of the city's committee handled by the district's 依法治办.
TASKS = [
    ("落实法治政府建设示范创建实地评估反馈问题整改", 120, 90),
    ("开展党政主要负责人年终述法", 80, None),
]


def _tasks(office_user, office):
    for title, days, done in TASKS:
        task = services.register_task(
            actor=office_user,
            unit=office,
            title=title,
            assigned_by="中共示范市委全面依法治市委员会",
            assigned_date=_ago(days),
            due_date=_ago(days - 60),
        )
        if done is not None:
            services.complete_task(
                actor=office_user, task=task, done_date=_ago(done), result="已按期完成并报送"
            )


def build(world: DemoWorld) -> None:
    u = world.units
    for key, name, *_ in DISTRICTS:
        office_user = world.users[f"{key}_office"]
        targets = [u[f"{key}_justice"], u[f"{key}_enf0"], u[f"{key}_town0"]]
        leader = world.users[f"{key}_leader"]
        _inspection(world, key, office_user, u[f"{key}_office"], targets, leader, name)
        _assessment(world, key, office_user, u[f"{key}_office"], targets, leader, name)
        _reports(world, office_user, targets[:2] + [u[f"{key}_enf1"]], PEOPLE[key], _ago(60).year)
        services.list_reporting_units(
            actor=office_user, office=u[f"{key}_office"], year=_ago(60).year, listed_date=_ago(60)
        )
        _projects(world, key, office_user, u[f"{key}_office"])
        _sessions(world, office_user, u[f"{key}_gov"])
        _tasks(office_user, u[f"{key}_office"])
    city_user = world.users["city_office"]
    city_targets = [u["city_justice"], u["city_market"], u["city_gov"]]
    _inspection(world, "city", city_user, u["city_office"], city_targets, None, "示范市")
    _reports(world, city_user, city_targets, PEOPLE["city"], _ago(60).year)
    _projects(world, "city", city_user, u["city_office"])
    # an issue the city's 述法 review found: rectified in the one ledger like a 督察 finding
    services.add_report_finding(
        actor=city_user,
        report=LawReport.objects.filter(unit=u["city_gov"]).first(),
        category=FindingCategory.DUTY,
        description="述法报告未说明本年度行政机关负责人出庭应诉情况",
    )
