"""Stored reports: upload through the page, the detail with highlighted figures and flagged
parts, the comparison, the API, and the scoping of all of them."""

import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.report_reader.demo import report_text
from fazhi.report_reader.models import ReadReport, ReportFigure
from fazhi.report_reader.reader import read_document

pytestmark = pytest.mark.django_db

GOOD = "测试区2025年度法治政府建设情况的报告.txt"


def _token(client, url) -> str:
    page = client.get(url)
    assert page.status_code == 200
    return re.search(r'name="form_token" value="([0-9a-f]+)"', page.content.decode()).group(1)


@pytest.fixture
def uploaded(demo, client_as):
    client = client_as(demo.users["donghu_inspector"])
    url = reverse("report_reader:report_upload")
    before = ReadReport.objects.count(), ReportFigure.objects.count()
    text = report_text("测试区", {"rate": "12.5", "corrected": 2, "closed": 16}, omit=("problems",))
    response = client.post(
        url,
        {
            "form_token": _token(client, url),
            "uploads": [
                SimpleUploadedFile(GOOD, text.encode("utf-8"), "text/plain"),
                SimpleUploadedFile("空白.txt", b"", "text/plain"),
            ],
        },
    )
    return client, response, before


def test_upload_stores_the_good_file_and_names_the_bad_one(demo, uploaded):
    _, response, (reports, figures) = uploaded
    assert response.status_code == 200
    page = response.content.decode()
    assert "空白.txt：文件为空" in page
    assert ReadReport.objects.count() == reports + 1
    report = ReadReport.objects.get(file_name=GOOD)
    assert report.unit == demo.units["donghu_office"]
    assert report.uploaded_by == demo.users["donghu_inspector"]
    assert report.region == "测试区" and report.year == 2025
    assert not ReadReport.objects.filter(file_name="空白.txt").exists()
    assert ReportFigure.objects.count() > figures
    assert report.figures.get(indicator="reconsideration.correction_rate").value == 12.5


def test_detail_marks_figures_and_flags_the_missing_part(demo, uploaded):
    client = uploaded[0]
    report = ReadReport.objects.get(file_name=GOOD)
    page = client.get(reverse("report_reader:report_detail", kwargs={"pk": report.pk}))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<mark class="figure" title="reconsideration.correction_rate · 12.5 %">' in html
    assert "纠错率为12.5%</mark>" in html
    assert "part-missing" in html and "推进法治政府建设存在的不足和原因" in html
    assert "缺少法定内容" in html
    assert "完整性（缺少法定内容）" in html  # findings are named in Chinese


def test_report_text_is_escaped(demo):
    from fazhi.report_reader import services
    from fazhi.report_reader.reader import analyse
    from fazhi.report_reader.selectors import marked_text

    text = report_text("测试区").replace("现将有关情况", "<script>alert(1)</script>现将有关情况")
    report = services.store_result(
        actor=demo.users["donghu_inspector"],
        unit=demo.units["donghu_office"],
        result=analyse(text, "x.txt"),
    )
    html = str(marked_text(report))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<mark") == len(report.result["figures"]) + len(report.result["unmapped"])


def test_another_district_gets_404(demo, uploaded, client_as):
    report = ReadReport.objects.get(file_name=GOOD)
    other = client_as(demo.users["xishan_inspector"])
    assert (
        other.get(reverse("report_reader:report_detail", kwargs={"pk": report.pk})).status_code
        == 404
    )
    assert other.get(reverse("api:report", kwargs={"pk": report.pk})).status_code == 404
    compare = other.get(
        reverse("report_reader:report_compare") + "?indicator=reconsideration.correction_rate"
    )
    assert GOOD not in compare.content.decode()


def test_comparison_lists_the_stored_value(demo, uploaded):
    client = uploaded[0]
    page = client.get(
        reverse("report_reader:report_compare") + "?indicator=reconsideration.correction_rate"
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "测试区" in html and "12.5" in html and "纠错率为12.5%" in html
    assert "<svg" in html


def test_api_returns_the_json_form(demo, uploaded):
    client = uploaded[0]
    report = ReadReport.objects.get(file_name=GOOD)
    data = client.get(reverse("api:report", kwargs={"pk": report.pk})).json()
    assert data["id"] == report.pk
    assert data["file"] == GOOD and data["region"] == "测试区" and data["year"] == 2025
    assert data["sections"]["problems"]["status"] == "missing"
    rate = next(f for f in data["figures"] if f["indicator"] == "reconsideration.correction_rate")
    assert rate["value"] == 12.5 and rate["quote"] == "纠错率为12.5%"
    assert {"figures", "unmapped", "findings", "published"} <= set(data)


def test_list_and_search(demo, uploaded):
    client = uploaded[0]
    html = client.get(reverse("report_reader:report_list") + "?q=测试区").content.decode()
    assert GOOD in html
    assert "东湖区2025年度" not in html


@pytest.mark.browser
def test_upload_a_seed_in_the_browser(live_demo, page):
    seeds = settings.BASE_DIR.parent.parent / "shared" / "seeds"
    assert seeds.is_dir(), f"seed reports missing: {seeds}"
    seed = sorted(seeds.glob("*.txt"))[0]
    expected = read_document(seed)
    assert expected.findings, f"{seed.name} gives no findings to look for"
    _, base_url = live_demo
    page.goto(f"{base_url}/login/")
    page.fill("#id_username", "donghu_inspector")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")  # the login page has no header yet
    page.wait_for_url(f"{base_url}/")
    page.goto(f"{base_url}/reports/upload/")
    page.set_input_files("#id_uploads", str(seed))
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(rf"{base_url}/reports/\d+/$"))
    main = page.locator("main").inner_text()
    assert seed.name in main
    assert expected.findings[0].message in main
    assert page.locator("mark.figure:not(.unmapped)").count() == len(expected.figures)


def test_values_the_columns_cannot_hold_are_capped_and_reported(demo, client_as):
    """Issue 14, item 3: a figure of 22 digits and a 150-character region in an uploaded
    report were a 500 on PostgreSQL (and broke the comparison page on SQLite); now the
    report is stored, the figure left out and both named among the findings."""
    from fazhi.report_reader.models import ReadReport

    client = client_as(demo.users["donghu_inspector"])
    url = reverse("report_reader:report_upload")
    text = report_text("测试区", {"received": 1234567890123456789012, "rate": "12.5"})
    name = "超大数值的报告.txt"
    response = client.post(
        url,
        {
            "form_token": _token(client, url),
            "uploads": [SimpleUploadedFile(name, text.encode("utf-8"), "text/plain")],
        },
    )
    report = ReadReport.objects.get(file_name=name)
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert not report.figures.filter(indicator="reconsideration.received").exists()
    assert report.figures.get(indicator="reconsideration.correction_rate").value == 12.5
    assert all(f["value"] != 1234567890123456789012 for f in report.result["figures"])

    detail = client.get(reverse("report_reader:report_detail", kwargs={"pk": report.pk}))
    page = detail.content.decode()
    assert "存储（超出范围）" in page
    assert "1234567890123456789012件”的数值超出可存储的范围，未计入" in page
    compare = client.get(
        reverse("report_reader:report_compare") + "?indicator=reconsideration.received"
    )
    assert compare.status_code == 200


def test_a_region_and_a_year_beyond_their_columns_are_capped(demo):
    from fazhi.report_reader import services
    from fazhi.report_reader.reader import analyse

    result = analyse(report_text("测试区"), "x.txt")
    result.year, result.region = 99999999999, "长" * 149 + "区"
    report = services.store_result(
        actor=demo.users["donghu_inspector"], unit=demo.units["donghu_office"], result=result
    )
    assert report.year is None and report.result["year"] is None
    assert report.region == "长" * 100 and report.result["region"] == report.region
    messages = [f["message"] for f in report.result["findings"] if f["check"] == "storage"]
    assert messages == [
        "地区超过100个字符，只保存了前100个字",
        "年度“99999999999”超出可存储的范围，未保存",
    ]
