from urllib.parse import quote

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import selectors


@require_safe
def job_list(request):
    return render(request, "jobs/job_list.html", {"jobs": selectors.jobs_of(request.user)[:50]})


@require_safe
def job_detail(request, pk):
    """The job's progress and result; htmx polls the progress part until the job ends."""
    job = _own_job(request, pk)
    template = "jobs/_progress.html" if request.htmx else "jobs/job_detail.html"
    return render(request, template, {"job": job, "errors": job.errors})


@require_safe
def job_file(request, pk):
    """The file a finished job made (a PDF), for the user who started it."""
    job = _own_job(request, pk)
    if job.output is None:  # read now (deferred in the lists)
        raise Http404("该任务没有生成文件")
    response = HttpResponse(bytes(job.output), content_type=job.output_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(job.output_name)}"
    return response


def _own_job(request, pk):
    job = selectors.jobs_of(request.user).filter(pk=pk).first()
    if job is None:  # another user's job, of this district or another: not shown
        raise Http404("没有这个任务")
    return job
