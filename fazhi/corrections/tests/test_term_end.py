"""执行地变更 (社区矫正法 第二十七条第二款) and 终止 (第四十五条): the old county keeps its
record and figures, the new one receives the subject under the same 矫正编号; each 终止
reason only for the sentence it belongs to. Fixed dates around 国庆 2025 and 春节 2026."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.imports import ImportRefused
from fazhi.core.workflow import StepRefused
from fazhi.corrections import services
from fazhi.corrections.models import LocationGround, LocationPoint, Subject, SubjectStatus
from fazhi.corrections.tests import helpers
from fazhi.corrections.tests.test_import import row, workbook
from fazhi.indicators import engine
from fazhi.indicators.engine import Period

D = datetime.date


def _receive(demo, county, number, category="probation"):
    return helpers.receive(demo, number, county=county, category=category)


def _transfer(demo, subject, day, to="西山区"):
    return services.transfer_subject(
        actor=demo.users["donghu_corrections"], subject=subject, transfer_to=to, transfer_date=day
    )


def test_a_transfer_leaves_the_register_and_the_new_county_receives_the_number(demo):
    subject = _receive(demo, "donghu", "JZ-M-1")
    with pytest.raises(ValidationError, match="原执行地办理执行地变更移出后才能接收") as early:
        _receive(demo, "xishan", "JZ-M-1")
    assert "东湖" not in " ".join(early.value.messages)
    with pytest.raises(ValidationError, match="请填写变更后的执行地"):
        _transfer(demo, subject, D(2025, 10, 9), to=" ")
    with pytest.raises(ValidationError, match="应在矫正期限内"):
        _transfer(demo, subject, D(2025, 8, 31))
    _transfer(demo, subject, D(2025, 10, 9))
    subject.refresh_from_db()
    assert subject.status == SubjectStatus.TRANSFERRED and subject.left_date == D(2025, 10, 9)
    with pytest.raises(StepRefused):
        services.record_daily(
            actor=demo.users["donghu_corrections"],
            subject=subject,
            kind="report",
            date=D(2025, 10, 10),
        )
    moved = _receive(demo, "xishan", "JZ-M-1")
    assert Subject.objects.filter(number="JZ-M-1").count() == 2
    ids = ["corrections.transferred_out", "corrections.subjects", "corrections.received"]
    october = Period(D(2025, 10, 1), D(2025, 10, 31))
    old = engine.compute(ids, user=None, unit=demo.units["donghu_justice"], period=october)
    new = engine.compute(ids, user=None, unit=demo.units["xishan_justice"], period=october)
    registered_old = Subject.objects.filter(
        unit=demo.units["donghu_justice"], term_start__lte=october.end
    ).exclude(left_date__lte=october.end)
    assert old["corrections.transferred_out"] == 1
    assert old["corrections.subjects"] == registered_old.count()
    assert not registered_old.filter(pk=subject.pk).exists()
    assert Subject.objects.filter(pk=moved.pk, unit=demo.units["xishan_justice"]).exists()
    assert new["corrections.transferred_out"] == 0
    # The number is now the new county's: the old one cannot import it; the new one updates it.
    with pytest.raises(ImportRefused, match="JZ-M-1是其他县（区）的社区矫正对象"):
        services.import_subjects(
            actor=demo.users["donghu_corrections"],
            unit=demo.units["donghu_justice"],
            data=workbook(row("JZ-M-1")),
        )
    services.import_subjects(
        actor=demo.users["xishan_corrections"],
        unit=demo.units["xishan_justice"],
        data=workbook(row("JZ-M-1", station=demo.units["xishan_town0"].name)),
    )
    assert Subject.objects.filter(number="JZ-M-1").count() == 2


def test_location_points_are_removed_after_the_transfer_on_the_setting(demo):
    officer = demo.users["donghu_corrections"]
    subject = _receive(demo, "donghu", "JZ-M-2")
    services.order_location(
        actor=officer,
        subject=subject,
        ground=LocationGround.LEFT_AREA,
        approver="王局长",
        approved_date=D(2025, 9, 25),
        start=D(2025, 9, 25),
        end=D(2025, 12, 24),
    )
    services.record_location(
        actor=officer,
        subject=subject,
        recorded_at=datetime.datetime(2025, 10, 3, 9, 0, tzinfo=datetime.UTC),
        latitude="36.1",
        longitude="117.1",
    )
    _transfer(demo, subject, D(2025, 10, 9), to="外省某县")
    # Moved out of the platform: the county's own import does not bring the number back.
    with pytest.raises(ImportRefused, match="JZ-M-2已由本县（区）办理执行地变更移出"):
        services.import_subjects(actor=officer, unit=subject.unit, data=workbook(row("JZ-M-2")))
    # Kept 30 days after the move (FAZHI_CORRECTIONS_LOCATION_RETENTION_DAYS), then removed.
    assert services.purge_location_points(actor=demo.admin, on=D(2025, 11, 8)) == 0
    assert services.purge_location_points(actor=demo.admin, on=D(2025, 11, 9)) == 1
    assert not LocationPoint.objects.filter(subject=subject).exists()


def test_each_end_reason_only_for_its_sentence(demo):
    officer = demo.users["donghu_corrections"]
    control = _receive(demo, "donghu", "JZ-M-3", category="control")
    probation = _receive(demo, "donghu", "JZ-M-4")
    with pytest.raises(ValidationError, match="只适用于缓刑、假释.*该对象为管制"):
        services.terminate_subject(
            actor=officer, subject=control, end_reason="revoked", end_date=D(2026, 2, 20)
        )
    with pytest.raises(ValidationError, match="只适用于暂予监外执行.*第四十九条"):
        services.terminate_subject(
            actor=officer, subject=probation, end_reason="recommitted", end_date=D(2026, 2, 20)
        )
    with pytest.raises(ValidationError, match="不能早于矫正期限起"):
        services.terminate_subject(
            actor=officer, subject=probation, end_reason="revoked", end_date=D(2025, 8, 31)
        )
    services.terminate_subject(
        actor=officer, subject=probation, end_reason="revoked", end_date=D(2026, 2, 20)
    )
    services.terminate_subject(
        actor=officer, subject=control, end_reason="died", end_date=D(2026, 2, 16)
    )
    probation.refresh_from_db()
    control.refresh_from_db()
    assert probation.status == control.status == SubjectStatus.TERMINATED
    assert (probation.left_date, control.left_date) == (D(2026, 2, 20), D(2026, 2, 16))
    with pytest.raises(StepRefused):
        services.release_subject(
            actor=officer, subject=probation, released_date=D(2026, 8, 31), certificate_number="1"
        )
