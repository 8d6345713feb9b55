"""Scale (issue 19): filling a return computes each cell from the records once — one engine
computation for the whole table — and a consolidation reads its children in a number of
queries that does not grow with them (each child costs only its own locking), never children ×
rows. The timing is benchmarks/returns.py's (docs/benchmarks.md)."""

import datetime
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.core.models import Unit
from fazhi.indicators import engine
from fazhi.statistics import filling, services
from fazhi.statistics.models import State

pytestmark = pytest.mark.django_db

KEY = "2023"  # no demo return of 2023


class Computations:
    """Every engine call while active: (kind, indicator ids, period)."""

    def __init__(self, monkeypatch):
        self.calls = []
        compute, breakdown = engine.compute, engine.breakdown

        def counting_compute(ids, **kwargs):
            self.calls.append(("compute", list(ids), kwargs["period"]))
            return compute(ids, **kwargs)

        def counting_breakdown(ids, **kwargs):
            self.calls.append(("breakdown", list(ids), kwargs["period"]))
            return breakdown(ids, **kwargs)

        monkeypatch.setattr(engine, "compute", counting_compute)
        monkeypatch.setattr(engine, "breakdown", counting_breakdown)


def _through(admin, unit, code="FZ复1表"):
    statreturn = services.create_return(actor=admin, unit=unit, template_code=code, period_key=KEY)
    services.set_manual_value(
        actor=admin, statreturn=statreturn, cell="01-1", value="0", explanation="上年结转"
    )
    services.complete_filling(actor=admin, statreturn=statreturn)
    services.approve_return(actor=admin, statreturn=statreturn)
    services.submit_return(
        actor=admin, statreturn=statreturn, submitted_on=datetime.date(2024, 1, 10)
    )
    services.accept_return(actor=admin, statreturn=statreturn)
    return statreturn


def _district(city: Unit, number: int) -> Unit:
    """A district of the city with its 司法局 (who files)."""
    district = Unit.objects.create(
        name=f"测试{number}区",
        kind=Unit.Kind.DISTRICT,
        parent=city,
        path=f"{city.path}{Unit.new_path_segment()}/",
    )
    return Unit.objects.create(
        name=f"测试{number}区司法局",
        kind=Unit.Kind.JUSTICE_BUREAU,
        parent=district,
        path=f"{district.path}{Unit.new_path_segment()}/",
    )


def test_filling_a_return_computes_each_cell_once(demo, monkeypatch):
    computations = Computations(monkeypatch)
    statreturn = services.create_return(
        actor=demo.users["donghu_statistician"],
        unit=demo.units["donghu_justice"],
        template_code="FZ复1表",
        period_key=KEY,
    )
    counted = filling.counted(statreturn.template.layout)
    assert len(counted) > 10
    [(kind, ids, period)] = computations.calls  # one computation for the whole table
    assert kind == "compute" and period == filling.period_of(statreturn)
    assert sorted(ids) == sorted(set(counted.values()))  # each indicator asked for once
    assert set(statreturn.records) == set(counted)  # and every counted cell filled from it
    computations.calls.clear()
    services.refresh_return(actor=demo.users["donghu_statistician"], statreturn=statreturn)
    assert [kind for kind, _, _ in computations.calls] == ["compute"]
    # A consolidation: its own units' records once, less its children's in one breakdown.
    computations.calls.clear()
    city = services.create_return(
        actor=demo.users["city_statistician"],
        unit=demo.units["city_justice"],
        template_code="FZ复1表",
        period_key=KEY,
    )
    assert city.consolidated
    assert [kind for kind, _, _ in computations.calls] == ["compute", "breakdown"]


def test_consolidating_more_children_reads_no_more(demo, django_capture_on_commit_callbacks):
    # The writes recounted at their commit, as outside a test (the partials checked below).
    with django_capture_on_commit_callbacks(execute=True):
        admin, city = demo.admin, demo.units["city"]
        for district in demo.districts:
            _through(admin, demo.units[f"{district}_justice"])
        parent = services.create_return(
            actor=admin, unit=demo.units["city_justice"], template_code="FZ复1表", period_key=KEY
        )

        def queries(func) -> int:
            with CaptureQueriesContext(connection) as captured:
                func()
            return len(captured.captured_queries)

        def refresh():
            services.refresh_return(actor=admin, statreturn=parent)

        three = queries(refresh)
        assert len(parent.parts) == 3
        for number in range(1, 5):
            _through(admin, _district(city, number))
        seven = queries(refresh)
    assert len(parent.parts) == 7
    rows = len(parent.template.layout["rows"])
    assert rows > 10
    assert seven == three  # 取数 of a consolidation: the same queries for 3 or 7 children
    # 填报完成 then locks the children's returns: one UPDATE of their state, and for each
    # child its audit entry and its unit's data version — a few statements a child (with
    # the recount at commit), whatever the table's rows (the benchmark's 30-row table: the
    # same; about 15 a child before the one UPDATE).
    with django_capture_on_commit_callbacks(execute=True):
        filled = queries(lambda: services.complete_filling(actor=admin, statreturn=parent))
    children = services.selectors.children_returns(parent)
    assert {c.state for c in children} == {State.LOCKED}
    assert filled - seven <= 7 * 3 + 20
    for child in children:  # each lock in the child's field history
        entry = LogEntry.objects.get_for_object(child).order_by("-timestamp").first()
        assert entry.changes_dict["state"] == [State.ACCEPTED.label, State.LOCKED.label]
        assert entry.actor == admin
    # No indicator reads a return's state: the stored partials are still exact.
    out = StringIO()
    call_command("indicators_check", stdout=out)
    assert "无差异" in out.getvalue()
