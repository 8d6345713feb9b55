"""The job records' writes: made, started, told its progress, finished (all short, each its
own transaction: none is held while the workbook is read)."""

from django.db.models import F
from django.utils import timezone

from fazhi.core.audit import service
from fazhi.core.querysets import active_membership

from .models import Job


@service
def create_job(*, actor, title: str, **fields) -> Job:
    job = Job(user=actor, membership=active_membership(actor), title=title, **fields)
    job.full_clean(exclude=["data", "membership"])
    job.save()
    return job


def claim(job_id: int) -> Job | None:
    """Mark a queued job running (one attempt more); None when it is not queued (done,
    failed or taken by another worker)."""
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, attempts=F("attempts") + 1, started_at=timezone.now()
    )
    return Job.objects.get(pk=job_id) if claimed else None


def report_progress(job: Job, checked: int, total: int) -> None:
    Job.objects.filter(pk=job.pk).update(checked=checked, total=total)


def requeue(job: Job, reason: str) -> None:
    Job.objects.filter(pk=job.pk).update(status=Job.Status.QUEUED, message=reason[:300])


def finish(job: Job, *, count: int = 0, message: str = "", errors=()) -> None:
    """Done (errors empty) or failed; the upload is dropped either way."""
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.FAILED if errors else Job.Status.DONE,
        count=count,
        message=message[:300],
        errors=[list(error) for error in errors],
        data=None,
        finished_at=timezone.now(),
    )


def finish_work(job: Job, outcome) -> None:
    """A `@work` job done: its message, its file (kept for its user to download), its page."""
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE,
        message=outcome.message[:300],
        output=outcome.content,
        output_name=outcome.filename[:200],
        output_type=outcome.content_type[:100],
        done_url=(outcome.url or job.done_url)[:500],
        errors=[[0, "未完成", problem] for problem in outcome.problems],
        data=None,
        finished_at=timezone.now(),
    )
