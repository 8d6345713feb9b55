"""The tasks the worker runs (django-tasks; `fazhi db_worker` with the database backend).

An import job: the workbook is read and checked first, outside any transaction (its
progress written as it goes), then the import service runs on the checked rows — its
transaction holds only its own writes, so on SQLite no one waits behind the reading. Row
errors fail the job at once (all rows or none); a busy database ("database is locked",
a lost connection) is retried, at most FAZHI_TASK_ATTEMPTS times in all."""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError
from django_tasks import task

from fazhi.core.imports import Checked, ImportRefused, RowError, spec_by_key
from fazhi.core.querysets import set_active_membership
from fazhi.core.viewtools import error_text

logger = logging.getLogger(__name__)


@task()
def run_import(job_id: int) -> str:
    from . import jobs, services

    job = services.claim(job_id)
    if job is None:
        return "skipped"
    data = bytes(job.data or b"")
    try:
        set_active_membership(job.user, job.membership)
        func, kwargs = jobs.resolve_call(job.call)
        spec = spec_by_key(job.spec_key)
        if spec is not None:  # read and check before the service's transaction
            rows = spec.read_rows(
                data, progress=lambda done, total: services.report_progress(job, done, total)
            )
            data = Checked(spec, rows, data)
        count = func(actor=job.user, data=data, **kwargs)
    except ImportRefused as refused:
        services.finish(job, errors=[_row(error) for error in refused.errors])
    except (ValidationError, PermissionDenied) as error:
        services.finish(job, errors=[(0, "文件", error_text(error))])
    except OperationalError:
        return _busy(job, (0, "全部", f"数据库繁忙，已尝试{job.attempts}次，未导入任何数据"))
    except Exception as error:  # any other failure is shown on the job page, not lost
        logger.exception("import job %s failed", job_id)
        services.finish(
            job, errors=[(0, "全部", f"导入出错（{error.__class__.__name__}），未导入任何数据")]
        )
    else:
        services.finish(job, count=count, message=job.success.format(count=count))
    return "finished"


def _busy(job, refusal: tuple) -> str:
    """A busy database: the job queued again a little later, or (its attempts used up)
    failed with `refusal`."""
    from . import jobs, services

    if job.attempts < settings.FAZHI_TASK_ATTEMPTS:
        services.requeue(job, f"数据库繁忙，第{job.attempts}次未完成，稍后重试")
        jobs.enqueue(job, delay=5 * job.attempts)
        return "retry"
    services.finish(job, errors=[refusal])
    return "finished"


def _row(error: RowError) -> tuple:
    return (error.row, error.column, error.message)


@task()
def run_work(job_id: int) -> str:
    """A `@work` job (jobs.py): its outcome, or its failure with the reason; a busy database
    is retried like an import's, at most FAZHI_TASK_ATTEMPTS times in all."""
    from . import jobs, services

    job = services.claim(job_id)
    if job is None:
        return "skipped"
    try:
        set_active_membership(job.user, job.membership)
        func, kwargs = jobs.resolve_call(job.call)
        if job.data is not None:
            kwargs["data"] = bytes(job.data)
        outcome = func(
            actor=job.user,
            progress=lambda done, total: services.report_progress(job, done, total),
            **kwargs,
        )
    except jobs.Failed as failure:
        services.finish(job, errors=[(0, "原因", str(failure))])
    except (ValidationError, PermissionDenied) as error:
        services.finish(job, errors=[(0, "原因", error_text(error))])
    except OperationalError:
        return _busy(job, (0, "原因", f"数据库繁忙，已尝试{job.attempts}次仍未完成"))
    except Exception as error:  # any other failure is shown on the job page, not lost
        logger.exception("job %s failed", job_id)
        services.finish(job, errors=[(0, "原因", f"处理出错（{error.__class__.__name__}）")])
    else:
        services.finish_work(job, outcome)
    return "finished"
