"""The guards every service and view uses: may this user do this to this record, is this
date not in the future, is this record valid before it is saved. One copy for every work
line (the services raise, the views and templates ask)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from .roles import Action


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


def require_unit(user, unit, action: str = Action.CREATE) -> None:
    """PermissionDenied unless `user` may `action` records of `unit`."""
    require(user, action, unit, f"无权为“{unit.name}”办理此事项")


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
