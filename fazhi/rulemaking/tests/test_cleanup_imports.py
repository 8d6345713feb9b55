"""清理 · 后评估 and the import of an existing register (all rows or none)."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from fazhi.core.imports import ImportRefused
from fazhi.rulemaking import services
from fazhi.rulemaking.imports import DOCUMENTS
from fazhi.rulemaking.models import CleanupBatch, Conclusion, NormativeDocument, Validity

TODAY = timezone.localdate()


def test_the_demo_cleanup_repealed_its_document(demo):
    batch = CleanupBatch.objects.get(title="东湖区优化营商环境专项清理")
    old = NormativeDocument.objects.get(title="湖滨临时占道经营管理暂行办法")
    assert batch.published_date is not None and old.status == Validity.REPEALED
    assert old.status_changes.last().reason.startswith("东湖区优化营商环境专项清理")


def test_a_cleanup_changes_the_register_only_when_published(demo):
    office = demo.users["donghu_govoffice"]
    document = NormativeDocument.objects.get(title="湖滨公共停车场收费管理办法")
    batch = services.start_cleanup(
        actor=office,
        unit=demo.units["donghu_gov"],
        title="测试清理",
        kind="comprehensive",
        started_date=TODAY,
    )
    with pytest.raises(ValidationError, match="延续后的有效期"):
        services.add_cleanup_entry(
            actor=office, batch=batch, document=document, conclusion=Conclusion.RENEW, reason="继续"
        )
    services.add_cleanup_entry(
        actor=office, batch=batch, document=document, conclusion=Conclusion.LAPSE, reason="情况变化"
    )
    document.refresh_from_db()
    assert document.status == Validity.VALID
    services.publish_cleanup(actor=office, batch=batch, published_date=TODAY)
    document.refresh_from_db()
    assert document.status == Validity.LAPSED
    # A department cannot put the government's document into its clean-up.
    drafter = demo.users["donghu_drafter"]
    own = services.start_cleanup(
        actor=drafter,
        unit=demo.units["donghu_enf0"],
        title="部门清理",
        kind="special",
        started_date=TODAY,
    )
    other = NormativeDocument.objects.get(title="湖滨片区老旧小区改造管理办法")
    with pytest.raises(Exception, match="只能清理本机关有权办理的文件"):
        services.add_cleanup_entry(
            actor=drafter, batch=own, document=other, conclusion=Conclusion.REPEAL, reason="x"
        )


def test_a_post_evaluation_needs_a_document_in_force(demo):
    office = demo.users["donghu_govoffice"]
    draft = NormativeDocument.objects.get(title="湖滨城市绿化养护管理办法")
    with pytest.raises(ValidationError, match="只能对已公布施行的文件进行后评估"):
        services.record_evaluation(
            actor=office,
            document=draft,
            evaluator="法学会",
            method="问卷",
            date=TODAY,
            report="—",
            conclusion=Conclusion.CONTINUE,
        )


def _workbook(*rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([field.label for field in DOCUMENTS.fields])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD = (
    "湖滨历史管理办法",
    "东政发[2023]7号",
    "DHZD01-2023-0007",
    "合法",
    "2023-03-01",
    "2023-03-10",
    "2023-04-10",
    "",
    "2028-04-09",
    "有效",
    "2023-03-20",
)


def test_an_import_row_with_an_unknown_doc_number_refuses_all_rows(demo):
    office = demo.users["donghu_govoffice"]
    bad = (
        "湖滨另一办法",
        "东政发2023第8号",
        "DHZD01-2023-0008",
        "合法",
        "2023-03-01",
        "2023-03-10",
        "2023-04-10",
        "",
        "",
        "有效",
        "",
    )
    before = NormativeDocument.objects.count()
    with pytest.raises(ImportRefused) as refused:
        services.import_documents(
            actor=office,
            unit=demo.units["donghu_gov"],
            data=_workbook(GOOD, bad),
            filing_body=demo.units["donghu_justice"],
        )
    assert [str(e) for e in refused.value.errors] == [
        "第3行“文号”：“东政发2023第8号”格式不正确，应如“东政发〔2025〕3号”"
    ]
    assert NormativeDocument.objects.count() == before


def test_an_import_of_a_register_with_its_filings(demo):
    office = demo.users["donghu_govoffice"]
    count = services.import_documents(
        actor=office,
        unit=demo.units["donghu_gov"],
        data=_workbook(GOOD),
        filing_body=demo.units["donghu_justice"],
    )
    assert count == 1
    document = NormativeDocument.objects.get(doc_number="东政发〔2023〕7号")
    assert document.stage == "published" and document.filing.filed_date == datetime.date(
        2023, 3, 20
    )
    assert not document.filing.late  # 10 days after publication
    with pytest.raises(ImportRefused, match="已登记东政发〔2023〕7号"):
        services.import_documents(
            actor=office,
            unit=demo.units["donghu_gov"],
            data=_workbook(GOOD),
            filing_body=demo.units["donghu_justice"],
        )


def test_the_import_page_serves_its_template(demo, client_as):
    response = client_as(demo.users["donghu_govoffice"]).get(
        reverse("rulemaking:document_import") + "?template=1"
    )
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
