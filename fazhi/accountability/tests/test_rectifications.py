"""The one rectification ledger (督察, 述法 and 执法监督 整改通知), 述法 findings and report
files, 考核 申诉/复核 and the leadership sessions: on the demo, with fixed dates."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from fazhi.accountability import selectors, services
from fazhi.accountability.models import (
    AppealState,
    AssessmentScheme,
    AssessmentScore,
    FindingCategory,
    FindingState,
    LawReport,
    ScoreAppeal,
    SessionKind,
)
from fazhi.core.models import Attachment, DomainEvent
from fazhi.enforcement.models.supervision import RectificationNotice


def _under(unit, area) -> bool:
    return unit.path.startswith(area.path)


def test_the_ledger_unites_findings_and_enforcement_notices_each_by_its_own_scope(demo):
    donghu, xishan = demo.units["donghu"], demo.units["xishan"]
    rows = selectors.rectifications(demo.users["donghu_inspector"])
    sources = {row.source for row in rows}
    assert {"法治督察", "执法监督"} <= sources
    assert all(_under(row.unit, donghu) for row in rows)
    notices = RectificationNotice.objects.filter(agency__path__startswith=donghu.path)
    assert sum(row.source == "执法监督" for row in rows) == notices.count()
    # each row opens its own record, nothing is copied
    urls = {row.url for row in rows}
    assert notices.first().get_absolute_url() in urls
    # the 依法治办's officer acts on 述法·督察·考核 only: no 执法监督 rows for it
    office_rows = selectors.rectifications(demo.users["donghu_office"])
    assert office_rows and {row.source for row in office_rows} == {"法治督察"}
    # the inspected unit's leader: its own rows only; a sibling district: none of these
    leader_rows = selectors.rectifications(demo.users["donghu_leader"])
    assert {r.unit for r in leader_rows if r.source != "执法监督"} == {demo.units["donghu_justice"]}
    assert not any(
        _under(row.unit, donghu) for row in selectors.rectifications(demo.users["xishan_inspector"])
    )
    assert any(
        _under(row.unit, xishan) for row in selectors.rectifications(demo.users["xishan_inspector"])
    )
    # open only: nothing closed
    open_rows = selectors.rectifications(demo.users["donghu_inspector"], open_only=True)
    assert open_rows and all(row.is_open for row in open_rows)
    assert len(open_rows) < len(rows)


def test_the_ledger_page_and_its_export_are_scoped(demo, client_as):
    client = client_as(demo.users["donghu_inspector"])
    page = client.get("/accountability/rectifications/").content.decode()
    notice = RectificationNotice.objects.filter(
        agency__path__startswith=demo.units["donghu"].path
    ).first()
    assert notice.get_absolute_url() in page and "/accountability/findings/" in page
    assert "西山区" not in page
    response = client.get("/accountability/rectifications/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("整改事项", "来源", "出处", "整改单位")
    assert all("西山区" not in (row[3] or "") for row in rows[1:])
    assert len(rows) - 1 == len(selectors.rectifications(demo.users["donghu_inspector"]))
    assert (
        client_as(demo.users["donghu_officer"]).get("/accountability/rectifications/").status_code
        == 403
    )


def _report(demo, key="donghu_justice"):
    return LawReport.objects.filter(unit=demo.units[key]).first()


def test_an_issue_found_in_a_law_report_is_rectified_and_closed_in_the_same_ledger(demo):
    office, leader = demo.users["donghu_office"], demo.users["donghu_leader"]
    report = _report(demo)
    finding = services.add_report_finding(
        actor=office, report=report, category=FindingCategory.DUTY, description="述法未报告应诉情况"
    )
    assert finding.state == FindingState.FED_BACK and finding.plan is None
    assert finding.unit == demo.units["donghu_office"]
    assert finding.fed_back_date == report.reviewed_date
    with pytest.raises(PermissionDenied):
        services.add_report_finding(
            actor=leader, report=report, category=FindingCategory.DUTY, description="自己登记"
        )
    rows = selectors.rectifications(leader)
    assert any(row.source == "述法" and row.url == finding.get_absolute_url() for row in rows)
    assert not any(
        row.url == finding.get_absolute_url()
        for row in selectors.rectifications(demo.users["xishan_inspector"])
    )
    services.submit_plan(
        actor=leader,
        finding=finding,
        measure="下次述法补充应诉情况",
        responsible_department="办公室",
        responsible_person="柏振宇",
        deadline=report.reviewed_date + datetime.timedelta(days=30),
    )
    finding.refresh_from_db()
    assert finding.state == FindingState.RECTIFYING


def test_a_city_units_law_report_finding_is_the_citys_office_whatever_the_paths(demo):
    """Unit paths are random segments: a district's office under the city may sort before
    the city's own. The finding still belongs to the city's 依法治办, and no district's
    ledger shows it (the order-dependent failure of the shared ledger)."""
    city, office = demo.units["city"], demo.units["city_office"]
    office.path = f"{city.path}ffffffffff/"  # after every district's segment
    office.save(update_fields=["path"])
    report = _report(demo, "city_gov")
    finding = services.add_report_finding(
        actor=demo.users["city_office"],
        report=report,
        category=FindingCategory.DUTY,
        description="述法报告未说明复议决定履行情况",
    )
    assert finding.unit == office and finding.inspected_unit == demo.units["city_gov"]
    for key in ("donghu", "xishan", "nanqiao"):
        for user in (f"{key}_office", f"{key}_inspector"):
            urls = {row.url for row in selectors.rectifications(demo.users[user])}
            assert finding.get_absolute_url() not in urls
    assert services.area_office(demo.units["donghu_town0"]) == demo.units["donghu_office"]


def test_a_law_report_file_is_a_checked_upload(demo, client_as):
    report = _report(demo)
    client = client_as(demo.users["donghu_office"])
    url = f"/accountability/law-reports/{report.pk}/upload/"
    fake = SimpleUploadedFile("述法报告.pdf", b"not a pdf at all", content_type="application/pdf")
    response = client.post(url, {"file": fake}, follow=True)
    assert "内容与扩展名 .pdf 不符" in response.content.decode()
    assert not Attachment.objects.filter(target_id=str(report.pk), original_name="述法报告.pdf")
    body = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    pdf = SimpleUploadedFile("述法报告.pdf", body, content_type="application/pdf")
    response = client.post(url, {"file": pdf}, follow=True)
    assert "已上传“述法报告.pdf”" in response.content.decode()
    assert "述法报告.pdf" in client.get(report.get_absolute_url()).content.decode()
    # the leader of another district cannot reach the report at all
    other = client_as(demo.users["xishan_leader"]).post(url, {"file": pdf})
    assert other.status_code == 404


REVIEWED = datetime.date(2025, 9, 29)  # the Monday before 国庆 2025 (10月1日至8日放假)


def _reviewed(demo, code="1.1", score="8"):
    scheme = AssessmentScheme.objects.get(unit=demo.units["donghu_office"])
    item = scheme.items.get(code=code)
    return services.review_score(
        actor=demo.users["donghu_office"],
        item=item,
        assessed_unit=demo.units["donghu_justice"],
        review_score=Decimal(score),
        deduction_reason="佐证材料不全",
        reviewed_date=REVIEWED,
    )


def test_an_appeal_is_filed_within_five_working_days_counted_past_the_national_day(demo):
    score = _reviewed(demo)
    # 9-30 is the first working day; 10-1…10-8 off; 10-9, 10-10, 10-11 (调休上班) and 10-13
    assert services.appeal_due(score) == datetime.date(2025, 10, 13)
    leader = demo.users["donghu_leader"]
    with pytest.raises(ValidationError, match=r"申诉期限已过.*2025-10-13"):
        services.file_appeal(
            actor=leader,
            score=score,
            reason="佐证已齐",
            requested_score=Decimal("10"),
            filed_date=datetime.date(2025, 10, 14),
        )
    with pytest.raises(ValidationError, match="申请得分（11分）不能高于该项分值"):
        services.file_appeal(
            actor=leader,
            score=score,
            reason="佐证已齐",
            requested_score=Decimal("11"),
            filed_date=datetime.date(2025, 10, 13),
        )
    with pytest.raises(PermissionDenied):  # the 依法治办 does not appeal its own score
        services.file_appeal(
            actor=demo.users["donghu_office"],
            score=score,
            reason="x",
            requested_score=Decimal("10"),
            filed_date=datetime.date(2025, 10, 9),
        )
    assert not ScoreAppeal.objects.filter(score=score).exists()
    appeal = services.file_appeal(
        actor=leader,
        score=score,
        reason="佐证已齐",
        requested_score=Decimal("10"),
        filed_date=datetime.date(2025, 10, 13),
    )
    assert appeal.state == AppealState.PENDING and appeal.original_score == Decimal("8")


def test_the_score_changes_only_through_the_decision_and_it_is_audited(demo):
    score = _reviewed(demo)
    office, leader = demo.users["donghu_office"], demo.users["donghu_leader"]
    appeal = services.file_appeal(
        actor=leader,
        score=score,
        reason="佐证已齐",
        requested_score=Decimal("10"),
        filed_date=datetime.date(2025, 10, 9),
    )
    # once appealed, no reviewer changes the score directly
    with pytest.raises(ValidationError, match="只能通过复核决定变更"):
        _reviewed(demo, score="9")
    with pytest.raises((PermissionDenied, ValidationError)):
        services.decide_appeal(
            actor=leader,
            appeal=appeal,
            decided_score=Decimal("10"),
            decision="同意",
            decided_date=datetime.date(2025, 10, 20),
        )
    with pytest.raises(ValidationError, match="复核得分（12分）不能高于该项分值"):
        services.decide_appeal(
            actor=office,
            appeal=appeal,
            decided_score=Decimal("12"),
            decision="同意",
            decided_date=datetime.date(2025, 10, 20),
        )
    assert AssessmentScore.objects.get(pk=score.pk).review_score == Decimal("8")
    services.decide_appeal(
        actor=office,
        appeal=appeal,
        decided_score=Decimal("9.5"),
        decision="补充佐证部分成立",
        decided_date=datetime.date(2025, 10, 20),
    )
    score.refresh_from_db()
    assert score.review_score == Decimal("9.5") and "复核改为9.5分" in score.deduction_reason
    assert appeal.state == AppealState.CHANGED
    assert DomainEvent.objects.filter(
        action="accountability.score.appeal_change", target_id=str(score.pk)
    ).exists()
    with pytest.raises(ValidationError, match="已申诉过"):
        services.file_appeal(
            actor=leader,
            score=score,
            reason="再申诉",
            requested_score=Decimal("10"),
            filed_date=datetime.date(2025, 10, 21),
        )
    # appeals are read as scores are: the office and the unit concerned, no sibling
    assert selectors.appeals(leader).filter(pk=appeal.pk).exists()
    assert not selectors.appeals(demo.users["xishan_inspector"]).filter(pk=appeal.pk).exists()
    assert not selectors.appeals(demo.users["donghu_officer"]).exists()


def test_an_appeal_kept_leaves_the_score(demo):
    score = _reviewed(demo, code="1.2", score="7")
    appeal = services.file_appeal(
        actor=demo.users["donghu_leader"],
        score=score,
        reason="不服",
        requested_score=Decimal("9"),
        filed_date=datetime.date(2025, 9, 30),
    )
    services.decide_appeal(
        actor=demo.users["donghu_office"],
        appeal=appeal,
        decided_score=Decimal("7"),
        decision="扣分依据充分，维持原分",
        decided_date=datetime.date(2025, 10, 9),
    )
    score.refresh_from_db()
    assert appeal.state == AppealState.UPHELD and score.review_score == Decimal("7")


def test_leadership_sessions_feed_their_indicators(demo):
    from fazhi.indicators import engine

    office = demo.users["donghu_office"]
    unit = demo.units["donghu_gov"]
    for kind, date in [
        (SessionKind.STUDY, datetime.date(2025, 3, 3)),
        (SessionKind.LECTURE, datetime.date(2025, 6, 5)),
        (SessionKind.MEETING, datetime.date(2025, 9, 30)),
    ]:
        services.record_session(actor=office, unit=unit, kind=kind, date=date, topic="学习民法典")
    values = engine.compute(
        [
            "accountability.leadership_study_sessions",
            "accountability.leadership_meetings_on_rule_of_law",
        ],
        user=None,
        unit=unit,
        period=engine.Period.year(2025),
    )
    assert values["accountability.leadership_study_sessions"] == 2
    assert values["accountability.leadership_meetings_on_rule_of_law"] == 1


def test_the_annual_report_drafts_sessions_and_open_rectifications_linked_to_records(demo):
    from fazhi.accountability.models import Finding
    from fazhi.annual_report import services as report_services

    office = demo.users["donghu_office"]
    for kind, date in [
        (SessionKind.STUDY, datetime.date(2025, 4, 1)),
        (SessionKind.MEETING, datetime.date(2025, 10, 9)),
        (SessionKind.MEETING, datetime.date(2025, 12, 30)),
    ]:
        services.record_session(
            actor=office, unit=demo.units["donghu_gov"], kind=kind, date=date, topic="法治议题"
        )
    # one problem told in 2025 and open at the year's end, one told and closed within 2025
    open_one, closed_one = Finding.objects.filter(unit=demo.units["donghu_office"]).exclude(
        state=FindingState.DRAFT
    )[:2]
    open_one.notified_date = datetime.date(2025, 6, 3)
    open_one.save()
    closed_one.notified_date = datetime.date(2025, 6, 3)
    closed_one.state, closed_one.closed_date = FindingState.CLOSED, datetime.date(2025, 11, 3)
    closed_one.evidence, closed_one.verifier = "整改报告", office
    closed_one.measure = closed_one.measure or "整改"
    closed_one.deadline = closed_one.deadline or datetime.date(2025, 10, 1)
    closed_one.save()
    report = report_services.create_report(
        actor=demo.users["donghu_officer"], unit=demo.units["donghu_justice"], year=2025
    )
    parts = {part.key: part for part in report.parts.all()}
    first = {s.get("indicator"): s for p in parts["first_responsible_person"].generated for s in p}
    assert first["accountability.leadership_study_sessions"]["value"] == "1"
    assert first["accountability.leadership_meetings_on_rule_of_law"]["value"] == "2"
    problems = {s.get("indicator"): s for p in parts["problems"].generated for s in p}
    assert problems["accountability.open_rectifications"]["value"] == "1"
    text = "".join(s["text"] for p in parts["problems"].generated for s in p)
    assert "截至年底尚有1个未整改销号" in text


def test_the_shipped_demonstration_tree_loads_and_no_score_exceeds_its_points(demo):
    from django.core.management import call_command

    tree = services.shipped_tree()
    assert tree["published_counts"] == {"level1": 10, "level2": 34, "level3": 104}
    office = demo.users["donghu_office"]
    scheme = services.create_scheme(
        actor=office,
        unit=demo.units["donghu_office"],
        year=2025,
        name="示范创建自评",
        assessed_units=[demo.units["donghu_gov"]],
    )
    out = io.StringIO()
    call_command("load_demonstration_tree", scheme.pk, user="donghu_office", stdout=out)
    assert "已载入5项指标" in out.getvalue()
    items = {item.code: item for item in scheme.items.all()}
    assert items["1.1.1"].parent == items["1.1"] and items["1.1"].parent == items["1"]
    assert items["1"].name == "政府职能依法全面履行" and items["1.1.1"].level == 3
    with pytest.raises(ValidationError, match="该版本已有考核指标"):
        services.load_shipped_tree(actor=office, scheme=scheme)
    with pytest.raises(ValidationError, match=r"评审得分（1.5分）不能高于该项分值（1.00分）"):
        services.review_score(
            actor=office,
            item=items["1.1.1"],
            assessed_unit=demo.units["donghu_gov"],
            review_score=Decimal("1.5"),
        )
    with pytest.raises(ValidationError, match="上级指标"):
        services.review_score(
            actor=office,
            item=items["1.1"],
            assessed_unit=demo.units["donghu_gov"],
            review_score=Decimal("1"),
        )
    assert not AssessmentScore.objects.filter(item__scheme=scheme).exists()


def test_published_results_follow_the_scores_and_reach_the_first_responsible_part(demo):
    from fazhi.accountability.models import AssessmentResult
    from fazhi.annual_report import drafting

    office, leader = demo.users["donghu_office"], demo.users["donghu_leader"]
    gov, justice = demo.units["donghu_gov"], demo.units["donghu_justice"]
    scheme = services.create_scheme(
        actor=office,
        unit=demo.units["donghu_office"],
        year=2025,
        name="年度考核",
        assessed_units=[gov, justice],
    )
    top = services.add_item(actor=office, scheme=scheme, code="1", name="履职")
    leaf = services.add_item(
        actor=office, scheme=scheme, code="1.1", name="学法", parent=top, points=Decimal("10")
    )
    day = datetime.date(2025, 12, 15)
    services.review_score(
        actor=office, item=leaf, assessed_unit=gov, review_score=Decimal("10"), reviewed_date=day
    )
    with pytest.raises(ValidationError, match="尚有1项评分未评审"):
        services.publish_results(
            actor=office, scheme=scheme, published_date=datetime.date(2025, 12, 17)
        )
    score = services.review_score(
        actor=office,
        item=leaf,
        assessed_unit=justice,
        review_score=Decimal("8"),
        deduction_reason="记录不全",
        reviewed_date=day,
    )
    services.publish_results(
        actor=office, scheme=scheme, published_date=datetime.date(2025, 12, 17)
    )
    result = AssessmentResult.objects.get(scheme=scheme, assessed_unit=justice)
    assert (result.total, result.rank, result.of_total, result.grade) == (
        Decimal("8"),
        2,
        2,
        "良好",
    )
    # the leader sees its own result, not the sibling's; another district sees none
    assert list(selectors.results_of(leader, scheme)) == [result]
    assert not selectors.results_of(demo.users["xishan_inspector"], scheme).exists()
    appeal = services.file_appeal(
        actor=leader,
        score=score,
        reason="记录已补",
        requested_score=Decimal("10"),
        filed_date=datetime.date(2025, 12, 16),
    )
    services.decide_appeal(
        actor=office,
        appeal=appeal,
        decided_score=Decimal("10"),
        decision="补充记录属实",
        decided_date=datetime.date(2025, 12, 19),
    )
    result.refresh_from_db()
    assert (result.total, result.rank, result.grade) == (Decimal("10"), 1, "优秀")
    paragraphs = drafting.draft_first_responsible(demo.units["donghu"], 2025)
    figures = {s["indicator"]: s["value"] for p in paragraphs for s in p if "indicator" in s}
    assert figures["accountability.assessment_results"] == "2"
    assert figures["accountability.assessment_excellent"] == "2"


def test_a_deduction_of_the_assessment_becomes_a_rectification_in_the_same_ledger(demo):
    office, leader = demo.users["donghu_office"], demo.users["donghu_leader"]
    score = _reviewed(demo)  # 8 of 10 points
    finding = services.add_score_finding(
        actor=office, score=score, category=FindingCategory.DUTY, description="学法记录不全"
    )
    assert finding.source_kind == "法治建设考核" and finding.fed_back_date == REVIEWED
    rows = selectors.rectifications(leader)
    assert any(r.source == "法治建设考核" and r.url == finding.get_absolute_url() for r in rows)
    full = services.review_score(
        actor=office,
        item=score.item.scheme.items.get(code="1.2"),  # 1.1 of this unit is under appeal
        assessed_unit=demo.units["donghu_enf0"],
        review_score=Decimal("10"),
        reviewed_date=REVIEWED,
    )
    with pytest.raises(ValidationError, match="未扣分"):
        services.add_score_finding(
            actor=office, score=full, category=FindingCategory.DUTY, description="无"
        )
    with pytest.raises(PermissionDenied):
        services.add_score_finding(
            actor=leader, score=score, category=FindingCategory.DUTY, description="自己登记"
        )


def test_tasks_from_the_city_are_counted_and_closed_once(demo):
    from fazhi.indicators import engine

    office = demo.users["donghu_office"]
    task = services.register_task(
        actor=office,
        unit=demo.units["donghu_office"],
        title="开展法治督察",
        assigned_by="市委全面依法治市委员会",
        assigned_date=datetime.date(2025, 9, 30),
        due_date=datetime.date(2025, 10, 31),
    )
    with pytest.raises(ValidationError, match="完成日期不能早于交办日期"):
        services.complete_task(
            actor=office, task=task, done_date=datetime.date(2025, 9, 1), result="完成"
        )
    services.complete_task(
        actor=office, task=task, done_date=datetime.date(2025, 10, 9), result="已完成"
    )
    with pytest.raises(ValidationError, match="已于2025-10-09完成"):
        services.complete_task(
            actor=office, task=task, done_date=datetime.date(2025, 10, 10), result="再次"
        )
    with pytest.raises(PermissionDenied):
        services.register_task(
            actor=demo.users["donghu_leader"],
            unit=demo.units["donghu_office"],
            title="x",
            assigned_by="x",
            assigned_date=datetime.date(2025, 9, 30),
        )
    values = engine.compute(
        ["accountability.tasks_assigned"],
        user=None,
        unit=demo.units["donghu"],
        period=engine.Period.year(2025),
    )
    assert values["accountability.tasks_assigned"] == 1
    assert not selectors.tasks(demo.users["xishan_inspector"]).filter(pk=task.pk).exists()
