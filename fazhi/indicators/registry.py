"""The indicator catalog (../shared/spec/indicators.md): work-line apps register their
indicators from their own `indicators.py`; this module imports no work-line app."""

from dataclasses import dataclass

from django.db.models import Q


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

    @property
    def is_ratio(self) -> bool:
        return self.numerator is not None

    def __post_init__(self):
        if self.is_ratio == (self.model is not None):
            raise ValueError(f"{self.id}: either a record model or a ratio, not both")
        if self.model is not None and self.date_field is None:
            raise ValueError(f"{self.id}: a counted indicator names the date it is counted on")


_catalog: dict[str, Indicator] = {}


def register(*indicators: Indicator) -> None:
    for indicator in indicators:
        existing = _catalog.get(indicator.id)
        if existing is not None and existing != indicator:
            raise ValueError(f"indicator {indicator.id} registered twice with different meanings")
        _catalog[indicator.id] = indicator


def get(indicator_id: str) -> Indicator:
    try:
        return _catalog[indicator_id]
    except KeyError:
        raise KeyError(f"未知指标：{indicator_id}") from None


def catalog() -> dict[str, Indicator]:
    return dict(_catalog)
