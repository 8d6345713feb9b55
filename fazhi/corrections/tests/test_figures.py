"""Figures count what the scope holds, for the 督察员 too; the rows behind them go only to
those who see rows, and never include a minor."""

import datetime

from django.urls import reverse
from django.utils import timezone

from fazhi.core.deadlines import due_list
from fazhi.corrections.models import Subject
from fazhi.corrections.services import purge_location_points
from fazhi.indicators import engine
from fazhi.indicators.engine import Period


def test_counts_for_the_inspector_rows_for_the_staff_never_the_minor(demo):
    today = timezone.localdate()
    year = Period(today - datetime.timedelta(days=400), today)  # the demo's terms began in it
    district = demo.units["donghu"]
    inspector, handler = demo.users["donghu_inspector"], demo.users["donghu_corrections"]
    ids = ["corrections.received"]
    counted = engine.compute(ids, user=inspector, unit=district, period=year)[
        "corrections.received"
    ]
    everyone = Subject.objects.filter(
        unit=demo.units["donghu_justice"], term_start__range=(year.start, year.end)
    )
    assert counted == everyone.count() >= 1
    assert not engine.records(
        "corrections.received", user=inspector, unit=district, period=year
    ).exists()
    drilled = engine.records("corrections.received", user=handler, unit=district, period=year)
    assert drilled.exists() and not drilled.filter(is_minor=True).exists()


def test_the_minor_only_to_its_handler(demo, client_as):
    minor = Subject.objects.get(is_minor=True)
    assert (
        client_as(demo.users["donghu_corrections"]).get(minor.get_absolute_url()).status_code == 200
    )
    refused = client_as(demo.users["donghu_leader"]).get(minor.get_absolute_url())
    assert refused.status_code == 403 and "第五十四条" in refused.content.decode()
    assert client_as(demo.admin).get(minor.get_absolute_url()).status_code == 403


def test_the_due_list_carries_the_open_investigation_and_the_order_end(demo, client_as):
    page = client_as(demo.users["donghu_corrections"]).get(reverse("core:due_list"))
    assert "出具调查评估意见" in page.content.decode()  # the fast-track one, due in days
    today = timezone.localdate()
    later = due_list(demo.users["donghu_corrections"], today, horizon_days=120)
    assert any("电子定位期满" in item.title for item in later.items)
    assert not due_list(demo.users["donghu_inspector"], today, horizon_days=120).items or all(
        "JZ" not in item.title
        for item in due_list(demo.users["donghu_inspector"], today, 120).items
    )


def test_the_purge_command_removes_nothing_while_supervised(demo):
    assert purge_location_points(actor=demo.admin) == 0


def test_the_register_counts_who_is_on_it_at_the_periods_end(demo):
    from fazhi.corrections import services

    officer, bureau = demo.users["donghu_corrections"], demo.units["donghu_justice"]
    start = datetime.date(2024, 1, 10)
    subject = services.receive_subject(
        actor=officer,
        unit=bureau,
        station=demo.units["donghu_town0"],
        number="JZ-REG-1",
        name="测试",
        community="幸福社区",
        category="control",
        decision_organ="东湖区人民法院",
        effective_date=start,
        term_start=start,
        term_end=datetime.date(2024, 12, 31),
    )
    services.release_subject(
        actor=officer,
        subject=subject,
        released_date=datetime.date(2025, 1, 2),
        certificate_number="解R1",
    )

    def on_register(day):
        period = Period(day - datetime.timedelta(days=30), day)
        return engine.compute(
            ["corrections.subjects"], user=officer, unit=demo.units["donghu"], period=period
        )["corrections.subjects"]

    assert on_register(datetime.date(2024, 1, 9)) == 0  # not begun
    assert on_register(datetime.date(2025, 1, 1)) == 1  # begun in an earlier period, still on it
    assert on_register(datetime.date(2025, 1, 2)) == 0  # released that day
