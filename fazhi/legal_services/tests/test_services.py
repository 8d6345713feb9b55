"""公共法律服务: the villages without an adviser, the advisers' logs, 12348 contacts and
the notary offices' monthly counts and complaints; bad input refused in Chinese."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from fazhi.indicators.engine import Period, compute
from fazhi.legal_services import selectors, services
from fazhi.legal_services.models import NotaryCategory, Village

D = datetime.date


@pytest.fixture
def pls(demo):
    return demo.users["donghu_pls_officer"], demo.units["donghu_justice"]


def test_the_village_list_names_the_villages_without_an_adviser(demo, client_as, pls):
    officer, _ = pls
    today = timezone.localdate()
    total, covered = selectors.coverage(officer, today)
    assert (total, covered) == (3, 2)
    without = selectors.villages(officer, without_adviser=True, on=today)
    assert [v.name for v in without] == ["柳岸村"]
    page = client_as(officer).get(reverse("legal_services:village_list")).content.decode()
    assert "2/3个在册村居有法律顾问" in page and "无法律顾问" in page


def test_an_adviser_period_may_not_overlap_and_logs_stay_within_it(pls):
    officer, _ = pls
    village = Village.objects.restrict(officer).get(name="荷花村")
    with pytest.raises(ValidationError, match="已有法律顾问"):
        services.appoint_adviser(
            actor=officer,
            village=village,
            name="另一律师",
            kind="lawyer",
            firm="所",
            start=timezone.localdate(),
            end=timezone.localdate() + datetime.timedelta(days=30),
        )
    adviser = village.advisers.get()
    with pytest.raises(ValidationError, match="不在.*聘任期间内"):
        services.log_adviser_month(
            actor=officer,
            village=village,
            adviser=adviser,
            month=adviser.start - datetime.timedelta(days=40),
        )
    with pytest.raises(ValidationError, match="已登记"):
        services.log_adviser_month(
            actor=officer, village=village, adviser=adviser, month=timezone.localdate()
        )


def test_a_contact_refuses_what_an_abandoned_call_cannot_have(pls):
    officer, unit = pls
    with pytest.raises(ValidationError, match="未接通"):
        services.register_contact(
            actor=officer,
            unit=unit,
            contact_date=D(2025, 9, 1),
            channel="phone",
            category="劳动",
            answered=False,
            satisfaction="satisfied",
        )
    with pytest.raises(ValidationError, match="回访"):
        services.register_contact(
            actor=officer,
            unit=unit,
            contact_date=D(2025, 9, 1),
            channel="phone",
            category="劳动",
            satisfaction="dissatisfied",
        )


def test_the_hotline_and_notary_figures_come_from_the_records(demo, pls):
    officer, _ = pls
    today = timezone.localdate()
    ids = [
        "legal_services.hotline_calls",
        "legal_services.hotline_contacts",
        "legal_services.hotline_connection_rate",
        "legal_services.center_visitors",
        "legal_services.hotline_referrals",
        "notary.cases",
        "notary.on_time_rate",
        "legal_services.village_adviser_consultations",
        "legal_services.hotline_minutes",
    ]
    start = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    values = compute(ids, user=demo.admin, unit=demo.units["donghu"], period=Period(start, today))
    assert values["legal_services.hotline_calls"] == 3
    assert values["legal_services.hotline_contacts"] == 4
    assert values["legal_services.hotline_connection_rate"] == 75
    assert values["legal_services.center_visitors"] == 1
    assert values["legal_services.hotline_referrals"] == 2
    assert values["notary.cases"] == 320
    assert values["notary.on_time_rate"] == 95
    assert values["legal_services.village_adviser_consultations"] == 40
    assert values["legal_services.hotline_minutes"] == 12 + 8 + 15  # answered calls only


def test_a_notary_office_has_two_notaries_and_reports_consistent_counts(pls):
    officer, unit = pls
    with pytest.raises(ValidationError, match="公证法 第八条"):
        services.register_office(actor=officer, unit=unit, name="新公证处", notaries=1)
    office = services.register_office(actor=officer, unit=unit, name="新公证处", notaries=2)
    with pytest.raises(ValidationError, match="按期出具件数"):
        services.report_month(
            actor=officer,
            office=office,
            month=D(2025, 9, 1),
            category=NotaryCategory.CIVIL,
            cases=10,
            timed=5,
            on_time=6,
        )
    assert not office.reports.exists()


def test_a_complaint_is_on_the_due_list_until_handled(demo, pls):
    from fazhi.core.deadlines import due_list

    officer, _ = pls
    items = due_list(officer, timezone.localdate(), 60).items
    # the demo's open 司法行政审批 is on the same list, under its own basis
    mine = [i for i in items if i.basis.startswith("公证投诉")]
    assert len(mine) == 1
    office = selectors.offices(officer).get()
    complaint = office.complaints.get()
    services.handle_complaint(
        actor=officer,
        office=office,
        complaint=complaint,
        handled_date=timezone.localdate(),
        result="已督促公证处限期出证",
    )
    items = due_list(officer, timezone.localdate(), 60).items
    assert not [i for i in items if i.basis.startswith("公证投诉")]
    assert [i for i in items if i.basis == "行政许可法 第四十二条第一款"]
