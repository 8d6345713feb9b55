"""The audit trail: services are the only writers of business records, every write leaves a
field-history entry (django-auditlog) and every business action one domain event, in the
same transaction; nobody can change or delete either."""

import pytest
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.db import connection
from django.test import Client

from fazhi.core import services
from fazhi.core.audit import record_event, service
from fazhi.core.jobs.models import Job
from fazhi.core.models import DataVersion, DomainEvent, FormToken, Unit, UnitVersion
from fazhi.core.querysets import UnauditedWriteError
from fazhi.indicators.models import Partial, PartialState
from fazhi.notifications.models import Notice

# Records that are not business records: the append-only event log itself, the data
# version that every write changes (a cache key, not history) and the forms' one-time
# tokens (a guard against a second submission).
# The notices of due items (fazhi/notifications) are messages, copies of what the due lists
# say, not records of anyone's work. A background job (fazhi/core/jobs) is a progress counter of
# work whose own service records its events and field history. The indicators' partials
# (fazhi/indicators/models.py) are fresh counts of records, a cache the check command rebuilds.
NOT_AUDITED = {DomainEvent, DataVersion, UnitVersion, FormToken, Notice, Job, Partial, PartialState}


def test_every_record_model_of_the_project_is_audited():
    project_models = [m for m in apps.get_models() if m.__module__.startswith("fazhi.")]
    missing = [
        m.__name__ for m in project_models if m not in NOT_AUDITED and not auditlog.contains(m)
    ]
    assert not missing, f"register these with auditlog: {missing}"


def test_a_service_writes_field_history_and_one_event(demo):
    parent = demo.units["donghu"]
    before = DomainEvent.objects.count()
    unit = services.create_unit(
        actor=demo.admin, name="东湖区水务局", kind=Unit.Kind.ENFORCEMENT, parent=parent
    )
    entry = LogEntry.objects.get_for_object(unit).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == demo.admin
    assert entry.additional_data == {"unit_id": unit.pk}
    assert entry.changes_dict["name"] == ["None", "东湖区水务局"]
    assert DomainEvent.objects.count() == before + 1
    event = DomainEvent.objects.first()
    assert (event.action, event.actor, event.unit, event.target) == (
        "unit.create",
        demo.admin,
        unit,
        unit,
    )


def test_an_update_records_before_and_after(demo):
    unit = demo.units["donghu_enf0"]
    services.update_unit(
        actor=demo.admin, unit=unit, name="东湖区市场监管局", division_code="", is_active=True
    )
    change = LogEntry.objects.get_for_object(unit).filter(action=LogEntry.Action.UPDATE).get()
    assert change.changes_dict["name"] == ["东湖区市场监督管理局", "东湖区市场监管局"]


@service
def _rename_without_audit(*, actor, unit):
    # Raw SQL is a write auditlog never sees.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Unit._meta.db_table} SET name = %s WHERE id = %s", ["未审计", unit.pk]
        )
    record_event(actor=actor, action="test", summary="test", target=unit, unit=unit)


@service
def _rename_without_event(*, actor, unit):
    unit.name = "没有业务记录的名称"
    unit.save()


@service
def _rename_with_bulk_update(*, actor, unit):
    Unit.objects.filter(pk=unit.pk).update(name="批量")


@pytest.mark.parametrize(
    "sneaky", [_rename_without_audit, _rename_without_event, _rename_with_bulk_update]
)
def test_a_service_that_writes_without_audit_fails_and_leaves_nothing(demo, sneaky):
    unit = demo.units["donghu_enf1"]
    entries = LogEntry.objects.count()
    events = DomainEvent.objects.count()
    with pytest.raises(UnauditedWriteError):
        sneaky(actor=demo.admin, unit=unit)
    unit.refresh_from_db()
    assert unit.name == "东湖区交通运输局"
    assert (LogEntry.objects.count(), DomainEvent.objects.count()) == (entries, events)


def test_a_failing_service_leaves_neither_change_nor_audit(demo):
    unit = demo.units["donghu_enf2"]
    entries = LogEntry.objects.count()
    with pytest.raises(Exception, match="不能把单位移到"):
        services.move_unit(
            actor=demo.admin, unit=demo.units["donghu"], new_parent=unit, reason="测试"
        )
    assert LogEntry.objects.count() == entries


def test_services_take_keyword_arguments_only(demo):
    with pytest.raises(TypeError):
        services.update_unit(demo.admin, demo.units["donghu"], "x", "", True)


def test_domain_events_cannot_be_changed_or_deleted(demo):
    event = DomainEvent.objects.first()
    event.summary = "篡改"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        DomainEvent.objects.all().delete()
    with pytest.raises(UnauditedWriteError):
        DomainEvent.objects.filter(pk=event.pk).update(summary="篡改")


def test_no_route_writes_audit_records(demo):
    """The event log and field history are only ever read: their pages refuse writes."""
    client = Client()
    client.force_login(demo.admin)
    count = DomainEvent.objects.count(), LogEntry.objects.count()
    assert client.post("/events/", {"summary": "x"}).status_code == 405
    assert client.delete("/events/").status_code == 405
    assert (DomainEvent.objects.count(), LogEntry.objects.count()) == count


@pytest.mark.parametrize(
    ("username", "sees_history"),
    [("donghu_officer", False), ("donghu_reviewer", True), ("donghu_leader", True)],
)
def test_history_on_the_record_page_for_allowed_roles(demo, client_as, username, sees_history):
    page = client_as(demo.users[username]).get(f"/units/{demo.units['donghu_justice'].pk}/")
    assert page.status_code == 200
    assert ("操作记录" in page.content.decode()) is sees_history
