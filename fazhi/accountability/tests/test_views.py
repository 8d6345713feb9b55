"""The pages of 督察 · 考核 · 述法 through their forms (with their form tokens), the 销号台账's
Excel file, and the rule that an inspected unit only rectifies."""

import datetime
import io
import re
from decimal import Decimal

from django.utils import timezone
from openpyxl import load_workbook

from fazhi.accountability.models import (
    AssessmentScheme,
    AssessmentScore,
    Finding,
    FindingState,
    InspectionPlan,
)

TODAY = timezone.localdate()


def _token(page) -> str:
    return re.search(r'name="form_token" value="([0-9a-f]+)"', page.content.decode()).group(1)


def _post(client, url, **data):
    return client.post(url, {"form_token": _token(client.get(url)), **data})


def test_the_office_makes_a_plan_registers_a_finding_and_feeds_it_back(demo, client_as):
    client = client_as(demo.users["donghu_office"])
    u = demo.units
    response = _post(
        client,
        "/accountability/inspections/new/",
        unit=u["donghu_office"].pk,
        title="东湖区行政执法专项督察",
        kind="special",
        targets=[u["donghu_enf1"].pk, u["donghu_enf2"].pk],
        groups="第一督导组",
        methods="查阅卷宗",
        start_date=(TODAY - datetime.timedelta(days=5)).isoformat(),
        end_date=TODAY.isoformat(),
    )
    plan = InspectionPlan.objects.get(title="东湖区行政执法专项督察")
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    url = f"/accountability/inspections/{plan.pk}/finding/"
    outside = _post(
        client, url, inspected_unit=u["donghu_enf0"].pk, category="other", description="x"
    )
    assert "选择一个有效的选项" in outside.content.decode()  # not offered: not a target
    _post(
        client,
        url,
        inspected_unit=u["donghu_enf1"].pk,
        category="enforcement",
        description="执法公示不全",
    )
    response = _post(
        client, f"/accountability/inspections/{plan.pk}/feedback/", feedback_date=TODAY.isoformat()
    )
    assert response.status_code == 302
    assert Finding.objects.get(plan=plan).state == FindingState.FED_BACK


def test_the_inspected_leader_reports_a_plan_and_asks_for_closure_in_the_browser_forms(
    demo, client_as
):
    finding = Finding.objects.get(
        inspected_unit=demo.units["donghu_justice"], state=FindingState.CLOSED
    )
    finding = Finding.objects.get(
        plan=finding.plan, inspected_unit=demo.units["donghu_town0"]
    )  # fed back, a unit without a leader account: the leader of 司法局 may not rectify it
    leader = client_as(demo.users["donghu_leader"])
    step = f"/accountability/findings/{finding.pk}/step/?action=submit_plan"
    assert leader.get(f"/accountability/findings/{finding.pk}/").status_code == 404
    assert leader.get(step).status_code == 404
    office = client_as(demo.users["donghu_office"])
    assert office.get(step).status_code == 403  # the office does not rectify for the unit
    page = office.get(f"/accountability/findings/{finding.pk}/").content.decode()
    assert "报送整改方案" not in page and "督办" in page


def test_the_ledger_exports_what_the_user_may_see(demo, client_as):
    response = client_as(demo.users["donghu_office"]).get("/accountability/findings/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("问题", "来源（督察或述法）", "被督察单位")
    units = {row[2] for row in rows[1:]}
    assert units == {"东湖区司法局", "东湖区市场监督管理局", "东湖区湖滨街道"}
    leader = client_as(demo.users["donghu_leader"]).get("/accountability/findings/?export=xlsx")
    rows = list(load_workbook(io.BytesIO(leader.content)).active.iter_rows(values_only=True))
    assert {row[2] for row in rows[1:]} == {"东湖区司法局"}


def test_the_other_lines_officer_sees_no_finding_and_no_score(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    assert client.get("/accountability/findings/").status_code == 200
    assert client.get("/api/accountability/findings/").json()["results"] == []
    scheme = AssessmentScheme.objects.get(unit=demo.units["donghu_office"])
    assert client.get(scheme.get_absolute_url()).status_code == 404


def test_self_score_form_and_the_evidence_link_of_a_computed_item(demo, client_as):
    scheme = AssessmentScheme.objects.get(unit=demo.units["donghu_office"])
    leader = client_as(demo.users["donghu_leader"])
    page = leader.get(scheme.get_absolute_url()).content.decode()
    assert "自评（东湖区司法局）" in page
    assert "/indicators/records/?id=accountability.law_reports&amp;unit=" in page
    assert "东湖区市场监督管理局" not in page  # a sibling's scores and rank stay hidden
    item = scheme.items.get(code="2.1")
    AssessmentScore.objects.filter(item=item, assessed_unit=demo.units["donghu_justice"]).delete()
    url = f"/accountability/assessments/{scheme.pk}/score/"
    too_much = _post(leader, url, item=item.pk, self_score="25", self_evidence="")
    assert "自评得分（25分）不能高于该项分值（20.00分）" in too_much.content.decode()
    done = _post(leader, url, item=item.pk, self_score="18", self_evidence="")
    assert done.status_code == 302
    record = AssessmentScore.objects.get(item=item, assessed_unit=demo.units["donghu_justice"])
    assert record.self_score == Decimal("18")


def test_report_grades_are_hidden_on_the_pages_of_others(demo, client_as):
    admin = (
        client_as(demo.users["donghu_admin"]).get("/accountability/law-reports/").content.decode()
    )
    assert "仅负责人和依法治办可见" in admin and ">好<" not in admin
    coverage = client_as(demo.users["donghu_office"]).get(
        f"/accountability/law-reports/coverage/?year={(TODAY - datetime.timedelta(60)).year}"
    )
    assert "东湖区综合行政执法局" in coverage.content.decode()
