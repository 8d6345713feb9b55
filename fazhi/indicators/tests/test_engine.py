"""The engine's breakdowns agree with the totals, in one query per record table."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fazhi.indicators import engine
from fazhi.indicators.engine import Period

IDS = [
    "reconsideration.received",
    "reconsideration.closed",
    "reconsideration.correction_rate",
    "litigation.cases",
    "litigation.loss_rate",
]


def test_children_and_months_add_up_to_the_total(demo):
    admin, city = demo.admin, demo.units["city"]
    period = Period.year(timezone.localdate().year)
    total = engine.compute(IDS, user=admin, unit=city, period=period)
    children = list(city.children.all())
    by_child = engine.breakdown(
        IDS, user=admin, unit=city, period=period, by="child", children=children
    )
    by_month = engine.breakdown(IDS, user=admin, unit=city, period=period, by="month")
    for indicator in ("reconsideration.received", "reconsideration.closed", "litigation.cases"):
        assert total[indicator] > 0
        assert sum(v[indicator] for v in by_child.values()) == total[indicator]
        assert sum(v[indicator] for v in by_month.values()) == total[indicator]
    assert len(by_month) == 12
    donghu = by_child[demo.units["donghu"]]
    assert donghu == engine.compute(IDS, user=admin, unit=demo.units["donghu"], period=period)


def test_one_query_per_record_table(demo):
    period = Period.year(timezone.localdate().year)
    with CaptureQueriesContext(connection) as queries:
        engine.compute(IDS, user=demo.admin, unit=demo.units["city"], period=period)
    # Case and Lawsuit: one aggregate each (the superuser needs no membership lookup).
    assert len(queries) == 2
