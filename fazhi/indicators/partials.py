"""Statistics by partition: each counted indicator's figure per (unit, month), stored.

A unit subtree's figure for a period of whole months is the sum of the stored partials of
the subtree's units (`answer`, used by the engine); a partial is always a fresh count of its
records, never incremented. A save or delete of a record that an indicator reads (the
counted model itself, or a model its date, unit, condition or sum reaches through a
relation) notes the partitions of the counted rows it reaches, before the write (the old
partition) and after it (the new one); right after the commit (`transaction.on_commit`)
exactly those partitions are counted again, one aggregate query per (model, date field,
partition) for all its indicators. Bulk loads that send no signals call `rebuild()`.

Left out of the partials (the engine counts them directly, as before):
- registers (`until_field`, 在册 at the period's end): a point-in-time figure is no sum of
  months;
- figures with monthly reports of units without rows (`reported`): which units report
  depends on rows of other models across units;
- dates with a time of day, and conditions with expressions other than a field (`F`);
- distinct counts (`distinct_field`) and per-unit values (`single`): no sums over months.
Ratios are computed from their summed parts.

`check()` recounts every partial from the records (`fazhi indicators_check`).
"""

import contextlib
import datetime
import hashlib
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Substr, TruncMonth

from .models import Partial, PartialState
from .registry import Indicator, registered


@dataclass
class Group:
    """The indicators counted over one model by one date: recounted together."""

    model: type
    unit_path: str
    date_path: str
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        return (self.model._meta.label, self.date_path)


@dataclass
class Reach:
    """How a write of `sender` reaches the rows of `model`: `path` from `model` to the
    sender (None: the row itself), and the groups over `model` that read it."""

    model: type
    unit_path: str
    path: str | None
    groups: list[Group] = field(default_factory=list)


def _walk(model, lookup: str) -> tuple[list, models.Field | None]:
    """The relations a lookup crosses, as (related model, path from `model`), and its last
    field (None when it ends on a relation)."""
    hops, current, prefix = [], model, []
    for part in lookup.split("__"):
        try:
            found = current._meta.get_field(part)
        except FieldDoesNotExist:
            break  # a lookup (isnull, lte …) or a transform
        prefix.append(part)
        if found.is_relation and found.related_model is not None:
            current = found.related_model
            hops.append((current, "__".join(prefix)))
            continue
        return hops, found
    return hops, None


def _condition_paths(condition: Q | None) -> list[str] | None:
    """The lookups and field references of a condition; None when it holds anything else."""
    if condition is None:
        return []
    paths = []
    for child in condition.children:
        if isinstance(child, Q):
            inner = _condition_paths(child)
            if inner is None:
                return None
            paths += inner
            continue
        if not isinstance(child, tuple):  # Exists(...) and other expressions
            return None
        lookup, value = child
        paths.append(lookup)
        if isinstance(value, F):
            paths.append(value.name)
        elif hasattr(value, "resolve_expression"):
            return None
    return paths


def _unit_path(model) -> str:
    return getattr(model, "scope_unit_field", "unit")


def eligible(indicator: Indicator) -> bool:
    """Whether the indicator is kept in partials (see the module's docstring)."""
    return _reads(indicator) is not None


def _reads(indicator: Indicator) -> list[tuple] | None:
    """The (related model, path) hops the indicator's figure depends on, or None when it is
    not kept in partials."""
    if indicator.is_ratio or indicator.until_field or indicator.reported:
        return None
    # Distinct counts (a unit inspected in two months is one unit) and per-unit values
    # (a published score) are no sums over months.
    if indicator.distinct_field or indicator.single:
        return None
    model = apps.get_model(indicator.model)
    unit_path = _unit_path(model)
    if not unit_path:
        return None
    paths = _condition_paths(indicator.condition)
    if paths is None:
        return None
    _, date = _walk(model, indicator.date_field)
    if not isinstance(date, models.DateField) or isinstance(date, models.DateTimeField):
        return None
    if indicator.sum_field:
        _, summed = _walk(model, indicator.sum_field)
        if not isinstance(summed, models.IntegerField | models.DecimalField):
            return None
        paths.append(indicator.sum_field)
    unit_hops, _ = _walk(model, unit_path)
    hops = unit_hops[:-1]  # the unit itself is the partition's key, not something read
    for lookup in [indicator.date_field, *paths]:
        hops += _walk(model, lookup)[0]
    return hops


def fingerprint(indicator: Indicator) -> str:
    model = apps.get_model(indicator.model)
    text = repr(
        (
            indicator.model,
            _unit_path(model),
            indicator.date_field,
            indicator.condition,
            indicator.sum_field,
        )
    )
    return hashlib.sha256(text.encode()).hexdigest()


class _Plan:
    def __init__(self):
        self.groups: dict[tuple, Group] = {}
        self.reaches: dict[type, dict[tuple, Reach]] = defaultdict(dict)
        for indicator in registered().values():
            hops = _reads(indicator)
            if hops is None:
                continue
            model = apps.get_model(indicator.model)
            group = self.groups.setdefault(
                (indicator.model, indicator.date_field),
                Group(model, _unit_path(model), indicator.date_field),
            )
            group.indicators.append(indicator)
            for sender, path in [(model, None), *hops]:
                reach = self.reaches[sender].setdefault(
                    (indicator.model, path), Reach(model, _unit_path(model), path)
                )
                if group not in reach.groups:
                    reach.groups.append(group)
        self.by_id = {i.id: g for g in self.groups.values() for i in g.indicators}
        self.indicators = {i.id: i for g in self.groups.values() for i in g.indicators}
        self.fingerprints = {i: fingerprint(ind) for i, ind in self.indicators.items()}
        self.size = len(registered())


_plan: _Plan | None = None


def plan() -> _Plan:
    """What is kept and what reads it, made once the catalog is registered (again when an
    indicator is registered later, as tests do)."""
    global _plan
    if _plan is None or _plan.size != len(registered()):
        _plan = _Plan()
    return _plan


def _month(value) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.replace(day=1)


def _month_end(month: datetime.date) -> datetime.date:
    return (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)


# ------------------------------------------------------------------ noting what a write touches


def _touched(reach: Reach, instance) -> set[tuple]:
    """(group key, unit pk, month) of the rows of `reach.model` the instance reaches now."""
    if instance.pk is None:
        return set()
    rows = reach.model.objects.filter(**{reach.path or "pk": instance.pk})
    dates = [group.date_path for group in reach.groups]
    found = set()
    for unit_id, *values in rows.values_list(reach.unit_path, *dates).distinct():
        if unit_id is None:
            continue
        for group, value in zip(reach.groups, values, strict=True):
            month = _month(value)
            if month is not None:
                found.add((group.key, unit_id, month))
    return found


def _direct(reach: Reach, instance) -> set[tuple] | None:
    """The same from the instance itself, when all it needs is its own fields."""
    if reach.path is not None or "__" in reach.unit_path:
        return None
    if any("__" in group.date_path for group in reach.groups):
        return None
    unit_id = getattr(instance, f"{reach.unit_path}_id", None)
    if unit_id is None:
        return set()
    return {
        (group.key, unit_id, month)
        for group in reach.groups
        if (month := _month(getattr(instance, group.date_path))) is not None
    }


def _pending(connection) -> set:
    if not hasattr(connection, "fazhi_partials_pending"):
        connection.fazhi_partials_pending = set()
    return connection.fazhi_partials_pending


class _Flush:
    """The on-commit callback that recounts the noted partitions."""

    def __init__(self, using):
        self.using, self.done = using, False

    def __call__(self) -> None:
        self.done = True
        connection = transaction.get_connection(self.using)
        touched = _pending(connection)
        if touched:
            items = set(touched)
            touched.clear()
            recount(items, using=self.using)


def pending_on(connection) -> bool:
    """Whether the connection's transaction wrote rows whose partitions are not yet recounted
    (then its own figures must be counted directly)."""
    return any(
        isinstance(func, _Flush) and not func.done for _, func, _ in connection.run_on_commit
    )


def _note(items: set, using) -> None:
    if not items:
        return
    connection = transaction.get_connection(using)
    _pending(connection).update(items)
    if not pending_on(connection):
        transaction.on_commit(_Flush(using), using=using, robust=True)


def before_write(sender, instance, raw=False, using=None, **kwargs) -> None:
    """pre_save / pre_delete: the partitions the rows are in before the write."""
    reaches = plan().reaches.get(sender)
    if not reaches or raw or getattr(_suspended, "on", False):
        return
    if kwargs.get("signal") is models.signals.pre_save and instance._state.adding:
        return
    items = set()
    for reach in reaches.values():
        items |= _touched(reach, instance)
    _note(items, using)


def after_save(sender, instance, raw=False, using=None, **kwargs) -> None:
    """post_save: the partitions the rows are in after it."""
    reaches = plan().reaches.get(sender)
    if not reaches or raw or getattr(_suspended, "on", False):
        return
    items = set()
    for reach in reaches.values():
        direct = _direct(reach, instance)
        items |= direct if direct is not None else _touched(reach, instance)
    _note(items, using)


def connect() -> None:
    for signal, receiver in (
        (models.signals.pre_save, before_write),
        (models.signals.pre_delete, before_write),
        (models.signals.post_save, after_save),
    ):
        signal.connect(receiver, dispatch_uid=f"fazhi.indicators.partials.{receiver.__name__}")


# ------------------------------------------------------------------------------- counting


def _aggregate(indicator: Indicator):
    if indicator.sum_field:
        return Sum(indicator.sum_field, filter=indicator.condition)
    return Count("pk", filter=indicator.condition)


def _store_value(value) -> Decimal:
    return Decimal(value or 0)


def recount(items, *, using=None) -> None:
    """Count the (group key, unit pk, month) partitions again from their records and store
    them. The units' versions change first, in the same transaction: that takes their rows'
    locks, so that recounts of one unit follow each other and the last sees every commit
    before it, and no figure cached from the old partials is found again."""
    from fazhi.core import dataversion
    from fazhi.core.models import Unit

    groups = plan().groups
    by_key = {g.key: g for g in groups.values()}
    items = sorted(items, key=lambda item: (item[1], item[2], item[0]))
    with transaction.atomic(using=using):
        units = set(
            Unit.objects.using(using)
            .filter(pk__in={unit_id for _, unit_id, _ in items})
            .values_list("pk", flat=True)
        )
        for unit_id in sorted(units):
            dataversion.bump_unit(unit_id)
        for key, unit_id, month in items:
            group = by_key.get(key)
            if group is None or unit_id not in units:
                continue
            rows = group.model.objects.using(using).filter(
                **{
                    group.unit_path: unit_id,
                    f"{group.date_path}__range": (month, _month_end(month)),
                }
            )
            values = rows.aggregate(
                **{f"v{i}": _aggregate(ind) for i, ind in enumerate(group.indicators)}
            )
            ids = [indicator.id for indicator in group.indicators]
            Partial.objects.using(using).filter(
                indicator__in=ids, unit_id=unit_id, month=month
            ).delete()
            Partial.objects.using(using).bulk_create(
                [
                    Partial(indicator=ind.id, unit_id=unit_id, month=month, value=value)
                    for i, ind in enumerate(group.indicators)
                    if (value := _store_value(values[f"v{i}"]))
                ]
            )


def count_all(groups=None) -> dict[tuple, Decimal]:
    """Every partition's figure counted from the records: {(indicator id, unit pk, month):
    value}, zeros left out; one grouped query per group."""
    counted = {}
    for group in groups if groups is not None else plan().groups.values():
        rows = (
            group.model.objects.filter(**{f"{group.date_path}__isnull": False})
            .exclude(**{f"{group.unit_path}__isnull": True})
            .annotate(p_unit=F(group.unit_path), p_month=TruncMonth(group.date_path))
            .values("p_unit", "p_month")
            .annotate(**{f"v{i}": _aggregate(ind) for i, ind in enumerate(group.indicators)})
            .order_by()
        )
        for row in rows:
            month = _month(row["p_month"])
            for i, indicator in enumerate(group.indicators):
                value = _store_value(row[f"v{i}"])
                if value:
                    counted[(indicator.id, row["p_unit"], month)] = value
    return counted


def rebuild() -> int:
    """Count every partial afresh and mark every kept indicator as built (bulk loads, the
    demo, `--rebuild`). Returns the number of stored partials."""
    from fazhi.core import dataversion

    current = plan()
    counted = count_all()
    with transaction.atomic():
        Partial.objects.all().delete()
        Partial.objects.bulk_create(
            [
                Partial(indicator=ind, unit_id=unit_id, month=month, value=value)
                for (ind, unit_id, month), value in counted.items()
            ],
            batch_size=2000,
        )
        PartialState.objects.all().delete()
        PartialState.objects.bulk_create(
            [
                PartialState(indicator=indicator_id, fingerprint=print_)
                for indicator_id, print_ in current.fingerprints.items()
            ]
        )
        dataversion.bump()
    return len(counted)


@dataclass(frozen=True)
class Difference:
    indicator: str
    unit_id: int | None
    month: datetime.date | None
    stored: Decimal | None
    counted: Decimal | None
    note: str = ""


def check() -> list[Difference]:
    """Every stored partial against a full recount from the records, and every kept
    indicator's state."""
    current = plan()
    counted = count_all()
    stored = {(row.indicator, row.unit_id, row.month): row.value for row in Partial.objects.all()}
    differences = []
    for key in sorted(set(counted) | set(stored), key=lambda k: (k[0], k[1], k[2])):
        if key[0] not in current.by_id:
            differences.append(Difference(*key, stored.get(key), None, "该指标不按分区存储"))
        elif counted.get(key) != stored.get(key):
            differences.append(Difference(*key, stored.get(key), counted.get(key)))
    states = dict(PartialState.objects.values_list("indicator", "fingerprint"))
    for indicator_id, print_ in sorted(current.fingerprints.items()):
        if states.get(indicator_id) != print_:
            note = (
                "尚未建立分区数" if indicator_id not in states else "指标定义已改变，分区数未重建"
            )
            differences.append(Difference(indicator_id, None, None, None, None, note))
    return differences


# -------------------------------------------------------------------------------- reading


def whole_months(period) -> bool:
    return period.start.day == 1 and (period.end + datetime.timedelta(days=1)).day == 1


def _fresh(ids) -> set[str]:
    current = plan()
    kept = {i for i in ids if i in current.by_id}
    if not kept:
        return set()
    states = dict(
        PartialState.objects.filter(indicator__in=kept).values_list("indicator", "fingerprint")
    )
    return {i for i in kept if states.get(i) == current.fingerprints[i]}


def _units_seen(model, user, unit):
    """Which units' partials make the figure `user` sees of `model` over `unit`'s subtree:
    ("subtree", path), ("unit", pk), ("none",), or None when the user's view of the model
    is not a union of whole units (仅本人, public records, a data rule of the model's own):
    then the figure is counted from the records."""
    from fazhi.core.querysets import RestrictedQuerySet, _line_allowed, scope_of

    if user is None:
        return ("subtree", unit.path)
    scope = scope_of(user)
    if not _line_allowed(scope, getattr(model, "work_line", None)):
        return ("none",)
    if scope[0] == "all":
        return ("subtree", unit.path)
    queryset = type(model.objects.get_queryset())
    if (
        getattr(model, "scope_public_field", None)
        or queryset.restrict is not RestrictedQuerySet.restrict
        or queryset._scope_filter is not RestrictedQuerySet._scope_filter
    ):
        return None
    if scope[0] == "subtree":
        root = scope[1]
        if unit.path.startswith(root):
            return ("subtree", unit.path)
        if root.startswith(unit.path):
            return ("subtree", root)
        return ("none",)
    if scope[0] == "unit":
        from fazhi.core.models import Unit

        path = Unit.objects.filter(pk=scope[1]).values_list("path", flat=True).first()
        if path is not None and path.startswith(unit.path):
            return ("unit", scope[1])
        return ("none",)
    return None


def _value(indicator: Indicator, total: Decimal | None):
    """A stored sum as the engine's count would give it: an int, or a Decimal of the
    summed field's places."""
    total = total or Decimal(0)
    if indicator.sum_field:
        _, summed = _walk(apps.get_model(indicator.model), indicator.sum_field)
        if isinstance(summed, models.DecimalField):
            return total.quantize(Decimal(1).scaleb(-summed.decimal_places))
    return int(total)


def months_of(period) -> list[datetime.date]:
    """The first day of each calendar month the period touches."""
    months, month = [], period.start.replace(day=1)
    while month <= period.end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _answered(indicators, *, user, unit, period, by_month=False, by_child=0, left=None) -> dict:
    """{indicator: {key: stored sum}} of those of the counted `indicators` the stored
    partials answer for the period (whole months, nothing written and not yet recounted in
    this transaction, built under the indicator's present definition): one query per set of
    units seen (one for the usual scopes). The key is None, the month (`by_month`), or the
    path of the child unit (`by_child`: the children's paths' length) — by child only where
    the user sees the whole subtree; the others are appended to `left`."""
    if not whole_months(period) or pending_on(transaction.get_connection()):
        return {}
    fresh = _fresh([i.id for i in indicators])
    if not fresh:
        return {}
    by_units = defaultdict(list)
    for indicator in indicators:
        if indicator.id in fresh:
            seen = _units_seen(apps.get_model(indicator.model), user, unit)
            if seen is not None:
                by_units[seen].append(indicator)
    grouped = ("indicator", "month") if by_month else ("indicator",)
    if by_child:
        grouped = ("indicator", "child")
    answered = {}
    for seen, members in by_units.items():
        totals = defaultdict(dict)
        if by_child and seen != ("subtree", unit.path):
            left.extend(members)  # the children's figures are not parts of this one
            continue
        if seen[0] != "none":
            where = (
                Q(unit__path__startswith=seen[1]) if seen[0] == "subtree" else Q(unit_id=seen[1])
            )
            rows = Partial.objects.filter(
                where,
                indicator__in=[i.id for i in members],
                month__range=(period.start, period.end),
            )
            if by_child:
                rows = rows.annotate(child=Substr("unit__path", 1, by_child))
            rows = rows.values(*grouped).annotate(total=Sum("value")).order_by()
            for row in rows:
                totals[row["indicator"]][row.get("month", row.get("child"))] = row["total"]
        for indicator in members:
            answered[indicator] = totals[indicator.id]
    return answered


def answer(indicators, *, user, unit, period) -> dict:
    """{id: value} of those of the counted `indicators` the stored partials answer for the
    period (see `_answered`); the others are left to the direct count."""
    answered = _answered(indicators, user=user, unit=unit, period=period, by_month=False)
    return {i.id: _value(i, totals.get(None)) for i, totals in answered.items()}


def answer_by_child(indicators, *, user, unit, period, children) -> dict:
    """{child: {id: value}} for each of the `children` of `unit` (paths of one length), of
    those of the counted `indicators` the stored partials answer (as `answer` for each
    child), in one query grouped by child where the user sees `unit`'s whole subtree."""
    left = []
    length = len(children[0].path)
    answered = _answered(
        indicators, user=user, unit=unit, period=period, by_child=length, left=left
    )
    result = {
        child: {i.id: _value(i, totals.get(child.path)) for i, totals in answered.items()}
        for child in children
    }
    if left:
        for child in children:
            result[child].update(answer(left, user=user, unit=child, period=period))
    return result


def answer_by_month(indicators, *, user, unit, period) -> dict:
    """{id: {first day of the month: value}} for each month of the period, of those of the
    counted `indicators` the stored partials answer (as `answer`), in one query."""
    answered = _answered(indicators, user=user, unit=unit, period=period, by_month=True)
    months = months_of(period)
    return {
        i.id: {month: _value(i, totals.get(month)) for month in months}
        for i, totals in answered.items()
    }


# ------------------------------------------------------------------------------ bulk writes

_suspended = threading.local()


@contextlib.contextmanager
def deferred():
    """Note nothing while a bulk load writes (the demo): it rebuilds at its end."""
    previous = getattr(_suspended, "on", False)
    _suspended.on = True
    try:
        yield
    finally:
        _suspended.on = previous


def after_bulk_create(model, objs, using=None) -> None:
    """`unaudited_bulk_create` sends no signals: the partitions of the rows it made."""
    reaches = plan().reaches.get(model)
    if not reaches or getattr(_suspended, "on", False):
        return
    items = set()
    for reach in reaches.values():
        for obj in objs:
            direct = _direct(reach, obj)
            items |= direct if direct is not None else _touched(reach, obj)
    _note(items, using)


def forget_subtree(path: str) -> None:
    """The partials of a subtree whose units are deleted without signals (scale data)."""
    from fazhi.core.models import Unit

    units = Unit.objects.filter(path__startswith=path).values("pk")
    Partial.objects.filter(unit_id__in=units)._raw_delete(Partial.objects.db)


@contextlib.contextmanager
def counted_at_the_end():
    """Around the demo build: its thousands of writes are counted once, at its end."""
    with deferred():
        yield
    rebuild()
