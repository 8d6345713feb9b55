"""The figures worklines.md §2.3(d) adds: 非诉讼 cases, 值班律师法律帮助 (第十四条、第三十条),
法援宣传活动 (第十条) and the 受援人 by group, counted from the records with their click-through;
the duty and outreach pages. Fixed dates around 国庆 2025; the demo's own rows are taken out by
counting before and after."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.core.models import DomainEvent
from fazhi.indicators.engine import Period, compute, records
from fazhi.legal_aid import services
from fazhi.legal_aid.models import (
    CaseType,
    Channel,
    DutyPlace,
    DutyService,
    Matter,
    OutreachEvent,
    ProviderKind,
    Referral,
)

D = datetime.date
OCTOBER = Period(D(2025, 9, 29), D(2025, 10, 10))
IDS = [
    "legal_aid.non_litigation_cases",
    "legal_aid.duty_lawyer_services",
    "legal_aid.outreach_events",
    "legal_aid.recipients_by_group",
    "legal_aid.recipients_minors",
    "legal_aid.recipients_elderly",
    "legal_aid.recipients_disabled",
    "legal_aid.recipients_women",
    "legal_aid.recipients_migrant_workers",
]


def _values(aid):
    return compute(IDS, user=aid.reviewer, unit=aid.unit, period=OCTOBER)


def _granted(aid, decided, **fields):
    case = aid.apply(received=decided - datetime.timedelta(days=1), **fields)
    services.grant(actor=aid.reviewer, case=case, decided_date=decided)
    return case


def _duty(aid, lawyer, day, persons, **fields):
    return services.register_duty_service(
        actor=aid.officer,
        unit=aid.unit,
        date=day,
        place=fields.pop("place", DutyPlace.DETENTION),
        place_name=fields.pop("place_name", "东湖区看守所"),
        provider=lawyer,
        persons=persons,
        **fields,
    )


def test_the_figures_count_the_records_of_the_period(aid):
    before = _values(aid)
    lawyer = aid.provider(5, name="值班王律师")
    # 受理 on the decision's day: 9-30 and 10-09 are inside, 10-11 (after the period) is not.
    inside = _granted(
        aid, D(2025, 9, 30), case_type=CaseType.NON_LITIGATION, elderly=True, woman=True
    )
    _granted(aid, D(2025, 10, 9), minor=True, matter=Matter.SUPPORT)
    _granted(aid, D(2025, 10, 11), case_type=CaseType.NON_LITIGATION, disabled=True)
    _duty(aid, lawyer, D(2025, 9, 30), 6, plea_witnessed=4)
    _duty(aid, lawyer, D(2025, 10, 8), 3, place=DutyPlace.COURT, place_name="东湖区人民法院")
    _duty(aid, lawyer, D(2025, 10, 11), 9)
    for day in (D(2025, 10, 1), D(2025, 10, 12)):
        services.register_outreach_event(
            actor=aid.officer,
            unit=aid.unit,
            date=day,
            title="法援惠民生进社区",
            place="幸福社区",
            participants=80,
        )
    after = _values(aid)
    gained = {key: after[key] - before[key] for key in IDS}
    assert gained == {
        "legal_aid.non_litigation_cases": 1,
        "legal_aid.duty_lawyer_services": 9,  # 人次: 6 + 3, the 10-11 day is outside
        "legal_aid.outreach_events": 1,
        "legal_aid.recipients_by_group": 2,  # the elderly woman once
        "legal_aid.recipients_minors": 1,
        "legal_aid.recipients_elderly": 1,
        "legal_aid.recipients_disabled": 0,
        "legal_aid.recipients_women": 1,
        "legal_aid.recipients_migrant_workers": 0,
    }
    # The click-through: the rows behind the figures are the ones counted.
    rows = records(
        "legal_aid.non_litigation_cases", user=aid.reviewer, unit=aid.unit, period=OCTOBER
    )
    assert inside in rows
    duty_rows = records(
        "legal_aid.duty_lawyer_services", user=aid.reviewer, unit=aid.unit, period=OCTOBER
    )
    assert {d.date for d in duty_rows if d.provider == lawyer} == {D(2025, 9, 30), D(2025, 10, 8)}


def test_the_records_page_lists_the_duty_days_behind_the_figure(aid, client_as):
    lawyer = aid.provider(5, name="值班李律师")
    _duty(aid, lawyer, D(2025, 10, 8), 3, place_name="东湖区人民检察院")
    page = (
        client_as(aid.reviewer)
        .get(
            reverse("indicators:records"),
            {
                "id": "legal_aid.duty_lawyer_services",
                "unit": aid.unit.pk,
                "from": "2025-10-01",
                "to": "2025-10-31",
            },
        )
        .content.decode()
    )
    assert "东湖区人民检察院值班" in page


def test_a_duty_lawyer_is_a_lawyer_of_the_agency_and_the_witnessed_within_the_helped(aid):
    worker = aid.provider(5, kind=ProviderKind.GRASSROOTS, name="基层工作者")
    with pytest.raises(ValidationError, match="值班律师应为"):
        _duty(aid, worker, D(2025, 10, 8), 3)
    lawyer = aid.provider(5, name="值班赵律师")
    with pytest.raises(ValidationError, match="不能多于"):
        _duty(aid, lawyer, D(2025, 10, 8), 3, plea_witnessed=4)
    assert not DutyService.objects.filter(provider__in=(worker, lawyer)).exists()


def test_the_duty_and_outreach_pages_register_and_list(aid, client_as):
    lawyer = aid.provider(5, name="页面律师")
    client = client_as(aid.officer)
    form = client.get(reverse("legal_aid:duty_create")).content.decode()
    token = form.split('name="form_token" value="')[1].split('"')[0]
    response = client.post(
        reverse("legal_aid:duty_create"),
        {
            "form_token": token,
            "unit": aid.unit.pk,
            "date": "2025-10-09",
            "place": DutyPlace.COURT,
            "place_name": "东湖区人民法院诉讼服务中心",
            "provider": lawyer.pk,
            "persons": 5,
            "plea_witnessed": 2,
        },
    )
    assert response.status_code == 302
    duty = DutyService.objects.get(provider=lawyer)
    assert DomainEvent.objects.filter(action="legal_aid.duty_service").exists()
    listing = client.get(reverse("legal_aid:duty_list")).content.decode()
    assert "东湖区人民法院诉讼服务中心" in listing and "页面律师" in listing
    assert duty.persons == 5
    form = client.get(reverse("legal_aid:outreach_create")).content.decode()
    token = form.split('name="form_token" value="')[1].split('"')[0]
    client.post(
        reverse("legal_aid:outreach_create"),
        {
            "form_token": token,
            "unit": aid.unit.pk,
            "date": "2025-10-09",
            "title": "法律援助进工地",
            "place": "东湖新区工地",
            "participants": 60,
        },
    )
    assert OutreachEvent.objects.filter(title="法律援助进工地").exists()
    assert "法律援助进工地" in client.get(reverse("legal_aid:outreach_list")).content.decode()


def _rows(response):
    data = response.json()
    return data["results"] if isinstance(data, dict) else data


def test_duty_and_outreach_records_have_a_page_and_an_api_in_scope_only(aid, demo, client_as):
    lawyer = aid.provider(6, name="详情律师")
    duty = _duty(aid, lawyer, D(2025, 10, 9), 4, plea_witnessed=1, note="节后首日值班")
    event = services.register_outreach_event(
        actor=aid.officer,
        unit=aid.unit,
        date=D(2025, 10, 9),
        title="法援进校园详情",
        place="东湖一中",
        audience="在校学生",
        participants=120,
    )
    own = client_as(aid.officer)
    listing = own.get(reverse("legal_aid:duty_list")).content.decode()
    assert duty.get_absolute_url() in listing  # list → detail
    page = own.get(duty.get_absolute_url()).content.decode()
    assert "节后首日值班" in page and "详情律师" in page and "第十四条" in page
    assert event.get_absolute_url() in own.get(reverse("legal_aid:outreach_list")).content.decode()
    assert "在校学生" in own.get(event.get_absolute_url()).content.decode()

    duty_api = _rows(own.get("/api/legal-aid/duty/"))
    mine = next(row for row in duty_api if row["id"] == duty.pk)
    assert (mine["persons"], mine["plea_witnessed"], mine["provider_name"]) == (4, 1, "详情律师")
    outreach_api = _rows(own.get("/api/legal-aid/outreach/"))
    assert any(row["id"] == event.pk and row["participants"] == 120 for row in outreach_api)

    # Another district's staff of the same line: 404 on the pages, not in the API.
    other = client_as(demo.users["xishan_aid_officer"])
    for record, api in ((duty, "/api/legal-aid/duty/"), (event, "/api/legal-aid/outreach/")):
        assert other.get(record.get_absolute_url()).status_code == 404
        assert other.get(f"{api}{record.pk}/").status_code == 404
        assert record.pk not in {row["id"] for row in _rows(other.get(api))}


def test_consultations_by_channel_with_answer_and_referral_are_counted_and_shown(aid, client_as):
    period = ["legal_aid.consultations"]
    before = compute(period, user=aid.reviewer, unit=aid.unit, period=OCTOBER)
    made = [
        services.register_consultation(
            actor=aid.officer,
            unit=aid.unit,
            date=day,
            channel=channel,
            person_name="咨询群众",
            question="工伤赔偿怎么申请",
            answer=f"{channel}解答：先申请工伤认定",
            referral=referral,
        )
        for day, channel, referral in (
            (D(2025, 9, 30), Channel.VISIT, Referral.APPLICATION),
            (D(2025, 10, 3), Channel.HOTLINE, Referral.MEDIATION),  # 国庆 too
            (D(2025, 10, 10), Channel.LETTER, Referral.LAWYER),
            (D(2025, 10, 11), Channel.ONLINE, Referral.NONE),  # after the period
        )
    ]
    after = compute(period, user=aid.reviewer, unit=aid.unit, period=OCTOBER)
    assert after["legal_aid.consultations"] - before["legal_aid.consultations"] == 3
    page = client_as(aid.officer).get(made[1].get_absolute_url()).content.decode()
    assert "12348电话" in page and "hotline解答" in page and "转人民调解" in page
    with pytest.raises(ValidationError, match="咨询日期"):
        services.register_consultation(
            actor=aid.officer,
            unit=aid.unit,
            date=D(2099, 1, 5),
            channel=Channel.VISIT,
            person_name="未来",
            question="问",
            answer="答",
        )
