"""Fixtures shared by every app's tests."""

import os
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings

from fazhi.core import demo as demo_data
from fazhi.core import scale
from fazhi.core.models import Unit

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _fast_passwords():
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="session", autouse=True)
def _immediate_tasks():
    """Background tasks run in the request in tests (fazhi/core/jobs): a page answers as it did
    before the queue; fazhi/core/jobs/tests runs the database backend's worker itself."""
    with override_settings(TASKS=IMMEDIATE_TASKS):
        yield


@pytest.fixture(scope="session", autouse=True)
def _demo_keys(_fast_passwords, django_db_setup, django_db_blocker):
    """The demo data set, built once per test session (it takes seconds): every database
    test runs on it and rolls its own changes back. Tests with a live server flush the
    database at their end (pytest-django runs them last), see `live_demo`."""
    with django_db_blocker.unblock():
        world = demo_data.build_demo()
    return (
        world.admin.pk,
        {key: unit.pk for key, unit in world.units.items()},
        {key: user.pk for key, user in world.users.items()},
        list(world.districts),
    )


def _world(keys) -> demo_data.DemoWorld:
    admin_pk, unit_pks, user_pks, districts = keys
    units = Unit.objects.in_bulk(unit_pks.values())
    users = get_user_model().objects.in_bulk([admin_pk, *user_pks.values()])
    return demo_data.DemoWorld(
        admin=users[admin_pk],
        units={key: units[pk] for key, pk in unit_pks.items()},
        users={key: users[pk] for key, pk in user_pks.items()},
        districts=districts,
    )


@pytest.fixture
def demo(db, _demo_keys):
    """The full demo data set (all registered builders), as a DemoWorld of fresh objects."""
    return _world(_demo_keys)


@pytest.fixture
def committed_demo(transactional_db, _demo_keys):
    """The demo as committed rows, for tests that read the database from another connection
    or process. The first one finds the session's demo; as each flushes the database when
    it ends, the later ones build the demo again."""
    return _world(_demo_keys) if demo_data.demo_loaded() else demo_data.build_demo()


@pytest.fixture
def live_demo(committed_demo, live_server):
    """(DemoWorld, base URL) for browser tests."""
    return committed_demo, live_server.url


@pytest.fixture
def client_as(db):
    """A test client of its own, logged in as `user` (acting through the first membership)."""

    def login(user):
        client = Client()
        client.force_login(user)
        return client

    return login


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. A missing browser fails the test, never skips."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the Django code it calls
    # (test data, the live server's database) is synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


SMALL_PROVINCE = {
    "year": 2023,
    "cities": 2,
    "districts": 3,
    # Lines not named would load their full count; the lines after litigation load nothing
    # here (their draws would change the seed's data), their tests ask for their own.
    "count": [
        "reconsideration=3000",
        "litigation=300",
        "mediation=0",
        "legal_aid=0",
        "legal_services=0",
    ],
    "seed": 7,
}


@pytest.fixture
def generate_scale(db):
    """`generate_scale_data` on a small province (seed 7); returns the command's output."""

    def generate(**options) -> str:
        out = StringIO()
        call_command(
            "generate_scale_data", **{**SMALL_PROVINCE, **options}, stdout=out, verbosity=0
        )
        return out.getvalue()

    return generate


@pytest.fixture
def scale_province(demo, generate_scale):
    """The small synthetic province, generated next to the demo data set."""
    generate_scale()
    return Unit.objects.get(name=scale.PROVINCE_NAME, parent=None)


@pytest.fixture
def race():
    """`race(model, pk, *calls)`: each call gets the record `pk` read in a thread and database
    connection of its own (as two pages opened side by side), then all run at the same moment,
    as two requests would, on committed data (PostgreSQL: row locks; SQLite: one writer at a
    time). Returns each call's result or exception, in order. For `transaction=True` tests."""
    import threading

    from django.db import connection

    def run_all(model, pk, *calls):
        start = threading.Barrier(len(calls))
        outcomes = [None] * len(calls)

        def run(index, call):
            try:
                record = model._base_manager.get(pk=pk)
                start.wait()
                outcomes[index] = call(record)
            except Exception as error:  # collected and asserted by the test
                outcomes[index] = error
            finally:
                connection.close()

        threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return outcomes

    return run_all


def one_done_one_refused(outcomes, model):
    """The outcomes of two users taking one step at once: one result of `model`, and a
    StepRefused that says another user has just taken a step. Returns (done, refusal)."""
    from fazhi.core.workflow import StepRefused

    done = [o for o in outcomes if isinstance(o, model)]
    refused = [o for o in outcomes if isinstance(o, StepRefused)]
    assert len(done) == 1 and len(refused) == 1, outcomes
    assert "刚刚已由他人办理" in refused[0].messages[0], refused[0].messages
    return done[0], refused[0]
