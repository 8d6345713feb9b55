"""In the real browser (issue 16 item 10): the 区政府办公室 takes a decision from its catalog
item through public comment; the 司法局 法制科 records the legality review; the office
records the collective decision (第二十九条 materials) and publishes it."""

import datetime
import re

import pytest
from django.utils import timezone

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.rulemaking.models import Decision, DecisionState

pytestmark = pytest.mark.browser


def _login(page, base_url, username):
    page.goto(f"{base_url}/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")


def _step(page, label):
    page.locator("main").get_by_role("link", name=label, exact=True).click()


def test_a_decision_from_catalog_item_to_publication(live_demo, browser):
    world, base_url = live_demo
    today = timezone.localdate()
    day = lambda n: (today - datetime.timedelta(days=n)).isoformat()  # noqa: E731
    office = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 800}).new_page()
    _login(office, base_url, "donghu_govoffice")
    office.goto(f"{base_url}/rulemaking/decisions/new/")
    office.select_option("#id_unit", label="东湖区人民政府")
    office.select_option("#id_catalog_item", label="湖滨片区综合交通规划")
    office.fill("#id_name", "湖滨片区综合交通规划（浏览器）")
    office.select_option("#id_category", "plan")
    office.select_option("#id_proposal_source", "leaders")
    office.select_option("#id_undertaking_unit", label="东湖区交通运输局")
    office.fill("#id_started_date", day(80))
    office.click("button.primary")
    office.wait_for_url(re.compile(rf"{base_url}/rulemaking/decisions/\d+/$"))
    url = office.url

    _step(office, "公开征求意见")
    office.fill("#id_comment_from", day(70))
    office.fill("#id_comment_to", day(50))  # 21 days: refused without a reason
    office.click("button.primary")
    assert "不足30日" in office.locator("main").inner_text()
    office.fill("#id_comment_to", day(40))
    office.click("button.primary")
    office.wait_for_url(url)
    _step(office, "意见研究采纳")
    office.fill("#id_comments_received", "20")
    office.fill("#id_comments_adopted", "8")
    office.fill("#id_comment_summary", "采纳增设公交线路的意见")
    office.click("button.primary")
    office.wait_for_url(url)
    _step(office, "送请合法性审查")
    office.fill("#id_legality_sent_date", day(30))
    office.select_option("#id_legality_body", label="东湖区司法局")
    office.fill("#id_legality_reply_by", day(10))
    office.click("button.primary")
    office.wait_for_url(url)

    legal = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 800}).new_page()
    _login(legal, base_url, "donghu_legal")
    legal.goto(url)
    _step(legal, "登记合法性审查意见")
    legal.select_option("#id_legality_opinion", "lawful")
    legal.fill("#id_legality_finished_date", day(12))
    legal.fill("#id_adviser_opinion", "未发现违法情形")
    legal.click("button.primary")
    legal.wait_for_url(url)
    assert "待集体讨论" in legal.locator("main").inner_text()

    # 第三十条: the government's standing meeting, registered in its ledger, decides.
    office.goto(f"{base_url}/rulemaking/meetings/new/")
    office.select_option("#id_unit", label="东湖区人民政府")
    office.fill("#id_title", "区政府第40次常务会议（浏览器）")
    office.fill("#id_date", day(5))
    office.fill("#id_attendees", "区长、副区长等8人")
    office.click("button.primary")
    office.wait_for_url(re.compile(rf"{base_url}/rulemaking/meetings/\d+/$"))
    office.goto(url)
    _step(office, "集体讨论决定")
    office.select_option("#id_meeting", label=f"区政府第40次常务会议（浏览器）（{day(5)}）")
    office.fill("#id_head_decision", "同意规划")
    office.check("#id_m_draft")
    office.check("#id_m_legality")
    office.click("button.primary")  # (二) missing
    assert "第二十九条" in office.locator("main").inner_text()
    office.check("#id_m_public_comment")
    office.click("button.primary")
    office.wait_for_url(url)
    _step(office, "公布决策")
    office.check("#id_party_reported")
    office.fill("#id_published_date", day(2))
    office.click("button.primary")
    office.wait_for_url(url)
    assert "已公布" in office.locator("main").inner_text()
    decision = Decision.objects.get(name="湖滨片区综合交通规划（浏览器）")
    assert (
        decision.state == DecisionState.PUBLISHED
        and decision.catalog_item.name == "湖滨片区综合交通规划"
    )
