"""Who sees which rows of 社区矫正 and how identity fields are shown (社区矫正法 第四、二十六、
二十九、五十四、五十八条; 个人信息保护法 第二十八、三十四条). One copy for the pages, exports,
API and figures.

- `restrict(user, action)` is the platform's scope (unit tree, line, role): what the figures
  count (a 督察员 reads them) and what the scope key of cached figures stands for.
- `rows(user, action)` adds the row rules: 督察员, 单位管理员 and every member of a 依法治办
  see no rows (counts only); a minor's record only its named handlers (`Subject.handlers`);
  location points only the subject's handlers. Every list, page, export and API reads it.
- `drilled(user)`: the rows behind a figure — `rows`, minors never.
- `identity_access(user, record)`: "reveal" (masked, 申请查看 allowed: staff of the county
  whose record it is, and system administrators), or "hidden" (the superior bureau: rows
  without identity fields).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.querysets import (
    RestrictedManager,
    RestrictedQuerySet,
    active_membership,
    acts_on,
)
from fazhi.core.roles import Action, Role, role_allows

COUNT_ONLY_ROLES = (Role.INSPECTOR, Role.UNIT_ADMIN)
REVEAL = "reveal"
HIDDEN = "hidden"


def counts_only(user) -> bool:
    """督察员, 单位管理员 and the 依法治办 see the line's figures, never its rows."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return False
    membership = active_membership(user)
    return (
        membership is None
        or membership.role in COUNT_ONLY_ROLES
        or membership.unit.kind == Unit.Kind.RULE_OF_LAW_OFFICE
    )


def _handled_by(user, path: str) -> Q:
    from .models import Subject

    return Q(
        **{f"{path}pk__in": Subject.handlers.through.objects.filter(user=user).values("subject")}
    )


def row_rule(model, user) -> Q | None:
    """The row rule of `model` for `user` (None: no row at all)."""
    if counts_only(user):
        return None
    path = getattr(model, "row_rule_path", None)
    if path is None:  # no subject behind it (an investigation): the role alone decides
        return Q()
    if getattr(model, "handlers_only", False):
        return _handled_by(user, path)
    return Q(**{f"{path}is_minor": False}) | _handled_by(user, path)


class RowRuleQuerySet(RestrictedQuerySet):
    """`restrict` stays the platform's scope (what the figures count and the scope key
    stands for); `rows` adds the line's row rules for every list, page, export and API."""

    def rows(self, user, action: str = Action.VIEW):
        scoped = self.restrict(user, action)
        rule = row_rule(self.model, user)
        return scoped.none() if rule is None else scoped.filter(rule)

    def drilled(self, user):
        """The records behind a figure: the rows, never a minor's (第五十四条)."""
        rows = self.rows(user, Action.VIEW)
        minor = getattr(self.model, "row_rule_path", None)
        return rows if minor is None else rows.filter(**{f"{minor}is_minor": False})


RowRuleManager = RestrictedManager.from_queryset(RowRuleQuerySet)


def district_of(unit: Unit) -> Unit:
    return unit.scope_root


def identity_access(user, record) -> str:
    """REVEAL for the staff of the record's county (with 查看完整个人信息) and system
    administrators; HIDDEN for everyone else who sees the row (the superior bureau)."""
    if user.is_superuser:
        return REVEAL
    membership = active_membership(user)
    if membership is None or not role_allows(membership.role, Action.VIEW_PERSONAL_DATA):
        return HIDDEN
    county = record.unit.scope_root
    if membership.unit.path.startswith(county.path):
        return REVEAL
    return HIDDEN


# — masking —


def mask_name(value: str) -> str:
    """张三丰 → 张*丰, 张三 → 张*, 欧阳小明 → 欧**明."""
    if not value:
        return ""
    if len(value) <= 2:
        return value[0] + "*"
    return value[0] + "*" * (len(value) - 2) + value[-1]


def mask_id(value: str) -> str:
    """Only the last four characters: **************1234."""
    if not value:
        return ""
    return "*" * (len(value) - 4) + value[-4:] if len(value) > 4 else "*" * len(value)


def mask_phone(value: str) -> str:
    """138****5678."""
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_address(value: str, community: str = "") -> str:
    """The address down to the 村/社区 only."""
    return (
        f"{community}（详细地址已隐藏）" if community else ("（详细地址已隐藏）" if value else "")
    )


def masked(record, field: str) -> str:
    value = getattr(record, field) or ""
    if field in ("name", "person_name"):
        return mask_name(value)
    if field == "id_number":
        return mask_id(value)
    if field == "phone":
        return mask_phone(value)
    if field == "address":
        return mask_address(value, getattr(record, "community", ""))
    return "***"


def shown(user, record, field: str) -> str:
    """An identity field as `user` sees it in a row: masked, or hidden altogether."""
    if identity_access(user, record) == HIDDEN:
        return "（不显示）"
    return masked(record, field)


def event_rule(user) -> Q | None:
    """The line's events on /events/ (numbers only: the summaries name the 矫正编号, a minor's
    not even that): to the history readers who act on 社区矫正 and read rows, within their
    scope; none to the counts-only roles or to staff of other lines."""
    if counts_only(user) or not acts_on(user, "corrections"):
        return None
    return Q()


def require_row(user, record) -> None:
    """PermissionDenied unless `record` is among `rows(user)` (the services' second guard)."""
    if not type(record).objects.rows(user, Action.VIEW).filter(pk=record.pk).exists():
        raise PermissionDenied(refusal(user))


def refusal(user) -> str:
    if counts_only(user):
        return (
            "督察员、单位管理员和依法治办只查看社区矫正的统计数量，不查看名单（社区矫正法 第四条）"
        )
    return "未成年社区矫正对象的档案仅具名执法人员可以查看（社区矫正法 第五十四条）"
