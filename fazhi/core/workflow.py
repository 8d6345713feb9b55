"""Workflows as data: for every record with states, which step may be taken in which state,
by whom, into which state, and on which article.

A work line declares one `Workflow` per stateful model and registers it from its apps.py;
its services check every step against the table (`check`, `step`), its record pages offer
the steps the user may take now (`available`, `buttons`, the template core/_steps.html), and
the page /workflows/ prints every registered table so that a reader can check it against the
law. Guards that need the record's data (deadlines, checklists, approvals) stay in the step's
service; the table names them in `guard` so the printed table is complete.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.urls import reverse

from .guards import permits, require
from .querysets import active_membership
from .roles import PERMISSIONS, Action, Role


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str | None = None  # None: the state does not change
    # Who may take the step: the roles named, or (none named) every role whose permissions
    # include `permission`. The record must be among `restrict(user, permission)` either way.
    roles: tuple[str, ...] = ()
    permission: str = Action.CHANGE
    article: str = ""
    guard: str = ""  # the conditions the step's service checks on the record's data
    # Whether the record's data allows the step at all: hides buttons that could only fail.
    # The service still checks (with its own message); `when` only decides the buttons.
    when: Callable[[object], bool] | None = None
    url_name: str = ""  # the step's own page (taking the record's pk), if not the workflow's
    # The states the step's result may lead to instead of `target` (考试未通过 for 考试合格).
    outcomes: tuple[str, ...] = ()
    refusal: str = ""  # this step's message for a wrong state (default: the workflow's)
    button: bool = True  # False: the step is taken from another record's page


class StepRefused(ValidationError):
    """A step that the table does not allow now; the message is Chinese."""


@dataclass(frozen=True)
class Button:
    """A step offered on a record's page: a link to its page, or a form posted in place."""

    transition: Transition
    url: str
    form: object | None = None


@dataclass(frozen=True)
class Workflow:
    key: str  # "app.model", the anchor of its table on /workflows/
    label: str  # the table's heading
    model: type
    transitions: tuple[Transition, ...]
    state_field: str = "state"
    noun: str = "记录"  # what the record is called in messages: 案件, 报告, 证件
    law: str = ""  # the statute the articles belong to, printed with the table
    cite: str = ""  # its short name, printed before a bare article (第三十条 → 行政复议法第三十条)
    intro: str = ""  # how the table reads (periods, counting of days)
    # The page of a step: reversed with the record's pk, the action as ?action=.
    step_url_name: str = ""
    list_url_name: str = ""  # the records' list, the first crumb of a step's page
    record_name: str = ""  # the service's keyword for the record (default: the model's name)
    title_field: str = ""  # what names a record on a step's page (default: str(record))
    # The message when the state does not allow the step; fields: noun, state, label,
    # allowed (the states that do), guard.
    refusal: str = "{noun}当前为“{state}”，不能办理“{label}”（仅限：{allowed}）"
    # The message when another user's step changed the record since the page was read.
    raced: str = "{noun}刚刚已由他人办理（当前为“{state}”），不能再办理“{label}”，请刷新页面查看"
    denied: str = ""  # the message when the record is out of the user's scope (default: guards')
    periods: tuple[tuple[str, str, str], ...] = ()  # (period, how it counts, article)
    by_action: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        actions = [t.action for t in self.transitions]
        if len(actions) != len(set(actions)):
            raise ImproperlyConfigured(f"{self.key}: 办理步骤重复")
        object.__setattr__(self, "by_action", {t.action: t for t in self.transitions})

    @property
    def record_kwarg(self) -> str:
        return self.record_name or self.model._meta.model_name

    def title(self, record) -> str:
        return str(getattr(record, self.title_field) if self.title_field else record)

    # — the table —

    def state_label(self, state) -> str:
        choices = dict(self.model._meta.get_field(self.state_field).flatchoices)
        return str(choices.get(state, state))

    def transition(self, action: str) -> Transition:
        try:
            return self.by_action[action]
        except KeyError:
            raise StepRefused(f"未知的办理步骤：{action}") from None

    def rows(self) -> list[dict]:
        """The printed table: one row per step, in Chinese."""
        return [
            {
                "transition": t,
                "sources": "、".join(self.state_label(s) for s in t.sources),
                "target": "或".join(
                    self.state_label(s) if s else "不变" for s in (t.target, *t.outcomes)
                ),
                "roles": "、".join(Role(r).label for r in roles_of(t)),
            }
            for t in self.transitions
        ]

    # — the services —

    def check(self, record, action: str, *, actor) -> Transition:
        """The transition, if `actor` may take it on `record` now; otherwise StepRefused (the
        state or the role does not allow it) or PermissionDenied (out of the actor's scope).

        The record's row is locked first and the record read again under the lock, inside
        the service's transaction: of two users taking a step on one record at the same
        moment, the second waits for the first and is then checked against what the first
        did — never two decisions on one case. Locking the record before anything else is
        written keeps one order of locks for every step (the record, then the numbers and
        the data version), so that two steps on one record never deadlock."""
        step = self.transition(action)
        read = getattr(record, self.state_field)
        self.lock(record)
        state = getattr(record, self.state_field)
        if state not in step.sources:
            message = self.raced if state != read else (step.refusal or self.refusal)
            raise StepRefused(
                message.format(
                    noun=self.noun,
                    state=self.state_label(state),
                    label=step.label,
                    allowed="、".join(self.state_label(s) for s in step.sources),
                    guard=step.guard,
                )
            )
        if step.roles and not actor.is_superuser and _role(actor) not in step.roles:
            roles = "、".join(Role(r).label for r in step.roles)
            raise StepRefused(f"“{step.label}”须由{roles}办理")
        require(actor, step.permission, record, self.denied)
        return step

    def lock(self, record) -> None:
        """Lock `record`'s row until the transaction ends and read it again (its fields as
        another transaction committed them). Only inside a transaction: a service's."""
        if record.pk is None:
            return
        if not transaction.get_connection().in_atomic_block:
            raise ImproperlyConfigured(f"{self.key}: 办理步骤须在服务的事务中检查")
        record.refresh_from_db(from_queryset=type(record)._base_manager.select_for_update())

    def move(self, record, step: Transition, into: str | None = None) -> str:
        """Put `record` into the step's target state, or `into` one of its outcomes (not
        saved); returns the state it left."""
        before = getattr(record, self.state_field)
        if into is not None and into not in (step.target, *step.outcomes):
            raise ImproperlyConfigured(f"{self.key}: “{step.label}”不能转为{into}")
        target = into or step.target
        if target is not None:
            setattr(record, self.state_field, target)
        return before

    def step(self, record, action: str, *, actor) -> Transition:
        """`check`, then `move`: for a step with no guard of its own. A service with guards
        checks first and moves once they passed, so that a refused step leaves the record as
        it was."""
        step = self.check(record, action, actor=actor)
        self.move(record, step)
        return step

    # — the pages —

    def offered(self, record, role: str | None, is_superuser: bool = False) -> list[Transition]:
        """The buttons the table offers `role` on `record` now (state, role, `when`); scope
        aside."""
        return [
            t for t in self.transitions if t.button and _open(t, record, self, role, is_superuser)
        ]

    def available(self, record, user) -> list[Transition]:
        """The steps `user` may take on `record` now: the table for the user's role, and the
        record within the user's scope for each step's permission."""
        in_scope: dict[str, bool] = {}

        def may(permission):
            if permission not in in_scope:
                in_scope[permission] = permits(user, permission, record)
            return in_scope[permission]

        return [
            t for t in self.offered(record, _role(user), user.is_superuser) if may(t.permission)
        ]

    def allows(self, record, action: str, user) -> bool:
        """Whether `user` may take `action` on `record` now (a step with or without a button:
        for a form shown on a page of its own)."""
        step = self.transition(action)
        return _open(step, record, self, _role(user), user.is_superuser) and permits(
            user, step.permission, record
        )

    def url(self, record, step: Transition) -> str:
        if step.url_name:
            return reverse(step.url_name, args=[record.pk])
        return f"{reverse(self.step_url_name, args=[record.pk])}?action={step.action}"

    def buttons(self, record, user, form: Callable | None = None) -> list[Button]:
        """The steps of `available` for core/_steps.html; `form(transition)` gives the form
        posted in place (None: a link to the step's page)."""
        return [
            Button(t, self.url(record, t), form(t) if form else None)
            for t in self.available(record, user)
        ]


def roles_of(step: Transition) -> tuple[str, ...]:
    """The roles that may take `step`: those named, or those whose role has its permission."""
    if step.roles:
        return step.roles
    return tuple(role for role in Role if step.permission in PERMISSIONS.get(role, ()))


def _open(step: Transition, record, workflow: Workflow, role, is_superuser: bool) -> bool:
    """The table (state, role) and the record's data (`when`) allow `step` now."""
    return (
        getattr(record, workflow.state_field) in step.sources
        and (is_superuser or role in roles_of(step))
        and (step.when is None or step.when(record))
    )


def _role(user) -> str | None:
    membership = active_membership(user)
    return membership.role if membership else None


_workflows: dict[str, Workflow] = {}


def register_workflow(*workflows: Workflow) -> None:
    """Make the workflows known to /workflows/ (called from the work line's apps.py)."""
    for workflow in workflows:
        known = _workflows.get(workflow.key)
        if known is not None and known is not workflow:
            raise ImproperlyConfigured(f"流程“{workflow.key}”已登记")
        _workflows[workflow.key] = workflow


def registered_workflows() -> list[Workflow]:
    return list(_workflows.values())


def get_workflow(key: str) -> Workflow:
    return _workflows[key]
