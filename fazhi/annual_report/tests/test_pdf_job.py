"""下载PDF runs as a background job (issue 15, item 3): the page starts it, the job's page
follows it and offers the file to its user alone; a failure is shown with its reason."""

import io
import zipfile

import pytest
from django.test import override_settings

from fazhi.annual_report import pdf
from fazhi.core.jobs import tasks
from fazhi.core.jobs.models import Job

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def fake_pdf(docx: bytes) -> bytes:
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(docx)).namelist()
    return b"%PDF-1.7 fake"


def test_the_pdf_is_made_by_a_job_whose_page_offers_the_file(demo, written, client_as, monkeypatch):
    monkeypatch.setattr(pdf, "pdf_bytes", fake_pdf)  # LibreOffice itself: test_output.py
    officer = client_as(demo.users["donghu_officer"])
    url = f"/annual-reports/{written.pk}/pdf/"
    assert officer.get(url).status_code == 405  # a job is started by a POST only
    with override_settings(TASKS=DUMMY):  # enqueued, not run
        response = officer.post(url)
    job = Job.objects.get(user=demo.users["donghu_officer"], kind=Job.Kind.PDF)
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert "排队中" in officer.get(job.get_absolute_url()).content.decode()
    tasks.run_work.call(job.pk)
    part = officer.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert f"已生成《{written.title}》的PDF" in part and "hx-trigger" not in part
    assert f"/jobs/{job.pk}/file/" in part and written.get_absolute_url() in part
    download = officer.get(f"/jobs/{job.pk}/file/")
    assert download["Content-Type"] == "application/pdf"
    assert download.content == b"%PDF-1.7 fake"
    other = client_as(demo.users["xishan_officer"])
    assert other.get(f"/jobs/{job.pk}/file/").status_code == 404
    assert other.post(url).status_code == 404  # another district's report
    # the immediate backend: the POST answers with the file at once
    response = officer.post(url, follow=True)
    assert response.content == b"%PDF-1.7 fake"


def test_a_failed_pdf_job_shows_the_reason_on_its_page(demo, written, client_as, monkeypatch):
    def broken(docx):
        raise pdf.ExportError("LibreOffice转换超时")

    monkeypatch.setattr(pdf, "pdf_bytes", broken)
    officer = client_as(demo.users["donghu_officer"])
    with override_settings(TASKS=DUMMY):
        officer.post(f"/annual-reports/{written.pk}/pdf/")
    job = Job.objects.get(user=demo.users["donghu_officer"], kind=Job.Kind.PDF)
    tasks.run_work.call(job.pk)
    job.refresh_from_db()
    assert (job.status, job.output) == (Job.Status.FAILED, None)
    page = officer.get(job.get_absolute_url()).content.decode()
    assert "未完成：PDF导出失败：LibreOffice转换超时" in page
    assert "/file/" not in page
    assert "PDF导出失败" in officer.get("/jobs/").content.decode()
