"""`fazhi notify`: notices 3 working days before a last day (counted over 国庆 2025), on the
day and once overdue; each made and mailed once; only to users who may see the record;
digests, e-mail off, bounded retries shown in the inbox; the inbox's count, pages and
mark-read."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from fazhi.core import deadlines
from fazhi.core.deadlines import DueItem
from fazhi.core.models import Unit
from fazhi.notifications import services
from fazhi.notifications.models import Delivery, Notice, Stage

LAST_DAY = datetime.date(2025, 10, 9)  # the first working day after 国庆 2025


@pytest.fixture
def due(demo, monkeypatch):
    """One due item of 东湖区司法局 (and a second one when asked), as a line's provider
    would give it: to the users whose scope holds the bureau."""
    bureau = demo.units["donghu_justice"]
    items = [DueItem("答复期限：东湖案", LAST_DAY, f"/units/{bureau.pk}/", "行政复议")]

    def provider(user, today, horizon):
        if Unit.objects.restrict(user).filter(pk=bureau.pk).exists():
            yield from items

    monkeypatch.setattr(deadlines, "_providers", [provider])
    officer = demo.users["donghu_officer"]
    officer.email = "officer@example.cn"
    officer.save()
    return items


def mails_to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def notices(user, **filters):
    return Notice.messages.filter(user=user, **filters)


def test_three_working_days_before_on_the_day_and_overdue_each_once(demo, due):
    officer, other = demo.users["donghu_officer"], demo.users[f"{demo.districts[1]}_officer"]
    services.notify(today=datetime.date(2025, 9, 26))  # 4 working days before (9-28 调休)
    assert not notices(officer).exists()
    services.notify(today=datetime.date(2025, 9, 29))  # 3 working days: 9-30, 10-9, 10-10
    assert list(notices(officer).values_list("stage", flat=True)) == [Stage.BEFORE]
    (sent,) = mails_to("officer@example.cn")
    assert "答复期限：东湖案" in sent.body and "/units/" in sent.body
    services.notify(today=datetime.date(2025, 9, 30))  # the same stage: nothing again
    for day in (LAST_DAY, LAST_DAY, LAST_DAY + datetime.timedelta(days=1)):
        services.notify(today=day)
    stages = sorted(notices(officer).values_list("stage", flat=True))
    assert stages == sorted([Stage.BEFORE, Stage.TODAY, Stage.OVERDUE])
    assert len(mails_to("officer@example.cn")) == 3
    assert not notices(other).exists()  # another district's officer may not see the record
    assert notices(demo.users["city_leader"]).count() == 3  # the city's leader may


def test_a_user_without_email_or_who_turned_it_off_gets_the_inbox_only(demo, due):
    officer = demo.users["donghu_officer"]
    services.set_preference(actor=officer, email=False, digest=False)
    services.notify(today=LAST_DAY)
    assert mails_to(officer.email) == []
    assert notices(officer).get().delivery == Delivery.OFF
    assert notices(demo.users["donghu_leader"]).get().delivery in (Delivery.OFF, Delivery.SENT)


def test_a_digest_is_one_mail(demo, due):
    officer = demo.users["donghu_officer"]
    due.append(DueItem("期限：第二件", LAST_DAY, "/units/", "行政复议"))
    services.set_preference(actor=officer, email=True, digest=True)
    services.notify(today=LAST_DAY)
    mine = [m for m in mail.outbox if m.to == [officer.email]]
    assert len(mine) == 1 and "2 项到期提醒" in mine[0].subject
    assert "第二件" in mine[0].body and "东湖案" in mine[0].body


def test_a_failed_delivery_is_retried_within_the_bound_and_shown(demo, due, monkeypatch, client_as):
    officer = demo.users["donghu_officer"]

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("邮件服务器拒绝连接")

    monkeypatch.setattr(services, "send_mail", broken)
    for _ in range(5):
        services.notify(today=LAST_DAY)
    notice = notices(officer).get()
    assert notice.delivery == Delivery.FAILED and notice.attempts == 3  # the bound
    assert "拒绝连接" in notice.error
    page = client_as(officer).get("/notices/").content.decode()
    assert "发送失败" in page and "已尝试 3 次" in page
    out = StringIO()
    call_command("notify", "--today", LAST_DAY.isoformat(), stdout=out)
    assert "发送失败（3 次）" in out.getvalue()


def test_the_inbox_counts_pages_and_opens_the_record(demo, due, client_as):
    officer = demo.users["donghu_officer"]
    for day in range(12):
        due.append(DueItem(f"期限：第{day}件", LAST_DAY, "/units/", "行政复议"))
    services.notify(today=LAST_DAY)
    client = client_as(officer)
    page = client.get("/notices/")
    assert page.context["notice_unread"] == 13
    assert "共 13 条" in page.content.decode() or page.context["page"].paginator.count == 13
    notice = notices(officer, title="答复期限：东湖案").get()
    opened = client.post("/notices/read/", {"notice": notice.pk})
    assert opened.status_code == 302 and opened["Location"] == notice.url
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert client.get("/").context["notice_unread"] == 12
    other = notices(demo.users["city_leader"]).first()  # someone else's notice: not found
    assert client.post("/notices/read/", {"notice": other.pk}).status_code == 404
    client.post("/notices/read-all/")
    assert client.get("/notices/?unread=1").context["page"].paginator.count == 0


def test_preferences_page(demo, client_as):
    officer = demo.users["donghu_officer"]
    client = client_as(officer)
    assert client.get("/notices/preferences/").status_code == 200
    response = client.post("/notices/preferences/", {"digest": "on"})
    assert response.status_code == 302
    preference = services.preference_of(officer)
    assert preference.pk and not preference.email and preference.digest


def test_the_reminders_run_as_a_background_task(demo, due):
    """`fazhi notify --queue` enqueues the run (the worker's); the task makes and mails the
    notices as the command does (the tests' immediate backend runs it at once)."""
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    from fazhi.notifications import tasks

    before = Notice.messages.count()
    result = tasks.send_reminders.enqueue(LAST_DAY.isoformat())
    run = result.return_value
    assert run["today"] == "2025-10-09" and run["failed"] == 0
    assert run["made"] == Notice.messages.count() - before >= 1
    assert run["sent"] == len(mail.outbox) and len(mails_to("officer@example.cn")) == 1
    out = StringIO()
    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=database):
        call_command("notify", "--queue", "--today", LAST_DAY.isoformat(), stdout=out)
    queued = DBTaskResult.objects.get()
    assert "已加入后台任务队列" in out.getvalue() and queued.status == "READY"
    assert queued.task_path == "fazhi.notifications.tasks.send_reminders"
