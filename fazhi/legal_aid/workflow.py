"""The legal-aid case as data: from receipt (application, forwarded request or notification)
through 补正, 审查决定 or 先行援助, 指派, 办理 and 结案 or 终止, with 异议, 质量评查 and 办案补贴
on the way. The services check every step against this table; /workflows/ prints it."""

from fazhi.core.roles import Action, Role
from fazhi.core.workflow import Transition, Workflow

from .models import AidCase, Origin, State

S = State
REVIEWERS = (Role.REVIEWER, Role.LEADER)


def _application(case):
    return case.origin != Origin.NOTIFIED


def _not_asked_yet(case):
    return case.origin != Origin.NOTIFIED and case.supplement_requested_date is None


def _no_grade_paid(case):
    return not case.subsidies.exists()


def _no_open_objection(case):
    return not case.objections.filter(decided_date__isnull=True).exists()


def _open_objection(case):
    return case.objections.filter(decided_date__isnull=True).exists()


def open_complaint(case):
    """The case's complaint not yet closed by telling the complainant (one at a time)."""
    return case.complaints.filter(replied_date__isnull=True).first()


def _complaint(stage):
    def when(case):
        complaint = open_complaint(case)
        if stage == "none":
            return complaint is None
        if complaint is None:
            return False
        if stage == "received":
            return complaint.accepted_date is None and complaint.rejected_date is None
        if stage == "accepted":
            return complaint.accepted_date is not None and complaint.handled_date is None
        return complaint.handled_date is not None or complaint.rejected_date is not None

    return when


ALL = tuple(State.values)

TRANSITIONS = (
    Transition(
        "request_supplement",
        "一次性告知补正",
        (S.RECEIVED,),
        S.SUPPLEMENT,
        article="第四十三条第二款",
        guard="只能告知一次；写明需要补充的材料或说明",
        when=_not_asked_yet,
    ),
    Transition(
        "receive_supplement",
        "登记收到补正材料",
        (S.SUPPLEMENT,),
        S.RECEIVED,
        article="第四十三条第二款",
        guard="审查期限自收到补正材料之日起重新计算",
    ),
    Transition(
        "deem_withdrawn",
        "视为撤回申请",
        (S.SUPPLEMENT,),
        S.WITHDRAWN,
        article="第四十三条第二款",
        guard="补正期限届满未补充材料或作出说明",
    ),
    Transition(
        "grant",
        "决定给予法律援助",
        (S.RECEIVED,),
        S.GRANTED,
        roles=REVIEWERS,
        permission=Action.REVIEW,
        article="第四十三条第一款、第四十一条、第四十二条",
        guard="七日内作出决定；逾期须写明原因",
        when=_application,
    ),
    Transition(
        "refuse",
        "决定不予法律援助",
        (S.RECEIVED,),
        S.REFUSED,
        roles=REVIEWERS,
        permission=Action.REVIEW,
        article="第四十三条第一款",
        guard="书面告知并说明理由；逾期须写明原因",
        when=_application,
    ),
    Transition(
        "provide_provisional",
        "决定先行援助",
        (S.RECEIVED, S.SUPPLEMENT),
        S.GRANTED,
        roles=REVIEWERS,
        permission=Action.REVIEW,
        article="第四十四条",
        guard="距时效或期限届满不足七日，或需立即申请保全、先予执行；受援人事后补办手续",
        when=_application,
    ),
    Transition(
        "assign",
        "指派法律援助人员",
        (S.GRANTED,),
        S.ASSIGNED,
        article="第四十三条第一款、第三十六条、第二十六条",
        guard="三日内指派；可能判处无期徒刑、死刑和死刑复核案件指派三年以上执业经历的律师",
    ),
    Transition(
        "record_progress",
        "登记办理进展",
        (S.ASSIGNED,),
        article="第四十六条",
        guard="会见、阅卷、开庭等；日期不晚于今天",
    ),
    Transition(
        "record_agreement",
        "登记委托协议",
        (S.ASSIGNED,),
        article="第四十六条",
        guard="签订委托代理（辩护）协议的日期不早于指派日期",
        when=lambda case: case.agreement_date is None,
    ),
    Transition(
        "record_conclusion",
        "登记办理结束",
        (S.ASSIGNED,),
        article="第五十条",
        guard="判决、裁定、调解或仲裁结束之日；结案报告和法律文书副本自此三十日内提交",
        when=lambda case: case.concluded_date is None,
    ),
    Transition(
        "close",
        "结案",
        (S.ASSIGNED,),
        S.CLOSED,
        article="第五十条",
        guard="办理结束后三十日内提交结案报告和法律文书副本",
    ),
    Transition(
        "terminate",
        "终止法律援助",
        (S.GRANTED, S.ASSIGNED),
        S.TERMINATED,
        roles=REVIEWERS,
        permission=Action.REVIEW,
        article="第四十八条",
        guard="写明第四十八条第一款的情形",
    ),
    Transition(
        "record_objection",
        "登记异议",
        (S.REFUSED, S.TERMINATED),
        article="第四十九条第一款",
        guard="对不予援助或终止援助决定的异议",
        when=_no_open_objection,
    ),
    Transition(
        "decide_objection",
        "异议审查决定",
        (S.REFUSED, S.TERMINATED),
        outcomes=(S.RECEIVED, S.ASSIGNED),
        roles=REVIEWERS,
        permission=Action.REVIEW,
        article="第四十九条第二款",
        guard="收到异议之日起五日内作出维持或责令改正的决定；责令改正的，案件回到审查或办理",
        when=_open_objection,
    ),
    Transition(
        "record_quality_check",
        "质量评查",
        (S.CLOSED, S.TERMINATED, S.ASSIGNED),
        roles=REVIEWERS,
        permission=Action.REVIEW,
        article="第五十九条",
        guard="旁听庭审、案卷检查、征询司法机关意见、回访受援人；评定优秀、良好、合格、不合格",
    ),
    Transition(
        "pay_subsidy",
        "发放办案补贴",
        (S.CLOSED, S.TERMINATED),
        roles=REVIEWERS,
        permission=Action.REVIEW,
        article="第五十二条",
        guard="按施行中的补贴标准；标准要求质量评定的须先评定；不合格不发绩效补贴；终止案件按比例发放",
        when=_no_grade_paid,
    ),
    Transition(
        "record_complaint",
        "登记投诉",
        ALL,
        article="第五十五条",
        guard="申请人、受援人或利害关系人对法律援助机构、法律援助人员的投诉；可请求更换法律援助人员",
        when=_complaint("none"),
    ),
    Transition(
        "accept_complaint",
        "受理投诉",
        ALL,
        roles=REVIEWERS,
        permission=Action.REVIEW,
        article="第五十六条",
        guard="收到投诉之日起五个工作日内决定是否受理（docs/rules.md）",
        when=_complaint("received"),
    ),
    Transition(
        "reject_complaint",
        "投诉不予受理",
        ALL,
        roles=REVIEWERS,
        permission=Action.REVIEW,
        article="第五十六条",
        guard="写明不予受理的理由并告知投诉人",
        when=_complaint("received"),
    ),
    Transition(
        "handle_complaint",
        "投诉办结",
        ALL,
        roles=REVIEWERS,
        permission=Action.REVIEW,
        article="第五十六条",
        guard="受理之日起四十五日内调查处理；逾期须写明原因",
        when=_complaint("accepted"),
    ),
    Transition(
        "reply_complaint",
        "告知投诉人处理结果",
        ALL,
        article="第五十六条",
        guard="办结（不予受理）后五个工作日内告知投诉人",
        when=_complaint("decided"),
    ),
)

CASE_FLOW = Workflow(
    key="legal_aid.case",
    label="法律援助案件",
    model=AidCase,
    transitions=TRANSITIONS,
    noun="案件",
    law="《中华人民共和国法律援助法》",
    cite="法律援助法",
    intro=(
        "审查决定期限：收到申请（或补正材料）之日起七日；指派：决定或收到通知之日起三日；"
        "异议审查：五日。期限按自然日计算，末日为法定节假日的顺延（docs/rules.md）。"
    ),
    step_url_name="legal_aid:case_step",
    list_url_name="legal_aid:case_list",
    title_field="number",
    record_name="case",
    denied="无权办理该法律援助案件",
    periods=(
        ("审查决定", "收到申请（补正材料）之日起七日", "第四十三条第一款"),
        ("指派", "作出决定或收到通知之日起三日", "第四十三条第一款、第三十六条"),
        ("转交申请", "被羁押人员提出申请后二十四小时", "第三十九条"),
        ("异议审查", "收到异议之日起五日", "第四十九条第二款"),
        ("结案材料", "办理结束之日起三十日", "第五十条（程序规定）"),
        ("投诉受理", "收到投诉之日起五个工作日", "第五十六条（投诉处理办法）"),
        ("投诉办结", "受理之日起四十五日", "第五十六条（投诉处理办法）"),
        ("告知投诉人", "办结之日起五个工作日", "第五十六条（投诉处理办法）"),
    ),
)
