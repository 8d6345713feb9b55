"""A request that may write runs in one transaction: when it fails, nothing stays written."""

from django.http import HttpResponse
from django.test import RequestFactory

from fazhi.core.middleware import AtomicWritesMiddleware
from fazhi.core.models import Unit


def writes_then(status):
    def view(request):
        Unit.objects.create(name="半途单位", kind=Unit.Kind.PROVINCE, path="/halfway/")
        return HttpResponse(status=status)

    return view


def test_a_failed_write_request_is_rolled_back(db):
    response = AtomicWritesMiddleware(writes_then(500))(RequestFactory().post("/"))
    assert response.status_code == 500
    assert not Unit.objects.filter(name="半途单位").exists()


def test_a_successful_write_request_is_kept(db):
    AtomicWritesMiddleware(writes_then(302))(RequestFactory().post("/"))
    assert Unit.objects.filter(name="半途单位").exists()
