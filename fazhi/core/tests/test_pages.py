"""Page tests in the real browser: the first day of a district's case officer."""

import pytest
from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def log_in(page, base_url, username):
    page.goto(f"{base_url}/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")


def test_an_officer_logs_in_to_the_due_list_and_never_sees_the_sibling(live_demo, page, tmp_path):
    world, base_url = live_demo
    log_in(page, base_url, "donghu_officer")
    assert page.locator("h1").first.inner_text().startswith("待办事项")
    assert "东湖区司法局 · 经办人" in page.locator("header").inner_text()
    nav = page.locator("nav.sidebar")
    assert nav.get_by_role("link", name="单位").is_visible()
    nav.get_by_role("link", name="单位").click()
    page.wait_for_url(f"{base_url}/units/")
    # The local stylesheet is served (the navy header) and htmx is loaded.
    header_color = page.evaluate(
        "getComputedStyle(document.querySelector('header')).backgroundColor"
    )
    assert header_color == "rgb(29, 59, 95)"
    assert page.evaluate("typeof window.htmx") == "object"
    # The CJK font is there: without it every character would be an empty box.
    assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK SC\"', '法治')")
    shot = tmp_path / "units.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    body = page.locator("body").inner_text()
    assert "东湖区司法局" in body
    for name in ("西山区", "南桥县"):
        assert name not in body
    page.goto(f"{base_url}/units/{world.units['xishan_justice'].pk}/")
    assert "页面不存在" in page.locator("h1").inner_text()


def test_htmx_search_narrows_the_unit_table(live_demo, page):
    world, base_url = live_demo
    log_in(page, base_url, "donghu_admin")
    page.goto(f"{base_url}/units/")
    page.fill("input[name=q]", "街道")
    # Polled by Playwright itself: a string predicate would be eval, which the CSP forbids.
    expect(page.locator("#table-area")).not_to_contain_text("司法局")
    rows = page.locator("#table-area tbody tr").all_inner_texts()
    assert rows and all("街道" in row for row in rows)
    assert "q=%E8%A1%97%E9%81%93" in page.url  # the search is in the address: shareable


def test_the_leader_switches_to_the_admin_membership(live_demo, page):
    world, base_url = live_demo
    log_in(page, base_url, "donghu_leader")
    page.select_option("#membership-select", label="东湖区司法局 · 单位管理员")
    page.wait_for_selector("text=已切换到")
    assert page.locator("nav.sidebar").get_by_role("link", name="用户与任职").is_visible()


def test_the_pages_run_under_the_content_security_policy(live_demo, page):
    """The confirmation before revoking comes from static/fazhi/fazhi.js, and walking the
    pages breaks no rule of the policy."""
    world, base_url = live_demo
    violations = []
    page.on("console", lambda message: violations.append(message.text))
    log_in(page, base_url, "donghu_admin")
    for path in ("/units/", "/calendar/", "/events/", "/users/"):
        page.goto(f"{base_url}{path}")
    row = page.locator("tr", has_text="donghu_officer")
    page.once("dialog", lambda dialog: dialog.dismiss())
    row.get_by_role("button", name="撤销").click()
    expect(row).to_contain_text("有效")
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="撤销").click()
    page.wait_for_selector("text=已撤销任职")
    assert not [text for text in violations if "Content Security Policy" in text]
