"""In the real browser: a court's 调查评估 request to 东湖区司法局, the opinion, the subject's
reception, a warning, an electronic-location order and the release — the name masked on
every page on the way."""

import datetime
import re

import pytest
from django.utils import timezone

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.corrections.models import Investigation, Subject

pytestmark = pytest.mark.browser
D = datetime.timedelta


def test_from_the_courts_request_to_the_release(live_demo, page):
    world, base_url = live_demo
    today = timezone.localdate()
    page.goto(f"{base_url}/")
    page.fill("#id_username", "donghu_corrections")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")

    page.goto(f"{base_url}/corrections/investigations/new/")
    page.select_option("#id_organ_kind", "court")
    page.fill("#id_organ", "东湖区人民法院")
    page.fill("#id_reference", "（2026）调评999号")
    page.fill("#id_person_name", "柳志明")
    page.select_option("#id_proposed_category", "probation")
    page.fill("#id_received_date", (today - D(days=2)).isoformat())
    page.click("button.primary")
    page.wait_for_url(re.compile(rf"{base_url}/corrections/investigations/\d+/$"))
    main = page.locator("main").inner_text()
    assert "柳*明" in main and "柳志明" not in main
    page.get_by_role("link", name="出具评估意见").click()
    page.fill("#id_visits", "走访社区居委会和家属")
    page.select_option("#id_opinion", "suitable")
    page.click("button.primary")
    page.wait_for_selector("text=已出具调查评估意见")
    assert Investigation.objects.get(reference="（2026）调评999号").opinion == "suitable"

    page.goto(f"{base_url}/corrections/subjects/new/")
    page.select_option("#id_station", label="东湖区湖滨街道")
    page.fill("#id_number", "JZ-BROWSER-1")
    page.fill("#id_name", "柳志明")
    page.fill("#id_community", "湖滨社区")
    page.fill("#id_phone", "13912345678")
    page.select_option("#id_category", "probation")
    page.fill("#id_decision_organ", "东湖区人民法院")
    page.fill("#id_effective_date", (today - D(days=100)).isoformat())
    page.fill("#id_notice_date", (today - D(days=98)).isoformat())
    page.fill("#id_reported_date", (today - D(days=95)).isoformat())
    page.fill("#id_term_start", (today - D(days=100)).isoformat())
    page.fill("#id_term_end", (today - D(days=1)).isoformat())
    page.click("button.primary")
    page.wait_for_url(re.compile(rf"{base_url}/corrections/subjects/\d+/$"))
    main = page.locator("main").inner_text()
    assert "已接收JZ-BROWSER-1" in main and "1项衔接问题" in main
    assert "柳*明" in main and "139****5678" in main and "柳志明" not in main

    page.get_by_role("link", name="登记奖惩").click()
    page.select_option("#id_kind", "warning")
    page.fill("#id_date", (today - D(days=70)).isoformat())
    page.fill("#id_ground", "未经批准离开所居住的县")
    page.click("button.primary")
    page.wait_for_selector("text=已登记警告")

    page.get_by_role("link", name="批准电子定位").click()
    page.select_option("#id_ground", "left_area")
    page.fill("#id_approver", "局长")
    page.fill("#id_approved_date", (today - D(days=69)).isoformat())
    page.fill("#id_start", (today - D(days=69)).isoformat())
    page.fill("#id_end", (today + D(days=60)).isoformat())  # past three months: refused
    page.click("button.primary")
    page.wait_for_selector("text=不得超过三个月")
    page.fill("#id_end", (today - D(days=40)).isoformat())
    page.click("button.primary")
    page.wait_for_selector("text=已登记电子定位决定")

    page.get_by_role("link", name="解除矫正").click()
    page.fill("#id_released_date", (today - D(days=1)).isoformat())
    page.fill("#id_certificate_number", "东湖解矫字2026第99号")
    page.click("button.primary")
    page.wait_for_selector("text=已解除矫正")
    subject = Subject.objects.get(number="JZ-BROWSER-1")
    assert subject.status == "released" and subject.sanctions.count() == 1
    assert subject.location_orders.count() == 1

    page.goto(f"{base_url}/corrections/subjects/")
    table = page.locator("main").inner_text()
    assert "JZ-BROWSER-1" in table and "柳" not in table
