"""The dashboard and the case list serve cached figures (core/dataversion.py): a change made
through a service shows at once, and a figure never crosses from one scope to another."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.core import services as core_services
from fazhi.core.roles import DataScope, Role

from .conftest import RECEIVED


def received(page) -> int:
    figure = re.search(r'id=reconsideration.received[^"]*">([\d,]+)</a>', page.content.decode())
    return int(figure.group(1).replace(",", ""))


def total(page) -> int:
    return int(re.search(r"共 (\d+) 条", page.content.decode()).group(1))


def test_a_registered_case_shows_on_the_cached_dashboard_and_list(demo, client_as, register):
    leader = client_as(demo.users["donghu_leader"])
    dashboard = f"/indicators/?year={RECEIVED.year}"
    figure, cases = received(leader.get(dashboard)), total(leader.get("/reconsideration/cases/"))
    assert received(leader.get(dashboard)) == figure  # served again, from the cache
    case = register()
    assert received(leader.get(dashboard)) == figure + 1
    assert total(leader.get("/reconsideration/cases/")) == cases + 1
    # the demo's newer cases may push it off the first page: find it by its number
    found = leader.get("/reconsideration/cases/", {"q": case.number})
    assert total(found) == 1 and case.number in found.content.decode()


def test_a_cached_figure_stays_in_its_scope(demo, client_as, register):
    register()
    own = get_user_model().objects.create(username="own_records_officer")
    core_services.grant_membership(
        actor=demo.admin,
        user=own,
        unit=demo.units["donghu_justice"],
        role=Role.OFFICER,
        data_scope=DataScope.OWN_RECORDS,  # sees only cases of which he is handler or author
    )
    justice = demo.units["donghu_justice"]
    leader, mine = client_as(demo.users["donghu_leader"]), client_as(own)
    assert received(leader.get(f"/indicators/?unit={justice.pk}&year={RECEIVED.year}")) > 0
    assert total(leader.get("/reconsideration/cases/")) > 0
    page = mine.get(f"/indicators/?year={RECEIVED.year}")  # his own unit: the same bureau
    assert page.context["unit"] == justice and received(page) == 0
    assert total(mine.get("/reconsideration/cases/")) == 0


@pytest.mark.parametrize(
    "path",
    [
        "/reconsideration/cases/",
        "/reconsideration/cases/?export=xlsx",
        "/reconsideration/supervision/",
        "/api/reconsideration/cases/",
        "/",
    ],
)
def test_lists_send_as_many_queries_for_more_cases(demo, client_as, register, path):
    """No query per row: what a list shows of each case is loaded with the page."""
    leader = client_as(demo.users["donghu_leader"])
    leader.get(path)

    def queries() -> int:
        demo.units["donghu"].save()  # a new data version: nothing comes from the cache
        with CaptureQueriesContext(connection) as captured:
            assert leader.get(path).status_code == 200
        return len(captured)

    before = queries()
    for days in range(3):
        register(received=RECEIVED - datetime.timedelta(days=days))
    assert queries() == before


def test_htmx_search_swaps_only_the_cached_table(demo, client_as):
    leader = client_as(demo.users["donghu_leader"])
    full = leader.get("/reconsideration/cases/?state=closed").content.decode()
    table = leader.get(
        "/reconsideration/cases/?state=closed", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="table-area"
    ).content.decode()
    assert "<form" not in table and "共 " in table
    assert f'<div id="table-area">{table}</div>' in full


def test_a_case_in_one_district_leaves_the_others_dashboard_warm(demo, client_as, register):
    """Data versions per unit (core/dataversion.py): a case registered in 东湖区 makes its
    own and the city's figures stale and leaves another district's cached, with the same
    figure on the dashboard and the list everywhere."""
    other = next(d for d in demo.districts if d != "donghu")
    dashboard = f"/indicators/?year={RECEIVED.year}"
    clients = {name: client_as(demo.users[f"{name}_leader"]) for name in ("donghu", other, "city")}

    def figures(name) -> tuple[int, int]:
        client = clients[name]
        return received(client.get(dashboard)), total(client.get("/reconsideration/cases/"))

    before = {name: figures(name) for name in clients}

    def queries(name) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert figures(name) == before[name]
        return len(captured)

    warm = queries(other)
    register()
    assert queries(other) == warm  # nothing recomputed for the other district
    for name in ("donghu", "city"):
        assert figures(name) == (before[name][0] + 1, before[name][1] + 1)
