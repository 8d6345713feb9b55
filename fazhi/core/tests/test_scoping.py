"""A user of one district never sees another district's records: not on any page, export or
API response, and never through a direct URL (404).

Walks every route of the resolver as each role of 东湖区 with the demo data of all apps, and
looks for any name, record text or record URL of the sibling 西山区 in what comes back.
"""

import io
import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import NoReverseMatch, reverse
from openpyxl import load_workbook

from fazhi.core.models import Unit
from fazhi.core.querysets import RestrictedQuerySet

from .routes import all_routes

# Routes that cannot be walked as a logged-in user, and why.
NOT_WALKED = {
    "login": "the login page, for anonymous users",
    "logout": "ends the session the walk needs",
    # a background job is its user's alone, not a unit's record (no unit to scope by):
    # another user, of this district or another, gets 404 (fazhi/core/jobs/tests)
    "jobs:job_detail": "a job is opened by its own user only",
    "jobs:job_file": "a job's file is downloaded by its own user only (tested with each work)",
}
ROLES = ["officer", "reviewer", "leader", "inspector", "admin"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def scoped_models():
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("fazhi.")
        and isinstance(model.objects.all(), RestrictedQuerySet)
    ]


def records_in(model, district: Unit):
    unit_field = getattr(model, "scope_unit_field", "unit")
    prefix = f"{unit_field}__" if unit_field else ""
    return model.objects.filter(**{f"{prefix}path__startswith": district.path})


def markers_of(district: Unit) -> set[str]:
    """Texts that would betray the district's records: names, record texts, user names."""
    markers = set()
    for model in scoped_models():
        for record in records_in(model, district):
            markers.add(str(record))
    users = get_user_model().objects.filter(memberships__unit__path__startswith=district.path)
    for user in users:
        markers.update({user.username, user.first_name})
    return {marker for marker in markers if marker and len(marker) >= 2}


def record_urls(routes, district: Unit) -> set[str]:
    urls = set()
    for route in routes:
        model = route.record_model
        if model is None or route.params != ("pk",):
            continue
        for record in records_in(model, district):
            urls.add(reverse(route.name, kwargs={"pk": record.pk}))
    return urls


def response_text(response) -> str:
    if response.get("Content-Type", "").startswith(XLSX):
        workbook = load_workbook(io.BytesIO(response.content), read_only=True)
        return "\n".join(
            str(cell)
            for sheet in workbook
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.mark.parametrize("role", ROLES)
def test_no_route_shows_the_sibling_district(demo, role):
    routes = all_routes()
    unnamed = [route for route in routes if route.name is None]
    assert not unnamed, f"every route needs a name to be walked: {unnamed}"
    own, other = demo.units["donghu"], demo.units["xishan"]
    leaks = markers_of(other)
    other_urls = record_urls(routes, other)
    assert leaks and other_urls, "the demo data must give the sibling district records to hide"

    client = Client()
    client.force_login(demo.users[f"donghu_{role}"])
    walked = 0
    for route in routes:
        if route.name in NOT_WALKED:
            continue
        if not route.params:
            for query in ("", "?q=西山", "?export=xlsx"):
                response = client.get(reverse(route.name) + query)
                # 400: a page that needs parameters refuses without them (and shows nothing).
                assert response.status_code in (200, 302, 400, 403, 405), (route.name, query)
                text = response_text(response)
                found = [m for m in leaks | other_urls if m in text]
                assert not found, f"{route.name}{query} as {role} shows {found[:5]}"
                walked += 1
            continue
        model = route.record_model
        assert model is not None, (
            f"{route.name} takes {route.params} but declares no record model (@record_view)"
        )
        assert route.params == ("pk",), f"{route.name}: record routes take one parameter, pk"
        theirs = records_in(model, other).first()
        assert theirs is not None, f"demo data has no {model.__name__} in 西山区 for {route.name}"
        url = reverse(route.name, kwargs={"pk": theirs.pk})
        assert client.get(url).status_code == 404, f"GET {url} ({route.name}) as {role}"
        # 405 for a read-only route says nothing about the record either.
        assert client.post(url).status_code in (404, 405), f"POST {url} ({route.name}) as {role}"
        mine = (
            model.objects.restrict(demo.users[f"donghu_{role}"])
            .filter(pk__in=records_in(model, own))
            .first()
        )
        if mine is not None:
            response = client.get(reverse(route.name, kwargs={"pk": mine.pk}))
            assert response.status_code in (200, 302, 403, 405), route.name
            found = [m for m in leaks | other_urls if m in response_text(response)]
            assert not found, f"{route.name} as {role} shows {found[:5]}"
        walked += 1
    assert walked > 10


def test_every_route_is_reversible_and_named():
    for route in all_routes():
        if route.name in NOT_WALKED or route.params:
            continue
        try:
            reverse(route.name)
        except NoReverseMatch as error:  # pragma: no cover - the assertion explains
            pytest.fail(f"{route.name}: {error}")


def test_superuser_scope_is_everything(demo):
    assert Unit.objects.restrict(demo.admin).count() == Unit.objects.count()


def test_scopes_of_a_membership(demo):
    officer = demo.users["donghu_officer"]  # 本单位: the 司法局 only
    assert list(Unit.objects.restrict(officer)) == [demo.units["donghu_justice"]]
    leader = demo.users["donghu_leader"]  # 本单位及下级: the 司法局's whole district
    visible = set(Unit.objects.restrict(leader))
    assert demo.units["donghu_town0"] in visible and demo.units["donghu"] in visible
    assert demo.units["xishan"] not in visible and demo.units["city"] not in visible
    city_inspector = demo.users["city_inspector"]
    assert demo.units["xishan_enf1"] in set(Unit.objects.restrict(city_inspector))
