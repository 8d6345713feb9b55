"""Data versions per unit (core/dataversion.py): a write in one district leaves every other
district's cached figures warm and makes its own and its city's stale; a unit's version
changes once per transaction and only its own row is written; a rolled-back savepoint's
change is made again by the next write."""

from collections import Counter

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from fazhi.core import dataversion, services
from fazhi.core.models import Membership, UnitVersion
from fazhi.core.roles import Role


def _readers(demo):
    a, b = demo.districts[:2]
    return (
        a,
        b,
        {
            "a": demo.users[f"{a}_leader"],
            "b": demo.users[f"{b}_leader"],
            "city": demo.users["city_leader"],
        },
    )


def _grant(demo, district: str, user=None):
    return services.grant_membership(
        actor=demo.admin,
        user=user or demo.users["city_inspector"],
        unit=demo.units[f"{district}_justice"],
        role=Role.OFFICER,
    )


def _version_writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].startswith("UPDATE") and "version" in q["sql"]]


def test_a_write_in_one_district_leaves_the_other_warm(demo):
    a, b, readers = _readers(demo)
    computed = Counter()

    def figure(name):
        def compute():
            computed[name] += 1
            return computed[name]

        return dataversion.remember("test", (name,), compute, user=readers[name])

    first = {name: figure(name) for name in readers}
    assert {name: figure(name) for name in readers} == first  # all warm
    _grant(demo, a)
    assert figure("b") == first["b"]  # the other district: still the cached figure
    assert figure("a") == first["a"] + 1 and figure("city") == first["city"] + 1
    assert computed == {"a": 2, "b": 1, "city": 2}
    _grant(demo, b)
    assert figure("b") == 2 and figure("a") == 2  # now B's turn; A stays warm


def test_a_write_changes_only_its_own_units_row(demo):
    a, _, _ = _readers(demo)
    with CaptureQueriesContext(connection) as queries:
        _grant(demo, a)
    writes = _version_writes(queries.captured_queries)
    unit = demo.units[f"{a}_justice"]
    # one row, the bureau's: no ancestor's, no platform-wide one that every writer would wait on
    assert writes and all("core_unitversion" in sql for sql in writes)
    assert UnitVersion.objects.filter(unit=unit).exists()


def test_once_per_transaction_and_nothing_cached_inside_it(demo):
    a, _, readers = _readers(demo)
    calls = []
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        _grant(demo, a)
        _grant(demo, a, user=demo.users["city_leader"])  # the same unit again
        for _ in range(2):  # a later write in this transaction would change no version
            dataversion.remember("test", ("inside",), lambda: calls.append(1), user=readers["a"])
    assert len(_version_writes(queries.captured_queries)) == 1
    assert len(calls) == 2


def test_a_rolled_back_savepoint_is_written_again(demo):
    a, _, readers = _readers(demo)
    before = dataversion.version_of(readers["a"])
    with transaction.atomic():
        with transaction.atomic():
            _grant(demo, a)
            transaction.set_rollback(True)
        assert dataversion.version_of(readers["a"]) == before  # undone with the savepoint
        _grant(demo, a)  # the same unit: its version changes again
    assert dataversion.version_of(readers["a"]) != before


def test_a_record_moved_to_another_district_changes_both(demo):
    a, b, readers = _readers(demo)
    membership = _grant(demo, a)
    before = {name: dataversion.version_of(user) for name, user in readers.items()}
    membership = Membership.objects.get(pk=membership.pk)  # as loaded for an edit
    membership.unit = demo.units[f"{b}_justice"]
    membership.save()
    after = {name: dataversion.version_of(user) for name, user in readers.items()}
    assert all(after[name] != before[name] for name in readers)


def test_units_users_and_bulk_loads_change_every_version(demo):
    _, _, readers = _readers(demo)
    for change in (
        lambda: demo.units["city"].save(),
        lambda: get_user_model().objects.filter(pk=demo.admin.pk).first().save(),
        dataversion.bump,
    ):
        before = {name: dataversion.version_of(user) for name, user in readers.items()}
        change()
        assert all(dataversion.version_of(u) != before[n] for n, u in readers.items())
