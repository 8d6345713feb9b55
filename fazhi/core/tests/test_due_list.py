"""The due list (待办): the one interface through which the apps' deadlines reach the home page."""

import datetime

import pytest

from fazhi.core import deadlines
from fazhi.core.calendar import CalendarYearUnknown, add_working_days
from fazhi.core.deadlines import DueItem, due_list

TODAY = datetime.date(2024, 9, 27)


@pytest.fixture
def providers(monkeypatch):
    registered = []
    monkeypatch.setattr(deadlines, "_providers", registered)
    return registered


def officers_items(user, today, horizon):
    """A provider as an app writes one: items from scoped records, with the statute."""
    if user.username != "donghu_officer":
        return []
    return [
        DueItem(
            "甲的复议申请 审查期满",
            add_working_days(today, 5),
            "/a/",
            "行政复议",
            "行政复议法 第三十条",
        ),
        DueItem("乙的复议申请 补正期满", today, "/b/", "行政复议"),
        DueItem("丙案 答复期满", today - datetime.timedelta(days=2), "/c/", "行政复议"),
        DueItem("丁案 远期", today + datetime.timedelta(days=60), "/d/", "行政复议"),
    ]


def test_items_are_sorted_marked_and_limited_to_the_horizon(demo, providers):
    deadlines.register_due_provider(officers_items)
    deadlines.register_due_provider(officers_items)  # registering twice keeps one
    result = due_list(demo.users["donghu_officer"], TODAY)
    assert [(item.title, item.status(TODAY)) for item in result.items] == [
        ("丙案 答复期满", "overdue"),
        ("乙的复议申请 补正期满", "today"),
        ("甲的复议申请 审查期满", "upcoming"),
    ]
    assert result.items[-1].due_date == datetime.date(2024, 10, 10)
    assert due_list(demo.users["xishan_officer"], TODAY).items == []


def test_the_home_page_lists_the_items_with_their_status(demo, providers, client_as, monkeypatch):
    deadlines.register_due_provider(officers_items)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: TODAY)
    page = client_as(demo.users["donghu_officer"]).get("/").content.decode()
    assert "丙案 答复期满" in page and "已逾期" in page and "今日到期" in page
    assert "行政复议法 第三十条" in page
    assert "丁案 远期" not in page


def test_an_unknown_calendar_year_becomes_a_warning_not_an_error(demo, providers, client_as):
    def needs_2099(user, today, horizon):
        raise CalendarYearUnknown(2099)

    deadlines.register_due_provider(needs_2099)
    page = client_as(demo.users["donghu_officer"]).get("/").content.decode()
    assert "2099年节假日安排尚未录入" in page


def test_the_api_lists_the_same_items(demo, providers, client_as, monkeypatch):
    deadlines.register_due_provider(officers_items)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: TODAY)
    data = client_as(demo.users["donghu_officer"]).get("/api/due/").json()
    assert [item["status"] for item in data] == ["overdue", "today", "upcoming"]


def test_empty_due_list_says_so(demo, providers, client_as):
    page = client_as(demo.users["xishan_officer"]).get("/").content.decode()
    assert "暂无到期或逾期事项" in page
