"""取数 / 汇总 runs as a background job (issue 15, item 3): the return's page starts it, the
job's page shows the result; a refusal (the return submitted meanwhile) is shown with its
reason on the job's page, and nothing of the return changes."""

import re

import pytest
from django.test import override_settings

from fazhi.core.jobs import tasks
from fazhi.core.jobs.models import Job
from fazhi.core.models import DomainEvent
from fazhi.statistics import services
from fazhi.statistics.models import State

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def city(demo):
    return services.create_return(
        actor=demo.users["city_statistician"],
        unit=demo.units["city_justice"],
        template_code="FZ诉1表",
        period_key="2025",
    )


def start(client, statreturn) -> Job:
    page = client.get(statreturn.get_absolute_url()).content.decode()
    form = re.search(r'refresh/">.*?name="form_token" value="([0-9a-f]+)"', page).group(1)
    with override_settings(TASKS=DUMMY):  # enqueued, not run
        response = client.post(f"/statistics/{statreturn.pk}/refresh/", {"form_token": form})
    job = Job.objects.filter(kind=Job.Kind.CONSOLIDATE).latest("pk")
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    return job


def test_a_consolidation_runs_as_a_job_whose_page_shows_the_result(demo, city, client_as):
    client = client_as(demo.users["city_statistician"])
    computed = city.computed_at
    job = start(client, city)
    assert job.status == Job.Status.QUEUED and "汇总下级报表并重新取数" in job.title
    tasks.run_work.call(job.pk)
    part = client.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert "已汇总下级报表并按记录重新取数" in part and city.get_absolute_url() in part
    city.refresh_from_db()
    assert city.computed_at > computed
    assert DomainEvent.objects.filter(
        action="statistics.refresh_return", target_id=str(city.pk)
    ).exists()
    # the immediate backend: the message on the return's page at once
    page = client.get(city.get_absolute_url()).content.decode()
    form = re.search(r'refresh/">.*?name="form_token" value="([0-9a-f]+)"', page).group(1)
    response = client.post(f"/statistics/{city.pk}/refresh/", {"form_token": form}, follow=True)
    assert "已汇总下级报表并按记录重新取数" in response.content.decode()
    # the job is its user's alone
    other = client_as(demo.users["donghu_statistician"])
    assert other.get(job.get_absolute_url()).status_code == 404


def test_a_refused_refresh_shows_the_reason_on_the_jobs_page(demo, city, client_as):
    client = client_as(demo.users["city_statistician"])
    job = start(client, city)
    city.state = State.SUBMITTED  # meanwhile (as if submitted in another tab)
    city.save(update_fields=["state"])
    values = dict(city.values)
    tasks.run_work.call(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.errors[0][1] == "原因"
    page = client.get(job.get_absolute_url()).content.decode()
    assert f"未完成：{job.errors[0][2]}" in page and "已上报" in job.errors[0][2]
    city.refresh_from_db()
    assert city.values == values and city.state == State.SUBMITTED
