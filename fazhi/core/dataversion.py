"""The data versions, and figures cached under them.

Every unit has a version (`UnitVersion`, a random number); a subtree's version is the sum of
its units' numbers. The first write to a unit's records in a transaction (any model of a
`fazhi` app, through `save()` or `delete()`) gives that unit's row a new random number, inside
the writer's transaction: a reader sees the new version exactly when it sees the new data,
and a rolled-back write restores the old one (whatever was cached inside the rolled-back
transaction is never found again: the numbers are random, a counter would be reused).
A figure is keyed on the versions of what its user may see (the units of the user's
scopes), so a registration in one district leaves the cached figures of every other
district warm and makes its own, its city's and its province's stale. A writer updates
only its own unit's row: writers in different units never wait on each other.

What belongs to no unit (the units themselves, whose names every page shows; users; the
holiday calendar; the public reports every user may read) changes the one platform-wide
`DataVersion`, which is part of every key; so do bulk loaders (`bump()`), as they change
everything without signals.

Keys must also carry everything else the figure depends on, above all the user's scope
(`querysets.scope_key`): a cached figure must never cross from one scope to another. They
carry the code's fingerprint too, so that a new release never reads what an older one cached
(another shape of value, another rendering).
"""

import functools
import hashlib
import random
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet, ObjectDoesNotExist
from django.db import transaction
from django.db.models import Q, Sum

from .models import DataVersion, FormToken, UnitVersion

VERSION_PK = 1  # the row the migration creates
_MISSING = object()
_TOKEN_RANGE = 2**40  # a subtree's sum of thousands of them stays within 64 bits (SQLite)


def bump() -> None:
    """Everything may have changed: the platform-wide version."""
    DataVersion.objects.filter(pk=VERSION_PK).update(token=uuid.uuid4().hex)


def current() -> str | None:
    """The platform-wide token, or None when the row is gone (a flushed test database): then
    nothing is cached."""
    return DataVersion.objects.filter(pk=VERSION_PK).values_list("token", flat=True).first()


class _Bumped:
    """The mark, among the transaction's on-commit callbacks, that a unit's version was
    changed in it. Django drops the callbacks of a rolled-back savepoint or transaction and
    clears them at commit, so the mark is there exactly while the change is."""

    def __init__(self, unit_id: int, transaction_id):
        self.unit_id, self.transaction_id = unit_id, transaction_id

    def __call__(self) -> None:
        pass  # nothing to do at commit: the version changed with the data


def _transaction_id(connection):
    """What names the transaction the connection is in (None: none, autocommit). The test
    runner's own atomic blocks are never committed: the block inside them is the
    transaction (its savepoint names it)."""
    blocks = connection.atomic_blocks
    wrappers = sum(1 for block in blocks if block._from_testcase)
    if len(blocks) <= wrappers:
        return None
    return connection.savepoint_ids[wrappers - 1] if wrappers else "transaction"


def _marks(connection, transaction_id) -> list:
    return [
        func
        for _, func, _ in connection.run_on_commit
        if isinstance(func, _Bumped) and func.transaction_id == transaction_id
    ]


def bump_unit(unit_id: int) -> None:
    """A unit's records changed: its version, once per transaction."""
    connection = transaction.get_connection()
    txn = _transaction_id(connection)
    if txn is not None and any(m.unit_id == unit_id for m in _marks(connection, txn)):
        return
    token = random.randrange(_TOKEN_RANGE)
    if not UnitVersion.objects.filter(unit_id=unit_id).update(token=token):
        UnitVersion.objects.bulk_create(
            [UnitVersion(unit_id=unit_id, token=token)], ignore_conflicts=True
        )
        UnitVersion.objects.filter(unit_id=unit_id).update(token=token)
    if txn is not None:
        connection.on_commit(_Bumped(unit_id, txn))


def _written_in_this_transaction() -> bool:
    connection = transaction.get_connection()
    txn = _transaction_id(connection)
    return txn is not None and bool(_marks(connection, txn))


def version_of(user) -> str | None:
    """The version of what `user` may see by any action (every unit for None), or None
    when nothing is to be cached."""
    from .querysets import scope_of
    from .roles import Action

    token = current()
    if token is None:
        return None
    scopes = {("all",)} if user is None else {scope_of(user, action) for action in Action}
    scopes.discard(("none",))
    if not scopes:
        return token
    if ("all",) in scopes:
        units = UnitVersion.objects.all()
    else:
        where = Q(pk__in=[])
        for scope in scopes:
            if scope[0] == "subtree":
                where |= Q(unit__path__startswith=scope[1])
            else:  # "unit", "own": the unit's own records
                where |= Q(unit_id=scope[1])
        units = UnitVersion.objects.filter(where)
    return f"{token}.{units.aggregate(sum=Sum('token'))['sum']}"


def remember(namespace: str, parts: tuple, compute, *, user=None):
    """`compute()`, cached under the versions of what `user` may see (every unit when no
    user is named) and `parts` (a tuple of plain values that, with the versions, determine
    the result). Inside a transaction that has written, nothing is cached: a later write
    of the same transaction changes no version again."""
    if _written_in_this_transaction():
        return compute()
    version = version_of(user)
    if version is None:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:40]
    key = f"fazhi:{namespace}:{code_fingerprint()}:{version}:{digest}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value)
    return value


def query_key(queryset) -> tuple | None:
    """A queryset as part of a cache key (its database and SQL carry the user's scope and
    filters, so equal keys mean equal rows), or None when the scope selects nothing."""
    try:
        return (queryset.db, queryset.query.sql_with_params())
    except EmptyResultSet:  # nothing in scope: no query to send
        return None


@functools.cache
def code_fingerprint() -> str:
    """Names, sizes and modification times of the code and templates, hashed (once per
    process)."""
    package = Path(__file__).resolve().parent.parent
    files = sorted(p for pattern in ("*.py", "*.html") for p in package.rglob(pattern))
    stamp = "".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns};" for p in files)
    return hashlib.sha256(stamp.encode()).hexdigest()[:12]


def track_writes(sender, instance, update_fields=None, **kwargs) -> None:
    """post_save / post_delete receiver: a record of the platform, or a user (whose name
    lists show), changed. A login's last_login is no change."""
    if sender in (DataVersion, UnitVersion, FormToken):  # a form shown is no record
        return
    if getattr(sender, "changes_no_figures", False):  # e.g. a notice read
        return
    if sender._meta.label == settings.AUTH_USER_MODEL:
        if update_fields is None or set(update_fields) - {"last_login"}:
            bump()
    elif sender.__module__.startswith("fazhi."):
        for unit_id in _owning_units(instance):
            if unit_id is None:
                bump()
            else:
                bump_unit(unit_id)


def _owning_units(instance) -> list:
    """The units whose records changed (None: something of no unit, or seen by all)."""
    from .models import Unit
    from .records import ScopedRecord

    if isinstance(instance, Unit) or getattr(instance, "scope_public_field", None):
        return [None]  # names shown everywhere; public records every user reads
    if not isinstance(instance, ScopedRecord):
        unit_id = getattr(instance, "unit_id", None)  # the event log
        return [unit_id] if unit_id is not None else [None]
    try:
        units = [instance.owning_unit_id]
    except ObjectDoesNotExist:  # a parent already gone (a cascade): count it as a change of all
        return [None]
    moved = instance.moved_from_unit()
    if moved is not False:
        units.append(moved)  # None: moved under another parent, of whichever unit
    return units
