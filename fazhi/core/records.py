"""The records of a work line: what every business record has, declared once.

`UnitRecord` is a record owned by a unit (a case, a lawsuit, an agency); `ChildRecord` is
one that belongs to another record (a party of a case, a hearing of a lawsuit) and is
scoped, owned and audited through it. Both read through the one scoping mechanism
(`objects.restrict(user, action)`), name their work line after their app, keep the acting
unit in every audit entry (`additional_data.unit_id`) and find their own page.
"""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse

from .querysets import RestrictedManager


class _AppWorkLine:
    """A record's 业务条线 is its app's (`KitAppConfig.work_line`) unless the model says."""

    def __get__(self, instance, owner):
        config = apps.get_app_config(owner._meta.app_label)
        return getattr(config, "work_line", None)


class _ThroughParent:
    """A child's scoping path: the parent's, behind the field that leads to the parent."""

    def __init__(self, attribute: str):
        self.attribute = attribute

    def __get__(self, instance, owner):
        parent = owner._meta.get_field(owner.parent_field).related_model
        value = getattr(parent, self.attribute)
        if self.attribute == "scope_owner_fields":
            return tuple(f"{owner.parent_field}__{field}" for field in value)
        return f"{owner.parent_field}__{value}"


def _record_url(record) -> str:
    return reverse(record.detail_url_name, kwargs={"pk": record.pk})


class ScopedRecord(models.Model):
    objects = RestrictedManager()
    scope_unit_field = "unit"  # where the owning unit is, as a lookup path (None: a unit)
    scope_owner_fields: tuple[str, ...] = ()  # who counts as the owner for 仅本人
    detail_url_name: str | None = None  # "app:view" of the record's page, taking pk
    work_line = _AppWorkLine()

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Only a record with a page of its own has `get_absolute_url` (templates and the
        # figures' record lists ask `hasattr`, as for a model that never defined it).
        if cls.__dict__.get("detail_url_name"):
            cls.get_absolute_url = _record_url

    @property
    def owning_unit_id(self) -> int | None:
        """The pk of the unit that owns the record, following `scope_unit_field`."""
        if self.scope_unit_field is None:  # the unit tree itself
            return self.pk
        *path, last = self.scope_unit_field.split("__")
        record = self
        for step in path:
            record = getattr(record, step)
        return getattr(record, f"{last}_id")

    @classmethod
    def from_db(cls, db, field_names, values):
        record = super().from_db(db, field_names, values)
        record._loaded_owner = record._owner_step()
        return record

    def _owner_step(self):
        """The value of the first field on the way to the owning unit (the unit, a parent)."""
        if self.scope_unit_field is None:
            return None
        step = self.scope_unit_field.split("__")[0]
        return self.__dict__.get(self._meta.get_field(step).attname)  # never a deferred load

    def moved_from_unit(self):
        """False when the record is where it was loaded from (or is new); else the unit it
        was moved from, or None when it moved under another parent (of some unit)."""
        loaded = getattr(self, "_loaded_owner", None)
        if loaded is None or loaded == self._owner_step():
            return False
        return loaded if "__" not in self.scope_unit_field else None

    def get_additional_data(self):
        """What django-auditlog stores beside each change: the unit, for the unit's history."""
        return {"unit_id": self.owning_unit_id}


class UnitRecord(ScopedRecord):
    """A record owned by a unit, with who registered it and when.

    A model may redeclare `unit` to give it its own label (承办单位, 被告机关 …)."""

    unit = models.ForeignKey(
        "core.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="单位"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_owner_fields = ("created_by",)

    class Meta:
        abstract = True


class ChildRecord(ScopedRecord):
    """A record that belongs to another (`parent_field`): scoped and owned through it."""

    parent_field: str = ""
    scope_unit_field = _ThroughParent("scope_unit_field")
    scope_owner_fields = _ThroughParent("scope_owner_fields")

    class Meta:
        abstract = True
