"""The report's workflow as data: who may take which step from which state. A reader can
check it against the rules: 起草 → 审核 (section head) → 签发 (leader) → 报送 → 公开, with
returns for revision; a submitted report is frozen (a correction is a new version)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from fazhi.core.roles import Action

from .models import State

S = State


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str
    scope_action: str  # the role's action (roles.py) the step needs
    checked: bool = False  # blocked by open check problems (审核、签发)
    needs_comment: bool = False


TRANSITIONS = (
    Transition("submit_for_review", "提交审核", (S.DRAFTING,), S.IN_REVIEW, Action.CHANGE),
    Transition(
        "approve_review", "审核通过", (S.IN_REVIEW,), S.AWAITING_SIGNATURE, Action.REVIEW, True
    ),
    Transition(
        "return_for_revision",
        "退回修改",
        (S.IN_REVIEW, S.AWAITING_SIGNATURE),
        S.DRAFTING,
        Action.REVIEW,
        needs_comment=True,
    ),
    Transition("sign_report", "签发", (S.AWAITING_SIGNATURE,), S.SIGNED, Action.SIGN, True),
    Transition("submit_report", "报送", (S.SIGNED,), S.SUBMITTED, Action.CHANGE),
    Transition("publish_report", "公开", (S.SUBMITTED,), S.PUBLISHED, Action.CHANGE),
)
BY_ACTION = {t.action: t for t in TRANSITIONS}


def transition(action: str, state: str) -> Transition:
    step = BY_ACTION[action]
    if state not in step.sources:
        raise ValidationError(f"报告当前状态为“{State(state).label}”，不能{step.label}")
    return step


def available(state: str) -> list[Transition]:
    return [t for t in TRANSITIONS if state in t.sources]
