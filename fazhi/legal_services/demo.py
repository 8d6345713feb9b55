"""Demo 公共法律服务 for every district: the centre, the township stations and a village room,
villages with advisers (one without, one 撤并 into another), the advisers' monthly logs,
12348 calls and visits, and a notary office with monthly reports and one open complaint, three 司法行政审批; in 西山区 a
12348 call referred to 法律援助 opens the application there (`xishan_pls_window`)."""

import datetime

from django.utils import timezone

from fazhi.core import services as core_services
from fazhi.core.demo import DEMO_PASSWORD, DemoWorld
from fazhi.core.roles import Role, WorkLine

from . import services
from .models import (
    AdviserKind,
    ApprovalDecision,
    ApprovalItem,
    ContactChannel,
    Level,
    NotaryCategory,
)

STAFF = {"donghu": "卢振华", "xishan": "车文静", "nanqiao": "包立群"}
VILLAGES = {
    "donghu": ["荷花村", "渔港社区", "柳岸村"],
    "xishan": ["松林村", "石门社区", "枫岭村"],
    "nanqiao": ["稻香村", "河湾社区", "桑园村"],
}
# A village 撤并 into the first of the district's (it leaves the roster; its adviser's term
# stops counting on the day).
MERGED = {"donghu": "芦湾村", "xishan": "竹坞村", "nanqiao": "杏林村"}
ADVISERS = {
    "donghu": ["韩律师（东湖）", "黎律师（东湖）"],
    "xishan": ["秦律师（西山）", "阎律师（西山）"],
    "nanqiao": ["孟律师（南桥）", "温律师（南桥）"],
}


# The district whose 12348 window opens a legal-aid application from a call (the others
# keep theirs as marked only, so that their legal-aid figures stay the legal-aid demo's).
REFERRING = "xishan"


def _refer(world, key, bureau, contact):
    """ "一端发起、三端响应": the centre's window, on 12348 and 法律援助, refers the caller's
    application to the agency through the legal-aid line's own service."""
    from fazhi.legal_aid.demo import id_number
    from fazhi.legal_aid.models import CaseType, EconomicCheck, Matter

    window = core_services.create_user(
        actor=world.admin,
        username=f"{key}_pls_window",
        full_name="邝明远",
        password=DEMO_PASSWORD,
        unit=bureau,
        role=Role.OFFICER,
        work_lines=[WorkLine.LEGAL_SERVICES, WorkLine.LEGAL_AID],
        must_change_password=False,
    )
    world.users[f"{key}_pls_window"] = window
    services.refer_to_legal_aid(
        actor=window,
        contact=contact,
        unit=bureau,
        received_date=contact.contact_date,
        applicant_name="詹国栋",
        applicant_id_number=id_number(key, 90),
        migrant_worker=True,
        case_type=CaseType.CIVIL,
        matter=Matter.LABOUR,
        summary="12348来电：在工地务工三个月，包工头拖欠工资两万元",
        economic_check=EconomicCheck.PLEDGE,
        economic_evidence="诚信承诺：务工收入为唯一来源，家庭无其他收入",
    )


def _day(ago: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=ago)


def build(world: DemoWorld) -> None:
    for key in world.districts:
        _build(world, key)


def _build(world, key):
    bureau = world.units[f"{key}_justice"]
    district = world.units[key]
    officer = core_services.create_user(
        actor=world.admin,
        username=f"{key}_pls_officer",
        full_name=STAFF[key],
        password=DEMO_PASSWORD,
        unit=bureau,
        role=Role.OFFICER,
        work_lines=[WorkLine.LEGAL_SERVICES],
        must_change_password=False,
    )
    world.users[f"{key}_pls_officer"] = officer
    services.register_point(
        actor=officer,
        unit=bureau,
        name=f"{district.name}公共法律服务中心",
        level=Level.CENTRE,
        established_date=_day(900),
        staff=8,
        hours="工作日 8:30-17:30",
        services="法律咨询、法律援助、人民调解、公证",
        rating=5,
    )
    townships = [world.units[f"{key}_town{i}"] for i in range(2)]
    for index, township in enumerate(townships):
        services.register_point(
            actor=officer,
            unit=bureau,
            name=f"{township.name}公共法律服务工作站",
            level=Level.STATION,
            established_date=_day(600 - index * 200),
            staff=3,
            hours="工作日 9:00-17:00",
            services="法律咨询、人民调解",
            rating=4 - index,
        )
    services.register_point(
        actor=officer,
        unit=bureau,
        name=f"{townships[0].name}{VILLAGES[key][0]}公共法律服务工作室",
        level=Level.ROOM,
        established_date=_day(120),
        staff=1,
        hours="每周三下午",
    )
    villages = [
        services.register_village(
            actor=officer,
            unit=bureau,
            township=townships[i % 2],
            name=name,
            listed_date=_day(800),
        )
        for i, name in enumerate(VILLAGES[key])
    ]
    month = _day(0).replace(day=1)
    last_month = (month - datetime.timedelta(days=1)).replace(day=1)
    for village, adviser_name in zip(villages[:2], ADVISERS[key], strict=True):
        adviser = services.appoint_adviser(
            actor=officer,
            village=village,
            name=adviser_name,
            kind=AdviserKind.LAWYER,
            firm=f"{district.name}律师事务所",
            start=_day(400),
            end=_day(-330),
        )
        for when, figures in ((last_month, (12, 2, 1, 3, 1)), (month, (8, 1, 1, 2, 0))):
            services.log_adviser_month(
                actor=officer,
                village=village,
                adviser=adviser,
                month=when,
                consultations=figures[0],
                disputes=figures[1],
                lectures=figures[2],
                documents=figures[3],
                aid_referrals=figures[4],
            )
    # villages[2] has no adviser: listed as such.
    merged = services.register_village(
        actor=officer,
        unit=bureau,
        township=townships[0],
        name=MERGED[key],
        listed_date=_day(800),
    )
    services.appoint_adviser(
        actor=officer,
        village=merged,
        name=f"{ADVISERS[key][0]}（兼）",
        kind=AdviserKind.LAWYER,
        firm=f"{district.name}律师事务所",
        start=_day(700),
        end=_day(-30),
    )
    services.remove_village(
        actor=officer, village=merged, removed_date=_day(200), merged_into=villages[0]
    )
    for ago, channel, category, answered, minutes, satisfaction, referral in (
        (1, ContactChannel.PHONE, "劳动", True, 12, "satisfied", "legal_aid"),
        (2, ContactChannel.PHONE, "婚姻家庭", True, 8, "basic", ""),
        (2, ContactChannel.PHONE, "合同", False, 0, "", ""),
        (3, ContactChannel.ONLINE, "房屋土地", True, 0, "satisfied", "mediation"),
        (4, ContactChannel.VISIT, "继承", True, 25, "", ""),
        (5, ContactChannel.PHONE, "交通事故", True, 15, "dissatisfied", ""),
    ):
        contact = services.register_contact(
            actor=officer,
            unit=bureau,
            contact_date=_day(ago),
            channel=channel,
            category=category,
            answered=answered,
            duration_minutes=minutes,
            satisfaction=satisfaction,
            follow_up="已回访，补充解答赔偿标准" if satisfaction == "dissatisfied" else "",
            referral=referral,
        )
        if referral == "legal_aid" and key == REFERRING:
            _refer(world, key, bureau, contact)
    office = services.register_office(
        actor=officer, unit=bureau, name=f"{district.name}公证处", notaries=5
    )
    for when in (last_month, month):
        for category, cases in ((NotaryCategory.CIVIL, 120), (NotaryCategory.ECONOMIC, 40)):
            services.report_month(
                actor=officer,
                office=office,
                month=when,
                category=category,
                cases=cases,
                refusals=2,
                fee_waivers=3,
                timed=cases,
                on_time=cases - 4,
            )
    services.register_complaint(
        actor=officer,
        office=office,
        received_date=_day(10),
        notary="公证员甲",
        content="办理继承公证时间过长",
    )
    _approvals(officer, bureau, district)


def _approvals(officer, bureau, district):
    """司法行政审批: one granted, one refused with its reason, one still open."""
    for ago, item, applicant, decided, decision, reason in (
        (40, ApprovalItem.LAWYER, "申请律师甲", 26, ApprovalDecision.FORWARDED, ""),
        (
            30,
            ApprovalItem.GRASSROOTS,
            "申请人乙",
            12,
            ApprovalDecision.REFUSED,
            "不具备规定的学历条件",
        ),
        (3, ApprovalItem.LAW_FIRM, "明理律师事务所（筹）", None, "", ""),
    ):
        # the district in each name: a sibling's record never reads like one's own
        approval = services.register_approval(
            actor=officer,
            unit=bureau,
            item=item,
            applicant=f"{applicant}（{district.name}）",
            received_date=_day(ago),
        )
        if decided is not None:
            services.decide_approval(
                actor=officer,
                approval=approval,
                decided_date=_day(decided),
                decision=decision,
                reason=reason,
            )
