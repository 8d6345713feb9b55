"""导入执法人员: row-level errors, nothing written on error."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.imports import ImportRefused
from fazhi.enforcement import imports, services
from fazhi.enforcement.models import Certificate, Officer

from .conftest import id_number, workbook

HEADER = [field.label for field in imports.OFFICERS.fields]


def test_a_bad_row_refuses_the_whole_roster(world):
    good = ["甲", id_number(1), "队员", "否", "否", "IMP001", "2024-01-02", "2029-01-01", 16]
    bad_id = ["乙", "370402198501010011", "", "是", "是", "", "", "", ""]
    half_certificate = ["丙", id_number(3), "", "否", "否", "IMP003", "", "", ""]
    with pytest.raises(ImportRefused) as refused:
        services.import_officers(
            actor=world.actor,
            unit=world.market,
            data=workbook([HEADER, good, bad_id, half_certificate]),
        )
    messages = [str(e) for e in refused.value.errors]
    assert messages[0].startswith("第3行“身份证号码”") and messages[1].startswith("第4行“证件编号”")
    assert not Officer.objects.filter(unit=world.market).exists()
    count = services.import_officers(
        actor=world.actor, unit=world.market, data=workbook([HEADER, good])
    )
    assert count == 1
    officer = Officer.objects.get(unit=world.market)
    assert Certificate.objects.get(officer=officer).number == "IMP001"
    assert officer.trainings.get().hours == 16
    with pytest.raises(ImportRefused, match="已登记或在表格中重复"):
        services.import_officers(
            actor=world.actor, unit=world.market, data=workbook([HEADER, good])
        )


def test_the_import_page_gives_the_template_refuses_a_fake_and_imports(world, client):
    agency = services.register_agency(
        actor=world.actor, unit=world.market, legal_basis="《市场监督管理行政处罚程序规定》"
    )
    url = reverse("enforcement:agency_import", args=[agency.pk])
    client.force_login(world.actor)
    template = load_workbook(BytesIO(client.get(url + "?template=1").content)).active
    assert [cell.value for cell in template[1]] == HEADER and template.max_row == 2
    fake = SimpleUploadedFile("人员.xlsx", b"%PDF-1.4 not a workbook")
    page = client.post(url, {"file": fake}).content.decode()
    assert "未导入任何执法人员" in page and "内容与扩展名 .xlsx 不符" in page
    good = ["甲", id_number(1), "队员", "否", "否", "", "", "", 8]
    upload = SimpleUploadedFile("人员.xlsx", workbook([HEADER, good]))
    response = client.post(url, {"file": upload}, follow=True)
    assert response.redirect_chain[-1][0] == agency.get_absolute_url()
    assert "已导入1名执法人员" in response.content.decode()
    assert Officer.objects.filter(unit=world.market, name="甲").exists()


def test_cells_beyond_their_columns_are_errors_of_their_rows(world):
    """Issue 14, item 3: an overlong name or certificate number and 学时 beyond the column's
    digits are the errors of their rows, not a database error when the rows are saved."""
    good = ["甲", id_number(1), "队员", "否", "否", "IMP001", "2024-01-02", "2029-01-01", 16]
    long_name = ["名" * 31, id_number(2), "", "否", "否", "", "", "", ""]
    long_number = ["丙", id_number(3), "", "否", "否", "N" * 31, "2024-01-02", "2029-01-01", ""]
    many_hours = ["丁", id_number(4), "", "否", "否", "", "", "", 1e30]
    with pytest.raises(ImportRefused) as refused:
        services.import_officers(
            actor=world.actor,
            unit=world.market,
            data=workbook([HEADER, good, long_name, long_number, many_hours]),
        )
    messages = [str(e) for e in refused.value.errors]
    assert "第3行“姓名”：超过30个字符（当前31个）" in messages
    assert "第4行“证件编号”：超过30个字符（当前31个）" in messages
    assert any(m.startswith("第5行“本年度培训学时”：“1e+30”超出范围") for m in messages), messages
    assert not Officer.objects.filter(unit=world.market).exists()


def test_a_list_item_number_beyond_its_column_is_the_error_of_its_row():
    row = [99999999999, "不予处罚", "首违不罚", "违法行为", "依据", "条件", "处理"]
    header = [field.label for field in imports.LIST_ITEMS.fields]
    with pytest.raises(ImportRefused) as refused:
        imports.LIST_ITEMS.read_rows(workbook([header, row]))
    assert str(refused.value.errors[0]).startswith("第2行“序号”：“99999999999”超出范围")
    long_violation = [1, "不予处罚", "首违不罚", "违" * 301, "依据", "条件", "处理"]
    with pytest.raises(ImportRefused, match="第2行“违法行为”：超过300个字符"):
        imports.LIST_ITEMS.read_rows(workbook([header, long_violation]))


def test_an_action_cell_beyond_its_column_is_the_error_of_its_row():
    header = [field.label for field in imports.ACTIONS.fields]
    row = list(imports.ACTIONS.example)
    row[header.index("案由")] = "案" * 301
    with pytest.raises(ImportRefused, match="第2行“案由”：超过300个字符（当前301个）"):
        imports.ACTIONS.read_rows(workbook([header, row]))
