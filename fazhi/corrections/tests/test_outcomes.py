"""终止 by its reason (社区矫正法 第四十五条), 重新犯罪 (第四十六条第二款), 提请治安管理处罚
(第二十八条), 走访、实地查访 (第二十六条) and 在册 by category (第二条): counted from the
records on fixed dates (terms 2025-09-01 … 2026-08-31, over 国庆 2025 and 春节 2026), the
rows behind each figure a click away."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.corrections import services
from fazhi.corrections.models import DailyKind, EndReason, SanctionKind
from fazhi.corrections.tests import helpers
from fazhi.indicators import engine
from fazhi.indicators.engine import Period

YEAR = Period.year(2026)
ENDED = [
    "corrections.terminated",
    "corrections.terminated_revoked",
    "corrections.terminated_recommitted",
    "corrections.terminated_died",
    "corrections.reoffended",
]
CATEGORIES = [
    "corrections.subjects",
    "corrections.subjects_control",
    "corrections.subjects_probation",
    "corrections.subjects_parole",
    "corrections.subjects_medical_parole",
]


def figures(demo, ids, period=YEAR):
    return engine.compute(
        ids, user=demo.users["donghu_corrections"], unit=demo.units["donghu"], period=period
    )


def delta(after, before):
    return {key: after[key] - before[key] for key in after}


def test_termination_by_reason_and_reoffending_with_the_rows_behind(demo, client_as):
    officer = demo.users["donghu_corrections"]
    before = figures(demo, ENDED)
    revoked = helpers.receive(demo, "JZ-END-1", category="probation")
    parole = helpers.receive(demo, "JZ-END-2", category="parole")
    recommitted = helpers.receive(demo, "JZ-END-3", category="medical_parole")
    died = helpers.receive(demo, "JZ-END-4", category="control")
    late = helpers.receive(demo, "JZ-END-5", category="probation")
    # 春节 2026 (17 February): a termination is dated on its day, holidays or not.
    services.terminate_subject(
        actor=officer,
        subject=revoked,
        end_reason=EndReason.REVOKED,
        end_date=datetime.date(2026, 2, 18),
        new_crime=True,
    )
    services.terminate_subject(
        actor=officer, subject=parole, end_reason=EndReason.REVOKED, end_date=YEAR.start
    )
    # Through the page: the form carries the new crime to the service.
    client = client_as(officer)
    url = reverse("corrections:terminate_subject", args=[recommitted.pk])
    token = re.search(r'name="form_token" value="([0-9a-f]+)"', client.get(url).content.decode())
    posted = client.post(
        url,
        {
            "form_token": token.group(1),
            "end_reason": EndReason.RECOMMITTED,
            "end_date": "2026-03-02",
            "new_crime": "on",
        },
    )
    assert posted.status_code == 302
    recommitted.refresh_from_db()
    assert recommitted.new_crime and recommitted.end_reason == EndReason.RECOMMITTED
    with pytest.raises(ValidationError, match="不是因死亡"):
        services.terminate_subject(
            actor=officer,
            subject=died,
            end_reason=EndReason.DIED,
            end_date=datetime.date(2026, 4, 1),
            new_crime=True,
        )
    services.terminate_subject(
        actor=officer, subject=died, end_reason=EndReason.DIED, end_date=datetime.date(2026, 4, 1)
    )
    # 国庆 2025: ended in the year before, not counted in 2026.
    services.terminate_subject(
        actor=officer,
        subject=late,
        end_reason=EndReason.REVOKED,
        end_date=datetime.date(2025, 10, 3),
        new_crime=True,
    )
    assert delta(figures(demo, ENDED), before) == {
        "corrections.terminated": 4,
        "corrections.terminated_revoked": 2,
        "corrections.terminated_recommitted": 1,
        "corrections.terminated_died": 1,
        "corrections.reoffended": 2,
    }
    october = Period(datetime.date(2025, 10, 1), datetime.date(2025, 10, 8))
    assert figures(demo, ["corrections.reoffended"], october)["corrections.reoffended"] == 1
    rows = engine.records(
        "corrections.reoffended", user=officer, unit=demo.units["donghu"], period=YEAR
    )
    assert {"JZ-END-1", "JZ-END-3"} <= set(rows.values_list("number", flat=True))
    assert not rows.filter(number__in=["JZ-END-2", "JZ-END-4", "JZ-END-5"]).exists()
    page = client_as(officer).get(
        reverse("indicators:records"),
        {"id": "corrections.terminated_died", "year": 2026},
    )
    assert page.status_code == 200 and "JZ-END-4" in page.content.decode()
    assert "JZ-END-1" not in page.content.decode()


def test_penalty_proposals_and_visits_are_counted_each_time(demo):
    officer = demo.users["donghu_corrections"]
    ids = ["corrections.public_security_penalties", "corrections.home_visits"]
    before = figures(demo, ids)
    subject = helpers.receive(demo, "JZ-VISIT-1")
    services.record_sanction(
        actor=officer,
        subject=subject,
        kind=SanctionKind.PUBLIC_SECURITY,
        date=datetime.date(2026, 2, 24),
        ground="违反监督管理规定，殴打他人",
    )
    for kind, day in (
        (DailyKind.VISIT, datetime.date(2025, 10, 8)),  # 国庆's last day: 2025, not counted
        (DailyKind.VISIT, datetime.date(2026, 2, 14)),  # the 调休 Saturday before 春节
        (DailyKind.INSPECTION, datetime.date(2026, 2, 26)),
        (DailyKind.REPORT, datetime.date(2026, 2, 26)),  # a report is no visit
        (DailyKind.PHONE_CHECK, datetime.date(2026, 2, 27)),  # nor a phone check
    ):
        services.record_daily(actor=officer, subject=subject, kind=kind, date=day)
    assert delta(figures(demo, ids), before) == {
        "corrections.public_security_penalties": 1,
        "corrections.home_visits": 2,
    }
    visits = engine.records(
        "corrections.home_visits", user=officer, unit=demo.units["donghu"], period=YEAR
    ).filter(subject=subject)
    assert sorted(visits.values_list("kind", flat=True)) == ["inspection", "visit"]


def test_the_register_by_category_adds_up_to_the_register(demo):
    officer = demo.users["donghu_corrections"]
    end_of_january = Period(datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))
    december = Period(datetime.date(2025, 12, 1), datetime.date(2025, 12, 31))
    before = figures(demo, CATEGORIES, end_of_january)
    december_before = figures(demo, CATEGORIES, december)
    helpers.receive(demo, "JZ-CAT-1", category="control")
    helpers.receive(demo, "JZ-CAT-2", category="parole")
    ended = helpers.receive(demo, "JZ-CAT-3", category="medical_parole")
    services.terminate_subject(
        actor=officer,
        subject=ended,
        end_reason=EndReason.RECOMMITTED,
        end_date=datetime.date(2026, 1, 20),
    )
    after = figures(demo, CATEGORIES, end_of_january)
    assert delta(after, before) == {
        "corrections.subjects": 2,
        "corrections.subjects_control": 1,
        "corrections.subjects_probation": 0,
        "corrections.subjects_parole": 1,
        "corrections.subjects_medical_parole": 0,
    }
    assert after["corrections.subjects"] == sum(after[i] for i in CATEGORIES[1:])
    # At the end of December the 暂予监外执行 subject was still on the register.
    assert delta(figures(demo, CATEGORIES, december), december_before) == {
        "corrections.subjects": 3,
        "corrections.subjects_control": 1,
        "corrections.subjects_probation": 0,
        "corrections.subjects_parole": 1,
        "corrections.subjects_medical_parole": 1,
    }
