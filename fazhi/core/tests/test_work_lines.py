"""Work lines (业务条线) on memberships: what a membership of one line may see and do, how a
unit administrator assigns lines, and the one rule for personal data."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from fazhi.core import guards, services
from fazhi.core.models import DomainEvent, FormToken, Membership
from fazhi.core.navigation import NavItem
from fazhi.core.querysets import acts_on, scope_key
from fazhi.core.roles import PERMISSIONS, Action, Role, WorkLine
from fazhi.enforcement.models import Officer
from fazhi.reconsideration.models import Case, Party

pytestmark = pytest.mark.django_db


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)  # a new active membership


def test_every_line_of_the_design_is_a_work_line():
    assert set(WorkLine.values) == {
        "reconsideration",
        "litigation",
        "enforcement",
        "rulemaking",
        "mediation",
        "legal_aid",
        "legal_services",
        "corrections",
        "publicity",
        "accountability",
        "statistics",
        "annual_report",
    }


def test_the_models_of_the_built_lines_declare_their_line():
    from django.apps import apps

    for label in ("reconsideration", "litigation", "enforcement", "annual_report"):
        for model in apps.get_app_config(label).get_models():
            if hasattr(model.objects, "restrict"):
                assert model.work_line == label, model


def test_a_membership_validates_its_lines(demo):
    membership = Membership(
        user=demo.users["donghu_officer"],
        unit=demo.units["donghu_justice"],
        role=Role.REVIEWER,
        data_scope="own_unit",
    )
    assert membership.all_work_lines and membership.acts_on(WorkLine.CORRECTIONS)
    for lines, all_lines in ((["mediation", "nonsense"], False), (["mediation"] * 2, False)):
        membership.work_lines, membership.all_work_lines = lines, all_lines
        with pytest.raises(ValidationError):
            membership.full_clean()
    membership.work_lines, membership.all_work_lines = ["mediation"], True
    with pytest.raises(ValidationError, match="全部业务条线"):
        membership.full_clean()


def test_the_demo_gives_each_bureau_officer_their_lines(demo):
    supervisor = fresh(demo.users["donghu_supervisor"])
    officer = fresh(demo.users["donghu_officer"])
    leader = fresh(demo.users["donghu_leader"])
    assert acts_on(supervisor, WorkLine.ENFORCEMENT)
    assert not acts_on(supervisor, WorkLine.RECONSIDERATION)
    assert acts_on(officer, WorkLine.RECONSIDERATION) and acts_on(officer, WorkLine.LITIGATION)
    assert not acts_on(officer, WorkLine.ENFORCEMENT)
    assert all(acts_on(leader, line) for line in WorkLine.values)
    assert acts_on(supervisor, None)  # records of no line: units, users


def test_the_api_tells_the_lines_of_the_membership(demo, client_as):
    me = client_as(demo.users["donghu_supervisor"]).get("/api/me/").json()
    assert me["work_lines"] == ["enforcement"]
    assert client_as(demo.users["donghu_leader"]).get("/api/me/").json()["work_lines"] is None


def test_a_supervision_officer_neither_sees_nor_handles_nor_registers_cases(demo):
    supervisor = fresh(demo.users["donghu_supervisor"])
    assert not Case.objects.restrict(supervisor).exists()
    assert not Party.objects.restrict(supervisor).exists()
    assert not Case.objects.restrict(supervisor, Action.CHANGE).exists()
    assert Officer.objects.restrict(supervisor).exists()
    with pytest.raises(PermissionDenied, match="行政复议"):
        guards.require_unit(
            supervisor, demo.units["donghu_justice"], work_line=WorkLine.RECONSIDERATION
        )
    guards.require_unit(supervisor, demo.units["donghu_justice"], work_line=WorkLine.ENFORCEMENT)


def test_the_scope_key_carries_the_lines(demo):
    """Same unit, role and data scope, other lines: other rows, so another cache key."""
    officer = demo.users["donghu_officer"]
    with pytest.raises(ValidationError, match="没有变化"):
        services.set_work_lines(
            actor=demo.admin,
            membership=demo.users["donghu_supervisor"].memberships.get(),
            work_lines=[WorkLine.ENFORCEMENT],
        )
    twin = get_user_model().objects.create(username="twin_of_the_officer")
    services.grant_membership(
        actor=demo.admin,
        user=twin,
        unit=demo.units["donghu_justice"],
        role=Role.OFFICER,
        work_lines=[WorkLine.ENFORCEMENT],
    )
    assert scope_key(fresh(officer)) != scope_key(fresh(twin))
    # Lines whose models read more than the scope (督察 findings) append their own parts.
    assert "enforcement" in scope_key(fresh(twin)).split(":")


def test_the_dashboard_shows_only_the_figures_of_the_users_lines(demo, client_as):
    supervisor = client_as(demo.users["donghu_supervisor"]).get(reverse("indicators:dashboard"))
    leader = client_as(demo.users["donghu_leader"]).get(reverse("indicators:dashboard"))
    assert "免罚、轻罚案件" in supervisor.content.decode()
    assert "收到行政复议申请" not in supervisor.content.decode()
    assert "收到行政复议申请" in leader.content.decode()
    api = client_as(demo.users["donghu_supervisor"])
    unit = demo.units["donghu"].pk
    listed = api.get(f"/api/indicators/?unit={unit}&year=2025").json()
    assert listed and all(row["indicator"].startswith("enforcement.") for row in listed)
    refused = api.get(f"/api/indicators/?unit={unit}&year=2025&ids=reconsideration.received")
    assert refused.status_code == 403


def test_a_unit_administrator_assigns_lines_on_the_membership_page(demo, client_as):
    admin = client_as(demo.users["donghu_admin"])
    membership = demo.users["donghu_reviewer"].memberships.get()
    page = admin.get(reverse("core:membership_list")).content.decode()
    assert (
        "业务条线" in page and reverse("core:membership_work_lines", args=[membership.pk]) in page
    )
    url = reverse("core:membership_work_lines", args=[membership.pk])
    admin.get(url)
    token = FormToken.objects.latest("created_at").token
    response = admin.post(url, {"form_token": token, "work_lines": ["mediation", "legal_aid"]})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert not membership.all_work_lines
    assert membership.work_lines == ["legal_aid", "mediation"]
    assert membership.work_lines_display() == "人民调解、法律援助"
    event = DomainEvent.objects.filter(action="membership.work_lines").latest("pk")
    assert "人民调解、法律援助" in event.summary
    admin.get(url)
    token = FormToken.objects.latest("created_at").token
    assert admin.post(url, {"form_token": token}).status_code == 302  # nothing ticked: all
    membership.refresh_from_db()
    assert membership.all_work_lines and membership.work_lines == []
    officer = client_as(demo.users["donghu_officer"])
    assert officer.get(url).status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        services.set_work_lines(
            actor=demo.users["donghu_officer"], membership=membership, work_lines=None
        )


def test_personal_data_is_one_action_of_the_roles_that_handle_the_file(demo):
    granted = {
        role for role, actions in PERMISSIONS.items() if Action.VIEW_PERSONAL_DATA in actions
    }
    assert granted == {Role.OFFICER, Role.REVIEWER, Role.LEADER}
    officer = Officer.objects.filter(unit=demo.units["donghu_enf0"]).first()
    supervisor = fresh(demo.users["donghu_supervisor"])
    inspector = fresh(demo.users["donghu_inspector"])
    assert guards.shown_id_number(supervisor, officer, officer.id_number) == officer.id_number
    assert "*" in guards.shown_id_number(inspector, officer, officer.id_number)
    assert guards.can_view_personal_data(demo.admin, officer)


def test_a_navigation_entry_of_a_line_shows_only_to_its_members(demo):
    item = NavItem(
        "行政复议", "reconsideration:case_list", "行政复议与应诉", work_line="reconsideration"
    )
    assert item.visible_to(fresh(demo.users["donghu_officer"]))
    assert not item.visible_to(fresh(demo.users["donghu_supervisor"]))
    from fazhi.core.navigation import nav_for

    labels = {
        i.label for _, items in nav_for(fresh(demo.users["donghu_supervisor"])) for i in items
    }
    assert "三项制度" in labels and "行政复议案件" not in labels and "待办事项" in labels
