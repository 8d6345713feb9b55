"""起草 → 审核 → 签发 → 报送 → 公开: who may take each step, the checks that block approval,
overrides with an audited reason, returns with comments, frozen submissions and corrections."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fazhi.annual_report import checks, deadlines, services
from fazhi.annual_report.models import AnnualReport, ReportStep, State
from fazhi.core.deadlines import due_list
from fazhi.core.models import DomainEvent

from .conftest import PROSE, expected_2025

pytestmark = pytest.mark.django_db


def _keys(report):
    return {p.key for p in services.problems(report)}


def _through_review(demo, report):
    services.submit_for_review(actor=demo.users["donghu_officer"], report=report)
    services.approve_review(actor=demo.users["donghu_reviewer"], report=report)
    services.sign_report(actor=demo.users["donghu_leader"], report=report)


def test_a_second_report_for_the_same_unit_and_year_is_refused(demo, donghu_2025):
    with pytest.raises(ValidationError, match="已经存在"):
        services.create_report(
            actor=demo.users["donghu_officer"], unit=demo.units["donghu_justice"], year=2025
        )


def test_a_future_year_is_refused(demo):
    with pytest.raises(ValidationError, match="无效"):
        services.create_report(
            actor=demo.users["donghu_officer"], unit=demo.units["donghu_justice"], year=2099
        )


def test_parts_left_empty_or_with_only_the_template_headings_block_approval(demo, donghu_2025):
    assert {"empty:first_responsible_person", "empty:problems", "empty:next_year_plan"} <= _keys(
        donghu_2025
    )
    assert "empty:measures_and_results" not in _keys(donghu_2025)  # it has generated figures
    services.submit_for_review(actor=demo.users["donghu_officer"], report=donghu_2025)
    with pytest.raises(ValidationError) as refused:
        services.approve_review(actor=demo.users["donghu_reviewer"], report=donghu_2025)
    assert any("该部分为空" in m for m in refused.value.messages)
    assert any("须修改或说明理由后才能审核通过" in m for m in refused.value.messages)
    donghu_2025.refresh_from_db()
    assert donghu_2025.state == State.IN_REVIEW


def test_a_narrative_figure_that_contradicts_the_records_is_found_with_its_quote(demo, written):
    received = expected_2025("donghu")["received"]
    services.edit_report(
        actor=demo.users["donghu_officer"],
        report=written,
        title=written.title,
        narratives={"measures_and_results": "全年共收到行政复议申请99件。"},
    )
    problems = services.problems(written)
    wrong = [p for p in problems if p.key.startswith("figure:")]
    assert len(wrong) == 1
    assert f"写为99，按记录计算为{received}" in wrong[0].message
    assert wrong[0].quote and "99件" in wrong[0].quote
    assert "主要举措和成效" in wrong[0].part

    services.edit_report(
        actor=demo.users["donghu_officer"],
        report=written,
        title=written.title,
        narratives={"measures_and_results": f"全年共收到行政复议申请{received}件。"},
    )
    assert not [p for p in services.problems(written) if p.key.startswith("figure:")]


def test_parts_that_do_not_sum_to_their_whole_are_found(demo, written):
    services.edit_report(
        actor=demo.users["donghu_officer"],
        report=written,
        title=written.title,
        narratives={"problems": "行政复议方面，全年审结10件，其中维持8件，驳回5件。"},
    )
    sums = [p for p in services.problems(written) if p.key.startswith("sum:")]
    assert sums and "各项合计13件" in sums[0].message


def test_a_title_that_names_another_year_is_found(demo, written):
    services.edit_report(
        actor=demo.users["donghu_officer"],
        report=written,
        title="东湖区司法局2024年度法治政府建设情况的报告",
        narratives={},
    )
    assert "title" in _keys(written)


def test_override_needs_a_reason_and_is_audited(demo, donghu_2025):
    reviewer = demo.users["donghu_reviewer"]
    with pytest.raises(ValidationError, match="理由"):
        services.override_problem(
            actor=reviewer, report=donghu_2025, problem="empty:problems", reason=" "
        )
    with pytest.raises(PermissionDenied):  # a 经办人 may not wave a problem through
        services.override_problem(
            actor=demo.users["donghu_officer"],
            report=donghu_2025,
            problem="empty:problems",
            reason="无",
        )
    for key in _keys(donghu_2025):
        services.override_problem(
            actor=reviewer, report=donghu_2025, problem=key, reason="本年度另行报告"
        )
    assert checks.open_problems(donghu_2025, services.problems(donghu_2025)) == []
    event = DomainEvent.objects.filter(action="annual_report.override").latest("pk")
    assert event.reason == "本年度另行报告" and event.actor == reviewer
    _through_review(demo, donghu_2025)
    assert donghu_2025.state == State.SIGNED


def test_the_whole_cycle_with_a_return_for_revision(demo, written):
    officer, reviewer, leader = (
        demo.users[f"donghu_{r}"] for r in ("officer", "reviewer", "leader")
    )
    services.submit_for_review(actor=officer, report=written)
    with pytest.raises(ValidationError, match="须填写意见"):
        services.return_for_revision(actor=reviewer, report=written)
    services.return_for_revision(actor=reviewer, report=written, comment="请补充执法监督情况")
    assert written.state == State.DRAFTING
    assert ReportStep.objects.filter(report=written, comment="请补充执法监督情况").exists()

    with pytest.raises(PermissionDenied):  # 负责人 do not draft
        services.submit_for_review(actor=leader, report=written)
    services.submit_for_review(actor=officer, report=written)
    with pytest.raises(PermissionDenied):  # 经办人 do not approve
        services.approve_review(actor=officer, report=written)
    services.approve_review(actor=reviewer, report=written)
    with pytest.raises(PermissionDenied):  # 审核人 do not sign
        services.sign_report(actor=reviewer, report=written)
    services.sign_report(actor=leader, report=written)
    assert (written.signed_by, written.signed_on) == (leader, datetime.date.today())

    services.submit_report(actor=officer, report=written)
    assert written.state == State.SUBMITTED
    assert written.recipients[:3] == ["中共东湖区委", "东湖区人民政府", "示范市司法局"]
    assert written.recipients[-1].endswith("（抄送）")
    with pytest.raises(ValidationError, match="已报送"):
        services.edit_report(actor=officer, report=written, title=written.title, narratives=PROSE)

    services.publish_report(
        actor=officer, report=written, publication_url="https://www.example.gov.cn/a.html"
    )
    assert written.state == State.PUBLISHED and written.is_public
    steps = list(ReportStep.objects.filter(report=written).values_list("action", flat=True))
    assert steps == [
        "submit_for_review",
        "return_for_revision",
        "submit_for_review",
        "approve_review",
        "sign_report",
        "submit_report",
        "publish_report",
    ]


def test_a_step_out_of_order_is_refused(demo, written):
    with pytest.raises(ValidationError, match="不能签发"):
        services.sign_report(actor=demo.users["donghu_leader"], report=written)


def test_a_correction_is_a_new_version_that_keeps_the_old(demo, written):
    officer = demo.users["donghu_officer"]
    with pytest.raises(ValidationError, match="只有已报送"):
        services.start_correction(actor=officer, report=written)
    _through_review(demo, written)
    services.submit_report(actor=officer, report=written)
    correction = services.start_correction(actor=officer, report=written)
    written.refresh_from_db()
    assert written.superseded and written.state == State.SUBMITTED
    assert (correction.version, correction.state, correction.previous_version) == (
        2,
        State.DRAFTING,
        written,
    )
    assert [p.narrative for p in correction.parts.all()] == [
        p.narrative for p in written.parts.all()
    ]
    assert AnnualReport.objects.filter(unit=written.unit, year=2025).count() == 2
    with pytest.raises(ValidationError):  # the old version takes no step any more
        services.publish_report(actor=officer, report=written)


def test_due_dates_follow_the_rules(demo):
    # 督察工作规定: “每年3月1日之前，县级以上各级政府部门应当……报告……；省、市、县政府应当向同级
    # 党委、人大常委会报告……；市、县、乡党委和政府应当向上一级党委和政府报告” — departments and
    # governments by 3月1日; all publish before 4月1日 (第二十四条).
    assert deadlines.report_due(demo.units["donghu_justice"], 2025) == datetime.date(2026, 3, 1)
    assert deadlines.report_due(demo.units["donghu_gov"], 2025) == datetime.date(2026, 3, 1)
    assert deadlines.publish_due(demo.units["donghu_justice"], 2025) == datetime.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("user", "dates", "refusal"),
    [
        ("city_admin", ("02-15", "03-01", "04-10"), "不得晚于规定的03-31"),
        ("city_admin", ("02-15", "03-20", "03-25"), "不得晚于规定的03-01"),
        ("city_admin", ("02-30", "03-20", "03-25"), "不是有效的月-日"),
        ("donghu_admin", ("02-15", "03-20", "03-25"), "无权设置"),  # not the district's to set
    ],
)
def test_reporting_dates_refused(demo, user, dates, refusal):
    with pytest.raises((ValidationError, PermissionDenied), match=refusal):
        services.set_reporting_dates(
            actor=demo.users[user],
            unit=demo.units["city"],
            department_report_by=dates[0],
            government_report_by=dates[1],
            publish_by=dates[2],
        )


def test_an_area_may_set_earlier_dates_for_its_subtree(demo, client_as):
    city_admin = demo.users["city_admin"]
    client = client_as(city_admin)
    page = client.get("/annual-reports/dates/").content.decode()
    assert 'value="03-01"' in page  # the rules' defaults until the city sets its own
    token = re.search(r'name="form_token" value="([0-9a-f]+)"', page).group(1)
    client.post(
        "/annual-reports/dates/",
        {
            "form_token": token,
            "department_report_by": "02-15",
            "government_report_by": "02-20",
            "publish_by": "03-25",
        },
    )
    report = services.create_report(
        actor=demo.users["donghu_officer"], unit=demo.units["donghu_justice"], year=2025
    )
    assert (report.report_due, report.publish_due) == (
        datetime.date(2026, 2, 15),
        datetime.date(2026, 3, 25),
    )
    assert deadlines.report_due(demo.units["donghu_gov"], 2025) == datetime.date(2026, 2, 20)
    assert DomainEvent.objects.filter(action="annual_report.set_dates").exists()
    assert client_as(demo.users["donghu_officer"]).get("/annual-reports/dates/").status_code == 403


def test_reminders_appear_30_days_ahead_and_overdue_is_flagged(demo, donghu_2025):
    officer = demo.users["donghu_officer"]
    due = donghu_2025.report_due

    def titles(today):
        return [i.title for i in due_list(officer, today).items if "年度法治政府建设" in i.title]

    assert titles(due - datetime.timedelta(days=31)) == []
    assert "距期限30天（30天提醒）" in titles(due - datetime.timedelta(days=30))[0]
    assert "距期限14天（14天提醒）" in titles(due - datetime.timedelta(days=14))[0]
    assert "距期限3天（3天提醒）" in titles(due - datetime.timedelta(days=3))[0]
    assert "已逾期2天" in titles(due + datetime.timedelta(days=2))[0]


def test_a_reporting_unit_without_last_years_report_is_reminded(demo):
    today = datetime.date(2026, 2, 20)
    items = [
        i for i in due_list(demo.users["donghu_officer"], today).items if "尚未起草" in i.title
    ]
    assert len(items) == 1
    assert items[0].title.startswith("《东湖区司法局2025年度法治政府建设情况的报告》尚未起草")
    assert items[0].due_date == datetime.date(2026, 3, 1)
