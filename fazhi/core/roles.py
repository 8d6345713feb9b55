"""Roles, data scopes, work lines and the permission matrix (documented in
docs/permissions.md).

A user acts through one membership at a time (a unit and a role). The role says which
actions are allowed; the membership's data scope says which units' records they apply to,
and its work lines (业务条线) which kinds of record.
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


class WorkLine(models.TextChoices):
    """The lines of work (业务条线) a membership may act on: one per work-line app of
    DESIGN.md. A model names its line in `work_line`; models without one (units, users,
    read reports) are no line's."""

    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION = "litigation", "行政应诉"
    ENFORCEMENT = "enforcement", "行政执法监督"
    RULEMAKING = "rulemaking", "规范性文件·重大行政决策·法律顾问"
    MEDIATION = "mediation", "人民调解"
    LEGAL_AID = "legal_aid", "法律援助"
    LEGAL_SERVICES = "legal_services", "公共法律服务·公证"
    CORRECTIONS = "corrections", "社区矫正·安置帮教"
    PUBLICITY = "publicity", "普法"
    ACCOUNTABILITY = "accountability", "述法·督察·考核"
    STATISTICS = "statistics", "统计报表"
    # The statutory report is a duty of its own (drafted, reviewed, signed and filed), not
    # part of any case line, though it reads the figures of all of them.
    ANNUAL_REPORT = "annual_report", "年度报告"


class Action(models.TextChoices):
    VIEW = "view", "查看"
    CREATE = "create", "登记"
    CHANGE = "change", "办理"
    REVIEW = "review", "审核"
    SIGN = "sign", "签发"
    VIEW_HISTORY = "view_history", "查看操作记录"
    # 身份证号码 and the like in full; without it they are shown masked (个人信息保护法
    # 第六条: no more personal information than the purpose needs).
    VIEW_PERSONAL_DATA = "view_personal_data", "查看完整个人信息"
    MANAGE_USERS = "manage_users", "管理用户"
    MANAGE_UNITS = "manage_units", "管理单位"


A = Action
PERMISSIONS: dict[str, frozenset[str]] = {
    Role.OFFICER: frozenset({A.VIEW, A.CREATE, A.CHANGE, A.VIEW_PERSONAL_DATA}),
    Role.REVIEWER: frozenset(
        {A.VIEW, A.CREATE, A.CHANGE, A.REVIEW, A.VIEW_HISTORY, A.VIEW_PERSONAL_DATA}
    ),
    Role.LEADER: frozenset({A.VIEW, A.REVIEW, A.SIGN, A.VIEW_HISTORY, A.VIEW_PERSONAL_DATA}),
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
