"""The 督察 finding's flow as data: found (未反馈) → fed back to the unit (待报整改方案) →
the unit's 整改方案 (整改中) → the unit asks for 销号 with evidence (待核验销号) → the
依法治办 verifies and closes it (已销号) or sends it back. The inspected unit's two steps
(its `rectify` action) are the only ones open to it; escalation (函询约谈、挂牌督办、通报批评)
does not change the state. /workflows/ prints the table."""

from fazhi.core.roles import Action, Role
from fazhi.core.workflow import Transition, Workflow

from .models import Finding, FindingState

S = FindingState
SUBJECT = (Role.LEADER, Role.UNIT_ADMIN)
BASIS = "法治督察工作规定（厅字〔2019〕28号）；中央依法治国办关于督察整改的要求（2021）"

FINDING_FLOW = Workflow(
    key="accountability.finding",
    label="督察问题整改与销号",
    model=Finding,
    noun="督察问题",
    law=BASIS,
    record_name="finding",
    step_url_name="accountability:finding_step",
    list_url_name="accountability:finding_list",
    transitions=(
        Transition(
            "feed_back",
            "反馈督察意见",
            (S.DRAFT,),
            S.FED_BACK,
            guard="随督察方案一并反馈：反馈日期不早于督察开始日期、不晚于今天",
            button=False,
        ),
        Transition(
            "submit_plan",
            "报送整改方案",
            (S.FED_BACK, S.RECTIFYING),
            S.RECTIFYING,
            roles=SUBJECT,
            permission=Action.VIEW,
            guard="仅被督察单位的负责人或单位管理员；写明整改措施、责任部门、责任人和完成时限",
        ),
        Transition(
            "request_closure",
            "申请销号",
            (S.RECTIFYING,),
            S.SUBMITTED,
            roles=SUBJECT,
            permission=Action.VIEW,
            guard="仅被督察单位的负责人或单位管理员；须提供整改佐证材料",
        ),
        Transition(
            "verify_closure",
            "核验销号",
            (S.SUBMITTED,),
            S.CLOSED,
            guard="依法治办核验佐证材料后销号；核验人为办理人",
        ),
        Transition(
            "return_closure",
            "退回补充整改",
            (S.SUBMITTED,),
            S.RECTIFYING,
            guard="写明退回理由",
        ),
        Transition(
            "escalate",
            "督办",
            (S.FED_BACK, S.RECTIFYING),
            guard="整改方案逾期未报或整改逾期未完成的，依次函询约谈、挂牌督办、通报批评",
            when=lambda finding: finding.next_escalation is not None,
        ),
    ),
)
