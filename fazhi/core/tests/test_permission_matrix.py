"""The permission matrix, generated (NetBox's idea): for every record route of the URL
resolver, every role, two work lines per role and a record of the district in scope, the
page answers 200/302 exactly where the role (roles.PERMISSIONS) and the membership's work
line allow the route's action on that record, and 403 or 404 otherwise. Pages without a
record never link a record of a line the membership does not act on.

The expectations are read from the matrix (roles.PERMISSIONS, the model's `work_line`),
never from `restrict`, so that a view that forgets the work line fails here. Each role acts
with 本单位及下级, so that every route finds a record of the district; the data scopes' own
rules are test_scoping's. The lines rotate over the roles so that every existing line is
allowed for some role and refused for another, with the case of the issue — the 执法监督
officer opening a 复议 case — among them.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from fazhi.core import services
from fazhi.core.roles import Action, DataScope, Role, WorkLine, role_allows

from .routes import all_routes
from .test_scoping import NOT_WALKED, records_in, response_text

W = WorkLine
# Two lines per role; together they allow and refuse every existing line.
LINES_BY_ROLE = {
    Role.OFFICER: (W.ENFORCEMENT, W.RECONSIDERATION),
    Role.REVIEWER: (W.LITIGATION, W.ANNUAL_REPORT),
    Role.LEADER: (W.RECONSIDERATION, W.ENFORCEMENT),
    Role.INSPECTOR: (W.ANNUAL_REPORT, W.LITIGATION),
    Role.UNIT_ADMIN: (W.ENFORCEMENT, W.ANNUAL_REPORT),
}
DEMO_USER = {
    Role.OFFICER: "donghu_officer",
    Role.REVIEWER: "donghu_reviewer",
    Role.LEADER: "donghu_leader",
    Role.INSPECTOR: "donghu_inspector",
    Role.UNIT_ADMIN: "donghu_admin",
}
# Routes that ask more than @record_view's action, and what (the test users uploaded nothing).
ROUTE_ACTIONS = {
    "report_reader:report_publish": Action.REVIEW,  # the uploader, or 审核 of the unit
    "report_reader:figure_review": Action.REVIEW,  # the same people as publishing
}
CASES = [(role, line) for role, lines in LINES_BY_ROLE.items() for line in lines]
ALLOWED = (200, 302)
REFUSED = (403, 404)
RECORD_URL = re.compile(r"/(?:[\w-]+/)+\d+/(?:[\w-]+/)*")


def member(demo, role: str, line: str):
    """A new user with one membership like the demo user's of `role`, on one work line."""
    base = get_user_model().objects.get(username=DEMO_USER[role]).memberships.get(role=role)
    user = get_user_model().objects.create(username=f"matrix_{role}_{line}")
    services.grant_membership(
        actor=demo.admin,
        user=user,
        unit=base.unit,
        role=role,
        data_scope=DataScope.SUBTREE,
        work_lines=[line],
    )
    return user


def in_scope(model, root):
    """Records whose unit lies in the subtree `root` (what 本单位及下级 covers)."""
    return records_in(model, root).order_by("pk")


def expected_allowed(role: str, line: str, model, action: str) -> bool:
    record_line = getattr(model, "work_line", None)
    return role_allows(role, action) and record_line in (None, line)


@pytest.mark.parametrize(("role", "line"), CASES)
def test_the_matrix_of_roles_work_lines_and_routes(demo, role, line):
    user = member(demo, role, line)
    root = user.memberships.get().unit.scope_root
    client = Client()
    client.force_login(user)
    routes = [r for r in all_routes() if r.name not in NOT_WALKED]
    checked, wrong = 0, []
    for route in routes:
        model = route.record_model
        if model is None or route.params != ("pk",):
            continue
        record = in_scope(model, root).first()
        if record is None:
            continue
        url = reverse(route.name, kwargs={"pk": record.pk})
        action = ROUTE_ACTIONS.get(route.name, route.record_action)
        allowed = expected_allowed(role, line, model, action)
        status = client.get(url).status_code
        if status == 405:  # a POST-only route: the refusal must come before the method
            status = client.post(url).status_code
            ok = status not in REFUSED if allowed else status in REFUSED
        else:
            ok = status in (ALLOWED if allowed else REFUSED)
        if not ok:
            wrong.append(f"{route.name} {url} ({model.__name__}): {status}")
        checked += 1
    assert checked > 40, "the demo must give most record routes a record in the district"
    assert not wrong, f"{role} on {line}: answers that differ from the matrix:\n" + "\n".join(wrong)


@pytest.mark.parametrize(("role", "line"), CASES)
def test_no_page_links_a_record_of_another_line(demo, role, line):
    user = member(demo, role, line)
    root = user.memberships.get().unit.scope_root
    routes = all_routes()
    foreign = set()
    for route in routes:
        model = route.record_model
        if route.params == ("pk",) and getattr(model, "work_line", None) not in (None, line):
            foreign |= {
                reverse(route.name, kwargs={"pk": pk})
                for pk in in_scope(model, root).values_list("pk", flat=True)
            }
    assert foreign, "the demo must give the district records of other lines"
    client = Client()
    client.force_login(user)
    for route in routes:
        if route.params or route.name in NOT_WALKED:
            continue
        response = client.get(reverse(route.name))
        assert response.status_code in (200, 302, 400, 403, 405), route.name
        shown = set(RECORD_URL.findall(response_text(response))) & foreign
        assert not shown, f"{route.name} as {role} on {line} links {sorted(shown)[:5]}"


def test_the_issue_case_a_supervision_officer_cannot_open_a_reconsideration_case(demo, client_as):
    from fazhi.reconsideration.models import Case

    supervisor = demo.users["donghu_supervisor"]
    case = Case.objects.filter(unit=demo.units["donghu_justice"]).first()
    client = client_as(supervisor)
    assert client.get(reverse("reconsideration:case_detail", args=[case.pk])).status_code == 404
    assert client.get(reverse("reconsideration:case_register")).status_code == 403
    officer = client_as(demo.users["donghu_officer"])
    assert officer.get(reverse("reconsideration:case_detail", args=[case.pk])).status_code == 200


def own_records_officer(demo):
    """A second 经办人 of 东湖区司法局 with 仅本人, on 复议 and 应诉."""
    base = get_user_model().objects.get(username="donghu_officer").memberships.get()
    user = get_user_model().objects.create(username="matrix_own_records")
    services.grant_membership(
        actor=demo.admin,
        user=user,
        unit=base.unit,
        role=Role.OFFICER,
        data_scope=DataScope.OWN_RECORDS,
        work_lines=[W.RECONSIDERATION, W.LITIGATION],
    )
    return user


def test_an_own_records_officer_registers_in_the_own_unit_and_sees_only_their_own(demo):
    from fazhi.core.models import Unit
    from fazhi.reconsideration.models import Case

    from ...reconsideration.tests.test_pages import register_through_the_form

    user = own_records_officer(demo)
    own_unit = demo.units["donghu_justice"]
    assert list(Unit.objects.restrict(user, Action.CREATE)) == [own_unit]
    colleagues = Case.objects.filter(unit=own_unit)
    assert colleagues.exists() and not Case.objects.restrict(user).exists()

    client = Client()
    client.force_login(user)
    assert client.get(reverse("reconsideration:case_register")).status_code == 200
    response = register_through_the_form(client, demo, applicant_name="仅本人申请人")
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get(parties__name="仅本人申请人")
    assert case.unit == own_unit and case.created_by == user and case.handler == user
    assert list(Case.objects.restrict(user)) == [case]
    assert client.get(case.get_absolute_url()).status_code == 200
    listed = client.get(reverse("reconsideration:case_list")).content.decode()
    assert case.number in listed
    colleague = colleagues.exclude(pk=case.pk).first()
    assert colleague.number not in listed
    assert client.get(colleague.get_absolute_url()).status_code == 404


def test_an_own_records_officer_cannot_register_in_another_unit(demo):
    from django.core.exceptions import PermissionDenied

    from fazhi.core.guards import require_unit

    user = own_records_officer(demo)
    require_unit(user, demo.units["donghu_justice"], Action.CREATE, W.LITIGATION)
    for other in ("donghu_enf0", "donghu", "xishan_justice"):
        with pytest.raises(PermissionDenied):
            require_unit(user, demo.units[other], Action.CREATE, W.LITIGATION)


def test_an_own_records_officer_answers_404_for_every_record_of_a_colleague(demo):
    user = own_records_officer(demo)
    own_unit = demo.units["donghu_justice"]
    client = Client()
    client.force_login(user)
    checked, wrong = 0, []
    for route in all_routes():
        model = route.record_model
        if model is None or route.params != ("pk",) or route.name in NOT_WALKED:
            continue
        if getattr(model, "work_line", None) not in (W.RECONSIDERATION, W.LITIGATION):
            continue
        theirs = records_in(model, own_unit).exclude(pk__in=model.objects.restrict(user)).first()
        if theirs is None:
            continue
        url = reverse(route.name, kwargs={"pk": theirs.pk})
        status = client.get(url).status_code
        if status == 405:
            status = client.post(url).status_code
        if status != 404:
            wrong.append(f"{route.name} {url}: {status}")
        checked += 1
    assert checked > 10 and not wrong, wrong
