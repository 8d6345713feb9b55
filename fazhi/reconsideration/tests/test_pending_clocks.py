"""A clock that ends in a year whose holidays are not entered stays on the case page and the
due list as "待录入（年份）年节假日安排后计算" with its natural-day bound (issue 13 item 9)."""

from datetime import timedelta

from fazhi.core.calendar import _package_years as package_years
from fazhi.core.deadlines import due_list
from fazhi.reconsideration.models import State

from .conftest import D


def test_a_decision_period_in_an_unknown_year_shows_its_bound(
    accepted, officer, client_as, monkeypatch
):
    unknown = max(package_years()) + 1
    case = accepted(accepted_on=D(2024, 8, 2))
    # A case whose decision period ends in the unknown year (as a late-year case would).
    case.accepted_date = D(unknown - 1, 12, 1)
    case.decision_due = None
    case.save()
    assert case.state == State.HEARING
    bound = D(unknown - 1, 12, 1) + timedelta(days=60)
    shown = f"待录入{unknown}年节假日安排后计算（按自然日计不早于{bound:%Y-%m-%d}）"

    client = client_as(officer)
    page = client.get(f"/reconsideration/cases/{case.pk}/").content.decode()
    assert f"审理期限 {shown}" in page

    today = bound - timedelta(days=10)
    items = [item for item in due_list(officer, today).items if item.url.endswith(f"/{case.pk}/")]
    decision = next(item for item in items if item.title.endswith("审理期限"))
    assert decision.due_date == bound and decision.status(today) == "pending"
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: today)
    page = client.get("/").content.decode()
    assert shown in page and "待计算" in page
    assert f"{unknown}年节假日安排尚未录入" in page  # and the warning above the list
