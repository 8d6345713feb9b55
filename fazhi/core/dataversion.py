"""The data version, and figures cached under it.

Every write to the platform's records (any model of a `fazhi` app and the users, through
`save()` or `delete()`; bulk loaders call `bump()` themselves) gives the one DataVersion row a new random
token, inside the writer's transaction. A reader therefore sees the new token exactly when it
sees the new data, and a cached figure keyed on the token is never served after a change. A
rolled-back write restores the old token; as every token is random, whatever was cached
inside the rolled-back transaction is never found again (a counter would be reused).

Keys must also carry everything else the figure depends on, above all the user's scope
(`querysets.scope_key`): a cached figure must never cross from one scope to another. They
carry the code's fingerprint too, so that a new release never reads what an older one cached
(another shape of value, another rendering).
"""

import functools
import hashlib
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet

from .models import DataVersion, FormToken

VERSION_PK = 1  # the row the migration creates
_MISSING = object()


def bump() -> None:
    DataVersion.objects.filter(pk=VERSION_PK).update(token=uuid.uuid4().hex)


def current() -> str | None:
    """The token, or None when the row is gone (a flushed test database): then nothing is
    cached."""
    return DataVersion.objects.filter(pk=VERSION_PK).values_list("token", flat=True).first()


def remember(namespace: str, parts: tuple, compute):
    """`compute()`, cached under the data version and `parts` (a tuple of plain values that,
    with the version, determine the result)."""
    token = current()
    if token is None:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:40]
    key = f"fazhi:{namespace}:{code_fingerprint()}:{token}:{digest}"
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


def track_writes(sender, update_fields=None, **kwargs) -> None:
    """post_save / post_delete receiver: a record of the platform, or a user (whose name
    lists show), changed. A login's last_login is no change."""
    if sender in (DataVersion, FormToken):  # a form shown or submitted is no record
        return
    if sender._meta.label == settings.AUTH_USER_MODEL:
        if update_fields is None or set(update_fields) - {"last_login"}:
            bump()
    elif sender.__module__.startswith("fazhi."):
        bump()
