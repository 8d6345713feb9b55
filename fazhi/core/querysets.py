"""The one scoping mechanism: `Model.objects.restrict(user, action)`.

Modelled on NetBox's RestrictedQuerySet. Every selector goes through it, so a record of
another unit tree can only be reached by a query that forgets to call it — and the
scoping test walks every page and API route to catch that.
"""

from django.db import models
from django.db.models import Q

from .roles import Action, DataScope, role_allows


class UnauditedWriteError(RuntimeError):
    """A bulk write would bypass the audit trail (django-auditlog sees only save/delete)."""


def active_membership(user):
    """The membership the user acts through now (set per request by the middleware)."""
    if user is None or not user.is_authenticated:
        return None
    if not hasattr(user, "_active_membership"):
        user._active_membership = (
            user.memberships.filter(is_active=True).select_related("unit").order_by("pk").first()
        )
    return user._active_membership


def set_active_membership(user, membership) -> None:
    user._active_membership = membership


ALL_LINES = "*"


def scope_of(user, action: str = "view") -> tuple:
    """What `user` may `action`, as data — ("none",), ("all",), ("subtree", root path, lines),
    ("unit", unit pk, lines) or ("own", unit pk, user pk, lines) — by the role, data scope and
    work lines of the active membership; `lines` is ALL_LINES or the sorted tuple of the
    WorkLine values acted on. `restrict` filters by it; `scope_key` names it."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ("none",)
    if user.is_superuser:  # 全部: system administrators only
        return ("all",)
    membership = active_membership(user)
    if membership is None or not role_allows(membership.role, action):
        return ("none",)
    lines = ALL_LINES if membership.lines is None else tuple(sorted(membership.lines))
    scope = membership.data_scope
    if scope == DataScope.SUBTREE:
        return ("subtree", membership.unit.scope_root.path, lines)
    if scope == DataScope.OWN_UNIT:
        return ("unit", membership.unit.pk, lines)
    if scope == DataScope.OWN_RECORDS:
        return ("own", membership.unit.pk, user.pk, lines)
    return ("none",)


def acts_on(user, line: str | None, action: str = "view") -> bool:
    """Whether `user` may `action` records of the work line `line` at all (None: records of
    no line), whatever their unit."""
    return _line_allowed(scope_of(user, action), line)


def _line_allowed(scope: tuple, line: str | None) -> bool:
    if scope[0] == "none":
        return False
    if scope[0] == "all" or line is None:
        return True
    return scope[-1] == ALL_LINES or line in scope[-1]


# Models whose `restrict` narrows the scope further (a data rule of their own, e.g. the
# 督察 findings seen only by the 依法治办 and the inspected unit) name what it depends on
# here, so that the key still stands for the rows.
_key_parts: list = []


def register_scope_key_part(part) -> None:
    """`part(user, action) -> str`: what, beyond the scope, a model's `restrict` reads."""
    if part not in _key_parts:
        _key_parts.append(part)


def scope_key(user, action: str = "view") -> str:
    """Equal for two users exactly when `restrict(user, action)` selects the same rows of
    every model: the part of a cache key that keeps a cached figure within one scope (and
    one set of work lines)."""
    parts = [
        ",".join(part) if isinstance(part, tuple) else str(part) for part in scope_of(user, action)
    ]
    return ":".join(parts + [part(user, action) for part in _key_parts])


def full_scope_key(user) -> tuple:
    """The scope keys of every action, and the user: for what depends on more than viewing
    (a due list is made of what the user may handle and approve)."""
    return (getattr(user, "pk", None), *(scope_key(user, action) for action in Action))


# What must hear of rows made without signals (the stored partial figures of indicators).
_bulk_create_hooks: list = []


def register_bulk_create_hook(hook) -> None:
    """`hook(model, objs, using)` after every `unaudited_bulk_create`."""
    if hook not in _bulk_create_hooks:
        _bulk_create_hooks.append(hook)


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view", *, public: bool = True):
        """Only the rows `user` may `action`, by the role, data scope and work lines of the
        active membership.

        A model states where its owning unit is (`scope_unit_field`, None for the unit tree
        itself), who counts as its owner for 仅本人 (`scope_owner_fields`), its work line
        (`work_line`, a WorkLine value; absent for records of no line) and, for public
        documents, the flag that lets every platform user view them (`scope_public_field`;
        `public=False`: only what the user sees through the own scope).
        """
        scope = scope_of(user, action)
        if not _line_allowed(scope, getattr(self.model, "work_line", None)):
            return self.none()
        if scope[0] == "all":
            return self.all()
        visible = self._scope_filter(user, scope)
        public_field = getattr(self.model, "scope_public_field", None)
        if public_field and action == "view" and public:
            visible |= Q(**{public_field: True})
        return self.filter(visible)

    def _scope_filter(self, user, scope: tuple) -> Q:
        unit_field = getattr(self.model, "scope_unit_field", "unit")
        prefix = f"{unit_field}__" if unit_field else ""
        if scope[0] == "subtree":
            return Q(**{f"{prefix}path__startswith": scope[1]})
        unit_q = Q(**{f"{prefix}pk": scope[1]})
        if scope[0] == "unit" or unit_field is None:
            # 仅本人 acts for the own unit, which is no one's record: the own-records user finds
            # it (to register records in it, docs/permissions.md) as 本单位 does, and of its
            # records those the user owns — the records the user registers among them.
            return unit_q
        owned = Q(pk__in=[])  # "own": 仅本人
        for field in getattr(self.model, "scope_owner_fields", ()):
            owned |= Q(**{field: user})
        return unit_q & owned

    # django-auditlog records save() and delete() only; these would write unseen.
    def update(self, **kwargs):
        raise UnauditedWriteError(f"{self.model.__name__}: 批量更新绕过审计，请逐条通过服务保存")

    def bulk_create(self, *args, **kwargs):
        raise UnauditedWriteError(f"{self.model.__name__}: 批量创建绕过审计，请逐条通过服务保存")

    def bulk_update(self, *args, **kwargs):
        raise UnauditedWriteError(f"{self.model.__name__}: 批量更新绕过审计，请逐条通过服务保存")

    def unaudited_bulk_create(self, objs, **kwargs):
        """For the synthetic scale-data loader only, which writes no business history."""
        created = super().bulk_create(objs, **kwargs)
        for hook in _bulk_create_hooks:
            hook(self.model, created, self.db)
        return created


RestrictedManager = models.Manager.from_queryset(RestrictedQuerySet)
