"""Demo 法律援助 for every district: the agency's staff and one lawyer with an account, the
roster, the subsidy standard (two versions), applications and notified cases in every state
(pending review, 补正, refused with an objection, assigned, closed, graded and paid), and
consultations by every channel, duty lawyers' days (第十四条) and 宣传活动 (第十条)."""

import datetime
from decimal import Decimal

from django.utils import timezone
from stdnum.cn import ric

from fazhi.core import services as core_services
from fazhi.core.demo import DEMO_PASSWORD, DemoWorld
from fazhi.core.roles import DataScope, Role, WorkLine

from . import services
from .models import (
    CaseType,
    Channel,
    Complaint,
    DutyPlace,
    EconomicCheck,
    Exemption,
    Grade,
    Matter,
    NotifyingOrgan,
    ProgressKind,
    ProviderKind,
    QualityMethod,
    Referral,
)

# Different in every district: the scoping test looks for the sibling's records by their texts.
STAFF = {
    "donghu": ("蒋文华", "范秋实", "程立诚"),
    "xishan": ("傅海燕", "卜志成", "尹若谷"),
    "nanqiao": ("邱明远", "骆佳宁", "柏青山"),
}
FIRMS = {
    "donghu": ("东湖明理律师事务所", "湖滨法律服务所"),
    "xishan": ("西山正衡律师事务所", "山前法律服务所"),
    "nanqiao": ("南桥守正律师事务所", "桥东法律服务所"),
}
PEOPLE = {
    "donghu": ["彭小军", "曹秀英", "邓卫东", "任桂兰", "魏志强", "潘晓燕", "田国庆", "董春花"],
    "xishan": ["汤建华", "苏玉珍", "蔡永福", "余凤英", "杜海波", "戴丽娟", "夏德胜", "钟秀云"],
    "nanqiao": ["汪立平", "方桂芳", "石金山", "姚淑珍", "谭永刚", "廖美玲", "邹长林", "熊玉兰"],
}
BIRTH_REGIONS = {"donghu": "370402", "xishan": "370403", "nanqiao": "370404"}


def _day(ago: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=ago)


def id_number(key: str, serial: int, year: int = 1990) -> str:
    base = f"{BIRTH_REGIONS[key]}{year}{serial % 12 + 1:02d}{serial % 27 + 1:02d}{serial + 500:03d}"
    return next(base + c for c in "0123456789X" if ric.is_valid(base + c))


def _user(world, key, suffix, name, role, scope=DataScope.OWN_UNIT, lines=None):
    user = core_services.create_user(
        actor=world.admin,
        username=f"{key}_{suffix}",
        full_name=name,
        password=DEMO_PASSWORD,
        unit=world.units[f"{key}_justice"],
        role=role,
        data_scope=scope,
        work_lines=lines or [WorkLine.LEGAL_AID],
        must_change_password=False,
    )
    world.users[f"{key}_{suffix}"] = user
    return user


def build(world: DemoWorld) -> None:
    for key in world.districts:
        _District(world, key).build()


class _District:
    def __init__(self, world, key):
        self.key = key
        self.unit = world.units[f"{key}_justice"]
        officer, reviewer, lawyer = STAFF[key]
        self.officer = _user(world, key, "aid_officer", officer, Role.OFFICER)
        self.reviewer = _user(world, key, "aid_reviewer", reviewer, Role.REVIEWER)
        # The assigned lawyer sees the cases assigned to him (仅本人).
        self.lawyer_user = _user(
            world, key, "aid_lawyer", lawyer, Role.OFFICER, scope=DataScope.OWN_RECORDS
        )
        self.serial = 0

    def person(self):
        self.serial += 1
        return PEOPLE[self.key][(self.serial - 1) % 8], id_number(self.key, self.serial)

    def build(self):
        firm, station = FIRMS[self.key]
        o, r = self.officer, self.reviewer
        senior = services.register_provider(
            actor=o,
            unit=self.unit,
            name=STAFF[self.key][2],
            kind=ProviderKind.LAWYER,
            firm=firm,
            practice_since=_day(365 * 12),
            license_number=f"1{BIRTH_REGIONS[self.key]}200810001",
            user=self.lawyer_user,
        )
        junior = services.register_provider(
            actor=o,
            unit=self.unit,
            name=PEOPLE[self.key][7] + "律师",
            kind=ProviderKind.LAWYER,
            firm=firm,
            practice_since=_day(365 * 2),
        )
        worker = services.register_provider(
            actor=o,
            unit=self.unit,
            name=PEOPLE[self.key][6] + "（法律服务工作者）",
            kind=ProviderKind.GRASSROOTS,
            firm=station,
            practice_since=_day(365 * 6),
            criminal_experience=False,
        )
        for case_type, base, performance in (
            (CaseType.CRIMINAL, 1500, 500),
            (CaseType.CIVIL, 1800, 600),
            (CaseType.ADMINISTRATIVE, 1800, 600),
        ):
            services.add_standard(
                actor=r,
                unit=self.unit,
                version="示范省法律援助办案补贴标准（2021年）",
                effective_from=datetime.date(2021, 1, 1),
                case_type=case_type,
                base_amount=Decimal(base - 300),
                performance_amount=Decimal(performance - 100),
            )
            services.add_standard(
                actor=r,
                unit=self.unit,
                version="示范省法律援助办案补贴标准（2024年修订）",
                effective_from=datetime.date(2024, 1, 1),
                case_type=case_type,
                base_amount=Decimal(base),
                performance_amount=Decimal(performance),
            )

        # 1. A court's notification in a life-or-death case: the senior lawyer, closed, graded, paid.
        name, number = self.person()
        case = services.register_notice(
            actor=o,
            unit=self.unit,
            notifying_organ=NotifyingOrgan.COURT,
            case_organ=f"{self.unit.parent.name}人民法院",
            notice_date=_day(122),
            organ_found_date=_day(123),
            received_date=_day(121),
            applicant_name=name,
            applicant_id_number=number,
            matter=Matter.NOTIFIED_DEFENCE,
            summary="被告人涉嫌故意杀人，可能判处无期徒刑以上刑罚，没有委托辩护人",
            criminal_charge="故意杀人罪",
            life_or_death=True,
        )
        services.assign(actor=o, case=case, provider=senior, assigned_date=_day(120))
        services.record_agreement(actor=self.lawyer_user, case=case, agreement_date=_day(119))
        for kind, ago in (
            (ProgressKind.MEETING, 115),
            (ProgressKind.FILE_READING, 100),
            (ProgressKind.HEARING, 70),
        ):
            services.record_progress(actor=self.lawyer_user, case=case, date=_day(ago), kind=kind)
        services.close(
            actor=self.lawyer_user,
            case=case,
            concluded_date=_day(50),
            closed_date=_day(45),
            result="一审判决采纳部分辩护意见",
        )
        services.record_quality_check(
            actor=r, case=case, date=_day(40), method=QualityMethod.FILE, grade=Grade.EXCELLENT
        )
        services.pay_subsidy(actor=r, case=case, paid_date=_day(30))

        # 2. A migrant worker's wages (第四十二条第三项): granted, assigned, closed, graded.
        name, number = self.person()
        case = services.register_application(
            actor=o,
            unit=self.unit,
            applicant_name=name,
            applicant_id_number=number,
            migrant_worker=True,
            case_type=CaseType.CIVIL,
            matter=Matter.LABOUR,
            summary="在建筑工地务工，被拖欠劳动报酬三万二千元",
            economic_check=EconomicCheck.EXEMPT,
            exemption=Exemption.MIGRANT_WAGES,
            received_date=_day(95),
        )
        services.grant(actor=r, case=case, decided_date=_day(93))
        services.assign(actor=o, case=case, provider=worker, assigned_date=_day(92))
        services.record_progress(
            actor=o, case=case, date=_day(60), kind=ProgressKind.MEDIATION, note="劳动仲裁调解"
        )
        services.close(
            actor=o,
            case=case,
            concluded_date=_day(40),
            closed_date=_day(35),
            result="仲裁调解，用人单位支付劳动报酬",
            amount_recovered=Decimal("32000"),
        )
        services.record_quality_check(
            actor=r, case=case, date=_day(20), method=QualityMethod.FOLLOW_UP, grade=Grade.GOOD
        )
        # The recipient complained that he was not told how the case stood (第五十五条).
        services.record_complaint(
            actor=o,
            case=case,
            received_date=_day(30),
            complainant=name,
            relation=Complaint.Relation.RECIPIENT,
            against=Complaint.Against.PROVIDER,
            content=f"承办人员未及时告知{name}仲裁进展",
        )
        services.accept_complaint(actor=r, case=case, accepted_date=_day(29))
        services.handle_complaint(
            actor=r,
            case=case,
            handled_date=_day(18),
            outcome=Complaint.Outcome.CORRECTED,
            result=f"经核实，承办人员未按规定向{name}通报办理情况，已责令改正",
        )
        services.reply_complaint(actor=o, case=case, replied_date=_day(16))

        # 3. Support payments by pledge (第四十一条): waiting for the decision.
        name, number = self.person()
        services.register_application(
            actor=o,
            unit=self.unit,
            applicant_name=name,
            applicant_id_number=number,
            elderly=True,
            woman=True,
            case_type=CaseType.CIVIL,
            matter=Matter.SUPPORT,
            summary="子女拒不支付赡养费",
            economic_check=EconomicCheck.PLEDGE,
            economic_evidence="本人作出诚信承诺：无固定收入，每月领取养老金一千一百元",
            received_date=_day(3),
        )

        # 4. A traffic-accident claim with materials missing: 补正 notified.
        name, number = self.person()
        case = services.register_application(
            actor=o,
            unit=self.unit,
            applicant_name=name,
            applicant_id_number=number,
            disabled=True,
            case_type=CaseType.CIVIL,
            matter=Matter.INJURY,
            summary="交通事故致残，请求人身损害赔偿",
            economic_check=EconomicCheck.INFORMATION_SHARING,
            economic_evidence="经社会救助信息平台查询：家庭人均月收入低于当地低保标准",
            received_date=_day(6),
        )
        services.request_supplement(
            actor=o, case=case, requested_date=_day(5), items="交通事故责任认定书、伤残鉴定意见"
        )

        # 5. Refused; the applicant objected (第四十九条).
        name, number = self.person()
        case = services.register_application(
            actor=o,
            unit=self.unit,
            applicant_name=name,
            applicant_id_number=number,
            case_type=CaseType.CIVIL,
            matter=Matter.OTHER_CIVIL,
            summary="合同纠纷，请求返还借款",
            economic_check=EconomicCheck.INFORMATION_SHARING,
            economic_evidence="经查询：申请人名下有商品房两套、机动车一辆",
            received_date=_day(12),
        )
        services.refuse(
            actor=r,
            case=case,
            decided_date=_day(10),
            refusal_reason="经核查，申请人经济状况不符合本省经济困难标准（法律援助法 第三十四条）",
        )
        services.record_objection(
            actor=o, case=case, received_date=_day(1), grounds="申请人称房产已抵押，实际无力负担"
        )

        # 6. A police notification of a minor suspect: to be assigned within 3 days.
        name, number = self.person()
        services.register_notice(
            actor=o,
            unit=self.unit,
            notifying_organ=NotifyingOrgan.POLICE,
            case_organ=f"{self.unit.parent.name}公安分局",
            notice_date=_day(1),
            received_date=_day(1),
            applicant_name=name,
            applicant_id_number=id_number(self.key, self.serial, 2010),
            minor=True,
            matter=Matter.NOTIFIED_DEFENCE,
            summary="未成年犯罪嫌疑人涉嫌盗窃，没有委托辩护人",
            criminal_charge="盗窃罪",
        )

        # 7. A detained person's request forwarded within 24 hours (第三十九条): assigned.
        name, number = self.person()
        now = timezone.now()
        case = services.register_application(
            actor=o,
            unit=self.unit,
            applicant_name=name,
            applicant_id_number=number,
            case_type=CaseType.CRIMINAL,
            matter=Matter.CRIMINAL_DEFENCE,
            summary="犯罪嫌疑人被羁押，经济困难无力委托辩护人",
            criminal_charge="危险驾驶罪",
            economic_check=EconomicCheck.PLEDGE,
            economic_evidence="本人诚信承诺：务农，家庭年收入不足两万元",
            received_date=_day(20),
            requested_at=now - datetime.timedelta(days=21, hours=2),
            forwarded_at=now - datetime.timedelta(days=20, hours=9),
        )
        services.grant(actor=r, case=case, decided_date=_day(18))
        services.assign(actor=o, case=case, provider=junior, assigned_date=_day(17))
        services.record_progress(actor=o, case=case, date=_day(15), kind=ProgressKind.MEETING)

        # Consultations by every channel.
        for index, (channel, referral, question) in enumerate(
            (
                (Channel.VISIT, Referral.APPLICATION, "被拖欠工资如何申请法律援助"),
                (Channel.HOTLINE, "", "离婚后子女抚养费标准"),
                (Channel.LETTER, Referral.MEDIATION, "邻里通行纠纷"),
                (Channel.ONLINE, Referral.LAWYER, "公司股权转让合同审查"),
            )
        ):
            services.register_consultation(
                actor=o,
                unit=self.unit,
                date=_day(2 + index * 9),
                channel=channel,
                person_name=PEOPLE[self.key][index] + "（咨询）",
                question=question,
                answer="已告知相关法律规定和办理途径",
                referral=referral,
            )

        # 值班律师 at the detention centre and the court (第十四条), and 宣传活动 (第十条).
        district = self.unit.parent.name
        for ago, place, name, persons, witnessed in (
            (3, DutyPlace.DETENTION, f"{district}看守所", 6, 4),
            (10, DutyPlace.COURT, f"{district}人民法院", 3, 1),
            (40, DutyPlace.PROCURATORATE, f"{district}人民检察院", 5, 5),
        ):
            services.register_duty_service(
                actor=o,
                unit=self.unit,
                date=_day(ago),
                place=place,
                place_name=name,
                provider=junior if ago == 10 else senior,
                persons=persons,
                plea_witnessed=witnessed,
            )
        for ago, title, place, audience, participants in (
            (6, f"“法援惠民生”进{district}社区", f"{district}中心广场", "社区居民、老年人", 120),
            (35, f"{district}农民工讨薪法律援助专场", f"{district}工业园区", "农民工", 85),
        ):
            services.register_outreach_event(
                actor=o,
                unit=self.unit,
                date=_day(ago),
                title=title,
                place=place,
                audience=audience,
                participants=participants,
            )
