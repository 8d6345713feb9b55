"""The computed indicators: work-line apps register, from their own `indicators.py`, how
each id of the catalog (`catalog.py`) is counted from their records; this module imports
no work-line app."""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q

from .catalog import CATALOG


@dataclass(frozen=True)
class Indicator:
    """One catalog entry: a count or sum over records, or a ratio of two other entries."""

    id: str  # "area.name", exactly as in the catalog
    name: str  # 中文名称
    unit: str  # 件, %, 人 …
    definition: str
    source: str = ""  # the statute or document it comes from
    model: str | None = None  # "app_label.ModelName" of the records counted
    date_field: str | None = None  # the record's date the count is counted on
    condition: Q | None = None  # which records count, beside the date
    sum_field: str | None = None  # sum this field instead of counting
    numerator: str | None = None  # ratio: numerator / denominator × 100
    denominator: str | None = None
    key: bool = False  # one of the figures a leader looks at first (the dashboard's)
    # A register counted at the period's end (在册): rows begun (`date_field`) by the end and
    # not ended (`until_field`, empty while on it) by then.
    until_field: str | None = None
    # "app.Model.field": the same figure filed as monthly counts (a report model with a
    # `month` and the `replaced_by` record models) by units that keep no rows of their own;
    # added for such units only, so that no unit is counted twice (engine `_reported`).
    reported: str | None = None
    # Count the distinct values of this field (a unit inspected twice counts once); counted
    # in a query of its own, since a relation's join would multiply the other rows.
    distinct_field: str | None = None
    # A per-unit value, not a count: `sum_field` of the one row the scope and period hold
    # (a unit's 考核得分 or 名次); None ("—") when they hold none or several.
    single: bool = False

    @property
    def is_ratio(self) -> bool:
        return self.numerator is not None

    def __post_init__(self):
        if self.is_ratio == (self.model is not None):
            raise ValueError(f"{self.id}: either a record model or a ratio, not both")
        if self.model is not None and self.date_field is None:
            raise ValueError(f"{self.id}: a counted indicator names the date it is counted on")
        if self.single and self.sum_field is None:
            raise ValueError(f"{self.id}: a per-unit value names the field it reads")


_registered: dict[str, Indicator] = {}


def register(*indicators: Indicator) -> None:
    """Refuses an id outside the catalog, or one named or measured otherwise than there."""
    for indicator in indicators:
        entry = CATALOG.get(indicator.id)
        if entry is None:
            raise ImproperlyConfigured(
                f"指标 {indicator.id} 不在指标目录（fazhi/indicators/catalog.py）中"
            )
        if (indicator.name, indicator.unit) != (entry.name, entry.unit):
            raise ImproperlyConfigured(
                f"指标 {indicator.id} 的名称、单位与指标目录不一致："
                f"登记为“{indicator.name}”（{indicator.unit}），目录为“{entry.name}”（{entry.unit}）"
            )
        existing = _registered.get(indicator.id)
        if existing is not None and existing != indicator:
            raise ValueError(f"indicator {indicator.id} registered twice with different meanings")
        _registered[indicator.id] = indicator


def get(indicator_id: str) -> Indicator:
    try:
        return _registered[indicator_id]
    except KeyError:
        raise KeyError(f"未知指标：{indicator_id}") from None


def registered() -> dict[str, Indicator]:
    """The indicators the work lines compute, in registration order."""
    return dict(_registered)
