"""`legal_services.consultations` (解答咨询: every answered contact, one each) and
`legal_services.approvals` (司法行政审批 decided in the period) with their click-through, the
审批 record's 二十个工作日 period (行政许可法 第四十二条、第八十二条) around 国庆 2025 and
春节 2026, its pages, API and due list, and `indicators_check` after the writes."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from fazhi.core.deadlines import due_list
from fazhi.indicators.engine import Period, compute, records
from fazhi.legal_services import services
from fazhi.legal_services.models import (
    Approval,
    ApprovalDecision,
    ApprovalItem,
    ContactChannel,
    HotlineContact,
)

D = datetime.date
OCTOBER = Period(D(2025, 10, 1), D(2025, 10, 31))
AFTER_HOLIDAY = D(2025, 10, 9)


@pytest.fixture
def pls(demo):
    return demo.users["donghu_pls_officer"], demo.units["donghu_justice"]


def _contact(officer, unit, channel, answered=True, day=AFTER_HOLIDAY):
    return services.register_contact(
        actor=officer,
        unit=unit,
        contact_date=day,
        channel=channel,
        category="劳动",
        answered=answered,
        duration_minutes=5 if answered else 0,
    )


def _approval(officer, unit, received, item=ApprovalItem.LAWYER):
    return services.register_approval(
        actor=officer, unit=unit, item=item, applicant="测试申请人", received_date=received
    )


def test_every_answered_contact_is_one_consultation(pls):
    officer, unit = pls
    ids = ["legal_services.consultations", "legal_services.hotline_calls"]
    before = compute(ids, user=officer, unit=unit, period=OCTOBER)
    answered = [
        _contact(officer, unit, channel)
        for channel in (ContactChannel.PHONE, ContactChannel.ONLINE, ContactChannel.VISIT)
    ]
    missed = _contact(officer, unit, ContactChannel.PHONE, answered=False)
    _contact(officer, unit, ContactChannel.MESSAGE, day=D(2025, 11, 1))  # another month
    after = compute(ids, user=officer, unit=unit, period=OCTOBER)
    assert after["legal_services.consultations"] - before["legal_services.consultations"] == 3
    assert after["legal_services.hotline_calls"] - before["legal_services.hotline_calls"] == 1
    rows = records("legal_services.consultations", user=officer, unit=unit, period=OCTOBER)
    assert set(answered) <= set(rows) and missed not in rows
    assert all(isinstance(row, HotlineContact) and row.answered for row in rows)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # 20 工作日 from Fri 09-26: Sun 09-28 and Sat 10-11 worked, 10-01…10-08 not → 10-30.
        (D(2025, 9, 26), D(2025, 10, 30)),
        # From Fri 2026-02-06: Sat 02-14 worked, 02-15…02-23 not, Sat 02-28 worked → 03-12.
        (D(2026, 2, 6), D(2026, 3, 12)),
    ],
)
def test_an_approval_is_due_twenty_working_days_after_acceptance(pls, received, due):
    officer, unit = pls
    approval = _approval(officer, unit, received)
    assert approval.due == due
    [item] = [
        item
        for item in due_list(officer, received, horizon_days=60).items
        if item.url == reverse("legal_services:approval_detail", kwargs={"pk": approval.pk})
    ]
    assert item.due_date == due and item.basis == "行政许可法 第四十二条第一款"
    services.decide_approval(
        actor=officer,
        approval=approval,
        decided_date=due + datetime.timedelta(days=1),
        decision=ApprovalDecision.GRANTED,
    )
    assert Approval.objects.get(pk=approval.pk).overdue
    assert not any(
        item.url.endswith(f"/approvals/{approval.pk}/")
        for item in due_list(officer, received, horizon_days=60).items
    )


def test_bad_decisions_are_refused_and_nothing_is_written(pls):
    officer, unit = pls
    approval = _approval(officer, unit, D(2025, 9, 30))
    with pytest.raises(ValidationError, match="不予许可的，应当说明理由.*第三十八条"):
        services.decide_approval(
            actor=officer,
            approval=approval,
            decided_date=D(2025, 10, 9),
            decision=ApprovalDecision.REFUSED,
        )
    with pytest.raises(ValidationError, match="不能早于受理日期（2025-09-30）"):
        services.decide_approval(
            actor=officer,
            approval=approval,
            decided_date=D(2025, 9, 29),
            decision=ApprovalDecision.GRANTED,
        )
    fresh = Approval.objects.get(pk=approval.pk)
    assert (fresh.decided_date, fresh.decision) == (None, "")
    services.decide_approval(
        actor=officer,
        approval=fresh,
        decided_date=D(2025, 10, 9),
        decision=ApprovalDecision.REFUSED,
        reason="不符合执业条件",
    )
    with pytest.raises(ValidationError, match="已于2025-10-09办结"):
        services.decide_approval(
            actor=officer,
            approval=Approval.objects.get(pk=approval.pk),
            decided_date=D(2025, 10, 10),
            decision=ApprovalDecision.GRANTED,
        )


def test_approvals_are_counted_on_their_decision_day_with_click_through(
    demo, pls, client_as, django_capture_on_commit_callbacks
):
    officer, unit = pls
    before = compute(["legal_services.approvals"], user=officer, unit=unit, period=OCTOBER)
    with django_capture_on_commit_callbacks(execute=True):
        decided = _approval(officer, unit, D(2025, 9, 29))
        services.decide_approval(
            actor=officer,
            approval=decided,
            decided_date=D(2025, 10, 9),
            decision=ApprovalDecision.FORWARDED,
        )
        open_one = _approval(officer, unit, D(2025, 10, 10), ApprovalItem.NOTARY)
        _contact(officer, unit, ContactChannel.VISIT)
    after = compute(["legal_services.approvals"], user=officer, unit=unit, period=OCTOBER)
    assert after["legal_services.approvals"] == before["legal_services.approvals"] + 1
    rows = records("legal_services.approvals", user=officer, unit=unit, period=OCTOBER)
    assert decided in rows and open_one not in rows
    client = client_as(officer)
    page = client.get(
        reverse("indicators:records"),
        {"id": "legal_services.approvals", "unit": unit.pk, "year": 2025},
    ).content.decode()
    assert "测试申请人" in page
    out = StringIO()
    call_command("indicators_check", stdout=out)  # exits 1 on a difference
    assert "无差异" in out.getvalue()


def test_the_pages_and_the_api_are_scoped(demo, pls, client_as):
    officer, unit = pls
    approval = _approval(officer, unit, D(2025, 9, 29))
    own = client_as(officer)
    assert "测试申请人" in own.get(reverse("legal_services:approval_list")).content.decode()
    detail = own.get(approval.get_absolute_url()).content.decode()
    assert "2025-11-03" in detail and "办结审批" in detail  # 20 工作日 over 国庆
    assert (
        own.get(reverse("legal_services:approval_decide", kwargs={"pk": approval.pk})).status_code
        == 200
    )
    export = own.get(reverse("legal_services:approval_list"), {"export": "xlsx"})
    assert export.status_code == 200 and "spreadsheet" in export["Content-Type"]
    rows = own.get("/api/legal-services/approvals/").json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert approval.pk in {row["id"] for row in rows}
    other = client_as(demo.users["xishan_pls_officer"])
    assert other.get(approval.get_absolute_url()).status_code == 404
    rows = other.get("/api/legal-services/approvals/").json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert approval.pk not in {row["id"] for row in rows}
