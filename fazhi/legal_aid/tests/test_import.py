"""The national system's export: matched by 案号, all rows or none, errors by row in Chinese."""

import io

import pytest
from openpyxl import Workbook

from fazhi.core.imports import ImportRefused
from fazhi.legal_aid import services
from fazhi.legal_aid.imports import CASES
from fazhi.legal_aid.models import AidCase, State

HEADER = [field.label for field in CASES.fields]


def workbook(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row(
    number, case_type="民事", provider="程立诚", closed="2025-06-30", id_number="370402199002025017"
):
    return [
        number,
        "导入受援人",
        id_number,
        case_type,
        "申请",
        "追索劳动报酬",
        "2025-03-01",
        "2025-03-04",
        provider,
        closed,
        "调解结案",
        "12000",
    ]


def test_new_rows_become_cases_and_a_matched_row_completes_the_closure(demo):
    officer, unit = demo.users["donghu_aid_officer"], demo.units["donghu_justice"]
    open_case = AidCase.objects.filter(unit=unit, state=State.ASSIGNED).first()
    open_case.national_number = "（2025）鲁0402法援刑7号"
    open_case.save()
    count = services.import_cases(
        actor=officer,
        unit=unit,
        data=workbook(
            row("（2025）鲁0402法援民12号"),
            row(
                open_case.national_number,
                case_type="刑事",
                provider=open_case.provider.name,
                closed=open_case.assigned_date.isoformat(),
            ),
        ),
    )
    assert count == 2
    new = AidCase.objects.get(national_number="（2025）鲁0402法援民12号")
    assert new.state == State.CLOSED and new.amount_recovered == 12000
    assert new.provider.name == "程立诚" and new.assigned_user == demo.users["donghu_aid_lawyer"]
    open_case.refresh_from_db()
    assert open_case.state == State.CLOSED


def test_an_unknown_case_type_refuses_the_whole_workbook(demo):
    officer, unit = demo.users["donghu_aid_officer"], demo.units["donghu_justice"]
    before = AidCase.objects.count()
    with pytest.raises(ImportRefused) as refused:
        services.import_cases(
            actor=officer,
            unit=unit,
            data=workbook(
                row("（2025）鲁0402法援民13号"),
                row("（2025）鲁0402法援民14号", case_type="劳动争议"),
            ),
        )
    messages = [str(error) for error in refused.value.errors]
    assert messages == ["第3行“案件类型”：“劳动争议”无效，应为刑事、民事、行政、国家赔偿、非诉讼"]
    assert AidCase.objects.count() == before


def test_unknown_providers_bad_ids_and_duplicates_are_row_errors(demo):
    officer, unit = demo.users["donghu_aid_officer"], demo.units["donghu_justice"]
    with pytest.raises(ImportRefused) as refused:
        services.import_cases(actor=officer, unit=unit, data=workbook(row("A1"), row("A1")))
    assert [str(e) for e in refused.value.errors] == ["第3行“案号”：与第2行重复"]
    with pytest.raises(ImportRefused) as refused:
        services.import_cases(
            actor=officer,
            unit=unit,
            data=workbook(
                row("A1", provider="无名律师"), row("A2", id_number="370402199001015012")
            ),
        )
    text = "；".join(str(error) for error in refused.value.errors)
    assert "第2行“承办人员”：“无名律师”不在本机构法律援助人员名册中" in text
    assert "第3行“身份证号码”：无效" in text
    assert not AidCase.objects.filter(national_number__in=["A1", "A2"]).exists()
