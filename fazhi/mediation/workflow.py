"""A dispute's flow as data: 调解中 until an agreement (履行中, then 结案 on the 回访 that finds
it performed) or the end of mediation (refusal, withdrawal, failure). Sessions, parties,
extensions, 司法确认 and 回访 are recorded on the way; /workflows/ prints the table."""

from fazhi.core.workflow import Transition, Workflow

from .models import Dispute, Status

S = Status
OPEN = (S.MEDIATING,)


def _no_confirmation(dispute):
    return not hasattr(dispute, "confirmation")


def _confirmation_open(dispute):
    confirmation = getattr(dispute, "confirmation", None)
    return confirmation is not None and not confirmation.result


def _return_open(dispute):
    from .models import REFERRED_SOURCES

    return dispute.source in REFERRED_SOURCES and dispute.returned_date is None


def _review_possible(dispute):
    # 信访工作条例 第三十五、三十六条: 复查, then 复核, each after the previous opinion.
    if dispute.source != "petition":
        return False
    reviews = list(dispute.petition_reviews.all())
    return len(reviews) < 2 and all(r.opinion_date for r in reviews)


def _review_open(dispute):
    return dispute.petition_reviews.filter(opinion_date__isnull=True).exists()


def _routing_open(dispute):
    # 信访工作条例 第二十二条: 登记, then 转送/交办 (告知) within 15 days.
    return dispute.source == "petition" and dispute.routed_date is None


def _notice_open(dispute):
    # 信访工作条例 第二十三条第三款: the receiving body's written notice within 15 days.
    return dispute.source == "petition" and dispute.notice_date is None


def _extension_possible(dispute):
    # 信访工作条例 第三十四条: one extension of at most 30 days, before the result is given.
    return (
        dispute.source == "petition"
        and dispute.returned_date is None
        and not dispute.petition_extension_days
    )


def _publishable(dispute):
    return not dispute.non_public and not hasattr(dispute, "typical_case")


TRANSITIONS = (
    Transition(
        "add_party",
        "登记当事人",
        OPEN,
        article="第二十三条",
        guard="当事人可以要求调解不公开进行",
        url_name="mediation:dispute_party",
    ),
    Transition(
        "record_session",
        "登记调解记录",
        OPEN,
        article="第二十七条",
        guard="调解日期不早于受理日期、不晚于今天",
        url_name="mediation:dispute_session",
    ),
    Transition(
        "extend_period",
        "经双方同意延长调解期限",
        OPEN,
        article="宁波市人民调解条例第二十七条",
        guard="到期未达成协议、双方当事人要求延长的，可以适当延长",
        url_name="mediation:dispute_extend",
    ),
    Transition(
        "record_agreement",
        "登记调解协议",
        OPEN,
        S.AGREED,
        article="第二十八条至第三十条",
        guard="书面协议须各方当事人签名（盖章、按指印）、调解员签名并加盖调委会印章；口头协议记录内容",
        url_name="mediation:dispute_agreement",
    ),
    Transition(
        "end_mediation",
        "终止调解",
        OPEN,
        S.ENDED,
        article="第十七条、第二十三条、第二十六条",
        guard="写明原因；调解不成的，告知当事人通过仲裁、行政、司法等途径维护权利",
        url_name="mediation:dispute_end",
    ),
    Transition(
        "apply_confirmation",
        "登记申请司法确认",
        (S.AGREED, S.CLOSED),
        article="第三十三条",
        guard="自调解协议生效之日起三十日内共同申请",
        when=_no_confirmation,
        url_name="mediation:dispute_confirmation",
    ),
    Transition(
        "record_court_decision",
        "登记法院受理与决定",
        (S.AGREED, S.CLOSED),
        article="司法确认程序若干规定第四条、第五条、第七条",
        guard="三日内决定是否受理；受理之日起十五日内（经院长批准延长十日）作出决定；不予确认写明理由",
        when=_confirmation_open,
        url_name="mediation:dispute_court",
    ),
    Transition(
        "record_follow_up",
        "登记回访",
        (S.AGREED, S.CLOSED),
        article="第三十一条",
        guard="履行完毕的，案件结案",
        url_name="mediation:dispute_follow_up",
        outcomes=(S.CLOSED,),
    ),
    Transition(
        "record_return",
        "反馈来源单位",
        tuple(Status.values),
        article="特邀调解规定第二十七条；信访工作条例第三十四条",
        guard="委派、委托调解在调解期限内，信访转办在六十日内向来源单位反馈结果",
        when=_return_open,
        url_name="mediation:dispute_return",
    ),
    Transition(
        "record_petition_routing",
        "登记信访事项转送、交办",
        tuple(Status.values),
        article="信访工作条例第二十二条、第二十三条",
        guard="信访部门收到信访事项应当登记，并在十五日内转送、交办或者告知",
        when=_routing_open,
        url_name="mediation:dispute_routing",
    ),
    Transition(
        "record_petition_notice",
        "登记书面告知信访人",
        tuple(Status.values),
        article="信访工作条例第二十三条第三款",
        guard="收到转送、交办的信访事项之日起十五日内书面告知信访人接收情况以及处理途径和程序",
        when=_notice_open,
        url_name="mediation:dispute_notice",
    ),
    Transition(
        "extend_petition_handling",
        "延长信访事项办理期限",
        tuple(Status.values),
        article="信访工作条例第三十四条",
        guard="情况复杂的，经本机关、单位负责人批准，可以延长一次，延长期限不得超过三十日，并告知信访人延期理由",
        when=_extension_possible,
        url_name="mediation:dispute_petition_extend",
    ),
    Transition(
        "request_petition_review",
        "登记信访复查、复核请求",
        tuple(Status.values),
        article="信访工作条例第三十五条、第三十六条",
        guard="信访人自收到书面答复之日起三十日内请求复查；对复查意见不服的，三十日内请求复核",
        when=_review_possible,
        url_name="mediation:dispute_review",
    ),
    Transition(
        "record_review_opinion",
        "登记复查、复核意见",
        tuple(Status.values),
        article="信访工作条例第三十五条、第三十六条",
        guard="自收到请求之日起三十日内提出意见；复核听证所需时间不计算在内",
        when=_review_open,
        url_name="mediation:dispute_review_opinion",
    ),
    Transition(
        "publish_typical_case",
        "发布为典型案例",
        (S.AGREED, S.CLOSED),
        article="第二十三条",
        guard="隐去当事人姓名和住址；当事人要求不公开调解的案件不能发布",
        when=_publishable,
        url_name="mediation:dispute_typical",
    ),
)

DISPUTE_FLOW = Workflow(
    key="mediation.dispute",
    label="人民调解",
    model=Dispute,
    transitions=TRANSITIONS,
    state_field="status",
    noun="纠纷",
    law="《中华人民共和国人民调解法》",
    cite="人民调解法",
    denied="无权办理该纠纷",
    list_url_name="mediation:dispute_list",
    title_field="number",
)
