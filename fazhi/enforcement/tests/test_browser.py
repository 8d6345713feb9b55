"""In the real browser: the 执法监督 officer of 东湖区司法局 runs a case-file review campaign —
starts it, draws files at random, scores one, sends the agency a rectification notice, records
the agency's answer and closes it."""

import datetime
import re

import pytest
from django.utils import timezone

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.enforcement.models import CaseFile, NoticeStatus, RectificationNotice
from fazhi.enforcement.services import approve_notice_document

pytestmark = pytest.mark.browser


def test_a_supervisor_runs_a_review_campaign_to_an_agencys_rectification(live_demo, page):
    demo, base_url = live_demo
    today = timezone.localdate()
    page.goto(f"{base_url}/")
    page.fill("#id_username", "donghu_supervisor")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")

    page.locator("nav.sidebar").get_by_role("link", name="案卷评查").click()
    page.wait_for_url(f"{base_url}/enforcement/campaigns/")
    assert "西山区" not in page.locator("main").inner_text()
    page.get_by_role("link", name="新增").click()
    page.select_option("#id_unit", label="东湖区司法局")
    page.fill("#id_title", "东湖区交通执法专项案卷评查")
    page.fill("#id_year", str(today.year))
    page.fill("#id_started_date", today.isoformat())
    page.click("button.primary")
    page.wait_for_url(re.compile(rf"{base_url}/enforcement/campaigns/\d+/$"))
    assert "已启动案卷评查" in page.locator("main").inner_text()

    page.get_by_role("link", name="抽取案卷").click()
    page.check("input[name=mode][value=random]")
    page.select_option("#id_agencies", label=["东湖区交通运输局"])
    page.fill("#id_count", "2")
    page.click("button.primary")
    page.wait_for_selector("text=已随机抽取案卷2本")
    assert "对1家执法单位的2本案卷进行评查" in page.locator("main").inner_text()

    page.locator("table").nth(1).get_by_role("link").first.click()
    page.fill("#id_scored_date", today.isoformat())
    for label, points in [
        ("主体合法", 15),
        ("事实清楚", 20),
        ("证据充分", 20),
        ("适用法律正确", 15),
        ("文书规范", 10),
    ]:
        page.get_by_label(f"{label}（").fill(str(points))
    page.get_by_label("程序合法（").fill("25")  # above the item's 20 points
    page.click("button.primary")
    assert "超出该项分值" in page.locator("main").inner_text()
    page.get_by_label("程序合法（").fill("12")
    page.fill("#id_problems", "未告知当事人陈述申辩权利")
    page.click("button.primary")
    page.wait_for_selector("text=已评查：92分（优秀）")

    page.get_by_role("link", name="下发整改通知").nth(1).click()  # the agency's row
    assert "未告知当事人陈述申辩权利" in page.input_value("#id_problems")
    page.fill("#id_issued_date", today.isoformat())
    page.fill("#id_due_date", (today + datetime.timedelta(days=15)).isoformat())
    page.click("button.primary")
    page.wait_for_url(re.compile(rf"{base_url}/enforcement/notices/\d+/$"))
    assert "东湖区交通运输局" in page.locator("h1").inner_text()
    notice_url = page.url
    # 呈批: the draft 通知书 waits for the bureau's 负责人, then is numbered and issued.
    page.get_by_role("link", name=re.compile("行政执法监督整改通知书")).click()
    assert "待负责人审批" in page.locator("main").inner_text()
    document = RectificationNotice.objects.get(
        campaign__title="东湖区交通执法专项案卷评查"
    ).documents.get()
    approve_notice_document(actor=demo.users["donghu_leader"], document=document)
    page.reload()
    page.get_by_role("button", name="编号并签发").click()
    page.wait_for_selector("text=已签发并编号")
    page.fill("#id_recipient", "东湖区交通运输局")
    page.get_by_role("button", name="登记送达").click()
    page.wait_for_selector("text=已登记送达")
    assert "送达回证" in page.locator("main").inner_text()
    page.goto(notice_url)

    page.get_by_role("link", name="登记整改情况").click()
    page.fill("#id_responded_date", today.isoformat())
    page.fill("#id_response", "已组织培训，补充告知程序")
    page.click("button.primary")
    page.wait_for_selector("text=已登记整改情况")
    page.get_by_role("link", name="整改销号").click()
    page.fill("#id_closed_date", today.isoformat())
    page.click("button.primary")
    page.wait_for_selector("text=已销号")

    scored = CaseFile.objects.get(campaign__title="东湖区交通执法专项案卷评查", total__isnull=False)
    assert scored.total == 92 and scored.agency.name == "东湖区交通运输局"
    notice = RectificationNotice.objects.get(campaign=scored.campaign)
    assert notice.status == NoticeStatus.CLOSED and notice.closed_date == today
    assert notice.number and notice.documents.filter(status="issued").count() == 2  # 回证
