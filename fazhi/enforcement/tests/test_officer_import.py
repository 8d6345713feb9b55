"""导入执法人员: row-level errors, nothing written on error."""

import pytest

from fazhi.enforcement import imports, services
from fazhi.enforcement.models import Certificate, Officer

from .conftest import id_number, workbook

HEADER = [column.label for column in imports.OFFICER_COLUMNS]


def test_a_bad_row_refuses_the_whole_roster(world):
    good = ["甲", id_number(1), "队员", "否", "否", "IMP001", "2024-01-02", "2029-01-01", 16]
    bad_id = ["乙", "370402198501010011", "", "是", "是", "", "", "", ""]
    half_certificate = ["丙", id_number(3), "", "否", "否", "IMP003", "", "", ""]
    with pytest.raises(imports.ImportRefused) as refused:
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
    with pytest.raises(imports.ImportRefused, match="已登记或在表格中重复"):
        services.import_officers(
            actor=world.actor, unit=world.market, data=workbook([HEADER, good])
        )
