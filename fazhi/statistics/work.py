"""The returns' long work, run by the worker (fazhi/core/jobs): 取数 and 汇总 — a return counted
again from the records and, for a consolidated return, summed again from its child areas'
submitted returns — is a job whose page shows the result or why it was refused."""

import functools

from fazhi.core.jobs import jobs
from fazhi.core.jobs.jobs import Outcome, work
from fazhi.core.jobs.models import Job

from . import services


def start_refresh(*, actor, statreturn) -> Job:
    """The job of refreshing `statreturn` (the form's token goes with its creation)."""
    noun = "汇总下级报表并重新取数" if statreturn.consolidated else "按记录重新取数"
    return jobs.start_work(
        actor=actor,
        kind=Job.Kind.CONSOLIDATE,
        title=f"{noun}：{statreturn}"[:200],
        run=functools.partial(refresh, statreturn=statreturn),
        done=statreturn.get_absolute_url(),
    )


@work
def refresh(*, actor, progress, statreturn) -> Outcome:
    progress(0, 1)
    services.refresh_return(actor=actor, statreturn=statreturn)
    progress(1, 1)
    if statreturn.consolidated:
        return Outcome("已汇总下级报表并按记录重新取数", url=statreturn.get_absolute_url())
    return Outcome("已按记录重新取数", url=statreturn.get_absolute_url())
