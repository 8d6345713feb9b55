"""A county that keeps its subjects in the provincial platform only files monthly counts:
imported all or none, a month replaced on re-import, and the figures take a county's counts
only where it has no rows — never both."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.core import services as core_services
from fazhi.core.imports import ImportRefused
from fazhi.core.models import Unit
from fazhi.core.roles import Role, WorkLine
from fazhi.corrections import imports, services
from fazhi.corrections.models import CountReport, Subject
from fazhi.corrections.tests import helpers
from fazhi.indicators import engine
from fazhi.indicators.engine import Period

YEAR = Period.year(2026)
IDS = [
    "corrections.subjects",
    "corrections.received",
    "corrections.warnings",
    "corrections.investigations",
    "corrections.investigation_on_time_rate",
]


def workbook(*rows) -> bytes:
    return helpers.workbook(imports.COUNTS, *rows)


def month(text, subjects=40, received=3, warnings=1, investigations=4, on_time=3):
    # 月份, 在册, 新接收, 解除, 移出, 调查评估, 按期, 警告, 提请撤销, 脱管, 电子定位
    return (text, subjects, received, 2, 0, investigations, on_time, warnings, 0, 0, 0)


@pytest.fixture
def elsewhere(demo):
    """A fourth county of the city whose subjects are kept in the provincial platform only."""
    admin = demo.admin
    district = core_services.create_unit(
        actor=admin, name="北岭区", kind=Unit.Kind.DISTRICT, parent=demo.units["city"]
    )
    bureau = core_services.create_unit(
        actor=admin, name="北岭区司法局", kind=Unit.Kind.JUSTICE_BUREAU, parent=district
    )
    officer = core_services.create_user(
        actor=admin,
        username="beiling_corrections",
        full_name="白静",
        password="Demo-Passw0rd!",
        unit=bureau,
        role=Role.OFFICER,
        work_lines=[WorkLine.CORRECTIONS],
        must_change_password=False,
    )
    return district, bureau, officer


def test_import_is_all_or_none_with_row_errors_in_chinese(demo, elsewhere):
    _, bureau, officer = elsewhere
    with pytest.raises(ImportRefused) as refused:
        services.import_counts(
            actor=officer,
            unit=bureau,
            data=workbook(
                month("2026-01"),
                month("2026-01"),
                month("2026-12"),
                month("2026-02", investigations=2, on_time=3),
                ("2026-03", -1, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            ),
        )
    message = " ".join(refused.value.messages)
    assert "第3行“月份”：2026-01在表格中重复" in message
    assert "第4行“月份”：2026-12尚未结束" in message
    assert "第5行“按期完成调查评估”：不能多于" in message
    assert "第6行“月末在册”：“-1”无效，应为不小于0的整数" in message
    assert not CountReport.objects.filter(unit=bureau).exists()


def test_figures_add_the_counts_of_a_county_without_rows_and_a_month_is_replaced(demo, elsewhere):
    district, bureau, officer = elsewhere
    city = demo.units["city"]
    before = engine.compute(IDS, user=None, unit=city, period=YEAR)
    services.import_counts(
        actor=officer,
        unit=bureau,
        data=workbook(month("2026-01", subjects=38), month("2026-11", subjects=41)),
    )
    alone = engine.compute(IDS, user=officer, unit=district, period=YEAR)
    # 在册 is the period's last month (41), the flows are the months' sum.
    assert alone["corrections.subjects"] == 41
    assert alone["corrections.received"] == 6 and alone["corrections.warnings"] == 2
    assert alone["corrections.investigation_on_time_rate"] == 75  # 6 of 8
    january = engine.compute(
        IDS, user=officer, unit=district, period=Period(YEAR.start, datetime.date(2026, 1, 31))
    )
    assert january["corrections.subjects"] == 38 and january["corrections.received"] == 3
    city_figures = engine.compute(IDS, user=None, unit=city, period=YEAR)
    assert city_figures["corrections.subjects"] == before["corrections.subjects"] + 41
    assert city_figures["corrections.received"] == before["corrections.received"] + 6
    # The counts-only roles read them (the city's inspector), month by month too.
    inspector = demo.users["city_inspector"]
    by_month = engine.breakdown(IDS, user=inspector, unit=district, period=YEAR, by="month")
    assert by_month[datetime.date(2026, 1, 1)]["corrections.received"] == 3
    assert by_month[datetime.date(2026, 11, 1)]["corrections.received"] == 3
    # Re-importing November replaces it: never two reports of one month.
    services.import_counts(actor=officer, unit=bureau, data=workbook(month("2026-11", received=5)))
    assert CountReport.objects.filter(unit=bureau).count() == 2
    again = engine.compute(IDS, user=officer, unit=district, period=YEAR)
    assert again["corrections.received"] == 8


def test_never_both_rows_and_counts_for_one_county(demo, elsewhere):
    district, bureau, officer = elsewhere
    donghu = demo.units["donghu_justice"]
    with pytest.raises(ImportRefused, match="在本平台登记了社区矫正对象或调查评估"):
        services.import_counts(
            actor=demo.users["donghu_corrections"], unit=donghu, data=workbook(month("2026-01"))
        )
    assert not CountReport.objects.filter(unit=donghu).exists()
    services.import_counts(actor=officer, unit=bureau, data=workbook(month("2026-01")))
    with pytest.raises(ValidationError, match="以数量月报报送社区矫正数据"):
        services.register_investigation(
            actor=officer,
            unit=bureau,
            organ_kind="court",
            organ="北岭区人民法院",
            reference="（2026）北刑初1号",
            person_name="王五",
            proposed_category="probation",
            received_date=datetime.date(2026, 11, 2),
        )
    # Rows that reach the county anyway (an administrator's fix) drop its counts, not add.
    station = core_services.create_unit(
        actor=demo.admin, name="北岭区城关街道", kind=Unit.Kind.TOWNSHIP, parent=district
    )
    Subject.objects.create(
        unit=bureau,
        station=station,
        number="JZ-BL-1",
        created_by=demo.admin,
        category="probation",
        decision_organ="北岭区人民法院",
        effective_date=datetime.date(2026, 1, 5),
        term_start=datetime.date(2026, 1, 5),
        term_end=datetime.date(2026, 12, 31),
    )
    figures = engine.compute(IDS, user=officer, unit=district, period=YEAR)
    assert figures["corrections.subjects"] == 1 and figures["corrections.received"] == 1


def test_the_pages_import_and_list_the_counts(demo, elsewhere, client_as):
    _, bureau, officer = elsewhere
    client = client_as(officer)
    template = client.get(reverse("corrections:count_import") + "?template=1")
    assert template.status_code == 200
    upload = io.BytesIO(workbook(month("2026-10")))
    upload.name = "counts.xlsx"
    done = client.post(reverse("corrections:count_import"), {"file": upload})
    assert done.status_code == 302
    listed = client_as(demo.users["city_inspector"]).get(reverse("corrections:count_list"))
    assert listed.status_code == 200 and "北岭区司法局" in listed.content.decode()
    assert (
        "北岭区司法局"
        not in client_as(demo.users["donghu_inspector"])
        .get(reverse("corrections:count_list"))
        .content.decode()
    )


# 在册管制, 缓刑, 假释, 暂予监外执行; 终止: 撤销, 收监, 死亡; 重新犯罪, 治安处罚, 走访
LATER = (4, 30, 4, 2, 2, 1, 1, 2, 1, 25)
OUTCOMES = [
    "corrections.subjects_control",
    "corrections.subjects_probation",
    "corrections.subjects_parole",
    "corrections.subjects_medical_parole",
    "corrections.terminated",
    "corrections.terminated_revoked",
    "corrections.terminated_recommitted",
    "corrections.terminated_died",
    "corrections.reoffended",
    "corrections.public_security_penalties",
    "corrections.home_visits",
]


def test_the_later_columns_count_once_and_blank_is_zero(demo, elsewhere):
    district, bureau, officer = elsewhere
    city = demo.units["city"]
    before = engine.compute(OUTCOMES, user=None, unit=city, period=YEAR)
    services.import_counts(
        actor=officer,
        unit=bureau,
        data=workbook(
            month("2026-01", subjects=40) + LATER,
            month("2026-02", subjects=40),  # an older layout: the later cells left blank
            month("2026-03", subjects=40) + LATER,
        ),
    )
    report = CountReport.objects.get(unit=bureau, month=datetime.date(2026, 1, 1))
    assert report.terminated == 4  # 撤销 2 + 收监 1 + 死亡 1
    alone = engine.compute(OUTCOMES, user=officer, unit=district, period=YEAR)
    # The register's categories are the last month's; the flows the months' sum (February 0).
    assert [alone[i] for i in OUTCOMES[:4]] == [4, 30, 4, 2]
    assert [alone[i] for i in OUTCOMES[4:]] == [8, 4, 2, 2, 4, 2, 50]
    city_figures = engine.compute(OUTCOMES, user=None, unit=city, period=YEAR)
    assert {i: city_figures[i] - before[i] for i in OUTCOMES} == alone  # added once
    with pytest.raises(ImportRefused) as refused:
        services.import_counts(
            actor=officer,
            unit=bureau,
            data=workbook(
                month("2026-04", subjects=41) + LATER,
                month("2026-05", subjects=40) + (4, 30, 4, 2, 0, 0, 1, 1, 1, 25),
            ),
        )
    message = " ".join(refused.value.messages)
    assert "第2行“在册管制”：各矫正类别之和（40）应等于月末在册（41）" in message
    assert "第3行“重新犯罪”：不能多于因撤销缓刑、假释或收监执行而终止的人数" in message
    assert not CountReport.objects.filter(
        unit=bureau, month__gte=datetime.date(2026, 4, 1)
    ).exists()


def test_the_demos_count_only_county_is_on_its_pages_and_in_the_citys_figures(demo, client_as):
    """南桥县 files counts only (demo): no subject or investigation row of its own, its six
    months listed on its pages, its figures in the city's once."""
    bureau = demo.units["nanqiao_justice"]
    assert not Subject.objects.filter(unit=bureau).exists()
    reports = CountReport.objects.filter(unit=bureau).order_by("month")
    assert reports.count() == 6
    listed = client_as(demo.users["nanqiao_corrections"]).get(reverse("corrections:count_list"))
    last = reports.last()
    page = listed.content.decode()
    assert listed.status_code == 200 and "南桥县司法局" in page
    assert f"{reports.first().month:%Y-%m}" in page and f"{last.month:%Y-%m}" in page
    assert "走访、实地查访" in page
    period = Period(reports.first().month, last.month.replace(day=28))
    ids = ["corrections.subjects", "corrections.received", "corrections.home_visits"]
    nanqiao = engine.compute(ids, user=None, unit=demo.units["nanqiao"], period=period)
    assert nanqiao == {
        "corrections.subjects": last.subjects,
        "corrections.received": sum(r.received for r in reports),
        "corrections.home_visits": sum(r.home_visits for r in reports),
    }
    city = engine.compute(ids, user=None, unit=demo.units["city"], period=period)
    others = [
        engine.compute(ids, user=None, unit=demo.units[key], period=period)
        for key in ("donghu", "xishan")
    ]
    assert city == {i: nanqiao[i] + sum(o[i] for o in others) for i in ids}
