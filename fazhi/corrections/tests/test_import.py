"""Import of the provincial platform's export by 矫正编号: updating, never duplicating; a
number of another county's subject refused; all rows or none."""

import pytest

from fazhi.core.imports import ImportRefused
from fazhi.corrections import imports, services
from fazhi.corrections.models import Subject
from fazhi.corrections.tests import helpers


def workbook(*rows) -> bytes:
    return helpers.workbook(imports.SUBJECTS, *rows)


def row(number, station="东湖区湖滨街道", status="在矫", released="", certificate=""):
    return (
        number,
        station,
        "幸福社区",
        "缓刑",
        "东湖区人民法院",
        "2026-01-05",
        "2026-01-05",
        "2026-11-30",
        status,
        released,
        certificate,
    )


def test_import_updates_by_number_and_creates_new_ones(demo):
    officer, bureau = demo.users["donghu_corrections"], demo.units["donghu_justice"]
    known = Subject.objects.filter(unit=bureau, status="supervised", is_minor=False).first()
    count = Subject.objects.count()
    services.import_subjects(
        actor=officer,
        unit=bureau,
        data=workbook(
            row(known.number, status="解除矫正", released="2026-11-30", certificate="解1"),
            row("JZ-NEW-1"),
        ),
    )
    assert Subject.objects.count() == count + 1
    known.refresh_from_db()
    assert known.status == "released" and known.certificate_number == "解1"
    assert known.name  # the identity kept locally is not overwritten by the import
    new = Subject.objects.get(number="JZ-NEW-1")
    assert new.name == "" and new.station == demo.units["donghu_town0"]


def test_a_number_of_another_county_is_refused_and_nothing_imported(demo):
    officer, bureau = demo.users["donghu_corrections"], demo.units["donghu_justice"]
    theirs = Subject.objects.filter(unit=demo.units["xishan_justice"]).first()
    count = Subject.objects.count()
    with pytest.raises(ImportRefused) as refused:
        services.import_subjects(
            actor=officer, unit=bureau, data=workbook(row("JZ-NEW-2"), row(theirs.number))
        )
    message = " ".join(refused.value.messages)
    assert (
        "第3行" in message and "其他县（区）的社区矫正对象" in message and "西山区" not in message
    )
    assert Subject.objects.count() == count


def test_a_station_of_another_county_is_that_rows_error(demo):
    with pytest.raises(ImportRefused, match="不是本县（区）的街道、乡镇"):
        services.import_subjects(
            actor=demo.users["donghu_corrections"],
            unit=demo.units["donghu_justice"],
            data=workbook(row("JZ-NEW-3", station="西山区山前街道")),
        )
