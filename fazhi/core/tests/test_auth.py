"""Login, lockout after repeated failures, expired sessions, password change, switching
between memberships, double submission and the navigation each role sees."""

import re
from io import BytesIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.core.models import Unit


def login(client, username, password):
    return client.post(
        "/login/", {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7"
    )


def test_anonymous_pages_redirect_to_login_and_the_api_answers_401(db):
    client = Client()
    response = client.get("/units/")
    assert response.status_code == 302 and response["Location"].startswith("/login/?next=")
    assert client.get("/api/units/").status_code in (401, 403)


def test_login_lands_on_the_due_list(demo):
    client = Client()
    response = login(client, "donghu_officer", DEMO_PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    page = client.get("/").content.decode()
    assert "待办事项" in page and "东湖区司法局 · 经办人" in page


def test_wrong_password_gets_a_chinese_message(demo):
    page = login(Client(), "donghu_officer", "wrong-password").content.decode()
    assert "用户名或密码不正确" in page


def test_repeated_failures_lock_the_account(demo, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "donghu_officer", "wrong-password")
    locked = login(client, "donghu_officer", DEMO_PASSWORD)
    assert "已暂时锁定" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_expired_session_says_so(demo):
    client = Client()
    client.cookies["sessionid"] = "no-such-session"
    response = client.get("/units/")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "登录已超时，请重新登录" in page


def test_password_change(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    response = client.post(
        "/password/",
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": "Another#Pass2026",
            "new_password2": "Another#Pass2026",
        },
    )
    assert response.status_code == 302
    demo.users["donghu_officer"].refresh_from_db()
    assert demo.users["donghu_officer"].check_password("Another#Pass2026")


def test_switching_membership_changes_the_current_unit_and_role(demo, client_as):
    leader = demo.users["donghu_leader"]
    client = client_as(leader)
    page = client.get("/").content.decode()
    assert 'id="membership-select"' in page
    admin_membership = leader.memberships.get(role="unit_admin")
    assert client.get("/users/").status_code == 403  # still acting as 负责人
    client.post("/switch-unit/", {"membership": admin_membership.pk})
    assert client.get("/users/").status_code == 200
    someone_else = demo.users["xishan_officer"].memberships.get()
    assert client.post("/switch-unit/", {"membership": someone_else.pk}).status_code == 404


@pytest.mark.parametrize(
    ("username", "visible", "hidden"),
    [
        ("donghu_officer", ["待办事项", "单位", "工作日历"], ["用户与任职", "业务操作记录"]),
        ("donghu_admin", ["用户与任职", "业务操作记录"], []),
    ],
)
def test_navigation_follows_the_role(demo, client_as, username, visible, hidden):
    nav = client_as(demo.users[username]).get("/").content.decode().split("<main")[0]
    for label in visible:
        assert f">{label}</a>" in nav
    for label in hidden:
        assert f">{label}</a>" not in nav


def _token(page: str) -> str:
    return re.search(r'name="form_token" value="([0-9a-f]+)"', page).group(1)


def test_a_form_posted_twice_is_carried_out_once(demo, client_as):
    client = client_as(demo.users["donghu_admin"])
    district = demo.units["donghu"]
    url = f"/units/{district.pk}/new-child/"
    data = {
        "form_token": _token(client.get(url).content.decode()),
        "name": "东湖区新城街道",
        "kind": "township",
        "division_code": "",
    }
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert "请勿重复提交" in again.content.decode()
    assert Unit.objects.filter(name="东湖区新城街道").count() == 1


def test_a_malformed_division_code_is_refused_inline(demo, client_as):
    client = client_as(demo.users["donghu_admin"])
    url = f"/units/{demo.units['donghu'].pk}/new-child/"
    data = {
        "form_token": _token(client.get(url).content.decode()),
        "name": "东湖区某街道",
        "kind": "township",
        "division_code": "37A1",
    }
    page = client.post(url, data).content.decode()
    assert "行政区划代码应为6位数字" in page
    assert not Unit.objects.filter(name="东湖区某街道").exists()


def test_unit_admin_creates_a_user_and_exports_the_ledger(demo, client_as):
    client = client_as(demo.users["donghu_admin"])
    data = {
        "form_token": _token(client.get("/users/new/").content.decode()),
        "username": "donghu_new",
        "full_name": "钱多多",
        "password": "Demo#Pass2026",
        "unit": demo.units["donghu_justice"].pk,
        "role": "officer",
        "data_scope": "",
    }
    assert client.post("/users/new/", data).status_code == 302
    export = client.get("/users/?export=xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True)
    expected = ("donghu_new", "钱多多", "东湖区司法局", "经办人", "本单位", "有效")
    assert expected in [row[:6] for row in rows]


def test_unit_admin_cannot_place_users_outside_the_subtree(demo, client_as):
    client = client_as(demo.users["donghu_admin"])
    data = {
        "form_token": _token(client.get("/users/new/").content.decode()),
        "username": "intruder",
        "full_name": "越权",
        "password": "Demo#Pass2026",
        "unit": demo.units["xishan_justice"].pk,
        "role": "officer",
        "data_scope": "",
    }
    page = client.post("/users/new/", data).content.decode()
    assert "选择一个有效的选项" in page or "无权" in page
    assert (
        not Unit.objects.get(pk=demo.units["xishan_justice"].pk)
        .memberships.filter(user__username="intruder")
        .exists()
    )
