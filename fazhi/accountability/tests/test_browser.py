"""In the real browser: the 依法治区办 makes a 督察 plan and records a finding on 东湖区司法局,
the bureau's leader reports its 整改方案 and asks for 销号 with evidence, the 依法治区办
verifies it and scores the rectification item of the assessment, and the bureau's annual
report for the year drafts its 第一责任人 part with the linked 督察 figures."""

import datetime
import re

import pytest
from django.utils import timezone

from fazhi.accountability.models import AssessmentScore, Finding, FindingState, InspectionPlan
from fazhi.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def _login(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")


def test_from_a_plan_through_rectification_to_the_score_and_the_annual_report(live_demo, page):
    world, base_url = live_demo
    today = timezone.localdate()
    _login(page, base_url, "donghu_office")
    page.locator("nav.sidebar").get_by_role("link", name="法治督察").click()
    page.get_by_role("link", name="制定督察方案").click()
    page.fill("#id_title", "东湖区行政复议规范化专项督察")
    page.select_option("#id_kind", "special")
    page.get_by_label("东湖区司法局", exact=True).check()
    page.fill("#id_groups", "专项督导组")
    page.fill("#id_start_date", (today - datetime.timedelta(days=2)).isoformat())
    page.fill("#id_end_date", today.isoformat())
    page.click("button.primary")
    page.wait_for_url(re.compile(rf"{base_url}/accountability/inspections/\d+/$"))
    plan_url = page.url
    page.get_by_role("link", name="登记督察问题").click()
    page.select_option("#id_inspected_unit", label="东湖区司法局")
    page.select_option("#id_category", "duty")
    page.fill("#id_description", "复议案件听证记录归档不全")
    page.click("button.primary")
    page.wait_for_url(re.compile(rf"{base_url}/accountability/findings/\d+/$"))
    assert "未反馈" in page.locator("main").inner_text()
    page.goto(plan_url)
    page.get_by_role("link", name="反馈督察意见").click()
    page.click("button.primary")
    page.wait_for_url(plan_url)
    finding = Finding.objects.get(description="复议案件听证记录归档不全")
    assert finding.state == FindingState.FED_BACK

    _login(page, base_url, "donghu_leader")
    page.goto(f"{base_url}/accountability/findings/")
    page.get_by_role("link", name=re.compile("复议案件听证记录归档不全")).click()
    page.get_by_role("link", name="报送整改方案").click()
    page.fill("#id_measure", "逐案补齐听证记录并建立归档清单")
    page.fill("#id_responsible_department", "行政复议与应诉科")
    page.fill("#id_responsible_person", "柏振宇")
    page.fill("#id_deadline", (today + datetime.timedelta(days=20)).isoformat())
    page.click("button.primary")
    page.wait_for_selector("text=已报送整改方案")
    page.get_by_role("link", name="申请销号").click()
    page.fill("#id_progress", "已补齐12件案件的听证记录")
    page.click("button.primary")
    assert "申请销号须提供整改佐证材料" in page.locator("main").inner_text()
    page.fill("#id_progress", "已补齐12件案件的听证记录")
    page.fill("#id_evidence", "《听证记录归档清单》")
    page.click("button.primary")
    page.wait_for_selector("text=已申请销号")
    assert page.get_by_role("link", name="核验销号").count() == 0  # 销号 is the office's

    _login(page, base_url, "donghu_office")
    page.goto(f"{base_url}{finding.get_absolute_url()}")
    page.get_by_role("link", name="核验销号").click()
    page.click("button.primary")
    page.wait_for_selector("text=已核验销号")
    assert "已销号" in page.locator("main").inner_text()

    page.locator("nav.sidebar").get_by_role("link", name="法治建设考核").click()
    page.get_by_role("link", name=re.compile("^东湖区.*法治建设考核$")).first.click()
    scheme_url = page.url
    page.get_by_role("link", name="评审评分").click()
    page.select_option("#id_item", label="2.1 督察问题按期销号")
    page.select_option("#id_assessed_unit", label="东湖区司法局")
    page.fill("#id_review_score", "25")
    page.click("button.primary")
    assert "不能高于该项分值（20.00分）" in page.locator("main").inner_text()
    page.fill("#id_review_score", "20")
    page.click("button.primary")
    page.wait_for_selector("text=已评审 2.1")
    page.goto(scheme_url)
    ranking = page.locator("tr.ranking-row").first.inner_text()
    assert "东湖区司法局" in ranking and "第1名" in ranking
    score = AssessmentScore.objects.get(
        item__code="2.1", assessed_unit=world.units["donghu_justice"], item__scheme__version=1
    )
    assert score.review_score == 20

    _login(page, base_url, "donghu_officer")
    page.goto(f"{base_url}/annual-reports/")
    page.fill("#create-report input[name=year]", str(today.year))
    page.click("#create-report button[type=submit]")
    page.wait_for_url(re.compile(rf"{base_url}/annual-reports/\d+/$"))
    main = page.locator("main").inner_text()
    area = world.units["donghu"].path
    plans = InspectionPlan.objects.filter(unit__path__startswith=area, start_date__year=today.year)
    closed = Finding.objects.filter(plan__in=plans, state=FindingState.CLOSED)
    assert f"开展法治督察{plans.count()}次" in main and f"已整改销号{closed.count()}个" in main
    link = page.locator("a.figure[title*='accountability.inspections']")
    assert "/indicators/records/?id=accountability.inspections" in link.get_attribute("href")
