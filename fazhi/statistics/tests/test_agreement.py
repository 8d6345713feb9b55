"""Figures agree everywhere (issue 19 item 5): a return's counted cell is the dashboard's and
the annual report's figure; a figure typed over the records' shows the records' figure and
needs its reason before 上报. 零上报 (item 6) and the 退回 register
(`statistics.returned_for_correction`)."""

import datetime
import re
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse

from fazhi.annual_report import drafting
from fazhi.core.jobs import tasks
from fazhi.core.jobs.models import Job
from fazhi.indicators import engine
from fazhi.statistics import selectors, services
from fazhi.statistics.models import SendBack, State, StatReturn

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

LINK = r"id={id}&(?:amp;)?unit={unit}&(?:amp;)?from={start}&(?:amp;)?to={end}\">(\d+)</a>"


def _linked(page: str, indicator_id: str, unit, start: str, end: str) -> list[int]:
    pattern = LINK.format(id=re.escape(indicator_id), unit=unit.pk, start=start, end=end)
    return [int(v) for v in re.findall(pattern, page)]


def _explain_all(actor, statreturn):
    for problem in services.problems(statreturn):
        if problem.warning and problem.open:
            services.explain_warning(
                actor=actor,
                statreturn=statreturn,
                cell=problem.cell,
                rule=problem.rule,
                explanation="测试说明",
            )


def test_the_same_figure_on_the_dashboard_the_annual_report_and_the_return(demo, client_as):
    donghu = demo.units["donghu"]
    statreturn = StatReturn.objects.get(period_key="2025", template__code="FZ复1表", area=donghu)
    figure = statreturn.values["05-1"]  # 审结 = reconsideration.closed, frozen at 上报
    assert figure > 0
    client = client_as(demo.users["donghu_leader"])
    dashboard = client.get(
        reverse("indicators:dashboard"), {"unit": donghu.pk, "year": 2025}
    ).content.decode()
    shown = _linked(dashboard, "reconsideration.closed", donghu, "2025-01-01", "2025-12-31")
    report = drafting.figures_of(drafting.draft_measures(donghu, 2025))
    page = client.get(statreturn.get_absolute_url()).content.decode()
    on_return = _linked(page, "reconsideration.closed", donghu, "2025-01-01", "2025-12-31")
    assert shown == [figure] and on_return == [figure]
    assert report["reconsideration.closed"] == str(figure)
    assert "记录现为" not in page  # the records have not changed since 上报


def test_a_figure_typed_over_the_records_shows_them_and_needs_its_reason(demo, client_as):
    officer, leader = demo.users["donghu_statistician"], demo.users["donghu_leader"]
    statreturn = services.create_return(
        actor=officer, unit=demo.units["donghu_justice"], template_code="FZ复1表", period_key="2024"
    )
    counted = statreturn.values["02-1"]
    assert statreturn.records["02-1"] == counted
    with pytest.raises(ValidationError, match="改写记录数须说明理由"):
        services.override_value(
            actor=officer,
            statreturn=statreturn,
            cell="02-1",
            value=str(counted + 2),
            explanation="",
        )
    with pytest.raises(ValidationError, match="不是由记录计算的数字"):
        services.override_value(
            actor=officer, statreturn=statreturn, cell="16-1", value="5", explanation="x"
        )
    services.override_value(
        actor=officer,
        statreturn=statreturn,
        cell="02-1",
        value=str(counted + 2),
        explanation="纸质申请2件未录入",
    )
    services.refresh_return(actor=officer, statreturn=statreturn)  # 取数 keeps the override
    assert statreturn.values["02-1"] == counted + 2 and statreturn.sources["02-1"] == "override"
    record = next(p for p in services.problems(statreturn) if p.rule == "记录")
    assert record.cell == "02-1" and "记录数" in record.message and "+2" in record.message
    assert not record.open  # the reason typed with it
    page = client_as(officer).get(statreturn.get_absolute_url()).content.decode()
    assert "已改写：记录数" in page and "（相差+2）" in page and "纸质申请2件未录入" in page
    records_link = _linked(
        page, "reconsideration.received", demo.units["donghu"], "2024-01-01", "2024-12-31"
    )
    assert records_link == [counted + 2, counted]  # the typed figure and the records', linked
    services.set_manual_value(
        actor=officer, statreturn=statreturn, cell="01-1", value="0", explanation="上年期末"
    )
    _explain_all(officer, statreturn)
    # A reason lost (an old return): 上报 is refused until it is written again.
    statreturn.explanations = {k: v for k, v in statreturn.explanations.items() if k != "02-1"}
    statreturn.save()
    services.complete_filling(actor=officer, statreturn=statreturn)  # a warning, not an error
    services.approve_return(actor=leader, statreturn=statreturn)
    with pytest.raises(ValidationError, match="【记录】填报数"):
        services.submit_return(
            actor=leader, statreturn=statreturn, submitted_on=datetime.date(2025, 1, 10)
        )
    services.explain_warning(
        actor=officer, statreturn=statreturn, cell="02-1", rule="记录", explanation="纸质申请2件"
    )
    services.submit_return(
        actor=leader, statreturn=statreturn, submitted_on=datetime.date(2025, 1, 10)
    )
    assert statreturn.versions.get().values["02-1"] == counted + 2
    # Typing the records' figure again takes the override back.
    services.send_back(actor=demo.users["city_leader"], statreturn=statreturn, comment="核对")
    services.override_value(
        actor=officer, statreturn=statreturn, cell="02-1", value=str(counted), explanation=""
    )
    assert statreturn.sources["02-1"] == "computed" and "02-1" not in statreturn.explanations
    assert not [p for p in services.problems(statreturn) if p.rule == "记录"]


def test_a_nil_return_is_filed_on_time_and_shown_in_the_consolidation(demo, client_as):
    leader = demo.users["xishan_leader"]
    officer = demo.users["xishan_statistician"]
    statreturn = services.create_return(
        actor=officer, unit=demo.units["xishan_justice"], template_code="FZ诉1表", period_key="2024"
    )
    assert not any(statreturn.records.values())  # no 应诉 records in 2024
    with pytest.raises(PermissionDenied, match="无权"):  # 零上报 is signed by the 负责人
        services.file_nil_return(actor=officer, statreturn=statreturn)
    services.set_manual_value(
        actor=officer, statreturn=statreturn, cell="01-1", value="1", explanation="上年结转"
    )
    with pytest.raises(ValidationError, match="本期有数据，不能零上报"):
        services.file_nil_return(actor=leader, statreturn=statreturn)
    services.set_manual_value(
        actor=officer, statreturn=statreturn, cell="01-1", value="0", explanation="上年结转"
    )
    services.file_nil_return(
        actor=leader, statreturn=statreturn, submitted_on=datetime.date(2025, 1, 14)
    )
    assert statreturn.state == State.SUBMITTED and statreturn.nil_return and statreturn.on_time
    assert statreturn.signed_by == leader and statreturn.versions.get().values["01-1"] == 0
    due = engine.compute(
        ["statistics.reports_due", "statistics.reports_submitted_on_time"],
        user=None,
        unit=demo.units["xishan"],
        period=engine.Period(datetime.date(2025, 1, 1), datetime.date(2025, 1, 31)),
    )
    assert due["statistics.reports_due"] == due["statistics.reports_submitted_on_time"] == 1
    city = services.create_return(
        actor=demo.users["city_statistician"],
        unit=demo.units["city_justice"],
        template_code="FZ诉1表",
        period_key="2024",
    )
    row = next(r for r in selectors.children_status(city) if r["area"].name == "西山区")
    assert row["nil"] and row["state_label"] == "零上报（已上报）" and not row["late"]
    page = client_as(demo.users["city_statistician"]).get(city.get_absolute_url())
    assert "零上报（已上报）" in page.content.decode()
    with pytest.raises(ValidationError, match="汇总表不能零上报"):
        services.file_nil_return(actor=demo.users["city_leader"], statreturn=city)
    # A period not yet ended is no nil return either.
    open_year = services.create_return(
        actor=officer, unit=demo.units["xishan_justice"], template_code="FZ诉1表", period_key="2026"
    )
    with pytest.raises(ValidationError, match="尚未结束"):
        services.file_nil_return(actor=leader, statreturn=open_year)


def test_every_sending_back_is_registered_and_counted(demo, client_as):
    officer, leader = demo.users["nanqiao_statistician"], demo.users["nanqiao_leader"]
    statreturn = services.create_return(
        actor=officer,
        unit=demo.units["nanqiao_justice"],
        template_code="FZ诉1表",
        period_key="2024",
    )
    services.set_manual_value(
        actor=officer, statreturn=statreturn, cell="01-1", value="0", explanation="上年结转"
    )
    services.complete_filling(actor=officer, statreturn=statreturn)
    services.return_for_correction(actor=leader, statreturn=statreturn, comment="核对结转数")
    services.complete_filling(actor=officer, statreturn=statreturn)
    services.approve_return(actor=leader, statreturn=statreturn)
    _explain_all(officer, statreturn)
    services.submit_return(actor=leader, statreturn=statreturn)
    services.send_back(actor=demo.users["city_leader"], statreturn=statreturn, comment="漏报")
    kinds = list(
        SendBack.objects.filter(statreturn=statreturn).order_by("pk").values_list("kind", flat=True)
    )
    assert kinds == ["return_for_correction", "send_back"]
    day = SendBack.objects.filter(statreturn=statreturn).first().returned_on
    period = engine.Period(day, day)
    counted = engine.compute(
        ["statistics.returned_for_correction"], user=None, unit=demo.units["nanqiao"], period=period
    )
    assert counted["statistics.returned_for_correction"] == 2
    assert not engine.compute(
        ["statistics.returned_for_correction"], user=None, unit=demo.units["donghu"], period=period
    )["statistics.returned_for_correction"]
    rows = client_as(demo.users["city_statistician"]).get(
        reverse("indicators:records"),
        {
            "id": "statistics.returned_for_correction",
            "unit": demo.units["nanqiao"].pk,
            "from": f"{day:%Y-%m-%d}",
            "to": f"{day:%Y-%m-%d}",
        },
    )
    assert rows.status_code == 200 and "上级退回" in rows.content.decode()


def test_the_pdf_is_the_table_in_its_layout(demo, client_as, tmp_path):
    statreturn = StatReturn.objects.get(
        period_key="2025", template__code="FZ复1表", area=demo.units["donghu"]
    )
    statistician = client_as(demo.users["donghu_statistician"])
    url = f"/statistics/{statreturn.pk}/pdf/"
    assert statistician.get(url).status_code == 405  # a job, started by a POST only
    assert client_as(demo.users["xishan_statistician"]).post(url).status_code == 404
    with override_settings(TASKS=DUMMY):  # enqueued: the job's page follows it
        queued = statistician.post(url)
    job = Job.objects.get(user=demo.users["donghu_statistician"], kind=Job.Kind.PDF)
    assert queued.url == job.get_absolute_url() and job.status == Job.Status.QUEUED
    tasks.run_work.call(job.pk)
    page = statistician.get(job.get_absolute_url()).content.decode()
    assert f"/jobs/{job.pk}/file/" in page and "的PDF" in page
    response = statistician.post(url, follow=True)  # the immediate backend: the file at once
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "return.pdf"
    path.write_bytes(response.content)
    read = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    text = re.sub(r"\s+", "", read)  # pdftotext spaces Latin letters apart from Chinese
    assert "行政复议案件情况" in text and "表号：FZ复1表" in text and "单位负责人：" in text
    assert "审结（合计）" in text and str(statreturn.values["05-1"]) in text


def test_records_changed_after_submission_are_flagged_on_the_dashboard_and_the_return(
    demo, client_as
):
    donghu = demo.units["donghu"]
    statreturn = StatReturn.objects.get(period_key="2025", template__code="FZ复1表", area=donghu)
    frozen = statreturn.values["02-1"]  # 收到申请 = reconsideration.received
    client = client_as(demo.users["donghu_leader"])
    dashboard = reverse("indicators:dashboard")
    page = client.get(dashboard, {"unit": donghu.pk, "year": 2025}).content.decode()
    assert "行政复议案件情况" in page and "与记录一致" in page and "与记录不一致" not in page
    period = engine.Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    case = engine.records("reconsideration.received", user=None, unit=donghu, period=period)[0]
    case.received_date = datetime.date(2024, 12, 30)  # a date typed wrong, corrected after 上报
    case.save()
    assert selectors.drift(statreturn)[0]["now"] == frozen - 1
    page = client.get(dashboard, {"unit": donghu.pk, "year": 2025}).content.decode()
    assert "1份与当前记录不一致" in page and "上报后记录有变动" in page
    assert f'上报数 <a href="{statreturn.get_absolute_url()}#row-02">{frozen}</a>' in page
    assert _linked(page, "reconsideration.received", donghu, "2025-01-01", "2025-12-31")[-1] == (
        frozen - 1
    )  # the records' figure, linked to the records
    shown = client.get(statreturn.get_absolute_url()).content.decode()
    assert "记录现为" in shown and f"上报数 {frozen}，记录现为 {frozen - 1}" in shown
    assert statreturn.versions.get().values["02-1"] == frozen  # the frozen figure stays
    # The city's consolidation sums 东湖区's frozen figure: its dashboard says so too.
    city_page = client_as(demo.users["city_leader"]).get(
        dashboard, {"unit": demo.units["city"].pk, "year": 2025}
    )
    assert "与记录不一致" in city_page.content.decode()
    # Another district's returns are not on 东湖区's dashboard.
    assert "西山区" not in page.split('id="stat-returns"')[1]


def test_the_annual_report_draft_notes_a_return_that_differs_from_the_records(demo, client_as):
    from fazhi.annual_report import services as report_services

    donghu = demo.units["donghu"]
    officer = demo.users["donghu_officer"]
    report = report_services.create_report(
        actor=officer, unit=demo.units["donghu_justice"], year=2025
    )
    client = client_as(officer)
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'id="stat-drift"' not in page  # the submitted returns agree with the records
    statreturn = StatReturn.objects.get(period_key="2025", template__code="FZ复1表", area=donghu)
    frozen = statreturn.values["02-1"]
    period = engine.Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    case = engine.records("reconsideration.received", user=None, unit=donghu, period=period)[0]
    case.received_date = datetime.date(2024, 12, 30)  # corrected after 上报
    case.save()
    page = client.get(report.get_absolute_url()).content.decode()
    note = page.split('id="stat-drift"')[1].split("</section>")[0]
    assert "东湖区2025年已上报的统计报表与当前记录不一致（1份）" in note
    assert "2025年《行政复议案件情况》" in note and "上报后记录有变动" in note
    assert f'上报数 <a href="{statreturn.get_absolute_url()}#row-02">{frozen}</a>' in note
    assert _linked(note, "reconsideration.received", donghu, "2025-01-01", "2025-12-31") == [
        frozen - 1
    ]
    # 南桥县's 2024 draft: its submitted 2024 return agrees with its records, and 东湖区's
    # return is not its own.
    nanqiao = report_services.create_report(
        actor=demo.users["nanqiao_officer"], unit=demo.units["nanqiao_justice"], year=2024
    )
    other = client_as(demo.users["nanqiao_officer"]).get(nanqiao.get_absolute_url())
    assert other.status_code == 200 and 'id="stat-drift"' not in other.content.decode()
