"""Published reports marked public are readable by every platform user; one region's reports
compared across years."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.models import DomainEvent
from fazhi.report_reader import services
from fazhi.report_reader.demo import report_text
from fazhi.report_reader.models import ReadReport
from fazhi.report_reader.reader import analyse

pytestmark = pytest.mark.django_db


def _token(client, url) -> str:
    """The page's form token; a page without the publish form gets a token that was never issued."""
    page = client.get(url)
    assert page.status_code == 200
    found = re.search(r'name="form_token" value="([0-9a-f]+)"', page.content.decode())
    return found.group(1) if found else "0" * 32


def _store(demo, district: str, text: str, name: str) -> ReadReport:
    return services.store_result(
        actor=demo.users[f"{district}_inspector"],
        unit=demo.units[f"{district}_office"],
        result=analyse(text, name),
    )


def _publish(client, report, is_public: bool):
    detail = reverse("report_reader:report_detail", kwargs={"pk": report.pk})
    return client.post(
        reverse("report_reader:report_publish", kwargs={"pk": report.pk}),
        {"form_token": _token(client, detail), "is_public": "on" if is_public else ""},
    )


def test_a_public_report_is_readable_beyond_its_tree(demo, client_as):
    report = _store(demo, "xishan", report_text("公开区"), "公开区报告.txt")
    detail = reverse("report_reader:report_detail", kwargs={"pk": report.pk})
    stranger = client_as(demo.users["donghu_officer"])
    assert stranger.get(detail).status_code == 404

    owner = client_as(demo.users["xishan_inspector"])
    assert _publish(owner, report, True).status_code == 302
    report.refresh_from_db()
    assert report.is_public
    assert DomainEvent.objects.filter(
        action="report_reader.publish", target_id=str(report.pk)
    ).exists()

    assert stranger.get(detail).status_code == 200
    assert stranger.get(reverse("api:report", kwargs={"pk": report.pk})).status_code == 200
    listed = stranger.get(reverse("report_reader:report_list") + "?q=公开区").content.decode()
    assert "公开区报告.txt" in listed
    compared = stranger.get(
        reverse("report_reader:report_compare") + "?indicator=reconsideration.correction_rate"
    ).content.decode()
    assert "公开区" in compared

    # Reading a public report does not make it the reader's to withdraw.
    detail_page = stranger.get(detail).content.decode()
    assert "取消公开" not in detail_page
    refused = stranger.post(
        reverse("report_reader:report_publish", kwargs={"pk": report.pk}),
        {"form_token": "0" * 32, "is_public": ""},
    )
    assert refused.status_code == 403
    report.refresh_from_db()
    assert report.is_public

    assert _publish(owner, report, False).status_code == 302
    report.refresh_from_db()
    assert not report.is_public
    assert stranger.get(detail).status_code == 404


def test_only_the_uploader_or_a_reviewer_of_the_tree_may_publish(demo, client_as):
    report = _store(demo, "donghu", report_text("审核区"), "审核区报告.txt")
    officer = client_as(demo.users["city_inspector"])  # 督察员 of the city: reads, may not publish
    assert (
        officer.get(reverse("report_reader:report_detail", kwargs={"pk": report.pk})).status_code
        == 200
    )
    assert _publish(officer, report, True).status_code == 403
    leader = client_as(demo.users["donghu_leader"])  # 负责人 of the district: may
    assert _publish(leader, report, True).status_code == 302
    report.refresh_from_db()
    assert report.is_public


def test_publishing_needs_post(demo, client_as):
    report = _store(demo, "donghu", report_text("审核区"), "审核区报告.txt")
    client = client_as(demo.users["donghu_inspector"])
    url = reverse("report_reader:report_publish", kwargs={"pk": report.pk})
    assert client.get(url).status_code == 405


def test_one_region_across_years(demo, client_as):
    for year, rate in ((2023, "9.5"), (2024, "11.0"), (2025, "12.5")):
        text = report_text("历年区", {"rate": rate}).replace("2025", str(year))
        _store(demo, "donghu", text, f"历年区{year}.txt")
    client = client_as(demo.users["donghu_inspector"])
    url = reverse("report_reader:report_compare") + "?region=历年区"
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "历年区历年报告数据" in html
    assert html.index("2023年") < html.index("2024年") < html.index("2025年")
    assert "9.5%" in html and "11%" in html and "12.5%" in html
    assert 'aria-label="纠错率历年趋势"' in html

    export = client.get(url + "&export=xlsx")
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("指标", "编号", "单位", "2023年", "2024年", "2025年")
    rate_row = next(r for r in rows if r[1] == "reconsideration.correction_rate")
    assert [float(v) for v in rate_row[3:6]] == [9.5, 11.0, 12.5]


def test_region_years_stay_within_scope(demo, client_as):
    _store(demo, "xishan", report_text("隐藏区"), "隐藏区.txt")
    client = client_as(demo.users["donghu_inspector"])
    html = client.get(reverse("report_reader:report_compare") + "?region=隐藏区").content.decode()
    assert "可见的报告中没有隐藏区的数据" in html
    assert "隐藏区.txt" not in html
