"""The report's workflow as data: who may take which step from which state. A reader can
check it against the rules: 起草 → 审核 (section head) → 签发 (leader) → 报送 → 公开, with
returns for revision; a submitted report is frozen (a correction is a new version)."""

from fazhi.core.roles import Action
from fazhi.core.workflow import Transition, Workflow

from .deadlines import PUBLICATION_BASIS
from .models import AnnualReport, State

S = State
# Blocked while check problems are open (the service lists them).
CHECKED = frozenset({"approve_review", "sign_report"})
NEEDS_COMMENT = frozenset({"return_for_revision"})
OPEN_PROBLEMS = "检查问题均已修改或说明理由"
NOT_EDITABLE = "报告处于“{state}”状态，不能修改：审核中的须退回修改，已报送的须创建更正版本"


def _current(report):
    """A version replaced by its correction takes no step any more."""
    return not report.superseded


TRANSITIONS = (
    Transition("submit_for_review", "提交审核", (S.DRAFTING,), S.IN_REVIEW, when=_current),
    Transition(
        "approve_review",
        "审核通过",
        (S.IN_REVIEW,),
        S.AWAITING_SIGNATURE,
        permission=Action.REVIEW,
        guard=OPEN_PROBLEMS,
        when=_current,
    ),
    Transition(
        "return_for_revision",
        "退回修改",
        (S.IN_REVIEW, S.AWAITING_SIGNATURE),
        S.DRAFTING,
        permission=Action.REVIEW,
        guard="须填写意见",
        when=_current,
    ),
    Transition(
        "sign_report",
        "签发",
        (S.AWAITING_SIGNATURE,),
        S.SIGNED,
        permission=Action.SIGN,
        guard=OPEN_PROBLEMS,
        when=_current,
    ),
    # Editing is no step of its own: it keeps the report in drafting (its page, not a button).
    Transition(
        "edit_report",
        "编辑正文",
        (S.DRAFTING,),
        guard="起草中方可编辑",
        refusal=NOT_EDITABLE,
        button=False,
    ),
    Transition(
        "refresh_figures",
        "按记录刷新数据",
        (S.DRAFTING,),
        guard="主要举措和成效部分按记录重新生成",
        refusal=NOT_EDITABLE,
        button=False,
    ),
    Transition(
        "submit_report",
        "报送",
        (S.SIGNED,),
        S.SUBMITTED,
        article="法治政府建设与责任落实督察工作规定（报告报送）",
        guard="按报告单位类别报送本级党委、政府和上一级机关；报送后不得修改，更正须另立版本",
        when=_current,
    ),
    Transition(
        "publish_report",
        "公开",
        (S.SUBMITTED,),
        S.PUBLISHED,
        article=PUBLICATION_BASIS,
        guard="每年4月1日前通过报刊、网站等向社会公开",
        when=_current,
    ),
    # A correction leaves the submitted version as it was and starts a new one in drafting.
    Transition(
        "start_correction",
        "更正",
        (S.SUBMITTED, S.PUBLISHED),
        guard="原版本保留并标为已被取代，更正版本从起草开始",
        refusal="只有已报送或已公开的现行报告才能更正",
        when=_current,
        button=False,
    ),
)

REPORT_FLOW = Workflow(
    key="annual_report.report",
    label="法治政府建设年度报告",
    model=AnnualReport,
    transitions=TRANSITIONS,
    noun="报告",
    law="《法治政府建设与责任落实督察工作规定》",
    refusal="{noun}当前状态为“{state}”，不能{label}",
    denied="当前角色无权办理该报告",
    step_url_name="annual_report:report_step",
    list_url_name="annual_report:report_list",
    record_name="report",
    title_field="title",
)
