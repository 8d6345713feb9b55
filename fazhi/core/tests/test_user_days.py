"""The four user days of DESIGN.md in the real browser at 1,400, 1,024 and 390 px (issue 13,
done-when): each day's pages as its user reaches them, by clicks where the day clicks, each
saved as a screenshot (the directory is printed) and failing when the page is wider than the
window. The flows' own steps are driven in each line's browser test (the annual report from
draft to publication, an upload in the reader); this walk is about fit, at every width, in
one browser and one page per width.

1. 复议 officer, Monday morning: 待办, a case under review and its 补正 step, a case under
   hearing, registering a case.
2. The bureau's leader: the dashboard (this year against last year, and against the city's
   districts), a figure clicked through to its records.
3. The 依法治区办 and the city: the annual reports, a published report, the overview of
   which districts have reported.
4. A researcher or inspector: uploading reports, the reports read, the comparison.
"""

import pytest

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.reconsideration.models import Case, State
from fazhi.report_reader.models import ReadReport

from .test_responsive import OVERFLOW, STICKING_OUT

pytestmark = pytest.mark.browser

WIDTHS = (1400, 1024, 390)


class Walk:
    """One browser page at one width: logs in, visits, saves a screenshot of each page and
    notes every page wider than the window."""

    def __init__(self, page, base_url: str, folder, width: int):
        self.page, self.base_url, self.folder, self.width = page, base_url, folder, width
        self.too_wide, self.shots = {}, 0

    def log_in(self, username: str):
        self.page.context.clear_cookies()
        self.page.goto(f"{self.base_url}/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", DEMO_PASSWORD)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(f"{self.base_url}/")
        self.check("待办")

    def visit(self, path: str, name: str):
        response = self.page.goto(self.base_url + path)
        assert response.status == 200, (path, response.status)
        self.check(name)

    def click(self, selector: str, name: str):
        self.page.locator(selector).first.click()
        self.page.wait_for_load_state()
        self.check(name)

    def check(self, name: str):
        self.shots += 1
        path = self.folder / f"{self.width}-{self.shots:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        overflow = self.page.evaluate(OVERFLOW)
        if overflow > 0:
            where = self.page.url.removeprefix(self.base_url)
            self.too_wide[f"{name} {where}"] = (overflow, self.page.evaluate(STICKING_OUT))

    def text(self) -> str:
        return self.page.locator("main").inner_text()


def officer_monday(walk: Walk, world):
    walk.log_in("donghu_officer")
    assert "审查期限" in walk.text() or "待办" in walk.text()
    justice = world.units["donghu_justice"]
    under_review = Case.objects.filter(unit=justice, state=State.REGISTERED).first()
    walk.visit(under_review.get_absolute_url(), "case-under-review")
    walk.visit(
        f"/reconsideration/cases/{under_review.pk}/step/?action=request_supplement", "supplement"
    )
    assert "补正" in walk.text()
    hearing = Case.objects.filter(unit=justice, state=State.HEARING).first()
    walk.visit(hearing.get_absolute_url(), "case-hearing")
    walk.visit("/reconsideration/cases/", "case-list")
    walk.visit("/reconsideration/cases/new/", "register")


def leader_mid_year(walk: Walk, world):
    walk.log_in("donghu_leader")
    walk.visit("/indicators/", "dashboard")
    text = walk.text()
    assert "上年同期" in text and "与示范市各地区比较" in text
    walk.click("a.figure", "figure-records")
    assert "/indicators/records/" in walk.page.url


def office_in_february(walk: Walk, world):
    walk.log_in("donghu_officer")
    walk.visit("/annual-reports/", "annual-reports")
    walk.log_in("city_inspector")
    walk.visit("/annual-reports/overview/?year=2025", "overview")
    assert "南桥县" in walk.text()
    walk.visit("/annual-reports/", "annual-reports-city")
    walk.click("table a[href^='/annual-reports/']", "published-report")


def researcher(walk: Walk, world):
    walk.log_in("donghu_inspector")
    walk.visit("/reports/upload/", "upload")
    walk.visit("/reports/", "reports-read")
    report = ReadReport.objects.filter(unit=world.units["donghu_office"]).first()
    walk.visit(f"/reports/{report.pk}/", "report-read")
    walk.visit("/reports/compare/?indicator=reconsideration.correction_rate", "compare")


DAYS = (officer_monday, leader_mid_year, office_in_february, researcher)


def test_the_four_user_days_fit_every_width(live_demo, browser, tmp_path):
    world, base_url = live_demo
    print(f"\nscreenshots of the user days: {tmp_path}")
    too_wide = {}
    for width in WIDTHS:
        context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
        walk = Walk(context.new_page(), base_url, tmp_path, width)
        try:
            for day in DAYS:
                day(walk, world)
        finally:
            context.close()
        too_wide.update({f"{width}px {k}": v for k, v in walk.too_wide.items()})
    assert len(list(tmp_path.glob("*.png"))) >= 3 * 15
    assert too_wide == {}, f"wider than the window by (px): {too_wide}"
