"""信访工作条例 第二十二条: 各级党委和政府信访部门收到信访事项，应当予以登记，并区分情况，在15日内
分别按照下列方式处理 (转送, 交办; 第二十三条: 告知). 第三十四条: ……应当自受理之日起60日内办结；
情况复杂的，经本机关、单位负责人批准，可以适当延长办理期限，但延长期限不得超过30日，并告知信访人
延期理由. Calendar days (the 条例 writes 工作日 where it means them), counted as
deadlines.PETITION_ROLLOVER reads them (docs/rules.md): the start day not counted, a last day on
a holiday or weekend moved to the next working day, a 调休 working day counted."""

import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.deadlines import due_list
from fazhi.core.models import DomainEvent
from fazhi.mediation import deadlines, services
from fazhi.mediation.models import Dispute

D = datetime.date


@pytest.fixture
def petition(world, dispute):
    # the office handed the matter over (受理) on Mon 2025-12-22; the committee took it next day
    return dispute(
        received=D(2025, 12, 23),
        source="petition",
        source_reference="信访件〔2025〕120号",
        referred_date=D(2025, 12, 22),
    )


@pytest.fixture
def autumn_petition(world, dispute):
    return dispute(
        received=D(2025, 10, 20),
        source="petition",
        source_reference="信访件〔2025〕97号",
        referred_date=D(2025, 10, 20),
    )


def _route(world, case, registered, routed=None, way="transfer", recipient="测试区司法局"):
    return services.record_petition_routing(
        actor=world.mediator,
        dispute=case,
        registered_date=registered,
        routed_date=routed,
        way=way if routed else "",
        recipient=recipient if routed else "",
    )


APPROVED, NOTICE = D(2026, 2, 10), D(2026, 2, 11)


def _extend(world, case, days=30, approved=APPROVED, notice=NOTICE, **extra):
    arguments = {
        "actor": world.mediator,
        "dispute": case,
        "days": days,
        "approver": "王局长",
        "reason": "涉及多个部门，需要联合调查核实",
        "approved_date": approved,
        "notice_date": notice,
    }
    return services.extend_petition_handling(**(arguments | extra))


def _routes(user, today):
    return [
        (i.due_date, i.basis) for i in due_list(user, today, 14).items if "转送、交办" in i.title
    ]


# — 第二十二条: 登记, 转送/交办 within 15 days —


def test_the_fifteen_days_cross_national_day(world, autumn_petition):
    # registered Fri 2025-09-19: the 15th day is Sat 4 October (国庆), so the last day is
    # Thu 9 October; the 10th is one day late — recorded and flagged, not refused
    assert deadlines.route_due(D(2025, 9, 19)) == D(2025, 10, 9)
    case = _route(world, autumn_petition, D(2025, 9, 19), D(2025, 10, 10), recipient="测试街道")
    assert (case.route_due, case.routed_late, case.route_way) == (D(2025, 10, 9), True, "transfer")
    event = DomainEvent.objects.filter(action="mediation.petition_routing").latest("pk")
    assert "逾期1日" in event.summary


def test_a_make_up_working_day_ends_the_routing_period(world, autumn_petition):
    # registered Fri 2025-09-26: the 15th day is Sat 11 October, a 调休 working day
    assert deadlines.route_due(D(2025, 9, 26)) == D(2025, 10, 11)
    case = _route(world, autumn_petition, D(2025, 9, 26), D(2025, 10, 11), way="assign")
    assert not case.routed_late


def test_without_the_rollover_the_routing_days_are_plain(monkeypatch):
    monkeypatch.setattr(deadlines, "PETITION_ROLLOVER", False)
    assert deadlines.route_due(D(2025, 9, 19)) == D(2025, 10, 4)


def test_an_unrouted_petition_is_on_the_due_list_late_or_not(world, autumn_petition):
    _route(world, autumn_petition, D(2025, 9, 19))
    # still there after its last day (Thu 9 October): a late routing is shown, not dropped
    assert _routes(world.mediator, D(2025, 10, 12)) == [(D(2025, 10, 9), "信访工作条例 第二十二条")]
    assert _routes(world.neighbour_mediator, D(2025, 10, 12)) == []
    _route(
        world,
        autumn_petition,
        D(2025, 9, 19),
        D(2025, 10, 13),
        way="inform",
        recipient="测试区人社局",
    )
    assert _routes(world.mediator, D(2025, 10, 12)) == []
    with pytest.raises(ValidationError, match="已于2025-10-13登记转送"):
        _route(world, autumn_petition, D(2025, 9, 19), D(2025, 10, 14))


def test_routing_bad_input(world, autumn_petition, dispute):
    with pytest.raises(ValidationError, match="请填写接收机关"):
        _route(world, autumn_petition, D(2025, 9, 19), D(2025, 10, 9), recipient=" ")
    with pytest.raises(ValidationError, match="请选择处理方式"):
        _route(world, autumn_petition, D(2025, 9, 19), D(2025, 10, 9), way="mail")
    with pytest.raises(ValidationError, match="不能早于信访部门登记日期"):
        _route(world, autumn_petition, D(2025, 9, 19), D(2025, 9, 18))
    # the office registers before it hands over (移交 2025-10-20)
    with pytest.raises(ValidationError, match="不能早于信访部门登记日期"):
        _route(world, autumn_petition, D(2025, 10, 21))
    with pytest.raises(ValidationError, match="只有信访部门转办的纠纷"):
        _route(world, dispute(), D(2025, 3, 1))
    autumn_petition.refresh_from_db()
    assert autumn_petition.petition_registered_date is None


# — 第三十四条: 60 days, one extension of at most 30 —


def test_sixty_days_end_after_spring_festival_and_thirty_more(world, petition):
    # 受理 Mon 2025-12-22: the 60th day is Fri 20 February 2026 (春节 15–23 February): Tue 24th
    assert petition.return_due == D(2026, 2, 24)
    # 31 days refused, the latest allowed end told: the 90th day is Sun 22 March → Mon 23rd
    with pytest.raises(ValidationError, match="不得超过30日.*最迟可延长至2026-03-23"):
        _extend(world, petition, days=31)
    case = _extend(world, petition, days=30)
    assert (case.return_due, case.petition_extension_days) == (D(2026, 3, 23), 30)
    assert case.petition_extension_approver == "王局长"
    assert case.petition_extension_notice_date == D(2026, 2, 11)
    with pytest.raises(ValidationError, match="不能再次延长"):
        _extend(world, petition, days=1, approved=D(2026, 3, 1), notice=D(2026, 3, 1))
    petition.refresh_from_db()
    assert petition.return_due == D(2026, 3, 23)


def test_an_extension_after_the_period_ended_is_refused(world, petition):
    with pytest.raises(ValidationError, match="已于2026-02-24届满"):
        _extend(world, petition, days=10, approved=D(2026, 2, 25), notice=D(2026, 2, 25))
    # on the last day itself it may still be approved: 70 days end Mon 2 March
    assert _extend(
        world, petition, days=10, approved=D(2026, 2, 24), notice=D(2026, 2, 24)
    ).return_due == D(2026, 3, 2)


def test_extension_bad_input_leaves_nothing_written(world, petition, dispute):
    with pytest.raises(ValidationError, match="负责人"):
        _extend(world, petition, approver=" ")
    with pytest.raises(ValidationError, match="延期理由"):
        _extend(world, petition, reason="")
    with pytest.raises(ValidationError, match="不能早于批准延期日期"):
        _extend(world, petition, notice=D(2026, 2, 9))
    with pytest.raises(ValidationError, match="1至30日"):
        _extend(world, petition, days=0)
    with pytest.raises(ValidationError, match="只有信访部门转办的纠纷"):
        _extend(world, dispute())
    petition.refresh_from_db()
    assert (petition.petition_extension_days, petition.return_due) == (0, D(2026, 2, 24))


def test_without_the_rollover_the_handling_days_are_plain(monkeypatch, world, petition):
    monkeypatch.setattr(deadlines, "PETITION_ROLLOVER", False)
    assert deadlines.petition_handling_due(petition) == D(2026, 2, 20)
    assert deadlines.petition_handling_due(petition, 30) == D(2026, 3, 22)


def test_the_extended_period_is_on_the_due_list(world, petition):
    _extend(world, petition, days=30)
    items = [
        (i.title, i.due_date, i.basis)
        for i in due_list(world.mediator, D(2026, 3, 16), 14).items
        if "反馈" in i.title
    ]
    assert items == [
        (
            f"{petition.number}向来源单位反馈调解结果（信访件〔2025〕120号）（经批准延长30日）",
            D(2026, 3, 23),
            "信访工作条例 第三十四条",
        )
    ]


# — the pages and the ledger —


def _token(response):
    return re.search(r'name="form_token" value="([0-9a-f]+)"', response.content.decode()).group(1)


def test_the_pages_route_and_extend_and_the_ledger_shows_both(world, petition, client_as):
    client = client_as(world.mediator)
    detail = client.get(petition.get_absolute_url()).content.decode()
    assert reverse("mediation:dispute_routing", kwargs={"pk": petition.pk}) in detail
    url = reverse("mediation:dispute_routing", kwargs={"pk": petition.pk})
    response = client.post(
        url,
        {
            "form_token": _token(client.get(url)),
            "registered_date": "2025-12-01",
            "routed_date": "2025-12-17",
            "way": "transfer",
            "recipient": "测试街道人民调解委员会",
        },
    )
    assert response.status_code == 302
    url = reverse("mediation:dispute_petition_extend", kwargs={"pk": petition.pk})
    refused = client.post(
        url,
        {
            "form_token": _token(client.get(url)),
            "days": "45",
            "approver": "王局长",
            "reason": "需要联合调查",
            "approved_date": "2026-02-10",
            "notice_date": "2026-02-11",
        },
    )
    assert "延长期限不得超过30日" in refused.content.decode()
    posted = {
        "form_token": _token(refused),
        "days": "30",
        "approver": "王局长",
        "reason": "需要联合调查",
        "approved_date": "2026-02-10",
        "notice_date": "2026-02-11",
    }
    assert client.post(url, posted).status_code == 302
    case = Dispute.objects.get(pk=petition.pk)
    # registered Mon 1 December: 15 days end Tue 16 December, routed on the 17th
    assert (case.route_due, case.routed_late, case.return_due) == (
        D(2025, 12, 16),
        True,
        D(2026, 3, 23),
    )
    page = client.get(case.get_absolute_url()).content.decode()
    assert "超过十五日期限" in page and "批准延长30日至2026-03-23" in page
    export = client.get(reverse("mediation:dispute_list") + "?export=xlsx")
    rows = list(load_workbook(io.BytesIO(export.content), read_only=True).active.values)
    header = next(r for r in rows if r and "信访转送交办" in r)
    row = next(r for r in rows if r and case.number in r)
    cell = dict(zip(header, row, strict=True))
    assert (
        cell["信访转送交办"]
        == "2025-12-17转送有权处理的机关、单位：测试街道人民调解委员会（逾期1日）"
    )
    assert cell["信访办理期限"] == "2026-03-23（经王局长批准延长30日）"
    api = client.get(f"/api/mediation/disputes/{case.pk}/").json()
    assert (api["routed_late"], api["return_due"]) == (True, "2026-03-23")
