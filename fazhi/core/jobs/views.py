from urllib.parse import quote

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_safe

from . import jobs, scale, selectors


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


class ScaleForm(forms.Form):
    year = forms.IntegerField(label="数据所属年度", min_value=2004, max_value=2026, initial=2025)
    share = forms.DecimalField(
        label="规模（1 为全量，约一百万件复议案件）",
        min_value=0,
        max_value=1,
        decimal_places=3,
        initial="0.01",
    )


@require_http_methods(["GET", "POST"])
def scale_data(request):
    """合成数据 (system administrators): the synthetic province for benchmarks, replaced by a
    background job whose page shows its progress and its result."""
    if not request.user.is_superuser:
        raise PermissionDenied("仅系统管理员可生成合成数据")
    form = ScaleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        share = format(form.cleaned_data["share"].normalize(), "f")
        job = scale.start(actor=request.user, year=form.cleaned_data["year"], share=share)
        return jobs.answer(request, job)
    return render(request, "jobs/scale_data.html", {"form": form})
