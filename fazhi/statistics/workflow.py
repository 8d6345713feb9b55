"""A return's flow as data: 草稿 → 填报完成 → 审核通过 (or 退回) → 上报 → 上级审核 → 汇总锁定;
退回 and 解锁 by the superior with a reason. The filing unit's steps are taken by the
return's own area, the superior's by the area above it (the services check which)."""

from fazhi.core.roles import Action
from fazhi.core.workflow import Transition, Workflow

from .models import EDITABLE, State, StatReturn

S = State
# Steps of the area above the return's (上级): the others are the filing area's own.
SUPERIOR_STEPS = frozenset({"accept_return", "send_back", "unlock_return"})
STATISTICS_LAW = "《中华人民共和国统计法》"

TRANSITIONS = (
    Transition(
        "complete_filling",
        "填报完成",
        EDITABLE,
        S.FILLED,
        article="第七条",
        guard="报告期已结束；审核规则无错误；汇总表的下级报表均已上级审核通过",
    ),
    Transition(
        "approve_return",
        "审核通过",
        (S.FILLED,),
        S.APPROVED,
        permission=Action.REVIEW,
        guard="本单位审核人或负责人",
    ),
    Transition(
        "return_for_correction",
        "退回修改",
        (S.FILLED, S.APPROVED),
        S.RETURNED,
        permission=Action.REVIEW,
        guard="须填写退回意见",
    ),
    Transition(
        "submit_return",
        "上报",
        (S.APPROVED,),
        S.SUBMITTED,
        permission=Action.SIGN,
        article="第七条",
        guard="单位负责人签字；同比异常均已书面说明；上报后数值冻结",
    ),
    Transition(
        "file_nil_return",
        "零上报",
        EDITABLE,
        S.SUBMITTED,
        permission=Action.SIGN,
        article="第七条",
        guard="本期记录和手工填报项均无数据；单位负责人签字后直接上报，按期与否照常计算",
    ),
    Transition(
        "accept_return",
        "上级审核通过",
        (S.SUBMITTED,),
        S.ACCEPTED,
        permission=Action.REVIEW,
        guard="上一级统计区域的审核人或负责人",
    ),
    Transition(
        "send_back",
        "上级退回",
        (S.SUBMITTED,),
        S.RETURNED,
        permission=Action.REVIEW,
        guard="上一级退回，须写明理由",
    ),
    Transition(
        "unlock_return",
        "解锁更正",
        (S.ACCEPTED, S.LOCKED),
        S.RETURNED,
        permission=Action.REVIEW,
        guard="仅上一级可解锁，须写明理由；已汇总的上级报表随之重新打开",
    ),
    Transition(
        "edit_return",
        "取数与填报",
        EDITABLE,
        guard="草稿或退回时方可修改；上报后数值冻结",
        refusal="报表当前为“{state}”，数值已冻结，不能修改（须退回或由上级解锁）",
        button=False,
    ),
)

RETURN_FLOW = Workflow(
    key="statistics.return",
    label="统计报表",
    model=StatReturn,
    transitions=TRANSITIONS,
    noun="报表",
    law=STATISTICS_LAW,
    cite="统计法",
    denied="无权办理该报表",
    step_url_name="statistics:return_step",
    list_url_name="statistics:return_list",
)
