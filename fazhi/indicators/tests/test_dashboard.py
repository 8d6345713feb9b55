"""The dashboard: computed figures with click-through to their records, last year, the
child units side by side, trends, Excel export, the API — and nothing out of scope."""

import io
import re

from django.utils import timezone
from openpyxl import load_workbook

from fazhi.reconsideration.models import Case

YEAR = timezone.localdate().year


def received_this_year(unit):
    return Case.objects.filter(unit__path__startswith=unit.path, received_date__year=YEAR)


def test_figures_come_from_the_records_and_open_them(demo, client_as):
    leader = client_as(demo.users["donghu_leader"])
    page = leader.get("/indicators/").content.decode()
    expected = received_this_year(demo.units["donghu"]).count()
    assert expected > 0
    link = re.search(
        r'<a class="figure" href="([^"]+id=reconsideration.received[^"]+)">([\d,]+)</a>', page
    )
    assert int(link.group(2).replace(",", "")) == expected
    records = leader.get(link.group(1).replace("&amp;", "&")).content.decode()
    assert len(re.findall(r'href="/reconsideration/cases/\d+/"', records)) == min(expected, 20)
    assert "期间尚未结束" in page  # the current year is still open
    assert "月度趋势" in page and "<svg" in page


def test_a_rate_links_to_its_parts(demo, client_as):
    page = (
        client_as(demo.users["donghu_leader"])
        .get(
            f"/indicators/records/?id=reconsideration.correction_rate&unit={demo.units['donghu'].pk}&year={YEAR}"
        )
        .content.decode()
    )
    assert "纠错 ÷ 审结" in page and "id=reconsideration.corrected" in page


def test_the_city_sees_its_districts_side_by_side(demo, client_as):
    page = client_as(demo.users["city_inspector"]).get("/indicators/").content.decode()
    section = page.split("下级单位对比")[1]
    for name in ("东湖区", "西山区", "南桥县"):
        assert name in section


def test_another_districts_unit_is_refused(demo, client_as):
    leader = client_as(demo.users["donghu_leader"])
    other = demo.units["xishan"].pk
    assert leader.get(f"/indicators/?unit={other}").status_code == 404
    assert (
        leader.get(f"/indicators/records/?id=reconsideration.received&unit={other}").status_code
        == 404
    )
    response = leader.get(f"/api/indicators/?unit={other}")
    assert response.status_code == 400 and response.json()["detail"] == "单位不存在或无权查看"


def test_bad_periods_and_ids_get_chinese_messages(demo, client_as):
    leader = client_as(demo.users["donghu_leader"])
    page = leader.get("/indicators/?from=2025-05-01&to=2025-01-01")
    assert page.status_code == 400 and "结束日期不能早于开始日期" in page.content.decode()
    unit = demo.units["donghu"].pk
    response = leader.get(f"/api/indicators/?unit={unit}&ids=reconsideration.nonsense")
    assert response.status_code == 400 and "未知指标" in response.json()["detail"]
    assert leader.get(f"/indicators/records/?id=nope&unit={unit}").status_code == 400


def test_the_api_gives_values_units_and_record_links(demo, client_as):
    unit = demo.units["donghu"]
    data = (
        client_as(demo.users["donghu_leader"])
        .get(
            f"/api/indicators/?unit={unit.pk}&year={YEAR}&ids=reconsideration.received,reconsideration.correction_rate"
        )
        .json()
    )
    received, rate = data
    assert received["value"] == received_this_year(unit).count() and received["unit"] == "件"
    assert "/indicators/records/?id=reconsideration.received" in received["records"]
    assert rate["unit"] == "%" and rate["records"] is None


def test_the_export_has_values_and_definitions(demo, client_as):
    export = client_as(demo.users["donghu_leader"]).get(f"/indicators/?year={YEAR}&export=xlsx")
    book = load_workbook(io.BytesIO(export.content))
    assert book.sheetnames == ["指标", "指标说明"]
    values = {row[6]: row[2] for row in book["指标"].iter_rows(min_row=3, values_only=True)}
    assert values["reconsideration.received"] == received_this_year(demo.units["donghu"]).count()
    definitions = {
        row[0]: row[3] for row in book["指标说明"].iter_rows(min_row=2, values_only=True)
    }
    assert definitions["reconsideration.correction_rate"] == "纠错 ÷ 审结 × 100"


def test_the_key_figures_are_those_the_lines_mark_in_their_order():
    from fazhi.indicators.dashboard import key_indicators
    from fazhi.indicators.registry import registered

    shown = [i.id for i in key_indicators()]
    assert shown == [
        "reconsideration.received",
        "reconsideration.accepted",
        "reconsideration.closed",
        "reconsideration.corrected",
        "reconsideration.correction_rate",
        "reconsideration.on_time_rate",
        "litigation.cases",
        "litigation.concluded",
        "litigation.lost",
        "litigation.loss_rate",
        "litigation.head_appearance_rate",
        "enforcement.penalty_cases",
        "enforcement.no_or_light_penalty_cases",
        "enforcement.certified_officers",
        "enforcement.legal_review_staff_ratio",
        "enforcement.case_files_reviewed",
        "enforcement.enterprise_inspections_reported",
        "enforcement.supervision_inspections",
        "normative_docs.issued",
        "normative_docs.legality_reviews",
        "normative_docs.filed",
        "normative_docs.corrected",
        "major_decisions.catalog_items",
        "major_decisions.legality_reviews",
        "mediation.disputes_mediated",
        "mediation.success_rate",
        "mediation.court_linked_success_rate",
        "mediation.screenings",
        "legal_aid.cases_accepted",
        "legal_aid.cases_closed",
        "legal_aid.closure_rate",
        "legal_aid.review_on_time_rate",
        "legal_aid.assignment_on_time_rate",
        "legal_aid.quality_good_rate",
        "legal_services.hotline_calls",
        "legal_services.hotline_connection_rate",
        "notary.cases",
        "corrections.investigations",
        "corrections.subjects",
        "corrections.received",
        "corrections.released",
        "corrections.resettlement_received",
        "publicity.activities",
        "publicity.legal_literate_people",
        "publicity.law_exam_participants",
        "publicity.law_exam_excellent_rate",
        "accountability.inspections",
        "accountability.rectification_rate",
        "accountability.law_reports",
    ]
    assert set(shown) == {i for i, indicator in registered().items() if indicator.key}


def test_a_district_sees_where_it_stands_among_the_citys_districts(demo, client_as):
    """Issue 13, item 7: the figure, its rank among the sibling areas and the city's value —
    without the siblings' names or records (the scoping walk checks the whole page)."""
    districts = [demo.units[key] for key in demo.districts]
    received = {d.pk: received_this_year(d).count() for d in districts}
    donghu = demo.units["donghu"]
    rank = 1 + sum(1 for value in received.values() if value > received[donghu.pk])
    city = received_this_year(demo.units["city"]).count()
    page = client_as(demo.users["donghu_leader"]).get("/indicators/").content.decode()
    section = page.split('id="standings"')[1].split("</section>")[0]
    assert "与示范市各地区比较" in section
    row = re.search(r"<tr><td>收到行政复议申请</td>(.*?)</tr>", section).group(1)
    cells = re.findall(r"<td>(.*?)</td>", row)
    assert cells == [
        f"{received[donghu.pk]} 件",
        f"第{rank}位（共{len(districts)}个地区）",
        f"{city} 件",
    ]
    assert not any(d.name in section for d in districts if d.pk != donghu.pk)


def _ranked(page: str) -> list[list[str]]:
    section = page.split('id="children-ranked"')[1].split("</section>")[0]
    rows = re.findall(r"<tr><td>(.*?)</tr>", section, re.S)
    return [re.findall(r"<td>(.*?)</td>", "<td>" + row) for row in rows]


def test_the_child_units_are_ranked_on_one_figure_for_each_scope(demo, client_as):
    """Issue 13, item 7: the breakdown by child unit holds the children's own figures for a
    district's leader and for the city (not 0 for every unit), ranked, with each one's
    share of the whole and the whole itself."""
    donghu, justice = demo.units["donghu"], demo.units["donghu_justice"]
    page = (
        client_as(demo.users["donghu_leader"])
        .get("/indicators/?by=reconsideration.received")
        .content.decode()
    )
    rows = _ranked(page)
    total = received_this_year(donghu).count()
    own = received_this_year(justice).count()
    assert own == total > 0
    first = rows[0]
    assert first[0] == "第1位" and justice.name in first[1] and first[2] == f"{own} 件"
    assert first[3] == "100.0%"
    assert rows[-1][1] == f"{donghu.name}（合计）" and rows[-1][2] == f"{total} 件"
    city_page = (
        client_as(demo.users["city_inspector"])
        .get("/indicators/?by=reconsideration.received")
        .content.decode()
    )
    city_rows = _ranked(city_page)
    counts = {d: received_this_year(demo.units[d]).count() for d in demo.districts}
    for key, count in counts.items():
        name = demo.units[key].name
        row = next(r for r in city_rows if f">{name}</a>" in r[1])
        rank = 1 + sum(1 for other in counts.values() if other > count)
        assert row[0] == f"第{rank}位" and row[2] == f"{count} 件", name
    assert sum(counts.values()) > 0
