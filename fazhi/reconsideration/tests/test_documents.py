"""文书: drafts filled from the case, approved by the role the law names, numbered when issued
(numbers without gaps or duplicates), frozen with their hash, corrected by a new number,
served with a 送达回证; read back with python-docx, and a few rendered to PDF."""

import datetime
import hashlib
import io
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from docx import Document as Docx
from docx.oxml.ns import qn
from docx.shared import Emu

from fazhi.annual_report import pdf
from fazhi.core import wordtemplates
from fazhi.core.models import NumberSequence, Unit
from fazhi.reconsideration import documents, services
from fazhi.reconsideration.models import CaseFile, Document, DocumentService, Outcome

from .conftest import ALL_CONDITIONS, HEARING, D


def read(document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def docx_text(document) -> str:
    return wordtemplates.plain_text(read(document))


def docx_file(content: bytes, name="修改稿.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture
def reviewer(demo):
    return demo.users["donghu_reviewer"]


@pytest.fixture
def issued(reviewer, officer):
    """A notice approved by the 审核人 and issued on `date`."""

    def issue(document, date):
        services.approve_document(actor=reviewer, document=document)
        return services.issue_document(actor=officer, document=document, date=date)

    return issue


def test_a_notice_is_a_draft_until_issued_then_numbered(register, officer, issued):
    case = register()
    case = services.request_supplement(
        actor=officer, case=case, notice_date=D(2024, 9, 29), items="补充罚款决定书"
    )
    notice = case.documents.get(kind="supplement")
    assert (notice.status, notice.number, notice.serial) == ("draft", "", None)
    assert "{{ 文号 }}" in docx_text(notice)
    notice = issued(notice, D(2024, 9, 30))
    assert notice.number == "东湖复补字〔2024〕第1号"
    text = docx_text(notice)
    assert "补正行政复议申请通知书" in text and "东湖复补字〔2024〕第1号" in text
    assert "测试申请人" in text and "补充罚款决定书" in text and "东湖区人民政府" in text
    assert "2024年9月29日" in text and wordtemplates.leftover_fields(read(notice)) == []
    assert notice.sha256 == hashlib.sha256(read(notice)).hexdigest()


def test_numbers_run_per_unit_year_and_kind(register, officer, issued):
    first = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 29), items="甲"
    )
    second = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 30), items="乙"
    )
    next_year = services.request_supplement(
        actor=officer, case=register(received=D(2025, 1, 2)), notice_date=D(2025, 1, 3), items="丙"
    )
    numbers = [
        issued(c.documents.get(kind="supplement"), c.supplement_notice_date).serial
        for c in (first, second, next_year)
    ]
    assert numbers == [1, 2, 1]


def test_a_failed_issue_gives_its_number_back(register, officer, reviewer):
    case = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 29), items="甲"
    )
    notice = services.approve_document(actor=reviewer, document=case.documents.get())
    with pytest.raises(RuntimeError, match="之后出错"), transaction.atomic():
        services.issue_document(actor=officer, document=notice, date=D(2024, 9, 29))
        raise RuntimeError("编号之后出错")
    notice.refresh_from_db()
    notice = services.issue_document(actor=officer, document=notice, date=D(2024, 9, 29))
    assert notice.serial == 1


@pytest.mark.django_db(transaction=True)
def test_numbering_continues_after_the_move_to_the_core_sequence():
    """The migration that moved the sequences into core.NumberSequence keeps their numbers."""
    before = [("reconsideration", "0003_kit_records")]
    after = [("reconsideration", "0004_document_numbers_in_core")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    unit = Unit.objects.create(name="迁移测试司法局", kind=Unit.Kind.JUSTICE_BUREAU, path="/m/")
    old_apps.get_model("reconsideration", "DocumentSequence").objects.create(
        unit_id=unit.pk, year=2031, kind="decision", last_number=41
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    try:
        with transaction.atomic():
            number = documents.next_number(unit=unit, kind="decision", year=2031)
        assert number.serial == 42 and number.text.endswith("〔2031〕第42号")
        sequence = NumberSequence.objects.get(unit=unit, year=2031, kind="reconsideration.decision")
        assert sequence.last == 42
    finally:
        # Back to the latest migrations, for the tests after this one (later migrations add columns).
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_documents_of_a_district_are_hidden_from_its_sibling(register, officer, demo, client_as):
    case = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 29), items="甲"
    )
    notice = case.documents.get()
    for url in (
        f"/reconsideration/documents/{notice.pk}/file/",
        f"/reconsideration/documents/{notice.pk}/",
    ):
        assert client_as(demo.users["xishan_officer"]).get(url).status_code == 404
    response = client_as(officer).get(f"/reconsideration/documents/{notice.pk}/file/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert client_as(officer).get(f"/reconsideration/documents/{notice.pk}/").status_code == 200
    assert Document.objects.restrict(demo.users["xishan_leader"]).filter(pk=notice.pk).count() == 0


# — the decision: every element of the 示范文本, from the case and the officer's text —

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def decided(register, officer, leader):
    """A revoked act: parties with details, evidence in the record, the reply, the facts."""

    def make(**decision):
        case = register(
            received=D(2024, 7, 1),
            act_number="东湖市监罚字〔2024〕31号",
            reasons="被申请人未告知申请人陈述、申辩的权利。",
            applicants=[
                {
                    "kind": "person",
                    "name": "王测试",
                    "id_number": "11010519491231002X",
                    "address": "东湖区东湖路1号",
                    "phone": "13800000000",
                }
            ],
            third_parties=[{"kind": "organisation", "name": "东湖某某商贸有限公司"}],
        )
        case = services.accept(
            actor=officer,
            case=case,
            date=D(2024, 7, 2),
            conditions=ALL_CONDITIONS,
            procedure="ordinary",
        )
        case = services.send_copy(actor=officer, case=case, date=D(2024, 7, 3))
        case = services.record_reply(
            actor=officer, case=case, date=D(2024, 7, 10), summary="处罚认定事实清楚，程序合法。"
        )
        for category, title in (
            (CaseFile.Category.APPLICANT_EVIDENCE, "罚款缴纳凭证"),
            (CaseFile.Category.RESPONDENT_EVIDENCE, "现场检查笔录"),
            (CaseFile.Category.OTHER, "送达地址确认书"),
        ):
            services.attach_case_file(
                actor=officer,
                case=case,
                category=category,
                title=title,
                uploaded_file=SimpleUploadedFile("扫描件.pdf", PDF),
            )
        case = services.hear_views(
            actor=officer, case=case, date=D(2024, 7, 15), summary="电话听取"
        )
        fields = {
            "date": D(2024, 8, 1),
            "outcome": Outcome.REVOKED,
            "ground": "64.2",
            "facts": "被申请人作出处罚决定前未告知申请人陈述、申辩的权利。",
            "reasons": "被申请人违反《中华人民共和国行政处罚法》第四十四条规定的程序。",
            "approval": "delegated",
            "approval_basis": "东湖区人民政府委托",
        }
        fields.update(decision)
        return services.decide(actor=leader, case=case, **fields)

    return make


def test_the_decision_has_every_element_and_renders_to_pdf(
    decided, officer, leader, reviewer, tmp_path
):
    case = decided()
    decision = case.documents.get(kind="decision")
    with pytest.raises(ValidationError, match="负责人审批（第六十一条）"):
        services.approve_document(actor=reviewer, document=decision)
    services.approve_document(actor=leader, document=decision)
    decision = services.issue_document(actor=officer, document=decision, date=D(2024, 8, 2))
    content = read(decision)
    text = wordtemplates.plain_text(content)
    for element in (
        "东湖区人民政府",  # the organ, at the head and over the seal
        "行政复议决定书",
        "东湖复决字〔2024〕第1号",
        "申请人：王测试，公民身份号码11010519491231002X，住址东湖区东湖路1号，联系电话13800000000。",
        "第三人：东湖某某商贸有限公司。",
        "被申请人：",
        "东湖市监罚字〔2024〕31号",  # the contested act's number
        "2024年7月1日向本机关申请行政复议",
        "申请人请求：请求撤销罚款决定",
        "申请人称：被申请人未告知申请人陈述、申辩的权利。",
        "被申请人答复称：处罚认定事实清楚，程序合法。",
        "经审理查明：被申请人作出处罚决定前未告知",
        "1．罚款缴纳凭证（申请人提交的证据）",
        "2．现场检查笔录（被申请人提交的证据、依据）",
        "本机关认为：被申请人违反",
        "根据《中华人民共和国行政复议法》第六十四条第一款第二项的规定，本机关决定：撤销被申请人",
        "十五日内依法向人民法院提起行政诉讼",
        "本决定书自送达之日起发生法律效力",
        "2024年8月1日",
    ):
        assert element in text, element
    assert "送达地址确认书" not in text  # not evidence
    assert "撤销或部分撤销" not in text and wordtemplates.leftover_fields(content) == []
    docx = Docx(io.BytesIO(content))
    section = docx.sections[0]
    assert (round(Emu(section.page_width).mm), round(Emu(section.page_height).mm)) == (210, 297)
    assert docx.paragraphs[-1]._p.find(qn("w:bookmarkStart")).get(qn("w:name")) == "印章位置"
    assert decision.sha256 == hashlib.sha256(content).hexdigest()
    path = tmp_path / "decision.pdf"
    path.write_bytes(pdf.pdf_bytes(content))
    layout = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(layout.split())
    for element in (
        "行政复议决定书",
        "东湖复决字〔2024〕第1号",
        "本机关决定：撤销被申请人",
        "东湖区人民政府",
    ):
        assert element in flat, element


@pytest.mark.parametrize(
    ("outcome", "extra", "words"),
    [
        (Outcome.UPHELD, {"ground": ""}, "第六十八条的规定，本机关决定：维持被申请人"),
        (
            Outcome.ALTERED,
            {"ground": "63.1", "decision_detail": "罚款人民币五百元"},
            "第六十三条第一款第一项的规定，本机关决定：将被申请人",
        ),
        (Outcome.CONFIRMED_ILLEGAL, {"ground": "65.1.2"}, "本机关决定：确认被申请人"),
        (Outcome.CLAIM_DISMISSED, {"ground": ""}, "本机关决定：驳回申请人的行政复议请求。"),
    ],
)
def test_the_decision_is_written_out_in_words(decided, outcome, extra, words, monkeypatch):
    if outcome == Outcome.CLAIM_DISMISSED:
        monkeypatch.setattr(services, "_check_decision", lambda *args, **kwargs: None)
    case = decided(outcome=outcome, **extra)
    text = docx_text(case.documents.get(kind="decision"))
    assert words in text
    if outcome == Outcome.ALTERED:
        assert "变更为：罚款人民币五百元。" in text
    assert Outcome(outcome).label not in text


def test_a_decision_without_the_officers_text_is_not_approved(decided, officer, leader):
    case = decided(facts="", decision_detail="", outcome=Outcome.ALTERED, ground="63.1")
    decision = case.documents.get(kind="decision")
    with pytest.raises(ValidationError, match="经审理查明的事实、变更后的内容"):
        services.approve_document(actor=leader, document=decision)
    decision = services.write_document(
        actor=officer, document=decision, 查明事实="罚款数额明显不当。", 决定内容="罚款五百元"
    )
    assert "经审理查明：罚款数额明显不当。" in docx_text(decision)
    assert services.approve_document(actor=leader, document=decision).status == "approved"


def test_an_edited_draft_is_issued_frozen_and_corrected_by_a_new_number(
    register, officer, issued, reviewer
):
    case = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 29), items="补充身份证明"
    )
    notice = case.documents.get()
    edited = Docx(io.BytesIO(read(notice)))
    edited.add_paragraph("联系人：李科员，电话0000-1234567。")
    buffer = io.BytesIO()
    edited.save(buffer)
    broken = Docx(io.BytesIO(buffer.getvalue()))
    broken.add_paragraph("{{ 罚款金额 }}")
    bad = io.BytesIO()
    broken.save(bad)
    with pytest.raises(ValidationError, match="未知字段“罚款金额”"):
        services.upload_draft(
            actor=officer, document=notice, uploaded_file=docx_file(bad.getvalue())
        )
    notice = services.upload_draft(
        actor=officer, document=notice, uploaded_file=docx_file(buffer.getvalue())
    )
    notice = issued(notice, D(2024, 9, 30))
    assert "联系人：李科员" in docx_text(notice) and notice.number.endswith("第1号")
    with pytest.raises(ValidationError, match="已签发"):
        services.upload_draft(
            actor=officer, document=notice, uploaded_file=docx_file(buffer.getvalue())
        )
    correction = services.correct_document(actor=officer, document=notice, reason="补正事项有误")
    assert correction.corrects == notice and correction.status == "draft"
    correction = issued(correction, datetime.date.today())
    assert correction.number.startswith("东湖复补字") and correction.number != notice.number
    assert f"更正本机关2024年9月29日作出的补正行政复议申请通知书（{notice.number}）" in docx_text(
        correction
    )


def test_service_is_recorded_with_a_receipt_and_the_decision_takes_effect(
    decided, officer, leader, issue_decision
):
    case = decided()
    issue_decision(case, D(2024, 8, 2))
    case = services.serve(actor=officer, case=case, date=D(2024, 8, 5), method="post")
    record = DocumentService.objects.get(document__case=case)
    assert (record.method, record.served_date, record.recipient) == (
        "post",
        D(2024, 8, 5),
        "王测试",
    )
    receipt = record.receipt
    assert receipt.kind == "service_receipt" and receipt.issued and receipt.sha256
    text = docx_text(receipt)
    assert (
        "送达回证" in text
        and "邮寄送达" in text
        and "行政复议决定书（东湖复决字〔2024〕第1号）" in text
    )
    assert "2024年8月5日" in text and wordtemplates.leftover_fields(read(receipt)) == []
    electronic = services.record_service(
        actor=officer,
        document=record.document,
        method="electronic",
        date=D(2024, 8, 6),
        recipient="东湖某某商贸有限公司",
        address="shangmao@example.cn",
    )
    assert "电子送达" in docx_text(electronic.receipt)


def test_every_notice_of_the_case_carries_its_elements(accepted, officer, leader, register):
    """The procedure's notices: the organ, the parties, the statute, the date; no field left."""
    case = accepted(accepted_on=D(2024, 7, 1))
    case = services.send_copy(actor=officer, case=case, date=D(2024, 7, 2))
    case = services.suspend(
        actor=officer, case=case, date=D(2024, 7, 8), ground=5, reason="不可抗力"
    )
    case = services.resume(actor=officer, case=case, date=D(2024, 7, 15))
    case = services.hold_hearing(
        actor=officer, case=case, notice_date=D(2024, 7, 16), date=D(2024, 7, 26), **HEARING
    )
    case = services.extend(actor=leader, case=case, date=D(2024, 8, 1), days=30, reason="案情复杂")
    case = services.mediate(
        actor=officer, case=case, date=D(2024, 8, 5), terms="罚款减为五百元", all_signed=True
    )
    refused = services.refuse(
        actor=officer,
        case=register(),
        date=D(2024, 9, 29),
        failed=["in_scope"],
        reasons="内部人事处理不属于行政复议范围",
    )
    expected = {
        "acceptance": ("行政复议受理通知书", "第三十条"),
        "reply_notice": ("提出答复通知书", "个工作日内提出书面答复"),
        "suspension": ("行政复议中止审理通知书", "第三十九条第一款"),
        "resumption": ("行政复议恢复审理通知书", "恢复审理"),
        "hearing": ("行政复议听证通知书", "2024年07月26日9时30分在东湖区司法局听证室"),
        "extension": ("行政复议延期审理通知书", "第六十二条第一款"),
        "mediation": ("行政复议调解书", "罚款减为五百元"),
    }
    kinds = {d.kind: d for d in case.documents.all()}
    kinds["refusal"] = refused.documents.get()
    expected["refusal"] = ("不予受理行政复议申请决定书", "内部人事处理不属于行政复议范围")
    assert set(expected) <= set(kinds)
    for kind, (title, element) in expected.items():
        text = docx_text(kinds[kind])
        assert title in text and element in text and "东湖区人民政府" in text, kind
        assert "测试申请人" in text, kind
        assert [
            f for f in wordtemplates.leftover_fields(read(kinds[kind])) if "文号" not in f
        ] == []
    hearing = docx_text(kinds["hearing"])
    for element in (
        "拟听证事项：被申请人作出处罚决定的事实和依据。",
        "由王主持主持",
        "李听证、赵听证任听证员",
    ):
        assert element in hearing, element
    assert "孙记录任记录员" in hearing and "被申请人的负责人应当参加听证" in hearing
    assert "被申请人：" in docx_text(kinds["mediation"]) and "申请人：测试申请人" in docx_text(
        kinds["refusal"]
    )


# — templates a bureau changes —


def test_a_unit_template_is_used_and_a_bad_one_refused(demo, register, officer, client_as):
    admin = demo.users["donghu_admin"]
    unit = demo.units["donghu_justice"]
    key = "reconsideration.supplement"
    page = client_as(admin).get(f"/units/{unit.pk}/templates/")
    assert page.status_code == 200 and "{{ 补正" not in page.content.decode()
    assert "{{ 申请人名称 }}" in page.content.decode()
    default = client_as(admin).get(f"/units/{unit.pk}/templates/", {"download": key})
    template = Docx(io.BytesIO(default.content))
    template.add_paragraph("本通知由{{ 复议机构 }}承办。{% if 第三人 %}第三人一并通知。{% endif %}")
    good = io.BytesIO()
    template.save(good)
    for text, message in (
        ("{{ 罚款金额 }}", "未知字段“罚款金额”"),
        ("{% if 申请人名称 %}未闭合", "模板语法错误"),
        ("{% include 'base.html' %}", "不允许的标签"),
        (None, "模板中须有“{{ 文号 }}”"),
    ):
        broken = Docx(io.BytesIO(good.getvalue()))
        if text is None:  # the number's field deleted
            number = next(p for p in broken.paragraphs if "{{ 文号 }}" in p.text)
            number._p.getparent().remove(number._p)
            text = "无文号"
        broken.add_paragraph(text)
        data = io.BytesIO()
        broken.save(data)
        response = client_as(admin).post(
            f"/units/{unit.pk}/templates/upload/",
            {"key": key, "file": docx_file(data.getvalue(), "模板.docx")},
            follow=True,
        )
        assert message in response.content.decode(), message
    response = client_as(officer).post(
        f"/units/{unit.pk}/templates/upload/", {"key": key, "file": docx_file(good.getvalue())}
    )
    assert response.status_code in (403, 404)
    client_as(admin).post(
        f"/units/{unit.pk}/templates/upload/", {"key": key, "file": docx_file(good.getvalue())}
    )
    case = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 29), items="甲"
    )
    assert "本通知由东湖区司法局承办。" in docx_text(case.documents.get())
    client_as(admin).post(f"/units/{unit.pk}/templates/reset/", {"key": key})
    case = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 29), items="乙"
    )
    assert "本通知由" not in docx_text(case.documents.get())


def test_every_shipped_template_passes_its_own_check():
    for kind in wordtemplates.KINDS.values():
        wordtemplates.check(kind.default_template(), kind.field_names)


# — attachments on the case record —


def test_case_files_are_checked_listed_and_scoped(register, officer, demo, client_as):
    case = register()
    with pytest.raises(ValidationError, match="内容与扩展名"):
        services.attach_case_file(
            actor=officer,
            case=case,
            category="application",
            title="申请书",
            uploaded_file=SimpleUploadedFile("申请书.pdf", b"not a pdf"),
        )
    with pytest.raises(ValidationError, match="类型不允许"):
        services.attach_case_file(
            actor=officer,
            case=case,
            category="application",
            title="申请书",
            uploaded_file=SimpleUploadedFile("申请书.exe", PDF),
        )
    page = client_as(officer).get(f"/reconsideration/cases/{case.pk}/")
    token = page.context["file_form"]["form_token"].value()
    client_as(officer).post(
        f"/reconsideration/cases/{case.pk}/files/",
        {
            "category": "application",
            "title": "行政复议申请书",
            "form_token": token,
            "uploaded_file": SimpleUploadedFile("申请书.pdf", PDF),
        },
    )
    case_file = case.files.get()
    page = client_as(officer).get(f"/reconsideration/cases/{case.pk}/").content.decode()
    assert "行政复议申请书" in page
    url = f"/attachments/{case_file.attachment.pk}/"
    assert client_as(officer).get(url).status_code == 200
    assert client_as(demo.users["xishan_officer"]).get(url).status_code == 404


def test_opinion_and_suggestion_letters_are_documents_of_their_own(demo, officer, client_as):
    unit = demo.units["donghu_justice"]
    for kind, title in (("opinion", "行政复议意见书"), ("suggestion", "行政复议建议书")):
        letter = services.issue_letter(
            actor=officer,
            unit=unit,
            kind=kind,
            recipient="东湖区市场监督管理局",
            issued_date=D(2024, 9, 2),
            content="行政处罚告知程序不规范，请予纠正。",
        )
        document = letter.documents.get()
        text = docx_text(document)
        assert title in text and "东湖区市场监督管理局：" in text and "告知程序不规范" in text
        assert ("第七十六条" in text) == (kind == "opinion")
        assert documents.approver_roles(document.kind) == ("leader",)
        page = client_as(officer).get(f"/reconsideration/letters/{letter.pk}/").content.decode()
        assert f"/reconsideration/documents/{document.pk}/" in page
