"""Every row of the platform's own models is checked, just before it is written, against what
its columns can hold: text within max_length, integers within the column's range, decimals
within their digits. A value out of bounds (a 150-character region, a 22-digit figure) is then
a ValidationError with a Chinese message — shown on the form, reported on the import row —
instead of a database error and a 500 on PostgreSQL, or a silently stored oversize value on
SQLite. Services still call full_clean (guards.saved) for the model's own rules."""

from django.core.exceptions import ValidationError
from django.core.validators import (
    DecimalValidator,
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
)
from django.db import models

BOUNDS = (MaxLengthValidator, MaxValueValidator, MinValueValidator, DecimalValidator)


def storable_errors(instance) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for field in instance._meta.concrete_fields:
        if field.is_relation:
            continue
        value = getattr(instance, field.attname)
        if value is None or isinstance(value, models.expressions.Combinable):
            continue
        for validator in field.validators:
            if not isinstance(validator, BOUNDS):
                continue
            try:
                validator(value)
            except ValidationError as error:
                label = str(field.verbose_name)
                errors.setdefault(field.name, []).extend(f"{label}：{m}" for m in error.messages)
            except TypeError:
                continue  # a value of another type: full_clean or the database will say so
    return errors


def check_storable(sender, instance, raw=False, **kwargs) -> None:
    """pre_save receiver for the models of the platform's apps (fixtures loaded raw pass)."""
    app = sender._meta.app_config  # None for Django's own migration recorder
    if raw or app is None or not app.name.startswith("fazhi."):
        return
    errors = storable_errors(instance)
    if errors:
        raise ValidationError(errors)
