"""法律援助法 第五十条 on the due list: once the matter's end is recorded, the closure report and
the documents are due 30 days later (setting periods.CLOSURE_DAYS, a last day on a holiday moved
to the next working day), listed until the report comes in, and marked late after the day.
Dates around 国庆 2025 (10-01 to 10-08) and 春节 2026 (02-15 to 02-23; Sat 02-14 a 调休 workday)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.core.deadlines import due_list
from fazhi.core.models import DomainEvent
from fazhi.legal_aid import services
from fazhi.legal_aid.models import AidCase, State

D = datetime.date
BASIS = "法律援助法 第五十条"


def fresh(case):
    return AidCase.objects.get(pk=case.pk)


def _assigned(aid, received):
    case = aid.apply(received=received)
    services.grant(actor=aid.reviewer, case=case, decided_date=received)
    services.assign(
        actor=aid.officer, case=fresh(case), provider=aid.provider(5), assigned_date=received
    )
    return fresh(case)


def _closure_items(user, today, horizon_days=60):
    return [
        item
        for item in due_list(user, today, horizon_days=horizon_days).items
        if item.basis == BASIS
    ]


@pytest.mark.parametrize(
    ("concluded", "due"),
    [
        # 09-05 + 30 = 10-05, inside 国庆 → the next working day 10-09.
        (D(2025, 9, 5), D(2025, 10, 9)),
        # 01-17 + 30 = 02-16, inside 春节 → 02-24.
        (D(2026, 1, 17), D(2026, 2, 24)),
        # 01-15 + 30 = 02-14, a Saturday worked in exchange (调休): it stays.
        (D(2026, 1, 15), D(2026, 2, 14)),
    ],
)
def test_the_closure_clock_starts_when_the_matter_ends(aid, concluded, due):
    case = _assigned(aid, concluded - datetime.timedelta(days=3))
    services.record_conclusion(actor=aid.officer, case=case, concluded_date=concluded)
    case = fresh(case)
    assert (case.state, case.concluded_date, case.closure_due) == (State.ASSIGNED, concluded, due)
    assert DomainEvent.objects.filter(
        action="legal_aid.conclusion", target_id=str(case.pk)
    ).exists()
    [item] = _closure_items(aid.officer, concluded)
    assert item.due_date == due and "提交结案报告" in item.title
    assert (
        item.status(due) == "today" and item.status(due + datetime.timedelta(days=1)) == "overdue"
    )


def test_the_entry_leaves_the_list_at_closure_and_a_late_report_is_flagged(aid, client_as):
    case = _assigned(aid, D(2026, 1, 10))
    services.record_conclusion(actor=aid.officer, case=case, concluded_date=D(2026, 1, 17))
    assert _closure_items(aid.officer, D(2026, 2, 25))[0].status(D(2026, 2, 25)) == "overdue"
    page = client_as(aid.officer).get(reverse("legal_aid:case_detail", kwargs={"pk": case.pk}))
    assert "2026-02-24前提交" in page.content.decode() and "逾期" in page.content.decode()
    # The end date was recorded: closure may not name another one.
    with pytest.raises(ValidationError, match="已登记办理结束日期（2026-01-17）"):
        services.close(
            actor=aid.officer,
            case=fresh(case),
            concluded_date=D(2026, 1, 18),
            closed_date=D(2026, 2, 20),
            result="判决支持",
        )
    with pytest.raises(ValidationError, match="2026-02-24前.*第五十条.*逾期原因"):
        services.close(
            actor=aid.officer, case=fresh(case), closed_date=D(2026, 2, 25), result="判决支持"
        )
    assert fresh(case).state == State.ASSIGNED
    services.close(
        actor=aid.officer,
        case=fresh(case),
        closed_date=D(2026, 2, 25),
        result="判决支持",
        late_reason="春节后承办律师出差",
    )
    case = fresh(case)
    assert case.state == State.CLOSED and case.closure_overdue
    assert _closure_items(aid.officer, D(2026, 2, 25)) == []


def test_a_report_on_the_last_day_is_not_late(aid):
    case = _assigned(aid, D(2025, 9, 1))
    services.record_conclusion(actor=aid.officer, case=case, concluded_date=D(2025, 9, 5))
    services.close(actor=aid.officer, case=fresh(case), closed_date=D(2025, 10, 9), result="调解")
    assert not fresh(case).closure_overdue


def test_the_end_cannot_be_before_the_assignment_nor_recorded_twice(aid):
    case = _assigned(aid, D(2025, 9, 28))
    with pytest.raises(ValidationError, match="不能早于指派日期（2025-09-28）"):
        services.record_conclusion(actor=aid.officer, case=case, concluded_date=D(2025, 9, 27))
    assert fresh(case).concluded_date is None
    services.record_conclusion(actor=aid.officer, case=case, concluded_date=D(2025, 9, 30))
    with pytest.raises(ValidationError, match="已登记办理结束日期（2025-09-30）"):
        services.record_conclusion(
            actor=aid.officer, case=fresh(case), concluded_date=D(2025, 10, 1)
        )
    assert fresh(case).concluded_date == D(2025, 9, 30)
