"""The work-line kit's declaration (`WorkLineConfig.wire`) and the records' base classes."""

import types

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from fazhi.core import worklines
from fazhi.core.deadlines import providers
from fazhi.core.demo import builders
from fazhi.core.records import ChildRecord, ScopedRecord, UnitRecord
from fazhi.enforcement.models import CertificateCheck, Score
from fazhi.indicators import registry
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.reconsideration.models import Case, Party, Step

LINES = ("reconsideration", "litigation", "enforcement")


def test_the_work_lines_are_declared_on_the_kit():
    assert [config.label for config in worklines.work_lines()] == [
        "litigation",
        "reconsideration",
        "enforcement",
        "mediation",
        "corrections",
        "accountability",
        "publicity",
        "rulemaking",
        "legal_aid",
        "legal_services",
        "statistics",
    ]
    for config in worklines.work_lines():
        assert config.work_line == config.label
        assert set(worklines.ROOMS) <= set(config.rooms)


def test_every_page_prefix_and_api_route_comes_from_a_declaration():
    for config in worklines.kit_apps():
        if config.url_prefix:
            assert reverse(f"{config.label}:{_first_url_name(config)}").startswith(
                f"/{config.url_prefix}"
            )
    routes = {route.name for config in worklines.kit_apps() for route in config.line.api_routes}
    assert {"me", "due", "indicators", "report", "annual_report", "lawsuit"} <= routes
    assert reverse("api:lawsuit-list") == "/api/litigation/lawsuits/"
    assert reverse("api:reconsideration-case-list") == "/api/reconsideration/cases/"


def _first_url_name(config):
    module = __import__(f"{config.name}.urls", fromlist=["urlpatterns"])
    return next(pattern.name for pattern in module.urlpatterns if pattern.name)


def test_each_line_contributes_its_indicators_due_lists_and_demo_data():
    registered = registry.registered()
    for line in LINES:
        assert any(key.startswith(f"{line}.") for key in registered), line
    labels = [label for _, label, _ in builders()]
    assert labels[0] == "单位与用户" and labels[-1] == "法治政府建设年度报告"
    assert {"行政复议案件", "行政应诉", "行政执法监督"} <= set(labels)
    modules = {provider.__module__.split(".")[1] for provider in providers()}
    assert {"reconsideration", "litigation", "enforcement", "annual_report"} <= modules


def test_a_line_without_a_room_or_a_work_line_is_refused(tmp_path):
    package = tmp_path / "halfline"
    (package / "templates" / "halfline").mkdir(parents=True)
    (package / "tests").mkdir()
    for room in ("models", "services"):
        (package / f"{room}.py").write_text("")
    (package / "__init__.py").write_text("")
    module = types.ModuleType("halfline")
    module.__path__ = [str(package)]
    module.__file__ = str(package / "__init__.py")

    config = type("HalfConfig", (worklines.WorkLineConfig,), {"name": "halfline"})
    with pytest.raises(ImproperlyConfigured, match="未声明业务条线"):
        config("halfline", module).check_rooms()

    config.work_line = "halfline"
    import sys

    sys.modules["halfline"] = module
    try:
        with pytest.raises(ImproperlyConfigured, match="selectors、deadlines") as refused:
            config("halfline", module).check_rooms()
        assert "models" not in str(refused.value)
    finally:
        del sys.modules["halfline"]


def test_contributions_reach_a_consumer_registered_later_or_earlier():
    received = []
    worklines.contribute("test.kind", ("a", "b"))
    worklines.consume("test.kind", lambda *items: received.extend(items))
    worklines.contribute("test.kind", ("c",))
    assert received == ["a", "b", "c"]


def test_records_follow_their_parent_for_scope_owner_and_line():
    assert issubclass(Case, UnitRecord) and issubclass(Party, ChildRecord)
    assert Party.scope_unit_field == "case__unit"
    assert Party.scope_owner_fields == ("case__handler", "case__created_by")
    assert Hearing.scope_unit_field == "lawsuit__unit"
    assert Case.work_line == "reconsideration" and Step.work_line == "reconsideration"
    assert Lawsuit.work_line == "litigation"
    # Two levels down: a 年审 record of a certificate of an officer of a unit.
    assert CertificateCheck.scope_unit_field == "certificate__officer__unit"
    assert Score.scope_owner_fields == ("case_file__created_by",)
    assert CertificateCheck.work_line == "enforcement"
    kit_apps = ("core", "reconsideration", "litigation", "enforcement", "annual_report")
    # Not records of a unit: the event log, the data version, the holiday calendar, the
    # forms' one-time tokens, the login state of an account.
    outside = {
        "DomainEvent",
        "DataVersion",
        "CalendarYear",
        "HolidayOverride",
        "FormToken",
        "Account",
    }
    unscoped = [
        m.__name__
        for label in kit_apps
        for m in apps.get_app_config(label).get_models()
        if m.__name__ not in outside and not issubclass(m, ScopedRecord)
    ]
    assert not unscoped


def test_a_child_record_audits_its_parents_unit(demo):
    case = Case.objects.filter(unit=demo.units["donghu_justice"]).first()
    step = case.steps.first()
    entry = LogEntry.objects.get_for_object(step).first()
    assert entry.additional_data == {"unit_id": case.unit_id}
    assert case.get_absolute_url() == reverse("reconsideration:case_detail", kwargs={"pk": case.pk})
