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
