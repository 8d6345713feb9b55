"""法律援助法 第五十五条 (“受援人可以向司法行政部门投诉，并可以请求法律援助机构更换法律援助
人员”) and 第五十六条 (“接到投诉后，应当依照有关规定受理和调查处理，并及时向投诉人告知处理
结果”), with the periods of the settings (docs/rules.md) around 国庆 2025 (10-01 to 10-08;
Sun 09-28 and Sat 10-11 调休 workdays) and 春节 2026 (02-15 to 02-23; Sat 02-14 and 02-28
调休 workdays)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.core.deadlines import due_list
from fazhi.legal_aid import services
from fazhi.legal_aid.models import Complaint

D = datetime.date


def complain(aid, case, on, **fields):
    values = {
        "received_date": on,
        "complainant": "测试申请人",
        "relation": Complaint.Relation.RECIPIENT,
        "against": Complaint.Against.PROVIDER,
        "content": "律师未按约会见",
        **fields,
    }
    return services.record_complaint(actor=aid.officer, case=case, **values)


def assigned(aid, received):
    case = aid.apply(received=received)
    services.grant(actor=aid.reviewer, case=case, decided_date=received)
    services.assign(actor=aid.officer, case=case, provider=aid.provider(5), assigned_date=received)
    return case


def test_acceptance_is_due_in_five_working_days_across_the_national_day(aid):
    # Received Sun 09-28 (调休 workday): 09-29, 09-30, 10-09, 10-10, 10-11 (调休) → 10-11.
    case = assigned(aid, D(2025, 9, 28))
    complaint = complain(aid, case, D(2025, 9, 28), wants_replacement=True)
    assert complaint.accept_due == D(2025, 10, 11)
    services.accept_complaint(actor=aid.reviewer, case=case, accepted_date=D(2025, 10, 9))
    complaint.refresh_from_db()
    # 45 days from 10-09: 11-23, a Sunday → Monday 11-24.
    assert complaint.handle_due == D(2025, 11, 24) and not complaint.accept_overdue


def test_a_late_handling_needs_its_reason_and_the_reply_is_due_after_the_spring_festival(aid):
    case = assigned(aid, D(2026, 1, 2))
    complain(aid, case, D(2026, 1, 2))
    services.accept_complaint(actor=aid.reviewer, case=case, accepted_date=D(2026, 1, 2))
    complaint = case.complaints.get()
    # 45 days from 01-02: 02-16, inside 春节 → the first working day after, 02-24.
    assert complaint.handle_due == D(2026, 2, 24)
    with pytest.raises(ValidationError, match="2026-02-24前办结.*第五十六条.*请写明逾期原因"):
        services.handle_complaint(
            actor=aid.reviewer,
            case=case,
            handled_date=D(2026, 2, 25),
            outcome=Complaint.Outcome.CORRECTED,
            result="约谈律师",
        )
    complaint.refresh_from_db()
    assert complaint.handled_date is None
    services.handle_complaint(
        actor=aid.reviewer,
        case=case,
        handled_date=D(2026, 2, 13),
        outcome=Complaint.Outcome.CORRECTED,
        result="约谈律师，责令改正",
    )
    complaint.refresh_from_db()
    # Five working days from Fri 02-13: 02-14 (调休), 02-24, 02-25, 02-26, 02-27.
    assert complaint.reply_due == D(2026, 2, 27)
    services.reply_complaint(actor=aid.officer, case=case, replied_date=D(2026, 2, 27))
    complaint.refresh_from_db()
    assert complaint.replied_date == D(2026, 2, 27) and complaint.stage == "已告知投诉人"


def test_refusals_name_the_article(aid):
    case = aid.apply(received=D(2025, 9, 1))
    with pytest.raises(ValidationError, match="尚未指派法律援助人员.*第五十五条"):
        complain(aid, case, D(2025, 9, 2))
    complaint = complain(aid, case, D(2025, 9, 2), against=Complaint.Against.AGENCY)
    with pytest.raises(ValidationError, match="已有尚未办结的投诉"):
        complain(aid, case, D(2025, 9, 3), against=Complaint.Against.AGENCY)
    with pytest.raises(ValidationError, match="不予受理.*理由.*第五十六条"):
        services.reject_complaint(
            actor=aid.reviewer, case=case, rejected_date=D(2025, 9, 3), rejection_reason=" "
        )
    with pytest.raises(ValidationError, match="没有已受理、待办结的投诉"):
        services.handle_complaint(
            actor=aid.reviewer,
            case=case,
            handled_date=D(2025, 9, 3),
            outcome=Complaint.Outcome.UNFOUNDED,
            result="不属实",
        )
    services.reject_complaint(
        actor=aid.reviewer,
        case=case,
        rejected_date=D(2025, 9, 3),
        rejection_reason="不属于本机关管辖",
    )
    complaint.refresh_from_db()
    assert complaint.reply_due == D(2025, 9, 10) and complaint.accepted_date is None


def test_open_complaints_are_on_the_due_list_and_in_the_ledger(aid, client):
    case = assigned(aid, D(2025, 9, 28))
    complain(aid, case, D(2025, 9, 28))
    items = [
        item
        for item in due_list(aid.reviewer, D(2025, 10, 1), horizon_days=30).items
        if "投诉" in item.title
    ]
    assert [(i.due_date, i.basis) for i in items] == [(D(2025, 10, 11), "法律援助法 第五十六条")]
    assert "决定是否受理" in items[0].title
    client.force_login(aid.reviewer)
    page = client.get(reverse("legal_aid:complaint_list")).content.decode()
    assert case.number in page and "待决定是否受理" in page
    detail = client.get(reverse("legal_aid:case_detail", kwargs={"pk": case.pk})).content.decode()
    assert "受理投诉" in detail and "律师未按约会见" in detail
