"""The guards every service and view uses: may this user do this to this record, is this
date not in the future, is this record valid before it is saved. One copy for every work
line (the services raise, the views and templates ask)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from .querysets import acts_on
from .roles import Action, WorkLine
from .validators import mask_id_number


def today() -> datetime.date:
    return timezone.localdate()


def permits(user, action: str, record) -> bool:
    """Whether `user` may `action` `record`: the record is among `restrict(user, action)`."""
    if record is None or record.pk is None:
        return False
    return type(record)._default_manager.restrict(user, action).filter(pk=record.pk).exists()


def require(user, action: str, record, message: str = "") -> None:
    """PermissionDenied (with a Chinese message) unless `permits(user, action, record)`."""
    if not permits(user, action, record):
        raise PermissionDenied(message or _refusal(action, record))


def require_unit(user, unit, action: str = Action.CREATE, work_line: str | None = None) -> None:
    """PermissionDenied unless `user` may `action` records of `unit` (of the work line
    `work_line`, when the records belong to one: a unit itself belongs to none)."""
    require_line(user, work_line, action)
    require(user, action, unit, f"无权为“{unit.name}”办理此事项")


def require_line(user, work_line: str | None, action: str = Action.CREATE) -> None:
    """PermissionDenied unless the active membership may `action` records of `work_line`."""
    if work_line is not None and not acts_on(user, work_line, action):
        raise PermissionDenied(f"当前任职不办理{WorkLine(work_line).label}业务")


def _refusal(action: str, record) -> str:
    label = Action(action).label if action in Action.values else action
    return f"无权{label}该{type(record)._meta.verbose_name}"


def not_future(day: datetime.date | None, label: str) -> None:
    """ValidationError when `day` lies after today (a step cannot be recorded in advance)."""
    if day is not None and day > today():
        raise ValidationError(f"{label}（{day:%Y-%m-%d}）不能晚于今天")


def saved(record):
    """`record` validated (full_clean, Chinese messages) and saved; returned for chaining."""
    record.full_clean()
    record.save()
    return record


def can_view_personal_data(user, record) -> bool:
    """Whether `user` reads the personal data of `record` (身份证号码 and the like) in full:
    the one rule of every page and API — VIEW_PERSONAL_DATA on the record, its unit and its
    work line; everyone else sees them masked.

    `record` is one the user is shown, found through `restrict(user, "view")`. A data scope
    is the same for every action, so the role and the record's line then decide, without a
    query per row of a list; only a record that may be public is checked against the scope."""
    model = type(record)
    if getattr(model, "scope_public_field", None):
        return permits(user, Action.VIEW_PERSONAL_DATA, record)
    return acts_on(user, getattr(model, "work_line", None), Action.VIEW_PERSONAL_DATA)


def shown_id_number(user, record, id_number: str) -> str:
    """`id_number` of `record` as `user` may see it: in full or masked."""
    return id_number if can_view_personal_data(user, record) else mask_id_number(id_number)
