"""The import of a 备案审查机构's filing ledger (备案台账): rows name documents of the area's
register by 制定机关 and 文号, 延迟报备 is computed as for a filing made here, row errors in
Chinese, all rows or none."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from fazhi.core.imports import ImportRefused
from fazhi.rulemaking import services
from fazhi.rulemaking.imports import FILINGS
from fazhi.rulemaking.models import Filing, FilingState, NormativeDocument


def _workbook(*rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([field.label for field in FILINGS.fields])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _parking(demo):
    return NormativeDocument.objects.get(title="湖滨公共停车场收费管理办法")


def _row(demo, number=None, organ=None, days=(40, 42, 44), outcome="无问题", **cells):
    document = _parking(demo)
    filed, registered, reviewed = (document.published_date + datetime.timedelta(d) for d in days)
    return (
        organ or demo.units["donghu_gov"].name,
        number or document.doc_number.replace("〔", "[").replace("〕", "]"),
        filed.isoformat(),
        cells.get("deferred", "是"),
        registered.isoformat(),
        outcome,
        reviewed.isoformat(),
        cells.get("note", ""),
        "",
    )


def _import(demo, *rows):
    return services.import_filings(
        actor=demo.users["donghu_legal"],
        filing_body=demo.units["donghu_justice"],
        data=_workbook(*rows),
    )


def test_a_ledger_row_becomes_the_documents_filing_marked_late(demo, client_as):
    assert _import(demo, _row(demo)) == 1
    filing = Filing.objects.get(document=_parking(demo))
    # 40 days after publication against the default 30: 延迟报备, as if filed here.
    assert filing.late and filing.deferred and filing.state == FilingState.CLOSED
    assert filing.filing_body == demo.units["donghu_justice"]
    assert filing.closed_date == filing.reviewed_date
    api = client_as(demo.users["donghu_legal"]).get(f"/api/rulemaking/filings/{filing.pk}/")
    assert api.json()["late"] is True and api.json()["deferred"] is True
    with pytest.raises(ImportRefused, match="已报备"):
        _import(demo, _row(demo))


def test_a_correction_from_the_ledger_stays_open_until_the_document_changes(demo):
    _import(demo, _row(demo, outcome="建议修改", note="第五条超越权限"))
    filing = Filing.objects.get(document=_parking(demo))
    assert filing.state == FilingState.CORRECTING and filing.closed_date is None
    assert filing.reply_due is not None


def _refused(demo, *rows) -> list[str]:
    before = Filing.objects.count()
    with pytest.raises(ImportRefused) as refused:
        _import(demo, *rows)
    assert Filing.objects.count() == before  # all rows or none
    return [str(error) for error in refused.value.errors]


def test_bad_cells_are_named_by_row_and_column(demo):
    assert _refused(
        demo,
        _row(demo),
        _row(demo, number="东政发2023第8号"),
        _row(demo, days=(40, 38, 44)),
        _row(demo, outcome="建议修改"),
    ) == [
        "第3行“文号”：“东政发2023第8号”格式不正确，应如“东政发〔2025〕3号”",
        "第4行“文号”：与第2行重复",
        "第4行“登记日期”：不能早于报备日期",
        "第5行“文号”：与第2行重复",
        "第5行“审查意见”：提出纠错意见的，请写明审查意见",
    ]


def test_rows_outside_the_register_are_refused(demo):
    gov = demo.units["donghu_gov"].name
    assert _refused(
        demo,
        _row(demo),
        _row(demo, organ="东湖区不存在局"),
        _row(demo, number="东政发〔2019〕99号"),
    ) == [
        "第3行“制定机关”：本地区没有名为“东湖区不存在局”的机关",
        f"第4行“文号”：“{gov}”没有已公布的东政发〔2019〕99号：请先登记或导入规范性文件登记台账",
    ]


def test_the_ledger_import_page_serves_its_template_and_takes_the_file(demo, client_as):
    client = client_as(demo.users["donghu_legal"])
    url = reverse("rulemaking:filing_import")
    template = client.get(url + "?template=1")
    assert template.status_code == 200
    header = [c.value for c in next(load_workbook(io.BytesIO(template.content)).active.rows)]
    assert header == [field.label for field in FILINGS.fields]
    upload = io.BytesIO(_workbook(_row(demo)))
    upload.name = "备案台账.xlsx"
    response = client.post(url, {"file": upload})
    assert response.status_code == 302
    assert Filing.objects.filter(document=_parking(demo)).exists()
