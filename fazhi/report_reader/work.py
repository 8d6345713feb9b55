"""Batch report reading in the background (fazhi/core/jobs): several uploaded reports are read by
the worker one after the other (a PDF of a hundred pages takes seconds), the job's page
counting the files and naming, when done, those that could not be read."""

import functools
import io
import json
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fazhi.core.jobs import jobs
from fazhi.core.jobs.jobs import Failed, Outcome, work
from fazhi.core.jobs.models import Job

from . import services

REFUSED = "refused.json"  # the bundle's list of files refused before reading (too large)


def bundle(uploads) -> tuple[bytes, int]:
    """The uploads as one zip (names kept in order) and their number; a file refused by its
    size or type alone is not stored, only its reason."""
    buffer, refused = io.BytesIO(), []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, upload in enumerate(uploads):
            problem = services.check_upload(upload)
            if problem:
                refused.append(problem)
                continue
            archive.writestr(f"{number:04d}/{upload.name}", upload.read())
        archive.writestr(REFUSED, json.dumps(refused, ensure_ascii=False))
    return buffer.getvalue(), len(uploads)


def start_reading(*, actor, unit, uploads) -> Job:
    """The job of reading `uploads` for `unit` (the form's token goes with its creation)."""
    data, count = bundle(uploads)
    return jobs.start_work(
        actor=actor,
        kind=Job.Kind.READ,
        title=f"批量解析报告（{count}份）",
        run=functools.partial(read_reports, unit=unit),
        data=data,
        done=reverse("report_reader:report_list"),
    )


@work
def read_reports(*, actor, progress, unit, data: bytes) -> Outcome:
    """Each file of the bundle read and stored (one report per readable file)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        problems = json.loads(archive.read(REFUSED))
        names = sorted(name for name in archive.namelist() if name != REFUSED)
        total = len(names) + len(problems)
        reports = []
        for done, name in enumerate(names):
            progress(done, total)
            upload = SimpleUploadedFile(name.split("/", 1)[1], archive.read(name))
            stored, errors = services.store_reports(actor=actor, unit=unit, uploads=[upload])
            reports.extend(stored)
            problems.extend(errors)
    progress(total, total)
    if not reports:
        raise Failed("没有可以解析的报告：" + "；".join(problems))
    url = reports[0].get_absolute_url() if len(reports) == 1 else ""
    return Outcome(f"已解析并保存{len(reports)}份报告", url=url, problems=tuple(problems))
