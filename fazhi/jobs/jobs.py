"""Starting background jobs from a page: `start_import` stores the upload and the call as a
`Job` and enqueues it (tasks.py). A call is `functools.partial(service, **records)`: the
service is found again by its dotted path, records by their model and pk."""

import functools

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string

from fazhi.core.imports import ImportSpec, RowError

from . import services, tasks
from .models import Job


def _value(value):
    if isinstance(value, models.Model):
        return {"model": value._meta.label, "pk": value.pk}
    if value is None or isinstance(value, str | int | bool):
        return value
    raise TypeError(f"任务参数无法保存：{value!r}")


def serialize_call(run: functools.partial) -> dict:
    func = run.func
    if not getattr(func, "is_service", False) or run.args:
        raise TypeError("导入任务须为服务及其关键字参数（functools.partial）")
    return {
        "service": f"{func.__module__}.{func.__qualname__}",
        "kwargs": {key: _value(value) for key, value in run.keywords.items() if key != "actor"},
    }


def resolve_call(call: dict):
    """The service and its keyword arguments (records fetched again) of a stored call."""
    func = import_string(call["service"])
    if not getattr(func, "is_service", False):
        raise TypeError(f"{call['service']} 不是服务")
    kwargs = {}
    for key, value in call["kwargs"].items():
        if isinstance(value, dict):
            value = apps.get_model(value["model"])._default_manager.get(pk=value["pk"])
        kwargs[key] = value
    return func, kwargs


def start_import(
    *, actor, spec: ImportSpec, run, data: bytes, title: str, success: str, done: str
) -> Job:
    """The job of importing `data` through `run`, enqueued; returned as it stands after the
    enqueueing (finished already when the backend runs tasks immediately)."""
    job = services.create_job(
        actor=actor,
        title=title,
        call=serialize_call(run),
        spec_key=spec.key,
        data=data,
        success=success,
        done_url=done,
    )
    enqueue(job)
    job.refresh_from_db()
    return job


def enqueue(job: Job, *, delay: int = 0) -> None:
    task = tasks.run_import
    if delay and task.get_backend().supports_defer:
        task = task.using(run_after=delay_from_now(delay))
    result = task.enqueue(job.pk)
    Job.objects.filter(pk=job.pk, task_id="").update(task_id=str(result.id)[:64])


def delay_from_now(seconds: int):
    import datetime

    from django.utils import timezone

    return timezone.now() + datetime.timedelta(seconds=seconds)


def row_errors(job: Job) -> list[RowError]:
    return [RowError(*error) for error in job.errors]


def max_attempts() -> int:
    return settings.FAZHI_TASK_ATTEMPTS
