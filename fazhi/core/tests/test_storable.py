"""Values the database cannot store are refused with a Chinese message before the write
(issue 14 item 3), on SQLite as on PostgreSQL, and the refusing service leaves nothing."""

import pytest
from django.core.exceptions import ValidationError

from fazhi.core import services
from fazhi.core.models import CalendarYear, Unit
from fazhi.core.storable import storable_errors


def test_an_overlong_name_is_refused_by_the_service(demo):
    with pytest.raises(ValidationError) as refused:
        services.create_unit(
            actor=demo.admin, name="长" * 150, kind="township", parent=demo.units["donghu"]
        )
    assert "不超过 100" in str(refused.value)
    assert not Unit.objects.filter(name__startswith="长长长").exists()


def test_a_number_beyond_the_column_is_refused_not_a_database_error(demo):
    with pytest.raises(ValidationError) as refused:
        services.enter_calendar_year(
            actor=demo.admin,
            year=1234567890123456789012,
            notice="国办发明电〔2099〕1号",
            holidays=[],
            workdays=[],
        )
    assert "小于或等于" in str(refused.value)
    assert not CalendarYear.objects.filter(notice__contains="2099").exists()


def test_a_direct_save_is_checked_as_well(demo):
    unit = Unit.objects.get(pk=demo.units["donghu"].pk)
    unit.name = "区" * 101
    with pytest.raises(ValidationError) as refused:
        unit.save()
    assert refused.value.message_dict["name"][0].startswith("名称：")


def test_values_within_bounds_pass_and_expressions_are_left_to_the_database():
    from django.db.models import F

    year = CalendarYear(year=2027, notice="通知")
    assert storable_errors(year) == {}
    year.year = F("year") + 1
    assert storable_errors(year) == {}
    assert storable_errors(CalendarYear(year=-1, notice="x"))  # a positive column


def test_an_import_reports_an_overlong_cell_on_its_row():
    from io import BytesIO

    from openpyxl import Workbook

    from fazhi.core.imports import Field, ImportRefused, ImportSpec

    spec = ImportSpec(sheet="名单", fields=(Field("name", "名称", max_length=100),))
    workbook = Workbook()
    workbook.active.append(["名称"])
    workbook.active.append(["正常的名称"])
    workbook.active.append(["名" * 32000])
    stream = BytesIO()
    workbook.save(stream)
    with pytest.raises(ImportRefused) as refused:
        spec.read_rows(stream.getvalue())
    assert "第3行“名称”：超过100个字符（当前32000个）" in str(refused.value)
