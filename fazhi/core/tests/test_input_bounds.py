"""Denial of service by input (issue 14, item 5): indicator periods of at most ten years
within the calendar's years, on the dashboard and the API; free text of bounded length; a
body over the limit gets the Chinese 413 page."""

import re

import pytest
from django.conf import settings

from fazhi.core.forms import LINE_MAX_LENGTH, TEXT_MAX_LENGTH
from fazhi.reconsideration.models import Case, Step


@pytest.mark.parametrize(
    "query, message",
    [
        ("from=0002-01-01&to=9999-11-30", "统计期间须在"),
        ("from=2010-01-01&to=2024-12-31", "统计期间最长为10年"),
        ("year=1", "年份须在"),
        ("year=99999999999999999999999", "年份须在"),
    ],
)
def test_the_dashboard_refuses_a_period_too_long_or_out_of_the_calendar(
    demo, client_as, query, message
):
    leader = client_as(demo.users["donghu_leader"])
    response = leader.get(f"/indicators/?{query}")
    assert response.status_code == 400 and message in response.content.decode()
    records = leader.get(f"/indicators/records/?id=reconsideration.received&{query}")
    assert records.status_code == 400 and message in records.content.decode()
    unit = demo.units["donghu"].pk
    api = leader.get(f"/api/indicators/?unit={unit}&{query}")
    assert api.status_code == 400 and message in api.json()["detail"]


def test_ten_years_are_shown(demo, client_as):
    leader = client_as(demo.users["donghu_leader"])
    assert leader.get("/indicators/?from=2015-01-01&to=2024-12-31").status_code == 200


def test_a_note_longer_than_the_bound_is_refused_and_nothing_written(demo, client_as):
    from fazhi.reconsideration import services

    from ...reconsideration.tests.conftest import ALL_CONDITIONS, D

    officer = demo.users["donghu_officer"]
    case = services.register_case(
        actor=officer,
        unit=demo.units["donghu_justice"],
        channel="in_person",
        received_date=D(2024, 7, 1),
        request="请求撤销",
        respondent=demo.units["donghu_enf0"],
        act_kind="penalty",
        act_date=D(2024, 6, 10),
        act_known_date=D(2024, 6, 20),
        applicants=[{"kind": "person", "name": "长文申请人", "id_number": "11010519491231002X"}],
    )
    case = services.accept(
        actor=officer,
        case=case,
        date=D(2024, 7, 1),
        conditions=ALL_CONDITIONS,
        procedure="ordinary",
    )
    client = client_as(officer)
    url = f"/reconsideration/cases/{case.pk}/step/?action=hear_views"
    page = client.get(url).content.decode()
    assert f'maxlength="{TEXT_MAX_LENGTH}"' in page
    token = re.search(r'name="form_token" value="([0-9a-f]+)"', page).group(1)
    data = {"form_token": token, "action": "hear_views", "date": "2024-07-20"}
    response = client.post(url, {**data, "summary": "意" * (TEXT_MAX_LENGTH + 1)})
    assert response.status_code == 200
    assert f"不超过 {TEXT_MAX_LENGTH} 字符" in response.content.decode()
    assert not Step.objects.filter(case=case, action="hear_views").exists()
    assert client.post(url, {**data, "summary": "意" * 100}).status_code == 302
    assert Case.objects.get(pk=case.pk).views_heard_date is not None


def test_a_single_line_without_a_length_gets_the_line_bound():
    from django import forms

    from fazhi.core.forms import SubmitOnceForm

    class NoteForm(SubmitOnceForm):
        title = forms.CharField()
        note = forms.CharField(widget=forms.Textarea)
        code = forms.CharField(max_length=6)

    class Anonymous:
        is_authenticated = False

    class Request:
        user = Anonymous()

    form = NoteForm(
        {"title": "x" * (LINE_MAX_LENGTH + 1), "note": "y", "code": "1"}, request=Request()
    )
    assert form.fields["title"].max_length == LINE_MAX_LENGTH
    assert form.fields["note"].max_length == TEXT_MAX_LENGTH
    assert form.fields["code"].max_length == 6
    assert not form.is_valid() and "title" in form.errors


def test_a_body_over_the_limit_gets_the_chinese_413_page(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    response = client.post(
        "/reconsideration/cases/new/",
        {"request": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)},
    )
    assert response.status_code == 413
    assert "提交的内容过大" in response.content.decode()
