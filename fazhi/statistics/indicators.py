"""Meta-indicators of the returns themselves: how many were due, how many came on time."""

from django.db.models import F, Q

from fazhi.indicators.catalog import CATALOG
from fazhi.indicators.registry import Indicator


def _entry(indicator_id: str, **how) -> Indicator:
    entry = CATALOG[indicator_id]
    return Indicator(
        id=entry.id,
        name=entry.name,
        unit=entry.unit,
        definition=entry.definition,
        source="《中华人民共和国统计法》第七条（不得迟报）",
        **how,
    )


INDICATORS = [
    _entry("statistics.reports_due", model="statistics.StatReturn", date_field="due_date"),
    _entry(
        "statistics.reports_submitted_on_time",
        model="statistics.StatReturn",
        date_field="due_date",
        condition=Q(submitted_on__isnull=False, submitted_on__lte=F("due_date")),
    ),
    _entry(
        "statistics.on_time_rate",
        numerator="statistics.reports_submitted_on_time",
        denominator="statistics.reports_due",
    ),
    _entry(
        "statistics.returned_for_correction",
        model="statistics.SendBack",
        date_field="returned_on",
    ),
]
