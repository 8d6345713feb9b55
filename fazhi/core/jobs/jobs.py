"""Starting background jobs from a page: `start_import` stores the upload and the call as a
`Job` and enqueues it (tasks.py). A call is `functools.partial(service, **records)`: the
service is found again by its dotted path, records by their model and pk.

Other long work (a PDF, a consolidation, a batch of reports read) is a `@work` function,
`func(*, actor, progress, **records) -> Outcome`, started by `start_work` and run by the
`run_work` task: its outcome (a message, a file to download, a page to go to) or its failure
(the reason, in Chinese: raise `Failed`) is shown on the job's page."""

import functools
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string

from fazhi.core.imports import ImportSpec, RowError
from fazhi.core.pdf import ExportError

from . import services, tasks
from .models import Job


def _value(value):
    if isinstance(value, models.Model):
        return {"model": value._meta.label, "pk": value.pk}
    if value is None or isinstance(value, str | int | bool):
        return value
    raise TypeError(f"任务参数无法保存：{value!r}")


class Failed(Exception):
    """The work could not be done; the message says why, in Chinese (shown to the user)."""


@dataclass(frozen=True)
class Outcome:
    """What a finished work gives its user: the message, a file, where to go next."""

    message: str
    content: bytes | None = None
    filename: str = ""
    content_type: str = ""
    url: str = ""
    problems: tuple[str, ...] = ()  # what could not be done of a work done in part


def pdf_outcome(make, *, progress, message: str, filename: str, url: str) -> Outcome:
    """A PDF made by `make()` (LibreOffice: seconds to minutes) as the job's file; LibreOffice's
    failure (fazhi.core.pdf.ExportError) is the job's reason shown to its user."""
    progress(0, 1)
    try:
        content = make()
    except ExportError as error:
        raise Failed(f"PDF导出失败：{error}") from error
    progress(1, 1)
    return Outcome(
        message, content=content, filename=filename, content_type="application/pdf", url=url
    )


def work(func):
    """Marks `func` as work a job may run (found again by its dotted path)."""
    func.is_job_work = True
    return func


def _runnable(func) -> bool:
    return getattr(func, "is_service", False) or getattr(func, "is_job_work", False)


def serialize_call(run: functools.partial) -> dict:
    func = run.func
    if not _runnable(func) or run.args:
        raise TypeError("导入任务须为服务及其关键字参数（functools.partial）")
    return {
        "service": f"{func.__module__}.{func.__qualname__}",
        "kwargs": {key: _value(value) for key, value in run.keywords.items() if key != "actor"},
    }


def resolve_call(call: dict):
    """The service and its keyword arguments (records fetched again) of a stored call."""
    func = import_string(call["service"])
    if not _runnable(func):
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


def start_work(
    *, actor, kind: str, title: str, run: functools.partial, done: str = "", data=None
) -> Job:
    """The job of running the `@work` call `run` (its data, if any, passed as `data`),
    enqueued; returned as it stands after the enqueueing."""
    job = services.create_job(
        actor=actor, kind=kind, title=title, call=serialize_call(run), data=data, done_url=done
    )
    enqueue(job)
    job.refresh_from_db()
    return job


def enqueue(job: Job, *, delay: int = 0) -> None:
    task = tasks.run_import if job.kind == Job.Kind.IMPORT else tasks.run_work
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


def answer(request, job: Job):
    """A page's answer to the work it started: the file or the page of a job done already
    (the immediate backend), the reason of a failure on the page it came from, or the
    job's page that follows its progress."""
    from django.contrib import messages
    from django.shortcuts import redirect

    if job.status == Job.Status.DONE:
        if job.output_name:
            return redirect("jobs:job_file", job.pk)
        messages.success(request, job.message)
        return redirect(job.done_url or job)
    if job.status == Job.Status.FAILED:
        for _row, _column, message in job.errors:
            messages.error(request, message)
        return redirect(job.done_url or job)
    return redirect(job)
