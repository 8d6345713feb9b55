"""入企执法报备, 案卷评查 and 监督检查 with rectification to closure."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from fazhi.core.deadlines import due_list
from fazhi.core.models import NumberSequence
from fazhi.core.numbering import area_short_name
from fazhi.enforcement import selectors, services
from fazhi.enforcement.models import (
    CaseFile,
    EnforcementAction,
    EnterpriseInspection,
    NoticeStatus,
    Score,
)

from .conftest import TODAY, ago, issue_notice

CODE = "91350100M000100Y0"


def _code(base: str = "91370202MA3C00010") -> str:
    from stdnum.cn import uscc

    return base + uscc.calc_check_digit(base)


def _report(world, officers, unit=None, code=None, day=None):
    return services.report_inspection(
        actor=world.actor,
        unit=unit or world.market,
        enterprise="测试机械有限公司",
        credit_code=code or _code(),
        purpose="双随机抽查",
        legal_basis="《安全生产法》第六十五条",
        planned_date=day or ago(2),
        officers=officers,
    )


def test_an_invalid_credit_code_is_refused_and_nothing_is_written(world, certified):
    with pytest.raises(ValidationError, match="统一社会信用代码.*无效"):
        _report(world, [certified(), certified()], code="91370202MA3C000109")
    assert not EnterpriseInspection.objects.filter(enterprise="测试机械有限公司").exists()


def test_an_officer_without_a_valid_certificate_cannot_be_on_an_inspection(world, certified):
    """行政处罚法 第四十二条、第五十五条: inspections by two officers showing their certificates."""
    lapsed = certified(issued_ago=400)  # 年审 missed
    with pytest.raises(ValidationError, match="未按期年审"):
        _report(world, [certified(), lapsed])


def test_inspections_of_one_enterprise_by_several_agencies_are_shown(world, certified):
    first = _report(world, [certified(), certified()])
    other = _report(
        world,
        [certified(world.transport), certified(world.transport)],
        unit=world.transport,
        day=ago(20),
    )
    far = _report(world, [certified(), certified()], code=_code("91370202MA3C00020"), day=ago(1))
    assert list(selectors.repeated_inspections(world.actor, first)) == [other]
    marked = selectors.search_enterprise_inspections(world.actor, repeated=True)
    assert set(marked) == {first, other} and far not in marked
    services.record_inspection_result(
        actor=world.actor, inspection=first, result_date=ago(1), result="未发现问题"
    )
    with pytest.raises(ValidationError, match="已检查"):
        services.record_inspection_result(
            actor=world.actor, inspection=first, result_date=ago(1), result="再次"
        )


def _campaign_with_files(world, certified):
    officers = [certified(), certified()]
    for n in range(3):
        action = services.register_action(
            actor=world.actor,
            unit=world.market,
            kind="penalty",
            number=f"罚{n}",
            party="某店",
            summary="违法经营",
            started_date=ago(30),
            officers=officers,
        )
        services.decide_action(
            actor=world.actor, enforcement_action=action, decided_date=ago(20), outcome="penalized"
        )
    campaign = services.create_campaign(
        actor=world.actor,
        unit=world.justice,
        title="测试区案卷评查",
        year=TODAY.year,
        started_date=ago(10),
    )
    files = services.select_case_files(
        actor=world.actor,
        campaign=campaign,
        candidates=selectors.selectable_actions(world.actor, campaign),
        count=2,
        seed=1,
    )
    return campaign, files


def test_a_campaign_draws_files_at_random_per_agency(world, certified):
    campaign, files = _campaign_with_files(world, certified)
    assert len(files) == 2 and all(f.selected_randomly for f in files)
    assert selectors.selectable_actions(world.actor, campaign).count() == 1
    with pytest.raises(ValidationError, match="没有可抽取"):
        services.select_case_files(
            actor=world.actor, campaign=campaign, candidates=[f.action for f in files]
        )


def test_files_are_drawn_only_from_the_campaigns_area(world, certified, demo):
    campaign, _ = _campaign_with_files(world, certified)
    elsewhere = EnforcementAction.objects.filter(unit=demo.units["xishan_enf0"], status="decided")
    assert elsewhere.exists()
    with pytest.raises(ValidationError, match="没有可抽取"):
        services.select_case_files(actor=world.actor, campaign=campaign, candidates=list(elsewhere))


def test_a_score_above_an_items_maximum_is_refused_and_nothing_is_written(world, certified):
    campaign, files = _campaign_with_files(world, certified)
    items = list(campaign.score_items.all())
    points = {item.pk: item.max_points for item in items}
    points[items[0].pk] = items[0].max_points + 1
    with pytest.raises(ValidationError, match="超出该项分值"):
        services.score_case_file(
            actor=world.actor, case_file=files[0], points=points, problems="", scored_date=TODAY
        )
    assert not Score.objects.filter(case_file=files[0]).exists()
    assert CaseFile.objects.get(pk=files[0].pk).total is None
    points[items[0].pk] = items[0].max_points - 5
    with pytest.raises(ValidationError, match="请填写发现的问题"):
        services.score_case_file(
            actor=world.actor, case_file=files[0], points=points, problems="", scored_date=TODAY
        )
    scored = services.score_case_file(
        actor=world.actor,
        case_file=files[0],
        points=points,
        problems="文书不规范",
        scored_date=TODAY,
    )
    assert scored.total == 95 and scored.grade == "优秀"


def test_rectification_runs_to_closure_and_overdue_notices_are_flagged(world, certified):
    campaign, files = _campaign_with_files(world, certified)
    notice = issue_notice(
        world,
        agency=world.market,
        campaign=campaign,
        problems="整改文书",
        issued_date=ago(10),
        due_date=ago(1),
    )
    assert notice.overdue(TODAY)
    assert notice in selectors.notices(world.actor, overdue_on=TODAY)
    assert any(notice.number in item.title for item in due_list(world.actor, TODAY).items)
    with pytest.raises(ValidationError, match="反馈整改情况后方可销号"):
        services.close_notice(actor=world.actor, notice=notice, closed_date=TODAY)
    services.respond_notice(
        actor=world.actor, notice=notice, responded_date=TODAY, response="已整改"
    )
    services.close_notice(actor=world.actor, notice=notice, closed_date=TODAY)
    assert notice.status == NoticeStatus.CLOSED and notice.overdue(TODAY)  # answered late
    with pytest.raises(ValidationError, match="没有测试区交通运输局的案卷"):
        issue_notice(
            world,
            agency=world.transport,
            campaign=campaign,
            problems="x",
            issued_date=TODAY,
            due_date=TODAY + datetime.timedelta(days=5),
        )


def test_a_supervision_inspection_issues_notices_to_inspected_agencies(world):
    inspection = services.create_supervision(
        actor=world.actor,
        unit=world.justice,
        kind="special",
        title="专项监督",
        scope="三项制度",
        team="执法监督科",
        date=ago(5),
        agencies=[world.market],
    )
    with pytest.raises(ValidationError, match="不是该次监督检查的被检查单位"):
        issue_notice(
            world,
            agency=world.transport,
            inspection=inspection,
            problems="x",
            issued_date=ago(4),
            due_date=ago(-5),
        )
    notice = issue_notice(
        world,
        agency=world.market,
        inspection=inspection,
        problems="整改",
        issued_date=ago(4),
        due_date=ago(-5),
    )
    prefix = area_short_name(notice.unit)
    assert notice.number == f"{prefix}执法监督整改〔{ago(4).year}〕1号" and not notice.overdue(
        TODAY
    )


def test_a_cancelled_report_is_neither_counted_nor_shown_as_repeated(world, certified):
    from fazhi.indicators import engine
    from fazhi.indicators.engine import Period

    first = _report(world, [certified(), certified()])
    other = _report(
        world, [certified(world.transport), certified(world.transport)], unit=world.transport
    )
    with pytest.raises(ValidationError, match="请填写取消的理由"):
        services.cancel_inspection(actor=world.actor, inspection=other, reason="")
    services.cancel_inspection(actor=world.actor, inspection=other, reason="并入联合检查")
    assert not selectors.search_enterprise_inspections(world.actor, repeated=True).exists()
    period = Period(ago(30), TODAY)
    values = engine.compute(
        ["enforcement.enterprise_inspections_reported"],
        user=world.actor,
        unit=world.district,
        period=period,
    )
    assert values == {"enforcement.enterprise_inspections_reported": 1}
    with pytest.raises(ValidationError, match="已取消"):
        services.record_inspection_result(
            actor=world.actor, inspection=other, result_date=TODAY, result="x"
        )
    assert first.status == "reported"


def test_an_agency_is_an_enforcement_department_or_a_township_with_devolved_powers(world):
    from fazhi.core import services as core_services

    town = core_services.create_unit(
        actor=world.admin, name="测试街道", kind="township", parent=world.district
    )
    with pytest.raises(ValidationError, match="赋权事项"):
        services.register_agency(actor=world.actor, unit=town, legal_basis="编制规定")
    with pytest.raises(ValidationError, match="不是行政执法部门"):
        services.register_agency(actor=world.actor, unit=world.justice, legal_basis="编制规定")
    agency = services.register_agency(
        actor=world.actor,
        unit=town,
        legal_basis="编制规定",
        devolved_powers="城市管理处罚权\n\n农业检查权",
    )
    assert agency.devolved_list == ["城市管理处罚权", "农业检查权"]


def _inspected(world):
    return services.create_supervision(
        actor=world.actor,
        unit=world.justice,
        kind="special",
        title="编号监督",
        scope="三项制度",
        team="执法监督科",
        date=ago(5),
        agencies=[world.market, world.transport],
    )


def _notice(world, inspection, agency):
    return issue_notice(
        world,
        agency=agency,
        inspection=inspection,
        problems="整改",
        issued_date=ago(4),
        due_date=ago(-5),
    )


def test_notices_of_one_unit_and_year_get_different_numbers(world):
    inspection = _inspected(world)
    agencies = (world.market, world.transport, world.market)
    notices = [_notice(world, inspection, agency) for agency in agencies]
    prefix = area_short_name(notices[0].unit)
    assert prefix and prefix in notices[0].unit.name + notices[0].unit.parent.name
    assert [n.number for n in notices] == [
        f"{prefix}执法监督整改〔{ago(4).year}〕{serial}号" for serial in (1, 2, 3)
    ]


@pytest.mark.django_db(transaction=True)
def test_numbering_continues_after_the_highest_number_given_before_the_move(world):
    """The migration into the core sequence starts each unit's year after its highest
    number, where counting the notices (the old count()+1) would give a number again."""
    inspection = _inspected(world)
    _notice(world, inspection, world.market)
    second = _notice(world, inspection, world.transport)
    year = ago(4).year
    prefix = area_short_name(second.unit)
    second.number = f"{prefix}执法监督整改〔{year}〕5号"
    second.save()
    executor = MigrationExecutor(connection)
    executor.migrate([("enforcement", "0002_kit_records")])  # back before the move
    assert not NumberSequence.objects.filter(kind="enforcement.rectification_notice").exists()
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    # Forward to the latest migrations, not only to the move: later tests need every column.
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert _notice(world, inspection, world.market).number == f"{prefix}执法监督整改〔{year}〕6号"


def test_the_notice_is_a_complete_document_in_word_and_pdf(world, client, tmp_path):
    """执法监督整改通知书: organ, number, addressee, source, problems, period, date, seal."""
    import io
    import subprocess

    from docx import Document
    from docx.oxml.ns import qn

    from fazhi.annual_report import pdf
    from fazhi.core import wordtemplates

    inspection = _inspected(world)
    notice = issue_notice(
        world,
        agency=world.market,
        inspection=inspection,
        problems="行政处罚决定书未载明救济途径。\n执法全过程记录不完整。",
        issued_date=ago(4),
        due_date=ago(-5),
    )
    document = notice.documents.get()
    content = document.file.read()
    docx = Document(io.BytesIO(content))
    text = "\n".join(p.text for p in docx.paragraphs)
    for element in (
        "测试区司法局",
        "行政执法监督整改通知书",
        notice.number,
        "测试区市场监督管理局：",
        "“编号监督”行政执法监督检查",
        "行政处罚决定书未载明救济途径。",
        "执法全过程记录不完整。",
        wordtemplates.chinese_date(notice.due_date) + "前将整改情况书面报送本机关",
        wordtemplates.chinese_date(notice.issued_date),
    ):
        assert element in text, element
    assert wordtemplates.leftover_fields(content) == []
    assert docx.paragraphs[-1]._p.find(qn("w:bookmarkStart")) is not None  # the seal's place
    client.force_login(world.actor)
    response = client.get(f"/enforcement/notice-documents/{document.pk}/file/")
    assert b"".join(response.streaming_content) == content
    path = tmp_path / "notice.pdf"
    path.write_bytes(pdf.pdf_bytes(content))
    flat = "".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert notice.number in flat and "执法全过程记录不完整" in flat


def test_the_notice_goes_through_draft_approval_issue_and_service(world, client):
    """呈批: drafted unnumbered and not yet running; approved only by the 负责人; numbered and
    frozen (SHA-256) when issued, the period then running; served with a 送达回证; a
    correction is a new numbered 通知书 naming the old one."""
    import hashlib

    from django.core.exceptions import PermissionDenied
    from django.urls import reverse

    from fazhi.core import services as core_services
    from fazhi.core import wordtemplates
    from fazhi.core.roles import DataScope, Role
    from fazhi.enforcement.models import NoticeDocument

    inspection = _inspected(world)
    notice = services.issue_notice(
        actor=world.actor,
        agency=world.market,
        inspection=inspection,
        problems="执法全过程记录不完整。",
        issued_date=ago(4),
        due_date=ago(-5),
    )
    document = notice.documents.get()
    assert notice.status == NoticeStatus.DRAFT and notice.number == "" and not document.number
    assert "{{ 文号 }}" in wordtemplates.plain_text(document.file.read())
    assert not any("整改" in item.title for item in due_list(world.actor, TODAY).items)
    with pytest.raises(ValidationError, match="尚未审批"):
        services.issue_notice_document(actor=world.actor, document=document, date=ago(3))
    reviewer = core_services.create_user(
        actor=world.admin,
        username="section_head",
        full_name="科长",
        password="Test#Pass2026",
        unit=world.justice,
        role=Role.REVIEWER,
        data_scope=DataScope.SUBTREE,
        must_change_password=False,
    )
    with pytest.raises(ValidationError, match="须由负责人审批"):
        services.approve_notice_document(actor=reviewer, document=document)
    with pytest.raises(PermissionDenied):
        services.approve_notice_document(actor=world.actor, document=document)
    services.approve_notice_document(actor=world.leader, document=document)
    with pytest.raises(ValidationError, match="整改期限应晚于签发日期"):
        services.issue_notice_document(
            actor=world.actor, document=_late(world, inspection), date=ago(1)
        )
    services.issue_notice_document(actor=world.actor, document=document, date=ago(3))
    notice.refresh_from_db()
    assert (
        notice.number == f"{area_short_name(notice.unit)}执法监督整改〔{ago(3).year}〕1号"
    )  # none taken by the refused one
    assert notice.status == NoticeStatus.ISSUED and notice.issued_date == ago(3)
    assert document.number == notice.number
    issued = document.file.read()
    assert document.sha256 == hashlib.sha256(issued).hexdigest()
    assert notice.number in wordtemplates.plain_text(issued)
    assert wordtemplates.leftover_fields(issued) == []
    assert any(notice.number in item.title for item in due_list(world.actor, TODAY).items)
    # The download is the frozen file, not a new rendering.
    client.force_login(world.actor)
    response = client.get(reverse("enforcement:notice_document_download", args=[document.pk]))
    assert b"".join(response.streaming_content) == issued
    with pytest.raises(ValidationError, match="不能再修改"):
        services.approve_notice_document(actor=world.leader, document=document)
    served = services.serve_notice_document(
        actor=world.actor,
        document=document,
        method="post",
        date=ago(2),
        recipient=world.market.name,
        note="EMS1234",
    )
    receipt = wordtemplates.plain_text(served.receipt.file.read())
    assert served.receipt.issued and f"行政执法监督整改通知书（{notice.number}）" in receipt
    assert "邮寄送达" in receipt and "EMS1234" in receipt
    correction = services.correct_notice_document(
        actor=world.actor, document=document, reason="整改期限笔误"
    )
    assert correction.corrects == document and correction.status == "draft"
    assert f"（{notice.number}），原文书自本文书送达之日起不再执行" in wordtemplates.plain_text(
        correction.file.read()
    )
    page = client.get(reverse("enforcement:notice_detail", args=[notice.pk])).content.decode()
    assert correction.get_absolute_url() in page
    page = client.get(correction.get_absolute_url()).content.decode()
    assert "待负责人审批" in page and "上传修改稿" in page
    assert NoticeDocument.objects.filter(notice=notice).count() == 3  # 通知书, 回证, 更正


def _late(world, inspection):
    """A draft whose period would end before the day it is issued."""
    late = services.issue_notice(
        actor=world.actor,
        agency=world.market,
        inspection=inspection,
        problems="x",
        issued_date=ago(4),
        due_date=ago(2),
    )
    document = late.documents.get()
    services.approve_notice_document(actor=world.leader, document=document)
    return document
