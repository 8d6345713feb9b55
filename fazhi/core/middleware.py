"""Per-request state: which membership (unit + role) the user acts through."""

from django.contrib import messages
from django.db import transaction

from .querysets import set_active_membership
from .selectors import own_memberships

SESSION_KEY = "fazhi_membership_id"


class ActiveMembershipMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = None
        if request.user.is_authenticated:
            memberships = list(own_memberships(request.user))
            chosen = request.session.get(SESSION_KEY)
            membership = next((m for m in memberships if m.pk == chosen), None)
            if membership is None and memberships:
                membership = memberships[0]
            set_active_membership(request.user, membership)
            request.membership = membership
            request.memberships = memberships
        return self.get_response(request)


class AtomicWritesMiddleware:
    """Every request that may write (POST, PUT, PATCH, DELETE) runs in one transaction, rolled
    back when it fails, so nothing is half-written. Reads run without one: on SQLite, whose
    write transactions start IMMEDIATE, a transaction per page view would queue every reader
    behind every other (Django's ATOMIC_REQUESTS would do exactly that)."""

    SAFE = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in self.SAFE:
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
            return response


class QueryCharactersMiddleware:
    """A query parameter holding a NUL character — which no text column stores, PostgreSQL
    refuses it in any query — is left out, with a Chinese message, before any page reads it
    (core/filters.py bounds the values; this is the one character no field may carry)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bad = [
            key
            for key, values in request.GET.lists()
            if "\x00" in key or any("\x00" in value for value in values)
        ]
        if bad:
            query = request.GET.copy()
            for key in bad:
                del query[key]
            query._mutable = False
            request.GET = query
            messages.warning(request, "地址中的查询参数含有无效字符，已忽略")
        return self.get_response(request)
