"""Every state change of the core records: one audited, atomic function per action."""

import hashlib

from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from . import attachments, calendar, wordtemplates
from .audit import record_event, service
from .guards import require, require_unit, saved
from .models import (
    Account,
    Attachment,
    CalendarYear,
    HolidayOverride,
    Membership,
    Unit,
    WordTemplate,
)
from .roles import DEFAULT_SCOPE, Action, DataScope
from .validators import division_code_fits_parent

User = get_user_model()


def _check_placement(kind: str, parent: Unit | None, division_code: str) -> None:
    if kind in Unit.AREA_KINDS:
        allowed = Unit.AREA_PARENT[kind]
        parent_kind = parent.kind if parent else None
        if parent_kind not in allowed:
            raise ValidationError(
                f"{Unit.Kind(kind).label}不能设在{Unit.Kind(parent_kind).label if parent else '顶层'}之下"
            )
    elif parent is None or not parent.is_area:
        raise ValidationError("机关必须隶属于一个行政区划（省、市、区/县或街道/乡镇）")
    if parent and not division_code_fits_parent(division_code, parent.division_code):
        raise ValidationError(
            f"行政区划代码“{division_code}”与上级“{parent.name}”的代码“{parent.division_code}”不符"
        )


@service
def create_unit(
    *, actor, name: str, kind: str, parent: Unit | None, division_code: str = ""
) -> Unit:
    """Add a unit (行政区划 or 机关) under `parent`; a top-level unit needs a system administrator."""
    if parent is None:
        if not actor.is_superuser:
            raise PermissionDenied("只有系统管理员可以创建顶层单位")
    else:
        require_unit(actor, parent, Action.MANAGE_UNITS)
    _check_placement(kind, parent, division_code)
    unit = Unit(name=name.strip(), kind=kind, parent=parent, division_code=division_code)
    unit.path = (parent.path if parent else "/") + Unit.new_path_segment() + "/"
    saved(unit)
    record_event(
        actor=actor,
        action="unit.create",
        summary=f"新建单位“{unit.name}”",
        target=unit,
        unit=unit,
    )
    return unit


@service
def update_unit(*, actor, unit: Unit, name: str, division_code: str, is_active: bool) -> Unit:
    require_unit(actor, unit, Action.MANAGE_UNITS)
    if unit.parent and not division_code_fits_parent(division_code, unit.parent.division_code):
        raise ValidationError(f"行政区划代码“{division_code}”与上级“{unit.parent.name}”的代码不符")
    unit.name, unit.division_code, unit.is_active = name.strip(), division_code, is_active
    saved(unit)
    record_event(
        actor=actor, action="unit.update", summary=f"修改单位“{unit.name}”", target=unit, unit=unit
    )
    return unit


@service
def move_unit(*, actor, unit: Unit, new_parent: Unit, reason: str) -> Unit:
    """Re-attach a unit (and its subtree) elsewhere; its records and history stay with it."""
    require_unit(actor, unit, Action.MANAGE_UNITS)
    require_unit(actor, new_parent, Action.MANAGE_UNITS)
    if new_parent.path.startswith(unit.path):
        raise ValidationError("不能把单位移到它自己或它的下级之下")
    if not reason.strip():
        raise ValidationError("请填写调整隶属关系的理由")
    _check_placement(unit.kind, new_parent, unit.division_code)
    old_parent, old_path = unit.parent, unit.path
    new_path = new_parent.path + old_path.rstrip("/").rsplit("/", 1)[-1] + "/"
    # One save per unit so that every path change is in the audit trail.
    for node in Unit.objects.filter(path__startswith=old_path).order_by("path"):
        node.path = new_path + node.path[len(old_path) :]
        if node.pk == unit.pk:
            node.parent = new_parent
        node.save()
    unit.refresh_from_db()
    record_event(
        actor=actor,
        action="unit.move",
        summary=f"将“{unit.name}”从“{old_parent}”调整到“{new_parent}”",
        target=unit,
        unit=unit,
        reason=reason,
        data={"from": old_parent.pk if old_parent else None, "to": new_parent.pk},
    )
    return unit


@service
def create_user(
    *,
    actor,
    username: str,
    full_name: str,
    password: str,
    unit: Unit,
    role: str,
    data_scope: str | None = None,
    work_lines: list[str] | None = None,
    must_change_password: bool = True,
) -> User:
    """Open an account with its first membership (单位管理员 for units in the own subtree).
    Its holder must change the initial password at first login (the demo's accounts need not)."""
    require_unit(actor, unit, Action.MANAGE_USERS)
    if User.objects.filter(username=username).exists():
        raise ValidationError(f"用户名“{username}”已被使用")
    user = User(username=username, first_name=full_name)
    validate_password(password, user=user)
    user.set_password(password)
    saved(user)
    saved(Account(user=user, must_change_password=must_change_password))
    grant_membership(
        actor=actor, user=user, unit=unit, role=role, data_scope=data_scope, work_lines=work_lines
    )
    record_event(
        actor=actor,
        action="user.create",
        summary=f"开通用户“{full_name}（{username}）”",
        target=user,
        unit=unit,
    )
    return user


def _home_unit(user) -> Unit | None:
    """The unit whose administrators see the events of `user`'s account."""
    membership = user.memberships.filter(is_active=True).select_related("unit").first()
    return membership.unit if membership else None


def _set_password(*, user, password: str, must_change: bool) -> None:
    """Store a checked password; its field history says that it changed, never its value."""
    validate_password(password, user=user)
    user.set_password(password)
    user.save(update_fields=["password"])
    LogEntry.objects.log_create(
        user, action=LogEntry.Action.UPDATE, changes={"password": ["******", "******"]}
    )
    account, _ = Account.objects.get_or_create(user=user)
    account.must_change_password = must_change
    account.password_changed_at = timezone.now()
    account.save()


@service
def change_password(*, actor, old_password: str, new_password: str) -> User:
    """The holder changes the own password (which ends a forced change)."""
    if not actor.check_password(old_password):
        raise ValidationError("原密码不正确")
    if old_password == new_password:
        raise ValidationError("新密码不能与原密码相同")
    _set_password(user=actor, password=new_password, must_change=False)
    record_event(
        actor=actor,
        action="user.password_change",
        summary=f"用户“{actor.first_name or actor.username}（{actor.username}）”修改密码",
        target=actor,
        unit=_home_unit(actor),
    )
    return actor


@service
def reset_password(*, actor, membership: Membership, new_password: str) -> User:
    """A unit administrator sets a new password for a user of the own subtree; the holder
    must change it at the next login."""
    require_unit(actor, membership.unit, Action.MANAGE_USERS)
    user = membership.user
    if user == actor:
        raise ValidationError("请通过“修改密码”修改自己的密码")
    _set_password(user=user, password=new_password, must_change=True)
    record_event(
        actor=actor,
        action="user.password_reset",
        summary=f"重置用户“{user.first_name or user.username}（{user.username}）”的密码",
        target=user,
        unit=membership.unit,
    )
    return user


@service
def grant_membership(
    *,
    actor,
    user,
    unit: Unit,
    role: str,
    data_scope: str | None = None,
    work_lines: list[str] | None = None,
):
    """A new membership; `work_lines` None for all lines (the default, as for a 负责人)."""
    require_unit(actor, unit, Action.MANAGE_USERS)
    scope = data_scope or DEFAULT_SCOPE[role]
    if scope == DataScope.ALL:
        raise ValidationError("“全部”数据范围只属于系统管理员")
    if Membership.objects.filter(user=user, unit=unit, role=role).exists():
        raise ValidationError("该用户在此单位已有此角色")
    membership = Membership(user=user, unit=unit, role=role, data_scope=scope)
    _set_lines(membership, work_lines)
    saved(membership)
    record_event(
        actor=actor,
        action="membership.grant",
        summary=f"授予任职：{membership}",
        target=membership,
        unit=unit,
    )
    return membership


def _set_lines(membership: Membership, work_lines: list[str] | None) -> None:
    membership.all_work_lines = work_lines is None
    membership.work_lines = [] if work_lines is None else sorted(set(work_lines))


@service
def set_work_lines(*, actor, membership: Membership, work_lines: list[str] | None) -> Membership:
    """Assign the work lines (业务条线) a membership acts on; None for all of them."""
    require_unit(actor, membership.unit, Action.MANAGE_USERS)
    if not membership.is_active:
        raise ValidationError("该任职已经失效")
    before = membership.work_lines_display()
    _set_lines(membership, work_lines)
    if membership.work_lines_display() == before:
        raise ValidationError("业务条线没有变化")
    saved(membership)
    record_event(
        actor=actor,
        action="membership.work_lines",
        summary=f"调整业务条线：{membership}（{before} → {membership.work_lines_display()}）",
        target=membership,
        unit=membership.unit,
    )
    return membership


@service
def revoke_membership(*, actor, membership: Membership, reason: str) -> Membership:
    require_unit(actor, membership.unit, Action.MANAGE_USERS)
    if not membership.is_active:
        raise ValidationError("该任职已经失效")
    membership.is_active = False
    saved(membership)
    record_event(
        actor=actor,
        action="membership.revoke",
        summary=f"撤销任职：{membership}",
        target=membership,
        unit=membership.unit,
        reason=reason,
    )
    return membership


@service
def enter_calendar_year(
    *, actor, year: int, notice: str, holidays: list, workdays: list
) -> CalendarYear:
    """Enter a year's 节假日安排 from the State Council notice (system administrators)."""
    if not actor.is_superuser:
        raise PermissionDenied("只有系统管理员可以录入节假日安排")
    if CalendarYear.objects.filter(year=year).exists():
        raise ValidationError(f"{year}年节假日安排已经录入")
    wrong_year = [d for d in [*holidays, *workdays] if d.year != year]
    if wrong_year:
        raise ValidationError(f"日期 {wrong_year[0]:%Y-%m-%d} 不属于{year}年")
    both = set(holidays) & set(workdays)
    if both:
        raise ValidationError(f"日期 {min(both):%Y-%m-%d} 不能既放假又调休上班")
    calendar_year = saved(CalendarYear(year=year, notice=notice))
    for day, name in [*((d, "放假") for d in holidays), *((d, "调休上班") for d in workdays)]:
        HolidayOverride.objects.update_or_create(
            date=day,
            defaults={
                "is_workday": name == "调休上班",
                "name": name,
                "calendar_year": calendar_year,
            },
        )
    calendar.year_entered.send(sender=CalendarYear, year=year, actor=actor)
    # The calendar is national: its event belongs to no unit (system administrators see it).
    record_event(
        actor=actor,
        action="calendar.enter_year",
        summary=f"录入{year}年节假日安排",
        target=calendar_year,
        unit=None,
        data={"notice": notice},
    )
    return calendar_year


@service
def attach_file(*, actor, target, uploaded_file) -> Attachment:
    """Attach a checked file to a record the actor may change."""
    action = getattr(type(target), "change_action", Action.CHANGE)
    require(actor, action, target, "无权为该记录上传附件")
    content = attachments.read_checked(uploaded_file)
    digest = hashlib.sha256(content.data).hexdigest()
    unit = target if isinstance(target, Unit) else target.unit
    attachment = Attachment(
        target=target,
        unit=unit,
        original_name=content.name,
        content_type=content.mime,
        size=len(content.data),
        sha256=digest,
        uploaded_by=actor,
    )
    attachment.file.save(digest, ContentFile(content.data), save=False)
    saved(attachment)
    record_event(
        actor=actor,
        action="attachment.add",
        summary=f"上传附件“{content.name}”",
        target=target,
        unit=unit,
    )
    return attachment


@service
def upload_word_template(*, actor, unit: Unit, key: str, uploaded_file) -> WordTemplate:
    """A unit's own template of a kind of 文书: a Word file whose fields are all the kind's."""
    require(actor, Action.MANAGE_UNITS, unit, "无权管理该单位的文书模板")
    kind = wordtemplates.KINDS.get(key)
    if kind is None:
        raise ValidationError("没有这种文书")
    content = attachments.read_checked(uploaded_file)
    if not content.name.lower().endswith(".docx"):
        raise ValidationError("文书模板须为Word文档（.docx）")
    wordtemplates.check(content.data, kind.field_names)
    if kind.numbered and "文号" not in wordtemplates.fields_in(content.data):
        raise ValidationError("模板中须有“{{ 文号 }}”：文书签发时在该处填入文号")
    digest = hashlib.sha256(content.data).hexdigest()
    template = WordTemplate.objects.filter(unit=unit, key=key).first() or WordTemplate(
        unit=unit, key=key
    )
    template.original_name = content.name
    template.sha256 = digest
    template.uploaded_by = actor
    template.file.save(f"{digest}.docx", ContentFile(content.data), save=False)
    saved(template)
    record_event(
        actor=actor,
        action="word_template.upload",
        summary=f"上传{kind.title}模板“{content.name}”",
        target=template,
        unit=unit,
    )
    return template


@service
def reset_word_template(*, actor, unit: Unit, key: str) -> None:
    """Back to the shipped default template of a kind of 文书."""
    require(actor, Action.MANAGE_UNITS, unit, "无权管理该单位的文书模板")
    template = WordTemplate.objects.filter(unit=unit, key=key).first()
    if template is None:
        raise ValidationError("本单位使用的已是默认模板")
    record_event(
        actor=actor,
        action="word_template.reset",
        summary=f"{wordtemplates.KINDS[key].title}恢复默认模板",
        target=unit,
        unit=unit,
    )
    template.delete()
