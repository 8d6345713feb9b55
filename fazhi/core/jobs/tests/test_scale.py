"""Loading the synthetic province as a background job (issue 15, item 3): a system
administrator starts it on its page, the job's page shows its progress and its result."""

import pytest
from django.test import override_settings

from fazhi.core import scale as core_scale
from fazhi.core.jobs import scale, tasks
from fazhi.core.jobs.models import Job
from fazhi.core.models import Unit

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_the_scale_data_is_loaded_by_a_job_whose_page_shows_progress(demo, client_as):
    admin = demo.admin
    page = client_as(admin)
    assert "开始生成" in page.get("/jobs/scale/").content.decode()
    assert client_as(demo.users["donghu_officer"]).get("/jobs/scale/").status_code == 403
    with override_settings(TASKS=DUMMY):  # enqueued, not run
        response = page.post("/jobs/scale/", {"year": 2025, "share": "0.001"})
        small = scale.start(actor=admin, year=2025, share="0.0001", cities=2, districts=3)
    job = Job.objects.get(
        user=admin, kind=Job.Kind.SCALE, title__contains="规模0.001", pk__lt=small.pk
    )
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert job.call["kwargs"] == {"year": 2025, "share": "0.001", "cities": 16, "districts": 150}
    assert "排队中" in page.get(small.get_absolute_url()).content.decode()
    tasks.run_work.call(small.pk)
    small.refresh_from_db()
    assert small.status == Job.Status.DONE, small.errors
    assert (small.checked, small.total) == (small.total, len(core_scale.makers()) + 1)
    province = core_scale.synthetic_province()
    assert Unit.objects.filter(path__startswith=province.path, kind=Unit.Kind.DISTRICT).count() == 3
    shown = page.get(small.get_absolute_url()).content.decode()
    assert "已生成合成数据：2025年，规模0.0001" in shown


def test_only_a_system_administrator_may_load_it(demo):
    job = scale.start(actor=demo.users["donghu_officer"], year=2025, share="0.0001")
    job.refresh_from_db()  # the immediate backend ran it at once
    assert job.status == Job.Status.FAILED
    assert job.errors[0][2] == "仅系统管理员可生成合成数据"
    assert core_scale.synthetic_province() is None
