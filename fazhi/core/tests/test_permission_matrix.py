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
