"""Background jobs (issue 15, item 3): an import's job goes queued → running → done or
failed, its page shows the progress and the result to its user only; busy databases are
retried a bounded number of times; the database backend's worker runs a job in-process."""

import io
import signal

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings
from openpyxl import Workbook

from fazhi.core.audit import service
from fazhi.core.imports import Checked, Field, ImportSpec
from fazhi.core.jobs import jobs, tasks
from fazhi.core.jobs.models import Job
from fazhi.reconsideration.models import Case
from fazhi.reconsideration.tests.test_import import GOOD, HEADER, workbook

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

PEOPLE = ImportSpec(
    sheet="测试人员",
    fields=(Field("name", "姓名"), Field("age", "年龄", parse=int, expected="整数")),
    noun="人员",
)
SEEN = []  # what the service saw: (the job's status, the rows it was given)
BUSY = {"left": 0}  # how many calls fail with a busy database


@service
def import_people(*, actor, data, tag: str) -> int:
    """A test import service: counts its rows, fails while BUSY says so."""
    if BUSY["left"]:
        BUSY["left"] -= 1
        raise OperationalError("database is locked")
    rows = PEOPLE.read_rows(data)
    SEEN.append((Job.objects.filter(user=actor).latest("pk").status, type(data), tag))
    return len(rows)


def people_bytes(*rows) -> bytes:
    book = Workbook()
    book.active.append(["姓名", "年龄"])
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def start(user, data: bytes) -> Job:
    import functools

    return jobs.start_import(
        actor=user,
        spec=PEOPLE,
        run=functools.partial(import_people, tag="甲"),
        data=data,
        title="导入测试人员",
        success="已导入{count}人",
        done="/jobs/",
    )


@pytest.fixture
def user(django_user_model):
    SEEN.clear()
    BUSY["left"] = 0
    return django_user_model.objects.create_user("jobs-tester", password="x")


def test_a_job_goes_from_queued_through_running_to_done(db, user):
    with override_settings(TASKS=DUMMY):  # enqueued, not run
        job = start(user, people_bytes(*[(f"人{n}", 30) for n in range(450)]))
    assert (job.status, job.checked, job.count) == (Job.Status.QUEUED, 0, 0)
    assert job.task_id
    tasks.run_import.call(job.pk)
    job.refresh_from_db()
    # the service ran while the job was running, on rows read and checked before it
    assert [(Job.Status.RUNNING, Checked, "甲")] == SEEN
    assert (job.status, job.count, job.message) == (Job.Status.DONE, 450, "已导入450人")
    assert (job.checked, job.total, job.attempts, job.data) == (450, 450, 1, None)
    tasks.run_import.call(job.pk)  # run twice (a second worker): nothing happens again
    assert len(SEEN) == 1


def test_a_bad_row_fails_the_job_with_the_rows_and_reasons(db, user):
    job = start(user, people_bytes(("甲", 30), ("乙", "三十"), ("", 40)))  # immediate backend
    assert job.status == Job.Status.FAILED and job.count == 0
    assert job.errors == [
        [3, "年龄", "“三十”无效，应为整数"],
        [4, "姓名", "不能为空"],
    ]
    assert SEEN == []  # all rows or none: the service never ran


def test_a_busy_database_is_retried_a_bounded_number_of_times(db, user, settings):
    settings.FAZHI_TASK_ATTEMPTS = 3
    BUSY["left"] = 2
    job = start(user, people_bytes(("甲", 30)))
    assert (job.status, job.attempts, job.count) == (Job.Status.DONE, 3, 1)
    BUSY["left"] = 5
    job = start(user, people_bytes(("乙", 30)))
    assert (job.status, job.attempts) == (Job.Status.FAILED, 3)
    assert job.errors == [[0, "全部", "数据库繁忙，已尝试3次，未导入任何数据"]]


def test_the_import_page_hands_the_upload_to_a_job_its_user_alone_follows(demo, client_as):
    officer = client_as(demo.users["donghu_officer"])
    with override_settings(TASKS=DUMMY):
        response = officer.post("/reconsideration/cases/import/", {"file": workbook(HEADER, GOOD)})
    job = Job.objects.get(user=demo.users["donghu_officer"])
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    page = officer.get(job.get_absolute_url()).content.decode()
    assert "排队中" in page and 'hx-trigger="every 2s"' in page
    assert not Case.objects.filter(number=GOOD[0]).exists()  # not in the request
    # another district's officer (and the same district's reviewer) cannot open it
    for other in ("xishan_officer", "donghu_reviewer"):
        assert client_as(demo.users[other]).get(job.get_absolute_url()).status_code == 404
    tasks.run_import.call(job.pk)
    part = officer.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert "已导入1件历史案件" in part and "hx-trigger" not in part  # the polling stops
    assert "已检查 1 / 1 行" in part and "/reconsideration/cases/" in part
    assert Case.objects.get(number=GOOD[0]).unit == demo.units["donghu_justice"]
    listed = officer.get("/jobs/").content.decode()
    assert "导入历史案件" in listed and "已完成" in listed


@pytest.mark.django_db(transaction=True)
def test_the_database_backends_worker_runs_a_queued_job(django_user_model):
    user = django_user_model.objects.create_user("jobs-worker", password="x")
    SEEN.clear()
    BUSY["left"] = 0
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with override_settings(TASKS=DATABASE):
            job = start(user, people_bytes(("甲", 30), ("乙", 31)))
            assert job.status == Job.Status.QUEUED
            call_command(
                "db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0
            )
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    job.refresh_from_db()
    assert (job.status, job.count, job.checked) == (Job.Status.DONE, 2, 2)
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"


@jobs.work
def busy_work(*, actor, progress, tag: str):
    """A test work: fails while BUSY says so, then gives a file."""
    if BUSY["left"]:
        BUSY["left"] -= 1
        raise OperationalError("database is locked")
    progress(1, 1)
    return jobs.Outcome(f"完成{tag}", content=b"ok", filename="结果.txt", content_type="text/plain")


def test_a_work_job_retries_a_busy_database_a_bounded_number_of_times(db, user, settings):
    import functools

    settings.FAZHI_TASK_ATTEMPTS = 2

    def start_busy():
        run = functools.partial(busy_work, tag="甲")
        return jobs.start_work(actor=user, kind=Job.Kind.PDF, title="测试", run=run)

    BUSY["left"] = 1
    job = start_busy()
    assert (job.status, job.attempts, job.message, job.output_name) == (
        Job.Status.DONE,
        2,
        "完成甲",
        "结果.txt",
    )
    BUSY["left"] = 5
    job = start_busy()
    assert (job.status, job.attempts) == (Job.Status.FAILED, 2)
    assert job.errors == [[0, "原因", "数据库繁忙，已尝试2次仍未完成"]]
