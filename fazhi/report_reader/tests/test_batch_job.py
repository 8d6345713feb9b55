"""Several reports uploaded at once are read by a background job (issue 15, item 3): the
job's page counts the files, then says how many were stored and names the unreadable ones;
when none can be read the job fails with the reasons."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from fazhi.core.jobs import tasks
from fazhi.core.jobs.models import Job
from fazhi.report_reader.demo import report_text
from fazhi.report_reader.models import ReadReport

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
URL = "/reports/upload/"


def text_file(name: str, region: str) -> SimpleUploadedFile:
    text = report_text(region, {"rate": "12.5", "corrected": 2, "closed": 16})
    return SimpleUploadedFile(name, text.encode("utf-8"), "text/plain")


def post_queued(client, uploads) -> Job:
    page = client.get(URL).content.decode()
    token = re.search(r'name="form_token" value="([0-9a-f]+)"', page).group(1)
    with override_settings(TASKS=DUMMY):  # enqueued, not run
        response = client.post(URL, {"form_token": token, "uploads": uploads})
    job = Job.objects.filter(kind=Job.Kind.READ).latest("pk")
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    return job


def test_a_batch_is_read_by_a_job_that_counts_the_files(demo, client_as):
    client = client_as(demo.users["donghu_inspector"])
    uploads = [
        text_file("甲区2025年度报告.txt", "甲区"),
        text_file("乙区2025年度报告.txt", "乙区"),
        SimpleUploadedFile("空白.txt", b"", "text/plain"),
        SimpleUploadedFile("表格.xls", b"x", "application/vnd.ms-excel"),
    ]
    job = post_queued(client, uploads)
    assert job.title == "批量解析报告（4份）" and job.status == Job.Status.QUEUED
    assert not ReadReport.objects.filter(file_name__startswith="甲区").exists()
    tasks.run_work.call(job.pk)
    part = client.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert "已完成 4 / 4" in part and "已解析并保存2份报告" in part
    assert "空白.txt：文件为空" in part and "表格.xls：不支持的文件类型" in part
    assert "/reports/" in part and "hx-trigger" not in part
    stored = ReadReport.objects.filter(
        file_name__in=["甲区2025年度报告.txt", "乙区2025年度报告.txt"]
    )
    assert {r.region for r in stored} == {"甲区", "乙区"}
    assert {r.uploaded_by for r in stored} == {demo.users["donghu_inspector"]}
    assert {r.unit for r in stored} == {demo.units["donghu_office"]}
    assert client_as(demo.users["xishan_officer"]).get(job.get_absolute_url()).status_code == 404


def test_a_batch_of_unreadable_files_fails_with_the_reasons(demo, client_as):
    client = client_as(demo.users["donghu_inspector"])
    job = post_queued(
        client,
        [
            SimpleUploadedFile("空白.txt", b"", "text/plain"),
            SimpleUploadedFile("坏.docx", b"not a zip", "application/octet-stream"),
        ],
    )
    tasks.run_work.call(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    page = client.get(job.get_absolute_url()).content.decode()
    assert "未完成：没有可以解析的报告：空白.txt：文件为空；坏.docx：" in page
    assert "未完成" in client.get("/jobs/").content.decode()
