"""Statistics by partition: the stored partials follow every write and equal a recount."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.core.guards import saved
from fazhi.core.models import Unit
from fazhi.indicators import engine, partials
from fazhi.indicators.engine import Period
from fazhi.indicators.models import Partial
from fazhi.litigation import services as litigation

D = datetime.date
LITIGATION = ["litigation.cases", "litigation.concluded", "litigation.lost", "litigation.loss_rate"]
OTHERS = [
    "reconsideration.received",
    "reconsideration.closed",
    "reconsideration.correction_rate",
    "mediation.disputes_mediated",
    "mediation.success_rate",
    "legal_aid.cases_accepted",
]


def check() -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("indicators_check", stdout=out, stderr=err)
    except SystemExit as exit:
        return exit.code, out.getvalue() + err.getvalue()
    return 0, out.getvalue()


def sue(demo, district, number, filed):
    return litigation.register_lawsuit(
        actor=demo.users[f"{district}_officer"],
        unit=demo.units[f"{district}_justice"],
        case_number=f"（{filed.year}）鲁9901行初{700 + number}号",
        court="东湖区人民法院",
        plaintiff=f"分区原告{number}",
        contested_act="政府信息公开答复",
        trial_level="first",
        filed_date=filed,
        served_date=filed,
    )


def stored(indicator_id, unit, month) -> Decimal:
    row = Partial.objects.filter(indicator=indicator_id, unit=unit, month=month).first()
    return row.value if row else Decimal(0)


def test_the_partials_follow_registrations_moves_and_deletions(
    demo, django_capture_on_commit_callbacks
):
    assert check()[0] == 0  # the demo ends with its partials built
    donghu, xishan = demo.units["donghu_justice"], demo.units["xishan_justice"]
    before = stored("litigation.cases", donghu, D(2025, 9, 1))
    with django_capture_on_commit_callbacks(execute=True):
        first = sue(demo, "donghu", 1, D(2025, 9, 29))
        sue(demo, "donghu", 2, D(2025, 10, 9))
        sue(demo, "xishan", 3, D(2026, 2, 16))
    assert stored("litigation.cases", donghu, D(2025, 9, 1)) == before + 1
    assert check() == (0, check()[1])

    with django_capture_on_commit_callbacks(execute=True):
        first.filed_date = first.served_date = D(2025, 10, 8)  # a date corrected …
        saved(first)
    assert stored("litigation.cases", donghu, D(2025, 9, 1)) == before
    assert check()[0] == 0
    with django_capture_on_commit_callbacks(execute=True):
        first.unit = xishan  # … and the unit
        saved(first)
    assert check()[0] == 0
    with django_capture_on_commit_callbacks(execute=True):
        litigation.record_judgment(
            actor=demo.users["xishan_officer"],
            lawsuit=first,
            judgment_type="revoke",
            concluded_date=D(2026, 1, 5),
        )
    assert stored("litigation.lost", xishan, D(2026, 1, 1)) >= 1
    assert check()[0] == 0
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    code, output = check()
    assert code == 0, output
    assert "无差异" in output


def test_a_tampered_partial_is_reported(demo):
    row = Partial.objects.filter(indicator="litigation.cases").first()
    row.value += 3
    row.save()
    code, output = check()
    assert code == 1
    assert "litigation.cases（行政应诉案件）" in output
    assert f"存储 {row.value.normalize()}，按记录重新计数 {(row.value - 3).normalize()}" in output
    out = StringIO()
    call_command("indicators_check", "--rebuild", stdout=out)
    assert "无差异" in out.getvalue()


def test_a_write_not_yet_recounted_is_counted_from_the_records(demo):
    """Inside the writer's transaction (here the test's, never committed) the partials are
    not yet recounted: the figures come from the records."""
    city = demo.units["city"]
    period = Period.year(2025)
    before = engine.compute(LITIGATION, user=None, unit=city, period=period)
    sue(demo, "donghu", 4, D(2025, 3, 3))
    after = engine.compute(LITIGATION, user=None, unit=city, period=period)
    assert after["litigation.cases"] == before["litigation.cases"] + 1
    assert (
        partials.answer(
            [partials.plan().indicators["litigation.cases"]], user=None, unit=city, period=period
        )
        == {}
    )


@pytest.mark.parametrize("year", [2025, 2026])
def test_a_subtree_figure_from_partials_is_the_direct_count(demo, year):
    ids = LITIGATION + OTHERS
    counted = [partials.plan().indicators[i] for i in ids if i in partials.plan().indicators]
    assert {i.id for i in counted} >= {"litigation.cases", "reconsideration.closed"}
    for key in ("province", "city", "donghu", "xishan_justice"):
        unit = demo.units[key]
        for user in (None, demo.users["city_leader"], demo.users["donghu_leader"]):
            period = Period.year(year)
            from_partials = partials.answer(counted, user=user, unit=unit, period=period)
            assert set(from_partials) == {i.id for i in counted}  # answered from partials
            assert engine.compute(ids, user=user, unit=unit, period=period) == engine.direct(
                ids, user=user, unit=unit, period=period
            )
    quarter = Period(D(year, 1, 1), D(year, 3, 31))
    city = demo.units["city"]
    children = list(Unit.objects.filter(parent=city).order_by("pk"))
    by_child = engine.breakdown(
        ids, user=None, unit=city, period=quarter, by="child", children=children
    )
    assert by_child == {c: engine.direct(ids, user=None, unit=c, period=quarter) for c in children}
    values = engine.compute(ids, user=None, unit=city, period=quarter)
    assert values == engine.direct(ids, user=None, unit=city, period=quarter)
    some_days = Period(D(year, 1, 2), D(year, 3, 31))  # not whole months: counted directly
    assert partials.answer(counted, user=None, unit=city, period=some_days) == {}


def test_what_is_left_out_of_the_partials():
    kept = partials.plan().indicators
    assert "corrections.subjects" not in kept  # a register, at the period's end
    assert "mediation.committees" not in kept
    assert "litigation.cases" in kept
    assert "reconsideration.correction_rate" not in kept  # a ratio, from its parts


def test_monthly_trends_come_from_the_partials_in_one_query(
    demo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sue(demo, "donghu", 11, D(2025, 9, 29))  # before 国庆 …
        sue(demo, "donghu", 12, D(2025, 10, 9))  # … and after it
        sue(demo, "xishan", 13, D(2026, 2, 16))  # after 春节
    ids = LITIGATION + OTHERS
    counted = [i for i in ids if i in partials.plan().indicators]
    for key, user in (("province", None), ("city", demo.users["city_leader"])):
        unit = demo.units[key]
        for year in (2025, 2026):
            with CaptureQueriesContext(connection) as captured:
                by_month = engine.breakdown(
                    counted, user=user, unit=unit, period=Period.year(year), by="month"
                )
            sums = [q["sql"] for q in captured if 'FROM "indicators_partial"' in q["sql"]]
            assert len(sums) == 1  # every month of every counted indicator in one query
            assert not [q for q in captured if "litigation_lawsuit" in q["sql"]]
            assert list(by_month) == [D(year, month, 1) for month in range(1, 13)]
            for month, values in by_month.items():
                end = (month + datetime.timedelta(days=32)).replace(day=1)
                whole = Period(month, end - datetime.timedelta(days=1))
                assert values == engine.direct(counted, user=user, unit=unit, period=whole)
    # Ratios and what the partials leave out still come month by month, equal to a recount.
    quarter = Period(D(2025, 9, 1), D(2025, 11, 30))
    by_month = engine.breakdown(ids, user=None, unit=demo.units["city"], period=quarter, by="month")
    assert by_month[D(2025, 10, 1)] == engine.direct(
        ids, user=None, unit=demo.units["city"], period=Period(D(2025, 10, 1), D(2025, 10, 31))
    )
    assert by_month[D(2025, 9, 1)]["litigation.cases"] >= 1
