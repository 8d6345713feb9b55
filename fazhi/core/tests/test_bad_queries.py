"""Bad query parameters never give a 500: every list, dashboard, record page and API route of the
resolver is fed, for each parameter it reads, values a hostile or careless user would send
(letters for ids, years 0 and 9999, dates past the calendar, huge numbers). A bad value gets
a Chinese message and the page (200, or 400 with the page), never a server error.

The parameters a page reads are found by asking it once without any (the GET of every request
records the names it was asked for), so a filter added later is fed too.
"""

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from .routes import all_routes
from .test_scoping import NOT_WALKED

BAD_VALUES = [
    "abc",
    "-1",
    "0",
    "1",
    "9999999",
    "99999999999999999999999",
    "9999-12-31",
    "0002-01-01",
    "\x00",
]
# The filters of the issue: the walk must have found pages reading them.
COMMON = ("agency", "year", "unit", "from", "to", "due_within", "page", "q")
_asked: set[str] = set()


class RecordingQueryDict(QueryDict):
    """A request's GET that notes every parameter name a page asks for."""

    def __getitem__(self, key):
        _asked.add(key)
        return super().__getitem__(key)

    def getlist(self, key, default=None):
        _asked.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        _asked.add(key)
        return super().__contains__(key)


@pytest.fixture
def recording(monkeypatch):
    def get(request):
        if "_recorded_get" not in request.__dict__:
            request._recorded_get = RecordingQueryDict(request.environ.get("QUERY_STRING", ""))
        return request._recorded_get

    def set(request, query):  # a middleware's cleaned query
        request._recorded_get = RecordingQueryDict(query.urlencode())

    monkeypatch.setattr(WSGIRequest, "GET", property(get, set))


def urls(user):
    """Every page without parameters, and every record page with a record of the demo."""
    for route in all_routes():
        if route.name in NOT_WALKED:
            continue
        if not route.params:
            yield route.name, reverse(route.name)
            continue
        model = route.record_model
        if model is None or route.params != ("pk",):
            continue
        record = model.objects.restrict(user).first()
        if record is not None:
            yield route.name, reverse(route.name, kwargs={"pk": record.pk})


def test_no_page_fails_on_bad_query_parameters(demo, recording):
    """As the system administrator, who sees every page and record."""
    user = demo.admin
    client = Client(raise_request_exception=False)
    client.force_login(user)
    failures, walked, asked = [], 0, set()
    for name, url in urls(user):
        _asked.clear()
        client.get(url)
        asked |= _asked
        walked += 1
        for parameter in sorted(_asked - {"export"}):
            for value in BAD_VALUES:
                response = client.get(url, {parameter: value})
                if response.status_code >= 500:
                    failures.append(f"{name} ?{parameter}={value!r}")
    assert not failures, "\n".join(failures)
    assert walked > 50 and set(COMMON) <= asked, set(COMMON) - asked
