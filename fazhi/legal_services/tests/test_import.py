"""The 12348 platform's export: all rows or none, errors by row in Chinese."""

import io

import pytest
from openpyxl import Workbook

from fazhi.core.imports import ImportRefused
from fazhi.legal_services import services
from fazhi.legal_services.imports import CONTACTS
from fazhi.legal_services.models import HotlineContact


def workbook(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append([field.label for field in CONTACTS.fields])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_platform_export_is_imported_all_or_nothing(demo):
    officer, unit = demo.users["donghu_pls_officer"], demo.units["donghu_justice"]
    before = HotlineContact.objects.count()
    good = ("2025-09-01", "电话", "劳动", "是", "12", "满意", "", "转法律援助")
    with pytest.raises(ImportRefused) as refused:
        services.import_contacts(
            actor=officer,
            unit=unit,
            data=workbook(good, ("2025-09-01", "传真", "劳动", "否", "", "", "", "")),
        )
    assert [str(e) for e in refused.value.errors] == [
        "第3行“渠道”：“传真”无效，应为电话、网络或留言"
    ]
    assert HotlineContact.objects.count() == before
    assert services.import_contacts(actor=officer, unit=unit, data=workbook(good, good)) == 2
    assert HotlineContact.objects.filter(unit=unit, referral="legal_aid").count() >= 3
