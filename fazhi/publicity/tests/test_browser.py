"""On a phone (390 px), in the real browser: the 普法 officer opens the four registers and
their forms, each fitting the window, and enters a 法治文化阵地 that the ledger then lists."""

import pytest

from fazhi.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
PAGES = ("media", "sites", "model-villages", "volunteers")


def test_the_registers_and_their_forms_fit_a_phone(live_demo, browser):
    world, base_url = live_demo
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 800})
    page = context.new_page()
    too_wide = {}
    try:
        page.goto(f"{base_url}/")
        page.fill("#id_username", "donghu_publicity")
        page.fill("#id_password", DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base_url}/")
        for name in PAGES:
            for url in (f"{base_url}/publicity/{name}/", f"{base_url}/publicity/{name}/new/"):
                page.goto(url)
                if (overflow := page.evaluate(OVERFLOW)) > 0:
                    too_wide[url] = overflow
        page.goto(f"{base_url}/publicity/sites/new/")
        page.select_option("#id_unit", str(world.units["donghu_justice"].pk))
        page.fill("#id_name", "东湖区法治文化书屋")
        page.select_option("#id_kind", "room")
        page.select_option("#id_level", "county")
        page.fill("#id_address", "东湖区湖滨街道文化站")
        page.fill("#id_named_date", "2026-02-13")
        with page.expect_navigation():
            page.click("button.primary")
        assert page.url == f"{base_url}/publicity/sites/"
        assert page.locator("#table-area").get_by_text("东湖区法治文化书屋").count() == 1
        assert "县级1处" in page.content()
        if (overflow := page.evaluate(OVERFLOW)) > 0:
            too_wide[page.url] = overflow
        assert too_wide == {}, f"wider than 390 px by (px): {too_wide}"
    finally:
        context.close()
