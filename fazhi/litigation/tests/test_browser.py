"""In the real browser: a 经办人 of 东湖区司法局 registers a suit against the bureau and records
the hearing at which its 局长 appeared with his ID proof."""

import datetime
import re

import pytest
from django.utils import timezone

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.litigation.models import Lawsuit

pytestmark = pytest.mark.browser


def test_an_officer_records_a_suit_and_the_heads_appearance(live_demo, page):
    world, base_url = live_demo
    today = timezone.localdate()
    page.goto(f"{base_url}/")
    page.fill("#id_username", "donghu_officer")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")

    page.locator("nav.sidebar").get_by_role("link", name="行政应诉").click()
    page.wait_for_url(f"{base_url}/litigation/")
    assert "西山区" not in page.locator("body").inner_text()
    page.get_by_role("link", name="登记案件").click()
    page.select_option("#id_unit", label="东湖区司法局")
    page.fill("#id_case_number", "（2026）鲁9901行初88号")
    page.fill("#id_court", "东湖区人民法院")
    page.fill("#id_plaintiff", "柳某")
    page.fill("#id_contested_act", "政府信息公开答复")
    page.fill("#id_filed_date", (today - datetime.timedelta(days=6)).isoformat())
    page.fill("#id_served_date", (today - datetime.timedelta(days=4)).isoformat())
    page.click("button.primary")
    page.wait_for_url(re.compile(rf"{base_url}/litigation/\d+/$"))
    assert "已登记（2026）鲁9901行初88号，答辩期限为" in page.locator("main").inner_text()
    assert "尚未开庭" in page.locator("main").inner_text()

    page.get_by_role("link", name="登记庭审").click()
    page.fill("#id_date", today.isoformat())
    page.check("input[name=attendance][value=head]")
    page.fill("#id_head_name", "钱立新")
    page.fill("#id_head_post", "局长")
    page.select_option("#id_head_post_kind", "principal")
    page.check("#id_head_id_proof")
    page.click("button.primary")
    page.wait_for_selector("text=的庭审")
    main = page.locator("main").inner_text()
    assert "已履行（本审级）" in main and "钱立新（局长，正职负责人）" in main
    suit = Lawsuit.objects.get(case_number="（2026）鲁9901行初88号")
    assert suit.head_appeared and suit.handler == world.users["donghu_officer"]
