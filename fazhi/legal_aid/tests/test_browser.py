"""In the real browser: a court's notification is registered by the agency's 经办人 and
assigned to a lawyer; the lawyer, who sees only his own cases, reports the closure; the
审核人 grades the case and pays the subsidy by the standard."""

import datetime
import re

import pytest
from django.utils import timezone

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.legal_aid.models import AidCase, State

pytestmark = pytest.mark.browser


def _login(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")


def test_court_notification_to_assignment_closure_grade_and_subsidy(live_demo, page):
    world, base_url = live_demo
    today = timezone.localdate()
    _login(page, base_url, "donghu_aid_officer")
    page.locator("nav.sidebar").get_by_role("link", name="法律援助案件").click()
    page.wait_for_url(f"{base_url}/legal-aid/")
    assert "西山区" not in page.locator("main").inner_text()
    page.get_by_role("link", name="登记通知辩护（代理）").click()
    page.select_option("#id_unit", label="东湖区司法局")
    page.select_option("#id_notifying_organ", "court")
    page.fill("#id_case_organ", "东湖区人民法院")
    page.fill("#id_notice_date", (today - datetime.timedelta(days=1)).isoformat())
    page.fill("#id_received_date", today.isoformat())
    page.fill("#id_applicant_name", "浏览器被告人")
    page.fill("#id_applicant_id_number", "370402199002025017")
    page.fill("#id_summary", "一审阶段没有委托辩护人")
    page.fill("#id_criminal_charge", "诈骗罪")
    page.click("button.primary")
    page.wait_for_url(re.compile(rf"{base_url}/legal-aid/\d+/$"))
    assert "请于" in page.locator("main").inner_text()

    page.get_by_role("link", name="指派法律援助人员").click()
    page.select_option("#id_provider", label="程立诚（东湖明理律师事务所）")
    page.click("button.primary")
    page.wait_for_selector("text=已指派法律援助人员")
    case = AidCase.objects.get(applicant_name="浏览器被告人")
    assert case.state == State.ASSIGNED and case.assigned_user == world.users["donghu_aid_lawyer"]

    _login(page, base_url, "donghu_aid_lawyer")
    page.goto(f"{base_url}/legal-aid/")
    listed = page.locator("main").inner_text()
    assert case.number in listed and "曹秀英" not in listed  # another's application
    page.goto(f"{base_url}/legal-aid/{case.pk}/")
    page.get_by_role("link", name="结案").click()
    page.fill("#id_concluded_date", today.isoformat())
    page.fill("#id_result", "一审判决采纳辩护意见")
    page.click("button.primary")
    page.wait_for_selector("text=已结案")

    _login(page, base_url, "donghu_aid_reviewer")
    page.goto(f"{base_url}/legal-aid/{case.pk}/")
    page.get_by_role("link", name="质量评查").click()
    page.select_option("#id_method", "file")
    page.select_option("#id_grade", "excellent")
    page.click("button.primary")
    page.wait_for_selector("text=已登记质量评查")
    page.get_by_role("link", name="发放办案补贴").click()
    page.click("button.primary")
    page.wait_for_selector("text=已发放办案补贴")
    main = page.locator("main").inner_text()
    assert "优秀" in main and "发放办案补贴2000.00元" in main
    case.refresh_from_db()
    assert case.state == State.CLOSED and case.quality_grade == "excellent"
