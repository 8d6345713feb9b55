"""The sidebar is computed once per role and line set (issue 17, the page frame's cost): what
each user sees must be exactly what the per-link checks give."""

import re

from django.contrib.auth import get_user_model
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from fazhi.core import navigation, services
from fazhi.core.models import Membership
from fazhi.core.querysets import active_membership

# the layout's loop before nav_html, kept here to compare against
PER_LINK = Template(
    "{% for group, items in nav_groups %}<div>{{ group }}{% for item in items %}"
    '<a href="{{ item.url }}" class="{% if path == item.url %}active{% endif %}">'
    "{{ item.label }}</a>{% endfor %}</div>{% endfor %}"
)
LINK = re.compile(r'<a href="([^"]*)" class="([^"]*)">([^<]*)</a>')


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def per_link(user) -> list:
    """Each registered entry checked on its own, as every page did before."""
    return [(item.group, item.label) for item in navigation._items if item.visible_to(user)]


def links(html: str) -> list:
    return LINK.findall(html)


def test_every_demo_user_sees_what_the_per_link_checks_show(demo):
    seen = set()
    for membership in Membership.objects.filter(is_active=True).select_related("user", "unit"):
        user = fresh(membership.user)
        user._active_membership = membership
        path = "/litigation/"
        cached = [
            (group, item.label) for group, items in navigation.nav_for(user) for item in items
        ]
        assert sorted(cached) == sorted(per_link(user)), membership
        old = PER_LINK.render(Context({"nav_groups": navigation._build_nav(user), "path": path}))
        assert links(navigation.nav_html(user, path)) == links(old), membership
        seen.add(navigation.visibility_key(user))
    assert len(seen) > 3  # several roles and line sets were compared, not one


def test_a_user_never_sees_a_line_taken_from_the_membership(demo, client_as):
    officer = demo.users["donghu_officer"]
    before = {label for _, _, label in links(client_as(officer).get("/").content.decode())}
    assert {"行政复议案件", "行政应诉"} <= before
    membership = active_membership(fresh(officer))
    services.set_work_lines(actor=demo.admin, membership=membership, work_lines=["litigation"])
    after = links(client_as(fresh(officer)).get("/").content.decode())
    labels = {label for _, _, label in after}
    assert "行政复议案件" not in labels and "行政应诉" in labels
    assert ("/", "active", "待办事项") in after  # the page's own entry is marked


def test_the_frame_costs_no_statement_per_link(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    client.get("/litigation/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/litigation/").content.decode()
    assert len(links(page)) > 10
    # session user, membership, password check, data versions, unread notices, the ledger's
    # own count and rows: nothing grows with the ~130 registered entries
    assert len(queries) <= 12, [q["sql"] for q in queries.captured_queries]
    with CaptureQueriesContext(connection) as queries:
        navigation.nav_html(demo.admin, "/")
    assert len(queries) == 0
