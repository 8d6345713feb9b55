"""Per-request state: which membership (unit + role) the user acts through."""

import time

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .models import Account
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


class SessionRefreshMiddleware:
    """The idle timeout (SESSION_COOKIE_AGE) counts from the last request: a logged-in
    session is saved again, with a new expiry, when it was last saved more than
    FAZHI_SESSION_REFRESH_SECONDS ago — not on every request (SESSION_SAVE_EVERY_REQUEST),
    so reading pages writes nothing most of the time."""

    STAMP = "fazhi_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and auth.SESSION_KEY in session:
            now = int(time.time())
            if now - session.get(self.STAMP, 0) >= settings.FAZHI_SESSION_REFRESH_SECONDS:
                session[self.STAMP] = now  # marks it modified: SessionMiddleware saves it
        return response


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


class SessionExpiryLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Django's login redirect, telling the login page when a session cookie came without a
    live session (it expired while idle): the browser drops the cookie on that redirect, so
    the login page can no longer see it."""

    def handle_no_permission(self, request, view_func):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return super().handle_no_permission(request, view_func)
        return redirect_to_login(
            request.get_full_path(),
            f"{reverse(settings.LOGIN_URL)}?expired=1",
            self.get_redirect_field_name(view_func),
        )


class PasswordChangeRequiredMiddleware:
    """An account an administrator opened or reset does nothing before its holder has chosen
    an own password (等保 2.0: the initial password is known to the administrator)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and self._must_change(request):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "首次登录须先修改密码"}, status=403)
            messages.warning(request, "为保护账号安全，请先修改初始密码后再使用平台。")
            if getattr(request, "htmx", False):  # the whole page, not a fragment of it
                return HttpResponse(headers={"HX-Redirect": reverse("core:password_change")})
            return redirect("core:password_change")
        return self.get_response(request)

    @staticmethod
    def _must_change(request) -> bool:
        allowed = {reverse("core:password_change"), reverse("logout"), reverse("login")}
        if request.path in allowed or request.path.startswith(settings.STATIC_URL):
            return False
        return Account.objects.filter(user=request.user, must_change_password=True).exists()


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
