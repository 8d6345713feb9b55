"""The pages, the data rules (who sees economic evidence and the charge, the assigned lawyer's
own cases, the record of each view), the due list, the API and the public lookup."""

import datetime
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.core.deadlines import due_list
from fazhi.core.models import DomainEvent
from fazhi.core.roles import Action
from fazhi.indicators.engine import Period, compute
from fazhi.legal_aid import services
from fazhi.legal_aid.models import AidCase, State, StatusLookup


def _case(demo, key="donghu", **filters):
    return AidCase.objects.filter(unit=demo.units[f"{key}_justice"], **filters).first()


def test_economic_evidence_only_to_reviewers_and_every_view_recorded(demo, client_as):
    case = _case(demo, state=State.RECEIVED)
    evidence = case.economic_evidence
    officer = client_as(demo.users["donghu_aid_officer"])
    page = officer.get(case.get_absolute_url()).content.decode()
    assert evidence not in page and "仅法律援助机构审查人员可见" in page
    reviewer = client_as(demo.users["donghu_aid_reviewer"])
    before = DomainEvent.objects.filter(action="legal_aid.sensitive_view").count()
    assert evidence in reviewer.get(case.get_absolute_url()).content.decode()
    seen = DomainEvent.objects.filter(action="legal_aid.sensitive_view").order_by("-pk")
    assert seen.count() == before + 1
    assert seen[0].actor == demo.users["donghu_aid_reviewer"] and "经济困难状况" in seen[0].summary
    # Superiors see the figures, not the evidence or the charge.
    city = client_as(demo.users["city_leader"]).get(case.get_absolute_url())
    assert city.status_code == 200 and evidence not in city.content.decode()


def test_the_criminal_charge_is_hidden_from_inspectors_and_its_views_recorded(demo, client_as):
    case = _case(demo, origin="notified", state=State.CLOSED)
    inspector = client_as(demo.users["donghu_inspector"])
    page = inspector.get(case.get_absolute_url()).content.decode()
    assert case.criminal_charge not in page
    lawyer = demo.users["donghu_aid_lawyer"]
    assert case.criminal_charge in client_as(lawyer).get(case.get_absolute_url()).content.decode()
    assert DomainEvent.objects.filter(
        actor=lawyer, action="legal_aid.sensitive_view", summary__contains="涉嫌罪名"
    ).exists()


def test_the_assigned_lawyer_sees_only_the_cases_assigned(demo, client_as):
    lawyer = demo.users["donghu_aid_lawyer"]
    visible = set(AidCase.objects.restrict(lawyer).values_list("pk", flat=True))
    assigned = set(AidCase.objects.filter(assigned_user=lawyer).values_list("pk", flat=True))
    assert visible == assigned and len(assigned) == 1
    other = _case(demo, state=State.RECEIVED)
    assert client_as(lawyer).get(other.get_absolute_url()).status_code == 404
    api = client_as(lawyer).get("/api/legal-aid/cases/").json()
    rows = api["results"] if isinstance(api, dict) else api
    assert {row["id"] for row in rows} == assigned


def test_the_ledger_exports_the_cases_in_scope(demo, client_as):
    response = client_as(demo.users["donghu_aid_officer"]).get(
        reverse("legal_aid:case_list") + "?export=xlsx"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers and all(n.startswith("东湖区法援") for n in numbers)
    assert len(numbers) == AidCase.objects.filter(unit=demo.units["donghu_justice"]).count()


def test_the_api_masks_the_id_number_without_personal_data(demo, client_as):
    inspector = client_as(demo.users["donghu_inspector"])
    rows = inspector.get("/api/legal-aid/cases/").json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert rows and all("*" in row["applicant_id_number"] for row in rows)
    assert all("economic_evidence" not in row and "criminal_charge" not in row for row in rows)


def test_the_due_list_carries_every_open_period(demo):
    items = due_list(demo.users["donghu_aid_officer"], timezone.localdate(), 14).items
    bases = {item.basis for item in items if item.work_line == "法律援助"}
    assert {
        "法律援助法 第四十三条第一款",
        "法律援助法 第四十三条第二款",
        "法律援助法 第三十六条",
        "法律援助法 第四十九条第二款",
    } <= bases


def test_a_court_notification_through_the_pages(demo, client_as):
    officer = client_as(demo.users["donghu_aid_officer"])
    page = officer.get(reverse("legal_aid:case_notice")).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    today = timezone.localdate().isoformat()
    response = officer.post(
        reverse("legal_aid:case_notice"),
        {
            "form_token": token,
            "unit": demo.units["donghu_justice"].pk,
            "applicant_name": "页面被告人",
            "applicant_id_number": "370402199002025017",
            "notifying_organ": "procuratorate",
            "case_organ": "东湖区人民检察院",
            "notice_date": today,
            "received_date": today,
            "matter": "art25",
            "summary": "审查起诉阶段没有委托辩护人",
        },
    )
    assert response.status_code == 302
    case = AidCase.objects.get(applicant_name="页面被告人")
    assert case.state == State.GRANTED and case.number.startswith("东湖区法援通")
    detail = officer.get(case.get_absolute_url()).content.decode()
    assert "指派法律援助人员" in detail


def test_the_indicators_count_the_demo(demo):
    admin = demo.admin
    ids = ["legal_aid.cases_accepted", "legal_aid.cases_closed", "legal_aid.subsidies_paid"]
    year = timezone.localdate().year
    values = {}
    for y in (year - 1, year):
        for key, value in compute(
            ids, user=admin, unit=demo.units["donghu"], period=Period.year(y)
        ).items():
            values[key] = values.get(key, 0) + value
    accepted = AidCase.objects.filter(
        unit=demo.units["donghu_justice"], accepted_date__year__in=(year - 1, year)
    ).count()
    assert values["legal_aid.cases_accepted"] == accepted >= 4
    assert values["legal_aid.cases_closed"] == 2
    assert values["legal_aid.subsidies_paid"] == 2000
    # 民事案件占比 (seed 000: 150 of 783, 19%): of the cases accepted, from the records.
    shares = compute(
        ["legal_aid.civil_share", "legal_aid.civil_cases", "legal_aid.cases_accepted"],
        user=admin,
        unit=demo.units["donghu"],
        period=Period(datetime.date(year - 1, 1, 1), datetime.date(year, 12, 31)),
    )
    civil, accepted = shares["legal_aid.civil_cases"], shares["legal_aid.cases_accepted"]
    assert 0 < civil < accepted
    assert float(shares["legal_aid.civil_share"]) == round(civil * 100 / accepted, 2)


# — the public lookup —


@pytest.fixture
def anonymous():
    return Client()


def _lookup(client, number, check, address="203.0.113.9"):
    client.get(reverse("legal_aid:status_lookup"))
    return client.post(
        reverse("legal_aid:status_lookup"),
        {"number": number, "id_check": check},
        REMOTE_ADDR=address,
    ).content.decode()


def test_an_applicant_sees_the_state_and_nothing_else_without_an_account(demo, anonymous):
    case = _case(demo, state=State.SUPPLEMENT)
    page = _lookup(anonymous, case.number, case.applicant_id_number[-6:])
    assert case.get_state_display() in page and case.supplement_items in page
    assert case.applicant_name not in page and case.economic_evidence not in page
    assert case.summary not in page
    assert StatusLookup.objects.filter(case=case, matched=True).count() == 1


def test_a_wrong_id_check_is_refused_and_logged(demo, anonymous):
    case = _case(demo, state=State.SUPPLEMENT)
    page = _lookup(anonymous, case.number, "000000")
    assert "不匹配" in page and case.get_state_display() not in page
    unknown = _lookup(anonymous, "不存在的编号", "000000")
    assert "不匹配" in unknown  # an unknown number answers the same: no probing
    assert StatusLookup.objects.filter(matched=False).count() == 2


def test_lookups_are_rate_limited(demo, anonymous):
    case = _case(demo, state=State.SUPPLEMENT)
    for _ in range(services.LOOKUP_FAILURES_PER_NUMBER):
        _lookup(anonymous, case.number, "111111", address=f"198.51.100.{_}")
    # Even the right check is refused now, from any address.
    page = _lookup(anonymous, case.number, case.applicant_id_number[-6:], address="192.0.2.1")
    assert "查询过于频繁" in page and case.get_state_display() not in page
    for index in range(services.LOOKUP_LIMIT_PER_ADDRESS):
        _lookup(anonymous, f"号{index}", "222222", address="192.0.2.77")
    assert "查询过于频繁" in _lookup(anonymous, "号x", "222222", address="192.0.2.77")


def test_staff_roles_keep_their_actions(demo):
    case = _case(demo, state=State.RECEIVED)
    assert not AidCase.objects.restrict(demo.users["donghu_officer"], Action.VIEW).exists()
    assert AidCase.objects.restrict(demo.users["donghu_leader"]).filter(pk=case.pk).exists()
