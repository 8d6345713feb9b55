"""Every row of the platform's own models is checked, just before it is written, against what
its columns can hold: text within max_length, integers within the column's range, decimals
within their digits. A value out of bounds (a 150-character region, a 22-digit figure) is then
a ValidationError with a Chinese message — shown on the form, reported on the import row —
instead of a database error and a 500 on PostgreSQL, or a silently stored oversize value on
SQLite. Services still call full_clean (guards.saved) for the model's own rules."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import (
    DecimalValidator,
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
)
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges
BOUNDS = (MaxLengthValidator, MaxValueValidator, MinValueValidator, DecimalValidator)


def bound_errors(field, value) -> list[str]:
    """Why `value` does not fit `field`'s column (length, range, digits); [] when it does."""
    if value is None or isinstance(value, models.expressions.Combinable):
        return []
    if isinstance(field, models.DecimalField) and isinstance(value, float):
        value = Decimal(repr(value))  # as the field will store it (its validator wants Decimal)
    messages = []
    for validator in field.validators:
        if not isinstance(validator, BOUNDS):
            continue
        try:
            validator(value)
        except ValidationError as error:
            messages += error.messages
        except TypeError:
            continue  # a value of another type: full_clean or the database will say so
    if isinstance(field, models.IntegerField) and not messages:
        # SQLite declares no range (its validators let 99999999999 into a positive integer
        # column): the portable range of the column type, the same on every engine.
        low, high = INTEGER_RANGES.get(field.get_internal_type(), (None, None))
        if isinstance(value, int) and low is not None and not low <= value <= high:
            messages.append(f"须在{low}至{high}之间")
    return messages


def storable_errors(instance) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for field in instance._meta.concrete_fields:
        if field.is_relation:
            continue
        messages = bound_errors(field, getattr(instance, field.attname))
        if messages:
            label = str(field.verbose_name)
            errors[field.name] = [f"{label}：{m}" for m in messages]
    return errors


def check_storable(sender, instance, raw=False, **kwargs) -> None:
    """pre_save receiver for the models of the platform's apps (fixtures loaded raw pass)."""
    app = sender._meta.app_config  # None for Django's own migration recorder
    if raw or app is None or not app.name.startswith("fazhi."):
        return
    errors = storable_errors(instance)
    if errors:
        raise ValidationError(errors)
