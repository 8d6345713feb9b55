from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import selectors


@require_safe
def job_list(request):
    return render(request, "jobs/job_list.html", {"jobs": selectors.jobs_of(request.user)[:50]})


@require_safe
def job_detail(request, pk):
    """The job's progress and result; htmx polls the progress part until the job ends."""
    job = selectors.jobs_of(request.user).filter(pk=pk).first()
    if job is None:  # another user's job, of this district or another: not shown
        raise Http404("没有这个任务")
    template = "jobs/_progress.html" if request.htmx else "jobs/job_detail.html"
    return render(request, template, {"job": job, "errors": job.errors})
