"""The 调解文书 of the case file, from Word templates a unit may replace: the file's order,
what each 文书 holds, the unit's own template, ID numbers as the reader may see them."""

import datetime
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fazhi.core import services as core_services
from fazhi.core import wordtemplates
from fazhi.core.roles import Role, WorkLine
from fazhi.mediation import documents, services

D = datetime.date
ID = "370402199002025017"


def test_the_default_templates_use_only_their_fields():
    for paper in documents.PAPERS:
        kind = wordtemplates.KINDS[paper.template_key]
        wordtemplates.check(kind.default_template(), kind.field_names)


@pytest.fixture
def agreed(world, dispute):
    case = dispute(received=D(2025, 9, 26))
    services.add_party(
        actor=world.mediator,
        dispute=case,
        role="respondent",
        name="王某某",
        gender="male",
        age=52,
        address="测试区湖滨社区3号",
        id_number=ID,
    )
    services.record_session(
        actor=world.mediator,
        dispute=case,
        date=D(2025, 9, 29),
        place="湖滨社区调解室",
        present="双方当事人、调解员林主任",
        record="双方同意共同清理排水沟。",
    )
    services.record_agreement(
        actor=world.mediator,
        dispute=case,
        form="written",
        content="王某某于十日内疏通排水沟并赔偿张某某损失。",
        amount=1200,
        performance_term="2025年10月15日前一次付清",
        parties_signed=True,
        mediator_signed=True,
        sealed=True,
        effective_date=D(2025, 9, 30),
    )
    return case


def test_the_case_file_in_its_order_and_the_agreement(world, agreed, client_as):
    assert [p.key for p in documents.papers_of(agreed)] == [
        "application",
        "rights_notice",
        "session_record",
        "agreement",
    ]
    client = client_as(world.mediator)
    page = client.get(agreed.get_absolute_url()).content.decode()
    assert page.index("人民调解受理登记表") < page.index("人民调解协议书")
    url = reverse("mediation:dispute_document", kwargs={"pk": agreed.pk})
    response = client.get(url, {"kind": "agreement"})
    assert response.status_code == 200
    assert unquote(response["Content-Disposition"]).endswith("人民调解协议书.docx")
    text = wordtemplates.plain_text(b"".join(response.streaming_content))
    assert "湖滨社区人民调解委员会" in text and agreed.number in text
    assert "王某某于十日内疏通排水沟并赔偿张某某损失。" in text
    assert "1,200.00元" in text and "生效日期：2025年9月30日" in text
    assert "{{" not in text and "{%" not in text
    # a 文书 the case does not have (no 回访, not ended), or another district's case
    assert client.get(url, {"kind": "follow_up"}).status_code == 404
    assert client.get(url, {"kind": "termination"}).status_code == 404
    other = client_as(world.neighbour_mediator)
    assert other.get(url, {"kind": "agreement"}).status_code == 404


def test_the_unit_replaces_a_template(world, agreed, client_as):
    own = wordtemplates.build(
        (("title", "{{ 调解组织 }}调解协议书（本所格式）"), ("body", "协议：{{ 协议内容 }}"))
    )
    core_services.upload_word_template(
        actor=world.admin,
        unit=world.town,
        key="mediation.agreement",
        uploaded_file=SimpleUploadedFile("协议书.docx", own),
    )
    content = documents.render(agreed, world.mediator, documents.BY_KEY["agreement"])
    text = wordtemplates.plain_text(content)
    assert "（本所格式）" in text and "协议：王某某于十日内" in text
    bad = wordtemplates.build((("body", "{{ 银行账号 }}"),))
    with pytest.raises(ValidationError, match="银行账号"):
        core_services.upload_word_template(
            actor=world.admin,
            unit=world.town,
            key="mediation.agreement",
            uploaded_file=SimpleUploadedFile("坏.docx", bad),
        )


def test_id_numbers_as_the_reader_may_see_them(world, agreed):
    viewer = core_services.create_user(
        actor=world.admin,
        username="town_viewer",
        full_name="town_viewer",
        password="Test#Pass2026",
        unit=world.town,
        must_change_password=False,
        role=Role.INSPECTOR,
        work_lines=[WorkLine.MEDIATION],
    )
    paper = documents.BY_KEY["application"]
    full = "\n".join(documents.context_for(agreed, world.mediator, paper)["当事人"])
    masked = "\n".join(documents.context_for(agreed, viewer, paper)["当事人"])
    assert ID in full and ID not in masked and ID[-4:] in masked


def test_the_termination_tells_the_other_routes(world, dispute):
    case = dispute(received=D(2025, 9, 26))
    services.end_mediation(
        actor=world.mediator,
        dispute=case,
        reason="failed",
        ended_date=D(2025, 10, 9),
        routes_told="向人民法院提起诉讼",
    )
    assert documents.papers_of(case)[-1].key == "termination"
    text = wordtemplates.plain_text(
        documents.render(case, world.mediator, documents.BY_KEY["termination"])
    )
    assert "本委员会于2025年10月9日终止调解" in text and "向人民法院提起诉讼" in text
    assert "人民调解法》第二十六条" in text
