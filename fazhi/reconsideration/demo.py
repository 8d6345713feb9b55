"""Demo cases for each district: every state and outcome, dated relative to today, some
due soon and some overdue."""

import datetime

from django.utils import timezone

from . import services
from .models import ActKind, Channel, OpinionLetter, Procedure, Suspension

APPLICANTS = {
    "donghu": [
        "孙立新",
        "东湖明远商贸有限公司",
        "郑晓梅",
        "冯国栋",
        "褚建华",
        "卫思远",
        "蒋丽娜",
        "沈浩然",
        "韩雪",
        "杨春生",
        "朱志刚",
        "秦雨桐",
        "尤佳",
        "许文博",
        "何志明",
        "吕德安",
        "施卫东",
        "张秀兰",
        "孔令辉",
        "曹文静",
    ],
    "xishan": [
        "吕振宇",
        "西山恒达物流有限公司",
        "施美玲",
        "张国华",
        "孔繁星",
        "曹晓东",
        "严婷婷",
        "华建军",
        "金明辉",
        "魏秀英",
        "陶立平",
        "姜海涛",
        "戚云",
        "谢宏伟",
        "邹凯",
        "喻德华",
        "柏林峰",
        "水清扬",
        "窦建新",
        "章立群",
    ],
    "nanqiao": [
        "喻光明",
        "南桥丰收农业合作社",
        "柏玉兰",
        "水长青",
        "窦志强",
        "章国庆",
        "云秀芳",
        "苏建平",
        "潘丽华",
        "葛明亮",
        "奚文涛",
        "范春燕",
        "彭远航",
        "郎晓峰",
        "鲁思源",
        "韦国强",
        "昌明月",
        "马云飞",
        "苗凤英",
        "凤家乐",
    ],
}
ALL_CONDITIONS = {key: True for key, _ in services.ACCEPTANCE_CONDITIONS}


def build(world) -> None:
    today = timezone.localdate()
    for key in world.districts:
        _district_cases(world, key, today)


def _district_cases(world, key, today):
    officer = world.users[f"{key}_officer"]
    leader = world.users[f"{key}_leader"]
    unit = world.units[f"{key}_justice"]
    names = iter(APPLICANTS[key])
    respondents = [world.units[f"{key}_enf{i}"] for i in range(3)] + [world.units[f"{key}_gov"]]

    def day(n):
        return today - datetime.timedelta(days=n)

    def register(received, *, kind=ActKind.PENALTY, amount=None, respondent=0, organisation=False):
        name = next(names)
        applicant = {"kind": "organisation" if organisation else "person", "name": name}
        return services.register_case(
            actor=officer,
            unit=unit,
            channel=Channel.IN_PERSON,
            received_date=day(received),
            request="请求撤销被申请人作出的行政行为",
            reasons="申请人认为该行政行为认定事实不清。",
            respondent=respondents[respondent % 4],
            act_kind=kind,
            act_number=f"{respondents[respondent % 4].name[:4]}罚决字〔{day(received).year}〕{received}号",
            act_date=day(received + 30),
            act_known_date=day(received + 20),
            act_amount=amount,
            applicants=[applicant],
        )

    def accepted(received, procedure=Procedure.ORDINARY, **kwargs):
        case = register(received, **kwargs)
        case = services.accept(
            actor=officer,
            case=case,
            date=day(received - 2),
            conditions=ALL_CONDITIONS,
            procedure=procedure,
            simple_by_consent=procedure == Procedure.SIMPLE,
        )
        return services.send_copy(actor=officer, case=case, date=day(received - 4))

    def heard(received, **kwargs):
        case = accepted(received, **kwargs)
        case = services.record_reply(
            actor=officer, case=case, date=day(received - 12), summary="被申请人提交答复及证据"
        )
        return services.hear_views(
            actor=officer,
            case=case,
            date=day(received - 20),
            summary="电话听取申请人、被申请人意见",
        )

    def decided(received, outcome, ground="", served=True, **kwargs):
        case = heard(received, **kwargs)
        case = services.decide(
            actor=leader,
            case=case,
            date=day(received - 40),
            outcome=outcome,
            ground=ground,
            facts="被申请人于行政行为作出前进行了现场检查并制作笔录，申请人对检查结果签字确认。",
            reasons="被申请人作出的行政行为认定事实与在案证据相符，适用依据正确。",
            decision_detail="罚款人民币二千元" if outcome == "altered" else "",
            approval="delegated",
            approval_basis="东湖区人民政府委托",
            performance_due=day(received - 70) if outcome == "ordered_performance" else None,
            invalidity_requested=outcome == "confirmed_invalid",
            # 第七十二条第二款: a fine revoked or changed is returned
            property_return=outcome in ("revoked", "altered")
            and case.act_kind in services.PROPERTY_ACT_KINDS
            and bool(case.act_amount),
        )
        if not served:
            return case
        # 呈批: the 决定书 approved by the 负责人 (第六十一条), numbered and issued, then served.
        decision = case.documents.get(kind="decision")
        services.approve_document(actor=leader, document=decision)
        services.issue_document(actor=officer, document=decision, date=day(received - 41))
        return services.serve(actor=officer, case=case, date=day(received - 43))

    register(1)  # 审查中, due soon
    register(12, organisation=True)  # 审查期已过：应登记视为受理
    case = register(4)
    services.request_supplement(
        actor=officer, case=case, notice_date=day(2), items="请补充被申请行政行为的文书复印件"
    )
    case = register(75)
    case = services.request_supplement(
        actor=officer, case=case, notice_date=day(73), items="请补充身份证明"
    )
    services.deem_abandoned(actor=officer, case=case, date=day(50))
    case = register(60, respondent=1)
    services.refuse(
        actor=officer,
        case=case,
        date=day(58),
        failed=["in_scope"],
        reasons="内部人事处理决定不属于行政复议范围",
    )
    accepted(18, procedure=Procedure.SIMPLE, kind=ActKind.WARNING, respondent=2)
    heard(70, respondent=1)  # 审理期限已过
    case = accepted(110, respondent=3)
    services.suspend(
        actor=officer,
        case=case,
        date=day(80),
        ground=Suspension.Ground.DEATH,
        reason="申请人死亡，近亲属尚未确定是否参加行政复议",
    )
    case = heard(85, respondent=2)
    services.extend(
        actor=leader, case=case, date=day(30), days=30, reason="案情复杂，需要进一步调查核实"
    )
    decided(42, "revoked", "64.1", served=False)
    case = decided(150, "upheld")
    # 第七十九条: the decision in force is published
    services.publish_decision(actor=officer, case=case, date=day(105), where="区人民政府门户网站")
    decided(160, "upheld", respondent=1)
    decided(170, "ordered_performance", kind=ActKind.NONPERFORMANCE, respondent=3)
    decided(180, "confirmed_illegal", "65.1.2", respondent=2)
    decided(190, "claim_dismissed", kind=ActKind.NONPERFORMANCE, respondent=3)
    decided(200, "altered", "63.1", amount=5000)
    decided(210, "confirmed_invalid", respondent=2)
    decided(220, "application_dismissed", respondent=1)
    case = heard(130, respondent=1)
    services.mediate(
        actor=officer,
        case=case,
        date=day(100),
        terms="被申请人同意减少罚款数额，申请人撤回复议请求",
        all_signed=True,
        self_corrected=True,
    )
    services.issue_letter(
        actor=officer,
        unit=unit,
        kind=OpinionLetter.Kind.OPINION,
        recipient=respondents[0].name,
        issued_date=day(20),
        content="执法程序存在告知不充分问题，请规范行政处罚告知程序。",
    )
