"""The 审批卷 and 承办卷 of a finished case: the parts in the official order (温州
法律援助案卷管理办法 第七条 for the 审批卷), numbered over the parts that apply, nothing of
the template left, sensitive parts only for those who may see them."""

import datetime
from decimal import Decimal

from django.urls import reverse

from fazhi.core import wordtemplates
from fazhi.core.models import DomainEvent
from fazhi.legal_aid import documents, services
from fazhi.legal_aid.models import ProgressKind, QualityMethod

D = datetime.date


def finished_application(aid):
    case = aid.apply(received=D(2025, 9, 1))
    services.grant(actor=aid.reviewer, case=case, decided_date=D(2025, 9, 3))
    lawyer = aid.provider(5, name="王律师")
    services.assign(actor=aid.officer, case=case, provider=lawyer, assigned_date=D(2025, 9, 4))
    services.record_agreement(actor=aid.officer, case=case, agreement_date=D(2025, 9, 5))
    for day, kind in ((8, ProgressKind.MEETING), (10, ProgressKind.HEARING)):
        services.record_progress(actor=aid.officer, case=case, date=D(2025, 9, day), kind=kind)
    services.close(
        actor=aid.officer,
        case=case,
        concluded_date=D(2025, 9, 20),
        closed_date=D(2025, 9, 25),
        result="调解结案，支付工资",
        amount_recovered=Decimal("12000"),
    )
    services.record_quality_check(
        actor=aid.reviewer, case=case, date=D(2025, 9, 26), method=QualityMethod.FILE, grade="good"
    )
    return case


def text_of(content: bytes) -> str:
    assert wordtemplates.leftover_fields(content) == []
    return wordtemplates.plain_text(content)


def in_order(text: str, parts) -> list[int]:
    return [text.index(f"、{part.title}\n") for part in parts]


def test_the_approval_file_holds_its_ten_parts_in_the_official_order(aid):
    case = finished_application(aid)
    text = text_of(documents.case_file_docx(case, "approval", aid.reviewer, D(2025, 9, 30)))
    body = text[text.index("一、法律援助申请") :]
    positions = in_order(body, documents.APPROVAL_PARTS)
    assert positions == sorted(positions)
    assert "十、案件结案审查" in body and "七、送达回证" in body
    # The 卷内目录 lists them too, before the parts.
    assert text.index("卷内目录") < text.index("一、法律援助申请")
    assert "法援指〔2025〕" in case.assignment_number
    assert f"指派号：{case.assignment_number}" in text
    assert "诚信承诺：无固定收入" in body  # the reviewer sees the economic evidence
    assert "2025年9月26日案卷检查：良好" in body
    assert "None" not in text and "未指派" not in text


def test_a_notified_file_leaves_out_the_application_parts_and_numbers_without_gaps(aid):
    case = aid.notice(received=D(2025, 9, 1))
    services.assign(
        actor=aid.officer, case=case, provider=aid.provider(5), assigned_date=D(2025, 9, 2)
    )
    services.close(
        actor=aid.officer,
        case=case,
        concluded_date=D(2025, 9, 20),
        closed_date=D(2025, 9, 21),
        result="判处有期徒刑三年",
    )
    text = text_of(documents.case_file_docx(case, "approval", aid.reviewer, D(2025, 9, 30)))
    assert "申请人身份证明材料" not in text and "经济困难证明材料" not in text
    assert "二、决定、指派材料" in text and "六、案件结案审查" in text
    assert "七、" not in text


def test_the_handling_file_follows_the_handling_and_hides_the_charge_from_others(aid, demo):
    case = finished_application(aid)
    text = text_of(documents.case_file_docx(case, "handling", aid.officer, D(2025, 9, 30)))
    body = text[text.index("一、指派通知书") :]
    positions = in_order(body, documents.HANDLING_PARTS)
    assert positions == sorted(positions)
    assert "2025年9月8日会见" in body and "2025年9月10日开庭" in body
    assert "本平台未登记阅卷" in body


def test_the_file_is_served_to_its_keepers_with_the_view_recorded(aid, client, demo):
    case = finished_application(aid)
    url = reverse("legal_aid:case_file", kwargs={"pk": case.pk})
    client.force_login(aid.reviewer)
    response = client.get(url)
    assert response.status_code == 200
    assert "docx" in response["Content-Disposition"]
    event = DomainEvent.objects.filter(action="legal_aid.sensitive_view").latest("pk")
    assert "审批卷" in event.summary and "经济困难状况" in event.summary
    # The page links both files.
    page = client.get(reverse("legal_aid:case_detail", kwargs={"pk": case.pk})).content.decode()
    assert "法律援助案件审批卷（Word）" in page and "法律援助案件承办卷（Word）" in page


def test_an_open_case_has_no_file_yet(aid, client):
    case = aid.apply(received=D(2025, 9, 1))
    client.force_login(aid.reviewer)
    response = client.get(reverse("legal_aid:case_file", kwargs={"pk": case.pk}))
    assert response.status_code == 302
    assert not documents.available(case, "approval")


def test_the_pdf_of_the_approval_file_holds_the_number_and_the_parts_in_order(aid, client, demo):
    import io

    from pypdf import PdfReader

    case = finished_application(aid)
    url = reverse("legal_aid:case_file", kwargs={"pk": case.pk})
    client.force_login(aid.reviewer)
    before = DomainEvent.objects.filter(action="legal_aid.sensitive_view").count()
    response = client.get(url, {"which": "approval", "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert ".pdf" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    assert case.number in text
    body = text[text.index("一、法律援助申请") :]
    positions = [body.index(f"、{part.title}") for part in documents.APPROVAL_PARTS]
    assert positions == sorted(positions)
    # Recorded like the Word file, and scoped like it: another district's officer finds nothing.
    assert DomainEvent.objects.filter(action="legal_aid.sensitive_view").count() == before + 1
    client.force_login(demo.users["xishan_aid_officer"])
    assert client.get(url, {"format": "pdf"}).status_code == 404
    client.force_login(aid.reviewer)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "format=pdf" in page
