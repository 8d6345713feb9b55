"""Phones and narrow windows (issue 13 item 10): at 1,024 and 390 px every page of the
navigation, a case page and a form fit the window — tables scroll inside their box, the
navigation folds away behind a button, forms are one column. Screenshots of each page at
each width are saved under the test's tmp dir."""

import pytest

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.reconsideration.models import Case, State

pytestmark = pytest.mark.browser

WIDTHS = (1024, 390)
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
# For the failure message: the outermost elements that stick out of the window.
STICKING_OUT = """() => [...document.querySelectorAll("body *")].filter(el => {
  const right = el.getBoundingClientRect().right, parent = el.parentElement;
  return right > innerWidth + 1 && parent.getBoundingClientRect().right <= innerWidth + 1;
}).slice(0, 5).map(el => `${el.tagName}.${el.className}`)"""


def _log_in(page, base_url, username):
    page.goto(f"{base_url}/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_window(live_demo, browser, tmp_path, width):
    world, base_url = live_demo
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        _log_in(page, base_url, "donghu_officer")
        links = page.eval_on_selector_all("nav.sidebar a", "links => links.map(a => a.href)")
        case = Case.objects.filter(unit=world.units["donghu_justice"], state=State.HEARING).first()
        links += [
            f"{base_url}/reconsideration/cases/{case.pk}/",
            f"{base_url}/reconsideration/cases/new/",
        ]
        assert len(links) > 8
        too_wide = {}
        for number, url in enumerate(links):
            page.goto(url)
            page.screenshot(path=str(tmp_path / f"{width}-{number:02d}.png"), full_page=True)
            overflow = page.evaluate(OVERFLOW)
            if overflow > 0:
                too_wide[url.removeprefix(base_url)] = (overflow, page.evaluate(STICKING_OUT))
        assert too_wide == {}, f"wider than the {width} px window by (px): {too_wide}"
    finally:
        context.close()


def test_on_a_phone_the_navigation_folds_and_forms_are_one_column(live_demo, browser, tmp_path):
    world, base_url = live_demo
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        _log_in(page, base_url, "donghu_officer")
        nav = page.locator("nav.sidebar")
        assert not nav.is_visible()  # the content has the whole width
        content = page.locator("main.content").bounding_box()
        assert content["x"] == 0 and content["width"] == 390
        page.get_by_text("菜单").click()
        assert nav.is_visible()
        page.screenshot(path=str(tmp_path / "menu-open.png"), full_page=True)
        nav.get_by_role("link", name="单位").click()
        page.wait_for_url(f"{base_url}/units/")
        assert not page.locator("nav.sidebar").is_visible()

        page.goto(f"{base_url}/reconsideration/cases/new/")
        boxes = [
            page.locator(f"#id_{name}").bounding_box() for name in ("channel", "received_date")
        ]
        assert boxes[0]["x"] == boxes[1]["x"] and boxes[1]["y"] > boxes[0]["y"]
        page.screenshot(path=str(tmp_path / "form.png"), full_page=True)
    finally:
        context.close()

    context = browser.new_context(locale="zh-CN", viewport={"width": 1024, "height": 800})
    page = context.new_page()
    try:
        _log_in(page, base_url, "donghu_officer")
        assert page.locator("nav.sidebar").is_visible()
        assert not page.get_by_text("菜单").is_visible()
    finally:
        context.close()
