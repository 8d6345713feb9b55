"""Services write business records only through `@service`, which makes each call one
transaction that carries its audit: the field history (django-auditlog) and one domain event.

The guard counts the SQL writes to audited tables during the call; if a write left no
audit entry (a QuerySet.update(), a bulk insert, raw SQL) or the call recorded no domain
event, the whole call is rolled back with UnauditedWriteError.
"""

import contextvars
import functools
import re

from auditlog.context import set_actor
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from .querysets import UnauditedWriteError, active_membership

_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
_current = contextvars.ContextVar("fazhi_service", default=None)


class _WriteCounter:
    def __init__(self, audited_tables: set[str], log_table: str, event_table: str):
        self.audited_tables = audited_tables
        self.log_table = log_table
        self.event_table = event_table
        self.writes: list[str] = []
        self.logs = 0
        self.events = 0

    def __call__(self, execute, sql, params, many, context):
        match = _WRITE.match(sql)
        if match:
            table = match.group(1)
            if table == self.log_table:
                self.logs += 1
            elif table == self.event_table:
                self.events += 1
            elif table in self.audited_tables:
                # executemany writes many rows in one call: count it as unauditable.
                self.writes.extend([table] * (2 if many else 1))
        return execute(sql, params, many, context)

    def check(self, name: str) -> None:
        if self.writes and self.logs < len(self.writes):
            raise UnauditedWriteError(
                f"服务 {name} 写入了 {sorted(set(self.writes))}，但只有 {self.logs} 条审计记录"
            )
        if self.writes and not self.events:
            raise UnauditedWriteError(f"服务 {name} 修改了业务记录却没有记录业务操作")


def audited_tables() -> set[str]:
    return {model._meta.db_table for model in auditlog.get_models()}


def service(func):
    """Make `func(*, actor, ...)` an atomic, audited service (keyword-only arguments)."""

    @functools.wraps(func)
    def wrapper(*args, actor, **kwargs):
        if args:
            raise TypeError(f"{func.__name__} takes keyword arguments only")
        if _current.get() is not None:  # nested service: the outer call guards
            return func(actor=actor, **kwargs)
        from auditlog.models import LogEntry

        from .models import DomainEvent

        counter = _WriteCounter(
            audited_tables(), LogEntry._meta.db_table, DomainEvent._meta.db_table
        )
        token = _current.set(func.__name__)
        try:
            with (
                transaction.atomic(),
                set_actor(actor),
                connection.execute_wrapper(counter),
            ):
                result = func(actor=actor, **kwargs)
                counter.check(func.__name__)
            return result
        finally:
            _current.reset(token)

    wrapper.is_service = True
    return wrapper


def record_event(*, actor, action: str, summary: str, target, unit, reason: str = "", data=None):
    """Write the domain event of one business action (inside the service's transaction)."""
    from .models import DomainEvent

    if _current.get() is None:
        raise RuntimeError("record_event 只能在服务中调用")
    membership = active_membership(actor)
    return DomainEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        acting_unit=membership.unit if membership else None,
        unit=unit,
        action=action,
        summary=summary[:300],  # the column's length: a long name must not refuse the action
        reason=reason,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        target_repr=str(target)[:200],
        data=data or {},
    )


# Lines whose domain events are read more narrowly than their unit's (社区矫正: its staff only,
# reasons kept to the record's own page): {action prefix: (rule, private reason)}; declared
# with `line.events`, read by `selectors.events`.
_event_rules: dict = {}


def register_event_rule(prefix: str, rule, private_reason: bool) -> None:
    _event_rules[prefix] = (rule, private_reason)


def event_rules() -> dict:
    return dict(_event_rules)
