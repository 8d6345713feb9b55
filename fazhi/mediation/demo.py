"""Demo 人民调解 data for every district: three committees (a village committee and a
township committee guided by the two 司法所, a 行业性专业性 traffic committee guided by the
bureau), their mediators (one sitting on two committees), a year of disputes from every
source through agreement, judicial confirmation and 回访, screening rounds and nil reports.
Names differ in every district: the scoping test looks for the sibling's records by text."""

import datetime
import decimal

from django.utils import timezone

from fazhi.core.demo import TOWNSHIPS

from . import services
from .models import (
    AgreementForm,
    CommitteeKind,
    ConfirmationResult,
    DisputeKind,
    Employment,
    EndReason,
    Gender,
    Performance,
    Prevented,
    Risk,
    RouteWay,
    Source,
)

# (name, gender, ethnicity, employment) per district: 8 mediators.
MEDIATORS = {
    "donghu": [
        "秦海燕 F",
        "邓国栋 M",
        "苗春来 M",
        "柏玉兰 F 回族",
        "霍振华 M",
        "鲍文静 F",
        "简立伟 M",
        "滕晓光 M",
    ],
    "xishan": [
        "窦丽娟 F",
        "聂长青 M",
        "司马远 M",
        "蓝秀英 F 壮族",
        "危建平 M",
        "卜文惠 F",
        "幸志强 M",
        "晏光明 M",
    ],
    "nanqiao": [
        "裘月华 F",
        "酆德胜 M",
        "邬宏亮 M",
        "麦秀琴 F 瑶族",
        "杭建设 M",
        "寇春梅 F",
        "禹卫东 M",
        "扈永年 M",
    ],
}
PARTY_SURNAMES = {"donghu": "姚殷", "xishan": "甘戚", "nanqiao": "厉巫"}
REFERENCE = {"donghu": "湖公", "xishan": "西公", "nanqiao": "南公"}


def _mediators(world, key, unit):
    result = []
    for index, entry in enumerate(MEDIATORS[key]):
        parts = entry.split()
        name, gender = parts[0], Gender.FEMALE if parts[1] == "F" else Gender.MALE
        result.append(
            services.register_mediator(
                actor=world.admin,
                unit=unit,
                name=name,
                gender=gender,
                ethnicity=parts[2] if len(parts) > 2 else "汉族",
                birth_date=datetime.date(1965 + index * 3, 3 + index, 10),
                employment=Employment.FULL_TIME if index % 2 == 0 else Employment.PART_TIME,
                specialty=["婚姻家庭", "邻里纠纷", "交通事故", "劳动争议"][index % 4],
                expert=index in (2, 5),
                trained_date=timezone.localdate() - datetime.timedelta(days=60 + index),
                appointed_date=timezone.localdate() - datetime.timedelta(days=500 + index),
                phone=f"1390000{index:04d}",
            )
        )
    return result


def build(world):
    today = timezone.localdate()
    for key in world.districts:
        district = world.units[key]
        town0, town1 = world.units[f"{key}_town0"], world.units[f"{key}_town1"]
        justice = world.units[f"{key}_justice"]
        people = _mediators(world, key, town0)
        term = today - datetime.timedelta(days=400)
        village = services.register_committee(
            actor=world.admin,
            unit=town0,
            name=f"{TOWNSHIPS[key][0]}{district.name[:2]}社区人民调解委员会",
            kind=CommitteeKind.VILLAGE,
            founder=f"{TOWNSHIPS[key][0]}{district.name[:2]}社区居民委员会",
            term_start=term,
            director=people[0],
            members=people[1:4],
            appointed=[people[6]],
        )
        services.record_filing(
            actor=world.admin,
            committee=village,
            filed_date=term + datetime.timedelta(days=10),
            court_notified_date=term + datetime.timedelta(days=20),
        )
        township = services.register_committee(
            actor=world.admin,
            unit=town1,
            name=f"{district.name}{TOWNSHIPS[key][1]}人民调解委员会",
            kind=CommitteeKind.TOWNSHIP,
            founder=f"{district.name}{TOWNSHIPS[key][1]}",
            term_start=term,
            director=people[5],
            members=[people[3], people[4], people[7]],
        )
        traffic = services.register_committee(
            actor=world.admin,
            unit=justice,
            name=f"{district.name}道路交通事故纠纷人民调解委员会",
            abbreviation=f"{district.name[:2]}交调",
            kind=CommitteeKind.SPECIALIZED,
            field="道路交通事故",
            founder=f"{district.name}司法局",
            term_start=today - datetime.timedelta(days=20),
            director=people[2],
            members=[people[1], people[5]],
        )
        mediator_user = world.users.get(f"{key}_mediator", world.admin)
        _disputes(world, key, mediator_user, village, township, traffic, people, today)
        _screenings(mediator_user, world.admin, key, village, township, today)


def _party(key, index):
    surnames = PARTY_SURNAMES[key]
    return f"{surnames[index % 2]}{'某甲乙丙丁戊己庚辛壬癸'[index % 11]}{'明华强军芳丽'[index % 6]}"


def _disputes(world, key, actor, village, township, traffic, people, today):
    def ago(days):
        return today - datetime.timedelta(days=days)

    def register(committee, mediator, n, source, kind, days, **extra):
        reference = extra.pop("reference", "")
        if source in (Source.POLICE,):
            reference = reference or f"{REFERENCE[key]}移字〔{ago(days).year}〕{n}号"
        elif not reference and source != Source.APPLICATION and source != Source.INITIATIVE:
            reference = f"{REFERENCE[key]}转〔{ago(days).year}〕{n}号"
        committee_actor = actor if committee.unit_id == village.unit_id else world.admin
        return committee_actor, services.register_dispute(
            actor=committee_actor,
            committee=committee,
            source=source,
            source_reference=reference,
            kind=kind,
            summary=f"{_party(key, n)}与{_party(key, n + 1)}因{DisputeKind(kind).label[:-2]}发生纠纷。",
            received_date=ago(days),
            mediator=mediator,
            applicant=_party(key, n),
            respondent=_party(key, n + 1),
            **extra,
        )

    def agree(who, dispute, days, form=AgreementForm.WRITTEN, amount="0"):
        services.record_session(
            actor=who,
            dispute=dispute,
            date=ago(days + 1),
            place="调解室",
            present="双方当事人、调解员",
            record="双方陈述纠纷经过，调解员释法说理，双方同意协商解决。",
        )
        signed = form == AgreementForm.WRITTEN
        return services.record_agreement(
            actor=who,
            dispute=dispute,
            form=form,
            content="双方自愿达成如下协议：一方赔偿对方损失，双方今后互不追究。",
            effective_date=ago(days),
            amount=decimal.Decimal(amount),
            parties_signed=signed,
            mediator_signed=signed,
            sealed=signed,
        )

    def follow(who, dispute, days, performance=Performance.FULL):
        services.record_follow_up(
            actor=who, dispute=dispute, date=ago(days), visitor="回访员", performance=performance
        )

    court = f"{world.units[key].name}人民法院"
    # 1. police transfer → written agreement → 司法确认 confirmed → 回访 (closed)
    who, d = register(village, people[0], 1, Source.POLICE, DisputeKind.NEIGHBOUR, 300)
    agree(who, d, 290, amount="3000")
    services.apply_confirmation(actor=who, dispute=d, court=court, applied_date=ago(285))
    services.record_court_decision(
        actor=who,
        dispute=d,
        accepted_date=ago(284),
        court_number=f"（{ago(284).year}）{REFERENCE[key]}民特调确1号",
        result=ConfirmationResult.CONFIRMED,
        decided_date=ago(275),
    )
    follow(who, d, 260)
    services.publish_typical_case(
        actor=who,
        dispute=d,
        title=f"{village.name}化解{_party(key, 1)}邻里纠纷",
        text=f"{_party(key, 1)}与{_party(key, 2)}因排水问题争执，经派出所移交，调解员上门调解达成协议并经司法确认。",
    )
    # 2. court referral before filing → oral agreement → closed
    who, d = register(village, people[1], 3, Source.COURT_PRE_FILING, DisputeKind.CONTRACT, 250)
    agree(who, d, 240, form=AgreementForm.ORAL, amount="12000")
    services.record_return(actor=who, dispute=d, returned_date=ago(239), note="已达成口头协议")
    follow(who, d, 220)
    # 3. court referral before filing → failure (第二十六条)
    who, d = register(village, people[2], 5, Source.COURT_PRE_FILING, DisputeKind.DAMAGE, 200)
    services.end_mediation(
        actor=who,
        dispute=d,
        reason=EndReason.FAILED,
        ended_date=ago(180),
        routes_told="可以依法向人民法院提起诉讼",
    )
    # 4. application → written agreement, partly performed
    who, d = register(township, people[5], 7, Source.APPLICATION, DisputeKind.FAMILY, 150)
    agree(who, d, 140)
    follow(who, d, 120, Performance.PARTIAL)
    # 5. petition office → the respondent refuses (第十七条)
    who, d = register(
        township, people[4], 9, Source.PETITION, DisputeKind.LAND, 120, referred_date=ago(122)
    )
    # the office registered it and routed it late (第二十二条), then extended its 60 days
    # by 20 (第三十四条)
    services.record_petition_routing(
        actor=who,
        dispute=d,
        registered_date=ago(140),
        routed_date=ago(122),
        way=RouteWay.TRANSFER,
        recipient=township.name,
    )
    # the committee told the petitioner in writing within its 15 days (第二十三条第三款)
    services.record_petition_notice(actor=who, dispute=d, notice_date=ago(112), to=_party(key, 9))
    services.extend_petition_handling(
        actor=who,
        dispute=d,
        days=20,
        approver="区信访局负责人",
        reason="涉及山林权属，需要调取林权档案",
        approved_date=ago(70),
        notice_date=ago(69),
    )
    services.end_mediation(actor=who, dispute=d, reason=EndReason.REFUSED, ended_date=ago(118))
    # 6. 12345 → agreement → 司法确认 accepted, not yet decided
    who, d = register(village, people[3], 11, Source.HOTLINE, DisputeKind.PROPERTY, 30)
    agree(who, d, 12, amount="800")
    services.apply_confirmation(actor=who, dispute=d, court=court, applied_date=ago(8))
    services.record_court_decision(
        actor=who,
        dispute=d,
        accepted_date=ago(7),
        court_number=f"（{ago(7).year}）{REFERENCE[key]}民特调确2号",
    )
    # 7. non-public family dispute, period extended with both parties' consent
    who, d = register(
        village, people[0], 13, Source.APPLICATION, DisputeKind.FAMILY, 40, non_public=True
    )
    services.extend_period(
        actor=who, dispute=d, extended_due=ago(-10), both_consent=True, note="双方要求继续调解"
    )
    # 8. police transfer, in mediation, period running
    register(village, people[1], 15, Source.POLICE, DisputeKind.NEIGHBOUR, 10)
    # 9. an agreement two days old: the 30-day window runs (due list)
    who, d = register(village, people[2], 17, Source.INITIATIVE, DisputeKind.NEIGHBOUR, 6)
    agree(who, d, 2, amount="500")
    # 10. court referral after filing, simple procedure, on the traffic committee
    who, d = register(
        traffic,
        people[2],
        19,
        Source.COURT_POST_FILING,
        DisputeKind.TRAFFIC,
        15,
        simple_procedure=True,
        reference=f"（{ago(15).year}）{REFERENCE[key]}民初{19}号",
    )
    agree(who, d, 10, amount="26000")


def _screenings(actor, admin, key, village, township, today):
    this_month = today.replace(day=1)
    for months_back in range(1, 6):
        month = (this_month - datetime.timedelta(days=28 * months_back)).replace(day=1)
        day = month + datetime.timedelta(days=4)
        findings = [
            {
                "description": f"{_party(key, months_back)}家与邻居因排水问题争执",
                "risk": Risk.YELLOW,
            },
        ]
        if months_back == 2:
            findings.append(
                {
                    "description": f"{_party(key, 20)}扬言报复讨债人",
                    "risk": Risk.RED,
                    "reported_to_police": True,
                }
            )
        screening = services.record_screening(
            actor=actor,
            committee=village,
            date=day,
            area=f"{village.name[:-7]}辖区",
            screener="网格员",
            findings=findings,
        )
        for finding in screening.findings.all():
            services.settle_finding(
                actor=actor,
                finding=finding,
                prevented=Prevented.CRIMINAL if finding.risk == Risk.RED else "",
                reported_to_police=finding.reported_to_police,
            )
        if months_back in (1, 3):
            services.file_nil_report(actor=admin, committee=township, month=month)
    # This month: the village committee has screened; the others have not reported yet.
    services.record_screening(
        actor=actor,
        committee=village,
        date=today,
        area=f"{village.name[:-7]}辖区",
        screener="网格员",
        findings=[{"description": f"{_party(key, 30)}与物业因停车费争执", "risk": Risk.ORANGE}],
    )
