"""信访工作条例 第二十三条第三款: 对党委和政府信访部门或者本系统上级机关、单位转送、交办的信访事项，
属于本机关、单位职权范围的，有关机关、单位应当自收到之日起15日内书面告知信访人接收情况以及处理途径
和程序. The committee the petition was routed to records the written notice (date, to whom);
its clock is on the case and the due list. Calendar days counted as deadlines.PETITION_ROLLOVER
reads them (docs/rules.md): the start day not counted, a last day on a holiday or weekend
moved to the next working day, a 调休 working day counted."""

import datetime
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.deadlines import due_list
from fazhi.core.models import DomainEvent
from fazhi.mediation import deadlines, services

D = datetime.date
BASIS = "信访工作条例 第二十三条第三款"


@pytest.fixture
def petition(dispute):
    def make(received, referred=None, number="1"):
        return dispute(
            received=received,
            source="petition",
            source_reference=f"信访件〔{received.year}〕{number}号",
            referred_date=referred,
        )

    return make


def _notify(world, case, day, to="张某某"):
    return services.record_petition_notice(
        actor=world.mediator, dispute=case, notice_date=day, to=to
    )


def _notices(user, today):
    return [(i.due_date, i.basis) for i in due_list(user, today, 14).items if i.basis == BASIS]


def test_the_fifteen_days_cross_national_day_and_a_late_notice_is_flagged(world, petition):
    # handed over on Sat 2025-09-20, taken in on Mon the 22nd: counted from the receipt of
    # the handoff; the 15th day is Sun 5 October (国庆), so the last day is Thu 9 October
    case = petition(D(2025, 9, 22), referred=D(2025, 9, 20))
    assert case.notice_due == D(2025, 10, 9)
    case = _notify(world, case, D(2025, 10, 10))
    assert (case.notice_date, case.notice_to, case.notice_late) == (D(2025, 10, 10), "张某某", True)
    event = DomainEvent.objects.filter(action="mediation.petition_notice").latest("pk")
    assert "书面告知信访人张某某" in event.summary and "逾期1日" in event.summary


def test_a_make_up_working_day_ends_the_notice_period(world, petition):
    # received Fri 2025-09-26: the 15th day is Sat 11 October, a 调休 working day
    case = petition(D(2025, 9, 26))
    assert case.notice_due == D(2025, 10, 11)
    assert not _notify(world, case, D(2025, 10, 11)).notice_late


def test_the_fifteen_days_end_after_spring_festival(world, petition, monkeypatch):
    # received Mon 2026-02-02: the 15th day is Tue 17 February (春节 15–23 February), so the
    # last day is Tue 24 February; plain natural days (the other reading) end on the 17th
    case = petition(D(2026, 2, 2))
    assert case.notice_due == D(2026, 2, 24)
    assert not _notify(world, case, D(2026, 2, 24)).notice_late
    monkeypatch.setattr(deadlines, "PETITION_ROLLOVER", False)
    assert deadlines.notice_due(case) == D(2026, 2, 17)


def test_the_notice_is_on_the_due_list_until_recorded(world, petition, dispute):
    case = petition(D(2026, 2, 2))
    dispute(received=D(2026, 2, 2))  # not a petition: owes no notice
    # still listed after its last day: a late notice is shown, not dropped
    assert _notices(world.mediator, D(2026, 2, 20)) == [(D(2026, 2, 24), BASIS)]
    assert _notices(world.mediator, D(2026, 3, 2)) == [(D(2026, 2, 24), BASIS)]
    assert _notices(world.neighbour_mediator, D(2026, 2, 20)) == []
    # a case stored before the clock was (no notice_due): computed on the due list
    case.notice_due = None
    case.save()
    assert _notices(world.mediator, D(2026, 2, 20)) == [(D(2026, 2, 24), BASIS)]
    assert _notices(world.mediator, D(2026, 2, 5)) == []  # beyond the 14-day horizon
    _notify(world, case, D(2026, 2, 25))
    assert _notices(world.mediator, D(2026, 3, 2)) == []
    case.refresh_from_db()
    assert (case.notice_due, case.notice_late) == (D(2026, 2, 24), True)


def test_notice_bad_input_leaves_nothing_written(world, petition, dispute):
    case = petition(D(2025, 9, 22), referred=D(2025, 9, 20))
    with pytest.raises(ValidationError, match="请填写告知对象"):
        _notify(world, case, D(2025, 9, 30), to=" ")
    with pytest.raises(ValidationError, match="不能早于收到信访事项日期"):
        _notify(world, case, D(2025, 9, 19))
    with pytest.raises(ValidationError, match="书面告知日期"):
        _notify(world, case, D(2099, 1, 1))
    with pytest.raises(ValidationError, match="只有信访部门转办的纠纷"):
        _notify(world, dispute(), D(2025, 3, 5))
    case.refresh_from_db()
    assert (case.notice_date, case.notice_to) == (None, "")
    _notify(world, case, D(2025, 9, 30))
    with pytest.raises(ValidationError):  # once: the step is no longer offered
        _notify(world, case, D(2025, 10, 1))
    with pytest.raises(PermissionDenied):  # another district's mediator
        services.record_petition_notice(
            actor=world.neighbour_mediator,
            dispute=petition(D(2025, 9, 23), number="2"),
            notice_date=D(2025, 9, 30),
            to="张某某",
        )


def test_the_page_records_the_notice(world, petition, client_as):
    case = petition(D(2025, 12, 23), referred=D(2025, 12, 22))
    client = client_as(world.mediator)
    detail = client.get(case.get_absolute_url()).content.decode()
    url = reverse("mediation:dispute_notice", kwargs={"pk": case.pk})
    # handed over Mon 22 December: 15 days end Tue 6 January 2026
    assert url in detail and "应于2026-01-06前书面告知信访人" in detail
    token = re.search(r'name="form_token" value="([0-9a-f]+)"', client.get(url).content.decode())
    response = client.post(
        url, {"form_token": token.group(1), "notice_date": "2026-01-05", "to": "王某某"}
    )
    assert response.status_code == 302
    page = client.get(case.get_absolute_url()).content.decode()
    assert "2026-01-05告知王某某" in page and url not in page
    api = client.get(f"/api/mediation/disputes/{case.pk}/").json()
    assert (api["notice_due"], api["notice_date"], api["notice_to"], api["notice_late"]) == (
        "2026-01-06",
        "2026-01-05",
        "王某某",
        False,
    )
    export = client.get(reverse("mediation:dispute_list") + "?export=xlsx")
    rows = list(load_workbook(io.BytesIO(export.content), read_only=True).active.values)
    header = next(r for r in rows if r and "书面告知信访人" in r)
    row = next(r for r in rows if r and case.number in r)
    assert row[header.index("书面告知信访人")] == "2026-01-05告知王某某"
