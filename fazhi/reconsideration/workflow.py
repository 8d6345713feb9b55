"""The case flow as data: which step may be taken in which state, by which role, into which
state, and on which article (行政复议法, 2023年修订). The services check every step against
this table, and the pages /workflows/ and /reconsideration/workflow/ print it so that a
reader can check it against the law.

Guards that need the case's data (deadlines, checklists, approvals) live in the service of
the step; the table names them in `guard` so the printed table is complete.
"""

from fazhi.core.roles import Action, Role
from fazhi.core.workflow import Transition, Workflow

from . import deadlines
from .models import Case, State

S = State
HANDLERS = (Role.OFFICER, Role.REVIEWER)
APPROVERS = (Role.LEADER,)
REVIEW = Action.REVIEW  # the scope an approval needs (a leader has no 办理 scope)


_PAUSED = "；中止期间的工作日不计算" if deadlines.PAUSE_COPY_REPLY_DURING_SUSPENSION else ""


def _row(action, label, sources, target, roles, article, guard="", when=None):
    """A row of the table; a step a 负责人 may take needs the 审核 scope."""
    permission = REVIEW if Role.LEADER in roles else Action.CHANGE
    return Transition(action, label, sources, target, roles, permission, article, guard, when)


def _no_notice_yet(case):
    return case.supplement_notice_date is None


def _copy_not_sent(case):
    return case.copy_sent_date is None


def _awaiting_receipt(case):
    return case.copy_sent_date is not None and case.copy_received_date is None


def _awaiting_reply(case):
    return case.copy_received_date is not None and case.reply_date is None


def _not_stayed(case):
    return case.stay_date is None


def _not_published(case):
    return case.published_date is None


def _not_copied(case):
    return case.copied_date is None


def _performance_overdue(case):
    return _not_performed(case) and case.performance_order_date is None


def _no_hearing_yet(case):
    return case.hearing_date is None


def _not_referred(case):
    return case.committee_referred_date is None


def _awaiting_opinion(case):
    return case.committee_referred_date is not None and case.committee_opinion_date is None


def _extendable(case):
    return case.procedure == "ordinary" and not case.extension_days


def _simple(case):
    return case.procedure == "simple"


def _not_performed(case):
    return case.performance_due is not None and case.performed_date is None


# fmt: off
TRANSITIONS = (
    # action, label, from states, to state (None: unchanged), roles, article, guard[, when]
    _row("request_supplement", "补正通知", (S.REGISTERED,), S.AWAITING_SUPPLEMENT, HANDLERS,
         "第三十一条第一款", "收到申请之日起五个工作日内（逾期拒绝）；一次性载明补正事项；只能通知一次",
         _no_notice_yet),
    _row("extend_supplement", "延长补正期限", (S.AWAITING_SUPPLEMENT,), None, HANDLERS,
         "第三十一条第二款", "申请人有正当理由"),
    _row("receive_supplement", "收到补正材料", (S.AWAITING_SUPPLEMENT,), S.REGISTERED, HANDLERS,
         "第三十一条第二款、第三款",
         "补正期限内收到（逾期的须先延长补正期限）；审查期自收到补正材料之日重新计算"),
    _row("deem_abandoned", "视为放弃", (S.AWAITING_SUPPLEMENT,), S.ABANDONED, HANDLERS,
         "第三十一条第二款", "补正期限届满且无正当理由"),
    _row("accept", "受理", (S.REGISTERED,), S.HEARING, HANDLERS,
         "第三十条第一款、第二十九条第二款、第五十三条",
         "七项受理条件全部具备；登记时认定超过申请期限（第二十条、第二十一条）的不能受理；该申请人就同一行政行为（文号、被申请人）未有已受理的复议或者诉讼；"
         "简易程序须符合第五十三条，重大、疑难、复杂案件不适用"),
    _row("deem_accepted", "视为受理", (S.REGISTERED,), S.HEARING, HANDLERS,
         "第三十条第三款", "审查期限届满未作决定，自届满之日起视为受理；适用普通程序"),
    _row("refuse", "不予受理", (S.REGISTERED,), S.NOT_ACCEPTED, HANDLERS,
         "第三十条第二款", "审查期限内作出；说明理由；超过申请期限的，以该条件不予受理并载明情形；"
         "不属于本机关管辖的，告知有管辖权的复议机关"),
    _row("send_copy", "发送申请书副本", (S.HEARING,), None, HANDLERS,
         "第四十八条、第五十四条", "尚未发送；登记送达方式，直接送达的当日收到，其他方式登记送达回证的收到日期",
         _copy_not_sent),
    _row("record_copy_receipt", "登记被申请人收到副本", (S.HEARING, S.SUSPENDED), None, HANDLERS,
         "第四十八条、第五十四条", "答复期限自被申请人收到副本之日起计算；收到日期不早于发送日期",
         _awaiting_receipt),
    _row("record_reply", "收到答复和证据", (S.HEARING,), None, HANDLERS,
         "第四十八条、第五十四条、第七十条", "已登记被申请人收到副本；答复期限届满后收到的，标记逾期",
         _awaiting_reply),
    _row("stay_execution", "停止执行", (S.HEARING, S.SUSPENDED), None, HANDLERS,
         "第四十二条", "第四十二条第一至四项的情形之一，写明理由；申请人、第三人申请的，登记申请日期",
         _not_stayed),
    _row("investigate", "调查取证", (S.HEARING,), None, HANDLERS,
         "第四十五条", "行政复议人员不少于两人，出示行政复议工作证件"),
    _row("hear_views", "听取意见", (S.HEARING,), None, HANDLERS, "第四十九条"),
    _row("hold_hearing", "听证", (S.HEARING,), None, HANDLERS,
         "第五十条、第五十一条", "听证通知与听证日之间不少于五个工作日（两日均不计入）",
         _no_hearing_yet),
    _row("refer_to_committee", "提请行政复议委员会", (S.HEARING,), None, HANDLERS,
         "第五十二条第二款", "尚未提请；重大、疑难、复杂案件必须提请", _not_referred),
    _row("record_committee_opinion", "记录咨询意见", (S.HEARING,), None, HANDLERS,
         "第五十二条第三款", "已提请行政复议委员会", _awaiting_opinion),
    _row("suspend", "中止", (S.HEARING,), S.SUSPENDED, HANDLERS,
         "第三十九条", "写明第三十九条第一款的情形；第一至三项仅适用于公民申请人，第四项仅适用于法人或者其他组织"),
    _row("resume", "恢复审理", (S.SUSPENDED,), S.HEARING, HANDLERS,
         "第三十九条第二款、第三款"),
    _row("extend", "延期", (S.HEARING,), None, APPROVERS,
         "第六十二条第一款", "仅普通程序；不超过三十日；只能延长一次；机构负责人批准", _extendable),
    _row("convert_to_ordinary", "简易程序转普通程序", (S.HEARING,), None, APPROVERS,
         "第五十五条、第六十二条第二款", "仅简易程序；行政复议机构负责人批准；简易程序三十日审理期限届满后不能转换",
         _simple),
    _row("decide", "作出行政复议决定", (S.HEARING,), S.AWAITING_SERVICE,
         (*APPROVERS, Role.REVIEWER), "第六十一条、第六十三条至第七十条、第三十三条",
         "经行政复议机关负责人同意（登记姓名、职务），或者集体讨论通过（登记讨论情况），或者受委托的行政复议机构负责人同意（本人办理，登记授权依据）；"
         "一并提出行政赔偿请求的，同时决定赔偿或者驳回（第七十二条第一款）；撤销、变更罚款、没收、征收征用、对财产的强制措施的，同时责令返还（第七十二条第二款）；"
         "行政协议责任仅适用于行政协议案件（第七十一条）；普通程序须已听取意见（因当事人原因不能听取的，写明原因后书面审理）；"
         "重大、疑难、复杂案件须已听证、已提请委员会；已提请的须已记录咨询意见；经过听证的，在听证后作出；被申请人逾期未答复的，不得维持、变更或者驳回复议请求（第七十条）；"
         "履行期限晚于决定日期"),
    _row("serve", "送达", (S.AWAITING_SERVICE,), S.CLOSED, HANDLERS,
         "第七十五条第二款", "决定书一经送达即发生法律效力"),
    _row("record_performance", "登记履行情况", (S.CLOSED, S.MEDIATED), None, HANDLERS,
         "第七十七条", "", _not_performed),
    _row("order_performance", "责令限期履行", (S.CLOSED, S.MEDIATED), None, HANDLERS,
         "第七十七条", "履行期限届满未履行；限期晚于责令日期；可以约谈有关负责人或者通报批评",
         _performance_overdue),
    _row("publish_decision", "公开决定书", (S.CLOSED,), None, HANDLERS,
         "第七十九条第一款", "决定书已送达；写明公开的方式", _not_published),
    _row("copy_to_superior", "抄告上一级主管部门", (S.CLOSED,), None, HANDLERS,
         "第七十九条第二款", "以本级人民政府工作部门为被申请人的，发生法律效力的决定书同时抄告其上一级主管部门",
         _not_copied),
    _row("mediate", "调解结案", (S.HEARING, S.SUSPENDED), S.MEDIATED, HANDLERS,
         "第七十三条", "调解书经各方当事人签字或者签章"),
    _row("withdraw", "准予撤回并终止", (S.HEARING, S.SUSPENDED), S.TERMINATED, HANDLERS,
         "第四十一条第一款第一项、第七十四条"),
    _row("terminate", "终止", (S.HEARING, S.SUSPENDED), S.TERMINATED, HANDLERS,
         "第四十一条", "第二项仅适用于公民申请人，第三项仅适用于法人或者其他组织；第四项仅限行政拘留、"
         "限制人身自由的强制措施；第五项：因第三十九条第一款第一、二、四项中止满六十日"),
)
# fmt: on


CASE_FLOW = Workflow(
    key="reconsideration.case",
    label="行政复议案件",
    model=Case,
    transitions=TRANSITIONS,
    noun="案件",
    denied="无权办理该案件",
    law="《中华人民共和国行政复议法》（2023年修订）",
    cite="行政复议法",
    intro="“三日”“五日”“七日”“十日”为工作日（第八十八条），其余期间按自然日计算，"
    "期间最后一日为法定休假日的顺延至休假日后第一个工作日（民事诉讼法第八十五条）。",
    step_url_name="reconsideration:case_step",
    list_url_name="reconsideration:case_list",
    title_field="number",
    periods=(
        (
            "受理审查、补正通知",
            f"收到申请之日起{deadlines.REVIEW_WORKDAYS}个工作日",
            "第三十条、第三十一条",
        ),
        ("申请人补正", f"收到补正通知之日起{deadlines.SUPPLEMENT_WORKDAYS}个工作日", "第三十一条"),
        (
            "发送副本",
            "受理之日起7个工作日（简易程序3个工作日）" + _PAUSED,
            "第四十八条、第五十四条",
        ),
        (
            "被申请人答复",
            "收到副本之日起10个工作日（简易程序5个工作日）" + _PAUSED,
            "第四十八条、第五十四条",
        ),
        ("转送申请", "作出行政处罚决定的机关收到申请之日起5个工作日", "第三十二条"),
        (
            "作出决定",
            "受理之日起60日（简易程序30日），可延长一次不超过30日；中止期间不计算",
            "第六十二条",
        ),
        ("中止后终止", "因第三十九条第一款第一、二、四项中止满60日", "第四十一条"),
        ("意见书反馈", "制发对象收到意见书之日起60日", "第七十六条"),
    ),
)
