"""督察 rectification on the due lists of both sides."""

import datetime

from django.utils import timezone

from fazhi.accountability import deadlines, services
from fazhi.accountability.models import Finding, FindingCategory, FindingState, InspectionPlan
from fazhi.publicity import deadlines as publicity_deadlines

TODAY = timezone.localdate()
HORIZON = TODAY + datetime.timedelta(days=30)


def _titles(user):
    return [item.title for item in deadlines.findings_due(user, TODAY, HORIZON)]


def test_the_unit_is_asked_for_its_plan_and_the_office_for_the_late_items(demo):
    office = demo.users["donghu_office"]
    leader = demo.users["donghu_leader"]
    plan = InspectionPlan.objects.get(unit=demo.units["donghu_office"], feedback_date__isnull=False)
    finding = Finding.objects.create(
        unit=plan.unit,
        plan=plan,
        inspected_unit=demo.units["donghu_justice"],
        category=FindingCategory.DUTY,
        description="述法材料未归档",
        state=FindingState.FED_BACK,
        created_by=office,
    )
    assert any("报送整改方案（述法材料未归档" in t for t in _titles(leader))
    # the plan was fed back 55 days ago: late, so the office is asked to escalate it
    assert any("述法材料未归档" in t and "升级督办" in t for t in _titles(office))
    services.submit_plan(
        actor=leader,
        finding=finding,
        measure="归档",
        responsible_department="办公室",
        responsible_person="柏振宇",
        deadline=TODAY + datetime.timedelta(days=10),
    )
    assert any("完成整改并申请销号（述法材料未归档" in t for t in _titles(leader))
    assert not any("述法材料未归档" in t for t in _titles(office))
    services.request_closure(
        actor=leader, finding=finding, progress="已归档", evidence="归档目录", submitted_date=TODAY
    )
    assert any("核验整改佐证材料并销号（述法材料未归档" in t for t in _titles(office))
    assert not any("述法材料未归档" in t for t in _titles(leader))
    # 西山区's leader sees none of it
    assert not any("述法材料未归档" in t for t in _titles(demo.users["xishan_leader"]))


def test_the_year_end_report_of_a_list_is_on_the_publicity_officers_list(demo):
    items = list(
        publicity_deadlines.reports_due(
            demo.users["donghu_publicity"], TODAY, datetime.date(TODAY.year, 12, 31)
        )
    )
    assert [i.title for i in items] == [f"东湖区司法局提交{TODAY.year}年度普法履职报告"]
