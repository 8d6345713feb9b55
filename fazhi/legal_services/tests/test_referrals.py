"""12348 referrals ("一端发起、三端响应"): a contact opens a 法律援助 application or a 人民调解
dispute through that line's own service, the two name each other, each step audited, and a
user without the other line is refused with nothing written."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from fazhi.core import services as core_services
from fazhi.core.models import DomainEvent
from fazhi.core.roles import DataScope, Role, WorkLine
from fazhi.legal_aid.demo import id_number
from fazhi.legal_aid.models import AidCase, CaseType, EconomicCheck, Matter
from fazhi.legal_services import services
from fazhi.legal_services.models import HotlineContact
from fazhi.mediation import selectors as mediation_selectors
from fazhi.mediation.models import Dispute, DisputeKind

D = datetime.date


@pytest.fixture
def window(demo):
    """The centre's window: 12348, 法律援助 and 人民调解 (本单位及下级)."""
    unit = demo.units["donghu_justice"]
    user = core_services.create_user(
        actor=demo.admin,
        username="donghu_window",
        full_name="窗口",
        password="x-Referral-2025",
        unit=unit,
        role=Role.OFFICER,
        data_scope=DataScope.SUBTREE,
        work_lines=[WorkLine.LEGAL_SERVICES, WorkLine.LEGAL_AID, WorkLine.MEDIATION],
        must_change_password=False,
    )
    contact = services.register_contact(
        actor=user,
        unit=unit,
        contact_date=D(2025, 9, 28),
        channel="phone",
        category="劳动",
        duration_minutes=12,
        summary="被拖欠工资",
    )
    return user, unit, contact


APPLICATION = {
    "applicant_name": "转介申请人",
    "case_type": CaseType.CIVIL,
    "matter": Matter.LABOUR,
    "summary": "拖欠劳动报酬三个月",
    "economic_check": EconomicCheck.PLEDGE,
    "economic_evidence": "诚信承诺：无固定收入",
}


def test_a_referral_opens_the_application_and_both_name_each_other(window, client):
    user, unit, contact = window
    services.refer_to_legal_aid(
        actor=user,
        contact=contact,
        unit=unit,
        received_date=D(2025, 9, 28),
        applicant_id_number=id_number("donghu", 301),
        **APPLICATION,
    )
    contact = HotlineContact.objects.get(pk=contact.pk)
    case = contact.aid_case
    assert contact.referral == "legal_aid" and case.received_date == D(2025, 9, 28)
    assert case.referral_reference == contact.reference and f"第{contact.pk}号" in contact.reference
    assert case.decision_due == D(2025, 10, 9)  # the legal-aid line's own periods
    actions = set(DomainEvent.objects.filter(unit=unit).values_list("action", flat=True))
    assert {"legal_aid.apply", "legal_services.refer_aid"} <= actions
    client.force_login(user)
    page = client.get(reverse("legal_services:contact_detail", kwargs={"pk": contact.pk}))
    assert case.number in page.content.decode()
    detail = client.get(reverse("legal_aid:case_detail", kwargs={"pk": case.pk})).content.decode()
    assert contact.reference in detail
    api = client.get(f"/api/legal-services/contacts/{contact.pk}/").json()
    assert api["aid_case"] == case.pk and api["dispute"] is None
    assert client.get(f"/api/legal-aid/cases/{case.pk}/").json()["referral_reference"] == (
        contact.reference
    )
    with pytest.raises(ValidationError, match="已转介"):
        services.refer_to_legal_aid(
            actor=user,
            contact=contact,
            unit=unit,
            received_date=D(2025, 9, 28),
            applicant_id_number=id_number("donghu", 302),
            **APPLICATION,
        )


def test_a_referral_to_mediation_registers_the_dispute_as_the_partys_application(window):
    user, _, contact = window
    committee = mediation_selectors.committees_for(user).first()
    mediator = committee.seats.first().mediator
    services.refer_to_mediation(
        actor=user,
        contact=contact,
        committee=committee,
        mediator=mediator,
        kind=DisputeKind.choices[0][0],
        applicant="来电人",
        summary="邻里噪音纠纷",
        received_date=D(2025, 9, 29),
    )
    dispute = HotlineContact.objects.get(pk=contact.pk).dispute
    assert dispute.source == "application" and dispute.source_reference.startswith("12348转介")
    assert list(dispute.hotline_contacts.all()) == [contact]


def test_without_the_other_line_the_referral_is_refused_and_nothing_written(demo, window):
    _, unit, contact = window
    officer = demo.users["donghu_pls_officer"]
    cases, disputes = AidCase.objects.count(), Dispute.objects.count()
    with pytest.raises((PermissionDenied, ValidationError)):
        services.refer_to_legal_aid(
            actor=officer,
            contact=contact,
            unit=unit,
            received_date=D(2025, 9, 28),
            applicant_id_number=id_number("donghu", 303),
            **APPLICATION,
        )
    assert AidCase.objects.count() == cases and Dispute.objects.count() == disputes
    assert not HotlineContact.objects.get(pk=contact.pk).referred


def test_the_referral_page_runs_the_form(window, client):
    user, unit, contact = window
    client.force_login(user)
    url = reverse("legal_services:contact_refer", kwargs={"pk": contact.pk})
    page = client.get(url + "?to=legal_aid").content.decode()
    assert "转法律援助" in page
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    response = client.post(
        url + "?to=legal_aid",
        {
            "form_token": token,
            "unit": unit.pk,
            "received_date": "2025-09-28",
            "applicant_id_number": id_number("donghu", 304),
            **APPLICATION,
        },
    )
    assert response.status_code == 302
    assert HotlineContact.objects.get(pk=contact.pk).aid_case is not None


def test_the_demo_has_a_12348_call_that_opened_a_legal_aid_application(demo, client_as):
    contact = HotlineContact.objects.get(unit=demo.units["xishan_justice"], aid_case__isnull=False)
    case = contact.aid_case
    assert (
        case.unit == demo.units["xishan_justice"] and case.referral_reference == contact.reference
    )
    assert case.migrant_worker and case.received_date == contact.contact_date
    window = client_as(demo.users["xishan_pls_window"])
    page = window.get(reverse("legal_services:contact_detail", kwargs={"pk": contact.pk}))
    assert case.number in page.content.decode()
    aid = client_as(demo.users["xishan_aid_officer"])
    assert contact.reference in aid.get(case.get_absolute_url()).content.decode()
    # The other districts' calls stay marked only: their legal-aid demo is the line's own.
    assert not HotlineContact.objects.filter(
        unit=demo.units["donghu_justice"], aid_case__isnull=False
    ).exists()
