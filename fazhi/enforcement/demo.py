"""Demo 行政执法监督 for every district: agencies and officers through the certificate cycle
(one 年审 due soon, one certificate suspended, one agency below the 5% floor), actions with
their 三项制度 records, two versions of a 免罚轻罚清单 with cases under it, enterprise
inspections (one enterprise visited by two agencies within days), a case-file review campaign
with rectification, and a supervision inspection whose notice is overdue."""

import datetime
from decimal import Decimal

from django.utils import timezone
from stdnum.cn import uscc

from fazhi.core import services as core_services
from fazhi.core.demo import DEMO_PASSWORD, DISTRICTS, DemoWorld
from fazhi.core.roles import DataScope, Role, WorkLine

from .models.actions import ActionKind, PenaltyOutcome
from .models.agencies import MajorGround
from .models.penalty_lists import ListBasis, ListCategory
from .models.supervision import SupervisionKind
from .selectors.reviews import selectable_actions
from .services.actions import (
    decide_action,
    record_legal_review,
    record_publicity,
    record_recording,
    register_action,
)
from .services.agencies import add_major_decision_item, register_agency, register_officer
from .services.certificates import (
    apply_certificate,
    issue_certificate,
    record_annual_review,
    record_exam,
    record_training,
    suspend_certificate,
)
from .services.enterprise_inspections import record_inspection_result, report_inspection
from .services.penalty_lists import add_list_item, create_penalty_list, publish_list
from .services.reviews import campaign_problems, create_campaign, score_case_file, select_case_files
from .services.supervision import (
    approve_notice_document,
    close_notice,
    create_supervision,
    issue_notice,
    issue_notice_document,
    respond_notice,
    serve_notice_document,
)

# Names differ between districts: the scoping test looks for the sibling district's texts.
SUPERVISORS = {"donghu": "宋雨桐", "xishan": "冯嘉怡", "nanqiao": "韩志诚"}
SURNAMES = {"donghu": "柏", "xishan": "卞", "nanqiao": "甘"}
GIVEN = [
    "文博",
    "海燕",
    "立群",
    "子涵",
    "国栋",
    "慧敏",
    "晓光",
    "秋实",
    "明远",
    "静怡",
    "建新",
    "思远",
]
ABBREVIATIONS = {"enf0": "市监", "enf1": "交运", "enf2": "综执", "town0": "街道"}
# The 不予处罚 item each agency's demo case is decided under.
NO_PENALTY_ITEM = {"enf0": 0, "enf1": 1, "enf2": 2}
ENTERPRISES = {
    "donghu": ["东湖精工机械有限公司", "湖光食品有限公司", "东岸化工有限公司"],
    "xishan": ["西山水泥有限公司", "岭南果业有限公司", "山城物流有限公司"],
    "nanqiao": ["南桥纺织有限公司", "桥头酿造有限公司", "河湾建材有限公司"],
}
PARTIES = {
    "donghu": ["湖畔便利店", "东湖某餐馆", "湖滨汽修厂", "东城药房"],
    "xishan": ["山前超市", "西岭某饭店", "西山五金店", "岭上诊所"],
    "nanqiao": ["桥东商店", "南河某餐厅", "桥南加油站", "南桥药店"],
}
ITEMS = [
    (
        ListCategory.NO_PENALTY,
        ListBasis.FIRST_OFFENCE,
        "未按规定公示年度报告",
        "《企业信息公示暂行条例》第八条",
    ),
    (
        ListCategory.NO_PENALTY,
        ListBasis.MINOR,
        "经营场所未悬挂营业执照",
        "《市场主体登记管理条例》第三十六条",
    ),
    (
        ListCategory.NO_PENALTY,
        ListBasis.MINOR,
        "道路运输车辆未随车携带道路运输证",
        "《道路运输条例》第三十三条",
    ),
    (
        ListCategory.NO_PENALTY,
        ListBasis.NO_FAULT,
        "销售不知道不符合标准的食品且能说明进货来源",
        "《食品安全法》第一百三十六条",
    ),
    (
        ListCategory.LIGHTER,
        ListBasis.LIGHTER_OR_MITIGATED,
        "主动消除危害后果的超范围经营",
        "《行政处罚法》第三十二条",
    ),
    (
        ListCategory.MITIGATED,
        ListBasis.LIGHTER_OR_MITIGATED,
        "配合查处有立功表现的无证经营",
        "《行政处罚法》第三十二条",
    ),
]


def _day(ago: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=ago)


# Real county codes for the ID numbers (the check needs a region that exists).
BIRTH_REGIONS = {"donghu": "370402", "xishan": "370403", "nanqiao": "370404"}


def _id_number(key: str, serial: int) -> str:
    base = f"{BIRTH_REGIONS[key]}1985{serial % 12 + 1:02d}{serial % 27 + 1:02d}{serial:03d}"
    # GB 11643-1999 check character: weights 2^(17-i) mod 11. (stdnum's ric.calc_check_digit
    # gives another digit than its own ric.is_valid accepts.)
    remainder = (12 - sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(base)) % 11) % 11
    return base + ("X" if remainder == 10 else str(remainder))


def _credit_code(code: str, serial: int) -> str:
    base = f"91{code}MA3C{serial:04d}0"
    return base + uscc.calc_check_digit(base)


class _District:
    def __init__(self, world: DemoWorld, key: str, name: str, code: str):
        self.world, self.key, self.name, self.code = world, key, name, code
        self.actor = core_services.create_user(
            actor=world.admin,
            username=f"{key}_supervisor",
            full_name=SUPERVISORS[key],
            password=DEMO_PASSWORD,
            unit=world.units[f"{key}_justice"],
            role=Role.OFFICER,
            data_scope=DataScope.SUBTREE,
            work_lines=[WorkLine.ENFORCEMENT],
            must_change_password=False,
        )
        world.users[f"{key}_supervisor"] = self.actor
        self.serial = 0
        self.officers: dict[str, list] = {}

    def unit(self, suffix):
        return self.world.units[f"{self.key}_{suffix}"]

    def officer(self, agency, *, reviewer=False, issued_ago=700, stage="issued", reviewed=True):
        self.serial += 1
        person = register_officer(
            actor=self.actor,
            unit=self.unit(agency),
            name=SURNAMES[self.key] + GIVEN[self.serial % len(GIVEN)],
            id_number=_id_number(self.key, self.serial),
            post="法制审核员" if reviewer else "执法队员",
            is_legal_reviewer=reviewer,
            has_legal_qualification=reviewer,
        )
        self.officers.setdefault(agency, []).append(person)
        certificate = apply_certificate(
            actor=self.actor, officer=person, applied_date=_day(issued_ago + 40)
        )
        if stage == "applied":
            return person
        record_training(
            actor=self.actor,
            officer=person,
            title="行政执法人员资格培训",
            date=_day(issued_ago + 30),
            hours=Decimal(40),
            certificate=certificate,
        )
        record_exam(
            actor=self.actor,
            certificate=certificate,
            exam_date=_day(issued_ago + 10),
            exam_score=Decimal(70 + self.serial % 25),
        )
        issue_certificate(
            actor=self.actor,
            certificate=certificate,
            number=f"{self.code}{self.serial:05d}",
            issue_date=_day(issued_ago),
            valid_until=_day(issued_ago) + datetime.timedelta(days=5 * 365),
        )
        if reviewed and issued_ago > 365:
            record_annual_review(
                actor=self.actor, certificate=certificate, date=_day(issued_ago - 340), passed=True
            )
        return person

    def action(
        self,
        agency,
        number,
        ago,
        *,
        kind=ActionKind.PENALTY,
        party=0,
        major=None,
        decide=None,
        full=True,
    ):
        unit = self.unit(agency)
        action = register_action(
            actor=self.actor,
            unit=unit,
            kind=kind,
            number=f"{self.name[:2]}{ABBREVIATIONS[agency]}{'罚' if kind == ActionKind.PENALTY else '检'}〔{_day(ago).year}〕{number}号",
            party=PARTIES[self.key][party % 4],
            summary="涉嫌违法经营案",
            started_date=_day(ago),
            officers=self.officers[agency][:2],
            major_item=major,
        )
        if full:
            record_publicity(
                actor=self.actor,
                enforcement_action=action,
                stage="pre",
                date=_day(ago),
                link="https://www.example.gov.cn/zfgs/",
            )
            record_recording(
                actor=self.actor,
                enforcement_action=action,
                recording_forms="立案、调查取证、审核、决定、送达文字记录；现场检查执法记录仪音像记录",
                recording_location=f"{unit.name}执法档案室",
            )
        if major is not None and decide is not None:
            reviewer = next(o for o in self.officers[agency] if o.is_legal_reviewer)
            record_legal_review(
                actor=self.actor,
                enforcement_action=action,
                reviewer=reviewer,
                review_date=_day(ago - 5),
                review_opinion="主体合法，事实清楚，证据确凿，程序合法，适用依据正确，同意作出决定",
                review_passed=True,
            )
        if decide is not None:
            outcome, item = decide
            decide_action(
                actor=self.actor,
                enforcement_action=action,
                decided_date=_day(ago - 10),
                outcome=outcome if kind == ActionKind.PENALTY else "",
                list_item=item,
                education="当场进行法治宣传教育并责令改正"
                if outcome == PenaltyOutcome.NO_PENALTY
                else "",
            )
            if full:
                record_publicity(
                    actor=self.actor,
                    enforcement_action=action,
                    stage="post",
                    date=_day(ago - 12),
                    link="https://www.example.gov.cn/cfgk/",
                )
        return action


def _penalty_lists(d: _District):
    justice = d.unit("justice")
    old = create_penalty_list(actor=d.actor, unit=justice, year=_day(600).year, version="旧版")
    for index, (category, basis, violation, law) in enumerate(ITEMS[:3], start=1):
        add_list_item(
            actor=d.actor,
            penalty_list=old,
            number=index,
            category=category,
            basis=basis,
            violation=violation,
            legal_basis=law,
            conditions="初次违法且危害后果轻微并及时改正",
            treatment="不予行政处罚，进行教育",
        )
    publish_list(actor=d.actor, penalty_list=old, published_date=_day(600))
    current = create_penalty_list(actor=d.actor, unit=justice, year=_day(300).year, version="新版")
    items = [
        add_list_item(
            actor=d.actor,
            penalty_list=current,
            number=index,
            category=category,
            basis=basis,
            violation=violation,
            legal_basis=law,
            conditions="违法行为轻微并及时改正，没有造成危害后果"
            if category == ListCategory.NO_PENALTY
            else "符合第三十二条规定情形",
            treatment="不予行政处罚，进行教育"
            if category == ListCategory.NO_PENALTY
            else "在法定幅度内从轻或减轻处罚",
        )
        for index, (category, basis, violation, law) in enumerate(ITEMS, start=1)
    ]
    publish_list(actor=d.actor, penalty_list=current, published_date=_day(300))
    return items


def _inspections(d: _District):
    firms = ENTERPRISES[d.key]
    plans = [
        ("enf0", 0, 60, True),
        ("enf1", 0, 55, True),
        ("enf1", 1, 20, True),
        ("enf2", 2, 8, False),
        ("enf0", 1, -5, False),
    ]
    for serial, (agency, firm, ago, done) in enumerate(plans):
        inspection = report_inspection(
            actor=d.actor,
            unit=d.unit(agency),
            enterprise=firms[firm],
            credit_code=_credit_code(d.code, firm + 1),
            purpose="安全生产和产品质量监督检查" if serial % 2 else "双随机抽查",
            legal_basis="《安全生产法》第六十五条",
            planned_date=_day(ago),
            officers=d.officers[agency][:2],
        )
        if done:
            record_inspection_result(
                actor=d.actor,
                inspection=inspection,
                result_date=_day(ago),
                result="未发现违法行为" if serial % 2 else "发现消防通道堵塞，已责令整改",
                problems_found=not serial % 2,
            )


def _campaign(d: _District):
    campaign = create_campaign(
        actor=d.actor,
        unit=d.unit("justice"),
        title=f"{d.name}行政执法案卷评查（{_day(50).year}年度）",
        year=_day(50).year,
        started_date=_day(50),
    )
    candidates = selectable_actions(d.actor, campaign)
    files = select_case_files(
        actor=d.actor, campaign=campaign, candidates=candidates, count=2, seed=7
    )
    items = list(campaign.score_items.all())
    for index, case_file in enumerate(files):
        points = {item.pk: item.max_points for item in items}
        problems = ""
        if index % 2:
            points[items[3].pk] = items[3].max_points - 8
            problems = "未告知当事人陈述、申辩权利；送达回证缺失"
        score_case_file(
            actor=d.actor,
            case_file=case_file,
            points=points,
            problems=problems,
            scored_date=_day(40 - index),
        )
    agencies = sorted({f.agency for f in files}, key=lambda u: u.path)
    first = _issued(
        d,
        issue_notice(
            actor=d.actor,
            agency=agencies[0],
            campaign=campaign,
            problems=campaign_problems(campaign, agencies[0]) or "规范文书制作",
            issued_date=_day(30),
            due_date=_day(10),
        ),
    )
    respond_notice(
        actor=d.actor,
        notice=first,
        responded_date=_day(12),
        response="已组织执法人员学习程序规定，补正送达回证",
    )
    close_notice(actor=d.actor, notice=first, closed_date=_day(8))
    _issued(
        d,
        issue_notice(
            actor=d.actor,
            agency=agencies[-1],
            campaign=campaign,
            problems=campaign_problems(campaign, agencies[-1]) or "完善案卷归档",
            issued_date=_day(25),
            due_date=_day(-10),
        ),
    )


def _issued(d: _District, notice):
    """The notice's 整改通知书 approved by the bureau's 负责人, issued on its day and served."""
    document = notice.documents.get()
    approve_notice_document(actor=d.world.users[f"{d.key}_leader"], document=document)
    issue_notice_document(actor=d.actor, document=document, date=notice.issued_date)
    serve_notice_document(
        actor=d.actor,
        document=document,
        method="direct",
        date=notice.issued_date,
        recipient=notice.agency.name,
    )
    notice.refresh_from_db()
    return notice


def _supervision(d: _District):
    special = create_supervision(
        actor=d.actor,
        unit=d.unit("justice"),
        kind=SupervisionKind.SPECIAL,
        title=f"{d.name}“不罚、轻罚”清单落实专项监督",
        scope="三项制度落实、入企执法报备、免罚轻罚清单执行情况",
        team=f"{d.name}司法局执法监督科",
        date=_day(45),
        agencies=[d.unit("enf0"), d.unit("enf1")],
        findings="个别案件事后公示不及时",
    )
    _issued(
        d,
        issue_notice(
            actor=d.actor,
            agency=d.unit("enf1"),
            inspection=special,
            problems="事后公示不及时，请于期限内整改",
            issued_date=_day(40),
            due_date=_day(5),
        ),
    )
    routine = create_supervision(
        actor=d.actor,
        unit=d.unit("justice"),
        kind=SupervisionKind.ROUTINE,
        title=f"{d.name}重点领域行政执法监督检查",
        scope="汛期执法、乱罚款问题",
        team=f"{d.name}司法局执法监督科",
        date=_day(20),
        agencies=[d.unit("enf2"), d.unit("town0")],
    )
    _issued(
        d,
        issue_notice(
            actor=d.actor,
            agency=d.unit("enf2"),
            inspection=routine,
            problems="法制审核人员配备不足5%，请充实法制审核力量",
            issued_date=_day(15),
            due_date=_day(-7),
        ),
    )


def build_district(world: DemoWorld, key: str, name: str, code: str) -> None:
    d = _District(world, key, name, code)
    for suffix, powers in [
        ("enf0", ""),
        ("enf1", ""),
        ("enf2", ""),
        ("town0", "城市管理领域部分行政处罚权\n农业农村领域部分行政检查权"),
    ]:
        register_agency(
            actor=d.actor,
            unit=d.unit(suffix),
            legal_basis="《行政处罚法》第十七条、第二十四条；本级机构编制规定",
            devolved_powers=powers,
        )
    major = {
        agency: add_major_decision_item(
            actor=d.actor,
            unit=d.unit(agency),
            title="较大数额罚款（十万元以上）",
            ground=MajorGround.PUBLIC_INTEREST,
        )
        for agency in ("enf0", "enf1")
    }
    for agency in ("enf0", "enf1"):
        d.officer(agency, reviewer=True)
        d.officer(agency)
        d.officer(agency, issued_ago=500)
    d.officer("enf0", issued_ago=360, reviewed=False)  # 年审 due in a few days
    for _ in range(2):
        d.officer("enf2")
    suspended = d.officer("enf2", issued_ago=450)
    suspend_certificate(
        actor=d.actor, certificate=suspended.certificates.get(), reason="涉嫌违法违纪，正在调查"
    )
    d.officer("town0")
    d.officer("town0", issued_ago=200)
    d.officer("enf1", stage="applied")
    items = _penalty_lists(d)
    for agency in ("enf0", "enf1", "enf2"):
        for n, (outcome, item) in enumerate(
            [
                (PenaltyOutcome.PENALIZED, None),
                (PenaltyOutcome.NO_PENALTY, items[NO_PENALTY_ITEM[agency]]),
                (PenaltyOutcome.LIGHTER, items[4]),
                (PenaltyOutcome.PENALIZED, None),
            ],
            start=1,
        ):
            d.action(agency, n, 200 - 20 * n, party=n, decide=(outcome, item), full=n != 4)
    d.action("enf0", 5, 90, major=major["enf0"], decide=(PenaltyOutcome.PENALIZED, None))
    d.action("enf1", 6, 30, major=major["enf1"])  # awaiting 法制审核: cannot be decided yet
    d.action("town0", 7, 60, kind=ActionKind.INSPECTION, decide=("", None))
    _inspections(d)
    _campaign(d)
    _supervision(d)


def build(world: DemoWorld) -> None:
    for key, name, code, _, _ in DISTRICTS:
        build_district(world, key, name, code)
