"""Passwords and accounts (issue 14 item 6), headers and cookies (item 7): validators on
every path that sets a password, audited changes and resets, the forced change of an
administrator's initial password, throttling per username and per address, the
Content-Security-Policy without inline script, HTTPS settings, the schema and idle expiry."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.password_validation import validate_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.test import Client

import fazhi
from fazhi.core import services
from fazhi.core.demo import DEMO_PASSWORD
from fazhi.core.models import Account, DomainEvent

STRONG = "Neue#Pass2027"


def _login(client, username, password, address="10.0.0.8"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def _token(page: str) -> str:
    return re.search(r'name="form_token" value="([0-9a-f]+)"', page).group(1)


def test_the_demo_password_meets_the_rules():
    validate_password(DEMO_PASSWORD)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("12345678", "密码长度太短"),
        ("Abcdef#12", "密码长度太短"),  # nine characters
        ("abcdefghijk", "3类"),  # one class
        ("abcdefgh12345", "3类"),  # two classes
        ("Chen_wei2026", "相似"),  # the username
    ],
)
def test_create_user_refuses_a_weak_password(demo, password, message):
    with pytest.raises(ValidationError) as refused:
        services.create_user(
            actor=demo.users["donghu_admin"],
            username="chen_wei2026",
            full_name="陈伟",
            password=password,
            unit=demo.units["donghu_justice"],
            role="officer",
        )
    assert message in " ".join(refused.value.messages)
    assert not Account.objects.filter(user__username="chen_wei2026").exists()


def test_the_user_page_shows_the_refusal(demo, client_as):
    client = client_as(demo.users["donghu_admin"])
    data = {
        "form_token": _token(client.get("/users/new/").content.decode()),
        "username": "weak_one",
        "full_name": "弱密码",
        "password": "weak_one",
        "unit": demo.units["donghu_justice"].pk,
        "role": "officer",
        "data_scope": "",
    }
    page = client.post("/users/new/", data).content.decode()
    assert "密码长度太短" in page or "3类" in page


def _opened_by_admin(demo):
    return services.create_user(
        actor=demo.users["donghu_admin"],
        username="new_officer",
        full_name="新同事",
        password="Initial#2026x",
        unit=demo.units["donghu_justice"],
        role="officer",
    )


def test_an_account_the_administrator_opened_must_change_its_password_first(demo):
    user = _opened_by_admin(demo)
    client = Client()
    assert _login(client, "new_officer", "Initial#2026x").status_code == 302
    response = client.get("/units/")
    assert response.status_code == 302 and response["Location"] == "/password/"
    assert "请先修改初始密码" in client.get("/password/").content.decode()
    assert client.get("/api/me/").status_code == 403
    assert client.get("/units/", HTTP_HX_REQUEST="true")["HX-Redirect"] == "/password/"
    changed = client.post(
        "/password/",
        {"old_password": "Initial#2026x", "new_password1": STRONG, "new_password2": STRONG},
    )
    assert changed.status_code == 302
    assert client.get("/units/").status_code == 200
    user.account.refresh_from_db()
    assert not user.account.must_change_password and user.account.password_changed_at


def test_demo_accounts_are_not_forced(demo):
    client = Client()
    _login(client, "donghu_officer", DEMO_PASSWORD)
    assert client.get("/units/").status_code == 200


def test_a_password_change_is_audited_without_its_value(demo, client_as):
    officer = demo.users["donghu_officer"]
    old_hash = officer.password
    client = client_as(officer)
    client.post(
        "/password/",
        {"old_password": DEMO_PASSWORD, "new_password1": STRONG, "new_password2": STRONG},
    )
    officer.refresh_from_db()
    assert officer.check_password(STRONG)
    event = DomainEvent.objects.get(action="user.password_change", target_id=str(officer.pk))
    assert event.actor == officer and event.unit == demo.units["donghu_justice"]
    entry = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(officer), object_pk=str(officer.pk)
    ).latest("timestamp")
    assert "password" in entry.changes_dict and entry.actor == officer
    stored = f"{entry.changes} {event.summary} {event.data}"
    for secret in (STRONG, DEMO_PASSWORD, officer.password, old_hash):
        assert secret not in stored


def test_a_weak_new_password_is_refused_on_the_change_page(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    page = client.post(
        "/password/",
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": "abcdefghijk",
            "new_password2": "abcdefghijk",
        },
    ).content.decode()
    assert "3类" in page
    assert not DomainEvent.objects.filter(action="user.password_change").exists()


def test_an_administrator_resets_a_password_which_must_then_be_changed(demo, client_as):
    officer = demo.users["donghu_officer"]
    membership = officer.memberships.get()
    client = client_as(demo.users["donghu_admin"])
    url = f"/memberships/{membership.pk}/reset-password/"
    assert "重置密码" in client.get("/users/").content.decode()
    data = {"form_token": _token(client.get(url).content.decode()), "new_password": "12345678"}
    assert "密码长度太短" in client.post(url, data).content.decode()
    data["new_password"] = "Reset#Pass2026"
    assert client.post(url, data).status_code == 302
    event = DomainEvent.objects.get(action="user.password_reset")
    assert event.actor == demo.users["donghu_admin"] and event.target_id == str(officer.pk)
    assert "Reset#Pass2026" not in f"{event.summary} {event.data}"
    officer_client = Client()
    _login(officer_client, "donghu_officer", "Reset#Pass2026")
    assert officer_client.get("/units/")["Location"] == "/password/"


def test_a_unit_administrator_cannot_reset_outside_the_subtree(demo, client_as):
    foreign = demo.users["xishan_officer"].memberships.get()
    client = client_as(demo.users["donghu_admin"])
    assert client.get(f"/memberships/{foreign.pk}/reset-password/").status_code == 404


def test_spraying_usernames_from_one_address_is_locked(demo, settings):
    client = Client()
    for number in range(settings.FAZHI_LOGIN_ADDRESS_FAILURE_LIMIT):
        _login(client, f"nobody{number}", "wrong-password", address="10.9.9.9")
    locked = _login(client, "donghu_officer", DEMO_PASSWORD, address="10.9.9.9")
    assert "已暂时锁定" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not affected, and a few failures from an office do not lock it.
    assert _login(Client(), "donghu_officer", DEMO_PASSWORD, address="10.1.1.1").status_code == 302


def test_one_username_is_locked_from_any_address(demo, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(), "donghu_officer", "wrong-password", address=f"10.2.0.{number}")
    locked = _login(Client(), "donghu_officer", DEMO_PASSWORD, address="10.2.1.1")
    assert "已暂时锁定" in locked.content.decode()


def test_a_success_does_not_reset_the_address_count(demo, settings):
    client = Client()
    half = settings.FAZHI_LOGIN_ADDRESS_FAILURE_LIMIT // 2
    for number in range(half):
        _login(client, f"spray{number}", "wrong-password", address="10.3.3.3")
    assert _login(Client(), "donghu_leader", DEMO_PASSWORD, address="10.3.3.3").status_code == 302
    for number in range(settings.FAZHI_LOGIN_ADDRESS_FAILURE_LIMIT - half):
        _login(client, f"again{number}", "wrong-password", address="10.3.3.3")
    locked = _login(Client(), "donghu_officer", DEMO_PASSWORD, address="10.3.3.3")
    assert "已暂时锁定" in locked.content.decode()


def test_pages_carry_a_policy_without_inline_script(demo, client_as):
    response = client_as(demo.users["donghu_leader"]).get("/")
    policy = response["Content-Security-Policy"]
    script = re.search(r"script-src ([^;]*)", policy).group(1).split()
    assert script == ["'self'"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert Client().get("/login/")["Content-Security-Policy"] == policy


TEMPLATES = [*Path(fazhi.__file__).parent.glob("**/templates/**/*.html")]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_no_template_has_inline_script(template):
    html = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    assert "javascript:" not in html


def test_the_api_schema_is_only_for_logged_in_users(demo, client_as):
    assert Client().get("/api/schema/").status_code in (401, 403)
    assert client_as(demo.users["donghu_officer"]).get("/api/schema/").status_code == 200


def _settings_with(env: dict) -> dict:
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps({k: getattr(settings, k, None) for k in ["
        "'SESSION_COOKIE_SECURE','CSRF_COOKIE_SECURE','SESSION_COOKIE_HTTPONLY',"
        "'SECURE_HSTS_SECONDS','SECURE_PROXY_SSL_HEADER','SECURE_SSL_REDIRECT','DEBUG']}))"
    )
    environ = {k: v for k, v in os.environ.items() if k not in ("FAZHI_HTTPS", "FAZHI_DEBUG")}
    environ.update(env, DJANGO_SETTINGS_MODULE="fazhi.settings")
    result = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def test_https_deployment_settings_come_with_one_variable():
    plain = _settings_with({})
    assert not plain["SESSION_COOKIE_SECURE"] and not plain["SECURE_HSTS_SECONDS"]
    assert plain["DEBUG"] is False  # debug pages only with FAZHI_DEBUG=1
    https = _settings_with({"FAZHI_HTTPS": "1"})
    assert https["SESSION_COOKIE_SECURE"] and https["CSRF_COOKIE_SECURE"]
    assert https["SESSION_COOKIE_HTTPONLY"] and https["SECURE_SSL_REDIRECT"]
    assert https["SECURE_HSTS_SECONDS"] >= 180 * 24 * 3600
    assert https["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_the_demo_command_does_not_turn_debug_on(monkeypatch):
    from django.core import management

    from fazhi import manage

    monkeypatch.delenv("FAZHI_DEBUG", raising=False)
    monkeypatch.setattr(management, "execute_from_command_line", lambda argv: None)
    monkeypatch.setattr(sys, "argv", ["fazhi", "demo"])
    manage.main()
    assert "FAZHI_DEBUG" not in os.environ


def test_an_idle_session_says_it_expired_even_when_the_browser_drops_the_cookie(
    demo, settings, monkeypatch
):
    """FAZHI_SESSION_SECONDS is the idle timeout: each request renews it (at most once a
    FAZHI_SESSION_REFRESH_SECONDS), a session idle for longer ends."""
    clock = [time.time()]
    monkeypatch.setattr(time, "time", lambda: clock[0])  # the session cache's clock too
    client = Client()
    _login(client, "donghu_officer", DEMO_PASSWORD)
    idle = settings.SESSION_COOKIE_AGE
    assert idle == int(os.environ.get("FAZHI_SESSION_SECONDS", 8 * 3600))
    for _ in range(3):  # in use: three times most of the timeout, still logged in
        clock[0] += idle * 0.6
        assert client.get("/units/").status_code == 200
    clock[0] += idle + 1  # idle for longer than the timeout
    response = client.get("/units/")
    assert response.status_code == 302 and "expired=1" in response["Location"]
    # A browser forgets the cookie the redirect deletes; the login page still says why.
    page = Client().get(response["Location"]).content.decode()
    assert "登录已超时，请重新登录" in page
    assert "登录已超时" not in Client().get("/login/?next=/units/").content.decode()


def test_reading_pages_writes_nothing_to_the_database(demo):
    """Sessions live in their own cache: a page view saves no session row (on SQLite each
    such write took the one write lock)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    _login(client, "donghu_officer", DEMO_PASSWORD)
    client.get("/units/")
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert client.get("/units/").status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == [] and not any("django_session" in q["sql"] for q in queries)
