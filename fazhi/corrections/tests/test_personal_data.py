"""Rule 4 of issue 22 for every role: no page, export, API response or field history carries
an unmasked identity field, and a minor's record reaches only its named handlers — never an
export or a drill-down. The walk covers every route of the app (enumerated from the
resolver, as the core scoping test does), its API and the figures' click-through."""

import re

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from fazhi.core.models import DomainEvent
from fazhi.core.tests.routes import all_routes
from fazhi.core.tests.test_scoping import response_text
from fazhi.corrections.models import IDENTITY_FIELDS, Investigation, ReleasedPerson, Subject

USERS = [
    "donghu_corrections",  # named handler of 东湖区 subjects, the minor included
    "donghu_leader",  # 负责人: rows masked, may reveal, not the minor's handler
    "donghu_officer",  # 经办人 of other lines: nothing of corrections
    "donghu_inspector",  # 督察员: counts only
    "donghu_admin",  # 单位管理员: counts only
    "city_leader",  # the superior bureau: rows without identity fields
    "city_inspector",  # 依法治市办: counts only
    "admin",  # 系统管理员
]
ROW_NUMBER = re.compile(r"(?:JZ|BJ)\d{6}")  # a 矫正编号 or 帮教编号 of the demo
COUNTS_ONLY = {"donghu_inspector", "donghu_admin", "city_inspector"}


def identity_values() -> set[str]:
    values = set()
    for subject in Subject.objects.all():
        values |= {getattr(subject, field) for field in IDENTITY_FIELDS}
    values |= set(Investigation.objects.values_list("person_name", flat=True))
    for person in ReleasedPerson.objects.all():
        values |= {person.name, person.id_number}
    return {v for v in values if v and len(v) >= 2}


def _user(demo, username):
    return demo.admin if username == "admin" else demo.users[username]


def corrections_urls():
    urls = []
    for route in all_routes():
        if not route.name or not (
            route.name.startswith("corrections:") or "corrections" in route.name
        ):
            continue
        if route.params == ("pk",):
            model = route.record_model
            urls += [
                reverse(route.name, kwargs={"pk": pk})
                for pk in model.objects.values_list("pk", flat=True)
            ]
        elif not route.params:
            urls += [reverse(route.name), reverse(route.name) + "?export=xlsx"]
    return urls


def figure_urls():
    return [
        f"{reverse('indicators:records')}?id={indicator}&year={year}"
        for indicator in (
            "corrections.received",
            "corrections.warnings",
            "corrections.investigations",
        )
        for year in (2025, 2026)
    ]


@pytest.mark.parametrize("username", USERS)
def test_no_route_carries_an_identity_field_or_a_minor_to_whom_may_not_see_it(demo, username):
    user = _user(demo, username)
    secrets = identity_values()
    minor = Subject.objects.get(is_minor=True)
    handler = minor.handlers.filter(pk=user.pk).exists()
    client = Client()
    client.force_login(user)
    urls = corrections_urls() + figure_urls()
    assert len(urls) > 30
    shown_rows = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404, 405), (url, response.status_code)
        text = response_text(response) if response.status_code == 200 else ""
        leaked = [value for value in secrets if value in text]
        assert not leaked, f"{url} as {username} shows {leaked}"
        exported = "export=" in url or response.get("Content-Type", "").startswith(
            "application/vnd"
        )
        if exported or "indicators" in url or not handler:
            assert minor.number not in text, f"{url} as {username} shows the minor"
        row = ROW_NUMBER.search(text)
        if username in COUNTS_ONLY and row:
            at = row.start()
            raise AssertionError(f"{url} shows rows to {username}: {text[at - 200 : at + 40]}")
        shown_rows += bool(row)
    if username in COUNTS_ONLY or username == "donghu_officer":
        assert shown_rows == 0
    else:
        assert shown_rows > 0


def test_counts_only_roles_read_the_counts(demo, client_as):
    client = client_as(demo.users["donghu_inspector"])
    page = response_text(client.get(reverse("corrections:overview")))
    assert "在矫人数" in page and "&lt;5</td>" in page  # one minor in 东湖区: suppressed
    assert client.get(reverse("corrections:subject_list")).status_code == 403
    counts = client.get("/api/corrections/counts/").json()
    assert counts["在矫"] >= 2
    assert client.get("/api/corrections/subjects/").status_code == 403


def test_the_superior_bureau_sees_rows_without_identity_fields(demo, client_as):
    subject = Subject.objects.filter(unit=demo.units["donghu_justice"], is_minor=False).first()
    page = response_text(client_as(demo.users["city_leader"]).get(subject.get_absolute_url()))
    assert subject.number in page and "（不显示）" in page and "申请查看" not in page


def test_staff_see_masked_values_and_reveal_with_a_recorded_reason(demo, client_as):
    from fazhi.core.models import FormToken

    subject = Subject.objects.get(name="王建国")
    client = client_as(demo.users["donghu_leader"])
    page = response_text(client.get(subject.get_absolute_url()))
    assert "王*国" in page and "**************123X" in page
    assert "138000" not in page and "幸福社区（详细地址已隐藏）" in page
    url = reverse("corrections:subject_reveal", kwargs={"pk": subject.pk})
    client.get(url + "?field=id_number")
    token = FormToken.objects.filter(user=demo.users["donghu_leader"]).latest("created_at").token
    refused = response_text(
        client.post(url, {"field": "id_number", "reason": "", "form_token": token})
    )
    assert (
        "须写明理由" in refused and "本次申请已记录" in refused and subject.id_number not in refused
    )
    client.get(url + "?field=id_number")
    token = FormToken.objects.filter(user=demo.users["donghu_leader"]).latest("created_at").token
    shown = response_text(
        client.post(url, {"field": "id_number", "reason": "核对法律文书", "form_token": token})
    )
    assert subject.id_number in shown
    history = response_text(client.get(subject.get_absolute_url()))
    assert "核对法律文书" in history and "已拒绝" in history and subject.id_number not in history
    report = response_text(client.get(reverse("corrections:access_report")))
    assert "核对法律文书" in report


def test_the_field_history_and_the_events_hold_no_identity_value(demo):
    secrets = identity_values()
    types = [ContentType.objects.get_for_model(m) for m in (Subject, Investigation, ReleasedPerson)]
    for entry in LogEntry.objects.filter(content_type__in=types):
        leaked = [v for v in secrets if v in str(entry.changes)]
        assert not leaked, leaked
    minor = Subject.objects.get(is_minor=True).number
    for event in DomainEvent.objects.filter(action__startswith="corrections."):
        text = f"{event.summary} {event.target_repr} {event.data}"
        assert not [v for v in secrets if v in text]
        assert minor not in text  # the event log is read by others than the minor's handlers


def test_an_export_asked_with_identity_fields_is_refused(demo, client_as):
    client = client_as(demo.users["donghu_corrections"])
    response = client.get(
        reverse("corrections:subject_list") + "?export=xlsx&fields=name,id_number"
    )
    assert response.status_code == 403
    assert "不能包含姓名" in response_text(response)


@pytest.mark.parametrize("username", [*USERS, "donghu_reviewer"])
def test_the_events_page_shows_the_lines_events_by_number_to_its_staff_only(demo, username):
    from fazhi.corrections import services

    subject = Subject.objects.get(name="王建国")
    # A reason naming the person: kept to the record's own access history.
    services.reveal(
        actor=demo.users["donghu_leader"],
        record=subject,
        field="phone",
        reason=f"联系{subject.name}本人核实报到",
    )
    secrets = identity_values()
    minor = Subject.objects.get(is_minor=True).number
    client = Client()
    client.force_login(_user(demo, username))
    shown = ""
    for url in ("/events/", "/events/?q=JZ", f"/events/?q={subject.number}", "/events/?q=查看"):
        response = client.get(url)
        if response.status_code == 403:  # no history reader (经办人)
            continue
        assert response.status_code == 200, (url, username, response.status_code)
        text = response_text(response)
        assert not [v for v in secrets if v in text], (url, username)
        assert minor not in text
        shown += text[text.find("<table") :]  # the rows, not the search box's echo
    if username in ("donghu_corrections", "donghu_officer"):
        assert not shown  # 经办人 read no operation log
    elif username in COUNTS_ONLY or username == "donghu_reviewer":  # reviewer of other lines
        assert not ROW_NUMBER.search(shown), username
    else:
        assert subject.number in shown and "（理由见该记录的查看记录）" in shown
