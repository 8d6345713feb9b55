"""The data version that cached figures are keyed on: changed by every write, restored with
a rollback but never reused, and cache keys that keep scopes apart."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import update_last_login
from django.db import transaction

from fazhi.core import dataversion, services
from fazhi.core.querysets import scope_key
from fazhi.core.roles import DataScope, Role

from .test_scoping import scoped_models


def test_a_service_changes_the_version(demo):
    before = dataversion.current()
    services.update_unit(
        actor=demo.admin,
        unit=demo.units["donghu_enf0"],
        name="东湖区市场监管局",
        division_code="",
        is_active=True,
    )
    assert dataversion.current() not in (None, before)


def test_a_rolled_back_write_leaves_no_token_to_find_again(demo):
    before = dataversion.current()
    with transaction.atomic():
        demo.units["donghu_enf0"].save()
        inside = dataversion.current()
        transaction.set_rollback(True)
    assert inside != before and dataversion.current() == before
    demo.units["donghu_enf0"].save()  # the same write again, committed this time
    assert dataversion.current() not in (before, inside)


def test_remember_recomputes_after_a_write(demo):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert dataversion.remember("test", ("x",), compute) == 1
    assert dataversion.remember("test", ("x",), compute) == 1  # cached
    assert dataversion.remember("test", ("y",), compute) == 2  # other parts, other entry
    demo.units["donghu"].save()
    assert dataversion.remember("test", ("x",), compute) == 3


def test_a_login_is_no_change_but_a_renamed_user_is(demo):
    user = demo.users["donghu_officer"]
    before = dataversion.current()
    update_last_login(None, user)
    assert dataversion.current() == before
    user.first_name = "新名字"
    user.save()
    assert dataversion.current() != before


def test_users_with_one_scope_key_see_the_same_rows(demo):
    """The key stands for the rows: were it shared by two users who see different rows, a
    cached figure would cross from one scope to the other."""
    own = get_user_model().objects.create(username="own_records_officer")
    services.grant_membership(
        actor=demo.admin,
        user=own,
        unit=demo.units["donghu_justice"],
        role=Role.OFFICER,
        data_scope=DataScope.OWN_RECORDS,
    )
    users = [demo.admin, own, *demo.users.values()]
    keys = {}
    for user in users:
        user = get_user_model().objects.get(pk=user.pk)  # a fresh active membership
        rows = tuple(
            frozenset(model.objects.restrict(user).values_list("pk", flat=True))
            for model in scoped_models()
        )
        keys.setdefault(scope_key(user), set()).add(rows)
    assert all(len(seen) == 1 for seen in keys.values())
    assert len(keys) > 5  # the demo's roles do differ
