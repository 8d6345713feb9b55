"""On a phone (390 px), in the real browser: a village mediator takes in a dispute the police
transferred, records the session, the signed agreement with its photo, the parties' 司法确认
with the court's decision, and the 回访 that closes the case — every page fitting the window."""

import re

import pytest
from django.utils import timezone

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.mediation.models import Dispute

pytestmark = pytest.mark.browser

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_police_transfer_to_agreement_confirmation_and_follow_up_on_a_phone(
    live_demo, browser, tmp_path
):
    world, base_url = live_demo
    today = timezone.localdate().isoformat()
    photo = tmp_path / "协议书.png"
    photo.write_bytes(PNG)
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 800})
    page = context.new_page()
    too_wide = {}

    def fits():
        overflow = page.evaluate(OVERFLOW)
        if overflow > 0:
            too_wide[page.url] = overflow

    def step(name):
        with page.expect_navigation():
            page.get_by_role("link", name=name, exact=True).first.click()
        page.wait_for_selector("button.primary")
        fits()

    try:
        page.goto(f"{base_url}/")
        page.fill("#id_username", "donghu_mediator")
        page.fill("#id_password", DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base_url}/")

        page.goto(f"{base_url}/mediation/")
        fits()
        assert "西山区" not in page.locator("main").inner_text()
        page.get_by_role("link", name="受理纠纷").click()
        # Measure the form, not the list in the middle of leaving it.
        page.wait_for_selector("#id_committee")
        fits()
        page.select_option("#id_committee", label="湖滨街道东湖社区人民调解委员会")
        page.select_option("#id_source", "police")
        page.fill("#id_source_reference", "湖滨派出所移字〔2026〕118号")
        page.select_option("#id_kind", "neighbour")
        page.fill("#id_applicant", "冼某")
        page.fill("#id_respondent", "阙某")
        page.fill("#id_summary", "两户因楼道堆放杂物发生口角，派出所出警后移交调解。")
        page.select_option("#id_mediator", label="秦海燕")
        page.click("button.primary")
        page.wait_for_url(re.compile(rf"{base_url}/mediation/\d+/$"))
        assert "已受理，卷号（" in page.locator("main").inner_text()
        fits()

        step("登记调解记录")
        page.fill("#id_place", "湖滨社区调解室")
        page.fill("#id_present", "冼某、阙某、调解员秦海燕")
        page.fill("#id_record", "双方陈述经过，调解员释法说理，双方同意清理杂物并互相道歉。")
        page.click("button.primary")
        page.wait_for_selector("text=已登记调解记录")

        step("登记调解协议")
        page.select_option("#id_form", "written")
        page.fill("#id_content", "阙某于三日内清理楼道杂物，双方互不追究。")
        page.check("#id_parties_signed")
        page.check("#id_mediator_signed")
        page.click("button.primary")  # the seal is missing: refused, nothing written
        page.wait_for_selector("text=加盖人民调解委员会印章，不能生效")
        page.check("#id_sealed")
        page.set_input_files("#id_photo", str(photo))
        page.click("button.primary")
        # The last day, or its rule when it falls in a year whose holidays are not entered.
        page.wait_for_selector("text=如需司法确认，请于")

        step("登记申请司法确认")
        page.fill("#id_court", "东湖区人民法院")
        page.click("button.primary")
        page.wait_for_selector("text=已登记司法确认申请")

        step("登记法院受理与决定")
        page.fill("#id_accepted_date", today)
        page.fill("#id_court_number", "（2026）湖民特调确118号")
        page.select_option("#id_result", "confirmed")
        page.fill("#id_decided_date", today)
        page.click("button.primary")
        page.wait_for_selector("text=已登记法院受理与决定情况")

        step("登记回访")
        page.fill("#id_visitor", "秦海燕")
        page.select_option("#id_performance", "full")
        page.click("button.primary")
        page.wait_for_selector("text=已登记回访：已履行完毕")
        main = page.locator("main").inner_text()
        assert "已结案（履行完毕）" in main and "确认有效" in main and "协议书.png" in main
        fits()
        dispute = Dispute.objects.get(source_reference="湖滨派出所移字〔2026〕118号")
        assert dispute.status == "closed" and dispute.confirmation.result == "confirmed"

        page.goto(f"{base_url}/mediation/nil-reports/new/")
        fits()
        assert too_wide == {}, f"wider than the 390 px window by (px): {too_wide}"
    finally:
        context.close()
