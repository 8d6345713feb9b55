"""Pages, Excel ledgers, the API and the indicators of the rulemaking line on the demo."""

import datetime
import io

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.indicators.engine import Period, compute, records
from fazhi.rulemaking.models import Decision, Filing, NormativeDocument

TODAY = timezone.localdate()
ALL_TIME = Period(datetime.date(2015, 1, 1), TODAY)


def test_every_ledger_exports_excel(demo, client_as):
    client = client_as(demo.users["donghu_legal"])
    for name in (
        "document_list",
        "filing_list",
        "catalog_list",
        "decision_list",
        "adviser_list",
        "review_list",
        "cleanup_list",
        "meeting_list",
        "reply_list",
    ):
        response = client.get(reverse(f"rulemaking:{name}") + "?export=xlsx")
        assert response.status_code == 200, name
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        assert len(rows) > 1, name
        assert not any("山岭" in str(cell) for row in rows for cell in row if cell), name


def test_the_quarterly_filing_catalog(demo, client_as):
    filing = Filing.objects.get(document__title="湖滨农贸市场摊位管理规定")
    day = filing.registered_date
    quarter = f"{day.year}Q{(day.month - 1) // 3 + 1}"
    response = client_as(demo.users["donghu_legal"]).get(
        reverse("rulemaking:filing_list") + f"?quarter={quarter}"
    )
    text = response.content.decode()
    assert (
        f"{day.year}年第{quarter[-1]}季度备案登记目录" in text
        and "湖滨农贸市场摊位管理规定" in text
    )


def test_restricted_texts_on_the_page_and_in_the_api(demo, client_as):
    decision = Decision.objects.get(name="湖滨生活垃圾分类实施方案")
    url = reverse("rulemaking:decision_detail", kwargs={"pk": decision.pk})
    office = client_as(demo.users["donghu_govoffice"])
    leader = client_as(demo.users["donghu_leader"])
    assert "一名副区长建议推迟至明年实施" in office.get(url).content.decode()
    page = leader.get(url).content.decode()
    assert (
        "一名副区长建议推迟至明年实施" not in page and "仅决策机关、承办单位的承办人员可见" in page
    )
    api = leader.get(f"/api/rulemaking/decisions/{decision.pk}/").json()
    assert api["dissent"] is None and api["risk_report"] is None and api["name"] == decision.name
    assert (
        office.get(f"/api/rulemaking/decisions/{decision.pk}/").json()["dissent"]
        == "一名副区长建议推迟至明年实施"
    )


def test_the_api_lists_drafts_only_to_their_unit(demo, client_as):
    titles = {
        d["title"]
        for d in client_as(demo.users["donghu_drafter"])
        .get("/api/rulemaking/documents/")
        .json()["results"]
    }
    assert "湖滨公共停车场收费管理办法" in titles and "湖滨城市绿化养护管理办法" not in titles


def test_the_workflow_tables_print_the_articles(demo, client_as):
    text = client_as(demo.users["donghu_legal"]).get("/workflows/").content.decode()
    assert "重大行政决策" in text and "第二十九条、第三十条" in text and "第二十六条第二款" in text


def test_indicators_and_their_records(demo):
    legal, district = demo.users["donghu_legal"], demo.units["donghu"]
    ids = [
        "normative_docs.issued",
        "normative_docs.filed",
        "normative_docs.corrected",
        "major_decisions.catalog_items",
        "major_decisions.legality_reviews",
    ]
    values = compute(ids, user=legal, unit=district, period=ALL_TIME)
    issued = NormativeDocument.objects.filter(
        unit__path__startswith=district.path, stage="published"
    ).count()
    assert values["normative_docs.issued"] == issued == 5
    assert values["normative_docs.filed"] == 3 and values["normative_docs.corrected"] == 1
    assert values["major_decisions.catalog_items"] == 3
    assert values["major_decisions.legality_reviews"] == 1
    corrected = list(
        records("normative_docs.corrected", user=legal, unit=district, period=ALL_TIME)
    )
    assert [f.document.title for f in corrected] == ["湖滨农贸市场摊位管理规定"]


def test_the_figure_clicks_through_to_the_records(demo, client_as):
    client = client_as(demo.users["donghu_legal"])
    start = TODAY.replace(year=TODAY.year - 9, day=1)  # the records page reads at most ten years
    response = client.get(
        "/indicators/records/",
        {"id": "normative_docs.corrected", "from": start.isoformat(), "to": TODAY.isoformat()},
    )
    assert response.status_code == 200
    filing = Filing.objects.get(document__title="湖滨农贸市场摊位管理规定")
    assert str(filing) in response.content.decode()


def test_the_annual_reports_draft_reports_the_line(demo):
    from fazhi.annual_report.drafting import draft_measures, plain_text

    district = demo.units["donghu"]
    published = NormativeDocument.objects.filter(
        unit__path__startswith=district.path, published_date__year=TODAY.year
    ).count()
    text = "\n".join(plain_text(draft_measures(district, TODAY.year)))
    assert published and f"制定印发规范性文件{published}件" in text
