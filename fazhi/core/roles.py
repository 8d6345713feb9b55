"""Roles, data scopes and the permission matrix (documented in docs/permissions.md).

A user acts through one membership at a time (a unit and a role). The role says which
actions are allowed; the membership's data scope says which records they apply to.
"""

from django.db import models


class Role(models.TextChoices):
    OFFICER = "officer", "经办人"
    REVIEWER = "reviewer", "审核人"
    LEADER = "leader", "负责人"
    INSPECTOR = "inspector", "督察员"
    UNIT_ADMIN = "unit_admin", "单位管理员"


class DataScope(models.TextChoices):
    OWN_RECORDS = "own_records", "仅本人"
    OWN_UNIT = "own_unit", "本单位"
    SUBTREE = "subtree", "本单位及下级"
    # 全部 is never stored on a membership: it belongs to system administrators only.
    ALL = "all", "全部"


class Action(models.TextChoices):
    VIEW = "view", "查看"
    CREATE = "create", "登记"
    CHANGE = "change", "办理"
    REVIEW = "review", "审核"
    SIGN = "sign", "签发"
    VIEW_HISTORY = "view_history", "查看操作记录"
    MANAGE_USERS = "manage_users", "管理用户"
    MANAGE_UNITS = "manage_units", "管理单位"


A = Action
PERMISSIONS: dict[str, frozenset[str]] = {
    Role.OFFICER: frozenset({A.VIEW, A.CREATE, A.CHANGE}),
    Role.REVIEWER: frozenset({A.VIEW, A.CREATE, A.CHANGE, A.REVIEW, A.VIEW_HISTORY}),
    Role.LEADER: frozenset({A.VIEW, A.REVIEW, A.SIGN, A.VIEW_HISTORY}),
    Role.INSPECTOR: frozenset({A.VIEW, A.VIEW_HISTORY}),
    Role.UNIT_ADMIN: frozenset({A.VIEW, A.VIEW_HISTORY, A.MANAGE_USERS, A.MANAGE_UNITS}),
}

DEFAULT_SCOPE: dict[str, str] = {
    Role.OFFICER: DataScope.OWN_UNIT,
    Role.REVIEWER: DataScope.OWN_UNIT,
    Role.LEADER: DataScope.SUBTREE,
    Role.INSPECTOR: DataScope.SUBTREE,
    Role.UNIT_ADMIN: DataScope.SUBTREE,
}


def role_allows(role: str, action: str) -> bool:
    return action in PERMISSIONS.get(role, frozenset())
