"""Loading the synthetic province (core/scale.py, as `fazhi generate_scale_data` does) as a
background job: a system administrator starts it on the 合成数据 page, and the job's page
follows it line by line and shows its result or why it failed."""

import functools
import time

from django.urls import reverse

from fazhi.core import scale

from . import jobs
from .jobs import Failed, Outcome, work
from .models import Job


def start(*, actor, year: int, share: str, cities: int = 16, districts: int = 150) -> Job:
    """The job of replacing the synthetic province by one of `share` (规模, as text: "0.1")
    of the full data set for `year`."""
    return jobs.start_work(
        actor=actor,
        kind=Job.Kind.SCALE,
        title=f"生成合成数据：{year}年，规模{share}",
        run=functools.partial(
            load_scale_data, year=year, share=share, cities=cities, districts=districts
        ),
        done=reverse("jobs:scale_data"),
    )


@work
def load_scale_data(
    *, actor, progress, year: int, share: str, cities: int, districts: int
) -> Outcome:
    if not actor.is_superuser:
        raise Failed("仅系统管理员可生成合成数据")
    options = scale.Options(
        year=year,
        counts=scale.line_counts(float(share)),
        cities=cities,
        districts=districts,
        progress=False,
    )
    started = time.monotonic()
    try:
        scale.generate(options, replace=True, log=lambda message: None, progress=progress)
    except scale.ScaleDataError as error:
        raise Failed(str(error)) from error
    records = sum(options.counts.values())
    return Outcome(
        f"已生成合成数据：{year}年，规模{share}，{records}条记录，用时{time.monotonic() - started:.1f}秒",
        url=reverse("jobs:scale_data"),
    )
