"""The case flow as data: which step may be taken in which state, by which role, into which
state, and on which article. The services check every step against this table, and the
page /reconsideration/workflow/ prints it so that a reader can check it against the law.

Guards that need the case's data (deadlines, checklists, approvals) live in the service of
the step; the table names them in `guard` so the printed table is complete.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from fazhi.core.roles import Role

from .models import State

S = State
HANDLERS = (Role.OFFICER, Role.REVIEWER)
APPROVERS = (Role.LEADER,)


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str | None  # None: the state does not change
    roles: tuple[str, ...]
    article: str
    guard: str = ""
    # Whether the case's data allows the step at all (hides buttons that could only fail).
    when: Callable[[object], bool] | None = None


def _no_notice_yet(case):
    return case.supplement_notice_date is None


def _copy_not_sent(case):
    return case.copy_sent_date is None


def _awaiting_reply(case):
    return case.copy_sent_date is not None and case.reply_date is None


def _extendable(case):
    return case.procedure == "ordinary" and not case.extension_days


def _simple(case):
    return case.procedure == "simple"


def _not_performed(case):
    return case.performance_due is not None and case.performed_date is None


# fmt: off
TRANSITIONS = [
    # action, label, from states, to state (None: unchanged), roles, article, guard[, when]
    Transition("request_supplement", "补正通知", (S.REGISTERED,), S.AWAITING_SUPPLEMENT, HANDLERS,
               "第三十一条第一款", "收到申请之日起五个工作日内；一次性载明补正事项；只能通知一次",
               _no_notice_yet),
    Transition("extend_supplement", "延长补正期限", (S.AWAITING_SUPPLEMENT,), None, HANDLERS,
               "第三十一条第二款", "申请人有正当理由"),
    Transition("receive_supplement", "收到补正材料", (S.AWAITING_SUPPLEMENT,), S.REGISTERED, HANDLERS,
               "第三十一条第三款", "审查期自收到补正材料之日重新计算"),
    Transition("deem_abandoned", "视为放弃", (S.AWAITING_SUPPLEMENT,), S.ABANDONED, HANDLERS,
               "第三十一条第二款", "补正期限届满且无正当理由"),
    Transition("accept", "受理", (S.REGISTERED,), S.HEARING, HANDLERS,
               "第三十条第一款、第五十三条", "七项受理条件全部具备；简易程序须符合第五十三条"),
    Transition("deem_accepted", "视为受理", (S.REGISTERED,), S.HEARING, HANDLERS,
               "第三十条第三款", "审查期限届满未作决定，自届满之日起视为受理"),
    Transition("refuse", "不予受理", (S.REGISTERED,), S.NOT_ACCEPTED, HANDLERS,
               "第三十条第二款", "审查期限内作出；说明理由"),
    Transition("send_copy", "发送申请书副本", (S.HEARING,), None, HANDLERS,
               "第四十八条、第五十四条", "尚未发送", _copy_not_sent),
    Transition("record_reply", "收到答复和证据", (S.HEARING,), None, HANDLERS,
               "第四十八条、第五十四条", "已发送副本", _awaiting_reply),
    Transition("hear_views", "听取意见", (S.HEARING,), None, HANDLERS, "第四十九条"),
    Transition("hold_hearing", "听证", (S.HEARING,), None, HANDLERS,
               "第五十条、第五十一条", "听证通知不少于五个工作日前送达"),
    Transition("refer_to_committee", "提请行政复议委员会", (S.HEARING,), None, HANDLERS,
               "第五十二条"),
    Transition("suspend", "中止", (S.HEARING,), S.SUSPENDED, HANDLERS,
               "第三十九条", "写明第三十九条第一款的情形"),
    Transition("resume", "恢复审理", (S.SUSPENDED,), S.HEARING, HANDLERS,
               "第三十九条第二款、第三款"),
    Transition("extend", "延期", (S.HEARING,), None, APPROVERS,
               "第六十二条第一款", "仅普通程序；不超过三十日；只能延长一次；机构负责人批准", _extendable),
    Transition("convert_to_ordinary", "简易程序转普通程序", (S.HEARING,), None, APPROVERS,
               "第五十五条", "仅简易程序；机构负责人批准", _simple),
    Transition("decide", "作出行政复议决定", (S.HEARING,), S.AWAITING_SERVICE,
               (*APPROVERS, Role.REVIEWER), "第六十一条、第六十三条至第六十九条、第三十三条",
               "负责人同意，或者集体讨论通过（审核人登记讨论情况）；普通程序须已听取意见"),
    Transition("serve", "送达", (S.AWAITING_SERVICE,), S.CLOSED, HANDLERS,
               "第七十五条第二款", "决定书一经送达即发生法律效力"),
    Transition("record_performance", "登记履行情况", (S.CLOSED, S.MEDIATED), None, HANDLERS,
               "第七十七条", "", _not_performed),
    Transition("mediate", "调解结案", (S.HEARING, S.SUSPENDED), S.MEDIATED, HANDLERS,
               "第七十三条", "调解书经各方当事人签字或者签章"),
    Transition("withdraw", "准予撤回并终止", (S.HEARING, S.SUSPENDED), S.TERMINATED, HANDLERS,
               "第四十一条第一款第一项、第七十四条"),
    Transition("terminate", "终止", (S.HEARING, S.SUSPENDED), S.TERMINATED, HANDLERS,
               "第四十一条", "第五项：因第三十九条第一款第一、二、四项中止满六十日"),
]
# fmt: on

BY_ACTION = {t.action: t for t in TRANSITIONS}


class StepRefused(ValidationError):
    """A step that the table (or its guard) does not allow now; the message is Chinese."""


def transition(action: str) -> Transition:
    try:
        return BY_ACTION[action]
    except KeyError:
        raise StepRefused(f"未知的办理步骤：{action}") from None


def check(action: str, *, state: str, role: str | None, is_superuser: bool = False) -> Transition:
    """The transition, if `role` may take it from `state`; otherwise StepRefused."""
    step = transition(action)
    if state not in step.sources:
        allowed = "、".join(State(s).label for s in step.sources)
        raise StepRefused(
            f"案件当前为“{State(state).label}”，不能办理“{step.label}”（仅限：{allowed}）"
        )
    if not is_superuser and role not in step.roles:
        roles = "、".join(Role(r).label for r in step.roles)
        raise StepRefused(f"“{step.label}”须由{roles}办理")
    return step


def available(case, role: str | None, is_superuser: bool = False) -> list[Transition]:
    """The steps `role` may take on `case` now (the services still check every guard)."""
    return [
        t
        for t in TRANSITIONS
        if case.state in t.sources
        and (is_superuser or role in t.roles)
        and (t.when is None or t.when(case))
    ]
