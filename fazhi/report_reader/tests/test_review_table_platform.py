"""Issue 18, items 5 and 6: how sure the reader is of each figure, a person's confirmation or
correction (kept, audited, used by comparisons), the reports × indicators table with rates
computed from their parts, and a report's figure against the platform's own records."""

import io
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.models import DomainEvent
from fazhi.indicators import engine
from fazhi.report_reader import selectors, services
from fazhi.report_reader.demo import report_text
from fazhi.report_reader.figures import EXACT, INFERRED, NEAREST
from fazhi.report_reader.models import ReadReport, ReportFigure
from fazhi.report_reader.reader import analyse

pytestmark = pytest.mark.django_db


def _figure(result, indicator):
    return next(f for f in result.figures if f.indicator == indicator)


def test_confidence_tells_exact_from_nearest_and_inferred_words():
    result = analyse(
        "2025年，本区持续推进依法行政。全年收到行政复议申请30件，其中受理20件。"
        "组织对全区执法单位的115本行政处罚案卷进行评查。\n",
        "把握.txt",
    )
    assert _figure(result, "reconsideration.received").confidence == EXACT
    # "受理20件" names no work line itself: 行政复议 comes from the clause before it
    assert _figure(result, "reconsideration.accepted").confidence == INFERRED
    # the noun comes after the number
    assert _figure(result, "enforcement.case_files_reviewed").confidence == NEAREST


def _stored(demo, region="东湖区", figures=None, key="donghu"):
    office = demo.units[f"{key}_office"]
    text = report_text(region, figures)
    return services.store_result(
        actor=demo.users[f"{key}_inspector"],
        unit=office,
        result=analyse(text, f"{region}测试报告.txt"),
    )


def test_a_correction_keeps_the_reading_and_counts_in_comparisons(demo):
    report = _stored(demo, "测试甲区", {"closed": 16})
    inspector = demo.users["donghu_inspector"]
    figure = report.figures.get(indicator="reconsideration.closed")
    services.review_figure(
        actor=inspector,
        figure=figure,
        decision="corrected",
        indicator="reconsideration.closed",
        value=Decimal("17"),
        note="原文有误，据附表更正",
    )
    figure.refresh_from_db()
    assert (figure.value, figure.read_indicator, figure.read_value) == (
        17,
        "reconsideration.closed",
        16,
    )
    assert figure.review == "corrected" and figure.reviewed_by == inspector
    compared = selectors.comparison(inspector, "reconsideration.closed").filter(report=report)
    assert [f.value for f in compared] == [17]
    event = DomainEvent.objects.filter(action="report_reader.figure_corrected").latest("pk")
    assert "测试甲区测试报告" in event.summary


def test_an_excluded_figure_needs_a_reason_and_leaves_every_comparison(demo):
    report = _stored(demo, "测试乙区")
    inspector = demo.users["donghu_inspector"]
    figure = report.figures.get(indicator="enforcement.penalty_cases")
    with pytest.raises(ValidationError, match="写明理由"):
        services.review_figure(actor=inspector, figure=figure, decision="rejected")
    figure.refresh_from_db()
    assert figure.review == ""  # nothing half-written
    services.review_figure(actor=inspector, figure=figure, decision="rejected", note="此为计划数")
    assert not selectors.comparison(inspector, "enforcement.penalty_cases").filter(report=report)
    assert report.pk not in [
        r["report"].pk
        for r in selectors.report_table(inspector, [report], ["enforcement.penalty_cases"])
        if r["cells"][0] is not None
    ]


def test_a_rate_above_100_or_an_unknown_indicator_is_refused(demo):
    report = _stored(demo, "测试丙区")
    figure = report.figures.get(indicator="reconsideration.correction_rate")
    actor = demo.users["donghu_inspector"]
    with pytest.raises(ValidationError, match="0到100"):
        services.review_figure(
            actor=actor, figure=figure, decision="corrected",
            indicator="reconsideration.correction_rate", value=Decimal("120"),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="指标目录"):
        services.review_figure(
            actor=actor, figure=figure, decision="corrected", indicator="nonsense.x", value=1
        )
    figure.refresh_from_db()
    assert figure.value == Decimal("16.7") and figure.review == ""


def test_only_the_uploader_or_reviewers_of_the_unit_may_review(demo, client_as):
    report = _stored(demo, "测试丁区")
    report.is_public = True
    report.save()
    figure = report.figures.first()
    with pytest.raises(PermissionDenied):
        selectors.figure_to_review(demo.users["xishan_inspector"], figure.pk)
    client = client_as(demo.users["xishan_inspector"])
    response = client.post(
        reverse("report_reader:figure_review", args=[figure.pk]), {"decision": "confirmed"}
    )
    assert response.status_code == 403
    figure.refresh_from_db()
    assert figure.review == ""


def test_the_report_page_asks_for_the_uncertain_figures_and_saves_the_answer(demo, client_as):
    report = _stored(demo, "测试戊区")
    client = client_as(demo.users["donghu_inspector"])
    url = reverse("report_reader:report_detail", args=[report.pk])
    page = client.get(url).content.decode()
    uncertain = selectors.uncertain_figures(report)
    assert uncertain, "the synthetic report has figures named by the passage (其中受理…)"
    assert f"待确认的数据（{len(uncertain)}项）" in page
    figure = uncertain[0]
    action = reverse("report_reader:figure_review", args=[figure.pk])
    form = page[page.index(f'action="{action}"') :]
    token = re.search(r'name="form_token" value="([0-9a-f]+)"', form)[1]
    response = client.post(action, {"form_token": token, "decision": "confirmed"})
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.review == "confirmed"
    page = client.get(url).content.decode()
    assert f"待确认的数据（{len(uncertain) - 1}项）" in page or len(uncertain) == 1
    assert "已确认" in page


def test_the_table_computes_a_rate_from_its_parts_and_never_swaps_rates(demo, client_as):
    report = _stored(demo, "测试己区", {"closed": 16, "corrected": 2})
    report.figures.filter(indicator="reconsideration.correction_rate").delete()
    inspector = demo.users["donghu_inspector"]
    ids = ["reconsideration.correction_rate", "reconsideration.comprehensive_correction_rate"]
    [row] = selectors.report_table(inspector, [report], ids)
    rate, comprehensive = row["cells"]
    assert rate.figure is None and rate.value == Decimal("12.50") and rate.parts == (2, 16)
    assert comprehensive is None  # 综合纠错率 is not 纠错率
    client = client_as(inspector)
    query = "&".join(f"indicator={i}" for i in ids)
    page = client.get(reverse("report_reader:report_table") + "?q=测试己区&" + query)
    assert page.status_code == 200 and "12.50*" in page.content.decode()
    export = client.get(reverse("report_reader:report_table") + f"?q=测试己区&{query}&export=xlsx")
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][3] == "纠错率（%）"
    assert rows[1][:4] == ("测试己区", 2025, "测试己区测试报告.txt", "12.50（由分项计算）")


def test_a_published_figure_is_set_against_the_platform_records(demo, client_as):
    report = _stored(demo, "东湖区", {"closed": 999})
    inspector = demo.users["donghu_inspector"]
    unit, differences = selectors.platform_differences(inspector, report)
    assert unit == demo.units["donghu"]
    closed = next(d for d in differences if d["indicator"].id == "reconsideration.closed")
    expected = engine.compute(
        ["reconsideration.closed"], user=inspector, unit=unit, period=engine.Period.year(2025)
    )["reconsideration.closed"]
    assert (closed["report"], closed["platform"]) == (999, expected)
    page = client_as(inspector).get(reverse("report_reader:report_detail", args=[report.pk]))
    assert "与本平台记录不一致" in page.content.decode()


def test_another_district_sees_a_public_report_but_not_our_records_behind_it(demo, client_as):
    report = _stored(demo, "东湖区", {"closed": 999})
    report.is_public = True
    report.save()
    outsider = demo.users["xishan_inspector"]
    assert selectors.platform_differences(outsider, report) == (None, [])
    page = client_as(outsider).get(reverse("report_reader:report_detail", args=[report.pk]))
    assert page.status_code == 200
    assert "与本平台记录不一致" not in page.content.decode()
    assert ReadReport.objects.filter(pk=report.pk).exists()
    assert ReportFigure.objects.filter(report=report).count() > 0
