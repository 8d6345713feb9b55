"""The workflow kit: a table checks every step (action, state, role, scope), offers the
buttons a user may press now, and every registered table is printed on /workflows/."""

import html
import importlib

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.urls import reverse

from fazhi.core.models import Unit
from fazhi.core.roles import Action, Role
from fazhi.core.workflow import (
    StepRefused,
    Transition,
    Workflow,
    register_workflow,
    registered_workflows,
)

pytestmark = pytest.mark.django_db
K = Unit.Kind

# A table over the unit tree, so that the kit is tested without a work line.
FLOW = Workflow(
    key="core.test_unit",
    label="测试流程",
    model=Unit,
    state_field="kind",
    noun="单位",
    transitions=(
        Transition("rename", "更名", (K.JUSTICE_BUREAU,), article="第一条"),
        Transition(
            "approve",
            "批准",
            (K.JUSTICE_BUREAU,),
            K.OTHER_AGENCY,
            roles=(Role.LEADER,),
            permission=Action.REVIEW,
            article="第二条",
        ),
        Transition(
            "close",
            "撤销",
            (K.JUSTICE_BUREAU, K.OTHER_AGENCY),
            when=lambda unit: not unit.is_active,
            url_name="core:unit_edit",
        ),
    ),
    step_url_name="core:unit_detail",
)


def _actions(steps):
    return [t.action for t in steps]


def test_an_unknown_action_is_refused(demo):
    with pytest.raises(StepRefused, match="未知的办理步骤：fly"):
        FLOW.check(demo.units["donghu_justice"], "fly", actor=demo.users["donghu_officer"])


def test_a_step_from_the_wrong_state_names_the_states_that_allow_it(demo):
    with pytest.raises(StepRefused, match="单位当前为“区/县”，不能办理“更名”（仅限：司法局）"):
        FLOW.check(demo.units["donghu"], "rename", actor=demo.users["donghu_officer"])


def test_a_step_of_another_role_is_refused(demo):
    with pytest.raises(StepRefused, match="“批准”须由负责人办理"):
        FLOW.check(demo.units["donghu_justice"], "approve", actor=demo.users["donghu_reviewer"])


def test_a_record_out_of_scope_is_refused(demo):
    with pytest.raises(PermissionDenied, match="无权办理该单位"):
        FLOW.check(demo.units["donghu_justice"], "rename", actor=demo.users["xishan_officer"])


def test_step_moves_the_state_and_check_does_not(demo):
    unit = demo.units["donghu_justice"]
    assert FLOW.check(unit, "approve", actor=demo.users["donghu_leader"]).target == K.OTHER_AGENCY
    assert unit.kind == K.JUSTICE_BUREAU
    FLOW.step(unit, "approve", actor=demo.users["donghu_leader"])
    assert unit.kind == K.OTHER_AGENCY
    # A system administrator takes any step the state allows, whatever the table's roles.
    FLOW.check(demo.units["xishan_justice"], "approve", actor=demo.admin)


def test_when_hides_a_step_the_data_does_not_allow(demo):
    unit = demo.units["donghu_justice"]
    assert _actions(FLOW.offered(unit, Role.OFFICER)) == ["rename"]
    unit.is_active = False
    assert _actions(FLOW.offered(unit, Role.OFFICER)) == ["rename", "close"]
    assert _actions(FLOW.offered(unit, Role.LEADER)) == ["approve"]
    assert not FLOW.offered(unit, Role.INSPECTOR)


def test_available_offers_only_records_in_the_users_scope(demo):
    officer = demo.users["donghu_officer"]
    assert _actions(FLOW.available(demo.units["donghu_justice"], officer)) == ["rename"]
    assert FLOW.available(demo.units["xishan_justice"], officer) == []
    # The leader reviews the bureau's subtree but does not 办理: only his own step.
    assert _actions(FLOW.available(demo.units["donghu_justice"], demo.users["donghu_leader"])) == [
        "approve"
    ]
    assert _actions(FLOW.available(demo.units["xishan_justice"], demo.admin)) == [
        "rename",
        "approve",
    ]


def test_buttons_link_to_the_step_page_or_its_own(demo):
    unit = demo.units["donghu_justice"]
    unit.is_active = False
    buttons = FLOW.buttons(unit, demo.users["donghu_officer"])
    assert [b.url for b in buttons] == [
        f"/units/{unit.pk}/?action=rename",
        f"/units/{unit.pk}/edit/",
    ]
    assert all(b.form is None for b in buttons)


def test_the_printed_rows_name_the_roles_of_a_permission():
    rows = {row["transition"].action: row for row in FLOW.rows()}
    assert rows["rename"]["roles"] == "经办人、审核人"
    assert rows["rename"]["target"] == "不变"
    assert rows["approve"]["roles"] == "负责人"
    assert rows["close"]["sources"] == "司法局、其他机关"


def test_a_table_with_a_repeated_action_and_a_second_table_under_a_key_are_refused():
    with pytest.raises(ImproperlyConfigured):
        Workflow("x", "x", Unit, (Transition("a", "甲", ()), Transition("a", "乙", ())))
    taken = registered_workflows()[0]
    with pytest.raises(ImproperlyConfigured, match="已登记"):
        register_workflow(Workflow(taken.key, "另一个", Unit, ()))


def test_every_work_line_with_states_registers_its_workflow():
    keys = {workflow.key for workflow in registered_workflows()}
    assert {
        "reconsideration.case",
        "litigation.lawsuit",
        "annual_report.report",
        "enforcement.certificate",
        "enforcement.action",
        "enforcement.penalty_list",
        "enforcement.enterprise_inspection",
        "enforcement.review_campaign",
        "enforcement.rectification_notice",
    } <= keys


def test_the_workflows_page_prints_every_registered_table(demo, client_as):
    page = html.unescape(
        client_as(demo.users["donghu_inspector"]).get("/workflows/").content.decode()
    )
    for workflow in registered_workflows():
        assert f'id="{workflow.key}"' in page
        assert workflow.label in page
        for transition in workflow.transitions:
            assert transition.label in page, (workflow.key, transition.action)
            assert transition.article in page, (workflow.key, transition.action)
            assert transition.guard in page, (workflow.key, transition.action)


def test_every_button_of_every_table_is_a_service_of_its_line_with_a_page():
    for workflow in registered_workflows():
        services = importlib.import_module(f"{workflow.model._meta.app_config.name}.services")
        for transition in workflow.transitions:
            if not transition.button:
                continue
            assert callable(getattr(services, transition.action, None)), transition.action
            assert transition.url_name or workflow.step_url_name, transition.action
            reverse(transition.url_name or workflow.step_url_name, args=[1])
            assert set(transition.sources) <= set(
                dict(workflow.model._meta.get_field(workflow.state_field).flatchoices)
            ), transition.action


@pytest.mark.django_db(transaction=True)
def test_the_same_step_from_two_connections_at_once_is_taken_once(committed_demo, race):
    """Issue 14, item 1, for every line's table: `check` locks the record and reads it again,
    so of two users taking one step at once the second is refused with a clear message."""
    from django.db import transaction

    from fazhi.conftest import one_done_one_refused

    leader = committed_demo.users["donghu_leader"]
    justice = committed_demo.units["donghu_justice"]

    def approve(unit):
        with transaction.atomic():
            FLOW.step(unit, "approve", actor=leader)
            unit.save()
        return unit

    done, refused = one_done_one_refused(race(Unit, justice.pk, approve, approve), Unit)
    assert "单位刚刚已由他人办理（当前为“其他机关”），不能再办理“批准”" in refused.messages[0]
    assert Unit.objects.get(pk=justice.pk).kind == K.OTHER_AGENCY
