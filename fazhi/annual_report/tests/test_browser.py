"""In the real browser: 东湖区司法局's 2025 report is drafted, a narrative part filled, moved
through review and signature to submission and publication, and downloaded as DOCX and PDF."""

import re
import subprocess

import pytest
from docx import Document

from fazhi.annual_report.models import AnnualReport, State
from fazhi.core.demo import DEMO_PASSWORD

from .conftest import PROSE, expected_2025

pytestmark = pytest.mark.browser


def _login(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")


def _step(page, url, action, expected_state):
    page.goto(url)
    page.click(f"form.step-{action} button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#report-state").inner_text() == expected_state


def test_a_report_from_draft_to_publication_and_its_files(live_demo, page, tmp_path):
    _, base_url = live_demo
    _login(page, base_url, "donghu_officer")
    page.locator("nav.sidebar").get_by_role("link", name="年度报告").click()
    page.wait_for_url(f"{base_url}/annual-reports/")
    page.click("#create-report button[type=submit]")
    page.wait_for_url(re.compile(rf"{base_url}/annual-reports/\d+/$"))
    url = page.url
    main = page.locator("main").inner_text()
    assert "《东湖区司法局2025年度法治政府建设情况的报告》" in main
    assert f"共收到行政复议申请{expected_2025('donghu')['received']}件" in main
    assert "⚠ 尚未填写" in main

    page.get_by_role("link", name="编辑正文").click()
    for key, text in PROSE.items():
        page.fill(f"#id_part_{key}", text)
    page.click("button.primary")
    page.wait_for_url(url)
    main = page.locator("main").inner_text()
    assert "⚠ 尚未填写" not in main and "无未处理问题" in main
    assert "二是行政复议应诉能力仍需加强" in main

    _step(page, url, "submit_for_review", "审核中")
    _login(page, base_url, "donghu_reviewer")
    _step(page, url, "approve_review", "待签发")
    _login(page, base_url, "donghu_leader")
    _step(page, url, "sign_report", "已签发")
    _login(page, base_url, "donghu_officer")
    _step(page, url, "submit_report", "已报送")
    page.goto(url)
    page.fill(
        "form.step-publish_report input[name=publication_url]", "https://www.example.gov.cn/dh.html"
    )
    page.click("form.step-publish_report button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#report-state").inner_text() == "已公开"
    report = AnnualReport.objects.get(unit__name="东湖区司法局", year=2025)
    assert report.state == State.PUBLISHED and report.publication_url.endswith("dh.html")

    with page.expect_download() as docx_download:
        page.click("#download-docx")
    docx_path = tmp_path / "report.docx"
    docx_download.value.save_as(docx_path)
    texts = [p.text for p in Document(str(docx_path)).paragraphs]
    assert texts[0] == report.title
    assert "三、2025年推进法治政府建设存在的不足和原因" in texts
    assert any("二是行政复议应诉能力仍需加强" in t for t in texts)

    with page.expect_download(timeout=180_000) as pdf_download:
        page.click("#download-pdf")
    pdf_path = tmp_path / "report.pdf"
    pdf_download.value.save_as(pdf_path)
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert report.title in flat
    assert f"共收到行政复议申请{expected_2025('donghu')['received']}件" in flat
